"""The counterflow engine (units.heat_exchanger.counterflow): kernels by hand, flows against CoolProp."""
import math

import CoolProp.CoolProp as CP
import numpy as np
import pytest
from pytest import approx

from procsim.stream import Stream
from units.heat_exchanger.counterflow import (STATUS_INFEASIBLE, STATUS_NO_POINT, STATUS_OK, STATUS_PROPERTY,
                                              counterflow_enthalpies, pinch_flow_limit, pinch_limited_flow,
                                              pinch_limited_flow_kernel, pinch_location)

W = "IF97::Water"


def h_w(p, T):
    return CP.PropsSI("H", "P", p, "T", T, W)


@pytest.mark.unit
def test_kernel_hand_calculation_cold_variable():
    # fixed hot side 2 kg/s from 1000 J/kg; points at h = 0 and 100 J/kg, outlet 300 J/kg; hot
    # enthalpies at the points' T + pinch 900 and 500 J/kg:
    # m_0 = 2 (1000 - 900) / (300 - 0) = 0.6667, m_1 = 2 (1000 - 500) / (300 - 100) = 5
    h_fix = np.array([900.0, 500.0, math.nan])
    h_var = np.array([0.0, 100.0, 300.0])  # the outlet point itself is skipped
    m, idx, status = pinch_limited_flow_kernel(2.0, 1000.0, h_fix, 300.0, h_var, 1)
    assert (status, idx) == (STATUS_OK, 0) and m == approx(2.0 * 100.0 / 300.0, rel=1e-15)
    assert pinch_flow_limit(2.0, 1000.0, 500.0, 300.0, 100.0) == 5.0
    py = pinch_limited_flow_kernel.py_func(2.0, 1000.0, h_fix, 300.0, h_var, 1)
    assert py[0] == approx(m, rel=1e-14) and py[1:] == (idx, status)


@pytest.mark.unit
def test_kernel_hand_calculation_hot_variable_and_codes():
    # fixed cold side 3 kg/s entering at 100 J/kg; hot variable side leaves at 200 J/kg; points at
    # 400 and 600 J/kg where the cold side may reach 160 and 250 J/kg:
    # m = 3 (100 - 160)/(200 - 400) = 0.9 and 3 (100 - 250)/(200 - 600) = 1.125
    m, idx, status = pinch_limited_flow_kernel(3.0, 100.0, np.array([160.0, 250.0]), 200.0,
                                               np.array([400.0, 600.0]), 0)
    assert (status, idx) == (STATUS_OK, 0) and m == approx(0.9, rel=1e-15)
    # the fixed side cannot reach the pinch: hot inlet 1000 J/kg below the 1100 J/kg needed
    assert pinch_limited_flow_kernel(1.0, 1000.0, np.array([1100.0]), 300.0, np.array([0.0]), 1)[2] == \
        STATUS_INFEASIBLE
    assert pinch_limited_flow_kernel(1.0, 1000.0, np.array([math.nan]), 300.0, np.array([0.0]), 1)[2] == \
        STATUS_PROPERTY
    assert pinch_limited_flow_kernel(1.0, 1000.0, np.array([0.0]), 300.0, np.array([300.0]), 1)[2] == \
        STATUS_NO_POINT


@pytest.mark.unit
def test_profile_and_pinch_location_kernels():
    q = np.array([0.0, 50.0, 100.0])
    hh, hc = np.empty(3), np.empty(3)
    assert counterflow_enthalpies(q, 2.0, 10.0, 4.0, 5.0, hh, hc) == STATUS_OK
    assert list(hh) == [10.0, 35.0, 60.0] and list(hc) == [5.0, 17.5, 30.0]
    assert pinch_location(np.array([400.0, 380.0, 390.0]), np.array([300.0, 372.0, 375.0])) == 1
    assert pinch_location(np.array([400.0, math.nan]), np.array([300.0, 1.0])) == 1


@pytest.mark.component
def test_steam_raised_by_hot_air_against_coolprop():
    # 10 kg/s of air (CoolProp HEOS) at 400 C raising saturated steam at 10 bar(a) from 105 C
    # water; pinch 10 K at the bubble point (the binding point of a boiler without approach),
    # where the air has given up only the evaporation duty:
    # m = m_air [h_air(673.15) - h_air(T_sat + 10)] / (h_v - h_l), every property from CoolProp
    p_air, p_w = 101325.0, 1.0e6
    t_sat = CP.PropsSI("T", "P", p_w, "Q", 0, W)
    h_v = CP.PropsSI("H", "P", p_w, "Q", 1, W)
    h_l = CP.PropsSI("H", "P", p_w, "Q", 0, W)
    ha = lambda T: CP.PropsSI("H", "P", p_air, "T", T, "HEOS::Air")
    expected = 10.0 * (ha(673.15) - ha(t_sat + 10.0)) / (h_v - h_l)
    air = Stream("Air", 673.15, p_air, 10.0)
    water = Stream("Water", 378.15, p_w, 1.0)
    r = pinch_limited_flow(air, water, h_v, 10.0)
    assert r.flow == approx(expected, rel=1e-9)
    assert r.limited_by == "pinch" and r.binding_temperature == approx(t_sat, rel=1e-12)
    assert r.profile.min_approach == approx(10.0, abs=1e-6)
    assert r.profile.min_approach_t_cold == approx(t_sat, rel=1e-12)
    assert r.profile.duty == approx(expected * (h_v - h_w(p_w, 378.15)), rel=1e-9)


@pytest.mark.component
def test_variable_hot_side_against_coolprop():
    # cooling water 10 kg/s at 20 C (3 bar) takes heat from hot water 90 C -> 40 C (2 bar):
    # the hot flow is set by the hot-end pinch, cold outlet = 90 - 10 = 80 C:
    # m_hot = 10 [h_c(80 C) - h_c(20 C)] / [h_h(90 C) - h_h(40 C)]
    expected = 10.0 * (h_w(3e5, 353.15) - h_w(3e5, 293.15)) / (h_w(2e5, 363.15) - h_w(2e5, 313.15))
    cool = Stream("Water", 293.15, 3e5, 10.0)
    hot = Stream("Water", 363.15, 2e5, 1.0)
    r = pinch_limited_flow(cool, hot, h_w(2e5, 313.15), 10.0, variable_side="hot")
    assert r.flow == approx(expected, rel=1e-9)
    assert r.profile.min_approach == approx(10.0, abs=1e-6)
    assert r.profile.hot_end_approach == approx(10.0, abs=1e-6)


@pytest.mark.component
def test_whole_profile_pinch_at_the_fixed_side_dew_point():
    # superheated steam 0.1 kg/s at 1 bar(a), 200 C condensing and subcooling, heating water
    # 20 -> 98 C (3 bar). At the flow the cold points allow, the steam's dew point (a kink of the
    # fixed side, between the water-side points) is only ~7 K above the water: the whole-profile
    # check must lower the flow until the approach there is the pinch. Hand calculation:
    # above the dew point the steam gives m_s (h_s,in - h_v) to water from T_sat - 10 to 98 C:
    # m_w = m_s (h_s,in - h_v) / [h_w(98 C) - h_w(T_sat - 10)]
    t_sat = CP.PropsSI("T", "P", 1e5, "Q", 1, W)
    h_v = CP.PropsSI("H", "P", 1e5, "Q", 1, W)
    h_in = h_w(1e5, 473.15)
    expected = 0.1 * (h_in - h_v) / (h_w(3e5, 371.15) - h_w(3e5, t_sat - 10.0))
    steam = Stream("Water", 473.15, 1e5, 0.1)
    water = Stream("Water", 293.15, 3e5, 1.0)
    r = pinch_limited_flow(steam, water, h_w(3e5, 371.15), 10.0)
    assert r.limited_by == "profile" and r.flow < r.pinch_flow
    assert r.flow == approx(expected, rel=1e-8)
    assert r.profile.min_approach == approx(10.0, abs=1e-6)
    assert r.profile.min_approach_t_hot == approx(t_sat, rel=1e-12)


@pytest.mark.component
def test_available_flow_and_errors():
    gas = Stream({"N2": 0.72, "CO2": 0.08, "H2O": 0.16, "O2": 0.04}, 673.15, 101325.0, 10.0)
    water = Stream("Water", 378.15, 1.0e6, 1.0)
    h_v = CP.PropsSI("H", "P", 1e6, "Q", 1, W)
    r = pinch_limited_flow(gas, water, h_v, 10.0, available_flow=0.5)
    assert r.limited_by == "available" and r.flow == 0.5 and r.profile.min_approach > 10.0
    with pytest.raises(ValueError, match="cannot hold a pinch of 300 K"):
        pinch_limited_flow(gas, water, h_v, 300.0)
    # a variable-side point exactly at the fixed inlet minus the pinch leaves no driving force
    # there: refused, not solved with a zero-width pinch (663 K + 10 K = 673 K exactly in binary)
    hot = gas.with_(T=673.0)
    h_663 = CP.PropsSI("H", "P", 1e6, "T", 663.0, W)
    with pytest.raises(ValueError, match="cannot hold a pinch of 10 K at the variable-side point 663 K"):
        pinch_limited_flow(hot, water, h_663 + 1e4, 10.0, points=(np.array([water.h, h_663]),
                                                                   np.array([water.T, 663.0])))
    with pytest.raises(ValueError, match="variable_side must be one of"):
        pinch_limited_flow(gas, water, h_v, 10.0, variable_side="left")
    with pytest.raises(ValueError, match="variable_outlet_enthalpy must be above"):
        pinch_limited_flow(gas, water, water.h - 1.0, 10.0)
