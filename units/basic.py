"""General-purpose flowsheet units: mixer, splitter, valve, pump, heater/cooler.

Ports follow :mod:`procsim.units_api`: ``fluid_in``/``fluid_out`` (``fluid_in1``, ``fluid_in2``
... on a mixer, ``fluid_out1`` ... on a splitter); the former names ``inlet``/``outlet``
(``inlet1``, ``outlet1`` ...) are accepted as aliases.

They are the plumbing between equipment models and the smallest units that exercise the
flowsheet solver end to end (including recycles).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar


from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.thermo.material import require_material
from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from procsim.validation import check_fraction, check_positive, check_range
from procsim.units_api import canonical_inlets, convert_fields, outlet_map, with_residuals

__all__ = ["Mixer", "Splitter", "Valve", "Pump", "Heater", "pump_outlet_enthalpy",
           "MixerResult", "SplitterResult", "ValveResult", "PumpResult", "HeaterResult"]


#: Outlet enthalpy of a pump or compressor from its isentropic efficiency [J/kg]: the shared
#: relation :func:`procsim.thermo.isentropic.isentropic_outlet_enthalpy` (kept under this name
#: for existing callers).
pump_outlet_enthalpy = isentropic_outlet_enthalpy


def _mixed_material(name, streams):
    """Material of the adiabatic mixture of ``streams`` (the material interface's ``mixed``)."""
    try:
        return streams[0].material.mixed([(s.material, s.mass_flow) for s in streams])
    except ValueError as exc:
        raise ValueError(f"{name}: inlets cannot be mixed: {exc}") from None


@dataclass(frozen=True)
class MixerResult:
    outlet_temperature: float  # [K]
    outlet_pressure: float     # [Pa]
    mass_flow: float           # [kg/s]
    mass_residual: float = math.nan    # [kg/s] in - out
    energy_residual: float = math.nan  # [W] in + sources - out


@dataclass(frozen=True)
class Mixer:
    """Adiabatic mixer of ``n_inlets`` streams of one material; outlet at the lowest inlet pressure.

    Energy: :math:`\\dot m h_{out} = \\sum \\dot m_i h_i` (no heat or work).
    """

    name: str
    n_inlets: int = 2

    def __post_init__(self):
        if not (isinstance(self.n_inlets, int) and self.n_inlets >= 2):
            raise ValueError(f"n_inlets must be an integer >= 2; got {self.n_inlets!r}")

    @property
    def inlets(self):
        return tuple(f"fluid_in{i + 1}" for i in range(self.n_inlets))

    outlets = ("fluid_out",)

    @property
    def port_aliases(self):
        """Old port names (before the <medium>_in/_out convention) -> current names."""
        return {**{f"inlet{i + 1}": f"fluid_in{i + 1}" for i in range(self.n_inlets)}, "outlet": "fluid_out"}

    @classmethod
    def example(cls):
        return cls("mixer"), {"fluid_in1": Stream("Water", 300.0, 3.0e5, 1.0),
                              "fluid_in2": Stream("Water", 350.0, 2.0e5, 0.5)}

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        streams = [inlets[p] for p in self.inlets]
        mat = _mixed_material(self.name, streams)
        m = sum(s.mass_flow for s in streams)
        p = min(s.p for s in streams)
        if not m > 0.0:
            out = streams[0].with_(p=p, mass_flow=0.0)
            outs = outlet_map(self, {"fluid_out": out})
            return UnitSolution(outs, with_residuals(MixerResult(out.T, p, 0.0), inlets, outs))
        h = sum(s.mass_flow * s.h for s in streams) / m
        out = Stream.from_ph(mat, p, h, m)
        outs = outlet_map(self, {"fluid_out": out})
        return UnitSolution(outs, with_residuals(MixerResult(out.T, p, m), inlets, outs))


@dataclass(frozen=True)
class SplitterResult:
    mass_flows: tuple  # [kg/s] per outlet
    mass_residual: float = math.nan    # [kg/s]
    energy_residual: float = math.nan  # [W]


@dataclass(frozen=True)
class Splitter:
    """Divides one stream into outlets by fixed mass fractions (same state in each)."""

    name: str
    fractions: tuple = (0.5, 0.5)

    def __post_init__(self):
        fr = tuple(float(check_fraction("fractions", f)) for f in self.fractions)
        if len(fr) < 2:
            raise ValueError(f"fractions must have at least 2 entries; got {self.fractions!r}")
        if abs(sum(fr) - 1.0) > 1e-12:
            raise ValueError(f"fractions must sum to 1; got {self.fractions!r} (sum {sum(fr)!r})")
        object.__setattr__(self, "fractions", fr)

    inlets = ("fluid_in",)

    @property
    def outlets(self):
        return tuple(f"fluid_out{i + 1}" for i in range(len(self.fractions)))

    @property
    def port_aliases(self):
        """Old port names (before the <medium>_in/_out convention) -> current names."""
        return {"inlet": "fluid_in", **{f"outlet{i + 1}": f"fluid_out{i + 1}" for i in range(len(self.fractions))}}

    @classmethod
    def example(cls):
        return cls("splitter", (0.3, 0.7)), {"fluid_in": Stream("Water", 320.0, 4.0e5, 2.0)}

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        s = inlets["fluid_in"]
        flows = [s.mass_flow * f for f in self.fractions]
        # the last outlet takes the remainder so that the split conserves mass exactly
        flows[-1] = s.mass_flow - sum(flows[:-1])
        outs = outlet_map(self, {p: s.with_(mass_flow=max(m, 0.0)) for p, m in zip(self.outlets, flows)})
        return UnitSolution(outs, with_residuals(SplitterResult(tuple(flows)), inlets, outs))


@dataclass(frozen=True)
class ValveResult:
    outlet_temperature: float  # [K]
    pressure_drop: float       # [Pa]
    mass_residual: float = math.nan    # [kg/s]
    energy_residual: float = math.nan  # [W]


@dataclass(frozen=True)
class Valve:
    """Throttling valve: isenthalpic expansion to ``outlet_pressure`` [Pa abs]."""

    name: str
    outlet_pressure: float

    def __post_init__(self):
        convert_fields(self, outlet_pressure="pressure")
        check_positive("outlet_pressure", self.outlet_pressure, "Pa")

    inlets = ("fluid_in",)
    outlets = ("fluid_out",)
    port_aliases: ClassVar[dict] = {"inlet": "fluid_in", "outlet": "fluid_out"}

    @classmethod
    def example(cls):
        return cls("valve", 2.0e5), {"fluid_in": Stream("Water", 400.0, 1.0e6, 1.0)}

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        s = inlets["fluid_in"]
        if not (self.outlet_pressure <= s.p):
            raise ValueError(f"{self.name}: outlet_pressure {self.outlet_pressure!r} Pa must be <= "
                             f"inlet pressure {s.p!r} Pa (a valve cannot raise pressure)")
        out = Stream.from_ph(s.material, self.outlet_pressure, s.h, s.mass_flow)
        outs = outlet_map(self, {"fluid_out": out})
        return UnitSolution(outs, with_residuals(ValveResult(out.T, s.p - self.outlet_pressure), inlets, outs))


@dataclass(frozen=True)
class PumpResult:
    shaft_power: float          # [W]
    outlet_temperature: float   # [K]
    isentropic_head: float      # h2s - h1 [J/kg]
    mass_residual: float = math.nan    # [kg/s]
    energy_residual: float = math.nan  # [W], shaft power counted as a source


@dataclass(frozen=True)
class Pump:
    """Liquid pump with isentropic ``efficiency`` to ``outlet_pressure`` [Pa abs].

    Shaft power enters as a source: :math:`P = \\dot m (h_2 - h_1)`.
    """

    name: str
    outlet_pressure: float
    efficiency: float  # isentropic; no default: it depends on pump size and duty (data sheet)

    def __post_init__(self):
        convert_fields(self, outlet_pressure="pressure", efficiency="fraction")
        check_positive("outlet_pressure", self.outlet_pressure, "Pa")
        check_range("efficiency", self.efficiency, 0.0, 1.0, low_inclusive=False)

    inlets = ("fluid_in",)
    outlets = ("fluid_out",)
    port_aliases: ClassVar[dict] = {"inlet": "fluid_in", "outlet": "fluid_out"}

    @classmethod
    def example(cls):
        return cls("pump", 1.2e6, 0.7), {"fluid_in": Stream("Water", 360.0, 1.5e5, 3.0)}

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        s = inlets["fluid_in"]
        require_material(self.name, "fluid_in", s, kind="fluid")
        if not (self.outlet_pressure >= s.p):
            raise ValueError(f"{self.name}: outlet_pressure {self.outlet_pressure!r} Pa must be >= "
                             f"inlet pressure {s.p!r} Pa")
        if s.x is not None and s.x > 0.0 and s.p < s.material.critical_pressure:
            raise ValueError(f"{self.name}: inlet must be liquid (quality <= 0); got x={s.x:.4g}")
        h2s = s.material.h_ps(self.outlet_pressure, s.s)
        h2 = pump_outlet_enthalpy(s.h, h2s, self.efficiency)
        out = Stream.from_ph(s.material, self.outlet_pressure, h2, s.mass_flow)
        power = s.mass_flow * (h2 - s.h)
        outs = outlet_map(self, {"fluid_out": out})
        src = {"shaft_power": power}
        return UnitSolution(outs, with_residuals(PumpResult(power, out.T, h2s - s.h), inlets, outs, src), src)


@dataclass(frozen=True)
class HeaterResult:
    duty: float                # heat added [W] (negative: heat removed)
    outlet_temperature: float  # [K]
    mass_residual: float = math.nan    # [kg/s]
    energy_residual: float = math.nan  # [W], duty counted as a source


@dataclass(frozen=True)
class Heater:
    """Heats or cools a stream to ``outlet_temperature`` [K] at constant pressure (minus ``pressure_drop``).

    The duty enters as a source (negative for a cooler).
    """

    name: str
    outlet_temperature: float
    pressure_drop: float = 0.0

    def __post_init__(self):
        convert_fields(self, outlet_temperature="temperature", pressure_drop="pressure_difference")
        check_positive("outlet_temperature", self.outlet_temperature, "K")
        check_range("pressure_drop", self.pressure_drop, 0.0, None, "Pa")

    inlets = ("fluid_in",)
    outlets = ("fluid_out",)
    port_aliases: ClassVar[dict] = {"inlet": "fluid_in", "outlet": "fluid_out"}

    @classmethod
    def example(cls):
        return cls("heater", 350.0), {"fluid_in": Stream("Water", 300.0, 2.0e5, 1.5)}

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        s = inlets["fluid_in"]
        p = s.p - self.pressure_drop
        if not p > 0.0:
            raise ValueError(f"{self.name}: pressure_drop {self.pressure_drop!r} Pa exceeds inlet "
                             f"pressure {s.p!r} Pa")
        try:
            out = s.with_(T=self.outlet_temperature, p=p)
        except ValueError as exc:    # the material's own range: say which unit and parameter
            raise ValueError(f"{self.name}: outlet_temperature {self.outlet_temperature!r} K is outside the "
                             f"outlet material's range: {exc}") from None
        duty = s.mass_flow * (out.h - s.h)
        outs = outlet_map(self, {"fluid_out": out})
        src = {"duty": duty}
        return UnitSolution(outs, with_residuals(HeaterResult(duty, out.T), inlets, outs, src), src)
