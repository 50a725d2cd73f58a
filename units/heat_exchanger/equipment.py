r"""Waste-heat recovery exchangers as flowsheet units.

* :class:`Economizer`: boiler feedwater heated by flue gas (sensible only; dew-point limit).
* :class:`AirPreheater`: combustion air heated by flue gas.
* :class:`HotWaterRecovery`: any hot liquid (or gas) heating process or make-up water.
* :class:`WasteHeatSteamGenerator`: economizer + evaporator (+ superheater) raising steam
  for an existing header, sized by its pinch and approach temperatures.

Each unit takes exactly one specification (a conductance ``ua`` to rate, or an outlet
temperature to design), solves counterflow exchangers zone by zone on real properties
(:mod:`units.heat_exchanger.zones`), and returns a frozen result with duty, outlet and
approach temperatures and its energy balance. Pressure drops are inputs [Pa].

Dew-point rule: a flue gas may not leave below its dew point (acid dew point when the gas
holds sulfur oxides, else the water dew point) unless the unit is declared
``condensing=True`` (a corrosion-resistant surface); below the *water* dew point the
sensible-heat model is invalid and :class:`~units.heat_exchanger.condensing.CondensingEconomizer`
must be used.

References
----------
* US DOE, *Use Feedwater Economizers for Waste Heat Recovery*, Steam Tip Sheet #3,
  DOE/GO-102006-2275, 2006 (economizer practice: stack gas 250 F minimum for natural gas
  without condensing).
* V. Ganapathy, *Industrial Boilers and Heat Recovery Steam Generators*, Marcel Dekker,
  2003, ch. 8 (the pinch and approach points of a steam generator and why they fix its
  steam output). The defaults pinch = 10 K and approach = 5 K are common design choices
  (engineering judgement, not checked against a handbook table: unverified); set them
  from the supplier's design.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.thermo.material import require_material
from procsim.validation import check_choice, check_int, check_nonnegative, check_positive
from procsim.units_api import convert_fields, outlet_map

from units.heat_exchanger._common import (ExchangerResult, check_dew_point, dew_points, inlet_stream, one_spec,
                                          solve_two_stream)
from units.heat_exchanger._kernels import ARRANGEMENTS
from units.heat_exchanger.counterflow import pinch_limited_flow
from units.heat_exchanger.zones import DEFAULT_SEGMENTS, zone_profile

__all__ = ["Economizer", "AirPreheater", "HotWaterRecovery", "WasteHeatSteamGenerator",
           "ExchangerResult", "SteamGeneratorResult", "NATURAL_GAS_FLUE_GAS"]

#: Wet flue gas of natural gas (CH4-rich) burnt with about 15 % excess air, by mole; a
#: representative composition for examples (stoichiometry of CH4 + 2.3 O2 in air:
#: CO2 1, H2O 2, O2 0.3, N2 8.65 per mol CH4). Cases compute their own from the fuel.
NATURAL_GAS_FLUE_GAS = {"N2": 0.7169, "O2": 0.0249, "AR": 0.0086, "CO2": 0.0829, "H2O": 0.1667}


def _with_dew(res: ExchangerResult, limits) -> ExchangerResult:
    return replace(res, dew_point=limits[0], dew_point_margin=res.hot_outlet_temperature - limits[0])


def _gas_side_spec(unit, cold_key: str) -> tuple[str, float]:
    """The one specification of a flue-gas unit, keyed as :func:`solve_two_stream` expects."""
    k, v = one_spec(unit.name, ua=unit.ua, gas_outlet_temperature=unit.gas_outlet_temperature,
                    **{cold_key: getattr(unit, cold_key)})
    return {"gas_outlet_temperature": "hot_outlet_temperature", cold_key: "cold_outlet_temperature"}.get(k, k), v


#: most zone-analysis segments accepted (the profile error is ~1e-6 at 80; more only costs time)
MAX_SEGMENTS = 10_000


def _check_segments(obj):
    object.__setattr__(obj, "segments", check_int("segments", obj.segments, 1, MAX_SEGMENTS))


def _check_common(obj):
    _check_segments(obj)
    check_nonnegative("pressure_drop_hot", obj.pressure_drop_hot, "Pa")
    check_nonnegative("pressure_drop_cold", obj.pressure_drop_cold, "Pa")
    check_nonnegative("min_approach", obj.min_approach, "K")
    check_choice("arrangement", obj.arrangement, ARRANGEMENTS)


@dataclass(frozen=True)
class Economizer:
    """Boiler feedwater economizer on a flue-gas duct (non-condensing unless declared).

    Parameters
    ----------
    name : unit name
    ua : conductance [W/K] (rating), or
    gas_outlet_temperature : [K] (design), or water_outlet_temperature : [K] (design)
    pressure_drop_hot : gas-side pressure drop [Pa]; pressure_drop_cold : water side [Pa]
    acid_dew_point : [K], optional (else from the gas composition, see :func:`_common.dew_points`)
    so3_conversion : fraction of SO2 present as SO3, for a sulfur-bearing gas
    condensing : True allows the gas below its acid dew point (still above the water dew point)
    min_approach : smallest temperature difference allowed anywhere [K]
    arrangement : flow arrangement (default counterflow, solved zone by zone)

    Ports: inlets ``gas_in``, ``water_in``; outlets ``gas_out``, ``water_out``.
    The water must leave subcooled (a steaming economizer is an error).

    Examples
    --------
    >>> eco, inlets = Economizer.example()          # stack 200 C -> 130 C, feedwater 105 C
    >>> r = eco.solve(inlets).result
    >>> round(r.duty / 1e3), round(r.cold_outlet_temperature - 273.15, 1), r.energy_residual_relative < 1e-12
    (786, 135.9, True)
    """

    name: str
    ua: float | None = None
    gas_outlet_temperature: float | None = None
    water_outlet_temperature: float | None = None
    pressure_drop_hot: float = 0.0
    pressure_drop_cold: float = 0.0
    acid_dew_point: float | None = None
    so3_conversion: float | None = None
    condensing: bool = False
    min_approach: float = 0.0
    arrangement: str = "counterflow"
    segments: int = DEFAULT_SEGMENTS

    inlets = ("gas_in", "water_in")
    outlets = ("gas_out", "water_out")

    def __post_init__(self):
        convert_fields(self, ua="W/K", gas_outlet_temperature="temperature",
                       water_outlet_temperature="temperature", pressure_drop_hot="pressure_difference",
                       pressure_drop_cold="pressure_difference", acid_dew_point="temperature",
                       so3_conversion="fraction", min_approach="temperature_difference")
        _gas_side_spec(self, "water_outlet_temperature")
        _check_common(self)

    @classmethod
    def example(cls):
        """Natural-gas boiler stack at 200 C, 10 kg/s; feedwater 105 C, 6 kg/s at 12 bar(a)."""
        gas = Stream(NATURAL_GAS_FLUE_GAS, 473.15, 101325.0 + 1500.0, 10.0)
        water = Stream("Water", 378.15, 1.2e6, 6.0)
        return cls("economizer", gas_outlet_temperature=403.15, pressure_drop_hot=500.0,
                   pressure_drop_cold=2.0e4), {"gas_in": gas, "water_in": water}

    def solve(self, inlets) -> UnitSolution:
        gas = inlet_stream(inlets, "gas_in", self.name)
        water = inlet_stream(inlets, "water_in", self.name)
        limits = dew_points(gas, self.acid_dew_point, self.so3_conversion)
        spec = _gas_side_spec(self, "water_outlet_temperature")
        gas_out, water_out, res = solve_two_stream(self.name, gas, water, spec, self.arrangement,
                                                   self.pressure_drop_hot, self.pressure_drop_cold,
                                                   self.min_approach, self.segments)
        check_dew_point(self.name, gas_out.T, limits, self.condensing)
        if water_out.x is not None and water_out.x == water_out.x and water_out.x >= 0.0:
            raise ValueError(f"{self.name}: water leaves at {water_out.T:.6g} K with quality {water_out.x:.4g} "
                             f"at {water_out.p:.6g} Pa: a steaming economizer; lower the duty or raise the "
                             "water pressure")
        return UnitSolution({"gas_out": gas_out, "water_out": water_out}, _with_dew(res, limits))


@dataclass(frozen=True)
class AirPreheater:
    """Combustion-air preheater (recuperative) on a flue-gas duct.

    Parameters as :class:`Economizer`, with ``air_outlet_temperature`` instead of
    ``water_outlet_temperature``. Ports: ``gas_in``, ``air_in`` -> ``gas_out``, ``air_out``.
    The cold-end average temperature (gas outlet + air inlet) / 2, the usual cold-end
    corrosion criterion for air heaters, is reported as ``cold_end_average_temperature``.
    """

    name: str
    ua: float | None = None
    gas_outlet_temperature: float | None = None
    air_outlet_temperature: float | None = None
    pressure_drop_hot: float = 0.0
    pressure_drop_cold: float = 0.0
    acid_dew_point: float | None = None
    so3_conversion: float | None = None
    condensing: bool = False
    min_approach: float = 0.0
    arrangement: str = "counterflow"
    segments: int = DEFAULT_SEGMENTS

    inlets = ("gas_in", "air_in")
    outlets = ("gas_out", "air_out")

    def __post_init__(self):
        convert_fields(self, ua="W/K", gas_outlet_temperature="temperature",
                       air_outlet_temperature="temperature", pressure_drop_hot="pressure_difference",
                       pressure_drop_cold="pressure_difference", acid_dew_point="temperature",
                       so3_conversion="fraction", min_approach="temperature_difference")
        _gas_side_spec(self, "air_outlet_temperature")
        _check_common(self)

    @classmethod
    def example(cls):
        """Furnace flue gas 360 C, 8 kg/s heating 7.5 kg/s of 30 C air; crossflow, UA 12 kW/K."""
        from procsim.thermo.gas import AIR_DRY

        gas = Stream(NATURAL_GAS_FLUE_GAS, 633.15, 101325.0 + 1000.0, 8.0)
        air = Stream(dict(AIR_DRY), 303.15, 101325.0 + 3000.0, 7.5)
        return cls("air_preheater", ua=12000.0, arrangement="crossflow_both_unmixed",
                   pressure_drop_hot=400.0, pressure_drop_cold=800.0), {"gas_in": gas, "air_in": air}

    def solve(self, inlets) -> UnitSolution:
        gas = inlet_stream(inlets, "gas_in", self.name)
        air = inlet_stream(inlets, "air_in", self.name)
        limits = dew_points(gas, self.acid_dew_point, self.so3_conversion)
        spec = _gas_side_spec(self, "air_outlet_temperature")
        gas_out, air_out, res = solve_two_stream(self.name, gas, air, spec, self.arrangement,
                                                 self.pressure_drop_hot, self.pressure_drop_cold,
                                                 self.min_approach, self.segments)
        check_dew_point(self.name, gas_out.T, limits, self.condensing)
        res = replace(_with_dew(res, limits), cold_end_average_temperature=0.5 * (gas_out.T + air.T))
        return UnitSolution({"gas_out": gas_out, "air_out": air_out}, res)


@dataclass(frozen=True)
class HotWaterRecovery:
    """Heat recovered from a hot liquid (e.g. dyeing or cooling effluent) into cold water.

    Parameters: ``ua`` [W/K], or ``hot_outlet_temperature`` / ``cold_outlet_temperature`` [K];
    pressure drops [Pa]; ``min_approach`` [K]; ``arrangement``.
    Ports: ``hot_in``, ``cold_in`` -> ``hot_out``, ``cold_out``.
    """

    name: str
    ua: float | None = None
    hot_outlet_temperature: float | None = None
    cold_outlet_temperature: float | None = None
    pressure_drop_hot: float = 0.0
    pressure_drop_cold: float = 0.0
    min_approach: float = 0.0
    arrangement: str = "counterflow"
    segments: int = 20
    shell_passes: int | None = None

    inlets = ("hot_in", "cold_in")
    outlets = ("hot_out", "cold_out")

    def __post_init__(self):
        convert_fields(self, ua="W/K", hot_outlet_temperature="temperature",
                       cold_outlet_temperature="temperature", pressure_drop_hot="pressure_difference",
                       pressure_drop_cold="pressure_difference", min_approach="temperature_difference")
        one_spec(self.name, ua=self.ua, hot_outlet_temperature=self.hot_outlet_temperature,
                 cold_outlet_temperature=self.cold_outlet_temperature)
        _check_common(self)

    @classmethod
    def example(cls):
        """Dyeing effluent 90 C, 5 kg/s, heating 25 C make-up water, 4.5 kg/s; plate exchanger UA 40 kW/K."""
        hot = Stream("Water", 363.15, 2.0e5, 5.0)
        cold = Stream("Water", 298.15, 3.0e5, 4.5)
        return cls("hot_water_recovery", ua=40000.0, pressure_drop_hot=3.0e4,
                   pressure_drop_cold=3.0e4), {"hot_in": hot, "cold_in": cold}

    def solve(self, inlets) -> UnitSolution:
        hot = inlet_stream(inlets, "hot_in", self.name)
        cold = inlet_stream(inlets, "cold_in", self.name)
        spec = one_spec(self.name, ua=self.ua, hot_outlet_temperature=self.hot_outlet_temperature,
                        cold_outlet_temperature=self.cold_outlet_temperature)
        hot_out, cold_out, res = solve_two_stream(self.name, hot, cold, spec, self.arrangement,
                                                  self.pressure_drop_hot, self.pressure_drop_cold,
                                                  self.min_approach, self.segments, self.shell_passes)
        return UnitSolution({"hot_out": hot_out, "cold_out": cold_out}, res)


@dataclass(frozen=True)
class SteamGeneratorResult:
    """Result of :class:`WasteHeatSteamGenerator` (SI).

    steam_flow [kg/s]; feedwater_bypass_flow : feedwater not evaporated [kg/s];
    limited_by : "pinch" (the design pinch at the evaporator inlet, or at another profile
    point of the water side, sets the steam flow), "profile" (the zone-by-zone check found a
    tighter point inside the exchanger and the flow was reduced to hold the pinch there) or
    "feedwater" (all the feedwater is evaporated and the pinch is wider than designed);
    duty, economizer_duty, evaporator_duty, superheater_duty [W];
    saturation_temperature, steam_temperature [K];
    gas_inlet_temperature, gas_after_superheater, gas_after_evaporator (the pinch point),
    gas_outlet_temperature [K];
    pinch : gas after the evaporator - saturation temperature [K];
    approach : saturation temperature - water leaving the economizer [K];
    min_approach : smallest temperature difference anywhere (zone analysis) [K];
    ua, ua_economizer, ua_evaporator, ua_superheater [W/K];
    dew_point, dew_point_margin [K]; energy_residual : gas heat released - water/steam heat
    gained [W] (in - out over the ports); energy_residual_relative : its size / duty [-];
    mass_residual : in - out [kg/s]
    """

    steam_flow: float
    feedwater_bypass_flow: float
    limited_by: str
    duty: float
    economizer_duty: float
    evaporator_duty: float
    superheater_duty: float
    saturation_temperature: float
    steam_temperature: float
    gas_inlet_temperature: float
    gas_after_superheater: float
    gas_after_evaporator: float
    gas_outlet_temperature: float
    pinch: float
    approach: float
    min_approach: float
    ua: float
    ua_economizer: float
    ua_evaporator: float
    ua_superheater: float
    dew_point: float
    dew_point_margin: float
    energy_residual: float
    energy_residual_relative: float = math.nan
    mass_residual: float = math.nan


@dataclass(frozen=True)
class WasteHeatSteamGenerator:
    r"""Waste-heat steam generator (economizer, evaporator, optional superheater) for an existing header.

    Parameters
    ----------
    name : unit name
    steam_pressure : drum/outlet pressure [Pa abs]: the header pressure plus the line loss
    pinch : gas temperature leaving the evaporator minus saturation temperature [K], > 0
        (default 10 K, unverified design choice, see module references)
    approach : saturation temperature minus water leaving the economizer [K], >= 0
        (default 5 K, likewise)
    steam_temperature : superheated steam temperature [K], or None for saturated steam
    pressure_drop_hot : gas-side pressure drop [Pa]
    acid_dew_point, so3_conversion, condensing : dew-point limit as in :class:`Economizer`
    segments : zone-analysis segments

    Ports: inlets ``gas_in``, ``feedwater_in``; outlets ``gas_out``, ``steam_out``,
    ``feedwater_bypass_out`` (formerly ``feedwater_bypass``, still accepted). The feedwater inlet is the water *available* (its pressure must
    be at least ``steam_pressure``); the pinch sets the steam flow, and feedwater not needed
    leaves by ``feedwater_bypass_out`` (in a plant it stays with the existing boiler). When less
    feedwater is available than the pinch allows, all of it is evaporated.

    Notes
    -----
    Design by pinch and approach (Ganapathy 2003, ch. 8):
    :math:`\dot m_s = \dot m_g [h_g(T_{g,in}) - h_g(T_{sat}+\Delta T_{pinch})] /
    [h_{steam} - h_w(T_{sat}-\Delta T_{app})]`; the economizer duty follows from the steam
    flow, and the gas outlet from the gas enthalpy. No blowdown. The whole profile is then
    checked zone by zone (no cross anywhere, e.g. in the superheater).

    Examples
    --------
    >>> whsg, inlets = WasteHeatSteamGenerator.example()   # 8 kg/s flue gas at 360 C, 8 bar(a)
    >>> r = whsg.solve(inlets).result
    >>> round(r.steam_flow * 3.6, 3), round(r.pinch, 6), r.limited_by     # t/h, K
    (2.877, 10.0, 'pinch')
    """

    name: str
    steam_pressure: float
    pinch: float = 10.0
    approach: float = 5.0
    steam_temperature: float | None = None
    pressure_drop_hot: float = 0.0
    acid_dew_point: float | None = None
    so3_conversion: float | None = None
    condensing: bool = False
    segments: int = DEFAULT_SEGMENTS

    inlets = ("gas_in", "feedwater_in")
    outlets = ("gas_out", "steam_out", "feedwater_bypass_out")
    #: former port name -> current name (procsim.units_api port convention)
    port_aliases: ClassVar[dict] = {"feedwater_bypass": "feedwater_bypass_out"}

    def __post_init__(self):
        convert_fields(self, steam_pressure="pressure", pinch="temperature_difference",
                       approach="temperature_difference", steam_temperature="temperature",
                       pressure_drop_hot="pressure_difference", acid_dew_point="temperature",
                       so3_conversion="fraction")
        _check_segments(self)
        check_positive("steam_pressure", self.steam_pressure, "Pa")
        check_positive("pinch", self.pinch, "K")
        check_nonnegative("approach", self.approach, "K")
        check_nonnegative("pressure_drop_hot", self.pressure_drop_hot, "Pa")
        if self.steam_temperature is not None:
            check_positive("steam_temperature", self.steam_temperature, "K")

    @classmethod
    def example(cls):
        """Furnace flue gas 360 C, 8 kg/s after the recuperator; 8 bar(a) saturated steam."""
        gas = Stream(NATURAL_GAS_FLUE_GAS, 633.15, 101325.0 + 1500.0, 8.0)
        fw = Stream("Water", 378.15, 1.0e6, 2.0)
        return cls("whsg", steam_pressure=8.0e5, pinch=10.0, approach=5.0,
                   pressure_drop_hot=800.0), {"gas_in": gas, "feedwater_in": fw}

    def solve(self, inlets) -> UnitSolution:
        gas = inlet_stream(inlets, "gas_in", self.name)
        fw = inlet_stream(inlets, "feedwater_in", self.name)
        ps = float(self.steam_pressure)
        require_material(self.name, "feedwater_in", fw, kind="fluid", name="Water")
        if not fw.p >= ps:
            raise ValueError(f"{self.name}: feedwater pressure {fw.p!r} Pa must be >= steam_pressure {ps!r} Pa "
                             "(the feed pump sets it)")
        water = fw.material
        if not ps < water.critical_pressure:
            raise ValueError(f"steam_pressure must be < {water.critical_pressure:g} Pa (subcritical drum); "
                             f"got {ps!r} Pa")
        liq, vap = water.saturation(p=ps)
        t_sat = liq.T
        t_econ_out = t_sat - float(self.approach)
        fw_s = Stream.from_ph(water, ps, fw.h, fw.mass_flow)  # through the feed valve, isenthalpic
        if not fw_s.T < t_econ_out:
            raise ValueError(f"{self.name}: feedwater at {fw_s.T:.6g} K is not below the economizer outlet "
                             f"{t_econ_out:.6g} K (saturation {t_sat:.6g} K - approach {self.approach:g} K)")
        h_econ = liq.h if self.approach == 0.0 else Stream(water, t_econ_out, ps, 1.0).h
        if self.steam_temperature is None:
            h_steam, t_steam = vap.h, t_sat
        else:
            t_steam = float(self.steam_temperature)
            if not t_steam > t_sat:
                raise ValueError(f"steam_temperature must be > the saturation temperature {t_sat:.6g} K at "
                                 f"{ps:g} Pa; got {t_steam!r} K")
            h_steam = Stream(water, t_steam, ps, 1.0).h
        t_pinch_gas = t_sat + float(self.pinch)
        if not gas.T > max(t_pinch_gas, t_steam):
            raise ValueError(f"{self.name}: gas inlet {gas.T:.6g} K must exceed saturation + pinch "
                             f"{t_pinch_gas:.6g} K (and the steam temperature {t_steam:.6g} K)")
        mat = gas.material
        m_g = gas.mass_flow
        # the shared engine: steam flow from the binding pinch over the whole profile; the
        # evaporator inlet is taken at the saturation temperature (drum convention: water
        # leaves the economizer ``approach`` below saturation and flashes to it in the drum)
        h_pts = [fw_s.h, h_econ] + ([vap.h] if self.steam_temperature is not None else [])
        t_pts = [fw_s.T, t_sat] + ([t_sat] if self.steam_temperature is not None else [])
        try:
            plf = pinch_limited_flow(gas, fw_s, h_steam, float(self.pinch), points=(h_pts, t_pts),
                                     available_flow=fw.mass_flow, segments=self.segments,
                                     pressure_drop_hot=self.pressure_drop_hot)
        except ValueError as exc:
            raise ValueError(f"{self.name}: {exc}") from None
        m_s = plf.flow
        limited = {"available": "feedwater"}.get(plf.limited_by, plf.limited_by)
        q_sh = m_s * (h_steam - vap.h)
        q_ev = m_s * (vap.h - h_econ)
        q_ec = m_s * (h_econ - fw.h)
        duty = q_sh + q_ev + q_ec
        prof = plf.profile
        limits = dew_points(gas, self.acid_dew_point, self.so3_conversion)
        gas_out = prof.hot_out
        check_dew_point(self.name, gas_out.T, limits, self.condensing)
        if self.steam_temperature is None:
            steam = Stream(water, None, ps, m_s, x=1.0)
        else:
            steam = Stream(water, t_steam, ps, m_s)
        bypass = fw.with_(mass_flow=fw.mass_flow - m_s)
        q = prof.q
        seg_mid = 0.5 * (q[:-1] + q[1:])
        ua_ec = float(np.sum(prof.ua_segments[seg_mid < q_ec]))
        ua_ev = float(np.sum(prof.ua_segments[(seg_mid > q_ec) & (seg_mid < q_ec + q_ev)]))
        ua_sh = float(np.sum(prof.ua_segments[seg_mid > q_ec + q_ev]))
        t_after_sh = mat.T_from_h(gas.h - q_sh / m_g)
        t_after_ev = mat.T_from_h(gas.h - (q_sh + q_ev) / m_g)
        released = gas.enthalpy_flow - gas_out.enthalpy_flow
        gained = steam.enthalpy_flow + bypass.enthalpy_flow - fw.enthalpy_flow
        res = SteamGeneratorResult(
            steam_flow=m_s, feedwater_bypass_flow=bypass.mass_flow, limited_by=limited, duty=duty,
            economizer_duty=q_ec, evaporator_duty=q_ev, superheater_duty=q_sh, saturation_temperature=t_sat,
            steam_temperature=t_steam, gas_inlet_temperature=gas.T, gas_after_superheater=float(t_after_sh),
            gas_after_evaporator=float(t_after_ev), gas_outlet_temperature=gas_out.T,
            pinch=float(t_after_ev) - t_sat,
            approach=float(self.approach),
            min_approach=prof.min_approach, ua=prof.ua, ua_economizer=ua_ec, ua_evaporator=ua_ev,
            ua_superheater=ua_sh, dew_point=limits[0], dew_point_margin=gas_out.T - limits[0],
            energy_residual=float(released - gained),
            energy_residual_relative=abs(released - gained) / max(abs(released), 1e-300),
            mass_residual=float(gas.mass_flow + fw.mass_flow - gas_out.mass_flow - steam.mass_flow
                                - bypass.mass_flow))
        outs = outlet_map(self, {"gas_out": gas_out, "steam_out": steam, "feedwater_bypass_out": bypass})
        return UnitSolution(outs, res)
