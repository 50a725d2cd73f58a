"""Deaerator: direct-contact heater that brings feedwater to saturation and vents gases."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.units_api import inlet_map
from procsim.validation import check_fraction
from units.steam._common import (check_pressure, check_water_inlets, conform_port, internal_inlets, port_outlets,
                                 saturation_enthalpies, stream, water_of)
from units.steam.kernels import deaerator_balance_overflow

__all__ = ["Deaerator", "DeaeratorResult"]


@dataclass(frozen=True)
class DeaeratorResult:
    """Deaerator result (SI).

    pressure [Pa]; saturation_temperature [K]; feedwater_flow [kg/s]; feedwater_temperature [K];
    feedwater_enthalpy [J/kg]; subcooling [K] (T_sat - T_fw: 0 when the heating steam suffices);
    steam_flow [kg/s] received; steam_required [kg/s] for saturated feedwater with the minimum
    vent; vent_flow [kg/s] (minimum vent + excess); excess_vent_flow [kg/s] (steam in excess of
    the requirement, vented); water_flow [kg/s] (condensate + make-up); mass_residual [kg/s];
    energy_residual [W].
    """

    pressure: float
    saturation_temperature: float
    feedwater_flow: float
    feedwater_temperature: float
    feedwater_enthalpy: float
    subcooling: float
    steam_flow: float
    steam_required: float
    vent_flow: float
    excess_vent_flow: float
    water_flow: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class Deaerator:
    """Pressurised deaerator fed with heating steam and water streams.

    Parameters
    ----------
    name : unit name
    pressure : deaerator pressure [Pa abs]
    vent_fraction : minimum vent (saturated vapour, carrying the stripped gases) as a fraction
        of the feedwater flow [-] in [0, 0.05]. Vendors size vents at about 0.05-0.1 % of
        throughput; set it from the plant (DOE Steam Tip Sheet #18, 2012, "Deaerators in
        Industrial Steam Systems", discusses vent rate as a trade-off, without one value).
    water_inlets : names of the water inlet ports (default condensate and make-up)
    fluid : water model (default IAPWS-IF97)

    Notes
    -----
    With all inflows (steam and water) mixed, mass :math:`m` and enthalpy flow :math:`E`:
    if the vapour that the saturated mix releases, :math:`V = (E - m h_l)/(h_v - h_l)`, is at
    least the minimum vent :math:`v F`, feedwater :math:`F = m - V` leaves saturated and the
    vent carries the excess; otherwise the vent is :math:`vF` with
    :math:`F = m/(1+v)` and the feedwater leaves subcooled,
    :math:`h_F = (E - vF h_v)/F`. ``steam_required`` is the steam flow at which the feedwater
    is just saturated (:func:`~units.steam.kernels.deaerator_balance` solves the same balance
    for steam and make-up at a given feedwater demand).
    """

    name: str
    pressure: float
    vent_fraction: float
    water_inlets: tuple = ("condensate", "makeup")
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        vf = float(check_fraction(f"{self.name}: vent_fraction", self.vent_fraction))
        if not (vf <= 0.05):
            raise ValueError(f"{self.name}: vent_fraction must be in [0, 0.05]; got {vf!r}")
        object.__setattr__(self, "vent_fraction", vf)
        object.__setattr__(self, "water_inlets", tuple(self.water_inlets))

    @property
    def inlets(self):
        return tuple(self._in_names.values())

    outlets = ("feedwater_out", "steam_vent_out")
    #: former outlet names -> current ones
    outlet_aliases = {"feedwater": "feedwater_out", "vent": "steam_vent_out"}

    @property
    def _in_names(self) -> dict:
        """Internal inlet name -> port name (``steam_in``; water inlets as
        :func:`~units.steam._common.conform_port` names them: ``condensate_in``, ``water_makeup_in``)."""
        return {"steam": "steam_in", **{n: conform_port("water", n, "in") for n in self.water_inlets}}

    @property
    def port_aliases(self) -> dict:
        """Former inlet names (``steam``, the water inlets' own names) -> current port names."""
        return {k: v for k, v in self._in_names.items() if k != v}

    @classmethod
    def example(cls):
        """1.2 bar(a) deaerator: 6 kg/s condensate at 80 C, 4 kg/s make-up at 25 C, LP steam."""
        da = cls("deaerator", 1.2e5, vent_fraction=0.001)
        return da, inlet_map(da, {"steam_in": Stream("Water", 433.15, 3.0e5, 1.4),
                                  "condensate_in": Stream("Water", 353.15, 3.0e5, 6.0),
                                  "water_makeup_in": Stream("Water", 298.15, 3.0e5, 4.0)})

    def required_steam(self, steam_enthalpy: float, water_flow: float, water_enthalpy: float) -> float:
        """Heating steam [kg/s] that just saturates the feedwater with the minimum vent."""
        _, h_l, h_v = saturation_enthalpies(self.fluid, self.pressure)
        vf = self.vent_fraction
        h_mix = (h_l + vf * h_v) / (1.0 + vf)
        if water_enthalpy >= h_mix:
            return 0.0
        if not (steam_enthalpy > h_mix):
            raise ValueError(f"{self.name}: heating steam enthalpy {steam_enthalpy!r} J/kg cannot heat water to "
                             f"saturation at {self.pressure!r} Pa")
        return water_flow * (h_mix - water_enthalpy) / (steam_enthalpy - h_mix)

    def balance(self, feedwater_flow: float, steam_enthalpy: float, condensate_flow: float,
                condensate_enthalpy: float, makeup_enthalpy: float, fixed_flow: float = 0.0,
                fixed_enthalpy: float = 0.0) -> tuple[float, float, float]:
        """(steam, make-up, condensate overflow) [kg/s] for a feedwater demand [kg/s].

        The level control takes all condensate and the fixed water inflow (``fixed_flow`` at
        ``fixed_enthalpy``, e.g. a condenser hotwell), then draws make-up; when the condensate
        alone exceeds what the demand can take, the make-up is 0 and the surplus condensate
        overflows the receiver (:func:`~units.steam.kernels.deaerator_balance_overflow`).
        """
        _, h_l, h_v = saturation_enthalpies(self.fluid, self.pressure)
        out = np.empty(3)
        v = self.vent_fraction * feedwater_flow
        status = deaerator_balance_overflow(feedwater_flow, h_l, v, h_v, fixed_flow, fixed_enthalpy,
                                            condensate_flow, condensate_enthalpy, makeup_enthalpy,
                                            steam_enthalpy, out)
        if status == 1:
            raise ValueError(f"{self.name}: fixed water inflow {fixed_flow!r} kg/s (condenser returns) exceeds what a "
                             f"feedwater demand of {feedwater_flow!r} kg/s can take")
        if status != 0:
            raise ValueError(f"{self.name}: no steam/make-up split heats {condensate_flow + fixed_flow!r} kg/s of "
                             f"water to saturation at {self.pressure!r} Pa (status {status}: "
                             f"{'incoming water hotter than the feedwater' if status == 2 else 'bad data'})")
        return float(out[0]), float(out[1]), float(out[2])

    def demand(self, feedwater_flow: float, steam_enthalpy: float, water_flow: float,
               water_enthalpy: float, makeup_enthalpy: float) -> tuple[float, float]:
        """(steam, make-up) [kg/s] for a feedwater demand, given the other water inflow.

        Strict form of :meth:`balance`: a condensate surplus (make-up that would be
        negative) is an error here rather than an overflow.
        """
        s, m, over = self.balance(feedwater_flow, steam_enthalpy, water_flow, water_enthalpy, makeup_enthalpy)
        if over > 0.0:
            raise ValueError(f"{self.name}: condensate {water_flow!r} kg/s exceeds what a feedwater demand of "
                             f"{feedwater_flow!r} kg/s can take: {over!r} kg/s would overflow")
        return s, m

    def solve(self, inlets) -> UnitSolution:
        ins = internal_inlets(self, check_water_inlets(self.name, internal_inlets(self, inlets, {}), self.inlets),
                              self._in_names)
        p = self.pressure
        for n, s in ins.items():
            if s.p < p * (1.0 - 1e-9) and s.mass_flow > 0.0:
                raise ValueError(f"{self.name}: inlet {n!r} at p={s.p!r} Pa is below the deaerator pressure "
                                 f"{p!r} Pa")
        t_sat, h_l, h_v = saturation_enthalpies(self.fluid, p)
        steam = ins["steam"]
        m = sum(s.mass_flow for s in ins.values())
        e = sum(s.energy_flow for s in ins.values())
        if not (m > 0.0):
            raise ValueError(f"{self.name}: deaerator has no inflow")
        w_flow = sum(ins[n].mass_flow for n in self.water_inlets)
        w_h = (sum(ins[n].energy_flow for n in self.water_inlets) / w_flow) if w_flow > 0.0 else h_l
        vf = self.vent_fraction
        v_sat = (e - m * h_l) / (h_v - h_l)
        f_sat = m - v_sat
        if v_sat >= vf * f_sat:
            f, h_f, vent, excess = f_sat, h_l, v_sat, v_sat - vf * f_sat
        else:
            f = m / (1.0 + vf)
            vent = vf * f
            h_f = (e - vent * h_v) / f
            excess = 0.0
        fw = stream(self.fluid, p, h_f, f)
        vs = stream(self.fluid, p, h_v, vent)
        required = self.required_steam(steam.h, w_flow, w_h) if steam.h > h_l else math.inf
        res = DeaeratorResult(pressure=p, saturation_temperature=t_sat, feedwater_flow=f,
                              feedwater_temperature=fw.T, feedwater_enthalpy=h_f,
                              subcooling=max(t_sat - fw.T, 0.0), steam_flow=steam.mass_flow,
                              steam_required=required, vent_flow=vent, excess_vent_flow=excess,
                              water_flow=w_flow, mass_residual=m - f - vent,
                              energy_residual=e - fw.energy_flow - vs.energy_flow)
        return UnitSolution(port_outlets(self, {"feedwater": fw, "vent": vs},
                                         {"feedwater": "feedwater_out", "vent": "steam_vent_out"}), res)
