"""procsim's Brent solver against scipy.optimize.brentq on the same problems."""
import math

import numpy as np
import pytest
import scipy.optimize as so
from numba import njit

from procsim.numerics import (BRENT_STATE_SIZE, BRENT_X, ROOT_CONTINUE, ROOT_NO_BRACKET, ROOT_OK,
                              brent_py, brent_start, brent_step)

pytestmark = pytest.mark.unit

PROBLEMS = [
    (lambda x: x ** 3 - 2 * x - 5, 2.0, 3.0),            # Wallis' cubic (Brent 1973 test set)
    (lambda x: math.cos(x) - x, 0.0, 1.0),
    (lambda x: math.exp(x) - 1e5, 0.0, 20.0),
    (lambda x: x * math.exp(-x) - 0.1, 0.0, 1.0),
    (lambda x: math.tanh(50 * (x - 0.3)), -1.0, 1.0),
]


@pytest.mark.parametrize("f, lo, hi", PROBLEMS)
def test_matches_scipy_brentq(f, lo, hi):
    root, status = brent_py(f, lo, hi)
    assert status == ROOT_OK
    assert root == pytest.approx(so.brentq(f, lo, hi), abs=4e-12)


def test_no_bracket():
    root, status = brent_py(lambda x: x * x + 1.0, -1.0, 1.0)
    assert status == ROOT_NO_BRACKET and math.isnan(root)


@njit  # not cached: test modules are imported under varying names
def _sqrt_by_brent(a):
    state = np.empty(BRENT_STATE_SIZE)
    status = brent_start(state, 0.0, -a, max(a, 1.0), max(a, 1.0) ** 2 - a, 1e-14, 1e-15)
    while status == ROOT_CONTINUE:
        x = state[BRENT_X]
        status = brent_step(state, x * x - a, 100)
    return state[BRENT_X]


def test_inside_a_cached_kernel():
    for a in (2.0, 10.0, 0.25):
        assert _sqrt_by_brent(a) == pytest.approx(math.sqrt(a), rel=1e-13)
        assert _sqrt_by_brent(a) == _sqrt_by_brent.py_func(a)
