"""Mutation testing of procsim's kernels and unit models with cosmic-ray.

A mutant is a copy of one module with one small change (``+`` for ``-``, ``<`` for ``<=``, a
number nudged, a ``break`` for a ``continue``...). The module's tests run against each mutant;
a test that fails *kills* it. A mutant that survives is either a gap in the tests or
*equivalent* (it cannot change any result, e.g. a mutated error-message string builder or a
``<`` for ``<=`` at a point that is never hit exactly). Equivalent mutants are listed by hand,
with the reason, in ``benchmarks/mutation/equivalent.toml``.

What runs:

* every module below, in a scratch copy of the repository (``git archive`` of ``--ref``, or
  the working tree with ``--ref WORKTREE``), so the checkout itself is never mutated;
* ``NUMBA_DISABLE_JIT=1``: njit kernels run as the Python that was mutated (with the JIT on,
  numba's on-disk cache could serve the unmutated machine code);
* ``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__`` in the copy, so a mutant is never
  shadowed by a stale ``.pyc`` of the original;
* per module, a fixed sample of ``--per-module`` mutants drawn with ``random.Random(SEED)``
  from cosmic-ray's work items sorted by (operator, occurrence), so the same source gives the
  same sample before and after new tests. ``core/RemoveDecorator`` is left out: with the JIT
  off, removing ``@njit`` changes nothing (equivalent by construction).

Command (from the repository root, with the ``mutation`` extra installed)::

    pip install -e ".[test,mutation]"
    python benchmarks/mutation/run.py --ref 09f6344 --label before     # the suite as it was
    python benchmarks/mutation/run.py --ref WORKTREE --label after      # the suite now
    python benchmarks/mutation/run.py --report                          # table of both

Options: ``--modules orc_kernels,boiler`` runs a subset; ``--per-module 25`` sets the sample.
Results go to ``benchmarks/mutation/results/<label>.json`` (killed, survived, timeouts and
each survivor's diff). On the 2-core development machine one mutant takes 5-40 s (one
pytest start-up, about 4 s, plus the module's tests, stopped at the first failure), so
11 modules x 12 mutants take roughly 40-60 minutes: too slow for ``.ci/run``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
EQUIVALENT = HERE / "equivalent.toml"
SEED = 19
PER_MODULE = 12
SKIP_OPERATORS = ("core/RemoveDecorator",)  # @njit off under NUMBA_DISABLE_JIT: no effect

# module key -> (source file, test files run against its mutants). The module file itself is
# passed too, so its doctests (run with --doctest-modules) count.
MODULES = {
    "isentropic": ("procsim/thermo/isentropic.py",
                   ["tests/test_isentropic.py", "tests/test_references_kernels.py"]),
    "hx_kernels": ("units/heat_exchanger/_kernels.py",
                   ["tests/test_heat_exchanger.py", "tests/test_heat_exchanger_engine.py",
                    "tests/test_references_kernels.py"]),
    "hx_counterflow": ("units/heat_exchanger/counterflow.py",
                       ["tests/test_heat_exchanger_engine.py", "tests/test_heat_exchanger_units.py",
                        "tests/test_references_kernels.py"]),
    "economics": ("procsim/accounting/economics.py",
                  ["tests/test_accounting_economics.py", "tests/test_references_accounting.py"]),
    "motors": ("units/motors/__init__.py",
               ["tests/test_motors.py", "tests/test_pumps_fans.py"]),
    "pumps": ("units/pumps/__init__.py",
              ["tests/test_pumps_fans.py"]),
    "steam_kernels": ("units/steam/kernels.py",
                      ["tests/test_steam_kernels.py", "tests/test_steam_properties.py",
                       "tests/test_references_kernels.py"]),
    "boiler": ("units/boiler.py",
               ["tests/test_boiler.py", "tests/test_references_boiler.py"]),
    "air_compressor": ("units/compressed_air/compressor.py",
                       ["tests/test_compressed_air_compressor.py", "tests/test_references_air.py"]),
    "orc_kernels": ("units/orc/kernels.py",
                    ["tests/test_orc_fast.py", "tests/test_orc_exact.py", "tests/test_references_orc.py"]),
    "orc_exact": ("units/orc/_exact.py",
                  ["tests/test_orc_exact.py", "tests/test_references_orc.py"]),
}


def _copy_tree(ref: str, dest: Path) -> None:
    """The repository at ``ref`` (a commit) or the working tree (``WORKTREE``) in ``dest``."""
    if ref == "WORKTREE":
        files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"],
                               check=True, capture_output=True).stdout.decode().split("\0")
        for f in filter(None, files):
            src = ROOT / f
            if src.is_file():
                (dest / f).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / f)
        return
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref],
                             check=True, capture_output=True).stdout
    tar_path = dest / ".src.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(dest, filter="data")
    tar_path.unlink()


def _pytest_args(source: str, tests: list[str], deselect=(), stop_first=True) -> list[str]:
    """pytest command for one module: its tests, then the module (its doctests). The module
    comes last so the tests import it by name first (with --import-mode=importlib a module
    collected by path first would be a second copy, with its own exception classes)."""
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "nojit_plugin",
            "--no-header", "-W", "ignore::DeprecationWarning"]
    if stop_first:
        args.append("-x")
    for node in deselect:
        args += ["--deselect", node]
    return args + list(tests) + [source]


def _work_items(copy: Path, key: str, source: str, tests: list[str], timeout: float, deselect=()):
    """cosmic-ray's session for one module: (db path, config path, sampled job ids)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    cmd = " ".join(shlex.quote(a) for a in _pytest_args(source, tests, deselect))
    cfg = copy / f"cr-{key}.toml"
    cfg.write_text(
        "[cosmic-ray]\n"
        f'module-path = "{source}"\n'
        f"timeout = {timeout}\n"
        "excluded-modules = []\n"
        f'test-command = "{cmd}"\n'
        "[cosmic-ray.distributor]\n"
        'name = "local"\n')
    db_path = copy / f"cr-{key}.sqlite"
    subprocess.run([sys.executable, "-m", "cosmic_ray.cli", "init", str(cfg), str(db_path)],
                   cwd=copy, check=True, capture_output=True)
    with use_db(str(db_path), WorkDB.Mode.open) as db:
        items = sorted(db.work_items, key=lambda w: (w.mutations[0].operator_name, w.mutations[0].occurrence))
        eligible = [w for w in items if w.mutations[0].operator_name not in SKIP_OPERATORS]
        rng = random.Random(SEED)
        picked = rng.sample(eligible, min(len(eligible), PER_MODULE_RUN))
        picked_ids = {w.job_id for w in picked}
        skipped = [w.job_id for w in items if w.job_id not in picked_ids]
        if skipped:
            db.set_multiple_results(skipped, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
    return db_path, cmd, picked, len(items), len(eligible)


def _diff_line(diff: str) -> str:
    """The mutated source line (first '+' line of the diff), the key equivalents are listed by."""
    for line in diff.splitlines():
        if line.startswith("+") and not line.startswith("+++"):
            return line[1:].strip()
    return ""


def _load_equivalent() -> dict:
    if not EQUIVALENT.is_file():
        return {}
    data = tomllib.loads(EQUIVALENT.read_text())
    return {(e["module"], e["mutated_line"]): e["reason"] for e in data.get("equivalent", [])}


def run_module(copy: Path, key: str, env: dict) -> dict:
    from cosmic_ray.mutating import mutate_and_test
    from cosmic_ray.work_db import WorkDB, use_db

    source, tests = MODULES[key]
    tests = [t for t in tests if (copy / t).is_file()]
    # baseline: the unmutated module must pass its tests; its time sets the timeout
    t0 = time.perf_counter()
    base = subprocess.run(_pytest_args(source, tests, stop_first=False), cwd=copy, env=env,
                          capture_output=True, text=True)
    base_s = time.perf_counter() - t0
    # tests that fail on the unmutated code with the JIT off (e.g. timing or compiled-code
    # checks) cannot judge a mutant: deselect them and record which
    deselect = re.findall(r"^(?:FAILED|ERROR) (\S+?)(?: - .*)?$", base.stdout, flags=re.M)
    if base.returncode not in (0, 1) or (base.returncode == 1 and not deselect):
        return {"module": key, "source": source, "error": "baseline tests fail",
                "output": base.stdout[-3000:]}
    timeout = max(60.0, 3.0 * base_s)
    db_path, cmd, picked, n_all, n_eligible = _work_items(copy, key, source, tests, timeout, deselect)
    equivalent = _load_equivalent()
    out = {"module": key, "source": source, "tests": tests, "mutants_in_module": n_all,
           "eligible": n_eligible, "sampled": len(picked), "baseline_s": round(base_s, 1),
           "deselected_without_jit": deselect,
           "killed": 0, "timeout": 0, "survived": 0, "equivalent": 0, "incompetent": 0,
           "survivors": []}
    cwd = os.getcwd()
    os.chdir(copy)
    saved_env = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    t_mod = time.perf_counter()
    try:
        with use_db(str(db_path), WorkDB.Mode.open) as db:
            for item in picked:
                res = mutate_and_test(item.mutations, cmd, timeout)
                db.set_result(item.job_id, res)
                m = item.mutations[0]
                tag = f"{m.operator_name}#{m.occurrence} line {m.start_pos[0]}"
                if res.worker_outcome.value != "normal":
                    out["incompetent"] += 1
                    print(f"  {key}: {tag}: {res.worker_outcome.value}", flush=True)
                    continue
                if res.test_outcome.value == "killed":
                    out["timeout" if res.output == "timeout" else "killed"] += 1
                    print(f"  {key}: {tag}: killed", flush=True)
                    continue
                line = _diff_line(res.diff or "")
                reason = equivalent.get((key, line))
                entry = {"operator": m.operator_name, "occurrence": m.occurrence,
                         "line": m.start_pos[0], "mutated_line": line, "diff": res.diff}
                if reason:
                    out["equivalent"] += 1
                    entry["equivalent"] = reason
                else:
                    out["survived"] += 1
                out["survivors"].append(entry)
                print(f"  {key}: {tag}: {'equivalent' if reason else 'SURVIVED'}: {line}", flush=True)
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    out["run_s"] = round(time.perf_counter() - t_mod, 1)
    return out


def _diff_lines(diff: str) -> tuple[str, str]:
    """(original line, mutated line) of a one-line cosmic-ray diff, without the +/- marks."""
    minus = [l[1:] for l in diff.splitlines() if l.startswith("-") and not l.startswith("---")]
    plus = [l[1:] for l in diff.splitlines() if l.startswith("+") and not l.startswith("+++")]
    return (minus[0], plus[0]) if minus and plus else ("", "")


def recheck(copy: Path, label: str, keys: list[str], env: dict) -> list[dict]:
    """Re-run the survivors of run ``label`` against the tests in ``copy``: each survivor's
    mutated line is put in place of its original line (found by text, so the check still
    works when lines above it moved) and the module's current test command runs."""
    saved = {r["module"]: r for r in json.loads((RESULTS / f"{label}.json").read_text())["modules"]}
    equivalent = _load_equivalent()
    out = []
    for key in keys:
        r = saved.get(key)
        if r is None or "error" in r:
            continue
        source, tests = MODULES[key]
        # the reference files first: with -x a killed mutant stops there, quickly
        tests = sorted((t for t in tests if (copy / t).is_file()), key=lambda t: "test_references_" not in t)
        path = copy / source
        original = path.read_text()
        row = {"module": key, "rechecked": 0, "killed": 0, "still_surviving": [], "equivalent": 0,
               "source_changed": []}
        for surv in r["survivors"]:
            if (key, surv["mutated_line"]) in equivalent:
                row["equivalent"] += 1
                continue
            old, new = _diff_lines(surv["diff"])
            lines = original.splitlines(keepends=True)
            at = [i for i, l in enumerate(lines) if l.rstrip("\n") == old]
            if len(at) > 1:  # the same text twice: take the occurrence nearest the recorded line
                at = [min(at, key=lambda i: abs(i + 1 - surv["line"]))]
            if not old or len(at) != 1:
                row["source_changed"].append(surv["mutated_line"])
                continue
            lines[at[0]] = new + "\n"
            path.write_text("".join(lines))
            try:
                t0 = time.perf_counter()
                res = subprocess.run(_pytest_args(source, tests), cwd=copy, env=env, capture_output=True, text=True)
                dt = time.perf_counter() - t0
            finally:
                path.write_text(original)
            row["rechecked"] += 1
            if res.returncode != 0:
                row["killed"] += 1
                failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", res.stdout, flags=re.M)
                print(f"  {key}: killed ({dt:.0f} s) by {failed[:3]}: {surv['mutated_line']}", flush=True)
            else:
                row["still_surviving"].append(surv["mutated_line"])
                print(f"  {key}: STILL SURVIVES: {surv['mutated_line']}", flush=True)
        out.append(row)
    return out


def _score(r: dict) -> str:
    dead = r["killed"] + r["timeout"]
    live = r["sampled"] - r["equivalent"] - r["incompetent"]
    return f"{100.0 * dead / live:.0f} %" if live else "-"


def _reclassify(r: dict) -> dict:
    """Survivors split again by the current equivalent.toml, so every run is scored alike."""
    if "error" in r:
        return r
    equivalent = _load_equivalent()
    eq = sum((r["module"], s["mutated_line"]) in equivalent for s in r["survivors"])
    return {**r, "equivalent": eq, "survived": len(r["survivors"]) - eq}


def report() -> str:
    """Markdown table: per module, each saved run (results/<label>.json) side by side."""
    order = {"before": 0, "after": 1}
    paths = sorted((p for p in RESULTS.glob("*.json") if not p.stem.startswith("recheck-")),
                   key=lambda p: (order.get(p.stem, 2), p.stem))
    runs = {path.stem: {r["module"]: _reclassify(r) for r in json.loads(path.read_text())["modules"]}
            for path in paths}
    head = "| module | " + " | ".join(f"{label}: killed / sampled, equivalent, survived (score)"
                                     for label in runs) + " |"
    lines = [head, "|---|" + "---|" * len(runs)]
    for key in MODULES:
        cells = []
        for label, mods in runs.items():
            r = mods.get(key)
            if r is None:
                cells.append("not run")
            elif "error" in r:
                cells.append(r["error"])
            else:
                cells.append(f"{r['killed'] + r['timeout']} / {r['sampled']}, {r['equivalent']}, {r['survived']} "
                             f"({_score(r)}; {r['run_s']:.0f} s)")
        lines.append(f"| {key} (`{MODULES[key][0]}`) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    global PER_MODULE_RUN
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="WORKTREE", help="commit to test, or WORKTREE (default)")
    parser.add_argument("--label", default="after", help="results/<label>.json")
    parser.add_argument("--modules", default=",".join(MODULES), help="comma-separated module keys")
    parser.add_argument("--per-module", type=int, default=PER_MODULE, help="mutants sampled per module")
    parser.add_argument("--report", action="store_true", help="print the table of saved results")
    parser.add_argument("--recheck", metavar="LABEL",
                        help="re-run only the survivors of results/LABEL.json against the tests of --ref")
    args = parser.parse_args(argv)
    if args.report:
        print(report())
        return 0
    PER_MODULE_RUN = args.per_module
    keys = [k for k in args.modules.split(",") if k]
    unknown = set(keys) - set(MODULES)
    if unknown:
        parser.error(f"unknown module(s) {sorted(unknown)}; known: {', '.join(MODULES)}")
    RESULTS.mkdir(exist_ok=True)
    result_path = RESULTS / f"{args.label}.json"
    if args.recheck:
        result_path = RESULTS / f"recheck-{args.recheck}.json"
    done = json.loads(result_path.read_text()) if result_path.is_file() else {"modules": []}
    done["modules"] = [r for r in done["modules"] if r["module"] not in keys]
    with tempfile.TemporaryDirectory(prefix="procsim-mutation-") as tmp:
        copy = Path(tmp)
        _copy_tree(args.ref, copy)
        shutil.copy2(HERE / "nojit_plugin.py", copy / "nojit_plugin.py")
        env = dict(os.environ, NUMBA_DISABLE_JIT="1", PYTHONDONTWRITEBYTECODE="1",
                   PYTHONPATH=str(copy), MPLBACKEND="Agg")
        if args.recheck:
            rows = recheck(copy, args.recheck, keys, env)
            path = RESULTS / f"recheck-{args.recheck}.json"
            old = json.loads(path.read_text())["modules"] if path.is_file() else []
            rows = [r for r in old if r["module"] not in keys] + rows
            path.write_text(json.dumps({"modules": rows}, indent=1))
            for r in rows:
                print(f"{r['module']}: {r['killed']} of {r['rechecked']} survivors now killed; "
                      f"{r['equivalent']} equivalent; still surviving {r['still_surviving']}; "
                      f"source changed {r['source_changed']}")
            return 0
        for key in keys:
            print(f"{key}: {MODULES[key][0]}", flush=True)
            r = run_module(copy, key, env)
            r["ref"] = args.ref
            done["modules"].append(r)
            result_path.write_text(json.dumps(done, indent=1))
            print(f"{key}: {_score(r) if 'error' not in r else r['error']}", flush=True)
    print(report())
    return 0


PER_MODULE_RUN = PER_MODULE

if __name__ == "__main__":
    sys.exit(main())
