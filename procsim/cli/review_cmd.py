"""``procsim review``: a reviewer's page per case (the source passage, readings, what the claim
implies, ranges, flip values, verdicts, data to request), as Markdown, HTML, JSON or an Excel
workbook (through :func:`procsim.report.review_section`)."""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import List, Optional

import typer

from procsim.cli._app import app
from procsim.cli.cases_cmd import discover_cases

REVIEW_FORMATS = ("md", "html", "json", "xlsx")


def _html_page(markdown_pages: list[str]) -> str:
    # self-contained: the Markdown shown as preformatted text inside a minimal styled page, so
    # nothing is lost and nothing needs a network
    body = "\n".join(f"<section><pre>{html.escape(p)}</pre></section>" for p in markdown_pages)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>procsim review</title><style>"
            "body{font-family:sans-serif;max-width:60em;margin:auto}pre{white-space:pre-wrap;"
            "font-size:0.9em}</style></head><body>" + body + "</body></html>")


@app.command("review")
def review_cmd(case_ids: Optional[List[str]] = typer.Argument(None, help="case ids (default: every case "
                                                                          "that declares its source passages)"),
               fmt: str = typer.Option("md", "--format", help="md, html, json or xlsx (xlsx needs --output)"),
               ranges: bool = typer.Option(False, "--ranges", help="also run each case's Monte Carlo review"),
               output: Optional[Path] = typer.Option(None, "--output", "-o", help="file to write")):
    """Write a reviewer's page for each case's claim."""
    from procsim.review import review_dict, review_markdown

    if fmt not in REVIEW_FORMATS:
        typer.echo(f"--format must be one of {', '.join(REVIEW_FORMATS)}; got {fmt!r}", err=True)
        raise typer.Exit(2)
    if fmt == "xlsx" and output is None:
        typer.echo("--format xlsx writes a workbook: give --output FILE.xlsx", err=True)
        raise typer.Exit(2)
    if output is not None and not output.parent.exists():
        typer.echo(f"output directory {str(output.parent)!r} does not exist", err=True)
        raise typer.Exit(2)
    found = discover_cases()
    ids = list(case_ids) if case_ids else [c for c, m in found.items() if hasattr(m, "SOURCES")]
    unknown = [c for c in ids if c not in found]
    if unknown:
        typer.echo(f"unknown case id(s): {', '.join(unknown)}; known: {', '.join(found)}", err=True)
        raise typer.Exit(2)
    pages, data, results = [], [], []
    for cid in ids:
        mod = found[cid]
        res = mod.review() if ranges and hasattr(mod, "review") else mod.run()
        sources = getattr(mod, "SOURCES", ())
        pages.append(review_markdown(res, sources))
        data.append(review_dict(res, sources))
        results.append((res, sources))
    if fmt == "xlsx":
        from procsim.report import Report, review_section, to_xlsx

        to_xlsx(Report("procsim review", [review_section(r, s) for r, s in results]), output)
        typer.echo(f"wrote {output}")
        return
    text = {"md": lambda: "\n\n".join(pages), "html": lambda: _html_page(pages),
            "json": lambda: json.dumps(data, indent=1, ensure_ascii=False)}[fmt]()
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}")
