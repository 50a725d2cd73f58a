"""Steam site model: boiler, any number of headers, turbines, letdowns, users, deaerator and
condensate loop, balanced as one procsim flowsheet.

How a site is solved
--------------------
A steam site is demand-driven: users draw steam, letdown valves open to hold the lower
headers' pressures, the boiler fires to hold the top header, and the deaerator's level
control draws make-up water. In a sequential-modular flowsheet a unit cannot choose its
inlet flow, so these controllers sit outside the flowsheet, as in the "design
specifications" of process simulators:

1. *Load control* (:meth:`SiteModel.controls`): with the header, deaerator, spray-water and
   make-up states of the last pass, a bottom-up balance over the headers (lowest pressure
   first) gives the letdown flow each lower header needs, its spray water, forced vents of
   surplus steam, the boiler steam output, and the deaerator's heating steam and make-up.
   :meth:`SiteModel.settle` first alternates it with the header states those set-points
   produce (top-down mixing, turbine expansions, heat losses) so that the flowsheet starts
   from set-points and tear guesses that are already consistent.
2. *Flowsheet* (:meth:`SiteModel.flowsheet`): every unit with those set-points, wired with
   real streams. The deaerator/condensate loop (deaerator -> feed pump -> boiler ->
   blowdown flash -> low-pressure header -> deaerator, and blowdown -> make-up preheater ->
   deaerator; condensate -> deaerator) is a recycle: its tear streams are converged by
   :meth:`procsim.flowsheet.Flowsheet.solve` (Wegstein), which returns the tear residual history.
3. The two are repeated, the states accelerated by Wegstein's method, until the set-points
   stop changing (relative change below ``tol``; usually after the first pass); the residual
   history of this outer loop is kept in the result as well.

For sweeps, :meth:`SiteModel.figures` evaluates the settled set-points without a flowsheet
pass, and :mod:`units.steam.batch` runs the same balances as a numba loop.

Every unit's mass and energy balance and the flowsheet's overall balance are checked by
the flowsheet on every pass.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from procsim.flowsheet import Flowsheet
from procsim.stream import Stream
from units.basic import Pump
from units.steam._common import saturation_enthalpies, snap_enthalpy, state_ph, water_of
from units.steam.condensate import CondensateReturn, MakeupWater
from units.steam.deaerator import Deaerator
from units.steam.description import SiteSpec
from units.steam.flash import FlashTank
from units.steam.header import SteamHeader
from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from units.steam.kernels import (desuperheater_spray_ratio, flash_fraction, turbine_flow_for_power,
                                 turbine_outlet_enthalpy)
from units.steam.prv import PressureReducingValve
from units.steam.turbine import ExtractionTurbine, SteamTurbine
from units.steam.users import EfficiencyBoiler, SteamTraps, SteamUser, SteamVent, WasteHeatSteam

__all__ = ["SiteModel", "SiteResult", "Controls", "SiteBalanceError", "FiredSystem"]


class SiteBalanceError(ValueError):
    """The site cannot be balanced (demand beyond boiler capacity, surplus with nowhere to go)."""


@dataclass(frozen=True)
class Controls:
    """Set-points of one pass [kg/s]: boiler steam, make-up, per-letdown steam and spray,
    per-turbine flow, per-header vent, deaerator steam, condensate overflow (returned
    condensate beyond what the deaerator's feedwater demand can take, drained at the
    condensate receiver; the make-up is then 0)."""

    boiler_steam: float
    makeup: float
    user_flow: dict
    letdown_steam: dict
    letdown_spray: dict
    turbine_flow: dict
    vent: dict
    deaerator_steam: float
    overflow: float = 0.0

    def vector(self) -> np.ndarray:
        parts = [self.boiler_steam, self.makeup, self.deaerator_steam, self.overflow]
        for d in (self.user_flow, self.letdown_steam, self.letdown_spray, self.turbine_flow, self.vent):
            parts.extend(d[k] for k in sorted(d))
        return np.array(parts)


@dataclass(frozen=True)
class SiteResult:
    """Balanced steam site (SI; money in the economics currency, CO2 in kg).

    Flows [kg/s]: boiler_steam, feedwater, blowdown, makeup_water, deaerator_steam,
    condensate_returned (condensate the deaerator takes), condensate_overflow (returned
    condensate drained at the receiver because the feedwater demand cannot take it: the
    make-up is then 0), vented (surplus steam vented from headers), letdowns (name -> steam
    flow), sprays (name -> spray water), turbine_flows (name -> flow).
    Energy [W]: fuel_input (on the boiler's basis), boiler_heat, power_generated (turbine
    generators), feed_pump_power, power_import (site demand + feed pump - generated; negative =
    export), process_heat (heat delivered to users), heat_losses (headers, return lines).
    headers: name -> {pressure, temperature, enthalpy, superheat, supply_flow}.
    Annual figures (``economics.hours``): fuel_energy_per_year [J], power_import_per_year [J],
    water_per_year [kg], co2_per_year [kg], fuel_cost_per_year, power_cost_per_year,
    water_cost_per_year, total_cost_per_year.
    Balances: overall (the flowsheet's boundary balance dict), max_unit_mass_relative,
    max_unit_energy_relative; outer_history (relative set-point change per pass),
    tear_history (tear residuals of the last flowsheet solve), passes; solution (the last
    FlowsheetSolution); fired_boiler (``units.boiler`` result when the boiler is modelled
    by its combustion side: fuel mass flow, HHV/LHV efficiencies, flue gas).
    """

    boiler_steam: float
    feedwater: float
    blowdown: float
    makeup_water: float
    deaerator_steam: float
    condensate_returned: float
    vented: float
    letdowns: dict = field(compare=False)
    sprays: dict = field(compare=False)
    turbine_flows: dict = field(compare=False)
    fuel_input: float = 0.0
    boiler_heat: float = 0.0
    power_generated: float = 0.0
    feed_pump_power: float = 0.0
    power_import: float = 0.0
    process_heat: float = 0.0
    heat_losses: float = 0.0
    headers: dict = field(default_factory=dict, compare=False)
    fuel_energy_per_year: float = 0.0
    power_import_per_year: float = 0.0
    water_per_year: float = 0.0
    co2_per_year: float = 0.0
    fuel_cost_per_year: float = 0.0
    power_cost_per_year: float = 0.0
    water_cost_per_year: float = 0.0
    total_cost_per_year: float = 0.0
    overall: dict = field(default_factory=dict, compare=False)
    max_unit_mass_relative: float = 0.0
    max_unit_energy_relative: float = 0.0
    outer_history: tuple = ()
    tear_history: tuple = ()
    passes: int = 0
    solution: object = field(default=None, compare=False, repr=False)
    fired_boiler: object = field(default=None, compare=False, repr=False)
    condensate_overflow: float = 0.0


@dataclass(frozen=True)
class FiredSystem:
    """Fired boiler with an economizer on its own flue gas, solved as one recycle flowsheet.

    fuel_mass_flow [kg/s]; useful_heat [W] from the site's feedwater to steam and blowdown;
    efficiency_hhv, efficiency_lhv [-] of boiler and economizer together; boiler and
    economizer results; stack_temperature [K] after the economizer; feedwater_temperature [K]
    into the boiler drum; solution (the FlowsheetSolution, balances closed to 1e-9).
    """

    fuel_mass_flow: float
    useful_heat: float
    efficiency_hhv: float
    efficiency_lhv: float
    boiler: object = field(repr=False)
    economizer: object = field(repr=False)
    stack_temperature: float = 0.0
    feedwater_temperature: float = 0.0
    solution: object = field(default=None, repr=False, compare=False)


class SiteModel:
    """Steam site built from a :class:`~units.steam.description.SiteSpec`.

    Parameters
    ----------
    spec : the site
    fluid : water model (default IAPWS-IF97)

    Examples
    --------
    >>> from units.steam.description import common_site
    >>> site = common_site(boiler={"pressure": "20 bar(g)", "efficiency": 0.85,
    ...                            "blowdown_fraction": 0.03, "temperature": "300 degC"},
    ...                    headers={"HP": "20 bar(g)", "LP": "3 bar(g)"},
    ...                    users={"HP": "5 t/h", "LP": "10 t/h"}, condensate_recovery=0.6,
    ...                    condensate={"return_temperature": "80 degC"},
    ...                    makeup={"temperature": "25 degC"})
    >>> r = SiteModel(site).solve()
    >>> r.overall["energy_relative"] < 1e-6
    True
    """

    def __init__(self, spec: SiteSpec, fluid=None):
        if not isinstance(spec, SiteSpec):
            raise ValueError(f"spec must be a SiteSpec (see units.steam.description); got {type(spec).__name__}")
        self.spec = spec
        self.water = water_of(fluid)
        self._by = {h.name: h for h in spec.headers}
        self._top = spec.headers[0].name
        self._balancing = {ld.outlet: ld for ld in spec.letdowns}
        self._drum = self.water.saturation(p=spec.boiler.pressure)[0]
        st = (self.water.state(p=spec.boiler.pressure, x=1.0) if spec.boiler.temperature is None
              else self.water.state(p=spec.boiler.pressure, T=spec.boiler.temperature))
        self._steam_h = st.h
        t_da = self.water.saturation(p=spec.deaerator.pressure)[0].T
        if not (spec.condensate_return_temperature < t_da):
            raise ValueError(f"site {spec.name!r}: condensate return temperature {spec.condensate_return_temperature!r} K "
                             f"must be below the deaerator saturation temperature {t_da:.6g} K (at "
                             f"{spec.deaerator.pressure!r} Pa); hotter condensate would flash in the return line")
        self.fired = None
        if spec.boiler.fired is not None:
            from units.boiler import Boiler

            kw = spec.boiler.fired_kwargs
            kw.setdefault("fuel", spec.boiler.fuel)
            self.fired = Boiler(name="fired_boiler", steam_pressure=spec.boiler.pressure,
                                steam_temperature=spec.boiler.temperature,
                                blowdown_fraction=spec.boiler.blowdown_fraction, **kw)
        self.economizer = None
        if spec.boiler.economizer is not None:
            from units.heat_exchanger import Economizer

            self.economizer = Economizer("economizer", **spec.boiler.economizer_kwargs)
        for h in spec.headers:
            if h.name != self._top and h.name not in self._balancing:
                raise ValueError(f"site {spec.name!r}: header {h.name!r} has no balancing letdown from a higher "
                                 "header; add one under 'letdowns'")

    # ------------------------------------------------------------------ states
    def _initial_states(self) -> dict:
        """States to start the load control from: isenthalpic letdowns from the boiler steam."""
        w, sp = self.water, self.spec
        _, h_l_da, _ = saturation_enthalpies(w, sp.deaerator.pressure)
        hdr = {}
        for h in sp.headers:
            hh = self._steam_h if h.name == self._top else hdr[self._balancing[h.name].inlet]
            ld = self._balancing.get(h.name)
            if ld is not None and ld.desuperheat_to is not None:
                hh = min(hh, w.state(p=h.pressure, T=ld.desuperheat_to).h)
            hdr[h.name] = hh
        return {"header_h": hdr, "spray_h": h_l_da,
                "makeup_h": w.state(p=sp.makeup_pressure, T=sp.makeup_temperature).h}

    def _estimate_states(self, c: Controls, states: dict) -> dict:
        """States that the set-points ``c`` produce, by the same balances the units apply.

        Headers top-down: mixing of boiler steam, letdowns (with their spray), turbine
        exhausts, flash steam and waste-heat steam, less the header heat loss; spray water =
        deaerator saturated liquid through the feed pump; make-up heated by the flashed
        blowdown. Alternating this with :meth:`controls` gives the flowsheet a first pass
        that is already balanced, so the deaerator and the boiler start in agreement.
        """
        sp, w = self.spec, self.water
        p_da = sp.deaerator.pressure
        liq = w.saturation(p=p_da)[0]
        h2s = w.state(p=sp.boiler.pressure, s=liq.s).h
        spray_h = float(isentropic_outlet_enthalpy(liq.h, h2s, sp.feed_pump_efficiency))
        b = sp.boiler.blowdown_fraction
        blow = c.boiler_steam * b / (1.0 - b)
        flash_p = None if sp.blowdown_flash_header is None else self._by[sp.blowdown_flash_header].pressure
        phi = 0.0
        if flash_p is not None:
            _, h_l, h_v = saturation_enthalpies(w, flash_p)
            phi = float(flash_fraction(self._drum.h, h_l, h_v))
        hh = {}
        for h in sp.headers:  # highest pressure first
            m, e = 0.0, 0.0
            if h.name == self._top:
                m += c.boiler_steam
                e += c.boiler_steam * self._steam_h
            for ld in sp.letdowns:
                if ld.outlet == h.name:
                    ms, mw = c.letdown_steam[ld.name], c.letdown_spray[ld.name]
                    m += ms + mw
                    e += ms * hh[ld.inlet] + mw * spray_h
            for t in sp.turbines:
                if t.outlet == h.name or t.extraction == h.name:
                    h_x, h_out = self._turbine_states(t, hh[t.inlet])
                    if t.extraction == h.name:
                        m += t.extraction_flow
                        e += t.extraction_flow * h_x
                    if t.outlet == h.name:
                        m += c.turbine_flow[t.name] - t.extraction_flow
                        e += (c.turbine_flow[t.name] - t.extraction_flow) * h_out
            for inj in sp.injections:
                if inj.header == h.name:
                    st = (w.state(p=h.pressure, x=1.0) if inj.temperature is None
                          else w.state(p=h.pressure, T=inj.temperature))
                    m += inj.flow
                    e += inj.flow * st.h
            for u in sp.users:
                if u.flash_to == h.name:
                    mf = self._user_flash(c.user_flow)[u.name][0]
                    m += mf
                    e += mf * saturation_enthalpies(w, h.pressure)[2]
            if flash_p is not None and sp.blowdown_flash_header == h.name:
                m += phi * blow
                e += phi * blow * saturation_enthalpies(w, h.pressure)[2]
            if m > 0.0:
                hh[h.name] = snap_enthalpy(w, h.pressure, (e * (1.0 - h.heat_loss_fraction) - h.heat_loss) / m)
            else:  # an idle header (nothing drawn, nothing supplied): the state its letdown would give
                src = self._balancing.get(h.name)
                hh[h.name] = self._steam_h if src is None else hh[src.inlet]
        makeup_h = w.state(p=sp.makeup_pressure, T=sp.makeup_temperature).h
        if (sp.blowdown_heat_recovery is not None or sp.blowdown_approach is not None) and blow > 0.0 \
                and c.makeup > 0.0:
            raw = Stream(w, sp.makeup_temperature, sp.makeup_pressure, c.makeup)
            p_bd = sp.boiler.pressure if flash_p is None else flash_p
            h_bd = self._drum.h if flash_p is None else saturation_enthalpies(w, flash_p)[1]
            bd = Stream.from_ph(w, p_bd, h_bd, blow * (1.0 - phi))
            mu = MakeupWater("makeup", p_da, sp.blowdown_heat_recovery, fluid=w,
                             blowdown_approach=sp.blowdown_approach).solve({"raw": raw, "blowdown": bd})
            makeup_h = mu.outlets["makeup"].h
        return {"header_h": hh, "spray_h": spray_h, "makeup_h": makeup_h}

    def settle(self, states: dict | None = None, tol: float = 1e-12, max_iter: int = 100):
        """Alternate :meth:`controls` and :meth:`_estimate_states` to a fixed point: (controls, states)."""
        states = self._initial_states() if states is None else states
        c = self.controls(states)
        for _ in range(max_iter):
            states = self._estimate_states(c, states)
            c_new = self.controls(states, boiler_guess=c.boiler_steam)
            v0, v1 = c.vector(), c_new.vector()
            c = c_new
            if float(np.max(np.abs(v1 - v0))) <= tol * max(float(np.max(np.abs(v1))), 1e-300):
                break
        return c, states

    def figures(self, c: Controls, states: dict) -> dict:
        """Site figures straight from settled set-points and states (no flowsheet pass).

        The same balances the flowsheet closes, evaluated once: fuel = heat absorbed /
        efficiency, turbine power from each expansion, feed-pump power, import, annual CO2
        and cost. Used by sweeps; :meth:`solve` (the flowsheet) is the reference they are
        tested against.
        """
        sp, w = self.spec, self.water
        b = sp.boiler.blowdown_fraction
        S = c.boiler_steam
        F = S / (1.0 - b)
        h_fw = states["spray_h"]
        heat = S * self._steam_h + (F - S) * self._drum.h - F * h_fw
        fuel = heat / self.efficiency(c, states)
        gen = 0.0
        for t in sp.turbines:
            h_in = states["header_h"][t.inlet]
            gen += self._turbine_power(t, c.turbine_flow[t.name], h_in)
        f_da = F + sum(c.letdown_spray.values()) + sum(inj.flow for inj in sp.injections)
        pump = f_da * (h_fw - saturation_enthalpies(w, sp.deaerator.pressure)[1])
        econ = sp.economics
        sec = econ.hours * 3600.0
        imp = econ.site_power_demand + pump - gen
        co2 = sec * (fuel * econ.fuel_emission_factor + imp * econ.grid_emission_factor)
        cost = sec * (fuel * econ.fuel_price + imp * econ.power_price + c.makeup * econ.water_price)
        return {"boiler_steam": S, "fuel_input": fuel, "power_generated": gen, "feed_pump_power": pump,
                "power_import": imp, "makeup_water": c.makeup, "condensate_overflow": c.overflow,
                "vented": sum(c.vent.values()), "co2_per_year": co2, "total_cost_per_year": cost}

    def _states_from(self, sol) -> dict:
        units = sol.units
        sp = self.spec
        return {"header_h": {h.name: units[h.name].enthalpy for h in sp.headers},
                "spray_h": sol.stream("feed_pump.outlet").h,
                "makeup_h": sol.stream("makeup.makeup").h}

    def _expand(self, p_in: float, h_in: float, p_out: float, eta: float) -> float:
        w = self.water
        h_s = w.state(p=p_out, s=state_ph(w, p_in, h_in).s).h
        return float(turbine_outlet_enthalpy(h_in, h_s, eta))

    def _turbine_states(self, t, h_in: float) -> tuple[float, float]:
        """(extraction enthalpy or NaN, exhaust enthalpy) [J/kg] of turbine ``t`` from inlet enthalpy ``h_in``."""
        p_in = self._by[t.inlet].pressure
        p_out = self._by[t.outlet].pressure if t.outlet is not None else t.outlet_pressure
        if t.extraction is None:
            return math.nan, self._expand(p_in, h_in, p_out, t.isentropic_efficiency)
        p_x = self._by[t.extraction].pressure
        h_x = self._expand(p_in, h_in, p_x, t.isentropic_efficiency)
        return h_x, self._expand(p_x, h_x, p_out, t.isentropic_efficiency)

    def _turbine_flow_range(self, t, h_in: float) -> tuple[float, float]:
        """(min, max) inlet flow [kg/s] of a header-balancing turbine: its flow range, or its
        power range through the power per kg of steam at this inlet state."""
        if t.flow_range is not None:
            return t.flow_range
        if t.power_range is not None:
            h_out = self._turbine_exhaust_h(t, h_in)
            return tuple(float(turbine_flow_for_power(p, h_in, h_out, t.generator_efficiency))
                         for p in t.power_range)
        return 0.0, math.inf

    def _turbine_exhaust_h(self, t, h_in: float) -> float:
        return self._turbine_states(t, h_in)[1]

    def _turbine_power(self, t, m: float, h_in: float) -> float:
        h_x, h_out = self._turbine_states(t, h_in)
        if t.extraction is None:
            return t.generator_efficiency * m * (h_in - h_out)
        return t.generator_efficiency * (m * (h_in - h_x) + (m - t.extraction_flow) * (h_x - h_out))

    # ------------------------------------------------------------------ load control
    def _user_flash(self, uflow: dict) -> dict:
        """user -> (flash steam [kg/s], flash fraction) of users whose condensate is flashed."""
        w, out = self.water, {}
        for u in self.spec.users:
            if u.flash_to is None:
                out[u.name] = (0.0, 0.0)
                continue
            h_in = saturation_enthalpies(w, self._by[u.header].pressure)[1]
            _, h_l, h_v = saturation_enthalpies(w, self._by[u.flash_to].pressure)
            f = float(flash_fraction(h_in, h_l, h_v))
            out[u.name] = (f * uflow[u.name] * (1.0 - u.direct_fraction), f)
        return out

    def controls(self, states: dict, boiler_guess: float | None = None) -> Controls:
        """Set-points that balance every header at the given states (see module docstring)."""
        sp, w = self.spec, self.water
        hh = states["header_h"]
        b = sp.boiler.blowdown_fraction
        # flows independent of the boiler output
        tflow = {}
        balancing = {h.name: [] for h in sp.headers}   # turbines that balance their exhaust header
        for t in sp.turbines:
            if t.balances_header:
                balancing[t.outlet].append((t, self._turbine_flow_range(t, hh[t.inlet])))
                tflow[t.name] = 0.0
                continue
            if t.flow is not None:
                tflow[t.name] = t.flow
            elif t.extraction is None:
                h_out = self._turbine_exhaust_h(t, hh[t.inlet])
                tflow[t.name] = float(turbine_flow_for_power(t.power, hh[t.inlet], h_out, t.generator_efficiency))
            else:  # P/eta_g = m (h1 - h3) - m_x (h2 - h3)
                h_x, h_out = self._turbine_states(t, hh[t.inlet])
                tflow[t.name] = ((t.power / t.generator_efficiency + t.extraction_flow * (h_x - h_out))
                                 / (hh[t.inlet] - h_out))
            if t.extraction_flow > tflow[t.name] * (1.0 + 1e-12):
                raise SiteBalanceError(f"site {sp.name!r}: turbine {t.name!r} extraction {t.extraction_flow!r} kg/s "
                                       f"exceeds its inlet flow {tflow[t.name]!r} kg/s")
        traps = {tr.header: 0.0 for tr in sp.traps}
        for tr in sp.traps:
            traps[tr.header] += SteamTraps("t", tr.failed_open, tr.orifice_diameter,
                                           tr.discharge_coefficient).loss_flow(self._by[tr.header].pressure)
        spray_ratio = {}
        for ld in sp.letdowns:
            if ld.desuperheat_to is None:
                spray_ratio[ld.name] = 0.0
                continue
            h_t = w.state(p=self._by[ld.outlet].pressure, T=ld.desuperheat_to).h
            r = desuperheater_spray_ratio(hh[ld.inlet], states["spray_h"], h_t)
            spray_ratio[ld.name] = 0.0 if math.isnan(r) else float(r)
        uflow = {}
        for u in sp.users:
            if u.flow is not None:
                uflow[u.name] = u.flow
            else:
                h_c = saturation_enthalpies(w, self._by[u.header].pressure)[1]
                uflow[u.name] = u.heat / (hh[u.header] - h_c)
        ufl = self._user_flash(uflow)
        cond_flow = sum(uflow[u.name] * (1.0 - u.direct_fraction) * (1.0 - ufl[u.name][1]) * u.condensate_recovery
                        for u in sp.users)
        h_cond = w.state(p=sp.deaerator.pressure, T=sp.condensate_return_temperature).h
        # condensing turbines: their condensers return all condensate, saturated at the exhaust
        # pressure, straight to the deaerator (a fixed inflow; only the receiver can overflow)
        fixed_flow, e_fixed = 0.0, 0.0
        for t in sp.turbines:
            if t.outlet is None:
                fixed_flow += tflow[t.name] - t.extraction_flow
                e_fixed += (tflow[t.name] - t.extraction_flow) * saturation_enthalpies(w, t.outlet_pressure)[1]
        h_fixed = e_fixed / fixed_flow if fixed_flow > 0 else 0.0
        if sp.blowdown_flash_header is not None:
            t_sat, h_l, h_v = saturation_enthalpies(w, self._by[sp.blowdown_flash_header].pressure)
            phi = float(flash_fraction(self._drum.h, h_l, h_v))
        else:
            phi = 0.0
        da = Deaerator("deaerator", sp.deaerator.pressure, sp.deaerator.vent_fraction, fluid=w)
        order = sorted(sp.headers, key=lambda h: h.pressure)
        inj_feed = sum(inj.flow for inj in sp.injections)
        S = boiler_guess if boiler_guess is not None else sum(uflow.values()) * 1.2
        spray_total = 0.0
        for _ in range(500):
            f_boiler = S / (1.0 - b)
            blow = f_boiler - S
            d = {h.name: 0.0 for h in sp.headers}
            supply = {h.name: 0.0 for h in sp.headers}
            for u in sp.users:
                d[u.header] += uflow[u.name]
            for t in sp.turbines:
                if t.balances_header:
                    continue
                d[t.inlet] += tflow[t.name]
                if t.extraction is not None:
                    supply[t.extraction] += t.extraction_flow
                if t.outlet is not None:
                    supply[t.outlet] += tflow[t.name] - t.extraction_flow
            for k, v in traps.items():
                d[k] += v
            for inj in sp.injections:
                supply[inj.header] += inj.flow
            if sp.blowdown_flash_header is not None:
                supply[sp.blowdown_flash_header] += phi * blow
            for u in sp.users:
                if u.flash_to is not None:
                    supply[u.flash_to] += ufl[u.name][0]
            # the deaerator feeds the boiler, the desuperheater sprays and the waste-heat generators
            f_da = f_boiler + spray_total + inj_feed
            try:
                s_da, m_u, over = da.balance(f_da, hh[sp.deaerator.header], cond_flow, h_cond, states["makeup_h"],
                                             fixed_flow, h_fixed)
            except ValueError as exc:
                raise SiteBalanceError(f"site {sp.name!r}: {exc}") from None
            d[sp.deaerator.header] += s_da
            ld_steam, ld_spray, vent = {}, {}, {h.name: 0.0 for h in sp.headers}
            top_need = 0.0
            for h in order:  # lowest pressure first: each header's need becomes a draw above it
                for t, (lo, hi) in balancing[h.name]:  # a turbine balancing this header, within its range
                    f_t = min(max(d[h.name] - supply[h.name], lo), hi)
                    tflow[t.name] = f_t
                    supply[h.name] += f_t
                    d[t.inlet] += f_t
                need = d[h.name] - supply[h.name]
                if h.name == self._top:
                    top_need = need
                    continue
                ld = self._balancing[h.name]
                if need >= 0.0:
                    steam_in = need / (1.0 + spray_ratio[ld.name])
                    ld_steam[ld.name], ld_spray[ld.name] = steam_in, need - steam_in
                else:  # surplus that no letdown can absorb: vented
                    ld_steam[ld.name], ld_spray[ld.name] = 0.0, 0.0
                    vent[h.name] = -need
                d[ld.inlet] += ld_steam[ld.name]
            if top_need < 0.0:
                vent[self._top] = -top_need
                top_need = 0.0
            spray_new = sum(ld_spray.values())
            done = (abs(top_need - S) <= 1e-13 * max(top_need, 1.0)
                    and abs(spray_new - spray_total) <= 1e-13 * max(spray_new, 1.0))
            S, spray_total = top_need, spray_new
            if done:
                break
        cap = sp.boiler.capacity
        if cap is not None and S > cap * (1.0 + 1e-9):
            raise SiteBalanceError(
                f"site {sp.name!r} cannot be balanced: steam demand needs {S:.6g} kg/s from the boiler, above its "
                f"capacity {cap:.6g} kg/s (short by {S - cap:.6g} kg/s)")
        return Controls(boiler_steam=S, makeup=m_u, user_flow=uflow, letdown_steam=ld_steam, letdown_spray=ld_spray,
                        turbine_flow=tflow, vent=vent, deaerator_steam=s_da, overflow=over)

    # ------------------------------------------------------------------ flowsheet
    def fired_boiler(self, c: Controls, states: dict):
        """Result of the fired-boiler model (``units.boiler.Boiler``) at this load, or None;
        with an economizer, a :class:`FiredSystem` (boiler and economizer as one flowsheet)."""
        if self.fired is None:
            return None
        sp = self.spec
        fw = Stream.from_ph(self.water, sp.boiler.pressure, states["spray_h"],
                            c.boiler_steam / (1.0 - sp.boiler.blowdown_fraction))
        if self.economizer is None:
            return self.fired.solve({"feedwater_in": fw, **self.fired.supply(fw)}).result
        return self._fired_with_economizer(fw)

    def _fired_with_economizer(self, fw: Stream) -> "FiredSystem":
        """Boiler drawing its own fuel, economizer on its flue gas preheating the feedwater:
        a recycle (flue gas -> economizer -> feedwater -> boiler) converged by the flowsheet."""
        fs = Flowsheet("fired boiler with economizer")
        fs.add(self.fired)
        fs.add(self.economizer)
        fs.feed("economizer.water_in", fw)
        fs.connect("economizer.water_out", "fired_boiler.feedwater_in")
        fs.connect("fired_boiler.gas_out", "economizer.gas_in")
        fs.guess("economizer.gas_in", self.fired.solve({"feedwater_in": fw}).outlets["gas_out"])
        sol = fs.solve(tol=1e-13, balance_tol=1e-9)
        b = sol.units["fired_boiler"]
        useful = sol.stream("fired_boiler.steam_out").energy_flow + sol.stream("fired_boiler.blowdown_out").energy_flow \
            - fw.energy_flow
        f = self.fired.fuel
        m = b.fuel_mass_flow
        return FiredSystem(fuel_mass_flow=m, useful_heat=useful, efficiency_hhv=useful / (m * f.hhv),
                           efficiency_lhv=useful / (m * f.lhv), boiler=b, economizer=sol.units["economizer"],
                           stack_temperature=sol.stream("economizer.gas_out").T,
                           feedwater_temperature=sol.stream("economizer.water_out").T, solution=sol)

    def efficiency(self, c: Controls, states: dict) -> float:
        """Boiler efficiency on the spec's basis: fixed, or from the fired-boiler model."""
        r = self.fired_boiler(c, states)
        if r is None:
            return self.spec.boiler.efficiency
        return r.efficiency_lhv if self.spec.boiler.basis == "lhv" else r.efficiency_hhv

    def flowsheet(self, c: Controls, guesses: dict | None = None, efficiency: float | None = None) -> Flowsheet:
        """The site flowsheet with set-points ``c``; ``guesses``: tear-stream initial values."""
        sp, w = self.spec, self.water
        fs = Flowsheet(sp.name)
        da_h = sp.deaerator.header
        # make-up first: the solver starts its search at fed units in the order added, so the
        # recycle is torn at the deaerator's and the make-up heater's inlets
        mu_unit = MakeupWater("makeup", sp.deaerator.pressure, sp.blowdown_heat_recovery, fluid=w,
                              blowdown_approach=sp.blowdown_approach)
        bd_hx = True if mu_unit.has_exchanger else None
        fs.add(mu_unit)
        fs.feed("makeup.raw", Stream(w, sp.makeup_temperature, sp.makeup_pressure, c.makeup))
        condensing = [t for t in sp.turbines if t.outlet is None]
        fs.add(Deaerator("deaerator", sp.deaerator.pressure, sp.deaerator.vent_fraction,
                         water_inlets=("condensate", "makeup") + tuple(f"condenser_{t.name}" for t in condensing),
                         fluid=w))
        fs.connect("makeup.makeup", "deaerator.makeup")
        fs.add(Pump("feed_pump", sp.boiler.pressure, sp.feed_pump_efficiency))
        fs.connect("deaerator.feedwater", "feed_pump.inlet")
        sprays = {ld.name: c.letdown_spray[ld.name] for ld in sp.letdowns if ld.desuperheat_to is not None}
        fw_draws = {f"spray_{k}": v for k, v in sprays.items()}
        fw_draws.update({f"whsg_{inj.name}": inj.flow for inj in sp.injections})
        fs.add(SteamHeader("feed_split", sp.boiler.pressure, supplies=("feedwater",), draws=fw_draws,
                           balance="boiler", fluid=w))
        fs.connect("feed_pump.outlet", "feed_split.feedwater")
        eta = sp.boiler.efficiency if efficiency is None else efficiency
        fs.add(EfficiencyBoiler("boiler", sp.boiler.pressure, eta, c.boiler_steam,
                                temperature=sp.boiler.temperature, basis=sp.boiler.basis, fluid=w))
        fs.connect("feed_split.boiler", "boiler.feedwater")
        # headers: supplies and draws
        supplies = {h.name: [] for h in sp.headers}
        draws = {h.name: {} for h in sp.headers}
        supplies[self._top].append("boiler")
        for ld in sp.letdowns:
            supplies[ld.outlet].append(ld.name)
        for t in sp.turbines:
            if t.outlet is not None:
                supplies[t.outlet].append(t.name)
            if t.extraction is not None:
                supplies[t.extraction].append(f"{t.name}_extraction")
        for inj in sp.injections:
            supplies[inj.header].append(inj.name)
        if sp.blowdown_flash_header is not None:
            supplies[sp.blowdown_flash_header].append("blowdown_flash")
        for u in sp.users:
            if u.flash_to is not None:
                supplies[u.flash_to].append(f"{u.name}_flash")
        for u in sp.users:
            draws[u.header][u.name] = c.user_flow[u.name]
        for t in sp.turbines:
            draws[t.inlet][t.name] = c.turbine_flow[t.name]
        for i, tr in enumerate(sp.traps):
            draws[tr.header][f"traps_{i}"] = SteamTraps("t", tr.failed_open, tr.orifice_diameter,
                                                        tr.discharge_coefficient).loss_flow(self._by[tr.header].pressure)
        for k, v in c.vent.items():
            if v > 0.0:
                draws[k]["vent"] = v
        balance = {}
        for h in sp.headers:
            outs = [ld for ld in sp.letdowns if ld.inlet == h.name]
            if h.name == da_h:
                balance[h.name] = "deaerator"
            elif outs:
                balance[h.name] = outs[0].name
            else:
                balance[h.name] = "surplus"
            for ld in outs:
                if ld.name != balance[h.name]:
                    draws[h.name][ld.name] = c.letdown_steam[ld.name]
            if h.name == da_h:
                for ld in outs:
                    draws[h.name][ld.name] = c.letdown_steam[ld.name]
        for h in sp.headers:
            fs.add(SteamHeader(h.name, h.pressure, supplies=tuple(supplies[h.name]), draws=draws[h.name],
                               balance=balance[h.name], heat_loss=h.heat_loss,
                               heat_loss_fraction=h.heat_loss_fraction, fluid=w))
        fs.connect("boiler.steam", f"{self._top}.boiler")
        fs.connect(f"{da_h}.deaerator", "deaerator.steam")
        for ld in sp.letdowns:
            fs.add(PressureReducingValve(ld.name, self._by[ld.outlet].pressure, ld.desuperheat_to, fluid=w))
            fs.connect(f"{ld.inlet}.{ld.name}", f"{ld.name}.steam")
            if ld.desuperheat_to is not None:
                fs.connect(f"feed_split.spray_{ld.name}", f"{ld.name}.water")
            fs.connect(f"{ld.name}.steam", f"{ld.outlet}.{ld.name}")
        for t in sp.turbines:
            p_out = self._by[t.outlet].pressure if t.outlet is not None else t.outlet_pressure
            if t.extraction is None:
                fs.add(SteamTurbine(t.name, p_out, t.generator_efficiency,
                                    isentropic_efficiency=t.isentropic_efficiency, fluid=w))
            else:
                fs.add(ExtractionTurbine(t.name, self._by[t.extraction].pressure, p_out, t.extraction_flow,
                                         (t.isentropic_efficiency, t.isentropic_efficiency), t.generator_efficiency,
                                         fluid=w))
                fs.connect(f"{t.name}.extraction", f"{t.extraction}.{t.name}_extraction")
            fs.connect(f"{t.inlet}.{t.name}", f"{t.name}.steam")
            if t.outlet is not None:
                fs.connect(f"{t.name}.exhaust", f"{t.outlet}.{t.name}")
            else:  # surface condenser: all condensate back to the deaerator (pump work neglected)
                fs.add(SteamUser(f"{t.name}_condenser", fluid=w))
                fs.connect(f"{t.name}.exhaust", f"{t.name}_condenser.steam")
                fs.add(CondensateReturn(f"{t.name}_condensate", 1.0, sp.deaerator.pressure, fluid=w))
                fs.connect(f"{t.name}_condenser.condensate", f"{t.name}_condensate.condensate")
                fs.connect(f"{t.name}_condensate.returned", f"deaerator.condenser_{t.name}")
        for inj in sp.injections:  # waste-heat steam raised from the site's own feedwater
            fs.add(WasteHeatSteam(inj.name, self._by[inj.header].pressure, inj.temperature, fluid=w))
            fs.connect(f"feed_split.whsg_{inj.name}", f"{inj.name}.feedwater")
            fs.connect(f"{inj.name}.steam", f"{inj.header}.{inj.name}")
        for i, tr in enumerate(sp.traps):
            fs.add(SteamTraps(f"traps_{i}", tr.failed_open, tr.orifice_diameter, tr.discharge_coefficient))
            fs.connect(f"{tr.header}.traps_{i}", f"traps_{i}.steam")
        for k, v in c.vent.items():
            if v > 0.0:
                fs.add(SteamVent(f"vent_{k}"))
                fs.connect(f"{k}.vent", f"vent_{k}.steam")
        # users and condensate
        returned = []
        for u in sp.users:
            fs.add(SteamUser(u.name, u.direct_fraction, fluid=w))
            fs.connect(f"{u.header}.{u.name}", f"{u.name}.steam")
            fs.add(CondensateReturn(f"{u.name}_return", u.condensate_recovery, sp.deaerator.pressure, fluid=w))
            if u.flash_to is None:
                fs.connect(f"{u.name}.condensate", f"{u.name}_return.condensate")
            else:  # condensate flash tank: flash steam to the lower header, liquid returns
                fs.add(FlashTank(f"{u.name}_flash", self._by[u.flash_to].pressure, fluid=w))
                fs.connect(f"{u.name}.condensate", f"{u.name}_flash.inlet")
                fs.connect(f"{u.name}_flash.vapour", f"{u.flash_to}.{u.name}_flash")
                fs.connect(f"{u.name}_flash.liquid", f"{u.name}_return.condensate")
            returned.append(f"{u.name}_return.returned")
        if returned:
            # the receiver overflows to drain what the deaerator cannot take (Controls.overflow)
            collected = self._condensate_flow(c)
            kept = 1.0 if not (c.overflow > 0.0 and collected > 0.0) else min(max(1.0 - c.overflow / collected, 0.0), 1.0)
            fs.add(CondensateReturn("condensate_tank", kept, sp.deaerator.pressure, sp.condensate_return_temperature,
                                    sources=tuple(f"c{i}" for i in range(len(returned))), fluid=w))
            for i, r in enumerate(returned):
                fs.connect(r, f"condensate_tank.c{i}")
            fs.connect("condensate_tank.returned", "deaerator.condensate")
        else:
            fs.feed("deaerator.condensate", Stream(w, sp.condensate_return_temperature, sp.deaerator.pressure, 0.0))
        # blowdown
        bd_src = "boiler.blowdown"
        if sp.blowdown_flash_header is not None:
            fs.add(FlashTank("blowdown_flash", self._by[sp.blowdown_flash_header].pressure, fluid=w))
            fs.connect("boiler.blowdown", "blowdown_flash.inlet")
            fs.connect("blowdown_flash.vapour", f"{sp.blowdown_flash_header}.blowdown_flash")
            bd_src = "blowdown_flash.liquid"
        if bd_hx is not None:
            fs.connect(bd_src, "makeup.blowdown")
        for k, v in (guesses or {}).items():
            fs.guess(k, v)
        return fs

    def _condensate_flow(self, c: Controls) -> float:
        """Users' condensate reaching the receiver [kg/s] (after return losses and flash)."""
        fl = self._user_flash(c.user_flow)
        return sum(c.user_flow[u.name] * (1 - u.direct_fraction) * u.condensate_recovery * (1.0 - fl[u.name][1])
                   for u in self.spec.users)

    def _first_guesses(self, c: Controls, states: dict) -> dict:
        sp, w = self.spec, self.water
        _, h_l, _ = saturation_enthalpies(w, sp.deaerator.pressure)
        g = {"deaerator.steam": Stream.from_ph(w, self._by[sp.deaerator.header].pressure,
                                               states["header_h"][sp.deaerator.header], c.deaerator_steam),
             "deaerator.condensate": Stream(w, sp.condensate_return_temperature, sp.deaerator.pressure,
                                            max(self._condensate_flow(c) - c.overflow, 0.0))}
        for t in sp.turbines:
            if t.outlet is None:
                g[f"deaerator.condenser_{t.name}"] = Stream.from_ph(
                    w, sp.deaerator.pressure, saturation_enthalpies(w, t.outlet_pressure)[1],
                    c.turbine_flow[t.name] - t.extraction_flow)
        blow = c.boiler_steam * sp.boiler.blowdown_fraction / (1.0 - sp.boiler.blowdown_fraction)
        if sp.blowdown_heat_recovery is not None or sp.blowdown_approach is not None:
            if sp.blowdown_flash_header is not None:
                p = self._by[sp.blowdown_flash_header].pressure
                _, h_l2, h_v2 = saturation_enthalpies(w, p)
                m = blow * (1.0 - float(flash_fraction(self._drum.h, h_l2, h_v2)))
                g["makeup.blowdown"] = Stream.from_ph(w, p, h_l2, m)
            else:
                g["makeup.blowdown"] = Stream.from_ph(w, sp.boiler.pressure, self._drum.h, blow)
        return g

    # ------------------------------------------------------------------ solve
    def _pack(self, states: dict) -> np.ndarray:
        return np.array([states["header_h"][h.name] for h in self.spec.headers]
                        + [states["spray_h"], states["makeup_h"]])

    def _unpack(self, x: np.ndarray) -> dict:
        n = len(self.spec.headers)
        return {"header_h": {h.name: float(x[i]) for i, h in enumerate(self.spec.headers)},
                "spray_h": float(x[n]), "makeup_h": float(x[n + 1])}

    def solve(self, *, tol: float = 1e-9, max_passes: int = 40) -> SiteResult:
        """Balance the site; raises :class:`SiteBalanceError` if it cannot be balanced.

        The outer loop is a fixed point on the states the load control uses (header
        enthalpies, spray-water and make-up enthalpies), accelerated like the flowsheet's
        tear streams by the bounded Wegstein method (Wegstein 1958); it stops when the
        set-points change by less than ``tol`` (relative to the largest set-point).
        """
        c, st0 = self.settle()
        x = self._pack(st0)
        guesses = self._first_guesses(c, self._unpack(x))
        history = []
        sol = None
        x_prev = g_prev = None
        for n in range(1, max_passes + 1):
            fs = self.flowsheet(c, guesses, self.efficiency(c, self._unpack(x)))
            sol = fs.solve(tol=1e-11, balance_tol=1e-9)
            g = self._pack(self._states_from(sol))
            c_new = self.controls(self._unpack(g), boiler_guess=c.boiler_steam)
            v0, v1 = c.vector(), c_new.vector()
            change = float(np.max(np.abs(v1 - v0)) / max(np.max(np.abs(v1)), 1e-300))
            history.append(change)
            guesses = {k: sol.stream(k) for k in guesses}
            if change <= tol:
                c = c_new
                break
            if g_prev is not None:
                dx = x - x_prev
                with np.errstate(divide="ignore", invalid="ignore"):
                    slope = np.where(np.abs(dx) > 0, (g - g_prev) / dx, 0.0)
                    q = np.where(np.abs(slope - 1.0) > 1e-12, slope / (slope - 1.0), 0.0)
                q = np.clip(np.nan_to_num(q), -5.0, 0.0)
                x_new = q * x + (1.0 - q) * g
            else:
                x_new = g
            x_prev, g_prev, x = x, g, x_new
            c = self.controls(self._unpack(x), boiler_guess=c.boiler_steam)
        else:
            raise SiteBalanceError(f"site {self.spec.name!r}: load control did not settle in {max_passes} passes; "
                                   f"set-point changes: {', '.join(f'{h:.2g}' for h in history[-5:])}")
        b = sol.units["boiler"]
        if b.steam_shortfall > 1e-9 * b.steam_flow or abs(b.blowdown_fraction - self.spec.boiler.blowdown_fraction) > 1e-8:
            raise SiteBalanceError(f"site {self.spec.name!r}: feedwater and boiler load did not settle (shortfall "
                                   f"{b.steam_shortfall:.3g} kg/s, blowdown fraction {b.blowdown_fraction:.6g})")
        return self._result(sol, c, tuple(history), n, self.fired_boiler(c, self._unpack(x)))

    def _result(self, sol, c: Controls, history: tuple, passes: int, fired=None) -> SiteResult:
        sp = self.spec
        u = sol.units
        boiler = u["boiler"]
        gen = sum(u[t.name].power for t in sp.turbines)
        pump = float(sum(sol.sources["feed_pump"].values()))
        da = u["deaerator"]
        vented = sum(c.vent.values())
        heat_losses = -sum(v for name, src in sol.sources.items() for k, v in src.items() if k == "heat_loss")
        process_heat = sum(u[x.name].heat for x in sp.users)
        econ = sp.economics
        sec = econ.hours * 3600.0
        power_import = econ.site_power_demand + pump - gen
        fuel_y = boiler.fuel_input * sec
        power_y = power_import * sec
        water_y = c.makeup * sec
        co2 = fuel_y * econ.fuel_emission_factor + power_y * econ.grid_emission_factor
        fuel_cost = fuel_y * econ.fuel_price
        power_cost = power_y * econ.power_price
        water_cost = water_y * econ.water_price
        bal = sol.balances
        headers = {h.name: {"pressure": h.pressure, "temperature": u[h.name].temperature,
                            "enthalpy": u[h.name].enthalpy, "superheat": u[h.name].superheat,
                            "supply_flow": u[h.name].supply_flow} for h in sp.headers}
        return SiteResult(
            boiler_steam=boiler.steam_flow, feedwater=boiler.feedwater_flow, blowdown=boiler.blowdown_flow,
            makeup_water=c.makeup, deaerator_steam=da.steam_flow, condensate_returned=da.water_flow - c.makeup,
            condensate_overflow=c.overflow,
            vented=vented, letdowns=dict(c.letdown_steam), sprays=dict(c.letdown_spray),
            turbine_flows=dict(c.turbine_flow), fuel_input=boiler.fuel_input, boiler_heat=boiler.heat_absorbed,
            power_generated=gen, feed_pump_power=pump, power_import=power_import, process_heat=process_heat,
            heat_losses=heat_losses, headers=headers, fuel_energy_per_year=fuel_y, power_import_per_year=power_y,
            water_per_year=water_y, co2_per_year=co2, fuel_cost_per_year=fuel_cost,
            power_cost_per_year=power_cost, water_cost_per_year=water_cost,
            total_cost_per_year=fuel_cost + power_cost + water_cost, overall=dict(sol.overall),
            max_unit_mass_relative=float(bal["mass_relative"].max()),
            max_unit_energy_relative=float(bal["energy_relative"].max()), outer_history=history,
            tear_history=tuple(sol.tear_history), passes=passes, solution=sol, fired_boiler=fired)
