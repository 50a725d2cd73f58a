"""A heat pump across the pinch on a textbook problem: Kemp's four-stream example.

Data and targets: I. C. Kemp, *Pinch Analysis and Process Integration*, 2nd ed.,
Butterworth-Heinemann 2007, ch. 2 (the four-stream example taken from Linnhoff et al., "A User
Guide on Process Integration for the Efficient Use of Energy", IChemE 1982): streams
170 -> 60 C CP 3.0 kW/K, 150 -> 30 C CP 1.5 kW/K (hot); 20 -> 135 C CP 2.0 kW/K, 80 -> 140 C
CP 4.0 kW/K (cold); dT_min 10 K; the book's targets: hot utility 20 kW, cold utility 60 kW,
pinch 90 C hot / 80 C cold (85 C shifted).
Heat pump rule (Kemp ch. 6, after Townsend & Linnhoff 1983): across the pinch it saves
Q_cond of hot utility and Q_evap of cold utility, bounded by the grand composite curve.

The book's problem table (shifted C, kW): 165-145 +60, 145-140 +2.5, 140-85 -82.5, 85-55 +75,
55-25 -15; GCC heat flow 20, 80, 82.5, 0, 75, 60 at 165, 145, 140, 85, 55, 25.
The heat-pump duties below are hand calculations on that GCC (the book gives the rule and the
curve, not these particular heat pumps).
"""
import pytest

from procsim.pinch import targets
from units.heat_pump import simple_cycle
from units.heat_pump.integration import place_heat_pump

pytestmark = pytest.mark.component

C = 273.15
KEMP = [(170 + C, 60 + C, 3000.0), (150 + C, 30 + C, 1500.0), (20 + C, 135 + C, 2000.0), (80 + C, 140 + C, 4000.0)]


def test_book_targets():
    t = targets(KEMP, 10.0)
    assert t.hot_utility == pytest.approx(20e3, rel=1e-12)
    assert t.cold_utility == pytest.approx(60e3, rel=1e-12)
    assert t.hot_pinch_temperature == pytest.approx(90 + C, abs=1e-9)
    assert t.cold_pinch_temperature == pytest.approx(80 + C, abs=1e-9)


def test_sink_bound_is_the_utility_at_the_top():
    # condensing 110 C (105 C shifted), evaporating 60 C (65 C shifted).
    # GCC at 105 C shifted: 1.5 kW/K x 20 K = 30 kW, but heat delivered there flows down past the
    # pinch unless something above needs it: the smallest GCC flow at or above 105 C is the
    # 20 kW hot utility at the top (the pocket 140-165 C feeds itself). Sink bound 20 kW.
    # Source at 65 C shifted: 75 x (85-65)/30 = 50 kW, and 60 kW at 25 C: bound 50 kW.
    r = place_heat_pump(KEMP, 10.0, "R1233zd(E)", 60 + C, 110 + C, isentropic_efficiency=0.7, motor_efficiency=1.0)
    c = simple_cycle("R1233zd(E)", 60 + C, 110 + C, isentropic_efficiency=0.7)
    assert r.placement == "across" and r.limited_by == "sink"
    assert r.condenser_duty == pytest.approx(20e3, rel=1e-9)
    q_e = 20e3 * c.q_evaporator / c.q_condenser
    assert r.evaporator_duty == pytest.approx(q_e, rel=1e-9)
    # hot utility 20 -> 0 kW, cold utility 60 -> 60 - Q_evap kW (problem table rerun with the heat pump)
    assert r.hot_utility_after == pytest.approx(0.0, abs=1e-3)
    assert r.cold_utility_after == pytest.approx(60e3 - q_e, rel=1e-6)


def test_source_bound_below_the_pinch():
    # evaporating 78 C (83 C shifted): GCC 2.5 kW/K x 2 K = 5 kW, the smallest flow at or below it;
    # condensing 100 C (95 C shifted): sink bound min(15, 20) = 15 kW. Q_evap = 5 kW binds.
    r = place_heat_pump(KEMP, 10.0, "R1233zd(E)", 78 + C, 100 + C, isentropic_efficiency=0.7, motor_efficiency=1.0)
    c = simple_cycle("R1233zd(E)", 78 + C, 100 + C, isentropic_efficiency=0.7)
    assert r.limited_by == "source"
    assert r.evaporator_duty == pytest.approx(5e3, rel=1e-9)
    q_c = 5e3 * c.q_condenser / c.q_evaporator
    assert r.condenser_duty == pytest.approx(q_c, rel=1e-9)
    assert r.hot_utility_after == pytest.approx(20e3 - q_c, rel=1e-6)
    assert r.cold_utility_after == pytest.approx(55e3, rel=1e-6)
    # fuel saved over a 90 % boiler, and the break-even electricity/gas price ratio COP/eta
    assert r.fuel_saved == pytest.approx(q_c / 0.9, rel=1e-6)
    assert r.break_even_price_ratio == pytest.approx(c.cop_heating / 0.9, rel=1e-9)
