"""IF97 region 3 forward equation against the verification values of IAPWS R7-97 Table 33."""
import numpy as np
import pytest

from procsim.thermo import if97_region3 as r3
from procsim.thermo.fluids import Fluid

pytestmark = pytest.mark.unit

# IAPWS R7-97(2012) Table 33: T [K], rho [kg/m3] -> p [MPa], h [kJ/kg], s [kJ/(kg K)], cp [kJ/(kg K)]
TABLE_33 = [
    (650.0, 500.0, 0.255837018e2, 0.186343019e4, 0.405427273e1, 0.138935717e2),
    (650.0, 200.0, 0.222930643e2, 0.237512401e4, 0.485438792e1, 0.446579342e2),
    (750.0, 500.0, 0.783095639e2, 0.225868845e4, 0.446971906e1, 0.634165359e1),
]


@pytest.mark.parametrize("T, rho, p, h, s, cp", TABLE_33)
def test_forward_equation_matches_table_33(T, rho, p, h, s, cp):
    out = np.empty(4)
    r3.properties(rho, T, out)
    # 9 significant digits in the table: 1e-8 relative
    assert out[0] / 1e6 == pytest.approx(p, rel=1e-8)
    assert out[1] / 1e3 == pytest.approx(h, rel=1e-8)
    assert out[2] / 1e3 == pytest.approx(s, rel=1e-8)
    assert out[3] / 1e3 == pytest.approx(cp, rel=1e-8)
    ref = np.empty(4)
    r3.properties.py_func(rho, T, ref)
    assert np.allclose(out, ref, rtol=1e-14, atol=0.0)


@pytest.mark.parametrize("T, rho, p, h, s, cp", TABLE_33)
def test_density_from_pressure_round_trip(T, rho, p, h, s, cp):
    out = np.empty(4)
    r3.properties(rho, T, out)
    assert r3.density_from_pT(out[0], T, rho * (1 + 1e-5)) == pytest.approx(rho, rel=1e-12)


def test_b23_boundary_and_region_test():
    # R7-97 Table 2 (B23 verification): T = 623.15 K <-> p = 16.5291643 MPa
    assert r3.p_b23(623.15) / 1e6 == pytest.approx(0.165291643e2, rel=1e-8)  # 9 digits
    assert r3.in_region3(25e6, 650.0) and not r3.in_region3(10e6, 650.0) and not r3.in_region3(25e6, 600.0)


def test_fluid_state_stays_on_the_forward_equation_in_region_3():
    w = Fluid("Water")
    st = w.state(p=25.5837018e6, T=650.0)
    assert w.state(p=st.p, h=st.h).T == pytest.approx(650.0, rel=1e-12)
    assert w.cp(p=st.p, T=650.0) == pytest.approx(0.138935717e5, rel=1e-6)
