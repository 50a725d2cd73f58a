r"""Compressed-air audit calculators (MEASUR / AIRMaster+ style), in SI.

Flows of free air are m3/s at the ISO 1217 reference (1 bar(a), 20 C); pressures absolute Pa
unless a name says gauge.

* Leaks: :func:`bag_test_leak_flow` (bag filled by the leak), :func:`ultrasonic_leak_flow`
  (instrument maker's dB table), :func:`leak_flow_from_load_times` and
  :func:`leak_flow_from_pressure_decay` (whole-system tests with no production demand),
  :func:`leak_annual_energy`.
* Storage: :func:`receiver_volume` and :func:`drawdown_time`.
* Piping: :func:`pipe_velocity`, :func:`pipe_size`, :func:`system_volume`.
* End uses: :func:`cylinder_air_use`, :func:`operating_cost`.

References
----------
US DOE AMO & Compressed Air Challenge, *Improving Compressed Air System Performance: A
Sourcebook for Industry*, 3rd ed., 2016: Fact sheets "Compressed Air System Leaks"
(leak % = T/(T + t); pressure-decay leakage = V (P1 - P2)/(T p_atm) x 1.25) and "Air
Receivers" (V = T (C - S) p_a / (P1 - P2)); "Pressure drop and controlling system
pressure" (header velocity limit 20 ft/s).
US DOE, Compressed Air Tip Sheet #3 "Minimize Compressed Air Leaks", 2004.
ORNL / US DOE MEASUR compressed-air calculators (bag method, decibel method, cylinder use).
"""
from __future__ import annotations

import math

import numpy as np

from procsim.validation import check_nonnegative, check_positive, check_range

from .flow import ISO1217_PRESSURE, ISO1217_TEMPERATURE, P_ATM

__all__ = ["bag_test_leak_flow", "ultrasonic_leak_flow", "leak_flow_from_load_times",
           "leak_flow_from_pressure_decay", "leak_annual_energy", "receiver_volume",
           "drawdown_time", "pipe_velocity", "pipe_size", "system_volume", "cylinder_air_use",
           "operating_cost", "HEADER_VELOCITY_LIMIT", "NOMINAL_PIPE_BORES",
           "DECAY_CORRECTION"]

#: Header velocity limit [m/s]: 20 ft/s (DOE/CAC Sourcebook 2016, pressure-drop fact sheet).
HEADER_VELOCITY_LIMIT = 20 * 0.3048
#: Pressure-decay correction to the leak flow at normal operating pressure (DOE/CAC 2016).
DECAY_CORRECTION = 1.25
#: Inside diameters [m] of schedule 40 steel pipe, NPS 1/2 to 12 (ASME B36.10M-2018).
NOMINAL_PIPE_BORES = {"1/2": 0.01580, "3/4": 0.02093, "1": 0.02664, "1-1/4": 0.03505,
                      "1-1/2": 0.04089, "2": 0.05250, "2-1/2": 0.06271, "3": 0.07793,
                      "4": 0.10226, "5": 0.12819, "6": 0.15405, "8": 0.20272, "10": 0.25451,
                      "12": 0.30323}


def _to_free_air(volume_flow, pressure, temperature):
    """Actual volume flow at (p, T) -> free air at the ISO 1217 reference."""
    return volume_flow * (pressure / ISO1217_PRESSURE) * (ISO1217_TEMPERATURE / temperature)


def bag_test_leak_flow(bag_volume, fill_time, bag_pressure=P_ATM, temperature=293.15):
    """Leak flow [m3/s free air] from the time ``fill_time`` [s] to fill a bag of ``bag_volume`` [m3].

    The bag fills at (near) atmospheric pressure: Q = V/t converted to the reference state.

    >>> round(bag_test_leak_flow(0.05, 10.0) * 60, 4)    # 50 L bag in 10 s
    0.304
    """
    v = check_positive("bag_volume", bag_volume, "m3")
    t = check_positive("fill_time", fill_time, "s")
    p = check_positive("bag_pressure", bag_pressure, "Pa")
    tk = check_positive("temperature", temperature, "K")
    return _to_free_air(v / t, p, tk)


def ultrasonic_leak_flow(decibels, line_pressure, table_pressures, table_decibels, table_flows):
    """Leak flow [m3/s] from an ultrasonic reading through the instrument maker's table.

    table_flows[i][j] is the flow at table_pressures[i] [Pa abs] and table_decibels[j] [dB];
    bilinear interpolation (as MEASUR's decibel method, between two reference pressures and
    two dB readings); readings outside the table are an error (no extrapolation).
    """
    tp = np.asarray(check_positive("table_pressures", table_pressures, "Pa"), float)
    td = np.asarray(check_nonnegative("table_decibels", table_decibels, "dB"), float)
    tf = np.asarray(check_nonnegative("table_flows", table_flows, "m3/s"), float)
    if tf.shape != (tp.size, td.size):
        raise ValueError(f"table_flows must have shape ({tp.size}, {td.size}); got {tf.shape}")
    if np.any(np.diff(tp) <= 0) or np.any(np.diff(td) <= 0):
        raise ValueError("table_pressures and table_decibels must increase")
    p = float(check_range("line_pressure", line_pressure, tp[0], tp[-1], "Pa"))
    db = float(check_range("decibels", decibels, td[0], td[-1], "dB"))
    by_p = np.array([np.interp(db, td, row) for row in tf])
    return float(np.interp(p, tp, by_p))


def leak_flow_from_load_times(rated_flow, load_time, unload_time):
    """Leak flow [m3/s] from load/unload times with no production demand: Q T/(T + t).

    >>> round(leak_flow_from_load_times(0.2, 30.0, 90.0), 4)
    0.05
    """
    q = check_positive("rated_flow", rated_flow, "m3/s")
    t_l = check_positive("load_time", load_time, "s")
    t_u = check_nonnegative("unload_time", unload_time, "s")
    return q * t_l / (t_l + t_u)


def leak_flow_from_pressure_decay(system_volume_m3, start_pressure, end_pressure, decay_time,
                                  correction=DECAY_CORRECTION):
    r"""Leak flow [m3/s free air] from the pressure decay of an isolated system.

    .. math:: Q = \frac{V (P_1 - P_2)}{T\, p_{ref}} \times 1.25

    (DOE/CAC Sourcebook 2016; the 1.25 corrects the leak flow measured at falling pressure
    to normal operating pressure). Pressures absolute or gauge alike (their difference).
    """
    v = check_positive("system_volume", system_volume_m3, "m3")
    p1 = check_positive("start_pressure", start_pressure, "Pa")
    p2 = check_positive("end_pressure", end_pressure, "Pa")
    t = check_positive("decay_time", decay_time, "s")
    c = check_range("correction", correction, 1.0, 2.0)
    if not p1 > p2:
        raise ValueError(f"start_pressure {p1!r} Pa must exceed end_pressure {p2!r} Pa")
    return v * (p1 - p2) / (t * ISO1217_PRESSURE) * c


def leak_annual_energy(leak_flow, specific_power, hours=8760.0):
    """Annual electricity of leaks [kWh/yr]: flow [m3/s] x specific power [W per m3/s] x h."""
    q = check_nonnegative("leak_flow", leak_flow, "m3/s")
    sp = check_positive("specific_power", specific_power, "W/(m3/s)")
    h = check_range("hours", hours, 0.0, 8760.0, "h/yr")
    return q * sp * h / 1e3


def receiver_volume(duration, demand, supply, start_pressure, end_pressure, p_ref=ISO1217_PRESSURE):
    r"""Receiver volume [m3] that covers a demand event: :math:`V = t (C - S) p_a / (P_1 - P_2)`.

    duration [s]; demand C and supply S [m3/s free air] during the event; allowed pressure
    fall from start_pressure to end_pressure [Pa] (DOE/CAC Sourcebook "Air Receivers").

    >>> round(receiver_volume(60.0, 0.2, 0.1, 8.0e5, 7.0e5), 3)
    6.0
    """
    t = check_positive("duration", duration, "s")
    c = check_nonnegative("demand", demand, "m3/s")
    s = check_nonnegative("supply", supply, "m3/s")
    p1 = check_positive("start_pressure", start_pressure, "Pa")
    p2 = check_positive("end_pressure", end_pressure, "Pa")
    if not p1 > p2:
        raise ValueError(f"start_pressure {p1!r} Pa must exceed end_pressure {p2!r} Pa")
    if not c > s:
        raise ValueError(f"demand {c!r} m3/s must exceed supply {s!r} m3/s for storage to be drawn")
    return t * (c - s) * p_ref / (p1 - p2)


def drawdown_time(volume, demand, supply, start_pressure, end_pressure, p_ref=ISO1217_PRESSURE):
    """Time [s] a receiver of ``volume`` [m3] covers demand - supply from P1 to P2 (inverse of receiver_volume)."""
    v = check_positive("volume", volume, "m3")
    c = check_nonnegative("demand", demand, "m3/s")
    s = check_nonnegative("supply", supply, "m3/s")
    p1 = check_positive("start_pressure", start_pressure, "Pa")
    p2 = check_positive("end_pressure", end_pressure, "Pa")
    if not (p1 > p2 and c > s):
        raise ValueError("drawdown needs start_pressure > end_pressure and demand > supply")
    return v * (p1 - p2) / ((c - s) * p_ref)


def pipe_velocity(flow, diameter, line_pressure, temperature=293.15):
    """Mean air velocity [m/s] in a pipe: free-air flow at line pressure and temperature / area. [vec]

    >>> round(float(pipe_velocity(0.1, 0.0525, 8.0e5)), 3)
    5.774
    """
    q = check_nonnegative("flow", flow, "m3/s")
    d = check_positive("diameter", diameter, "m")
    p = check_positive("line_pressure", line_pressure, "Pa")
    t = check_positive("temperature", temperature, "K")
    actual = np.asarray(q) * (ISO1217_PRESSURE / np.asarray(p)) * (np.asarray(t) / ISO1217_TEMPERATURE)
    return actual / (math.pi / 4.0 * np.asarray(d) ** 2)


def pipe_size(flow, line_pressure, temperature=293.15, velocity_limit=HEADER_VELOCITY_LIMIT):
    """Smallest schedule-40 nominal size (name, inside diameter [m]) keeping velocity <= limit."""
    q = float(check_positive("flow", flow, "m3/s"))
    lim = float(check_positive("velocity_limit", velocity_limit, "m/s"))
    for name, d in NOMINAL_PIPE_BORES.items():
        if pipe_velocity(q, d, line_pressure, temperature) <= lim:
            return name, d
    raise ValueError(f"flow {q!r} m3/s needs a pipe above NPS 12 at {lim!r} m/s; split the header")


def system_volume(diameters, lengths):
    """Internal volume [m3] of pipe runs: sum pi d^2/4 L (plus receivers added by the caller)."""
    d = np.atleast_1d(check_positive("diameters", diameters, "m"))
    L = np.atleast_1d(check_nonnegative("lengths", lengths, "m"))
    if d.shape != L.shape:
        raise ValueError(f"diameters and lengths must have the same length; got {d.size} and {L.size}")
    return float(np.sum(math.pi / 4.0 * d ** 2 * L))


def cylinder_air_use(bore, stroke, cycles_per_minute, gauge_pressure, rod_diameter=0.0,
                     double_acting=True):
    r"""Free air used by a pneumatic cylinder [m3/s].

    Swept volume per cycle: :math:`\pi/4 [D^2 + (D^2 - d^2)] s` (double acting; the return
    stroke fills the annulus), compressed to the line: free air = swept x (p_g + p_atm)/p_ref.

    >>> round(cylinder_air_use(0.05, 0.2, 10.0, 6.0e5) * 60, 5)    # m3/min free air
    0.05508
    """
    D = float(check_positive("bore", bore, "m"))
    s = float(check_positive("stroke", stroke, "m"))
    n = float(check_nonnegative("cycles_per_minute", cycles_per_minute, "1/min"))
    pg = float(check_nonnegative("gauge_pressure", gauge_pressure, "Pa"))
    d = float(check_range("rod_diameter", rod_diameter, 0.0, D, "m", high_inclusive=False))
    area = math.pi / 4.0 * D * D
    swept = area * s + ((area - math.pi / 4.0 * d * d) * s if double_acting else 0.0)
    return swept * n / 60.0 * (pg + P_ATM) / ISO1217_PRESSURE


def operating_cost(power, hours, price):
    """Annual operating cost [currency/yr] = power [W] x hours [h/yr] x price [currency/kWh]. [vec]"""
    p = check_nonnegative("power", power, "W")
    h = check_range("hours", hours, 0.0, 8760.0, "h/yr")
    c = check_nonnegative("price", price, "currency/kWh")
    return np.asarray(p) / 1e3 * np.asarray(h) * np.asarray(c)
