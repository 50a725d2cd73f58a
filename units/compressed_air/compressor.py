r"""Air compressors: power drawn versus free air delivered, for each capacity control.

A :class:`Compressor` is built from data-sheet figures (CAGI / ISO 1217 Annex C style:
rated free-air flow, full-load and no-load input power at a rated discharge pressure).
Its steady part-load power follows the control type:

==========================  =====================================================================
control                     part-load power, c = flow / rated flow
==========================  =====================================================================
``load_unload``             cycle between loaded (power averaged over the pressure rise from
                            cut-in to cut-out) and unloaded; unloaded power falls exponentially
                            during blow-down; receiver size and pressure band set the cycle
                            length (see :func:`cycle_power`)
``modulation``              inlet modulation: P = P0 + (Pfl - P0) c (linear, MEASUR exponent 1);
                            with ``blow_off_point`` (centrifugal) power is flat below it and the
                            difference is vented
``modulation_unload``       modulation down to the unload point, load/unload cycling below it
``variable_displacement``   P = P0 + (Pfl - P0) c^2 down to the unload point (MEASUR exponent 2),
                            cycling below
``vfd``                     linear from the turn-down point to full load; cycling below it
``start_stop``              runs fully loaded between cut-in and cut-out pressure, stops otherwise:
                            P = c (Pfl + Pcut) / 2 (MEASUR start/stop)
==========================  =====================================================================

References
----------
.. [DOE] U.S. DOE and Compressed Air Challenge, Improving Compressed Air System
   Performance: A Sourcebook for Industry, 2003 (rev. 2016), Fact Sheet "Compressed Air
   System Controls" (part-load performance curves by control type; load/unload curves
   for 1, 3, 5 and 10 gal/cfm of storage).
.. [MEASUR] ORNL / U.S. DOE, MEASUR compressed-air tools (AMO-Tools-Suite
   ``Compressors`` calculator): modulation P = (Pfl - P0) c^n + P0 with n = 1 (inlet
   modulation) or n = 2 (variable displacement); start/stop P = c (Pfl + Pmax)/2;
   load/unload average over a cycle with exponential sump blow-down; centrifugal
   blow-off flat power below the blow-off point.
.. [Rule] DOE Sourcebook / CAC: input power rises about 1 % per 2 psi of discharge
   pressure near 100 psig; here from the ideal isentropic work ratio (see
   :func:`discharge_pressure_factor`), which gives 1.13 % (one stage) and 0.99 % (two
   stages) for 100 -> 98 psig.
.. [ISO2533] ISO 2533:1975 Standard Atmosphere: p = 101325 (1 - 2.25577e-5 h)^5.25588.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path
from types import MappingProxyType

import numpy as np
from numba import njit

from procsim.validation import (as_float, broadcast_arrays, check_choice, check_int, check_nonnegative,
                                check_positive, check_range)

from .flow import GAMMA_AIR, ISO1217_PRESSURE, ISO1217_TEMPERATURE, P_ATM

__all__ = ["CONTROLS", "CONTROL_DEFAULTS", "Compressor", "cycle_power", "ramped_cycle_power",
           "volumetric_efficiency", "CLEARANCE_RATIO",
           "part_load_power",
           "discharge_pressure_factor", "altitude_pressure"]

#: Capacity-control names -> int codes used by the kernels (one mapping, STYLE rule 7).
CONTROLS = MappingProxyType({"load_unload": 0, "modulation": 1, "modulation_unload": 2,
                             "variable_displacement": 3, "vfd": 4, "start_stop": 5})

_DATA = Path(__file__).resolve().parents[2] / "procsim" / "data"


def _read_defaults():
    table = {}
    with open(_DATA / "compressors_control_defaults.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            table[(row["control"], row["parameter"])] = float(row["value"])
    return MappingProxyType(table)


#: Defaults of the part-load parameters, (control, parameter) -> value, read from
#: procsim/data/compressors_control_defaults.csv (each row carries its source and status).
CONTROL_DEFAULTS = _read_defaults()


def _default(control, name):
    return CONTROL_DEFAULTS.get((control, name), CONTROL_DEFAULTS.get(("all", name)))


#: Default equivalent clearance ratio of a displacement compressor [-]. Assumption: 5 % is
#: mid-range for reciprocating machines (3-10 %); for screws it stands for the slip that
#: makes free-air delivery fall as discharge pressure rises (about 3 % per bar near 7 bar(g)
#: with it, single stage). Give the data-sheet figure where the maker lists capacity at two pressures.
CLEARANCE_RATIO = 0.05
#: Polytropic exponent of the re-expansion in the volumetric-efficiency relation.
REEXPANSION_EXPONENT = 1.3


def volumetric_efficiency(pressure_ratio, clearance_ratio, exponent=REEXPANSION_EXPONENT):
    r"""Volumetric efficiency of a displacement compressor [-]: :math:`1 - C[(p_d/p_s)^{1/n} - 1]`.

    G. F. C. Rogers, Y. R. Mayhew, *Engineering Thermodynamics: Work and Heat Transfer*,
    4th ed., Longman, 1992, ch. 16 (reciprocating compressors, clearance volume). [vec]

    >>> round(float(volumetric_efficiency(8.0, 0.05)), 4)
    0.8025
    """
    r = check_range("pressure_ratio", pressure_ratio, 1.0, 50.0)
    c = check_range("clearance_ratio", clearance_ratio, 0.0, 0.3)
    n = check_range("exponent", exponent, 1.0, 1.67)
    return 1.0 - np.asarray(c) * (np.asarray(r) ** (1.0 / np.asarray(n)) - 1.0)


# ----------------------------------------------------------------------------- kernels
@njit(cache=True)
def cycle_power(c, c_loaded, p_loaded, p_unloaded, storage_time, tau):
    r"""Average power of a unit cycling between a loaded and an unloaded state [W].

    The unit delivers ``c_loaded`` (fraction of rated flow) at ``p_loaded`` until the
    receiver reaches the unload pressure, then delivers nothing while demand ``c`` drains
    the receiver back to the load pressure. With an isothermal receiver the free air
    stored in the band is S = V dp / p_ref, so (times in units of ``storage_time`` =
    S / Q_rated):

    .. math::
        t_l = \frac{t_s}{c_L - c},\quad t_u = \frac{t_s}{c},\quad
        \bar P = \frac{P_L t_l + P_u t_u + (P_L - P_u)\tau(1 - e^{-t_u/\tau})}{t_l + t_u}

    The last term is the blow-down: after unloading, power decays from P_L to the
    unloaded power P_u as exp(-t/tau) (MEASUR; DOE Sourcebook load/unload curves).
    Limits: infinite storage gives the ideal line P_u + (P_L - P_u) c / c_L; zero storage
    with tau > 0 gives P_L (the unit never reaches its unloaded power).

    c, c_loaded [-]; p_loaded, p_unloaded [W]; storage_time [s] (inf allowed); tau [s] >= 0.
    Returns NaN for c outside [0, c_loaded].
    """
    if not (c >= 0.0 and c <= c_loaded):
        return np.nan
    if c == c_loaded:
        return p_loaded
    if c == 0.0:
        return p_unloaded
    frac = c / c_loaded
    if math.isinf(storage_time) or tau == 0.0:
        return p_unloaded + (p_loaded - p_unloaded) * frac
    if storage_time <= 0.0:
        return p_loaded
    # divided through by t_u = storage_time / c so that tiny c cannot overflow:
    # r = t_l / t_u = c / (c_L - c), b = tau / t_u = tau c / storage_time
    r = c / (c_loaded - c)
    b = tau * c / storage_time
    # -expm1: 1 - exp(-x) without cancellation for short unloaded periods
    blow = (p_loaded - p_unloaded) * b * (-math.expm1(-1.0 / b))
    return (p_loaded * r + p_unloaded + blow) / (r + 1.0)


@njit(cache=True)
def ramped_cycle_power(c, c_loaded, p_cut_in, p_cut_out, p_unloaded, storage_time, tau):
    r"""Average power of a cycling unit whose loaded power rises over the pressure band [W].

    As :func:`cycle_power`, but while loaded the discharge pressure climbs linearly in time
    from cut-in to cut-out (constant net fill rate, isothermal receiver), so the loaded
    power ramps from ``p_cut_in`` to ``p_cut_out`` and averages their mean; the blow-down
    after unloading starts from ``p_cut_out``:

    .. math:: \bar P = \frac{\tfrac12(P_{in}+P_{out}) t_l + P_u t_u
              + (P_{out} - P_u)\tau(1 - e^{-t_u/\tau})}{t_l + t_u}

    Returns NaN for c outside [0, c_loaded); c = c_loaded is the steady (non-cycling)
    point and returns ``p_cut_in``.
    """
    if not (c >= 0.0 and c <= c_loaded):
        return np.nan
    if c == c_loaded:
        return p_cut_in
    mean = 0.5 * (p_cut_in + p_cut_out)
    base = cycle_power(c, c_loaded, mean, p_unloaded, storage_time, tau)
    if c == 0.0 or math.isinf(storage_time) or tau == 0.0 or storage_time <= 0.0:
        return base
    # blow-down starts at the cut-out power, not at the loaded mean
    r = c / (c_loaded - c)
    b = tau * c / storage_time
    return base + (p_cut_out - mean) * b * (-math.expm1(-1.0 / b)) / (r + 1.0)


@njit(cache=True)
def part_load_power(code, c, p_full, p_unloaded, p_zero, c_low, p_low, p_cut, storage_time, tau):
    """Steady power [W] of one compressor at flow fraction ``c`` in [0, 1] (NaN outside).

    code : CONTROLS code. p_full : full-load power [W] at the operating pressure;
    p_unloaded : unloaded (blown-down) power [W]; p_zero : modulation line at zero flow [W]
    (modulation types); c_low : unload point / turn-down / blow-off point [-];
    p_low : VFD power at turn-down [W]; p_cut : start/stop power at cut-out pressure [W];
    storage_time : receiver band storage / rated flow [s]; tau : blow-down time constant [s].

    While a unit cycles, its loaded part fills the receiver from the load (cut-in) to the
    unload (cut-out) pressure; at a constant net fill rate into an isothermal receiver the
    pressure rises linearly in time, so the loaded power averages the power at the two
    ends of the band: :math:`\bar P_L = P_L (1 + P_{cut}/P_{fl}) / 2`, with the cut-out
    to full-load ratio :math:`P_{cut}/P_{fl}` from :func:`discharge_pressure_factor`
    (MEASUR averages full-load and cut-out power the same way for start/stop); see
    :func:`ramped_cycle_power`. A unit that does not cycle (c = 1, or exactly at its
    unload point) stays at its steady power.
    """
    if not (c >= 0.0 and c <= 1.0):
        return np.nan
    f_cut = p_cut / p_full if p_full > 0.0 else 1.0
    if code == 0:
        return ramped_cycle_power(c, 1.0, p_full, f_cut * p_full, p_unloaded, storage_time, tau)
    if code == 1:
        cc = c if c > c_low else c_low
        return p_zero + (p_full - p_zero) * cc
    if code == 2:
        if c >= c_low:
            return p_zero + (p_full - p_zero) * c
        p_l = p_zero + (p_full - p_zero) * c_low
        return ramped_cycle_power(c, c_low, p_l, f_cut * p_l, p_unloaded, storage_time, tau)
    if code == 3:
        if c >= c_low:
            return p_zero + (p_full - p_zero) * c * c
        p_l = p_zero + (p_full - p_zero) * c_low * c_low
        return ramped_cycle_power(c, c_low, p_l, f_cut * p_l, p_unloaded, storage_time, tau)
    if code == 4:
        if c >= c_low:
            if c_low >= 1.0:
                return p_full
            return p_low + (p_full - p_low) * (c - c_low) / (1.0 - c_low)
        return ramped_cycle_power(c, c_low, p_low, f_cut * p_low, p_unloaded, storage_time, tau)
    if code == 5:
        return cycle_power(c, 1.0, 0.5 * (p_full + p_cut), 0.0, storage_time, 0.0)
    return np.nan


@njit(cache=True)
def part_load_power_array(code, c, p_full, p_unloaded, p_zero, c_low, p_low, p_cut,
                          storage_time, tau, out):
    """Array loop over :func:`part_load_power` (c and p_full vary; the rest fixed).

    Returns -1, or the index of the first c outside [0, 1] (NaN written there).
    """
    first_bad = -1
    for i in range(c.size):
        out[i] = part_load_power(code, c[i], p_full[i], p_unloaded, p_zero[i], c_low, p_low[i],
                                 p_cut[i], storage_time, tau)
        if not (out[i] == out[i]) and first_bad < 0:
            first_bad = i
    return first_bad


def discharge_pressure_factor(discharge_pressure, rated_pressure, inlet_pressure=ISO1217_PRESSURE,
                              stages=1):
    r"""Ratio of input power at ``discharge_pressure`` to that at ``rated_pressure`` [-] [vec].

    From the ideal isentropic work of N equal-ratio stages at constant inlet volume flow
    (constant motor and compression efficiencies):

    .. math:: \frac{P(p_d)}{P(p_r)} = \frac{(p_d/p_{in})^{k} - 1}{(p_r/p_{in})^{k} - 1},
       \quad k = \frac{\gamma - 1}{N \gamma}

    It reproduces the DOE/CAC rule "1 % per 2 psi near 100 psig" (1.13 % one stage,
    0.99 % two stages for 100 -> 98 psig). Pressures absolute [Pa].

    Examples
    --------
    >>> round(float(discharge_pressure_factor(790826.0 - 2 * 6894.757, 790826.0, 101325.0)), 4)
    0.9887
    """
    pd_ = check_positive("discharge_pressure", discharge_pressure, "Pa")
    pr = check_positive("rated_pressure", rated_pressure, "Pa")
    pin = check_positive("inlet_pressure", inlet_pressure, "Pa")
    if np.ndim(stages):
        n = check_range("stages", stages, 1, 4, "")
        if not np.all(n == np.floor(n)):
            raise ValueError(f"stages must be integers in [1, 4]; got {np.asarray(stages)[n != np.floor(n)][0]!r}")
    else:
        n = check_int("stages", stages, 1, 4)
    for name, arr in (("discharge_pressure", pd_), ("rated_pressure", pr)):
        a = np.asarray(arr)
        if np.any(a <= np.asarray(pin)):
            raise ValueError(f"{name} must exceed inlet_pressure={float(np.min(pin))!r} Pa "
                             f"(absolute); got {float(np.min(a))!r} Pa")
    k = (GAMMA_AIR - 1.0) / (np.asarray(n) * GAMMA_AIR)
    return ((np.asarray(pd_) / pin) ** k - 1.0) / ((np.asarray(pr) / pin) ** k - 1.0)


def altitude_pressure(altitude):
    """Standard-atmosphere pressure at ``altitude`` [m] -> [Pa] (ISO 2533:1975, troposphere) [vec].

    Valid for -500 m <= altitude <= 11000 m.

    >>> round(float(altitude_pressure(1000.0)), 0)
    89875.0
    """
    h = check_range("altitude", altitude, -500.0, 11000.0, "m")
    return 101325.0 * (1.0 - 2.25577e-5 * np.asarray(h)) ** 5.25588


# ----------------------------------------------------------------------------- model
_DETAILS = {
    "rated_pressure": "discharge pressure at which rated_flow and the powers hold [Pa abs]",
    "max_pressure": "unload / cut-out pressure [Pa abs] (default rated_pressure + pressure_band)",
    "pressure_band": "load/unload (cut-in/cut-out) pressure band [Pa]",
    "receiver_volume": "receiver volume the unit cycles against [m3]",
    "blowdown_time": "sump blow-down time after unloading [s]",
    "zero_flow_power": "modulation line extended to zero flow [W]",
    "unload_point": "flow fraction where modulation/variable displacement switches to load/unload [-]",
    "turn_down": "VFD minimum flow as a fraction of rated flow, (0, 1] [-]",
    "turndown_power": "VFD input power at the turn-down flow [W]",
    "blow_off_point": "modulation (centrifugal): flow fraction below which air is blown off [-]",
    "cut_out_power": "start/stop: input power at max_pressure [W]",
    "stages": "compression stages, for the discharge-pressure correction [-]",
    "clearance_ratio": "equivalent clearance (re-expansion and slip) volume ratio for the capacity "
                       "change with discharge pressure [-], in [0, 0.3]; default 0.05",
    "inlet_pressure": "inlet pressure [Pa abs] the data sheet refers to",
    "inlet_temperature": "inlet temperature [K] the data sheet refers to",
    "name": "label used in reports",
}


class Compressor:
    """One air compressor with its capacity control, from data-sheet figures.

    Parameters
    ----------
    control : one of ``CONTROLS`` ("load_unload", "modulation", "modulation_unload",
        "variable_displacement", "vfd", "start_stop")
    rated_flow : free air delivered at full load [m3/s, ISO 1217 reference], > 0
    full_load_power : package input power at full load and ``rated_pressure`` [W], > 0
    no_load_power : unloaded, blown-down input power [W], in [0, full_load_power);
        default from ``CONTROL_DEFAULTS`` (20 % of full load; 0 for start/stop and pure
        modulation, which never unload)
    **details : see ``Compressor.DETAILS`` (rated_pressure, max_pressure, pressure_band,
        receiver_volume, blowdown_time, zero_flow_power, unload_point, turn_down,
        turndown_power, blow_off_point, cut_out_power, stages, inlet_pressure,
        inlet_temperature, name). Unknown keys are an error.

    Examples
    --------
    >>> c = Compressor("modulation", rated_flow=0.5, full_load_power=180e3)
    >>> round(float(c.power(0.25)) / 180e3, 3)   # 70 % at zero flow, linear
    0.85
    """

    DETAILS = MappingProxyType(_DETAILS)

    def __init__(self, control, rated_flow, full_load_power, no_load_power=None, **details):
        unknown = sorted(set(details) - set(_DETAILS))
        if unknown:
            raise ValueError(f"unknown compressor details {unknown}; valid names are "
                             f"{sorted(_DETAILS)}")
        s = object.__setattr__
        s(self, "control", str(control))
        s(self, "code", check_choice("control", control, CONTROLS))
        s(self, "rated_flow", as_float("rated_flow", check_positive("rated_flow", rated_flow, "m3/s"), "m3/s"))
        s(self, "full_load_power", as_float("full_load_power", check_positive(
            "full_load_power", full_load_power, "W"), "W"))
        pfl, q = self.full_load_power, self.rated_flow
        s(self, "name", str(details.get("name", f"{control} {q * 60:.1f} m3/min")))
        if no_load_power is None:
            no_load_power = 0.0 if control in ("start_stop", "modulation") else \
                _default(control, "no_load_power_fraction") * pfl
        s(self, "no_load_power", float(check_range("no_load_power", no_load_power, 0.0, pfl, "W",
                                                    high_inclusive=False)))
        s(self, "rated_pressure", float(check_positive(
            "rated_pressure", details.get("rated_pressure", _default(control, "rated_pressure")), "Pa")))
        s(self, "inlet_pressure", float(check_positive(
            "inlet_pressure", details.get("inlet_pressure", ISO1217_PRESSURE), "Pa")))
        s(self, "inlet_temperature", float(check_positive(
            "inlet_temperature", details.get("inlet_temperature", ISO1217_TEMPERATURE), "K")))
        if not self.rated_pressure > max(self.inlet_pressure, P_ATM):
            raise ValueError(f"rated_pressure must be absolute and above ambient {P_ATM} Pa; got "
                             f"{self.rated_pressure!r} Pa (a gauge value?)")
        band = details.get("pressure_band")
        if band is None and "max_pressure" in details:
            band = float(details["max_pressure"]) - self.rated_pressure
        band = _default(control, "pressure_band") if band is None else band
        s(self, "pressure_band", float(check_positive("pressure_band", band, "Pa")))
        s(self, "max_pressure", self.rated_pressure + self.pressure_band)
        s(self, "stages", check_int("stages", details.get("stages", 1), 1, 4))
        s(self, "clearance_ratio", float(check_range(
            "clearance_ratio", details.get("clearance_ratio", CLEARANCE_RATIO), 0.0, 0.3, "")))
        vol = details.get("receiver_volume", _default(control, "receiver_volume_per_flow") * q * 60.0)
        s(self, "receiver_volume", float(check_nonnegative("receiver_volume", vol, "m3")))
        s(self, "blowdown_time", float(check_nonnegative(
            "blowdown_time", details.get("blowdown_time", _default(control, "blowdown_time")), "s")))
        zf = _default(control, "zero_flow_power_fraction")
        s(self, "zero_flow_power", float(check_range(
            "zero_flow_power", details.get("zero_flow_power", (zf or 0.0) * pfl), 0.0, pfl, "W")))
        low = 0.0
        if control in ("modulation_unload", "variable_displacement"):
            low = check_range("unload_point", details.get("unload_point", _default(control, "unload_point")),
                              0.0, 1.0, "", low_inclusive=False)
        elif control == "vfd":
            td = as_float("turn_down", details.get("turn_down", _default("vfd", "turn_down")))
            if not (0.0 < td <= 1.0):
                raise ValueError(f"turn_down must be in (0, 1] as a fraction of rated flow (1 = 100 %); "
                                 f"got {td!r} ({100 * td:g} %)")
            low = td
        elif control == "modulation":
            low = check_range("blow_off_point", details.get("blow_off_point", 0.0), 0.0, 1.0, "",
                              high_inclusive=False)
        s(self, "low_point", float(low))
        tdp = details.get("turndown_power")
        if tdp is None:
            tdp = _default("vfd", "turndown_specific_power_ratio") * low * pfl if control == "vfd" else 0.0
        s(self, "turndown_power", float(check_range("turndown_power", tdp, 0.0, pfl, "W")))
        cut = details.get("cut_out_power")
        if cut is None:
            cut = pfl * float(discharge_pressure_factor(self.max_pressure, self.rated_pressure,
                                                        self.inlet_pressure, self.stages))
        s(self, "cut_out_power", float(check_positive("cut_out_power", cut, "W")))
        tol = _default(control, "blowdown_tolerance")
        s(self, "blowdown_tau", self.blowdown_time / math.log(1.0 / tol))

    def __setattr__(self, key, value):
        raise AttributeError("Compressor is immutable; build a new one (see rerated())")

    def __repr__(self):
        return (f"Compressor({self.control!r}, rated_flow={self.rated_flow!r}, "
                f"full_load_power={self.full_load_power!r}, no_load_power={self.no_load_power!r},"
                f" name={self.name!r})")

    # --------------------------------------------------------------- derived figures
    @property
    def specific_power(self) -> float:
        """Full-load specific power [W per m3/s of free air] (x 1/60e3 for kW/(m3/min))."""
        return self.full_load_power / self.rated_flow

    @property
    def storage_time(self) -> float:
        """Time [s] to fill the load/unload band of the receiver at rated flow: V dp / (p_ref Q)."""
        return self.receiver_volume * self.pressure_band / (ISO1217_PRESSURE * self.rated_flow)

    def capacity(self, discharge_pressure=None):
        """Free-air delivery at full load [m3/s] at ``discharge_pressure`` [Pa abs] [vec].

        Rated flow scaled by the volumetric-efficiency ratio
        eta_v(p_d / p_in) / eta_v(p_rated / p_in) (:func:`volumetric_efficiency`, per stage
        pressure ratio); the rated flow at the rated pressure.
        """
        if discharge_pressure is None:
            return self.rated_flow
        pd_ = check_positive("discharge_pressure", discharge_pressure, "Pa")
        if np.any(np.asarray(pd_) <= self.inlet_pressure):
            raise ValueError(f"discharge_pressure must exceed inlet_pressure={self.inlet_pressure!r} Pa; "
                             f"got {float(np.min(pd_))!r} Pa")
        k = 1.0 / self.stages
        r_new = (np.asarray(pd_) / self.inlet_pressure) ** k
        r_rated = (self.rated_pressure / self.inlet_pressure) ** k
        out = self.rated_flow * volumetric_efficiency(r_new, self.clearance_ratio) \
            / volumetric_efficiency(r_rated, self.clearance_ratio)
        return float(out) if np.ndim(out) == 0 else out

    def pressure_factor(self, discharge_pressure):
        """Power ratio at ``discharge_pressure`` vs the rated pressure [-] [vec]."""
        return discharge_pressure_factor(discharge_pressure, self.rated_pressure,
                                         self.inlet_pressure, self.stages)

    def kernel_parameters(self):
        """Float64 array of this unit's part-load parameters in kernel order (see simulate)."""
        return np.array([self.code, self.rated_flow, self.full_load_power, self.no_load_power,
                         self.zero_flow_power, self.low_point, self.turndown_power,
                         self.cut_out_power, self.storage_time, self.blowdown_tau,
                         self.rated_pressure, self.inlet_pressure, self.stages], dtype=np.float64)

    # --------------------------------------------------------------- power
    def power(self, flow, discharge_pressure=None):
        """Input power [W] while delivering ``flow`` [m3/s free air], steady state [vec].

        flow in [0, rated_flow]. ``discharge_pressure`` [Pa abs] scales the loaded powers
        by :meth:`pressure_factor` (the unloaded power stays) and sets the capacity the flow
        fraction is taken of (:meth:`capacity`); default: rated pressure.
        """
        q = check_nonnegative("flow", flow, "m3/s")
        qa = np.asarray(q)
        cap = self.capacity(discharge_pressure)
        if np.any(qa > np.asarray(cap) * (1.0 + 1e-12)):
            if discharge_pressure is None:
                raise ValueError(f"flow must be <= rated_flow={self.rated_flow!r} m3/s; got "
                                 f"{float(qa.max())!r} m3/s")
            raise ValueError(f"flow must be <= the capacity {float(np.min(cap))!r} m3/s at the "
                             f"discharge pressure (rated_flow={self.rated_flow!r} m3/s); got "
                             f"{float(qa.max())!r} m3/s")
        if discharge_pressure is None:
            factor = 1.0
        else:
            factor = self.pressure_factor(discharge_pressure)
        shape, (c, f) = broadcast_arrays(flow=np.minimum(qa / cap, 1.0), factor=factor)
        out = np.empty_like(c)
        part_load_power_array(self.code, c, f * self.full_load_power, self.no_load_power,
                              f * self.zero_flow_power, self.low_point, f * self.turndown_power,
                              f * self.cut_out_power, self.storage_time, self.blowdown_tau, out)
        return float(out[0]) if shape == () else out.reshape(shape)

    def vented_flow(self, flow):
        """Air blown off [m3/s] while delivering ``flow`` (modulation with blow_off_point) [vec]."""
        q = check_nonnegative("flow", flow, "m3/s")
        if self.code != CONTROLS["modulation"]:
            return np.zeros_like(np.asarray(q, dtype=float)) if np.ndim(q) else 0.0
        v = np.maximum(self.low_point * self.rated_flow - np.asarray(q), 0.0)
        return float(v) if np.ndim(v) == 0 else v

    def flow_from_power(self, power, discharge_pressure=None, n_grid=2001):
        """Delivered flow [m3/s] inferred from input ``power`` [W] through the control curve [vec].

        Inverts :meth:`power` on a fine grid (the curves are non-decreasing in flow).
        Powers outside [power(0), power(rated)] are an error. Where the curve is flat
        (blow-off region) the flow is not identifiable: NaN is returned there.
        """
        p = check_nonnegative("power", power, "W")
        grid = np.linspace(0.0, float(np.min(self.capacity(discharge_pressure))), n_grid)
        curve = self.power(grid, discharge_pressure)
        # cycling units draw slightly more just below full load than at it (the loaded
        # power averages the band), so the top of the range is the curve's maximum
        lo, hi = curve[0], float(np.max(curve))
        pa = np.asarray(p, dtype=float)
        if np.any(pa < lo * (1 - 1e-9)) or np.any(pa > hi * (1 + 1e-9)):
            raise ValueError(f"power must be within [{lo:.6g}, {hi:.6g}] W for {self.name}; got "
                             f"{float(pa.min()) if np.any(pa < lo) else float(pa.max())!r} W")
        curve = np.maximum.accumulate(curve)
        flow = np.interp(np.clip(pa, lo, hi), curve, grid)
        if self.code == CONTROLS["modulation"] and self.low_point > 0:
            flat = pa <= curve[int(self.low_point * (n_grid - 1))] * (1 + 1e-12)
            flow = np.where(flat, np.nan, flow)
        return float(flow) if np.ndim(flow) == 0 else flow

    def rerated(self, inlet_temperature=None, inlet_pressure=None, altitude=None):
        r"""The same machine at other inlet conditions (new :class:`Compressor`).

        A displacement compressor moves a fixed inlet volume: the mass-equivalent free-air
        flow at the ISO 1217 reference scales as (p_in / p_ref)(T_ref / T_in) against the
        data sheet's inlet state; input power scales as p_in times the isentropic work factor
        at the new pressure ratio (discharge pressure held):

        .. math:: \frac{P'}{P} = \frac{p_{in}'}{p_{in}}\frac{(p_d/p_{in}')^k - 1}{(p_d/p_{in})^k - 1}

        (ideal-gas law; ISO 1217:2009 conversion to reference conditions; altitude from
        ISO 2533). Unloaded power is held. Give either inlet_pressure [Pa abs] or
        altitude [m]; inlet_temperature [K].
        """
        if inlet_pressure is not None and altitude is not None:
            raise ValueError("give inlet_pressure or altitude, not both")
        p_new = self.inlet_pressure
        if altitude is not None:
            p_new = float(altitude_pressure(altitude))
        elif inlet_pressure is not None:
            p_new = as_float("inlet_pressure", check_positive("inlet_pressure", inlet_pressure, "Pa"), "Pa")
        t_new = self.inlet_temperature if inlet_temperature is None else as_float(
            "inlet_temperature", check_positive("inlet_temperature", inlet_temperature, "K"), "K")
        if not p_new < self.rated_pressure:
            raise ValueError(f"inlet_pressure must be below rated_pressure={self.rated_pressure!r} Pa;"
                             f" got {p_new!r} Pa")
        flow_ratio = (p_new / self.inlet_pressure) * (self.inlet_temperature / t_new)
        k = (GAMMA_AIR - 1.0) / (self.stages * GAMMA_AIR)
        w_old = (self.rated_pressure / self.inlet_pressure) ** k - 1.0
        w_new = (self.rated_pressure / p_new) ** k - 1.0
        power_ratio = (p_new / self.inlet_pressure) * w_new / w_old
        d = dict(rated_pressure=self.rated_pressure, clearance_ratio=self.clearance_ratio,
                 pressure_band=self.pressure_band,
                 receiver_volume=self.receiver_volume, blowdown_time=self.blowdown_time,
                 stages=self.stages, inlet_pressure=p_new, inlet_temperature=t_new, name=self.name,
                 zero_flow_power=self.zero_flow_power * power_ratio,
                 cut_out_power=self.cut_out_power * power_ratio)
        if self.code in (2, 3):
            d["unload_point"] = self.low_point
        elif self.code == 4:
            d["turn_down"] = self.low_point
            d["turndown_power"] = self.turndown_power * power_ratio
        elif self.code == 1:
            d["blow_off_point"] = self.low_point
        return Compressor(self.control, self.rated_flow * flow_ratio,
                          self.full_load_power * power_ratio,
                          min(self.no_load_power, 0.999 * self.full_load_power * power_ratio), **d)
