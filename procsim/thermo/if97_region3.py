r"""IAPWS-IF97 region 3 on its forward (Helmholtz) equation, in numba.

CoolProp's ``IF97`` backend evaluates region 3 from (p, T) through the backward equations
v(p, T) of IAPWS SR5-05, which are consistent with the forward equation only within about
1e-5 in v. procsim solves the forward equation for the density instead (Newton on
p(rho, T) = p from CoolProp's backward density), so region-3 states match the verification
values of R7-97 Table 33 to rounding.

Region 3 (R7-97 sec. 5, eq. 28):

.. math::
    \frac{f(\rho, T)}{RT} = \phi(\delta, \tau) = n_1 \ln\delta + \sum_{i=2}^{40} n_i\,
    \delta^{I_i} \tau^{J_i},\qquad \delta = \rho/\rho_c,\ \tau = T_c/T

with :math:`\rho_c` = 322 kg/m3, :math:`T_c` = 647.096 K, R = 461.526 J/(kg K); properties
from Table 31: :math:`p = \rho R T \delta\phi_\delta`, :math:`h/(RT) = \tau\phi_\tau +
\delta\phi_\delta`, :math:`s/R = \tau\phi_\tau - \phi`, :math:`c_p/R = -\tau^2\phi_{\tau\tau}
+ (\delta\phi_\delta - \delta\tau\phi_{\delta\tau})^2/(2\delta\phi_\delta + \delta^2\phi_{\delta\delta})`.

Region 3 is bounded by T >= 623.15 K and by the B23 line (R7-97 eqs. 5-6),
:math:`p_{B23}(T) = n_1 + n_2 T + n_3 T^2` [MPa, K], on the high-pressure side of which
region 3 lies, up to 100 MPa.

References
----------
IAPWS R7-97(2012), Revised Release on the IAPWS Industrial Formulation 1997 for the
Thermodynamic Properties of Water and Steam, Tables 30 (coefficients), 31 (relations),
33 (verification values); eqs. 5-6 (B23 boundary).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

__all__ = ["RHO_C", "T_C", "R_WATER", "in_region3", "p_b23", "phi_derivatives", "properties",
           "density_from_pT"]

RHO_C = 322.0          # kg/m3, R7-97 eq. 2
T_C = 647.096          # K, R7-97 eq. 1
R_WATER = 461.526      # J/(kg K), R7-97 eq. 1
T_MIN = 623.15         # K, lower temperature bound of region 3 (R7-97 sec. 4)
P_MAX = 100.0e6        # Pa, upper pressure bound

# R7-97 Table 30: n_1 (the ln delta term) and (I_i, J_i, n_i) for i = 2..40
N1 = 0.10658070028513e1
I3 = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4,
               5, 5, 5, 6, 6, 6, 7, 8, 9, 9, 10, 10, 11], dtype=np.float64)
J3 = np.array([0, 1, 2, 7, 10, 12, 23, 2, 6, 15, 17, 0, 2, 6, 7, 22, 26, 0, 2, 4, 16, 26, 0,
               2, 4, 26, 1, 3, 26, 0, 2, 26, 2, 26, 2, 26, 0, 1, 26], dtype=np.float64)
N3 = np.array([
    -0.15732845290239e2, 0.20944396974307e2, -0.76867707878716e1, 0.26185947787954e1,
    -0.28080781148620e1, 0.12053369696517e1, -0.84566812812502e-2, -0.12654315477714e1,
    -0.11524407806681e1, 0.88521043984318, -0.64207765181607, 0.38493460186671,
    -0.85214708824206, 0.48972281541877e1, -0.30502617256965e1, 0.39420536879154e-1,
    0.12558408424308, -0.27999329698710, 0.13899799569460e1, -0.20189915023570e1,
    -0.82147637173963e-2, -0.47596035734923, 0.43984074473500e-1, -0.44476435428739,
    0.90572070719733, 0.70522450087967, 0.10770512626332, -0.32913623258954,
    -0.50871062041158, -0.22175400873096e-1, 0.94260751665092e-1, 0.16436278447961,
    -0.13503372241348e-1, -0.14834345352472e-1, 0.57922953628084e-3, 0.32308904703711e-2,
    0.80964802996215e-4, -0.16557679795037e-3, -0.44923899061815e-4])
# R7-97 Table 1: coefficients of the B23 boundary equation (p in MPa, T in K)
B23 = np.array([0.34805185628969e3, -0.11671859879975e1, 0.10192970039326e-2])
for _a in (I3, J3, N3, B23):
    _a.setflags(write=False)


@njit(cache=True)
def p_b23(T):
    """Pressure [Pa] of the region 2-3 boundary at temperature T [K] (R7-97 eq. 5)."""
    return (B23[0] + B23[1] * T + B23[2] * T * T) * 1.0e6


@njit(cache=True)
def in_region3(p, T):
    """True when (p [Pa], T [K]) lies in IF97 region 3 (and not on the saturation line)."""
    return T_MIN <= T and p >= p_b23(T) and p <= P_MAX


@njit(cache=True)
def phi_derivatives(delta, tau, out):
    """Fill out = [phi, phi_d, phi_dd, phi_t, phi_tt, phi_dt] (R7-97 Table 32)."""
    phi = N1 * math.log(delta)
    pd = N1 / delta
    pdd = -N1 / (delta * delta)
    pt = 0.0
    ptt = 0.0
    pdt = 0.0
    for k in range(N3.size):
        i, j, n = I3[k], J3[k], N3[k]
        di = delta ** i
        tj = tau ** j
        phi += n * di * tj
        if i != 0.0:
            pd += n * i * delta ** (i - 1.0) * tj
            if i != 1.0:
                pdd += n * i * (i - 1.0) * delta ** (i - 2.0) * tj
            if j != 0.0:
                pdt += n * i * j * delta ** (i - 1.0) * tau ** (j - 1.0)
        if j != 0.0:
            pt += n * j * di * tau ** (j - 1.0)
            if j != 1.0:
                ptt += n * j * (j - 1.0) * di * tau ** (j - 2.0)
    out[0], out[1], out[2], out[3], out[4], out[5] = phi, pd, pdd, pt, ptt, pdt


@njit(cache=True)
def properties(rho, T, out):
    """Fill out = [p, h, s, cp] [Pa, J/kg, J/(kg K), J/(kg K)] at density rho and T (Table 31)."""
    d = np.empty(6)
    delta = rho / RHO_C
    tau = T_C / T
    phi_derivatives(delta, tau, d)
    out[0] = rho * R_WATER * T * delta * d[1]
    out[1] = R_WATER * T * (tau * d[3] + delta * d[1])
    out[2] = R_WATER * (tau * d[3] - d[0])
    num = delta * d[1] - delta * tau * d[5]
    out[3] = R_WATER * (-tau * tau * d[4] + num * num / (2.0 * delta * d[1] + delta * delta * d[2]))


@njit(cache=True)
def density_from_pT(p, T, rho_guess):
    """Density [kg/m3] solving p(rho, T) = p by Newton from ``rho_guess``; NaN if it fails.

    dp/drho = R T (2 delta phi_d + delta^2 phi_dd). The guess (CoolProp's backward-equation
    density) is within 1e-5 of the root, which keeps Newton on the right branch near the
    critical point.
    """
    d = np.empty(6)
    rho = rho_guess
    for _ in range(50):
        delta = rho / RHO_C
        phi_derivatives(delta, T_C / T, d)
        f = rho * R_WATER * T * delta * d[1] - p
        dfd = R_WATER * T * (2.0 * delta * d[1] + delta * delta * d[2])
        if not dfd > 0.0:
            return math.nan
        step = f / dfd
        rho -= step
        if abs(step) <= 1e-13 * rho:
            return rho
    return math.nan
