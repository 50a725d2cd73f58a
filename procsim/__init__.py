"""procsim: industrial process energy and waste-heat simulation.

Top-level names (imported on first use, so ``import procsim`` stays light: it loads only
numba's cache module, to register where procsim's compiled kernels are cached, see
:mod:`procsim.jitcache`; numba needs that before the first kernel is decorated):

- :class:`procsim.Stream`, :class:`procsim.EnergyStream` (``procsim.stream``)
- :class:`procsim.Flowsheet` (``procsim.flowsheet``)
- :func:`procsim.to_si` (``procsim.quantities``)

Subpackages: ``procsim.thermo`` (gas mixtures, combustion, real fluids and their tables),
``procsim.accounting`` (factors, emissions, economics, claims), ``procsim.pinch``,
``procsim.batch``, ``procsim.report``, ``procsim.plots``.
"""
from importlib import import_module

from procsim.jitcache import install as _install_kernel_cache

_install_kernel_cache()

__version__ = "0.1.0"

_LAZY = {
    "Stream": "procsim.stream",
    "EnergyStream": "procsim.stream",
    "Flowsheet": "procsim.flowsheet",
    "UnitSolution": "procsim.flowsheet",
    "to_si": "procsim.quantities",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'procsim' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
