"""Sweeps, Monte Carlo and optimisation: closed-form models, and local == Dask for the same seed."""

import numpy as np
import pytest

from procsim.batch import (Fixed, LogNormal, Normal, Triangular, Uniform, grid, monte_carlo,
                           optimise, sweep)

pytestmark = pytest.mark.component


def _npv_model(saving, capex, rate=0.06, years=10):
    # NPV of a level annual saving: closed form annuity factor (1 - (1+r)^-n)/r
    annuity = (1.0 - (1.0 + rate) ** -years) / rate
    return {"npv": saving * annuity - capex, "payback": capex / saving}


def test_grid_and_sweep():
    g = grid(a=[1, 2], b=[3, 4, 5])
    assert len(g["a"]) == 6 and set(zip(g["a"], g["b"])) == {(x, y) for x in (1, 2) for y in (3, 4, 5)}
    df = sweep(_npv_model, {"saving": [1e5, 2e5], "capex": [3e5, 5e5]}, fixed={"rate": 0.08},
               chunk_size=3)
    expect = 2e5 * (1 - 1.08 ** -10) / 0.08 - 3e5
    row = df[(df.saving == 2e5) & (df.capex == 3e5)]
    assert float(row.npv.iloc[0]) == pytest.approx(expect, rel=1e-12)


def test_monte_carlo_statistics_and_reproducibility():
    dists = {"saving": Normal(1e5, 1e4), "capex": Uniform(2e5, 4e5)}
    a = monte_carlo(_npv_model, dists, 200_000, seed=7, chunk_size=50_000)
    b = monte_carlo(_npv_model, dists, 200_000, seed=7, chunk_size=50_000)
    assert np.array_equal(a.outputs["npv"], b.outputs["npv"])
    # mean NPV = E[saving]*annuity - E[capex]; standard error ~ 1e4*7.36/sqrt(2e5) + ... ~ 300
    annuity = (1 - 1.06 ** -10) / 0.06
    assert a.outputs["npv"].mean() == pytest.approx(1e5 * annuity - 3e5, abs=2000)
    assert a.percentiles().loc["npv", "P50"] == pytest.approx(1e5 * annuity - 3e5, abs=3000)


def test_distributions():
    rng = np.random.default_rng(1)
    assert Triangular(1, 2, 4).sample(rng, 100_000).mean() == pytest.approx(7 / 3, abs=0.01)
    assert np.median(LogNormal(5.0, 1.5).sample(rng, 100_000)) == pytest.approx(5.0, rel=0.01)
    t = Normal(0, 1, low=-1, high=1).sample(rng, 10_000)
    assert t.min() >= -1 and t.max() <= 1
    assert np.all(Fixed(3.0).sample(rng, 5) == 3.0)
    with pytest.raises(ValueError, match="sd must be >= 0"):
        Normal(0, -1)
    with pytest.raises(ValueError, match="low must be <= high"):
        Uniform(2, 1)


def test_dask_gives_the_same_numbers():
    distributed = pytest.importorskip("dask.distributed")
    dists = {"saving": Triangular(5e4, 1e5, 2e5), "capex": Normal(3e5, 3e4, low=0)}
    local = monte_carlo(_npv_model, dists, 30_000, seed=42, chunk_size=10_000)
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=None) as client:
        remote = monte_carlo(_npv_model, dists, 30_000, seed=42, chunk_size=10_000,
                             engine="dask", client=client)
        swept = sweep(_npv_model, {"saving": [1e5, 2e5], "capex": [3e5]}, engine="dask", client=client)
    assert np.array_equal(local.outputs["npv"], remote.outputs["npv"])
    assert np.array_equal(local.inputs["capex"], remote.inputs["capex"])
    assert len(swept) == 2


def test_optimise_finds_analytic_maximum():
    # f = -(x-2)^2 - (y+1)^2 + 5 has its maximum 5 at (2, -1)
    model = lambda x, y: {"f": -(x - 2.0) ** 2 - (y + 1.0) ** 2 + 5.0}
    best, value, _ = optimise(model, {"x": (-5, 5), "y": (-5, 5)}, "f", seed=3)
    assert best["x"] == pytest.approx(2.0, abs=1e-3) and best["y"] == pytest.approx(-1.0, abs=1e-3)
    assert value == pytest.approx(5.0, abs=1e-6)


def test_errors():
    with pytest.raises(ValueError, match="engine must be one of"):
        monte_carlo(_npv_model, {"saving": Fixed(1.0), "capex": Fixed(1.0)}, 10, seed=1, engine="spark")
    with pytest.raises(ValueError, match="seed must be an integer"):
        monte_carlo(_npv_model, {"saving": Fixed(1.0), "capex": Fixed(1.0)}, 10, seed=None)
    with pytest.raises(ValueError, match="needs client"):
        monte_carlo(_npv_model, {"saving": Fixed(1.0), "capex": Fixed(1.0)}, 10, seed=1, engine="dask")


def test_parquet_partitions_on_a_local_cluster_equal_the_local_run(tmp_path):
    # two worker processes write the partitions themselves; reading them back must give the
    # local (in-memory) numbers exactly, for the same seed
    distributed = pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    dists = {"saving": Triangular(5e4, 1e5, 2e5), "capex": Normal(3e5, 3e4, low=0)}
    local = monte_carlo(_npv_model, dists, 25_000, seed=11, chunk_size=4_000)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        stored = monte_carlo(_npv_model, dists, 25_000, seed=11, chunk_size=4_000, engine="dask",
                             client=client, output=tmp_path / "mc")
        swept = sweep(_npv_model, {"saving": [1e5, 2e5, 3e5], "capex": [3e5, 4e5]}, engine="dask",
                      client=client, chunk_size=2, output=tmp_path / "sweep")
    assert stored.rows == 25_000 and len(stored.partitions) == 7
    frame = stored.read()
    assert np.array_equal(frame["npv"].to_numpy(), local.outputs["npv"])
    assert np.array_equal(frame["capex"].to_numpy(), local.inputs["capex"])
    table = swept.read()
    expect = sweep(_npv_model, {"saving": [1e5, 2e5, 3e5], "capex": [3e5, 4e5]})
    assert np.array_equal(table["npv"].to_numpy(), expect["npv"].to_numpy())
    with pytest.raises(ValueError, match="already holds 7 Parquet partitions"):
        monte_carlo(_npv_model, dists, 10, seed=1, output=tmp_path / "mc")


def test_monte_carlo_allocates_its_result_once():
    # peak traced memory of a run stays near its result size (no concatenation of chunks)
    import tracemalloc

    dists = {"saving": Normal(1e5, 1e4), "capex": Uniform(2e5, 4e5)}
    n = 400_000
    tracemalloc.start()
    res = monte_carlo(_npv_model, dists, n, seed=3, chunk_size=20_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result_bytes = sum(v.nbytes for v in (*res.inputs.values(), *res.outputs.values()))
    assert result_bytes == 4 * 8 * n
    assert peak <= 1.2 * result_bytes


def _count_words(path):
    text = open(path).read()
    if "bad" in text:
        raise ValueError(f"{path}: bad file")
    return {"words": len(text.split())}


def test_map_files_keeps_order_and_reports_bad_files(tmp_path):
    paths = []
    for i in range(7):
        p = tmp_path / f"f{i}.txt"
        p.write_text("bad" if i == 3 else " ".join(["w"] * i))
        paths.append(p)
    from procsim.batch import map_files

    frame = map_files(_count_words, paths, chunk_size=3)
    assert list(frame["path"]) == [str(p) for p in paths]
    assert frame.loc[3, "error"].endswith("bad file") and frame["words"].fillna(-1).tolist() == [
        0, 1, 2, -1, 4, 5, 6]
