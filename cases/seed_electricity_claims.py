"""Electricity-saving seed cases recomputed from their own figures and Taiwan's factors.

Seeds 6, 7, 9, 10, 11, 13 (leaks and VFD/EMS), 14 and 15 give electricity savings with no
equipment data to model. For each, procsim recomputes what the claim's own figures imply
with sourced factors, and sets it beside what the source claims:

* electricity saved = baseline - retrofit, where both are given;
* energy saving rate = saved / baseline, where a baseline is given;
* CO2 avoided = kWh saved x the latest grid factor announced by the claim's date (its
  ``date``, else the end of its year: ``procsim.accounting.announced_grid_factor``), e.g.
  the 2023 factor 0.494 kg CO2e/kWh (announced 2024-04-26) for 2024 figures; the claim
  year's own factor, announced later (2024: 0.474 on 2025-04-14), is named beside it;
* money saved = kWh saved x the packaged Taiwan industrial tariff of the claim year;
* payback = (investment - subsidy) / the claim's own money saving (or the tariff value
  when the claim gives none).

Figures the claim file does not support are not produced. The claim files are in
``cases/claims/``; ``procsim check-claim`` gives the reasons behind each difference.
"""
from __future__ import annotations

from importlib import resources

from procsim.accounting import announced_grid_factor, compare, grid_factor, load_claim
from procsim.casebook import CaseResult, Figure

CASE_ID = "seed_electricity_claims"
TITLE = "Electricity-saving seed cases (6, 7, 9, 10, 11, 13, 14, 15) recomputed from their figures"

CLAIMS = (
    "seed06_induction_to_laser_hardening",
    "seed07_textile_dyeing_machines",
    "seed09_food_plant_efficiency",
    "seed10_injection_moulding_servo",
    "seed11_electronics_power_quality",
    "seed13a_semiconductor_air_leaks",
    "seed13b_semiconductor_vfd_ems",
    "seed14_chemical_supply_chain",
    "seed15_machinery_team",
)


def _claim(name: str) -> dict:
    path = resources.files("cases").joinpath("claims", f"{name}.toml")
    return load_claim(path)


def _figures(name: str, claim: dict) -> list[Figure]:
    tag = name.split("_")[0]
    base = claim.get("baseline", {})
    retro = claim.get("retrofit", {})
    sav = claim.get("savings", {})
    out = []
    if "electricity_kwh" in base and "electricity_kwh" in retro:
        saved = base["electricity_kwh"] - retro["electricity_kwh"]
        out.append(Figure(CASE_ID, f"{tag}.electricity_saved", sav.get("electricity_kwh"), saved,
                          "kWh/yr", "baseline - retrofit"))
    else:
        saved = sav["electricity_kwh"]
    year = int(claim["year"])
    cmp = compare({"electricity_kwh": saved}, {"electricity_kwh": 0.0}, region=claim["region"],
                  year=year, investment=claim.get("investment", 0.0), subsidy=claim.get("subsidy", 0.0))
    if "electricity_kwh" in base:
        out.append(Figure(CASE_ID, f"{tag}.energy_saving_rate",
                          None if "energy_fraction" not in sav else 100 * sav["energy_fraction"],
                          100 * saved / base["electricity_kwh"], "%", "saved / baseline electricity"))
    used = announced_grid_factor(claim["region"], claim.get("date", year))
    basis = f"{used.year} grid factor {float(used):.3f}, the latest announced by the claim's date"
    try:
        own = grid_factor(claim["region"], year)
        if own.year != used.year:
            basis += (f" ({year}'s own {float(own):.3f}, announced later, gives "
                      f"{saved * float(own) / 1000.0:,.1f} t)")
    except ValueError:
        pass
    out.append(Figure(CASE_ID, f"{tag}.co2_avoided", sav.get("co2_t"), saved * float(used) / 1000.0,
                      "t CO2e/yr", basis))
    out.append(Figure(CASE_ID, f"{tag}.cost_saved", sav.get("cost"), cmp.cost_saved, "NT$/yr",
                      f"{year} industrial tariff"))
    if claim.get("investment"):
        money = sav.get("cost", cmp.cost_saved)
        net = claim["investment"] - claim.get("subsidy", 0.0)
        out.append(Figure(CASE_ID, f"{tag}.payback", claim.get("payback_years"), net / money, "yr",
                          "(investment - subsidy) / " + ("claimed money saving" if "cost" in sav
                                                        else "tariff value of the kWh saved")))
    return out


def run() -> CaseResult:
    figures = []
    for name in CLAIMS:
        figures += _figures(name, _claim(name))
    factor_note = ("Grid factors: the latest Taiwan Energy Administration value announced by "
                   "each claim's date (2024 figures: 2023's 0.494, announced 2024-04-26; 2024's "
                   "0.474 came out 2025-04-14), see procsim/data/grid_factors.csv and "
                   "grid_factor_announcements.csv; tariffs: "
                   "procsim/data/energy_prices.csv (Taipower industrial averages, with dates).")
    return CaseResult(CASE_ID, TITLE, tuple(figures), (factor_note,))
