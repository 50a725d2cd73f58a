"""Combustion: fuels, stoichiometry, excess air, flue gas, flame temperature, dew points.

Public API (docs/architecture.rst): :class:`Fuel` (``from_name``, ``from_composition``, ``lhv``, ``hhv``,
``excess_air``, ``flue_gas``), :class:`FlueGas`; plus :func:`adiabatic_flame`,
:func:`water_dew_point`, :func:`acid_dew_point`. Kernels live in
:mod:`procsim.thermo.combustion.kernels`.
"""
from procsim.thermo.combustion.fuel import (FUEL_NAMES, NORMAL_CONDITIONS, NORMAL_MOLAR_VOLUME,
                                            FlueGas, Fuel, channiwala_parikh_hhv, combustion_air)
from procsim.thermo.combustion.dewpoint import acid_dew_point, water_dew_point
from procsim.thermo.combustion.flame import FlameResult, adiabatic_flame

__all__ = ["Fuel", "FlueGas", "FUEL_NAMES", "NORMAL_CONDITIONS", "NORMAL_MOLAR_VOLUME",
           "channiwala_parikh_hhv", "combustion_air", "adiabatic_flame", "FlameResult",
           "water_dew_point", "acid_dew_point"]
