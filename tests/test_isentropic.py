"""The one isentropic-efficiency relation (procsim.thermo.isentropic) against textbook and CoolProp values."""
import math

import CoolProp.CoolProp as CP
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from procsim.thermo.isentropic import (isentropic_efficiency, isentropic_outlet_enthalpy,
                                       isentropic_outlet_enthalpy_array, outlet_enthalpy)

pytestmark = pytest.mark.unit


def test_turbine_textbook_example():
    # Cengel & Boles, Thermodynamics, 8th ed., 2015, Example 7-14: steam 3 MPa, 400 C to 50 kPa,
    # 100 C: h1 = 3231.7, h2 = 2682.4, h2s = 2407.9 kJ/kg (steam tables), eta = 0.667
    assert isentropic_efficiency(3231.7e3, 2682.4e3, 2407.9e3) == approx(0.667, abs=5e-4)
    # and forward: the same eta gives back h2 (to the table's 0.1 kJ/kg rounding)
    eta = (3231.7 - 2682.4) / (3231.7 - 2407.9)
    assert isentropic_outlet_enthalpy(3231.7e3, 2407.9e3, eta) == approx(2682.4e3, rel=1e-12)


def test_steam_turbine_against_coolprop():
    # IF97 steam 40 bar(a), 400 C expanding to 5 bar(a) at eta 0.82, every state from CoolProp directly
    h1 = CP.PropsSI("H", "P", 4e6, "T", 673.15, "IF97::Water")
    s1 = CP.PropsSI("S", "P", 4e6, "T", 673.15, "IF97::Water")
    h2s = CP.PropsSI("H", "P", 5e5, "S", s1, "IF97::Water")
    w_shaft = 0.82 * (h1 - h2s)  # work per kg, definition of eta for a turbine
    assert isentropic_outlet_enthalpy(h1, h2s, 0.82) == approx(h1 - w_shaft, rel=1e-14)


def test_pump_against_incompressible_work():
    # liquid water 1 bar, 30 C pumped to 41 bar at eta 0.7: isentropic head = integral of v dp
    # along the isentrope (Gibbs: dh = v dp at constant s), trapezoid of the end volumes
    # (IAPWS-95, whose (p, s) inverse is iterated to full precision; IF97's backward
    # equations are off by mK, ~1e-3 of this head); (v is nearly linear in p for a liquid; the trapezoid's error is < 1e-5 relative here)
    h1 = CP.PropsSI("H", "P", 1e5, "T", 303.15, "HEOS::Water")
    s1 = CP.PropsSI("S", "P", 1e5, "T", 303.15, "HEOS::Water")
    v1 = 1.0 / CP.PropsSI("D", "P", 1e5, "T", 303.15, "HEOS::Water")
    h2s = CP.PropsSI("H", "P", 4.1e6, "S", s1, "HEOS::Water")
    v2 = 1.0 / CP.PropsSI("D", "P", 4.1e6, "S", s1, "HEOS::Water")
    h2 = isentropic_outlet_enthalpy(h1, h2s, 0.7)
    assert h2 - h1 == approx(0.5 * (v1 + v2) * 4.0e6 / 0.7, rel=1e-4)


def test_limits_and_bad_efficiency():
    assert isentropic_outlet_enthalpy(5.0e5, 4.0e5, 1.0) == 4.0e5
    assert isentropic_outlet_enthalpy(5.0e5, 5.0e5, 0.5) == 5.0e5
    for eta in (0.0, -0.1, 1.0001, math.nan):
        assert math.isnan(isentropic_outlet_enthalpy(5.0e5, 4.0e5, eta))
    assert math.isnan(isentropic_efficiency(1.0, 2.0, 1.0))
    with pytest.raises(ValueError, match="efficiency must be in"):
        outlet_enthalpy(5.0e5, 4.0e5, 1.2)


def test_array_kernel_and_py_func():
    h1 = np.array([3.2e6, 1.0e5, 2.0e5])
    h2s = np.array([2.5e6, 1.1e5, 1.5e5])
    eta = np.array([0.8, 0.5, 0.0])
    out = np.empty(3)
    assert isentropic_outlet_enthalpy_array(h1, h2s, eta, out) == 2
    assert out[0] == approx(2.64e6, rel=1e-15) and out[1] == approx(1.2e5, rel=1e-15) and math.isnan(out[2])
    for args in ((3.2e6, 2.5e6, 0.8), (1.0e5, 1.1e5, 0.5)):
        assert isentropic_outlet_enthalpy(*args) == approx(isentropic_outlet_enthalpy.py_func(*args), rel=1e-14)
    assert np.allclose(outlet_enthalpy(h1[:2], h2s[:2], eta[:2]), out[:2], rtol=1e-15, atol=0)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(h1=st.floats(-1e6, 4e6), dh=st.floats(1.0, 2e6), eta=st.floats(0.05, 1.0), up=st.booleans())
def test_round_trip_and_direction(h1, dh, eta, up):
    h2s = h1 + dh if up else h1 - dh
    h2 = isentropic_outlet_enthalpy(h1, h2s, eta)
    assert isentropic_efficiency(h1, h2, h2s) == approx(eta, rel=1e-8)
    # irreversibility always raises the outlet enthalpy above the isentropic one
    assert h2 >= h2s - 1e-9 * abs(h2s)
