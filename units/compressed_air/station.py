r"""Flowsheet unit: a compressor station turning ambient air and electricity into compressed air and heat.

Ports: inlet ``air_in`` (a procsim Stream of air at the intake; its mass flow is the air
to deliver); outlets ``air_out`` (at ``discharge_pressure``, after the aftercooler at
intake temperature + ``aftercooler_approach``) and ``heat_out`` (formerly ``heat``, still accepted; all heat rejected by the
package coolers, available for recovery). Electrical input enters as a source:

.. math:: Q_{heat} = P_{el} + \dot m (h_{in} - h_{out})

Dispatch is a steady-state sequencer: units in the given order fully loaded, the last one
needed at part load on its own control curve (:meth:`Compressor.power`).
"""
from __future__ import annotations

from dataclasses import dataclass

from procsim.flowsheet import UnitSolution
from procsim.stream import EnergyStream, Stream
from procsim.units_api import canonical_inlets, outlet_map
from procsim.validation import check_positive, check_range

from .compressor import Compressor
from .flow import RHO_FREE_AIR

__all__ = ["CompressorStation", "CompressorStationResult"]


@dataclass(frozen=True)
class CompressorStationResult:
    power: float                 # electrical input [W]
    free_air_flow: float         # [m3/s, ISO 1217]
    specific_power: float        # [W per m3/s]; x 1/60e3 for kW/(m3/min)
    heat: float                  # heat rejected to coolers [W]
    unit_flows: tuple            # [m3/s] per compressor
    unit_powers: tuple           # [W] per compressor
    energy_residual: float       # P + m h_in - m h_out - heat [W]
    mass_residual: float = 0.0   # m_in - m_out [kg/s]

    @property
    def carriers(self) -> dict:
        """Purchased electricity per second {"electricity_kwh": kWh/s} (:mod:`procsim.plant`)."""
        return {"electricity_kwh": self.power / 3.6e6}


@dataclass(frozen=True)
class CompressorStation:
    """Compressors in sequence order delivering air at ``discharge_pressure`` [Pa abs]."""

    name: str
    compressors: tuple
    discharge_pressure: float
    aftercooler_approach: float = 10.0   # K above intake (typical air-cooled aftercooler, DOE Sourcebook)

    inlets = ("air_in",)
    outlets = ("air_out", "heat_out")
    #: former port name -> current one (procsim.units_api port convention)
    port_aliases = {"heat": "heat_out"}

    def __post_init__(self):
        if not self.compressors or not all(isinstance(c, Compressor) for c in self.compressors):
            raise ValueError("compressors must be a non-empty tuple of Compressor")
        check_positive("discharge_pressure", self.discharge_pressure, "Pa")
        check_range("aftercooler_approach", self.aftercooler_approach, 0.0, 100.0, "K")

    @classmethod
    def example(cls):
        comps = (Compressor("load_unload", 0.4, 150e3, name="A"), Compressor("vfd", 0.3, 115e3, name="V"))
        return (cls("compressors", comps, 801325.0),
                {"air_in": Stream("Air", 303.15, 101325.0, 0.5 * RHO_FREE_AIR)})

    def solve(self, inlets) -> UnitSolution:
        s = canonical_inlets(self, inlets)["air_in"]
        if not self.discharge_pressure > s.p:
            raise ValueError(f"{self.name}: discharge_pressure {self.discharge_pressure!r} Pa must exceed "
                             f"the intake pressure {s.p!r} Pa")
        q = s.mass_flow / RHO_FREE_AIR
        cap = sum(c.rated_flow for c in self.compressors)
        if q > cap * (1 + 1e-12):
            raise ValueError(f"{self.name}: free-air flow {q!r} m3/s exceeds the station capacity {cap!r} m3/s")
        flows, powers, left = [], [], q
        for c in self.compressors:
            f = min(c.rated_flow, left)
            left -= f
            flows.append(f)
            powers.append(float(c.power(f, self.discharge_pressure)) if f > 0 else 0.0)
        power = sum(powers)
        out = Stream(s.material, s.T + self.aftercooler_approach, self.discharge_pressure, s.mass_flow)
        heat = power + s.mass_flow * (s.h - out.h)
        if heat < 0:
            raise ValueError(f"{self.name}: negative heat rejection {heat!r} W: input power too low for the duty")
        res = CompressorStationResult(power, q, power / q if q > 0 else float("nan"), heat, tuple(flows),
                                      tuple(powers), power + s.energy_flow - out.energy_flow - heat,
                                      s.mass_flow - out.mass_flow)
        return UnitSolution(outlet_map(self, {"air_out": out, "heat_out": EnergyStream("heat", heat)}), res,
                            {"electric_power": power})
