"""Steam systems: unit models (headers, letdown valves, turbines, deaerator, flash tanks,
condensate return, make-up water, users, traps, pipe losses, vents) and a site model that
balances any number of headers through a procsim flowsheet.

Water and steam are IAPWS-IF97 by default (``Fluid("Water")``); pass
``fluid=Fluid("Water", backend="HEOS")`` to a unit (or to ``SiteModel``) for IAPWS-95.

Tour::

    from units.steam import common_site, SiteModel, Retrofit, evaluate_retrofit, sweep_retrofit
    site = common_site(boiler={"pressure": "42 bar(g)", "temperature": "400 degC", "efficiency": 0.88,
                               "blowdown_fraction": 0.03},
                       headers={"HP": "41 bar(g)", "MP": "11 bar(g)", "LP": "3.5 bar(g)"},
                       users={"MP": "30 t/h", "LP": "24 MW"}, condensate_recovery=0.6)
    r = SiteModel(site).solve()          # r.fuel_input, r.power_import, r.makeup_water, r.co2_per_year ...
    e = evaluate_retrofit(site, Retrofit("condensate_recovery", {"recovery": 0.8}))
    s = sweep_retrofit(site, "condensate_recovery", "recovery", numpy.linspace(0.3, 0.95, 1000))
"""
from units.steam.condensate import CondensateResult, CondensateReturn, MakeupResult, MakeupWater
from units.steam.deaerator import Deaerator, DeaeratorResult
from units.steam.flash import FlashResult, FlashTank
from units.steam.header import HeaderResult, HeaderShortfall, SteamHeader
from units.steam.prv import PressureReducingValve, PRVResult
from units.steam.turbine import (ExtractionTurbine, ExtractionTurbineResult, SteamTurbine,
                                 TurbineResult)
from units.steam.description import (SiteSpec, common_site, common_site_from_toml, example_site_description,
                                     site_from_dict, site_from_toml)
from units.steam.site import SiteBalanceError, SiteModel, SiteResult
from units.steam.retrofits import (RETROFITS, Retrofit, RetrofitResult, SweepResult, evaluate_retrofit,
                                   sweep_retrofit)
from units.steam.users import (BoilerResult, EfficiencyBoiler, PipeHeatLoss, PipeLossResult,
                               SteamTraps, SteamUser, SteamVent, TrapResult, UserResult, VentResult,
                               WasteHeatResult, WasteHeatSteam)

__all__ = [
    "CondensateResult", "CondensateReturn", "MakeupResult", "MakeupWater", "Deaerator",
    "DeaeratorResult", "FlashResult", "FlashTank", "HeaderResult", "HeaderShortfall", "SteamHeader",
    "PressureReducingValve", "PRVResult", "ExtractionTurbine", "ExtractionTurbineResult",
    "SteamTurbine", "TurbineResult", "BoilerResult", "EfficiencyBoiler", "PipeHeatLoss",
    "PipeLossResult", "SteamTraps", "SteamUser", "SteamVent", "TrapResult", "UserResult", "VentResult",
    "WasteHeatResult", "WasteHeatSteam",
    "SiteSpec", "common_site", "common_site_from_toml", "example_site_description", "site_from_dict", "site_from_toml", "SiteBalanceError", "SiteModel", "SiteResult",
    "RETROFITS", "Retrofit", "RetrofitResult", "SweepResult", "evaluate_retrofit", "sweep_retrofit",
]
