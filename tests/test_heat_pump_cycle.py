"""Heat-pump cycles (units.heat_pump.cycle) against CoolProp called directly, limits and errors."""
import math

import CoolProp.CoolProp as CP
import pytest
from scipy.optimize import brentq

from units.heat_pump import (cascade_cycle, liao_optimal_pressure, lorenz_cop, refrigerant, simple_cycle,
                             two_stage_cycle, vapour_compression_cycle)

pytestmark = pytest.mark.component

# the brief's refrigerant list: (CoolProp name as PropsSI takes it, evaporating K, condensing K)
CASES = [
    ("Ammonia", 263.15, 318.15), ("Propane", 273.15, 333.15), ("Butane", 303.15, 363.15),
    ("IsoButane", 293.15, 353.15), ("R1234ze(E)", 283.15, 343.15), ("R1233zd(E)", 333.15, 393.15),
    ("R1336mzz(Z)", 343.15, 413.15), ("R134a", 273.15, 323.15), ("R245fa", 323.15, 383.15),
    ("CarbonDioxide", 253.15, 288.15), ("IF97::Water", 353.15, 393.15),
]


def _ph_state(fluid, p, h):
    """(T, s) at (p, h) from CoolProp. IF97's backward T(p, h) agrees with its forward h(p, T)
    only to about 1e-5 relative (IAPWS R7-97 sec. 5.2.1), so for water T is found from the
    forward equation by Brent's method, as IF97 users are told to do for consistency."""
    P = CP.PropsSI
    if not fluid.startswith("IF97::"):
        return P("T", "P", p, "H", h, fluid), P("S", "P", p, "H", h, fluid)
    t_sat = P("T", "P", p, "Q", 0, fluid)
    hl, hv = P("H", "P", p, "Q", 0, fluid), P("H", "P", p, "Q", 1, fluid)
    if hl <= h <= hv:
        x = (h - hl) / (hv - hl)
        return t_sat, P("S", "P", p, "Q", 0, fluid) + x * (P("S", "P", p, "Q", 1, fluid) - P("S", "P", p, "Q", 0, fluid))
    lo, hi = (t_sat + 1e-9, 1073.0) if h > hv else (273.16, t_sat - 1e-9)
    T = brentq(lambda t: P("H", "P", p, "T", t, fluid) - h, lo, hi, xtol=1e-12, rtol=1e-15)
    return T, P("S", "P", p, "T", T, fluid)


def _direct(fluid, te, tc, sh, sc, eta):
    """The ideal single-stage cycle with every state from CoolProp.PropsSI (Stoecker & Jones 1982 ch. 10)."""
    P = CP.PropsSI
    p_e, p_c = P("P", "T", te, "Q", 1, fluid), P("P", "T", tc, "Q", 0, fluid)
    if sh > 0:
        h1, s1 = P("H", "P", p_e, "T", te + sh, fluid), P("S", "P", p_e, "T", te + sh, fluid)
        t1 = te + sh
    else:
        h1, s1, t1 = P("H", "P", p_e, "Q", 1, fluid), P("S", "P", p_e, "Q", 1, fluid), te
    if fluid.startswith("IF97::"):
        # isentropic discharge from the forward equation s(p, T) = s1
        T2s = brentq(lambda t: P("S", "P", p_c, "T", t, fluid) - s1, tc + 1e-9, 1073.0, xtol=1e-12, rtol=1e-15)
        h2s = P("H", "P", p_c, "T", T2s, fluid)
    else:
        h2s = P("H", "P", p_c, "S", s1, fluid)
    h2 = h1 + (h2s - h1) / eta
    if sc > 0:
        h3, s3, t3 = P("H", "P", p_c, "T", tc - sc, fluid), P("S", "P", p_c, "T", tc - sc, fluid), tc - sc
    else:
        h3, s3, t3 = P("H", "P", p_c, "Q", 0, fluid), P("S", "P", p_c, "Q", 0, fluid), tc
    t2, s2 = _ph_state(fluid, p_c, h2)
    t4, s4 = _ph_state(fluid, p_e, h3)
    out = {"evaporator_outlet": (t1, p_e, h1, s1), "compressor_outlet": (t2, p_c, h2, s2),
           "condenser_outlet": (t3, p_c, h3, s3), "evaporator_inlet": (t4, p_e, h3, s4)}
    return out, (h2 - h3) / (h2 - h1), (h1 - h3) / (h2 - h1)


@pytest.mark.parametrize("fluid,te,tc", CASES)
@pytest.mark.parametrize("sh,sc", [(0.0, 0.0), (5.0, 3.0)])
def test_simple_cycle_states_equal_coolprop(fluid, te, tc, sh, sc):
    # tolerance 1e-6 relative: the same equation of state evaluated by the same library; the
    # (p, h) and (p, s) flash solutions differ between call paths only at solver tolerance
    name = fluid.replace("IF97::", "")
    r = simple_cycle(name, te, tc, superheat=sh, subcooling=sc, isentropic_efficiency=0.72)
    ref, cop_h, cop_c = _direct(fluid, te, tc, sh, sc, 0.72)
    for key, (T, p, h, s) in ref.items():
        st = r.state(key)
        assert st.T == pytest.approx(T, rel=1e-6), key
        assert st.p == pytest.approx(p, rel=1e-6), key
        assert st.h == pytest.approx(h, rel=1e-6, abs=1e-3), key
        assert st.s == pytest.approx(s, rel=1e-6, abs=1e-6), key
    assert r.cop_heating == pytest.approx(cop_h, rel=1e-6)
    assert r.cop_cooling == pytest.approx(cop_c, rel=1e-6)
    assert r.q_condenser - r.q_evaporator - r.w_compressor == pytest.approx(0.0, abs=1e-6)
    assert r.cop_heating - r.cop_cooling == pytest.approx(1.0, rel=1e-12)


def test_r_numbers_map_to_coolprop():
    a = simple_cycle("R717", 263.15, 313.15)
    b = simple_cycle("Ammonia", 263.15, 313.15)
    assert a.cop_heating == b.cop_heating
    assert refrigerant("R717").safety_class == "B2L" and refrigerant("R744").safety_class == "A1"
    assert refrigerant("R134a").gwp("AR5") == 1300 and refrigerant("R134a").gwp("AR6") == 1530


def test_carnot_limit():
    # isentropic compression of a cycle with zero superheat approaches but stays below Carnot
    r = simple_cycle("R134a", 273.15, 303.15, isentropic_efficiency=1.0)
    carnot = 303.15 / 30.0
    assert r.cop_heating < carnot
    assert r.cop_heating > 0.8 * carnot  # throttling and desuperheating losses of R134a at 30 K lift


def test_transcritical_co2_against_coolprop_and_liao():
    te, tgc, p = 273.15, 313.15, 10.0e6
    r = vapour_compression_cycle("R744", te, gas_cooler_pressure=p, gas_cooler_outlet_temperature=tgc,
                                 isentropic_efficiency=0.7)
    P, f = CP.PropsSI, "CarbonDioxide"
    h1 = P("H", "T", te, "Q", 1, f)
    s1 = P("S", "T", te, "Q", 1, f)
    h2 = h1 + (P("H", "P", p, "S", s1, f) - h1) / 0.7
    h3 = P("H", "P", p, "T", tgc, f)
    assert r.transcritical
    assert r.cop_heating == pytest.approx((h2 - h3) / (h2 - h1), rel=1e-6)
    # the optimum found by search is within the scatter of Liao et al.'s correlation (their
    # Fig. 6: the correlation fits the computed optima within about 3 %)
    opt = vapour_compression_cycle("R744", te, gas_cooler_pressure="optimal", gas_cooler_outlet_temperature=tgc,
                                   isentropic_efficiency=0.7)
    assert opt.condensing_pressure == pytest.approx(liao_optimal_pressure(te, tgc), rel=0.05)
    assert opt.cop_heating >= r.cop_heating - 1e-9


def test_ihx_raises_r290_volumetric_and_balances():
    base = vapour_compression_cycle("R290", 273.15, 323.15, superheat=5.0)
    ihx = vapour_compression_cycle("R290", 273.15, 323.15, superheat=5.0, ihx_effectiveness=0.6)
    s1, s1c = ihx.state("evaporator_outlet"), ihx.state("compressor_inlet")
    s3, s3v = ihx.state("condenser_outlet"), ihx.state("valve_inlet")
    assert s1c.h - s1.h == pytest.approx(s3.h - s3v.h, rel=1e-12)       # IHX energy balance
    # vapour-side effectiveness: (T1' - T1) / (T3 - T1) is 0.6 in enthalpy, close in temperature
    h_max = CP.PropsSI("H", "P", s1.p, "T", s3.T, "Propane")
    assert (s1c.h - s1.h) / (h_max - s1.h) == pytest.approx(0.6, rel=1e-9)
    assert ihx.cop_cooling > base.cop_cooling   # propane gains from an IHX (Klein et al. 2000, Fig. 3)
    assert ihx.energy_residual == pytest.approx(0.0, abs=1e-6)


def test_two_stage_flash_tank_beats_single_stage_for_ammonia_at_70K_lift():
    one = simple_cycle("R717", 243.15, 313.15)
    two = two_stage_cycle("R717", 243.15, 313.15)
    # flash gas removal and split compression: Stoecker & Jones 1982 sec. 16.7 report several
    # per cent better COP for ammonia at -30/+40 C
    assert 1.02 < two.cop_cooling / one.cop_cooling < 1.10
    assert two.energy_residual == pytest.approx(0.0, abs=1e-6)
    p_e = CP.PropsSI("P", "T", 243.15, "Q", 1, "Ammonia")
    p_c = CP.PropsSI("P", "T", 313.15, "Q", 0, "Ammonia")
    assert two.intermediate_pressure == pytest.approx(math.sqrt(p_e * p_c), rel=1e-9)
    # flash fraction = (h_liq,c - h_l,i) / (h_v,i - h_l,i) with CoolProp directly
    hl_c = CP.PropsSI("H", "P", p_c, "Q", 0, "Ammonia")
    hl_i = CP.PropsSI("H", "P", two.intermediate_pressure, "Q", 0, "Ammonia")
    hv_i = CP.PropsSI("H", "P", two.intermediate_pressure, "Q", 1, "Ammonia")
    assert two.flash_vapour_fraction == pytest.approx((hl_c - hl_i) / (hv_i - hl_i), rel=1e-6)


def test_cascade_energy_balance():
    c = cascade_cycle("R744", "R717", 233.15, 308.15, 263.15, 5.0)
    assert c.mass_ratio * c.low.q_condenser == pytest.approx(c.high.q_evaporator, rel=1e-12)
    assert c.energy_residual == pytest.approx(0.0, abs=1e-6)
    # a cascade over 75 K is worse than either stage alone
    assert c.cop_cooling < min(c.low.cop_cooling, c.high.cop_cooling)


def test_lorenz_reduces_to_carnot_without_glide():
    assert lorenz_cop(350.0, 350.0, 300.0, 300.0) == pytest.approx(350.0 / 50.0, rel=1e-12)


@pytest.mark.parametrize("kwargs,match", [
    (dict(evaporating_temperature=320.0, condensing_temperature=310.0), "condensing_temperature must be in"),
    (dict(evaporating_temperature=273.15, condensing_temperature=380.0), "condensing_temperature must be in"),
    (dict(evaporating_temperature=273.15, condensing_temperature=310.0, superheat=-1.0), "superheat must be >= 0"),
    (dict(evaporating_temperature=273.15, condensing_temperature=310.0, isentropic_efficiency=1.2),
     "isentropic_efficiency must be in"),
    (dict(evaporating_temperature=math.nan, condensing_temperature=310.0), "evaporating_temperature must be finite"),
])
def test_errors_name_parameter_and_range(kwargs, match):
    with pytest.raises(ValueError, match=match):
        simple_cycle("R134a", **kwargs)


def test_unknown_refrigerant():
    with pytest.raises(ValueError, match="unknown fluid"):
        simple_cycle("R9999", 273.15, 310.0)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(derandomize=True, max_examples=25, deadline=None)
@given(te=st.floats(253.15, 300.0), lift=st.floats(10.0, 60.0), extra=st.floats(0.5, 10.0),
       eta=st.floats(0.5, 1.0))
def test_cop_falls_with_lift_and_stays_below_carnot(te, lift, extra, eta):
    a = simple_cycle("R717", te, te + lift, isentropic_efficiency=eta)
    b = simple_cycle("R717", te, te + lift + extra, isentropic_efficiency=eta)
    assert b.cop_heating < a.cop_heating
    assert a.cop_heating < (te + lift) / lift            # second law
    assert a.energy_residual == pytest.approx(0.0, abs=1e-6)
