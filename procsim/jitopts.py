"""numba options of kernels that take arrays but never allocate one.

A numba function compiled with its reference-counted memory management (NRT, the default)
increments and decrements the reference count of every array it receives, and of every
array inside a tuple it receives (``TableData``, the gas coefficient arrays), with an
atomic instruction on entry and exit. LLVM cannot remove these pairs across a call that is
not inlined, so a kernel that calls small property functions a few dozen times per point
spends much of its time on them: on the ORC design kernel, ``perf`` put half of all
samples in ``NRT_incref``/``NRT_decref``, and compiling the property and cycle kernels
without NRT took it from 88,000 to 390,000 designs/s on one core with bit-identical
numbers (``benchmarks/bench_orc.py``).

``_nrt=False`` is numba's target option for this (``numba.core.options``; numba's own test
suite compiles functions with it). Arrays passed in stay owned by the caller, so nothing
is freed early or leaked. A kernel that allocates (``np.empty``) or returns a new array
fails to compile without NRT (numba finds no implementation of the allocating function:
a typing error naming it; ``tests/test_jitopts.py``), so using these options where they
do not fit is a compile error, never a wrong number; such a kernel keeps ``cache=True``
alone.

Loops over points keep NRT: the calls inside them are where the counting was, and the
ORC batch loop measured faster with NRT than without (320,000 against 277,000 designs/s on
one core, 640,000-800,000 against 410,000-500,000 on two; same numbers), so the option is
used where it was measured to pay, not everywhere.
"""
from __future__ import annotations

__all__ = ["SCALAR_KERNEL"]

#: scalar kernels and helpers that read arrays but do not allocate
SCALAR_KERNEL = dict(cache=True, _nrt=False)
