"""Every seed case quotes its source passage verbatim, with our translation (issue 18).

The originals are in ``cases/sources/`` (copied from the project's reference set). A quoted
passage may elide text with ``...``; each fragment between elisions must occur in the named
file, in order, with whitespace removed from both, and the first must start on the cited line.
"""
from dataclasses import replace
from pathlib import Path

import pytest

from procsim.review import ClaimSource, locate_passage

SOURCES_DIR = Path(__file__).resolve().parents[1] / "cases" / "sources"
REFERENCE_DIR = Path("/work/shared/reference/sources")
SEEDS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13a", "13b", "14", "15", "16", "17")


def _all_sources():
    from procsim.registry import case_modules

    return [(cid, s) for cid, m in case_modules().items() for s in getattr(m, "SOURCES", ())]


@pytest.mark.unit
def test_every_seed_case_quotes_its_source():
    found = {s.seed for _, s in _all_sources()}
    assert set(SEEDS) <= found, f"seeds without a quoted source passage: {sorted(set(SEEDS) - found)}"
    for cid, s in _all_sources():
        assert isinstance(s, ClaimSource)
        assert s.translation.strip() and s.data_requests, f"{cid}: translation and data requests are needed"


@pytest.mark.unit
@pytest.mark.parametrize("cid,src", _all_sources(), ids=lambda v: v if isinstance(v, str) else v.seed)
def test_quoted_passage_occurs_verbatim_in_the_source(cid, src):
    text = (SOURCES_DIR / src.file_name).read_text(encoding="utf-8")
    assert locate_passage(src, text) == src.line


@pytest.mark.unit
def test_the_check_can_fail():
    text = "第一行\n改善前 8.7kW/CMM ，\n  降至 7.13 kW/CMM\n"
    good = ClaimSource("sources/x.txt", 2, "改善前 8.7kW/CMM， ... 降至 7.13kW/CMM", "t", ("d",))
    assert locate_passage(good, text) == 2
    with pytest.raises(ValueError, match="not found anywhere"):
        locate_passage(replace(good, passage="改善前 8.8kW/CMM"), text)      # one digit changed
    with pytest.raises(ValueError, match="in order"):
        locate_passage(replace(good, passage="降至 7.13 ... 改善前"), text)   # fragments swapped
    with pytest.raises(ValueError, match="line 2, not line 3"):
        locate_passage(replace(good, line=3), text)


@pytest.mark.unit
@pytest.mark.skipif(not REFERENCE_DIR.is_dir(), reason="the project's reference set is not on this machine")
def test_repository_copies_equal_the_reference_originals():
    for name in ("000_83b3dd293773c7f1.txt", "001_2aa617614eec5f04.txt"):
        assert (SOURCES_DIR / name).read_bytes() == (REFERENCE_DIR / name).read_bytes()
