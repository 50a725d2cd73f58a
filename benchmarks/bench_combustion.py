"""Benchmark: 1e5 stack-loss evaluations (natural gas, random O2 / stack / air temperatures).

procsim's batched path (units.boiler.stack_loss_fraction -> numba kernel) is timed on one
core (the serial loop) and on numba's threads (the parallel loop), best of N after a warm-up
whose compile/cache-load time is reported separately, against two references on the same
inputs:

* numpy: a straightforward vectorised implementation written here (closed-form excess air,
  NASA-7 enthalpies of the seven products evaluated with numpy, HHV basis);
* pure Python: the kernel's own Python source (``py_func``) in a loop over a subset, scaled.

Both must agree with procsim to 1e-12 relative.

Usage: python benchmarks/bench_combustion.py [--quick]
Writes benchmarks/results/bench_combustion.json.
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


def numpy_reference(fuel, o2, ts, ta):
    """Stack loss on HHV, vectorised numpy; independent of the kernels' code."""
    from procsim.thermo import gas
    from procsim.thermo.combustion import combustion_air
    from procsim.thermo.combustion import kernels as K

    fv, air = fuel.vector, combustion_air(0.0)
    a = fv[K.F_C] + fv[K.F_H] / 4 + fv[K.F_S] - fv[K.F_O] / 2
    xo2, xn2, xar, xco2 = air[:4]
    # dry flue gas per kg fuel: D = C + S + N/2 + Ar + (1+e) a / xO2 - a ; O2 = e a
    d0 = fv[K.F_C] + fv[K.F_S] + fv[K.F_N] / 2 + fv[K.F_AR] + a / xo2 - a
    e = o2 * d0 / (a - o2 * a / xo2)
    A = (1 + e) * a / xo2
    n = np.stack([fv[K.F_C] + A * xco2, fv[K.F_H] / 2 + fv[K.F_W] + 0 * A, fv[K.F_S] + 0 * A,
                  fv[K.F_N] / 2 + A * xn2, fv[K.F_AR] + A * xar, e * a, 0 * A])
    sens = np.zeros_like(o2)
    for k, sp in enumerate(("CO2", "H2O", "SO2", "N2", "AR", "O2", "CO")):
        row = gas.COEFFS[gas.species_index(sp)]

        def h(T):
            c = np.where((T < row[1])[None, :], row[3:10][:, None], row[10:17][:, None])
            return gas.GAS_CONSTANT * (T * (c[0] + T * (c[1] / 2 + T * (c[2] / 3 + T * (c[3] / 4 + T * c[4] / 5))))
                                       + c[5])
        sens += n[k] * (h(ts) - h(ta))
    return (sens + fuel.hhv - fuel.lhv) / fuel.hhv


def _best(fn, repeats):
    best = float("inf")
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer repeats (a few seconds)")
    args = ap.parse_args(argv)
    n = 100_000
    repeats = 3 if args.quick else 7
    n_py = 2_000 if args.quick else 10_000

    t0 = time.perf_counter()
    from procsim.thermo.combustion import Fuel, combustion_air
    from procsim.thermo.combustion import kernels as K
    from procsim.thermo.combustion.fuel import product_rows
    from units.boiler import stack_loss_fraction
    fuel = Fuel.from_name("natural_gas")
    stack_loss_fraction(fuel, np.array([0.03]), np.array([450.0]), np.array([300.0]))
    warm = time.perf_counter() - t0

    rng = np.random.default_rng(17)
    o2 = rng.uniform(0.01, 0.12, n)
    ta = rng.uniform(280.0, 320.0, n)
    ts = ta + rng.uniform(50.0, 300.0, n)

    import numba
    from procsim.batch import numba_threads
    with numba_threads(1):     # one core: the serial loop, like the single-threaded references
        t_ps, ours = _best(lambda: stack_loss_fraction(fuel, o2, ts, ta, "hhv"), repeats)
    # numba's threads (procsim.parallel: the parallel loop from 20,000 points); same numbers
    threads = numba.get_num_threads()
    t_par, ours_par = _best(lambda: stack_loss_fraction(fuel, o2, ts, ta, "hhv"), repeats)
    if not np.array_equal(ours, ours_par):
        raise SystemExit("the parallel loop changed a stack loss")
    t_np, ref = _best(lambda: numpy_reference(fuel, o2, ts, ta), repeats)
    err_np = float(np.max(np.abs(ours - ref) / ref))

    fv, air, rows = fuel.vector, combustion_air(0.0), product_rows()

    def py_loop():
        out = np.empty(n_py)
        for i in range(n_py):
            e = K.excess_air_from_o2.py_func(fv, air, o2[i], 0)
            out[i] = K.stack_loss.py_func(fv, air, e, ts[i], ta[i], 0, rows)
        return out
    t_py, ref_py = _best(py_loop, 1)
    err_py = float(np.max(np.abs(ours[:n_py] - ref_py) / ref_py))
    t_py_scaled = t_py * n / n_py

    res = {
        "benchmark": "stack_loss_fraction, 1e5 evaluations, natural gas, HHV",
        "n": n, "repeats": repeats, "warmup_s (import + compile/cache load)": warm,
        "procsim_s": t_ps, "numpy_reference_s": t_np, "python_reference_s (scaled)": t_py_scaled,
        "ratio_numpy_over_procsim": t_np / t_ps, "ratio_python_over_procsim": t_py_scaled / t_ps,
        "threads": threads, "procsim_all_threads_s": t_par, "ratio_numpy_over_procsim_all_threads": t_np / t_par,
        "max_rel_diff_numpy": err_np, "max_rel_diff_python": err_py,
        "machine": machine_info(),
    }
    print(f"warm-up (import + compile/cache load): {warm:.2f} s")
    print(f"procsim batched, one core: {t_ps * 1e3:.2f} ms   numpy reference: {t_np * 1e3:.2f} ms   "
          f"ratio {t_np / t_ps:.1f}x   (max rel diff {err_np:.1e})")
    print(f"procsim batched, {threads} threads: {t_par * 1e3:.2f} ms   ratio {t_np / t_par:.1f}x "
          f"(identical values)")
    print(f"pure-Python loop (scaled from {n_py}): {t_py_scaled:.2f} s   ratio {t_py_scaled / t_ps:.0f}x "
          f"(max rel diff {err_py:.1e})")
    write_result("bench_combustion", res, indent=1)
    if err_np > 1e-12 or err_py > 1e-12:
        raise SystemExit("procsim and the references disagree")
    return res


if __name__ == "__main__":
    main()
