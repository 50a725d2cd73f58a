"""Seed case 17: dyeing plant, boiler fuel switch from coal to natural gas.

Source (seed-cases.md, case 17, a briefing): scope 1 28,454 t CO2e/yr, scope 2 5,192 t;
measures include a boiler fuel switch claimed at -40 % CO2; subsidy NT$4.55 M. The source
gives no boiler data, so this case documents its own baseline (illustrative, not the plant's):

* Baseline fuel: bituminous coal ("bituminous_coal" of procsim/data/fuels.toml). Why coal
  and not residual fuel oil: at equal boiler efficiency a switch to gas cuts CO2 by
  1 - 56.1/94.6 = 41 % from coal but only 1 - 56.1/77.4 = 28 % from fuel oil (IPCC 2006
  factors), so only a coal baseline can give the claimed -40 %; coal-fired steam boilers
  were also the common choice of Taiwanese dyeing and finishing plants.
* All scope-1 emissions are the boiler's (other scope-1 sources of a dyeing plant, such as
  stenter burners and vehicles, are taken as zero); the baseline plant is sized so that
  fuel CO2 (carbon balance) + CH4 + N2O (IPCC 2006 Table 2.3, manufacturing; AR5 GWP) equals
  28,454 t CO2e/yr.
* Steam 10 bar(g) saturated, feedwater 80 C at 13 bar(a) (partial condensate return),
  blowdown 5 %, combustion air 30 C, 7,200 h/yr at 75 % average load (three shifts,
  ~300 days). All of these are assumptions, unverified: the briefing gives none of them.
* Coal boiler (water-tube, stoker-fired): 7 % O2 dry (~50 % excess air), stack 220 C,
  no CO, radiation 1.0 % of rated output, 2 % other loss standing for unburned
  carbon in ash (stoker range 1-3 %, unverified; the carbon balance still counts all carbon
  as CO2, slightly overstating baseline CO2).
* Gas boiler (fire-tube with economizer): 3 % O2 dry, stack 150 C, radiation 0.5 %.

Efficiencies come from the heat-loss model (units.boiler), fuel CO2 from each fuel's carbon
balance (procsim.thermo.combustion), CH4/N2O factors and GWPs from procsim.accounting.
"""
from __future__ import annotations

from functools import lru_cache

from procsim.accounting import fuel_factor, gwp
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, ImpliedValue, UncertainInput, figure_range, range_line
from procsim.stream import Stream
from procsim.thermo.combustion import NORMAL_MOLAR_VOLUME, Fuel
from units.boiler import Boiler

CASE_ID = "seed17_dyeing_fuel_switch"
TITLE = "Dyeing plant: coal-fired steam boiler switched to natural gas"

#: The passage the claim comes from, quoted verbatim (tests/test_case_sources.py checks it).
SOURCES = (ClaimSource(
    "sources/000_83b3dd293773c7f1.txt (MOEA Industrial Development Bureau briefing, 2023)", 465,
    "範疇1： 28,454 tCO2e ... 範疇2：5,192 tCO2e ... 改用低浴比染色機，效率提升50%。 ... 鍋爐低碳燃料替代，減碳量40%。 ... "
    "熱水回收再利用，減碳5%。 ... 低碳補助 ... 455萬元",
    "Scope 1: 28,454 t CO2e ... scope 2: 5,192 t CO2e ... switch to low-liquor-ratio dyeing machines, efficiency "
    "+50 % ... low-carbon boiler fuel substitution, 40 % less carbon ... hot-water recovery and reuse, 5 % less "
    "carbon ... low-carbon subsidy ... NT$4.55 M.",
    ("the boiler fuel before and after (t coal, Nm3 gas per year) and steam output",
     "whether the 40 % is of the boiler's emissions or of scope 1"),
    seed="17"),)

SCOPE1_CLAIMED = 28454.0          # t CO2e/yr (briefing)
CLAIMED_REDUCTION = 0.40          # boiler fuel switch
HOURS = 7200.0                    # h/yr (assumption)
LOAD = 0.75                       # average load / rated (assumption)
STEAM_PRESSURE = 1101325.0        # Pa abs, 10 bar(g) (assumption)
FEEDWATER_T = 353.15              # K, 80 C (assumption)
FEEDWATER_P = 1.3e6               # Pa abs, feed-pump discharge (assumption)
BLOWDOWN = 0.05                   # blowdown / feedwater (assumption)


def _boilers(rated, coal_stack=493.15, coal_o2=0.07, coal_other_loss=0.02, gas_stack=423.15, gas_o2=0.03):
    coal = Boiler(name="coal_boiler", fuel="bituminous_coal", rated_output=rated, kind="water_tube",
                  steam_pressure=STEAM_PRESSURE, o2_dry=coal_o2, stack_temperature=coal_stack,
                  air_temperature=303.15, radiation_loss=0.010, other_loss=coal_other_loss,
                  blowdown_fraction=BLOWDOWN)
    gas = Boiler(name="gas_boiler", fuel="natural_gas", rated_output=rated, kind="fire_tube",
                 steam_pressure=STEAM_PRESSURE, o2_dry=gas_o2, stack_temperature=gas_stack,
                 air_temperature=303.15, radiation_loss=0.005, blowdown_fraction=BLOWDOWN)
    return coal, gas


def _co2e_per_kg(fuel: Fuel, ipcc_name: str) -> float:
    """kg CO2e per kg fuel: carbon-balance CO2 + IPCC CH4/N2O (manufacturing) x AR5 GWP."""
    tj_per_kg = fuel.lhv / 1e12
    other = (float(fuel_factor(ipcc_name, "ch4")) * float(gwp("CH4", "AR5"))
             + float(fuel_factor(ipcc_name, "n2o")) * float(gwp("N2O", "AR5"))) * tj_per_kg
    return fuel.co2_per_kg + other


def _annual(boiler: Boiler, feed_flow: float, ipcc_name: str) -> dict:
    fw = Stream("Water", FEEDWATER_T, FEEDWATER_P, feed_flow)
    r = boiler.solve({"feedwater": fw, **boiler.supply(fw)}).result
    sec = HOURS * 3600.0
    fuel_t = r.fuel_mass_flow * sec / 1000.0
    return {"result": r, "fuel_t": fuel_t, "co2e_t": fuel_t * _co2e_per_kg(boiler.fuel, ipcc_name),
            "steam_t": r.steam_flow * sec / 1000.0}


def run() -> CaseResult:
    # size: at a fixed operating point CO2e is proportional to the feedwater flow; the
    # radiation loss depends on the rated output, so rescale until the total is met
    feed_flow, rated = 1.0, 1e7
    for _ in range(20):
        coal, gas = _boilers(rated)
        base = _annual(coal, feed_flow, "other_bituminous_coal")
        if abs(base["co2e_t"] / SCOPE1_CLAIMED - 1.0) < 1e-9:
            break
        feed_flow *= SCOPE1_CLAIMED / base["co2e_t"]
        rated = base["result"].useful_heat * SCOPE1_CLAIMED / base["co2e_t"] / LOAD
    new = _annual(gas, feed_flow, "natural_gas")
    ng = gas.fuel
    nm3 = new["fuel_t"] * 1000.0 / ng.molar_mass * NORMAL_MOLAR_VOLUME
    reduction = 1.0 - new["co2e_t"] / base["co2e_t"]
    rb, rn = base["result"], new["result"]
    figs = (
        Figure(CASE_ID, "scope1_baseline", SCOPE1_CLAIMED, base["co2e_t"], "t CO2e/yr",
               "baseline sized to the briefing's scope 1 (all of it from the coal boiler)"),
        Figure(CASE_ID, "co2_reduction_fraction", CLAIMED_REDUCTION * 100, reduction * 100, "%",
               "coal -> natural gas at equal steam, efficiencies by the heat-loss model"),
        Figure(CASE_ID, "co2_reduction", CLAIMED_REDUCTION * SCOPE1_CLAIMED,
               base["co2e_t"] - new["co2e_t"], "t CO2e/yr", "claimed value = 40 % x 28,454 t"),
        Figure(CASE_ID, "retrofit_scope1", None, new["co2e_t"], "t CO2e/yr"),
        Figure(CASE_ID, "coal_use", None, base["fuel_t"], "t/yr", "bituminous coal as received"),
        Figure(CASE_ID, "natural_gas_use", None, nm3, "Nm3/yr", "0 C, 101.325 kPa"),
        Figure(CASE_ID, "steam_output", None, base["steam_t"], "t/yr", "10 bar(g) saturated"),
        Figure(CASE_ID, "coal_boiler_efficiency_hhv", None, rb.efficiency_hhv * 100, "%"),
        Figure(CASE_ID, "gas_boiler_efficiency_hhv", None, rn.efficiency_hhv * 100, "%"),
    )
    assumptions = (
        "baseline coal: IPCC 2006 other bituminous coal class, representative analysis, LHV "
        f"{coal.fuel.lhv / 1e6:.2f} MJ/kg (IPCC NCV 25.8)",
        "natural gas: representative Taiwan regasified LNG, LHV "
        f"{ng.lhv / 1e6:.2f} MJ/kg (composition not from a CPC certificate)",
        f"{HOURS:.0f} h/yr at {LOAD:.0%} of rated output; steam 10 bar(g) sat.; feedwater 80 C; blowdown 5 %",
        "coal boiler: 7 % O2, stack 220 C, radiation 1 % of rated, 2 % unburned-carbon loss",
        "gas boiler: 3 % O2, stack 150 C (economizer), radiation 0.5 % of rated",
        "CH4/N2O: IPCC 2006 Table 2.3 manufacturing, AR5 GWP (procsim.accounting)",
        "scope 2 (5,192 t) and the other measures of the briefing are outside this case",
    )
    details = {"rated_output_W": coal.rated_output, "feedwater_kg_s": feed_flow,
               "coal_losses": dict(rb.losses), "gas_losses": dict(rn.losses),
               "coal_excess_air": rb.excess_air, "gas_excess_air": rn.excess_air,
               "subsidy_NTD": 4.55e6}
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)


# ------------------------------------------------------------------ review (procsim.review)
REVIEW_INPUTS = (
    UncertainInput("coal_stack", 220.0, 180.0, 250.0, "degC", "judgement: stoker-fired coal boilers without economizer"),
    UncertainInput("coal_o2", 0.07, 0.05, 0.09, "-", "judgement: stoker firing, 30-70 % excess air"),
    UncertainInput("coal_unburned_loss", 0.02, 0.01, 0.03, "-", "stoker range 1-3 % (the case's assumption)"),
    UncertainInput("gas_stack", 150.0, 120.0, 180.0, "degC", "judgement: gas fire-tube boiler with or without economizer"),
    UncertainInput("gas_o2", 0.03, 0.02, 0.04, "-", "judgement: gas burner trim"),
)


@lru_cache(maxsize=1)
def _size():
    res = run()
    return res.details["rated_output_W"], res.details["feedwater_kg_s"]


def co2_reduction_pct(coal_stack=220.0, coal_o2=0.07, coal_unburned_loss=0.02, gas_stack=150.0, gas_o2=0.03):
    """CO2e cut [%] by the coal -> gas switch at equal steam (the nominal plant size; the fraction
    does not depend on it except through the radiation loss)."""
    rated, feed = _size()
    coal, gas = _boilers(rated, coal_stack + 273.15, coal_o2, coal_unburned_loss, gas_stack + 273.15, gas_o2)
    return 100.0 * (1.0 - _annual(gas, feed, "natural_gas")["co2e_t"]
                    / _annual(coal, feed, "other_bituminous_coal")["co2e_t"])


def review(n: int = 24, seed: int = 17) -> CaseResult:
    """:func:`run` plus the share of scope 1 the switched boiler must emit for -40 % of scope 1,
    the P10-P90 range of the switch's CO2 cut, its tornado and flip values."""
    res = run()
    cut = next(f.computed for f in res.figures if f.metric == "co2_reduction_fraction")
    implied = (ImpliedValue("boiler share of scope 1", CLAIMED_REDUCTION * 100.0 / cut, "-", 0.8, 1.0,
                            "judgement: the steam boiler dominates a dyehouse's scope 1 (stenters and vehicles "
                            "the rest)", CLAIMED_REDUCTION * 100.0, reading="-40 % of the plant's scope 1"),)
    rng = figure_range(co2_reduction_pct, REVIEW_INPUTS, CLAIMED_REDUCTION * 100.0,
                       metric="co2_reduction_fraction (boiler)", n=n, seed=seed)
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=implied,
                      ranges=(rng,), verdicts=(implied[0].describe(), range_line(rng)))
