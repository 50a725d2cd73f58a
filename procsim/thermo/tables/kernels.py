"""Numba kernels of the real-fluid property tables (scalar cores and array loops).

Every ``tab_*`` function takes the table's :class:`~procsim.thermo.tables.build.TableData`
tuple as its first argument and returns ``NaN`` for an input outside the table (or NaN
input). The scheme is described in :mod:`procsim.thermo.tables`.

Cell location: a short scan over the pressure blocks (``TableData.blocks``: at most a
dozen or so), then direct indexing, since nodes are uniform in each block's pressure
coordinate ``ln p``, ``ln(p_c - p)``, ``ln(p - p_c)`` or ``p`` (codes below). The second
coordinate is the normalised position ``xi`` between two boundary curves, mapped to
the uniform node coordinate ``eta`` by :func:`xi_to_eta`. Values are cubic Hermite in
both coordinates. Memory layout keeps one evaluation on few cache lines: the four
Hermite values (F, F_x, F_eta, F_x_eta) of a node are adjacent, and so are all
boundary curves at one pressure node. Internal helpers take arrays (not the tuple),
which keeps NRT reference counting out of the inner loop; small ones are inlined into
the evaluation cores, which are compiled once (see ``_SHARED``).

References
----------
* F. N. Fritsch, R. E. Carlson, "Monotone piecewise cubic interpolation", SIAM J.
  Numer. Anal. 17 (1980) 238-246 (cubic Hermite basis functions, eq. 2).
* C. de Boor, *A Practical Guide to Splines*, rev. ed., Springer, 2001, ch. IV and
  XVII (not-a-knot cubic spline, tensor-product spline interpolation).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from procsim.jitopts import SCALAR_KERNEL

# pressure-coordinate transform codes (column B_CODE of TableData.blocks)
CODE_LN_P = 0.0          # x = ln p
CODE_LN_BELOW_CRIT = 1.0  # x = ln(p_c - p), nodes crowd towards the critical point from below
CODE_LN_ABOVE_CRIT = 2.0  # x = ln(p - p_c), nodes crowd towards it from above
CODE_LINEAR = 3.0        # x = p (the single cell that spans the critical pressure)

# columns of TableData.blocks; x = ln(B_SIGN (p - B_SHIFT)) except in the linear cell
B_P_LO, B_P_HI, B_CODE, B_X_LO, B_DX, B_INV_DX, B_FIRST, B_N, B_SIGN, B_SHIFT = range(10)
N_BLOCK_COLUMNS = 10

# curves of TableData.curves[node, curve, (value, d/dx)]
C_H_LO, C_H_BL, C_H_BV, C_H_HI = 0, 1, 2, 3
C_S_LO, C_S_BL, C_S_BV, C_S_HI = 4, 5, 6, 7
C_T_B, C_RHO_BL, C_RHO_BV, C_T_BV = 8, 9, 10, 11
N_CURVES = 12

# surface property indices
PH_T, PH_S, PH_RHO = 0, 1, 2   # TableData.ph
PS_T, PS_H = 0, 1              # TableData.ps
PT_H = 0                       # TableData.pt
LIQUID, VAPOUR = 0, 1          # region axis of the surfaces


# numba options of every table kernel: NaN/inf from a zero division are data (the region
# logic discards them), so the numpy error model is used; it also removes the zero-division
# branch that the Python error model puts before every division.
#
# The scalar functions and cores are compiled without numba's reference counting
# (procsim.jitopts explains why and what it measured); the array loops, and _pz_block,
# which allocates its scratch, keep it (_OPTS_ALLOC).
_OPTS_ALLOC = dict(cache=True, error_model="numpy")
_OPTS = dict(SCALAR_KERNEL, error_model="numpy")
_INLINE = dict(_OPTS, inline="always")
# The evaluation cores (_pz_at, _h_pT_at; _pz_block with _OPTS_ALLOC) are compiled once and called by every
# function that needs them (LLVM still inlines them where it pays), with the small helpers
# inlined into them. Inlining the cores too (numba IR inlining) re-typed and re-compiled
# them inside each of the ~20 public functions: measured 4 s of compile time per cell_*
# function. Integer codes passed to the cores are np.int64(...), not literals: numba
# compiles a callee once per distinct literal argument value.
_SHARED = _OPTS
# array loops: release the GIL (threads of a Dask worker run them side by side)
_LOOP = dict(_OPTS_ALLOC, nogil=True)
_PLOOP = dict(_LOOP, parallel=True)


@njit(**_INLINE)
def _cell(blocks, p):
    """Node ``j`` and Hermite weights (w0, w1, w2, w3) of pressure ``p``; j = -1 outside.

    Value in the cell: w0 f_j + w1 f'_j + w2 f_{j+1} + w3 f'_{j+1} (f' = d/dx), with
    x = ln(B_SIGN (p - B_SHIFT)) in the block, or x = p in the linear cell at p_c.
    The block scan stops early: most states lie in the first (widest) block, so the
    exit is well predicted (measured faster than a fixed count over all blocks).
    """
    nb = blocks.shape[0]
    if not (blocks[0, B_P_LO] <= p <= blocks[nb - 1, B_P_HI]):
        return -1, 0.0, 0.0, 0.0, 0.0
    b = 0
    while p > blocks[b, B_P_HI]:
        b += 1
    if blocks[b, B_CODE] == CODE_LINEAR:
        x = p
    else:
        x = math.log(blocks[b, B_SIGN] * (p - blocks[b, B_SHIFT]))
    s = (x - blocks[b, B_X_LO]) * blocks[b, B_INV_DX]
    n = int(blocks[b, B_N])
    k = min(max(int(s), 0), n - 2)
    t = s - k
    t2 = t * t
    t3 = t2 * t
    dx = blocks[b, B_DX]
    return (int(blocks[b, B_FIRST]) + k, 2.0 * t3 - 3.0 * t2 + 1.0, (t3 - 2.0 * t2 + t) * dx,
            -2.0 * t3 + 3.0 * t2, (t3 - t2) * dx)


@njit(**_INLINE)
def _curve(curves, c, j, w0, w1, w2, w3):
    return (w0 * curves[j, c, 0] + w1 * curves[j, c, 1]
            + w2 * curves[j + 1, c, 0] + w3 * curves[j + 1, c, 1])


@njit(**_INLINE)
def xi_to_eta(xi, region, stretch):
    """Node coordinate eta (uniform nodes) of the normalised position ``xi`` in a region.

    Nodes sit at ``w = eta (eta + c) / (1 + c)``, ``w`` measured from the saturation
    (or T_c) boundary: ``w = xi`` in the vapour region, ``w = 1 - xi`` in the liquid
    region, ``c = stretch``; the nodes are (2 + c) / c times denser at the boundary
    than at the far end of the region.
    """
    w = xi if region == VAPOUR else 1.0 - xi
    e = 0.5 * (math.sqrt(max(stretch * stretch + 4.0 * (1.0 + stretch) * w, 0.0)) - stretch)
    return e if region == VAPOUR else 1.0 - e


@njit(**_INLINE)
def _node_rows(surf, q, r, j, k, w0, w1, w2, w3):
    """Values and eta-derivatives at eta nodes k, k+1, interpolated in pressure."""
    j1 = j + 1
    a0 = (w0 * surf[q, r, j, k, 0] + w1 * surf[q, r, j, k, 1]
          + w2 * surf[q, r, j1, k, 0] + w3 * surf[q, r, j1, k, 1])
    b0 = (w0 * surf[q, r, j, k, 2] + w1 * surf[q, r, j, k, 3]
          + w2 * surf[q, r, j1, k, 2] + w3 * surf[q, r, j1, k, 3])
    a1 = (w0 * surf[q, r, j, k + 1, 0] + w1 * surf[q, r, j, k + 1, 1]
          + w2 * surf[q, r, j1, k + 1, 0] + w3 * surf[q, r, j1, k + 1, 1])
    b1 = (w0 * surf[q, r, j, k + 1, 2] + w1 * surf[q, r, j, k + 1, 3]
          + w2 * surf[q, r, j1, k + 1, 2] + w3 * surf[q, r, j1, k + 1, 3])
    return a0, b0, a1, b1


@njit(**_INLINE)
def _surface(surf, q, r, j, w0, w1, w2, w3, xi, stretch):
    """Bicubic Hermite value of property ``q`` in region ``r`` at node ``j`` weights, ``xi``."""
    n = surf.shape[3]
    s = min(max(xi_to_eta(xi, r, stretch), 0.0), 1.0) * (n - 1)
    k = min(int(s), n - 2)
    u = s - k
    dy = 1.0 / (n - 1)
    u2 = u * u
    u3 = u2 * u
    a0, b0, a1, b1 = _node_rows(surf, q, r, j, k, w0, w1, w2, w3)
    return ((2.0 * u3 - 3.0 * u2 + 1.0) * a0 + (u3 - 2.0 * u2 + u) * dy * b0
            + (-2.0 * u3 + 3.0 * u2) * a1 + (u3 - u2) * dy * b1)


@njit(**_INLINE)
def _surface_d(surf, q, r, j, w0, w1, w2, w3, xi, stretch):
    """:func:`_surface` and its derivative with respect to ``xi``.

    d/dxi = d/du * (n - 1) * deta/dxi, with deta/dxi = (1 + c) / sqrt(c^2 + 4 (1 + c) w)
    in both regions (the two sign changes of the liquid side cancel).
    """
    n = surf.shape[3]
    w = xi if r == VAPOUR else 1.0 - xi
    root = math.sqrt(max(stretch * stretch + 4.0 * (1.0 + stretch) * w, 0.0))
    e = 0.5 * (root - stretch)
    eta = e if r == VAPOUR else 1.0 - e
    s = min(max(eta, 0.0), 1.0) * (n - 1)
    k = min(int(s), n - 2)
    u = s - k
    dy = 1.0 / (n - 1)
    u2 = u * u
    u3 = u2 * u
    a0, b0, a1, b1 = _node_rows(surf, q, r, j, k, w0, w1, w2, w3)
    value = ((2.0 * u3 - 3.0 * u2 + 1.0) * a0 + (u3 - 2.0 * u2 + u) * dy * b0
             + (-2.0 * u3 + 3.0 * u2) * a1 + (u3 - u2) * dy * b1)
    d_du = ((6.0 * u2 - 6.0 * u) * (a0 - a1) + (3.0 * u2 - 4.0 * u + 1.0) * dy * b0
            + (3.0 * u2 - 2.0 * u) * dy * b1)
    return value, d_du * (n - 1) * (1.0 + stretch) / root


@njit(**_INLINE)
def _split(curves, c_lo, j, w0, w1, w2, w3, z, above):
    """Region of ``z`` between the boundary curves c_lo .. c_lo + 3: (region, xi, quality).

    region -1: outside the table; 0 liquid; 1 vapour; 2 two-phase (quality returned).
    Above the critical pressure (``above``) the two middle curves coincide (the T_c
    isotherm) and the liquid-like side is taken up to them.
    """
    bl = _curve(curves, c_lo + 1, j, w0, w1, w2, w3)
    bv = _curve(curves, c_lo + 2, j, w0, w1, w2, w3)
    if z <= bl or (above and z <= bv):
        lo = _curve(curves, c_lo, j, w0, w1, w2, w3)
        if not (z >= lo):
            return -1, np.nan, np.nan
        return LIQUID, (z - lo) / (bl - lo), np.nan
    if z >= bv:
        hi = _curve(curves, c_lo + 3, j, w0, w1, w2, w3)
        if not (z <= hi):
            return -1, np.nan, np.nan
        return VAPOUR, (z - bv) / (hi - bv), np.nan
    if not (z == z):
        return -1, np.nan, np.nan
    return 2, np.nan, (z - bl) / (bv - bl)


@njit(**_INLINE)
def _lever_curves(kind, q):
    """Saturation curves (a, b) and whether the lever rule runs on reciprocals, for the
    two-phase value of property ``q`` of a (p, h) (``kind`` 0) or (p, s) (1) table."""
    if kind == 0:
        if q == PH_T:  # pure fluids: T_l == T_v; pseudo-pure (Air): bubble to dew point
            return C_T_B, C_T_BV, False
        if q == PH_S:
            return C_S_BL, C_S_BV, False
        return C_RHO_BL, C_RHO_BV, True  # the lever rule holds for specific volume
    if q == PS_T:
        return C_T_B, C_T_BV, False
    return C_H_BL, C_H_BV, False


@njit(**_INLINE)
def _lever(curves, ca, cb, reciprocal, j, w0, w1, w2, w3, x):
    fa = _curve(curves, ca, j, w0, w1, w2, w3)
    fb = _curve(curves, cb, j, w0, w1, w2, w3)
    if reciprocal:
        return 1.0 / (1.0 / fa + x * (1.0 / fb - 1.0 / fa))
    return fa + x * (fb - fa)


@njit(**_SHARED)
def _pz_at(curves, surf, p_crit, stretch, kind, q, j, w0, w1, w2, w3, p, z):
    """Property ``q`` at (p, z), z = h (``kind`` 0) or s (1), given the pressure cell."""
    if j < 0 or not (z == z):
        return np.nan
    region, xi, x = _split(curves, C_H_LO if kind == 0 else C_S_LO, j, w0, w1, w2, w3, z,
                           p >= p_crit)
    if region < 0:
        return np.nan
    if region < 2:
        return _surface(surf, q, region, j, w0, w1, w2, w3, xi, stretch)
    ca, cb, reciprocal = _lever_curves(kind, q)
    return _lever(curves, ca, cb, reciprocal, j, w0, w1, w2, w3, x)


@njit(**_INLINE)
def _ph_at(blocks, curves, surf, p_crit, stretch, j, w0, w1, w2, w3, p, h, q):
    """Property ``q`` (PH_*) at (p, h) given the pressure cell; NaN outside."""
    return _pz_at(curves, surf, p_crit, stretch, np.int64(0), np.int64(q), j, w0, w1, w2, w3, p, h)


@njit(**_INLINE)
def _ps_at(blocks, curves, surf, p_crit, stretch, j, w0, w1, w2, w3, p, s, q):
    """Property ``q`` (PS_*) at (p, s) given the pressure cell; NaN outside."""
    return _pz_at(curves, surf, p_crit, stretch, np.int64(1), np.int64(q), j, w0, w1, w2, w3, p, s)


@njit(**_INLINE)
def _ph(blocks, curves, surf, p_crit, stretch, p, h, q):
    j, w0, w1, w2, w3 = _cell(blocks, p)
    return _ph_at(blocks, curves, surf, p_crit, stretch, j, w0, w1, w2, w3, p, h, q)


@njit(**_INLINE)
def _ps(blocks, curves, surf, p_crit, stretch, p, s, q):
    j, w0, w1, w2, w3 = _cell(blocks, p)
    return _ps_at(blocks, curves, surf, p_crit, stretch, j, w0, w1, w2, w3, p, s, q)


@njit(**_INLINE)
def _x_at(curves, p_crit, j, w0, w1, w2, w3, p, h):
    if j < 0 or not (p < p_crit) or not (h == h):
        return np.nan
    lo = _curve(curves, C_H_LO, j, w0, w1, w2, w3)
    hi = _curve(curves, C_H_HI, j, w0, w1, w2, w3)
    if not (lo <= h <= hi):
        return np.nan
    h_l = _curve(curves, C_H_BL, j, w0, w1, w2, w3)
    return (h - h_l) / (_curve(curves, C_H_BV, j, w0, w1, w2, w3) - h_l)


@njit(**_SHARED)
def _h_pT_at(blocks, curves, ph, pt, p_crit, T_crit, T_min, T_max, stretch,
             j, w0, w1, w2, w3, p, T):
    """h(p, T), single phase, given the pressure cell (see :func:`tab_h_pT`)."""
    if j < 0 or not (T_min <= T <= T_max):
        return np.nan
    tb = _curve(curves, C_T_B, j, w0, w1, w2, w3)
    if T <= tb or (p >= p_crit and T <= T_crit):
        r = LIQUID
        h = _surface(pt, PT_H, LIQUID, j, w0, w1, w2, w3, (T - T_min) / (tb - T_min), stretch)
        lo = _curve(curves, C_H_LO, j, w0, w1, w2, w3)
        hi = _curve(curves, C_H_BL, j, w0, w1, w2, w3)
    else:
        tv = _curve(curves, C_T_BV, j, w0, w1, w2, w3)
        if T < tv:
            return np.nan
        r = VAPOUR
        h = _surface(pt, PT_H, VAPOUR, j, w0, w1, w2, w3, (T - tv) / (T_max - tv), stretch)
        lo = _curve(curves, C_H_BV, j, w0, w1, w2, w3)
        hi = _curve(curves, C_H_HI, j, w0, w1, w2, w3)
    width = hi - lo
    h = min(max(h, lo), hi)
    for _ in range(12):
        t_h, dt_dxi = _surface_d(ph, PH_T, r, j, w0, w1, w2, w3, (h - lo) / width, stretch)
        f = t_h - T
        if abs(f) <= 1.0e-12 * T or not (dt_dxi > 0.0):
            break
        h = min(max(h - f * width / dt_dxi, lo), hi)
    return h


@njit(**_INLINE)
def _sat_at(curves, p_crit, j, w0, w1, w2, w3, p, c):
    if j < 0 or not (p < p_crit):
        return np.nan
    return _curve(curves, c, j, w0, w1, w2, w3)


# ------------------------------------------------------------------ scalar functions
@njit(**_OPTS)
def tab_T_ph(data, p, h):
    """Temperature [K] from pressure [Pa] and specific enthalpy [J/kg]; NaN outside the table."""
    return _ph(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch, p, h, PH_T)


@njit(**_OPTS)
def tab_s_ph(data, p, h):
    """Specific entropy [J/(kg K)] from pressure [Pa] and specific enthalpy [J/kg]."""
    return _ph(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch, p, h, PH_S)


@njit(**_OPTS)
def tab_rho_ph(data, p, h):
    """Density [kg/m3] from pressure [Pa] and specific enthalpy [J/kg] (two-phase: lever rule on 1/rho)."""
    return _ph(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch, p, h, PH_RHO)


@njit(**_OPTS)
def tab_x_ph(data, p, h):
    """Equilibrium vapour quality (h - h_l)/(h_v - h_l) [-] below p_c (may be < 0 or > 1); NaN at p >= p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _x_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, h)


@njit(**_OPTS)
def tab_h_ps(data, p, s):
    """Specific enthalpy [J/kg] from pressure [Pa] and specific entropy [J/(kg K)]."""
    return _ps(data.blocks, data.curves, data.ps, data.p_crit, data.xi_stretch, p, s, PS_H)


@njit(**_OPTS)
def tab_T_ps(data, p, s):
    """Temperature [K] from pressure [Pa] and specific entropy [J/(kg K)]."""
    return _ps(data.blocks, data.curves, data.ps, data.p_crit, data.xi_stretch, p, s, PS_T)


@njit(**_OPTS)
def tab_h_pT(data, p, T):
    """Specific enthalpy [J/kg] from pressure [Pa] and temperature [K], single phase.

    The (p, T) table gives a first estimate, which Newton steps on the (p, h) table's
    T(p, h), with its analytic derivative dT/dh from the Hermite patch, refine to
    |T(p, h) - T| <= 1e-12 T (usually one step; at most 12): h(p, T) is steep near the
    pseudo-critical line, T(p, h) is not, and ``tab_T_ph(p, tab_h_pT(p, T)) == T``
    holds. Below p_c a temperature equal to T_sat(p) (to the table's rounding) gives
    the saturated liquid: (p, T) does not fix the state on the saturation line. For a
    pseudo-pure fluid (Air) T between the bubble and dew points gives NaN.
    """
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _h_pT_at(data.blocks, data.curves, data.ph, data.pt, data.p_crit, data.T_crit,
                    data.T_min, data.T_max, data.xi_stretch, j, w0, w1, w2, w3, p, T)


@njit(**_OPTS)
def tab_T_sat(data, p):
    """Saturation temperature [K] at pressure ``p`` [Pa] < p_c (bubble point for pseudo-pure fluids)."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_T_B)


@njit(**_OPTS)
def tab_h_l(data, p):
    """Saturated-liquid specific enthalpy [J/kg] at ``p`` [Pa] < p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_H_BL)


@njit(**_OPTS)
def tab_h_v(data, p):
    """Saturated-vapour specific enthalpy [J/kg] at ``p`` [Pa] < p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_H_BV)


@njit(**_OPTS)
def tab_s_l(data, p):
    """Saturated-liquid specific entropy [J/(kg K)] at ``p`` [Pa] < p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_S_BL)


@njit(**_OPTS)
def tab_s_v(data, p):
    """Saturated-vapour specific entropy [J/(kg K)] at ``p`` [Pa] < p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_S_BV)


@njit(**_OPTS)
def tab_rho_l(data, p):
    """Saturated-liquid density [kg/m3] at ``p`` [Pa] < p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_RHO_BL)


@njit(**_OPTS)
def tab_rho_v(data, p):
    """Saturated-vapour density [kg/m3] at ``p`` [Pa] < p_c."""
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    return _sat_at(data.curves, data.p_crit, j, w0, w1, w2, w3, p, C_RHO_BV)


@njit(**_INLINE)
def _p_sat(nodes, curve, T):
    n = nodes.size
    if not (nodes[0] <= T <= nodes[n - 1]):
        return np.nan
    dT = nodes[1] - nodes[0]
    k = min(int((T - nodes[0]) / dT), n - 2)
    t = (T - nodes[k]) / dT
    t2 = t * t
    t3 = t2 * t
    return math.exp((2.0 * t3 - 3.0 * t2 + 1.0) * curve[k, 0] + (t3 - 2.0 * t2 + t) * dT * curve[k, 1]
                    + (-2.0 * t3 + 3.0 * t2) * curve[k + 1, 0] + (t3 - t2) * dT * curve[k + 1, 1])


@njit(**_OPTS)
def tab_p_sat(data, T):
    """Saturation pressure [Pa] at temperature ``T`` [K]: cubic Hermite of ln p_sat on uniform T nodes."""
    return _p_sat(data.tsat_nodes, data.psat_curve, T)


# ------------------------------------------------- one pressure cell, several look-ups
@njit(**_OPTS)
def tab_cell(data, p):
    """Pressure cell of ``p``: (node j, Hermite weights w0..w3); j = -1 outside the table.

    Kernels that evaluate several properties at one pressure locate the cell once and
    pass it to the ``cell_*`` functions, which give the same numbers as the ``tab_*``
    functions at that pressure.
    """
    return _cell(data.blocks, p)


@njit(**_OPTS)
def cell_T_ph(data, c, p, h):
    """:func:`tab_T_ph` in the cell ``c = tab_cell(data, p)``."""
    return _ph_at(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch,
                  c[0], c[1], c[2], c[3], c[4], p, h, PH_T)


@njit(**_OPTS)
def cell_s_ph(data, c, p, h):
    """:func:`tab_s_ph` in the cell ``c = tab_cell(data, p)``."""
    return _ph_at(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch,
                  c[0], c[1], c[2], c[3], c[4], p, h, PH_S)


@njit(**_OPTS)
def cell_h_ps(data, c, p, s):
    """:func:`tab_h_ps` in the cell ``c = tab_cell(data, p)``."""
    return _ps_at(data.blocks, data.curves, data.ps, data.p_crit, data.xi_stretch,
                  c[0], c[1], c[2], c[3], c[4], p, s, PS_H)


@njit(**_OPTS)
def cell_h_pT(data, c, p, T):
    """:func:`tab_h_pT` in the cell ``c = tab_cell(data, p)``."""
    return _h_pT_at(data.blocks, data.curves, data.ph, data.pt, data.p_crit, data.T_crit,
                    data.T_min, data.T_max, data.xi_stretch, c[0], c[1], c[2], c[3], c[4], p, T)


@njit(**_OPTS)
def cell_saturation(data, c, p):
    """(T_sat, h_l, h_v, s_l, s_v) [K, J/kg, J/kg, J/(kg K), J/(kg K)] in the cell of ``p`` < p_c."""
    curves, pc = data.curves, data.p_crit
    j, w0, w1, w2, w3 = c
    return (_sat_at(curves, pc, j, w0, w1, w2, w3, p, C_T_B),
            _sat_at(curves, pc, j, w0, w1, w2, w3, p, C_H_BL),
            _sat_at(curves, pc, j, w0, w1, w2, w3, p, C_H_BV),
            _sat_at(curves, pc, j, w0, w1, w2, w3, p, C_S_BL),
            _sat_at(curves, pc, j, w0, w1, w2, w3, p, C_S_BV))


@njit(**_OPTS)
def table_bounds(data, p, kind):
    """Range (low, high) of the second input at pressure ``p``: kind 0 h [J/kg], 1 s [J/(kg K)], 2 T [K]."""
    if kind == 2:
        return data.T_min, data.T_max
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    if j < 0:
        return np.nan, np.nan
    c_lo, c_hi = (C_H_LO, C_H_HI) if kind == 0 else (C_S_LO, C_S_HI)
    return (_curve(data.curves, c_lo, j, w0, w1, w2, w3),
            _curve(data.curves, c_hi, j, w0, w1, w2, w3))


# ------------------------------------------------------------------ array loops
# Each loop comes twice: a serial one, and a ``parallel=True`` one whose ``prange``
# spreads the points over numba's threads (the count is set by the caller with
# ``numba.set_num_threads``; see procsim.batch.numba_threads). Every point is computed by
# the same scalar code, so both give identical numbers. The serial loops are what small
# inputs use (no thread start-up, and the parallel loops are compiled only when needed).
# Table arrays are passed unpacked: a tuple argument would cost reference counting on
# every array in it per point. Each loop returns -1, or the index of the first NaN.

@njit(**_PLOOP)
def count_invalid_parallel(p, z, p_lo, p_hi):
    """Number of points with p outside [p_lo, p_hi] or a non-finite z (NaN p counts too).

    The input check of :class:`~procsim.thermo.tables.FluidTable` for large arrays, as one
    pass over numba's threads: run serially, the separate numpy checks (finite p, finite z,
    p in range) took about a fifth of a two-core evaluation's time. Where it counts any,
    the wrapper reruns its serial checks, which name the first offending value.
    """
    bad = 0
    for i in prange(p.size):
        if not (p[i] >= p_lo and p[i] <= p_hi and math.isfinite(z[i])):
            bad += 1
    return bad


@njit(**_INLINE)
def _first_nan(out):
    for i in range(out.size):
        if not (out[i] == out[i]):
            return i
    return -1


#: Points per group of :func:`_pz_block` (its scratch stays in the L1 cache).
BLOCK = 256


@njit(**_OPTS_ALLOC)
def _pz_block(blocks, curves, surf, p_crit, stretch, kind, q, p, z, out, start, stop):
    """``out[i]`` = property ``q`` at (p[i], z[i]) for i in [start, stop), grouped by phase.

    For a random mix of liquid, vapour and two-phase states the phase of the next point
    cannot be predicted, and an if-chain per point costs a mispredicted branch each time
    (measured: a quarter of the look-up time). So the points of the group are first
    located (cell and phase, kept in small arrays), then evaluated phase by phase, each
    pass with the same arithmetic as :func:`_pz_at`, so every number is identical to the
    scalar function's.
    """
    m = stop - start
    cell = np.empty((m, 5))
    order = np.empty((4, m), np.int64)
    count = np.zeros(4, np.int64)
    c_lo = C_H_LO if kind == 0 else C_S_LO
    for k in range(m):
        i = start + k
        j, w0, w1, w2, w3 = _cell(blocks, p[i])
        zz = z[i]
        jj = max(j, 0)
        bl = _curve(curves, c_lo + 1, jj, w0, w1, w2, w3)
        bv = _curve(curves, c_lo + 2, jj, w0, w1, w2, w3)
        liq = (zz <= bl) | ((p[i] >= p_crit) & (zz <= bv))
        vap = (zz >= bv) & (not liq)
        r = LIQUID if liq else (VAPOUR if vap else 2)
        r = 3 if (j < 0) | (not (zz == zz)) else r
        order[r, count[r]] = k
        count[r] += 1
        cell[k, 0] = jj
        cell[k, 1] = w0
        cell[k, 2] = w1
        cell[k, 3] = w2
        cell[k, 4] = w3
    for r in range(2):
        c_end, c_b = (c_lo, c_lo + 1) if r == LIQUID else (c_lo + 3, c_lo + 2)
        for n in range(count[r]):
            k = order[r, n]
            j = int(cell[k, 0])
            w0, w1, w2, w3 = cell[k, 1], cell[k, 2], cell[k, 3], cell[k, 4]
            zz = z[start + k]
            end = _curve(curves, c_end, j, w0, w1, w2, w3)
            bnd = _curve(curves, c_b, j, w0, w1, w2, w3)
            if r == LIQUID:
                inside = zz >= end
                xi = (zz - end) / (bnd - end)
            else:
                inside = zz <= end
                xi = (zz - bnd) / (end - bnd)
            out[start + k] = (_surface(surf, q, r, j, w0, w1, w2, w3, xi, stretch) if inside
                              else np.nan)
    ca, cb, reciprocal = _lever_curves(kind, q)
    for n in range(count[2]):
        k = order[2, n]
        j = int(cell[k, 0])
        w0, w1, w2, w3 = cell[k, 1], cell[k, 2], cell[k, 3], cell[k, 4]
        bl = _curve(curves, c_lo + 1, j, w0, w1, w2, w3)
        bv = _curve(curves, c_lo + 2, j, w0, w1, w2, w3)
        x = (z[start + k] - bl) / (bv - bl)
        out[start + k] = _lever(curves, ca, cb, reciprocal, j, w0, w1, w2, w3, x)
    for n in range(count[3]):
        out[start + order[3, n]] = np.nan


@njit(**_LOOP)
def eval_pz(blocks, curves, surf, p_crit, stretch, kind, q, p, z, out):
    """``out[i]`` = property ``q`` at (p[i], z[i]): ``kind`` 0 (p, h) table, PH_T/PH_S/PH_RHO
    on ``surf`` = TableData.ph; ``kind`` 1 (p, s) table, PS_T/PS_H on TableData.ps."""
    n = p.size
    for g in range((n + BLOCK - 1) // BLOCK):
        _pz_block(blocks, curves, surf, p_crit, stretch, kind, q, p, z, out, g * BLOCK,
                  min(n, (g + 1) * BLOCK))
    return _first_nan(out)


@njit(**_PLOOP)
def eval_pz_parallel(blocks, curves, surf, p_crit, stretch, kind, q, p, z, out):
    """:func:`eval_pz` over numba's threads (one group of BLOCK points per task)."""
    n = p.size
    for g in prange((n + BLOCK - 1) // BLOCK):
        _pz_block(blocks, curves, surf, p_crit, stretch, kind, q, p, z, out, g * BLOCK,
                  min(n, (g + 1) * BLOCK))
    return _first_nan(out)


@njit(**_LOOP)
def eval_h_pT(blocks, curves, ph, pt, p_crit, T_crit, T_min, T_max, stretch, p, T, out):
    """``out[i]`` = h(p[i], T[i]) (see :func:`tab_h_pT`)."""
    for i in range(p.size):
        j, w0, w1, w2, w3 = _cell(blocks, p[i])
        out[i] = _h_pT_at(blocks, curves, ph, pt, p_crit, T_crit, T_min, T_max, stretch,
                          j, w0, w1, w2, w3, p[i], T[i])
    return _first_nan(out)


@njit(**_PLOOP)
def eval_h_pT_parallel(blocks, curves, ph, pt, p_crit, T_crit, T_min, T_max, stretch, p, T, out):
    """:func:`eval_h_pT` over numba's threads."""
    for i in prange(p.size):
        j, w0, w1, w2, w3 = _cell(blocks, p[i])
        out[i] = _h_pT_at(blocks, curves, ph, pt, p_crit, T_crit, T_min, T_max, stretch,
                          j, w0, w1, w2, w3, p[i], T[i])
    return _first_nan(out)


@njit(**_LOOP)
def eval_x_ph(blocks, curves, p_crit, p, h, out):
    """``out[i]`` = equilibrium quality at (p[i], h[i]) (NaN at p >= p_c)."""
    for i in range(p.size):
        j, w0, w1, w2, w3 = _cell(blocks, p[i])
        out[i] = _x_at(curves, p_crit, j, w0, w1, w2, w3, p[i], h[i])
    return _first_nan(out)


@njit(**_LOOP)
def eval_saturation(blocks, curves, p_crit, c, p, out):
    """``out[i]`` = saturation curve ``c`` (C_T_B, C_H_BL, ...) at p[i] < p_c."""
    for i in range(p.size):
        j, w0, w1, w2, w3 = _cell(blocks, p[i])
        out[i] = _sat_at(curves, p_crit, j, w0, w1, w2, w3, p[i], c)
    return _first_nan(out)


@njit(**_LOOP)
def eval_p_sat(nodes, curve, T, out):
    """``out[i]`` = p_sat(T[i])."""
    for i in range(T.size):
        out[i] = _p_sat(nodes, curve, T[i])
    return _first_nan(out)
