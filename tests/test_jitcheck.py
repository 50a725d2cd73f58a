"""procsim.jitcheck: compiled kernels compared with their Python source; stale ones recompiled."""
import numpy as np
import pytest

from procsim.jitcheck import CHECKED, ensure_fresh


class _Fake:
    """A dispatcher stand-in whose compiled and Python versions can disagree."""

    def __init__(self, offset):
        self.offset, self.recompiled = offset, 0

    def __call__(self, x, out):
        out[0] = x + self.offset
        return 0

    def py_func(self, x, out):
        out[0] = x
        return 0

    def recompile(self):
        self.recompiled += 1


@pytest.mark.unit
def test_stale_kernel_is_recompiled_once_per_key():
    fresh, stale = _Fake(0.0), _Fake(1e-6)
    assert ensure_fresh("t-fresh", [(fresh, (2.0, np.empty(1)), 1)], (fresh,)) is True and fresh.recompiled == 0
    assert ensure_fresh("t-stale", [(stale, (2.0, np.empty(1)), 1)], (stale,)) is False and stale.recompiled == 1
    assert ensure_fresh("t-stale", [(stale, (2.0, np.empty(1)), 1)], (stale,)) is True and stale.recompiled == 1
    assert {"t-fresh", "t-stale"} <= CHECKED
