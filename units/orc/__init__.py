"""Organic Rankine cycles on real fluids: exact design points, a batched numba fast path,
design optimisation, fluid screening, T-s and T-Q plots, and a flowsheet adapter.

Public names (DESIGN.md contract): ``ORC(fluid, evaporating_temperature,
condensing_temperature, superheat=0.0, pump_efficiency=0.75, expander_efficiency=0.80,
evaporator_pinch=10.0, **details)`` and ``ORC.solve(heat_source) -> ORCResult``.
"""
from .cycle import (BINDING_CONSTRAINTS, COOLING_FLUIDS, ORC, STATE_NAMES, EvaporatorProfile,
                    ORCResult, StatePoint)

__all__ = ["ORC", "ORCResult", "StatePoint", "EvaporatorProfile", "STATE_NAMES",
           "COOLING_FLUIDS", "BINDING_CONSTRAINTS"]
