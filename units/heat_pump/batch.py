"""Many single-stage cycles at once: the tabulated numba path (arrays in, arrays out).

:func:`simple_cycle_batch` evaluates the cycle of :func:`units.heat_pump.simple_cycle` for
arrays of conditions on the refrigerant's property table (``Fluid(name).table()``, built
from CoolProp once and cached on disk); its agreement with the exact path is measured in
``tests/test_heat_pump_batch.py`` and its speed in ``benchmarks/bench_heat_pump.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.thermo.fluids import Fluid
from procsim.validation import broadcast_arrays

from . import kernels as K
from .refrigerants import coolprop_name

__all__ = ["BatchCycleResult", "simple_cycle_batch"]

_STATUS_TEXT = {K.STATUS_INPUT: "inputs out of range (condensing must exceed evaporating, superheat and "
                                "subcooling >= 0, isentropic_efficiency in (0, 1])",
                K.STATUS_PROPERTY: "a state outside the property table of the refrigerant"}


@dataclass(frozen=True)
class BatchCycleResult:
    """Arrays shaped like the broadcast inputs: cop_heating, cop_cooling [-]; q_condenser,
    q_evaporator, w_compressor [J/kg]; evaporating_pressure, condensing_pressure [Pa];
    discharge_temperature [K]; status (int, 0 = OK)."""

    cop_heating: np.ndarray
    cop_cooling: np.ndarray
    q_condenser: np.ndarray
    q_evaporator: np.ndarray
    w_compressor: np.ndarray
    evaporating_pressure: np.ndarray
    condensing_pressure: np.ndarray
    discharge_temperature: np.ndarray
    status: np.ndarray


def simple_cycle_batch(refrigerant, evaporating_temperature, condensing_temperature, superheat=0.0,
                       subcooling=0.0, isentropic_efficiency=0.7, *, table=None, errors="raise") -> BatchCycleResult:
    """Vectorised :func:`simple_cycle` on tabulated properties [vec].

    Parameters
    ----------
    refrigerant : CoolProp name or R-number; ``table`` : a prebuilt FluidTable of it (optional)
    evaporating_temperature, condensing_temperature, superheat, subcooling [K],
    isentropic_efficiency [-] : array-likes that broadcast together
    errors : "raise" (ValueError naming the first bad design) or "nan" (NaN rows, status set)

    Examples
    --------
    >>> r = simple_cycle_batch("R134a", [263.15, 273.15], 313.15, superheat=5.0, isentropic_efficiency=0.75)
    >>> [round(float(c), 2) for c in r.cop_heating]
    [4.04, 5.14]
    """
    if errors not in ("raise", "nan"):
        raise ValueError(f"errors must be 'raise' or 'nan'; got {errors!r}")
    if table is None:
        table = Fluid(coolprop_name(refrigerant)).table()
    shape, (te, tc, sh, sc, eta) = broadcast_arrays(
        evaporating_temperature=evaporating_temperature, condensing_temperature=condensing_temperature,
        superheat=superheat, subcooling=subcooling, isentropic_efficiency=isentropic_efficiency)
    out = np.empty((te.size, K.N_OUT))
    status = np.empty(te.size, dtype=np.int64)
    first = K.cycle_batch(table.data, te, tc, sh, sc, eta, out, status)
    if first >= 0 and errors == "raise":
        raise ValueError(f"simple_cycle_batch: design {first} (evaporating {te[first]!r} K, condensing "
                         f"{tc[first]!r} K, superheat {sh[first]!r} K, subcooling {sc[first]!r} K, "
                         f"isentropic_efficiency {eta[first]!r}): {_STATUS_TEXT[int(status[first])]}")
    cols = [out[:, k].reshape(shape) for k in range(K.N_OUT)]
    return BatchCycleResult(*cols, status.reshape(shape))


def _sweep(evaporating_temperature, condensing_temperature, superheat=0.0, subcooling=0.0,
           isentropic_efficiency=0.7, refrigerant="R134a"):
    r = simple_cycle_batch(refrigerant, evaporating_temperature, condensing_temperature, superheat, subcooling,
                           isentropic_efficiency, errors="nan")
    return {"cop_heating": r.cop_heating, "cop_cooling": r.cop_cooling, "w_compressor": r.w_compressor,
            "condensing_pressure": r.condensing_pressure, "status": r.status}


def _sweep_model():
    from procsim.registry import SweepModel
    return SweepModel(_sweep, ("evaporating_temperature", "condensing_temperature", "superheat", "subcooling",
                               "isentropic_efficiency"), ("refrigerant",),
                      "single-stage heat-pump cycle on refrigerant tables (units.heat_pump.simple_cycle_batch)",
                      units={"evaporating_temperature": "K", "condensing_temperature": "K", "superheat": "K",
                             "subcooling": "K", "isentropic_efficiency": "-",
                             "refrigerant": "CoolProp name"})


#: ``procsim sweep heat-pump``: evaporating/condensing temperature, superheat, subcooling [K],
#: isentropic efficiency [-]; option refrigerant -> COPs, compressor work [J/kg], pressure, status
HEAT_PUMP_SWEEP = _sweep_model()
