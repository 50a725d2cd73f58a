"""The ``procsim`` command: run cases, check claims, sweep, report.

Exit status is non-zero on any error; ``--json`` gives machine-readable output.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import sys
import time
import traceback
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="procsim: industrial process energy and waste-heat simulation.")


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
            if not as_json:
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
        typer.echo(f"case {cid} failed: {exc}", err=True)
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
    """Run one case (built-in id or a script defining run())."""
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


@app.command("check-claim")
def check_claim_cmd(files: List[Path] = typer.Argument(..., help="claim files (TOML, YAML or JSON)"),
                    json_out: bool = typer.Option(False, "--json"),
                    strict: bool = typer.Option(False, "--strict",
                                                help="exit 1 when any finding is an error")):
    """Recompute a claimed saving and say whether its figures hold together."""
    from procsim.accounting.claims import check_claim, format_findings, load_claim, verdict

    out, worst = [], 0
    rank = {"ok": 0, "info": 0, "warning": 1, "error": 2}
    for f in files:
        try:
            claim = load_claim(f)
            findings = check_claim(claim)
        except (ValueError, OSError) as exc:
            typer.echo(f"{f}: {exc}", err=True)
            raise typer.Exit(2)
        worst = max([worst] + [rank.get(x.severity, 0) for x in findings])
        if json_out:
            out.append({"file": str(f), "name": claim.get("name"), "verdict": verdict(findings),
                        "findings": [{"severity": x.severity, "field": x.field, "message": x.message}
                                     for x in findings]})
        else:
            typer.echo(f"== {f} ({claim.get('name', '')}): {verdict(findings)}")
            typer.echo(format_findings(findings))
    if json_out:
        typer.echo(json.dumps(out, indent=1))
    # a claim that does not hold together is a finding, not a failure of the command,
    # unless the caller asks for --strict (for scripted reviews)
    raise typer.Exit(1 if (strict and worst >= 2) else 0)


def _parse_axis(text: str):
    name, _, spec = text.partition("=")
    parts = spec.split(":")
    try:
        if len(parts) == 3:
            import numpy as np

            return name.strip(), np.linspace(float(parts[0]), float(parts[1]), int(parts[2]))
        return name.strip(), [float(v) for v in spec.split(",")]
    except ValueError:
        raise typer.BadParameter(f"--param {text!r}: write NAME=START:STOP:N or NAME=V1,V2,...") from None


@app.command("sweep")
def sweep_cmd(model: str = typer.Argument(..., help="stack-loss, leak-flow, effectiveness or orc"),
              param: List[str] = typer.Option([], "--param", "-p",
                                              help="swept input, SI units: NAME=START:STOP:N or NAME=V1,V2"),
              fixed: List[str] = typer.Option([], "--set", help="fixed input, NAME=VALUE (SI) or option NAME=TEXT"),
              json_out: bool = typer.Option(False, "--json"),
              output: Optional[Path] = typer.Option(None, "--output", "-o", help="CSV file to write")):
    """Evaluate a model over a grid of inputs (vectorised kernels) and print a table."""
    from procsim.sweeps import SWEEP_MODELS, run_sweep_model

    if model not in SWEEP_MODELS:
        typer.echo(f"unknown model {model!r}; models: {', '.join(SWEEP_MODELS)}", err=True)
        raise typer.Exit(2)
    axes = dict(_parse_axis(t) for t in param)
    scalars, options = {}, {}
    for t in fixed:
        k, _, v = t.partition("=")
        try:
            scalars[k.strip()] = float(v)
        except ValueError:
            options[k.strip()] = v.strip()
    try:
        df = run_sweep_model(model, axes, scalars, options)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2)
    if output is not None:
        df.to_csv(output, index=False)
        typer.echo(f"wrote {output} ({len(df)} rows)")
    elif json_out:
        typer.echo(df.to_json(orient="records", double_precision=15))
    else:
        typer.echo(df.to_string(index=False))


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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    app(args=argv if argv is not None else sys.argv[1:], prog_name="procsim")


if __name__ == "__main__":
    main()
