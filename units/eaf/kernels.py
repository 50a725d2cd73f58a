r"""Numba kernels of the EAF heat balance (one heat, tap to tap) and its batch loop.

The balance is written in absolute (formation-inclusive) enthalpies at 298.15 K reference,
so every reaction heat is carried by the species enthalpies:

.. math::
    E_{el} = H_{steel}(T_{tap}) + H_{slag}(T_{slag}) + H_{gas}(T_{gas})
             + Q_{cooling} + Q_{radiation} + Q_{other}
             - \sum_{inputs} H_i(T_i)

Electricity is the balancing term. The same heat is then recounted as a Sankey balance
(electricity + heat of reaction at 298.15 K + sensible heat of the inputs = sensible heat of
steel, slag and off-gas + losses); the difference of the two countings is reported as the
energy residual.

Mass and element balances (Fe, C, Si, Mn, O, H, N, Ar):

* Si is oxidised completely to SiO2; a fraction ``mn_to_steel`` of Mn stays in the steel,
  the rest goes to MnO; CaO, MgO, Al2O3 report to the slag unchanged.
* The slag's FeO mass fraction is specified; the FeO it needs beyond the FeO charged
  (DRI/HBI) comes from oxidising Fe, a surplus is reduced back to Fe.
* Steel carbon is specified; the rest of the carbon (charge, injection, electrodes, burner
  gas) leaves as CO/CO2.
* The furnace gas has no free O2 while CO is present; its C-H-O split is fixed by the
  element balances plus water-gas-shift equilibrium CO + H2O = CO2 + H2 at the off-gas
  temperature (K from the NASA-7 Gibbs energies of procsim.thermo.gas). With oxygen to
  spare everything is burnt and the surplus leaves as O2.

References
----------
M. Kirschen, K. Badr, H. Pfeifer, "Influence of direct reduced iron on the energy balance
of the electric arc furnace in steel industry", Energy 36 (2011) 6146-6155 (structure of a
closed EAF mass and energy balance).
M. W. Chase, NIST-JANAF Thermochemical Tables, 4th ed., 1998 (via the NASA fits).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from procsim.thermo.gas import GAS_CONSTANT, h_molar, s0_molar
from units.eaf.condensed import h_condensed, h_condensed_mixture

# Integer codes passed to another kernel are wrapped in _I (np.int64): numba compiles a
# callee once per distinct literal int argument otherwise (a code written as a constant).
_I = np.int64

# condensed components (order of units.eaf.condensed.COMPONENTS)
FE, C, SI, MN, FEO, SIO2, CAO, MGO, AL2O3, MNO = range(10)
STABLE = 0
LIQUID = 1
#: reference temperature of the enthalpies of formation [K]: 298.15 K, the standard
#: temperature of the NASA-7 and JANAF tables (IUPAC standard state)
T_REF = 298.15

# gas product slots in the `gas_index` argument
G_N2, G_O2, G_AR, G_CO2, G_H2O, G_CO, G_H2 = range(7)
# element columns of the `gas_elements` argument
E_C, E_H, E_O, E_N, E_AR = range(5)

# parameter slots
P_T_TAP, P_W_C_STEEL, P_MN_TO_STEEL, P_W_FEO_SLAG, P_T_SLAG, P_T_GAS, P_Q_LOSSES, P_T_GAS_IN = range(8)
N_PARAMS = 8

# output slots
(O_ELECTRICITY, O_STEEL_MASS, O_SLAG_MASS, O_GAS_MASS, O_MASS_IN, O_H_IN, O_H_STEEL, O_H_SLAG,
 O_H_GAS, O_Q_CHEM, O_GAS_CHEMICAL, O_S_IN, O_S_STEEL, O_S_SLAG, O_S_GAS, O_Q_FE, O_Q_SI, O_Q_MN,
 O_Q_CH, O_RESID_ENERGY, O_RESID_MASS, O_TOTAL_INPUT, O_K_WGS, O_FE_OXIDISED, O_GAS_MOLES) = range(25)
N_OUT = 25

# status codes (kernel returns -1 when the heat is valid)
OK = -1
ST_IRON = 1         # slag FeO demand exceeds the metallic iron charged
ST_CARBON = 2       # charge carbon below the steel's carbon
ST_OXYGEN = 3       # not enough oxygen to gasify the carbon to CO
ST_ENERGY = 4       # electricity <= 0: inputs exceed all demands
ST_INPUT = 5        # NaN/negative input amounts or non-positive temperatures


@njit(cache=True)
def wgs_constant(T, coeffs, gas_index):
    r"""Equilibrium constant of CO + H2O = CO2 + H2 [-] at T [K].

    :math:`K = \exp(-\Delta G^\circ / RT)`, :math:`\Delta G^\circ = \Delta H^\circ - T\Delta S^\circ`
    from the NASA-7 polynomials (pressure-independent: no change in moles).
    """
    dh = (h_molar(T, coeffs[gas_index[G_CO2]]) + h_molar(T, coeffs[gas_index[G_H2]])
          - h_molar(T, coeffs[gas_index[G_CO]]) - h_molar(T, coeffs[gas_index[G_H2O]]))
    ds = (s0_molar(T, coeffs[gas_index[G_CO2]]) + s0_molar(T, coeffs[gas_index[G_H2]])
          - s0_molar(T, coeffs[gas_index[G_CO]]) - s0_molar(T, coeffs[gas_index[G_H2O]]))
    return math.exp(-(dh - T * ds) / (GAS_CONSTANT * T))


@njit(cache=True)
def _wgs_split(n_c, n_h2, n_o, k):
    """Moles of CO2 for C/H/O totals in WGS equilibrium (bisection on a monotone residual)."""
    lo = max(0.0, n_o - n_c - n_h2)
    hi = min(n_c, n_o - n_c)
    if not (hi > lo):
        return lo
    for _ in range(200):
        a = 0.5 * (lo + hi)
        h2o = n_o - n_c - a
        f = a * (n_h2 - h2o) - k * (n_c - a) * h2o
        if f > 0.0:
            hi = a
        else:
            lo = a
        if hi - lo <= 1e-15 * hi:
            break
    return 0.5 * (lo + hi)


@njit(cache=True)
def heat_balance(mat_moles, mat_T, mat_mode, gas_in, params, gas_elements, gas_index,
                 coeffs, gas_molar, comp_seg, seg, comp_molar, out, steel, slag, offgas):
    """Mass and energy balance of one heat; fills ``out``, ``steel``, ``slag``, ``offgas``.

    Parameters
    ----------
    mat_moles : (n_mat, n_comp) moles of each condensed component per charged material [mol]
    mat_T : (n_mat,) charge temperatures [K];  mat_mode : (n_mat,) int phase mode (0/1)
    gas_in : (n_gas,) moles of each gas species blown or leaking into the furnace [mol]
    params : see the ``P_*`` slots: tap T [K], steel C [-], Mn to steel [-], slag FeO [-],
        slag T [K], off-gas T [K], losses [J], gas inlet T [K]
    gas_elements : (n_gas, 5) atoms of C, H, O, N, Ar per species
    gas_index : int array of the rows of N2, O2, AR, CO2, H2O, CO, H2
    coeffs, gas_molar : gas NASA-7 table and molar masses (procsim.thermo.gas)
    comp_seg, seg, comp_molar : condensed tables (units.eaf.condensed)

    Returns
    -------
    int : -1 (OK) or a ``ST_*`` code; outputs are NaN for ST_INPUT/ST_IRON/ST_CARBON/ST_OXYGEN.
    """
    n_comp = comp_molar.size
    n_gas = gas_molar.size
    for i in range(out.size):
        out[i] = math.nan
    for c in range(n_comp):
        steel[c] = 0.0
        slag[c] = 0.0
    for j in range(n_gas):
        offgas[j] = 0.0
    for i in range(params.size):
        if not math.isfinite(params[i]):
            return ST_INPUT
    if not (params[P_T_TAP] > 0.0 and params[P_T_SLAG] > 0.0 and params[P_T_GAS] > 0.0
            and params[P_T_GAS_IN] > 0.0):
        return ST_INPUT
    tot = np.zeros(n_comp)
    h_in = 0.0
    s_in = 0.0
    q_ref_in = 0.0
    mass_in = 0.0
    for m in range(mat_moles.shape[0]):
        if not mat_T[m] > 0.0:
            return ST_INPUT
        for c in range(n_comp):
            n = mat_moles[m, c]
            if not n >= 0.0:
                return ST_INPUT
            if n == 0.0:
                continue
            tot[c] += n
            h = h_condensed(mat_T[m], c, mat_mode[m], comp_seg, seg)
            h0 = h_condensed(T_REF, c, _I(STABLE), comp_seg, seg)
            h_in += n * h
            s_in += n * (h - h0)
            q_ref_in += n * h0
            mass_in += n * comp_molar[c]
    el = np.zeros(5)
    t_gas_in = params[P_T_GAS_IN]
    for j in range(n_gas):
        n = gas_in[j]
        if not n >= 0.0:
            return ST_INPUT
        if n == 0.0:
            continue
        h = h_molar(t_gas_in, coeffs[j])
        h0 = h_molar(T_REF, coeffs[j])
        h_in += n * h
        s_in += n * (h - h0)
        q_ref_in += n * h0
        mass_in += n * gas_molar[j]
        for e in range(5):
            el[e] += n * gas_elements[j, e]

    # slag
    mn_steel = params[P_MN_TO_STEEL]
    w_feo = params[P_W_FEO_SLAG]
    slag[SIO2] = tot[SIO2] + tot[SI]
    slag[CAO] = tot[CAO]
    slag[MGO] = tot[MGO]
    slag[AL2O3] = tot[AL2O3]
    slag[MNO] = tot[MNO] + (1.0 - mn_steel) * tot[MN]
    m_other = 0.0
    for c in range(n_comp):
        m_other += slag[c] * comp_molar[c]
    slag[FEO] = w_feo / (1.0 - w_feo) * m_other / comp_molar[FEO]
    fe_ox = slag[FEO] - tot[FEO]  # mol Fe oxidised (< 0: FeO reduced)

    # steel
    steel[FE] = tot[FE] - fe_ox
    steel[MN] = mn_steel * tot[MN]
    if not steel[FE] > 0.0:
        for c in range(n_comp):
            steel[c] = slag[c] = math.nan
        return ST_IRON
    m_metal = steel[FE] * comp_molar[FE] + steel[MN] * comp_molar[MN]
    w_c = params[P_W_C_STEEL]
    steel[C] = w_c / (1.0 - w_c) * m_metal / comp_molar[C]
    if not tot[C] >= steel[C]:
        for c in range(n_comp):
            steel[c] = slag[c] = math.nan
        return ST_CARBON

    # off-gas from the element balances
    n_c = el[E_C] + tot[C] - steel[C]
    n_h2 = 0.5 * el[E_H]
    n_o = el[E_O] - 2.0 * tot[SI] - (1.0 - mn_steel) * tot[MN] - fe_ox
    t_gas = params[P_T_GAS]
    k = wgs_constant(t_gas, coeffs, gas_index)
    if n_o < n_c * (1.0 - 1e-12):
        for c in range(n_comp):
            steel[c] = slag[c] = math.nan
        return ST_OXYGEN
    if n_o >= 2.0 * n_c + n_h2:
        co2 = n_c
        h2o = n_h2
        o2 = 0.5 * (n_o - 2.0 * n_c - n_h2)
    else:
        co2 = _wgs_split(n_c, n_h2, n_o, k)
        h2o = max(n_o - n_c - co2, 0.0)
        o2 = 0.0
    offgas[gas_index[G_CO2]] = co2
    offgas[gas_index[G_CO]] = n_c - co2
    offgas[gas_index[G_H2O]] = h2o
    offgas[gas_index[G_H2]] = n_h2 - h2o
    offgas[gas_index[G_O2]] = o2
    offgas[gas_index[G_N2]] = 0.5 * el[E_N]
    offgas[gas_index[G_AR]] = el[E_AR]

    # enthalpies of the products
    t_tap = params[P_T_TAP]
    t_slag = params[P_T_SLAG]
    h_steel = h_condensed_mixture(t_tap, steel, _I(LIQUID), comp_seg, seg)
    h_slag = h_condensed_mixture(t_slag, slag, _I(STABLE), comp_seg, seg)
    h_gas = 0.0
    q_ref_out = 0.0
    s_steel = 0.0
    s_slag = 0.0
    s_gas = 0.0
    mass_out = 0.0
    n_gas_out = 0.0
    for c in range(n_comp):
        h0 = h_condensed(T_REF, c, _I(STABLE), comp_seg, seg)
        q_ref_out += (steel[c] + slag[c]) * h0
        if steel[c] != 0.0:
            s_steel += steel[c] * (h_condensed(t_tap, c, _I(LIQUID), comp_seg, seg) - h0)
        if slag[c] != 0.0:
            s_slag += slag[c] * (h_condensed(t_slag, c, _I(STABLE), comp_seg, seg) - h0)
        mass_out += (steel[c] + slag[c]) * comp_molar[c]
    for j in range(n_gas):
        n = offgas[j]
        if n == 0.0:
            continue
        h = h_molar(t_gas, coeffs[j])
        h0 = h_molar(T_REF, coeffs[j])
        h_gas += n * h
        s_gas += n * (h - h0)
        q_ref_out += n * h0
        mass_out += n * gas_molar[j]
        n_gas_out += n
    q_losses = params[P_Q_LOSSES]
    electricity = h_steel + h_slag + h_gas + q_losses - h_in

    # Sankey recount (reference 298.15 K)
    q_chem = q_ref_in - q_ref_out
    h0_o2 = h_molar(T_REF, coeffs[gas_index[G_O2]])
    fe0 = h_condensed(T_REF, _I(FE), _I(STABLE), comp_seg, seg)
    q_fe = fe_ox * (fe0 + 0.5 * h0_o2 - h_condensed(T_REF, _I(FEO), _I(STABLE), comp_seg, seg))
    q_si = tot[SI] * (h_condensed(T_REF, _I(SI), _I(STABLE), comp_seg, seg) + h0_o2
                      - h_condensed(T_REF, _I(SIO2), _I(STABLE), comp_seg, seg))
    q_mn = (1.0 - mn_steel) * tot[MN] * (h_condensed(T_REF, _I(MN), _I(STABLE), comp_seg, seg) + 0.5 * h0_o2
                                         - h_condensed(T_REF, _I(MNO), _I(STABLE), comp_seg, seg))
    q_gas_chem = (offgas[gas_index[G_CO]] * (h_molar(T_REF, coeffs[gas_index[G_CO]]) + 0.5 * h0_o2
                                            - h_molar(T_REF, coeffs[gas_index[G_CO2]]))
                  + offgas[gas_index[G_H2]] * (h_molar(T_REF, coeffs[gas_index[G_H2]]) + 0.5 * h0_o2
                                              - h_molar(T_REF, coeffs[gas_index[G_H2O]])))
    total_input = electricity + q_chem + q_gas_chem + s_in
    resid = (electricity + q_chem + s_in) - (s_steel + s_slag + s_gas + q_losses)

    out[O_ELECTRICITY] = electricity
    out[O_STEEL_MASS] = m_metal + steel[C] * comp_molar[C]
    out[O_SLAG_MASS] = m_other + slag[FEO] * comp_molar[FEO]
    out[O_GAS_MASS] = mass_out - out[O_STEEL_MASS] - out[O_SLAG_MASS]
    out[O_MASS_IN] = mass_in
    out[O_H_IN] = h_in
    out[O_H_STEEL] = h_steel
    out[O_H_SLAG] = h_slag
    out[O_H_GAS] = h_gas
    out[O_Q_CHEM] = q_chem
    out[O_GAS_CHEMICAL] = q_gas_chem
    out[O_S_IN] = s_in
    out[O_S_STEEL] = s_steel
    out[O_S_SLAG] = s_slag
    out[O_S_GAS] = s_gas
    out[O_Q_FE] = q_fe
    out[O_Q_SI] = q_si
    out[O_Q_MN] = q_mn
    out[O_Q_CH] = q_chem - q_fe - q_si - q_mn
    out[O_RESID_ENERGY] = resid
    out[O_RESID_MASS] = mass_in - mass_out
    out[O_TOTAL_INPUT] = total_input
    out[O_K_WGS] = k
    out[O_FE_OXIDISED] = fe_ox
    out[O_GAS_MOLES] = n_gas_out
    if not electricity > 0.0:
        return ST_ENERGY
    return OK


@njit(cache=True)
def heat_balance_batch(mat_moles, mat_T, mat_mode, gas_in, params, gas_elements, gas_index,
                       coeffs, gas_molar, comp_seg, seg, comp_molar, out, steel, slag, offgas, status):
    """:func:`heat_balance` for each heat of a batch (leading axis = heat).

    ``status`` (int64, one per heat) receives each heat's code; returns -1 or the index of
    the first heat whose code is not OK.
    """
    first = -1
    for i in range(mat_moles.shape[0]):
        st = heat_balance(mat_moles[i], mat_T[i], mat_mode, gas_in[i], params[i], gas_elements,
                          gas_index, coeffs, gas_molar, comp_seg, seg, comp_molar, out[i],
                          steel[i], slag[i], offgas[i])
        status[i] = st
        if st != OK and first < 0:
            first = i
    return first


# ------------------------------------------------------------- compact batch (summary only)
#: Columns of the compact batch result (what ``ElectricArcFurnace.balance_batch`` returns).
(B_ELECTRICITY, B_STEEL_MASS, B_SLAG_MASS, B_OFF_GAS_ENERGY, B_TOTAL_INPUT, B_RESID_ENERGY,
 B_RESID_MASS) = range(7)
N_BATCH_OUT = 7
#: Heats per group of the compact batch: each group allocates the per-heat work arrays once.
BATCH_GROUP = 64


@njit(cache=True, nogil=True)
def _summary_group(start, stop, masses, per_kg, mat_T, mat_mode, oxygen, natural_gas, o2_x, o2_molar,
                   ng_x, ng_molar, air_moles, params, gas_elements, gas_index, coeffs, gas_molar,
                   comp_seg, seg, comp_molar, result, status):
    n_mat, n_comp = per_kg.shape
    n_gas = gas_molar.size
    moles = np.empty((n_mat, n_comp))
    gas_in = np.empty(n_gas)
    out = np.empty(N_OUT)
    steel = np.empty(n_comp)
    slag = np.empty(n_comp)
    offgas = np.empty(n_gas)
    for i in range(start, stop):
        # the same products and sums, in the same order, as the full batch's inputs (masses x
        # moles per kg; oxygen, then natural gas, then air ingress), so the numbers are equal
        for m in range(n_mat):
            for c in range(n_comp):
                moles[m, c] = masses[i, m] * per_kg[m, c]
        for j in range(n_gas):
            gas_in[j] = (oxygen[i] / o2_molar * o2_x[j] + natural_gas[i] / ng_molar * ng_x[j]) + air_moles[j]
        st = heat_balance(moles, mat_T, mat_mode, gas_in, params, gas_elements, gas_index, coeffs, gas_molar,
                          comp_seg, seg, comp_molar, out, steel, slag, offgas)
        status[i] = st
        result[i, B_ELECTRICITY] = out[O_ELECTRICITY]
        result[i, B_STEEL_MASS] = out[O_STEEL_MASS]
        result[i, B_SLAG_MASS] = out[O_SLAG_MASS]
        result[i, B_OFF_GAS_ENERGY] = out[O_S_GAS] + out[O_GAS_CHEMICAL]
        result[i, B_TOTAL_INPUT] = out[O_TOTAL_INPUT]
        result[i, B_RESID_ENERGY] = out[O_RESID_ENERGY]
        result[i, B_RESID_MASS] = out[O_RESID_MASS]


@njit(cache=True)
def _first_not_ok(status):
    for i in range(status.size):
        if status[i] != OK:
            return i
    return -1


@njit(cache=True, nogil=True)
def heat_balance_summary_batch(masses, per_kg, mat_T, mat_mode, oxygen, natural_gas, o2_x, o2_molar, ng_x,
                               ng_molar, air_moles, params, gas_elements, gas_index, coeffs, gas_molar,
                               comp_seg, seg, comp_molar, result, status):
    """:func:`heat_balance` of many heats, keeping only the summary of each (compact batch).

    The full batch (:func:`heat_balance_batch`) needs every heat's charge moles, gas inputs,
    parameters and 25 outputs plus steel, slag and off-gas vectors: about 1.6 kB per heat.
    Here the heats share one set of materials (``per_kg`` (n_mat, n_comp) moles per kg,
    ``mat_T``, ``mat_mode``) and one parameter row, each heat brings its charged masses
    (``masses`` (n_heat, n_mat) [kg]), its oxygen (lance + post-combustion + burner [kg])
    and burner natural gas [kg]; the work arrays are allocated once per group of
    ``BATCH_GROUP`` heats. Output: ``result`` (n_heat, N_BATCH_OUT), columns ``B_*``
    (electricity [J], steel and slag mass [kg], off-gas sensible + chemical energy [J],
    total input [J], energy residual [J], mass residual [kg]), 56 B per heat, and
    ``status`` (int64 per heat). Returns -1 or the first heat whose status is not OK.
    Air ingress (``air_moles`` [mol per species]) is the same for every heat.
    """
    n = masses.shape[0]
    for g in range((n + BATCH_GROUP - 1) // BATCH_GROUP):
        _summary_group(g * BATCH_GROUP, min(n, (g + 1) * BATCH_GROUP), masses, per_kg, mat_T, mat_mode,
                       oxygen, natural_gas, o2_x, o2_molar, ng_x, ng_molar, air_moles, params, gas_elements,
                       gas_index, coeffs, gas_molar, comp_seg, seg, comp_molar, result, status)
    return _first_not_ok(status)


@njit(cache=True, nogil=True, parallel=True)
def heat_balance_summary_batch_parallel(masses, per_kg, mat_T, mat_mode, oxygen, natural_gas, o2_x, o2_molar,
                                        ng_x, ng_molar, air_moles, params, gas_elements, gas_index, coeffs,
                                        gas_molar, comp_seg, seg, comp_molar, result, status):
    """:func:`heat_balance_summary_batch` over numba's threads (heats are independent: same numbers)."""
    n = masses.shape[0]
    for g in prange((n + BATCH_GROUP - 1) // BATCH_GROUP):
        _summary_group(g * BATCH_GROUP, min(n, (g + 1) * BATCH_GROUP), masses, per_kg, mat_T, mat_mode,
                       oxygen, natural_gas, o2_x, o2_molar, ng_x, ng_molar, air_moles, params, gas_elements,
                       gas_index, coeffs, gas_molar, comp_seg, seg, comp_molar, result, status)
    return _first_not_ok(status)
