"""Seed case 10: 19 hydraulic injection-moulding machines, fixed-speed oil pumps to servo pumps.

Source (001_2aa617614eec5f04.txt, 塑膠製品製造業 passage): 年耗電 783,300 度; 19 台塑膠射出機,
油壓系統為定頻式; 液壓系統油泵的電力消耗占比高達 75%; 將馬達汰換為伺服馬達, 共投資 250 萬元,
節能率可達 19 萬度電 (25~40% 以上), 減碳 96.74 噸 CO2e, 降低成本 83.62 萬元, 約 3 年可回收.
So: the plant uses 783,300 kWh/yr, the oil pumps 75 % of it (587,475 kWh/yr); the
saving of 190,000 kWh/yr is "25-40 % or more" (of the pump energy, the natural reading).

Computed here from equipment models (units.pumps.hydraulic, units.motors), not from the
claim's arithmetic. Assumptions (the source gives no machine data):

* one representative machine for all 19: fixed-displacement pump of 65.2 L/min geometric
  flow (60 L/min delivered at 16 MPa rated pressure, volumetric efficiency 0.92,
  hydraulic-mechanical efficiency 0.90) on an 18.5 kW 4-pole 60 Hz IE1 motor (pre-2016
  fixed-speed machines; IE1 is the lowest IEC class);
* a 30 s cycle: mould close 2 s (full flow, 6 MPa), injection 3 s (full flow, 14 MPa),
  holding 5 s (5 % flow, 8 MPa), plasticising 8 s (60 % flow, 10 MPa), cooling 10 s (no
  demand; the fixed pump circulates at 1 MPa standby), open/eject 2 s (full flow, 5 MPa);
  the cooling time is varied 5-20 s for the range;
* servo retrofit: the same pump on an 18.5 kW servo motor, modelled at IEC IE4 efficiency
  (permanent-magnet servo motors reach IE4 or better) with a 97 % inverter and 50 W standby;
  the speed follows the demanded flow plus leakage; the motor stops while cooling;
* operating hours are not given: they follow from the stated pump energy (587,475 kWh/yr)
  and the modelled fixed-pump mean power, so the saving fraction carries the result;
* CO2e with Taiwan's announced 2024 grid factor, money at the packaged 2024 industrial
  tariff (procsim.accounting).
"""
from __future__ import annotations

from procsim.accounting import announced_grid_factor, compare, energy_price
from procsim.casebook import CaseResult, Figure
from procsim.review import ClaimSource, UncertainInput, figure_range, implied_value, range_line
from units.motors import Motor
from units.pumps.hydraulic import CyclePhase, FixedSpeedPowerUnit, ServoPowerUnit

CASE_ID = "seed10_servo_pumps"
TITLE = "Injection moulding: 19 fixed-speed hydraulic pumps to servo pumps (equipment model)"

#: The passage the claim comes from, quoted verbatim (tests/test_case_sources.py checks it).
SOURCES = (ClaimSource(
    "sources/001_2aa617614eec5f04.txt (MOEA 2024 results report, published 2025)", 304,
    "以某塑膠製品廠效率提升案例為例，廠內共設有 19 台塑膠射出機，其油壓系統為定頻式。由於液壓系統油泵的電力消耗占比高達 75%，"
    "因此優先從油泵馬達進行改善，以達成顯著節能效益。此節能方式透過將馬達汰換為伺服馬達，共投資 250 萬元，其節能率可達 19 萬度電"
    "（25~40% 以上），減碳效益 96.74 噸 CO<sub>2</sub>e，降低成本 83.62 萬元，約 3 年可回收投資。 ... 年耗電 **783,300 度**。",
    "A plastics plant with 19 injection-moulding machines on fixed-speed hydraulics; the oil pumps take as much as "
    "75 % of the electricity, so their motors were replaced by servo motors: investment NT$2.5 M, saving up to "
    "190,000 kWh (25-40 % or more), 96.74 t CO2e, NT$836,200 less cost, payback about 3 yr ... the plant uses "
    "783,300 kWh/yr.",
    ("power logs of two machines (one converted, one not) over a week of production, with cycle times",
     "the tariff behind NT$836,200 (NT$4.40/kWh implied)"),
    seed="10"),)

PLANT_KWH = 783_300.0
PUMP_SHARE = 0.75
MACHINES = 19
YEAR = 2024
INVESTMENT = 2.5e6
DELIVERED = 1.0e-3          # 60 L/min [m3/s]
ETA_V = 0.92
RATED_P = 16.0e6


def cycle(cooling_time: float = 10.0, plasticising_flow: float = 0.6):
    return (CyclePhase("mould_close", 2.0, DELIVERED, 6.0e6),
            CyclePhase("injection", 3.0, DELIVERED, 14.0e6),
            CyclePhase("holding", 5.0, 0.05 * DELIVERED, 8.0e6),
            CyclePhase("plasticising", 8.0, plasticising_flow * DELIVERED, 10.0e6),
            CyclePhase("cooling", cooling_time, 0.0, 0.0),
            CyclePhase("open_eject", 2.0, DELIVERED, 5.0e6))


def units_pair():
    q_d = DELIVERED / ETA_V
    fixed = FixedSpeedPowerUnit("fixed-speed pump", q_d, RATED_P, Motor(18.5e3, "IE1", 4, 60),
                                ETA_V, 0.90, 1.0e6)
    servo = ServoPowerUnit("servo pump", q_d, RATED_P, Motor(18.5e3, "IE4", 4, 60), ETA_V, 0.90,
                           0.97, 50.0)
    return fixed, servo


def saving_fraction(cooling_time: float = 10.0, plasticising_flow: float = 0.6) -> tuple[float, object, object]:
    fixed, servo = units_pair()
    a, b = fixed.cycle(cycle(cooling_time, plasticising_flow)), servo.cycle(cycle(cooling_time, plasticising_flow))
    return 1.0 - b.mean_power / a.mean_power, a, b


def run() -> CaseResult:
    frac, base, retro = saving_fraction(10.0)
    lo = saving_fraction(5.0)[0]
    hi = saving_fraction(20.0)[0]
    pump_kwh = PLANT_KWH * PUMP_SHARE
    hours = pump_kwh * 1e3 / (MACHINES * base.mean_power)
    saved = pump_kwh * frac
    acc = compare({"electricity_kwh": PLANT_KWH}, {"electricity_kwh": PLANT_KWH - saved},
                  region="TW",
                  year=announced_grid_factor("TW", YEAR).year,   # the factor current in the claim year
                  prices={"electricity_kwh": float(energy_price("electricity_kwh", "TW", YEAR))}, investment=INVESTMENT)
    claimed_frac = 100 * 190_000 / pump_kwh
    in_range = lo * pump_kwh <= 190_000 <= hi * pump_kwh
    figs = (
        Figure(CASE_ID, "pump_energy_baseline", None, pump_kwh, "kWh/yr",
               "75 % of 783,300 kWh/yr (source)"),
        Figure(CASE_ID, "electricity_saved", 190_000, saved, "kWh/yr",
               "fixed-speed vs servo pump over a 30 s cycle, 19 machines"),
        Figure(CASE_ID, "saving_fraction_of_pump_energy", claimed_frac, 100 * frac, "%",
               "source: 25-40 % or more; claimed figure = 190,000 / 587,475"),
        Figure(CASE_ID, "saving_fraction_cooling_5s", None, 100 * lo, "%", "cycle 25 s"),
        Figure(CASE_ID, "saving_fraction_cooling_20s", None, 100 * hi, "%", "cycle 40 s"),
        Figure(CASE_ID, "saving_fraction_of_plant", None, 100 * saved / PLANT_KWH, "%"),
        Figure(CASE_ID, "fixed_pump_mean_power", None, base.mean_power / 1e3, "kW/machine"),
        Figure(CASE_ID, "servo_pump_mean_power", None, retro.mean_power / 1e3, "kW/machine"),
        Figure(CASE_ID, "operating_hours", None, hours, "h/yr", "implied by the pump energy"),
        Figure(CASE_ID, "co2_avoided", 96.74, acc.co2e_saved_t["total"], "t CO2e/yr",
               f"announced {YEAR} grid factor"),
        Figure(CASE_ID, "cost_saved", 836_200, acc.cost_saved, "NT$/yr", f"{YEAR} industrial tariff"),
        Figure(CASE_ID, "payback", 3.0, INVESTMENT / acc.cost_saved, "yr", "2.5 M / cost saved"),
    )
    if in_range:
        verdict = ("consistent: the claimed 190,000 kWh/yr lies inside the modelled range "
                   f"{lo * pump_kwh:,.0f}-{hi * pump_kwh:,.0f} kWh/yr (cooling 5-20 s)")
    elif 190_000 < lo * pump_kwh:
        verdict = (f"conservative: the claimed 190,000 kWh/yr ({claimed_frac:.1f} % of pump energy) "
                   f"is below the modelled {lo * pump_kwh:,.0f}-{hi * pump_kwh:,.0f} kWh/yr "
                   f"({100 * lo:.1f}-{100 * hi:.1f} %), in line with the source's '25-40 % or more'")
    else:
        verdict = (f"not supported: the claimed 190,000 kWh/yr exceeds the modelled "
                   f"{lo * pump_kwh:,.0f}-{hi * pump_kwh:,.0f} kWh/yr")
    details = {"verdict": verdict,
               "phases": base.phases,
               "fixed_phase_power_kw": [round(p / 1e3, 3) for p in base.electric_power],
               "servo_phase_power_kw": [round(p / 1e3, 3) for p in retro.electric_power],
               "claimed_co2_factor_kg_per_kwh": 96.74e3 / 190_000,
               "claimed_price_nt_per_kwh": 836_200 / 190_000}
    assumptions = (
        "representative machine: 60 L/min at 16 MPa fixed-displacement pump, eta_v 0.92, "
        "eta_hm 0.90, 18.5 kW IE1 4-pole 60 Hz motor (no machine data in the source)",
        "30 s cycle: close 2 s/6 MPa, inject 3 s/14 MPa, hold 5 s at 5 % flow/8 MPa, plasticise "
        "8 s at 60 % flow/10 MPa, cool 10 s (fixed pump at 1 MPa standby), open 2 s/5 MPa",
        "servo: IE4-class motor efficiency, inverter 97 % at rated load, 50 W standby, motor "
        "stopped while cooling; line-fed part-load losses used at low speed (conservative)",
        "hours from 587,475 kWh/yr pump energy (source) / modelled fixed-pump mean power",
        f"Taiwan {YEAR} announced grid factor and packaged {YEAR} industrial tariff",
    )
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)


# ------------------------------------------------------------------ review (procsim.review)
CLAIMED_KWH = 190_000.0
REVIEW_INPUTS = (
    UncertainInput("cooling_time", 10.0, 5.0, 20.0, "s",
                   "judgement: cooling share of 25-40 s cycles of small technical parts"),
    UncertainInput("plasticising_flow", 0.6, 0.4, 0.8, "-",
                   "judgement: screw-recovery flow / pump flow", limits=(0.05, 1.0)),
)


def kwh_saved(cooling_time=10.0, plasticising_flow=0.6) -> float:
    """Electricity saved [kWh/yr] on the source's pump energy (75 % of 783,300 kWh/yr)."""
    return PLANT_KWH * PUMP_SHARE * saving_fraction(cooling_time, plasticising_flow)[0]


def review(n: int = 64, seed: int = 10) -> CaseResult:
    """:func:`run` plus the cooling time at which the model saves the claimed 190,000 kWh, the
    P10-P90 range of the saving over the cycle inputs, the tornado and flip values."""
    res = run()
    u = REVIEW_INPUTS[0]
    implied = (implied_value(lambda t: kwh_saved(cooling_time=t), CLAIMED_KWH, parameter="cooling time", unit="s",
                             search=(0.5, 200.0), typical=(u.low, u.high), source=u.source, xtol=1e-4),)
    rng = figure_range(kwh_saved, REVIEW_INPUTS, CLAIMED_KWH, metric="electricity_saved", n=n, seed=seed)
    line = range_line(rng) + (" (the claim is below what servo pumps save on this duty: conservative)"
                              if rng.claimed < rng.p10 else "")
    return CaseResult(res.case_id, res.title, res.figures, res.assumptions, res.details, implied=implied,
                      ranges=(rng,), verdicts=(res.details["verdict"], implied[0].describe(), line))
