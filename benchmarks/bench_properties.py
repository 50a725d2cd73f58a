"""Benchmark and accuracy check of the tabulated real-fluid properties (procsim.thermo.tables).

Run ``python benchmarks/bench_properties.py [--quick] [--accuracy] [--fluid R245fa]``.

Speed: 2e5 (p, h) -> T evaluations through the table (numba array kernel on one core, the
validated ``FluidTable.T_ph`` wrapper on one core and on two; s_ph and h_ps on one core as a
time ratio to T_ph) against CoolProp's ``AbstractState('HEOS', fluid)``
(``update(HmassP_INPUTS, h, p); T()`` per point, timed on a sample of 2e4 points and
scaled to 1e6) and against CoolProp's own bicubic tables ``AbstractState('BICUBIC&HEOS',
fluid)`` on the same sample. Best of N repeats. Table build and load times and the
kernel compile / cache-load time are reported separately.

Accuracy (``--accuracy``): 10,000 random states per fluid, single phase with
|p - p_c| > 5 % p_c (80 %) and two-phase (20 %), against CoolProp called directly with
the table's backend; see ``accuracy()``. ``--quick`` runs a few seconds (1e5 evaluations,
2e3 reference points, 1,000 accuracy states, R245fa only).

Writes ``benchmarks/results/bench_properties.json`` with the machine description.
"""
from __future__ import annotations

import argparse
import math
import platform
import tempfile
import time
from pathlib import Path

import CoolProp
import CoolProp.CoolProp as CP
import numpy as np

from procsim.batch import numba_threads
from procsim.thermo.gas import GAS_CONSTANT
from procsim.thermo.fluids import Fluid
from procsim.thermo.tables import FluidTable, TableCache, tab_T_ph
from procsim.thermo.tables import kernels as K
from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)

ACCURACY_FLUIDS = [("Water", "IF97"), ("R245fa", "HEOS"), ("Isopentane", "HEOS")]
OTHER_FLUIDS = [("Water", "HEOS"), ("Air", "HEOS"), ("R1233zd(E)", "HEOS"), ("n-Pentane", "HEOS"),
                ("Cyclopentane", "HEOS"), ("Toluene", "HEOS"), ("n-Butane", "HEOS"),
                ("IsoButane", "HEOS"), ("R134a", "HEOS")]


def machine() -> dict:
    return machine_info(coolprop=CoolProp.__version__, platform=platform.platform())


def best_of(fn, repeats: int, clock=time.perf_counter) -> float:
    best = math.inf
    for _ in range(repeats):
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best


def random_ph(table: FluidTable, n: int, seed: int):
    """(p, h) log-uniform in p over the table, uniform in h between the table's bounds at p."""
    rng = np.random.default_rng(seed)
    d = table.data
    p = np.exp(rng.uniform(math.log(d.p_min), math.log(d.p_max), n))
    bounds = np.array([K.table_bounds(d, x, 0) for x in p])
    h = bounds[:, 0] + rng.uniform(0.02, 0.98, n) * (bounds[:, 1] - bounds[:, 0])
    return p, h


def coolprop_per_point(state, p, h) -> tuple[float, int]:
    """Seconds for CoolProp (p, h) -> T over the sample; also the number of failed points."""
    failed = 0
    start = time.perf_counter()
    for pi, hi in zip(p, h):
        try:
            state.update(CP.HmassP_INPUTS, hi, pi)
            state.T()
        except ValueError:
            failed += 1
    return time.perf_counter() - start, failed


def speed(fluid_name: str, n_eval: int, n_ref: int, repeats: int) -> dict:
    fluid = Fluid(fluid_name, "HEOS")
    out = {"fluid": fluid_name, "backend": "HEOS", "n_eval": n_eval, "n_ref": n_ref}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        table = FluidTable.load_or_build(fluid, cache=TableCache(tmp))
        out["table_build_s"] = time.perf_counter() - start
        out["table_load_s"] = best_of(lambda: FluidTable.load_or_build(fluid, cache=TableCache(tmp)), 5)
        out["table_file_MB"] = sum(f.stat().st_size for f in Path(tmp).glob("*.npz")) / 1e6
    d = table.data
    start = time.perf_counter()
    tab_T_ph(d, math.sqrt(d.p_min * d.p_max), K.table_bounds(d, 1.0e5, 0)[1])
    table.T_ph(np.array([1.0e5]), np.array([K.table_bounds(d, 1.0e5, 0)[1]]))
    out["kernel_compile_or_cache_load_s"] = time.perf_counter() - start

    p, h = random_ph(table, n_eval, seed=1)
    s = table.s_ph(p, h)
    res = np.empty(n_eval)
    ph_args = (d.blocks, d.curves, d.ph, d.p_crit, d.xi_stretch, 0, K.PH_T, p, h, res)
    K.eval_pz_parallel(*ph_args)  # compile / load outside the timing
    table.T_ph(p, h, threads=2)
    # one core: the serial loop; wall clock, best of N (and the thread's CPU time, which a
    # busy shared machine disturbs less)
    t_kernel = best_of(lambda: K.eval_pz(*ph_args), repeats)
    out["table_kernel_cpu_s_per_1e6"] = best_of(lambda: K.eval_pz(*ph_args), repeats,
                                                clock=time.thread_time) * 1e6 / n_eval
    t_wrapper = best_of(lambda: table.T_ph(p, h, threads=1), repeats)
    t_s_ph = best_of(lambda: table.s_ph(p, h, threads=1), repeats)
    t_h_ps = best_of(lambda: table.h_ps(p, s, threads=1), repeats)
    t_two = best_of(lambda: table.T_ph(p, h, threads=2), repeats)
    # the same kernel-to-kernel comparison as the one-core figure: FluidTable.T_ph adds a
    # serial input check and a fresh output array, which two threads do not share out
    with numba_threads(2):
        t_two_kernel = best_of(lambda: K.eval_pz_parallel(*ph_args), repeats)
    out["table_kernel_s_per_1e6"] = t_kernel * 1e6 / n_eval
    out["table_wrapper_s_per_1e6"] = t_wrapper * 1e6 / n_eval
    out["table_two_cores_s_per_1e6"] = t_two * 1e6 / n_eval
    out["table_kernel_two_cores_s_per_1e6"] = t_two_kernel * 1e6 / n_eval
    out["s_ph_over_T_ph"] = t_s_ph / t_wrapper
    out["h_ps_over_T_ph"] = t_h_ps / t_wrapper

    idx = np.random.default_rng(2).choice(n_eval, n_ref, replace=False)
    ps, hs = p[idx], h[idx]
    heos = CP.AbstractState("HEOS", fluid_name)
    t_heos, failed = min(coolprop_per_point(heos, ps, hs) for _ in range(2))
    out["coolprop_heos_s_per_1e6"] = t_heos * 1e6 / n_ref
    out["coolprop_heos_failed_points"] = failed
    start = time.perf_counter()
    bicubic = CP.AbstractState("BICUBIC&HEOS", fluid_name)
    out["coolprop_bicubic_setup_s"] = time.perf_counter() - start
    t_bic, failed = min(coolprop_per_point(bicubic, ps, hs) for _ in range(repeats))
    out["coolprop_bicubic_s_per_1e6"] = t_bic * 1e6 / n_ref
    out["coolprop_bicubic_failed_points"] = failed
    out["ratio_vs_heos"] = out["coolprop_heos_s_per_1e6"] / out["table_kernel_s_per_1e6"]
    out["ratio_two_cores_vs_heos"] = out["coolprop_heos_s_per_1e6"] / out["table_two_cores_s_per_1e6"]
    out["ratio_two_cores_vs_bicubic"] = out["coolprop_bicubic_s_per_1e6"] / out["table_two_cores_s_per_1e6"]
    out["ratio_kernel_two_cores_vs_heos"] = out["coolprop_heos_s_per_1e6"] / out["table_kernel_two_cores_s_per_1e6"]
    out["ratio_kernel_two_cores_vs_bicubic"] = (out["coolprop_bicubic_s_per_1e6"]
                                                / out["table_kernel_two_cores_s_per_1e6"])
    out["ratio_vs_bicubic"] = out["coolprop_bicubic_s_per_1e6"] / out["table_kernel_s_per_1e6"]
    out["ratio_wrapper_vs_heos"] = out["coolprop_heos_s_per_1e6"] / out["table_wrapper_s_per_1e6"]
    out["ratio_wrapper_vs_bicubic"] = out["coolprop_bicubic_s_per_1e6"] / out["table_wrapper_s_per_1e6"]
    return out


def accuracy(name: str, backend: str, n: int, seed: int = 7) -> dict:
    """Errors of T(p,h), s(p,h), h(p,s) on ``n`` random states against CoolProp directly.

    States: p log-uniform over the table with |p - p_c| > 5 % p_c; 80 % single phase from
    CoolProp (p, T) with T uniform over the table, 20 % (below p_c) two-phase from (p, Q).
    HEOS references: CoolProp's own (p, h) and (p, s) flashes at those states. IF97
    references: the forward equations (the (p, T) / (p, Q) state itself), because
    CoolProp's IF97 (p, h) and (p, s) inputs use the backward equations; their own
    difference from the forward equations is reported as ``if97_backward_*``.
    Relative errors: T against T, s against max(|s|, R), h against max(|h|, R T_c).
    """
    fluid = Fluid(name, backend)
    table = fluid.table()
    spec, pc = table.spec, fluid.critical_pressure
    ref = CP.AbstractState(backend, fluid.name)
    flash = CP.AbstractState(backend, fluid.name)
    rng = np.random.default_rng(seed)
    r = GAS_CONSTANT / fluid.molar_mass
    rows = []
    while len(rows) < n:
        p = math.exp(rng.uniform(math.log(spec.p_min), math.log(spec.p_max)))
        if abs(p - pc) < 0.05 * pc:
            continue
        two = p < pc and rng.uniform() < 0.2
        try:
            if two:
                ref.update(CP.PQ_INPUTS, p, rng.uniform())
            else:
                ref.update(CP.PT_INPUTS, p, rng.uniform(spec.T_min, spec.T_max))
        except ValueError:
            continue
        T, h, s = ref.T(), ref.hmass(), ref.smass()
        try:
            flash.update(CP.HmassP_INPUTS, h, p)
            T_f, s_f = flash.T(), flash.smass()
            flash.update(CP.PSmass_INPUTS, p, s)
            h_f = flash.hmass()
        except (ValueError, IndexError):
            if backend == "HEOS":
                continue  # no direct reference for this state
            T_f = s_f = h_f = math.nan  # IF97 backward equations outside their range
        rows.append((p, T, h, s, T_f, s_f, h_f, float(two)))
    p, T, h, s, T_f, s_f, h_f, two = np.array(rows).T
    if backend == "HEOS":
        T_ref, s_ref, h_ref = T_f, s_f, h_f
    else:
        T_ref, s_ref, h_ref = T, s, h
    e_T = np.abs(table.T_ph(p, h) - T_ref) / T_ref
    e_s = np.abs(table.s_ph(p, h) - s_ref) / np.maximum(np.abs(s_ref), r)
    e_h = np.abs(table.h_ps(p, s) - h_ref) / np.maximum(np.abs(h_ref), r * fluid.critical_temperature)
    out = {"fluid": name, "backend": backend, "n": int(p.size), "n_two_phase": int(two.sum())}
    for key, e in (("T_ph", e_T), ("s_ph", e_s), ("h_ps", e_h)):
        for label, mask in (("all", np.ones_like(two, bool)), ("single", two == 0), ("two_phase", two == 1)):
            if mask.any():
                out[f"{key}_{label}_max"] = float(np.max(e[mask]))
                out[f"{key}_{label}_median"] = float(np.median(e[mask]))
    if backend == "IF97":
        ok = np.isfinite(T_f)
        out["if97_backward_T_ph_max"] = float(np.max(np.abs(T_f[ok] - T[ok]) / T[ok]))
        out["if97_backward_points"] = int(ok.sum())
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a few seconds: smaller samples")
    ap.add_argument("--accuracy", action="store_true", help="10,000-state accuracy check per fluid")
    ap.add_argument("--all-fluids", action="store_true", help="accuracy for every supported fluid")
    ap.add_argument("--fluid", default="R245fa,Water",
                    help="comma-separated fluids of the speed comparison (HEOS); --quick uses the first")
    args = ap.parse_args(argv)
    n_eval, n_ref, repeats = (100_000, 2_000, 5) if args.quick else (200_000, 20_000, 15)
    result = {"machine": machine(), "quick": args.quick}

    result["speed"] = []
    for name in args.fluid.split(",")[: 1 if args.quick else None]:
        sp = speed(name, n_eval, n_ref, repeats)
        result["speed"].append(sp)
        print(f"{name} (HEOS): table build {sp['table_build_s']:.2f} s, load {sp['table_load_s'] * 1e3:.1f} ms "
              f"({sp['table_file_MB']:.1f} MB), kernel compile/cache load "
              f"{sp['kernel_compile_or_cache_load_s']:.2f} s, CoolProp BICUBIC setup "
              f"{sp['coolprop_bicubic_setup_s']:.2f} s")
        print(f"  1e6 (p,h)->T: table kernel {sp['table_kernel_s_per_1e6']:.3f} s, FluidTable.T_ph "
              f"{sp['table_wrapper_s_per_1e6']:.3f} s | CoolProp HEOS {sp['coolprop_heos_s_per_1e6']:.1f} s, "
              f"BICUBIC&HEOS {sp['coolprop_bicubic_s_per_1e6']:.2f} s (scaled from {n_ref} points)")
        print(f"  one core: ratio vs HEOS {sp['ratio_vs_heos']:.0f}x (wrapper {sp['ratio_wrapper_vs_heos']:.0f}x); "
              f"vs BICUBIC&HEOS {sp['ratio_vs_bicubic']:.1f}x (wrapper {sp['ratio_wrapper_vs_bicubic']:.1f}x)")
        print(f"  two cores: kernel ratio vs HEOS {sp['ratio_kernel_two_cores_vs_heos']:.0f}x; vs BICUBIC&HEOS "
              f"{sp['ratio_kernel_two_cores_vs_bicubic']:.1f}x (FluidTable.T_ph {sp['ratio_two_cores_vs_heos']:.0f}x; "
              f"{sp['ratio_two_cores_vs_bicubic']:.1f}x) | s_ph / T_ph {sp['s_ph_over_T_ph']:.2f}, "
              f"h_ps / T_ph {sp['h_ps_over_T_ph']:.2f} (time ratios, 1.0 = as fast)")

    if args.accuracy or args.quick:
        fluids = ACCURACY_FLUIDS[1:2] if args.quick else ACCURACY_FLUIDS + (OTHER_FLUIDS if args.all_fluids else [])
        n = 1_000 if args.quick else 10_000
        result["accuracy"] = []
        print(f"accuracy on {n} random states (max / median relative error):")
        for name, backend in fluids:
            acc = accuracy(name, backend, n)
            result["accuracy"].append(acc)
            line = "  ".join(f"{k} {acc[k + '_all_max']:.1e} / {acc[k + '_all_median']:.1e}"
                             for k in ("T_ph", "s_ph", "h_ps"))
            extra = (f"  [IF97 backward eqs vs forward: {acc['if97_backward_T_ph_max']:.1e}]"
                     if "if97_backward_T_ph_max" in acc else "")
            print(f"  {name:12s} {backend:4s} {line}{extra}")

    path = write_result("bench_properties", result)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
