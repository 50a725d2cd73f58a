"""Exact property functions of the streams an ORC exchanges heat with (heat source, cooling).

An exchanger side is a material (a :class:`procsim.thermo.fluids.Fluid` or an ideal-gas
:class:`procsim.thermo.gas.GasMixture`) at a fixed pressure: the ORC model neglects the
pressure drop of the external streams, so their enthalpy is a function of temperature only.
The ORC unit never evaluates properties itself; it asks these small objects, which call the
``procsim.thermo`` objects they were handed (docs/architecture.rst, convention 1).
"""
from __future__ import annotations

from dataclasses import dataclass

from procsim.thermo.fluids import Fluid
from procsim.validation import as_float, check_positive

__all__ = ["Side", "side_of_stream", "side_of_material"]


@dataclass(frozen=True)
class Side:
    """One external stream of an exchanger: material at constant pressure.

    Attributes
    ----------
    material : Fluid or GasMixture
    pressure : [Pa absolute]
    name : label used in error messages ("heat_source", "cooling")
    """

    material: object
    pressure: float
    name: str

    @property
    def is_gas(self) -> bool:
        return not isinstance(self.material, Fluid)

    def h(self, T: float) -> float:
        """Specific enthalpy [J/kg] at temperature T [K]."""
        if self.is_gas:
            return float(self.material.h(T))
        return self.material.state(p=self.pressure, T=T).h

    def T(self, h: float) -> float:
        """Temperature [K] at specific enthalpy h [J/kg]."""
        if self.is_gas:
            return float(self.material.T_from_h(h))
        return self.material.state(p=self.pressure, h=h).T

    def s(self, h: float) -> float:
        """Specific entropy [J/(kg K)] at specific enthalpy h [J/kg]."""
        if self.is_gas:
            return float(self.material.s(self.material.T_from_h(h), self.pressure))
        return self.material.state(p=self.pressure, h=h).s

    def describe(self) -> str:
        return getattr(self.material, "name", None) or repr(self.material)


def side_of_material(material, pressure: float, name: str) -> Side:
    """A side from a CoolProp name / Fluid / GasMixture and a pressure [Pa]."""
    p = check_positive(f"{name} pressure", as_float(f"{name} pressure", pressure, "Pa"), "Pa")
    if isinstance(material, str):
        material = Fluid(material)
    return Side(material, float(p), name)


def side_of_stream(stream, name: str) -> Side:
    """A side from a :class:`procsim.stream.Stream` (uses ``.material`` and ``.p``)."""
    for attr in ("material", "T", "p", "mass_flow"):
        if not hasattr(stream, attr):
            raise ValueError(f"{name} must be a procsim.Stream (with material, T, p, mass_flow); "
                             f"got {type(stream).__name__}")
    return side_of_material(stream.material, stream.p, name)
