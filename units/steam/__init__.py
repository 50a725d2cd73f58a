"""Steam systems: unit models (headers, letdown valves, turbines, deaerator, flash tanks,
condensate return, make-up water, users, traps, pipe losses, vents) and a site model that
balances any number of headers through a procsim flowsheet.

Water and steam are IAPWS-IF97 by default (``Fluid("Water")``); pass
``fluid=Fluid("Water", backend="HEOS")`` to a unit for IAPWS-95.
"""
from units.steam.condensate import CondensateResult, CondensateReturn, MakeupResult, MakeupWater
from units.steam.deaerator import Deaerator, DeaeratorResult
from units.steam.flash import FlashResult, FlashTank
from units.steam.header import HeaderResult, HeaderShortfall, SteamHeader
from units.steam.prv import PressureReducingValve, PRVResult
from units.steam.turbine import (ExtractionTurbine, ExtractionTurbineResult, SteamTurbine,
                                 TurbineResult)
from units.steam.description import SiteSpec, common_site, site_from_dict, site_from_toml
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
    "SiteSpec", "common_site", "site_from_dict", "site_from_toml", "SiteBalanceError", "SiteModel", "SiteResult",
    "RETROFITS", "Retrofit", "RetrofitResult", "SweepResult", "evaluate_retrofit", "sweep_retrofit",
]
