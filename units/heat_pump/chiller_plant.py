r"""Chiller plants: AHRI 550/590 IPLV, cooling towers (Merkel and effectiveness-NTU), plant kW/ton from
measured temperatures, flow and power with its uncertainty.

IPLV (AHRI 550/590 (I-P)-2020, sec. 5.4.1, eq. 11/12): weights 1 %, 42 %, 45 %, 12 % at 100,
75, 50, 25 % load; for an efficiency (COP, EER) the weighted mean, for kW/ton the weighted
harmonic mean:

.. math:: IPLV = 0.01A + 0.42B + 0.45C + 0.12D, \qquad
          IPLV_{kW/ton} = \frac{1}{0.01/A + 0.42/B + 0.45/C + 0.12/D}

Cooling tower, counterflow, Merkel's approximations (no evaporation in the water balance,
Lewis factor 1, air leaving saturated enthalpy driving force):

.. math:: Me = \frac{KaV}{\dot m_w} = \int_{T_{out}}^{T_{in}} \frac{c_{pw}\,dT}{h_{s}(T) - h_a(T)},\qquad
          h_a(T) = h_{a,in} + \frac{\dot m_w c_{pw}}{\dot m_a}(T - T_{out})

evaluated by the four-point Chebyshev rule at 0.1, 0.4, 0.6, 0.9 of the range (CTI
ATC-105; ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 40) or by adaptive quadrature.
The effectiveness model of Braun, Klein & Mitchell (1989) treats the tower as a
counterflow exchanger on moist-air enthalpy with the saturation specific heat
:math:`c_s = (h_{s,w,in} - h_{s,w,out})/(T_{w,in} - T_{w,out})`:
:math:`m^* = \dot m_a c_s/(\dot m_w c_{pw})`, :math:`\varepsilon_a` of a counterflow exchanger
with :math:`C_r = m^*`, :math:`Q = \varepsilon_a \dot m_a (h_{s,w,in} - h_{a,in})`.

Moist-air enthalpies [J/kg dry air] come from CoolProp's humid-air model (ASHRAE RP-1485,
``HAPropsSI``). Against the Merkel numbers of Baker & Shryock (1961, Table 1(b): cold water
80 F, wet bulb 70 F, L/G 1.2) the Chebyshev result is 0.3-0.4 % lower for ranges up to
10 F and 1.5-2.4 % lower for 15-25 F, a difference not traced to the saturated-air
enthalpies (CoolProp's agree with ASHRAE's table to 0.03 Btu/lb): a tower sized from it is
that much smaller (``tests/test_heat_pump_chiller_plant.py``).

References
----------
* AHRI Standard 550/590 (I-P)-2020, *Performance Rating of Water-Chilling and Heat Pump
  Water-Heating Packages Using the Vapor Compression Cycle*, sec. 5.4.
* F. Merkel, "Verdunstungskühlung", VDI-Forschungsheft 275, 1925.
* D. R. Baker, H. A. Shryock, "A comprehensive approach to the analysis of cooling tower
  performance", ASME J. Heat Transfer 83(3) (1961) 339-349.
* J. E. Braun, S. A. Klein, J. W. Mitchell, "Effectiveness models for cooling towers and
  cooling coils", ASHRAE Trans. 95(2) (1989) 164-174.
* ASHRAE Guideline 22-2012, *Instrumentation for Monitoring Central Chilled-Water Plant
  Efficiency*, sec. 6 and Annex (uncertainty of kW/ton from sensor accuracies).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from CoolProp.HumidAirProp import HAPropsSI
from scipy.integrate import quad

from procsim.validation import as_float, check_fraction, check_nonnegative, check_positive
from units.heat_exchanger import effectiveness

__all__ = ["AHRI_LOADS", "AHRI_ECWT", "AHRI_LCHWT", "ChillerPoint", "WaterCooledChiller", "affinity_power",
           "IPLV_WEIGHTS", "iplv", "saturated_air_enthalpy", "merkel_number", "CoolingTowerResult",
           "cooling_tower_effectiveness", "PlantEfficiency", "plant_efficiency", "TON"]

#: AHRI 550/590-2020 weights at 100, 75, 50, 25 % load
IPLV_WEIGHTS = (0.01, 0.42, 0.45, 0.12)
#: refrigeration ton [W]: 12,000 Btu/h (ASHRAE Handbook Fundamentals 2017, ch. 38, Table 3)
TON = 3516.8528420667
#: liquid water heat capacity [J/(kg K)] for the Merkel integral (IAPWS-IF97 at 30 C, 1 atm: 4179.6;
#: Merkel's method takes it constant)
CP_WATER = 4179.6
_P_ATM = 101325.0


def iplv(a, b, c, d, metric: str = "cop") -> float:
    """Integrated part-load value from the efficiencies at 100/75/50/25 % load (AHRI 550/590-2020).

    metric : "cop" or "eer" (higher is better: weighted mean) or "kw_per_ton" (weighted harmonic mean)

    Examples
    --------
    >>> round(iplv(0.60, 0.50, 0.45, 0.50, metric="kw_per_ton"), 4)
    0.4769
    """
    vals = [check_positive(n, v) for n, v in zip("abcd", (a, b, c, d))]
    if metric in ("cop", "eer"):
        return float(sum(w * v for w, v in zip(IPLV_WEIGHTS, vals)))
    if metric == "kw_per_ton":
        return float(1.0 / sum(w / v for w, v in zip(IPLV_WEIGHTS, vals)))
    raise ValueError(f"metric must be one of 'cop', 'eer', 'kw_per_ton'; got {metric!r}")


def saturated_air_enthalpy(T, p=_P_ATM) -> float:
    """Enthalpy of saturated moist air [J/kg dry air] at ``T`` [K], ``p`` [Pa] (CoolProp HAPropsSI)."""
    return float(HAPropsSI("H", "T", as_float("T", T, "K"), "P", p, "R", 1.0))


def _air_enthalpy(t_dry, t_wet, p):
    return float(HAPropsSI("H", "T", t_dry, "P", p, "Twb", t_wet))


def merkel_number(water_in, water_out, air_dry_bulb, air_wet_bulb, water_to_air_ratio, *, p=_P_ATM,
                  method: str = "chebyshev") -> float:
    """Merkel number KaV/L [-] needed to cool water from ``water_in`` to ``water_out`` [K].

    air_dry_bulb, air_wet_bulb : inlet air [K]; water_to_air_ratio : L/G, kg water per kg dry air
    method : "chebyshev" (four-point rule of CTI ATC-105) or "quad" (adaptive quadrature)

    Examples
    --------
    >>> round(merkel_number(308.15, 302.15, 303.15, 297.15, 1.2), 3)
    1.039
    """
    tin, tout = as_float("water_in", water_in, "K"), as_float("water_out", water_out, "K")
    if not tin > tout:
        raise ValueError(f"water_in must be > water_out {tout!r} K; got {tin!r} K")
    lg = check_positive("water_to_air_ratio", water_to_air_ratio)
    tdb, twb = as_float("air_dry_bulb", air_dry_bulb, "K"), as_float("air_wet_bulb", air_wet_bulb, "K")
    if not twb <= tdb:
        raise ValueError(f"air_wet_bulb must be <= air_dry_bulb {tdb!r} K; got {twb!r} K")
    if not tout > twb:
        raise ValueError(f"water_out must be > air_wet_bulb {twb!r} K (approach > 0); got {tout!r} K")
    h_in = _air_enthalpy(tdb, twb, p)

    def integrand(T):
        drive = saturated_air_enthalpy(T, p) - (h_in + lg * CP_WATER * (T - tout))
        if not drive > 0.0:
            raise ValueError(f"merkel_number: the air line touches saturation at {T:.6g} K (L/G {lg:g} too high "
                             "for this range and wet bulb): no tower can do this duty")
        return CP_WATER / drive

    rng = tin - tout
    if method == "chebyshev":
        return rng / 4.0 * sum(integrand(tout + f * rng) for f in (0.1, 0.4, 0.6, 0.9))
    if method == "quad":
        return float(quad(integrand, tout, tin, epsabs=0.0, epsrel=1e-10)[0])
    raise ValueError(f"method must be 'chebyshev' or 'quad'; got {method!r}")


@dataclass(frozen=True)
class CoolingTowerResult:
    """Effectiveness-NTU tower rating: duty [W], water_out [K], air_out_enthalpy [J/kg dry air],
    effectiveness (air side) [-], m_star [-], approach (water_out - wet bulb) [K], range [K],
    energy_residual : water heat minus air enthalpy gain [W]."""

    duty: float
    water_out: float
    air_out_enthalpy: float
    effectiveness: float
    m_star: float
    approach: float
    range: float
    energy_residual: float


def cooling_tower_effectiveness(ntu, water_in, water_flow, air_flow, air_dry_bulb, air_wet_bulb, *,
                                p=_P_ATM) -> CoolingTowerResult:
    """Rate a counterflow tower of given NTU (Braun, Klein & Mitchell 1989).

    ntu : h_D A_V V / m_a [-] (> 0); water_in [K]; water_flow, air_flow [kg/s, dry air];
    air_dry_bulb, air_wet_bulb [K]. The saturation specific heat c_s is iterated on the
    outlet water temperature (fixed point, 1e-9 K).
    """
    n = check_positive("ntu", ntu)
    tin = as_float("water_in", water_in, "K")
    mw, ma = check_positive("water_flow", water_flow, "kg/s"), check_positive("air_flow", air_flow, "kg/s")
    tdb, twb = as_float("air_dry_bulb", air_dry_bulb, "K"), as_float("air_wet_bulb", air_wet_bulb, "K")
    if not tin > twb:
        raise ValueError(f"water_in must be > air_wet_bulb {twb!r} K; got {tin!r} K")
    h_ai = _air_enthalpy(tdb, twb, p)
    h_swi = saturated_air_enthalpy(tin, p)
    tout = 0.5 * (tin + twb)
    for _ in range(100):
        cs = (h_swi - saturated_air_enthalpy(tout, p)) / (tin - tout)
        m_star = ma * cs / (mw * CP_WATER)
        cr = min(m_star, 1.0 / m_star)
        eps_min = float(effectiveness(n if m_star <= 1.0 else n * m_star, cr, "counterflow"))
        # effectiveness on the side with the smaller "capacity": air when m* <= 1
        eps_a = eps_min if m_star <= 1.0 else eps_min / m_star
        q = eps_a * ma * (h_swi - h_ai)
        t_new = tin - q / (mw * CP_WATER)
        if abs(t_new - tout) < 1e-9:
            tout = t_new
            break
        tout = t_new
    h_ao = h_ai + q / ma
    return CoolingTowerResult(duty=q, water_out=tout, air_out_enthalpy=h_ao, effectiveness=eps_a, m_star=m_star,
                              approach=tout - twb, range=tin - tout,
                              energy_residual=mw * CP_WATER * (tin - tout) - ma * (h_ao - h_ai))


@dataclass(frozen=True)
class PlantEfficiency:
    """Measured chilled-water plant efficiency.

    cooling [W]; power [W]; kw_per_ton [kW/ton]; cop [-]; uncertainty_kw_per_ton : expanded
    (k = 2) uncertainty [kW/ton]; relative_uncertainty [-]; contributions : dict of each
    sensor's share of the variance [-].
    """

    cooling: float
    power: float
    kw_per_ton: float
    cop: float
    uncertainty_kw_per_ton: float
    relative_uncertainty: float
    contributions: dict


def plant_efficiency(chilled_water_flow, supply_temperature, return_temperature, power, *,
                     flow_uncertainty=0.01, temperature_uncertainty=0.1, power_uncertainty=0.01,
                     coverage=2.0) -> PlantEfficiency:
    r"""Plant kW/ton from measured chilled-water flow [kg/s], supply and return temperatures [K]
    and total plant power [W] (chillers, pumps, tower fans), with its uncertainty.

    :math:`Q = \dot m c_p (T_r - T_s)`; relative standard uncertainties add in quadrature
    (GUM, JCGM 100:2008 eq. 10): :math:`u_Q^2/Q^2 = u_m^2 + 2u_T^2/\Delta T^2` (two
    independent temperature sensors), :math:`u^2_{kW/ton} = u_P^2 + u_Q^2/Q^2`.

    flow_uncertainty, power_uncertainty : relative standard uncertainties [-] (defaults 1 %:
        assumptions for a magnetic flow meter and a class-0.5 power meter with CTs);
    temperature_uncertainty : standard uncertainty of each sensor [K] (default 0.1 K, an
        assumption for field RTDs); coverage : coverage factor k (2: about 95 %).

    Examples
    --------
    >>> r = plant_efficiency(100.0, 280.15, 285.65, 450e3)
    >>> round(r.kw_per_ton, 3), round(r.relative_uncertainty, 3)
    (0.688, 0.059)
    """
    m = check_positive("chilled_water_flow", chilled_water_flow, "kg/s")
    ts, tr = as_float("supply_temperature", supply_temperature, "K"), as_float("return_temperature",
                                                                               return_temperature, "K")
    if not tr > ts:
        raise ValueError(f"return_temperature must be > supply_temperature {ts!r} K; got {tr!r} K")
    pw = check_positive("power", power, "W")
    for name, v in (("flow_uncertainty", flow_uncertainty), ("power_uncertainty", power_uncertainty)):
        check_fraction(name, v)
    ut = check_nonnegative("temperature_uncertainty", temperature_uncertainty, "K")
    dt = tr - ts
    q = m * CP_WATER * dt
    kwt = (pw / 1e3) / (q / TON)
    var = {"flow": flow_uncertainty ** 2, "temperature": 2.0 * ut ** 2 / dt ** 2, "power": power_uncertainty ** 2}
    total = sum(var.values())
    rel = coverage * math.sqrt(total)
    return PlantEfficiency(cooling=q, power=pw, kw_per_ton=kwt, cop=q / pw, uncertainty_kw_per_ton=rel * kwt,
                           relative_uncertainty=rel, contributions={k: v / total for k, v in var.items()})


#: AHRI 550/590 (I-P)-2020 Table 3, water-cooled: entering condenser water 85/75/65/65 F at
#: 100/75/50/25 % load (here in K), chilled water leaving 44 F at every load
AHRI_LOADS = (1.0, 0.75, 0.50, 0.25)
AHRI_ECWT = (302.594, 297.039, 291.483, 291.483)
AHRI_LCHWT = 279.817


@dataclass(frozen=True)
class ChillerPoint:
    """One operating point of :class:`WaterCooledChiller`: cooling [W], compressor_power [W]
    (electric), cop [-], kw_per_ton [kW/ton], evaporating/condensing temperatures [K],
    condenser_water_out [K], energy_residual [W] (cooling + shaft power - condenser heat)."""

    cooling: float
    compressor_power: float
    cop: float
    kw_per_ton: float
    evaporating_temperature: float
    condensing_temperature: float
    condenser_water_out: float
    energy_residual: float


@dataclass(frozen=True)
class WaterCooledChiller:
    r"""Vapour-compression water-cooled chiller on exact CoolProp states, with a fixed-UA part-load rule.

    Parameters
    ----------
    refrigerant : CoolProp name or R-number; capacity : full-load cooling [W]
    evaporator_approach, condenser_approach : full-load leaving-water to saturation approach [K];
        at part load each falls in proportion to the load (fixed UA, duty-proportional LMTD:
        an approximation for VFD machines whose flows stay constant)
    condenser_water_flow : [kg/s]; default 3 US gal/min per ton of capacity (the AHRI 550/590
        (I-P)-2020 rating flow, Table 3)
    isentropic_efficiency : (0, 1] or "brunin1997"; motor_efficiency : (0, 1]

    Examples
    --------
    >>> ch = WaterCooledChiller("R134a", 1.0e6)
    >>> round(ch.rate(1.0, AHRI_ECWT[0]).kw_per_ton, 2)
    0.58
    """

    refrigerant: str
    capacity: float
    evaporator_approach: float = 1.5
    condenser_approach: float = 1.5
    condenser_water_flow: float | None = None
    isentropic_efficiency: float | str = "brunin1997"
    motor_efficiency: float = 0.95
    superheat: float = 1.0

    def __post_init__(self):
        check_positive("WaterCooledChiller capacity", self.capacity, "W")
        check_positive("WaterCooledChiller evaporator_approach", self.evaporator_approach, "K")
        check_positive("WaterCooledChiller condenser_approach", self.condenser_approach, "K")
        check_fraction("WaterCooledChiller motor_efficiency", self.motor_efficiency, allow_zero=False)
        if self.condenser_water_flow is None:
            # 3 US gal/min per ton: 3 * 3.785411784e-3 / 60 m3/s * 995.6 kg/m3 (29.4 C) per 3516.85 W
            object.__setattr__(self, "condenser_water_flow",
                               self.capacity / TON * 3.0 * 3.785411784e-3 / 60.0 * 995.6)
        check_positive("WaterCooledChiller condenser_water_flow", self.condenser_water_flow, "kg/s")

    def rate(self, load_fraction, entering_condenser_water, leaving_chilled_water=AHRI_LCHWT) -> ChillerPoint:
        """Operate at ``load_fraction`` (0.1-1) with entering condenser water [K] and leaving chilled water [K]."""
        from .cycle import vapour_compression_cycle
        lf = check_fraction("load_fraction", load_fraction, allow_zero=False)
        if lf < 0.1:
            raise ValueError(f"load_fraction must be in [0.1, 1]; got {lf!r}")
        q = lf * self.capacity
        te = as_float("leaving_chilled_water", leaving_chilled_water, "K") - lf * self.evaporator_approach
        ecw = as_float("entering_condenser_water", entering_condenser_water, "K")
        tc = ecw + lf * self.condenser_approach
        for _ in range(100):   # condenser water rise depends on the condenser heat (fixed point)
            c = vapour_compression_cycle(self.refrigerant, te, tc, superheat=self.superheat,
                                         isentropic_efficiency=self.isentropic_efficiency)
            q_cond = q * c.cop_heating / c.cop_cooling
            lcw = ecw + q_cond / (self.condenser_water_flow * CP_WATER)
            tc_new = lcw + lf * self.condenser_approach
            if abs(tc_new - tc) < 1e-9:
                break
            tc = tc_new
        w_shaft = q / c.cop_cooling
        p = w_shaft / self.motor_efficiency
        return ChillerPoint(cooling=q, compressor_power=p, cop=q / p, kw_per_ton=(p / 1e3) / (q / TON),
                            evaporating_temperature=te, condensing_temperature=tc, condenser_water_out=lcw,
                            energy_residual=q + w_shaft - q_cond)

    def iplv(self) -> tuple[float, tuple]:
        """(IPLV [kW/ton], the four ChillerPoints) at the AHRI 550/590 rating conditions."""
        pts = tuple(self.rate(lf, ecwt) for lf, ecwt in zip(AHRI_LOADS, AHRI_ECWT))
        return iplv(*(p.kw_per_ton for p in pts), metric="kw_per_ton"), pts


def affinity_power(design_power, flow_fraction, exponent=3.0) -> float:
    """Pump or fan power [W] at a flow fraction by the affinity laws, :math:`P = P_d (Q/Q_d)^n`
    (n = 3 for a variable-speed machine on a system with no static head; Karassik et al.,
    *Pump Handbook*, 4th ed., McGraw-Hill, 2008, sec. 2.3)."""
    pd = check_nonnegative("design_power", design_power, "W")
    f = check_fraction("flow_fraction", flow_fraction)
    n = check_positive("exponent", exponent)
    return pd * f ** n
