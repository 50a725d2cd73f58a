r"""Numba kernels for two-stream heat exchangers: effectiveness-NTU, LMTD and F, rating, sizing.

All kernels work on SI floats (K, W/K, W) and 1-D C-contiguous float64 arrays. They never
raise for bad data: array kernels return ``-1`` when every element was computed, otherwise
the index of the first element they could not compute (NaN is written there). The public
wrappers in :mod:`units.heat_exchanger.core` turn that status into a ``ValueError``.

Flow arrangements are selected by the integer codes of :data:`ARRANGEMENTS` (one mapping,
one dispatch in :func:`eps_scalar` / :func:`ntu_scalar`).

References
----------
* F. P. Incropera, D. P. DeWitt, T. L. Bergman, A. S. Lavine, *Fundamentals of Heat and
  Mass Transfer*, 6th ed., Wiley, 2007, sec. 11.4, Table 11.3 (effectiveness) and
  Table 11.4 (NTU relations).
* R. K. Shah, D. P. Sekulic, *Fundamentals of Heat Exchanger Design*, Wiley, 2003,
  Table 3.3 (epsilon-NTU formulas, incl. crossflow with both fluids mixed).
* J. L. Mason, "Heat transfer in cross flow", Proc. 2nd U.S. National Congress of Applied
  Mechanics, ASME, 1954, pp. 801-803 (exact series for crossflow, both fluids unmixed).
* R. A. Bowman, A. C. Mueller, W. M. Nagle, "Mean temperature difference in design",
  Trans. ASME 62 (1940) 283-294 (the LMTD correction factor F).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from procsim.parallel import GROUP, first_flagged, group_count
from procsim.numerics import (BRENT_STATE_SIZE, BRENT_X, ROOT_CONTINUE, ROOT_OK, brent_start,
                              brent_step)

#: Flow arrangement name -> int code used by every kernel (docs/architecture.rst, convention 7: one mapping).
#: ``crossflow_both_unmixed`` is the exact series (Mason 1954); the widely quoted
#: approximation (Incropera 6th ed. Table 11.3) is ``crossflow_both_unmixed_approx``.
ARRANGEMENTS = {
    "counterflow": 0,
    "parallel": 1,
    "crossflow_both_unmixed": 2,
    "crossflow_both_unmixed_approx": 3,
    "crossflow_cmax_mixed": 4,
    "crossflow_cmin_mixed": 5,
    "crossflow_both_mixed": 6,
    "shell_and_tube_1_2": 7,
    "shell_and_tube_1_2n": 8,
}

COUNTERFLOW = 0
PARALLEL = 1
CROSS_UNMIXED = 2
CROSS_UNMIXED_APPROX = 3
CROSS_CMAX_MIXED = 4
CROSS_CMIN_MIXED = 5
CROSS_BOTH_MIXED = 6
SHELL_TUBE = 7
SHELL_TUBE_N = 8

#: Largest NTU the numerical inversions search [-]. Most arrangements are within 1e-12 of
#: their asymptote long before it; crossflow with both fluids unmixed converges slowly at
#: Cr = 1 (exact series: 0.960 at NTU 200, 0.982 at NTU 1000), so effectiveness above
#: eps(1000) is refused with a message naming this limit. Exchangers in service run at
#: NTU of order 0.1-10.
NTU_SEARCH_MAX = 1.0e3

#: Largest NTU for which the exact crossflow series is summed [-]; its cost grows linearly
#: with NTU (about NTU + 12 sqrt(NTU) + 40 terms), so larger values return NaN.
CROSSFLOW_SERIES_NTU_MAX = 1.0e6


# ----------------------------------------------------------------------------- helpers
@njit(cache=True)
def _crossflow_unmixed_exact(ntu, cr):
    r"""Exact effectiveness of a single-pass crossflow exchanger, both fluids unmixed.

    .. math::
        \varepsilon = \frac{1}{C_r N}\sum_{n=0}^{\infty} P(n+1, N)\,P(n+1, C_r N),
        \qquad P(k, x) = 1 - e^{-x}\sum_{m=0}^{k-1}\frac{x^m}{m!}

    (Mason 1954; Incropera 6th ed. sec. 11.4 cites the series, Shah & Sekulic 2003 Table
    3.3). ``P`` is evaluated as the Poisson upper tail (a sum of positive terms, no
    cancellation), summed downwards from a truncation index where the tail is below
    1e-20 of the leading term.
    """
    if ntu == 0.0:
        return 0.0
    if cr == 0.0:
        return -math.expm1(-ntu)
    if ntu > CROSSFLOW_SERIES_NTU_MAX:
        return math.nan
    xa = ntu
    xb = cr * ntu
    if xb < 1.0e-12:
        # C_r N so small that the C_r -> 0 limit is exact to O(C_r N) relative (and C_r N may
        # have underflowed to 0, where the series' 1/(C_r N) cannot be evaluated)
        return -math.expm1(-ntu)
    # Poisson(x) mass beyond x + 12 sqrt(x) + 40 is < 1e-25 for any x >= 0
    m_top = int(xa + 12.0 * math.sqrt(xa) + 40.0)
    lna = math.log(xa)
    lnb = math.log(xb)
    lfact = math.lgamma(m_top + 1.0)
    tail_a = 0.0  # sum_{m > n} p_m(xa)
    tail_b = 0.0
    total = 0.0
    # loop n = m_top-1 down to 0: tail(n) = tail(n+1) + p_{n+1}
    for m in range(m_top, 0, -1):
        tail_a += math.exp(-xa + m * lna - lfact)
        tail_b += math.exp(-xb + m * lnb - lfact)
        total += tail_a * tail_b  # term n = m - 1
        lfact -= math.log(m)
    # for fixed NTU the effectiveness falls as C_r rises, so the C_r = 0 value bounds it; the
    # bound only removes rounding of sums of up to ~1e6 terms (4e-12 above it at NTU 244)
    return min(total / xb, -math.expm1(-ntu))


@njit(cache=True)
def _both_mixed_f(y):
    """y / (1 - exp(-y)) - 1, accurate near y = 0 (series y/2 + y^2/12 - y^4/720)."""
    if y < 1.0e-3:
        return y * (0.5 + y * (1.0 / 12.0 - y * y / 720.0))
    return y / (-math.expm1(-y)) - 1.0


@njit(cache=True)
def _shell_pass_eps(ntu1, cr):
    r"""One shell pass, 2, 4, ... tube passes (TEMA E), NTU per shell ``ntu1``.

    .. math:: \varepsilon_1 = \frac{2\tanh(N_1 s/2)}{(1 + C_r)\tanh(N_1 s/2) + s},
              \quad s = \sqrt{1 + C_r^2}

    which is the coth form of Incropera Table 11.3 rewritten with tanh; finite at N_1 = 0.
    """
    s = math.sqrt(1.0 + cr * cr)
    t = math.tanh(0.5 * ntu1 * s)
    return 2.0 * t / ((1.0 + cr) * t + s)


@njit(cache=True)
def _shell_pass_ntu(eps1, cr):
    """Inverse of :func:`_shell_pass_eps`; NaN when eps1 >= 2 / (1 + Cr + s)."""
    s = math.sqrt(1.0 + cr * cr)
    den = 2.0 - eps1 * (1.0 + cr)
    if not den > 0.0:
        return math.nan
    t = eps1 * s / den
    if not (0.0 <= t < 1.0):
        return math.nan
    return 2.0 * math.atanh(t) / s


@njit(cache=True)
def _n_shell_combine(eps1, cr, n):
    r"""Effectiveness of n identical shells in overall counterflow (Incropera Table 11.3).

    .. math:: \varepsilon = \frac{Z^n - 1}{Z^n - C_r},\quad Z = \frac{1 - \varepsilon_1 C_r}{1-\varepsilon_1}

    written as expm1(n log1p(a)) so that it stays accurate as Cr -> 1; Cr = 1 gives
    n eps1 / (1 + (n - 1) eps1).
    """
    if n == 1.0 or eps1 >= 1.0:
        return eps1
    if cr == 1.0:
        return n * eps1 / (1.0 + (n - 1.0) * eps1)
    a = eps1 * (1.0 - cr) / (1.0 - eps1)
    zn1 = math.expm1(n * math.log1p(a))
    return zn1 / (zn1 + (1.0 - cr))


@njit(cache=True)
def _n_shell_split(eps, cr, n):
    """Per-shell effectiveness eps1 from the overall eps of n shells (inverse of the above)."""
    if n == 1.0:
        return eps
    if cr == 1.0:
        return eps / (n - (n - 1.0) * eps)
    b = math.expm1(math.log1p(eps * (1.0 - cr) / (1.0 - eps)) / n)
    return b / (b + 1.0 - cr)


# --------------------------------------------------------------------- scalar cores
@njit(cache=True)
def eps_scalar(ntu, cr, code, n_shell):
    r"""Effectiveness [-] of one exchanger; NaN for an unknown code or out-of-range input.

    ntu : UA / C_min [-], >= 0.  cr : C_min / C_max [-], in [0, 1].
    n_shell : number of shell passes (used by ``shell_and_tube_1_2n`` only), >= 1.

    Formulas (Incropera 6th ed. Table 11.3; Shah & Sekulic 2003 Table 3.3), with
    :math:`N` = NTU:

    * counterflow: :math:`\frac{1-e^{-N(1-C_r)}}{1-C_r e^{-N(1-C_r)}}`, :math:`N/(1+N)` at Cr = 1
    * parallel: :math:`\frac{1-e^{-N(1+C_r)}}{1+C_r}`
    * crossflow, both unmixed: Mason's series (exact), or the approximation
      :math:`1-\exp[C_r^{-1}N^{0.22}(e^{-C_r N^{0.78}}-1)]` (Incropera Table 11.3)
    * crossflow, Cmax mixed: :math:`C_r^{-1}(1-\exp[-C_r(1-e^{-N})])`
    * crossflow, Cmin mixed: :math:`1-\exp(-C_r^{-1}[1-e^{-C_r N}])`
    * crossflow, both mixed: :math:`[(1-e^{-N})^{-1} + C_r(1-e^{-C_r N})^{-1} - N^{-1}]^{-1}`
      (Shah & Sekulic Table 3.3)
    * shell and tube, 1 shell pass, and n shell passes with NTU/n per shell (Table 11.3).
    Every formula tends to :math:`1-e^{-N}` as Cr -> 0, evaluated there without 0/0.
    """
    if not (ntu >= 0.0 and 0.0 <= cr <= 1.0):
        return math.nan
    if math.isinf(ntu):
        return math.nan
    if code == COUNTERFLOW:
        if cr == 1.0:
            return ntu / (1.0 + ntu)
        # expm1: 1 - exp(-x) cancels as cr -> 1
        em1 = math.expm1(-ntu * (1.0 - cr))
        return -em1 / ((1.0 - cr) - cr * em1)
    if code == PARALLEL:
        return -math.expm1(-ntu * (1.0 + cr)) / (1.0 + cr)
    if code == CROSS_UNMIXED:
        return _crossflow_unmixed_exact(ntu, cr)
    if code == CROSS_UNMIXED_APPROX:
        if cr == 0.0:
            return -math.expm1(-ntu)
        return -math.expm1(ntu ** 0.22 * math.expm1(-cr * ntu ** 0.78) / cr)
    if code == CROSS_CMAX_MIXED:
        if cr == 0.0:
            return -math.expm1(-ntu)
        return -math.expm1(cr * math.expm1(-ntu)) / cr
    if code == CROSS_CMIN_MIXED:
        if cr == 0.0:
            return -math.expm1(-ntu)
        return -math.expm1(math.expm1(-cr * ntu) / cr)
    if code == CROSS_BOTH_MIXED:
        if ntu == 0.0:
            return 0.0
        return 1.0 / (1.0 / (-math.expm1(-ntu)) + _both_mixed_f(cr * ntu) / ntu)
    if code == SHELL_TUBE:
        return _shell_pass_eps(ntu, cr)
    if code == SHELL_TUBE_N:
        if not n_shell >= 1.0:
            return math.nan
        return _n_shell_combine(_shell_pass_eps(ntu / n_shell, cr), cr, n_shell)
    return math.nan


@njit(cache=True)
def _neg_eps_log(u, cr):
    """-eps(exp(u)) of crossflow with both fluids mixed (minimised to find its peak)."""
    return -eps_scalar(math.exp(u), cr, CROSS_BOTH_MIXED, 1.0)


@njit(cache=True)
def _ntu_at_max_both_mixed(cr):
    """NTU [-] at which the both-mixed crossflow effectiveness peaks (golden section on ln NTU).

    Shah & Sekulic (2003, with Table 3.3) note that this arrangement's effectiveness passes
    through a maximum at finite NTU for Cr > 0 and falls to 1/(1+Cr) as NTU -> inf.
    Returns inf for Cr = 0 (monotonic: 1 - exp(-NTU)).
    """
    if cr == 0.0:
        return math.inf
    lo = math.log(1.0e-3)
    hi = math.log(NTU_SEARCH_MAX)
    g = 0.5 * (math.sqrt(5.0) - 1.0)
    c = hi - g * (hi - lo)
    d = lo + g * (hi - lo)
    fc = _neg_eps_log(c, cr)
    fd = _neg_eps_log(d, cr)
    for _ in range(200):
        if hi - lo < 1.0e-13:
            break
        if fc < fd:
            hi = d
            d = c
            fd = fc
            c = hi - g * (hi - lo)
            fc = _neg_eps_log(c, cr)
        else:
            lo = c
            c = d
            fc = fd
            d = lo + g * (hi - lo)
            fd = _neg_eps_log(d, cr)
    return math.exp(0.5 * (lo + hi))


@njit(cache=True)
def eps_max_scalar(cr, code, n_shell):
    """Supremum of the effectiveness over NTU >= 0 [-] for one arrangement and Cr.

    It is reached only as NTU -> inf, except for crossflow with both fluids mixed, where
    it is the value at the finite NTU of :func:`_ntu_at_max_both_mixed`.
    """
    if not (0.0 <= cr <= 1.0):
        return math.nan
    if code == COUNTERFLOW or code == CROSS_UNMIXED or code == CROSS_UNMIXED_APPROX:
        return 1.0
    if code == PARALLEL:
        return 1.0 / (1.0 + cr)
    if code == CROSS_CMAX_MIXED:
        return 1.0 if cr == 0.0 else -math.expm1(-cr) / cr
    if code == CROSS_CMIN_MIXED:
        return 1.0 if cr == 0.0 else -math.expm1(-1.0 / cr)
    if code == CROSS_BOTH_MIXED:
        if cr == 0.0:
            return 1.0
        return eps_scalar(_ntu_at_max_both_mixed(cr), cr, code, n_shell)
    if code == SHELL_TUBE or code == SHELL_TUBE_N:
        s = math.sqrt(1.0 + cr * cr)
        e1 = 2.0 / (1.0 + cr + s)
        if code == SHELL_TUBE:
            return e1
        return _n_shell_combine(e1, cr, n_shell)
    return math.nan


@njit(cache=True)
def _ntu_by_search(eps, cr, code, n_shell, hi_limit):
    """Brent inversion of eps_scalar on [0, hi] with hi found by doubling (NaN if unreachable)."""
    hi = 1.0
    f_hi = eps_scalar(hi, cr, code, n_shell) - eps
    while f_hi < 0.0:
        if hi >= hi_limit:
            return math.nan
        hi = min(2.0 * hi, hi_limit)
        f_hi = eps_scalar(hi, cr, code, n_shell) - eps
    state = np.empty(BRENT_STATE_SIZE)
    # eps(0) = 0, so f(0) = -eps
    status = brent_start(state, 0.0, -eps, hi, f_hi, 1.0e-15, 4.0e-16)
    while status == ROOT_CONTINUE:
        x = state[BRENT_X]
        status = brent_step(state, eps_scalar(x, cr, code, n_shell) - eps, 200)
    if status != ROOT_OK:
        return math.nan
    return state[BRENT_X]


@njit(cache=True)
def ntu_scalar(eps, cr, code, n_shell):
    r"""NTU [-] that gives effectiveness ``eps`` (inverse of :func:`eps_scalar`).

    Closed forms (Incropera 6th ed. Table 11.4): counterflow
    :math:`\ln[(1-\varepsilon C_r)/(1-\varepsilon)]/(1-C_r)` (:math:`\varepsilon/(1-\varepsilon)`
    at Cr = 1); parallel :math:`-\ln[1-\varepsilon(1+C_r)]/(1+C_r)`; Cmax mixed
    :math:`-\ln[1 + C_r^{-1}\ln(1-\varepsilon C_r)]`; Cmin mixed
    :math:`-C_r^{-1}\ln[1 + C_r\ln(1-\varepsilon)]`; shell and tube per shell,
    after splitting the n-shell effectiveness by the inverse of the n-shell relation. Crossflow with
    both fluids unmixed (exact and approximate) is inverted by Brent's method. Crossflow
    with both fluids mixed is inverted on its rising branch (NTU below the peak).

    Returns NaN where ``eps`` is not reachable (``eps >= eps_max_scalar``; eps = 1 needs
    infinite NTU) or out of range.
    """
    if not (0.0 <= eps < 1.0 and 0.0 <= cr <= 1.0):
        return math.nan
    if eps == 0.0:
        return 0.0
    if code == COUNTERFLOW:
        if cr == 1.0:
            return eps / (1.0 - eps)
        # log1p keeps ln((1 - eps cr)/(1 - eps)) accurate as cr -> 1
        return math.log1p(eps * (1.0 - cr) / (1.0 - eps)) / (1.0 - cr)
    if code == PARALLEL:
        arg = eps * (1.0 + cr)
        if not arg < 1.0:
            return math.nan
        return -math.log1p(-arg) / (1.0 + cr)
    if code == CROSS_CMAX_MIXED:
        if cr == 0.0:
            return -math.log1p(-eps)
        inner = math.log1p(-eps * cr) / cr
        if not inner > -1.0:
            return math.nan
        return -math.log1p(inner)
    if code == CROSS_CMIN_MIXED:
        inner = cr * math.log1p(-eps)
        if not inner > -1.0:
            return math.nan
        if cr == 0.0:
            return -math.log1p(-eps)
        return -math.log1p(inner) / cr
    if code == CROSS_UNMIXED or code == CROSS_UNMIXED_APPROX:
        if cr == 0.0:
            return -math.log1p(-eps)
        return _ntu_by_search(eps, cr, code, n_shell, NTU_SEARCH_MAX)
    if code == CROSS_BOTH_MIXED:
        if cr == 0.0:
            return -math.log1p(-eps)
        n_peak = _ntu_at_max_both_mixed(cr)
        if not eps < eps_scalar(n_peak, cr, code, n_shell):
            return math.nan
        return _ntu_by_search(eps, cr, code, n_shell, n_peak)
    if code == SHELL_TUBE:
        return _shell_pass_ntu(eps, cr)
    if code == SHELL_TUBE_N:
        if not n_shell >= 1.0:
            return math.nan
        if not eps < eps_max_scalar(cr, code, n_shell):
            return math.nan
        return n_shell * _shell_pass_ntu(_n_shell_split(eps, cr, n_shell), cr)
    return math.nan


# ------------------------------------------------------------------ array kernels
# Each array kernel is a range core (points lo:hi, the per-point code written once), a serial
# loop over all points, and a ``parallel=True`` loop over groups of procsim.parallel.GROUP
# points: the same numbers and the same first bad index either way (procsim.parallel).
_PAR = dict(cache=True, nogil=True, parallel=True)


@njit(cache=True)
def _effectiveness_range(lo, hi, ntu, cr, code, n_shell, out):
    first_bad = -1
    for i in range(lo, hi):
        out[i] = eps_scalar(ntu[i], cr[i], code, n_shell)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def effectiveness_kernel(ntu, cr, code, n_shell, out):
    """Fill ``out`` with eps_scalar(ntu[i], cr[i]); returns -1 or the first index with NaN."""
    return _effectiveness_range(0, ntu.size, ntu, cr, code, n_shell, out)


@njit(**_PAR)
def effectiveness_kernel_parallel(ntu, cr, code, n_shell, out):
    """:func:`effectiveness_kernel` on numba's threads."""
    bad = np.empty(group_count(ntu.size), dtype=np.int64)
    for g in prange(bad.size):
        bad[g] = _effectiveness_range(g * GROUP, min(g * GROUP + GROUP, ntu.size), ntu, cr, code, n_shell, out)
    return first_flagged(bad)


@njit(cache=True)
def _ntu_range(lo, hi, eps, cr, code, n_shell, out):
    first_bad = -1
    for i in range(lo, hi):
        out[i] = ntu_scalar(eps[i], cr[i], code, n_shell)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def ntu_kernel(eps, cr, code, n_shell, out):
    """Fill ``out`` with ntu_scalar(eps[i], cr[i]); returns -1 or the first unreachable index."""
    return _ntu_range(0, eps.size, eps, cr, code, n_shell, out)


@njit(**_PAR)
def ntu_kernel_parallel(eps, cr, code, n_shell, out):
    """:func:`ntu_kernel` on numba's threads."""
    bad = np.empty(group_count(eps.size), dtype=np.int64)
    for g in prange(bad.size):
        bad[g] = _ntu_range(g * GROUP, min(g * GROUP + GROUP, eps.size), eps, cr, code, n_shell, out)
    return first_flagged(bad)


@njit(cache=True)
def eps_max_kernel(cr, code, n_shell, out):
    """Fill ``out`` with the largest reachable effectiveness for each Cr; returns -1."""
    for i in range(cr.size):
        out[i] = eps_max_scalar(cr[i], code, n_shell)
    return -1


@njit(**_PAR)
def eps_max_kernel_parallel(cr, code, n_shell, out):
    """:func:`eps_max_kernel` on numba's threads."""
    for i in prange(cr.size):
        out[i] = eps_max_scalar(cr[i], code, n_shell)
    return -1


@njit(cache=True)
def _log_mean(dt_a, dt_b):
    """(a - b) / ln(a / b) for a, b > 0, written as b x / log1p(x) (no 0/0 when a == b)."""
    x = dt_a / dt_b - 1.0
    if x == 0.0:
        return dt_b
    return dt_b * x / math.log1p(x)


@njit(cache=True)
def lmtd_scalar(t_hot_in, t_hot_out, t_cold_in, t_cold_out, code, n_shell):
    r"""Mean temperature difference [K] of an exchanger with the given terminal temperatures.

    Counterflow: :math:`\Delta T_{lm} = (\Delta T_1-\Delta T_2)/\ln(\Delta T_1/\Delta T_2)`,
    :math:`\Delta T_1 = T_{h,i}-T_{c,o}`, :math:`\Delta T_2 = T_{h,o}-T_{c,i}`
    (Incropera sec. 11.3). Other arrangements: :math:`F\,\Delta T_{lm,cf}` where the
    correction factor of Bowman, Mueller & Nagle (1940) is evaluated exactly as
    :math:`F = NTU_{cf}(P, R) / NTU_{arr}(P, R)`, since :math:`Q = UA\,F\,\Delta T_{lm,cf}
    = C_{min}\,\Delta T_{max}`; so the result equals :math:`\Delta T_{max}/NTU_{arr}` with
    :math:`\varepsilon = \Delta T_{max}/(T_{h,i}-T_{c,i})` and
    :math:`C_r = \Delta T_{min}/\Delta T_{max}` from the two streams' temperature changes.
    For parallel flow this reduces to the parallel-flow LMTD.

    Returns NaN for a temperature cross, for terminal temperatures that no exchanger of
    the arrangement can reach (F undefined), or when neither stream changes temperature.
    """
    if code == COUNTERFLOW:
        dt1 = t_hot_in - t_cold_out
        dt2 = t_hot_out - t_cold_in
        if not (dt1 > 0.0 and dt2 > 0.0 and t_hot_in >= t_hot_out and t_cold_out >= t_cold_in):
            return math.nan
        return _log_mean(dt1, dt2)
    dt_hot = t_hot_in - t_hot_out
    dt_cold = t_cold_out - t_cold_in
    dt_in = t_hot_in - t_cold_in
    if not (dt_hot >= 0.0 and dt_cold >= 0.0 and dt_in > 0.0):
        return math.nan
    dt_big = max(dt_hot, dt_cold)
    if not dt_big > 0.0:
        return math.nan
    eps = dt_big / dt_in
    cr = min(dt_hot, dt_cold) / dt_big
    n = ntu_scalar(eps, cr, code, n_shell)
    if not n > 0.0:
        return math.nan
    return dt_big / n


@njit(cache=True)
def _lmtd_range(lo, hi, t_hot_in, t_hot_out, t_cold_in, t_cold_out, code, n_shell, out):
    first_bad = -1
    for i in range(lo, hi):
        out[i] = lmtd_scalar(t_hot_in[i], t_hot_out[i], t_cold_in[i], t_cold_out[i], code, n_shell)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def lmtd_kernel(t_hot_in, t_hot_out, t_cold_in, t_cold_out, code, n_shell, out):
    """Fill ``out`` with lmtd_scalar; returns -1 or the first index where it is undefined."""
    return _lmtd_range(0, t_hot_in.size, t_hot_in, t_hot_out, t_cold_in, t_cold_out, code, n_shell, out)


@njit(**_PAR)
def lmtd_kernel_parallel(t_hot_in, t_hot_out, t_cold_in, t_cold_out, code, n_shell, out):
    """:func:`lmtd_kernel` on numba's threads."""
    n = t_hot_in.size
    bad = np.empty(group_count(n), dtype=np.int64)
    for g in prange(bad.size):
        bad[g] = _lmtd_range(g * GROUP, min(g * GROUP + GROUP, n), t_hot_in, t_hot_out, t_cold_in,
                             t_cold_out, code, n_shell, out)
    return first_flagged(bad)


@njit(cache=True)
def _rate_range(lo, hi, t_hot_in, t_cold_in, c_hot, c_cold, ua, code, n_shell, duty, t_hot_out, t_cold_out):
    first_bad = -1
    for i in range(lo, hi):
        driving = t_hot_in[i] - t_cold_in[i]
        ok = driving > 0.0 and c_hot[i] > 0.0 and c_cold[i] > 0.0 and ua[i] >= 0.0
        if ok:
            c_min = min(c_hot[i], c_cold[i])
            c_max = max(c_hot[i], c_cold[i])
            eps = eps_scalar(ua[i] / c_min, c_min / c_max, code, n_shell)
            ok = not math.isnan(eps)
        if not ok:
            duty[i] = t_hot_out[i] = t_cold_out[i] = math.nan
            if first_bad < 0:
                first_bad = i
            continue
        duty[i] = eps * c_min * driving
        t_hot_out[i] = t_hot_in[i] - duty[i] / c_hot[i]
        t_cold_out[i] = t_cold_in[i] + duty[i] / c_cold[i]
    return first_bad


@njit(cache=True)
def rate_kernel(t_hot_in, t_cold_in, c_hot, c_cold, ua, code, n_shell, duty, t_hot_out, t_cold_out):
    r"""Rating by epsilon-NTU: :math:`Q = \varepsilon(NTU, C_r)\,C_{min}(T_{h,i}-T_{c,i})`.

    Inputs: equal-length arrays [K, K, W/K, W/K, W/K]; outputs [W, K, K] filled in place.
    Returns -1, or the index of the first element with no driving force
    (``t_hot_in <= t_cold_in``), a non-positive heat-capacity flow or negative UA.
    """
    return _rate_range(0, t_hot_in.size, t_hot_in, t_cold_in, c_hot, c_cold, ua, code, n_shell, duty,
                       t_hot_out, t_cold_out)


@njit(**_PAR)
def rate_kernel_parallel(t_hot_in, t_cold_in, c_hot, c_cold, ua, code, n_shell, duty, t_hot_out, t_cold_out):
    """:func:`rate_kernel` on numba's threads."""
    n = t_hot_in.size
    bad = np.empty(group_count(n), dtype=np.int64)
    for g in prange(bad.size):
        bad[g] = _rate_range(g * GROUP, min(g * GROUP + GROUP, n), t_hot_in, t_cold_in, c_hot, c_cold, ua,
                             code, n_shell, duty, t_hot_out, t_cold_out)
    return first_flagged(bad)


@njit(cache=True)
def _size_range(lo, hi, t_hot_in, t_cold_in, c_hot, c_cold, duty, code, n_shell, ua):
    first_bad = -1
    for i in range(lo, hi):
        driving = t_hot_in[i] - t_cold_in[i]
        ua[i] = math.nan
        if driving > 0.0 and c_hot[i] > 0.0 and c_cold[i] > 0.0 and duty[i] >= 0.0:
            c_min = min(c_hot[i], c_cold[i])
            c_max = max(c_hot[i], c_cold[i])
            ua[i] = c_min * ntu_scalar(duty[i] / (c_min * driving), c_min / c_max, code, n_shell)
        if math.isnan(ua[i]) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def size_kernel(t_hot_in, t_cold_in, c_hot, c_cold, duty, code, n_shell, ua):
    r"""Sizing: the conductance :math:`UA = C_{min}\,NTU(\varepsilon, C_r)` [W/K] for a duty [W].

    :math:`\varepsilon = Q / [C_{min}(T_{h,i}-T_{c,i})]`. Returns -1, or the index of the
    first element whose duty no exchanger of this arrangement can reach (NaN written).
    """
    return _size_range(0, t_hot_in.size, t_hot_in, t_cold_in, c_hot, c_cold, duty, code, n_shell, ua)


@njit(**_PAR)
def size_kernel_parallel(t_hot_in, t_cold_in, c_hot, c_cold, duty, code, n_shell, ua):
    """:func:`size_kernel` on numba's threads."""
    n = t_hot_in.size
    bad = np.empty(group_count(n), dtype=np.int64)
    for g in prange(bad.size):
        bad[g] = _size_range(g * GROUP, min(g * GROUP + GROUP, n), t_hot_in, t_cold_in, c_hot, c_cold, duty,
                             code, n_shell, ua)
    return first_flagged(bad)
