"""Annual GHG emissions of an energy inventory, by scope and gas, in t CO2e.

Scope 1: fuels burned on site (IPCC 2006 defaults: CO2 from Table 1.4, CH4/N2O from
Table 2.3 for manufacturing or 2.2 for energy industries, on the net-calorific basis),
converted to CO2e with a chosen GWP set, plus process emissions the caller supplies.
Biogenic CO2 (fuels marked ``biogenic = true`` in ``procsim/data/fuels.toml``, e.g. wood)
is reported separately in ``biogenic_co2_t`` and is not part of scope 1 or the total; their
CH4 and N2O are (GHG Protocol Corporate Standard, rev. ed. 2004, ch. 4 and 9: "direct CO2
emissions from the combustion of biomass shall not be included in scopes but reported
separately"; IPCC 2006 Vol. 2 Ch. 2, sec. 2.3.3.4: CO2 from biomass is reported as an
information item, CH4 and N2O are included).
Scope 2: purchased electricity (grid factor, already CO2e) and purchased steam or heat
(the supplier's boiler fuel at a stated efficiency; see :class:`SteamSupply`).

.. math::
    E_{CO2e} = \\sum_{fuel} A \\, NCV \\, (EF_{CO2} + GWP_{CH4} EF_{CH4} + GWP_{N2O} EF_{N2O})
              + \\sum A_{el} \\, EF_{grid} + \\sum A_{steam} \\, EF_{steam}

Examples
--------
>>> e = emissions({"electricity_kwh": 1.0e6}, year=2023)
>>> round(e.scope2_co2e_t, 3)
494.0
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from procsim.accounting.factors import GWP_SETS, Factor, FactorTable, fuel_factor, grid_factor, gwp
from procsim.accounting.units import FUEL_OF_CARRIER, carrier_energy, carrier_energy_factor, check_carrier
from procsim.validation import as_float, check_choice, check_range

__all__ = ["SteamSupply", "Emissions", "emissions", "carrier_co2e_factor", "SECTORS",
           "is_biogenic", "carrier_biogenic_co2_t"]

SECTORS = ("manufacturing", "energy_industries")
_PURCHASED_HEAT = ("steam_t", "heat_gj", "heat_kloe")

#: Entry of ``procsim/data/fuels.toml`` behind each combustible carrier; its ``biogenic``
#: flag decides whether the carrier's CO2 is biogenic.
LIBRARY_FUEL_OF_CARRIER = {
    "natural_gas_nm3": "natural_gas", "fuel_oil_kl": "fuel_oil", "diesel_kl": "diesel",
    "lpg_t": "lpg", "coal_t": "bituminous_coal", "wood_t": "wood_pellets",
}


@lru_cache(maxsize=None)
def is_biogenic(carrier: str) -> bool:
    """True when ``carrier`` burns a fuel that ``fuels.toml`` marks ``biogenic = true``.

    >>> is_biogenic("wood_t"), is_biogenic("coal_t")
    (True, False)
    """
    name = LIBRARY_FUEL_OF_CARRIER.get(carrier)
    if name is None:
        return False
    lib = tomllib.loads(resources.files("procsim.data").joinpath("fuels.toml")
                        .read_text(encoding="utf-8"))
    return bool(lib[name].get("biogenic", False))


@dataclass(frozen=True)
class SteamSupply:
    """Who makes purchased steam/heat: boiler fuel carrier and boiler efficiency [-].

    The default efficiency 0.80 is the typical boiler fuel utilisation "80 % +/- 5 %"
    quoted by a vendor (temcombustion.com.my; procsim facts.md 3.3, secondary).
    """

    fuel: str = "natural_gas_nm3"
    efficiency: float = 0.80

    def __post_init__(self):
        check_choice("steam_supply.fuel", self.fuel, tuple(FUEL_OF_CARRIER))
        check_range("steam_supply.efficiency", self.efficiency, 0.0, 1.0, "",
                    low_inclusive=False)


@dataclass(frozen=True)
class Emissions:
    """Annual emissions [t]; ``by_carrier[c]`` holds scope, co2_t, ch4_t, n2o_t, co2e_t."""

    scope1_co2e_t: float
    scope2_co2e_t: float
    total_co2e_t: float
    by_gas_t: dict              # scope-1 combustion gases in t of each gas: CO2, CH4, N2O
    by_carrier: dict
    process_co2e_t: float
    gwp_set: str
    factors: tuple = field(default=())  # every Factor used
    biogenic_co2_t: float = 0.0         # CO2 from biogenic fuels: outside scope 1 and the total
    #: electricity exported to the grid [kWh/yr] (a net export, ``electricity_export=True``) and the
    #: grid emissions it displaces [t CO2e/yr]: reported outside scope 2, credited in the total
    electricity_export_kwh: float = 0.0
    export_credit_co2e_t: float = 0.0


def _fuel_co2e_per_gj(fuel: str, sector: str, gwp_set: str, used: list) -> tuple[float, float, float]:
    """(kg CO2, kg CH4, kg N2O) per GJ (NCV) for an IPCC fuel."""
    co2 = fuel_factor(fuel, "co2")
    ch4 = fuel_factor(fuel, "ch4", sector)
    n2o = fuel_factor(fuel, "n2o", sector)
    used += [co2, ch4, n2o]
    return float(co2) * 1e-3, float(ch4) * 1e-3, float(n2o) * 1e-3


def carrier_co2e_factor(carrier: str, *, region: str = "TW", year: int = 2024,
                        grid_basis: str = "actual", gwp_set: str = "AR5",
                        sector: str = "manufacturing", steam_supply: SteamSupply | None = None,
                        grid_table: FactorTable | None = None) -> tuple[float, str, list]:
    """(kg CO2e per carrier unit, scope label, factors used) for one carrier.

    For a biogenic fuel (:func:`is_biogenic`) only CH4 and N2O count; its CO2 is reported
    separately by :func:`emissions`.
    """
    check_carrier(carrier)
    used: list = []
    if carrier == "electricity_kwh":
        g = grid_factor(region, year, grid_basis, table=grid_table)
        return float(g), "scope2", [g]
    g_ch4, g_n2o = gwp("CH4", gwp_set), gwp("N2O", gwp_set)
    used += [g_ch4, g_n2o]
    if carrier in FUEL_OF_CARRIER:
        e = carrier_energy_factor(carrier)
        used.append(e)
        co2, ch4, n2o = _fuel_co2e_per_gj(FUEL_OF_CARRIER[carrier], sector, gwp_set, used)
        if is_biogenic(carrier):
            co2 = 0.0
        return float(e) * (co2 + float(g_ch4) * ch4 + float(g_n2o) * n2o), "scope1", used
    supply = steam_supply or SteamSupply()
    fuel_e = carrier_energy_factor(supply.fuel)
    heat_e = carrier_energy_factor(carrier)
    used += [fuel_e, heat_e, Factor(supply.efficiency, name="steam/heat supplier boiler efficiency",
                                    unit="-", basis=f"fuel {supply.fuel}", year=2024,
                                    source="SteamSupply (default 0.80: facts.md 3.3, vendor figure)",
                                    status="secondary")]
    co2, ch4, n2o = _fuel_co2e_per_gj(FUEL_OF_CARRIER[supply.fuel], sector, gwp_set, used)
    per_gj_heat = (co2 + float(g_ch4) * ch4 + float(g_n2o) * n2o) / supply.efficiency
    return float(heat_e) * per_gj_heat, "scope2", used


def carrier_biogenic_co2_t(carrier: str, amount: float) -> float:
    """Biogenic CO2 [t] from burning ``amount`` of a biogenic carrier (0 for others)."""
    if not is_biogenic(carrier):
        return 0.0
    gj = carrier_energy(carrier, amount, "GJ")
    return gj * float(fuel_factor(FUEL_OF_CARRIER[carrier], "co2")) * 1e-6


def emissions(carriers: dict, *, region: str = "TW", year: int = 2024, grid_basis: str = "actual",
              gwp_set: str = "AR5", sector: str = "manufacturing",
              steam_supply: SteamSupply | None = None, grid_table: FactorTable | None = None,
              process_co2e_t: float = 0.0, electricity_export: bool = False) -> Emissions:
    """Annual emissions of ``carriers`` ({carrier: annual amount in its own unit}).

    Parameters
    ----------
    carriers : amounts >= 0 per year, keys from :data:`procsim.accounting.units.CARRIERS`.
    region, year, grid_basis, grid_table : select the grid factor (see ``grid_factor``).
    gwp_set : "AR4", "AR5" (default; Taiwan MOENV adopted AR5, secondary) or "AR6".
    sector : "manufacturing" (IPCC Table 2.3) or "energy_industries" (Table 2.2).
    steam_supply : boiler behind purchased steam/heat (default natural gas at 0.80).
    process_co2e_t : scope-1 process emissions [t CO2e/yr] added as given.
    electricity_export : accept a negative ``electricity_kwh`` as a net export to the grid
        (default False: an inventory's carriers are purchases >= 0). The export is credited at
        the same grid factor: ``export_credit_co2e_t`` is reported outside scope 2 and taken
        off ``total_co2e_t`` (a net figure; GHG Protocol Scope 2 Guidance 2015 keeps
        exports out of scope 2, so the credit is shown separately).
    """
    check_choice("sector", sector, SECTORS)
    check_choice("gwp_set", gwp_set, GWP_SETS)
    process = as_float("process_co2e_t", process_co2e_t, "t CO2e/yr")
    if process < 0:
        raise ValueError(f"process_co2e_t must be >= 0 t CO2e/yr; got {process} t CO2e/yr")
    used: list = []
    by_carrier: dict = {}
    by_gas = {"CO2": 0.0, "CH4": 0.0, "N2O": 0.0}
    s1 = s2 = biogenic = credit = export = 0.0
    for carrier, amount in carriers.items():
        a = as_float(carrier, amount)
        if a < 0 and carrier == "electricity_kwh" and electricity_export:
            per_unit, _, f_used = carrier_co2e_factor(
                carrier, region=region, year=year, grid_basis=grid_basis, gwp_set=gwp_set,
                sector=sector, steam_supply=steam_supply, grid_table=grid_table)
            used += f_used
            export = -a
            credit = export * per_unit / 1000.0
            by_carrier[carrier] = {"scope": "export", "co2e_t": -credit}
            continue
        if a < 0:
            raise ValueError(f"{carrier} must be >= 0 per year in an inventory; got {a}")
        per_unit, scope, f_used = carrier_co2e_factor(
            carrier, region=region, year=year, grid_basis=grid_basis, gwp_set=gwp_set,
            sector=sector, steam_supply=steam_supply, grid_table=grid_table)
        used += f_used
        co2e_t = a * per_unit / 1000.0
        entry = {"scope": scope, "co2e_t": co2e_t}
        if carrier in FUEL_OF_CARRIER:
            gj = carrier_energy(carrier, a, "GJ")
            co2, ch4, n2o = _fuel_co2e_per_gj(FUEL_OF_CARRIER[carrier], sector, gwp_set, [])
            entry.update(co2_t=gj * co2 / 1e3, ch4_t=gj * ch4 / 1e3, n2o_t=gj * n2o / 1e3)
            if is_biogenic(carrier):
                # biogenic CO2: reported, but outside scope 1, by_gas_t and the total
                entry.update(biogenic=True, biogenic_co2_t=entry["co2_t"], co2_t=0.0)
                biogenic += entry["biogenic_co2_t"]
            by_gas["CO2"] += entry["co2_t"]
            by_gas["CH4"] += entry["ch4_t"]
            by_gas["N2O"] += entry["n2o_t"]
        by_carrier[carrier] = entry
        if scope == "scope1":
            s1 += co2e_t
        else:
            s2 += co2e_t
    s1 += process
    unique = {(f.name, f.basis, float(f)): f for f in used}
    return Emissions(scope1_co2e_t=s1, scope2_co2e_t=s2, total_co2e_t=s1 + s2 - credit, by_gas_t=by_gas,
                     by_carrier=by_carrier, process_co2e_t=process, gwp_set=gwp_set,
                     factors=tuple(unique.values()), biogenic_co2_t=biogenic, electricity_export_kwh=export,
                     export_credit_co2e_t=credit)
