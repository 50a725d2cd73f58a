"""Small numba root finders shared by every kernel (docs/architecture.rst, convention 5).

Kernels never call scipy inside loops; they call this Brent solver. It is written in
*reverse communication*: the solver keeps its state in a small float64 array and tells
the caller where to evaluate the residual next, so the caller's own code computes f(x)
inline. (Passing numba functions as first-class arguments would make every caller
uncacheable: numba stores such function values as dynamic globals and refuses
``cache=True``.)

Use inside an ``@njit(cache=True)`` kernel::

    state = np.empty(BRENT_STATE_SIZE)
    status = brent_start(state, lo, f_lo, hi, f_hi, xtol, rtol)
    while status == ROOT_CONTINUE:
        x = state[BRENT_X]                 # where to evaluate next
        status = brent_step(state, residual_at(x), maxiter)
    root = state[BRENT_X]                  # valid when status == ROOT_OK

Status codes: ``ROOT_OK`` converged; ``ROOT_NO_BRACKET`` f(lo), f(hi) do not differ in
sign (or are NaN); ``ROOT_MAXITER`` iteration limit reached (best estimate in
``state[BRENT_X]``); ``ROOT_CONTINUE`` evaluate f at ``state[BRENT_X]`` and call
:func:`brent_step` again; ``ROOT_NAN`` the residual returned NaN.

References
----------
R. P. Brent, *Algorithms for Minimization without Derivatives*, Prentice-Hall, 1973,
ch. 4 (procedure ``zero``); the acceptance test ``|m| <= xtol + rtol |b|`` is the one
``scipy.optimize.brentq`` uses.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

__all__ = [
    "ROOT_OK", "ROOT_NO_BRACKET", "ROOT_MAXITER", "ROOT_CONTINUE", "ROOT_NAN",
    "BRENT_STATE_SIZE", "BRENT_X", "brent_start", "brent_step", "brent_py",
]

ROOT_OK = 0
ROOT_NO_BRACKET = 1
ROOT_MAXITER = 2
ROOT_CONTINUE = 3
ROOT_NAN = 4

# state layout
_A, _B, _C, _FA, _FB, _FC, _D, _E, _XTOL, _RTOL, _ITER = range(11)
BRENT_X = 11
BRENT_STATE_SIZE = 12


@njit(cache=True)
def _propose(state):
    """Brent's update from the current (a, b, c); returns ROOT_OK or ROOT_CONTINUE."""
    a, b, c = state[_A], state[_B], state[_C]
    fa, fb, fc = state[_FA], state[_FB], state[_FC]
    d, e = state[_D], state[_E]
    if (fb > 0.0) == (fc > 0.0):
        c = a
        fc = fa
        d = b - a
        e = d
    if abs(fc) < abs(fb):
        a = b
        b = c
        c = a
        fa = fb
        fb = fc
        fc = fa
    tol = state[_XTOL] + state[_RTOL] * abs(b)
    m = 0.5 * (c - b)
    if abs(m) <= tol or fb == 0.0:
        state[_A], state[_B], state[_C] = a, b, c
        state[_FA], state[_FB], state[_FC] = fa, fb, fc
        state[BRENT_X] = b
        return ROOT_OK
    if abs(e) >= tol and abs(fa) > abs(fb):
        s = fb / fa
        if a == c:  # secant
            p = 2.0 * m * s
            q = 1.0 - s
        else:  # inverse quadratic interpolation
            q = fa / fc
            r = fb / fc
            p = s * (2.0 * m * q * (q - r) - (b - a) * (r - 1.0))
            q = (q - 1.0) * (r - 1.0) * (s - 1.0)
        if p > 0.0:
            q = -q
        else:
            p = -p
        if 2.0 * p < min(3.0 * m * q - abs(tol * q), abs(e * q)):
            e = d
            d = p / q
        else:  # interpolation rejected: bisect
            d = m
            e = m
    else:
        d = m
        e = m
    a = b
    fa = fb
    if abs(d) > tol:
        b = b + d
    else:
        b = b + (tol if m > 0.0 else -tol)
    state[_A], state[_B], state[_C] = a, b, c
    state[_FA], state[_FB], state[_FC] = fa, fb, fc
    state[_D], state[_E] = d, e
    state[BRENT_X] = b
    return ROOT_CONTINUE


@njit(cache=True)
def brent_start(state, lo, f_lo, hi, f_hi, xtol, rtol):
    """Initialise ``state`` on the bracket [lo, hi] with f(lo), f(hi); returns a status."""
    state[_XTOL] = xtol
    state[_RTOL] = rtol
    state[_ITER] = 0.0
    if f_lo == 0.0:
        state[BRENT_X] = lo
        return ROOT_OK
    if f_hi == 0.0:
        state[BRENT_X] = hi
        return ROOT_OK
    if not (f_lo * f_hi < 0.0):  # also catches NaN
        state[BRENT_X] = math.nan
        return ROOT_NO_BRACKET
    state[_A], state[_FA] = lo, f_lo
    state[_B], state[_FB] = hi, f_hi
    state[_C], state[_FC] = lo, f_lo
    state[_D] = hi - lo
    state[_E] = hi - lo
    return _propose(state)


@njit(cache=True)
def brent_step(state, f_x, maxiter):
    """Take f at ``state[BRENT_X]``; returns ROOT_CONTINUE (evaluate again) or a final status."""
    if math.isnan(f_x):
        return ROOT_NAN
    state[_FB] = f_x
    state[_ITER] += 1.0
    if state[_ITER] >= maxiter:
        return ROOT_MAXITER
    return _propose(state)


def brent_py(f, lo: float, hi: float, xtol: float = 2e-12, rtol: float = 4 * np.finfo(float).eps,
             maxiter: int = 100) -> tuple[float, int]:
    """Drive the same solver from Python with a Python callable (tests, one-off solves)."""
    state = np.empty(BRENT_STATE_SIZE)
    status = brent_start(state, lo, f(lo), hi, f(hi), xtol, rtol)
    while status == ROOT_CONTINUE:
        status = brent_step(state, f(state[BRENT_X]), maxiter)
    return float(state[BRENT_X]), int(status)
