r"""Heat-integration targets by the problem table algorithm: minimum utilities, pinch, composite curves.

Streams are given as ``(supply_temperature, target_temperature, heat_capacity_flow)`` in
K, K, W/K: a stream whose supply is hotter than its target is a hot stream (it must be
cooled), otherwise a cold stream. Hot streams are shifted down and cold streams up by
``dt_min / 2``; in each shifted-temperature interval the net heat surplus
:math:`(\sum CP_{hot} - \sum CP_{cold})\,\Delta T` is cascaded from the top; the most
negative cumulative value, negated, is the minimum hot utility, and the shifted
temperature where the corrected cascade is zero is the pinch.

References
----------
* B. Linnhoff, J. R. Flower, "Synthesis of heat exchanger networks: I. Systematic
  generation of energy optimal networks", AIChE J. 24 (1978) 633-642,
  doi:10.1002/aic.690240411 (the problem table algorithm).
* I. C. Kemp, *Pinch Analysis and Process Integration*, 2nd ed., Butterworth-Heinemann,
  2007, ch. 2 and 3 (problem table, composite and grand composite curves).
* R. Smith, *Chemical Process Design and Integration*, Wiley, 2005, ch. 16
  (energy targets; the four-stream problem used in the tests).

Examples
--------
>>> t = targets([(443.15, 333.15, 3000.0), (423.15, 303.15, 1500.0),
...              (293.15, 408.15, 2000.0), (353.15, 413.15, 4000.0)], dt_min=10.0)
>>> round(t.hot_utility), round(t.cold_utility), round(t.pinch_temperature - 273.15, 6)
(20000, 60000, 85.0)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from procsim.validation import as_float, check_nonnegative, short_repr

__all__ = ["targets", "PinchTargets"]

#: Cascade values within this fraction of the largest interval heat flow are treated as
#: zero when locating pinches (rounding of the interval sums, not a physical tolerance).
_ZERO_TOL = 1e-9


@dataclass(frozen=True)
class PinchTargets:
    """Energy targets of a stream set (SI: K, W, W/K).

    Attributes
    ----------
    hot_utility, cold_utility : minimum hot and cold utility [W]
    pinch_temperature : shifted temperature of the pinch [K] (the mean of the hot and cold
        pinch temperatures); NaN for a threshold problem (one utility is zero and the
        cascade touches zero only at an end)
    pinch_temperatures : every shifted temperature where the corrected cascade is zero [K]
    hot_pinch_temperature, cold_pinch_temperature : pinch_temperature +/- dt_min/2 [K]
    dt_min : the minimum approach used [K]
    interval_temperatures : shifted interval boundaries, descending [K]
    interval_net_cp : sum CP_hot - sum CP_cold in each interval [W/K]
    interval_surplus : net heat surplus of each interval [W]
    cascade : corrected heat flow at each boundary, hot utility at the top [W]
        (the grand composite curve is ``(cascade, interval_temperatures)``)
    hot_composite_T, hot_composite_H : hot composite curve, real temperatures [K] against
        cumulative enthalpy from its cold end [W]
    cold_composite_T, cold_composite_H : cold composite curve, shifted right by the cold
        utility so that the curves are dt_min apart at the pinch [K, W]
    heat_recovery : heat exchanged between process streams at the target [W]
    """

    hot_utility: float
    cold_utility: float
    pinch_temperature: float
    pinch_temperatures: tuple
    hot_pinch_temperature: float
    cold_pinch_temperature: float
    dt_min: float
    interval_temperatures: np.ndarray
    interval_net_cp: np.ndarray
    interval_surplus: np.ndarray
    cascade: np.ndarray
    hot_composite_T: np.ndarray
    hot_composite_H: np.ndarray
    cold_composite_T: np.ndarray
    cold_composite_H: np.ndarray
    heat_recovery: float

    @property
    def grand_composite(self) -> tuple[np.ndarray, np.ndarray]:
        """Grand composite curve: (shifted temperature [K], net heat flow [W])."""
        return self.interval_temperatures, self.cascade

    def problem_table(self):
        """The problem table as a pandas DataFrame (one row per interval)."""
        import pandas as pd

        t = self.interval_temperatures
        return pd.DataFrame({
            "T_upper_shifted_K": t[:-1], "T_lower_shifted_K": t[1:],
            "net_cp_W_per_K": self.interval_net_cp, "surplus_W": self.interval_surplus,
            "cascade_in_W": self.cascade[:-1], "cascade_out_W": self.cascade[1:],
        })


def _composite(t_lo, t_hi, cp):
    """Composite curve of streams spanning [t_lo, t_hi] with CPs ``cp``: (T ascending, H cumulative)."""
    temps = np.unique(np.concatenate([t_lo, t_hi]))
    if temps.size == 0:
        return np.zeros(0), np.zeros(0)
    h = [0.0]
    for a, b in zip(temps[:-1], temps[1:]):
        mid = 0.5 * (a + b)
        cp_sum = float(np.sum(cp[(t_lo <= mid) & (t_hi >= mid)]))
        h.append(h[-1] + cp_sum * (b - a))
    return temps, np.array(h)


def targets(streams, dt_min) -> PinchTargets:
    r"""Minimum utilities, pinch and composite curves of a set of process streams.

    Parameters
    ----------
    streams : iterable of tuples
        (supply_temperature [K], target_temperature [K], heat_capacity_flow [W/K]);
        temperatures > 0 and different from each other, heat-capacity flow > 0. Hot streams
        have supply > target.
    dt_min : minimum temperature approach [K], >= 0

    Returns
    -------
    :class:`PinchTargets`

    Notes
    -----
    Problem table algorithm of Linnhoff & Flower (1978): shifted temperatures
    :math:`T^* = T - \Delta T_{min}/2` (hot) and :math:`T + \Delta T_{min}/2` (cold); interval
    surplus :math:`(\sum CP_h - \sum CP_c)(T^*_i - T^*_{i+1})`; cascade
    :math:`R_{i+1} = R_i + \text{surplus}_i` from :math:`R_0 = Q_{H,min} = -\min(0, \min_i R_i)`
    ; :math:`Q_{C,min} = R_{last}`. Streams with a constant CP only (for a phase change,
    split the stream into pieces with a small temperature change).
    """
    dt = check_nonnegative("dt_min", as_float("dt_min", dt_min, "K"), "K")
    try:
        rows = list(streams)
    except TypeError:
        raise ValueError(f"streams must be an iterable of (supply_temperature, target_temperature, "
                         f"heat_capacity_flow) tuples; got {short_repr(streams)}") from None
    if not rows:
        raise ValueError("streams must hold at least one (supply_temperature, target_temperature, "
                         "heat_capacity_flow) tuple; got none")
    fields = (("supply_temperature", "K"), ("target_temperature", "K"), ("heat_capacity_flow", "W/K"))
    data = np.empty((len(rows), 3))
    for i, r in enumerate(rows):
        try:
            r = tuple(r)
        except TypeError:
            r = (r,)
        if len(r) != 3:
            raise ValueError(f"streams[{i}] must be (supply_temperature K, target_temperature K, "
                             f"heat_capacity_flow W/K); got {short_repr(r)}")
        for j, (name, unit) in enumerate(fields):
            data[i, j] = as_float(f"streams[{i}] {name}", r[j], unit)
    ts, tt, cp = data[:, 0], data[:, 1], data[:, 2]
    for name, arr, unit in (("supply_temperature", ts, "K"), ("target_temperature", tt, "K"),
                            ("heat_capacity_flow", cp, "W/K")):
        bad = ~(arr > 0.0)
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"streams[{i}] {name} must be > 0 {unit}; got {float(arr[i])!r} {unit}")
    same = ts == tt
    if same.any():
        i = int(np.argmax(same))
        raise ValueError(f"streams[{i}] supply_temperature must differ from target_temperature; got "
                         f"{float(ts[i])!r} K for both (an isothermal duty has no finite CP: give it a "
                         "small temperature change)")
    hot = ts > tt
    shift = np.where(hot, -0.5 * dt, 0.5 * dt)
    s_lo = np.minimum(ts, tt) + shift
    s_hi = np.maximum(ts, tt) + shift
    bounds = np.unique(np.concatenate([s_lo, s_hi]))[::-1]  # descending
    sign = np.where(hot, 1.0, -1.0)
    net_cp = np.empty(bounds.size - 1)
    for j in range(bounds.size - 1):
        mid = 0.5 * (bounds[j] + bounds[j + 1])
        inside = (s_lo <= mid) & (s_hi >= mid)
        net_cp[j] = float(np.sum(sign[inside] * cp[inside]))
    surplus = net_cp * (bounds[:-1] - bounds[1:])
    raw = np.concatenate([[0.0], np.cumsum(surplus)])
    q_hot = max(0.0, -float(np.min(raw)))
    cascade = raw + q_hot
    q_cold = float(cascade[-1])
    scale = max(float(np.max(np.abs(surplus))) if surplus.size else 0.0, q_hot, q_cold, 1e-300)
    zero = np.abs(cascade) <= _ZERO_TOL * scale
    cascade = np.where(zero, 0.0, cascade)
    pinches = tuple(float(t) for t in bounds[zero])
    interior = [float(t) for t, z, k in zip(bounds, zero, range(bounds.size)) if z and 0 < k < bounds.size - 1]
    if q_hot > 0.0 and q_cold > 0.0 and interior:
        pinch = interior[0]
    elif q_hot > 0.0 and q_cold > 0.0 and pinches:
        pinch = pinches[0]
    elif interior:  # zero utility on one side but the cascade still touches zero inside
        pinch = interior[0]
    else:  # threshold problem: no pinch
        pinch = math.nan

    hT, hH = _composite(s_lo[hot] + 0.5 * dt, s_hi[hot] + 0.5 * dt, cp[hot])
    cT, cH = _composite(s_lo[~hot] - 0.5 * dt, s_hi[~hot] - 0.5 * dt, cp[~hot])
    total_hot = float(hH[-1]) if hH.size else 0.0
    if cH.size:
        cH = cH + q_cold
    return PinchTargets(
        hot_utility=q_hot, cold_utility=q_cold, pinch_temperature=pinch, pinch_temperatures=pinches,
        hot_pinch_temperature=pinch + 0.5 * dt, cold_pinch_temperature=pinch - 0.5 * dt, dt_min=dt,
        interval_temperatures=bounds, interval_net_cp=net_cp, interval_surplus=surplus,
        cascade=cascade, hot_composite_T=hT, hot_composite_H=hH, cold_composite_T=cT,
        cold_composite_H=cH, heat_recovery=total_hot - q_cold)
