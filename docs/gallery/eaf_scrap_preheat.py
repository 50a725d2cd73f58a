"""EAF heat balance and scrap preheating with the off-gas.

A 120 t scrap heat (``units.eaf.typical_heat``) is balanced with electricity as the closing
term. The off-gas, post-combusted in the duct, then preheats the scrap in a shaft; the heat is
balanced again with the hot scrap, and the electricity saved per tonne is the difference.

Assumptions: the typical heat's operating inputs are representative, not plant data; the
shaft takes the off-gas down to 500 °C (assumption) and passes 40 % of that heat to the scrap.
"""
from __future__ import annotations


def main(out_dir=None) -> dict:
    from units.eaf import ScrapPreheater, material, typical_heat
    from units.eaf.furnace import J_PER_KWH

    eaf, charge, gases = typical_heat()
    hb = eaf.balance(charge, **gases)
    steel_t = hb.steel_mass / 1000.0
    scrap = charge["scrap_hms"] + charge["scrap_shredded"]
    pre = ScrapPreheater(scrap, "scrap_hms", heat_share=0.4, tap_to_tap_time=eaf.tap_to_tap_time, name="shaft")
    pr = pre.solve({"off_gas": hb.off_gas_stream()}).result
    t = pr.scrap_outlet_temperature
    hot = {(material(k).with_temperature(t) if k in ("scrap_hms", "scrap_shredded") else k): v
           for k, v in charge.items()}
    hb_hot = eaf.balance(hot, **gases)
    return {"kwh_per_t": hb.electricity_kwh_per_tonne, "kwh_per_t_preheated": hb_hot.electricity_kwh_per_tonne,
            "kwh_per_t_saved": (hb.electricity - hb_hot.electricity) / J_PER_KWH / steel_t,
            "scrap_temperature_K": t, "heat_to_scrap_J": pr.heat_to_scrap, "scrap_kg": scrap,
            "balance_closure": hb.energy_residual / hb.electricity if hasattr(hb, "energy_residual") else 0.0}


if __name__ == "__main__":
    for k, v in main().items():
        print(f"{k:22s} {v:,.4g}")
