"""Plant files (procsim.plant): parsing, safety, errors, solving, options through the model, CLI."""
import json
import math
from pathlib import Path

import CoolProp.CoolProp as CP
import pytest
from typer.testing import CliRunner

from procsim.cli import app
from procsim.plant import (MAX_YAML_ALIASES, PlantError, apply_patch, evaluate_options, load_plant,
                           solve_plant)

ROOT = Path(__file__).resolve().parents[1]
PLANTS = ROOT / "cases" / "plants"

PUMP_PLANT = """connections = [["p1.fluid_out", "v1.fluid_in"]]
[plant]
name = "feed pump"
hours = 4000
[prices]
electricity_kwh = 4.0
[units.p1]
type = "pump"
outlet_pressure = "8 bar(g)"
efficiency = 0.7
[units.v1]
type = "valve"
outlet_pressure = "3 bar(g)"
[feeds.water]
to = "p1.fluid_in"
fluid = "Water"
T = "80 degC"
p = "1 bar(a)"
mass_flow = "7.2 t/h"
"""


def _plant_files():
    import tomllib

    out = []
    for p in sorted(PLANTS.glob("*.toml")):
        if "options" not in tomllib.loads(p.read_text()):
            out.append(p)
    return out


@pytest.mark.integration
@pytest.mark.parametrize("path", _plant_files(), ids=lambda p: p.name)
def test_every_shipped_plant_file_solves_with_closed_balances(path):
    r = solve_plant(path)
    assert r.max_unit_relative < 1e-9
    assert r.overall["mass_relative"] < 1e-9 and r.overall["energy_relative"] < 1e-9
    for p in r.periods:   # composite units (a whole steam site) close their own flowsheet too
        for res in p.units.values():
            site = getattr(res, "site", None)
            if site is not None:
                assert site.max_unit_mass_relative < 1e-9 and site.max_unit_energy_relative < 1e-9
    assert all(v > 0 for v in r.carriers.values()) and r.emissions.total_co2e_t > 0


@pytest.mark.component
def test_small_plant_against_coolprop(tmp_path):
    f = tmp_path / "pump.toml"
    f.write_text(PUMP_PLANT)
    r = solve_plant(f)
    # pump work by hand, IF97 forward equations only: isentropic outlet from s(p, T) = s_in
    from scipy.optimize import brentq

    P = lambda o, a, va, b, vb: CP.PropsSI(o, a, va, b, vb, "IF97::Water")  # noqa: E731
    p2 = 8e5 + 101325.0
    h1, s1 = P("H", "P", 1e5, "T", 353.15), P("S", "P", 1e5, "T", 353.15)
    t2s = brentq(lambda t: P("S", "P", p2, "T", t) - s1, 353.0, 354.0, xtol=1e-13)
    w = 2.0 * (P("H", "P", p2, "T", t2s) - h1) / 0.7
    assert r.carriers["electricity_kwh"] == pytest.approx(w * 4000 * 3600 / 3.6e6, rel=1e-9)
    assert r.cost == pytest.approx(4.0 * w * 4000 / 1e3, rel=1e-9)
    assert r.max_unit_relative < 1e-9
    # the same plant in YAML gives the same numbers
    import tomllib

    import yaml

    y = tmp_path / "pump.yaml"
    y.write_text(yaml.safe_dump(tomllib.loads(PUMP_PLANT)))
    assert solve_plant(y).carriers == r.carriers


@pytest.mark.unit
def test_unsafe_or_oversized_files_are_refused(tmp_path):
    bomb = "a: &a [x, x]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n"
                                      for i in range(MAX_YAML_ALIASES))
    f = tmp_path / "bomb.yaml"
    f.write_text(bomb)
    with pytest.raises(PlantError, match="YAML aliases; refused"):
        load_plant(f)
    g = tmp_path / "tag.yaml"
    g.write_text("plant: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(PlantError, match="not valid YAML"):
        load_plant(g)
    h = tmp_path / "plant.json"
    h.write_text("{}")
    with pytest.raises(PlantError, match=r"ends in .toml, .yaml or .yml"):
        load_plant(h)


@pytest.mark.unit
def test_bad_plant_files_name_file_line_key_and_allowed_values(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text(PUMP_PLANT.replace('type = "valve"', 'type = "valv"'))
    with pytest.raises(PlantError) as e:
        load_plant(f)
    msg = str(e.value)
    assert f"{f}, line 12: units.v1.type: unknown unit type 'valv'; allowed: " in msg and "valve" in msg
    f.write_text(PUMP_PLANT.replace("efficiency = 0.7", "effciency = 0.7"))
    with pytest.raises(PlantError, match=r"line 10: units.p1.effciency: unit type 'pump' has no parameter "
                                         r"'effciency'; allowed: outlet_pressure, efficiency"):
        solve_plant(f)
    f.write_text(PUMP_PLANT.replace("hours = 4000", "hours = 9000"))
    with pytest.raises(PlantError, match=r"line 4: plant.hours: operating hours per year must be in \[0, 8784\]"):
        load_plant(f)
    f.write_text(PUMP_PLANT.replace('outlet_pressure = "3 bar(g)"', 'outlet_pressure = "3 bar"'))
    with pytest.raises(PlantError, match=r"units.v1: cannot read '3 bar'"):
        solve_plant(f)
    f.write_text(PUMP_PLANT + "\n[extra]\n")
    with pytest.raises(PlantError, match=r"extra: unknown key; allowed: plant, prices, units"):
        load_plant(f)
    f.write_text(PUMP_PLANT.replace("electricity_kwh = 4.0", "electricity = 4.0"))
    with pytest.raises(PlantError, match=r"prices.electricity: unknown carrier; allowed: electricity_kwh"):
        load_plant(f)


@pytest.mark.unit
def test_patches_set_append_remove_connect():
    d = {"units": {"a": {"type": "pump", "x": 1}}, "connections": [["a.o", "b.i"]],
         "feeds": {"f": {"to": "c.i"}}, "specs": {"s": {"sum": ["a.o"]}}}
    out = apply_patch(d, {"set": {"units.a.x": 2, "units.b": {"type": "valve"}},
                          "append": {"specs.s.sum": "b.o"}, "remove": ["units.a.x"],
                          "connect": [["b.o", "c.i"], ["z.o", "b.i"]]})
    assert out["units"] == {"a": {"type": "pump"}, "b": {"type": "valve"}}
    assert out["specs"]["s"]["sum"] == ["a.o", "b.o"]
    assert out["connections"] == [["b.o", "c.i"], ["z.o", "b.i"]] and out["feeds"] == {}
    assert d["units"]["a"]["x"] == 1          # the original is untouched
    with pytest.raises(PlantError, match=r"cannot set 'units.q.x': no 'units.q'"):
        apply_patch(d, {"set": {"units.q.x": 1}})


@pytest.mark.integration
def test_seed02_plant_equals_the_case_module():
    from cases.seed02_annealing_whsg import run

    case = {f.metric: f.computed for f in run().figures if f.reading != "peak"}
    rep = evaluate_options(PLANTS / "seed02_annealing_whsg.toml", PLANTS / "seed02_options.toml")
    base, retro = rep.baseline, rep.results["whsg"]
    c = rep.comparison.options[0].comparison
    nm3 = base.carriers["natural_gas_nm3"] - retro.carriers["natural_gas_nm3"]
    assert 100 * nm3 / base.carriers["natural_gas_nm3"] == pytest.approx(case["energy_saving_rate"], rel=1e-6)
    assert nm3 == pytest.approx(case["natural_gas_saved"], rel=1e-6)
    assert c.co2e_saved_t["total"] == pytest.approx(case["co2_avoided"], rel=1e-6)
    assert c.cost_saved == pytest.approx(case["cost_saved"], rel=1e-6)
    assert c.payback_years == pytest.approx(case["payback_after_subsidy"], rel=1e-6)
    assert retro.annual_flow("whsg.steam_out") / 1e3 == pytest.approx(case["steam_generated"], rel=1e-6)
    # the cold bins: the generator is idle (gas below saturation + pinch), as the case module has it
    assert sum(1 for p in retro.periods if "whsg" in p.idle) == sum(
        1 for p in retro.periods if p.solution.stream("whsg.steam_out").mass_flow == 0.0) > 0
    assert retro.max_unit_relative < 1e-9


@pytest.mark.integration
def test_steam_site_options_run_through_the_model_and_interact():
    from units.steam.description import common_site
    from units.steam.site import SiteModel

    plant = load_plant(PLANTS / "steam_site.toml")
    rep = evaluate_options(PLANTS / "steam_site.toml", PLANTS / "steam_site_options.toml")
    sav = {r["option"]: r["savings"] for r in rep.table()}
    # economizer: gas only; condensate and blowdown: gas (and feed-pump power); turbine: power for gas
    assert sav["economizer"]["natural_gas_nm3"] > 0 and sav["economizer"]["electricity_kwh"] == 0.0
    assert sav["condensate_return"]["natural_gas_nm3"] > 0 and sav["blowdown_recovery"]["natural_gas_nm3"] > 0
    assert sav["turbine_beside_prv"]["electricity_kwh"] > 0 > sav["turbine_beside_prv"]["natural_gas_nm3"]
    # the combination is its own model run: equal to the site solved directly with every patch ...
    d = plant.data["units"]["site"]
    kw = {k: v for k, v in d.items() if k != "type"}
    kw["condensate_recovery"] = 0.85
    kw["boiler"] = dict(kw["boiler"], economizer={"gas_outlet_temperature": "130 degC"})
    kw["blowdown"] = dict(kw["blowdown"], heat_recovery=0.85)
    kw["turbines"] = kw["turbines"] + [{"name": "T2", "inlet": "HP", "outlet": "MP", "flow": "15 t/h",
                                        "isentropic_efficiency": 0.65, "generator_efficiency": 0.95}]
    r = SiteModel(common_site(name="site", **kw)).solve()
    from procsim.thermo.combustion import Fuel

    nm3 = r.fired_boiler.fuel_mass_flow * Fuel.from_name("natural_gas").volume_per_kg * 8000 * 3600
    assert rep.results["all_four"].carriers["natural_gas_nm3"] == pytest.approx(nm3, rel=1e-12)
    # ... and not the sum of the single options: measures that cut the same fuel interact
    for name in ("economizer_and_condensate", "condensate_and_blowdown", "all_four"):
        assert abs(rep.interactions[name]["natural_gas_nm3"]) > 1e-3 * abs(sav[name]["natural_gas_nm3"])
    assert rep.interactions["economizer_and_condensate"]["natural_gas_nm3"] < 0   # less to save at 130 C stack
    assert not rep.comparison.notes
    # the economizer (boiler + economizer on its own flue gas, a recycle) saves exactly what the
    # boiler heat-loss method gives for the same boiler with its stack at the economizer's gas outlet
    kw = {k: v for k, v in d.items() if k != "type"}
    kw["boiler"] = dict(kw["boiler"], fired=dict(kw["boiler"]["fired"], stack_temperature="130 degC"))
    r130 = SiteModel(common_site(name="site", **kw)).solve()
    nm3_130 = r130.fired_boiler.fuel_mass_flow * Fuel.from_name("natural_gas").volume_per_kg * 8000 * 3600
    assert rep.results["economizer"].carriers["natural_gas_nm3"] == pytest.approx(nm3_130, rel=1e-9)
    assert rep.results["economizer"].periods[0].units["site"].site.fired_boiler.stack_temperature == \
        pytest.approx(403.15, rel=1e-12)


@pytest.mark.integration
def test_cli_run_and_options(tmp_path):
    runner = CliRunner()
    f = tmp_path / "pump.toml"
    f.write_text(PUMP_PLANT)
    res = runner.invoke(app, ["run", str(f), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["carriers_per_year"]["electricity_kwh"] > 0 and data["max_unit_relative"] < 1e-9
    res = runner.invoke(app, ["run", str(f)])
    assert res.exit_code == 0 and "Unit balances" in res.output and "p1.fluid_out->v1.fluid_in" in res.output
    o = tmp_path / "options.toml"
    o.write_text('[options.smaller_lift]\ninvestment = 1000.0\nset = { "units.p1.outlet_pressure" = "6 bar(g)" }\n'
                 '[options.better_pump]\ninvestment = 5000.0\nset = { "units.p1.efficiency" = 0.8 }\n'
                 '[combinations]\nboth = ["smaller_lift", "better_pump"]\n')
    res = runner.invoke(app, ["options", str(f), str(o)])
    assert res.exit_code == 0, res.output
    assert "Interactions (combined minus the sum" in res.output and "Ranking by NPV" in res.output
    bad = tmp_path / "bad.toml"
    bad.write_text(PUMP_PLANT.replace('type = "pump"', 'type = "pmup"'))
    res = runner.invoke(app, ["run", str(bad)])
    assert res.exit_code == 2 and "unknown unit type 'pmup'" in res.output
    assert not math.isnan(data["cost_per_year"])


@pytest.mark.integration
def test_boiler_economizer_option_against_a_heat_loss_hand_calculation():
    """The economizer option (a recycle on the boiler's own flue gas) saves what the boiler
    heat-loss method gives, every property from CoolProp (IF97) and Cantera directly."""
    import cantera as ct

    from procsim.thermo.combustion import Fuel
    from units.boiler import stack_loss_fraction

    rep = evaluate_options(PLANTS / "boiler_economizer.toml", PLANTS / "boiler_economizer_options.toml")
    fuel = Fuel.from_name("natural_gas")
    w = "IF97::Water"
    p_s = 10e5 + 101325.0
    h_s, h_l = CP.PropsSI("H", "P", p_s, "Q", 1, w), CP.PropsSI("H", "P", p_s, "Q", 0, w)
    h_fw = CP.PropsSI("H", "P", 13e5, "T", 378.15, w)
    useful = (1.9 - 0.05 * 1.9) * h_s + 0.05 * 1.9 * h_l - 1.9 * h_fw
    q_rad = 0.005 * 5.0e6                       # fire-tube radiation loss: 0.5 % of rated output
    firing = 1.0 - float(stack_loss_fraction(fuel, 0.03, 473.15, 298.15, basis="hhv"))
    fg = fuel.flue_gas(fuel.excess_air(0.03, "dry"))
    lib = {s.name: s for s in ct.Species.list_from_file("nasa_gas.yaml")}
    names = {"AR": "Ar"}
    gas = ct.Solution(thermo="ideal-gas", species=[lib[names.get(k, k)] for k in fg.mole_fractions])
    gas.TPX = 473.15, 101325.0, {names.get(k, k): v for k, v in fg.mole_fractions.items()}
    h_hot = gas.enthalpy_mass
    gas.TP = 403.15, 101325.0
    dh_gas = h_hot - gas.enthalpy_mass
    m_base = (useful + q_rad) / (firing * fuel.hhv)
    m_eco = (useful + q_rad) / (firing * fuel.hhv + fg.mass_per_kg_fuel * dh_gas)
    per_year = fuel.volume_per_kg * 6000 * 3600
    assert rep.baseline.carriers["natural_gas_nm3"] == pytest.approx(m_base * per_year, rel=1e-9)
    saved = rep.table()[0]["savings"]["natural_gas_nm3"]
    assert saved == pytest.approx((m_base - m_eco) * per_year, rel=1e-6)
    assert rep.results["economizer"].max_unit_relative < 1e-9
