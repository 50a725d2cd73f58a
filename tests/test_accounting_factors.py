"""Factor tables against the sources they cite; energy units; bad input."""
import math

import pytest
from pytest import approx, raises

from procsim.accounting import (FactorTable, carbon_fee_rate, carrier_energy, convert,
                                energy_price, fuel_factor, grid_factor, gwp)
from procsim.accounting.factors import carbon_fee_threshold, prices_in_year
from procsim.accounting.units import carrier_energy_factor, unit_in_joule

pytestmark = pytest.mark.unit


# MOEA Energy Administration announced factors, kg CO2e/kWh:
# 2017 EnergyTrend 2018-07-12; 2018-2023 BusinessToday 2024-04-26; 2024 MOEA 2025-04-14 (secondary).
ANNOUNCED = {2017: 0.554, 2018: 0.533, 2019: 0.509, 2020: 0.502, 2021: 0.509, 2022: 0.495,
             2023: 0.494, 2024: 0.474}
# Action-plan targets as quoted by the MOEA 2024 results report (unverified).
TARGETS = {2021: 0.488, 2022: 0.479, 2023: 0.464, 2024: 0.418, 2025: 0.388}


@pytest.mark.parametrize("year,value", sorted(ANNOUNCED.items()))
def test_announced_grid_factors_match_sources(year, value):
    f = grid_factor("TW", year)
    assert float(f) == value  # published to 3 decimals: exact
    assert f.basis == "actual" and f.unit == "kg CO2e/kWh" and f.year == year
    assert f.source and f.status in ("verified", "secondary")


@pytest.mark.parametrize("year,value", sorted(TARGETS.items()))
def test_targets_kept_apart_from_actual(year, value):
    f = grid_factor("TW", year, basis="target")
    assert float(f) == value and f.basis == "target" and f.status == "unverified"


def test_statutory_baseline_and_other_bases():
    # MOEA notice 11104604400 (2022-10-21): 2025 baseline 0.424
    b = grid_factor("TW", 2025, basis="statutory_baseline")
    assert float(b) == 0.424 and "11104604400" in b.source and b.status == "verified"
    assert float(grid_factor("TW", 2023, basis="fuel_stats_2024ed")) == 0.490
    assert float(grid_factor("TW", 2023, basis="fuel_stats_2023ed")) == 0.493
    assert float(grid_factor("TW", 2023)) == 0.494  # the announced one stays the default


def test_changing_year_changes_factor_as_table_says():
    # 2021 -> 2022 falls 0.509 -> 0.495; 2020 -> 2021 rises (more thermal generation)
    assert float(grid_factor(year=2022)) - float(grid_factor(year=2021)) == approx(-0.014, abs=1e-12)
    assert grid_factor(year=2021) > grid_factor(year=2020)
    assert float(grid_factor(year=2024)) * 1.0e6 / 1000 == approx(474.0)  # t CO2e per GWh


def test_factor_behaves_as_float_and_keeps_provenance():
    f = grid_factor()
    assert f * 2 == approx(0.988) and isinstance(f * 2, float)
    assert math.isclose(float(f), 0.494)
    d = f.as_dict()
    assert d["value"] == 0.494 and d["year"] == 2023 and "BusinessToday" in d["source"]
    import pickle
    g = pickle.loads(pickle.dumps(f))
    assert float(g) == 0.494 and g.source == f.source


def test_year_without_factor_lists_existing_years():
    with raises(ValueError, match=r"no 'actual' grid factor for TW 2030; years with one: 2015, "
                                  r"2016, .*2023, 2024"):
        grid_factor("TW", 2030)
    with raises(ValueError, match=r"years with one: 2021, 2022, 2023, 2024, 2025"):
        grid_factor("TW", 2019, basis="target")
    with raises(ValueError, match="basis must be one of .*'actual'.*got 'announced'"):
        grid_factor("TW", 2023, basis="announced")
    with raises(ValueError, match="region must be one of 'TW'.*got 'JP'"):
        grid_factor("JP", 2023)
    with raises(ValueError, match="year must be an integer"):
        grid_factor("TW", 2023.0)


def test_user_supplied_table_for_other_regions(tmp_path):
    t = FactorTable.from_mapping({2022: 0.436, 2023: 0.423}, region="XX",
                                 source="made-up utility disclosure, for the test")
    f = grid_factor("XX", 2023, table=t)
    assert float(f) == 0.423 and f.source.startswith("made-up") and f.status == "user"
    p = tmp_path / "f.csv"
    p.write_text("region,year,basis,value,unit,status,source\nYY,2020,actual,0.3,kg CO2e/kWh,"
                 "verified,somewhere\n")
    assert float(grid_factor("YY", 2020, table=FactorTable.from_csv(p))) == 0.3
    p.write_text("region,year,value\nYY,2020,0.3\n")
    with raises(ValueError, match="lacks columns"):
        FactorTable.from_csv(p)
    with raises(ValueError, match="source must name"):
        FactorTable.from_mapping({2020: 0.3}, region="ZZ", source="")
    with raises(ValueError, match="grid factor for ZZ 2020 must be >= 0"):
        FactorTable.from_mapping({2020: -0.3}, region="ZZ", source="x")


def test_ipcc_fuel_defaults():
    # IPCC 2006 Vol. 2 Ch. 1 Tables 1.2/1.4; Ch. 2 Tables 2.2/2.3 (facts.md 1.2)
    assert float(fuel_factor("natural_gas", "co2")) == 56100
    assert float(fuel_factor("natural_gas", "ncv")) == 48.0
    assert float(fuel_factor("residual_fuel_oil", "co2")) == 77400
    assert float(fuel_factor("other_bituminous_coal", "co2")) == 94600
    assert float(fuel_factor("natural_gas", "n2o")) == 0.1  # not ghgpy's 1.5 (transcription error)
    assert float(fuel_factor("other_bituminous_coal", "ch4", "manufacturing")) == 10
    assert float(fuel_factor("other_bituminous_coal", "ch4", "energy_industries")) == 1
    # carbon content x 44/12 reproduces the CO2 factor (Table 1.3 vs 1.4): 15.3 kg C/GJ
    assert 15.3 * 44.0 / 12.0 * 1000 == approx(float(fuel_factor("natural_gas", "co2")), rel=1e-3)
    with raises(ValueError, match="fuel must be one of .*got 'peat'"):
        fuel_factor("peat", "co2")
    with raises(ValueError, match="no ch4 factor for blast_furnace_gas"):
        fuel_factor("blast_furnace_gas", "ch4")


def test_gwp_sets():
    # AR4 Table 2.14, AR5 Table 8.A.1, AR6 Table 7.15 (facts.md 1.3)
    assert [float(gwp("CH4", s)) for s in ("AR4", "AR5", "AR6")] == [25, 28, 27.9]
    assert [float(gwp("N2O", s)) for s in ("AR4", "AR5", "AR6")] == [298, 265, 273]
    assert float(gwp("SF6", "AR6")) == 25200
    assert float(gwp("HFC-245fa", "AR5")) == 858
    with raises(ValueError, match="gwp_set must be one of 'AR4', 'AR5', 'AR6'; got 'SAR'"):
        gwp("CH4", "SAR")
    with raises(ValueError, match="gas must be one of"):
        gwp("H2", "AR5")


def test_carbon_fee_rates():
    # MOENV press release 2024-10-21: 300 general, 50 / 100 preferential; K = 25,000 t
    assert [float(carbon_fee_rate(r)) for r in ("general", "preferential_a", "preferential_b")] == [300, 50, 100]
    assert float(carbon_fee_threshold()) == 25000
    with raises(ValueError, match="rate must be one of"):
        carbon_fee_rate("reduced")


def test_energy_units_taiwan_conventions():
    # 1 kcal_IT = 4.1868 J (NIST SP 811 B.8); kLOE = 9e6 kcal, toe = 1e7 kcal (MOEA / IEA)
    assert float(unit_in_joule("kcal")) == 4186.8
    assert convert(1, "kLOE", "kcal") == approx(9.0e6, rel=1e-15)
    assert convert(1, "toe", "GJ") == approx(41.868, rel=1e-15)
    assert convert(1, "toe", "kLOE") == approx(10.0 / 9.0, rel=1e-15)
    assert convert(1, "kWh", "MJ") == approx(3.6, rel=1e-15)
    assert convert(1, "MMBtu", "GJ") == approx(1.05505585262, rel=1e-12)
    # Taiwan statistics count 1 kWh of electricity as 860 kcal
    assert carrier_energy("electricity_kwh", 1.0, "kcal") == approx(860.0, rel=1e-14)
    assert convert(1.0, "kWh_tw_stat", "kcal") == approx(860.0, rel=1e-14)
    assert carrier_energy("electricity_kwh", 1.0, "kWh") == approx(860 * 4186.8 / 3.6e6, rel=1e-14)
    # programme figure (seed-cases.md): 181 GWh + 3,935 kLOE = 19,100 toe
    toe = carrier_energy("electricity_kwh", 181e6, "toe") + carrier_energy("heat_kloe", 3935, "toe")
    assert toe == approx(19107.5, rel=1e-6)
    with raises(ValueError, match="energy unit must be one of .*got 'kwh'"):
        convert(1, "kwh", "GJ")
    with raises(ValueError, match="carrier must be one of .*got 'gas_m3'"):
        carrier_energy("gas_m3", 1.0)


def test_carrier_contents_and_sources():
    ng = carrier_energy_factor("natural_gas_nm3")
    assert float(ng) == approx(9000 * 4186.8e-9, rel=1e-14) and ng.status == "secondary"
    # steam: IF97 h''(1.0 MPa) - h(25 degC, 1 atm) = 2777.12 - 104.93 kJ/kg (IAPWS-IF97 tables)
    assert float(carrier_energy_factor("steam_t")) == approx(2.672, abs=2e-4)
    assert float(carrier_energy_factor("coal_t")) == 25.8


def test_steam_enthalpy_basis_against_coolprop():
    CP = pytest.importorskip("CoolProp.CoolProp")
    dh = (CP.PropsSI("H", "P", 1.0e6, "Q", 1, "IF97::Water")
          - CP.PropsSI("H", "P", 101325.0, "T", 298.15, "IF97::Water")) / 1e6
    assert float(carrier_energy_factor("steam_t")) == approx(dh, rel=1e-4)  # table keeps 5 digits


def test_electricity_prices():
    # Taipei Times 2024-10-01: industrial average NT$3.81 -> 4.29 from 2024-10-16
    assert float(energy_price("electricity_kwh", "TW", "2024-10-15")) == 3.81
    assert float(energy_price("electricity_kwh", "TW", "2024-10-16")) == 4.29
    assert float(energy_price("electricity_kwh", "TW", 2023)) == 3.1154
    assert [float(p) for p in prices_in_year("electricity_kwh", "TW", 2024)] == [3.1154, 3.81, 4.29]
    with raises(ValueError, match="no packaged price for 'natural_gas_nm3'"):
        energy_price("natural_gas_nm3", "TW", 2024)
    with raises(ValueError, match="earliest is 2023-04-01"):
        energy_price("electricity_kwh", "TW", 2020)


STATUSES = {"verified", "secondary", "unverified", "computed"}


@pytest.mark.parametrize("name", ["grid_factors.csv", "fuel_factors.csv", "gwp.csv",
                                  "carbon_fee.csv", "energy_prices.csv", "energy_units.csv",
                                  "carriers.csv"])
def test_every_data_row_has_provenance(name):
    import csv

    from procsim.accounting.factors import data_path

    with open(data_path(name), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert row["status"] in STATUSES, row
        assert len(row["source"]) > 10 and int(row["year"]) > 1900, row
        value = row.get("value", row.get("energy_per_unit"))
        assert math.isfinite(float(value)), row


def test_taiwan_fuel_contents_against_moenv_table_factors():
    from procsim.accounting.emissions import carrier_co2e_factor

    # MOENV factor table 6.0.4 (secondary, facts.md 1.2): fuel oil 3.117 kg CO2e/L.
    # 9,600 kcal/L x IPCC 77.4 t/TJ (+CH4/N2O, AR5) reproduces it within 0.3 %.
    assert carrier_co2e_factor("fuel_oil_kl")[0] / 1000 == approx(3.117, rel=3e-3)
    # Natural gas 2.1622 kg CO2e/m3 implies ~9,200 kcal/m3; the 9,000 kcal/m3 heating value of
    # the MOENV 2024 notice gives 2.116 (2.1 % lower): documented in carriers.csv.
    assert carrier_co2e_factor("natural_gas_nm3")[0] == approx(2.1622, rel=0.025)
