r"""Fuels, stoichiometry, excess air from flue-gas analysis, and flue-gas composition.

A :class:`Fuel` is either a gas mixture of species of :mod:`procsim.thermo.gas` or a solid
or liquid given by its ultimate analysis (as-received mass fractions of C, H, O, N, S,
moisture and ash). Heating values:

* gases: from the NASA-7 formation enthalpies at 25 C (the same data Cantera uses), water
  vapour in the products for LHV; HHV adds the latent heat of the product water;
* solids and liquids: HHV from the Channiwala & Parikh (2002) correlation (or a value the
  caller gives), LHV = HHV - latent heat of the water from the hydrogen and of the moisture.

Latent heat of water at 25 C: :math:`\Delta_f H^\circ(H_2O, g) - \Delta_f H^\circ(H_2O, l)`
= -241.826 - (-285.830) = 44.004 kJ/mol (CODATA key values: J. D. Cox, D. D. Wagman,
V. A. Medvedev, CODATA Key Values for Thermodynamics, Hemisphere, 1989), i.e. 2442.6 kJ/kg.

Examples
--------
>>> ng = Fuel.from_name("pipeline_gas")
>>> round(ng.lhv / 1e6, 2), round(ng.hhv / 1e6, 2)          # MJ/kg
(48.84, 54.14)
>>> round(float(ng.excess_air(0.03)), 3)                     # 3 % O2 dry
0.15
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Mapping

import numpy as np

from procsim.thermo import gas
from procsim.thermo.combustion import kernels as K
from procsim.thermo.combustion.air import (combustion_air, dry_air_molar_mass, product_molar_masses,
                                           product_rows)
from procsim.thermo.combustion.dewpoint import acid_dew_point, water_dew_point
from procsim.thermo.combustion.flame import adiabatic_flame
from procsim.validation import as_array, as_float, check_choice, check_range

__all__ = ["Fuel", "FlueGas", "FUEL_NAMES", "LATENT_HEAT_WATER_MOLAR", "NORMAL_MOLAR_VOLUME",
           "NORMAL_CONDITIONS", "channiwala_parikh_hhv", "combustion_air", "product_rows"]

#: Latent heat of water at 25 C [J/mol] (CODATA key values, Cox et al. 1989): 285830 - 241826.
LATENT_HEAT_WATER_MOLAR = 44004.0
#: Normal conditions of every Nm3 in procsim: 0 C and 101.325 kPa (DIN 1343; ISO 13443 "normal").
NORMAL_CONDITIONS = "0 C (273.15 K), 101.325 kPa"
#: Highest heating value any fuel has [J/kg]: hydrogen, -DfH(H2O, liquid) / M(H2) =
#: 285.830 kJ/mol / 2.01588 g/mol = 141.79 MJ/kg (CODATA Key Values for Thermodynamics,
#: Cox, Wagman & Medvedev, Hemisphere, 1989), rounded up. A larger HHV or LHV is a unit error
#: (kJ/kg given as J/kg x 1000, kcal as kJ ...).
MAX_HEATING_VALUE = 142.0e6
#: Ideal-gas molar volume at NORMAL_CONDITIONS [m3/mol] = R T / p.
NORMAL_MOLAR_VOLUME = gas.GAS_CONSTANT * 273.15 / 101325.0
#: Standard atomic weights [kg/mol] (IUPAC CIAAW 2021 abridged/conventional values).
ATOMIC_MASS = {"C": 12.011e-3, "H": 1.008e-3, "O": 15.999e-3, "N": 14.007e-3, "S": 32.06e-3,
               "Ar": 39.948e-3}
_M_H2O = 2 * ATOMIC_MASS["H"] + ATOMIC_MASS["O"]
_M_CO2 = ATOMIC_MASS["C"] + 2 * ATOMIC_MASS["O"]

#: Ultimate-analysis keys (as-received mass fractions) of solid and liquid fuels.
ULTIMATE_KEYS = ("C", "H", "O", "N", "S", "H2O", "ash")
#: Species a gaseous fuel may contain (stable species of procsim.thermo.gas).
GAS_FUEL_SPECIES = ("CH4", "C2H6", "C3H8", "C4H10", "IC4H10", "C5H12", "C2H4", "H2", "CO",
                    "H2S", "NH3", "N2", "CO2", "O2", "AR", "H2O", "SO2")
#: Names laboratories print for the same species (analysis reports, ISO 6974 / GPA 2261
#: style): mapped to procsim's species names.
GAS_SPECIES_ALIASES = {"Ar": "AR", "ar": "AR", "iC4H10": "IC4H10", "i-C4H10": "IC4H10",
                       "nC4H10": "C4H10", "n-C4H10": "C4H10", "nC5H12": "C5H12",
                       "n-C5H12": "C5H12", "H2O(g)": "H2O"}
#: A laboratory gas analysis whose components sum to within this much of 100 % is
#: normalised (with a note); beyond it, an error. Judgement (procsim issue 13): rounding of
#: 10-20 reported components and an unreported remainder of trace species stay well inside
#: 2 %; a larger gap means a missing component or a typing error.
GAS_NORMALISE_WITHIN = 0.02
GAS_UNITS = ("fraction", "percent")
BASES = {"mole": 0, "mass": 1}
ANALYSER_BASES = {"dry": K.BASIS_DRY, "wet": K.BASIS_WET}
HV_BASES = {"hhv": K.HV_HHV, "lhv": K.HV_LHV}
_SUM_TOLERANCE = 1e-6

def channiwala_parikh_hhv(C, H, O, N, S, ash) -> float:
    r"""Higher heating value [J/kg] from an ultimate analysis (mass fractions, any consistent basis).

    .. math::
        HHV\,[MJ/kg] = 0.3491\,C + 1.1783\,H + 0.1005\,S - 0.1034\,O - 0.0151\,N - 0.0211\,A

    with the fractions in wt %. Fitted on a dry basis; moisture has no term, so applying it
    as received gives HHV_dry x (1 - moisture). Stated validity: C 0-92.25 %, H 0.43-25.15 %,
    O 0-50 %, N 0-5.6 %, S 0-94.08 %, ash 0-71.4 %, HHV 4.745-55.345 MJ/kg; average
    absolute error 1.45 %.

    References: S. A. Channiwala, P. P. Parikh, "A unified correlation for estimating HHV of
    solid, liquid and gaseous fuels", Fuel 81 (2002) 1051-1063, eq. (7),
    doi:10.1016/S0016-2361(01)00131-4.
    """
    mj = 0.3491 * C * 100 + 1.1783 * H * 100 + 0.1005 * S * 100 - 0.1034 * O * 100 \
        - 0.0151 * N * 100 - 0.0211 * ash * 100
    return mj * 1e6


@lru_cache(maxsize=1)
def _library() -> dict:
    # read-only data file parsed once; the file is the single source of the library
    text = resources.files("procsim.data").joinpath("fuels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _fuel_names() -> tuple[str, ...]:
    return tuple(_library())


FUEL_NAMES = _fuel_names()


def _check_sum(fractions: Mapping[str, float], what: str) -> dict:
    out = {}
    for k, v in fractions.items():
        f = as_float(f"fraction of {k}", v)
        if not (f >= 0.0):
            raise ValueError(f"fraction of {k} must be >= 0; got {f!r}")
        out[k] = f
    total = sum(out.values())
    if not abs(total - 1.0) <= _SUM_TOLERANCE:
        raise ValueError(f"{what} fractions must sum to 1 (within {_SUM_TOLERANCE:g}); got {total!r}")
    return out


def _normalise_gas(fractions: Mapping[str, float], unit: str | None) -> tuple[dict, str]:
    """Fractions summing to 1 from a laboratory gas analysis, and the note of what was done."""
    out = {}
    for k, v in fractions.items():
        f = as_float(f"fraction of {k}", v)
        if not (f >= 0.0):
            raise ValueError(f"gas analysis: {k} must be >= 0; got {f!r}")
        out[k] = f
    total = sum(out.values())
    if unit is None:
        unit = "percent" if total > 2.0 else "fraction"
    scale = 100.0 if unit == "percent" else 1.0
    rel = total / scale
    written = f"{total:.6g} %" if unit == "percent" else f"{total:.6g}"
    if not abs(rel - 1.0) <= GAS_NORMALISE_WITHIN:
        raise ValueError(f"gas fuel fractions must sum to 1 (100 %): the analysis components "
                         f"sum to {written} (read as {unit}s); must be within "
                         f"{100 * GAS_NORMALISE_WITHIN:g} % of {'100 %' if scale > 1 else '1'} to "
                         "be normalised: a component is missing or mistyped")
    x = {k: v / total for k, v in out.items()}
    if abs(rel - 1.0) <= _SUM_TOLERANCE:
        return x, ""
    return x, (f"analysis components summed to {written} ({unit}s, {100 * (rel - 1):+.3g} % "
               f"off); normalised to 100 %")


@dataclass(frozen=True, eq=False)
class Fuel:
    """A fuel: composition, heating values, and its combustion with air.

    Build it with :meth:`from_name` or :meth:`from_composition`. ``lhv``/``hhv`` [J/kg],
    ``mass_fractions`` (ultimate analysis, as received), ``mole_fractions`` (gases only).
    """

    name: str
    phase: str
    mass_fractions: Mapping[str, float]
    hhv: float
    lhv: float
    mole_fractions: Mapping[str, float] | None = None
    source: str = ""
    hhv_method: str = ""
    info: Mapping = field(default_factory=dict)

    def __post_init__(self):
        check_choice("phase", self.phase, ("gas", "liquid", "solid"))
        for k in ("hhv", "lhv"):
            v = as_float(k, getattr(self, k), "J/kg")
            object.__setattr__(self, k, v)
            if not (math.isfinite(v) and 0.0 < v <= MAX_HEATING_VALUE):
                raise ValueError(f"{k} must be in (0, {MAX_HEATING_VALUE:g}] J/kg (hydrogen's HHV is the "
                                 f"highest of any fuel); got {v!r} J/kg (fuel {self.name!r})")
        if not (self.lhv <= self.hhv):
            raise ValueError(f"lhv must be <= hhv; got lhv={self.lhv!r}, hhv={self.hhv!r} J/kg")
        w = self.mass_fractions
        fv = np.zeros(K.FUEL_VECTOR_SIZE)
        if self.mole_fractions is not None:
            m_mix = sum(x * gas.MOLAR_MASS[gas.species_index(s)] for s, x in self.mole_fractions.items())
            for s, x in self.mole_fractions.items():
                comp = gas.COMPOSITION[gas.SPECIES[gas.species_index(s)]]
                for el, idx in (("C", K.F_C), ("H", K.F_H), ("O", K.F_O), ("N", K.F_N),
                                ("S", K.F_S), ("Ar", K.F_AR)):
                    fv[idx] += x * comp.get(el, 0.0) / m_mix
        else:
            fv[K.F_C] = w["C"] / ATOMIC_MASS["C"]
            fv[K.F_H] = w["H"] / ATOMIC_MASS["H"]
            fv[K.F_O] = w["O"] / ATOMIC_MASS["O"]
            fv[K.F_N] = w["N"] / ATOMIC_MASS["N"]
            fv[K.F_S] = w["S"] / ATOMIC_MASS["S"]
            fv[K.F_W] = w["H2O"] / _M_H2O
        fv[K.F_HHV] = self.hhv
        fv[K.F_LHV] = self.lhv
        if not (K.stoichiometric_o2(fv) > 0.0):
            raise ValueError(f"fuel {self.name!r} needs no oxygen to burn (C + H/4 + S - O/2 <= 0); "
                             "check the composition")
        fv.setflags(write=False)
        object.__setattr__(self, "_fv", fv)

    def __repr__(self):
        return f"Fuel({self.name!r}, LHV={self.lhv / 1e6:.3f} MJ/kg, HHV={self.hhv / 1e6:.3f} MJ/kg)"

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_name(cls, name: str) -> "Fuel":
        """A fuel of the library ``procsim/data/fuels.toml`` (composition and source per fuel)."""
        lib = _library()
        if name not in lib:
            raise ValueError(f"unknown fuel {name!r}; known fuels: {', '.join(lib)}")
        rec = lib[name]
        info = {k: v for k, v in rec.items() if k not in ("mole", "mass", "name", "phase")}
        info["library_name"] = name
        if "mole" in rec:
            f = cls.from_composition(rec["mole"], basis="mole", name=name)
        else:
            f = cls.from_composition(rec["mass"], basis="mass", name=name, phase=rec["phase"])
        return cls(name=name, phase=rec["phase"], mass_fractions=f.mass_fractions, hhv=f.hhv,
                   lhv=f.lhv, mole_fractions=f.mole_fractions, source=rec.get("source", ""),
                   hhv_method=f.hhv_method, info=info)

    @property
    def biogenic(self) -> bool:
        """True for a fuel whose carbon is biogenic (``biogenic = true`` in fuels.toml, or
        ``info={"biogenic": True}``): its CO2 is reported outside scope 1 (GHG Protocol;
        IPCC 2006 Vol. 2 Ch. 2, sec. 2.3.3.4), its CH4 and N2O inside."""
        return bool(self.info.get("biogenic", False))

    @classmethod
    def from_composition(cls, fractions: Mapping[str, float], basis: str | None = None, *,
                         name: str = "custom", phase: str | None = None,
                         hhv: float | None = None, unit: str | None = None) -> "Fuel":
        """A fuel from species fractions (gases) or an ultimate analysis (solids, liquids).

        Parameters
        ----------
        fractions : gases: species -> mole (or mass) fraction, species from
            ``GAS_FUEL_SPECIES``; solids/liquids: {"C","H","O","N","S","H2O","ash"} ->
            as-received mass fraction (missing keys are 0). Fractions sum to 1 (1e-6).
        basis : "mole" or "mass"; default None = "mole" for gas species and "mass" for an
            ultimate analysis (which is always by mass: basis="mole" with it is an error).
        phase : "solid" or "liquid" for an ultimate analysis (default "solid").
        hhv : measured HHV [J/kg] of a solid/liquid fuel; default: Channiwala & Parikh (2002).
        unit : gases only: "fraction", "percent", or None (default: read from the sum,
            about 1 for fractions, about 100 for percent). A laboratory analysis rarely sums
            to exactly 100 %: within 2 % (:data:`GAS_NORMALISE_WITHIN`) it is normalised and
            the note is kept in ``fuel.info["composition_note"]``; beyond, ValueError.
            Species may include H2O and SO2 and the names laboratories print ("Ar",
            "iC4H10", "nC4H10"; see :data:`GAS_SPECIES_ALIASES`).

        Notes
        -----
        For gases the HHV counts only the water *formed* by combustion, not water vapour
        already in the gas (ISO 6976:2016, sec. 3: superior calorific value with the water
        formed condensed); H2O and SO2 in the fuel are inert (they need no oxygen).

        Examples
        --------
        >>> f = Fuel.from_composition({"CH4": 89.1, "C2H6": 5.0, "C3H8": 1.1, "N2": 2.9,
        ...                            "CO2": 1.2, "H2O": 0.2, "SO2": 0.001}, unit="percent")
        >>> "normalised" in f.info["composition_note"]
        True
        """
        if basis is not None:
            check_choice("basis", basis, BASES)
        if not isinstance(fractions, Mapping) or not fractions:
            raise ValueError(f"fractions must be a non-empty mapping; got {fractions!r}")
        keys = set(fractions)
        if keys <= set(ULTIMATE_KEYS):
            if basis not in (None, "mass"):
                raise ValueError("an ultimate analysis (C, H, O, N, S, H2O, ash) is by mass: "
                                 f"basis must be 'mass'; got {basis!r}")
            return cls._from_ultimate(fractions, name, phase or "solid", hhv)
        fractions = {GAS_SPECIES_ALIASES.get(k, k): v for k, v in fractions.items()}
        keys = set(fractions)
        unknown = sorted(keys - set(GAS_FUEL_SPECIES))
        if unknown:
            raise ValueError(f"unknown fuel components {unknown}: give either gas species "
                             f"{', '.join(GAS_FUEL_SPECIES)} or an ultimate analysis "
                             f"{', '.join(ULTIMATE_KEYS)}")
        if hhv is not None:
            raise ValueError("hhv is computed from formation enthalpies for a gaseous fuel; "
                             "do not pass hhv with gas species")
        if phase not in (None, "gas"):
            raise ValueError(f"phase of a fuel given by gas species must be 'gas'; got {phase!r}")
        if unit is not None:
            check_choice("unit", unit, GAS_UNITS)
        x, note = _normalise_gas(fractions, unit)
        f = cls._from_gas(x, basis or "mole", name)
        if note:
            object.__setattr__(f, "info", dict(f.info, composition_note=note))
        return f

    @classmethod
    def _from_gas(cls, fractions, basis, name) -> "Fuel":
        x = _check_sum(fractions, "gas fuel")
        if basis == "mass":
            n = {s: v / gas.MOLAR_MASS[gas.species_index(s)] for s, v in x.items()}
            tot = sum(n.values())
            x = {s: v / tot for s, v in n.items()}
        x = {s: v for s, v in x.items() if v > 0.0}
        m_mix = sum(v * gas.MOLAR_MASS[gas.species_index(s)] for s, v in x.items())
        el = {"C": 0.0, "H": 0.0, "O": 0.0, "N": 0.0, "S": 0.0, "Ar": 0.0}
        h_react = 0.0
        T0 = K.T_REFERENCE
        for s, v in x.items():
            i = gas.species_index(s)
            for e, c in gas.COMPOSITION[gas.SPECIES[i]].items():
                el[e] += v * c
            h_react += v * gas.h_molar(T0, gas.COEFFS[i])
        o2st = el["C"] + el["H"] / 4 + el["S"] - el["O"] / 2

        def h(sp):
            return gas.h_molar(T0, gas.COEFFS[gas.species_index(sp)])

        h_react += o2st * h("O2")
        h_prod = el["C"] * h("CO2") + el["H"] / 2 * h("H2O") + el["S"] * h("SO2") \
            + el["N"] / 2 * h("N2") + el["Ar"] * h("AR")
        lhv = (h_react - h_prod) / m_mix
        # only water formed by combustion condenses into the HHV (ISO 6976:2016, 3.1)
        formed_water = el["H"] / 2 - x.get("H2O", 0.0)
        hhv = lhv + formed_water * LATENT_HEAT_WATER_MOLAR / m_mix
        mass = {"C": el["C"] * ATOMIC_MASS["C"] / m_mix, "H": el["H"] * ATOMIC_MASS["H"] / m_mix,
                "O": el["O"] * ATOMIC_MASS["O"] / m_mix, "N": el["N"] * ATOMIC_MASS["N"] / m_mix,
                "S": el["S"] * ATOMIC_MASS["S"] / m_mix, "Ar": el["Ar"] * ATOMIC_MASS["Ar"] / m_mix,
                "H2O": 0.0, "ash": 0.0}
        if not (lhv > 0.0):
            raise ValueError(f"gas fuel {name!r} releases no heat (LHV = {float(lhv)!r} J/kg); check the composition")
        return cls(name=name, phase="gas", mass_fractions=mass, hhv=hhv, lhv=lhv,
                   mole_fractions=dict(x),
                   hhv_method="NASA-7 formation enthalpies at 25 C (Cantera nasa_gas.yaml)")

    @classmethod
    def _from_ultimate(cls, fractions, name, phase, hhv) -> "Fuel":
        check_choice("phase", phase, ("solid", "liquid"))
        w = {k: 0.0 for k in ULTIMATE_KEYS}
        w.update(_check_sum(fractions, "ultimate analysis"))
        if hhv is None:
            hhv = channiwala_parikh_hhv(w["C"], w["H"], w["O"], w["N"], w["S"], w["ash"])
            method = "Channiwala & Parikh (2002) eq. 7"
        else:
            hhv = as_float("hhv", hhv, "J/kg")
            method = "given"
        water_mol = w["H"] / (2 * ATOMIC_MASS["H"]) + w["H2O"] / _M_H2O
        lhv = hhv - water_mol * LATENT_HEAT_WATER_MOLAR
        return cls(name=name, phase=phase, mass_fractions=w, hhv=hhv, lhv=lhv, hhv_method=method)

    # ------------------------------------------------------------------ stoichiometry
    @property
    def vector(self) -> np.ndarray:
        """Fuel vector of the kernels (read-only; layout kernels.F_*)."""
        return self._fv

    @property
    def molar_mass(self) -> float | None:
        """Mean molar mass of a gaseous fuel [kg/mol]; None for solids and liquids."""
        if self.mole_fractions is None:
            return None
        return sum(v * gas.MOLAR_MASS[gas.species_index(s)] for s, v in self.mole_fractions.items())

    @property
    def stoichiometric_o2(self) -> float:
        """Oxygen for complete combustion [mol O2 / kg fuel]."""
        return float(K.stoichiometric_o2(self._fv))

    @property
    def stoichiometric_air(self) -> float:
        """Dry air for complete combustion [kg / kg fuel]."""
        air = combustion_air(0.0)
        return self.stoichiometric_o2 / air[K.A_O2] * dry_air_molar_mass()

    @property
    def co2_per_kg(self) -> float:
        """CO2 from complete combustion [kg CO2 / kg fuel] (carbon balance, all C oxidised)."""
        return float(self._fv[K.F_C]) * _M_CO2

    def co2_per_energy(self, basis: str = "lhv") -> float:
        """CO2 emission factor [kg CO2 / J] on the heating value ``basis`` ("lhv" = IPCC NCV basis)."""
        check_choice("basis", basis, HV_BASES)
        return self.co2_per_kg / (self.lhv if basis == "lhv" else self.hhv)

    def heating_value(self, basis: str) -> float:
        """HHV or LHV [J/kg]."""
        check_choice("basis", basis, HV_BASES)
        return self.hhv if basis == "hhv" else self.lhv

    @property
    def volume_per_kg(self) -> float | None:
        """Gas fuels: volume per kg at normal conditions (0 C, 101.325 kPa, ideal gas) [Nm3/kg]."""
        m = self.molar_mass
        return None if m is None else NORMAL_MOLAR_VOLUME / m

    # ------------------------------------------------------------------ flue-gas analysis
    def _fraction_to_excess(self, values, basis, air_humidity, species_code, name):
        b = check_choice("basis", basis, ANALYSER_BASES)
        air = combustion_air(air_humidity)
        arr = as_array(name, values)
        flat = np.ascontiguousarray(arr.ravel(), dtype=np.float64)
        out = np.empty_like(flat)
        bad = K.excess_air_array(self._fv, air, flat, species_code, b, out)
        if bad >= 0:
            v = float(flat[bad])
            if species_code == 0:
                hi = float(air[K.A_O2] if b == K.BASIS_DRY else K.o2_fraction(self._fv, air, 1e12, b))
                raise ValueError(f"{name} must be in [0, {hi:.5f}) (mole fraction, {basis} basis; "
                                 f"{hi:.5f} = O2 of the combustion air on that basis); got {v!r}")
            p0, p1, q0, q1 = K._linear_coefficients(self._fv, air, K.P_CO2, b)
            raise ValueError(f"{name} must be in ({p1 / q1:.5f}, {p0 / q0:.5f}] (mole fraction, {basis} "
                             f"basis: from the air's CO2 to the stoichiometric maximum of "
                             f"{self.name}); got {v!r}")
        return float(out[0]) if arr.ndim == 0 else out.reshape(arr.shape)

    def excess_air(self, o2, basis: str = "dry", air_humidity: float = 0.0):
        """Excess-air fraction [-] from the flue-gas O2 mole fraction [vec].

        o2 : O2 mole fraction in the flue gas, [0, O2 of air) on ``basis`` ("dry" as an
        extractive analyser reports it, or "wet" as an in-situ zirconia probe does).
        air_humidity : humidity ratio of the combustion air [kg water/kg dry air].
        Complete combustion is assumed (CO at ppm level does not change the result).
        """
        return self._fraction_to_excess(o2, basis, air_humidity, 0, "o2")

    def excess_air_from_co2(self, co2, basis: str = "dry", air_humidity: float = 0.0):
        """Excess-air fraction [-] from the flue-gas CO2 mole fraction [vec]."""
        return self._fraction_to_excess(co2, basis, air_humidity, 1, "co2")

    def flue_gas(self, excess_air: float, air_humidity: float = 0.0, co_dry: float = 0.0) -> "FlueGas":
        """Flue gas of complete combustion per kg of fuel at ``excess_air`` (fraction, >= 0).

        co_dry : CO mole fraction in the dry flue gas (unburned loss), default 0.
        """
        e = as_float("excess_air", excess_air)
        check_range("excess_air", e, 0.0, 100.0)
        co = check_range("co_dry", as_float("co_dry", co_dry), 0.0, 0.1)
        air = combustion_air(air_humidity)
        n = np.empty(K.N_PRODUCTS)
        dry_air = K.products(self._fv, air, e, co, n)
        if math.isnan(dry_air):
            raise ValueError(f"co_dry={co!r} needs more carbon than fuel {self.name!r} contains")
        moles = {s: float(v) for s, v in zip(K.PRODUCTS, n) if v > 0.0}
        m_dry_air = dry_air * dry_air_molar_mass()
        m_hum = dry_air * air[K.A_HUM] * gas.MOLAR_MASS[gas.species_index("H2O")]
        mass = float(n @ product_molar_masses())
        return FlueGas(fuel=self, excess_air=e, air_humidity=float(air_humidity), co_dry=co,
                       moles_per_kg_fuel=moles, mass_per_kg_fuel=mass,
                       dry_air_per_kg_fuel=m_dry_air, air_per_kg_fuel=m_dry_air + m_hum)

    def adiabatic_flame_temperature(self, excess_air: float = 0.0, air_temperature: float = 298.15,
                                    pressure: float = 101325.0, dissociation: bool = True,
                                    air_humidity: float = 0.0):
        """Adiabatic flame temperature [K] by Cantera equilibrium; see combustion.flame."""
        return adiabatic_flame(self, excess_air, air_temperature=air_temperature, pressure=pressure,
                               dissociation=dissociation, air_humidity=air_humidity).temperature


@dataclass(frozen=True, eq=False)
class FlueGas:
    """Flue gas per kilogram of fuel (complete combustion, optional CO).

    moles_per_kg_fuel [mol/kg], mass_per_kg_fuel [kg/kg], air_per_kg_fuel (moist air) and
    dry_air_per_kg_fuel [kg/kg]. Volumes are at NORMAL_CONDITIONS (0 C, 101.325 kPa).
    mass_balance_residual = 1 + air - flue gas - ash [kg/kg fuel] (about 1e-16).
    """

    fuel: Fuel
    excess_air: float
    air_humidity: float
    co_dry: float
    moles_per_kg_fuel: Mapping[str, float]
    mass_per_kg_fuel: float
    dry_air_per_kg_fuel: float
    air_per_kg_fuel: float

    @property
    def mole_fractions(self) -> dict:
        """Wet mole fractions."""
        tot = sum(self.moles_per_kg_fuel.values())
        return {s: v / tot for s, v in self.moles_per_kg_fuel.items()}

    @property
    def dry_mole_fractions(self) -> dict:
        dry = {s: v for s, v in self.moles_per_kg_fuel.items() if s != "H2O"}
        tot = sum(dry.values())
        return {s: v / tot for s, v in dry.items()}

    def _fraction(self, species, basis):
        check_choice("basis", basis, ANALYSER_BASES)
        x = self.mole_fractions if basis == "wet" else self.dry_mole_fractions
        return x.get(species, 0.0)

    def o2(self, basis: str = "dry") -> float:
        """O2 mole fraction on ``basis`` ("dry" or "wet")."""
        return self._fraction("O2", basis)

    def co2(self, basis: str = "dry") -> float:
        """CO2 mole fraction on ``basis``."""
        return self._fraction("CO2", basis)

    @property
    def moles(self) -> float:
        return sum(self.moles_per_kg_fuel.values())

    @property
    def volume_per_kg_fuel(self) -> float:
        """Wet flue gas [Nm3/kg fuel] at 0 C, 101.325 kPa (ideal gas)."""
        return self.moles * NORMAL_MOLAR_VOLUME

    @property
    def dry_volume_per_kg_fuel(self) -> float:
        """Dry flue gas [Nm3/kg fuel] at 0 C, 101.325 kPa."""
        return (self.moles - self.moles_per_kg_fuel.get("H2O", 0.0)) * NORMAL_MOLAR_VOLUME

    @property
    def mixture(self) -> gas.GasMixture:
        """The wet flue gas as a GasMixture (properties by NASA-7 kernels)."""
        return gas.GasMixture(self.mole_fractions)

    @property
    def co2_per_kg_fuel(self) -> float:
        """CO2 leaving [kg/kg fuel], combustion CO2 plus the air's CO2."""
        return self.moles_per_kg_fuel.get("CO2", 0.0) * _M_CO2

    @property
    def mass_balance_residual(self) -> float:
        return 1.0 + self.air_per_kg_fuel - self.mass_per_kg_fuel - self.fuel.mass_fractions.get("ash", 0.0)

    def enthalpy_per_kg_fuel(self, T: float) -> float:
        """Absolute enthalpy of the flue gas [J per kg fuel] at T [K] (formation included)."""
        T = check_range("T", as_float("T", T, "K"), 200.0, 6000.0, "K")
        n = np.array([self.moles_per_kg_fuel.get(s, 0.0) for s in K.PRODUCTS])
        return float(K.absolute_enthalpy(_ROWS, n, T))

    def water_partial_pressure(self, pressure: float = 101325.0) -> float:
        """Partial pressure of water vapour [Pa] at total ``pressure`` [Pa]."""
        p = check_range("pressure", as_float("pressure", pressure, "Pa"), 1e3, 1e7, "Pa")
        return self.mole_fractions.get("H2O", 0.0) * p

    def water_dew_point(self, pressure: float = 101325.0) -> float:
        """Water dew point [K]: IF97 saturation temperature at the water partial pressure."""
        return float(water_dew_point(self.water_partial_pressure(pressure)))

    def acid_dew_point(self, so3_conversion: float, pressure: float = 101325.0,
                       correlation: str = "verhoff_banchero") -> float:
        """Sulfuric-acid dew point [K] when ``so3_conversion`` of the SO2 is SO3 (fraction).

        No default conversion: it depends on fuel, excess air and catalytic ash (a few %
        of the SO2 is typical of oil- and coal-fired boilers) and must be stated per case.
        """
        c = check_range("so3_conversion", as_float("so3_conversion", so3_conversion), 0.0, 1.0,
                        low_inclusive=False)
        x = self.mole_fractions
        if x.get("SO2", 0.0) <= 0.0:
            raise ValueError(f"fuel {self.fuel.name!r} contains no sulfur: no acid dew point")
        p = as_float("pressure", pressure, "Pa")
        return float(acid_dew_point(x.get("H2O", 0.0) * p, c * x["SO2"] * p, correlation))
