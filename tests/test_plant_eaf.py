"""Plant (b) as plant files: EAF + post-combustion + scrap preheating + waste-heat boiler + steam
turbine (cases/plants/eaf_whb_turbine.toml) and the same with an ORC (eaf_orc.toml), each solved
in one flowsheet, checked against calculations made here with CoolProp and the furnace model
called directly; options solved through the model, interactions from the model."""
import dataclasses
from pathlib import Path

import pytest
from CoolProp.CoolProp import PropsSI
from pytest import approx

from procsim.accounting import grid_factor
from procsim.plant import PlantError, apply_patch, evaluate_options, load_plant, solve_plant

pytestmark = pytest.mark.integration

PLANTS = Path(__file__).resolve().parents[1] / "cases" / "plants"
HOURS = 5418.5


@pytest.fixture(scope="module")
def turbine_plant():
    return solve_plant(PLANTS / "eaf_whb_turbine.toml")


@pytest.fixture(scope="module")
def orc_plant():
    return solve_plant(PLANTS / "eaf_orc.toml")


def _if97_T(p, prop, value):
    """Temperature at pressure p where IF97 property ``prop`` ("H" or "S") equals value, from the
    forward equations (CoolProp's IF97 backward equations carry a few mK of their own error)."""
    from scipy.optimize import brentq

    t_sat = PropsSI("T", "P", p, "Q", 1.0, "IF97::Water")
    return brentq(lambda t: PropsSI(prop, "P", p, "T", t, "IF97::Water") - value, t_sat + 1e-9, 1073.15,
                  xtol=1e-12, rtol=1e-15)


def _h_ps(p, s):
    """IF97 enthalpy at (p, s): wet from the saturated states, superheated from the forward equation."""
    s_l, s_v = (PropsSI("S", "P", p, "Q", q, "IF97::Water") for q in (0.0, 1.0))
    h_l, h_v = (PropsSI("H", "P", p, "Q", q, "IF97::Water") for q in (0.0, 1.0))
    if s <= s_v:
        return h_l + (s - s_l) / (s_v - s_l) * (h_v - h_l)
    return PropsSI("H", "P", p, "T", _if97_T(p, "S", s), "IF97::Water")


def _typical():
    from units.eaf import typical_heat

    eaf, charge, gases = typical_heat("scrap_ac_120t")
    return eaf, eaf.balance(charge, **gases)


def _closes(result):
    p = result.periods[0]
    for unit, row in p.solution.balances.iterrows():
        assert row["mass_relative"] <= 1e-9 and row["energy_relative"] <= 1e-9, unit
    assert result.max_unit_relative <= 1e-9
    assert p.solution.overall["energy_relative"] <= 1e-9


@pytest.mark.parametrize("which", ["turbine_plant", "orc_plant"])
def test_furnace_heat_balance_is_the_seed_case_one(which, request):
    # the plant's furnace, fed by eaf_charge streams, gives the per-heat balance of the furnace
    # model called directly on seed case 3's typical heat (what cases/seed03 computes)
    res = request.getfixturevalue(which)
    _, hb = _typical()
    hb_plant = res.periods[0].units["eaf"].heat_balance
    for f in dataclasses.fields(hb):
        a, b = getattr(hb, f.name), getattr(hb_plant, f.name)
        if isinstance(a, float):
            assert b == approx(a, rel=1e-9, abs=1e-12 * hb.total_input), f.name
    assert hb_plant.electricity_kwh_per_tonne == approx(397.707048, rel=1e-8)
    _closes(res)


def test_seed_case_module_reports_the_same_furnace():
    from cases import seed03_eaf_heat_recovery as seed3

    fig = {f.metric: f.computed for f in seed3.run().figures}["baseline_electricity"]
    res = solve_plant(apply_patch(load_plant(PLANTS / "eaf_whb_turbine.toml").data,
                                  {"remove": ["specs.preheat_exit", "specs.whb_exit"]}))
    assert res.periods[0].units["eaf"].heat_balance.electricity_kwh_per_tonne == approx(fig, rel=1e-9)


def test_turbine_plant_meets_its_specs_and_matches_coolprop(turbine_plant):
    p = turbine_plant.periods[0]
    sol = p.solution
    assert sol.stream("whb.gas_out").T == approx(473.15, rel=1e-12)
    assert sol.stream("preheat.off_gas_out").T == approx(1073.15, rel=1e-12)
    assert p.units["post"].oxygen_ratio == approx(1.2, rel=1e-12)
    # waste-heat boiler, by hand: gas heat from inlet to 200 C less 1 % casing loss raises
    # 20 bar(a) dry saturated steam from 105 C, 22 bar(a) feedwater (IAPWS-IF97 via CoolProp)
    gas = sol.stream("whb.gas_in")
    q_gas = gas.mass_flow * (gas.h - gas.material.h(473.15))
    h_steam = PropsSI("H", "P", 2.0e6, "Q", 1.0, "IF97::Water")
    h_fw = PropsSI("H", "P", 2.2e6, "T", 378.15, "IF97::Water")
    m_steam = q_gas * 0.99 / (h_steam - h_fw)
    assert p.units["whb"].steam_flow == approx(m_steam, rel=1e-9)
    # turbine: h2 = h1 - 0.75 (h1 - h(0.1 bar, s1)), P = 0.97 m (h1 - h2)
    s1 = PropsSI("S", "P", 2.0e6, "Q", 1.0, "IF97::Water")
    h2s = _h_ps(1.0e4, s1)      # wet exhaust: from the saturated states at 0.1 bar(a)
    power = 0.97 * m_steam * 0.75 * (h_steam - h2s)
    assert p.units["turbine"].power == approx(power, rel=1e-8)
    assert 1.0e6 < power < 2.0e6


def test_turbine_plant_accounts_generation_against_the_furnace(turbine_plant):
    eaf, hb = _typical()
    power = turbine_plant.periods[0].units["turbine"].power
    use = hb.electricity / eaf.tap_to_tap_time / 3.6e6 * HOURS * 3600.0      # kWh/yr
    gen = power / 3.6e6 * HOURS * 3600.0
    el = turbine_plant.electricity
    assert el["consumed_kwh"] == approx(use, rel=1e-12)
    assert el["generated_kwh"] == approx(gen, rel=1e-12)
    assert turbine_plant.carriers["electricity_kwh"] == approx(use - gen, rel=1e-12)
    assert turbine_plant.electricity_export_kwh == 0.0
    gf = float(grid_factor("TW", 2023))
    assert gf == 0.494                              # MOEA Energy Administration, 2023 grid factor
    assert turbine_plant.emissions.scope2_co2e_t == approx((use - gen) * gf / 1000.0, rel=1e-12)
    assert turbine_plant.generation_credit_co2e_t == approx(gen * gf / 1000.0, rel=1e-12)


def test_orc_plant_matches_coolprop(orc_plant):
    p = orc_plant.periods[0]
    r = p.units["orc"]
    assert r.binding_constraint == "source_minimum_outlet_temperature"
    gas = p.solution.stream("orc.source_in")
    assert gas.T == approx(1073.15, rel=1e-12)
    q_in = gas.mass_flow * (gas.h - gas.material.h(473.15))
    f = "Toluene"
    t_e, t_c = 523.15, 313.15
    p_e = PropsSI("P", "T", t_e, "Q", 1.0, f)
    p_c = PropsSI("P", "T", t_c, "Q", 0.0, f)
    h6, s6 = PropsSI("H", "T", t_e, "Q", 1.0, f), PropsSI("S", "T", t_e, "Q", 1.0, f)
    h7 = h6 - 0.80 * (h6 - PropsSI("H", "P", p_c, "S", s6, f))
    h1, s1 = PropsSI("H", "P", p_c, "Q", 0.0, f), PropsSI("S", "P", p_c, "Q", 0.0, f)
    h2 = h1 + (PropsSI("H", "P", p_e, "S", s1, f) - h1) / 0.75
    m_wf = q_in / (h6 - h2)
    w_el = m_wf * ((h6 - h7) * 0.95 - (h2 - h1) / 0.95)
    assert r.working_fluid_flow == approx(m_wf, rel=1e-7)
    assert r.net_electric_power == approx(w_el, rel=1e-7)
    assert p.solution.stream("orc.cooling_out").T == approx(303.15, rel=1e-12)
    assert orc_plant.electricity["generated_kwh"] == approx(w_el / 3.6e6 * HOURS * 3600.0, rel=1e-7)
    # the ORC result's residuals are in W and kg/s, over its ports
    assert abs(r.energy_residual) <= 1e-9 * r.heat_input and r.mass_residual == 0.0
    _closes(orc_plant)


def test_turbine_plant_options_interact_through_the_model(turbine_plant, orc_plant):
    rep = evaluate_options(PLANTS / "eaf_whb_turbine.toml", PLANTS / "eaf_whb_turbine_options.toml")
    base = rep.baseline.carriers["electricity_kwh"]
    assert base == approx(turbine_plant.carriers["electricity_kwh"], rel=1e-12)
    saved = {n: base - r.carriers["electricity_kwh"] for n, r in rep.results.items()}
    # swapping the boiler and turbine for the ORC (remove / disconnect / connect) is the ORC plant
    assert rep.results["orc_instead"].carriers["electricity_kwh"] == approx(
        orc_plant.carriers["electricity_kwh"], rel=1e-12)
    assert saved["orc_instead"] < 0.0
    # more steam (gas to 170 C) times more work per kg (deeper vacuum): the combination saves
    # more than the two alone, by the product of the two changes
    assert saved["condenser_vacuum"] > 0.0 and saved["lower_gas_exit"] > 0.0
    inter = saved["vacuum_and_gas_exit"] - saved["condenser_vacuum"] - saved["lower_gas_exit"]
    assert inter > 0.0 and inter < 0.1 * saved["vacuum_and_gas_exit"]
    assert rep.interactions["vacuum_and_gas_exit"]["electricity_kwh"] == approx(inter, rel=1e-9)
    gf = float(grid_factor("TW", 2023))
    assert rep.interactions["vacuum_and_gas_exit"]["co2e_t"] == approx(inter * gf / 1000.0, rel=1e-9)


def test_orc_plant_options(orc_plant):
    rep = evaluate_options(PLANTS / "eaf_orc.toml", PLANTS / "eaf_orc_options.toml")
    gen = {n: r.electricity["generated_kwh"] for n, r in rep.results.items()}
    g0 = orc_plant.electricity["generated_kwh"]
    assert gen["recuperator"] > g0 and gen["lower_condensing"] > g0
    inter = (gen["recuperator_and_condensing"] - g0) - (gen["recuperator"] - g0) - (gen["lower_condensing"] - g0)
    assert rep.interactions["recuperator_and_condensing"]["electricity_kwh"] == approx(inter, rel=1e-9)
    assert inter != 0.0


def test_net_exporting_plant_is_accounted_and_compared():
    # a back-pressure turbine on bought-in steam: it only generates, so the plant exports
    res = solve_plant(_exporter())
    gen = res.periods[0].units["t"].power / 3.6e6 * 1000 * 3600.0
    gf = float(grid_factor("TW", 2023))
    assert res.carriers["electricity_kwh"] == approx(-gen, rel=1e-12)
    assert res.electricity_export_kwh == approx(gen, rel=1e-12)
    assert res.emissions.scope2_co2e_t == 0.0
    assert res.emissions.export_credit_co2e_t == approx(gen * gf / 1000.0, rel=1e-12)
    assert res.emissions.total_co2e_t == approx(-gen * gf / 1000.0, rel=1e-12)
    # compare_options with an exporting baseline and option (old code refused net exporters)
    from procsim.accounting import Option, compare_options

    more = {"electricity_kwh": -1.5 * gen}
    cmp = compare_options(res.carriers, [Option("bigger", more)], region="TW", year=2023,
                          electricity_export=True)
    c = cmp.options[0].comparison
    assert c.savings["electricity_kwh"] == approx(0.5 * gen, rel=1e-12)
    assert c.co2e_saved_t["total"] == approx(0.5 * gen * gf / 1000.0, rel=1e-12)
    assert c.co2e_saved_t["scope2"] == 0.0
    assert c.co2e_saved_t["export_credit"] == approx(0.5 * gen * gf / 1000.0, rel=1e-12)
    with pytest.raises(ValueError, match="must be >= 0"):
        compare_options(res.carriers, [Option("bigger", more)], region="TW", year=2023)


def _exporter(**spec):
    data = {"plant": {"name": "exporter", "hours": 1000, "region": "TW", "year": 2023},
            "units": {"t": {"type": "steam_turbine", "outlet_pressure": "4 bar(a)", "isentropic_efficiency": 0.7,
                            "generator_efficiency": 0.96}},
            "feeds": {"steam": {"to": "t.steam_in", "fluid": "Water", "T": "400 degC", "p": "40 bar(a)",
                                "mass_flow": "5 kg/s"}}}
    if spec:
        data["specs"] = {"exhaust": spec}
    return data


def test_temperature_spec_by_brent_and_unreachable_target():
    # exhaust at 200 C: the back pressure found by Brent's method equals CoolProp's answer
    spec = {"vary": "units.t.outlet_pressure", "target": "200 degC", "temperature": "t.steam_exhaust_out",
            "bounds": ["2 bar(a)", "10 bar(a)"]}
    res = solve_plant(_exporter(**spec))
    p_out = res.periods[0].specs["exhaust"]
    h1 = PropsSI("H", "P", 4.0e6, "T", 673.15, "IF97::Water")
    s1 = PropsSI("S", "P", 4.0e6, "T", 673.15, "IF97::Water")
    h2 = h1 - 0.7 * (h1 - _h_ps(p_out, s1))
    assert _if97_T(p_out, "H", h2) == approx(473.15, rel=1e-10)
    with pytest.raises(PlantError, match=r"specs\.exhaust: target 873\.15 of temperature .* is unreachable"):
        solve_plant(_exporter(**{**spec, "target": "600 degC"}))


def test_named_feed_stream_errors_name_the_feed():
    data = load_plant(PLANTS / "eaf_whb_turbine.toml").data
    with pytest.raises(PlantError, match=r"feeds\.lime\.stream: unknown stream 'eaf_chrage'"):
        solve_plant(apply_patch(data, {"set": {"feeds.lime.stream": "eaf_chrage"}}))
    with pytest.raises(PlantError, match=r"feeds\.lime: stream 'eaf_charge': material 'slag' is not charged"):
        solve_plant(apply_patch(data, {"set": {"feeds.lime.material": "slag"}}))
