"""Benchmark: steam site model solves per second, and a retrofit sweep against full solves.

1. Site solves per second: the three-header example site
   (:func:`units.steam.description.example_site_description`, boiler, HP/MP/LP
   headers, a back-pressure turbine, a desuperheating letdown, deaerator, flash, blowdown
   heat recovery, failed traps) balanced by :meth:`SiteModel.solve` (load control + one
   flowsheet pass with its recycle), best of N.
2. Sweep of one retrofit variable (condensate recovery 0.30 -> 0.95, 1,000 points) by
   :func:`units.steam.retrofits.sweep_retrofit` with the numba batch engine
   (:mod:`units.steam.batch`, IF97 tables), against the straightforward reference, a full
   ``SiteModel(...).solve()`` (load control + flowsheet pass) per point, and against the
   Python sweep engine (load control per point, no flowsheet). The reference and the Python
   engine run on every 10th point (100 points; per-point times are compared); ``--quick``
   sweeps 100 points and runs them on every 10th. Fuel, CO2 and cost must agree to 1e-9
   relative at every reference point. The batch sweep is timed on one core (the serial loop)
   and on numba's threads (chunks of 64 points in parallel), which must give the same numbers.

Usage: python benchmarks/bench_steam.py [--quick]
Writes benchmarks/results/bench_steam.json.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _best(fn, repeats):
    best, out = float("inf"), None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a few seconds: 40 sweep points")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from units.steam.description import common_site, example_site_description
    from units.steam.retrofits import Retrofit, sweep_retrofit
    from units.steam.site import SiteModel

    spec = common_site(**example_site_description())
    SiteModel(spec).solve()              # warm-up: imports, numba cache load, CoolProp
    warm = time.perf_counter() - t0

    repeats = 3 if args.quick else 5
    t_solve, res = _best(lambda: SiteModel(spec).solve(), repeats)

    n = 100 if args.quick else 1000
    every = 10
    values = np.linspace(0.30, 0.95, n)
    sweep_retrofit(spec, "condensate_recovery", "recovery", values[:3], engine="batch")   # compile/cache load
    import numba
    from procsim.batch import numba_threads
    with numba_threads(1):    # one core: the serial loop
        t_batch, sw = _best(lambda: sweep_retrofit(spec, "condensate_recovery", "recovery", values,
                                                   engine="batch"), 3)
    # numba's threads: the chunks of units.steam.batch.site_balance_batch_parallel; same numbers
    threads = numba.get_num_threads()
    t_batch_par, sw_par = _best(lambda: sweep_retrofit(spec, "condensate_recovery", "recovery", values,
                                                       engine="batch"), 3)
    if not np.array_equal(sw.fuel_input, sw_par.fuel_input):
        raise SystemExit("the parallel site loop changed a result")
    ref_vals = values[::every]
    t_py, swp = _best(lambda: sweep_retrofit(spec, "condensate_recovery", "recovery", ref_vals, engine="python"), 1)

    def reference():
        return [SiteModel(Retrofit("condensate_recovery", {"recovery": float(v)}).apply(spec)).solve()
                for v in ref_vals]

    t_ref, refs = _best(reference, 1)
    dev = 0.0
    for i, r in enumerate(refs):
        j = i * every
        for a, bb in ((r.fuel_input, sw.fuel_input[j]), (r.co2_per_year, sw.co2_per_year[j]),
                      (r.total_cost_per_year, sw.total_cost_per_year[j]), (r.fuel_input, swp.fuel_input[i])):
            dev = max(dev, abs(a / bb - 1))
    assert dev < 1e-9, f"sweep and full solves disagree by {dev:.3g}"
    per_sweep = t_batch / n
    per_py = t_py / ref_vals.size
    per_ref = t_ref / ref_vals.size
    out = {
        "benchmark": "steam",
        "machine": machine_info(),
        "quick": args.quick,
        "warmup_s": warm,
        "site_solve_s": t_solve,
        "site_solves_per_s": 1.0 / t_solve,
        "site_passes": res.passes,
        "site_overall_energy_relative": res.overall["energy_relative"],
        "sweep_points": n,
        "batch_sweep_s": t_batch,
        "batch_sweep_per_point_s": per_sweep,
        "python_sweep_per_point_s": per_py,
        "reference_points": int(ref_vals.size),
        "reference_s": t_ref,
        "reference_per_point_s": per_ref,
        "speedup_batch_vs_full_solves": per_ref / per_sweep,
        "speedup_batch_vs_python_sweep": per_py / per_sweep,
        "threads": threads,
        "batch_sweep_all_threads_s": t_batch_par,
        "speedup_all_threads_vs_one_core": t_batch / t_batch_par,
        "max_relative_deviation": dev,
    }
    print(f"warm-up (imports, numba cache, first solve): {warm:.2f} s")
    print(f"site model: {1.0 / t_solve:.2f} solves/s ({t_solve * 1e3:.1f} ms, {res.passes} flowsheet pass(es), "
          f"overall energy residual {res.overall['energy_relative']:.1e})")
    print(f"batch sweep of condensate recovery, {n} points, one core: {t_batch * 1e3:.1f} ms ({per_sweep * 1e6:.1f} us/point)")
    print(f"the same on {threads} threads: {t_batch_par * 1e3:.1f} ms ({t_batch / t_batch_par:.2f}x, identical numbers)")
    print(f"python sweep engine, {ref_vals.size} points: {t_py:.2f} s ({per_py * 1e3:.2f} ms/point)")
    print(f"reference full solves, {ref_vals.size} points: {t_ref:.2f} s ({per_ref * 1e3:.2f} ms/point)")
    print(f"ratio per point: full solves / batch {per_ref / per_sweep:.0f}x, python sweep / batch "
          f"{per_py / per_sweep:.0f}x; max deviation {dev:.1e}")
    write_result("bench_steam", out)
    return out


if __name__ == "__main__":
    main()
