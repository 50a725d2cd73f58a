"""Combustion air and product-species data shared by the fuel and flame modules.

Split out of :mod:`procsim.thermo.combustion.fuel` so that the adiabatic-flame module can use
it without importing the fuel module (which calls the flame module): no import circle.
"""
from __future__ import annotations

import numpy as np

from procsim.thermo import gas
from procsim.thermo.combustion import kernels as K
from procsim.validation import as_float, check_range

__all__ = ["product_rows", "product_molar_masses", "combustion_air", "dry_air_molar_mass"]

_ROWS = np.ascontiguousarray(np.array([gas.COEFFS[gas.species_index(s)] for s in K.PRODUCTS]))
_ROWS.setflags(write=False)
_PRODUCT_MOLAR_MASS = np.array([gas.MOLAR_MASS[gas.species_index(s)] for s in K.PRODUCTS])
_PRODUCT_MOLAR_MASS.setflags(write=False)


def product_rows() -> np.ndarray:
    """NASA-7 rows (7, 17) of PRODUCTS, from procsim.thermo.gas (read-only)."""
    return _ROWS


def product_molar_masses() -> np.ndarray:
    """Molar masses [kg/mol] of the kernels' PRODUCTS, in their order (read-only)."""
    return _PRODUCT_MOLAR_MASS


def dry_air_molar_mass() -> float:
    """Molar mass [kg/mol] of :data:`procsim.thermo.gas.AIR_DRY` normalised to 1."""
    total = sum(gas.AIR_DRY.values())
    return sum(v / total * gas.MOLAR_MASS[gas.species_index(k)] for k, v in gas.AIR_DRY.items())


def combustion_air(humidity: float = 0.0) -> np.ndarray:
    """Air vector for the kernels: dry mole fractions of O2, N2, Ar, CO2 and humidity.

    Dry composition: :data:`procsim.thermo.gas.AIR_DRY` normalised to 1.
    humidity : humidity ratio [kg water / kg dry air], >= 0.
    """
    w = as_float("air_humidity", humidity, "kg/kg dry air")
    check_range("air_humidity", w, 0.0, 0.2, "kg/kg dry air")
    total = sum(gas.AIR_DRY.values())
    x = {k: v / total for k, v in gas.AIR_DRY.items()}
    v = np.empty(K.AIR_VECTOR_SIZE)
    v[K.A_O2], v[K.A_N2], v[K.A_AR], v[K.A_CO2] = x["O2"], x["N2"], x["AR"], x["CO2"]
    v[K.A_HUM] = w * dry_air_molar_mass() / gas.MOLAR_MASS[gas.species_index("H2O")]
    return v
