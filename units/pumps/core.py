r"""Kernels of rotodynamic machines (pumps and fans): curves, system curves, affinity laws.

A machine curve is a quadratic in flow fitted to data-sheet points at rated speed, and the
affinity laws scale it to speed ratio :math:`n = N/N_r` (or impeller-diameter ratio for a
trim, to first order):

.. math:: H(Q, n) = a_0 n^2 + a_1 n Q + a_2 Q^2, \qquad
          \eta(Q, n) = \eta_r(Q/n)

A system curve is static head plus friction, :math:`H_s(Q) = H_0 + k Q^2`. The operating
point solves :math:`H(Q,n) = H_s(Q)`; the speed that meets a required flow solves the same
equation for :math:`n`. The same kernels serve fans with pressure [Pa] in place of head [m].

References
----------
I. J. Karassik, J. P. Messina, P. Cooper, C. C. Heald, *Pump Handbook*, 4th ed.,
McGraw-Hill, 2008, sec. 2.3 (affinity laws) and ch. 12 (system curves, operating point).
Hydraulic Institute & Europump, *Variable Speed Pumping: A Guide to Successful
Applications*, Elsevier, 2004, ch. 2 (static head and the affinity laws).
"""
from __future__ import annotations

import math

from numba import njit

__all__ = ["operating_flow", "speed_for_point", "curve_head", "curve_efficiency",
           "operating_flow_array", "speed_for_point_array"]


@njit(cache=True)
def curve_head(q, n, a0, a1, a2):
    """Head (or pressure) of the machine curve at flow ``q`` and speed ratio ``n``."""
    return a0 * n * n + a1 * n * q + a2 * q * q


@njit(cache=True)
def curve_efficiency(q, n, b0, b1, b2, b3):
    """Efficiency at flow ``q``, speed ratio ``n``: the rated-speed cubic at the similar flow q/n."""
    if not n > 0.0:
        return math.nan
    x = q / n
    return b0 + x * (b1 + x * (b2 + x * b3))


@njit(cache=True)
def operating_flow(n, a0, a1, a2, static_head, k):
    r"""Flow where the machine curve at speed ratio ``n`` meets the system curve.

    Solves :math:`(k - a_2) Q^2 - a_1 n Q + (H_0 - a_0 n^2) = 0` for its positive root.
    Returns NaN when the machine cannot reach the static head (shut-off head <= H_0) or the
    curves do not cross (k - a2 <= 0 with no positive root).
    """
    aa = k - a2
    bb = -a1 * n
    cc = static_head - a0 * n * n
    if not cc < 0.0:
        return math.nan
    if aa == 0.0:
        return -cc / bb if bb > 0.0 else math.nan
    disc = bb * bb - 4.0 * aa * cc
    if not disc >= 0.0:
        return math.nan
    if aa > 0.0:
        return (-bb + math.sqrt(disc)) / (2.0 * aa)
    return math.nan


@njit(cache=True)
def speed_for_point(q, h, a0, a1, a2):
    r"""Speed ratio n at which the machine curve passes through (q, h).

    Solves :math:`a_0 n^2 + a_1 q n + (a_2 q^2 - h) = 0` for its positive root (a0 > 0).
    Returns NaN where no positive speed meets the point.
    """
    if not a0 > 0.0:
        return math.nan
    bb = a1 * q
    cc = a2 * q * q - h
    disc = bb * bb - 4.0 * a0 * cc
    if not disc >= 0.0:
        return math.nan
    n = (-bb + math.sqrt(disc)) / (2.0 * a0)
    return n if n > 0.0 else math.nan


@njit(cache=True)
def operating_flow_array(n, a0, a1, a2, static_head, k, out):
    """Array loop of :func:`operating_flow` over speed ratios; returns -1 or the first bad index."""
    first_bad = -1
    for i in range(n.size):
        out[i] = operating_flow(n[i], a0, a1, a2, static_head, k)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def speed_for_point_array(q, h, a0, a1, a2, out):
    """Array loop of :func:`speed_for_point`; returns -1 or the first bad index."""
    first_bad = -1
    for i in range(q.size):
        out[i] = speed_for_point(q[i], h[i], a0, a1, a2)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad
