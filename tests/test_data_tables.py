"""Every row of every packaged data table against a transcription written here, with its source.

The values below were typed from the source texts named beside them (shared/reference/facts.md
and seed-cases.md, which quote the primary documents; published definitions; the MEASUR
compressor test cases; Cantera's own ``nasa_gas.yaml`` / ``nasa_condensed.yaml`` read through
Cantera; CoolProp called directly), never copied from the data files, so a typo in a file fails
here. Rows no independent source text could confirm are pinned in an ``UNCONFIRMED_*`` table
with the reason: they still fail on any change, and the list says what remains to be read.

Every test also checks that the file holds no row the transcription does not cover, so a new
row must be added here (with its source) before it ships.
"""
import csv
import hashlib
import json
import math
import tomllib
from pathlib import Path

import pytest
from pytest import approx

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[1] / "procsim" / "data"


def _csv(name):
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _check(rows, key, value, expected, unconfirmed=None, rel=0.0):
    """Every row of ``rows`` equals ``expected`` or ``unconfirmed`` at key(row); both cover all rows."""
    unconfirmed = unconfirmed or {}
    seen = set()
    for r in rows:
        k = key(r)
        assert k not in seen, f"duplicate row {k}"
        seen.add(k)
        if k in expected:
            want = expected[k]
        elif k in unconfirmed:
            want = unconfirmed[k][0]
        else:
            raise AssertionError(f"row {k} has no independent transcription here: add it with its source")
        got = value(r)
        if isinstance(want, float) and rel:
            assert got == approx(want, rel=rel), k
        else:
            assert got == want, f"{k}: file {got!r}, source {want!r}"
    missing = (set(expected) | set(unconfirmed)) - seen
    assert not missing, f"rows in the source but not in the file: {sorted(missing)}"
    assert not set(expected) & set(unconfirmed)
    return len(seen)


# ============================================================================ grid factors
# facts.md sec. 1.1 (Energy Administration announced factors, kg CO2e/kWh; 2017-2023 read in
# EnergyTrend 2018-07-12 and BusinessToday 2024-04-26; 2015/2016 from the EF_HISTORY table,
# 2024 from the MOEA announcement of 2025-04-14), the 2025 statutory baseline (MOEA notice
# 11104604400, 2022-10-21), and seed-cases.md (action-plan targets; the 2024 results report's
# 0.490 / 0.493 for 2023).
GRID_FACTORS = {
    ("TW", "2015", "actual"): 0.525, ("TW", "2016", "actual"): 0.529, ("TW", "2017", "actual"): 0.554,
    ("TW", "2018", "actual"): 0.533, ("TW", "2019", "actual"): 0.509, ("TW", "2020", "actual"): 0.502,
    ("TW", "2021", "actual"): 0.509, ("TW", "2022", "actual"): 0.495, ("TW", "2023", "actual"): 0.494,
    ("TW", "2024", "actual"): 0.474,
    ("TW", "2021", "target"): 0.488, ("TW", "2022", "target"): 0.479, ("TW", "2023", "target"): 0.464,
    ("TW", "2024", "target"): 0.418, ("TW", "2025", "target"): 0.388,
    ("TW", "2025", "statutory_baseline"): 0.424,
    ("TW", "2023", "fuel_stats_2024ed"): 0.490, ("TW", "2023", "fuel_stats_2023ed"): 0.493,
}


def test_grid_factors_every_year_and_basis():
    n = _check(_csv("grid_factors.csv"), lambda r: (r["region"], r["year"], r["basis"]),
               lambda r: float(r["value"]), GRID_FACTORS)
    assert n == 18
    assert {r["unit"] for r in _csv("grid_factors.csv")} == {"kg CO2e/kWh"}


def test_grid_factor_2016_against_the_2017_step():
    # Independent of the EF_HISTORY table: EnergyTrend 2018-07-12 reports 2017 at 0.554, "up
    # 0.024 from 2016", so 2016 = 0.530 to the rounding of both figures (+-0.0015).
    f = {(r["year"], r["basis"]): float(r["value"]) for r in _csv("grid_factors.csv")}
    assert f[("2016", "actual")] == approx(0.554 - 0.024, abs=0.0015)
    # BusinessToday 2024-04-26: 2023's 0.494 is "the lowest since 2005": no earlier year below it
    assert all(v > 0.494 for (y, b), v in f.items() if b == "actual" and int(y) < 2023)


# Announcement dates: facts.md sec. 1.1 gives the three dated announcements; the rest are
# the file's stated assumption (the following year), which no source text dates.
GRID_ANNOUNCEMENTS = {
    ("TW", "2017", "actual"): ("2018-07-12", "by"),      # EnergyTrend 2018-07-12 reports it
    ("TW", "2023", "actual"): ("2024-04-26", "day"),     # BusinessToday 2024-04-26
    ("TW", "2024", "actual"): ("2025-04-14", "day"),     # MOEA announcement ROC 114/4/14
    ("TW", "2025", "statutory_baseline"): ("2022-10-21", "day"),  # MOEA notice 11104604400
}
UNCONFIRMED_GRID_ANNOUNCEMENTS = {
    ("TW", y, "actual"): ((str(int(y) + 1), "year"), "no announcement date found; assumed the following "
                          "year (Energy Administration practice, file's own assumption)")
    for y in ("2015", "2016", "2018", "2019", "2020", "2021", "2022")
}


def test_grid_factor_announcement_dates():
    _check(_csv("grid_factor_announcements.csv"), lambda r: (r["region"], r["year"], r["basis"]),
           lambda r: (r["announced"], r["precision"]), GRID_ANNOUNCEMENTS, UNCONFIRMED_GRID_ANNOUNCEMENTS)


# ============================================================================ IPCC fuel factors
# facts.md sec. 1.2: IPCC 2006 Guidelines Vol. 2 Ch. 1 Table 1.2 (NCV, MJ/kg) and Table 1.4
# (CO2, kg/TJ); Ch. 2 Tables 2.2 (energy industries) and 2.3 (manufacturing), CH4 / N2O kg/TJ.
IPCC_NCV_CO2 = {  # fuel: (NCV MJ/kg, CO2 kg/TJ)
    "natural_gas": (48.0, 56100), "residual_fuel_oil": (40.4, 77400), "gas_diesel_oil": (43.0, 74100),
    "lpg": (47.3, 63100), "other_bituminous_coal": (25.8, 94600), "sub_bituminous_coal": (18.9, 96100),
    "petroleum_coke": (32.5, 97500), "coking_coal": (28.2, 94600), "anthracite": (26.7, 98300),
    "coke_oven_coke": (28.2, 107000), "blast_furnace_gas": (2.47, 260000), "coke_oven_gas": (38.7, 44400),
    "oxygen_steel_furnace_gas": (7.06, 182000),
}
# facts.md: natural gas and LPG 1 / 0.1 in both sectors; oil products (residual, diesel, petcoke)
# 3 / 0.6; coal (bituminous, sub-bituminous, anthracite) 1 / 1.5 energy industries, 10 / 1.5
# manufacturing.
IPCC_CH4_N2O = {  # fuel: {sector: (CH4, N2O)}
    "natural_gas": {"energy_industries": (1, 0.1), "manufacturing": (1, 0.1)},
    "lpg": {"energy_industries": (1, 0.1), "manufacturing": (1, 0.1)},
    "residual_fuel_oil": {"energy_industries": (3, 0.6), "manufacturing": (3, 0.6)},
    "gas_diesel_oil": {"energy_industries": (3, 0.6), "manufacturing": (3, 0.6)},
    "petroleum_coke": {"energy_industries": (3, 0.6), "manufacturing": (3, 0.6)},
    "other_bituminous_coal": {"energy_industries": (1, 1.5), "manufacturing": (10, 1.5)},
    "sub_bituminous_coal": {"energy_industries": (1, 1.5), "manufacturing": (10, 1.5)},
    "anthracite": {"energy_industries": (1, 1.5), "manufacturing": (10, 1.5)},
}
FUEL_FACTORS = {}
for _f, (_ncv, _co2) in IPCC_NCV_CO2.items():
    FUEL_FACTORS[(_f, "ncv", "all")] = (_ncv, "MJ/kg")
    FUEL_FACTORS[(_f, "co2", "all")] = (float(_co2), "kg/TJ")
for _f, _sectors in IPCC_CH4_N2O.items():
    for _s, (_ch4, _n2o) in _sectors.items():
        FUEL_FACTORS[(_f, "ch4", _s)] = (float(_ch4), "kg/TJ")
        FUEL_FACTORS[(_f, "n2o", _s)] = (float(_n2o), "kg/TJ")
_COAL_NOTE = ("facts.md lists the coal CH4/N2O factors for bituminous, sub-bituminous and anthracite; "
              "coking coal is not named there (IPCC Tables 2.2/2.3 give it the coal values)")
_WOOD_NOTE = "wood/wood waste is not in facts.md; the file itself says 'not re-read against the PDF'"
UNCONFIRMED_FUEL_FACTORS = {
    ("coking_coal", "ch4", "energy_industries"): ((1.0, "kg/TJ"), _COAL_NOTE),
    ("coking_coal", "n2o", "energy_industries"): ((1.5, "kg/TJ"), _COAL_NOTE),
    ("coking_coal", "ch4", "manufacturing"): ((10.0, "kg/TJ"), _COAL_NOTE),
    ("coking_coal", "n2o", "manufacturing"): ((1.5, "kg/TJ"), _COAL_NOTE),
    ("wood_wood_waste", "ncv", "all"): ((15.6, "MJ/kg"), _WOOD_NOTE),
    ("wood_wood_waste", "co2", "all"): ((112000.0, "kg/TJ"), _WOOD_NOTE),
    ("wood_wood_waste", "ch4", "energy_industries"): ((30.0, "kg/TJ"), _WOOD_NOTE),
    ("wood_wood_waste", "n2o", "energy_industries"): ((4.0, "kg/TJ"), _WOOD_NOTE),
    ("wood_wood_waste", "ch4", "manufacturing"): ((30.0, "kg/TJ"), _WOOD_NOTE),
    ("wood_wood_waste", "n2o", "manufacturing"): ((4.0, "kg/TJ"), _WOOD_NOTE),
}


def test_ipcc_fuel_factors_every_row():
    n = _check(_csv("fuel_factors.csv"), lambda r: (r["fuel"], r["quantity"], r["sector"]),
               lambda r: (float(r["value"]), r["unit"]), FUEL_FACTORS, UNCONFIRMED_FUEL_FACTORS)
    assert n == 68


def test_stationary_ch4_n2o_against_40_cfr_98_table_c2():
    # A second source for the gas and oil rows: 40 CFR 98 Subpart C Table C-2 (kg per mmBtu,
    # HHV basis, "from IPCC"): natural gas 1.0e-3 CH4 / 1.0e-4 N2O; petroleum 3.0e-3 / 6.0e-4.
    # 1 mmBtu = 1.05505585262 GJ (NIST SP 811), so kg/mmBtu x 947.817 = kg/TJ; IPCC's NCV basis
    # and EPA's HHV basis differ by 5-10 %, hence 10 %.
    per_tj = 1e3 / 1.05505585262
    f = {(r["fuel"], r["quantity"], r["sector"]): float(r["value"]) for r in _csv("fuel_factors.csv")}
    for fuel, ch4, n2o in (("natural_gas", 1.0e-3, 1.0e-4), ("residual_fuel_oil", 3.0e-3, 6.0e-4),
                           ("gas_diesel_oil", 3.0e-3, 6.0e-4)):
        for sector in ("energy_industries", "manufacturing"):
            assert f[(fuel, "ch4", sector)] == approx(ch4 * per_tj, rel=0.1)
            assert f[(fuel, "n2o", sector)] == approx(n2o * per_tj, rel=0.1)


def test_ipcc_co2_factor_against_carbon_content():
    # facts.md sec. 1.2 also transcribes Table 1.3 carbon contents (kg C/GJ); the CO2 factor is
    # carbon x 44.0095/12.011 (IUPAC 2019 atomic weights), rounded by IPCC to 3 significant figures.
    carbon = {"natural_gas": 15.3, "residual_fuel_oil": 21.1, "gas_diesel_oil": 20.2, "lpg": 17.2,
              "other_bituminous_coal": 25.8, "sub_bituminous_coal": 26.2, "petroleum_coke": 26.6,
              "coking_coal": 25.8, "anthracite": 26.8, "coke_oven_coke": 29.2, "blast_furnace_gas": 70.8,
              "coke_oven_gas": 12.1, "oxygen_steel_furnace_gas": 49.6}
    f = {(r["fuel"], r["quantity"]): float(r["value"]) for r in _csv("fuel_factors.csv") if r["sector"] == "all"}
    for fuel, c in carbon.items():
        assert f[(fuel, "co2")] == approx(c * 1e3 * 44.0095 / 12.011, rel=0.003), fuel


# ============================================================================ GWP
# facts.md sec. 1.3: AR4 WG1 Table 2.14, AR5 WG1 Table 8.A.1 (no feedbacks), AR6 WG1 Table 7.15 /
# 7.SM.7; CO2 is the reference gas (1 by definition).
GWP = {
    ("CO2", "AR4"): 1, ("CO2", "AR5"): 1, ("CO2", "AR6"): 1,
    ("CH4", "AR4"): 25, ("CH4", "AR5"): 28, ("CH4", "AR6"): 27.9,
    ("CH4_fossil", "AR5"): 30, ("CH4_fossil", "AR6"): 29.8,
    ("N2O", "AR4"): 298, ("N2O", "AR5"): 265, ("N2O", "AR6"): 273,
    ("SF6", "AR4"): 22800, ("SF6", "AR5"): 23500, ("SF6", "AR6"): 25200,
    ("NF3", "AR4"): 17200, ("NF3", "AR5"): 16100, ("NF3", "AR6"): 17400,
    ("CF4", "AR4"): 7390, ("CF4", "AR5"): 6630, ("CF4", "AR6"): 7380,
    ("HFC-245fa", "AR4"): 1030, ("HFC-245fa", "AR5"): 858, ("HFC-245fa", "AR6"): 962,
    ("HFC-134a", "AR4"): 1430, ("HFC-134a", "AR5"): 1300, ("HFC-134a", "AR6"): 1530,
}


def test_gwp_every_gas_and_report():
    n = _check(_csv("gwp.csv"), lambda r: (r["gas"], r["set"]), lambda r: float(r["value"]),
               {k: float(v) for k, v in GWP.items()})
    assert n == 26


# ============================================================================ carbon fee, tariffs
CARBON_FEE = {  # facts.md sec. 1.4 (MOENV press release 2024-10-21; K value 25,000 t)
    "general": (300.0, "TWD/t CO2e"), "preferential_a": (50.0, "TWD/t CO2e"),
    "preferential_b": (100.0, "TWD/t CO2e"), "k_value": (25000.0, "t CO2e/yr"),
}
TARIFFS = {  # facts.md sec. 1.5 (ECCT 2023; Taipei Times 2024-10-01; Taiwan News 2025)
    ("TW", "electricity_kwh", "2023-04-01"): 3.1154, ("TW", "electricity_kwh", "2024-04-01"): 3.81,
    ("TW", "electricity_kwh", "2024-10-16"): 4.29, ("TW", "electricity_kwh", "2025-04-01"): 4.27,
}


def test_carbon_fee_rates():
    assert _check(_csv("carbon_fee.csv"), lambda r: r["item"], lambda r: (float(r["value"]), r["unit"]),
                  CARBON_FEE) == 4


def test_electricity_tariffs():
    assert _check(_csv("energy_prices.csv"), lambda r: (r["region"], r["carrier"], r["valid_from"]),
                  lambda r: float(r["value"]), TARIFFS) == 4
    assert {r["unit"] for r in _csv("energy_prices.csv")} == {"TWD/kWh"}
    # ECCT: the 2023-04 hike took the average from NT$2.8064 to 3.1154 (+11.0 %); Taipei Times:
    # +12.5 % for industry on 2024-10-16, NT$3.81 -> 4.29 (+12.6 %, rounding of both prices)
    assert 4.29 / 3.81 - 1 == approx(0.125, abs=0.002)


# ============================================================================ energy units, carriers
KCAL = 4186.8             # J, International Table calorie (NIST SP 811 B.8)
BTU = 1055.05585262       # J, International Table Btu (NIST SP 811 B.8)
ENERGY_UNITS = {  # definitions: BIPM SI Brochure 2019; NIST SP 811; IEA 2005 (toe = 1e7 kcal);
    # seed-cases.md (kLOE = 9.0e6 kcal; 1 kWh counted as 860 kcal)
    "J": 1.0, "kJ": 1e3, "MJ": 1e6, "GJ": 1e9, "TJ": 1e12, "PJ": 1e15, "Wh": 3600.0, "kWh": 3.6e6,
    "MWh": 3.6e9, "GWh": 3.6e12, "kcal": KCAL, "Mcal": 1e3 * KCAL, "kLOE": 9.0e6 * KCAL, "toe": 1e7 * KCAL,
    "Btu": BTU, "MMBtu": 1e6 * BTU, "kWh_tw_stat": 860 * KCAL,
}


def test_energy_units_are_their_definitions():
    n = _check(_csv("energy_units.csv"), lambda r: r["unit"], lambda r: float(r["value"]),
               ENERGY_UNITS, rel=1e-12)
    assert n == 17
    assert {r["unit_of_value"] for r in _csv("energy_units.csv")} == {"J"}


def _steam_rise_gj_per_t():
    # IAPWS-IF97 via CoolProp called directly: dry saturated steam at 1.0 MPa(a) from feedwater
    # at 25 C, 1 atm
    from CoolProp.CoolProp import PropsSI

    h_steam = PropsSI("H", "P", 1.0e6, "Q", 1.0, "IF97::Water")
    h_water = PropsSI("H", "P", 101325.0, "T", 298.15, "IF97::Water")
    return (h_steam - h_water) / 1e6


CARRIERS = {  # energy per quantity unit, (value, unit)
    "electricity_kwh": (860.0, "kcal"),      # seed-cases.md: 1 kWh counted as 860 kcal
    "lpg_t": (47.3, "GJ"),                   # facts.md 1.2, IPCC NCV LPG 47.3 MJ/kg
    "coal_t": (25.8, "GJ"),                  # facts.md 1.2, IPCC NCV other bituminous coal
    "heat_gj": (1.0, "GJ"),                  # definition of the carrier
    "heat_kloe": (9.0e6, "kcal"),            # seed-cases.md: 1 kLOE = 9.0e6 kcal
}
UNCONFIRMED_CARRIERS = {
    "natural_gas_nm3": ((9000.0, "kcal"), "MOENV 2024-02-05 notice quoted only in a public repository; "
                        "not in facts.md (facts.md gives 2.1622 kg CO2e/m3, which implies ~9,200 kcal/m3)"),
    "fuel_oil_kl": ((9.6e6, "kcal"), "engineering value marked unverified in the file"),
    "diesel_kl": ((8.4e6, "kcal"), "MOENV notice quoted only in a public repository; not in facts.md"),
    "wood_t": ((15.6, "GJ"), _WOOD_NOTE),
}


def test_carriers_every_row():
    rows = _csv("carriers.csv")
    steam = next(r for r in rows if r["carrier"] == "steam_t")
    # steam: computed from IF97 here, to the 5 figures printed
    assert float(steam["energy_per_unit"]) == approx(_steam_rise_gj_per_t(), abs=5e-5)
    assert steam["energy_unit"] == "GJ"
    n = _check([r for r in rows if r["carrier"] != "steam_t"], lambda r: r["carrier"],
               lambda r: (float(r["energy_per_unit"]), r["energy_unit"]), CARRIERS, UNCONFIRMED_CARRIERS)
    assert n + 1 == 10
    # fuel oil cross-check named in the file: MOENV 3.117 kg CO2e/L at IPCC 77,400 kg CO2/TJ
    assert 3.117 / (77400e-12) / 1e-3 / KCAL == approx(9.6e6, rel=0.005)


# ============================================================================ biogas
def _ch4_density_normal():
    from CoolProp.CoolProp import PropsSI

    return PropsSI("D", "T", 273.15, "P", 101325.0, "Methane")


BIOGAS = {
    # stoichiometry: CH4 + 2 O2 -> CO2 + 2 H2O, so 1 mol CH4 per 64 g of COD (O2 demand)
    "methane_yield_cod": 22.414 / 64.0,              # Nm3 CH4 / kg COD (ideal gas at 0 C, 1 atm)
    "b0_cod": 16.043 / 64.0,                         # kg CH4 / kg COD (IPCC B0 = the stoichiometric 0.25)
}
UNCONFIRMED_BIOGAS = {
    "mcf_untreated_sea_river_lake": (0.1, "IPCC 2006 Vol. 5 Table 6.8: no copy of the table here"),
    "mcf_aerobic_well_managed": (0.0, "IPCC 2006 Vol. 5 Table 6.8: no copy of the table here"),
    "mcf_aerobic_not_well_managed": (0.3, "IPCC 2006 Vol. 5 Table 6.8: no copy of the table here"),
    "mcf_anaerobic_reactor": (0.8, "IPCC 2006 Vol. 5 Table 6.8: no copy of the table here"),
    "mcf_anaerobic_shallow_lagoon": (0.2, "IPCC 2006 Vol. 5 Table 6.8: no copy of the table here"),
    "mcf_anaerobic_deep_lagoon": (0.8, "IPCC 2006 Vol. 5 Table 6.8: no copy of the table here"),
    "digester_leakage": (0.05, "IPCC 2006 Vol. 5 Ch. 4 note, secondary in the file"),
    "flare_destruction": (0.98, "AP-42 typical, secondary in the file"),
    "engine_methane_slip": (0.015, "assumption in the file (1-2 % range)"),
}


def test_biogas_factors():
    rows = _csv("biogas_factors.csv")
    dens = next(r for r in rows if r["factor"] == "methane_density_normal")
    assert float(dens["value"]) == approx(_ch4_density_normal(), abs=6e-6)
    n = _check([r for r in rows if r["factor"] != "methane_density_normal"], lambda r: r["factor"],
               lambda r: float(r["value"]), {k: round(v, 2) for k, v in BIOGAS.items()}, UNCONFIRMED_BIOGAS)
    assert n + 1 == 12


# ============================================================================ compressed air
# facts.md sec. 2.2-2.4 and the MEASUR compressor test case ID 728 (ORNL AMO-Tools-Suite:
# noLoadPowerFM 0.57, unloadPointCapacity 40, blowdownTime 40).
GAL = 3.785411784e-3            # m3 per US gallon (NIST SP 811)
CFM_M3MIN = 0.028316846592      # m3/min per cfm
CONTROL_DEFAULTS = {
    ("load_unload", "no_load_power_fraction"): 0.20,          # Energies 2021 14 8395: idle ratio 0.2
    ("modulation_unload", "no_load_power_fraction"): 0.20,
    ("variable_displacement", "no_load_power_fraction"): 0.20,
    ("vfd", "no_load_power_fraction"): 0.20,
    ("modulation", "zero_flow_power_fraction"): 0.70,         # facts 2.4: about 70 % at zero flow
    ("modulation_unload", "zero_flow_power_fraction"): 0.70,
    ("variable_displacement", "zero_flow_power_fraction"): 0.57,  # MEASUR 728
    ("modulation_unload", "unload_point"): 0.60,              # facts 2.4: changes over at about 60 %
    ("variable_displacement", "unload_point"): 0.40,          # MEASUR 728
    ("all", "blowdown_time"): 40.0,                           # MEASUR test inputs
    ("all", "receiver_volume_per_flow"): round(GAL / CFM_M3MIN, 4),   # facts 2.2: 1 gal per cfm
    ("all", "rated_pressure"): 7e5 + 101325.0,                # 7 bar(g) rating point
}
UNCONFIRMED_CONTROL_DEFAULTS = {
    ("vfd", "turn_down"): (0.30, "judgement in the file (typical VSD minimum speed)"),
    ("vfd", "turndown_specific_power_ratio"): (1.10, "judgement in the file"),
    ("all", "blowdown_tolerance"): (0.02, "modelling assumption (2 % residual defines the blow-down time)"),
    ("all", "pressure_band"): (50000.0, "judgement: 0.5 bar band"),
}


def test_compressor_control_defaults():
    n = _check(_csv("compressors_control_defaults.csv"), lambda r: (r["control"], r["parameter"]),
               lambda r: float(r["value"]), CONTROL_DEFAULTS, UNCONFIRMED_CONTROL_DEFAULTS)
    assert n == 16


def test_compressor_fleet_rows_from_their_stated_basis():
    # Each fleet row is built from its stated basis: lubricated screws at 6.0 kW/(m3/min)
    # (facts.md 2.3, upper end of CAGI 5.6-6.0) unloading at 20 % (Energies 2021); VSD units at
    # 6.3 kW/(m3/min) with 30 % turn-down at +10 % specific power (the file's judgement).
    fleets = {
        ("seed01_steel", "LU1"): ("load_unload", 22.0), ("seed01_steel", "LU2"): ("load_unload", 22.0),
        ("seed01_steel", "LU3"): ("load_unload", 22.0), ("seed01_steel", "LU4"): ("load_unload", 22.0),
        ("seed01_steel", "VFD1"): ("vfd", 20.0),
        ("seed13_semicon", "LU1"): ("load_unload", 13.0), ("seed13_semicon", "LU2"): ("load_unload", 13.0),
        ("seed13_semicon", "VFD1"): ("vfd", 10.0),
    }
    rows = _csv("compressors.csv")
    assert {(r["fleet"], r["name"]) for r in rows} == set(fleets)
    for r in rows:
        control, flow = fleets[(r["fleet"], r["name"])]
        assert (r["control"], float(r["rated_flow_m3_min"]), float(r["rated_pressure_barg"])) == (control, flow, 7.0)
        sp = 6.0 if control == "load_unload" else 6.3
        assert float(r["full_load_kw"]) == approx(sp * flow, abs=0.05)
        assert float(r["no_load_kw"]) == approx(0.2 * sp * flow, abs=0.05)
        if control == "vfd":
            assert float(r["turn_down"]) == 0.30
            assert float(r["turndown_kw"]) == approx(0.30 * flow * sp * 1.10, abs=0.05)
        else:
            assert r["turn_down"] == r["turndown_kw"] == ""


# ============================================================================ refrigerants
# GWP-100 from facts.md sec. 1.3 (AR5 / AR6) where it lists the gas; safety classes of ANSI/ASHRAE
# Standard 34 as CoolProp carries them (read below through CoolProp, an independent source).
REFRIGERANT_GWP = {"R744": (1, 1), "R134a": (1300, 1530), "R245fa": (858, 962)}
UNCONFIRMED_REFRIGERANT_GWP = {
    "R717": ((0, 0), "not a greenhouse gas: no IPCC entry (file's reading)"),
    "R718": ((0, 0), "water vapour not counted (file's reading)"),
    "R290": ((3, 0.02), "EN 378-1 Annex E / AR6 Table 7.SM.7 not available here"),
    "R600": ((4, 0.006), "EN 378-1 Annex E / AR6 Table 7.SM.7 not available here"),
    "R600a": ((3, 0.006), "EN 378-1 Annex E / AR6 Table 7.SM.7 not available here"),
    "R1234ze(E)": ((1, 1.37), "AR5 Table 8.A.1 / AR6 Table 7.SM.7 rows for HFOs not in facts.md"),
    "R1233zd(E)": ((1, 3.88), "AR5 Table 8.A.1 / AR6 Table 7.SM.7 rows for HFOs not in facts.md"),
    "R1336mzz(Z)": ((2, 2.08), "Chemours datasheet / AR6 Table 7.SM.7 not available here"),
}
SAFETY_CLASS = {  # ANSI/ASHRAE Standard 34-2019 Table 4-1 (as transcribed here)
    "R717": "B2L", "R744": "A1", "R290": "A3", "R600": "A3", "R600a": "A3", "R1234ze(E)": "A2L",
    "R1233zd(E)": "A1", "R1336mzz(Z)": "A1", "R134a": "A1", "R245fa": "B1", "R718": "A1",
}


def test_refrigerants_every_row():
    rows = _csv("refrigerants.csv")
    n = _check(rows, lambda r: r["refrigerant"], lambda r: (float(r["gwp_ar5"]), float(r["gwp_ar6"])),
               {k: (float(a), float(b)) for k, (a, b) in REFRIGERANT_GWP.items()},
               {k: ((float(v[0][0]), float(v[0][1])), v[1]) for k, v in UNCONFIRMED_REFRIGERANT_GWP.items()})
    assert n == 11
    from CoolProp.CoolProp import get_fluid_param_string

    confirmed = 0
    for r in rows:
        assert r["safety_class"] == SAFETY_CLASS[r["refrigerant"]], r["refrigerant"]
        assert r["ashrae_number"] == "R-" + r["refrigerant"][1:]
        # the CoolProp name resolves, and CoolProp's own ASHRAE 34 class agrees where it has one
        cp = get_fluid_param_string(r["coolprop_name"], "ASHRAE34").upper()
        if cp not in ("UNKNOWN", "?", ""):
            # CoolProp carries the classes before the 2L subclass (ASHRAE 34-2010): B2 for ammonia
            assert cp == r["safety_class"].replace("2L", "2"), (r["refrigerant"], cp)
            confirmed += 1
    assert confirmed == 8


# ============================================================================ CHP, heat pumps
UNCONFIRMED_CHP_REFERENCE = {
    ("electricity", "natural_gas"): (0.53, "EU 2015/2402 Annex I not available here"),
    ("heat", "natural_gas"): (0.92, "EU 2015/2402 Annex II not available here"),
}
UNCONFIRMED_CHP_PART_LOAD = {
    ("gas_engine", "1.00"): ((1.0, 1.0), "ratios entered from the EPA CHP catalog summary, not opened"),
    ("gas_engine", "0.75"): ((0.975, 0.780), "as above"),
    ("gas_engine", "0.50"): ((0.920, 0.560), "as above"),
    ("gas_turbine", "1.00"): ((1.0, 1.0), "EPA CHP catalog / Kehlhofer figure, not opened"),
    ("gas_turbine", "0.75"): ((0.920, 0.860), "as above"),
    ("gas_turbine", "0.50"): ((0.780, 0.720), "as above"),
}


def test_chp_tables():
    _check(_csv("chp_reference_efficiencies.csv"), lambda r: (r["quantity"], r["fuel"]),
           lambda r: float(r["value"]), {}, UNCONFIRMED_CHP_REFERENCE)
    rows = _csv("chp_part_load.csv")
    _check(rows, lambda r: (r["kind"], r["load_fraction"]),
           lambda r: (float(r["relative_electrical_efficiency"]), float(r["relative_exhaust_heat"])),
           {}, UNCONFIRMED_CHP_PART_LOAD)
    # the gas-engine ratios are the efficiencies quoted in the source column, 43.5/42.4/40.0 % LHV
    ge = {r["load_fraction"]: float(r["relative_electrical_efficiency"]) for r in rows if r["kind"] == "gas_engine"}
    assert ge["0.75"] == approx(42.4 / 43.5, abs=5e-4) and ge["0.50"] == approx(40.0 / 43.5, abs=5e-4)


UNCONFIRMED_HEAT_PUMP_COP = {
    "wu2025_te65_tc145": (2.24, "Wu et al., Energy 319 (2025) abstract, not available here"),
    "arpagaus2019_r1233zde_w60w110": (2.8, "Arpagaus et al., ICR 2019 abstract, not available here"),
    "arpagaus2019_r1233zde_w60w110_ihx": (3.1, "as above"),
    "arpagaus2019_r1336mzzz_w60w110": (2.4, "as above"),
    "arpagaus2019_r1336mzzz_w60w110_ihx": (3.0, "as above"),
    "arpagaus2018_sink120_lift30": (6.1, "Arpagaus et al., Energy 152 (2018) abstract range 5.7-6.5, mid-range"),
    "arpagaus2018_sink120_lift70": (2.5, "Arpagaus et al., Energy 152 (2018) abstract range 2.2-2.8, mid-range"),
}


def test_heat_pump_published_cop():
    rows = _csv("heat_pump_published_cop.csv")
    _check(rows, lambda r: r["point"], lambda r: float(r["measured_cop"]), {}, UNCONFIRMED_HEAT_PUMP_COP)
    # Wu 2025 states 96.8 kW heating for 43.2 kW power in the same sentence: COP 2.24
    wu = next(r for r in rows if r["point"] == "wu2025_te65_tc145")
    assert float(wu["measured_cop"]) == approx(96.8 / 43.2, abs=0.005)
    # the 2018 mid-range entries are the centres of the quoted ranges
    mids = {r["point"]: float(r["measured_cop"]) for r in rows}
    assert mids["arpagaus2018_sink120_lift30"] == approx((5.7 + 6.5) / 2, abs=1e-9)
    assert mids["arpagaus2018_sink120_lift70"] == approx((2.2 + 2.8) / 2, abs=1e-9)


# ============================================================================ motors
# IEC 60034-30-1:2014, 50 Hz, 4 poles (Table 3 column for 4 poles; IE3 also Regulation (EU)
# 2019/1781 Annex I Table 1), kW 0.75 ... 200 (the 200 kW value holds to 1000 kW).
MOTOR_KW = (0.75, 1.1, 1.5, 2.2, 3, 4, 5.5, 7.5, 11, 15, 18.5, 22, 30, 37, 45, 55, 75, 90, 110, 132, 160, 200)
IEC_50HZ_4POLE = {
    "IE1": (72.1, 75.0, 77.2, 79.7, 81.5, 83.1, 84.7, 86.0, 87.6, 88.7, 89.3, 89.9, 90.7, 91.2, 91.7, 92.1,
            92.7, 93.0, 93.3, 93.5, 93.8, 94.0),
    "IE2": (79.6, 81.4, 82.8, 84.3, 85.5, 86.6, 87.7, 88.7, 89.8, 90.6, 91.2, 91.6, 92.3, 92.7, 93.1, 93.5,
            94.0, 94.2, 94.5, 94.7, 94.9, 95.1),
    "IE3": (82.5, 84.1, 85.3, 86.7, 87.7, 88.6, 89.6, 90.4, 91.4, 92.1, 92.6, 93.0, 93.6, 93.9, 94.2, 94.6,
            95.0, 95.2, 95.4, 95.6, 95.8, 96.0),
    "IE4": (85.7, 87.2, 88.2, 89.5, 90.4, 91.1, 91.9, 92.6, 93.3, 93.9, 94.2, 94.5, 94.9, 95.2, 95.4, 95.7,
            96.0, 96.1, 96.3, 96.4, 96.6, 96.7),
}
#: Pinned, not confirmed: the 2- and 6-pole 50 Hz columns and all 60 Hz rows. SHA-256 of the
#: rows "frequency,class,poles,kW,efficiency" sorted, per group. No copy of IEC 60034-30-1
#: Tables 2/4 or of NEMA MG 1 Table 12-12 was available here.
UNCONFIRMED_MOTORS = {
    ("50", "IE1", "2"): "IEC 60034-30-1 Table 2 (2 poles) not available here",
    ("50", "IE2", "2"): "same", ("50", "IE4", "2"): "same",
    ("50", "IE3", "2"): "Table 2 not available; NEMA MG 1 Table 12-14 at hp ratings agrees to 0.1 point "
                        "(tests/test_motors_iec_transcription.py)",
    ("50", "IE1", "6"): "IEC 60034-30-1 Table 4 (6 poles) not available here",
    ("50", "IE2", "6"): "same", ("50", "IE4", "6"): "same",
    ("50", "IE3", "6"): "Table 4 not available; NEMA MG 1 Table 12-14 at hp ratings agrees to 0.1 point "
                        "(tests/test_motors_iec_transcription.py)",
    ("60", "IE2", "2"): "NEMA MG 1 Table 12-11 / 10 CFR 431 not available here",
    ("60", "IE2", "4"): "same", ("60", "IE2", "6"): "same",
    ("60", "IE3", "2"): "NEMA MG 1 Table 12-12 not available here", ("60", "IE3", "4"): "same",
    ("60", "IE3", "6"): "same",
}


def _motor_groups():
    groups = {}
    for r in _csv("motor_efficiency.csv"):
        groups.setdefault((r["frequency_hz"], r["efficiency_class"], r["poles"]), []).append(
            (float(r["rated_power_kw"]), float(r["efficiency_pct"])))
    return groups


def _digest(rows):
    return hashlib.sha256(";".join(f"{k:g},{e:g}" for k, e in sorted(rows)).encode()).hexdigest()[:16]


def test_motor_efficiency_table():
    groups = _motor_groups()
    assert set(groups) == {("50", c, "4") for c in IEC_50HZ_4POLE} | set(UNCONFIRMED_MOTORS)
    checked = 0
    for cls, effs in IEC_50HZ_4POLE.items():
        rows = dict(groups[("50", cls, "4")])
        assert sorted(rows) == sorted(MOTOR_KW), cls
        for kw, eff in zip(MOTOR_KW, effs):
            assert rows[kw] == eff, (cls, kw, rows[kw], eff)
            checked += 1
    assert checked == 88
    # IE1 at 50 Hz: 2- and 4-pole limits coincide in IEC 60034-30-1 (the 2-pole column is pinned
    # through this identity); every class improves on the one below at every rating
    assert dict(groups[("50", "IE1", "2")]) == dict(groups[("50", "IE1", "4")])
    for f, poles in (("50", "2"), ("50", "4"), ("50", "6")):
        for lo, hi in (("IE1", "IE2"), ("IE2", "IE3"), ("IE3", "IE4")):
            a, b = dict(groups[(f, lo, poles)]), dict(groups[(f, hi, poles)])
            assert all(b[k] > a[k] for k in a), (f, poles, lo, hi)
    assert set(PINNED_MOTOR_DIGESTS) == set(UNCONFIRMED_MOTORS)
    for key, digest in PINNED_MOTOR_DIGESTS.items():
        assert _digest(groups[key]) == digest, f"pinned motor rows {key} changed"


PINNED_MOTOR_DIGESTS = {
    ('50', 'IE1', '2'): 'f6a27191b6457fa0', ('50', 'IE1', '6'): '6074e83b085ded13',
    ('50', 'IE2', '2'): 'c851c3ade81aa468', ('50', 'IE2', '6'): '3f851c02dc445785',
    ('50', 'IE3', '2'): 'bd3e98f4fdbb79ce', ('50', 'IE3', '6'): 'a3bd3a6f1eaa8edb',
    ('50', 'IE4', '2'): '6aa36e0dab2431e5', ('50', 'IE4', '6'): 'c2b7bd775f9477b0',
    ('60', 'IE2', '2'): '9cf1a870f7dfcca3', ('60', 'IE2', '4'): '73cd942cbbbc862f',
    ('60', 'IE2', '6'): 'b3b71680b6fa14ad', ('60', 'IE3', '2'): 'e004c5d71a93bdbc',
    ('60', 'IE3', '4'): '7c194aaf21e5ac11', ('60', 'IE3', '6'): '83d30bec2bdaa3e2',
}


# ============================================================================ NASA-7 (Cantera)
def _cantera_species(filename):
    import cantera as ct

    return {s.name: s for s in ct.Species.list_from_file(filename)}


def test_nasa7_gas_species_against_cantera():
    # every coefficient of every species equals Cantera's nasa_gas.yaml (McBride, Gordon & Reno,
    # NASA TM-4513, 1993), read here through Cantera itself
    data = json.loads((DATA / "nasa7_species.json").read_text())
    ref = _cantera_species("nasa_gas.yaml")
    n = 0
    for name, sp in data["species"].items():
        ct_sp = ref[sp["cantera_name"]]
        coeffs = ct_sp.thermo.coeffs   # [T_mid, high a1..a7, low a1..a7]
        assert sp["temperature_ranges"] == [ct_sp.thermo.min_temp, coeffs[0], ct_sp.thermo.max_temp], name
        assert sp["high"] == list(coeffs[1:8]), name
        assert sp["low"] == list(coeffs[8:15]), name
        assert sp["composition"] == {k: float(v) for k, v in ct_sp.composition.items()}, name
        # molar mass from IUPAC atomic weights as Cantera sums them
        mw = sum(v * _ATOMIC_MASS[k] for k, v in ct_sp.composition.items()) / 1e3
        assert sp["molar_mass"] == approx(mw, rel=2e-5), name
        n += 1
    assert n == 24


_ATOMIC_MASS = {"H": 1.008, "C": 12.011, "N": 14.007, "O": 15.999, "S": 32.06, "Ar": 39.95, "AR": 39.95,
                "Fe": 55.845, "Si": 28.085, "Mn": 54.938043, "Ca": 40.078, "Mg": 24.305, "Al": 26.9815385}


def test_eaf_condensed_nasa7_against_cantera():
    rows = _csv("eaf_condensed_nasa7.csv")
    ref = _cantera_species("nasa_condensed.yaml")
    checked = 0
    for r in rows:
        if r["species"] in UNCONFIRMED_CONDENSED:
            continue
        ct_sp = ref[r["species"]]
        t_lo, t_hi = float(r["T_low"]), float(r["T_high"])
        a = [float(r[f"a{i}"]) for i in range(1, 8)]
        # the row's polynomial reproduces Cantera's cp, h and s inside its range
        for t in (t_lo + 1e-6, 0.5 * (t_lo + t_hi), t_hi - 1e-6):
            cp = a[0] + a[1] * t + a[2] * t ** 2 + a[3] * t ** 3 + a[4] * t ** 4
            h = a[0] + a[1] * t / 2 + a[2] * t ** 2 / 3 + a[3] * t ** 3 / 4 + a[4] * t ** 4 / 5 + a[5] / t
            s = a[0] * math.log(t) + a[1] * t + a[2] * t ** 2 / 2 + a[3] * t ** 3 / 3 + a[4] * t ** 4 / 4 + a[6]
            R = 8314.46261815324
            assert cp == approx(ct_sp.thermo.cp(t) / R, rel=1e-7, abs=1e-9), (r["species"], t)
            assert h == approx(ct_sp.thermo.h(t) / R / t, rel=1e-7, abs=1e-9), (r["species"], t)
            assert s == approx(ct_sp.thermo.s(t) / R, rel=1e-7, abs=1e-9), (r["species"], t)
        checked += 1
    assert checked == len(rows) - 2


UNCONFIRMED_CONDENSED = {
    "Mn": "constant cp from Wagman et al. (1982) NBS tables, not available here",
    "MnO": "constant cp from Wagman et al. (1982) NBS tables, not available here",
}


def test_condensed_manganese_rows_pinned():
    rows = {r["species"]: r for r in _csv("eaf_condensed_nasa7.csv") if r["species"] in UNCONFIRMED_CONDENSED}
    R = 8.314462618
    # pinned: cp [J/(mol K)] and the formation enthalpy at 298.15 K [kJ/mol] the rows encode
    pinned = {"Mn": (26.32, 0.0), "MnO": (45.44, -385.22)}
    for sp, (cp, dhf) in pinned.items():
        a1, a6 = float(rows[sp]["a1"]), float(rows[sp]["a6"])
        assert a1 * R == approx(cp, abs=0.005), sp
        assert R * (a1 * 298.15 + a6) / 1e3 == approx(dhf, abs=0.005), sp


# ============================================================================ fuel compositions
# facts.md sec. 1.2 IPCC defaults per fuel entry; 95 % limits are the file's secondary reading.
FUEL_IPCC = {
    "natural_gas": ("Natural gas", 56100.0, 48.0e6), "pipeline_gas": ("Natural gas", 56100.0, 48.0e6),
    "lpg": ("Liquefied petroleum gases", 63100.0, 47.3e6), "diesel": ("Gas/diesel oil", 74100.0, 43.0e6),
    "fuel_oil": ("Residual fuel oil", 77400.0, 40.4e6),
    "bituminous_coal": ("Other bituminous coal", 94600.0, 25.8e6),
    "sub_bituminous_coal": ("Sub-bituminous coal", 96100.0, 18.9e6),
    "petroleum_coke": ("Petroleum coke", 97500.0, 32.5e6),
}
#: AGA Report No. 8 (1994) "Gulf Coast" test gas, mole fractions as published (C5+ lumped as
#: n-pentane by the file: i-C5 0.000473 + n-C5 0.000324 + n-C6 0.000664 = 0.001461)
AGA8_GULF_COAST = {"CH4": 0.965222, "C2H6": 0.018186, "C3H8": 0.004596, "IC4H10": 0.000977,
                   "C4H10": 0.001007, "C5H12": 0.000473 + 0.000324 + 0.000664, "N2": 0.002595,
                   "CO2": 0.005956}
UNCONFIRMED_FUELS = {
    "natural_gas": ({"CH4": 0.913, "C2H6": 0.052, "C3H8": 0.022, "IC4H10": 0.005, "C4H10": 0.005, "N2": 0.003},
                    "representative by design: no CPC gas-quality certificate"),
    "lpg": ({"C3H8": 0.60, "C4H10": 0.20, "IC4H10": 0.20}, "representative by design"),
    "diesel": ({"C": 0.865, "H": 0.134, "O": 0.00089, "N": 0.0001, "S": 0.00001, "H2O": 0.0, "ash": 0.0},
               "representative; C from GREET (not available here), H by difference"),
    "fuel_oil": ({"C": 0.868, "H": 0.107, "O": 0.005, "N": 0.004, "S": 0.010, "H2O": 0.005, "ash": 0.001},
                 "representative by design"),
    "bituminous_coal": ({"C": 0.6560, "H": 0.0424, "O": 0.0808, "N": 0.0136, "S": 0.0072, "H2O": 0.09,
                         "ash": 0.11}, "representative; moisture/ash fitted to the IPCC NCV"),
    "sub_bituminous_coal": ({"C": 0.4983, "H": 0.03564, "O": 0.11418, "N": 0.00792, "S": 0.00396,
                             "H2O": 0.28, "ash": 0.06}, "representative; moisture/ash fitted to the IPCC NCV"),
    "petroleum_coke": ({"C": 0.836825, "H": 0.034595, "O": 0.014025, "N": 0.01496, "S": 0.034595,
                        "H2O": 0.06, "ash": 0.005}, "representative; moisture fitted to the IPCC NCV"),
    "wood_pellets": ({"C": 0.46276, "H": 0.05612, "O": 0.39468, "N": 0.00184, "S": 0.000184, "H2O": 0.08,
                      "ash": 0.004416}, "representative by design"),
    "srf": ({"C": 0.47, "H": 0.065, "O": 0.2195, "N": 0.008, "S": 0.0025, "H2O": 0.12, "ash": 0.115},
            "representative by design"),
}


def test_fuel_compositions_and_their_ipcc_defaults():
    fuels = tomllib.loads((DATA / "fuels.toml").read_text())
    assert set(fuels) == {"pipeline_gas"} | set(UNCONFIRMED_FUELS)
    gulf = fuels["pipeline_gas"]["mole"]
    assert set(gulf) == set(AGA8_GULF_COAST)
    for k, v in AGA8_GULF_COAST.items():
        assert gulf[k] == approx(v, abs=1e-12), k
    for name, (comp, _why) in UNCONFIRMED_FUELS.items():
        got = fuels[name].get("mole") or fuels[name].get("mass")
        assert got == comp, name
    for name, f in fuels.items():
        comp = f.get("mole") or f.get("mass")
        assert sum(comp.values()) == approx(1.0, abs=1.5e-6), name
        if name in FUEL_IPCC:
            cat, ef, ncv = FUEL_IPCC[name]
            assert (f["ipcc_category"], f["ipcc_ef"], f["ipcc_ncv"]) == (cat, ef, ncv), name
            assert f["ipcc_ef_low"] < ef < f["ipcc_ef_high"], name
        if "cited_lhv" in f:
            assert f["cited_lhv"] == FUEL_IPCC[name][2], name


# ============================================================================ EAF inputs
def _pin(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()[:16]


#: All EAF charge materials, gases and typical heats are engineering values marked
#: "unverified" in their files (no analysis or paper read for the numbers): pinned, with the
#: physical checks that do not need a source (compositions sum to 1; oxygen above air).
UNCONFIRMED_EAF = {
    "eaf_materials.toml": "typical analyses marked unverified (Toulouevski & Zinurov 2013 not read for numbers)",
    "eaf_gases.toml": "engineering compositions marked unverified (air: ISO 2533 via procsim.thermo.gas)",
    "eaf_typical_heats.toml": "typical operating inputs marked unverified (Kirschen et al. 2011 not read)",
}
PINNED_EAF = {
    "eaf_gases.toml": "c92db1cb953fbf32", "eaf_materials.toml": "5fc30024804621ad",
    "eaf_typical_heats.toml": "3a12df67f69424f5",
}


def test_eaf_inputs_pinned_and_physical():
    mats = tomllib.loads((DATA / "eaf_materials.toml").read_text())
    for name, m in mats.items():
        assert sum(m["composition"].values()) == approx(1.0, abs=1e-9), name
        assert m["state"] in ("solid", "liquid")
    gases = tomllib.loads((DATA / "eaf_gases.toml").read_text())
    for name, g in gases.items():
        if isinstance(g["composition"], dict):
            assert sum(g["composition"].values()) == approx(1.0, abs=1e-9), name
    heats = tomllib.loads((DATA / "eaf_typical_heats.toml").read_text())
    for name, h in heats.items():
        assert set(h["charge_kg_per_t"]) <= set(mats), name
    for fname, digest in PINNED_EAF.items():
        assert _pin(tomllib.loads((DATA / fname).read_text())) == digest, f"pinned {fname} changed"
    assert set(PINNED_EAF) == set(UNCONFIRMED_EAF)


def test_every_data_file_is_covered():
    # a new table under procsim/data must get its transcription here
    covered = {"grid_factors.csv", "grid_factor_announcements.csv", "fuel_factors.csv", "gwp.csv",
               "carbon_fee.csv", "energy_prices.csv", "energy_units.csv", "carriers.csv", "biogas_factors.csv",
               "compressors.csv", "compressors_control_defaults.csv", "refrigerants.csv",
               "chp_reference_efficiencies.csv", "chp_part_load.csv", "heat_pump_published_cop.csv",
               "motor_efficiency.csv", "nasa7_species.json", "eaf_condensed_nasa7.csv", "fuels.toml",
               "eaf_materials.toml", "eaf_gases.toml", "eaf_typical_heats.toml"}
    present = {p.name for p in DATA.iterdir() if p.suffix in (".csv", ".json", ".toml")}
    assert present == covered
    units_data = sorted(p for p in (DATA.parents[1] / "units").glob("*/data/*") if p.is_file())
    assert units_data == []
