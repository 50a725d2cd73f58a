"""Render a :class:`~procsim.report.model.Report` as Markdown, self-contained HTML, Excel or JSON.

Numbers are shown as the text output shows them (``540,000``, ``13.62``, ``+2.4 %``), never as
raw fractions or in scientific notation. The HTML page carries its CSS and its images (PNG,
base64) inline and loads nothing from the network, so it works offline and as an e-mail
attachment. The workbook has one sheet per table, number formats, column widths, a frozen
header row and filters.
"""
from __future__ import annotations

import base64
import html as _html
import json
import math
import re
from pathlib import Path

from procsim.report.model import Report

__all__ = ["format_number", "to_markdown", "to_html", "to_json", "to_xlsx", "write"]


def format_number(v) -> str:
    """A number as procsim's text output shows it: thousands separators from 100 up, four
    significant figures below; ``-`` for missing values. No scientific notation above 1e-3."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        if hasattr(v, "item"):
            return format_number(v.item())
        return str(v)
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    a = abs(v)
    if a >= 100:
        return f"{v:,.0f}"
    if a == 0 or a >= 1e-3:
        return f"{v:.4g}"
    return f"{v:.3g}"


def _cell(v, percent: bool) -> str:
    if percent and isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)):
        return f"{v:+.1f} %"
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return format_number(v)


def _rows(table):
    cols = [str(c) for c in table.frame.columns]
    out = []
    for rec in table.frame.itertuples(index=False):
        out.append([_cell(v, c in table.percent) for c, v in zip(cols, rec)])
    return cols, out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "figure"


def to_markdown(report: Report, image_dir: str | Path | None = None) -> str:
    """Markdown; figures are written as PNG files into ``image_dir`` (and linked), or listed by
    caption when no directory is given."""
    lines = [f"# {report.title}", "", f"procsim {report.version}, {report.created}", ""]
    img = Path(image_dir) if image_dir is not None else None
    for i, s in enumerate(report.sections, start=1):
        lines += [f"## {i}. {s.title}", ""]
        if s.summary:
            lines += [f"*{s.summary}*", ""]
        for t in s.tables:
            cols, rows = _rows(t)
            lines += [f"**{t.name}**", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
            lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
            lines.append("")
        for k, (caption, png) in enumerate(s.figures, start=1):
            if img is not None:
                img.mkdir(parents=True, exist_ok=True)
                name = f"s{i:02d}_{k}_{_slug(caption)}.png"
                (img / name).write_bytes(png)
                lines += [f"![{caption}]({img.name}/{name})", "", f"*{caption}*", ""]
            else:
                lines += [f"*Figure: {caption}*", ""]
        if s.assumptions:
            lines += ["Assumptions and sources:", ""] + [f"- {a}" for a in s.assumptions] + [""]
        if s.notes:
            lines += ["Notes:", ""] + [f"- {n}" for n in s.notes] + [""]
    return "\n".join(lines).rstrip() + "\n"


_CSS = """
:root{--ink:#1d2733;--mute:#5b6773;--line:#d5dbe1;--bad:#b30000;--ok:#1a7f37}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
     max-width:1100px;margin:0 auto;padding:1.2rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid var(--line);
     padding-bottom:.2rem;margin-top:2.2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.meta,.summary{color:var(--mute)}
nav ol{columns:2;font-size:.92rem}
table{border-collapse:collapse;max-width:100%;margin:.3rem 0 1rem;font-size:.88rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;vertical-align:top;overflow-wrap:break-word}
td.long{overflow-wrap:anywhere;min-width:14em}
table.wide{font-size:.78rem}table.wide th,table.wide td{padding:.2rem .3rem}table.wide td.long{min-width:7em}
th{background:#f1f4f7;text-align:left}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.far{color:var(--bad);font-weight:600}
.side{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.side figure{flex:1 1 420px;margin:0;max-width:100%}
.side .assume{flex:1 1 300px;min-width:0}
figure img{max-width:100%;height:auto;border:1px solid var(--line)}
figcaption{font-size:.85rem;color:var(--mute)}
ul{padding-left:1.2rem}li{margin:.15rem 0}
.sev-error{color:var(--bad);font-weight:600}.sev-warning{color:#9a6700;font-weight:600}
.sev-ok{color:var(--ok)}
@media print{body{max-width:none}h2{break-before:auto}}
"""


def _is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _breakable(text: str) -> str:
    """Escaped text with a break opportunity after each underscore (long identifiers)."""
    return re.sub(r"(_)", r"\1<wbr>", _html.escape(text))


def to_html(report: Report) -> str:
    """A self-contained HTML page: inline CSS, images as base64 PNG, no scripts, no network."""
    e = _html.escape
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
           "<meta name='viewport' content='width=device-width, initial-scale=1'>",
           f"<title>{e(report.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(report.title)}</h1>",
           f"<p class='meta'>procsim {e(report.version)}, {e(report.created)}</p>"]
    if len(report.sections) > 1:
        out.append("<nav><ol>" + "".join(f"<li><a href='#s{i}'>{e(s.title)}</a></li>"
                                         for i, s in enumerate(report.sections, start=1)) + "</ol></nav>")
    for i, s in enumerate(report.sections, start=1):
        out.append(f"<section id='s{i}'><h2>{i}. {e(s.title)}</h2>")
        if s.summary:
            out.append(f"<p class='summary'>{e(s.summary)}</p>")
        for t in s.tables:
            cols = [str(c) for c in t.frame.columns]
            wide = " class='wide'" if len(cols) > 7 else ""
            out.append(f"<h3>{e(t.name)}</h3><table{wide}><thead><tr>"
                       + "".join(f"<th>{_breakable(c)}</th>" for c in cols) + "</tr></thead><tbody>")
            for rec in t.frame.itertuples(index=False):
                cells = []
                for c, v in zip(cols, rec):
                    cls = []
                    if _is_num(v):
                        cls.append("num")
                        if c in t.percent and abs(v) > 10:
                            cls.append("far")
                    text = _cell(v, c in t.percent)
                    if c == "severity":
                        cls.append(f"sev-{text}")
                    if len(text) > 30 and " " in text:
                        cls.append("long")
                    body = _breakable(text)
                    cells.append(f"<td class='{' '.join(cls)}'>{body}</td>" if cls else f"<td>{body}</td>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</tbody></table>")
        if s.figures or s.assumptions:
            out.append("<div class='side'>")
            for caption, png in s.figures:
                data = base64.b64encode(png).decode("ascii")
                out.append(f"<figure><img alt='{e(caption)}' src='data:image/png;base64,{data}'>"
                           f"<figcaption>{e(caption)}</figcaption></figure>")
            if s.assumptions:
                out.append("<div class='assume'><h3>Assumptions and sources</h3><ul>"
                           + "".join(f"<li>{e(a)}</li>" for a in s.assumptions) + "</ul></div>")
            out.append("</div>")
        if s.notes:
            out.append("<h3>Notes</h3><ul>" + "".join(f"<li>{e(n)}</li>" for n in s.notes) + "</ul>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def to_json(report: Report, images: bool = False) -> str:
    """JSON: title, version, sections with tables as lists of records (raw SI/unit numbers,
    NaN as null); figures by caption, with base64 PNG when ``images``."""
    def clean(v):
        if hasattr(v, "item"):
            v = v.item()
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, tuple):
            return list(v)
        return v

    doc = {"title": report.title, "procsim_version": report.version, "created": report.created,
           "sections": []}
    for s in report.sections:
        doc["sections"].append({
            "title": s.title, "kind": s.kind, "summary": s.summary,
            "tables": [{"name": t.name, "percent_columns": list(t.percent),
                        "rows": [{str(k): clean(v) for k, v in r.items()}
                                 for r in t.frame.to_dict(orient="records")]} for t in s.tables],
            "figures": [{"caption": c, **({"png_base64": base64.b64encode(p).decode()} if images else {})}
                        for c, p in s.figures],
            "assumptions": list(s.assumptions), "notes": list(s.notes)})
    return json.dumps(doc, indent=1, ensure_ascii=False)


#: Excel number formats: thousands above 100, two decimals below; percentages signed.
_XL_NUMBER = '[>=100]#,##0;[<=-100]-#,##0;0.00##'
_XL_PERCENT = '+0.0" %";-0.0" %";0.0" %"'


def _sheet_name(name: str, used: set) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "table"
    out, k = base, 2
    while out.lower() in used:
        suffix = f"~{k}"
        out, k = base[:31 - len(suffix)] + suffix, k + 1
    used.add(out.lower())
    return out


def to_xlsx(report: Report, path) -> Path:
    """Excel workbook: a contents sheet, then one sheet per table (number formats, widths,
    frozen header, filters), and an ``assumptions`` sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    toc = wb.active
    toc.title = "contents"
    toc.append(["section", "kind", "summary", "sheets"])
    used = {"contents", "assumptions"}
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE5EC")
    for s in report.sections:
        names = []
        for t in s.tables:
            ws = wb.create_sheet(_sheet_name(t.name if len(s.tables) == 1 else f"{s.title[:18]} {t.name}", used))
            names.append(ws.title)
            cols = [str(c) for c in t.frame.columns]
            ws.append(cols)
            for rec in t.frame.itertuples(index=False):
                ws.append([None if (isinstance(v, float) and math.isnan(v)) else
                           (", ".join(map(str, v)) if isinstance(v, (list, tuple)) else
                            (v.item() if hasattr(v, "item") else v)) for v in rec])
            for j, c in enumerate(cols, start=1):
                cell = ws.cell(1, j)
                cell.font, cell.fill = head_font, head_fill
                fmt = _XL_PERCENT if c in t.percent else _XL_NUMBER
                width = len(c)
                for row in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    for cl in row:
                        if _is_num(cl.value):
                            cl.number_format = fmt
                            width = max(width, len(_cell(cl.value, c in t.percent)))
                        elif cl.value is not None:
                            width = max(width, min(len(str(cl.value)), 80))
                            if len(str(cl.value)) > 80:
                                cl.alignment = Alignment(wrap_text=True, vertical="top")
                ws.column_dimensions[get_column_letter(j)].width = min(width + 2, 82)
            ws.freeze_panes = "A2"
            if ws.max_row > 1:
                ws.auto_filter.ref = ws.dimensions
        toc.append([s.title, s.kind, s.summary, ", ".join(names)])
    asm = wb.create_sheet("assumptions")
    asm.append(["section", "assumption or note"])
    for s in report.sections:
        for a in list(s.assumptions) + [f"note: {n}" for n in s.notes]:
            asm.append([s.title, a])
    for ws, widths in ((toc, (40, 10, 60, 60)), (asm, (40, 120))):
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = w
            ws.cell(1, j).font, ws.cell(1, j).fill = head_font, head_fill
        ws.freeze_panes = "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = ws.dimensions
    path = Path(path)
    wb.save(path)
    return path


def write(report: Report, path, fmt: str | None = None) -> Path:
    """Write ``report`` to ``path`` in the format its suffix names (.md, .html, .json, .xlsx)
    or ``fmt``; Markdown figures go to ``<stem>_files/`` beside it."""
    from procsim.validation import check_choice

    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    check_choice("format", fmt, ("md", "html", "json", "xlsx"))
    if fmt == "xlsx":
        return to_xlsx(report, path)
    text = {"md": lambda: to_markdown(report, path.parent / f"{path.stem}_files"),
            "html": lambda: to_html(report), "json": lambda: to_json(report)}[fmt]()
    path.write_text(text, encoding="utf-8")
    return path
