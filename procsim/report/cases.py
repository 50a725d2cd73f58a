"""Case figures as text tables, Markdown and JSON: the formats `procsim cases` prints (no solving here)."""
from __future__ import annotations

import json
import math
from typing import Iterable

from procsim.casebook import CaseResult, Figure

__all__ = ["figures_table", "figures_json", "case_markdown", "figures_frame", "cases_report",
           "cases_html", "cases_excel"]


def _num(v) -> str:
    from procsim.report.render import format_number

    return format_number(v)


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
    """The ``procsim cases --json`` format: one object per compared figure (docs/architecture.rst)."""
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


def cases_report(results: Iterable[CaseResult], title: str = "procsim: claimed vs computed"):
    """A :class:`~procsim.report.model.Report` with one section per case."""
    from procsim.report.model import Report, case_section

    return Report(title, [case_section(r) for r in results])


def cases_html(results: list[CaseResult]) -> str:
    """A self-contained HTML page: per case, claimed vs computed, figures, assumptions."""
    from procsim.report.render import to_html

    return to_html(cases_report(results))


def cases_excel(results: list[CaseResult], path) -> None:
    """Write the cases to an Excel workbook (one sheet per case, plus contents and assumptions)."""
    from procsim.report.render import to_xlsx

    to_xlsx(cases_report(results), path)
