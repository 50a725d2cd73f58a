"""Flash tank: hot liquid (boiler blowdown, high-pressure condensate) flashed to a lower pressure."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.units_api import canonical_inlets, inlet_map, outlet_map
from units.steam._common import (check_pressure, check_water_inlets, saturation_enthalpies, stream,
                                 water_of)
from units.steam.kernels import flash_fraction

__all__ = ["FlashTank", "FlashResult"]


@dataclass(frozen=True)
class FlashResult:
    """Flash tank result (SI): pressure [Pa], temperature [K], flash_fraction [-],
    vapour_flow, liquid_flow [kg/s], mass_residual [kg/s], energy_residual [W]."""

    pressure: float
    temperature: float
    flash_fraction: float
    vapour_flow: float
    liquid_flow: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class FlashTank:
    """Separates a liquid let down to ``pressure`` into saturated vapour and saturated liquid.

    Parameters: name, pressure [Pa abs] (below the inlet pressure), fluid (default IF97).

    Notes
    -----
    Flash fraction :math:`f = (h_{in} - h_l)/(h_v - h_l)` at the tank pressure, 0 for an
    inlet subcooled at that pressure (:func:`~units.steam.kernels.flash_fraction`; DOE Steam
    Tip Sheet #12, 2012). A subcooled inlet leaves as liquid at its own enthalpy.
    """

    name: str
    pressure: float
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        if not (self.pressure < w.critical_pressure):
            raise ValueError(f"{self.name}: pressure must be below the critical pressure; got {self.pressure!r} Pa")

    inlets = ("water_in",)
    outlets = ("steam_out", "water_out")
    port_aliases: ClassVar[dict] = {"inlet": "water_in", "vapour": "steam_out", "liquid": "water_out"}

    @classmethod
    def example(cls):
        """Blowdown: saturated liquid at 40 bar(a), 0.3 kg/s, flashed to 2 bar(a)."""
        return cls("blowdown_flash", 2.0e5), inlet_map(cls, {"water_in": Stream("Water", None, 4.0e6, 0.3, x=0.0)})

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["water_in"]
        p = self.pressure
        if not (p < s.p) and s.mass_flow > 0.0:
            raise ValueError(f"{self.name}: flash pressure {p!r} Pa must be below the inlet pressure {s.p!r} Pa")
        t_sat, h_l, h_v = saturation_enthalpies(self.fluid, p)
        f = flash_fraction(s.h, h_l, h_v)
        if math.isnan(f):
            raise ValueError(f"{self.name}: inlet enthalpy {s.h!r} J/kg is above saturated vapour {h_v!r} J/kg "
                             f"at {p!r} Pa: nothing to separate")
        mv = f * s.mass_flow
        ml = s.mass_flow - mv
        h_liq = h_l if f > 0.0 else s.h
        vap = stream(self.fluid, p, h_v, mv)
        liq = stream(self.fluid, p, h_liq, ml)
        res = FlashResult(pressure=p, temperature=liq.T, flash_fraction=float(f), vapour_flow=mv,
                          liquid_flow=ml, mass_residual=s.mass_flow - mv - ml,
                          energy_residual=s.energy_flow - vap.energy_flow - liq.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_out": vap, "water_out": liq}), res)
