"""Kernels against hand calculations written in the test (steam, heat exchanger, isentropic).

Each expected value is solved here independently: linear balances with numpy.linalg.solve,
closed forms typed from the cited textbook equation. Tolerances are rounding-level (1e-12
relative) because both sides evaluate the same exact relations.
"""
import math

import numpy as np
import pytest

from units.steam import kernels as SK

pytestmark = pytest.mark.unit


def _deaerator(F, hF, V, hV, Wf, hf, Wc, hc, hM, hS):
    out = np.empty(3)
    status = SK.deaerator_balance_overflow(F, hF, V, hV, Wf, hf, Wc, hc, hM, hS, out)
    return status, out


def test_deaerator_with_make_up_solves_both_balances():
    # S + M = F + V - Wf - Wc and S hS + M hM = F hF + V hV - Wf hf - Wc hc (mass, energy)
    F, hF, V, hV, Wf, hf, Wc, hc, hM, hS = 20.0, 439e3, 0.05, 2683e3, 3.0, 335e3, 8.0, 360e3, 105e3, 2870e3
    status, out = _deaerator(F, hF, V, hV, Wf, hf, Wc, hc, hM, hS)
    S, M = np.linalg.solve([[1.0, 1.0], [hS, hM]], [F + V - Wf - Wc, F * hF + V * hV - Wf * hf - Wc * hc])
    assert status == 0
    assert out == pytest.approx([S, M, 0.0], rel=1e-12, abs=1e-12)


def test_deaerator_overflow_when_condensate_exceeds_demand():
    # make-up shut (M = 0): S + u = F + V - Wf, S hS + u hc = F hF + V hV - Wf hf; overflow Wc - u
    F, hF, V, hV, Wf, hf, Wc, hc, hM, hS = 20.0, 439e3, 0.05, 2683e3, 3.0, 335e3, 18.0, 360e3, 105e3, 2870e3
    status, out = _deaerator(F, hF, V, hV, Wf, hf, Wc, hc, hM, hS)
    S, u = np.linalg.solve([[1.0, 1.0], [hS, hc]], [F + V - Wf, F * hF + V * hV - Wf * hf])
    assert status == 0
    assert out == pytest.approx([S, 0.0, Wc - u], rel=1e-12)
    # fixed water alone above the demand: nothing balances it
    assert _deaerator(F, hF, V, hV, 25.0, hf, Wc, hc, hM, hS)[0] == 1


def test_deaerator_bad_data_is_status_3_and_nan():
    for args in ((20.0, 439e3, 0.05, 2683e3, 3.0, 335e3, 8.0, 360e3, 105e3, 100e3),     # h_steam <= h_makeup
                 (20.0, 439e3, -0.05, 2683e3, 3.0, 335e3, 8.0, 360e3, 105e3, 2870e3)):  # negative vent
        status, out = _deaerator(*args)
        assert status == 3 and np.isnan(out).all()
