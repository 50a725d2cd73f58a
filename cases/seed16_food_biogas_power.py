"""Seed case 16: food plant, wastewater biogas to power; ~10,000 t CO2e/yr, 500,000 kWh/yr.

Source (seed-cases.md case 16; original: sources/001_2aa617614eec5f04.txt lines 478-500,
"6.再生能源 ... 廢水處理系統沼氣回收產電及汙泥處理減碳技術"): before, methane escaped from
the plant's wastewater treatment, about 10,000 t CO2e/yr ("廢水處理所逸散甲烷之溫室氣體
排放量約為1萬公噸CO2e/年"); after, biogas recovered to power and ultrasonic sludge
hydrolysis: methane escape cut by about 10,000 t CO2e/yr, about 500,000 kWh/yr less
purchased power, total about 10,000 t CO2e/yr; investment NT$69 M.

What procsim computes (units.chp.AnaerobicDigester):

* the methane behind the claimed escape (10,000 t CO2e at the AR5 GWP of CH4, the set
  Taiwan's inventory rules use) and the COD that an open deep anaerobic lagoon (IPCC MCF
  0.8) must receive to emit it;
* that COD through a covered digester (yield 0.35 Nm3 CH4/kg COD, 5 % leakage) into a
  gas engine: the electricity it would give, against the claimed 500,000 kWh;
* the engine share that gives exactly 500,000 kWh (the rest flared at 98 %), and the CO2e
  avoided then: avoided methane plus scope-2 electricity at the 2024 grid factor.

The finding: the methane that makes 10,000 t CO2e could generate about 1.9-2.3 GWh/yr at
38 % electrical efficiency, four times the claim; 500,000 kWh uses about a quarter of it.
Either most biogas is flared or boiler-fired (the source says nothing of heat use), or
the 10,000 t includes the sludge measure. The CO2e total is reachable in either reading.
"""
from __future__ import annotations

from procsim.accounting import announced_grid_factor, energy_price, gwp, simple_payback
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, ImpliedValue, UncertainInput, figure_range, range_line
from units.chp import AnaerobicDigester, biogas_factor, methane_lhv

CASE_ID = "seed16_food_biogas_power"
TITLE = "Food plant biogas to power: avoided methane and electricity from the COD behind the claim"

#: The passage the claim comes from, quoted verbatim (tests/test_case_sources.py checks it).
SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 484,
    "該廠成功導入廢水處理系統沼氣回收產電及汙泥處理減碳技術，減少沼氣逸散造成之碳排，並使利用沼氣內所含甲烷進行再利用及進一步對廢水汙泥處理改善。"
    "本案投資金額約 6,900 萬元，每年預估可減少約 50 萬度外購電力使用量，同時減少甲烷(CH<sub>4</sub>)逸散及降低廢水汙泥處理造成之溫室氣體排放量，"
    "預期減碳量合計約 1 萬公噸 CO<sub>2</sub>e/年。 ... 廢水處理所逸散甲烷(CH<sub>4</sub>)之溫室氣體排放量約為 **1萬**公噸CO<sub>2</sub>e/年",
    "The plant introduced biogas recovery to power from its wastewater treatment and a sludge-treatment measure, "
    "cutting the emissions of escaping biogas and reusing its methane. Investment about NT$69 M; about "
    "500,000 kWh/yr less purchased electricity, less methane escaping and less GHG from sludge treatment: about "
    "10,000 t CO2e/yr in all ... [before:] methane escaping from wastewater treatment, about 10,000 t CO2e/yr.",
    ("wastewater flow and COD removed (t/yr), and the treatment before (open or covered)",
     "biogas meter and engine generation (kWh/yr), flare hours"),
    seed="16"),)

CLAIMS = {"co2e": 10000.0, "electricity": 500000.0, "investment": 69.0e6}
ENGINE_EFFICIENCY = 0.38      # electrical, LHV (assumption: 0.2-1 MWe biogas engines list 0.36-0.42)
CLAIM_YEAR = 2024             # the report's year
# the grid factor current during the claim year: 2023's, announced 2024-04-26 (2024's came in 2025)
GRID_YEAR = announced_grid_factor("TW", CLAIM_YEAR).year
BASELINE = "anaerobic_deep_lagoon"   # open anaerobic treatment, MCF 0.8 (assumption: the source says methane escaped)


def run() -> CaseResult:
    g = float(gwp("CH4", "AR5"))
    ch4_escaped_t = CLAIMS["co2e"] / g
    full = AnaerobicDigester(BASELINE, electrical_efficiency=ENGINE_EFFICIENCY)
    cod = ch4_escaped_t * 1e3 / (float(biogas_factor("b0_cod")) * float(biogas_factor("mcf_" + BASELINE)))
    r_full = full.run(cod)
    # engine share that makes the claimed electricity; the rest of the captured gas is flared
    per_kg_to_engine_kwh = (1.0 - full.engine_slip) * methane_lhv() * ENGINE_EFFICIENCY / 3.6e6
    engine_ch4 = CLAIMS["electricity"] / per_kg_to_engine_kwh
    flared = 1.0 - full.leakage - engine_ch4 / r_full.methane_produced
    matched = AnaerobicDigester(BASELINE, electrical_efficiency=ENGINE_EFFICIENCY, flared_fraction=flared).run(cod)
    ef = float(announced_grid_factor("TW", CLAIM_YEAR))
    scope2_t = CLAIMS["electricity"] * ef / 1e3
    total = matched.avoided_methane_co2e_t + scope2_t
    price = float(energy_price("electricity_kwh", "TW", "2024-04-01"))
    money = CLAIMS["electricity"] * price
    # electricity implied by the claim's own methane at the engine efficiency (no leakage/flare)
    implied_kwh = ch4_escaped_t * 1e3 * methane_lhv() * ENGINE_EFFICIENCY / 3.6e6
    figs = (
        Figure(CASE_ID, "methane_escaped_before", None, ch4_escaped_t, "t CH4/yr",
               f"10,000 t CO2e / GWP-100 {g:g} (AR5)"),
        Figure(CASE_ID, "cod_to_treatment", None, cod / 1e3, "t COD/yr",
               "COD an open deep anaerobic lagoon (B0 0.25, MCF 0.8) needs to emit that methane"),
        Figure(CASE_ID, "electricity_all_biogas_to_engine", CLAIMS["electricity"], r_full.electricity_kwh, "kWh/yr",
               f"digester 0.35 Nm3/kg COD, 5 % leak, engine {ENGINE_EFFICIENCY:g} LHV, 1.5 % slip"),
        Figure(CASE_ID, "electricity_from_escaped_methane", CLAIMS["electricity"], implied_kwh, "kWh/yr",
               "the claim's escaped methane burnt at the engine efficiency, no losses"),
        Figure(CASE_ID, "engine_share_of_methane_for_claim", None, 100.0 * engine_ch4 / r_full.methane_produced, "%",
               "share of produced CH4 the engine burns to make 500,000 kWh/yr"),
        Figure(CASE_ID, "co2e_avoided", CLAIMS["co2e"], total, "t CO2e/yr",
               f"avoided CH4 (rest flared at 98 %) + 500,000 kWh x {ef:g} kg/kWh ({GRID_YEAR})"),
        Figure(CASE_ID, "co2e_avoided_methane_only", None, matched.avoided_methane_co2e_t, "t CO2e/yr",
               "baseline lagoon CH4 minus leak, slip and unburnt flare CH4"),
        Figure(CASE_ID, "co2e_scope2_electricity", None, scope2_t, "t CO2e/yr", "500,000 kWh at the grid factor"),
        Figure(CASE_ID, "electricity_cost_saved", None, money, "NT$/yr", f"NT${price:g}/kWh industrial average (2024-04)"),
        Figure(CASE_ID, "payback_on_electricity", None, simple_payback(CLAIMS["investment"], money), "yr",
               "NT$69 M / electricity saved; carbon value and sludge savings excluded"),
    )
    assumptions = (
        f"GWP-100 of CH4 {g:g} (IPCC AR5, as Taiwan's inventory rules); AR6 would give {float(gwp('CH4', 'AR6')):g}",
        "baseline: open deep anaerobic lagoon, MCF 0.8, B0 0.25 kg CH4/kg COD (IPCC 2006 vol. 5 ch. 6 Tables 6.2, 6.8)",
        "digester: 0.35 Nm3 CH4 per kg COD removed (Metcalf & Eddy 2003), 5 % leakage (IPCC 2006 vol. 5 ch. 4)",
        f"gas engine electrical efficiency {ENGINE_EFFICIENCY:g} (LHV, assumption), 1.5 % methane slip (assumption)",
        "surplus biogas flared, destruction 98 % (AP-42 sec. 2.4); no heat use credited",
        f"grid factor {ef:g} kg CO2e/kWh (TW {GRID_YEAR}, procsim.accounting.grid_factor)",
        "the sludge measure (ultrasonic hydrolysis) is not modelled: the source gives no figure for it",
        "biogenic CO2 from burning biogas is reported apart and not counted",
    )
    verdict = (f"CO2e plausible ({total:,.0f} vs 10,000 t CO2e/yr, {100 * (total / CLAIMS['co2e'] - 1):+.0f} %); "
               f"electricity low: the escaped methane could generate {implied_kwh / 1e6:.2f} GWh/yr, the claim uses "
               f"{100 * engine_ch4 / r_full.methane_produced:.0f} % of the captured gas (rest flared or unreported)")
    details = {"verdict": verdict, "digester_all_to_engine": r_full.__dict__, "digester_matched": matched.__dict__,
               "flared_fraction_matched": flared, "biogenic_co2_t": matched.biogenic_co2_t}
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)


# ------------------------------------------------------------------ review (procsim.review)
REVIEW_INPUTS = (
    UncertainInput("leakage", 0.05, 0.0, 0.10, "-", "IPCC 2006 vol. 5 ch. 4: 5 % default; 0-10 % judgement",
                   limits=(0.0, 1.0)),
    UncertainInput("engine_slip", 0.015, 0.005, 0.03, "-", "judgement: lean-burn gas engines' methane slip",
                   limits=(0.0, 1.0)),
    UncertainInput("flare_destruction", 0.98, 0.90, 0.995, "-", "AP-42 sec. 2.4: 0.98; 0.90 for open flares "
                   "(judgement)", limits=(0.0, 1.0)),
    UncertainInput("engine_efficiency", ENGINE_EFFICIENCY, 0.36, 0.42, "-",
                   "0.2-1 MWe biogas engine data sheets (the case's assumption)"),
)


def co2e_avoided_t(leakage=0.05, engine_slip=0.015, flare_destruction=0.98, engine_efficiency=ENGINE_EFFICIENCY):
    """t CO2e/yr avoided: methane no longer escaping (the source's 10,000 t baseline) with the claimed
    500,000 kWh from the engine and the rest flared, plus the electricity at the date factor."""
    g = float(gwp("CH4", "AR5"))
    cod = CLAIMS["co2e"] / g * 1e3 / (float(biogas_factor("b0_cod")) * float(biogas_factor("mcf_" + BASELINE)))
    kw = dict(electrical_efficiency=engine_efficiency, leakage=leakage, engine_slip=engine_slip,
              flare_destruction=flare_destruction)
    produced = AnaerobicDigester(BASELINE, **kw).run(cod).methane_produced
    engine_ch4 = CLAIMS["electricity"] / ((1.0 - engine_slip) * methane_lhv() * engine_efficiency / 3.6e6)
    flared = 1.0 - leakage - engine_ch4 / produced
    r = AnaerobicDigester(BASELINE, flared_fraction=flared, **kw).run(cod)
    return r.avoided_methane_co2e_t + CLAIMS["electricity"] * float(announced_grid_factor("TW", CLAIM_YEAR)) / 1e3


def review(n: int = 200, seed: int = 16) -> CaseResult:
    """:func:`run` plus the share of the captured methane the 500,000 kWh uses (judged against
    plants that burn their biogas), the P10-P90 range of the CO2e, its tornado and flip values."""
    res = run()
    share = next(f.computed for f in res.figures if f.metric == "engine_share_of_methane_for_claim") / 100.0
    implied = (ImpliedValue("share of captured methane to the engine", share, "-", 0.5, 1.0,
                            "judgement: digesters with a gas engine burn most of the gas in it", CLAIMS["electricity"],
                            reading="500,000 kWh/yr from the escaped methane"),)
    rng = figure_range(co2e_avoided_t, REVIEW_INPUTS, CLAIMS["co2e"], metric="co2e_avoided", n=n, seed=seed)
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=implied,
                      ranges=(rng,), verdicts=(res.details["verdict"], implied[0].describe(), range_line(rng)))
