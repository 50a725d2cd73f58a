"""``procsim sweep``'s model lookup: registered sweep models run over a grid of inputs.

The models themselves live with the equipment (``units/sweep_models.py`` for the built-in
``stack-loss``, ``leak-flow``, ``effectiveness`` and ``orc``) and are found through the
``procsim.sweep_models`` entry points (:mod:`procsim.registry`); procsim never imports them
statically. An unknown name is an error listing the registered ones.
"""
from __future__ import annotations

import inspect

from procsim.registry import SweepModel, sweep_models

__all__ = ["sweep_models", "run_sweep_model", "required_inputs", "input_defaults", "describe_models"]


def input_defaults(model: SweepModel) -> dict:
    """Input or option name -> its default (``inspect.Parameter.empty`` when it is required)."""
    sig = inspect.signature(model.function)
    return {k: sig.parameters[k].default if k in sig.parameters else inspect.Parameter.empty
            for k in (*model.inputs, *model.options)}


def required_inputs(model: SweepModel) -> tuple[str, ...]:
    """Inputs and options of ``model`` without a default: they must be swept or set."""
    return tuple(k for k, d in input_defaults(model).items() if d is inspect.Parameter.empty)


def describe_models(brackets: str = "[]") -> str:
    """One line per registered model: each input with its unit, and its default or "required"."""
    o, c = brackets
    lines = []
    for name, m in sweep_models().items():
        units = dict(getattr(m, "units", None) or {})
        parts = []
        for k, d in input_defaults(m).items():
            unit = units.get(k, "option" if k in m.options else "SI")
            parts.append(f"{k} {o}{unit}{c}" + (" required" if d is inspect.Parameter.empty else f" = {d}"))
        lines.append(f"{name}: " + "; ".join(parts))
    return "\n".join(lines)


def run_sweep_model(name: str, axes: dict, fixed: dict, options: dict):
    """Sweep model ``name`` over the grid ``axes`` with scalar ``fixed`` inputs; a DataFrame."""
    from procsim.batch import sweep
    from procsim.validation import check_choice

    m = check_choice("model", name, sweep_models())
    unknown = [k for k in list(axes) + list(fixed) if k not in m.inputs] + \
              [k for k in options if k not in m.options]
    if unknown:
        raise ValueError(f"model {name!r} has no input {', '.join(repr(u) for u in unknown)}; "
                         f"inputs: {', '.join(m.inputs)}; options: {', '.join(m.options) or 'none'}")
    missing = [k for k in required_inputs(m) if k not in axes and k not in fixed and k not in options]
    if missing:
        units = dict(getattr(m, "units", None) or {})
        raise ValueError(f"model {name!r} needs input "
                         f"{', '.join(f'{k} [{units[k]}]' if k in units else k for k in missing)}: "
                         f"sweep it (--param NAME=START:STOP:N) or set it (--set NAME=VALUE)")
    if not axes:
        raise ValueError(f"give at least one swept input (--param NAME=START:STOP:N); inputs: {', '.join(m.inputs)}")
    return sweep(lambda **kw: m.function(**kw, **options), axes, fixed=fixed)
