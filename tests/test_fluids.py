"""Exact real-fluid states (procsim.thermo.fluids) against CoolProp called directly and IAPWS tables."""
import math

import CoolProp.CoolProp as CP
import pytest
from pytest import approx, raises

from procsim.thermo.fluids import Fluid

pytestmark = pytest.mark.unit


def test_water_defaults_to_if97_and_heos_is_selectable():
    # IF97 and IAPWS-95 differ by ~1e-5 relative in h for liquid water: enough to tell apart.
    if97, heos = Fluid("Water"), Fluid("Water", backend="HEOS")
    assert (if97.backend, heos.backend) == ("IF97", "HEOS")
    h_if97 = CP.PropsSI("H", "P", 3.0e6, "T", 300.0, "IF97::Water")
    h_heos = CP.PropsSI("H", "P", 3.0e6, "T", 300.0, "HEOS::Water")
    assert if97.state(p=3.0e6, T=300.0).h == approx(h_if97, rel=1e-13)
    assert heos.state(p=3.0e6, T=300.0).h == approx(h_heos, rel=1e-13)
    assert abs(h_if97 - h_heos) > 1.0  # J/kg: the selection matters
    assert Fluid("steam").name == "Water" and Fluid("R245fa").backend == "HEOS"


def test_if97_published_verification_values():
    # IAPWS R7-97(2012), Table 5 (region 1, T = 300 K, p = 3 MPa): h = 115.331273 kJ/kg,
    # s = 0.392294792 kJ/(kg K), v = 0.100215168e-2 m3/kg; Table 15 (region 2, T = 300 K,
    # p = 0.0035 MPa): h = 2549.91145 kJ/kg, s = 8.52238967 kJ/(kg K). Tables give 9 digits.
    liq = Fluid("Water").state(p=3.0e6, T=300.0)
    assert liq.h == approx(115.331273e3, rel=1e-8)
    assert liq.s == approx(0.392294792e3, rel=1e-8)
    assert 1.0 / liq.rho == approx(0.100215168e-2, rel=1e-8)
    vap = Fluid("Water").state(p=3500.0, T=300.0)
    assert vap.h == approx(2549.91145e3, rel=1e-8)
    assert vap.s == approx(8.52238967e3, rel=1e-8)
    # Table 35 (saturation pressure equation): T_sat(0.1 MPa) = 372.755919 K
    liquid, vapour = Fluid("Water").saturation(p=1.0e5)
    # 9 significant digits: half a unit of the last digit is 5e-7 K
    assert liquid.T == approx(372.755919, abs=5e-7) and vapour.T == approx(372.755919, abs=5e-7)


@pytest.mark.parametrize("pair", ["pT", "ph", "ps", "px", "Tx"])
def test_state_matches_coolprop_for_every_input_pair(pair):
    # R245fa, HEOS: CoolProp's own iterative flashes converge to ~1e-10; 1e-9 leaves margin.
    fluid = Fluid("R245fa")
    ref = CP.AbstractState("HEOS", "R245fa")
    if pair in ("px", "Tx"):
        ref.update(CP.PQ_INPUTS, 8.0e5, 0.3)
    else:
        ref.update(CP.PT_INPUTS, 8.0e5, 380.0)
    values = {"p": ref.p(), "T": ref.T(), "h": ref.hmass(), "s": ref.smass(), "x": ref.Q()}
    st = fluid.state(**{k: values[k] for k in pair})
    for attr, want in (("T", ref.T()), ("h", ref.hmass()), ("s", ref.smass()), ("rho", ref.rhomass())):
        assert getattr(st, attr) == approx(want, rel=1e-9), attr
    assert st.phase == ("two_phase" if pair in ("px", "Tx") else "vapour")


def test_equilibrium_quality_outside_the_dome():
    # x = (h - h_l)/(h_v - h_l) from CoolProp's saturated states (FluidState docstring).
    fluid = Fluid("Isopentane")
    h_l = CP.PropsSI("H", "P", 5.0e5, "Q", 0, "HEOS::Isopentane")
    h_v = CP.PropsSI("H", "P", 5.0e5, "Q", 1, "HEOS::Isopentane")
    sub = fluid.state(p=5.0e5, T=300.0)
    sup = fluid.state(p=5.0e5, T=420.0)
    assert sub.x == approx((sub.h - h_l) / (h_v - h_l), rel=1e-9) and sub.x < 0.0
    assert sup.x == approx((sup.h - h_l) / (h_v - h_l), rel=1e-9) and sup.x > 1.0
    assert (sub.phase, sup.phase) == ("liquid", "vapour")
    assert math.isnan(fluid.state(p=5.0e6, T=500.0).x)  # above p_c = 3.378 MPa


def test_critical_point_and_cp_match_coolprop():
    fluid = Fluid("R134a")
    assert fluid.critical_temperature == approx(CP.PropsSI("Tcrit", "R134a"), rel=1e-12)
    assert fluid.critical_pressure == approx(CP.PropsSI("pcrit", "R134a"), rel=1e-12)
    assert fluid.cp(p=1.0e5, T=300.0) == approx(CP.PropsSI("C", "P", 1.0e5, "T", 300.0, "R134a"), rel=1e-10)


def test_unknown_fluid_and_bad_backend_are_errors():
    with raises(ValueError, match="unknown fluid 'Unobtainium'"):
        Fluid("Unobtainium")
    with raises(ValueError, match="backend must be one of"):
        Fluid("Water", backend="REFPROP")
    with raises(ValueError, match="backend 'IF97' is only defined for water"):
        Fluid("R245fa", backend="IF97")


def test_pressure_out_of_range_names_value_and_range():
    with raises(ValueError, match=r"p must be in \[611.657, 1e\+08\] Pa for Water \(IF97\); got 200000000.0 Pa"):
        Fluid("Water").state(p=2.0e8, T=500.0)
    with raises(ValueError, match="p must be > 0 Pa; got -1.0 Pa"):
        Fluid("Water").state(p=-1.0, T=500.0)


def test_state_on_saturation_line_from_p_and_T_is_an_error():
    fluid = Fluid("Water")
    t_sat = CP.PropsSI("T", "P", 1.0e6, "Q", 0, "IF97::Water")
    with raises(ValueError, match="lies on the saturation curve of Water"):
        fluid.state(p=1.0e6, T=t_sat)


def test_state_needs_exactly_two_supported_inputs():
    with raises(ValueError, match="exactly two"):
        Fluid("Water").state(p=1.0e5)
    with raises(ValueError, match="does not support the input pair"):
        Fluid("Water").state(T=300.0, h=1.0e5)
    with raises(ValueError, match="x must be in"):
        Fluid("Water").state(p=1.0e5, x=1.5)
