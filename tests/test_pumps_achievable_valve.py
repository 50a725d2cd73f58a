"""PSAT achievable pump efficiency and IEC 60534-2-1 liquid valve sizing against published values."""
import math

import pytest

from units.pumps.achievable import achievable_efficiency, specific_speed_correction
from units.pumps.valve import liquid_valve_flow, size_liquid_valve

pytestmark = pytest.mark.unit

GPM = 6.30901964e-5   # m3/s
FT = 0.3048           # m


# --- PSAT optimal pump efficiency -------------------------------------------------------------
# Published values: the MEASUR (PSAT) calculation engine's own test cases, ORNL AMO-Tools-Suite
# tests/PSATResult.unit.cpp, "PSATResults" and "PSATResults2": end-suction ANSI/API pumps at
# 1780 rpm, water (1 cSt): optimal efficiency 86.75480583 % and 82.16524648 %.
@pytest.mark.parametrize("gpm, ft, stages, expected", [(1840.0, 174.85, 2, 0.8675480583084276),
                                                        (1234.0, 277.0, 1, 0.821652464825)])
def test_psat_optimal_efficiency(gpm, ft, stages, expected):
    r = achievable_efficiency(gpm * GPM, ft * FT, 1780.0, style="end_suction_ansi_api", stages=stages)
    assert r.efficiency == pytest.approx(expected, rel=1e-9)
    # specific speed per stage in US units, by hand
    assert r.specific_speed_us == pytest.approx(1780 * math.sqrt(gpm) / (ft / stages) ** 0.75, rel=1e-12)
    assert r.viscosity_factor == 1.0          # water: no viscosity correction


# The engine's specific-speed correction test (tests/OptimalSpecificSpeedCorrection.unit.cpp):
@pytest.mark.parametrize("ns, expected", [(680, 0.05020039), (1000, 0.027243829), (2000, 0.001357346),
                                          (2530, 0.0), (2600, 0.000112902), (3000, 0.001104982)])
def test_specific_speed_correction_published(ns, expected):
    assert specific_speed_correction(ns, "end_suction_sewage") == pytest.approx(expected, rel=1e-5, abs=2e-9)


def test_viscous_liquid_lowers_achievable_efficiency():
    water = achievable_efficiency(0.1, 40.0, 1780)
    oil = achievable_efficiency(0.1, 40.0, 1780, kinematic_viscosity=100e-6)
    # ANSI/HI 9.6.7 factor by hand: B = 26.6 nu^0.5 H^0.0625 / (Q^0.375 N^0.25), cSt, ft, gpm
    q, h = 0.1 / GPM, 40.0 / FT
    b = 26.6 * 10.0 * h ** 0.0625 / (q ** 0.375 * 1780 ** 0.25)
    assert oil.viscosity_factor == pytest.approx(b ** (-0.0547 * b ** 0.69), rel=1e-12)
    assert oil.efficiency < water.efficiency


def test_achievable_errors():
    with pytest.raises(ValueError, match="style"):
        achievable_efficiency(0.1, 40.0, 1780, style="gear")
    with pytest.raises(ValueError, match="flow must be > 0"):
        achievable_efficiency(-0.1, 40.0, 1780)
    with pytest.raises(ValueError, match="stages"):
        achievable_efficiency(0.1, 40.0, 1780, stages=1.5)


# --- IEC 60534-2-1:2011 Annex D worked examples (incompressible) --------------------------------
# Water at 363 K: rho 965.4 kg/m3, p_v 70.1 kPa, p_c 22,120 kPa, nu 3.26e-7 m2/s; p1 680 kPa,
# p2 220 kPa, Q 360 m3/h.
# Example 1: globe valve, parabolic plug, flow to open, DN150, F_L 0.90, F_d 0.46 -> F_F 0.944,
#   not choked (dp 460 < 497 kPa), Re_v 2.97e6 (turbulent), C = Kv 165 m3/h.
# Example 2: segmented ball valve, DN100, F_L 0.60, F_d 0.98 -> choked (dp 460 > 221 kPa),
#   C = Kv 238 m3/h.
WATER363 = dict(density=965.4, vapour_pressure=70.1e3, critical_pressure=22120e3)


def test_iec_example_1_not_choked():
    r = size_liquid_valve(0.1, 680e3, 220e3, pressure_recovery_factor=0.90, kinematic_viscosity=3.26e-7,
                          valve_style_modifier=0.46, valve_diameter=0.150, **WATER363)
    assert r.liquid_critical_pressure_ratio == pytest.approx(0.944, abs=5e-4)
    assert not r.choked
    assert r.choked_pressure_drop == pytest.approx(0.81 * (680e3 - 0.9442375 * 70.1e3), rel=1e-6)
    assert r.kv == pytest.approx(165.0, abs=0.5)           # printed to 3 figures
    assert r.reynolds == pytest.approx(2.97e6, rel=0.01)
    assert r.cv == pytest.approx(r.kv / 0.865, rel=1e-12)


def test_iec_example_2_choked():
    r = size_liquid_valve(0.1, 680e3, 220e3, pressure_recovery_factor=0.60, kinematic_viscosity=3.26e-7,
                          valve_style_modifier=0.98, valve_diameter=0.100, **WATER363)
    assert r.choked
    assert r.kv == pytest.approx(238.0, abs=0.5)


def test_flow_is_the_inverse_of_sizing():
    r = size_liquid_valve(0.05, 500e3, 300e3, pressure_recovery_factor=0.9, **WATER363)
    assert liquid_valve_flow(r.kv, 500e3, 300e3, pressure_recovery_factor=0.9, **WATER363) == pytest.approx(0.05, rel=1e-12)
    # Kv definition: water (rho = rho_0) at 1 bar passes Kv m3/h
    assert liquid_valve_flow(36.0, 200e3, 100e3, 999.10, 2.3e3, 22064e3, 0.9) * 3600 == pytest.approx(36.0, rel=1e-12)


def test_valve_errors():
    with pytest.raises(ValueError, match="outlet_pressure"):
        size_liquid_valve(0.1, 200e3, 300e3, pressure_recovery_factor=0.9, **WATER363)
    with pytest.raises(ValueError, match="Reynolds number"):
        size_liquid_valve(1e-5, 680e3, 220e3, pressure_recovery_factor=0.9, kinematic_viscosity=1e-3,
                          valve_style_modifier=0.46, valve_diameter=0.15, **WATER363)
    with pytest.raises(ValueError, match="go together"):
        size_liquid_valve(0.1, 680e3, 220e3, pressure_recovery_factor=0.9, kinematic_viscosity=3e-7, **WATER363)
