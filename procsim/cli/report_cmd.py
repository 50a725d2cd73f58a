"""``procsim report``: cases, case scripts, claim, plant and options files as Markdown, HTML, JSON or Excel."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from procsim.cli._app import app
from procsim.cli._errors import check_output_path
from procsim.cli.cases_cmd import load_case_file, discover_cases

FORMATS = ("md", "html", "json", "xlsx")
CLAIM_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


def _kind(path: Path) -> str:
    """"plant" (has [units]), "options" (has [options]) or "claim" for a TOML/YAML/JSON file."""
    if path.suffix.lower() == ".json":
        return "claim"
    from procsim.plant import read_data

    try:
        data, _ = read_data(path)
    except ValueError:
        return "claim"
    if isinstance(data, dict) and "units" in data:
        return "plant"
    if isinstance(data, dict) and "options" in data:
        return "options"
    return "claim"


def _sections(items: list[str], found: dict):
    """One report section per item: a case id, a case script (.py), a claim file, a plant file,
    or an options file (evaluated on the plant file named before it)."""
    from procsim.report import case_section, claim_section, options_section, plant_section

    plant = None
    for item in items:
        path = Path(item)
        if item in found:
            yield case_section(found[item].run())
        elif path.suffix == ".py" and path.exists():
            yield case_section(load_case_file(path).run())
        elif path.suffix.lower() in CLAIM_SUFFIXES and path.exists():
            kind = _kind(path)
            if kind == "plant":
                from procsim.plant import solve_plant

                plant = path
                yield plant_section(solve_plant(path))
            elif kind == "options":
                if plant is None:
                    raise ValueError(f"{item}: an options file needs its plant file before it on the "
                                     "command line (procsim report PLANT.toml OPTIONS.toml)")
                from procsim.plant import evaluate_options

                yield options_section(evaluate_options(plant, path))
            else:
                from procsim.accounting.claims import load_claim

                yield claim_section(load_claim(path), source=str(path))
        else:
            raise ValueError(f"{item!r} is not a case id, an existing case script (.py) or a claim file "
                             f"({', '.join(CLAIM_SUFFIXES)}); case ids: {', '.join(found)}")


@app.command("report")
def report_cmd(items: Optional[List[str]] = typer.Argument(
                   None, help="case ids, case scripts (.py defining run()), claim files, plant files "
                              "and options files (after their plant file); default: every built-in case"),
               fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                                 help="md, html, json or xlsx (default: from the "
                                                      "--output suffix, else md)"),
               output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                     help="file to write (required for xlsx; Markdown "
                                                          "figures go to <name>_files/ beside it)"),
               title: str = typer.Option("procsim report", "--title", help="report title")):
    """Run cases, check claims, solve plants and options; write one report with figures (Markdown, HTML,
    JSON or Excel)."""
    from procsim.progress import progress
    from procsim.report import Report, to_html, to_json, to_markdown, write

    if fmt is None:
        fmt = output.suffix.lstrip(".").lower() if output is not None and output.suffix else "md"
    if fmt not in FORMATS:
        typer.echo(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}", err=True)
        raise typer.Exit(2)
    if fmt == "xlsx" and output is None:
        typer.echo("--format xlsx needs --output FILE.xlsx", err=True)
        raise typer.Exit(2)
    if output is not None:  # before any case is run
        check_output_path(output)
    found = discover_cases()
    todo = list(items) if items else list(found)
    try:
        sections = list(progress(_sections(todo, found), total=len(todo), desc="report"))
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2)
    report = Report(title, sections)
    if output is not None:
        write(report, output, fmt)
        typer.echo(f"wrote {output}", err=True)
        raise typer.Exit(0)
    typer.echo({"md": to_markdown, "html": to_html, "json": to_json}[fmt](report))
