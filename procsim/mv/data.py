"""Meter data for M&V: read with declared units, align drivers to meter periods, degree-days.

:func:`read_meter` reads interval or billing data through :func:`procsim.meterdata.read_log`
(unit-declared headers, time zones) and returns it in M&V units: energy in kWh, gas in
Nm3 (m3 at reference conditions), steam in t, temperature in degC, counts as given.
:func:`periods` sums energy and production over the meter's periods and averages
temperature, reporting every period with missing data instead of filling it.
:func:`degree_days` computes heating or cooling degree-days from temperatures with a
stated base (mean-temperature method on daily means).

References
----------
ASHRAE Handbook - Fundamentals 2021, ch. 14 (degree-days: mean daily temperature method).
CIBSE TM41:2006, *Degree-days: theory and application*, sec. 2 (daily mean method).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from procsim.meterdata import gaps, read_log

__all__ = ["read_meter", "periods", "degree_days", "MeterData", "MV_UNITS"]

#: SI kind -> (M&V unit, divisor from SI)
MV_UNITS = {"energy": ("kWh", 3.6e6), "volume": ("m3 (as metered: Nm3)", 1.0),
            "mass": ("t", 1000.0), "temperature": ("degC", None), "power": ("kW", 1000.0),
            "count": ("1", 1.0)}


@dataclass(frozen=True)
class MeterData:
    """Meter data in M&V units with what was found missing.

    ``data`` (DataFrame, DatetimeIndex), ``units`` ({column: unit}), ``gaps`` (DataFrame:
    column, start, end, steps), ``source``.
    """

    data: pd.DataFrame
    units: dict
    gaps: pd.DataFrame = field(repr=False)
    source: str = ""


def read_meter(source, units=None, kinds=None, timezone=None, time_column="time") -> MeterData:
    """Read meter data (CSV, .csv.gz, Excel or DataFrame) with declared units.

    Columns: ``"energy [kWh]"``, ``"gas [Nm3]"``, ``"steam [t]"``, ``"temperature [degC]"``,
    ``"demand [kW]"``; unitless drivers (production pieces) need ``kinds={"production":
    "count"}``; production in tonnes is a mass (``"production [t]"`` with
    ``kinds={"production": "mass"}``).
    """
    data, meta = read_log(source, units=units, kinds=kinds, timezone=timezone,
                          time_column=time_column)
    out, units_out = {}, {}
    for name, info in meta.items():
        kind = info["kind"]
        if kind == "temperature":
            out[name] = data[name] - 273.15
            units_out[name] = "degC"
        elif kind in MV_UNITS:
            unit, div = MV_UNITS[kind]
            out[name] = data[name] / div
            units_out[name] = unit if kind != "count" else info["unit"]
        else:
            out[name] = data[name]
            units_out[name] = f"SI ({kind})"
    frame = pd.DataFrame(out, index=data.index)
    return MeterData(frame, units_out, gaps(frame) if len(frame) > 1 else gaps(frame.iloc[:0]),
                     str(source) if not isinstance(source, pd.DataFrame) else "DataFrame")


def periods(data: pd.DataFrame, freq: str, sums=("energy",), means=("temperature",),
            timezone: str | None = None, min_coverage: float = 1.0):
    """Aggregate interval data to meter periods ("D", "W", "MS", "h", ...).

    Sums ``sums`` columns and averages ``means`` columns over each period, in local time of
    ``timezone`` when the index is UTC. A period whose intervals are not all present
    (coverage below ``min_coverage``) is dropped from the result and listed in the
    returned report: gaps are never filled.

    Returns (DataFrame of complete periods, DataFrame of dropped periods with coverage).
    """
    missing = [c for c in (*sums, *means) if c not in data.columns]
    if missing:
        raise ValueError(f"data lacks column(s) {missing}; has {list(data.columns)}")
    if not 0.0 < min_coverage <= 1.0:
        raise ValueError(f"min_coverage must be in (0, 1]; got {min_coverage}")
    idx = data.index
    if timezone is not None:
        if idx.tz is None:
            raise ValueError("timezone given but the index is naive; read with timezone=")
        data = data.tz_convert(timezone)
    # spacing as Timedeltas: independent of the index's resolution (ns in pandas 2, us in 3)
    step = pd.Timedelta(np.median((data.index[1:] - data.index[:-1]).total_seconds()), unit="s")
    g = data.resample(freq)
    expected = g.size().astype(float)
    # intervals expected per period from the period length and the data step
    starts = expected.index
    ends = list(starts[1:]) + [starts[-1] + pd.tseries.frequencies.to_offset(freq)]
    expected = pd.Series([(e - s) / step for s, e in zip(starts, ends)], index=starts)
    counts = data[list(sums) + list(means)].notna().groupby(pd.Grouper(freq=freq)).sum()
    coverage = counts.min(axis=1) / expected
    out = pd.concat([g[list(sums)].sum(min_count=1), g[list(means)].mean()], axis=1)
    keep = coverage >= min_coverage - 1e-9
    # the first and last periods are often partial: they are dropped and reported like any other
    dropped = pd.DataFrame({"coverage": coverage[~keep]})
    return out[keep], dropped


def degree_days(temperature: pd.Series, base: float, kind: str = "heating",
                freq: str | None = None) -> pd.Series:
    """Heating or cooling degree-days [K day] from temperatures [degC] with base ``base``.

    Daily means are formed first (mean-temperature method); HDD = max(base - T_mean, 0),
    CDD = max(T_mean - base, 0) per day, summed to ``freq`` periods when given. The base
    is the caller's statement (common bases: 18 degC heating, 18 or 24 degC cooling,
    ASHRAE Fundamentals 2021 ch. 14; a change-point model's breakpoint is the building's
    own base).
    """
    if kind not in ("heating", "cooling"):
        raise ValueError(f"kind must be 'heating' or 'cooling'; got {kind!r}")
    base = float(base)
    if not np.isfinite(base):
        raise ValueError(f"base must be a finite temperature [degC]; got {base!r}")
    daily = temperature.resample("D").mean()
    dd = (base - daily) if kind == "heating" else (daily - base)
    dd = dd.clip(lower=0.0)
    dd.name = f"{'hdd' if kind == 'heating' else 'cdd'}_{base:g}"
    return dd.resample(freq).sum(min_count=1) if freq else dd
