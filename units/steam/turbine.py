"""Steam turbines: back-pressure and condensing (one section), extraction (two sections)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from procsim.flowsheet import UnitSolution
from procsim.stream import EnergyStream, Stream
from procsim.units_api import canonical_inlets, inlet_map, outlet_map
from procsim.validation import as_float, check_range
from units.steam._common import check_flow, check_pressure, check_water_inlets, state_ph, stream, water_of
from units.steam.kernels import (turbine_flow_for_power, turbine_isentropic_efficiency,
                                 turbine_outlet_enthalpy)

__all__ = ["SteamTurbine", "ExtractionTurbine", "TurbineResult", "ExtractionTurbineResult",
           "expansion"]

#: Exhaust pressures below one standard atmosphere (101 325 Pa) are a condensing turbine's.
ATMOSPHERE = 101325.0


def _check_inlet(unit: str, water, s: Stream, min_superheat: float, allow_wet: bool) -> float:
    """Superheat of the inlet [K]; raises for wet steam or too little superheat."""
    liq, vap = water.saturation(p=s.p) if s.p < water.critical_pressure else (None, None)
    if liq is None:
        return math.inf
    superheat = s.T - liq.T
    if s.h < vap.h * (1.0 - 1e-12):
        if allow_wet:
            return superheat
        raise ValueError(
            f"{unit}: turbine inlet steam is wet (quality {s.x:.6g} at p={s.p!r} Pa, T={s.T:.6g} K); "
            f"this turbine requires dry steam superheated by at least {min_superheat!r} K "
            "(pass allow_wet_inlet=True for a saturated-steam turbine rated for wet inlet)")
    if superheat < min_superheat:
        raise ValueError(f"{unit}: turbine inlet must be superheated by at least {min_superheat!r} K; got "
                         f"{superheat:.6g} K at p={s.p!r} Pa (T={s.T:.6g} K, T_sat={liq.T:.6g} K)")
    return superheat


def expansion(water, p_in: float, h_in: float, s_in: float, p_out: float, efficiency: float) -> tuple[float, float]:
    """(h_out, h_out_isentropic) [J/kg] of an expansion with isentropic efficiency ``efficiency``."""
    h_s = water.state(p=p_out, s=s_in).h
    h = turbine_outlet_enthalpy(h_in, h_s, efficiency)
    if math.isnan(h):
        raise ValueError(f"expansion from {p_in!r} Pa to {p_out!r} Pa with efficiency {efficiency!r} "
                         "is not possible")
    return float(h), float(h_s)


@dataclass(frozen=True)
class TurbineResult:
    """Steam turbine-generator result (SI).

    kind : "back-pressure" or "condensing"; mass_flow [kg/s]; inlet/outlet pressure [Pa];
    inlet_superheat [K]; outlet_enthalpy, isentropic_outlet_enthalpy [J/kg];
    outlet_temperature [K]; outlet_quality [-] (equilibrium; >1 superheated);
    isentropic_efficiency, generator_efficiency [-]; shaft_power, power, generator_loss [W];
    steam_rate [kg/J] (inlet flow per unit electric power, NaN at zero power);
    power_target [W] and flow_for_power [kg/s] (NaN unless run by power);
    mass_residual [kg/s]; energy_residual [W].
    """

    kind: str
    mass_flow: float
    inlet_pressure: float
    outlet_pressure: float
    inlet_superheat: float
    outlet_enthalpy: float
    isentropic_outlet_enthalpy: float
    outlet_temperature: float
    outlet_quality: float
    isentropic_efficiency: float
    generator_efficiency: float
    shaft_power: float
    power: float
    generator_loss: float
    steam_rate: float
    power_target: float
    flow_for_power: float
    mass_residual: float
    energy_residual: float

    @property
    def carriers(self) -> dict:
        """Electricity generated per second as a signed carrier {"electricity_kwh": -kWh/s}
        (generation is negative, :mod:`procsim.plant`)."""
        return {"electricity_kwh": -self.power / 3.6e6}


@dataclass(frozen=True)
class SteamTurbine:
    """Single-section steam turbine driving a generator (back-pressure or condensing).

    Parameters
    ----------
    name : unit name
    outlet_pressure : exhaust pressure [Pa abs] (below 1 atm: condensing)
    generator_efficiency : electric power / shaft power [-], in (0, 1]
    isentropic_efficiency : [-] in (0, 1]; give this *or* ``measured_outlet_temperature``
    measured_outlet_temperature : exhaust temperature measured on a superheated exhaust [K];
        the isentropic efficiency is then computed from it
    power : electric power target [W] (run by power). A flowsheet unit cannot choose its
        inlet flow, so the result reports ``flow_for_power`` and a controller (the site model)
        sets the inlet flow; without it the turbine is run by the steam flow it is given.
    min_inlet_superheat : required inlet superheat [K] >= 0 (0: dry saturated steam accepted)
    allow_wet_inlet : accept wet inlet steam (saturated-steam turbines); default False
    fluid : water model (default IAPWS-IF97)

    Notes
    -----
    :math:`h_2 = h_1 - \\eta_s (h_1 - h_{2s})`, :math:`h_{2s} = h(p_2, s_1)`;
    :math:`P = \\eta_g \\dot m (h_1 - h_2)` (Cengel & Boles 2015, ch. 7). The generator loss
    :math:`(1-\\eta_g)\\dot m (h_1-h_2)` leaves as heat (energy source of minus that amount).
    """

    name: str
    outlet_pressure: float
    generator_efficiency: float
    isentropic_efficiency: float | None = None
    measured_outlet_temperature: float | None = None
    power: float | None = None
    min_inlet_superheat: float = 0.0
    allow_wet_inlet: bool = False
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "outlet_pressure",
                           check_pressure(f"{self.name}: outlet_pressure", self.outlet_pressure, w))
        object.__setattr__(self, "generator_efficiency", float(check_range(
            f"{self.name}: generator_efficiency", self.generator_efficiency, 0.0, 1.0, "",
            low_inclusive=False)))
        if (self.isentropic_efficiency is None) == (self.measured_outlet_temperature is None):
            raise ValueError(f"{self.name}: give exactly one of isentropic_efficiency or "
                             "measured_outlet_temperature")
        if self.isentropic_efficiency is not None:
            object.__setattr__(self, "isentropic_efficiency", float(check_range(
                f"{self.name}: isentropic_efficiency", self.isentropic_efficiency, 0.0, 1.0, "",
                low_inclusive=False)))
        else:
            object.__setattr__(self, "measured_outlet_temperature", as_float(
                f"{self.name}: measured_outlet_temperature", self.measured_outlet_temperature, "K"))
        if self.power is not None:
            p = as_float(f"{self.name}: power", self.power, "W")
            if not (p >= 0.0):
                raise ValueError(f"{self.name}: power must be >= 0 W; got {p!r} W")
            object.__setattr__(self, "power", p)
        object.__setattr__(self, "min_inlet_superheat", float(check_range(
            f"{self.name}: min_inlet_superheat", self.min_inlet_superheat, 0.0, None, "K")))

    inlets = ("steam_in",)
    outlets = ("steam_exhaust_out", "power_out")
    port_aliases: ClassVar[dict] = {"steam": "steam_in", "exhaust": "steam_exhaust_out", "power": "power_out"}

    @classmethod
    def example(cls):
        """Back-pressure turbine, 40 bar(a) 400 C to 4 bar(a), 5 kg/s, eta_s 0.70, eta_g 0.96."""
        t = cls("bp_turbine", 4.0e5, generator_efficiency=0.96, isentropic_efficiency=0.70)
        return t, inlet_map(t, {"steam_in": Stream("Water", 673.15, 4.0e6, 5.0)})

    def efficiency_for(self, inlet: Stream) -> tuple[float, float, float]:
        """(isentropic efficiency, h_out, h_out_isentropic) for this inlet state."""
        w = self.fluid
        h_s = w.state(p=self.outlet_pressure, s=inlet.s).h
        if self.isentropic_efficiency is not None:
            eta = self.isentropic_efficiency
            return eta, float(turbine_outlet_enthalpy(inlet.h, h_s, eta)), h_s
        st = w.state(p=self.outlet_pressure, T=self.measured_outlet_temperature)
        eta = turbine_isentropic_efficiency(inlet.h, st.h, h_s)
        if math.isnan(eta):
            raise ValueError(
                f"{self.name}: measured_outlet_temperature {self.measured_outlet_temperature!r} K at "
                f"{self.outlet_pressure!r} Pa gives exhaust enthalpy {st.h:.6g} J/kg, outside "
                f"[{h_s:.6g} (isentropic), {inlet.h:.6g} (inlet)) J/kg: not a possible expansion")
        return float(eta), st.h, h_s

    def flow_for_power(self, inlet: Stream, power: float | None = None) -> float:
        """Inlet steam flow [kg/s] that gives electric ``power`` [W] (default: the target)."""
        target = self.power if power is None else as_float("power", power, "W")
        if target is None:
            raise ValueError(f"{self.name}: no power target given")
        _, h_out, _ = self.efficiency_for(inlet)
        return float(turbine_flow_for_power(target, inlet.h, h_out, self.generator_efficiency))

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["steam_in"]
        w = self.fluid
        if not (self.outlet_pressure < s.p):
            raise ValueError(f"{self.name}: outlet_pressure {self.outlet_pressure!r} Pa must be below "
                             f"the inlet pressure {s.p!r} Pa")
        superheat = _check_inlet(self.name, w, s, self.min_inlet_superheat, self.allow_wet_inlet)
        eta, h_out, h_s = self.efficiency_for(s)
        out = stream(w, self.outlet_pressure, h_out, s.mass_flow)
        shaft = s.mass_flow * (s.h - h_out)
        power = self.generator_efficiency * shaft
        loss = shaft - power
        target = math.nan if self.power is None else self.power
        ffp = math.nan if self.power is None else float(
            turbine_flow_for_power(self.power, s.h, h_out, self.generator_efficiency))
        kind = "condensing" if self.outlet_pressure < ATMOSPHERE else "back-pressure"
        res = TurbineResult(
            kind=kind, mass_flow=s.mass_flow, inlet_pressure=s.p, outlet_pressure=self.outlet_pressure,
            inlet_superheat=superheat, outlet_enthalpy=h_out, isentropic_outlet_enthalpy=h_s,
            outlet_temperature=out.T, outlet_quality=out.x, isentropic_efficiency=eta,
            generator_efficiency=self.generator_efficiency, shaft_power=shaft, power=power,
            generator_loss=loss, steam_rate=(s.mass_flow / power) if power > 0.0 else math.nan,
            power_target=target, flow_for_power=ffp, mass_residual=s.mass_flow - out.mass_flow,
            energy_residual=s.energy_flow - out.energy_flow - power - loss)
        return UnitSolution(outlet_map(self, {"steam_exhaust_out": out, "power_out": EnergyStream("power", power)}),
                            res, {"generator_loss": -loss})


@dataclass(frozen=True)
class ExtractionTurbineResult:
    """Extraction turbine result (SI): flows [kg/s], enthalpies [J/kg], powers [W], residuals."""

    mass_flow: float
    extraction_flow: float
    exhaust_flow: float
    extraction_enthalpy: float
    exhaust_enthalpy: float
    extraction_temperature: float
    exhaust_temperature: float
    exhaust_quality: float
    shaft_power: float
    power: float
    generator_loss: float
    mass_residual: float
    energy_residual: float

    @property
    def carriers(self) -> dict:
        """Electricity generated per second as a signed carrier {"electricity_kwh": -kWh/s}
        (generation is negative, :mod:`procsim.plant`)."""
        return {"electricity_kwh": -self.power / 3.6e6}


@dataclass(frozen=True)
class ExtractionTurbine:
    """Two-section turbine: ``extraction_flow`` leaves at ``extraction_pressure``, the rest
    expands on to ``outlet_pressure`` (back-pressure or condensing).

    Parameters
    ----------
    name, extraction_pressure [Pa abs], outlet_pressure [Pa abs] (below the extraction),
    extraction_flow [kg/s] >= 0 (fixed; at most the inlet flow),
    isentropic_efficiency : (high-pressure section, low-pressure section) [-], each in (0, 1]
    generator_efficiency [-] in (0, 1]; min_inlet_superheat [K]; fluid (default IF97)

    Notes
    -----
    Each section is an expansion with its own isentropic efficiency, the second starting
    from the actual extraction state (the usual section-by-section model, DOE Steam
    Sourcebook 2012, "steam turbines"); :math:`P = \\eta_g[\\dot m (h_1-h_2) + (\\dot m-\\dot m_x)(h_2-h_3)]`.
    """

    name: str
    extraction_pressure: float
    outlet_pressure: float
    extraction_flow: float
    isentropic_efficiency: tuple
    generator_efficiency: float
    min_inlet_superheat: float = 0.0
    fluid: object = None

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        px = check_pressure(f"{self.name}: extraction_pressure", self.extraction_pressure, w)
        po = check_pressure(f"{self.name}: outlet_pressure", self.outlet_pressure, w)
        if not (po < px):
            raise ValueError(f"{self.name}: outlet_pressure {po!r} Pa must be below the extraction "
                             f"pressure {px!r} Pa")
        object.__setattr__(self, "extraction_pressure", px)
        object.__setattr__(self, "outlet_pressure", po)
        object.__setattr__(self, "extraction_flow", check_flow(f"{self.name}: extraction_flow",
                                                               self.extraction_flow))
        effs = tuple(self.isentropic_efficiency)
        if len(effs) != 2:
            raise ValueError(f"{self.name}: isentropic_efficiency must be a pair (HP section, LP section); "
                             f"got {self.isentropic_efficiency!r}")
        object.__setattr__(self, "isentropic_efficiency", tuple(float(check_range(
            f"{self.name}: isentropic_efficiency", e, 0.0, 1.0, "", low_inclusive=False)) for e in effs))
        object.__setattr__(self, "generator_efficiency", float(check_range(
            f"{self.name}: generator_efficiency", self.generator_efficiency, 0.0, 1.0, "",
            low_inclusive=False)))
        object.__setattr__(self, "min_inlet_superheat", float(check_range(
            f"{self.name}: min_inlet_superheat", self.min_inlet_superheat, 0.0, None, "K")))

    inlets = ("steam_in",)
    outlets = ("steam_extraction_out", "steam_exhaust_out", "power_out")
    port_aliases: ClassVar[dict] = {"steam": "steam_in", "extraction": "steam_extraction_out",
                                    "exhaust": "steam_exhaust_out", "power": "power_out"}

    @classmethod
    def example(cls):
        """60 bar(a) 450 C, 10 kg/s; 4 kg/s extracted at 10 bar(a); exhaust to 0.1 bar(a)."""
        t = cls("extraction_turbine", 1.0e6, 1.0e4, 4.0, (0.78, 0.75), 0.97)
        return t, inlet_map(t, {"steam_in": Stream("Water", 723.15, 6.0e6, 10.0)})

    def solve(self, inlets) -> UnitSolution:
        s = check_water_inlets(self.name, canonical_inlets(self, inlets), self.inlets)["steam_in"]
        w = self.fluid
        if not (self.extraction_pressure < s.p):
            raise ValueError(f"{self.name}: extraction_pressure {self.extraction_pressure!r} Pa must be "
                             f"below the inlet pressure {s.p!r} Pa")
        _check_inlet(self.name, w, s, self.min_inlet_superheat, False)
        if self.extraction_flow > s.mass_flow:
            raise ValueError(f"{self.name}: extraction_flow {self.extraction_flow!r} kg/s exceeds the inlet "
                             f"flow {s.mass_flow!r} kg/s")
        h2, _ = expansion(w, s.p, s.h, s.s, self.extraction_pressure, self.isentropic_efficiency[0])
        st2 = state_ph(w, self.extraction_pressure, h2)
        h3, _ = expansion(w, st2.p, h2, st2.s, self.outlet_pressure, self.isentropic_efficiency[1])
        mx = self.extraction_flow
        me = s.mass_flow - mx
        ext = stream(w, self.extraction_pressure, h2, mx)
        exh = stream(w, self.outlet_pressure, h3, me)
        shaft = s.mass_flow * (s.h - h2) + me * (h2 - h3)
        power = self.generator_efficiency * shaft
        loss = shaft - power
        res = ExtractionTurbineResult(
            mass_flow=s.mass_flow, extraction_flow=mx, exhaust_flow=me, extraction_enthalpy=h2,
            exhaust_enthalpy=h3, extraction_temperature=ext.T, exhaust_temperature=exh.T,
            exhaust_quality=exh.x, shaft_power=shaft, power=power, generator_loss=loss,
            mass_residual=s.mass_flow - mx - me,
            energy_residual=s.energy_flow - ext.energy_flow - exh.energy_flow - power - loss)
        return UnitSolution(outlet_map(self, {"steam_extraction_out": ext, "steam_exhaust_out": exh,
                                              "power_out": EnergyStream("power", power)}), res, {"generator_loss": -loss})
