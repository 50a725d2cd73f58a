r"""Numba kernels: a whole subcritical ORC design evaluated from tabulated properties.

Same algorithm as the exact path (:mod:`units.orc.cycle` docstring: states 1-9, lumped
pressure drops, recuperator duty, zone-by-zone evaporator pinch with the flow in closed form
at each point), but every working-fluid property comes from a
:class:`procsim.thermo.tables.FluidTable` (``table.data`` passed in), the heat source is an
ideal-gas mixture (NASA-7 kernels of :mod:`procsim.thermo.gas`) or a tabulated real fluid,
and the condenser coolant is taken with constant heat capacity over its temperature rise
(linear coolant line; water's cp varies by < 0.1 % over 20-40 degC, IAPWS-IF97).

Inputs per design (1-D float64 arrays of equal length): evaporating temperature [K],
superheat [K], condensing temperature [K], source inlet temperature [K], source mass flow
[kg/s]. Fixed parameters arrive in one float64 array indexed by the ``P_*`` constants.
Outputs go to a 2-D array (one row per design) indexed by the ``OUT_*`` constants; a design
that cannot be evaluated gets NaN outputs and a non-zero code in ``status`` (``STATUS_*``).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from procsim.jitopts import SCALAR_KERNEL
from procsim.thermo.gas import mixture_cp_mass, mixture_h_mass, mixture_T_from_h
from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from procsim.thermo.material import MATERIAL_FLUID, MATERIAL_GAS
from procsim.thermo.tables import (cell_h_ps, cell_h_pT, cell_s_ph, cell_saturation, cell_T_ph,
                                   tab_cell, tab_h_v, tab_p_sat, tab_T_sat)
from units.heat_exchanger.counterflow import PINCH_CHECK_TOL, pinch_flow_limit

# Integer codes passed to another kernel are wrapped in _I (np.int64): numba compiles a
# callee once per distinct literal int argument otherwise (a code written as a constant).
_I = np.int64

# ----------------------------------------------------------------------------- codes
SOURCE_GAS = MATERIAL_GAS      # heat source is an ideal-gas mixture (NASA-7 polynomials)
SOURCE_FLUID = MATERIAL_FLUID  # heat source is a tabulated real fluid at constant pressure
#: The one mapping of heat-source kinds to kernel codes.
SOURCE_KINDS = {"gas": SOURCE_GAS, "fluid": SOURCE_FLUID}

# parameter vector layout
P_PUMP_EFF, P_EXPANDER_EFF, P_EVAP_PINCH, P_COND_PINCH, P_RECUP_EFF, P_DP_EVAP, P_DP_COND, \
    P_SOURCE_T_MIN, P_COOL_T_IN, P_COOL_RISE, P_ALLOW_WET, P_SEGMENTS, P_GEN_EFF, P_MOTOR_EFF, \
    P_SOURCE_P = range(15)
N_PARAMS = 15

# output columns
OUT_NET_POWER, OUT_THERMAL_EFF, OUT_WF_FLOW, OUT_HEAT_INPUT, OUT_SOURCE_T_OUT, \
    OUT_EXPANDER_POWER, OUT_PUMP_POWER, OUT_HEAT_REJECTED, OUT_P_EVAP, OUT_P_COND, \
    OUT_NET_ELECTRIC, OUT_BINDING = range(12)
N_OUT = 12

# binding constraint codes (OUT_BINDING), same order as cycle.BINDING_CONSTRAINTS
BIND_PREHEATER, BIND_BUBBLE, BIND_EVAPORATOR, BIND_SUPERHEATER, BIND_SOURCE_MIN = range(5)

# status codes
STATUS_OK = 0
STATUS_TEMPERATURES = 1        # evaporating/condensing temperatures out of order or range
STATUS_SOURCE_TOO_COLD = 2     # source inlet <= expander inlet + evaporator pinch
STATUS_COND_BELOW_COOLING = 3  # condensing < coolant inlet + condenser pinch
STATUS_COND_PINCH = 4          # condenser pinch violated inside the condenser
STATUS_WET_EXPANSION = 5       # expander outlet quality < 1 and wet expansion not allowed
STATUS_PROPERTY = 6            # a property fell outside the table (NaN)
STATUS_NO_EXPANSION = 7        # condenser pressure drop leaves no expansion
STATUS_SOURCE_MIN = 8          # source minimum outlet temperature >= source inlet temperature
STATUS_INPUT = 9               # non-positive or NaN design input

SUPERHEAT_MIN = 1e-3  # K, as cycle.SUPERHEAT_MIN
# relative margin of the skip test: liquid cp falls with T only in water below ~36 degC, by
# < 0.2 % (IAPWS-IF97), which moves h_j off the chord by far less than 1e-3 of h6 - h_j
_SKIP_MARGIN = 1e-3


@njit(**SCALAR_KERNEL)
def _src_h(T, kind, gx, gco, gmm, sdata, sc, sp):
    # sc: the source pressure's table cell (SOURCE_FLUID), located once per design
    if kind == SOURCE_GAS:
        return mixture_h_mass(T, gx, gco, gmm)
    return cell_h_pT(sdata, sc, sp, T)


@njit(**SCALAR_KERNEL)
def _gas_T(h, gx, gco, gmm, T_guess):
    # Newton on h(T) with cp as slope, from a guess within a few K (the caller's linear
    # estimate); h(T) is smooth and monotone, so 2-4 steps reach 1e-10 K. Falls back to
    # the bracketed solver of procsim.thermo.gas if Newton has not converged.
    T = T_guess
    for _ in range(8):
        dT = (mixture_h_mass(T, gx, gco, gmm) - h) / mixture_cp_mass(T, gx, gco, gmm)
        T -= dT
        if abs(dT) <= 1e-10 * T:
            return T
    return mixture_T_from_h(h, gx, gco, gmm, T_guess)


@njit(**SCALAR_KERNEL)
def _src_T(h, kind, gx, gco, gmm, sdata, sc, sp, T_guess):
    if kind == SOURCE_GAS:
        return _gas_T(h, gx, gco, gmm, T_guess)
    return cell_T_ph(sdata, sc, sp, h)


@njit(**SCALAR_KERNEL)
def _fail(out, code):
    for k in range(out.size):
        out[k] = math.nan
    return code


@njit(**SCALAR_KERNEL)
def orc_design(wf, te, sh, tc, t_src, m_src, src_kind, gx, gco, gmm, sdata, params, out):
    r"""One ORC design on tabulated properties; fills ``out`` and returns a STATUS_* code.

    Parameters
    ----------
    wf : working-fluid table data (``FluidTable.data``)
    te, sh, tc : evaporating temperature [K], superheat [K], condensing temperature [K]
    t_src, m_src : heat-source inlet temperature [K] and mass flow [kg/s]
    src_kind : SOURCE_GAS or SOURCE_FLUID
    gx, gco, gmm : gas mole fractions, NASA-7 coefficients, molar masses (SOURCE_GAS)
    sdata : source-fluid table data (SOURCE_FLUID; any table of the same type otherwise)
    params : float64 array laid out by the P_* constants
    out : float64 array of N_OUT values (OUT_* constants)

    Notes
    -----
    Pinch at each evaporator point j (Quoilin et al. 2013; see units.orc.cycle):
    :math:`\dot m_j = \dot m_{src}[h_{src}(T_{src,in}) - h_{src}(T_j+\Delta T_{pp})]/(h_6-h_j)`,
    working-fluid flow :math:`\min_j \dot m_j`.
    """
    eta_p = params[P_PUMP_EFF]
    eta_e = params[P_EXPANDER_EFF]
    pinch = params[P_EVAP_PINCH]
    pinch_c = params[P_COND_PINCH]
    eps = params[P_RECUP_EFF]
    sp = params[P_SOURCE_P]
    n = int(params[P_SEGMENTS])
    if not (te > 0.0 and sh >= 0.0 and tc > 0.0 and t_src > 0.0 and m_src > 0.0):
        return _fail(out, _I(STATUS_INPUT))
    if not tc < te:
        return _fail(out, _I(STATUS_TEMPERATURES))
    t6 = te + sh
    if not t_src > t6 + pinch:
        return _fail(out, _I(STATUS_SOURCE_TOO_COLD))
    t_cool = params[P_COOL_T_IN]
    if not tc >= t_cool + pinch_c:
        return _fail(out, _I(STATUS_COND_BELOW_COOLING))
    t_min = params[P_SOURCE_T_MIN]
    if not math.isnan(t_min) and not t_min < t_src:
        return _fail(out, _I(STATUS_SOURCE_MIN))

    p_e = tab_p_sat(wf, te)
    p_c = tab_p_sat(wf, tc)
    p_pump = p_e + params[P_DP_EVAP]
    p_exh = p_c + params[P_DP_COND]
    if math.isnan(p_e) or math.isnan(p_c):
        return _fail(out, _I(STATUS_TEMPERATURES))
    if not p_exh < p_e:
        return _fail(out, _I(STATUS_NO_EXPANSION))
    # each of the (at most four) pressures is located in the table once
    c_e = tab_cell(wf, p_e)
    c_c = tab_cell(wf, p_c)
    c_pump = c_e if p_pump == p_e else tab_cell(wf, p_pump)
    c_exh = c_c if p_exh == p_c else tab_cell(wf, p_exh)
    _, h1, h_v_c, s1, _ = cell_saturation(wf, c_c, p_c)
    t_sat_e, h_bub, h_dew, _, s_dew = cell_saturation(wf, c_e, p_e)
    # pump 1 -> 2 and expander 6 -> 7: the isentropic relation of procsim.thermo.isentropic
    h2 = isentropic_outlet_enthalpy(h1, cell_h_ps(wf, c_pump, p_pump, s1), eta_p)
    # at or below the table's own T_sat(p_e), (p, T) gives liquid: use the dew point there
    superheated = sh > SUPERHEAT_MIN and t6 > t_sat_e
    if superheated:
        h6 = cell_h_pT(wf, c_e, p_e, t6)
        s6 = cell_s_ph(wf, c_e, p_e, h6)
    else:
        h6 = h_dew
        s6 = s_dew
    h7 = isentropic_outlet_enthalpy(h6, cell_h_ps(wf, c_exh, p_exh, s6), eta_e)
    h_v_exh = h_v_c if p_exh == p_c else tab_h_v(wf, p_exh)
    if (math.isnan(h2) or math.isnan(h7) or math.isnan(h_bub) or math.isnan(h_dew)
            or math.isnan(h_v_exh)):
        return _fail(out, _I(STATUS_PROPERTY))
    # quality >= 1 is h >= h_v(p) below the critical pressure
    if params[P_ALLOW_WET] == 0.0 and not h7 >= h_v_exh:
        return _fail(out, _I(STATUS_WET_EXPANSION))
    # recuperator
    q_rec = 0.0
    if eps > 0.0:
        t2 = cell_T_ph(wf, c_pump, p_pump, h2)
        t7 = cell_T_ph(wf, c_exh, p_exh, h7)
        h_floor = cell_h_pT(wf, c_exh, p_exh, t2) if t2 > tab_T_sat(wf, p_exh) else h_v_exh
        q_hot = h7 - h_floor
        q_cold = cell_h_pT(wf, c_pump, p_pump, t7) - h2 if t7 > t2 else 0.0
        q_rec = eps * max(0.0, min(q_hot, q_cold))
        if math.isnan(q_rec):
            return _fail(out, _I(STATUS_PROPERTY))
    h3 = h2 + q_rec
    h8 = h7 - q_rec

    # evaporator pinch, zone by zone; zone points equally spaced in temperature. The zone
    # ends (and the source's minimum outlet) are evaluated first; an interior point is then
    # looked up only if a lower bound of its flow limit does not already exceed the smallest
    # limit found (it could not bind; the minimum is the same as evaluating every point):
    # preheater: liquid h(T) at constant p is convex where cp rises with T (organic liquids;
    # water above ~36 degC), so h_j lies above the extension of any secant through two
    # points at higher T; superheater: h_j >= h_dew.
    sc = tab_cell(sdata, sp)
    h_in = _src_h(t_src, src_kind, gx, gco, gmm, sdata, sc, sp)
    m_wf = math.inf
    binding = -1
    if not math.isnan(t_min):
        m_wf = pinch_flow_limit(m_src, h_in, _src_h(t_min, src_kind, gx, gco, gmm, sdata, sc, sp),
                                h6, h3)
        binding = BIND_SOURCE_MIN
    preheat = h3 < h_bub
    lo_evap = h_bub if preheat else h3
    t_lo = te if preheat else cell_T_ph(wf, c_e, p_e, h3)
    m_j = pinch_flow_limit(m_src, h_in, _src_h(t_lo + pinch, src_kind, gx, gco, gmm, sdata, sc, sp),
                           h6, lo_evap)
    if m_j < m_wf:
        m_wf = m_j
        binding = BIND_BUBBLE if preheat else BIND_EVAPORATOR
    if superheated and lo_evap < h_dew:
        m_j = pinch_flow_limit(m_src, h_in, _src_h(te + pinch, src_kind, gx, gco, gmm, sdata, sc, sp),
                               h6, h_dew)
        if m_j < m_wf:
            m_wf = m_j
            binding = BIND_EVAPORATOR
    if preheat:
        t3 = cell_T_ph(wf, c_e, p_e, h3)
        m_j = pinch_flow_limit(m_src, h_in, _src_h(t3 + pinch, src_kind, gx, gco, gmm, sdata, sc, sp),
                               h6, h3)
        if m_j < m_wf:
            m_wf = m_j
            binding = BIND_PREHEATER
        # from the bubble point down: the secant through the two nearest evaluated points,
        # extended to lower T, lies below a convex h(T)
        t_hi, h_hi, slope = te, h_bub, -1.0
        for j in range(n - 1, 0, -1):
            T = t3 + (te - t3) * j / n
            h_s = _src_h(T + pinch, src_kind, gx, gco, gmm, sdata, sc, sp)
            num = m_src * (h_in - h_s)
            if slope > 0.0 and num / (h6 - (h_hi + slope * (T - t_hi))) > m_wf * (1.0 + _SKIP_MARGIN):
                continue
            h = cell_h_pT(wf, c_e, p_e, T)
            slope = (h_hi - h) / (t_hi - T)
            t_hi, h_hi = T, h
            m_j = pinch_flow_limit(m_src, h_in, h_s, h6, h)
            if m_j < m_wf:
                m_wf = m_j
                binding = BIND_PREHEATER
    if superheated:
        for j in range(1, n):
            T = te + sh * j / n
            h_s = _src_h(T + pinch, src_kind, gx, gco, gmm, sdata, sc, sp)
            num = m_src * (h_in - h_s)
            if num / (h6 - h_dew) > m_wf * (1.0 + _SKIP_MARGIN):
                continue
            h = cell_h_pT(wf, c_e, p_e, T) if T > t_sat_e else h_dew
            m_j = pinch_flow_limit(m_src, h_in, h_s, h6, h)
            if m_j < m_wf:
                m_wf = m_j
                binding = BIND_SUPERHEATER
    if not (m_wf > 0.0 and m_wf < math.inf):
        return _fail(out, _I(STATUS_PROPERTY))
    q_in = m_wf * (h6 - h3)
    cp_in = mixture_cp_mass(t_src, gx, gco, gmm) if src_kind == SOURCE_GAS else 1.0
    t_src_out = _src_T(h_in - q_in / m_src, src_kind, gx, gco, gmm, sdata, sc, sp,
                       t_src - q_in / (m_src * cp_in))

    # condenser, linear coolant line
    q_out = m_wf * (h8 - h1)
    rise = params[P_COOL_RISE]
    t8 = cell_T_ph(wf, c_c, p_c, h8)
    t_wf_dew = tc if h8 >= h_v_c else t8
    t_cool_dew = t_cool + rise * (min(h_v_c, h8) - h1) / (h8 - h1)
    if math.isnan(t8) or math.isnan(t_src_out):
        return _fail(out, _I(STATUS_PROPERTY))
    if min(t_wf_dew - t_cool_dew, t8 - (t_cool + rise)) < pinch_c - PINCH_CHECK_TOL:
        return _fail(out, _I(STATUS_COND_PINCH))

    w_exp = m_wf * (h6 - h7)
    w_pump = m_wf * (h2 - h1)
    out[OUT_NET_POWER] = w_exp - w_pump
    out[OUT_THERMAL_EFF] = (w_exp - w_pump) / q_in
    out[OUT_WF_FLOW] = m_wf
    out[OUT_HEAT_INPUT] = q_in
    out[OUT_SOURCE_T_OUT] = t_src_out
    out[OUT_EXPANDER_POWER] = w_exp
    out[OUT_PUMP_POWER] = w_pump
    out[OUT_HEAT_REJECTED] = q_out
    out[OUT_P_EVAP] = p_e
    out[OUT_P_COND] = p_c
    out[OUT_NET_ELECTRIC] = w_exp * params[P_GEN_EFF] - w_pump / params[P_MOTOR_EFF]
    out[OUT_BINDING] = binding
    return STATUS_OK


@njit(cache=True, nogil=True)
def orc_batch(wf, te, sh, tc, t_src, m_src, src_kind, gx, gco, gmm, sdata, params, out, status):
    """Evaluate many designs (equal-length 1-D arrays); row i of ``out`` for design i.

    Returns -1 when every design was evaluated, else the index of the first design with a
    non-zero status (its row is NaN; ``status[i]`` says why). Serial; see
    :func:`orc_batch_parallel` for the same loop on numba's threads.
    """
    for i in range(te.size):
        status[i] = orc_design(wf, te[i], sh[i], tc[i], t_src[i], m_src[i], src_kind, gx, gco, gmm,
                               sdata, params, out[i])
    return _first_failed(status)


@njit(cache=True, nogil=True, parallel=True)
def orc_batch_parallel(wf, te, sh, tc, t_src, m_src, src_kind, gx, gco, gmm, sdata, params, out,
                       status):
    """:func:`orc_batch` over numba's threads (designs are independent: same numbers)."""
    for i in prange(te.size):
        status[i] = orc_design(wf, te[i], sh[i], tc[i], t_src[i], m_src[i], src_kind, gx, gco, gmm,
                               sdata, params, out[i])
    return _first_failed(status)


@njit(**SCALAR_KERNEL)
def _first_failed(status):
    for i in range(status.size):
        if status[i] != STATUS_OK:
            return i
    return -1
