"""Heat pump against the grand composite curve: the Townsend-Linnhoff placement rules, checked by
the problem table on the four-stream problem (Linnhoff & Flower 1978; Smith 2005 ch. 16)."""
import pytest

from procsim.accounting import emissions
from units.heat_pump import simple_cycle
from units.heat_pump.integration import gcc_heat_at, place_heat_pump
from procsim.pinch import targets

pytestmark = pytest.mark.component

# the four-stream problem of procsim.pinch's docstring: QH 20 kW, QC 60 kW, pinch 85 C shifted (W, K)
S = [(443.15, 333.15, 3000.0), (423.15, 303.15, 1500.0), (293.15, 408.15, 2000.0), (353.15, 413.15, 4000.0)]


def test_across_the_pinch_saves_condenser_and_evaporator_duty():
    r = place_heat_pump(S, 10.0, "R134a", 343.15, 373.15, isentropic_efficiency=0.75, motor_efficiency=1.0)
    assert r.placement == "across"
    # GCC at shifted 95 C above the pinch: the deficit between 85 and 140 C shifted is 82.5 kW
    # falling linearly, 82.5 * (95-85)/(140-85) = 15 kW: the sink limit
    assert r.condenser_duty == pytest.approx(15000.0, rel=1e-9)
    c = simple_cycle("R134a", 343.15, 373.15, isentropic_efficiency=0.75)
    assert r.evaporator_duty == pytest.approx(15000.0 * c.q_evaporator / c.q_condenser, rel=1e-12)
    # Townsend & Linnhoff (1983): hot utility falls by Q_cond, cold utility by Q_evap
    assert r.hot_utility_before - r.hot_utility_after == pytest.approx(r.condenser_duty, rel=1e-6)
    assert r.cold_utility_before - r.cold_utility_after == pytest.approx(r.evaporator_duty, rel=1e-6)
    assert r.break_even_price_ratio == pytest.approx(c.cop_heating / 0.9, rel=1e-6)
    # CO2e by hand: gas avoided minus grid electricity (TW 2024 factor 0.474 kg/kWh)
    sec = 8000 * 3600.0
    nm3 = 15000.0 / 0.9 * sec / (9000 * 4186.8)
    kwh = r.power * sec / 3.6e6
    assert r.co2e_saved_t == pytest.approx(emissions({"natural_gas_nm3": nm3}).total_co2e_t - kwh * 0.474e-3, rel=1e-4)


def test_above_and_below_the_pinch():
    above = place_heat_pump(S, 10.0, "R1233zd(E)", 373.15, 393.15, motor_efficiency=1.0, duty=5000.0)
    assert above.placement == "above"
    assert above.hot_utility_before - above.hot_utility_after == pytest.approx(above.power, rel=1e-6)
    assert above.cold_utility_after == pytest.approx(above.cold_utility_before, rel=1e-6)
    below = place_heat_pump(S, 10.0, "R134a", 303.15, 343.15, motor_efficiency=1.0, duty=5000.0)
    assert below.placement == "below"
    assert below.hot_utility_after == pytest.approx(below.hot_utility_before, abs=1e-3)
    assert below.cold_utility_after - below.cold_utility_before == pytest.approx(below.power, rel=1e-6)


def test_gcc_and_errors():
    t = targets(S, 10.0)
    assert gcc_heat_at(t, 358.15) == pytest.approx(0.0, abs=1e-9)
    with pytest.raises(ValueError, match="duty must be <="):
        place_heat_pump(S, 10.0, "R134a", 343.15, 373.15, duty=1e6)
