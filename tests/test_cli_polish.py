"""The command line: --version, python -m procsim, help on every option, reports of any input."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import procsim
from procsim.cli import app

pytestmark = pytest.mark.integration

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def test_version_and_python_dash_m():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.strip() == f"procsim {procsim.__version__}"
    out = subprocess.run([sys.executable, "-m", "procsim", "--version"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == f"procsim {procsim.__version__}"


def test_every_option_of_every_command_has_help():
    import typer.main

    group = typer.main.get_command(app)
    missing = []
    for name, cmd in [("procsim", group), *group.commands.items()]:
        for p in cmd.params:
            if getattr(p, "param_type_name", "") == "option" and not (p.help or "").strip():
                missing.append(f"{name} {p.opts[0]}")
    assert missing == []


def test_report_takes_cases_scripts_and_claims(tmp_path):
    claim = sorted((ROOT / "cases" / "claims").glob("*.toml"))[0]
    script = tmp_path / "mine.py"
    script.write_text("from procsim.casebook import CaseResult, Figure\n"
                      "def run():\n"
                      "    return CaseResult('mine', 'My pump retrofit', (Figure('mine', 'saved', 100.0, 110.0, 'MWh/yr'),),\n"
                      "                      ('pump curve from the maker',))\n")
    out = tmp_path / "r.json"
    res = runner.invoke(app, ["report", "economizer_doe_tip3", str(script), str(claim), "-o", str(out)])
    assert res.exit_code == 0, res.output
    doc = json.loads(out.read_text())
    kinds = [s["kind"] for s in doc["sections"]]
    assert kinds == ["case", "case", "claim"]
    mine = doc["sections"][1]["tables"][0]["rows"][0]
    assert mine["deviation [%]"] == pytest.approx(10.0)        # (110 - 100) / 100
    html = tmp_path / "r.html"
    assert runner.invoke(app, ["report", str(script), "-o", str(html)]).exit_code == 0
    assert "data:image/png;base64," in html.read_text()
    bad = runner.invoke(app, ["report", "no_such_thing"])
    assert bad.exit_code == 2 and "is not a case id" in bad.output


def test_quiet_json_output_is_pure_json():
    res = runner.invoke(app, ["--quiet", "cases", "--json", "--only", "economizer_doe_tip3"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)[0]["case"] == "economizer_doe_tip3"


def test_sweep_prints_no_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        res = runner.invoke(app, ["sweep", "orc", "-p", "evaporating_temperature=360,370"])
    assert res.exit_code == 0, res.output
    assert "Warning" not in res.output and "warn" not in res.output.lower()
    assert res.output.splitlines()[0].split()[:2] == ["evaporating_temperature", "net_power"]


def test_report_takes_a_plant_file_and_its_options(tmp_path):
    plant, options = ROOT / "cases/plants/steam_site.toml", ROOT / "cases/plants/steam_site_options.toml"
    out = tmp_path / "plant.json"
    res = runner.invoke(app, ["report", str(plant), str(options), "-o", str(out)])
    assert res.exit_code == 0, res.output
    doc = json.loads(out.read_text())
    assert [s["kind"] for s in doc["sections"]] == ["plant", "plant"]
    opts = {r["option"]: r for r in doc["sections"][1]["tables"][0]["rows"]}
    assert {"economizer", "condensate_return", "all_four"} <= set(opts)
    inv = next(k for k in opts["economizer"] if k.startswith("investment"))
    pay = next(k for k in opts["economizer"] if k.startswith("payback"))
    cost = next(k for k in opts["economizer"] if k.startswith("cost saved"))
    assert opts["economizer"][pay] == pytest.approx(opts["economizer"][inv] / opts["economizer"][cost], rel=1e-9)
    assert doc["sections"][1]["figures"][0]["caption"].startswith("Marginal abatement cost curve")
    alone = runner.invoke(app, ["report", str(options)])
    assert alone.exit_code == 2 and "needs its plant file before it" in alone.output
