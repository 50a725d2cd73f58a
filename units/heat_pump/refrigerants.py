"""Refrigerant data: CoolProp name, ASHRAE 34 safety class, GWP-100 by IPCC assessment report.

One row per refrigerant in ``procsim/data/refrigerants.csv``, each with its source and a
status (``verified`` read in the cited table, ``secondary`` quoted from a source that cites
it, ``unverified`` from the named source without the table opened here).

References
----------
* ANSI/ASHRAE Standard 34-2019, *Designation and Safety Classification of Refrigerants*,
  Table 4-1 (safety groups: A/B lower/higher toxicity, 1/2L/2/3 flammability).
* IPCC AR5 WG1 (2013) ch. 8, Table 8.A.1; IPCC AR6 WG1 (2021) ch. 7, Table 7.SM.7 (GWP-100).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from procsim.accounting.factors import data_path
from procsim.validation import check_choice

__all__ = ["Refrigerant", "refrigerant", "REFRIGERANTS", "coolprop_name"]


@dataclass(frozen=True)
class Refrigerant:
    """One refrigerant row: ``name`` (R-number), ``coolprop_name``, ``safety_class`` (ASHRAE 34),
    ``gwp_ar5``, ``gwp_ar6`` [kg CO2e/kg, 100 yr], ``status``, ``source``."""

    name: str
    coolprop_name: str
    safety_class: str
    gwp_ar5: float
    gwp_ar6: float
    status: str
    source: str

    def gwp(self, gwp_set: str = "AR5") -> float:
        """GWP-100 [kg CO2e/kg] of the assessment report ``gwp_set`` ("AR5" or "AR6")."""
        return {"AR5": self.gwp_ar5, "AR6": self.gwp_ar6}[check_choice("gwp_set", gwp_set, ("AR5", "AR6"))]

    @property
    def flammable(self) -> bool:
        """True for classes 2L, 2 and 3 (ASHRAE 34)."""
        return self.safety_class[1:] in ("2L", "2", "3")


@lru_cache(maxsize=1)
def _rows() -> dict:
    with open(data_path("refrigerants.csv"), newline="", encoding="utf-8") as fh:
        rows = {}
        for r in csv.DictReader(fh):
            rows[r["refrigerant"]] = Refrigerant(r["refrigerant"], r["coolprop_name"], r["safety_class"],
                                                 float(r["gwp_ar5"]), float(r["gwp_ar6"]), r["status"],
                                                 r["source"])
        return rows


#: R-numbers with a data row (also accepted: their CoolProp names).
REFRIGERANTS = tuple(_rows())


def refrigerant(name: str) -> Refrigerant:
    """The data row of ``name`` (R-number such as "R717", or CoolProp name such as "Ammonia")."""
    rows = _rows()
    if name in rows:
        return rows[name]
    for r in rows.values():
        if r.coolprop_name.lower() == str(name).lower():
            return r
    raise ValueError(f"refrigerant must be one of {', '.join(repr(n) for n in rows)} (or their CoolProp "
                     f"names); got {name!r}")


def coolprop_name(name: str) -> str:
    """CoolProp fluid name of a refrigerant given by R-number or CoolProp name; other names pass through."""
    try:
        return refrigerant(name).coolprop_name
    except ValueError:
        return name
