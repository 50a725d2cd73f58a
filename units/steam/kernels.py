"""Numba kernels of steam-system unit operations on specific enthalpies (SI).

Every steam unit reduces, once its states are known, to a few algebraic balances on
specific enthalpies. Those balances live here as scalar ``@njit`` cores with array loops;
the unit classes evaluate the states (exact CoolProp, IAPWS-IF97 by default) and hand the
enthalpies to these kernels. Scalar cores return NaN where the request is impossible; the
array loops return ``-1`` when every element was computed, else the index of the first
element that was not (its outputs are NaN).

References
----------
* Y. A. Cengel, M. A. Boles, *Thermodynamics: An Engineering Approach*, 8th ed.,
  McGraw-Hill, 2015: chapter 7, isentropic efficiencies of steady-flow devices (turbines);
  chapter 5, mixing chambers and throttling valves.
* U.S. DOE, *Improving Steam System Performance: A Sourcebook for Industry*, 2nd ed.,
  2012: deaerators, flash steam, blowdown heat recovery, PRVs with
  desuperheaters, back-pressure turbines.
"""
from __future__ import annotations

import math

from numba import njit

from procsim.thermo.isentropic import isentropic_efficiency, isentropic_outlet_enthalpy

__all__ = [
    "turbine_outlet_enthalpy", "turbine_isentropic_efficiency", "turbine_power",
    "turbine_flow_for_power", "desuperheater_spray_ratio", "flash_fraction",
    "mixed_enthalpy", "deaerator_balance", "deaerator_balance_overflow", "steam_generation_heat",
    "turbine_outlet_enthalpy_array", "desuperheater_spray_ratio_array",
    "flash_fraction_array", "napier_steam_flow", "NAPIER_SI",
]


@njit(cache=True)
def turbine_outlet_enthalpy(h_in, h_out_isentropic, efficiency):
    r"""Turbine exhaust enthalpy from its isentropic efficiency [J/kg] (the shared relation of
    :func:`procsim.thermo.isentropic.isentropic_outlet_enthalpy`, restricted to expansions).

    .. math:: h_2 = h_1 - \eta_s\,(h_1 - h_{2s})

    ``efficiency`` in (0, 1]; ``h_out_isentropic`` < ``h_in`` (an expansion). NaN otherwise.
    Reference: Cengel & Boles (2015), ch. 7, isentropic efficiency of turbines.
    """
    if not (0.0 < efficiency <= 1.0) or not (h_out_isentropic < h_in):
        return math.nan
    return isentropic_outlet_enthalpy(h_in, h_out_isentropic, efficiency)


@njit(cache=True)
def turbine_isentropic_efficiency(h_in, h_out, h_out_isentropic):
    r"""Isentropic efficiency of an expansion from a measured exhaust enthalpy [-].

    .. math:: \eta_s = \frac{h_1 - h_2}{h_1 - h_{2s}}

    NaN unless ``h_out_isentropic < h_in`` and the result lies in (0, 1] (a measured exhaust
    below the isentropic one would violate the second law).
    """
    if not (h_out_isentropic < h_in):
        return math.nan
    eta = isentropic_efficiency(h_in, h_out, h_out_isentropic)
    if not (0.0 < eta <= 1.0 + 1e-12):
        return math.nan
    return eta


@njit(cache=True)
def turbine_power(mass_flow, h_in, h_out, generator_efficiency):
    r"""Electric power of a turbine-generator [W]: :math:`P = \eta_g\,\dot m\,(h_1-h_2)`."""
    if not (0.0 < generator_efficiency <= 1.0) or not (mass_flow >= 0.0):
        return math.nan
    return generator_efficiency * mass_flow * (h_in - h_out)


@njit(cache=True)
def turbine_flow_for_power(power, h_in, h_out, generator_efficiency):
    r"""Steam flow [kg/s] that delivers electric ``power`` [W]: :math:`\dot m = P/(\eta_g (h_1-h_2))`."""
    if not (0.0 < generator_efficiency <= 1.0) or not (power >= 0.0) or not (h_in > h_out):
        return math.nan
    return power / (generator_efficiency * (h_in - h_out))


@njit(cache=True)
def desuperheater_spray_ratio(h_steam, h_water, h_target):
    r"""Spray water per kg of steam that brings the mix to ``h_target`` [kg/kg].

    Adiabatic mixing :math:`\dot m_s h_s + \dot m_w h_w = (\dot m_s + \dot m_w) h_t` gives

    .. math:: r = \frac{\dot m_w}{\dot m_s} = \frac{h_s - h_t}{h_t - h_w}

    Requires ``h_water < h_target <= h_steam``; NaN otherwise. DOE Steam Sourcebook (2012),
    "desuperheating".
    """
    if not (h_water < h_target <= h_steam):
        return math.nan
    return (h_steam - h_target) / (h_target - h_water)


@njit(cache=True)
def flash_fraction(h_in, h_liquid, h_vapour):
    r"""Vapour fraction of a liquid flashed to a lower pressure [-].

    .. math:: f = \max\left(0, \frac{h_{in} - h_l}{h_v - h_l}\right)

    with :math:`h_l, h_v` the saturated liquid and vapour at the flash pressure. Liquid that
    arrives subcooled at the flash pressure does not flash (f = 0). NaN if the inlet
    is above the saturated vapour (nothing to separate) or the saturation data are not ordered.
    DOE Steam Tip Sheet #12 "Flash High-Pressure Condensate to Regenerate Low-Pressure Steam".
    """
    if not (h_vapour > h_liquid) or not (h_in <= h_vapour):
        return math.nan
    if h_in <= h_liquid:
        return 0.0
    return (h_in - h_liquid) / (h_vapour - h_liquid)


@njit(cache=True)
def mixed_enthalpy(mass_flows, enthalpies, heat_loss):
    r"""Specific enthalpy of an adiabatic-with-loss mix [J/kg].

    .. math:: h = \frac{\sum_i \dot m_i h_i - \dot Q_{loss}}{\sum_i \dot m_i}

    NaN if the total flow is not > 0 or a flow is negative.
    """
    m = 0.0
    e = 0.0
    for i in range(mass_flows.size):
        if not (mass_flows[i] >= 0.0):
            return math.nan
        m += mass_flows[i]
        e += mass_flows[i] * enthalpies[i]
    if not (m > 0.0):
        return math.nan
    return (e - heat_loss) / m


@njit(cache=True)
def deaerator_balance(feedwater_flow, h_feedwater, vent_flow, h_vent, water_flow, h_water,
                      h_makeup, h_steam, out):
    r"""Heating steam and make-up water of a deaerator at fixed feedwater demand.

    Mass and energy balances of the deaerator with known condensate (``water_flow`` at
    ``h_water``), two unknowns, steam :math:`S` and make-up :math:`M`:

    .. math::
        S + M = F + V - W, \qquad S h_s + M h_m = F h_F + V h_V - W h_W

    solved as :math:`S = \frac{(F h_F + V h_V - W h_W) - (F + V - W) h_m}{h_s - h_m}`.
    ``out[0] = S``, ``out[1] = M`` [kg/s]. Returns 0 when both are >= 0, 1 when the make-up
    would be negative (more condensate than feedwater demand), 2 when the steam would be
    negative (the incoming water is already hotter than the feedwater), 3 for bad data
    (``h_steam <= h_makeup``). DOE Steam Sourcebook (2012), "deaerators".
    """
    if not (h_steam > h_makeup) or not (feedwater_flow >= 0.0) or not (water_flow >= 0.0) \
            or not (vent_flow >= 0.0):
        out[0] = math.nan
        out[1] = math.nan
        return 3
    total = feedwater_flow + vent_flow - water_flow
    energy = feedwater_flow * h_feedwater + vent_flow * h_vent - water_flow * h_water
    s = (energy - total * h_makeup) / (h_steam - h_makeup)
    out[0] = s
    out[1] = total - s
    if out[1] < 0.0:
        return 1
    if s < 0.0:
        return 2
    return 0


@njit(cache=True)
def deaerator_balance_overflow(feedwater_flow, h_feedwater, vent_flow, h_vent, fixed_flow, h_fixed,
                               condensate_flow, h_condensate, h_makeup, h_steam, out):
    r"""Heating steam, make-up and condensate overflow of a deaerator at fixed feedwater demand.

    The deaerator's level control first takes all returned condensate (``condensate_flow`` at
    ``h_condensate``) and every fixed water inflow (``fixed_flow`` at ``h_fixed``, e.g. a
    turbine condenser's hotwell), then draws make-up :math:`M` and heating steam :math:`S`
    (the two balances of :func:`deaerator_balance`):

    .. math::
        S + M = F + V - W_f - W_c, \qquad S h_s + M h_m = F h_F + V h_V - W_f h_f - W_c h_c

    When that make-up would be negative, more condensate returns than the feedwater demand
    can take: the make-up valve is shut (:math:`M = 0`) and the condensate receiver overflows
    to drain. The condensate used, :math:`u`, and the steam follow from the same balances with
    :math:`M = 0`,

    .. math::
        S = \frac{(F h_F + V h_V - W_f h_f) - (F + V - W_f) h_c}{h_s - h_c}, \qquad
        u = F + V - W_f - S,

    and the overflow is :math:`W_c - u` (the condensate-receiver overflow of DOE, *Improving
    Steam System Performance: A Sourcebook for Industry*, 2nd ed., 2012, "condensate
    recovery"; physically the surplus leaves at the receiver temperature). The two branches
    meet continuously at :math:`M = 0`.

    ``out[0] = S``, ``out[1] = M``, ``out[2]`` = overflow [kg/s]. Returns 0 when all three are
    >= 0; 1 when the fixed water alone exceeds the feedwater demand (nothing can balance it);
    2 when the steam would be negative (incoming water hotter than the feedwater); 3 for bad
    data (``h_steam`` not above ``h_makeup`` and ``h_condensate``, or negative flows).
    """
    out[0] = math.nan
    out[1] = math.nan
    out[2] = math.nan
    if not (h_steam > h_makeup) or not (feedwater_flow >= 0.0) or not (condensate_flow >= 0.0) \
            or not (vent_flow >= 0.0) or not (fixed_flow >= 0.0):
        return 3
    total = feedwater_flow + vent_flow - fixed_flow
    energy = feedwater_flow * h_feedwater + vent_flow * h_vent - fixed_flow * h_fixed
    rest = total - condensate_flow
    s = (energy - condensate_flow * h_condensate - rest * h_makeup) / (h_steam - h_makeup)
    m = rest - s
    if m >= 0.0:
        out[0] = s
        out[1] = m
        out[2] = 0.0
        return 2 if s < 0.0 else 0
    if not (h_steam > h_condensate):
        return 3
    s = (energy - total * h_condensate) / (h_steam - h_condensate)
    used = total - s
    if used < 0.0:
        return 1
    out[0] = s
    out[1] = 0.0
    out[2] = max(condensate_flow - used, 0.0)
    return 2 if s < 0.0 else 0


@njit(cache=True)
def steam_generation_heat(h_steam, h_feedwater, blowdown_fraction, h_blowdown):
    r"""Heat absorbed per kg of steam delivered by a boiler with continuous blowdown [J/kg].

    With blowdown :math:`b` as a fraction of feedwater, per kg of steam the feedwater is
    :math:`1/(1-b)` and the blowdown :math:`b/(1-b)`:

    .. math:: q = (h_s - h_{fw}) + \frac{b}{1-b}\,(h_{bd} - h_{fw})

    DOE Steam Tip Sheet #15 Table 1 gives the first term (b = 0). NaN for b outside [0, 1).
    """
    if not (0.0 <= blowdown_fraction < 1.0):
        return math.nan
    return (h_steam - h_feedwater) + blowdown_fraction / (1.0 - blowdown_fraction) * (h_blowdown - h_feedwater)


@njit(cache=True)
def turbine_outlet_enthalpy_array(h_in, h_out_isentropic, efficiency, out):
    """Array loop over :func:`turbine_outlet_enthalpy`; returns -1 or the first bad index."""
    first = -1
    for i in range(h_in.size):
        out[i] = turbine_outlet_enthalpy(h_in[i], h_out_isentropic[i], efficiency[i])
        if math.isnan(out[i]) and first < 0:
            first = i
    return first


@njit(cache=True)
def desuperheater_spray_ratio_array(h_steam, h_water, h_target, out):
    """Array loop over :func:`desuperheater_spray_ratio`; returns -1 or the first bad index."""
    first = -1
    for i in range(h_steam.size):
        out[i] = desuperheater_spray_ratio(h_steam[i], h_water[i], h_target[i])
        if math.isnan(out[i]) and first < 0:
            first = i
    return first


@njit(cache=True)
def flash_fraction_array(h_in, h_liquid, h_vapour, out):
    """Array loop over :func:`flash_fraction`; returns -1 or the first bad index."""
    first = -1
    for i in range(h_in.size):
        out[i] = flash_fraction(h_in[i], h_liquid[i], h_vapour[i])
        if math.isnan(out[i]) and first < 0:
            first = i
    return first


#: Napier's rule for choked flow of saturated steam through an orifice, in its customary
#: units: mass flow [lb/s] = p [psia] * A [in^2] / 70 (R. Napier, 1866; e.g. W. C. Reynolds &
#: H. C. Perkins, *Engineering Thermodynamics*, 2nd ed., McGraw-Hill 1977, sec. 11.8),
#: converted here to SI: kg/s per (Pa * m^2). With a discharge coefficient of 0.6 it
#: gives DOE Steam Tip Sheet #1 "Inspect and Repair Steam Traps": W [lb/h] = 24.24 P D^2.
NAPIER_SI = (0.45359237 / 70.0) / (6894.757293168361 * 0.00064516)


@njit(cache=True)
def napier_steam_flow(pressure, diameter, discharge_coefficient):
    r"""Steam blown through an orifice to atmosphere (choked, Napier's rule) [kg/s].

    .. math:: \dot m = C_d \,\frac{p\,A}{70}\ \text{(lb/s, psia, in}^2\text{)},\qquad A = \pi D^2/4

    ``pressure`` [Pa abs] upstream, must exceed about 1.73 atm for choked flow (NaN below
    175 kPa, where Napier's rule does not apply); ``diameter`` [m] >= 0;
    ``discharge_coefficient`` in (0, 1].
    """
    if not (pressure >= 175.0e3) or not (diameter >= 0.0) or not (0.0 < discharge_coefficient <= 1.0):
        return math.nan
    return discharge_coefficient * NAPIER_SI * pressure * math.pi * diameter * diameter / 4.0
