"""Baseline versus retrofit: savings by carrier, in energy units, CO2e by scope, money.

Inputs are annual per-carrier figures, either plain dicts ``{carrier: amount per year}``
(carriers as in :data:`procsim.accounting.units.CARRIERS`, e.g. ``electricity_kwh``,
``natural_gas_nm3``, ``steam_t``) or any object with an ``annual_energy()`` method that
returns such a dict (the :class:`AnnualEnergy` protocol). A flowsheet result plugs in by
offering ``annual_energy()``: for instance power [W] times operating hours / 3.6e6 as
``electricity_kwh``, fuel [W, on the carrier's heating value] times hours / (GJ per Nm3 *
1e9) as ``natural_gas_nm3``.

Energy totals add electricity at 860 kcal/kWh (Taiwan energy-statistics convention) to
the heat content of the other carriers; the totals are reported in kWh, GJ, toe and kLOE.

Examples
--------
>>> c = compare({"electricity_kwh": 1.0e6}, {"electricity_kwh": 8.0e5}, year=2023,
...             investment=4.0e5)
>>> round(c.co2e_saved_t["total"], 1), round(c.payback_years, 3)
(98.8, 0.642)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Protocol, runtime_checkable

from procsim.accounting.economics import (PaybackError, capital_recovery_factor, irr, npv,
                                          retrofit_cash_flows, simple_payback)
from procsim.accounting.emissions import Emissions, SteamSupply, emissions
from procsim.accounting.factors import FactorTable, carbon_fee_rate as _fee_rate, energy_price
from procsim.accounting.units import carrier_energy, check_carrier, convert
from procsim.validation import as_float, check_nonnegative, check_range

__all__ = ["AnnualEnergy", "Comparison", "compare", "annual_carriers", "total_energy"]


@runtime_checkable
class AnnualEnergy(Protocol):
    """Anything that reports its annual use per carrier: ``annual_energy() -> {carrier: amount}``."""

    def annual_energy(self) -> Mapping[str, float]: ...


def annual_carriers(name: str, case, electricity_export: bool = False) -> dict[str, float]:
    """Validated ``{carrier: amount >= 0}`` from a dict or an :class:`AnnualEnergy` object
    (``electricity_export``: ``electricity_kwh`` may be negative, a net export)."""
    data = case.annual_energy() if isinstance(case, AnnualEnergy) else case
    if not isinstance(data, Mapping):
        raise ValueError(f"{name} must be a dict {{carrier: annual amount}} or have an "
                         f"annual_energy() method; got {type(case).__name__}")
    out = {}
    for carrier, amount in data.items():
        check_carrier(carrier)
        if electricity_export and carrier == "electricity_kwh":
            out[carrier] = as_float(f"{name}[{carrier!r}]", amount, "kWh/yr")
            continue
        out[carrier] = float(check_nonnegative(f"{name}[{carrier!r}]", amount, "per year"))
    return out


def total_energy(carriers: Mapping[str, float], unit: str = "GJ") -> float:
    """Sum of energy content [unit]; electricity at 860 kcal/kWh (Taiwan convention)."""
    return sum(carrier_energy(c, a, unit) for c, a in carriers.items())


@dataclass(frozen=True)
class Comparison:
    """Baseline vs retrofit for one year of operation (all figures per year unless noted)."""

    savings: dict                 # {carrier: baseline - retrofit} in the carrier's unit
    energy_saved: dict            # {"kWh": , "GJ": , "toe": , "kLOE": }
    energy_fraction: float | None  # saved / baseline total energy; None without baseline energy
    baseline_emissions: Emissions
    retrofit_emissions: Emissions
    co2e_saved_t: dict            # {"scope1": , "scope2": , "total": , "biogenic_co2": ,
                                  # "export_credit": } t/yr; biogenic CO2 saved is outside "total"
                                  # (GHG Protocol); a larger export credit is in "total"
    cost_saved: float             # energy cost saving [currency/yr]
    carbon_fee_avoided: float     # [currency/yr]
    currency: str
    investment: float
    subsidy: float
    om_cost: float
    payback_years: float | None
    npv: float | None
    irr: float | None
    cost_of_saved_energy_per_kwh: float | None   # currency per kWh (860 kcal convention)
    cost_per_t_co2e: float | None                # (annualised cost - savings) / t CO2e
    lifetime: int
    discount_rate: float
    notes: tuple = ()
    factors: tuple = field(default=())           # dicts: name, value, unit, basis, year, source
    baseline: dict = field(default_factory=dict)  # {carrier: amount/yr} as compared
    retrofit: dict = field(default_factory=dict)
    region: str = "TW"
    year: int = 2024

    @property
    def annual_net_benefit(self) -> float:
        return self.cost_saved + self.carbon_fee_avoided - self.om_cost

    def as_claim(self, name: str = "") -> dict:
        """The comparison written as a claim (see ``procsim.accounting.claim_schema``).

        ``savings.cost`` is the annual net benefit (energy cost saved + carbon fee avoided -
        O&M), so that payback = (investment - subsidy) / cost holds as the checker reads it.
        """
        base_co2 = self.baseline_emissions.total_co2e_t
        claim = {"name": name, "region": self.region, "year": self.year, "currency": self.currency,
                 "baseline": dict(self.baseline, co2_t=base_co2),
                 "retrofit": dict(self.retrofit, co2_t=self.retrofit_emissions.total_co2e_t),
                 "savings": dict(self.savings, co2_t=self.co2e_saved_t["total"],
                                 cost=self.annual_net_benefit),
                 "investment": self.investment, "subsidy": self.subsidy}
        if self.energy_fraction is not None:
            claim["savings"]["energy_fraction"] = self.energy_fraction
        if base_co2 > 0:
            claim["savings"]["co2_fraction"] = self.co2e_saved_t["total"] / base_co2
        if self.payback_years is not None:
            claim["payback_years"] = self.payback_years
        return claim


def _prices(carriers, prices, region, year, currency):
    table, used, missing = {}, [], []
    for c in carriers:
        if prices and c in prices:
            table[c] = float(check_nonnegative(f"prices[{c!r}]", prices[c], f"{currency}/unit"))
        elif c == "electricity_kwh" and region == "TW" and currency == "TWD":
            p = energy_price(c, "TW", year)
            table[c] = float(p)
            used.append(p)
        else:
            missing.append(c)
    if missing:
        raise ValueError(f"no price for {', '.join(missing)}: pass prices={{carrier: "
                         f"{currency} per unit}} (only Taiwan electricity has a packaged price)")
    return table, used


def compare(baseline, retrofit, *, region: str = "TW", year: int = 2024, prices=None,
            currency: str | None = None, grid_basis: str = "actual", gwp_set: str = "AR5",
            sector: str = "manufacturing", steam_supply: SteamSupply | None = None,
            grid_table: FactorTable | None = None, investment: float = 0.0,
            subsidy: float = 0.0, om_cost: float = 0.0, lifetime: int = 10,
            discount_rate: float = 0.05, carbon_fee: str | float | None = None,
            process_co2e_t: tuple[float, float] = (0.0, 0.0), electricity_export: bool = False) -> Comparison:
    """Compare a baseline with a retrofit (annual figures per carrier).

    Parameters
    ----------
    baseline, retrofit : dict {carrier: amount/yr} or objects with ``annual_energy()``.
    region, year, grid_basis, grid_table, gwp_set, sector, steam_supply : emission factors
        (see :func:`procsim.accounting.emissions.emissions`).
    prices : {carrier: price per carrier unit}; Taiwan electricity defaults to the packaged
        price in force on 1 July of ``year`` when the currency is TWD.
    currency : default "TWD" for region TW; required otherwise.
    investment, subsidy, om_cost : capital [currency], grant [currency], added O&M [currency/yr].
    lifetime [yr], discount_rate [1/yr] : for NPV, IRR and annualised costs.
    carbon_fee : None (no fee), "general", "preferential_a", "preferential_b" or a rate in
        currency/t CO2e: the fee avoided is the CO2e saving times the rate (the plant is
        assumed to stay above the 25,000 t threshold).
    process_co2e_t : (baseline, retrofit) process emissions [t CO2e/yr].
    electricity_export : a negative ``electricity_kwh`` is a net export to the grid (a plant
        that generates more than it uses): its emissions credit is outside scope 2 and in the
        totals (:func:`~procsim.accounting.emissions.emissions`), and it is valued at the
        electricity price (judgement: net metering; give ``prices`` for another value).

    Payback, IRR and cost of saved energy are None, with the reason in ``notes``, when
    they do not exist (no saving, a saving that loses money); never inf or NaN.
    """
    base = annual_carriers("baseline", baseline, electricity_export)
    retro = annual_carriers("retrofit", retrofit, electricity_export)
    if currency is None:
        if region != "TW":
            raise ValueError(f"currency must be given for region {region!r} (default TWD is for TW)")
        currency = "TWD"
    inv = float(check_nonnegative("investment", investment, currency))
    sub = float(check_range("subsidy", subsidy, 0.0, inv, currency))
    om = as_float("om_cost", om_cost, f"{currency}/yr")
    r = float(check_range("discount_rate", discount_rate, -1.0, None, "1/yr", low_inclusive=False))
    kw = dict(region=region, year=year, grid_basis=grid_basis, gwp_set=gwp_set, sector=sector,
              steam_supply=steam_supply, grid_table=grid_table)
    e_base = emissions(base, process_co2e_t=process_co2e_t[0], electricity_export=electricity_export, **kw)
    e_retro = emissions(retro, process_co2e_t=process_co2e_t[1], electricity_export=electricity_export, **kw)
    carriers = sorted(set(base) | set(retro))
    savings = {c: base.get(c, 0.0) - retro.get(c, 0.0) for c in carriers}
    changed = [c for c in carriers if savings[c] != 0.0]
    price, price_used = _prices(changed, prices, region, year, currency)
    cost_saved = sum(savings[c] * price[c] for c in changed)
    saved_gj = total_energy(savings, "GJ")
    energy_saved = {u: convert(saved_gj, "GJ", u) for u in ("kWh", "GJ", "toe", "kLOE")}
    base_gj = total_energy(base, "GJ")
    fraction = saved_gj / base_gj if base_gj > 0 else None
    co2e = {"scope1": e_base.scope1_co2e_t - e_retro.scope1_co2e_t,
            "scope2": e_base.scope2_co2e_t - e_retro.scope2_co2e_t,
            "total": e_base.total_co2e_t - e_retro.total_co2e_t,
            "biogenic_co2": e_base.biogenic_co2_t - e_retro.biogenic_co2_t,
            "export_credit": e_retro.export_credit_co2e_t - e_base.export_credit_co2e_t}
    fee_factors = []
    if carbon_fee is None:
        fee = 0.0
    elif isinstance(carbon_fee, str):
        f = _fee_rate(carbon_fee)
        fee_factors.append(f)
        fee = co2e["total"] * float(f)
    else:
        fee = co2e["total"] * as_float("carbon_fee", carbon_fee, f"{currency}/t CO2e")
    notes = []
    if e_base.biogenic_co2_t or e_retro.biogenic_co2_t:
        notes.append(f"biogenic CO2 {e_base.biogenic_co2_t:,.1f} t/yr baseline, "
                     f"{e_retro.biogenic_co2_t:,.1f} t/yr retrofit: reported separately, outside "
                     "scope 1 and the totals (GHG Protocol Corporate Standard ch. 4; IPCC 2006 "
                     "Vol. 2 Ch. 2); their CH4 and N2O are in scope 1")
    benefit = cost_saved + fee
    try:
        payback = simple_payback(inv, benefit, sub, om)
    except PaybackError as exc:
        payback = None
        notes.append(f"payback: {exc}")
    flows = retrofit_cash_flows(inv, benefit, lifetime, subsidy=sub, om_cost=om)
    value = npv(r, flows)
    try:
        rate_of_return = irr(flows)
    except ValueError as exc:
        rate_of_return = None
        notes.append(f"IRR: {exc}")
    annualised = capital_recovery_factor(r, lifetime) * (inv - sub) + om
    if energy_saved["kWh"] > 0:
        cse = annualised / energy_saved["kWh"]
    else:
        cse = None
        notes.append(f"cost of saved energy: the retrofit saves no energy "
                     f"({energy_saved['kWh']:.6g} kWh/yr)")
    if co2e["total"] > 0:
        per_t = (annualised - cost_saved) / co2e["total"]
    else:
        per_t = None
        notes.append(f"cost per t CO2e: the retrofit avoids no emissions ({co2e['total']:.6g} t/yr)")
    factors = {}
    for f in list(e_base.factors) + list(e_retro.factors) + price_used + fee_factors:
        factors[(f.name, f.basis, float(f))] = f.as_dict()
    return Comparison(savings=savings, energy_saved=energy_saved, energy_fraction=fraction,
                      baseline_emissions=e_base, retrofit_emissions=e_retro, co2e_saved_t=co2e,
                      cost_saved=cost_saved, carbon_fee_avoided=fee, currency=currency,
                      investment=inv, subsidy=sub, om_cost=om, payback_years=payback, npv=value,
                      irr=rate_of_return, cost_of_saved_energy_per_kwh=cse, cost_per_t_co2e=per_t,
                      lifetime=int(lifetime), discount_rate=r, notes=tuple(notes),
                      factors=tuple(factors.values()), baseline=base, retrofit=retro,
                      region=region, year=int(year))
