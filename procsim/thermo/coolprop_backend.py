"""The CoolProp library in use: its version (part of every property-table cache key).

A leaf module (imports only CoolProp) so that both :mod:`procsim.thermo.fluids` and
:mod:`procsim.thermo.tables` can use it without importing each other.
"""
from __future__ import annotations

import CoolProp

__all__ = ["coolprop_version"]


def coolprop_version() -> str:
    """Version string of the CoolProp library in use (part of every table cache key)."""
    return CoolProp.__version__
