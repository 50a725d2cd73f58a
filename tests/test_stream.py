"""Streams: states from CoolProp (IF97 for water) and from the NASA gas kernels."""
import CoolProp.CoolProp as CP
import pytest

from procsim.stream import EnergyStream, Stream
from procsim.thermo.gas import AIR_DRY, GasMixture

pytestmark = pytest.mark.unit


def test_water_state_is_coolprop_if97():
    s = Stream("Water", 450.0, 2.0e6, 3.0)
    assert s.h == pytest.approx(CP.PropsSI("H", "T", 450.0, "P", 2.0e6, "IF97::Water"), rel=1e-12)
    assert s.enthalpy_flow == pytest.approx(3.0 * s.h)


def test_saturated_steam_from_quality():
    s = Stream("Water", None, 1.0e6, 1.0, x=1.0)
    assert s.T == pytest.approx(CP.PropsSI("T", "P", 1.0e6, "Q", 1, "IF97::Water"), rel=1e-12)
    assert s.h == pytest.approx(CP.PropsSI("H", "P", 1.0e6, "Q", 1, "IF97::Water"), rel=1e-12)


def test_from_ph_returns_the_given_enthalpy():
    # IF97 backward equations alone would miss h by ~90 J/kg here; procsim iterates the forward ones
    h = CP.PropsSI("H", "T", 450.0, "P", 1.0e6, "IF97::Water")
    s = Stream.from_ph("Water", 1.0e6, h, 1.0)
    assert s.h == pytest.approx(h, rel=1e-13)
    assert s.T == pytest.approx(450.0, rel=1e-12)


def test_gas_stream():
    s = Stream(AIR_DRY, 600.0, 1.2e5, 2.0)
    assert s.is_gas
    assert s.h == pytest.approx(GasMixture(AIR_DRY).h(600.0))
    back = Stream.from_ph(AIR_DRY, 1.2e5, s.h, 2.0)
    assert back.T == pytest.approx(600.0, rel=1e-12)


def test_exergy_of_steam_against_coolprop():
    s = Stream("Water", 500.0, 1.0e6, 1.0)
    h0 = CP.PropsSI("H", "T", 298.15, "P", 101325.0, "IF97::Water")
    s0 = CP.PropsSI("S", "T", 298.15, "P", 101325.0, "IF97::Water")
    assert s.exergy_flow() == pytest.approx((s.h - h0) - 298.15 * (s.s - s0), rel=1e-12)


def test_vector_round_trip():
    s = Stream("Water", 400.0, 5.0e5, 2.0)
    assert s.from_vector(s.to_vector()).h == pytest.approx(s.h, rel=1e-14)
    g = Stream({"N2": 0.8, "CO2": 0.2}, 700.0, 1e5, 1.0)
    assert g.from_vector(g.to_vector()).T == pytest.approx(700.0, rel=1e-12)


def test_errors():
    with pytest.raises(ValueError, match="mass_flow must be >= 0 kg/s; got -2.0 kg/s"):
        Stream("Water", 300.0, 1e5, -2.0)
    with pytest.raises(ValueError, match="unknown fluid 'Watr'"):
        Stream("Watr", 300.0, 1e5, 1.0)
    with pytest.raises(ValueError, match="p must be > 0 Pa"):
        Stream("Water", 300.0, -1e5, 1.0)
    with pytest.raises(ValueError, match="saturation curve"):
        Stream("Water", CP.PropsSI("T", "P", 1e6, "Q", 0, "IF97::Water"), 1e6, 1.0)
    with pytest.raises(ValueError, match="kind must be one of"):
        EnergyStream("steam", 1.0)
    with pytest.raises(ValueError, match="rate must be >= 0 W"):
        EnergyStream("power", -5.0)


def test_fuel_stream():
    f = EnergyStream.fuel(0.1, 50.0e6, "lhv")
    assert f.rate == pytest.approx(5.0e6) and f.mass_flow == 0.1
