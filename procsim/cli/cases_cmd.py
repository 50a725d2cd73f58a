"""``procsim cases`` and ``procsim run``: the built-in case studies and user case scripts."""
from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import time
import traceback
from pathlib import Path
from typing import List, Optional

import typer

from procsim.cli._app import app
from procsim.cli._errors import debug_enabled, one_line


def discover_cases() -> dict[str, object]:
    """Case modules in the ``cases`` package: id -> module (imported now, not at procsim import)."""
    import cases

    found = {}
    for info in sorted(pkgutil.iter_modules(cases.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.ispkg:
            continue
        mod = importlib.import_module(f"cases.{info.name}")
        if hasattr(mod, "run") and hasattr(mod, "CASE_ID"):
            found[mod.CASE_ID] = mod
    return found


def _load_case_file(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise typer.BadParameter(f"cannot load case file {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not hasattr(mod, "run"):
        raise typer.BadParameter(f"case file {path} defines no run() function")
    return mod


def _run_modules(mods, as_json: bool, markdown: bool) -> int:
    from procsim.report import case_markdown, figures_json, figures_table

    results, failures = [], []
    for mod in mods:
        t0 = time.perf_counter()
        try:
            results.append(mod.run())
        except Exception as exc:  # report every failing case, then exit non-zero
            failures.append((getattr(mod, "CASE_ID", mod.__name__), exc))
            if not as_json and debug_enabled():
                traceback.print_exc()
        else:
            if not as_json:
                typer.echo(f"[{mod.CASE_ID}] {mod.TITLE}: {time.perf_counter() - t0:.2f} s", err=True)
    if as_json:
        typer.echo(figures_json(results))
    elif markdown:
        typer.echo("\n\n".join(case_markdown(r) for r in results))
    else:
        typer.echo(figures_table(results))
    for cid, exc in failures:
        typer.echo(f"case {cid} failed: {one_line(exc)}", err=True)
    return 1 if failures else 0


@app.command("cases")
def cases_cmd(json_out: bool = typer.Option(False, "--json", help="JSON list of compared figures"),
              markdown: bool = typer.Option(False, "--markdown", help="Markdown report with assumptions"),
              only: Optional[List[str]] = typer.Option(None, "--only", help="run only these case ids"),
              list_only: bool = typer.Option(False, "--list", help="list the cases and exit")):
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
    raise typer.Exit(_run_modules(mods, json_out, markdown))


@app.command("run")
def run_cmd(case: str = typer.Argument(..., help="a case id or a path to a case .py file"),
            json_out: bool = typer.Option(False, "--json"),
            markdown: bool = typer.Option(False, "--markdown")):
    """Run one case (built-in id, or a Python script defining run()).

    A script is executed as Python code with your permissions: run only your own files.
    """
    path = Path(case)
    if path.suffix == ".py" and path.exists():
        mod = _load_case_file(path)
        mod.CASE_ID = getattr(mod, "CASE_ID", path.stem)
        mod.TITLE = getattr(mod, "TITLE", path.stem)
    else:
        found = discover_cases()
        if case not in found:
            typer.echo(f"unknown case {case!r}: not a .py file and not one of {', '.join(found)}", err=True)
            raise typer.Exit(2)
        mod = found[case]
    raise typer.Exit(_run_modules([mod], json_out, markdown))


