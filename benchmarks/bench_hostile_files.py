"""Time and memory to refuse hostile claim files (the "billion laughs" YAML, 10 MB of junk).

Each file is refused by ``procsim.accounting.claims.load_claim`` in a fresh process, so the
peak resident memory (``ru_maxrss``) covers the refusal only, next to a well-formed claim
for reference. Prints one line per file; ``--json FILE`` keeps the numbers.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
import hostile_inputs as H
from procsim.accounting.claims import load_claim
path = H.write_hostile_file({kind!r})
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
t0 = time.perf_counter()
try:
    load_claim(path)
    outcome = "accepted"
except ValueError as exc:
    outcome = "refused: " + str(exc)[:90]
dt = time.perf_counter() - t0
peak = tracemalloc.get_traced_memory()[1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([{kind!r}, path.stat().st_size, dt, peak, rss - base, rss, outcome]))
"""


def measure(kind: str):
    code = _CHILD.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), kind=kind)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return tuple(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json")
    ap.add_argument("--quick", action="store_true", help="accepted for the benchmark runner; every run is quick")
    args = ap.parse_args(argv)
    rows = []
    # ratio: time and RSS growth of each hostile file against the well-formed claim's
    print(f"{'file':18s} {'bytes':>10s} {'time s':>8s} {'x good':>8s} {'py peak MB':>10s} {'RSS +MB':>8s}  outcome")
    good_dt = None
    for kind in ("good", "alias_bomb", "junk_10mb_toml", "junk_10mb_binary", "deep_yaml", "deep_json"):
        k, size, dt, peak, drss, rss, outcome = measure(kind)
        rows.append({"file": k, "bytes": size, "seconds": dt, "python_peak_bytes": peak,
                     "rss_growth_kb": drss, "outcome": outcome})
        good_dt = dt if good_dt is None else good_dt
        print(f"{k:18s} {size:10d} {dt:8.4f} {dt / good_dt:7.1f}x {peak / 2**20:10.3f} {drss / 1024:8.1f}  {outcome}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
