"""Units at the boundary: user strings such as ``"8 bar(g)"`` or ``"150 degC"`` -> SI floats.

Everything inside procsim is SI (K, Pa absolute, J, kg, s, W, m). This module is the only
place where user units are parsed (docs/architecture.rst, convention 2). Parsing is done by pint.

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

Absolute temperatures and absolute pressures must come out above zero, whatever the input
form: ``to_si("-5 K", "temperature")`` and ``to_si("-2 bar(g)", "pressure")`` (98.7 kPa below
vacuum) are errors, as is a non-finite or non-positive ``ambient``. Text longer than
:data:`MAX_TEXT` characters, or with an exponent above 3 digits, is refused before pint
parses it (pint evaluates powers with Python integers, so ``9**999999999`` would not
return). pint Quantities are accepted; for pressure they are taken as absolute (pint has no
gauge datum).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from procsim.validation import as_float, check_pressure, short_repr

__all__ = ["to_si", "from_si", "STANDARD_ATMOSPHERE", "KINDS", "unit_registry", "MAX_TEXT"]

#: longest unit string parsed [characters]; "1.2345e6 kWh/yr" needs 15
MAX_TEXT = 200
#: kinds whose SI value is absolute and must be > 0 (K; Pa absolute)
_ABSOLUTE = {"temperature": ("K", "an absolute temperature"), "pressure": ("Pa", "an absolute pressure")}
_BIG_EXPONENT = re.compile(r"(\*\*|\^)\s*[-+(]*\s*\d{4,}")

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
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(repr(k) for k in KINDS)}; got {short_repr(kind)}")
    ambient = check_pressure("ambient", ambient)
    out = _to_si(value, kind, ambient)
    if kind in _ABSOLUTE and not out > 0.0:
        unit, what = _ABSOLUTE[kind]
        raise ValueError(f"{kind} must be > 0 {unit} ({what}); got {short_repr(value)} = {out!r} {unit}")
    return out


def _to_si(value, kind: str, ambient: float) -> float:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{kind} must be a number or a string with a unit; got {value!r}")
    if isinstance(value, (int, float)):
        return as_float(kind, value, KINDS[kind][0] if kind != "temperature_difference" else "K")
    if hasattr(value, "magnitude") and hasattr(value, "units") and not isinstance(value, str):
        return _from_quantity(value, kind)
    if not isinstance(value, str):
        raise ValueError(f"{kind} must be a number or a string with a unit; got {short_repr(value)}")
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise ValueError(f"{kind} text must be at most {MAX_TEXT} characters; got {len(text)} "
                         f"characters ({short_repr(text)})")
    if _BIG_EXPONENT.search(text):
        raise ValueError(f"cannot read {kind} {short_repr(value)}: exponents above 3 digits are refused")
    if kind == "pressure":
        return _parse_pressure(text, ambient)
    ureg = unit_registry()
    text = _POWER_SUFFIX.sub(r"\1**\2", text.replace("°", "deg"))
    if kind == "temperature_difference":
        text = re.sub(r"(?<!delta_)\bdeg([CF])\b", r"delta_deg\1", text)
    try:
        q = ureg.Quantity(text)
    except Exception as exc:  # pint raises several exception types for bad strings
        raise ValueError(f"cannot read {kind} {short_repr(value)}: {short_repr(str(exc))}") from None
    unit, dim = KINDS[kind]
    if kind == "annual_energy":
        q = q * ureg.Quantity(1.0, "year")
        unit = "J"
    if kind == "pressure_difference" and _GAUGE.match(text):
        raise ValueError(f"a pressure difference has no gauge/absolute datum; got {value!r}")
    if isinstance(q, (int, float)):
        if kind == "fraction":
            return as_float(kind, q)
        raise ValueError(f"{kind} {value!r} has no unit; write it with one (e.g. {_example(kind)})")
    try:
        out = q.to(unit).magnitude
    except Exception:
        raise ValueError(f"{kind} {value!r} has the wrong dimension: expected a unit convertible "
                         f"to {unit} (e.g. {_example(kind)})") from None
    try:
        out = float(out)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{kind} must be a finite number; got {short_repr(value)}") from None
    if not math.isfinite(out):
        raise ValueError(f"{kind} must be finite; got {value!r}")
    return out


def _from_quantity(q, kind: str) -> float:
    """A pint Quantity (any registry) -> SI float of ``kind``; pressures are taken as absolute."""
    ureg = unit_registry()
    unit = KINDS[kind][0] if kind != "annual_energy" else "J/s"
    try:
        mag = as_float(kind, q.magnitude)
        out = ureg.Quantity(mag, str(q.units)).to(unit).magnitude
    except ValueError:
        raise
    except Exception:
        raise ValueError(f"{kind} {short_repr(q)} has the wrong dimension: expected a unit "
                         f"convertible to {unit}") from None
    if kind == "annual_energy":
        out = out * ureg.Quantity(1.0, "year").to("s").magnitude
    return as_float(kind, out)


def from_si(value: float, unit: str, *, ambient: float = STANDARD_ATMOSPHERE) -> float:
    """Convert an SI float to ``unit`` for display ("bar(g)", "degC", "kWh", "m3/min", ...).

    Raises ``ValueError`` naming the unit when pint does not know it, and naming ``value``
    when it is not a finite number.

    Examples
    --------
    >>> from_si(901325.0, "bar(g)")
    8.0
    """
    value = as_float("value", value)
    if not isinstance(unit, str) or not unit.strip() or len(unit) > MAX_TEXT:
        raise ValueError(f"unit must be a unit name such as 'bar(g)', 'degC' or 'kWh'; got {short_repr(unit)}")
    if _BIG_EXPONENT.search(unit):
        raise ValueError(f"unit {short_repr(unit)}: exponents above 3 digits are refused")
    m = re.fullmatch(r"\s*(bar|psi|kPa|MPa)\s*\(\s*([ga])\s*\)\s*", unit)
    ureg = unit_registry()
    try:
        if m:
            ambient = check_pressure("ambient", ambient)
            pa = value - ambient if m.group(2) == "g" else value
            return float(ureg.Quantity(pa, "Pa").to(m.group(1)).magnitude)
        base = {"degC": "K", "degF": "K"}.get(unit)
        if base:
            return float(ureg.Quantity(value, "K").to(unit).magnitude)
        return float(ureg.Quantity(value, _si_unit_for(unit, ureg)).to(unit).magnitude)
    except ValueError:
        raise
    except Exception as exc:  # pint: UndefinedUnitError (an AttributeError), DimensionalityError, ...
        raise ValueError(f"unknown unit {unit!r} for from_si: {short_repr(str(exc))}") from None


def _si_unit_for(unit: str, ureg) -> str:
    q = ureg.Quantity(1.0, unit)
    return str(q.to_base_units().units)


def _example(kind: str) -> str:
    return {"temperature": "'150 degC'", "volume_flow": "'12 m3/min'", "power": "'75 kW'",
            "energy": "'3 GJ'", "annual_energy": "'540000 kWh/yr'", "mass_flow": "'5 t/h'",
            "length": "'50 mm'", "mass": "'3 t'", "time": "'8000 h'"}.get(kind, "a unit")
