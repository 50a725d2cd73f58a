"""Reports: numbers formatted like the text output, figures embedded, every format readable back."""
import base64
import json
import re

import pandas as pd
import pytest

from procsim.casebook import CaseResult, Figure
from procsim.report import (DEVIATION_COLUMN, Report, case_section, claim_section, format_number, section_for,
                            to_html, to_json, to_markdown, to_xlsx, write)

pytestmark = pytest.mark.component


def _case():
    figs = (Figure("c1", "electricity_saved", 540_000.0, 366_123.4, "kWh/yr", "simulated, 1-min steps"),
            Figure("c1", "specific_power", 8.7, 7.64, "kW/(m3/min)"),
            Figure("c1", "co2_saved", None, 181.2, "t CO2e/yr"))
    return CaseResult("c1", "Compressed air sequencing", figs,
                      ("grid factor 0.494 kg CO2e/kWh (MOEA Energy Administration, 2024 announcement)",))


def test_format_number_never_scientific_for_plant_figures():
    assert format_number(5.4e5) == "540,000"
    assert format_number(13.6217) == "13.62"
    assert format_number(-0.0005482) == "-0.000548"
    assert format_number(2.5e9) == "2,500,000,000"
    assert format_number(None) == "-" and format_number(float("nan")) == "-"


def test_case_section_gives_deviation_in_percent_and_a_figure():
    sec = case_section(_case())
    frame = sec.tables[0].frame
    # (366,123.4 - 540,000) / 540,000 = -32.199 %
    assert frame[DEVIATION_COLUMN][0] == pytest.approx(-32.19937, rel=1e-6)
    assert pd.isna(frame[DEVIATION_COLUMN][2])
    assert sec.figures and sec.figures[0][1].startswith(b"\x89PNG")
    md = to_markdown(Report("r", [sec]))
    assert "| electricity_saved | 540,000 | 366,123 | kWh/yr | -32.2 % |" in md
    assert "e+0" not in md and "-0.32" not in md


def test_html_is_self_contained_with_images_and_assumptions():
    html = to_html(Report("Review", [case_section(_case())]))
    assert "http://" not in html and "https://" not in html and "<script" not in html
    imgs = re.findall(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", html)
    assert imgs and all(base64.b64decode(i).startswith(b"\x89PNG") for i in imgs)
    assert "-32.2 %" in html and "540,000" in html
    # the deviation chart sits in the same block as the assumptions it rests on
    block = html[html.index("<div class='side'>"):]
    assert block.index("<img") < block.index("grid factor 0.494")


def test_claim_section_reports_verdict_and_findings():
    claim = {"name": "Leak repair", "region": "TW", "year": 2024,
             "baseline": {"electricity_kwh": 1.0e6}, "retrofit": {"electricity_kwh": 9.0e5},
             "savings": {"electricity_kwh": 2.0e5}}
    sec = claim_section(claim)
    # 1.0e6 - 9.0e5 = 1.0e5, not the 2.0e5 claimed: the checker must flag it
    assert sec.summary in ("verdict: inconsistent", "verdict: questionable")
    found = sec.tables[1].frame
    assert (found["severity"].isin(["error", "warning"])).any()


def test_user_results_of_any_shape():
    rows = [{"pump": "P1", "power [kW]": 12.5}, {"pump": "P2", "power [kW]": 3.25}]
    assert section_for(rows, "pumps").tables[0].frame.shape == (2, 2)
    assert section_for(pd.DataFrame(rows), "pumps").tables[0].frame["power [kW]"].sum() == 15.75

    class Mine:
        def to_frame(self):
            return pd.DataFrame(rows)

        def figures(self):
            from procsim.plots import load_duration
            return {"load": load_duration([1.0, 2.0, 3.0], 3600.0)}

    sec = section_for(Mine(), "mine")
    assert sec.figures[0][0] == "load"
    with pytest.raises(ValueError, match="cannot tabulate a object"):
        section_for(object())


def test_monte_carlo_and_pinch_results_get_their_plots():
    from procsim.batch import Triangular, monte_carlo
    from procsim.pinch import targets

    mc = monte_carlo(lambda a: {"y": 2 * a}, {"a": Triangular(1, 2, 3)}, 2000, seed=3)
    sec = section_for(mc, "mc")
    assert [c for c, _ in sec.figures] == ["Distribution of each output", "What drives y"]
    p50 = sec.tables[0].frame.set_index("output").loc["y", "P50"]
    assert p50 == pytest.approx(4.0, rel=0.02)      # 2 x median of the symmetric triangle
    t = targets([(453.15, 313.15, 2e3), (293.15, 408.15, 2.5e3)], 10.0)
    assert len(section_for(t).figures) == 2


def test_xlsx_has_formats_widths_frozen_header_and_filters(tmp_path):
    from openpyxl import load_workbook

    path = to_xlsx(Report("r", [case_section(_case())]), tmp_path / "r.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["contents", "c1", "assumptions"]
    ws = wb["c1"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:F4"
    assert ws["C2"].value == 366_123.4 and "#,##0" in ws["C2"].number_format
    assert ws["E2"].number_format.startswith("+0.0")
    assert ws.column_dimensions["F"].width > 10
    assert "grid factor" in wb["assumptions"]["B2"].value


def test_json_and_write_by_suffix(tmp_path):
    rep = Report("r", [case_section(_case())])
    doc = json.loads(to_json(rep))
    row = doc["sections"][0]["tables"][0]["rows"][2]
    assert row["claimed"] is None and row["computed"] == 181.2
    md = write(rep, tmp_path / "r.md")
    pngs = list((tmp_path / "r_files").glob("*.png"))
    assert pngs and f"r_files/{pngs[0].name}" in md.read_text()
    with pytest.raises(ValueError, match="format must be one of"):
        write(rep, tmp_path / "r.docx")
