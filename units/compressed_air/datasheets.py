"""Compressor fleets from data-sheet figures in procsim/data/compressors.csv (each row sourced)."""
from __future__ import annotations

import csv
from pathlib import Path

from .compressor import Compressor
from .flow import P_ATM

__all__ = ["fleet", "fleet_rows", "from_cagi_sheet"]

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


CFM = 0.028316846592 / 60.0      # m3/s per ft3/min (exact foot, NIST SP 811)
PSI = 6894.757293168              # Pa per psi (NIST SP 811, 2008, B.9)


def from_cagi_sheet(control, capacity_acfm, full_load_pressure_psig, package_power_kw,
                    specific_power_kw_per_100cfm=None, no_load_power_kw=None, vsd_points=None,
                    **details):
    """A :class:`Compressor` from the figures of a CAGI rotary-compressor data sheet.

    CAGI sheets (CAGI Performance Verification Program; ISO 1217 Annex C / E) give the rated
    capacity at full-load operating pressure [acfm, at the ISO 1217 reference inlet], the
    full-load operating pressure [psig], the total package input power at rated capacity
    [kW] and the specific package input power [kW/100 cfm]; VSD sheets add (capacity, power)
    pairs from minimum to maximum flow. Units are converted here (1 cfm = 0.028316846592
    m3/min, 1 psi = 6894.757 Pa, gauge referred to 101325 Pa).

    specific_power_kw_per_100cfm, when given, must agree with package_power / capacity to
    1 % (the sheet's rounding), else the sheet is inconsistent and an error says so.
    vsd_points : sequence of (acfm, kW) for control "vfd": turn-down = lowest / highest flow,
    turndown power = power at the lowest flow; flows and powers must both increase.
    """
    q = float(capacity_acfm) * CFM
    p_kw = float(package_power_kw)
    if specific_power_kw_per_100cfm is not None:
        implied = p_kw / float(capacity_acfm) * 100.0
        if abs(implied - float(specific_power_kw_per_100cfm)) > 0.01 * float(specific_power_kw_per_100cfm):
            raise ValueError(f"specific_power_kw_per_100cfm={specific_power_kw_per_100cfm!r} disagrees with "
                             f"package_power_kw / capacity_acfm x 100 = {implied:.4g} kW/100 cfm (more than 1 %)")
    d = dict(details, rated_pressure=float(full_load_pressure_psig) * PSI + P_ATM)
    if vsd_points is not None:
        if control != "vfd":
            raise ValueError(f"vsd_points are only for control 'vfd'; got control {control!r}")
        pts = sorted((float(a), float(b)) for a, b in vsd_points)
        if len(pts) < 2 or any(b2 <= b1 for (_, b1), (_, b2) in zip(pts, pts[1:])):
            raise ValueError(f"vsd_points must hold >= 2 (acfm, kW) pairs with power rising with flow; got {pts}")
        q = pts[-1][0] * CFM
        p_kw = pts[-1][1]
        d["turn_down"] = pts[0][0] / pts[-1][0]
        d["turndown_power"] = pts[0][1] * 1e3
    nl = None if no_load_power_kw is None else float(no_load_power_kw) * 1e3
    return Compressor(control, q, p_kw * 1e3, nl, **d)
