"""ORC screening on a waste-heat stream: which fluid, at what evaporating temperature.

Hot water at 150 °C, 10 kg/s (5 bar) is the heat source; the ORC condenses at 35 °C. Every
screening fluid is optimised for net power (evaporating temperature and superheat), then the
best design is solved exactly and drawn (T-s with numbered states; T-Q of each exchanger).
"""
from __future__ import annotations


def main(out_dir=None) -> dict:
    from procsim import Stream
    from procsim.plots import orc_tq, orc_ts
    from units.orc import ORC, rank_fluids

    src = Stream("Water", 423.15, 5e5, 10.0)
    ranking = rank_fluids(src, 308.15, fluids=("R245fa", "R1233zd(E)", "Isopentane"))
    best = ranking[0]
    exact = ORC(best.fluid, best.evaporating_temperature, 308.15, superheat=best.superheat).solve(src)
    if out_dir is not None:
        orc_ts(exact).savefig(f"{out_dir}/gallery_orc_ts.png", dpi=80)
        orc_tq(exact).savefig(f"{out_dir}/gallery_orc_tq.png", dpi=80)
    return {"best_fluid": best.fluid, "net_power_W": exact.net_power,
            "evaporating_temperature_K": best.evaporating_temperature,
            "thermal_efficiency": exact.thermal_efficiency, "heat_input_W": exact.heat_input,
            "source_outlet_K": exact.heat_source_outlet_temperature,
            "ranking": [(r.fluid, r.net_power) for r in ranking]}


if __name__ == "__main__":
    print(main())
