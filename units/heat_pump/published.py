"""Model COPs beside published measured heat-pump COPs (``procsim/data/heat_pump_published_cop.csv``).

Each row is one measured (or measured-range) operating point of a published study. Where
the study gives evaporating and condensing temperatures they are used directly; where it
gives water temperatures (W60/W110: source inlet 60 C, sink outlet 110 C) the saturation
temperatures follow from stated assumptions, the same for every row and not fitted:

* source glide 5 K and sink glide 5 K (Arpagaus et al. 2019 test the 5 K sink glide as
  their base case); pinch 5 K in both exchangers: T_e = source_in - 5 - 5, T_c = sink_out + 5;
* superheat 5 K, subcooling 2 K; internal heat exchanger effectiveness 0.5 where the study
  ran with an IHX;
* compressor isentropic efficiency from Brunin et al. (1997), 0.874 - 0.0135 pressure ratio;
  drive (motor and inverter) efficiency 0.92 for the 5-100 kW prototypes (assumption).
"""
from __future__ import annotations

import csv

import pandas as pd

from procsim.accounting.factors import data_path

from .cycle import vapour_compression_cycle

__all__ = ["published_points", "compare_published", "ASSUMPTIONS"]

ASSUMPTIONS = {"glide": 5.0, "pinch": 5.0, "superheat": 5.0, "subcooling": 2.0, "ihx_effectiveness": 0.5,
               "drive_efficiency": 0.92, "isentropic_efficiency": "brunin1997"}


def published_points() -> pd.DataFrame:
    """The published points, one row each, with their sources."""
    with open(data_path("heat_pump_published_cop.csv"), newline="", encoding="utf-8") as fh:
        return pd.DataFrame(list(csv.DictReader(fh)))


def compare_published() -> pd.DataFrame:
    """Model COP for each published point and the difference (model - measured) / measured."""
    a = ASSUMPTIONS
    rows = []
    for _, r in published_points().iterrows():
        if r["evaporating_C"]:
            te, tc = float(r["evaporating_C"]) + 273.15, float(r["condensing_C"]) + 273.15
        else:
            te = float(r["source_inlet_C"]) + 273.15 - a["glide"] - a["pinch"]
            tc = float(r["sink_outlet_C"]) + 273.15 + a["pinch"]
        c = vapour_compression_cycle(r["refrigerant"], te, tc, superheat=a["superheat"], subcooling=a["subcooling"],
                                     isentropic_efficiency=a["isentropic_efficiency"],
                                     ihx_effectiveness=a["ihx_effectiveness"] if r["ihx"] == "1" else 0.0)
        cop = c.cop_heating * a["drive_efficiency"]
        measured = float(r["measured_cop"])
        rows.append({"point": r["point"], "refrigerant": r["refrigerant"], "evaporating_C": te - 273.15,
                     "condensing_C": tc - 273.15, "measured_cop": measured, "model_cop": cop,
                     "difference": (cop - measured) / measured, "source": r["source"]})
    return pd.DataFrame(rows)
