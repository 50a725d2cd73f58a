"""Input checks shared by every procsim wrapper.

One error format everywhere (docs/architecture.rst, convention 6)::

    <name> must be <condition> <unit>; got <value> <unit>

NaN never passes a check, because every test is written as ``not (x <op> bound)``.
Checks accept scalars or array-likes and return float64 arrays (``as_array``) or
floats (``as_float``) so wrappers can hand the result straight to a kernel.
"""
from __future__ import annotations

import contextlib
import math
import numbers
import reprlib
from typing import Iterable, Mapping

import numpy as np

__all__ = [
    "as_array",
    "as_float",
    "check_positive",
    "check_nonnegative",
    "check_range",
    "check_fraction",
    "check_efficiency",
    "check_temperature",
    "check_pressure",
    "check_int",
    "check_bool",
    "check_choice",
    "broadcast_arrays",
    "short_repr",
    "prefixed",
    "MAX_REPR",
]

#: longest rendering of a user value inside an error message [characters]; hostile inputs
#: (a 10 MB string, a list nested by aliases to 9**9 leaves) must not make messages unbounded
MAX_REPR = 120

_REPR = reprlib.Repr()
_REPR.maxstring = MAX_REPR
_REPR.maxother = MAX_REPR
_REPR.maxlong = 40
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 6
_REPR.maxlevel = 3


def short_repr(value) -> str:
    """``repr(value)`` bounded in length and depth (reprlib), for error messages.

    Examples
    --------
    >>> short_repr(10 ** 400)
    '100000000000000000...0000000000000000000'
    >>> short_repr([[[[1]]]] * 1000)
    '[[[[...]]], [[[...]]], [[[...]]], [[[...]]], [[[...]]], [[[...]]], ...]'
    """
    try:
        text = _REPR.repr(value)
    except Exception:  # a hostile __repr__ must not hide the real error
        text = f"<{type(value).__name__}>"
    if len(text) > 3 * MAX_REPR:
        text = text[:3 * MAX_REPR] + "..."
    return text


def _u(unit: str) -> str:
    return f" {unit}" if unit else ""


def _first_bad(arr: np.ndarray, bad: np.ndarray) -> float:
    return float(np.asarray(arr)[bad].ravel()[0])


def _not_a_number(name: str, value, unit: str, extra: str = ""):
    where = f" in {unit}" if unit else ""
    return ValueError(f"{name} must be a finite number{where}; got {short_repr(value)}{extra}")


def as_array(name: str, value, unit: str = "") -> np.ndarray:
    """Float64 array of ``value``; raises if it cannot be converted or holds NaN/inf.

    Refused, each with a message naming ``name`` and the value: booleans (``True`` is not
    1 kg/s), ``None``, text and bytes (unit strings go through
    :func:`procsim.quantities.to_si`), complex numbers, integers too large for a float,
    ragged sequences, NaN and infinity.
    """
    if type(value) is float:  # the common case, checked without numpy's conversion machinery
        if not math.isfinite(value):
            raise ValueError(f"{name} must be finite{_u(unit)}; got {value}{_u(unit)}")
        return np.array(value)
    if value is None or isinstance(value, (bool, np.bool_, str, bytes)):
        hint = " (convert unit strings with procsim.quantities.to_si)" if isinstance(value, str) else ""
        raise _not_a_number(name, value, unit, hint)
    try:
        arr = np.asarray(value, dtype=np.float64)
    except OverflowError:
        raise _not_a_number(name, value, unit, " (too large for a float)") from None
    except (TypeError, ValueError):
        raise _not_a_number(name, value, unit) from None
    if arr.dtype != np.float64:  # defensive: numpy never returns another dtype here
        raise _not_a_number(name, value, unit)
    if arr.size and not isinstance(value, (numbers.Real, np.ndarray)):
        # sequences: refuse booleans and text hidden inside them as well
        raw = np.asarray(value, dtype=object).ravel() if arr.ndim else ()
        for v in raw:
            if v is None or isinstance(v, (bool, np.bool_, str, bytes)):
                raise _not_a_number(name, v, unit, " (inside a sequence)")
    elif isinstance(value, np.ndarray) and value.dtype.kind in "bUSOc":
        raise ValueError(f"{name} must be a numeric array{_u(unit)}; got dtype {value.dtype}")
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be finite{_u(unit)}; got {_first_bad(arr, bad)}{_u(unit)}")
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


def check_efficiency(name: str, value):
    """Require an efficiency in (0, 1]: zero would divide, above one creates energy."""
    return check_range(name, value, 0.0, 1.0, "", low_inclusive=False)


def check_temperature(name: str, value, low: float | None = None, high: float | None = None,
                      model: str = ""):
    """Require an absolute temperature > 0 K and, where given, inside a model's range [K].

    ``model`` names the range's origin in the message, e.g. ``"NASA-7 polynomials"``:
    ``T must be in [200, 6000] K (NASA-7 polynomials); got 1.0 K``.
    """
    t = check_positive(name, value, "K")
    if low is None and high is None:
        return t
    try:
        return check_range(name, t, low, high, "K")
    except ValueError as exc:
        if not model:
            raise
        msg = str(exc)
        head, _, tail = msg.partition(" K; got")
        raise ValueError(f"{head} K ({model}); got{tail}") from None


def check_pressure(name: str, value, low: float | None = None, high: float | None = None,
                   model: str = ""):
    """Require an absolute pressure > 0 Pa and, where given, inside a model's range [Pa]."""
    p = as_array(name, value, "Pa")
    if not (p > 0.0).all():
        raise ValueError(f"{name} must be > 0 Pa (absolute); got {_first_bad(p, ~(p > 0.0))} Pa")
    if low is None and high is None:
        return _result(p)
    try:
        return check_range(name, p, low, high, "Pa")
    except ValueError as exc:
        if not model:
            raise
        head, _, tail = str(exc).partition(" Pa; got")
        raise ValueError(f"{head} Pa ({model}); got{tail}") from None


def check_int(name: str, value, low: int | None = None, high: int | None = None) -> int:
    """Require an integral count (``2`` or ``2.0``; not ``2.5``, ``True`` or NaN) in [low, high]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.integer)):
        raise ValueError(f"{name} must be an integer; got {short_repr(value)}")
    if isinstance(value, (int, np.integer)):
        iv = int(value)
    else:
        f = float(value)
        if not (math.isfinite(f) and f == math.floor(f)):
            raise ValueError(f"{name} must be an integer; got {short_repr(value)}")
        iv = int(f)
    if (low is not None and iv < low) or (high is not None and iv > high):
        lo = "-inf" if low is None else str(low)
        hi = "inf" if high is None else str(high)
        raise ValueError(f"{name} must be an integer in [{lo}, {hi}]; got {short_repr(value)}")
    return iv


def check_bool(name: str, value) -> bool:
    """Require ``True`` or ``False`` (not 0/1, not "yes")."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False; got {short_repr(value)}")
    return bool(value)


def check_choice(name: str, value: str, choices: Mapping | Iterable[str]):
    """Return ``choices[value]`` for a mapping (or ``value`` for an iterable); unknown -> error listing valid names."""
    names = list(choices.keys()) if isinstance(choices, Mapping) else list(choices)
    try:
        known = value in names
    except TypeError:  # unhashable or incomparable values are simply not a valid name
        known = False
    if not known or isinstance(value, bool):
        raise ValueError(f"{name} must be one of {', '.join(repr(n) for n in names)}; "
                         f"got {short_repr(value)}")
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


@contextlib.contextmanager
def prefixed(owner: str):
    """Prefix every ValueError raised inside the block with ``owner`` (a unit's name).

    The original exception is chained, so ``--debug`` tracebacks still show where it arose.

    Examples
    --------
    >>> try:
    ...     with prefixed("economizer E-101"):
    ...         check_positive("ua", -1.0, "W/K")
    ... except ValueError as exc:
    ...     print(exc)
    economizer E-101: ua must be > 0 W/K; got -1.0 W/K
    """
    try:
        yield
    except ValueError as exc:
        msg = str(exc)
        if msg.startswith(f"{owner}: "):
            raise
        raise ValueError(f"{owner}: {msg}") from exc

