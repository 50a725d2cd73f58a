"""Incompressible heat-transfer liquids (CoolProp INCOMP backend) through procsim's Fluid."""
import CoolProp.CoolProp as CP
import pytest

from procsim.thermo.fluids import Fluid

pytestmark = pytest.mark.unit


def test_thermal_oil_matches_coolprop():
    oil = Fluid("INCOMP::T66")   # Therminol 66 fit shipped with CoolProp
    st = oil.state(p=3e5, T=500.0)
    assert st.h == pytest.approx(CP.PropsSI("H", "T", 500.0, "P", 3e5, "INCOMP::T66"), rel=1e-12)
    assert st.phase == "liquid"
    assert oil.state(p=3e5, h=st.h).T == pytest.approx(500.0, rel=1e-10)


def test_thermal_oil_errors():
    oil = Fluid("T66", backend="INCOMP")
    with pytest.raises(ValueError, match=r"T must be in \[273.15, 653.15\] K; got 700.0 K"):
        oil.state(p=3e5, T=700.0)
    with pytest.raises(ValueError, match="no vapour quality"):
        oil.state(p=3e5, x=0.5)
