"""``procsim report``: case results as Markdown, HTML, JSON or Excel."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from procsim.cli._app import app
from procsim.cli._errors import check_output_path
from procsim.cli.cases_cmd import discover_cases


FORMATS = ("md", "html", "json", "xlsx")


@app.command("report")
def report_cmd(case_ids: Optional[List[str]] = typer.Argument(None, help="case ids (default: all)"),
               fmt: str = typer.Option("md", "--format", help="md, html, json or xlsx"),
               output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                     help="file to write (required for xlsx)")):
    """Run cases and write a report (Markdown, HTML, JSON or Excel)."""
    from procsim.report import case_markdown, cases_excel, cases_html, figures_json

    if fmt not in FORMATS:
        typer.echo(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}", err=True)
        raise typer.Exit(2)
    if fmt == "xlsx" and output is None:
        typer.echo("--format xlsx needs --output FILE.xlsx", err=True)
        raise typer.Exit(2)
    if output is not None:  # before any case is run
        check_output_path(output)
    found = discover_cases()
    ids = list(case_ids) if case_ids else list(found)
    unknown = [c for c in ids if c not in found]
    if unknown:
        typer.echo(f"unknown case id(s): {', '.join(unknown)}; known: {', '.join(found)}", err=True)
        raise typer.Exit(2)
    results = [found[c].run() for c in ids]
    if fmt == "xlsx":
        cases_excel(results, output)
        typer.echo(f"wrote {output}")
        raise typer.Exit(0)
    text = {"md": lambda: "\n\n".join(case_markdown(r) for r in results),
            "html": lambda: cases_html(results), "json": lambda: figures_json(results)}[fmt]()
    if output is None:
        typer.echo(text)
    else:
        Path(output).write_text(text)
        typer.echo(f"wrote {output}")
