"""Heat exchangers: effectiveness-NTU and LMTD kernels, zone-by-zone analysis, retrofit equipment.

Public names (docs/architecture.rst contract): :func:`effectiveness`, :func:`ntu`, :func:`lmtd`.
Arrangements (:data:`ARRANGEMENTS`): counterflow, parallel, crossflow_both_unmixed (the exact
series of Mason 1954, the default for that arrangement), crossflow_both_unmixed_approx (the
common approximation of Incropera Table 11.3, up to 4 % off), crossflow_cmax_mixed,
crossflow_cmin_mixed, crossflow_both_mixed, shell_and_tube_1_2, shell_and_tube_1_2n
(``shell_passes=n``).

The counterflow engine (:mod:`units.heat_exchanger.counterflow`) is the one implementation of
the zone-by-zone profile, the pinch location and the pinch-limited flow; its public names are
:func:`pinch_limited_flow` (flow and :class:`ZoneProfile`), :class:`PinchLimitedFlow`,
:data:`PINCH_CHECK_TOL`, and the numba kernels ``pinch_flow_limit``,
``pinch_limited_flow_kernel``, ``counterflow_enthalpies``, ``zone_kernel`` and
``pinch_location`` (import them from ``units.heat_exchanger.counterflow``).

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
from units.heat_exchanger.counterflow import PINCH_CHECK_TOL, PinchLimitedFlow, pinch_limited_flow
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
    "PINCH_CHECK_TOL", "PinchLimitedFlow", "pinch_limited_flow",
    "AirPreheater", "Economizer", "ExchangerResult", "HotWaterRecovery", "SteamGeneratorResult",
    "WasteHeatSteamGenerator",
    "ARRANGEMENTS", "RatingResult", "correction_factor", "effectiveness", "fouled_ua", "lmtd",
    "max_effectiveness", "ntu", "rate", "size_ua",
]
