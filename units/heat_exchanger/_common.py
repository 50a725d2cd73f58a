"""Shared pieces of the exchanger units: the result type, flue-gas dew-point limits, two-stream solve.

Nothing here is public API; the units in :mod:`units.heat_exchanger.equipment` use it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from procsim.stream import Stream
from procsim.thermo.combustion import dewpoint
from procsim.thermo.combustion import water_dew_point
from procsim.thermo.fluids import Fluid
from procsim.thermo.material import require_material
from procsim.validation import as_float, check_choice, check_nonnegative, check_positive

from units.heat_exchanger._kernels import ARRANGEMENTS
from units.heat_exchanger.core import rate, size_ua
from units.heat_exchanger.zones import DEFAULT_SEGMENTS, rate_zoned, zone_profile

#: Relative change of the duty between two passes of the mean-heat-capacity iteration
#: (non-counterflow rating) at which it stops [-].
_MEAN_C_TOL = 1e-12


@dataclass(frozen=True)
class ExchangerResult:
    """Result of a two-stream exchanger unit (SI).

    Attributes
    ----------
    duty : heat from the hot to the cold stream [W]
    hot_inlet_temperature, hot_outlet_temperature, cold_inlet_temperature, cold_outlet_temperature : [K]
    hot_end_approach : hot inlet - cold outlet [K]; cold_end_approach : hot outlet - cold inlet [K]
    min_approach : smallest temperature difference inside the exchanger [K] (counterflow
        zone analysis; for other arrangements the smaller terminal difference)
    min_approach_duty : where it occurs, duty from the cold end [W]
    ua : conductance the duty needs (or was rated with) [W/K]
    mean_temperature_difference : duty / ua [K]
    effectiveness : duty / the duty that would bring one outlet to the other inlet temperature [-]
    pressure_drop_hot, pressure_drop_cold : [Pa]
    dew_point : limiting flue-gas dew point [K] (NaN when the hot side is not a flue gas)
    dew_point_margin : hot (gas) outlet temperature - dew_point [K]
    cold_end_average_temperature : (gas outlet + air inlet) / 2 [K], air preheaters only
        (the usual cold-end corrosion criterion of regenerative and recuperative air heaters)
    energy_residual : hot enthalpy released - cold enthalpy gained [W] (in - out over the ports)
    energy_residual_relative : |energy_residual| / duty [-]
    mass_residual : in - out over the ports [kg/s]
    arrangement : flow arrangement used
    """

    duty: float
    hot_inlet_temperature: float
    hot_outlet_temperature: float
    cold_inlet_temperature: float
    cold_outlet_temperature: float
    hot_end_approach: float
    cold_end_approach: float
    min_approach: float
    min_approach_duty: float
    ua: float
    mean_temperature_difference: float
    effectiveness: float
    pressure_drop_hot: float
    pressure_drop_cold: float
    dew_point: float
    dew_point_margin: float
    energy_residual: float
    arrangement: str
    cold_end_average_temperature: float = math.nan
    energy_residual_relative: float = math.nan
    mass_residual: float = math.nan


def dew_points(gas: Stream, acid_dew_point=None, so3_conversion=None) -> tuple[float, float, float]:
    """(limit, water dew point, acid dew point) of a flue gas [K].

    Water dew point: IAPWS-IF97 saturation temperature at the water partial pressure.
    Acid dew point: as given, else from SO3 (and ``so3_conversion`` of the SO2) with the
    Verhoff & Banchero (1974) correlation of :mod:`procsim.thermo.combustion`; NaN for a
    sulfur-free gas (then the water dew point is the limit). A gas with SO2 but neither
    ``acid_dew_point`` nor ``so3_conversion`` is an error: the conversion to SO3 (typically
    a few per cent, strongly fuel- and furnace-dependent) must be stated.
    """
    require_material("dew_points", "gas_in", gas, kind="gas")
    mat = gas.material
    x = mat.mole_fractions
    p_h2o = x.get("H2O", 0.0) * gas.p
    t_water = float(water_dew_point(p_h2o)) if p_h2o >= Fluid("Water").minimum_pressure else math.nan
    if acid_dew_point is not None:
        t_acid = as_float("acid_dew_point", acid_dew_point, "K")
        check_positive("acid_dew_point", t_acid, "K")
    else:
        x_so3 = x.get("SO3", 0.0)
        x_so2 = x.get("SO2", 0.0)
        if x_so2 > 0.0 and so3_conversion is None:
            raise ValueError(f"the flue gas holds SO2 (mole fraction {x_so2:.3g}): give acid_dew_point [K] "
                             "or so3_conversion (fraction of SO2 present as SO3) to set the acid dew-point limit")
        conv = 0.0 if so3_conversion is None else float(so3_conversion)
        p_so3 = (x_so3 + conv * x_so2) * gas.p
        if p_so3 > 0.0 and p_h2o > 0.0:
            t_acid = float(dewpoint.acid_dew_point(p_h2o, p_so3))
        else:
            t_acid = math.nan
    limit = np.nanmax([t_water, t_acid]) if not (math.isnan(t_water) and math.isnan(t_acid)) else math.nan
    return float(limit), float(t_water), float(t_acid)


def check_dew_point(name: str, gas_out_T: float, limits, condensing: bool) -> None:
    """Cooling a flue gas below its dew point is an error unless the unit is declared condensing."""
    limit, t_water, t_acid = limits
    if condensing or math.isnan(limit):
        if condensing and not math.isnan(t_water) and gas_out_T < t_water:
            raise ValueError(
                f"{name}: gas outlet {gas_out_T:.6g} K is below the water dew point {t_water:.6g} K: water "
                "condenses from the gas, which this sensible-heat model does not represent; use "
                "CondensingEconomizer")
        return
    if gas_out_T < limit:
        which = "acid" if (not math.isnan(t_acid) and t_acid >= limit) else "water"
        raise ValueError(
            f"{name}: gas outlet {gas_out_T:.6g} K is below the flue gas {which} dew point {limit:.6g} K "
            f"(water {t_water:.6g} K, acid {t_acid:.6g} K): cold-end corrosion; raise the outlet "
            "temperature or declare condensing=True (corrosion-resistant surface)")


def outlet_h(stream: Stream, T: float, p: float) -> float:
    """Specific enthalpy [J/kg] of ``stream``'s material at T [K], p [Pa]."""
    return stream.with_(T=T, p=p).h


def _q_bound(hot: Stream, cold: Stream) -> float:
    """Duty that brings one outlet to the other stream's inlet temperature [W]."""
    q_h = hot.mass_flow * (hot.h - outlet_h(hot, cold.T, hot.p))
    q_c = cold.mass_flow * (outlet_h(cold, hot.T, cold.p) - cold.h)
    return min(q_h, q_c)


def solve_two_stream(name: str, hot: Stream, cold: Stream, spec: tuple[str, float], arrangement: str,
                     dp_hot: float, dp_cold: float, min_approach: float = 0.0,
                     segments: int = DEFAULT_SEGMENTS, shell_passes=None):
    """Outlet streams and figures of a two-stream exchanger.

    spec : ("ua", W/K) | ("duty", W) | ("hot_outlet_temperature", K) | ("cold_outlet_temperature", K)
    Counterflow: zone-by-zone on real properties (phase change allowed, internal pinch
    located). Other arrangements: epsilon-NTU with each side's mean heat-capacity flow
    (enthalpy change / temperature change), iterated to a fixed point; valid when neither
    side changes phase.
    Returns (hot_out, cold_out, ExchangerResult without dew-point fields filled).
    """
    check_choice("arrangement", arrangement, ARRANGEMENTS)
    for label, s in (("hot inlet", hot), ("cold inlet", cold)):
        check_positive(f"{label} mass_flow", s.mass_flow, "kg/s")
    if not hot.T > cold.T:
        raise ValueError(f"{name}: hot inlet {hot.T:.6g} K must be hotter than cold inlet {cold.T:.6g} K")
    kind, value = spec
    p_ho, p_co = hot.p - dp_hot, cold.p - dp_cold
    if kind == "duty":
        duty = check_nonnegative("duty", value, "W")
    elif kind == "hot_outlet_temperature":
        if not cold.T < value < hot.T:
            raise ValueError(f"{name}: hot_outlet_temperature must be in ({cold.T:.6g}, {hot.T:.6g}) K "
                             f"(between the inlets); got {value!r} K")
        duty = hot.mass_flow * (hot.h - outlet_h(hot, value, p_ho))
    elif kind == "cold_outlet_temperature":
        if not cold.T < value < hot.T:
            raise ValueError(f"{name}: cold_outlet_temperature must be in ({cold.T:.6g}, {hot.T:.6g}) K "
                             f"(between the inlets); got {value!r} K")
        duty = cold.mass_flow * (outlet_h(cold, value, p_co) - cold.h)
    elif kind != "ua":
        raise ValueError(f"unknown specification {kind!r}")
    if arrangement == "counterflow":
        if kind == "ua":
            prof = rate_zoned(value, hot, cold, pressure_drop_hot=dp_hot, pressure_drop_cold=dp_cold,
                              segments=segments)
        else:
            try:
                prof = zone_profile(hot, cold, duty, pressure_drop_hot=dp_hot, pressure_drop_cold=dp_cold,
                                    min_approach=min_approach, segments=segments)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
        hot_out, cold_out = prof.hot_out, prof.cold_out
        duty, ua, dtm = prof.duty, prof.ua, prof.mean_temperature_difference
        min_app, min_q = prof.min_approach, prof.min_approach_duty
    else:
        if kind == "ua":
            ua = check_nonnegative("ua", value, "W/K")
            c_h = hot.mass_flow * hot.material.cp_pT(hot.p, hot.T)
            c_c = cold.mass_flow * cold.material.cp_pT(cold.p, cold.T)
            duty = 0.0
            for _ in range(100):
                r = rate(ua, hot.T, cold.T, c_h, c_c, arrangement, shell_passes=shell_passes)
                hot_out = Stream.from_ph(hot.material, p_ho, hot.h - r.duty / hot.mass_flow, hot.mass_flow)
                cold_out = Stream.from_ph(cold.material, p_co, cold.h + r.duty / cold.mass_flow, cold.mass_flow)
                c_h = r.duty / (hot.T - hot_out.T) if r.duty > 0 else c_h
                c_c = r.duty / (cold_out.T - cold.T) if r.duty > 0 else c_c
                converged = abs(r.duty - duty) <= _MEAN_C_TOL * max(r.duty, 1e-300)
                duty = r.duty
                if converged:
                    break
            else:
                raise ValueError(f"{name}: mean heat-capacity iteration did not converge (duty {duty!r} W)")
        else:
            hot_out = Stream.from_ph(hot.material, p_ho, hot.h - duty / hot.mass_flow, hot.mass_flow)
            cold_out = Stream.from_ph(cold.material, p_co, cold.h + duty / cold.mass_flow, cold.mass_flow)
            c_h = duty / (hot.T - hot_out.T)
            c_c = duty / (cold_out.T - cold.T)
            try:
                ua = size_ua(hot.T, cold.T, c_h, c_c, arrangement, duty=duty, shell_passes=shell_passes)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
        dtm = duty / ua if ua > 0 else math.nan
        min_app = min(hot.T - cold_out.T, hot_out.T - cold.T)
        min_q = duty if (hot.T - cold_out.T) < (hot_out.T - cold.T) else 0.0
    released = hot.enthalpy_flow - hot_out.enthalpy_flow
    gained = cold_out.enthalpy_flow - cold.enthalpy_flow
    resid = abs(released - gained) / max(abs(released), 1e-300)
    m_resid = (hot.mass_flow + cold.mass_flow) - (hot_out.mass_flow + cold_out.mass_flow)
    q_max = _q_bound(hot, cold)
    res = ExchangerResult(
        duty=float(duty), hot_inlet_temperature=hot.T, hot_outlet_temperature=hot_out.T,
        cold_inlet_temperature=cold.T, cold_outlet_temperature=cold_out.T,
        hot_end_approach=hot.T - cold_out.T, cold_end_approach=hot_out.T - cold.T,
        min_approach=float(min_app), min_approach_duty=float(min_q), ua=float(ua),
        mean_temperature_difference=float(dtm), effectiveness=float(duty / q_max) if q_max > 0 else math.nan,
        pressure_drop_hot=float(dp_hot), pressure_drop_cold=float(dp_cold), dew_point=math.nan,
        dew_point_margin=math.nan, energy_residual=float(released - gained), arrangement=arrangement,
        energy_residual_relative=float(resid), mass_residual=float(m_resid))
    return hot_out, cold_out, res


def inlet_stream(inlets, port, name):
    """The material Stream on inlet ``port`` of unit ``name`` with a positive mass flow (validated)."""
    if port not in inlets:
        raise ValueError(f"{name}: missing inlet {port!r}")
    s = inlets[port]
    if not isinstance(s, Stream):
        raise ValueError(f"{name}: inlet {port!r} must be a material Stream; got {type(s).__name__}")
    if not s.mass_flow >= 0.0:  # the shared wording of procsim.units_api.canonical_inlets
        raise ValueError(f"{name}: inlet '{port}' mass_flow must be >= 0 kg/s; got {s.mass_flow!r} kg/s")
    check_positive(f"{port} mass_flow", s.mass_flow, "kg/s")
    return s


def one_spec(name: str, **specs) -> tuple[str, float]:
    """The single specification given among ``specs`` (others None), validated > 0."""
    given = {k: v for k, v in specs.items() if v is not None}
    if len(given) != 1:
        raise ValueError(f"{name}: give exactly one of {', '.join(specs)}; got "
                         f"{', '.join(given) if given else 'none'}")
    (k, v), = given.items()
    unit = "W/K" if k == "ua" else ("W" if k == "duty" else "K")
    return k, float(check_positive(k, v, unit))
