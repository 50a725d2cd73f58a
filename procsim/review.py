"""Reviewing a claimed figure: what the claim implies, the range of the computed figure, and
the input value that flips the verdict.

A subsidy reviewer does not accept "computed 12.3 % vs claimed 18.05 %" when the 12.3 % rests
on invented plant data. What a reviewer can judge is:

* **what the claim implies**: solve the model backwards for the plant parameter that the
  source blames (unloaded power, a set-point, a firing rate) so that the model reproduces the
  claimed figure, and compare that value with the range such plants show in practice
  (:func:`implied_value`);
* **the range of the computed figure**: every unverified input carries a range with its source
  (or "judgement"); the model runs through :func:`procsim.batch.monte_carlo` and the figure is
  reported as P10-P50-P90 (:func:`figure_range`);
* **the flip value**: for each decisive input, the value at which the verdict changes, i.e. at
  which the model (others at their nominal values) reproduces the claimed figure, searched in
  the input's range and then up to one range-width beyond it (flagged); together with a
  one-at-a-time tornado of the inputs' ranges.

The verdict rule (:func:`verdict`) is stated once here so that every case uses it:
``consistent`` when the claimed figure lies inside the computed P10-P90 band, ``questionable``
when it lies outside the band but inside the range the model reaches over the input ranges,
``inconsistent`` when no combination of inputs within their ranges reproduces it; each limit is
widened by the claim's own rounding (:func:`published_rounding`).

Root finding uses :func:`scipy.optimize.brentq` (R. P. Brent, *Algorithms for Minimization
without Derivatives*, Prentice-Hall, 1973, ch. 4); the models here are whole case
simulations, called a few dozen times, so scipy outside any hot loop is the right tool.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

__all__ = ["UncertainInput", "ImpliedValue", "FlipValue", "FigureRange", "ClaimSource", "implied_value",
           "figure_range", "verdict", "published_rounding", "VERDICTS", "review_markdown", "review_dict",
           "locate_passage", "range_line"]

VERDICTS = ("consistent", "questionable", "inconsistent")


@dataclass(frozen=True)
class UncertainInput:
    """An input the source does not give: nominal value, plausible range, unit and source.

    ``source`` names where the range comes from (a handbook, a survey, a standard) or says
    ``"judgement"`` when it is the reviewer's engineering judgement. ``limits`` (optional) are
    the physical bounds of the input (a fraction lies in [0, 1]): the flip-value search beyond
    the range stops there.
    """

    name: str
    nominal: float
    low: float
    high: float
    unit: str
    source: str
    limits: tuple | None = None

    def __post_init__(self):
        vals = (self.nominal, self.low, self.high)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in vals):
            raise ValueError(f"uncertain input {self.name!r}: nominal, low and high must be finite numbers; "
                             f"got {vals!r}")
        if not (self.low <= self.nominal <= self.high and self.low < self.high):
            raise ValueError(f"uncertain input {self.name!r}: need low <= nominal <= high and low < high; "
                             f"got low={self.low!r}, nominal={self.nominal!r}, high={self.high!r} {self.unit}")
        if not self.source.strip():
            raise ValueError(f"uncertain input {self.name!r}: a range needs a source (or 'judgement')")


@dataclass(frozen=True)
class ImpliedValue:
    """The value of ``parameter`` at which the model reproduces the claimed figure."""

    parameter: str
    value: float | None
    unit: str
    typical_low: float
    typical_high: float
    source: str
    claimed: float
    reading: str = ""
    note: str = ""

    @property
    def plausible(self) -> bool:
        """True when the implied value exists and lies in the typical range."""
        return bool(self.value is not None and self.typical_low <= self.value <= self.typical_high)

    def describe(self) -> str:
        rng = f"typical {self.typical_low:g}-{self.typical_high:g} {self.unit} ({self.source})"
        if self.value is None:
            return f"no {self.parameter} reproduces the claim ({self.note}); {rng}"
        word = "plausible" if self.plausible else "outside the typical range"
        return f"claim implies {self.parameter} = {self.value:.4g} {self.unit}: {word}; {rng}"


@dataclass(frozen=True)
class FlipValue:
    """For one input: the tornado bar (figure at the input's low and high) and the flip value."""

    name: str
    unit: str
    low: float
    high: float
    figure_at_low: float
    figure_at_high: float
    flip: float | None
    flip_in_range: bool = True

    @property
    def swing(self) -> float:
        return abs(self.figure_at_high - self.figure_at_low)


@dataclass(frozen=True)
class FigureRange:
    """P10/P50/P90 of a computed figure over its inputs' ranges, the tornado and the verdict."""

    metric: str
    claimed: float
    p10: float
    p50: float
    p90: float
    reachable_low: float
    reachable_high: float
    samples: int
    seed: int
    tornado: tuple[FlipValue, ...]

    @property
    def verdict(self) -> str:
        return verdict(self.claimed, self.p10, self.p90, self.reachable_low, self.reachable_high,
                       published_rounding(self.claimed))

    @property
    def decisive(self) -> FlipValue:
        """The input with the widest tornado bar."""
        return max(self.tornado, key=lambda t: t.swing)

    def as_dict(self) -> dict:
        return {"metric": self.metric, "claimed": self.claimed, "p10": self.p10, "p50": self.p50,
                "p90": self.p90, "reachable": [self.reachable_low, self.reachable_high],
                "samples": self.samples, "seed": self.seed, "verdict": self.verdict,
                "tornado": [{"input": t.name, "unit": t.unit, "low": t.low, "high": t.high,
                             "figure_at_low": t.figure_at_low, "figure_at_high": t.figure_at_high,
                             "flip": t.flip, "flip_in_range": t.flip_in_range} for t in self.tornado]}


def published_rounding(claimed: float) -> float:
    """Half a unit of the claimed figure's last non-zero significant digit, at most 1 % of it.

    Claims print rounded figures (2,260 t, 114.6 t): a computed 2,260.5 t agrees with them. The
    1 % cap keeps round numbers ("NT$1,000,000", i.e. 1e6) from claiming a +-50 % tolerance.
    """
    x = abs(float(claimed))
    if x == 0.0 or not math.isfinite(x):
        return 0.0
    digits = f"{x:.12g}"
    mantissa, _, exp = digits.partition("e")
    exponent = int(exp) if exp else 0
    if "." in mantissa:
        decimals = len(mantissa.split(".")[1].rstrip("0"))
        unit = 10.0 ** (exponent - decimals)
    else:
        stripped = mantissa.rstrip("0")
        unit = 10.0 ** (exponent + len(mantissa) - len(stripped))
    return min(0.5 * unit, 0.01 * x)


def verdict(claimed: float, p10: float, p90: float, reachable_low: float, reachable_high: float,
            tolerance: float = 0.0) -> str:
    """The verdict rule: inside P10-P90 consistent, inside the reachable range questionable,
    else inconsistent, each widened by ``tolerance`` (the claim's rounding, see
    :func:`published_rounding`). NaN anywhere is an error, never a verdict."""
    vals = (claimed, p10, p90, reachable_low, reachable_high, tolerance)
    if not all(math.isfinite(v) for v in vals):
        raise ValueError(f"verdict needs finite figures; got claimed={claimed!r}, P10={p10!r}, P90={p90!r}, "
                         f"reachable=({reachable_low!r}, {reachable_high!r}), tolerance={tolerance!r}")
    if p10 - tolerance <= claimed <= p90 + tolerance:
        return "consistent"
    if reachable_low - tolerance <= claimed <= reachable_high + tolerance:
        return "questionable"
    return "inconsistent"


def _root(fun: Callable[[float], float], target: float, low: float, high: float, xtol: float):
    """Value in [low, high] where fun(x) == target, or (None, reason)."""
    from scipy.optimize import brentq

    f_lo, f_hi = fun(low) - target, fun(high) - target
    if not (math.isfinite(f_lo) and math.isfinite(f_hi)):
        raise ValueError(f"model gave a non-finite figure at the search bounds ({low!r}, {high!r})")
    if f_lo == 0.0:
        return low, ""
    if f_hi == 0.0:
        return high, ""
    if f_lo * f_hi > 0.0:
        lo_fig, hi_fig = f_lo + target, f_hi + target
        return None, (f"the figure runs from {min(lo_fig, hi_fig):.4g} to {max(lo_fig, hi_fig):.4g} over "
                      f"[{low:g}, {high:g}]")
    return brentq(lambda x: fun(x) - target, low, high, xtol=xtol), ""


def implied_value(model: Callable[[float], float], claimed: float, *, parameter: str, unit: str,
                  search: tuple[float, float], typical: tuple[float, float], source: str,
                  reading: str = "", xtol: float = 1e-6) -> ImpliedValue:
    """Solve ``model(x) == claimed`` for the plant parameter ``x`` within ``search``.

    Parameters
    ----------
    model : the case's figure as a function of the parameter (the whole simulation chain).
    claimed : the source's figure, in the model's unit.
    search : bracket searched [unit]; wider than the typical range so that an implausible
        implied value is found and reported rather than missed.
    typical : range such plants show in practice [unit], with ``source``.
    """
    lo, hi = float(search[0]), float(search[1])
    if not (lo < hi):
        raise ValueError(f"implied {parameter}: search bracket must have low < high; got {search!r}")
    if not (typical[0] <= typical[1]):
        raise ValueError(f"implied {parameter}: typical range must have low <= high; got {typical!r}")
    x, why = _root(model, float(claimed), lo, hi, xtol)
    return ImpliedValue(parameter, None if x is None else float(x), unit, float(typical[0]), float(typical[1]),
                        source, float(claimed), reading, why)


def figure_range(model: Callable[..., float], inputs: Sequence[UncertainInput], claimed: float, *,
                 metric: str, n: int = 64, seed: int = 0, xtol: float = 1e-4) -> FigureRange:
    """Monte Carlo range (P10-P90) of ``model(**inputs)``, the tornado and each input's flip value.

    Inputs are drawn uniformly over [low, high] (the reviewer knows a range, not a
    distribution) through :func:`procsim.batch.monte_carlo` with the given seed. The tornado
    moves one input at a time to its low and high with the others nominal; the flip value is
    where, along that line, the model reproduces the claimed figure (None if it does not
    within the range). The reachable range is the extremes over the samples and the tornado
    end points.
    """
    from procsim.batch import Uniform, monte_carlo

    if not inputs:
        raise ValueError(f"figure range of {metric!r} needs at least one uncertain input")
    names = [u.name for u in inputs]
    if len(set(names)) != len(names):
        raise ValueError(f"figure range of {metric!r}: duplicate input names {names!r}")
    nominal = {u.name: u.nominal for u in inputs}

    def vectorised(**cols):
        size = len(next(iter(cols.values())))
        out = np.empty(size)
        for i in range(size):
            out[i] = model(**{k: float(v[i]) for k, v in cols.items()})
        return {"figure": out}

    mc = monte_carlo(vectorised, {u.name: Uniform(u.low, u.high) for u in inputs}, int(n), seed=int(seed))
    fig = np.asarray(mc.outputs["figure"], dtype=float)
    if not np.all(np.isfinite(fig)):
        raise ValueError(f"figure range of {metric!r}: the model returned a non-finite figure")

    tornado = []
    for u in inputs:
        def along(x, _u=u):
            return model(**{**nominal, _u.name: x})
        f_lo, f_hi = along(u.low), along(u.high)
        tol = xtol * max(1.0, abs(u.high - u.low))
        flip, _ = _root(along, float(claimed), u.low, u.high, tol)
        inside = flip is not None
        if flip is None:
            # beyond the range: one range-width either side (not below zero for a
            # non-negative input); a model that refuses the value there gives no flip
            span = u.high - u.low
            lo_ext = max(u.low - span, 0.0) if u.low >= 0.0 else u.low - span
            hi_ext = u.high + span
            if u.limits is not None:
                lo_ext, hi_ext = max(lo_ext, u.limits[0]), min(hi_ext, u.limits[1])
            try:
                flip, _ = _root(along, float(claimed), lo_ext, hi_ext, tol)
            except ValueError:
                flip = None
        tornado.append(FlipValue(u.name, u.unit, u.low, u.high, float(f_lo), float(f_hi),
                                 None if flip is None else float(flip), inside))
    ends = [t.figure_at_low for t in tornado] + [t.figure_at_high for t in tornado]
    return FigureRange(metric, float(claimed), float(np.percentile(fig, 10)), float(np.percentile(fig, 50)),
                       float(np.percentile(fig, 90)), float(min(fig.min(), *ends)), float(max(fig.max(), *ends)),
                       int(n), int(seed), tuple(tornado))


def range_line(r: FigureRange) -> str:
    """One verdict line for a :class:`FigureRange`: the verdict, P10-P90, the reachable range,
    where the claim lies, and the flip value of the most decisive input."""
    d = r.decisive
    side = ("below the computed range" if r.claimed < r.p10 else "above the computed range" if r.claimed > r.p90
            else "inside P10-P90")
    flip = (f"{d.flip:,.4g} {d.unit}{'' if d.flip_in_range else ' (outside its range)'}" if d.flip is not None
            else "no value within one range-width of its range")
    return (f"{r.metric} {r.claimed:,.4g}: {r.verdict} ({side}; P10-P90 {r.p10:,.4g}-{r.p90:,.4g}, reachable "
            f"{r.reachable_low:,.4g}-{r.reachable_high:,.4g}, {r.samples} samples); most decisive input {d.name} "
            f"({d.low:,.4g}-{d.high:,.4g} {d.unit}): the claim is reproduced at {d.name} = {flip}")


@dataclass(frozen=True)
class ClaimSource:
    """The passage a claim comes from: document, line, the original text, our translation, and
    the data a reviewer should request from the claimant to settle it.

    ``document`` starts with the source file (``sources/<name>.txt``, in ``cases/sources/``);
    ``line`` is where the quoted passage starts; ``passage`` is verbatim, with ``...`` where
    text is left out (:func:`locate_passage` checks it); ``seed`` names the seed case
    (``"13a"``) for tables over all seeds."""

    document: str
    line: int
    passage: str
    translation: str
    data_requests: tuple[str, ...] = ()
    seed: str = ""

    def fragments(self) -> tuple[str, ...]:
        """The quoted passage split at the elisions (``...``) into verbatim fragments."""
        return tuple(f.strip() for f in self.passage.split("...") if f.strip())

    @property
    def file_name(self) -> str:
        """The source file the passage is quoted from (``sources/<name>.txt``, the first word of
        ``document``)."""
        return self.document.split()[0].rsplit("/", 1)[-1]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def locate_passage(source: ClaimSource, text: str) -> int:
    """Check that ``source``'s quoted passage occurs verbatim in ``text`` (the source file) and
    return the line where its first fragment starts.

    Each fragment between elisions (``...``) must occur in the file, in order, after removing all
    whitespace from both (the Markdown conversion of the originals broke lines and spaced CJK text
    unevenly; no character is changed otherwise). The first fragment must start on the line the
    source names. Raises ValueError naming the fragment that is not found.
    """
    flat, owner = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        for ch in line:
            if not ch.isspace():
                flat.append(ch)
                owner.append(number)
    flat = "".join(flat)
    pos, first_line = 0, None
    for frag in source.fragments():
        key = _squeeze(frag)
        at = flat.find(key, pos)
        if at < 0:
            where = "anywhere in" if flat.find(key) < 0 else "in order in"
            raise ValueError(f"{source.document}: fragment {frag[:40]!r}... not found {where} {source.file_name}")
        if first_line is None:
            first_line = owner[at]
        pos = at + len(key)
    if first_line is None:
        raise ValueError(f"{source.document}: the quoted passage is empty")
    if first_line != source.line:
        raise ValueError(f"{source.document}: the passage starts on line {first_line}, not line {source.line}")
    return first_line


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    return str(v)


def review_markdown(result, sources: Sequence[ClaimSource] = ()) -> str:
    """A reviewer's page for one case (Markdown): the source passage quoted with our translation,
    the readings side by side, what the claim implies, the range and flip values, the verdicts,
    and the data to request from the claimant."""
    out = [f"# Review: {result.title}", "", f"Case `{result.case_id}`.", ""]
    for src in sources:
        seed = f"seed {src.seed}: " if src.seed else ""
        out += [f"## Source ({seed}{src.document}, line {src.line})", "", "> " + src.passage.replace("\n", "\n> "), "",
                f"*Our translation:* {src.translation}", ""]
    out += ["## Figures by reading", "", "| metric | reading | claimed | computed | unit | deviation |",
            "|---|---|---|---|---|---|"]
    for f in result.figures:
        dev = "-" if f.deviation is None else f"{100 * f.deviation + 0.0:+.1f} %".replace("-0.0 %", "+0.0 %")
        out.append(f"| {f.metric} | {f.reading or 'as stated'} | {_fmt(f.claimed)} | {_fmt(f.computed)} | "
                   f"{f.unit} | {dev} |")
    if result.implied:
        out += ["", "## What the claim implies", "", "| parameter | reading | implied | typical range | source | plausible |",
                "|---|---|---|---|---|---|"]
        for i in result.implied:
            out.append(f"| {i.parameter} | {i.reading or 'as stated'} | {_fmt(i.value)} {i.unit} | "
                       f"{i.typical_low:g}-{i.typical_high:g} {i.unit} | {i.source} | "
                       f"{'yes' if i.plausible else 'no'} |")
    for r in result.ranges:
        out += ["", f"## Range of {r.metric}", "",
                f"P10 {r.p10:.4g}, P50 {r.p50:.4g}, P90 {r.p90:.4g} ({r.samples} samples, seed {r.seed}); "
                f"reachable {r.reachable_low:.4g} to {r.reachable_high:.4g}; claimed {r.claimed:g}: **{r.verdict}**.",
                "", "| input | range | figure at low | figure at high | flip value |", "|---|---|---|---|---|"]
        for t in sorted(r.tornado, key=lambda t: -t.swing):
            out.append(f"| {t.name} | {t.low:g}-{t.high:g} {t.unit} | {t.figure_at_low:.4g} | {t.figure_at_high:.4g} | "
                       f"{'none within one range-width' if t.flip is None else f'{t.flip:.4g} {t.unit}'}"
                       f"{'' if t.flip is None or t.flip_in_range else ' (outside the range)'} |")
    if result.verdicts:
        out += ["", "## Verdicts", ""] + [f"- {v}" for v in result.verdicts]
    requests = [q for s in sources for q in s.data_requests]
    if requests:
        out += ["", "## Data to request from the claimant", ""] + [f"- {q}" for q in requests]
    if result.assumptions:
        out += ["", "## Assumptions", ""] + [f"- {a}" for a in result.assumptions]
    return "\n".join(out) + "\n"


def review_dict(result, sources: Sequence[ClaimSource] = ()) -> dict:
    """The reviewer's page as plain data (for JSON)."""
    return {"case": result.case_id, "title": result.title,
            "sources": [{"seed": s.seed, "document": s.document, "line": s.line, "passage": s.passage,
                         "translation": s.translation, "data_requests": list(s.data_requests)} for s in sources],
            "figures": [{**f.as_dict(), "deviation": f.deviation, "note": f.note} for f in result.figures],
            "implied": [{"parameter": i.parameter, "reading": i.reading, "value": i.value, "unit": i.unit,
                         "typical": [i.typical_low, i.typical_high], "source": i.source,
                         "plausible": i.plausible, "note": i.note} for i in result.implied],
            "ranges": [r.as_dict() for r in result.ranges], "verdicts": list(result.verdicts),
            "assumptions": list(result.assumptions)}
