"""Process steam users, steam traps, pipe heat losses, vents, and a boiler given by its efficiency."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from procsim.flowsheet import UnitSolution
from procsim.stream import EnergyStream, Stream
from procsim.units_api import canonical_inlets, inlet_map, outlet_map
from procsim.validation import as_float, check_fraction, check_range
from units.steam._common import (check_flow, check_pressure, check_superheated, check_water_inlets,
                                 saturation_enthalpies, stream, water_of)
from units.steam.kernels import napier_steam_flow

__all__ = ["SteamUser", "UserResult", "SteamTraps", "TrapResult", "PipeHeatLoss", "PipeLossResult",
           "SteamVent", "VentResult", "EfficiencyBoiler", "BoilerResult", "WasteHeatSteam",
           "WasteHeatResult"]


@dataclass(frozen=True)
class UserResult:
    """Process steam user (SI): steam_flow, condensate_flow, consumed_flow [kg/s];
    heat [W] delivered to the process; condensate_temperature [K]; residuals."""

    steam_flow: float
    condensate_flow: float
    consumed_flow: float
    heat: float
    condensate_temperature: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class SteamUser:
    """Indirect process heater (and optional direct steam injection).

    Parameters
    ----------
    name : unit name
    direct_fraction : share of the steam injected into the product (leaves on ``consumed``,
        never returns) [-] in [0, 1]
    condensate_subcooling : condensate temperature below saturation at the steam pressure [K] >= 0
    fluid : water model (default IAPWS-IF97)

    Ports: ``steam_in`` -> ``condensate_out`` (liquid at the steam pressure),
    ``steam_consumed_out`` (injected steam at its supply state), ``heat_out`` (heat to the
    process, W); former names ``steam``, ``condensate``, ``consumed``, ``heat`` accepted.
    """

    name: str
    direct_fraction: float = 0.0
    condensate_subcooling: float = 0.0
    fluid: object = None

    def __post_init__(self):
        object.__setattr__(self, "fluid", water_of(self.fluid))
        object.__setattr__(self, "direct_fraction",
                           float(check_fraction(f"{self.name}: direct_fraction", self.direct_fraction)))
        object.__setattr__(self, "condensate_subcooling", float(check_range(
            f"{self.name}: condensate_subcooling", self.condensate_subcooling, 0.0, 200.0, "K")))

    inlets = ("steam_in",)
    outlets = ("condensate_out", "steam_consumed_out", "heat_out")
    port_aliases: ClassVar[dict] = {"steam": "steam_in", "condensate": "condensate_out",
                                    "consumed": "steam_consumed_out", "heat": "heat_out"}

    @classmethod
    def example(cls):
        """Reboiler on 10 bar(a) steam at 200 C, 3 kg/s."""
        u = cls("reboiler")
        return u, inlet_map(u, {"steam_in": Stream("Water", 473.15, 1.0e6, 3.0)})

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["steam_in"]
        w = self.fluid
        t_sat, h_l, _ = saturation_enthalpies(w, s.p)
        h_c = h_l if self.condensate_subcooling == 0.0 else w.state(p=s.p, T=t_sat - self.condensate_subcooling).h
        if s.h < h_c and s.mass_flow > 0.0:
            raise ValueError(f"{self.name}: supply enthalpy {s.h!r} J/kg is below the condensate enthalpy "
                             f"{h_c!r} J/kg: the user cannot take heat from it")
        md = self.direct_fraction * s.mass_flow
        mc = s.mass_flow - md
        cond = stream(w, s.p, h_c, mc)
        cons = stream(w, s.p, s.h, md)
        heat = mc * (s.h - h_c)
        res = UserResult(steam_flow=s.mass_flow, condensate_flow=mc, consumed_flow=md, heat=heat,
                         condensate_temperature=cond.T, mass_residual=s.mass_flow - mc - md,
                         energy_residual=s.energy_flow - cond.energy_flow - cons.energy_flow - heat)
        return UnitSolution(outlet_map(self, {"condensate_out": cond, "steam_consumed_out": cons,
                                              "heat_out": EnergyStream("heat", heat)}), res)


@dataclass(frozen=True)
class TrapResult:
    """Failed steam traps (SI): loss_flow [kg/s] (Napier), steam_flow [kg/s] received,
    energy_lost [W] (enthalpy flow of the lost steam), residuals."""

    loss_flow: float
    steam_flow: float
    energy_lost: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class SteamTraps:
    """Live steam blown to atmosphere by traps failed open.

    Parameters
    ----------
    name : unit name
    failed_open : number of traps failed open (>= 0)
    orifice_diameter : trap orifice diameter [m] > 0
    discharge_coefficient : [-] in (0, 1]; 0.6 reproduces DOE Steam Tip Sheet #1,
        W = 24.24 P D^2 lb/h (P psia, D inch), see :data:`~units.steam.kernels.NAPIER_SI`

    The unit passes its inlet ``steam_in`` to ``steam_lost_out`` (former names ``steam``, ``lost``); :meth:`loss_flow` gives the flow the header must
    supply (a flowsheet controller, such as the site model, draws that flow).
    """

    name: str
    failed_open: int
    orifice_diameter: float
    discharge_coefficient: float = 0.6

    def __post_init__(self):
        if isinstance(self.failed_open, bool) or not (isinstance(self.failed_open, int) and self.failed_open >= 0):
            raise ValueError(f"{self.name}: failed_open must be an integer >= 0; got {self.failed_open!r}")
        check_range(f"{self.name}: orifice_diameter", self.orifice_diameter, 0.0, 0.1, "m", low_inclusive=False)
        check_range(f"{self.name}: discharge_coefficient", self.discharge_coefficient, 0.0, 1.0, "",
                    low_inclusive=False)

    inlets = ("steam_in",)
    outlets = ("steam_lost_out",)
    port_aliases: ClassVar[dict] = {"steam": "steam_in", "lost": "steam_lost_out"}

    @classmethod
    def example(cls):
        """Five 1/8-inch traps failed open on a 10 bar(a) main."""
        traps = cls("traps", 5, 0.125 * 0.0254)
        return traps, inlet_map(traps, {"steam_in": Stream("Water", 473.15, 1.0e6, traps.loss_flow(1.0e6))})

    def loss_flow(self, pressure: float) -> float:
        """Steam lost [kg/s] at upstream ``pressure`` [Pa abs]."""
        f = napier_steam_flow(as_float("pressure", pressure, "Pa"), self.orifice_diameter,
                              self.discharge_coefficient)
        if math.isnan(f):
            raise ValueError(f"{self.name}: Napier's rule needs choked flow: pressure must be >= 175000 Pa; "
                             f"got {pressure!r} Pa")
        return self.failed_open * float(f)

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["steam_in"]
        out = stream(water_of(s.material), s.p, s.h, s.mass_flow)
        res = TrapResult(loss_flow=self.loss_flow(s.p), steam_flow=s.mass_flow, energy_lost=s.energy_flow,
                         mass_residual=s.mass_flow - out.mass_flow,
                         energy_residual=s.energy_flow - out.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_lost_out": out}), res)


@dataclass(frozen=True)
class PipeLossResult:
    """Pipe heat loss (SI): heat_loss [W], outlet_temperature [K], outlet_quality [-], residuals."""

    heat_loss: float
    outlet_temperature: float
    outlet_quality: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class PipeHeatLoss:
    """Steam main losing ``heat_loss`` [W] (and ``pressure_drop`` [Pa]) to its surroundings.

    :math:`h_{out} = h_{in} - \\dot Q/\\dot m` at :math:`p_{in} - \\Delta p`; the loss is an energy
    source of :math:`-\\dot Q`. Insulating the pipe is a smaller ``heat_loss``. Ports
    ``steam_in`` -> ``steam_out`` (the former name ``steam`` is the inlet, or the outlet where an
    outlet is meant).
    """

    name: str
    heat_loss: float
    pressure_drop: float = 0.0

    def __post_init__(self):
        check_range(f"{self.name}: heat_loss", self.heat_loss, 0.0, None, "W")
        check_range(f"{self.name}: pressure_drop", self.pressure_drop, 0.0, None, "Pa")

    inlets = ("steam_in",)
    outlets = ("steam_out",)
    port_aliases: ClassVar[dict] = {"steam": "steam_in"}
    outlet_aliases: ClassVar[dict] = {"steam": "steam_out"}

    @classmethod
    def example(cls):
        """200 m main losing 25 kW, 0.2 bar drop, 2 kg/s of 10 bar(a) steam at 200 C."""
        u = cls("main", 25.0e3, 2.0e4)
        return u, inlet_map(u, {"steam_in": Stream("Water", 473.15, 1.0e6, 2.0)})

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["steam_in"]
        if not (s.mass_flow > 0.0) and self.heat_loss > 0.0:
            raise ValueError(f"{self.name}: a pipe with no flow cannot lose {self.heat_loss!r} W in steady state")
        p2 = s.p - self.pressure_drop
        if not (p2 > 0.0):
            raise ValueError(f"{self.name}: pressure_drop {self.pressure_drop!r} Pa exceeds the inlet pressure {s.p!r} Pa")
        h2 = s.h - (self.heat_loss / s.mass_flow if s.mass_flow > 0.0 else 0.0)
        out = stream(water_of(s.material), p2, h2, s.mass_flow)
        res = PipeLossResult(heat_loss=self.heat_loss, outlet_temperature=out.T, outlet_quality=out.x,
                             mass_residual=s.mass_flow - out.mass_flow,
                             energy_residual=s.energy_flow - self.heat_loss - out.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_out": out}), res, {"heat_loss": -self.heat_loss})


@dataclass(frozen=True)
class VentResult:
    """Vented steam (SI): vented_flow [kg/s], energy_vented [W] (enthalpy flow), residuals."""

    vented_flow: float
    energy_vented: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class SteamVent:
    """Surplus low-pressure steam vented to atmosphere (a sink that reports what it wastes).

    Ports ``steam_in`` -> ``steam_vented_out`` (former names ``steam``, ``vented``)."""

    name: str

    inlets = ("steam_in",)
    outlets = ("steam_vented_out",)
    port_aliases: ClassVar[dict] = {"steam": "steam_in", "vented": "steam_vented_out"}

    @classmethod
    def example(cls):
        u = cls("lp_vent")
        return u, inlet_map(u, {"steam_in": Stream("Water", 423.15, 3.0e5, 0.5)})

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["steam_in"]
        out = stream(water_of(s.material), s.p, s.h, s.mass_flow)
        return UnitSolution(outlet_map(self, {"steam_vented_out": out}), VentResult(s.mass_flow, s.energy_flow,
                                                        s.mass_flow - out.mass_flow,
                                                        s.energy_flow - out.energy_flow))


@dataclass(frozen=True)
class BoilerResult:
    """Boiler given by its efficiency (SI): steam_flow, feedwater_flow, blowdown_flow,
    steam_shortfall [kg/s] (set-point not met for want of feedwater);
    blowdown_fraction [-] (of feedwater); steam_temperature [K]; heat_absorbed [W];
    fuel_input [W] (on ``basis``); losses [W]; efficiency [-]; basis; residuals."""

    steam_flow: float
    feedwater_flow: float
    blowdown_flow: float
    steam_shortfall: float
    blowdown_fraction: float
    steam_temperature: float
    heat_absorbed: float
    fuel_input: float
    losses: float
    efficiency: float
    basis: str
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class EfficiencyBoiler:
    """Steam boiler described by a fuel-to-steam efficiency (no combustion model).

    Parameters
    ----------
    name : unit name
    pressure : steam pressure [Pa abs]; temperature : steam temperature [K] (None: dry saturated)
    efficiency : heat absorbed / fuel input on ``basis`` [-] in (0, 1]
    basis : "lhv" or "hhv" (the fuel energy basis of ``efficiency``)
    steam_flow : steam delivered [kg/s] (set by the site model's load control)
    capacity : maximum continuous rating [kg/s] or None (unlimited)

    Ports: ``feedwater_in`` -> ``steam_out``, ``blowdown_out`` (saturated liquid at the drum
    pressure); former names ``feedwater``, ``steam``, ``blowdown`` accepted.
    The blowdown takes the feedwater not delivered as steam; with less feedwater than the
    set-point all of it leaves as steam and the result reports the shortfall (while a site's
    load control is still settling, a header below then takes less letdown); the fuel enters
    as an energy source :math:`Q/\\eta` and the losses :math:`(1-\\eta)Q/\\eta` leave as one.
    Used by the site model where a boiler is described by its efficiency and fuel
    (``units.boiler`` models the combustion side).
    """

    name: str
    pressure: float
    efficiency: float
    steam_flow: float
    temperature: float | None = None
    basis: str = "lhv"
    capacity: float | None = None
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        object.__setattr__(self, "efficiency", float(check_range(f"{self.name}: efficiency", self.efficiency,
                                                                 0.0, 1.0, "", low_inclusive=False)))
        object.__setattr__(self, "steam_flow", check_flow(f"{self.name}: steam_flow", self.steam_flow))
        if self.basis not in ("lhv", "hhv"):
            raise ValueError(f"{self.name}: basis must be 'lhv' or 'hhv'; got {self.basis!r}")
        if self.temperature is not None:
            object.__setattr__(self, "temperature", check_superheated(f"{self.name}: temperature", self.temperature,
                                                                      self.pressure, w))
        if self.capacity is not None:
            cap = check_flow(f"{self.name}: capacity", self.capacity)
            object.__setattr__(self, "capacity", cap)
            if self.steam_flow > cap * (1.0 + 1e-12):
                raise ValueError(f"{self.name}: steam demand {self.steam_flow!r} kg/s exceeds the boiler capacity "
                                 f"{cap!r} kg/s")

    inlets = ("feedwater_in",)
    outlets = ("steam_out", "blowdown_out")
    port_aliases: ClassVar[dict] = {"feedwater": "feedwater_in", "steam": "steam_out", "blowdown": "blowdown_out"}

    @classmethod
    def example(cls):
        """20 kg/s of 40 bar(a) 400 C steam, 82 % (LHV), 3 % blowdown, feedwater at 105 C."""
        b = cls("boiler", 4.0e6, 0.82, 20.0, temperature=673.15)
        return b, inlet_map(b, {"feedwater_in": Stream("Water", 378.15, 4.5e6, 20.0 / 0.97)})

    def steam_state(self):
        if self.temperature is None:
            return self.fluid.state(p=self.pressure, x=1.0)
        return self.fluid.state(p=self.pressure, T=self.temperature)

    def solve(self, inlets) -> UnitSolution:
        fw = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["feedwater_in"]
        w = self.fluid
        if fw.p < self.pressure * (1.0 - 1e-9):
            raise ValueError(f"{self.name}: feedwater at {fw.p!r} Pa is below the drum pressure {self.pressure!r} Pa "
                             "(pump it to boiler pressure first)")
        m_steam = min(self.steam_flow, fw.mass_flow)
        bd = fw.mass_flow - m_steam
        st = self.steam_state()
        h_bd = w.saturation(p=self.pressure)[0].h
        steam = stream(w, self.pressure, st.h, m_steam)
        blow = stream(w, self.pressure, h_bd, bd)
        q = steam.energy_flow + blow.energy_flow - fw.energy_flow
        fuel = q / self.efficiency
        loss = fuel - q
        res = BoilerResult(steam_flow=m_steam, feedwater_flow=fw.mass_flow, blowdown_flow=bd,
                           steam_shortfall=self.steam_flow - m_steam,
                           blowdown_fraction=bd / fw.mass_flow if fw.mass_flow > 0.0 else 0.0,
                           steam_temperature=steam.T, heat_absorbed=q, fuel_input=fuel, losses=loss,
                           efficiency=self.efficiency, basis=self.basis,
                           mass_residual=fw.mass_flow - m_steam - bd,
                           energy_residual=fw.energy_flow + fuel - loss - steam.energy_flow - blow.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_out": steam, "blowdown_out": blow}), res,
                            {"fuel": fuel, "losses": -loss})


@dataclass(frozen=True)
class WasteHeatResult:
    """Waste-heat steam generator given by its steam output (SI): steam_flow [kg/s],
    steam_temperature [K], heat_recovered [W] (waste heat taken up), residuals."""

    steam_flow: float
    steam_temperature: float
    heat_recovered: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class WasteHeatSteam:
    """Steam raised from feedwater by waste heat, described by its output (no gas side).

    Parameters: name; pressure [Pa abs]; temperature [K] or None (dry saturated); fluid.
    All the feedwater it receives leaves as steam; the heat taken from the waste-heat source,
    :math:`\\dot m (h_s - h_{fw})`, enters as the energy source ``waste_heat``. The gas-side
    model is ``units.heat_exchanger``'s WasteHeatSteamGenerator; this unit carries a steam
    figure from such a model (or a measurement) into a site balance.
    """

    name: str
    pressure: float
    temperature: float | None = None
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        if self.temperature is not None:
            object.__setattr__(self, "temperature", check_superheated(f"{self.name}: temperature", self.temperature,
                                                                      self.pressure, w))

    inlets = ("feedwater_in",)
    outlets = ("steam_out",)
    port_aliases: ClassVar[dict] = {"feedwater": "feedwater_in", "steam": "steam_out"}

    @classmethod
    def example(cls):
        """1 kg/s of dry saturated 10 bar(a) steam from 105 C feedwater."""
        u = cls("whsg", 1.0e6)
        return u, inlet_map(u, {"feedwater_in": Stream("Water", 378.15, 1.2e6, 1.0)})

    def solve(self, inlets) -> UnitSolution:
        fw = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["feedwater_in"]
        w = self.fluid
        st = (w.state(p=self.pressure, x=1.0) if self.temperature is None
              else w.state(p=self.pressure, T=self.temperature))
        out = stream(w, self.pressure, st.h, fw.mass_flow)
        q = out.energy_flow - fw.energy_flow
        if q < 0.0:
            raise ValueError(f"{self.name}: feedwater enthalpy {fw.h!r} J/kg is above the steam enthalpy {st.h!r} J/kg")
        res = WasteHeatResult(fw.mass_flow, out.T, q, fw.mass_flow - out.mass_flow,
                              fw.energy_flow + q - out.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_out": out}), res, {"waste_heat": q})
