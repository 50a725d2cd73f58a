r"""Process-heating (PHAST-style) heat losses and loads of a furnace, in SI.

Each function returns a heat rate [W] (or heat [J] per kg of charge where stated):

* :func:`wall_loss`: casing loss of a surface at a measured temperature: natural convection
  (Churchill & Chu, vertical plate) combined with wind-driven forced convection (flat plate,
  mixed laminar/turbulent) as :math:`h = (h_n^3 + h_f^3)^{1/3}`, plus radiation
  :math:`\varepsilon\sigma(T_s^4 - T_\infty^4)`; air properties from Incropera Table A.4.
* :func:`opening_radiation`: :math:`\sigma\varepsilon F A (T_f^4 - T_\infty^4)` with view factor F.
* :func:`opening_leakage`: hot gas escaping through an opening under furnace pressure,
  :math:`\dot m = C_d A\sqrt{2\rho\Delta p}`, carrying :math:`c_p(T_f - T_\infty)`.
* :func:`charge_heat`: solid/liquid charge with melting and reaction heat.
* :func:`flow_heat`: water cooling, fixtures and conveyors, atmosphere (m cp dT).

References
----------
F. P. Incropera, D. P. DeWitt, T. L. Bergman, A. S. Lavine, *Fundamentals of Heat and Mass
Transfer*, 6th ed., Wiley, 2007: eq. 9.26 (Churchill-Chu), eq. 7.38 (flat plate, mixed),
eq. 9.56 (combined convection, n = 3), Table A.4 (air), Example 9.2 (test case).
S. W. Churchill, H. H. S. Chu, Int. J. Heat Mass Transfer 18 (1975) 1323-1329.
US DOE AMO, *PHAST* / MEASUR process-heating assessment (loss categories).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from procsim.validation import check_nonnegative, check_positive, check_range

__all__ = ["wall_loss", "opening_radiation", "opening_leakage", "charge_heat", "flow_heat",
           "wall_heat_flux", "STEFAN_BOLTZMANN", "AIR_TABLE"]

STEFAN_BOLTZMANN = 5.670374419e-8  # W/(m2 K4), CODATA 2018
GRAVITY = 9.80665

#: Air at 1 atm (Incropera et al. 2007, Table A.4): T [K], kinematic viscosity [m2/s],
#: thermal conductivity [W/(m K)], Prandtl number [-].
AIR_TABLE = np.array([
    [250.0, 11.44e-6, 22.3e-3, 0.720],
    [300.0, 15.89e-6, 26.3e-3, 0.707],
    [350.0, 20.92e-6, 30.0e-3, 0.700],
    [400.0, 26.41e-6, 33.8e-3, 0.690],
    [450.0, 32.39e-6, 37.3e-3, 0.686],
    [500.0, 38.79e-6, 40.7e-3, 0.684],
    [550.0, 45.57e-6, 43.9e-3, 0.683],
    [600.0, 52.69e-6, 46.9e-3, 0.685],
    [700.0, 68.10e-6, 52.4e-3, 0.695],
    [800.0, 84.93e-6, 57.3e-3, 0.709],
])


@njit(cache=True)
def _air(t, table):
    n = table.shape[0]
    if t <= table[0, 0]:
        i = 0
    elif t >= table[n - 1, 0]:
        i = n - 2
    else:
        i = 0
        while table[i + 1, 0] < t:
            i += 1
    w = (t - table[i, 0]) / (table[i + 1, 0] - table[i, 0])
    nu = table[i, 1] + w * (table[i + 1, 1] - table[i, 1])
    k = table[i, 2] + w * (table[i + 1, 2] - table[i, 2])
    pr = table[i, 3] + w * (table[i + 1, 3] - table[i, 3])
    return nu, k, pr


@njit(cache=True)
def wall_heat_flux(surface_temperature, ambient_temperature, height, wind_speed, length,
                   emissivity, table):
    r"""Convective + radiative heat flux [W/m2] from a vertical surface to still or moving air.

    Natural convection (Churchill & Chu 1975, Incropera eq. 9.26), film properties:
    :math:`Nu_L = \{0.825 + 0.387 Ra_L^{1/6}/[1 + (0.492/Pr)^{9/16}]^{8/27}\}^2`.
    Forced (wind along ``length``): :math:`Nu = 0.664 Re^{1/2} Pr^{1/3}` (Re < 5e5) or
    :math:`(0.037 Re^{4/5} - 871) Pr^{1/3}` (Incropera eq. 7.38). Combined
    :math:`h = (h_n^3 + h_f^3)^{1/3}` (eq. 9.56). Radiation to surroundings at ambient.
    Returns NaN for T_s < T_amb or non-positive sizes.
    """
    ts, ta = surface_temperature, ambient_temperature
    if not (ts >= ta and ta > 0.0 and height > 0.0 and length > 0.0 and wind_speed >= 0.0
            and 0.0 <= emissivity <= 1.0):
        return math.nan
    if ts == ta:
        return 0.0
    tf = 0.5 * (ts + ta)
    nu, k, pr = _air(tf, table)
    alpha = nu / pr
    ra = GRAVITY * (1.0 / tf) * (ts - ta) * height ** 3 / (nu * alpha)
    nu_n = (0.825 + 0.387 * ra ** (1.0 / 6.0)
            / (1.0 + (0.492 / pr) ** (9.0 / 16.0)) ** (8.0 / 27.0)) ** 2
    h_n = nu_n * k / height
    h_f = 0.0
    if wind_speed > 0.0:
        re = wind_speed * length / nu
        if re < 5.0e5:
            nu_f = 0.664 * math.sqrt(re) * pr ** (1.0 / 3.0)
        else:
            nu_f = (0.037 * re ** 0.8 - 871.0) * pr ** (1.0 / 3.0)
        h_f = nu_f * k / length
    h = (h_n ** 3 + h_f ** 3) ** (1.0 / 3.0)
    rad = emissivity * STEFAN_BOLTZMANN * (ts ** 4 - ta ** 4)
    return h * (ts - ta) + rad


def wall_loss(area, surface_temperature, ambient_temperature=298.15, emissivity=0.9,
              wind_speed=0.0, height=1.0, length=None):
    """Casing heat loss [W] of a furnace wall at a measured surface temperature. [vec]

    area [m2]; temperatures [K]; emissivity [-] (oxidised steel ~0.8-0.9, aluminium paint
    ~0.4); wind_speed [m/s] along ``length`` [m] (default = height); height [m] of the
    vertical surface (natural convection length).

    Examples
    --------
    >>> round(float(wall_loss(0.71 * 1.02, 505.0, 296.0, emissivity=0.0, height=0.71)))   # Incropera Example 9.2: 1060 W
    1059
    """
    a = check_nonnegative("area", area, "m2")
    ts = check_range("surface_temperature", surface_temperature, 200.0, 1000.0, "K")
    ta = check_range("ambient_temperature", ambient_temperature, 200.0, 400.0, "K")
    eps = check_range("emissivity", emissivity, 0.0, 1.0)
    v = check_range("wind_speed", wind_speed, 0.0, 30.0, "m/s")
    h = float(check_positive("height", height, "m"))
    L = h if length is None else float(check_positive("length", length, "m"))
    arrays = np.broadcast_arrays(*(np.asarray(x, float) for x in (a, ts, ta, eps, v)))
    shape = arrays[0].shape
    a_, ts_, ta_, e_, v_ = (x.ravel() for x in arrays)
    if np.any(ts_ < ta_):
        raise ValueError(f"surface_temperature must be >= ambient_temperature; got "
                         f"{float(ts_[ts_ < ta_][0])!r} K < {float(ta_[ts_ < ta_][0])!r} K")
    q = np.array([wall_heat_flux(t, t0, h, w, L, e, AIR_TABLE) for t, t0, w, e in zip(ts_, ta_, v_, e_)])
    out = (a_ * q).reshape(shape)
    return float(out) if out.ndim == 0 else out


def opening_radiation(area, furnace_temperature, ambient_temperature=298.15, view_factor=1.0,
                      emissivity=1.0):
    r"""Radiation through an opening [W]: :math:`\sigma\varepsilon F A (T_f^4 - T_\infty^4)`. [vec]

    The opening radiates as a black body at the furnace temperature (emissivity 1, a cavity);
    ``view_factor`` F in (0, 1] is the opening-to-outside factor reduced by the wall thickness
    (Hottel's chart for a rectangular or round opening, as PHAST asks for it).

    >>> round(float(opening_radiation(0.5, 1273.15, 298.15, 0.7)))
    51986
    """
    a = check_nonnegative("area", area, "m2")
    tf = check_range("furnace_temperature", furnace_temperature, 250.0, 2500.0, "K")
    ta = check_range("ambient_temperature", ambient_temperature, 200.0, 400.0, "K")
    f = check_range("view_factor", view_factor, 0.0, 1.0)
    e = check_range("emissivity", emissivity, 0.0, 1.0)
    return STEFAN_BOLTZMANN * e * f * a * (np.asarray(tf) ** 4 - np.asarray(ta) ** 4)


def opening_leakage(area, furnace_pressure, furnace_temperature, ambient_temperature=298.15,
                    discharge_coefficient=0.61, gas_molar_mass=0.0288, specific_heat=1140.0,
                    pressure=101325.0):
    r"""Heat carried by flue gas leaking through an opening [W] (and the mass flow [kg/s]).

    :math:`\dot m = C_d A \sqrt{2 \rho \Delta p}`, :math:`\rho = p M / (R T_f)`,
    :math:`Q = \dot m c_p (T_f - T_\infty)`. ``furnace_pressure`` is the gauge pressure
    at the opening [Pa] (a few Pa to tens of Pa); C_d 0.61 sharp-edged (ISO 5167-2 limit);
    specific_heat [J/(kg K)] default 1140 J/(kg K): air at 1000 K (Incropera Table A.4),
    a stand-in for lean flue gas. Returns (heat [W], mass_flow [kg/s]).
    """
    a = float(check_nonnegative("area", area, "m2"))
    dp = float(check_nonnegative("furnace_pressure", furnace_pressure, "Pa"))
    tf = float(check_range("furnace_temperature", furnace_temperature, 250.0, 2500.0, "K"))
    ta = float(check_range("ambient_temperature", ambient_temperature, 200.0, 400.0, "K"))
    cd = float(check_range("discharge_coefficient", discharge_coefficient, 0.0, 1.0, low_inclusive=False))
    m_mol = float(check_positive("gas_molar_mass", gas_molar_mass, "kg/mol"))
    cp = float(check_positive("specific_heat", specific_heat, "J/(kg K)"))
    rho = float(check_positive("pressure", pressure, "Pa")) * m_mol / (8.314462618 * tf)
    m = cd * a * math.sqrt(2.0 * rho * dp)
    return m * cp * (tf - ta), m


def charge_heat(mass_flow, inlet_temperature, outlet_temperature, solid_specific_heat,
                melting_temperature=None, latent_heat=0.0, liquid_specific_heat=None,
                reaction_heat=0.0):
    r"""Heat absorbed by the charge [W] (mass_flow [kg/s]); per kg when mass_flow = 1.

    .. math:: q = c_s (\min(T_{out}, T_m) - T_{in}) + [T_{out} > T_m](L + c_l (T_{out} - T_m)) + q_r

    reaction_heat [J/kg]: endothermic > 0 (e.g. calcination), exothermic < 0 (oxidation).
    Specific heats are mean values over their range [J/(kg K)].

    >>> round(charge_heat(1.0, 298.15, 1273.15, 460.0))   # steel to 1000 C, mean cp 460
    448500
    """
    m = check_nonnegative("mass_flow", mass_flow, "kg/s")
    t1 = float(check_positive("inlet_temperature", inlet_temperature, "K"))
    t2 = float(check_positive("outlet_temperature", outlet_temperature, "K"))
    cs = float(check_positive("solid_specific_heat", solid_specific_heat, "J/(kg K)"))
    if t2 < t1:
        raise ValueError(f"outlet_temperature {t2!r} K must be >= inlet_temperature {t1!r} K")
    q = 0.0
    if melting_temperature is None or t2 <= float(melting_temperature):
        q = cs * (t2 - t1)
    else:
        tm = float(check_positive("melting_temperature", melting_temperature, "K"))
        cl = cs if liquid_specific_heat is None else float(
            check_positive("liquid_specific_heat", liquid_specific_heat, "J/(kg K)"))
        lat = float(check_nonnegative("latent_heat", latent_heat, "J/kg"))
        q = cs * max(tm - t1, 0.0) + lat + cl * (t2 - max(tm, t1))
    return m * (q + float(reaction_heat))


def flow_heat(mass_flow, inlet_temperature, outlet_temperature, specific_heat):
    """Heat carried out by a stream heated from inlet to outlet [W]: m cp (T_out - T_in). [vec]

    For cooling water (cp 4180 J/(kg K)), fixtures, trays and conveyors (mass passing per
    second), and furnace atmosphere gas.
    """
    m = check_nonnegative("mass_flow", mass_flow, "kg/s")
    t1 = check_positive("inlet_temperature", inlet_temperature, "K")
    t2 = check_positive("outlet_temperature", outlet_temperature, "K")
    cp = check_positive("specific_heat", specific_heat, "J/(kg K)")
    return np.asarray(m) * np.asarray(cp) * (np.asarray(t2) - np.asarray(t1))
