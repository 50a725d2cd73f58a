"""What a report holds: sections of tables, figures, assumptions and notes, built from results.

A :class:`Report` is a list of :class:`Section`; each section belongs to one case, claim, plant
or user result. :func:`section_for` turns any supported result into a section, so a report can
mix them: ``Report("Site review", [section_for(r) for r in results])``. A result type of your
own can join by giving it a ``report_section()`` method (returning a :class:`Section`), or a
``to_frame()`` method (a pandas DataFrame, units in the column names) and optionally a
``figures()`` method (``{caption: matplotlib Figure}``).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Table", "Section", "Report", "section_for", "case_section", "claim_section",
           "plant_section", "options_section", "result_section", "review_section", "DEVIATION_COLUMN"]

#: Column holding (computed - claimed) / |claimed| in percent in comparison tables.
DEVIATION_COLUMN = "deviation [%]"


@dataclass
class Table:
    """A named table; ``percent`` lists columns that hold percentages (shown with a % sign)."""

    name: str
    frame: Any                      # pandas DataFrame
    percent: tuple = ()


@dataclass
class Section:
    """One part of a report: a title, a one-line summary, tables, figures (caption, PNG bytes),
    assumptions with their sources, and notes."""

    title: str
    kind: str = "result"            # "case", "claim", "plant" or "result"
    summary: str = ""
    tables: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    assumptions: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def add_figure(self, caption: str, fig, dpi: int = 100) -> None:
        """Render a matplotlib Figure to PNG and keep it with its caption."""
        from procsim.plots import figure_png

        self.figures.append((caption, fig if isinstance(fig, bytes) else figure_png(fig, dpi=dpi)))


@dataclass
class Report:
    """A titled list of sections; render with :mod:`procsim.report.render`."""

    title: str
    sections: list = field(default_factory=list)
    created: str = field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc)
                         .strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def version(self) -> str:
        from procsim import __version__

        return __version__


def _deviation_figure(result):
    """Horizontal bars of computed vs claimed deviation [%] for the figures that have a claim."""
    from matplotlib.figure import Figure as MplFigure

    rows = [(f.metric, 100.0 * f.deviation) for f in result.figures if f.deviation is not None]
    if not rows:
        return None
    fig = MplFigure(figsize=(6.0, 0.45 * len(rows) + 1.4), layout="constrained")
    ax = fig.add_subplot(1, 1, 1)
    names = [r[0].replace("_", " ") for r in rows][::-1]
    vals = [r[1] for r in rows][::-1]
    ax.barh(range(len(rows)), vals, color=["#de2d26" if abs(v) > 10 else "#3182bd" for v in vals])
    for i, v in enumerate(vals):
        ax.text(v, i, f" {v:+.1f} % ", va="center", ha="left" if v >= 0 else "right", fontsize=8)
    ax.set_yticks(range(len(rows)), names, fontsize=8)
    ax.axvline(0.0, color="k", lw=0.8)
    lim = max(12.0, 1.25 * max(abs(v) for v in vals))
    ax.set_xlim(-lim, lim)
    ax.set_xlabel("computed vs claimed [%] (red: more than 10 % apart)")
    ax.grid(True, axis="x", alpha=0.3)
    return fig


def case_section(result) -> Section:
    """A case study (:class:`procsim.casebook.CaseResult`): claimed vs computed with the %
    deviation, a deviation chart, any figures the case put in ``details`` (matplotlib Figures,
    or ``details["figures"] = {caption: Figure}``), and its assumptions with their sources."""
    import pandas as pd

    rows = [{"metric": f.metric, "claimed": f.claimed, "computed": f.computed, "unit": f.unit,
             DEVIATION_COLUMN: None if f.deviation is None else 100.0 * f.deviation, "note": f.note}
            for f in result.figures]
    frame = pd.DataFrame(rows, columns=["metric", "claimed", "computed", "unit", DEVIATION_COLUMN, "note"])
    devs = [abs(r[DEVIATION_COLUMN]) for r in rows if r[DEVIATION_COLUMN] is not None]
    summary = (f"{len(rows)} figures, {len(devs)} with a claimed value"
               + (f"; largest deviation {max(devs):.1f} %" if devs else ""))
    sec = Section(f"{result.title}", "case", summary, [Table(f"{result.case_id}", frame, (DEVIATION_COLUMN,))],
                  assumptions=list(result.assumptions))
    fig = _deviation_figure(result)
    if fig is not None:
        sec.add_figure("Computed against claimed, per figure", fig)
    details = result.details or {}
    extra = dict(details.get("figures", {})) if isinstance(details.get("figures"), dict) else {}
    extra.update({k: v for k, v in details.items() if _is_figure(v)})
    for caption, f in extra.items():
        sec.add_figure(str(caption), f)
    return sec


def review_section(result, sources=()) -> Section:
    """A reviewer's page for one case (:mod:`procsim.review`) as tables: the source passages
    (original and our translation), the figures by reading, what the claim implies, the ranges
    (P10-P50-P90 and verdict), each input's tornado bar and flip value (``flips``), the verdicts,
    and the data to request from the claimant (``requests``); the section title starts with the
    case id, so each workbook sheet names its case. ``sources`` are the case's ``SOURCES``
    (:class:`procsim.review.ClaimSource`)."""
    import pandas as pd

    def frame(rows, cols):
        return pd.DataFrame(rows, columns=cols)

    tables = [
        Table("sources", frame([{"seed": s.seed, "document": s.document, "line": s.line, "passage (original)":
                                 s.passage, "our translation": s.translation} for s in sources],
                               ["seed", "document", "line", "passage (original)", "our translation"])),
        Table("readings", frame(
            [{"metric": f.metric, "reading": f.reading or "as stated", "claimed": f.claimed, "computed": f.computed,
              "unit": f.unit, DEVIATION_COLUMN: None if f.deviation is None else 100.0 * f.deviation}
             for f in result.figures], ["metric", "reading", "claimed", "computed", "unit", DEVIATION_COLUMN]),
            (DEVIATION_COLUMN,)),
        Table("implied", frame(
            [{"parameter": i.parameter, "reading": i.reading or "as stated", "implied": i.value, "unit": i.unit,
              "typical low": i.typical_low, "typical high": i.typical_high, "source": i.source,
              "plausible": "yes" if i.plausible else "no", "note": i.note} for i in result.implied],
            ["parameter", "reading", "implied", "unit", "typical low", "typical high", "source", "plausible", "note"])),
        Table("ranges", frame(
            [{"metric": r.metric, "claimed": r.claimed, "P10": r.p10, "P50": r.p50, "P90": r.p90,
              "reachable low": r.reachable_low, "reachable high": r.reachable_high, "samples": r.samples,
              "seed": r.seed, "verdict": r.verdict} for r in result.ranges],
            ["metric", "claimed", "P10", "P50", "P90", "reachable low", "reachable high", "samples", "seed",
             "verdict"])),
        Table("flips", frame(
            [{"metric": r.metric, "input": t.name, "low": t.low, "high": t.high, "unit": t.unit,
              "figure at low": t.figure_at_low, "figure at high": t.figure_at_high, "flip value": t.flip,
              "flip inside the range": "yes" if t.flip is not None and t.flip_in_range else "no"}
             for r in result.ranges for t in sorted(r.tornado, key=lambda t: -t.swing)],
            ["metric", "input", "low", "high", "unit", "figure at low", "figure at high", "flip value",
             "flip inside the range"])),
        Table("verdicts", frame([{"verdict": v} for v in result.verdicts], ["verdict"])),
        Table("requests", frame([{"seed": s.seed, "request": q} for s in sources for q in s.data_requests],
                                       ["seed", "request"])),
    ]
    verdicts = [r.verdict for r in result.ranges]
    summary = (f"{len(result.implied)} implied values, {len(result.ranges)} ranges"
               + (f" ({', '.join(sorted(set(verdicts)))})" if verdicts else ""))
    return Section(f"{result.case_id}: review of {result.title}", "case", summary, tables, assumptions=list(result.assumptions))


def _is_figure(v) -> bool:
    return type(v).__name__ == "Figure" and hasattr(v, "savefig")


def claim_section(claim: dict, findings=None, source: str = "") -> Section:
    """A checked claim: its figures, the checker's findings and its verdict."""
    import pandas as pd

    from procsim.accounting.claims import check_claim, verdict

    findings = check_claim(claim) if findings is None else findings
    rows = []
    for part in ("baseline", "retrofit", "savings"):
        for k, v in (claim.get(part) or {}).items():
            rows.append({"part": part, "item": k, "value": v})
    for k in ("investment", "subsidy", "payback_years"):
        if k in claim:
            rows.append({"part": "money", "item": k, "value": claim[k]})
    figures = pd.DataFrame(rows, columns=["part", "item", "value"])
    found = pd.DataFrame([{"severity": f.severity, "field": f.field, "message": f.message} for f in findings],
                         columns=["severity", "field", "message"])
    v = verdict(findings)
    title = claim.get("name") or source or "claim"
    notes = [f"source file: {source}"] if source else []
    return Section(title, "claim", f"verdict: {v}", [Table("claimed figures", figures),
                                                      Table("findings", found)], notes=notes)


def result_section(obj, title: str | None = None) -> Section:
    """Any other result: tables from ``to_frame()`` (or a DataFrame, a list of dicts, a dict of
    columns) and figures from ``figures()``; known procsim results also get their usual plots
    (Monte Carlo: percentiles, histograms and a tornado chart; pinch targets: composite curves;
    options: the MAC curve; a solved ORC: T-s and T-Q)."""
    import pandas as pd

    from procsim import plots

    name = title or type(obj).__name__
    sec = Section(name, "result")
    if hasattr(obj, "outputs") and hasattr(obj, "inputs") and hasattr(obj, "percentiles"):
        sec.tables.append(Table("percentiles", obj.percentiles().reset_index(names="output")))
        sec.summary = f"{len(next(iter(obj.outputs.values()))):,} scenarios, seed {obj.seed}"
        sec.add_figure("Distribution of each output", plots.mc_histograms(obj))
        first = next(iter(obj.outputs))
        if len(obj.inputs) > 0:
            sec.add_figure(f"What drives {first}", plots.tornado(obj, first))
        return sec
    if hasattr(obj, "cascade") and hasattr(obj, "hot_composite_T"):
        sec.summary = (f"hot utility {plots.format_power(obj.hot_utility)}, cold utility "
                       f"{plots.format_power(obj.cold_utility)}, ΔTmin {obj.dt_min:g} K")
        sec.tables.append(Table("problem table", obj.problem_table()))
        sec.add_figure("Composite curves", plots.composite_curves(obj))
        sec.add_figure("Grand composite curve", plots.grand_composite_curve(obj))
        return sec
    if hasattr(obj, "macc_data") and hasattr(obj, "table"):
        frame = obj.to_frame() if hasattr(obj, "to_frame") else pd.DataFrame(obj.table())
        sec.tables.append(Table("options", frame))
        if obj.macc_data():
            sec.add_figure("Marginal abatement cost curve", plots.mac_curve(obj))
        return sec
    if hasattr(obj, "evaporator_profile") and hasattr(obj, "states"):
        sec.summary = (f"net power {plots.format_power(obj.net_power)}, thermal efficiency "
                       f"{100 * obj.thermal_efficiency:.1f} %")
        sec.tables.append(Table("states", pd.DataFrame(
            [{"state": s.name, "T [K]": s.T, "p [Pa]": s.p, "h [J/kg]": s.h, "s [J/(kg K)]": s.s}
             for s in obj.states])))
        sec.add_figure("T-s diagram", plots.orc_ts(obj))
        sec.add_figure("T-Q diagrams of the heat exchangers", plots.orc_tq(obj))
        return sec
    if isinstance(obj, pd.DataFrame):
        frame = obj
    elif hasattr(obj, "to_frame"):
        frame = obj.to_frame()
    elif isinstance(obj, list) and obj and isinstance(obj[0], dict):
        frame = pd.DataFrame(obj)
    elif isinstance(obj, dict):
        frame = pd.DataFrame({k: (list(v) if hasattr(v, "__len__") and not isinstance(v, str) else [v])
                              for k, v in obj.items()})
    else:
        raise ValueError(f"report: cannot tabulate a {type(obj).__name__}; give it to_frame() or "
                         "report_section(), or pass a DataFrame, a list of dicts or a dict of columns")
    if isinstance(frame, pd.Series):
        frame = frame.reset_index()
    sec.tables.append(Table(name, frame))
    if hasattr(obj, "figures") and callable(obj.figures):
        for caption, f in obj.figures().items():
            sec.add_figure(caption, f)
    return sec


def plant_section(result, title: str | None = None) -> Section:
    """A solved plant file (:class:`procsim.plant.PlantResult`): annual carriers, CO2e and cost,
    the worst balance residuals, each period's streams, and a Sankey of where the fuel goes
    (fired units) or of the boundary flows."""
    import pandas as pd

    from procsim import plots

    e = result.emissions
    summary = (f"{result.hours:,.0f} h/yr in {len(result.periods)} period(s); CO2e "
               f"{e.total_co2e_t:,.0f} t/yr (scope 1 {e.scope1_co2e_t:,.0f}, scope 2 {e.scope2_co2e_t:,.0f})")
    if result.cost is not None:
        summary += f"; energy cost {result.cost:,.0f} {result.currency}/yr"
    sec = Section(title or f"Plant: {result.name}", "plant", summary)
    sec.tables.append(Table("annual carriers", pd.DataFrame(
        [{"carrier": k, "amount per year": v} for k, v in result.carriers.items()])))
    sec.tables.append(Table("balances", pd.DataFrame([{
        "worst unit mass residual [kg/s]": result.max_unit_mass_residual,
        "worst unit energy residual [W]": result.max_unit_energy_residual,
        "worst relative residual [-]": result.max_unit_relative}])))
    for p in result.periods:
        names = {"from": "from", "to": "to", "material": "material", "T": "T [K]", "p": "p [Pa]",
                 "mass_flow": "mass_flow [kg/s]", "energy_flow": "energy_flow [W]"}
        df = p.solution.streams
        frame = df[[c for c in names if c in df.columns]].rename(columns=names).reset_index()
        if len(frame):
            sec.tables.append(Table(f"streams, {p.name} ({p.hours:,.0f} h)", frame))
        try:
            sec.add_figure(f"Energy flows, {p.name}", plots.energy_sankey(p.solution))
        except ValueError:
            # a site model with no boundary streams and no fired unit in the flowsheet: its
            # fuel and power are the carriers table above
            pass
    if result.cost_note:
        sec.notes.append(result.cost_note)
    return sec


def options_section(report, title: str | None = None) -> Section:
    """Retrofit options evaluated through a plant model (``procsim.plant.evaluate_options``):
    each option alone and the requested combinations, ranked, with the MAC curve."""
    import pandas as pd

    from procsim import plots

    from procsim.report.render import format_number

    rows = report.table()
    cur = rows[0]["currency"] if rows else ""
    frame = pd.DataFrame([{"option": r["option"], "members": ", ".join(r["members"]),
                           "energy saved [kWh/yr]": r["energy_saved_kwh"], "CO2e saved [t/yr]": r["co2e_saved_t"],
                           f"cost saved [{cur}/yr]": r["cost_saved"], f"investment [{cur}]": r["investment"],
                           "payback [yr]": r["payback_years"], f"NPV [{cur}]": r["npv"],
                           f"abatement cost [{cur}/t CO2e]": r["cost_per_t_co2e"]} for r in rows])
    sec = Section(title or f"Options on {report.baseline.name}", "plant",
                  f"{len(rows)} options and combinations against the baseline, solved through the plant model")
    sec.tables.append(Table("options", frame))
    if report.comparison.macc_data():
        sec.add_figure("Marginal abatement cost curve (single options)", plots.mac_curve(report.comparison))
    for name, diff in (report.interactions or {}).items():
        if diff:
            sec.notes.append(f"{name}: combined minus the sum of its members: "
                             + ", ".join(f"{k} {format_number(v)}" for k, v in diff.items()))
    return sec


def section_for(obj, title: str | None = None) -> Section:
    """The section for any result: a Section as is, ``obj.report_section()``, a CaseResult,
    a ``(claim dict, findings)`` pair, or :func:`result_section`."""
    from procsim.casebook import CaseResult

    if isinstance(obj, Section):
        return obj
    if hasattr(obj, "report_section"):
        return obj.report_section()
    if isinstance(obj, CaseResult):
        return case_section(obj)
    if hasattr(obj, "periods") and hasattr(obj, "carriers") and hasattr(obj, "emissions"):
        return plant_section(obj, title)
    if hasattr(obj, "baseline") and hasattr(obj, "comparison") and hasattr(obj, "interactions"):
        return options_section(obj, title)
    if isinstance(obj, tuple) and len(obj) == 2 and isinstance(obj[0], dict) and isinstance(obj[1], list):
        return claim_section(obj[0], obj[1], title or "")
    return result_section(obj, title)
