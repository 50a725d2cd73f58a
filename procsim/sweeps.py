"""``procsim sweep``'s model lookup: registered sweep models run over a grid of inputs.

The models themselves live with the equipment (``units/sweep_models.py`` for the built-in
``stack-loss``, ``leak-flow``, ``effectiveness`` and ``orc``) and are found through the
``procsim.sweep_models`` entry points (:mod:`procsim.registry`); procsim never imports them
statically. An unknown name is an error listing the registered ones.
"""
from __future__ import annotations

from procsim.registry import sweep_models

__all__ = ["sweep_models", "run_sweep_model"]


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
    if not axes:
        raise ValueError(f"give at least one swept input (--param NAME=START:STOP:N); inputs: {', '.join(m.inputs)}")
    return sweep(lambda **kw: m.function(**kw, **options), axes, fixed=fixed)
