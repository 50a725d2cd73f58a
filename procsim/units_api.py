r"""Conventions every unit model follows, written once.

Ports
-----
A port is named ``<medium>_in`` or ``<medium>_out``, with an optional qualifier before the
direction (``feedwater_bypass_out``, ``hot_air_out``) and an optional index after it for
units with a variable number of like ports (``fluid_in1``, ``fluid_in2``).
:data:`PORT_MEDIA` is the documented list of media; :func:`check_port_name` and
:func:`port_name_problems` test names against it.

Results
-------
Every unit result carries ``energy_residual`` [W] (in + sources - out over the unit's ports)
and ``mass_residual`` [kg/s] (in - out). :func:`check_result_residuals` is what the shared
unit-model suite applies.

Status codes
------------
Kernels return ``STATUS_OK`` (-1) when every element was computed, otherwise a documented
code (an element index >= 0, or a named negative code of the kernel's module).
:class:`Status` names the codes the families share.

Quantities
----------
Every public constructor and function takes physical values as an SI float, a pint Quantity
or a unit string; :func:`si` converts one value (through :mod:`procsim.quantities`) and
:func:`convert_fields` the fields of a frozen dataclass. A value of the wrong dimension is a
``ValueError`` naming the parameter. A pint Quantity of pressure is taken as absolute (pint has
no gauge datum); write gauge pressures as strings ("8 bar(g)").

Balances
--------
Tolerance tests are NaN-safe: :func:`procsim.flowsheet.within` (``not (|x| <= tol)`` fails).
"""
from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from dataclasses import fields

import numpy as np

from procsim.quantities import KINDS, to_si, unit_registry

__all__ = ["PORT_MEDIA", "PORT_PATTERN", "check_port_name", "port_name_problems", "Status", "STATUS_OK",
           "PortMap", "canonical_inlets", "outlet_map", "inlet_map", "port_map", "port_alias", "all_aliases", "balance_residuals", "with_residuals",
           "si", "si_array", "convert_fields", "check_result_residuals", "RESIDUAL_FIELDS"]

#: Media a port may carry, each with what it means. Material media first, then energy.
PORT_MEDIA = {
    "water": "liquid water (process, cooling, make-up, hot water)",
    "feedwater": "boiler feedwater",
    "condensate": "returned or flashed condensate",
    "steam": "steam (saturated or superheated)",
    "blowdown": "boiler blowdown water",
    "gas": "a flue gas, off-gas or exhaust gas (ideal-gas mixture)",
    "off_gas": "EAF or furnace off-gas before combustion",
    "air": "air (combustion air, compressed air, ambient)",
    "oxygen": "oxygen or oxygen-enriched air",
    "fluid": "any single material (generic plumbing: mixers, splitters, valves, pumps)",
    "hot": "the hot side of a two-stream exchanger",
    "cold": "the cold side of a two-stream exchanger",
    "source": "a heat source (ORC, heat pump)",
    "sink": "a heat sink (the stream a heat pump or chiller condenser heats)",
    "coolant": "cooling water or other coolant",
    "cooling": "cooling water or air on a condenser (same as coolant)",
    "liquid": "a pumped liquid of any kind",
    "working_fluid": "a cycle's working fluid",
    "oil": "thermal oil",
    "supply": "heating-medium supply (hot water, thermal oil)",
    "return": "heating-medium return",
    "charge": "furnace charge (scrap, DRI, pig iron)",
    "scrap": "scrap (preheated or cold)",
    "slag": "slag",
    "steel": "liquid or solid steel",
    "fuel": "fuel (energy stream with mass flow and heating value)",
    "power": "electric or shaft power (energy stream)",
    "heat": "heat (energy stream)",
    "loss": "heat losses (energy stream)",
}

#: ``<medium>[_<qualifier>]_(in|out)[<n>]``
PORT_PATTERN = re.compile(r"^(?P<medium>[a-z][a-z0-9_]*?)(?:_(?P<qualifier>[a-z0-9]+))?_(?P<dir>in|out)"
                          r"(?P<index>[0-9]*)$")


def port_name_problems(name: str, direction: str) -> str | None:
    """Why ``name`` is not a conforming ``direction`` ("in"/"out") port name, or None."""
    m = PORT_PATTERN.match(name) if isinstance(name, str) else None
    if m is None:
        return f"{name!r} is not <medium>_{direction} (media: {', '.join(PORT_MEDIA)})"
    if m["dir"] != direction:
        return f"{name!r} is an {m['dir']}let name on the {direction}let side"
    medium = m["medium"]
    if medium not in PORT_MEDIA and not (m["qualifier"] and f"{medium}_{m['qualifier']}" in PORT_MEDIA):
        if not any(name.startswith(md + "_") for md in PORT_MEDIA):
            return f"{name!r}: medium {medium!r} is not one of {', '.join(PORT_MEDIA)}"
    return None


def check_port_name(name: str, direction: str) -> str:
    """Return ``name`` if it follows the port convention, else raise ValueError saying why."""
    problem = port_name_problems(name, direction)
    if problem:
        raise ValueError(f"port name {problem}")
    return name


def port_alias(unit, port: str, side: str | None = None) -> str:
    """The current name of ``port`` on ``unit``: ports renamed to the convention keep their old
    names as aliases (``unit.port_aliases``: old name -> new name). A unit whose old name served
    an inlet and an outlet alike (a pipe's ``steam`` -> ``steam``) names the outlet's new name in
    ``unit.outlet_aliases``, used for ``side="outlet"``."""
    if side == "outlet":
        out = getattr(unit, "outlet_aliases", {})
        if port in out:
            return out[port]
    return getattr(unit, "port_aliases", {}).get(port, port)


def all_aliases(unit) -> dict:
    """Old port name -> new name for look-ups that prefer outlets (solution streams, outlet maps)."""
    return {**getattr(unit, "port_aliases", {}), **getattr(unit, "outlet_aliases", {})}


def canonical_inlets(unit, inlets) -> dict:
    """``inlets`` keyed by the unit's current port names (old names accepted as aliases).

    A port given under both names takes the later entry, as a dict merge would
    (``{**example_inlets, "fuel": other}`` replaces the example's ``fuel_in``).

    Every inlet with a ``mass_flow`` must have a finite flow >= 0 kg/s: otherwise a ValueError
    names the unit and the port."""
    out = {}
    for k, v in dict(inlets).items():
        name = port_alias(unit, k)
        out.pop(name, None)
        out[name] = v
    for name, v in out.items():
        # a Stream refuses a negative flow when it is built; this catches one that reached the
        # unit another way (a duck-typed stream, a field set after construction)
        m = getattr(v, "mass_flow", None)
        if isinstance(m, (int, float)) and not m >= 0.0:
            raise ValueError(f"{getattr(unit, 'name', type(unit).__name__)}: inlet '{name}' mass_flow "
                             f"must be >= 0 kg/s; got {m!r} kg/s")
    return out


class PortMap(Mapping):
    """Read-only mapping of port name -> stream that also answers to the ports' old names."""

    def __init__(self, data, aliases=None):
        self._data = dict(data)
        self._aliases = dict(aliases or {})

    def __getitem__(self, key):
        return self._data[self._aliases.get(key, key)]

    def __contains__(self, key):
        return self._aliases.get(key, key) in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return f"PortMap({self._data!r})"


def outlet_map(unit, data) -> PortMap:
    """Ports of ``unit`` (its outlets, or example inlets) as a :class:`PortMap` answering to
    old port names too."""
    return PortMap(data, all_aliases(unit))


port_map = outlet_map


def inlet_map(unit, data) -> PortMap:
    """Inlet streams of ``unit`` (an ``example()``'s inlets) as a :class:`PortMap` answering to
    the inlets' old names too."""
    return PortMap(data, getattr(unit, "port_aliases", {}))


class Status(enum.IntEnum):
    """Kernel status codes shared by the unit families (module-specific codes extend them)."""

    OK = -1
    """every element computed"""
    INPUT = -2
    """a NaN or out-of-range input"""
    PROPERTY = -3
    """a property outside its table or fit"""
    INFEASIBLE = -4
    """the specification cannot be met (temperature cross, pinch violation)"""


STATUS_OK = Status.OK

#: Fields every unit result carries, with their unit.
RESIDUAL_FIELDS = {"energy_residual": "W", "mass_residual": "kg/s"}


def _is_quantity(value) -> bool:
    try:
        import pint
    except ImportError:  # pragma: no cover - pint is a dependency
        return False
    return isinstance(value, pint.Quantity)


def _target_unit(kind: str) -> str:
    return KINDS[kind][0] if kind in KINDS else kind


def _quantity_to_si(name: str, q, kind: str):
    unit = _target_unit(kind)
    try:
        if kind == "temperature_difference" and str(q.units) in ("degree_Celsius", "degree_Fahrenheit"):
            # a difference written in degC/degF: pint's offset units convert as points, not spans
            scale = 1.0 if str(q.units) == "degree_Celsius" else 5.0 / 9.0
            return np.asarray(q.magnitude, dtype=float) * scale
        if kind == "fraction":
            return np.asarray(q.to("dimensionless").magnitude, dtype=float)
        return np.asarray(q.to(unit).magnitude, dtype=float)
    except Exception as exc:
        raise ValueError(f"{name} must be a {kind.replace('_', ' ')} (convertible to {unit}); got {q!r} "
                         f"({type(exc).__name__})") from None


def si_array(name: str, value, kind: str):
    """:func:`si` for a value that may be an array [vec]: a float64 array (0-d for scalars)."""
    if value is None:
        raise ValueError(f"{name} must be given (a number in SI, a Quantity or a string with a unit)")
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, a Quantity or a string with a unit; got {value!r}")
    if _is_quantity(value):
        return _quantity_to_si(name, value, kind)
    if isinstance(value, str):
        try:
            if kind in KINDS:
                return np.asarray(to_si(value, kind), dtype=float)
            return np.asarray(unit_registry().Quantity(value).to(kind).magnitude, dtype=float)
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
        except Exception as exc:
            raise ValueError(f"{name} must be a {kind.replace('_', ' ')} (convertible to {_target_unit(kind)}); "
                             f"got {value!r} ({type(exc).__name__})") from None
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int beyond a float's range
        from procsim.validation import short_repr

        raise ValueError(f"{name} must be a finite number, a Quantity or a string with a unit; "
                         f"got {short_repr(value)}") from None


def si(name: str, value, kind: str):
    """One physical value in SI: a float for scalars (arrays pass through as float64 arrays).

    Parameters
    ----------
    name : the parameter's name (used in error messages)
    value : SI number, pint Quantity or unit string ("220 degC", "10 t/h", "8 bar(g)")
    kind : a :data:`procsim.quantities.KINDS` key ("temperature", "pressure", "mass_flow",
        "power", ...) or an SI unit string for kinds not listed there ("W/K")

    Examples
    --------
    >>> si("stack_temperature", "220 degC", "temperature")
    493.15
    >>> si("mass_flow", "36 t/h", "mass_flow")
    10.0
    """
    arr = si_array(name, value, kind)
    return float(arr) if arr.ndim == 0 else arr


def convert_fields(obj, **kinds) -> None:
    """Convert the named fields of a (frozen) dataclass instance in place with :func:`si`;
    fields that are None stay None. Call first thing in ``__post_init__``."""
    for fname, kind in kinds.items():
        v = getattr(obj, fname)
        if v is not None:
            object.__setattr__(obj, fname, si(fname, v, kind))


def check_result_residuals(result, tol_energy: float = 1e-6, tol_mass: float = 1e-9) -> list[str]:
    """Problems with a unit result's residual fields (empty when it conforms): both
    :data:`RESIDUAL_FIELDS` present, finite floats, and within the given absolute tolerances
    [W, kg/s] (NaN-safe)."""
    problems = []
    for fname, unit in RESIDUAL_FIELDS.items():
        if not hasattr(result, fname):
            problems.append(f"{type(result).__name__} has no {fname} [{unit}]")
            continue
        v = getattr(result, fname)
        try:
            v = float(v)
        except (TypeError, ValueError):
            problems.append(f"{type(result).__name__}.{fname} is not a number: {v!r}")
            continue
        tol = tol_energy if fname == "energy_residual" else tol_mass
        if not (math.isfinite(v) and abs(v) <= tol):
            problems.append(f"{type(result).__name__}.{fname} = {v!r} {unit} exceeds {tol:g} {unit}")
    return problems


def balance_residuals(inlets, outlets, sources=None) -> tuple[float, float]:
    """(mass_residual [kg/s], energy_residual [W]) of a unit: in - out, and in + sources - out,
    over its port streams (material and energy streams) and its ``sources`` [W]."""
    src = sum(float(v) for v in (sources or {}).values())
    m = sum(s.mass_flow for s in inlets.values()) - sum(s.mass_flow for s in outlets.values())
    e = sum(s.energy_flow for s in inlets.values()) + src - sum(s.energy_flow for s in outlets.values())
    return float(m), float(e)


def with_residuals(result, inlets, outlets, sources=None):
    """``result`` (a frozen dataclass with ``mass_residual`` and ``energy_residual`` fields)
    with both filled from :func:`balance_residuals`."""
    from dataclasses import replace

    m, e = balance_residuals(inlets, outlets, sources)
    return replace(result, mass_residual=m, energy_residual=e)


def dataclass_field_names(cls) -> tuple[str, ...]:
    """Names of a dataclass's fields (helper for the shared unit-model suite)."""
    return tuple(f.name for f in fields(cls))
