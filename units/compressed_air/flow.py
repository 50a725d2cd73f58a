r"""Air flow physics for compressed-air systems: orifices (leaks), free-air volume, pipe friction.

Conventions: SI inside, pressures absolute [Pa], temperatures [K], mass flow [kg/s],
volume flow of *free air* [m3/s] at the ISO 1217 reference inlet state (1 bar(a), 20 degC,
dry air). Dry air is an ideal gas with R = 287.05 J/(kg K) and gamma = 1.4.

References
----------
.. [ISO1217] ISO 1217:2009, Displacement compressors - Acceptance tests, 4th ed.,
   clause 3 (free air delivery) and Annex C (simplified test for electrically driven
   packaged compressors; reference inlet 1 bar(a), 20 degC). CAGI data sheets for rotary
   compressors state capacity at the same reference (CAGI Performance Verification
   Program, background information, cagi.org).
.. [Anderson] J. D. Anderson, Modern Compressible Flow, 3rd ed., McGraw-Hill, 2003,
   ch. 5 (quasi-one-dimensional isentropic flow through a nozzle; choked mass flow).
.. [MEASUR] U.S. DOE / ORNL, MEASUR, compressed-air "orifice method" leak calculator
   (same choked/subsonic orifice equations, C_d = 1 as an upper bound).
.. [Churchill] S. W. Churchill, "Friction-factor equation spans all fluid-flow regimes",
   Chemical Engineering 84(24), 91-92, 1977.
.. [Colebrook] C. F. Colebrook, "Turbulent flow in pipes, with particular reference to
   the transition region between the smooth and rough pipe laws", J. Inst. Civil Eng.
   11(4), 133-156, 1939.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from procsim.validation import broadcast_arrays, check_nonnegative, check_positive, check_range

__all__ = [
    "R_AIR", "GAMMA_AIR", "P_ATM", "ISO1217_PRESSURE", "ISO1217_TEMPERATURE", "RHO_FREE_AIR",
    "CRITICAL_PRESSURE_RATIO", "leak_flow", "free_air_flow", "mass_from_free_air",
    "orifice_mass_flow", "churchill_friction_factor", "pipe_pressure_drop",
]

#: Specific gas constant of dry air [J/(kg K)] (ISO 1217:2009 Annex C; CAGI).
R_AIR = 287.05
#: Ratio of specific heats of dry air near 20 degC [-] (ideal diatomic gas).
GAMMA_AIR = 1.4
#: Standard atmosphere [Pa] (ISO 2533:1975), ambient for leaks and gauge pressures.
P_ATM = 101325.0
#: ISO 1217 reference inlet pressure [Pa] (1 bar(a)) for free air delivery.
ISO1217_PRESSURE = 100000.0
#: ISO 1217 reference inlet temperature [K] (20 degC).
ISO1217_TEMPERATURE = 293.15
#: Density of free air at the ISO 1217 reference [kg/m3] = p / (R T) = 1.188372...
RHO_FREE_AIR = ISO1217_PRESSURE / (R_AIR * ISO1217_TEMPERATURE)
#: Critical pressure ratio p0/p_back above which an orifice chokes: ((g+1)/2)^(g/(g-1)) = 1.8929
CRITICAL_PRESSURE_RATIO = ((GAMMA_AIR + 1.0) / 2.0) ** (GAMMA_AIR / (GAMMA_AIR - 1.0))


@njit(cache=True)
def orifice_mass_flux(p0, t0, p_back, gamma, r_gas):
    r"""Ideal isentropic mass flux through a nozzle throat [kg/(m2 s)], C_d = 1.

    .. math::
        \text{choked } (p_0/p_b \ge r_c):\;
        G = p_0 \sqrt{\gamma/(R T_0)}\,(2/(\gamma+1))^{(\gamma+1)/(2(\gamma-1))}

        \text{subsonic: } G = p_0 \sqrt{\frac{2\gamma}{(\gamma-1) R T_0}
        \left[(p_b/p_0)^{2/\gamma} - (p_b/p_0)^{(\gamma+1)/\gamma}\right]}

    Both branches meet at r_c = ((gamma+1)/2)^(gamma/(gamma-1)). Returns NaN unless
    p0 > p_back > 0 and t0 > 0 (Anderson 2003, ch. 5; MEASUR orifice method).
    """
    if not (p0 > p_back and p_back > 0.0 and t0 > 0.0):
        return np.nan
    ratio = p_back / p0
    crit = (2.0 / (gamma + 1.0)) ** (gamma / (gamma - 1.0))
    if ratio <= crit:
        return p0 * math.sqrt(gamma / (r_gas * t0)) * (2.0 / (gamma + 1.0)) ** (
            (gamma + 1.0) / (2.0 * (gamma - 1.0)))
    term = ratio ** (2.0 / gamma) - ratio ** ((gamma + 1.0) / gamma)
    return p0 * math.sqrt(2.0 * gamma / ((gamma - 1.0) * r_gas * t0) * term)


@njit(cache=True)
def orifice_mass_flow_kernel(diameter, p0, t0, p_back, cd, out):
    """Fill ``out`` with C_d * (pi d^2/4) * G(p0, T0, p_back) [kg/s] for equal-length arrays.

    Returns -1, or the index of the first element with p0 <= p_back (NaN written there).
    """
    first_bad = -1
    for i in range(out.size):
        g = orifice_mass_flux(p0[i], t0[i], p_back[i], GAMMA_AIR, R_AIR)
        if not (g >= 0.0):
            out[i] = np.nan
            if first_bad < 0:
                first_bad = i
            continue
        out[i] = cd[i] * 0.25 * math.pi * diameter[i] * diameter[i] * g
    return first_bad


def orifice_mass_flow(diameter, upstream_pressure, temperature=293.15, downstream_pressure=P_ATM,
                      discharge_coefficient=0.61):
    """Mass flow of dry air through a round orifice [kg/s] (choked or subsonic) [vec].

    Parameters
    ----------
    diameter : hole diameter [m], > 0
    upstream_pressure : stagnation pressure upstream [Pa abs], > downstream_pressure
    temperature : upstream stagnation temperature [K], > 0
    downstream_pressure : back pressure [Pa abs], > 0
    discharge_coefficient : C_d [-] in (0, 1]
    """
    d = check_positive("diameter", diameter, "m")
    p0 = check_positive("line_pressure", upstream_pressure, "Pa")
    t0 = check_positive("temperature", temperature, "K")
    pb = check_positive("ambient_pressure", downstream_pressure, "Pa")
    cd = check_range("discharge_coefficient", discharge_coefficient, 0.0, 1.0, "",
                     low_inclusive=False)
    shape, (d, p0, t0, pb, cd) = broadcast_arrays(diameter=d, line_pressure=p0, temperature=t0,
                                                  ambient_pressure=pb, discharge_coefficient=cd)
    out = np.empty_like(d)
    bad = orifice_mass_flow_kernel(d, p0, t0, pb, cd, out)
    if bad >= 0:
        raise ValueError(f"line_pressure must exceed the ambient pressure {float(pb[bad])!r} Pa "
                         f"(absolute); got {float(p0[bad])!r} Pa at element {bad}: a gauge value "
                         f"or a pressure at or below ambient drives no leak")
    return float(out[0]) if shape == () else out.reshape(shape)


def leak_flow(diameter, line_pressure, temperature=293.15, discharge_coefficient=0.61):
    r"""Mass flow leaking through a round hole to the standard atmosphere [kg/s] [vec].

    Parameters
    ----------
    diameter : hole diameter [m], > 0
    line_pressure : absolute pressure in the line [Pa], must exceed 101325 Pa
    temperature : air temperature in the line [K], > 0; default 20 degC
    discharge_coefficient : C_d [-] in (0, 1]; default 0.61, a sharp-edged orifice
        (the "Discharge of Air Through an Orifice" table's footnote gives x0.65 for
        sharp-edged and x0.97 for well-rounded holes; DOE Compressed Air Tip Sheet #3
        quotes sharp-orifice leak rates of about 0.6 x the C_d = 1 table)

    Returns
    -------
    mass flow [kg/s]; choked when line_pressure / 101325 Pa > 1.8929, subsonic below.

    Notes
    -----
    Choked: :math:`\dot m = C_d A p_0 \sqrt{\gamma/(R T_0)}(2/(\gamma+1))^{(\gamma+1)/(2(\gamma-1))}`,
    with R = 287.05 J/(kg K), gamma = 1.4; see :func:`orifice_mass_flux`.

    References
    ----------
    Anderson, Modern Compressible Flow, 3rd ed., 2003, ch. 5; MEASUR orifice method (ORNL).

    Examples
    --------
    >>> round(leak_flow(3e-3, 801325.0, discharge_coefficient=1.0) / 1.2041 * 1e3, 2)  # L/s, 1 atm 20 C
    11.1
    """
    return orifice_mass_flow(diameter, line_pressure, temperature, P_ATM, discharge_coefficient)


def free_air_flow(mass_flow):
    """Free-air volume flow [m3/s] at the ISO 1217 reference inlet (1 bar(a), 20 degC, dry) [vec].

    V = m / rho_ref, rho_ref = 1e5 / (287.05 * 293.15) = 1.188372 kg/m3
    (ISO 1217:2009 Annex C reference conditions; CAGI data sheets use the same).
    mass_flow [kg/s] must be >= 0.

    Examples
    --------
    >>> round(free_air_flow(1.188372), 5)
    1.0
    """
    m = check_nonnegative("mass_flow", mass_flow, "kg/s")
    return m / RHO_FREE_AIR


def mass_from_free_air(flow):
    """Inverse of :func:`free_air_flow`: kg/s from m3/s of ISO 1217 free air [vec]."""
    return check_nonnegative("flow", flow, "m3/s") * RHO_FREE_AIR


@njit(cache=True)
def churchill_friction_factor(reynolds, relative_roughness):
    r"""Darcy friction factor from Churchill's (1977) all-regime equation [-].

    .. math::
        f = 8\left[(8/Re)^{12} + (A+B)^{-3/2}\right]^{1/12},\;
        A = \left[2.457 \ln\left(\frac{1}{(7/Re)^{0.9} + 0.27\,\varepsilon/D}\right)\right]^{16},\;
        B = (37530/Re)^{16}

    Valid for laminar, transitional and turbulent flow; in the turbulent range it
    follows the Colebrook (1939) equation to within about 1-2 %. NaN for Re <= 0.
    """
    if not (reynolds > 0.0 and relative_roughness >= 0.0):
        return np.nan
    a = (2.457 * math.log(1.0 / ((7.0 / reynolds) ** 0.9 + 0.27 * relative_roughness))) ** 16
    b = (37530.0 / reynolds) ** 16
    return 8.0 * ((8.0 / reynolds) ** 12 + (a + b) ** -1.5) ** (1.0 / 12.0)


#: Dynamic viscosity of air near 20-40 degC [Pa s] (about 1.81e-5 at 20 degC; VDI Heat
#: Atlas, 2nd ed., 2010, D2.2). Used only for the Reynolds number of pipe flow.
AIR_VISCOSITY = 1.81e-5


def pipe_pressure_drop(flow, diameter, length, inlet_pressure, temperature=293.15,
                       roughness=4.5e-5):
    r"""Frictional pressure drop of compressed air in a straight pipe [Pa] [vec] (Darcy-Weisbach).

    .. math:: \Delta p = f \frac{L}{D} \frac{\rho v^2}{2}

    with rho from the ideal gas at the inlet pressure (valid while dp << p, the usual
    compressed-air design rule of < 10 % drop) and f from :func:`churchill_friction_factor`.

    Parameters
    ----------
    flow : free-air flow [m3/s, ISO 1217] >= 0; diameter : inner diameter [m] > 0;
    length : equivalent length incl. fittings [m] > 0; inlet_pressure [Pa abs] > 0;
    temperature [K] > 0; roughness : absolute roughness [m] >= 0 (default 0.045 mm,
    commercial steel, Moody 1944 chart).
    """
    q = check_nonnegative("flow", flow, "m3/s")
    d = check_positive("diameter", diameter, "m")
    length_ = check_positive("length", length, "m")
    p = check_positive("inlet_pressure", inlet_pressure, "Pa")
    t = check_positive("temperature", temperature, "K")
    eps = check_nonnegative("roughness", roughness, "m")
    shape, (q, d, length_, p, t, eps) = broadcast_arrays(flow=q, diameter=d, length=length_,
                                                         inlet_pressure=p, temperature=t,
                                                         roughness=eps)
    m = q * RHO_FREE_AIR
    area = 0.25 * np.pi * d * d
    rho = p / (R_AIR * t)
    v = m / (rho * area)
    re = m * d / (area * AIR_VISCOSITY)
    f = np.array([churchill_friction_factor(re[i], eps[i] / d[i]) if re[i] > 0 else 0.0
                  for i in range(re.size)])
    dp = f * length_ / d * 0.5 * rho * v * v
    if np.any(dp >= p):
        i = int(np.argmax(dp >= p))
        raise ValueError(f"flow={float(q[i])!r} m3/s through diameter={float(d[i])!r} m over length="
                         f"{float(length_[i])!r} m gives a pressure drop {dp[i]:.4g} Pa above the "
                         f"inlet pressure {float(p[i])!r} Pa: the pipe is far too small")
    return float(dp[0]) if shape == () else dp.reshape(shape)
