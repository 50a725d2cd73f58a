"""Stale numba cache guard: compare compiled kernels with their Python source once per process.

numba validates a cached kernel (``@njit(cache=True)``) only against the source file that
defines it. A kernel that inlines kernels from other modules (property tables, gas
coefficients, the isentropic relation) can therefore load stale machine code after those
modules change, without any error. The Python version of a kernel (``py_func``) always calls
the current code, so a disagreement beyond rounding between the two on a probe point means
the cache is stale: the kernels are recompiled from source.
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["ensure_fresh", "CHECKED"]

#: Keys whose kernels have passed :func:`ensure_fresh` in this process (a record of a check
#: done, not a switch: it only avoids repeating the check).
CHECKED: set = set()


def _same(a, b, rtol: float) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.allclose(a, b, rtol=rtol, atol=0.0, equal_nan=True)
    if isinstance(a, float) or isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=rtol, abs_tol=0.0)
    return a == b


def ensure_fresh(key, probes, kernels, rtol: float = 1e-12) -> bool:
    """Run each probe compiled and as Python; recompile ``kernels`` if any differs.

    Parameters
    ----------
    key : hashable; the check runs once per key and process
    probes : iterable of ``(kernel, args, out_index)``: ``kernel(*args)`` against
        ``kernel.py_func(*args)``; when ``out_index`` is an int, ``args[out_index]`` is an
        output array, copied for the Python run and compared as well as the return value
    kernels : the numba dispatchers to recompile when a probe differs
    rtol : relative tolerance of the comparison (rounding differences only)

    Returns True when the kernels were found fresh, False when they were recompiled.
    """
    if key in CHECKED:
        return True
    fresh = True
    for kernel, args, out_index in probes:
        args_py = list(args)
        if out_index is not None:
            args_py[out_index] = np.empty_like(args[out_index])
        ra = kernel(*args)
        rb = kernel.py_func(*args_py)
        if not _same(ra, rb, rtol) or (out_index is not None and not _same(args[out_index], args_py[out_index], rtol)):
            fresh = False
            break
    if not fresh:
        for fn in kernels:
            fn.recompile()
    CHECKED.add(key)
    return fresh
