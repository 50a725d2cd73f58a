"""Electricity-saving seed cases recomputed from their own figures on one accounting basis.

Seeds 6, 7, 9, 10, 11, 13 (leaks and VFD/EMS), 14 and 15 give electricity savings with no
equipment data to model. For each, procsim recomputes what the claim's own figures imply
and sets it beside what the source claims. One accounting basis for every claim:

* **grid factor announced at the claim's date** (headline): Taiwan's Energy Administration
  announces year Y's factor in the spring of Y+1 (2023's 0.494 on 2024-04-26, 2024's 0.474 on
  2025-04-14; procsim/data/grid_factors.csv), so a claim about year Y, written during Y, could
  only use Y-1's factor. The later actual factor of year Y is shown as a second reading;
* **tariff band**: the kWh saved priced at the time-weighted mean of the Taiwan industrial
  tariffs in force during the claim year (procsim/data/energy_prices.csv; 2024: NT$3.12 to
  3.81 from 1 April, 4.29 from 16 October), with the lowest and highest in the note;
* **every claimed benefit counted** where the source names it: where the claimed money or CO2
  exceeds what the electricity alone gives, the case says what the rest implies (defect costs,
  steam) instead of calling the claim wrong.

Readings that the sources leave open are computed side by side (``Figure.reading``): the
kWh vs NT$ reading of seed 13b, the whole-site vs treated-loads baseline of seed 11. The
verdict lines say what each claim implies and, where review of the source passage changed a
verdict, what it was before and why (sources/001_2aa617614eec5f04.txt).

The claim files are in ``cases/claims/``; ``procsim check-claim`` gives the checker's findings.
"""
from __future__ import annotations

import datetime as _dt
from importlib import resources

from procsim.accounting import announced_grid_factor, energy_price, grid_factor, load_claim
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource

CASE_ID = "seed_electricity_claims"
TITLE = "Electricity-saving seed cases (6, 7, 9, 10, 11, 13, 14, 15) recomputed from their figures"

#: The passages the claims come from, quoted verbatim (tests/test_case_sources.py checks them); seeds 10, 13a
#: and 13b are quoted by their own case modules.
SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 184,
    "本案總計畫經費 398 萬元(政府款 270 萬元/自籌款 128 萬元)，每年可節省電力約 19.2 萬度電，減碳量約 114.6 噸/年，"
    "節省能源及不良品相關成本 100 萬元以上，且預估可增加 10% 產值(300 萬元) ... 用電量由26.8萬度→7.6萬度/年，降低19.2萬度/年。"
    " ... 製程良率由80%→至99%。 ... 碳排放量由133.6公噸→19公噸/年，減少114.6公噸CO<sub>2</sub>e/年，減少碳排量86%。",
    "Total budget NT$3.98 M (NT$2.70 M public, NT$1.28 M own); about 192,000 kWh/yr of electricity saved, about "
    "114.6 t CO2/yr; energy and defect-related costs saved: more than NT$1 M; output value expected +10 % "
    "(NT$3 M) ... electricity from 268,000 to 76,000 kWh/yr, 192,000 less ... process yield from 80 % to 99 % ... "
    "emissions from 133.6 to 19 t/yr, 114.6 t CO2e/yr less, -86 %.",
    ("electricity meter of the hardening line before and after, with parts processed",
     "scrap counts and the cost booked per scrapped part before and after",
     "the emission factor used for the 133.6 and 19 t"),
    seed="6"),
ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 257,
    "以某染整廠效率提升案例為例，改善前，既有傳統高溫高壓染色機設備老舊，熱交換效益低、浴比高，導致蒸氣用量高 ... "
    "本案投資金額1,812.3萬元，每年可節省電力約7.4萬度電，節能率約32.4%，減碳量約324.3公噸/年，8.18年可回收投資。",
    "A dyeing and finishing plant: before, the old high-temperature high-pressure dyeing machines exchanged heat "
    "poorly and ran a high liquor ratio, so steam use was high ... investment NT$18.123 M; about 74,000 kWh/yr of "
    "electricity saved, energy saving rate about 32.4 %, about 324.3 t CO2/yr, payback 8.18 yr.",
    ("steam meter of the dyeing house before and after (t/yr), with fabric dyed (t/yr)",
     "the base of the 32.4 % (which meters, which energy)"),
    seed="7"),
ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 284,
    "以某食品廠效率提升案例為例，改善前經由輔導團隊盤查後發掘減碳熱點為類別 2 外購電力，占比約 82% ... "
    "綜合以上減碳措施，預計每年可節省用電930,937度，可減碳 7.8%，總減碳量達 459.5 公噸 CO<sub>2</sub>e/年，"
    "預計可降低成本達 1,296.8 萬元/年。",
    "A food plant: the inventory found the hot spot to be category 2, purchased electricity, about 82 % ... "
    "together the measures (LED, compressed air, refrigeration, energy management) are expected to save "
    "930,937 kWh/yr, cut emissions 7.8 %, 459.5 t CO2e/yr in all, and cut costs by NT$12.968 M/yr.",
    ("what the NT$12.968 M/yr includes besides electricity (product loss, maintenance, demand charges)",
     "the plant's electricity bills for a year before and after"),
    seed="9"),
ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 349,
    "改善後，該廠導入電磁平衡技術，透過電壓穩定調節與諧波濾波技術，有效降低電壓波動與干擾，提高功率因數，使電力品質更加穩定。"
    " ... 本案每年可節省電力約 159 千度電，減碳量約 79.7 公噸/年，5.8 年可回收投資。 ... 中央空調 (17%) ... 空壓機 (15%) ... "
    "焊接爐 (13%) ... 耗電 2,877千度/年 ... 耗電2,718千度/年 ... 節能率11.3%",
    "After, the plant installed electromagnetic balancing (voltage regulation and harmonic filtering), cutting "
    "voltage fluctuation and interference and raising the power factor ... about 159 MWh/yr saved, about "
    "79.7 t CO2/yr, payback 5.8 yr ... central air conditioning (17 %) ... air compressors (15 %) ... reflow "
    "ovens (13 %) ... 2,877 MWh/yr before ... 2,718 MWh/yr after ... energy saving rate 11.3 %.",
    ("the metering boundary of the 11.3 %: whole site or the treated loads",
     "a year of site electricity bills before and after, with production"),
    seed="11"),
ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 512,
    "以某化工產業之供應鏈體系減碳案例為例，共有 7 家廠商參與節能體系 ... "
    "本案提供 29 項節能改善措施，預估每年可節省電力約 2,507 千度電，節能率可達 4.1%，減碳量約 1,241 公噸/年。",
    "A chemical supply chain: 7 firms took part ... 29 measures proposed, expected to save about 2,507 MWh/yr, an "
    "energy saving rate of up to 4.1 %, about 1,241 t CO2/yr.",
    ("the seven firms' electricity baselines and which measures were carried out",),
    seed="14"),
ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 566,
    "以某機械設備製造廠碳管理示範團隊為例，其於 113 年度參與 1+N 碳管理示範團隊，成功輔導 11 家參與廠商，並完成碳盤查診斷與節能診斷作業。"
    "針對每家廠商提供量身訂製的節能改善建議，鑑別出至少 4,576 千度/年的節電潛力，預計可實現減碳量達 2,260 噸 CO<sub>2</sub>e/年。"
    "此外，透過執行相關節能措施，預期將促成 17,000 萬元之綠色商機，並經評估可降低營運成本約 1,081 萬元/年。",
    "A machinery maker's 1+N carbon-management team (2024) coached 11 firms through inventories and energy audits; "
    "tailored advice identified at least 4,576 MWh/yr of saving potential, expected to cut 2,260 t CO2e/yr; the "
    "measures are expected to bring NT$170 M of green business and, as assessed, cut operating costs by about "
    "NT$10.81 M/yr.",
    ("which identified measures were carried out, and the tariff behind the NT$10.81 M/yr",),
    seed="15"),)

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
THEN_CURRENT = "announced at the claim's date"
LATER_ACTUAL = "claim year's actual (announced later)"
# seed 11's treated loads: HVAC 17 % + air compressors 15 % + reflow ovens 13 % of the site (source)
SEED11_TREATED_SHARE = 0.17 + 0.15 + 0.13
# natural-gas steam: 2.6722 GJ/t (procsim carriers.csv: 25 C feedwater to 1.0 MPa saturated,
# IF97) / 0.90 boiler efficiency (judgement, DOE Steam Tip Sheet #4 range 0.80-0.90 for gas)
STEAM_BOILER_EFFICIENCY = 0.90


def _claim(name: str) -> dict:
    path = resources.files("cases").joinpath("claims", f"{name}.toml")
    return load_claim(path)


def tariff_band(year: int, region: str = "TW") -> tuple[float, float, float]:
    """(lowest, time-weighted mean, highest) electricity tariff in force during ``year`` [NT$/kWh]."""
    day, end = _dt.date(year, 1, 1), _dt.date(year + 1, 1, 1)
    prices = []
    while day < end:
        prices.append(float(energy_price("electricity_kwh", region, day.isoformat())))
        day += _dt.timedelta(days=1)
    return min(prices), sum(prices) / len(prices), max(prices)


def steam_co2_t_per_t(year: int) -> float:
    """t CO2e per t of natural-gas-fired steam: fuel GJ per t of steam through
    procsim.accounting (scope 1 of the gas, IPCC 2006 factors)."""
    from procsim.accounting import emissions
    from procsim.accounting.units import carrier_energy

    fuel_gj = 2.6722 / STEAM_BOILER_EFFICIENCY                       # GJ of gas per t of steam
    nm3 = fuel_gj / carrier_energy("natural_gas_nm3", 1.0, "GJ")
    return emissions({"natural_gas_nm3": nm3}, year=year).scope1_co2e_t


def _figures(name: str, claim: dict) -> tuple[list[Figure], list[str]]:
    tag = name.split("_")[0]
    base, retro, sav = claim.get("baseline", {}), claim.get("retrofit", {}), claim.get("savings", {})
    out, verdicts = [], []
    if "electricity_kwh" in base and "electricity_kwh" in retro:
        saved = base["electricity_kwh"] - retro["electricity_kwh"]
        out.append(Figure(CASE_ID, f"{tag}.electricity_saved", sav.get("electricity_kwh"), saved,
                          "kWh/yr", "baseline - retrofit"))
    else:
        saved = sav["electricity_kwh"]
    year = int(claim["year"])
    f_then = announced_grid_factor(claim["region"], claim.get("date", year))
    f_later = grid_factor(region=claim["region"], year=year, basis="actual")
    low, mean, high = tariff_band(year, claim["region"])
    if "electricity_kwh" in base:
        out.append(Figure(CASE_ID, f"{tag}.energy_saving_rate",
                          None if "energy_fraction" not in sav else 100 * sav["energy_fraction"],
                          100 * saved / base["electricity_kwh"], "%", "saved / whole-site baseline electricity",
                          reading="share of the whole site"))
    co2_then = saved * float(f_then) / 1e3
    out.append(Figure(CASE_ID, f"{tag}.co2_avoided", sav.get("co2_t"), co2_then, "t CO2e/yr",
                      f"{f_then.year} factor {float(f_then)}, the latest announced by the claim's date "
                      f"({f_then.source})", reading=THEN_CURRENT))
    out.append(Figure(CASE_ID, f"{tag}.co2_avoided", sav.get("co2_t"), saved * float(f_later) / 1e3, "t CO2e/yr",
                      f"{year} factor {float(f_later)}", reading=LATER_ACTUAL))
    value = saved * mean
    out.append(Figure(CASE_ID, f"{tag}.cost_saved", sav.get("cost"), value, "NT$/yr",
                      f"{year} tariff time-weighted mean NT${mean:.3f}/kWh (band {low:.2f}-{high:.2f})",
                      reading="electricity at tariff"))
    if claim.get("investment"):
        money = sav.get("cost", value)
        net = claim["investment"] - claim.get("subsidy", 0.0)
        out.append(Figure(CASE_ID, f"{tag}.payback", claim.get("payback_years"), net / money, "yr",
                          "(investment - subsidy) / " + ("claimed money saving" if "cost" in sav
                                                        else "tariff value of the kWh saved")))
    if "co2_t" in sav:
        verdicts.append(_co2_vintage_line(tag, claim, saved))
    return out, verdicts


VINTAGE_TOLERANCE = 0.005    # relative: claims round CO2 to 3-4 significant figures
VINTAGE_WINDOW = 3           # the latest announced factor and the two before it


def _co2_vintage_line(tag: str, claim: dict, saved: float) -> str:
    """Which announced factor the claimed CO2 implies, and whether it was current at the claim's date.

    A claim of year Y can use the factors announced by then (years <= Y-1). Using the latest of
    them or one of the two before (projects report with a lag) is consistent; an older or
    unmatched factor is questionable.
    """
    year, region = int(claim["year"]), claim["region"]
    implied = 1e3 * claim["savings"]["co2_t"] / saved
    announced = {y: float(grid_factor(region, y)) for y in range(2015, year)}
    matches = [y for y, f in announced.items() if abs(implied - f) <= VINTAGE_TOLERANCE * f]
    window = [y for y in matches if y >= year - VINTAGE_WINDOW]
    head = f"{tag}: CO2 claimed {claim['savings']['co2_t']:g} t implies {implied:.3f} kg CO2e/kWh"
    if window:
        y = max(window)
        return (f"{head} = {y}'s announced factor {announced[y]} (announced {y + 1}, current within the "
                f"{VINTAGE_WINDOW} vintages before the claim year {year}): consistent")
    if matches:
        return (f"{head} = {max(matches)}'s factor, older than the {VINTAGE_WINDOW} vintages before {year}: "
                "questionable (outdated factor)")
    return (f"{head}: no announced factor within {100 * VINTAGE_TOLERANCE:g} % "
            f"({min(announced.values())}-{max(announced.values())} in {min(announced)}-{max(announced)}): "
            "the CO2 covers more than the electricity, or another basis")


def _seed_specific(name: str, claim: dict) -> tuple[list[Figure], list[str]]:
    """Readings and implications that only the source passage of one claim explains."""
    sav, year = claim.get("savings", {}), int(claim["year"])
    f_then = float(announced_grid_factor(claim["region"], claim.get("date", year)))
    low, mean, high = tariff_band(year, claim["region"])
    out, lines = [], []
    if name.startswith("seed06"):
        energy_value = sav["electricity_kwh"] * mean
        lines.append(
            f"seed06: cost 'more than NT$1 M/yr' counts energy and defect costs (節省能源及不良品相關成本); "
            f"electricity alone is worth NT${energy_value / 1e6:.2f} M/yr, so the claim implies at least "
            f"NT${(sav['cost'] - energy_value) / 1e6:.2f} M/yr of scrap avoided (yield 80-90 % -> 99 %): consistent "
            "(before review: questionable on cost)")
        out.append(Figure(CASE_ID, "seed06.defect_cost_implied", None, sav["cost"] - energy_value, "NT$/yr",
                          "claimed money - tariff value of the kWh saved", reading="energy + defect costs"))
    elif name.startswith("seed07"):
        co2_elec = sav["electricity_kwh"] * f_then / 1e3
        steam_t = (sav["co2_t"] - co2_elec) / steam_co2_t_per_t(year)
        lines.append(
            f"seed07: 74 MWh explains only {co2_elec:.1f} of the {sav['co2_t']:g} t CO2; the rest implies "
            f"{steam_t:,.0f} t/yr of natural-gas steam saved (new dyeing machines lower the liquor ratio), "
            "which the source does not name: questionable, basis unstated (before review: questionable, "
            "4.38 kg CO2/kWh); ask for the steam meter")
        out.append(Figure(CASE_ID, "seed07.steam_saved_implied", None, steam_t, "t/yr",
                          f"(CO2 claimed - kWh x {f_then}) / {steam_co2_t_per_t(year):.3f} t CO2/t steam "
                          f"(gas boiler, efficiency {STEAM_BOILER_EFFICIENCY})", reading="electricity + steam"))
    elif name.startswith("seed11"):
        base = claim["baseline"]["electricity_kwh"]
        saved = base - claim["retrofit"]["electricity_kwh"]
        implied_base = saved / sav["energy_fraction"]
        out.append(Figure(CASE_ID, "seed11.energy_saving_rate", 100 * sav["energy_fraction"],
                          100 * saved / (SEED11_TREATED_SHARE * base), "%",
                          "saved / treated loads (HVAC 17 % + air 15 % + reflow 13 % of the site)",
                          reading="share of the treated loads"))
        lines.append(
            f"seed11: 11.3 % implies a baseline of {implied_base / 1e3:,.0f} MWh = "
            f"{100 * implied_base / base:.0f} % of the site, close to the treated loads' "
            f"{100 * SEED11_TREATED_SHARE:.0f} %: questionable, basis unstated (before review: inconsistent)")
    elif name.startswith("seed13b"):
        kwh_reading = sav["electricity_kwh"]
        ntd_reading_kwh = sav["cost"] / mean
        for label, kwh in (("1.75 M kWh/yr (text)", kwh_reading), ("NT$1.75 M/yr (highlights)", ntd_reading_kwh)):
            out.append(Figure(CASE_ID, "seed13b.electricity_saved", sav["electricity_kwh"], kwh, "kWh/yr",
                              f"at NT${mean:.3f}/kWh", reading=label))
            out.append(Figure(CASE_ID, "seed13b.payback_consistent", None, claim["investment"] / (kwh * mean), "yr",
                              "investment / (kWh x tariff), one reading throughout", reading=label))
        lines.append(
            f"seed13b: one number read two ways. As 1.75 M kWh/yr it is worth NT${kwh_reading * mean / 1e6:.1f} M/yr "
            f"(payback {claim['investment'] / (kwh_reading * mean):.1f} yr on NT$20 M); as NT$1.75 M/yr it is "
            f"{ntd_reading_kwh / 1e3:,.0f} MWh/yr (payback {claim['investment'] / sav['cost']:.1f} yr). The earlier "
            "check mixed the readings (cost from kWh, payback from NT$): questionable until the claimant says "
            "which (before review: questionable)")
    elif name.startswith("seed13a"):
        lines.append(
            "seed13a: the compressed-air leak case once compared the claim with an illustrative leak survey, "
            "not the plant's; see seed13_leak_repair for the leak flow the claimed kWh implies")
    return out, lines


def run() -> CaseResult:
    figures, verdicts = [], []
    for name in CLAIMS:
        claim = _claim(name)
        figs, lines = _figures(name, claim)
        extra, notes = _seed_specific(name, claim)
        figures += figs + extra
        verdicts += notes + lines
    factor_note = ("Grid factors: Taiwan Energy Administration announced values, each announced the year "
                   "after it applies (2023 0.494 on 2024-04-26, 2024 0.474 on 2025-04-14), see "
                   "procsim/data/grid_factors.csv; tariffs: procsim/data/energy_prices.csv (Taipower "
                   "industrial averages, with dates), time-weighted over the claim year.")
    return CaseResult(CASE_ID, TITLE, tuple(figures), (factor_note,), verdicts=tuple(verdicts))


#: Natural-gas price range to value steam (judgement, as seed case 5: CPC industrial tariffs 2022-24
#: as reported, unverified) and gas boiler efficiency range (DOE Steam Tip Sheet #4: 0.80-0.90).
GAS_PRICE_RANGE = (12.0, 20.0)
BOILER_EFFICIENCY_RANGE = (0.80, 0.90)
# seed 6: the source's own figures bound the defect costs avoided: output value +10 % = NT$3 M, so
# about NT$30 M/yr of output; yield 80-90 % -> 99 % is 9-19 % of output no longer scrapped
SEED06_OUTPUT_VALUE = 30.0e6


def _saved_kwh(claim: dict) -> float:
    base, retro, sav = claim.get("baseline", {}), claim.get("retrofit", {}), claim.get("savings", {})
    if "electricity_kwh" in base and "electricity_kwh" in retro:
        return base["electricity_kwh"] - retro["electricity_kwh"]
    return sav["electricity_kwh"]


def _factor_window(claim: dict) -> tuple[float, float]:
    """Lowest and highest grid factor announced for the three years before the claim year, each
    widened by the claims' rounding (VINTAGE_TOLERANCE): the factors are a discrete set, so the
    range stands for 'one of them, as rounded in a claim'."""
    year = int(claim["year"])
    vals = [float(grid_factor(claim["region"], y)) for y in range(year - VINTAGE_WINDOW, year)]
    return min(vals) * (1.0 - VINTAGE_TOLERANCE), max(vals) * (1.0 + VINTAGE_TOLERANCE)


def steam_t_from_money(money: float, gas_price: float, boiler_efficiency: float) -> float:
    """t/yr of natural-gas steam that ``money`` [NT$/yr] buys at ``gas_price`` [NT$/Nm3]
    (2.6722 GJ/t: procsim carriers.csv steam_t, 25 C feedwater to 1.0 MPa saturated)."""
    from procsim.accounting.units import carrier_energy

    nm3_per_t = 2.6722 / boiler_efficiency / carrier_energy("natural_gas_nm3", 1.0, "GJ")
    return money / (gas_price * nm3_per_t)


def review(n: int = 400, seed: int = 2024) -> CaseResult:
    """:func:`run` plus, for each claim, what its figures imply (grid factor, tariff, and the
    seed-specific quantity its source passage explains) judged against ranges with sources, and
    the P10-P90 ranges, tornados and flip values of its CO2 (over the factors announced in the
    three years before the claim year) and money (over the claim year's tariffs)."""
    from procsim.review import ImpliedValue, UncertainInput, figure_range, range_line

    res = run()
    ranges, implied = [], []
    for name in CLAIMS:
        claim = _claim(name)
        tag, sav = name.split("_")[0], claim.get("savings", {})
        saved, year = _saved_kwh(claim), int(claim["year"])
        low, mean, high = tariff_band(year, claim["region"])
        f_lo, f_hi = _factor_window(claim)
        factor_src = (f"Taiwan factors announced for {year - VINTAGE_WINDOW}-{year - 1} "
                      f"(procsim/data/grid_factors.csv), +-{100 * VINTAGE_TOLERANCE:g} % for rounding")
        tariff_src = f"Taiwan industrial tariffs in force during {year} (procsim/data/energy_prices.csv)"
        tariff = UncertainInput("tariff", mean, low, high, "NT$/kWh", tariff_src, limits=(0.01, 100.0))
        if "co2_t" in sav:
            implied.append(ImpliedValue(f"{tag} grid factor", 1e3 * sav["co2_t"] / saved, "kg CO2e/kWh", f_lo, f_hi,
                                        factor_src, sav["co2_t"], reading="electricity only"))
            if tag != "seed07":   # seed 7's CO2 is judged with its steam below
                u = UncertainInput("grid_factor", 0.5 * (f_lo + f_hi), f_lo, f_hi, "kg CO2e/kWh", factor_src,
                                   limits=(0.0, 5.0))
                ranges.append(figure_range(lambda grid_factor, _s=saved: _s * grid_factor / 1e3, (u,), sav["co2_t"],
                                           metric=f"{tag}.co2_avoided", n=n, seed=seed))
        if "cost" in sav and tag != "seed06":        # seed 6's money includes defect costs: below
            implied.append(ImpliedValue(f"{tag} tariff", sav["cost"] / saved, "NT$/kWh", low, high, tariff_src,
                                        sav["cost"], reading="electricity at tariff"))
            ranges.append(figure_range(lambda tariff, _s=saved: _s * tariff, (tariff,), sav["cost"],
                                       metric=f"{tag}.cost_saved", n=n, seed=seed))
        if tag == "seed06":
            implied.append(ImpliedValue("seed06 defect costs avoided", sav["cost"] - saved * mean, "NT$/yr", 0.0,
                                        0.19 * SEED06_OUTPUT_VALUE,
                                        "the source's own figures: NT$30 M/yr output x 9-19 % less scrap (upper "
                                        "end at full product value)", sav["cost"], reading="energy + defect costs"))
            ins = (tariff,
                   UncertainInput("scrap_avoided", 0.14, 0.09, 0.19, "-", "source: yield 80-90 % -> 99 %",
                                  limits=(0.0, 1.0)),
                   UncertainInput("scrap_cost_share", 0.2, 0.05, 0.5, "-",
                                  "judgement: cost of a scrapped part to the heat treater / its output value",
                                  limits=(0.0, 1.0)))
            ranges.append(figure_range(
                lambda tariff, scrap_avoided, scrap_cost_share, _s=saved:
                _s * tariff + SEED06_OUTPUT_VALUE * scrap_avoided * scrap_cost_share,
                ins, sav["cost"], metric="seed06.cost_saved (energy + defects)", n=n, seed=seed))
        if tag == "seed07":
            co2_elec = saved * float(announced_grid_factor(claim["region"], claim.get("date", year))) / 1e3
            money = claim["investment"] / claim["payback_years"]
            implied.append(ImpliedValue(
                "seed07 steam saved (from the payback)", steam_t_from_money(money - saved * mean, 15.0,
                                                                           STEAM_BOILER_EFFICIENCY), "t/yr",
                steam_t_from_money(money - saved * high, GAS_PRICE_RANGE[1], BOILER_EFFICIENCY_RANGE[0]),
                steam_t_from_money(money - saved * low, GAS_PRICE_RANGE[0], BOILER_EFFICIENCY_RANGE[1]),
                "payback money less electricity, at gas NT$12-20/Nm3 (judgement) and boiler 0.80-0.90 "
                "(DOE Steam Tip Sheet #4)", claim["payback_years"], reading="electricity + steam"))
            ins = (UncertainInput("gas_price", 15.0, *GAS_PRICE_RANGE, "NT$/Nm3",
                                  "judgement (CPC industrial tariffs 2022-24 as reported), unverified",
                                  limits=(1.0, 100.0)),
                   UncertainInput("boiler_efficiency", STEAM_BOILER_EFFICIENCY, *BOILER_EFFICIENCY_RANGE, "-",
                                  "DOE Steam Tip Sheet #4", limits=(0.5, 0.99)),
                   tariff)

            def co2_with_steam(gas_price, boiler_efficiency, tariff, _s=saved, _m=money, _c=co2_elec, _y=year):
                # steam the payback's money buys beyond the electricity, at its gas's CO2
                steam = steam_t_from_money(_m - _s * tariff, gas_price, boiler_efficiency)
                return _c + steam * steam_co2_t_per_t(_y) * STEAM_BOILER_EFFICIENCY / boiler_efficiency

            ranges.append(figure_range(co2_with_steam, ins, sav["co2_t"],
                                       metric="seed07.co2_avoided (electricity + steam the payback buys)",
                                       n=n, seed=seed))
        if tag == "seed11":
            base = claim["baseline"]["electricity_kwh"]
            src11 = ("source: HVAC 17 % + air compressors 15 % + reflow ovens 13 % = 45 % are the main loads; "
                     "up to 60 % with other loads on the treated feeders (judgement)")
            implied.append(ImpliedValue("seed11 baseline share of the site", saved / sav["energy_fraction"] / base, "-",
                                        SEED11_TREATED_SHARE, 0.60, src11, 100 * sav["energy_fraction"],
                                        reading="share of the treated loads"))
            u = UncertainInput("treated_share", SEED11_TREATED_SHARE, SEED11_TREATED_SHARE, 0.60, "-", src11,
                               limits=(0.05, 1.0))
            ranges.append(figure_range(lambda treated_share, _s=saved, _b=base: 100 * _s / (treated_share * _b), (u,),
                                       100 * sav["energy_fraction"], metric="seed11.energy_saving_rate (treated loads)",
                                       n=n, seed=seed))
    lines = tuple(range_line(r) for r in ranges) + tuple(i.describe() for i in implied)
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=tuple(implied),
                      ranges=tuple(ranges), verdicts=res.verdicts + lines)
