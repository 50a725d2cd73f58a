"""``FluidTable``: vectorised, validated Python access to a fluid's property tables."""
from __future__ import annotations

import json
import logging
import time

import numpy as np

from procsim.parallel import PARALLEL_MIN_POINTS  # the one threshold of procsim's elementwise loops
from procsim.thermo.tables import kernels as K
from procsim.thermo.tables.build import GridSpec, TableData, build_table_data, default_grid
from procsim.thermo.tables.cache import TableCache, shared_cache, table_key
from procsim.batch import numba_threads
from procsim.validation import as_array, broadcast_arrays

__all__ = ["FluidTable", "PAIR_CODES", "SINGLE_CODES", "PARALLEL_MIN_POINTS"]

#: Two-input functions and their int codes.
PAIR_CODES = {"T_ph": 0, "s_ph": 1, "rho_ph": 2, "x_ph": 3, "h_ps": 4, "T_ps": 5, "h_pT": 6}
#: Saturation functions and their int codes.
SINGLE_CODES = {"T_sat": 0, "p_sat": 1, "h_l": 2, "h_v": 3, "s_l": 4, "s_v": 5, "rho_l": 6, "rho_v": 7}
# saturation function -> boundary curve of kernels.eval_saturation (p_sat has its own loop)
_SAT_CURVE = {"T_sat": K.C_T_B, "h_l": K.C_H_BL, "h_v": K.C_H_BV, "s_l": K.C_S_BL,
              "s_v": K.C_S_BV, "rho_l": K.C_RHO_BL, "rho_v": K.C_RHO_BV}

_LOG = logging.getLogger("procsim")


def _announce(message: str) -> None:
    """One line while a slow first-use step runs (a table build: seconds): on standard error
    when a progress bar would be drawn there (a terminal, not ``--quiet``), and always on the
    ``procsim`` logger at INFO level."""
    import sys

    from procsim.progress import enabled

    _LOG.info(message)
    if enabled():
        sys.stderr.write(f"procsim: {message}\n")
        sys.stderr.flush()




def _evaluate(name: str, d: TableData, a: np.ndarray, b: np.ndarray, out: np.ndarray,
              threads: int | None) -> int:
    """Run the array loop of pair ``name``; serial, or parallel on ``threads`` threads."""
    parallel = threads != 1 and a.size >= PARALLEL_MIN_POINTS
    if name in ("T_ph", "s_ph", "rho_ph"):
        q = {"T_ph": K.PH_T, "s_ph": K.PH_S, "rho_ph": K.PH_RHO}[name]
        args = (d.blocks, d.curves, d.ph, d.p_crit, d.xi_stretch, 0, q, a, b, out)
        kernel = K.eval_pz_parallel if parallel else K.eval_pz
    elif name in ("h_ps", "T_ps"):
        q = K.PS_H if name == "h_ps" else K.PS_T
        args = (d.blocks, d.curves, d.ps, d.p_crit, d.xi_stretch, 1, q, a, b, out)
        kernel = K.eval_pz_parallel if parallel else K.eval_pz
    elif name == "h_pT":
        args = (d.blocks, d.curves, d.ph, d.pt, d.p_crit, d.T_crit, d.T_min, d.T_max,
                d.xi_stretch, a, b, out)
        kernel = K.eval_h_pT_parallel if parallel else K.eval_h_pT
    else:  # x_ph: a few subtractions per point, never worth threads
        return K.eval_x_ph(d.blocks, d.curves, d.p_crit, a, b, out)
    if not parallel:
        return kernel(*args)
    with numba_threads(threads):
        return kernel(*args)

# second input of each pair: (name, unit, kind for kernels.table_bounds)
_SECOND = {"h": ("J/kg", 0), "s": ("J/(kg K)", 1), "T": ("K", 2)}


class FluidTable:
    """Tabulated properties of one fluid (see :mod:`procsim.thermo.tables` for the scheme).

    Build or load with :meth:`load_or_build` (what ``Fluid.table()`` calls). Every method
    broadcasts its inputs like numpy, returns a float for scalar inputs and an array
    otherwise, and raises ``ValueError`` naming the value and the table's range for an
    input outside the table. ``data`` is the tuple the ``tab_*`` numba functions take.

    Attributes
    ----------
    fluid_name, backend : the CoolProp fluid and backend the table was built from.
    spec : the :class:`GridSpec`.  data : the :class:`TableData` tuple.
    coolprop_version : CoolProp version used.  source : "built" or "loaded".
    seconds : wall time of the build or the load [s].
    """

    def __init__(self, fluid_name: str, backend: str, spec: GridSpec, data: TableData,
                 coolprop_version: str, source: str, seconds: float):
        self.fluid_name = fluid_name
        self.backend = backend
        self.spec = spec
        self.data = data
        self.coolprop_version = coolprop_version
        self.source = source
        self.seconds = seconds

    def __repr__(self) -> str:
        return (f"FluidTable({self.fluid_name!r}, backend={self.backend!r}, "
                f"p=[{self.spec.p_min:g}, {self.spec.p_max:g}] Pa, "
                f"T=[{self.spec.T_min:g}, {self.spec.T_max:g}] K, {self.source})")

    # ------------------------------------------------------------- construction
    @classmethod
    def load_or_build(cls, fluid, cache: TableCache | None = None, **grid) -> "FluidTable":
        """Load the table of ``fluid`` from ``cache`` (default: :func:`shared_cache`, the
        process-wide memoised cache of the default directory, so a table is read from disk
        once per process), or build it from CoolProp and store it there.

        ``grid`` overrides fields of :func:`default_grid` (p_min, p_max, T_min, T_max, dlnp,
        dln_near, near_fraction, near_fraction_above, critical_gap, n_xi, xi_stretch, n_tsat).
        """
        from procsim.thermo.fluids import coolprop_version

        cache = shared_cache() if cache is None else cache
        request = json.dumps([fluid.name, fluid.backend, grid], sort_keys=True, default=repr)
        table = cache.recall(request)
        if table is not None:
            return table
        with cache.lock:
            table = cache.recall(request)
            if table is not None:
                return table
            spec = default_grid(fluid, **grid)
            key = table_key(fluid.name, fluid.backend, coolprop_version(), spec)
            start = time.perf_counter()
            data = cache.get(key)
            if data is not None:
                table = cls(fluid.name, fluid.backend, spec, data, coolprop_version(), "loaded",
                            time.perf_counter() - start)
            else:
                _announce(f"building the {fluid.name} ({fluid.backend}) property table "
                          f"(once; cached in {cache.directory})")
                data = build_table_data(fluid, spec)
                seconds = time.perf_counter() - start
                cache.put(key, data)
                table = cls(fluid.name, fluid.backend, spec, data, coolprop_version(), "built",
                            seconds)
            cache.remember(request, table)
        return table

    @classmethod
    def build(cls, fluid, **grid) -> "FluidTable":
        """Build from CoolProp without touching any cache."""
        from procsim.thermo.fluids import coolprop_version

        spec = default_grid(fluid, **grid)
        start = time.perf_counter()
        data = build_table_data(fluid, spec)
        return cls(fluid.name, fluid.backend, spec, data, coolprop_version(), "built",
                   time.perf_counter() - start)

    # -------------------------------------------------------------- evaluation
    def _where(self) -> str:
        return f"the {self.fluid_name} ({self.backend}) table"

    def _check_p(self, p: np.ndarray, high: float, high_inclusive: bool = True) -> None:
        lo = self.data.p_min
        ok = (p >= lo) & ((p <= high) if high_inclusive else (p < high))
        if not ok.all():
            bad = float(p[~ok][0])
            close = "]" if high_inclusive else ")"
            raise ValueError(f"p must be in [{lo:g}, {high:g}{close} Pa for {self._where()}; "
                             f"got {bad!r} Pa")

    def _checked_in_parallel(self, p, z, threads: int | None):
        """``(shape, p, z)`` when both are large float64 arrays of one shape whose points
        all pass the input checks, found in one pass on numba's threads; else None, and the
        serial checks run (and name the first bad value)."""
        if threads == 1 or not (type(p) is np.ndarray and type(z) is np.ndarray):
            return None
        if not (p.dtype == np.float64 and z.dtype == np.float64 and p.shape == z.shape
                and p.size >= PARALLEL_MIN_POINTS):
            return None
        pf, zf = np.ascontiguousarray(p).ravel(), np.ascontiguousarray(z).ravel()
        with numba_threads(threads):
            bad = K.count_invalid_parallel(pf, zf, self.data.p_min, self.data.p_max)
        return (p.shape, pf, zf) if bad == 0 else None

    def _pair(self, name: str, p, second_name: str, second, threads: int | None):
        unit, kind = _SECOND[second_name]
        checked = self._checked_in_parallel(p, second, threads)
        if checked is not None:
            shape, pf, zf = checked
        else:
            p_arr = as_array("p", p, "Pa")
            z_arr = as_array(second_name, second, unit)
            shape, (pf, zf) = broadcast_arrays(p=p_arr, **{second_name: z_arr})
            self._check_p(pf, self.data.p_max)
        out = np.empty_like(pf)
        bad = _evaluate(name, self.data, pf, zf, out, threads)
        if bad >= 0:
            if name == "x_ph":  # NaN is the answer above p_crit; look for a real range error
                bad = self._first_out_of_range(pf, zf, kind)
            if bad >= 0:
                lo, hi = K.table_bounds(self.data, pf[bad], kind)
                if lo <= zf[bad] <= hi:  # only h_pT: inside a pseudo-pure fluid's glide
                    raise ValueError(f"T={float(zf[bad])!r} K lies between the bubble and dew "
                                     f"points at p={float(pf[bad])!r} Pa for {self._where()}: "
                                     "(p, T) does not fix a two-phase state")
                raise ValueError(f"{second_name} must be in [{lo:.10g}, {hi:.10g}] {unit} at "
                                 f"p={float(pf[bad])!r} Pa for {self._where()}; "
                                 f"got {float(zf[bad])!r} {unit}")
        return float(out[0]) if shape == () else out.reshape(shape)

    def _first_out_of_range(self, pf, zf, kind) -> int:
        for i in range(pf.size):
            lo, hi = K.table_bounds(self.data, pf[i], kind)
            if not (lo <= zf[i] <= hi):
                return i
        return -1

    def _single(self, name: str, arg_name: str, value):
        unit = "K" if arg_name == "T" else "Pa"
        arr = as_array(arg_name, value, unit)
        flat = np.ascontiguousarray(arr, dtype=np.float64).ravel()
        if arg_name == "T":
            lo, hi = self.data.tsat_nodes[0], self.data.tsat_nodes[-1]
            ok = (flat >= lo) & (flat <= hi)
            if not ok.all():
                raise ValueError(f"T must be in [{lo:.10g}, {hi:.10g}] K (saturation range of "
                                 f"{self._where()}); got {float(flat[~ok][0])!r} K")
        else:
            self._check_p(flat, min(self.data.p_crit, self.data.p_max),
                          high_inclusive=self.data.p_max < self.data.p_crit)
        out = np.empty_like(flat)
        d = self.data
        if name == "p_sat":
            bad = K.eval_p_sat(d.tsat_nodes, d.psat_curve, flat, out)
        else:
            bad = K.eval_saturation(d.blocks, d.curves, d.p_crit, _SAT_CURVE[name], flat, out)
        if bad >= 0:  # unreachable after the range checks; kept so no NaN leaves silently
            raise ValueError(f"{arg_name}={float(flat[bad])!r} is outside {self._where()}")
        return float(out[0]) if arr.ndim == 0 else out.reshape(arr.shape)

    def T_ph(self, p, h, threads: int | None = None):
        """Temperature [K] from pressure p [Pa] and specific enthalpy h [J/kg]."""
        return self._pair("T_ph", p, "h", h, threads)

    def s_ph(self, p, h, threads: int | None = None):
        """Specific entropy [J/(kg K)] from p [Pa] and h [J/kg]."""
        return self._pair("s_ph", p, "h", h, threads)

    def rho_ph(self, p, h, threads: int | None = None):
        """Density [kg/m3] from p [Pa] and h [J/kg]."""
        return self._pair("rho_ph", p, "h", h, threads)

    def x_ph(self, p, h, threads: int | None = None):
        """Equilibrium quality (h - h_l)/(h_v - h_l) [-] from p [Pa] and h [J/kg]; NaN at p >= p_crit."""
        return self._pair("x_ph", p, "h", h, threads)

    def h_ps(self, p, s, threads: int | None = None):
        """Specific enthalpy [J/kg] from p [Pa] and specific entropy s [J/(kg K)]."""
        return self._pair("h_ps", p, "s", s, threads)

    def T_ps(self, p, s, threads: int | None = None):
        """Temperature [K] from p [Pa] and s [J/(kg K)]."""
        return self._pair("T_ps", p, "s", s, threads)

    def h_pT(self, p, T, threads: int | None = None):
        """Specific enthalpy [J/kg] from p [Pa] and T [K] (single phase; T = T_sat gives h_l)."""
        return self._pair("h_pT", p, "T", T, threads)

    def T_sat(self, p):
        """Saturation temperature [K] at p [Pa] (p_min <= p < p_crit)."""
        return self._single("T_sat", "p", p)

    def p_sat(self, T):
        """Saturation pressure [Pa] at T [K]."""
        return self._single("p_sat", "T", T)

    def h_l(self, p):
        """Saturated-liquid enthalpy [J/kg] at p [Pa]."""
        return self._single("h_l", "p", p)

    def h_v(self, p):
        """Saturated-vapour enthalpy [J/kg] at p [Pa]."""
        return self._single("h_v", "p", p)

    def s_l(self, p):
        """Saturated-liquid entropy [J/(kg K)] at p [Pa]."""
        return self._single("s_l", "p", p)

    def s_v(self, p):
        """Saturated-vapour entropy [J/(kg K)] at p [Pa]."""
        return self._single("s_v", "p", p)

    def rho_l(self, p):
        """Saturated-liquid density [kg/m3] at p [Pa]."""
        return self._single("rho_l", "p", p)

    def rho_v(self, p):
        """Saturated-vapour density [kg/m3] at p [Pa]."""
        return self._single("rho_v", "p", p)
