"""Benchmark: steam site model solves per second, and a retrofit sweep against full solves.

1. Site solves per second: the three-header site of tests/test_steam_site.py (boiler, HP/MP/LP
   headers, a back-pressure turbine, a desuperheating letdown, deaerator, flash, blowdown
   heat recovery, failed traps) balanced by :meth:`SiteModel.solve` (load control + one
   flowsheet pass with its recycle), best of N.
2. Sweep of one retrofit variable (condensate recovery 0.30 -> 0.95) by
   :func:`units.steam.retrofits.sweep_retrofit` (load control settled per point, warm-started,
   figures without a flowsheet pass) against the straightforward reference: a full
   ``SiteModel(...).solve()`` per point, on the same inputs. The full mode sweeps 1,000 points and
   times the reference on every 10th (100 points; per-point times are compared); the quick
   mode sweeps 40 points and runs the reference on every 4th. Fuel, CO2 and cost must agree
   to 1e-9 relative at every reference point.

Usage: python benchmarks/bench_steam.py [--quick]
Writes benchmarks/results/bench_steam.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numba
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SITE = dict(
    boiler={"pressure": "42 bar(g)", "efficiency": 0.88, "blowdown_fraction": 0.03, "temperature": "400 degC"},
    headers={"HP": "41 bar(g)", "MP": "11 bar(g)", "LP": "3.5 bar(g)"},
    users={"HP": "10 t/h", "MP": "30 t/h", "LP": "40 t/h"}, condensate_recovery=0.6,
    turbines=[{"name": "T1", "inlet": "HP", "outlet": "LP", "flow": "20 t/h", "isentropic_efficiency": 0.7,
               "generator_efficiency": 0.96}],
    condensate={"return_temperature": "80 degC"}, makeup={"temperature": "25 degC"},
    letdowns=[{"inlet": "HP", "outlet": "MP", "desuperheat_to": "230 degC"}, {"inlet": "MP", "outlet": "LP"}],
    blowdown={"flash_header": "LP", "heat_recovery": 0.9},
    traps=[{"header": "MP", "failed_open": 4, "orifice_diameter": "3 mm"}],
    economics={"hours": 8000, "fuel_price": 300e-9, "power_price": 4.0 / 3.6e6, "water_price": 0.012,
               "fuel_emission_factor": 56.1e-9, "grid_emission_factor": 0.494 / 3.6e6, "site_power_demand": 5e6},
)


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
    from units.steam.description import common_site
    from units.steam.retrofits import Retrofit, sweep_retrofit
    from units.steam.site import SiteModel

    spec = common_site(**SITE)
    SiteModel(spec).solve()              # warm-up: imports, numba cache load, CoolProp
    warm = time.perf_counter() - t0

    repeats = 3 if args.quick else 5
    t_solve, res = _best(lambda: SiteModel(spec).solve(), repeats)

    n = 40 if args.quick else 1000
    every = 4 if args.quick else 10
    values = np.linspace(0.30, 0.95, n)
    t_sweep, sw = _best(lambda: sweep_retrofit(spec, "condensate_recovery", "recovery", values),
                        1 if not args.quick else 2)
    ref_vals = values[::every]

    def reference():
        return [SiteModel(Retrofit("condensate_recovery", {"recovery": float(v)}).apply(spec)).solve()
                for v in ref_vals]

    t_ref, refs = _best(reference, 1)
    dev = 0.0
    for r, f, c, m in zip(refs, sw.fuel_input[::every], sw.co2_per_year[::every], sw.total_cost_per_year[::every]):
        dev = max(dev, abs(r.fuel_input / f - 1), abs(r.co2_per_year / c - 1), abs(r.total_cost_per_year / m - 1))
    assert dev < 1e-9, f"sweep and full solves disagree by {dev:.3g}"
    per_sweep = t_sweep / n
    per_ref = t_ref / ref_vals.size
    out = {
        "benchmark": "steam",
        "machine": {"processor": platform.processor(), "machine": platform.machine(), "cpu_count": os.cpu_count(),
                    "python": platform.python_version(), "numpy": np.__version__, "numba": numba.__version__},
        "quick": args.quick,
        "warmup_s": warm,
        "site_solve_s": t_solve,
        "site_solves_per_s": 1.0 / t_solve,
        "site_passes": res.passes,
        "site_overall_energy_relative": res.overall["energy_relative"],
        "sweep_points": n,
        "sweep_s": t_sweep,
        "sweep_per_point_s": per_sweep,
        "reference_points": int(ref_vals.size),
        "reference_s": t_ref,
        "reference_per_point_s": per_ref,
        "speedup_per_point": per_ref / per_sweep,
        "max_relative_deviation": dev,
    }
    print(f"warm-up (imports, numba cache, first solve): {warm:.2f} s")
    print(f"site model: {1.0 / t_solve:.2f} solves/s ({t_solve * 1e3:.1f} ms, {res.passes} flowsheet pass(es), "
          f"overall energy residual {res.overall['energy_relative']:.1e})")
    print(f"sweep of condensate recovery, {n} points: {t_sweep:.2f} s ({per_sweep * 1e3:.2f} ms/point)")
    print(f"reference full solves, {ref_vals.size} points: {t_ref:.2f} s ({per_ref * 1e3:.2f} ms/point)")
    print(f"ratio (reference / sweep, per point): {per_ref / per_sweep:.2f}; max deviation {dev:.1e}")
    dest = ROOT / "benchmarks" / "results"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "bench_steam.json").write_text(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
