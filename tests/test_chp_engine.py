"""CHP prime movers: part-load efficiency, exhaust heat recovery through the pinch engine, PES, CO2e."""
import CoolProp.CoolProp as CP
import pytest

from procsim.accounting import emissions
from procsim.stream import Stream
from units.chp import CHPUnit, primary_energy_savings

pytestmark = pytest.mark.component


def _run(lf=1.0):
    u = CHPUnit("gas_engine", 2.0e6, 0.435, 693.15)
    w = Stream("Water", 378.15, 1.0e6, 1.0)
    hs = Stream("Water", None, 1.0e6, 1.0, x=1.0).h
    return u, u.run(lf, w, hs)


def test_pes_against_directive_formula():
    # Directive 2012/27/EU Annex II(b) with Ref E 0.53 and Ref H 0.92 (EU 2015/2402), by hand
    assert primary_energy_savings(0.40, 0.45) == pytest.approx(1 - 1 / (0.45 / 0.92 + 0.40 / 0.53), rel=1e-14)
    assert primary_energy_savings(0.0, 0.92) == pytest.approx(0.0, abs=1e-14)   # a reference boiler saves nothing


def test_full_and_part_load():
    u, r = _run()
    assert r.fuel_input == pytest.approx(2.0e6 / 0.435, rel=1e-12)
    # steam raised = exhaust duty / (h_sat vapour 10 bar - h 105 C) with CoolProp directly
    dh = CP.PropsSI("H", "P", 1e6, "Q", 1, "IF97::Water") - CP.PropsSI("H", "P", 1e6, "T", 378.15, "IF97::Water")
    assert r.water_flow == pytest.approx(r.exhaust_heat_recovered / dh, rel=1e-6)
    assert r.recovery.profile.min_approach == pytest.approx(15.0, abs=1e-6)
    assert abs(r.energy_residual) < 1e-6 * r.exhaust_heat_recovered
    assert r.total_efficiency == pytest.approx(0.435 + (r.exhaust_heat_recovered + 0.22 * r.fuel_input) / r.fuel_input)
    # a 2 MWe lean-burn engine: exhaust about 3 kg/s (J616 class: ~11 t/h, US EPA CHP catalog 2017 Table 2-2 scale)
    assert 2.5 < r.exhaust.mass_flow < 4.0
    _, half = _run(0.5)
    assert half.electrical_efficiency == pytest.approx(0.435 * 0.92, rel=1e-12)   # data row 0.50 -> 0.920
    assert u.relative_efficiency(0.625) == pytest.approx(0.5 * (0.92 + 0.975), rel=1e-12)
    assert half.primary_energy_savings < r.primary_energy_savings


def test_co2e_displaced_by_year():
    _, r = _run()
    out = r.co2e_displaced(8000.0, [2023, 2024])
    kwh = 2.0e6 * 8000 / 1000.0
    sec = 8000 * 3600.0
    e = 9000 * 4186.8
    gas = emissions({"natural_gas_nm3": r.fuel_input * sec / e}).total_co2e_t
    boiler = emissions({"natural_gas_nm3": (r.exhaust_heat_recovered + r.jacket_heat) / 0.92 * sec / e}).total_co2e_t
    assert out[2024] == pytest.approx(kwh * 0.474e-3 - gas + boiler, rel=1e-9)
    assert out[2023] - out[2024] == pytest.approx(kwh * (0.494 - 0.474) / 1e3, rel=1e-9)


def test_errors():
    with pytest.raises(ValueError, match="CHPUnit kind must be one of"):
        CHPUnit("steam_engine", 1e6, 0.4, 700.0)
    with pytest.raises(ValueError, match="jacket_heat_fraction must be 0 for a gas turbine"):
        CHPUnit("gas_turbine", 1e6, 0.3, 750.0)
    u = CHPUnit("gas_engine", 1e6, 0.4, 700.0)
    with pytest.raises(ValueError, match="load_fraction must be in"):
        u.relative_efficiency(0.2)
