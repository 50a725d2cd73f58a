r"""The counterflow heat-exchange engine: zone profile, pinch location and pinch-limited flow.

This module is the one place where procsim computes

* the enthalpy profile of a counterflow exchanger along its duty
  (:func:`counterflow_enthalpies`, numba),
* the segment conductances of a zone-by-zone profile (:func:`zone_kernel`, numba),
* the location of the pinch, the smallest temperature difference anywhere
  (:func:`pinch_location`, numba),
* the flow of one stream set by the binding pinch over the whole profile
  (:func:`pinch_flow_limit` for one point, :func:`pinch_limited_flow_kernel` for a profile,
  numba), and
* :func:`pinch_limited_flow`, the public Python function that returns that flow together
  with the :class:`~units.heat_exchanger.zones.ZoneProfile` of the exchanger it gives, for
  any material (real fluid, incompressible or ideal-gas mixture).

Waste-heat steam generators, the EAF waste-heat boiler, ORC evaporators and condensers,
economizers and heat-pump exchangers call these names instead of writing their own.

Notes
-----
Pinch-limited flow. One stream (the *fixed* side) has a known flow :math:`\dot m_f` and
inlet; the other (the *variable* side) runs between known inlet and outlet enthalpies, and
its flow is to be found. For a variable cold side (a boiler raising steam from a hot gas),
a point *j* of the cold side at enthalpy :math:`h_j` and temperature :math:`T_j` lies,
in counterflow, opposite the hot side after it has given up :math:`\dot m\,(h_{out}-h_j)`.
The hot side there must be at least :math:`T_j + \Delta T_{pp}`, so

.. math::
    \dot m \le \dot m_j = \dot m_f\,\frac{h_{f,in} - h_f(T_j + \Delta T_{pp})}{h_{out} - h_j},
    \qquad \dot m = \min_j \dot m_j

over every point of the profile (the binding point is the pinch). A variable hot side
(a coolant flow set by a condenser pinch, or a source flow) is the mirror image:
:math:`\dot m_j = \dot m_f [h_{f,in} - h_f(T_j - \Delta T_{pp})] / (h_{out} - h_j)` with
:math:`h_{out}` the hot outlet, numerator and denominator both negative.

References
----------
* S. Quoilin, M. Van Den Broek, S. Declaye, P. Dewallef, V. Lemort, "Techno-economic survey
  of Organic Rankine Cycle (ORC) systems", *Renewable and Sustainable Energy Reviews* 22
  (2013) 168-186, doi:10.1016/j.rser.2013.01.028 (pinch-point method for the working-fluid
  flow of an ORC evaporator).
* V. Ganapathy, *Industrial Boilers and Heat Recovery Steam Generators*, Marcel Dekker,
  2003, ch. 8 (pinch and approach points of a heat-recovery steam generator).
* B. Linnhoff et al., *A User Guide on Process Integration for the Efficient Use of
  Energy*, IChemE, 1982 (the pinch as the smallest temperature difference of a
  temperature-enthalpy profile).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import njit
from scipy.optimize import brentq

from procsim.validation import as_float, check_choice, check_nonnegative, check_positive

# the segment-conductance kernel lives with the zone profile it serves (zones.py imports
# nothing from here, so the engine has no import circle); re-exported as part of the engine
from units.heat_exchanger.zones import (DEFAULT_SEGMENTS, saturation_enthalpies, side_temperatures, zone_kernel,
                                        zone_profile)

__all__ = ["pinch_flow_limit", "pinch_limited_flow_kernel", "counterflow_enthalpies", "zone_kernel",
           "pinch_location", "pinch_limited_flow", "PinchLimitedFlow", "PINCH_CHECK_TOL",
           "STATUS_OK", "STATUS_INFEASIBLE", "STATUS_PROPERTY", "STATUS_NO_POINT", "VARIABLE_SIDES"]

#: Kernel status: the flow was found.
STATUS_OK = -1
#: Kernel status: the fixed side cannot reach the pinch at some point at any flow (it is
#: not hotter, for a variable cold side, than the point plus the pinch); flow NaN.
STATUS_INFEASIBLE = -2
#: Kernel status: a NaN enthalpy (a property outside its range); flow NaN.
STATUS_PROPERTY = -3
#: Kernel status: no profile point below the variable side's outlet; flow NaN.
STATUS_NO_POINT = -4

#: Tolerance [K] with which a computed profile is accepted as meeting its pinch: the flow
#: from the closed form puts the binding point on the pinch to rounding (1e-12 K), the
#: exact temperature of that point from a property call to about 1e-9 K.
PINCH_CHECK_TOL = 1e-6

#: The side whose flow is found, as kernel codes (one mapping, STYLE rule 7).
VARIABLE_SIDES = {"cold": 1, "hot": 0}


@njit(cache=True)
def pinch_flow_limit(m_fixed, h_fixed_in, h_fixed_at_pinch, h_variable_out, h_variable):
    r"""Flow [kg/s] of the variable side that puts one profile point exactly on the pinch.

    .. math:: \dot m_j = \dot m_f\,\frac{h_{f,in} - h_f(T_j \pm \Delta T_{pp})}{h_{out} - h_j}

    Parameters
    ----------
    m_fixed : flow of the fixed side [kg/s]
    h_fixed_in : fixed side's inlet enthalpy [J/kg]
    h_fixed_at_pinch : fixed side's enthalpy at the point's temperature plus the pinch (fixed
        side hot) or minus the pinch (fixed side cold) [J/kg]
    h_variable_out : variable side's outlet enthalpy [J/kg]
    h_variable : variable side's enthalpy at the point [J/kg]

    Notes
    -----
    Quoilin et al. (2013); see the module docstring for the derivation. Evaluated as
    ``m_fixed * (h_fixed_in - h_fixed_at_pinch) / (h_variable_out - h_variable)`` (this
    order of operations is the one every caller relies on for bit-equal results).
    """
    return m_fixed * (h_fixed_in - h_fixed_at_pinch) / (h_variable_out - h_variable)


@njit(cache=True)
def pinch_limited_flow_kernel(m_fixed, h_fixed_in, h_fixed_at_pinch, h_variable_out, h_variable,
                              variable_is_cold):
    r"""Variable-side flow [kg/s] set by the binding pinch over a whole profile.

    Parameters
    ----------
    m_fixed : flow of the fixed side [kg/s], > 0
    h_fixed_in : fixed side's inlet enthalpy [J/kg]
    h_fixed_at_pinch : 1-D float64, fixed side's enthalpy at each point's temperature
        +- the pinch [J/kg] (entries of skipped points are not read)
    h_variable_out : variable side's outlet enthalpy [J/kg]
    h_variable : 1-D float64, variable side's enthalpy at each profile point [J/kg]
    variable_is_cold : 1 when the variable side is the cold stream, 0 when it is the hot one
        (:data:`VARIABLE_SIDES`)

    Returns
    -------
    (flow, index, status)
        flow : :math:`\min_j \dot m_j` [kg/s] (:func:`pinch_flow_limit` at each point *j*
        strictly before the outlet: :math:`h_j < h_{out}` for a cold variable side,
        :math:`h_j > h_{out}` for a hot one); index : the binding point (first of equal
        minima); status : :data:`STATUS_OK` (-1), :data:`STATUS_INFEASIBLE`,
        :data:`STATUS_PROPERTY` or :data:`STATUS_NO_POINT` (flow NaN, index the offending point
        or -1).
    """
    sign = 1.0 if variable_is_cold == 1 else -1.0
    m = math.inf
    idx = -1
    for j in range(h_variable.size):
        den = sign * (h_variable_out - h_variable[j])
        if math.isnan(den):
            return math.nan, j, STATUS_PROPERTY
        if not den > 0.0:
            continue
        num = sign * (h_fixed_in - h_fixed_at_pinch[j])
        if math.isnan(num):
            return math.nan, j, STATUS_PROPERTY
        if not num > 0.0:
            return math.nan, j, STATUS_INFEASIBLE
        m_j = pinch_flow_limit(m_fixed, h_fixed_in, h_fixed_at_pinch[j], h_variable_out, h_variable[j])
        if m_j < m:
            m = m_j
            idx = j
    if idx < 0:
        return math.nan, -1, STATUS_NO_POINT
    return m, idx, STATUS_OK


@njit(cache=True)
def counterflow_enthalpies(q, m_hot, h_hot_out, m_cold, h_cold_in, h_hot, h_cold):
    r"""Enthalpies of both streams at cumulative duties ``q`` from the cold end (counterflow).

    .. math:: h_{c}(Q) = h_{c,in} + Q/\dot m_c, \qquad h_{h}(Q) = h_{h,out} + Q/\dot m_h

    q : 1-D float64 [W]; m_hot, m_cold [kg/s] > 0; h_hot_out, h_cold_in [J/kg];
    h_hot, h_cold : outputs [J/kg], same length as q. Returns -1.
    """
    for i in range(q.size):
        h_cold[i] = h_cold_in + q[i] / m_cold
        h_hot[i] = h_hot_out + q[i] / m_hot
    return -1


@njit(cache=True)
def pinch_location(t_hot, t_cold):
    """Index of the smallest temperature difference t_hot - t_cold along a profile (first of
    equal minima), or the index of the first NaN difference."""
    idx = 0
    best = math.inf
    for i in range(t_hot.size):
        d = t_hot[i] - t_cold[i]
        if math.isnan(d):
            return i
        if d < best:
            best = d
            idx = i
    return idx


# ----------------------------------------------------------------------------- Python engine
@dataclass(frozen=True)
class PinchLimitedFlow:
    """Result of :func:`pinch_limited_flow` (SI).

    Attributes
    ----------
    flow : variable-side mass flow [kg/s]
    limited_by : "pinch" (a profile point of the variable side sits on the pinch),
        "profile" (the whole-profile check found a tighter point, e.g. at a phase change of the
        fixed side, and the flow was reduced to meet it) or "available" (``available_flow``
        is smaller than the pinch allows)
    pinch_flow : the flow the pinch alone allows [kg/s]
    binding_index : index of the binding point in the variable side's points
    binding_enthalpy, binding_temperature : variable side at that point [J/kg, K]
    point_enthalpy, point_temperature : the variable side's profile points [J/kg, K]
    profile : the :class:`~units.heat_exchanger.zones.ZoneProfile` of the exchanger at ``flow``
    """

    flow: float
    limited_by: str
    pinch_flow: float
    binding_index: int
    binding_enthalpy: float
    binding_temperature: float
    point_enthalpy: np.ndarray
    point_temperature: np.ndarray
    profile: object


def variable_side_points(stream, h_out: float, segments: int) -> tuple[np.ndarray, np.ndarray]:
    """Default profile points of a stream heated or cooled at constant pressure from its
    state to ``h_out`` [J/kg]: ``segments`` equal enthalpy steps plus the bubble and dew
    points that lie between (real fluids below the critical pressure). Returns (h, T)."""
    lo, hi = min(stream.h, h_out), max(stream.h, h_out)
    h = np.linspace(stream.h, h_out, segments + 1)
    extra = [hs for hs in saturation_enthalpies(stream.material, stream.p, stream.p) if lo < hs < hi]
    if extra:
        h = np.unique(np.concatenate([h, np.array(extra)]))
        if stream.h > h_out:
            h = h[::-1]
    return h, side_temperatures(stream.material, stream.p, h)


def pinch_limited_flow(fixed, variable_in, variable_outlet_enthalpy, pinch, *, variable_side="cold",
                       points=None, available_flow=None, segments=None, breakpoints=(),
                       pressure_drop_hot=0.0, pressure_drop_cold=0.0, check_profile=True):
    r"""Flow of one stream of a counterflow exchanger set by the binding pinch, and its profile.

    Parameters
    ----------
    fixed : :class:`procsim.stream.Stream`, the stream whose flow is known (a flue gas, a heat
        source, a coolant of known flow), any material
    variable_in : :class:`procsim.stream.Stream`, inlet state of the stream whose flow is found
        (its ``mass_flow`` is not used), any material
    variable_outlet_enthalpy : outlet enthalpy of the variable side [J/kg] (above its inlet
        for a cold variable side, below for a hot one)
    pinch : smallest temperature difference allowed anywhere [K], >= 0
    variable_side : "cold" (default: steam raised, working fluid evaporated) or "hot"
    points : optional (h, T) arrays of the variable side's profile points [J/kg, K] (a cycle
        model's own zone grid, or a drum convention such as the economizer outlet taken at
        the saturation temperature); default :func:`variable_side_points`
    available_flow : optional upper limit of the variable flow [kg/s] (feedwater available)
    segments : zone-analysis segments of the returned profile (default
        :data:`~units.heat_exchanger.zones.DEFAULT_SEGMENTS`)
    breakpoints : further duties from the cold end [W] to put profile points at
    pressure_drop_hot, pressure_drop_cold : [Pa], passed to the returned profile (the pinch
        points themselves are evaluated at the inlet pressures)
    check_profile : when True (default) the returned profile is checked over every point, and
        where a point of the *fixed* side (its own phase change) is tighter than the pinch the
        flow is reduced (Brent's method) until the smallest approach equals ``pinch``

    Returns
    -------
    :class:`PinchLimitedFlow` (flow [kg/s] and ``profile``)

    Raises
    ------
    ValueError naming the point when the fixed side cannot reach the pinch at some point
    (for a cold variable side: the fixed inlet is not hotter than that point plus the pinch).

    Notes
    -----
    The flow is :func:`pinch_limited_flow_kernel` (closed form at every point, the smallest
    wins); fixed-side enthalpies at :math:`T_j \pm \Delta T_{pp}` come from the fixed
    stream's material at its inlet pressure, variable-side temperatures from its material at
    its inlet pressure. The profile is :func:`~units.heat_exchanger.zones.zone_profile` at the
    resulting duty, with the variable side's points as segment boundaries.

    Examples
    --------
    >>> from procsim.stream import Stream
    >>> gas = Stream({"N2": 0.72, "CO2": 0.08, "H2O": 0.16, "O2": 0.04}, 673.15, 101325.0, 10.0)
    >>> water = Stream("Water", 378.15, 1.0e6, 1.0)
    >>> h_steam = Stream("Water", None, 1.0e6, 1.0, x=1.0).h
    >>> r = pinch_limited_flow(gas, water, h_steam, 10.0)
    >>> round(r.flow, 4), r.limited_by, round(r.profile.min_approach, 6)   # kg/s of steam, K
    (1.2096, 'pinch', 10.0)
    """
    check_choice("variable_side", variable_side, VARIABLE_SIDES)
    dt = check_nonnegative("pinch", as_float("pinch", pinch, "K"), "K")
    h_out = as_float("variable_outlet_enthalpy", variable_outlet_enthalpy, "J/kg")
    check_positive("fixed.mass_flow", fixed.mass_flow, "kg/s")
    cold = variable_side == "cold"
    if not ((h_out > variable_in.h) if cold else (h_out < variable_in.h)):
        raise ValueError(f"variable_outlet_enthalpy must be {'above' if cold else 'below'} the variable "
                         f"inlet enthalpy {variable_in.h!r} J/kg for a {variable_side} variable side; "
                         f"got {h_out!r} J/kg")
    if segments is None:
        segments = DEFAULT_SEGMENTS
    if points is None:
        h_pts, t_pts = variable_side_points(variable_in, h_out, segments)
    else:
        h_pts = np.ascontiguousarray(points[0], dtype=float)
        t_pts = np.ascontiguousarray(points[1], dtype=float)
        if h_pts.shape != t_pts.shape or h_pts.ndim != 1:
            raise ValueError(f"points must be two 1-D arrays (h, T) of equal length; got shapes "
                             f"{h_pts.shape} and {t_pts.shape}")
    sign = 1.0 if cold else -1.0
    h_fix = np.full(h_pts.size, math.nan)
    for j in range(h_pts.size):
        if sign * (h_out - h_pts[j]) > 0.0:
            t_f = t_pts[j] + sign * dt
            if cold and not t_f < fixed.T or (not cold and not t_f > fixed.T):
                raise ValueError(
                    f"the fixed side at {fixed.T:.6g} K cannot hold a pinch of {dt:g} K at the variable-side "
                    f"point {t_pts[j]:.6g} K (h = {h_pts[j]:.6g} J/kg): it would have to be "
                    f"{'above' if cold else 'below'} {t_f:.6g} K")
            h_fix[j] = fixed.with_(T=t_f).h
    m, idx, status = pinch_limited_flow_kernel(float(fixed.mass_flow), float(fixed.h), h_fix, h_out, h_pts,
                                               VARIABLE_SIDES[variable_side])
    if status != STATUS_OK:
        what = {STATUS_PROPERTY: "a property outside its range", STATUS_NO_POINT: "no profile point before "
                "the outlet", STATUS_INFEASIBLE: "a point the fixed side cannot reach"}[status]
        raise ValueError(f"pinch-limited flow could not be found: {what} (point {idx})")
    m_pinch = float(m)
    limited = "pinch"
    if available_flow is not None and available_flow < m_pinch:
        m, limited = float(available_flow), "available"

    def profile_at(flow):
        duty = flow * abs(h_out - variable_in.h)
        var = variable_in.with_(mass_flow=flow)
        hot, cold_s = (fixed, var) if cold else (var, fixed)
        # duties from the cold end of the variable side's points (profile boundaries)
        if cold:
            bps = [flow * (hp - variable_in.h) for hp in h_pts]
        else:
            bps = [flow * (hp - h_out) for hp in h_pts]
        return zone_profile(hot, cold_s, duty, segments=segments, breakpoints=tuple(bps) + tuple(breakpoints),
                            pressure_drop_hot=pressure_drop_hot, pressure_drop_cold=pressure_drop_cold)

    prof = profile_at(m)
    if check_profile and prof.min_approach < dt - PINCH_CHECK_TOL:
        def gap(flow):
            try:
                return profile_at(flow).min_approach - dt
            except ValueError:  # a temperature cross: below any pinch (finite for Brent)
                return -1.0e9
        # the smallest approach falls monotonically as the flow grows; near zero flow it is the
        # (positive) terminal difference, so [1e-9 m, m] brackets the root
        m = brentq(gap, 1e-9 * m, m, xtol=1e-12 * m, rtol=1e-13)
        prof = profile_at(m)
        limited = "profile"
    return PinchLimitedFlow(flow=float(m), limited_by=limited, pinch_flow=m_pinch, binding_index=int(idx),
                            binding_enthalpy=float(h_pts[idx]), binding_temperature=float(t_pts[idx]),
                            point_enthalpy=h_pts, point_temperature=t_pts, profile=prof)
