"""``procsim check-claim``: the claim checker on files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer

from procsim.cli._app import app
from procsim.cli._errors import EXIT_ERROR, debug_enabled, one_line

#: exit codes of check-claim, in order of precedence
EXIT_OK, EXIT_STRICT = 0, 1


@app.command("check-claim")
def check_claim_cmd(files: List[Path] = typer.Argument(..., help="claim files (TOML, YAML or JSON)"),
                    json_out: bool = typer.Option(False, "--json",
                                                  help="findings as JSON, one object per file, "
                                                       "unreadable files included as error rows"),
                    strict: bool = typer.Option(False, "--strict",
                                                help="exit 1 when a claim has an error finding, or "
                                                     "is empty or not checkable")):
    """Recompute a claimed saving and say whether its figures hold together.

    Every file is checked, in order. A file that cannot be read or parsed is reported as an
    error row (verdict "error", with the message) and the others are still checked.
    Exit code: 2 if any file could not be checked; otherwise 1 with --strict when any claim
    has an error finding or is empty / not checkable; otherwise 0.
    """
    from procsim.accounting.claims import check_claim, format_findings, load_claim, verdict

    out, failed, strict_fail = [], [], False
    for f in files:
        try:
            claim = load_claim(f)
            findings = check_claim(claim, base_dir=Path(f).parent)
        except (ValueError, OSError, RecursionError, MemoryError) as exc:
            if debug_enabled():
                raise
            failed.append(str(f))
            msg = one_line(exc)
            if json_out:
                out.append({"file": str(f), "name": None, "verdict": "error", "error": msg,
                            "findings": []})
            else:
                typer.echo(f"== {f}: error")
                typer.echo(f"[ERROR  ] {msg}")
            continue
        v = verdict(findings)
        empty = not claim
        if any(x.severity == "error" for x in findings) or v == "not checkable" or empty:
            strict_fail = True
        if json_out:
            out.append({"file": str(f), "name": claim.get("name"), "verdict": v, "error": None,
                        "empty": empty,
                        "findings": [{"severity": x.severity, "field": x.field, "message": x.message}
                                     for x in findings]})
        else:
            typer.echo(f"== {f} ({claim.get('name', '')}): {v}{' (empty claim)' if empty else ''}")
            typer.echo(format_findings(findings))
    if json_out:
        typer.echo(json.dumps(out, indent=1))
    if failed:
        names = ", ".join(failed[:10]) + (f" and {len(failed) - 10} more" if len(failed) > 10 else "")
        typer.echo(f"procsim: error: {len(failed)} of {len(files)} claim file(s) could not be checked: "
                   f"{names}", err=True)
        raise typer.Exit(EXIT_ERROR)
    # a claim that does not hold together is a finding, not a failure of the command,
    # unless the caller asks for --strict (for scripted reviews)
    raise typer.Exit(EXIT_STRICT if (strict and strict_fail) else EXIT_OK)
