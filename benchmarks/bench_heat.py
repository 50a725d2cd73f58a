"""Benchmark: 1e6 exchanger ratings by epsilon-NTU (random UA, inlet temperatures, heat-capacity flows).

procsim's batched kernel (``units.heat_exchanger._kernels.rate_kernel``, the path behind
``units.heat_exchanger.rate``) is timed, best of N after a warm-up whose compile/cache-load
time is reported separately, against two references on the same inputs:

* numpy: a straightforward vectorised counterflow rating written here (closed-form
  effectiveness with ``np.where`` for Cr = 1, outlets from the duty);
* pure Python: a plain ``math`` loop over a subset, scaled to the full size.

The references must agree with procsim to 1e-8 relative: their textbook ``1 - exp(-x)`` form
loses digits for small NTU (1 - Cr), which the kernel avoids with ``expm1`` (the largest
difference seen is ~1e-9 at x ~ 1e-7). Two further procsim rows time
arrangements without a numpy one-liner: the exact crossflow series (both fluids unmixed)
and four shells in series, each at 1e5 ratings.

Usage: python benchmarks/bench_heat.py [--quick]
Writes benchmarks/results/bench_heat.json.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np
from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def numpy_reference(ua, thi, tci, ch, cc):
    """Counterflow rating, vectorised numpy (Incropera 6th ed. Table 11.3), independent of the kernel."""
    cmin, cmax = np.minimum(ch, cc), np.maximum(ch, cc)
    cr = cmin / cmax
    n = ua / cmin
    with np.errstate(divide="ignore", invalid="ignore"):
        e = np.exp(-n * (1.0 - cr))
        eps = np.where(cr == 1.0, n / (1.0 + n), (1.0 - e) / (1.0 - cr * e))
    q = eps * cmin * (thi - tci)
    return q, thi - q / ch, tci + q / cc


def python_reference(ua, thi, tci, ch, cc):
    """The same rating in a pure-Python loop."""
    out = []
    for u, a, b, h, c in zip(ua, thi, tci, ch, cc):
        cmin, cmax = min(h, c), max(h, c)
        cr, n = cmin / cmax, u / cmin
        if cr == 1.0:
            eps = n / (1.0 + n)
        else:
            e = math.exp(-n * (1.0 - cr))
            eps = (1.0 - e) / (1.0 - cr * e)
        q = eps * cmin * (a - b)
        out.append((q, a - q / h, b + q / c))
    return out


def _best(fn, repeats):
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1e5 ratings, fewer repeats (a few seconds)")
    args = ap.parse_args(argv)
    n = 100_000 if args.quick else 1_000_000
    n_py = 10_000 if args.quick else 100_000
    n_other = 20_000 if args.quick else 100_000
    repeats = 3 if args.quick else 5

    t0 = time.perf_counter()
    from units.heat_exchanger import ARRANGEMENTS
    from units.heat_exchanger._kernels import rate_kernel, rate_kernel_parallel
    import_s = time.perf_counter() - t0

    rng = np.random.default_rng(2024)
    ua = rng.uniform(100.0, 1.0e5, n)
    thi = rng.uniform(400.0, 900.0, n)
    tci = rng.uniform(280.0, 390.0, n)
    ch = rng.uniform(500.0, 5.0e4, n)
    cc = rng.uniform(500.0, 5.0e4, n)
    cc[:1000] = ch[:1000]  # exercise the Cr = 1 branch
    duty, tho, tco = np.empty(n), np.empty(n), np.empty(n)
    code = ARRANGEMENTS["counterflow"]

    t0 = time.perf_counter()
    rate_kernel(thi[:10], tci[:10], ch[:10], cc[:10], ua[:10], code, 1.0, duty[:10], tho[:10], tco[:10])
    warmup_s = time.perf_counter() - t0

    t_procsim = _best(lambda: rate_kernel(thi, tci, ch, cc, ua, code, 1.0, duty, tho, tco), repeats)
    # the parallel loop behind units.heat_exchanger.rate from 20,000 points (procsim.parallel)
    import numba
    threads = numba.get_num_threads()
    par = [np.empty(n) for _ in range(3)]
    rate_kernel_parallel(thi[:10], tci[:10], ch[:10], cc[:10], ua[:10], code, 1.0, *(a[:10] for a in par))
    t_parallel = _best(lambda: rate_kernel_parallel(thi, tci, ch, cc, ua, code, 1.0, *par), repeats)
    if not all(np.array_equal(a, b) for a, b in zip(par, (duty, tho, tco))):
        raise SystemExit("the parallel rating loop changed a result")
    t_numpy = _best(lambda: numpy_reference(ua, thi, tci, ch, cc), repeats)
    q_np, tho_np, tco_np = numpy_reference(ua, thi, tci, ch, cc)
    err_np = float(np.max(np.abs(duty / q_np - 1.0)))
    sl = slice(0, n_py)
    lists = [a[sl].tolist() for a in (ua, thi, tci, ch, cc)]
    t_py = _best(lambda: python_reference(*lists), 1 if args.quick else 2) * (n / n_py)
    py = np.array(python_reference(*lists))
    err_py = float(np.max(np.abs(duty[sl] / py[:, 0] - 1.0)))
    if not (err_np < 1e-8 and err_py < 1e-8):
        raise SystemExit(f"references disagree with procsim: numpy {err_np:.3g}, python {err_py:.3g}")

    other = {}
    for name, sp in (("crossflow_both_unmixed", 1.0), ("shell_and_tube_1_2n", 4.0)):
        s = slice(0, n_other)
        args_k = (thi[s], tci[s], ch[s], cc[s], ua[s], ARRANGEMENTS[name], sp, duty[s], tho[s], tco[s])
        rate_kernel(*args_k)
        other[name] = _best(lambda: rate_kernel(*args_k), repeats) / n_other * 1e9  # ns per rating

    result = {
        "benchmark": "heat exchanger rating (epsilon-NTU, counterflow)",
        "n": n, "repeats": repeats, "quick": args.quick,
        "import_s": import_s, "compile_or_cache_load_s": warmup_s,
        "procsim_s": t_procsim, "numpy_s": t_numpy, "python_s_scaled": t_py, "python_subset": n_py,
        "speedup_vs_numpy": t_numpy / t_procsim, "speedup_vs_python": t_py / t_procsim,
        "threads": threads, "procsim_all_threads_s": t_parallel, "speedup_vs_numpy_all_threads": t_numpy / t_parallel,
        "max_rel_diff_numpy": err_np, "max_rel_diff_python": err_py,
        "ns_per_rating": {"counterflow": t_procsim / n * 1e9, **other},
        "machine": machine_info(),
    }
    print(f"heat exchanger rating, {n:,} counterflow ratings (best of {repeats})")
    print(f"  import {import_s:.2f} s, compile/cache load {warmup_s:.3f} s")
    print(f"  procsim kernel   {t_procsim * 1e3:9.2f} ms (one core)")
    print(f"  procsim parallel {t_parallel * 1e3:9.2f} ms ({threads} threads, identical results)")
    print(f"  numpy vectorised {t_numpy * 1e3:9.2f} ms   ratio {t_numpy / t_procsim:6.2f}x")
    print(f"  pure Python      {t_py * 1e3:9.2f} ms   ratio {t_py / t_procsim:6.1f}x  (from {n_py:,}, scaled)")
    print(f"  max rel. difference: numpy {err_np:.2e}, python {err_py:.2e}")
    for k, v in result["ns_per_rating"].items():
        print(f"  {k:24s} {v:8.1f} ns per rating")
    write_result("bench_heat", result)
    return result


if __name__ == "__main__":
    main()
