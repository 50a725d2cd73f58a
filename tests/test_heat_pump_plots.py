"""Heat-pump diagrams: data equal the cycle's states; figures render."""
import numpy as np
import pytest

from procsim.stream import Stream
from units.heat_pump import HeatPump, vapour_compression_cycle
from units.heat_pump.plots import plot_ph, plot_tq, plot_ts

pytestmark = pytest.mark.component


def test_diagrams(tmp_path):
    c = vapour_compression_cycle("R290", 273.15, 323.15, superheat=5.0, ihx_effectiveness=0.4)
    d, fig = plot_ts(c)
    assert np.allclose(d["state_T"], [s.T for s in c.states])
    fig.savefig(tmp_path / "ts.png")
    d, fig = plot_ph(c)
    assert d["cycle_p"].max() == pytest.approx(c.condensing_pressure, rel=1e-12)
    fig.savefig(tmp_path / "ph.png")
    r = HeatPump("R1233zd(E)", 363.15).solve(Stream("Water", 333.15, 3e5, 10.0), Stream("Water", 343.15, 3e5, 5.0))
    d, fig = plot_tq(r)
    assert np.min(d["condenser_t_hot"] - d["condenser_t_cold"]) == pytest.approx(5.0, abs=1e-5)
    fig.savefig(tmp_path / "tq.png")
    assert (tmp_path / "tq.png").stat().st_size > 1000
