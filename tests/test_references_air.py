"""Compressed-air compressor relations against hand calculations written in the test.

Expected values are typed from the cited formulas: ISO 2533 barometric formula from its
constants, and the cycling-power relation of units.compressed_air.compressor written out
with the cycle times t_l = t_s / (c_L - c), t_u = t_s / c (DOE Compressed Air Sourcebook
load/unload curves; MEASUR blow-down). Rounding-level tolerances (1e-12) unless stated.
"""
import math

import numpy as np
import pytest

from units.compressed_air import Compressor
from units.compressed_air.compressor import altitude_pressure, part_load_power, ramped_cycle_power

pytestmark = pytest.mark.unit


def test_altitude_pressure_from_the_iso_2533_constants():
    # p = p0 (1 - L h / T0)^(g0 M / (R* L)); ISO 2533:1975: p0 101325 Pa, T0 288.15 K,
    # L 0.0065 K/m, g0 9.80665 m/s2, M 0.0289644 kg/mol, R* 8.31432 J/(mol K)
    # (the standard's 6-digit rounded L/T0 and exponent move the result by < 2e-6 at 11 km)
    expo = 9.80665 * 0.0289644 / (8.31432 * 0.0065)
    for h in (-500.0, 0.0, 1000.0, 3000.0, 11000.0):
        assert float(altitude_pressure(h)) == pytest.approx(101325.0 * (1 - 0.0065 * h / 288.15) ** expo, rel=2e-6)
    assert float(altitude_pressure(1000.0)) == pytest.approx(89874.6, abs=0.5)   # ISO 2533 table


def _cycling(c, c_l, p_in, p_out, p_u, ts, tau):
    """Average power over one load/unload cycle, loaded power ramping p_in -> p_out."""
    t_l, t_u = ts / (c_l - c), ts / c
    blow = (p_out - p_u) * tau * (1.0 - math.exp(-t_u / tau))
    return (0.5 * (p_in + p_out) * t_l + p_u * t_u + blow) / (t_l + t_u)


def test_ramped_cycle_power_by_hand():
    for c in (0.05, 0.3, 0.7):
        assert ramped_cycle_power(c, 0.8, 100.0, 106.0, 25.0, 30.0, 12.0) == pytest.approx(
            _cycling(c, 0.8, 100.0, 106.0, 25.0, 30.0, 12.0), rel=1e-12)
    # outside [0, c_loaded]: no cycle
    assert math.isnan(ramped_cycle_power(0.9, 0.8, 100.0, 106.0, 25.0, 30.0, 12.0))
    assert math.isnan(ramped_cycle_power(-0.1, 0.8, 100.0, 106.0, 25.0, 30.0, 12.0))
    assert ramped_cycle_power(0.8, 0.8, 100.0, 106.0, 25.0, 30.0, 12.0) == 100.0   # steady at c_loaded


def test_modulation_with_unloading_below_the_unload_point_by_hand():
    # code 2: modulation down to c_low (power p_zero + (p_full - p_zero) c), below it the unit
    # cycles between the modulated power at c_low (ramping to p_cut / p_full times it) and
    # unloaded; p_full 100, p_zero 60, c_low 0.4, unloaded 20, cut-out 104 (+4 %)
    p_full, p_u, p_zero, c_low, p_cut = 100.0, 20.0, 60.0, 0.4, 104.0
    p_l = p_zero + (p_full - p_zero) * c_low
    for c in (0.1, 0.25, 0.39):
        got = part_load_power(2, c, p_full, p_u, p_zero, c_low, 0.0, p_cut, 40.0, 15.0)
        assert got == pytest.approx(_cycling(c, c_low, p_l, p_cut / p_full * p_l, p_u, 40.0, 15.0), rel=1e-12)
        # infinite storage: the straight line from unloaded to the mean loaded power
        ideal = part_load_power(2, c, p_full, p_u, p_zero, c_low, 0.0, p_cut, math.inf, 15.0)
        assert ideal == pytest.approx(p_u + (0.5 * (p_l + p_cut / p_full * p_l) - p_u) * c / c_low, rel=1e-12)
    for c in (0.4, 0.7, 1.0):   # modulating: the straight line
        assert part_load_power(2, c, p_full, p_u, p_zero, c_low, 0.0, p_cut, 40.0, 15.0) == pytest.approx(
            p_zero + (p_full - p_zero) * c, rel=1e-12)


def test_flow_from_power_accepts_the_full_load_power():
    c = Compressor("modulation", 0.4, 150e3, zero_flow_power=105e3)
    top = float(np.max(c.power(np.linspace(0.0, 0.4, 2001))))
    assert float(c.flow_from_power(top)) == pytest.approx(0.4, rel=1e-3)
    with pytest.raises(ValueError, match="power must be within"):
        c.flow_from_power(top * (1 + 1e-6))


def test_flow_is_not_identifiable_in_the_blow_off_region():
    # modulation with blow-off below 30 % of rated flow: power is flat there (the compressor
    # makes the blow-off flow and vents the rest), so a power reading names no flow: NaN
    c = Compressor("modulation", 0.4, 150e3, zero_flow_power=105e3, blow_off_point=0.3)
    flat_power = float(c.power(0.05))
    assert float(c.power(0.1)) == flat_power
    assert math.isnan(float(c.flow_from_power(flat_power)))
    # above the blow-off point the modulation line p_zero + (p_full - p_zero) c inverts
    p = 105e3 + 45e3 * 0.6
    assert float(c.flow_from_power(p)) == pytest.approx(0.6 * 0.4, rel=1e-3)
