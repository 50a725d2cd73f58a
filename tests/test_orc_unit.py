"""ORC flowsheet adapter and T-s / T-Q diagrams."""
import dataclasses

import numpy as np
import pytest
from CoolProp.CoolProp import PropsSI

from procsim.flowsheet import Flowsheet, unit_balance
from procsim.stream import Stream
from units.orc import ORC
from units.orc.plots import plot_tq, plot_ts, ts_diagram_data
from units.orc.unit import ORCUnit

pytestmark = pytest.mark.component


def test_example_balances_close_and_ports_match():
    unit, inlets = ORCUnit.example()
    sol = unit.solve(inlets)
    assert set(sol.outlets) == set(ORCUnit.outlets)
    bal = unit_balance(inlets, sol)
    assert bal["mass_relative"] < 1e-12
    assert abs(bal["energy_residual"]) / bal["energy_in"] < 1e-9
    assert dataclasses.is_dataclass(sol.result) and sol.result.net_electric_power > 0
    again = unit.solve(inlets)
    assert again.result.net_power == sol.result.net_power


def test_in_a_flowsheet():
    unit, inlets = ORCUnit.example()
    fs = Flowsheet("whr")
    fs.add(unit)
    fs.feed("orc.source_in", inlets["source_in"])
    fs.feed("orc.cooling_in", inlets["cooling_in"])
    sol = fs.solve()
    res = sol.units["orc"]
    assert sol.stream("orc.power").energy_flow == pytest.approx(res.net_electric_power, rel=1e-12)
    assert sol.stream("orc.source_out").T == pytest.approx(res.heat_source_outlet_temperature, rel=1e-9)


def test_negative_inlet_flow_is_refused():
    unit, inlets = ORCUnit.example()
    with pytest.raises(ValueError, match="mass_flow must be >= 0"):
        unit.solve({**inlets, "cooling_in": Stream("Water", 298.15, 3e5, -1.0)})


def test_ts_diagram_dome_and_cycle():
    res = ORC("R245fa", 373.15, 308.15, superheat=5.0).solve(Stream("Water", 423.15, 5e5, 10.0))
    data, fig = plot_ts(res)
    # dome from CoolProp directly at one temperature (independent call)
    k = len(data["dome_T"]) // 2
    T = data["dome_T"][k]
    assert data["dome_s_liquid"][k] == pytest.approx(PropsSI("S", "T", T, "Q", 0, "R245fa"), rel=1e-9)
    assert data["dome_s_vapour"][k] == pytest.approx(PropsSI("S", "T", T, "Q", 1, "R245fa"), rel=1e-9)
    assert data["cycle_T"].max() == pytest.approx(378.15, rel=1e-9)
    assert data["cycle_T"].min() == pytest.approx(308.15, rel=1e-9)
    assert len(fig.axes) == 1 and len(fig.axes[0].lines) >= 3
    assert ts_diagram_data(res)["state_names"][0] == "pump_inlet"


def test_tq_diagram_source_above_fluid_everywhere():
    src = Stream({"N2": 0.72, "CO2": 0.09, "H2O": 0.12, "O2": 0.07}, 573.15, 101325.0, 20.0)
    res = ORC("Cyclopentane", 473.15, 313.15, superheat=10.0).solve(src)
    data, fig = plot_tq(res)
    assert data["duty"][0] == 0.0
    assert data["duty"][-1] == pytest.approx(res.heat_input, rel=1e-12)
    assert np.all(data["source_T"] - data["working_fluid_T"] >= 10.0 - 1e-6)
    assert data["source_T"][0] == pytest.approx(res.heat_source_outlet_temperature, rel=1e-12)
