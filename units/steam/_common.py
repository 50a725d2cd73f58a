"""Helpers shared by the steam units: the water model, inlet checks, state look-ups."""
from __future__ import annotations

from procsim.stream import Stream
from procsim.thermo.fluids import Fluid
from procsim.validation import as_float, check_positive


def water_of(fluid) -> Fluid:
    """The water model a unit uses: ``None`` -> a new IAPWS-IF97 ``Fluid("Water")`` (docs/architecture.rst:
    water and steam default to IF97), or the :class:`Fluid` given (must be water, e.g.
    ``Fluid("Water", backend="HEOS")`` for IAPWS-95). No fluid object is shared between
    units (docs/architecture.rst, convention 9)."""
    if fluid is None:
        return Fluid("Water")
    if not isinstance(fluid, Fluid) or fluid.name != "Water":
        raise ValueError(f"fluid must be a procsim Fluid of water (IF97 or HEOS); got {fluid!r}")
    return fluid


def conform_port(medium: str, name: str, direction: str) -> str:
    """A configurable port ``name`` (a header's supply, a deaerator's water inlet) as a
    :mod:`procsim.units_api` port name: kept when it already conforms, ``<name>_<direction>``
    when the name is itself a medium, else ``<medium>_<name>_<direction>``."""
    from procsim.units_api import PORT_MEDIA, port_name_problems

    if port_name_problems(name, direction) is None:
        return name
    if name in PORT_MEDIA:
        return f"{name}_{direction}"
    return f"{medium}_{name}_{direction}"


def internal_inlets(unit, inlets, names: dict) -> dict:
    """``inlets`` (current or former port names) keyed by the unit's internal names
    (``names``: internal name -> port name)."""
    from procsim.units_api import canonical_inlets

    back = {port: internal for internal, port in names.items()}
    return {back.get(k, k): v for k, v in canonical_inlets(unit, inlets).items()}


def port_outlets(unit, outlets: dict, names: dict):
    """Outlet streams keyed by internal names -> a PortMap keyed by port names (former names
    accepted)."""
    from procsim.units_api import outlet_map

    return outlet_map(unit, {names.get(k, k): v for k, v in outlets.items()})


def check_water_inlets(unit: str, inlets, names) -> dict:
    """Inlet streams by port name; each must be a water Stream with mass flow >= 0."""
    out = {}
    for n in names:
        if n not in inlets:
            raise ValueError(f"{unit}: inlet {n!r} is missing; inlets given: {', '.join(inlets) or 'none'}")
        s = inlets[n]
        if not isinstance(s, Stream) or s.is_gas or s.material.name != "Water":
            raise ValueError(f"{unit}: inlet {n!r} must be a water/steam Stream; got {s!r}")
        if not (s.mass_flow >= 0.0):
            raise ValueError(f"{unit}: inlet {n!r} mass_flow must be >= 0 kg/s; got {s.mass_flow!r} kg/s")
        out[n] = s
    return out


def check_flow(name: str, value) -> float:
    """A mass flow parameter [kg/s] >= 0."""
    v = as_float(name, value, "kg/s")
    if not (v >= 0.0):
        raise ValueError(f"{name} must be >= 0 kg/s; got {v!r} kg/s")
    return v


def check_pressure(name: str, value, water: Fluid) -> float:
    """An absolute pressure [Pa] inside the water model's range."""
    p = float(check_positive(name, value, "Pa"))
    if not (water.minimum_pressure <= p <= water.maximum_pressure):
        raise ValueError(f"{name} must be in [{water.minimum_pressure:g}, {water.maximum_pressure:g}] Pa "
                         f"(absolute) for water ({water.backend}); got {p!r} Pa")
    return p


def check_superheated(name: str, value, p: float, water: Fluid) -> float:
    """A steam temperature [K] above the saturation temperature at pressure ``p`` [Pa abs]."""
    t = as_float(name, value, "K")
    t_sat = water.saturation(p=p)[0].T
    if not (t > t_sat):
        raise ValueError(f"{name} must be above the saturation temperature {t_sat:.6g} K at {p!r} Pa "
                         f"(or None for saturated steam); got {t!r} K")
    return t


def saturation_enthalpies(water: Fluid, p: float) -> tuple[float, float, float]:
    """(T_sat [K], h_l, h_v [J/kg]) at pressure ``p`` [Pa] below the critical pressure."""
    liq, vap = water.saturation(p=p)
    return liq.T, liq.h, vap.h


#: Enthalpies within this relative distance of a saturation enthalpy are taken as saturated.
#: A defence kept from an earlier procsim.thermo.fluids, whose IF97 (p, h) iteration failed a
#: few ulp outside the dome (h_l (1 - 1e-16), h_v (1 + 1e-12) at 1.2 bar(a); passes since
#: the "one side of the dome" change); 1e-11 of h moves an energy flow by far less than the
#: 1e-9 balance tolerance.
SATURATION_SNAP = 1e-11


def snap_enthalpy(water: Fluid, p: float, h: float) -> float:
    """``h`` [J/kg], or the saturated-liquid/vapour enthalpy at ``p`` when within :data:`SATURATION_SNAP`."""
    if p < water.critical_pressure:
        _, h_l, h_v = saturation_enthalpies(water, p)
        for hs in (h_l, h_v):
            if abs(h - hs) <= SATURATION_SNAP * abs(hs):
                return hs
    return h


def state_ph(water: Fluid, p: float, h: float):
    """Exact state from (p, h) with :func:`snap_enthalpy` applied."""
    return water.state(p=p, h=snap_enthalpy(water, p, h))


def stream(water: Fluid, p: float, h: float, m: float) -> Stream:
    """Water stream from (p, h) with mass flow ``m`` on the unit's water model."""
    return Stream.from_ph(water, p, snap_enthalpy(water, p, h), m)
