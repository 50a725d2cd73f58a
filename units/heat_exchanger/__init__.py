"""Heat exchangers: effectiveness-NTU and LMTD kernels, zone-by-zone analysis, retrofit equipment.

Public names (DESIGN.md contract): :func:`effectiveness`, :func:`ntu`, :func:`lmtd`.
The subpackage is split by layer: ``_kernels`` (numba), ``core`` (two-stream functions),
``zones`` (exchangers whose heat-capacity flow varies or whose fluid changes phase) and
``equipment`` (flowsheet units: Economizer, CondensingEconomizer, AirPreheater,
WasteHeatSteamGenerator, HotWaterRecovery).
"""
from units.heat_exchanger.core import (
    ARRANGEMENTS,
    RatingResult,
    correction_factor,
    effectiveness,
    fouled_ua,
    lmtd,
    max_effectiveness,
    ntu,
    rate,
    size_ua,
)
from units.heat_exchanger.zones import ZoneProfile, max_duty, rate_zoned, zone_profile
from units.heat_exchanger.equipment import (
    AirPreheater,
    Economizer,
    ExchangerResult,
    HotWaterRecovery,
    SteamGeneratorResult,
    WasteHeatSteamGenerator,
)
from units.heat_exchanger.condensing import CondensingEconomizer, CondensingResult

__all__ = [
    "CondensingEconomizer", "CondensingResult",
    "ZoneProfile", "max_duty", "rate_zoned", "zone_profile",
    "AirPreheater", "Economizer", "ExchangerResult", "HotWaterRecovery", "SteamGeneratorResult",
    "WasteHeatSteamGenerator",
    "ARRANGEMENTS", "RatingResult", "correction_factor", "effectiveness", "fouled_ua", "lmtd",
    "max_effectiveness", "ntu", "rate", "size_ua",
]
