"""``procsim cases`` and ``procsim run``: the built-in case studies and user case scripts."""
from __future__ import annotations

import importlib.util
import logging
import time
import traceback
from pathlib import Path
from typing import List, Optional

import typer

from procsim.cli._app import app
from procsim.cli._errors import debug_enabled, one_line

log = logging.getLogger(__name__)


def _not_quiet() -> bool:
    from procsim.progress import _ENABLED

    return _ENABLED.get() is not False


def discover_cases() -> dict[str, object]:
    """Case modules of every package registered under the ``procsim.cases`` entry points:
    id -> module (imported now, not at procsim import; see :mod:`procsim.registry`)."""
    from procsim.registry import case_modules

    return case_modules()


def load_case_file(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise typer.BadParameter(f"cannot load case file {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not hasattr(mod, "run"):
        raise typer.BadParameter(f"case file {path} defines no run() function")
    return mod


def _run_modules(mods, as_json: bool, markdown: bool, review: bool = False) -> int:
    from procsim.progress import progress
    from procsim.report import case_markdown, figures_json, figures_table

    results, failures = [], []
    chatty = not as_json and _not_quiet()
    # a first run compiles numba kernels and builds fluid tables (cached afterwards): the bar says so
    for mod in progress(mods, desc="cases (first run compiles kernels)", unit="case",
                        label=lambda m: getattr(m, "CASE_ID", m.__name__)):
        t0 = time.perf_counter()
        try:
            # a case may define review(): run() plus ranges, tornado and flip values
            results.append(mod.review() if review and hasattr(mod, "review") else mod.run())
        except Exception as exc:  # report every failing case, then exit non-zero
            failures.append((getattr(mod, "CASE_ID", mod.__name__), exc))
            if not as_json and debug_enabled():
                traceback.print_exc()
        else:
            log.info("case %s ran in %.2f s", mod.CASE_ID, time.perf_counter() - t0)
            if chatty:
                typer.echo(f"[{mod.CASE_ID}] {mod.TITLE}: {time.perf_counter() - t0:.2f} s", err=True)
    if as_json:
        typer.echo(figures_json(results))
    elif markdown:
        typer.echo("\n\n".join(case_markdown(r) for r in results))
    else:
        typer.echo(figures_table(results))
        verdict_lines = [f"[{r.case_id}] {v}" for r in results for v in r.verdicts]
        if verdict_lines:
            typer.echo("\nVerdicts\n" + "\n".join(verdict_lines))
    for cid, exc in failures:
        typer.echo(f"case {cid} failed: {one_line(exc)}", err=True)
    return 1 if failures else 0


@app.command("cases")
def cases_cmd(json_out: bool = typer.Option(False, "--json", help="JSON list of compared figures"),
              markdown: bool = typer.Option(False, "--markdown", help="Markdown report with assumptions"),
              only: Optional[List[str]] = typer.Option(None, "--only", help="run only these case ids"),
              list_only: bool = typer.Option(False, "--list", help="list the cases and exit"),
              review: bool = typer.Option(False, "--review",
                                          help="also compute each claim's P10-P90 range, tornado and flip values")):
    """Run every built-in case and print claimed vs computed figures."""
    found = discover_cases()
    if list_only:
        for cid, mod in found.items():
            typer.echo(f"{cid}\t{mod.TITLE}")
        raise typer.Exit(0)
    if only:
        unknown = [c for c in only if c not in found]
        if unknown:
            typer.echo(f"unknown case id(s): {', '.join(unknown)}; known: {', '.join(found)}", err=True)
            raise typer.Exit(2)
        mods = [found[c] for c in only]
    else:
        mods = list(found.values())
    raise typer.Exit(_run_modules(mods, json_out, markdown, review))


@app.command("run")
def run_cmd(case: str = typer.Argument(..., help="a case id, a case .py file or a plant file (.toml/.yaml)"),
            json_out: bool = typer.Option(False, "--json", help="JSON output (figures, or the plant's results)"),
            markdown: bool = typer.Option(False, "--markdown", help="Markdown report with assumptions")):
    """Run one case (a built-in id, or a script whose run() returns a procsim.casebook.CaseResult),
    or solve a plant file (.toml/.yaml).

    A .py script is executed as Python code with your permissions: run only your own files.
    Plant files are data and are never executed.
    """
    path = Path(case)
    if path.suffix.lower() in (".toml", ".yaml", ".yml"):
        from procsim.cli.plant_cmd import run_plant_file

        raise typer.Exit(run_plant_file(path, json_out))
    if path.suffix == ".py" and path.exists():
        mod = load_case_file(path)
        mod.CASE_ID = getattr(mod, "CASE_ID", path.stem)
        mod.TITLE = getattr(mod, "TITLE", path.stem)
    else:
        found = discover_cases()
        if case not in found:
            typer.echo(f"unknown case {case!r}: not a .py file and not one of {', '.join(found)}", err=True)
            raise typer.Exit(2)
        mod = found[case]
    raise typer.Exit(_run_modules([mod], json_out, markdown))


