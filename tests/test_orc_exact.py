"""ORC exact path (units.orc.ORC.solve) against CoolProp called directly, balances, limits, errors."""
import math

import CoolProp.CoolProp as CP
import pytest
from scipy.optimize import brentq
from hypothesis import given, settings
from hypothesis import strategies as st

from procsim.stream import Stream
from units.orc import ORC, STATE_NAMES

pytestmark = pytest.mark.component

FLUE_GAS = {"N2": 0.72, "CO2": 0.09, "H2O": 0.12, "O2": 0.07}


def _direct_cycle(fluid, te, tc, sh, eta_p, eta_e, pinch, t_src, p_src, m_src):
    """The same design, every state from CoolProp.PropsSI: pump, expander, bubble-point pinch.

    Independent of procsim: it assumes (as textbook ORC analyses do, Quoilin et al. 2013) that
    the pinch sits at the bubble point, which holds for a pressurised-water source here.
    """
    P = CP.PropsSI
    p_e = P("P", "T", te, "Q", 0, fluid)
    p_c = P("P", "T", tc, "Q", 0, fluid)
    h1, s1 = P("H", "P", p_c, "Q", 0, fluid), P("S", "P", p_c, "Q", 0, fluid)
    h2 = h1 + (P("H", "P", p_e, "S", s1, fluid) - h1) / eta_p
    if sh > 0:
        h6 = P("H", "P", p_e, "T", te + sh, fluid)
    else:
        h6 = P("H", "P", p_e, "Q", 1, fluid)
    s6 = P("S", "P", p_e, "H", h6, fluid)
    h7 = h6 - eta_e * (h6 - P("H", "P", p_c, "S", s6, fluid))
    h_bub = P("H", "P", p_e, "Q", 0, fluid)
    water = "IF97::Water"
    h_src_in = P("H", "T", t_src, "P", p_src, water)
    m_wf = m_src * (h_src_in - P("H", "T", te + pinch, "P", p_src, water)) / (h6 - h_bub)
    q_in = m_wf * (h6 - h2)
    # outlet T from the forward equation h(T, p) (IF97's backward T(p, h) is consistent only to
    # about 25 mK, IAPWS R7-97 Table 3, so it is not used as the reference)
    h_out = h_src_in - q_in / m_src
    t_out = brentq(lambda T: P("H", "T", T, "P", p_src, water) - h_out, 280.0, t_src, xtol=1e-12)
    w_net = m_wf * ((h6 - h7) - (h2 - h1))
    return w_net, w_net / q_in, m_wf, t_out


@pytest.mark.parametrize("fluid, te, tc, sh, t_src", [
    ("R245fa", 373.15, 308.15, 5.0, 423.15),
    ("Isopentane", 403.15, 308.15, 0.0, 443.15),
    ("R1233zd(E)", 383.15, 310.15, 10.0, 433.15),
    ("Toluene", 483.15, 318.15, 0.0, 513.15),
])
def test_exact_path_matches_coolprop_direct(fluid, te, tc, sh, t_src):
    # Same CoolProp 8.0.0 equations of state on both sides: agreement is limited only by the
    # order of floating-point operations and CoolProp's flash iterations, hence 1e-6.
    p_src, m_src = 5.0e6, 10.0  # liquid water source (T_sat(5 MPa) = 537 K)
    orc = ORC(fluid, te, tc, superheat=sh, pump_efficiency=0.7, expander_efficiency=0.82,
              evaporator_pinch=8.0)
    res = orc.solve(Stream("Water", t_src, p_src, m_src))
    assert res.binding_constraint == "pinch_bubble_point"
    w, eta, m_wf, t_out = _direct_cycle(fluid, te, tc, sh, 0.7, 0.82, 8.0, t_src, p_src, m_src)
    assert res.net_power == pytest.approx(w, rel=1e-6)
    assert res.thermal_efficiency == pytest.approx(eta, rel=1e-6)
    assert res.working_fluid_flow == pytest.approx(m_wf, rel=1e-6)
    assert res.heat_source_outlet_temperature == pytest.approx(t_out, rel=1e-6)
    assert tuple(s.name for s in res.states) == STATE_NAMES
    assert res.state("expander_inlet").T == pytest.approx(te + sh, rel=1e-9)


def test_states_carry_T_p_h_s_x_from_coolprop():
    res = ORC("n-Pentane", 413.15, 313.15, superheat=3.0).solve(Stream("Water", 453.15, 2e6, 5.0))
    for sp in res.states:
        # every state point is on the equation of state: s(p, h) from CoolProp directly
        assert sp.s == pytest.approx(CP.PropsSI("S", "P", sp.p, "H", sp.h, "n-Pentane"), rel=1e-9)
    assert res.state("pump_inlet").x == pytest.approx(0.0, abs=1e-12)
    assert res.state("evaporator_dew").x == pytest.approx(1.0, abs=1e-12)
    assert res.state("expander_outlet").x > 1.0          # dry expansion: superheated exhaust


def test_pinch_is_met_with_equality_and_source_limit_binds():
    src = Stream(FLUE_GAS, 573.15, 101325.0, 20.0)
    res = ORC("Cyclopentane", 473.15, 313.15, superheat=10.0).solve(src)
    assert res.evaporator_profile.min_approach == pytest.approx(10.0, abs=1e-6)
    limited = ORC("Cyclopentane", 473.15, 313.15, superheat=10.0,
                  source_minimum_outlet_temperature=420.0).solve(src)
    assert limited.binding_constraint == "source_minimum_outlet_temperature"
    assert limited.heat_source_outlet_temperature == pytest.approx(420.0, abs=1e-6)
    assert limited.evaporator_profile.min_approach > 10.0
    assert limited.working_fluid_flow < res.working_fluid_flow


@pytest.mark.parametrize("kw", [
    {},
    {"recuperator_effectiveness": 0.8},
    {"evaporator_pressure_drop": 1.0e5, "condenser_pressure_drop": 2.0e4},
    {"recuperator_effectiveness": 0.6, "condenser_pressure_drop": 1.0e4, "superheat": 15.0},
])
def test_energy_balance_closes(kw):
    src = Stream(FLUE_GAS, 553.15, 101325.0, 15.0)
    kw = {"superheat": 5.0, **kw}
    res = ORC("Toluene", 463.15, 323.15, **kw).solve(src)
    # heat in = net work + heat out (all from the same state enthalpies): floating point only
    assert abs(res.energy_residual_relative) < 1e-9 and abs(res.energy_residual) < 1e-9 * res.heat_input  # [W]
    assert abs(res.source_energy_residual) < 1e-9
    src_drop = src.mass_flow * (src.h - Stream(FLUE_GAS, res.heat_source_outlet_temperature,
                                               101325.0, 1.0).h)
    assert src_drop == pytest.approx(res.heat_input, rel=1e-9)
    assert res.net_electric_power < res.net_power


def test_recuperator_raises_thermal_efficiency():
    # An internal heat exchanger raises eta_th of a dry fluid (Saleh et al. 2007, Table 4;
    # facts.md 5.1: n-butane 12.6 -> 13.5 %): check the direction here.
    src = Stream(FLUE_GAS, 553.15, 101325.0, 15.0)
    base = ORC("Toluene", 463.15, 323.15).solve(src)
    rec = ORC("Toluene", 463.15, 323.15, recuperator_effectiveness=0.8).solve(src)
    assert rec.thermal_efficiency > base.thermal_efficiency
    assert rec.recuperator_duty > 0.0


def test_cooling_stream_given():
    src = Stream("Water", 423.15, 5e5, 10.0)
    cool = Stream("Water", 293.15, 2e5, 200.0)
    res = ORC("R245fa", 373.15, 308.15).solve(src, cooling=cool)
    assert res.cooling_flow == 200.0
    rise = res.heat_rejected / (200.0 * CP.PropsSI("C", "T", 295.0, "P", 2e5, "IF97::Water"))
    assert res.cooling_outlet_temperature - 293.15 == pytest.approx(rise, rel=2e-3)  # cp(T) varies


@settings(derandomize=True, max_examples=15, deadline=None)
@given(te=st.floats(360.0, 420.0), sh=st.floats(0.0, 20.0), tc=st.floats(305.0, 325.0),
       dt_src=st.floats(25.0, 200.0), eta_e=st.floats(0.5, 1.0))
def test_efficiency_below_carnot_and_trilateral_limits(te, sh, tc, dt_src, eta_e):
    t_src = te + sh + dt_src
    res = ORC("Isopentane", te, tc, superheat=sh, expander_efficiency=eta_e, pump_efficiency=1.0,
              cooling_inlet_temperature=295.0).solve(Stream(FLUE_GAS, t_src, 101325.0, 10.0))
    carnot_cycle = 1.0 - tc / (te + sh)
    # second law: eta_th <= Carnot between the cycle's extreme temperatures <= Carnot of source;
    # recovered power / heat available down to the coolant <= trilateral limit <= Carnot.
    assert 0.0 < res.thermal_efficiency < carnot_cycle < res.carnot_efficiency
    assert 0.0 < res.heat_recovery_efficiency < res.trilateral_efficiency < res.carnot_efficiency
    assert 0.0 < res.exergy_efficiency < 1.0
    # every solved cycle closes its energy balance: heat in = net work + heat out
    assert abs(res.energy_residual_relative) < 1e-9 and abs(res.source_energy_residual) < 1e-9


def test_trilateral_limit_matches_closed_form_for_constant_cp():
    # For a constant-cp source the trilateral limit is 1 - Tc ln(Th/Tc)/(Th - Tc) (I. K. Smith,
    # Proc. IMechE A 207 (1993) 179-194). Argon is monatomic: its NASA-7 cp is exactly 5R/2,
    # so the closed form holds to rounding.
    th, tc = 400.0, 300.0
    res = ORC("R245fa", 350.0, 310.0, cooling_inlet_temperature=tc,
              evaporator_pinch=5.0).solve(Stream({"AR": 1.0}, th, 101325.0, 1.0))
    assert res.trilateral_efficiency == pytest.approx(1 - tc * math.log(th / tc) / (th - tc), rel=1e-9)


# ------------------------------------------------------------------------- bad input
def test_unknown_fluid():
    with pytest.raises(ValueError, match="unknown fluid 'Unobtainium'"):
        ORC("Unobtainium", 373.15, 308.15)


def test_source_colder_than_evaporator():
    with pytest.raises(ValueError, match=r"heat_source temperature must be > 388.15 K \(expander "
                                         r"inlet 378.15 K \+ evaporator_pinch 10 K\).*got 380.0 K"):
        ORC("R245fa", 373.15, 308.15, superheat=5.0).solve(Stream("Water", 380.0, 5e5, 10.0))


def test_condensing_below_cooling_water():
    with pytest.raises(ValueError, match=r"condensing_temperature must be >= 303.15 K \(cooling inlet "
                                         r"298.15 K \+ condenser_pinch 5 K\).*got 300.0 K"):
        ORC("R245fa", 373.15, 300.0).solve(Stream("Water", 423.15, 5e5, 10.0))


def test_condenser_pinch_violated_inside():
    with pytest.raises(ValueError, match="condenser pinch must be >= 5 K; got .* at the dew point"):
        ORC("R245fa", 373.15, 305.0, cooling_temperature_rise=10.0).solve(
            Stream("Water", 423.15, 5e5, 10.0))


@pytest.mark.parametrize("name", ["pump_efficiency", "expander_efficiency",
                                  "generator_efficiency", "motor_efficiency"])
@pytest.mark.parametrize("value", [-0.1, 1.2, 0.0, float("nan")])
def test_efficiency_out_of_range(name, value):
    with pytest.raises(ValueError, match=name):
        ORC("R245fa", 373.15, 308.15, **{name: value})


def test_efficiency_messages_give_range_and_value():
    with pytest.raises(ValueError, match=r"pump_efficiency must be in \(0, 1\]; got -0.1"):
        ORC("R245fa", 373.15, 308.15, pump_efficiency=-0.1)
    with pytest.raises(ValueError, match=r"expander_efficiency must be in \(0, 1\]; got 1.2"):
        ORC("R245fa", 373.15, 308.15, expander_efficiency=1.2)


def test_supercritical_and_reversed_temperatures():
    with pytest.raises(ValueError, match=r"evaporating_temperature must be in \(.*427.01"):
        ORC("R245fa", 430.0, 308.15)
    with pytest.raises(ValueError, match="condensing_temperature must be in"):
        ORC("R245fa", 373.15, 380.0)
    with pytest.raises(ValueError, match="superheat must be >= 0 K; got -1.0 K"):
        ORC("R245fa", 373.15, 308.15, superheat=-1.0)


def test_wet_expansion_refused_unless_allowed():
    # Water is a wet fluid: saturated steam expanded from 150 degC ends inside the dome.
    orc = ORC("Water", 423.15, 318.15)
    with pytest.raises(ValueError, match="expander outlet quality must be >= 1"):
        orc.solve(Stream(FLUE_GAS, 573.15, 101325.0, 10.0))
    res = ORC("Water", 423.15, 318.15, allow_wet_expansion=True).solve(
        Stream(FLUE_GAS, 573.15, 101325.0, 10.0))
    assert 0.8 < res.state("expander_outlet").x < 1.0


def test_bad_streams():
    orc = ORC("R245fa", 373.15, 308.15)
    with pytest.raises(ValueError, match="heat_source mass_flow must be > 0 kg/s; got 0.0"):
        orc.solve(Stream("Water", 423.15, 5e5, 0.0))
    with pytest.raises(ValueError, match="heat_source must be a procsim.Stream"):
        orc.solve(423.15)
    with pytest.raises(ValueError, match="source_minimum_outlet_temperature must be < the heat_source"):
        ORC("R245fa", 373.15, 308.15, source_minimum_outlet_temperature=500.0).solve(
            Stream("Water", 423.15, 5e5, 1.0))


def test_air_cooled_condenser():
    # Air as coolant (CoolProp pseudo-pure air, Lemmon et al. 2000): the flow follows from the
    # duty and the 5 K rise with cp of air ~1006 J/(kg K) at 300 K, 1 atm (PropsSI below).
    res = ORC("R245fa", 373.15, 318.15, cooling_fluid="air").solve(Stream("Water", 423.15, 5e5, 10.0))
    cp = CP.PropsSI("C", "T", 300.65, "P", 101325.0, "Air")
    assert res.cooling_flow == pytest.approx(res.heat_rejected / (cp * 5.0), rel=1e-4)
    with pytest.raises(ValueError, match="cooling_fluid must be one of 'water', 'air'; got 'oil'"):
        ORC("R245fa", 373.15, 318.15, cooling_fluid="oil")


@pytest.mark.parametrize("fluid, te, tc, eta_e, eta_p, recup, expected", [
    # procsim reference facts.md sec. 5.1: saturated subcritical cycles computed independently
    # (CoolProp 8.0.0 HEOS, a separate script), printed to 0.1 percentage point, hence abs=0.05.
    ("n-Butane", 373.15, 303.15, 0.85, 0.65, 0.0, 12.6),
    ("Isopentane", 373.15, 303.15, 0.85, 0.65, 0.0, 12.8),
    ("R245fa", 373.15, 303.15, 0.85, 0.65, 0.0, 12.6),
    ("R1233zd(E)", 373.15, 303.15, 0.85, 0.65, 0.0, 12.9),
    ("n-Pentane", 373.15, 303.15, 0.85, 0.65, 0.0, 12.9),
    ("Cyclopentane", 373.15, 303.15, 0.85, 0.65, 0.0, 13.8),
    ("Toluene", 373.15, 303.15, 0.85, 0.65, 0.0, 14.1),
    ("n-Butane", 373.15, 303.15, 0.85, 0.65, 0.999999, 13.5),   # ideal internal heat exchanger
    ("Isopentane", 373.15, 303.15, 0.85, 0.65, 0.999999, 14.3),
    ("R245fa", 373.15, 303.15, 0.85, 0.65, 0.999999, 13.6),
    ("Cyclopentane", 473.15, 313.15, 0.80, 0.70, 0.0, 19.6),
    ("Toluene", 523.15, 313.15, 0.80, 0.70, 0.0, 23.0),
])
def test_thermal_efficiency_matches_reference_table(fluid, te, tc, eta_e, eta_p, recup, expected):
    res = ORC(fluid, te, tc, expander_efficiency=eta_e, pump_efficiency=eta_p,
              recuperator_effectiveness=recup, cooling_inlet_temperature=293.15).solve(
        Stream("Water", 600.0, 2.0e7, 10.0))
    assert 100.0 * res.thermal_efficiency == pytest.approx(expected, abs=0.05)
