"""Real fluids from CoolProp: exact states, and (``Fluid.table``) tabulated numba kernels.

Water and steam use IAPWS-IF97 by default, the industrial formulation behind steam
tables and the tools plant engineers compare against (CoolProp backend ``"IF97"``);
IAPWS-95 is selected with ``Fluid("Water", backend="HEOS")``. Every other fluid uses
CoolProp's Helmholtz-energy equations of state (``"HEOS"``).

References
----------
* I. H. Bell, J. Wronski, S. Quoilin, V. Lemort, "Pure and Pseudo-pure Fluid
  Thermophysical Property Evaluation and the Open-Source Thermophysical Property
  Library CoolProp", Ind. Eng. Chem. Res. 53 (2014) 2498-2508, doi:10.1021/ie4033999.
* IAPWS R7-97(2012), Revised Release on the IAPWS Industrial Formulation 1997 for the
  Thermodynamic Properties of Water and Steam.
* IAPWS R6-95(2018), Revised Release on the IAPWS Formulation 1995 for the
  Thermodynamic Properties of Ordinary Water Substance for General and Scientific Use.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import CoolProp.CoolProp as CP
import numpy as np

from procsim.thermo import if97_region3
from procsim.thermo.coolprop_backend import coolprop_version

from procsim.validation import as_float, check_fraction, check_positive, check_range, check_temperature

__all__ = ["Fluid", "FluidState", "BACKENDS", "coolprop_version"]

#: Backends a caller may select. IF97 exists only for water; INCOMP holds CoolProp's
#: incompressible liquids (heat-transfer oils such as "T66", brines), which have no
#: saturation dome: their states are always liquid.
BACKENDS = ("IF97", "HEOS", "INCOMP")

#: Ambient reference for exergy [K, Pa]: 25 degC, 1 atm (standard reference state,
#: Bejan, Tsatsaronis & Moran, Thermal Design and Optimization, Wiley 1996, sec. 3.1).
DEAD_STATE_T = 298.15
DEAD_STATE_P = 101325.0


_WATER_ALIASES = {"water", "h2o", "steam", "if97::water", "heos::water"}


@dataclass(frozen=True)
class FluidState:
    """One equilibrium state of a real fluid (SI).

    Attributes
    ----------
    T : temperature [K]
    p : pressure [Pa, absolute]
    h : specific enthalpy [J/kg] (CoolProp reference state of the fluid)
    s : specific entropy [J/(kg K)]
    rho : density [kg/m3]
    x : vapour quality [-]: in [0, 1] inside the two-phase dome. Outside it, below the
        critical pressure, the *equilibrium quality* (h - h_l)/(h_v - h_l): negative for
        subcooled liquid, above 1 for superheated vapour. NaN above the critical pressure,
        where no saturation exists.
    phase : "liquid", "two_phase", "vapour" or "supercritical"
    """

    T: float
    p: float
    h: float
    s: float
    rho: float
    x: float
    phase: str


_PHASE_NAMES = {
    CP.iphase_liquid: "liquid",
    CP.iphase_gas: "vapour",
    CP.iphase_twophase: "two_phase",
    CP.iphase_supercritical: "supercritical",
    CP.iphase_supercritical_gas: "supercritical",
    CP.iphase_supercritical_liquid: "supercritical",
}


class Fluid:
    """A pure (or pseudo-pure) real fluid evaluated by CoolProp.

    Parameters
    ----------
    name : CoolProp fluid name ("Water", "R245fa", "Isopentane", "R1233zd(E)", ...)
    backend : "IF97" (water only; the default for water) or "HEOS" (default otherwise)

    Examples
    --------
    >>> w = Fluid("Water")
    >>> round(w.state(p=1.0e6, x=1.0).T, 3)      # saturation temperature at 10 bar(a)
    453.036
    """

    def __init__(self, name: str, backend: str | None = None):
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"fluid name must be a CoolProp fluid name; got {name!r}")
        if "::" in name and backend is None:
            backend, name = name.split("::", 1)
            backend = backend.upper()
        is_water = name.strip().lower() in _WATER_ALIASES and backend != "INCOMP"
        canonical = "Water" if is_water else name.strip()
        if backend is None:
            backend = "IF97" if is_water else "HEOS"
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}; got {backend!r}")
        if backend == "IF97" and not is_water:
            raise ValueError(f"backend 'IF97' is only defined for water; got fluid {name!r}")
        try:
            self._state = CP.AbstractState(backend, canonical)
        except ValueError as exc:
            raise ValueError(
                f"unknown fluid {name!r} for CoolProp backend {backend}: {exc}. "
                "Use a CoolProp fluid name such as 'Water', 'R245fa', 'Isopentane'."
            ) from None
        self.name = canonical
        self.backend = backend
        if backend == "INCOMP":
            # incompressible liquids: no critical point or saturation; CoolProp gives the
            # temperature range of the fit, pressure only enters through v dp.
            self.critical_temperature = math.inf
            self.critical_pressure = math.inf
            self.molar_mass = math.nan
            self.minimum_temperature = float(self._state.Tmin())
            self.maximum_temperature = float(self._state.Tmax())
            self.minimum_pressure = 1.0
            self.maximum_pressure = 1.0e8
            return
        # IF97 has no ancillary critical-point accessors for every build; read them from HEOS
        # constants when needed (IF97 uses the IAPWS-95 critical point, R7-97 eq. 1 notes).
        self.critical_temperature = float(self._state.T_critical())
        self.critical_pressure = float(self._state.p_critical())
        self.molar_mass = float(self._state.molar_mass())
        if backend == "IF97":
            # IF97 region limits (R7-97 sec. 4): 273.15 K <= T <= 1073.15 K for p <= 100 MPa
            # (region 5 to 2273.15 K at p <= 50 MPa); p down to the triple-point pressure.
            self.minimum_temperature = 273.15
            self.maximum_temperature = 2273.15
            self.maximum_pressure = 100.0e6
            self.minimum_pressure = 611.657  # triple-point pressure, IAPWS R7-97
        else:
            self.minimum_temperature = float(self._state.Tmin())
            self.maximum_temperature = float(self._state.Tmax())
            self.maximum_pressure = float(self._state.pmax())
            self.minimum_pressure = float(self._state.trivial_keyed_output(CP.iP_triple))

    def __repr__(self) -> str:
        return f"Fluid({self.name!r}, backend={self.backend!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Fluid) and (self.name, self.backend) == (other.name, other.backend)

    def __hash__(self) -> int:
        return hash((self.name, self.backend))

    # ------------------------------------------------------------------ exact states
    def state(self, *, p: float | None = None, T: float | None = None, h: float | None = None,
              s: float | None = None, x: float | None = None) -> FluidState:
        """Exact equilibrium state from two of ``p, T, h, s, x`` (SI; p absolute).

        Supported pairs: (p, T), (p, h), (p, s), (p, x), (T, x), (h, s) where CoolProp
        supports it. Raises ``ValueError`` naming the inputs when CoolProp cannot solve.
        """
        given = {k: v for k, v in (("p", p), ("T", T), ("h", h), ("s", s), ("x", x)) if v is not None}
        if len(given) != 2:
            raise ValueError(f"state() needs exactly two of p, T, h, s, x; got {sorted(given)}")
        if "p" in given:
            check_positive("p", given["p"], "Pa")
            self._check_pressure(as_float("p", given["p"], "Pa"))
        if "T" in given:
            check_positive("T", given["T"], "K")
            if self.backend != "INCOMP":  # incompressible fits check their range below
                # the equation of state's own validity range (CoolProp Tmin/Tmax; IF97 regions)
                check_temperature("T", given["T"], self.minimum_temperature, self.maximum_temperature,
                                  f"{self.name} {self.backend} range")
        if "x" in given:
            check_fraction("x", given["x"])
        keys = frozenset(given)
        pairs = {
            frozenset("pT"): (CP.PT_INPUTS, "p", "T"),
            frozenset("ph"): (CP.HmassP_INPUTS, "h", "p"),
            frozenset("ps"): (CP.PSmass_INPUTS, "p", "s"),
            frozenset("px"): (CP.PQ_INPUTS, "p", "x"),
            frozenset("Tx"): (CP.QT_INPUTS, "x", "T"),
            frozenset("hs"): (CP.HmassSmass_INPUTS, "h", "s"),
        }
        if keys not in pairs:
            raise ValueError(f"state() does not support the input pair {sorted(keys)}; "
                             f"use one of (p,T), (p,h), (p,s), (p,x), (T,x), (h,s)")
        code, a, b = pairs[keys]
        va = as_float(a, given[a])
        vb = as_float(b, given[b])
        if self.backend == "IF97" and keys in (frozenset("ph"), frozenset("ps")):
            return self._if97_forward_consistent(given["p"], "h" if "h" in given else "s",
                                                 given["h" if "h" in given else "s"])
        if self.backend == "INCOMP" and ("x" in keys):
            raise ValueError(f"{self.name} (INCOMP) is an incompressible liquid: it has no vapour quality")
        if self.backend == "INCOMP" and "T" in given:
            check_range("T", given["T"], self.minimum_temperature, self.maximum_temperature, "K")
        if keys == frozenset("pT") and self._is_on_saturation(va, vb):
            raise ValueError(
                f"(p={va!r} Pa, T={vb!r} K) lies on the saturation curve of {self.name}: "
                "the state is not defined by p and T; give h, s or x instead")
        try:
            if self.backend == "IF97" and keys == frozenset("pT"):
                return self._if97_state_pT(va, vb)
            self._state.update(code, va, vb)
        except (ValueError, IndexError, RuntimeError) as exc:
            raise ValueError(f"CoolProp ({self.backend}) cannot evaluate {self.name} at "
                             f"{a}={va!r}, {b}={vb!r}: {exc}") from None
        return self._snapshot()

    def saturation(self, *, p: float | None = None, T: float | None = None):
        """Saturated liquid and vapour states ``(liquid, vapour)`` at ``p`` or ``T``."""
        if (p is None) == (T is None):
            raise ValueError("saturation() needs exactly one of p or T")
        if p is not None:
            p = as_float("p", p, "Pa")
            if not (p < self.critical_pressure):
                raise ValueError(f"p must be < the critical pressure {self.critical_pressure:g} Pa "
                                 f"of {self.name} for saturation; got {p!r} Pa")
            return self.state(p=p, x=0.0), self.state(p=p, x=1.0)
        T = as_float("T", T, "K")
        if not (T < self.critical_temperature):
            raise ValueError(f"T must be < the critical temperature {self.critical_temperature:g} K "
                             f"of {self.name} for saturation; got {T!r} K")
        return self.state(T=T, x=0.0), self.state(T=T, x=1.0)

    def _if97_forward_consistent(self, p: float, key: str, value: float) -> FluidState:
        """IF97 state from (p, h) or (p, s) that satisfies the *forward* equations exactly.

        CoolProp's IF97 backend answers (p, h) and (p, s) with the IF97 backward equations
        T(p, h), T(p, s), which are only consistent with the forward equations within
        +-25 mK in region 1 and +-10 mK in region 2 (IAPWS R7-97(2012), sec. 5.2.1 and 6.3.1);
        its h is then re-evaluated at that T and differs from the input (about 90 J/kg at
        1 MPa, 450 K). Energy balances need h returned exactly, so the backward temperature
        is only the start of a Newton iteration on the forward equation at fixed p
        (dh/dT = cp, ds/dT = cp/T) to 1e-12 relative; inside the dome the state is set from
        the saturation values by the lever rule.
        """
        st = self._state
        p = float(p)
        value = float(value)
        getter = st.hmass if key == "h" else st.smass
        code = CP.HmassP_INPUTS if key == "h" else CP.PSmass_INPUTS
        t_lo, t_hi = self.minimum_temperature, 1073.15  # IF97 regions 1-3 (R7-97 sec. 4)
        if p < self.critical_pressure:
            st.update(CP.PQ_INPUTS, p, 0.0)
            f_l, t_sat = getter(), st.T()
            st.update(CP.PQ_INPUTS, p, 1.0)
            f_v = getter()
            if f_l <= value <= f_v:
                x = (value - f_l) / (f_v - f_l)
                st.update(CP.PQ_INPUTS, p, x)
                return self._snapshot()
            # the root lies on one side of the dome: keep the iteration there, because a
            # forward (p, T) evaluation across T_sat jumps to the other phase
            edge = t_sat * 1e-12
            pick = 0 if key == "h" else 1
            if value > f_v:
                t_lo = t_sat + edge
                if value <= self._if97_pT(p, t_lo)[pick]:   # within rounding of saturated vapour
                    st.update(CP.PQ_INPUTS, p, 1.0)
                    return self._snapshot()
            else:
                t_hi = t_sat - edge
                if value >= self._if97_pT(p, t_hi)[pick]:   # within rounding of saturated liquid
                    st.update(CP.PQ_INPUTS, p, 0.0)
                    return self._snapshot()
        try:
            if key == "h":
                st.update(code, value, p)
            else:
                st.update(code, p, value)
            T = st.T()
        except (ValueError, IndexError, RuntimeError):
            # some backward equations are missing near the critical region: bracket instead
            T = self._if97_bracket(p, value, key)
        # Newton on the forward equation, safeguarded by the bracket [t_lo, t_hi]
        for _ in range(100):
            T = min(max(T, t_lo), t_hi)
            h_T, s_T, _, cp_T = self._if97_pT(p, T)
            r = (h_T if key == "h" else s_T) - value
            if r > 0.0:
                t_hi = T
            else:
                t_lo = T
            slope = cp_T if key == "h" else cp_T / T
            T_new = T - r / slope
            if not (t_lo <= T_new <= t_hi):
                T_new = 0.5 * (t_lo + t_hi)
            if abs(T_new - T) <= 1e-12 * T:
                T = T_new
                break
            T = T_new
        else:
            raise ValueError(f"IF97 forward iteration for {self.name} at p={p!r} Pa, "
                             f"{key}={value!r} did not converge")
        return self._if97_state_pT(p, T)

    def _if97_pT(self, p: float, T: float) -> tuple[float, float, float, float]:
        """(h, s, rho, cp) of water at (p, T) on the IF97 forward equations.

        Regions 1, 2 and 5 come from CoolProp's IF97 backend, which evaluates them forward.
        In region 3 that backend uses the backward equations v(p, T) (about 1e-5 in v);
        there the density is solved from the region-3 Helmholtz equation instead
        (:mod:`procsim.thermo.if97_region3`), starting from CoolProp's value.
        """
        st = self._state
        st.update(CP.PT_INPUTS, p, T)
        if if97_region3.in_region3(p, T):
            rho = if97_region3.density_from_pT(p, T, st.rhomass())
            if rho == rho:
                out = np.empty(4)
                if97_region3.properties(rho, T, out)
                return float(out[1]), float(out[2]), float(rho), float(out[3])
        return st.hmass(), st.smass(), st.rhomass(), st.cpmass()

    def _if97_state_pT(self, p: float, T: float) -> FluidState:
        h, s, rho, _ = self._if97_pT(p, T)
        if not if97_region3.in_region3(p, T):
            return self._snapshot()
        if p < self.critical_pressure:
            x = self._equilibrium_quality(p, h)
            phase = "liquid" if x < 0.0 else ("vapour" if x > 1.0 else "two_phase")
        else:
            x, phase = math.nan, "supercritical"
        return FluidState(T=float(T), p=float(p), h=h, s=s, rho=rho, x=float(x), phase=phase)

    def _if97_bracket(self, p: float, value: float, key: str) -> float:
        """Start temperature for the forward iteration by bisection over the IF97 range."""
        lo, hi = self.minimum_temperature, 1073.15

        pick = 0 if key == "h" else 1

        def resid(T):
            return self._if97_pT(p, T)[pick] - value

        r_lo, r_hi = resid(lo), resid(hi)
        if not (r_lo <= 0.0 <= r_hi):
            raise ValueError(f"{key}={value!r} is outside the IF97 range of {self.name} at "
                             f"p={p!r} Pa (273.15-1073.15 K)")
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            if resid(mid) > 0.0:
                hi = mid
            else:
                lo = mid
            if hi - lo < 1e-3:
                break
        return 0.5 * (lo + hi)

    def _check_pressure(self, p: float) -> None:
        if not (self.minimum_pressure * 0.999 <= p <= self.maximum_pressure):
            raise ValueError(f"p must be in [{self.minimum_pressure:g}, {self.maximum_pressure:g}] Pa "
                             f"for {self.name} ({self.backend}); got {p!r} Pa")

    def _is_on_saturation(self, p: float, T: float) -> bool:
        if not (p < self.critical_pressure and T < self.critical_temperature):
            return False
        try:
            self._state.update(CP.PQ_INPUTS, p, 0.0)
        except ValueError:
            return False
        return abs(self._state.T() - T) < 1e-9 * T

    def _snapshot(self) -> FluidState:
        st = self._state
        T, p, h, s, rho = st.T(), st.p(), st.hmass(), st.smass(), st.rhomass()
        if self.backend == "INCOMP":
            return FluidState(T=float(T), p=float(p), h=float(h), s=float(s), rho=float(rho),
                              x=math.nan, phase="liquid")
        q = st.Q()
        if 0.0 <= q <= 1.0:
            phase = "two_phase"
            x = float(q)
        elif p < self.critical_pressure:
            # below the critical pressure the phase follows from the saturation enthalpies:
            # more robust than the backend's region flag a few ulps from the dome
            x = self._equilibrium_quality(p, h)
            phase = "liquid" if x < 0.0 else ("vapour" if x > 1.0 else "two_phase")
        else:
            x = math.nan
            phase = _PHASE_NAMES.get(st.phase(), "supercritical")
        return FluidState(T=float(T), p=float(p), h=float(h), s=float(s), rho=float(rho),
                          x=float(x), phase=phase)

    def _equilibrium_quality(self, p: float, h: float) -> float:
        st = self._state
        st.update(CP.PQ_INPUTS, p, 0.0)
        h_l = st.hmass()
        st.update(CP.PQ_INPUTS, p, 1.0)
        h_v = st.hmass()
        return (h - h_l) / (h_v - h_l)

    # ------------------------------------------------------------ derived helpers
    def cp(self, *, p: float, T: float) -> float:
        """Isobaric specific heat [J/(kg K)] in single phase."""
        st = self.state(p=p, T=T)  # validates and rejects states on the saturation line
        if st.phase == "two_phase":
            raise ValueError(f"cp is not defined in the two-phase region; got p={p!r} Pa, T={T!r} K")
        if self.backend == "IF97":
            return self._if97_pT(float(p), float(T))[3]
        self._state.update(CP.PT_INPUTS, float(p), float(T))
        return float(self._state.cpmass())

    # ------------------------------------------------ the material interface (procsim.thermo.material)
    #: Kind of material for :mod:`procsim.thermo.material` (kernel code MATERIAL_FLUID).
    kind = "fluid"

    @property
    def label(self) -> str:
        """Short name for messages and reports (the CoolProp name)."""
        return self.name

    def _map2(self, p, v, fn):
        pa, va = np.broadcast_arrays(np.asarray(p, dtype=float), np.asarray(v, dtype=float))
        if pa.ndim == 0:
            return fn(float(pa), float(va))
        return np.array([fn(float(a), float(b)) for a, b in zip(pa.ravel(), va.ravel())]).reshape(pa.shape)

    def h_pT(self, p, T):
        """Specific enthalpy [J/kg] at (p [Pa], T [K]), single phase [vec]."""
        return self._map2(p, T, lambda a, b: self.state(p=a, T=b).h)

    def s_pT(self, p, T):
        """Specific entropy [J/(kg K)] at (p [Pa], T [K]), single phase [vec]."""
        return self._map2(p, T, lambda a, b: self.state(p=a, T=b).s)

    def cp_pT(self, p, T):
        """Isobaric specific heat [J/(kg K)] at (p [Pa], T [K]), single phase [vec]."""
        return self._map2(p, T, lambda a, b: self.cp(p=a, T=b))

    def T_ph(self, p, h):
        """Temperature [K] at (p [Pa], h [J/kg]), any phase [vec].

        Inside the two-phase dome (h_l <= h <= h_v at p, with a 1e-12 relative band so that a
        point built as h_in + q/m within rounding of a saturation enthalpy counts) the
        saturation temperature; otherwise the exact state at (p, h).
        """
        sat = {}

        def one(pp, hh):
            if pp < self.critical_pressure and self.backend != "INCOMP":
                if pp not in sat:
                    liq, vap = self.saturation(p=pp)
                    sat[pp] = (liq.h, vap.h, liq.T)
                h_l, h_v, t_sat = sat[pp]
                if h_l - 1e-12 * abs(h_l) <= hh <= h_v + 1e-12 * abs(h_v):
                    return t_sat
            return self.state(p=pp, h=hh).T

        return self._map2(p, h, one)

    def s_ph(self, p, h):
        """Specific entropy [J/(kg K)] at (p [Pa], h [J/kg]) [vec]."""
        return self._map2(p, h, lambda a, b: self.state(p=a, h=b).s)

    def T_ps(self, p, s):
        """Temperature [K] at (p [Pa], s [J/(kg K)]) [vec]."""
        return self._map2(p, s, lambda a, b: self.state(p=a, s=b).T)

    def h_ps(self, p, s):
        """Specific enthalpy [J/kg] at (p [Pa], s [J/(kg K)]) [vec] (isentropic end states)."""
        return self._map2(p, s, lambda a, b: self.state(p=a, s=b).h)

    def saturation_enthalpies(self, p) -> tuple:
        """(h_liquid, h_vapour) [J/kg] at ``p`` [Pa] below the critical pressure; ``()`` at or
        above it and for incompressible liquids (no dome)."""
        p = as_float("p", p, "Pa")
        if self.backend == "INCOMP" or not p < self.critical_pressure:
            return ()
        liq, vap = self.saturation(p=p)
        return (liq.h, vap.h)

    def saturation_temperature(self, p) -> float:
        """Saturation (bubble) temperature [K] at ``p`` [Pa]; NaN where there is no dome."""
        p = as_float("p", p, "Pa")
        if self.backend == "INCOMP" or not p < self.critical_pressure:
            return math.nan
        return self.saturation(p=p)[0].T

    def mixed(self, parts):
        """The material of a mixture of ``parts`` [(material, mass_flow), ...]: this fluid, when
        every part is this fluid; else ValueError (different fluids do not mix here)."""
        for mat, _ in parts:
            if mat != self:
                raise ValueError(f"{self!r} cannot be mixed with {mat!r}")
        return self

    def exergy(self, h: float, s: float, T0: float = DEAD_STATE_T, p0: float = DEAD_STATE_P) -> float:
        """Specific flow exergy [J/kg]: (h - h0) - T0 (s - s0), dead state (T0, p0)."""
        dead = self.state(p=p0, T=T0)
        return (h - dead.h) - T0 * (s - dead.s)

    def table(self, **grid):
        """Tabulated property kernels for this fluid (see :mod:`procsim.thermo.tables`)."""
        from procsim.thermo.tables import FluidTable

        return FluidTable.load_or_build(self, **grid)
