"""Economics: NPV / IRR against numpy-financial and hand-worked examples; payback edge cases."""
import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings, strategies as st
from pytest import approx, raises

from procsim.accounting import (capital_recovery_factor, carbon_fee, cost_of_saved_energy, irr,
                                npv, simple_payback)
from procsim.accounting.economics import PaybackError, retrofit_cash_flows

pytestmark = pytest.mark.unit


def test_npv_hand_worked():
    # -1000 now, 500 at the end of years 1 and 2, rate 10 %:
    # -1000 + 500/1.1 + 500/1.21 = -1000 + 454.5454... + 413.2231... = -132.2314...
    assert npv(0.10, [-1000, 500, 500]) == approx(-1000 + 500 / 1.1 + 500 / 1.21, rel=1e-14)
    assert npv(0.0, [-1000, 500, 500]) == 0.0


def test_irr_hand_worked():
    # -100 now, +121 after two years -> (1 + r)^2 = 1.21 -> r = 10 % exactly
    assert irr([-100, 0, 121]) == approx(0.10, abs=1e-11)
    # -100 now, +110 after one year -> r = 10 %
    assert irr([-100, 110]) == approx(0.10, abs=1e-11)


@pytest.mark.parametrize("flows", [
    [-100, 39, 59, 55, 20],                 # numpy-financial docs example (irr 0.2809)
    [-2.5e6] + [836200] * 10,               # seed 10 servo pumps, 10 years
    [-1.0e6] + [1.62e6] * 5,                # seed 1, a very short payback
    [-1.0e8] + [4.0e7] * 15,                # seed 5 catalyst swap
    [-5000, 100, 200, 300, 400],            # never pays back: negative IRR
])
def test_irr_and_npv_match_numpy_financial(flows):
    # numpy-financial 1.0 is the reference implementation; both solve the same polynomial,
    # our bisection stops at 1e-13 in rate
    assert irr(flows) == approx(npf.irr(flows), abs=1e-9)
    for rate in (0.0, 0.05, 0.12):
        assert npv(rate, flows) == approx(npf.npv(rate, flows), rel=1e-12, abs=1e-6)


@settings(derandomize=True, max_examples=25, deadline=None)
@given(inv=st.floats(1e3, 1e8), saving=st.floats(1e2, 1e8), years=st.integers(2, 25))
def test_npv_is_zero_at_irr(inv, saving, years):
    flows = retrofit_cash_flows(inv, saving, years)
    r = irr(flows)
    assert abs(npv(r, flows)) <= 1e-6 * inv


def test_irr_errors():
    with raises(ValueError, match="both negative and positive"):
        irr([100, 200])
    with raises(ValueError, match="at least 2 yearly values"):
        irr([-100])


def test_simple_payback_and_edge_cases():
    # seed 1: NT$1.0 M / NT$1.62 M/yr
    assert simple_payback(1.0e6, 1.62e6) == approx(0.617284, rel=1e-6)
    assert simple_payback(3.98e6, 1.0e6, subsidy=2.70e6) == approx(1.28)
    with raises(PaybackError, match=r"annual net saving must be > 0 .*got 0 saving - 0 O&M = 0 "
                                    r"per year: the measure never pays back"):
        simple_payback(1.0e6, 0.0)
    with raises(ValueError, match="never pays back"):
        simple_payback(1.0e6, 1.0e5, om_cost=2.0e5)
    with raises(ValueError, match="subsidy must not exceed investment"):
        simple_payback(1.0e6, 1.0e5, subsidy=2.0e6)
    with raises(ValueError, match="annual_saving must be finite"):
        simple_payback(1.0e6, float("nan"))


def test_capital_recovery_factor():
    # closed form at 8 %, 10 yr: 0.08 * 1.08^10 / (1.08^10 - 1) = 0.149029...
    # (standard annuity table value 0.14903, e.g. Short et al. NREL/TP-462-5173 eq. 4-7)
    assert capital_recovery_factor(0.08, 10) == approx(0.14902949, rel=1e-7)
    assert capital_recovery_factor(0.0, 10) == 0.1
    assert capital_recovery_factor(1e-12, 10) == approx(0.1, rel=1e-9)  # no cancellation
    # CRF equals the payment numpy-financial computes for a unit loan
    assert capital_recovery_factor(0.05, 15) == approx(-npf.pmt(0.05, 15, 1.0), rel=1e-13)
    with raises(ValueError, match="lifetime must be > 0 yr"):
        capital_recovery_factor(0.05, 0)


def test_cost_of_saved_energy():
    # NT$2.5 M, 10 yr, 5 %: CRF 0.129505; 190,000 kWh/yr -> NT$1.704/kWh
    cse = cost_of_saved_energy(2.5e6, 190000, lifetime=10, rate=0.05)
    assert cse == approx(2.5e6 * 0.05 * 1.05 ** 10 / (1.05 ** 10 - 1) / 190000, rel=1e-12)
    with raises(ValueError, match="annual_energy_saved must be > 0 .*saves no energy"):
        cost_of_saved_energy(1.0, 0.0, lifetime=10, rate=0.05)


def test_carbon_fee():
    # (30,000 - 25,000) t x NT$300 = NT$1.5 M; below K: nothing
    assert carbon_fee(30000) == 1.5e6
    assert carbon_fee(20000) == 0.0
    assert carbon_fee(30000, "preferential_a") == 250000.0
    assert carbon_fee(1000, rate=300.0, apply_threshold=False) == 300000.0
    with raises(ValueError, match="annual_emissions_t must be >= 0"):
        carbon_fee(-1.0)


def test_cash_flows():
    f = retrofit_cash_flows(1.0e6, 3.0e5, 3, subsidy=2.0e5, om_cost=1.0e4)
    np.testing.assert_allclose(f, [-8.0e5, 2.9e5, 2.9e5, 2.9e5])
    with raises(ValueError, match="whole number of years"):
        retrofit_cash_flows(1.0, 1.0, 2.5)
