"""Site descriptions: the data that define a steam site, read from a dict or a TOML file.

A description names the boiler, the headers (any number, by pressure), the users on each
header, the turbines and letdown valves between headers, the deaerator, condensate return,
make-up water, blowdown flash and heat recovery, failed traps, waste-heat steam injected into
headers, and the economics. Values are SI numbers or strings with units (parsed by
:func:`procsim.quantities.to_si`: ``"42 bar(g)"``, ``"400 degC"``, ``"30 t/h"``, ``"1.2 MW"``).
:func:`site_from_dict` checks every entry and returns a frozen :class:`SiteSpec`;
:func:`common_site` builds the common 1-3 header topology from a short description.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from procsim.quantities import to_si
from procsim.validation import as_float, check_fraction, check_int, check_range, short_repr

__all__ = ["BoilerSpec", "HeaderSpec", "UserSpec", "TurbineSpec", "LetdownSpec", "DeaeratorSpec",
           "InjectionSpec", "TrapSpec", "Economics", "SiteSpec", "site_from_dict", "site_from_toml",
           "common_site", "common_site_from_toml", "example_site_description"]


def _q(d: dict, key: str, kind: str, where: str, default=dataclasses.MISSING):
    if key not in d or d[key] is None:
        if default is dataclasses.MISSING:
            raise ValueError(f"{where}: missing {key!r}")
        return default
    try:
        return to_si(d[key], kind)
    except ValueError as exc:
        raise ValueError(f"{where}: {key}: {exc}") from None


def _items(d: dict, key: str) -> list:
    """The list ``d[key]`` (empty when absent), each entry a table; errors name ``key[i]``."""
    v = d.get(key) or []
    if not isinstance(v, (list, tuple)):
        raise ValueError(f"{key} must be a list of tables; got {short_repr(v)}")
    for i, item in enumerate(v):
        if not isinstance(item, dict):
            raise ValueError(f"{key}[{i}] must be a table of keys; got {short_repr(item)}")
    return list(v)


def _req(d: dict, key: str, where: str) -> str:
    """Required text field ``d[key]``; a missing one is named by its path (``headers[0].name``)."""
    if key not in d:
        raise ValueError(f"{where}.{key} is missing (required)")
    return str(d[key])


def _known(d: dict, keys: set, where: str) -> None:
    if not isinstance(d, dict):
        raise ValueError(f"{where} must be a table of keys; got {short_repr(d)}")
    extra = set(d) - keys
    if extra:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(extra))}; known: {', '.join(sorted(keys))}")


@dataclass(frozen=True)
class BoilerSpec:
    """pressure [Pa], temperature [K] or None (saturated), efficiency [-] on ``basis``,
    blowdown_fraction [-] of feedwater, capacity [kg/s] or None, fuel (name, for accounting),
    fired: None, or keyword arguments of :class:`units.boiler.Boiler` (rated_output [W],
    kind, o2_dry, stack_temperature [K], ...) to take the efficiency from its heat-loss
    model at each load instead of the fixed ``efficiency``; economizer: None, or keyword
    arguments of :class:`units.heat_exchanger.Economizer` (``gas_outlet_temperature`` [K] or
    ``ua`` ...) for a feedwater economizer on the fired boiler's own flue gas (needs ``fired``;
    solved as a recycle, the site's efficiency is then that of boiler and economizer together)."""

    pressure: float
    efficiency: float
    blowdown_fraction: float
    temperature: float | None = None
    basis: str = "lhv"
    capacity: float | None = None
    fuel: str = "natural_gas"
    fired: tuple | None = None
    economizer: tuple | None = None

    @property
    def fired_kwargs(self) -> dict | None:
        return None if self.fired is None else dict(self.fired)

    @property
    def economizer_kwargs(self) -> dict | None:
        return None if self.economizer is None else dict(self.economizer)


@dataclass(frozen=True)
class HeaderSpec:
    """name, pressure [Pa abs], heat_loss [W] of the header and its mains, heat_loss_fraction
    [-] a further loss as a share of the enthalpy flow entering the header (MEASUR's "%")."""

    name: str
    pressure: float
    heat_loss: float = 0.0
    heat_loss_fraction: float = 0.0


@dataclass(frozen=True)
class UserSpec:
    """name, header, flow [kg/s] *or* heat [W] (the steam flow then follows from the header
    state: heat / (h_header - h_saturated liquid), so a colder header needs more steam),
    condensate_recovery [-], direct_fraction [-] (steam injected), flash_to: a lower header into
    which the user's condensate is flashed before it returns (None: no flash tank)."""

    name: str
    header: str
    flow: float | None = None
    condensate_recovery: float = 0.0
    direct_fraction: float = 0.0
    heat: float | None = None
    flash_to: str | None = None


@dataclass(frozen=True)
class TurbineSpec:
    """name, inlet header, exhaust header (or None: condensing to ``outlet_pressure``),
    flow [kg/s] (at the inlet) or power [W] (exactly one), isentropic_efficiency (of each
    section), generator_efficiency; extraction turbines also name the ``extraction`` header
    and the ``extraction_flow`` [kg/s] taken off there.

    Operating modes of DOE's MEASUR steam modeler: a fixed ``flow`` or ``power``; or a
    back-pressure turbine that balances its exhaust header (``balance_header``): it passes
    what that header needs before its letdown valve opens, unlimited, within ``flow_range``
    (min, max) [kg/s], or within ``power_range`` (min, max) [W] (converted to flows at each
    inlet state); below its minimum the surplus is vented, above its maximum the letdown
    takes the rest."""

    name: str
    inlet: str
    outlet: str | None
    isentropic_efficiency: float
    generator_efficiency: float
    flow: float | None = None
    power: float | None = None
    outlet_pressure: float | None = None
    extraction: str | None = None
    extraction_flow: float = 0.0
    balance_header: bool = False
    flow_range: tuple | None = None
    power_range: tuple | None = None

    @property
    def balances_header(self) -> bool:
        return self.balance_header or self.flow_range is not None or self.power_range is not None


@dataclass(frozen=True)
class LetdownSpec:
    """Balancing letdown valve from a higher to a lower header; desuperheat_to [K] or None."""

    inlet: str
    outlet: str
    desuperheat_to: float | None = None

    @property
    def name(self) -> str:
        return f"prv_{self.inlet}_{self.outlet}"


@dataclass(frozen=True)
class DeaeratorSpec:
    """pressure [Pa abs], vent_fraction [-] of feedwater, header supplying its steam."""

    pressure: float
    vent_fraction: float
    header: str


@dataclass(frozen=True)
class InjectionSpec:
    """Steam from outside the boiler house (waste-heat steam generator): name, header, flow
    [kg/s], temperature [K] or None (dry saturated at the header pressure)."""

    name: str
    header: str
    flow: float
    temperature: float | None = None


@dataclass(frozen=True)
class TrapSpec:
    """Traps failed open on a header: count, orifice_diameter [m], discharge_coefficient [-]."""

    header: str
    failed_open: int
    orifice_diameter: float
    discharge_coefficient: float = 0.6  # reproduces DOE Steam Tip Sheet #1 (see units.steam.users.SteamTraps)


@dataclass(frozen=True)
class Economics:
    """Operating hours [h/yr]; prices in currency per SI unit: fuel [per J], power [per J],
    water [per kg]; emission factors [kg CO2e per J] of fuel and of grid electricity;
    site_power_demand [W] (electricity the site uses besides the feed pump); currency."""

    hours: float = 8760.0
    fuel_price: float = 0.0
    power_price: float = 0.0
    water_price: float = 0.0
    fuel_emission_factor: float = 0.0
    grid_emission_factor: float = 0.0
    site_power_demand: float = 0.0
    currency: str = "TWD"

    #: procsim fuel names -> IPCC 2006 fuel names of :func:`procsim.accounting.fuel_factor`
    IPCC_FUEL = {"natural_gas": "natural_gas", "pipeline_gas": "natural_gas", "lpg": "lpg",
                 "diesel": "gas_diesel_oil", "fuel_oil": "residual_fuel_oil",
                 "bituminous_coal": "other_bituminous_coal", "sub_bituminous_coal": "sub_bituminous_coal",
                 "petroleum_coke": "petroleum_coke"}

    @classmethod
    def from_accounting(cls, fuel: str, *, basis: str = "lhv", region: str = "TW", year: int = 2024,
                        grid_basis: str = "actual", gwp_set: str = "AR5", fuel_price: float = 0.0,
                        hours: float = 8760.0, water_price: float = 0.0, site_power_demand: float = 0.0,
                        power_price: float | None = None, currency: str = "TWD") -> "Economics":
        """Emission factors and the electricity price from :mod:`procsim.accounting`.

        Fuel: IPCC 2006 CO2, CH4 and N2O factors (NCV basis, manufacturing sector) weighted by
        the ``gwp_set``, per J of fuel on the boiler's ``basis`` (an HHV-basis boiler uses the
        fuel's LHV/HHV ratio from :class:`procsim.thermo.combustion.Fuel`). Grid:
        ``grid_factor(region, year, grid_basis)``. Power price: ``energy_price("electricity_kwh",
        region, year)`` unless given [currency per J]. ``fuel_price`` [currency per J on
        ``basis``] has no packaged default.
        """
        from procsim.accounting import energy_price, fuel_factor, grid_factor, gwp
        from procsim.thermo.combustion import Fuel

        if fuel not in cls.IPCC_FUEL:
            raise ValueError(f"fuel must be one of {', '.join(repr(k) for k in cls.IPCC_FUEL)}; got {fuel!r}")
        ipcc = cls.IPCC_FUEL[fuel]
        per_tj = (float(fuel_factor(ipcc, "co2")) + float(gwp("CH4", gwp_set)) * float(fuel_factor(ipcc, "ch4"))
                  + float(gwp("N2O", gwp_set)) * float(fuel_factor(ipcc, "n2o")))
        ef = per_tj / 1e12
        if basis == "hhv":
            f = Fuel.from_name(fuel)
            ef *= f.lhv / f.hhv
        elif basis != "lhv":
            raise ValueError(f"basis must be 'lhv' or 'hhv'; got {basis!r}")
        grid = float(grid_factor(region, year, grid_basis)) / 3.6e6
        pp = float(energy_price("electricity_kwh", region, year)) / 3.6e6 if power_price is None else power_price
        return cls(hours=hours, fuel_price=fuel_price, power_price=pp, water_price=water_price,
                   fuel_emission_factor=ef, grid_emission_factor=grid, site_power_demand=site_power_demand,
                   currency=currency)


@dataclass(frozen=True)
class SiteSpec:
    """A whole steam site (SI). See :func:`site_from_dict` for the description format."""

    name: str
    boiler: BoilerSpec
    headers: tuple
    users: tuple
    turbines: tuple
    letdowns: tuple
    deaerator: DeaeratorSpec
    condensate_return_temperature: float
    makeup_temperature: float
    makeup_pressure: float
    blowdown_flash_header: str | None = None
    blowdown_heat_recovery: float | None = None
    blowdown_approach: float | None = None
    feed_pump_efficiency: float = 0.75  # assumed (unverified), a mid-range centrifugal value: pass the data sheet
    injections: tuple = ()
    traps: tuple = ()
    economics: Economics = field(default_factory=Economics)

    def header(self, name: str) -> HeaderSpec:
        for h in self.headers:
            if h.name == name:
                return h
        raise ValueError(f"site {self.name!r}: no header named {name!r}; headers: "
                         f"{', '.join(h.name for h in self.headers)}")

    def replace(self, **changes) -> "SiteSpec":
        """A copy with some fields changed (validated again)."""
        return _validate(dataclasses.replace(self, **changes))


def _validate(site: SiteSpec) -> SiteSpec:
    names = [h.name for h in site.headers]
    if not names:
        raise ValueError(f"site {site.name!r}: at least one header is needed")
    if len(set(names)) != len(names):
        raise ValueError(f"site {site.name!r}: header names must be unique; got {names}")
    ps = [h.pressure for h in site.headers]
    if len(set(ps)) != len(ps):
        raise ValueError(f"site {site.name!r}: header pressures must differ; got {ps} Pa")
    top = max(site.headers, key=lambda h: h.pressure)
    if site.boiler.pressure < top.pressure:
        raise ValueError(f"site {site.name!r}: boiler pressure {site.boiler.pressure!r} Pa is below the highest "
                         f"header {top.name!r} at {top.pressure!r} Pa")
    by = {h.name: h for h in site.headers}
    unit_names = set()
    for u in site.users:
        site.header(u.header)
        if u.name in unit_names:
            raise ValueError(f"site {site.name!r}: duplicate name {u.name!r}")
        unit_names.add(u.name)
        if (u.flow is None) == (u.heat is None):
            raise ValueError(f"site {site.name!r}: user {u.name!r} needs exactly one of flow or heat")
        val, kind, unit = (u.flow, "flow", "kg/s") if u.flow is not None else (u.heat, "heat", "W")
        if not (val >= 0.0):
            raise ValueError(f"site {site.name!r}: user {u.name!r} {kind} must be >= 0 {unit}; got {val!r} {unit}")
        check_fraction(f"user {u.name!r} condensate_recovery", u.condensate_recovery)
        check_fraction(f"user {u.name!r} direct_fraction", u.direct_fraction)
        if u.flash_to is not None and not (by[u.flash_to].pressure < by[u.header].pressure):
            raise ValueError(f"site {site.name!r}: user {u.name!r} flashes its condensate to {u.flash_to!r} at "
                             f"{by[u.flash_to].pressure!r} Pa, not below its header {u.header!r} at "
                             f"{by[u.header].pressure!r} Pa")
    for t in site.turbines:
        if t.name in unit_names:
            raise ValueError(f"site {site.name!r}: duplicate name {t.name!r}")
        unit_names.add(t.name)
        site.header(t.inlet)
        if t.balances_header:
            if t.flow is not None or t.power is not None or t.outlet is None or t.extraction is not None:
                raise ValueError(f"site {site.name!r}: turbine {t.name!r} balancing its exhaust header must be a "
                                 "back-pressure turbine into a header, without flow, power or extraction")
            if t.flow_range is not None and t.power_range is not None:
                raise ValueError(f"site {site.name!r}: turbine {t.name!r}: give flow_range or power_range, not both")
        elif (t.flow is None) == (t.power is None):
            raise ValueError(f"site {site.name!r}: turbine {t.name!r} needs exactly one of flow or power")
        val = t.flow if t.flow is not None else (t.power if t.power is not None else 0.0)
        if not (val >= 0.0):
            kind, unit = ("flow", "kg/s") if t.flow is not None else ("power", "W")
            raise ValueError(f"site {site.name!r}: turbine {t.name!r} {kind} must be >= 0 {unit}; got {val!r} {unit}")
        if t.outlet is not None:
            if by[t.outlet].pressure >= by[t.inlet].pressure:
                raise ValueError(f"site {site.name!r}: turbine {t.name!r} exhausts to {t.outlet!r} at "
                                 f"{by[t.outlet].pressure!r} Pa, not below its inlet header {t.inlet!r} at "
                                 f"{by[t.inlet].pressure!r} Pa")
        elif t.outlet_pressure is None:
            raise ValueError(f"site {site.name!r}: condensing turbine {t.name!r} needs outlet_pressure")
        if t.extraction is not None:
            p_x = site.header(t.extraction).pressure
            p_o = by[t.outlet].pressure if t.outlet is not None else t.outlet_pressure
            if not (p_o < p_x < by[t.inlet].pressure):
                raise ValueError(f"site {site.name!r}: turbine {t.name!r} extraction header {t.extraction!r} at "
                                 f"{p_x!r} Pa must lie between its inlet ({by[t.inlet].pressure!r} Pa) and exhaust "
                                 f"({p_o!r} Pa) pressures")
            if not (t.extraction_flow >= 0.0) or (t.flow is not None and t.extraction_flow > t.flow):
                raise ValueError(f"site {site.name!r}: turbine {t.name!r} extraction_flow {t.extraction_flow!r} kg/s "
                                 f"must be in [0, {t.flow!r}] kg/s (the inlet flow)")
    lower = {}
    for ld in site.letdowns:
        site.header(ld.inlet), site.header(ld.outlet)
        if by[ld.outlet].pressure >= by[ld.inlet].pressure:
            raise ValueError(f"site {site.name!r}: letdown {ld.name!r}: outlet header {ld.outlet!r} "
                             f"({by[ld.outlet].pressure!r} Pa) must be below inlet header {ld.inlet!r} "
                             f"({by[ld.inlet].pressure!r} Pa)")
        if ld.outlet in lower:
            raise ValueError(f"site {site.name!r}: header {ld.outlet!r} has two balancing letdowns "
                             f"({lower[ld.outlet]!r} and {ld.name!r}); give it one")
        lower[ld.outlet] = ld.name
    site.header(site.deaerator.header)
    for inj in site.injections:
        site.header(inj.header)
        if not (inj.flow >= 0.0):
            raise ValueError(f"site {site.name!r}: injection {inj.name!r} flow must be >= 0 kg/s; got {inj.flow!r}")
    for tr in site.traps:
        site.header(tr.header)
    if site.blowdown_flash_header is not None:
        fh = site.header(site.blowdown_flash_header)
        if not (fh.pressure < site.boiler.pressure):
            raise ValueError(f"site {site.name!r}: blowdown cannot flash into header {fh.name!r} at {fh.pressure!r} Pa: "
                             f"it must be below the boiler pressure {site.boiler.pressure!r} Pa")
    check_fraction("boiler blowdown_fraction", site.boiler.blowdown_fraction)
    if not (site.boiler.blowdown_fraction < 0.5):
        raise ValueError(f"boiler blowdown_fraction must be < 0.5; got {site.boiler.blowdown_fraction!r}")
    check_range("boiler efficiency", site.boiler.efficiency, 0.0, 1.0, low_inclusive=False)
    return site


_SITE_KEYS = {"name", "boiler", "headers", "users", "turbines", "letdowns", "deaerator", "condensate",
              "makeup", "blowdown", "feed_pump_efficiency", "injections", "traps", "economics"}


def site_from_dict(d: dict) -> SiteSpec:
    """Build a :class:`SiteSpec` from a description (see the module docstring).

    Keys: ``name``; ``boiler`` {pressure, temperature?, efficiency, basis?, blowdown_fraction,
    capacity?, fuel?}; ``headers`` [{name, pressure, heat_loss?, heat_loss_fraction?}]; ``users`` [{name, header,
    flow, condensate_recovery?, direct_fraction?}]; ``turbines`` [{name, inlet, outlet |
    outlet_pressure, flow | power, isentropic_efficiency, generator_efficiency, extraction?,
    extraction_flow?}];
    ``letdowns`` [{inlet, outlet, desuperheat_to?}] (default: each header fed from the next
    higher one); ``deaerator`` {pressure, vent_fraction, header?}; ``condensate``
    {return_temperature}; ``makeup`` {temperature, pressure?}; ``blowdown`` {flash_header?,
    heat_recovery? (effectiveness) or approach? (K)}; ``feed_pump_efficiency``; ``injections`` [{name, header, flow,
    temperature?}]; ``traps`` [{header, failed_open, orifice_diameter, discharge_coefficient?}];
    ``economics`` {hours, fuel_price, power_price, water_price, fuel_emission_factor,
    grid_emission_factor, site_power_demand, currency}.

    Defaults where a key is left out, each an assumption to be replaced by plant data:
    deaerator vent 0.1 % of feedwater (vendors' usual sizing, unverified), deaerator steam
    from the lowest header, condensate returned at 80 C, make-up at 25 C delivered at the
    deaerator pressure, feed pump isentropic efficiency 0.75 (multistage centrifugal feed
    pumps, unverified), no blowdown, no blowdown flash or heat recovery, 8,760 h/yr and zero
    prices and emission factors (money and CO2 then read 0).
    """
    if not isinstance(d, dict):
        raise ValueError(f"a site description must be a dict; got {type(d).__name__}")
    _known(d, _SITE_KEYS, "site")
    name = str(d.get("name", "site"))
    b = d.get("boiler") or {}
    _known(b, {"pressure", "temperature", "efficiency", "basis", "blowdown_fraction", "capacity", "fuel", "fired",
               "economizer"}, "boiler")
    eco = b.get("economizer")
    if eco is not None:
        if b.get("fired") is None:
            raise ValueError("boiler.economizer needs boiler.fired: the economizer works on the fired boiler's flue gas")
        eco = dict(eco)
        for key, kind in (("gas_outlet_temperature", "temperature"), ("water_outlet_temperature", "temperature")):
            if key in eco:
                eco[key] = _q(eco, key, kind, "boiler.economizer")
        eco = tuple(sorted(eco.items()))
    fired = b.get("fired")
    if fired is not None:
        fired = dict(fired)
        for key, kind in (("rated_output", "power"), ("stack_temperature", "temperature"),
                          ("air_temperature", "temperature")):
            if key in fired:
                fired[key] = _q(fired, key, kind, "boiler.fired")
        fired = tuple(sorted(fired.items()))
    boiler = BoilerSpec(pressure=_q(b, "pressure", "pressure", "boiler"),
                        temperature=_q(b, "temperature", "temperature", "boiler", None),
                        efficiency=_q(b, "efficiency", "fraction", "boiler", 1.0 if fired is not None else
                                      dataclasses.MISSING),
                        blowdown_fraction=_q(b, "blowdown_fraction", "fraction", "boiler", 0.0),
                        basis=str(b.get("basis", "lhv")), capacity=_q(b, "capacity", "mass_flow", "boiler", None),
                        fuel=str(b.get("fuel", "natural_gas")), fired=fired, economizer=eco)
    headers = []
    for i, h in enumerate(_items(d, "headers")):
        _known(h, {"name", "pressure", "heat_loss", "heat_loss_fraction"}, f"headers[{i}]")
        headers.append(HeaderSpec(_req(h, "name", f"headers[{i}]"), _q(h, "pressure", "pressure", f"header {h.get('name')}"),
                                  _q(h, "heat_loss", "power", f"header {h.get('name')}", 0.0),
                                  _q(h, "heat_loss_fraction", "fraction", f"header {h.get('name')}", 0.0)))
    headers = tuple(sorted(headers, key=lambda x: -x.pressure))
    users = []
    for i, u in enumerate(_items(d, "users")):
        _known(u, {"name", "header", "flow", "heat", "condensate_recovery", "direct_fraction", "flash_to"},
               f"users[{i}]")
        w = f"user {u.get('name')}"
        users.append(UserSpec(_req(u, "name", f"users[{i}]"), _req(u, "header", f"users[{i}]"), _q(u, "flow", "mass_flow", w, None),
                              _q(u, "condensate_recovery", "fraction", w, 0.0),
                              _q(u, "direct_fraction", "fraction", w, 0.0), _q(u, "heat", "power", w, None),
                              None if u.get("flash_to") is None else str(u["flash_to"])))
    turbines = []
    for i, t in enumerate(_items(d, "turbines")):
        _known(t, {"name", "inlet", "outlet", "outlet_pressure", "flow", "power", "isentropic_efficiency",
                   "generator_efficiency", "extraction", "extraction_flow", "balance_header", "flow_range",
                   "power_range"}, f"turbines[{i}]")
        w = f"turbine {t.get('name')}"
        ranges = {}
        for key, kind in (("flow_range", "mass_flow"), ("power_range", "power")):
            if t.get(key) is not None:
                rg = t[key]
                if not (isinstance(rg, (list, tuple)) and len(rg) == 2):
                    raise ValueError(f"{w}: {key} must be [min, max]; got {rg!r}")
                lo, hi = (_q({"v": v}, "v", kind, f"{w} {key}") for v in rg)
                if not (0.0 <= lo <= hi):
                    raise ValueError(f"{w}: {key} must have 0 <= min <= max; got {rg!r}")
                ranges[key] = (lo, hi)
        turbines.append(TurbineSpec(_req(t, "name", f"turbines[{i}]"), _req(t, "inlet", f"turbines[{i}]"),
                                    None if t.get("outlet") is None else str(t["outlet"]),
                                    _q(t, "isentropic_efficiency", "fraction", w),
                                    _q(t, "generator_efficiency", "fraction", w),
                                    _q(t, "flow", "mass_flow", w, None), _q(t, "power", "power", w, None),
                                    _q(t, "outlet_pressure", "pressure", w, None),
                                    None if t.get("extraction") is None else str(t["extraction"]),
                                    _q(t, "extraction_flow", "mass_flow", w, 0.0),
                                    bool(t.get("balance_header", False)), ranges.get("flow_range"),
                                    ranges.get("power_range")))
    if "letdowns" in d:
        letdowns = []
        for i, ld in enumerate(_items(d, "letdowns")):
            _known(ld, {"inlet", "outlet", "desuperheat_to"}, f"letdowns[{i}]")
            letdowns.append(LetdownSpec(_req(ld, "inlet", f"letdowns[{i}]"), _req(ld, "outlet", f"letdowns[{i}]"),
                                        _q(ld, "desuperheat_to", "temperature", f"letdown {i}", None)))
    else:
        letdowns = [LetdownSpec(headers[i].name, headers[i + 1].name) for i in range(len(headers) - 1)]
    da = d.get("deaerator") or {}
    _known(da, {"pressure", "vent_fraction", "header"}, "deaerator")
    # defaults for keys left out: the assumptions listed in the docstring
    deaerator = DeaeratorSpec(_q(da, "pressure", "pressure", "deaerator"),
                              _q(da, "vent_fraction", "fraction", "deaerator", 0.001),
                              str(da.get("header", headers[-1].name if headers else "")))
    cond = d.get("condensate") or {}
    _known(cond, {"return_temperature"}, "condensate")
    mu = d.get("makeup") or {}
    _known(mu, {"temperature", "pressure"}, "makeup")
    bd = d.get("blowdown") or {}
    _known(bd, {"flash_header", "heat_recovery", "approach"}, "blowdown")
    if "heat_recovery" in bd and "approach" in bd:
        raise ValueError("blowdown: give heat_recovery (effectiveness) or approach (K), not both")
    injections = []
    for i, inj in enumerate(_items(d, "injections")):
        _known(inj, {"name", "header", "flow", "temperature"}, f"injections[{i}]")
        w = f"injection {inj.get('name')}"
        injections.append(InjectionSpec(_req(inj, "name", f"injections[{i}]"), _req(inj, "header", f"injections[{i}]"), _q(inj, "flow", "mass_flow", w),
                                        _q(inj, "temperature", "temperature", w, None)))
    traps = []
    for i, tr in enumerate(_items(d, "traps")):
        _known(tr, {"header", "failed_open", "orifice_diameter", "discharge_coefficient"}, f"traps[{i}]")
        traps.append(TrapSpec(_req(tr, "header", f"traps[{i}]"), check_int(f"traps[{i}].failed_open", tr.get("failed_open"), 0),
                              _q(tr, "orifice_diameter", "length", f"traps[{i}]"),
                              float(tr.get("discharge_coefficient", TrapSpec.discharge_coefficient))))
    ec = d.get("economics") or {}
    _known(ec, {f.name for f in dataclasses.fields(Economics)}, "economics")
    econ = Economics(**{k: (v if k == "currency" else as_float(f"economics.{k}", v)) for k, v in ec.items()})
    site = SiteSpec(
        name=name, boiler=boiler, headers=headers, users=tuple(users), turbines=tuple(turbines),
        letdowns=tuple(letdowns), deaerator=deaerator,
        condensate_return_temperature=_q(cond, "return_temperature", "temperature", "condensate", 353.15),
        makeup_temperature=_q(mu, "temperature", "temperature", "makeup", 298.15),
        makeup_pressure=_q(mu, "pressure", "pressure", "makeup", deaerator.pressure),
        blowdown_flash_header=bd.get("flash_header"),
        blowdown_heat_recovery=_q(bd, "heat_recovery", "fraction", "blowdown", None),
        blowdown_approach=_q(bd, "approach", "temperature_difference", "blowdown", None),
        feed_pump_efficiency=float(d.get("feed_pump_efficiency", SiteSpec.feed_pump_efficiency)),
        injections=tuple(injections), traps=tuple(traps), economics=econ)
    return _validate(site)


def site_from_toml(path) -> SiteSpec:
    """Read a site description from a TOML file (same keys as :func:`site_from_dict`)."""
    import tomllib

    with open(path, "rb") as fh:
        return site_from_dict(tomllib.load(fh))


def common_site(*, boiler: dict, headers: dict, users: dict | None = None, turbines: list | None = None,
                deaerator: dict | None = None, condensate_recovery: float = 0.5, name: str = "site",
                **rest) -> SiteSpec:
    """The common 1-3 header site from a short description.

    ``headers``: {"HP": "41 bar(g)", "MP": "11 bar(g)", "LP": "3.5 bar(g)"} (1 to 3 entries);
    ``users``: {"HP": "20 t/h", "LP": "12 MW"} (one aggregate process user per header, all
    with ``condensate_recovery``; a mass flow, or a heat duty whose steam flow follows the
    header state); ``turbines``: full turbine entries; letdowns join each
    header to the next lower one; the deaerator takes steam from the lowest header (default
    pressure 1.2 bar(a), vent 0.1 % of feedwater); boiler blowdown flashes into the lowest
    header when it is below the boiler pressure. Any other key of :func:`site_from_dict` passes through ``rest``.
    """
    if not (1 <= len(headers) <= 3):
        raise ValueError(f"common_site takes 1 to 3 headers; got {len(headers)}")
    hdrs = [{"name": k, "pressure": v} for k, v in headers.items()]
    lowest = min(hdrs, key=lambda h: to_si(h["pressure"], "pressure"))["name"]
    us = []
    for k, v in (users or {}).items():
        try:
            to_si(v, "power")
            key = "heat"
        except ValueError:
            key = "flow"
        us.append({"name": f"process_{k}", "header": k, key: v, "condensate_recovery": condensate_recovery})
    d = {"name": name, "boiler": boiler, "headers": hdrs, "users": us, "turbines": list(turbines or []),
         # deaerator 1.2 bar(a), vent 0.1 %: assumed, unverified defaults
         "deaerator": {"pressure": 1.2e5, "vent_fraction": 0.001, "header": lowest, **(deaerator or {})},
         **rest}
    if "blowdown" not in d and to_si(headers[lowest], "pressure") < to_si(boiler["pressure"], "pressure"):
        d["blowdown"] = {"flash_header": lowest}
    return site_from_dict(d)


def common_site_from_toml(path) -> SiteSpec:
    """:func:`common_site` from a TOML file whose top-level keys are its arguments
    (``[boiler]``, ``[headers]`` as name = "pressure", ``[users]`` as header = "flow or heat", ...)."""
    import tomllib

    with open(path, "rb") as fh:
        return common_site(**tomllib.load(fh))


def example_site_description() -> dict:
    """Keyword arguments of :func:`common_site` for the three-header example site (a new dict
    on every call, so callers may change entries).

    A 42 bar(g) / 400 degC boiler feeding HP (41 bar(g)), MP (11 bar(g)) and LP (3.5 bar(g))
    headers; 10, 30 and 40 t/h of process steam with 60 % condensate return; a back-pressure
    turbine HP -> LP passing 20 t/h; letdowns HP -> MP (desuperheated to 230 degC) and MP -> LP;
    blowdown flashed to LP with 90 % heat recovery; four failed-open 3 mm traps on MP. It is the
    site of ``tests/test_steam_site.py`` and ``benchmarks/bench_steam.py``.

    The plant data (pressures, flows, efficiencies, trap count) are illustrative, assumed and
    unverified: they describe no real site. Economics, per SI unit (TWD):

    - ``fuel_emission_factor`` 56.1e-9 kg CO2/J: IPCC 2006 Guidelines for National GHG
      Inventories, Vol. 2 Energy, Ch. 1, Table 1.4, natural gas 56,100 kg CO2/TJ (NCV basis);
      ``procsim/data/fuel_factors.csv``.
    - ``grid_emission_factor`` 0.494 kg CO2e/kWh: Taiwan 2023 grid factor announced by MOEA on
      2024-04-26; ``procsim/data/grid_factors.csv`` (TW, 2023, actual).
    - ``power_price`` 4.0 TWD/kWh: assumed round figure between the TW industrial averages of
      ``procsim/data/energy_prices.csv`` (3.81 from 2024-04, 4.29 from 2024-10).
    - ``fuel_price`` 300 TWD/GJ and ``water_price`` 12 TWD/m3 (0.012 TWD/kg): assumed, unverified.
    - ``hours`` 8000 h/yr and ``site_power_demand`` 5 MW: assumed, unverified.

    Examples
    --------
    >>> site = common_site(**example_site_description())
    >>> [h.name for h in site.headers]
    ['HP', 'MP', 'LP']
    """
    return dict(
        boiler={"pressure": "42 bar(g)", "efficiency": 0.88, "blowdown_fraction": 0.03, "temperature": "400 degC"},
        headers={"HP": "41 bar(g)", "MP": "11 bar(g)", "LP": "3.5 bar(g)"},
        users={"HP": "10 t/h", "MP": "30 t/h", "LP": "40 t/h"}, condensate_recovery=0.6,
        turbines=[{"name": "T1", "inlet": "HP", "outlet": "LP", "flow": "20 t/h", "isentropic_efficiency": 0.7,
                   "generator_efficiency": 0.96}],
        condensate={"return_temperature": "80 degC"}, makeup={"temperature": "25 degC"},
        letdowns=[{"inlet": "HP", "outlet": "MP", "desuperheat_to": "230 degC"}, {"inlet": "MP", "outlet": "LP"}],
        blowdown={"flash_header": "LP", "heat_recovery": 0.9},
        traps=[{"header": "MP", "failed_open": 4, "orifice_diameter": "3 mm"}],
        economics={"hours": 8000, "fuel_price": 300e-9, "power_price": 4.0 / 3.6e6, "water_price": 0.012,
                   "fuel_emission_factor": 56.1e-9, "grid_emission_factor": 0.494 / 3.6e6,
                   "site_power_demand": 5e6},
    )
