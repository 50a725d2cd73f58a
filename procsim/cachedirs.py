"""procsim's per-user cache folder, shared by the fluid tables and the compiled kernels.

``$XDG_CACHE_HOME/procsim`` if ``XDG_CACHE_HOME`` is set (and not empty), else
``~/.cache/procsim`` (XDG Base Directory Specification 0.8, "XDG_CACHE_HOME"). Kept free of
numpy and numba imports: :mod:`procsim.jitcache` needs it when ``procsim`` is imported.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["user_cache_dir"]


def user_cache_dir(xdg_cache_home: str | None = None) -> Path:
    """``<base>/procsim`` with ``<base>`` = ``xdg_cache_home`` (read from ``XDG_CACHE_HOME`` when
    None), or ``~/.cache`` when that is empty."""
    if xdg_cache_home is None:
        xdg_cache_home = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg_cache_home or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "procsim"
