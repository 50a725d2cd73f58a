"""The HTML report in a real browser (headless Chromium): no errors, every image, no overflow."""
import pytest

from procsim.report import Report, case_section, claim_section, section_for, to_html
from procsim.report.browser import chromium_check, find_chromium

pytestmark = pytest.mark.integration

CHROMIUM = find_chromium()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    from procsim.batch import Normal, Triangular, monte_carlo
    from cases import economizer_example, seed13_leak_repair

    claim = {"name": "Leak repair claim", "region": "TW", "year": 2024,
             "baseline": {"electricity_kwh": 1.0e6}, "retrofit": {"electricity_kwh": 9.0e5},
             "savings": {"electricity_kwh": 1.0e5}, "investment": 2.0e5}
    mc = monte_carlo(lambda saving, capex: {"payback": capex / saving},
                     {"saving": Triangular(4e5, 5e5, 6e5), "capex": Normal(1e6, 1e5)}, 5000, seed=1)
    from pathlib import Path

    from procsim.plant import evaluate_options

    plants = Path(__file__).resolve().parents[1] / "cases" / "plants"
    options = evaluate_options(plants / "steam_site.toml", plants / "steam_site_options.toml")
    rep = Report("Browser check", [case_section(economizer_example.run()), case_section(seed13_leak_repair.run()),
                                   claim_section(claim), section_for(mc, "Payback uncertainty"),
                                   section_for(options)])
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(to_html(rep), encoding="utf-8")
    return path, sum(len(s.figures) for s in rep.sections)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable on PATH: .ci/run installs the Debian "
                                              "package 'chromium' (apt-get) where it can; install it to run this")
@pytest.mark.parametrize("width", [1280, 800])
def test_report_renders_in_headless_chromium(report_file, width):
    path, n_figures = report_file
    got = chromium_check(path, width=width)
    assert got["errors"] == []
    assert len(got["images"]) == n_figures >= 4
    assert all(i["ok"] and i["w"] > 100 for i in got["images"]), got["images"]
    assert got["tables"]
    assert all(t["right"] <= got["page_width"] + 0.5 for t in got["tables"]), (got["page_width"], got["tables"])
    assert got["scroll_width"] <= got["page_width"]


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable on PATH")
def test_the_probe_sees_a_broken_image_and_an_overflowing_table(tmp_path):
    # the check itself must be able to fail
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><head></head><body><img alt='x' src='missing.png'>"
                   "<table><tr><td style='white-space:nowrap'>" + "wide " * 600 + "</td></tr></table>"
                   "</body></html>")
    got = chromium_check(bad, width=800)
    assert not got["images"][0]["ok"]
    assert any("resource failed: IMG" in e for e in got["errors"])
    assert got["tables"][0]["right"] > got["page_width"]
