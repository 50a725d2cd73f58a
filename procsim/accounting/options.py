"""Several retrofit options on one baseline: ranking, marginal abatement cost curve (MACC).

Each :class:`Option` carries its own retrofit figures. A *combined* option (``members``
naming other options) must also carry its own retrofit figures, computed by a model of
the combined plant: savings of interacting measures are not additive (a VFD that cuts
compressor power also shrinks what a leak repair saves), so procsim refuses to add them
up. When a combined option's savings equal the plain sum of its members' savings, the
result carries a note asking whether they were added up.

The MACC uses single options only (a combined option would double-count its members):
bar width = t CO2e avoided per year, height = cost per t CO2e (annualised capital plus
O&M minus energy-cost savings, divided by the CO2e avoided); negative heights pay for
themselves.

Examples
--------
>>> base = {"electricity_kwh": 1.0e6}
>>> opts = [Option("leaks", {"electricity_kwh": 9.0e5}, investment=2.0e5),
...         Option("vfd", {"electricity_kwh": 8.5e5}, investment=9.0e5)]
>>> res = compare_options(base, opts, year=2023)
>>> [row.name for row in res.ranked("payback")]
['leaks', 'vfd']
"""
from __future__ import annotations

from dataclasses import dataclass

from procsim.accounting.compare import Comparison, annual_carriers, compare
from procsim.validation import as_float, check_choice

__all__ = ["Option", "OptionResult", "OptionsResult", "compare_options", "emission_intensity",
           "RANKINGS"]

#: ranking name -> (Comparison attribute, True when larger is better)
RANKINGS = {
    "npv": ("npv", True),
    "payback": ("payback_years", False),
    "cost_of_saved_energy": ("cost_of_saved_energy_per_kwh", False),
    "cost_per_t_co2e": ("cost_per_t_co2e", False),
}


@dataclass(frozen=True)
class Option:
    """One retrofit option: name, retrofit figures (dict or ``annual_energy()`` object), money.

    ``members``: names of the options a combined option contains (empty for a single one).
    """

    name: str
    retrofit: object
    investment: float = 0.0
    subsidy: float = 0.0
    om_cost: float = 0.0
    members: tuple = ()

    def __post_init__(self):
        if self.retrofit is None:
            what = " combined" if self.members else ""
            raise ValueError(f"option {self.name!r}: retrofit figures are required for every"
                             f"{what} option; combined savings must come from a model of the "
                             "combined retrofit, procsim does not add up savings of measures")


@dataclass(frozen=True)
class OptionResult:
    name: str
    members: tuple
    comparison: Comparison


@dataclass(frozen=True)
class OptionsResult:
    """Every option compared with the same baseline."""

    options: tuple   # of OptionResult
    notes: tuple = ()

    def ranked(self, by: str = "npv") -> list[OptionResult]:
        """Options ordered best first by ``by`` (see :data:`RANKINGS`); options where the
        figure does not exist (None: no saving) go last, in input order."""
        attr, larger_better = check_choice("by", by, RANKINGS)
        have = [o for o in self.options if getattr(o.comparison, attr) is not None]
        lack = [o for o in self.options if getattr(o.comparison, attr) is None]
        have.sort(key=lambda o: getattr(o.comparison, attr), reverse=larger_better)
        return have + lack

    def table(self) -> list[dict]:
        """One dict per option: name, members, savings, CO2e, money and indicators."""
        rows = []
        for o in self.options:
            c = o.comparison
            rows.append({"option": o.name, "members": list(o.members),
                         "energy_saved_kwh": c.energy_saved["kWh"],
                         "energy_saved_toe": c.energy_saved["toe"],
                         "co2e_saved_t": c.co2e_saved_t["total"], "cost_saved": c.cost_saved,
                         "investment": c.investment, "subsidy": c.subsidy,
                         "payback_years": c.payback_years, "npv": c.npv, "irr": c.irr,
                         "cost_of_saved_energy_per_kwh": c.cost_of_saved_energy_per_kwh,
                         "cost_per_t_co2e": c.cost_per_t_co2e, "currency": c.currency})
        return rows

    def to_frame(self):
        """:meth:`table` as a DataFrame (one row per option; units in the column names, money in
        the options' currency)."""
        import pandas as pd

        return pd.DataFrame(self.table())

    def macc_data(self) -> list[dict]:
        """MACC bars (single options that avoid CO2e), cheapest first: option, abatement_t,
        cost_per_t_co2e, x_start (cumulative t CO2e/yr before this bar)."""
        bars = [o for o in self.options if not o.members and o.comparison.cost_per_t_co2e is not None]
        bars.sort(key=lambda o: o.comparison.cost_per_t_co2e)
        out, x = [], 0.0
        for o in bars:
            t = o.comparison.co2e_saved_t["total"]
            out.append({"option": o.name, "abatement_t": t,
                        "cost_per_t_co2e": o.comparison.cost_per_t_co2e, "x_start": x,
                        "currency": o.comparison.currency})
            x += t
        return out

    def macc_figure(self, ax=None):
        """Matplotlib MACC; returns the Figure (the caller chooses the backend)."""
        import matplotlib.pyplot as plt

        data = self.macc_data()
        if ax is None:
            fig, ax = plt.subplots(figsize=(7, 4))
        else:
            fig = ax.figure
        for bar in data:
            colour = "tab:green" if bar["cost_per_t_co2e"] < 0 else "tab:red"
            ax.bar(bar["x_start"], bar["cost_per_t_co2e"], width=bar["abatement_t"],
                   align="edge", color=colour, edgecolor="black")
            ax.annotate(bar["option"], (bar["x_start"] + bar["abatement_t"] / 2,
                                        bar["cost_per_t_co2e"]), ha="center",
                        va="bottom" if bar["cost_per_t_co2e"] >= 0 else "top", fontsize=8)
        currency = data[0]["currency"] if data else ""
        ax.axhline(0.0, color="black", linewidth=0.8)
        ax.set_xlabel("CO2e avoided [t/yr]")
        ax.set_ylabel(f"Cost of abatement [{currency}/t CO2e]")
        ax.set_title("Marginal abatement cost curve")
        return fig


def compare_options(baseline, options, **compare_kwargs) -> OptionsResult:
    """Compare every :class:`Option` with ``baseline``; keyword arguments go to ``compare``."""
    options = list(options)
    names = [o.name for o in options]
    if len(set(names)) != len(names):
        raise ValueError(f"option names must be unique; got {names}")
    by_name = {o.name: o for o in options}
    base = annual_carriers("baseline", baseline, bool(compare_kwargs.get("electricity_export", False)))
    results, notes = [], []
    for o in options:
        unknown = [m for m in o.members if m not in by_name]
        if unknown:
            raise ValueError(f"combined option {o.name!r} names members {unknown} that are not "
                             f"among the options {names}")
        c = compare(base, o.retrofit, investment=o.investment, subsidy=o.subsidy,
                    om_cost=o.om_cost, **compare_kwargs)
        results.append(OptionResult(o.name, tuple(o.members), c))
    done = {r.name: r for r in results}
    for r in results:
        if len(r.members) >= 2:
            summed = {}
            for m in r.members:
                for k, v in done[m].comparison.savings.items():
                    summed[k] = summed.get(k, 0.0) + v
            own = {k: v for k, v in r.comparison.savings.items() if v != 0.0}
            if own and all(abs(own.get(k, 0.0) - summed.get(k, 0.0)) <= 1e-9 * max(1.0, abs(v))
                           for k, v in summed.items()):
                notes.append(f"combined option {r.name!r}: its savings equal the sum of its "
                             f"members' savings exactly; interacting measures rarely add up: "
                             "check that they come from a model of the combined retrofit")
    return OptionsResult(tuple(results), tuple(notes))


def emission_intensity(emissions_t: float, product_t: float) -> float:
    """Emission intensity [t CO2e per t product] = annual emissions / annual product."""
    e = as_float("emissions_t", emissions_t, "t CO2e/yr")
    p = as_float("product_t", product_t, "t/yr")
    if not p > 0:
        raise ValueError(f"product_t must be > 0 t/yr; got {p} t/yr")
    if e < 0:
        raise ValueError(f"emissions_t must be >= 0 t CO2e/yr; got {e} t CO2e/yr")
    return e / p
