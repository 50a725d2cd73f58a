"""Three-phase induction motors: efficiency class tables, part load, power factor, rewinds, economics.

Public API (docs/architecture.rst)::

    units.motors.efficiency(rated_power, load_fraction, efficiency_class="IE3", poles=4,
                            frequency=60)   # [vec] -> fraction

Full-load (nominal) efficiency comes from ``procsim/data/motor_efficiency.csv``, each row
with its source:

* 50 Hz, IE1-IE4, 2/4/6 poles, 0.75-1000 kW: IEC 60034-30-1:2014 Tables 2-5 (the value at
  200 kW holds up to 1000 kW in the standard);
* 60 Hz IE3 (= NEMA Premium), 2/4/6 poles, 0.75-375 kW: NEMA MG 1-2016 Table 12-12 /
  10 CFR 431.25 Table 5; 60 Hz IE2, 0.75-150 kW: EPAct 1992 (42 U.S.C. 6313(b)(1));
* derived, **unconfirmed** (:func:`efficiency_basis` says so with the reason): IE1 and IE4
  at 60 Hz keep the 50 Hz loss ratio of IE1/IE2 and IE4/IE3 at the same power and poles
  applied to the 60 Hz IE2 and IE3 losses; IE5 has 20 % lower losses than IE4 at both
  frequencies (IEC TS 60034-30-2:2016, which defines IE5 as a loss reduction of about 20 %
  against IE4).

Each tabulated row carries a ``status``: verified against an independent transcription (the
50 Hz 4-pole column; the 50 Hz IE3 2- and 6-pole columns to 0.1 point against NEMA MG 1
Table 12-14; the 60 Hz IE3 2- and 6-pole rows exactly against NEMA MG 1 Table 12-12) or
unverified with the reason.

Between tabulated ratings the efficiency is interpolated linearly in log10(P), the
variable of IEC 60034-30-1:2014 Annex A. Part load follows the constant + quadratic loss
model of :mod:`units.motors.core`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from procsim.accounting import compare
from procsim.accounting.factors import data_path
from procsim.validation import (check_choice, check_fraction, check_nonnegative,
                                check_positive, check_range)
from units.motors.core import (CONSTANT_LOSS_SHARE, part_load_efficiency,
                               part_load_efficiency_array, power_factor_array)

__all__ = ["efficiency", "efficiency_basis", "DERIVED_BASIS", "full_load_efficiency", "power_factor", "rewound_efficiency",
           "standard_ratings", "select_rated_power", "Motor", "MotorOperation",
           "replacement_comparison", "EFFICIENCY_CLASSES", "FREQUENCIES", "POLES",
           "part_load_efficiency", "CONSTANT_LOSS_SHARE", "REWIND_LOSS_POINTS"]

#: Public class names -> IE level. NEMA Premium is the 60 Hz IE3 level (IEC 60034-30-1:2014
#: sec. 6 aligns IE3 at 60 Hz with NEMA Premium); at 50 Hz it maps to IE3 as well.
EFFICIENCY_CLASSES = {"IE1": 1, "IE2": 2, "IE3": 3, "IE4": 4, "IE5": 5, "NEMA Premium": 3}
FREQUENCIES = (50, 60)
POLES = (2, 4, 6)
#: IE5 losses relative to IE4 (IEC TS 60034-30-2:2016: IE5 about 20 % lower losses than IE4).
IE5_LOSS_RATIO = 0.8
#: Efficiency loss per rewind [percentage points] below / at-or-above 30 kW (40 hp).
#: Assumption following US DOE, "Continuous Energy Improvement in Motor Driven Systems",
#: 2014, ch. 4 and the MotorMaster+ defaults it describes (1 point for smaller motors, 0.5
#: point for 40 hp and larger); the EASA/AEMT rewind study (2003) found no measurable loss
#: for good-practice rewinds, so pass ``rewind_loss_points=0`` for certified repairs.
REWIND_LOSS_POINTS = (1.0, 0.5)
REWIND_SIZE_LIMIT = 30.0e3  # W

#: Classes computed rather than tabulated, with why they stay unconfirmed.
DERIVED_BASIS = {
    (60, 1): "derived, unconfirmed: 60 Hz IE2 losses x the 50 Hz IE1/IE2 loss ratio; IEC 60034-30-1:2014 "
             "60 Hz IE1 limits were not available here to check it",
    (60, 4): "derived, unconfirmed: 60 Hz IE3 losses x the 50 Hz IE4/IE3 loss ratio; IEC 60034-30-1:2014 "
             "60 Hz IE4 limits were not available here to check it",
    (50, 5): "derived, unconfirmed: IE4 losses x 0.8 (IEC TS 60034-30-2:2016 describes IE5 as about 20 % "
             "lower losses than IE4; no IE5 table was available)",
    (60, 5): "derived, unconfirmed: derived 60 Hz IE4 losses x 0.8 (IEC TS 60034-30-2:2016, about 20 % "
             "lower losses than IE4)",
}


@lru_cache(maxsize=1)
def _rows():
    """motor_efficiency.csv grouped by (frequency Hz, IE level, poles): sorted
    (rated power [W], efficiency [-], status) rows."""
    rows = {}
    with open(data_path("motor_efficiency.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (int(r["frequency_hz"]), int(r["efficiency_class"][2]), int(r["poles"]))
            rows.setdefault(key, []).append((float(r["rated_power_kw"]) * 1e3,
                                             float(r["efficiency_pct"]) / 100.0, r["status"]))
    return {k: sorted(v) for k, v in rows.items()}


@lru_cache(maxsize=1)
def _status():
    out = {}
    for key, v in _rows().items():
        spans = []           # consecutive ratings with one status: [first kW, last kW, status]
        for kw, st in ((w / 1e3, st) for w, _, st in v):
            if spans and spans[-1][2] == st:
                spans[-1][1] = kw
            else:
                spans.append([kw, kw, st])
        out[key] = spans[0][2] if len(spans) == 1 else "; ".join(f"{a:g}-{b:g} kW {st}" for a, b, st in spans)
    return out


def efficiency_basis(efficiency_class="IE3", poles=4, frequency=60) -> str:
    """Where a class's full-load efficiency comes from: "tabulated, verified: ...",
    "tabulated, unverified: ..." (the data file's row status) or "derived, unconfirmed: ..."
    (:data:`DERIVED_BASIS`).

    >>> efficiency_basis("IE4", 4, 60)[:21]
    'derived, unconfirmed:'
    """
    level = _check_class(efficiency_class, poles, frequency)
    if (frequency, level) in DERIVED_BASIS:
        return DERIVED_BASIS[(frequency, level)]
    return "tabulated, " + _status()[(frequency, level, poles)]


@lru_cache(maxsize=1)
def _table():
    return {k: (np.array([p for p, _, _ in v]), np.array([e for _, e, _ in v])) for k, v in _rows().items()}


def _interp(key, power):
    p, e = _table()[key]
    return np.interp(np.log10(power), np.log10(p), e)


def _tabulated_range(frequency, level):
    if frequency == 50:
        return 750.0, 1.0e6
    top = 150.0e3 if level in (1, 2) else 375.0e3
    return 750.0, top


def _loss(eta):
    return 1.0 / eta - 1.0


def _from_loss(loss):
    return 1.0 / (1.0 + loss)


def _full_load(power, level, poles, frequency):
    """Nominal efficiency at rated load [-] (power in W, already validated)."""
    if level == 5:
        return _from_loss(IE5_LOSS_RATIO * _loss(_full_load(power, 4, poles, frequency)))
    if frequency == 50 or level in (2, 3):
        return _interp((frequency, level, poles), power)
    # 60 Hz IE1 / IE4: 60 Hz base class scaled by the 50 Hz loss ratio (derived, see module doc)
    base = 2 if level == 1 else 3
    ratio = _loss(_interp((50, level, poles), power)) / _loss(_interp((50, base, poles), power))
    return _from_loss(ratio * _loss(_interp((60, base, poles), power)))


def _check_class(efficiency_class, poles, frequency):
    level = check_choice("efficiency_class", efficiency_class, EFFICIENCY_CLASSES)
    check_choice("poles", poles, {p: p for p in POLES})
    check_choice("frequency", frequency, {f: f for f in FREQUENCIES})
    return level


def full_load_efficiency(rated_power, efficiency_class="IE3", poles=4, frequency=60):
    """Nominal full-load efficiency [-] of an efficiency class at ``rated_power`` [W].

    Parameters
    ----------
    rated_power : [W], within the tabulated range (50 Hz: 750 W-1 MW; 60 Hz: 750 W-375 kW,
        IE1/IE2 to 150 kW).
    efficiency_class : "IE1" ... "IE5" or "NEMA Premium".
    poles : 2, 4 or 6.    frequency : 50 or 60 [Hz].

    References
    ----------
    IEC 60034-30-1:2014, Tables 2-5 and Annex A; NEMA MG 1-2016 Table 12-12; 42 U.S.C.
    6313(b)(1); IEC TS 60034-30-2:2016 (IE5). See ``procsim/data/motor_efficiency.csv``.

    Examples
    --------
    >>> round(float(full_load_efficiency(11e3, "IE3", 4, 50)), 3)
    0.914
    """
    level = _check_class(efficiency_class, poles, frequency)
    lo, hi = _tabulated_range(frequency, level)
    p = check_range("rated_power", rated_power, lo, hi, "W")
    # IEC 60034-30-1 lists the 200 kW value for 200-1000 kW (50 Hz)
    arr = np.minimum(np.asarray(p, dtype=float), 200.0e3) if frequency == 50 else np.asarray(p)
    out = _full_load(arr, level, poles, frequency)
    return float(out) if np.ndim(out) == 0 else out


def efficiency(rated_power, load_fraction, efficiency_class="IE3", poles=4, frequency=60,
               constant_loss_share=CONSTANT_LOSS_SHARE):
    r"""Motor efficiency [-] at ``load_fraction`` of rated output. [vec]

    Parameters
    ----------
    rated_power : rated shaft output [W] (see :func:`full_load_efficiency` for the range).
    load_fraction : shaft power / rated power [-], in [0, 1.5].
    efficiency_class : "IE1" ... "IE5" or "NEMA Premium".
    poles : 2, 4 or 6.    frequency : 50 or 60 [Hz] (Taiwan's grid is 60 Hz).
    constant_loss_share : share of rated losses independent of load [-] (default 0.36).

    Notes
    -----
    .. math:: \eta(x) = \frac{x}{x + (1/\eta_r - 1)[k_0 + (1-k_0)x^2]}

    with :math:`\eta_r` the class's nominal full-load efficiency. Against DOE MEASUR's
    motor curves (60 Hz, 7.5-200 hp, energy-efficient and premium) the shape agrees to
    within 1 point of efficiency from 25 % to 125 % load (tests/test_motors.py).

    Examples
    --------
    >>> round(float(efficiency(75e3, 1.0, "NEMA Premium", 4, 60)), 3)
    0.954
    >>> round(float(efficiency(75e3, 0.5, "NEMA Premium", 4, 60)), 3)
    0.952
    """
    eta_r = full_load_efficiency(rated_power, efficiency_class, poles, frequency)
    x = check_range("load_fraction", load_fraction, 0.0, 1.5)
    k0 = float(check_fraction("constant_loss_share", constant_loss_share))
    xs, es = np.broadcast_arrays(np.asarray(x, float), np.asarray(eta_r, float))
    shape = xs.shape
    xs, es = (np.ascontiguousarray(a, dtype=np.float64).ravel() for a in (xs, es))
    out = np.empty_like(xs)
    bad = part_load_efficiency_array(xs, es, k0, out)
    if bad >= 0:  # pragma: no cover - inputs validated above
        raise ValueError(f"motor efficiency undefined at load_fraction={xs[bad]!r}")
    out = out.reshape(shape)
    return float(out) if out.ndim == 0 else out


def power_factor(load_fraction, rated_efficiency, rated_power_factor, no_load_current,
                 constant_loss_share=CONSTANT_LOSS_SHARE):
    """Power factor [-] at ``load_fraction`` from rated data. [vec]

    Parameters
    ----------
    load_fraction : [-] in [0, 1.5].   rated_efficiency : (0, 1).
    rated_power_factor : (0, 1] (name plate).
    no_load_current : no-load current / rated current [-] (0, sin(phi_r)]; from the data
        sheet or a no-load test (typically 0.25-0.5 for 4-pole motors).

    See :func:`units.motors.core.power_factor_kernel` for the model and its reference.
    """
    args = {"load_fraction": check_range("load_fraction", load_fraction, 0.0, 1.5),
            "rated_efficiency": check_range("rated_efficiency", rated_efficiency, 0.0, 1.0,
                                            low_inclusive=False, high_inclusive=False),
            "rated_power_factor": check_range("rated_power_factor", rated_power_factor, 0.0,
                                              1.0, low_inclusive=False),
            "no_load_current": check_range("no_load_current", no_load_current, 0.0, 1.0,
                                           low_inclusive=False)}
    pf_r = np.asarray(args["rated_power_factor"], float)
    i0 = np.asarray(args["no_load_current"], float)
    too_big = i0 > np.sqrt(1.0 - pf_r ** 2) + 1e-12
    if np.any(too_big):
        raise ValueError(f"no_load_current must be <= sin(phi_r) = sqrt(1 - rated_power_factor^2) "
                         f"(the no-load current is reactive); got {float(np.max(i0))!r} with "
                         f"rated_power_factor {float(np.min(pf_r))!r}")
    arrays = np.broadcast_arrays(*(np.asarray(v, float) for v in args.values()))
    shape = arrays[0].shape
    x, e, pf, i0 = (np.ascontiguousarray(a).ravel() for a in arrays)
    out = np.empty_like(x)
    bad = power_factor_array(x, e, pf, i0, float(check_fraction("constant_loss_share",
                                                                  constant_loss_share)), out)
    if bad >= 0:  # pragma: no cover - validated above
        raise ValueError(f"power factor undefined at element {bad}")
    out = out.reshape(shape)
    return float(out) if out.ndim == 0 else out


def rewound_efficiency(rated_efficiency, rated_power, rewinds=1, rewind_loss_points=None):
    """Full-load efficiency after ``rewinds`` rewinds [-].

    Each rewind lowers full-load efficiency by ``rewind_loss_points`` percentage points
    (default :data:`REWIND_LOSS_POINTS`: 1.0 below 30 kW, 0.5 from 30 kW; an assumption,
    see there).

    >>> round(rewound_efficiency(0.95, 45e3, 2), 4)
    0.94
    """
    eta = float(check_range("rated_efficiency", rated_efficiency, 0.0, 1.0, low_inclusive=False,
                            high_inclusive=False))
    p = float(check_positive("rated_power", rated_power, "W"))
    n = int(check_range("rewinds", rewinds, 0, 20))
    if rewind_loss_points is None:
        pts = REWIND_LOSS_POINTS[0] if p < REWIND_SIZE_LIMIT else REWIND_LOSS_POINTS[1]
    else:
        pts = float(check_range("rewind_loss_points", rewind_loss_points, 0.0, 10.0, "%-points"))
    out = eta - n * pts / 100.0
    if not out > 0.0:
        raise ValueError(f"rewinds={n} x {pts} points leaves no efficiency from {eta!r}")
    return out


def standard_ratings(frequency=60, efficiency_class="IE3", poles=4):
    """Tabulated rated powers [W] for a frequency, class and pole count (ascending)."""
    level = _check_class(efficiency_class, poles, frequency)
    base = {1: 2, 4: 3, 5: 3}.get(level, level) if frequency == 60 else min(level, 4)
    return _table()[(frequency, base, poles)][0].copy()


def select_rated_power(shaft_power, frequency=60, efficiency_class="IE3", poles=4,
                       max_load=1.0):
    """Smallest tabulated rating [W] with shaft_power / rating <= ``max_load``.

    ``max_load`` [-] in (0, 1.15]: 1.0 sizes to the load; an auditor right-sizing for a
    fluctuating load often uses 0.8-0.9 to keep headroom (an assumption of the user).
    """
    p = float(check_positive("shaft_power", shaft_power, "W"))
    m = float(check_range("max_load", max_load, 0.0, 1.15, low_inclusive=False))
    ratings = standard_ratings(frequency, efficiency_class, poles)
    ok = ratings[ratings * m >= p]
    if ok.size == 0:
        raise ValueError(f"shaft_power {p!r} W / max_load {m!r} exceeds the largest tabulated "
                         f"rating {ratings[-1]!r} W")
    return float(ok[0])


@dataclass(frozen=True)
class MotorOperation:
    """A motor at one or more shaft loads."""

    shaft_power: np.ndarray   # [W]
    load_fraction: np.ndarray  # [-]
    efficiency: np.ndarray    # [-]
    input_power: np.ndarray   # electric [W]
    losses: np.ndarray        # [W]
    energy_residual: float    # max |P_in - P_shaft - losses| [W]
    mass_residual: float = 0.0


@dataclass(frozen=True)
class Motor:
    """A line-fed induction motor of a given rating and class (optionally rewound).

    rated_power [W]; efficiency_class, poles, frequency as in :func:`efficiency`;
    rated_efficiency [-] overrides the class value (name-plate or test data);
    rewinds : number of past rewinds (see :func:`rewound_efficiency`).
    """

    rated_power: float
    efficiency_class: str = "IE3"
    poles: int = 4
    frequency: int = 60
    rated_efficiency: float | None = None
    rewinds: int = 0
    constant_loss_share: float = CONSTANT_LOSS_SHARE

    def __post_init__(self):
        check_positive("Motor rated_power", self.rated_power, "W")
        if self.rated_efficiency is None:
            eta = full_load_efficiency(self.rated_power, self.efficiency_class, self.poles,
                                       self.frequency)
        else:
            _check_class(self.efficiency_class, self.poles, self.frequency)
            eta = float(check_range("Motor rated_efficiency", self.rated_efficiency, 0.0, 1.0,
                                    low_inclusive=False, high_inclusive=False))
        eta = rewound_efficiency(eta, self.rated_power, self.rewinds) if self.rewinds else eta
        object.__setattr__(self, "_eta_r", float(eta))
        check_fraction("Motor constant_loss_share", self.constant_loss_share)

    @property
    def full_load_efficiency(self) -> float:
        """Full-load efficiency after rewinds [-]."""
        return self._eta_r

    def operate(self, shaft_power) -> MotorOperation:
        """Electric input for shaft power(s) [W] (0 to 1.5 x rated)."""
        p = check_nonnegative("Motor shaft_power", shaft_power, "W")
        x = np.atleast_1d(np.asarray(p, float)) / self.rated_power
        if np.any(x > 1.5):
            raise ValueError(f"Motor shaft_power must be <= 1.5 x rated_power = "
                             f"{1.5 * self.rated_power!r} W; got {float(np.max(x)) * self.rated_power!r} W")
        xs = np.ascontiguousarray(x, dtype=np.float64)
        eta = np.empty_like(xs)
        part_load_efficiency_array(xs, np.full_like(xs, self._eta_r), self.constant_loss_share, eta)
        shaft = xs * self.rated_power
        # zero load: input = constant losses
        p_in = np.where(xs > 0, shaft / np.where(eta > 0, eta, 1.0),
                        self.rated_power * _loss(self._eta_r) * self.constant_loss_share)
        losses = p_in - shaft
        return MotorOperation(shaft, xs, eta, p_in, losses,
                              float(np.max(np.abs(p_in - shaft - losses))))


def replacement_comparison(existing: Motor, replacement: Motor, shaft_power, hours, *,
                           investment=0.0, subsidy=0.0, region="TW", year=2024, **compare_kw):
    """Annual electricity, CO2e, money and payback of replacing ``existing`` by ``replacement``.

    shaft_power [W] and hours [h/yr] are equal-length load-profile bins (a duty cycle; their
    hours sum to at most 8760). Returns :class:`procsim.accounting.Comparison` with
    baseline/retrofit ``electricity_kwh``.
    """
    p = np.atleast_1d(check_nonnegative("shaft_power", shaft_power, "W"))
    h = np.atleast_1d(check_nonnegative("hours", hours, "h/yr"))
    p, h = np.broadcast_arrays(p, h)
    if h.sum() > 8760.0 + 1e-9:
        raise ValueError(f"hours must sum to <= 8760 h/yr; got {float(h.sum())!r} h/yr")
    e0 = float(np.sum(existing.operate(p).input_power * h)) / 1e3
    e1 = float(np.sum(replacement.operate(p).input_power * h)) / 1e3
    return compare({"electricity_kwh": e0}, {"electricity_kwh": e1}, region=region, year=year,
                   investment=investment, subsidy=subsidy, **compare_kw)

