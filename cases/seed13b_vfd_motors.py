"""Seed case 13b: semiconductor parts maker, VFD compressors, VFD motors and an EMS.

Source (001_2aa617614eec5f04.txt, 半導體相關業 passage): 導入一級能效之變頻空壓主機與馬達變頻器
... 建置 EMS ... 計畫總投入超過 2,000 萬元, 年節電達 175 萬度; the highlights (亮點成效) say
總效益可節省 175 萬元/年. The text claims 1.75 million kWh/yr, the highlights NT$1.75 M/yr.

No equipment data are given, so this case asks what equipment the claim needs. It models
the VFD-motor part with the pump and fan models of procsim (units.fans, units.pumps,
units.motors) on a representative duty, and reports the saving per kW of converted motor:

* fans (cleanroom make-up/exhaust air): damper-controlled centrifugal fan, design
  12 m3/s at 2.0 kPa with 30 % of the design pressure static (filters, coils at constant
  resistance are counted as friction; the 30 % is the pressure held by the cleanroom
  cascade), 55 kW IE3 4-pole 60 Hz motor, belt driven (V-belt 93 %);
* pumps (process cooling water): throttled pump, design 0.1 m3/s at 42 m with 15 m static,
  75 kW IE3 motor, direct drive;
* duty (assumption, 24/7 = 8,760 h/yr, semiconductor plants run continuously):
  25 % of hours at 100 % flow, 45 % at 80 %, 30 % at 60 %;
* retrofit: VFD on the same motor (drive 97 % at rated load);
* money at the packaged 2024 Taiwan industrial tariff; CO2e at the announced 2024 grid factor.

The verdict: which of the two claimed figures (1.75 M kWh or NT$1.75 M) the rest of the
passage supports, and how much converted motor power 1.75 GWh/yr needs.
"""
from __future__ import annotations

import numpy as np

from procsim.accounting import announced_grid_factor, compare, energy_price
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, ImpliedValue, UncertainInput, figure_range, range_line
from units.fans import FanSystem
from units.motors import Motor
from units.pumps import MachineCurve, PumpSystem, SystemCurve

CASE_ID = "seed13b_vfd_motors"
TITLE = "Semiconductor parts maker: VFD motors (fans and pumps) from equipment models"

#: The passage the claim comes from, quoted verbatim (tests/test_case_sources.py checks it).
SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 747,
    "該半導體相關業進一步推動製程設備升級，優先汰換重大耗能設備，導入一級能效之變頻空壓主機與馬達變頻器，提升整體運轉效率，"
    "同時建置 EMS 能源管理系統 ... 計畫總投入超過 2,000 萬元，年節電達 175 萬度 ... 總效益可節省**175**萬元/年",
    "The semiconductor supplier then upgraded equipment, first replacing the big energy users: grade-1 efficiency "
    "VFD air compressors and motor VFDs, plus an EMS ... over NT$20 M invested in all, saving 1.75 million kWh a "
    "year ... [highlights:] total benefit NT$1.75 M saved per year.",
    ("which of the two is meant: 1.75 million kWh/yr or NT$1.75 M/yr",
     "the list of converted motors (kW, duty) and compressor logs before and after"),
    seed="13b"),)

YEAR = 2024
INVESTMENT = 20.0e6
CLAIM_KWH = 1.75e6
CLAIM_NT = 1.75e6
HOURS = np.array([0.25, 0.45, 0.30]) * 8760.0
FLOW_SHARE = np.array([1.0, 0.8, 0.6])


def fan_system() -> FanSystem:
    # data-sheet points of a representative backward-curved fan (flow m3/s, pressure Pa),
    # peak efficiency 0.80 at the design flow
    curve = MachineCurve.from_points([0.0, 6.0, 12.0, 16.0], [2600.0, 2480.0, 2000.0, 1400.0],
                                     [6.0, 9.0, 12.0, 15.0], [0.66, 0.76, 0.80, 0.74], name="fan")
    return FanSystem(curve, SystemCurve.through_point(600.0, 12.0, 2000.0),
                     Motor(55e3, "IE3", 4, 60), drive="v_belt", name="cleanroom fan")


def pump_system() -> PumpSystem:
    curve = MachineCurve.from_points([0.0, 0.05, 0.1, 0.15], [50.0, 48.0, 42.0, 32.0],
                                     [0.04, 0.07, 0.1, 0.13], [0.58, 0.74, 0.80, 0.76])
    return PumpSystem(curve, SystemCurve.through_point(15.0, 0.1, 42.0), Motor(75e3, "IE3", 4, 60),
                      name="cooling-water pump")


def _annual_kwh(power_w):
    return float(np.sum(power_w * HOURS)) / 1e3


def run() -> CaseResult:
    fan = fan_system()
    q_fan = FLOW_SHARE * fan.full_speed_flow
    fan_base = _annual_kwh(fan.operate(q_fan, "outlet_damper").electric_power)
    fan_vfd = _annual_kwh(fan.operate(q_fan, "vfd").electric_power)
    pump = pump_system()
    q_pump = FLOW_SHARE * pump.full_speed_flow
    pump_base = pump.annual(q_pump, HOURS, "throttle").electricity_kwh
    pump_vfd = pump.annual(q_pump, HOURS, "vfd").electricity_kwh
    per_kw_fan = (fan_base - fan_vfd) / 55.0
    per_kw_pump = (pump_base - pump_vfd) / 75.0
    per_kw = 0.5 * (per_kw_fan + per_kw_pump)   # equal motor power on fans and pumps
    kw_needed = CLAIM_KWH / per_kw
    acc = compare({"electricity_kwh": CLAIM_KWH}, {"electricity_kwh": 0.0}, region="TW",
                  year=announced_grid_factor("TW", YEAR).year,   # the factor current in the claim year
                  prices={"electricity_kwh": float(energy_price("electricity_kwh", "TW", YEAR))}, investment=INVESTMENT)
    price = acc.cost_saved / CLAIM_KWH
    kwh_from_money = CLAIM_NT / price
    figs = (
        Figure(CASE_ID, "fan_saving_fraction", None, 100 * (1 - fan_vfd / fan_base), "%",
               "damper -> VFD, 24/7 duty 100/80/60 % flow"),
        Figure(CASE_ID, "pump_saving_fraction", None, 100 * (1 - pump_vfd / pump_base), "%",
               "throttle -> VFD, 15 m of 42 m static"),
        Figure(CASE_ID, "saving_per_kw_fan", None, per_kw_fan, "kWh/yr per kW motor"),
        Figure(CASE_ID, "saving_per_kw_pump", None, per_kw_pump, "kWh/yr per kW motor"),
        Figure(CASE_ID, "motor_power_for_claim", None, kw_needed, "kW",
               "VFD motor power whose conversion saves 1.75 GWh/yr at the modelled rate"),
        Figure(CASE_ID, "cost_of_claimed_kwh", CLAIM_NT, CLAIM_KWH * price, "NT$/yr",
               f"1.75 M kWh at the {YEAR} industrial tariff"),
        Figure(CASE_ID, "kwh_of_claimed_money", CLAIM_KWH, kwh_from_money, "kWh/yr",
               "NT$1.75 M / tariff"),
        Figure(CASE_ID, "co2_avoided_if_kwh", None, acc.co2e_saved_t["total"], "t CO2e/yr",
               f"1.75 M kWh x announced {YEAR} grid factor"),
        Figure(CASE_ID, "payback_if_kwh", None, INVESTMENT / acc.cost_saved, "yr",
               "NT$20 M / tariff value of 1.75 M kWh"),
        Figure(CASE_ID, "payback_if_money", None, INVESTMENT / CLAIM_NT, "yr", "NT$20 M / NT$1.75 M"),
    )
    verdict = (f"the two figures cannot both hold: 1.75 M kWh/yr is worth NT${CLAIM_KWH * price / 1e6:.2f} M "
               f"at the {YEAR} tariff, and NT$1.75 M/yr buys only {kwh_from_money:,.0f} kWh. "
               f"1.75 GWh/yr from VFD motors alone needs about {kw_needed:,.0f} kW of fan/pump motors "
               f"converted (modelled {per_kw:,.0f} kWh/yr per kW); with the NT$20 M-plus "
               f"investment the kWh reading pays back in {INVESTMENT / acc.cost_saved:.1f} yr, the "
               f"money reading in {INVESTMENT / CLAIM_NT:.1f} yr")
    assumptions = (
        "fan: 12 m3/s at 2.0 kPa design, 0.6 kPa held static, damper control, 55 kW IE3 motor, V-belt",
        "pump: 0.1 m3/s at 42 m, 15 m static, throttle control, 75 kW IE3 motor, direct drive",
        "duty 8,760 h/yr: 25 % at 100 %, 45 % at 80 %, 30 % at 60 % flow (assumption)",
        "VFD 97 % at rated load, half its losses constant (units.pumps.VFD_* assumptions)",
        "equal motor power on fans and pumps for the kW figure; compressors and EMS not modelled "
        "(the source lumps them in the same 1.75)",
        f"packaged {YEAR} Taiwan industrial tariff and announced {YEAR} grid factor",
    )
    return CaseResult(CASE_ID, TITLE, figs, assumptions,
                      {"verdict": verdict, "fan_kwh": (fan_base, fan_vfd),
                       "pump_kwh": (pump_base, pump_vfd), "tariff_nt_per_kwh": price})


# ------------------------------------------------------------------ review (procsim.review)
#: Installed cost of the retrofit per kW of converted motor, to judge the motor power each reading
#: implies against the NT$20 M invested: NT$8,000-25,000/kW (judgement: VFDs alone cost a few
#: thousand NT$/kW; VFD compressors and an EMS raise the average).
COST_PER_KW = (8000.0, 25000.0)


def review(n: int = 400, seed: int = 1313) -> CaseResult:
    """:func:`run` plus, for each reading, the converted motor power it implies (judged against
    the investment) and the range of the other figure over the 2024 tariffs with its flip value."""
    from cases.seed_electricity_claims import tariff_band

    res = run()
    low, mean, high = tariff_band(YEAR)
    per_kw = res.details["fan_kwh"], res.details["pump_kwh"]
    rate = 0.5 * ((per_kw[0][0] - per_kw[0][1]) / 55.0 + (per_kw[1][0] - per_kw[1][1]) / 75.0)
    typical = (INVESTMENT / COST_PER_KW[1], INVESTMENT / COST_PER_KW[0])
    src = "NT$20 M at NT$8,000-25,000 per kW converted (judgement)"
    implied = (ImpliedValue("converted motor power", CLAIM_KWH / rate, "kW", *typical, src, CLAIM_KWH,
                            reading="1.75 M kWh/yr (text)"),
               ImpliedValue("converted motor power", CLAIM_NT / mean / rate, "kW", *typical, src, CLAIM_NT,
                            reading="NT$1.75 M/yr (highlights)"))
    tariff = (UncertainInput("tariff", mean, low, high, "NT$/kWh",
                             f"Taiwan industrial tariffs in force during {YEAR} (procsim/data/energy_prices.csv)",
                             limits=(0.01, 100.0)),)
    ranges = (figure_range(lambda tariff: CLAIM_KWH * tariff, tariff, CLAIM_NT,
                           metric="money saved if 1.75 M kWh/yr", n=n, seed=seed),
              figure_range(lambda tariff: CLAIM_NT / tariff, tariff, CLAIM_KWH,
                           metric="electricity saved if NT$1.75 M/yr", n=n, seed=seed))
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=implied,
                      ranges=ranges, verdicts=(res.details["verdict"],) + tuple(i.describe() for i in implied)
                      + tuple(range_line(r) for r in ranges))
