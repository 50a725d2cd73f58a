"""Quantities at the boundary: SI floats, pint Quantities and unit strings, right and wrong dimension.

Expected SI values are written out by hand from the unit definitions (1 t/h = 1000/3600 kg/s,
0 degC = 273.15 K, 1 bar = 1e5 Pa, standard atmosphere 101325 Pa for gauge readings).
"""
import pint
import pytest
from pytest import approx

from procsim.stream import EnergyStream, Stream
from units.basic import Heater, Pump, Valve
from units.boiler import Boiler, mixed_feedwater, stack_loss_fraction
from units.eaf.recovery import WasteHeatBoiler
from units.heat_exchanger import Economizer, WasteHeatSteamGenerator

pytestmark = pytest.mark.unit

Q_ = pint.UnitRegistry().Quantity
NG = dict(name="b", fuel="natural_gas", rated_output=5.0e6)

# (label, call, expected SI value of the converted parameter)
RIGHT = [
    ("Stream mass_flow 10 t/h", lambda: Stream("Water", 300.0, 2e5, mass_flow=Q_(10, "t/h")).mass_flow, 10 / 3.6),
    ("Stream mass_flow '36 t/h'", lambda: Stream("Water", 300.0, 2e5, "36 t/h").mass_flow, 10.0),
    ("Stream T 80 degC", lambda: Stream("Water", Q_(80, "degC"), 2e5, 1.0).T, 353.15),
    ("Stream T '80 degC'", lambda: Stream("Water", "80 degC", 2e5, 1.0).T, 353.15),
    ("Stream p '3 bar(g)'", lambda: Stream("Water", 300.0, "3 bar(g)", 1.0).p, 401325.0),
    ("Stream p 4 bar (Quantity: absolute)", lambda: Stream("Water", 300.0, Q_(4, "bar"), 1.0).p, 4e5),
    ("EnergyStream rate 2 MW", lambda: EnergyStream("heat", Q_(2, "MW")).rate, 2e6),
    ("Boiler stack_temperature 220 degC", lambda: Boiler(**NG, stack_temperature=Q_(220, "degC")).stack_temperature,
     493.15),
    ("Boiler rated_output '5 MW'", lambda: Boiler("b", "natural_gas", "5 MW").rated_output, 5e6),
    ("Boiler steam_pressure '10 bar(g)'", lambda: Boiler(**NG, steam_pressure="10 bar(g)").steam_pressure,
     1101325.0),
    ("Boiler o2_dry '3 %'", lambda: Boiler(**NG, o2_dry="3 %").o2_dry, 0.03),
    ("Economizer gas_outlet_temperature 130 degC",
     lambda: Economizer("e", gas_outlet_temperature=Q_(130, "degC")).gas_outlet_temperature, 403.15),
    ("Economizer ua '12 kW/K'", lambda: Economizer("e", ua="12 kW/K").ua, 12000.0),
    ("WHSG pinch 10 delta_degC", lambda: WasteHeatSteamGenerator("w", 8e5, pinch=Q_(10, "delta_degC")).pinch, 10.0),
    ("Pump outlet_pressure 12 bar", lambda: Pump("p", Q_(12, "bar"), 0.7).outlet_pressure, 1.2e6),
    ("Heater outlet_temperature '90 degC'", lambda: Heater("h", "90 degC").outlet_temperature, 363.15),
    ("WasteHeatBoiler steam_pressure 13 bar", lambda: WasteHeatBoiler(Q_(13, "bar")).steam_pressure, 1.3e6),
    ("stack_loss_fraction temperatures in degC",
     lambda: float(stack_loss_fraction("natural_gas", 0.03, Q_(200, "degC"), "25 degC")),
     float(stack_loss_fraction("natural_gas", 0.03, 473.15, 298.15))),
    ("mixed_feedwater temperatures in degC",
     lambda: mixed_feedwater(0.5, Q_(90, "degC"), "15 degC"), mixed_feedwater(0.5, 363.15, 288.15)),
]

WRONG = [
    ("Stream mass_flow in bar", lambda: Stream("Water", 300.0, 2e5, Q_(3, "bar")), "mass_flow"),
    ("Stream T in kg", lambda: Stream("Water", "5 kg", 2e5, 1.0), "T"),
    ("Stream p in degC", lambda: Stream("Water", 300.0, Q_(20, "degC"), 1.0), "p"),
    ("Boiler stack_temperature in m", lambda: Boiler(**NG, stack_temperature=Q_(2, "m")), "stack_temperature"),
    ("Boiler rated_output in kg/s", lambda: Boiler("b", "natural_gas", "3 kg/s"), "rated_output"),
    ("Economizer ua in W", lambda: Economizer("e", ua=Q_(12, "kW")), "ua"),
    ("Valve outlet_pressure in K", lambda: Valve("v", "300 K"), "outlet_pressure"),
    ("Pump efficiency in m", lambda: Pump("p", 1.2e6, Q_(1, "m")), "efficiency"),
    ("stack_loss_fraction stack in Pa", lambda: stack_loss_fraction("natural_gas", 0.03, Q_(1, "Pa"), 298.15),
     "stack_temperature"),
    ("bare '8 bar' (no datum)", lambda: Stream("Water", 300.0, "8 bar", 1.0), "p"),
]


@pytest.mark.parametrize("label, call, expected", RIGHT, ids=[r[0] for r in RIGHT])
def test_right_dimension_is_converted(label, call, expected):
    assert call() == approx(expected, rel=1e-12)


@pytest.mark.parametrize("label, call, name", WRONG, ids=[w[0] for w in WRONG])
def test_wrong_dimension_names_the_parameter(label, call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()
