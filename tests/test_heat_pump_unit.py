"""HeatPump unit: pinch on both exchangers through the zone engine, balances, errors."""
import CoolProp.CoolProp as CP
import pytest

from procsim.stream import Stream
from units.heat_pump import HeatPump, simple_cycle



def _solve(**kw):
    hp = HeatPump("R1233zd(E)", 363.15, **kw)
    return hp.solve(Stream("Water", 333.15, 3e5, 10.0), Stream("Water", 343.15, 3e5, 5.0))


@pytest.mark.component
def test_pinches_balances_and_cycle():
    r = _solve()
    assert r.evaporator.min_approach == pytest.approx(5.0, abs=1e-6)
    assert r.condenser.min_approach == pytest.approx(5.0, abs=1e-6)
    assert r.sink_out.T == pytest.approx(363.15, abs=1e-6)
    # sink duty from CoolProp directly (IF97 water at 3 bar, 70 -> 90 C, 5 kg/s)
    h = lambda t: CP.PropsSI("H", "T", t, "P", 3e5, "IF97::Water")
    assert r.heating == pytest.approx(5.0 * (h(363.15) - h(343.15)), rel=1e-9)
    assert r.energy_residual == pytest.approx(0.0, abs=1e-6 * r.heating)
    # source balance: 10 kg/s gives up the evaporator duty
    assert 10.0 * (h(333.15) - h(r.source_out.T)) == pytest.approx(r.heat_from_source, rel=1e-6)
    c = simple_cycle("R1233zd(E)", r.evaporating_temperature, r.condensing_temperature, 5.0, 2.0,
                     r.cycle.isentropic_efficiency)
    assert r.cop_heating_shaft == pytest.approx(c.cop_heating, rel=1e-9)
    assert r.cop_heating == pytest.approx(0.95 * c.cop_heating, rel=1e-9)
    # pinch sits at the refrigerant's dew point in the condenser: sink there = T_c - pinch
    assert 0.0 < r.lorenz_efficiency < 1.0


@pytest.mark.component
def test_larger_pinch_costs_cop():
    assert _solve(evaporator_pinch=10.0, condenser_pinch=10.0).cop_heating < _solve().cop_heating


@pytest.mark.component
def test_errors():
    with pytest.raises(ValueError, match="HeatPump sink_outlet_temperature must be > 0 K"):
        HeatPump("R134a", -5.0)
    with pytest.raises(ValueError, match="HeatPump evaporator_pinch must be > 0"):
        HeatPump("R134a", 330.0, evaporator_pinch=0.0)
    hp = HeatPump("R1233zd(E)", 363.15)
    with pytest.raises(ValueError, match="source flow too small"):
        hp.solve(Stream("Water", 333.15, 3e5, 0.05), Stream("Water", 343.15, 3e5, 5.0))
    with pytest.raises(ValueError, match="must be > sink_in temperature"):
        hp.solve(Stream("Water", 333.15, 3e5, 10.0), Stream("Water", 365.15, 3e5, 5.0))


@pytest.mark.integration
def test_plant_file_with_heat_pump():
    from pathlib import Path

    from typer.testing import CliRunner

    from procsim.cli import app
    plant = Path(__file__).resolve().parents[1] / "cases" / "plants" / "heat_pump_process_water.toml"
    res = CliRunner().invoke(app, ["run", str(plant)])
    assert res.exit_code == 0, res.output
    r = _solve()
    kwh = r.electric_power * 8000.0 / 1e3
    # the plant's annual electricity equals the unit solved directly (same inputs)
    line = [x for x in res.output.splitlines() if x.strip().startswith("electricity_kwh")][0]
    assert float(line.split()[1].replace(",", "")) == pytest.approx(kwh, rel=1e-5)


@pytest.mark.component
def test_transcritical_co2_water_heater():
    from units.heat_pump import vapour_compression_cycle
    hp = HeatPump("R744", 363.15, superheat=5.0)
    r = hp.solve(Stream("Water", 303.15, 2e5, 5.0), Stream("Water", 288.15, 3e5, 1.0))
    assert r.gas_cooler_pressure > 7.3773e6 and r.condensing_temperature != r.condensing_temperature   # NaN
    assert r.condenser.min_approach == pytest.approx(5.0, abs=2e-4)
    assert r.evaporator.min_approach == pytest.approx(5.0, abs=1e-6)
    assert r.sink_out.T == pytest.approx(363.15, abs=1e-6)
    assert r.energy_residual == pytest.approx(0.0, abs=1e-6 * r.heating)
    c = vapour_compression_cycle("R744", r.evaporating_temperature, superheat=5.0, gas_cooler_pressure=r.gas_cooler_pressure,
                                 gas_cooler_outlet_temperature=293.15, isentropic_efficiency="brunin1997")
    assert r.cop_heating_shaft == pytest.approx(c.cop_heating, rel=1e-9)
    # a higher gas-cooler pressure (pinch kept) costs COP: the lowest feasible pressure is best here
    hi = vapour_compression_cycle("R744", r.evaporating_temperature, superheat=5.0,
                                  gas_cooler_pressure=r.gas_cooler_pressure + 1.0e6, gas_cooler_outlet_temperature=293.15,
                                  isentropic_efficiency="brunin1997")
    assert hi.cop_heating < c.cop_heating
