"""ORC fast path (batch numba kernel on tabulated properties) against the exact CoolProp path;
design optimisation and fluid ranking."""
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from procsim.stream import Stream
from units.orc import BINDING_CONSTRAINTS, ORC
from units.orc import kernels as K
from units.orc.design import (STATUS_MESSAGES, evaluate_designs, kernel_inputs, optimise_design,
                              rank_fluids)

pytestmark = pytest.mark.component

FLUE = {"N2": 0.72, "CO2": 0.09, "H2O": 0.12, "O2": 0.07}

CASES = [  # fluid, te range, tc range, source T range, details
    ("R245fa", (340.0, 420.0), (305.0, 320.0), (400.0, 520.0), {}),
    ("Isopentane", (350.0, 450.0), (305.0, 325.0), (430.0, 560.0), {"recuperator_effectiveness": 0.7}),
    ("Cyclopentane", (380.0, 505.0), (310.0, 330.0), (480.0, 620.0),
     {"source_minimum_outlet_temperature": 400.0, "evaporator_pressure_drop": 5e4}),
]


def _designs(rng, n, te, tc, ts):
    return (rng.uniform(*te, n), rng.uniform(0.0, 20.0, n), rng.uniform(*tc, n), rng.uniform(*ts, n),
            rng.uniform(2.0, 30.0, n))


#: README "Accuracy": ORC fast vs exact, the largest relative difference on net power (and
#: thermal efficiency) over the designs below; the README prints this bound
#: (tests/test_readme_claims.py renders the row from it).
FAST_VS_EXACT_MAX_REL = 6.5e-7
FAST_VS_EXACT_DESIGNS = 1167
#: issue 17: net power of the fast path within 1e-6 of the exact path
ISSUE_17_TARGET = 1e-6


def test_fast_matches_exact_on_1000_designs():
    # Tables are bicubic splines of CoolProp states (procsim.thermo.tables docstring); a cycle
    # combines ~20 table look-ups. Issue 7 asked for 0.1 % on net power; the README prints
    # FAST_VS_EXACT_MAX_REL for these 1,167 feasible designs, and issue 17 asks for 1e-6,
    # which is what is enforced: measured 6.4e-7 since the table's pressure blocks overlap
    # at their joins (largest where the pinch sits at the bubble point of a design
    # evaporating near 0.7 p_c, where h_l(p) and h_v(p) carry the tables' largest
    # saturation error); the typical error is ~1e-8.
    rng = np.random.default_rng(7)
    errors, eff_errors, same_binding, compared = [], [], 0, 0
    for fluid, te, tc, ts, kw in CASES:
        orc = ORC(fluid, te[0], tc[0], cooling_inlet_temperature=293.15, **kw)
        te_, sh_, tc_, ts_, ms_ = _designs(rng, 420, te, tc, ts)
        res = evaluate_designs(orc, Stream(FLUE, 500.0, 101325.0, 1.0), evaporating_temperature=te_,
                               superheat=sh_, condensing_temperature=tc_, source_temperature=ts_,
                               source_mass_flow=ms_)
        for i in np.flatnonzero(res.feasible):
            ex = replace(orc, evaporating_temperature=te_[i], superheat=sh_[i],
                         condensing_temperature=tc_[i]).solve(Stream(FLUE, ts_[i], 101325.0, ms_[i]))
            errors.append(abs(res.net_power[i] / ex.net_power - 1.0))
            eff_errors.append(abs(res.thermal_efficiency[i] / ex.thermal_efficiency - 1.0))
            same_binding += BINDING_CONSTRAINTS[res.binding[i]] == ex.binding_constraint
            compared += 1
    assert compared == FAST_VS_EXACT_DESIGNS
    assert max(errors) <= min(FAST_VS_EXACT_MAX_REL, ISSUE_17_TARGET), max(errors)
    assert max(eff_errors) <= min(FAST_VS_EXACT_MAX_REL, ISSUE_17_TARGET), max(eff_errors)
    assert same_binding >= 0.99 * compared


def test_fast_matches_exact_for_a_water_source():
    orc = ORC("R1233zd(E)", 383.15, 310.15, superheat=5.0)
    src = Stream("Water", 433.15, 1.0e6, 10.0)
    fast = evaluate_designs(orc, src, evaporating_temperature=[363.15, 383.15, 403.15])
    for i, te in enumerate([363.15, 383.15, 403.15]):
        ex = replace(orc, evaporating_temperature=te).solve(src)
        assert fast.net_power[i] == pytest.approx(ex.net_power, rel=1e-4)
        assert fast.heat_source_outlet_temperature[i] == pytest.approx(
            ex.heat_source_outlet_temperature, abs=1e-3)


def test_infeasible_designs_get_the_exact_paths_reasons():
    orc = ORC("R245fa", 373.15, 308.15)
    src = Stream(FLUE, 473.15, 101325.0, 10.0)
    res = evaluate_designs(orc, src, evaporating_temperature=[373.15, 470.0, 373.15, 373.15],
                           condensing_temperature=[308.15, 308.15, 300.0, 380.0])
    assert res.status.tolist() == [K.STATUS_OK, K.STATUS_SOURCE_TOO_COLD,
                                   K.STATUS_COND_BELOW_COOLING, K.STATUS_TEMPERATURES]
    assert np.isnan(res.net_power[1:]).all()
    assert res.message(2) == STATUS_MESSAGES[K.STATUS_COND_BELOW_COOLING]
    wet = evaluate_designs(ORC("Water", 423.15, 318.15), src)
    assert wet.status.item() == K.STATUS_WET_EXPANSION
    with pytest.raises(ValueError, match=r"design 1 is infeasible: heat source not hotter than "
                                         r"expander inlet \+ evaporator pinch \(evaporating_temperature=470.0 K"):
        evaluate_designs(orc, src, evaporating_temperature=[373.15, 470.0], on_infeasible="raise")
    with pytest.raises(ValueError, match="design arrays do not broadcast"):
        evaluate_designs(orc, src, evaporating_temperature=[360.0, 370.0], superheat=[0.0, 1.0, 2.0])


def test_broadcasting_shapes():
    orc = ORC("R245fa", 373.15, 308.15)
    src = Stream(FLUE, 473.15, 101325.0, 10.0)
    res = evaluate_designs(orc, src, evaporating_temperature=np.linspace(350, 400, 4)[:, None],
                           superheat=[0.0, 5.0, 10.0])
    assert res.net_power.shape == (4, 3) and res.status.shape == (4, 3)
    assert res.feasible.all()


def test_kernel_equals_py_func():
    orc = ORC("Isopentane", 400.0, 310.0, superheat=7.0, recuperator_effectiveness=0.5)
    src = Stream(FLUE, 520.0, 101325.0, 8.0)
    wf, kind, gx, gco, gmm, sdata, params = kernel_inputs(orc, src)
    a, b = np.empty(K.N_OUT), np.empty(K.N_OUT)
    for te in (360.0, 400.0, 440.0):
        ca = K.orc_design(wf, te, 7.0, 310.0, 520.0, 8.0, kind, gx, gco, gmm, sdata, params, a)
        cb = K.orc_design.py_func(wf, te, 7.0, 310.0, 520.0, 8.0, kind, gx, gco, gmm, sdata, params, b)
        assert ca == cb == K.STATUS_OK
        np.testing.assert_allclose(a, b, rtol=1e-14, atol=0.0)


def test_constant_cp_source_outlet_closed_form():
    # Argon's cp is exactly 5R/2 (NASA-7), so with the pinch at the bubble point the source
    # outlet follows from two straight lines: T_out = T_in - (T_in - T_bub - dT_pp) (h6 - h3)/(h6 - h_bub).
    orc = ORC("R245fa", 373.15, 308.15)
    src = Stream({"AR": 1.0}, 440.0, 101325.0, 10.0)
    res = evaluate_designs(orc, src)
    assert BINDING_CONSTRAINTS[res.binding.item()] == "pinch_bubble_point"
    ex = orc.solve(src)
    h = {s.name: s.h for s in ex.states}
    expected = 440.0 - (440.0 - 373.15 - 10.0) * (h["expander_inlet"] - h["evaporator_inlet"]) / (
        h["expander_inlet"] - h["evaporator_bubble"])
    assert res.heat_source_outlet_temperature.item() == pytest.approx(expected, abs=2e-4)  # table h's
    # the same closed form with every enthalpy from CoolProp directly (HEOS, pump eta 0.75):
    # the fast path is held to its table accuracy against an outside reference too
    import CoolProp.CoolProp as CP
    f = "HEOS::R245fa"
    p_e, p_c = CP.PropsSI("P", "T", 373.15, "Q", 0, f), CP.PropsSI("P", "T", 308.15, "Q", 0, f)
    h1, s1 = CP.PropsSI("H", "P", p_c, "Q", 0, f), CP.PropsSI("S", "P", p_c, "Q", 0, f)
    h3 = h1 + (CP.PropsSI("H", "P", p_e, "S", s1, f) - h1) / 0.75
    h6, h_bub = CP.PropsSI("H", "P", p_e, "Q", 1, f), CP.PropsSI("H", "P", p_e, "Q", 0, f)
    direct = 440.0 - (440.0 - 373.15 - 10.0) * (h6 - h3) / (h6 - h_bub)
    assert res.heat_source_outlet_temperature.item() == pytest.approx(direct, abs=2e-4)


def test_optimum_is_a_local_maximum_on_exact_properties():
    orc = ORC("Isopentane", 380.0, 313.15)
    src = Stream(FLUE, 523.15, 101325.0, 10.0)
    best = optimise_design(orc, src, superheat_bounds=(0.0, 20.0))
    assert best.exact.net_power == pytest.approx(best.fast_value, rel=1e-4)
    for dte, dsh in ((-2.0, 0.0), (2.0, 0.0), (0.0, 2.0)):
        te = min(best.evaporating_temperature + dte, orc.fluid.critical_temperature - 1.0)
        other = replace(orc, evaporating_temperature=te, superheat=best.superheat + dsh).solve(src)
        assert other.net_power <= best.exact.net_power * (1 + 1e-6)


def test_rank_fluids_orders_and_explains():
    src = Stream(FLUE, 473.15, 101325.0, 10.0)
    ranks = rank_fluids(src, 313.15, fluids=("R245fa", "Isopentane", "Ethane"),
                        superheat_bounds=(0.0, 10.0))
    ok = [r for r in ranks if r.feasible]
    assert [r.fluid for r in ranks][-1] == "Ethane" and not ranks[-1].feasible
    assert "condensing_temperature" in ranks[-1].reason        # Ethane: T_c = 305 K < 313 K
    assert ok[0].net_power >= ok[1].net_power > 0.0


@settings(derandomize=True, max_examples=25, deadline=None)
@given(te=st.floats(350.0, 445.0), sh=st.floats(0.0, 20.0), tc=st.floats(305.0, 330.0),
       dt=st.floats(15.0, 150.0), m=st.floats(0.5, 50.0), k=st.floats(0.1, 10.0))
def test_kernel_properties(te, sh, tc, dt, m, k):
    # The pinch limits are linear in the source flow, so power scales exactly with it and the
    # efficiency and source outlet do not change; the cycle stays below its Carnot limit.
    orc = ORC("Isopentane", 400.0, 313.15, recuperator_effectiveness=0.5)
    src = Stream(FLUE, 500.0, 101325.0, 1.0)
    res = evaluate_designs(orc, src, evaporating_temperature=te, superheat=sh, condensing_temperature=tc,
                           source_temperature=te + sh + dt, source_mass_flow=[m, k * m])
    assume(res.feasible.all())
    assert res.net_power[1] == pytest.approx(k * res.net_power[0], rel=1e-12)
    assert res.thermal_efficiency[1] == pytest.approx(res.thermal_efficiency[0], rel=1e-12)
    assert res.heat_source_outlet_temperature[1] == pytest.approx(res.heat_source_outlet_temperature[0],
                                                                   abs=1e-9)
    assert 0.0 < res.thermal_efficiency[0] < 1.0 - tc / (te + sh)
    assert res.heat_input[0] == pytest.approx(res.net_power[0] + res.heat_rejected[0], rel=1e-12)


def test_compiled_kernel_check_records_each_table_once():
    from units.orc import design

    orc = ORC("R245fa", 373.15, 308.15)
    inputs = kernel_inputs(orc, Stream(FLUE, 473.15, 101325.0, 10.0))
    key = (type(inputs[0]).__name__, inputs[1], inputs[0].T_crit, inputs[0].p_max)
    assert key in design._CHECKED_TABLE_TYPES


def test_reduced_pressure_cap_and_bad_details():
    src = Stream(FLUE, 523.15, 101325.0, 10.0)
    orc = ORC("Isopentane", 380.0, 313.15)
    best = optimise_design(orc, src, superheat_bounds=(0.0, 0.0), max_reduced_pressure=0.5)
    p_c = orc.fluid.critical_pressure
    assert best.exact.evaporating_pressure <= 0.5 * p_c * (1 + 1e-9)
    with pytest.raises(ValueError, match=r"max_reduced_pressure must be in \(0, 1\]; got 1.5"):
        optimise_design(orc, src, max_reduced_pressure=1.5)
    with pytest.raises(ValueError, match=r"pump_efficiency must be in \(0, 1\]; got 2.0"):
        rank_fluids(src, 313.15, fluids=("R245fa",), pump_efficiency=2.0)


def test_sweep_model_for_procsim_batch():
    import pickle

    from procsim.batch import sweep
    from units.orc import ORCSweepModel

    orc = ORC("R245fa", 373.15, 308.15)
    src = Stream(FLUE, 473.15, 101325.0, 10.0)
    model = ORCSweepModel(orc, src)
    df = sweep(model, {"evaporating_temperature": [350.0, 370.0, 390.0], "superheat": [0.0, 8.0]})
    direct = evaluate_designs(orc, src, evaporating_temperature=df["evaporating_temperature"].to_numpy(),
                              superheat=df["superheat"].to_numpy())
    np.testing.assert_array_equal(df["net_power"].to_numpy(), direct.net_power)
    again = pickle.loads(pickle.dumps(model))           # what a Dask worker receives
    np.testing.assert_array_equal(again(evaporating_temperature=np.array([370.0]))["net_power"],
                                  model(evaporating_temperature=np.array([370.0]))["net_power"])


def test_condensing_steam_source():
    # Saturated steam at 3 bar(a) condenses (T_sat = 406.7 K, IAPWS-IF97) and is subcooled in
    # the evaporator; the source enthalpy jumps at T_sat, which the pinch formula handles point
    # by point. Fast and exact paths agree as for single-phase sources.
    src = Stream("Water", None, 3.0e5, 2.0, x=1.0)
    orc = ORC("R245fa", 363.15, 308.15)
    ex = orc.solve(src)
    fast = evaluate_designs(orc, src)
    assert abs(ex.source_energy_residual) < 1e-9
    assert fast.net_power.item() == pytest.approx(ex.net_power, rel=1e-5)
    q_latent = 2.0 * (src.h - Stream("Water", None, 3.0e5, 1.0, x=0.0).h)
    assert ex.heat_input > q_latent               # all the latent heat and some subcooling


def test_parallel_batch_gives_the_serial_numbers():
    # designs are independent: numba's threads must not change a single bit
    from units.orc.design import PARALLEL_MIN_DESIGNS

    rng = np.random.default_rng(3)
    n = PARALLEL_MIN_DESIGNS + 501
    orc = ORC("R245fa", 373.15, 308.15, superheat=3.0)
    src = Stream(FLUE, 520.0, 101325.0, 10.0)
    kw = dict(evaporating_temperature=rng.uniform(340.0, 400.0, n), superheat=rng.uniform(0.0, 15.0, n),
              source_mass_flow=rng.uniform(5.0, 15.0, n))
    serial = evaluate_designs(orc, src, threads=1, **kw)
    parallel = evaluate_designs(orc, src, threads=2, **kw)
    assert serial.feasible.sum() > n // 2
    for name in ("net_power", "working_fluid_flow", "heat_source_outlet_temperature", "status"):
        assert np.array_equal(getattr(serial, name), getattr(parallel, name), equal_nan=True)
    with pytest.raises(ValueError, match="threads must be an integer"):
        evaluate_designs(orc, src, threads=-1, **kw)
