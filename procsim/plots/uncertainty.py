"""Monte Carlo figures: histograms of outputs and a tornado chart of which inputs matter."""
from __future__ import annotations

import math

import numpy as np

from procsim.plots._common import new_figure

__all__ = ["mc_histograms", "tornado_data", "tornado"]


def mc_histograms(result, outputs=None, units: dict | None = None, bins: int = 60):
    """Histogram of each Monte Carlo output with its P5, P50 and P95 marked.

    Parameters
    ----------
    result : procsim.batch.MonteCarloResult (``outputs``: name -> array)
    outputs : names to draw (default: all)
    units : {output name: unit label} for the axis titles ("yr", "NT$/yr", ...); the x axis of
        an output without one reads "[-]"
    """
    from matplotlib.figure import Figure

    names = list(outputs or result.outputs)
    units = dict(units or {})
    fig = Figure(figsize=(4.8 * len(names), 3.8), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(names)))
    for ax, k in zip(axes, names):
        v = np.asarray(result.outputs[k], float)
        v = v[np.isfinite(v)]
        ax.hist(v, bins=bins, color="#4292c6", alpha=0.85)
        for q, ls in ((5, ":"), (50, "--"), (95, ":")):
            x = float(np.percentile(v, q))
            ax.axvline(x, color="k", ls=ls, lw=1)
            ax.text(x, ax.get_ylim()[1] * 0.97, f" P{q}\n {x:,.3g}", va="top", fontsize=8)
        ax.set_xlabel(f"{k} [{units.get(k, '-')}]")
        ax.set_ylabel("scenarios [count]")
        ax.grid(True, alpha=0.3)
    fig.suptitle(f"Monte Carlo, {len(v):,} scenarios (seed {result.seed})")
    return fig


def tornado_data(result, output: str, tail: float = 0.1) -> list[tuple[str, float, float]]:
    """Swing of ``output`` with each input, read from the Monte Carlo samples themselves.

    For each input, the mean of ``output`` over the scenarios whose input lies in its lowest
    ``tail`` share and over those in its highest share (all other inputs varying as sampled).
    This is a model-free, sample-based form of the one-at-a-time tornado chart (A. Saltelli et
    al., *Global Sensitivity Analysis: The Primer*, Wiley, 2008, sec. 1.2.3, on scatterplot
    and conditional-mean screening). Returns [(input, mean at low tail, mean at high tail)],
    widest swing first.
    """
    if not 0 < tail <= 0.5:
        raise ValueError(f"tail must be in (0, 0.5]; got {tail!r}")
    y = np.asarray(result.outputs[output], float)
    rows = []
    for k, x in result.inputs.items():
        x = np.asarray(x, float)
        if np.ptp(x) == 0:
            continue
        lo, hi = np.quantile(x, [tail, 1.0 - tail])
        rows.append((k, float(np.nanmean(y[x <= lo])), float(np.nanmean(y[x >= hi]))))
    rows.sort(key=lambda r: -abs(r[2] - r[1]))
    return rows


def tornado(result, output: str, unit: str = "-", tail: float = 0.1, ax=None):
    """Tornado chart of :func:`tornado_data`: bars from the output's mean with each input low
    (its lowest ``tail`` share) to high (highest share); the widest bar matters most.

    Returns the matplotlib Figure; the x axis is ``output [unit]``.
    """
    rows = tornado_data(result, output, tail)
    if not rows:
        raise ValueError("tornado: no input varies in this Monte Carlo result")
    y_all = np.asarray(result.outputs[output], float)
    base = float(np.nanmean(y_all))
    ax, fig = new_figure(7.5, 0.6 * len(rows) + 1.8, ax)
    for i, (k, lo, hi) in enumerate(reversed(rows)):
        ax.barh(i, lo - base, left=base, color="#6baed6", edgecolor="k", lw=0.5,
                label="input low" if i == 0 else None)
        ax.barh(i, hi - base, left=base, color="#fd8d3c", edgecolor="k", lw=0.5,
                label="input high" if i == 0 else None)
    ax.set_yticks(range(len(rows)), [r[0] for r in reversed(rows)])
    ax.axvline(base, color="k", lw=0.8)
    ax.set_xlabel(f"{output} [{unit}], mean over scenarios with the input in its lowest / highest "
                  f"{100 * tail:g} %")
    ax.grid(True, axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(f"What drives {output} (mean {base:,.3g} {unit})")
    if not math.isfinite(base):
        raise ValueError(f"tornado: output {output!r} has no finite values")
    return fig
