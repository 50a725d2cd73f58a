"""No seed case uses a grid factor announced after its claim's date as its headline basis (issue 18).

Every seed claim is a 2024 figure of the 2024 results report; Taiwan announced 2024's factor
(0.474) on 2025-04-14, after the claims were made. Scaling every factor announced later by 1.5
must leave every headline figure unchanged; only figures whose reading names the later factor
may move (and must, or the patch did not reach the cases).
"""
import math

import pytest

pytestmark = pytest.mark.integration

CASES = ("seed01_compressed_air_sequencing", "seed03_eaf_heat_recovery", "seed04_cement_whr", "seed10_servo_pumps",
         "seed12_paper_machine", "seed13_leak_repair", "seed13b_vfd_motors", "seed16_food_biogas_power",
         "seed_electricity_claims")
FIRST_LATER_YEAR = 2024     # factors for 2024 and after were announced in 2025 or later


def _figures(mods):
    out = {}
    for m in mods:
        for f in m.run().figures:
            key = (f.case, f.metric, f.reading)
            assert key not in out or out[key] == f.computed, f"duplicate figure {key}"
            out[key] = f.computed
    return out


def _scaled_table(factor: float):
    from procsim.accounting.factors import FactorTable, default_grid_table

    t = default_grid_table()
    rows = tuple(dict(r, value=r["value"] * factor) if r["basis"] == "actual" and r["year"] >= FIRST_LATER_YEAR
                 else r for r in t.rows)
    return FactorTable(rows, t.announcements)


def test_headline_figures_do_not_use_later_factors(monkeypatch):
    from procsim.accounting import claims, factors
    from procsim.registry import case_modules

    found = case_modules()
    mods = [found[c] for c in CASES]
    before = _figures(mods)
    scaled = _scaled_table(1.5)
    monkeypatch.setattr(factors, "default_grid_table", lambda: scaled)
    monkeypatch.setattr(claims, "default_grid_table", lambda: scaled)
    after = _figures(mods)
    assert before.keys() == after.keys()
    moved = {k for k in before if not math.isclose(before[k], after[k], rel_tol=1e-12, abs_tol=0.0)}
    later = {k for k in moved if "later" in (k[2] or "")}
    # the readings that name the later factor move by exactly the scale; nothing else moves
    assert later, "no figure read the later factor: the patch did not reach the cases"
    for k in later:
        assert after[k] == pytest.approx(1.5 * before[k], rel=1e-12), k
    assert moved == later, f"headline figures moved with a factor announced after the claim: {sorted(moved - later)}"
