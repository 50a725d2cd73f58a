"""Waste-heat recovery around the EAF: duct post-combustion, scrap preheating, waste-heat
boiler, slag heat recovery (fluidised bed to hot air) and tapped-steel heat to steam.

Each class is a flowsheet unit (``name``, ``inlets``, ``outlets``, ``solve``, ``example``)
working on rates averaged over the tap-to-tap time [W, kg/s]; heat taken from a condensed
source that has no port (scrap, slag, steel) appears in ``sources`` so that every unit's
balance  sum(in) + sources - sum(out) = 0  closes. Results are frozen dataclasses in SI with
``per_heat`` figures [J] where the EAF balance needs them.

Electricity saved by preheating equals the heat put into the charge: in the EAF balance
(:mod:`units.eaf.furnace`) electricity is the balancing term, so every joule of sensible heat
the charge brings in is a joule less drawn from the arc at the same losses
(tests/test_eaf_balance.py checks this on the full balance).

The EAF's off-gas is batch-wise (it swings with the melting phase); averaging over the
tap-to-tap time is what annual energy accounting needs, while a real boiler or ORC also
needs a steam accumulator or thermal-oil buffer to ride the swings (Lecompte et al.,
"Potential of organic Rankine cycles for EAF off-gas", Energies 10 (2017) 649,
doi:10.3390/en10050649).
"""
from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import ClassVar, Mapping

import numpy as np

from procsim.accounting.factors import fuel_factor
from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.thermo.fluids import Fluid
from procsim.thermo.material import as_material, require_material
from procsim.thermo.gas import AIR_DRY, MOLAR_MASS, SPECIES, GasMixture
from procsim.validation import as_float, check_fraction, check_positive, check_range
from procsim.units_api import canonical_inlets, convert_fields, outlet_map

from units.heat_exchanger.counterflow import PINCH_CHECK_TOL, pinch_limited_flow
from units.heat_exchanger.zones import zone_profile
from units.eaf.condensed import (COMPONENT_MOLAR_MASS, COMPONENT_SEGMENTS, COMPONENTS, SEGMENTS,
                                 T_from_h_condensed, component_index, h_condensed_mixture)
from units.eaf.furnace import J_PER_KWH, PHASE_MODES_BY_STATE, HeatBalance, Material, material
from units.eaf.kernels import T_REF

__all__ = [
    "OffGasPostCombustion", "PostCombustionResult", "ScrapPreheater", "ScrapPreheatResult",
    "WasteHeatBoiler", "WasteHeatBoilerResult", "SlagHeatRecovery", "SlagHeatResult",
    "TappedSteelHeatRecovery", "TappedSteelHeatResult", "J_PER_KWH",
]


def _inlet(unit: str, inlets: Mapping, port: str, gas: bool) -> Stream:
    """The Stream on ``port``: a gas mixture when ``gas``, else water (a pure fluid)."""
    if port not in inlets:
        raise ValueError(f"{unit}: missing inlet {port!r}; got {', '.join(inlets) or 'none'}")
    return require_material(unit, port, inlets[port], kind="gas" if gas else "fluid")


def _moles_per_s(s: Stream) -> np.ndarray:
    return s.mass_flow / s.material.molar_mass * np.asarray(s.material.x)


# ----------------------------------------------------------------------------- post-combustion
@lru_cache(maxsize=1)
def _cantera_species():
    """Cantera species objects of exactly procsim's gas species (nasa_gas.yaml), read once."""
    import cantera as ct

    raw = json.loads(resources.files("procsim.data").joinpath("nasa7_species.json").read_text())
    names = [raw["species"][s]["cantera_name"] for s in SPECIES]
    found = {s.name: s for s in ct.Species.list_from_file("nasa_gas.yaml")}
    return tuple(found[n] for n in names), tuple(names)


def _cantera_gas():
    """A fresh Cantera ideal gas of procsim's species: a new object per solve, so that the
    equilibrium solver never starts from a previous call's state (solves are repeatable)."""
    import cantera as ct

    species, names = _cantera_species()
    return ct.Solution(thermo="ideal-gas", species=list(species)), names


@dataclass(frozen=True)
class PostCombustionResult:
    """Duct post-combustion (SI, rates over tap to tap)."""

    outlet_temperature: float       # adiabatic equilibrium temperature [K]
    co_burnt_fraction: float        # [-]
    h2_burnt_fraction: float        # [-]
    heat_released: float            # chemical heat turned into sensible heat, at 298.15 K [W]
    oxygen_ratio: float             # O2 supplied / O2 needed to burn CO and H2 [-]
    outlet_mole_fractions: Mapping[str, float]
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class OffGasPostCombustion:
    """Combustion of the off-gas's CO and H2 with gap air in the duct (adiabatic).

    The outlet is Cantera's chemical equilibrium at constant enthalpy and pressure
    (``equilibrate('HP')``) over procsim's gas species, with the same NASA-7 data as
    :class:`procsim.thermo.gas.GasMixture`, so the outlet stream's enthalpy equals the inlets'.

    Reference: D. G. Goodwin et al., Cantera 3.x (element-potential equilibrium solver).
    """

    name: str = "post_combustion"
    inlets = ("off_gas_in", "air_in")
    outlets = ("gas_out",)
    port_aliases: ClassVar[dict] = {"off_gas": "off_gas_in", "air": "air_in", "flue_gas": "gas_out"}

    @classmethod
    def example(cls):
        """Off-gas at 1600 C (CO 24 %, CO2 35 %) with 1.2 times the air its CO and H2 need."""
        og = GasMixture({"N2": 0.31, "AR": 0.006, "CO2": 0.35, "H2O": 0.08, "CO": 0.24, "H2": 0.014})
        u = cls()
        return u, outlet_map(u, {"off_gas_in": Stream(og, 1873.15, 101325.0, 5.0),
                                 "air_in": Stream(GasMixture(AIR_DRY), 298.15, 101325.0, 5.5)})

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        g = _inlet(self.name, inlets, "off_gas_in", gas=True)
        a = _inlet(self.name, inlets, "air_in", gas=True)
        n_in = _moles_per_s(g) + _moles_per_s(a)
        m = g.mass_flow + a.mass_flow
        if not m > 0.0:
            raise ValueError(f"{self.name}: total inlet mass_flow must be > 0 kg/s; got {m!r} kg/s")
        h_in = g.energy_flow + a.energy_flow
        gas, names = _cantera_gas()
        x_in = n_in / n_in.sum()
        gas.HPX = h_in / m, g.p, dict(zip(names, x_in))
        gas.equilibrate("HP")
        x_out = np.array([gas[n].X[0] for n in names])
        mix = GasMixture({SPECIES[i]: float(x_out[i]) for i in np.flatnonzero(x_out > 0.0)})
        # outlet T from procsim's own h(T) of the equilibrium composition: equal to Cantera's T
        # within its solver tolerance, and the stream's enthalpy then equals the inlets' exactly
        out = Stream.from_ph(mix, g.p, h_in / m, m)
        n_out = m / mix.molar_mass * np.asarray(mix.x)
        idx = {s: i for i, s in enumerate(SPECIES)}
        h0 = np.array([GasMixture({s: 1.0}).h(T_REF) * MOLAR_MASS[i] for i, s in enumerate(SPECIES)])
        need = 0.5 * (n_in[idx["CO"]] + n_in[idx["H2"]])
        res = PostCombustionResult(
            outlet_temperature=out.T,
            co_burnt_fraction=_burnt(n_in[idx["CO"]], n_out[idx["CO"]]),
            h2_burnt_fraction=_burnt(n_in[idx["H2"]], n_out[idx["H2"]]),
            heat_released=float(n_in @ h0 - n_out @ h0),
            oxygen_ratio=float(n_in[idx["O2"]] / need) if need > 0.0 else math.inf,
            outlet_mole_fractions=mix.mole_fractions,
            mass_residual=m - out.mass_flow, energy_residual=h_in - out.energy_flow)
        return UnitSolution(outlet_map(self, {"gas_out": out}), res)


def _burnt(n_in: float, n_out: float) -> float:
    return float(1.0 - n_out / n_in) if n_in > 0.0 else 0.0


# ----------------------------------------------------------------------------- scrap preheating
@dataclass(frozen=True)
class ScrapPreheatResult:
    """Scrap preheating per heat [J] and as rates [W]."""

    heat_to_scrap: float            # per heat [J]
    heat_rate: float                # [W]
    scrap_mass: float               # per heat [kg]
    scrap_inlet_temperature: float
    scrap_outlet_temperature: float
    gas_inlet_temperature: float
    gas_outlet_temperature: float
    share_of_gas_heat: float        # heat to scrap / gas sensible heat above 298.15 K [-]
    electricity_saved: float        # per heat [J] (= heat_to_scrap, see module notes)
    mass_residual: float
    energy_residual: float

    def co2_avoided(self, grid_factor: float) -> float:
        """CO2 avoided per heat [kg] at ``grid_factor`` [kg CO2e/kWh]."""
        return self.electricity_saved / J_PER_KWH * float(grid_factor)


@dataclass(frozen=True)
class ScrapPreheater:
    """Scrap preheating by a hot gas (shaft, conveyor tunnel or basket).

    Give either ``heat_share`` (share of the gas's heat above the scrap inlet temperature
    that goes into the scrap; shaft and tunnel preheaters) or ``scrap_outlet_temperature``.

    Parameters
    ----------
    scrap_mass : scrap preheated per heat [kg] > 0
    scrap : material name or :class:`Material` (its temperature is the inlet temperature)
    tap_to_tap_time : [s] > 0, converts the per-heat scrap into a rate
    scrap_ports : False (default): the scrap is a parameter and its heat leaves as the source
        ``heat_to_scrap``; True: the scrap travels on ports ``scrap_in`` / ``scrap_out`` as
        condensed-phase streams (:func:`units.eaf.unit.charge_stream`), so preheated scrap can
        be charged into an :class:`~units.eaf.unit.EAFUnit` in the same flowsheet (a recycle
        through the furnace's off-gas); ``scrap_mass`` and ``scrap`` then come from the stream.
    """

    scrap_mass: float
    scrap: object = "scrap_hms"
    heat_share: float | None = None
    scrap_outlet_temperature: float | None = None
    tap_to_tap_time: float = 3000.0
    name: str = "scrap_preheater"
    scrap_ports: bool = False
    port_aliases: ClassVar[dict] = {"off_gas": "off_gas_in"}

    @property
    def inlets(self):
        return ("off_gas_in", "scrap_in") if self.scrap_ports else ("off_gas_in",)

    @property
    def outlets(self):
        return ("off_gas_out", "scrap_out") if self.scrap_ports else ("off_gas_out",)

    def __post_init__(self):
        convert_fields(self, scrap_mass="mass", heat_share="fraction",
                       scrap_outlet_temperature="temperature", tap_to_tap_time="time")
        check_positive(f"{self.name}: scrap_mass", self.scrap_mass, "kg")
        object.__setattr__(self, "scrap", material(self.scrap))
        check_positive(f"{self.name}: tap_to_tap_time", self.tap_to_tap_time, "s")
        if (self.heat_share is None) == (self.scrap_outlet_temperature is None):
            raise ValueError(f"{self.name}: give exactly one of heat_share or scrap_outlet_temperature")
        if self.heat_share is not None:
            check_fraction(f"{self.name}: heat_share", self.heat_share)
        else:
            check_positive(f"{self.name}: scrap_outlet_temperature", self.scrap_outlet_temperature, "K")

    @classmethod
    def example(cls):
        """Shaft preheater: 100 t scrap per 50 min heat, 45 % of the gas heat into the scrap."""
        og = GasMixture({"N2": 0.55, "CO2": 0.30, "H2O": 0.08, "O2": 0.07})
        u = cls(100e3, heat_share=0.45)
        return u, outlet_map(u, {"off_gas_in": Stream(og, 1473.15, 101325.0, 12.0)})

    def _scrap_moles(self, scrap=None, mass=None) -> np.ndarray:
        scrap = self.scrap if scrap is None else scrap
        return scrap.moles_per_kg * (self.scrap_mass if mass is None else mass)

    def scrap_enthalpy(self, T: float, scrap=None, mass=None) -> float:
        """Absolute enthalpy of the scrap charge [J] at T [K] (default: this unit's scrap)."""
        scrap = self.scrap if scrap is None else scrap
        return float(h_condensed_mixture(T, self._scrap_moles(scrap, mass), PHASE_MODES_BY_STATE[scrap.state],
                                         COMPONENT_SEGMENTS, SEGMENTS))

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        g = _inlet(self.name, inlets, "off_gas_in", gas=True)
        if self.scrap_ports:
            s_in = inlets.get("scrap_in")
            scrap = getattr(getattr(s_in, "material", None), "source_material", None)
            if not isinstance(scrap, Material):
                raise ValueError(f"{self.name}: scrap_in must be a charge stream (units.eaf.unit.charge_stream); "
                                 f"got {s_in!r}")
            scrap = scrap.with_temperature(s_in.T)
            mass = s_in.mass_flow * self.tap_to_tap_time
        else:
            scrap, mass, s_in = self.scrap, float(self.scrap_mass), None
        return self._solve(g, scrap, mass, s_in)

    def _solve(self, g, scrap, mass, s_in) -> UnitSolution:
        t_in = scrap.temperature
        if not g.T > t_in:
            raise ValueError(f"{self.name}: off-gas temperature {g.T!r} K must exceed the scrap temperature "
                             f"{t_in!r} K for preheating")
        m_heat = g.mass_flow * self.tap_to_tap_time
        if not m_heat > 0.0:
            raise ValueError(f"{self.name}: off-gas mass_flow must be > 0 kg/s; got {g.mass_flow!r} kg/s")
        mix = g.material
        q_avail = m_heat * (g.h - mix.h(t_in))
        h_s_in = self.scrap_enthalpy(t_in, scrap, mass)
        if self.heat_share is not None:
            q = self.heat_share * q_avail
            mode = PHASE_MODES_BY_STATE[scrap.state]
            t_out = float(T_from_h_condensed(h_s_in + q, self._scrap_moles(scrap, mass), mode, COMPONENT_SEGMENTS,
                                             SEGMENTS, t_in, g.T))
            if math.isnan(t_out):
                raise ValueError(f"{self.name}: heat_share {self.heat_share!r} would heat the scrap above the "
                                 f"off-gas inlet temperature {g.T!r} K")
        else:
            t_out = float(self.scrap_outlet_temperature)
            if not (t_in <= t_out < g.T):
                raise ValueError(f"{self.name}: scrap_outlet_temperature must be in [{t_in!r}, {g.T!r}) K "
                                 f"(scrap inlet to off-gas inlet); got {t_out!r} K")
            q = self.scrap_enthalpy(t_out, scrap, mass) - h_s_in
            if not q <= q_avail:
                raise ValueError(f"{self.name}: heating the scrap to {t_out!r} K needs {q:.6g} J per heat, "
                                 f"more than the {q_avail:.6g} J the off-gas gives down to {t_in!r} K")
        out = Stream.from_ph(mix, g.p, g.h - q / m_heat, g.mass_flow)
        rate = q / self.tap_to_tap_time
        res = ScrapPreheatResult(
            heat_to_scrap=q, heat_rate=rate, scrap_mass=float(mass), scrap_inlet_temperature=t_in,
            scrap_outlet_temperature=t_out, gas_inlet_temperature=g.T, gas_outlet_temperature=out.T,
            share_of_gas_heat=q / (m_heat * (g.h - mix.h(T_REF))), electricity_saved=q,
            mass_residual=g.mass_flow - out.mass_flow,
            energy_residual=g.energy_flow - rate - out.energy_flow)
        if s_in is None:
            return UnitSolution(outlet_map(self, {"off_gas_out": out}), res, {"heat_to_scrap": -rate})
        s_out = s_in.with_(T=t_out)
        res = dataclasses.replace(res, mass_residual=g.mass_flow + s_in.mass_flow - out.mass_flow - s_out.mass_flow,
                                  energy_residual=g.energy_flow + s_in.energy_flow - out.energy_flow
                                  - s_out.energy_flow)
        return UnitSolution(outlet_map(self, {"off_gas_out": out, "scrap_out": s_out}), res)

    def preheated_scrap(self, result: ScrapPreheatResult) -> Material:
        """The scrap material at its outlet temperature, to charge into the EAF balance."""
        return self.scrap.with_temperature(result.scrap_outlet_temperature)


# ----------------------------------------------------------------------------- steam raising
def _steam_state(water: Fluid, p: float, T: float | None):
    return water.state(p=p, x=1.0) if T is None else water.state(p=p, T=T)


@dataclass(frozen=True)
class WasteHeatBoilerResult:
    """Waste-heat boiler (rates over tap to tap) [SI]."""

    steam_flow: float               # [kg/s]
    steam_pressure: float
    steam_temperature: float
    heat_to_steam: float            # [W]
    heat_from_gas: float            # [W]
    casing_loss: float              # [W]
    gas_inlet_temperature: float
    gas_outlet_temperature: float
    pinch_temperature_difference: float  # gas minus saturation at the evaporator inlet [K]
    min_approach: float             # smallest gas-minus-water difference over the whole profile [K]
    min_approach_gas_temperature: float  # gas temperature where it occurs [K]
    ua: float                       # conductance the duty needs, zone by zone [W/K]
    share_of_gas_heat: float        # heat from gas / gas sensible heat above 298.15 K [-]
    mass_residual: float
    energy_residual: float

    def fuel_saved(self, boiler_efficiency: float = 0.85) -> float:
        """Fuel heat [W] a fired boiler of ``boiler_efficiency`` would burn for the same steam.

        Default 0.85: gas-fired boiler with economiser, 84-86 % (facts.md 3.3, secondary).
        """
        check_range("boiler_efficiency", boiler_efficiency, 0.0, 1.0, "", low_inclusive=False)
        return self.heat_to_steam / boiler_efficiency

    def co2_avoided(self, boiler_efficiency: float = 0.85, fuel_co2: float | None = None) -> float:
        """CO2 [kg/s] of the fired-boiler fuel the steam replaces (``fuel_co2`` kg per J of fuel).

        Default ``fuel_co2``: natural gas on NCV, :func:`procsim.accounting.factors.fuel_factor`
        (IPCC 2006 Guidelines Vol. 2 ch. 2 Table 2.3, 56,100 kg/TJ).
        """
        if fuel_co2 is None:
            fuel_co2 = float(fuel_factor("natural_gas", "co2")) / 1e12  # kg/TJ -> kg/J
        return self.fuel_saved(boiler_efficiency) * fuel_co2


@dataclass(frozen=True)
class WasteHeatBoiler:
    """Waste-heat boiler (or evaporative-cooler replacement) on the EAF off-gas.

    A configured waste-heat steam generator on the shared counterflow engine
    (:mod:`units.heat_exchanger.counterflow`): economiser-evaporator(-superheater). Steam
    leaves at ``steam_pressure`` and ``steam_temperature`` (None: dry saturated); the
    feedwater flow on the inlet port sets the duty, the gas outlet temperature follows.
    :meth:`feedwater_flow_for` gives the feedwater flow for a gas outlet temperature,
    :meth:`max_feedwater_flow` the largest flow the pinch allows. The smallest gas-minus-water
    temperature difference over the *whole* zone-by-zone profile (economiser cold end,
    evaporator inlet, superheater) must be at least ``pinch``; the casing loss is taken from
    the gas along the profile in proportion to its heat.

    Ports: ``gas_in``, ``feedwater_in`` -> ``gas_out``, ``steam_out`` (former names
    ``flue_gas``, ``feedwater``, ``flue_gas_out``, ``steam`` accepted).

    Parameters
    ----------
    steam_pressure : [Pa abs];  steam_temperature : [K] or None
    pinch : minimum gas-minus-water difference anywhere in the profile [K], default 20
        (engineering value for HRSGs, 10-30 K; unverified)
    casing_loss_fraction : share of the gas heat lost through the casing [-], default 0.01
        (engineering value; unverified)
    """

    steam_pressure: float
    steam_temperature: float | None = None
    pinch: float = 20.0
    casing_loss_fraction: float = 0.01
    name: str = "waste_heat_boiler"
    fluid: object = None
    inlets = ("gas_in", "feedwater_in")
    outlets = ("gas_out", "steam_out")
    port_aliases: ClassVar[dict] = {"flue_gas": "gas_in", "feedwater": "feedwater_in", "flue_gas_out": "gas_out",
                                    "steam": "steam_out"}

    def __post_init__(self):
        convert_fields(self, steam_pressure="pressure", steam_temperature="temperature",
                       pinch="temperature_difference", casing_loss_fraction="fraction")
        object.__setattr__(self, "fluid", as_material("Water" if self.fluid is None else self.fluid))
        check_positive(f"{self.name}: steam_pressure", self.steam_pressure, "Pa")
        if self.steam_temperature is not None:
            t_sat = self.fluid.saturation(p=self.steam_pressure)[0].T
            if not self.steam_temperature >= t_sat:
                raise ValueError(f"{self.name}: steam_temperature must be >= the saturation temperature "
                                 f"{t_sat:.6g} K at {self.steam_pressure!r} Pa; got {self.steam_temperature!r} K")
        check_range(f"{self.name}: pinch", self.pinch, 0.0, None, "K")
        check_range(f"{self.name}: casing_loss_fraction", self.casing_loss_fraction, 0.0, 1.0, "",
                    high_inclusive=False)

    @classmethod
    def example(cls):
        """Post-combusted off-gas at 900 C, 13 bar(a) saturated steam, feedwater 105 C."""
        fg = GasMixture({"N2": 0.62, "AR": 0.007, "CO2": 0.24, "H2O": 0.07, "O2": 0.063})
        whb = cls(1.3e6)
        return whb, outlet_map(whb, {"gas_in": Stream(fg, 1173.15, 101325.0, 20.0),
                                     "feedwater_in": Stream("Water", 378.15, 1.5e6, 4.0)})

    def feedwater_flow_for(self, flue_gas: Stream, feedwater: Stream, gas_outlet_temperature: float) -> float:
        """Feedwater (= steam) flow [kg/s] that cools ``flue_gas`` to ``gas_outlet_temperature`` [K]."""
        t = as_float("gas_outlet_temperature", gas_outlet_temperature, "K")
        if not (feedwater.T < t < flue_gas.T):
            raise ValueError(f"{self.name}: gas_outlet_temperature must be in ({feedwater.T:.6g}, {flue_gas.T!r}) K "
                             f"(feedwater to gas inlet); got {t!r} K")
        q_gas = flue_gas.mass_flow * (flue_gas.h - flue_gas.material.h(t))
        h_steam = _steam_state(self.fluid, self.steam_pressure, self.steam_temperature).h
        return q_gas * (1.0 - self.casing_loss_fraction) / (h_steam - feedwater.h)

    def _effective_gas(self, flue_gas: Stream) -> Stream:
        """The gas as the water sees it: the casing loss taken in proportion to the heat, i.e.
        the gas flow scaled by (1 - casing_loss_fraction) [same states]."""
        return flue_gas.with_(mass_flow=flue_gas.mass_flow * (1.0 - self.casing_loss_fraction))

    def _drum_feed(self, feedwater: Stream) -> Stream:
        # through the feed valve to the drum pressure, isenthalpic
        return Stream.from_ph(self.fluid, self.steam_pressure, feedwater.h, feedwater.mass_flow)

    def max_feedwater_flow(self, flue_gas: Stream, feedwater: Stream) -> float:
        """Largest feedwater (= steam) flow [kg/s] the pinch allows over the whole profile
        (:func:`units.heat_exchanger.counterflow.pinch_limited_flow`)."""
        st = _steam_state(self.fluid, self.steam_pressure, self.steam_temperature)
        r = pinch_limited_flow(self._effective_gas(flue_gas), self._drum_feed(feedwater), st.h, self.pinch)
        return r.flow

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        g = _inlet(self.name, inlets, "gas_in", gas=True)
        fw = _inlet(self.name, inlets, "feedwater_in", gas=False)
        if not fw.p >= self.steam_pressure:
            raise ValueError(f"{self.name}: feedwater pressure {fw.p!r} Pa must be >= steam_pressure "
                             f"{self.steam_pressure!r} Pa (the feed pump is upstream)")
        st = _steam_state(self.fluid, self.steam_pressure, self.steam_temperature)
        if not fw.h < st.h:
            raise ValueError(f"{self.name}: feedwater enthalpy {fw.h:.6g} J/kg must be below the steam's "
                             f"{st.h:.6g} J/kg")
        q_w = fw.mass_flow * (st.h - fw.h)
        q_gas = q_w / (1.0 - self.casing_loss_fraction)
        if not g.mass_flow > 0.0:
            raise ValueError(f"{self.name}: flue_gas mass_flow must be > 0 kg/s; got {g.mass_flow!r} kg/s")
        h_out = g.h - q_gas / g.mass_flow
        if not h_out > g.material.h(fw.T):
            raise ValueError(f"{self.name}: feedwater flow {fw.mass_flow!r} kg/s needs {q_gas:.6g} W, more than "
                             f"the flue gas gives down to the feedwater temperature {fw.T:.6g} K")
        gas_out = Stream.from_ph(g.material, g.p, h_out, g.mass_flow)
        liq, _ = self.fluid.saturation(p=self.steam_pressure)
        q_evsh = fw.mass_flow * (st.h - liq.h) / (1.0 - self.casing_loss_fraction)
        t_pinch_gas = g.material.T_from_h(g.h - q_evsh / g.mass_flow)
        dt = t_pinch_gas - liq.T
        try:
            prof = zone_profile(self._effective_gas(g), self._drum_feed(fw), q_w)
        except ValueError as exc:
            raise ValueError(f"{self.name}: {exc} (lower the feedwater flow or the steam pressure)") from None
        if not prof.min_approach >= self.pinch - PINCH_CHECK_TOL:
            raise ValueError(f"{self.name}: pinch violated: the gas at {prof.min_approach_t_hot:.6g} K is "
                             f"{prof.min_approach:.4g} K above the water ({prof.min_approach_t_cold:.6g} K) at "
                             f"duty {prof.min_approach_duty:.6g} W from the cold end; at least {self.pinch!r} K "
                             "required anywhere (lower the feedwater flow or the steam pressure)")
        steam = Stream("Water", None, self.steam_pressure, fw.mass_flow, x=1.0) if self.steam_temperature is None \
            else Stream("Water", self.steam_temperature, self.steam_pressure, fw.mass_flow)
        loss = q_gas - q_w
        res = WasteHeatBoilerResult(
            steam_flow=fw.mass_flow, steam_pressure=self.steam_pressure, steam_temperature=steam.T,
            heat_to_steam=q_w, heat_from_gas=q_gas, casing_loss=loss, gas_inlet_temperature=g.T,
            gas_outlet_temperature=gas_out.T, pinch_temperature_difference=dt,
            min_approach=prof.min_approach, min_approach_gas_temperature=prof.min_approach_t_hot, ua=prof.ua,
            share_of_gas_heat=q_gas / (g.mass_flow * (g.h - g.material.h(T_REF))),
            mass_residual=g.mass_flow + fw.mass_flow - gas_out.mass_flow - steam.mass_flow,
            energy_residual=g.energy_flow + fw.energy_flow - loss - gas_out.energy_flow - steam.energy_flow)
        return UnitSolution(outlet_map(self, {"gas_out": gas_out, "steam_out": steam}), res, {"casing_loss": -loss})


# ----------------------------------------------------------------------------- slag heat
def _slag_moles(composition: Mapping[str, float], mass: float) -> np.ndarray:
    total = sum(float(v) for v in composition.values())
    v = np.zeros(len(COMPONENTS))
    for comp, kg in composition.items():
        i = component_index(comp)
        v[i] = float(kg) / total * mass / COMPONENT_MOLAR_MASS[i]
    return v


@dataclass(frozen=True)
class SlagHeatResult:
    """Slag heat recovery per heat [J] and as rates [W]."""

    slag_heat_released: float       # slag cooled from its temperature to the outlet [J per heat]
    recovered_heat: float           # heat into the air [J per heat]
    slag_heat: float                # slag heat above 298.15 K [J per heat]
    share_of_slag_heat: float       # recovered / slag heat [-]
    air_inlet_temperature: float
    air_outlet_temperature: float
    mass_residual: float
    energy_residual: float          # [W]


@dataclass(frozen=True)
class SlagHeatRecovery:
    """Dry slag granulation with a fluidised bed: slag heat to hot air (e.g. for scrap preheating).

    Parameters
    ----------
    slag_mass : per heat [kg];  slag_composition : {component: mass or mass fraction}
    slag_temperature : [K];  slag_outlet_temperature : granules leaving the bed [K]
    bed_efficiency : share of the heat the slag releases that reaches the air [-]
        (the rest is lost from granulator and bed); default 0.6, engineering value (unverified)
    tap_to_tap_time : [s]

    The air outlet temperature follows from the air flow on the ``air`` port and must stay
    below the slag temperature.
    """

    slag_mass: float
    slag_composition: Mapping[str, float]
    slag_temperature: float
    slag_outlet_temperature: float = 473.15
    bed_efficiency: float = 0.6
    tap_to_tap_time: float = 3000.0
    name: str = "slag_heat_recovery"
    inlets = ("air_in",)
    outlets = ("air_out",)
    port_aliases: ClassVar[dict] = {"air": "air_in", "hot_air": "air_out"}

    def __post_init__(self):
        convert_fields(self, slag_mass="mass", slag_temperature="temperature",
                       slag_outlet_temperature="temperature", bed_efficiency="fraction",
                       tap_to_tap_time="time")
        check_positive(f"{self.name}: slag_mass", self.slag_mass, "kg")
        for comp, v in self.slag_composition.items():
            component_index(comp)
            check_range(f"{self.name}: slag_composition[{comp}]", v, 0.0, None, "")
        check_positive(f"{self.name}: slag_temperature", self.slag_temperature, "K")
        if not (T_REF <= self.slag_outlet_temperature < self.slag_temperature):
            raise ValueError(f"{self.name}: slag_outlet_temperature must be in [{T_REF}, {self.slag_temperature!r}) K; "
                             f"got {self.slag_outlet_temperature!r} K")
        check_fraction(f"{self.name}: bed_efficiency", self.bed_efficiency)
        check_positive(f"{self.name}: tap_to_tap_time", self.tap_to_tap_time, "s")

    @classmethod
    def from_heat_balance(cls, hb: HeatBalance, **kw) -> "SlagHeatRecovery":
        """The slag of an EAF heat balance (mass, composition, temperature, tap-to-tap time)."""
        kw.setdefault("tap_to_tap_time", hb.tap_to_tap_time)
        return cls(hb.slag_mass, dict(hb.slag_composition), hb.slag_temperature, **kw)

    @classmethod
    def example(cls):
        """15 t slag per 50 min heat at 1630 C, cooled to 200 C, air 20 kg/s."""
        comp = {"FeO": 0.30, "CaO": 0.38, "SiO2": 0.16, "MgO": 0.08, "Al2O3": 0.05, "MnO": 0.03}
        u = cls(15e3, comp, 1903.15)
        return u, outlet_map(u, {"air_in": Stream(GasMixture(AIR_DRY), 298.15, 101325.0, 20.0)})

    def slag_enthalpy(self, T: float) -> float:
        """Absolute slag enthalpy [J] at T [K] (stable pure-oxide phases, see units.eaf.condensed)."""
        return float(h_condensed_mixture(T, _slag_moles(self.slag_composition, self.slag_mass), 0,
                                         COMPONENT_SEGMENTS, SEGMENTS))

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        a = _inlet(self.name, inlets, "air_in", gas=True)
        h_slag = self.slag_enthalpy(self.slag_temperature)
        released = h_slag - self.slag_enthalpy(self.slag_outlet_temperature)
        recovered = self.bed_efficiency * released
        m_heat = a.mass_flow * self.tap_to_tap_time
        if not m_heat > 0.0:
            raise ValueError(f"{self.name}: air mass_flow must be > 0 kg/s; got {a.mass_flow!r} kg/s")
        h_out = a.h + recovered / m_heat
        if not h_out < a.material.h(self.slag_temperature):
            raise ValueError(f"{self.name}: air flow {a.mass_flow!r} kg/s would leave above the slag temperature "
                             f"{self.slag_temperature!r} K: raise the air flow")
        out = Stream.from_ph(a.material, a.p, h_out, a.mass_flow)
        t = self.tap_to_tap_time
        slag_heat = h_slag - self.slag_enthalpy(T_REF)
        res = SlagHeatResult(
            slag_heat_released=released, recovered_heat=recovered, slag_heat=slag_heat,
            share_of_slag_heat=recovered / slag_heat,
            air_inlet_temperature=a.T, air_outlet_temperature=out.T,
            mass_residual=a.mass_flow - out.mass_flow,
            energy_residual=a.energy_flow + released / t - (released - recovered) / t - out.energy_flow)
        return UnitSolution(outlet_map(self, {"air_out": out}), res,
                            {"slag_heat": released / t, "bed_loss": -(released - recovered) / t})


# ----------------------------------------------------------------------------- tapped steel
@dataclass(frozen=True)
class TappedSteelHeatResult:
    """Heat of the tapped steel to steam, per heat [J] and as rates [W]."""

    steel_heat_released: float      # steel from tap to final temperature [J per heat]
    recovered_heat: float           # into the steam [J per heat]
    steel_heat: float               # steel heat above 298.15 K [J per heat]
    share_of_steel_heat: float      # recovered / steel heat [-]
    steam_flow: float               # [kg/s]
    steam_pressure: float
    steam_temperature: float
    mass_residual: float
    energy_residual: float          # [W]


@dataclass(frozen=True)
class TappedSteelHeatRecovery:
    """Heat given up by the tapped steel (ladle, caster and cooling bed) raised as steam.

    The steel gives up its heat from the tap temperature (liquid) to ``final_temperature``
    (solid billets/slabs leaving the cooling bed); ``capture_efficiency`` of it reaches the
    water. The feedwater flow on the ``feedwater`` port sets the steam enthalpy;
    :meth:`feedwater_flow_for` gives the flow for ``steam_temperature``.

    Parameters
    ----------
    steel_mass : per heat [kg];  tap_temperature : [K];  steel_carbon : [mass fraction]
    final_temperature : [K], default 873.15 (600 C); capture_efficiency : [-], default 0.3
        (radiant/convective capture from ladle and strand; engineering value, unverified)
    steam_pressure : [Pa abs];  steam_temperature : target [K] for :meth:`feedwater_flow_for`
    """

    steel_mass: float
    tap_temperature: float
    steam_pressure: float
    steam_temperature: float
    steel_carbon: float = 0.0008
    final_temperature: float = 873.15
    capture_efficiency: float = 0.3
    tap_to_tap_time: float = 3000.0
    name: str = "tapped_steel_heat_recovery"
    inlets = ("feedwater_in",)
    outlets = ("steam_out",)
    port_aliases: ClassVar[dict] = {"feedwater": "feedwater_in", "steam": "steam_out"}

    def __post_init__(self):
        convert_fields(self, steel_mass="mass", tap_temperature="temperature", steam_pressure="pressure",
                       steam_temperature="temperature", steel_carbon="fraction",
                       final_temperature="temperature", capture_efficiency="fraction",
                       tap_to_tap_time="time")
        check_positive(f"{self.name}: steel_mass", self.steel_mass, "kg")
        check_range(f"{self.name}: steel_carbon", self.steel_carbon, 0.0, 0.02, "")
        check_range(f"{self.name}: tap_temperature", self.tap_temperature, T_REF, None, "K",
                    low_inclusive=False)
        check_positive(f"{self.name}: steam_temperature", self.steam_temperature, "K")
        if not (T_REF <= self.final_temperature < self.tap_temperature):
            raise ValueError(f"{self.name}: final_temperature must be in [{T_REF}, {self.tap_temperature!r}) K; "
                             f"got {self.final_temperature!r} K")
        check_fraction(f"{self.name}: capture_efficiency", self.capture_efficiency)
        check_positive(f"{self.name}: steam_pressure", self.steam_pressure, "Pa")
        check_positive(f"{self.name}: tap_to_tap_time", self.tap_to_tap_time, "s")

    @classmethod
    def from_heat_balance(cls, hb: HeatBalance, steam_pressure: float, steam_temperature: float, **kw):
        kw.setdefault("tap_to_tap_time", hb.tap_to_tap_time)
        kw.setdefault("steel_carbon", hb.steel_composition.get("C", 0.0) / hb.steel_mass)
        return cls(hb.steel_mass, hb.tap_temperature, steam_pressure, steam_temperature, **kw)

    @classmethod
    def example(cls):
        """120 t steel per 50 min heat tapped at 1630 C, 30 % of its heat to 20 bar(a) steam."""
        u = cls(120e3, 1903.15, 2.0e6, 623.15)
        fw = Stream("Water", 378.15, 2.2e6, 1.0)
        return u, outlet_map(u, {"feedwater_in": fw.with_(mass_flow=u.feedwater_flow_for(fw))})

    def _steel(self) -> np.ndarray:
        v = np.zeros(len(COMPONENTS))
        i_c, i_fe = component_index("C"), component_index("Fe")
        v[i_c] = self.steel_mass * self.steel_carbon / COMPONENT_MOLAR_MASS[i_c]
        v[i_fe] = self.steel_mass * (1 - self.steel_carbon) / COMPONENT_MOLAR_MASS[i_fe]
        return v

    def heats(self) -> tuple[float, float]:
        """(heat released from tap to final temperature, steel heat above 298.15 K) [J per heat]."""
        v = self._steel()
        h_tap = h_condensed_mixture(self.tap_temperature, v, 1, COMPONENT_SEGMENTS, SEGMENTS)
        h_fin = h_condensed_mixture(self.final_temperature, v, 0, COMPONENT_SEGMENTS, SEGMENTS)
        h_ref = h_condensed_mixture(T_REF, v, 0, COMPONENT_SEGMENTS, SEGMENTS)
        return float(h_tap - h_fin), float(h_tap - h_ref)

    def feedwater_flow_for(self, feedwater: Stream) -> float:
        """Feedwater flow [kg/s] that leaves as steam at steam_pressure and steam_temperature."""
        released, _ = self.heats()
        h_steam = Fluid("Water").state(p=self.steam_pressure, T=self.steam_temperature).h
        return self.capture_efficiency * released / self.tap_to_tap_time / (h_steam - feedwater.h)

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        fw = _inlet(self.name, inlets, "feedwater_in", gas=False)
        if not fw.mass_flow > 0.0:
            raise ValueError(f"{self.name}: feedwater mass_flow must be > 0 kg/s; got {fw.mass_flow!r} kg/s")
        if not fw.p >= self.steam_pressure:
            raise ValueError(f"{self.name}: feedwater pressure {fw.p!r} Pa must be >= steam_pressure "
                             f"{self.steam_pressure!r} Pa")
        released, steel_heat = self.heats()
        rec = self.capture_efficiency * released
        q = rec / self.tap_to_tap_time
        steam = Stream.from_ph("Water", self.steam_pressure, fw.h + q / fw.mass_flow, fw.mass_flow)
        if not steam.T < self.final_temperature:
            raise ValueError(f"{self.name}: steam at {steam.T:.6g} K would be hotter than the steel's final "
                             f"temperature {self.final_temperature!r} K: raise the feedwater flow")
        res = TappedSteelHeatResult(
            steel_heat_released=released, recovered_heat=rec, steel_heat=steel_heat,
            share_of_steel_heat=rec / steel_heat, steam_flow=fw.mass_flow, steam_pressure=self.steam_pressure,
            steam_temperature=steam.T, mass_residual=fw.mass_flow - steam.mass_flow,
            energy_residual=fw.energy_flow + q - steam.energy_flow)
        return UnitSolution(outlet_map(self, {"steam_out": steam}), res, {"steel_heat": q})
