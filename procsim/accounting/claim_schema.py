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

Bounds (hostile or mistyped files must be refused, not judged):

* every figure is a finite number of magnitude at most :data:`MAX_FIGURE` (1e15: a thousand
  times Taiwan's annual electricity use in kWh, about 2.8e11 kWh in 2023; assumed bound,
  chosen so that no real retrofit is refused and no product of two figures overflows);
  booleans are not numbers, and integers beyond a float's range are refused;
* ``year`` is a calendar year in [:data:`YEAR_RANGE`] (1900-2100: figures before 1900 or
  after 2100 are typing errors for a retrofit claim; assumed bound);
* files are at most :data:`MAX_FILE_BYTES` (256 KiB; claims are a few hundred bytes), UTF-8,
  and YAML files use at most :data:`MAX_YAML_ALIASES` aliases and :data:`MAX_DEPTH` levels
  of nesting (a "billion laughs" file is refused before it is expanded);
* messages show offending values through ``reprlib`` (bounded) and list at most
  :data:`MAX_LISTED_KEYS` unknown keys.

Files are parsed with ``tomllib``, ``yaml.SafeLoader`` (no Python tags) and ``json``; nothing
in a claim file is ever evaluated, executed or unpickled.

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
from procsim.validation import short_repr

__all__ = ["TOP_KEYS", "SECTION_KEYS", "SAVINGS_KEYS", "UNITS", "load_claim", "schema_problems",
           "MAX_FILE_BYTES", "MAX_FIGURE", "YEAR_RANGE", "MAX_YAML_ALIASES", "MAX_DEPTH",
           "MAX_LISTED_KEYS", "MAX_YAML_NODES"]

#: largest claim file read [bytes]
MAX_FILE_BYTES = 1 << 18
#: largest magnitude of any figure in a claim (see the module notes)
MAX_FIGURE = 1.0e15
#: allowed calendar years of a claim (inclusive)
YEAR_RANGE = (1900, 2100)
#: most YAML aliases (``*name``) a claim file may use
MAX_YAML_ALIASES = 100
#: deepest nesting of tables/lists in a claim file
MAX_DEPTH = 20
#: most values a YAML claim file may expand to once aliases are resolved
MAX_YAML_NODES = 10_000
#: most unknown keys named in one message (the rest are counted)
MAX_LISTED_KEYS = 10

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
    """A finite int/float (not bool) of magnitude <= MAX_FIGURE; huge ints do not overflow here."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return False
    if isinstance(x, int):
        return -MAX_FIGURE <= x <= MAX_FIGURE  # int/float comparison is exact, never overflows
    return math.isfinite(x) and abs(x) <= MAX_FIGURE


def _number_problem(f: str, v) -> str:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and not (
            isinstance(v, float) and math.isnan(v)):
        return f"{f} must be a finite number of magnitude <= {MAX_FIGURE:g}; got {short_repr(v)}"
    return f"{f} must be a number; got {short_repr(v)}"


def _keys_text(keys) -> str:
    shown = ", ".join(short_repr(k) for k in keys[:MAX_LISTED_KEYS])
    more = len(keys) - MAX_LISTED_KEYS
    return shown + (f" and {more} more" if more > 0 else "")


def _field_text(prefix: str, keys) -> str:
    shown = ", ".join(f"{prefix}{short_repr(k) if not isinstance(k, str) or len(k) > 40 else k}"
                      for k in keys[:MAX_LISTED_KEYS])
    more = len(keys) - MAX_LISTED_KEYS
    return shown + (f" and {more} more" if more > 0 else "")


def schema_problems(claim) -> list[tuple[str, str]]:
    """[(field, message)] for every structural problem; empty when the claim is well formed.

    Messages are bounded whatever the claim holds: values through ``reprlib``, at most
    :data:`MAX_LISTED_KEYS` unknown keys named.
    """
    if not isinstance(claim, dict):
        return [("", f"a claim must be a table/mapping of keys; got {type(claim).__name__}")]
    out = []
    unknown = [k for k in claim if k not in TOP_KEYS]
    if unknown:
        out.append((_field_text("", unknown),
                    f"unknown key(s) {_keys_text(unknown)}; allowed: {', '.join(TOP_KEYS)}"))
    for k in _TEXT:
        if k in claim and not isinstance(claim[k], str):
            out.append((k, f"{k} must be text; got {short_repr(claim[k])}"))
    if "year" in claim:
        y = claim["year"]
        lo, hi = YEAR_RANGE
        if isinstance(y, bool) or not isinstance(y, int):
            out.append(("year", f"year must be an integer calendar year; got {short_repr(y)}"))
        elif not lo <= y <= hi:
            out.append(("year", f"year must be a calendar year in [{lo}, {hi}]; got {short_repr(y)}"))
    if "date" in claim:
        from procsim.accounting.factors import as_of_date
        try:
            as_of_date(claim["date"] if not isinstance(claim["date"], int) else None)
        except ValueError:
            out.append(("date", f"date must be an ISO date (YYYY-MM-DD); got {short_repr(claim['date'])}"))
    if "mv" in claim:
        mv = claim["mv"]
        if not isinstance(mv, dict):
            out.append(("mv", f"mv must be a table (baseline, reporting, drivers, ...); got {short_repr(mv)}"))
        else:
            bad = [k for k in mv if k not in MV_KEYS]
            if bad:
                out.append((", ".join(f"mv.{k}" for k in bad), f"unknown key(s) in mv: "
                            f"{', '.join(map(repr, bad))}; allowed: {', '.join(MV_KEYS)}"))
            for k in ("baseline", "reporting"):
                if not isinstance(mv.get(k), str):
                    out.append((f"mv.{k}", f"mv.{k} must be the path of a meter-data file "
                                           f"(relative to the claim file); got {short_repr(mv.get(k))}"))
    if "factor_basis" in claim and not isinstance(claim["factor_basis"], str):
        out.append(("factor_basis", f"factor_basis must be text such as 'actual:2022'; got "
                                    f"{short_repr(claim['factor_basis'])}"))
    for k in _NUMBER:
        if k in claim:
            v = claim[k]
            if not _is_number(v):
                out.append((k, _number_problem(k, v)))
            elif v < 0:
                out.append((k, f"{k} must be >= 0 {UNITS[k]}; got {v}".replace("  ", " ")))
    for section in ("baseline", "retrofit", "savings"):
        if section not in claim:
            continue
        body = claim[section]
        if not isinstance(body, dict):
            out.append((section, f"{section} must be a table of figures; got {short_repr(body)}"))
            continue
        allowed = SAVINGS_KEYS if section == "savings" else SECTION_KEYS
        bad = [k for k in body if k not in allowed]
        if bad:
            out.append((_field_text(f"{section}.", bad),
                        f"unknown key(s) in {section}: {_keys_text(bad)} (unknown carrier "
                        f"or unit); allowed: {', '.join(allowed)}"))
        for k, v in body.items():
            if k not in allowed:
                continue
            f = f"{section}.{k}"
            if not _is_number(v):
                out.append((f, _number_problem(f, v)))
            elif section != "savings" and v < 0:
                out.append((f, f"{f} must be >= 0 {UNITS[k]}; got {v} (a baseline or retrofit "
                               "figure cannot be negative)"))
            elif k.endswith("_fraction") and not -1.0 <= v <= 1.0:
                out.append((f, f"{f} must be a fraction in [-1, 1] (0.058 for 5.8 %); got {v}"))
    return out


def _line_of(text: str, field: str) -> int | None:
    key = field.split(",")[0].split(".")[-1].strip()
    if not key or len(key) > 100:
        return None
    pat = re.compile(rf'^\s*"?{re.escape(key)}"?\s*[=:]', re.MULTILINE)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that bounds aliases, nesting and the expanded size while composing.

    A "billion laughs" file (nine lists of nine aliases of the previous list, nine levels)
    is 1.4 KB and 73 aliases, but 9**9 leaves once expanded; each composed node's expanded
    size (aliases counted at the size of what they point to) is tracked, and the file is
    refused past :data:`MAX_YAML_NODES`, before anything is constructed or walked.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0
        self._weight: dict[int, int] = {}

    def _refuse(self, what):
        raise yaml.YAMLError(_LimitMark(what, self.peek_event().start_mark))

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                self._refuse(f"more than {MAX_YAML_ALIASES} aliases (anchors re-used with *name)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                self._refuse(f"nesting deeper than {MAX_DEPTH} levels")
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if id(node) not in self._weight:
            if isinstance(node, yaml.SequenceNode):
                w = 1 + sum(self._weight.get(id(c), 1) for c in node.value)
            elif isinstance(node, yaml.MappingNode):
                w = 1 + sum(self._weight.get(id(k), 1) + self._weight.get(id(v), 1)
                            for k, v in node.value)
            else:
                w = 1
            self._weight[id(node)] = w
            if w > MAX_YAML_NODES:
                raise yaml.YAMLError(_LimitMark(
                    f"expands to more than {MAX_YAML_NODES:,} values (aliases of aliases: a "
                    f"'billion laughs' file)", node.start_mark))
        return node


class _LimitMark(str):
    def __new__(cls, text, mark):
        obj = super().__new__(cls, text)
        obj.mark = mark
        return obj


def _max_bracket_depth(text: str, stop: int) -> int:
    """Deepest nesting of [ ] and { } in ``text``, stopping early past ``stop`` (a cheap pre-check:
    PyYAML scans a whole flow collection before composing it, so depth must be caught first)."""
    depth = best = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "[{":
            depth += 1
            if depth > best:
                best = depth
                if best > stop:
                    break
        else:
            depth -= 1
    return best


_BRACKETS = re.compile(r"[\[\]{}]")


def _depth_ok(obj, limit: int = MAX_DEPTH) -> bool:
    """True when ``obj`` nests dicts/lists at most ``limit`` deep.

    Iterative (no recursion), and each container is visited once, so a structure that shares
    sub-lists (9 references to the same list, nine levels deep) costs its distinct size only.
    """
    stack = [(obj, 0)]
    seen: set[int] = set()
    while stack:
        o, d = stack.pop()
        if d > limit:
            return False
        if isinstance(o, (dict, list)):
            if id(o) in seen:
                continue
            seen.add(id(o))
            stack.extend((v, d + 1) for v in (o.values() if isinstance(o, dict) else o))
    return True


def _json_constant(name):
    """JSON's NaN / Infinity literals become floats so the schema names the field they sit in."""
    return float(name.replace("Infinity", "inf"))


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ValueError(f"cannot read claim file {path}: it is a directory")
        if size > MAX_FILE_BYTES:
            raise ValueError(f"claim file {path} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} "
                             "bytes (a claim is a few hundred)")
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ValueError(f"cannot read claim file {path}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:  # grew while being read, or a device file
        raise ValueError(f"claim file {path} is larger than the limit of {MAX_FILE_BYTES:,} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ValueError(f"claim file {path} is not UTF-8 text: byte 0x{raw[exc.start]:02x} at line "
                         f"{line} (offset {exc.start}); save it as UTF-8") from None


def load_claim(path) -> dict:
    """Read a claim from a .toml, .yaml/.yml or .json file and validate its structure.

    Raises ValueError naming the file and the line (syntax errors) or the field (and its
    line where it can be found) for unknown keys, wrong types and negative figures. Files
    larger than :data:`MAX_FILE_BYTES`, not UTF-8, nested deeper than :data:`MAX_DEPTH` or
    (YAML) using more than :data:`MAX_YAML_ALIASES` aliases are refused before their content
    is walked; JSON ``NaN``/``Infinity`` literals are refused by the schema, naming their field.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".tml", ".yaml", ".yml", ".json"):
        raise ValueError(f"claim file {path} must end in .toml, .yaml, .yml or .json; "
                         f"got {short_repr(suffix)}")
    text = _read_text(path)
    if _max_bracket_depth(text, MAX_DEPTH) > MAX_DEPTH:
        raise ValueError(f"claim file {path} is nested deeper than {MAX_DEPTH} levels")
    try:
        if suffix in (".toml", ".tml"):
            data = tomllib.loads(text)
        elif suffix in (".yaml", ".yml"):
            data = yaml.load(text, Loader=_BoundedLoader)  # noqa: S506  (SafeLoader subclass)
        else:
            data = json.loads(text, parse_constant=_json_constant)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"malformed TOML in {path}: {short_repr(str(exc))}") from exc
    except yaml.YAMLError as exc:
        arg = exc.args[0] if exc.args else None
        if isinstance(arg, _LimitMark):
            raise ValueError(f"claim file {path} refused at line {arg.mark.line + 1}: {arg}") from None
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ValueError(f"malformed YAML in {path}{where}: "
                         f"{short_repr(str(getattr(exc, 'problem', None) or exc))}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON in {path} at line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}") from exc
    except RecursionError:
        raise ValueError(f"claim file {path} is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as exc:  # JSON NaN/Infinity, TOML/JSON integers beyond Python's digit limit
        raise ValueError(f"claim file {path}: {short_repr(str(exc))}") from None
    if data is None:
        data = {}
    if not _depth_ok(data):
        raise ValueError(f"claim file {path} is nested deeper than {MAX_DEPTH} levels")
    problems = schema_problems(data)
    if problems:
        parts = []
        for field, msg in problems:
            line = _line_of(text, field)
            parts.append(f"field {field}{f' (line {line})' if line else ''}: {msg}")
        raise ValueError(f"invalid claim file {path}: " + "; ".join(parts))
    return data
