"""Where numba keeps procsim's compiled kernels, and when a compiled kernel is out of date.

numba's own cache (``@njit(cache=True)``) checks a compiled kernel against the one source
file that defines it, and keeps it in ``__pycache__`` beside that file. Two consequences for
procsim, whose kernels call one another across modules:

* **stale machine code**: numba links a called kernel (a property table look-up, a gas
  enthalpy, the isentropic relation) into the caller's compiled code. After the callee's
  module changes (``git pull``, a new release, an edit) the caller's file is unchanged, so
  numba loads the old code, with the old callee inside, without error (numba documentation,
  "Notes on Caching": only the function's own file is checked). ``tests/test_jitcache.py``
  shows it happen with numba's locator.
* **a fresh checkout compiles everything again**: the cache lives in the checkout, so a new
  clone or a reinstall in a new virtual environment starts empty (about 20-25 s of
  compilation before the first ``procsim cases`` on the 2-core reference machine).

:class:`SourceTreeLocator` replaces numba's locator for kernels defined under the ``procsim``
and ``units`` packages. Its source stamp is the SHA-256 of every file of both packages
(sources and data files; compiled caches excluded), so any change to either package makes
every cached kernel out of date, and a kernel is never loaded with an old callee inside. The
cache lives per user, addressed by the file's path *inside* its package, so another checkout
or virtual environment holding the same sources finds it. Where: ``$NUMBA_CACHE_DIR/procsim``
when ``NUMBA_CACHE_DIR`` is set, else ``$XDG_CACHE_HOME/procsim/numba`` (default
``~/.cache/procsim/numba``; XDG Base Directory Specification 0.8). Deleting that folder is
always safe. numba's data inside are keyed, as always, by signature and CPU, so one folder
serves machines of different kinds (a shared home directory).

The locator is registered once, when ``procsim`` is imported (``units`` imports ``procsim``
first): numba picks a kernel's locator when the kernel is decorated, so it must be in place
before any kernel module is imported. It is inserted at the front of numba's list of locator
classes and answers only for files under the two packages, so other packages' kernels are
cached exactly as before. An explicit ``NUMBA_CACHE_LOCATOR_CLASSES`` (numba's own setting)
takes precedence. If a numba release drops the list this extends, :func:`install` returns
False and numba's own caching applies; the run-time probes of :mod:`procsim.jitcheck` still
guard the ORC and steam batch kernels in that case.

The stamp is computed once per process (about 5 ms for ~180 files, 2.2 MB): a kernel module
imported after its source was edited in the same process is stamped with the tree as it was
at the first look, and the next process, seeing another stamp, compiles it again.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path

from procsim.cachedirs import user_cache_dir

__all__ = ["SourceTreeLocator", "install", "package_roots", "tree_digest", "kernel_cache_root"]

#: folders never part of the stamp: compiled caches, version control and test artefacts
_SKIP_DIRS = frozenset({"__pycache__", ".git", ".pytest_cache", ".hypothesis", ".mypy_cache"})
#: file suffixes never part of the stamp (compiled Python and numba's own cache files)
_SKIP_SUFFIXES = (".pyc", ".pyo", ".nbi", ".nbc")


@lru_cache(maxsize=1)
def package_roots() -> tuple[Path, ...]:
    """The folders of the ``procsim`` and ``units`` packages (``units`` located, not imported)."""
    roots = [Path(__file__).resolve().parent]
    spec = importlib.util.find_spec("units")
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(p).resolve() for p in spec.submodule_search_locations)
    return tuple(dict.fromkeys(roots))


@lru_cache(maxsize=8)
def tree_digest(roots: tuple[Path, ...]) -> str:
    """SHA-256 (hex) over the relative path and bytes of every file under ``roots``, in a fixed
    order; what :class:`SourceTreeLocator` stamps each cached kernel with."""
    h = hashlib.sha256()
    for root in roots:
        h.update(root.name.encode() + b"\0")
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith(_SKIP_SUFFIXES) or name.startswith("."):
                    continue
                path = Path(dirpath) / name
                h.update(path.relative_to(root).as_posix().encode() + b"\0")
                h.update(path.read_bytes())
                h.update(b"\0")
    return h.hexdigest()


def kernel_cache_root() -> Path:
    """``$NUMBA_CACHE_DIR/procsim`` if numba's cache folder is set, else
    ``$XDG_CACHE_HOME/procsim/numba`` (``~/.cache/procsim/numba`` when that is unset)."""
    from numba.core import config

    if config.CACHE_DIR:
        return Path(config.CACHE_DIR) / "procsim"
    return user_cache_dir() / "numba"


def _locator_base():
    from numba.core import caching

    return caching._CacheLocator


class SourceTreeLocator(_locator_base()):
    """numba cache locator for kernels of the ``procsim`` and ``units`` packages.

    Cache folder: ``kernel_cache_root() / <package> / <sub-package path>``; source stamp:
    :func:`tree_digest` of :attr:`roots`. A subclass may set :attr:`roots` and
    :attr:`cache_root` to serve another source tree (the tests do).
    """

    #: package folders served; None means :func:`package_roots`
    roots: tuple[Path, ...] | None = None
    #: cache folder; None means :func:`kernel_cache_root`
    cache_root: Path | None = None

    def __init__(self, py_func, root: Path, relative_dir: Path):
        self._lineno = py_func.__code__.co_firstlineno
        base = self.cache_root if self.cache_root is not None else kernel_cache_root()
        self._roots = self._served_roots()
        self._cache_path = str(Path(base) / root.name / relative_dir)

    @classmethod
    def _served_roots(cls) -> tuple[Path, ...]:
        return tuple(cls.roots) if cls.roots is not None else package_roots()

    def get_cache_path(self):
        return self._cache_path

    def get_source_stamp(self):
        return tree_digest(self._roots)

    def get_disambiguator(self):
        # as numba's own locators: functions of one file told apart by their first line
        return str(self._lineno)

    @classmethod
    def from_function(cls, py_func, py_file):
        try:
            path = Path(py_file).resolve()
        except (OSError, RuntimeError):
            return None
        for root in cls._served_roots():
            if path.is_relative_to(root) and path.is_file():
                self = cls(py_func, root, path.parent.relative_to(root))
                try:
                    self.ensure_cache_path()
                except OSError:
                    return None     # not writable: numba's next locator is tried
                return self
        return None


def install(locator: type = SourceTreeLocator) -> bool:
    """Put ``locator`` first in numba's locator classes (once; True if it is there).

    Returns False, changing nothing, when this numba has no such list.
    """
    from numba.core import caching

    # ``CacheImpl`` in numba >= 0.55, ``_CacheImpl`` before
    impl = getattr(caching, "CacheImpl", None) or getattr(caching, "_CacheImpl", None)
    classes = getattr(impl, "_locator_classes", None)
    if not isinstance(classes, list):
        return False
    if locator not in classes:
        classes.insert(0, locator)
    return True
