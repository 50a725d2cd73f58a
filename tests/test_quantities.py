"""Unit parsing at the boundary; expected values computed by hand from the unit definitions."""
import pytest

from procsim.quantities import STANDARD_ATMOSPHERE, from_si, to_si

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, expected", [
    ("8 bar(g)", 8e5 + 101325.0),
    ("7 barg", 7e5 + 101325.0),
    ("9 bar(a)", 9e5),
    ("9 bara", 9e5),
    ("100 psig", 100 * 6894.757293168361 + 101325.0),  # 1 psi = 6894.757 Pa (NIST SP 811, B.8)
    ("700 kPa(g)", 7e5 + 101325.0),
    ("1.2 MPa(a)", 1.2e6),
])
def test_pressure(text, expected):
    assert to_si(text, "pressure") == pytest.approx(expected, rel=1e-12)


def test_gauge_with_site_ambient():
    # at 1000 m altitude the standard atmosphere is 89.875 kPa (ISO 2533)
    assert to_si("7 bar(g)", "pressure", ambient=89875.0) == pytest.approx(789875.0)


@pytest.mark.parametrize("text", ["8 bar", "116 psi", "500 kPa", "8"])
def test_pressure_without_datum_is_an_error(text):
    with pytest.raises(ValueError, match="pressure"):
        to_si(text, "pressure")


@pytest.mark.parametrize("text, kind, expected", [
    ("150 degC", "temperature", 423.15),
    ("150 °C", "temperature", 423.15),
    ("212 degF", "temperature", 373.15),
    ("10 K", "temperature_difference", 10.0),
    ("18 degF", "temperature_difference", 10.0),
    ("12 m3/min", "volume_flow", 0.2),
    ("5 t/h", "mass_flow", 5000.0 / 3600.0),
    ("75 kW", "power", 75e3),
    ("3 %", "fraction", 0.03),
    ("0.61", "fraction", 0.61),
    ("1 kLOE", "energy", 9.0e6 * 4186.8),    # Taiwan: 1 kLOE = 9.0e6 kcal (IT calorie 4.1868 J)
    ("1 toe", "energy", 1.0e7 * 4186.8),     # IEA/Taiwan: 1 toe = 1e7 kcal = 41.868 GJ
    ("50 mm", "length", 0.05),
])
def test_other_kinds(text, kind, expected):
    assert to_si(text, kind) == pytest.approx(expected, rel=1e-12)


def test_annual_energy_keeps_the_per_year_figure():
    assert to_si("540000 kWh/yr", "annual_energy") == pytest.approx(540000 * 3.6e6, rel=1e-12)
    # the same figure as an average power uses the 365.25-day year
    assert to_si("540000 kWh/yr", "power") == pytest.approx(540000 * 3.6e6 / (365.25 * 86400), rel=1e-12)


def test_numbers_are_si_already():
    assert to_si(300.0, "temperature") == 300.0
    assert to_si(5, "pressure") == 5.0


def test_errors_name_what_is_wrong():
    with pytest.raises(ValueError, match="wrong dimension"):
        to_si("150 kg", "temperature")
    with pytest.raises(ValueError, match="kind must be one of"):
        to_si("1 m", "speed")
    with pytest.raises(ValueError, match="finite"):
        to_si(float("nan"), "power")
    with pytest.raises(ValueError, match="cannot read power"):
        to_si("abc", "power")


def test_from_si():
    assert from_si(901325.0, "bar(g)") == pytest.approx(8.0)
    assert from_si(423.15, "degC") == pytest.approx(150.0)
    assert from_si(3.6e6, "kWh") == pytest.approx(1.0)
    assert from_si(STANDARD_ATMOSPHERE, "bar(a)") == pytest.approx(1.01325)
