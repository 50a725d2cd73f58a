"""Organic Rankine cycles on real fluids: exact design points, a batched numba fast path,
design optimisation, fluid screening, T-s and T-Q plots, and a flowsheet adapter.

Public names (docs/architecture.rst contract): ``ORC(fluid, evaporating_temperature,
condensing_temperature, superheat=0.0, pump_efficiency=0.75, expander_efficiency=0.80,
evaporator_pinch=10.0, **details)`` and ``ORC.solve(heat_source) -> ORCResult``.
"""
from .cycle import BINDING_CONSTRAINTS, COOLING_FLUIDS, ORC, STATE_NAMES, ORCResult, StatePoint
from .design import (OBJECTIVES, SCREENING_FLUIDS, STATUS_MESSAGES, BatchResult, DesignOptimum,
                     FluidRanking, FluidRankings, ORCSweepModel, evaluate_designs, optimise_design,
                     rank_fluids)
from .plots import plot_tq, plot_ts, tq_diagram_data, ts_diagram_data
from .unit import ORCUnit, plant_orc

__all__ = ["ORC", "ORCResult", "StatePoint", "STATE_NAMES",
           "COOLING_FLUIDS", "BINDING_CONSTRAINTS", "evaluate_designs", "optimise_design",
           "rank_fluids", "BatchResult", "DesignOptimum", "FluidRanking", "FluidRankings", "OBJECTIVES",
           "SCREENING_FLUIDS", "STATUS_MESSAGES", "plot_ts", "plot_tq", "ts_diagram_data",
           "tq_diagram_data", "ORCUnit", "ORCSweepModel", "plant_orc"]
