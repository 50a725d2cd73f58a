"""``procsim mv``: measurement and verification from two meter-data files."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from procsim.cli._app import app


@app.command("mv")
def mv_cmd(baseline: Path = typer.Argument(..., help="baseline-period meter data (CSV, .csv.gz or Excel)"),
           reporting: Path = typer.Argument(..., help="reporting-period meter data"),
           drivers: str = typer.Option("temperature", "--drivers",
                                       help="comma-separated driver columns, e.g. production,temperature"),
           energy: str = typer.Option("energy", "--energy", help="energy column"),
           model: str = typer.Option("auto", "--model", help="auto, ols, 2p, 3p_heating, 3p_cooling, 4p, 5p, towt"),
           period: str = typer.Option("", "--period", help="aggregate to periods first: D, W, MS, h (default: as read)"),
           confidence: float = typer.Option(0.9, "--confidence", help="two-sided confidence of the band"),
           timezone: str = typer.Option("", "--timezone", help="IANA time zone of naive timestamps"),
           counts: str = typer.Option("", "--counts", help="comma-separated unitless driver columns (pieces)"),
           plots: Path = typer.Option(None, "--plots", help="folder for the four M&V figures (PNG)"),
           json_out: bool = typer.Option(False, "--json", help="machine-readable result")):
    """Fit a baseline model, compute avoided energy and its ASHRAE Guideline 14 uncertainty."""
    from procsim.mv import avoided_energy, fit_baseline, periods, read_meter, report_section

    names = tuple(d.strip() for d in drivers.split(",") if d.strip())
    kinds = {c.strip(): "count" for c in counts.split(",") if c.strip()}
    tz = timezone or None
    try:
        frames, dropped_all, units = [], [], {}
        for path in (baseline, reporting):
            m = read_meter(path, kinds=dict(kinds), timezone=tz)
            units.update(m.units)
            data = m.data
            if period:
                sums = [c for c in data.columns if m.units.get(c) != "degC"]
                means = [c for c in data.columns if m.units.get(c) == "degC"]
                data, dropped = periods(data, period, sums=sums, means=means, timezone=tz)
                dropped_all.append(len(dropped))
            else:
                before = len(data)
                data = data.dropna()
                dropped_all.append(before - len(data))
            if tz and data.index.tz is not None:
                data.index = data.index.tz_localize(None)
            frames.append(data)
        b = fit_baseline(frames[0], energy=energy, drivers=names, model=model)
        s = avoided_energy(b, frames[1], confidence=confidence)
    except (ValueError, OSError) as exc:
        typer.echo(f"procsim mv: {exc}", err=True)
        raise typer.Exit(2)
    unit = units.get(energy, "")
    if plots is not None:
        from procsim.mv import plots as P

        plots.mkdir(parents=True, exist_ok=True)
        figs = {"baseline_vs_reporting": P.baseline_vs_reporting(b, s, unit),
                "residuals": P.residuals(b, unit), "cusum": P.cusum(s, unit)}
        if b.temperature:
            figs["change_point_fit"] = P.change_point_fit(b, frames[0], unit)
        for name, fig in figs.items():
            fig.savefig(plots / f"{name}.png", dpi=100)
    if json_out:
        out = {"baseline": b.statistics(), "coefficients": b.table().reset_index().to_dict("records"),
               "savings": s.summary(), "unit": unit,
               "dropped_periods": {"baseline": dropped_all[0], "reporting": dropped_all[1]}}
        typer.echo(json.dumps(out, indent=1, default=float))
    else:
        text, _ = report_section(b, s, unit=unit)
        typer.echo(text)
        typer.echo(f"Dropped (incomplete) periods: baseline {dropped_all[0]}, reporting {dropped_all[1]}")
