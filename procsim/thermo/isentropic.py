r"""The isentropic-efficiency relation of turbines, expanders, compressors and pumps (numba).

This module is the one place where the relation is written; every turbine, expander,
compressor and pump in procsim imports it (public names: :func:`isentropic_outlet_enthalpy`,
:func:`isentropic_outlet_enthalpy_array`, :func:`isentropic_efficiency`).

The direction follows from the isentropic end state itself: when the isentropic outlet
enthalpy lies below the inlet enthalpy the machine expands (turbine, expander: work out),
otherwise it compresses (compressor, pump: work in).

.. math::
    \text{expansion } (h_{2s} < h_1):\quad h_2 = h_1 - \eta_s\,(h_1 - h_{2s})

    \text{compression } (h_{2s} \ge h_1):\quad h_2 = h_1 + \frac{h_{2s} - h_1}{\eta_s}

References
----------
Y. A. Cengel, M. A. Boles, *Thermodynamics: An Engineering Approach*, 8th ed., McGraw-Hill,
2015, sec. 7-12, eq. 7-61 (turbines), eq. 7-62 (compressors and pumps).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

__all__ = ["isentropic_outlet_enthalpy", "isentropic_outlet_enthalpy_array", "isentropic_efficiency",
           "outlet_enthalpy", "STATUS_OK", "STATUS_BAD_EFFICIENCY"]

#: Kernel status: every element computed.
STATUS_OK = -1
#: Kernel status: an efficiency outside (0, 1] or a NaN input (the element is NaN).
STATUS_BAD_EFFICIENCY = -2


@njit(cache=True)
def isentropic_outlet_enthalpy(h_in, h_out_isentropic, efficiency):
    r"""Actual outlet enthalpy [J/kg] of an adiabatic turbine, expander, compressor or pump.

    Parameters
    ----------
    h_in : inlet specific enthalpy [J/kg]
    h_out_isentropic : specific enthalpy at the outlet pressure and the inlet entropy [J/kg]
    efficiency : isentropic efficiency [-], in (0, 1]

    Returns
    -------
    float
        :math:`h_1 - \eta_s (h_1 - h_{2s})` when :math:`h_{2s} < h_1` (expansion),
        :math:`h_1 + (h_{2s} - h_1)/\eta_s` otherwise (compression); NaN for an efficiency
        outside (0, 1] or a NaN input.

    Notes
    -----
    Cengel & Boles (2015), eqs. 7-61 and 7-62. The two forms agree at :math:`\eta_s = 1`
    (the isentropic outlet) and at :math:`h_{2s} = h_1` (no pressure change).

    Examples
    --------
    >>> isentropic_outlet_enthalpy(3000e3, 2500e3, 0.8)       # turbine: 80 % of 500 kJ/kg
    2600000.0
    >>> isentropic_outlet_enthalpy(100e3, 110e3, 0.5)         # pump: twice the isentropic head
    120000.0
    """
    if not (0.0 < efficiency <= 1.0):
        return math.nan
    if h_out_isentropic < h_in:
        return h_in - efficiency * (h_in - h_out_isentropic)
    return h_in + (h_out_isentropic - h_in) / efficiency


@njit(cache=True)
def isentropic_outlet_enthalpy_array(h_in, h_out_isentropic, efficiency, out):
    """Element-wise :func:`isentropic_outlet_enthalpy` on 1-D float64 arrays of equal length.

    Fills ``out``; returns :data:`STATUS_OK` (-1), or the index of the first element that
    could not be computed (NaN written there).
    """
    first = -1
    for i in range(h_in.size):
        out[i] = isentropic_outlet_enthalpy(h_in[i], h_out_isentropic[i], efficiency[i])
        if math.isnan(out[i]) and first < 0:
            first = i
    return first


@njit(cache=True)
def isentropic_efficiency(h_in, h_out, h_out_isentropic):
    r"""Isentropic efficiency [-] of a machine from its measured outlet enthalpy (inverse relation).

    Expansion (:math:`h_{2s} < h_1`): :math:`\eta_s = (h_1 - h_2)/(h_1 - h_{2s})`;
    compression: :math:`\eta_s = (h_{2s} - h_1)/(h_2 - h_1)`. NaN when the pressure does not
    change (:math:`h_{2s} = h_1`) or for a NaN input.
    """
    if h_out_isentropic < h_in:
        return (h_in - h_out) / (h_in - h_out_isentropic)
    if h_out_isentropic > h_in:
        return (h_out_isentropic - h_in) / (h_out - h_in)
    return math.nan


def outlet_enthalpy(h_in, h_out_isentropic, efficiency):
    """numpy-broadcasting wrapper of :func:`isentropic_outlet_enthalpy` [J/kg] (float for scalars).

    Raises ValueError naming ``efficiency`` when an efficiency is outside (0, 1] or NaN.
    """
    h1, h2s, eta = np.broadcast_arrays(np.asarray(h_in, dtype=float), np.asarray(h_out_isentropic, dtype=float),
                                       np.asarray(efficiency, dtype=float))
    eta_f = np.ascontiguousarray(eta, dtype=float).ravel()
    bad = ~((eta_f > 0.0) & (eta_f <= 1.0))
    if bad.any():
        raise ValueError(f"efficiency must be in (0, 1]; got {eta_f[bad][0]!r}")
    out = np.empty(eta_f.size)
    isentropic_outlet_enthalpy_array(np.ascontiguousarray(h1, dtype=float).ravel(),
                                     np.ascontiguousarray(h2s, dtype=float).ravel(), eta_f, out)
    return float(out[0]) if h1.ndim == 0 else out.reshape(h1.shape)
