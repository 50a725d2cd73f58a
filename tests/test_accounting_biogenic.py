"""Biogenic CO2: reported outside scope 1 and the totals; CH4 and N2O still counted."""
import pytest

from procsim.accounting import check_claim, compare, emissions, verdict

# IPCC 2006 Vol. 2: wood/wood waste NCV 15.6 GJ/t (Table 1.2), CO2 112,000 kg/TJ (Table 1.4),
# CH4 30 kg/TJ and N2O 4 kg/TJ in manufacturing (Table 2.3); AR5 GWP CH4 28, N2O 265.
WOOD_GJ_PER_T = 15.6


@pytest.mark.unit
def test_wood_co2_is_biogenic_and_outside_scope1():
    e = emissions({"wood_t": 1000.0})
    tj = 1000.0 * WOOD_GJ_PER_T / 1000.0
    assert e.biogenic_co2_t == pytest.approx(tj * 112.0, rel=1e-12)           # 1,747.2 t
    assert e.scope1_co2e_t == pytest.approx(tj * (30 * 28 + 4 * 265) / 1000, rel=1e-12)  # 29.64 t
    assert e.total_co2e_t == pytest.approx(e.scope1_co2e_t, rel=1e-12)
    assert e.by_gas_t["CO2"] == 0.0 and e.by_carrier["wood_t"]["biogenic"]
    # fossil fuels are unchanged: no biogenic CO2
    coal = emissions({"coal_t": 1000.0})
    assert coal.biogenic_co2_t == 0.0 and coal.by_gas_t["CO2"] == pytest.approx(25.8 * 94.6, rel=1e-12)


@pytest.mark.component
def test_compare_reports_biogenic_co2_separately():
    # coal -> wood at equal heat: 1,000 t x 25.8 GJ/t = 25,800 GJ = 1,653.8 t wood
    wood_t = 1000.0 * 25.8 / WOOD_GJ_PER_T
    c = compare({"coal_t": 1000.0}, {"wood_t": wood_t}, prices={"coal_t": 4000.0, "wood_t": 2500.0})
    coal = emissions({"coal_t": 1000.0}).total_co2e_t
    assert c.co2e_saved_t["total"] == pytest.approx(coal - 25.8 * (30 * 28 + 4 * 265) / 1000, rel=1e-12)
    assert c.co2e_saved_t["biogenic_co2"] == pytest.approx(-25.8 * 112.0, rel=1e-12)
    assert any("biogenic CO2" in n and "outside scope 1" in n for n in c.notes)


@pytest.mark.component
def test_claim_counting_biogenic_co2_is_named():
    # a claim that counts the wood's CO2 as an emission saving avoided: 1,000 t wood "saves"
    # 1,747 t CO2: only CH4/N2O (29.6 t) can be claimed
    fs = check_claim({"year": 2024, "savings": {"wood_t": 1000, "co2_t": 1747}})
    assert verdict(fs) == "questionable"
    assert any("biogenic CO2 of wood_t (1,747 t)" in f.message for f in fs)
