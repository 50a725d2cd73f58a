"""procsim.jitopts: kernels compiled without reference counting read arrays, never allocate."""
import sys

import numpy as np
import pytest
from numba import njit
from numba.core.errors import NumbaError

from procsim.jitopts import SCALAR_KERNEL
from procsim.thermo.gas import COEFFS, MOLAR_MASS, mixture_h_mass, species_index


@pytest.mark.unit
def test_a_kernel_that_allocates_is_refused_at_compile_time():
    # jitopts promises a compile error, not a wrong number, where the option does not fit
    @njit(**dict(SCALAR_KERNEL, cache=False))
    def allocates(n):
        scratch = np.empty(n)
        scratch[:] = 1.0
        return scratch.sum()

    with pytest.raises(NumbaError, match="empty"):
        allocates(3)
    assert allocates.py_func(3) == 3.0  # the same code compiles with NRT (the default)


@pytest.mark.unit
def test_reading_caller_arrays_leaves_them_intact():
    # a kernel without NRT neither frees nor keeps the caller's arrays: after many calls
    # the arrays hold exactly the references they held before (a leaked or dropped
    # reference would change the count), and its value matches Python's
    x = np.zeros(len(COEFFS))
    x[species_index("N2")], x[species_index("O2")] = 0.79, 0.21
    mixture_h_mass(600.0, x, COEFFS, MOLAR_MASS)  # compile / load outside the count
    before = (sys.getrefcount(x), sys.getrefcount(COEFFS), sys.getrefcount(MOLAR_MASS))
    got = [mixture_h_mass(600.0, x, COEFFS, MOLAR_MASS) for _ in range(1000)]
    assert (sys.getrefcount(x), sys.getrefcount(COEFFS), sys.getrefcount(MOLAR_MASS)) == before
    assert len(set(got)) == 1
    assert got[0] == pytest.approx(mixture_h_mass.py_func(600.0, x, COEFFS, MOLAR_MASS), rel=1e-14)
