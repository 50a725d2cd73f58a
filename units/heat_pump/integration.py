r"""A heat pump placed against a process's grand composite curve: utilities, fuel, power, CO2e, price ratio.

The heat pump evaporates at :math:`T_e` and condenses at :math:`T_c` (real temperatures).
In the problem table's shifted temperatures the evaporator is a cold stream at
:math:`T_e + \Delta T_{min}/2` and the condenser a hot stream at :math:`T_c - \Delta T_{min}/2`.
The grand composite curve (GCC) bounds the duties. Heat delivered at shifted temperature
:math:`T^*_c` adds to the heat flowing down past every lower temperature, so it displaces
hot utility only up to the smallest heat flow at or above :math:`T^*_c`,
:math:`Q_{cond} \le \min_{T^* \ge T^*_c}\mathrm{GCC}(T^*)` (a pocket above the condenser, or
the utility at the top, can bind before :math:`\mathrm{GCC}(T^*_c)`); likewise heat taken at
:math:`T^*_e` removes it from every lower temperature, :math:`Q_{evap} \le
\min_{T^* \le T^*_e}\mathrm{GCC}(T^*)`; with :math:`Q_{evap} = Q_{cond}(1 - 1/\mathrm{COP})`.

Placed across the pinch, hot utility falls by :math:`Q_{cond}` and cold utility by
:math:`Q_{evap}`; placed wholly above the pinch it only turns its power into heat (hot
utility falls by W); wholly below, it adds W to the cold utility (Townsend & Linnhoff
1983). The utilities after are recomputed by the problem table with the heat pump's two
exchangers added as streams, so the rule is checked, not assumed.

Fuel saved is the hot utility saved over the boiler efficiency; the break-even ratio of
electricity to fuel price (per unit energy) is :math:`\mathrm{COP}_{el}/\eta_{boiler}`
(cold-utility savings add to it; they are reported, not priced).

References
----------
* D. W. Townsend, B. Linnhoff, "Heat and power networks in process design. Part I:
  Criteria for placement of heat engines and heat pumps in process networks", AIChE J. 29
  (1983) 742-748, doi:10.1002/aic.690290508.
* I. C. Kemp, *Pinch Analysis and Process Integration*, 2nd ed., Butterworth-Heinemann,
  2007, sec. 6.3 (heat pumps and the grand composite curve).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.accounting import carrier_energy, emissions, grid_factor
from procsim.pinch import targets
from procsim.validation import as_float, check_fraction, check_positive

from .cycle import simple_cycle

__all__ = ["PinchHeatPump", "place_heat_pump", "gcc_heat_at"]

#: temperature span given to the heat pump's isothermal exchangers in the problem table [K]
#: (the problem table needs supply != target; 1e-3 K changes no interval by more than 1e-3 CP)
_ISOTHERMAL_SPAN = 1e-3


def gcc_heat_at(pinch_targets, shifted_temperature) -> float:
    """Net heat flow of the grand composite curve [W] at a shifted temperature [K] (linear between
    interval boundaries; 0 at the pinch)."""
    t, h = pinch_targets.grand_composite
    ts = as_float("shifted_temperature", shifted_temperature, "K")
    if not t[-1] <= ts <= t[0]:
        raise ValueError(f"shifted_temperature must be in [{t[-1]:g}, {t[0]:g}] K (the streams' range); got {ts!r} K")
    return float(np.interp(ts, t[::-1], h[::-1]))


def _gcc_min(pinch_targets, shifted_temperature, above: bool) -> float:
    """Smallest GCC heat flow [W] at or above (``above``) or at or below a shifted temperature [K]
    (the GCC is linear between interval boundaries, so the minimum is at the end or a boundary)."""
    t, h = pinch_targets.grand_composite
    mask = t >= shifted_temperature if above else t <= shifted_temperature
    return float(min(gcc_heat_at(pinch_targets, shifted_temperature), *h[mask])) if mask.any() \
        else gcc_heat_at(pinch_targets, shifted_temperature)


@dataclass(frozen=True)
class PinchHeatPump:
    """Result of :func:`place_heat_pump` (SI; W, K; annual figures per year of ``hours``).

    condenser_duty, evaporator_duty, power (electric) [W]; cop_heating (electric) [-];
    hot_utility_before/after, cold_utility_before/after [W] (problem table);
    placement : "across", "above" or "below" the pinch; fuel_saved [W of fuel, LHV basis of
    the boiler efficiency]; annual_fuel_saved_nm3 [Nm3/yr natural gas], annual_electricity_kwh
    [kWh/yr]; co2e_saved_t [t CO2e/yr] (fuel avoided minus electricity at the grid factor);
    break_even_price_ratio : electricity/fuel price per unit energy at which the heat pump
    breaks even [-]; limited_by : "sink" or "source" (which GCC side bounds the duty);
    energy_residual : condenser - evaporator - shaft power [W].
    """

    condenser_duty: float
    evaporator_duty: float
    power: float
    cop_heating: float
    hot_utility_before: float
    hot_utility_after: float
    cold_utility_before: float
    cold_utility_after: float
    placement: str
    fuel_saved: float
    annual_fuel_saved_nm3: float
    annual_electricity_kwh: float
    co2e_saved_t: float
    break_even_price_ratio: float
    limited_by: str
    energy_residual: float


def place_heat_pump(streams, dt_min, refrigerant, evaporating_temperature, condensing_temperature, *,
                    isentropic_efficiency=0.7, motor_efficiency=0.95, boiler_efficiency=0.9, duty=None,
                    hours=8000.0, region="TW", year=2024) -> PinchHeatPump:
    """Place a heat pump against the process's GCC and account for what it trades.

    Parameters
    ----------
    streams, dt_min : as :func:`procsim.pinch.targets` (K, K, W/K; K)
    refrigerant : for :func:`units.heat_pump.simple_cycle` (no superheat or subcooling)
    evaporating_temperature, condensing_temperature : [K] real temperatures
    isentropic_efficiency, motor_efficiency, boiler_efficiency : (0, 1]; the boiler the
        condenser duty displaces burns natural gas (``natural_gas_nm3`` of procsim.accounting)
    duty : condenser duty [W]; default the largest the GCC allows
    hours : operating hours per year; region, year : grid factor (procsim.accounting)
    """
    dt = as_float("dt_min", dt_min, "K")
    check_fraction("motor_efficiency", motor_efficiency, allow_zero=False)
    check_fraction("boiler_efficiency", boiler_efficiency, allow_zero=False)
    check_positive("hours", hours, "h/yr")
    streams = [tuple(map(float, s)) for s in streams]
    before = targets(streams, dt)
    te = as_float("evaporating_temperature", evaporating_temperature, "K")
    tc = as_float("condensing_temperature", condensing_temperature, "K")
    c = simple_cycle(refrigerant, te, tc, isentropic_efficiency=isentropic_efficiency)
    ts_e, ts_c = te + 0.5 * dt, tc - 0.5 * dt
    pinch = before.pinch_temperature
    # across the pinch the bounds are minima over the range the heat passes (module docstring);
    # a heat pump wholly on one side keeps the local GCC value as its bound
    q_sink = _gcc_min(before, ts_c, above=True) if ts_c > pinch else gcc_heat_at(before, ts_c)
    q_src = _gcc_min(before, ts_e, above=False) if ts_e < pinch else gcc_heat_at(before, ts_e)
    ratio = c.q_evaporator / c.q_condenser
    q_c_max = min(q_sink, q_src / ratio) if ratio > 0 else q_sink
    limited_by = "sink" if q_sink <= q_src / ratio else "source"
    if duty is None:
        q_c = q_c_max
    else:
        q_c = check_positive("duty", as_float("duty", duty, "W"), "W")
        if q_c > q_c_max * (1 + 1e-12):
            raise ValueError(f"duty must be <= {q_c_max:.6g} W, the most the grand composite curve allows at "
                             f"condensing {tc:g} K / evaporating {te:g} K; got {q_c!r} W")
    if not q_c > 0.0:
        raise ValueError(f"place_heat_pump: no duty possible: the GCC has {q_sink:.6g} W to take at shifted "
                         f"{ts_c:g} K and {q_src:.6g} W to give at shifted {ts_e:g} K (pinch at "
                         f"{before.pinch_temperature:g} K shifted)")
    q_e = q_c * ratio
    w_shaft = q_c - q_e
    power = w_shaft / motor_efficiency
    hp_streams = [(te, te + _ISOTHERMAL_SPAN, q_e / _ISOTHERMAL_SPAN),
                  (tc + _ISOTHERMAL_SPAN, tc, q_c / _ISOTHERMAL_SPAN)]
    after = targets(streams + hp_streams, dt)
    placement = "across" if ts_e < pinch < ts_c else ("above" if ts_e >= pinch else "below")
    fuel = (before.hot_utility - after.hot_utility) / boiler_efficiency
    sec = hours * 3600.0
    nm3 = fuel * sec / carrier_energy("natural_gas_nm3", 1.0, "J")
    kwh = power * sec / 3.6e6
    co2 = emissions({"natural_gas_nm3": nm3}).total_co2e_t - kwh * float(grid_factor(region, year)) / 1e3
    return PinchHeatPump(
        condenser_duty=q_c, evaporator_duty=q_e, power=power, cop_heating=q_c / power,
        hot_utility_before=before.hot_utility, hot_utility_after=after.hot_utility,
        cold_utility_before=before.cold_utility, cold_utility_after=after.cold_utility, placement=placement,
        fuel_saved=fuel, annual_fuel_saved_nm3=nm3, annual_electricity_kwh=kwh, co2e_saved_t=co2,
        break_even_price_ratio=(q_c / power) / boiler_efficiency if fuel > 0 else 0.0,
        limited_by=limited_by, energy_residual=q_c - q_e - w_shaft)
