"""Retrofit accounting: emission factors, energy units, prices, economics, claims.

Public API (docs/architecture.rst):

- ``grid_factor(region="TW", year=2023, basis="actual")`` -> :class:`Factor` (a float with
  ``.source``, ``.year``, ``.basis``, ``.unit``, ``.status``); bases "actual", "target",
  "statutory_baseline" (2025 baseline 0.424), "fuel_stats_2024ed", "fuel_stats_2023ed".
- ``check_claim(claim)`` -> list of :class:`Finding` (``.severity``, ``.field``, ``.message``).

Also: ``emissions``, ``compare``, ``compare_options``/``Option`` (ranking, MACC),
``npv``/``irr``/``simple_payback``/``cost_of_saved_energy``, ``convert``/``carrier_energy``
(energy units incl. kLOE and toe), ``load_claim``/``format_findings``.
"""
from procsim.accounting.factors import (Factor, FactorTable, GRID_BASES, carbon_fee_rate,
                                        energy_price, fuel_factor, grid_factor, gwp)
from procsim.accounting.factors import announced_grid_factor
from procsim.accounting.units import CARRIERS, ENERGY_UNITS, carrier_energy, convert
from procsim.accounting.emissions import Emissions, SteamSupply, emissions
from procsim.accounting.economics import (capital_recovery_factor, carbon_fee,
                                          cost_of_saved_energy, irr, npv, simple_payback)
from procsim.accounting.compare import AnnualEnergy, Comparison, compare
from procsim.accounting.options import Option, compare_options, emission_intensity
from procsim.accounting.claims import Finding, check_claim, format_findings, load_claim, verdict

__all__ = [
    "Factor", "FactorTable", "GRID_BASES", "grid_factor", "fuel_factor", "gwp", "carbon_fee_rate",
    "energy_price", "CARRIERS", "ENERGY_UNITS", "carrier_energy", "convert", "Emissions",
    "SteamSupply", "emissions", "capital_recovery_factor", "carbon_fee", "cost_of_saved_energy",
    "irr", "npv", "simple_payback", "AnnualEnergy", "Comparison", "compare", "Option",
    "compare_options", "emission_intensity", "Finding", "check_claim", "format_findings",
    "load_claim", "verdict", "announced_grid_factor",
]
