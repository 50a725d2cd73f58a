"""Economics guards and closed forms against hand calculations (procsim.accounting.economics)."""
import pytest

from procsim.accounting.economics import irr, npv

pytestmark = pytest.mark.unit


def test_irr_needs_a_negative_and_a_positive_flow():
    # no negative value (0.5 is positive): no sign change, no IRR
    for flows in ([0.5, 2.0], [0.0, 2.0], [-1.0, -0.5]):
        with pytest.raises(ValueError, match="both negative and positive values for an IRR"):
            irr(flows)
    # one sign change: -100 + 110/(1+r) = 0 gives r = 10 % exactly
    assert irr([-100.0, 110.0]) == pytest.approx(0.10, abs=1e-9)


def test_npv_refuses_a_scalar_and_an_empty_sequence():
    for bad in (5.0, [], [[1.0, 2.0]]):
        with pytest.raises(ValueError, match="non-empty 1-D sequence"):
            npv(0.05, bad)
    assert npv(0.10, [-100.0, 55.0, 60.5]) == pytest.approx(-100 + 50 + 50, rel=1e-12)
