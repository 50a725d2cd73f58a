"""ORC as a flowsheet unit: heat source and coolant in and out, electric power out.

Ports: inlets ``source_in`` (the heat-source stream) and ``cooling_in`` (the condenser
coolant, used with its own flow); outlets ``source_out``, ``cooling_out`` and ``power``
(an :class:`~procsim.stream.EnergyStream` of kind "power" carrying the net electric power).
Generator and pump-motor losses leave as a negative ``source``, so the unit balance
(in + sources - out) closes: source enthalpy drop = net shaft power + condenser duty.
"""
from __future__ import annotations

from dataclasses import dataclass

from procsim.flowsheet import UnitSolution
from procsim.stream import EnergyStream, Stream

from .cycle import ORC

__all__ = ["ORCUnit"]


@dataclass(frozen=True)
class ORCUnit:
    """Flowsheet adapter around an :class:`ORC` design (``name``, ``orc``)."""

    name: str
    orc: ORC

    inlets = ("source_in", "cooling_in")
    outlets = ("source_out", "cooling_out", "power")

    def __post_init__(self):
        if not isinstance(self.orc, ORC):
            raise ValueError(f"orc must be a units.orc.ORC; got {type(self.orc).__name__}")

    @classmethod
    def example(cls):
        """Kiln-exhaust-like flue gas at 300 degC driving a cyclopentane ORC, cooling water at 25 degC."""
        orc = ORC("Cyclopentane", 453.15, 318.15, superheat=5.0, recuperator_effectiveness=0.7,
                  source_minimum_outlet_temperature=393.15)
        flue = Stream({"N2": 0.72, "CO2": 0.09, "H2O": 0.12, "O2": 0.07}, 573.15, 101325.0, 20.0)
        water = Stream("Water", 298.15, 3.0e5, 150.0)
        return cls("orc", orc), {"source_in": flue, "cooling_in": water}

    def solve(self, inlets) -> UnitSolution:
        src, cool = inlets["source_in"], inlets["cooling_in"]
        for port, s in (("source_in", src), ("cooling_in", cool)):
            if not isinstance(s, Stream):
                raise ValueError(f"{self.name}: {port} must be a material Stream; got {type(s).__name__}")
            if not s.mass_flow >= 0.0:
                raise ValueError(f"{self.name}: inlet '{port}' mass_flow must be >= 0 kg/s; got {s.mass_flow!r} kg/s")
        res = self.orc.solve(src, cooling=cool)
        src_out = Stream.from_ph(src.material, src.p, src.h - res.heat_input / src.mass_flow,
                                 src.mass_flow)
        cool_out = Stream.from_ph(cool.material, cool.p, cool.h + res.heat_rejected / cool.mass_flow,
                                  cool.mass_flow)
        power = EnergyStream("power", res.net_electric_power)
        losses = res.net_power - res.net_electric_power
        return UnitSolution({"source_out": src_out, "cooling_out": cool_out, "power": power}, res,
                            {"generator_and_motor_losses": -losses})
