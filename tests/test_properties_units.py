"""Valid random operating points for unit models: finite outlets and closed balances.

Each property builds a unit from random but physical parameters and inlets (hypothesis,
derandomized), solves it and checks, with :func:`procsim.flowsheet.unit_balance`, that mass
and energy close to 1e-9 relative and that every outlet is finite.
"""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procsim.flowsheet import unit_balance
from procsim.stream import Stream

pytestmark = [pytest.mark.component, pytest.mark.slow]

UNITS = settings(derandomize=True, max_examples=40, deadline=None, database=None)
TOL = 1e-9

water_T = st.floats(280.0, 420.0)          # K, liquid: 5 bar(a) saturation is 425 K
water_p = st.floats(5.0e5, 5.0e6)          # Pa
flows = st.floats(0.01, 100.0)             # kg/s


def _check(unit, inlets):
    sol = unit.solve(dict(inlets))
    for port, s in sol.outlets.items():
        for v in (getattr(s, "mass_flow", 0.0), getattr(s, "energy_flow", 0.0)):
            assert math.isfinite(v), (port, s)
    bal = unit_balance(inlets, sol)
    assert bal["mass_relative"] <= TOL, bal
    assert bal["energy_relative"] <= TOL, bal
    return sol


@UNITS
@given(water_T, water_p, flows, st.floats(1.05, 5.0), st.floats(0.3, 1.0))
def test_pump(T, p, m, ratio, eta):
    from units.basic import Pump

    _check(Pump("pump", outlet_pressure=p * ratio, efficiency=eta),
           {"fluid_in": Stream("Water", T, p, m)})


@UNITS
@given(water_T, water_p, flows, st.floats(0.2, 0.99))
def test_valve(T, p, m, ratio):
    from units.basic import Valve

    _check(Valve("valve", outlet_pressure=p * ratio), {"fluid_in": Stream("Water", T, p, m)})


@UNITS
@given(water_T, water_p, flows, st.floats(-30.0, 30.0), st.floats(0.0, 1e4))
def test_heater(T, p, m, dT, dp):
    from units.basic import Heater

    _check(Heater("heater", outlet_temperature=min(max(T + dT, 280.0), 420.0), pressure_drop=dp),
           {"fluid_in": Stream("Water", T, p, m)})


@UNITS
@given(water_T, water_T, water_p, water_p, flows, flows)
def test_mixer(T1, T2, p1, p2, m1, m2):
    from units.basic import Mixer

    _check(Mixer("mixer"), {"fluid_in1": Stream("Water", T1, p1, m1), "fluid_in2": Stream("Water", T2, p2, m2)})


@UNITS
@given(water_T, water_p, flows, st.lists(st.floats(0.01, 1.0), min_size=2, max_size=5))
def test_splitter(T, p, m, weights):
    from units.basic import Splitter

    total = sum(weights)
    fractions = tuple(w / total for w in weights[:-1]) + (1.0 - sum(w / total for w in weights[:-1]),)
    _check(Splitter("splitter", fractions), {"fluid_in": Stream("Water", T, p, m)})


@UNITS
@given(st.floats(420.0, 650.0), st.floats(2.0, 30.0), st.floats(0.2, 0.8))
def test_economizer_on_flue_gas(t_gas, m_gas, cooling):
    from units.heat_exchanger import Economizer
    from units.heat_exchanger.equipment import NATURAL_GAS_FLUE_GAS

    gas = Stream(NATURAL_GAS_FLUE_GAS, t_gas, 101325.0 + 1500.0, m_gas)
    water = Stream("Water", 378.15, 1.2e6, m_gas * 1.2)  # enough water not to steam
    t_out = t_gas - cooling * (t_gas - 393.15)
    _check(Economizer("economizer", gas_outlet_temperature=t_out, pressure_drop_hot=500.0,
                      pressure_drop_cold=2.0e4), {"gas_in": gas, "water_in": water})
