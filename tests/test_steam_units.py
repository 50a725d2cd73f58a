"""Steam unit models: balances, states against CoolProp called directly, bad input."""
import dataclasses

import CoolProp.CoolProp as CP
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import units.steam as S
from procsim.flowsheet import unit_balance
from procsim.stream import Stream
from procsim.thermo.fluids import Fluid

pytestmark = pytest.mark.component

UNIT_CLASSES = [getattr(S, n) for n in S.__all__ if hasattr(getattr(S, n), "example")]


def cp(out, a, va, b, vb, backend="IF97"):
    return CP.PropsSI(out, a, va, b, vb, f"{backend}::Water")


def h_ps(p, s, backend="IF97"):
    """h(p, s) from CoolProp's *forward* equations (T found by brentq; lever rule in the dome).

    CoolProp's IF97 (p, s) input uses the backward equations T(p, s), consistent with the
    forward ones only within about 10 mK (R7-97 sec. 6.3.1), i.e. ~0.1 J/kg in h; procsim's
    states satisfy the forward equations, so the reference must too.
    """
    from scipy.optimize import brentq

    sl, sv = cp("S", "P", p, "Q", 0, backend), cp("S", "P", p, "Q", 1, backend)
    if sl <= s <= sv:
        hl, hv = cp("H", "P", p, "Q", 0, backend), cp("H", "P", p, "Q", 1, backend)
        return hl + (s - sl) / (sv - sl) * (hv - hl)
    t_sat = cp("T", "P", p, "Q", 0, backend)
    T = brentq(lambda T: cp("S", "P", p, "T", T, backend) - s, t_sat + 1e-7, 1073.0, xtol=1e-13, rtol=1e-15)
    return cp("H", "P", p, "T", T, backend)


@pytest.mark.parametrize("cls", UNIT_CLASSES, ids=lambda c: c.__name__)
def test_every_unit_closes_its_balances(cls):
    unit, ins = cls.example()
    sol = unit.solve(ins)
    b = unit_balance(ins, sol)
    assert b["mass_relative"] <= 1e-9 and b["energy_relative"] <= 1e-9
    r = sol.result
    assert dataclasses.is_dataclass(r) and r.__dataclass_params__.frozen
    scale = sum(abs(s.energy_flow) for s in ins.values())
    assert abs(r.energy_residual) <= 1e-9 * scale
    assert abs(r.mass_residual) <= 1e-9 * sum(s.mass_flow for s in ins.values())
    assert set(sol.outlets) == set(unit.outlets)
    again = unit.solve(ins)
    assert dataclasses.astuple(again.result) == dataclasses.astuple(r)


@pytest.mark.parametrize("cls", UNIT_CLASSES, ids=lambda c: c.__name__)
def test_negative_inlet_flow_is_rejected(cls):
    unit, ins = cls.example()
    port = next(p for p, s in ins.items() if isinstance(s, Stream))
    bad = Stream.from_ph(ins[port].material, ins[port].p, ins[port].h, 1.0)
    object.__setattr__(bad, "mass_flow", -1.0)
    with pytest.raises(ValueError, match="mass_flow must be >= 0 kg/s; got -1.0"):
        unit.solve({**ins, port: bad})


def test_prv_is_isenthalpic_and_desuperheats_to_set_point():
    steam = Stream("Water", 673.15, 4.0e6, 2.0)
    r = S.PressureReducingValve("v", 1.0e6).solve({"steam": steam}).result
    # CoolProp directly (forward equation): the outlet (10 bar(a), T) has the inlet enthalpy;
    # 1e-12: the forward iteration's tolerance in procsim.thermo.fluids
    assert cp("H", "P", 1e6, "T", r.outlet_temperature) == pytest.approx(steam.h, rel=1e-12)
    prv, ins = S.PressureReducingValve.example()
    res = prv.solve(ins).result
    assert res.outlet_temperature == pytest.approx(473.15, abs=1e-6)
    assert res.spray_required == pytest.approx(res.spray_flow, rel=1e-12)


def test_prv_errors_name_unit_and_values():
    with pytest.raises(ValueError, match=r"v: outlet_pressure 5000000.0 Pa must be below the inlet pressure 4000000.0 Pa"):
        S.PressureReducingValve("v", 5.0e6).solve({"steam": Stream("Water", 673.15, 4.0e6, 1.0)})
    with pytest.raises(ValueError, match="outlet_temperature must be above the saturation temperature"):
        S.PressureReducingValve("v", 1.0e6, outlet_temperature=440.0)


def test_turbine_against_coolprop_and_measured_efficiency():
    t, ins = S.SteamTurbine.example()
    r = t.solve(ins).result
    s_in = cp("S", "P", 4e6, "T", 673.15)
    h_in = cp("H", "P", 4e6, "T", 673.15)
    h2s = h_ps(4e5, s_in)
    h2 = h_in - 0.70 * (h_in - h2s)
    assert r.outlet_enthalpy == pytest.approx(h2, rel=1e-9)
    assert r.power == pytest.approx(0.96 * 5.0 * (h_in - h2), rel=1e-9)
    assert r.kind == "back-pressure"
    # efficiency from a measured exhaust temperature comes back to 0.70
    t_meas = r.outlet_temperature
    r2 = S.SteamTurbine("m", 4e5, 0.96, measured_outlet_temperature=t_meas).solve(ins).result
    assert r2.isentropic_efficiency == pytest.approx(0.70, rel=1e-8)
    # run by power: the flow it asks for delivers the target
    tp = S.SteamTurbine("p", 4e5, 0.96, isentropic_efficiency=0.7, power=1.5e6)
    flow = tp.flow_for_power(ins["steam"])
    r3 = tp.solve({"steam": ins["steam"].with_(mass_flow=flow)}).result
    assert r3.power == pytest.approx(1.5e6, rel=1e-12)


def test_turbine_on_iapws95_when_asked():
    heos = Fluid("Water", backend="HEOS")
    steam = Stream(heos, 673.15, 4.0e6, 5.0)
    r = S.SteamTurbine("h", 4e5, 0.96, isentropic_efficiency=0.7, fluid=heos).solve({"steam": steam}).result
    h_in = cp("H", "P", 4e6, "T", 673.15, "HEOS")
    h2s = h_ps(4e5, cp("S", "P", 4e6, "T", 673.15, "HEOS"), "HEOS")
    assert r.outlet_enthalpy == pytest.approx(h_in - 0.7 * (h_in - h2s), rel=1e-9)


def test_condensing_and_extraction_turbines():
    t = S.SteamTurbine("c", 1.0e4, 0.97, isentropic_efficiency=0.8)
    r = t.solve({"steam": Stream("Water", 723.15, 6.0e6, 10.0)}).result
    assert r.kind == "condensing" and 0.8 < r.outlet_quality < 1.0
    xt, ins = S.ExtractionTurbine.example()
    rx = xt.solve(ins).result
    s = ins["steam"]
    h2s = h_ps(1e6, s.s)
    h2 = s.h - 0.78 * (s.h - h2s)
    from scipy.optimize import brentq
    t2 = brentq(lambda T: cp("H", "P", 1e6, "T", T) - h2, cp("T", "P", 1e6, "Q", 0) + 1e-7, 1073.0, xtol=1e-13)
    h3s = h_ps(1e4, cp("S", "P", 1e6, "T", t2))
    h3 = h2 - 0.75 * (h2 - h3s)
    assert rx.power == pytest.approx(0.97 * (10.0 * (s.h - h2) + 6.0 * (h2 - h3)), rel=1e-8)


def test_wet_steam_into_turbine_is_refused():
    wet = Stream("Water", None, 1.0e6, 2.0, x=0.95)
    with pytest.raises(ValueError, match=r"t1: turbine inlet steam is wet \(quality 0.95 at p=1000000.0 Pa.*"
                                         r"requires dry steam superheated"):
        S.SteamTurbine("t1", 2e5, 0.95, isentropic_efficiency=0.7).solve({"steam": wet})
    with pytest.raises(ValueError, match="must be superheated by at least 20.0 K"):
        S.SteamTurbine("t2", 2e5, 0.95, isentropic_efficiency=0.7, min_inlet_superheat=20.0).solve(
            {"steam": Stream("Water", 463.15, 1.0e6, 1.0)})


def test_header_mixes_loses_heat_and_reports_shortfall():
    hdr, ins = S.SteamHeader.example()
    r = hdr.solve(ins).result
    e = sum(s.energy_flow for s in ins.values())
    assert r.enthalpy == pytest.approx((e - 20e3) / 5.5, rel=1e-12)
    assert r.balance_flow == pytest.approx(2.5, rel=1e-12)
    with pytest.raises(S.HeaderShortfall, match=r"LP: header has no supply: its inlets \(prv\) carry 0 kg/s "
                                                r"while its draws need 3.0 kg/s"):
        S.SteamHeader("LP", 3e5, supplies=("prv",), draws={"user": 3.0}).solve(
            {"prv": Stream("Water", 423.15, 3e5, 0.0)})
    with pytest.raises(S.HeaderShortfall, match=r"MP: supplies 2.0 kg/s do not cover the fixed draws 3.0 kg/s"):
        S.SteamHeader("MP", 1e6, supplies=("a",), draws={"u": 3.0}).solve({"a": Stream("Water", 473.15, 1e6, 2.0)})
    with pytest.raises(ValueError, match="below the header pressure"):
        S.SteamHeader("MP", 1e6, supplies=("a",), draws={}).solve({"a": Stream("Water", 473.15, 9e5, 2.0)})
    with pytest.raises(ValueError, match=r"MP: draw 'u' must be >= 0 kg/s; got -1.0 kg/s"):
        S.SteamHeader("MP", 1e6, supplies=("a",), draws={"u": -1.0})


def test_deaerator_regimes_and_required_steam():
    da, ins = S.Deaerator.example()
    w = ins["condensate"].mass_flow + ins["makeup"].mass_flow
    hw = (ins["condensate"].energy_flow + ins["makeup"].energy_flow) / w
    need = da.required_steam(ins["steam"].h, w, hw)
    exact = da.solve({**ins, "steam": ins["steam"].with_(mass_flow=need)}).result
    assert exact.subcooling == pytest.approx(0.0, abs=1e-9) and exact.excess_vent_flow == pytest.approx(0.0, abs=1e-12)
    t_sat = cp("T", "P", 1.2e5, "Q", 0)
    assert exact.feedwater_temperature == pytest.approx(t_sat, abs=1e-9)
    assert exact.vent_flow == pytest.approx(0.001 * exact.feedwater_flow, rel=1e-9)
    short = da.solve({**ins, "steam": ins["steam"].with_(mass_flow=0.5 * need)}).result
    assert short.subcooling > 1.0
    over = da.solve({**ins, "steam": ins["steam"].with_(mass_flow=need + 0.2)}).result
    # 0.2 kg/s more steam releases dV = 0.2 (h_s - h_l)/(h_v - h_l) of vapour; the feedwater falls by
    # 0.2 - dV, and with it the minimum vent: excess = dV (1 + v) - 0.2 v
    dv = 0.2 * (ins["steam"].h - cp("H", "P", 1.2e5, "Q", 0)) / (cp("H", "P", 1.2e5, "Q", 1) - cp("H", "P", 1.2e5, "Q", 0))
    assert over.excess_vent_flow == pytest.approx(dv * 1.001 - 0.2 * 0.001, rel=1e-9)
    s_da, m_u = da.demand(10.0, ins["steam"].h, 6.0, ins["condensate"].h, ins["makeup"].h)
    r = da.solve({"steam": ins["steam"].with_(mass_flow=s_da), "condensate": ins["condensate"],
                  "makeup": ins["makeup"].with_(mass_flow=m_u)}).result
    assert r.feedwater_flow == pytest.approx(10.0, rel=1e-12) and r.subcooling == pytest.approx(0.0, abs=1e-9)


def test_flash_tank_against_coolprop():
    tank, ins = S.FlashTank.example()
    r = tank.solve(ins).result
    assert r.flash_fraction == pytest.approx(cp("Q", "P", 2e5, "H", cp("H", "P", 4e6, "Q", 0)), rel=1e-9)
    with pytest.raises(ValueError, match="flash pressure 5000000.0 Pa must be below the inlet pressure"):
        S.FlashTank("f", 5e6).solve(ins)


def test_makeup_blowdown_exchanger_recovers_effectiveness_times_max():
    mu, ins = S.MakeupWater.example()
    r = mu.solve(ins).result
    bd, raw = ins["blowdown"], ins["raw"]
    q_hot = bd.mass_flow * (bd.h - cp("H", "P", bd.p, "T", raw.T))
    q_cold = raw.mass_flow * (cp("H", "P", raw.p, "T", bd.T) - raw.h)
    assert r.recovered_heat == pytest.approx(0.9 * min(q_hot, q_cold), rel=1e-6)


def test_condensate_return_recovery_and_cooling():
    c, ins = S.CondensateReturn.example()
    sol = c.solve(ins)
    r = sol.result
    assert r.returned_flow == pytest.approx(2.4) and r.lost_flow == pytest.approx(0.6)
    assert r.heat_loss == pytest.approx(2.4 * (ins["condensate"].h - cp("H", "P", 1.5e5, "T", 363.15)), rel=1e-9)
    with pytest.raises(ValueError, match="return_temperature must be in"):
        S.CondensateReturn("c", 0.8, 1.5e5, 400.0)


def test_traps_boiler_and_vent():
    traps, ins = S.SteamTraps.example()
    assert traps.loss_flow(1e6) == pytest.approx(5 * 24.24 * (1e6 / 6894.757293168361) * 0.125 ** 2
                                                 * 0.45359237 / 3600.0, rel=3e-4)
    with pytest.raises(ValueError, match="exceeds the boiler capacity"):
        S.EfficiencyBoiler("b", 4e6, 0.85, 30.0, capacity=25.0)
    short = S.EfficiencyBoiler("b", 4e6, 0.85, 2.0).solve({"feedwater": Stream("Water", 378.15, 4.5e6, 1.0)}).result
    assert short.steam_shortfall == pytest.approx(1.0) and short.blowdown_flow == 0.0
    b, bins = S.EfficiencyBoiler.example()
    rb = b.solve(bins).result
    assert rb.fuel_input * 0.82 == pytest.approx(rb.heat_absorbed, rel=1e-14)
    assert rb.blowdown_fraction == pytest.approx(0.03, rel=1e-12)


@settings(derandomize=True, max_examples=15, deadline=None)
@given(m1=st.floats(0.1, 20.0), m2=st.floats(0.0, 20.0), t1=st.floats(460.0, 700.0), loss=st.floats(0.0, 2e5),
       draw=st.floats(0.0, 1.0))
def test_header_conserves_mass_and_energy(m1, m2, t1, loss, draw):
    hdr = S.SteamHeader("H", 1.0e6, supplies=("a", "b"), draws={"u": draw * (m1 + m2)}, balance="rest",
                        heat_loss=loss)
    ins = {"a": Stream("Water", t1, 2.0e6, m1), "b": Stream("Water", 480.0, 1.0e6, m2)}
    sol = hdr.solve(ins)
    b = unit_balance(ins, sol)
    assert b["mass_relative"] <= 1e-12 and b["energy_relative"] <= 1e-12


@settings(derandomize=True, max_examples=15, deadline=None)
@given(t_in=st.floats(520.0, 750.0), p_out=st.floats(2e5, 3.9e6))
def test_prv_throttling_never_heats_superheated_steam(t_in, p_out):
    # Joule-Thomson coefficient of superheated steam is positive: an isenthalpic drop cools it
    r = S.PressureReducingValve("v", p_out).solve({"steam": Stream("Water", t_in, 4.0e6, 1.0)}).result
    assert r.outlet_temperature <= t_in + 1e-9
    assert r.energy_residual == pytest.approx(0.0, abs=1e-6)
