r"""Ideal-gas mixtures: NASA 7-coefficient polynomials from Cantera's species data, in numba.

Coefficients are those of Cantera's ``nasa_gas.yaml`` (McBride, Gordon & Reno 1993), copied
into ``procsim/data/nasa7_species.json`` by :func:`export_species_data` so that evaluating a
gas property never imports Cantera. ``tests/test_gas.py`` re-reads Cantera and checks the
file is identical and that every kernel agrees with ``ct.Solution`` to 1e-9 relative over
250-3500 K.

Polynomials (per species, two temperature ranges split at :math:`T_{mid}`):

.. math::
    \frac{c_p^\circ}{R} = a_1 + a_2 T + a_3 T^2 + a_4 T^3 + a_5 T^4

    \frac{h^\circ}{RT} = a_1 + \frac{a_2 T}{2} + \frac{a_3 T^2}{3} + \frac{a_4 T^3}{4}
        + \frac{a_5 T^4}{5} + \frac{a_6}{T}

    \frac{s^\circ}{R} = a_1 \ln T + a_2 T + \frac{a_3 T^2}{2} + \frac{a_4 T^3}{3}
        + \frac{a_5 T^4}{4} + a_7

Enthalpies are absolute (they include the enthalpy of formation at 298.15 K), the same
reference as Cantera, so reacting mixtures balance. Mixture entropy at pressure p:
:math:`s = \sum_i x_i (s_i^\circ - R \ln x_i) - R \ln(p/p^\circ)`, :math:`p^\circ` = 1 atm.

References
----------
B. J. McBride, S. Gordon, M. A. Reno, "Coefficients for Calculating Thermodynamic and
Transport Properties of Individual Species", NASA TM-4513, 1993.
D. G. Goodwin et al., Cantera 3.x, https://cantera.org (``nasa_gas.yaml``), doi:10.5281/zenodo.8137090.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping

import numpy as np
from numba import njit

from procsim.jitopts import SCALAR_KERNEL

from procsim.validation import as_array, as_float, check_positive, check_temperature

__all__ = [
    "GAS_CONSTANT", "REFERENCE_PRESSURE", "SPECIES", "COEFFS", "MOLAR_MASS", "species_index",
    "cp_molar", "h_molar", "s0_molar", "mixture_cp_mass", "mixture_h_mass", "mixture_s_mass",
    "mixture_T_from_h", "mixture_T_from_s", "mixture_h_mass_array", "mixture_T_from_h_array", "GasMixture",
    "export_species_data", "AIR_DRY",
]

#: Molar gas constant [J/(mol K)]: N_A k_B with the exact SI 2019 values (CODATA 2018),
#: identical to Cantera's ``ct.gas_constant`` / 1000.
GAS_CONSTANT = 8.31446261815324
#: Standard-state pressure of the NASA polynomials [Pa] (1 atm, McBride et al. 1993).
REFERENCE_PRESSURE = 101325.0

#: procsim species name -> name in Cantera's nasa_gas.yaml
_CANTERA_NAMES = {
    "N2": "N2", "O2": "O2", "AR": "Ar", "CO2": "CO2", "H2O": "H2O", "CO": "CO", "H2": "H2",
    "CH4": "CH4", "C2H6": "C2H6", "C3H8": "C3H8", "C4H10": "C4H10,n-butane",
    "IC4H10": "C4H10,isobutane", "C5H12": "C5H12,n-pentane", "C2H4": "C2H4", "SO2": "SO2",
    "SO3": "SO3", "NO": "NO", "NO2": "NO2", "N2O": "N2O", "H2S": "H2S", "NH3": "NH3",
    "OH": "OH", "H": "H", "O": "O",
}
_ALIASES = {"Ar": "AR", "ar": "AR", "n-C4H10": "C4H10", "NC4H10": "C4H10", "iC4H10": "IC4H10",
            "i-C4H10": "IC4H10", "nC5H12": "C5H12", "n-C5H12": "C5H12"}

_DATA_FILE = "nasa7_species.json"


def export_species_data(path, source: str = "nasa_gas.yaml") -> None:
    """Write the species table (coefficients, molar mass, composition) from Cantera to ``path``.

    Used to (re)generate ``procsim/data/nasa7_species.json``; the test suite checks the file
    still equals Cantera's data.
    """
    import cantera as ct

    found = {s.name: s for s in ct.Species.list_from_file(source)}
    out = {"source": f"Cantera {ct.__version__} {source}: McBride, Gordon & Reno, NASA TM-4513 (1993)",
           "units": {"molar_mass": "kg/mol", "temperature": "K"}, "species": {}}
    for name, ct_name in _CANTERA_NAMES.items():
        sp = found[ct_name]
        data = sp.thermo.input_data
        ranges = [float(t) for t in data["temperature-ranges"]]
        polys = [[float(c) for c in row] for row in data["data"]]
        if len(polys) == 1:  # single range (e.g. Ar): same polynomial on both sides
            ranges = [ranges[0], ranges[1], ranges[1]]
            polys = [polys[0], polys[0]]
        out["species"][name] = {
            "cantera_name": ct_name, "composition": dict(sp.composition),
            "molar_mass": sp.molecular_weight / 1000.0, "temperature_ranges": ranges,
            "low": polys[0], "high": polys[1], "note": data.get("note", ""),
        }
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)


@lru_cache(maxsize=1)
def _load():
    # lru_cache of read-only data parsed from a package file: the file is the single source.
    text = resources.files("procsim.data").joinpath(_DATA_FILE).read_text()
    raw = json.loads(text)
    names = tuple(raw["species"])
    coeffs = np.empty((len(names), 17))
    molar = np.empty(len(names))
    comp = {}
    for i, n in enumerate(names):
        rec = raw["species"][n]
        coeffs[i, 0:3] = rec["temperature_ranges"]
        coeffs[i, 3:10] = rec["low"]
        coeffs[i, 10:17] = rec["high"]
        molar[i] = rec["molar_mass"]
        comp[n] = dict(rec["composition"])
    coeffs.setflags(write=False)
    molar.setflags(write=False)
    return names, coeffs, molar, comp, raw["source"]


SPECIES, COEFFS, MOLAR_MASS, COMPOSITION, SOURCE = _load()
"""SPECIES: species names; COEFFS: (n, 17) array [T_low, T_mid, T_high, 7 low-range a1..a7,
7 high-range a1..a7]; MOLAR_MASS: kg/mol; COMPOSITION: element counts per species."""


def species_index(name: str) -> int:
    """Row of ``name`` in SPECIES/COEFFS (accepts aliases such as 'Ar', 'n-C4H10')."""
    key = _ALIASES.get(name, name)
    try:
        return SPECIES.index(key)
    except ValueError:
        raise ValueError(f"unknown gas species {name!r}; known species: {', '.join(SPECIES)}") from None


# ----------------------------------------------------------------------------- kernels
@njit(**SCALAR_KERNEL)
def _poly(T, row):
    """Offset of the 7 coefficients valid at T within a 17-element row."""
    # Cantera evaluates the low-range polynomial up to and including T_mid
    return 3 if T <= row[1] else 10


@njit(**SCALAR_KERNEL)
def cp_molar(T, row):
    """Ideal-gas isobaric heat capacity of one species [J/(mol K)]; row: 17 coefficients."""
    o = _poly(T, row)
    return GAS_CONSTANT * (row[o] + T * (row[o + 1] + T * (row[o + 2] + T * (row[o + 3] + T * row[o + 4]))))


@njit(**SCALAR_KERNEL)
def h_molar(T, row):
    """Absolute ideal-gas enthalpy of one species [J/mol] (formation-inclusive, Cantera's basis)."""
    o = _poly(T, row)
    return GAS_CONSTANT * (T * (row[o] + T * (row[o + 1] / 2.0 + T * (row[o + 2] / 3.0 + T * (
        row[o + 3] / 4.0 + T * row[o + 4] / 5.0)))) + row[o + 5])


@njit(**SCALAR_KERNEL)
def s0_molar(T, row):
    """Standard-state (1 atm) entropy of one species [J/(mol K)]."""
    o = _poly(T, row)
    return GAS_CONSTANT * (row[o] * math.log(T) + T * (row[o + 1] + T * (row[o + 2] / 2.0 + T * (
        row[o + 3] / 3.0 + T * row[o + 4] / 4.0))) + row[o + 6])


@njit(**SCALAR_KERNEL)
def _mean_molar_mass(x, molar_mass):
    w = 0.0
    for i in range(x.size):
        w += x[i] * molar_mass[i]
    return w


@njit(**SCALAR_KERNEL)
def mixture_cp_mass(T, x, coeffs, molar_mass):
    """Mixture cp [J/(kg K)]; x: mole fractions over all species (sum 1)."""
    c = 0.0
    for i in range(x.size):
        if x[i] != 0.0:
            c += x[i] * cp_molar(T, coeffs[i])
    return c / _mean_molar_mass(x, molar_mass)


@njit(**SCALAR_KERNEL)
def mixture_h_mass(T, x, coeffs, molar_mass):
    """Mixture absolute enthalpy [J/kg]."""
    h = 0.0
    for i in range(x.size):
        if x[i] != 0.0:
            h += x[i] * h_molar(T, coeffs[i])
    return h / _mean_molar_mass(x, molar_mass)


@njit(**SCALAR_KERNEL)
def mixture_s_mass(T, p, x, coeffs, molar_mass):
    """Mixture entropy [J/(kg K)] at T [K], p [Pa], ideal mixing."""
    s = 0.0
    for i in range(x.size):
        if x[i] > 0.0:
            s += x[i] * (s0_molar(T, coeffs[i]) - GAS_CONSTANT * math.log(x[i]))
    s -= GAS_CONSTANT * math.log(p / REFERENCE_PRESSURE)
    return s / _mean_molar_mass(x, molar_mass)


#: Temperature bracket of the inversion T(h) [K]: the NASA fits' common range (McBride 1993).
T_MIN = 200.0
T_MAX = 6000.0


@njit(**SCALAR_KERNEL)
def mixture_T_from_h(h, x, coeffs, molar_mass, T_guess):
    """Temperature [K] at which the mixture enthalpy equals ``h`` [J/kg]; NaN outside 200-6000 K.

    Newton on h(T) with cp as the slope, kept inside a shrinking bracket (bisection when a
    step leaves it). h(T) is strictly increasing because cp > 0, so the root is unique.
    """
    lo = T_MIN
    hi = T_MAX
    if not (mixture_h_mass(lo, x, coeffs, molar_mass) <= h <= mixture_h_mass(hi, x, coeffs, molar_mass)):
        return math.nan
    T = min(max(T_guess, lo), hi)
    for _ in range(100):
        r = mixture_h_mass(T, x, coeffs, molar_mass) - h
        if r == 0.0:
            return T
        if r > 0.0:
            hi = T
        else:
            lo = T
        Tn = T - r / mixture_cp_mass(T, x, coeffs, molar_mass)
        if not (lo < Tn < hi):
            Tn = 0.5 * (lo + hi)
        if abs(Tn - T) <= 1e-12 * T:
            return Tn
        T = Tn
    return math.nan


@njit(**SCALAR_KERNEL)
def mixture_T_from_s(s, p, x, coeffs, molar_mass, T_guess):
    r"""Temperature [K] at which the mixture entropy at ``p`` [Pa] equals ``s`` [J/(kg K)].

    Newton on s(T) with :math:`\partial s/\partial T|_p = c_p/T` inside a shrinking bracket
    (as :func:`mixture_T_from_h`); NaN outside 200-6000 K.
    """
    lo = T_MIN
    hi = T_MAX
    if not (mixture_s_mass(lo, p, x, coeffs, molar_mass) <= s <= mixture_s_mass(hi, p, x, coeffs, molar_mass)):
        return math.nan
    T = min(max(T_guess, lo), hi)
    for _ in range(100):
        r = mixture_s_mass(T, p, x, coeffs, molar_mass) - s
        if r == 0.0:
            return T
        if r > 0.0:
            hi = T
        else:
            lo = T
        Tn = T - r * T / mixture_cp_mass(T, x, coeffs, molar_mass)
        if not (lo < Tn < hi):
            Tn = 0.5 * (lo + hi)
        if abs(Tn - T) <= 1e-12 * T:
            return Tn
        T = Tn
    return math.nan


@njit(**SCALAR_KERNEL)
def mixture_h_mass_array(T, x, coeffs, molar_mass, out):
    """Enthalpy [J/kg] at each T of an array; returns -1 or the index of the first T <= 0."""
    bad = -1
    for i in range(T.size):
        if not T[i] > 0.0:
            out[i] = math.nan
            if bad < 0:
                bad = i
            continue
        out[i] = mixture_h_mass(T[i], x, coeffs, molar_mass)
    return bad


@njit(**SCALAR_KERNEL)
def mixture_T_from_h_array(h, x, coeffs, molar_mass, out):
    """T [K] for each enthalpy of an array; returns -1 or the index of the first failure."""
    bad = -1
    for i in range(h.size):
        out[i] = mixture_T_from_h(h[i], x, coeffs, molar_mass, 1000.0)
        if math.isnan(out[i]) and bad < 0:
            bad = i
    return bad


# ----------------------------------------------------------------------------- mixture class
#: Dry air composition by mole, CO2 at 0.04 %: ISO 2533:1975 standard atmosphere
#: (N2 78.084 %, O2 20.946 %, Ar 0.934 %, CO2 0.0314 % there), with CO2 raised to the
#: 2020s level (~415 ppm, NOAA Global Monitoring Laboratory) and N2 reduced to close the sum.
AIR_DRY = {"N2": 0.78084 - 0.000086, "O2": 0.20946, "AR": 0.00934, "CO2": 0.0004}


@dataclass(frozen=True, eq=False)
class GasMixture:
    """An ideal-gas mixture of fixed composition.

    Parameters
    ----------
    composition : mapping species -> fraction (normalised here; must be >= 0 and sum > 0)
    basis : "mole" or "mass"

    Examples
    --------
    >>> air = GasMixture(AIR_DRY)
    >>> round(air.molar_mass * 1000, 3)            # g/mol
    28.966
    >>> round(air.cp(300.0), 1)                    # J/(kg K)
    1004.8
    """

    composition: Mapping[str, float]
    basis: str = "mole"

    def __post_init__(self):
        if self.basis not in ("mole", "mass"):
            raise ValueError(f"basis must be one of 'mole', 'mass'; got {self.basis!r}")
        if not isinstance(self.composition, Mapping) or not self.composition:
            raise ValueError(f"composition must be a non-empty mapping of species to fractions; "
                             f"got {self.composition!r}")
        v = np.zeros(len(SPECIES))
        for name, frac in self.composition.items():
            f = as_float(f"fraction of {name}", frac)
            if not (f >= 0.0):
                raise ValueError(f"fraction of {name} must be >= 0; got {frac!r}")
            v[species_index(name)] += f
        total = v.sum()
        if not (total > 0.0):
            raise ValueError("composition fractions must sum to a positive number; got 0")
        v /= total
        if self.basis == "mass":
            v = v / MOLAR_MASS
            v /= v.sum()
        v.setflags(write=False)
        object.__setattr__(self, "_x", v)

    def __eq__(self, other):
        return isinstance(other, GasMixture) and np.array_equal(self._x, other._x)

    def __hash__(self):
        return hash(self._x.tobytes())

    def __repr__(self):
        parts = ", ".join(f"{k}: {v:.6g}" for k, v in self.mole_fractions.items())
        return f"GasMixture({{{parts}}})"

    # composition views
    @property
    def x(self) -> np.ndarray:
        """Mole fractions over SPECIES (read-only float64 array)."""
        return self._x

    @property
    def mole_fractions(self) -> dict:
        return {SPECIES[i]: float(self._x[i]) for i in np.flatnonzero(self._x)}

    @property
    def mass_fractions(self) -> dict:
        y = self._x * MOLAR_MASS
        y = y / y.sum()
        return {SPECIES[i]: float(y[i]) for i in np.flatnonzero(y)}

    @property
    def molar_mass(self) -> float:
        """Mean molar mass [kg/mol]."""
        return float(self._x @ MOLAR_MASS)

    @property
    def gas_constant(self) -> float:
        """Specific gas constant [J/(kg K)]."""
        return GAS_CONSTANT / self.molar_mass

    # properties (vectorised over T)
    def _temperature(self, T):
        # the NASA-7 fits hold on [T_MIN, T_MAX] only; outside they extrapolate polynomials
        return check_temperature("T", T, T_MIN, T_MAX, "NASA-7 polynomial range")

    def cp(self, T):
        """Isobaric specific heat [J/(kg K)]."""
        T = self._temperature(T)
        if np.ndim(T) == 0:
            return mixture_cp_mass(float(T), self._x, COEFFS, MOLAR_MASS)
        return np.array([mixture_cp_mass(t, self._x, COEFFS, MOLAR_MASS) for t in np.ravel(T)]).reshape(np.shape(T))

    def h(self, T):
        """Absolute specific enthalpy [J/kg] (formation-inclusive, Cantera's reference)."""
        T = self._temperature(T)
        if np.ndim(T) == 0:
            return mixture_h_mass(float(T), self._x, COEFFS, MOLAR_MASS)
        flat = np.ascontiguousarray(np.ravel(T), dtype=np.float64)
        out = np.empty_like(flat)
        mixture_h_mass_array(flat, self._x, COEFFS, MOLAR_MASS, out)
        return out.reshape(np.shape(T))

    def sensible_h(self, T, T_ref: float = 298.15):
        """h(T) - h(T_ref) [J/kg]: the heat content used in heat-loss calculations."""
        return self.h(T) - self.h(T_ref)

    def s(self, T, p):
        """Specific entropy [J/(kg K)] at T [K] and p [Pa absolute]."""
        T = self._temperature(T)
        p = check_positive("p", p, "Pa")
        Tb, pb = np.broadcast_arrays(np.asarray(T, float), np.asarray(p, float))
        out = np.array([mixture_s_mass(t, pp, self._x, COEFFS, MOLAR_MASS)
                        for t, pp in zip(Tb.ravel(), pb.ravel())])
        return float(out[0]) if Tb.ndim == 0 else out.reshape(Tb.shape)

    def T_from_h(self, h):
        """Temperature [K] of a given absolute specific enthalpy [J/kg]."""
        arr = as_array("h", h, "J/kg")
        flat = np.ascontiguousarray(arr.ravel())
        out = np.empty_like(flat)
        bad = mixture_T_from_h_array(flat, self._x, COEFFS, MOLAR_MASS, out)
        if bad >= 0:
            lo = mixture_h_mass(T_MIN, self._x, COEFFS, MOLAR_MASS)
            hi = mixture_h_mass(T_MAX, self._x, COEFFS, MOLAR_MASS)
            raise ValueError(f"h must be in [{lo:.6g}, {hi:.6g}] J/kg (200-6000 K) for {self!r}; "
                             f"got {float(flat[bad])} J/kg")
        return float(out[0]) if arr.ndim == 0 else out.reshape(arr.shape)

    def density(self, T, p):
        """Ideal-gas density [kg/m3]."""
        T = self._temperature(T)
        p = check_positive("p", p, "Pa")
        return p / (self.gas_constant * T)

    # ------------------------------------------------ the material interface (procsim.thermo.material)
    #: Kind of material for :mod:`procsim.thermo.material` (kernel code MATERIAL_GAS).
    kind = "gas"
    #: An ideal gas has no critical point or saturation dome [Pa].
    critical_pressure = math.inf

    @property
    def label(self) -> str:
        """Short name for messages and reports."""
        return "gas"

    def h_pT(self, p, T):
        """Specific enthalpy [J/kg] at (p [Pa], T [K]); ideal gas: independent of p."""
        check_positive("p", p, "Pa")
        return self.h(T)

    def T_ph(self, p, h):
        """Temperature [K] at (p [Pa], h [J/kg])."""
        check_positive("p", p, "Pa")
        return self.T_from_h(h)

    def s_pT(self, p, T):
        """Specific entropy [J/(kg K)] at (p [Pa], T [K])."""
        return self.s(T, p)

    def s_ph(self, p, h):
        """Specific entropy [J/(kg K)] at (p [Pa], h [J/kg])."""
        return self.s(self.T_from_h(h), p)

    def T_ps(self, p, s):
        """Temperature [K] at (p [Pa], s [J/(kg K)]): Newton on s(T) (:func:`mixture_T_from_s`)."""
        pa, sa = np.broadcast_arrays(np.asarray(check_positive("p", p, "Pa"), float),
                                     np.asarray(as_array("s", s, "J/(kg K)"), float))
        out = np.array([mixture_T_from_s(float(ss), float(pp), self._x, COEFFS, MOLAR_MASS, 500.0)
                        for pp, ss in zip(pa.ravel(), sa.ravel())])
        bad = np.flatnonzero(np.isnan(out))
        if bad.size:
            raise ValueError(f"s must correspond to 200-6000 K for {self!r} at p={float(pa.ravel()[bad[0]])!r} Pa; "
                             f"got {float(sa.ravel()[bad[0]])!r} J/(kg K)")
        return float(out[0]) if pa.ndim == 0 else out.reshape(pa.shape)

    def h_ps(self, p, s):
        """Specific enthalpy [J/kg] at (p [Pa], s [J/(kg K)])."""
        return self.h(self.T_ps(p, s))

    def cp_pT(self, p, T):
        """Isobaric specific heat [J/(kg K)] at (p [Pa], T [K])."""
        check_positive("p", p, "Pa")
        return self.cp(T)

    def saturation_enthalpies(self, p) -> tuple:
        """An ideal-gas mixture has no saturation dome: ``()`` (see Fluid.saturation_enthalpies)."""
        return ()

    def saturation_temperature(self, p) -> float:
        """NaN: no saturation dome (see Fluid.saturation_temperature)."""
        return math.nan

    def mixed(self, parts):
        """The mixture of ``parts`` [(material, mass_flow [kg/s]), ...], all gas mixtures:
        composition by moles (ideal mixing). Raises ValueError for a part that is not a gas."""
        moles = np.zeros(len(SPECIES))
        for mat, m in parts:
            if getattr(mat, "kind", None) != "gas":
                raise ValueError(f"a gas mixture cannot be mixed with {mat!r}")
            moles += m / mat.molar_mass * mat.x
        if not moles.sum() > 0.0:
            return self
        return GasMixture({SPECIES[i]: moles[i] for i in np.flatnonzero(moles)})
