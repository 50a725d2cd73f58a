r"""Sequencer simulation of a compressed-air system over a demand profile (numba, one loop).

One time step (1 s to 1 h) is quasi-steady: the controller picks the compressors that run
and the pressure it holds; each compressor's power follows its part-load curve
(:func:`units.compressed_air.compressor.part_load_power`, which already averages the
load/unload cycles shorter than a step); the receiver integrates the imbalance:

.. math:: p_{k+1} = p_k + \frac{R T}{V}\,(\dot m_{in} - \dot m_{out})\,\Delta t

(isothermal receiver, ideal gas; DOE Sourcebook "Air Receivers"). Outflows are evaluated
at the start of the step, so the mass balance
produced = delivered + leaked + vented + stored
closes per step to rounding (the residual is reported).

Controllers
-----------
``cascade``: each compressor has its own load/unload band; units are loaded in order of
descending band; the unit whose band the pressure settles in trims, units below it run
unloaded until their run-on timer ends (the classic un-integrated system).
``master``: one set-point for all; base units ranked by full-load specific power run fully
loaded and are chained on/off; a trim unit (a VFD where there is one) takes the rest.

References
----------
U.S. DOE / CAC, Improving Compressed Air System Performance: A Sourcebook for Industry
(2003/2016), Fact Sheets "Compressed Air System Controls" (cascade pressure bands,
sequencers, network controllers) and "Air Receivers"; MEASUR (ORNL) compressed-air
system assessment (profile-based day-type simulation with sequencer and trim unit).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numba import njit

from procsim.validation import as_array, check_choice, check_nonnegative, check_positive, check_range

from .compressor import Compressor, part_load_power
from .flow import GAMMA_AIR, ISO1217_PRESSURE, P_ATM, R_AIR, RHO_FREE_AIR, orifice_mass_flux
from .network import Dryer, EndUses, LeakSurvey, Receiver

__all__ = ["STRATEGIES", "AirSystem", "SimulationResult", "simulate", "simulate_kernel"]

STRATEGIES = MappingProxyType({"cascade": 0, "master": 1})

# column layout of the compressor parameter matrix (Compressor.kernel_parameters)
_CODE, _Q, _PFL, _PNL, _PZERO, _LOW, _PTD, _PCUT, _TS, _TAU, _PRATED, _PIN, _STAGES = range(13)

# status codes of simulate_kernel
STATUS_OK = -1
STATUS_BAD_DEMAND = -2   # a demand value negative or NaN (index in bad_index[0])


@njit(cache=True)
def _pressure_factor(p, p_rated, p_in, stages):
    k = (GAMMA_AIR - 1.0) / (stages * GAMMA_AIR)
    return ((p / p_in) ** k - 1.0) / ((p_rated / p_in) ** k - 1.0)


@njit(cache=True)
def simulate_kernel(demand, dt, comp, band_load, band_unload, order, trim, strategy, setpoint,
                    master_band, run_on_time, volume, temperature, leak_area, unreg_frac,
                    p_nominal, p_min, dp_coef, purge_frac, dryer_power, p_start,
                    pressure, p_use, power, comp_power, comp_flow, produced, delivered, leaked,
                    vented, stored, shortfall, residual, bad_index):
    """Advance the system over ``demand.size`` steps of ``dt`` seconds; fill the outputs.

    demand [m3/s free air requested by end uses at nominal pressure]; comp (n, 13) rows of
    Compressor.kernel_parameters; order: dispatch order (cascade: by band; master: base
    units by specific power); trim: index of the trim unit (-1 none). Outputs are per step:
    pressure (receiver, end of step) and p_use (point of use) [Pa]; power [W] (all units +
    dryer); comp_power, comp_flow (n per step) [W, m3/s]; produced, delivered, leaked,
    vented, stored, shortfall, residual [kg per step]. Returns -1, or -2 with
    bad_index[0] the first bad demand element.
    """
    n = comp.shape[0]
    running = np.zeros(n, dtype=np.bool_)
    idle = np.zeros(n)
    flow = np.zeros(n)
    vent_i = np.zeros(n)
    rho = RHO_FREE_AIR
    rt_v = R_AIR * temperature / volume
    p = p_start
    total_cap = 0.0
    for i in range(n):
        total_cap += comp[i, _Q]
    for k in range(demand.size):
        d = demand[k]
        if not (d >= 0.0):
            bad_index[0] = k
            return STATUS_BAD_DEMAND
        # ---- outflows at the start-of-step pressure
        pe = p - dp_coef * d * d
        if pe < P_ATM:
            pe = P_ATM
        p_use[k] = pe
        want = d * rho
        reg = (1.0 - unreg_frac) * want
        if pe < p_min:
            reg *= max(0.0, (pe - P_ATM) / (p_min - P_ATM))
        unreg = unreg_frac * want * pe / p_nominal if pe > P_ATM else 0.0
        leak = leak_area * orifice_mass_flux(p, temperature, P_ATM, GAMMA_AIR, R_AIR) if p > P_ATM else 0.0
        purge = purge_frac * (reg + unreg + leak)
        m_out = reg + unreg + leak + purge
        # ---- controller: target pressure
        if strategy == 0:
            need = m_out / rho
            cum = 0.0
            target = band_unload[order[n - 1]]
            for j in range(n):
                u = order[j]
                cum += comp[u, _Q]
                if cum >= need:
                    target = 0.5 * (band_load[u] + band_unload[u])
                    break
        else:
            target = setpoint
        q_req = (m_out + volume * (target - p) / (R_AIR * temperature * dt)) / rho
        if q_req < 0.0:
            q_req = 0.0
        # ---- dispatch
        for i in range(n):
            flow[i] = 0.0
            vent_i[i] = 0.0
        remaining = q_req
        if strategy == 0 or trim < 0:
            for j in range(n):
                u = order[j]
                f = min(comp[u, _Q], remaining)
                flow[u] = f
                remaining -= f
        else:
            qt = comp[trim, _Q]
            for j in range(n):
                if remaining <= qt:
                    break
                u = order[j]
                if u == trim:
                    continue
                # a base unit runs fully loaded; one larger than what is left runs part
                # loaded on its own control and the trim unit runs full
                f = comp[u, _Q] if comp[u, _Q] <= remaining else remaining - qt
                flow[u] = f
                remaining -= f
            flow[trim] = min(qt, remaining)
        # ---- air into the receiver (flows do not depend on power)
        m_in = 0.0
        m_vent = 0.0
        for i in range(n):
            if int(comp[i, _CODE]) == 1 and flow[i] > 0.0 and flow[i] < comp[i, _LOW] * comp[i, _Q]:
                vent_i[i] = comp[i, _LOW] * comp[i, _Q] - flow[i]
            m_in += flow[i] * rho
            m_vent += vent_i[i] * rho
        # ---- receiver; never below ambient: scale the outflows if they would drain it
        p_new = p + rt_v * (m_in - m_out) * dt
        floor = P_ATM * 1.000001
        if p_new < floor and m_out > 0.0:
            scale = (m_in * dt - (floor - p) / rt_v) / (m_out * dt)
            if scale < 0.0:
                scale = 0.0
            reg *= scale
            unreg *= scale
            leak *= scale
            purge *= scale
            m_out = reg + unreg + leak + purge
            p_new = p + rt_v * (m_in - m_out) * dt
        # ---- power of every unit, at the end-of-step pressure: the controller reaches its
        # target within seconds, so for long steps this is the pressure the units work against
        ptot = 0.0
        any_running = False
        for i in range(n):
            code = int(comp[i, _CODE])
            fac = _pressure_factor(p_new, comp[i, _PRATED], comp[i, _PIN], comp[i, _STAGES])
            pfl = comp[i, _PFL] * fac
            pw = 0.0
            if flow[i] > 0.0:
                running[i] = True
                idle[i] = 0.0
                c = flow[i] / comp[i, _Q]
                if c > 1.0:
                    c = 1.0
                band = master_band if strategy == 1 else band_unload[i] - band_load[i]
                ts = volume * band / (ISO1217_PRESSURE * comp[i, _Q])
                pw = part_load_power(code, c, pfl, comp[i, _PNL], comp[i, _PZERO] * fac, comp[i, _LOW],
                                     comp[i, _PTD] * fac, comp[i, _PCUT] * fac, ts, comp[i, _TAU])
            elif running[i]:
                a = idle[i]
                idle[i] += dt
                if code == 5 or a >= run_on_time:
                    running[i] = False
                    idle[i] = 0.0
                else:
                    span = min(dt, run_on_time - a)
                    tau = comp[i, _TAU]
                    excess = 0.0
                    if tau > 0.0:
                        excess = (pfl - comp[i, _PNL]) * tau * (math.exp(-a / tau) - math.exp(-(a + span) / tau))
                    pw = (comp[i, _PNL] * span + excess) / dt
                    if a + span >= run_on_time:
                        running[i] = False
                        idle[i] = 0.0
            comp_power[k, i] = pw
            comp_flow[k, i] = flow[i]
            ptot += pw
            if running[i]:
                any_running = True
        if any_running:
            ptot += dryer_power
        power[k] = ptot
        produced[k] = (m_in + m_vent) * dt
        delivered[k] = (reg + unreg) * dt
        leaked[k] = leak * dt
        vented[k] = (m_vent + purge) * dt
        stored[k] = (p_new - p) / rt_v
        shortfall[k] = max(0.0, want * dt - delivered[k]) if unreg_frac < 1.0 else 0.0
        residual[k] = produced[k] - delivered[k] - leaked[k] - vented[k] - stored[k]
        pressure[k] = p_new
        p = p_new
    return STATUS_OK


@dataclass(frozen=True)
class AirSystem:
    """A compressed-air system: compressors, receiver, treatment, distribution, leaks, end uses.

    Parameters
    ----------
    compressors : tuple of :class:`Compressor`
    receiver : :class:`Receiver` (total storage incl. pipe volume)
    end_uses : :class:`EndUses` (minimum pressure, unregulated share)
    control : "cascade" or "master"
    pressure_bands : cascade only, one (load_pressure, unload_pressure) [Pa abs] per unit;
        default: each unit's (rated_pressure, max_pressure)
    setpoint : master only, header pressure held [Pa abs]
    master_band : master only, pressure band the trim unit cycles in below its turn-down [Pa]
        (default 0.2 bar, engineering assumption)
    trim : master only, index of the trim unit; default: the VFD with the lowest full-load
        specific power, else the last-ranked unit trims with its own control
    run_on_time : how long an unneeded unit runs unloaded before it stops [s] (default
        600 s, a common "auto-dual" run-on timer; engineering assumption)
    leaks : :class:`LeakSurvey` or None; dryer : :class:`Dryer` or None;
    filters, pipes : tuples of :class:`Filter`, :class:`Pipe`
    """

    compressors: tuple
    receiver: Receiver
    end_uses: EndUses
    control: str = "cascade"
    pressure_bands: tuple | None = None
    setpoint: float | None = None
    master_band: float = 20000.0
    trim: int | None = None
    run_on_time: float = 600.0
    leaks: LeakSurvey | None = None
    dryer: Dryer | None = None
    filters: tuple = ()
    pipes: tuple = ()

    def __post_init__(self):
        if not self.compressors or not all(isinstance(c, Compressor) for c in self.compressors):
            raise ValueError("compressors must be a non-empty tuple of Compressor")
        object.__setattr__(self, "compressors", tuple(self.compressors))
        check_choice("control", self.control, STRATEGIES)
        n = len(self.compressors)
        if self.pressure_bands is None:
            bands = tuple((c.rated_pressure, c.max_pressure) for c in self.compressors)
            object.__setattr__(self, "pressure_bands", bands)
        if len(self.pressure_bands) != n:
            raise ValueError(f"pressure_bands must have one (load, unload) pair per compressor ({n}); "
                             f"got {len(self.pressure_bands)}")
        for i, (lo, hi) in enumerate(self.pressure_bands):
            if not (P_ATM < lo < hi):
                raise ValueError(f"pressure_bands[{i}] must satisfy {P_ATM} Pa < load < unload "
                                 f"(absolute); got ({lo!r}, {hi!r}) Pa")
        if self.control == "master":
            if self.setpoint is None:
                raise ValueError("setpoint [Pa abs] is required with control='master'")
            if not float(self.setpoint) > P_ATM:
                raise ValueError(f"setpoint must be absolute and above {P_ATM} Pa; got {self.setpoint!r} Pa")
            check_positive("master_band", self.master_band, "Pa")
        if self.trim is not None:
            check_range("trim", self.trim, 0, n - 1, "")
        check_nonnegative("run_on_time", self.run_on_time, "s")

    @property
    def capacity(self) -> float:
        """Total rated free-air flow [m3/s]."""
        return sum(c.rated_flow for c in self.compressors)

    def dispatch(self):
        """(order, trim index) the kernel uses."""
        comps = self.compressors
        n = len(comps)
        if self.control == "cascade":
            order = sorted(range(n), key=lambda i: (-self.pressure_bands[i][1], i))
            return np.array(order, dtype=np.int64), -1
        order = sorted(range(n), key=lambda i: (comps[i].specific_power, i))
        trim = self.trim
        if trim is None:
            vfds = [i for i in order if comps[i].control == "vfd"]
            trim = vfds[0] if vfds else -1
        return np.array(order, dtype=np.int64), int(trim)

    def dp_coefficient(self, pressure):
        """Sum of the quadratic pressure-drop coefficients from receiver to point of use [Pa s2/m6]."""
        parts = list(self.filters) + list(self.pipes) + ([self.dryer] if self.dryer else [])
        return float(sum(x.dp_coefficient(pressure) for x in parts))

    def replace(self, **changes) -> "AirSystem":
        """A copy with some fields changed (a retrofit)."""
        from dataclasses import replace
        return replace(self, **changes)


@dataclass(frozen=True)
class SimulationResult:
    """Time series and totals of one simulation (SI; per-step masses in kg)."""

    dt: float
    pressure: np.ndarray
    point_of_use_pressure: np.ndarray
    power: np.ndarray
    compressor_power: np.ndarray
    compressor_flow: np.ndarray
    produced: np.ndarray
    delivered: np.ndarray
    leaked: np.ndarray
    vented: np.ndarray
    stored: np.ndarray
    shortfall: np.ndarray
    balance_residual: np.ndarray
    min_pressure: float
    names: tuple

    @property
    def duration(self) -> float:
        return self.dt * self.power.size

    @property
    def energy(self) -> float:
        """Electrical energy over the run [J]."""
        return float(self.power.sum() * self.dt)

    @property
    def annual_kwh(self) -> float:
        """Energy scaled to 8760 h [kWh/yr]."""
        return self.energy / 3.6e6 * (8760.0 * 3600.0 / self.duration)

    @property
    def specific_power(self) -> float:
        """System specific power [kW per m3/min]: mean input power / mean free air the
        compressors deliver into the system (net of blow-off)."""
        q = self.mean_flow * 60.0
        return float(self.power.mean() / 1e3 / q) if q > 0 else float("nan")

    @property
    def mean_flow(self) -> float:
        """Mean free-air flow delivered by the compressors [m3/s]."""
        return float(self.compressor_flow.sum(axis=1).mean())

    @property
    def time_below_min_pressure(self) -> float:
        """Time the point-of-use pressure was below the end uses' minimum [s]."""
        return float(np.count_nonzero(self.point_of_use_pressure < self.min_pressure) * self.dt)

    @property
    def shortfall_volume(self) -> float:
        """Free air requested but not delivered [m3]."""
        return float(self.shortfall.sum() / RHO_FREE_AIR)

    @property
    def max_relative_residual(self) -> float:
        """max over steps of |produced - delivered - leaked - vented - stored| / throughput."""
        scale = np.maximum(np.maximum(self.produced, self.delivered + self.leaked + self.vented), 1e-300)
        return float(np.max(np.abs(self.balance_residual) / scale))

    def load_duration(self):
        """(hours, power W) of the load-duration curve: power sorted descending."""
        p = np.sort(self.power)[::-1]
        return np.arange(1, p.size + 1) * self.dt / 3600.0, p

    def energy_by_period(self, period):
        """Energy per period of ``period`` seconds [J] (last partial period included)."""
        m = max(1, int(round(period / self.dt)))
        e = self.power * self.dt
        n = int(math.ceil(e.size / m))
        return np.add.reduceat(e, np.arange(0, e.size, m))[:n]

    def states(self):
        """Per step and compressor: 0 off, 1 running unloaded (idle), 2 delivering air (int8 array)."""
        st = np.zeros(self.compressor_power.shape, dtype=np.int8)
        st[self.compressor_power > 0.0] = 1
        st[self.compressor_flow > 0.0] = 2
        return st

    def compressor_energy(self):
        """Energy per compressor [J] (array, order of the system's compressors)."""
        return self.compressor_power.sum(axis=0) * self.dt


def simulate(system: AirSystem, demand, dt, initial_pressure=None) -> SimulationResult:
    """Run the sequencer simulation.

    system : :class:`AirSystem`; demand : free air requested by end uses at nominal
    pressure [m3/s], one value per step (>= 0; demand above capacity is allowed: the
    result reports the shortfall and the time below minimum pressure); dt : step [s],
    1 s to 3600 s; initial_pressure [Pa abs]: default the controller's target.
    """
    d = as_array("demand", demand, "m3/s").ravel()
    if d.size == 0:
        raise ValueError("demand must hold at least one step")
    bad = ~(d >= 0.0)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"demand must be >= 0 m3/s; got {float(d[i])!r} m3/s at step {i}")
    dt = float(check_range("dt", dt, 1.0, 3600.0, "s"))
    comps = system.compressors
    n = len(comps)
    params = np.ascontiguousarray(np.vstack([c.kernel_parameters() for c in comps]))
    lo = np.array([b[0] for b in system.pressure_bands])
    hi = np.array([b[1] for b in system.pressure_bands])
    order, trim = system.dispatch()
    strategy = STRATEGIES[system.control]
    setpoint = float(system.setpoint) if system.setpoint is not None else float(hi.max())
    if initial_pressure is None:
        initial_pressure = setpoint if strategy == 1 else float(0.5 * (lo[order[0]] + hi[order[0]]))
    p0 = float(check_positive("initial_pressure", initial_pressure, "Pa"))
    eu = system.end_uses
    dryer = system.dryer
    leak_area = system.leaks.effective_area if system.leaks is not None else 0.0
    dp_coef = system.dp_coefficient(eu.nominal_pressure)
    N = d.size
    out = {k: np.empty(N) for k in ("pressure", "p_use", "power", "produced", "delivered", "leaked",
                                    "vented", "stored", "shortfall", "residual")}
    cp = np.empty((N, n))
    cf = np.empty((N, n))
    bad_index = np.zeros(1, dtype=np.int64)
    status = simulate_kernel(
        d, dt, params, lo, hi, order, trim, strategy, setpoint, float(system.master_band),
        float(system.run_on_time), float(system.receiver.volume), float(system.receiver.temperature),
        leak_area, float(eu.unregulated_fraction), float(eu.nominal_pressure), float(eu.min_pressure),
        dp_coef, float(dryer.purge_fraction) if dryer else 0.0, float(dryer.power) if dryer else 0.0,
        p0, out["pressure"], out["p_use"], out["power"], cp, cf, out["produced"], out["delivered"],
        out["leaked"], out["vented"], out["stored"], out["shortfall"], out["residual"], bad_index)
    if status != STATUS_OK:
        raise ValueError(f"demand must be >= 0 m3/s; got {float(d[bad_index[0]])!r} m3/s at step {bad_index[0]}")
    return SimulationResult(dt, out["pressure"], out["p_use"], out["power"], cp, cf, out["produced"],
                            out["delivered"], out["leaked"], out["vented"], out["stored"],
                            out["shortfall"], out["residual"], float(eu.min_pressure),
                            tuple(c.name for c in comps))
