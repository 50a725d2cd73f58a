"""Gas-fuel analyses as laboratories report them: percent or fractions, H2O and SO2, sums off 100 %."""
import pytest

from procsim.thermo.combustion import Fuel

# molar masses [g/mol] (IUPAC 2021 standard atomic weights: C 12.011, H 1.008, O 15.999, S 32.06)
M_CH4, M_H2O, M_SO2 = 16.043, 18.015, 64.058


@pytest.mark.unit
def test_water_and_so2_in_a_gas_only_dilute_it():
    # H2O and SO2 need no oxygen and release no heat: per kg of wet gas, the heating
    # values are those of the methane times its mass share (ISO 6976:2016: only water
    # formed by combustion is condensed into the HHV)
    dry = Fuel.from_composition({"CH4": 1.0})
    wet = Fuel.from_composition({"CH4": 0.97, "H2O": 0.02, "SO2": 0.01})
    m = 0.97 * M_CH4 + 0.02 * M_H2O + 0.01 * M_SO2
    share = 0.97 * M_CH4 / m
    assert wet.hhv == pytest.approx(dry.hhv * share, rel=2e-4)
    assert wet.lhv == pytest.approx(dry.lhv * share, rel=2e-4)
    assert wet.stoichiometric_o2 == pytest.approx(2 * 0.97 / (m * 1e-3), rel=2e-4)
    # methane: heat of combustion 890.6 kJ/mol at 25 degC (NIST Chemistry WebBook, CH4,
    # Delta_c H gas, Pittam and Pilcher 1972), / 16.043 g/mol = 55.51 MJ/kg
    assert dry.hhv == pytest.approx(890.6e3 / M_CH4 * 1e3, rel=2e-3)


@pytest.mark.unit
def test_percent_analysis_off_100_is_normalised_with_a_note():
    lab = {"CH4": 88.9, "C2H6": 5.1, "C3H8": 1.2, "iC4H10": 0.2, "nC4H10": 0.2, "N2": 2.6,
           "CO2": 1.3, "H2O": 0.05, "Ar": 0.01}          # sums to 99.56 %
    f = Fuel.from_composition(lab)
    assert "99.56 %" in f.info["composition_note"] and "normalised" in f.info["composition_note"]
    assert sum(f.mole_fractions.values()) == pytest.approx(1.0, abs=1e-12)
    assert f.mole_fractions["CH4"] == pytest.approx(88.9 / 99.56, rel=1e-12)
    assert f.mole_fractions["IC4H10"] == pytest.approx(0.2 / 99.56, rel=1e-12)
    same = Fuel.from_composition({k: v / 100 for k, v in lab.items()}, unit="fraction")
    assert same.hhv == pytest.approx(f.hhv, rel=1e-12)
    exact = Fuel.from_composition({"CH4": 0.9, "N2": 0.1})
    assert "composition_note" not in exact.info


@pytest.mark.unit
@pytest.mark.parametrize("lab,unit,match", [
    ({"CH4": 95.0, "N2": 2.0}, None, "sum to 97 % .* within 2 % of 100 %"),
    ({"CH4": 0.95, "N2": 0.08}, None, "sum to 1.03 .* within 2 % of 1"),
    ({"CH4": 0.9, "N2": 0.1}, "percent", "sum to 1 % .*percents"),
    ({"CH4": 90.0, "He": 10.0}, None, r"unknown fuel components \['He'\]"),
    ({"CH4": 90.0, "N2": -1.0, "CO2": 11.0}, None, "N2 must be >= 0"),
    ({"CH4": 1.0}, "ppm", "unit must be one of"),
])
def test_bad_analyses_are_errors(lab, unit, match):
    with pytest.raises(ValueError, match=match):
        Fuel.from_composition(lab, unit=unit)


@pytest.mark.unit
def test_biogenic_flag_from_the_fuel_library():
    assert Fuel.from_name("wood_pellets").biogenic
    assert not Fuel.from_name("natural_gas").biogenic
