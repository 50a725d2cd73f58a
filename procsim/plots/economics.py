"""Marginal abatement cost (MAC) curve of retrofit options.

Bars are sorted cheapest first; the width of each bar is the CO2e it avoids per year and its
height the cost per tonne (negative: the option saves money). The construction follows
McKinsey & Company, *Pathways to a Low-Carbon Economy*, version 2 of the global GHG abatement
cost curve, 2009, exhibit 1; its limits are discussed by F. Kesicki and P. Ekins, "Marginal
abatement cost curves: a call for caution", Climate Policy 12 (2012) 219-236,
doi:10.1080/14693062.2011.582347.
"""
from __future__ import annotations

from procsim.plots._common import new_figure

__all__ = ["mac_curve"]


def mac_curve(options, ax=None, title: str | None = None):
    """MAC curve from ``OptionsResult`` (``procsim.accounting.compare_options``) or its
    ``macc_data()`` bars (dicts with option, abatement_t, cost_per_t_co2e, x_start, currency).

    Returns
    -------
    matplotlib.figure.Figure
        Cost of abatement [currency/t CO2e] against cumulative CO2e avoided [t/yr]; each bar is
        numbered, and the legend beside the chart names the options with their figures.
    """
    bars = options.macc_data() if hasattr(options, "macc_data") else list(options)
    if not bars:
        raise ValueError("mac_curve: no option avoids CO2e, so there is no curve to draw")
    from matplotlib.patches import Patch

    currency = bars[0].get("currency", "")
    ax, fig = new_figure(9.5, 4.8, ax)
    handles = []
    for i, b in enumerate(bars, start=1):
        c = "#31a354" if b["cost_per_t_co2e"] < 0 else "#de2d26"
        ax.bar(b["x_start"], b["cost_per_t_co2e"], width=b["abatement_t"], align="edge", color=c,
               alpha=0.8, edgecolor="black", linewidth=0.6)
        ax.text(b["x_start"] + b["abatement_t"] / 2, b["cost_per_t_co2e"], str(i), ha="center",
                va="bottom" if b["cost_per_t_co2e"] >= 0 else "top", fontsize=9, fontweight="bold")
        handles.append(Patch(color=c, alpha=0.8, label=f"{i}  {b['option']}: {b['abatement_t']:,.0f} t/yr, "
                                                          f"{b['cost_per_t_co2e']:,.0f} {currency}/t"))
    ax.axhline(0.0, color="black", linewidth=0.8)
    ax.set_xlabel("CO2e avoided, cumulative [t/yr]")
    ax.set_ylabel(f"cost of abatement [{currency}/t CO2e]")
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.set_title(title or "Marginal abatement cost curve (single options)")
    return fig
