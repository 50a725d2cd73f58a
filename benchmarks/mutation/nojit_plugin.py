"""pytest plugin for mutation runs under ``NUMBA_DISABLE_JIT=1``.

With the JIT off, ``@njit`` returns the plain Python function, which has no ``py_func`` (the
attribute tests and :mod:`procsim.jitcheck` use to compare a compiled kernel with its Python
version). This plugin, loaded with ``-p nojit_plugin`` before procsim is imported, makes
``njit``/``jit`` give the function ``py_func`` (itself) and a no-op ``recompile``, so those
comparisons run (trivially equal) instead of failing with AttributeError. Only used by
``benchmarks/mutation/run.py``; it changes nothing when the JIT is on.
"""
import os

if os.environ.get("NUMBA_DISABLE_JIT") == "1":
    import numba
    from numba.core import decorators

    _jit = decorators.jit

    def _mark(fn):
        try:
            fn.py_func = fn
            fn.recompile = lambda: None
        except (AttributeError, TypeError):
            pass
        return fn

    def jit(*args, **kwargs):
        res = _jit(*args, **kwargs)
        if args and callable(args[0]) and res is args[0]:
            return _mark(res)
        if callable(res):
            return lambda fn: _mark(res(fn))
        return res

    decorators.jit = jit
    numba.jit = jit
