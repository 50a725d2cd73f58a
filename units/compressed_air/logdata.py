"""Logged compressed-air data: read, convert to SI, clean, and infer flow from power.

:func:`read_log` and :func:`clean` are :mod:`procsim.meterdata`'s, re-exported here.
Readers return ``(data, metadata)`` (STYLE rule 10). Column units are declared in the
header as ``"name [unit]"`` (e.g. ``"flow [m3/min]"``, ``"pressure [bar(g)]"``,
``"power [kW]"``) or passed by the caller as ``units={"flow": "m3/min", ...}``; they are
parsed by :func:`procsim.quantities.to_si`, so a pressure must say gauge or absolute
("bar(g)", "psig", "bar(a)" ...): a bare "bar" or no unit at all is an error.

Cleaning (:func:`clean`) puts the series on a regular time step, fills gaps up to
``max_gap`` steps by linear interpolation, replaces spikes found by a Hampel filter
(rolling median +/- k x 1.4826 x MAD; Pearson, "Outliers in process modeling and
identification", IEEE Trans. Control Syst. Technol. 10(1), 2002) and reports every change.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# the reader and the cleaning live in procsim (one reader for all logged and metered data)
from procsim.meterdata import KIND_BY_NAME, CleaningReport, clean, read_log
from procsim.validation import check_range

from .compressor import Compressor

__all__ = ["KIND_BY_NAME", "read_log", "clean", "CleaningReport", "infer_flow", "FlowEstimate"]


@dataclass(frozen=True)
class FlowEstimate:
    """Flow inferred from power [m3/s], with a band from the power uncertainty."""

    flow: np.ndarray
    low: np.ndarray
    high: np.ndarray
    note: str


def infer_flow(power, compressor: Compressor, power_uncertainty=0.02, discharge_pressure=None):
    """Delivered free-air flow [m3/s] from logged input power [W] through the control curve.

    The band [low, high] is the flow at power x (1 -/+ power_uncertainty) (default 2 %:
    class-1 power meter plus CT error, engineering assumption). The curve itself carries
    its own uncertainty (data-sheet tolerance, CAGI: about +/-5 % on specific power above
    15 m3/min, facts.md 2.3, secondary), not included in the band. Averages over a log
    interval shorter than a load/unload cycle are not steady-state: use intervals of
    several cycles. Powers outside the curve's range are clipped to it for the band only.
    """
    p = np.asarray(check_range("power", power, 0.0, None, "W"), dtype=float)
    u = float(check_range("power_uncertainty", power_uncertainty, 0.0, 0.5, ""))
    lo_p, hi_p = compressor.power(0.0, discharge_pressure), compressor.power(compressor.rated_flow, discharge_pressure)
    flow = compressor.flow_from_power(p, discharge_pressure)
    low = compressor.flow_from_power(np.clip(p * (1 - u), lo_p, hi_p), discharge_pressure)
    high = compressor.flow_from_power(np.clip(p * (1 + u), lo_p, hi_p), discharge_pressure)
    note = (f"{compressor.name}: flow from power through the {compressor.control} curve; band = power "
            f"+/-{100 * u:g} %; data-sheet curve tolerance (about +/-5 %) not included")
    return FlowEstimate(np.atleast_1d(flow), np.atleast_1d(low), np.atleast_1d(high), note)
