r"""Anaerobic digestion of wastewater: methane from COD, its fate, and the emissions avoided.

Methane balance of one year (kg CH4):

.. math::
    M_{prod} = Y\,\rho_{CH_4}\,COD_{rem}, \quad
    M_{leak} = f_{leak} M_{prod}, \quad
    M_{eng} = (1 - f_{leak} - f_{flare}) M_{prod}, \quad
    M_{flare} = f_{flare} M_{prod}

with the engine's slip :math:`s_{eng} M_{eng}` and the flare's unburnt
:math:`(1-\eta_{fl}) M_{flare}` also emitted. The untreated (or open, unrecovered) baseline
emits :math:`COD_{rem}\,B_0\,MCF` (IPCC 2006 vol. 5 ch. 6, eq. 6.4 without recovery, COD
basis for industrial wastewater). Emissions are in t CO2e with the GWP-100 of the chosen
assessment report (:func:`procsim.accounting.gwp`); CO2 from burning biogas methane and the
CO2 in the raw biogas are biogenic and reported separately, never added to CO2e
(IPCC 2006 vol. 2 ch. 2, sec. 2.3.3.4: biomass CO2 is reported as a memo item).

Factors and their sources: ``procsim/data/biogas_factors.csv``.

References
----------
* IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 5 Waste, Ch. 6
  Wastewater Treatment and Discharge, eq. 6.4-6.6, Tables 6.2 and 6.8; 2019 Refinement,
  Vol. 5 Ch. 6 (B0 unchanged).
* Metcalf & Eddy, *Wastewater Engineering: Treatment and Reuse*, 4th ed., McGraw-Hill,
  2003, sec. 10-3 (0.35 m3 CH4 per kg COD at 0 degC, 1 atm).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from procsim.accounting import gwp
from procsim.accounting.factors import Factor, data_path
from procsim.thermo.combustion import Fuel
from procsim.validation import as_float, check_choice, check_fraction, check_nonnegative

__all__ = ["biogas_factor", "MCF_SYSTEMS", "BiogasResult", "AnaerobicDigester", "methane_lhv"]

#: Baseline treatment systems with an IPCC MCF row (Table 6.8) in biogas_factors.csv.
MCF_SYSTEMS = ("untreated_sea_river_lake", "aerobic_well_managed", "aerobic_not_well_managed",
               "anaerobic_reactor", "anaerobic_shallow_lagoon", "anaerobic_deep_lagoon")

_CO2_PER_CH4 = 44.0095 / 16.0425   # kg CO2 per kg CH4 burnt (molar masses, IUPAC 2013)


@lru_cache(maxsize=1)
def _rows() -> dict:
    with open(data_path("biogas_factors.csv"), newline="", encoding="utf-8") as fh:
        return {r["factor"]: r for r in csv.DictReader(fh)}


def biogas_factor(name: str) -> Factor:
    """A factor of ``biogas_factors.csv`` as a float carrying ``.source`` and ``.unit``."""
    rows = _rows()
    r = rows[check_choice("biogas factor", name, list(rows))]
    return Factor(float(r["value"]), name=name, unit=r["unit"], basis="", source=r["source"],
                  status=r["status"], year=int(r["year"]))


@lru_cache(maxsize=1)
def methane_lhv() -> float:
    """Lower heating value of methane [J/kg] (procsim.thermo.combustion, NASA-7 data from Cantera)."""
    return Fuel.from_composition({"CH4": 1.0}).lhv


@dataclass(frozen=True)
class BiogasResult:
    """One year of a digester with biogas use (kg, kWh, t CO2e per year).

    methane_produced, methane_leaked, methane_flared, methane_to_engine, methane_emitted
    (leak + engine slip + unburnt in the flare) : [kg CH4/yr]; methane_volume : [Nm3 CH4/yr];
    biogas_volume : [Nm3/yr] at the methane fraction; fuel_energy : methane to the engine
    [J/yr, LHV]; electricity_kwh, heat_recovered_kwh : [kWh/yr];
    baseline_methane : CH4 of the baseline treatment [kg/yr]; baseline_co2e_t,
    project_co2e_t, avoided_methane_co2e_t : [t CO2e/yr]; biogenic_co2_t : CO2 from
    combustion plus the biogas's own CO2 [t/yr], reported separately;
    gwp_ch4 : [kg CO2e/kg] of ``gwp_set``; mass_residual : CH4 produced minus fates [kg/yr].
    """

    methane_produced: float
    methane_leaked: float
    methane_flared: float
    methane_to_engine: float
    methane_emitted: float
    methane_volume: float
    biogas_volume: float
    fuel_energy: float
    electricity_kwh: float
    heat_recovered_kwh: float
    baseline_methane: float
    baseline_co2e_t: float
    project_co2e_t: float
    avoided_methane_co2e_t: float
    biogenic_co2_t: float
    gwp_ch4: float
    mass_residual: float


@dataclass(frozen=True)
class AnaerobicDigester:
    """Anaerobic treatment of wastewater COD with biogas to a gas engine (or boiler) and a flare.

    Parameters
    ----------
    baseline_system : treatment before the project, one of :data:`MCF_SYSTEMS` (sets MCF)
    methane_yield : [Nm3 CH4 per kg COD removed], default 0.35 (Metcalf & Eddy 2003)
    leakage : fraction of produced CH4 escaping the digester and gas train [-], default 0.05
        (IPCC 2006 vol. 5 ch. 4 Table 4.1 note)
    flared_fraction : fraction of produced CH4 sent to the flare (surplus, outages) [-]
    flare_destruction : [-], default 0.98 (AP-42 sec. 2.4)
    engine_slip : fraction of the engine's CH4 leaving unburnt [-], default 0.015 (assumption)
    electrical_efficiency : engine electrical efficiency, LHV [-] (0 for a boiler)
    heat_recovery_efficiency : heat recovered per LHV input [-]
    methane_fraction : CH4 mole fraction in the biogas [-] (the rest taken as CO2)
    gwp_set : "AR4", "AR5" or "AR6" (CH4 non-fossil GWP-100)

    Examples
    --------
    >>> d = AnaerobicDigester("anaerobic_deep_lagoon", electrical_efficiency=0.38)
    >>> r = d.run(1.0e6)                      # 1,000 t COD removed per year
    >>> round(r.methane_produced / 1e3, 1), round(r.baseline_methane / 1e3, 1)   # t CH4
    (251.1, 200.0)
    """

    baseline_system: str = "anaerobic_deep_lagoon"
    methane_yield: float | None = None
    leakage: float | None = None
    flared_fraction: float = 0.0
    flare_destruction: float | None = None
    engine_slip: float | None = None
    electrical_efficiency: float = 0.38
    heat_recovery_efficiency: float = 0.0
    methane_fraction: float = 0.65
    gwp_set: str = "AR5"

    def __post_init__(self):
        check_choice("AnaerobicDigester baseline_system", self.baseline_system, MCF_SYSTEMS)
        defaults = {"methane_yield": "methane_yield_cod", "leakage": "digester_leakage",
                    "flare_destruction": "flare_destruction", "engine_slip": "engine_methane_slip"}
        for attr, key in defaults.items():
            if getattr(self, attr) is None:
                object.__setattr__(self, attr, float(biogas_factor(key)))
        check_nonnegative("AnaerobicDigester methane_yield", self.methane_yield, "Nm3/kg COD")
        for name in ("leakage", "flared_fraction", "flare_destruction", "engine_slip", "electrical_efficiency",
                     "heat_recovery_efficiency"):
            check_fraction(f"AnaerobicDigester {name}", getattr(self, name))
        check_fraction("AnaerobicDigester methane_fraction", self.methane_fraction, allow_zero=False)
        if not self.leakage + self.flared_fraction <= 1.0:
            raise ValueError(f"AnaerobicDigester leakage + flared_fraction must be <= 1; got "
                             f"{self.leakage + self.flared_fraction!r}")
        if not self.electrical_efficiency + self.heat_recovery_efficiency <= 1.0:
            raise ValueError(f"AnaerobicDigester electrical_efficiency + heat_recovery_efficiency must be <= 1; "
                             f"got {self.electrical_efficiency + self.heat_recovery_efficiency!r}")
        check_choice("AnaerobicDigester gwp_set", self.gwp_set, ("AR4", "AR5", "AR6"))

    def run(self, cod_removed) -> BiogasResult:
        """Annual balance for ``cod_removed`` [kg COD/yr] (>= 0)."""
        cod = check_nonnegative("AnaerobicDigester cod_removed", as_float("cod_removed", cod_removed, "kg/yr"),
                                "kg/yr")
        rho = float(biogas_factor("methane_density_normal"))
        produced = cod * self.methane_yield * rho
        leaked = self.leakage * produced
        flared = self.flared_fraction * produced
        engine = produced - leaked - flared
        emitted = leaked + engine * self.engine_slip + flared * (1.0 - self.flare_destruction)
        burnt = engine * (1.0 - self.engine_slip) + flared * self.flare_destruction
        fuel = engine * (1.0 - self.engine_slip) * methane_lhv()
        g = float(gwp("CH4", self.gwp_set))
        mcf = float(biogas_factor(f"mcf_{self.baseline_system}"))
        baseline = cod * float(biogas_factor("b0_cod")) * mcf
        vol = produced / rho
        # CO2 in the raw biogas: (1 - y_CH4)/y_CH4 mol CO2 per mol CH4
        raw_co2 = produced / 16.0425 * (1.0 - self.methane_fraction) / self.methane_fraction * 44.0095
        return BiogasResult(
            methane_produced=produced, methane_leaked=leaked, methane_flared=flared, methane_to_engine=engine,
            methane_emitted=emitted, methane_volume=vol, biogas_volume=vol / self.methane_fraction,
            fuel_energy=fuel, electricity_kwh=fuel * self.electrical_efficiency / 3.6e6,
            heat_recovered_kwh=fuel * self.heat_recovery_efficiency / 3.6e6, baseline_methane=baseline,
            baseline_co2e_t=baseline * g / 1e3, project_co2e_t=emitted * g / 1e3,
            avoided_methane_co2e_t=(baseline - emitted) * g / 1e3,
            biogenic_co2_t=(burnt * _CO2_PER_CH4 + raw_co2) / 1e3, gwp_ch4=g,
            mass_residual=produced - leaked - flared - engine)

    def cod_for_avoided(self, avoided_co2e_t) -> float:
        """COD removed [kg/yr] whose avoided methane equals ``avoided_co2e_t`` [t CO2e/yr] (linear in COD)."""
        a = check_nonnegative("avoided_co2e_t", as_float("avoided_co2e_t", avoided_co2e_t, "t CO2e/yr"),
                              "t CO2e/yr")
        per_kg = self.run(1.0).avoided_methane_co2e_t
        if not per_kg > 0.0:
            raise ValueError(f"AnaerobicDigester: the project avoids no methane against baseline "
                             f"{self.baseline_system!r}; no COD gives {a!r} t CO2e/yr")
        return a / per_kg
