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
boundary curves at one pressure node. Internal helpers take arrays (not the tuple)
and are inlined, which keeps NRT reference counting out of the inner loop.

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
from numba import njit

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


@njit(cache=True, inline="always")
def _cell(blocks, p):
    """Node ``j`` and Hermite weights (w0, w1, w2, w3) of pressure ``p``; j = -1 outside.

    Value in the cell: w0 f_j + w1 f'_j + w2 f_{j+1} + w3 f'_{j+1} (f' = d/dx), with
    x = ln(B_SIGN (p - B_SHIFT)) in the block, or x = p in the linear cell at p_c.
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


@njit(cache=True, inline="always")
def _curve(curves, c, j, w0, w1, w2, w3):
    return (w0 * curves[j, c, 0] + w1 * curves[j, c, 1]
            + w2 * curves[j + 1, c, 0] + w3 * curves[j + 1, c, 1])


@njit(cache=True, inline="always")
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


@njit(cache=True, inline="always")
def _surface(surf, q, r, j, w0, w1, w2, w3, xi, stretch):
    """Bicubic Hermite value of property ``q`` in region ``r`` at node ``j`` weights, ``xi``."""
    n = surf.shape[3]
    s = min(max(xi_to_eta(xi, r, stretch), 0.0), 1.0) * (n - 1)
    k = min(int(s), n - 2)
    u = s - k
    dy = 1.0 / (n - 1)
    u2 = u * u
    u3 = u2 * u
    c0 = 2.0 * u3 - 3.0 * u2 + 1.0
    c1 = -2.0 * u3 + 3.0 * u2
    d0 = (u3 - 2.0 * u2 + u) * dy
    d1 = (u3 - u2) * dy
    j1 = j + 1
    total = (w0 * (c0 * surf[q, r, j, k, 0] + d0 * surf[q, r, j, k, 2]
                   + c1 * surf[q, r, j, k + 1, 0] + d1 * surf[q, r, j, k + 1, 2])
             + w1 * (c0 * surf[q, r, j, k, 1] + d0 * surf[q, r, j, k, 3]
                     + c1 * surf[q, r, j, k + 1, 1] + d1 * surf[q, r, j, k + 1, 3])
             + w2 * (c0 * surf[q, r, j1, k, 0] + d0 * surf[q, r, j1, k, 2]
                     + c1 * surf[q, r, j1, k + 1, 0] + d1 * surf[q, r, j1, k + 1, 2])
             + w3 * (c0 * surf[q, r, j1, k, 1] + d0 * surf[q, r, j1, k, 3]
                     + c1 * surf[q, r, j1, k + 1, 1] + d1 * surf[q, r, j1, k + 1, 3]))
    return total


@njit(cache=True, inline="always")
def _split(curves, j, w0, w1, w2, w3, z, p, p_crit, c_lo, c_bl, c_bv, c_hi):
    """Region of ``z`` between the boundary curves: (region, xi, two-phase quality).

    region -1: outside the table; 0 liquid; 1 vapour; 2 two-phase (quality returned).
    Above the critical pressure the two middle curves coincide (the T_c isotherm) and
    the liquid-like side is taken up to them.
    """
    bl = _curve(curves, c_bl, j, w0, w1, w2, w3)
    bv = _curve(curves, c_bv, j, w0, w1, w2, w3)
    if z <= bl or (p >= p_crit and z <= bv):
        lo = _curve(curves, c_lo, j, w0, w1, w2, w3)
        if not (z >= lo):
            return -1, np.nan, np.nan
        return LIQUID, (z - lo) / (bl - lo), np.nan
    if z >= bv:
        hi = _curve(curves, c_hi, j, w0, w1, w2, w3)
        if not (z <= hi):
            return -1, np.nan, np.nan
        return VAPOUR, (z - bv) / (hi - bv), np.nan
    if not (z == z):
        return -1, np.nan, np.nan
    return 2, np.nan, (z - bl) / (bv - bl)


@njit(cache=True, inline="always")
def _ph(blocks, curves, surf, p_crit, stretch, p, h, q):
    j, w0, w1, w2, w3 = _cell(blocks, p)
    if j < 0 or not (h == h):
        return np.nan
    region, xi, x = _split(curves, j, w0, w1, w2, w3, h, p, p_crit, C_H_LO, C_H_BL, C_H_BV, C_H_HI)
    if region < 0:
        return np.nan
    if region < 2:
        return _surface(surf, q, region, j, w0, w1, w2, w3, xi, stretch)
    if q == PH_T:
        # pure fluids: T_l == T_v; pseudo-pure (Air): linear from bubble to dew point
        t_l = _curve(curves, C_T_B, j, w0, w1, w2, w3)
        return t_l + x * (_curve(curves, C_T_BV, j, w0, w1, w2, w3) - t_l)
    if q == PH_S:
        s_l = _curve(curves, C_S_BL, j, w0, w1, w2, w3)
        return s_l + x * (_curve(curves, C_S_BV, j, w0, w1, w2, w3) - s_l)
    # density: the lever rule holds for specific volume
    v_l = 1.0 / _curve(curves, C_RHO_BL, j, w0, w1, w2, w3)
    v_v = 1.0 / _curve(curves, C_RHO_BV, j, w0, w1, w2, w3)
    return 1.0 / (v_l + x * (v_v - v_l))


@njit(cache=True)
def tab_T_ph(data, p, h):
    """Temperature [K] from pressure [Pa] and specific enthalpy [J/kg]; NaN outside the table."""
    return _ph(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch, p, h, PH_T)


@njit(cache=True)
def tab_s_ph(data, p, h):
    """Specific entropy [J/(kg K)] from pressure [Pa] and specific enthalpy [J/kg]."""
    return _ph(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch, p, h, PH_S)


@njit(cache=True)
def tab_rho_ph(data, p, h):
    """Density [kg/m3] from pressure [Pa] and specific enthalpy [J/kg] (two-phase: lever rule on 1/rho)."""
    return _ph(data.blocks, data.curves, data.ph, data.p_crit, data.xi_stretch, p, h, PH_RHO)


@njit(cache=True)
def tab_x_ph(data, p, h):
    """Equilibrium vapour quality (h - h_l)/(h_v - h_l) [-] below p_c (may be < 0 or > 1); NaN at p >= p_c."""
    curves = data.curves
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    if j < 0 or not (p < data.p_crit) or not (h == h):
        return np.nan
    lo = _curve(curves, C_H_LO, j, w0, w1, w2, w3)
    hi = _curve(curves, C_H_HI, j, w0, w1, w2, w3)
    if not (lo <= h <= hi):
        return np.nan
    h_l = _curve(curves, C_H_BL, j, w0, w1, w2, w3)
    return (h - h_l) / (_curve(curves, C_H_BV, j, w0, w1, w2, w3) - h_l)


@njit(cache=True, inline="always")
def _ps(blocks, curves, surf, p_crit, stretch, p, s, q):
    j, w0, w1, w2, w3 = _cell(blocks, p)
    if j < 0 or not (s == s):
        return np.nan
    region, xi, x = _split(curves, j, w0, w1, w2, w3, s, p, p_crit, C_S_LO, C_S_BL, C_S_BV, C_S_HI)
    if region < 0:
        return np.nan
    if region < 2:
        return _surface(surf, q, region, j, w0, w1, w2, w3, xi, stretch)
    if q == PS_T:
        t_l = _curve(curves, C_T_B, j, w0, w1, w2, w3)
        return t_l + x * (_curve(curves, C_T_BV, j, w0, w1, w2, w3) - t_l)
    h_l = _curve(curves, C_H_BL, j, w0, w1, w2, w3)
    return h_l + x * (_curve(curves, C_H_BV, j, w0, w1, w2, w3) - h_l)


@njit(cache=True)
def tab_h_ps(data, p, s):
    """Specific enthalpy [J/kg] from pressure [Pa] and specific entropy [J/(kg K)]."""
    return _ps(data.blocks, data.curves, data.ps, data.p_crit, data.xi_stretch, p, s, PS_H)


@njit(cache=True)
def tab_T_ps(data, p, s):
    """Temperature [K] from pressure [Pa] and specific entropy [J/(kg K)]."""
    return _ps(data.blocks, data.curves, data.ps, data.p_crit, data.xi_stretch, p, s, PS_T)


@njit(cache=True, inline="always")
def _T_in_region(ph, r, j, w0, w1, w2, w3, h, lo, hi, stretch):
    return _surface(ph, PH_T, r, j, w0, w1, w2, w3, (h - lo) / (hi - lo), stretch)


@njit(cache=True)
def tab_h_pT(data, p, T):
    """Specific enthalpy [J/kg] from pressure [Pa] and temperature [K], single phase.

    The (p, T) table gives a first estimate, which secant steps on the (p, h) table's
    T(p, h) then refine to |T(p, h) - T| <= 1e-12 T (at most 12 steps): h(p, T) is
    steep near the pseudo-critical line, T(p, h) is not, and ``tab_T_ph(p, tab_h_pT(p,
    T)) == T`` holds. Below p_c a temperature equal to T_sat(p) (to the table's
    rounding) gives the saturated liquid: (p, T) does not fix the state on the
    saturation line. For a pseudo-pure fluid (Air) T between the bubble and dew points
    gives NaN.
    """
    curves, ph, stretch = data.curves, data.ph, data.xi_stretch
    j, w0, w1, w2, w3 = _cell(data.blocks, p)
    if j < 0 or not (data.T_min <= T <= data.T_max):
        return np.nan
    tb = _curve(curves, C_T_B, j, w0, w1, w2, w3)
    if T <= tb or (p >= data.p_crit and T <= data.T_crit):
        r = LIQUID
        h = _surface(data.pt, PT_H, LIQUID, j, w0, w1, w2, w3,
                     (T - data.T_min) / (tb - data.T_min), stretch)
        lo = _curve(curves, C_H_LO, j, w0, w1, w2, w3)
        hi = _curve(curves, C_H_BL, j, w0, w1, w2, w3)
    else:
        tv = _curve(curves, C_T_BV, j, w0, w1, w2, w3)
        if T < tv:
            return np.nan
        r = VAPOUR
        h = _surface(data.pt, PT_H, VAPOUR, j, w0, w1, w2, w3,
                     (T - tv) / (data.T_max - tv), stretch)
        lo = _curve(curves, C_H_BV, j, w0, w1, w2, w3)
        hi = _curve(curves, C_H_HI, j, w0, w1, w2, w3)
    h = min(max(h, lo), hi)
    f = _T_in_region(ph, r, j, w0, w1, w2, w3, h, lo, hi, stretch) - T
    h_prev = min(max(h + (1.0e-6 if f < 0.0 else -1.0e-6) * (hi - lo), lo), hi)
    f_prev = _T_in_region(ph, r, j, w0, w1, w2, w3, h_prev, lo, hi, stretch) - T
    for _ in range(12):
        if abs(f) <= 1.0e-12 * T or f == f_prev:
            break
        h_new = min(max(h - f * (h - h_prev) / (f - f_prev), lo), hi)
        h_prev, f_prev = h, f
        h = h_new
        f = _T_in_region(ph, r, j, w0, w1, w2, w3, h, lo, hi, stretch) - T
    return h


@njit(cache=True, inline="always")
def _sat_curve(blocks, curves, p_crit, p, c):
    if not (p < p_crit):
        return np.nan
    j, w0, w1, w2, w3 = _cell(blocks, p)
    if j < 0:
        return np.nan
    return _curve(curves, c, j, w0, w1, w2, w3)


@njit(cache=True)
def tab_T_sat(data, p):
    """Saturation temperature [K] at pressure ``p`` [Pa] < p_c (bubble point for pseudo-pure fluids)."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_T_B)


@njit(cache=True)
def tab_h_l(data, p):
    """Saturated-liquid specific enthalpy [J/kg] at ``p`` [Pa] < p_c."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_H_BL)


@njit(cache=True)
def tab_h_v(data, p):
    """Saturated-vapour specific enthalpy [J/kg] at ``p`` [Pa] < p_c."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_H_BV)


@njit(cache=True)
def tab_s_l(data, p):
    """Saturated-liquid specific entropy [J/(kg K)] at ``p`` [Pa] < p_c."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_S_BL)


@njit(cache=True)
def tab_s_v(data, p):
    """Saturated-vapour specific entropy [J/(kg K)] at ``p`` [Pa] < p_c."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_S_BV)


@njit(cache=True)
def tab_rho_l(data, p):
    """Saturated-liquid density [kg/m3] at ``p`` [Pa] < p_c."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_RHO_BL)


@njit(cache=True)
def tab_rho_v(data, p):
    """Saturated-vapour density [kg/m3] at ``p`` [Pa] < p_c."""
    return _sat_curve(data.blocks, data.curves, data.p_crit, p, C_RHO_BV)


@njit(cache=True)
def tab_p_sat(data, T):
    """Saturation pressure [Pa] at temperature ``T`` [K]: cubic Hermite of ln p_sat on uniform T nodes."""
    nodes = data.tsat_nodes
    curve = data.psat_curve
    n = nodes.size
    if not (nodes[0] <= T <= nodes[n - 1]):
        return np.nan
    dT = nodes[1] - nodes[0]
    k = int((T - nodes[0]) / dT)
    if k > n - 2:
        k = n - 2
    t = (T - nodes[k]) / dT
    t2 = t * t
    t3 = t2 * t
    return math.exp((2.0 * t3 - 3.0 * t2 + 1.0) * curve[k, 0] + (t3 - 2.0 * t2 + t) * dT * curve[k, 1]
                    + (-2.0 * t3 + 3.0 * t2) * curve[k + 1, 0] + (t3 - t2) * dT * curve[k + 1, 1])


@njit(cache=True)
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
@njit(cache=True)
def eval_pair(data, code, a, b, out):
    """Fill ``out[i] = f(a[i], b[i])`` for the two-input function selected by ``code``.

    Codes (``PAIR_CODES`` in :mod:`procsim.thermo.tables.table`): 0 T_ph, 1 s_ph,
    2 rho_ph, 3 x_ph, 4 h_ps, 5 T_ps, 6 h_pT. Returns -1, or the index of the first
    NaN result (outside the table; x_ph is also NaN at p >= p_c).
    """
    first_bad = -1
    for i in range(a.size):
        if code == 0:
            v = tab_T_ph(data, a[i], b[i])
        elif code == 1:
            v = tab_s_ph(data, a[i], b[i])
        elif code == 2:
            v = tab_rho_ph(data, a[i], b[i])
        elif code == 3:
            v = tab_x_ph(data, a[i], b[i])
        elif code == 4:
            v = tab_h_ps(data, a[i], b[i])
        elif code == 5:
            v = tab_T_ps(data, a[i], b[i])
        else:
            v = tab_h_pT(data, a[i], b[i])
        out[i] = v
        if not (v == v) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def eval_T_ph(data, p, h, out):
    """Fill ``out[i] = T(p[i], h[i])`` (the hot path of the (p, h) flash). Returns -1 or first NaN index."""
    blocks, curves, ph = data.blocks, data.curves, data.ph
    p_crit, stretch = data.p_crit, data.xi_stretch
    first_bad = -1
    for i in range(p.size):
        v = _ph(blocks, curves, ph, p_crit, stretch, p[i], h[i], PH_T)
        out[i] = v
        if not (v == v) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def eval_single(data, code, a, out):
    """Fill ``out[i] = f(a[i])`` for the saturation function selected by ``code``.

    Codes: 0 T_sat, 1 p_sat, 2 h_l, 3 h_v, 4 s_l, 5 s_v, 6 rho_l, 7 rho_v.
    Returns -1 or the index of the first NaN result.
    """
    first_bad = -1
    for i in range(a.size):
        if code == 0:
            v = tab_T_sat(data, a[i])
        elif code == 1:
            v = tab_p_sat(data, a[i])
        elif code == 2:
            v = tab_h_l(data, a[i])
        elif code == 3:
            v = tab_h_v(data, a[i])
        elif code == 4:
            v = tab_s_l(data, a[i])
        elif code == 5:
            v = tab_s_v(data, a[i])
        elif code == 6:
            v = tab_rho_l(data, a[i])
        else:
            v = tab_rho_v(data, a[i])
        out[i] = v
        if not (v == v) and first_bad < 0:
            first_bad = i
    return first_bad
