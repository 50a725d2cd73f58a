r"""THE material interface: pure fluids and ideal-gas mixtures answer the same calls.

Every material procsim streams carry, a real fluid (:class:`procsim.thermo.fluids.Fluid`:
CoolProp, IAPWS-IF97 water, HEOS fluids, incompressible liquids) or an ideal-gas mixture
(:class:`procsim.thermo.gas.GasMixture`: NASA-7 polynomials), implements :class:`Material`:

===============================================  =====================================================
``h_pT(p, T)``, ``s_pT(p, T)``, ``cp_pT(p, T)``  enthalpy [J/kg], entropy [J/(kg K)], cp [J/(kg K)]
``T_ph(p, h)``, ``s_ph(p, h)``                   temperature [K] (saturation T inside a dome), entropy
``T_ps(p, s)``, ``h_ps(p, s)``                   isentropic end states
``saturation_enthalpies(p)``                     (h_l, h_v) where a dome exists at p, else ()
``saturation_temperature(p)``                    [K], NaN where there is no dome
``critical_pressure``                            [Pa], inf for an ideal gas or an incompressible
``mixed(parts)``                                 material of an adiabatic mixture (or ValueError)
``kind``, ``label``                              "fluid" | "gas"; a short name for messages
===============================================  =====================================================

Furnace charge materials (scrap, slag, liquid steel: :class:`units.eaf.condensed.CondensedMixture`)
answer the same calls with ``kind`` "condensed" (no entropy, no dome).

Unit code calls these without asking which kind it holds. Inside numba kernels a material is
its :class:`KernelMaterial` (:func:`kernel_form`): a kind code, the gas arrays (mole fractions,
NASA-7 coefficients, molar masses) and a property table (:mod:`procsim.thermo.tables`) for a
real fluid, read by :func:`material_h_pT`, :func:`material_T_ph`, :func:`material_cp_pT`.

The only questions a unit may ask about the material are *validations* of a port
(:func:`require_material`: "this port takes a flue gas", "this port takes water").
"""
from __future__ import annotations

import math
from typing import Mapping, NamedTuple, Protocol, runtime_checkable

import numpy as np
from numba import njit

from procsim.thermo.fluids import Fluid
from procsim.thermo.tables.kernels import tab_h_pT, tab_T_ph
from procsim.thermo.gas import COEFFS, MOLAR_MASS, GasMixture, mixture_cp_mass, mixture_h_mass, mixture_T_from_h

__all__ = ["Material", "as_material", "require_material", "KernelMaterial", "kernel_form", "MATERIAL_KINDS",
           "MATERIAL_GAS", "MATERIAL_FLUID", "material_h_pT", "material_T_ph", "material_cp_pT"]

#: Kernel codes of the material kinds (one mapping, STYLE rule 7).
MATERIAL_GAS = 0
MATERIAL_FLUID = 1
MATERIAL_KINDS = {"gas": MATERIAL_GAS, "fluid": MATERIAL_FLUID}


@runtime_checkable
class Material(Protocol):
    """The calls every material answers (SI; [vec] over numpy arrays); see the module docstring."""

    kind: str
    critical_pressure: float

    def h_pT(self, p, T): ...

    def s_pT(self, p, T): ...

    def cp_pT(self, p, T): ...

    def T_ph(self, p, h): ...

    def s_ph(self, p, h): ...

    def T_ps(self, p, s): ...

    def h_ps(self, p, s): ...

    def saturation_enthalpies(self, p) -> tuple: ...

    def saturation_temperature(self, p) -> float: ...

    def mixed(self, parts): ...


def as_material(fluid) -> Material:
    """The material for a CoolProp name ("Water", "INCOMP::T66"), a composition dict (ideal-gas
    mixture by mole), or a material object (returned as it is)."""
    # the two library materials first: a runtime Protocol check walks the class's attributes
    # on every call (tens of microseconds), which batch entry points would pay per call
    if isinstance(fluid, (Fluid, GasMixture)) or isinstance(fluid, Material):
        return fluid
    if isinstance(fluid, Mapping):
        return GasMixture(dict(fluid))
    if isinstance(fluid, str):
        return Fluid(fluid)
    raise ValueError(f"fluid must be a CoolProp name, a composition dict, a Fluid or a GasMixture; "
                     f"got {fluid!r}")


def require_material(unit: str, port: str, stream, *, kind: str | None = None, name: str | None = None):
    """Validate what a port carries: a material Stream of ``kind`` ("gas" or "fluid") and/or
    the fluid ``name`` ("Water"). Returns the stream; ValueError naming the unit and port."""
    mat = getattr(stream, "material", None)
    if mat is None or not isinstance(mat, Material):
        raise ValueError(f"{unit}: port {port!r} takes a material Stream; got {stream!r}")
    if kind is not None and mat.kind != kind:
        want = {"gas": "an ideal-gas mixture (flue gas, air)", "fluid": "a real fluid (liquid or vapour)"}[kind]
        raise ValueError(f"{unit}: port {port!r} takes {want}; got {mat!r}")
    if name is not None and getattr(mat, "name", None) != name:
        raise ValueError(f"{unit}: port {port!r} takes {name}; got {mat!r}")
    return stream


class KernelMaterial(NamedTuple):
    """A material as numba kernels read it (pass the fields to ``material_*``).

    kind : MATERIAL_GAS or MATERIAL_FLUID
    x, coeffs, molar_mass : gas mole fractions over SPECIES, NASA-7 coefficients, molar
    masses (zero-length for a fluid)
    table : :class:`procsim.thermo.tables.TableData` of a real fluid (an empty table for a gas)
    """

    kind: int
    x: np.ndarray
    coeffs: np.ndarray
    molar_mass: np.ndarray
    table: object


def _empty_table():
    from procsim.thermo.tables import TableData

    e1 = np.empty(0)
    return TableData(e1, np.empty((0, 10)), np.empty((0, 1, 2)), np.empty((0, 2, 0, 0, 4)),
                     np.empty((0, 2, 0, 0, 4)), np.empty((0, 2, 0, 0, 4)), e1, np.empty((0, 2)),
                     math.nan, math.nan, math.nan, math.nan, math.nan, math.nan, math.nan)


def kernel_form(material, **grid) -> KernelMaterial:
    """The numba-side form of ``material`` (a real fluid's table is built or loaded from the
    cache once, :meth:`procsim.thermo.fluids.Fluid.table`; ``grid`` as there)."""
    mat = as_material(material)
    if mat.kind == "gas":
        return KernelMaterial(MATERIAL_GAS, np.ascontiguousarray(mat.x), COEFFS, MOLAR_MASS, _empty_table())
    return KernelMaterial(MATERIAL_FLUID, np.empty(0), np.empty((0, COEFFS.shape[1])), np.empty(0),
                          mat.table(**grid).data)


@njit(cache=True)
def material_h_pT(kind, x, coeffs, molar_mass, table, p, T):
    """Specific enthalpy [J/kg] at (p [Pa], T [K]) of a kernel-form material; NaN outside range."""
    if kind == MATERIAL_GAS:
        return mixture_h_mass(T, x, coeffs, molar_mass)
    return tab_h_pT(table, p, T)


@njit(cache=True)
def material_T_ph(kind, x, coeffs, molar_mass, table, p, h, T_guess):
    """Temperature [K] at (p [Pa], h [J/kg]) of a kernel-form material; NaN outside range.
    ``T_guess`` [K] starts the gas inversion."""
    if kind == MATERIAL_GAS:
        return mixture_T_from_h(h, x, coeffs, molar_mass, T_guess)
    return tab_T_ph(table, p, h)


@njit(cache=True)
def material_cp_pT(kind, x, coeffs, molar_mass, table, p, T):
    """Isobaric specific heat [J/(kg K)] at (p, T): exact for a gas, a centred difference of
    h(p, T) over +-0.01 K on a fluid table (single phase)."""
    if kind == MATERIAL_GAS:
        return mixture_cp_mass(T, x, coeffs, molar_mass)
    return (tab_h_pT(table, p, T + 0.01) - tab_h_pT(table, p, T - 0.01)) / 0.02

