"""Small numba root finders shared by every kernel (STYLE.md rule 5).

Kernels never call scipy inside loops; they call these. Each solver takes the
residual as a first-class numba function ``f(x, args) -> float`` where ``args`` is a
float64 array of parameters, so one compiled solver serves every kernel.

Status codes returned alongside the root:

* ``ROOT_OK``        converged
* ``ROOT_NO_BRACKET`` f(lo) and f(hi) have the same sign (or are NaN)
* ``ROOT_MAXITER``   iteration limit reached; the best estimate is returned

References
----------
R. P. Brent, *Algorithms for Minimization without Derivatives*, Prentice-Hall, 1973,
ch. 4 (the zero-finding algorithm ``zero``), as also used by ``scipy.optimize.brentq``.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

ROOT_OK = 0
ROOT_NO_BRACKET = 1
ROOT_MAXITER = 2


@njit(cache=True)
def brent(f, lo, hi, args, xtol, rtol, maxiter):
    """Brent's method on ``[lo, hi]``; returns ``(root, status)``.

    Parameters
    ----------
    f : numba function ``f(x, args) -> float``
    lo, hi : bracket; ``f(lo)`` and ``f(hi)`` must differ in sign
    args : float64 array passed through to ``f``
    xtol, rtol : the interval is accepted when it is below ``2 * (xtol + rtol*|x|)``
    maxiter : iteration limit

    Notes
    -----
    Inverse quadratic interpolation / secant with bisection safeguard
    (Brent 1973, ch. 4). Same acceptance rule as scipy's ``brentq``.
    """
    a = lo
    b = hi
    fa = f(a, args)
    fb = f(b, args)
    if fa == 0.0:
        return a, ROOT_OK
    if fb == 0.0:
        return b, ROOT_OK
    if not (fa * fb < 0.0):  # also false for NaN
        return math.nan, ROOT_NO_BRACKET
    c = a
    fc = fa
    d = b - a
    e = d
    for _ in range(maxiter):
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
        tol = 2.0 * (xtol + rtol * abs(b)) * 0.5
        m = 0.5 * (c - b)
        if abs(m) <= tol or fb == 0.0:
            return b, ROOT_OK
        if abs(e) >= tol and abs(fa) > abs(fb):
            s = fb / fa
            if a == c:
                p = 2.0 * m * s
                q = 1.0 - s
            else:
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
            else:
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
        fb = f(b, args)
        if math.isnan(fb):
            return math.nan, ROOT_MAXITER
    return b, ROOT_MAXITER


@njit(cache=True)
def newton_bracketed(f, dfdx, x0, lo, hi, args, xtol, maxiter):
    """Newton iteration kept inside ``[lo, hi]`` (bisection when a step leaves it).

    Returns ``(root, status)``. ``f`` and ``dfdx`` are numba functions ``(x, args)``.
    Use when the derivative is cheap (e.g. cp for T(h) inversions).
    """
    flo = f(lo, args)
    fhi = f(hi, args)
    if not (flo * fhi <= 0.0):
        return math.nan, ROOT_NO_BRACKET
    x = min(max(x0, lo), hi)
    for _ in range(maxiter):
        fx = f(x, args)
        if fx == 0.0:
            return x, ROOT_OK
        if (fx > 0.0) == (flo > 0.0):
            lo = x
            flo = fx
        else:
            hi = x
        d = dfdx(x, args)
        step_ok = d != 0.0 and not math.isnan(d)
        xn = x - fx / d if step_ok else 0.5 * (lo + hi)
        if not (lo < xn < hi):
            xn = 0.5 * (lo + hi)
        if abs(xn - x) <= xtol * (1.0 + abs(x)):
            return xn, ROOT_OK
        x = xn
    return x, ROOT_MAXITER


def empty_args(n: int = 0) -> np.ndarray:
    """A float64 parameter array for the solvers (convenience for wrappers and tests)."""
    return np.zeros(n, dtype=np.float64)
