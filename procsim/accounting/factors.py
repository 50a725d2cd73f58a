"""Factors with provenance: grid electricity, fuel combustion, GWP, carbon fee, prices.

Every number comes from a CSV file under ``procsim/data/`` whose rows carry
``value, unit, basis, year, status, source`` (status as in the project's facts sheet:
``verified``, ``secondary``, ``unverified`` or ``computed``). A looked-up number is a
:class:`Factor`: a ``float`` subclass that also says where it comes from, so
``float(f)`` and arithmetic work while ``f.source`` stays at hand.

Grid factors (Taiwan, kg CO2e/kWh) are kept on separate *bases* and never mixed:

``"actual"``
    factors announced by the MOEA Energy Administration for each year (2015-2024).
``"target"``
    the manufacturing-sector action-plan targets 2021-2025 (quoted by the MOEA 2024
    results report; unverified).
``"statutory_baseline"``
    the 2025 electricity emission-factor baseline 0.424 set by MOEA notice
    Jing-Neng-Zi No. 11104604400 (2022-10-21) under Electricity Act art. 28(2).
``"fuel_stats_2024ed"``, ``"fuel_stats_2023ed"``
    the 0.490 / 0.493 values the 2024 results report prints for 2023; they match no
    announced factor, and are kept only so that the claim checker can name them.

Announcement dates (``procsim/data/grid_factor_announcements.csv``): the Ministry
announces year Y's factor in year Y+1 (2023's 0.494 on 2024-04-26). Each row gives the
date (``precision`` "day"), a date by which it was known ("by", a news report) or only the
year ("year", assumed from that practice and labelled unverified).
:meth:`FactorTable.vintages` lists the factors announced by a date, newest first; this is
what a claim dated then could have used.

Other regions: build a :class:`FactorTable` (``FactorTable.from_csv(path)`` or
``FactorTable.from_mapping({2023: 0.37}, region="JP", ...)``) and pass it as
``table=``; there is no global registry to add to.

Examples
--------
>>> f = grid_factor("TW", 2023)
>>> float(f), f.basis, f.unit
(0.494, 'actual', 'kg CO2e/kWh')
>>> float(grid_factor("TW", 2023, basis="target"))
0.464
"""
from __future__ import annotations

import csv
import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

__all__ = [
    "Factor", "FactorTable", "grid_factor", "default_grid_table", "GRID_BASES",
    "fuel_factor", "gwp", "GWP_SETS", "carbon_fee_rate", "CARBON_FEE_RATES",
    "carbon_fee_threshold", "energy_price", "data_path", "Announcement", "as_of_date",
    "announced_grid_factor",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

GRID_BASES = ("actual", "target", "statutory_baseline", "fuel_stats_2024ed", "fuel_stats_2023ed")
GWP_SETS = ("AR4", "AR5", "AR6")
CARBON_FEE_RATES = ("general", "preferential_a", "preferential_b")


def data_path(name: str) -> Path:
    """Path of a packaged data file (``procsim/data/<name>``)."""
    return DATA_DIR / name


class Factor(float):
    """A float that carries its provenance.

    Attributes: ``name`` (what it is), ``unit``, ``basis``, ``year`` (the year the value
    applies to, or the year of the source), ``source`` (citation), ``status``
    (verified / secondary / unverified / computed). Arithmetic returns plain floats.
    """

    __slots__ = ("name", "unit", "basis", "year", "source", "status")

    def __new__(cls, value, *, name: str, unit: str, basis: str, year: int, source: str,
                status: str):
        obj = super().__new__(cls, value)
        obj.name, obj.unit, obj.basis = name, unit, basis
        obj.year, obj.source, obj.status = int(year), source, status
        return obj

    def __repr__(self) -> str:
        return (f"Factor({float(self)!r} {self.unit}, {self.name}, basis={self.basis!r}, "
                f"year={self.year}, status={self.status!r})")

    def __reduce__(self):
        return (_rebuild_factor, (float(self), self.as_dict()))

    def as_dict(self) -> dict:
        """Plain dict: name, value, unit, basis, year, status, source."""
        return {"name": self.name, "value": float(self), "unit": self.unit, "basis": self.basis,
                "year": self.year, "status": self.status, "source": self.source}


def _rebuild_factor(value, meta):
    meta = dict(meta)
    meta.pop("value", None)
    return Factor(value, **meta)


def _read_csv(name: str) -> tuple[dict, ...]:
    with open(data_path(name), newline="", encoding="utf-8") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh))


def as_of_date(when) -> _dt.date:
    """A claim date as :class:`datetime.date`: a date, an ISO string ("2024-06-30"), or a
    year (int: its 31 December, the latest date figures of that year can be written)."""
    if isinstance(when, _dt.datetime):
        return when.date()
    if isinstance(when, _dt.date):
        return when
    if isinstance(when, int) and not isinstance(when, bool):
        return _dt.date(when, 12, 31)
    if isinstance(when, str):
        try:
            return _dt.date.fromisoformat(when.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"date must be an ISO date (YYYY-MM-DD), a datetime.date or a year; "
                     f"got {when!r}")


@dataclass(frozen=True)
class Announcement:
    """When a factor became public: ``date`` and its ``precision``.

    precision "day": announced on ``date``; "by": known to be public on ``date`` (a news
    report), perhaps earlier; "year": announced some time in ``date.year`` (``date`` is
    then 1 January of that year). ``status`` and ``source`` as for factors.
    """

    region: str
    year: int
    basis: str
    date: _dt.date
    precision: str
    status: str
    source: str

    def known_by(self, when: _dt.date) -> bool:
        """True when the factor was (or, for precision "year", may have been) public on
        ``when``; a year-precision announcement counts as known throughout its year."""
        if self.precision == "year":
            return self.date.year <= when.year
        return self.date <= when

    def text(self) -> str:
        if self.precision == "year":
            return f"announced in {self.date.year} (date not recorded)"
        if self.precision == "by":
            return f"announced by {self.date.isoformat()}"
        return f"announced {self.date.isoformat()}"


def _read_announcements(path) -> tuple:
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for lineno, r in enumerate(csv.DictReader(fh), start=2):
            text = r["announced"].strip()
            if r["precision"] == "year":
                d = _dt.date(int(text), 1, 1)
            else:
                d = _dt.date.fromisoformat(text)
            if r["precision"] not in ("day", "by", "year"):
                raise ValueError(f"announcement table {path} line {lineno}: precision must be "
                                 f"'day', 'by' or 'year'; got {r['precision']!r}")
            out.append(Announcement(r["region"], int(r["year"]), r["basis"], d, r["precision"],
                                    r["status"], r["source"]))
    return tuple(out)


@dataclass(frozen=True)
class FactorTable:
    """Grid emission factors by (region, year, basis); immutable.

    ``rows`` is a tuple of dicts with keys region, year, basis, value, unit, status, source;
    ``announcements`` a tuple of :class:`Announcement` (may be empty: a factor without one
    is taken as announced in the year after the one it applies to).
    """

    rows: tuple
    announcements: tuple = ()

    def announcement(self, region: str, year: int, basis: str = "actual") -> Announcement:
        """When the factor of (region, year, basis) was announced.

        Without a recorded date, the following year is assumed (precision "year", status
        "unverified"): the practice of Taiwan's Energy Administration. A region with no
        announcement dates at all (a user's table) has its factors taken as known in the
        year they apply to.
        """
        for a in self.announcements:
            if a.region == region and a.year == int(year) and a.basis == basis:
                return a
        if not any(a.region == region for a in self.announcements):
            # a table without announcement dates (a user's utility disclosure): its factors
            # are taken as usable for the year they apply to, as before vintages existed
            return Announcement(region, int(year), basis, _dt.date(int(year), 1, 1), "year",
                                "unverified", "no announcement dates in this table: taken as "
                                "known in the year it applies to")
        return Announcement(region, int(year), basis, _dt.date(int(year) + 1, 1, 1), "year",
                            "unverified", "assumed: announced in the year after the one it "
                            "applies to (no announcement date recorded)")

    def vintages(self, region: str, when, basis: str = "actual") -> list:
        """Factors of ``basis`` announced by ``when`` (see :func:`as_of_date`), newest first,
        as (Factor, Announcement) pairs."""
        d = as_of_date(when)
        out = []
        for r in self.rows:
            if r["region"] == region and r["basis"] == basis:
                a = self.announcement(region, r["year"], basis)
                if a.known_by(d):
                    out.append((self._factor(r), a))
        return sorted(out, key=lambda fa: fa[0].year, reverse=True)

    @classmethod
    def from_csv(cls, path) -> "FactorTable":
        """Read a CSV with columns region, year, basis, value, unit, status, source."""
        path = Path(path)
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            needed = {"region", "year", "basis", "value", "unit", "status", "source"}
            missing = needed - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"factor table {path} lacks columns {sorted(missing)}; "
                                 f"needs {sorted(needed)}")
            rows = []
            for lineno, row in enumerate(reader, start=2):
                try:
                    row = dict(row, year=int(row["year"]), value=float(row["value"]))
                except (TypeError, ValueError) as exc:
                    raise ValueError(f"factor table {path} line {lineno}: year and value must "
                                     f"be numbers; got year={row['year']!r}, "
                                     f"value={row['value']!r}") from exc
                rows.append(row)
        return cls(tuple(rows))

    @classmethod
    def from_mapping(cls, factors: Mapping[int, float], *, region: str, basis: str = "actual",
                     unit: str = "kg CO2e/kWh", source: str, status: str = "user") -> "FactorTable":
        """Table from ``{year: value}`` for one region and basis; ``source`` is required."""
        if not source:
            raise ValueError("source must name where the factors come from; got an empty string")
        rows = []
        for year, value in factors.items():
            v = float(value)
            if not (v >= 0.0):
                raise ValueError(f"grid factor for {region} {year} must be >= 0 {unit}; got {v} {unit}")
            rows.append({"region": region, "year": int(year), "basis": basis, "value": v,
                         "unit": unit, "status": status, "source": source})
        return cls(tuple(rows))

    def years(self, region: str, basis: str) -> list[int]:
        return sorted(r["year"] for r in self.rows if r["region"] == region and r["basis"] == basis)

    def all(self, region: str) -> list[Factor]:
        """Every factor of a region, on every basis, as :class:`Factor` objects."""
        return [self._factor(r) for r in self.rows if r["region"] == region]

    @staticmethod
    def _factor(r) -> Factor:
        return Factor(r["value"], name=f"grid electricity {r['region']} {r['year']}",
                      unit=r["unit"], basis=r["basis"], year=r["year"], source=r["source"],
                      status=r["status"])

    def get(self, region: str, year: int, basis: str = "actual") -> Factor:
        regions = sorted({r["region"] for r in self.rows})
        if region not in regions:
            raise ValueError(f"region must be one of {', '.join(map(repr, regions))} in this "
                             f"factor table; got {region!r} (pass table=FactorTable.from_csv(...) "
                             f"or FactorTable.from_mapping(...) for other regions)")
        bases = sorted({r["basis"] for r in self.rows if r["region"] == region})
        if basis not in bases:
            raise ValueError(f"basis must be one of {', '.join(map(repr, bases))} for region "
                             f"{region}; got {basis!r}")
        for r in self.rows:
            if r["region"] == region and r["basis"] == basis and r["year"] == int(year):
                return self._factor(r)
        years = self.years(region, basis)
        raise ValueError(f"no {basis!r} grid factor for {region} {year}; years with one: "
                         f"{', '.join(map(str, years))}")


@lru_cache(maxsize=1)
def default_grid_table() -> FactorTable:
    """The packaged table ``procsim/data/grid_factors.csv`` (read once, immutable)."""
    table = FactorTable.from_csv(data_path("grid_factors.csv"))
    return FactorTable(table.rows, _read_announcements(data_path("grid_factor_announcements.csv")))


def announced_grid_factor(region: str = "TW", when=2024, table: FactorTable | None = None) -> Factor:
    """The latest "actual" grid factor announced by ``when`` (date, ISO string or year).

    This is the factor a claim or report of that date could use: for figures of 2024
    (``when=2024``) it is the 2023 factor 0.494 (announced 2024-04-26), not 2024's 0.474
    (announced 2025-04-14).

    >>> f = announced_grid_factor("TW", 2024)
    >>> float(f), f.year
    (0.494, 2023)
    >>> announced_grid_factor("TW", "2025-05-01").year
    2024
    """
    table = table or default_grid_table()
    v = table.vintages(region, when)
    if not v:
        years = table.years(region, "actual")
        raise ValueError(f"no 'actual' grid factor for {region} announced by "
                         f"{as_of_date(when).isoformat()}; years with one: "
                         f"{', '.join(map(str, years)) or 'none'}")
    return v[0][0]


def grid_factor(region: str = "TW", year: int = 2023, basis: str = "actual",
                table: FactorTable | None = None) -> Factor:
    """Grid electricity emission factor [kg CO2e/kWh] with its source.

    Parameters
    ----------
    region : "TW" in the packaged table; any region of ``table`` otherwise.
    year : calendar year the factor applies to.
    basis : one of :data:`GRID_BASES` (see module docstring).
    table : a :class:`FactorTable`; default the packaged Taiwan table.

    Raises ValueError for an unknown region or basis, or a year without a factor
    (the message lists the years that have one).

    References
    ----------
    MOEA Energy Administration announced factors (BusinessToday 2024-04-26; EnergyTrend
    2018-07-12; MOEA 2025-04-14 for 2024); MOEA notice 11104604400 (2022-10-21).
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"year must be an integer calendar year; got {year!r}")
    return (table or default_grid_table()).get(region, year, basis)


@lru_cache(maxsize=1)
def _fuel_rows():
    return _read_csv("fuel_factors.csv")


def fuel_factor(fuel: str, quantity: str, sector: str = "manufacturing") -> Factor:
    """IPCC 2006 default for a fuel.

    quantity: ``"ncv"`` [MJ/kg], ``"co2"``, ``"ch4"``, ``"n2o"`` [kg/TJ, NCV basis];
    sector (for CH4/N2O): ``"manufacturing"`` (Table 2.3) or ``"energy_industries"``
    (Table 2.2).

    >>> float(fuel_factor("natural_gas", "co2"))
    56100.0
    """
    rows = _fuel_rows()
    fuels = sorted({r["fuel"] for r in rows})
    if fuel not in fuels:
        raise ValueError(f"fuel must be one of {', '.join(map(repr, fuels))}; got {fuel!r}")
    quantities = ("ncv", "co2", "ch4", "n2o")
    if quantity not in quantities:
        raise ValueError(f"quantity must be one of {', '.join(map(repr, quantities))}; got {quantity!r}")
    want_sector = "all" if quantity in ("ncv", "co2") else sector
    for r in rows:
        if r["fuel"] == fuel and r["quantity"] == quantity and r["sector"] == want_sector:
            return Factor(float(r["value"]), name=f"{fuel} {quantity}", unit=r["unit"],
                          basis=r["basis"] + ("" if want_sector == "all" else f", {sector}"),
                          year=int(r["year"]), source=r["source"], status=r["status"])
    sectors = sorted({r["sector"] for r in rows if r["fuel"] == fuel and r["quantity"] == quantity})
    raise ValueError(f"no {quantity} factor for {fuel} in sector {sector!r}; sectors with one: "
                     f"{sectors or 'none (IPCC table not transcribed for this fuel)'}")


@lru_cache(maxsize=1)
def _gwp_rows():
    return _read_csv("gwp.csv")


def gwp(gas: str, gwp_set: str = "AR5") -> Factor:
    """100-year global warming potential [kg CO2e/kg] of ``gas`` in ``gwp_set`` (AR4/AR5/AR6).

    >>> float(gwp("N2O", "AR6"))
    273.0
    """
    if gwp_set not in GWP_SETS:
        raise ValueError(f"gwp_set must be one of {', '.join(map(repr, GWP_SETS))}; got {gwp_set!r}")
    rows = _gwp_rows()
    for r in rows:
        if r["gas"] == gas and r["set"] == gwp_set:
            return Factor(float(r["value"]), name=f"GWP-100 {gas}", unit=r["unit"],
                          basis=f"{gwp_set}: {r['basis']}", year=int(r["year"]),
                          source=r["source"], status=r["status"])
    gases = sorted({r["gas"] for r in rows if r["set"] == gwp_set})
    raise ValueError(f"gas must be one of {', '.join(map(repr, gases))} for {gwp_set}; got {gas!r}")


@lru_cache(maxsize=1)
def _fee_rows():
    return {r["item"]: r for r in _read_csv("carbon_fee.csv")}


def _fee_factor(item: str) -> Factor:
    r = _fee_rows()[item]
    return Factor(float(r["value"]), name=f"Taiwan carbon fee {item}", unit=r["unit"],
                  basis=r["basis"], year=int(r["year"]), source=r["source"], status=r["status"])


def carbon_fee_rate(rate: str = "general") -> Factor:
    """Taiwan carbon-fee rate [TWD/t CO2e] in force from 2025: general 300, preferential 50/100.

    >>> float(carbon_fee_rate("preferential_b"))
    100.0
    """
    if rate not in CARBON_FEE_RATES:
        raise ValueError(f"rate must be one of {', '.join(map(repr, CARBON_FEE_RATES))}; got {rate!r}")
    return _fee_factor(rate)


def carbon_fee_threshold() -> Factor:
    """K value [t CO2e/yr] deducted from annual emissions before the fee applies (25,000)."""
    return _fee_factor("k_value")


@lru_cache(maxsize=1)
def _price_rows():
    return _read_csv("energy_prices.csv")


def energy_price(carrier: str = "electricity_kwh", region: str = "TW", date: str | int = 2024
                 ) -> Factor:
    """Default energy price in force on ``date`` (ISO date string, or a year = its 1 July).

    Only Taiwan electricity has a packaged price (facts.md 1.5); other carriers need the
    caller's own prices. Raises ValueError naming what exists.

    >>> float(energy_price("electricity_kwh", "TW", "2024-12-01"))
    4.29
    """
    when = f"{int(date):04d}-07-01" if isinstance(date, int) else str(date)
    rows = [r for r in _price_rows() if r["region"] == region and r["carrier"] == carrier]
    if not rows:
        have = sorted({(r["region"], r["carrier"]) for r in _price_rows()})
        raise ValueError(f"no packaged price for {carrier!r} in {region!r}; packaged: {have}. "
                         f"Pass prices={{carrier: value}} explicitly")
    valid = [r for r in rows if r["valid_from"] <= when]
    if not valid:
        raise ValueError(f"no {carrier} price for {region} in force on {when}; earliest is "
                         f"{min(r['valid_from'] for r in rows)}")
    r = max(valid, key=lambda r: r["valid_from"])
    return Factor(float(r["value"]), name=f"{carrier} price {region} from {r['valid_from']}",
                  unit=r["unit"], basis=r["basis"], year=int(r["year"]), source=r["source"],
                  status=r["status"])


def prices_in_year(carrier: str, region: str, year: int) -> list[Factor]:
    """Every packaged price of ``carrier`` in force at some time during ``year``."""
    rows = sorted((r for r in _price_rows() if r["region"] == region and r["carrier"] == carrier),
                  key=lambda r: r["valid_from"])
    out = []
    for i, r in enumerate(rows):
        start = r["valid_from"]
        end = rows[i + 1]["valid_from"] if i + 1 < len(rows) else "9999-12-31"
        if start <= f"{year:04d}-12-31" and end > f"{year:04d}-01-01":
            out.append(energy_price(carrier, region, start))
    return out
