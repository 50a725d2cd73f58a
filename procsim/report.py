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


def figures_frame(results: Iterable[CaseResult]):
    """All compared figures as a pandas DataFrame (one row per figure)."""
    import pandas as pd

    rows = [{**f.as_dict(), "deviation": f.deviation, "note": f.note} for r in results for f in r.figures]
    return pd.DataFrame(rows, columns=["case", "metric", "claimed", "computed", "unit", "deviation", "note"])


def cases_html(results: list[CaseResult]) -> str:
    """A self-contained HTML page: the figures table and each case's assumptions."""
    import html

    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>procsim cases</title>",
             "<style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}td:nth-child(-n+2){text-align:left}"
             "</style></head><body><h1>procsim: claimed vs computed</h1>",
             figures_frame(results).to_html(index=False, na_rep="-", float_format=lambda v: f"{v:.4g}")]
    for r in results:
        parts.append(f"<h2>{html.escape(r.title)} <code>{html.escape(r.case_id)}</code></h2>")
        if r.assumptions:
            parts.append("<ul>" + "".join(f"<li>{html.escape(a)}</li>" for a in r.assumptions) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def cases_excel(results: list[CaseResult], path) -> None:
    """Write the figures and assumptions to an Excel workbook (sheets 'figures', 'assumptions')."""
    import pandas as pd

    assumptions = pd.DataFrame([{"case": r.case_id, "assumption": a} for r in results for a in r.assumptions],
                               columns=["case", "assumption"])
    with pd.ExcelWriter(path) as xl:
        figures_frame(results).to_excel(xl, sheet_name="figures", index=False)
        assumptions.to_excel(xl, sheet_name="assumptions", index=False)
