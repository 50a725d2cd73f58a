"""Time-series figures: load-duration curves and compressor sequencing timelines."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.plots._common import new_figure
from procsim.validation import as_array, check_positive

__all__ = ["LoadDuration", "load_duration_data", "load_duration", "sequencing_timeline"]

#: Standard atmosphere for gauge pressure display [Pa] (ISO 2533:1975).
_ATM = 101325.0


@dataclass(frozen=True)
class LoadDuration:
    """Sorted load (descending) against cumulative hours at or above it."""

    hours: np.ndarray
    load: np.ndarray

    def to_frame(self, unit: str = "kW"):
        """The curve as a DataFrame with columns ``hours [h]`` and ``load [unit]``."""
        import pandas as pd

        return pd.DataFrame({"hours [h]": self.hours, f"load [{unit}]": self.load})


def load_duration_data(values, step_seconds: float) -> LoadDuration:
    """Load-duration curve of a series sampled every ``step_seconds`` [s] (values in any unit)."""
    v = as_array("values", values)
    dt = check_positive("step_seconds", step_seconds, "s")
    if v.ndim != 1 or v.size == 0:
        raise ValueError(f"values must be a non-empty 1-D series; got shape {v.shape}")
    return LoadDuration(np.arange(1, v.size + 1) * dt / 3600.0, np.sort(v)[::-1])


def load_duration(values, step_seconds: float, unit: str = "kW", ax=None, title: str | None = None):
    """Load-duration curve: load (any unit, named by ``unit``) against hours at or above it.

    Returns the matplotlib Figure; the plotted data is :func:`load_duration_data`.

    Examples
    --------
    >>> fig = load_duration([1.0, 3.0, 2.0, 5.0], step_seconds=3600.0)
    >>> fig.axes[0].get_xlabel()
    'hours at or above load [h]'
    """
    d = load_duration_data(values, step_seconds)
    ax, fig = new_figure(7.0, 4.0, ax)
    ax.step(np.concatenate([[0.0], d.hours]), np.concatenate([d.load[:1], d.load]), where="pre",
            color="C0", lw=1.6)
    ax.fill_between(np.concatenate([[0.0], d.hours]), 0, np.concatenate([d.load[:1], d.load]),
                    step="pre", alpha=0.15, color="C0")
    mean = float(np.mean(d.load))
    ax.axhline(mean, color="k", lw=0.8, ls="--")
    ax.text(d.hours[-1], mean, f"mean {mean:,.3g} {unit} ", ha="right", va="bottom", fontsize=9)
    ax.set_xlabel("hours at or above load [h]")
    ax.set_ylabel(f"load [{unit}]")
    ax.set_xlim(0, d.hours[-1])
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.set_title(title or f"Load-duration curve, {d.hours[-1]:,.0f} h")
    return fig


def sequencing_timeline(result, start_hours: float = 0.0, hours: float = 24.0, title: str | None = None):
    """Compressor sequencing over a window of a compressed-air simulation.

    Parameters
    ----------
    result : ``units.compressed_air`` SimulationResult (``dt`` [s], ``pressure`` [Pa abs],
        ``compressor_power`` and ``compressor_flow`` of shape (steps, compressors) [W, m3/s],
        ``names``)
    start_hours, hours : window shown [h]

    Returns
    -------
    matplotlib.figure.Figure
        Three panels on one time axis [h]: header pressure [bar(g)]; free-air flow of each
        compressor, stacked [m3/min]; electric power of each compressor, stacked [kW]. A gap
        between flow and power bands shows unloaded running.
    """
    from matplotlib.figure import Figure

    dt = float(result.dt)
    i0 = max(0, int(round(start_hours * 3600.0 / dt)))
    i1 = min(result.power.size, i0 + max(1, int(round(hours * 3600.0 / dt))))
    if i1 <= i0:
        raise ValueError(f"sequencing_timeline: window starting at {start_hours} h is past the end "
                         f"of the run ({result.power.size * dt / 3600.0:g} h)")
    t = (np.arange(i0, i1) * dt) / 3600.0
    fig = Figure(figsize=(9.0, 6.5), layout="constrained")
    ax_p, ax_q, ax_w = fig.subplots(3, 1, sharex=True, height_ratios=[1, 1.4, 1.4])
    ax_p.plot(t, (result.pressure[i0:i1] - _ATM) / 1e5, color="k", lw=1)
    ax_p.set_ylabel("header pressure\n[bar(g)]")
    names = list(result.names)
    flow = result.compressor_flow[i0:i1].T * 60.0
    power = result.compressor_power[i0:i1].T / 1e3
    ax_q.stackplot(t, flow, labels=names, step="post", alpha=0.85)
    ax_q.set_ylabel("free-air flow\n[m³/min]")
    ax_w.stackplot(t, power, labels=names, step="post", alpha=0.85)
    ax_w.set_ylabel("electric power\n[kW]")
    ax_w.set_xlabel("time [h]")
    ax_q.legend(loc="upper left", fontsize=8, ncol=min(len(names), 6))
    for a in (ax_p, ax_q, ax_w):
        a.grid(True, alpha=0.3)
    ax_w.set_xlim(t[0], t[-1])
    fig.suptitle(title or f"Compressor sequencing, {t[0]:g}-{t[-1] + dt / 3600:g} h")
    return fig
