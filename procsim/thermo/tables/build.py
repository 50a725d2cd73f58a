"""Building a fluid's property tables from CoolProp (grid, node states, spline derivatives).

The grid and its defaults are described in :mod:`procsim.thermo.tables`. Every node
state is an exact CoolProp state of the fluid's backend: saturation nodes from
``(p, Q)`` inputs, boundary isotherms and (p, T) nodes from ``(p, T)`` inputs, and the
(p, h) and (p, s) nodes from a bracketed Newton iteration on the forward ``(p, T)``
equations until ``|h(p, T) - h| <= 1e-10 (|h| + R T_c)`` (or the same for s; or T fixed
to 1e-13 where cp is very large next to the critical point). HEOS starts from the
previous node (its own (p, h) flash is 10-20 times slower than a (p, T) update); IF97
starts from CoolProp's IF97 (p, h) / (p, s) answer, which uses the IAPWS backward
equations. Those are consistent with the forward equations only to about 10 mK (IAPWS
R7-97(2012), sec. 5.2.1, Table 7 and sec. 6.2.1, Table 19), i.e. above the 1e-5 target,
so the tables follow the forward equations.

Derivatives at the nodes come from not-a-knot cubic interpolating splines (scipy
``make_interp_spline``) along each axis, pressure block by pressure block; with those
derivatives the bicubic Hermite patches reproduce the tensor-product spline exactly
(de Boor 2001, ch. XVII). CoolProp's IF97 backend has no partial derivatives, which
is why spline derivatives are used for every backend alike.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import NamedTuple

import numpy as np
import CoolProp.CoolProp as CP
from scipy.interpolate import make_interp_spline

from procsim.thermo.gas import GAS_CONSTANT
from procsim.thermo.tables import kernels as K

__all__ = ["GridSpec", "TableData", "default_grid", "build_table_data"]

#: Version of the table layout and construction; part of every cache key.
FORMAT_VERSION = 8


class TableData(NamedTuple):
    """Everything the numba kernels read: float64 arrays and floats only.

    Pass it unchanged to the ``tab_*`` functions (it is a numba-compatible NamedTuple).
    """

    p_nodes: np.ndarray     # (n_p,) pressure nodes [Pa], block by block (repeated at seams, overlapping at joins)
    blocks: np.ndarray      # (n_blocks, 10): p_lo, p_hi, code, x_lo, dx, 1/dx, first node, n nodes, sign, shift
    curves: np.ndarray      # (n_p, N_CURVES, 2): value and d/dx of each boundary curve
    ph: np.ndarray          # (3, 2, n_p, n_xi, 4): T, s, rho over (p, h); liquid/vapour; F, Fx, Feta, Fxeta
    ps: np.ndarray          # (2, 2, n_p, n_xi, 4): T, h over (p, s)
    pt: np.ndarray          # (1, 2, n_p, n_xi, 4): h over (p, T) (first estimate for h_pT)
    tsat_nodes: np.ndarray  # (n_T,) uniform temperature nodes of the vapour-pressure curve [K]
    psat_curve: np.ndarray  # (n_T, 2): ln p_sat and d ln p_sat / dT
    p_min: float
    p_max: float
    T_min: float
    T_max: float
    p_crit: float
    T_crit: float
    xi_stretch: float


@dataclass(frozen=True)
class GridSpec:
    """Table grid (all fields enter the cache key).

    Attributes
    ----------
    p_min, p_max : pressure range [Pa]; T_min, T_max : temperature range [K].
    dlnp : node spacing in ln p away from the critical pressure [-].
    dln_near : node spacing in ln|p - p_c| within ``near_fraction`` of p_c [-].
    near_fraction : relative width of the crowded block below p_c [-].
    near_fraction_above : relative width of the crowded block above p_c, which also
        resolves the pseudo-critical line (sharpest close to p_c) [-].
    critical_gap : relative half-width of the single linear cell across p_c [-].
    n_xi : nodes across each single-phase region.
    xi_stretch : node crowding towards the saturation / T_c boundary (see
        ``kernels.xi_to_eta``; 1.0: 3 times denser there than at the far end).
    n_tsat : nodes of the vapour-pressure curve p_sat(T).
    breaks : pressures [Pa] where the equation of state itself is piecewise; the
        pressure blocks are split there, so no spline runs across such a seam.
    """

    p_min: float
    p_max: float
    T_min: float
    T_max: float
    dlnp: float = 0.05
    dln_near: float = 0.1
    near_fraction: float = 0.3
    near_fraction_above: float = 1.0
    critical_gap: float = 1.0e-4
    n_xi: int = 64
    xi_stretch: float = 1.0
    n_tsat: int = 400
    breaks: tuple = ()

    def as_dict(self) -> dict:
        return asdict(self)


#: Constant-pressure seams of IAPWS-IF97 as CoolProp evaluates it [Pa]: p_sat(623.15 K)
#: where regions 1/2 meet region 3 on the saturation line (R7-97(2012) sec. 4), and the
#: subregion limits of the region-3 backward equations v(p, T) that CoolProp uses for
#: (p, T) inputs (IAPWS SR5-05(2016), Table 2 and eq. 1-2): p_3cd = 19.00881189 MPa,
#: 20.5 MPa, p_sat(643.15 K) = 21.04336732 MPa, 22.5, 23, 23.5, 25, 40 MPa.
IF97_SEAM_PRESSURES = (16.52916425260452e6, 19.00881189173929e6, 20.5e6, 21.04336732e6,
                       22.5e6, 23.0e6, 23.5e6, 25.0e6, 40.0e6)


def _abstract_state(fluid):
    return CP.AbstractState(fluid.backend, fluid.name)


def default_grid(fluid, **overrides) -> GridSpec:
    """Default grid of ``fluid``; keyword arguments override single fields.

    Defaults: T_min = the fluid's lower limit, raised to min(T_c / 2, 250 K) where that is
    higher (deeply subcooled liquid is of no use to process models and costs nodes);
    water: the triple point 273.16 K (IAPWS R7-97). T_max = the EOS upper limit, capped at
    1073.15 K (upper limit of IF97 region 2, R7-97 sec. 4). p_min = the larger of the
    triple-point pressure and 1.5 p_sat(T_min) (so that liquid exists at p_min).
    p_max = 100 MPa for water (IF97 region 1-3 limit), else min(3 p_c, EOS limit).
    IF97 tables use a denser grid (dlnp 0.035, dln_near 0.07, n_xi 80) because of the
    seams between IF97 regions; fluids with T_max > 2 T_c (Air) use n_xi 80 and
    xi_stretch 0.4 (nodes 6 times denser at the dew line).
    """
    st = _abstract_state(fluid)
    t_crit, p_crit = fluid.critical_temperature, fluid.critical_pressure
    if fluid.name == "Water":
        t_min = 273.16
        p_max = 100.0e6
    else:
        t_min = max(fluid.minimum_temperature, min(0.5 * t_crit, 250.0))
        p_max = min(3.0 * p_crit, fluid.maximum_pressure)
    t_min = overrides.get("T_min", t_min)
    t_max = min(fluid.maximum_temperature, 1073.15)
    st.update(CP.QT_INPUTS, 0.0, t_min)
    p_min = max(fluid.minimum_pressure, 1.5 * st.p())
    fields = dict(p_min=p_min, p_max=p_max, T_min=t_min, T_max=t_max)
    if t_max > 2.0 * t_crit:
        # a vapour range many times the dome's temperature (Air: 1073 K against T_c = 133 K)
        # needs nodes crowded harder towards the dew line, where cold vapour curves most
        fields.update(xi_stretch=0.4, n_xi=80)
    if fluid.backend == "IF97":
        # IF97 is piecewise (regions 1, 2, 3 meet along T = 623.15 K and the B23 line,
        # R7-97 sec. 4); its derivatives jump there, which a spline resolves only to
        # O(spacing^2): a denser grid keeps those seams below the 1e-5 target.
        fields.update(dlnp=0.035, dln_near=0.07, n_xi=80, breaks=IF97_SEAM_PRESSURES)
    fields.update(overrides)
    unknown = set(fields) - set(GridSpec.__dataclass_fields__)
    if unknown:
        raise ValueError(f"unknown table grid parameter(s) {sorted(unknown)}; valid: "
                         f"{sorted(GridSpec.__dataclass_fields__)}")
    def _coerce(k, v):
        if k == "breaks":
            return tuple(sorted(float(b) for b in v))
        return int(v) if k in ("n_xi", "n_tsat") else float(v)

    spec = GridSpec(**{k: _coerce(k, v) for k, v in fields.items()})
    _check_spec(fluid, spec)
    return spec


def _check_spec(fluid, spec: GridSpec) -> None:
    if not (fluid.minimum_pressure * 0.999 <= spec.p_min < spec.p_max <= fluid.maximum_pressure):
        raise ValueError(f"table pressure range [{spec.p_min:g}, {spec.p_max:g}] Pa must lie in "
                         f"[{fluid.minimum_pressure:g}, {fluid.maximum_pressure:g}] Pa for "
                         f"{fluid.name} ({fluid.backend}) with p_min < p_max")
    if not (fluid.minimum_temperature <= spec.T_min < fluid.critical_temperature < spec.T_max
            <= fluid.maximum_temperature):
        raise ValueError(f"table temperature range [{spec.T_min:g}, {spec.T_max:g}] K must lie in "
                         f"[{fluid.minimum_temperature:g}, {fluid.maximum_temperature:g}] K with "
                         f"T_min < T_crit = {fluid.critical_temperature:g} K < T_max")
    if not (spec.p_min < 0.5 * fluid.critical_pressure):
        raise ValueError(f"table p_min must be < p_crit / 2 = {0.5 * fluid.critical_pressure:g} Pa; "
                         f"got {spec.p_min:g} Pa")
    for name, top in (("dlnp", 0.5), ("dln_near", 0.5), ("near_fraction", 0.5),
                      ("near_fraction_above", 4.0), ("critical_gap", 0.01),
                      ("xi_stretch", 10.0)):
        v = getattr(spec, name)
        if not (0.0 < v < top):
            raise ValueError(f"table {name} must be in (0, {top:g}); got {v!r}")
    if not spec.critical_gap < spec.near_fraction:
        raise ValueError("table critical_gap must be < near_fraction")
    if not (spec.n_xi >= 8 and spec.n_tsat >= 8):
        raise ValueError(f"table n_xi and n_tsat must be >= 8; got {spec.n_xi}, {spec.n_tsat}")


# ----------------------------------------------------------------- pressure nodes
#: Nodes by which a pressure block runs on past a join with a block of another pressure
#: coordinate (at p_c (1 - near_fraction) and p_c (1 + near_fraction_above)), on both
#: sides. A not-a-knot spline is least accurate in its end cells (de Boor 2001, ch. IV:
#: the end condition is an estimate, and its error decays by a factor of about
#: -(2 - sqrt 3) per cell into the spline); with the blocks overlapping, the cells used
#: next to the join are interior cells. Measured between 0.5 and 0.8 p_c (Isopentane,
#: Cyclopentane, R245fa against CoolProp): the largest error of h_l(p) and h_v(p) fell
#: from 1.4e-5 to 1.2e-6 of R T_c and that of T_sat(p) from 6e-7 to 6e-8, and the ORC
#: fast path's net power came within 6.4e-7 of the exact path (was 7.2e-6). Judgement,
#: from that measurement: 4 nodes (3 and 5 left 1.5-2x larger errors, as the end error
#: alternates in sign from node to node; more reach the strongly curved data next to p_c).
JOIN_OVERLAP = 4


class PressureBlock(NamedTuple):
    """One pressure block: its coordinate code, the node pressures [Pa] (ascending,
    including any overlap past a join) and the range [p_lo, p_hi] [Pa] it serves."""

    code: float
    p: np.ndarray
    p_lo: float
    p_hi: float


def pressure_blocks(spec: GridSpec, p_crit: float) -> list[PressureBlock]:
    """Pressure blocks covering [p_min, p_max] in ascending order.

    Each block serves [p_lo, p_hi]; blocks meet there. Where two blocks of different
    coordinates meet away from the critical point, the nodes of each run
    :data:`JOIN_OVERLAP` steps past the join (never past the neighbour's own range).
    At a seam of a piecewise equation of state (``spec.breaks``) and at the linear cell
    across p_c they do not: no spline runs across a seam or through p_c.
    """
    near, gap = spec.near_fraction, spec.critical_gap
    cands = [
        (K.CODE_LN_P, spec.p_min, p_crit * (1.0 - near)),
        (K.CODE_LN_BELOW_CRIT, p_crit * (1.0 - near), p_crit * (1.0 - gap)),
        (K.CODE_LINEAR, p_crit * (1.0 - gap), p_crit * (1.0 + gap)),
        (K.CODE_LN_ABOVE_CRIT, p_crit * (1.0 + gap), p_crit * (1.0 + spec.near_fraction_above)),
        (K.CODE_LN_P, p_crit * (1.0 + spec.near_fraction_above), spec.p_max),
    ]
    pieces = []
    for code, a, b in cands:
        a, b = max(a, spec.p_min), min(b, spec.p_max)
        if not b > a:
            continue
        cuts = [a] + [q for q in spec.breaks if a < q < b and code != K.CODE_LINEAR] + [b]
        pieces.extend((code, lo, hi) for lo, hi in zip(cuts[:-1], cuts[1:]))
    blocks = []
    for i, (code, a, b) in enumerate(pieces):
        if code == K.CODE_LINEAR:
            blocks.append(PressureBlock(code, np.array([a, b]), a, b))
            continue
        xa, xb = _transform(a, code, p_crit), _transform(b, code, p_crit)
        step = spec.dlnp if code == K.CODE_LN_P else spec.dln_near
        n = max(4, int(math.ceil(abs(xb - xa) / step)) + 1)
        x = np.linspace(xa, xb, n)
        dx = x[1] - x[0]

        def overlap(neighbour, side):
            """Nodes past this block's end ``side`` (-1 low, +1 high), inside ``neighbour``."""
            if neighbour is None or neighbour[0] in (code, K.CODE_LINEAR):
                return np.empty(0)
            end = x[0] if side < 0 else x[-1]
            ext = end + side * dx * np.arange(1, JOIN_OVERLAP + 1)
            p_ext = _inverse(ext, code, p_crit)
            keep = (p_ext > neighbour[1]) & (p_ext < neighbour[2])
            return ext[keep][::side]  # ascending in p

        below = overlap(pieces[i - 1] if i > 0 else None, -1)
        above = overlap(pieces[i + 1] if i + 1 < len(pieces) else None, +1)
        p = _inverse(np.concatenate([below, x, above]), code, p_crit)
        p[below.size], p[below.size + n - 1] = a, b
        blocks.append(PressureBlock(code, p, a, b))
    return blocks


def _transform(p, code, p_crit):
    if code == K.CODE_LN_P:
        return np.log(p)
    if code == K.CODE_LN_BELOW_CRIT:
        return np.log(p_crit - p)
    if code == K.CODE_LN_ABOVE_CRIT:
        return np.log(p - p_crit)
    return np.asarray(p, dtype=float)


def _inverse(x, code, p_crit):
    if code == K.CODE_LN_P:
        return np.exp(x)
    if code == K.CODE_LN_BELOW_CRIT:
        return p_crit - np.exp(x)
    if code == K.CODE_LN_ABOVE_CRIT:
        return p_crit + np.exp(x)
    return np.asarray(x, dtype=float)


def _d_dx(x: np.ndarray, y: np.ndarray, axis: int) -> np.ndarray:
    """Derivative at the nodes of the not-a-knot cubic spline through (x, y) along ``axis``."""
    n = x.size
    if n == 2:
        d = (np.take(y, [1], axis=axis) - np.take(y, [0], axis=axis)) / (x[1] - x[0])
        return np.concatenate([d, d], axis=axis)
    if x[0] > x[-1]:  # ln(p_c - p) falls as p rises
        return np.flip(_d_dx(x[::-1].copy(), np.flip(y, axis=axis), axis), axis=axis)
    spl = make_interp_spline(x, y, k=min(3, n - 1), axis=axis)
    return spl.derivative()(x)


# ------------------------------------------------------------------ node states
class _NodeSolver:
    """Exact CoolProp states at given (p, T), (p, h), (p, s) or (p, Q); returns (T, h, s, rho)."""

    def __init__(self, fluid):
        self.st = _abstract_state(fluid)
        gas_constant = GAS_CONSTANT / fluid.molar_mass
        self.h_scale = gas_constant * fluid.critical_temperature
        self.s_scale = gas_constant
        self.p_crit = fluid.critical_pressure
        self.backward_flash = fluid.backend == "IF97"

    def _read(self):
        st = self.st
        return st.T(), st.hmass(), st.smass(), st.rhomass()

    def pT(self, p, T):
        self.st.update(CP.PT_INPUTS, p, T)
        return self._read()

    def pQ(self, p, q):
        self.st.update(CP.PQ_INPUTS, p, q)
        return self._read()

    def pz(self, p, z, key, lo, hi, guess, history=()):
        """State at (p, h) (key 1) or (p, s) (key 2).

        ``lo``/``hi`` are bracketing states (T, h, s, rho); ``guess`` a nearby state and
        ``history`` up to two states before it along the same isobar. IF97 starts from
        CoolProp's own (backward-equation) flash, which is fast; HEOS, whose (p, h) flash
        costs 10-20 times a (p, T) update (300 us against 15 us for water), starts from T(z)
        extrapolated through ``guess`` and ``history`` (the parabola through those three
        states), or without history from the secant through ``guess`` and ``hi``. Nodes are
        close along an isobar, so the parabola starts Newton close enough that it needs about
        2.1 (p, T) updates per node instead of 3.2 (R245fa: 237,000 updates per table
        instead of 332,000).
        """
        st = self.st
        scale = self.h_scale if key == 1 else self.s_scale
        tol = 1.0e-10 * (abs(z) + scale)
        t_a, t_b = lo[0], hi[0]
        T = math.nan
        if self.backward_flash:
            try:
                st.update(CP.HmassP_INPUTS if key == 1 else CP.PSmass_INPUTS,
                          *((z, p) if key == 1 else (p, z)))
                T = st.T()
            except (ValueError, IndexError, RuntimeError):
                T = math.nan  # outside the backward equations' range: use the secant
        if not (t_a < T < t_b):
            T = _extrapolate(z, key, (guess,) + tuple(history) if history else (guess, hi))
            if not (t_a < T < t_b):
                T = 0.5 * (t_a + t_b)
        best = (math.inf, T)
        try:
            for _ in range(80):
                st.update(CP.PT_INPUTS, p, T)
                r = (st.hmass() if key == 1 else st.smass()) - z
                # near the critical point cp is huge: T is then fixed to rounding before h is
                if abs(r) <= tol or (t_b - t_a) <= 1.0e-13 * T:
                    return self._read()
                best = min(best, (abs(r), T))
                if r > 0.0:
                    t_b = T
                else:
                    t_a = T
                slope = st.cpmass() if key == 1 else st.cpmass() / T
                T_new = T - r / slope
                T = T_new if t_a < T_new < t_b else 0.5 * (t_a + t_b)
        except (ValueError, RuntimeError):
            pass
        near_critical = abs(p - self.p_crit) < 0.05 * self.p_crit
        if best[0] <= 1.0e4 * tol or (near_critical and best[0] < math.inf):
            # Next to the critical point the (p, T) equations are noisy (HEOS density
            # solver), not monotonic (IF97 region-3 backward equations, R7-97 sec. 5.2.3
            # and IAPWS SR5-05) or refused (pseudo-pure fluids): the closest state is kept.
            # Accuracy is stated only for |p - p_c| > 5 % p_c.
            return self.pT(p, best[1])
        if near_critical:
            f = (z - lo[key]) / (hi[key] - lo[key])
            return tuple(a + f * (b - a) for a, b in zip(lo, hi))
        raise ValueError(f"table build: no {('h', 's')[key - 1]}={z!r} state at p={p!r} Pa "
                         f"between T={lo[0]!r} and {hi[0]!r} K")


def _extrapolate(z, key, states):
    """T at ``z`` on the line (two states) or parabola (three) T(z) through ``states``
    ((T, h, s, rho) tuples; z = h for key 1, s for key 2): Lagrange's form."""
    (t0, z0), (t1, z1) = (states[0][0], states[0][key]), (states[1][0], states[1][key])
    if len(states) == 2:
        return t0 + (z - z0) * (t1 - t0) / (z1 - z0)
    t2, z2 = states[2][0], states[2][key]
    return (t0 * (z - z1) * (z - z2) / ((z0 - z1) * (z0 - z2))
            + t1 * (z - z0) * (z - z2) / ((z1 - z0) * (z1 - z2))
            + t2 * (z - z0) * (z - z1) / ((z2 - z0) * (z2 - z1)))


def build_table_data(fluid, spec: GridSpec) -> TableData:
    """Evaluate every node with CoolProp and return the kernels' data tuple."""
    p_crit, t_crit = fluid.critical_pressure, fluid.critical_temperature
    blocks = pressure_blocks(spec, p_crit)
    p_nodes = np.concatenate([blk.p for blk in blocks])
    # the kernels index each block as uniform in its coordinate: splines use the same nodes
    x_nodes = np.concatenate([np.linspace(_transform(blk.p[0], blk.code, p_crit),
                                          _transform(blk.p[-1], blk.code, p_crit), blk.p.size)
                              for blk in blocks])
    block_table = np.empty((len(blocks), K.N_BLOCK_COLUMNS))
    first = 0
    for row, (code, b, p_lo, p_hi) in zip(block_table, blocks):
        xb = _transform(b, code, p_crit)
        dx = (xb[-1] - xb[0]) / (b.size - 1)
        sign, shift = {K.CODE_LN_P: (1.0, 0.0), K.CODE_LN_BELOW_CRIT: (-1.0, p_crit),
                       K.CODE_LN_ABOVE_CRIT: (1.0, p_crit), K.CODE_LINEAR: (1.0, 0.0)}[code]
        # the kernels pick the block by its served range [p_lo, p_hi]; the nodes may overlap
        row[:] = (p_lo, p_hi, code, xb[0], dx, 1.0 / dx, first, b.size, sign, shift)
        first += b.size
    n_p, n_xi = p_nodes.size, spec.n_xi
    # A node repeated at a block join is evaluated 1e-9 to either side of it, so that at
    # a seam of a piecewise equation (IF97: saturated h_v jumps by ~40 J/kg at
    # p_sat(623.15 K)) each block gets the values of its own side.
    p_eval = p_nodes.copy()
    join = np.flatnonzero(p_nodes[:-1] == p_nodes[1:])
    p_eval[join] *= 1.0 - 1.0e-9
    p_eval[join + 1] *= 1.0 + 1.0e-9
    eta = np.linspace(0.0, 1.0, n_xi)
    c = spec.xi_stretch
    w = eta * (eta + c) / (1.0 + c)
    xi_regions = (1.0 - w[::-1], w)  # liquid: dense towards xi = 1; vapour: towards xi = 0
    solver = _NodeSolver(fluid)

    # boundary states per node: lo (T_min), bl, bv (saturation or T_c isotherm), hi (T_max)
    bnd = np.empty((4, n_p, 4))
    for i, p in enumerate(p_eval):
        bnd[0, i] = solver.pT(p, spec.T_min)
        bnd[3, i] = solver.pT(p, spec.T_max)
        if p < p_crit:
            bnd[1, i] = solver.pQ(p, 0.0)
            bnd[2, i] = solver.pQ(p, 1.0)
        else:
            bnd[1, i] = bnd[2, i] = solver.pT(p, t_crit)

    curves_v = np.empty((K.N_CURVES, n_p))
    curves_v[[K.C_H_LO, K.C_H_BL, K.C_H_BV, K.C_H_HI]] = bnd[:, :, 1]
    curves_v[[K.C_S_LO, K.C_S_BL, K.C_S_BV, K.C_S_HI]] = bnd[:, :, 2]
    curves_v[K.C_T_B] = bnd[1, :, 0]
    curves_v[K.C_RHO_BL] = bnd[1, :, 3]
    curves_v[K.C_RHO_BV] = bnd[2, :, 3]
    curves_v[K.C_T_BV] = bnd[2, :, 0]

    # node values: ph (T, s, rho), ps (T, h), pt (h); region 0 between lo and bl, 1 between bv and hi
    ph = np.empty((3, 2, n_p, n_xi))
    ps = np.empty((2, 2, n_p, n_xi))
    pt = np.empty((1, 2, n_p, n_xi))
    for r, (a, b) in enumerate(((0, 1), (2, 3))):
        for i, p in enumerate(p_eval):
            lo, hi = bnd[a, i], bnd[b, i]
            xi = xi_regions[r]
            for kind, out in ((1, ph), (2, ps)):
                state, history = lo, ()
                for k, f in enumerate(xi):
                    if k == n_xi - 1:
                        state = hi
                    elif k > 0:
                        state, history = solver.pz(p, lo[kind] + f * (hi[kind] - lo[kind]), kind,
                                                   lo, hi, state, history), (state,) + history[:1]
                    if kind == 1:
                        out[:, r, i, k] = state[0], state[2], state[3]
                    else:
                        out[:, r, i, k] = state[0], state[1]
            for k, f in enumerate(xi):
                if k == 0:
                    state = lo
                elif k == n_xi - 1:
                    state = hi
                else:
                    state = solver.pT(p, lo[0] + f * (hi[0] - lo[0]))
                pt[0, r, i, k] = state[1]

    curves = np.ascontiguousarray(np.stack(
        [curves_v.T, _block_derivative(blocks, x_nodes, curves_v, axis=1).T], axis=2))

    # vapour-pressure curve: ln p uniform in T up to the highest subcritical node
    p_top = p_nodes[p_nodes < p_crit].max()
    t_lo = bnd[1, 0, 0]
    # capped at T_c: pseudo-pure fluids (Air) have bubble points above their T_c
    t_hi = min(solver.pQ(p_top, 0.0)[0], t_crit)
    t_nodes = np.linspace(t_lo, t_hi, spec.n_tsat)
    lnp = np.empty(spec.n_tsat)
    for k, T in enumerate(t_nodes):
        solver.st.update(CP.QT_INPUTS, 0.0, T)
        lnp[k] = math.log(solver.st.p())
    psat = np.ascontiguousarray(np.stack([lnp, _d_dx(t_nodes, lnp, axis=0)], axis=1))

    return TableData(
        p_nodes=p_nodes, blocks=block_table, curves=curves,
        ph=_hermite(blocks, x_nodes, eta, ph), ps=_hermite(blocks, x_nodes, eta, ps),
        pt=_hermite(blocks, x_nodes, eta, pt), tsat_nodes=t_nodes, psat_curve=psat,
        p_min=float(spec.p_min), p_max=float(spec.p_max), T_min=float(spec.T_min),
        T_max=float(spec.T_max), p_crit=float(p_crit), T_crit=float(t_crit),
        xi_stretch=float(c))


def _block_derivative(blocks, x_nodes, values, axis):
    """d values / dx along the pressure ``axis``, one spline per pressure block."""
    out = np.empty_like(values)
    start = 0
    for blk in blocks:
        b = blk.p
        sl = [slice(None)] * values.ndim
        sl[axis] = slice(start, start + b.size)
        sl = tuple(sl)
        out[sl] = _d_dx(x_nodes[start:start + b.size], values[sl], axis=axis)
        start += b.size
    return out


def _hermite(blocks, x_nodes, eta, values):
    """(props, regions, n_p, n_xi) node values -> (props, regions, n_p, n_xi, 4) Hermite data."""
    fx = _block_derivative(blocks, x_nodes, values, axis=2)
    fxi = _d_dx(eta, values, axis=3)
    fxxi = _d_dx(eta, fx, axis=3)
    return np.ascontiguousarray(np.stack([values, fx, fxi, fxxi], axis=4))
