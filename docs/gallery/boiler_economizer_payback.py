"""Boiler economizer retrofit with payback.

A 5 MW natural-gas fire-tube boiler (10 bar(g) saturated steam, 105 °C feedwater) runs with a
200 °C stack. An economizer would cool the flue gas to 130 °C. The boiler model finds the fuel
each case needs from its heat-loss method; accounting turns the fuel saved into CO2 and money.

Assumptions (labelled as such): 6,000 h/yr at this load; gas at NT$15/Nm3 (no packaged Taiwan
gas price); economizer installed cost NT$1.8 M.
"""
from __future__ import annotations

HOURS = 6000.0            # h/yr, assumption
GAS_PRICE = 15.0          # NT$/Nm3, assumption
INVESTMENT = 1.8e6        # NT$, assumption


def main(out_dir=None) -> dict:
    from dataclasses import replace

    from procsim.accounting import compare
    from procsim.accounting.units import carrier_energy
    from procsim.plots import energy_sankey
    from units.boiler import Boiler

    boiler, inlets = Boiler.example()
    before = boiler.solve(inlets).result
    eco = replace(boiler, stack_temperature=403.15)            # 130 C after the economizer
    after = eco.solve({"feedwater": inlets["feedwater"], **eco.supply(inlets["feedwater"])}).result
    gj_per_nm3 = carrier_energy("natural_gas_nm3", 1.0, "GJ")  # HHV of 1 Nm3, packaged factor
    nm3 = lambda r: r.fuel_input_hhv * HOURS * 3600.0 / 1e9 / gj_per_nm3
    cmp = compare({"natural_gas_nm3": nm3(before)}, {"natural_gas_nm3": nm3(after)}, year=2024,
                  prices={"natural_gas_nm3": GAS_PRICE}, investment=INVESTMENT)
    if out_dir is not None:
        energy_sankey(boiler.solve(inlets)).savefig(f"{out_dir}/gallery_boiler_before.png", dpi=80)
    return {"efficiency_before": before.efficiency_hhv, "efficiency_after": after.efficiency_hhv,
            "fuel_before_W": before.fuel_input_hhv, "fuel_after_W": after.fuel_input_hhv,
            "gas_saved_nm3": nm3(before) - nm3(after), "cost_saved": cmp.cost_saved,
            "co2e_saved_t": cmp.co2e_saved_t["total"], "payback_years": cmp.payback_years}


if __name__ == "__main__":
    for k, v in main().items():
        print(f"{k:20s} {v:,.4g}")
