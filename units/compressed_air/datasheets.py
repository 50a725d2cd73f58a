"""Compressor fleets from data-sheet figures in procsim/data/compressors.csv (each row sourced)."""
from __future__ import annotations

import csv
from pathlib import Path

from .compressor import Compressor
from .flow import P_ATM

__all__ = ["fleet", "fleet_rows"]

_CSV = Path(__file__).resolve().parents[2] / "procsim" / "data" / "compressors.csv"


def fleet_rows(name):
    """Rows (dicts) of fleet ``name`` from compressors.csv, including source and status."""
    with open(_CSV, newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["fleet"] == name]
    if not rows:
        with open(_CSV, newline="") as fh:
            names = sorted({r["fleet"] for r in csv.DictReader(fh)})
        raise ValueError(f"fleet must be one of {names}; got {name!r}")
    return rows


def fleet(name, scale=1.0, power_factor=1.0, no_load_fraction=None, **details):
    """Tuple of :class:`Compressor` for fleet ``name``; ``scale`` multiplies flows and powers,
    ``power_factor`` multiplies the powers only (e.g. a documented age/condition factor);
    ``no_load_fraction`` overrides every unit's unloaded power as a fraction of full load.

    Data-sheet units in the CSV (m3/min, bar(g), kW) are converted to SI here; extra
    ``details`` go to every compressor (e.g. blowdown_time).
    """
    out = []
    for r in fleet_rows(name):
        d = dict(details, name=r["name"], rated_pressure=float(r["rated_pressure_barg"]) * 1e5 + P_ATM)
        if r["control"] == "vfd":
            d["turn_down"] = float(r["turn_down"])
            d["turndown_power"] = float(r["turndown_kw"]) * 1e3 * scale * power_factor
        out.append(Compressor(r["control"], float(r["rated_flow_m3_min"]) / 60.0 * scale,
                              float(r["full_load_kw"]) * 1e3 * scale * power_factor,
                              (float(r["no_load_kw"]) if no_load_fraction is None else
                               no_load_fraction * float(r["full_load_kw"])) * 1e3 * scale * power_factor,
                              **d))
    return tuple(out)
