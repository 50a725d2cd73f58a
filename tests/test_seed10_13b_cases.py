"""Seeds 10 (servo pumps) and 13b (VFD motors): hydraulic power units and the computed cases."""
import importlib

import pytest
from pytest import approx, raises

from procsim.accounting import energy_price, grid_factor
from units.motors import Motor, efficiency as motor_eff
from units.pumps.hydraulic import CyclePhase, FixedSpeedPowerUnit, ServoPowerUnit


def _load(name):
    return importlib.import_module(f"cases.{name}")


@pytest.mark.unit
def test_fixed_and_servo_power_against_hand_calculation():
    q_d, p_r = 1.0e-3 / 0.92, 16e6
    ph = CyclePhase("inject", 3.0, 1.0e-3, 14e6)
    fixed = FixedSpeedPowerUnit("f", q_d, p_r, Motor(18.5e3, "IE1", 4, 60))
    servo = ServoPowerUnit("s", q_d, p_r, Motor(18.5e3, "IE4", 4, 60), inverter_efficiency=0.97)
    # fixed: shaft = Q_d p / eta_hm, motor from the class curve
    shaft = q_d * 14e6 / 0.9
    hand = shaft / motor_eff(18.5e3, shaft / 18.5e3, "IE1", 4, 60)
    assert fixed.cycle([ph]).electric_power[0] == approx(hand, rel=1e-12)
    # servo: n = (Q + leak)/Q_d with leak = Q_d (1 - eta_v) p / p_r
    n = (1.0e-3 + q_d * 0.08 * 14e6 / 16e6) / q_d
    shaft_s = n * q_d * 14e6 / 0.9
    p_m = shaft_s / motor_eff(18.5e3, shaft_s / 18.5e3, "IE4", 4, 60)
    x = p_m / (18.5e3 / Motor(18.5e3, "IE4", 4, 60).full_load_efficiency)
    hand_s = p_m / (x / (x + (1 / 0.97 - 1) * (0.5 + 0.5 * x * x)))
    assert servo.cycle([ph]).electric_power[0] == approx(hand_s, rel=1e-12)
    # stopped servo: standby only; fixed pump circulates at standby pressure
    idle = CyclePhase("cool", 10.0, 0.0, 0.0)
    assert servo.cycle([idle]).electric_power[0] == 50.0
    sh = q_d * 1.0e6 / 0.9
    assert fixed.cycle([idle]).electric_power[0] == approx(
        sh / motor_eff(18.5e3, sh / 18.5e3, "IE1", 4, 60), rel=1e-12)
    for unit in (fixed, servo):
        assert unit.cycle([ph, idle]).energy_residual < 1e-6


@pytest.mark.unit
def test_hydraulic_errors():
    fixed = FixedSpeedPowerUnit("f", 1e-3, 16e6, Motor(18.5e3))
    with raises(ValueError, match="exceeds the pump's delivery"):
        fixed.cycle([CyclePhase("inject", 1.0, 2e-3, 1e6)])
    with raises(ValueError, match="exceeds rated_pressure"):
        fixed.cycle([CyclePhase("inject", 1.0, 0.5e-3, 20e6)])
    with raises(ValueError, match="phase x duration must be > 0 s"):
        CyclePhase("x", 0.0, 0.0, 0.0)


@pytest.mark.integration
def test_seed10_case():
    mod = _load("seed10_servo_pumps")
    res = mod.run()
    f = {x.metric: x for x in res.figures}
    pump_kwh = 783_300 * 0.75
    assert f["pump_energy_baseline"].computed == approx(pump_kwh)
    frac = f["saving_fraction_of_pump_energy"].computed / 100
    assert f["electricity_saved"].computed == approx(pump_kwh * frac, rel=1e-12)
    # money and carbon from the accounting factors, independently
    saved = f["electricity_saved"].computed
    assert f["co2_avoided"].computed == approx(saved * float(grid_factor("TW", 2023)) / 1e3, rel=1e-9)   # 2023 factor: the one current in 2024
    assert f["cost_saved"].computed == approx(saved * float(energy_price("electricity_kwh", "TW", 2024)),
                                              rel=1e-9)
    # the servo saves more with longer idle (cooling) time
    assert f["saving_fraction_cooling_5s"].computed < 100 * frac < f["saving_fraction_cooling_20s"].computed
    assert res.details["verdict"].startswith(("consistent", "conservative", "not supported"))


@pytest.mark.integration
def test_seed13b_case():
    res = _load("seed13b_vfd_motors").run()
    f = {x.metric: x for x in res.figures}
    price = float(energy_price("electricity_kwh", "TW", 2024))
    assert f["cost_of_claimed_kwh"].computed == approx(1.75e6 * price)
    assert f["kwh_of_claimed_money"].computed == approx(1.75e6 / price)
    per_kw = 0.5 * (f["saving_per_kw_fan"].computed + f["saving_per_kw_pump"].computed)
    assert f["motor_power_for_claim"].computed == approx(1.75e6 / per_kw)
    # VFD savings on a 60-100 % duty are a minority of the baseline energy
    assert 10 < f["fan_saving_fraction"].computed < 60
    assert 10 < f["pump_saving_fraction"].computed < 60
    assert "cannot both hold" in res.details["verdict"]
