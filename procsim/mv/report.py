"""The M&V section of a report: Markdown text and the tables behind it."""
from __future__ import annotations

import pandas as pd

from procsim.mv.models import Baseline
from procsim.mv.savings import Savings

__all__ = ["report_section"]


def report_section(baseline: Baseline, savings: Savings | None = None, *, unit: str = "kWh",
                   title: str = "Measurement and verification", accounting=None):
    """(Markdown text, {name: DataFrame}) of an M&V result, for md/html/xlsx reports.

    ``accounting``: the triple returned by :meth:`Savings.accounting` (Comparison, CO2e band,
    money band), to state CO2e and money with their bands.
    """
    st = baseline.statistics()
    coef = baseline.table()
    tables = {"mv_model_statistics": pd.DataFrame([st]), "mv_coefficients": coef}
    if baseline.candidates is not None:
        tables["mv_model_candidates"] = baseline.candidates
    lines = [f"## {title}", "",
             f"Baseline model: **{baseline.kind}** on {', '.join(baseline.drivers)} "
             f"({baseline.n} {baseline.interval} periods, {baseline.p} parameters).", "",
             "| Statistic | Value | Limit | Result |", "|---|---|---|---|",
             f"| R² (adjusted) | {baseline.r2:.4f} ({baseline.adj_r2:.4f}) | | |",
             f"| CV(RMSE) | {100 * baseline.cv_rmse:.2f} % | <= {100 * baseline.acceptance.cv_limit:g} % | "
             f"{'pass' if baseline.acceptance.cv_pass else 'FAIL'} |",
             f"| NMBE | {100 * baseline.nmbe:.3f} % | +/- {100 * baseline.acceptance.nmbe_limit:g} % | "
             f"{'pass' if baseline.acceptance.nmbe_pass else 'FAIL'} |",
             f"| Lag-1 autocorrelation of residuals | {baseline.autocorrelation:.3f} | | "
             f"n' = {st['effective_n']:.1f} |", "",
             "| Coefficient | Value | Std. error | t | p |", "|---|---|---|---|---|"]
    shown = coef if len(coef) <= 20 else coef[~coef.index.str.startswith("tow_")]
    for k, r in shown.iterrows():
        lines.append(f"| {k} | {r['value']:.6g} | {r['std_error']:.3g} | {r['t_stat']:.3g} | "
                     f"{r['p_value']:.3g} |")
    if len(shown) < len(coef):
        lines.append(f"| ({len(coef) - len(shown)} time-of-week coefficients in the table) | | | | |")
    lines.append("")
    if savings is not None:
        tables["mv_periods"] = savings.periods
        tables["mv_savings"] = pd.DataFrame([savings.summary()]).drop(columns=["adjustments"])
        lines += [f"Avoided energy over {savings.m} reporting periods: **{savings.savings:,.0f} {unit}** "
                  f"+/- {savings.uncertainty:,.0f} {unit} at {100 * savings.confidence:.0f} % confidence "
                  f"({100 * savings.fraction:.2f} % of the adjusted baseline {savings.adjusted_baseline:,.0f} "
                  f"{unit}; fractional savings uncertainty {100 * savings.fractional_uncertainty:.1f} %, "
                  "ASHRAE Guideline 14 Annex B with the autocorrelation correction).",
                  f"Guideline 14 savings test (uncertainty < 50 % of savings at 68 %): "
                  f"{100 * savings.fsu_68:.1f} %: {'pass' if savings.fsu_pass else 'FAIL'}.", ""]
        for a in savings.adjustments:
            lines.append(f"- Non-routine adjustment *{a.name}*: {a.amount:+,.6g} {unit}: {a.reason}"
                         + (f" (evidence: {a.evidence})" if a.evidence else ""))
        if accounting is not None:
            cmp, co2_band, money_band = accounting
            lines += ["", f"CO2e avoided: {cmp.co2e_saved_t['total']:,.1f} t "
                      f"({co2_band[0]:,.1f}-{co2_band[1]:,.1f} t); money saved: {cmp.cost_saved:,.0f} "
                      f"{cmp.currency} ({money_band[0]:,.0f}-{money_band[1]:,.0f}).",
                      "Factors: " + "; ".join(f"{f['name']} {f['value']:g} {f['unit']} ({f['source'][:80]})"
                                              for f in cmp.factors)]
    for n in baseline.notes:
        lines.append(f"- {n}")
    return "\n".join(lines) + "\n", tables
