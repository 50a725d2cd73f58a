"""Condensed-phase enthalpies and the water-gas-shift constant of the EAF balance.

References are Cantera 3.2 called directly (its species data are the NASA/JANAF fits, so
agreement to round-off shows the transcription and the evaluation are right) and
published enthalpy figures for liquid steel.
"""
import math

import cantera as ct
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procsim.thermo.gas import COEFFS
from units.eaf import condensed as cd
from units.eaf import kernels as K
from units.eaf.furnace import _GAS_INDEX

pytestmark = pytest.mark.unit

SEG, CS = cd.SEGMENTS, cd.COMPONENT_SEGMENTS
_CT = {s.name: s for s in ct.Species.list_from_file("nasa_condensed.yaml")}


def test_data_file_is_cantera_data():
    # the CSV must be exactly what export_condensed_data builds from Cantera's file today
    rows = cd._build_rows()
    assert len(rows) == SEG.shape[0]
    for i, r in enumerate(rows):
        np.testing.assert_array_equal(SEG[i, 2:9], np.array(r[6:13], dtype=float))
        assert SEG[i, 0] == r[4] and SEG[i, 1] == r[5]


# (component, Cantera species, temperatures inside the species' range)
CASES = [
    ("Fe", "Fe(a)", [298.15, 700.0, 1020.0, 1100.0]), ("Fe", "Fe(c)", [1200.0, 1500.0]),
    ("Fe", "Fe(d)", [1700.0]), ("Fe", "Fe(L)", [1850.0, 1950.0]),
    ("C", "C(gr)", [298.15, 1500.0]), ("Si", "Si(cr)", [298.15, 1600.0]), ("Si", "Si(L)", [1900.0]),
    ("FeO", "FeO(s)", [400.0, 1500.0]), ("FeO", "FeO(L)", [1800.0]),
    ("SiO2", "SiO2(Lqz)", [298.15, 800.0]), ("SiO2", "SiO2(hqz)", [900.0, 1600.0]),
    ("SiO2", "SiO2(L)", [1900.0]), ("CaO", "CaO(s)", [400.0, 1900.0]),
    ("MgO", "MgO(s)", [400.0, 1900.0]), ("Al2O3", "AL2O3(a)", [400.0, 1900.0]),
]


@pytest.mark.parametrize("comp,species,temps", CASES)
def test_stable_phase_enthalpy_equals_cantera(comp, species, temps):
    # Cantera evaluates the same NASA fit: agreement to 1e-12 relative (round-off) or
    # 1e-6 J/mol absolute where the enthalpy crosses zero near 298 K for elements
    c = cd.component_index(comp)
    for T in temps:
        ref = _CT[species].thermo.h(T) / 1000.0  # J/kmol -> J/mol
        got = cd.h_condensed(T, c, 0, CS, SEG)
        assert got == pytest.approx(ref, rel=1e-12, abs=1e-6)
        assert got == cd.h_condensed.py_func(T, c, 0, CS, SEG)


def test_liquid_mode_extrapolates_liquid_iron():
    # hot metal at 1623 K is liquid: the Fe(L) fit extrapolated below 1809 K, as Cantera does
    fe = cd.component_index("Fe")
    ref = _CT["Fe(L)"].thermo.h(1623.15) / 1000.0
    assert cd.h_condensed(1623.15, fe, 1, CS, SEG) == pytest.approx(ref, rel=1e-12)
    # and the solid (gamma) enthalpy is lower by about the heat of fusion 13.8 kJ/mol (JANAF)
    dh = ref - cd.h_condensed(1623.15, fe, 0, CS, SEG)
    assert 10e3 < dh < 16e3


def test_liquid_steel_enthalpy_matches_published_range():
    # Liquid iron heat content from 25 C: ~1.33-1.40 MJ/kg at 1600-1650 C (JANAF Fe(l):
    # H(1900 K) - H(298.15 K) = 77.0 kJ/mol -> 1.38 MJ/kg). 1 % tolerance: NASA fit vs table.
    fe = cd.component_index("Fe")
    h = lambda T: (cd.h_condensed(T, fe, 1, CS, SEG) - cd.h_condensed(298.15, fe, 0, CS, SEG)) / 55.845e-3
    assert 1.33e6 <= h(1873.15) <= 1.40e6
    assert 1.33e6 <= h(1923.15) <= 1.42e6
    assert h(1900.0) == pytest.approx(77.0e3 / 55.845e-3, rel=0.01)


def test_formation_enthalpies_janaf():
    # NIST-JANAF (Chase 1998) Delta_f H(298.15 K), kJ/mol: FeO(s) -272.04, SiO2(qz) -910.86,
    # CaO -635.09, MgO -601.24, Al2O3 -1675.69; the NASA fits reproduce them to 0.1 %.
    ref = {"FeO": -272.04e3, "SiO2": -910.86e3, "CaO": -635.09e3, "MgO": -601.24e3, "Al2O3": -1675.69e3}
    for comp, h in ref.items():
        assert cd.h_condensed(298.15, cd.component_index(comp), 0, CS, SEG) == pytest.approx(h, rel=1e-3)


def test_mixture_and_inverse():
    moles = np.zeros(len(cd.COMPONENTS))
    moles[cd.component_index("Fe")] = 10.0
    moles[cd.component_index("C")] = 0.2
    H = cd.h_condensed_mixture(900.0, moles, 0, CS, SEG)
    assert H == pytest.approx(10 * cd.h_condensed(900.0, 0, 0, CS, SEG) + 0.2 * cd.h_condensed(900.0, 1, 0, CS, SEG),
                              rel=1e-14)
    T = cd.T_from_h_condensed(H, moles, 0, CS, SEG, 298.15, 1800.0)
    assert T == pytest.approx(900.0, rel=1e-9)
    assert math.isnan(cd.T_from_h_condensed(H * 10, moles, 0, CS, SEG, 298.15, 1800.0))


@settings(derandomize=True, max_examples=30, deadline=None)
@given(st.floats(300.0, 2200.0), st.floats(1.0, 50.0))
def test_enthalpy_increases_with_temperature(T, dT):
    for c in range(len(cd.COMPONENTS)):
        for mode in (0, 1):
            assert cd.h_condensed(T + dT, c, mode, CS, SEG) > cd.h_condensed(T, c, mode, CS, SEG)


@pytest.mark.parametrize("T", [900.0, 1300.0, 1773.15])
def test_wgs_constant_vs_cantera_equilibrium(T):
    # Cantera equilibrium (TP) of CO/H2O/CO2/H2 restricted to those four species gives
    # K = x_CO2 x_H2 / (x_CO x_H2O); same NASA data -> 1e-6 relative (solver tolerance)
    gas = ct.Solution(thermo="ideal-gas", species=[s for s in ct.Species.list_from_file("nasa_gas.yaml")
                                                   if s.name in ("CO", "H2O", "CO2", "H2")])
    gas.TPX = T, ct.one_atm, "CO:1, H2O:1"
    gas.equilibrate("TP")
    x = {n: gas[n].X[0] for n in ("CO", "H2O", "CO2", "H2")}
    k_ct = x["CO2"] * x["H2"] / (x["CO"] * x["H2O"])
    assert K.wgs_constant(T, COEFFS, _GAS_INDEX) == pytest.approx(k_ct, rel=1e-6)


def test_wgs_split_limits():
    # no hydrogen: the oxygen left after CO fixes CO2 exactly
    assert K._wgs_split(10.0, 0.0, 13.0, 0.5) == pytest.approx(3.0, rel=1e-14)
    # equilibrium residual vanishes at the split
    nc, nh2, no, k = 10.0, 4.0, 14.0, 0.3
    a = K._wgs_split(nc, nh2, no, k)
    h2o = no - nc - a
    assert a * (nh2 - h2o) == pytest.approx(k * (nc - a) * h2o, rel=1e-12)
    assert a == K._wgs_split.py_func(nc, nh2, no, k)
