r"""Vapour-compression cycles on exact CoolProp states: single stage, transcritical, IHX, two-stage, cascade.

Single-stage cycle (state names used in :attr:`CycleResult.states`)::

    evaporator_outlet (= compressor suction without IHX) -> compressor_inlet (after the IHX
    vapour side) -> compressor_outlet -> condenser_outlet (gas-cooler outlet when
    transcritical) -> valve_inlet (after the IHX liquid side) -> evaporator_inlet

Per kg of refrigerant through the condenser:

.. math::
    q_{cond} = h_2 - h_3,\quad q_{evap} = h_1 - h_4,\quad w = h_2 - h_1,\quad
    h_2 = h_1 + (h_{2s} - h_1)/\eta_s,\quad h_4 = h_3 \;(\text{isenthalpic valve}),

:math:`\mathrm{COP}_h = q_{cond}/w`, :math:`\mathrm{COP}_c = q_{evap}/w`. Saturation
pressures are those of the saturated vapour at the evaporating temperature and the
saturated liquid at the condensing temperature (equal for the pure fluids handled here).
Pressure drops in exchangers and lines are neglected (an assumption of the ideal cycle).

References
----------
* W. F. Stoecker, J. W. Jones, *Refrigeration and Air Conditioning*, 2nd ed., McGraw-Hill,
  1982, ch. 10 (vapour-compression cycle, the standard state numbering) and ch. 16
  (two-stage cycles with flash-tank economiser).
* Y. A. Cengel, M. A. Boles, *Thermodynamics: An Engineering Approach*, 8th ed.,
  McGraw-Hill, 2015, sec. 11-3 to 11-7 (actual, cascade and multistage cycles).
* S. M. Liao, T. S. Zhao, A. Jakobsen, "A correlation of optimal heat rejection pressures
  in transcritical carbon dioxide cycles", Appl. Therm. Eng. 20 (2000) 831-841,
  doi:10.1016/S1359-4311(99)00070-8.
* J. Brunin, M. Feidt, B. Hivet, "Comparison of the working domains of some compression
  heat pumps and a compression-absorption heat pump", Int. J. Refrig. 20 (1997) 308-318,
  doi:10.1016/S0140-7007(97)00025-X (isentropic efficiency 0.874 - 0.0135 pressure ratio).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.optimize import minimize_scalar

from procsim.quantities import to_si
from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from procsim.thermo.fluids import Fluid
from procsim.validation import as_float, check_nonnegative, check_range

from .refrigerants import coolprop_name

__all__ = ["StatePoint", "CycleResult", "simple_cycle", "vapour_compression_cycle", "two_stage_cycle",
           "cascade_cycle", "CascadeResult", "brunin_isentropic_efficiency", "liao_optimal_pressure",
           "lorenz_cop", "log_mean_temperature", "STATE_NAMES"]

STATE_NAMES = ("evaporator_outlet", "compressor_inlet", "compressor_outlet", "condenser_outlet",
               "valve_inlet", "evaporator_inlet")

#: Brunin et al. (1997) fit, eta_s = A - B * pressure ratio, for reciprocating/screw heat-pump
#: compressors; their fitted range of pressure ratio is about 1.5 to 10.
BRUNIN_A, BRUNIN_B = 0.874, 0.0135
BRUNIN_RANGE = (1.0, 30.0)


def brunin_isentropic_efficiency(pressure_ratio):
    r"""Compressor isentropic efficiency [-] from the pressure ratio (Brunin et al. 1997).

    .. math:: \eta_s = 0.874 - 0.0135\,\frac{p_{out}}{p_{in}}

    Parameters
    ----------
    pressure_ratio : discharge over suction pressure [-], in [1, 30]

    References
    ----------
    J. Brunin, M. Feidt, B. Hivet, Int. J. Refrig. 20 (1997) 308-318 (as used by
    Ommen, Jensen, Markussen, Elmegaard, Int. J. Refrig. 55 (2015) 168-182, Table 2).

    Examples
    --------
    >>> round(brunin_isentropic_efficiency(4.0), 4)
    0.82
    """
    pr = check_range("pressure_ratio", pressure_ratio, *BRUNIN_RANGE)
    return BRUNIN_A - BRUNIN_B * pr


def liao_optimal_pressure(evaporating_temperature, gas_cooler_outlet_temperature):
    r"""Optimal gas-cooler pressure [Pa] of a transcritical CO2 cycle (Liao, Zhao, Jakobsen 2000).

    .. math:: p_{opt}\,[\mathrm{bar}] = (2.778 - 0.0157\,t_e)\,t_{gc} + (0.381\,t_e - 9.34)

    with :math:`t_e`, :math:`t_{gc}` in degC; fitted for t_e in [-10, 20] degC and
    t_gc in [30, 60] degC (eq. 9 of the paper).

    Examples
    --------
    >>> round(liao_optimal_pressure(273.15, 313.15) / 1e5, 2)
    101.78
    """
    te = as_float("evaporating_temperature", evaporating_temperature, "K") - 273.15
    tg = as_float("gas_cooler_outlet_temperature", gas_cooler_outlet_temperature, "K") - 273.15
    return ((2.778 - 0.0157 * te) * tg + (0.381 * te - 9.34)) * 1e5


def log_mean_temperature(t_in, t_out):
    """Thermodynamic mean temperature [K] of a stream with constant cp: (T_in - T_out)/ln(T_in/T_out)."""
    t_in = as_float("t_in", t_in, "K")
    t_out = as_float("t_out", t_out, "K")
    if abs(t_in - t_out) < 1e-9 * t_in:
        return 0.5 * (t_in + t_out)
    return (t_in - t_out) / math.log(t_in / t_out)


def lorenz_cop(sink_in, sink_out, source_in, source_out):
    r"""Lorenz (ideal gliding-temperature) heating COP [-].

    .. math:: \mathrm{COP}_{Lor} = \frac{\bar T_{sink}}{\bar T_{sink} - \bar T_{source}},
              \qquad \bar T = \frac{T_{in} - T_{out}}{\ln(T_{in}/T_{out})}

    References
    ----------
    B. Zühlsdorf, J. K. Jensen, B. Elmegaard, "Heat pump working fluid selection: economic
    and thermodynamic comparison of criteria and boundary conditions", Int. J. Refrig. 98
    (2019) 500-513, doi:10.1016/j.ijrefrig.2018.11.034, eq. 2-3 (Lorenz efficiency =
    COP / COP_Lorenz).

    Examples
    --------
    >>> round(lorenz_cop(323.15, 363.15, 313.15, 303.15), 3)    # sink 50->90 C, source 40->30 C
    9.895
    """
    t_sink = log_mean_temperature(sink_in, sink_out)
    t_src = log_mean_temperature(source_in, source_out)
    if not t_sink > t_src:
        raise ValueError(f"lorenz_cop: mean sink temperature {t_sink:.6g} K must exceed mean source "
                         f"temperature {t_src:.6g} K")
    return t_sink / (t_sink - t_src)


@dataclass(frozen=True)
class StatePoint:
    """One refrigerant state: name, T [K], p [Pa], h [J/kg], s [J/(kg K)], x [-] (equilibrium quality;
    NaN above the critical pressure)."""

    name: str
    T: float
    p: float
    h: float
    s: float
    x: float


def _point(name, st) -> StatePoint:
    return StatePoint(name, st.T, st.p, st.h, st.s, st.x)


@dataclass(frozen=True)
class CycleResult:
    """Single-stage vapour-compression cycle per kg of refrigerant (SI).

    Attributes
    ----------
    refrigerant : CoolProp name
    cop_heating, cop_cooling : q_condenser / w_compressor, q_evaporator / w_compressor [-]
    q_condenser, q_evaporator, w_compressor : [J/kg]
    q_ihx : heat passed in the internal heat exchanger [J/kg] (0 without one)
    states : StatePoint tuple, names :data:`STATE_NAMES` (a point without IHX repeats the
        one before it)
    isentropic_discharge : compressor outlet after isentropic compression (StatePoint)
    evaporating_pressure, condensing_pressure : [Pa] (the gas-cooler pressure if transcritical)
    pressure_ratio : [-]; isentropic_efficiency : [-] (as used)
    transcritical : True when heat is rejected above the critical pressure
    volumetric_heating_capacity, volumetric_cooling_capacity : q / v_suction [J/m3]
    discharge_temperature : [K]
    energy_residual : q_condenser - q_evaporator - w_compressor [J/kg] (0 up to rounding)
    """

    refrigerant: str
    cop_heating: float
    cop_cooling: float
    q_condenser: float
    q_evaporator: float
    w_compressor: float
    q_ihx: float
    states: tuple
    isentropic_discharge: StatePoint
    evaporating_pressure: float
    condensing_pressure: float
    pressure_ratio: float
    isentropic_efficiency: float
    transcritical: bool
    volumetric_heating_capacity: float
    volumetric_cooling_capacity: float
    discharge_temperature: float
    energy_residual: float

    def state(self, name: str) -> StatePoint:
        """The state called ``name`` (one of :data:`STATE_NAMES`)."""
        if name not in STATE_NAMES:
            raise ValueError(f"state name must be one of {', '.join(STATE_NAMES)}; got {name!r}")
        return self.states[STATE_NAMES.index(name)]


def refrigerant_fluid(refrigerant) -> Fluid:
    """The :class:`Fluid` for a refrigerant given as a Fluid, a CoolProp name or an R-number."""
    if isinstance(refrigerant, Fluid):
        return refrigerant
    if not isinstance(refrigerant, str):
        raise ValueError(f"refrigerant must be a CoolProp fluid name or an R-number; got {refrigerant!r}")
    return Fluid(coolprop_name(refrigerant))


def _temperature(name, value, low, high):
    t = as_float(name, value if isinstance(value, (int, float)) else to_si(value, "temperature"), "K")
    return check_range(name, t, low, high, "K", low_inclusive=False, high_inclusive=False)


def _eta(isentropic_efficiency, pressure_ratio):
    if isinstance(isentropic_efficiency, str):
        if isentropic_efficiency != "brunin1997":
            raise ValueError(f"isentropic_efficiency must be a number in (0, 1] or 'brunin1997'; "
                             f"got {isentropic_efficiency!r}")
        return brunin_isentropic_efficiency(pressure_ratio)
    eta = as_float("isentropic_efficiency", isentropic_efficiency)
    return check_range("isentropic_efficiency", eta, 0.0, 1.0, low_inclusive=False)


def vapour_compression_cycle(refrigerant, evaporating_temperature, condensing_temperature=None, *,
                             superheat=0.0, subcooling=0.0, isentropic_efficiency=0.7,
                             gas_cooler_pressure=None, gas_cooler_outlet_temperature=None,
                             ihx_effectiveness=0.0) -> CycleResult:
    r"""Single-stage cycle, subcritical or transcritical, with an optional internal heat exchanger.

    Parameters
    ----------
    refrigerant : CoolProp name, R-number ("R717", "R744", ...) or a :class:`Fluid`
    evaporating_temperature : saturation temperature in the evaporator [K], above the fluid's
        minimum temperature and below its critical temperature
    condensing_temperature : saturation temperature in the condenser [K], above the
        evaporating temperature and below the critical temperature (subcritical cycles)
    superheat : evaporator-outlet superheat [K], >= 0
    subcooling : condenser-outlet subcooling [K], >= 0 (subcritical only)
    isentropic_efficiency : compressor isentropic efficiency in (0, 1], or "brunin1997"
        for :func:`brunin_isentropic_efficiency` at the cycle's pressure ratio
    gas_cooler_pressure, gas_cooler_outlet_temperature : transcritical heat rejection
        [Pa, K]; give both instead of ``condensing_temperature``. ``gas_cooler_pressure=
        "optimal"`` maximises the COP (bounded search between 1.01 p_c and 3 p_c; the
        correlation of :func:`liao_optimal_pressure` is a cross-check for CO2)
    ihx_effectiveness : suction-line internal heat exchanger effectiveness in [0, 1): the
        vapour is heated by :math:`\varepsilon\,(T_{liq} - T_{vap})` at most, the heat
        being taken with equal enthalpy change from the liquid (Klein, Reindl, Brownell,
        Int. J. Refrig. 23 (2000) 588-596, eq. 1, effectiveness on the vapour side, whose
        heat-capacity flow is the smaller)

    Returns
    -------
    :class:`CycleResult`

    Examples
    --------
    >>> r = vapour_compression_cycle("R744", 273.15, gas_cooler_pressure=10e6,
    ...                              gas_cooler_outlet_temperature=308.15, isentropic_efficiency=0.7)
    >>> r.transcritical, round(r.cop_heating, 3)
    (True, 3.335)
    """
    F = refrigerant_fluid(refrigerant)
    t_min = F.minimum_temperature if hasattr(F, "minimum_temperature") else 0.0
    te = _temperature("evaporating_temperature", evaporating_temperature, t_min, F.critical_temperature)
    sh = check_nonnegative("superheat", as_float("superheat", superheat, "K"), "K")
    sc = check_nonnegative("subcooling", as_float("subcooling", subcooling, "K"), "K")
    eps = check_range("ihx_effectiveness", as_float("ihx_effectiveness", ihx_effectiveness), 0.0, 1.0,
                      high_inclusive=False)
    transcritical = condensing_temperature is None
    if transcritical:
        if gas_cooler_pressure is None or gas_cooler_outlet_temperature is None:
            raise ValueError("vapour_compression_cycle needs condensing_temperature (subcritical) or both "
                             "gas_cooler_pressure and gas_cooler_outlet_temperature (transcritical)")
        if sc:
            raise ValueError(f"subcooling must be 0 K for a transcritical cycle; got {sc!r} K")
        t_gc = _temperature("gas_cooler_outlet_temperature", gas_cooler_outlet_temperature, te,
                            F.maximum_temperature if hasattr(F, "maximum_temperature") else 2000.0)
        if isinstance(gas_cooler_pressure, str) and gas_cooler_pressure == "optimal":
            pc = F.critical_pressure

            def neg_cop(p):
                return -_single(F, te, None, sh, 0.0, isentropic_efficiency, eps, p, t_gc).cop_heating
            opt = minimize_scalar(neg_cop, bounds=(1.01 * pc, 3.0 * pc), method="bounded",
                                  options={"xatol": 1e-6 * pc})
            p_gc = float(opt.x)
        else:
            p_gc = as_float("gas_cooler_pressure", gas_cooler_pressure, "Pa")
            check_range("gas_cooler_pressure", p_gc, F.critical_pressure, F.maximum_pressure, "Pa",
                        low_inclusive=False)
        return _single(F, te, None, sh, 0.0, isentropic_efficiency, eps, p_gc, t_gc)
    tc = _temperature("condensing_temperature", condensing_temperature, te, F.critical_temperature)
    if not tc - sc > t_min:
        raise ValueError(f"subcooling must be < {tc - t_min:g} K (condensing temperature minus the "
                         f"fluid's minimum temperature {t_min:g} K); got {sc!r} K")
    return _single(F, te, tc, sh, sc, isentropic_efficiency, eps, None, None)


def _single(F, te, tc, sh, sc, isentropic_efficiency, eps, p_gc, t_gc) -> CycleResult:
    vap_e = F.saturation(T=te)[1]
    p_e = vap_e.p
    s1 = F.state(p=p_e, T=te + sh) if sh > 0.0 else vap_e
    if tc is not None:
        liq_c = F.saturation(T=tc)[0]
        p_c = liq_c.p
        s3 = F.state(p=p_c, T=tc - sc) if sc > 0.0 else liq_c
    else:
        p_c = p_gc
        s3 = F.state(p=p_c, T=t_gc)
    # internal heat exchanger: vapour side (1 -> 1') heated towards the liquid temperature
    q_ihx = 0.0
    s1c, s3v = s1, s3
    if eps > 0.0:
        if not s3.T > s1.T:
            raise ValueError(f"ihx_effectiveness > 0 needs the liquid ({s3.T:.6g} K) warmer than the "
                             f"suction vapour ({s1.T:.6g} K)")
        q_ihx = eps * (F.state(p=p_e, T=s3.T).h - s1.h)
        s1c = F.state(p=p_e, h=s1.h + q_ihx)
        s3v = F.state(p=p_c, h=s3.h - q_ihx)
    pr = p_c / p_e
    eta = _eta(isentropic_efficiency, pr)
    s2s = F.state(p=p_c, s=s1c.s)
    h2 = isentropic_outlet_enthalpy(s1c.h, s2s.h, eta)
    s2 = F.state(p=p_c, h=h2)
    s4 = F.state(p=p_e, h=s3v.h)
    q_cond = s2.h - s3.h
    q_evap = s1.h - s4.h
    w = s2.h - s1c.h
    v1 = 1.0 / F.state(p=p_e, h=s1c.h).rho
    states = (_point("evaporator_outlet", s1), _point("compressor_inlet", s1c),
              _point("compressor_outlet", s2), _point("condenser_outlet", s3),
              _point("valve_inlet", s3v), _point("evaporator_inlet", s4))
    return CycleResult(
        refrigerant=F.name, cop_heating=q_cond / w, cop_cooling=q_evap / w, q_condenser=q_cond,
        q_evaporator=q_evap, w_compressor=w, q_ihx=q_ihx, states=states,
        isentropic_discharge=_point("compressor_outlet_isentropic", s2s), evaporating_pressure=p_e,
        condensing_pressure=p_c, pressure_ratio=pr, isentropic_efficiency=eta,
        transcritical=tc is None, volumetric_heating_capacity=q_cond / v1,
        volumetric_cooling_capacity=q_evap / v1, discharge_temperature=s2.T,
        energy_residual=q_cond - q_evap - w)


def simple_cycle(refrigerant, evaporating_temperature, condensing_temperature, superheat=0.0,
                 subcooling=0.0, isentropic_efficiency=0.7) -> CycleResult:
    """Single-stage subcritical vapour-compression cycle on CoolProp states (docs/architecture.rst contract).

    Parameters
    ----------
    refrigerant : CoolProp name or R-number ("R717", "R134a", "R1233zd(E)", "Water", ...)
    evaporating_temperature, condensing_temperature : saturation temperatures [K],
        evaporating < condensing < critical temperature
    superheat, subcooling : [K], >= 0
    isentropic_efficiency : compressor isentropic efficiency in (0, 1]

    Returns
    -------
    :class:`CycleResult` with ``.cop_heating``, ``.cop_cooling``, ``.states`` (T, p, h, s of
    each point), ``.q_condenser``, ``.q_evaporator``, ``.w_compressor`` [J/kg].

    Examples
    --------
    >>> r = simple_cycle("R134a", 273.15, 313.15, superheat=5.0, isentropic_efficiency=0.75)
    >>> round(r.cop_heating, 3), round(r.cop_cooling, 3)
    (5.135, 4.135)
    """
    return vapour_compression_cycle(refrigerant, evaporating_temperature, condensing_temperature,
                                    superheat=superheat, subcooling=subcooling,
                                    isentropic_efficiency=isentropic_efficiency)


@dataclass(frozen=True)
class TwoStageResult:
    """Two-stage cycle with an open flash-tank economiser, per kg through the condenser (SI).

    cop_heating, cop_cooling [-]; q_condenser, q_evaporator, w_compressor [J/kg condenser flow];
    intermediate_pressure [Pa]; flash_vapour_fraction : kg of vapour drawn off per kg
    entering the flash tank; states : StatePoint tuple (names in ``state_names``);
    energy_residual [J/kg].
    """

    refrigerant: str
    cop_heating: float
    cop_cooling: float
    q_condenser: float
    q_evaporator: float
    w_compressor: float
    intermediate_pressure: float
    flash_vapour_fraction: float
    states: tuple
    energy_residual: float


def two_stage_cycle(refrigerant, evaporating_temperature, condensing_temperature, *, superheat=0.0,
                    subcooling=0.0, isentropic_efficiency=0.7, intermediate_pressure=None) -> TwoStageResult:
    r"""Two-stage compression with an open flash tank (economiser) and vapour injection.

    Liquid from the condenser throttles to the intermediate pressure; the flash vapour
    (fraction :math:`x_f`) mixes with the low-stage discharge ahead of the high-stage
    compressor; saturated liquid at the intermediate pressure throttles to the evaporator.
    Per kg through the condenser: :math:`q_{evap} = (1-x_f)(h_1 - h_8)`, and the high-stage
    suction enthalpy is the mixing value :math:`x_f h_g + (1-x_f) h_2`.

    intermediate_pressure : [Pa] between the two saturation pressures; default the geometric
        mean :math:`\sqrt{p_e p_c}` (Stoecker & Jones 1982, sec. 16.6).
    """
    F = refrigerant_fluid(refrigerant)
    t_min = F.minimum_temperature if hasattr(F, "minimum_temperature") else 0.0
    te = _temperature("evaporating_temperature", evaporating_temperature, t_min, F.critical_temperature)
    tc = _temperature("condensing_temperature", condensing_temperature, te, F.critical_temperature)
    sh = check_nonnegative("superheat", as_float("superheat", superheat, "K"), "K")
    sc = check_nonnegative("subcooling", as_float("subcooling", subcooling, "K"), "K")
    vap_e = F.saturation(T=te)[1]
    liq_c = F.saturation(T=tc)[0]
    p_e, p_c = vap_e.p, liq_c.p
    p_i = math.sqrt(p_e * p_c) if intermediate_pressure is None else as_float(
        "intermediate_pressure", intermediate_pressure, "Pa")
    check_range("intermediate_pressure", p_i, p_e, p_c, "Pa", low_inclusive=False, high_inclusive=False)
    s1 = F.state(p=p_e, T=te + sh) if sh > 0.0 else vap_e
    eta_lo = _eta(isentropic_efficiency, p_i / p_e)
    eta_hi = _eta(isentropic_efficiency, p_c / p_i)
    s2 = F.state(p=p_i, h=isentropic_outlet_enthalpy(s1.h, F.state(p=p_i, s=s1.s).h, eta_lo))
    liq_i, vap_i = F.saturation(p=p_i)
    s5 = F.state(p=p_c, T=tc - sc) if sc > 0.0 else liq_c
    s6 = F.state(p=p_i, h=s5.h)
    x_f = (s6.h - liq_i.h) / (vap_i.h - liq_i.h)
    h3 = x_f * vap_i.h + (1.0 - x_f) * s2.h
    s3 = F.state(p=p_i, h=h3)
    s4 = F.state(p=p_c, h=isentropic_outlet_enthalpy(s3.h, F.state(p=p_c, s=s3.s).h, eta_hi))
    s8 = F.state(p=p_e, h=liq_i.h)
    q_evap = (1.0 - x_f) * (s1.h - s8.h)
    w = (1.0 - x_f) * (s2.h - s1.h) + (s4.h - s3.h)
    q_cond = s4.h - s5.h
    names = ("evaporator_outlet", "low_stage_outlet", "high_stage_inlet", "compressor_outlet",
             "condenser_outlet", "flash_tank_inlet", "flash_liquid", "evaporator_inlet")
    sts = (s1, s2, s3, s4, s5, s6, liq_i, s8)
    return TwoStageResult(F.name, q_cond / w, q_evap / w, q_cond, q_evap, w, p_i, x_f,
                          tuple(_point(n, s) for n, s in zip(names, sts)), q_cond - q_evap - w)


@dataclass(frozen=True)
class CascadeResult:
    """Cascade of two single-stage cycles (per kg of high-stage refrigerant, SI).

    low, high : :class:`CycleResult` of each stage; mass_ratio : kg low-stage per kg
    high-stage; cop_heating, cop_cooling : overall [-]; q_condenser, q_evaporator,
    w_compressor : [J/kg high-stage]; energy_residual [J/kg].
    """

    low: CycleResult
    high: CycleResult
    mass_ratio: float
    cop_heating: float
    cop_cooling: float
    q_condenser: float
    q_evaporator: float
    w_compressor: float
    energy_residual: float


def cascade_cycle(low_refrigerant, high_refrigerant, evaporating_temperature, condensing_temperature,
                  cascade_temperature, cascade_approach=5.0, *, superheat=0.0, subcooling=0.0,
                  isentropic_efficiency=0.7) -> CascadeResult:
    r"""Two cycles coupled by a cascade condenser: the low stage condenses at
    ``cascade_temperature + cascade_approach / 2`` and the high stage evaporates at
    ``cascade_temperature - cascade_approach / 2`` [K]. Energy balance of the cascade
    exchanger: :math:`\dot m_{lo} q_{cond,lo} = \dot m_{hi} q_{evap,hi}`
    (Cengel & Boles 2015, sec. 11-7)."""
    dt = check_nonnegative("cascade_approach", as_float("cascade_approach", cascade_approach, "K"), "K")
    tm = as_float("cascade_temperature", cascade_temperature, "K")
    lo = vapour_compression_cycle(low_refrigerant, evaporating_temperature, tm + 0.5 * dt, superheat=superheat,
                                  subcooling=subcooling, isentropic_efficiency=isentropic_efficiency)
    hi = vapour_compression_cycle(high_refrigerant, tm - 0.5 * dt, condensing_temperature, superheat=superheat,
                                  subcooling=subcooling, isentropic_efficiency=isentropic_efficiency)
    ratio = hi.q_evaporator / lo.q_condenser
    q_evap = ratio * lo.q_evaporator
    w = ratio * lo.w_compressor + hi.w_compressor
    return CascadeResult(lo, hi, ratio, hi.q_condenser / w, q_evap / w, hi.q_condenser, q_evap, w,
                         hi.q_condenser - q_evap - w)
