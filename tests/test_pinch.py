"""Problem-table targets against published four-stream examples (hand-checked problem tables)."""
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pytest import approx, raises

from procsim.pinch import targets

pytestmark = pytest.mark.unit

C = 273.15

# Four-stream example of Linnhoff et al., "A User Guide on Process Integration for the
# Efficient Use of Energy", IChemE 1982, as used in Kemp, Pinch Analysis and Process
# Integration, 2nd ed. 2007, ch. 2: dt_min 10 K, QH,min 20 kW, QC,min 60 kW, pinch at
# 90 C (hot) / 80 C (cold). Problem table worked by hand (kW, shifted C):
#   165-145: +3.0 x 20 = +60   cascade 0 -> 60
#   145-140: +0.5 x  5 = +2.5  -> 62.5
#   140- 85: -1.5 x 55 = -82.5 -> -20   (most negative: QH = 20)
#    85- 55: +2.5 x 30 = +75   -> 55
#    55- 25: -0.5 x 30 = -15   -> 40    (QC = 40 + 20 = 60)
KEMP = [(170 + C, 60 + C, 3000.0), (150 + C, 30 + C, 1500.0),
        (20 + C, 135 + C, 2000.0), (80 + C, 140 + C, 4000.0)]

# Smith, Chemical Process Design and Integration, Wiley 2005, ch. 16 four-stream problem
# (reactor feeds/products, CP in MW/K): dt_min 10 K -> QH,min 7.5 MW, QC,min 10 MW,
# shifted pinch 145 C (150 C hot / 140 C cold). Hand problem table (MW, shifted C):
#   245-235 +1.5; 235-195 -6; 195-185 +1; 185-145 -4; 145-75 +14; 75-35 -2; 35-25 -2
#   cascade 0, 1.5, -4.5, -3.5, -7.5, 6.5, 4.5, 2.5 -> QH 7.5, QC 10
SMITH = [(20 + C, 180 + C, 0.20e6), (250 + C, 40 + C, 0.15e6),
         (140 + C, 230 + C, 0.30e6), (200 + C, 80 + C, 0.25e6)]


def test_kemp_four_stream_example():
    t = targets(KEMP, 10.0)
    # exact arithmetic on exactly representable inputs: tolerance only for float rounding
    assert t.hot_utility == approx(20000.0, rel=1e-12)
    assert t.cold_utility == approx(60000.0, rel=1e-12)
    assert t.pinch_temperature == approx(85.0 + C, abs=1e-9)
    assert t.hot_pinch_temperature == approx(90.0 + C, abs=1e-9)
    assert t.cold_pinch_temperature == approx(80.0 + C, abs=1e-9)
    assert t.interval_surplus == approx(np.array([60.0, 2.5, -82.5, 75.0, -15.0]) * 1e3, rel=1e-12)
    assert t.cascade == approx(np.array([20.0, 80.0, 82.5, 0.0, 75.0, 60.0]) * 1e3, rel=1e-12, abs=1e-6)
    df = t.problem_table()
    assert list(df["surplus_W"].round(6)) == [60000.0, 2500.0, -82500.0, 75000.0, -15000.0]


def test_smith_four_stream_example():
    t = targets(SMITH, 10.0)
    assert t.hot_utility == approx(7.5e6, rel=1e-12)
    assert t.cold_utility == approx(10.0e6, rel=1e-12)
    assert t.pinch_temperature == approx(145.0 + C, abs=1e-9)
    assert t.cascade == approx(np.array([7.5, 9.0, 3.0, 4.0, 0.0, 14.0, 12.0, 10.0]) * 1e6, rel=1e-12, abs=1e-3)


def test_composite_curves_are_consistent():
    t = targets(SMITH, 10.0)
    # totals: hot streams give 31.5 + 30 MW, cold take 32 + 27 MW
    assert t.hot_composite_H[-1] == approx(61.5e6, rel=1e-12)
    assert t.cold_composite_H[-1] - t.cold_composite_H[0] == approx(59.0e6, rel=1e-12)
    assert t.cold_composite_H[0] == approx(t.cold_utility, rel=1e-12)
    # overall balance: QH + hot total = QC + cold total
    assert t.hot_utility + 61.5e6 == approx(t.cold_utility + 59.0e6, rel=1e-12)
    assert t.heat_recovery == approx(51.5e6, rel=1e-12)
    # the curves are exactly dt_min apart at the pinch: hot 150 C and cold 140 C at the same H
    h_at_pinch = np.interp(150 + C, t.hot_composite_T, t.hot_composite_H)
    assert np.interp(h_at_pinch, t.cold_composite_H, t.cold_composite_T) == approx(140 + C, abs=1e-9)
    T, Q = t.grand_composite
    assert Q.min() == 0.0 and T[np.argmin(Q)] == approx(145 + C)


def test_threshold_problem_has_no_pinch():
    # one hot stream that can heat the cold one completely: no hot utility
    t = targets([(400.0, 300.0, 2000.0), (290.0, 350.0, 1000.0)], 10.0)
    assert t.hot_utility == 0.0
    assert t.cold_utility == approx(200000.0 - 60000.0, rel=1e-12)
    assert math.isnan(t.pinch_temperature)


def test_first_law_and_monotone_in_dt_min():
    checked = []

    @settings(derandomize=True, max_examples=40, deadline=None)
    @given(st.lists(st.tuples(st.floats(300.0, 600.0), st.floats(300.0, 600.0), st.floats(100.0, 1e5)),
                    min_size=1, max_size=6), st.floats(0.0, 30.0))
    def check(streams, dt):
        streams = [s for s in streams if abs(s[0] - s[1]) > 1e-3]
        assume(streams)  # streams with no temperature change carry no heat
        checked.append(len(streams))
        t = targets(streams, dt)
        net = sum((a - b) * cp for a, b, cp in streams)  # hot surplus
        scale = sum(abs(a - b) * cp for a, b, cp in streams)
        assert t.hot_utility >= 0.0 and t.cold_utility >= 0.0
        assert t.cold_utility - t.hot_utility == approx(net, abs=1e-9 * scale)
        assert np.all(t.cascade >= -1e-9 * scale)
        # a larger dt_min never lowers the utility targets
        assert targets(streams, dt + 5.0).hot_utility >= t.hot_utility - 1e-9 * scale

    check()
    assert len(checked) >= 40 and max(checked) > 1


def test_errors():
    with raises(ValueError, match="dt_min must be >= 0 K; got -1.0 K"):
        targets(KEMP, -1.0)
    with raises(ValueError, match=r"streams\[1\] heat_capacity_flow must be > 0 W/K; got -5.0 W/K"):
        targets([(400.0, 300.0, 10.0), (300.0, 350.0, -5.0)], 10.0)
    with raises(ValueError, match=r"streams\[0\] supply_temperature must differ from target_temperature"):
        targets([(400.0, 400.0, 10.0)], 10.0)
    with raises(ValueError, match="at least one"):
        targets([], 10.0)
    with raises(ValueError, match=r"streams\[0\] must be \(supply_temperature K"):
        targets([(400.0, 300.0)], 10.0)
