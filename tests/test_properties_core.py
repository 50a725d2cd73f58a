"""Valid random inputs per family: results are finite and balances close (hypothesis).

Every property runs derandomized (the same examples on every run, docs/architecture.rst, convention 11). The
balance identities checked are exact in the physics, so the residuals must be at round-off:
below 1e-9 relative.
"""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.unit

FAST = settings(derandomize=True, max_examples=200, deadline=None, database=None)
MEDIUM = settings(derandomize=True, max_examples=60, deadline=None, database=None)


def finite(*xs):
    return all(np.all(np.isfinite(np.asarray(x, dtype=float))) for x in xs)


# ------------------------------------------------------------------------------- quantities
@FAST
@given(st.floats(-0.79, 1.0e3), st.floats(8.0e4, 1.1e5))
def test_gauge_pressure_round_trip(bar_g, ambient):
    from procsim.quantities import from_si, to_si

    p = to_si(f"{bar_g!r} bar(g)", "pressure", ambient=ambient)
    assert math.isfinite(p) and p > 0.0
    assert from_si(p, "bar(g)", ambient=ambient) == pytest.approx(bar_g, rel=1e-9, abs=1e-9)


@FAST
@given(st.floats(-273.0, 5000.0))
def test_celsius_round_trip_and_absolute_zero(deg_c):
    from procsim.quantities import from_si, to_si

    t = to_si(f"{deg_c!r} degC", "temperature")
    assert t > 0.0 and from_si(t, "degC") == pytest.approx(deg_c, rel=1e-12, abs=1e-9)
    with pytest.raises(ValueError, match="temperature must be > 0 K"):
        to_si(f"{-273.15 - abs(deg_c) - 0.01!r} degC", "temperature")


# ------------------------------------------------------------------------------- heat exchangers
ARRANGEMENTS = ("counterflow", "parallel", "crossflow_both_unmixed", "crossflow_cmax_mixed",
                "crossflow_cmin_mixed", "shell_and_tube_1_2")


#: NTU and Cr as engineers meet them: 0, or at least 1e-9 (the exact crossflow series divides
#: by zero for NTU and Cr near 1e-300, a kernel issue reported separately)
ntus = st.one_of(st.just(0.0), st.floats(1e-9, 20.0))
crs = st.one_of(st.just(0.0), st.floats(1e-9, 1.0))


@FAST
@given(ntus, crs, st.sampled_from(ARRANGEMENTS))
def test_effectiveness_bounded_and_inverts(ntu, cr, arrangement):
    from units.heat_exchanger import effectiveness, ntu as ntu_of

    eps = float(effectiveness(ntu, cr, arrangement))
    assert finite(eps) and 0.0 <= eps <= 1.0
    # the inverse is well conditioned away from the asymptote (d eps / d NTU > 1e-3)
    if 0.05 < ntu < 5.0 and float(effectiveness(ntu * 1.01, cr, arrangement)) - eps > 1e-5:
        assert float(ntu_of(eps, cr, arrangement)) == pytest.approx(ntu, rel=1e-6)


@FAST
@given(st.floats(1e-6, 50.0), st.floats(320.0, 1500.0), st.floats(250.0, 1400.0),
       st.floats(1.0, 1e6), st.floats(1.0, 1e6), st.sampled_from(ARRANGEMENTS))
def test_rating_closes_the_energy_balance(ntu, t_hot, t_cold, c_hot, c_cold, arrangement):
    # NTU up to 50: the exact crossflow series loses accuracy beyond (reported separately)
    from units.heat_exchanger import rate

    ua = ntu * min(c_hot, c_cold)
    if not t_hot > t_cold + 1e-3:
        t_hot, t_cold = max(t_hot, t_cold) + 10.0, min(t_hot, t_cold)
    r = rate(ua, t_hot, t_cold, c_hot, c_cold, arrangement)
    duty = float(r.duty)
    assert finite(duty, r.t_hot_out, r.t_cold_out) and duty >= 0.0
    # residuals relative to the enthalpy flows through the exchanger (as flowsheet.unit_balance)
    scale = c_hot * t_hot + c_cold * t_cold
    hot = c_hot * (t_hot - float(r.t_hot_out))
    cold = c_cold * (float(r.t_cold_out) - t_cold)
    assert abs(hot - cold) <= 1e-9 * scale
    assert abs(hot - duty) <= 1e-9 * scale
    # second law, to the round-off of the series (effectiveness 1 + 5e-12 seen at NTU 244)
    assert t_cold - 1e-6 <= float(r.t_hot_out) and float(r.t_cold_out) <= t_hot + 1e-6


# ------------------------------------------------------------------------------- pinch
stream_rows = st.lists(st.tuples(st.floats(300.0, 700.0), st.floats(300.0, 700.0), st.floats(10.0, 1e5)),
                       min_size=2, max_size=6)


@FAST
@given(stream_rows, st.floats(0.0, 40.0))
def test_pinch_utilities_close_the_overall_balance(rows, dt_min):
    from procsim.pinch import targets

    rows = [(a, b + (1.0 if abs(a - b) < 1.0 else 0.0), cp) for a, b, cp in rows]
    t = targets(rows, dt_min)
    assert finite(t.hot_utility, t.cold_utility) and t.hot_utility >= 0.0 and t.cold_utility >= 0.0
    # first law over the whole process: Q_H - Q_C = heat the streams need overall
    need = sum(cp * (tt - ts) for ts, tt, cp in rows)
    scale = sum(abs(cp * (tt - ts)) for ts, tt, cp in rows)
    assert abs((t.hot_utility - t.cold_utility) - need) <= 1e-9 * scale


# ------------------------------------------------------------------------------- gas mixtures
compositions = st.dictionaries(st.sampled_from(("N2", "O2", "CO2", "H2O", "AR", "CH4")),
                               st.floats(0.01, 1.0), min_size=1, max_size=6)


@FAST
@given(compositions, st.floats(200.0, 6000.0))
def test_gas_enthalpy_finite_and_inverts(comp, T):
    from procsim.thermo.gas import GasMixture

    g = GasMixture(comp)
    h, cp = g.h(T), g.cp(T)
    assert finite(h, cp) and cp > 0.0
    assert g.T_from_h(h) == pytest.approx(T, rel=1e-9)


@MEDIUM
@given(compositions, st.floats(250.0, 2500.0), st.floats(1e3, 1e7), st.floats(0.0, 1e3))
def test_gas_stream_energy_flow(comp, T, p, m):
    from procsim.stream import Stream

    s = Stream(comp, T, p, m)
    assert finite(s.h, s.s, s.energy_flow)
    assert abs(s.energy_flow - m * s.h) <= 1e-12 * max(abs(m * s.h), 1.0)


# ------------------------------------------------------------------------------- combustion
@MEDIUM
@given(st.floats(0.70, 1.0), st.floats(0.0, 0.15), st.floats(0.0, 0.1), st.floats(0.0, 3.0))
def test_flue_gas_mass_balance(ch4, c2h6, n2, excess_air):
    from procsim.thermo.combustion import Fuel

    total = ch4 + c2h6 + n2
    f = Fuel.from_composition({"CH4": ch4 / total, "C2H6": c2h6 / total, "N2": n2 / total + 1e-12})
    fg = f.flue_gas(excess_air)
    assert finite(fg.mass_per_kg_fuel, fg.air_per_kg_fuel, f.hhv, f.lhv)
    # a gaseous fuel has no ash: everything that enters leaves as flue gas
    assert abs(fg.mass_per_kg_fuel - (1.0 + fg.air_per_kg_fuel)) <= 1e-9 * fg.mass_per_kg_fuel
    o2 = fg.o2("dry")
    assert 0.0 <= o2 < 0.21
    assert float(f.excess_air(o2, basis="dry")) == pytest.approx(excess_air, rel=1e-7, abs=1e-9)


# ------------------------------------------------------------------------------- compressed air
@FAST
@given(st.floats(1e-4, 0.02), st.floats(2e5, 1.5e6), st.floats(250.0, 350.0), st.floats(0.3, 1.0))
def test_leak_flow_finite_and_monotone(d, p, T, cd):
    from units.compressed_air import free_air_flow, leak_flow

    m1, m2 = float(leak_flow(d, p, T, cd)), float(leak_flow(d, p * 1.1, T, cd))
    assert finite(m1, m2, free_air_flow(m1)) and 0.0 < m1 < m2


# ------------------------------------------------------------------------------- batch
@MEDIUM
@given(st.floats(-1e6, 1e6), st.floats(0.0, 1e5), st.integers(0, 2 ** 32 - 1))
def test_monte_carlo_outputs_finite(mean, sd, seed):
    from procsim.batch import Normal, Uniform, monte_carlo

    r = monte_carlo(lambda a, b: {"y": a * b}, {"a": Normal(mean, sd), "b": Uniform(0.0, 2.0)}, 50, seed=seed)
    assert finite(r.outputs["y"], r.inputs["a"])


# ------------------------------------------------------------------------------- claims
@MEDIUM
@given(st.integers(1, 10 ** 9), st.floats(0.0, 1.0), st.sampled_from(["electricity_kwh", "natural_gas_nm3",
                                                                        "steam_t", "coal_t"]))
def test_consistent_claim_arithmetic_never_errors(base, fraction, carrier):
    from procsim.accounting.claims import check_claim

    retro = int(base * (1.0 - fraction))
    claim = {"name": "x", "year": 2023, "baseline": {carrier: base}, "retrofit": {carrier: retro},
             "savings": {carrier: base - retro}}
    findings = check_claim(claim)
    assert not [f for f in findings if f.field == f"savings.{carrier}" and f.severity == "error"]
