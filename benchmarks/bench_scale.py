"""Benchmark: whole studies on a 2-worker Dask LocalCluster against one process, and memory.

Run ``python benchmarks/bench_scale.py [--quick]``. In one run:

* ORC Monte Carlo (``units.orc.ORCSweepModel`` through ``procsim.batch.monte_carlo``): one
  process on one core (numba threads = 1) against a LocalCluster of two single-threaded worker
  processes, same seed; the ratio of wall times and whether the numbers are identical.
* Monte Carlo memory: peak traced memory of a large run of a cheap model against the size of
  its result (inputs + outputs), both measured in this process.
* A fleet of generated claim files checked by ``procsim.accounting.check_claim`` through
  ``procsim.batch.map_files``: files per second in one process and on the cluster.

On a busy shared machine the cluster ratio is bounded by the cores actually free; the JSON
records the load average. Writes ``benchmarks/results/bench_scale.json``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)

#: ORC Monte Carlo size: large enough that one process works for several seconds, so the
#: cluster's fixed cost per run (task submission, result transfer: ~0.3 s measured) does not
#: decide the ratio. It was 400,000 until the ORC kernel became ~3x faster (procsim.jitopts).
ORC_SAMPLES = 2_000_000

CLAIMS = Path(__file__).resolve().parent.parent / "cases" / "claims"


def check_claim_file(path):
    """Findings of one claim file by severity (what a reviewer's fleet check records)."""
    from procsim.accounting import check_claim, load_claim

    findings = check_claim(load_claim(path))
    counts = {"ok": 0, "info": 0, "warning": 0, "error": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts


def npv(saving, capex):
    annuity = (1.0 - 1.06 ** -10) / 0.06
    return {"npv": saving * annuity - capex, "payback": capex / saving}


def best_of(fn, n):
    best = np.inf
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (under a minute)")
    ap.add_argument("--orc-samples", type=int, default=None,
                    help=f"ORC Monte Carlo samples (default {ORC_SAMPLES:,}; 40,000 with --quick)")
    args = ap.parse_args(argv)
    n_mc, n_mem, n_files = (40_000, 1_000_000, 500) if args.quick else (ORC_SAMPLES, 10_000_000, 10_000)
    n_mc = args.orc_samples or n_mc

    from dask.distributed import Client, LocalCluster

    from procsim.batch import Normal, Uniform, map_files, monte_carlo, numba_threads
    from procsim.stream import Stream
    from units.orc import ORC, ORCSweepModel

    model = ORCSweepModel(ORC("R245fa", 373.15, 308.15), Stream("Water", 423.15, 5.0e5, 10.0))
    dists = {"source_temperature": Normal(423.15, 4.0, low=410.0, high=440.0),
             "source_mass_flow": Uniform(8.0, 12.0),
             "evaporating_temperature": Uniform(350.0, 385.0)}
    chunk = n_mc // 8

    def local():
        with numba_threads(1):
            return monte_carlo(model, dists, n_mc, seed=5, chunk_size=chunk)

    ref = local()
    t_local = best_of(local, 2)

    result = {"benchmark": "scale_out", "quick": args.quick, "orc_samples": n_mc, "chunk_size": chunk}
    with tempfile.TemporaryDirectory() as tmp:
        src = sorted(CLAIMS.glob("*.toml"))
        paths = []
        for i in range(n_files):
            p = Path(tmp) / f"claim_{i:05d}.toml"
            shutil.copyfile(src[i % len(src)], p)
            paths.append(p)
        map_files(check_claim_file, paths[:20])  # imports and factor tables outside the timing
        t_files_local = best_of(lambda: map_files(check_claim_file, paths, chunk_size=250), 1)

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          env={"NUMBA_NUM_THREADS": "1"}) as cluster, Client(cluster) as client:
            def remote():
                return monte_carlo(model, dists, n_mc, seed=5, chunk_size=chunk, engine="dask",
                                   client=client)
            got = remote()  # each worker loads the table and the compiled kernel once
            t_cluster = best_of(remote, 2)
            map_files(check_claim_file, paths[:40], engine="dask", client=client, chunk_size=10)
            t_files_cluster = best_of(lambda: map_files(check_claim_file, paths, engine="dask",
                                                        client=client, chunk_size=250), 1)
    same = all(np.array_equal(ref.outputs[k], got.outputs[k], equal_nan=True) for k in ref.outputs)
    result.update({
        "orc_mc_one_process_s": t_local, "orc_mc_cluster_2_workers_s": t_cluster,
        "orc_mc_speedup_cluster_vs_one_process": t_local / t_cluster, "orc_mc_identical": same,
        "claim_files": n_files, "claim_files_per_s_one_process": n_files / t_files_local,
        "claim_files_per_s_cluster": n_files / t_files_cluster,
    })

    tracemalloc.start()
    res = monte_carlo(npv, {"saving": Normal(1e5, 1e4), "capex": Uniform(2e5, 4e5)}, n_mem, seed=1,
                      chunk_size=200_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(v.nbytes for v in (*res.inputs.values(), *res.outputs.values()))
    result.update({"mc_memory_samples": n_mem, "mc_result_MB": size / 1e6, "mc_peak_MB": peak / 1e6,
                   "mc_peak_over_result": peak / size,
                   "machine": machine_info(load_average=os.getloadavg())})

    print(f"ORC Monte Carlo, {n_mc:,} samples: one process {t_local:.2f} s, 2-worker LocalCluster "
          f"{t_cluster:.2f} s -> {t_local / t_cluster:.2f}x (identical numbers: {same})")
    print(f"claim files: {n_files:,} checked, {n_files / t_files_local:,.0f} files/s in one process, "
          f"{n_files / t_files_cluster:,.0f} files/s on the cluster")
    print(f"Monte Carlo memory, {n_mem:,} samples: result {size / 1e6:.0f} MB, peak {peak / 1e6:.0f} MB "
          f"({peak / size:.2f}x)")
    print(f"load average {os.getloadavg()}")
    write_result("bench_scale", result)
    return result


if __name__ == "__main__":
    main()
