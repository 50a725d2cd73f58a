"""Input checks shared by every procsim wrapper.

One error format everywhere (STYLE.md rule 6)::

    <name> must be <condition> <unit>; got <value> <unit>

NaN never passes a check, because every test is written as ``not (x <op> bound)``.
Checks accept scalars or array-likes and return float64 arrays (``as_array``) or
floats (``as_float``) so wrappers can hand the result straight to a kernel.
"""
from __future__ import annotations

from typing import Iterable, Mapping

import numpy as np

__all__ = [
    "as_array",
    "as_float",
    "check_positive",
    "check_nonnegative",
    "check_range",
    "check_fraction",
    "check_choice",
    "broadcast_arrays",
]


def _fmt(value: float) -> str:
    return repr(float(value))


def _first_bad(arr: np.ndarray, bad: np.ndarray) -> float:
    return float(np.asarray(arr)[bad].ravel()[0])


def as_array(name: str, value, unit: str = "") -> np.ndarray:
    """Float64 array of ``value``; raises if it cannot be converted or holds NaN/inf."""
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a number{(' in ' + unit) if unit else ''}; "
                         f"got {value!r}") from exc
    bad = ~np.isfinite(arr)
    if bad.any():
        u = f" {unit}" if unit else ""
        raise ValueError(f"{name} must be finite{u}; got {_first_bad(arr, bad)}{u}")
    return arr


def as_float(name: str, value, unit: str = "") -> float:
    """A finite Python float; raises for arrays of size != 1, NaN and inf."""
    arr = as_array(name, value, unit)
    if arr.size != 1:
        raise ValueError(f"{name} must be a single number; got an array of shape {arr.shape}")
    return float(arr.reshape(()))


def _result(arr: np.ndarray):
    return float(arr) if arr.ndim == 0 else arr


def check_positive(name: str, value, unit: str = ""):
    """Require ``value > 0``. Returns a float for scalars, else a float64 array."""
    arr = as_array(name, value, unit)
    bad = ~(arr > 0.0)
    if bad.any():
        u = f" {unit}" if unit else ""
        raise ValueError(f"{name} must be > 0{u}; got {_first_bad(arr, bad)}{u}")
    return _result(arr)


def check_nonnegative(name: str, value, unit: str = ""):
    """Require ``value >= 0``."""
    arr = as_array(name, value, unit)
    bad = ~(arr >= 0.0)
    if bad.any():
        u = f" {unit}" if unit else ""
        raise ValueError(f"{name} must be >= 0{u}; got {_first_bad(arr, bad)}{u}")
    return _result(arr)


def check_range(name: str, value, low: float | None, high: float | None, unit: str = "",
                low_inclusive: bool = True, high_inclusive: bool = True):
    """Require ``low <= value <= high`` (bounds inclusive unless told otherwise; None = open)."""
    arr = as_array(name, value, unit)
    ok = np.ones(arr.shape, dtype=bool)
    if low is not None:
        ok &= (arr >= low) if low_inclusive else (arr > low)
    if high is not None:
        ok &= (arr <= high) if high_inclusive else (arr < high)
    if not ok.all():
        u = f" {unit}" if unit else ""
        lo_b = "[" if low_inclusive else "("
        hi_b = "]" if high_inclusive else ")"
        lo_s = "-inf" if low is None else f"{low:g}"
        hi_s = "inf" if high is None else f"{high:g}"
        raise ValueError(f"{name} must be in {lo_b}{lo_s}, {hi_s}{hi_b}{u}; "
                         f"got {_first_bad(arr, ~ok)}{u}")
    return _result(arr)


def check_fraction(name: str, value, allow_zero: bool = True, allow_one: bool = True):
    """Require a fraction in [0, 1] (ends optionally excluded)."""
    return check_range(name, value, 0.0, 1.0, "", low_inclusive=allow_zero,
                       high_inclusive=allow_one)


def check_choice(name: str, value: str, choices: Mapping | Iterable[str]):
    """Return ``choices[value]`` for a mapping (or ``value`` for an iterable); unknown -> error listing valid names."""
    names = list(choices.keys()) if isinstance(choices, Mapping) else list(choices)
    if value not in names:
        raise ValueError(f"{name} must be one of {', '.join(repr(n) for n in names)}; got {value!r}")
    return choices[value] if isinstance(choices, Mapping) else value


def broadcast_arrays(**named):
    """Broadcast named array-likes together; returns (shape, list of 1-D C-contiguous float64 arrays).

    Raises a ValueError naming the parameters whose shapes do not broadcast.
    """
    arrays = [np.asarray(v, dtype=np.float64) for v in named.values()]
    try:
        b = np.broadcast_arrays(*arrays)
    except ValueError as exc:
        shapes = ", ".join(f"{k}{np.shape(v)}" for k, v in zip(named, arrays))
        raise ValueError(f"shapes do not broadcast: {shapes}") from exc
    shape = b[0].shape
    return shape, [np.ascontiguousarray(a, dtype=np.float64).ravel() for a in b]

