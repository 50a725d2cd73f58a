"""Claim checker: recompute what a retrofit claim lets us recompute, and say what disagrees.

Checks (each gives a :class:`Finding` with severity "ok", "info", "warning" or "error"):

1. Structure: unknown keys, non-numbers, negative baseline/retrofit figures (error).
2. Arithmetic: baseline - retrofit = savings for every figure; savings larger than the
   baseline; energy and CO2 fractions; payback = (investment - subsidy) / annual cost saving
   (error when they disagree beyond the rounding of the figures as written).
3. Energy totals: toe / kLOE / GJ totals against the carriers (Taiwan conventions:
   electricity 860 kcal/kWh, 1 kLOE = 9e6 kcal, 1 toe = 1e7 kcal); a total that fits once
   kLOE and toe are swapped is reported as a unit mix-up.
4. Implied emission factor: CO2 saved / electricity saved against the grid-factor
   *vintages* announced by the claim's date (``date``, else the end of its ``year``; a
   year's factor is announced the year after, see ``grid_factor_announcements.csv``).
   The latest announced vintage is ok; one of the two before it is consistent (info, with
   the difference); a factor announced after the claim's date, an older vintage or another
   basis (action-plan "target", 2025 "statutory_baseline", the 0.490/0.493 "fuel_stats"
   values) is a warning that names it. An undated claim matching its own year's factor is
   consistent only if written after that factor's announcement (info). A stated
   ``factor_basis`` ("actual:2022") is checked against the figures. For fuels and steam,
   the CO2 is checked against the range the IPCC defaults and boiler efficiencies
   0.75-0.95 allow.
5. Implied electricity price: cost saved / kWh saved against the tariffs of the year
   (x 0.6 to x 1.6, the spread of time-of-use rates: engineering judgement); the same
   number given as kWh and as money is reported as a kWh/NT$ mix-up.

Tolerances follow the figures as written: "0.6" is read as 0.6 +/- 0.05 and "540,000"
(trailing zeros are ambiguous) with three significant digits, 540,000 +/- 500, so rounded
claims are not flagged for their rounding. A claim whose figures
all agree gets only "ok" and "info" findings.

See ``procsim.accounting.claim_schema`` for the claim schema and docs/claims.md for examples.

Examples
--------
>>> fs = check_claim({"year": 2024, "savings": {"electricity_kwh": 540000, "co2_t": 267}})
>>> verdict(fs)
'consistent'
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from procsim.accounting.claim_schema import (SECTION_KEYS, TOTAL_KEYS, UNITS, load_claim,
                                             schema_problems)
from procsim.accounting.emissions import (SteamSupply, carrier_biogenic_co2_t, carrier_co2e_factor,
                                         is_biogenic)
from procsim.accounting.factors import (FactorTable, as_of_date, default_grid_table,
                                        prices_in_year)
from procsim.accounting.units import CARRIERS, FUEL_OF_CARRIER, carrier_energy, convert

__all__ = ["Finding", "check_claim", "format_findings", "load_claim", "verdict", "SEVERITIES"]

SEVERITIES = ("ok", "info", "warning", "error")
_PRICE_BAND = (0.6, 1.6)            # x min / x max tariff of the year (TOU spread, judgement)
_STEAM_EFF = (0.75, 0.95)           # boiler efficiency range behind steam/heat (judgement)
_STEAM_ENTHALPY = (0.85, 1.10)      # x 2.672 GJ/t: feedwater 105 degC ... steam 3 MPa (judgement)
_FUEL_SPREAD = 0.05                 # +/- on IPCC default CO2e per unit for heating-value and
                                    # carbon-content spread (judgement; assumed, unverified)
_PUBLISHED_ROUNDING = 0.0005        # grid factors are announced to 3 decimals


@dataclass(frozen=True)
class Finding:
    """One result of the checker: severity, the claim field concerned, a plain message."""

    severity: str
    field: str
    message: str
    values: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}; got {self.severity!r}")

    def as_dict(self) -> dict:
        return {"severity": self.severity, "field": self.field, "message": self.message,
                "values": dict(self.values)}


def _half_unit(x: float) -> float:
    """Half a unit in the last written digit of x ("0.6" -> 0.05, "96.74" -> 0.005).

    Integers with trailing zeros are read with 3 significant digits ("540000" -> 500).
    """
    x = abs(float(x))
    if x == 0.0:
        return 0.0
    s = f"{x:.12g}"
    if "e" in s:
        mant, exp = s.split("e")
        dec = len(mant.split(".")[1]) if "." in mant else 0
        if int(exp) > 0:  # 1e+15 is 1,000,000,000,000,000: trailing zeros, 3 significant digits
            dec = max(dec, 2)
        return 0.5 * 10.0 ** (int(exp) - dec)
    if "." in s:
        return 0.5 * 10.0 ** (-len(s.split(".")[1]))
    # trailing zeros are ambiguous ("1,000,000"): read at least 3 significant digits
    zeros = len(s) - len(s.rstrip("0"))
    return 0.5 * 10.0 ** min(zeros, max(len(s) - 3, 0))


def _within(difference: float, tol: float) -> bool:
    """``|difference| <= tol``, False when either is NaN or infinite (NaN-safe agreement test).

    A tolerance that overflowed, or a figure computed from a division by a vanishing saving,
    must never make two figures "agree".
    """
    return math.isfinite(difference) and math.isfinite(tol) and abs(difference) <= tol


def _rel(x: float) -> float:
    return _half_unit(x) / abs(x) if x else 0.0


def _g(x: float) -> str:
    """Readable number: 540,000 / 0.4944 / 1.62e+06 style."""
    ax = abs(x)
    if ax >= 1000:
        return f"{x:,.0f}"
    if ax >= 10:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:.4g}"


def _pct(x: float) -> str:
    return f"{100.0 * x:.3g} %"


class _Checker:
    def __init__(self, claim: dict, table: FactorTable | None):
        self.c = claim
        self.out: list[Finding] = []
        self.table = table or default_grid_table()
        self.region = claim.get("region", "TW")
        self.currency = claim.get("currency", "TWD" if self.region == "TW" else None)
        self.sections = {s: dict(claim.get(s, {})) for s in ("baseline", "retrofit", "savings")}

    def add(self, severity, fld, message, **values):
        self.out.append(Finding(severity, fld, message, values))

    def unit(self, key):
        u = UNITS.get(key, "")
        return f"{self.currency or ''}{u}" if key == "cost" else u

    # --- context -------------------------------------------------------------------------
    def context(self):
        years = self.table.years(self.region, "actual") if self.region in {
            r["region"] for r in self.table.rows} else []
        self.has_factors = bool(years)
        if "year" in self.c:
            self.year = self.c["year"]
        else:
            self.year = max(years) if years else None
            self.add("info", "year", "year not stated; factors and prices depend on it"
                     + (f"; checked against {self.year}" if self.year else ""))
        if "region" not in self.c:
            self.add("info", "region", "region not stated; Taiwan (TW) assumed")
        self.dated = "date" in self.c
        self.factor_basis = self.c.get("factor_basis")
        if self.dated:
            self.as_of = as_of_date(self.c["date"])
            if self.year is None:
                self.year = self.as_of.year
        else:
            self.as_of = as_of_date(self.year) if self.year is not None else None
        if not self.has_factors:
            self.add("info", "region", f"no grid factors for region {self.region!r} in the factor "
                     "table; emission-factor and price checks skipped (pass a FactorTable)")

    # --- arithmetic ----------------------------------------------------------------------
    def arithmetic(self):
        b, r, s = (self.sections[k] for k in ("baseline", "retrofit", "savings"))
        for key in SECTION_KEYS:
            u = self.unit(key)
            if key in b and key in r:
                diff = b[key] - r[key]
                tol = _half_unit(b[key]) + _half_unit(r[key])
                if key in s:
                    tol += _half_unit(s[key]) + 1e-9 * abs(diff)
                    if _within(s[key] - diff, tol):
                        self.add("ok", f"savings.{key}", f"baseline {_g(b[key])} - retrofit "
                                 f"{_g(r[key])} = {_g(diff)} {u}, as claimed")
                    else:
                        self.add("error", f"savings.{key}", f"claimed saving {_g(s[key])} {u} but "
                                 f"baseline {_g(b[key])} - retrofit {_g(r[key])} = {_g(diff)} {u}",
                                 claimed=s[key], computed=diff)
                else:
                    s[key] = diff
                    self.add("info", f"savings.{key}", f"saving not stated; baseline - retrofit "
                             f"= {_g(diff)} {u}")
            elif key in s and (key in b) != (key in r):
                other = "retrofit" if key in b else "baseline"
                val = b[key] - s[key] if key in b else r[key] + s[key]
                self.sections[other][key] = val
            if key in s and key in b and s[key] > b[key] + _half_unit(b[key]):
                self.add("error", f"savings.{key}", f"saving {_g(s[key])} {u} is larger than the "
                         f"baseline {_g(b[key])} {u}", claimed=s[key], baseline=b[key])
            if key in s and key not in ("cost",) and s[key] < 0:
                self.add("info", f"savings.{key}", f"negative saving: {key} rises by "
                         f"{_g(-s[key])} {u}")

    def fractions(self):
        b, s = self.sections["baseline"], self.sections["savings"]
        if "co2_fraction" in s and "co2_t" in s and "co2_t" in b and b["co2_t"] > 0:
            self._fraction("co2_fraction", s["co2_t"], b["co2_t"], "t CO2e/yr")
        if "energy_fraction" in s:
            carriers = [k for k in CARRIERS if k in s and k in b]
            totals = [k for k in TOTAL_KEYS if k in s and k in b]
            if len(carriers) == 1:
                k = carriers[0]
                if b[k] > 0:
                    self._fraction("energy_fraction", s[k], b[k], UNITS[k], carriers)
            elif carriers:
                saved = sum(carrier_energy(k, s[k], "GJ") for k in carriers)
                base = sum(carrier_energy(k, b[k], "GJ") for k in carriers)
                if base > 0:
                    self._fraction("energy_fraction", saved, base, "GJ/yr", carriers)
            elif totals:
                self._fraction("energy_fraction", s[totals[0]], b[totals[0]], UNITS[totals[0]])
            else:
                self.add("info", "savings.energy_fraction", f"energy saving rate "
                         f"{_pct(s['energy_fraction'])} cannot be checked: no baseline energy given")

    def _fraction(self, key, saved, base, unit, carriers=None):
        claimed = self.sections["savings"][key]
        computed = saved / base
        # fractions are written as percentages at the source: "5.8 %" -> +/- 0.05 points
        tol = _half_unit(100.0 * claimed) / 100.0 + computed * (_rel(saved) + _rel(base)) + 1e-9
        what = f" ({', '.join(carriers)})" if carriers else ""
        if _within(claimed - computed, tol):
            self.add("ok", f"savings.{key}", f"{_g(saved)} / {_g(base)} {unit}{what} = "
                     f"{_pct(computed)}, as claimed ({_pct(claimed)})")
        elif claimed > computed > 0.0:
            # a higher rate than the whole baseline gives is a rate of a part of it (the treated
            # loads, one system): a basis question, not an arithmetic error
            part = saved / claimed
            self.add("warning", f"savings.{key}", f"claimed {_pct(claimed)} but {_g(saved)} / "
                     f"{_g(base)} {unit}{what} = {_pct(computed)}: the rate fits a baseline of "
                     f"{_g(part)} {unit}, {_pct(part / base)} of the stated one (a sub-system such as "
                     f"the treated loads?); basis unstated", claimed=claimed, computed=computed,
                     implied_baseline=part)
        else:
            self.add("error", f"savings.{key}", f"claimed {_pct(claimed)} but {_g(saved)} / "
                     f"{_g(base)} {unit}{what} = {_pct(computed)}; {_pct(claimed)} would need a "
                     f"saving of {_g(claimed * base)} or a baseline of {_g(saved / claimed)} {unit}",
                     claimed=claimed, computed=computed)

    def totals(self):
        for section, body in self.sections.items():
            carriers = [k for k in CARRIERS if k in body]
            for key, unit in (("energy_toe", "toe"), ("energy_kloe", "kLOE"), ("energy_gj", "GJ")):
                if key not in body or not carriers:
                    continue
                computed = sum(carrier_energy(k, body[k], unit) for k in carriers)
                claimed = body[key]
                tol = _half_unit(claimed) + sum(abs(carrier_energy(k, _half_unit(body[k]), unit))
                                                for k in carriers)
                f = f"{section}.{key}"
                if _within(claimed - computed, tol):
                    self.add("ok", f, f"{' + '.join(carriers)} = {_g(computed)} {unit} (Taiwan "
                             f"conventions: 860 kcal/kWh, 1 kLOE = 9e6 kcal, 1 toe = 1e7 kcal), "
                             f"as claimed")
                    continue
                swapped = {"toe": "kLOE", "kLOE": "toe"}.get(unit)
                if swapped:
                    other = convert(computed, unit, swapped)
                    if _within(claimed - other, tol * 1.2):
                        self.add("warning", f, f"claimed {_g(claimed)} {unit} equals the carriers' "
                                 f"total in {swapped} ({_g(other)}), not in {unit} ({_g(computed)}): "
                                 f"kLOE / toe mix-up (1 toe = 1.111 kLOE)")
                        continue
                self.add("error", f, f"claimed {_g(claimed)} {unit} but {' + '.join(carriers)} "
                         f"= {_g(computed)} {unit}", claimed=claimed, computed=computed)

    # --- payback -------------------------------------------------------------------------
    def payback(self):
        c, s = self.c, self.sections["savings"]
        inv, sub = c.get("investment"), c.get("subsidy", 0.0)
        if inv is None:
            if "payback_years" in c:
                self.add("info", "payback_years", "payback cannot be checked: no investment given")
            return
        if sub > inv:
            self.add("error", "subsidy", f"subsidy {_g(sub)} exceeds the investment {_g(inv)}")
            return
        net = inv - sub
        cost = s.get("cost")
        if cost is None:
            if "payback_years" in c and c["payback_years"] > 0:
                implied = net / c["payback_years"]
                s["_implied_cost"] = implied
                self.add("info", "savings.cost", f"annual cost saving not stated; the payback "
                         f"{_g(c['payback_years'])} yr implies {_g(implied)} {self.currency}/yr "
                         f"((investment {_g(inv)} - subsidy {_g(sub)}) / payback)")
            return
        if not cost > 0:
            self.add("error" if "payback_years" in c else "info", "payback_years",
                     f"annual cost saving is {_g(cost)} {self.currency}/yr: the measure never pays back")
            return
        computed = net / cost
        if "payback_years" not in c:
            self.add("info", "payback_years", f"(investment {_g(inv)} - subsidy {_g(sub)}) / "
                     f"{_g(cost)} per year = {computed:.3g} yr (not stated in the claim)")
            return
        claimed = c["payback_years"]
        tol = _half_unit(claimed) + computed * (_rel(cost) + (_half_unit(inv) + _half_unit(sub)) / net)
        if _within(claimed - computed, tol):
            self.add("ok", "payback_years", f"(investment {_g(inv)} - subsidy {_g(sub)}) / "
                     f"{_g(cost)} per year = {computed:.3g} yr, as claimed ({_g(claimed)} yr)")
        elif sub > 0 and _within(claimed - inv / cost, tol + _half_unit(claimed)):
            self.add("warning", "payback_years", f"claimed {_g(claimed)} yr is the payback on the "
                     f"gross investment ({_g(inv)} / {_g(cost)} = {inv / cost:.3g} yr); net of the "
                     f"subsidy it is {computed:.3g} yr")
        else:
            self.add("error", "payback_years", f"claimed {_g(claimed)} yr but (investment {_g(inv)}"
                     f" - subsidy {_g(sub)}) / {_g(cost)} per year = {computed:.3g} yr",
                     claimed=claimed, computed=computed)

    # --- emission factors ----------------------------------------------------------------
    def _grid_reference(self):
        """(latest actual factor announced by the claim's date or None, vintages, actual).

        ``vintages``: [(Factor, Announcement)] announced by ``self.as_of``, newest first;
        ``actual``: {year: Factor} of every announced-basis factor in the table.
        """
        actual = {f.year: f for f in self.table.all(self.region) if f.basis == "actual"}
        vint = self.table.vintages(self.region, self.as_of) if actual else []
        return (vint[0][0] if vint else None), vint, actual

    def _as_of_text(self):
        return (f"the claim's date {self.as_of.isoformat()}" if self.dated
                else f"the end of {self.as_of.year}")

    def _judge_grid(self, fld, co2, kwh):
        """Judge CO2 / kWh against the grid-factor vintages announced by the claim's date.

        Consistent: the latest vintage announced by then (ok) or one of the two before it
        (info, with the difference). A vintage announced later, an older one, or another
        basis (target, statutory baseline, other statistics) is a warning.
        """
        implied = co2 * 1000.0 / kwh
        tol = implied * (_rel(co2) + _rel(kwh)) + _PUBLISHED_ROUNDING
        head = f"{_g(co2)} t / {_g(kwh)} kWh = {implied:.4f} kg CO2e/kWh"
        latest, vint, actual = self._grid_reference()
        allf = self.table.all(self.region)
        vals = {"implied_kg_per_kwh": implied, "as_of": self.as_of.isoformat()}
        when = self._as_of_text()

        def fits(f):
            return _within(float(f) - implied, tol)

        def with_latest():
            if latest is None:
                return ""
            alt = kwh * float(latest) / 1000.0
            return (f"; with the latest announced by {when} ({latest.year}: {float(latest):.3f}) "
                    f"the CO2 would be {_g(alt)} t ({_g(co2 - alt)} t, "
                    f"{100.0 * (co2 - alt) / alt:+.2g} % difference)")

        if self.factor_basis is not None:
            done = self._judge_stated_basis(fld, head, implied, fits, vint, vals, with_latest)
            if done:
                return implied
        window = vint[:3]  # the latest vintage and the two before it
        for rank, (f, a) in enumerate(window):
            if fits(f):
                vals.update(matched_vintage=f.year, matched=f.as_dict(), consistent=True)
                if rank == 0:
                    self.add("ok", fld, f"{head}: matches the {f.year} grid factor {float(f):.3f} "
                             f"({a.text()}), the latest announced by {when}", **vals)
                else:
                    self.add("info", fld, f"{head}: matches the {f.year} vintage {float(f):.3f} "
                             f"({a.text()}), within the two vintages before the latest announced "
                             f"by {when}: consistent" + with_latest(), **vals)
                return implied
        later = [f for f in actual.values() if fits(f) and
                 not self.table.announcement(self.region, f.year).known_by(self.as_of)]
        if later:
            f = max(later, key=lambda f: f.year)
            a = self.table.announcement(self.region, f.year)
            vals.update(matched_vintage=f.year, matched=f.as_dict())
            if not self.dated and f.year == self.year:
                vals["consistent"] = True
                self.add("info", fld, f"{head}: matches the {f.year} factor {float(f):.3f} of the "
                         f"claim year itself, {a.text()}: consistent if the claim was written "
                         f"after that (state its date to settle it)" + with_latest(), **vals)
            else:
                self.add("warning", fld, f"{head}: matches the {f.year} factor {float(f):.3f}, "
                         f"{a.text()}, after {when}: it could not have been used then"
                         + with_latest(), **vals)
            return implied
        cands = sorted((f for f in allf if fits(f)),
                       key=lambda f: (abs(float(f) - implied), -f.year))
        ref_txt = (f"latest announced by {when}: {latest.year} factor {float(latest):.3f}"
                   if latest else "no factor announced by then")
        if cands:
            f = cands[0]
            vals["matched"] = f.as_dict()
            if f.basis == "actual":
                years = sorted(g.year for g in cands if g.basis == "actual" and
                               abs(float(g) - float(f)) < 1e-12)
                vals["matched_vintage"] = max(years)
                msg = (f"{head}: matches the announced factor of {'/'.join(map(str, years))} "
                       f"({float(f):.3f}), more than two vintages before the {ref_txt}")
            elif f.basis == "target":
                msg = (f"{head}: matches the action-plan target factor for {f.year} "
                       f"({float(f):.3f}, basis 'target'), not an announced factor ({ref_txt})")
            elif f.basis == "statutory_baseline":
                msg = (f"{head}: matches the statutory {f.year} baseline {float(f):.3f} (MOEA 2022 "
                       f"notice), not an announced factor ({ref_txt})")
            else:
                msg = (f"{head}: matches {float(f):.3f}, the value printed for {f.year} on another "
                       f"basis ({f.basis}: {f.source.split(';')[0]}), not the announced "
                       f"{f.year} factor {float(actual[f.year]) if f.year in actual else 'n/a'}")
            if latest:
                msg += f"; with the {ref_txt} the CO2 would be {_g(kwh * float(latest) / 1000)} t"
            own = actual.get(self.year)
            if own is not None and (latest is None or own.year != latest.year):
                msg += (f" (the claim year's own {own.year} factor {float(own):.3f} was "
                        f"{self.table.announcement(self.region, own.year).text()}: "
                        f"{_g(kwh * float(own) / 1000)} t)")
            self.add("warning", fld, msg, **vals)
            return implied
        lo, hi = min(allf, key=float), max(allf, key=float)
        if implied > float(hi) and latest:
            explained = kwh * float(latest) / 1000.0
            self.add("warning", fld, f"{head}: {implied / float(latest):.3g} times the {ref_txt}; "
                     f"the electricity explains only {_g(explained)} t of the {_g(co2)} t CO2e: "
                     "the rest must come from savings (fuel, steam, process gases) the claim does "
                     "not quantify", **vals)
        elif implied < float(lo):
            self.add("warning", fld, f"{head}: below every Taiwan grid factor (lowest "
                     f"{float(lo):.3f}, {lo.year} {lo.basis}); the CO2 is understated or the kWh "
                     f"overstated", **vals)
        else:
            near = min(allf, key=lambda f: abs(float(f) - implied))
            self.add("warning", fld, f"{head}: matches no published grid factor (nearest "
                     f"{float(near):.3f}, {near.year} {near.basis}; {ref_txt})" + with_latest(),
                     **vals)
        return implied

    def _judge_stated_basis(self, fld, head, implied, fits, vint, vals, with_latest):
        """The claim names its factor ("actual:2022", "target:2024", "target"): check it.

        Returns True when a finding was made, False to fall back to the vintage search.
        """
        basis, _, year_txt = self.factor_basis.partition(":")
        basis = basis.strip()
        bases = sorted({f.basis for f in self.table.all(self.region)})
        if basis not in bases:
            self.add("warning", "factor_basis", f"factor_basis {self.factor_basis!r}: basis "
                     f"{basis!r} unknown for {self.region}; known: {', '.join(bases)}")
            return False
        if not year_txt.strip():
            if basis == "actual":
                return False
            same = [f for f in self.table.all(self.region) if f.basis == basis and fits(f)]
            if same:
                f = same[0]
                vals.update(matched=f.as_dict())
                self.add("warning", fld, f"{head}: matches the stated basis {basis!r} ({f.year}: "
                         f"{float(f):.3f}), which is not an announced grid factor" + with_latest(),
                         **vals)
                return True
            return False
        try:
            year = int(year_txt)
            f = self.table.get(self.region, year, basis)
        except ValueError as exc:
            self.add("warning", "factor_basis", f"factor_basis {self.factor_basis!r}: {exc}")
            return False
        vals.update(matched=f.as_dict(), stated=f.as_dict())
        if not fits(f):
            self.add("warning", fld, f"{head}: the claim states it used {basis} {year} "
                     f"({float(f):.3f}), but its figures imply {implied:.4f}", **vals)
            return True
        a = self.table.announcement(self.region, year, basis)
        if basis != "actual":
            self.add("warning", fld, f"{head}: matches the stated {basis} {year} factor "
                     f"{float(f):.3f}, which is not an announced grid factor" + with_latest(),
                     **vals)
            return True
        vals["matched_vintage"] = year
        if not a.known_by(self.as_of):
            self.add("warning", fld, f"{head}: matches the stated {year} factor {float(f):.3f}, "
                     f"but it was {a.text()}, after {self._as_of_text()}" + with_latest(), **vals)
            return True
        rank = [g.year for g, _ in vint].index(year)
        if rank == 0:
            vals["consistent"] = True
            self.add("ok", fld, f"{head}: matches the stated {year} factor {float(f):.3f} "
                     f"({a.text()}), the latest announced by {self._as_of_text()}", **vals)
        elif rank <= 2:
            vals["consistent"] = True
            self.add("info", fld, f"{head}: matches the stated {year} vintage {float(f):.3f} "
                     f"({a.text()}), within the two before the latest announced by "
                     f"{self._as_of_text()}: consistent" + with_latest(), **vals)
        else:
            self.add("warning", fld, f"{head}: matches the stated {year} factor {float(f):.3f}, "
                     f"{rank} vintages older than the latest announced by {self._as_of_text()}"
                     + with_latest(), **vals)
        return True

    def _range_per_unit(self, carrier):
        """(low, high) kg CO2e per carrier unit plausible for this claim."""
        if carrier == "electricity_kwh":
            allf = self.table.all(self.region)
            latest, vint, actual = self._grid_reference()
            # the consistent vintages (latest announced by the claim's date and the two
            # before it), and the claim year's own factor when the claim is undated
            fs = [float(f) for f, _ in vint[:3]]
            if not self.dated and self.year in actual:
                fs.append(float(actual[self.year]))
            if not fs:
                fs = [float(f) for f in allf]
            return min(fs) - _PUBLISHED_ROUNDING, max(fs) + _PUBLISHED_ROUNDING
        kw = dict(region=self.region, year=self.year)
        if carrier in FUEL_OF_CARRIER:
            central = carrier_co2e_factor(carrier, **kw)[0]
            return central * (1 - _FUEL_SPREAD), central * (1 + _FUEL_SPREAD)
        low = carrier_co2e_factor(carrier, steam_supply=SteamSupply("natural_gas_nm3", _STEAM_EFF[1]), **kw)[0]
        high = carrier_co2e_factor(carrier, steam_supply=SteamSupply("coal_t", _STEAM_EFF[0]), **kw)[0]
        if carrier == "steam_t":
            low, high = low * _STEAM_ENTHALPY[0], high * _STEAM_ENTHALPY[1]
        return low, high

    def emission_factors(self):
        if not self.has_factors or self.year is None:
            return
        implied = {}
        for section in ("savings", "baseline", "retrofit"):
            body = self.sections[section]
            carriers = [k for k in CARRIERS if body.get(k)]
            if "co2_t" not in body or not carriers:
                continue
            fld = f"{section}.co2_t"
            if carriers == ["electricity_kwh"]:
                if body["electricity_kwh"] > 0 and body["co2_t"] >= 0:
                    implied[section] = (self._judge_grid(fld, body["co2_t"], body["electricity_kwh"]),
                                        body["co2_t"], body["electricity_kwh"])
                continue
            if section != "savings":
                continue
            lo = hi = 0.0
            for k in carriers:
                a, b = (body[k] * v / 1000.0 for v in self._range_per_unit(k))
                lo, hi = lo + min(a, b), hi + max(a, b)
            co2 = body["co2_t"]
            tol = _half_unit(co2)
            text = f"CO2 saving {_g(co2)} t from {', '.join(f'{_g(body[k])} {UNITS[k]}' for k in carriers)}"
            if carriers == ["steam_t"]:
                per_t = co2 / body["steam_t"]
                gas = self._per_steam("natural_gas_nm3")
                coal = self._per_steam("coal_t")
                text += (f" = {per_t:.3f} t CO2e per t steam (natural-gas boiler at 80 %: {gas:.3f}; "
                         f"coal boiler at 80 %: {coal:.3f})")
            if math.isfinite(tol) and lo - tol <= co2 <= hi + tol:
                self.add("ok", fld, f"{text}: within the plausible {_g(lo)}-{_g(hi)} t (IPCC 2006 "
                         "defaults; boiler efficiency 0.75-0.95 for steam/heat)")
            else:
                msg = (f"{text}: outside the plausible {_g(lo)}-{_g(hi)} t (IPCC 2006 defaults; "
                       "boiler efficiency 0.75-0.95 for steam/heat)")
                bio = [k for k in carriers if is_biogenic(k)]
                if bio:
                    bio_t = sum(carrier_biogenic_co2_t(k, body[k]) for k in bio)
                    msg += (f"; biogenic CO2 of {', '.join(bio)} ({_g(bio_t)} t) is outside "
                            "scope totals (GHG Protocol; IPCC 2006 Vol. 2 Ch. 2) and must not be "
                            "claimed as a saving or counted as an emission")
                self.add("warning", fld, msg, low=lo, high=hi)
        if "baseline" in implied and "retrofit" in implied:
            (fb, cb, kb), (fr, cr, kr) = implied["baseline"], implied["retrofit"]
            tol = fb * (_rel(cb) + _rel(kb)) + fr * (_rel(cr) + _rel(kr))
            if not _within(fb - fr, tol):
                self.add("warning", "retrofit.co2_t", f"baseline and retrofit CO2 use different "
                         f"factors: {fb:.4f} vs {fr:.4f} kg CO2e/kWh for the same electricity",
                         baseline=fb, retrofit=fr)

    def _per_steam(self, fuel):
        return carrier_co2e_factor("steam_t", region=self.region, year=self.year,
                                   steam_supply=SteamSupply(fuel, 0.80))[0] / 1000.0

    # --- prices --------------------------------------------------------------------------
    def prices(self):
        s = self.sections["savings"]
        carriers = [k for k in CARRIERS if s.get(k)]
        cost = s.get("cost")
        implied_from_payback = cost is None and "_implied_cost" in s
        if implied_from_payback:
            cost = s["_implied_cost"]
        if cost is not None and not carriers and "co2_t" in s:
            self._cost_only(cost, s["co2_t"])
            return
        if cost is None or not carriers:
            return
        if carriers != ["electricity_kwh"]:
            self.add("info", "savings.cost", "energy prices not checked: no packaged prices for "
                     + ", ".join(k for k in carriers if k != "electricity_kwh"))
            return
        if self.currency != "TWD" or self.region != "TW" or self.year is None:
            self.add("info", "savings.cost", f"electricity price not checked: packaged tariffs are "
                     f"Taiwan NT$ (claim: {self.region}, {self.currency})")
            return
        kwh = s["electricity_kwh"]
        what = "implied annual cost saving" if implied_from_payback else "cost saving"
        if not implied_from_payback and abs(cost - kwh) <= _half_unit(cost) + _half_unit(kwh):
            msg = (f"the {what} ({_g(cost)} NT$/yr) and the electricity saving ({_g(kwh)} kWh/yr) "
                   "are the same number: one figure read both as kWh and as NT$ (kWh / NT$ mix-up)")
            tariffs = self._tariffs()
            if tariffs:
                lo, hi = min(map(float, tariffs)), max(map(float, tariffs))
                msg += (f"; {_g(kwh)} kWh at NT${lo:.2f}-{hi:.2f}/kWh would be worth "
                        f"{_g(kwh * lo)}-{_g(kwh * hi)} NT$/yr")
                if self.c.get("investment"):
                    net = self.c["investment"] - self.c.get("subsidy", 0.0)
                    msg += (f" (payback {net / (kwh * hi):.2g}-{net / (kwh * lo):.2g} yr instead of "
                            f"{net / cost:.3g} yr)")
            self.add("warning", "savings.cost", msg, cost=cost, electricity_kwh=kwh)
            return
        tariffs = self._tariffs()
        if not tariffs:
            return
        p = cost / kwh
        lo = min(map(float, tariffs)) * _PRICE_BAND[0]
        hi = max(map(float, tariffs)) * _PRICE_BAND[1]
        listed = ", ".join(f"{float(t):.2f} ({t.name.split('from ')[-1]})" for t in tariffs)
        head = f"{what} {_g(cost)} NT$/yr / {_g(kwh)} kWh/yr = NT${p:.2f}/kWh"
        band = f"NT${lo:.2f}-{hi:.2f}/kWh (tariffs {listed} x {_PRICE_BAND[0]}-{_PRICE_BAND[1]})"
        if lo <= p <= hi:
            self.add("ok", "savings.cost", f"{head}, within {band}", implied_price=p)
        elif p > hi:
            self.add("warning", "savings.cost", f"{head}, above {band}: the money saved must include "
                     "other items (fuel, demand charges, maintenance, yield) or the kWh is understated",
                     implied_price=p)
        else:
            self.add("warning", "savings.cost", f"{head}, below {band}: is the cost in another unit "
                     "(10^4 NT$) or the kWh overstated?", implied_price=p)

    def _tariffs(self):
        """Packaged TW electricity tariffs in force during the claim year (or the nearest year)."""
        if self.year is None:
            return []
        tariffs = prices_in_year("electricity_kwh", "TW", self.year)
        if not tariffs:
            years = [self.year + d for d in range(-3, 4)]
            near = [(abs(y - self.year), y) for y in years if prices_in_year("electricity_kwh", "TW", y)]
            tariffs = prices_in_year("electricity_kwh", "TW", min(near)[1]) if near else []
        return tariffs

    def _cost_only(self, cost, co2):
        """Cost and CO2 but no quantities: what the money would buy as electricity."""
        tariffs = self._tariffs()
        if self.currency != "TWD" or not tariffs or not self.has_factors:
            return
        lo, hi = min(map(float, tariffs)), max(map(float, tariffs))
        ref = self._grid_reference()[0]
        if ref is None or cost <= 0:
            return
        kwh_lo, kwh_hi = cost / hi, cost / lo
        t_lo, t_hi = kwh_lo * float(ref) / 1000.0, kwh_hi * float(ref) / 1000.0
        text = (f"if the {_g(cost)} NT$/yr were all electricity at NT${lo:.2f}-{hi:.2f}/kWh it would "
                f"be {_g(kwh_lo)}-{_g(kwh_hi)} kWh/yr, i.e. {_g(t_lo)}-{_g(t_hi)} t CO2e at "
                f"{float(ref):.3f} kg/kWh ({ref.year})")
        if co2 > t_hi:
            text += (f"; the claimed {_g(co2)} t must come mostly from savings the claim does not "
                     "quantify (fuel, steam, process gases)")
        self.add("info", "savings.co2_t", text)

    # --- product intensity ---------------------------------------------------------------
    def product(self):
        b, s = self.sections["baseline"], self.sections["savings"]
        key = "co2_kg_per_t_product"
        if key in s and "co2_fraction" in s and key not in b and s["co2_fraction"] > 0:
            base = s[key] / s["co2_fraction"]
            self.add("info", f"savings.{key}", f"{_g(s[key])} kg CO2e/t is {_pct(s['co2_fraction'])} "
                     f"of a product intensity of {_g(base)} kg CO2e/t before the retrofit")
        if key in s and "product_t" in self.c and "co2_t" in s:
            computed = s[key] * self.c["product_t"] / 1000.0
            self.add("info", "savings.co2_t", f"{_g(s[key])} kg CO2e/t x {_g(self.c['product_t'])} "
                     f"t/yr = {_g(computed)} t CO2e/yr against the claimed {_g(s['co2_t'])} t")


    # --- metered savings (M&V) -----------------------------------------------------------
    def measured(self, base_dir):
        """Run the M&V on the meter data the claim points to and judge the claimed saving
        against the verified saving and its band (procsim.mv, ASHRAE Guideline 14)."""
        mv = self.c.get("mv")
        if not mv:
            return
        from pathlib import Path

        from procsim.mv import avoided_energy, fit_baseline, periods, read_meter

        base = Path(base_dir) if base_dir is not None else Path.cwd()
        carrier = mv.get("carrier", "electricity_kwh")
        energy = mv.get("energy", "energy")
        drivers = tuple(mv.get("drivers", ("temperature",)))
        conf = float(mv.get("confidence", 0.9))
        tz = mv.get("timezone")
        kinds = {c: "count" for c in mv.get("counts", ())}
        try:
            frames = []
            for k in ("baseline", "reporting"):
                m = read_meter(base / mv[k], kinds=dict(kinds), timezone=tz)
                data = m.data
                if mv.get("period"):
                    sums = [c for c in data.columns if m.units.get(c) != "degC"]
                    means = [c for c in data.columns if m.units.get(c) == "degC"]
                    data, _ = periods(data, mv["period"], sums=sums, means=means, timezone=tz)
                else:
                    data = data.dropna()
                if data.index.tz is not None:
                    data.index = data.index.tz_localize(None)
                frames.append(data)
            b = fit_baseline(frames[0], energy=energy, drivers=drivers, model=mv.get("model", "auto"))
            s = avoided_energy(b, frames[1], confidence=conf)
        except (ValueError, OSError, KeyError) as exc:
            self.add("error", "mv", f"M&V on the claim's meter data failed: {exc}")
            return
        unit = UNITS.get(carrier, "")
        head = (f"M&V ({b.kind} on {', '.join(drivers)}, {b.n} baseline / {s.m} reporting "
                f"periods): verified saving {_g(s.savings)} +/- {_g(s.uncertainty)} "
                f"{unit.replace('/yr', '')} at {100 * conf:.0f} % confidence")
        vals = {"verified": s.savings, "uncertainty": s.uncertainty, "confidence": conf,
                "model": b.kind, "cv_rmse": b.cv_rmse, "nmbe": b.nmbe}
        sev = "ok" if b.acceptance.passed else "warning"
        self.add(sev, "mv", f"baseline model: {b.acceptance.text()}", **vals)
        claimed = self.sections["savings"].get(carrier)
        if claimed is None:
            self.add("info", f"savings.{carrier}", f"{head}; the claim states no {carrier} saving",
                     **vals)
            return
        lo, hi = s.savings - s.uncertainty, s.savings + s.uncertainty
        if lo - _half_unit(claimed) <= claimed <= hi + _half_unit(claimed):
            self.add("ok", f"savings.{carrier}", f"claimed {_g(claimed)}: inside the band "
                     f"{_g(lo)}-{_g(hi)}; {head}", **vals)
        else:
            self.add("warning", f"savings.{carrier}", f"claimed {_g(claimed)} is outside the band "
                     f"{_g(lo)}-{_g(hi)} ({100 * (claimed - s.savings) / s.savings:+.1f} % from "
                     f"the verified saving); {head}", **vals)


def check_claim(claim, table: FactorTable | None = None, base_dir=None) -> list[Finding]:
    """Check a claim (dict as parsed from its file); returns findings, never raises on content.

    ``table``: grid factors for a region other than Taiwan (see ``FactorTable``).
    ``base_dir``: folder of the claim file, against which the meter-data paths of an
    ``[mv]`` table are resolved (default: the current folder).
    """
    problems = schema_problems(claim)
    if problems:
        return [Finding("error", f, m) for f, m in problems]
    ch = _Checker(claim, table)
    ch.context()
    ch.arithmetic()
    ch.fractions()
    ch.totals()
    ch.payback()
    ch.emission_factors()
    ch.prices()
    ch.product()
    ch.measured(base_dir)
    if not any(f.severity in ("ok", "warning", "error") or f.values.get("consistent")
               for f in ch.out):
        ch.add("info", "", "no two figures of the claim can be checked against each other")
    return ch.out


def verdict(findings) -> str:
    """"inconsistent" (any error), "questionable" (any warning), "consistent" (some check
    passed, including info findings marked ``values["consistent"]``), or "not checkable"
    (information only)."""
    sev = {f.severity for f in findings}
    if "error" in sev:
        return "inconsistent"
    if "warning" in sev:
        return "questionable"
    # an info finding that states consistency (an earlier grid-factor vintage within the
    # accepted window) is a passed check
    passed = "ok" in sev or any(f.values.get("consistent") for f in findings)
    return "consistent" if passed else "not checkable"


def format_findings(findings) -> str:
    """Plain-text report, one line per finding, then the verdict."""
    lines = []
    for f in findings:
        where = f"{f.field}: " if f.field else ""
        lines.append(f"[{f.severity.upper():7s}] {where}{f.message}")
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    lines.append(f"Verdict: {verdict(findings)} ({counts['error']} error(s), {counts['warning']} "
                 f"warning(s), {counts['ok']} ok, {counts['info']} info)")
    return "\n".join(lines)
