"""Regenerate README's benchmark table from ``benchmarks/results/*.json``.

Run the ``bench_*.py`` scripts first (each writes its JSON with the machine), then
``python benchmarks/readme_table.py`` prints the table, and ``--write`` replaces the table
under README's "## Benchmarks" heading (only that table). Every figure is a ratio measured
in one run of one script; a benchmark without a result file keeps no row.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from harness import RESULTS  # noqa: E402 (benchmarks/ is the script directory)

README = Path(__file__).resolve().parent.parent / "README.md"
HEADER = "| Benchmark | procsim | Reference | Ratio |\n|---|---|---|---|\n"


def _load(name):
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.is_file() else None


def rows() -> list[str]:
    out = []
    r = _load("bench_properties")
    for sp in (r or {}).get("speed", []):
        out.append(
            f"| `bench_properties`: (p,h)→T, {sp['fluid']}, random phase mix, one core | "
            f"{sp['table_kernel_s_per_1e6'] * 1e3:.0f} ns/point (table) | CoolProp HEOS "
            f"{sp['coolprop_heos_s_per_1e6']:.1f} µs; BICUBIC&HEOS "
            f"{sp['coolprop_bicubic_s_per_1e6']:.2f} µs | {sp['ratio_vs_heos']:.0f}x; "
            f"{sp['ratio_vs_bicubic']:.1f}x |")
        out.append(
            f"| `bench_properties`: same, two cores | "
            f"{sp['table_two_cores_s_per_1e6'] * 1e3:.0f} ns/point | same | "
            f"{sp['ratio_two_cores_vs_heos']:.0f}x; {sp['ratio_two_cores_vs_bicubic']:.1f}x "
            f"(s_ph {sp['s_ph_over_T_ph']:.2f}, h_ps {sp['h_ps_over_T_ph']:.2f} of T_ph's time) |")
    r = _load("bench_orc")
    if r:
        out.append(
            f"| `bench_orc`: {r['fluid']} cycle designs, one core | "
            f"{r['batch_designs_per_s_one_core']:,.0f} designs/s "
            f"({r['batch_designs_per_s_one_core_cpu_time']:,.0f}/s of CPU time) | exact CoolProp path "
            f"{r['exact_ms_per_design']:.2f} ms/design | {r['speedup_batch_vs_exact']:,.0f}x "
            f"(net power within {r['max_rel_net_power_difference']:.1e}) |")
        out.append(
            f"| `bench_orc`: same, two cores | {r['batch_designs_per_s_two_cores']:,.0f} designs/s | "
            f"one core | {r['batch_designs_per_s_two_cores'] / r['batch_designs_per_s_one_core']:.2f}x |")
        out.append(
            f"| `bench_orc`: 30-design `evaluate_designs` call | {r['evaluate_30_ms_memory']:.2f} ms "
            f"(tables in memory) | tables re-read from disk {r['evaluate_30_ms_disk_reload']:.1f} ms | "
            f"{r['evaluate_30_speedup_memory_vs_disk']:.0f}x |")
    r = _load("bench_heat")
    if r:
        out.append(f"| `bench_heat`: {r['n']:,} counterflow ratings | {r['procsim_s'] * 1e3:.1f} ms | "
                   f"numpy {r['numpy_s'] * 1e3:.1f} ms; pure Python {r['python_s_scaled']:.2f} s | "
                   f"{r['speedup_vs_numpy']:.1f}x; {r['speedup_vs_python']:.0f}x |")
    r = _load("bench_combustion")
    if r:
        out.append(f"| `bench_combustion`: {r['n']:,} stack losses | {r['procsim_s'] * 1e3:.1f} ms | "
                   f"numpy {r['numpy_reference_s'] * 1e3:.1f} ms; pure Python "
                   f"{r['python_reference_s (scaled)']:.2f} s | {r['ratio_numpy_over_procsim']:.1f}x; "
                   f"{r['ratio_python_over_procsim']:.0f}x |")
    r = _load("bench_compressed_air")
    if r:
        out.append(f"| `bench_compressed_air`: 1 year at 1-min steps, 6 compressors | "
                   f"{r['procsim_per_year_s']:.3f} s | pure Python "
                   f"{r['python_reference_per_year_s_scaled']:.1f} s (scaled) | {r['speedup']:.0f}x |")
    r = _load("bench_eaf")
    if r:
        out.append(f"| `bench_eaf`: {r['heats']:,} heat balances | {r['procsim_batch_s']:.2f} s "
                   f"({r['procsim_per_heat_us']:.1f} µs/heat) | `py_func` loop "
                   f"{r['reference_per_heat_us']:.0f} µs/heat | {r['speedup_per_heat']:.0f}x |")
    r = _load("bench_steam")
    if r:
        out.append(f"| `bench_steam`: site solves | {r['site_solves_per_s']:.0f} solves/s | — | — |")
        out.append(f"| `bench_steam`: {r['sweep_points']:,}-point retrofit sweep | "
                   f"{r['batch_sweep_per_point_s'] * 1e6:.0f} µs/point | full site solves "
                   f"{r['reference_per_point_s'] * 1e3:.1f} ms/point | "
                   f"{r['speedup_batch_vs_full_solves']:.0f}x |")
    r = _load("bench_scale")
    if r:
        out.append(f"| `bench_scale`: ORC Monte Carlo, {r['orc_samples']:,} samples, 2-worker Dask "
                   f"LocalCluster | {r['orc_mc_cluster_2_workers_s']:.2f} s | one process, one core "
                   f"{r['orc_mc_one_process_s']:.2f} s | {r['orc_mc_speedup_cluster_vs_one_process']:.2f}x "
                   f"(same numbers: {'yes' if r['orc_mc_identical'] else 'no'}) |")
        out.append(f"| `bench_scale`: {r['claim_files']:,} claim files checked | "
                   f"{r['claim_files_per_s_cluster']:,.0f} files/s on the cluster | one process "
                   f"{r['claim_files_per_s_one_process']:,.0f} files/s | "
                   f"{r['claim_files_per_s_cluster'] / r['claim_files_per_s_one_process']:.2f}x |")
        out.append(f"| `bench_scale`: Monte Carlo memory, {r['mc_memory_samples']:,} samples | peak "
                   f"{r['mc_peak_MB']:.0f} MB | result {r['mc_result_MB']:.0f} MB | "
                   f"{r['mc_peak_over_result']:.2f}x |")
    return out


def table() -> str:
    return HEADER + "".join(row + "\n" for row in rows())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="replace the table in README.md")
    args = ap.parse_args(argv)
    text = table()
    if not args.write:
        print(text, end="")
        return 0
    readme = README.read_text()
    section = readme.index("## Benchmarks")
    pattern = re.compile(r"\| Benchmark \| procsim \| Reference \| Ratio \|\n(?:\|.*\|\n)+")
    match = pattern.search(readme, section)
    if match is None:
        raise SystemExit("no benchmark table under '## Benchmarks' in README.md")
    README.write_text(readme[:match.start()] + text + readme[match.end():])
    print(f"wrote the benchmark table of {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
