"""Goodness-of-fit and savings-uncertainty statistics of ASHRAE Guideline 14.

All functions take plain arrays (measured ``y``, model ``y_hat``) and the number of model
parameters ``p``. Definitions (ASHRAE Guideline 14-2014, sec. 4.3.2.4 and Annex B):

.. math::
    R^2 = 1 - \\frac{\\sum (y_i - \\hat y_i)^2}{\\sum (y_i - \\bar y)^2}, \\qquad
    \\mathrm{CV(RMSE)} = \\frac{\\sqrt{\\sum (y_i - \\hat y_i)^2 / (n - p)}}{\\bar y}, \\qquad
    \\mathrm{NMBE} = \\frac{\\sum (y_i - \\hat y_i)}{(n - p)\\, \\bar y}

Fractional savings uncertainty (Reddy and Claridge 2000; ASHRAE Guideline 14-2014 Annex B,
eq. B-14), with the residual lag-1 autocorrelation :math:`\\rho` reducing the effective
number of baseline points to :math:`n' = n (1 - \\rho) / (1 + \\rho)`:

.. math::
    \\frac{\\Delta E_{save}}{E_{save}} = \\frac{t \\cdot 1.26 \\cdot \\mathrm{CV}
        \\sqrt{\\frac{n}{n'} \\left(1 + \\frac{2}{n'}\\right) \\frac{1}{m}}}{F}

with :math:`t` the two-sided Student t value at the confidence with :math:`n' - p`
degrees of freedom, :math:`m` the number of reporting-period points and :math:`F` the
savings as a fraction of the baseline-model energy of the reporting period. The 1.26
factor was derived by Reddy and Claridge for monthly data; for daily and hourly data the
formula is known to misstate the uncertainty when residuals are strongly autocorrelated
(Sun and Baltazar 2013), which is why ``n'`` is reported with every result.

References
----------
ASHRAE Guideline 14-2014, *Measurement of Energy, Demand, and Water Savings*, ASHRAE,
Atlanta, 2014: sec. 4.3.2.4 (acceptance: CV(RMSE) <= 15 % monthly / 30 % hourly,
|NMBE| <= 5 % / 10 %, with the model's savings uncertainty below 50 % of the savings at
68 % confidence), Annex B (B-14).
T. A. Reddy and D. E. Claridge, "Uncertainty of 'measured' energy savings from
statistical baseline models", HVAC&R Research 6(1), 2000, 3-20,
doi:10.1080/10789669.2000.10391247.
Y. Sun and J. C. Baltazar, "Analysis and improvement on the estimation of building energy
savings uncertainty", ASHRAE Transactions 119(1), 2013.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats as _st

__all__ = ["r2", "adjusted_r2", "cv_rmse", "nmbe", "lag1_autocorrelation", "effective_n",
           "fractional_savings_uncertainty", "ACCEPTANCE", "Acceptance", "acceptance"]

#: Guideline 14-2014 acceptance limits by data interval: (max CV(RMSE), max |NMBE|);
#: monthly and hourly as the Guideline states them (sec. 4.3.2.4); daily data are judged
#: against the hourly limits (assumption: the Guideline gives no daily pair).
ACCEPTANCE = {"monthly": (0.15, 0.05), "daily": (0.30, 0.10), "hourly": (0.30, 0.10)}
#: FSU acceptance: uncertainty below 50 % of the savings at 68 % confidence (G14 4.2.11)
FSU_LIMIT = (0.50, 0.68)


def _arrays(y, y_hat):
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    if y.shape != y_hat.shape or y.ndim != 1:
        raise ValueError(f"measured and predicted must be 1-D arrays of one length; got shapes "
                         f"{y.shape} and {y_hat.shape}")
    if not (np.all(np.isfinite(y)) and np.all(np.isfinite(y_hat))):
        raise ValueError("measured and predicted values must be finite (drop gaps first; "
                         "procsim.mv never fills them)")
    return y, y_hat


def r2(y, y_hat) -> float:
    """Coefficient of determination :math:`1 - SSE/SST`."""
    y, y_hat = _arrays(y, y_hat)
    sst = float(np.sum((y - y.mean()) ** 2))
    return 1.0 - float(np.sum((y - y_hat) ** 2)) / sst if sst > 0 else float("nan")


def adjusted_r2(y, y_hat, p: int) -> float:
    """:math:`1 - (1 - R^2)(n - 1)/(n - p)` with ``p`` parameters including the intercept."""
    n = len(np.asarray(y))
    return 1.0 - (1.0 - r2(y, y_hat)) * (n - 1) / (n - p)


def _check_dof(n, p):
    if not n - p >= 1:
        raise ValueError(f"need more data points than model parameters; got n={n}, p={p}")


def cv_rmse(y, y_hat, p: int) -> float:
    """CV(RMSE) [-]: root-mean-square error with n - p degrees of freedom over the mean."""
    y, y_hat = _arrays(y, y_hat)
    _check_dof(len(y), p)
    return math.sqrt(float(np.sum((y - y_hat) ** 2)) / (len(y) - p)) / float(y.mean())


def nmbe(y, y_hat, p: int) -> float:
    """Normalised mean bias error [-], measured minus predicted, over (n - p) x mean."""
    y, y_hat = _arrays(y, y_hat)
    _check_dof(len(y), p)
    return float(np.sum(y - y_hat)) / ((len(y) - p) * float(y.mean()))


def lag1_autocorrelation(residuals) -> float:
    """Lag-1 autocorrelation of residuals, :math:`\\sum e_i e_{i-1} / \\sum e_i^2`
    (the form used by Reddy and Claridge 2000)."""
    e = np.asarray(residuals, dtype=float)
    e = e - e.mean()
    den = float(np.sum(e * e))
    return float(np.sum(e[1:] * e[:-1]) / den) if den > 0 else 0.0


def effective_n(n: int, rho: float) -> float:
    """Effective number of independent points :math:`n (1 - \\rho)/(1 + \\rho)`; ``rho`` < 0
    is taken as 0 (no credit for negative autocorrelation, judgement)."""
    rho = max(float(rho), 0.0)
    return n * (1.0 - rho) / (1.0 + rho)


def fractional_savings_uncertainty(cv: float, n: int, m: int, fraction: float, rho: float,
                                   p: int, confidence: float = 0.90) -> float:
    """Guideline 14 fractional savings uncertainty (see module docstring).

    Parameters
    ----------
    cv : CV(RMSE) of the baseline model [-]. n : baseline points. m : reporting points.
    fraction : savings / baseline-model energy of the reporting period [-] (> 0).
    rho : lag-1 autocorrelation of the baseline residuals. p : model parameters.
    confidence : two-sided confidence level in (0, 1).

    Returns ``inf`` for a zero savings fraction would be meaningless, so ``fraction`` must
    be non-zero (ValueError otherwise); a negative fraction gives a negative result whose
    magnitude is the uncertainty relative to the (negative) savings.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be in (0, 1); got {confidence}")
    if fraction == 0.0 or not math.isfinite(fraction):
        raise ValueError(f"savings fraction must be finite and non-zero; got {fraction}")
    n_eff = effective_n(n, rho)
    _check_dof(n_eff, p)
    t = float(_st.t.ppf(0.5 + confidence / 2.0, n_eff - p))
    return t * 1.26 * cv * math.sqrt(n / n_eff * (1.0 + 2.0 / n_eff) / m) / fraction


@dataclass(frozen=True)
class Acceptance:
    """Guideline 14 acceptance of a baseline model: limits, values and pass/fail."""

    interval: str
    cv_rmse: float
    nmbe: float
    cv_limit: float
    nmbe_limit: float

    @property
    def cv_pass(self) -> bool:
        return self.cv_rmse <= self.cv_limit

    @property
    def nmbe_pass(self) -> bool:
        return abs(self.nmbe) <= self.nmbe_limit

    @property
    def passed(self) -> bool:
        return self.cv_pass and self.nmbe_pass

    def text(self) -> str:
        ok = {True: "pass", False: "FAIL"}
        return (f"ASHRAE Guideline 14 ({self.interval} data): CV(RMSE) {100 * self.cv_rmse:.2f} % "
                f"<= {100 * self.cv_limit:g} %: {ok[self.cv_pass]}; |NMBE| {100 * abs(self.nmbe):.3f} % "
                f"<= {100 * self.nmbe_limit:g} %: {ok[self.nmbe_pass]}")


def acceptance(interval: str, cv: float, bias: float) -> Acceptance:
    """Judge CV(RMSE) and NMBE against the Guideline 14 limits of ``interval``
    ("monthly", "daily" or "hourly"; sub-hourly data are judged as hourly)."""
    if interval not in ACCEPTANCE:
        raise ValueError(f"interval must be one of {', '.join(ACCEPTANCE)}; got {interval!r}")
    cv_lim, nmbe_lim = ACCEPTANCE[interval]
    return Acceptance(interval, float(cv), float(bias), cv_lim, nmbe_lim)
