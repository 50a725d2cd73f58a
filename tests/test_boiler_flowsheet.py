"""A boiler that finds its own fuel, with an economizer on its own flue gas (a recycle).

The fuel saved is checked against a hand calculation by the boiler heat-loss method with
every property taken from CoolProp (IF97 water) and Cantera (flue-gas NASA-7 enthalpy)
called directly.
"""
import math

import cantera as ct
import CoolProp.CoolProp as CP
import pytest
from pytest import approx

from procsim.flowsheet import Flowsheet, UnitSolveError
from procsim.stream import Stream
from units.boiler import Boiler, stack_loss_fraction
from units.heat_exchanger import Economizer

pytestmark = pytest.mark.integration

P_FW = 1.3e6          # feedwater pressure [Pa], no water-side pressure drop in the economizer
T_FW = 378.15         # 105 C
M_FW = 1.9            # kg/s
T_ECO_GAS_OUT = 403.15


def _boiler():
    return Boiler(name="boiler", fuel="natural_gas", rated_output=5.0e6, kind="fire_tube",
                  steam_pressure=1101325.0, o2_dry=0.03, stack_temperature=473.15,
                  air_temperature=298.15, blowdown_fraction=0.05)


def _flowsheet():
    b = _boiler()
    fs = Flowsheet("boiler with economizer")
    fs.add(b)
    fs.add(Economizer("eco", gas_outlet_temperature=T_ECO_GAS_OUT))
    fs.feed("eco.water_in", Stream("Water", T_FW, P_FW, M_FW))
    fs.connect("eco.water_out", "boiler.feedwater")
    fs.connect("boiler.flue_gas", "eco.gas_in")
    first = b.solve({"feedwater": Stream("Water", T_FW, P_FW, M_FW)})
    fs.guess("eco.gas_in", first.outlets["flue_gas"])
    return fs, first


def test_boiler_draws_its_own_fuel_and_air():
    b = _boiler()
    fw = Stream("Water", T_FW, P_FW, M_FW)
    drawn = b.solve({"feedwater": fw})
    fed = b.solve({"feedwater": fw, **b.supply(fw)})
    assert drawn.drawn["fuel_in"].mass_flow == fed.result.fuel_mass_flow
    assert drawn.drawn["air_in"].mass_flow == approx(fed.result.air_mass_flow, rel=1e-12)
    assert drawn.result.energy_residual == approx(fed.result.energy_residual, abs=1e-6)
    with pytest.raises(ValueError, match="feed both fuel and air, or neither"):
        b.solve({"feedwater": fw, "fuel": b.supply(fw)["fuel"]})


def test_economizer_recycle_converges_and_closes():
    fs, _ = _flowsheet()
    sol = fs.solve(tol=1e-12)
    assert sol.tear_history[-1] <= 1e-12 and sol.iterations < 20
    for unit in ("boiler", "eco"):
        row = sol.balances.loc[unit]
        assert abs(row["mass_relative"]) <= 1e-9 and abs(row["energy_relative"]) <= 1e-9
    assert sol.overall["mass_relative"] <= 1e-9 and sol.overall["energy_relative"] <= 1e-9
    # the fuel and air cross the flowsheet boundary as drawn supplies
    assert "supply->boiler.fuel_in" in sol.streams.index and "supply->boiler.air_in" in sol.streams.index
    assert sol.stream("eco.gas_out").T == approx(T_ECO_GAS_OUT, rel=1e-12)


def test_fuel_saved_agrees_with_heat_loss_hand_calculation():
    fs, first = _flowsheet()
    sol = fs.solve(tol=1e-13)
    saved = first.result.fuel_mass_flow - sol.units["boiler"].fuel_mass_flow

    b = _boiler()
    fuel = b.fuel
    # water side (IAPWS-IF97, CoolProp directly): useful heat with 105 C feedwater
    w = "IF97::Water"
    h_s = CP.PropsSI("H", "P", 1101325.0, "Q", 1, w)
    h_l = CP.PropsSI("H", "P", 1101325.0, "Q", 0, w)
    h_fw = CP.PropsSI("H", "P", P_FW, "T", T_FW, w)
    m_bd = 0.05 * M_FW
    useful = (M_FW - m_bd) * h_s + m_bd * h_l - M_FW * h_fw
    # heat-loss method (ASME PTC 4 spirit): fuel HHV input = (useful + radiation) / (1 - stack loss)
    q_rad = 0.005 * 5.0e6                       # fire-tube radiation loss, fraction of rated output
    firing = 1.0 - float(stack_loss_fraction(fuel, 0.03, 473.15, 298.15, basis="hhv"))
    # economizer: the flue gas (per kg fuel) from 200 C to 130 C heats the feedwater, so the
    # fuel m solves m * HHV * firing = useful + q_rad - m * G * dh_gas
    fg = fuel.flue_gas(fuel.excess_air(0.03, "dry"))
    lib = {s.name: s for s in ct.Species.list_from_file("nasa_gas.yaml")}
    names = {"AR": "Ar"}
    gas = ct.Solution(thermo="ideal-gas", species=[lib[names.get(k, k)] for k in fg.mole_fractions])
    gas.TPX = 473.15, 101325.0, {names.get(k, k): v for k, v in fg.mole_fractions.items()}
    h_hot = gas.enthalpy_mass
    gas.TP = T_ECO_GAS_OUT, 101325.0
    dh_gas = h_hot - gas.enthalpy_mass
    m_base = (useful + q_rad) / (firing * fuel.hhv)
    m_eco = (useful + q_rad) / (firing * fuel.hhv + fg.mass_per_kg_fuel * dh_gas)
    assert first.result.fuel_mass_flow == approx(m_base, rel=1e-9)
    assert saved == approx(m_base - m_eco, rel=1e-6)


def test_unit_failure_names_flowsheet_and_unit():
    fs = Flowsheet("bad boiler")
    fs.add(_boiler())
    fs.feed("boiler.feedwater", Stream("Water", T_FW, 5.0e5, M_FW))  # below the steam pressure
    with pytest.raises(UnitSolveError, match=r"flowsheet 'bad boiler', unit 'boiler' \(Boiler\): feedwater "
                                             r"pressure") as info:
        fs.solve()
    assert isinstance(info.value.__cause__, ValueError) and info.value.unit == "boiler"
