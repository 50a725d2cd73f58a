"""One steam site balance: the flowsheet, the load control (settle + figures) and the numba batch
path give the same numbers over condensate recovery 0..1, a header-pressure sweep and a site
with no make-up; the deaerator's condensate overflow against a hand-solved linear balance."""
import numpy as np
import pytest

from units.steam.batch import batch_site, run_batch
from units.steam.description import common_site, example_site_description, site_from_dict
from units.steam.kernels import deaerator_balance_overflow
from units.steam.site import SiteModel

RECOVERIES = (0.0, 0.5, 0.9, 0.96, 0.99, 1.0)


def _three_ways(spec):
    """(flowsheet result, load-control figures, batch result) of one site."""
    m = SiteModel(spec)
    r = m.solve()
    c, st = m.settle()
    f = m.figures(c, st)
    b = run_batch(batch_site(m), [[u.flow if u.flow is not None else u.heat for u in spec.users]],
                  [[u.condensate_recovery for u in spec.users]])
    return r, f, b


def _agree(r, f, b, rel=1e-9):
    # flowsheet (exact IF97 states) vs load control (the same unit kernels on settled states)
    for k in ("boiler_steam", "fuel_input", "power_generated", "feed_pump_power", "power_import",
              "co2_per_year", "total_cost_per_year"):
        assert f[k] == pytest.approx(getattr(r, k), rel=rel, abs=1e-9), k
        assert getattr(b, k)[0] == pytest.approx(getattr(r, k), rel=rel, abs=1e-9), k
    # make-up and overflow may be 0: compared on the scale of the feedwater flow
    for k in ("makeup_water", "condensate_overflow"):
        assert abs(f[k] - getattr(r, k)) <= rel * r.feedwater, k
        assert abs(getattr(b, k)[0] - getattr(r, k)) <= rel * r.feedwater, k
    assert r.max_unit_mass_relative < 1e-9 and r.max_unit_energy_relative < 1e-9
    assert r.overall["mass_relative"] < 1e-9 and r.overall["energy_relative"] < 1e-9


@pytest.mark.integration
@pytest.mark.parametrize("recovery", RECOVERIES)
def test_condensate_recovery_zero_to_one_three_ways(recovery):
    d = example_site_description()
    d["condensate_recovery"] = recovery
    spec = common_site(**d)
    r, f, b = _three_ways(spec)
    _agree(r, f, b)
    # mass closure of the water loop, independent of the model's own bookkeeping: make-up replaces
    # what leaves the site (blowdown drain after flash, unreturned condensate, trap and deaerator
    # vent losses, vented steam)
    sol = r.solution
    lost = (sol.units["makeup"].drain_flow + sum(sol.units[f"{u.name}_return"].lost_flow for u in spec.users)
            + sol.units["condensate_tank"].lost_flow + sum(sol.units[k].vent_flow for k in ("deaerator",))
            + sum(v for k, v in sol.units["MP"].draws.items() if k.startswith("traps")) + r.vented)
    assert r.makeup_water == pytest.approx(lost, rel=1e-9)


@pytest.mark.integration
def test_more_condensate_returned_never_raises_makeup():
    """Recovery 0.96 used to raise SiteBalanceError on the example site (negative make-up in the
    first load-control pass); it now balances and the make-up falls monotonically with recovery."""
    mk = []
    for x in RECOVERIES:
        d = example_site_description()
        d["condensate_recovery"] = x
        mk.append(SiteModel(common_site(**d)).solve().makeup_water)
    assert np.all(np.diff(mk) < 0) and mk[-1] > 0


@pytest.mark.integration
@pytest.mark.parametrize("lp", ["2 bar(g)", "3.5 bar(g)", "5 bar(g)", "7 bar(g)"])
def test_header_pressure_sweep_three_ways(lp):
    d = example_site_description()
    d["headers"] = {"HP": "41 bar(g)", "MP": "11 bar(g)", "LP": lp}
    r, f, b = _three_ways(common_site(**d))
    _agree(r, f, b)


@pytest.mark.integration
def test_site_with_no_makeup_closes_three_ways():
    """No blowdown, no vent, all condensate returned: a closed water loop with make-up 0."""
    spec = common_site(boiler={"pressure": "10 bar(g)", "efficiency": 0.85, "blowdown_fraction": 0.0},
                       headers={"MAIN": "10 bar(g)"}, users={"MAIN": "10 t/h"}, condensate_recovery=1.0,
                       deaerator={"vent_fraction": 0.0}, condensate={"return_temperature": "90 degC"})
    r, f, b = _three_ways(spec)
    _agree(r, f, b)
    assert abs(r.makeup_water) < 1e-12 and r.condensate_overflow == 0.0
    # closed loop by hand (CoolProp IF97): deaerator at 1.2 bar(a) heats 90 C condensate to
    # saturation with saturated steam from the 11.01325 bar(a) header; boiler steam = user + that
    import CoolProp.CoolProp as CP

    def P(o, a, va, b_, vb):
        return CP.PropsSI(o, a, va, b_, vb, "IF97::Water")

    p_b = 10e5 + 101325.0
    h_s = P("H", "P", p_b, "Q", 1)
    h_l = P("H", "P", 1.2e5, "Q", 0)
    h_c = P("H", "P", 1.2e5, "T", 363.15)
    s_da = (10 / 3.6) * (h_l - h_c) / (h_s - h_l)
    # isentropic pump outlet from IF97's forward s(p, T) (CoolProp's backward h(p, s) is off by 13 J/kg here)
    from scipy.optimize import brentq

    s_l = P("S", "P", 1.2e5, "Q", 0)
    t2s = brentq(lambda t: P("S", "P", p_b, "T", t) - s_l, 300.0, 400.0, xtol=1e-13)
    h_fw = h_l + (P("H", "P", p_b, "T", t2s) - h_l) / 0.75
    assert r.deaerator_steam == pytest.approx(s_da, rel=1e-9)
    assert r.fuel_input == pytest.approx((10 / 3.6 + s_da) * (h_s - h_fw) / 0.85, rel=1e-9)


@pytest.mark.unit
def test_deaerator_overflow_kernel_against_a_linear_solve():
    F, hF, V, hV, hM, hS = 20.0, 439e3, 0.02, 2683e3, 105e3, 2870e3
    Wf, hf = 2.0, 190e3
    out = np.empty(3)
    # enough make-up room: both balances with the whole condensate
    assert deaerator_balance_overflow(F, hF, V, hV, Wf, hf, 10.0, 335e3, hM, hS, out) == 0
    S, M = np.linalg.solve([[1.0, 1.0], [hS, hM]], [F + V - Wf - 10.0, F * hF + V * hV - Wf * hf - 10.0 * 335e3])
    np.testing.assert_allclose(out, [S, M, 0.0], rtol=1e-12, atol=1e-12)
    # too much condensate: make-up shut, condensate used u and steam from S + u = .., S hS + u hc = ..
    assert deaerator_balance_overflow(F, hF, V, hV, Wf, hf, 30.0, 335e3, hM, hS, out) == 0
    S, u = np.linalg.solve([[1.0, 1.0], [hS, 335e3]], [F + V - Wf, F * hF + V * hV - Wf * hf])
    np.testing.assert_allclose(out, [S, 0.0, 30.0 - u], rtol=1e-12, atol=1e-12)
    # the two branches meet at make-up 0
    w0 = 10.0 + M * (hS - hM) / (hS - 335e3)
    assert deaerator_balance_overflow(F, hF, V, hV, Wf, hf, w0, 335e3, hM, hS, out) == 0
    assert abs(out[1]) < 1e-9 and abs(out[2]) < 1e-9
    # fixed water alone beyond the demand cannot be balanced
    assert deaerator_balance_overflow(F, hF, V, hV, 25.0, hf, 0.0, 335e3, hM, hS, out) == 1
    assert deaerator_balance_overflow(F, hF, V, hV, Wf, hf, 1.0, 335e3, 3e6, hS, out) == 3


@pytest.mark.unit
def test_economizer_needs_a_fired_boiler():
    d = example_site_description()
    d["boiler"] = dict(d["boiler"], economizer={"gas_outlet_temperature": "130 degC"})
    with pytest.raises(ValueError, match="boiler.economizer needs boiler.fired"):
        common_site(**d)


@pytest.mark.integration
def test_header_heat_loss_as_a_share_of_its_energy_flow_three_ways():
    """MEASUR-style header loss "%": 2 % of the enthalpy flow entering MP, 1 % of LP's."""
    import dataclasses

    spec = common_site(**example_site_description())
    spec = spec.replace(headers=tuple(dataclasses.replace(h, heat_loss_fraction={"MP": 0.02, "LP": 0.01}.get(h.name, 0.0))
                                      for h in spec.headers))
    base = SiteModel(common_site(**example_site_description())).solve()
    r, f, b = _three_ways(spec)
    _agree(r, f, b)
    sol = r.solution
    for name, frac in (("MP", 0.02), ("LP", 0.01)):
        # the header's inlets are its supplies, named <medium>_..._in (procsim.units_api)
        ports = [k for k in sol.port_streams if k.startswith(f"{name}.") and k.endswith("_in")]
        e_in = sum(sol.stream(k).energy_flow for k in ports)
        assert len(ports) >= 1
        assert sol.units[name].heat_loss == pytest.approx(frac * e_in, rel=1e-9)
    assert r.fuel_input > base.fuel_input
    # the description takes it as a header key, with unit strings
    d = example_site_description()
    d["headers"] = None
    s2 = site_from_dict({"name": "x", "boiler": d["boiler"], "headers": [
        {"name": "HP", "pressure": "41 bar(g)"}, {"name": "LP", "pressure": "3.5 bar(g)", "heat_loss_fraction": "1 %"}],
        "letdowns": [{"inlet": "HP", "outlet": "LP"}], "deaerator": {"pressure": 1.2e5, "header": "LP"}})
    assert s2.header("LP").heat_loss_fraction == pytest.approx(0.01, rel=1e-15)


@pytest.mark.integration
def test_makeup_preheated_by_blowdown_at_a_given_approach_three_ways():
    import CoolProp.CoolProp as CP

    from procsim.stream import Stream
    from units.steam.condensate import MakeupWater

    # the unit: 0.3 kg/s of 2 bar(a) saturated blowdown against 4 kg/s of 25 C make-up, 10 K approach:
    # the blowdown side limits, so the drain leaves at 35 C (CoolProp IF97 enthalpies)
    mu = MakeupWater("makeup", 1.5e5, blowdown_approach=10.0)
    sol = mu.solve({"raw": Stream("Water", 298.15, 3.0e5, 4.0), "blowdown": Stream("Water", None, 2.0e5, 0.3, x=0.0)})
    q = 0.3 * (CP.PropsSI("H", "P", 2.0e5, "Q", 0, "IF97::Water") - CP.PropsSI("H", "P", 2.0e5, "T", 308.15, "IF97::Water"))
    assert sol.result.recovered_heat == pytest.approx(q, rel=1e-9)
    assert sol.outlets["drain"].T == pytest.approx(308.15, rel=1e-9)
    with pytest.raises(ValueError, match="give blowdown_effectiveness or blowdown_approach, not both"):
        MakeupWater("m", 1.5e5, 0.9, blowdown_approach=10.0)
    # the site: the same three-way agreement with the approach form
    d = example_site_description()
    d["blowdown"] = {"flash_header": "LP", "approach": "10 K"}
    spec = common_site(**d)
    assert spec.blowdown_approach == 10.0 and spec.blowdown_heat_recovery is None
    r, f, b = _three_ways(spec)
    _agree(r, f, b)
    drain = r.solution.units["makeup"].drain_temperature
    assert drain == pytest.approx(298.15 + 10.0, rel=1e-9)      # blowdown-limited at 10 K approach


def _with_t2(**mode):
    d = example_site_description()
    d["turbines"] = d["turbines"] + [{"name": "T2", "inlet": "HP", "outlet": "MP", "isentropic_efficiency": 0.65,
                                      "generator_efficiency": 0.95, **mode}]
    m = SiteModel(common_site(**d))
    r = m.solve()
    c, st = m.settle()
    return r, m.figures(c, st)


@pytest.mark.integration
def test_turbine_modes_header_balance_flow_range_power_range():
    """MEASUR's turbine operating modes on a back-pressure turbine HP -> MP beside the HP -> MP letdown."""
    r, f = _with_t2(balance_header=True)        # takes all MP needs: the letdown stays shut
    assert r.letdowns["prv_HP_MP"] == 0.0 and r.sprays["prv_HP_MP"] == 0.0
    assert r.solution.units["HP"].draws["T2"] == pytest.approx(r.turbine_flows["T2"], rel=1e-12)
    assert f["fuel_input"] == pytest.approx(r.fuel_input, rel=1e-9)
    mp_need = r.turbine_flows["T2"]
    r, f = _with_t2(flow_range=["5 t/h", "20 t/h"])   # need above the range: at its maximum, letdown the rest
    assert r.turbine_flows["T2"] == pytest.approx(20 / 3.6, rel=1e-12) and r.letdowns["prv_HP_MP"] > 0.0
    assert mp_need > 20 / 3.6
    r, f = _with_t2(power_range=["0.2 MW", "0.8 MW"])  # at its maximum power
    assert r.solution.units["T2"].power == pytest.approx(0.8e6, rel=1e-9)
    assert f["fuel_input"] == pytest.approx(r.fuel_input, rel=1e-9)
    r, f = _with_t2(flow_range=["80 t/h", "90 t/h"])   # minimum above the need: MP surplus vented
    assert r.turbine_flows["T2"] == pytest.approx(80 / 3.6, rel=1e-12) and r.vented > 0.0
    assert r.max_unit_energy_relative < 1e-9 and r.overall["energy_relative"] < 1e-9
    with pytest.raises(ValueError, match="balancing its exhaust header must be a back-pressure turbine"):
        common_site(**dict(example_site_description(), turbines=[
            {"name": "T3", "inlet": "HP", "outlet": "MP", "flow": "5 t/h", "balance_header": True,
             "isentropic_efficiency": 0.7, "generator_efficiency": 0.95}]))
