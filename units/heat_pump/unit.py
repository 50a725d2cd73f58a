r"""Vapour-compression heat pump as a flowsheet unit: source and sink streams, pinch on both sides.

Ports (procsim convention ``<medium>_in`` / ``<medium>_out``): ``source_in`` -> ``source_out``
(the waste heat, cooled in the evaporator) and the sink, ``water_in`` -> ``water_out`` in the
plant-file unit :class:`HeatPumpUnit` (``sink_in``/``sink_out`` as aliases), heated to
``sink_outlet_temperature`` in the condenser.

Solution: the sink duty :math:`Q_c = \dot m_{sink}(h_{sink,out} - h_{sink,in})` fixes the
refrigerant flow :math:`\dot m_r = Q_c / q_{cond}` for a cycle. The condensing temperature
is the lowest at which the condenser's smallest approach, found zone by zone along the
desuperheating, condensing and subcooling refrigerant profile, equals the condenser pinch;
the evaporating temperature is the highest at which the evaporator's smallest approach
equals the evaporator pinch for the source cooled by :math:`\dot m_r q_{evap}`. Both
are found by Brent's method and the pair is iterated to a fixed point (the coupling
through the discharge state is weak: 3-6 iterations to 1e-7 K). Temperatures at each
profile point come from the shared zone engine (:func:`units.heat_exchanger.zones.side_temperatures`,
exact CoolProp states), and the final exchangers are :func:`units.heat_exchanger.zone_profile`.

References
----------
* B. Zühlsdorf, J. K. Jensen, B. Elmegaard, Int. J. Refrig. 98 (2019) 500-513 (heat pump
  design with pinch on both exchangers and Lorenz efficiency).
* T. Ommen, J. K. Jensen, W. B. Markussen, L. Reinholdt, B. Elmegaard, "Technical and
  economic working domains of industrial heat pumps: Part 1 - Single stage vapour
  compression heat pumps", Int. J. Refrig. 55 (2015) 168-182.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from scipy.optimize import brentq

from procsim.stream import Stream
from procsim.validation import as_float, check_fraction, check_nonnegative, check_positive, check_range
from units.heat_exchanger import zone_profile
from units.heat_exchanger.zones import saturation_enthalpies, side_temperatures

from .cycle import CycleResult, lorenz_cop, refrigerant_fluid, vapour_compression_cycle

__all__ = ["HeatPump", "HeatPumpResult"]

_SEGMENTS = 40
_TOL_K = 1e-7


@dataclass(frozen=True)
class HeatPumpResult:
    """Solved heat pump (SI).

    heating : duty to the sink [W]; heat_from_source : evaporator duty [W]; shaft_power [W];
    electric_power : shaft_power / motor_efficiency [W]; cop_heating : heating / electric
    power [-]; cop_heating_shaft : heating / shaft power [-]; refrigerant_flow [kg/s];
    evaporating_temperature, condensing_temperature [K] (NaN when transcritical);
    gas_cooler_pressure [Pa] (NaN when subcritical); cycle : :class:`CycleResult`;
    source_out, sink_out : outlet streams; evaporator, condenser : ZoneProfile of each
    exchanger; lorenz_cop [-] and lorenz_efficiency = cop_heating_shaft / lorenz_cop [-];
    energy_residual : heating - heat_from_source - shaft_power [W]; mass_residual [kg/s].
    """

    heating: float
    heat_from_source: float
    shaft_power: float
    electric_power: float
    cop_heating: float
    cop_heating_shaft: float
    refrigerant_flow: float
    evaporating_temperature: float
    condensing_temperature: float
    gas_cooler_pressure: float
    cycle: CycleResult
    source_out: Stream
    sink_out: Stream
    evaporator: object
    condenser: object
    lorenz_cop: float
    lorenz_efficiency: float
    energy_residual: float
    mass_residual: float


def _min_approach(hot_mat, p_hot, h_hot_out, m_hot, cold_mat, p_cold, h_cold_in, m_cold, duty):
    """Smallest hot-minus-cold temperature [K] along a counterflow exchanger (negative for a
    cross), with the saturation points of either side among the profile points."""
    q = np.linspace(0.0, duty, _SEGMENTS + 1)
    extra = [(h - h_hot_out) * m_hot for h in saturation_enthalpies(hot_mat, p_hot, p_hot)]
    extra += [(h - h_cold_in) * m_cold for h in saturation_enthalpies(cold_mat, p_cold, p_cold)]
    extra = [e for e in extra if 0.0 < e < duty]
    if extra:
        q = np.unique(np.concatenate([q, np.array(extra)]))
    try:
        t_h = side_temperatures(hot_mat, p_hot, h_hot_out + q / m_hot)
        t_c = side_temperatures(cold_mat, p_cold, h_cold_in + q / m_cold)
    except ValueError:
        # a side driven outside its property range (a source cooled below its fluid's limit):
        # as infeasible as a cross; a large finite value keeps Brent's bracket usable
        return -1.0e3
    return float(np.min(t_h - t_c))


@dataclass(frozen=True)
class HeatPump:
    """Single-stage heat pump between a heat source and a heat sink stream.

    Parameters
    ----------
    refrigerant : CoolProp name or R-number. When ``sink_outlet_temperature + condenser_pinch``
        reaches the critical temperature (R744 heating water) the cycle is transcritical: the
        gas-cooler outlet sits one pinch above the sink inlet and the gas-cooler pressure is the
        lowest whose zone-by-zone profile keeps the pinch (near the COP optimum for water
        heating with a large glide; Liao et al. 2000 for the optimum itself)
    sink_outlet_temperature : [K] the sink is heated to
    evaporator_pinch, condenser_pinch : smallest approach in each exchanger [K], > 0
    superheat, subcooling : [K], >= 0 (subcooling beyond the condenser's pinch-limited value
        is not forced: the given value is used in the cycle)
    isentropic_efficiency : in (0, 1] or "brunin1997" (pressure-ratio correlation)
    ihx_effectiveness : internal heat exchanger, [0, 1)
    motor_efficiency : compressor drive, (0, 1] (default 0.95: IEC 60034-30-1 IE3, 4-pole
        motors of 90-375 kW are 0.952-0.960 at 50 Hz, Table 3)

    Examples
    --------
    >>> from procsim.stream import Stream
    >>> hp = HeatPump("R1233zd(E)", 363.15, evaporator_pinch=5.0, condenser_pinch=5.0)
    >>> r = hp.solve(Stream("Water", 333.15, 3e5, 10.0), Stream("Water", 343.15, 3e5, 5.0))
    >>> round(r.cop_heating, 2), round(r.condensing_temperature - 273.15, 2)
    (5.07, 94.64)
    """

    refrigerant: str
    sink_outlet_temperature: float
    evaporator_pinch: float = 5.0
    condenser_pinch: float = 5.0
    superheat: float = 5.0
    subcooling: float = 2.0
    isentropic_efficiency: float | str = "brunin1997"
    ihx_effectiveness: float = 0.0
    motor_efficiency: float = 0.95

    def __post_init__(self):
        object.__setattr__(self, "_F", refrigerant_fluid(self.refrigerant))
        check_positive("HeatPump sink_outlet_temperature", as_float("sink_outlet_temperature",
                                                                     self.sink_outlet_temperature, "K"), "K")
        check_positive("HeatPump evaporator_pinch", self.evaporator_pinch, "K")
        check_positive("HeatPump condenser_pinch", self.condenser_pinch, "K")
        check_nonnegative("HeatPump superheat", self.superheat, "K")
        check_nonnegative("HeatPump subcooling", self.subcooling, "K")
        check_fraction("HeatPump motor_efficiency", self.motor_efficiency, allow_zero=False)
        check_range("HeatPump ihx_effectiveness", self.ihx_effectiveness, 0.0, 1.0, high_inclusive=False)
        # heat rejected above the critical point when the sink must reach within the pinch of it
        object.__setattr__(self, "_transcritical",
                           not self.sink_outlet_temperature + self.condenser_pinch < self._F.critical_temperature)
        if self._transcritical and not self._F.maximum_pressure > 1.05 * self._F.critical_pressure:
            raise ValueError(f"HeatPump sink_outlet_temperature must be < {self._F.critical_temperature - self.condenser_pinch:g} K "
                             f"for {self._F.name}; got {self.sink_outlet_temperature!r} K")

    def _cycle(self, te, x, t_gc_out=None):
        """Cycle at evaporating temperature ``te``; ``x`` is the condensing temperature [K], or the
        gas-cooler pressure [Pa] of a transcritical cycle (gas-cooler outlet ``t_gc_out`` [K])."""
        if self._transcritical:
            return vapour_compression_cycle(self._F, te, superheat=self.superheat, gas_cooler_pressure=x,
                                            gas_cooler_outlet_temperature=t_gc_out,
                                            isentropic_efficiency=self.isentropic_efficiency,
                                            ihx_effectiveness=self.ihx_effectiveness)
        return vapour_compression_cycle(self._F, te, x, superheat=self.superheat, subcooling=self.subcooling,
                                        isentropic_efficiency=self.isentropic_efficiency,
                                        ihx_effectiveness=self.ihx_effectiveness)

    def solve(self, source_in: Stream, sink_in: Stream) -> HeatPumpResult:
        """Solve for the sink heated to ``sink_outlet_temperature`` from ``source_in`` (both Streams)."""
        for name, s in (("source_in", source_in), ("sink_in", sink_in)):
            if not isinstance(s, Stream):
                raise ValueError(f"HeatPump {name} must be a procsim Stream; got {type(s).__name__}")
        t_sink = self.sink_outlet_temperature
        if not t_sink > sink_in.T:
            raise ValueError(f"HeatPump sink_outlet_temperature must be > sink_in temperature {sink_in.T:g} K; "
                             f"got {t_sink!r} K")
        F = self._F
        t_lo = F.minimum_temperature + 1.0
        if not source_in.T - self.evaporator_pinch - self.superheat > t_lo:
            raise ValueError(f"HeatPump source_in temperature must be > {t_lo + self.evaporator_pinch + self.superheat:g} K "
                             f"(lowest evaporating temperature + pinch + superheat); got {source_in.T:g} K")
        sink_out = sink_in.with_(T=t_sink)
        q_c = sink_in.mass_flow * (sink_out.h - sink_in.h)
        t_crit = F.critical_temperature - 0.5
        t_gco = sink_in.T + self.condenser_pinch if self._transcritical else None
        te = min(source_in.T - self.evaporator_pinch - self.superheat - 5.0, F.critical_temperature - 2.0)
        tc = None
        for _ in range(40):
            def cond_gap(x):
                c = self._cycle(te, x, t_gco)
                m_r = q_c / c.q_condenser
                s3 = c.state("condenser_outlet")
                return _min_approach(F, s3.p, s3.h, m_r, sink_in.material, sink_in.p, sink_in.h,
                                     sink_in.mass_flow, q_c) - self.condenser_pinch
            if self._transcritical:
                # gas-cooler outlet one pinch above the sink inlet; the lowest pressure whose profile
                # keeps the pinch (1e-4 K below it at the root, the cold end itself sits at the pinch)
                x_lo = 1.001 * F.critical_pressure
                x_hi = min(3.0 * F.critical_pressure, F.maximum_pressure)
                gap = lambda x: cond_gap(x) + 1e-4
                if gap(x_hi) < 0.0:
                    raise ValueError(f"HeatPump: {F.name} cannot deliver {t_sink:g} K with condenser_pinch "
                                     f"{self.condenser_pinch:g} K below {x_hi:g} Pa")
                tc_new = brentq(gap, x_lo, x_hi, xtol=1e-6 * x_lo) if gap(x_lo) < 0.0 else x_lo
            else:
                tc_lo = max(sink_in.T + self.subcooling + 1e-3, te + 1.0)
                if cond_gap(t_crit) < 0.0:
                    raise ValueError(f"HeatPump: {F.name} cannot deliver {t_sink:g} K with condenser_pinch "
                                     f"{self.condenser_pinch:g} K below its critical temperature")
                tc_new = brentq(cond_gap, tc_lo, t_crit, xtol=1e-9) if cond_gap(tc_lo) < 0.0 else tc_lo

            def evap_gap(te_):
                cc = self._cycle(te_, tc_new, t_gco)
                mr = q_c / cc.q_condenser
                qe = mr * cc.q_evaporator
                h_src_out = source_in.h - qe / source_in.mass_flow
                s4 = cc.state("evaporator_inlet")
                return _min_approach(source_in.material, source_in.p, h_src_out, source_in.mass_flow, F, s4.p,
                                     s4.h, mr, qe) - self.evaporator_pinch
            te_hi = min(source_in.T - self.evaporator_pinch - self.superheat, F.critical_temperature - 1.0)
            te_hi = min(te_hi, (t_gco if self._transcritical else tc_new) - 1.0)
            te_lo = max(t_lo, source_in.T - 60.0)   # a 60 K source-to-evaporator gap ends the search
            if evap_gap(te_lo) < 0.0:
                raise ValueError(f"HeatPump: source_in ({source_in.T:g} K, {source_in.mass_flow:g} kg/s) cannot "
                                 f"supply the evaporator of a {q_c:.6g} W heat pump with pinch "
                                 f"{self.evaporator_pinch:g} K: source flow too small")
            te_new = brentq(evap_gap, te_lo, te_hi, xtol=1e-9) if evap_gap(te_hi) < 0.0 else te_hi
            tol_x = 1e-6 * F.critical_pressure if self._transcritical else _TOL_K
            done = tc is not None and abs(te_new - te) < _TOL_K and abs(tc_new - tc) < tol_x
            te, tc = te_new, tc_new
            if done:
                break
        else:
            raise ValueError(f"HeatPump: evaporating/condensing temperatures did not converge (last {te:g} K, {tc:g} K)")
        c = self._cycle(te, tc, t_gco)
        m_r = q_c / c.q_condenser
        q_e = m_r * c.q_evaporator
        w = m_r * c.w_compressor
        s2, s4 = c.state("compressor_outlet"), c.state("evaporator_inlet")
        cond = zone_profile(Stream.from_ph(F.name, s2.p, s2.h, m_r), sink_in, q_c)
        evap = zone_profile(source_in, Stream.from_ph(F.name, s4.p, s4.h, m_r), q_e)
        source_out = evap.hot_out
        lor = lorenz_cop(sink_in.T, cond.cold_out.T, source_in.T, source_out.T)
        return HeatPumpResult(
            heating=q_c, heat_from_source=q_e, shaft_power=w, electric_power=w / self.motor_efficiency,
            cop_heating=q_c * self.motor_efficiency / w, cop_heating_shaft=q_c / w, refrigerant_flow=m_r,
            evaporating_temperature=te,
            condensing_temperature=float('nan') if self._transcritical else tc,
            gas_cooler_pressure=tc if self._transcritical else float('nan'), cycle=c, source_out=source_out,
            sink_out=cond.cold_out, evaporator=evap, condenser=cond, lorenz_cop=lor,
            lorenz_efficiency=(q_c / w) / lor, energy_residual=q_c - q_e - w, mass_residual=0.0)


@dataclass(frozen=True)
class HeatPumpUnitResult:
    """Flowsheet result: ``heat_pump`` (:class:`HeatPumpResult`), ``carriers`` per second
    (``electricity_kwh``: the motor's electricity), residuals [kg/s, W] of the unit's ports with
    the shaft power as source."""

    heat_pump: HeatPumpResult
    carriers: dict
    mass_residual: float = float("nan")
    energy_residual: float = float("nan")


@dataclass(frozen=True)
class HeatPumpUnit:
    """:class:`HeatPump` as a plant-file unit (``type = "heat_pump"``).

    Ports: ``source_in`` -> ``source_out`` (waste heat cooled), ``water_in`` -> ``water_out``
    (the sink, heated to ``sink_outlet_temperature``; ``sink_in``/``sink_out`` are aliases). The compressor's shaft power enters as the
    source ``shaft_power`` [W]; the motor's electricity is reported as the carrier
    ``electricity_kwh`` per second. Parameters as :class:`HeatPump` (unit strings allowed
    for temperatures).
    """

    name: str
    refrigerant: str
    sink_outlet_temperature: float
    evaporator_pinch: float = 5.0
    condenser_pinch: float = 5.0
    superheat: float = 5.0
    subcooling: float = 2.0
    isentropic_efficiency: float | str = "brunin1997"
    ihx_effectiveness: float = 0.0
    motor_efficiency: float = 0.95

    inlets = ("source_in", "water_in")
    outlets = ("source_out", "water_out")
    #: the sink is named by its usual medium (procsim.units_api.PORT_MEDIA); sink_in/sink_out also work
    port_aliases: ClassVar[dict] = {"sink_in": "water_in", "sink_out": "water_out"}

    def __post_init__(self):
        from procsim.units_api import convert_fields
        convert_fields(self, sink_outlet_temperature="temperature", evaporator_pinch="temperature_difference",
                       condenser_pinch="temperature_difference", superheat="temperature_difference",
                       subcooling="temperature_difference")
        object.__setattr__(self, "_model", HeatPump(
            self.refrigerant, self.sink_outlet_temperature, self.evaporator_pinch, self.condenser_pinch,
            self.superheat, self.subcooling, self.isentropic_efficiency, self.ihx_effectiveness,
            self.motor_efficiency))

    @classmethod
    def example(cls):
        return (cls("heat_pump", "R1233zd(E)", 363.15),
                {"source_in": Stream("Water", 333.15, 3e5, 10.0), "water_in": Stream("Water", 343.15, 3e5, 5.0)})

    def solve(self, inlets):
        from procsim.flowsheet import UnitSolution
        from procsim.units_api import canonical_inlets, outlet_map, with_residuals
        inlets = canonical_inlets(self, inlets)
        for port in self.inlets:
            if port not in inlets:
                raise ValueError(f"{self.name}: inlet {port!r} is missing; ports are {', '.join(self.inlets)}")
            if not inlets[port].mass_flow > 0.0:
                raise ValueError(f"{self.name}: {port}.mass_flow must be > 0 kg/s; got {inlets[port].mass_flow!r} kg/s")
        r = self._model.solve(inlets["source_in"], inlets["water_in"])
        outs = outlet_map(self, {"source_out": r.source_out, "water_out": r.sink_out})
        src = {"shaft_power": r.shaft_power}
        res = HeatPumpUnitResult(r, {"electricity_kwh": r.electric_power / 3.6e6})
        return UnitSolution(outs, with_residuals(res, inlets, outs, src), src)
