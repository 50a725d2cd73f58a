"""Compressed-air audit calculators and the capacity change with discharge pressure."""
import math

import numpy as np
import pytest
from pytest import approx, raises

from units.compressed_air import Compressor
from units.compressed_air.audit import (bag_test_leak_flow, cylinder_air_use, drawdown_time,
                                        leak_annual_energy, leak_flow_from_load_times,
                                        leak_flow_from_pressure_decay, operating_cost,
                                        pipe_size, pipe_velocity, receiver_volume, system_volume,
                                        ultrasonic_leak_flow)
from units.compressed_air.compressor import volumetric_efficiency

pytestmark = pytest.mark.unit
CFM = 0.3048 ** 3 / 60.0     # m3/s per ft3/min
PSI = 6894.757


def test_doe_leak_formulas_in_us_units():
    # DOE/CAC Sourcebook: leakage % = T x 100 / (T + t); 500 cfm unit loaded 30 s, unloaded 90 s
    assert leak_flow_from_load_times(500 * CFM, 30.0, 90.0) / CFM == approx(125.0, rel=1e-12)
    # pressure decay: V (P1 - P2) / (T x 14.7) x 1.25 [cfm]; 500 ft3, 100 -> 90 psig in 2 min
    hand_cfm = 500 * (100 - 90) / (2 * 14.7) * 1.25
    q = leak_flow_from_pressure_decay(500 * 0.3048 ** 3, 100 * PSI, 90 * PSI, 120.0)
    # procsim refers free air to 1 bar (ISO 1217), DOE to 14.7 psia
    assert q / CFM == approx(hand_cfm * 14.7 * PSI / 100000, rel=1e-9)


def test_bag_ultrasonic_and_annual():
    # 50 L bag filled in 10 s at 101325 Pa, 20 C: 5 L/s actual -> x 1.01325 free air
    assert bag_test_leak_flow(0.05, 10.0) == approx(0.005 * 1.01325, rel=1e-12)
    tp, td = [5e5, 8e5], [40.0, 60.0]
    tf = [[1e-3, 3e-3], [2e-3, 5e-3]]
    # bilinear: at 6.5e5 Pa and 50 dB -> mean of the four corners
    assert ultrasonic_leak_flow(50.0, 6.5e5, tp, td, tf) == approx((1 + 3 + 2 + 5) / 4 * 1e-3, rel=1e-12)
    with raises(ValueError, match="decibels must be in"):
        ultrasonic_leak_flow(70.0, 6.5e5, tp, td, tf)
    assert leak_annual_energy(0.01, 6.0e6 / 60, 8760) == approx(0.01 * 1e5 * 8760 / 1e3)


def test_receiver_and_drawdown_round_trip():
    # V = t (C - S) p_a / (P1 - P2): 60 s, 0.1 m3/s short, 1 bar band -> 6 m3
    v = receiver_volume(60.0, 0.2, 0.1, 8.0e5, 7.0e5)
    assert v == approx(6.0, rel=1e-12)
    assert drawdown_time(v, 0.2, 0.1, 8.0e5, 7.0e5) == approx(60.0, rel=1e-12)
    with raises(ValueError, match="must exceed supply"):
        receiver_volume(60.0, 0.1, 0.2, 8.0e5, 7.0e5)


def test_pipes_and_cylinders():
    # 0.1 m3/s free air at 8 bar(a) in NPS 2 (52.5 mm): 0.0125 m3/s actual / area
    assert float(pipe_velocity(0.1, 0.0525, 8.0e5)) == approx(0.0125 / (math.pi / 4 * 0.0525 ** 2))
    name, d = pipe_size(0.1, 8.0e5)
    assert name == "2" and float(pipe_velocity(0.1, d, 8.0e5)) <= 20 * 0.3048
    assert system_volume([0.1, 0.05], [100.0, 40.0]) == approx(math.pi / 4 * (0.01 * 100 + 0.0025 * 40))
    # double-acting 50 mm x 200 mm, 20 mm rod, 10 cycles/min, 6 bar(g): hand
    swept = math.pi / 4 * (0.05 ** 2 + (0.05 ** 2 - 0.02 ** 2)) * 0.2
    assert cylinder_air_use(0.05, 0.2, 10, 6e5, 0.02) == approx(swept * 10 / 60 * 7.01325, rel=1e-12)
    assert float(operating_cost(50e3, 6000, 4.0)) == approx(50 * 6000 * 4.0)


def test_capacity_falls_with_discharge_pressure():
    c = Compressor("load_unload", 0.5, 200e3)
    assert c.capacity() == 0.5
    assert c.capacity(c.rated_pressure) == approx(0.5, rel=1e-14)
    hi = c.capacity(c.rated_pressure + 1e5)
    # hand: 1 - C((p/p_in)^(1/1.3) - 1), C = 0.05
    eta = lambda p: 1 - 0.05 * ((p / c.inlet_pressure) ** (1 / 1.3) - 1)
    assert hi == approx(0.5 * eta(c.rated_pressure + 1e5) / eta(c.rated_pressure), rel=1e-12)
    assert hi < 0.5
    with raises(ValueError, match="flow must be <= the capacity"):
        c.power(0.499, c.rated_pressure + 1e5)
    assert float(volumetric_efficiency(1.0, 0.05)) == 1.0
