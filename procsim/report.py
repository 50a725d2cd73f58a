"""Formatting of case results and tables: plain text, Markdown and JSON (no solving here)."""
from __future__ import annotations

import json
import math
from typing import Iterable

from procsim.casebook import CaseResult, Figure

__all__ = ["figures_table", "figures_json", "case_markdown"]


def _num(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return str(v)
    a = abs(v)
    if a != 0 and (a >= 1e7 or a < 1e-3):
        return f"{v:.4g}"
    if a >= 100:
        return f"{v:,.0f}"
    return f"{v:.4g}"


def _dev(f: Figure) -> str:
    d = f.deviation
    return "-" if d is None else f"{100 * d:+.1f} %"


def figures_table(results: Iterable[CaseResult], markdown: bool = False) -> str:
    """Claimed vs computed figures of several cases as an aligned text (or Markdown) table."""
    header = ("case", "metric", "claimed", "computed", "unit", "deviation")
    rows = [(f.case, f.metric, _num(f.claimed), _num(f.computed), f.unit, _dev(f))
            for r in results for f in r.figures]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    right = {2, 3, 5}
    fmt = lambda r: "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(header), fmt(tuple("-" * w for w in widths))] + [fmt(r) for r in rows])


def figures_json(results: Iterable[CaseResult]) -> str:
    """The ``procsim cases --json`` format: one object per compared figure (DESIGN.md)."""
    return json.dumps([f.as_dict() for r in results for f in r.figures], indent=1)


def case_markdown(result: CaseResult) -> str:
    """One case as a Markdown section: figures, then the assumptions with their sources."""
    out = [f"## {result.title} (`{result.case_id}`)", "", figures_table([result], markdown=True)]
    if result.assumptions:
        out += ["", "Assumptions:", ""] + [f"- {a}" for a in result.assumptions]
    return "\n".join(out)
