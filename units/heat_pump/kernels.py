r"""Numba kernels: single-stage vapour-compression cycles on tabulated refrigerant properties.

Same cycle as :func:`units.heat_pump.cycle.simple_cycle` (states and equations in that
module's docstring), every property from a :class:`procsim.thermo.tables.FluidTable`
(``table.data`` passed in): :math:`p_e = p_{sat}(T_e)`, :math:`p_c = p_{sat}(T_c)`,
suction :math:`h_1` (saturated vapour or :math:`h(p_e, T_e + \Delta T_{sh})`),
:math:`h_{2s} = h(p_c, s_1)`, :math:`h_2 = h_1 + (h_{2s} - h_1)/\eta_s`, condenser outlet
:math:`h_3` (saturated liquid or :math:`h(p_c, T_c - \Delta T_{sc})`).

Inputs per design: 1-D float64 arrays of equal length (evaporating and condensing
temperature [K], superheat and subcooling [K], isentropic efficiency [-]). Outputs go to a
2-D array (one row per design) indexed by the ``OUT_*`` constants; a design that cannot be
evaluated gets NaN outputs and a non-zero ``STATUS_*`` code.
"""
from __future__ import annotations

import math

from numba import njit

from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from procsim.thermo.tables import (tab_h_l, tab_h_ps, tab_h_pT, tab_h_v, tab_p_sat, tab_s_ph, tab_s_v,
                                   tab_T_ph)

# output columns
OUT_COP_HEATING, OUT_COP_COOLING, OUT_Q_CONDENSER, OUT_Q_EVAPORATOR, OUT_W_COMPRESSOR, \
    OUT_P_EVAPORATING, OUT_P_CONDENSING, OUT_T_DISCHARGE = range(8)
N_OUT = 8

# status codes
STATUS_OK = 0
STATUS_INPUT = 1          # NaN, non-positive, or condensing <= evaporating, eta outside (0, 1]
STATUS_PROPERTY = 2       # a property fell outside the table (NaN)


@njit(cache=True)
def _fail(out, code):
    for k in range(out.size):
        out[k] = math.nan
    return code


@njit(cache=True)
def cycle_design(data, te, tc, sh, sc, eta, out):
    """One single-stage cycle on tabulated properties; fills ``out`` (N_OUT values), returns STATUS_*."""
    if not (te > 0.0 and tc > te and sh >= 0.0 and sc >= 0.0 and eta > 0.0 and eta <= 1.0 and tc - sc > 0.0):
        return _fail(out, STATUS_INPUT)
    p_e = tab_p_sat(data, te)
    p_c = tab_p_sat(data, tc)
    if sh > 0.0:
        h1 = tab_h_pT(data, p_e, te + sh)
        s1 = tab_s_ph(data, p_e, h1)
    else:
        h1 = tab_h_v(data, p_e)
        s1 = tab_s_v(data, p_e)
    h2s = tab_h_ps(data, p_c, s1)
    h2 = isentropic_outlet_enthalpy(h1, h2s, eta)
    h3 = tab_h_pT(data, p_c, tc - sc) if sc > 0.0 else tab_h_l(data, p_c)
    t2 = tab_T_ph(data, p_c, h2)
    w = h2 - h1
    if not (w > 0.0 and h1 - h3 > 0.0 and t2 > 0.0):
        return _fail(out, STATUS_PROPERTY)
    out[OUT_COP_HEATING] = (h2 - h3) / w
    out[OUT_COP_COOLING] = (h1 - h3) / w
    out[OUT_Q_CONDENSER] = h2 - h3
    out[OUT_Q_EVAPORATOR] = h1 - h3
    out[OUT_W_COMPRESSOR] = w
    out[OUT_P_EVAPORATING] = p_e
    out[OUT_P_CONDENSING] = p_c
    out[OUT_T_DISCHARGE] = t2
    return STATUS_OK


@njit(cache=True)
def cycle_batch(data, te, tc, sh, sc, eta, out, status):
    """Array loop over :func:`cycle_design`; returns -1 or the index of the first failed design."""
    first = -1
    for i in range(te.size):
        status[i] = cycle_design(data, te[i], tc[i], sh[i], sc[i], eta[i], out[i])
        if status[i] != STATUS_OK and first < 0:
            first = i
    return first
