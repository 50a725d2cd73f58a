"""Energy units and energy carriers (Taiwan conventions included).

Energy units (``procsim/data/energy_units.csv``): J, kJ, MJ, GJ, TJ, PJ, Wh, kWh, MWh, GWh,
kcal (International Table calorie, 4.1868 J), Mcal, kLOE (Taiwan 公秉油當量, 9.0e6 kcal),
toe (1.0e7 kcal), Btu, MMBtu, and ``kWh_tw_stat`` (1 kWh of electricity counted as
860 kcal when Taiwan's energy statistics add electricity to heat).

Carriers (``procsim/data/carriers.csv``) are named by quantity and unit, the way claims
write them: ``electricity_kwh``, ``natural_gas_nm3``, ``fuel_oil_kl``, ``diesel_kl``,
``lpg_t``, ``coal_t``, ``steam_t``, ``heat_gj``, ``heat_kloe``. Each has an energy content
per unit with its source. Steam is counted as the enthalpy rise from 25 degC feedwater to
dry saturated steam at 1.0 MPa(a) (2.672 GJ/t, IAPWS-IF97).

Examples
--------
>>> convert(1.0, "toe", "kLOE")
1.1111111111111112
>>> round(carrier_energy("electricity_kwh", 1.0e6, "toe"), 3)
86.0
"""
from __future__ import annotations

import csv
from functools import lru_cache

from procsim.accounting.factors import Factor, data_path
from procsim.validation import as_float

__all__ = ["ENERGY_UNITS", "CARRIERS", "FUEL_OF_CARRIER", "convert", "unit_in_joule",
           "carrier_energy", "carrier_energy_factor", "check_carrier"]

#: IPCC fuel behind each combustible carrier (procsim/data/fuel_factors.csv names).
FUEL_OF_CARRIER = {
    "natural_gas_nm3": "natural_gas",
    "fuel_oil_kl": "residual_fuel_oil",
    "diesel_kl": "gas_diesel_oil",
    "lpg_t": "lpg",
    "coal_t": "other_bituminous_coal",
    "wood_t": "wood_wood_waste",
}


@lru_cache(maxsize=1)
def _unit_rows() -> dict:
    with open(data_path("energy_units.csv"), newline="", encoding="utf-8") as fh:
        return {r["unit"]: r for r in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _carrier_rows() -> dict:
    with open(data_path("carriers.csv"), newline="", encoding="utf-8") as fh:
        return {r["carrier"]: r for r in csv.DictReader(fh)}


ENERGY_UNITS = tuple(_unit_rows())
CARRIERS = tuple(_carrier_rows())


def unit_in_joule(unit: str) -> Factor:
    """Size of one ``unit`` in joules, with its source."""
    rows = _unit_rows()
    if unit not in rows:
        raise ValueError(f"energy unit must be one of {', '.join(rows)}; got {unit!r}")
    r = rows[unit]
    return Factor(float(r["value"]), name=f"1 {unit}", unit="J", basis=r["basis"],
                  year=int(r["year"]), source=r["source"], status=r["status"])


def convert(value, from_unit: str, to_unit: str) -> float:
    """Convert an energy amount between units of :data:`ENERGY_UNITS`.

    >>> convert(1.0, "kLOE", "GJ")
    37.6812
    """
    v = as_float("value", value, from_unit)
    return v * float(unit_in_joule(from_unit)) / float(unit_in_joule(to_unit))


def check_carrier(carrier: str) -> str:
    if carrier not in _carrier_rows():
        raise ValueError(f"carrier must be one of {', '.join(CARRIERS)}; got {carrier!r}")
    return carrier


def carrier_energy_factor(carrier: str) -> Factor:
    """Energy content of one unit of ``carrier`` [GJ per carrier unit], with its source."""
    r = _carrier_rows()[check_carrier(carrier)]
    gj = float(r["energy_per_unit"]) * float(unit_in_joule(r["energy_unit"])) / 1e9
    return Factor(gj, name=f"energy content of {carrier}", unit=f"GJ/{r['quantity_unit']}",
                  basis=r["basis"], year=int(r["year"]), source=r["source"], status=r["status"])


def carrier_energy(carrier: str, amount, unit: str = "GJ") -> float:
    """Energy [``unit``] in ``amount`` of ``carrier`` (amount in the carrier's own unit).

    Negative amounts are allowed here (savings can be negative); inventories check sign.
    """
    a = as_float(carrier, amount)
    return a * float(carrier_energy_factor(carrier)) * 1e9 / float(unit_in_joule(unit))
