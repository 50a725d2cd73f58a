"""Seed case 3: EAF steelmaking heat recovery (R&D results), with and without each option.

Source (seed-cases.md, case 3): off-gas heat to scrap preheating recovers about 15 % of the
heat; slag heat via a fluidised bed to scrap preheating about 17 %; heat from the tapped
metal to a steam turbine about 18 %. The source gives no furnace data and does not say what
the shares are shares of, so each option is compared both ways: recovered heat over the
furnace's total energy input, and over the heat of its own source (off-gas, slag, steel).

How the case is built (each number is in ``assumptions`` with its source or status):

* furnace: the documented typical 120 t AC scrap heat of ``procsim/data/eaf_typical_heats.toml``
  (units.eaf.typical_heat); electricity is the balancing term of the heat balance;
* off-gas to scrap (shaft/tunnel): the off-gas post-combusted in the preheater with 1.2 times
  the air its CO and H2 need (Cantera HP equilibrium), then cooled to 800 C in contact with
  the scrap (Consteel tunnel exit <= 800 C, Tenova, facts.md 4.1); the electricity saved is
  checked by re-balancing the heat with the preheated scrap;
* waste-heat boiler (evaporative-cooler replacement, iRecovery type): the post-combusted
  off-gas cooled to 200 C (Tenova: ~1700 -> 200 C), 20 bar(a) saturated steam, feedwater
  105 C; steam to a condensing turbine (units.steam.SteamTurbine), 0.1 bar(a), eta_s 0.75,
  generator 0.97 (engineering values, unverified); or an ORC (toluene 250/40 C) on the gas;
* slag: dry granulation and fluidised bed, slag cooled to 200 C, bed efficiency 0.6 to air
  (unverified), the hot air preheats scrap down to 150 C;
* tapped steel: heat given up from tap to 600 C (ladle, caster, cooling bed), 30 % captured
  (unverified) as 20 bar(a) 350 C steam to the same condensing turbine;
* 800,000 t/yr liquid steel; grid factor TW 2023 actual 0.494 kg CO2e/kWh (procsim.accounting).
"""
from __future__ import annotations

from functools import lru_cache

from procsim.accounting import grid_factor
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, ImpliedValue, UncertainInput, figure_range, range_line
from procsim.flowsheet import Flowsheet
from procsim.stream import Stream
from procsim.thermo.gas import AIR_DRY, GasMixture
from units.eaf import (EAFAccounts, OffGasPostCombustion, ScrapPreheater, SlagHeatRecovery,
                       TappedSteelHeatRecovery, WasteHeatBoiler, material, typical_heat)
from units.eaf.furnace import J_PER_KWH
from units.orc.cycle import ORC
from units.steam.turbine import SteamTurbine

CASE_ID = "seed03_eaf_heat_recovery"
TITLE = "EAF steelmaking: off-gas, slag and tapped-steel heat recovery (120 t AC EAF)"

TONNES_PER_YEAR = 800e3            # liquid steel (assumption)
PC_AIR_RATIO = 1.2                 # air / air needed for CO and H2 (assumption)
PREHEAT_GAS_EXIT = 1073.15         # 800 C, Consteel tunnel exit (Tenova; facts.md 4.1)
WHB_GAS_EXIT = 473.15              # 200 C (Tenova iRecovery: ~1700 -> 200 C)
STEAM_P = 2.0e6                    # 20 bar(a) (assumption)
FEEDWATER = Stream("Water", 378.15, 2.2e6, 1.0)
CONDENSER_P = 1.0e4                # 0.1 bar(a) (assumption)
SLAG_OUT = 473.15                  # 200 C granules leave the bed (assumption)
SLAG_BED_EFFICIENCY = 0.6          # unverified
SLAG_AIR_TO_SCRAP_EXIT = 423.15    # hot air leaves the scrap at 150 C (assumption)
STEEL_FINAL = 873.15               # 600 C leaving the cooling bed (assumption)
STEEL_CAPTURE = 0.3                # unverified
CLAIMS = {"off_gas": 15.0, "slag": 17.0, "steel": 18.0}
# Typical share of each source's own heat that recovery achieves, to judge what each reading of
# 熱能回收率 implies (all judgement, unverified):
# off-gas into scrap 25-35 % (shaft and Consteel practice as reported by their vendors; this
# case's own 800 C tunnel exit puts about 60 % into the scrap, the optimistic end);
# slag via dry granulation and a fluidised bed 30-80 % (pilot plants, wide spread);
# tapped steel to steam 10-40 % (heat from tap to about 600 C is about 60 % of it; ladle and
# caster recovery captures part of that).
TYPICAL_OWN_SHARE = {"off_gas": (0.25, 0.35, "judgement after shaft/Consteel vendor figures"),
                     "slag": (0.30, 0.80, "judgement, dry-granulation pilot plants"),
                     "steel": (0.10, 0.40, "judgement, ladle/caster heat recovery")}


SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 643,
    "電弧爐廢氣回收導入廢鋼預熱應用，熱能回收率約 15%；利用流體化床回收爐渣熱量導入廢鋼預熱應用，熱能回收率約 17%；"
    "鐵水出料熱回收導入蒸氣渦輪發電，熱能回收率約 18%。",
    "EAF off-gas recovered to preheat scrap: heat recovery rate about 15 %; slag heat recovered by a fluidised bed "
    "to preheat scrap: about 17 %; heat recovered from tapped metal for a steam turbine: about 18 % "
    "(simulation results of an R&D programme).",
    ("the simulation model's heat balance: the base of each recovery rate (source heat or furnace input)",),
    seed="3"),)


def _air_for(off_gas: Stream) -> Stream:
    """Gap air carrying PC_AIR_RATIO times the O2 the off-gas's CO and H2 need."""
    x = off_gas.material.mole_fractions
    n_gas = off_gas.mass_flow / off_gas.material.molar_mass
    o2_need = 0.5 * (x.get("CO", 0.0) + x.get("H2", 0.0)) * n_gas - x.get("O2", 0.0) * n_gas
    air = GasMixture(AIR_DRY)
    n_air = max(o2_need, 0.0) * PC_AIR_RATIO / air.mole_fractions["O2"]
    return Stream(air, 298.15, off_gas.p, n_air * air.molar_mass)


def _turbine(steam: Stream):
    t = SteamTurbine("turbine", CONDENSER_P, generator_efficiency=0.97, isentropic_efficiency=0.75,
                     allow_wet_inlet=True)
    return t.solve({"steam": steam}).result


def run() -> CaseResult:
    eaf, charge, gases = typical_heat()
    hb = eaf.balance(charge, **gases)
    t2t = eaf.tap_to_tap_time
    steel_t = hb.steel_mass / 1000.0
    gf = grid_factor("TW", 2023)
    base = EAFAccounts.from_heat(hb, TONNES_PER_YEAR, gf)
    per_t = lambda joules: joules / J_PER_KWH / steel_t  # J per heat -> kWh/t

    # --- off-gas: duct post-combustion, then scrap preheating (flowsheet)
    off_gas = hb.off_gas_stream()
    pc = OffGasPostCombustion("post_combustion")
    scrap_kg = charge["scrap_hms"] + charge["scrap_shredded"]
    gap_air = _air_for(off_gas)
    burnt = pc.solve({"off_gas": off_gas, "air": gap_air})
    fg = burnt.outlets["flue_gas"]
    share = (fg.h - fg.material.h(PREHEAT_GAS_EXIT)) / (fg.h - fg.material.h(298.15))
    pre = ScrapPreheater(scrap_kg, "scrap_hms", heat_share=share, tap_to_tap_time=t2t, name="shaft")
    fs = Flowsheet("seed03 off-gas to scrap")
    fs.add(pc)
    fs.add(pre)
    fs.connect("post_combustion.flue_gas", "shaft.off_gas")
    fs.feed("post_combustion.off_gas", off_gas)
    fs.feed("post_combustion.air", gap_air)
    sol = fs.solve()
    pr = sol.units["shaft"]
    t_scrap = pr.scrap_outlet_temperature
    hot = {(material(k).with_temperature(t_scrap) if k in ("scrap_hms", "scrap_shredded") else k): v
           for k, v in charge.items()}
    hb_pre = eaf.balance(hot, **gases)
    saved_pre = hb.electricity - hb_pre.electricity
    share_off_gas = pr.heat_to_scrap / hb.off_gas_energy

    # --- waste-heat boiler on the same post-combusted gas (alternative to preheating)
    whb = WasteHeatBoiler(STEAM_P, name="whb")
    m_fw = whb.feedwater_flow_for(fg, FEEDWATER, WHB_GAS_EXIT)
    wr = whb.solve({"flue_gas": fg, "feedwater": FEEDWATER.with_(mass_flow=m_fw)})
    tr = _turbine(wr.outlets["steam"])
    whb_power = tr.power * t2t
    steam_kg_t = wr.result.steam_flow * t2t / steel_t

    # --- or an ORC on the same gas (toluene, 250 C / 40 C, gas not below 200 C)
    orc = ORC("Toluene", 523.15, 313.15, source_minimum_outlet_temperature=WHB_GAS_EXIT).solve(fg)
    orc_power = orc.net_power * t2t
    avg_power = hb.electricity / t2t

    # --- slag: fluidised bed -> hot air -> scrap
    slag = SlagHeatRecovery.from_heat_balance(hb, slag_outlet_temperature=SLAG_OUT,
                                              bed_efficiency=SLAG_BED_EFFICIENCY)
    air = Stream(GasMixture(AIR_DRY), 298.15, 101325.0, 10.0)
    sr = slag.solve({"air": air})
    hot_air = sr.outlets["hot_air"]
    air_share = (hot_air.h - hot_air.material.h(SLAG_AIR_TO_SCRAP_EXIT)) / (hot_air.h - hot_air.material.h(298.15))
    slag_pre = ScrapPreheater(scrap_kg, "scrap_hms", heat_share=air_share, tap_to_tap_time=t2t, name="slag_air")
    spr = slag_pre.solve({"off_gas": hot_air}).result
    saved_slag = spr.heat_to_scrap
    share_slag = sr.result.recovered_heat / hb.slag_heat

    # --- tapped steel -> steam -> turbine
    tsr_unit = TappedSteelHeatRecovery.from_heat_balance(hb, STEAM_P, 623.15, final_temperature=STEEL_FINAL,
                                                         capture_efficiency=STEEL_CAPTURE)
    ts = tsr_unit.solve({"feedwater": FEEDWATER.with_(mass_flow=tsr_unit.feedwater_flow_for(FEEDWATER))})
    tt = _turbine(ts.outlets["steam"])
    steel_power = tt.power * t2t
    share_steel = ts.result.recovered_heat / hb.steel_heat

    co2 = lambda joules: joules / J_PER_KWH / steel_t * TONNES_PER_YEAR * float(gf) / 1000.0  # t/yr
    figs = (
        Figure(CASE_ID, "baseline_electricity", None, hb.electricity_kwh_per_tonne, "kWh/t",
               "balancing term of the heat balance; published 300-550, US 1999 average 425 (IIP/IETD)"),
        Figure(CASE_ID, "baseline_off_gas_share", None, 100 * hb.off_gas_share, "%",
               "sensible + chemical (CO, H2 LHV) / total input; published 20-30 % (Tenova iRecovery)"),
        Figure(CASE_ID, "off_gas_to_scrap_share_of_input", CLAIMS["off_gas"],
               100 * pr.heat_to_scrap / hb.total_input, "%",
               f"heat into scrap / total EAF energy input; scrap to {t_scrap - 273.15:.0f} C",
               reading="share of total furnace input"),
        Figure(CASE_ID, "off_gas_to_scrap_share_of_off_gas", CLAIMS["off_gas"], 100 * share_off_gas, "%",
               "heat into scrap / furnace off-gas energy (sensible + chemical)",
               reading="share of that source's own heat"),
        Figure(CASE_ID, "off_gas_preheat_electricity_saved", None, per_t(saved_pre), "kWh/t",
               f"re-balanced heat with preheated scrap: {hb_pre.electricity_kwh_per_tonne:.0f} kWh/t "
               "(Consteel 296 kWh/tls, Tenova)"),
        Figure(CASE_ID, "slag_to_scrap_share_of_input", CLAIMS["slag"],
               100 * sr.result.recovered_heat / hb.total_input, "%",
               f"heat into hot air / total input; the slag carries only {100 * hb.slag_heat / hb.total_input:.1f} %",
               reading="share of total furnace input"),
        Figure(CASE_ID, "slag_to_scrap_share_of_slag", CLAIMS["slag"], 100 * share_slag, "%",
               "heat into hot air / slag heat (to 25 C); bed efficiency 0.6 (unverified)",
               reading="share of that source's own heat"),
        Figure(CASE_ID, "slag_preheat_electricity_saved", None, per_t(saved_slag), "kWh/t",
               "hot air preheats scrap down to 150 C"),
        Figure(CASE_ID, "tapped_steel_to_steam_share_of_input", CLAIMS["steel"],
               100 * ts.result.recovered_heat / hb.total_input, "%", "steam heat / total input",
               reading="share of total furnace input"),
        Figure(CASE_ID, "tapped_steel_to_steam_share_of_steel", CLAIMS["steel"], 100 * share_steel, "%",
               "steam heat / steel heat (tap to 25 C); 30 % capture from tap to 600 C (unverified)",
               reading="share of that source's own heat"),
        Figure(CASE_ID, "tapped_steel_turbine_power", None, per_t(steel_power), "kWh/t",
               "condensing turbine 0.1 bar(a), eta_s 0.75, generator 0.97"),
        Figure(CASE_ID, "whb_steam", None, steam_kg_t, "kg/t",
               "20 bar(a) saturated, gas to 200 C; Tenova iRecovery reports 180-200 kg/tls (vendor)"),
        Figure(CASE_ID, "whb_turbine_power", None, per_t(whb_power), "kWh/t", "same turbine as above"),
        Figure(CASE_ID, "orc_power", None, per_t(orc_power), "kWh/t",
               "toluene ORC 250/40 C directly on the post-combusted gas down to 200 C (no thermal-oil "
               "loop: an upper bound)"),
        Figure(CASE_ID, "orc_power_share_of_eaf_power", None, 100 * orc.net_power / avg_power, "%",
               f"of the EAF's average electric power {avg_power / 1e6:.1f} MW over tap to tap; Turboden: "
               "ORC output 3-5 % of installed EAF power (vendor)"),
        Figure(CASE_ID, "co2_avoided_off_gas_preheat", None, co2(saved_pre), "t CO2e/yr",
               f"{TONNES_PER_YEAR:.0f} t/yr, grid factor {float(gf)} kg/kWh (TW 2023 actual)"),
        Figure(CASE_ID, "co2_avoided_slag_preheat", None, co2(saved_slag), "t CO2e/yr", "as above"),
        Figure(CASE_ID, "co2_avoided_tapped_steel_power", None, co2(steel_power), "t CO2e/yr", "as above"),
        Figure(CASE_ID, "baseline_scope1", None, base.scope1_t_per_t, "t CO2/t",
               "carbon mass balance (IPCC 2006 Vol. 3 ch. 4.2 Tier 2)"),
        Figure(CASE_ID, "baseline_scope2", None, base.scope2_t_per_t, "t CO2e/t", f"electricity x {float(gf)}"),
    )
    assumptions = (
        "furnace: procsim/data/eaf_typical_heats.toml 'scrap_ac_120t' (inputs unverified typical values; "
        "results checked against the published 300-550 kWh/t and 20-30 % off-gas ranges)",
        f"duct/shaft post-combustion with {PC_AIR_RATIO} x the air for CO and H2 (Cantera HP equilibrium)",
        "off-gas cooled to 800 C by the scrap (Consteel tunnel exit <= 800 C, Tenova); no shaft losses",
        "waste-heat boiler gas exit 200 C (Tenova iRecovery ~1700 -> 200 C); pinch 20 K; casing loss 1 %",
        "slag: granulation + fluidised bed to 200 C, 60 % of released heat to air (unverified); "
        "air preheats scrap down to 150 C",
        "ORC (units.orc): toluene, evaporating 250 C, condensing 40 C, expander 0.80, pump 0.75, pinch 10 K",
        "tapped steel: 30 % of the heat from tap to 600 C captured as 20 bar(a) 350 C steam (unverified)",
        "steam turbine: condensing 0.1 bar(a), eta_s 0.75, generator 0.97 (unverified); steam averaged over "
        "tap to tap (an accumulator rides the batch swings)",
        f"{TONNES_PER_YEAR:.0f} t/yr liquid steel (assumption); grid factor TW 2023 {float(gf)} kg CO2e/kWh",
        "the source does not say what its shares are shares of: each is compared both with the furnace's total "
        "energy input and with the heat of its own source (off-gas, slag, steel)",
    )
    details = {
        "heat_balance_kwh_per_t": {
            "electricity": hb.electricity_kwh_per_tonne, "chemical_heat": per_t(hb.chemical_heat),
            "off_gas_chemical": per_t(hb.off_gas_chemical), "steel": per_t(hb.steel_heat),
            "slag": per_t(hb.slag_heat), "off_gas_sensible": per_t(hb.off_gas_sensible),
            "losses": per_t(hb.losses), "total_input": per_t(hb.total_input)},
        "relative_energy_residual": hb.relative_energy_residual,
        "oxygen_nm3_per_t": hb.oxygen_nm3_per_tonne, "carbon_kg_per_t": hb.carbon_kg_per_tonne,
        "post_combustion_outlet_K": burnt.result.outlet_temperature,
        "preheated_scrap_K": t_scrap, "electricity_with_preheat_kwh_per_t": hb_pre.electricity_kwh_per_tonne,
        "flowsheet_energy_relative": sol.overall["energy_relative"],
        "whb_steam_kg_s": wr.result.steam_flow, "slag_hot_air_K": hot_air.T,
        "shares_of_total_input_percent": {
            "off_gas_to_scrap": 100 * pr.heat_to_scrap / hb.total_input,
            "slag_to_air": 100 * sr.result.recovered_heat / hb.total_input,
            "steel_to_steam": 100 * ts.result.recovered_heat / hb.total_input},
        "annual": {"electricity_kwh": base.annual_electricity_kwh, "scope1_t": base.annual_scope1_t,
                   "scope2_t": base.annual_scope2_t},
    }
    # the two readings of 熱能回收率: share of that source's own heat (natural reading) or of
    # the furnace's total input; each implies a share of the source's own heat recovered
    source_over_input = {"off_gas": hb.off_gas_energy / hb.total_input, "slag": hb.slag_heat / hb.total_input,
                         "steel": hb.steel_heat / hb.total_input}
    implied, verdicts = [], []
    for key, label in (("off_gas", "off-gas heat to scrap"), ("slag", "slag heat to scrap"),
                       ("steel", "tapped-steel heat to steam")):
        lo, hi, src = TYPICAL_OWN_SHARE[key]
        own = ImpliedValue(f"share of {key.replace('_', '-')} heat recovered", CLAIMS[key] / 100.0, "-", lo, hi,
                           src, CLAIMS[key], reading="share of that source's own heat")
        frac = CLAIMS[key] / 100.0 / source_over_input[key]
        of_input = ImpliedValue(f"share of {key.replace('_', '-')} heat recovered", frac if frac <= 1.0 else None,
                                "-", lo, hi, src, CLAIMS[key], reading="share of total furnace input",
                                note=(f"the {key.replace('_', '-')} carries only {100 * source_over_input[key]:.1f} % "
                                      "of the input" if frac > 1.0 else ""))
        implied += [own, of_input]
        word = "consistent" if own.plausible or own.value < lo else "questionable"
        where = ("within" if own.plausible else "below, a conservative claim," if own.value < lo else "above")
        verdicts.append(
            f"{label} {CLAIMS[key]:g} %: {word} as a share of its own heat ({where} the typical "
            f"{100 * lo:.0f}-{100 * hi:.0f} %, {src}); as a share of total "
            f"input it would need {('%.0f %% of that heat' % (100 * frac)) if frac <= 1.0 else 'more heat than the source carries'}"
            f" (before review: questionable/impossible, judged as a share of total input only)")
    verdicts.append("the case's own scrap preheater (gas to 800 C) puts about 60 % of the off-gas heat into "
                    "the scrap, the optimistic end: its electricity saving is an upper bound")
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details, implied=tuple(implied), verdicts=tuple(verdicts))


if __name__ == "__main__":
    res = run()
    for f in res.figures:
        print(f"{f.metric:34s} claimed {f.claimed!s:>6}  computed {f.computed:10.4g} {f.unit}  ({f.note})")
    for k, v in res.details.items():
        print(k, v)


# ------------------------------------------------------------------ review (procsim.review)
# The R&D programme's simulation model is not published, so each recovery route's own inputs
# carry a range; the figure is each route's share of its own source's heat (the natural reading).
OFF_GAS_INPUTS = (
    UncertainInput("scrap_gas_exit", PREHEAT_GAS_EXIT - 273.15, 600.0, 1000.0, "degC",
                   "judgement around the Consteel tunnel exit of <= 800 C (Tenova, facts.md 4.1)"),
    UncertainInput("preheater_loss", 0.0, 0.0, 0.6, "-",
                   "judgement: share of the post-combusted gas heat lost to water-cooled ducts, leaks and "
                   "dilution before it reaches the scrap; 0 in the case model", limits=(0.0, 0.95)),
    UncertainInput("pc_air_ratio", PC_AIR_RATIO, 1.0, 1.5, "-", "judgement: gap air / air the CO and H2 need"),
)
SLAG_INPUTS = (
    UncertainInput("bed_efficiency", SLAG_BED_EFFICIENCY, 0.3, 0.8, "-",
                   "judgement, dry-granulation and fluidised-bed pilot plants (unverified)", limits=(0.01, 1.0)),
    UncertainInput("slag_exit", SLAG_OUT - 273.15, 150.0, 400.0, "degC", "judgement: granules leaving the bed"),
)
STEEL_INPUTS = (
    UncertainInput("steel_capture", STEEL_CAPTURE, 0.1, 0.5, "-",
                   "judgement: share of the heat from tap to the final temperature captured as steam",
                   limits=(0.01, 1.0)),
    UncertainInput("steel_final", STEEL_FINAL - 273.15, 500.0, 800.0, "degC",
                   "judgement: steel temperature after the last recovery (ladle, caster, cooling bed)"),
)


@lru_cache(maxsize=1)
def _heat():
    eaf, charge, gases = typical_heat()
    return eaf, charge, eaf.balance(charge, **gases)


def off_gas_own_share_pct(scrap_gas_exit=OFF_GAS_INPUTS[0].nominal, preheater_loss=0.0, pc_air_ratio=PC_AIR_RATIO):
    """Heat into the scrap / off-gas energy of the furnace [%] (sensible + chemical)."""
    eaf, charge, hb = _heat()
    off_gas = hb.off_gas_stream()
    x = off_gas.material.mole_fractions
    n_gas = off_gas.mass_flow / off_gas.material.molar_mass
    o2_need = 0.5 * (x.get("CO", 0.0) + x.get("H2", 0.0)) * n_gas - x.get("O2", 0.0) * n_gas
    air_mix = GasMixture(AIR_DRY)
    n_air = max(o2_need, 0.0) * pc_air_ratio / air_mix.mole_fractions["O2"]
    air = Stream(air_mix, 298.15, off_gas.p, n_air * air_mix.molar_mass)
    fg = OffGasPostCombustion("post_combustion").solve({"off_gas": off_gas, "air": air}).outlets["flue_gas"]
    t_exit = scrap_gas_exit + 273.15
    share = (1.0 - preheater_loss) * (fg.h - fg.material.h(t_exit)) / (fg.h - fg.material.h(298.15))
    pre = ScrapPreheater(charge["scrap_hms"] + charge["scrap_shredded"], "scrap_hms", heat_share=share,
                         tap_to_tap_time=eaf.tap_to_tap_time, name="shaft")
    return 100.0 * pre.solve({"off_gas": fg}).result.heat_to_scrap / hb.off_gas_energy


def slag_own_share_pct(bed_efficiency=SLAG_BED_EFFICIENCY, slag_exit=SLAG_OUT - 273.15):
    """Heat into the bed's air / slag heat (to 25 C) [%]."""
    _, _, hb = _heat()
    slag = SlagHeatRecovery.from_heat_balance(hb, slag_outlet_temperature=slag_exit + 273.15,
                                              bed_efficiency=bed_efficiency)
    sr = slag.solve({"air": Stream(GasMixture(AIR_DRY), 298.15, 101325.0, 10.0)})
    return 100.0 * sr.result.recovered_heat / hb.slag_heat


def steel_own_share_pct(steel_capture=STEEL_CAPTURE, steel_final=STEEL_FINAL - 273.15):
    """Steam heat / tapped-steel heat (to 25 C) [%]."""
    _, _, hb = _heat()
    unit = TappedSteelHeatRecovery.from_heat_balance(hb, STEAM_P, 623.15, final_temperature=steel_final + 273.15,
                                                     capture_efficiency=steel_capture)
    ts = unit.solve({"feedwater": FEEDWATER.with_(mass_flow=unit.feedwater_flow_for(FEEDWATER))})
    return 100.0 * ts.result.recovered_heat / hb.steel_heat


def review(n: int = 32, seed: int = 3) -> CaseResult:
    """:func:`run` plus, for each route, the P10-P90 range of its share of its own source's heat
    over the route's inputs, the tornado and each input's flip value (the value at which the
    route recovers exactly the claimed share). A claim below the range is conservative."""
    res = run()
    ranges = (
        figure_range(off_gas_own_share_pct, OFF_GAS_INPUTS, CLAIMS["off_gas"], metric="off-gas heat to scrap, share "
                     "of off-gas heat", n=n, seed=seed),
        figure_range(slag_own_share_pct, SLAG_INPUTS, CLAIMS["slag"], metric="slag heat to scrap, share of slag heat",
                     n=n, seed=seed),
        figure_range(steel_own_share_pct, STEEL_INPUTS, CLAIMS["steel"], metric="tapped-steel heat to steam, share "
                     "of steel heat", n=n, seed=seed),
    )
    lines = tuple(range_line(r) + (" (a recovery claim below what the route reaches is conservative)"
                                   if r.claimed < r.p10 else "") for r in ranges)
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=res.implied,
                      ranges=ranges, verdicts=res.verdicts + lines)
