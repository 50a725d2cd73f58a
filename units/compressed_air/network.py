r"""Network components of a compressed-air system: receiver, dryers, filters, pipes, leaks, end uses.

Each component is a small frozen dataclass that turns data-sheet figures into the few
numbers the sequencer kernel needs (pressure-drop coefficients, power, purge fraction,
leak orifice area). Pressure drops scale with the square of flow and inversely with
density (Darcy-Weisbach with a constant friction factor in fully rough flow):

.. math:: \Delta p(q, p) = \Delta p_r \left(\frac{q}{q_r}\right)^2 \frac{p_r}{p}

References
----------
.. [DOE] U.S. DOE / CAC, Improving Compressed Air System Performance: A Sourcebook for
   Industry, 2003: refrigerated dryers (about 3-5 psid), heatless desiccant dryers purge
   about 15-20 % of rated flow, heated-purge about 7-10 %; filters 1-3 psid clean; a
   well-designed system loses < 10 % of compressor discharge pressure to the point of use.
   Status: unverified (engineering knowledge of the Sourcebook; the text was not re-read
   for this module) - pass data-sheet values where known.
.. [MH] Manitoba Hydro compressed-air note (via globalauthorid.com): a "standard system" has
   1 US gal/cfm receiver, filters with 3 psid total and a non-cycling refrigerated dryer
   with 4 psid.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from procsim.validation import as_float, check_fraction, check_nonnegative, check_positive

from .flow import P_ATM, orifice_mass_flow, pipe_pressure_drop

__all__ = ["Receiver", "Dryer", "Filter", "Pipe", "LeakSurvey", "EndUses"]

PSI = 6894.757293168  # Pa per psi (NIST SP 811, 2008, B.9)


def _f(name, value, unit, positive=True):
    v = check_positive(name, value, unit) if positive else check_nonnegative(name, value, unit)
    return as_float(name, v, unit)


@dataclass(frozen=True)
class Receiver:
    """Air receiver (plus pipe volume) [m3], isothermal at ``temperature`` [K].

    Isothermal storage: dp/dt = R T (m_in - m_out) / V (ideal gas, the usual receiver
    sizing basis; DOE Sourcebook, "Air Receivers"; ISO 8573 is unrelated).
    """

    volume: float
    temperature: float = 293.15

    def __post_init__(self):
        _f("volume", self.volume, "m3")
        _f("temperature", self.temperature, "K")


@dataclass(frozen=True)
class Dryer:
    """Compressed-air dryer.

    kind : "refrigerated" (input power, no purge) or "desiccant_heatless" /
    "desiccant_heated" (purge as a fraction of the flow through the dryer, vented).
    rated_flow [m3/s free air]; pressure_drop at rated flow [Pa]; power [W] drawn while
    the system runs; purge_fraction [-]. Defaults: refrigerated 4 psid [MH]; heatless
    purge 0.15 [DOE] (lower end of 15-20 %).
    """

    kind: str
    rated_flow: float
    pressure_drop: float = 4.0 * PSI
    power: float = 0.0
    purge_fraction: float | None = None

    KINDS = ("refrigerated", "desiccant_heatless", "desiccant_heated")

    def __post_init__(self):
        if self.kind not in self.KINDS:
            raise ValueError(f"kind must be one of {', '.join(map(repr, self.KINDS))}; got {self.kind!r}")
        _f("rated_flow", self.rated_flow, "m3/s")
        _f("pressure_drop", self.pressure_drop, "Pa", positive=False)
        _f("power", self.power, "W", positive=False)
        if self.purge_fraction is None:
            object.__setattr__(self, "purge_fraction",
                               {"refrigerated": 0.0, "desiccant_heatless": 0.15,
                                "desiccant_heated": 0.07}[self.kind])
        check_fraction("purge_fraction", self.purge_fraction, allow_one=False)
        if self.kind == "refrigerated" and self.purge_fraction != 0.0:
            raise ValueError(f"purge_fraction must be 0 for a refrigerated dryer; got {self.purge_fraction!r}")

    def dp_coefficient(self, pressure):
        """k in dp = k q^2 [Pa s2/m6] at line pressure ``pressure`` [Pa abs]."""
        return self.pressure_drop / self.rated_flow ** 2


@dataclass(frozen=True)
class Filter:
    """Line filter: pressure drop at its rated flow [Pa] (default 3 psid total [MH])."""

    rated_flow: float
    pressure_drop: float = 3.0 * PSI

    def __post_init__(self):
        _f("rated_flow", self.rated_flow, "m3/s")
        _f("pressure_drop", self.pressure_drop, "Pa", positive=False)

    def dp_coefficient(self, pressure):
        return self.pressure_drop / self.rated_flow ** 2


@dataclass(frozen=True)
class Pipe:
    """Distribution main: inner diameter [m], equivalent length [m], roughness [m].

    Its quadratic coefficient is taken from :func:`pipe_pressure_drop` (Darcy-Weisbach,
    Churchill friction factor) at ``design_flow`` [m3/s] and the line pressure.
    """

    diameter: float
    length: float
    design_flow: float
    roughness: float = 4.5e-5

    def __post_init__(self):
        _f("diameter", self.diameter, "m")
        _f("length", self.length, "m")
        _f("design_flow", self.design_flow, "m3/s")
        _f("roughness", self.roughness, "m", positive=False)

    def dp_coefficient(self, pressure):
        dp = pipe_pressure_drop(self.design_flow, self.diameter, self.length, pressure,
                                roughness=self.roughness)
        return dp / self.design_flow ** 2


@dataclass(frozen=True)
class LeakSurvey:
    """Leaks found by a survey, as round holes.

    diameters : hole diameters [m] (one per leak); discharge_coefficient [-] (0.61 sharp
    edge, see leak_flow); tags : optional labels. ``effective_area`` = sum C_d pi d^2/4 is
    what the simulation uses; the choked-flow leak rate is then proportional to it.
    """

    diameters: tuple
    discharge_coefficient: float = 0.61
    tags: tuple = ()

    def __post_init__(self):
        d = np.atleast_1d(check_positive("diameters", np.asarray(self.diameters, float), "m"))
        object.__setattr__(self, "diameters", tuple(float(x) for x in d))
        if self.tags and len(self.tags) != len(self.diameters):
            raise ValueError(f"tags must have one entry per leak ({len(self.diameters)}); got {len(self.tags)}")
        check_fraction("discharge_coefficient", self.discharge_coefficient, allow_zero=False)

    @property
    def effective_area(self) -> float:
        """Sum of C_d * pi d^2 / 4 [m2]."""
        d = np.asarray(self.diameters)
        return float(self.discharge_coefficient * np.sum(0.25 * math.pi * d * d))

    def mass_flow(self, line_pressure, temperature=293.15):
        """Leak mass flow of every hole [kg/s] at ``line_pressure`` [Pa abs] (array per leak)."""
        return orifice_mass_flow(np.asarray(self.diameters), line_pressure, temperature, P_ATM,
                                 self.discharge_coefficient)

    def remaining(self, repaired_tags):
        """Survey of the leaks left after repairing those tagged ``repaired_tags`` (None if none left)."""
        if not self.tags:
            raise ValueError("this survey has no tags; repair by tag needs one tag per leak")
        unknown = sorted(set(repaired_tags) - set(self.tags))
        if unknown:
            raise ValueError(f"repaired_tags not in the survey: {unknown}")
        keep = [i for i, t in enumerate(self.tags) if t not in set(repaired_tags)]
        if not keep:
            return None
        return LeakSurvey(tuple(self.diameters[i] for i in keep), self.discharge_coefficient,
                          tuple(self.tags[i] for i in keep))


@dataclass(frozen=True)
class EndUses:
    """End uses: minimum pressure at the point of use [Pa abs] and the unregulated share.

    Parameters
    ----------
    min_pressure : the lowest pressure at which end uses work [Pa abs].
    nominal_pressure : pressure at the point of use at which the demand profile holds [Pa abs].
    unregulated_fraction : share of the demand that is unregulated (open blowing,
        unregulated tools): its flow rises with pressure as p_abs / nominal_pressure
        (choked orifice) - the DOE Sourcebook's "artificial demand".
    """

    min_pressure: float
    nominal_pressure: float
    unregulated_fraction: float = 0.0

    def __post_init__(self):
        for n in ("min_pressure", "nominal_pressure"):
            v = _f(n, getattr(self, n), "Pa")
            if not v > P_ATM:
                raise ValueError(f"{n} must be absolute and above {P_ATM} Pa; got {v!r} Pa "
                                 f"(a gauge value?)")
        check_fraction("unregulated_fraction", self.unregulated_fraction)
