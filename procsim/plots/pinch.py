"""Composite and grand composite curves of a pinch analysis (:func:`procsim.pinch.targets`).

The composite curves follow B. Linnhoff et al., *A User Guide on Process Integration for the
Efficient Use of Energy*, IChemE, 1982 (rev. 1994), ch. 2; the grand composite curve and the
placing of utilities against it, I. C. Kemp, *Pinch Analysis and Process Integration*, 2nd ed.,
Butterworth-Heinemann, 2007, sec. 2.7 and 4.3.
"""
from __future__ import annotations

import math

import numpy as np

from procsim.plots._common import celsius, format_power, new_figure, power_unit

__all__ = ["composite_curves", "grand_composite_curve"]


def composite_curves(targets, ax=None, title: str | None = None):
    """Hot and cold composite curves with the pinch, heat recovery and both utilities marked.

    Parameters
    ----------
    targets : procsim.pinch.PinchTargets (from :func:`procsim.pinch.targets`)

    Returns
    -------
    matplotlib.figure.Figure
        Temperature [°C] (real, not shifted) against cumulative heat flow [kW or MW].

    Examples
    --------
    >>> from procsim.pinch import targets
    >>> t = targets([(453.15, 313.15, 2e3), (293.15, 408.15, 2.5e3)], 10.0)
    >>> fig = composite_curves(t)
    >>> fig.axes[0].get_xlabel()
    'heat flow [kW]'
    """
    t = targets
    span = max(float(np.max(t.hot_composite_H, initial=0.0)), float(np.max(t.cold_composite_H, initial=0.0)))
    name, div = power_unit(span)
    ax, fig = new_figure(8.0, 5.0, ax)
    if t.hot_composite_H.size:
        ax.plot(t.hot_composite_H / div, celsius(t.hot_composite_T), "-o", color="#d7301f", ms=3,
                lw=2, label="hot composite")
    if t.cold_composite_H.size:
        ax.plot(t.cold_composite_H / div, celsius(t.cold_composite_T), "-o", color="#2171b5", ms=3,
                lw=2, label="cold composite")
    ymin, ymax = ax.get_ylim()
    # hot utility: where the cold composite extends beyond the hot one at the top
    if t.cold_composite_H.size and t.hot_utility > 0:
        x1 = t.cold_composite_H[-1] / div
        x0 = x1 - t.hot_utility / div
        y = celsius(t.cold_composite_T[-1])
        ax.annotate("", (x0, y), (x1, y), arrowprops=dict(arrowstyle="<->", color="#d7301f"))
        ax.text((x0 + x1) / 2, y, f"hot utility\n{format_power(t.hot_utility)}", ha="center",
                va="bottom", fontsize=9, color="#d7301f")
    if t.hot_composite_H.size and t.cold_utility > 0:
        x1 = t.cold_utility / div
        y = celsius(t.hot_composite_T[0])
        ax.annotate("", (0, y), (x1, y), arrowprops=dict(arrowstyle="<->", color="#2171b5"))
        ax.text(x1 / 2, y, f"cold utility\n{format_power(t.cold_utility)}", ha="center", va="top",
                fontsize=9, color="#2171b5")
    if math.isfinite(t.pinch_temperature) and t.hot_composite_H.size:
        h_p = float(np.interp(t.hot_pinch_temperature, t.hot_composite_T, t.hot_composite_H)) / div
        ax.plot([h_p, h_p], [celsius(t.cold_pinch_temperature), celsius(t.hot_pinch_temperature)],
                color="k", lw=1.2, ls="--")
        ax.text(h_p, celsius(t.hot_pinch_temperature),
                f"  pinch: {celsius(t.hot_pinch_temperature):.1f} °C hot / "
                f"{celsius(t.cold_pinch_temperature):.1f} °C cold", ha="left", va="bottom", fontsize=9)
    ax.set_xlabel(f"heat flow [{name}]")
    ax.set_ylabel("temperature [°C]")
    ax.set_xlim(left=0)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title(title or f"Composite curves, ΔTmin = {t.dt_min:g} K; heat recovery "
                          f"{format_power(t.heat_recovery)}")
    return fig


def grand_composite_curve(targets, ax=None, title: str | None = None):
    """Grand composite curve (shifted temperature against net heat flow) with utilities marked.

    Returns
    -------
    matplotlib.figure.Figure
        Shifted temperature [°C] against net heat flow [kW or MW]; the hot utility enters at
        the top, the cold utility leaves at the bottom, the pinch is where the curve touches zero.

    Examples
    --------
    >>> from procsim.pinch import targets
    >>> t = targets([(453.15, 313.15, 2e3), (293.15, 408.15, 2.5e3)], 10.0)
    >>> grand_composite_curve(t).axes[0].get_ylabel()
    'shifted temperature [°C]'
    """
    t = targets
    T, H = t.interval_temperatures, t.cascade
    name, div = power_unit(float(np.max(np.abs(H), initial=1.0)))
    ax, fig = new_figure(7.0, 5.0, ax)
    ax.plot(H / div, celsius(T), "-o", color="#6a51a3", lw=2, ms=3, label="grand composite")
    ax.fill_betweenx(celsius(T), 0, H / div, color="#6a51a3", alpha=0.08)
    if t.hot_utility > 0:
        ax.annotate(f"hot utility {format_power(t.hot_utility)}", (H[0] / div, celsius(T[0])),
                    xytext=(10, 8), textcoords="offset points", color="#d7301f", fontsize=9,
                    arrowprops=dict(arrowstyle="->", color="#d7301f"))
    if t.cold_utility > 0:
        ax.annotate(f"cold utility {format_power(t.cold_utility)}", (H[-1] / div, celsius(T[-1])),
                    xytext=(10, -14), textcoords="offset points", color="#2171b5", fontsize=9,
                    arrowprops=dict(arrowstyle="->", color="#2171b5"))
    for tp in t.pinch_temperatures:
        ax.axhline(celsius(tp), color="k", lw=0.8, ls="--")
        ax.text(ax.get_xlim()[1], celsius(tp), f"pinch {celsius(tp):.1f} °C (shifted) ", ha="right",
                va="bottom", fontsize=9)
    ax.set_xlabel(f"net heat flow [{name}]")
    ax.set_ylabel("shifted temperature [°C]")
    ax.set_xlim(left=0)
    ax.grid(True, alpha=0.3)
    ax.set_title(title or f"Grand composite curve, ΔTmin = {t.dt_min:g} K")
    return fig
