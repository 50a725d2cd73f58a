"""procsim.jitcache: compiled kernels cached per user, out of date whenever any package file changes."""
import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from numba.core.dispatcher import Dispatcher

import procsim
import units
from procsim.jitcache import SourceTreeLocator, install, kernel_cache_root, package_roots, tree_digest

# A two-module package: ``outer`` (a.py) calls ``inner`` (b.py), both cached. numba links
# ``inner`` into ``outer``'s machine code, which is what makes a cached ``outer`` go stale.
_A = """
from numba import njit
from kpkg.b import inner

@njit(cache=True)
def outer(x):
    return inner(x) + 1.0
"""
_B = """
from numba import njit

@njit(cache=True)
def inner(x):
    return {factor} * x
"""
# Runs in a fresh process: prints outer(1.0) and whether outer came from the cache.
_RUN = """
import sys
from pathlib import Path
tree, cache, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if mode == "tree":
    from procsim.jitcache import SourceTreeLocator, install
    class Locator(SourceTreeLocator):
        roots = (tree / "kpkg",)
        cache_root = cache
    assert install(Locator)
sys.path.insert(0, str(tree))
from kpkg.a import outer
value = outer(1.0)
print(value, len(outer.stats.cache_hits), len(outer.stats.cache_misses))
"""


def _write_package(tree: Path, factor: float) -> None:
    (tree / "kpkg").mkdir(parents=True, exist_ok=True)
    (tree / "kpkg" / "__init__.py").write_text("")
    (tree / "kpkg" / "a.py").write_text(_A)
    (tree / "kpkg" / "b.py").write_text(_B.format(factor=factor))


def _run(tree: Path, cache: Path, mode: str) -> tuple[float, int, int]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cache.parent), "NUMBA_CACHE_DIR": str(cache)}
    out = subprocess.run([sys.executable, "-c", _RUN, str(tree), str(cache), mode], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    value, hits, misses = out.stdout.split()
    return float(value), int(hits), int(misses)


@pytest.mark.integration
def test_numbas_own_cache_keeps_a_callers_old_machine_code(tmp_path):
    # the hazard this module exists for, shown with numba's locator (NUMBA_CACHE_DIR): the
    # callee's module changes, the caller's does not, and the caller still returns the old
    # callee's result. If numba starts tracking callees, this test says the locator's
    # reason is gone.
    tree, cache = tmp_path / "src", tmp_path / "numba-cache"
    _write_package(tree, 10.0)
    assert _run(tree, cache, "numba")[0] == 11.0
    _write_package(tree, 20.0)
    assert _run(tree, cache, "numba")[0] == 11.0     # stale: 21.0 is right


@pytest.mark.integration
def test_a_changed_callee_recompiles_the_caller_and_a_copy_reuses_the_cache(tmp_path):
    tree, cache = tmp_path / "src", tmp_path / "kernel-cache"
    _write_package(tree, 10.0)
    assert _run(tree, cache, "tree") == (11.0, 0, 1)      # compiled and saved
    assert _run(tree, cache, "tree") == (11.0, 1, 0)      # loaded from the cache
    _write_package(tree, 20.0)
    assert _run(tree, cache, "tree") == (21.0, 0, 1)      # b.py changed: outer compiled again
    # the same sources in another folder (a second checkout, a new virtual environment)
    # find the kernels compiled for the first
    other = tmp_path / "elsewhere" / "src"
    shutil.copytree(tree, other, ignore=shutil.ignore_patterns("__pycache__"))
    assert _run(other, cache, "tree") == (21.0, 1, 0)
    assert not any((other / "kpkg").glob("__pycache__/*.nbi"))   # nothing cached in the tree


@pytest.mark.unit
def test_digest_follows_every_package_file_but_not_caches(tmp_path):
    root = tmp_path / "pkg"
    (root / "data").mkdir(parents=True)
    (root / "mod.py").write_text("X = 1\n")
    (root / "data" / "factors.csv").write_text("a,1\n")
    first = tree_digest((root,))
    tree_digest.cache_clear()
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "mod.outer-3.py311.nbi").write_bytes(b"index")
    (root / "mod.cpython-311.pyc").write_bytes(b"bytecode")
    assert tree_digest((root,)) == first                 # compiled caches are not sources
    tree_digest.cache_clear()
    (root / "data" / "factors.csv").write_text("a,2\n")  # a data file a kernel may freeze
    changed = tree_digest((root,))
    assert changed != first
    tree_digest.cache_clear()
    (root / "data" / "factors.csv").rename(root / "data" / "other.csv")
    assert tree_digest((root,)) != changed               # a renamed file changes it too
    tree_digest.cache_clear()


@pytest.mark.unit
def test_locator_serves_only_files_of_its_packages(tmp_path):
    outside = tmp_path / "user_script.py"
    outside.write_text("def f(x):\n    return x\n")

    def f(x):
        return x

    assert SourceTreeLocator.from_function(f, str(outside)) is None
    inside = Path(procsim.__file__).resolve().parent / "numerics.py"
    loc = SourceTreeLocator.from_function(f, str(inside))
    assert loc is not None
    assert Path(loc.get_cache_path()) == kernel_cache_root() / "procsim"
    assert loc.get_source_stamp() == tree_digest(package_roots())
    assert install() is True                             # already in place: no second entry
    from numba.core import caching
    assert caching.CacheImpl._locator_classes.count(SourceTreeLocator) == 1


def _cached_dispatchers():
    for pkg in (procsim, units):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if info.name.endswith(("__main__", ".cli")):
                continue
            mod = importlib.import_module(info.name)
            for name, obj in vars(mod).items():
                if (isinstance(obj, Dispatcher) and obj.__module__ == mod.__name__
                        and getattr(obj, "_cache", None) is not None and hasattr(obj._cache, "_impl")):
                    yield f"{mod.__name__}.{name}", obj


@pytest.mark.component
def test_every_cached_kernel_of_procsim_and_units_uses_the_locator():
    # catches a kernel module decorated before the locator was registered (a package
    # __init__ that stops importing procsim first) and a kernel cached in the source tree
    found = dict(_cached_dispatchers())
    assert len(found) > 100
    wrong = {name: type(d._cache._impl._locator).__name__ for name, d in found.items()
             if not isinstance(d._cache._impl._locator, SourceTreeLocator)}
    assert not wrong
    roots = {Path(d._cache._impl._locator.get_cache_path()).relative_to(kernel_cache_root()).parts[0]
             for d in found.values()}
    assert roots == {"procsim", "units"}
