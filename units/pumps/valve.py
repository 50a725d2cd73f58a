r"""Control valve flow coefficient Kv/Cv for turbulent incompressible flow (IEC 60534-2-1).

Non-choked flow (IEC 60534-2-1:2011, eq. 1), valve without attached fittings (:math:`F_P = 1`):

.. math:: C = \frac{Q}{N_1}\sqrt{\frac{\rho_1/\rho_0}{\Delta p}}

choked flow when :math:`\Delta p \ge \Delta p_{choked} = F_L^2 (p_1 - F_F p_v)` (eq. 3):

.. math:: C = \frac{Q}{N_1 F_L}\sqrt{\frac{\rho_1/\rho_0}{p_1 - F_F p_v}}, \qquad
          F_F = 0.96 - 0.28\sqrt{p_v/p_c}\ \text{(eq. 6)}

with Q in m3/h, pressures in kPa, :math:`N_1 = 0.1` for Kv [m3/h] and :math:`8.65\times10^{-2}`
for Cv [US gpm at 1 psi] (Table 1), :math:`\rho_0` water at 15 C. Turbulence is checked with the
valve Reynolds number (eq. 23, :math:`N_2 = 1.60\times10^{-3}`, :math:`N_4 = 7.07\times10^{-2}`
for Kv, d in mm):

.. math:: Re_v = \frac{N_4 F_d Q}{\nu\sqrt{C F_L}}\left(\frac{F_L^2 C^2}{N_2 d^4} + 1\right)^{1/4}

and the equations hold for :math:`Re_v \ge 10\,000`; below it a Reynolds-number factor is needed
(not modelled here: the call raises). Reducers or expanders around the valve (:math:`F_P < 1`)
are not modelled: the valve is taken to be line size.

References
----------
* IEC 60534-2-1:2011, *Industrial-process control valves - Part 2-1: Flow capacity - Sizing
  equations for fluid flow under installed conditions*, eqs. 1, 3, 6, 23, Table 1, Annex D
  (worked examples 1 and 2, reproduced in the tests).
* IEC 60534-1:2005, *Part 1: Control valve terminology and general considerations*, sec. 3
  (Kv = 0.865 Cv).
* IAPWS-95 (Wagner & Pruss, J. Phys. Chem. Ref. Data 31 (2002) 387): water at 15 C and
  101.325 kPa, 999.10 kg/m3.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from procsim.validation import check_positive, check_range

__all__ = ["ValveSizing", "size_liquid_valve", "liquid_valve_flow", "KV_PER_CV", "WATER_DENSITY_15C"]

#: Kv [m3/h at 1 bar] per Cv [US gpm at 1 psi] (IEC 60534-1:2005: Kv = 0.865 Cv)
KV_PER_CV = 0.865
#: reference water density at 15 C [kg/m3] (IAPWS-95, 101.325 kPa)
WATER_DENSITY_15C = 999.10
_N1_KV = 0.1        # IEC 60534-2-1 Table 1: Kv, Q m3/h, p kPa
_N2 = 1.60e-3       # Table 1: d in mm
_N4_KV = 7.07e-2    # Table 1: Kv, Q m3/h, nu m2/s
_RE_TURBULENT = 1.0e4


@dataclass(frozen=True)
class ValveSizing:
    """Liquid valve sizing result: kv [m3/h at 1 bar dp]; cv [US gpm at 1 psi dp]; choked (bool);
    liquid_critical_pressure_ratio F_F [-]; choked_pressure_drop dp at which flow chokes [Pa];
    reynolds Re_v [-] (NaN when no viscosity was given)."""

    kv: float
    cv: float
    choked: bool
    liquid_critical_pressure_ratio: float
    choked_pressure_drop: float
    reynolds: float


def _ff(vapour_pressure, critical_pressure):
    pv = check_positive("vapour_pressure", vapour_pressure, "Pa")
    pc = check_positive("critical_pressure", critical_pressure, "Pa")
    if not pv < pc:
        raise ValueError(f"vapour_pressure must be < critical_pressure {pc!r} Pa; got {pv!r} Pa")
    return pv, 0.96 - 0.28 * math.sqrt(pv / pc)


def _liquid_service(inlet_pressure, outlet_pressure, density, vapour_pressure, critical_pressure,
                    pressure_recovery_factor):
    """Validated service conditions shared by sizing and its inverse: p1, p2 [Pa], density
    [kg/m3], vapour pressure [Pa], F_F [-], F_L [-]."""
    p1 = check_positive("inlet_pressure", inlet_pressure, "Pa")
    p2 = check_range("outlet_pressure", outlet_pressure, 0.0, p1, "Pa", low_inclusive=False,
                     high_inclusive=False)
    rho = check_positive("density", density, "kg/m3")
    pv, ff = _ff(vapour_pressure, critical_pressure)
    fl = check_range("pressure_recovery_factor", pressure_recovery_factor, 0.0, 1.0, low_inclusive=False)
    return p1, p2, rho, pv, ff, fl


def size_liquid_valve(flow, inlet_pressure, outlet_pressure, density, vapour_pressure, critical_pressure,
                      pressure_recovery_factor, *, kinematic_viscosity=None, valve_style_modifier=None,
                      valve_diameter=None) -> ValveSizing:
    """Kv and Cv a line-size valve needs to pass ``flow`` of a liquid (module docstring).

    Parameters
    ----------
    flow : [m3/s] at inlet conditions, > 0
    inlet_pressure, outlet_pressure : absolute [Pa], inlet > outlet > 0
    density : liquid at the inlet [kg/m3] > 0
    vapour_pressure : at the inlet temperature [Pa]; critical_pressure : of the liquid [Pa]
    pressure_recovery_factor : F_L [-] in (0, 1] (from the valve maker)
    kinematic_viscosity [m2/s], valve_style_modifier F_d [-] in (0, 1], valve_diameter [m]:
        give all three to check that the flow is turbulent (Re_v >= 10,000)

    Examples
    --------
    >>> r = size_liquid_valve(360 / 3600, 680e3, 220e3, 965.4, 70.1e3, 22120e3, 0.90)
    >>> round(r.kv, 1), r.choked        # IEC 60534-2-1 Annex D example 1: Kv 165 m3/h
    (165.0, False)
    """
    q = check_positive("flow", flow, "m3/s") * 3600.0
    p1, p2, rho, pv, ff, fl = _liquid_service(inlet_pressure, outlet_pressure, density, vapour_pressure,
                                              critical_pressure, pressure_recovery_factor)
    rel = rho / WATER_DENSITY_15C
    dp_kpa = (p1 - p2) / 1e3
    dp_choked = fl * fl * (p1 - ff * pv) / 1e3
    choked = dp_kpa >= dp_choked
    if choked:
        if not p1 - ff * pv > 0.0:
            raise ValueError(f"inlet_pressure {p1!r} Pa must exceed F_F * vapour_pressure {ff * pv:.6g} Pa: "
                             "the liquid flashes at the valve inlet")
        kv = q / (_N1_KV * fl) * math.sqrt(rel / ((p1 - ff * pv) / 1e3))
    else:
        kv = q / _N1_KV * math.sqrt(rel / dp_kpa)
    given = [v is not None for v in (kinematic_viscosity, valve_style_modifier, valve_diameter)]
    re_v = math.nan
    if any(given):
        if not all(given):
            raise ValueError("kinematic_viscosity, valve_style_modifier and valve_diameter go together "
                             "(the Reynolds-number check needs all three)")
        nu = check_positive("kinematic_viscosity", kinematic_viscosity, "m2/s")
        fd = check_range("valve_style_modifier", valve_style_modifier, 0.0, 1.0, low_inclusive=False)
        d_mm = check_positive("valve_diameter", valve_diameter, "m") * 1e3
        re_v = _N4_KV * fd * q / (nu * math.sqrt(kv * fl)) * (fl * fl * kv * kv / (_N2 * d_mm ** 4) + 1.0) ** 0.25
        if re_v < _RE_TURBULENT:
            raise ValueError(f"size_liquid_valve: valve Reynolds number {re_v:.6g} < 10000: the flow is not "
                             "turbulent and needs IEC 60534-2-1's Reynolds-number factor, not modelled here")
    return ValveSizing(kv=kv, cv=kv / KV_PER_CV, choked=bool(choked), liquid_critical_pressure_ratio=ff,
                       choked_pressure_drop=dp_choked * 1e3, reynolds=re_v)


def liquid_valve_flow(kv, inlet_pressure, outlet_pressure, density, vapour_pressure, critical_pressure,
                      pressure_recovery_factor) -> float:
    """Volume flow [m3/s] through a line-size valve of ``kv`` [m3/h at 1 bar] (the inverse of
    :func:`size_liquid_valve`, turbulent; choked flow capped at the choked pressure drop)."""
    c = check_positive("kv", kv, "m3/h")
    p1, p2, rho, pv, ff, fl = _liquid_service(inlet_pressure, outlet_pressure, density, vapour_pressure,
                                              critical_pressure, pressure_recovery_factor)
    dp = min(p1 - p2, max(fl * fl * (p1 - ff * pv), 0.0)) / 1e3
    return c * _N1_KV * math.sqrt(dp / (rho / WATER_DENSITY_15C)) / 3600.0
