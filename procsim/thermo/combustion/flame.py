r"""Adiabatic flame temperature and dissociation by Cantera chemical equilibrium.

Constant-pressure adiabatic combustion: the products' enthalpy equals the reactants'
(fuel at 25 C, air at ``air_temperature``), and with ``dissociation`` the products are the
equilibrium mixture at that enthalpy and pressure (Cantera ``equilibrate("HP")``).

Two routes, chosen by the fuel:

* a gas whose species are all in GRI-Mech 3.0: the reactants themselves are set in
  ``gri30.yaml`` and equilibrated (exactly what one does with Cantera by hand);
* any other fuel (solids, liquids, gases with butanes or H2S): the reactant enthalpy is the
  complete-combustion products' enthalpy at 25 C plus the fuel's LHV plus the sensible heat
  of the air above 25 C, and the products are equilibrated in an ideal-gas phase made of the
  C-H-O-N-S-Ar species of Cantera's ``nasa_gas.yaml`` (the same NASA-7 data as
  procsim.thermo.gas).

References
----------
D. G. Goodwin, H. K. Moffat, I. Schoegl, R. L. Speth, B. W. Weber, Cantera 3.x,
doi:10.5281/zenodo.8137090. G. P. Smith et al., GRI-Mech 3.0, http://combustion.berkeley.edu/gri-mech/.
S. R. Turns, An Introduction to Combustion, 3rd ed., McGraw-Hill, 2012, ch. 2 (adiabatic
flame temperature) and Example 2.5.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np

from procsim.thermo.combustion import kernels as K
from procsim.thermo.combustion.air import combustion_air, product_rows
from procsim.validation import as_float, check_positive, check_range

__all__ = ["FlameResult", "adiabatic_flame", "EQUILIBRIUM_SPECIES"]

#: procsim species name -> GRI-Mech 3.0 name (species absent from GRI-Mech are not listed)
_GRI_NAMES = {"CH4": "CH4", "C2H6": "C2H6", "C3H8": "C3H8", "C2H4": "C2H4", "H2": "H2", "CO": "CO",
              "NH3": "NH3", "N2": "N2", "CO2": "CO2", "O2": "O2", "AR": "AR", "H2O": "H2O"}
#: product species of the general route (names in Cantera nasa_gas.yaml)
EQUILIBRIUM_SPECIES = ("CO2", "CO", "H2O", "H2", "OH", "H", "O", "O2", "N2", "NO", "NO2", "N2O", "N",
                       "Ar", "SO2", "SO3", "SO", "S", "HO2", "H2O2")
_TO_NASA = {"CO2": "CO2", "H2O": "H2O", "SO2": "SO2", "N2": "N2", "AR": "Ar", "O2": "O2", "CO": "CO"}


@dataclass(frozen=True)
class FlameResult:
    """Adiabatic flame: temperature [K], pressure [Pa], excess air [-], products (mole fractions
    above 1e-6), route ("gri30 reactants" or "nasa_gas products") and dissociation flag."""

    temperature: float
    pressure: float
    excess_air: float
    mole_fractions: Mapping[str, float]
    route: str
    dissociation: bool


def _nasa_phase():
    import cantera as ct
    species = [s for s in ct.Species.list_from_file("nasa_gas.yaml") if s.name in EQUILIBRIUM_SPECIES]
    return ct.Solution(thermo="ideal-gas", species=species)


def adiabatic_flame(fuel: "Fuel", excess_air: float = 0.0, *, air_temperature: float = 298.15,
                    pressure: float = 101325.0, dissociation: bool = True,
                    air_humidity: float = 0.0) -> FlameResult:
    """Adiabatic flame temperature and products of ``fuel`` burnt with air.

    Parameters
    ----------
    fuel : Fuel
    excess_air : excess-air fraction [-], in [0, 10]
    air_temperature : combustion-air temperature [K], in [200, 1500] (fuel at 298.15 K)
    pressure : [Pa] absolute, > 0
    dissociation : True: chemical equilibrium (Cantera HP); False: complete combustion
    air_humidity : [kg water/kg dry air]

    Examples
    --------
    >>> from procsim.thermo.combustion import Fuel
    >>> ch4 = Fuel.from_composition({"CH4": 1.0})
    >>> round(adiabatic_flame(ch4, 0.0).temperature)                         # K, GRI-Mech 3.0
    2225
    """
    import cantera as ct

    e = check_range("excess_air", as_float("excess_air", excess_air), 0.0, 10.0)
    ta = check_range("air_temperature", as_float("air_temperature", air_temperature, "K"),
                     200.0, 1500.0, "K")
    p = check_positive("pressure", as_float("pressure", pressure, "Pa"), "Pa")
    air = combustion_air(air_humidity)
    n = np.empty(K.N_PRODUCTS)                  # complete-combustion products [mol/kg fuel]
    dry_air = K.products(fuel.vector, air, e, 0.0, n)
    air_moles = {"O2": dry_air * air[K.A_O2], "N2": dry_air * air[K.A_N2],
                 "AR": dry_air * air[K.A_AR], "CO2": dry_air * air[K.A_CO2],
                 "H2O": dry_air * air[K.A_HUM]}
    air_moles = {k: v for k, v in air_moles.items() if v > 0.0}
    fx = fuel.mole_fractions
    if fx is not None and all(s in _GRI_NAMES for s in fx):
        g = ct.Solution("gri30.yaml")
        n_fuel = {_GRI_NAMES[s]: v / fuel.molar_mass for s, v in fx.items()}   # mol/kg fuel
        g.TPX = K.T_REFERENCE, p, n_fuel
        h_fuel = g.enthalpy_mass                                             # J per kg fuel
        g.TPX = ta, p, {_GRI_NAMES[k]: v for k, v in air_moles.items()}
        m_air = sum(air_moles.values()) * g.mean_molecular_weight / 1000.0
        h_air = g.enthalpy_mass * m_air
        h_mix = (h_fuel + h_air) / (1.0 + m_air)
        if dissociation:
            mix = dict(n_fuel)
            for k, v in air_moles.items():
                mix[_GRI_NAMES[k]] = mix.get(_GRI_NAMES[k], 0.0) + v
            g.TPX = ta, p, mix
            g.HP = h_mix, p
            g.equilibrate("HP")
        else:
            g.HPX = h_mix, p, {_GRI_NAMES[s]: v for s, v in zip(K.PRODUCTS, n) if v > 0 and s in _GRI_NAMES}
        route = "gri30 reactants"
    else:
        g = _nasa_phase()
        h_prod_ref = K.absolute_enthalpy(product_rows(), n, K.T_REFERENCE)  # J/kg fuel
        g.TPX = ta, p, {_TO_NASA[k]: v for k, v in air_moles.items()}
        m_air = sum(air_moles.values()) * g.mean_molecular_weight / 1000.0
        h_air_ta = g.enthalpy_mass * m_air
        g.TP = K.T_REFERENCE, p
        h_air_ref = g.enthalpy_mass * m_air
        h_total = h_prod_ref + fuel.lhv + (h_air_ta - h_air_ref)             # J/kg fuel
        comp = {_TO_NASA[s]: v for s, v in zip(K.PRODUCTS, n) if v > 0.0}
        m_prod = 1.0 + m_air - fuel.mass_fractions.get("ash", 0.0)
        g.TPX = 1500.0, p, comp
        g.HP = h_total / m_prod, p
        if dissociation:
            g.equilibrate("HP")
        route = "nasa_gas products"
    x = {name: float(v) for name, v in zip(g.species_names, g.X) if v > 1e-6}
    return FlameResult(temperature=float(g.T), pressure=p, excess_air=e, mole_fractions=x,
                       route=route, dissociation=bool(dissociation))
