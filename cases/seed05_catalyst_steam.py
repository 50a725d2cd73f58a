"""Seed case 5: petrochemical dehydrogenation catalyst swap, steam 162.1 -> 155.4 t/h.

Source (seed-cases.md, case 5): steam use 162.1 t/h before, 155.4 t/h after; 8,000 h/yr;
claimed 53,600 t steam/yr saved, 16,655 t CO2/yr, NT$40 M/yr, investment NT$100 M, payback
2.5 yr, energy saving rate 4.1 %. The source names neither the fuel nor the steam conditions.

The site (every number an assumption, listed in ``assumptions``): a three-header boiler
house, HP 41 bar(g) / MP 11 bar(g) / LP 3.5 bar(g); boilers at 42 bar(g), 400 C, 2 %
blowdown, efficiency from units.boiler's heat-loss model (water-tube, 3 % O2, stack 150 C);
the dehydrogenation section draws its 162.1 t/h from the MP header as reactor dilution steam
(injected into the process, so no condensate comes back from it: the usual arrangement
of steam-diluted dehydrogenation, e.g. ethylbenzene to styrene); a back-pressure turbine
passes 60 t/h HP -> MP (power unchanged by the swap); the rest of the site uses 25 t/h of LP
steam with 80 % condensate return at 80 C; HP -> MP letdown desuperheated to 230 C; the
deaerator at 1.2 bar(a) takes LP steam; blowdown flashes to LP, no blowdown exchanger;
make-up at 25 C.

The catalyst swap is the retrofit ``demand_reduction`` of the dehydrogenation user, carried
through the whole site (:func:`units.steam.retrofits.evaluate_retrofit`), with natural gas
as the stated fuel; the CO2 is also given for a coal-fired boiler house, because the claimed
16,655 t CO2 per 53,600 t steam (0.311 t/t) is what coal-fired steam emits, not gas-fired.
"""
from __future__ import annotations

from procsim.accounting import carrier_energy, emissions, simple_payback
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, ImpliedValue, UncertainInput, figure_range
from procsim.thermo.combustion import Fuel
from units.steam.description import site_from_dict
from units.steam.retrofits import Retrofit, evaluate_retrofit

CASE_ID = "seed05_catalyst_steam"
TITLE = "Petrochemical dehydrogenation catalyst swap: 162.1 -> 155.4 t/h steam through a 3-header site"

BEFORE, AFTER = 162.1, 155.4          # t/h, the source
HOURS = 8000.0                        # h/yr, the source
INVESTMENT = 100.0e6                  # NT$, the source
SO_BEFORE, SO_AFTER = 1.08, 1.03     # steam-to-oil ratio (S/O) before and after, the source (lines 158, 160)
CLAIMS = {"steam": 53600.0, "co2": 16655.0, "money": 40.0e6, "payback": 2.5, "rate": 4.1}
GAS_PRICE = 15.0                      # NT$/Nm3 (assumption, unverified; the same as seed case 2)
WATER_PRICE = 12.0e-3                 # NT$/kg = NT$12/m3 treated make-up (assumption, unverified)
# typical fuel prices to judge what the claimed money implies (judgement, unverified: not cited
# Taiwan delivered prices): industrial natural gas NT$12-20/Nm3 (CPC industrial tariffs
# 2022-2024 as reported in the press); imported steam coal NT$3,000-6,000/t delivered
# (international thermal-coal indices of about US$100-180/t in 2023-2024 at NT$31-32/US$)
GAS_PRICE_RANGE = (12.0, 20.0)        # NT$/Nm3
COAL_PRICE_RANGE = (3000.0, 6000.0)   # NT$/t


SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 158,
    "S/O 水油比為 1.08，不如預期效益。脫氫觸媒改善前蒸汽平均供應量為 162.1 公噸/時（次中壓蒸汽量及低壓蒸汽量加總）... "
    "S/O 水油比可從 1.08 降為 1.03，減用蒸汽用量達到節汽目的。脫氫觸媒改善後蒸汽平均供應量降為 155.4 公噸/時。"
    "本案投資金額 1 億元，每年節能率 4.1%，操作時數 8,000 時/年估算，每年蒸汽可減少 53,600 公噸，減碳量約 16,655 公噸/年，"
    "每年節省成本 4,000 萬元，預計 2.5 年可回收投資。",
    "... the steam-to-oil ratio was 1.08, short of the expected benefit. Before the catalyst change, steam supply "
    "averaged 162.1 t/h (sub-medium-pressure plus low-pressure steam) ... the steam-to-oil ratio can fall from "
    "1.08 to 1.03, using less steam. After, 155.4 t/h. Investment NT$100 M, energy saving rate 4.1 %/yr, at 8,000 h/yr steam falls by 53,600 t, "
    "CO2 by about 16,655 t/yr, cost by NT$40 M/yr; payback 2.5 yr.",
    ("the boiler fuel (coal or gas) and its invoiced price for the steam saved",
     "steam meter readings of the dehydrogenation unit before and after, with the steam-to-oil ratio and throughput"),
    seed="5"),)


def site_description(fuel: str = "natural_gas") -> dict:
    """The documented three-header site (see the module docstring)."""
    return {
        "name": "seed05 petrochemical site",
        "boiler": {"pressure": "42 bar(g)", "temperature": "400 degC", "blowdown_fraction": 0.02, "basis": "lhv",
                   "fuel": fuel,
                   "fired": {"fuel": fuel, "rated_output": "200 MW", "kind": "water_tube", "o2_dry": 0.03,
                             "stack_temperature": "150 degC", "air_temperature": "30 degC"}},
        "headers": [{"name": "HP", "pressure": "41 bar(g)"}, {"name": "MP", "pressure": "11 bar(g)"},
                    {"name": "LP", "pressure": "3.5 bar(g)"}],
        "users": [{"name": "dehydrogenation", "header": "MP", "flow": f"{BEFORE} t/h", "direct_fraction": 1.0},
                  {"name": "site_lp", "header": "LP", "flow": "25 t/h", "condensate_recovery": 0.8}],
        "turbines": [{"name": "bp_turbine", "inlet": "HP", "outlet": "MP", "flow": "60 t/h",
                      "isentropic_efficiency": 0.72, "generator_efficiency": 0.96}],
        "letdowns": [{"inlet": "HP", "outlet": "MP", "desuperheat_to": "230 degC"}, {"inlet": "MP", "outlet": "LP"}],
        "deaerator": {"pressure": "1.2 bar(a)", "vent_fraction": 0.001, "header": "LP"},
        "condensate": {"return_temperature": "80 degC"}, "makeup": {"temperature": "25 degC"},
        "blowdown": {"flash_header": "LP"},
        "economics": {"hours": HOURS, "water_price": WATER_PRICE},
    }


def _fuel_co2_t(fuel_energy_lhv: float, fuel: str) -> tuple[float, float]:
    """(t CO2e, amount in the accounting carrier) for fuel energy [J, LHV] of ``fuel``."""
    f = Fuel.from_name(fuel)
    kg = fuel_energy_lhv / f.lhv
    if fuel == "natural_gas":
        nm3 = kg * f.volume_per_kg
        return emissions({"natural_gas_nm3": nm3}).total_co2e_t, nm3
    t = fuel_energy_lhv / carrier_energy("coal_t", 1.0, "J")   # IPCC 2006 NCV, other bituminous coal
    return emissions({"coal_t": t}).total_co2e_t, t


def run() -> CaseResult:
    retro = Retrofit("demand_reduction", {"user": "dehydrogenation", "flow": AFTER / 3.6}, investment=INVESTMENT)
    gas = evaluate_retrofit(site_from_dict(site_description("natural_gas")), retro)
    coal = evaluate_retrofit(site_from_dict(site_description("bituminous_coal")), retro)
    sec = HOURS * 3600.0
    process_steam_saved = (BEFORE - AFTER) * HOURS
    boiler_steam_saved = gas.boiler_steam_saved * sec / 1e3
    co2_gas, nm3 = _fuel_co2_t(gas.fuel_saved_per_year, "natural_gas")
    co2_coal, coal_t = _fuel_co2_t(coal.fuel_saved_per_year, "bituminous_coal")
    money = nm3 * GAS_PRICE + gas.makeup_saved * sec * WATER_PRICE
    payback = simple_payback(INVESTMENT, money)
    rate = 100.0 * gas.fuel_saved / gas.baseline.fuel_input
    base = gas.baseline
    water_money = gas.makeup_saved * sec * WATER_PRICE
    implied = (
        ImpliedValue("coal price", (CLAIMS["money"] - water_money) / coal_t, "NT$/t", *COAL_PRICE_RANGE,
                     "judgement (international thermal-coal indices 2023-24), unverified", CLAIMS["money"],
                     reading="coal-fired steam (the reading the CO2 supports)"),
        ImpliedValue("natural gas price", (CLAIMS["money"] - water_money) / nm3, "NT$/Nm3", *GAS_PRICE_RANGE,
                     "judgement (CPC industrial tariffs 2022-24 as reported), unverified", CLAIMS["money"],
                     reading="gas-fired steam"),
    )
    figs = (
        Figure(CASE_ID, "process_steam_saved", CLAIMS["steam"], process_steam_saved, "t/yr",
               "(162.1 - 155.4) t/h x 8,000 h: the claim's own arithmetic"),
        Figure(CASE_ID, "boiler_steam_saved", CLAIMS["steam"], boiler_steam_saved, "t/yr",
               "site model: less dilution steam also saves make-up heating steam in the deaerator"),
        Figure(CASE_ID, "co2_avoided_gas_boilers", CLAIMS["co2"], co2_gas, "t CO2e/yr",
               "natural-gas boilers, procsim.accounting (IPCC 2006, AR5)"),
        Figure(CASE_ID, "co2_avoided_coal_boilers", CLAIMS["co2"], co2_coal, "t CO2e/yr",
               "bituminous-coal boilers, same site; the claim's 0.311 t CO2/t steam fits coal"),
        Figure(CASE_ID, "fuel_saved_gas", None, gas.fuel_saved_per_year / 1e9, "GJ/yr (LHV)",
               f"{nm3:,.0f} Nm3/yr natural gas"),
        Figure(CASE_ID, "cost_saved", CLAIMS["money"], money, "NT$/yr",
               f"gas at NT${GAS_PRICE:g}/Nm3 and make-up water at NT${WATER_PRICE * 1e3:g}/m3 (assumptions)",
               reading="gas-fired steam"),
        Figure(CASE_ID, "payback", CLAIMS["payback"], payback, "yr", "NT$100 M / cost saved"),
        Figure(CASE_ID, "energy_saving_rate", CLAIMS["rate"], rate, "%",
               "boiler fuel saved / site boiler fuel", reading="share of site boiler fuel"),
        Figure(CASE_ID, "energy_saving_rate", CLAIMS["rate"], 100.0 * (BEFORE - AFTER) / BEFORE, "%",
               "(162.1 - 155.4) / 162.1: the claim's basis", reading="share of the unit's steam"),
    )
    # the source's own steam-to-oil ratios (S/O 1.08 -> 1.03, lines 158 and 160): at equal throughput the
    # claimed steam implies S/O 1.08 x 155.4/162.1 after the swap
    so_after = SO_BEFORE * AFTER / BEFORE
    implied = implied + (ImpliedValue("steam-to-oil ratio after the swap", so_after, "kg/kg", SO_AFTER - 0.005,
                                      SO_AFTER + 0.005, "source: S/O 1.08 -> 1.03 (+-0.005 for its rounding)",
                                      CLAIMS["steam"], reading="equal ethylbenzene throughput",
                                      note=f"throughput {100 * (so_after / SO_AFTER - 1):+.1f} % would reconcile "
                                           "the steam with S/O 1.03"),)
    coal_price, gas_price = implied[:2]
    verdicts = (
        f"CO2 16,655 t: consistent with coal-fired steam ({co2_coal:,.0f} t computed), not gas ({co2_gas:,.0f} t)",
        f"cost NT$40 M/yr and payback 2.5 yr: {'consistent' if coal_price.plausible else 'questionable'} "
        "(before review: questionable, because the steam was priced on natural gas, contradicting the coal "
        f"reading the CO2 supports). On coal: {coal_price.describe()}. On gas: {gas_price.describe()}. "
        "Ask for the fuel invoices: the price decides",
        f"energy saving rate 4.1 %: consistent as a share of the unit's steam "
        f"({100.0 * (BEFORE - AFTER) / BEFORE:.2f} %); as a share of site boiler fuel it is {rate:.2f} %, a "
        "different basis, not an error",
        f"steam-to-oil ratio: at equal throughput the claimed steam implies S/O {so_after:.4f} against the source's "
        f"{SO_AFTER} (1.08 -> 1.03); {implied[2].note}: consistent within the figures' rounding (ask for the "
        "ethylbenzene throughput before and after)",
    )
    assumptions = (
        "source gives no fuel, steam conditions or site layout: three-header site as in the module docstring",
        "boilers 42 bar(g) 400 C, 2 % blowdown; efficiency from units.boiler heat-loss model "
        "(water-tube, 3 % dry O2, stack 150 C, air 30 C), LHV basis",
        "dehydrogenation steam drawn at MP 11 bar(g) and injected into the process (no condensate back)",
        "back-pressure turbine HP -> MP 60 t/h, eta_s 0.72, eta_g 0.96; letdown HP -> MP desuperheated to 230 C",
        "other site steam 25 t/h LP with 80 % condensate return at 80 C; deaerator 1.2 bar(a), vent 0.1 %",
        "make-up 25 C; blowdown flashed to LP; 8,000 h/yr",
        f"natural gas NT${GAS_PRICE:g}/Nm3 and treated water NT$12/m3 (assumptions, unverified); CO2e by "
        "procsim.accounting.emissions (IPCC 2006 factors, AR5 GWP)",
    )
    details = {
        "baseline": {"boiler_steam_t_h": base.boiler_steam * 3.6, "fuel_MW": base.fuel_input / 1e6,
                     "power_generated_MW": base.power_generated / 1e6, "makeup_t_h": base.makeup_water * 3.6,
                     "deaerator_steam_t_h": base.deaerator_steam * 3.6,
                     "boiler_efficiency_lhv": base.boiler_heat / base.fuel_input},
        "retrofit": {"boiler_steam_t_h": gas.after.boiler_steam * 3.6, "fuel_MW": gas.after.fuel_input / 1e6},
        "retrofit_makeup_t_h": gas.after.makeup_water * 3.6,
        "natural_gas_saved_nm3": nm3, "coal_saved_t": coal_t,
        "co2_per_t_process_steam": {"claimed": CLAIMS["co2"] / CLAIMS["steam"], "gas": co2_gas / process_steam_saved,
                                    "coal": co2_coal / process_steam_saved},
        "implied_value_NT_per_t_steam": CLAIMS["money"] / CLAIMS["steam"],
        "site_balance_energy_relative": base.overall["energy_relative"],
    }
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details, implied=implied, verdicts=verdicts)


def review(n: int = 400, seed: int = 5) -> CaseResult:
    """:func:`run` plus the range of the money saved on coal-fired steam (the reading the CO2
    supports) over the coal and water prices, the tornado and each price's flip value."""
    res = run()
    coal_t = res.details["coal_saved_t"]
    makeup_t = (res.details["baseline"]["makeup_t_h"] - res.details["retrofit_makeup_t_h"]) * HOURS

    def money(coal_price, water_price):
        return coal_t * coal_price + makeup_t * 1e3 * water_price

    inputs = (UncertainInput("coal_price", 4500.0, *COAL_PRICE_RANGE, "NT$/t",
                             "judgement (international thermal-coal indices 2023-24), unverified"),
              UncertainInput("water_price", WATER_PRICE, 6.0e-3, 20.0e-3, "NT$/kg",
                             "judgement: treated make-up NT$6-20/m3 (unverified)"))
    rng = figure_range(money, inputs, CLAIMS["money"], metric="cost_saved (coal)", n=n, seed=seed)
    d = rng.decisive
    line = (f"cost NT$40 M/yr on coal-fired steam: {rng.verdict} over the price ranges (P10-P90 "
            f"NT${rng.p10 / 1e6:.1f}-{rng.p90 / 1e6:.1f} M/yr); the claim is reproduced at {d.name} = "
            + (f"{d.flip:,.0f} {d.unit}{'' if d.flip_in_range else ' (outside its range)'}" if d.flip is not None
               else "no value within one range-width of its range"))
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=res.implied,
                      ranges=(rng,), verdicts=res.verdicts + (line,))

