"""M&V figures: baseline vs reporting period, change-point fit, residuals, CUSUM of savings.

Each function returns a ``matplotlib.figure.Figure`` (no pyplot); save it with
``fig.savefig(path)``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from procsim.mv.models import Baseline
from procsim.mv.savings import Savings

__all__ = ["baseline_vs_reporting", "change_point_fit", "residuals", "cusum"]


def _figure(width=8.0, height=4.5, rows=1):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    axes = [fig.add_subplot(rows, 1, i + 1) for i in range(rows)]
    return fig, axes


def baseline_vs_reporting(baseline: Baseline, savings: Savings, unit: str = "kWh"):
    """Metered energy in both periods and the baseline model over them (adjusted baseline)."""
    fig, (ax,) = _figure()
    base_y = baseline.fitted + baseline.residuals
    ax.plot(base_y.index, base_y.to_numpy(), lw=0.8, color="0.35", label="baseline period, metered")
    ax.plot(baseline.fitted.index, baseline.fitted.to_numpy(), lw=0.8, color="tab:blue",
            label=f"baseline model ({baseline.kind})")
    p = savings.periods
    ax.plot(p.index, p["measured"].to_numpy(), lw=0.8, color="tab:green",
            label="reporting period, metered")
    ax.plot(p.index, p["baseline"].to_numpy(), lw=0.8, color="tab:blue", ls="--",
            label="adjusted baseline (model, reporting conditions)")
    ax.set_ylabel(f"energy per {baseline.interval.rstrip('ly') or 'period'} [{unit}]"
                  if baseline.interval != "daily" else f"energy per day [{unit}]")
    ax.set_title(f"Savings {savings.savings:,.0f} +/- {savings.uncertainty:,.0f} {unit} "
                 f"({100 * savings.fraction:.1f} %, {100 * savings.confidence:.0f} % confidence)")
    ax.legend(fontsize=8, loc="best")
    ax.grid(alpha=0.3)
    return fig


def change_point_fit(baseline: Baseline, frame: pd.DataFrame | None = None, unit: str = "kWh",
                     temperature_unit: str = "degC"):
    """Energy against temperature with the fitted change-point line and breakpoints.

    With other drivers in the model, the points are shown with those drivers' effect
    removed (energy minus their fitted contribution), so the temperature response is
    what the plot shows.
    """
    if baseline.temperature is None:
        raise ValueError("change_point_fit needs a model with a temperature driver")
    fig, (ax,) = _figure(7.0, 4.5)
    y = (baseline.fitted + baseline.residuals).to_numpy()
    if frame is None:
        raise ValueError("pass the baseline frame (its temperature column) to plot the fit")
    T = frame.loc[baseline.fitted.index, baseline.temperature].to_numpy(dtype=float)
    others = [d for d in baseline.drivers if d != baseline.temperature]
    shift = np.zeros_like(y)
    for d in others:
        c = baseline.coefficients.get(d, 0.0)
        x = frame.loc[baseline.fitted.index, d].to_numpy(dtype=float)
        shift += c * (x - x.mean())
    ax.scatter(T, y - shift, s=8, alpha=0.6, color="0.3", label="metered" +
               (" (other drivers at their mean)" if others else ""))
    grid = np.linspace(T.min(), T.max(), 300)
    g = pd.DataFrame({baseline.temperature: grid}, index=pd.date_range("2001-01-01", periods=300, freq="h"))
    for d in others:
        g[d] = frame.loc[baseline.fitted.index, d].mean()
    if baseline.kind != "towt":
        ax.plot(grid, baseline.predict(g).to_numpy(), color="tab:red", lw=2,
                label=f"{baseline.kind} fit (R² {baseline.r2:.3f}, CV(RMSE) {100 * baseline.cv_rmse:.1f} %)")
    for name, v in baseline.breakpoints.items():
        se = baseline.std_errors[name]
        ax.axvline(v, color="tab:red", ls=":", lw=1)
        ax.text(v, ax.get_ylim()[1], f" {name.replace('_', ' ')}\n {v:.2f} +/- {se:.2f}",
                va="top", fontsize=8)
    ax.set_xlabel(f"{baseline.temperature} [{temperature_unit}]")
    ax.set_ylabel(f"{baseline.energy} [{unit}]")
    ax.legend(fontsize=8, loc="best")
    ax.grid(alpha=0.3)
    return fig


def residuals(baseline: Baseline, unit: str = "kWh"):
    """Baseline residuals over time and against the fitted value, with the lag-1 autocorrelation."""
    fig, (a1, a2) = _figure(8.0, 6.0, rows=2)
    r = baseline.residuals
    a1.plot(r.index, r.to_numpy(), lw=0.7, color="tab:purple")
    a1.axhline(0.0, color="0.2", lw=0.8)
    a1.set_ylabel(f"residual [{unit}]")
    a1.set_title(f"{baseline.kind}: CV(RMSE) {100 * baseline.cv_rmse:.2f} %, NMBE "
                 f"{100 * baseline.nmbe:.3f} %, lag-1 autocorrelation {baseline.autocorrelation:.2f}; "
                 + ("Guideline 14 pass" if baseline.acceptance.passed else "Guideline 14 FAIL"),
                 fontsize=9)
    a1.grid(alpha=0.3)
    a2.scatter(baseline.fitted.to_numpy(), r.to_numpy(), s=6, alpha=0.5, color="tab:purple")
    a2.axhline(0.0, color="0.2", lw=0.8)
    a2.set_xlabel(f"fitted [{unit}]")
    a2.set_ylabel(f"residual [{unit}]")
    a2.grid(alpha=0.3)
    return fig


def cusum(savings: Savings, unit: str = "kWh"):
    """Cumulative sum of savings over the reporting period, with the final band."""
    fig, (ax,) = _figure(8.0, 4.0)
    c = savings.periods["cusum"]
    ax.plot(c.index, c.to_numpy(), color="tab:green", lw=1.5, label="cumulative savings")
    ax.errorbar([c.index[-1]], [savings.savings], yerr=[[savings.uncertainty], [savings.uncertainty]],
                fmt="o", color="tab:red", capsize=4,
                label=f"total {savings.savings:,.0f} +/- {savings.uncertainty:,.0f} "
                      f"({100 * savings.confidence:.0f} %)")
    ax.axhline(0.0, color="0.2", lw=0.8)
    ax.set_ylabel(f"CUSUM of savings [{unit}]")
    ax.legend(fontsize=8, loc="upper left")
    ax.grid(alpha=0.3)
    return fig
