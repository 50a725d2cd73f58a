"""Results that hold rows give a pandas DataFrame with units in the column names; reprs stay short."""
import numpy as np
import pytest

from procsim import Stream

pytestmark = pytest.mark.component


def test_monte_carlo_frame_and_repr():
    from procsim.batch import Triangular, monte_carlo

    mc = monte_carlo(lambda a, b: {"y": a * b}, {"a": Triangular(1, 2, 3), "b": Triangular(0, 1, 2)}, 1000, seed=2)
    df = mc.to_frame()
    assert list(df.columns) == ["a", "b", "y"] and len(df) == 1000
    assert np.allclose(df["y"], df["a"] * df["b"], rtol=1e-15)   # each row is one scenario
    assert repr(mc) == "MonteCarloResult(1,000 scenarios, seed 2, inputs ['a', 'b'], outputs ['y'])"


def test_options_frame_matches_table():
    from procsim.accounting import Option, compare_options

    res = compare_options({"electricity_kwh": 1.0e6}, [Option("leaks", {"electricity_kwh": 9.0e5}, investment=2.0e5)],
                          year=2024, prices={"electricity_kwh": 4.0})
    df = res.to_frame()
    assert df.to_dict(orient="records")[0]["option"] == res.table()[0]["option"] == "leaks"
    assert df.loc[0, "cost_saved"] == pytest.approx(1.0e5 * 4.0)                 # NT$/yr by hand
    assert df.loc[0, "payback_years"] == pytest.approx(2.0e5 / (1.0e5 * 4.0))   # 0.5 yr by hand


def test_orc_rankings_frame_and_short_optimum_repr():
    from units.orc import ORC, optimise_design, rank_fluids

    src = Stream("Water", 423.15, 5e5, 10.0)
    ranks = rank_fluids(src, 308.15, fluids=("R245fa", "R1233zd(E)"))
    assert isinstance(ranks, tuple) and ranks[0].feasible
    df = ranks.to_frame()
    assert list(df["fluid"]) == [r.fluid for r in ranks]
    assert "net_power [W]" in df.columns and df["net_power [W]"].iloc[0] == ranks[0].net_power
    best = optimise_design(ORC("R245fa", 370.0, 308.15), src)
    text = repr(best)
    assert len(text) < 250 and text.startswith("DesignOptimum(R245fa")
    assert best.to_frame().loc[0, "net_power [W]"] == best.exact.net_power
