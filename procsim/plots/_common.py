"""Shared helpers of the figure modules: a pyplot-free Figure, power and unit formatting."""
from __future__ import annotations

import io

__all__ = ["new_figure", "power_unit", "format_power", "figure_png", "celsius"]

#: Kelvin offset of the Celsius scale (SI Brochure, 9th ed., BIPM 2019, sec. 2.3.1).
KELVIN_OFFSET = 273.15


def new_figure(width: float = 7.0, height: float = 4.5, ax=None):
    """A new ``matplotlib.figure.Figure`` with one Axes (no pyplot: no global figure registry).

    When ``ax`` is given, draw on it instead and return ``(ax, ax.figure)``.
    """
    if ax is not None:
        return ax, ax.figure
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig.add_subplot(1, 1, 1), fig


def power_unit(magnitude: float) -> tuple[str, float]:
    """Display unit and divisor for a power of this magnitude [W]: ("MW", 1e6), ("kW", 1e3) or ("W", 1)."""
    a = abs(magnitude)
    if a >= 1e6:
        return "MW", 1e6
    if a >= 1e3:
        return "kW", 1e3
    return "W", 1.0


def format_power(value: float, unit: tuple[str, float] | None = None) -> str:
    """``5.15 MW``, ``412 kW``: three significant figures in a readable unit."""
    name, div = unit or power_unit(value)
    v = value / div
    return f"{v:,.0f} {name}" if abs(v) >= 100 else f"{v:.3g} {name}"


def celsius(kelvin):
    """Temperature in degrees Celsius for display (K - 273.15)."""
    return kelvin - KELVIN_OFFSET


def figure_png(fig, dpi: int = 110) -> bytes:
    """The figure rendered to PNG bytes (Agg canvas; no display needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
