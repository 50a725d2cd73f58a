"""Claim checker: arithmetic, implied factors and prices, unit mix-ups, seed-case verdicts, files."""
from pathlib import Path

import pytest
from pytest import raises

from procsim.accounting import FactorTable, check_claim, format_findings, load_claim, verdict

pytestmark = pytest.mark.unit

CLAIMS = Path(__file__).resolve().parent.parent / "cases" / "claims"


def _by(findings, severity):
    return [f for f in findings if f.severity == severity]


def test_design_example_is_consistent():
    # docs/architecture.rst example. Hand check: 70,000 / 1,200,000 = 5.83 % (claimed 5.8 %);
    # 70,000 Nm3 x 9,000 kcal x 4186.8 J = 2,638 GJ x 56.15 kg/GJ (IPCC NG, AR5) = 148 t (claimed 151,
    # within +/-5 %); payback 2.4 M / 1.05 M = 2.29 yr (claimed 2.3).
    claim = {"name": "Boiler economizer", "region": "TW", "year": 2024, "currency": "TWD",
             "baseline": {"natural_gas_nm3": 1200000}, "retrofit": {"natural_gas_nm3": 1130000},
             "savings": {"natural_gas_nm3": 70000, "co2_t": 151, "energy_fraction": 0.058,
                         "co2_fraction": 0.058, "cost": 1.05e6},
             "investment": 2.4e6, "subsidy": 0, "payback_years": 2.3}
    fs = check_claim(claim)
    assert not _by(fs, "warning") and not _by(fs, "error"), format_findings(fs)
    assert {f.field for f in _by(fs, "ok")} >= {"savings.natural_gas_nm3", "savings.energy_fraction",
                                                "payback_years", "savings.co2_t"}
    assert verdict(fs) == "consistent"


def test_arithmetic_errors_name_the_numbers():
    fs = check_claim({"year": 2024, "baseline": {"electricity_kwh": 1000000},
                      "retrofit": {"electricity_kwh": 900000},
                      "savings": {"electricity_kwh": 150000, "energy_fraction": 0.2}})
    msgs = [f.message for f in _by(fs, "error")]
    assert any("claimed saving 150,000 kWh/yr but baseline 1,000,000 - retrofit 900,000 = "
               "100,000 kWh/yr" in m for m in msgs)
    # a rate above saved / baseline is a rate of part of the site: a basis warning naming the
    # baseline it fits (the claimed 150,000 / 0.2 = 750,000 kWh/yr, 75 % of the stated one)
    warn = [f.message for f in _by(fs, "warning")]
    assert any("claimed 20 % but" in m and "750,000 kWh/yr, 75 % of the stated one" in m for m in warn)
    # a rate below it cannot be a part of the site: an error
    fs = check_claim({"year": 2024, "baseline": {"electricity_kwh": 1000000},
                      "retrofit": {"electricity_kwh": 900000}, "savings": {"energy_fraction": 0.05}})
    assert any("claimed 5 % but" in f.message for f in _by(fs, "error"))
    fs = check_claim({"year": 2024, "baseline": {"steam_t": 100}, "savings": {"steam_t": 150}})
    assert any("saving 150 t/yr is larger than the baseline 100 t/yr" in f.message
               for f in _by(fs, "error"))


def test_payback_on_gross_investment_is_flagged():
    # (7.6 M - 3.7 M) / 1.3 M = 3.0 yr net; 7.6 / 1.3 = 5.85 yr gross
    fs = check_claim({"year": 2024, "investment": 7.6e6, "subsidy": 3.7e6, "payback_years": 5.85,
                      "savings": {"cost": 1.3e6}})
    w = _by(fs, "warning")
    assert len(w) == 1 and "gross investment" in w[0].message and "3 yr" in w[0].message
    fs = check_claim({"year": 2024, "investment": 1.0e6, "payback_years": 9.0,
                      "savings": {"cost": 1.0e6}})
    assert any("claimed 9 yr but" in f.message for f in _by(fs, "error"))
    fs = check_claim({"year": 2024, "investment": 1.0e6, "payback_years": 2.0,
                      "savings": {"cost": -1.0e5}})
    assert any("never pays back" in f.message for f in _by(fs, "error"))


@pytest.mark.parametrize("co2_t,basis,year_txt", [
    (605.115, "fuel_stats_2024ed", "0.490"),   # 1,234,929 kWh x 0.490 (report's 2024-edition value)
    (608.820, "fuel_stats_2023ed", "0.493"),   # x 0.493 (2023 edition)
    (573.007, "target", "0.464"),              # x 0.464 (2023 action-plan target)
])
def test_other_bases_for_2023_are_named(co2_t, basis, year_txt):
    fs = check_claim({"year": 2023, "savings": {"electricity_kwh": 1234929, "co2_t": co2_t}})
    w = _by(fs, "warning")
    assert len(w) == 1 and year_txt in w[0].message
    assert w[0].values["matched"]["basis"] == basis
    assert "0.494" in w[0].message  # the announced 2023 factor is quoted beside it


def _co2(fs, field="savings.co2_t"):
    return [f for f in fs if f.field == field][0]


def test_announced_factor_is_ok_and_stale_factor_is_flagged():
    # 2023 figures written at the end of 2023 could use the 2022 factor 0.495 (announced
    # 2023); 1,234,929 x 0.494 = 610.055 t matches 2023's own factor, announced 2024-04-26:
    # consistent for an undated claim (written after the announcement), a warning when
    # the claim is dated before it
    ok = check_claim({"year": 2023, "savings": {"electricity_kwh": 1234929, "co2_t": 610.055}})
    assert verdict(ok) == "consistent"
    assert _co2(ok).values["matched_vintage"] == 2023
    early = check_claim({"year": 2023, "date": "2024-03-01",
                         "savings": {"electricity_kwh": 1234929, "co2_t": 610.055}})
    w = _by(early, "warning")
    assert len(w) == 1 and "announced 2024-04-26, after the claim's date 2024-03-01" in w[0].message
    late = check_claim({"year": 2023, "date": "2024-05-01",
                        "savings": {"electricity_kwh": 1234929, "co2_t": 610.055}})
    assert _by(late, "ok")[0].values["matched_vintage"] == 2023
    # 1,234,929 x 0.533 = 658.217 t: the 2018 factor, four vintages before 2023's
    stale = check_claim({"year": 2024, "savings": {"electricity_kwh": 1234929, "co2_t": 658.217}})
    w = _by(stale, "warning")
    assert len(w) == 1 and "2018 (0.533), more than two vintages" in w[0].message
    assert "610.05 t" in w[0].message   # x 0.494 = 610.0549, the latest announced by the end of 2024


@pytest.mark.parametrize("co2_t,vintage,severity", [
    (610.055, 2023, "ok"),     # 1,234,929 x 0.494: latest announced by end-2024 (2024-04-26)
    (611.290, 2022, "info"),   # x 0.495: one vintage back
    (628.579, 2021, "info"),   # x 0.509: two back (also 2019's value; the newest is named)
    (585.356, 2024, "info"),   # x 0.474: 2024's own factor, announced 2025-04-14 (undated claim)
])
def test_vintage_window_for_a_2024_claim(co2_t, vintage, severity):
    fs = check_claim({"year": 2024, "savings": {"electricity_kwh": 1234929, "co2_t": co2_t}})
    f = [f for f in fs if f.field == "savings.co2_t"][0]
    assert (f.severity, f.values["matched_vintage"]) == (severity, vintage), f.message
    assert verdict(fs) == "consistent"
    if severity == "info" and vintage < 2023:
        # the difference to the latest announced (x 0.494 = 610.055 t) is stated
        assert f"({co2_t - 610.055:,.2f} t" in f.message.replace("(1.235 t", "(1.24 t")


def test_dated_claim_uses_factors_announced_by_its_date():
    # dated 2025-03-01: the 2024 factor 0.474 (announced 2025-04-14) was not yet public
    fs = check_claim({"year": 2024, "date": "2025-03-01",
                      "savings": {"electricity_kwh": 1.0e6, "co2_t": 474}})
    assert verdict(fs) == "questionable"
    assert "could not have been used then" in _by(fs, "warning")[0].message
    fs = check_claim({"year": 2024, "date": "2025-06-30",
                      "savings": {"electricity_kwh": 1.0e6, "co2_t": 474}})
    assert _by(fs, "ok")[0].values["matched_vintage"] == 2024
    # TOML dates arrive as datetime.date
    import datetime
    fs = check_claim({"year": 2024, "date": datetime.date(2025, 6, 30),
                      "savings": {"electricity_kwh": 1.0e6, "co2_t": 494}})
    f = _co2(fs)
    assert f.values["matched_vintage"] == 2023 and "+4.2 % difference" in f.message


def test_stated_factor_basis_is_checked():
    base = {"year": 2024, "savings": {"electricity_kwh": 1.0e6, "co2_t": 495}}
    fs = check_claim(dict(base, factor_basis="actual:2022"))
    assert verdict(fs) == "consistent" and "stated 2022 vintage 0.495" in _co2(fs).message
    fs = check_claim(dict(base, factor_basis="actual:2023", savings={"electricity_kwh": 1.0e6,
                                                                     "co2_t": 509}))
    assert "states it used actual 2023 (0.494), but its figures imply 0.5090" in _by(fs, "warning")[0].message
    fs = check_claim(dict(base, factor_basis="target:2024", savings={"electricity_kwh": 1.0e6,
                                                                     "co2_t": 418}))
    assert "not an announced grid factor" in _by(fs, "warning")[0].message
    fs = check_claim(dict(base, factor_basis="nonsense"))
    assert any(f.field == "factor_basis" for f in _by(fs, "warning"))
    assert check_claim(dict(base, date="June 2024"))[0].field == "date"


def test_announcement_dates_have_sources():
    from procsim.accounting.factors import announced_grid_factor, default_grid_table
    t = default_grid_table()
    a = t.announcement("TW", 2023)
    assert a.date.isoformat() == "2024-04-26" and a.precision == "day" and "BusinessToday" in a.source
    for year in t.years("TW", "actual"):
        a = t.announcement("TW", year)
        assert a.date.year == year + 1 and len(a.source) > 20, a
    assert announced_grid_factor("TW", 2024).year == 2023
    assert announced_grid_factor("TW", "2025-04-13").year == 2023
    assert announced_grid_factor("TW", "2025-04-14").year == 2024
    with raises(ValueError, match="announced by 2015-12-31"):
        announced_grid_factor("TW", 2015)


def test_unit_mixups():
    # seed 13: 1.75 million kWh in the text, NT$1.75 M in the highlights
    fs = check_claim(load_claim(CLAIMS / "seed13b_semiconductor_vfd_ems.toml"))
    assert any("kWh / NT$ mix-up" in f.message for f in _by(fs, "warning"))
    # kLOE vs toe: 181 GWh x 860 kcal + 3,935 kLOE x 9e6 kcal = 19,107.5 toe = 21,230.6 kLOE
    fs = check_claim({"year": 2024, "savings": {"electricity_kwh": 181e6, "heat_kloe": 3935,
                                                "energy_kloe": 19100}})
    assert any("kLOE / toe mix-up" in f.message for f in _by(fs, "warning"))
    fs = check_claim({"year": 2024, "savings": {"electricity_kwh": 181e6, "heat_kloe": 3935,
                                                "energy_toe": 19100}})
    assert verdict(fs) == "consistent"
    # price far below the tariff: cost probably in 10^4 NT$
    fs = check_claim({"year": 2024, "savings": {"electricity_kwh": 200000, "cost": 80}})
    assert any("below NT$" in f.message for f in _by(fs, "warning"))


def test_structure_errors_name_keys():
    fs = check_claim({"year": 2024, "saving": {}, "savings": {"electricity_mwh": 5, "co2_t": "a lot"},
                      "baseline": {"electricity_kwh": -3}})
    msgs = " | ".join(f.message for f in fs)
    assert all(f.severity == "error" for f in fs)
    assert "unknown key(s) 'saving'" in msgs
    assert "unknown key(s) in savings: 'electricity_mwh' (unknown carrier or unit)" in msgs
    assert "savings.co2_t must be a number; got 'a lot'" in msgs
    assert "baseline.electricity_kwh must be >= 0 kWh/yr; got -3" in msgs
    assert check_claim([1, 2])[0].severity == "error"
    fs = check_claim({"year": "2024"})
    assert fs[0].field == "year" and "integer" in fs[0].message


def test_other_region_with_user_table():
    table = FactorTable.from_mapping({2022: 0.436}, region="XX", source="test utility disclosure")
    fs = check_claim({"region": "XX", "year": 2022, "currency": "EUR",
                      "savings": {"electricity_kwh": 100000, "co2_t": 43.6, "cost": 20000}},
                     table=table)
    assert any(f.severity == "ok" and "0.436" in f.message for f in fs)
    assert any("price not checked" in f.message for f in fs)
    fs = check_claim({"region": "XX", "year": 2022, "savings": {"electricity_kwh": 1, "co2_t": 1}})
    assert verdict(fs) == "not checkable"


# Verdicts for the seed cases (seed-cases.md), each with the hand arithmetic behind it.
SEED_VERDICTS = {
    "seed01_steel_compressed_air": "consistent",          # 267/540,000 = 0.494; 1.0/1.62 = 0.62 yr
    "seed02_steel_pickling_waste_heat_steam": "not checkable",  # no gas volume, no cost
    "seed03_eaf_heat_recovery_rnd": "not checkable",      # recovery shares only
    "seed04_cement_waste_heat_power": "not checkable",    # 14.5 kg/t is 1.7 % of 853 kg/t
    "seed05_petrochemical_catalyst_steam": "consistent",  # 6.7 t/h x 8,000 h = 53,600 t; 4.13 %; 2.5 yr
    "seed06_induction_to_laser_hardening": "questionable",  # 19/76,000 = 0.25 vs 133.6/268,000 = 0.4985
    "seed07_textile_dyeing_machines": "questionable",     # 324.3 t / 74,000 kWh = 4.38 kg/kWh
    "seed08_textile_cooling_water_recovery": "not checkable",
    "seed09_food_plant_efficiency": "questionable",       # NT$12.968 M / 930,937 kWh = NT$13.9/kWh
    "seed10_injection_moulding_servo": "consistent",      # 96.74 / 190,000 = 0.509: 2021 vintage,
                                                          # two before 2023's (latest at end-2024)
    "seed11_electronics_power_quality": "questionable",   # 159 / 2,877 = 5.5 %; 11.3 % fits 1,407 MWh,
                                                          # 49 % of the site (treated loads 45 %)
    "seed12_paper_machine": "not checkable",              # no kWh or fuel figures
    "seed13a_semiconductor_air_leaks": "consistent",      # NT$794,000 / 226,730 kWh = NT$3.50/kWh
    "seed13b_semiconductor_vfd_ems": "questionable",      # 1.75 M kWh vs NT$1.75 M
    "seed14_chemical_supply_chain": "consistent",         # 1,241 / 2,507 MWh = 0.495: 2022 vintage
    "seed15_machinery_team": "consistent",                # 2,260 / 4,576 MWh = 0.494
    "seed16_food_biogas_power": "questionable",           # 10,000 t / 500 MWh: avoided methane unstated
    "seed17_dyeing_briefing": "not checkable",
    "programme_energy_audits": "consistent",              # 19,107.5 toe vs 19,100
    "programme_biomass_matching": "consistent",           # 11,200 t coal: 26,155-28,908 t CO2e
    "programme_steam_exchange": "consistent",             # 7,300 kL oil: 21,642-23,920 t CO2e
    "mv_compressed_air_retrofit": "questionable",         # 150,000 kWh vs metered 138,594 +/- 1,913
}


@pytest.mark.parametrize("name,expected", sorted(SEED_VERDICTS.items()))
def test_seed_claim_verdicts(name, expected):
    fs = check_claim(load_claim(CLAIMS / f"{name}.toml"), base_dir=CLAIMS)
    assert verdict(fs) == expected, format_findings(fs)


def test_every_claim_file_is_covered():
    assert {p.stem for p in CLAIMS.glob("*.toml")} == set(SEED_VERDICTS)


MALFORMED = [  # (file name, text, the error it must give: which line and which field)
    ("bad.toml", 'name = "x"\nyear = 2024\n[savings]\nco2_t = = 5\n',
     r"malformed TOML in .*bad.toml: .*line 4"),
    ("bad.yaml", "name: x\nsavings:\n  co2_t: 5\n co2: [\n", r"malformed YAML in .*bad.yaml at line \d+"),
    ("bad.json", '{"name": "x",\n "year": }', r"malformed JSON in .*bad.json at line 2, column 10"),
    ("unknown.toml", 'name = "x"\nyear = 2024\n[savings]\nelectricity_mwh = 5\n',
     r"field savings.electricity_mwh \(line 4\): unknown key"),
    ("neg.yaml", "year: 2024\nbaseline:\n  natural_gas_nm3: -10\n",
     r"field baseline.natural_gas_nm3 \(line 3\): .* must be >= 0"),
    ("claim.txt", "x", "must end in .toml, .yaml, .yml or .json"),
]


@pytest.mark.parametrize("name,text,match", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_files_report_line_and_field(tmp_path, name, text, match):
    p = tmp_path / name
    p.write_text(text)
    with raises(ValueError, match=match):
        load_claim(p)


def test_missing_claim_file(tmp_path):
    with raises(ValueError, match="cannot read claim file"):
        load_claim(tmp_path / "missing.toml")


def test_yaml_and_json_claims_load(tmp_path):
    y = tmp_path / "c.yaml"
    y.write_text("year: 2024\nsavings:\n  electricity_kwh: 540000\n  co2_t: 267\n")
    j = tmp_path / "c.json"
    j.write_text('{"year": 2024, "savings": {"electricity_kwh": 540000, "co2_t": 267}}')
    assert load_claim(y) == load_claim(j)
    assert verdict(check_claim(load_claim(j))) == "consistent"


def test_format_findings_and_as_dict():
    fs = check_claim(load_claim(CLAIMS / "seed11_electronics_power_quality.toml"))
    text = format_findings(fs)
    assert "[WARNING] savings.energy_fraction: claimed 11.3 % but 159,000 / 2,877,000 kWh/yr" in text
    assert text.splitlines()[-1].startswith("Verdict: questionable (0 error(s)")
    d = fs[0].as_dict()
    assert set(d) == {"severity", "field", "message", "values"}


def test_years_outside_the_table_use_the_latest_announced_factor():
    # 2030 has no announced factor yet: the latest (2024, 0.474) is the one to use
    fs = check_claim({"year": 2030, "savings": {"electricity_kwh": 1.0e6, "co2_t": 474}})
    assert verdict(fs) == "consistent" and "latest announced" in _by(fs, "ok")[0].message
    for year in (2010, 2030):  # mixed carriers and cost-only claims must not fail
        for sav in ({"electricity_kwh": 1e6, "steam_t": 100, "co2_t": 500}, {"co2_t": 5, "cost": 1e6}):
            assert verdict(check_claim({"year": year, "savings": sav})) in ("consistent", "not checkable")
