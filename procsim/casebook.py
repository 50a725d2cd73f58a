"""What a case study returns: figures claimed by the source beside the figures procsim computes.

A case module in ``cases/`` (any ``cases/*.py`` whose name does not start with ``_``)
defines ``CASE_ID`` (short id such as ``"seed01_compressed_air"``), ``TITLE`` and a
function ``run() -> CaseResult``. ``procsim cases`` discovers and runs them; discovery
happens at call time (no import-time registry).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Figure", "CaseResult"]


@dataclass(frozen=True)
class Figure:
    """One compared figure.

    case : case id; metric : short name ("electricity_saved"); claimed : the source's
    figure or None when the source gives none; computed : procsim's figure; unit : unit
    of both ("kWh/yr", "t CO2e/yr", "NT$/yr", "%", "yr", ...); note : how it was computed;
    reading : which reading of an ambiguous claim this figure computes ("share of the
    source's own heat", "kWh reading", ...); empty when the claim has one reading.
    """

    case: str
    metric: str
    claimed: float | None
    computed: float
    unit: str
    note: str = ""
    reading: str = ""

    def __post_init__(self):
        if not (isinstance(self.computed, (int, float)) and math.isfinite(self.computed)):
            raise ValueError(f"computed figure {self.metric!r} of case {self.case!r} must be a "
                             f"finite number; got {self.computed!r}")

    @property
    def deviation(self) -> float | None:
        """(computed - claimed) / |claimed|, or None without a claimed figure."""
        if self.claimed is None or self.claimed == 0:
            return None
        return (self.computed - self.claimed) / abs(self.claimed)

    def as_dict(self) -> dict:
        return {"case": self.case, "metric": self.metric, "claimed": self.claimed,
                "computed": self.computed, "unit": self.unit, "reading": self.reading}


@dataclass(frozen=True)
class CaseResult:
    """Result of one case: its figures, the assumptions it rests on (each with its source).

    ``implied``: what the claim implies (:class:`procsim.review.ImpliedValue`), the headline of
    a review; ``ranges``: P10-P90 of computed figures with tornado and flip values
    (:class:`procsim.review.FigureRange`); ``verdicts``: one line per judged claim, saying the
    verdict and why (and, where it changed after a review of the source, what it was before).
    """

    case_id: str
    title: str
    figures: tuple[Figure, ...]
    assumptions: tuple[str, ...] = ()
    details: dict = field(default_factory=dict)
    implied: tuple = ()
    ranges: tuple = ()
    verdicts: tuple[str, ...] = ()
