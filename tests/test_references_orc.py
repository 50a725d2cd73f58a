"""ORC fast path (tabulated batch kernel) and exact path against CoolProp called directly.

Every expected value here is computed in the test from ``CoolProp.PropsSI`` (HEOS equations
of state) and hand formulas; procsim's own results never serve as the reference. The grid
covers evaporating temperature, superheat, condensing temperature and both machine
efficiencies, so a wrong pump or expander relation (e.g. a pump work multiplied by the
efficiency instead of divided) fails here in both paths.

Tolerances
----------
* exact path: the same CoolProp equations of state on both sides; only the order of
  operations and CoolProp's flash iterations differ: 1e-7 relative.
* fast path: bicubic property tables with a documented maximum error of 6e-6 per look-up
  (``procsim.thermo.tables`` docstring); a cycle figure combines a handful of look-ups, and
  the pump work is a small difference of two nearly equal enthalpies, hence 2e-4 on the
  pump power and 5e-5 on cycle figures. The deliberate bug above changes the pump work by a
  factor eta_p**2 (0.56 at eta_p = 0.75): far outside both tolerances.
"""
import itertools

import CoolProp.CoolProp as CP
import numpy as np
import pytest

from procsim.stream import Stream
from units.orc import ORC
from units.orc.design import evaluate_designs

pytestmark = pytest.mark.component

P = CP.PropsSI
# argon: cp = 5/2 R exactly (monatomic ideal gas), so the source enthalpy is linear in T and
# the bubble-point pinch has a closed form. R = 8.31446261815324 J/(mol K) (CODATA 2018),
# M(Ar) = 39.95 g/mol (IUPAC abridged standard atomic weight, Prohaska et al. 2022; the
# value of Cantera's element table, which GRI-Mech 3.0's species weights are built from).
CP_ARGON = 2.5 * 8.31446261815324 / 39.95e-3


def _cycle(fluid, te, tc, sh, eta_p, eta_e, eta_g=0.95, eta_m=0.95):
    """Specific (per kg working fluid) cycle figures from CoolProp: no recuperator, no dp."""
    f = f"HEOS::{fluid}"
    p_e, p_c = P("P", "T", te, "Q", 0, f), P("P", "T", tc, "Q", 0, f)
    h1, s1 = P("H", "P", p_c, "Q", 0, f), P("S", "P", p_c, "Q", 0, f)
    h2 = h1 + (P("H", "P", p_e, "S", s1, f) - h1) / eta_p          # pump: w = w_s / eta_p
    h6 = P("H", "P", p_e, "T", te + sh, f) if sh > 0 else P("H", "P", p_e, "Q", 1, f)
    s6 = P("S", "P", p_e, "H", h6, f)
    h7 = h6 - eta_e * (h6 - P("H", "P", p_c, "S", s6, f))          # expander: w = eta_e w_s
    return dict(p_e=p_e, p_c=p_c, w_pump=h2 - h1, w_exp=h6 - h7, q_in=h6 - h2, q_out=h7 - h1,
                h_bub=P("H", "P", p_e, "Q", 0, f), h6=h6, eta_g=eta_g, eta_m=eta_m)


def _argon_flow(c, te, pinch, t_src, m_src):
    """Working-fluid flow with the pinch at the bubble point of a constant-cp argon source."""
    return m_src * CP_ARGON * (t_src - te - pinch) / (c["h6"] - c["h_bub"])


# 16 designs: two fluids x two evaporating temperatures x superheat 0 / 10 K x two
# (condensing temperature, pump and expander efficiency) pairs
GRID = [(f, te, sh, tc, etas) for f, te, sh, (tc, etas) in itertools.product(
    ("R245fa", "Isopentane"), (353.15, 383.15), (0.0, 10.0),
    ((305.15, (0.75, 0.80)), (318.15, (0.6, 0.9))))]


def _check(res, c, m_wf, rel_cycle, rel_pump, i=None):
    get = (lambda a: float(np.asarray(a).ravel()[i])) if i is not None else float
    assert get(res.working_fluid_flow) == pytest.approx(m_wf, rel=rel_cycle)
    assert get(res.pump_power) == pytest.approx(m_wf * c["w_pump"], rel=rel_pump)
    assert get(res.expander_power) == pytest.approx(m_wf * c["w_exp"], rel=rel_cycle)
    assert get(res.net_power) == pytest.approx(m_wf * (c["w_exp"] - c["w_pump"]), rel=rel_cycle)
    assert get(res.thermal_efficiency) == pytest.approx((c["w_exp"] - c["w_pump"]) / c["q_in"], rel=rel_cycle)
    assert get(res.heat_input) == pytest.approx(m_wf * c["q_in"], rel=rel_cycle)
    assert get(res.heat_rejected) == pytest.approx(m_wf * c["q_out"], rel=rel_cycle)
    assert get(res.net_electric_power) == pytest.approx(
        m_wf * (c["w_exp"] * c["eta_g"] - c["w_pump"] / c["eta_m"]), rel=rel_cycle)
    assert get(res.evaporating_pressure) == pytest.approx(c["p_e"], rel=rel_cycle)
    assert get(res.condensing_pressure) == pytest.approx(c["p_c"], rel=rel_cycle)


@pytest.mark.parametrize("fluid, te, sh, tc, etas", GRID)
def test_exact_path_on_a_grid_against_coolprop(fluid, te, sh, tc, etas):
    eta_p, eta_e = etas
    t_src, m_src, pinch = te + sh + 60.0, 10.0, 10.0
    orc = ORC(fluid, te, tc, superheat=sh, pump_efficiency=eta_p, expander_efficiency=eta_e,
              evaporator_pinch=pinch, cooling_inlet_temperature=tc - 12.0)
    res = orc.solve(Stream({"AR": 1.0}, t_src, 101325.0, m_src))
    assert res.binding_constraint == "pinch_bubble_point"
    c = _cycle(fluid, te, tc, sh, eta_p, eta_e)
    m_wf = _argon_flow(c, te, pinch, t_src, m_src)
    _check(res, c, m_wf, 1e-7, 1e-7)
    # source outlet by hand: q_in = m_src cp (T_in - T_out)
    assert res.heat_source_outlet_temperature == pytest.approx(
        t_src - m_wf * c["q_in"] / (m_src * CP_ARGON), rel=1e-7)
    # evaporator UA by hand over the profile's segments: sum of dq / LMTD (Incropera eq. 11.15)
    pr = res.evaporator_profile
    dt = np.asarray(pr.t_hot) - np.asarray(pr.t_cold)
    dq = np.diff(np.asarray(pr.q))
    lmtd = np.where(np.isclose(dt[1:], dt[:-1]), dt[1:], (dt[1:] - dt[:-1]) / np.log(dt[1:] / dt[:-1]))
    assert len(pr.ua_segments) == dq.size
    assert pr.ua == pytest.approx(float(np.sum(dq / lmtd)), rel=1e-6)


@pytest.mark.parametrize("fluid", ["R245fa", "Isopentane"])
def test_fast_path_on_a_grid_against_coolprop(fluid):
    rows = [g for g in GRID if g[0] == fluid]
    for etas in ((0.75, 0.80), (0.6, 0.9)):
        sub = [r for r in rows if r[4] == etas]
        te = np.array([r[1] for r in sub])
        sh = np.array([r[2] for r in sub])
        tc = np.array([r[3] for r in sub])
        t_src = te + sh + 60.0
        orc = ORC(fluid, 353.15, 305.15, pump_efficiency=etas[0], expander_efficiency=etas[1],
                  evaporator_pinch=10.0, cooling_inlet_temperature=293.15)
        res = evaluate_designs(orc, Stream({"AR": 1.0}, 450.0, 101325.0, 10.0), evaporating_temperature=te,
                               superheat=sh, condensing_temperature=tc, source_temperature=t_src)
        assert res.feasible.all(), [res.message(i) for i in range(te.size)]
        for i in range(te.size):
            c = _cycle(fluid, te[i], tc[i], sh[i], *etas)
            _check(res, c, _argon_flow(c, te[i], 10.0, t_src[i], 10.0), 5e-5, 2e-4, i)
            assert float(res.heat_source_outlet_temperature[i]) == pytest.approx(
                t_src[i] - _argon_flow(c, te[i], 10.0, t_src[i], 10.0) * c["q_in"] / (10.0 * CP_ARGON),
                abs=2e-3)


def test_recuperated_cycle_against_coolprop():
    # recuperator duty = eps x min(exhaust desuperheat to the pump-outlet temperature or its dew
    # point, pump outlet heated to the exhaust temperature) (units.orc.cycle docstring)
    fluid, te, tc, eps = "Toluene", 463.15, 323.15, 0.8
    f = f"HEOS::{fluid}"
    orc = ORC(fluid, te, tc, recuperator_effectiveness=eps, pump_efficiency=0.7, expander_efficiency=0.8,
              cooling_inlet_temperature=300.0)
    res = orc.solve(Stream({"AR": 1.0}, 553.15, 101325.0, 15.0))
    c = _cycle(fluid, te, tc, 0.0, 0.7, 0.8)
    p_e, p_c = c["p_e"], c["p_c"]
    h1 = P("H", "P", p_c, "Q", 0, f)
    h2 = h1 + c["w_pump"]
    h7 = c["h6"] - c["w_exp"]
    t2, t7 = P("T", "P", p_e, "H", h2, f), P("T", "P", p_c, "H", h7, f)
    hot_side = h7 - max(P("H", "P", p_c, "T", t2, f), P("H", "P", p_c, "Q", 1, f))
    cold_side = P("H", "P", p_e, "T", t7, f) - h2
    q_rec = eps * min(hot_side, cold_side)
    m_wf = res.working_fluid_flow
    assert res.recuperator_duty == pytest.approx(m_wf * q_rec, rel=1e-6)
    assert res.thermal_efficiency == pytest.approx((c["w_exp"] - c["w_pump"]) / (c["h6"] - h2 - q_rec), rel=1e-6)
    assert res.pump_power == pytest.approx(m_wf * c["w_pump"], rel=1e-7)
    # the fast path on the same design
    fast = evaluate_designs(orc, Stream({"AR": 1.0}, 553.15, 101325.0, 15.0))
    assert float(fast.thermal_efficiency[()]) == pytest.approx(res.thermal_efficiency, rel=5e-5)
    assert float(fast.pump_power[()]) == pytest.approx(float(fast.working_fluid_flow[()]) * c["w_pump"], rel=2e-4)


def test_condenser_pinch_error_names_the_dew_point_temperatures():
    # coolant in at 302 K rising 5 K against condensation at 308.15 K: the pinch (5 K wanted)
    # is violated at the dew point, where the working fluid is at the condensing temperature
    with pytest.raises(ValueError, match=r"at the dew point \(working fluid 308\.15 K, cooling"):
        ORC("R245fa", 373.15, 308.15, cooling_inlet_temperature=302.0).solve(
            Stream({"AR": 1.0}, 450.0, 101325.0, 10.0))
