"""A whole steam site as one plant-file unit (``type = "steam_site"``).

The site (boiler, headers, turbines, letdowns, users, deaerator, condensate and make-up) is
balanced by its own flowsheet and load control (:class:`units.steam.site.SiteModel`); in a
plant file it is one unit whose parameters are those of
:func:`units.steam.description.common_site` (``boiler``, ``headers``, ``users``,
``turbines``, ``condensate_recovery``, ``letdowns``, ``blowdown``, ``condensate``,
``makeup``, ``deaerator``, ``traps``, ``injections``, ``economics``), so that retrofit
options are patches of those parameters (``units.site.condensate_recovery = 0.85``, an
item appended to ``units.site.turbines``, ``units.site.boiler.economizer``).
It has no ports: its water and fuel cross the site boundary inside the site model, and the
result reports them as purchased carriers per second (``carriers``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from procsim.flowsheet import UnitSolution
from units.steam.description import common_site
from units.steam.site import SiteModel, SiteResult

__all__ = ["SteamSite", "SteamSiteResult"]

#: library fuel -> (carrier, carrier units per kg of fuel) for the fired boiler's fuel
_FUEL_CARRIER = {"natural_gas": "natural_gas_nm3"}


@dataclass(frozen=True)
class SteamSiteResult:
    """The balanced site (``site``: :class:`~units.steam.site.SiteResult`) and, per second,
    the purchased ``carriers`` (fuel in its carrier unit, electricity_kwh, ...). Residuals:
    the site flowsheet's boundary residuals, ``mass_residual`` [kg/s], ``energy_residual`` [W]."""

    site: SiteResult = field(repr=False)
    carriers: dict
    fuel_input: float
    power_import: float
    boiler_steam: float
    makeup_water: float
    mass_residual: float
    energy_residual: float


class SteamSite:
    """A steam site from :func:`~units.steam.description.common_site` keyword arguments.

    Parameters
    ----------
    name : unit (and site) name
    **description : arguments of :func:`~units.steam.description.common_site`

    The boiler's fuel is counted from the fired-boiler model (``boiler.fired``, its fuel
    mass flow) when there is one, else from ``fuel_input`` on the boiler's basis and the
    fuel's heating value on that basis. Electricity is the site's import (demand + feed pump
    - turbine generation); a net export is an error (the accounting counts purchases).
    """

    inlets = ()
    outlets = ()

    def __init__(self, name: str = "site", **description):
        self.name = name
        self.spec = common_site(name=name, **description)
        self.fuel = None
        b = self.spec.boiler
        if b.fuel is not None:
            from procsim.thermo.combustion import Fuel

            self.fuel = Fuel.from_name(b.fuel)

    def solve(self, inlets) -> UnitSolution:
        r = SiteModel(self.spec).solve()
        carriers = {}
        if self.fuel is not None:
            if self.fuel.name not in _FUEL_CARRIER:
                raise ValueError(f"{self.name}: fuel {self.fuel.name!r} has no accounting carrier here; "
                                 f"known: {', '.join(_FUEL_CARRIER)}")
            if r.fired_boiler is not None:
                m_fuel = r.fired_boiler.fuel_mass_flow
            else:
                hv = self.fuel.lhv if self.spec.boiler.basis == "lhv" else self.fuel.hhv
                m_fuel = r.fuel_input / hv
            carriers[_FUEL_CARRIER[self.fuel.name]] = m_fuel * self.fuel.volume_per_kg
        if r.power_import != 0.0:
            if r.power_import < 0.0:
                raise ValueError(f"{self.name}: the site exports {-r.power_import:.6g} W; export is not accounted")
            carriers["electricity_kwh"] = r.power_import / 3.6e6
        res = SteamSiteResult(r, carriers, r.fuel_input, r.power_import, r.boiler_steam, r.makeup_water,
                              mass_residual=float(r.overall["mass_residual"]),
                              energy_residual=float(r.overall["energy_residual"]))
        return UnitSolution({}, res)
