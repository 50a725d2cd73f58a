"""Heat pumps, chillers, cooling towers and absorption chillers.

Public names: :func:`simple_cycle` (DESIGN.md contract), :func:`vapour_compression_cycle`
(subcritical/transcritical, internal heat exchanger), :func:`two_stage_cycle` (flash-tank
economiser), :func:`cascade_cycle`, :func:`lorenz_cop`, :func:`refrigerant` (GWP, ASHRAE 34
safety class).
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

__all__ = [
    "STATE_NAMES", "CascadeResult", "CycleResult", "StatePoint", "brunin_isentropic_efficiency",
    "cascade_cycle", "liao_optimal_pressure", "log_mean_temperature", "lorenz_cop", "simple_cycle",
    "two_stage_cycle", "vapour_compression_cycle", "REFRIGERANTS", "Refrigerant", "refrigerant",
    "HeatPump", "HeatPumpResult", "HeatPumpUnit", "HeatPumpUnitResult", "BatchCycleResult", "simple_cycle_batch",
]
