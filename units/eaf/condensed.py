r"""Condensed-phase enthalpies for the EAF balance: metals, oxides and carbon in numba.

Each component (Fe, C, Si, Mn, FeO, SiO2, CaO, MgO, Al2O3, MnO) is a list of NASA
7-coefficient segments, one or more per phase, each valid on ``[T_low, T_high)``:

.. math::
    \frac{h^\circ}{RT} = a_1 + \frac{a_2 T}{2} + \frac{a_3 T^2}{3} + \frac{a_4 T^3}{4}
        + \frac{a_5 T^4}{5} + \frac{a_6}{T}

Enthalpies are absolute (formation-inclusive at 298.15 K), the reference of Cantera and
of :mod:`procsim.thermo.gas`, so a balance of absolute enthalpies contains the heats of
reaction (C -> CO, Fe -> FeO, Si -> SiO2, Mn -> MnO) without a separate term.

Data (``procsim/data/eaf_condensed_nasa7.csv``):

* Fe, C, Si, FeO, SiO2, CaO, MgO, Al2O3: Cantera's ``nasa_condensed.yaml`` (Cantera 3.2),
  i.e. B. J. McBride, S. Gordon, M. A. Reno, "Coefficients for Calculating Thermodynamic and
  Transport Properties of Individual Species", NASA TM-4513 (1993), fitted to the JANAF
  tables (M. W. Chase, NIST-JANAF Thermochemical Tables, 4th ed., J. Phys. Chem. Ref. Data
  Monograph 9, 1998) as each row's ``note`` says. The NASA-9 rows of Fe(alpha) have
  a1 = a2 = 0 and are therefore NASA-7 polynomials (a3..a9 -> a1..a7).
* Mn, MnO: not in the NASA condensed set. Constant-cp segments built from the 298.15 K
  values of D. D. Wagman et al., "The NBS tables of chemical thermodynamic properties",
  J. Phys. Chem. Ref. Data 11, Suppl. 2 (1982): Mn(cr, alpha) c_p = 26.32 J/(mol K);
  MnO(cr) Delta_f H = -385.22 kJ/mol, c_p = 45.44 J/(mol K). Constant c_p understates the
  sensible heat above ~1000 K and leaves out the fusion of Mn (12.9 kJ/mol); with Mn
  <= 1 % of the metal this is below 0.2 % of the melting energy (documented limit).

Phase selection (int codes in :data:`PHASE_MODES`):

``"stable"``  the segment whose range contains T (the phase NASA/JANAF take as stable
              for the pure substance); below the first range the first segment and above
              the last the last segment are extrapolated (e.g. 298.15 K for FeO whose fit
              starts at 300 K).
``"liquid"``  the liquid segments, extrapolated below the melting point (supercooled
              liquid). Used for liquid steel and hot metal, whose liquidus lies below the
              melting point of pure Fe (1809 K); Fe(L) has constant c_p in NASA/JANAF, so
              the extrapolation is linear in T. Components without a liquid segment (C,
              Mn, MnO) use their only segments.
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
from numba import njit

from procsim.thermo.gas import GAS_CONSTANT

__all__ = [
    "COMPONENTS", "PHASE_MODES", "SEGMENTS", "COMPONENT_SEGMENTS", "COMPONENT_MOLAR_MASS",
    "component_index", "h_condensed", "h_condensed_mixture", "T_from_h_condensed",
    "export_condensed_data", "DATA_FILE", "CondensedMixture",
]

COMPONENTS = ("Fe", "C", "Si", "Mn", "FeO", "SiO2", "CaO", "MgO", "Al2O3", "MnO")
PHASE_MODES = {"stable": 0, "liquid": 1}
DATA_FILE = Path(__file__).resolve().parents[2] / "procsim" / "data" / "eaf_condensed_nasa7.csv"

#: component -> (phase label, Cantera species name, is_liquid) in increasing temperature order
_CANTERA_PHASES = {
    "Fe": (("alpha", "Fe(a)", 0), ("gamma", "Fe(c)", 0), ("delta", "Fe(d)", 0), ("liquid", "Fe(L)", 1)),
    "C": (("graphite", "C(gr)", 0),),
    "Si": (("crystal", "Si(cr)", 0), ("liquid", "Si(L)", 1)),
    "FeO": (("solid", "FeO(s)", 0), ("liquid", "FeO(L)", 1)),
    "SiO2": (("low_quartz", "SiO2(Lqz)", 0), ("high_quartz", "SiO2(hqz)", 0), ("liquid", "SiO2(L)", 1)),
    "CaO": (("solid", "CaO(s)", 0), ("liquid", "CaO(L)", 1)),
    "MgO": (("solid", "MgO(s)", 0), ("liquid", "MgO(L)", 1)),
    "Al2O3": (("alpha", "AL2O3(a)", 0), ("liquid", "AL2O3(L)", 1)),
}
_NBS = "Wagman et al., NBS tables of chemical thermodynamic properties, J. Phys. Chem. Ref. Data 11 Suppl. 2 (1982)"
#: constant-cp components: (cp J/(mol K), Delta_f H(298.15) J/mol, elements); molar masses
#: from Cantera's element weights (IUPAC), the same weights as every other species here.
_CONSTANT_CP = {
    "Mn": (26.32, 0.0, {"Mn": 1}),
    "MnO": (45.44, -385.22e3, {"Mn": 1, "O": 1}),
}


def export_condensed_data(path=DATA_FILE) -> None:
    """Write ``eaf_condensed_nasa7.csv`` from Cantera's ``nasa_condensed.yaml`` and the NBS values.

    The test suite regenerates the table in memory and checks that the file is identical.
    """
    rows = _build_rows()
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["component", "phase", "species", "liquid", "T_low", "T_high", "a1", "a2", "a3",
                    "a4", "a5", "a6", "a7", "molar_mass", "source"])
        for r in rows:
            w.writerow([r[0], r[1], r[2], r[3]] + [repr(float(v)) for v in r[4:14]] + [r[14]])


def _build_rows():
    import cantera as ct
    import yaml

    path = Path(ct.__file__).parent / "data" / "nasa_condensed.yaml"
    raw = {s["name"]: s for s in yaml.safe_load(path.read_text())["species"]}
    mw = {s.name: s.molecular_weight / 1000.0 for s in ct.Species.list_from_file("nasa_condensed.yaml")}
    rows = []
    for comp in COMPONENTS:
        if comp in _CONSTANT_CP:
            cp, dhf, elements = _CONSTANT_CP[comp]
            mm = sum(n * ct.Element(e).weight for e, n in elements.items()) / 1000.0
            a1 = cp / GAS_CONSTANT
            a6 = (dhf - cp * 298.15) / GAS_CONSTANT
            rows.append((comp, "solid", comp, 0, 200.0, 6000.0, a1, 0.0, 0.0, 0.0, 0.0, a6, 0.0, mm,
                         f"constant cp from {_NBS}"))
            continue
        for phase, name, liquid in _CANTERA_PHASES[comp]:
            th = raw[name]["thermo"]
            ranges = [float(t) for t in th["temperature-ranges"]]
            note = str(th.get("note", "")).split(";")[0].strip()
            src = f"Cantera {ct.__version__} nasa_condensed.yaml {name} (McBride, Gordon & Reno, NASA TM-4513, 1993; {note})"
            for k, coeffs in enumerate(th["data"]):
                c = [float(v) for v in coeffs]
                if th["model"] == "NASA9":
                    if c[0] != 0.0 or c[1] != 0.0:
                        raise ValueError(f"{name}: NASA-9 row with T^-2/T^-1 terms cannot be written as NASA-7")
                    c = c[2:]
                rows.append((comp, phase, name, liquid, ranges[k], ranges[k + 1], *c, mw[name], src))
    return rows


@lru_cache(maxsize=1)
def _load():
    # read-only data parsed once from the package file (the file is the single source)
    with open(DATA_FILE, newline="") as fh:
        rows = list(csv.DictReader(fh))
    seg = np.empty((len(rows), 9))
    liquid = np.empty(len(rows), dtype=np.int64)
    comp_seg = np.full((len(COMPONENTS), 4), -1, dtype=np.int64)
    molar = np.empty(len(COMPONENTS))
    for i, r in enumerate(rows):
        c = COMPONENTS.index(r["component"])
        seg[i, 0] = float(r["T_low"])
        seg[i, 1] = float(r["T_high"])
        seg[i, 2:9] = [float(r[f"a{k}"]) for k in range(1, 8)]
        liquid[i] = int(r["liquid"])
        if comp_seg[c, 0] < 0:
            comp_seg[c, 0] = i
        comp_seg[c, 1] = i + 1
        if liquid[i] and comp_seg[c, 2] < 0:
            comp_seg[c, 2] = i
        if liquid[i]:
            comp_seg[c, 3] = i + 1
        molar[c] = float(r["molar_mass"])
    for c in range(len(COMPONENTS)):
        if comp_seg[c, 2] < 0:  # no liquid phase in the data: the liquid mode uses every segment
            comp_seg[c, 2] = comp_seg[c, 0]
            comp_seg[c, 3] = comp_seg[c, 1]
    for a in (seg, comp_seg, molar):
        a.setflags(write=False)
    return seg, comp_seg, molar


SEGMENTS, COMPONENT_SEGMENTS, COMPONENT_MOLAR_MASS = _load()
"""SEGMENTS: (n, 9) [T_low, T_high, a1..a7]; COMPONENT_SEGMENTS: (n_comp, 4) int
[first, end) of all segments and [first, end) of the liquid segments; COMPONENT_MOLAR_MASS kg/mol."""


def component_index(name: str) -> int:
    """Index of a condensed component in :data:`COMPONENTS`."""
    try:
        return COMPONENTS.index(name)
    except ValueError:
        raise ValueError(f"unknown condensed component {name!r}; known: {', '.join(COMPONENTS)}") from None


# ----------------------------------------------------------------------------- kernels
@njit(cache=True)
def _segment(T, c, mode, comp_seg, seg):
    """Row of SEGMENTS used for component c at T in phase mode (0 stable, 1 liquid)."""
    if mode == 1:
        first = comp_seg[c, 2]
        end = comp_seg[c, 3]
    else:
        first = comp_seg[c, 0]
        end = comp_seg[c, 1]
    for k in range(first, end):
        if T < seg[k, 1]:
            return k
    return end - 1


@njit(cache=True)
def h_condensed(T, c, mode, comp_seg, seg):
    """Absolute molar enthalpy [J/mol] of condensed component ``c`` at T [K] (see module notes)."""
    k = _segment(T, c, mode, comp_seg, seg)
    return GAS_CONSTANT * (T * (seg[k, 2] + T * (seg[k, 3] / 2.0 + T * (seg[k, 4] / 3.0 + T * (
        seg[k, 5] / 4.0 + T * seg[k, 6] / 5.0)))) + seg[k, 7])


@njit(cache=True)
def h_condensed_mixture(T, moles, mode, comp_seg, seg):
    """Absolute enthalpy [J] of a condensed material: sum of n_c h_c(T) (no heat of mixing)."""
    h = 0.0
    for c in range(moles.size):
        if moles[c] != 0.0:
            h += moles[c] * h_condensed(T, c, mode, comp_seg, seg)
    return h


@njit(cache=True)
def T_from_h_condensed(H, moles, mode, comp_seg, seg, T_lo, T_hi):
    """Temperature [K] in [T_lo, T_hi] at which the material enthalpy equals H [J]; NaN if outside.

    Bisection: the enthalpy is continuous and increasing in T within a phase and jumps up at
    a phase change (latent heat), so bisection converges to the transition temperature when H
    falls inside a latent-heat step.
    """
    f_lo = h_condensed_mixture(T_lo, moles, mode, comp_seg, seg) - H
    f_hi = h_condensed_mixture(T_hi, moles, mode, comp_seg, seg) - H
    if not (f_lo <= 0.0 <= f_hi):
        return math.nan
    lo = T_lo
    hi = T_hi
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if h_condensed_mixture(mid, moles, mode, comp_seg, seg) - H > 0.0:
            hi = mid
        else:
            lo = mid
        if hi - lo <= 1e-10 * hi:
            break
    return 0.5 * (lo + hi)


class CondensedMixture:
    r"""A condensed-phase material (scrap, hot metal, DRI, lime, slag, liquid steel) for streams.

    Implements the material interface of :mod:`procsim.thermo.material` (``kind`` is
    ``"condensed"``): absolute, formation-inclusive specific enthalpy on the same reference
    as the ideal-gas mixtures (elements at 298.15 K, NASA-7/JANAF), so a furnace's charge,
    slag, steel and off-gas streams balance on one enthalpy scale.

    .. math:: h(T) = \sum_c n_c\,h_c(T) \quad [J/kg], \qquad n_c \text{ in mol per kg}

    Parameters
    ----------
    moles_per_kg : moles of each of :data:`COMPONENTS` per kg of material [mol/kg]
    mode : phase selection, :data:`PHASE_MODES` ("stable": the stable phase at T, so melting
        is included; "liquid": every component liquid, e.g. steel at tap)
    label : a short name for messages and reports
    source_material : optional object the stream came from (the furnace's charge Material)

    Notes
    -----
    Entropy is not carried (the condensed data here are enthalpy fits used for energy
    balances): ``s_pT`` gives NaN and the isentropic calls raise ValueError. Pressure does not
    enter (incompressible condensed phases; the :math:`v\,dp` term of a few J/kg is neglected).
    """

    kind = "condensed"
    critical_pressure = math.inf

    def __init__(self, moles_per_kg, mode="stable", label="condensed", source_material=None):
        v = np.ascontiguousarray(moles_per_kg, dtype=float)
        if v.shape != (len(COMPONENTS),) or not np.all(v >= 0.0) or not v.sum() > 0.0:
            raise ValueError(f"moles_per_kg must be {len(COMPONENTS)} non-negative values, not all 0; got {v!r}")
        mass = float(v @ COMPONENT_MOLAR_MASS)
        if not abs(mass - 1.0) <= 1e-9:
            raise ValueError(f"moles_per_kg must describe 1 kg (sum n_c M_c = 1); got {mass!r} kg")
        if mode not in PHASE_MODES:
            raise ValueError(f"mode must be one of {', '.join(PHASE_MODES)}; got {mode!r}")
        v.setflags(write=False)
        self.moles_per_kg = v
        self.mode = mode
        self.label = label
        self.source_material = source_material

    @classmethod
    def from_moles(cls, moles, mode="stable", label="condensed", source_material=None):
        """From absolute component moles (any amount): normalised to 1 kg."""
        v = np.asarray(moles, dtype=float)
        return cls(v / float(v @ COMPONENT_MOLAR_MASS), mode, label, source_material)

    def __eq__(self, other):
        return isinstance(other, CondensedMixture) and self.mode == other.mode and \
            np.array_equal(self.moles_per_kg, other.moles_per_kg)

    def __hash__(self):
        return hash((self.mode, self.moles_per_kg.tobytes()))

    def __repr__(self):
        comp = ", ".join(f"{COMPONENTS[i]}: {self.moles_per_kg[i] * COMPONENT_MOLAR_MASS[i]:.4g}"
                         for i in np.flatnonzero(self.moles_per_kg))
        return f"CondensedMixture({self.label!r}, mass fractions {{{comp}}}, mode={self.mode!r})"

    @property
    def mass_fractions(self) -> dict:
        return {COMPONENTS[i]: float(self.moles_per_kg[i] * COMPONENT_MOLAR_MASS[i])
                for i in np.flatnonzero(self.moles_per_kg)}

    def _map(self, T, fn):
        Ta = np.asarray(T, dtype=float)
        out = np.array([fn(float(t)) for t in Ta.ravel()])
        return float(out[0]) if Ta.ndim == 0 else out.reshape(Ta.shape)

    def h_pT(self, p, T):
        """Specific enthalpy [J/kg] at T [K] (p does not enter)."""
        mode = PHASE_MODES[self.mode]
        return self._map(T, lambda t: h_condensed_mixture(t, self.moles_per_kg, mode, COMPONENT_SEGMENTS,
                                                          SEGMENTS))

    def T_ph(self, p, h):
        """Temperature [K] at specific enthalpy h [J/kg], in 200-5000 K (bisection across latent
        steps, :func:`T_from_h_condensed`)."""
        mode = PHASE_MODES[self.mode]

        def one(hh):
            t = T_from_h_condensed(hh, self.moles_per_kg, mode, COMPONENT_SEGMENTS, SEGMENTS, 200.0, 5000.0)
            if math.isnan(t):
                raise ValueError(f"h={hh!r} J/kg of {self.label} lies outside 200-5000 K")
            return t

        return self._map(h, one)

    def cp_pT(self, p, T):
        """Isobaric specific heat [J/(kg K)]: centred difference of h over +-0.01 K."""
        return self._map(T, lambda t: (self.h_pT(p, t + 0.01) - self.h_pT(p, t - 0.01)) / 0.02)

    def s_pT(self, p, T):
        """NaN: entropy is not carried for condensed mixtures (see class notes)."""
        return self._map(T, lambda t: math.nan)

    def s_ph(self, p, h):
        return self._map(h, lambda t: math.nan)

    def T_ps(self, p, s):
        raise ValueError(f"{self.label}: condensed mixtures carry no entropy; (p, s) states are not defined")

    h_ps = T_ps

    def saturation_enthalpies(self, p) -> tuple:
        return ()

    def saturation_temperature(self, p) -> float:
        return math.nan

    def mixed(self, parts):
        """Mass-weighted mixture of condensed parts of the same phase mode."""
        moles = np.zeros(len(COMPONENTS))
        total = 0.0
        for mat, m in parts:
            if getattr(mat, "kind", None) != "condensed" or mat.mode != self.mode:
                raise ValueError(f"{self!r} cannot be mixed with {mat!r}")
            moles += m * mat.moles_per_kg
            total += m
        return self if not total > 0.0 else CondensedMixture(moles / total, self.mode, self.label)
