"""Heat pumps, chillers, cooling towers and absorption chillers.

Modules: ``cycle`` (:func:`simple_cycle`, the docs/architecture.rst contract; :func:`vapour_compression_cycle`
subcritical/transcritical with an internal heat exchanger; :func:`two_stage_cycle` flash-tank
economiser; :func:`cascade_cycle`; :func:`lorenz_cop`), ``kernels``/``batch`` (numba cycle
kernel on refrigerant tables, :func:`simple_cycle_batch`, ``procsim sweep heat-pump``),
``unit`` (:class:`HeatPump` with pinch on both exchangers through the zone engine, and the
plant-file unit :class:`HeatPumpUnit`, ``type = "heat_pump"``), ``screening``
(refrigerant screening with GWP, ASHRAE 34 class and pressure limits), ``integration``
(heat pump against a grand composite curve), ``compressor`` (volumetric efficiency, EN 14825
on/off part load), ``chiller_plant`` (AHRI 550/590 IPLV, water-cooled chiller, Merkel and
effectiveness-NTU cooling towers, measured plant kW/ton with uncertainty), ``published``
(model COPs beside published measured COPs), ``plots`` (T-s, log p-h, T-Q),
``refrigerants`` (data rows with sources), ``absorption`` (single- and double-effect water/LiBr cycles).
"""
from units.heat_pump.cycle import (
    STATE_NAMES,
    CascadeResult,
    CycleResult,
    StatePoint,
    brunin_isentropic_efficiency,
    cascade_cycle,
    liao_optimal_pressure,
    log_mean_temperature,
    lorenz_cop,
    simple_cycle,
    two_stage_cycle,
    vapour_compression_cycle,
)
from units.heat_pump.refrigerants import REFRIGERANTS, Refrigerant, refrigerant
from units.heat_pump.unit import HeatPump, HeatPumpResult, HeatPumpUnit, HeatPumpUnitResult
from units.heat_pump.batch import BatchCycleResult, simple_cycle_batch
from units.heat_pump.chiller_plant import (WaterCooledChiller, cooling_tower_effectiveness, iplv, merkel_number,
                                           plant_efficiency)
from units.heat_pump.integration import place_heat_pump
from units.heat_pump.absorption import double_effect_cycle, single_effect_cycle
from units.heat_pump.screening import screen_refrigerants

__all__ = [
    "STATE_NAMES", "CascadeResult", "CycleResult", "StatePoint", "brunin_isentropic_efficiency",
    "cascade_cycle", "liao_optimal_pressure", "log_mean_temperature", "lorenz_cop", "simple_cycle",
    "two_stage_cycle", "vapour_compression_cycle", "REFRIGERANTS", "Refrigerant", "refrigerant",
    "HeatPump", "HeatPumpResult", "HeatPumpUnit", "HeatPumpUnitResult", "WaterCooledChiller",
    "cooling_tower_effectiveness", "iplv", "merkel_number", "plant_efficiency", "place_heat_pump", "screen_refrigerants", "single_effect_cycle", "double_effect_cycle", "BatchCycleResult", "simple_cycle_batch",
]
