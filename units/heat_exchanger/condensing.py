r"""Condensing economizer: flue gas cooled below its water dew point, the condensate drained.

Gas side: an ideal-gas mixture (NASA-7, :mod:`procsim.thermo.gas`) whose water vapour, below
the dew point, stays saturated: at temperature T and pressure p the vapour mole fraction is
:math:`y_s = p_{sat}(T)/p` (IAPWS-IF97 saturation), the dry gas is unchanged, and the
water condensed so far, :math:`\dot n_c = \dot n_{w,in} - \dot n_{dry}\,y_s/(1-y_s)`, drains
with the gas to the cold end and leaves at the gas outlet temperature. The heat the gas side
gives up down to T is

.. math:: Q(T) = \dot H_{gas,in} - \dot H_{gas}(T) - \dot m_c\,[h_{l}(T) + \Delta h_{ref}]

with :math:`h_l` the IF97 liquid enthalpy and :math:`\Delta h_{ref}` the constant that moves
water from CoolProp's reference (liquid at the triple point) to the gas mixture's
formation-inclusive reference: :math:`h^{NASA}_{H_2O}(298.15\,K) - h^{IF97}(298.15\,K, 1\,kPa)`.
The latent heat so implied, ideal-gas vapour minus IF97 liquid, is within 0.2 % of the
IAPWS latent heat below 60 C (0.5 % at 97 C: the ideal-gas vapour neglects the real-gas
departure of saturated steam).

Bookkeeping for the flowsheet balance: the condensate port carries IF97 enthalpy, the gas
ports NASA-7 enthalpy; the unit reports the reference change of the condensed water,
``water_reference_change`` = :math:`-\dot m_c\,\Delta h_{ref}` [W], as a source, so that
in + sources - out closes exactly.

The exchanger is counterflow and is analysed zone by zone (:func:`zones.zone_kernel`) with
the dew point as a segment boundary.

References
----------
* ASHRAE Handbook - HVAC Systems and Equipment, 2020, ch. 32 (boilers: condensing operation).
* US DOE, *Consider Installing a Condensing Economizer*, Steam Tip Sheet #26A (condensing economizer practice).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.thermo.fluids import Fluid
from procsim.thermo.gas import GasMixture
from procsim.thermo.material import require_material
from procsim.validation import check_int, check_nonnegative
from procsim.units_api import convert_fields

from units.heat_exchanger._common import inlet_stream, one_spec
from units.heat_exchanger.zones import side_temperatures, zone_kernel

__all__ = ["CondensingEconomizer", "CondensingResult", "water_reference_offset"]

#: IF97 validity floor of the saturation line [K] (triple point, IAPWS R7-97).
_T_TRIPLE = 273.16


def water_reference_offset() -> float:
    """h_NASA(H2O gas, 298.15 K) - h_IF97(water vapour, 298.15 K, 1 kPa) [J/kg] (see module notes)."""
    return float(GasMixture({"H2O": 1.0}).h(298.15) - Fluid("Water").state(p=1000.0, T=298.15).h)


@dataclass(frozen=True)
class CondensingResult:
    """Result of :class:`CondensingEconomizer` (SI).

    duty [W] (sensible + latent); latent_duty [W] (condensed water x latent heat);
    condensate_flow [kg/s]; water_dew_point [K]; gas_outlet_temperature,
    water_outlet_temperature [K]; hot_end_approach, cold_end_approach, min_approach [K];
    ua [W/K]; water_reference_change [W] (the source term, see module notes);
    energy_residual [W]: gas-side heat released - water-side heat gained (in - out over the
    ports); energy_residual_relative [-]: its size / duty; mass_residual [kg/s]: in - out.
    """

    duty: float
    latent_duty: float
    condensate_flow: float
    water_dew_point: float
    gas_inlet_temperature: float
    gas_outlet_temperature: float
    water_inlet_temperature: float
    water_outlet_temperature: float
    hot_end_approach: float
    cold_end_approach: float
    min_approach: float
    ua: float
    water_reference_change: float
    energy_residual: float
    energy_residual_relative: float = math.nan
    mass_residual: float = math.nan


class _GasSide:
    """Gas-side state as a function of temperature, with condensation below the dew point."""

    def __init__(self, gas: Stream, p: float, p_liquid: float):
        require_material("CondensingEconomizer", "gas_in", gas, kind="gas")
        mat = gas.material
        self.gas, self.p, self.p_liquid = gas, p, p_liquid
        self.water = Fluid("Water")
        x = mat.mole_fractions
        self.x_w = x.get("H2O", 0.0)
        self.n_in = gas.mass_flow / mat.molar_mass
        # dry-basis mole fractions (sum 1)
        self.dry = {k: v / (1.0 - self.x_w) for k, v in x.items() if k != "H2O"}
        self.n_dry = self.n_in * (1.0 - self.x_w)
        self.m_w = GasMixture({"H2O": 1.0}).molar_mass
        p_w = self.x_w * p
        self.dew = self.water.saturation(p=p_w)[0].T if p_w > self.water.minimum_pressure else -math.inf
        self.offset = water_reference_offset()

    def at(self, T: float):
        """(gas mixture, gas mass flow, condensate mass flow, condensate liquid h [J/kg, IF97])."""
        if T >= self.dew:
            return self.gas.material, self.gas.mass_flow, 0.0, 0.0
        y = self.water.saturation(T=T)[0].p / self.p
        n_w = self.n_dry * y / (1.0 - y)
        comp = {k: v * (1.0 - y) for k, v in self.dry.items()}
        comp["H2O"] = y
        mix = GasMixture(comp)
        m_c = (self.n_in * self.x_w - n_w) * self.m_w
        return mix, self.gas.mass_flow - m_c, m_c, self.water.state(p=self.p_liquid, T=T).h

    def released(self, T: float) -> float:
        """Heat given up by the gas side from its inlet down to T [W]."""
        mix, m_g, m_c, h_l = self.at(T)
        return self.gas.enthalpy_flow - m_g * mix.h(T) - m_c * (h_l + self.offset)


@dataclass(frozen=True)
class CondensingEconomizer:
    """Economizer that cools flue gas below its water dew point (condensate drained).

    Parameters
    ----------
    name : unit name
    gas_outlet_temperature : [K] (design), or water_outlet_temperature : [K] (design), or
    ua : conductance [W/K] (rating)
    pressure_drop_hot, pressure_drop_cold : [Pa]
    segments : zone-analysis segments

    Ports: inlets ``gas_in``, ``water_in``; outlets ``gas_out``, ``water_out``, ``condensate_out``.
    The surface is taken to be corrosion resistant (that is what "condensing" declares).
    """

    name: str
    gas_outlet_temperature: float | None = None
    water_outlet_temperature: float | None = None
    ua: float | None = None
    pressure_drop_hot: float = 0.0
    pressure_drop_cold: float = 0.0
    segments: int = 40

    inlets = ("gas_in", "water_in")
    outlets = ("gas_out", "water_out", "condensate_out")

    def __post_init__(self):
        convert_fields(self, gas_outlet_temperature="temperature", water_outlet_temperature="temperature",
                       ua="W/K", pressure_drop_hot="pressure_difference",
                       pressure_drop_cold="pressure_difference")
        one_spec(self.name, gas_outlet_temperature=self.gas_outlet_temperature,
                 water_outlet_temperature=self.water_outlet_temperature, ua=self.ua)
        check_nonnegative("pressure_drop_hot", self.pressure_drop_hot, "Pa")
        check_nonnegative("pressure_drop_cold", self.pressure_drop_cold, "Pa")
        object.__setattr__(self, "segments", check_int("segments", self.segments, 1, 10_000))

    @classmethod
    def example(cls):
        """Natural-gas boiler stack after a dry economizer, 130 C, 10 kg/s; 15 C make-up water 15 kg/s."""
        from units.heat_exchanger.equipment import NATURAL_GAS_FLUE_GAS

        gas = Stream(NATURAL_GAS_FLUE_GAS, 403.15, 101325.0 + 800.0, 10.0)
        water = Stream("Water", 288.15, 3.0e5, 15.0)
        return cls("condensing_economizer", gas_outlet_temperature=318.15, pressure_drop_hot=300.0,
                   pressure_drop_cold=2.0e4), {"gas_in": gas, "water_in": water}

    def _profile(self, side: _GasSide, water: Stream, t_out: float):
        t_in = side.gas.T
        temps = np.linspace(t_out, t_in, self.segments + 1)
        if t_out < side.dew < t_in:
            temps = np.unique(np.concatenate([temps, [side.dew]]))
        q_rel = np.array([side.released(float(T)) for T in temps])   # from the gas inlet
        duty = q_rel[0]
        q = duty - q_rel                      # cumulative from the cold end (t_out first)
        p_c = water.p - self.pressure_drop_cold * (q / duty if duty > 0 else 0.0)
        t_c = side_temperatures(water.material, p_c, water.h + q / water.mass_flow)
        ua_seg = np.empty(q.size - 1)
        bad = zone_kernel(q, temps, t_c, ua_seg)
        return duty, q, temps, t_c, ua_seg, bad

    def _bracketed(self, f, lo, hi, what, value):
        f_lo, f_hi = f(lo), f(hi)
        if not f_lo * f_hi < 0.0:
            raise ValueError(f"{self.name}: {what}={value!r} cannot be reached with these inlets "
                             "(it lies beyond a temperature cross or beyond the gas inlet)")
        return brentq(f, lo, hi, xtol=1e-10, rtol=1e-14)

    def solve(self, inlets) -> UnitSolution:

        gas = inlet_stream(inlets, "gas_in", self.name)
        water = inlet_stream(inlets, "water_in", self.name)
        if not gas.T > water.T:
            raise ValueError(f"{self.name}: gas inlet {gas.T:.6g} K must be hotter than water inlet {water.T:.6g} K")
        p_g = gas.p - self.pressure_drop_hot
        side = _GasSide(gas, gas.p, p_g)
        t_floor = max(water.T, _T_TRIPLE)
        k, v = one_spec(self.name, gas_outlet_temperature=self.gas_outlet_temperature,
                        water_outlet_temperature=self.water_outlet_temperature, ua=self.ua)
        t_hi = gas.T - 1e-9
        if k == "gas_outlet_temperature":
            if not t_floor < v < gas.T:
                raise ValueError(f"{self.name}: gas_outlet_temperature must be in ({t_floor:.6g}, {gas.T:.6g}) K; "
                                 f"got {v!r} K")
            t_out = v
        elif k == "water_outlet_temperature":
            if not water.T < v < gas.T:
                raise ValueError(f"{self.name}: water_outlet_temperature must be in ({water.T:.6g}, {gas.T:.6g}) K; "
                                 f"got {v!r} K")
            p_wo = water.p - self.pressure_drop_cold

            def f(t):
                return Stream.from_ph(water.material, p_wo, water.h + side.released(t) / water.mass_flow,
                                      water.mass_flow).T - v
            t_out = self._bracketed(f, t_floor + 1e-6, t_hi, k, v)
        else:
            def min_approach(t):
                _, _, th, tc, _, _ = self._profile(side, water, t)
                return float(np.min(th - tc))

            lo = t_floor + 1e-6
            if min_approach(lo) <= 0.0:  # the closest outlet without a cross bounds the search
                lo = brentq(min_approach, lo, t_hi, xtol=1e-10) + 1e-7

            def f(t):
                _, _, _, _, ua_seg, bad = self._profile(side, water, t)
                return (math.inf if bad >= 0 else float(np.sum(ua_seg))) - v
            t_out = self._bracketed(f, lo, t_hi, k, v)
        duty, q, th, tc, ua_seg, bad = self._profile(side, water, t_out)
        approach = th - tc
        if bad >= 0:
            i = int(np.argmin(approach))
            raise ValueError(f"{self.name}: temperature cross at duty {q[i]:.6g} W from the cold end: gas "
                             f"{th[i]:.6g} K, water {tc[i]:.6g} K")
        mix, m_g, m_c, h_l = side.at(t_out)
        gas_out = Stream(mix.mole_fractions, t_out, p_g, m_g)
        condensate = Stream("Water", t_out, p_g, m_c)
        water_out = Stream.from_ph(water.material, water.p - self.pressure_drop_cold,
                                   water.h + duty / water.mass_flow, water.mass_flow)
        source = -m_c * side.offset
        released = gas.enthalpy_flow - gas_out.enthalpy_flow - condensate.enthalpy_flow - m_c * side.offset
        gained = water_out.enthalpy_flow - water.enthalpy_flow
        latent = m_c * float(GasMixture({"H2O": 1.0}).h(t_out) - (h_l + side.offset))
        ua = float(np.sum(ua_seg))
        res = CondensingResult(
            duty=float(duty), latent_duty=latent, condensate_flow=m_c, water_dew_point=float(side.dew),
            gas_inlet_temperature=gas.T, gas_outlet_temperature=t_out, water_inlet_temperature=water.T,
            water_outlet_temperature=water_out.T, hot_end_approach=gas.T - water_out.T,
            cold_end_approach=t_out - water.T, min_approach=float(np.min(approach)), ua=ua,
            water_reference_change=source,
            energy_residual=float(released - gained),
            energy_residual_relative=float(abs(released - gained) / max(abs(duty), 1e-300)),
            mass_residual=float(gas.mass_flow + water.mass_flow - gas_out.mass_flow - condensate.mass_flow
                                - water_out.mass_flow))
        return UnitSolution({"gas_out": gas_out, "water_out": water_out, "condensate_out": condensate}, res,
                            {"water_reference_change": source})
