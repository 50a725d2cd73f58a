"""Steam-system retrofits carried through the whole site to fuel, power, CO2 and money.

Each retrofit is a change to a :class:`~units.steam.description.SiteSpec`; both sites are
balanced by :class:`~units.steam.site.SiteModel`, so a measure is credited with what it
does to the boiler, the deaerator, the letdowns, the turbines and the make-up water, not
only at the point where it is made (the "effective cost of steam" of DOE Steam Tip Sheet
#15, 2012, taken through a site model as the tip sheet recommends).

Kinds (one dict, :data:`RETROFITS`):

* ``demand_reduction``: a user's demand changed (``user``; ``flow`` [kg/s], ``heat`` [W] or
  ``fraction`` of the present demand kept)
* ``condensate_recovery``: recovery raised (``recovery``; ``users``: names, default all)
* ``blowdown_heat_recovery``: blowdown flash (``flash_header``) and/or make-up preheater
  (``effectiveness``)
* ``turbine_for_letdown``: a back-pressure turbine beside a letdown valve (``inlet``, ``outlet``,
  ``flow`` or ``power``, ``isentropic_efficiency``, ``generator_efficiency``, ``name``)
* ``insulation``: a header's heat loss scaled (``header``, ``remaining_fraction``)
* ``trap_repair``: failed traps repaired (``header``: one header, default all)
* ``waste_heat_steam``: waste-heat steam injected into a header (``header``, ``flow``,
  ``temperature``, ``name``)
* ``condensate_flash``: a user's condensate flashed into a lower header before it returns
  (``user``, ``header``)
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from procsim.validation import check_fraction
from units.steam.description import InjectionSpec, SiteSpec, TurbineSpec
from units.steam.site import SiteModel, SiteResult

__all__ = ["Retrofit", "RetrofitResult", "RETROFITS", "evaluate_retrofit", "SweepResult", "sweep_retrofit",
           "SWEEP_ENGINES"]


def _demand_reduction(site: SiteSpec, user: str, flow: float | None = None, fraction: float | None = None,
                      heat: float | None = None):
    if sum(x is not None for x in (flow, fraction, heat)) != 1:
        raise ValueError("demand_reduction needs exactly one of flow [kg/s], heat [W] or fraction (of the present demand)")
    names = [u.name for u in site.users]
    if user not in names:
        raise ValueError(f"demand_reduction: no user {user!r}; users: {', '.join(names)}")
    users = []
    for u in site.users:
        if u.name == user:
            if fraction is not None:
                f = float(check_fraction("fraction", fraction))
                u = dataclasses.replace(u, flow=None if u.flow is None else u.flow * f,
                                        heat=None if u.heat is None else u.heat * f)
            elif flow is not None:
                u = dataclasses.replace(u, flow=float(flow), heat=None)
            else:
                u = dataclasses.replace(u, heat=float(heat), flow=None)
        users.append(u)
    return site.replace(users=tuple(users))


def _condensate_recovery(site: SiteSpec, recovery: float, users=None):
    r = float(check_fraction("recovery", recovery))
    chosen = set(users) if users is not None else {u.name for u in site.users}
    unknown = chosen - {u.name for u in site.users}
    if unknown:
        raise ValueError(f"condensate_recovery: unknown users {sorted(unknown)}")
    return site.replace(users=tuple(dataclasses.replace(u, condensate_recovery=r) if u.name in chosen else u
                                    for u in site.users))


def _blowdown_heat_recovery(site: SiteSpec, effectiveness: float | None = None, flash_header: str | None = None):
    if effectiveness is None and flash_header is None:
        raise ValueError("blowdown_heat_recovery needs effectiveness and/or flash_header")
    changes = {}
    if effectiveness is not None:
        changes["blowdown_heat_recovery"] = float(check_fraction("effectiveness", effectiveness))
    if flash_header is not None:
        changes["blowdown_flash_header"] = flash_header
    return site.replace(**changes)


def _turbine_for_letdown(site: SiteSpec, inlet: str, outlet: str, isentropic_efficiency: float,
                         generator_efficiency: float, flow: float | None = None, power: float | None = None,
                         name: str = "letdown_turbine"):
    if not any(ld.inlet == inlet and ld.outlet == outlet for ld in site.letdowns):
        raise ValueError(f"turbine_for_letdown: the site has no letdown from {inlet!r} to {outlet!r}")
    t = TurbineSpec(name, inlet, outlet, isentropic_efficiency, generator_efficiency, flow, power)
    return site.replace(turbines=site.turbines + (t,))


def _insulation(site: SiteSpec, header: str, remaining_fraction: float):
    f = float(check_fraction("remaining_fraction", remaining_fraction))
    site.header(header)
    return site.replace(headers=tuple(dataclasses.replace(h, heat_loss=h.heat_loss * f,
                                                                  heat_loss_fraction=h.heat_loss_fraction * f) if h.name == header else h
                                      for h in site.headers))


def _trap_repair(site: SiteSpec, header: str | None = None):
    if header is not None:
        site.header(header)
    return site.replace(traps=tuple(t for t in site.traps if header is not None and t.header != header))


def _condensate_flash(site: SiteSpec, user: str, header: str):
    site.header(header)
    if user not in {u.name for u in site.users}:
        raise ValueError(f"condensate_flash: no user {user!r}")
    return site.replace(users=tuple(dataclasses.replace(u, flash_to=header) if u.name == user else u
                                    for u in site.users))


def _waste_heat_steam(site: SiteSpec, header: str, flow: float, temperature: float | None = None,
                      name: str = "waste_heat_steam"):
    return site.replace(injections=site.injections + (InjectionSpec(name, header, float(flow), temperature),))


#: Retrofit kinds -> ``function(site, **params) -> SiteSpec``.
RETROFITS = {
    "demand_reduction": _demand_reduction,
    "condensate_recovery": _condensate_recovery,
    "blowdown_heat_recovery": _blowdown_heat_recovery,
    "turbine_for_letdown": _turbine_for_letdown,
    "insulation": _insulation,
    "trap_repair": _trap_repair,
    "waste_heat_steam": _waste_heat_steam,
    "condensate_flash": _condensate_flash,
}


@dataclass(frozen=True)
class Retrofit:
    """One measure: ``kind`` (a key of :data:`RETROFITS`) and its parameters."""

    kind: str
    params: dict = field(default_factory=dict)
    investment: float = 0.0

    def __post_init__(self):
        if self.kind not in RETROFITS:
            raise ValueError(f"kind must be one of {', '.join(repr(k) for k in RETROFITS)}; got {self.kind!r}")

    def apply(self, site: SiteSpec) -> SiteSpec:
        """The site after the measure."""
        try:
            return RETROFITS[self.kind](site, **self.params)
        except TypeError as exc:
            raise ValueError(f"retrofit {self.kind!r}: bad parameters {sorted(self.params)}: {exc}") from None


@dataclass(frozen=True)
class RetrofitResult:
    """Baseline and retrofit sites and what the measure changes (retrofit - baseline is the
    change; the ``*_saved`` fields are baseline - retrofit, per year with the site's hours).

    boiler_steam_saved [kg/s]; fuel_saved [W]; fuel_saved_per_year [J]; power_import_saved [W];
    co2_saved_per_year [kg]; cost_saved_per_year [currency]; makeup_saved [kg/s];
    payback_years (investment / cost saved; inf if nothing is saved).
    """

    retrofit: Retrofit
    baseline: SiteResult = field(repr=False)
    after: SiteResult = field(repr=False)
    boiler_steam_saved: float
    fuel_saved: float
    fuel_saved_per_year: float
    power_import_saved: float
    co2_saved_per_year: float
    cost_saved_per_year: float
    makeup_saved: float
    payback_years: float


def evaluate_retrofit(site: SiteSpec, retrofit: Retrofit, baseline: SiteResult | None = None) -> RetrofitResult:
    """Balance the site before and after ``retrofit`` and report the differences."""
    base = baseline if baseline is not None else SiteModel(site).solve()
    after = SiteModel(retrofit.apply(site)).solve()
    cost = base.total_cost_per_year - after.total_cost_per_year
    return RetrofitResult(
        retrofit=retrofit, baseline=base, after=after,
        boiler_steam_saved=base.boiler_steam - after.boiler_steam, fuel_saved=base.fuel_input - after.fuel_input,
        fuel_saved_per_year=base.fuel_energy_per_year - after.fuel_energy_per_year,
        power_import_saved=base.power_import - after.power_import,
        co2_saved_per_year=base.co2_per_year - after.co2_per_year, cost_saved_per_year=cost,
        makeup_saved=base.makeup_water - after.makeup_water,
        payback_years=(retrofit.investment / cost) if cost > 0.0 else float("inf"))


@dataclass(frozen=True)
class SweepResult:
    """A retrofit variable swept over ``values``: per point boiler_steam [kg/s], fuel_input [W],
    power_import [W], makeup_water [kg/s], co2_per_year [kg], total_cost_per_year [currency]."""

    kind: str
    parameter: str
    values: np.ndarray
    boiler_steam: np.ndarray
    fuel_input: np.ndarray
    power_import: np.ndarray
    makeup_water: np.ndarray
    co2_per_year: np.ndarray
    total_cost_per_year: np.ndarray


#: Sweep engines: "batch" (numba loop, :mod:`units.steam.batch`), "python" (load control per
#: point), "auto" (batch where the site and the retrofit kind allow it, else python).
SWEEP_ENGINES = ("auto", "batch", "python")
_BATCH_KINDS = ("demand_reduction", "condensate_recovery")


def _batch_columns(site: SiteSpec, kind: str, parameter: str, vals: np.ndarray, fixed: dict):
    """Per-point user demands and condensate recoveries for the batch engine, (K, n_users) each.

    A demand is in the unit each user is given in the site (flow [kg/s] or heat [W]). The
    columns are what :meth:`Retrofit.apply` sets for each value (the same arithmetic), without
    building and validating a site per point, which took 12x the balance itself. The retrofit's
    arguments are checked by applying it at the first value (its own messages); the varying
    values by the same range checks. A demand reduction that gives a user its demand in the
    other unit (a flow for a user given by heat) does not fit the batch path (ValueError).
    """
    Retrofit(kind, {parameter: float(vals[0]), **fixed}).apply(site)
    users = site.users
    demand = np.tile([u.flow if u.flow is not None else u.heat for u in users], (vals.size, 1))
    rec = np.tile([float(u.condensate_recovery) for u in users], (vals.size, 1))
    if kind == "condensate_recovery":
        r = np.asarray(check_fraction("recovery", vals), dtype=float)
        chosen = set(fixed["users"]) if fixed.get("users") is not None else {u.name for u in users}
        for j, u in enumerate(users):
            if u.name in chosen:
                rec[:, j] = r
        return demand, rec
    j = [u.name for u in users].index(fixed["user"])
    u = users[j]
    if parameter == "fraction":
        demand[:, j] = demand[0, j] * np.asarray(check_fraction("fraction", vals), dtype=float)
    elif (parameter == "flow") == (u.flow is not None):
        demand[:, j] = vals
    else:
        given = "flow" if u.flow is not None else "heat"
        raise ValueError(f"site {site.name!r} does not fit the batch path: demand_reduction by {parameter} "
                         f"gives user {u.name!r}, given by {given}, a demand in the other unit")
    return demand, rec


def sweep_retrofit(site: SiteSpec, kind: str, parameter: str, values, engine: str = "auto", **fixed) -> SweepResult:
    """Balance the site with ``Retrofit(kind, {parameter: v, **fixed})`` for every ``v``.

    ``engine="python"``: each point is settled by the site's load control on estimated states
    (:meth:`SiteModel.settle`, warm-started from the previous point) and its figures taken from
    :meth:`SiteModel.figures`, the balances the flowsheet would close, with no flowsheet pass per
    point. ``engine="batch"``: the users' flows and recoveries of every point go to the numba
    loop :func:`units.steam.batch.site_balance_batch` (kinds ``demand_reduction`` and
    ``condensate_recovery`` on chain sites). ``"auto"`` picks batch when it applies. The tests
    and ``benchmarks/bench_steam.py`` check both against :meth:`SiteModel.solve` point by point.
    """
    if engine not in SWEEP_ENGINES:
        raise ValueError(f"engine must be one of {', '.join(repr(e) for e in SWEEP_ENGINES)}; got {engine!r}")
    vals = np.asarray(values, dtype=float).ravel()
    if engine in ("auto", "batch"):
        from units.steam.batch import batch_site, run_batch

        try:
            if kind not in _BATCH_KINDS:
                raise ValueError(f"the batch engine sweeps {', '.join(_BATCH_KINDS)}; got {kind!r}")
            bsite = batch_site(SiteModel(site))
        except ValueError:
            if engine == "batch":
                raise
        else:
            try:
                flows, rec = _batch_columns(site, kind, parameter, vals, fixed)
            except ValueError:
                if engine == "batch":
                    raise
            else:
                b = run_batch(bsite, flows, rec)
                return SweepResult(kind, parameter, vals, b.boiler_steam, b.fuel_input, b.power_import,
                                   b.makeup_water, b.co2_per_year, b.total_cost_per_year)
    out = {k: np.empty(vals.size) for k in ("boiler_steam", "fuel_input", "power_import", "makeup_water",
                                            "co2_per_year", "total_cost_per_year")}
    states = None
    for i, v in enumerate(vals):
        model = SiteModel(Retrofit(kind, {parameter: float(v), **fixed}).apply(site))
        c, states = model.settle(states)
        fig = model.figures(c, states)
        for k in out:
            out[k][i] = fig[k]
    return SweepResult(kind, parameter, vals, **out)
