"""Thermodynamic properties: ideal-gas mixtures (gas), combustion, real fluids (fluids)."""
