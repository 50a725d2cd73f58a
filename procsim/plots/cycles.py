"""T-s and T-Q diagrams of thermodynamic cycles (ORC, steam Rankine, heat pumps) on real fluids.

States come from :class:`procsim.thermo.fluids.Fluid` (CoolProp: IAPWS-IF97 for water by
default, HEOS otherwise). The saturation dome is drawn as one closed curve through the critical
point; processes between two states at the same pressure follow the isobar (heat exchange),
others are drawn straight (pump, compressor, expander, valve), as is usual on a T-s chart.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.plots._common import celsius, format_power, new_figure, power_unit
from procsim.thermo.fluids import Fluid

__all__ = ["ts_dome", "dome_data", "ts_diagram", "tq_diagram", "orc_ts", "orc_tq", "State"]

#: Two states whose pressures differ by less than this fraction lie on one isobar.
_ISOBAR_TOL = 1e-6


@dataclass(frozen=True)
class State:
    """A named state point [K, Pa, J/kg, J/(kg K)] for :func:`ts_diagram`."""

    name: str
    T: float
    p: float
    h: float
    s: float


def _fluid(fluid) -> Fluid:
    return fluid if isinstance(fluid, Fluid) else Fluid(str(fluid))


def dome_data(fluid, n: int = 120, t_low: float | None = None):
    """Closed saturation dome: (s [J/(kg K)], T [K]) from the liquid side through the critical
    point down the vapour side. Temperatures are spaced closer near the critical point (cosine
    spacing), where the dome turns; the last pair is 1e-6 Tc below it and joins at the critical
    entropy, the mean of the two (the curves meet there to within plotting resolution)."""
    fl = _fluid(fluid)
    tc = fl.critical_temperature
    t_lo = t_low if t_low is not None else max(fl.minimum_temperature + 1.0, 0.6 * tc)
    u = 0.5 * (1.0 - np.cos(np.linspace(0.0, np.pi / 2, n))) * 2.0   # 0 .. 1, dense near 1
    T = t_lo + (tc * (1.0 - 1e-6) - t_lo) * np.sqrt(u)
    T = np.unique(np.concatenate([np.linspace(t_lo, T[-1], n // 2), T]))
    sat = [fl.saturation(T=float(t)) for t in T]
    s_l = np.array([a.s for a, _ in sat])
    s_v = np.array([b.s for _, b in sat])
    s_c = 0.5 * (s_l[-1] + s_v[-1])
    s = np.concatenate([s_l, [s_c], s_v[::-1]])
    temps = np.concatenate([T, [tc], T[::-1]])
    return s, temps


def ts_dome(fluid, n: int = 120, t_low: float | None = None, ax=None):
    """Saturation dome of ``fluid`` in the T-s plane, closed at the critical point; returns the Figure.

    Examples
    --------
    >>> fig = ts_dome("R245fa", n=20)
    >>> fig.axes[0].get_xlabel()
    'specific entropy [kJ/(kg K)]'
    """
    fl = _fluid(fluid)
    s, T = dome_data(fl, n, t_low)
    ax, fig = new_figure(6.5, 4.5, ax)
    ax.plot(s / 1e3, celsius(T), color="0.35", lw=1.2, label="saturation")
    ax.set_xlabel("specific entropy [kJ/(kg K)]")
    ax.set_ylabel("temperature [°C]")
    ax.set_title(f"{fl.name} ({fl.backend})")
    ax.grid(True, alpha=0.3)
    return fig


def _as_state(fl: Fluid, x) -> State:
    if isinstance(x, State):
        return x
    if all(hasattr(x, a) for a in ("name", "T", "p", "h", "s")):
        return State(str(x.name), float(x.T), float(x.p), float(x.h), float(x.s))
    if isinstance(x, dict):
        name, p, h = x["name"], float(x["p"]), float(x["h"])
    else:
        name, p, h = x
    st = fl.state(p=float(p), h=float(h))
    return State(str(name), float(st.T), float(p), float(h), float(st.s))


def _path(fl: Fluid, a: State, b: State, points: int):
    if abs(a.p - b.p) <= _ISOBAR_TOL * max(a.p, b.p) and abs(a.h - b.h) > 0:
        hs = np.linspace(a.h, b.h, points)
        sts = [fl.state(p=a.p, h=float(h)) for h in hs]
        return np.array([x.s for x in sts]), np.array([x.T for x in sts])
    return np.array([a.s, b.s]), np.array([a.T, b.T])


def ts_diagram(fluid, states, closed: bool = True, title: str | None = None, points: int = 30,
               ax=None):
    """T-s diagram of a cycle with numbered state points and a table of their values.

    Parameters
    ----------
    fluid : Fluid or CoolProp name
    states : sequence of state points in flow order: objects with ``name, T, p, h, s``
        (ORC and heat-pump results' ``.states``), :class:`State`, or ``(name, p, h)`` tuples
        [Pa, J/kg] evaluated here
    closed : join the last state back to the first

    Returns
    -------
    matplotlib.figure.Figure
        Temperature [°C] against specific entropy [kJ/(kg K)]; states at the same point are
        numbered together ("2,3"); the table beside the chart gives each state's name,
        temperature [°C] and pressure [bar].
    """
    fl = _fluid(fluid)
    sts = [_as_state(fl, x) for x in states]
    if len(sts) < 2:
        raise ValueError(f"ts_diagram: states needs at least 2 state points; got {len(sts)}")
    from matplotlib.figure import Figure

    if ax is None:
        fig = Figure(figsize=(10.0, 5.2), layout="constrained")
        ax, ax_tab = fig.subplots(1, 2, width_ratios=[2.2, 1.0])
    else:
        fig, ax_tab = ax.figure, None
    t_min = min(x.T for x in sts)
    s_d, T_d = dome_data(fl, 80, t_low=max(fl.minimum_temperature + 1.0, t_min - 15.0))
    ax.plot(s_d / 1e3, celsius(T_d), color="0.45", lw=1.1, label="saturation dome")
    seq = sts + ([sts[0]] if closed else [])
    for a, b in zip(seq[:-1], seq[1:]):
        s, T = _path(fl, a, b, points)
        ax.plot(s / 1e3, celsius(T), color="C0", lw=2)
    # number the states; coincident points share one label
    groups: list[tuple[State, list[int]]] = []
    for i, x in enumerate(sts, start=1):
        for g in groups:
            if abs(g[0].s - x.s) < 1e-6 * max(abs(x.s), 1.0) and abs(g[0].T - x.T) < 1e-6 * x.T:
                g[1].append(i)
                break
        else:
            groups.append((x, [i]))
    # labels that would overlap an earlier one move to the next free offset (in points)
    span_s = max(np.ptp(s_d), 1e-9) / 1e3
    span_t = max(np.ptp(T_d), 1e-9)
    placed = [(g[0].s / 1e3 / span_s * 400, celsius(g[0].T) / span_t * 300) for g in groups]
    offsets = [(6, 5), (-18, 5), (6, -15), (-18, -15), (6, 16), (-18, -26)]
    for x, ids in groups:
        xs, ys = x.s / 1e3, celsius(x.T)
        ax.plot(xs, ys, "o", color="C3", ms=5, zorder=3)
        # positions in axes fractions (about 400 x 300 points) to compare label boxes
        for dx, dy in offsets:
            px, py = xs / span_s * 400 + dx, ys / span_t * 300 + dy
            if all(abs(px - qx) > 14 or abs(py - qy) > 11 for qx, qy in placed):
                break
        placed.append((px, py))
        ax.annotate(",".join(map(str, ids)), (xs, ys), xytext=(dx, dy),
                    textcoords="offset points", fontsize=10, fontweight="bold", color="C3")
    ax.set_xlabel("specific entropy [kJ/(kg K)]")
    ax.set_ylabel("temperature [°C]")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(title or f"{fl.name} cycle, T-s")
    if ax_tab is not None:
        ax_tab.axis("off")
        rows = [[str(i), x.name.replace("_", " "), f"{celsius(x.T):.1f}", f"{x.p / 1e5:.3g}"]
                for i, x in enumerate(sts, start=1)]
        tab = ax_tab.table(cellText=rows, colLabels=["#", "state", "T [°C]", "p [bar]"],
                           loc="center", cellLoc="left", colWidths=[0.1, 0.55, 0.2, 0.2])
        tab.auto_set_font_size(False)
        tab.set_fontsize(8.5)
        tab.scale(1.0, 1.3)
    return fig


def tq_diagram(exchangers, title: str | None = None):
    """T-Q diagrams, one panel per heat exchanger.

    Parameters
    ----------
    exchangers : sequence of dicts with ``name``, ``hot`` = (Q [W], T [K]) and ``cold`` =
        (Q [W], T [K]) arrays on a common duty axis (Q from 0 at the cold end of the duty)

    Returns
    -------
    matplotlib.figure.Figure
        Temperature [°C] against heat transferred [kW or MW]; each panel's title gives the
        duty and the minimum temperature difference (the pinch) found on the plotted points.
    """
    from matplotlib.figure import Figure

    exchangers = list(exchangers)
    if not exchangers:
        raise ValueError("tq_diagram: exchangers is empty; give at least one exchanger")
    fig = Figure(figsize=(4.6 * len(exchangers), 4.2), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(exchangers)))
    for ax, ex in zip(axes, exchangers):
        qh, th = (np.asarray(v, float) for v in ex["hot"])
        qc, tc = (np.asarray(v, float) for v in ex["cold"])
        q_max = max(qh.max(), qc.max())
        name, div = power_unit(q_max)
        ax.plot(qh / div, celsius(th), color="#d7301f", lw=2, label=ex.get("hot_label", "hot side"))
        ax.plot(qc / div, celsius(tc), color="#2171b5", lw=2, label=ex.get("cold_label", "cold side"))
        q = np.union1d(qh, qc)
        dt = np.interp(q, qh, th) - np.interp(q, qc, tc)
        k = int(np.argmin(dt))
        ax.annotate("", (q[k] / div, celsius(np.interp(q[k], qc, tc))),
                    (q[k] / div, celsius(np.interp(q[k], qh, th))),
                    arrowprops=dict(arrowstyle="<->", color="k", lw=0.8))
        ax.set_title(f"{ex['name']}: {format_power(q_max)}, ΔTmin {dt[k]:.1f} K", fontsize=10)
        ax.set_xlabel(f"heat transferred [{name}]")
        ax.set_ylabel("temperature [°C]")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="best", fontsize=8)
    if title:
        fig.suptitle(title)
    return fig


def orc_ts(result, ax=None):
    """T-s diagram of a solved ORC (``units.orc`` result: ``fluid`` and nine ``states``).

    Examples
    --------
    >>> from procsim import Stream
    >>> from units.orc import ORC
    >>> r = ORC("R245fa", 373.15, 308.15, superheat=5.0).solve(Stream("Water", 423.15, 5e5, 10.0))
    >>> fig = orc_ts(r)
    >>> [t.get_text() for t in fig.axes[0].texts][:2]
    ['1', '2,3']
    """
    return ts_diagram(result.fluid, result.states, closed=True, ax=ax,
                      title=f"{result.fluid} ORC: net {format_power(result.net_power)}, "
                            f"η_th {100 * result.thermal_efficiency:.1f} %")


def _isobar_tq(fl: Fluid, p: float, h_from: float, h_to: float, m: float, n: int = 40):
    """Duty from the h_from end [W] and temperature [K] along an isobar."""
    hs = np.linspace(h_from, h_to, n)
    return np.abs(hs - h_from) * m, np.array([fl.state(p=p, h=float(h)).T for h in hs])


def orc_exchangers(result) -> list[dict]:
    """T-Q data of every exchanger of a solved ORC: evaporator, recuperator (when it has a
    duty) and condenser, for :func:`tq_diagram`. The coolant is drawn as a straight line
    between its inlet and outlet temperatures (constant cp: an assumption good to about 1 %
    for liquid water or air over a 5-15 K rise)."""
    fl = _fluid(result.fluid)
    st = {x.name: x for x in result.states}
    m = result.working_fluid_flow
    prof = result.evaporator_profile
    out = [{"name": "evaporator", "hot": (np.array(prof.q), np.array(prof.t_hot)),
            "cold": (np.array(prof.q), np.array(prof.t_cold)),
            "hot_label": "heat source", "cold_label": result.fluid}]
    if result.recuperator_duty > 0:
        a, b = st["expander_outlet"], st["condenser_inlet"]
        qh, th = _isobar_tq(fl, a.p, b.h, a.h, m)
        c, d = st["pump_outlet"], st["evaporator_inlet"]
        qc, tc = _isobar_tq(fl, c.p, c.h, d.h, m)
        out.append({"name": "recuperator", "hot": (qh, th), "cold": (qc, tc),
                    "hot_label": "vapour from expander", "cold_label": "liquid from pump"})
    a, b = st["condenser_inlet"], st["pump_inlet"]
    qh, th = _isobar_tq(fl, a.p, b.h, a.h, m)
    out.append({"name": "condenser", "hot": (qh, th),
                "cold": (np.array([0.0, qh[-1]]),
                         np.array([result.cooling_inlet_temperature, result.cooling_outlet_temperature])),
                "hot_label": result.fluid, "cold_label": "coolant"})
    return out


def orc_tq(result):
    """T-Q diagrams of every exchanger of a solved ORC (evaporator, recuperator, condenser)."""
    return tq_diagram(orc_exchangers(result), title=f"{result.fluid} ORC heat exchangers")
