"""The equipment models that ``procsim sweep`` can run over a grid of inputs, by name.

Each is a :class:`procsim.registry.SweepModel`: a function taking numpy arrays (and fixed
options) and returning a dict of output arrays, the form :func:`procsim.batch.sweep`
evaluates. They are registered as entry points (group ``procsim.sweep_models`` in
``pyproject.toml``), so procsim finds them without importing ``units``. The equipment models
are imported when a sweep is run.

========================  ==================================================================
name                      inputs (SI) -> outputs
========================  ==================================================================
``stack-loss``            o2 [-, dry mole fraction], stack_temperature [K],
                          air_temperature [K]; option fuel, basis -> stack_loss [-]
``leak-flow``             diameter [m], line_pressure [Pa abs], temperature [K],
                          discharge_coefficient [-] -> mass_flow [kg/s], free_air_flow [m3/s]
``effectiveness``         ntu [-], cr [-]; option arrangement -> effectiveness [-]
``orc``                   evaporating_temperature, superheat, condensing_temperature,
                          source_temperature [K], source_mass_flow [kg/s]; options fluid,
                          source (CoolProp name of the heat-source fluid), source_pressure
                          [Pa] -> net_power [W], thermal_efficiency [-], status
========================  ==================================================================
"""
from __future__ import annotations

import numpy as np

from procsim.registry import SweepModel

__all__ = ["STACK_LOSS", "LEAK_FLOW", "EFFECTIVENESS", "ORC_DESIGN"]


def _stack_loss(o2, stack_temperature, air_temperature=293.15, fuel="natural_gas", basis="hhv"):
    from procsim.thermo.combustion import Fuel
    from units.boiler import stack_loss_fraction

    return {"stack_loss": stack_loss_fraction(Fuel.from_name(fuel), o2, stack_temperature,
                                              air_temperature, basis=basis)}


def _leak_flow(diameter, line_pressure, temperature=293.15, discharge_coefficient=0.61):
    from units.compressed_air import free_air_flow, leak_flow

    m = leak_flow(diameter, line_pressure, temperature=temperature,
                  discharge_coefficient=discharge_coefficient)
    return {"mass_flow": m, "free_air_flow": free_air_flow(m)}


def _effectiveness(ntu, cr, arrangement="counterflow"):
    from units.heat_exchanger import effectiveness

    return {"effectiveness": effectiveness(ntu, cr, arrangement)}


def _orc(evaporating_temperature, condensing_temperature=308.15, superheat=0.0,
         source_temperature=423.15, source_mass_flow=10.0, fluid="R245fa", source="Water",
         source_pressure=5.0e5):
    from procsim.stream import Stream
    from units.orc import ORC, evaluate_designs

    te = np.atleast_1d(evaporating_temperature)
    template = ORC(fluid, float(te.flat[0]), float(np.atleast_1d(condensing_temperature).flat[0]))
    src = Stream(source, float(np.atleast_1d(source_temperature).flat[0]), float(source_pressure),
                 float(np.atleast_1d(source_mass_flow).flat[0]))
    r = evaluate_designs(template, src, evaporating_temperature=evaporating_temperature,
                         superheat=superheat, condensing_temperature=condensing_temperature,
                         source_temperature=source_temperature, source_mass_flow=source_mass_flow)
    return {"net_power": r.net_power, "thermal_efficiency": r.thermal_efficiency,
            "status": np.asarray(r.status, dtype=np.float64)}


STACK_LOSS = SweepModel(_stack_loss, ("o2", "stack_temperature", "air_temperature"), ("fuel", "basis"),
                        "boiler stack loss fraction (units.boiler.stack_loss_fraction)",
                        {"o2": "-, dry mole fraction", "stack_temperature": "K", "air_temperature": "K",
                         "fuel": "fuel name", "basis": "hhv or lhv"})
LEAK_FLOW = SweepModel(_leak_flow, ("diameter", "line_pressure", "temperature", "discharge_coefficient"), (),
                       "compressed-air leak mass and free-air flow",
                       {"diameter": "m", "line_pressure": "Pa abs", "temperature": "K",
                        "discharge_coefficient": "-"})
EFFECTIVENESS = SweepModel(_effectiveness, ("ntu", "cr"), ("arrangement",), "heat-exchanger effectiveness",
                           {"ntu": "-", "cr": "-", "arrangement": "arrangement name"})
ORC_DESIGN = SweepModel(_orc, ("evaporating_temperature", "condensing_temperature", "superheat",
                               "source_temperature", "source_mass_flow"), ("fluid", "source", "source_pressure"),
                        "ORC net power and efficiency (units.orc.evaluate_designs)",
                        {"evaporating_temperature": "K", "condensing_temperature": "K", "superheat": "K",
                         "source_temperature": "K", "source_mass_flow": "kg/s", "fluid": "CoolProp name",
                         "source": "CoolProp name", "source_pressure": "Pa abs"})
