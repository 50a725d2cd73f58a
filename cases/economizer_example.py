"""Feedwater economizer retrofit: the worked example of US DOE Steam Tip Sheet #3.

Source: US DOE Industrial Technologies Program, *Energy Tips - Steam, Steam Tip Sheet #3:
Use Feedwater Economizers for Waste Heat Recovery*, January 2006 (DOE/GO-102006-2275).
Example as published: an 80 % efficient boiler generates 45,000 lb/h of 150 psig steam
by burning natural gas; condensate and make-up give 117 F feedwater; the stack is at
500 F; 8,400 h/yr. The tip sheet's table ("Recoverable heat from boiler flue gases",
natural gas, 15 % excess air, final stack 250 F) gives 4.6 MMBtu/h recoverable for a
boiler of 50 MMBtu/h thermal output and a 500 F initial stack.

procsim reproduces it from first principles: boiler thermal output from IAPWS-IF97 steam
properties; flue-gas flow from the fuel library's natural gas at 15 % excess air and
the fuel input output / 0.80 (HHV basis, US practice); the economizer (zone by zone,
NASA-7 flue gas, IF97 water) cools the gas from 500 F to 250 F; fuel saved = recovered
heat / 0.80. The published figures beside ours: thermal output 50 MMBtu/h (the column
the tip sheet reads) and recoverable heat 4.6 MMBtu/h. Finding: procsim's heat recovered
is 3.67 MMBtu/h and the fuel it saves at 80 % efficiency is 4.59 MMBtu/h, so the table
is on a fuel-saved basis (0.3 % agreement), not heat recovered (20 % apart); the other
table cells agree on that basis within 5.3 % (400 F row +3 to +5 %, 500 F row -0.2 %,
600 F row -0.5 to -2 %). Annual fuel energy saved: 4.6 x 8,400.
"""
from __future__ import annotations

from procsim.casebook import CaseResult, Figure
from procsim.quantities import to_si
from procsim.stream import Stream
from procsim.thermo.combustion import Fuel
from units.heat_exchanger import Economizer

CASE_ID = "economizer_doe_tip3"
TITLE = "Feedwater economizer: US DOE Steam Tip Sheet #3 worked example"

MMBTU_H = 1.0e6 * 1055.05585262 / 3600.0   # W per MMBtu/h (International Table Btu)
LB = 0.45359237                            # kg
STEAM_FLOW = 45000.0 * LB / 3600.0         # kg/s
HOURS = 8400.0
EFFICIENCY = 0.80
EXCESS_AIR = 0.15


def _f_to_k(f: float) -> float:
    return (f - 32.0) / 1.8 + 273.15


def run() -> CaseResult:
    p_steam = to_si("150 psig", "pressure")
    t_fw, t_stack, t_final = _f_to_k(117.0), _f_to_k(500.0), _f_to_k(250.0)
    fw = Stream("Water", t_fw, p_steam + 1.0e5, STEAM_FLOW)
    steam = Stream("Water", None, p_steam, STEAM_FLOW, x=1.0)
    output = STEAM_FLOW * (steam.h - fw.h)                        # W
    fuel = Fuel.from_name("natural_gas")
    fg = fuel.flue_gas(EXCESS_AIR)
    m_fuel = output / EFFICIENCY / fuel.hhv
    m_gas = m_fuel * fg.mass_per_kg_fuel
    gas = Stream(fg.mole_fractions, t_stack, 101325.0 + 1000.0, m_gas)
    eco = Economizer("economizer", gas_outlet_temperature=t_final, pressure_drop_hot=500.0,
                     pressure_drop_cold=3.5e4)
    sol = eco.solve({"gas_in": gas, "water_in": fw})
    r = sol.result
    saved_mmbtu = r.duty / EFFICIENCY * HOURS * 3600.0 / 1055.05585262e6
    fuel_equiv = r.duty / EFFICIENCY
    figs = (
        Figure(CASE_ID, "boiler_thermal_output", 50.0, output / MMBTU_H, "MMBtu/h",
               "45,000 lb/h x (h_g(150 psig) - h_f(117 F)), IAPWS-IF97"),
        Figure(CASE_ID, "recoverable_heat_fuel_equivalent", 4.6, fuel_equiv / MMBTU_H, "MMBtu/h",
               "economizer duty 500 F -> 250 F divided by the 80 % efficiency: the tip-sheet table "
               "value matches the fuel saved, not the heat recovered (see heat_recovered)"),
        Figure(CASE_ID, "heat_recovered", None, r.duty / MMBTU_H, "MMBtu/h",
               "economizer duty, natural gas at 15 % excess air, fuel = output / 0.80 (HHV)"),
        Figure(CASE_ID, "fuel_energy_saved", 4.6 * HOURS, saved_mmbtu, "MMBtu/yr",
               "fuel equivalent x 8,400 h/yr (claimed: the table value x 8,400 h/yr)"),
        Figure(CASE_ID, "boiler_efficiency_gain", 250.0 / 40.0, 100.0 * r.duty / (output / EFFICIENCY),
               "% points", "recovered heat / fuel input; claimed: the tip sheet's rule of +1 % per "
               "40 F of stack-temperature drop (250 F here)"),
        Figure(CASE_ID, "feedwater_temperature_rise", None, r.cold_outlet_temperature - t_fw, "K", ""),
        Figure(CASE_ID, "economizer_ua", None, r.ua, "W/K", "zone-by-zone counterflow"),
    )
    assumptions = (
        "steam saturated at 150 psig; no blowdown (feedwater flow = steam flow)",
        f"natural gas from the procsim fuel library (HHV {fuel.hhv / 1e6:.3f} MJ/kg); 15 % excess air; "
        "80 % efficiency on HHV",
        "gas-side pressure drop 500 Pa, water side 0.35 bar (typical; they do not affect the duty)",
        f"flue-gas water dew point {r.dew_point - 273.15:.1f} C: the 250 F (121 C) outlet is "
        f"{r.dew_point_margin:.1f} K above it",
    )
    # every cell of the tip sheet's table on the fuel-saved basis (duty scales with output)
    table = {400.0: (1.3, 2.6, 5.3, 10.6), 500.0: (2.3, 4.6, 9.2, 18.4), 600.0: (3.3, 6.5, 13.0, 26.1)}
    ratios = {}
    for t_f, row in table.items():
        g = gas.with_(T=_f_to_k(t_f))
        q = m_gas * (g.h - g.with_(T=t_final).h) / EFFICIENCY / MMBTU_H * 50.0 / (output / MMBTU_H)
        for out_mmbtu, published in zip((25.0, 50.0, 100.0, 200.0), row):
            ratios[f"{t_f:.0f}F_{out_mmbtu:.0f}MMBtu"] = q * out_mmbtu / 50.0 / published
    details = {"table_computed_over_published": ratios, "flue_gas_flow_kg_s": m_gas, "fuel_flow_kg_s": m_fuel,
               "feedwater_outlet_K": r.cold_outlet_temperature, "min_approach_K": r.min_approach,
               "energy_residual": r.energy_residual}
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)


if __name__ == "__main__":
    from procsim.report import case_markdown

    print(case_markdown(run()))
