"""Benchmark: one year of a 6-compressor system at 1-minute steps (525,600 steps).

procsim's numba sequencer kernel is timed (best of N, after a warm-up whose compile or
cache-load time is reported separately) against the same algorithm as a straightforward
pure-Python loop (the kernel's source run with NUMBA_DISABLE_JIT=1 in a subprocess) over
a shorter span, scaled to a year. Both must give the same energy over the short span.

Usage: python benchmarks/bench_compressed_air.py [--quick]
Writes benchmarks/results/bench_compressed_air.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SNIPPET = r"""
import json, sys, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {root!r} + "/benchmarks")
from benchmarks.bench_compressed_air import build
system, demand = build({steps})
from units.compressed_air import simulate
t0 = time.perf_counter(); r = simulate(system, demand, 60.0); t = time.perf_counter() - t0
print(json.dumps({{"seconds": t, "energy": r.energy}}))
"""


def build(steps):
    """The benchmark system (fleet of 6, receiver, leaks, dryer) and ``steps`` minutes of demand."""
    from units.compressed_air import (AirSystem, Compressor, Dryer, EndUses, LeakSurvey, Receiver,
                                      fleet, shift_profile)
    comps = fleet("seed01_steel") + (Compressor("modulation", 25 / 60, 150e3, name="M1"),)
    bands = tuple((7.0e5 - 0.2e5 * i + 101325.0, 7.5e5 - 0.2e5 * i + 101325.0) for i in range(6))
    system = AirSystem(comps, Receiver(15.0), EndUses(6.5e5, 7.0e5, 0.1), "cascade", bands,
                       leaks=LeakSurvey((2e-3,) * 30), dryer=Dryer("refrigerated", 2.2, power=15e3))
    demand = shift_profile(1.0, days=steps / 1440.0, dt=60.0, seed=7)
    return system, demand


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="shorter runs (a few seconds)")
    args = ap.parse_args(argv)
    from units.compressed_air import simulate

    year = 525_600
    steps = 43_200 if args.quick else year
    ref_steps = 720 if args.quick else 7 * 1440
    repeats = 3 if args.quick else 5

    system, demand = build(steps)
    t0 = time.perf_counter()
    simulate(system, demand[:10], 60.0)
    warmup = time.perf_counter() - t0
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = simulate(system, demand, 60.0)
        best = min(best, time.perf_counter() - t0)
    per_year = best * year / steps

    env = dict(os.environ, NUMBA_DISABLE_JIT="1")
    out = subprocess.run([sys.executable, "-c", SNIPPET.format(root=str(ROOT), steps=ref_steps)],
                         env=env, capture_output=True, text=True, check=True)
    ref = json.loads(out.stdout.strip().splitlines()[-1])
    short = simulate(*build(ref_steps), 60.0)
    agree = abs(short.energy - ref["energy"]) / short.energy
    ref_year = ref["seconds"] * year / ref_steps

    result = {
        "benchmark": "compressed_air_year_1min_6_compressors",
        "steps_timed": steps, "repeats": repeats,
        "compile_or_cache_load_s": warmup,
        "procsim_best_s": best, "procsim_per_year_s": per_year,
        "python_reference_steps": ref_steps, "python_reference_s": ref["seconds"],
        "python_reference_per_year_s_scaled": ref_year,
        "speedup": ref_year / per_year,
        "reference_energy_relative_difference": agree,
        "max_balance_residual": r.max_relative_residual,
        "machine": machine_info(),
    }
    print(f"compile/cache load        {warmup:8.3f} s")
    print(f"procsim, {steps} steps    {best:8.3f} s (best of {repeats}); one year: {per_year:.3f} s")
    print(f"pure Python, {ref_steps} steps {ref['seconds']:8.3f} s; scaled to a year: {ref_year:.1f} s")
    print(f"ratio (pure Python / procsim): {ref_year / per_year:.0f}x; same energy to {agree:.1e}")
    write_result("bench_compressed_air", result)
    return result


if __name__ == "__main__":
    main()
