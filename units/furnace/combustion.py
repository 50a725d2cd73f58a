r"""Available heat of fuel-fired process heating: preheated air, oxygen enrichment, fuel savings.

Available heat is the share of the fuel's heating value left in the furnace after the flue
gases leave at the flue (exhaust) temperature, with the combustion air credited for its own
sensible heat above ambient (kernel :func:`procsim.thermo.combustion.kernels.flue_loss`):

.. math:: AH = 1 - \frac{\sum_i n_i [h_i(T_f) - h_i(T_0)] - A\sum_k x_k [h_k(T_a) - h_k(T_0)]
          + \delta_{HHV}(HHV-LHV)}{HV}

Fuel needed for a given net heat scales as 1/AH, so a change (preheat, enrichment, excess
air) saves :math:`1 - AH_1/AH_2` of the fuel.

References
----------
North American Mfg. Co., *North American Combustion Handbook*, 3rd ed., 1986, vol. I,
sec. 3.4 (available heat; preheated air and oxygen enrichment).
US DOE AMO, Process Heating Tip Sheets #1 "Check burner air to fuel ratios" and
"Preheated combustion air" (2005); PHAST/MEASUR O2-enrichment calculator (ORNL AMO-Tools-Suite).
"""
from __future__ import annotations

import numpy as np

from procsim.parallel import use_parallel
from procsim.thermo.combustion import Fuel, combustion_air
from procsim.thermo.combustion import kernels as K
from procsim.thermo.combustion.fuel import product_rows
from procsim.validation import broadcast_arrays, check_choice, check_range

__all__ = ["available_heat", "enriched_air", "fuel_savings", "HV_BASES", "AIR_O2"]

HV_BASES = {"hhv": K.HV_HHV, "lhv": K.HV_LHV}
_T_MIN, _T_MAX = 250.0, 3000.0  # NASA-7 rows of the products hold to 6000 K
AIR_O2 = float(combustion_air(0.0)[K.A_O2])


def enriched_air(oxygen_fraction, humidity=0.0) -> np.ndarray:
    """Kernel air vector with O2 mole fraction ``oxygen_fraction`` (dry) in [0.2095, 1].

    The N2, Ar and CO2 of air keep their mutual ratios and make up the rest (oxygen
    enrichment by adding pure O2 to air; 1.0 = oxy-fuel).
    """
    f = float(check_range("oxygen_fraction", oxygen_fraction, AIR_O2 - 1e-9, 1.0))
    air = combustion_air(humidity)
    rest = air[K.A_N2] + air[K.A_AR] + air[K.A_CO2]
    out = air.copy()
    out[K.A_O2] = f
    for k in (K.A_N2, K.A_AR, K.A_CO2):
        out[k] = air[k] / rest * (1.0 - f)
    return out


def _fuel(fuel):
    return fuel if isinstance(fuel, Fuel) else Fuel.from_name(fuel)


def available_heat(fuel, o2_dry, flue_temperature, combustion_air_temperature=298.15,
                   ambient_temperature=298.15, basis="hhv", oxygen_fraction=None):
    """Available heat [-] of a fuel-fired furnace. [vec]

    Parameters
    ----------
    fuel : :class:`procsim.thermo.combustion.Fuel` or library name
    o2_dry : O2 mole fraction in the dry flue gas [-], in [0, O2 of the oxidant)
    flue_temperature : exhaust temperature leaving the furnace (before any recuperator) [K]
    combustion_air_temperature : preheated air (oxidant) temperature [K]
    ambient_temperature : fuel and reference temperature [K]
    basis : "hhv" or "lhv"
    oxygen_fraction : O2 mole fraction of the oxidant [-] (None = air, 0.2095; 1 = pure O2)

    Examples
    --------
    >>> round(float(available_heat("pipeline_gas", 0.021, 1366.5, 810.9, 288.7)), 3)
    0.608
    """
    f = _fuel(fuel)
    code = check_choice("basis", basis, HV_BASES)
    air = combustion_air(0.0) if oxygen_fraction is None else enriched_air(oxygen_fraction)
    shape, (o2, tf, ta, t0) = broadcast_arrays(
        o2_dry=o2_dry, flue_temperature=check_range("flue_temperature", flue_temperature, _T_MIN, _T_MAX, "K"),
        combustion_air_temperature=check_range("combustion_air_temperature", combustion_air_temperature,
                                               _T_MIN, _T_MAX, "K"),
        ambient_temperature=check_range("ambient_temperature", ambient_temperature, _T_MIN, 330.0, "K"))
    bad = ~(ta >= t0)
    if bad.any():
        raise ValueError(f"combustion_air_temperature must be >= ambient_temperature; got "
                         f"{float(ta[bad][0])!r} K < {float(t0[bad][0])!r} K")
    out = np.empty_like(o2)
    loop = K.available_heat_array_parallel if use_parallel(o2.size) else K.available_heat_array
    i = loop(f.vector, air, o2, tf, ta, t0, code, product_rows(), out)
    if i >= 0:
        raise ValueError(f"o2_dry must be in [0, {air[K.A_O2]:.4f}) (dry flue-gas O2 below the "
                         f"oxidant's); got {float(o2[i])!r}")
    return float(out[0]) if shape == () else out.reshape(shape)


def fuel_savings(available_heat_before, available_heat_after):
    """Fuel saved [-] for the same net heat: 1 - AH_before / AH_after. [vec]

    >>> round(fuel_savings(0.45, 0.60), 4)
    0.25
    """
    a = check_range("available_heat_before", available_heat_before, 0.0, 1.0, low_inclusive=False)
    b = check_range("available_heat_after", available_heat_after, 0.0, 1.0, low_inclusive=False)
    return 1.0 - np.asarray(a) / np.asarray(b) if np.ndim(a) or np.ndim(b) else 1.0 - a / b
