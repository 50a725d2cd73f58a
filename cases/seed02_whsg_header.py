"""Seed case 2, steam side: the annealing line's waste-heat steam generator feeding its header.

``cases/seed02_annealing_whsg.py`` sizes the steam generator on the furnace flue gas (its
steam per flue-gas temperature bin, from :class:`units.heat_exchanger.WasteHeatSteamGenerator`)
and books the saving against the boiler alone. This case puts the same steam into a site
balance: one 7 bar(g) header served by the once-through gas boiler, the drying and
pickling-bath users, their condensate, and an 80 C feed tank (modelled as a deaerator at the
saturation pressure of 80 C, heated by header steam when the returned water is colder). The
steam generator takes its feedwater from that tank, as the boiler does, so the water
circulating and the tank's heating steam are unchanged and each kilogram of waste-heat steam
displaces one of boiler steam; the gas saved then follows the boiler's part-load efficiency.
The site balance thus checks the companion case's boiler-only accounting.

Assumptions (``assumptions``): header 7 bar(g) saturated; baseline boiler steam 2.0 t/h as in
the companion case (users scaled to it); condensate 70 % returned at 75 C; make-up 25 C;
once-through boiler, no blowdown, efficiency (HHV) from units.boiler at each load with the
companion case's data (rated 1.8 MW, 3 % dry O2, stack 170 C, air 30 C); the steam
generator's mean steam over the flue-gas bins injected dry saturated; 8,000 h/yr; gas
NT$15/Nm3 (unverified).
"""
from __future__ import annotations

import numpy as np

from procsim.accounting import emissions
from procsim.casebook import CaseResult, Figure
from procsim.thermo.combustion import Fuel
from procsim.thermo.fluids import Fluid
from units.steam.description import site_from_dict
from units.steam.retrofits import Retrofit, evaluate_retrofit
from units.steam.site import SiteModel

CASE_ID = "seed02_whsg_header"
TITLE = "Annealing line waste-heat steam into its 7 bar(g) header, balanced with the boiler and feed tank"

BASE_STEAM = 2.0 / 3.6       # kg/s boiler steam before the retrofit (companion case's assumption)
HOURS = 8000.0
GAS_PRICE = 15.0             # NT$/Nm3 (assumption, unverified)
CLAIM_RATE, CLAIM_CO2 = 28.0, 716.3
FEED_TANK_TEMPERATURE = 353.15  # K, atmospheric feed tank at 80 C (assumed, unverified)


def _site(user_flow: float):
    feed_tank_pressure = Fluid("Water").saturation(T=FEED_TANK_TEMPERATURE)[0].p
    return site_from_dict({
        "name": "annealing line steam",
        "boiler": {"pressure": "7.3 bar(g)", "blowdown_fraction": 0.0, "basis": "hhv", "fuel": "natural_gas",
                   "fired": {"rated_output": 1.8e6, "kind": "once_through", "o2_dry": 0.03,
                             "stack_temperature": "170 degC", "air_temperature": "30 degC"}},
        "headers": [{"name": "header", "pressure": "7 bar(g)"}],
        "users": [{"name": "drying_and_pickling", "header": "header", "flow": user_flow, "condensate_recovery": 0.7}],
        # feed tank held at the saturation pressure of 80 C (IAPWS-IF97, about 47.4 kPa)
        "deaerator": {"pressure": feed_tank_pressure, "vent_fraction": 0.0, "header": "header"},
        "condensate": {"return_temperature": "75 degC"},
        # make-up delivered 10 kPa above the feed tank (assumed, unverified)
        "makeup": {"temperature": "25 degC", "pressure": feed_tank_pressure + 1.0e4},
        "economics": {"hours": HOURS},
    })


def whsg_steam() -> tuple[float, str]:
    """Mean steam of the steam generator [kg/s] from the companion case, and where it came from."""
    from cases.seed02_annealing_whsg import run as companion

    steam = np.asarray(companion().details["steam_flow_by_bin_kg_s"])
    return float(steam.mean()), "cases/seed02_annealing_whsg.py (WasteHeatSteamGenerator, mean over 24 flue-gas bins)"


def run() -> CaseResult:
    # users scaled so that the baseline boiler makes 2.0 t/h (steam is linear in the user flow)
    trial = SiteModel(_site(0.5)).solve()
    site = _site(0.5 * BASE_STEAM / trial.boiler_steam)
    m_whsg, source = whsg_steam()
    e = evaluate_retrofit(site, Retrofit("waste_heat_steam", {"header": "header", "flow": m_whsg}))
    sec = HOURS * 3600.0
    fuel = Fuel.from_name("natural_gas")
    nm3 = e.fuel_saved_per_year / fuel.hhv * fuel.volume_per_kg
    co2 = emissions({"natural_gas_nm3": nm3}).total_co2e_t
    rate = 100.0 * e.fuel_saved / e.baseline.fuel_input
    figs = (
        Figure(CASE_ID, "energy_saving_rate", CLAIM_RATE, rate, "%", "boiler gas saved / boiler gas, site balance"),
        Figure(CASE_ID, "co2_avoided", CLAIM_CO2, co2, "t CO2e/yr", "procsim.accounting (IPCC 2006, AR5)"),
        Figure(CASE_ID, "whsg_steam_into_header", None, m_whsg * sec / 1e3, "t/yr", source),
        Figure(CASE_ID, "boiler_steam_saved", None, e.boiler_steam_saved * sec / 1e3, "t/yr",
               "equal to the steam generated: boiler and generator share the feed tank"),
        Figure(CASE_ID, "natural_gas_saved", None, nm3, "Nm3/yr", "HHV basis"),
        Figure(CASE_ID, "cost_saved", None, nm3 * GAS_PRICE, "NT$/yr", f"gas at NT${GAS_PRICE:g}/Nm3 (assumption)"),
    )
    assumptions = (
        "header 7 bar(g) saturated; once-through gas boiler at 7.3 bar(g), no blowdown; efficiency (HHV) "
        "from units.boiler (rated 1.8 MW, 3 % dry O2, stack 170 C, air 30 C), as the companion case",
        "baseline boiler steam 2.0 t/h (companion case); users scaled to it",
        "condensate 70 % returned at 75 C; make-up 25 C; 80 C feed tank as a deaerator at 0.474 bar(a), no vent",
        f"steam generator: {m_whsg * 3.6:.3f} t/h mean, from {source}; injected dry saturated at the header",
        f"{HOURS:g} h/yr; gas NT${GAS_PRICE:g}/Nm3 (unverified)",
    )
    details = {"baseline_boiler_steam_t_h": e.baseline.boiler_steam * 3.6,
               "retrofit_boiler_steam_t_h": e.after.boiler_steam * 3.6,
               "baseline_fuel_hhv_W": e.baseline.fuel_input, "retrofit_fuel_hhv_W": e.after.fuel_input,
               "baseline_tank_steam_t_h": e.baseline.deaerator_steam * 3.6,
               "retrofit_tank_steam_t_h": e.after.deaerator_steam * 3.6,
               "site_balance_energy_relative": e.after.overall["energy_relative"]}
    return CaseResult(CASE_ID, TITLE, figs, assumptions, details)
