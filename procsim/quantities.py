"""Units at the boundary: user strings such as ``"8 bar(g)"`` or ``"150 degC"`` -> SI floats.

Everything inside procsim is SI (K, Pa absolute, J, kg, s, W, m). This module is the only
place where user units are parsed (STYLE.md rule 2). Parsing is done by pint.

Pressure is always explicit about its datum: ``"8 bar(g)"``, ``"8 barg"``, ``"116 psig"``,
``"700 kPa(g)"`` are gauge; ``"9 bar(a)"``, ``"9 bara"``, ``"130 psia"``, ``"1.2 MPa(a)"`` are
absolute. A bare ``"8 bar"`` in a pressure field raises ``ValueError`` rather than guessing.
Gauge readings are converted with the ambient pressure (default: the standard atmosphere,
101 325 Pa, ISO 2533:1975; pass ``ambient=`` for a site at altitude). A plain number
(int/float) is taken as already SI (Pa absolute, K, ...).

Examples
--------
>>> to_si("8 bar(g)", "pressure")
901325.0
>>> to_si("150 degC", "temperature")
423.15
>>> round(to_si("12 m3/min", "volume_flow"), 6)
0.2
>>> to_si("3 %", "fraction")
0.03
>>> round(to_si("540000 kWh/yr", "annual_energy") / 3.6e6)   # kWh per year
540000
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

__all__ = ["to_si", "from_si", "STANDARD_ATMOSPHERE", "KINDS", "unit_registry"]

#: Standard atmosphere [Pa] (ISO 2533:1975; also the "1 atm" of CoolProp/Cantera references).
STANDARD_ATMOSPHERE = 101325.0

#: kind -> (SI unit pint understands, pint dimensionality string)
KINDS = {
    "pressure": ("Pa", "[mass] / [length] / [time] ** 2"),
    "pressure_difference": ("Pa", "[mass] / [length] / [time] ** 2"),
    "temperature": ("K", "[temperature]"),
    "temperature_difference": ("delta_degC", "[temperature]"),
    "energy": ("J", "[length] ** 2 * [mass] / [time] ** 2"),
    "annual_energy": ("J", "[length] ** 2 * [mass] / [time] ** 3"),
    "power": ("W", "[length] ** 2 * [mass] / [time] ** 3"),
    "mass": ("kg", "[mass]"),
    "mass_flow": ("kg/s", "[mass] / [time]"),
    "volume": ("m**3", "[length] ** 3"),
    "volume_flow": ("m**3/s", "[length] ** 3 / [time]"),
    "length": ("m", "[length]"),
    "area": ("m**2", "[length] ** 2"),
    "time": ("s", "[time]"),
    "specific_energy": ("J/kg", "[length] ** 2 / [time] ** 2"),
    "specific_heat": ("J/kg/K", "[length] ** 2 / [time] ** 2 / [temperature]"),
    "heat_transfer_coefficient": ("W/m**2/K", "[mass] / [time] ** 3 / [temperature]"),
    "fraction": ("dimensionless", "dimensionless"),
}

_GAUGE = re.compile(r"^\s*(?P<num>[-+0-9.eE]+)\s*(?P<unit>bar|mbar|psi|kPa|MPa|Pa|kgf/cm2|kg/cm2)"
                    r"\s*(?:\(\s*(?P<d1>[gaGA])\s*\)|(?P<d2>[gaGA]))\s*$")
#: "m3", "cm2", "ft3" -> "m**3" ... so that engineers' shorthand parses
_POWER_SUFFIX = re.compile(r"\b(m|cm|mm|dm|km|ft|inch)([23])\b")
_PRESSURE_UNIT = re.compile(r"(bar|psi|Pa|atm|torr|mmHg|inHg|kgf|kg/cm2)", re.IGNORECASE)


@lru_cache(maxsize=1)
def unit_registry():
    """The pint registry procsim parses with (built once; read-only use).

    Adds Taiwan's energy-statistics units: kLOE (kilolitre of oil equivalent) = 9.0e6 kcal and
    the cubic metre of oil equivalent, both with the international-table calorie (4.1868 J),
    as used by the Energy Administration's Energy Statistics Handbook.
    """
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("kLOE = 9.0e9 * international_calorie = kloe")  # 9.0e6 kcal
    ureg.define("kgf_per_cm2 = kilogram_force / centimeter ** 2")
    return ureg


def _parse_pressure(text: str, ambient: float) -> float:
    m = _GAUGE.match(text)
    if not m:
        if _PRESSURE_UNIT.search(text):
            raise ValueError(
                f"pressure {text!r} must say whether it is gauge or absolute: write e.g. "
                f"'8 bar(g)', '8 barg', '116 psig' or '9 bar(a)', '9 bara', '130 psia'")
        raise ValueError(f"cannot read pressure {text!r}; expected a number and a unit such as '8 bar(g)'")
    unit = m.group("unit")
    datum = (m.group("d1") or m.group("d2")).lower()
    if unit in ("kgf/cm2", "kg/cm2"):
        unit = "kgf_per_cm2"
    ureg = unit_registry()
    pa = ureg.Quantity(float(m.group("num")), unit).to("Pa").magnitude
    return pa + ambient if datum == "g" else pa


def to_si(value, kind: str, *, ambient: float = STANDARD_ATMOSPHERE) -> float:
    """Convert ``value`` (a string with a unit, or a number already in SI) to an SI float.

    Parameters
    ----------
    value : str or float. Strings carry a unit; numbers are returned unchanged (as float).
    kind : one of :data:`KINDS` (e.g. "pressure", "temperature", "volume_flow", "fraction").
    ambient : ambient pressure [Pa] used to convert gauge pressures.

    Returns
    -------
    float in SI: Pa absolute, K, J, W, kg, kg/s, m3, m3/s, m, s, ... ; "annual_energy" gives
    joules per year (the string's per-time unit is multiplied by one year of 365.25 days,
    pint's ``year``); "fraction" gives a plain ratio ("3 %" -> 0.03).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(repr(k) for k in KINDS)}; got {kind!r}")
    if isinstance(value, bool):
        raise ValueError(f"{kind} must be a number or a string with a unit; got {value!r}")
    if isinstance(value, (int, float)):
        v = float(value)
        if not math.isfinite(v):
            raise ValueError(f"{kind} must be finite; got {value!r}")
        return v
    if not isinstance(value, str):
        raise ValueError(f"{kind} must be a number or a string with a unit; got {value!r}")
    text = value.strip()
    if kind == "pressure":
        return _parse_pressure(text, ambient)
    ureg = unit_registry()
    text = _POWER_SUFFIX.sub(r"\1**\2", text.replace("°", "deg"))
    if kind == "temperature_difference":
        text = re.sub(r"(?<!delta_)\bdeg([CF])\b", r"delta_deg\1", text)
    try:
        q = ureg.Quantity(text)
    except Exception as exc:  # pint raises several exception types for bad strings
        raise ValueError(f"cannot read {kind} {value!r}: {exc}") from None
    unit, dim = KINDS[kind]
    if kind == "annual_energy":
        q = q * ureg.Quantity(1.0, "year")
        unit = "J"
    if kind == "pressure_difference" and _GAUGE.match(text):
        raise ValueError(f"a pressure difference has no gauge/absolute datum; got {value!r}")
    if isinstance(q, (int, float)):
        if kind == "fraction":
            return float(q)
        raise ValueError(f"{kind} {value!r} has no unit; write it with one (e.g. {_example(kind)})")
    try:
        out = q.to(unit).magnitude
    except Exception:
        raise ValueError(f"{kind} {value!r} has the wrong dimension: expected a unit convertible "
                         f"to {unit} (e.g. {_example(kind)})") from None
    out = float(out)
    if not math.isfinite(out):
        raise ValueError(f"{kind} must be finite; got {value!r}")
    return out


def from_si(value: float, unit: str, *, ambient: float = STANDARD_ATMOSPHERE) -> float:
    """Convert an SI float to ``unit`` for display ("bar(g)", "degC", "kWh", "m3/min", ...)."""
    m = re.fullmatch(r"\s*(bar|psi|kPa|MPa)\s*\(\s*([ga])\s*\)\s*", unit)
    ureg = unit_registry()
    if m:
        pa = value - ambient if m.group(2) == "g" else value
        return float(ureg.Quantity(pa, "Pa").to(m.group(1)).magnitude)
    base = {"degC": "K", "degF": "K"}.get(unit)
    if base:
        return float(ureg.Quantity(value, "K").to(unit).magnitude)
    return float(ureg.Quantity(value, _si_unit_for(unit, ureg)).to(unit).magnitude)


def _si_unit_for(unit: str, ureg) -> str:
    q = ureg.Quantity(1.0, unit)
    return str(q.to_base_units().units)


def _example(kind: str) -> str:
    return {"temperature": "'150 degC'", "volume_flow": "'12 m3/min'", "power": "'75 kW'",
            "energy": "'3 GJ'", "annual_energy": "'540000 kWh/yr'", "mass_flow": "'5 t/h'",
            "length": "'50 mm'", "mass": "'3 t'", "time": "'8000 h'"}.get(kind, "a unit")
