"""Electric arc furnace: heat balance per heat and what its waste heat is worth.

Public API
----------
ElectricArcFurnace, HeatBalance, HeatBalanceBatch, Material, material, charge_from_mix, liquidus_temperature, typical_heat (units.eaf.furnace)
    closed mass and energy balance per heat (tap to tap), electricity as balancing term;
    batch path ``ElectricArcFurnace.balance_batch``.
OffGasPostCombustion, ScrapPreheater, WasteHeatBoiler, SlagHeatRecovery, TappedSteelHeatRecovery (units.eaf.recovery)
    recovery options as flowsheet units (rates averaged over tap to tap).
EAFUnit, charge_stream, charge_feed, plant_eaf (units.eaf.unit)
    the furnace as a flowsheet unit: condensed-phase charge streams in; steel, slag, off-gas out.
EAFAccounts (units.eaf.accounting)
    kWh/t, Nm3 O2/t, kg C/t, scope 1 and 2 t CO2/t and annual totals.
"""
from units.eaf.accounting import EAFAccounts
from units.eaf.furnace import (MATERIAL_NAMES, NORMAL_MOLAR_VOLUME, ElectricArcFurnace, HeatBalance,
                               HeatBalanceBatch, Material, charge_from_mix, gas_composition,
                               kg_from_normal_volume, liquidus_temperature, material,
                               normal_volume_from_kg, typical_heat)
from units.eaf.unit import EAFUnit, EAFUnitResult, charge_feed, charge_stream, plant_eaf
from units.eaf.recovery import (OffGasPostCombustion, ScrapPreheater, SlagHeatRecovery, TappedSteelHeatRecovery,
                                WasteHeatBoiler)

__all__ = [
    "ElectricArcFurnace", "HeatBalance", "HeatBalanceBatch", "Material", "material", "MATERIAL_NAMES",
    "charge_from_mix", "gas_composition", "liquidus_temperature", "kg_from_normal_volume",
    "normal_volume_from_kg", "NORMAL_MOLAR_VOLUME", "typical_heat", "OffGasPostCombustion",
    "ScrapPreheater", "WasteHeatBoiler", "SlagHeatRecovery", "TappedSteelHeatRecovery", "EAFAccounts",
    "EAFUnit", "EAFUnitResult", "charge_stream", "charge_feed", "plant_eaf",
]
