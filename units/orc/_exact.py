"""Exact ORC solution: every working-fluid state from CoolProp through procsim.thermo.fluids.

The algorithm (zones, pinch points, lumped pressure drops, recuperator duty) is the one in
the module docstring of :mod:`units.orc.cycle`; :mod:`units.orc.kernels` evaluates the same
algorithm on tabulated properties.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from procsim.thermo.material import as_material
from procsim.validation import as_float, check_positive
from units.heat_exchanger.counterflow import (PINCH_CHECK_TOL, STATUS_OK, VARIABLE_SIDES,
                                              pinch_flow_limit, pinch_limited_flow_kernel)

from units.heat_exchanger.zones import ZoneProfile, zone_kernel

from .cycle import SUPERHEAT_MIN, ORCResult, StatePoint


@dataclass(frozen=True)
class Isobar:
    """An external stream of an exchanger at constant pressure (the ORC neglects the pressure
    drop of the heat source and the coolant): h(T), T(h), s(h) through the material interface
    of :mod:`procsim.thermo.material`, whatever the material is."""

    material: object
    pressure: float
    name: str

    @classmethod
    def of(cls, material, pressure, name: str) -> "Isobar":
        p = check_positive(f"{name} pressure", as_float(f"{name} pressure", pressure, "Pa"), "Pa")
        return cls(as_material(material), float(p), name)

    @classmethod
    def of_stream(cls, stream, name: str) -> "Isobar":
        for attr in ("material", "T", "p", "mass_flow"):
            if not hasattr(stream, attr):
                raise ValueError(f"{name} must be a procsim.Stream (with material, T, p, mass_flow); "
                                 f"got {type(stream).__name__}")
        return cls.of(stream.material, stream.p, name)

    def h(self, T: float) -> float:
        """Specific enthalpy [J/kg] at temperature T [K]."""
        return float(self.material.h_pT(self.pressure, T))

    def T(self, h: float) -> float:
        """Temperature [K] at specific enthalpy h [J/kg]."""
        return float(self.material.T_ph(self.pressure, h))

    def s(self, h: float) -> float:
        """Specific entropy [J/(kg K)] at specific enthalpy h [J/kg]."""
        return float(self.material.s_ph(self.pressure, h))


def _evaporator_profile(F, source, m_src, h_src_in, h_src_out, p_e, h3, h6, m_wf, q_in, duty, t_sc, t_wf,
                        zones) -> ZoneProfile:
    """The evaporator as the shared heat-exchanger :class:`ZoneProfile` over the cycle's zone
    points (conductances by :func:`~units.heat_exchanger.zones.zone_kernel`)."""
    from procsim.stream import Stream

    q = np.array(duty, dtype=float)
    t_h = np.array(t_sc, dtype=float)
    t_c = np.array(t_wf, dtype=float)
    ua_seg = np.empty(q.size - 1)
    zone_kernel(q, t_h, t_c, ua_seg)         # NaN segments where the pinch is 0 K (no finite UA)
    approach = t_h - t_c
    i = int(np.argmin(approach))
    ua = float(np.sum(ua_seg))
    hot_out = Stream.from_ph(source.material, source.pressure, h_src_out, m_src)
    cold_out = Stream.from_ph(F, p_e, h6, m_wf)
    resid = abs(m_src * (h_src_in - h_src_out) - m_wf * (h6 - h3))
    return ZoneProfile(
        duty=q_in, q=q, t_hot=t_h, t_cold=t_c, approach=approach, min_approach=float(approach[i]),
        min_approach_duty=float(q[i]), min_approach_t_hot=float(t_h[i]), min_approach_t_cold=float(t_c[i]),
        hot_end_approach=float(approach[-1]), cold_end_approach=float(approach[0]), ua=ua, ua_segments=ua_seg,
        mean_temperature_difference=q_in / ua if ua > 0.0 else float("nan"), hot_out=hot_out, cold_out=cold_out,
        energy_residual=resid / q_in if q_in > 0.0 else resid, zones=tuple(zones))


def _point(name, st) -> StatePoint:
    return StatePoint(name, st.T, st.p, st.h, st.s, st.x)


def solve_exact(orc, source, t_src, m_src, cool, t_cool, m_cool, h_src_in=None,
                h_cool_in=None) -> ORCResult:
    """Solve one design on exact properties (see ORC.solve for the arguments).

    ``h_src_in``, ``h_cool_in``: inlet enthalpies [J/kg] of the given streams (so a two-phase
    inlet, fixed by quality, is taken as it is); None evaluates them at the inlet temperature.
    """
    F = orc.fluid
    te, tc, sh = orc.evaporating_temperature, orc.condensing_temperature, orc.superheat
    orc._check_source(t_src)
    if not tc >= t_cool + orc.condenser_pinch:
        raise ValueError(
            f"condensing_temperature must be >= {t_cool + orc.condenser_pinch:g} K (cooling inlet "
            f"{t_cool:g} K + condenser_pinch {orc.condenser_pinch:g} K): condensing below the "
            f"cooling water; got {tc!r} K")
    if orc.source_minimum_outlet_temperature is not None and not (
            orc.source_minimum_outlet_temperature < t_src):
        raise ValueError(f"source_minimum_outlet_temperature must be < the heat_source temperature "
                         f"{t_src:g} K; got {orc.source_minimum_outlet_temperature!r} K")

    liq_e, vap_e = F.saturation(T=te)
    liq_c, vap_c = F.saturation(T=tc)
    p_e, p_c = liq_e.p, liq_c.p
    p_pump = p_e + orc.evaporator_pressure_drop
    p_exh = p_c + orc.condenser_pressure_drop
    if not p_exh < p_e:
        raise ValueError(
            f"condenser_pressure_drop must be < {p_e - p_c:g} Pa (evaporating {p_e:g} Pa minus "
            f"condensing {p_c:g} Pa): no pressure left for the expander; got "
            f"{orc.condenser_pressure_drop!r} Pa")
    if not p_pump <= F.maximum_pressure:
        raise ValueError(f"evaporator_pressure_drop must be <= {F.maximum_pressure - p_e:g} Pa; "
                         f"got {orc.evaporator_pressure_drop!r} Pa")

    # pump (1 -> 2)
    s1 = liq_c
    h2 = isentropic_outlet_enthalpy(s1.h, F.state(p=p_pump, s=s1.s).h, orc.pump_efficiency)
    s2 = F.state(p=p_pump, h=h2)
    # expander (6 -> 7)
    s6 = F.state(p=p_e, T=te + sh) if sh > SUPERHEAT_MIN else vap_e
    h7 = isentropic_outlet_enthalpy(s6.h, F.state(p=p_exh, s=s6.s).h, orc.expander_efficiency)
    s7 = F.state(p=p_exh, h=h7)
    if not orc.allow_wet_expansion and not s7.x >= 1.0:
        raise ValueError(
            f"expander outlet quality must be >= 1 (dry expansion); got x={s7.x:.6g} at "
            f"p={p_exh:g} Pa, h={h7:g} J/kg for {F.name} with superheat {sh:g} K: raise superheat, "
            "choose a dry fluid, or set allow_wet_expansion=True")
    # recuperator (7 -> 8 hot, 2 -> 3 cold)
    q_rec = 0.0
    if orc.recuperator_effectiveness > 0.0:
        dew_exh = F.saturation(p=p_exh)[1]
        h_floor = F.state(p=p_exh, T=s2.T).h if s2.T > dew_exh.T else dew_exh.h
        q_hot = s7.h - h_floor
        q_cold = F.state(p=p_pump, T=s7.T).h - s2.h if s7.T > s2.T else 0.0
        q_rec = orc.recuperator_effectiveness * max(0.0, min(q_hot, q_cold))
    h3 = s2.h + q_rec
    h8 = s7.h - q_rec
    s3 = F.state(p=p_e, h=h3)
    s8 = F.state(p=p_c, h=h8)

    # evaporator zones and pinch
    n = orc.zone_segments
    h6 = s6.h
    pts = []  # (h, T, zone)
    if h3 < liq_e.h:
        # zone points equally spaced in temperature (as units.orc.kernels)
        for j in range(n):
            if j == 0:
                pts.append((h3, s3.T, "preheating"))
            else:
                T = s3.T + (te - s3.T) * j / n
                pts.append((F.state(p=p_e, T=T).h, T, "preheating"))
        lo_evap = liq_e.h
    else:
        lo_evap = h3
    pts.append((lo_evap, te if lo_evap == liq_e.h else s3.T, "evaporating"))
    if lo_evap < vap_e.h:
        pts.append((vap_e.h, te, "evaporating"))
    if sh > SUPERHEAT_MIN:
        for j in range(1, n):
            T = te + sh * j / n
            pts.append((F.state(p=p_e, T=T).h, T, "superheating"))
        pts.append((h6, s6.T, "superheating"))

    if h_src_in is None:
        h_src_in = source.h(t_src)
    # working-fluid flow: the heat-exchange engine's pinch-limited flow over the zone points
    # (the source is the fixed hot side, the working fluid the variable cold side)
    pinch = orc.evaporator_pinch
    h_pts = np.array([h for h, _, _ in pts])
    h_fix = np.array([source.h(T + pinch) if h < h6 else np.nan for h, T, _ in pts])
    m_wf, idx, status = pinch_limited_flow_kernel(m_src, h_src_in, h_fix, h6, h_pts,
                                                  VARIABLE_SIDES["cold"])
    if status != STATUS_OK:
        raise ValueError(f"ORC evaporator: no pinch-limited working-fluid flow (engine status "
                         f"{status}, point {idx}) for source {t_src:g} K")
    zone = pts[idx][2]
    if zone == "evaporating" and h_pts[idx] == liq_e.h:
        binding = "pinch_bubble_point"
    else:
        binding = {"preheating": "pinch_preheater", "evaporating": "pinch_evaporator",
                   "superheating": "pinch_superheater"}[zone]
    if orc.source_minimum_outlet_temperature is not None:
        m_min = pinch_flow_limit(m_src, h_src_in, source.h(orc.source_minimum_outlet_temperature),
                                 h6, h3)
        if m_min < m_wf:
            m_wf, binding = m_min, "source_minimum_outlet_temperature"

    q_in = m_wf * (h6 - h3)
    h_src_out = h_src_in - q_in / m_src
    t_src_out = source.T(h_src_out)
    duty, t_wf, t_sc, zones = [], [], [], []
    for h, T, zone in pts:
        duty.append(m_wf * (h - h3))
        t_wf.append(T)
        t_sc.append(t_src if h >= h6 else source.T(h_src_in - m_wf * (h6 - h) / m_src))
        zones.append(zone)
    profile = _evaporator_profile(F, source, m_src, h_src_in, h_src_out, p_e, h3, h6, m_wf, q_in,
                                  duty, t_sc, t_wf, zones)

    # powers and balances
    w_exp = m_wf * (h6 - s7.h)
    w_pump = m_wf * (s2.h - s1.h)
    w_net = w_exp - w_pump
    q_out = m_wf * (h8 - s1.h)

    # condenser: coolant flow and pinch (zones: desuperheating above the dew point, condensing)
    if h_cool_in is None:
        h_cool_in = cool.h(t_cool)
    if m_cool is None:
        m_cool = q_out / (cool.h(t_cool + orc.cooling_temperature_rise) - h_cool_in)
    t_cool_out = cool.T(h_cool_in + q_out / m_cool)
    h_dew_c = min(vap_c.h, h8)
    t_cool_dew = cool.T(h_cool_in + m_wf * (h_dew_c - s1.h) / m_cool)
    t_wf_dew = tc if h8 >= vap_c.h else s8.T
    dt_dew = t_wf_dew - t_cool_dew
    dt_hot = s8.T - t_cool_out
    if min(dt_dew, dt_hot) < orc.condenser_pinch - PINCH_CHECK_TOL:
        where, dt = (("dew point", dt_dew) if dt_dew <= dt_hot else ("vapour inlet", dt_hot))
        raise ValueError(
            f"condenser pinch must be >= {orc.condenser_pinch:g} K; got {dt:.6g} K at the {where} "
            f"(working fluid {t_wf_dew if where == 'dew point' else s8.T:.6g} K, cooling "
            f"{t_cool_dew if where == 'dew point' else t_cool_out:.6g} K, cooling flow "
            f"{m_cool:.6g} kg/s): raise the cooling flow or the condensing temperature")

    # second-law figures
    s_src_in = source.s(h_src_in)
    ex_drop = m_src * ((h_src_in - h_src_out) - orc.ambient_temperature * (s_src_in - source.s(h_src_out)))
    h_src_cold = source.h(t_cool)
    q_avail = m_src * (h_src_in - h_src_cold)
    ex_avail = m_src * ((h_src_in - h_src_cold) - t_cool * (s_src_in - source.s(h_src_cold)))

    states = (_point("pump_inlet", s1), _point("pump_outlet", s2), _point("evaporator_inlet", s3),
              _point("evaporator_bubble", liq_e), _point("evaporator_dew", vap_e),
              _point("expander_inlet", s6), _point("expander_outlet", s7),
              _point("condenser_inlet", s8), _point("condenser_dew", vap_c))
    return ORCResult(
        fluid=F.name,
        net_power=w_net,
        expander_power=w_exp,
        pump_power=w_pump,
        net_electric_power=w_exp * orc.generator_efficiency - w_pump / orc.motor_efficiency,
        thermal_efficiency=w_net / q_in,
        exergy_efficiency=w_net / ex_drop,
        heat_recovery_efficiency=w_net / q_avail,
        carnot_efficiency=1.0 - t_cool / t_src,
        trilateral_efficiency=ex_avail / q_avail,
        working_fluid_flow=m_wf,
        heat_input=q_in,
        heat_rejected=q_out,
        recuperator_duty=m_wf * q_rec,
        heat_source_flow=m_src,
        heat_source_inlet_temperature=t_src,
        heat_source_outlet_temperature=t_src_out,
        source_exergy_drop=ex_drop,
        cooling_flow=m_cool,
        cooling_inlet_temperature=t_cool,
        cooling_outlet_temperature=t_cool_out,
        evaporating_pressure=p_e,
        condensing_pressure=p_c,
        binding_constraint=binding,
        states=states,
        evaporator_profile=profile,
        energy_residual=q_in - w_net - q_out,
        source_energy_residual=(m_src * (h_src_in - source.h(t_src_out)) - q_in) / q_in,
        energy_residual_relative=(q_in - w_net - q_out) / q_in,
        mass_residual=0.0,
    )
