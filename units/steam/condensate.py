"""Condensate return and make-up water (with an optional blowdown heat exchanger)."""
from __future__ import annotations

from dataclasses import dataclass

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.units_api import inlet_map
from procsim.validation import as_float, check_fraction
from units.steam._common import (check_pressure, check_water_inlets, conform_port, internal_inlets, port_outlets,
                                 state_ph, stream, water_of)

__all__ = ["CondensateReturn", "CondensateResult", "MakeupWater", "MakeupResult"]


@dataclass(frozen=True)
class CondensateResult:
    """Condensate return result (SI): collected_flow, returned_flow, lost_flow [kg/s];
    returned_temperature [K]; heat_loss [W] (heat given off on the way back, >= 0);
    mass_residual [kg/s]; energy_residual [W]."""

    collected_flow: float
    returned_flow: float
    lost_flow: float
    returned_temperature: float
    heat_loss: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class CondensateReturn:
    """Collects condensate, returns ``recovery_fraction`` of it, loses the rest to drain.

    Parameters
    ----------
    name : unit name
    recovery_fraction : share of the collected condensate returned [-] in [0, 1]
    pressure : pressure at which the returned condensate is delivered [Pa abs]
    return_temperature : temperature of the returned condensate [K] (None: no cooling, the
        collected mix is delivered at ``pressure``); must not exceed the collected condensate's
        temperature nor the saturation temperature at ``pressure``
    sources : names of the inlet ports (default one, ``condensate``)
    fluid : water model (default IAPWS-IF97)

    Notes
    -----
    The lost part leaves at the collected state (to drain); the heat given off by the
    returned part in the return system is an energy source of minus that amount.
    """

    name: str
    recovery_fraction: float
    pressure: float
    return_temperature: float | None = None
    sources: tuple = ("condensate",)
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "recovery_fraction",
                           float(check_fraction(f"{self.name}: recovery_fraction", self.recovery_fraction)))
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        if self.return_temperature is not None:
            t = as_float(f"{self.name}: return_temperature", self.return_temperature, "K")
            t_sat = w.saturation(p=self.pressure)[0].T
            if not (273.15 < t <= t_sat):
                raise ValueError(f"{self.name}: return_temperature must be in (273.15, {t_sat:.6g}] K (liquid at "
                                 f"{self.pressure!r} Pa); got {t!r} K")
            object.__setattr__(self, "return_temperature", t)
        object.__setattr__(self, "sources", tuple(self.sources))

    @property
    def inlets(self):
        return tuple(self._in_names.values())

    outlets = ("condensate_returned_out", "condensate_lost_out")
    outlet_aliases = {"returned": "condensate_returned_out", "lost": "condensate_lost_out"}

    @property
    def _in_names(self) -> dict:
        """Source name -> port name (``condensate`` -> ``condensate_in``, ``c1`` -> ``condensate_c1_in``)."""
        return {n: conform_port("condensate", n, "in") for n in self.sources}

    @property
    def port_aliases(self) -> dict:
        return {k: v for k, v in self._in_names.items() if k != v}

    @classmethod
    def example(cls):
        """Condensate of a 10 bar(a) user, 80 % returned at 90 C to a 1.5 bar(a) deaerator."""
        u = cls("condensate_return", 0.8, 1.5e5, 363.15)
        return u, inlet_map(u, {"condensate_in": Stream("Water", None, 1.0e6, 3.0, x=0.0)})

    def solve(self, inlets) -> UnitSolution:
        ins = internal_inlets(self, check_water_inlets(self.name, internal_inlets(self, inlets, {}), self.inlets),
                              self._in_names)
        m = sum(s.mass_flow for s in ins.values())
        e = sum(s.energy_flow for s in ins.values())
        first = next(iter(ins.values()))
        if not (m > 0.0):
            ret = stream(self.fluid, self.pressure, first.h, 0.0)
            lost = stream(self.fluid, first.p, first.h, 0.0)
            res = CondensateResult(0.0, 0.0, 0.0, ret.T, 0.0, 0.0, 0.0)
            return UnitSolution(port_outlets(self, {"returned": ret, "lost": lost}, self.outlet_aliases), res,
                                {"heat_loss": 0.0})
        h = e / m
        p_min = min(s.p for s in ins.values() if s.mass_flow > 0.0)
        collected = state_ph(self.fluid, p_min, h)
        mr = self.recovery_fraction * m
        ml = m - mr
        if self.return_temperature is None:
            h_ret = h
        else:
            if self.return_temperature > collected.T * (1.0 + 1e-12):
                raise ValueError(f"{self.name}: return_temperature {self.return_temperature!r} K is above the "
                                 f"collected condensate temperature {collected.T:.6g} K")
            h_ret = self.fluid.state(p=self.pressure, T=self.return_temperature).h
        ret = stream(self.fluid, self.pressure, h_ret, mr)
        lost = stream(self.fluid, p_min, h, ml)
        q = mr * (h - h_ret)
        res = CondensateResult(collected_flow=m, returned_flow=mr, lost_flow=ml,
                               returned_temperature=ret.T, heat_loss=q, mass_residual=m - mr - ml,
                               energy_residual=e - q - ret.energy_flow - lost.energy_flow)
        return UnitSolution(port_outlets(self, {"returned": ret, "lost": lost}, self.outlet_aliases), res,
                            {"heat_loss": -q})


@dataclass(frozen=True)
class MakeupResult:
    """Make-up water result (SI): makeup_flow [kg/s]; makeup_temperature [K]; recovered_heat [W]
    (from blowdown, 0 without the exchanger); drain_flow [kg/s]; drain_temperature [K];
    mass_residual [kg/s]; energy_residual [W]."""

    makeup_flow: float
    makeup_temperature: float
    recovered_heat: float
    drain_flow: float
    drain_temperature: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class MakeupWater:
    """Treated make-up water delivered at ``pressure``, optionally preheated by blowdown.

    Parameters
    ----------
    name : unit name
    pressure : delivery pressure [Pa abs]
    blowdown_effectiveness : effectiveness of a blowdown-to-make-up heat exchanger [-] in
        [0, 1], or None for no exchanger (ports ``raw`` -> ``makeup``). With an exchanger the
        unit has the inlet ``blowdown`` and the outlet ``drain``. DOE Steam Tip Sheet #10
        "Recover Heat from Boiler Blowdown": such exchangers recover about 90 % of the
        blowdown heat.
    fluid : water model (default IAPWS-IF97)
    blowdown_approach : instead of an effectiveness, the exchanger's minimum temperature
        approach [K] > 0 (the "approach temperature" of DOE's MEASUR steam modeler): the
        blowdown leaves at most ``approach`` above the raw make-up, the make-up at most
        ``approach`` below the blowdown (counterflow; both liquids, so the ends are the pinch)

    Notes
    -----
    Heat recovered :math:`Q = \\varepsilon\\,Q_{max}`,
    :math:`Q_{max} = \\min[\\dot m_b (h_b - h_b(T_{raw})),\\ \\dot m_r (h_r(T_b) - h_r)]` with real
    enthalpies on both sides (the effectiveness definition of Incropera et al., *Fundamentals
    of Heat and Mass Transfer*, 6th ed., 2007, sec. 11.4, written with enthalpies).
    """

    name: str
    pressure: float
    blowdown_effectiveness: float | None = None
    fluid: object = None
    blowdown_approach: float | None = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        if self.blowdown_effectiveness is not None:
            object.__setattr__(self, "blowdown_effectiveness", float(check_fraction(
                f"{self.name}: blowdown_effectiveness", self.blowdown_effectiveness)))
        if self.blowdown_approach is not None:
            if self.blowdown_effectiveness is not None:
                raise ValueError(f"{self.name}: give blowdown_effectiveness or blowdown_approach, not both")
            a = as_float(f"{self.name}: blowdown_approach", self.blowdown_approach, "K")
            if not (0.0 < a < 200.0):
                raise ValueError(f"{self.name}: blowdown_approach must be in (0, 200) K; got {a!r} K")
            object.__setattr__(self, "blowdown_approach", a)

    @property
    def has_exchanger(self) -> bool:
        return self.blowdown_effectiveness is not None or self.blowdown_approach is not None

    @property
    def inlets(self):
        return ("water_in", "blowdown_in") if self.has_exchanger else ("water_in",)

    @property
    def outlets(self):
        return ("water_out", "blowdown_out") if self.has_exchanger else ("water_out",)

    #: former port names -> current ones (``raw``, ``blowdown`` in; ``makeup``, ``drain`` out)
    port_aliases = {"raw": "water_in", "blowdown": "blowdown_in"}
    outlet_aliases = {"makeup": "water_out", "drain": "blowdown_out"}

    @classmethod
    def example(cls):
        """4 kg/s make-up at 25 C preheated by 0.3 kg/s of flashed blowdown at 2 bar(a)."""
        u = cls("makeup", 1.5e5, 0.9)
        return u, inlet_map(u, {"water_in": Stream("Water", 298.15, 3.0e5, 4.0),
                                "blowdown_in": Stream("Water", None, 2.0e5, 0.3, x=0.0)})

    def solve(self, inlets) -> UnitSolution:
        ins = internal_inlets(self, check_water_inlets(self.name, internal_inlets(self, inlets, {}), self.inlets),
                              {"raw": "water_in", "blowdown": "blowdown_in"})
        raw = ins["raw"]
        w = self.fluid
        q = 0.0
        outs = {}
        if self.blowdown_approach is not None:
            bd = ins["blowdown"]
            a = self.blowdown_approach
            if bd.T > raw.T + a and bd.mass_flow > 0.0 and raw.mass_flow > 0.0:
                q_hot = bd.mass_flow * (bd.h - w.state(p=bd.p, T=raw.T + a).h)
                q_cold = raw.mass_flow * (w.state(p=raw.p, T=min(bd.T - a, w.saturation(p=raw.p)[0].T - 0.01)).h
                                          - raw.h)
                q = max(min(q_hot, q_cold), 0.0)
            h_drain = bd.h - q / bd.mass_flow if bd.mass_flow > 0.0 else bd.h
            outs["drain"] = stream(w, bd.p, h_drain, bd.mass_flow)
        elif self.blowdown_effectiveness is not None:
            bd = ins["blowdown"]
            if bd.T > raw.T and bd.mass_flow > 0.0 and raw.mass_flow > 0.0:
                q_hot = bd.mass_flow * (bd.h - w.state(p=bd.p, T=raw.T).h)
                # the make-up side cannot boil: it is heated at most to 10 mK below saturation
                q_cold = raw.mass_flow * (w.state(p=raw.p, T=min(bd.T, w.saturation(p=raw.p)[0].T - 0.01)).h
                                          - raw.h)
                q = self.blowdown_effectiveness * max(min(q_hot, q_cold), 0.0)
            h_drain = bd.h - q / bd.mass_flow if bd.mass_flow > 0.0 else bd.h
            outs["drain"] = stream(w, bd.p, h_drain, bd.mass_flow)
        h_mu = raw.h + (q / raw.mass_flow if raw.mass_flow > 0.0 else 0.0)
        mu = stream(w, self.pressure, h_mu, raw.mass_flow)
        outs = {"makeup": mu, **outs}
        e_in = sum(s.energy_flow for s in ins.values())
        e_out = sum(s.energy_flow for s in outs.values())
        drain = outs.get("drain")
        res = MakeupResult(makeup_flow=raw.mass_flow, makeup_temperature=mu.T, recovered_heat=q,
                           drain_flow=0.0 if drain is None else drain.mass_flow,
                           drain_temperature=float("nan") if drain is None else drain.T,
                           mass_residual=sum(s.mass_flow for s in ins.values()) - sum(
                               s.mass_flow for s in outs.values()),
                           energy_residual=e_in - e_out)
        return UnitSolution(port_outlets(self, outs, {"makeup": "water_out", "drain": "blowdown_out"}), res)
