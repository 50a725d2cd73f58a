"""CHP as a plant-file unit: hand calculations with Cantera called directly, and the shipped plant file."""
from pathlib import Path

import cantera as ct
import pytest

from procsim.accounting import carrier_energy
from procsim.plant import evaluate_options, solve_plant
from procsim.stream import Stream
from units.chp.plant_unit import CHPPlantUnit

PLANTS = Path(__file__).resolve().parents[1] / "cases" / "plants"
CH4_LHV_MOLAR = 802.69e3     # J/mol at 25 C (ISO 6976:2016 Table 3, methane net calorific value)
V_NORMAL = 0.0224140         # m3/mol, ideal gas at 0 C, 101.325 kPa


def _unit(**kw):
    base = dict(name="chp", rated_power=1.0e6, electrical_efficiency=0.40, exhaust_temperature=723.15,
                fuel="biogas", methane_fraction=0.6)
    base.update(kw)
    return CHPPlantUnit(**base)


@pytest.mark.component
def test_biogas_engine_against_hand_calculation():
    u = _unit()
    w_in = Stream("Water", 343.15, 4e5, 12.0)
    s = u.solve({"water_in": w_in})
    r = s.result
    # full load: P = 1 MW, fuel 2.5 MW (LHV), jacket 22 % of the fuel
    assert r.power == 1.0e6 and r.fuel_input == pytest.approx(2.5e6, rel=1e-12)
    assert r.carriers == {"electricity_kwh": pytest.approx(-1.0e6 / 3.6e6, rel=1e-12)}
    assert r.jacket_heat == pytest.approx(0.22 * 2.5e6, rel=1e-12)
    # biogas volume from methane's LHV by hand: 0.6 x 802.69 kJ/mol per mol of gas
    assert r.biogas_volume == pytest.approx(2.5e6 / (0.6 * CH4_LHV_MOLAR) * V_NORMAL, rel=2e-3)
    # every carbon atom leaves as CO2 (biogenic): 1 mol CO2 per mol of biogas
    assert r.biogenic_co2 == pytest.approx(2.5e6 / (0.6 * CH4_LHV_MOLAR) * 44.0095e-3, rel=2e-3)
    # the exhaust heat down to the 120 C stack by Cantera called directly: the McBride et al. (1993)
    # NASA-7 data procsim ships (nasa_gas.yaml) to 1e-9, and GRI-Mech 3.0's thermo to 5e-4
    exh = u._engine.prime_mover(1.0)[3]
    x = {k: v for k, v in exh.material.mole_fractions.items() if v > 0}
    found = {sp.name: sp for sp in ct.Species.list_from_file("nasa_gas.yaml")}
    names = {"AR": "Ar"}
    nasa = ct.Solution(thermo="ideal-gas", species=[found[names.get(k, k)] for k in x])
    xn = {names.get(k, k): v for k, v in x.items()}

    def q(sol, comp):
        sol.TPX = 723.15, exh.p, comp
        h_hot = sol.enthalpy_mass
        sol.TPX = 393.15, exh.p, comp
        return exh.mass_flow * (h_hot - sol.enthalpy_mass)
    q_exh = q(nasa, xn)
    gri = {"AR": "AR"}
    assert r.exhaust_heat_recovered == pytest.approx(q(ct.Solution("gri30.yaml"), {gri.get(k, k): v for k, v in x.items()}),
                                                     rel=5e-4)
    assert r.limited_by == "stack"
    assert r.exhaust_heat_recovered == pytest.approx(q_exh, rel=1e-9)
    assert r.stack_temperature == pytest.approx(393.15, abs=1e-6)
    # the water loop: outlet enthalpy = inlet + (jacket + exhaust) / flow; closed balances
    out = s.outlets["water_out"]
    assert out.h == pytest.approx(w_in.h + (r.jacket_heat + q_exh) / 12.0, rel=1e-9)
    assert r.mass_residual == 0.0 and abs(r.energy_residual) < 1e-6 * r.fuel_input
    assert r.other_losses > 0.0


@pytest.mark.component
def test_small_water_flow_is_pinch_limited_and_natural_gas_carriers():
    u = _unit(fuel="natural_gas", methane_fraction=None, load_fraction=0.75)
    s = u.solve({"water_in": Stream("Water", 343.15, 10e5, 1.0)})
    r = s.result
    assert r.limited_by == "pinch"
    # the water leaves one pinch below the exhaust inlet (the hot end binds for a small water flow)
    assert r.stack_temperature > 393.15
    assert r.carriers["natural_gas_nm3"] == pytest.approx(r.fuel_input / carrier_energy("natural_gas_nm3", 1.0, "J"),
                                                          rel=1e-12)
    assert r.carriers["electricity_kwh"] == pytest.approx(-0.75e6 / 3.6e6, rel=1e-12)
    assert r.biogas_volume == 0.0


@pytest.mark.component
def test_bad_parameters_name_themselves():
    with pytest.raises(ValueError, match="methane_fraction .* is required"):
        _unit(methane_fraction=None)
    with pytest.raises(ValueError, match="methane_fraction applies to fuel 'biogas' only"):
        _unit(fuel="natural_gas")
    with pytest.raises(ValueError, match="fuel"):
        _unit(fuel="coal")
    with pytest.raises(ValueError, match="load_fraction"):
        _unit(load_fraction=0.1)


@pytest.mark.integration
def test_biogas_plant_file_and_options():
    r = solve_plant(PLANTS / "biogas_chp.toml")
    units = r.periods[0].units
    chp, pumps = units["chp"], units["ww_pumps"]
    # net purchased electricity = the pumps' shaft power minus the engine's output, 8000 h
    assert r.carriers["electricity_kwh"] == pytest.approx((pumps.shaft_power - chp.power) * 8000 / 1e3, rel=1e-9)
    assert chp.power == pytest.approx(0.75 * 62.5e3, rel=1e-12)
    assert r.max_unit_relative < 1e-9
    opts = evaluate_options(PLANTS / "biogas_chp.toml", PLANTS / "biogas_chp_options.toml")
    base, full = opts.baseline, opts.results["engine_full_load"]
    # full load adds a quarter of 62.5 kW for 8000 h
    assert base.carriers["electricity_kwh"] - full.carriers["electricity_kwh"] == pytest.approx(0.25 * 62.5 * 8000,
                                                                                              rel=1e-9)


@pytest.mark.integration
def test_net_export_is_accounted_with_the_signed_convention(tmp_path):
    # the biogas plant's engine alone: its 46.875 kW all go to the grid
    text = (PLANTS / "biogas_chp.toml").read_text()
    chp = text[text.index("[units.chp]"):text.index("[units.ww_pumps]")]
    feed = text[text.index("[feeds.heating_return]"):text.index("[feeds.wastewater]")]
    plant = text[text.index("[plant]"):text.index("[units.chp]")]
    f = tmp_path / "export.toml"
    f.write_text('connections = [["chp.water_out", "loop.fluid_in"]]\n\n' + plant + chp
                 + '[units.loop]\ntype = "boundary"\n\n' + feed)
    r = solve_plant(f)
    kwh = 0.75 * 62.5 * 8000
    assert r.carriers["electricity_kwh"] == pytest.approx(-kwh, rel=1e-9)
    assert r.electricity_export_kwh == pytest.approx(kwh, rel=1e-9)
    assert r.emissions.export_credit_co2e_t > 0.0
