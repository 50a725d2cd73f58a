"""procsim.mv: Guideline 14 statistics against statsmodels, change-point recovery, savings uncertainty."""
import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as st

from procsim.mv import (Adjustment, avoided_energy, degree_days, fit_baseline, normalised_savings,
                        option_a, periods)
from procsim.mv import statistics as S


def _fixed_frame():
    """A fixed monthly data set (24 months): energy on temperature and production."""
    rng = np.random.default_rng(20240601)
    t = pd.date_range("2022-01-01", periods=24, freq="MS")
    temp = 22 + 7 * np.sin(2 * np.pi * (np.arange(24) - 3) / 12)
    prod = 1000 + 80 * rng.normal(size=24)
    e = 20000 + 600 * temp + 12.0 * prod + rng.normal(0, 900, 24)
    return pd.DataFrame({"energy": e, "temperature": temp, "production": prod}, index=t)


@pytest.mark.unit
def test_guideline14_statistics_equal_statsmodels_and_hand_computation():
    f = _fixed_frame()
    b = fit_baseline(f, drivers=("temperature", "production"), model="ols")
    X = sm.add_constant(f[["temperature", "production"]].to_numpy())
    y = f["energy"].to_numpy()
    res = sm.OLS(y, X).fit()
    n, p = len(y), 3
    e = y - res.fittedvalues
    assert b.coefficients["intercept"] == pytest.approx(res.params[0], rel=1e-9)
    assert b.coefficients["production"] == pytest.approx(res.params[2], rel=1e-9)
    assert b.r2 == pytest.approx(res.rsquared, abs=1e-9)
    assert b.adj_r2 == pytest.approx(res.rsquared_adj, abs=1e-9)
    # CV(RMSE): statsmodels' residual mean square has n - p degrees of freedom
    assert b.cv_rmse == pytest.approx(math.sqrt(res.mse_resid) / y.mean(), abs=1e-9)
    assert b.nmbe == pytest.approx(e.sum() / ((n - p) * y.mean()), abs=1e-9)
    for i, k in enumerate(("intercept", "temperature", "production")):
        assert b.t_stats[k] == pytest.approx(res.tvalues[i], rel=1e-9)
        assert b.std_errors[k] == pytest.approx(res.bse[i], rel=1e-9)
        assert b.p_values[k] == pytest.approx(res.pvalues[i], rel=1e-6, abs=1e-12)
    rho = np.sum(e[1:] * e[:-1]) / np.sum(e * e)   # residuals of OLS with intercept: mean 0
    assert b.autocorrelation == pytest.approx(rho, abs=1e-9)
    assert b.acceptance.interval == "monthly" and b.acceptance.cv_limit == 0.15
    assert b.acceptance.passed == (b.cv_rmse <= 0.15 and abs(b.nmbe) <= 0.05)


@pytest.mark.unit
def test_fractional_savings_uncertainty_hand_computation():
    # Guideline 14-2014 Annex B: t(0.95, n'-p) x 1.26 x CV x sqrt(n/n' (1 + 2/n') / m) / F
    cv, n, m, F, rho, p = 0.08, 36, 12, 0.15, 0.3, 2
    n_eff = 36 * 0.7 / 1.3
    t = st.t.ppf(0.95, n_eff - p)
    hand = t * 1.26 * cv * math.sqrt(n / n_eff * (1 + 2 / n_eff) / m) / F
    assert S.fractional_savings_uncertainty(cv, n, m, F, rho, p, 0.90) == pytest.approx(hand, rel=1e-12)
    # n' = 19.385, t(0.95, 17.38) = 1.7374, sqrt term 0.41319: 1.7374 x 1.26 x 0.08 x 0.41319 / 0.15
    assert hand == pytest.approx(0.4824, abs=5e-5)
    with pytest.raises(ValueError, match="confidence"):
        S.fractional_savings_uncertainty(cv, n, m, F, rho, p, 1.5)


def _linear_period(rng, start, periods_, slope_scale=1.0, rho=0.0, sigma=50.0):
    t = pd.date_range(start, periods=periods_, freq="D")
    temp = 18 + 9 * np.sin(2 * np.pi * np.arange(periods_) / 365) + rng.normal(0, 3, periods_)
    noise = np.empty(periods_)
    noise[0] = rng.normal(0, sigma)
    for i in range(1, periods_):
        noise[i] = rho * noise[i - 1] + math.sqrt(1 - rho ** 2) * rng.normal(0, sigma)
    e = slope_scale * (1000 + 20 * temp) + noise
    return pd.DataFrame({"energy": e, "temperature": temp}, index=t)


@pytest.mark.integration
@pytest.mark.parametrize("rho,expect_low", [(0.0, 0.85), (0.6, 0.80)])
def test_savings_band_covers_the_true_savings(rho, expect_low):
    """Monte Carlo: the 90 % band must cover the true savings in about 90 % of replications
    (the Guideline 14 formula is an approximation, known to be conservative for white noise)."""
    rng = np.random.default_rng(7)
    hits, reps = 0, 120
    for _ in range(reps):
        base = _linear_period(rng, "2022-01-01", 180, rho=rho)
        rep = _linear_period(rng, "2023-01-01", 90, slope_scale=0.9, rho=rho)
        true = float((0.1 * (1000 + 20 * rep["temperature"])).sum())
        b = fit_baseline(base, model="2p")
        s = avoided_energy(b, rep, confidence=0.9)
        hits += abs(s.savings - true) <= s.uncertainty
    assert expect_low <= hits / reps <= 1.0


CP_CASES = {  # model: (true coefficients, noise sigma)
    "3p_heating": ({"intercept": 500.0, "heating_slope": 40.0, "heating_breakpoint": 16.0}, 20.0),
    "3p_cooling": ({"intercept": 800.0, "cooling_slope": 55.0, "cooling_breakpoint": 21.0}, 25.0),
    "4p": ({"intercept": 900.0, "heating_slope": 15.0, "cooling_slope": 45.0, "breakpoint": 18.0}, 20.0),
    "5p": ({"intercept": 700.0, "heating_slope": 30.0, "cooling_slope": 50.0,
            "heating_breakpoint": 12.0, "cooling_breakpoint": 22.0}, 20.0),
}


def _cp_truth(kind, c, T):
    pos = lambda a: np.maximum(a, 0.0)  # noqa: E731
    if kind == "3p_heating":
        return c["intercept"] + c["heating_slope"] * pos(c["heating_breakpoint"] - T)
    if kind == "3p_cooling":
        return c["intercept"] + c["cooling_slope"] * pos(T - c["cooling_breakpoint"])
    if kind == "4p":
        return (c["intercept"] + c["heating_slope"] * pos(c["breakpoint"] - T)
                + c["cooling_slope"] * pos(T - c["breakpoint"]))
    return (c["intercept"] + c["heating_slope"] * pos(c["heating_breakpoint"] - T)
            + c["cooling_slope"] * pos(T - c["cooling_breakpoint"]))


@pytest.mark.component
@pytest.mark.parametrize("kind", sorted(CP_CASES))
def test_change_point_models_recover_coefficients_and_breakpoints(kind):
    truth, sigma = CP_CASES[kind]
    rng = np.random.default_rng(sorted(CP_CASES).index(kind) + 11)
    t = pd.date_range("2023-01-01", periods=730, freq="D")
    T = 17 + 11 * np.sin(2 * np.pi * (np.arange(730) - 100) / 365) + rng.normal(0, 2.5, 730)
    e = _cp_truth(kind, truth, T) + rng.normal(0, sigma, 730)
    b = fit_baseline(pd.DataFrame({"energy": e, "temperature": T}, index=t), model=kind)
    for k, v in truth.items():
        # within three standard errors (99.7 % for a normal estimator)
        assert abs(b.coefficients[k] - v) <= 3 * b.std_errors[k], (k, b.coefficients[k], b.std_errors[k])
    auto = fit_baseline(pd.DataFrame({"energy": e, "temperature": T}, index=t))
    assert auto.kind == kind, auto.candidates


@pytest.mark.component
def test_towt_on_hourly_data():
    rng = np.random.default_rng(3)
    t = pd.date_range("2023-01-02", periods=24 * 7 * 20, freq="h")
    profile = np.where((t.dayofweek < 5) & (t.hour >= 8) & (t.hour < 18), 120.0, 40.0)
    T = 20 + 8 * np.sin(2 * np.pi * t.hour / 24) + rng.normal(0, 1.0, len(t))
    e = profile + 3.0 * np.maximum(T - 22, 0) + rng.normal(0, 4, len(t))
    f = pd.DataFrame({"energy": e, "temperature": T}, index=t)
    b = fit_baseline(f, model="towt")
    assert b.interval == "hourly" and b.acceptance.passed
    # weekday 10:00 vs Sunday 03:00: the occupied-unoccupied step (80) within 3 SE
    step = b.coefficients["tow_010"] - b.coefficients["tow_147"]
    assert abs(step - 80.0) < 3 * math.hypot(b.std_errors["tow_010"], b.std_errors["tow_147"])
    assert b.predict(f.iloc[:48]).shape == (48,)


@pytest.mark.component
def test_avoided_energy_with_adjustment_and_normalised_savings():
    rng = np.random.default_rng(5)
    base = _linear_period(rng, "2022-01-01", 365)
    rep = _linear_period(rng, "2023-01-01", 365, slope_scale=0.9)
    b = fit_baseline(base, model="2p")
    plain = avoided_energy(b, rep)
    adj = Adjustment("new line", 5000.0, "line 3 added in 2023-03 (metered separately)", "submeter")
    s = avoided_energy(b, rep, adjustments=[adj])
    assert s.savings == pytest.approx(plain.savings + 5000.0, rel=1e-12)
    assert s.periods["cusum"].iloc[-1] == pytest.approx(plain.savings, rel=1e-9)
    assert plain.fsu_pass and plain.uncertainty < plain.savings
    r = fit_baseline(rep, model="2p")
    normal = pd.DataFrame({"temperature": np.full(365, 18.0)},
                          index=pd.date_range("2000-01-01", periods=365, freq="D"))
    ns = normalised_savings(b, r, normal)
    # true: 0.1 x (1000 + 20 x 18) x 365 = 49,640
    assert abs(ns.savings - 49640.0) < ns.uncertainty
    with pytest.raises(ValueError, match="name and a reason"):
        Adjustment("x", 1.0, "")


@pytest.mark.unit
def test_option_a_key_parameter():
    rng = np.random.default_rng(9)
    before = 75.0 + rng.normal(0, 3, 672)   # one week of 15-min kW
    after = 60.0 + rng.normal(0, 3, 672)
    k = option_a(before, after, 6000.0, "operating hours from the shift plan (stipulated)")
    assert k.savings == pytest.approx((before.mean() - after.mean()) * 6000.0, rel=1e-12)
    se = math.hypot(before.std(ddof=1) / math.sqrt(672), after.std(ddof=1) / math.sqrt(672))
    assert k.uncertainty == pytest.approx(st.t.ppf(0.95, 671) * se * 6000.0, rel=0.05)
    with pytest.raises(ValueError, match="source"):
        option_a(before, after, 6000.0, "")


@pytest.mark.unit
def test_degree_days_and_periods():
    t = pd.date_range("2024-01-01", periods=48, freq="h")
    temp = pd.Series(np.r_[np.full(24, 10.0), np.full(24, 20.0)], index=t)
    hdd = degree_days(temp, base=18.0)
    assert hdd.tolist() == [8.0, 0.0] and hdd.name == "hdd_18"
    cdd = degree_days(temp, base=18.0, kind="cooling", freq="MS")
    assert cdd.iloc[0] == 2.0
    data = pd.DataFrame({"energy": np.ones(48), "temperature": temp.to_numpy()}, index=t)
    data = data.drop(t[30])
    out, dropped = periods(data, "D")
    assert out["energy"].tolist() == [24.0] and len(dropped) == 1
    assert dropped["coverage"].iloc[0] == pytest.approx(23 / 24)


@pytest.mark.unit
def test_bad_input_is_named():
    f = _fixed_frame()
    with pytest.raises(ValueError, match="model must be 'auto' or one of"):
        fit_baseline(f, model="6p")
    g = f.copy()
    g.iloc[3, 0] = np.nan
    with pytest.raises(ValueError, match="never fills gaps"):
        fit_baseline(g)
    with pytest.raises(ValueError, match="lacks column"):
        fit_baseline(f, drivers=("humidity",))
