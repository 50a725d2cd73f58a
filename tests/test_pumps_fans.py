"""Pumps and fans: curves, operating points, controls, the VFD retrofit against a hand calculation."""
import math

import numpy as np
import pytest
from pytest import approx, raises

from procsim.stream import Stream
from units.fans import FanSystem, density_correction, fan_laws
from units.motors import Motor, efficiency as motor_efficiency
from units.pumps import (CentrifugalPump, MachineCurve, PumpSystem, SystemCurve, annual_comparison,
                         specific_speed, trim_ratio, vfd_efficiency)
from units.pumps.core import operating_flow, speed_for_point

G = 9.80665
# efficiency b0 + b1 Q + b2 Q^2 (peak 0.8 at 0.1 m3/s)
B = (0.0, 16.0, -80.0, 0.0)


def _curve():
    return MachineCurve(50.0, 0.0, -800.0, B, 0.15)


def _eta(q):
    return B[0] + B[1] * q + B[2] * q * q


@pytest.mark.unit
def test_curve_fit_recovers_data_sheet_points():
    q = np.array([0.0, 0.05, 0.1, 0.15])
    h = 50.0 - 800.0 * q ** 2
    c = MachineCurve.from_points(q, h, q[1:], _eta(q[1:]))
    assert (c.a0, c.a1, c.a2) == approx((50.0, 0.0, -800.0), abs=1e-9)
    assert c.best_efficiency_flow() == approx(0.1, abs=1e-4)


@pytest.mark.unit
def test_operating_point_and_speed_closed_forms():
    # 50 - 800 Q^2 = 15 + 2700 Q^2  ->  Q = sqrt(35/3500) = 0.1
    assert operating_flow(1.0, 50.0, 0.0, -800.0, 15.0, 2700.0) == approx(0.1, rel=1e-14)
    # speed through (0.05, 21.75): n = sqrt((21.75 + 800*0.0025)/50)
    assert speed_for_point(0.05, 21.75, 50.0, 0.0, -800.0) == approx(math.sqrt(23.75 / 50), rel=1e-14)
    assert speed_for_point(0.05, 21.75, 50.0, 0.0, -800.0) == approx(
        speed_for_point.py_func(0.05, 21.75, 50.0, 0.0, -800.0), rel=1e-14)
    # static head above shut-off head: no operating point
    assert math.isnan(operating_flow(1.0, 50.0, 0.0, -800.0, 60.0, 2700.0))


@pytest.mark.integration
def test_pump_vfd_retrofit_against_hand_affinity_calculation():
    """Throttled pump -> VFD, 0.1 m3/s at 42 m design, 15 m static head, 8000 h/yr."""
    system = SystemCurve.through_point(15.0, 0.1, 42.0)
    motor = Motor(75e3, "IE3", 4, 60)
    ps = PumpSystem(_curve(), system, motor, density=998.2)
    flows = np.array([0.1, 0.08, 0.06])
    hours = np.array([1600.0, 4000.0, 2400.0])
    base = ps.annual(flows, hours, "throttle")
    vfd = ps.annual(flows, hours, "vfd")

    # hand calculation (affinity laws written out, motor and drive from their formulas)
    rated_in = 75e3 / motor.full_load_efficiency
    kwh_t = kwh_v = 0.0
    for q, h in zip(flows, hours):
        head_t = 50.0 - 800.0 * q * q                     # throttled: on the pump curve
        p_shaft = 998.2 * G * q * head_t / _eta(q)
        kwh_t += p_shaft / motor_efficiency(75e3, p_shaft / 75e3, "IE3", 4, 60) * h / 1e3
        head_v = 15.0 + 2700.0 * q * q                    # VFD: on the system curve
        n = math.sqrt((head_v + 800.0 * q * q) / 50.0)    # a0 n^2 + a2 Q^2 = H_sys
        p_shaft = 998.2 * G * q * head_v / _eta(q / n)    # efficiency at the similar flow
        p_motor = p_shaft / motor_efficiency(75e3, p_shaft / 75e3, "IE3", 4, 60)
        x = p_motor / rated_in
        loss = (1 / 0.97 - 1) * (0.5 + 0.5 * x * x)
        kwh_v += p_motor / (x / (x + loss)) * h / 1e3
    assert base.electricity_kwh == approx(kwh_t, rel=1e-10)
    assert vfd.electricity_kwh == approx(kwh_v, rel=1e-10)
    # the pure cube law (no static head) would overstate the saving
    cube = sum(base.operation.electric_power[0] * (q / 0.1) ** 3 * h for q, h in zip(flows, hours)) / 1e3
    assert cube < vfd.electricity_kwh
    cmp = annual_comparison(base, vfd, region="TW", year=2024, investment=1.2e6)
    assert cmp.savings["electricity_kwh"] == approx(kwh_t - kwh_v, rel=1e-10)
    assert cmp.payback_years == approx(1.2e6 / cmp.cost_saved, rel=1e-12)


@pytest.mark.component
def test_control_methods_order_and_balance():
    ps = PumpSystem(_curve(), SystemCurve.through_point(15.0, 0.1, 42.0), Motor(75e3))
    q = np.array([0.05, 0.07, 0.09])
    p = {c: ps.operate(q, c).electric_power for c in ("bypass", "throttle", "on_off", "vfd")}
    assert np.all(p["bypass"] >= p["throttle"]) and np.all(p["throttle"] > p["vfd"])
    # on/off: full-point power x time share
    assert p["on_off"] == approx(p["bypass"] * q / 0.1, rel=1e-12)
    for c in p:
        assert ps.operate(q, c).energy_residual < 1e-6


@pytest.mark.unit
def test_trim_and_specific_speed():
    # trim to pass through (0.09, 40): r = sqrt((40 + 800*0.0081)/50)
    assert trim_ratio(_curve(), 0.09, 40.0) == approx(math.sqrt((40 + 800 * 0.0081) / 50), rel=1e-12)
    with raises(ValueError, match="outside"):
        trim_ratio(_curve(), 0.05, 10.0)
    # ANSI/HI 1.3: N_s(US) = 51.65 n_q
    nq, ns = specific_speed(0.1, 30.0, 1780)
    assert ns / nq == approx(51.65, rel=2e-4)


@pytest.mark.unit
def test_vfd_efficiency_shape():
    assert vfd_efficiency(1.0) == approx(0.97)
    assert vfd_efficiency(0.25) < vfd_efficiency(0.5) < vfd_efficiency(1.0)


@pytest.mark.unit
def test_fan_laws_and_density():
    # AMCA 201 fan laws: 20 % slower -> 0.8 Q, 0.64 p, 0.512 P
    assert fan_laws(10.0, 1000.0, 15e3, speed_ratio=0.8) == approx((8.0, 640.0, 15e3 * 0.512))
    # hot air at 100 C: rho = 101325/(287.055*373.15) = 0.94594 kg/m3; ratio to 1.2041
    assert density_correction(373.15) == approx(0.94594 / 1.2041, rel=1e-4)
    q2, p2, w2 = fan_laws(10.0, 1000.0, 15e3, density_ratio=0.5, diameter_ratio=1.1)
    assert (q2, p2, w2) == approx((13.31, 605.0, 15e3 * 0.5 * 1.1 ** 5))


@pytest.mark.component
def test_fan_system_controls():
    c = MachineCurve.from_points([0, 5, 10, 15], [1500, 1450, 1250, 900], [4, 8, 10, 13],
                                 [0.6, 0.78, 0.8, 0.72], name="fan")
    fs = FanSystem(c, SystemCurve.through_point(200.0, 10.0, 1250.0), Motor(22e3, "IE3", 4, 60))
    q = np.array([5.0, 7.5])
    damper = fs.operate(q, "outlet_damper").electric_power
    vanes = fs.operate(q, "inlet_vanes").electric_power
    vfd = fs.operate(q, "vfd").electric_power
    assert np.all(damper > vanes) and np.all(vanes > vfd)
    # hotter air: lower pressure and power at the same flow on the damper
    hot = FanSystem(c, SystemCurve(200.0 * 0.786, 10.5 * 0.786), Motor(22e3), density=1.2041 * 0.786)
    assert hot.operate(5.0, "outlet_damper").pressure[0] == approx(
        0.786 * fs.operate(5.0, "outlet_damper").pressure[0], rel=1e-9)


@pytest.mark.component
def test_centrifugal_pump_unit_balance():
    unit, inlets = CentrifugalPump.example()
    sol = unit.solve(inlets)
    r = sol.result
    assert abs(r.energy_residual) < 1e-6 * r.shaft_power
    out = sol.outlets["liquid_out"]
    rho = inlets["liquid_in"].material.state(p=2.0e5, T=300.0).rho
    assert out.p - 2.0e5 == approx(rho * G * r.head, rel=1e-12)


@pytest.mark.unit
def test_errors():
    ps = PumpSystem(_curve(), SystemCurve.through_point(15.0, 0.1, 42.0), Motor(75e3))
    with raises(ValueError, match="control must be one of"):
        ps.operate(0.05, "valve")
    with raises(ValueError, match="flow must be <= the full-speed operating flow"):
        ps.operate(0.2)
    with raises(ValueError, match="hours must sum to <= 8760"):
        ps.annual([0.05, 0.06], [5000.0, 4000.0])
    with raises(ValueError, match="shut-off head"):
        PumpSystem(_curve(), SystemCurve(60.0, 100.0), Motor(75e3))
    with raises(ValueError, match="drive must be one of"):
        PumpSystem(_curve(), SystemCurve(10.0, 100.0), Motor(75e3), drive="chain")


@pytest.mark.integration
def test_pump_vfd_case_matches_its_hand_calculation():
    import importlib
    res = importlib.import_module("cases.pump_vfd_affinity").run()
    f = {x.metric: x for x in res.figures}
    for m in ("throttle_kwh", "vfd_kwh", "saving_kwh"):
        assert f[m].computed == approx(f[m].claimed, rel=1e-9)
    # the cube law without static head overstates the VFD saving
    assert f["saving_kwh_cube_law"].computed > 1.3 * f["saving_kwh"].computed


@pytest.mark.component
def test_impeller_trim_retrofit_replaces_throttling():
    # oversized pump throttled to 0.09 m3/s at all times vs impeller trimmed to meet the system
    system = SystemCurve.through_point(15.0, 0.1, 42.0)
    curve = _curve()
    q = 0.09
    r = trim_ratio(curve, q, float(system.head(q)))
    trimmed = curve.scaled(r)
    # the trimmed curve meets the system curve at the required flow
    assert operating_flow(1.0, trimmed.a0, trimmed.a1, trimmed.a2, 15.0, 2700.0) == approx(q, rel=1e-12)
    # efficiency at the similar flow q/r equals the untrimmed curve's there
    assert float(trimmed.efficiency(q)) == approx(_eta(q / r), rel=1e-12)
    base = PumpSystem(curve, system, Motor(75e3)).annual(q, 8000.0, "throttle")
    trim = PumpSystem(trimmed, system, Motor(75e3)).annual(q, 8000.0, "throttle")
    assert trim.electricity_kwh < base.electricity_kwh
