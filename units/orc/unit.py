"""ORC as a flowsheet unit: heat source and coolant in and out, electric power out.

Ports (:mod:`procsim.units_api` convention): inlets ``source_in`` (the heat-source stream)
and ``cooling_in`` (the condenser coolant, used with its own flow); outlets ``source_out``,
``cooling_out`` and ``power_out`` (an :class:`~procsim.stream.EnergyStream` of kind "power"
carrying the net electric power; former name ``power`` accepted). Generator and pump-motor
losses leave as a negative ``source``, so the unit balance (in + sources - out) closes:
source enthalpy drop = net shaft power + condenser duty. The result is the cycle's
:class:`~units.orc.cycle.ORCResult` with ``energy_residual`` [W] and ``mass_residual``
[kg/s] taken over the unit's ports, and the generated electricity as a negative
``electricity_kwh`` carrier (:mod:`procsim.plant`).

Plant files name it ``type = "orc"`` (:func:`plant_orc`: the :class:`~units.orc.cycle.ORC`
parameters in the unit table).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from procsim.flowsheet import UnitSolution
from procsim.stream import EnergyStream, Stream
from procsim.units_api import canonical_inlets, outlet_map, with_residuals

from .cycle import ORC

__all__ = ["ORCUnit", "plant_orc"]


@dataclass(frozen=True)
class ORCUnit:
    """Flowsheet adapter around an :class:`ORC` design (``name``, ``orc``)."""

    name: str
    orc: ORC

    inlets = ("source_in", "cooling_in")
    outlets = ("source_out", "cooling_out", "power_out")
    port_aliases: ClassVar[dict] = {"power": "power_out"}

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
        inlets = canonical_inlets(self, inlets)
        for port in self.inlets:
            if port not in inlets:
                raise ValueError(f"{self.name}: missing inlet {port!r}; got {', '.join(inlets) or 'none'}")
        src, cool = inlets["source_in"], inlets["cooling_in"]
        for port, s in (("source_in", src), ("cooling_in", cool)):
            if not isinstance(s, Stream):
                raise ValueError(f"{self.name}: {port} must be a material Stream; got {type(s).__name__}")
            if not s.mass_flow >= 0.0:
                raise ValueError(f"{self.name}: inlet '{port}' mass_flow must be >= 0 kg/s; got {s.mass_flow!r} kg/s")
        try:
            res = self.orc.solve(src, cooling=cool)
        except ValueError as exc:
            raise ValueError(f"{self.name}: {exc}") from None
        src_out = Stream.from_ph(src.material, src.p, src.h - res.heat_input / src.mass_flow,
                                 src.mass_flow)
        cool_out = Stream.from_ph(cool.material, cool.p, cool.h + res.heat_rejected / cool.mass_flow,
                                  cool.mass_flow)
        power = EnergyStream("power", res.net_electric_power)
        sources = {"generator_and_motor_losses": -(res.net_power - res.net_electric_power)}
        outs = {"source_out": src_out, "cooling_out": cool_out, "power_out": power}
        res = with_residuals(res, {"source_in": src, "cooling_in": cool}, outs, sources)
        return UnitSolution(outlet_map(self, outs), res, sources)


def plant_orc(name: str, fluid, evaporating_temperature, condensing_temperature, **parameters) -> ORCUnit:
    """The ORC as a plant-file unit (``type = "orc"``): the unit table holds the
    :class:`~units.orc.cycle.ORC` parameters (SI numbers or unit strings, converted by the
    plant file), e.g. ``fluid = "Toluene"``, ``evaporating_temperature = "250 degC"``."""
    from dataclasses import fields

    allowed = [f.name for f in fields(ORC) if f.init and f.name != "_"]
    bad = [k for k in parameters if k not in allowed]
    if bad:
        raise ValueError(f"{name}: orc has no parameter {bad[0]!r}; allowed: {', '.join(allowed)}")
    try:
        orc = ORC(fluid, evaporating_temperature, condensing_temperature, **parameters)
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None
    return ORCUnit(name, orc)
