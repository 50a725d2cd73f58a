"""``procsim check-claim``: the claim checker on files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer

from procsim.cli._app import app


@app.command("check-claim")
def check_claim_cmd(files: List[Path] = typer.Argument(..., help="claim files (TOML, YAML or JSON)"),
                    json_out: bool = typer.Option(False, "--json", help="findings as JSON, one object per file"),
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
