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

Double-effect machines are not modelled here; ASHRAE Standard 90.1-2019 Table 6.8.1-3
gives their minimum full-load COP as 1.000 against 0.700 for water-cooled single effect.
"""
from __future__ import annotations

from dataclasses import dataclass

from scipy.optimize import brentq

from procsim.thermo.fluids import Fluid
from procsim.validation import as_float, check_range

__all__ = ["libr_equilibrium_temperature", "libr_enthalpy", "libr_concentration", "AbsorptionResult",
           "single_effect_cycle"]

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
