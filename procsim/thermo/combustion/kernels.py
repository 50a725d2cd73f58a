r"""Combustion kernels: stoichiometry, excess air from flue-gas analysis, flue-gas enthalpy losses.

All kernels are ``@njit(cache=True)`` on float64 scalars and arrays in SI units. A fuel is
reduced to one float64 vector (its elements per kilogram, see ``F_*``), combustion air to
another (``A_*``); the products are the seven species of ``PRODUCTS`` and their NASA-7
coefficient rows are passed in as a (7, 17) array taken from :mod:`procsim.thermo.gas`.

Complete combustion per kilogram of fuel at excess-air fraction :math:`e`
(all amounts in mol/kg fuel; :math:`x_k` dry-air mole fractions, :math:`\omega` mol water per
mol dry air):

.. math::
    O_{st} = n_C + n_H/4 + n_S - n_O/2, \qquad A = (1+e)\,O_{st}/x_{O_2}

    CO_2 = n_C + A x_{CO_2},\; H_2O = n_H/2 + n_W + A\omega,\; SO_2 = n_S,\;
    N_2 = n_N/2 + A x_{N_2},\; Ar = n_{Ar} + A x_{Ar},\; O_2 = e\,O_{st}

Every flue-gas amount is linear in :math:`e`, so a measured mole fraction
:math:`y = (p_0 + e p_1)/(q_0 + e q_1)` inverts in closed form:
:math:`e = (y q_0 - p_0)/(p_1 - y q_1)`.

References
----------
J. B. Heywood, Internal Combustion Engine Fundamentals, McGraw-Hill, 1988, sec. 3.3.
ASME PTC 4-2008, Fired Steam Generators, sec. 5 (stoichiometry, losses, 77 F reference).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from procsim.jitopts import SCALAR_KERNEL
from procsim.parallel import GROUP, first_flagged, group_count
from procsim.thermo.gas import h_molar

# Integer codes passed to another kernel are wrapped in _I (np.int64): numba compiles a
# callee once per distinct literal int argument otherwise (a code written as a constant).
_I = np.int64

# fuel vector layout [mol/kg fuel unless noted]
F_C, F_H, F_O, F_N, F_S, F_AR, F_W, F_HHV, F_LHV = 0, 1, 2, 3, 4, 5, 6, 7, 8
FUEL_VECTOR_SIZE = 9
# combustion-air vector layout: dry mole fractions, then humidity [mol H2O / mol dry air]
A_O2, A_N2, A_AR, A_CO2, A_HUM = 0, 1, 2, 3, 4
AIR_VECTOR_SIZE = 5
#: product species, in the order of every products array
PRODUCTS = ("CO2", "H2O", "SO2", "N2", "AR", "O2", "CO")
P_CO2, P_H2O, P_SO2, P_N2, P_AR, P_O2, P_CO = 0, 1, 2, 3, 4, 5, 6
N_PRODUCTS = 7
#: analyser basis codes (one mapping: BASES in fuel.py)
BASIS_DRY, BASIS_WET = 0, 1
#: heating-value basis codes
HV_HHV, HV_LHV = 0, 1
#: reference temperature of heating values and of the loss method [K]: 25 C = 77 F
#: (ASME PTC 4-2008 sec. 5-3; ISO 1928:2020 and ISO 6976:2016 reference 25 C)
T_REFERENCE = 298.15

# heat-loss term indices (heat_loss_terms)
L_DRY_GAS, L_H2_MOISTURE, L_FUEL_MOISTURE, L_AIR_MOISTURE, L_CO, C_AIR = 0, 1, 2, 3, 4, 5
N_LOSS_TERMS = 6


@njit(**SCALAR_KERNEL)
def stoichiometric_o2(fv):
    """Oxygen for complete combustion [mol O2 / kg fuel]: n_C + n_H/4 + n_S - n_O/2."""
    return fv[F_C] + 0.25 * fv[F_H] + fv[F_S] - 0.5 * fv[F_O]


@njit(**SCALAR_KERNEL)
def products(fv, air, excess_air, co_dry, out):
    """Flue-gas amounts [mol/kg fuel] at ``excess_air`` (fraction) into ``out`` (length 7).

    ``co_dry`` is a CO mole fraction in the dry flue gas (unburned loss); that CO is taken
    from the CO2 and the O2 it did not consume stays in the gas:
    :math:`n_{CO} = y_{CO} D / (1 - y_{CO}/2)` with D the dry amount at complete combustion.
    Returns the dry-air amount [mol/kg fuel], or NaN (out NaN) if the fuel needs no oxygen,
    e < 0, or the CO exceeds the carbon.
    """
    o2st = stoichiometric_o2(fv)
    if not (o2st > 0.0 and excess_air >= 0.0 and co_dry >= 0.0 and co_dry < 1.0):
        for k in range(N_PRODUCTS):
            out[k] = math.nan
        return math.nan
    dry_air = (1.0 + excess_air) * o2st / air[A_O2]
    out[P_CO2] = fv[F_C] + dry_air * air[A_CO2]
    out[P_H2O] = 0.5 * fv[F_H] + fv[F_W] + dry_air * air[A_HUM]
    out[P_SO2] = fv[F_S]
    out[P_N2] = 0.5 * fv[F_N] + dry_air * air[A_N2]
    out[P_AR] = fv[F_AR] + dry_air * air[A_AR]
    out[P_O2] = excess_air * o2st
    out[P_CO] = 0.0
    if co_dry > 0.0:
        dry = out[P_CO2] + out[P_SO2] + out[P_N2] + out[P_AR] + out[P_O2]
        n_co = co_dry * dry / (1.0 - 0.5 * co_dry)
        if n_co > fv[F_C]:
            for k in range(N_PRODUCTS):
                out[k] = math.nan
            return math.nan
        out[P_CO] = n_co
        out[P_CO2] -= n_co
        out[P_O2] += 0.5 * n_co
    return dry_air


@njit(**SCALAR_KERNEL)
def _dry_total(p):
    return p[P_CO2] + p[P_SO2] + p[P_N2] + p[P_AR] + p[P_O2] + p[P_CO]


@njit(cache=True)
def _linear_coefficients(fv, air, species, basis):
    """(p0, p1, q0, q1) with n_species = p0 + e p1 and total = q0 + e q1 (dry or wet)."""
    a = np.empty(N_PRODUCTS)
    b = np.empty(N_PRODUCTS)
    products(fv, air, 0.0, 0.0, a)
    products(fv, air, 1.0, 0.0, b)
    q0 = _dry_total(a)
    q1 = _dry_total(b) - q0
    if basis == BASIS_WET:
        q0 += a[P_H2O]
        q1 += b[P_H2O] - a[P_H2O]
    p0 = a[species]
    p1 = b[species] - p0
    return p0, p1, q0, q1


@njit(cache=True)
def excess_air_from_o2(fv, air, o2, basis):
    """Excess-air fraction [-] from the flue-gas O2 mole fraction on ``basis`` (dry/wet code).

    NaN when o2 < 0 or o2 is at or above the O2 fraction the flue gas tends to with infinite
    excess air (the air's own O2 fraction on that basis).
    """
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), basis)
    limit = p1 / q1
    if not (o2 >= 0.0 and o2 < limit):
        return math.nan
    return (o2 * q0 - p0) / (p1 - o2 * q1)


@njit(cache=True)
def excess_air_from_co2(fv, air, co2, basis):
    """Excess-air fraction [-] from the flue-gas CO2 mole fraction on ``basis``.

    Valid between the air's own CO2 level (infinite excess air) and the stoichiometric
    maximum (e = 0); NaN outside.
    """
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_CO2), basis)
    co2_max = p0 / q0
    co2_min = p1 / q1
    if not (co2 <= co2_max and co2 > co2_min):
        return math.nan
    return (co2 * q0 - p0) / (p1 - co2 * q1)


@njit(cache=True)
def o2_fraction(fv, air, excess_air, basis):
    """Flue-gas O2 mole fraction on ``basis`` at ``excess_air`` (inverse of excess_air_from_o2)."""
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), basis)
    return (p0 + excess_air * p1) / (q0 + excess_air * q1)


@njit(**SCALAR_KERNEL)
def _sensible(rows, n, t_hot, t_cold):
    s = 0.0
    for k in range(N_PRODUCTS):
        if n[k] != 0.0:
            s += n[k] * (h_molar(t_hot, rows[k]) - h_molar(t_cold, rows[k]))
    return s


@njit(**SCALAR_KERNEL)
def _air_sensible(rows, air, dry_air, t_hot, t_cold):
    """Sensible heat of the combustion air (humidity included) between two temperatures [J/kg fuel]."""
    if t_hot == t_cold:
        return 0.0
    s = dry_air * (air[A_O2] * (h_molar(t_hot, rows[P_O2]) - h_molar(t_cold, rows[P_O2]))
                   + air[A_N2] * (h_molar(t_hot, rows[P_N2]) - h_molar(t_cold, rows[P_N2]))
                   + air[A_AR] * (h_molar(t_hot, rows[P_AR]) - h_molar(t_cold, rows[P_AR]))
                   + air[A_CO2] * (h_molar(t_hot, rows[P_CO2]) - h_molar(t_cold, rows[P_CO2])))
    return s + dry_air * air[A_HUM] * (h_molar(t_hot, rows[P_H2O]) - h_molar(t_cold, rows[P_H2O]))


@njit(cache=True)
def flue_loss(fv, air, excess_air, flue_temperature, air_temperature, ambient_temperature,
              hv_basis, rows):
    r"""Net flue-gas loss [-] of a heating value: flue enthalpy above ambient less the air's preheat.

    .. math::
        L = \frac{\sum_i n_i [h_i(T_f) - h_i(T_0)] - A\sum_k x_k [h_k(T_a) - h_k(T_0)]
             + \delta_{HHV}(HHV - LHV)}{HV}

    :math:`T_0` is the ambient (fuel and reference) temperature, :math:`T_a` the
    combustion-air temperature, A the air amount [mol/kg fuel] with its composition
    :math:`x_k` (any O2 fraction: oxygen-enriched air is an ``air`` vector with more O2).
    Available heat = 1 - L (North American Combustion Handbook, 3rd ed., 1986, vol. I,
    sec. 3.4 "available heat"; US DOE AMO Process Heating Tip Sheet #1, 2005, and the
    PHAST/MEASUR flue-gas loss, which credit preheated air with its own sensible heat).
    The preheated air is credited with the air's sensible heat only: counting the loss
    from the air temperature instead (:math:`\sum n_i[h_i(T_f) - h_i(T_a)]`) credits the
    whole product stream, whose heat capacity exceeds the air's (CO2 and H2O from the
    fuel), and overstates available heat by 2-3.5 points at 400-600 C air.
    Returns NaN for invalid inputs.
    """
    return _flue_loss(fv, air, excess_air, flue_temperature, air_temperature, ambient_temperature,
                      hv_basis, rows, np.empty(N_PRODUCTS))


@njit(**SCALAR_KERNEL)
def _flue_loss(fv, air, excess_air, flue_temperature, air_temperature, ambient_temperature,
               hv_basis, rows, n):
    """:func:`flue_loss` with the product amounts' scratch ``n`` (length 7) from the caller.

    The array loops allocate it once per batch instead of once per point (an allocation and
    a free per point cost more than the arithmetic; benchmarks/bench_combustion.py).
    """
    if not (flue_temperature > 0.0 and air_temperature > 0.0 and ambient_temperature > 0.0):
        return math.nan
    dry_air = products(fv, air, excess_air, 0.0, n)
    if math.isnan(dry_air):
        return math.nan
    loss = (_sensible(rows, n, flue_temperature, ambient_temperature)
            - _air_sensible(rows, air, dry_air, air_temperature, ambient_temperature))
    if hv_basis == HV_HHV:
        return (loss + (fv[F_HHV] - fv[F_LHV])) / fv[F_HHV]
    return loss / fv[F_LHV]


#: Combustion air up to this temperature [K] (50 C) is taken as ambient (boiler-house air);
#: hotter air as preheated above the 25 C reference. A convention of this module: the
#: combustion-efficiency tables (DOE Steam Tip Sheet #4; Siegert) count losses from the
#: air temperature for unheated air, PHAST credits preheated air with its sensible heat.
AMBIENT_AIR_LIMIT = 323.15


@njit(**SCALAR_KERNEL)
def _loss_reference(air_temperature):
    return air_temperature if air_temperature <= AMBIENT_AIR_LIMIT else T_REFERENCE


@njit(cache=True)
def stack_loss(fv, air, excess_air, stack_temperature, air_temperature, hv_basis, rows):
    r"""Flue-gas (stack) loss as a fraction of the fuel's heating value [-].

    :func:`flue_loss` with the ambient at the air temperature for air up to 50 C
    (:data:`AMBIENT_AIR_LIMIT`), and at 25 C (ASME PTC 4-2008 sec. 5-3 reference) for
    preheated air:

    .. math::
        L_{LHV} = \frac{\sum_i n_i [h_i(T_s) - h_i(T_0)] - A\sum_k x_k[h_k(T_a) - h_k(T_0)]}{LHV}

    and on HHV the latent heat of the fuel water (HHV - LHV) is added. For unheated air
    this is the combustion-efficiency convention of the US DOE Steam Tip Sheet #4 (2012)
    and the Siegert formula (1. BImSchV 2010, Anlage 2). Returns NaN for invalid inputs.
    """
    return flue_loss(fv, air, excess_air, stack_temperature, air_temperature,
                     _loss_reference(air_temperature), hv_basis, rows)


@njit(**SCALAR_KERNEL)
def _stack_loss_range(lo, hi, fv, air, p0, p1, q0, q1, o2_dry, stack_temperature, air_temperature,
                      hv_basis, rows, out, n):
    """Points ``lo:hi`` of :func:`stack_loss_array` (``n``: scratch of N_PRODUCTS)."""
    limit = p1 / q1
    bad = -1
    for i in range(lo, hi):
        o2 = o2_dry[i]
        ts = stack_temperature[i]
        ta = air_temperature[i]
        if not (o2 >= 0.0 and o2 < limit and ts > 0.0 and ta > 0.0):
            out[i] = math.nan
            if bad < 0:
                bad = i
            continue
        e = (o2 * q0 - p0) / (p1 - o2 * q1)
        out[i] = _flue_loss(fv, air, e, ts, ta, _loss_reference(ta), hv_basis, rows, n)
    return bad


@njit(cache=True)
def stack_loss_array(fv, air, o2_dry, stack_temperature, air_temperature, hv_basis, rows, out):
    """Stack loss [-] for arrays of dry O2 [-], stack and air temperature [K] (equal length).

    Excess air from the dry O2 as in excess_air_from_o2 (its linear coefficients computed
    once for the batch). Returns -1, or the index of the first element that could not be
    computed (O2 outside [0, air O2), T <= 0); NaN there.
    """
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), _I(BASIS_DRY))
    return _stack_loss_range(0, o2_dry.size, fv, air, p0, p1, q0, q1, o2_dry, stack_temperature,
                             air_temperature, hv_basis, rows, out, np.empty(N_PRODUCTS))


@njit(cache=True, nogil=True, parallel=True)
def stack_loss_array_parallel(fv, air, o2_dry, stack_temperature, air_temperature, hv_basis, rows, out):
    """:func:`stack_loss_array` on numba's threads (groups of ``procsim.parallel.GROUP``
    points, the same per-point code: the same numbers and first bad index)."""
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), _I(BASIS_DRY))
    size = o2_dry.size
    bad = np.empty(group_count(size), dtype=np.int64)
    for g in prange(bad.size):
        lo = g * GROUP
        bad[g] = _stack_loss_range(lo, min(lo + GROUP, size), fv, air, p0, p1, q0, q1, o2_dry,
                                   stack_temperature, air_temperature, hv_basis, rows, out,
                                   np.empty(N_PRODUCTS))
    return first_flagged(bad)


@njit(**SCALAR_KERNEL)
def _available_heat_range(lo, hi, fv, air, p0, p1, q0, q1, o2_dry, flue_temperature, air_temperature,
                          ambient_temperature, hv_basis, rows, out, n):
    """Points ``lo:hi`` of :func:`available_heat_array` (``n``: scratch of N_PRODUCTS)."""
    limit = p1 / q1
    bad = -1
    for i in range(lo, hi):
        o2 = o2_dry[i]
        if not (o2 >= 0.0 and o2 < limit):
            out[i] = math.nan
        else:
            e = (o2 * q0 - p0) / (p1 - o2 * q1)
            out[i] = 1.0 - _flue_loss(fv, air, e, flue_temperature[i], air_temperature[i],
                                      ambient_temperature[i], hv_basis, rows, n)
        if math.isnan(out[i]) and bad < 0:
            bad = i
    return bad


@njit(cache=True)
def available_heat_array(fv, air, o2_dry, flue_temperature, air_temperature,
                         ambient_temperature, hv_basis, rows, out):
    """Available heat 1 - flue_loss [-] for arrays (equal length), excess air from dry O2.

    Returns -1 or the index of the first element that could not be computed (NaN there).
    """
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), _I(BASIS_DRY))
    return _available_heat_range(0, o2_dry.size, fv, air, p0, p1, q0, q1, o2_dry, flue_temperature,
                                 air_temperature, ambient_temperature, hv_basis, rows, out,
                                 np.empty(N_PRODUCTS))


@njit(cache=True, nogil=True, parallel=True)
def available_heat_array_parallel(fv, air, o2_dry, flue_temperature, air_temperature,
                                  ambient_temperature, hv_basis, rows, out):
    """:func:`available_heat_array` on numba's threads (same numbers, same first bad index)."""
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), _I(BASIS_DRY))
    size = o2_dry.size
    bad = np.empty(group_count(size), dtype=np.int64)
    for g in prange(bad.size):
        lo = g * GROUP
        bad[g] = _available_heat_range(lo, min(lo + GROUP, size), fv, air, p0, p1, q0, q1, o2_dry,
                                       flue_temperature, air_temperature, ambient_temperature,
                                       hv_basis, rows, out, np.empty(N_PRODUCTS))
    return first_flagged(bad)


@njit(cache=True)
def excess_air_array(fv, air, fraction, species_code, basis, out):
    """Excess air [-] for an array of O2 (species_code 0) or CO2 (1) mole fractions.

    Returns -1 or the index of the first fraction outside its valid range (NaN there).
    """
    bad = -1
    for i in range(fraction.size):
        if species_code == 0:
            out[i] = excess_air_from_o2(fv, air, fraction[i], basis)
        else:
            out[i] = excess_air_from_co2(fv, air, fraction[i], basis)
        if math.isnan(out[i]) and bad < 0:
            bad = i
    return bad


@njit(cache=True)
def heat_loss_terms(fv, air, excess_air, co_dry, stack_temperature, air_temperature, rows, out):
    r"""Heat-loss method terms per kilogram of fuel [J/kg], reference 25 C (ASME PTC 4 sec. 5-14).

    out[0] dry flue gas :math:`\sum_{dry} n_i [h_i(T_s) - h_i(T_{ref})]` (CO included);
    out[1] water from hydrogen, sensible + latent; out[2] fuel moisture, sensible + latent;
    out[3] moisture in the air, sensible; out[4] unburned CO,
    :math:`n_{CO}[h_{CO} + h_{O_2}/2 - h_{CO_2}]_{T_{ref}}`; out[5] the credit of the entering
    air, :math:`A\sum_k x_k [h_k(T_a) - h_k(T_{ref})]` (humidity included).

    With the fuel entering at T_ref these terms are an exact energy balance:
    useful heat = HHV - (out[0] + ... + out[4]) + out[5]. The latent heat per mol of fuel
    water is (HHV - LHV) / (n_H/2 + n_W), i.e. the one used to define the fuel's LHV.
    Returns the flue-gas amount [mol/kg fuel], or NaN on invalid input.
    """
    return _heat_loss_terms(fv, air, excess_air, co_dry, stack_temperature, air_temperature, rows, out,
                            np.empty(N_PRODUCTS))


@njit(**SCALAR_KERNEL)
def _heat_loss_terms(fv, air, excess_air, co_dry, stack_temperature, air_temperature, rows, out, n):
    """:func:`heat_loss_terms` with the product amounts' scratch ``n`` from the caller."""
    dry_air = products(fv, air, excess_air, co_dry, n)
    if math.isnan(excess_air) or math.isnan(dry_air) or not (stack_temperature > 0.0 and air_temperature > 0.0):
        for k in range(N_LOSS_TERMS):
            out[k] = math.nan
        return math.nan
    ts, ta, tr = stack_temperature, air_temperature, T_REFERENCE
    dry = 0.0
    for k in (P_CO2, P_SO2, P_N2, P_AR, P_O2, P_CO):
        if n[k] != 0.0:
            dry += n[k] * (h_molar(ts, rows[k]) - h_molar(tr, rows[k]))
    dh_w = h_molar(ts, rows[P_H2O]) - h_molar(tr, rows[P_H2O])
    n_h2 = 0.5 * fv[F_H]
    n_fw = fv[F_W]
    latent = 0.0
    if n_h2 + n_fw > 0.0:
        latent = (fv[F_HHV] - fv[F_LHV]) / (n_h2 + n_fw)
    out[L_DRY_GAS] = dry
    out[L_H2_MOISTURE] = n_h2 * (dh_w + latent)
    out[L_FUEL_MOISTURE] = n_fw * (dh_w + latent)
    n_hum = dry_air * air[A_HUM]
    out[L_AIR_MOISTURE] = n_hum * dh_w
    out[L_CO] = n[P_CO] * (h_molar(tr, rows[P_CO]) + 0.5 * h_molar(tr, rows[P_O2])
                           - h_molar(tr, rows[P_CO2]))
    credit = dry_air * (air[A_O2] * (h_molar(ta, rows[P_O2]) - h_molar(tr, rows[P_O2]))
                        + air[A_N2] * (h_molar(ta, rows[P_N2]) - h_molar(tr, rows[P_N2]))
                        + air[A_AR] * (h_molar(ta, rows[P_AR]) - h_molar(tr, rows[P_AR]))
                        + air[A_CO2] * (h_molar(ta, rows[P_CO2]) - h_molar(tr, rows[P_CO2])))
    credit += n_hum * (h_molar(ta, rows[P_H2O]) - h_molar(tr, rows[P_H2O]))
    out[C_AIR] = credit
    total = 0.0
    for k in range(N_PRODUCTS):
        total += n[k]
    return total


@njit(**SCALAR_KERNEL)
def absolute_enthalpy(rows, n, T):
    """Absolute enthalpy of a set of products [J/kg fuel]: sum n_i h_i(T) (formation included)."""
    s = 0.0
    for k in range(N_PRODUCTS):
        if n[k] != 0.0:
            s += n[k] * h_molar(T, rows[k])
    return s


@njit(**SCALAR_KERNEL)
def _hhv_efficiency_range(lo, hi, fv, air, p0, p1, q0, q1, o2_dry, co_dry, stack_temperature,
                          air_temperature, radiation_fraction, other_fraction, rows, out, terms, n):
    """Points ``lo:hi`` of :func:`hhv_efficiency_array` (``terms``, ``n``: scratch)."""
    bad = -1
    for i in range(lo, hi):
        o2 = o2_dry[i]
        e = (o2 * q0 - p0) / (p1 - o2 * q1) if (o2 >= 0.0 and o2 < p1 / q1) else math.nan
        _heat_loss_terms(fv, air, e, co_dry[i], stack_temperature[i], air_temperature[i], rows, terms, n)
        loss = terms[0] + terms[1] + terms[2] + terms[3] + terms[4] - terms[5]
        out[i] = 1.0 - loss / fv[F_HHV] - radiation_fraction[i] - other_fraction[i]
        if math.isnan(out[i]) and bad < 0:
            bad = i
    return bad


@njit(cache=True)
def hhv_efficiency_array(fv, air, o2_dry, co_dry, stack_temperature, air_temperature,
                         radiation_fraction, other_fraction, rows, out):
    """Boiler efficiency on HHV [-] by the heat-loss method for arrays (equal length).

    efficiency = 1 - (sum of flue-gas losses - air credit) / HHV - radiation - other, with the
    flue-gas terms of heat_loss_terms. Returns -1 or the index of the first element that
    could not be computed (NaN there).
    """
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), _I(BASIS_DRY))
    return _hhv_efficiency_range(0, o2_dry.size, fv, air, p0, p1, q0, q1, o2_dry, co_dry,
                                 stack_temperature, air_temperature, radiation_fraction,
                                 other_fraction, rows, out, np.empty(N_LOSS_TERMS), np.empty(N_PRODUCTS))


@njit(cache=True, nogil=True, parallel=True)
def hhv_efficiency_array_parallel(fv, air, o2_dry, co_dry, stack_temperature, air_temperature,
                                  radiation_fraction, other_fraction, rows, out):
    """:func:`hhv_efficiency_array` on numba's threads (same numbers, same first bad index)."""
    p0, p1, q0, q1 = _linear_coefficients(fv, air, _I(P_O2), _I(BASIS_DRY))
    size = o2_dry.size
    bad = np.empty(group_count(size), dtype=np.int64)
    for g in prange(bad.size):
        lo = g * GROUP
        bad[g] = _hhv_efficiency_range(lo, min(lo + GROUP, size), fv, air, p0, p1, q0, q1, o2_dry,
                                       co_dry, stack_temperature, air_temperature, radiation_fraction,
                                       other_fraction, rows, out, np.empty(N_LOSS_TERMS),
                                       np.empty(N_PRODUCTS))
    return first_flagged(bad)


#: Heating value of carbon burned to CO2 [J/kg]: 14,500 Btu/lb (ASME PTC 4-2008 sec. 5-14.2.1
#: unburned-carbon loss, HHV of carbon) = 33.727 MJ/kg.
HV_CARBON = 14500.0 * 2326.0


@njit(**SCALAR_KERNEL)
def unburned_carbon_loss(ash_fraction, carbon_in_ash, hhv):
    r"""Loss from carbon left in the ash [-] of the fuel's HHV (ASME PTC 4-2008 sec. 5-14.2.1).

    .. math:: L_{UC} = \frac{a\,c/(1-c)\;HV_C}{HHV}

    ash_fraction a: ash per kg fuel [-]; carbon_in_ash c: unburned carbon per kg of
    refuse (ash + carbon) [-], in [0, 1); hhv [J/kg]. Returns NaN outside the ranges.
    """
    if not (0.0 <= ash_fraction < 1.0 and 0.0 <= carbon_in_ash < 1.0 and hhv > 0.0):
        return math.nan
    return ash_fraction * carbon_in_ash / (1.0 - carbon_in_ash) * HV_CARBON / hhv
