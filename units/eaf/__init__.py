"""Electric arc furnace: heat balance per heat and what its waste heat is worth.

Public API
----------
ElectricArcFurnace, HeatBalance, Material, material, charge_from_mix, liquidus_temperature
    (units.eaf.furnace): closed mass and energy balance per heat, electricity as balancing term.
"""
from units.eaf.furnace import (MATERIAL_NAMES, NORMAL_MOLAR_VOLUME, ElectricArcFurnace, HeatBalance,
                               HeatBalanceBatch, Material, charge_from_mix, gas_composition,
                               kg_from_normal_volume, liquidus_temperature, material,
                               normal_volume_from_kg, typical_heat)

__all__ = [
    "ElectricArcFurnace", "HeatBalance", "HeatBalanceBatch", "Material", "material", "MATERIAL_NAMES",
    "charge_from_mix", "gas_composition", "liquidus_temperature", "kg_from_normal_volume",
    "normal_volume_from_kg", "NORMAL_MOLAR_VOLUME", "typical_heat",
]
