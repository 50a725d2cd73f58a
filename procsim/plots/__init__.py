"""Figures: one module per subject, every plotting function returns a matplotlib ``Figure``.

- :mod:`procsim.plots.sankey`: where the fuel goes (useful heat, stack, blowdown, radiation, other)
- :mod:`procsim.plots.pinch`: composite and grand composite curves
- :mod:`procsim.plots.cycles`: T-s with a closed dome and numbered states, T-Q of every exchanger
- :mod:`procsim.plots.timeseries`: load-duration curves, compressor sequencing timelines
- :mod:`procsim.plots.economics`: marginal abatement cost curve
- :mod:`procsim.plots.uncertainty`: Monte Carlo histograms and tornado charts

Figures are built without pyplot (no global figure registry, no display needed); render one
with ``fig.savefig(path)`` or :func:`figure_png`. Axes carry units; powers are shown in kW or
MW, temperatures in °C.
"""
from procsim.plots._common import figure_png, format_power, power_unit
from procsim.plots.cycles import State, dome_data, orc_tq, orc_ts, tq_diagram, ts_diagram, ts_dome
from procsim.plots.economics import mac_curve
from procsim.plots.pinch import composite_curves, grand_composite_curve
from procsim.plots.sankey import (boundary_energy_flows, energy_flows, energy_sankey,
                                  fired_unit_energy_flows, sankey_figure)
from procsim.plots.timeseries import LoadDuration, load_duration, load_duration_data, sequencing_timeline
from procsim.plots.uncertainty import mc_histograms, tornado, tornado_data

__all__ = ["boundary_energy_flows", "energy_flows", "energy_sankey", "fired_unit_energy_flows",
           "sankey_figure", "composite_curves", "grand_composite_curve", "State", "dome_data",
           "ts_dome", "ts_diagram", "tq_diagram", "orc_ts", "orc_tq", "LoadDuration",
           "load_duration", "load_duration_data", "sequencing_timeline", "mac_curve",
           "mc_histograms", "tornado", "tornado_data", "figure_png", "format_power", "power_unit"]
