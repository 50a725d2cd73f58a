"""Figures that do not belong to one equipment family: boundary Sankey, load-duration, T-s dome.

Each function returns the plotted data and a matplotlib ``Figure`` (never shows it), so a
report can save the figure and a test can check the data. Equipment-specific plots live
with their unit (ORC T-s/T-Q, pinch composite curves, accounting MACC).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.stream import Stream
from procsim.thermo.fluids import DEAD_STATE_P, DEAD_STATE_T, Fluid
from procsim.validation import as_array, check_positive

__all__ = ["boundary_energy_flows", "energy_sankey", "load_duration", "ts_dome", "LoadDuration"]


def _relative_energy(s, T0: float, p0: float) -> float:
    """Energy flow of a port relative to the dead state (material streams), or its rate."""
    if not isinstance(s, Stream):
        return s.energy_flow
    if s.is_gas:
        return s.mass_flow * (s.h - s.material.h(T0))
    return s.mass_flow * (s.h - s.material.state(p=p0, T=T0).h)


def boundary_energy_flows(solution, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P) -> dict:
    """Energy crossing a solved flowsheet's boundary [W], streams measured from (T0, p0).

    Returns {label: W} with inflows positive (feeds, positive sources) and outflows negative
    (products, negative sources). Measuring every material from its own dead state makes the
    flows comparable; their sum is the residual of the boundary balance (zero when each
    material enters and leaves the same total mass, as in a balanced flowsheet).
    """
    flows = {}
    df = solution.streams
    import pandas as pd

    for label, row in df.iterrows():
        if pd.isna(row["from"]):
            flows[f"in: {row['to']}"] = _relative_energy(solution.stream(row["to"]), T0, p0)
        elif pd.isna(row["to"]):
            flows[f"out: {row['from']}"] = -_relative_energy(solution.stream(row["from"]), T0, p0)
    for unit, srcs in solution.sources.items():
        for name, w in srcs.items():
            flows[f"{unit}: {name}"] = float(w)
    return flows


def energy_sankey(solution, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P, scale: float | None = None):
    """Sankey diagram of :func:`boundary_energy_flows`; returns (flows, fig)."""
    import matplotlib.pyplot as plt
    from matplotlib.sankey import Sankey

    flows = {k: v for k, v in boundary_energy_flows(solution, T0, p0).items() if abs(v) > 0}
    total = sum(abs(v) for v in flows.values()) or 1.0
    fig = plt.figure(figsize=(8, 5))
    ax = fig.add_subplot(1, 1, 1, xticks=[], yticks=[],
                         title=f"Energy across the flowsheet boundary (streams from {T0:g} K, {p0:g} Pa)")
    sk = Sankey(ax=ax, scale=scale or 1.0 / total, unit=" W", format="%.3g")
    labels = list(flows)
    sk.add(flows=[flows[k] for k in labels], labels=labels,
           orientations=[0 if i % 3 == 0 else (1 if i % 3 == 1 else -1) for i in range(len(labels))])
    sk.finish()
    return flows, fig


@dataclass(frozen=True)
class LoadDuration:
    """Sorted load (descending) against cumulative hours."""

    hours: np.ndarray
    load: np.ndarray


def load_duration(values, step_seconds: float, unit: str = "kW"):
    """Load-duration curve of a time series sampled every ``step_seconds``; returns (data, fig)."""
    import matplotlib.pyplot as plt

    v = as_array("values", values)
    dt = check_positive("step_seconds", step_seconds, "s")
    if v.ndim != 1 or v.size == 0:
        raise ValueError(f"values must be a non-empty 1-D series; got shape {v.shape}")
    load = np.sort(v)[::-1]
    hours = np.arange(1, v.size + 1) * dt / 3600.0
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.step(hours, load, where="post")
    ax.set_xlabel("hours at or above load [h]")
    ax.set_ylabel(f"load [{unit}]")
    ax.grid(True, alpha=0.3)
    return LoadDuration(hours, load), fig


def ts_dome(fluid: Fluid, n: int = 120, t_low: float | None = None):
    """Saturation dome of ``fluid`` in T-s coordinates: arrays (s_liquid, s_vapour, T) and a figure."""
    import matplotlib.pyplot as plt

    t_lo = t_low if t_low is not None else max(fluid.minimum_temperature + 1.0, 0.6 * fluid.critical_temperature)
    T = np.linspace(t_lo, fluid.critical_temperature * (1 - 1e-4), n)
    s_l = np.array([fluid.state(T=t, x=0.0).s for t in T])
    s_v = np.array([fluid.state(T=t, x=1.0).s for t in T])
    fig, ax = plt.subplots(figsize=(6, 4.5))
    ax.plot(s_l / 1e3, T - 273.15, "k-", lw=1)
    ax.plot(s_v / 1e3, T - 273.15, "k-", lw=1)
    ax.set_xlabel("s [kJ/(kg K)]")
    ax.set_ylabel("T [degC]")
    ax.set_title(f"{fluid.name} ({fluid.backend})")
    return (s_l, s_v, T), fig
