"""On-disk cache of property tables (and an optional in-process memo, as an explicit object).

Where: ``$XDG_CACHE_HOME/procsim/tables`` if ``XDG_CACHE_HOME`` is set, else
``~/.cache/procsim/tables`` (XDG Base Directory Specification 0.8, "XDG_CACHE_HOME");
or any directory passed to :class:`TableCache`. One ``.npz`` file per table, named
``<fluid>-<backend>-<key>.npz`` (other characters than letters and digits in the
fluid name become "_") where ``key`` is the first 20 hex digits of the SHA-256
of the JSON of (fluid, backend, CoolProp version, grid spec, table format version), so
a new CoolProp release, another grid or a new table layout never reads an old file.
Files are written to a temporary file in the same directory and renamed into place
(``os.replace`` is atomic on POSIX and Windows), so a reader never sees half a file and
concurrent builders of the same table simply race to an identical result.

The memo (``TableCache(memo=True)``) keeps loaded tables in a dict owned by that cache
object, keyed by the same key, and also the ready :class:`FluidTable` objects, keyed by
fluid, backend and grid overrides (so a repeat ``fluid.table()`` skips even the grid
computation). :func:`shared_cache` is the one process-wide memoised cache of a directory:
``fluid.table()`` without ``cache=`` uses it, so every batch entry point of a process (and
each Dask worker process) reads a table from disk once and then finds it in memory. It is
an explicit object, keyed like the disk cache; :meth:`TableCache.forget` empties it.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import threading
from pathlib import Path

import numpy as np

from procsim.cachedirs import user_cache_dir
from procsim.thermo.tables.build import FORMAT_VERSION, GridSpec, TableData

__all__ = ["TableCache", "default_cache_dir", "table_key", "shared_cache"]


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/procsim/tables``, or ``~/.cache/procsim/tables``."""
    return _tables_dir(os.environ.get("XDG_CACHE_HOME") or "", os.environ.get("HOME") or "")


@functools.lru_cache(maxsize=16)
def _tables_dir(xdg_cache_home: str, home: str) -> Path:
    # keyed by the environment it reads, so a changed XDG_CACHE_HOME or HOME is honoured;
    # memoised because batch entry points look the directory up on every call
    return user_cache_dir(xdg_cache_home) / "tables"


def table_key(fluid_name: str, backend: str, coolprop_version: str, spec: GridSpec) -> dict:
    """Everything that changes a table's numbers (stored in the file and hashed into its name)."""
    return {"fluid": fluid_name, "backend": backend, "coolprop": coolprop_version,
            "grid": spec.as_dict(), "format": FORMAT_VERSION}


def _digest(key: dict) -> str:
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:20]


class TableCache:
    """A table store on disk (``directory``), optionally memoised in this object.

    Parameters
    ----------
    directory : folder for the ``.npz`` files (default :func:`default_cache_dir`).
    memo : also keep loaded tables in this object's dict (default False).
    """

    def __init__(self, directory: str | os.PathLike | None = None, memo: bool = False):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self._memo: dict[str, TableData] | None = {} if memo else None
        self._tables: dict[str, object] = {}
        # one loader at a time, so threads of one process load a table once
        self.lock = threading.RLock()

    def recall(self, request: str):
        """The FluidTable remembered for ``request`` (memoised caches only), or None."""
        return self._tables.get(request) if self._memo is not None else None

    def remember(self, request: str, table) -> None:
        """Keep ``table`` for ``request`` (a string naming fluid, backend and grid overrides)."""
        if self._memo is not None:
            self._tables[request] = table

    def forget(self) -> None:
        """Empty the in-memory memo (the files stay)."""
        if self._memo is not None:
            self._memo.clear()
        self._tables.clear()

    def __repr__(self) -> str:
        return f"TableCache({str(self.directory)!r}, memo={self._memo is not None})"

    def path(self, key: dict) -> Path:
        """File that holds the table with this key."""
        def clean(text):  # "R1233zd(E)" -> "R1233zd_E"
            return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")

        return self.directory / f"{clean(key['fluid'])}-{clean(key['backend'])}-{_digest(key)}.npz"

    def get(self, key: dict) -> TableData | None:
        """The stored table for ``key``, or None (missing, unreadable or another key inside)."""
        digest = _digest(key)
        if self._memo is not None and digest in self._memo:
            return self._memo[digest]
        path = self.path(key)
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as z:
                if json.loads(str(z["key"])) != json.loads(json.dumps(key, sort_keys=True)):
                    return None
                fields = {}
                for name in TableData._fields:
                    v = z[name]
                    fields[name] = (float(v) if v.ndim == 0
                                    else np.ascontiguousarray(v, dtype=np.float64))
        except (OSError, ValueError, KeyError):
            return None  # a damaged file is rebuilt and replaced
        data = TableData(**fields)
        if self._memo is not None:
            self._memo[digest] = data
        return data

    def put(self, key: dict, data: TableData) -> Path:
        """Write ``data`` atomically (temporary file + rename) and return its path."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path(key)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, key=np.array(json.dumps(key, sort_keys=True)),
                         **{name: np.asarray(getattr(data, name)) for name in TableData._fields})
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        if self._memo is not None:
            self._memo[_digest(key)] = data
        return path


_SHARED: dict[Path, TableCache] = {}
_SHARED_LOCK = threading.Lock()


def shared_cache(directory: str | os.PathLike | None = None) -> TableCache:
    """The process-wide memoised :class:`TableCache` of ``directory`` (default
    :func:`default_cache_dir`, looked up on each call so that ``XDG_CACHE_HOME`` is honoured).

    Tables loaded through it stay in memory for the life of the process.
    """
    path = Path(directory) if directory is not None else default_cache_dir()
    with _SHARED_LOCK:
        cache = _SHARED.get(path)
        if cache is None:
            cache = _SHARED[path] = TableCache(path, memo=True)
        return cache
