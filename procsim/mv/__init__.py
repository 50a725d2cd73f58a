"""Measurement and verification from metered data (IPMVP options A-D, ASHRAE Guideline 14).

Public API (docs/architecture.rst):

- ``fit_baseline(frame, energy="energy", drivers=("temperature",), model="auto")`` ->
  :class:`Baseline` (``.kind``, ``.coefficients``, ``.r2``, ``.cv_rmse``, ``.nmbe``,
  ``.predict(frame)``; also standard errors, t-statistics, p-values, adjusted R²,
  residual autocorrelation and the Guideline 14 acceptance).
- ``avoided_energy(baseline, reporting_frame, confidence=0.9)`` -> :class:`Savings`
  (``.savings``, ``.uncertainty``, ``.fractional_uncertainty``).

Also: ``normalised_savings``, ``option_a`` (key-parameter measurement), ``Adjustment``
(non-routine adjustments), ``read_meter``/``periods``/``degree_days`` (data in),
``statistics`` (R², CV(RMSE), NMBE, fractional savings uncertainty), ``report_section``
(Markdown and tables for reports) and ``procsim.mv.plots``.
"""
from procsim.mv import statistics
from procsim.mv.data import MeterData, degree_days, periods, read_meter
from procsim.mv.models import MODELS, Baseline, fit_baseline
from procsim.mv.report import report_section
from procsim.mv.savings import (Adjustment, KeyParameterSavings, NormalisedSavings, Savings,
                                avoided_energy, normalised_savings, option_a)

__all__ = ["fit_baseline", "avoided_energy", "Baseline", "Savings", "MODELS", "Adjustment",
           "normalised_savings", "NormalisedSavings", "option_a", "KeyParameterSavings",
           "read_meter", "periods", "degree_days", "MeterData", "statistics", "report_section"]
