"""Numba kernels of the real-fluid property tables (scalar cores and array loops).

Every scalar function takes the table's :class:`~procsim.thermo.tables.data.TableData`
tuple as its first argument and returns ``NaN`` for an input outside the table (or
NaN input). The layout of that tuple and the interpolation scheme are described in
:mod:`procsim.thermo.tables`.

Cell location: binary search on the pressure nodes (nodes repeat at block joins, so a
cell never spans two blocks); inside a cell the pressure coordinate is the block's
transform ``ln p``, ``ln(p_c - p)``, ``ln(p - p_c)`` or ``p`` (codes below), and the
second coordinate is the normalised position ``xi`` between the two boundary curves
of the region (uniform nodes). Values are cubic Hermite in both coordinates.

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

# pressure-coordinate transform codes (TableData.cell_code)
CODE_LN_P = 0.0          # x = ln p
CODE_LN_BELOW_CRIT = 1.0  # x = ln(p_c - p), nodes crowd towards the critical point from below
CODE_LN_ABOVE_CRIT = 2.0  # x = ln(p - p_c), nodes crowd towards it from above
CODE_LINEAR = 3.0        # x = p (the single cell that spans the critical pressure)

# curve rows of TableData.curves (value and d/dx at every pressure node)
C_H_LO, C_H_BL, C_H_BV, C_H_HI = 0, 1, 2, 3
C_S_LO, C_S_BL, C_S_BV, C_S_HI = 4, 5, 6, 7
C_T_B, C_RHO_BL, C_RHO_BV, C_T_BV = 8, 9, 10, 11
N_CURVES = 12

# surface property indices
PH_T, PH_S, PH_RHO = 0, 1, 2   # TableData.ph
PS_T, PS_H = 0, 1              # TableData.ps
PT_H = 0                       # TableData.pt
LIQUID, VAPOUR = 0, 1          # region axis of the surfaces


@njit(cache=True)
def _transform(p, code, p_crit):
    if code == CODE_LN_P:
        return math.log(p)
    if code == CODE_LN_BELOW_CRIT:
        return math.log(p_crit - p)
    if code == CODE_LN_ABOVE_CRIT:
        return math.log(p - p_crit)
    return p


@njit(cache=True)
def locate(data, p):
    """Cell index ``j`` and local coordinate ``t`` in [0, 1] of pressure ``p``; (-1, nan, nan) outside."""
    nodes = data.p_nodes
    n = nodes.size
    if not (nodes[0] <= p <= nodes[n - 1]):
        return -1, np.nan, np.nan
    if p == nodes[n - 1]:
        lo = n - 2
    else:
        lo = 0
        hi = n - 1
        # invariant nodes[lo] <= p < nodes[hi]; ends on a cell of nonzero width
        while hi - lo > 1:
            mid = (lo + hi) >> 1
            if nodes[mid] <= p:
                lo = mid
            else:
                hi = mid
    x = _transform(p, data.cell_code[lo], data.p_crit)
    dx = data.x_nodes[lo + 1] - data.x_nodes[lo]
    return lo, (x - data.x_nodes[lo]) / dx, dx


@njit(cache=True)
def _curve(curves, c, j, t, dx):
    """Cubic Hermite value of curve ``c`` in cell ``j`` at local coordinate ``t``."""
    t2 = t * t
    t3 = t2 * t
    h00 = 2.0 * t3 - 3.0 * t2 + 1.0
    h10 = t3 - 2.0 * t2 + t
    h01 = -2.0 * t3 + 3.0 * t2
    h11 = t3 - t2
    return (h00 * curves[c, 0, j] + h10 * dx * curves[c, 1, j]
            + h01 * curves[c, 0, j + 1] + h11 * dx * curves[c, 1, j + 1])


@njit(cache=True)
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


@njit(cache=True)
def _surface(surf, q, r, j, t, dx, xi, stretch):
    """Bicubic Hermite value of property ``q``, region ``r`` at cell ``j``, ``t``, ``xi``."""
    n = surf.shape[4]
    s = xi_to_eta(xi, r, stretch) * (n - 1)
    k = int(math.floor(s))
    if k < 0:
        k = 0
    elif k > n - 2:
        k = n - 2
    u = s - k
    dy = 1.0 / (n - 1)
    t2 = t * t
    t3 = t2 * t
    a0 = 2.0 * t3 - 3.0 * t2 + 1.0
    a1 = -2.0 * t3 + 3.0 * t2
    b0 = (t3 - 2.0 * t2 + t) * dx
    b1 = (t3 - t2) * dx
    u2 = u * u
    u3 = u2 * u
    c0 = 2.0 * u3 - 3.0 * u2 + 1.0
    c1 = -2.0 * u3 + 3.0 * u2
    d0 = (u3 - 2.0 * u2 + u) * dy
    d1 = (u3 - u2) * dy
    f = surf[q, r]
    return (c0 * (a0 * f[0, j, k] + a1 * f[0, j + 1, k] + b0 * f[1, j, k] + b1 * f[1, j + 1, k])
            + c1 * (a0 * f[0, j, k + 1] + a1 * f[0, j + 1, k + 1]
                    + b0 * f[1, j, k + 1] + b1 * f[1, j + 1, k + 1])
            + d0 * (a0 * f[2, j, k] + a1 * f[2, j + 1, k] + b0 * f[3, j, k] + b1 * f[3, j + 1, k])
            + d1 * (a0 * f[2, j, k + 1] + a1 * f[2, j + 1, k + 1]
                    + b0 * f[3, j, k + 1] + b1 * f[3, j + 1, k + 1]))


@njit(cache=True)
def _split(data, j, t, dx, z, p, c_lo, c_bl, c_bv, c_hi):
    """Region of ``z`` between the boundary curves: (region, xi, two-phase quality).

    region -1: outside the table; 0 liquid; 1 vapour; 2 two-phase (quality returned).
    Above the critical pressure the two middle curves coincide (the T_c isotherm) and
    the liquid-like side is taken up to them.
    """
    lo = _curve(data.curves, c_lo, j, t, dx)
    hi = _curve(data.curves, c_hi, j, t, dx)
    if not (lo <= z <= hi):
        return -1, np.nan, np.nan
    bl = _curve(data.curves, c_bl, j, t, dx)
    bv = _curve(data.curves, c_bv, j, t, dx)
    if z <= bl or (p >= data.p_crit and z <= bv):
        return LIQUID, (z - lo) / (bl - lo), np.nan
    if z >= bv:
        return VAPOUR, (z - bv) / (hi - bv), np.nan
    return 2, np.nan, (z - bl) / (bv - bl)


@njit(cache=True)
def _ph_value(data, p, h, q):
    j, t, dx = locate(data, p)
    if j < 0 or not (h == h):
        return np.nan
    region, xi, x = _split(data, j, t, dx, h, p, C_H_LO, C_H_BL, C_H_BV, C_H_HI)
    if region < 0:
        return np.nan
    if region < 2:
        return _surface(data.ph, q, region, j, t, dx, xi, data.xi_stretch)
    if q == PH_T:
        # pure fluids: T_l == T_v; pseudo-pure (Air): linear from bubble to dew point
        t_l = _curve(data.curves, C_T_B, j, t, dx)
        return t_l + x * (_curve(data.curves, C_T_BV, j, t, dx) - t_l)
    if q == PH_S:
        s_l = _curve(data.curves, C_S_BL, j, t, dx)
        return s_l + x * (_curve(data.curves, C_S_BV, j, t, dx) - s_l)
    # density: the lever rule holds for specific volume
    v_l = 1.0 / _curve(data.curves, C_RHO_BL, j, t, dx)
    v_v = 1.0 / _curve(data.curves, C_RHO_BV, j, t, dx)
    return 1.0 / (v_l + x * (v_v - v_l))


@njit(cache=True)
def tab_T_ph(data, p, h):
    """Temperature [K] from pressure [Pa] and specific enthalpy [J/kg]; NaN outside the table."""
    return _ph_value(data, p, h, PH_T)


@njit(cache=True)
def tab_s_ph(data, p, h):
    """Specific entropy [J/(kg K)] from pressure [Pa] and specific enthalpy [J/kg]."""
    return _ph_value(data, p, h, PH_S)


@njit(cache=True)
def tab_rho_ph(data, p, h):
    """Density [kg/m3] from pressure [Pa] and specific enthalpy [J/kg] (two-phase: lever rule on 1/rho)."""
    return _ph_value(data, p, h, PH_RHO)


@njit(cache=True)
def tab_x_ph(data, p, h):
    """Equilibrium vapour quality (h - h_l)/(h_v - h_l) [-] below p_c (may be < 0 or > 1); NaN at p >= p_c."""
    j, t, dx = locate(data, p)
    if j < 0 or not (p < data.p_crit) or not (h == h):
        return np.nan
    lo = _curve(data.curves, C_H_LO, j, t, dx)
    hi = _curve(data.curves, C_H_HI, j, t, dx)
    if not (lo <= h <= hi):
        return np.nan
    h_l = _curve(data.curves, C_H_BL, j, t, dx)
    return (h - h_l) / (_curve(data.curves, C_H_BV, j, t, dx) - h_l)


@njit(cache=True)
def _ps_value(data, p, s, q):
    j, t, dx = locate(data, p)
    if j < 0 or not (s == s):
        return np.nan
    region, xi, x = _split(data, j, t, dx, s, p, C_S_LO, C_S_BL, C_S_BV, C_S_HI)
    if region < 0:
        return np.nan
    if region < 2:
        return _surface(data.ps, q, region, j, t, dx, xi, data.xi_stretch)
    if q == PS_T:
        t_l = _curve(data.curves, C_T_B, j, t, dx)
        return t_l + x * (_curve(data.curves, C_T_BV, j, t, dx) - t_l)
    h_l = _curve(data.curves, C_H_BL, j, t, dx)
    return h_l + x * (_curve(data.curves, C_H_BV, j, t, dx) - h_l)


@njit(cache=True)
def tab_h_ps(data, p, s):
    """Specific enthalpy [J/kg] from pressure [Pa] and specific entropy [J/(kg K)]."""
    return _ps_value(data, p, s, PS_H)


@njit(cache=True)
def tab_T_ps(data, p, s):
    """Temperature [K] from pressure [Pa] and specific entropy [J/(kg K)]."""
    return _ps_value(data, p, s, PS_T)


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
    j, t, dx = locate(data, p)
    if j < 0 or not (data.T_min <= T <= data.T_max):
        return np.nan
    tb = _curve(data.curves, C_T_B, j, t, dx)
    if T <= tb or (p >= data.p_crit and T <= data.T_crit):
        region = LIQUID
        h = _surface(data.pt, PT_H, LIQUID, j, t, dx, (T - data.T_min) / (tb - data.T_min),
                     data.xi_stretch)
        lo = _curve(data.curves, C_H_LO, j, t, dx)
        hi = _curve(data.curves, C_H_BL, j, t, dx)
    else:
        tv = _curve(data.curves, C_T_BV, j, t, dx)
        if T < tv:
            return np.nan
        region = VAPOUR
        h = _surface(data.pt, PT_H, VAPOUR, j, t, dx, (T - tv) / (data.T_max - tv),
                     data.xi_stretch)
        lo = _curve(data.curves, C_H_BV, j, t, dx)
        hi = _curve(data.curves, C_H_HI, j, t, dx)
    h = min(max(h, lo), hi)
    r = _surface(data.ph, PH_T, region, j, t, dx, (h - lo) / (hi - lo), data.xi_stretch) - T
    h_prev = h + (1.0e-6 if r < 0.0 else -1.0e-6) * (hi - lo)
    h_prev = min(max(h_prev, lo), hi)
    r_prev = _surface(data.ph, PH_T, region, j, t, dx, (h_prev - lo) / (hi - lo),
                      data.xi_stretch) - T
    for _ in range(12):
        if abs(r) <= 1.0e-12 * T or r == r_prev:
            break
        h_new = h - r * (h - h_prev) / (r - r_prev)
        h_new = min(max(h_new, lo), hi)
        h_prev, r_prev = h, r
        h = h_new
        r = _surface(data.ph, PH_T, region, j, t, dx, (h - lo) / (hi - lo), data.xi_stretch) - T
    return h


@njit(cache=True)
def _sat_curve(data, p, c):
    if not (p < data.p_crit):
        return np.nan
    j, t, dx = locate(data, p)
    if j < 0:
        return np.nan
    return _curve(data.curves, c, j, t, dx)


@njit(cache=True)
def tab_T_sat(data, p):
    """Saturation temperature [K] at pressure ``p`` [Pa] < p_c (bubble point for pseudo-pure fluids)."""
    return _sat_curve(data, p, C_T_B)


@njit(cache=True)
def tab_h_l(data, p):
    """Saturated-liquid specific enthalpy [J/kg] at ``p`` [Pa] < p_c."""
    return _sat_curve(data, p, C_H_BL)


@njit(cache=True)
def tab_h_v(data, p):
    """Saturated-vapour specific enthalpy [J/kg] at ``p`` [Pa] < p_c."""
    return _sat_curve(data, p, C_H_BV)


@njit(cache=True)
def tab_s_l(data, p):
    """Saturated-liquid specific entropy [J/(kg K)] at ``p`` [Pa] < p_c."""
    return _sat_curve(data, p, C_S_BL)


@njit(cache=True)
def tab_s_v(data, p):
    """Saturated-vapour specific entropy [J/(kg K)] at ``p`` [Pa] < p_c."""
    return _sat_curve(data, p, C_S_BV)


@njit(cache=True)
def tab_rho_l(data, p):
    """Saturated-liquid density [kg/m3] at ``p`` [Pa] < p_c."""
    return _sat_curve(data, p, C_RHO_BL)


@njit(cache=True)
def tab_rho_v(data, p):
    """Saturated-vapour density [kg/m3] at ``p`` [Pa] < p_c."""
    return _sat_curve(data, p, C_RHO_BV)


@njit(cache=True)
def tab_p_sat(data, T):
    """Saturation pressure [Pa] at temperature ``T`` [K]: cubic Hermite of ln p_sat on uniform T nodes."""
    nodes = data.tsat_nodes
    n = nodes.size
    if not (nodes[0] <= T <= nodes[n - 1]):
        return np.nan
    dT = nodes[1] - nodes[0]
    k = int((T - nodes[0]) / dT)
    if k > n - 2:
        k = n - 2
    t = (T - nodes[k]) / dT
    return math.exp(_curve(data.psat_curve, 0, k, t, dT))


@njit(cache=True)
def table_bounds(data, p, kind):
    """Range (low, high) of the second input at pressure ``p``: kind 0 h [J/kg], 1 s [J/(kg K)], 2 T [K]."""
    if kind == 2:
        return data.T_min, data.T_max
    j, t, dx = locate(data, p)
    if j < 0:
        return np.nan, np.nan
    c_lo, c_hi = (C_H_LO, C_H_HI) if kind == 0 else (C_S_LO, C_S_HI)
    return _curve(data.curves, c_lo, j, t, dx), _curve(data.curves, c_hi, j, t, dx)


# ------------------------------------------------------------------ array loops
@njit(cache=True)
def eval_pair(data, code, a, b, out):
    """Fill ``out[i] = f(a[i], b[i])`` for the two-input function selected by ``code``.

    Codes (see ``PAIR_CODES`` in :mod:`procsim.thermo.tables.table`): 0 T_ph, 1 s_ph,
    2 rho_ph, 3 x_ph, 4 h_ps, 5 T_ps, 6 h_pT. Returns -1, or the index of the first
    element that fell outside the table (NaN written there).
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
