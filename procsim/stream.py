"""Material streams (real fluid or ideal-gas mixture) and energy streams (power, heat, fuel).

A :class:`Stream` is an immutable state plus a mass flow. Its enthalpy comes from the
property model of its material:

* real fluids (a CoolProp name or a :class:`~procsim.thermo.fluids.Fluid`): CoolProp,
  IAPWS-IF97 for water by default, enthalpy on the fluid's CoolProp reference state;
* ideal-gas mixtures (a composition dict or a :class:`~procsim.thermo.gas.GasMixture`):
  NASA-7 polynomials, absolute enthalpy including formation enthalpy (Cantera's basis).

Enthalpy flows of different materials are each on their own reference, so balances are
written per material; a unit that converts one material into another (a burner) reports
the heat it releases as a ``source`` (see :mod:`procsim.flowsheet`).

Examples
--------
>>> s = Stream("Water", T=443.15, p=1.0e6, mass_flow=2.0)      # liquid water at 170 C, 10 bar(a)
>>> round(s.h / 1e3, 2)                                         # kJ/kg, IF97
719.32
>>> steam = Stream("Water", T=None, p=1.0e6, mass_flow=1.0, x=1.0)
>>> round(steam.T - 273.15, 2)
179.89
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Union

import numpy as np

from procsim.thermo.fluids import DEAD_STATE_P, DEAD_STATE_T, Fluid
from procsim.thermo.gas import SPECIES, GasMixture
from procsim.thermo.material import as_material
from procsim.units_api import si
from procsim.validation import as_float, check_fraction

__all__ = ["Stream", "EnergyStream", "ENERGY_KINDS", "material_of"]

Material = Union[Fluid, GasMixture]


def material_of(fluid) -> Material:
    """The property object for a stream's ``fluid`` argument (name, dict, Fluid or GasMixture);
    :func:`procsim.thermo.material.as_material`."""
    return as_material(fluid)


def _check_flow(mass_flow) -> float:
    m = as_float("mass_flow", si("mass_flow", mass_flow, "mass_flow"), "kg/s")
    if not (m >= 0.0):
        raise ValueError(f"mass_flow must be >= 0 kg/s; got {m!r} kg/s")
    return m


@dataclass(frozen=True, eq=False)
class Stream:
    """A material stream: fluid, temperature [K], pressure [Pa abs], mass flow [kg/s].

    ``T``, ``p`` and ``mass_flow`` may be SI floats, pint Quantities or unit strings
    ("150 degC", "8 bar(g)", "10 t/h"; :func:`procsim.units_api.si`); a value of the wrong
    dimension is a ValueError naming it.

    For a two-phase real fluid give ``x`` (vapour quality) and ``T=None``; for any state
    known by enthalpy use :meth:`from_ph`. Derived fields: ``h`` [J/kg], ``s`` [J/(kg K)],
    ``x`` (real fluids: quality, see :class:`~procsim.thermo.fluids.FluidState`; gases: None).
    """

    fluid: object
    T: float | None
    p: float
    mass_flow: float
    x: float | None = None
    h: float = field(default=math.nan, compare=False)
    s: float = field(default=math.nan, compare=False)
    material: Material = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        mat = material_of(self.fluid) if self.material is None else self.material
        if self.T is not None:
            object.__setattr__(self, "T", si("T", self.T, "temperature"))
        p = as_float("p", si("p", self.p, "pressure"), "Pa")
        if not (p > 0.0):
            raise ValueError(f"p must be > 0 Pa (absolute); got {p!r} Pa")
        m = _check_flow(self.mass_flow)
        object.__setattr__(self, "material", mat)
        object.__setattr__(self, "p", p)
        object.__setattr__(self, "mass_flow", m)
        if mat.kind != "fluid":
            # ideal-gas and condensed mixtures: the state is fixed by T (h and s follow)
            if self.x is not None:
                raise ValueError(f"x (vapour quality) applies to real fluids, not to {mat.kind} materials")
            T = as_float("T", self.T, "K")
            if not (T > 0.0):
                raise ValueError(f"T must be > 0 K; got {T!r} K")
            object.__setattr__(self, "T", T)
            object.__setattr__(self, "h", float(mat.h_pT(p, T)))
            object.__setattr__(self, "s", float(mat.s_pT(p, T)))
            return
        if not math.isnan(self.h):
            st = mat.state(p=p, h=self.h)
        elif self.x is not None:
            x = check_fraction("x", self.x)
            st = mat.state(p=p, x=x)
            if self.T is not None and abs(as_float("T", self.T, "K") - st.T) > 1e-6 * st.T:
                raise ValueError(f"T={self.T!r} K is not the saturation temperature {st.T:.6g} K of "
                                 f"{mat.name} at p={p!r} Pa; give T=None with x, or a single-phase T")
        else:
            if self.T is None:
                raise ValueError("give T, or x for a saturated/two-phase state, or use Stream.from_ph")
            st = mat.state(p=p, T=as_float("T", self.T, "K"))
        object.__setattr__(self, "T", st.T)
        object.__setattr__(self, "h", st.h)
        object.__setattr__(self, "s", st.s)
        object.__setattr__(self, "x", st.x)

    # ----------------------------------------------------------------- constructors
    @classmethod
    def from_ph(cls, fluid, p: float, h: float, mass_flow: float) -> "Stream":
        """Stream from pressure [Pa] and specific enthalpy [J/kg] (any phase)."""
        mat = material_of(fluid)
        if mat.kind != "fluid":
            T = mat.T_ph(as_float("p", si("p", p, "pressure"), "Pa"), as_float("h", h, "J/kg"))
            return cls(fluid, T, p, mass_flow, material=mat)
        return cls(fluid, None, p, mass_flow, h=as_float("h", h, "J/kg"), material=mat)

    def with_(self, *, T=None, p=None, mass_flow=None, h=None, x=None) -> "Stream":
        """Copy with some of T, p, mass_flow, h or x changed (same material)."""
        p_new = self.p if p is None else p
        m_new = self.mass_flow if mass_flow is None else mass_flow
        if h is not None:
            h = as_float("h", h, "J/kg")
            if self.material.kind != "fluid":
                return Stream(self.fluid, self.material.T_ph(self.p, h), p_new, m_new, material=self.material)
            return Stream(self.fluid, None, p_new, m_new, h=h, material=self.material)
        if x is not None:
            return Stream(self.fluid, None, p_new, m_new, x=x, material=self.material)
        if T is None and p is not None and self.material.kind == "fluid":
            # pressure change at constant temperature is the usual meaning; two-phase keeps x
            if 0.0 <= (self.x if self.x is not None else -1.0) <= 1.0:
                return Stream(self.fluid, None, p_new, m_new, x=self.x, material=self.material)
        T_new = self.T if T is None else T
        if T is None and p is None and self.material.kind == "fluid":
            return Stream(self.fluid, None, p_new, m_new, h=self.h, material=self.material)
        return Stream(self.fluid, T_new, p_new, m_new, material=self.material)

    # ------------------------------------------------------------------- properties
    @property
    def is_gas(self) -> bool:
        """True for an ideal-gas mixture stream."""
        return self.material.kind == "gas"

    @property
    def enthalpy_flow(self) -> float:
        """m * h [W] on the material's enthalpy reference."""
        return self.mass_flow * self.h

    @property
    def energy_flow(self) -> float:
        """Same as :attr:`enthalpy_flow`: what the flowsheet balances."""
        return self.enthalpy_flow

    def exergy_flow(self, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P) -> float:
        """Physical (thermo-mechanical) exergy flow [W] relative to the dead state (T0, p0).

        .. math:: \\dot E = \\dot m \\,[(h - h_0) - T_0 (s - s_0)]

        Chemical exergy is not included. Reference: A. Bejan, G. Tsatsaronis, M. Moran,
        *Thermal Design and Optimization*, Wiley, 1996, eq. 3.13.
        """
        h0 = float(self.material.h_pT(p0, T0))
        s0 = float(self.material.s_pT(p0, T0))
        return self.mass_flow * ((self.h - h0) - T0 * (self.s - s0))

    @property
    def name(self) -> str:
        return self.material.label

    # ------------------------------------------------------------ tear-stream vector
    def to_vector(self) -> np.ndarray:
        """[mass_flow, h, p (+ mole fractions for gases)] for recycle convergence."""
        base = [self.mass_flow, self.h, self.p]
        if self.is_gas:
            return np.concatenate([base, self.material.x])
        return np.array(base)

    def from_vector(self, v: np.ndarray) -> "Stream":
        """Stream like this one with the state in ``v`` (see :meth:`to_vector`)."""
        m, h, p = float(v[0]), float(v[1]), float(v[2])
        # Wegstein extrapolation can step a flow or a mole fraction a little below zero
        # between iterations; the converged streams are checked by the balances afterwards
        if self.is_gas:
            xs = np.clip(np.asarray(v[3:], dtype=float), 0.0, None)
            comp = {SPECIES[i]: xs[i] for i in np.flatnonzero(xs)}
            mat = GasMixture(comp) if comp else self.material
            return Stream.from_ph(mat, p, h, max(m, 0.0))
        return Stream.from_ph(self.material, p, h, max(m, 0.0))

    def __repr__(self) -> str:
        x = "" if self.x is None or not (0.0 <= self.x <= 1.0) else f", x={self.x:.4g}"
        return (f"Stream({self.name}, T={self.T:.6g} K, p={self.p:.6g} Pa, "
                f"mass_flow={self.mass_flow:.6g} kg/s{x})")


#: Kinds of energy stream.
ENERGY_KINDS = ("power", "heat", "fuel")
_BASES = ("lhv", "hhv")


@dataclass(frozen=True)
class EnergyStream:
    """Electric/shaft power, heat, or fuel chemical energy crossing a unit boundary.

    Parameters
    ----------
    kind : "power", "heat" or "fuel"
    rate : energy flow [W], >= 0 (the direction is the port's: inlet or outlet)
    mass_flow : fuel mass flow [kg/s] (fuel streams; 0 otherwise)
    heating_value : [J/kg] of the fuel on ``basis`` (fuel streams)
    basis : "lhv" or "hhv" (fuel streams)
    """

    kind: str
    rate: float
    mass_flow: float = 0.0
    heating_value: float | None = None
    basis: str | None = None

    def __post_init__(self):
        if self.kind not in ENERGY_KINDS:
            raise ValueError(f"kind must be one of {ENERGY_KINDS}; got {self.kind!r}")
        r = as_float("rate", si("rate", self.rate, "power"), "W")
        if not (r >= 0.0):
            raise ValueError(f"rate must be >= 0 W; got {r!r} W")
        object.__setattr__(self, "rate", r)
        object.__setattr__(self, "mass_flow", _check_flow(self.mass_flow))
        if self.kind == "fuel":
            if self.basis not in _BASES:
                raise ValueError(f"basis of a fuel stream must be one of {_BASES}; got {self.basis!r}")
            if self.heating_value is not None:
                hv = as_float("heating_value", si("heating_value", self.heating_value, "specific_energy"), "J/kg")
                if not hv > 0.0:
                    raise ValueError(f"heating_value must be > 0 J/kg; got {hv!r} J/kg")
                if abs(self.mass_flow * hv - r) > 1e-9 * max(r, 1.0):
                    raise ValueError(f"fuel rate {r!r} W is not mass_flow * heating_value = "
                                     f"{self.mass_flow * hv!r} W")
        elif self.mass_flow != 0.0 or self.heating_value is not None or self.basis is not None:
            raise ValueError(f"mass_flow, heating_value and basis apply to fuel streams only; kind={self.kind!r}")

    @classmethod
    def fuel(cls, mass_flow: float, heating_value: float, basis: str = "lhv") -> "EnergyStream":
        """Fuel stream from its mass flow [kg/s] and heating value [J/kg]."""
        m = _check_flow(mass_flow)
        return cls("fuel", m * as_float("heating_value", heating_value, "J/kg"), m, heating_value, basis)

    @property
    def energy_flow(self) -> float:
        return self.rate

    def to_vector(self) -> np.ndarray:
        return np.array([self.rate, self.mass_flow])

    def from_vector(self, v: np.ndarray) -> "EnergyStream":
        if self.kind == "fuel":
            return EnergyStream.fuel(max(float(v[1]), 0.0), self.heating_value, self.basis)
        return EnergyStream(self.kind, max(float(v[0]), 0.0))
