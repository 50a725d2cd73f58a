"""Steam seed cases: figures present, the site balances, and the claim arithmetic reproduced."""
import pytest

pytestmark = pytest.mark.integration


def test_seed05_catalyst_swap():
    from cases.seed05_catalyst_steam import CASE_ID, run

    r = run()
    f = {x.metric: x for x in r.figures}
    assert r.case_id == CASE_ID
    # the claim's own arithmetic: (162.1 - 155.4) t/h x 8,000 h = 53,600 t/yr
    assert f["process_steam_saved"].computed == pytest.approx(53600.0, rel=1e-12)
    # a site saves at least the process steam at the boiler (the deaerator heats less make-up)
    assert f["boiler_steam_saved"].computed >= 53600.0
    # gas-fired steam emits far less than the claimed 0.311 t CO2/t; coal-fired comes near it
    assert f["co2_avoided_gas_boilers"].computed < f["co2_avoided_coal_boilers"].computed < 16655.0 * 1.1
    assert 0.0 < f["energy_saving_rate"].computed < 4.1 * 1.1
    assert r.details["site_balance_energy_relative"] < 1e-6


def test_seed02_steam_side_agrees_with_the_boiler_only_booking():
    # an independent route to the same saving: the companion case books the generator's steam
    # against the boiler alone; through the site balance the saving rate must agree (the feed tank's
    # duty does not change), within 1 % of itself
    from cases.seed02_annealing_whsg import run as companion
    from cases.seed02_whsg_header import run

    mine = {x.metric: x.computed for x in run().figures}
    theirs = {x.metric: x.computed for x in companion().figures if x.reading != "peak"}
    assert mine["energy_saving_rate"] == pytest.approx(theirs["energy_saving_rate"], rel=1e-2)
    assert mine["boiler_steam_saved"] == pytest.approx(mine["whsg_steam_into_header"], rel=1e-3)


def test_seed05_readings_and_implied_fuel_prices():
    from cases.seed05_catalyst_steam import run

    r = run()
    rows = {(x.metric, x.reading): x for x in r.figures}
    # the claim's 4.1 % is (162.1 - 155.4) / 162.1 of the unit's steam (source figures)
    assert rows[("energy_saving_rate", "share of the unit's steam")].computed == pytest.approx(100 * 6.7 / 162.1)
    assert rows[("energy_saving_rate", "share of site boiler fuel")].computed < 4.1
    coal, gas, so = r.implied
    # the steam-to-oil ratio the claimed steam implies at equal throughput: 1.08 x 155.4 / 162.1
    assert so.value == pytest.approx(1.08 * 155.4 / 162.1, rel=1e-12)
    # implied price x fuel saved + make-up water money = the claimed NT$40 M/yr, for each fuel
    water = rows[("cost_saved", "gas-fired steam")].computed - r.details["natural_gas_saved_nm3"] * 15.0
    assert coal.value * r.details["coal_saved_t"] + water == pytest.approx(40.0e6, rel=1e-12)
    assert gas.value * r.details["natural_gas_saved_nm3"] + water == pytest.approx(40.0e6, rel=1e-12)
    assert "CO2 16,655 t: consistent with coal-fired steam" in r.verdicts[0]


def test_seed05_review_range_is_linear_in_the_prices():
    from cases.seed05_catalyst_steam import review

    r = review(n=200, seed=5)
    (rng,) = r.ranges
    coal, water = rng.tornado
    # money = coal_t x coal price + make-up water x water price: the tornado ends differ by
    # coal_t x (6000 - 3000), and the flip is the implied coal price of run()
    assert coal.figure_at_high - coal.figure_at_low == pytest.approx(r.details["coal_saved_t"] * 3000.0, rel=1e-9)
    assert coal.flip == pytest.approx(r.implied[0].value, rel=1e-6)
