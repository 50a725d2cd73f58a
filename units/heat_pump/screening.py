"""Screen refrigerants for a heat-pump duty: COP, Lorenz efficiency, pressures, GWP and safety class.

For a source cooled from ``source_in`` to ``source_out`` and a sink heated from ``sink_in`` to
``sink_out`` (K), each refrigerant runs a single-stage subcritical cycle evaporating at
``source_out - pinch`` and condensing at ``sink_out + pinch`` (the simple pinch rule for
small glides; :class:`units.heat_pump.HeatPump` places the pinch zone by zone), with the
compressor efficiency of Brunin et al. (1997) unless given. Rows report the pressures
against two practical limits: a sub-atmospheric evaporator (air and moisture ingress) and
a condensing pressure above ``pressure_limit`` (default 25 bar(a), the PS rating of standard
PN25 industrial heat-pump components; an assumption to be set to the design's own rating).
A refrigerant whose critical temperature is below ``sink_out + pinch + 5 K`` is reported
as unsuitable for a subcritical cycle.

References
----------
* ANSI/ASHRAE Standard 34-2019 (safety classes); IPCC AR5/AR6 WG1 (GWP-100):
  ``procsim/data/refrigerants.csv``.
* B. Zühlsdorf, J. K. Jensen, B. Elmegaard, Int. J. Refrig. 98 (2019) 500-513 (screening
  heat-pump working fluids by COP, Lorenz efficiency and volumetric heating capacity).
"""
from __future__ import annotations

import pandas as pd

from procsim.thermo.fluids import Fluid
from procsim.validation import as_float, check_positive

from .cycle import lorenz_cop, vapour_compression_cycle
from .refrigerants import REFRIGERANTS, refrigerant

__all__ = ["screen_refrigerants", "DEFAULT_PRESSURE_LIMIT"]

DEFAULT_PRESSURE_LIMIT = 25.0e5   # Pa (assumption: PN25 component rating)
_ATMOSPHERE = 101325.0


def screen_refrigerants(source_in, source_out, sink_in, sink_out, refrigerants=REFRIGERANTS, *, pinch=5.0,
                        superheat=5.0, subcooling=2.0, isentropic_efficiency="brunin1997",
                        pressure_limit=DEFAULT_PRESSURE_LIMIT, gwp_set="AR5") -> pd.DataFrame:
    """One row per refrigerant, sorted by heating COP (best first).

    Columns: refrigerant, coolprop_name, suitable (bool), reason, cop_heating, lorenz_efficiency,
    evaporating_temperature, condensing_temperature [K], evaporating_pressure,
    condensing_pressure [Pa], pressure_ratio, discharge_temperature [K],
    volumetric_heating_capacity [J/m3], gwp, safety_class, sub_atmospheric, above_pressure_limit.
    """
    t_si, t_so = as_float("source_in", source_in, "K"), as_float("source_out", source_out, "K")
    t_ki, t_ko = as_float("sink_in", sink_in, "K"), as_float("sink_out", sink_out, "K")
    if not t_si > t_so:
        raise ValueError(f"source_in must be > source_out {t_so!r} K (the source is cooled); got {t_si!r} K")
    if not t_ko > t_ki:
        raise ValueError(f"sink_out must be > sink_in {t_ki!r} K (the sink is heated); got {t_ko!r} K")
    check_positive("pinch", pinch, "K")
    check_positive("pressure_limit", pressure_limit, "Pa")
    te, tc = t_so - pinch, t_ko + pinch
    lor = lorenz_cop(t_ki, t_ko, t_si, t_so)
    rows = []
    for name in refrigerants:
        r = refrigerant(name)
        row = {"refrigerant": r.name, "coolprop_name": r.coolprop_name, "gwp": r.gwp(gwp_set),
               "safety_class": r.safety_class, "evaporating_temperature": te, "condensing_temperature": tc}
        t_crit = Fluid(r.coolprop_name).critical_temperature
        if not tc < t_crit:
            row.update(suitable=False, reason=f"condensing {tc:.6g} K is above the critical temperature {t_crit:.6g} K: "
                                              "transcritical only (vapour_compression_cycle with gas_cooler_pressure)")
            rows.append(row)
            continue
        try:
            c = vapour_compression_cycle(r.coolprop_name, te, tc, superheat=superheat, subcooling=subcooling,
                                         isentropic_efficiency=isentropic_efficiency)
        except ValueError as exc:
            row.update(suitable=False, reason=str(exc))
            rows.append(row)
            continue
        if t_crit < tc + 5.0:
            row.update(suitable=False, reason="critical temperature within 5 K of condensing")
        else:
            row.update(suitable=True, reason="")
        row.update(cop_heating=c.cop_heating, lorenz_efficiency=c.cop_heating / lor,
                   evaporating_pressure=c.evaporating_pressure, condensing_pressure=c.condensing_pressure,
                   pressure_ratio=c.pressure_ratio, discharge_temperature=c.discharge_temperature,
                   volumetric_heating_capacity=c.volumetric_heating_capacity,
                   sub_atmospheric=c.evaporating_pressure < _ATMOSPHERE,
                   above_pressure_limit=c.condensing_pressure > pressure_limit)
        rows.append(row)
    df = pd.DataFrame(rows)
    return df.sort_values("cop_heating", ascending=False, na_position="last").reset_index(drop=True)
