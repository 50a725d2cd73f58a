"""Generic figures: data checked against hand computations and CoolProp."""
import CoolProp.CoolProp as CP
import numpy as np
import pytest

from procsim.flowsheet import Flowsheet
from procsim.plots import boundary_energy_flows, energy_sankey, load_duration, ts_dome
from procsim.stream import Stream
from procsim.thermo.fluids import Fluid
from units.basic import Heater, Pump

pytestmark = pytest.mark.component


def test_boundary_flows_close_for_a_heated_pump_line():
    fs = Flowsheet("line")
    fs.add(Pump("p", 5e5, 0.7))
    fs.add(Heater("h", 350.0))
    fs.connect("p.outlet", "h.inlet")
    fs.feed("p.inlet", Stream("Water", 300.0, 1e5, 2.0))
    flows = boundary_energy_flows(fs.solve())
    assert sum(flows.values()) == pytest.approx(0.0, abs=1e-6 * sum(abs(v) for v in flows.values()))
    # product energy above the dead state = 2 kg/s * (h(350 K, 5 bar) - h(298.15 K, 1 atm))
    h = CP.PropsSI("H", "T", 350.0, "P", 5e5, "IF97::Water") - CP.PropsSI("H", "T", 298.15, "P", 101325, "IF97::Water")
    assert flows["out: h.outlet"] == pytest.approx(-2.0 * h, rel=1e-9)
    _, fig = energy_sankey(fs.solve())
    assert fig is not None


def test_load_duration():
    data, fig = load_duration([1.0, 3.0, 2.0, 5.0], step_seconds=3600.0)
    assert list(data.load) == [5.0, 3.0, 2.0, 1.0]
    assert list(data.hours) == [1.0, 2.0, 3.0, 4.0]
    with pytest.raises(ValueError, match="step_seconds must be > 0 s"):
        load_duration([1.0], 0.0)


def test_ts_dome_matches_coolprop():
    (s_l, s_v, T), _ = ts_dome(Fluid("R245fa"), n=10)
    i = 4
    assert s_v[i] == pytest.approx(CP.PropsSI("S", "T", T[i], "Q", 1, "HEOS::R245fa"), rel=1e-9)
    assert np.all(s_v > s_l)
