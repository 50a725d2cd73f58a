"""When an elementwise array kernel runs on numba's threads, and what its two loops share.

procsim's elementwise kernels (exchanger ratings and sizing, stack losses, available heat,
boiler efficiency by the heat-loss method, fluid-table look-ups) come as two loops over one
per-point body: a serial loop, and a ``parallel=True`` loop over fixed groups of
:data:`GROUP` points. Each group runs the same body on its own range (and its own scratch
arrays), and reports the first point it could not compute, so both loops give the same
numbers bit for bit and name the same first bad point, whatever the thread count.

The wrappers take the parallel loop for :data:`PARALLEL_MIN_POINTS` points or more when
numba has more than one thread; ``procsim.batch.numba_threads(1)`` (or ``NUMBA_NUM_THREADS=1``)
keeps them serial, and ``numba_threads(k)`` sets the thread count for the calls it encloses.
"""
from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["PARALLEL_MIN_POINTS", "GROUP", "use_parallel", "group_count", "first_flagged"]

#: Inputs with at least this many points use the parallel loop; below it, starting numba's
#: threads costs more than it saves (measured on the 2-core reference machine: about 20 us
#: per call, the time of 200-1,000 points of these kernels).
PARALLEL_MIN_POINTS = 20_000

#: Points per group of a parallel loop: large enough that a group's scratch allocation and
#: scheduling are negligible, small enough that two threads share the work evenly.
GROUP = 4096


def use_parallel(n: int, threads: int | None = None) -> bool:
    """True when ``n`` points should run on the parallel loop: ``n >= PARALLEL_MIN_POINTS``,
    ``threads`` not 1, and (``threads`` None) numba set to more than one thread."""
    if threads == 1 or n < PARALLEL_MIN_POINTS:
        return False
    if threads is not None:
        return True
    import numba

    return numba.get_num_threads() > 1


@njit(cache=True)
def group_count(n):
    """Number of :data:`GROUP`-point groups covering ``n`` points."""
    return (n + GROUP - 1) // GROUP


@njit(cache=True)
def first_flagged(bad):
    """The first non-negative entry of the groups' first-bad indices (groups in order), or -1."""
    for g in range(bad.size):
        if bad[g] >= 0:
            return bad[g]
    return np.int64(-1)
