"""Steam enthalpy-balance kernels: closed forms, independent CoolProp states, py_func, properties."""
import math

import CoolProp.CoolProp as CP
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from units.steam import kernels as K

pytestmark = pytest.mark.unit


def props(out, a, va, b, vb):
    return CP.PropsSI(out, a, va, b, vb, "IF97::Water")


def test_turbine_outlet_enthalpy_limits_and_coolprop():
    # eta = 1: isentropic outlet; eta -> small: outlet near the inlet (closed forms)
    assert K.turbine_outlet_enthalpy(3.2e6, 2.7e6, 1.0) == 2.7e6
    assert K.turbine_outlet_enthalpy(3.2e6, 2.7e6, 0.5) == pytest.approx(2.95e6, rel=1e-15)
    assert math.isnan(K.turbine_outlet_enthalpy(3.2e6, 2.7e6, 1.2))
    assert math.isnan(K.turbine_outlet_enthalpy(3.2e6, 3.3e6, 0.7))  # not an expansion
    # independent: CoolProp directly, 40 bar(a) 400 C to 4 bar(a), eta 0.7
    h1 = props("H", "P", 4e6, "T", 673.15)
    s1 = props("S", "P", 4e6, "T", 673.15)
    h2s = props("H", "P", 4e5, "S", s1)
    assert K.turbine_outlet_enthalpy(h1, h2s, 0.7) == pytest.approx(h1 - 0.7 * (h1 - h2s), rel=1e-15)


def test_efficiency_round_trip_and_power():
    h1, h2s = 3.2e6, 2.6e6
    h2 = K.turbine_outlet_enthalpy(h1, h2s, 0.73)
    assert K.turbine_isentropic_efficiency(h1, h2, h2s) == pytest.approx(0.73, rel=1e-14)
    assert math.isnan(K.turbine_isentropic_efficiency(h1, h2s - 1.0, h2s))  # below isentropic: impossible
    p = K.turbine_power(5.0, h1, h2, 0.95)
    assert p == pytest.approx(0.95 * 5.0 * (h1 - h2), rel=1e-15)
    assert K.turbine_flow_for_power(p, h1, h2, 0.95) == pytest.approx(5.0, rel=1e-14)


def test_spray_ratio_mixing_closes_energy():
    hs, hw, ht = 3.0e6, 0.45e6, 2.8e6
    r = K.desuperheater_spray_ratio(hs, hw, ht)
    assert (hs + r * hw) / (1 + r) == pytest.approx(ht, rel=1e-14)
    assert K.desuperheater_spray_ratio(hs, hw, hs) == 0.0
    assert math.isnan(K.desuperheater_spray_ratio(hs, hw, 3.1e6))


def test_flash_fraction_against_coolprop_lever_rule():
    # blowdown at 40 bar(a) saturated liquid flashed to 2 bar(a): x from CoolProp (p, h) directly
    h_in = props("H", "P", 4e6, "Q", 0)
    hl, hv = props("H", "P", 2e5, "Q", 0), props("H", "P", 2e5, "Q", 1)
    x_cp = props("Q", "P", 2e5, "H", h_in)
    assert K.flash_fraction(h_in, hl, hv) == pytest.approx(x_cp, rel=1e-9)
    assert K.flash_fraction(hl - 10.0, hl, hv) == 0.0   # subcooled at the flash pressure: no flash
    assert math.isnan(K.flash_fraction(hv + 1.0, hl, hv))


def test_mixed_enthalpy_and_bad_flows():
    m = np.array([1.0, 3.0])
    h = np.array([2.0e6, 3.0e6])
    assert K.mixed_enthalpy(m, h, 0.0) == pytest.approx(2.75e6, rel=1e-15)
    assert K.mixed_enthalpy(m, h, 4.0e5) == pytest.approx(2.65e6, rel=1e-15)
    assert math.isnan(K.mixed_enthalpy(np.array([-1.0, 3.0]), h, 0.0))
    assert math.isnan(K.mixed_enthalpy(np.zeros(2), h, 0.0))


def test_deaerator_balance_closes_both_balances():
    out = np.empty(2)
    F, hF, V, hV, Wf, hW, hM, hS = 20.0, 439e3, 0.02, 2683e3, 10.0, 335e3, 105e3, 2870e3
    assert K.deaerator_balance(F, hF, V, hV, Wf, hW, hM, hS, out) == 0
    S, M = out
    assert S + M + Wf == pytest.approx(F + V, rel=1e-14)
    assert S * hS + M * hM + Wf * hW == pytest.approx(F * hF + V * hV, rel=1e-14)
    assert K.deaerator_balance(F, hF, V, hV, 30.0, hW, hM, hS, out) == 1   # more condensate than demand


def test_steam_generation_heat_closed_form():
    assert K.steam_generation_heat(2.8e6, 0.4e6, 0.0, 1.0e6) == pytest.approx(2.4e6, rel=1e-15)
    # 5 % blowdown of feedwater: per kg steam 1/0.95 kg feedwater, 0.05/0.95 kg blowdown
    q = K.steam_generation_heat(2.8e6, 0.4e6, 0.05, 1.0e6)
    assert q == pytest.approx((2.8e6 - 0.4e6) + 0.05 / 0.95 * 0.6e6, rel=1e-14)
    assert math.isnan(K.steam_generation_heat(2.8e6, 0.4e6, 1.0, 1.0e6))


def test_napier_reproduces_doe_trap_formula():
    # DOE Steam Tip Sheet #1: W [lb/h] = 24.24 * P [psia] * D^2 [in]; Cd 0.6 with Napier
    p_psia, d_in = 114.7, 0.125
    w_lbh = 24.24 * p_psia * d_in ** 2
    kg_s = K.napier_steam_flow(p_psia * 6894.757293168361, d_in * 0.0254, 0.6)
    # 0.6 * 3600 * (pi/4) / 70 = 24.236, printed as 24.24: 2e-4 apart
    assert kg_s * 3600.0 / 0.45359237 == pytest.approx(w_lbh, rel=3e-4)
    assert math.isnan(K.napier_steam_flow(1.2e5, 0.003, 0.6))            # not choked: rule not valid


def test_array_loops_match_scalar_and_flag_first_bad():
    h1 = np.array([3.2e6, 3.0e6, 3.1e6])
    hs = np.array([2.6e6, 3.1e6, 2.5e6])
    eta = np.array([0.7, 0.7, 0.8])
    out = np.empty(3)
    assert K.turbine_outlet_enthalpy_array(h1, hs, eta, out) == 1
    assert math.isnan(out[1]) and out[0] == K.turbine_outlet_enthalpy(3.2e6, 2.6e6, 0.7)
    out2 = np.empty(2)
    assert K.flash_fraction_array(np.array([1e6, 2e6]), np.array([5e5, 5e5]), np.array([2.7e6, 2.7e6]), out2) == -1
    assert K.desuperheater_spray_ratio_array(np.array([3e6]), np.array([4e5]), np.array([2.9e6]), np.empty(1)) == -1


def test_py_func_agrees_with_compiled():
    args = (3.2e6, 2.6e6, 0.71)
    assert K.turbine_outlet_enthalpy(*args) == pytest.approx(K.turbine_outlet_enthalpy.py_func(*args), rel=1e-14)
    a2 = (3.0e6, 4.2e5, 2.85e6)
    assert K.desuperheater_spray_ratio(*a2) == pytest.approx(K.desuperheater_spray_ratio.py_func(*a2), rel=1e-14)
    a3 = (1.08e6, 5.05e5, 2.7e6)
    assert K.flash_fraction(*a3) == pytest.approx(K.flash_fraction.py_func(*a3), rel=1e-14)
    a4 = (8e5, 0.003, 0.6)
    assert K.napier_steam_flow(*a4) == pytest.approx(K.napier_steam_flow.py_func(*a4), rel=1e-14)


@settings(derandomize=True, max_examples=40, deadline=None)
@given(h1=st.floats(2.7e6, 3.6e6), drop=st.floats(1e3, 9e5), eta=st.floats(0.05, 1.0))
def test_turbine_outlet_between_isentropic_and_inlet(h1, drop, eta):
    h2s = h1 - drop
    h2 = K.turbine_outlet_enthalpy(h1, h2s, eta)
    assert h2s - 1e-6 <= h2 <= h1
    assert K.turbine_isentropic_efficiency(h1, h2, h2s) == pytest.approx(eta, rel=1e-9)


@settings(derandomize=True, max_examples=40, deadline=None)
@given(hin=st.floats(2e5, 2.7e6), frac=st.floats(0.0, 1.0))
def test_flash_fraction_is_a_fraction_and_monotone(hin, frac):
    hl, hv = 5.05e5, 2.706e6
    f = K.flash_fraction(min(hin, hv), hl, hv)
    assert 0.0 <= f <= 1.0
    assert K.flash_fraction(min(hin, hv) + frac * 1e3 if min(hin, hv) + frac * 1e3 <= hv else hv, hl, hv) >= f
