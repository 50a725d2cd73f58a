"""Savings from a baseline model: avoided energy, normalised savings, Option A, accounting.

Avoided energy (IPMVP Core Concepts 2022, eq. 1; "adjusted baseline" savings): the
baseline model predicts what the facility would have used under the reporting period's
conditions; savings = adjusted baseline + non-routine adjustments - metered use.
Normalised savings: both periods' models predict a standard set of conditions (a normal
weather year, a standard production plan); savings = baseline model - reporting model.

Non-routine adjustments are explicit entries (:class:`Adjustment`), each with its
amount in the energy unit, the reason and the evidence; they are added to the adjusted
baseline (positive: the baseline would have used more, e.g. a production line added
during the reporting period; negative: less, e.g. a building wing closed).

References
----------
EVO, *International Performance Measurement and Verification Protocol: Core Concepts*,
EVO 10000-1:2022, sec. 4 and 8 (avoided energy, normalised savings, non-routine
adjustments, Options A-D).
ASHRAE Guideline 14-2014, Annex B (savings uncertainty).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats as _st

from procsim.mv import statistics as S
from procsim.mv.models import Baseline

__all__ = ["Adjustment", "Savings", "avoided_energy", "normalised_savings",
           "NormalisedSavings", "KeyParameterSavings", "option_a"]


@dataclass(frozen=True)
class Adjustment:
    """A documented non-routine adjustment to the baseline [energy unit of the model]."""

    name: str
    amount: float
    reason: str
    evidence: str = ""

    def __post_init__(self):
        if not self.name or not self.reason:
            raise ValueError("a non-routine adjustment needs a name and a reason "
                             f"(IPMVP: documented); got name={self.name!r}, reason={self.reason!r}")
        if not math.isfinite(float(self.amount)):
            raise ValueError(f"adjustment {self.name!r}: amount must be finite; got {self.amount!r}")


@dataclass(frozen=True)
class Savings:
    """Avoided energy over a reporting period, with its Guideline 14 uncertainty.

    ``savings`` (energy unit, whole period), ``uncertainty`` (absolute, at ``confidence``),
    ``fractional_uncertainty`` (uncertainty / savings), ``fraction`` (savings / adjusted
    baseline), ``adjusted_baseline`` (model prediction + adjustments), ``reporting``
    (metered), ``periods`` (DataFrame per period: measured, baseline, savings, cusum),
    ``baseline`` (the :class:`Baseline`), ``m`` reporting points, ``effective_n``,
    ``t`` value, ``fsu_68`` (fractional uncertainty at 68 %, for the Guideline 14 test
    "below 50 % at 68 %"), ``notes``.
    """

    savings: float
    uncertainty: float
    fractional_uncertainty: float
    confidence: float
    fraction: float
    adjusted_baseline: float
    reporting: float
    periods: pd.DataFrame = field(repr=False)
    baseline: Baseline = field(repr=False)
    adjustments: tuple = ()
    m: int = 0
    effective_n: float = 0.0
    fsu_68: float = float("nan")
    notes: tuple = ()

    @property
    def low(self) -> float:
        return self.savings - self.uncertainty

    @property
    def high(self) -> float:
        return self.savings + self.uncertainty

    @property
    def fsu_pass(self) -> bool:
        """Guideline 14: savings uncertainty below 50 % of the savings at 68 % confidence."""
        return bool(abs(self.fsu_68) < S.FSU_LIMIT[0])

    def summary(self) -> dict:
        return {"savings": self.savings, "uncertainty": self.uncertainty,
                "confidence": self.confidence, "fractional_uncertainty": self.fractional_uncertainty,
                "savings_fraction": self.fraction, "adjusted_baseline": self.adjusted_baseline,
                "reporting": self.reporting, "reporting_points": self.m,
                "fsu_68": self.fsu_68, "fsu_pass": self.fsu_pass,
                "adjustments": [a.__dict__ for a in self.adjustments]}

    def accounting(self, carrier: str, *, region: str = "TW", year: int = 2024, prices=None,
                   annualise: float = 1.0, **compare_kw):
        """CO2e and money of the savings through :func:`procsim.accounting.compare`.

        ``carrier``: the accounting carrier of the energy unit ("electricity_kwh" for kWh,
        "natural_gas_nm3" for Nm3, "steam_t" ...). ``annualise``: factor to a year (1 when
        the reporting period is a year). The band is carried through at the same factor.
        Returns (Comparison of the central value, (low, high) CO2e saved [t], (low, high)
        money saved).
        """
        from procsim.accounting import compare

        base = self.adjusted_baseline * annualise
        rep = self.reporting * annualise
        c = compare({carrier: base}, {carrier: rep}, region=region, year=year, prices=prices,
                    **compare_kw)
        per = c.co2e_saved_t["total"] / (base - rep) if base != rep else 0.0
        money = c.cost_saved / (base - rep) if base != rep else 0.0
        lo, hi = (self.low * annualise, self.high * annualise)
        return c, (lo * per, hi * per), (lo * money, hi * money)


def _reporting_measured(baseline, frame):
    if baseline.energy not in frame.columns:
        raise ValueError(f"reporting frame lacks the energy column {baseline.energy!r}")
    y = frame[baseline.energy]
    if y.isna().any():
        raise ValueError(f"reporting energy missing at {int(y.isna().sum())} period(s) (first "
                         f"{y.index[y.isna()][0]}): gaps are never filled; drop those periods")
    return y


def avoided_energy(baseline: Baseline, reporting_frame: pd.DataFrame, confidence: float = 0.9,
                   adjustments=()) -> Savings:
    """Avoided energy over the reporting period and its ASHRAE Guideline 14 uncertainty.

    Parameters
    ----------
    baseline : a fitted :class:`Baseline`.
    reporting_frame : the reporting period, same columns and interval as the baseline data.
    confidence : two-sided confidence of the uncertainty (0.90 default; 0.68 and 0.95 common).
    adjustments : :class:`Adjustment` entries (non-routine adjustments to the baseline).

    Returns
    -------
    :class:`Savings` with ``.savings`` (same unit as energy), ``.uncertainty`` (absolute,
    Guideline 14 fractional savings uncertainty with the autocorrelation correction x the
    savings) and ``.fractional_uncertainty``.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be in (0, 1); got {confidence}")
    measured = _reporting_measured(baseline, reporting_frame)
    predicted = baseline.predict(reporting_frame)
    adjustments = tuple(adjustments)
    for a in adjustments:
        if not isinstance(a, Adjustment):
            raise ValueError(f"adjustments must be Adjustment entries; got {a!r}")
    adj = sum(float(a.amount) for a in adjustments)
    base_total = float(predicted.sum()) + adj
    rep_total = float(measured.sum())
    saved = base_total - rep_total
    m = len(measured)
    notes = list(baseline.notes)
    if saved == 0.0 or base_total <= 0.0:
        raise ValueError(f"savings are {saved!r} on an adjusted baseline of {base_total!r}: no "
                         "fractional uncertainty exists")
    fraction = saved / base_total
    fsu = S.fractional_savings_uncertainty(baseline.cv_rmse, baseline.n, m, fraction,
                                           baseline.autocorrelation, baseline.p, confidence)
    fsu68 = S.fractional_savings_uncertainty(baseline.cv_rmse, baseline.n, m, fraction,
                                             baseline.autocorrelation, baseline.p, 0.68)
    periods = pd.DataFrame({"measured": measured, "baseline": predicted})
    periods["savings"] = periods["baseline"] - periods["measured"]
    periods["cusum"] = periods["savings"].cumsum()
    if adj:
        notes.append(f"non-routine adjustments {adj:+,.6g} added to the baseline total")
    lo_q, hi_q = baseline.fitted.index.min(), baseline.fitted.index.max()
    return Savings(savings=saved, uncertainty=abs(fsu * saved), fractional_uncertainty=abs(fsu),
                   confidence=confidence, fraction=fraction, adjusted_baseline=base_total,
                   reporting=rep_total, periods=periods, baseline=baseline,
                   adjustments=adjustments, m=m,
                   effective_n=S.effective_n(baseline.n, baseline.autocorrelation),
                   fsu_68=abs(fsu68),
                   notes=tuple(notes) + (f"baseline period {lo_q:%Y-%m-%d} to {hi_q:%Y-%m-%d}",))


@dataclass(frozen=True)
class NormalisedSavings:
    """Savings of both periods' models under standard conditions, with the band."""

    savings: float
    uncertainty: float
    confidence: float
    baseline_use: float
    reporting_use: float
    periods: pd.DataFrame = field(repr=False)


def _prediction_band(model: Baseline, m: int, confidence: float) -> float:
    """Guideline 14 absolute uncertainty of a model's total over m periods:
    t 1.26 CV ybar sqrt(n/n' (1 + 2/n') m) (the form eemeter/opendsm implements)."""
    n_eff = S.effective_n(model.n, model.autocorrelation)
    t = float(_st.t.ppf(0.5 + confidence / 2.0, n_eff - model.p))
    return t * 1.26 * model.cv_rmse * model.mean_energy * math.sqrt(
        model.n / n_eff * (1.0 + 2.0 / n_eff) * m)


def normalised_savings(baseline: Baseline, reporting_model: Baseline, conditions: pd.DataFrame,
                       confidence: float = 0.9) -> NormalisedSavings:
    """Normalised savings: both models predict ``conditions`` (a standard year of drivers).

    The uncertainty is the two models' prediction uncertainties in quadrature (Reddy and
    Claridge 2000: the models are fitted to independent data).
    """
    b = baseline.predict(conditions)
    r = reporting_model.predict(conditions)
    m = len(conditions)
    u = math.hypot(_prediction_band(baseline, m, confidence),
                   _prediction_band(reporting_model, m, confidence))
    periods = pd.DataFrame({"baseline_model": b, "reporting_model": r})
    periods["savings"] = b - r
    return NormalisedSavings(float(b.sum() - r.sum()), u, confidence, float(b.sum()),
                             float(r.sum()), periods)


@dataclass(frozen=True)
class KeyParameterSavings:
    """IPMVP Option A: measured key parameter x stipulated parameter."""

    savings: float
    uncertainty: float
    confidence: float
    measured_before: float
    measured_after: float
    stipulated: float
    stipulated_source: str
    notes: tuple = ()


def option_a(before, after, stipulated: float, stipulated_source: str,
             confidence: float = 0.9) -> KeyParameterSavings:
    """Savings = (mean measured key parameter before - after) x stipulated value.

    ``before``/``after``: short-term logs of the key parameter (e.g. one week of compressor
    power [kW]); ``stipulated``: the parameter not measured (e.g. operating hours per year),
    with its source. The band is the measurement uncertainty of the two means (standard
    error with the lag-1 autocorrelation correction n' = n (1 - rho)/(1 + rho)); a
    stipulated value carries no uncertainty in Option A (IPMVP Core Concepts 2022, sec. 8.1),
    which the notes state.
    """
    if not stipulated_source:
        raise ValueError("stipulated value needs its source (IPMVP Option A)")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be in (0, 1); got {confidence}")

    def mean_se(x, name):
        x = np.asarray(x, dtype=float)
        if x.ndim != 1 or len(x) < 3 or not np.all(np.isfinite(x)):
            raise ValueError(f"{name} must be a 1-D series of >= 3 finite readings")
        n_eff = S.effective_n(len(x), S.lag1_autocorrelation(x - x.mean()))
        return float(x.mean()), float(x.std(ddof=1)) / math.sqrt(max(n_eff, 1.0)), n_eff

    mb, sb, nb = mean_se(before, "before")
    ma, sa, na = mean_se(after, "after")
    dof = max(min(nb, na) - 1.0, 1.0)
    t = float(_st.t.ppf(0.5 + confidence / 2.0, dof))
    s = float(stipulated)
    return KeyParameterSavings((mb - ma) * s, t * math.hypot(sb, sa) * abs(s), confidence, mb, ma,
                               s, stipulated_source,
                               ("stipulated value carries no uncertainty in the band (IPMVP "
                                "Option A); the band covers only the key-parameter measurement",
                                f"effective readings: before {nb:.1f}, after {na:.1f}"))
