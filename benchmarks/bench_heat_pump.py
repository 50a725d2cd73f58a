"""Benchmark: heat-pump cycle designs per second, batch numba kernel on tables vs exact CoolProp path.

Run ``python benchmarks/bench_heat_pump.py [--quick] [--fluid R717]``. Reports separately:
table build/load time, kernel compile or cache-load time (first call), then the batch
kernel's rate on one core (best of N), the exact path's (``simple_cycle``, CoolProp states)
time per design on a subset of the same inputs, their ratio, and the largest relative COP
difference between the two on the designs timed exactly. Writes
benchmarks/results/bench_heat_pump.json with the machine description.
"""
from __future__ import annotations

import argparse
import time

import numpy as np
from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    ap.add_argument("--fluid", default="R134a", help="refrigerant (R-number or CoolProp name)")
    args = ap.parse_args(argv)
    n_batch, n_exact, repeats = (20_000, 50, 3) if args.quick else (500_000, 300, 5)

    from procsim.thermo.fluids import Fluid
    from units.heat_pump import simple_cycle
    from units.heat_pump import kernels as K
    from units.heat_pump.refrigerants import coolprop_name

    t0 = time.perf_counter()
    table = Fluid(coolprop_name(args.fluid)).table()
    t_table = time.perf_counter() - t0
    f = Fluid(coolprop_name(args.fluid))
    tcrit = f.critical_temperature
    rng = np.random.default_rng(2024)
    te = rng.uniform(253.15, min(313.15, tcrit - 60.0), n_batch)
    tc = te + rng.uniform(15.0, min(60.0, tcrit - 5.0 - te.max()), n_batch)
    sh = rng.uniform(0.0, 10.0, n_batch)
    sc = rng.uniform(0.0, 5.0, n_batch)
    eta = rng.uniform(0.6, 0.85, n_batch)
    out = np.empty((n_batch, K.N_OUT))
    status = np.empty(n_batch, dtype=np.int64)

    t0 = time.perf_counter()
    K.cycle_batch(table.data, te[:1], tc[:1], sh[:1], sc[:1], eta[:1], out[:1], status[:1])
    t_first = time.perf_counter() - t0
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        K.cycle_batch(table.data, te, tc, sh, sc, eta, out, status)
        best = min(best, time.perf_counter() - t0)
    batch_rate = n_batch / best

    idx = np.arange(n_exact)
    t0 = time.perf_counter()
    exact = [simple_cycle(args.fluid, te[i], tc[i], sh[i], sc[i], eta[i]).cop_heating for i in idx]
    t_exact = (time.perf_counter() - t0) / n_exact
    diff = np.max(np.abs(np.array(exact) - out[idx, K.OUT_COP_HEATING]) / np.array(exact))
    ratio = batch_rate * t_exact
    print(f"fluid {args.fluid}: table build/load {t_table:.2f} s, first kernel call {t_first:.2f} s")
    print(f"batch kernel: {batch_rate:,.0f} designs/s on one core ({n_batch:,} designs, best of {repeats}); "
          f"failed designs: {int(np.sum(status != 0))}")
    print(f"exact path  : {1.0 / t_exact:,.1f} designs/s ({t_exact * 1e3:.3f} ms per design, {n_exact} designs)")
    print(f"ratio batch/exact: {ratio:,.0f}x; max |COP_h batch - exact| / COP_h exact = {diff:.2e}")
    path = write_result("bench_heat_pump", {
        "fluid": args.fluid, "n_batch": n_batch, "n_exact": n_exact, "table_seconds": t_table,
        "first_call_seconds": t_first, "batch_designs_per_s": batch_rate, "exact_designs_per_s": 1.0 / t_exact,
        "ratio": ratio, "max_rel_cop_difference": float(diff), "machine": machine_info()})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
