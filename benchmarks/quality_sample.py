"""Draw the reproducible 100-test sample used to classify what procsim's tests check.

The population is every ``test_*`` function (module level, or a method of a ``Test*``
class) in ``tests/*.py`` at a fixed commit, read with ``git show`` so the draw does not
change as tests are added. A parametrized test counts once. The draw is
``random.Random(SEED).sample`` over the population sorted by ``file::name``.

Usage::

    python benchmarks/quality_sample.py            # print the sample
    python benchmarks/quality_sample.py --check    # compare with docs/test_quality_sample.csv

The classification itself (INDEPENDENT / PROPERTY / SELF / WEAK, with a one-line reason
for each test, before and after) is written by hand in ``docs/test_quality_sample.csv``;
``--check`` confirms that the CSV holds exactly this draw and tallies the classes.
"""
from __future__ import annotations

import argparse
import ast
import csv
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_COMMIT = "09f6344"  # the suite as it stood when the classification was made
SEED = 19  # issue number; any fixed value gives a reproducible draw
SAMPLE_SIZE = 100
CSV_PATH = ROOT / "docs" / "test_quality_sample.csv"
CLASSES = ("INDEPENDENT", "PROPERTY", "SELF", "WEAK")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True,
                          capture_output=True, text=True).stdout


def population(commit: str = BASE_COMMIT) -> list[str]:
    """Every test function at ``commit`` as ``tests/file.py::[Class::]name``, sorted."""
    files = [f for f in _git("ls-tree", "--name-only", commit, "tests/").split()
             if Path(f).name.startswith("test_") and f.endswith(".py")]
    found = []
    for path in files:
        tree = ast.parse(_git("show", f"{commit}:{path}"))
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                    and node.name.startswith("test_"):
                found.append(f"{path}::{node.name}")
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                            and item.name.startswith("test_"):
                        found.append(f"{path}::{node.name}::{item.name}")
    return sorted(found)


def draw(commit: str = BASE_COMMIT, seed: int = SEED, size: int = SAMPLE_SIZE) -> list[str]:
    """The sample, in population order."""
    pop = population(commit)
    picked = set(random.Random(seed).sample(pop, size))
    return [t for t in pop if t in picked]


def check(csv_path: Path = CSV_PATH) -> int:
    sample = draw()
    with open(csv_path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    listed = [r["test"] for r in rows]
    if listed != sample:
        missing = sorted(set(sample) - set(listed))
        extra = sorted(set(listed) - set(sample))
        print(f"CSV does not hold the draw: missing {missing}, extra {extra}")
        return 1
    for when in ("before", "after"):
        tally = Counter(r[when] for r in rows)
        bad = set(tally) - set(CLASSES)
        if bad:
            print(f"unknown class in column {when!r}: {sorted(bad)}")
            return 1
        print(f"{when:>6}: " + ", ".join(f"{c} {tally.get(c, 0)}" for c in CLASSES))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the draw with docs/test_quality_sample.csv and tally it")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    pop = population()
    print(f"# {len(pop)} test functions at {BASE_COMMIT}; seed {SEED}")
    for test in draw():
        print(test)
    return 0


if __name__ == "__main__":
    sys.exit(main())
