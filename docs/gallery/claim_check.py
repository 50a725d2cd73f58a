"""Checking a claim: do the figures of a retrofit application hold together?

The claim below says a leak repair saved 1.75 M kWh and NT$1.75 M a year with a 2-year
payback. The checker recomputes what it can from the claim's own figures (the year's grid
factor and tariff, energy and money arithmetic) and says, with reasons, what does not add up.
"""
from __future__ import annotations

CLAIM = {"name": "Compressed-air leak repair", "region": "TW", "year": 2023, "currency": "TWD",
         "baseline": {"electricity_kwh": 9.0e6}, "retrofit": {"electricity_kwh": 7.25e6},
         "savings": {"electricity_kwh": 1.75e6, "co2_t": 866, "cost": 1.75e6},
         "investment": 3.5e6, "payback_years": 2.0}


def main(out_dir=None) -> dict:
    from procsim.accounting import check_claim
    from procsim.accounting.claims import verdict

    findings = check_claim(CLAIM)
    return {"verdict": verdict(findings),
            "findings": [(f.severity, f.field, f.message) for f in findings]}


if __name__ == "__main__":
    out = main()
    print(out["verdict"])
    for sev, field, msg in out["findings"]:
        print(f"{sev:8s} {field:24s} {msg}")
