r"""Public two-stream exchanger functions: effectiveness, NTU, LMTD with F, rating, sizing, fouling.

Every function broadcasts its array arguments like numpy, validates them (one error
format, see :mod:`procsim.validation`) and calls one kernel of
:mod:`units.heat_exchanger._kernels`. Arrangement names are the keys of
:data:`ARRANGEMENTS`; ``crossflow_both_unmixed`` is the exact series of Mason (1954), the
default, and ``crossflow_both_unmixed_approx`` the approximation of Incropera 6th ed.
Table 11.3 (up to 4 % off the exact value for NTU <= 10, Cr <= 1: 3.8 % at Cr = 1,
NTU = 0.3; see the tests).
``shell_and_tube_1_2n`` needs ``shell_passes``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.parallel import use_parallel
from procsim.validation import broadcast_arrays, check_choice, check_nonnegative, check_positive, check_range

from units.heat_exchanger import _kernels
from units.heat_exchanger._kernels import (
    ARRANGEMENTS,
    CROSSFLOW_SERIES_NTU_MAX,
    NTU_SEARCH_MAX,
    eps_max_kernel,
    effectiveness_kernel,
    lmtd_kernel,
    ntu_kernel,
    rate_kernel,
    size_kernel,
)

__all__ = [
    "ARRANGEMENTS",
    "effectiveness",
    "ntu",
    "max_effectiveness",
    "lmtd",
    "correction_factor",
    "rate",
    "size_ua",
    "fouled_ua",
    "RatingResult",
]


def _loop(kernel, n: int):
    """``kernel``, or its ``parallel=True`` twin for inputs large enough (:mod:`procsim.parallel`)."""
    return getattr(_kernels, kernel.__name__ + "_parallel") if use_parallel(n) else kernel


def _shape_out(shape, arr):
    out = arr.reshape(shape)
    return float(out) if out.ndim == 0 else out


def _arrangement(arrangement: str, shell_passes) -> tuple[int, float]:
    code = check_choice("arrangement", arrangement, ARRANGEMENTS)
    if arrangement == "shell_and_tube_1_2n":
        if shell_passes is None:
            raise ValueError("shell_passes must be given (an integer >= 1) for arrangement "
                             "'shell_and_tube_1_2n'; got None")
        if isinstance(shell_passes, bool) or int(shell_passes) != shell_passes or not shell_passes >= 1:
            raise ValueError(f"shell_passes must be an integer >= 1; got {shell_passes!r}")
        return code, float(shell_passes)
    if shell_passes not in (None, 1):
        raise ValueError(f"shell_passes applies only to arrangement 'shell_and_tube_1_2n'; got "
                         f"shell_passes={shell_passes!r} with arrangement {arrangement!r}")
    return code, 1.0


def effectiveness(ntu, cr, arrangement, *, shell_passes=None):
    r"""Heat-exchanger effectiveness :math:`\varepsilon = Q / Q_{max}` [-]. [vec]

    Parameters
    ----------
    ntu : number of transfer units UA / C_min [-], >= 0 (finite)
    cr : heat-capacity-rate ratio C_min / C_max [-], in [0, 1]
    arrangement : one of :data:`ARRANGEMENTS` ("counterflow", "parallel",
        "crossflow_both_unmixed" (exact series, default), "crossflow_both_unmixed_approx",
        "crossflow_cmax_mixed", "crossflow_cmin_mixed", "crossflow_both_mixed",
        "shell_and_tube_1_2", "shell_and_tube_1_2n")
    shell_passes : number of shell passes n for "shell_and_tube_1_2n" (NTU is the total
        of all shells; each shell has NTU/n)

    Returns
    -------
    float or ndarray [-], the broadcast shape of ``ntu`` and ``cr``.

    Notes
    -----
    Equations in :func:`units.heat_exchanger._kernels.eps_scalar` (Incropera et al. 2007,
    Table 11.3; Shah & Sekulic 2003, Table 3.3; Mason 1954).

    Examples
    --------
    >>> round(effectiveness(2.0, 1.0, "counterflow"), 12)
    0.666666666667
    >>> round(effectiveness(1.0, 0.0, "parallel"), 12)    # Cr = 0: 1 - exp(-NTU)
    0.632120558829
    """
    code, n = _arrangement(arrangement, shell_passes)
    check_nonnegative("ntu", ntu)
    check_range("cr", cr, 0.0, 1.0)
    shape, (n_arr, c_arr) = broadcast_arrays(ntu=ntu, cr=cr)
    out = np.empty_like(n_arr)
    bad = _loop(effectiveness_kernel, n_arr.size)(n_arr, c_arr, code, n, out)
    if bad >= 0:  # the exact crossflow series beyond its NTU range
        raise ValueError(f"ntu must be <= {CROSSFLOW_SERIES_NTU_MAX:g} for arrangement {arrangement!r} "
                         f"(exact series); got {float(n_arr[bad])!r} at cr={float(c_arr[bad])!r}")
    return _shape_out(shape, out)


def max_effectiveness(cr, arrangement, *, shell_passes=None):
    """Largest effectiveness an arrangement can reach at ``cr`` [-] (as NTU -> inf, or at the
    peak for "crossflow_both_mixed"). [vec]"""
    code, n = _arrangement(arrangement, shell_passes)
    check_range("cr", cr, 0.0, 1.0)
    shape, (c_arr,) = broadcast_arrays(cr=cr)
    out = np.empty_like(c_arr)
    _loop(eps_max_kernel, c_arr.size)(c_arr, code, n, out)
    return _shape_out(shape, out)


def ntu(effectiveness, cr, arrangement, *, shell_passes=None):
    r"""Number of transfer units that gives ``effectiveness`` (inverse of :func:`effectiveness`). [vec]

    Parameters
    ----------
    effectiveness : [-], in [0, eps_max) where eps_max = :func:`max_effectiveness`
        (1 for counterflow and crossflow with both fluids unmixed; 1/(1+Cr) for parallel
        flow; 2/(1+Cr+sqrt(1+Cr^2)) for one shell pass ...)
    cr : C_min / C_max [-], in [0, 1]
    arrangement, shell_passes : as for :func:`effectiveness`

    Returns
    -------
    NTU [-]. For "crossflow_both_mixed", whose effectiveness peaks at a finite NTU, the
    root on the rising branch (the smaller NTU).

    Raises
    ------
    ValueError naming the effectiveness, Cr and the arrangement's maximum when the
    effectiveness cannot be reached.

    Examples
    --------
    >>> round(ntu(2.0 / 3.0, 1.0, "counterflow"), 12)
    2.0
    """
    eps_in = effectiveness
    code, n = _arrangement(arrangement, shell_passes)
    check_range("effectiveness", eps_in, 0.0, 1.0, high_inclusive=False)
    check_range("cr", cr, 0.0, 1.0)
    shape, (e_arr, c_arr) = broadcast_arrays(effectiveness=eps_in, cr=cr)
    out = np.empty_like(e_arr)
    bad = _loop(ntu_kernel, e_arr.size)(e_arr, c_arr, code, n, out)
    if bad >= 0:
        e_max = max_effectiveness(float(c_arr[bad]), arrangement, shell_passes=shell_passes)
        if float(e_arr[bad]) < e_max:
            raise ValueError(
                f"effectiveness={float(e_arr[bad])!r} for arrangement {arrangement!r} at "
                f"cr={float(c_arr[bad])!r} needs NTU > {NTU_SEARCH_MAX:g}, beyond the search range "
                f"(element {bad})")
        raise ValueError(
            f"effectiveness={float(e_arr[bad])!r} is not reachable for arrangement {arrangement!r} "
            f"at cr={float(c_arr[bad])!r}: it must be < {e_max:.10g} (the largest effectiveness "
            f"of this arrangement; element {bad})")
    return _shape_out(shape, out)


def lmtd(t_hot_in, t_hot_out, t_cold_in, t_cold_out, arrangement="counterflow", *, shell_passes=None):
    r"""Mean temperature difference [K]: the counterflow LMTD times the correction factor F. [vec]

    Parameters
    ----------
    t_hot_in, t_hot_out, t_cold_in, t_cold_out : terminal temperatures [K], > 0
    arrangement, shell_passes : as for :func:`effectiveness`

    Returns
    -------
    :math:`F\,\Delta T_{lm,cf}` [K], so that :math:`Q = UA \cdot` lmtd(...).

    Notes
    -----
    Counterflow: Incropera 6th ed. sec. 11.3. Other arrangements: F of Bowman, Mueller &
    Nagle (1940) (charts in Kern, *Process Heat Transfer*, McGraw-Hill 1950, ch. 7), evaluated exactly from the arrangement's P-NTU relation as
    :math:`F = NTU_{cf}/NTU_{arr}`; for the 1-2 shell this equals the closed form of
    Bowman et al. (Kern 1950, ch. 7), and for parallel flow the parallel-flow LMTD.

    Raises
    ------
    ValueError with the four temperatures when the mean temperature difference is undefined:
    a temperature cross (counterflow: T_h,in <= T_c,out or T_h,out <= T_c,in), terminal
    temperatures that the arrangement cannot reach (no F exists), a hot stream that warms
    or a cold stream that cools, or no temperature change at all.

    Examples
    --------
    >>> round(lmtd(400.0, 350.0, 300.0, 330.0), 6)   # (70 - 50) / ln(70/50)
    59.440268
    """
    code, n = _arrangement(arrangement, shell_passes)
    for name, v in (("t_hot_in", t_hot_in), ("t_hot_out", t_hot_out), ("t_cold_in", t_cold_in),
                    ("t_cold_out", t_cold_out)):
        check_positive(name, v, "K")
    shape, (thi, tho, tci, tco) = broadcast_arrays(t_hot_in=t_hot_in, t_hot_out=t_hot_out,
                                                  t_cold_in=t_cold_in, t_cold_out=t_cold_out)
    out = np.empty_like(thi)
    bad = _loop(lmtd_kernel, thi.size)(thi, tho, tci, tco, code, n, out)
    if bad >= 0:
        a, b, c, d = (float(x[bad]) for x in (thi, tho, tci, tco))
        if arrangement == "counterflow" and (a - d <= 0.0 or b - c <= 0.0):
            why = (f"temperature cross: hot-end difference t_hot_in - t_cold_out = {a - d:.6g} K and "
                   f"cold-end difference t_hot_out - t_cold_in = {b - c:.6g} K must both be > 0")
        elif a < b or d < c:
            why = "the hot stream must not warm and the cold stream must not cool"
        elif a == b and c == d:
            why = "neither stream changes temperature"
        else:
            why = (f"no {arrangement!r} exchanger reaches these terminal temperatures "
                   "(temperature cross for this arrangement: F is undefined)")
        raise ValueError(f"lmtd undefined for t_hot_in={a!r} K, t_hot_out={b!r} K, t_cold_in={c!r} K, "
                         f"t_cold_out={d!r} K (element {bad}): {why}")
    return _shape_out(shape, out)


def correction_factor(t_hot_in, t_hot_out, t_cold_in, t_cold_out, arrangement, *, shell_passes=None):
    """LMTD correction factor F [-] = lmtd(arrangement) / lmtd(counterflow). [vec]

    Defined only where the counterflow LMTD exists (no cross in counterflow) and the
    arrangement can reach the terminal temperatures (Bowman, Mueller & Nagle 1940).
    """
    mean = lmtd(t_hot_in, t_hot_out, t_cold_in, t_cold_out, arrangement, shell_passes=shell_passes)
    return mean / lmtd(t_hot_in, t_hot_out, t_cold_in, t_cold_out, "counterflow")


@dataclass(frozen=True)
class RatingResult:
    """Outcome of :func:`rate` (arrays or floats in the broadcast shape of the inputs).

    duty [W]; t_hot_out, t_cold_out [K]; effectiveness [-]; ntu [-]; cr [-];
    energy_residual: max |C_h (T_h,in - T_h,out) - C_c (T_c,out - T_c,in)| / max(duty) [-].
    """

    duty: float | np.ndarray
    t_hot_out: float | np.ndarray
    t_cold_out: float | np.ndarray
    effectiveness: float | np.ndarray
    ntu: float | np.ndarray
    cr: float | np.ndarray
    energy_residual: float


def rate(ua, t_hot_in, t_cold_in, c_hot, c_cold, arrangement="counterflow", *, shell_passes=None) -> RatingResult:
    r"""Rate an exchanger of known conductance (constant heat-capacity flows). [vec]

    Parameters
    ----------
    ua : overall conductance U A [W/K], >= 0
    t_hot_in, t_cold_in : inlet temperatures [K], > 0, t_hot_in > t_cold_in
    c_hot, c_cold : heat-capacity flows m cp [W/K], > 0
    arrangement, shell_passes : as for :func:`effectiveness`

    Returns
    -------
    :class:`RatingResult`; :math:`Q = \varepsilon\,C_{min}\,(T_{h,i} - T_{c,i})`.

    Examples
    --------
    >>> r = rate(1000.0, 400.0, 300.0, 1000.0, 1000.0)
    >>> round(r.duty, 6), round(r.t_hot_out, 6)
    (50000.0, 350.0)
    """
    code, n = _arrangement(arrangement, shell_passes)
    check_nonnegative("ua", ua, "W/K")
    check_positive("t_hot_in", t_hot_in, "K")
    check_positive("t_cold_in", t_cold_in, "K")
    check_positive("c_hot", c_hot, "W/K")
    check_positive("c_cold", c_cold, "W/K")
    shape, (u, thi, tci, ch, cc) = broadcast_arrays(ua=ua, t_hot_in=t_hot_in, t_cold_in=t_cold_in,
                                                   c_hot=c_hot, c_cold=c_cold)
    duty, tho, tco = np.empty_like(u), np.empty_like(u), np.empty_like(u)
    bad = _loop(rate_kernel, thi.size)(thi, tci, ch, cc, u, code, n, duty, tho, tco)
    if bad >= 0:
        raise ValueError(f"t_hot_in={float(thi[bad])!r} K must exceed t_cold_in={float(tci[bad])!r} K "
                         f"(element {bad}): no driving force")
    cmin, cmax = np.minimum(ch, cc), np.maximum(ch, cc)
    scale = max(float(np.max(np.abs(duty))), 1e-300)
    residual = float(np.max(np.abs(ch * (thi - tho) - cc * (tco - tci)))) / scale
    eps = duty / (cmin * (thi - tci))
    return RatingResult(_shape_out(shape, duty), _shape_out(shape, tho), _shape_out(shape, tco),
                        _shape_out(shape, eps), _shape_out(shape, u / cmin),
                        _shape_out(shape, cmin / cmax), residual)


def size_ua(t_hot_in, t_cold_in, c_hot, c_cold, arrangement="counterflow", *, duty=None,
            t_hot_out=None, t_cold_out=None, shell_passes=None):
    r"""Conductance UA [W/K] an exchanger needs for a duty or an outlet temperature. [vec]

    Give exactly one of ``duty`` [W], ``t_hot_out`` [K] or ``t_cold_out`` [K].
    :math:`UA = C_{min}\,NTU(\varepsilon, C_r)` with
    :math:`\varepsilon = Q/[C_{min}(T_{h,i}-T_{c,i})]`.

    Raises ValueError when the duty is not reachable by the arrangement (e.g. a temperature
    cross in counterflow, or beyond 1/(1+Cr) in parallel flow), naming the effectiveness.

    Examples
    --------
    >>> round(size_ua(400.0, 300.0, 1000.0, 1000.0, duty=50000.0), 6)
    1000.0
    """
    code, n = _arrangement(arrangement, shell_passes)
    given = [k for k, v in (("duty", duty), ("t_hot_out", t_hot_out), ("t_cold_out", t_cold_out))
             if v is not None]
    if len(given) != 1:
        raise ValueError(f"give exactly one of duty, t_hot_out, t_cold_out; got {given or 'none'}")
    check_positive("t_hot_in", t_hot_in, "K")
    check_positive("t_cold_in", t_cold_in, "K")
    check_positive("c_hot", c_hot, "W/K")
    check_positive("c_cold", c_cold, "W/K")
    if duty is not None:
        q = check_nonnegative("duty", duty, "W")
    elif t_hot_out is not None:
        q = np.asarray(c_hot, float) * (np.asarray(t_hot_in, float) - check_positive("t_hot_out", t_hot_out, "K"))
        check_nonnegative("duty from t_hot_out (c_hot * (t_hot_in - t_hot_out))", q, "W")
    else:
        q = np.asarray(c_cold, float) * (check_positive("t_cold_out", t_cold_out, "K") - np.asarray(t_cold_in, float))
        check_nonnegative("duty from t_cold_out (c_cold * (t_cold_out - t_cold_in))", q, "W")
    shape, (thi, tci, ch, cc, qa) = broadcast_arrays(t_hot_in=t_hot_in, t_cold_in=t_cold_in,
                                                    c_hot=c_hot, c_cold=c_cold, duty=q)
    ua = np.empty_like(thi)
    bad = _loop(size_kernel, thi.size)(thi, tci, ch, cc, qa, code, n, ua)
    if bad >= 0:
        driving = float(thi[bad] - tci[bad])
        if not driving > 0.0:
            raise ValueError(f"t_hot_in={float(thi[bad])!r} K must exceed t_cold_in={float(tci[bad])!r} K "
                             f"(element {bad}): no driving force")
        cmin, cmax = min(ch[bad], cc[bad]), max(ch[bad], cc[bad])
        eps = float(qa[bad] / (cmin * driving))
        e_max = max_effectiveness(float(cmin / cmax), arrangement, shell_passes=shell_passes)
        raise ValueError(f"duty={float(qa[bad])!r} W is not reachable (element {bad}): it needs "
                         f"effectiveness {eps:.10g}, but arrangement {arrangement!r} at cr={cmin / cmax:.6g} "
                         f"reaches at most {e_max:.10g} (a temperature cross)")
    return _shape_out(shape, ua)


def fouled_ua(u_clean, area, fouling_hot=0.0, fouling_cold=0.0):
    r"""Overall conductance with fouling [W/K]: :math:`UA = A / (1/U_{clean} + R_{f,h} + R_{f,c})`. [vec]

    Parameters
    ----------
    u_clean : clean overall coefficient [W/(m2 K)], > 0, referred to ``area``
    area : heat-transfer area [m2], > 0
    fouling_hot, fouling_cold : fouling resistances [m2 K/W], >= 0, referred to ``area``
        (TEMA tabulates design values, e.g. 0.000176 m2 K/W = 0.001 h ft2 F/Btu)

    Notes
    -----
    Series thermal resistances, Incropera 6th ed. sec. 11.2 with the wall term contained in
    U_clean; fouling resistances per *Standards of the Tubular Exchanger Manufacturers
    Association*, 10th ed., TEMA, 2019, sec. 10 (RGP-T-2.4, design fouling resistances),
    which refers each resistance to the surface it coats (give values already referred
    to ``area``).

    Examples
    --------
    >>> round(fouled_ua(50.0, 100.0, 0.0, 0.002), 6)   # 100 / (0.02 + 0.002)
    4545.454545
    """
    u = check_positive("u_clean", u_clean, "W/(m2 K)")
    a = check_positive("area", area, "m2")
    rh = check_nonnegative("fouling_hot", fouling_hot, "m2 K/W")
    rc = check_nonnegative("fouling_cold", fouling_cold, "m2 K/W")
    shape, (u, a, rh, rc) = broadcast_arrays(u_clean=u, area=a, fouling_hot=rh, fouling_cold=rc)
    return _shape_out(shape, a / (1.0 / u + rh + rc))
