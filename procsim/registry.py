"""Plug-in registry: what ``procsim`` finds at run time without importing ``units`` or ``cases``.

The core never imports the equipment families or the case studies (docs/architecture.rst: data flows one
way). The command line and plant files still need to find them, so installed packages declare
them as *entry points* (PyPA entry-points specification; read with :mod:`importlib.metadata`)
in four groups:

``procsim.units``
    unit types a plant file may name: ``type = "module:Class"`` (a flowsheet unit class, or a
    factory returning one).
``procsim.sweep_models``
    models for ``procsim sweep``: ``name = "module:object"``, the object a
    :class:`SweepModel`.
``procsim.streams``
    named feed streams a plant file may use (``stream = "name"`` in a feed table):
    ``name = "module:factory"``, the factory called with the feed's other keys (values in SI)
    and returning a :class:`procsim.stream.Stream`;
``procsim.cases``
    packages of case modules for ``procsim cases``: ``label = "package"``; every public module
    in the package with ``CASE_ID`` and ``run()`` is a case.

procsim's own ``pyproject.toml`` declares the built-in ones; another installed package adds its
own the same way. Entry points are loaded when first asked for, so importing procsim stays cheap.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Callable, Mapping

__all__ = ["SweepModel", "unit_types", "unit_type", "stream_types", "stream_type", "sweep_models", "case_modules",
           "GROUPS"]

GROUPS = ("procsim.units", "procsim.streams", "procsim.sweep_models", "procsim.cases")


@dataclass(frozen=True)
class SweepModel:
    """A model ``procsim sweep`` can run: ``function(**inputs, **options)`` returns a dict of output
    arrays; ``inputs`` names its array inputs, ``options`` its text/scalar options."""

    function: Callable
    inputs: tuple
    options: tuple = ()
    doc: str = ""
    #: input or option name -> its SI unit, for ``procsim sweep --help`` and error messages
    units: Mapping = field(default_factory=dict)


@lru_cache(maxsize=None)
def _group(group: str) -> dict:
    """name -> EntryPoint of one group (the first distribution wins on a duplicate name)."""
    out = {}
    for ep in entry_points(group=group):
        out.setdefault(ep.name, ep)
    return out


def _missing(group: str) -> str:
    return (f"no entry points in group {group!r}: is procsim installed (pip install -e .)? "
            "Entry points are read from the installed package metadata")


def unit_types() -> dict:
    """Names of the unit types plant files may use -> entry point (not loaded)."""
    return dict(_group("procsim.units"))


def _load(group: str, name: str, what: str):
    eps = _group(group)
    if name not in eps:
        known = ", ".join(sorted(eps)) or _missing(group)
        raise ValueError(f"unknown {what} {name!r}; allowed: {known}")
    return eps[name].load()


def unit_type(name: str):
    """The unit class (or factory) registered under ``name`` in ``procsim.units``."""
    return _load("procsim.units", name, "unit type")


def stream_types() -> dict:
    """Names of the named feed streams plant files may use -> entry point (not loaded)."""
    return dict(_group("procsim.streams"))


def stream_type(name: str):
    """The stream factory registered under ``name`` in ``procsim.streams``."""
    return _load("procsim.streams", name, "stream")


def sweep_models() -> dict:
    """name -> :class:`SweepModel` for every registered sweep model (loaded)."""
    out = {}
    for name, ep in _group("procsim.sweep_models").items():
        m = ep.load()
        if not isinstance(m, SweepModel):
            raise TypeError(f"sweep model entry point {name!r} ({ep.value}) is not a procsim.registry.SweepModel")
        out[name] = m
    return out


def case_modules() -> dict:
    """Case id -> case module, from every package registered in ``procsim.cases``."""
    found = {}
    eps = _group("procsim.cases")
    for _, ep in sorted(eps.items()):
        pkg = importlib.import_module(ep.value)
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
            if info.name.startswith("_") or info.ispkg:
                continue
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            if hasattr(mod, "run") and hasattr(mod, "CASE_ID"):
                found.setdefault(mod.CASE_ID, mod)
    return found
