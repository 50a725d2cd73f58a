"""Logged compressed-air data: read, convert to SI, clean, and infer flow from power.

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

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from procsim.quantities import to_si
from procsim.validation import check_positive, check_range

from .compressor import Compressor

__all__ = ["KIND_BY_NAME", "read_log", "clean", "CleaningReport", "infer_flow", "FlowEstimate"]

#: column-name stem -> quantity kind for procsim.quantities.to_si
KIND_BY_NAME = {"flow": "volume_flow", "pressure": "pressure", "power": "power",
                "temperature": "temperature", "energy": "energy"}

_HEADER = re.compile(r"^\s*(?P<name>[^\[]+?)\s*(?:\[(?P<unit>[^\]]*)\])?\s*$")


def _kind(name):
    stem = name.lower()
    for k, kind in KIND_BY_NAME.items():
        if stem.startswith(k) or stem.endswith(k) or f"_{k}" in stem or f"{k}_" in stem:
            return kind
    return None


def _affine(unit, kind):
    """(a, b) with SI = a + b * value, from two to_si evaluations (units here are affine).

    Evaluated at 1 and 2, not 0 and 1: zero of an absolute unit (0 bar(a), 0 K) is not a
    physical value and to_si refuses it."""
    one = to_si(f"1 {unit}", kind)
    b = to_si(f"2 {unit}", kind) - one
    return one - b, b


def read_log(source, units=None, time_column="time", sheet_name=0):
    """Read a logged time series (CSV, Excel or a DataFrame) and convert every column to SI.

    Parameters
    ----------
    source : path to .csv / .xlsx / .xls, or a pandas DataFrame
    units : optional {column name: unit} for columns whose header declares none
    time_column : name of the timestamp column (parsed with pandas.to_datetime)

    Returns
    -------
    (data, metadata): data is a DataFrame indexed by time with SI columns named by their
    stem ("flow", "pressure_1", ...); metadata maps each column to its original header,
    unit and kind.
    """
    units = dict(units or {})
    if isinstance(source, pd.DataFrame):
        raw = source.copy()
    else:
        path = Path(source)
        if path.suffix.lower() in (".xlsx", ".xls"):
            raw = pd.read_excel(path, sheet_name=sheet_name)
        elif path.suffix.lower() == ".csv":
            raw = pd.read_csv(path)
        else:
            raise ValueError(f"source must be a .csv, .xlsx or .xls file or a DataFrame; got {path.name!r}")
    cols = {}
    meta = {}
    time_col = None
    for col in raw.columns:
        m = _HEADER.match(str(col))
        name, unit = m.group("name").strip(), m.group("unit")
        if name.lower() == time_column.lower():
            time_col = col
            continue
        unit = units.pop(name, unit)
        kind = _kind(name)
        if kind is None:
            raise ValueError(f"column {col!r}: cannot tell its quantity; name it with one of "
                             f"{sorted(KIND_BY_NAME)} (e.g. 'flow [m3/min]')")
        if not unit:
            hint = " (gauge or absolute: e.g. 'bar(g)', 'psig', 'bar(a)')" if kind == "pressure" else ""
            raise ValueError(f"column {col!r} declares no unit{hint}; write it in the header as "
                             f"'{name} [unit]' or pass units={{'{name}': ...}}")
        try:
            a, b = _affine(unit, kind)
        except ValueError as exc:
            raise ValueError(f"column {col!r}: unit {unit!r} is not a valid {kind} unit: {exc}") from exc
        values = pd.to_numeric(raw[col], errors="coerce").to_numpy(dtype=float)
        cols[name] = a + b * values
        meta[name] = {"header": str(col), "unit": unit, "kind": kind}
    if units:
        raise ValueError(f"units given for columns not in the data: {sorted(units)}")
    if time_col is None:
        raise ValueError(f"no time column {time_column!r}; columns are {list(map(str, raw.columns))}")
    index = pd.to_datetime(raw[time_col])
    data = pd.DataFrame(cols, index=pd.DatetimeIndex(index, name="time"))
    for name, info in meta.items():
        if info["kind"] in ("volume_flow", "power"):
            neg = np.flatnonzero(data[name].to_numpy() < 0.0)
            if neg.size:
                i = int(neg[0])
                raise ValueError(f"{name} must be >= 0 ({info['unit']}); got "
                                 f"{float(raw.iloc[i][info['header']])!r} at row {i} ({data.index[i]})")
    return data.sort_index(), meta


@dataclass(frozen=True)
class CleaningReport:
    """What :func:`clean` changed, per column."""

    step: float                        # regular time step used [s]
    inserted_rows: int                 # timestamps added to make the series regular
    filled: dict = field(default_factory=dict)      # column -> number of values interpolated
    unfilled: dict = field(default_factory=dict)    # column -> values left NaN (gaps > max_gap)
    spikes: dict = field(default_factory=dict)      # column -> list of (time, old, new)

    def summary(self) -> str:
        lines = [f"regular step {self.step:g} s; {self.inserted_rows} missing timestamps inserted"]
        for c in sorted(set(self.filled) | set(self.unfilled) | set(self.spikes)):
            lines.append(f"{c}: {self.filled.get(c, 0)} gap values interpolated, "
                         f"{self.unfilled.get(c, 0)} left missing, {len(self.spikes.get(c, []))} spikes replaced")
        return "\n".join(lines)


def clean(data: pd.DataFrame, step=None, max_gap=5, spike_window=11, spike_threshold=5.0):
    """Regularise, fill short gaps and remove spikes; returns (cleaned DataFrame, CleaningReport).

    step : time step [s] (default: the median spacing); max_gap : longest gap filled [steps];
    spike_window : Hampel window [steps, odd]; spike_threshold : k in median +/- k*1.4826*MAD.
    """
    if not isinstance(data.index, pd.DatetimeIndex):
        raise ValueError("data must be indexed by time (a DatetimeIndex), as read_log returns")
    if len(data) < 3:
        raise ValueError(f"data must hold at least 3 rows; got {len(data)}")
    spacing = np.asarray((data.index[1:] - data.index[:-1]).total_seconds(), dtype=float)
    step = float(np.median(spacing)) if step is None else float(check_positive("step", step, "s"))
    check_range("max_gap", max_gap, 0, None, "steps")
    check_positive("spike_threshold", spike_threshold, "")
    grid = pd.date_range(data.index[0], data.index[-1], freq=pd.Timedelta(seconds=step))
    regular = data[~data.index.duplicated()].reindex(grid)
    inserted = int(len(grid) - data.index.isin(grid).sum())
    filled, unfilled, spikes = {}, {}, {}
    out = regular.copy()
    for c in out.columns:
        s = out[c]
        was_nan = s.isna()
        s_f = s.interpolate(method="linear", limit=int(max_gap), limit_area="inside")
        # a gap longer than max_gap stays missing entirely (pandas would fill its first values)
        runs = (was_nan != was_nan.shift()).cumsum()
        run_len = was_nan.groupby(runs).transform("sum")
        s_f[was_nan & (run_len > max_gap)] = np.nan
        filled[c] = int((was_nan & s_f.notna()).sum())
        unfilled[c] = int(s_f.isna().sum())
        med = s_f.rolling(spike_window, center=True, min_periods=1).median()
        mad = (s_f - med).abs().rolling(spike_window, center=True, min_periods=1).median()
        bad = (s_f - med).abs() > spike_threshold * 1.4826 * mad
        bad &= mad > 0
        spikes[c] = [(str(t), float(s_f[t]), float(med[t])) for t in s_f.index[bad]]
        s_f[bad] = med[bad]
        out[c] = s_f
    return out, CleaningReport(step, inserted, filled, unfilled, spikes)


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
