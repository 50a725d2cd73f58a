"""``procsim sweep``: a named model over a grid of inputs."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from procsim.cli._app import app


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
              json_out: bool = typer.Option(False, "--json", help="rows as a JSON list of records"),
              output: Optional[Path] = typer.Option(None, "--output", "-o", help="CSV file to write")):
    """Evaluate a model over a grid of inputs (vectorised kernels) and print a table."""
    from procsim.sweeps import run_sweep_model, sweep_models

    models = sweep_models()
    if model not in models:
        typer.echo(f"unknown model {model!r}; models: {', '.join(models)}", err=True)
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
