"""Logged and metered time series: read with declared units, convert to SI, report gaps and spikes.

One reader for every kind of logged data (compressed-air logs, utility meters, M&V
interval and billing data). Readers return ``(data, metadata)`` (STYLE rule 10). Column
units are declared in the header as ``"name [unit]"`` (e.g. ``"flow [m3/min]"``,
``"pressure [bar(g)]"``, ``"power [kW]"``, ``"energy [kWh]"``, ``"gas [Nm3]"``,
``"steam [t]"``) or passed by the caller as ``units={"flow": "m3/min", ...}``; they are
parsed by :func:`procsim.quantities.to_si`, so a pressure must say gauge or absolute
("bar(g)", "psig", "bar(a)" ...): a bare "bar" or no unit at all is an error. Columns
whose quantity has no physical unit (production counts) are declared with ``kinds=``
and the unit ``"1"`` or a word ("pieces", "t product" is a mass).

Time zones: timestamps carrying an offset are kept as such; naive timestamps are local
time of ``timezone`` (an IANA name such as "Asia/Taipei" or "Europe/Berlin") when given,
with the repeated hour at the end of daylight saving resolved by order and a timestamp in
the skipped hour an error, and the index is then converted to UTC. Without ``timezone``
naive timestamps stay naive (one clock, no daylight saving assumed).

Cleaning (:func:`clean`) puts the series on a regular time step, fills gaps up to
``max_gap`` steps by linear interpolation (``max_gap=0``: never fill, as M&V requires),
replaces or only reports spikes found by a Hampel filter (rolling median +/- k x 1.4826 x
MAD; Pearson, "Outliers in process modeling and identification", IEEE Trans. Control
Syst. Technol. 10(1), 2002) and reports every change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from procsim.quantities import to_si
from procsim.validation import check_choice, check_positive, check_range

__all__ = ["KIND_BY_NAME", "read_log", "clean", "CleaningReport", "gaps"]

#: column-name stem -> quantity kind for procsim.quantities.to_si
KIND_BY_NAME = {"flow": "volume_flow", "pressure": "pressure", "power": "power",
                "temperature": "temperature", "energy": "energy", "gas": "volume",
                "steam": "mass", "demand": "power"}
#: kinds a caller may declare with ``kinds=`` besides those of procsim.quantities:
#: "count" (a number without unit: production pieces, occupancy), kept as given
EXTRA_KINDS = ("count",)

_HEADER = re.compile(r"^\s*(?P<name>[^\[]+?)\s*(?:\[(?P<unit>[^\]]*)\])?\s*$")


def _kind(name):
    stem = name.lower()
    for k, kind in KIND_BY_NAME.items():
        if stem.startswith(k) or stem.endswith(k) or f"_{k}" in stem or f"{k}_" in stem:
            return kind
    return None


#: gas volumes at reference conditions, as utility meters bill them: kept in m3 at those
#: conditions (Nm3: 0 degC, 101.325 kPa, DIN 1343; Sm3: 15 degC, 101.325 kPa, ISO 13443)
_REFERENCE_VOLUMES = {"Nm3": 1.0, "Sm3": 1.0, "kNm3": 1000.0}


def _affine(unit, kind):
    """(a, b) with SI = a + b * value, from two to_si evaluations (units here are affine).

    Evaluated at 1 and 2, not 0 and 1: zero of an absolute unit (0 bar(a), 0 K) is not a
    physical value and to_si refuses it."""
    if kind == "volume" and unit.strip() in _REFERENCE_VOLUMES:
        return 0.0, _REFERENCE_VOLUMES[unit.strip()]
    one = to_si(f"1 {unit}", kind)
    b = to_si(f"2 {unit}", kind) - one
    return one - b, b


def read_log(source, units=None, time_column="time", sheet_name=0, kinds=None, timezone=None):
    """Read a logged time series (CSV, Excel or a DataFrame) and convert every column to SI.

    Parameters
    ----------
    source : path to .csv / .csv.gz / .xlsx / .xls, or a pandas DataFrame
    units : optional {column name: unit} for columns whose header declares none
    time_column : name of the timestamp column (parsed with pandas.to_datetime)
    kinds : optional {column name: kind} for columns whose name does not tell the
        quantity (a kind of :data:`procsim.quantities.KINDS`, or "count" for a unitless
        number such as production pieces)
    timezone : IANA time zone of naive timestamps; the index is returned in UTC

    Returns
    -------
    (data, metadata): data is a DataFrame indexed by time with SI columns named by their
    stem ("flow", "pressure_1", ...); metadata maps each column to its original header,
    unit and kind.
    """
    units = dict(units or {})
    kinds = dict(kinds or {})
    if isinstance(source, pd.DataFrame):
        raw = source.copy()
    else:
        path = Path(source)
        name = path.name.lower()
        if path.suffix.lower() in (".xlsx", ".xls"):
            raw = pd.read_excel(path, sheet_name=sheet_name)
        elif name.endswith(".csv") or name.endswith(".csv.gz"):
            raw = pd.read_csv(path)
        else:
            raise ValueError(f"source must be a .csv, .csv.gz, .xlsx or .xls file or a DataFrame; got {path.name!r}")
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
        kind = kinds.pop(name, None) or _kind(name)
        if kind in EXTRA_KINDS:
            cols[name] = pd.to_numeric(raw[col], errors="coerce").to_numpy(dtype=float)
            meta[name] = {"header": str(col), "unit": unit or "1", "kind": kind}
            continue
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
    if kinds:
        raise ValueError(f"kinds given for columns not in the data: {sorted(kinds)}")
    if time_col is None:
        raise ValueError(f"no time column {time_column!r}; columns are {list(map(str, raw.columns))}")
    index = _time_index(raw[time_col], timezone)
    data = pd.DataFrame(cols, index=pd.DatetimeIndex(index, name="time"))
    for name, info in meta.items():
        if info["kind"] in ("volume_flow", "power"):
            neg = np.flatnonzero(data[name].to_numpy() < 0.0)
            if neg.size:
                i = int(neg[0])
                raise ValueError(f"{name} must be >= 0 ({info['unit']}); got "
                                 f"{float(raw.iloc[i][info['header']])!r} at row {i} ({data.index[i]})")
    return data.sort_index(), meta


def _time_index(values, timezone):
    """DatetimeIndex from timestamps; naive local times of ``timezone`` -> UTC."""
    try:
        index = pd.DatetimeIndex(pd.to_datetime(values))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"time column: cannot parse timestamps ({exc})") from exc
    if timezone is None:
        return index
    if index.tz is None:
        try:
            index = index.tz_localize(timezone, ambiguous="infer", nonexistent="raise")
        except Exception as exc:  # pytz/zoneinfo raise their own error types
            raise ValueError(f"time column: local times do not fit time zone {timezone!r} "
                             f"(a timestamp in the hour skipped when daylight saving starts, "
                             f"or a repeated hour that cannot be ordered): {exc}") from exc
    return index.tz_convert("UTC")


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


def clean(data: pd.DataFrame, step=None, max_gap=5, spike_window=11, spike_threshold=5.0,
          spikes="replace"):
    """Regularise, fill short gaps and remove spikes; returns (cleaned DataFrame, CleaningReport).

    step : time step [s] (default: the median spacing); max_gap : longest gap filled [steps]
    (0: never fill); spike_window : Hampel window [steps, odd]; spike_threshold : k in
    median +/- k*1.4826*MAD; spikes : "replace" (by the rolling median) or "report" (list
    them, leave the values).
    """
    check_choice("spikes", spikes, ("replace", "report"))
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
    filled, unfilled, spike_log = {}, {}, {}
    out = regular.copy()
    for c in out.columns:
        s = out[c]
        was_nan = s.isna()
        s_f = (s.interpolate(method="linear", limit=int(max_gap), limit_area="inside")
               if max_gap >= 1 else s.copy())
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
        spike_log[c] = [(str(t), float(s_f[t]), float(med[t])) for t in s_f.index[bad]]
        if spikes == "replace":
            s_f[bad] = med[bad]
        out[c] = s_f
    return out, CleaningReport(step, inserted, filled, unfilled, spike_log)




def gaps(data: pd.DataFrame, step=None) -> pd.DataFrame:
    """Every gap of a time series: one row per run of missing steps or missing values.

    Returns a DataFrame with columns ``column``, ``start``, ``end`` (first and last missing
    timestamp) and ``steps`` (missing intervals). Nothing is filled.
    """
    if not isinstance(data.index, pd.DatetimeIndex):
        raise ValueError("data must be indexed by time (a DatetimeIndex)")
    if len(data) < 2:
        return pd.DataFrame(columns=["column", "start", "end", "steps"])
    spacing = np.asarray((data.index[1:] - data.index[:-1]).total_seconds(), dtype=float)
    step = float(np.median(spacing)) if step is None else float(check_positive("step", step, "s"))
    grid = pd.date_range(data.index[0], data.index[-1], freq=pd.Timedelta(seconds=step))
    regular = data[~data.index.duplicated()].reindex(grid)
    rows = []
    for c in regular.columns:
        miss = regular[c].isna().to_numpy()
        if not miss.any():
            continue
        edges = np.flatnonzero(np.diff(np.concatenate(([0], miss.astype(int), [0]))))
        for a, b in zip(edges[::2], edges[1::2]):
            rows.append({"column": c, "start": grid[a], "end": grid[b - 1], "steps": int(b - a)})
    return pd.DataFrame(rows, columns=["column", "start", "end", "steps"])
