"""procsim.review: implied values, Monte Carlo ranges, tornado, flip values and the verdict rule."""
import math

import pytest
from pytest import approx, raises

from procsim.review import UncertainInput, figure_range, implied_value, verdict



@pytest.mark.unit
def test_implied_value_solves_the_model_backwards():
    # x**3 = 8 has the single real root 2
    imp = implied_value(lambda x: x ** 3, 8.0, parameter="x", unit="-", search=(0.0, 5.0),
                        typical=(1.0, 3.0), source="test", xtol=1e-12)
    assert imp.value == approx(2.0, abs=1e-10)
    assert imp.plausible
    far = implied_value(lambda x: x ** 3, 64.0, parameter="x", unit="-", search=(0.0, 5.0),
                        typical=(1.0, 3.0), source="test", xtol=1e-12)
    assert far.value == approx(4.0, abs=1e-10) and not far.plausible
    none = implied_value(lambda x: x ** 3, 1000.0, parameter="x", unit="-", search=(0.0, 5.0),
                         typical=(1.0, 3.0), source="test")
    assert none.value is None and not none.plausible and "0 to 125" in none.note


@pytest.mark.unit
def test_verdict_rule_and_nan():
    assert verdict(5.0, 4.0, 6.0, 1.0, 9.0) == "consistent"
    assert verdict(8.0, 4.0, 6.0, 1.0, 9.0) == "questionable"
    assert verdict(10.0, 4.0, 6.0, 1.0, 9.0) == "inconsistent"
    with raises(ValueError, match="finite"):
        verdict(math.nan, 4.0, 6.0, 1.0, 9.0)


@pytest.mark.unit
def test_figure_range_of_a_linear_model():
    # f = a + 2 b with a ~ U(0, 1), b ~ U(0, 1): tornado ends and flips are exact, and the
    # percentiles of the sample lie near those of the exact triangular-like sum distribution
    inputs = (UncertainInput("a", 0.5, 0.0, 1.0, "-", "test"), UncertainInput("b", 0.5, 0.0, 1.0, "-", "test"))
    rng = figure_range(lambda a, b: a + 2.0 * b, inputs, 2.0, metric="f", n=4000, seed=7)
    ta, tb = rng.tornado
    assert (ta.figure_at_low, ta.figure_at_high) == approx((1.0, 2.0))
    assert (tb.figure_at_low, tb.figure_at_high) == approx((0.5, 2.5))
    assert ta.flip == approx(1.0, abs=1e-6)          # 1 + 0.5*2 = 2
    assert tb.flip == approx(0.75, abs=1e-6)         # 0.5 + 2*0.75 = 2
    assert rng.decisive.name == "b"
    # P50 of a + 2b is 1.5 by symmetry; P10 of the sum: solve the piecewise CDF of
    # U(0,1) + U(0,2): F(z) = z^2/4 for z <= 1, so F = 0.1 at z = sqrt(0.4) = 0.632
    assert rng.p50 == approx(1.5, abs=0.05)
    assert rng.p10 == approx(math.sqrt(0.4), abs=0.05)
    assert rng.verdict == "consistent"
    assert rng.as_dict()["tornado"][1]["flip"] == approx(0.75, abs=1e-6)


@pytest.mark.unit
def test_uncertain_input_needs_a_source_and_an_ordered_range():
    with raises(ValueError, match="source"):
        UncertainInput("x", 1.0, 0.0, 2.0, "-", " ")
    with raises(ValueError, match="low <= nominal <= high"):
        UncertainInput("x", 3.0, 0.0, 2.0, "-", "judgement")
    with raises(ValueError, match="finite"):
        UncertainInput("x", math.nan, 0.0, 2.0, "-", "judgement")


@pytest.mark.integration
def test_reviewer_page_for_a_case(tmp_path):
    import json

    from typer.testing import CliRunner

    from procsim.cli import app

    out = tmp_path / "r.json"
    res = CliRunner().invoke(app, ["review", "seed05_catalyst_steam", "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = json.loads(out.read_text(encoding="utf-8"))[0]
    # the original passage is quoted, with the translation and what to ask the claimant
    assert "162.1 公噸/時" in page["sources"][0]["passage"]
    assert page["sources"][0]["data_requests"]
    assert {i["parameter"] for i in page["implied"]} == {"coal price", "natural gas price",
                                                         "steam-to-oil ratio after the swap"}
    so = next(i for i in page["implied"] if i["parameter"].startswith("steam-to-oil"))
    assert so["value"] == approx(1.08 * 155.4 / 162.1, rel=1e-12)     # the source's S/O and steam figures
    assert any(f["reading"] == "share of the unit's steam" for f in page["figures"])
    md = CliRunner().invoke(app, ["review", "seed05_catalyst_steam"])
    assert md.exit_code == 0 and "## What the claim implies" in md.output and "*Our translation:*" in md.output
    bad = CliRunner().invoke(app, ["review", "seed05_catalyst_steam", "-o", str(tmp_path / "no" / "r.md")])
    assert bad.exit_code == 2


@pytest.mark.unit
def test_flip_value_beyond_the_range_is_found_and_flagged():
    # f = 10 x over x in [1, 2]: the claim 25 needs x = 2.5, half a range-width beyond it
    rng = figure_range(lambda x: 10.0 * x, (UncertainInput("x", 1.5, 1.0, 2.0, "-", "test"),), 25.0,
                       metric="f", n=50, seed=1)
    (t,) = rng.tornado
    assert t.flip == approx(2.5, abs=1e-6) and not t.flip_in_range
    assert rng.verdict == "inconsistent"
    # 40 needs x = 4, beyond one range-width: no flip reported
    far = figure_range(lambda x: 10.0 * x, (UncertainInput("x", 1.5, 1.0, 2.0, "-", "test"),), 40.0,
                       metric="f", n=50, seed=1)
    assert far.tornado[0].flip is None


@pytest.mark.unit
def test_published_rounding():
    from procsim.review import published_rounding

    assert published_rounding(2260) == approx(5.0)         # last digit in the tens
    assert published_rounding(114.6) == approx(0.05)
    assert published_rounding(96.74) == approx(0.005)
    assert published_rounding(1.0e6) == approx(1.0e4)      # capped at 1 %
    assert published_rounding(0.0) == 0.0
    # 2,260.5 computed agrees with a claimed 2,260 at the range's edge
    assert verdict(2260.0, 2260.5, 2300.0, 2260.5, 2320.0, published_rounding(2260)) == "consistent"


@pytest.mark.integration
def test_reviewer_page_as_a_workbook(tmp_path):
    # the xlsx form goes through procsim.report.review_section; read the values back
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from procsim.cli import app

    out = tmp_path / "r.xlsx"
    res = CliRunner().invoke(app, ["review", "seed10_servo_pumps", "--ranges", "--format", "xlsx", "-o", str(out)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(out)
    sheets = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}
    assert any(k.startswith("seed10_servo_pumps") for k in sheets)
    by_prefix = lambda p: next(v for k, v in sheets.items() if k.endswith(p))  # noqa: E731
    src = by_prefix("sources")
    assert src[0] == ["seed", "document", "line", "passage (original)", "our translation"]
    assert src[1][0] == "10" and src[1][2] == 304 and "19 台塑膠射出機" in src[1][3] and "servo" in src[1][4]
    ranges = by_prefix("ranges")
    head, row = ranges[0], ranges[1]
    # 190,000 kWh claimed; the case's own cooling-time figures bound the computed range
    assert row[head.index("claimed")] == 190000
    assert row[head.index("P10")] < row[head.index("P50")] < row[head.index("P90")]
    assert row[head.index("verdict")] in ("consistent", "questionable", "inconsistent")
    torn = by_prefix("flips")
    assert {r[1] for r in torn[1:]} == {"cooling_time", "plasticising_flow"}
    asked = by_prefix("requests")
    assert any("power logs" in r[1] for r in asked[1:])
    bad = CliRunner().invoke(app, ["review", "seed10_servo_pumps", "--format", "xlsx"])
    assert bad.exit_code == 2 and "--output" in bad.output
