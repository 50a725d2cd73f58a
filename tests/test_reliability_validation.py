"""The boundary discipline: procsim.validation and procsim.quantities refuse impossible input.

Every message names the parameter and the value; expected wording follows the one format
``<name> must be <condition> <unit>; got <value> <unit>`` (docs/architecture.rst, convention 6).
"""
import math

import numpy as np
import pytest

from procsim.quantities import from_si, to_si
from procsim.validation import (as_array, as_float, check_bool, check_choice, check_efficiency,
                                check_int, check_pressure, check_range, check_temperature,
                                prefixed, short_repr)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("value, needle", [
    (True, "mass_flow must be a finite number in kg/s; got True"),
    (np.bool_(False), "got np.False_"),
    (None, "got None"),
    ("5", "convert unit strings"),
    (10 ** 400, "too large for a float"),
    (1 + 2j, "got (1+2j)"),
    ([1.0, True], "inside a sequence"),
    ([[1, 2], [3]], "mass_flow must be a finite number"),
    (math.nan, "mass_flow must be finite kg/s; got nan kg/s"),
    (-math.inf, "got -inf"),
])
def test_as_float_refuses(value, needle):
    with pytest.raises(ValueError) as err:
        as_float("mass_flow", value, "kg/s")
    assert needle in str(err.value)


def test_as_array_accepts_numbers():
    assert as_float("x", 3) == 3.0 and as_float("x", np.float32(2.5)) == 2.5
    assert as_array("x", [1, 2.5]).tolist() == [1.0, 2.5]
    assert as_array("x", np.arange(3)).dtype == np.float64


@pytest.mark.parametrize("value", [2.5, True, math.nan, math.inf, "2", None, 0, 9])
def test_check_int_refuses(value):
    with pytest.raises(ValueError, match="stages must be an integer"):
        check_int("stages", value, 1, 4)


def test_check_int_accepts_integral_values():
    assert check_int("stages", 2) == 2 and check_int("stages", 3.0, 1, 4) == 3
    assert check_int("stages", np.int64(4), 1, 4) == 4


def test_ranges_and_model_limits():
    with pytest.raises(ValueError, match=r"T must be in \[200, 6000\] K \(NASA-7\); got 1.0 K"):
        check_temperature("T", 1.0, 200.0, 6000.0, "NASA-7")
    with pytest.raises(ValueError, match=r"T must be > 0 K; got -5.0 K"):
        check_temperature("T", -5.0)
    with pytest.raises(ValueError, match=r"p must be > 0 Pa \(absolute\); got -1.0 Pa"):
        check_pressure("p", -1.0)
    with pytest.raises(ValueError, match=r"efficiency must be in \(0, 1\]; got 1.5"):
        check_efficiency("efficiency", 1.5)
    with pytest.raises(ValueError, match=r"efficiency must be in \(0, 1\]; got 0.0"):
        check_efficiency("efficiency", 0.0)
    with pytest.raises(ValueError, match="x must be"):
        check_range("x", 10 ** 400, 0.0, 1.0)
    with pytest.raises(ValueError, match="condensing must be True or False; got 1"):
        check_bool("condensing", 1)
    with pytest.raises(ValueError, match=r"mode must be one of 'a', 'b'; got \['a'\]"):
        check_choice("mode", ["a"], ("a", "b"))


def test_messages_are_bounded():
    with pytest.raises(ValueError) as err:
        as_float("x", "y" * 10_000_000)
    assert len(str(err.value)) < 500
    assert len(short_repr([[[[[1]]]]] * 10 ** 6)) < 500


def test_prefixed_names_the_unit_and_chains():
    with pytest.raises(ValueError, match="^pump P-1: efficiency must be") as err:
        with prefixed("pump P-1"):
            check_efficiency("efficiency", 2.0)
    assert isinstance(err.value.__cause__, ValueError)


@pytest.mark.parametrize("args, kwargs, needle", [
    (("-2 bar(g)", "pressure"), {}, "pressure must be > 0 Pa"),
    (("-5 K", "temperature"), {}, "temperature must be > 0 K"),
    (("-300 degC", "temperature"), {}, "temperature must be > 0 K"),
    ((-5.0, "temperature"), {}, "temperature must be > 0 K"),
    ((0.0, "pressure"), {}, "pressure must be > 0 Pa"),
    (("8 bar(g)", "pressure"), {"ambient": math.nan}, "ambient must be finite"),
    (("8 bar(g)", "pressure"), {"ambient": -1.0}, "ambient must be > 0 Pa"),
    ((10 ** 400, "power"), {}, "too large"),
    (("9**999999999 kW", "power"), {}, "exponents"),
    (("1" * 1000 + " kW", "power"), {}, "at most 200 characters"),
    ((True, "power"), {}, "got True"),
])
def test_to_si_refuses(args, kwargs, needle):
    with pytest.raises(ValueError) as err:
        to_si(*args, **kwargs)
    assert needle in str(err.value)


def test_to_si_accepts_pint_quantities():
    from procsim.quantities import unit_registry

    q = unit_registry().Quantity
    assert to_si(q(150.0, "degC"), "temperature") == pytest.approx(423.15, rel=1e-12)
    assert to_si(q(5.0, "bar"), "pressure") == pytest.approx(5.0e5, rel=1e-12)  # taken as absolute


@pytest.mark.parametrize("args, kwargs, needle", [
    ((1e5, "barz"), {}, "unknown unit 'barz'"),
    ((math.nan, "kW"), {}, "value must be finite"),
    ((True, "kW"), {}, "value must be a finite number; got True"),
    ((2e5, "bar(g)"), {"ambient": math.nan}, "ambient"),
    ((1.0, ""), {}, "unit must be a unit name"),
])
def test_from_si_refuses(args, kwargs, needle):
    with pytest.raises(ValueError) as err:
        from_si(*args, **kwargs)
    assert needle in str(err.value)
