"""Hostile claim files and claim dicts are refused quickly, in bounded memory, with bounded messages.

The files are those of the hostile-input survey (``benchmarks/hostile_inputs.py``). No test
here asserts a time; memory is measured with tracemalloc (Python allocations) and must stay
far below what expanding the files would need (a 9**9-leaf list: gigabytes).
"""
import importlib.util
import math
import tracemalloc
from pathlib import Path

import pytest

from procsim.accounting.claim_schema import MAX_FILE_BYTES, MAX_LISTED_KEYS, schema_problems
from procsim.accounting.claims import check_claim, load_claim, verdict

pytestmark = pytest.mark.component

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("hostile_inputs", ROOT / "benchmarks" / "hostile_inputs.py")
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)


@pytest.mark.parametrize("kind, needle", [
    ("alias_bomb", "billion laughs"),
    ("junk_10mb_toml", f"limit is {MAX_FILE_BYTES:,} bytes"),
    ("junk_10mb_binary", f"limit is {MAX_FILE_BYTES:,} bytes"),
    ("bad_utf8", "not UTF-8 text: byte 0xfc at line 1"),
    ("huge_int", "field investment (line 2)"),
    ("json_nan", "field investment: investment must be a number; got nan"),
    ("python_tag", "python/object"),
    ("deep_json", "nested deeper than 20"),
    ("deep_yaml", "nested deeper than 20"),
    ("toml_inf", "investment must be a finite number"),
    ("directory", "is a directory"),
    ("missing", "No such file"),
    ("suffix", "must end in .toml"),
    ("year_minus5", "year must be a calendar year in [1900, 2100]; got -5"),
])
def test_hostile_file_refused_naming_file(kind, needle):
    path = hostile.write_hostile_file(kind)
    tracemalloc.start()
    try:
        with pytest.raises(ValueError) as err:
            load_claim(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    msg = str(err.value)
    assert needle in msg
    assert str(path) in msg
    assert len(msg) < 2000
    assert peak < 64 * 2 ** 20  # bytes; the 10 MB files are never read whole


def test_shared_nested_claim_dict_gives_a_bounded_finding():
    # 9 references to one list, 30 levels deep: 9**30 leaves if walked or printed in full
    x = ["lol"] * 9
    for _ in range(30):
        x = [x] * 9
    findings = check_claim({"name": x, "zzz": x, "baseline": x})
    assert verdict(findings) == "inconsistent"
    assert {f.field for f in findings} >= {"name", "zzz", "baseline"}
    assert all(len(f.message) < 1000 for f in findings)


def test_many_unknown_keys_are_counted_not_listed():
    claim = {f"junk_{i}": i for i in range(100_000)}
    (field, message), = schema_problems(claim)
    assert f"and {100_000 - MAX_LISTED_KEYS} more" in message
    assert len(message) < 1000 and len(field) < 1000


@pytest.mark.parametrize("patch, field", [
    ({"year": -5}, "year"), ({"year": 1800}, "year"), ({"year": 10 ** 400}, "year"),
    ({"investment": 10 ** 400}, "investment"), ({"investment": math.nan}, "investment"),
    ({"investment": 1e308}, "investment"), ({"savings": {"cost": math.inf}}, "savings.cost"),
    ({"savings": {"natural_gas_nm3": True}}, "savings.natural_gas_nm3"),
])
def test_impossible_figures_are_error_findings(patch, field):
    claim = {"name": "x", "year": 2023, "savings": {"natural_gas_nm3": 70000}, **patch}
    findings = check_claim(claim)
    assert verdict(findings) == "inconsistent"
    assert any(f.field == field and f.severity == "error" for f in findings)


def test_vanishing_cost_saving_never_agrees():
    # a saving of 1e-300 per year gives an infinite payback: must not "agree" with 2 years
    claim = {"name": "x", "year": 2023, "investment": 1.0e6, "payback_years": 2.0,
             "savings": {"cost": 1e-300}}
    findings = check_claim(claim)
    pay = [f for f in findings if f.field == "payback_years"]
    assert pay and all(f.severity == "error" for f in pay)


def test_huge_investment_with_tiny_saving_is_inconsistent():
    claim = {"name": "x", "year": 2023, "investment": 1.0e15, "payback_years": 2.0,
             "savings": {"cost": 1.0}}
    assert verdict(check_claim(claim)) == "inconsistent"


def test_seed_claims_still_load():
    for p in sorted((ROOT / "cases" / "claims").glob("*.toml")):
        assert isinstance(load_claim(p), dict)
