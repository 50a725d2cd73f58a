r"""Single-effect water/lithium-bromide absorption chiller: a cycle model on published property correlations.

Solution properties (LiBr mass fraction X in %, temperatures in degC, enthalpy kJ/kg):

* equilibrium (Dühring form): :math:`t = \sum_{n=0}^{3} B_n X^n + t' \sum_{n=0}^{3} A_n X^n`,
  :math:`t'` the saturation temperature of pure water at the same pressure; valid for
  -15 < t' < 110 degC, 45 < X < 70 %;
* enthalpy: :math:`h = \sum_{n=0}^{4} A_n X^n + t \sum B_n X^n + t^2 \sum C_n X^n`, valid for
  15 < t < 165 degC, 40 < X < 70 %, referenced to liquid water at 0 degC (as IAPWS-IF97 to
  within 0.04 kJ/kg, corrected here).

Both correlations are those of the ASHRAE Handbook - Fundamentals (ch. 30, Figures for
aqueous lithium bromide, after McNeely 1979), as reproduced by K. E. Herold, R. Radermacher,
S. A. Klein, *Absorption Chillers and Heat Pumps*, 2nd ed., CRC Press, 2016, appendix C.
Pure water and steam: IAPWS-IF97 through :class:`procsim.thermo.fluids.Fluid`.

Cycle (per kg of refrigerant water vapour, Herold et al. 2016 ch. 6): weak solution leaves
the absorber at equilibrium with the evaporator pressure at ``absorber_temperature``; strong
solution leaves the generator at equilibrium with the condenser pressure at
``generator_temperature``; vapour leaves the generator at the equilibrium temperature of the
entering weak solution (superheated at the condenser pressure), liquid
the condenser saturated, vapour the evaporator saturated; the solution heat exchanger cools
the strong solution by :math:`\varepsilon (t_g - t_a)`; valves are isenthalpic; pump work is
neglected (below 0.1 % of the generator heat).

Double effect, series flow (Herold et al. 2016, ch. 7): the weak solution is pumped through
the low- and high-temperature solution heat exchangers to the high-temperature generator
(HTG), which boils it at the high pressure :math:`p_h` to the intermediate concentration at
``generator_temperature``; the intermediate solution gives up heat in the high-temperature
solution heat exchanger and is throttled into the low-temperature generator (LTG) at the
condenser pressure, where the HTG vapour, condensing at :math:`T_{ch} = T_{sat}(p_h)`, boils
it to the strong concentration at :math:`T_{gl} = T_{ch} - \Delta T_{LTG}`; the HTG
condensate is throttled into the condenser. :math:`p_h` is the pressure at which the LTG
balance closes: heat released by the condensing HTG vapour = heat the LTG needs. Both solution
heat exchangers cool their hot (concentrated) stream by :math:`\varepsilon` times the
inlet temperature difference. Vapours leave each generator at the equilibrium temperature of
the solution entering it, as in the single-effect model. Double effect needs driving heat
above about 140 C; ASHRAE Standard 90.1-2019 Table 6.8.1-3 gives a minimum full-load COP of
1.000 for double-effect machines against 0.700 for water-cooled single effect.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from scipy.optimize import brentq

from procsim.thermo.fluids import Fluid
from procsim.validation import as_float, check_range

__all__ = ["libr_equilibrium_temperature", "libr_enthalpy", "libr_concentration", "AbsorptionResult",
           "single_effect_cycle", "DoubleEffectResult", "double_effect_cycle", "LTG_APPROACH"]

#: Default LTG approach T_ch - T_gl [K]: judgement (the temperature difference a
#: condensing-vapour-to-boiling-solution exchanger of economic size holds; Herold et al. 2016
#: ch. 7 examples keep the HTG condensate a few kelvin above the LTG solution outlet)
LTG_APPROACH = 5.0

_A_EQ = (-2.00755, 0.16976, -3.133362e-3, 1.97668e-5)
_B_EQ = (124.937, -7.71649, 0.152286, -7.95090e-4)
_A_H = (-2024.33, 163.309, -4.88161, 6.302948e-2, -2.913705e-4)
_B_H = (18.2829, -1.1691757, 3.248041e-2, -4.034184e-4, 1.8520569e-6)
_C_H = (-3.7008214e-2, 2.8877666e-3, -8.1313015e-5, 9.9116628e-7, -4.4441207e-9)


def _poly(c, x):
    return sum(a * x ** n for n, a in enumerate(c))


def libr_equilibrium_temperature(mass_fraction, water_saturation_temperature) -> float:
    """Solution temperature [K] in equilibrium with water vapour whose saturation temperature is
    ``water_saturation_temperature`` [K], at LiBr ``mass_fraction`` [-] (0.45-0.70)."""
    x = 100.0 * check_range("mass_fraction", mass_fraction, 0.45, 0.70)
    tp = check_range("water_saturation_temperature", water_saturation_temperature, 258.15, 383.15, "K") - 273.15
    return _poly(_B_EQ, x) + tp * _poly(_A_EQ, x) + 273.15


def libr_concentration(temperature, water_saturation_temperature) -> float:
    """LiBr mass fraction [-] of a solution at ``temperature`` [K] in equilibrium with vapour of
    water saturation temperature ``water_saturation_temperature`` [K] (inverse of the Dühring form)."""
    t = as_float("temperature", temperature, "K")
    f = lambda x: libr_equilibrium_temperature(x, water_saturation_temperature) - t
    lo, hi = f(0.45), f(0.70)
    if not lo <= 0.0 <= hi:
        raise ValueError(f"temperature {t!r} K and water saturation temperature {water_saturation_temperature!r} K "
                         f"need a LiBr mass fraction outside 0.45-0.70 (the correlation's range): equilibrium "
                         f"temperatures there are {lo + t:.6g}-{hi + t:.6g} K")
    return brentq(f, 0.45, 0.70, xtol=1e-14)


def libr_enthalpy(temperature, mass_fraction) -> float:
    """Specific enthalpy of aqueous LiBr [J/kg] at ``temperature`` [K] and ``mass_fraction`` [-]
    (0.40-0.70, 15-165 degC); reference liquid water at 0 degC."""
    x = 100.0 * check_range("mass_fraction", mass_fraction, 0.40, 0.70)
    t = check_range("temperature", temperature, 288.15, 438.15, "K") - 273.15
    return 1e3 * (_poly(_A_H, x) + t * _poly(_B_H, x) + t * t * _poly(_C_H, x))


@dataclass(frozen=True)
class AbsorptionResult:
    """Single-effect cycle per kg/s of refrigerant (SI): cop [-]; q_generator, q_absorber,
    q_condenser, q_evaporator [W per kg/s of vapour]; weak_fraction, strong_fraction [-];
    circulation_ratio : kg weak solution per kg vapour [-]; pressures [Pa]; energy_residual
    [W per kg/s]: generator + evaporator - condenser - absorber."""

    cop: float
    q_generator: float
    q_absorber: float
    q_condenser: float
    q_evaporator: float
    weak_fraction: float
    strong_fraction: float
    circulation_ratio: float
    evaporating_pressure: float
    condensing_pressure: float
    energy_residual: float


def single_effect_cycle(evaporator_temperature, condenser_temperature, absorber_temperature,
                        generator_temperature, solution_hx_effectiveness=0.64) -> AbsorptionResult:
    """Single-effect water/LiBr chiller (module docstring); temperatures [K], effectiveness [-] in [0, 1).

    Examples
    --------
    >>> r = single_effect_cycle(274.48, 313.3, 305.85, 363.05)   # evap 1.3, cond 40.2, abs 32.7, gen 89.9 C
    >>> round(r.cop, 3), round(r.weak_fraction, 4), round(r.strong_fraction, 4)
    (0.723, 0.5623, 0.6198)
    """
    te = as_float("evaporator_temperature", evaporator_temperature, "K")
    tc = as_float("condenser_temperature", condenser_temperature, "K")
    ta = as_float("absorber_temperature", absorber_temperature, "K")
    tg = as_float("generator_temperature", generator_temperature, "K")
    eps = check_range("solution_hx_effectiveness", solution_hx_effectiveness, 0.0, 1.0, high_inclusive=False)
    check_range("condenser_temperature", tc, te, tg, "K", low_inclusive=False, high_inclusive=False)
    w = Fluid("Water")
    h0 = w.state(p=101325.0, T=273.15).h          # IF97 offset to the correlation's 0 degC reference
    x_w = libr_concentration(ta, te)
    x_s = libr_concentration(tg, tc)
    if not x_s > x_w:
        raise ValueError(f"single_effect_cycle: strong solution {x_s:.4f} is not stronger than weak {x_w:.4f}: the "
                         f"generator temperature {tg!r} K is too low for condenser {tc!r} K and absorber {ta!r} K")
    liq_c, _ = w.saturation(T=tc)
    _, vap_e = w.saturation(T=te)
    p_e, p_c = vap_e.p, liq_c.p
    # vapour leaves at the equilibrium temperature of the weak solution entering the generator
    # (Herold et al. 2016, sec. 6.1: the vapour is generated first where the solution enters)
    t_vap = libr_equilibrium_temperature(x_w, tc)
    h_vap_gen = w.state(p=p_c, T=t_vap).h - h0
    h_liq_c = liq_c.h - h0
    h_vap_e = vap_e.h - h0
    m_s = x_w / (x_s - x_w)
    m_w = x_s / (x_s - x_w)
    t_s_out = tg - eps * (tg - ta)
    h_s_g, h_s_out = libr_enthalpy(tg, x_s), libr_enthalpy(t_s_out, x_s)
    h_w_a = libr_enthalpy(ta, x_w)
    h_w_out = h_w_a + m_s * (h_s_g - h_s_out) / m_w
    q_g = h_vap_gen + m_s * h_s_g - m_w * h_w_out
    q_c = h_vap_gen - h_liq_c
    q_e = h_vap_e - h_liq_c
    q_a = h_vap_e + m_s * h_s_out - m_w * h_w_a
    return AbsorptionResult(cop=q_e / q_g, q_generator=q_g, q_absorber=q_a, q_condenser=q_c, q_evaporator=q_e,
                            weak_fraction=x_w, strong_fraction=x_s, circulation_ratio=m_w, evaporating_pressure=p_e,
                            condensing_pressure=p_c, energy_residual=q_g + q_e - q_c - q_a)


def _libr_temperature(enthalpy, mass_fraction) -> float:
    """Temperature [K] of aqueous LiBr of ``enthalpy`` [J/kg] (inverse of :func:`libr_enthalpy`,
    the root of its quadratic in t that lies in the correlation's range)."""
    x = 100.0 * mass_fraction
    a, b, c = _poly(_C_H, x), _poly(_B_H, x), _poly(_A_H, x) - enthalpy / 1e3
    disc = b * b - 4.0 * a * c
    roots = [(-b + sgn * math.sqrt(disc)) / (2.0 * a) for sgn in (1.0, -1.0)] if disc >= 0.0 else []
    good = [t for t in roots if 15.0 <= t <= 165.0]
    if not good:
        raise ValueError(f"solution enthalpy {enthalpy:.6g} J/kg at mass fraction {mass_fraction:.4f} lies outside "
                         "the enthalpy correlation's 15-165 C range")
    return min(good) + 273.15


@dataclass(frozen=True)
class DoubleEffectResult:
    """Series-flow double-effect cycle per kg/s of refrigerant (SI): cop [-]; q_generator (HTG,
    the driving heat), q_ltg (internal: HTG vapour condensing in the LTG), q_absorber,
    q_condenser, q_evaporator [W per kg/s of refrigerant]; weak_fraction, intermediate_fraction,
    strong_fraction [-]; circulation_ratio : kg weak solution per kg refrigerant [-];
    htg_vapour_share : share of the refrigerant boiled in the HTG [-]; high_pressure,
    condensing_pressure, evaporating_pressure [Pa]; htg_condensing_temperature T_ch and
    ltg_temperature T_gl [K]; energy_residual [W per kg/s]: HTG + evaporator - condenser -
    absorber; ltg_residual [W per kg/s]: the LTG balance at the solved pressure."""

    cop: float
    q_generator: float
    q_ltg: float
    q_absorber: float
    q_condenser: float
    q_evaporator: float
    weak_fraction: float
    intermediate_fraction: float
    strong_fraction: float
    circulation_ratio: float
    htg_vapour_share: float
    high_pressure: float
    condensing_pressure: float
    evaporating_pressure: float
    htg_condensing_temperature: float
    ltg_temperature: float
    energy_residual: float
    ltg_residual: float


def double_effect_cycle(evaporator_temperature, condenser_temperature, absorber_temperature,
                        generator_temperature, solution_hx_effectiveness=0.64,
                        ltg_approach=LTG_APPROACH) -> DoubleEffectResult:
    """Series-flow double-effect water/LiBr chiller (module docstring).

    Temperatures [K]: evaporator, condenser, absorber solution outlet, HTG solution outlet
    (``generator_temperature``); solution_hx_effectiveness [-] in [0, 1) for both solution heat
    exchangers; ltg_approach [K] > 0: HTG vapour condensing temperature minus LTG solution outlet.

    Examples
    --------
    >>> r = double_effect_cycle(278.15, 308.15, 308.15, 423.15, 0.7)
    >>> 1.1 < r.cop < 1.4, abs(r.energy_residual) < 1e-6 * r.q_generator
    (True, True)
    """
    te = as_float("evaporator_temperature", evaporator_temperature, "K")
    tc = as_float("condenser_temperature", condenser_temperature, "K")
    ta = as_float("absorber_temperature", absorber_temperature, "K")
    tg = as_float("generator_temperature", generator_temperature, "K")
    eps = check_range("solution_hx_effectiveness", solution_hx_effectiveness, 0.0, 1.0, high_inclusive=False)
    dt_ltg = check_range("ltg_approach", ltg_approach, 0.0, 30.0, "K", low_inclusive=False)
    check_range("condenser_temperature", tc, te, tg, "K", low_inclusive=False, high_inclusive=False)
    check_range("generator_temperature", tg, 288.15, 438.15, "K")
    w = Fluid("Water")
    h0 = w.state(p=101325.0, T=273.15).h          # IF97 offset to the correlation's 0 degC reference
    x_w = libr_concentration(ta, te)
    liq_c, _ = w.saturation(T=tc)
    _, vap_e = w.saturation(T=te)
    p_c, p_e = liq_c.p, vap_e.p
    h_liq_c, h_vap_e = liq_c.h - h0, vap_e.h - h0
    h_w_a = libr_enthalpy(ta, x_w)

    def states(t_ch):
        """Every state for an HTG condensing temperature t_ch [K]; returns (LTG surplus, dict)."""
        t_gl = t_ch - dt_ltg
        x_m = libr_concentration(tg, t_ch)
        x_s = libr_concentration(t_gl, tc)
        if not x_w < x_m < x_s:
            return None
        m_m, m_s = x_w / x_m, x_w / x_s            # per kg/s of weak solution
        m_v1, m_v2 = 1.0 - m_m, m_m - m_s
        h_s_gl = libr_enthalpy(t_gl, x_s)
        t_s_out = t_gl - eps * (t_gl - ta)
        h_s_out = libr_enthalpy(t_s_out, x_s)
        h_w2 = h_w_a + m_s * (h_s_gl - h_s_out)
        t_w2 = _libr_temperature(h_w2, x_w)
        h_m_g = libr_enthalpy(tg, x_m)
        t_m_out = tg - eps * (tg - t_w2)
        h_m_out = libr_enthalpy(t_m_out, x_m)
        h_w3 = h_w2 + m_m * (h_m_g - h_m_out)
        liq_h, _ = w.saturation(T=t_ch)
        p_h = liq_h.p
        h_v1 = w.state(p=p_h, T=libr_equilibrium_temperature(x_w, t_ch)).h - h0
        h_v2 = w.state(p=p_c, T=libr_equilibrium_temperature(x_m, tc)).h - h0
        h_l_ch = liq_h.h - h0
        q_ltg_supply = m_v1 * (h_v1 - h_l_ch)
        q_ltg_need = m_v2 * h_v2 + m_s * h_s_gl - m_m * h_m_out
        return q_ltg_supply - q_ltg_need, dict(
            x_m=x_m, x_s=x_s, m_m=m_m, m_s=m_s, m_v1=m_v1, m_v2=m_v2, p_h=p_h, t_gl=t_gl,
            q_g=m_v1 * h_v1 + m_m * h_m_g - h_w3, q_ltg=q_ltg_supply,
            q_c=m_v2 * h_v2 + m_v1 * h_l_ch - (m_v1 + m_v2) * h_liq_c,
            q_e=(m_v1 + m_v2) * (h_vap_e - h_liq_c),
            q_a=(m_v1 + m_v2) * h_vap_e + m_s * h_s_out - h_w_a)

    def surplus(t_ch):
        try:
            r = states(t_ch)
        except ValueError:        # outside the correlations' ranges: no cycle at this pressure
            return None
        return None if r is None else r[0]

    # the LTG surplus falls as p_h rises (less HTG vapour, hotter LTG): scan for the sign change
    grid = np.arange(tc + dt_ltg + 0.25, min(383.15, tg - 1.0), 0.5)
    values = [surplus(t) for t in grid]
    bracket = next(((a, b) for a, b, fa, fb in zip(grid[:-1], grid[1:], values[:-1], values[1:])
                    if fa is not None and fb is not None and fa > 0.0 >= fb), None)
    if bracket is None:
        raise ValueError(f"double_effect_cycle: no high-side pressure closes the LTG balance for generator "
                         f"{tg!r} K, condenser {tc!r} K, absorber {ta!r} K, evaporator {te!r} K (the generator is "
                         "too cold for a double effect, or the solution leaves the LiBr correlations' range)")
    t_ch = brentq(lambda t: states(t)[0], *bracket, xtol=1e-10)
    res, s = states(t_ch)
    m_ref = s["m_v1"] + s["m_v2"]
    k = 1.0 / m_ref
    return DoubleEffectResult(
        cop=s["q_e"] / s["q_g"], q_generator=s["q_g"] * k, q_ltg=s["q_ltg"] * k, q_absorber=s["q_a"] * k,
        q_condenser=s["q_c"] * k, q_evaporator=s["q_e"] * k, weak_fraction=x_w, intermediate_fraction=s["x_m"],
        strong_fraction=s["x_s"], circulation_ratio=k, htg_vapour_share=s["m_v1"] / m_ref, high_pressure=s["p_h"],
        condensing_pressure=p_c, evaporating_pressure=p_e, htg_condensing_temperature=t_ch,
        ltg_temperature=s["t_gl"], energy_residual=(s["q_g"] + s["q_e"] - s["q_c"] - s["q_a"]) * k,
        ltg_residual=res * k)
