"""A plant file with retrofit options, alone and combined, and the MAC curve.

``cases/plants/steam_site.toml`` describes a boiler house and a three-header steam site;
``cases/plants/steam_site_options.toml`` lists four retrofit options as patches of that file
(economizer, condensate return, blowdown heat recovery, a back-pressure turbine beside the
letdown valve) and three combinations. Every option and combination is solved through the plant
model, so a combination's saving comes from the model, not from adding its members'.

Assumptions: the investments in the options file are round figures, for ranking only.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANT = ROOT / "cases" / "plants" / "steam_site.toml"
OPTIONS = ROOT / "cases" / "plants" / "steam_site_options.toml"


def main(out_dir=None) -> dict:
    from procsim.plant import evaluate_options
    from procsim.plots import mac_curve

    rep = evaluate_options(PLANT, OPTIONS)
    if out_dir is not None:
        mac_curve(rep.comparison).savefig(f"{out_dir}/gallery_plant_macc.png", dpi=80)
    rows = {r["option"]: r for r in rep.table()}
    return {"baseline_carriers": dict(rep.baseline.carriers), "options": rows,
            "macc": rep.comparison.macc_data(), "interactions": dict(rep.interactions)}


if __name__ == "__main__":
    out = main()
    for name, r in out["options"].items():
        print(f"{name:28s} CO2e {r['co2e_saved_t']:10,.0f} t/yr  payback {r['payback_years']:.2f} yr")
