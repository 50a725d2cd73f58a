"""Baseline models for measurement and verification: OLS, ASHRAE change-point models, TOWT.

Every model is linear in its coefficients once its breakpoints are fixed, so each fit is
an ordinary least-squares problem (``numpy.linalg.lstsq`` during the breakpoint search,
``statsmodels`` OLS for the reported fit). Breakpoints are found by search: a grid over
the temperatures between the 10th and 90th percentiles (so that each segment holds data),
then a bounded scalar (3P, 4P) or Nelder-Mead (5P) refinement of the sum of squared errors.

Models (``T``: temperature driver, ``x_k``: other drivers, ``(a)^+ = max(a, 0)``):

========== ================================================================================
ols        :math:`E = b_0 + \\sum_k c_k x_k` (all drivers linear, temperature included)
2p         :math:`E = b_0 + b_1 T + \\sum c_k x_k`
3p_heating :math:`E = b_0 + b_h (T_b - T)^+ + \\sum c_k x_k`
3p_cooling :math:`E = b_0 + b_c (T - T_b)^+ + \\sum c_k x_k`
4p         :math:`E = b_0 + b_h (T_b - T)^+ + b_c (T - T_b)^+ + \\sum c_k x_k`
5p         :math:`E = b_0 + b_h (T_h - T)^+ + b_c (T - T_c)^+ + \\sum c_k x_k`, :math:`T_h \\le T_c`
towt       time-of-week indicators (one per hour of the week) plus temperature in six
           piecewise-linear segments (knots 4.4, 12.8, 18.3, 26.7, 32.2 degC = 40, 55, 65,
           80, 90 degF) plus the other drivers
========== ================================================================================

Standard errors of change-point models are those of the full non-linear least-squares
problem (Jacobian including the breakpoints, :math:`s^2 (J^T J)^{-1}`), so a breakpoint
has one too; for linear models they equal statsmodels' OLS standard errors.

References
----------
J. K. Kissock, J. S. Haberl, D. E. Claridge, "Inverse Modeling Toolkit (1050-RP):
numerical algorithms", ASHRAE Transactions 109(2), 2003, 425-434 (change-point models
and their search).
ASHRAE Guideline 14-2014, Annex D (regression models, Table D-1: 2P ... 5P).
J. L. Mathieu, P. N. Price, S. Kiliccote, M. A. Piette, "Quantifying changes in building
electricity use, with application to demand response", IEEE Trans. Smart Grid 2(3),
2011, 507-518, doi:10.1109/TSG.2011.2145010 (time-of-week-and-temperature model).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import optimize
from scipy import stats as _st

from procsim.mv import statistics as S

__all__ = ["MODELS", "Baseline", "fit_baseline", "TOWT_KNOTS", "infer_interval"]

MODELS = ("ols", "2p", "3p_heating", "3p_cooling", "4p", "5p", "towt")
#: TOWT temperature knots [degC]: 40, 55, 65, 80, 90 degF (Mathieu et al. 2011)
TOWT_KNOTS = (4.444444444444445, 12.777777777777779, 18.333333333333336, 26.666666666666668,
              32.22222222222222)
_SEARCH_QUANTILES = (0.10, 0.90)
_GRID = 120
_SIGNIFICANCE = 0.05        # two-sided p-value for a coefficient to count as significant


def infer_interval(index: pd.DatetimeIndex) -> str:
    """"monthly", "daily" or "hourly" (sub-hourly counts as hourly) from the median spacing."""
    if len(index) < 2:
        raise ValueError("need at least 2 periods to tell the data interval")
    # seconds from Timedeltas: independent of the index's resolution (ns in pandas 2, us in 3)
    step = float(np.median((index[1:] - index[:-1]).total_seconds()))
    if step >= 27 * 86400:
        return "monthly"
    if step >= 86400 * 0.99:
        return "daily"
    return "hourly"


def _pos(a):
    return np.maximum(a, 0.0)


def _design(kind, T, others, bp, index=None):
    """(design matrix, column names) for fixed breakpoints ``bp``."""
    n = len(others) if others is not None else len(T)
    cols, names = [np.ones(n)], ["intercept"]
    if kind == "2p":
        cols.append(T)
        names.append("temperature_slope")
    elif kind == "3p_heating":
        cols.append(_pos(bp[0] - T))
        names.append("heating_slope")
    elif kind == "3p_cooling":
        cols.append(_pos(T - bp[0]))
        names.append("cooling_slope")
    elif kind == "4p":
        cols += [_pos(bp[0] - T), _pos(T - bp[0])]
        names += ["heating_slope", "cooling_slope"]
    elif kind == "5p":
        cols += [_pos(bp[0] - T), _pos(T - bp[1])]
        names += ["heating_slope", "cooling_slope"]
    elif kind == "towt":
        how = np.asarray(index.dayofweek * 24 + index.hour)
        cols = []
        names = []
        for h in range(168):
            cols.append((how == h).astype(float))
            names.append(f"tow_{h:03d}")
        edges = (-np.inf,) + TOWT_KNOTS + (np.inf,)
        for i in range(len(edges) - 1):
            lo, hi = edges[i], edges[i + 1]
            if i == 0:
                seg = np.minimum(T, hi)
            elif math.isinf(hi):
                seg = _pos(T - lo)
            else:
                seg = np.clip(T - lo, 0.0, hi - lo)
            cols.append(seg)
            names.append(f"temperature_segment_{i + 1}")
    if others is not None:
        for name in others.columns:
            cols.append(others[name].to_numpy(dtype=float))
            names.append(name)
    return np.column_stack(cols), names


def _sse(kind, y, T, others, bp):
    X, _ = _design(kind, T, others, bp)
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    r = y - X @ beta
    return float(r @ r)


def _search(kind, y, T, others):
    """Breakpoints minimising the SSE: grid, then refinement (Kissock et al. 2003)."""
    lo, hi = np.quantile(T, _SEARCH_QUANTILES)
    if not hi > lo:
        raise ValueError(f"temperature varies too little for a change-point model "
                         f"(10th-90th percentile {lo:.3g}-{hi:.3g})")
    grid = np.linspace(lo, hi, _GRID)
    if kind in ("3p_heating", "3p_cooling", "4p"):
        sse = [_sse(kind, y, T, others, (b,)) for b in grid]
        i = int(np.argmin(sse))
        a, b = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
        res = optimize.minimize_scalar(lambda v: _sse(kind, y, T, others, (v,)),
                                       bounds=(a, b), method="bounded",
                                       options={"xatol": 1e-8 * max(1.0, abs(hi - lo))})
        return (float(res.x),) if res.fun <= sse[i] else (float(grid[i]),)
    coarse = np.linspace(lo, hi, 40)
    best, arg = math.inf, None
    for i, th in enumerate(coarse):
        for tc in coarse[i:]:
            v = _sse("5p", y, T, others, (th, tc))
            if v < best:
                best, arg = v, (th, tc)

    def f(v):
        th, tc = v
        if th > tc or th < lo or tc > hi:
            return best * 10 + 1.0
        return _sse("5p", y, T, others, (th, tc))

    res = optimize.minimize(f, np.array(arg), method="Nelder-Mead",
                            options={"xatol": 1e-7, "fatol": 1e-12 * max(best, 1.0)})
    return tuple(map(float, res.x)) if res.fun <= best else tuple(map(float, arg))


def _bp_names(kind):
    return {"3p_heating": ["heating_breakpoint"], "3p_cooling": ["cooling_breakpoint"],
            "4p": ["breakpoint"], "5p": ["heating_breakpoint", "cooling_breakpoint"]}.get(kind, [])


def _bp_jacobian(kind, T, beta, bp):
    """d(prediction)/d(breakpoint) columns."""
    if kind == "3p_heating":
        return [beta[1] * (T < bp[0])]
    if kind == "3p_cooling":
        return [-beta[1] * (T > bp[0])]
    if kind == "4p":
        return [beta[1] * (T < bp[0]) - beta[2] * (T > bp[0])]
    if kind == "5p":
        return [beta[1] * (T < bp[0]), -beta[2] * (T > bp[1])]
    return []


@dataclass(frozen=True)
class Baseline:
    """A fitted baseline model with its Guideline 14 statistics.

    ``coefficients``, ``std_errors``, ``t_stats``, ``p_values``: dicts by coefficient name
    (breakpoints included, in the temperature driver's unit). ``r2``, ``adj_r2``,
    ``cv_rmse``, ``nmbe`` [-], ``autocorrelation`` (lag-1 of residuals), ``n`` points,
    ``p`` parameters (breakpoints counted), ``interval``, ``acceptance``
    (:class:`procsim.mv.statistics.Acceptance`), ``fitted`` and ``residuals`` (Series),
    ``candidates`` (the model-selection table when ``model="auto"``), ``notes``.
    """

    kind: str
    energy: str
    drivers: tuple
    temperature: str | None
    coefficients: dict
    std_errors: dict
    t_stats: dict
    p_values: dict
    r2: float
    adj_r2: float
    cv_rmse: float
    nmbe: float
    autocorrelation: float
    n: int
    p: int
    interval: str
    acceptance: S.Acceptance
    fitted: pd.Series = field(repr=False)
    residuals: pd.Series = field(repr=False)
    candidates: pd.DataFrame | None = field(default=None, repr=False)
    notes: tuple = ()

    @property
    def breakpoints(self) -> dict:
        return {k: self.coefficients[k] for k in _bp_names(self.kind)}

    @property
    def mean_energy(self) -> float:
        return float((self.fitted + self.residuals).mean())

    def _columns(self, frame):
        missing = [d for d in self.drivers if d not in frame.columns]
        if missing:
            raise ValueError(f"frame lacks driver column(s) {missing}; has {list(frame.columns)}")
        sub = frame[list(self.drivers)]
        if sub.isna().any().any():
            bad = sub.index[sub.isna().any(axis=1)]
            raise ValueError(f"driver values missing at {len(bad)} period(s), first {bad[0]}: "
                             "gaps are reported, never filled; drop those periods")
        return sub

    def predict(self, frame: pd.DataFrame) -> pd.Series:
        """Baseline energy for the periods of ``frame`` (its drivers; same unit as fitted)."""
        sub = self._columns(frame)
        T = sub[self.temperature].to_numpy(dtype=float) if self.temperature else None
        others = sub[[d for d in self.drivers if d != self.temperature]] \
            if self.kind != "ols" else sub
        bp = tuple(self.breakpoints.values())
        X, names = _design(self.kind, T, others, bp, frame.index)
        beta = np.array([self.coefficients[k] for k in names])
        return pd.Series(X @ beta, index=frame.index, name="baseline")

    def table(self) -> pd.DataFrame:
        """One row per coefficient: value, standard error, t, p-value, significant."""
        rows = [{"coefficient": k, "value": v, "std_error": self.std_errors[k],
                 "t_stat": self.t_stats[k], "p_value": self.p_values[k],
                 "significant": bool(self.p_values[k] < _SIGNIFICANCE)}
                for k, v in self.coefficients.items()]
        return pd.DataFrame(rows).set_index("coefficient")

    def statistics(self) -> dict:
        """The Guideline 14 figures of the fit, for reports and JSON."""
        return {"model": self.kind, "n": self.n, "parameters": self.p, "interval": self.interval,
                "r2": self.r2, "adj_r2": self.adj_r2, "cv_rmse": self.cv_rmse, "nmbe": self.nmbe,
                "autocorrelation_lag1": self.autocorrelation,
                "effective_n": S.effective_n(self.n, self.autocorrelation),
                "cv_rmse_limit": self.acceptance.cv_limit,
                "nmbe_limit": self.acceptance.nmbe_limit,
                "acceptance": "pass" if self.acceptance.passed else "fail"}


def _fit_one(kind, frame, energy, drivers, temperature, interval):
    import statsmodels.api as sm

    y = frame[energy].to_numpy(dtype=float)
    T = frame[temperature].to_numpy(dtype=float) if temperature else None
    if kind == "ols":
        others = frame[list(drivers)]
    else:
        others = frame[[d for d in drivers if d != temperature]]
        if not len(others.columns):
            others = None
    bp = _search(kind, y, T, others) if kind in ("3p_heating", "3p_cooling", "4p", "5p") else ()
    X, names = _design(kind, T, others, bp, frame.index)
    dropped = []
    if kind == "towt":
        empty = [nm for j, nm in enumerate(names) if nm.startswith("tow_") and not X[:, j].any()]
        if empty:
            raise ValueError(f"TOWT needs data in every hour of the week; none in {len(empty)} "
                             f"(first {empty[0]}: hour {int(empty[0][4:])} of the week from Monday 00:00)")
        # temperature segments the baseline never reaches are constant: no coefficient
        dropped = [j for j, nm in enumerate(names) if nm.startswith("temperature_segment")
                   and np.ptp(X[:, j]) == 0.0]
    keep = [j for j in range(X.shape[1]) if j not in dropped]
    res = sm.OLS(y, X[:, keep]).fit()
    beta = np.zeros(X.shape[1])
    beta[keep] = np.asarray(res.params, dtype=float)
    bse_full = np.zeros(X.shape[1])
    bse_full[keep] = np.asarray(res.bse, dtype=float)
    X_fit = X[:, keep]
    resid = y - X @ beta
    p = X_fit.shape[1] + len(bp)
    n = len(y)
    if n - p < 1:
        raise ValueError(f"model {kind!r} needs more than {p} periods; got {n}")
    coef = dict(zip(names, beta))
    if bp:
        J = np.column_stack([X_fit] + _bp_jacobian(kind, T, beta, bp))
        s2 = float(resid @ resid) / (n - p)
        try:
            cov = s2 * np.linalg.inv(J.T @ J)
            se_all = np.sqrt(np.diag(cov))
        except np.linalg.LinAlgError:
            se_all = np.full(J.shape[1], np.nan)
        for nm, v in zip(_bp_names(kind), bp):
            coef[nm] = v
        se = dict(zip(names + _bp_names(kind), se_all))
    else:
        se = dict(zip(names, bse_full))
    tstat = {k: (coef[k] / se[k] if se[k] > 0 else (0.0 if coef[k] == 0 else np.inf)) for k in coef}
    pval = {k: float(2 * _st.t.sf(abs(tstat[k]), n - p)) for k in coef}
    fitted = pd.Series(X @ beta, index=frame.index, name="fitted")
    cv = S.cv_rmse(y, fitted.to_numpy(), p)
    bias = S.nmbe(y, fitted.to_numpy(), p)
    return Baseline(kind=kind, energy=energy, drivers=tuple(drivers), temperature=temperature,
                    coefficients=coef, std_errors=se, t_stats=tstat, p_values=pval,
                    r2=S.r2(y, fitted.to_numpy()), adj_r2=S.adjusted_r2(y, fitted.to_numpy(), p),
                    cv_rmse=cv, nmbe=bias, autocorrelation=S.lag1_autocorrelation(resid),
                    n=n, p=p, interval=interval, acceptance=S.acceptance(interval, cv, bias),
                    fitted=fitted, residuals=pd.Series(resid, index=frame.index, name="residual"))


def _physical(b: Baseline) -> tuple[bool, str]:
    """Slopes significant and with the physical sign; breakpoints ordered."""
    for k in ("heating_slope", "cooling_slope", "temperature_slope"):
        if k in b.coefficients:
            if b.p_values[k] >= _SIGNIFICANCE:
                return False, f"{k} not significant (p = {b.p_values[k]:.3g})"
            if k != "temperature_slope" and b.coefficients[k] <= 0:
                return False, f"{k} = {b.coefficients[k]:.4g} <= 0 (unphysical)"
    for d in b.drivers:
        if d != b.temperature and d in b.p_values and b.p_values[d] >= _SIGNIFICANCE:
            return False, f"driver {d} not significant (p = {b.p_values[d]:.3g})"
    return True, ""


def fit_baseline(frame: pd.DataFrame, energy: str = "energy", drivers=("temperature",),
                 model: str = "auto", *, temperature: str | None = None,
                 interval: str | None = None) -> Baseline:
    """Fit a baseline model of ``energy`` on ``drivers`` (one row per period).

    Parameters
    ----------
    frame : DataFrame with a DatetimeIndex, the energy column and the driver columns; no
        missing values (gaps are reported by :func:`procsim.mv.data.periods`, never filled).
    energy : energy column (any unit: kWh, Nm3, t steam ...; savings come in the same unit).
    drivers : driver columns (temperature [degC or degF], production, degree-days ...).
    model : one of :data:`MODELS` or "auto": every applicable model is fitted and the one
        with the highest adjusted R² among those whose slopes are significant (p < 0.05)
        and physical (heating/cooling slopes > 0) is chosen; the table of candidates is in
        ``.candidates``. "towt" needs sub-daily data and is a candidate of "auto" only then.
    temperature : the temperature driver (default: the driver named "temperature", or
        containing "temp"); change-point and TOWT models need one.
    interval : "monthly", "daily" or "hourly" for the acceptance limits (default: inferred).

    Returns
    -------
    :class:`Baseline` with ``.kind``, ``.coefficients``, ``.r2``, ``.cv_rmse``, ``.nmbe``,
    ``.predict(frame)`` and the rest of the Guideline 14 statistics.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> t = pd.date_range("2023-01-01", periods=365, freq="D")
    >>> temp = 20 + 10 * np.sin(2 * np.pi * np.arange(365) / 365)
    >>> e = 500 + 30 * np.maximum(temp - 22, 0) + np.random.default_rng(1).normal(0, 5, 365)
    >>> b = fit_baseline(pd.DataFrame({"energy": e, "temperature": temp}, index=t))
    >>> b.kind, round(b.coefficients["cooling_breakpoint"])
    ('3p_cooling', 22)
    """
    if not isinstance(frame, pd.DataFrame) or not isinstance(frame.index, pd.DatetimeIndex):
        raise ValueError("frame must be a pandas DataFrame indexed by time (DatetimeIndex)")
    if isinstance(drivers, str):
        drivers = tuple(d.strip() for d in drivers.split(",") if d.strip())
    drivers = tuple(drivers)
    if model != "auto" and model not in MODELS:
        raise ValueError(f"model must be 'auto' or one of {', '.join(MODELS)}; got {model!r}")
    missing = [c for c in (energy,) + drivers if c not in frame.columns]
    if missing:
        raise ValueError(f"frame lacks column(s) {missing}; has {list(frame.columns)}")
    data = frame[[energy, *drivers]]
    if data.isna().any().any():
        bad = data.index[data.isna().any(axis=1)]
        raise ValueError(f"{len(bad)} period(s) with missing values (first {bad[0]}): M&V never "
                         "fills gaps; drop those periods and report them")
    if temperature is None:
        temps = [d for d in drivers if d == "temperature"] or [d for d in drivers if "temp" in d.lower()]
        temperature = temps[0] if temps else None
    elif temperature not in drivers:
        raise ValueError(f"temperature {temperature!r} must be one of the drivers {drivers}")
    interval = interval or infer_interval(frame.index)
    if interval not in S.ACCEPTANCE:
        raise ValueError(f"interval must be one of {', '.join(S.ACCEPTANCE)}; got {interval!r}")
    if model == "auto":
        kinds = (["ols"] if (temperature is None or len(drivers) > 1) else [])
        if temperature:
            kinds += ["2p", "3p_heating", "3p_cooling", "4p", "5p"]
            if interval == "hourly":
                kinds.append("towt")
        if not kinds:
            raise ValueError("no driver to model energy on")
    else:
        if model != "ols" and temperature is None:
            raise ValueError(f"model {model!r} needs a temperature driver; drivers are {drivers}")
        kinds = [model]
    fits, rows = [], []
    for k in kinds:
        try:
            b = _fit_one(k, data, energy, drivers, temperature, interval)
        except ValueError as exc:
            rows.append({"model": k, "adj_r2": np.nan, "cv_rmse": np.nan, "eligible": False,
                         "reason": str(exc)})
            continue
        ok, why = _physical(b)
        fits.append((b, ok))
        rows.append({"model": k, "adj_r2": b.adj_r2, "cv_rmse": b.cv_rmse, "eligible": ok,
                     "reason": why})
    if not fits:
        raise ValueError("no model could be fitted: " + "; ".join(r["reason"] for r in rows))
    table = pd.DataFrame(rows).set_index("model")
    eligible = [b for b, ok in fits if ok]
    notes = []
    if model == "auto":
        pool = eligible or [b for b, _ in fits]
        if not eligible:
            notes.append("no candidate had significant, physical slopes; the best adjusted R² "
                         "is reported and should not be relied on")
        best = max(pool, key=lambda b: b.adj_r2)
        notes.append(f"model selected by adjusted R² among {', '.join(table.index)} "
                     f"(significance p < {_SIGNIFICANCE})")
    else:
        best = fits[0][0]
        if not fits[0][1]:
            notes.append(f"{best.kind}: {rows[0]['reason']}")
    if best.kind == "towt":
        notes.append("TOWT fitted as one occupancy mode (no occupied/unoccupied split)")
    return Baseline(**{**best.__dict__, "candidates": table, "notes": tuple(notes)})
