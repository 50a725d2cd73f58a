"""Electricity seed claims on one accounting basis: factor current at the claim's date, tariff band, readings."""
import importlib.util
from pathlib import Path

import pytest
from pytest import approx

pytestmark = pytest.mark.integration

CASES = Path(__file__).resolve().parents[1] / "cases"


def _load():
    spec = importlib.util.spec_from_file_location("seed_electricity_claims", CASES / "seed_electricity_claims.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def mod():
    return _load()


@pytest.fixture(scope="module")
def res(mod):
    return mod.run()


def test_tariff_band_is_time_weighted_over_the_year(mod):
    # 2024 (366 days): 91 days at 3.1154 (to 31 Mar), 198 days at 3.81 (1 Apr - 15 Oct),
    # 77 days at 4.29 (from 16 Oct); energy_prices.csv rows, Taipower adjustments
    low, mean, high = mod.tariff_band(2024)
    assert (low, high) == (3.1154, 4.29)
    assert mean == approx((91 * 3.1154 + 198 * 3.81 + 77 * 4.29) / 366, rel=1e-12)


def test_gas_steam_co2_per_tonne(mod):
    # 2.6722 GJ/t / 0.90 of natural gas; IPCC 2006 vol. 2 Table 2.3 (manufacturing): 56,100 kg
    # CO2, 1 kg CH4, 0.1 kg N2O per TJ; AR5 GWP 28 and 265
    per_gj = 56.1 + 1e-3 * 28 + 1e-4 * 265
    assert mod.steam_co2_t_per_t(2024) == approx(2.6722 / 0.90 * per_gj / 1e3, rel=1e-9)


def test_headline_co2_uses_the_factor_announced_by_the_claim_date(res):
    rows = {(f.metric, f.reading): f for f in res.figures}
    # seed 9: 930,937 kWh x 2023's 0.494 (announced 2024-04-26), not 2024's 0.474 (2025)
    assert rows[("seed09.co2_avoided", "announced at the claim's date")].computed == approx(930937 * 0.494e-3)
    assert rows[("seed09.co2_avoided", "claim year's actual (announced later)")].computed == approx(930937 * 0.474e-3)


def test_readings_side_by_side(mod, res):
    rows = {(f.metric, f.reading): f for f in res.figures}
    _, mean, _ = mod.tariff_band(2024)
    # seed 13b: NT$1.75 M/yr read as money is 1.75e6 / tariff kWh; payback 20 M / 1.75 M
    ntd = "NT$1.75 M/yr (highlights)"
    assert rows[("seed13b.electricity_saved", ntd)].computed == approx(1.75e6 / mean)
    assert rows[("seed13b.payback_consistent", ntd)].computed == approx(20e6 / 1.75e6)
    # seed 11: 159 MWh over the treated loads (17 + 15 + 13 % of 2,877 MWh)
    assert rows[("seed11.energy_saving_rate", "share of the treated loads")].computed == approx(
        100 * 159_000 / (0.45 * 2_877_000))
    # seed 6: claimed money minus the tariff value of 192 MWh is the implied defect saving
    assert rows[("seed06.defect_cost_implied", "energy + defect costs")].computed == approx(1.0e6 - 192_000 * mean)


def test_vintage_verdicts(res):
    text = "\n".join(res.verdicts)
    # 96.74 t / 190 MWh = 0.509 = 2021's factor, announced 2022: within three vintages of 2024
    assert "seed10: CO2 claimed 96.74 t implies 0.509 kg CO2e/kWh = 2021's announced factor" in text
    assert "seed11: CO2 claimed 79.7 t implies 0.501 kg CO2e/kWh = 2020's factor, older" in text
    assert "seed11: 11.3 % implies a baseline of 1,407 MWh" in text


def test_review_tariff_flip_values(mod):
    r = mod.review(n=200)
    rng = {x.metric: x for x in r.ranges}
    # the tariff that reproduces a claimed money saving is money / kWh (seed 13a: 794,000 / 226,730)
    assert rng["seed13a.cost_saved"].decisive.flip == approx(794_000 / 226_730, rel=1e-6)
    assert rng["seed13a.cost_saved"].verdict == "consistent"
    assert "seed06.cost_saved" not in rng          # money includes defect costs
