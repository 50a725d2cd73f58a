"""Compressed-air systems: leaks, compressors and their controls, receivers, dryers, pipes,
a numba sequencer simulation over demand profiles, logged-data reading and retrofit measures.

Public API (docs/architecture.rst): :func:`leak_flow`, :func:`free_air_flow`, :class:`Compressor`
(``compressor.power(flow)``). Pressures are absolute Pa, flows of free air are m3/s at
the ISO 1217 reference inlet (1 bar(a), 20 degC).
"""
from .flow import (CRITICAL_PRESSURE_RATIO, ISO1217_PRESSURE, ISO1217_TEMPERATURE, P_ATM,
                   R_AIR, RHO_FREE_AIR, churchill_friction_factor, free_air_flow, leak_flow,
                   mass_from_free_air, orifice_mass_flow, pipe_pressure_drop)
from .compressor import (CONTROLS, CONTROL_DEFAULTS, Compressor, altitude_pressure, cycle_power,
                         discharge_pressure_factor, part_load_power)

__all__ = [
    "leak_flow", "free_air_flow", "mass_from_free_air", "orifice_mass_flow", "pipe_pressure_drop",
    "churchill_friction_factor", "Compressor", "CONTROLS", "CONTROL_DEFAULTS", "cycle_power",
    "part_load_power", "discharge_pressure_factor", "altitude_pressure", "R_AIR", "P_ATM",
    "ISO1217_PRESSURE", "ISO1217_TEMPERATURE", "RHO_FREE_AIR", "CRITICAL_PRESSURE_RATIO",
]
from .network import Dryer, EndUses, Filter, LeakSurvey, Pipe, Receiver
from .simulate import STRATEGIES, AirSystem, SimulationResult, simulate

__all__ += ["Receiver", "Dryer", "Filter", "Pipe", "LeakSurvey", "EndUses", "AirSystem",
            "SimulationResult", "simulate", "STRATEGIES"]
from .profiles import shift_profile
__all__ += ['shift_profile']
from .datasheets import fleet, fleet_rows, from_cagi_sheet
__all__ += ['fleet', 'fleet_rows', 'from_cagi_sheet']
from .measures import (HeatRecovery, MeasureResult, add_or_replace_compressor, dryer_change,
                       evaluate, heat_recovery, leak_repair, master_control, pressure_reduction)
__all__ += ['HeatRecovery', 'MeasureResult', 'add_or_replace_compressor', 'dryer_change', 'evaluate',
            'heat_recovery', 'leak_repair', 'master_control', 'pressure_reduction']
from .logdata import CleaningReport, FlowEstimate, clean, infer_flow, read_log
__all__ += ['CleaningReport', 'FlowEstimate', 'clean', 'infer_flow', 'read_log']
from .station import CompressorStation, CompressorStationResult
__all__ += ['CompressorStation', 'CompressorStationResult']
