"""Plant files: a plant written as data (TOML or YAML), solved as one flowsheet, and
retrofit options written as patches to it.

A plant file names units of any family (by the type names registered under the
``procsim.units`` entry points, :mod:`procsim.registry`), their parameters (SI numbers or
unit strings such as ``"7 bar(g)"``, ``"170 degC"``, ``"2 t/h"``, read by
:mod:`procsim.quantities`), the connections between their ports, the feeds entering the
plant, the operating hours (and an optional operating profile), prices and the accounting
basis (region and year of the emission factors, :mod:`procsim.accounting`)::

    [plant]
    name = "Boiler house"
    hours = 8000                 # operating hours per year
    region = "TW"                # emission factors (procsim.accounting.emissions)
    year = 2024
    currency = "TWD"

    [prices]                     # currency per carrier unit (procsim.accounting carriers)
    natural_gas_nm3 = 15.0

    [units.boiler]
    type = "boiler"              # a registered unit type
    fuel = "natural_gas"
    steam_pressure = "7 bar(g)"
    ...

    [feeds.hot_well]             # a stream entering the plant
    to = "boiler.feedwater_in"
    fluid = "Water"
    T = "80 degC"
    p = "9 bar(g)"
    mass_flow = "2 t/h"

    connections = [["whsg.feedwater_bypass_out", "boiler.feedwater_in"]]   # outlet -> inlet

    [guesses.flue_gas]           # first value of a recycle stream (a tear), given like a feed
    to = "economizer.gas_in"
    ...

    [feeds.scrap]                # a named feed stream (entry point group procsim.streams)
    to = "eaf.charge_in1"
    stream = "eaf_charge"        # the factory gets the other keys: heat, material, ...
    heat = "scrap_ac_120t"
    material = "scrap_hms"

    [specs.steam_demand]         # a design specification (as in process simulators)
    vary = "feeds.hot_well.mass_flow"
    target = "2 t/h"
    sum = ["boiler.steam_out"]       # mass flows [kg/s] whose sum must equal the target

    [specs.stack]                # or a port temperature [K] ...
    vary = "feeds.feedwater.mass_flow"
    target = "200 degC"
    temperature = "whb.gas_out"
    bounds = ["0.2 kg/s", "5 kg/s"]  # Brent's method inside the bounds

    [specs.air]                  # ... or a number of a unit result
    vary = "feeds.gap_air.mass_flow"
    target = 1.2
    result = "post.oxygen_ratio"

    [[profile]]                  # operating periods: weight (share of the hours) and patches
    weight = 1
    set = {"feeds.furnace_gas.T" = "125 degC"}

How a plant is solved
---------------------
Every period of the profile (one period of all hours without a profile) is the plant with
that period's patches applied, built into a :class:`procsim.flowsheet.Flowsheet` and solved
(recycles torn and converged there). Around it, as in sequential-modular process simulators:

* *Supplies*: a unit whose ``supplied_inlets`` (a fired boiler's fuel and air) are neither
  fed nor connected draws them itself from what it must deliver (the fuel its steam needs);
  the flowsheet counts them as feeds across the plant boundary.
* *Design specifications*: each spec varies one number of the plant (a key path) until what it
  measures (``sum``: summed mass flow of the named ports; ``temperature``: a port's
  temperature; ``result``: a field of a unit result) equals its target to a relative
  :data:`SPEC_TOL`. With ``bounds`` the root is bracketed and found by Brent's method
  (R. P. Brent, *Algorithms for Minimization without Derivatives*, 1973, ch. 4;
  :func:`scipy.optimize.brentq`); where a unit rejects the point at a bound the bracket is
  pulled in by halves; a target outside what the bounds reach is a :class:`PlantError`.
  Without bounds the secant method starts from the current value. Several specs are met
  together by repeating them in file order (Gauss-Seidel).

A unit table may carry an ``idle`` map (outlet -> inlet passed through, ``"inlet*0"`` for a
zero flow): when the unit's own model rejects the operating point (a waste-heat generator
whose gas is below saturation + pinch), the unit is idle in that period instead of failing,
and the report says so.

Annual figures: each unit result's energy carriers (``result.carriers`` per second when the
unit reports them; generated electricity is a negative ``electricity_kwh``, so the carriers
hold the plant's net purchase and a net exporter has a negative figure, credited at the grid
factor outside scope 2 (:func:`procsim.accounting.emissions`, ``electricity_export``);
``PlantResult.electricity`` splits it into consumed, generated, net, purchased and exported; a fired unit's ``fuel_mass_flow`` of a library fuel; a pump's ``shaft_power``
as electricity, motor losses not modelled) times each period's hours, summed; CO2e from
:func:`procsim.accounting.emissions`; cost from ``[prices]`` (Taiwan electricity defaults
to the packaged tariff, as in :func:`procsim.accounting.compare`).

Retrofit options (:func:`evaluate_options`) are patches: ``set`` (key path -> value, a whole
unit table to add a unit), ``append`` (key path of a list -> item), ``remove`` (key paths),
``disconnect`` (a unit name: every connection, feed and guess touching it; or one
'unit.port') and ``connect`` (outlet, inlet pairs; a new connection into an inlet replaces
the old one), applied in that order.
Each option is solved alone and every requested combination is solved as one patched plant,
so interactions come from the model; the results feed
:func:`procsim.accounting.compare_options` (ranking, MAC curve).

Parsing is safe: :mod:`tomllib`, or :func:`yaml.safe_load` behind a size limit and an alias
limit (no eval, no pickle, no Python tags). A bad plant file raises :class:`PlantError`
naming the file, the line where it can be found, the key path and the allowed values.
"""
from __future__ import annotations

import copy
import inspect
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["PlantError", "Plant", "PlantResult", "PeriodResult", "Boundary", "load_plant", "load_options",
           "read_data", "solve_plant", "evaluate_options", "OptionsReport", "apply_patch",
           "MAX_FILE_BYTES", "MAX_YAML_ALIASES", "SPEC_TOL"]

#: Largest plant or options file read [bytes] (a plant description is a few kB).
MAX_FILE_BYTES = 2_000_000
#: Most YAML aliases accepted (defends against alias-expansion "billion laughs" documents).
MAX_YAML_ALIASES = 100

TOP_KEYS = ("plant", "prices", "units", "connections", "feeds", "guesses", "specs", "profile")
PLANT_KEYS = ("name", "hours", "region", "year", "currency", "grid_basis", "description")
FEED_KEYS = ("to", "fluid", "T", "p", "mass_flow", "x", "flue_gas", "stream", "description")
SPEC_KEYS = ("vary", "target", "sum", "temperature", "result", "bounds", "description")
#: what a design specification can measure (exactly one per spec)
SPEC_MEASURES = ("sum", "temperature", "result")
PROFILE_KEYS = ("weight", "set", "name")
OPTION_KEYS = ("set", "append", "remove", "disconnect", "connect", "investment", "subsidy", "om_cost",
               "description")
#: balance tolerance (relative) every unit and the plant must close to in the final solve
BALANCE_TOL = 1e-9
#: a design specification is met when |measured - target| <= SPEC_TOL * |target|
SPEC_TOL = 1e-12


class PlantError(ValueError):
    """A plant or options file that cannot be used: names the file, line, key path, allowed values."""


# --------------------------------------------------------------------------- reading
class _Source:
    """Where a plant's data came from, for error messages (file and line of a key)."""

    def __init__(self, path: str = "<dict>", text: str = ""):
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, keypath: str) -> int | None:
        """Best-effort line number of a key path (TOML table headers / keys, YAML keys)."""
        if not self.lines:
            return None
        parts = [p for p in keypath.split(".") if p and not p.isdigit()]
        start = 0
        found = None
        for part in parts:
            pat = re.compile(r'^\s*(\[+\s*)?([\w."\- ]*[."]?)?\b' + re.escape(part) + r'\b["]?\s*(=|:|\]|\.)')
            for i in range(start, len(self.lines)):
                if pat.search(self.lines[i]):
                    found, start = i + 1, i
                    break
        return found

    def error(self, keypath: str, message: str) -> PlantError:
        line = self.line_of(keypath) if keypath else None
        where = f"{self.path}" + (f", line {line}" if line else "")
        return PlantError(f"{where}: {keypath or '(top level)'}: {message}")


def _yaml_load(text: str, path: str):
    import yaml

    class _Loader(yaml.SafeLoader):
        aliases = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                _Loader.aliases += 1
                if _Loader.aliases > MAX_YAML_ALIASES:
                    raise PlantError(f"{path}: more than {MAX_YAML_ALIASES} YAML aliases; refused")
            return super().compose_node(parent, index)

    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506  (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise PlantError(f"{path}: not valid YAML: {exc}") from None


def read_data(path) -> tuple[dict, _Source]:
    """Parse a TOML (.toml) or YAML (.yaml/.yml) file into a dict, safely, with its source."""
    p = Path(path)
    if not p.is_file():
        raise PlantError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PlantError(f"{p}: {size} bytes is larger than the {MAX_FILE_BYTES} bytes a plant file may have")
    text = p.read_text(encoding="utf-8")
    suffix = p.suffix.lower()
    if suffix == ".toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise PlantError(f"{p}: not valid TOML: {exc}") from None
    elif suffix in (".yaml", ".yml"):
        data = _yaml_load(text, str(p))
    else:
        raise PlantError(f"{p}: a plant file ends in .toml, .yaml or .yml; got {suffix or 'no suffix'!r}")
    if not isinstance(data, dict):
        raise PlantError(f"{p}: the top level must be a table/mapping; got {type(data).__name__}")
    return data, _Source(str(p), text)


# --------------------------------------------------------------------------- values
_NUMBER_START = re.compile(r"^\s*[-+]?(\d|\.\d)")
#: kinds tried, in order, for a unit string given without a declared kind
_KIND_ORDER = ("temperature", "pressure", "mass_flow", "power", "specific_energy", "length", "area",
               "volume", "volume_flow", "time", "mass", "energy", "specific_heat", "heat_transfer_coefficient",
               "temperature_difference", "fraction")


def to_si_any(value):
    """A number-with-unit string -> SI float (the kind follows from its dimension); anything else unchanged.

    Gauge/absolute pressures as in :func:`procsim.quantities.to_si`; "10 K" is a temperature
    (the same number as a difference); "10 delta_degC" a difference. Strings that do not
    start with a number (fuel names, kinds) are returned as they are.
    """
    from procsim.quantities import to_si

    if not isinstance(value, str) or not _NUMBER_START.match(value):
        return value
    errors = {}
    for kind in _KIND_ORDER:
        try:
            return to_si(value, kind)
        except ValueError as exc:
            errors[kind] = str(exc)
    looks_like_pressure = re.search(r"(bar|psi|Pa|atm|torr|mmHg)", value, re.IGNORECASE)
    why = errors["pressure"] if looks_like_pressure else errors["temperature"]
    raise ValueError(f"cannot read {value!r} as a number with a unit: {why}")


def _get(d, keypath: str):
    cur = d
    for part in keypath.split("."):
        if isinstance(cur, list):
            cur = cur[int(part)]
        elif isinstance(cur, dict):
            cur = cur[part]
        else:
            raise KeyError(part)
    return cur


def _split_path(data: dict, keypath: str):
    """(container, last key) of a key path; units/feeds/specs names may not contain dots, so
    ``units.boiler.fired.stack_temperature`` walks tables; numeric parts index lists."""
    parts = keypath.split(".")
    cur = data
    for i, part in enumerate(parts[:-1]):
        if isinstance(cur, list):
            cur = cur[int(part)]
        else:
            if part not in cur:
                if i == 0 and part in ("units", "feeds", "guesses", "specs", "prices"):
                    cur[part] = {}           # a plant without that table yet: a patch may start it
                else:
                    raise KeyError(".".join(parts[:i + 1]))
            cur = cur[part]
    return cur, parts[-1]


def apply_patch(data: dict, patch: dict, where: str = "patch", source: _Source | None = None) -> dict:
    """A new plant dict with ``patch`` applied (``set``, ``append``, ``remove``, ``connect``)."""
    src = source or _Source()
    out = copy.deepcopy(data)
    unknown = [k for k in patch if k not in OPTION_KEYS + PROFILE_KEYS]
    if unknown:
        raise src.error(f"{where}.{unknown[0]}", f"unknown key; allowed: {', '.join(OPTION_KEYS)}")
    for keypath, value in (patch.get("set") or {}).items():
        try:
            cont, last = _split_path(out, keypath)
            if isinstance(cont, list):
                cont[int(last)] = copy.deepcopy(value)
            else:
                cont[last] = copy.deepcopy(value)
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            raise src.error(f"{where}.set", f"cannot set {keypath!r}: no {exc} in the plant") from None
    for keypath, item in (patch.get("append") or {}).items():
        try:
            cont, last = _split_path(out, keypath)
            target = cont.setdefault(last, []) if isinstance(cont, dict) else cont[int(last)]
        except (KeyError, IndexError, ValueError) as exc:
            raise src.error(f"{where}.append", f"cannot append to {keypath!r}: no {exc} in the plant") from None
        if not isinstance(target, list):
            raise src.error(f"{where}.append", f"{keypath!r} is not a list")
        target.append(copy.deepcopy(item))
    for keypath in patch.get("remove") or []:
        try:
            cont, last = _split_path(out, keypath)
            if isinstance(cont, list):
                del cont[int(last)]
            else:
                del cont[last]
        except (KeyError, IndexError, ValueError) as exc:
            raise src.error(f"{where}.remove", f"cannot remove {keypath!r}: no {exc} in the plant") from None
    for ref in patch.get("disconnect") or []:
        if not isinstance(ref, str) or not ref:
            raise src.error(f"{where}.disconnect", f"each entry is a unit name or 'unit.port'; got {ref!r}")

        def touches(port: str, ref=ref) -> bool:
            return port == ref or ("." not in ref and port.split(".", 1)[0] == ref)

        conns = out.get("connections", [])
        kept = [c for c in conns if not (touches(c[0]) or touches(c[1]))]
        feeds = out.get("feeds", {})
        gone = [f for f, fd in feeds.items() if isinstance(fd, dict) and touches(str(fd.get("to", "")))]
        if len(kept) == len(conns) and not gone:
            raise src.error(f"{where}.disconnect", f"no connection or feed touches {ref!r}")
        out["connections"] = kept
        for f in gone:
            del feeds[f]
        for g in [g for g, gd in out.get("guesses", {}).items() if isinstance(gd, dict) and touches(str(gd.get("to", "")))]:
            del out["guesses"][g]
    for pair in patch.get("connect") or []:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            raise src.error(f"{where}.connect", f"each connection is [outlet, inlet]; got {pair!r}")
        conns = [c for c in out.get("connections", []) if c[1] != pair[1]]
        feeds = out.get("feeds", {})
        for fname in [f for f, fd in feeds.items() if isinstance(fd, dict) and fd.get("to") == pair[1]]:
            del feeds[fname]
        conns.append(list(pair))
        out["connections"] = conns
    return out


# --------------------------------------------------------------------------- units
@dataclass(frozen=True)
class BoundaryResult:
    """A boundary (product) port: the stream leaving the plant there; residuals 0 by construction."""

    mass_flow: float
    energy_flow: float
    mass_residual: float = 0.0
    energy_residual: float = 0.0


@dataclass(frozen=True)
class Boundary:
    """Where a stream leaves the plant (a stack, a drain): passes ``fluid_in`` to ``fluid_out`` unchanged.

    It gives a feed that no equipment treats in the baseline a place to go (a furnace's
    flue gas to its stack) so that an option can insert equipment before it.
    """

    name: str
    inlets = ("fluid_in",)
    outlets = ("fluid_out",)

    def solve(self, inlets):
        from procsim.flowsheet import UnitSolution

        s = inlets["fluid_in"]
        return UnitSolution({"fluid_out": s}, BoundaryResult(s.mass_flow, s.energy_flow))


@dataclass(frozen=True)
class IdleResult:
    """A unit idle in this period: why its model rejected the point; residuals 0 (streams passed)."""

    reason: str
    mass_residual: float = 0.0
    energy_residual: float = 0.0


class _PlantUnit:
    """Flowsheet wrapper of one plant unit: the unit itself, idle when its model rejects the point."""

    def __init__(self, unit, name: str, idle: dict | None):
        self.unit = unit
        self.name = name
        self.idle = idle

    @property
    def inlets(self):
        return tuple(self.unit.inlets)

    @property
    def outlets(self):
        return tuple(self.unit.outlets)

    @property
    def supplied_inlets(self):
        return tuple(getattr(self.unit, "supplied_inlets", ()))

    @property
    def port_aliases(self):
        # former port names the unit still accepts (procsim.units_api convention)
        return dict(getattr(self.unit, "port_aliases", {}))

    @property
    def outlet_aliases(self):
        return dict(getattr(self.unit, "outlet_aliases", {}))

    def solve(self, inlets):
        from procsim.flowsheet import UnitSolution
        from procsim.units_api import port_alias

        try:
            return self.unit.solve(dict(inlets))
        except ValueError as exc:
            if not self.idle or set(self.supplied_inlets) - set(inlets):
                raise
            outs = {}
            aliases = self.port_aliases  # former port names in a plant file map to the current ones
            for out_port, spec in self.idle.items():
                inlet, zero = (spec[:-2], True) if spec.endswith("*0") else (spec, False)
                s = inlets[aliases.get(inlet, inlet)]
                outs[port_alias(self, out_port, "outlet")] = s.with_(mass_flow=0.0) if zero else s
            return UnitSolution(outs, IdleResult(str(exc)))


# --------------------------------------------------------------------------- the plant
@dataclass(frozen=True)
class PeriodResult:
    """One operating period: hours, the flowsheet solution, unit results, idle units, spec values."""

    name: str
    hours: float
    solution: Any
    units: dict
    idle: dict
    carriers_per_s: dict
    specs: dict
    #: electricity used and generated by the units, per second [kWh/s] (carriers hold the net)
    electricity_per_s: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PlantResult:
    """A solved plant: periods, annual carriers {carrier: amount/yr}, CO2e, cost, balances."""

    name: str
    hours: float
    periods: tuple
    carriers: dict
    emissions: Any
    cost: float | None
    cost_note: str
    currency: str
    max_unit_mass_residual: float          # kg/s, over units and periods
    max_unit_energy_residual: float        # W
    max_unit_relative: float               # worst relative unit residual
    overall: dict                          # worst period's boundary balance
    #: electricity per year [kWh]: consumed and generated by the units, net (= carriers'
    #: electricity_kwh, negative for a net export), purchased and exported
    electricity: dict = field(default_factory=dict)
    #: grid emissions the plant's own generation displaces [t CO2e/yr] (generated x grid
    #: factor; already inside the net purchase, shown for information)
    generation_credit_co2e_t: float = 0.0

    @property
    def electricity_export_kwh(self) -> float:
        """Electricity exported to the grid per year [kWh] (0 unless the plant is a net exporter);
        its credit is ``emissions.export_credit_co2e_t``, outside scope 2, inside the net total."""
        return float(self.electricity.get("exported_kwh", 0.0))

    def annual_energy(self) -> dict:
        """{carrier: amount per year}: the :class:`procsim.accounting.AnnualEnergy` protocol."""
        return dict(self.carriers)

    def annual_flow(self, port: str) -> float:
        """Mass through ``'unit.port'`` summed over the periods [kg/yr]."""
        return sum(p.solution.stream(port).mass_flow * p.hours * 3600.0 for p in self.periods)

    def as_dict(self) -> dict:
        """Plain data (for --json): per period streams and balances, annual figures."""
        import numpy as np

        def clean(v):
            if isinstance(v, float) and not math.isfinite(v):
                return None
            if isinstance(v, (np.floating, np.integer)):
                return clean(v.item())
            return v

        periods = []
        for p in self.periods:
            sol = p.solution
            streams = [{k: clean(v) for k, v in row.items()} | {"stream": name}
                       for name, row in sol.streams.to_dict(orient="index").items()]
            bal = [{k: clean(v) for k, v in row.items()} | {"unit": name}
                   for name, row in sol.balances.to_dict(orient="index").items()]
            periods.append({"name": p.name, "hours": p.hours, "streams": streams, "balances": bal,
                            "idle": dict(p.idle), "carriers_per_s": dict(p.carriers_per_s),
                            "specs": dict(p.specs), "overall": {k: clean(v) for k, v in sol.overall.items()}})
        e = self.emissions
        return {"plant": self.name, "hours": self.hours, "carriers_per_year": dict(self.carriers),
                "co2e_t_per_year": {"scope1": e.scope1_co2e_t, "scope2": e.scope2_co2e_t,
                                    "export_credit": e.export_credit_co2e_t, "total": e.total_co2e_t},
                "electricity_kwh_per_year": dict(self.electricity),
                "generation_credit_co2e_t": self.generation_credit_co2e_t,
                "cost_per_year": self.cost, "cost_note": self.cost_note, "currency": self.currency,
                "max_unit_mass_residual_kg_s": self.max_unit_mass_residual,
                "max_unit_energy_residual_W": self.max_unit_energy_residual,
                "max_unit_relative": self.max_unit_relative, "periods": periods}


class Plant:
    """A validated plant description (see the module docstring); :meth:`solve` solves it."""

    def __init__(self, data: dict, source: _Source | None = None):
        self.source = source or _Source()
        self.data = copy.deepcopy(data)
        self._validate()

    # ------------------------------------------------------------------ validation
    def _err(self, keypath, message):
        return self.source.error(keypath, message)

    def _validate(self):
        d = self.data
        for k in d:
            if k not in TOP_KEYS:
                raise self._err(k, f"unknown key; allowed: {', '.join(TOP_KEYS)}")
        plant = d.get("plant", {})
        if not isinstance(plant, dict):
            raise self._err("plant", "must be a table")
        for k in plant:
            if k not in PLANT_KEYS:
                raise self._err(f"plant.{k}", f"unknown key; allowed: {', '.join(PLANT_KEYS)}")
        hours = plant.get("hours", 8760.0)
        try:
            hours = float(to_si_any(hours)) / 3600.0 if isinstance(hours, str) else float(hours)
        except (TypeError, ValueError):
            raise self._err("plant.hours", f"operating hours per year, a number in [0, 8784]; got {hours!r}") from None
        if not (0.0 <= hours <= 8784.0):
            raise self._err("plant.hours", f"operating hours per year must be in [0, 8784]; got {hours!r}")
        self.hours = hours
        self.name = str(plant.get("name", "plant"))
        self.region = str(plant.get("region", "TW"))
        self.year = int(plant.get("year", 2024))
        self.currency = str(plant.get("currency", "TWD" if self.region == "TW" else ""))
        self.grid_basis = str(plant.get("grid_basis", "actual"))
        from procsim.accounting.units import CARRIERS

        prices = d.get("prices", {})
        if not isinstance(prices, dict):
            raise self._err("prices", "must be a table {carrier: price per carrier unit}")
        for c, v in prices.items():
            if c not in CARRIERS:
                raise self._err(f"prices.{c}", f"unknown carrier; allowed: {', '.join(CARRIERS)}")
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not (v >= 0.0):
                raise self._err(f"prices.{c}", f"a price >= 0 in {self.currency} per carrier unit; got {v!r}")
        self.prices = {c: float(v) for c, v in prices.items()}
        units = d.get("units", {})
        if not isinstance(units, dict) or not units:
            raise self._err("units", "a plant needs a [units.NAME] table for each unit")
        from procsim.registry import unit_types

        known = unit_types()
        known.setdefault("boundary", None)
        for name, u in units.items():
            if not isinstance(u, dict):
                raise self._err(f"units.{name}", "must be a table with a 'type' and the unit's parameters")
            if "." in name:
                raise self._err(f"units.{name}", "unit names may not contain '.'")
            t = u.get("type")
            if t not in known:
                raise self._err(f"units.{name}.type", f"unknown unit type {t!r}; allowed: {', '.join(sorted(known))}")
            idle = u.get("idle")
            if idle is not None and not (isinstance(idle, dict) and all(isinstance(v, str) for v in idle.values())):
                raise self._err(f"units.{name}.idle", "a table outlet = 'inlet' (or 'inlet*0' for no flow)")
        for i, c in enumerate(d.get("connections", [])):
            if not (isinstance(c, (list, tuple)) and len(c) == 2 and all(isinstance(x, str) for x in c)):
                raise self._err(f"connections.{i}", f"each connection is ['unit.outlet', 'unit.inlet']; got {c!r}")
        for fname, f in d.get("feeds", {}).items():
            if not isinstance(f, dict):
                raise self._err(f"feeds.{fname}", "must be a table (to, fluid or flue_gas, T, p, mass_flow)")
            if "stream" in f:      # a named feed stream: its other keys are the factory's parameters
                from procsim.registry import stream_types

                names = stream_types()
                if f["stream"] not in names:
                    raise self._err(f"feeds.{fname}.stream", f"unknown stream {f['stream']!r}; allowed: "
                                                             f"{', '.join(sorted(names)) or 'none registered'}")
            else:
                for k in f:
                    if k not in FEED_KEYS:
                        raise self._err(f"feeds.{fname}.{k}", f"unknown key; allowed: {', '.join(FEED_KEYS)}")
            if "to" not in f:
                raise self._err(f"feeds.{fname}.to", "missing: the inlet 'unit.port' this feed enters")
        for gname, g in d.get("guesses", {}).items():
            if not isinstance(g, dict) or "to" not in g:
                raise self._err(f"guesses.{gname}", "a table like a feed (to, fluid or flue_gas, T, p, mass_flow): "
                                                    "the first value of a recycle stream")
            for k in g:
                if k not in FEED_KEYS:
                    raise self._err(f"guesses.{gname}.{k}", f"unknown key; allowed: {', '.join(FEED_KEYS)}")
        for sname, s in d.get("specs", {}).items():
            for k in s:
                if k not in SPEC_KEYS:
                    raise self._err(f"specs.{sname}.{k}", f"unknown key; allowed: {', '.join(SPEC_KEYS)}")
            for k in ("vary", "target"):
                if k not in s:
                    raise self._err(f"specs.{sname}.{k}", "missing; a spec needs vary, target and one of "
                                                          f"{', '.join(SPEC_MEASURES)}")
            measures = [k for k in SPEC_MEASURES if k in s]
            if len(measures) != 1:
                raise self._err(f"specs.{sname}", f"give exactly one of {', '.join(SPEC_MEASURES)} (sum: mass flows "
                                                  "'unit.port' [kg/s]; temperature: 'unit.port' [K]; result: "
                                                  f"'unit.field'); got {measures or 'none'}")
            b = s.get("bounds")
            if b is not None and not (isinstance(b, list) and len(b) == 2):
                raise self._err(f"specs.{sname}.bounds", f"[low, high] of the varied value; got {b!r}")
        prof = d.get("profile", [])
        if not isinstance(prof, list):
            raise self._err("profile", "an array of tables [[profile]] with weight and set")
        for i, p in enumerate(prof):
            for k in p:
                if k not in PROFILE_KEYS:
                    raise self._err(f"profile.{i}.{k}", f"unknown key; allowed: {', '.join(PROFILE_KEYS)}")
            w = p.get("weight", 1.0)
            if not isinstance(w, (int, float)) or not (w >= 0.0):
                raise self._err(f"profile.{i}.weight", f"a share of the hours >= 0; got {w!r}")

    # ------------------------------------------------------------------ building
    def _feed_stream(self, fname: str, f: dict):
        from procsim.stream import Stream

        where = f"feeds.{fname}"
        if "stream" in f:
            from procsim.registry import stream_type

            try:
                factory = stream_type(f["stream"])
                kw = {k: to_si_any(v) for k, v in f.items() if k not in ("to", "stream", "description")}
                return factory(**kw)
            except TypeError as exc:
                raise self._err(where, f"stream {f['stream']!r}: {exc}") from None
            except ValueError as exc:
                raise self._err(where, f"stream {f['stream']!r}: {exc}") from None
        try:
            T = to_si_any(f["T"]) if "T" in f else None
            p = to_si_any(f["p"])
            m = to_si_any(f.get("mass_flow", 0.0))
            if "flue_gas" in f:
                fg = f["flue_gas"]
                from procsim.thermo.combustion import Fuel

                fuel = Fuel.from_name(fg["fuel"])
                gas = fuel.flue_gas(float(fuel.excess_air(float(fg["o2_dry"]), "dry")))
                if "firing_hhv" in fg:
                    m = to_si_any(fg["firing_hhv"]) / fuel.hhv * gas.mass_per_kg_fuel
                elif "firing_lhv" in fg:
                    m = to_si_any(fg["firing_lhv"]) / fuel.lhv * gas.mass_per_kg_fuel
                return Stream(gas.mole_fractions, T, p, m)
            fluid = f.get("fluid", "Water")
            if "x" in f:
                return Stream(fluid, None, p, m, x=float(f["x"]))
            return Stream(fluid, T, p, m)
        except KeyError as exc:
            raise self._err(where, f"missing {exc}; a feed needs to, fluid (or flue_gas), T, p, mass_flow") from None
        except (ValueError, TypeError) as exc:
            raise self._err(where, str(exc)) from None

    def _build_unit(self, name: str, u: dict):
        from procsim.registry import unit_type

        t = u["type"]
        cls = Boundary if t == "boundary" else unit_type(t)
        params = {k: v for k, v in u.items() if k not in ("type", "idle", "description")}
        try:
            sig = inspect.signature(cls)
            accepts_any = any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values())
            allowed = [p for p in sig.parameters if p not in ("self", "name")]
            if not accepts_any:
                bad = [k for k in params if k not in sig.parameters]
                if bad:
                    raise self._err(f"units.{name}.{bad[0]}",
                                    f"unit type {t!r} has no parameter {bad[0]!r}; allowed: {', '.join(allowed)}")
            has_name = "name" in sig.parameters or accepts_any
        except (TypeError, ValueError) as exc:
            if isinstance(exc, PlantError):
                raise
            has_name = True
        try:
            kw = {k: to_si_any(v) for k, v in params.items()}
        except ValueError as exc:
            raise self._err(f"units.{name}", str(exc)) from None
        try:
            return cls(name=name, **kw) if has_name else cls(**kw)
        except PlantError:
            raise
        except (ValueError, TypeError) as exc:
            raise self._err(f"units.{name}", f"{t}: {exc}") from None

    def _flowsheet(self, data: dict):
        from procsim.flowsheet import Flowsheet

        fs = Flowsheet(self.name)
        wrapped = {}
        for name, u in data["units"].items():
            w = _PlantUnit(self._build_unit(name, u), name, u.get("idle"))
            wrapped[name] = w
            fs.add(w)
        for i, (a, b) in enumerate(data.get("connections", [])):
            try:
                fs.connect(a, b)
            except ValueError as exc:
                raise self._err(f"connections.{i}", str(exc)) from None
        for fname, f in data.get("feeds", {}).items():
            try:
                fs.feed(f["to"], self._feed_stream(fname, f))
            except PlantError:
                raise
            except ValueError as exc:
                raise self._err(f"feeds.{fname}.to", str(exc)) from None
        for gname, g in data.get("guesses", {}).items():
            try:
                fs.guess(g["to"], self._feed_stream(gname, g))
            except PlantError:
                raise
            except ValueError as exc:
                raise self._err(f"guesses.{gname}.to", str(exc)) from None
        return fs, wrapped

    def _solve_once(self, data: dict):
        """One flowsheet solve (supplied inlets such as a boiler's fuel and air are drawn by
        the units themselves, :class:`procsim.flowsheet.Flowsheet`); (solution, wrapped units)."""
        fs, wrapped = self._flowsheet(data)
        try:
            sol = fs.solve(tol=1e-11, balance_tol=BALANCE_TOL)
        except PlantError:
            raise
        except ValueError as exc:
            raise self._err("", f"the plant does not solve: {exc}") from None
        return sol, wrapped

    def _spec_value(self, sol, where: str, s: dict) -> float:
        """What spec ``s`` measures in a solution: summed mass flow [kg/s], a port's
        temperature [K] or a unit result's field."""
        try:
            if "sum" in s:
                return float(sum(sol.stream(ref).mass_flow for ref in s["sum"]))
            if "temperature" in s:
                return float(sol.stream(s["temperature"]).T)
            unit, _, fname = str(s["result"]).partition(".")
            res = sol.units[unit]
            return float(getattr(res, fname))
        except KeyError as exc:
            key = next(k for k in SPEC_MEASURES if k in s)
            raise self._err(f"{where}.{key}", str(exc)) from None
        except (AttributeError, TypeError, ValueError) as exc:
            raise self._err(f"{where}.result", f"{s['result']!r} is not a number of a unit result: {exc}") from None

    def _solve_spec(self, cur: dict, sname: str, s: dict):
        """Vary ``s["vary"]`` until the measured value equals the target: Brent's method inside
        ``bounds`` (a sign change there is required, else the target is unreachable), or the
        secant method from the current value without bounds. Returns (value, solved plant data)."""
        from scipy.optimize import brentq

        where = f"specs.{sname}"
        measured = next(k for k in SPEC_MEASURES if k in s)
        try:
            target = float(to_si_any(s["target"]))
            v0 = float(to_si_any(_get(cur, s["vary"])))
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            raise self._err(where, f"vary must name a number in the plant and target a number: {exc}") from None
        trials = {}

        def f(v):
            trial = copy.deepcopy(cur)
            cont, last = _split_path(trial, s["vary"])
            cont[last] = float(v)
            sol, _ = self._solve_once(trial)
            r = self._spec_value(sol, where, s) - target
            trials[float(v)] = trial
            return r

        scale = max(abs(target), 1e-300)
        r_now = f(v0)
        if abs(r_now) <= SPEC_TOL * scale:     # met already (a later pass over several specs)
            return v0, trials[v0]
        if s.get("bounds") is not None:
            try:
                lo, hi = (float(to_si_any(b)) for b in s["bounds"])
            except (TypeError, ValueError) as exc:
                raise self._err(f"{where}.bounds", f"[low, high] numbers: {exc}") from None
            if not lo < hi:
                raise self._err(f"{where}.bounds", f"low must be below high; got [{lo!r}, {hi!r}]")
            # a bracket with a sign change. Where a unit rejects the point at a bound (a boiler
            # asked for more steam than the gas can raise, a condenser short of coolant), the
            # search walks from the bound that solved towards it by halves, moving the solved
            # end up while it does not yet bracket the target
            def tried(v):
                try:
                    return f(v), None
                except PlantError as exc:
                    return None, exc

            (r_lo, e_lo), (r_hi, e_hi) = tried(lo), tried(hi)
            if r_lo is None and r_hi is None:
                raise self._err(where, f"the plant does not solve at either bound of {s['vary']} "
                                       f"[{lo!r}, {hi!r}]: {e_lo}")
            if r_lo is not None and r_hi is not None:
                a, ra, b, rb = lo, r_lo, hi, r_hi
                if not (ra == 0.0 or rb == 0.0 or (ra > 0.0) != (rb > 0.0)):
                    raise self._err(where, f"target {target!r} of {measured} {s[measured]!r} is unreachable with "
                                           f"{s['vary']} in [{lo!r}, {hi!r}]: it gives {ra + target!r} to "
                                           f"{rb + target!r}")
            else:
                a, ra, bad, first = (lo, r_lo, hi, e_hi) if r_lo is not None else (hi, r_hi, lo, e_lo)
                for _ in range(100):
                    b = a + 0.5 * (bad - a)
                    rb, exc = tried(b)
                    if rb is None:
                        bad = b
                    elif ra == 0.0 or rb == 0.0 or (ra > 0.0) != (rb > 0.0):
                        break
                    else:
                        a, ra = b, rb
                    if abs(bad - a) <= 1e-12 * max(abs(bad), abs(a)):
                        raise self._err(where, f"target {target!r} of {measured} {s[measured]!r} is unreachable "
                                               f"with {s['vary']} in [{lo!r}, {hi!r}]: the plant solves only up to "
                                               f"{a!r}, where it gives {ra + target!r} ({first})")
            if ra == 0.0 or rb == 0.0:
                v = a if ra == 0.0 else b
                return v, trials[v]
            lo, hi = min(a, b), max(a, b)
            v = brentq(f, lo, hi, xtol=1e-15 * max(abs(lo), abs(hi)), rtol=1e-15, maxiter=200)
            if v not in trials:
                f(v)
            return v, trials[v]
        r0 = r_now
        v1 = v0 * (1.0 + 1e-3) if v0 != 0.0 else 1e-3 * scale
        r1 = f(v1)
        for _it in range(60):
            if abs(r1) <= SPEC_TOL * scale:
                return v1, trials[v1]
            if r1 == r0:
                raise self._err(where, f"{s['vary']} does not move {measured} {s[measured]!r}")
            v0, r0, v1 = v1, r1, v1 - r1 * (v1 - v0) / (r1 - r0)
            r1 = f(v1)
        raise self._err(where, f"did not meet its target {target!r} (residual {r1!r}); give bounds = [low, high] "
                               "for a bracketed search")

    def _solve_specs(self, data: dict):
        specs = data.get("specs", {})
        values = {}
        if not specs:
            sol, wrapped = self._solve_once(data)
            return sol, wrapped, values
        cur = copy.deepcopy(data)
        for _ in range(50):                      # outer loop over several specs (Gauss-Seidel)
            worst = 0.0
            for sname, s in specs.items():
                before = float(to_si_any(_get(cur, s["vary"])))
                v, cur = self._solve_spec(cur, sname, s)
                worst = max(worst, abs(v - before) / max(abs(v), 1e-300))
                values[sname] = v
            if worst <= 1e-11 or len(specs) == 1:
                break
        else:
            raise self._err("specs", f"the specs did not settle together (last relative change {worst!r})")
        sol, wrapped = self._solve_once(cur)
        return sol, wrapped, values

    # ------------------------------------------------------------------ solving
    def periods(self) -> list[tuple[str, float, dict]]:
        """(name, hours, plant data) of each operating period."""
        prof = self.data.get("profile", [])
        if not prof:
            return [("all hours", self.hours, self.data)]
        total = sum(float(p.get("weight", 1.0)) for p in prof)
        if not (total > 0.0):
            raise self._err("profile", "the weights must add up to more than 0")
        out = []
        for i, p in enumerate(prof):
            patch = {"set": p.get("set", {})}
            data = apply_patch({k: v for k, v in self.data.items() if k != "profile"}, patch,
                               f"profile.{i}", self.source)
            out.append((str(p.get("name", f"period {i + 1}")), self.hours * float(p.get("weight", 1.0)) / total, data))
        return out

    def solve(self) -> PlantResult:
        """Solve every period; annual carriers, CO2e and cost (see the module docstring)."""
        from procsim.accounting import emissions

        periods = []
        for pname, hours, data in self.periods():
            sol, wrapped, specs = self._solve_specs(data)
            idle = {n: sol.units[n].reason for n in wrapped if isinstance(sol.units[n], IdleResult)}
            rates: dict = {}
            gen = use = 0.0
            for n, w in wrapped.items():
                for c, v in _carriers(w.unit, sol.units[n], self._err, f"units.{n}").items():
                    rates[c] = rates.get(c, 0.0) + float(v)
                    if c == "electricity_kwh":
                        use += max(float(v), 0.0)
                        gen += max(-float(v), 0.0)
            periods.append(PeriodResult(pname, hours, sol, dict(sol.units), idle, rates, specs,
                                        {"consumed_kwh_per_s": use, "generated_kwh_per_s": gen}))
        carriers: dict = {}
        consumed = generated = 0.0
        for p in periods:
            for c, v in p.carriers_per_s.items():
                carriers[c] = carriers.get(c, 0.0) + v * p.hours * 3600.0
            consumed += p.electricity_per_s["consumed_kwh_per_s"] * p.hours * 3600.0
            generated += p.electricity_per_s["generated_kwh_per_s"] * p.hours * 3600.0
        neg = {c: v for c, v in carriers.items() if v < 0.0 and c != "electricity_kwh"}
        if neg:
            raise self._err("units", f"net export of {', '.join(neg)} ({neg}) cannot be accounted: only "
                                     "electricity may be exported (a negative electricity_kwh)")
        em = emissions(carriers, region=self.region, year=self.year, grid_basis=self.grid_basis,
                       electricity_export=True)
        net = carriers.get("electricity_kwh", 0.0)
        electricity = {"consumed_kwh": consumed, "generated_kwh": generated, "net_kwh": net,
                       "purchased_kwh": max(net, 0.0), "exported_kwh": max(-net, 0.0)}
        factor = self._grid_factor() if (generated or net) else 0.0
        credit = generated * factor / 1000.0
        cost, note = self._cost(carriers)
        max_m = max_e = max_rel = 0.0
        worst_overall = {}
        for p in periods:
            b = p.solution.balances
            max_m = max(max_m, float(b["mass_residual"].abs().max()))
            max_e = max(max_e, float(b["energy_residual"].abs().max()))
            max_rel = max(max_rel, float(b["mass_relative"].max()), float(b["energy_relative"].max()))
            for res in p.units.values():   # a composite unit (a whole steam site) reports its own closure
                max_m = max(max_m, abs(float(getattr(res, "mass_residual", 0.0))))
                max_e = max(max_e, abs(float(getattr(res, "energy_residual", 0.0))))
            if not worst_overall or p.solution.overall["energy_relative"] >= worst_overall["energy_relative"]:
                worst_overall = dict(p.solution.overall)
        return PlantResult(self.name, self.hours, tuple(periods), carriers, em, cost, note, self.currency,
                           max_m, max_e, max_rel, worst_overall, electricity, credit)

    def _grid_factor(self) -> float:
        """Grid emission factor of the plant's region and year [kg CO2e/kWh] (packaged tables)."""
        from procsim.accounting import grid_factor

        return float(grid_factor(self.region, self.year, self.grid_basis))

    def _cost(self, carriers: dict):
        from procsim.accounting.factors import energy_price

        total, missing, used = 0.0, [], []
        for c, v in carriers.items():
            if v == 0.0:
                continue
            if c in self.prices:
                total += v * self.prices[c]
            elif c == "electricity_kwh" and self.region == "TW" and self.currency == "TWD":
                pr = energy_price(c, "TW", self.year)
                total += v * float(pr)
                used.append(f"electricity {float(pr):g} TWD/kWh ({pr.source})")
            else:
                missing.append(c)
        if missing:
            return None, f"no price for {', '.join(missing)} (add them under [prices])"
        return total, "; ".join(["[prices]"] + used)


#: library fuel name -> (carrier, carrier units per kg of fuel, as a function of the Fuel)
_FUEL_CARRIERS = {
    "natural_gas": ("natural_gas_nm3", lambda f: f.volume_per_kg),
    "lpg": ("lpg_t", lambda f: 1e-3),
    "bituminous_coal": ("coal_t", lambda f: 1e-3),
}


def _carriers(unit, result, err, where) -> dict:
    """Purchased carriers per second of one unit result (see the module docstring)."""
    if isinstance(result, (IdleResult, BoundaryResult)):
        return {}
    own = getattr(result, "carriers", None)
    if isinstance(own, dict):
        return dict(own)
    out = {}
    m_fuel = getattr(result, "fuel_mass_flow", None)
    fuel = getattr(unit, "fuel", None)
    if m_fuel is not None and fuel is not None:
        name = getattr(fuel, "name", str(fuel))
        if name not in _FUEL_CARRIERS:
            raise err(where, f"fuel {name!r} has no accounting carrier here; known: {', '.join(_FUEL_CARRIERS)}")
        carrier, per_kg = _FUEL_CARRIERS[name]
        out[carrier] = float(m_fuel) * per_kg(fuel)
    shaft = getattr(result, "shaft_power", None)
    if shaft is not None and float(shaft) > 0.0:
        # an electrically driven machine (pump): electricity = shaft power; motor and drive losses
        # are not modelled here (assumption: give the unit a result `carriers` to count them)
        out["electricity_kwh"] = float(shaft) / 3.6e6
    return out


# --------------------------------------------------------------------------- entry points
def load_plant(path) -> Plant:
    """Read and validate a plant file (TOML or YAML)."""
    data, src = read_data(path)
    return Plant(data, src)


def solve_plant(path_or_data) -> PlantResult:
    """Solve a plant file (path) or a plant dict."""
    plant = Plant(path_or_data) if isinstance(path_or_data, dict) else load_plant(path_or_data)
    return plant.solve()


def load_options(path) -> tuple[dict, _Source]:
    """Read an options file: ``[options.NAME]`` patches and ``[combinations]`` NAME = [members]."""
    data, src = read_data(path)
    for k in data:
        if k not in ("options", "combinations", "compare"):
            raise src.error(k, "unknown key; allowed: options, combinations, compare")
    opts = data.get("options")
    if not isinstance(opts, dict) or not opts:
        raise src.error("options", "an options file needs [options.NAME] tables (set/append/remove/connect)")
    for name, o in opts.items():
        for k in o:
            if k not in OPTION_KEYS:
                raise src.error(f"options.{name}.{k}", f"unknown key; allowed: {', '.join(OPTION_KEYS)}")
    for cname, members in (data.get("combinations") or {}).items():
        if not isinstance(members, list) or len(members) < 2:
            raise src.error(f"combinations.{cname}", "a list of at least two option names")
        bad = [m for m in members if m not in opts]
        if bad:
            raise src.error(f"combinations.{cname}", f"unknown option {bad[0]!r}; options: {', '.join(opts)}")
        if cname in opts:
            raise src.error(f"combinations.{cname}", "a combination may not share a name with an option")
    return data, src


@dataclass(frozen=True)
class OptionsReport:
    """Baseline and options solved through the model, compared by procsim.accounting."""

    baseline: PlantResult
    results: dict                 # option or combination name -> PlantResult
    comparison: Any               # procsim.accounting OptionsResult
    members: dict                 # combination -> members
    interactions: dict = field(default_factory=dict)   # combination -> {carrier/co2e: combined - sum of singles}

    def table(self) -> list[dict]:
        rows = self.comparison.table()
        for r in rows:
            name = r["option"]
            res = self.results[name]
            r["savings"] = {c: self.baseline.carriers.get(c, 0.0) - res.carriers.get(c, 0.0)
                            for c in sorted(set(self.baseline.carriers) | set(res.carriers))}
            r["interaction"] = self.interactions.get(name)
        return rows


def evaluate_options(plant_path, options_path) -> OptionsReport:
    """Each option alone and every requested combination, solved through the plant model."""
    from procsim.accounting import Option, compare_options

    plant = load_plant(plant_path)
    data, src = load_options(options_path)
    base = plant.solve()
    opts = data["options"]
    combos = data.get("combinations") or {}
    results, options = {}, []
    for name, patch in list(opts.items()) + [(c, None) for c in combos]:
        if patch is None:
            pdata = plant.data
            for m in combos[name]:
                pdata = apply_patch(pdata, opts[m], f"options.{m}", src)
            money = {k: sum(float(opts[m].get(k, 0.0)) for m in combos[name]) for k in ("investment", "subsidy",
                                                                                        "om_cost")}
            members = tuple(combos[name])
        else:
            pdata = apply_patch(plant.data, patch, f"options.{name}", src)
            money = {k: float(patch.get(k, 0.0)) for k in ("investment", "subsidy", "om_cost")}
            members = ()
        try:
            res = Plant(pdata, plant.source).solve()
        except PlantError as exc:
            raise PlantError(f"option {name!r}: {exc}") from None
        results[name] = res
        options.append(Option(name, res.carriers, members=members, **money))
    kw = dict(data.get("compare") or {})
    cmp = compare_options(base.carriers, options, region=plant.region, year=plant.year,
                          prices=plant.prices or None, currency=plant.currency or None,
                          grid_basis=plant.grid_basis, electricity_export=True, **kw)
    by = {o.name: o for o in cmp.options}
    inter = {}
    for cname, members in combos.items():
        combined = by[cname].comparison
        d = {}
        for c in sorted(combined.savings):
            d[c] = combined.savings[c] - sum(by[m].comparison.savings.get(c, 0.0) for m in members)
        d["co2e_t"] = combined.co2e_saved_t["total"] - sum(by[m].comparison.co2e_saved_t["total"] for m in members)
        d["cost"] = combined.cost_saved - sum(by[m].comparison.cost_saved for m in members)
        inter[cname] = d
    return OptionsReport(base, results, cmp, {c: tuple(m) for c, m in combos.items()}, inter)
