"""Tabulated properties (procsim.thermo.tables) against CoolProp called directly.

The quality x(p, h) of the tables was checked only against procsim's own ``Fluid.state().x``;
here every expected value comes from ``CoolProp.PropsSI`` on the table's backend:

* inside the dome CoolProp's own quality Q(p, h);
* outside it the equilibrium quality (h - h_l) / (h_v - h_l) with CoolProp's saturated
  enthalpies (< 0 subcooled, > 1 superheated; the convention the tables document).

Tolerance 1e-5 absolute on x: the tables' stated accuracy target (relative 1e-5 on h, T, s,
procsim.thermo.tables docstring) over a latent heat that is at least about a tenth of the
enthalpy scale at 0.2-0.8 p_c.
"""
import CoolProp.CoolProp as CP
import numpy as np
import pytest

from procsim.thermo.fluids import Fluid
from procsim.thermo.tables import TableCache

pytestmark = pytest.mark.unit

FLUIDS = [("Water", "IF97"), ("R245fa", "HEOS"), ("Isopentane", "HEOS")]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return TableCache(tmp_path_factory.mktemp("tables"), memo=True)


@pytest.mark.parametrize("name, backend", FLUIDS)
def test_quality_against_coolprop_directly(cache, name, backend):
    table = Fluid(name, backend).table(cache=cache)
    ref = f"{backend}::{name}"
    pc = CP.PropsSI("PCRIT", ref) if backend != "IF97" else 22.064e6
    for frac in (0.02, 0.2, 0.5, 0.8):
        p = frac * pc
        h_l, h_v = CP.PropsSI("H", "P", p, "Q", 0, ref), CP.PropsSI("H", "P", p, "Q", 1, ref)
        t_sat = CP.PropsSI("T", "P", p, "Q", 0, ref)
        for q in (0.0, 0.1, 0.5, 0.9, 1.0):
            h = h_l + q * (h_v - h_l)
            assert float(table.x_ph(p, h)) == pytest.approx(q, abs=1e-5), (p, q)
        for T in (t_sat - 15.0, t_sat + 15.0):
            h = CP.PropsSI("H", "P", p, "T", T, ref)
            x_eq = (h - h_l) / (h_v - h_l)
            assert float(table.x_ph(p, h)) == pytest.approx(x_eq, abs=1e-5), (p, T)
        # the saturation line itself
        assert float(table.T_sat(p)) == pytest.approx(t_sat, rel=1e-6)
        assert float(table.h_l(p)) == pytest.approx(h_l, rel=1e-5, abs=1e-5 * (h_v - h_l))
        assert float(table.h_v(p)) == pytest.approx(h_v, rel=1e-5)


@pytest.mark.parametrize("name, backend", FLUIDS)
def test_array_methods_against_coolprop_on_mixed_states(cache, name, backend):
    # the array loops sort points by phase; each answer must still be CoolProp's
    table = Fluid(name, backend).table(cache=cache)
    ref = f"{backend}::{name}"
    pc = CP.PropsSI("PCRIT", ref) if backend != "IF97" else 22.064e6
    # states from CoolProp's forward inputs, (p, T) or (p, Q): IF97's backward T(p, h) is
    # consistent with the forward equations only to about 25 mK (IAPWS R7-97 Table 3)
    rng = np.random.default_rng(11)
    p, T_ref, h, s_ref = [], [], [], []
    for k in range(60):
        pk = pc * rng.uniform(0.05, 0.8)
        t_sat = CP.PropsSI("T", "P", pk, "Q", 0, ref)
        if k % 2:
            qk = rng.uniform(0.0, 1.0)
            T, hk, sk = t_sat, CP.PropsSI("H", "P", pk, "Q", qk, ref), CP.PropsSI("S", "P", pk, "Q", qk, ref)
        else:
            T = t_sat + rng.choice((-1.0, 1.0)) * rng.uniform(2.0, 30.0)
            hk, sk = CP.PropsSI("H", "P", pk, "T", T, ref), CP.PropsSI("S", "P", pk, "T", T, ref)
        p.append(pk), T_ref.append(T), h.append(hk), s_ref.append(sk)
    p, T_ref, h, s_ref = map(np.array, (p, T_ref, h, s_ref))
    np.testing.assert_allclose(table.T_ph(p, h), T_ref, rtol=1e-5)
    s_scale = 8.314462618 / CP.PropsSI("M", ref)   # R_specific: s passes through 0 at the reference
    assert np.max(np.abs(table.s_ph(p, h) - s_ref) / np.maximum(np.abs(s_ref), s_scale)) <= 1e-5
    assert np.max(np.abs(table.h_ps(p, s_ref) - h) / np.maximum(np.abs(h), s_scale * 300.0)) <= 1e-5
