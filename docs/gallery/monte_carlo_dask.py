"""Monte Carlo of a retrofit's payback on a local Dask cluster, and the same numbers locally.

Uncertain annual saving, investment and electricity price; 200,000 scenarios in chunks of
50,000. The chunks draw their random numbers from one seed, so the Dask run and the local run
give identical results; a progress bar follows the Dask futures as they complete.
"""
from __future__ import annotations


def model(saving_kwh, investment, price):
    return {"payback_years": investment / (saving_kwh * price)}


DISTRIBUTIONS = None


def distributions():
    from procsim.batch import Normal, Triangular

    return {"saving_kwh": Triangular(3.0e5, 3.6e5, 4.0e5), "investment": Normal(1.0e6, 8.0e4),
            "price": Triangular(3.2, 3.8, 4.6)}


def main(out_dir=None, n: int = 200_000) -> dict:
    from dask.distributed import Client, LocalCluster

    from procsim.batch import monte_carlo
    from procsim.plots import mc_histograms, tornado

    local = monte_carlo(model, distributions(), n, seed=7, chunk_size=50_000)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        remote = monte_carlo(model, distributions(), n, seed=7, chunk_size=50_000, engine="dask", client=client)
    if out_dir is not None:
        mc_histograms(remote, units={"payback_years": "yr"}).savefig(f"{out_dir}/gallery_mc.png", dpi=80)
        tornado(remote, "payback_years", unit="yr").savefig(f"{out_dir}/gallery_tornado.png", dpi=80)
    p = remote.percentiles()
    return {"p5": p.loc["payback_years", "P5"], "p50": p.loc["payback_years", "P50"],
            "p95": p.loc["payback_years", "P95"],
            "identical": bool((local.outputs["payback_years"] == remote.outputs["payback_years"]).all()),
            "prob_over_1_yr": remote.probability("payback_years", 1.0), "samples": remote}


if __name__ == "__main__":
    out = main()
    out.pop("samples")
    print(out)
