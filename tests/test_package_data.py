"""Every data file of procsim, units and cases is shipped in a wheel (pyproject package-data)."""
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.unit
def test_every_non_python_file_matches_a_package_data_pattern():
    # an editable install reads the checkout, a wheel only what package-data lists: a file
    # left out works in development and fails after `pip install .` (as the compressed-air
    # M&V meter data once did)
    conf = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = conf.get("package-data", {})
    missing = []
    for pkg in ("procsim", "units", "cases"):
        root = REPO / pkg
        for path in root.rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".py", ".pyc"):
                continue
            rel = path.relative_to(root).as_posix()
            # setuptools globs are relative to the package folder, and a sub-package
            # (a folder with __init__.py) takes patterns relative to itself
            owners = [(pkg, rel)]
            parts = Path(rel).parts
            for k in range(1, len(parts)):
                sub = root.joinpath(*parts[:k])
                if (sub / "__init__.py").is_file():
                    owners.append((".".join((pkg,) + parts[:k]), "/".join(parts[k:])))
            if not any(fnmatch(r, pat) for owner, r in owners for pat in patterns.get(owner, [])
                       if pat.count("/") == r.count("/")):
                missing.append(f"{pkg}/{rel}")
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
