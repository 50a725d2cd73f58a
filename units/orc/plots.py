"""T-s and T-Q diagrams of a solved ORC: the data (plain arrays) and a matplotlib figure.

The data functions return dicts of numpy arrays so reports can tabulate or re-plot them;
the plot functions draw them on a given Axes (or a new Figure) and return ``(data, fig)``.
matplotlib is imported only inside the plot functions; tests use the Agg backend.
"""
from __future__ import annotations

import numpy as np

from procsim.thermo.fluids import Fluid

from .cycle import ORCResult

__all__ = ["ts_diagram_data", "tq_diagram_data", "plot_ts", "plot_tq"]


def _isobar(fluid: Fluid, p: float, h_from: float, h_to: float, n: int):
    hs = np.linspace(h_from, h_to, n)
    states = [fluid.state(p=p, h=float(h)) for h in hs]
    return np.array([s.s for s in states]), np.array([s.T for s in states])


def ts_diagram_data(result: ORCResult, points: int = 40) -> dict:
    """Saturation dome and cycle path in the T-s plane (exact CoolProp states).

    Returns
    -------
    dict with ``dome_s_liquid``, ``dome_s_vapour``, ``dome_T`` (saturation curve from the
    triple-point side up to 0.1 % below the critical temperature), ``cycle_s``, ``cycle_T``
    (closed path: pump, evaporator isobar, expander, condenser isobar) [J/(kg K), K], and
    ``state_names``, ``state_s``, ``state_T`` of the nine state points.
    """
    fl = Fluid(result.fluid)
    t_lo = max(fl.minimum_temperature + 1.0, result.state("pump_inlet").T - 30.0)
    T = np.linspace(t_lo, fl.critical_temperature * 0.999, points)
    sat = [fl.saturation(T=float(t)) for t in T]
    st = {s.name: s for s in result.states}
    p_e, p_c = result.evaporating_pressure, result.condensing_pressure
    seg_s, seg_T = [], []

    def add(s, t):
        seg_s.append(np.atleast_1d(s))
        seg_T.append(np.atleast_1d(t))

    add(st["pump_inlet"].s, st["pump_inlet"].T)
    add(st["pump_outlet"].s, st["pump_outlet"].T)
    add(*_isobar(fl, p_e, st["evaporator_inlet"].h, st["expander_inlet"].h, points))
    add(st["expander_outlet"].s, st["expander_outlet"].T)
    add(*_isobar(fl, p_c, st["condenser_inlet"].h, st["pump_inlet"].h, points))
    return {
        "dome_s_liquid": np.array([l.s for l, _ in sat]),
        "dome_s_vapour": np.array([v.s for _, v in sat]),
        "dome_T": T,
        "cycle_s": np.concatenate(seg_s),
        "cycle_T": np.concatenate(seg_T),
        "state_names": tuple(s.name for s in result.states),
        "state_s": np.array([s.s for s in result.states]),
        "state_T": np.array([s.T for s in result.states]),
    }


def tq_diagram_data(result: ORCResult) -> dict:
    """Evaporator T-Q profiles: ``duty`` [W], ``working_fluid_T``, ``source_T`` [K], ``zone``."""
    prof = result.evaporator_profile           # units.heat_exchanger.zones.ZoneProfile
    return {
        "duty": np.array(prof.q),
        "working_fluid_T": np.array(prof.t_cold),
        "source_T": np.array(prof.t_hot),
        "zone": prof.zones,
        "pinch": prof.min_approach,
    }


def _axes(ax):
    if ax is not None:
        return ax, ax.figure
    from matplotlib.figure import Figure  # no pyplot: no global figure registry

    fig = Figure(figsize=(6.0, 4.5))
    return fig.add_subplot(111), fig


def plot_ts(result: ORCResult, ax=None, points: int = 40):
    """Draw the T-s diagram (dome + cycle); returns ``(data, figure)``."""
    data = ts_diagram_data(result, points)
    ax, fig = _axes(ax)
    ax.plot(data["dome_s_liquid"] / 1e3, data["dome_T"] - 273.15, color="0.5", lw=1.0,
            label="saturation")
    ax.plot(data["dome_s_vapour"] / 1e3, data["dome_T"] - 273.15, color="0.5", lw=1.0)
    ax.plot(data["cycle_s"] / 1e3, data["cycle_T"] - 273.15, color="C0", lw=1.8, label="cycle")
    ax.plot(data["state_s"] / 1e3, data["state_T"] - 273.15, "o", color="C0", ms=3)
    ax.set_xlabel("specific entropy [kJ/(kg K)]")
    ax.set_ylabel("temperature [degC]")
    ax.set_title(f"{result.fluid} ORC, T-s")
    ax.legend(loc="upper left")
    return data, fig


def plot_tq(result: ORCResult, ax=None):
    """Draw the evaporator T-Q diagram against the heat source; returns ``(data, figure)``."""
    data = tq_diagram_data(result)
    ax, fig = _axes(ax)
    ax.plot(data["duty"] / 1e3, data["source_T"] - 273.15, color="C3", lw=1.8, label="heat source")
    ax.plot(data["duty"] / 1e3, data["working_fluid_T"] - 273.15, color="C0", lw=1.8,
            label=f"{result.fluid}")
    ax.set_xlabel("heat transferred [kW]")
    ax.set_ylabel("temperature [degC]")
    ax.set_title(f"Evaporator T-Q, pinch {data['pinch']:.2f} K ({result.binding_constraint})")
    ax.legend(loc="upper left")
    return data, fig
