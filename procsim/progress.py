"""Progress bars for long operations, and the switch that turns them off.

Operations that can take more than about 2 s (running cases, sweeps and Monte Carlo in chunks,
locally or as Dask futures, optimisation generations, report building, a first run that
compiles numba kernels) report through :func:`progress`. A bar is drawn with ``rich`` on
standard error only when it is a terminal; it is silent when output is piped or captured,
inside :func:`quiet` (the CLI's ``--quiet``), and for operations that finish in under
``delay`` seconds (no flicker for quick runs). Progress never goes to standard output, so
``--json`` output stays clean.

Messages that are not progress go to :mod:`logging` loggers named after their module
(``procsim.batch``, ``procsim.cli`` ...); procsim never configures logging itself, except
that the CLI shows warnings, or info with ``--verbose``.
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import sys
import time
from typing import Iterable, Iterator, TypeVar

__all__ = ["progress", "quiet", "enabled", "ProgressBar"]

T = TypeVar("T")
log = logging.getLogger(__name__)

#: None: automatic (a bar when stderr is a terminal); False: never.
_ENABLED: contextvars.ContextVar = contextvars.ContextVar("procsim_progress", default=None)


@contextlib.contextmanager
def quiet(on: bool = True):
    """Within this block no progress bar is drawn (``procsim --quiet`` wraps its command in it)."""
    token = _ENABLED.set(False if on else None)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def enabled(stream=None) -> bool:
    """Whether a bar would be drawn now: not inside :func:`quiet` and ``stream`` (stderr) is a TTY."""
    if _ENABLED.get() is False:
        return False
    stream = stream if stream is not None else sys.stderr
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class ProgressBar:
    """A bar advanced by hand (``update(n)``) for work that is not a plain loop.

    Draws nothing until ``delay`` seconds have passed (and only when :func:`enabled`); logs
    the total time at INFO level when closed.
    """

    def __init__(self, total: int | None, desc: str, unit: str = "item", delay: float = 2.0):
        self.total, self.desc, self.unit, self.delay = total, desc, unit, delay
        self.done = 0
        self._t0 = time.perf_counter()
        self._rich = None
        self._task = None
        self._on = enabled()
        import threading

        self._lock = threading.Lock()

    def _start(self):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        cols = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn()]
        if self.total:
            cols.append(TimeRemainingColumn())
        self._rich = Progress(*cols, console=Console(file=sys.stderr), transient=True)
        self._rich.start()
        self._task = self._rich.add_task(self.desc, total=self.total, completed=self.done)

    def update(self, n: int = 1, desc: str | None = None) -> None:
        self.done += n
        if desc is not None:
            self.desc = desc
        with self._lock:
            if self._on and self._rich is None and time.perf_counter() - self._t0 >= self.delay:
                self._start()
            if self._rich is not None:
                self._rich.update(self._task, completed=self.done, description=self.desc)

    def describe(self, desc: str) -> None:
        """Change the text beside the bar (e.g. the case now running) without advancing it."""
        self.update(0, desc)

    def close(self) -> None:
        with self._lock:
            self._on = False
            if self._rich is not None:
                self._rich.stop()
                self._rich = None
        log.info("%s: %d %s(s) in %.2f s", self.desc, self.done, self.unit, time.perf_counter() - self._t0)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def progress(iterable: Iterable[T], total: int | None = None, desc: str = "", unit: str = "item",
             delay: float = 2.0, label=None) -> Iterator[T]:
    """Yield from ``iterable`` while showing a bar (see module docstring for when one is drawn).

    ``label``: optional function item -> text shown beside the bar while that item is processed
    (e.g. the case id); the bar starts drawing after ``delay`` seconds, even during the first item.
    """
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)
    bar = ProgressBar(total, desc, unit, delay)
    if bar._on:
        # a first item can be slow (numba compiling): a timer starts the bar without waiting for it
        import threading

        timer = threading.Timer(delay, lambda: bar.update(0))
        timer.daemon = True
        timer.start()
    else:
        timer = None
    try:
        for item in iterable:
            if label is not None:
                bar.describe(f"{desc}: {label(item)}" if desc else str(label(item)))
            yield item
            bar.update(1)
    finally:
        if timer is not None:
            timer.cancel()
        bar.close()
