"""Benchmark: the first ``procsim cases`` after an install (empty caches) against a warm run.

Run ``python benchmarks/bench_first_run.py [--quick] [--only CASE ...] [--tables-warm]``.

Each run is a fresh ``python -m procsim cases --json`` process, with ``NUMBA_CACHE_DIR`` and
``XDG_CACHE_HOME`` (which holds the fluid tables, :mod:`procsim.thermo.tables.cache`) pointing
into a new temporary directory, so nothing compiled or built earlier on this machine is used:

* **cold**: both caches empty, as after ``pip install`` into a new environment;
* **tables warm** (``--tables-warm``): a new numba cache, the tables of the cold run (compilation
  alone);
* **warm**: both caches as the cold run left them;
* **new checkout**: both caches as the cold run left them, and the ``procsim``, ``units`` and
  ``cases`` sources copied to a new folder and imported from there (``PYTHONPATH``), as
  after a second clone or a reinstall into a new virtual environment: the compiled kernels
  are found by content (:mod:`procsim.jitcache`), so nothing should compile.

Times are CPU seconds of the child process (user + system, ``resource.getrusage``), not
wall-clock: the machine this was written on is shared, and CPU time is what the process itself
costs. Wall-clock is printed beside it. Inside the child a ``numba.core.event`` listener counts
the numba compilations (``"numba:compile"`` events fire only for a real compile, not for a load
from the cache) and attributes compile time to each function, exclusive of the functions it
compiled in turn, so the most expensive kernels and the ones compiled for several signatures
are listed. The ratio printed is cold / warm; the targets are issue 17's (cold <= 10 s,
warm <= 4 s). Writes benchmarks/results/bench_first_run.json with the machine description.
``--quick`` runs one small case (seconds, for the test suite).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import shutil
import tempfile
import time
from pathlib import Path

from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)

REPO = Path(__file__).resolve().parents[1]

#: issue 17's targets for ``procsim cases`` after a fresh install [s]
TARGET_COLD_S, TARGET_WARM_S = 10.0, 4.0

# Runs inside the child: counts numba compilations, then runs the CLI as `procsim` would.
_CHILD = r"""
import json, os, sys, time
from collections import defaultdict
from numba.core import event

stats = {"compiles": 0, "per_function": defaultdict(lambda: [0, 0.0])}
stack = []

class Count(event.Listener):
    def on_start(self, ev):
        stats["compiles"] += 1
        stack.append([time.process_time(), 0.0])

    def on_end(self, ev):
        t0, children = stack.pop()
        total = time.process_time() - t0
        if stack:
            stack[-1][1] += total
        d = ev.data["dispatcher"]
        name = f"{d.py_func.__module__}.{d.py_func.__qualname__}"
        rec = stats["per_function"][name]
        rec[0] += 1
        rec[1] += total - children

event.register("numba:compile", Count())
code = 0
try:
    from procsim.cli import main
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code or 0
import procsim
with open(os.environ["PROCSIM_BENCH_STATS"], "w") as fh:
    json.dump({"exit": code, "compiles": stats["compiles"], "module_file": procsim.__file__,
               "per_function": dict(stats["per_function"])}, fh)
"""


def run_cases(numba_dir: Path, xdg_dir: Path, only: list[str], work: Path,
              checkout: Path | None = None) -> dict:
    """One ``procsim cases --json`` in a fresh process; CPU and wall seconds, compilations.
    ``checkout``: a folder holding copies of the packages, imported instead of the installed ones."""
    stats_path = work / f"stats-{time.monotonic_ns()}.json"
    env = dict(os.environ, NUMBA_CACHE_DIR=str(numba_dir), XDG_CACHE_HOME=str(xdg_dir),
               PROCSIM_BENCH_STATS=str(stats_path))
    if checkout is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(checkout), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    args = ["-q", "cases", "--json"] + [a for c in only for a in ("--only", c)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # run from the temporary folder: ``python -c`` puts the working directory first on sys.path
    run = subprocess.run([sys.executable, "-c", _CHILD, *args], env=env, capture_output=True,
                         text=True, cwd=work)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0 or not stats_path.is_file():
        raise SystemExit(f"procsim cases failed (exit {run.returncode}):\n{run.stderr[-3000:]}")
    stats = json.loads(stats_path.read_text())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    per = sorted(stats["per_function"].items(), key=lambda kv: -kv[1][1])
    return {"cpu_s": cpu, "wall_s": wall, "numba_compilations": stats["compiles"],
            "module_file": stats["module_file"],
            "functions_compiled": len(per),
            "compile_cpu_s": sum(v[1] for _, v in per),
            "top_compile_cpu_s": [[name, n, round(t, 3)] for name, (n, t) in per[:15]],
            "most_signatures": sorted(([name, n] for name, (n, _) in per if n > 1),
                                      key=lambda r: -r[1])[:15],
            "figures": json.loads(run.stdout)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one small case only (seconds)")
    ap.add_argument("--only", action="append", default=[], help="run only this case id (repeatable)")
    ap.add_argument("--save-figures", metavar="FILE",
                    help="write the warm run's procsim cases --json output to FILE")
    ap.add_argument("--tables-warm", action="store_true",
                    help="also time a run with an empty numba cache and the tables already built")
    args = ap.parse_args(argv)
    only = args.only or (["pump_vfd_affinity"] if args.quick else [])

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        numba_dir, xdg_dir = work / "numba", work / "xdg"
        runs = {"cold": run_cases(numba_dir, xdg_dir, only, work)}
        if args.tables_warm:
            runs["tables_warm"] = run_cases(work / "numba2", xdg_dir, only, work)
        runs["warm"] = run_cases(numba_dir, xdg_dir, only, work)
        checkout = work / "checkout"
        for pkg in ("procsim", "units", "cases"):
            shutil.copytree(REPO / pkg, checkout / pkg,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        runs["new_checkout"] = run_cases(numba_dir, xdg_dir, only, work, checkout)
        if runs["new_checkout"].pop("module_file") != str(checkout / "procsim" / "__init__.py"):
            raise SystemExit("the new-checkout run did not import the copied procsim")

    cold, warm = runs["cold"], runs["warm"]
    same = cold["figures"] == warm["figures"] == runs["new_checkout"]["figures"]
    if args.save_figures:
        Path(args.save_figures).write_text(json.dumps(warm["figures"], indent=1))
    for r in runs.values():
        r.pop("figures")
        r.pop("module_file", None)
    result = {"benchmark": "first_run_procsim_cases", "cases": only or "all",
              "clock": "child process CPU time (user + system), resource.getrusage",
              **{f"{k}": v for k, v in runs.items()},
              "cold_over_warm": cold["cpu_s"] / warm["cpu_s"],
              "cold_over_target": cold["cpu_s"] / TARGET_COLD_S,
              "warm_over_target": warm["cpu_s"] / TARGET_WARM_S,
              "figures_identical_cold_warm_new_checkout": same,
              "machine": machine_info(load_average=os.getloadavg())}
    for name, r in runs.items():
        print(f"{name:>12}: {r['cpu_s']:6.1f} s CPU ({r['wall_s']:6.1f} s wall), "
              f"{r['numba_compilations']} numba compilations of {r['functions_compiled']} functions "
              f"({r['compile_cpu_s']:.1f} s CPU compiling)")
    print(f"cold / warm: {result['cold_over_warm']:.1f}x; against the targets: cold "
          f"{cold['cpu_s']:.1f} / {TARGET_COLD_S:.0f} s = {result['cold_over_target']:.2f}x, warm "
          f"{warm['cpu_s']:.1f} / {TARGET_WARM_S:.0f} s = {result['warm_over_target']:.2f}x; "
          f"figures identical cold, warm and in the new checkout: {same}")
    print("most compile CPU time (function, compilations, seconds exclusive of callees):")
    for name, n, t in cold["top_compile_cpu_s"][:10]:
        print(f"  {t:6.2f} s  {n:2d}x  {name}")
    if cold["most_signatures"]:
        print("compiled for more than one signature: " + ", ".join(
            f"{name.rsplit('.', 1)[-1]} {n}x" for name, n in cold["most_signatures"][:8]))
    print(f"(load average {os.getloadavg()[0]:.1f}; CPU time is the process's own)")
    write_result("bench_first_run", result)
    return result


if __name__ == "__main__":
    main()
