"""T-s, log p-h and T-Q diagrams of heat-pump cycles: the data (plain arrays) and matplotlib figures.

Data functions return dicts of numpy arrays (exact CoolProp states along the saturation dome
and the cycle's isobars); plot functions draw them and return ``(data, fig)`` with a
``matplotlib.figure.Figure`` (no pyplot state). Tests use the Agg backend.
"""
from __future__ import annotations

import numpy as np

from procsim.thermo.fluids import Fluid

from .cycle import CycleResult

__all__ = ["cycle_diagram_data", "plot_ts", "plot_ph", "plot_tq"]


def _isobar(fl: Fluid, p: float, h_from: float, h_to: float, n: int):
    hs = np.linspace(h_from, h_to, n)
    st = [fl.state(p=p, h=float(h)) for h in hs]
    return hs, np.array([s.s for s in st]), np.array([s.T for s in st]), np.full(n, p)


def cycle_diagram_data(result: CycleResult, points: int = 40) -> dict:
    """Dome (``dome_T``, ``dome_s_liquid/vapour``, ``dome_h_liquid/vapour``, ``dome_p``) and the
    closed cycle path (``cycle_h``, ``cycle_s``, ``cycle_T``, ``cycle_p``) [SI], and the state points."""
    fl = Fluid(result.refrigerant)
    st = {s.name: s for s in result.states}
    t_lo = max(fl.minimum_temperature + 1.0, st["evaporator_inlet"].T - 20.0)
    T = np.linspace(t_lo, fl.critical_temperature * 0.999, points)
    sat = [fl.saturation(T=float(t)) for t in T]
    path = []
    p_e, p_c = result.evaporating_pressure, result.condensing_pressure
    # compression drawn as a straight line between its end states (the path is not defined)
    path.append(_isobar(fl, p_e, st["evaporator_inlet"].h, st["compressor_inlet"].h, points))
    c1, c2 = st["compressor_inlet"], st["compressor_outlet"]
    path.append((np.array([c1.h, c2.h]), np.array([c1.s, c2.s]), np.array([c1.T, c2.T]), np.array([c1.p, c2.p])))
    path.append(_isobar(fl, p_c, st["compressor_outlet"].h, st["valve_inlet"].h, points))
    v, e = st["valve_inlet"], st["evaporator_inlet"]
    path.append((np.array([v.h, e.h]), np.array([v.s, e.s]), np.array([v.T, e.T]), np.array([v.p, e.p])))
    h, s, t, p = (np.concatenate([seg[k] for seg in path]) for k in range(4))
    return {"dome_T": T, "dome_s_liquid": np.array([a.s for a, _ in sat]), "dome_s_vapour": np.array([b.s for _, b in sat]),
            "dome_h_liquid": np.array([a.h for a, _ in sat]), "dome_h_vapour": np.array([b.h for _, b in sat]),
            "dome_p": np.array([a.p for a, _ in sat]), "cycle_h": h, "cycle_s": s, "cycle_T": t, "cycle_p": p,
            "state_names": [x.name for x in result.states], "state_h": np.array([x.h for x in result.states]),
            "state_s": np.array([x.s for x in result.states]), "state_T": np.array([x.T for x in result.states]),
            "state_p": np.array([x.p for x in result.states])}


def _fig():
    from matplotlib.figure import Figure
    fig = Figure(figsize=(6.4, 4.8))
    return fig, fig.add_subplot()


def plot_ts(result: CycleResult):
    """T-s diagram [kJ/(kg K), degC]; returns (data, Figure)."""
    d = cycle_diagram_data(result)
    fig, ax = _fig()
    ax.plot(d["dome_s_liquid"] / 1e3, d["dome_T"] - 273.15, "k-", lw=0.8)
    ax.plot(d["dome_s_vapour"] / 1e3, d["dome_T"] - 273.15, "k-", lw=0.8)
    ax.plot(d["cycle_s"] / 1e3, d["cycle_T"] - 273.15, "C0-", lw=1.6)
    ax.plot(d["state_s"] / 1e3, d["state_T"] - 273.15, "C3o", ms=4)
    ax.set_xlabel("s [kJ/(kg K)]")
    ax.set_ylabel("T [°C]")
    ax.set_title(f"{result.refrigerant}: COP_h {result.cop_heating:.2f}")
    return d, fig


def plot_ph(result: CycleResult):
    """log p-h diagram [kJ/kg, bar]; returns (data, Figure)."""
    d = cycle_diagram_data(result)
    fig, ax = _fig()
    ax.semilogy(d["dome_h_liquid"] / 1e3, d["dome_p"] / 1e5, "k-", lw=0.8)
    ax.semilogy(d["dome_h_vapour"] / 1e3, d["dome_p"] / 1e5, "k-", lw=0.8)
    ax.semilogy(d["cycle_h"] / 1e3, d["cycle_p"] / 1e5, "C0-", lw=1.6)
    ax.semilogy(d["state_h"] / 1e3, d["state_p"] / 1e5, "C3o", ms=4)
    ax.set_xlabel("h [kJ/kg]")
    ax.set_ylabel("p [bar]")
    ax.set_title(f"{result.refrigerant}: COP_h {result.cop_heating:.2f}")
    return d, fig


def plot_tq(heat_pump_result):
    """T-Q diagram of both exchangers of a solved :class:`~units.heat_pump.HeatPumpResult`
    [kW, degC]; returns (data, Figure)."""
    ev, co = heat_pump_result.evaporator, heat_pump_result.condenser
    d = {"evaporator_q": ev.q, "evaporator_t_hot": ev.t_hot, "evaporator_t_cold": ev.t_cold,
         "condenser_q": co.q, "condenser_t_hot": co.t_hot, "condenser_t_cold": co.t_cold}
    fig, ax = _fig()
    ax.plot(ev.q / 1e3, ev.t_hot - 273.15, "C1-", label="source")
    ax.plot(ev.q / 1e3, ev.t_cold - 273.15, "C0-", label="refrigerant (evaporator)")
    ax.plot(co.q / 1e3, co.t_hot - 273.15, "C3-", label="refrigerant (condenser)")
    ax.plot(co.q / 1e3, co.t_cold - 273.15, "C2-", label="sink")
    ax.set_xlabel("Q from the cold end [kW]")
    ax.set_ylabel("T [°C]")
    ax.legend(fontsize=8)
    return d, fig
