"""Flowsheet solver: order, recycles (Wegstein), balances and error reporting."""
import CoolProp.CoolProp as CP
import pytest

from procsim.flowsheet import BalanceError, ConvergenceError, Flowsheet, UnitSolution
from procsim.stream import Stream
from units.basic import Heater, Mixer, Pump, Splitter, Valve

pytestmark = pytest.mark.component


def _recycle_loop(fraction_back=0.6, method="wegstein"):
    fs = Flowsheet("loop")
    fs.add(Mixer("mix"))
    fs.add(Heater("heat", 360.0))
    fs.add(Splitter("split", (1.0 - fraction_back, fraction_back)))
    fs.add(Pump("pump", 4.0e5, 0.7))
    fs.connect("mix.outlet", "heat.inlet")
    fs.connect("heat.outlet", "split.inlet")
    fs.connect("split.outlet2", "pump.inlet")
    fs.connect("pump.outlet", "mix.inlet2")
    fs.feed("mix.inlet1", Stream("Water", 300.0, 3.0e5, 1.0))
    fs.guess("mix.inlet2", Stream("Water", 300.0, 3.0e5, 0.1))
    return fs


@pytest.mark.parametrize("method", ["wegstein", "substitution"])
def test_recycle_converges_and_balances_close(method):
    sol = _recycle_loop(method=method).solve(method=method)
    # steady state: recycle = f/(1-f) * feed = 1.5 kg/s (mass balance of the splitter loop)
    assert sol.stream("mix.inlet2").mass_flow == pytest.approx(1.5, rel=1e-9)
    assert sol.overall["energy_relative"] < 1e-6
    assert sol.overall["mass_relative"] < 1e-9  # bounded by the tear tolerance (1e-10)
    assert sol.tear_history[-1] <= 1e-10
    # independent energy check: heater duty + pump power = feed heated from 300 K to 360 K
    h_in = CP.PropsSI("H", "T", 300.0, "P", 3.0e5, "IF97::Water")
    h_out = CP.PropsSI("H", "T", 360.0, "P", 3.0e5, "IF97::Water")
    total = sum(sum(s.values()) for s in sol.sources.values())
    assert total == pytest.approx(1.0 * (h_out - h_in), rel=1e-8)


def test_wegstein_is_not_slower_than_substitution():
    weg = _recycle_loop(0.9).solve(method="wegstein")
    sub = _recycle_loop(0.9).solve(method="substitution", max_iter=1000)
    assert weg.iterations <= sub.iterations


def test_results_tables():
    sol = _recycle_loop().solve()
    assert set(sol.balances.index) == {"mix", "heat", "split", "pump"}
    assert "split.fluid_out1->product" in sol.streams.index
    # the port's former name still finds the stream
    assert sol.stream("split.outlet1") is sol.stream("split.fluid_out1")
    assert sol.units["pump"].shaft_power > 0


def test_missing_guess_for_recycle():
    fs = _recycle_loop()
    fs._guesses.clear()
    with pytest.raises(ValueError, match=r"recycle into 'mix.fluid_in2'.*needs an initial guess"):
        fs.solve()


def test_disconnected_port():
    fs = Flowsheet("open")
    fs.add(Valve("v", 1e5))
    with pytest.raises(ValueError, match=r"inlet port\(s\) v.fluid_in are not connected"):
        fs.solve()


def test_bad_connections():
    fs = Flowsheet("bad")
    fs.add(Valve("v", 1e5))
    fs.add(Pump("p", 5e5, 0.7))
    with pytest.raises(ValueError, match="unit 'v' has no outlet port 'out'"):
        fs.connect("v.out", "p.inlet")
    with pytest.raises(ValueError, match="unknown unit 'x'"):
        fs.connect("x.outlet", "p.inlet")
    fs.connect("v.outlet", "p.inlet")
    with pytest.raises(ValueError, match="already connected"):
        fs.feed("p.inlet", Stream("Water", 300.0, 2e5, 1.0))
    with pytest.raises(ValueError, match="already has a unit named 'v'"):
        fs.add(Valve("v", 1e5))


class _Amplifier:
    """A deliberately unstable recycle element (gain > 1) to test non-convergence."""

    name = "amp"
    inlets = ("inlet",)
    outlets = ("outlet",)

    def solve(self, inlets):
        s = inlets["inlet"]
        return UnitSolution({"outlet": s.with_(mass_flow=2.0 * s.mass_flow + 1.0)}, None,
                            {"make": (s.mass_flow + 1.0) * s.h})


def test_non_converging_recycle_reports_history():
    fs = Flowsheet("unstable")
    fs.add(_Amplifier())
    fs.connect("amp.outlet", "amp.inlet")
    fs.guess("amp.inlet", Stream("Water", 300.0, 2e5, 1.0))
    with pytest.raises(ConvergenceError, match="did not converge") as info:
        fs.solve(method="substitution", max_iter=20)
    assert len(info.value.history) == 20


class _Leaky:
    name = "leaky"
    inlets = ("inlet",)
    outlets = ("outlet",)

    def solve(self, inlets):
        s = inlets["inlet"]
        return UnitSolution({"outlet": s.with_(mass_flow=0.9 * s.mass_flow)})


def test_unbalanced_unit_is_an_error():
    fs = Flowsheet("leak")
    fs.add(_Leaky())
    fs.feed("leaky.inlet", Stream("Water", 300.0, 2e5, 1.0))
    with pytest.raises(BalanceError, match="leaky"):
        fs.solve()
