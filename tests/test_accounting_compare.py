"""Emissions by scope, baseline-vs-retrofit comparison, options, MACC."""
import matplotlib

matplotlib.use("Agg")

import numpy_financial as npf
import pytest
from pytest import approx, raises

from procsim.accounting import (Option, SteamSupply, compare, compare_options, emission_intensity,
                                emissions)

pytestmark = pytest.mark.component

# Hand-worked constants, each from its source:
KCAL = 4186.8                 # J, International Table calorie (NIST SP 811 B.8)
NG_GJ_PER_NM3 = 9000 * KCAL / 1e9   # 9,000 kcal/Nm3 (MOENV 2024-02-05 notice, as quoted)
EF_NG = (56100.0, 1.0, 0.1)   # kg CO2 / CH4 / N2O per TJ (IPCC 2006 Tables 1.4 and 2.3)
GWP_AR5 = (28.0, 265.0)       # CH4, N2O (AR5 WG1 Table 8.A.1)


def test_natural_gas_scope1_by_gas_hand_worked():
    e = emissions({"natural_gas_nm3": 1.0e6}, year=2023)
    tj = 1.0e6 * NG_GJ_PER_NM3 / 1000.0          # 37.6812 TJ
    co2, ch4, n2o = (tj * x / 1000.0 for x in EF_NG)  # t of each gas
    assert e.by_gas_t["CO2"] == approx(co2, rel=1e-12)   # 2113.915 t
    assert e.by_gas_t["CH4"] == approx(ch4, rel=1e-12)
    assert e.by_gas_t["N2O"] == approx(n2o, rel=1e-12)
    assert e.scope1_co2e_t == approx(co2 + 28 * ch4 + 265 * n2o, rel=1e-12)
    assert e.scope2_co2e_t == 0.0
    # AR6 weights (27.9, 273) change only the small CH4/N2O part
    e6 = emissions({"natural_gas_nm3": 1.0e6}, gwp_set="AR6")
    assert e6.scope1_co2e_t == approx(co2 + 27.9 * ch4 + 273 * n2o, rel=1e-12)


def test_scope2_electricity_and_steam():
    e = emissions({"electricity_kwh": 2.0e6, "steam_t": 1000.0}, year=2024)
    # 2 GWh x 0.474 kg/kWh (MOEA 2024) = 948 t
    assert e.by_carrier["electricity_kwh"]["co2e_t"] == approx(948.0, rel=1e-12)
    # steam: 2.6722 GJ/t (IF97) / 0.80 boiler on natural gas: per GJ fuel 56.1 + 28e-3 + 26.5e-3 kg
    per_gj_fuel = (56100 + 28 * 1 + 265 * 0.1) / 1000.0
    assert e.by_carrier["steam_t"]["co2e_t"] == approx(1000 * 2.6722 / 0.80 * per_gj_fuel / 1000, rel=1e-12)
    assert e.scope1_co2e_t == 0.0 and e.scope2_co2e_t == approx(e.total_co2e_t)
    coal = emissions({"steam_t": 1000.0}, steam_supply=SteamSupply("coal_t", 0.80))
    assert coal.total_co2e_t > 1.6 * e.by_carrier["steam_t"]["co2e_t"]  # 94.6 vs 56.1 kg/GJ


def test_changing_year_changes_co2_as_table_says():
    base, retro = {"electricity_kwh": 1.0e6}, {"electricity_kwh": 8.0e5}
    c23 = compare(base, retro, year=2023)
    c24 = compare(base, retro, year=2024)
    t23 = compare(base, retro, year=2023, grid_basis="target")
    assert c23.co2e_saved_t["scope2"] == approx(200000 * 0.494 / 1000, rel=1e-12)
    assert c24.co2e_saved_t["total"] / c23.co2e_saved_t["total"] == approx(0.474 / 0.494, rel=1e-12)
    assert t23.co2e_saved_t["total"] == approx(200000 * 0.464 / 1000, rel=1e-12)
    names = {(f["basis"], f["year"], f["value"]) for f in c24.factors}
    assert ("actual", 2024, 0.474) in names


class FlowsheetLike:
    """Stands for a solved flowsheet: 150 kW for 8,000 h (AnnualEnergy protocol)."""

    def annual_energy(self):
        return {"electricity_kwh": 150.0 * 8000.0}


def test_compare_money_and_indicators_hand_worked():
    # seed-10-like: 190,000 kWh saved at NT$4.40/kWh, NT$2.5 M, 10 yr, 5 %
    base = {"electricity_kwh": 783300.0}
    retro = {"electricity_kwh": 593300.0}
    c = compare(base, retro, year=2024, prices={"electricity_kwh": 4.40}, investment=2.5e6,
                lifetime=10, discount_rate=0.05)
    assert c.savings == {"electricity_kwh": approx(190000.0)}
    assert c.cost_saved == approx(836000.0)
    assert c.payback_years == approx(2.5e6 / 836000.0)
    flows = [-2.5e6] + [836000.0] * 10
    assert c.npv == approx(npf.npv(0.05, flows), rel=1e-12)
    assert c.irr == approx(npf.irr(flows), abs=1e-9)
    crf = 0.05 * 1.05 ** 10 / (1.05 ** 10 - 1)
    kwh_860 = 190000 * 860 * KCAL / 3.6e6     # Taiwan 860 kcal/kWh convention
    assert c.energy_saved["kWh"] == approx(kwh_860, rel=1e-12)
    assert c.energy_saved["toe"] == approx(190000 * 860 / 1e7, rel=1e-12)
    assert c.energy_saved["kLOE"] == approx(190000 * 860 / 9e6, rel=1e-12)
    assert c.cost_of_saved_energy_per_kwh == approx(crf * 2.5e6 / kwh_860, rel=1e-12)
    assert c.energy_fraction == approx(190000 / 783300, rel=1e-12)
    co2 = 190000 * 0.474 / 1000
    assert c.cost_per_t_co2e == approx((crf * 2.5e6 - 836000.0) / co2, rel=1e-12)
    # carbon fee avoided at the general rate NT$300/t
    f = compare(base, retro, year=2024, prices={"electricity_kwh": 4.40}, carbon_fee="general")
    assert f.carbon_fee_avoided == approx(co2 * 300, rel=1e-12)


def test_compare_accepts_annual_energy_objects_and_default_price():
    c = compare({"electricity_kwh": 1.5e6}, FlowsheetLike(), year=2024, investment=1.0e6)
    assert c.savings["electricity_kwh"] == approx(300000.0)
    # packaged price in force on 2024-07-01: NT$3.81/kWh (Taipei Times 2024-10-01)
    assert c.cost_saved == approx(300000 * 3.81)
    assert any("3.81" in f["source"] or f["value"] == 3.81 for f in c.factors)


def test_no_saving_gives_none_with_reasons_not_inf():
    c = compare({"electricity_kwh": 1.0e6}, {"electricity_kwh": 1.0e6}, year=2024, investment=1.0e5)
    assert c.payback_years is None and c.irr is None and c.cost_of_saved_energy_per_kwh is None
    assert any("never pays back" in n for n in c.notes)
    worse = compare({"electricity_kwh": 1.0e6}, {"electricity_kwh": 1.1e6}, year=2024,
                    investment=1.0e5)
    assert worse.payback_years is None and worse.cost_per_t_co2e is None
    assert worse.co2e_saved_t["total"] < 0


def test_fuel_switch_needs_prices_and_shifts_scopes():
    base = {"fuel_oil_kl": 1000.0}
    retro = {"natural_gas_nm3": 1.05e6}
    with raises(ValueError, match="no price for fuel_oil_kl, natural_gas_nm3"):
        compare(base, retro, year=2024)
    c = compare(base, retro, year=2024, prices={"fuel_oil_kl": 20000.0, "natural_gas_nm3": 15.0})
    assert c.savings["natural_gas_nm3"] == -1.05e6
    assert c.co2e_saved_t["scope1"] > 0  # oil 77.4 vs gas 56.1 kg/GJ


def test_bad_inputs():
    with raises(ValueError, match="carrier must be one of .*got 'electricity_mwh'"):
        compare({"electricity_mwh": 1.0}, {}, year=2024)
    with raises(ValueError, match=r"baseline\['electricity_kwh'\] must be >= 0 per year; got -5.0"):
        compare({"electricity_kwh": -5.0}, {}, year=2024)
    with raises(ValueError, match="no 'actual' grid factor for TW 2012; years with one"):
        compare({"electricity_kwh": 5.0}, {}, year=2012)
    with raises(ValueError, match="subsidy must be in"):
        compare({"electricity_kwh": 5.0}, {}, year=2024, investment=1.0, subsidy=2.0)
    with raises(ValueError, match="currency must be given for region 'XX'"):
        compare({"electricity_kwh": 5.0}, {}, region="XX")
    with raises(ValueError, match="electricity_kwh must be >= 0 per year in an inventory"):
        emissions({"electricity_kwh": -1.0})
    with raises(ValueError, match="sector must be one of"):
        emissions({"coal_t": 1.0}, sector="transport")
    with raises(ValueError, match="steam_supply.efficiency must be in"):
        SteamSupply("natural_gas_nm3", 1.2)


def _options():
    base = {"electricity_kwh": 1.0e6}
    opts = [Option("leaks", {"electricity_kwh": 9.0e5}, investment=2.0e5),
            Option("vfd", {"electricity_kwh": 8.5e5}, investment=9.0e5),
            Option("both", {"electricity_kwh": 7.8e5}, investment=1.1e6, members=("leaks", "vfd"))]
    return base, opts


def test_options_ranked_and_macc():
    base, opts = _options()
    res = compare_options(base, opts, year=2024, prices={"electricity_kwh": 4.0})
    # paybacks 0.5, 1.5 and 1.25 yr
    assert [r.name for r in res.ranked("payback")] == ["leaks", "both", "vfd"]
    paybacks = {r.name: r.comparison.payback_years for r in res.options}
    assert paybacks == approx({"leaks": 2.0e5 / 4.0e5, "vfd": 9.0e5 / 6.0e5, "both": 1.1e6 / 8.8e5})
    assert [r.name for r in res.ranked("npv")][0] == "both"
    assert not res.notes  # combined savings (220 MWh) differ from the sum (250 MWh)
    macc = res.macc_data()
    assert [b["option"] for b in macc] == ["leaks", "vfd"]  # combined option left out
    assert macc[1]["x_start"] == approx(macc[0]["abatement_t"])
    fig = res.macc_figure()
    assert len(fig.axes[0].patches) == 2
    assert len(res.table()) == 3


def test_combined_option_must_come_from_a_model():
    with raises(ValueError, match="combined savings must come from a model"):
        Option("both", None, members=("leaks", "vfd"))
    base = {"electricity_kwh": 1.0e6}
    added = [Option("a", {"electricity_kwh": 9.0e5}), Option("b", {"electricity_kwh": 8.5e5}),
             Option("a+b", {"electricity_kwh": 7.5e5}, members=("a", "b"))]
    res = compare_options(base, added, year=2024, prices={"electricity_kwh": 4.0})
    assert any("equal the sum" in n for n in res.notes)
    with raises(ValueError, match="names members \\['c'\\]"):
        compare_options(base, [Option("x", base, members=("c",))], year=2024)
    with raises(ValueError, match="option names must be unique"):
        compare_options(base, [Option("x", base), Option("x", base)], year=2024)


def test_emission_intensity():
    # seed 4: 14.5 kg CO2e/t cement is 1.7 % -> 0.853 t CO2e/t before
    assert emission_intensity(853.0, 1000.0) == approx(0.853)
    with raises(ValueError, match="product_t must be > 0 t/yr; got 0.0"):
        emission_intensity(1.0, 0.0)


from hypothesis import given, settings, strategies as st  # noqa: E402

from procsim.accounting import check_claim, format_findings, verdict  # noqa: E402


@settings(derandomize=True, max_examples=30, deadline=None)
@given(year=st.integers(2018, 2024), kwh=st.floats(2.0e4, 5.0e7), cut=st.floats(0.01, 0.6),
       gas=st.floats(0.0, 5.0e6), gas_cut=st.floats(0.0, 0.5), price=st.floats(3.0, 4.3),
       investment=st.floats(1.0e5, 1.0e8), subsidy_share=st.floats(0.0, 0.5))
def test_a_claim_written_from_a_comparison_is_consistent(year, kwh, cut, gas, gas_cut, price,
                                                        investment, subsidy_share):
    # "A consistent claim gets no warning": figures computed with the year's announced factor,
    # IPCC defaults and a tariff-range price must pass the checker with no warning or error
    base = {"electricity_kwh": kwh, "natural_gas_nm3": gas}
    retro = {"electricity_kwh": kwh * (1 - cut), "natural_gas_nm3": gas * (1 - gas_cut)}
    c = compare(base, retro, year=year, prices={"electricity_kwh": price, "natural_gas_nm3": 15.0},
                investment=investment, subsidy=investment * subsidy_share)
    fs = check_claim(c.as_claim("generated"))
    assert verdict(fs) == "consistent", format_findings(fs)
