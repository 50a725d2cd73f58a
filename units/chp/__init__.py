"""Combined heat and power and biogas: gas engines, anaerobic digestion and avoided methane."""
from units.chp.biogas import MCF_SYSTEMS, AnaerobicDigester, BiogasResult, biogas_factor, methane_lhv

__all__ = ["MCF_SYSTEMS", "AnaerobicDigester", "BiogasResult", "biogas_factor", "methane_lhv"]
