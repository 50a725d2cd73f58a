"""Seed case 8: textile dyeing, dyeing-machine cooling water recovered at >= 75 C; gas -35 %, 1,250.5 t CO2/yr.

Source (seed-cases.md case 8; original: sources/001_2aa617614eec5f04.txt lines 263-267):
condensate already went back to the boiler, make-up was cold water, and the dyeing machines'
cooling water was discharged. After: cooling water recovered automatically from a schedule
forecast, cool-down rate controlled, one-bath scouring-dyeing; "process water at >= 90 C
gives cooling water at >= 75 C, reused for boiler and process water, natural gas -35 %",
water -15 % (partly from the one-bath process), investment NT$2 M, about 1,250.5 t CO2/yr.

The source gives no plant size, so procsim computes what the claim implies and whether the
physics allows it:

* the dyeing-machine cooler, bath 90 -> 50 C against cooling water 25 -> 75 C, through the
  shared zone-by-zone engine (:func:`units.heat_exchanger.zone_profile`, IAPWS-IF97
  water): feasible, its smallest approach and the cooling water per tonne of bath;
* gas saved per tonne of recovered 75 C water replacing 25 C make-up that steam heats
  (boiler efficiency 0.85 on the Taiwan 9,000 kcal/Nm3 basis, 10 % distribution loss);
* from the claimed 1,250.5 t CO2: the gas saved, the recovered water, the baseline gas
  (35 %), and the share of the baseline gas that must have heated water that recovered
  water now replaces (at most 77 % of bath heat-up, 25 -> 90 C, can be displaced);
* the plant water that -15 % implies if all recovered water is water saved.
"""
from __future__ import annotations

from procsim.accounting import carrier_energy, emissions, simple_payback
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, ImpliedValue, UncertainInput, figure_range, range_line
from procsim.stream import Stream
from procsim.thermo.fluids import Fluid
from units.heat_exchanger import zone_profile

CASE_ID = "seed08_dyeing_cooling_water"
TITLE = "Dyeing cooling water recovered at 75 C for boiler feed and process: what -35 % gas and 1,250.5 t CO2 imply"

#: The passage the claim comes from, quoted verbatim (tests/test_case_sources.py checks it).
SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 265,
    "以某紡織染整廠效率提升案例為例，改善前，冷凝水大部分回用於鍋爐，但是水不足者大多使用常溫水補充，而染色機冷卻水無回用，"
    "導致可用之熱能嚴重損失。 ... 回收冷凝冷卻水，有效將熱能回用，以及導入練染一浴法，節省 15% 用水量；"
    "製程水溫 $\\geq 90^{\\circ}\\text{C}$ 時，可產生冷卻水 $\\geq 75^{\\circ}\\text{C}$ ，能回用鍋爐和製程用水，降低 35% 天然氣使用。"
    " ... 本案投資金額 200 萬元，每年可減碳量約 1,250.5 公噸/年。",
    "A textile dyeing and finishing plant: before, most condensate went back to the boiler, but the shortfall was "
    "made up with water at ambient temperature, and the dyeing machines' cooling water was not reused, so usable "
    "heat was badly lost ... recovering condensate and cooling water puts the heat back to use, and a one-bath "
    "scouring-dyeing process saves 15 % of water; with process water at >= 90 C the cooling water comes out at "
    ">= 75 C, reused as boiler and process water, cutting natural gas 35 % ... investment NT$2 M, about "
    "1,250.5 t CO2/yr.",
    ("natural-gas meter readings for a year before and after, with fabric dyed",
     "recovered cooling water (t/yr, temperature) and boiler make-up before and after"),
    seed="8"),)

CLAIMS = {"co2": 1250.5, "gas_fraction": 0.35, "water_fraction": 0.15, "investment": 2.0e6}
T_MAKEUP = 298.15        # K, cold make-up water (assumption: Taiwan mains/ground water about 25 C)
T_BATH = 363.15          # K, bath at the start of cool-down (source: >= 90 C)
T_BATH_END = 323.15      # K, bath at the end of cool-down (assumption)
T_RECOVERED = 348.15     # K, recovered cooling water (source: >= 75 C)
BOILER_EFFICIENCY = 0.85  # on the 9,000 kcal/Nm3 basis of procsim.accounting (assumption)
DISTRIBUTION = 0.90      # steam delivered / steam raised (assumption: traps, lines, flash)
GAS_PRICE = 15.0         # NT$/Nm3 (assumption, unverified; as seed cases 2 and 5)


def run() -> CaseResult:
    water = Fluid("Water")
    p = 3.0e5
    bath = Stream("Water", T_BATH, p, 1.0)
    cw = Stream("Water", T_MAKEUP, p, 1.0)
    dh_bath = bath.h - bath.with_(T=T_BATH_END).h
    dh_cw = water.state(p=p, T=T_RECOVERED).h - cw.h
    ratio = dh_bath / dh_cw       # kg cooling water per kg bath
    prof = zone_profile(bath, cw.with_(mass_flow=ratio), dh_bath)
    heat_per_t = dh_cw * 1e3                                     # J per t recovered water
    gas_energy = carrier_energy("natural_gas_nm3", 1.0, "J")     # J/Nm3
    nm3_per_t = heat_per_t / (BOILER_EFFICIENCY * DISTRIBUTION * gas_energy)
    co2_per_nm3 = emissions({"natural_gas_nm3": 1.0e6}).total_co2e_t / 1e6
    gas_saved = CLAIMS["co2"] / co2_per_nm3
    recovered_t = gas_saved / nm3_per_t
    gas_base = gas_saved / CLAIMS["gas_fraction"]
    dh_heatup = water.state(p=p, T=T_BATH).h - cw.h
    displaced_share = dh_cw / dh_heatup                          # of bath heat-up
    must_be_heatup = CLAIMS["gas_fraction"] / displaced_share
    plant_water = recovered_t / CLAIMS["water_fraction"]
    money = gas_saved * GAS_PRICE
    figs = (
        Figure(CASE_ID, "cooler_min_approach", None, prof.min_approach, "K",
               "bath 90 -> 50 C vs cooling water 25 -> 75 C, zone-by-zone (IF97)"),
        Figure(CASE_ID, "cooling_water_per_t_bath", None, ratio, "t/t", "energy balance of the cooler"),
        Figure(CASE_ID, "gas_saved_per_t_recovered", None, nm3_per_t, "Nm3/t",
               "h(75 C) - h(25 C) / (boiler 0.85 x distribution 0.90 x 9,000 kcal/Nm3)"),
        Figure(CASE_ID, "gas_saved", None, gas_saved, "Nm3/yr", "claimed CO2 / IPCC natural-gas factor"),
        Figure(CASE_ID, "co2_per_nm3", None, co2_per_nm3 * 1e3, "kg CO2e/Nm3", "procsim.accounting.emissions"),
        Figure(CASE_ID, "recovered_water_needed", None, recovered_t, "t/yr",
               "75 C water replacing 25 C make-up to save that gas"),
        Figure(CASE_ID, "baseline_gas", None, gas_base, "Nm3/yr", "gas saved / 0.35"),
        Figure(CASE_ID, "heatup_share_displaceable", None, 100.0 * displaced_share, "%",
               "(h75 - h25)/(h90 - h25): most of a 25 -> 90 C heat-up recovered water can replace"),
        Figure(CASE_ID, "gas_share_heating_water_needed", None, 100.0 * must_be_heatup, "%",
               "share of baseline gas that must heat replaceable water for -35 % (plausible below ~70 %)"),
        Figure(CASE_ID, "plant_water_implied", None, plant_water, "t/yr", "recovered water / 0.15"),
        Figure(CASE_ID, "co2_saved", CLAIMS["co2"], gas_saved * co2_per_nm3, "t CO2/yr",
               "round trip: identical by construction (no plant size given)"),
        Figure(CASE_ID, "gas_cost_saved", None, money, "NT$/yr", f"gas at NT${GAS_PRICE:g}/Nm3 (assumption)"),
        Figure(CASE_ID, "payback", None, simple_payback(CLAIMS["investment"], money), "yr", "NT$2 M / gas cost saved"),
    )
    assumptions = (
        "make-up water 25 C; bath cooled 90 -> 50 C; recovered cooling water 75 C (source: >= 90 C, >= 75 C)",
        "recovered water replaces steam-heated make-up one for one (boiler feed and process water)",
        f"boiler efficiency {BOILER_EFFICIENCY:g} on the 9,000 kcal/Nm3 basis, distribution {DISTRIBUTION:g} (assumptions)",
        "CO2 of natural gas: IPCC 2006 defaults via procsim.accounting (manufacturing, AR5)",
        "all recovered water counted as water saved (the source says -15 % includes the one-bath process)",
        f"gas price NT${GAS_PRICE:g}/Nm3 (assumption, unverified)",
    )
    verdict = (f"plausible, not checkable to the tonne: 1,250.5 t CO2 is {gas_saved:,.0f} Nm3/yr of gas, i.e. "
               f"{recovered_t:,.0f} t/yr of 75 C water replacing 25 C make-up; -35 % needs "
               f"{100 * must_be_heatup:.0f} % of the baseline gas to heat water that recovered water can replace "
               f"(at most {100 * displaced_share:.0f} % of a 25 -> 90 C heat-up is displaceable)")
    details = {"verdict": verdict, "cooler_ua_W_per_K_per_kg_s_bath": prof.ua, "cooler_energy_residual": prof.energy_residual,
               "baseline_co2_t": gas_base * co2_per_nm3}
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)


# ------------------------------------------------------------------ review (procsim.review)
# The -35 % gas claim: gas saved = (share of the baseline gas that heats water the recovered
# water can replace) x (share of that water need the recovered water covers) x (share of the
# heat-up it displaces, from the temperatures); all judgement, the source gives none.
REVIEW_INPUTS = (
    UncertainInput("water_heating_share", 0.5, 0.3, 0.7, "-",
                   "judgement: share of a dyehouse's boiler gas that heats baths and boiler make-up from cold "
                   "(bath heat-up is the largest steam use of batch dyeing)", limits=(0.0, 1.0)),
    UncertainInput("recovery_coverage", 0.9, 0.6, 1.0, "-",
                   "judgement: share of that water need the recovered cooling water covers (schedules permitting)",
                   limits=(0.0, 1.0)),
    UncertainInput("makeup_temperature", T_MAKEUP - 273.15, 20.0, 30.0, "degC",
                   "judgement: Taiwan mains and ground water through the year"),
    UncertainInput("recovered_temperature", T_RECOVERED - 273.15, 75.0, 85.0, "degC",
                   "source: >= 75 C from >= 90 C process water; 85 C judgement"),
)


def displaced_share(makeup_temperature=T_MAKEUP - 273.15, recovered_temperature=T_RECOVERED - 273.15) -> float:
    """Share of a make-up -> 90 C heat-up that water recovered at ``recovered_temperature`` replaces (IF97)."""
    water, p = Fluid("Water"), 3.0e5
    h0 = water.state(p=p, T=makeup_temperature + 273.15).h
    return (water.state(p=p, T=recovered_temperature + 273.15).h - h0) / (water.state(p=p, T=T_BATH).h - h0)


def gas_saving_pct(water_heating_share=0.5, recovery_coverage=0.9, makeup_temperature=T_MAKEUP - 273.15,
                   recovered_temperature=T_RECOVERED - 273.15) -> float:
    """Boiler gas saved [% of baseline] by the recovered cooling water."""
    return 100.0 * water_heating_share * recovery_coverage * displaced_share(makeup_temperature,
                                                                             recovered_temperature)


def review(n: int = 400, seed: int = 8) -> CaseResult:
    """:func:`run` plus what -35 % implies (the share of the baseline gas that must heat
    replaceable water), its P10-P90 range, tornado and flip values."""
    res = run()
    u = REVIEW_INPUTS[0]
    need = CLAIMS["gas_fraction"] / displaced_share()
    implied = (ImpliedValue("gas share heating replaceable water", need, "-", u.low, u.high, u.source,
                            100 * CLAIMS["gas_fraction"], reading="all of it covered by recovered water"),)
    rng = figure_range(gas_saving_pct, REVIEW_INPUTS, 100 * CLAIMS["gas_fraction"], metric="natural gas saving",
                       n=n, seed=seed)
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=implied,
                      ranges=(rng,), verdicts=(res.details["verdict"], implied[0].describe(), range_line(rng)))
