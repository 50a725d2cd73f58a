"""Models that ``procsim sweep`` can run over a grid of inputs, by name.

Each entry maps a model name to a function taking numpy arrays (and fixed options) and
returning a dict of output arrays, the form :func:`procsim.batch.sweep` evaluates. The
equipment models are imported when a sweep is run, so this module adds nothing to import
time. The set is closed: an unknown name is an error listing the valid ones.

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

__all__ = ["SWEEP_MODELS", "INPUT_UNITS", "run_sweep_model", "describe_models", "required_inputs"]


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


#: name -> (model, names of its array inputs, names of its options)
SWEEP_MODELS = {
    "stack-loss": (_stack_loss, ("o2", "stack_temperature", "air_temperature"), ("fuel", "basis")),
    "leak-flow": (_leak_flow, ("diameter", "line_pressure", "temperature", "discharge_coefficient"), ()),
    "effectiveness": (_effectiveness, ("ntu", "cr"), ("arrangement",)),
    "orc": (_orc, ("evaporating_temperature", "condensing_temperature", "superheat",
                   "source_temperature", "source_mass_flow"), ("fluid", "source", "source_pressure")),
}


#: model -> input or option -> (SI unit or "option", default shown in help or None if required)
INPUT_UNITS = {
    "stack-loss": {"o2": ("- (dry mole fraction)", None), "stack_temperature": ("K", None),
                   "air_temperature": ("K", "293.15"), "fuel": ("option", "natural_gas"),
                   "basis": ("option", "hhv")},
    "leak-flow": {"diameter": ("m", None), "line_pressure": ("Pa abs", None),
                  "temperature": ("K", "293.15"), "discharge_coefficient": ("-", "0.61")},
    "effectiveness": {"ntu": ("-", None), "cr": ("-", None), "arrangement": ("option", "counterflow")},
    "orc": {"evaporating_temperature": ("K", None), "condensing_temperature": ("K", "308.15"),
            "superheat": ("K", "0"), "source_temperature": ("K", "423.15"),
            "source_mass_flow": ("kg/s", "10"), "fluid": ("option", "R245fa"),
            "source": ("option", "Water"), "source_pressure": ("option, Pa abs", "5e5")},
}


def required_inputs(name: str) -> tuple[str, ...]:
    """Inputs of model ``name`` that have no default (they must be swept or set)."""
    return tuple(k for k, (_, default) in INPUT_UNITS[name].items() if default is None)


def describe_models(brackets: str = "[]") -> str:
    """One line per model: each input with its unit, and its default or "required"."""
    lines = []
    o, c = brackets
    for name, spec in INPUT_UNITS.items():
        parts = [f"{k} {o}{u}{c}" + (" required" if d is None else f" = {d}") for k, (u, d) in spec.items()]
        lines.append(f"{name}: " + "; ".join(parts))
    return "\n".join(lines)


def run_sweep_model(name: str, axes: dict, fixed: dict, options: dict):
    """Sweep model ``name`` over the grid ``axes`` with scalar ``fixed`` inputs; a DataFrame."""
    from procsim.batch import sweep
    from procsim.validation import check_choice

    model, inputs, opts = check_choice("model", name, SWEEP_MODELS)
    unknown = [k for k in list(axes) + list(fixed) if k not in inputs] + \
              [k for k in options if k not in opts]
    if unknown:
        raise ValueError(f"model {name!r} has no input {', '.join(repr(u) for u in unknown)}; "
                         f"inputs: {', '.join(inputs)}; options: {', '.join(opts) or 'none'}")
    missing = [k for k in required_inputs(name) if k not in axes and k not in fixed]
    if missing:
        units = INPUT_UNITS[name]
        raise ValueError(f"model {name!r} needs input {', '.join(f'{k} [{units[k][0]}]' for k in missing)}: "
                         f"sweep it (--param NAME=START:STOP:N) or set it (--set NAME=VALUE)")
    if not axes:
        raise ValueError(f"give at least one swept input (--param NAME=START:STOP:N); inputs: {', '.join(inputs)}")
    return sweep(lambda **kw: model(**kw, **options), axes, fixed=fixed)
