"""``procsim sweep``: a named model over a grid of inputs."""
from __future__ import annotations

import math
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperCommand

from procsim.cli._app import app
from procsim.cli._errors import check_output_path

#: most points of one sweep (all axes multiplied): 1e6 rows print in seconds, 1e9 never return
MAX_POINTS = 1_000_000


def _number(option: str, text: str, name: str, value: str) -> float:
    try:
        v = float(value)
    except ValueError:
        raise typer.BadParameter(f"{option} {text!r}: {name} value {value!r} is not a number") from None
    if not math.isfinite(v):
        raise typer.BadParameter(f"{option} {text!r}: {name} must be finite; got {value!r}")
    return v


def _parse_axis(text: str):
    name, eq, spec = text.partition("=")
    name = name.strip()
    if not eq or not name or not spec.strip():
        raise typer.BadParameter(f"--param {text!r}: write NAME=START:STOP:N or NAME=V1,V2,...")
    parts = spec.split(":")
    if len(parts) == 3:
        import numpy as np

        start = _number("--param", text, name, parts[0])
        stop = _number("--param", text, name, parts[1])
        try:
            n = int(parts[2])
        except ValueError:
            raise typer.BadParameter(f"--param {text!r}: {name} needs an integer number of points N >= 1; "
                                     f"got {parts[2]!r}") from None
        if not 1 <= n <= MAX_POINTS:
            raise typer.BadParameter(f"--param {text!r}: {name} needs 1 <= N <= {MAX_POINTS:,} points; got {n}")
        return name, np.linspace(start, stop, n)
    if len(parts) != 1:
        raise typer.BadParameter(f"--param {text!r}: write NAME=START:STOP:N or NAME=V1,V2,...")
    return name, [_number("--param", text, name, v) for v in spec.split(",")]


_HELP = "Evaluate a model over a grid of inputs (vectorised kernels) and print a table."


class _SweepCommand(TyperCommand):
    """``procsim sweep``, whose ``--help`` lists every registered model with its inputs.

    The list is made when help is shown, not when the command line is built: it loads every
    sweep model's module (ORC, heat pump: CoolProp and their kernels), which other commands
    such as ``procsim cases`` should not pay for.
    """

    def format_help(self, ctx, formatter):
        if self.help == _HELP:
            from procsim.sweeps import describe_models

            self.help = (_HELP + "\n\nModels and their inputs (SI units; options are text; inputs "
                         "without a default are required):\n\n"
                         + "\n\n".join(describe_models(brackets="()").splitlines()))
        return super().format_help(ctx, formatter)


@app.command("sweep", cls=_SweepCommand, help=_HELP)
def sweep_cmd(model: str = typer.Argument(..., help="stack-loss, leak-flow, effectiveness or orc"),
              param: List[str] = typer.Option([], "--param", "-p",
                                              help="swept input, SI units: NAME=START:STOP:N or NAME=V1,V2"),
              fixed: List[str] = typer.Option([], "--set", help="fixed input, NAME=VALUE (SI) or option NAME=TEXT"),
              json_out: bool = typer.Option(False, "--json", help="rows as a JSON list of records"),
              output: Optional[Path] = typer.Option(None, "--output", "-o", help="CSV file to write")):
    from procsim.sweeps import run_sweep_model, sweep_models

    if output is not None:  # before the sweep runs
        check_output_path(output)
    models = sweep_models()
    if model not in models:
        typer.echo(f"unknown model {model!r}; models: {', '.join(models)}", err=True)
        raise typer.Exit(2)
    axes = dict(_parse_axis(t) for t in param)
    points = math.prod(len(v) for v in axes.values()) if axes else 0
    if points > MAX_POINTS:
        raise typer.BadParameter(f"--param: the grid has {points:,} points; the limit is {MAX_POINTS:,}")
    scalars, options = {}, {}
    for t in fixed:
        k, eq, v = t.partition("=")
        if not eq or not k.strip():
            raise typer.BadParameter(f"--set {t!r}: write NAME=VALUE")
        try:
            scalars[k.strip()] = float(v)
        except ValueError:
            options[k.strip()] = v.strip()
            continue
        if not math.isfinite(scalars[k.strip()]):
            raise typer.BadParameter(f"--set {t!r}: {k.strip()} must be finite; got {v.strip()!r}")
    df = run_sweep_model(model, axes, scalars, options)  # a ValueError names the input
    if output is not None:
        df.to_csv(output, index=False)
        typer.echo(f"wrote {output} ({len(df)} rows)")
    elif json_out:
        typer.echo(df.to_json(orient="records", double_precision=15))
    else:
        typer.echo(df.to_string(index=False))
