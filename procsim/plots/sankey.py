"""Energy Sankey diagrams: where the fuel goes (useful heat, stack, blowdown, radiation, other).

A fired unit's (boiler's or heater's) fuel input on the HHV basis is split by its own heat-loss
method (the indirect method of ASME PTC 4-2013, sec. 5-11, as implemented in ``units.boiler``):
useful heat + stack (dry gas and water vapour) + blowdown + radiation + other = fuel input +
combustion-air credit. A flowsheet without fired units is drawn from the energy that its feeds,
products and sources carry across the boundary (streams measured from a dead state). The
formation-enthalpy bookkeeping that lets fuel and flue-gas ports share one enthalpy reference
is never drawn: it is not energy an engineer could recover.
"""
from __future__ import annotations

import logging
import math
import warnings

import numpy as np

from procsim.plots._common import format_power, new_figure, power_unit
from procsim.stream import Stream
from procsim.thermo.fluids import DEAD_STATE_P, DEAD_STATE_T

log = logging.getLogger(__name__)

__all__ = ["boundary_energy_flows", "fired_unit_energy_flows", "energy_flows", "energy_sankey",
           "sankey_figure"]

#: Loss terms of ``BoilerResult.losses`` that leave with the flue gas (fractions of HHV input).
_STACK_DRY = ("dry_gas", "co")
_STACK_WATER = ("h2_moisture", "fuel_moisture", "air_moisture")


def _relative_energy(s, T0: float, p0: float) -> float:
    """Energy flow of a port relative to the dead state (material streams), or its rate."""
    if not isinstance(s, Stream):
        return s.energy_flow
    if s.is_gas:
        return s.mass_flow * (s.h - s.material.h(T0))
    return s.mass_flow * (s.h - s.material.state(p=p0, T=T0).h)


def _is_bookkeeping(name: str) -> bool:
    """Sources that only shift an enthalpy reference (formation enthalpy of a fuel)."""
    return "formation" in name


def boundary_energy_flows(solution, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P,
                          include_bookkeeping: bool = True) -> dict:
    """Energy crossing a solved flowsheet's boundary [W], streams measured from (T0, p0).

    Parameters
    ----------
    solution : procsim.flowsheet.FlowsheetSolution
    T0, p0 : dead state [K, Pa]; default 298.15 K, 101325 Pa
    include_bookkeeping : keep sources that only shift an enthalpy reference (a fuel's
        formation enthalpy); they close the balance but are not recoverable energy

    Returns
    -------
    dict
        {label: W}, inflows positive (feeds, positive sources) and outflows negative (products,
        negative sources). Measuring every material from its own dead state makes the flows
        comparable; their sum is the residual of the boundary balance (zero when each material
        enters and leaves the same total mass, as in a balanced flowsheet).
    """
    import pandas as pd

    flows = {}
    df = solution.streams
    for _, row in df.iterrows():
        if pd.isna(row["from"]):
            flows[f"in: {row['to']}"] = _relative_energy(solution.stream(row["to"]), T0, p0)
        elif pd.isna(row["to"]):
            flows[f"out: {row['from']}"] = -_relative_energy(solution.stream(row["from"]), T0, p0)
    for unit, srcs in solution.sources.items():
        for name, w in srcs.items():
            if include_bookkeeping or not _is_bookkeeping(name):
                flows[f"{unit}: {name}"] = float(w)
    return flows


def _is_fired(result) -> bool:
    return all(hasattr(result, a) for a in ("losses", "fuel_input_hhv", "useful_heat"))


def fired_unit_energy_flows(result, steam=None, blowdown=None) -> dict:
    """Fuel input of a boiler or fired heater split into where it goes [W] (HHV basis).

    Parameters
    ----------
    result : units.boiler.BoilerResult
    steam, blowdown : the unit's steam and blowdown outlet streams; with both, the useful
        heat is split into heat to the steam and heat lost with the blowdown (sensible heat
        above the feedwater, after any blowdown heat recovery)

    Returns
    -------
    dict
        {"Fuel input (HHV)": +W, "Combustion air credit": +W (only when > 0),
        "Useful heat": -W (or "Useful heat to steam" and "Blowdown"), "Stack: dry flue gas",
        "Stack: water vapour", "Radiation and convection", "Other losses"}: inflows positive,
        outflows negative; the values sum to the unit's balance residual (round-off).
    """
    q_in = float(result.fuel_input_hhv)
    L = result.losses
    flows = {"Fuel input (HHV)": q_in}
    credit = L.get("air_credit", 0.0) * q_in
    if credit > 0:
        flows["Combustion air credit"] = credit
    useful = float(result.useful_heat)
    m_bd = float(getattr(result, "blowdown_flow", 0.0) or 0.0)
    if steam is not None and blowdown is not None and m_bd > 0:
        m_s = steam.mass_flow
        h_fw = (m_s * steam.h + blowdown.mass_flow * blowdown.h - useful) / (m_s + blowdown.mass_flow)
        q_bd = blowdown.mass_flow * (blowdown.h - h_fw)
        flows["Useful heat to steam"] = -(useful - q_bd)
        flows["Blowdown"] = -q_bd
    else:
        flows["Useful heat"] = -useful
    flows["Stack: dry flue gas"] = -q_in * sum(L.get(k, 0.0) for k in _STACK_DRY)
    flows["Stack: water vapour"] = -q_in * sum(L.get(k, 0.0) for k in _STACK_WATER)
    flows["Radiation and convection"] = -float(result.radiation_loss)
    flows["Other losses"] = -float(result.other_loss)
    return flows


def energy_flows(obj, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P) -> dict:
    """Inflows (+) and outflows (-) [W] of a fired unit, a flowsheet or a plain mapping.

    ``obj`` may be: a ``{label: W}`` mapping (returned as is); a ``(unit, inlets)`` pair such as
    ``Boiler.example()`` returns (solved here); a unit's ``UnitSolution``; a ``BoilerResult``;
    or a ``FlowsheetSolution``. Fired units are split by :func:`fired_unit_energy_flows` (labels
    prefixed with the unit's name when a flowsheet has more than one); other flowsheets use
    :func:`boundary_energy_flows` without the formation-enthalpy bookkeeping.
    """
    if isinstance(obj, dict):
        return {str(k): float(v) for k, v in obj.items()}
    if isinstance(obj, tuple) and len(obj) == 2 and hasattr(obj[0], "solve"):
        obj = obj[0].solve(obj[1])
    if hasattr(obj, "outlets") and hasattr(obj, "result"):          # UnitSolution
        if not _is_fired(obj.result):
            raise ValueError(f"energy_flows: a UnitSolution of {type(obj.result).__name__} has no "
                             "fuel-loss breakdown; pass the solved flowsheet instead")
        return fired_unit_energy_flows(obj.result, obj.outlets.get("steam"), obj.outlets.get("blowdown"))
    if _is_fired(obj):
        return fired_unit_energy_flows(obj)
    if hasattr(obj, "units") and hasattr(obj, "port_streams"):      # FlowsheetSolution
        fired = {n: r for n, r in obj.units.items() if _is_fired(r)}
        if not fired:
            flows = boundary_energy_flows(obj, T0, p0, include_bookkeeping=False)
            return {k: v for k, v in flows.items() if v != 0.0}
        out: dict = {}
        for name, r in fired.items():
            ps = obj.port_streams
            f = fired_unit_energy_flows(r, ps.get(f"{name}.steam"), ps.get(f"{name}.blowdown"))
            for k, v in f.items():
                key = k if len(fired) == 1 else f"{name}: {k}"
                out[key] = out.get(key, 0.0) + v
        return out
    raise ValueError(f"energy_flows: cannot read energy flows from {type(obj).__name__}; pass a "
                     "dict, (unit, inlets), a UnitSolution, a BoilerResult or a FlowsheetSolution")


def _band(ax, x0, y0a, y0b, x1, y1a, y1b, colour, n=40):
    """A band from the vertical segment (x0, y0a..y0b) to (x1, y1a..y1b), smoothstep edges."""
    t = np.linspace(0.0, 1.0, n)
    s = t * t * (3.0 - 2.0 * t)
    x = x0 + (x1 - x0) * t
    top = y0b + (y1b - y0b) * s
    bot = y0a + (y1a - y0a) * s
    ax.fill_between(x, bot, top, color=colour, alpha=0.75, linewidth=0)


def sankey_figure(flows: dict, title: str = "", ax=None, min_share: float = 0.002):
    """Draw a one-node Sankey of ``{label: W}`` (inflows > 0 left, outflows < 0 right).

    Band widths are proportional to power; every band is drawn at least 0.6 % of the page
    high so that small losses stay visible, and labels carry the value in kW or MW and the
    share of the total input. Flows smaller than ``min_share`` of the input are listed in the
    title line instead of drawn. Returns the matplotlib Figure.
    """
    ins = [(k, v) for k, v in flows.items() if v > 0]
    outs = [(k, -v) for k, v in flows.items() if v < 0]
    total_in = sum(v for _, v in ins)
    if not total_in > 0:
        raise ValueError("sankey_figure: flows need at least one positive (incoming) value in W")
    unit = power_unit(total_in)
    small = [k for k, v in outs if v < min_share * total_in]
    if small:
        log.info("sankey: %d flow(s) below %.1f %% of the input listed, not drawn: %s", len(small),
                 100 * min_share, ", ".join(small))
    outs = [(k, v) for k, v in outs if v >= min_share * total_in]
    outs.sort(key=lambda kv: -kv[1])
    ax, fig = new_figure(9.0, 5.0, ax)
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.axis("off")
    height = 0.62                         # page height taken by the total input at the node
    k = height / total_in
    h_min = 0.006
    colours = {"Useful": "#2b8cbe", "Stack": "#e34a33", "Blowdown": "#fdae6b",
               "Radiation": "#fc9272", "Other": "#bdbdbd", "Fuel": "#636363", "Combustion": "#a1d99b"}

    def colour(label, i):
        for key, c in colours.items():
            if key.lower() in label.lower():
                return c
        return f"C{i % 10}"

    # inputs: stacked at the left, meeting the node at x = 0.32
    y_node_top = 0.5 + height / 2
    y = y_node_top
    for i, (label, v) in enumerate(ins):
        h = max(v * k, h_min)
        ax.fill_between([0.12, 0.32], y - h, y, color=colour(label, i), alpha=0.85, linewidth=0)
        ax.text(0.11, y - h / 2, f"{label}\n{format_power(v)}", ha="right", va="center",
                fontsize=9)
        y -= h
    # outputs: leave the node stacked, fan out to evenly spaced slots on the right
    heights = [max(v * k, h_min) for _, v in outs]
    gap = (0.96 - 0.04 - sum(heights)) / max(len(outs) - 1, 1)
    gap = max(gap, 0.0)
    y_src = y_node_top
    y_dst = 0.96
    for i, ((label, v), h) in enumerate(zip(outs, heights)):
        _band(ax, 0.32, y_src - h, y_src, 0.66, y_dst - h, y_dst, colour(label, i))
        share = 100.0 * v / total_in
        ax.text(0.67, y_dst - h / 2, f"{label}: {format_power(v)} ({share:.1f} %)",
                ha="left", va="center", fontsize=9)
        y_src -= h
        y_dst -= h + gap
    heading = title or "Energy balance"
    if small:
        heading += f"\n(not drawn, < {100 * min_share:.1f} % each: {', '.join(small)})"
    ax.set_title(heading, fontsize=11)
    return fig


def energy_sankey(obj, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P, title: str | None = None,
                  ax=None):
    """Sankey diagram of where the energy goes; returns the matplotlib Figure.

    ``obj`` is anything :func:`energy_flows` reads: ``Boiler.example()``, a unit or flowsheet
    solution, a ``BoilerResult`` or a ``{label: W}`` mapping. Values are shown in kW or MW with
    their share of the input; formation-enthalpy bookkeeping is never drawn.

    Examples
    --------
    >>> from units.boiler import Boiler
    >>> fig = energy_sankey(Boiler.example())
    >>> [t.get_text() for t in fig.axes[0].texts][:2]
    ['Fuel input (HHV)\\n5.15 MW', 'Useful heat to steam: 4.22 MW (82.0 %)']
    """
    flows = energy_flows(obj, T0, p0)
    residual = sum(flows.values())
    scale = sum(abs(v) for v in flows.values()) or 1.0
    if not math.isfinite(residual):
        raise ValueError("energy_sankey: a flow is not finite")
    if title is None:
        title = "Where the fuel goes (HHV basis)" if any("Fuel input" in k for k in flows) else \
            f"Energy across the boundary (streams from {T0 - 273.15:g} °C, {p0 / 1e5:.4g} bar)"
        if abs(residual) > 1e-3 * scale:
            title += f"; balance residual {format_power(residual)}"
    if abs(residual) > 1e-3 * scale:
        # drawn anyway (the residual is in the title): an open boundary is worth seeing
        warnings.warn(f"energy_sankey: the flows do not balance: residual {format_power(residual)} "
                      f"({100 * abs(residual) / scale:.2g} % of the flows)", stacklevel=2)
    return sankey_figure(flows, title, ax)
