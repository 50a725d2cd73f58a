"""Heat exchangers: effectiveness-NTU and LMTD kernels, zone-by-zone analysis, retrofit equipment.

Public names (DESIGN.md contract): :func:`effectiveness`, :func:`ntu`, :func:`lmtd`.
Arrangements (:data:`ARRANGEMENTS`): counterflow, parallel, crossflow_both_unmixed (the exact
series of Mason 1954, the default for that arrangement), crossflow_both_unmixed_approx (the
common approximation of Incropera Table 11.3, up to 4 % off), crossflow_cmax_mixed,
crossflow_cmin_mixed, crossflow_both_mixed, shell_and_tube_1_2, shell_and_tube_1_2n
(``shell_passes=n``).

The subpackage is split by layer: ``_kernels`` (numba), ``core`` (two-stream functions:
effectiveness, NTU, LMTD and F, rating, sizing, fouling), ``zones`` (exchangers whose
heat-capacity flow varies or whose fluid changes phase), ``equipment`` (flowsheet units:
Economizer, AirPreheater, HotWaterRecovery, WasteHeatSteamGenerator) and ``condensing``
(CondensingEconomizer).
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
