"""Seed case 2: annealing/pickling line, furnace flue gas to steam for the existing header.

Source (seed-cases.md, case 2): a once-through natural-gas boiler supplies steam for drying
and for heating the pickling chemicals; the furnace flue gas after its recuperator is at
120-360 C; a steam generator added after the recuperator feeds the existing steam header and
cuts boiler gas. Claimed: energy saving rate 28 %, 716.3 t CO2e/yr, subsidy NT$3.7 M,
investment NT$7.6 M. The source gives no flows, pressures, hours or gas price.

How the case is built (every number below is an assumption stated in ``assumptions``):

* furnace: natural gas (procsim fuel library) fired at 10 MW (HHV) on average, flue gas
  leaving the recuperator at 6 % dry O2 (burner excess air plus ingress); flue-gas flow and
  composition from :meth:`Fuel.flue_gas`;
* the source states only the flue-gas temperature range: the temperature after the
  recuperator is taken as uniformly distributed over 120-360 C across the operating hours
  (24 bins of 10 K), and the steam generator is evaluated in each bin;
* steam header 7 bar(g) saturated, steam generator drum 0.3 bar above it; feedwater
  80 C from the hot well, pumped above the drum pressure;
* steam generator (:class:`units.heat_exchanger.WasteHeatSteamGenerator`): pinch 10 K,
  approach 5 K, gas-side pressure drop 800 Pa; below saturation + pinch it raises no steam;
* boiler (:class:`units.boiler.Boiler`, once-through, no blowdown): 2.5 t/h class
  (rated 1.8 MW), 3 % dry O2, stack 170 C, air 30 C; baseline demand 2.0 t/h; with the
  steam generator the boiler supplies the rest, at its own part-load efficiency;
* 8,000 h/yr (continuous three-shift line);
* CO2e of the gas saved from procsim.accounting (natural_gas_nm3, IPCC 2006 factors, AR5);
* gas price NT$15/Nm3 (an assumption: no packaged Taiwan gas price; CPC industrial tariffs
  were of this order in 2023-2024, unverified).

With these, the computed saving rate and CO2 are compared with the claims; the furnace
firing that would reproduce the claimed CO2 exactly is reported as a plausibility check.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from procsim.accounting import emissions, simple_payback
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, UncertainInput, figure_range, implied_value, range_line as _range_line
from procsim.flowsheet import Flowsheet
from procsim.quantities import to_si
from procsim.stream import Stream
from procsim.thermo.combustion import Fuel
from units.boiler import Boiler
from units.heat_exchanger import WasteHeatSteamGenerator

CASE_ID = "seed02_annealing_whsg"
TITLE = "Annealing/pickling line: furnace flue gas to steam for the existing header"

#: The passage the claim comes from, quoted verbatim (tests/test_case_sources.py checks it).
SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 436,
    "改善前，生產熱軋鋼捲製程使用直貫流式蒸氣鍋爐，為烘乾不銹鋼表面並加熱化學物品，加速酸洗過程，須以大量天然氣加熱產生蒸氣，"
    "製程中所使用複熱器產生的廢熱溫度高達 120°C 至 360°C 之間。改善後，在複熱器之後增加蒸氣產生器回收煙道內廢熱產出蒸氣，"
    "並將蒸氣導入現有蒸氣系統降低現有鍋爐產氣，節省鍋爐的天然氣使用 ... 補助 370 萬，創造新增投資新臺幣 760 萬元，"
    "此專案有助於節省天然氣耗用，節能率高達 28%，每年可減少 716.3 噸 CO<sub>2</sub>e 排放。",
    "Before, the hot-rolled coil line used a once-through steam boiler to dry the stainless surface and heat the "
    "chemicals that speed pickling, burning much natural gas; the recuperator's waste heat is as hot as 120-360 C. "
    "After, a steam generator after the recuperator recovers flue-gas heat as steam, fed into the existing steam "
    "system to cut the boiler's steam and gas ... subsidy NT$3.7 M, new investment NT$7.6 M; the project saves "
    "natural gas, an energy saving rate as high as 28 %, and 716.3 t CO2e/yr.",
    ("boiler gas meter readings by month for a year before and after, with the line's throughput",
     "flue-gas temperature and flow after the recuperator (logged), and the steam generator's steam meter",
     "whether 28 % is the annual mean or the best period (高達: 'as high as')"),
    seed="2"),)

FURNACE_FIRING_HHV = 10.0e6        # W, average (assumption)
FURNACE_O2_DRY = 0.06              # after the recuperator (assumption)
T_GAS_RANGE = (393.15, 633.15)     # 120-360 C, the source's range
N_BINS = 24
HEADER = "7 bar(g)"
DRUM_MARGIN = 0.3e5                # Pa above the header (line loss to the header)
FEEDWATER_T = 353.15               # 80 C hot well (assumption)
BOILER_DEMAND = 2.0 / 3.6          # kg/s (2.0 t/h), baseline (assumption)
BOILER_RATED = 1.8e6               # W, 2.5 t/h once-through class
HOURS = 8000.0
GAS_PRICE = 15.0                   # NT$/Nm3 (assumption, unverified)
INVESTMENT = 7.6e6
SUBSIDY = 3.7e6
CLAIM_CO2 = 716.3
CLAIM_RATE = 28.0


def _boiler(p_header: float) -> Boiler:
    return Boiler(name="boiler", fuel="natural_gas", rated_output=BOILER_RATED, kind="once_through",
                  steam_pressure=p_header, o2_dry=0.03, stack_temperature=443.15,
                  air_temperature=303.15, blowdown_fraction=0.0)


def _boiler_fuel(boiler: Boiler, feedwater: Stream) -> float:
    """Boiler fuel mass flow [kg/s] for this feedwater flow (0 for no flow)."""
    if feedwater.mass_flow <= 0.0:
        return 0.0
    return boiler.solve({"feedwater": feedwater, **boiler.supply(feedwater)}).result.fuel_mass_flow


def run() -> CaseResult:
    fuel = Fuel.from_name("natural_gas")
    fg = fuel.flue_gas(float(fuel.excess_air(FURNACE_O2_DRY, "dry")))
    m_gas = FURNACE_FIRING_HHV / fuel.hhv * fg.mass_per_kg_fuel
    p_header = to_si(HEADER, "pressure")
    p_drum = p_header + DRUM_MARGIN
    whsg = WasteHeatSteamGenerator("whsg", steam_pressure=p_drum, pinch=10.0, approach=5.0,
                                   pressure_drop_hot=800.0, segments=20)
    boiler = _boiler(p_header)
    fw = Stream("Water", FEEDWATER_T, p_drum + 2.0e5, BOILER_DEMAND)
    fw_boiler = fw.with_(p=p_header + 2.0e5)
    base_fuel = _boiler_fuel(boiler, fw_boiler)

    edges = np.linspace(*T_GAS_RANGE, N_BINS + 1)
    temps = 0.5 * (edges[:-1] + edges[1:])
    steam, fuel_retro, duty = [], [], []
    t_min_gas = None
    for T in temps:
        gas = Stream(fg.mole_fractions, float(T), 101325.0 + 1500.0, m_gas)
        try:
            res = whsg.solve({"gas_in": gas, "feedwater_in": fw}).result
            m_s, q = res.steam_flow, res.duty
        except ValueError:
            m_s, q = 0.0, 0.0          # gas below saturation + pinch: no steam in this bin
        if m_s > 0 and t_min_gas is None:
            t_min_gas = float(T)
        steam.append(m_s)
        duty.append(q)
        fuel_retro.append(_boiler_fuel(boiler, fw_boiler.with_(mass_flow=BOILER_DEMAND - m_s)))
    steam, fuel_retro, duty = map(np.array, (steam, fuel_retro, duty))
    seconds = HOURS * 3600.0
    fuel_saved = (base_fuel - fuel_retro.mean()) * seconds            # kg/yr
    saving_rate = 100.0 * (base_fuel - fuel_retro.mean()) / base_fuel
    nm3_saved = fuel_saved * fuel.volume_per_kg
    co2 = emissions({"natural_gas_nm3": nm3_saved}).total_co2e_t
    co2_ipcc_lhv = fuel_saved * fuel.lhv / 1e12 * 56100.0 / 1e3     # t, IPCC 2006 NCV factor
    money = nm3_saved * GAS_PRICE
    payback_net = simple_payback(INVESTMENT, money, subsidy=SUBSIDY)
    payback_gross = simple_payback(INVESTMENT, money)
    implied_firing = FURNACE_FIRING_HHV * CLAIM_CO2 / co2
    # the two claims together imply the baseline boiler: 716.3 t / 28 % of gas, at this
    # boiler's efficiency and steam enthalpy rise
    t_per_nm3 = co2 / nm3_saved
    base_res = boiler.solve({"feedwater": fw_boiler, **boiler.supply(fw_boiler)}).result
    implied_base_fuel = CLAIM_CO2 / t_per_nm3 / (CLAIM_RATE / 100.0) / fuel.volume_per_kg / seconds
    implied_base_steam = BOILER_DEMAND * implied_base_fuel / base_fuel   # duty ~ fuel at fixed efficiency

    # the design point (360 C) as a flowsheet: steam generator bypass feeds the boiler
    gas_top = Stream(fg.mole_fractions, float(temps[-1]), 101325.0 + 1500.0, m_gas)
    top = whsg.solve({"gas_in": gas_top, "feedwater_in": fw})
    bypass = top.outlets["feedwater_bypass"].with_(p=p_header + 2.0e5)
    fs = Flowsheet("seed02 retrofit at 355 C")
    fs.add(whsg)
    fs.add(boiler)
    fs.feed("whsg.gas_in", gas_top)
    fs.feed("whsg.feedwater_in", fw)
    fs.feed("boiler.feedwater", bypass)
    for port, s in boiler.supply(bypass).items():
        fs.feed(f"boiler.{port}", s)
    sol = fs.solve()

    figs = (
        Figure(CASE_ID, "energy_saving_rate", CLAIM_RATE, saving_rate, "%",
               "boiler gas saved / baseline boiler gas (units.boiler part-load efficiency)",
               reading="annual mean"),
        Figure(CASE_ID, "energy_saving_rate", CLAIM_RATE, 100.0 * (base_fuel - fuel_retro.min()) / base_fuel, "%",
               "at the hottest flue-gas bin (360 C): 節能率高達 28 % reads 'as high as'", reading="peak"),
        Figure(CASE_ID, "co2_avoided", CLAIM_CO2, co2, "t CO2e/yr",
               "procsim.accounting natural_gas_nm3 (IPCC 2006 56,100 kg CO2/TJ + CH4, N2O, AR5)"),
        Figure(CASE_ID, "natural_gas_saved", None, nm3_saved, "Nm3/yr",
               f"{HOURS:.0f} h/yr; fuel library natural gas {fuel.volume_per_kg:.4f} Nm3/kg"),
        Figure(CASE_ID, "steam_generated", None, steam.mean() * seconds / 1e3, "t/yr",
               "steam generator, flue gas uniform over 120-360 C"),
        Figure(CASE_ID, "cost_saved", None, money, "NT$/yr", f"gas at NT${GAS_PRICE:g}/Nm3 (assumption)"),
        Figure(CASE_ID, "payback_after_subsidy", None, payback_net, "yr",
               "(NT$7.6 M investment - NT$3.7 M subsidy) / cost saved"),
        Figure(CASE_ID, "payback_before_subsidy", None, payback_gross, "yr", "NT$7.6 M / cost saved"),
    )
    assumptions = (
        f"furnace: natural gas (procsim fuel library entry {fuel.name!r}) at "
        f"{FURNACE_FIRING_HHV / 1e6:g} MW HHV average, {100 * FURNACE_O2_DRY:g} % dry O2 after the "
        f"recuperator -> flue gas {m_gas:.3f} kg/s",
        "flue gas after the recuperator uniformly distributed over the stated 120-360 C "
        f"({N_BINS} bins); no steam below saturation + pinch ({t_min_gas and t_min_gas - 273.15:.0f} C bin first)",
        f"steam header {HEADER} saturated; drum +0.3 bar; feedwater {FEEDWATER_T - 273.15:g} C",
        "steam generator pinch 10 K, approach 5 K (common design values, unverified), gas dp 800 Pa, no blowdown",
        f"boiler: once-through, rated {BOILER_RATED / 1e6:g} MW, O2 3 % dry, stack 170 C, air 30 C; "
        f"baseline steam {BOILER_DEMAND * 3.6:g} t/h; efficiency from units.boiler heat-loss method",
        f"{HOURS:g} h/yr; gas price NT${GAS_PRICE:g}/Nm3 (unverified)",
        f"furnace firing that would reproduce the claimed 716.3 t CO2e/yr: {implied_firing / 1e6:.2f} MW HHV",
        f"the claims together (716.3 t CO2e at 28 %) imply a baseline boiler of about "
        f"{implied_base_steam * 3.6:.2f} t/h of this steam (gas {implied_base_fuel * fuel.volume_per_kg * seconds:,.0f} Nm3/yr)",
    )
    details = {
        "flue_gas_flow_kg_s": m_gas, "flue_gas_mole_fractions": fg.mole_fractions,
        "bin_temperatures_K": temps.tolist(), "steam_flow_by_bin_kg_s": steam.tolist(),
        "duty_by_bin_W": duty.tolist(), "baseline_boiler_fuel_kg_s": base_fuel,
        "retrofit_boiler_fuel_mean_kg_s": float(fuel_retro.mean()),
        "baseline_boiler_efficiency_hhv": base_res.efficiency_hhv,
        "implied_baseline_steam_kg_s": implied_base_steam,
        "co2_ipcc_lhv_t": co2_ipcc_lhv, "implied_furnace_firing_W": implied_firing,
        "design_point": {"steam_flow": top.result.steam_flow, "pinch": top.result.pinch,
                         "gas_outlet_K": top.result.gas_outlet_temperature, "ua": top.result.ua},
        "flowsheet_energy_relative": sol.overall["energy_relative"],
    }
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)


if __name__ == "__main__":
    from procsim.report import case_markdown

    print(case_markdown(run()))


# ------------------------------------------------------------------ review (procsim.review)
# The source gives no furnace firing, boiler size or hours, so each is an uncertain input with
# a range (engineering judgement: no survey of annealing/pickling lines was at hand).
REVIEW_INPUTS = (
    UncertainInput("furnace_firing", FURNACE_FIRING_HHV / 1e6, 6.0, 14.0, "MW (HHV)",
                   "judgement: average firing of a continuous annealing furnace of a hot-rolled stainless "
                   "coil line; 10 MW nominal"),
    UncertainInput("boiler_demand", BOILER_DEMAND * 3.6, 1.5, 2.5, "t/h",
                   "judgement: steam for drying and pickling-bath heating, within the 2.5 t/h once-through "
                   "boiler class the source's line uses"),
    UncertainInput("hours", HOURS, 7000.0, 8400.0, "h/yr",
                   "judgement: continuous three-shift line less 2-7 weeks of stops"),
)


@lru_cache(maxsize=1)
def fast_model() -> dict:
    """The case model reduced to what varies in the review, exactly:

    * steam per kg of flue gas in each temperature bin (the pinch-limited steam flow of the
      steam generator is proportional to the gas flow at a fixed gas state and feedwater);
    * the boiler's fuel as an affine function of its feedwater flow (the heat-loss method with
      a radiation loss fixed in W makes fuel = a + b m; checked here against a third solve).
    """
    fuel = Fuel.from_name("natural_gas")
    fg = fuel.flue_gas(float(fuel.excess_air(FURNACE_O2_DRY, "dry")))
    gas_per_w = fg.mass_per_kg_fuel / fuel.hhv                        # kg/s flue gas per W fired (HHV)
    p_header = to_si(HEADER, "pressure")
    p_drum = p_header + DRUM_MARGIN
    whsg = WasteHeatSteamGenerator("whsg", steam_pressure=p_drum, pinch=10.0, approach=5.0,
                                   pressure_drop_hot=800.0, segments=20)
    fw = Stream("Water", FEEDWATER_T, p_drum + 2.0e5, 1.0)
    edges = np.linspace(*T_GAS_RANGE, N_BINS + 1)
    per_kg = []
    for T in 0.5 * (edges[:-1] + edges[1:]):
        gas = Stream(fg.mole_fractions, float(T), 101325.0 + 1500.0, 1.0)
        try:
            per_kg.append(whsg.solve({"gas_in": gas, "feedwater_in": fw}).result.steam_flow)
        except ValueError:
            per_kg.append(0.0)
    boiler = _boiler(p_header)
    fwb = Stream("Water", FEEDWATER_T, p_header + 2.0e5, 1.0)
    f1, f2, f3 = (_boiler_fuel(boiler, fwb.with_(mass_flow=m)) for m in (0.2, 0.8, 0.5))
    b = (f2 - f1) / 0.6
    a = f1 - 0.2 * b
    if abs(a + 0.5 * b - f3) > 1e-9 * f3:
        raise ValueError(f"seed02 review: boiler fuel is not affine in feedwater flow ({a + 0.5 * b!r} vs {f3!r})")
    nm3 = fuel.volume_per_kg
    return {"steam_per_kg_gas": np.array(per_kg), "gas_per_w": gas_per_w, "fuel_a": a, "fuel_b": b,
            "t_per_nm3": emissions({"natural_gas_nm3": 1.0e6}).total_co2e_t / 1e6, "nm3_per_kg": nm3}


def _fast(furnace_firing, boiler_demand):
    """(baseline boiler fuel [kg/s], mean retrofit boiler fuel [kg/s]) for firing [MW], demand [t/h]."""
    fm = fast_model()
    demand = boiler_demand / 3.6
    rest = np.maximum(demand - furnace_firing * 1e6 * fm["gas_per_w"] * fm["steam_per_kg_gas"], 0.0)
    fuel = np.where(rest > 0.0, fm["fuel_a"] + fm["fuel_b"] * rest, 0.0)
    return fm["fuel_a"] + fm["fuel_b"] * demand, float(fuel.mean())


def saving_rate_pct(furnace_firing=FURNACE_FIRING_HHV / 1e6, boiler_demand=BOILER_DEMAND * 3.6, hours=HOURS):
    """Annual-mean boiler gas saving [%] (the 'annual mean' reading of 節能率)."""
    base, retro = _fast(furnace_firing, boiler_demand)
    return 100.0 * (1.0 - retro / base)


def co2_t(furnace_firing=FURNACE_FIRING_HHV / 1e6, boiler_demand=BOILER_DEMAND * 3.6, hours=HOURS):
    """CO2e avoided [t/yr] by the boiler gas saved."""
    fm = fast_model()
    base, retro = _fast(furnace_firing, boiler_demand)
    return (base - retro) * hours * 3600.0 * fm["nm3_per_kg"] * fm["t_per_nm3"]


def review(n: int = 64, seed: int = 2) -> CaseResult:
    """:func:`run` plus what the two claims imply (the boiler size that gives 28 % at the nominal
    firing; the firing that gives 716.3 t), their P10-P90 ranges over firing, boiler demand and
    hours, the tornados and flip values. The model is :func:`fast_model` (the case model reduced
    exactly; a test checks it against :func:`run`)."""
    res = run()
    u_fire, u_dem, u_h = REVIEW_INPUTS
    implied = (
        implied_value(lambda d: saving_rate_pct(boiler_demand=d), CLAIM_RATE, parameter="boiler steam demand",
                      unit="t/h", search=(0.5, 6.0), typical=(u_dem.low, u_dem.high), source=u_dem.source,
                      reading="annual mean, 10 MW furnace", xtol=1e-6),
        implied_value(lambda f: co2_t(furnace_firing=f), CLAIM_CO2, parameter="furnace firing", unit="MW (HHV)",
                      search=(1.0, 40.0), typical=(u_fire.low, u_fire.high), source=u_fire.source,
                      reading="2.0 t/h boiler, 8,000 h/yr", xtol=1e-6),
    )
    ranges = (figure_range(saving_rate_pct, REVIEW_INPUTS[:2], CLAIM_RATE, metric="energy_saving_rate (annual mean)",
                           n=n, seed=seed),
              figure_range(co2_t, REVIEW_INPUTS, CLAIM_CO2, metric="co2_avoided", n=n, seed=seed))
    lines = tuple(_range_line(r) for r in ranges) + tuple(i.describe() for i in implied)
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=implied,
                      ranges=ranges, verdicts=res.verdicts + lines)
