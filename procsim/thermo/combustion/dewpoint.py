r"""Water and sulfuric-acid dew points of flue gas.

Water: saturation temperature of water (IAPWS-IF97, CoolProp) at the partial pressure of the
water vapour.

Sulfuric acid (two correlations, both in terms of the partial pressures of water and of
SO3, taken as fully hydrated to H2SO4 vapour below ~200 C):

Verhoff & Banchero (1974), T in K, pressures in mmHg:

.. math::
    \frac{1000}{T_{dp}} = 2.276 - 0.0294 \ln p_{H_2O} - 0.0858 \ln p_{SO_3}
        + 0.0062 \ln p_{H_2O} \ln p_{SO_3}

Okkes (1987), T in C, pressures in atm:

.. math::
    T_{dp} = 203.25 + 27.6 \log_{10} p_{H_2O} + 10.83 \log_{10} p_{SO_3}
        + 1.06 (\log_{10} p_{SO_3} + 8)^{2.19}

Validity: both were fitted to H2SO4-H2O vapour-liquid equilibrium data for flue-gas
conditions near atmospheric pressure; they are applied to water contents of about
5-20 vol % and SO3 of about 1-100 ppmv (1e-6 to 1e-4 mole fraction), where they agree within
10 K (Okkes lower at high SO3). Outside that range they are extrapolations; the wrapper refuses partial
pressures that are not positive.

References
----------
F. H. Verhoff, J. T. Banchero, "Predicting dew points of flue gases", Chemical Engineering
Progress 70(8) (1974) 71-72.
A. G. Okkes, "Get acid dew point of flue gas", Hydrocarbon Processing 66(7) (1987) 53-55.
IAPWS R7-97(2012), Revised Release on the IAPWS Industrial Formulation 1997 (saturation line).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from procsim.thermo.fluids import Fluid
from procsim.validation import as_array, check_choice

__all__ = ["water_dew_point", "acid_dew_point", "verhoff_banchero", "okkes", "ACID_CORRELATIONS"]

# standard atmosphere 101325 Pa (exact, 10th CGPM 1954); the correlation's mmHg is taken as
# the torr, 1/760 atm (the conventional mmHg, 133.322387 Pa, differs by 1.4e-7)
_PA_PER_MMHG = 101325.0 / 760.0
_PA_PER_ATM = 101325.0
#: acid dew-point correlations (one mapping: name -> kernel code)
ACID_CORRELATIONS = {"verhoff_banchero": 0, "okkes": 1}


@njit(cache=True)
def verhoff_banchero(p_h2o, p_so3):
    """Acid dew point [K]; partial pressures [Pa] (Verhoff & Banchero 1974). NaN if p <= 0."""
    if not (p_h2o > 0.0 and p_so3 > 0.0):
        return math.nan
    lw = math.log(p_h2o / _PA_PER_MMHG)
    ls = math.log(p_so3 / _PA_PER_MMHG)
    return 1000.0 / (2.276 - 0.0294 * lw - 0.0858 * ls + 0.0062 * lw * ls)


@njit(cache=True)
def okkes(p_h2o, p_so3):
    """Acid dew point [K]; partial pressures [Pa] (Okkes 1987). NaN if p <= 0 or pSO3 >= 1e8 atm."""
    if not (p_h2o > 0.0 and p_so3 > 0.0):
        return math.nan
    lw = math.log10(p_h2o / _PA_PER_ATM)
    ls = math.log10(p_so3 / _PA_PER_ATM)
    if not (ls + 8.0 >= 0.0):
        return math.nan
    return 273.15 + 203.25 + 27.6 * lw + 10.83 * ls + 1.06 * (ls + 8.0) ** 2.19


@njit(cache=True)
def acid_dew_point_array(p_h2o, p_so3, code, out):
    """Acid dew point [K] for arrays; returns -1 or the index of the first invalid element."""
    bad = -1
    for i in range(p_h2o.size):
        if code == 0:
            out[i] = verhoff_banchero(p_h2o[i], p_so3[i])
        else:
            out[i] = okkes(p_h2o[i], p_so3[i])
        if math.isnan(out[i]) and bad < 0:
            bad = i
    return bad


def acid_dew_point(p_h2o, p_so3, correlation: str = "verhoff_banchero"):
    """Sulfuric-acid dew point [K] [vec] from water and SO3 partial pressures [Pa].

    Examples
    --------
    >>> round(float(acid_dew_point(0.10 * 101325, 10e-6 * 101325)) - 273.15, 1)   # 10 % H2O, 10 ppm SO3
    137.3
    """
    code = check_choice("correlation", correlation, ACID_CORRELATIONS)
    a = as_array("p_h2o", p_h2o, "Pa")
    b = as_array("p_so3", p_so3, "Pa")
    a, b = np.broadcast_arrays(a, b)
    fa = np.ascontiguousarray(a.ravel(), dtype=np.float64)
    fb = np.ascontiguousarray(b.ravel(), dtype=np.float64)
    out = np.empty_like(fa)
    bad = acid_dew_point_array(fa, fb, code, out)
    if bad >= 0:
        raise ValueError(f"p_h2o and p_so3 must be > 0 Pa (p_so3 > 1e-8 atm for Okkes); got "
                         f"p_h2o={float(fa[bad])!r} Pa, p_so3={float(fb[bad])!r} Pa")
    return float(out[0]) if a.ndim == 0 else out.reshape(a.shape)


def water_dew_point(p_h2o):
    """Water dew point [K] [vec]: IF97 saturation temperature at partial pressure p_h2o [Pa].

    Valid from the triple-point pressure 611.657 Pa to the critical pressure.
    """
    a = as_array("p_h2o", p_h2o, "Pa")
    water = Fluid("Water")
    flat = a.ravel()
    out = np.empty_like(flat)
    for i, p in enumerate(flat):
        if not (611.657 <= p < water.critical_pressure):
            raise ValueError(f"p_h2o must be in [611.657, {water.critical_pressure:g}) Pa "
                             f"(triple point to critical point of water); got {float(p)!r} Pa")
        out[i] = water.state(p=float(p), x=1.0).T
    return float(out[0]) if a.ndim == 0 else out.reshape(a.shape)
