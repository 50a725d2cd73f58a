"""Combined heat and power and biogas: gas engines, anaerobic digestion and avoided methane."""
from units.chp.biogas import MCF_SYSTEMS, AnaerobicDigester, BiogasResult, biogas_factor, methane_lhv
from units.chp.engine import CHP_KINDS, CHPResult, CHPUnit, primary_energy_savings, reference_efficiency

__all__ = ["MCF_SYSTEMS", "AnaerobicDigester", "BiogasResult", "biogas_factor", "methane_lhv",
           "CHP_KINDS", "CHPResult", "CHPUnit", "primary_energy_savings", "reference_efficiency"]
