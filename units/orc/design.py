"""Fast ORC sweeps, design optimisation and working-fluid screening on the batch kernel.

* :func:`evaluate_designs` runs :func:`units.orc.kernels.orc_batch` over arrays of design
  variables (evaporating temperature, superheat, condensing temperature, source inlet
  temperature and flow), broadcasting them like numpy.
* :func:`optimise_design` maximises an objective (net power by default) over evaporating
  temperature and superheat for one source: a coarse grid on the kernel, then scipy's
  bounded Powell search from the best grid point, then one exact (CoolProp) solve of the
  optimum so the reported design is checked on exact properties.
* :func:`rank_fluids` optimises each candidate fluid for the same source and sorts them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

import numpy as np
from scipy.optimize import minimize

from procsim.thermo.fluids import Fluid
from procsim.thermo.gas import COEFFS, MOLAR_MASS
from procsim.validation import as_array, as_float, check_choice, check_positive, check_range

from . import kernels as K
from procsim.thermo.material import MATERIAL_GAS, kernel_form
from procsim.batch import numba_threads
from .cycle import ORC, ORCResult

__all__ = ["BatchResult", "DesignOptimum", "FluidRanking", "evaluate_designs", "optimise_design",
           "rank_fluids", "STATUS_MESSAGES", "OBJECTIVES", "SCREENING_FLUIDS", "kernel_inputs",
           "ORCSweepModel", "SWEEP_OUTPUTS"]

#: What a non-zero kernel status means (``BatchResult.status``).
STATUS_MESSAGES = {
    K.STATUS_OK: "ok",
    K.STATUS_TEMPERATURES: "condensing temperature not below evaporating temperature, or outside the table",
    K.STATUS_SOURCE_TOO_COLD: "heat source not hotter than expander inlet + evaporator pinch",
    K.STATUS_COND_BELOW_COOLING: "condensing temperature below coolant inlet + condenser pinch",
    K.STATUS_COND_PINCH: "condenser pinch violated inside the condenser",
    K.STATUS_WET_EXPANSION: "wet expansion (expander outlet quality < 1)",
    K.STATUS_PROPERTY: "a property fell outside the fluid table",
    K.STATUS_NO_EXPANSION: "condenser pressure drop leaves no expansion",
    K.STATUS_SOURCE_MIN: "source minimum outlet temperature not below its inlet temperature",
    K.STATUS_INPUT: "non-positive or NaN design input",
}

#: Objectives for optimise_design -> kernel output column.
OBJECTIVES = {"net_power": K.OUT_NET_POWER, "net_electric_power": K.OUT_NET_ELECTRIC,
              "thermal_efficiency": K.OUT_THERMAL_EFF}

#: Fluids screened by default (issue 7's list; CoolProp names).
SCREENING_FLUIDS = ("R245fa", "R1233zd(E)", "Isopentane", "n-Pentane", "Cyclopentane", "Toluene",
                    "n-Butane", "IsoButane")


@dataclass(frozen=True)
class BatchResult:
    """Arrays (shape of the broadcast inputs) from the batch kernel; NaN where status != 0."""

    net_power: np.ndarray
    thermal_efficiency: np.ndarray
    working_fluid_flow: np.ndarray
    heat_input: np.ndarray
    heat_source_outlet_temperature: np.ndarray
    expander_power: np.ndarray
    pump_power: np.ndarray
    heat_rejected: np.ndarray
    evaporating_pressure: np.ndarray
    condensing_pressure: np.ndarray
    net_electric_power: np.ndarray
    binding: np.ndarray          # int index into BINDING_CONSTRAINTS, -1 where infeasible
    status: np.ndarray           # int STATUS_* code (see STATUS_MESSAGES)

    @property
    def feasible(self) -> np.ndarray:
        return self.status == K.STATUS_OK

    def message(self, i) -> str:
        """Why design ``i`` (flat index) was not evaluated, or 'ok'."""
        return STATUS_MESSAGES[int(self.status.ravel()[i])]


#: Table types whose compiled ORC kernels have passed :func:`_check_compiled_kernels` in this
#: process (a record of a check done, not a switch: it only avoids repeating the check).
_CHECKED_TABLE_TYPES: set = set()


def _check_compiled_kernels(inputs) -> None:
    """Compare the compiled ORC kernel with its Python version once; recompile if they differ.

    numba validates a cached kernel only against the source file that defines it. The ORC
    kernels inline the table kernels of procsim.thermo.tables and the gas kernels of
    procsim.thermo.gas, so when those modules change (a new procsim version, or a working
    tree under development) the cached ORC machine code can be stale while still loading
    without error. The Python version (``py_func``) calls the current table and gas
    kernels, so a disagreement beyond rounding means the cache is stale.
    """
    wf, kind, gx, gco, gmm, sdata, params = inputs
    key = (type(wf).__name__, kind, wf.T_crit, wf.p_max)
    if key in _CHECKED_TABLE_TYPES:
        return
    te = 0.5 * (wf.T_crit + max(wf.T_min, 0.55 * wf.T_crit))
    tc = 0.5 * (te + max(wf.T_min, 0.55 * wf.T_crit))
    p = params.copy()
    p[K.P_COOL_T_IN] = tc - p[K.P_COND_PINCH] - 2.0 * p[K.P_COOL_RISE] - 1.0
    p[K.P_ALLOW_WET] = 1.0
    p[K.P_SOURCE_T_MIN] = math.nan
    t_src = te + 5.0 + p[K.P_EVAP_PINCH] + 40.0
    if kind == K.SOURCE_KINDS["fluid"]:
        t_src = min(t_src, sdata.T_max - 1.0)
    a, b = np.empty(K.N_OUT), np.empty(K.N_OUT)
    args = (wf, te, 5.0, tc, t_src, 1.0, kind, gx, gco, gmm, sdata, p)
    ca = K.orc_design(*args, a)
    cb = K.orc_design.py_func(*args, b)
    sc = K.tab_cell(sdata, p[K.P_SOURCE_P])
    h_gas = K._src_h(t_src, kind, gx, gco, gmm, sdata, sc, p[K.P_SOURCE_P])
    h_ref = K._src_h.py_func(t_src, kind, gx, gco, gmm, sdata, sc, p[K.P_SOURCE_P])
    same = ca == cb and np.allclose(a, b, rtol=1e-12, atol=0.0, equal_nan=True) and \
        math.isclose(h_gas, h_ref, rel_tol=1e-13, abs_tol=1e-9)
    if not same:
        for fn in (K._fail, K._src_h, K._gas_T, K._src_T, K.orc_design, K.orc_batch,
                   K.orc_batch_parallel):
            fn.recompile()
    _CHECKED_TABLE_TYPES.add(key)


def _source_pressure(heat_source) -> float:
    for attr in ("material", "T", "p", "mass_flow"):
        if not hasattr(heat_source, attr):
            raise ValueError(f"heat_source must be a procsim.Stream (with material, T, p, mass_flow); "
                             f"got {type(heat_source).__name__}")
    return check_positive("heat_source pressure", as_float("heat_source pressure", heat_source.p, "Pa"),
                          "Pa")


#: Designs from which :func:`evaluate_designs` runs the parallel kernel (unless threads=1).
PARALLEL_MIN_DESIGNS = 2_000


def kernel_inputs(orc: ORC, heat_source):
    """(wf table data, source kind, gas x, gas coeffs, gas molar masses, source table data, params)."""
    wf = orc.fluid.table().data
    pressure = _source_pressure(heat_source)
    src = kernel_form(heat_source.material)
    # only the species present: the NASA-7 sums then skip nothing (same values, fewer
    # loops); a fluid has none, and its table stands in the kernel's table argument
    nz = np.flatnonzero(src.x)
    gx, gco, gmm = (np.ascontiguousarray(a[nz]) for a in (src.x, src.coeffs, src.molar_mass))
    if gx.size == 0:
        gx, gco, gmm = np.ones(1), COEFFS[:1].copy(), MOLAR_MASS[:1].copy()
    kind = int(src.kind)
    sdata = wf if src.kind == MATERIAL_GAS else src.table
    params = np.empty(K.N_PARAMS)
    params[K.P_PUMP_EFF] = orc.pump_efficiency
    params[K.P_EXPANDER_EFF] = orc.expander_efficiency
    params[K.P_EVAP_PINCH] = orc.evaporator_pinch
    params[K.P_COND_PINCH] = orc.condenser_pinch
    params[K.P_RECUP_EFF] = orc.recuperator_effectiveness
    params[K.P_DP_EVAP] = orc.evaporator_pressure_drop
    params[K.P_DP_COND] = orc.condenser_pressure_drop
    params[K.P_SOURCE_T_MIN] = (math.nan if orc.source_minimum_outlet_temperature is None
                                else orc.source_minimum_outlet_temperature)
    params[K.P_COOL_T_IN] = orc.cooling_inlet_temperature
    params[K.P_COOL_RISE] = orc.cooling_temperature_rise
    params[K.P_ALLOW_WET] = 1.0 if orc.allow_wet_expansion else 0.0
    params[K.P_SEGMENTS] = orc.zone_segments
    params[K.P_GEN_EFF] = orc.generator_efficiency
    params[K.P_MOTOR_EFF] = orc.motor_efficiency
    params[K.P_SOURCE_P] = pressure
    inputs = (wf, kind, gx, gco, gmm, sdata, params)
    _check_compiled_kernels(inputs)
    return inputs


def evaluate_designs(orc: ORC, heat_source, *, evaporating_temperature=None, superheat=None,
                     condensing_temperature=None, source_temperature=None,
                     source_mass_flow=None, on_infeasible: str = "nan", threads: int | None = None,
                     _inputs=None) -> BatchResult:
    """Evaluate many ORC designs on tabulated properties (numba kernel, all cores).

    Parameters
    ----------
    orc : template design (fluid, efficiencies, pinches, details); any design variable not
        given here is taken from it
    heat_source : procsim.Stream giving the source material and pressure (and the default
        source temperature and mass flow)
    evaporating_temperature, superheat, condensing_temperature, source_temperature [K],
    source_mass_flow [kg/s] : array-likes, broadcast together
    on_infeasible : "nan" (default: infeasible designs get NaN and a status code) or
        "raise" (ValueError naming the first infeasible design and why)
    threads : numba threads for batches of at least ``PARALLEL_MIN_DESIGNS`` designs (None:
        all; 1: the serial kernel). Designs are independent, so the numbers do not change.

    Examples
    --------
    >>> from procsim.stream import Stream
    >>> res = evaluate_designs(ORC("R245fa", 373.15, 308.15), Stream("Water", 423.15, 5.0e5, 10.0),
    ...                        evaporating_temperature=[353.15, 373.15, 423.15])
    >>> res.status.tolist()                   # 423.15 K: source not hot enough
    [0, 0, 2]
    >>> bool(res.net_power[1] > res.net_power[0])
    True

    Notes
    -----
    The condenser coolant line is linear (constant coolant cp); condenser feasibility can
    therefore differ from the exact path within about 0.01 K of the pinch.
    """
    check_choice("on_infeasible", on_infeasible, ("nan", "raise"))
    named = {
        "evaporating_temperature": orc.evaporating_temperature if evaporating_temperature is None
        else evaporating_temperature,
        "superheat": orc.superheat if superheat is None else superheat,
        "condensing_temperature": orc.condensing_temperature if condensing_temperature is None
        else condensing_temperature,
        "source_temperature": heat_source.T if source_temperature is None else source_temperature,
        "source_mass_flow": heat_source.mass_flow if source_mass_flow is None else source_mass_flow,
    }
    arrays = {k: as_array(k, v) for k, v in named.items()}
    try:
        b = np.broadcast_arrays(*arrays.values())
    except ValueError:
        shapes = ", ".join(f"{k}{v.shape}" for k, v in arrays.items())
        raise ValueError(f"design arrays do not broadcast: {shapes}") from None
    shape = b[0].shape
    te, sh, tc, ts, ms = (np.ascontiguousarray(a, dtype=np.float64).ravel() for a in b)
    wf, kind, gx, gco, gmm, sdata, params = _inputs or kernel_inputs(orc, heat_source)
    out = np.empty((te.size, K.N_OUT))
    status = np.empty(te.size, dtype=np.int64)
    args = (wf, te, sh, tc, ts, ms, kind, gx, gco, gmm, sdata, params, out, status)
    if threads == 1 or te.size < PARALLEL_MIN_DESIGNS:
        first = K.orc_batch(*args)
    else:
        with numba_threads(threads):
            first = K.orc_batch_parallel(*args)
    if first >= 0 and on_infeasible == "raise":
        raise ValueError(
            f"design {first} is infeasible: {STATUS_MESSAGES[int(status[first])]} "
            f"(evaporating_temperature={float(te[first])!r} K, superheat={float(sh[first])!r} K, "
            f"condensing_temperature={float(tc[first])!r} K, source_temperature={float(ts[first])!r} K, "
            f"source_mass_flow={float(ms[first])!r} kg/s)")
    col = lambda k: out[:, k].reshape(shape)  # noqa: E731
    b_raw = out[:, K.OUT_BINDING]
    binding = np.where((status == K.STATUS_OK) & ~np.isnan(b_raw), b_raw, -1.0)
    return BatchResult(col(K.OUT_NET_POWER), col(K.OUT_THERMAL_EFF), col(K.OUT_WF_FLOW),
                       col(K.OUT_HEAT_INPUT), col(K.OUT_SOURCE_T_OUT), col(K.OUT_EXPANDER_POWER),
                       col(K.OUT_PUMP_POWER), col(K.OUT_HEAT_REJECTED), col(K.OUT_P_EVAP),
                       col(K.OUT_P_COND), col(K.OUT_NET_ELECTRIC),
                       binding.astype(np.int64).reshape(shape), status.reshape(shape))


@dataclass(frozen=True)
class DesignOptimum:
    """Best design found: variables, the kernel's objective value, and the exact solution."""

    evaporating_temperature: float  # [K]
    superheat: float                # [K]
    objective: str
    fast_value: float               # objective on tabulated properties
    exact: ORCResult                # the same design solved on exact CoolProp properties
    evaluations: int                # kernel evaluations used

    def __repr__(self) -> str:
        # the exact result's states make the default repr several kB on one line
        return (f"DesignOptimum({self.exact.fluid}, evaporating_temperature={self.evaporating_temperature:.2f} K, "
                f"superheat={self.superheat:.2f} K, {self.objective}={self.fast_value:.6g}, "
                f"net_power={self.exact.net_power:.6g} W, evaluations={self.evaluations})")

    def to_frame(self):
        """The optimum as a one-row DataFrame, SI units in the column names."""
        import pandas as pd

        r = self.exact
        return pd.DataFrame([{"fluid": r.fluid, "evaporating_temperature [K]": self.evaporating_temperature,
                              "superheat [K]": self.superheat, "net_power [W]": r.net_power,
                              "thermal_efficiency [-]": r.thermal_efficiency,
                              "working_fluid_flow [kg/s]": r.working_fluid_flow,
                              "heat_source_outlet_temperature [K]": r.heat_source_outlet_temperature,
                              "evaluations": self.evaluations}])


def _te_bounds(orc: ORC, t_src: float, max_reduced_pressure: float):
    fl = orc.fluid
    lo = orc.condensing_temperature + 5.0
    # 1 K below the critical point: the table and the pinch algorithm stay subcritical
    hi = min(fl.critical_temperature - 1.0, t_src - orc.evaporator_pinch - 0.5)
    if max_reduced_pressure < 1.0:
        hi = min(hi, fl.saturation(p=max_reduced_pressure * fl.critical_pressure)[0].T)
    return lo, hi


def optimise_design(orc: ORC, heat_source, *, objective: str = "net_power",
                    evaporating_temperature_bounds=None, superheat_bounds=(0.0, 30.0),
                    grid=(32, 7), max_reduced_pressure: float = 1.0) -> DesignOptimum:
    """Maximise ``objective`` over evaporating temperature and superheat for ``heat_source``.

    Condensing temperature, efficiencies, pinches and details come from ``orc``. Coarse
    grid (``grid`` = points in evaporating temperature x superheat) on the batch kernel,
    then scipy.optimize.minimize(method="Powell") within the bounds from the best grid
    point, infeasible designs scoring 0. Raises ValueError when no grid point is feasible.
    ``max_reduced_pressure`` (in (0, 1]) caps the evaporating pressure at that fraction of
    the critical pressure (default 1: up to 1 K below the critical temperature); designers
    often keep a margin from the critical point for stable evaporator operation.
    """
    col = check_choice("objective", objective, OBJECTIVES)
    t_src = float(heat_source.T)
    max_reduced_pressure = float(check_range("max_reduced_pressure", max_reduced_pressure, 0.0, 1.0,
                                             low_inclusive=False))
    lo, hi = _te_bounds(orc, t_src, max_reduced_pressure) if evaporating_temperature_bounds is None else \
        tuple(float(v) for v in evaporating_temperature_bounds)
    sh_lo, sh_hi = (float(v) for v in superheat_bounds)
    if not (lo < hi and 0.0 <= sh_lo <= sh_hi):
        raise ValueError(f"no room to optimise: evaporating_temperature bounds ({lo:g}, {hi:g}) K, "
                         f"superheat bounds ({sh_lo:g}, {sh_hi:g}) K for {orc.fluid.name} with "
                         f"condensing_temperature {orc.condensing_temperature:g} K and source at {t_src:g} K")
    te_g, sh_g = np.meshgrid(np.linspace(lo, hi, grid[0]), np.linspace(sh_lo, sh_hi, grid[1]),
                             indexing="ij")
    inputs = kernel_inputs(orc, heat_source)
    res = evaluate_designs(orc, heat_source, evaporating_temperature=te_g, superheat=sh_g,
                           _inputs=inputs)
    vals = getattr(res, objective)
    if not np.isfinite(vals).any():
        counts = np.bincount(res.status.ravel(), minlength=len(STATUS_MESSAGES))
        why = STATUS_MESSAGES[int(np.argmax(counts[1:]) + 1)]
        raise ValueError(f"no feasible {orc.fluid.name} design for a source at {t_src:g} K in "
                         f"evaporating_temperature [{lo:g}, {hi:g}] K, superheat [{sh_lo:g}, {sh_hi:g}] K: "
                         f"mostly '{why}'")
    k = int(np.nanargmax(vals))
    x0 = np.array([te_g.ravel()[k], sh_g.ravel()[k]])

    wf, kind, gx, gco, gmm, sdata, params = inputs
    out = np.empty(K.N_OUT)
    tc, ms = orc.condensing_temperature, float(heat_source.mass_flow)
    count = [te_g.size]

    def negative(x):
        count[0] += 1
        code = K.orc_design(wf, x[0], x[1], tc, t_src, ms, kind, gx, gco, gmm, sdata, params, out)
        # infeasible designs score 0, below every feasible (positive) objective value; a
        # finite value keeps Powell's line-search arithmetic free of inf - inf
        return -out[col] if code == K.STATUS_OK else 0.0

    best = vals.ravel()[k]
    if sh_hi > sh_lo:
        opt = minimize(negative, x0, method="Powell", bounds=[(lo, hi), (sh_lo, sh_hi)],
                       options={"xtol": 1e-4, "ftol": 1e-9})
        x, fx = opt.x, -opt.fun
    else:
        opt = minimize(lambda v: negative(np.array([v[0], sh_lo])), x0[:1], method="Powell",
                       bounds=[(lo, hi)], options={"xtol": 1e-4, "ftol": 1e-9})
        x, fx = np.array([opt.x[0], sh_lo]), -opt.fun
    if not (fx >= best):
        x, fx = x0, best
    exact = replace(orc, evaporating_temperature=float(x[0]), superheat=float(x[1])).solve(heat_source)
    return DesignOptimum(float(x[0]), float(x[1]), objective, float(fx), exact, count[0])


@dataclass(frozen=True)
class FluidRanking:
    """One fluid's optimum for a source (``feasible`` False: ``reason`` says why)."""

    fluid: str
    feasible: bool
    objective_value: float             # objective of the exact solve of the optimum
    net_power: float                   # [W], exact solve of the optimum (NaN if infeasible)
    thermal_efficiency: float
    evaporating_temperature: float     # [K]
    superheat: float                   # [K]
    working_fluid_flow: float          # [kg/s]
    heat_source_outlet_temperature: float  # [K]
    evaporating_pressure: float        # [Pa]
    reason: str = ""


#: Column names (with SI units) of :meth:`FluidRankings.to_frame`, one per FluidRanking field.
RANKING_COLUMNS = {"fluid": "fluid", "feasible": "feasible", "objective_value": "objective_value",
                   "net_power": "net_power [W]", "thermal_efficiency": "thermal_efficiency [-]",
                   "evaporating_temperature": "evaporating_temperature [K]", "superheat": "superheat [K]",
                   "working_fluid_flow": "working_fluid_flow [kg/s]",
                   "heat_source_outlet_temperature": "heat_source_outlet_temperature [K]",
                   "evaporating_pressure": "evaporating_pressure [Pa]", "reason": "reason"}


class FluidRankings(tuple):
    """The FluidRanking of each fluid, best first (a tuple), with :meth:`to_frame`."""

    def to_frame(self):
        """One row per fluid, best first; SI units in the column names."""
        import pandas as pd

        return pd.DataFrame([{col: getattr(r, f) for f, col in RANKING_COLUMNS.items()} for r in self],
                            columns=list(RANKING_COLUMNS.values()))


def rank_fluids(heat_source, condensing_temperature: float, fluids=SCREENING_FLUIDS, *,
                objective: str = "net_power", superheat_bounds=(0.0, 30.0),
                max_reduced_pressure: float = 1.0, **orc_details):
    """Optimise every fluid for ``heat_source`` and return :class:`FluidRankings`, best first
    (a tuple of FluidRanking; ``.to_frame()`` gives a DataFrame).

    ``orc_details`` are passed to :class:`ORC` (efficiencies, pinches, details). A fluid
    that cannot run (critical temperature below the condensing temperature, no feasible
    design) is kept at the end with ``feasible=False`` and the reason.
    """
    check_choice("objective", objective, OBJECTIVES)
    # bad details (efficiencies, pinches, ...) are the caller's error, not a fluid's: check
    # them once on a fluid-independent design so they raise instead of failing every fluid
    ORC("Water", 400.0, 350.0, **{k: v for k, v in orc_details.items() if k != "superheat"})
    rows = []
    for name in fluids:
        try:
            fl = Fluid(name)
            if not fl.critical_temperature - 1.0 > condensing_temperature + 5.0:
                raise ValueError(
                    f"critical temperature {fl.critical_temperature:g} K of {fl.name} leaves no "
                    f"subcritical cycle above condensing_temperature {condensing_temperature:g} K")
            te0 = 0.5 * (condensing_temperature + min(fl.critical_temperature - 1.0,
                                                      float(heat_source.T) - 10.0))
            orc = ORC(fl, te0, condensing_temperature, **orc_details)
            best = optimise_design(orc, heat_source, objective=objective,
                                   superheat_bounds=superheat_bounds,
                                   max_reduced_pressure=max_reduced_pressure)
            r = best.exact
            rows.append(FluidRanking(fl.name, True, getattr(r, objective), r.net_power, r.thermal_efficiency,
                                     best.evaporating_temperature, best.superheat,
                                     r.working_fluid_flow, r.heat_source_outlet_temperature,
                                     r.evaporating_pressure))
        except ValueError as exc:
            nan = math.nan
            rows.append(FluidRanking(str(name), False, nan, nan, nan, nan, nan, nan, nan, nan,
                                     str(exc)))
    return FluidRankings(sorted(rows, key=lambda r: (not r.feasible,
                                                     -(r.objective_value if r.feasible else 0.0))))



#: Outputs of :class:`ORCSweepModel` (BatchResult fields).
SWEEP_OUTPUTS = ("net_power", "net_electric_power", "thermal_efficiency", "working_fluid_flow",
                 "heat_input", "heat_source_outlet_temperature", "status")


def _orc_spec(orc: ORC):
    kw = {f.name: getattr(orc, f.name) for f in fields(orc) if f.name != "fluid"}
    return (orc.fluid.name, orc.fluid.backend), kw


def _source_spec(stream):
    # what rebuilds the stream on a Dask worker (a CoolProp state does not pickle), by the
    # material interface's own kind name
    mat = stream.material
    if mat.kind == "fluid":
        return ("fluid", mat.name, mat.backend, float(stream.p), float(stream.h), float(stream.mass_flow))
    return ("gas", dict(mat.mole_fractions), float(stream.T), float(stream.p), float(stream.mass_flow))


def _rebuild_model(orc_spec, source_spec):
    from procsim.stream import Stream

    (name, backend), kw = orc_spec
    orc = ORC(Fluid(name, backend), **kw)
    if source_spec[0] == "fluid":
        _, sname, sbackend, p, h, m = source_spec
        src = Stream.from_ph(Fluid(sname, sbackend), p, h, m)
    else:
        _, comp, T, p, m = source_spec
        src = Stream(comp, T, p, m)
    return ORCSweepModel(orc, src)


@dataclass(frozen=True)
class ORCSweepModel:
    """An ORC design evaluation in the form :mod:`procsim.batch` sweeps and samples.

    Called with keyword arrays named as :func:`evaluate_designs` takes them
    (``evaporating_temperature``, ``superheat``, ``condensing_temperature``,
    ``source_temperature``, ``source_mass_flow``), it returns a dict of 1-D arrays
    (:data:`SWEEP_OUTPUTS`; NaN and a status code where a design is infeasible). It pickles
    by value (fluid names, parameters, source state) so Dask workers can rebuild it.

    Examples
    --------
    >>> from procsim.batch import sweep
    >>> from procsim.stream import Stream
    >>> model = ORCSweepModel(ORC("R245fa", 373.15, 308.15), Stream("Water", 423.15, 5.0e5, 10.0))
    >>> df = sweep(model, {"evaporating_temperature": [353.15, 373.15], "superheat": [0.0, 5.0]})
    >>> len(df), int(df["status"].max())
    (4, 0)
    """

    orc: ORC
    heat_source: object

    def __call__(self, **arrays) -> dict:
        res = evaluate_designs(self.orc, self.heat_source, **arrays)
        return {name: np.ravel(getattr(res, name)) for name in SWEEP_OUTPUTS}

    def __reduce__(self):
        return (_rebuild_model, (_orc_spec(self.orc), _source_spec(self.heat_source)))
