"""Pressure-reducing valve (letdown station), with or without a desuperheating spray."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.units_api import canonical_inlets, inlet_map, outlet_map
from units.steam._common import check_pressure, check_superheated, check_water_inlets, stream, water_of
from units.steam.kernels import desuperheater_spray_ratio

__all__ = ["PressureReducingValve", "PRVResult"]


@dataclass(frozen=True)
class PRVResult:
    """Letdown station result (SI).

    inlet_pressure, outlet_pressure [Pa]; steam_flow, spray_flow, outlet_flow [kg/s];
    outlet_enthalpy [J/kg]; outlet_temperature [K]; outlet_superheat [K] (T - T_sat);
    spray_required [kg/s]: spray that would bring the outlet exactly to ``outlet_temperature``
    (NaN without a target); mass_residual [kg/s]; energy_residual [W].
    """

    inlet_pressure: float
    outlet_pressure: float
    steam_flow: float
    spray_flow: float
    outlet_flow: float
    outlet_enthalpy: float
    outlet_temperature: float
    outlet_superheat: float
    spray_required: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class PressureReducingValve:
    """Throttles steam to ``outlet_pressure``; optionally desuperheats with spray water.

    Parameters
    ----------
    name : unit name
    outlet_pressure : [Pa abs], below the inlet pressure
    outlet_temperature : desuperheater set-point [K] (None: plain valve, ports ``steam`` ->
        ``steam``). With a set-point the valve has a second inlet ``water`` (spray water);
        the outlet is the adiabatic mix of the throttled steam and the spray actually given,
        and the result reports ``spray_required`` for the set-point, which a flowsheet
        controller (the site model) feeds back as the spray flow.
    fluid : water model (default IAPWS-IF97)

    Notes
    -----
    Throttling is isenthalpic (Cengel & Boles 2015, ch. 5); spray mixing:
    :math:`\\dot m_w/\\dot m_s = (h_s - h_t)/(h_t - h_w)` (:func:`~units.steam.kernels.desuperheater_spray_ratio`).
    The set-point must be above the saturation temperature at the outlet pressure (a spray
    cannot make wet steam on purpose), and the spray water below the set-point enthalpy.
    """

    name: str
    outlet_pressure: float
    outlet_temperature: float | None = None
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "outlet_pressure",
                           check_pressure(f"{self.name}: outlet_pressure", self.outlet_pressure, w))
        if self.outlet_temperature is not None:
            object.__setattr__(self, "outlet_temperature", check_superheated(
                f"{self.name}: outlet_temperature", self.outlet_temperature, self.outlet_pressure, w))

    @property
    def inlets(self):
        return ("steam_in",) if self.outlet_temperature is None else ("steam_in", "water_in")

    outlets = ("steam_out",)
    #: former port names: ``steam`` (inlet, or the outlet where an outlet is meant), ``water``
    port_aliases: ClassVar[dict] = {"steam": "steam_in", "water": "water_in"}
    outlet_aliases: ClassVar[dict] = {"steam": "steam_out"}

    @classmethod
    def example(cls):
        """40 bar(a), 400 C steam let down to 10 bar(a), desuperheated to 200 C with 105 C water."""
        prv = cls("letdown", 1.0e6, outlet_temperature=473.15)
        steam = Stream("Water", 673.15, 4.0e6, 2.0)
        water = Stream("Water", 378.15, 4.5e6, 1.0)
        h_t = prv.fluid.state(p=1.0e6, T=473.15).h
        spray = 2.0 * desuperheater_spray_ratio(steam.h, water.h, h_t)
        return prv, inlet_map(prv, {"steam_in": steam, "water_in": water.with_(mass_flow=spray)})

    def spray_ratio(self, steam_enthalpy: float, water_enthalpy: float) -> float:
        """Spray water per kg of inlet steam that meets the set-point [kg/kg]."""
        if self.outlet_temperature is None:
            return 0.0
        h_t = self.fluid.state(p=self.outlet_pressure, T=self.outlet_temperature).h
        r = desuperheater_spray_ratio(steam_enthalpy, water_enthalpy, h_t)
        if math.isnan(r):
            if steam_enthalpy < h_t:
                return 0.0  # the throttled steam is already at or below the set-point: no spray
            raise ValueError(f"{self.name}: spray water enthalpy {water_enthalpy!r} J/kg must be below the "
                             f"set-point enthalpy {h_t!r} J/kg")
        return float(r)

    def solve(self, inlets) -> UnitSolution:
        ins = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)
        ins = {"steam": ins["steam_in"], **({"water": ins["water_in"]} if "water_in" in ins else {})}
        s = ins["steam"]
        p2 = self.outlet_pressure
        if not (p2 < s.p):
            raise ValueError(f"{self.name}: outlet_pressure {p2!r} Pa must be below the inlet pressure "
                             f"{s.p!r} Pa (a pressure-reducing valve cannot raise pressure)")
        m_w, h_w = 0.0, 0.0
        if "water" in ins:
            m_w, h_w = ins["water"].mass_flow, ins["water"].h
            if ins["water"].p < p2 and m_w > 0.0:
                raise ValueError(f"{self.name}: spray water at {ins['water'].p!r} Pa cannot enter the "
                                 f"outlet at {p2!r} Pa")
        m_out = s.mass_flow + m_w
        h_out = (s.mass_flow * s.h + m_w * h_w) / m_out if m_out > 0.0 else s.h
        out = stream(self.fluid, p2, h_out, m_out)
        t_sat = self.fluid.saturation(p=p2)[0].T
        required = math.nan
        if self.outlet_temperature is not None:
            required = s.mass_flow * self.spray_ratio(s.h, h_w if "water" in ins else 0.0)
        e_in = sum(x.energy_flow for x in ins.values())
        res = PRVResult(inlet_pressure=s.p, outlet_pressure=p2, steam_flow=s.mass_flow, spray_flow=m_w,
                        outlet_flow=m_out, outlet_enthalpy=h_out, outlet_temperature=out.T,
                        outlet_superheat=out.T - t_sat, spray_required=required,
                        mass_residual=s.mass_flow + m_w - out.mass_flow,
                        energy_residual=e_in - out.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_out": out}), res)
