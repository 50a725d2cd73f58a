"""The procsim command under bad input: one line on stderr, exit code 2, every file reported.

Behaviour documented in ``procsim.cli._errors`` and ``procsim check-claim --help``.
"""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procsim.cli import app

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _one_line_error(result, *needles):
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("procsim: error: ")
    assert "Traceback" not in result.output
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def _broken_files(tmp_path):
    bad_utf8 = tmp_path / "latin1.toml"
    bad_utf8.write_bytes('name = "Kessel \xfcberholt"\n'.encode("latin-1"))
    bomb = tmp_path / "bomb.yaml"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for c in "bcdefghi":
        lines.append(f"{c}: &{c} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = c
    lines.append(f"name: *{prev}")
    bomb.write_text("\n".join(lines) + "\n")
    huge = tmp_path / "huge.json"
    huge.write_text('{"name": "x", "investment": ' + "9" * 400 + "}")
    return [bad_utf8, bomb, huge]


def test_check_claim_reports_every_file_and_fails_at_the_end(tmp_path):
    seeds = sorted((ROOT / "cases" / "claims").glob("*.toml"))
    broken = _broken_files(tmp_path)
    files = [str(seeds[0]), str(broken[0]), *map(str, seeds[1:]), *map(str, broken[1:])]
    result = runner.invoke(app, ["check-claim", "--json", *files])
    assert result.exit_code == 2
    rows = json.loads(result.stdout)
    assert [r["file"] for r in rows] == files  # every file, in order, the good after the bad too
    errors = {r["file"]: r for r in rows if r["verdict"] == "error"}
    assert set(errors) == set(map(str, broken))
    for r in errors.values():
        assert r["error"] and r["findings"] == [] and len(r["error"]) < 2000
    assert "not UTF-8" in errors[str(broken[0])]["error"]
    assert "billion laughs" in errors[str(broken[1])]["error"]
    assert "investment" in errors[str(broken[2])]["error"]
    assert all(r["error"] is None and r["findings"] for r in rows if r["verdict"] != "error")
    line = _one_line_error(result, "3 of")
    assert all(str(b) in line for b in broken)


def test_check_claim_text_output_has_an_error_row(tmp_path):
    good = str(ROOT / "cases" / "claims" / "seed01_steel_compressed_air.toml")
    bad = _broken_files(tmp_path)[0]
    result = runner.invoke(app, ["check-claim", good, str(bad), good])
    assert result.exit_code == 2
    assert result.stdout.count("== ") == 3
    assert f"== {bad}: error" in result.stdout


def test_strict_fails_on_empty_and_not_checkable_claims(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    lone = tmp_path / "lone.toml"
    lone.write_text('name = "x"\nyear = 2023\n[savings]\nelectricity_kwh = 1000\n')
    for f in (empty, lone):
        assert runner.invoke(app, ["check-claim", str(f)]).exit_code == 0
        assert runner.invoke(app, ["check-claim", "--strict", str(f)]).exit_code == 1
    good = ROOT / "cases" / "claims" / "seed01_steel_compressed_air.toml"
    assert runner.invoke(app, ["check-claim", "--strict", str(good)]).exit_code == 0


def test_output_path_is_checked_before_any_work(monkeypatch):
    import procsim.cli.report_cmd as rc

    def boom():
        raise AssertionError("cases were discovered before the output path was checked")

    monkeypatch.setattr(rc, "discover_cases", boom)
    r = runner.invoke(app, ["report", "--format", "md", "-o", "/nonexistent/dir/r.md"])
    _one_line_error(r, "/nonexistent/dir")
    r = runner.invoke(app, ["sweep", "effectiveness", "-p", "ntu=0:1:3", "--set", "cr=0.5",
                            "-o", "/nonexistent/dir/s.csv"])
    _one_line_error(r, "/nonexistent/dir")


@pytest.mark.parametrize("args, needle", [
    (["sweep", "stack-loss", "-p", "o2=0.02:0.05:3"], "stack_temperature [K]"),
    (["sweep", "effectiveness", "-p", "ntu=0:1:2.5", "--set", "cr=0.5"], "ntu"),
    (["sweep", "effectiveness", "-p", "ntu=nan,1", "--set", "cr=0.5"], "ntu must be finite"),
    (["sweep", "effectiveness", "-p", "ntu=0:1:3", "--set", "cr=inf"], "cr must be finite"),
    (["sweep", "effectiveness", "-p", "ntu=0:1:1000000000", "--set", "cr=0.5"], "1,000,000"),
    (["sweep", "effectiveness", "-p", "ntu=0:1:3", "--set", "cr=0.5", "--set", "arrangement=zig"],
     "arrangement"),
    (["no-such-command"], "no-such-command"),
])
def test_failures_are_one_line(args, needle):
    _one_line_error(runner.invoke(app, args), needle)


def test_debug_shows_the_traceback():
    r = runner.invoke(app, ["--debug", "sweep", "stack-loss", "-p", "o2=0.02:0.05:3"])
    assert isinstance(r.exception, ValueError) and "stack_temperature" in str(r.exception)


def test_sweep_help_lists_inputs_with_units():
    from procsim.sweeps import sweep_models

    r = runner.invoke(app, ["sweep", "--help"], terminal_width=200)
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    models = sweep_models()
    assert {"stack-loss", "leak-flow", "effectiveness", "orc"} <= set(models)
    for name, m in models.items():
        assert f"{name}:" in text
        for k in (*m.inputs, *m.options):
            assert k in m.units, (name, k)  # every built-in input declares its unit
            assert f"{k} ({m.units[k]})" in text, (name, k)
    assert "stack_temperature (K) required" in text and "air_temperature (K) = 293.15" in text
