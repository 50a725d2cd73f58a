"""Claim files: schema, loading (TOML / YAML / JSON) and structural validation.

A claim states what a retrofit did in one year of operation. Every key is optional;
unknown keys are errors that name them.

Top level
    ``name`` (str), ``region`` (str, default "TW"), ``year`` (int: the year of the
    figures), ``currency`` (str, default "TWD" for TW), ``investment``, ``subsidy``
    [currency], ``payback_years`` [yr], ``product_t`` [t product/yr], ``source`` (str:
    where the figures were read), ``notes`` (str), ``date`` (ISO date or TOML date: when
    the claim was written; CO2 is judged against the grid factors announced by then),
    ``factor_basis`` (str: the factor the claimant says it used, "actual", "actual:2022",
    "target:2024", "statutory_baseline:2025", ...), and three sections:
``baseline`` / ``retrofit`` (annual figures before and after)
    carriers ``electricity_kwh``, ``natural_gas_nm3``, ``fuel_oil_kl``, ``diesel_kl``,
    ``lpg_t``, ``coal_t``, ``steam_t``, ``heat_gj``, ``heat_kloe``; energy totals
    ``energy_gj``, ``energy_toe``, ``energy_kloe``; ``co2_t`` [t CO2e/yr]; ``cost``
    [currency/yr]; ``co2_kg_per_t_product``.
``savings``
    the same keys (baseline minus retrofit), plus ``energy_fraction`` and
    ``co2_fraction`` (saving / baseline, as fractions: 0.058 for 5.8 %).

Example (TOML)::

    name = "Boiler economizer"
    region = "TW"
    year = 2024
    [baseline]
    natural_gas_nm3 = 1200000
    [retrofit]
    natural_gas_nm3 = 1130000
    [savings]
    natural_gas_nm3 = 70000
    co2_t = 151
    energy_fraction = 0.058
"""
from __future__ import annotations

import json
import math
import re
import tomllib
from pathlib import Path

import yaml

from procsim.accounting.units import CARRIERS

__all__ = ["TOP_KEYS", "SECTION_KEYS", "SAVINGS_KEYS", "UNITS", "load_claim", "schema_problems"]

TOTAL_KEYS = ("energy_gj", "energy_toe", "energy_kloe")
SECTION_KEYS = tuple(CARRIERS) + TOTAL_KEYS + ("co2_t", "cost", "co2_kg_per_t_product")
SAVINGS_KEYS = SECTION_KEYS + ("energy_fraction", "co2_fraction")
_TEXT = ("name", "region", "currency", "source", "notes")
_NUMBER = ("investment", "subsidy", "payback_years", "product_t")
TOP_KEYS = _TEXT + ("year",) + _NUMBER + ("baseline", "retrofit", "savings", "date",
                                          "factor_basis", "mv")
#: keys of the optional [mv] table: meter data behind the claim (paths relative to the file)
MV_KEYS = ("baseline", "reporting", "drivers", "energy", "carrier", "period", "timezone",
           "counts", "model", "confidence")

#: unit of each figure, for messages (cost units get the currency appended)
UNITS = {
    "electricity_kwh": "kWh/yr", "natural_gas_nm3": "Nm3/yr", "fuel_oil_kl": "kL/yr",
    "diesel_kl": "kL/yr", "lpg_t": "t/yr", "coal_t": "t/yr", "steam_t": "t/yr", "wood_t": "t/yr",
    "heat_gj": "GJ/yr", "heat_kloe": "kLOE/yr", "energy_gj": "GJ/yr", "energy_toe": "toe/yr",
    "energy_kloe": "kLOE/yr", "co2_t": "t CO2e/yr", "cost": "/yr",
    "co2_kg_per_t_product": "kg CO2e/t product", "energy_fraction": "", "co2_fraction": "",
    "investment": "", "subsidy": "", "payback_years": "yr", "product_t": "t/yr",
}


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def schema_problems(claim) -> list[tuple[str, str]]:
    """[(field, message)] for every structural problem; empty when the claim is well formed."""
    if not isinstance(claim, dict):
        return [("", f"a claim must be a table/mapping of keys; got {type(claim).__name__}")]
    out = []
    unknown = [k for k in claim if k not in TOP_KEYS]
    if unknown:
        out.append((", ".join(map(str, unknown)),
                    f"unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(TOP_KEYS)}"))
    for k in _TEXT:
        if k in claim and not isinstance(claim[k], str):
            out.append((k, f"{k} must be text; got {claim[k]!r}"))
    if "year" in claim and (isinstance(claim["year"], bool) or not isinstance(claim["year"], int)):
        out.append(("year", f"year must be an integer calendar year; got {claim['year']!r}"))
    if "date" in claim:
        from procsim.accounting.factors import as_of_date
        try:
            as_of_date(claim["date"] if not isinstance(claim["date"], int) else None)
        except ValueError:
            out.append(("date", f"date must be an ISO date (YYYY-MM-DD); got {claim['date']!r}"))
    if "mv" in claim:
        mv = claim["mv"]
        if not isinstance(mv, dict):
            out.append(("mv", f"mv must be a table (baseline, reporting, drivers, ...); got {mv!r}"))
        else:
            bad = [k for k in mv if k not in MV_KEYS]
            if bad:
                out.append((", ".join(f"mv.{k}" for k in bad), f"unknown key(s) in mv: "
                            f"{', '.join(map(repr, bad))}; allowed: {', '.join(MV_KEYS)}"))
            for k in ("baseline", "reporting"):
                if not isinstance(mv.get(k), str):
                    out.append((f"mv.{k}", f"mv.{k} must be the path of a meter-data file "
                                           f"(relative to the claim file); got {mv.get(k)!r}"))
    if "factor_basis" in claim and not isinstance(claim["factor_basis"], str):
        out.append(("factor_basis", f"factor_basis must be text such as 'actual:2022'; got "
                                    f"{claim['factor_basis']!r}"))
    for k in _NUMBER:
        if k in claim:
            v = claim[k]
            if not _is_number(v):
                out.append((k, f"{k} must be a number; got {v!r}"))
            elif v < 0:
                out.append((k, f"{k} must be >= 0 {UNITS[k]}; got {v}".replace("  ", " ")))
    for section in ("baseline", "retrofit", "savings"):
        if section not in claim:
            continue
        body = claim[section]
        if not isinstance(body, dict):
            out.append((section, f"{section} must be a table of figures; got {body!r}"))
            continue
        allowed = SAVINGS_KEYS if section == "savings" else SECTION_KEYS
        bad = [k for k in body if k not in allowed]
        if bad:
            out.append((", ".join(f"{section}.{k}" for k in bad),
                        f"unknown key(s) in {section}: {', '.join(map(repr, bad))} (unknown carrier "
                        f"or unit); allowed: {', '.join(allowed)}"))
        for k, v in body.items():
            if k not in allowed:
                continue
            f = f"{section}.{k}"
            if not _is_number(v):
                out.append((f, f"{f} must be a number; got {v!r}"))
            elif section != "savings" and v < 0:
                out.append((f, f"{f} must be >= 0 {UNITS[k]}; got {v} (a baseline or retrofit "
                               "figure cannot be negative)"))
            elif k.endswith("_fraction") and not -1.0 <= v <= 1.0:
                out.append((f, f"{f} must be a fraction in [-1, 1] (0.058 for 5.8 %); got {v}"))
    return out


def _line_of(text: str, field: str) -> int | None:
    key = field.split(",")[0].split(".")[-1].strip()
    if not key:
        return None
    pat = re.compile(rf'^\s*"?{re.escape(key)}"?\s*[=:]', re.MULTILINE)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def load_claim(path) -> dict:
    """Read a claim from a .toml, .yaml/.yml or .json file and validate its structure.

    Raises ValueError naming the file and the line (syntax errors) or the field (and its
    line where it can be found) for unknown keys, wrong types and negative figures.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read claim file {path}: {exc.strerror}") from exc
    suffix = path.suffix.lower()
    try:
        if suffix in (".toml", ".tml"):
            data = tomllib.loads(text)
        elif suffix in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        elif suffix == ".json":
            data = json.loads(text)
        else:
            raise ValueError(f"claim file {path} must end in .toml, .yaml, .yml or .json; "
                             f"got {suffix!r}")
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"malformed TOML in {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ValueError(f"malformed YAML in {path}{where}: "
                         f"{getattr(exc, 'problem', None) or exc}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON in {path} at line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}") from exc
    if data is None:
        data = {}
    problems = schema_problems(data)
    if problems:
        parts = []
        for field, msg in problems:
            line = _line_of(text, field)
            parts.append(f"field {field}{f' (line {line})' if line else ''}: {msg}")
        raise ValueError(f"invalid claim file {path}: " + "; ".join(parts))
    return data
