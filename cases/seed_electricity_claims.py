"""Electricity-saving seed cases recomputed from their own figures and Taiwan's factors.

Seeds 6, 7, 9, 10, 11, 13 (leaks and VFD/EMS), 14 and 15 give electricity savings with no
equipment data to model. For each, procsim recomputes what the claim's own figures imply
with sourced factors, and sets it beside what the source claims:

* electricity saved = baseline - retrofit, where both are given;
* energy saving rate = saved / baseline, where a baseline is given;
* CO2 avoided = kWh saved x the grid factor announced for the claim year
  (``procsim.accounting.grid_factor(basis="actual")``, e.g. 0.474 kg CO2e/kWh for 2024);
* money saved = kWh saved x the packaged Taiwan industrial tariff of the claim year;
* payback = (investment - subsidy) / the claim's own money saving (or the tariff value
  when the claim gives none).

Figures the claim file does not support are not produced. The claim files are in
``cases/claims/``; ``procsim check-claim`` gives the reasons behind each difference.
"""
from __future__ import annotations

from importlib import resources

from procsim.accounting import compare, load_claim
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
    out.append(Figure(CASE_ID, f"{tag}.co2_avoided", sav.get("co2_t"), cmp.co2e_saved_t["total"],
                      "t CO2e/yr", f"announced {year} grid factor"))
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
    factor_note = ("Grid factors: Taiwan Energy Administration announced values (2023 0.494, "
                   "2024 0.474 kg CO2e/kWh), see procsim/data/grid_factors.csv; tariffs: "
                   "procsim/data/energy_prices.csv (Taipower industrial averages, with dates).")
    return CaseResult(CASE_ID, TITLE, tuple(figures), (factor_note,))
