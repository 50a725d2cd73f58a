"""``procsim run plant.toml`` and ``procsim options plant.toml options.toml``: plant files.

``procsim run`` (in :mod:`procsim.cli.cases_cmd`) hands ``.toml``, ``.yaml`` and ``.yml`` paths
to :func:`run_plant_file`; ``procsim options`` evaluates retrofit options through the plant
model (:func:`procsim.plant.evaluate_options`).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import typer

from procsim.cli._app import app

PLANT_SUFFIXES = (".toml", ".yaml", ".yml")


def _num(v, fmt="{:,.6g}"):
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "-"
    return fmt.format(v)


def format_plant(r) -> str:
    """Text report of a solved plant: streams (first period), unit balances, annual figures."""
    out = [f"Plant: {r.name}", f"Operating hours: {r.hours:g} h/yr in {len(r.periods)} period(s)", ""]
    p0 = r.periods[0]
    out.append(f"Streams ({p0.name}):")
    st = p0.solution.streams
    out.append(f"  {'stream':44s} {'T [K]':>10s} {'p [Pa]':>12s} {'m [kg/s]':>12s} {'E [W]':>14s}")
    for name, row in st.iterrows():
        out.append(f"  {name[:44]:44s} {_num(row['T'], '{:.2f}'):>10s} {_num(row['p'], '{:.0f}'):>12s} "
                   f"{_num(row['mass_flow'], '{:.6g}'):>12s} {_num(row['energy_flow'], '{:.6g}'):>14s}")
    out.append("")
    out.append("Unit balances (worst over periods, ports and the unit's own closure): "
               "mass residual [kg/s], energy residual [W]")
    names = list(p0.solution.balances.index)
    for n in names:
        m = max(abs(float(p.solution.balances.loc[n, "mass_residual"])) for p in r.periods)
        e = max(abs(float(p.solution.balances.loc[n, "energy_residual"])) for p in r.periods)
        m = max([m] + [abs(float(getattr(p.units[n], "mass_residual", 0.0))) for p in r.periods])
        e = max([e] + [abs(float(getattr(p.units[n], "energy_residual", 0.0))) for p in r.periods])
        idle = sum(1 for p in r.periods if n in p.idle)
        note = f"  (idle in {idle} period(s))" if idle else ""
        out.append(f"  {n:24s} {m:12.3e} {e:12.3e}{note}")
    ov = r.overall
    out.append(f"  overall: mass {ov.get('mass_relative', 0.0):.2e}, energy {ov.get('energy_relative', 0.0):.2e} (relative)")
    for n in names:   # a whole steam site as one unit: its own figures (first period)
        site = getattr(p0.units.get(n), "site", None)
        if site is not None:
            out.append(f"  {n}: boiler steam {site.boiler_steam:.6g} kg/s, make-up {site.makeup_water:.6g} kg/s, "
                       f"condensate overflow {site.condensate_overflow:.3g} kg/s, fuel {site.fuel_input:.6g} W, "
                       f"turbine power {site.power_generated:.6g} W, import {site.power_import:.6g} W; "
                       f"site flowsheet closure {max(site.max_unit_mass_relative, site.max_unit_energy_relative):.1e}")
    specs = {k: v for p in r.periods for k, v in p.specs.items()}
    if specs:
        out.append("")
        out.append("Design specifications (last period): " + ", ".join(f"{k} = {v:.9g}" for k, v in specs.items()))
    out.append("")
    out.append("Annual energy (purchased carriers; a negative electricity_kwh is a net export):")
    for c, v in sorted(r.carriers.items()):
        out.append(f"  {c:20s} {v:,.6g} per year")
    el = r.electricity
    if el.get("generated_kwh"):
        out.append(f"Electricity: consumed {el['consumed_kwh']:,.6g} kWh/yr, generated {el['generated_kwh']:,.6g} kWh/yr, "
                   f"net {el['net_kwh']:,.6g} kWh/yr (exported {el['exported_kwh']:,.6g}); own generation displaces "
                   f"{r.generation_credit_co2e_t:,.6g} t CO2e/yr of grid electricity")
    e = r.emissions
    credit = f", export credit -{e.export_credit_co2e_t:,.6g} outside scope 2" if e.export_credit_co2e_t else ""
    out.append(f"CO2e: {e.total_co2e_t:,.6g} t/yr (scope 1 {e.scope1_co2e_t:,.6g}, scope 2 {e.scope2_co2e_t:,.6g}{credit})")
    out.append(f"Cost: {_num(r.cost, '{:,.6g}')} {r.currency}/yr ({r.cost_note})")
    return "\n".join(out)


def run_plant_file(path: Path, as_json: bool) -> int:
    """Solve a plant file and print its report; exit status."""
    from procsim.plant import PlantError, solve_plant

    try:
        r = solve_plant(path)
    except PlantError as exc:
        typer.echo(f"error: {exc}", err=True)
        return 2
    typer.echo(json.dumps(r.as_dict(), indent=1, default=float) if as_json else format_plant(r))
    return 0


def format_options(rep) -> str:
    rows = rep.table()
    carriers = sorted({c for r in rows for c in r["savings"]})
    head = f"  {'option':28s} " + " ".join(f"{c + ' saved':>22s}" for c in carriers) + \
           f" {'CO2e t/yr':>11s} {'cost saved':>14s} {'payback yr':>10s} {'NPV':>14s}"
    out = [f"Options on {rep.baseline.name} (each solved through the plant model)", head]
    for r in rows:
        out.append(f"  {r['option'][:28]:28s} " + " ".join(f"{r['savings'].get(c, 0.0):22,.6g}" for c in carriers)
                   + f" {r['co2e_saved_t']:11,.6g} {r['cost_saved']:14,.6g} {_num(r['payback_years'], '{:.3g}'):>10s}"
                   f" {_num(r['npv'], '{:,.6g}'):>14s}")
    if rep.interactions:
        out.append("")
        out.append("Interactions (combined minus the sum of its options alone):")
        for name, d in rep.interactions.items():
            out.append(f"  {name:28s} " + ", ".join(f"{k} {v:+,.6g}" for k, v in d.items()))
    ranked = rep.comparison.ranked("npv")
    out.append("")
    out.append("Ranking by NPV: " + ", ".join(o.name for o in ranked))
    macc = rep.comparison.macc_data()
    if macc:
        out.append("MAC curve (single options, cheapest first): " + ", ".join(
            f"{b['option']} {b['cost_per_t_co2e']:,.4g} {b['currency']}/t over {b['abatement_t']:,.4g} t" for b in macc))
    for n in rep.comparison.notes:
        out.append(f"note: {n}")
    return "\n".join(out)


@app.command("options")
def options_cmd(plant: Path = typer.Argument(..., help="plant file (.toml/.yaml)"),
                options: Path = typer.Argument(..., help="options file: [options.NAME] patches, [combinations]"),
                json_out: bool = typer.Option(False, "--json", help="JSON: each option and combination with "
                                                                    "its savings, and the ranking")):
    """Evaluate retrofit options alone and combined through the plant model; rank them."""
    from procsim.plant import PlantError, evaluate_options

    try:
        rep = evaluate_options(plant, options)
    except PlantError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if json_out:
        data = {"baseline": rep.baseline.as_dict() | {"periods": None}, "options": rep.table(),
                "interactions": rep.interactions, "ranking_npv": [o.name for o in rep.comparison.ranked("npv")],
                "macc": rep.comparison.macc_data(), "notes": list(rep.comparison.notes)}
        typer.echo(json.dumps(data, indent=1, default=float))
    else:
        typer.echo(format_options(rep))
    raise typer.Exit(0)
