"""M&V case (synthetic compressed-air retrofit), M&V plots and the report section."""
import numpy as np
import pytest

from cases import mv_compressed_air_retrofit as case
from procsim.mv import plots, report_section


@pytest.fixture(scope="module")
def result():
    return case.run()


@pytest.mark.integration
def test_data_files_are_reproducible_from_the_seed(tmp_path):
    new = case.generate_data(tmp_path)
    for p in new:
        assert p.read_bytes() == (case.DATA / p.name).read_bytes()


@pytest.mark.integration
def test_mv_recovers_the_true_saving_within_its_band(result):
    s = result.details["savings"]
    true = case.true_savings()          # replayed with the baseline station (synthetic data only)
    assert abs(s.savings - true) <= s.uncertainty, (s.savings, true, s.uncertainty)
    b = result.details["baseline"]
    assert b.acceptance.passed and s.fsu_pass
    f = {x.metric: x for x in result.figures}
    assert f["co2_avoided"].computed == pytest.approx(s.savings * 0.494e-3, rel=1e-12)
    assert f["cost_saved"].computed == pytest.approx(s.savings * 3.81, rel=1e-9)
    leak, per_t, unloaded, acc = result.details["calibration"]
    assert acc.passed and acc.cv_rmse < 0.15
    # demand per tonne is identifiable (true 0.9); leak and unloaded power trade off because
    # procsim's part-load curve differs from the synthetic plant's (see the case docstring)
    assert per_t == pytest.approx(case.DEMAND_PER_T_H, rel=0.1)
    # the calibrated model predicts the retrofit saving within 15 % of the metered one
    assert f["option_d_predicted_saving"].computed == pytest.approx(s.savings, rel=0.15)


@pytest.mark.integration
def test_plots_render_and_report_section(result, tmp_path):
    b, s = result.details["baseline"], result.details["savings"]
    figs = [plots.baseline_vs_reporting(b, s), plots.change_point_fit(b, result.details["baseline_frame"]),
            plots.residuals(b), plots.cusum(s)]
    for i, fig in enumerate(figs):
        p = tmp_path / f"f{i}.png"
        fig.savefig(p, dpi=50)
        assert p.stat().st_size > 5000
        # something was drawn: the image is not one colour
        import matplotlib.image as mpimg
        assert np.ptp(mpimg.imread(p)) > 0.5
    text, tables = report_section(b, s, accounting=s.accounting("electricity_kwh", year=2024,
                                                               prices={"electricity_kwh": 3.81}))
    assert "Avoided energy over" in text and "CV(RMSE)" in text and "pass" in text
    assert set(tables) >= {"mv_coefficients", "mv_model_statistics", "mv_periods", "mv_savings"}


@pytest.mark.integration
def test_procsim_mv_command(tmp_path):
    import json

    from typer.testing import CliRunner

    from procsim.cli import app

    args = ["mv", str(case.DATA / "mv_compressed_air_baseline.csv.gz"),
            str(case.DATA / "mv_compressed_air_reporting.csv.gz"), "--drivers", "production,temperature",
            "--period", "D", "--timezone", "Asia/Taipei", "--counts", "production", "--json",
            "--plots", str(tmp_path)]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    from procsim.mv import avoided_energy, fit_baseline
    (_, base, _), (_, rep, _) = case.load("baseline"), case.load("reporting")
    s = avoided_energy(fit_baseline(base, drivers=("production", "temperature")), rep)
    assert out["savings"]["savings"] == pytest.approx(s.savings, rel=1e-9)
    assert out["baseline"]["acceptance"] == "pass" and out["dropped_periods"] == {"baseline": 2, "reporting": 2}
    assert len(list(tmp_path.glob("*.png"))) == 4
    bad = CliRunner().invoke(app, ["mv", str(tmp_path / "none.csv"), str(tmp_path / "none.csv")])
    assert bad.exit_code == 2


@pytest.mark.integration
def test_claim_with_meter_data_is_judged_against_the_band(tmp_path):
    from procsim.accounting import check_claim, load_claim, verdict

    claim = load_claim(case.DATA.parent / "claims" / "mv_compressed_air_retrofit.toml")
    fs = check_claim(claim, base_dir=case.DATA.parent / "claims")
    w = [f for f in fs if f.field == "savings.electricity_kwh"][0]
    assert w.severity == "warning" and "outside the band" in w.message
    from procsim.mv import avoided_energy, fit_baseline
    (_, base, _), (_, rep, _) = case.load("baseline"), case.load("reporting")
    s = avoided_energy(fit_baseline(base, drivers=("production", "temperature")), rep)
    assert w.values["verified"] == pytest.approx(s.savings, rel=1e-12)
    inside = dict(claim, savings={"electricity_kwh": round(s.savings, -3)})
    fs = check_claim(inside, base_dir=case.DATA.parent / "claims")
    assert [f.severity for f in fs if f.field == "savings.electricity_kwh"] == ["ok"]
    assert verdict(fs) == "consistent"
    missing = dict(claim, mv=dict(claim["mv"], baseline="nowhere.csv"))
    assert verdict(check_claim(missing, base_dir=tmp_path)) == "inconsistent"
