"""Sweeps, Monte Carlo and optimisation over vectorised models, locally or on Dask.

A *model* here is any callable taking numpy arrays as keyword arguments (broadcasting like
numpy) and returning a dict of equally long arrays (or one array). procsim's batch paths
(ORC cycles, exchanger ratings, compressed-air years, stack losses ...) have that form, so
a sweep of a million points is a handful of kernel calls.

Reproducibility: scenarios are cut into fixed-size chunks; chunk *i* draws its random
numbers from ``numpy.random.SeedSequence(seed).spawn(n_chunks)[i]``. The chunking does not
depend on the engine, so ``engine="local"`` and ``engine="dask"`` give identical numbers for
the same seed (tested).

Engines: ``"local"`` runs chunks in this process (the kernels themselves may use numba's
threads); ``"dask"`` submits chunks to a ``dask.distributed.Client`` (pass ``client=``; a
LocalCluster or a real cluster). Dask is an optional dependency (``pip install procsim[dask]``).
"""
from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np

from procsim.progress import ProgressBar, progress
from procsim.validation import (as_array, as_float, check_choice, check_int, check_nonnegative,
                                check_positive, check_range, short_repr)

__all__ = ["numba_threads", "ParquetResult", "map_files", "grid", "sweep", "Normal", "Uniform", "Triangular", "LogNormal", "Fixed",
           "monte_carlo", "MonteCarloResult", "optimise", "ENGINES"]

ENGINES = ("local", "dask")
#: least probability mass a truncated Normal window may hold (rejection sampling would
#: otherwise never finish); an assumed floor, 1 in a million draws accepted
_MIN_TRUNCATED_MASS = 1.0e-6


def _bound(name: str, value) -> float:
    """A truncation bound: a number, +/-inf allowed (no truncation), NaN refused."""
    try:
        v = None if isinstance(value, (bool, np.bool_)) else float(value)
    except (TypeError, ValueError, OverflowError):
        v = None
    if v is None or math.isnan(v):
        raise ValueError(f"{name} must be a number or +/-inf; got {short_repr(value)}")
    return v


@contextmanager
def numba_threads(threads: int | None):
    """Run the enclosed numba ``parallel=True`` kernels on ``threads`` threads.

    ``None`` leaves numba's setting as it is (all cores, or ``NUMBA_NUM_THREADS``). The
    count is set with ``numba.set_num_threads``, which applies to the calling thread only,
    and restored on exit, so concurrent callers (Dask worker threads) do not disturb each
    other. Every parallel kernel in procsim computes each point with the same scalar code
    as its serial twin, so the thread count never changes a number.
    """
    if threads is None:
        yield
        return
    import numba

    limit = numba.config.NUMBA_NUM_THREADS
    if not (isinstance(threads, (int, np.integer)) and 1 <= threads <= limit):
        raise ValueError(f"threads must be an integer in [1, {limit}] (numba's thread pool); "
                         f"got {threads!r}")
    previous = numba.get_num_threads()
    numba.set_num_threads(int(threads))
    try:
        yield
    finally:
        numba.set_num_threads(previous)


def grid(**axes) -> dict[str, np.ndarray]:
    """Cartesian product of 1-D axes, flattened: ``grid(a=[1, 2], b=[3, 4, 5])`` -> 6 points."""
    if not axes:
        raise ValueError("grid() needs at least one axis")
    names = list(axes)
    arrays = []
    for n in names:
        a = np.atleast_1d(as_array(f"axis {n!r}", axes[n]))
        if a.ndim != 1 or a.size == 0:
            raise ValueError(f"axis {n!r} must be a non-empty 1-D sequence; got shape {a.shape}")
        arrays.append(a)
    mesh = np.meshgrid(*arrays, indexing="ij")
    return {n: m.ravel() for n, m in zip(names, mesh)}


def _column(v, n: int) -> np.ndarray:
    a = np.asarray(v, dtype=np.float64)
    if a.shape == (n,):
        return a  # already a column: no copy (a chunk's peak memory is its own arrays)
    return np.broadcast_to(a, (n,)).copy()


def _as_columns(out, n: int) -> dict[str, np.ndarray]:
    if isinstance(out, Mapping):
        return {k: _column(v, n) for k, v in out.items()}
    return {"value": _column(out, n)}


def _chunks(n: int, chunk_size: int):
    return [(i, min(i + chunk_size, n)) for i in range(0, n, chunk_size)]


def _run_chunk(model, inputs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    n = len(next(iter(inputs.values())))
    return _as_columns(model(**inputs), n)


@dataclass(frozen=True)
class ParquetResult:
    """Where a study streamed its rows: a directory of Parquet partitions (one per chunk).

    ``path`` [directory], ``rows`` (total), ``partitions`` (file names in chunk order),
    ``columns``. ``read()`` loads them as one pandas DataFrame (``pyarrow`` needed);
    Dask, pandas and pyarrow read the directory directly.
    """

    path: str
    rows: int
    partitions: tuple
    columns: tuple

    def read(self):
        import pyarrow.parquet as pq

        return pq.read_table(self.path).to_pandas()


def _part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def _write_part(directory: str, index: int, columns: dict[str, np.ndarray]) -> tuple[int, tuple]:
    """Write one chunk as ``part-<index>.parquet`` (temporary name + rename: never half a file)."""
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq

    name = _part_name(index)
    tmp = os.path.join(directory, f".{name}.tmp")
    pq.write_table(pa.table(columns), tmp)
    os.replace(tmp, os.path.join(directory, name))
    return len(next(iter(columns.values()))), tuple(columns)


def _prepare_output(output) -> str:
    import os

    path = os.path.abspath(os.fspath(output))
    os.makedirs(path, exist_ok=True)
    stale = [f for f in os.listdir(path) if f.startswith("part-") and f.endswith(".parquet")]
    if stale:
        raise ValueError(f"output directory {path} already holds {len(stale)} Parquet partitions "
                         "(part-*.parquet); choose an empty directory")
    return path


def _run_tasks(engine: str, client, fn, tasks: list[tuple], desc: str, on_result) -> None:
    """Call ``fn(*task)`` for every task, locally or on Dask, and ``on_result(i, result)`` as
    each finishes.

    On Dask at most twice as many tasks as the cluster has worker threads are in flight, and
    each result is released once handed over: neither the workers nor the client ever hold
    more than a window of chunks, whatever the study's size.
    """
    if engine == "local":
        for i, task in progress(list(enumerate(tasks)), desc=desc, unit="chunk"):
            on_result(i, fn(*task))
        return
    if client is None:
        raise ValueError("engine='dask' needs client=dask.distributed.Client(...)")
    from dask.distributed import as_completed

    window = max(2, 2 * sum(client.nthreads().values()))
    pending = iter(enumerate(tasks))
    index = {}

    def submit():
        for i, task in pending:
            fut = client.submit(fn, *task, pure=False)
            index[fut] = i
            return fut
        return None

    first = [f for f in (submit() for _ in range(window)) if f is not None]
    done = as_completed(first)
    for fut in progress(done, total=len(tasks), desc=f"{desc} on dask", unit="chunk"):
        on_result(index.pop(fut), fut.result())
        fut.release()
        nxt = submit()
        if nxt is not None:
            done.add(nxt)


def _sweep_part(model, inputs, axis_names, directory, i):
    cols = {k: inputs[k] for k in axis_names}
    cols.update(_run_chunk(model, inputs))
    return _write_part(directory, i, cols)


def sweep(model: Callable, axes: Mapping[str, object], *, fixed: Mapping[str, float] | None = None,
          engine: str = "local", client=None, chunk_size: int = 250_000, output=None):
    """Evaluate ``model`` on the grid of ``axes`` (plus ``fixed`` scalars); returns a DataFrame.

    Columns: the axes, then the model's outputs. With ``output`` (a directory) every chunk is
    written as a Parquet partition where it was computed (on the Dask worker) and a
    :class:`ParquetResult` is returned instead: nothing is gathered to the client.
    """
    import pandas as pd

    check_choice("engine", engine, ENGINES)
    check_int("chunk_size", chunk_size, 1)
    pts = grid(**axes)
    n = len(next(iter(pts.values())))
    fixed = dict(fixed or {})
    spans = _chunks(n, int(chunk_size))
    pieces = [{**{k: v[a:b] for k, v in pts.items()}, **fixed} for a, b in spans]
    if output is not None:
        path = _prepare_output(output)
        columns = {}

        def keep(i, result):
            columns[i] = result[1]

        _run_tasks(engine, client, _sweep_part,
                   [(model, piece, tuple(pts), path, i) for i, piece in enumerate(pieces)],
                   "sweep", keep)
        return ParquetResult(path, n, tuple(_part_name(i) for i in range(len(spans))), columns[0])
    cols = {k: v for k, v in pts.items()}

    def place(i, out):
        a, b = spans[i]
        for key, v in out.items():
            if key not in cols:
                cols[key] = np.empty(n)  # preallocated: no concatenation, no second copy
            cols[key][a:b] = v

    _run_tasks(engine, client, _run_chunk, [(model, p) for p in pieces], "sweep", place)
    return pd.DataFrame(cols)


def _file_rows(function, paths):
    import pandas as pd

    rows = []
    for path in paths:
        try:
            row = {"path": str(path), "error": "", **function(path)}
        except ValueError as exc:  # a bad file is a finding about that file, not a failed study
            row = {"path": str(path), "error": str(exc)}
        rows.append(row)
    return pd.DataFrame(rows)


def _file_part(function, paths, directory, i):
    frame = _file_rows(function, paths)
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq

    name = _part_name(i)
    tmp = os.path.join(directory, f".{name}.tmp")
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)
    os.replace(tmp, os.path.join(directory, name))
    return len(frame), tuple(frame.columns)


def map_files(function: Callable, paths, *, engine: str = "local", client=None, chunk_size: int = 500,
              output=None):
    """Apply ``function(path) -> dict of scalars`` to every file of a fleet (claim files, plant
    variants), locally or on Dask, in chunks of ``chunk_size`` files.

    Returns a DataFrame with one row per file, in the order of ``paths``: ``path``, ``error``
    (the ValueError message for a file that could not be processed, else "") and the
    function's fields. With ``output`` (a directory) each chunk is written as a Parquet
    partition where it ran and a :class:`ParquetResult` is returned. ``function`` must be
    picklable for Dask (a module-level function).
    """
    import pandas as pd

    check_choice("engine", engine, ENGINES)
    paths = [str(p) for p in paths]
    if not paths:
        raise ValueError("paths must name at least one file")
    spans = _chunks(len(paths), int(chunk_size))
    if output is not None:
        path = _prepare_output(output)
        columns = {}

        def keep(i, result):
            columns[i] = result[1]

        _run_tasks(engine, client, _file_part, [(function, paths[a:b], path, i) for i, (a, b) in enumerate(spans)],
                   "files", keep)
        return ParquetResult(path, len(paths), tuple(_part_name(i) for i in range(len(spans))), columns[0])
    parts: list = [None] * len(spans)

    def place(i, frame):
        parts[i] = frame

    _run_tasks(engine, client, _file_rows, [(function, paths[a:b]) for a, b in spans], "files", place)
    return pd.concat(parts, ignore_index=True)


# ----------------------------------------------------------------------- distributions
@dataclass(frozen=True)
class Normal:
    """Normal distribution (mean, standard deviation); optional truncation [low, high] by rejection."""

    mean: float
    sd: float
    low: float = -math.inf
    high: float = math.inf

    def __post_init__(self):
        mean = as_float("Normal mean", self.mean)
        sd = check_nonnegative("Normal sd", self.sd)
        low, high = (_bound("Normal low", self.low), _bound("Normal high", self.high))
        if not (low < high):
            raise ValueError(f"Normal low must be < high; got low={self.low!r}, high={self.high!r}")
        # truncation by rejection: refuse a window the distribution (almost) never reaches,
        # which would loop for ever (assumed floor: 1e-6 of the probability mass)
        if sd == 0.0:
            mass = 1.0 if low <= mean <= high else 0.0
        else:
            z = 1.0 / (sd * math.sqrt(2.0))
            mass = 0.5 * (math.erf((high - mean) * z) - math.erf((low - mean) * z))
        if not mass >= _MIN_TRUNCATED_MASS:
            raise ValueError(f"Normal truncation [{low!r}, {high!r}] holds {mass:.3g} of the "
                             f"probability of Normal({mean!r}, {sd!r}); it must hold at least "
                             f"{_MIN_TRUNCATED_MASS:g}")

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        out = rng.normal(self.mean, self.sd, n)
        bad = (out < self.low) | (out > self.high)
        while bad.any():
            out[bad] = rng.normal(self.mean, self.sd, int(bad.sum()))
            bad = (out < self.low) | (out > self.high)
        return out


@dataclass(frozen=True)
class Uniform:
    low: float
    high: float

    def __post_init__(self):
        low, high = as_float("Uniform low", self.low), as_float("Uniform high", self.high)
        if not (low <= high):
            raise ValueError(f"Uniform low must be <= high; got low={self.low!r}, high={self.high!r}")
        as_float("Uniform high - low", high - low)  # finite width (numpy refuses 1e308 - -1e308)

    def sample(self, rng, n):
        return rng.uniform(self.low, self.high, n)


@dataclass(frozen=True)
class Triangular:
    """Triangular (low, mode, high): the usual engineering three-point estimate."""

    low: float
    mode: float
    high: float

    def __post_init__(self):
        for k in ("low", "mode", "high"):
            as_float(f"Triangular {k}", getattr(self, k))
        as_float("Triangular high - low", self.high - self.low)
        if not (self.low <= self.mode <= self.high and self.low < self.high):
            raise ValueError(f"need low <= mode <= high and low < high; got "
                             f"({self.low!r}, {self.mode!r}, {self.high!r})")

    def sample(self, rng, n):
        return rng.triangular(self.low, self.mode, self.high, n)


@dataclass(frozen=True)
class LogNormal:
    """Log-normal given the median and the geometric standard deviation (>= 1)."""

    median: float
    gsd: float

    def __post_init__(self):
        check_positive("LogNormal median", self.median)
        check_range("LogNormal gsd", self.gsd, 1.0, None)
        if not (self.median > 0 and self.gsd >= 1.0):
            raise ValueError(f"need median > 0 and gsd >= 1; got median={self.median!r}, gsd={self.gsd!r}")

    def sample(self, rng, n):
        return rng.lognormal(math.log(self.median), math.log(self.gsd), n)


@dataclass(frozen=True)
class Fixed:
    value: float

    def __post_init__(self):
        as_float("Fixed value", self.value)

    def sample(self, rng, n):
        return np.full(n, float(self.value))


@dataclass(frozen=True)
class MonteCarloResult:
    """Samples and outputs of a Monte Carlo run (columns of equal length) and the seed used."""

    inputs: Mapping[str, np.ndarray]
    outputs: Mapping[str, np.ndarray]
    seed: int

    def __repr__(self) -> str:
        n = len(next(iter(self.outputs.values()))) if self.outputs else 0
        return (f"MonteCarloResult({n:,} scenarios, seed {self.seed}, inputs {list(self.inputs)}, "
                f"outputs {list(self.outputs)})")

    def to_frame(self):
        """Every scenario as a DataFrame row: the drawn inputs, then the outputs."""
        import pandas as pd

        return pd.DataFrame({**self.inputs, **self.outputs})

    def percentiles(self, q=(5, 50, 95)):
        """DataFrame of output percentiles (rows: outputs, columns: P5, P50, ...)."""
        import pandas as pd

        return pd.DataFrame({f"P{p:g}": {k: float(np.percentile(v, p)) for k, v in self.outputs.items()}
                             for p in q})

    def probability(self, output: str, threshold: float, above: bool = True) -> float:
        """Share of scenarios whose ``output`` is above (or below) ``threshold``."""
        v = self.outputs[output]
        return float(np.mean(v > threshold if above else v < threshold))


def _draw(distributions, seed_seq, n):
    rng = np.random.default_rng(seed_seq)
    # draw in a fixed (sorted) order so that adding a parameter's name never reorders the others
    return {k: distributions[k].sample(rng, n) for k in sorted(distributions)}


def _mc_chunk(model, distributions, seed_seq, n, fixed):
    inputs = _draw(distributions, seed_seq, n)
    out = _as_columns(model(**inputs, **fixed), n)
    return inputs, out


def _mc_part(model, distributions, seed_seq, n, fixed, directory, i):
    inputs, out = _mc_chunk(model, distributions, seed_seq, n, fixed)
    clash = sorted(set(inputs) & set(out))
    if clash:
        raise ValueError(f"model outputs {clash} have the names of sampled inputs; rename them "
                         "to write both to Parquet")
    return _write_part(directory, i, {**inputs, **out})


def monte_carlo(model: Callable, distributions: Mapping[str, object], n: int, *, seed: int,
                fixed: Mapping[str, float] | None = None, engine: str = "local", client=None,
                chunk_size: int = 100_000, output=None):
    """Run ``n`` scenarios of ``model`` with inputs drawn from ``distributions`` (seeded).

    Returns a :class:`MonteCarloResult`. Its arrays are allocated once at full length and
    each chunk is copied into its place as it finishes (peak memory: the result plus the
    chunks in flight). With ``output`` (a directory) each chunk's inputs and outputs are
    written as a Parquet partition where the chunk ran (on the Dask worker), and a
    :class:`ParquetResult` is returned: the client never holds the samples. Chunk *i*
    always draws from ``SeedSequence(seed).spawn(n_chunks)[i]``, so every engine and
    destination gives the same numbers.
    """
    check_choice("engine", engine, ENGINES)
    if isinstance(n, bool) or not (isinstance(n, (int, np.integer)) and n >= 1):
        raise ValueError(f"n must be an integer >= 1; got {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be an integer (so that runs are reproducible); got {seed!r}")
    check_int("chunk_size", chunk_size, 1)
    for k, d in dict(distributions).items():
        if not callable(getattr(d, "sample", None)):
            raise ValueError(f"distributions[{k!r}] must be a distribution (Normal, Uniform, "
                             f"Triangular, LogNormal, Fixed); got {short_repr(d)}")
    spans = _chunks(int(n), int(chunk_size))
    seqs = np.random.SeedSequence(int(seed)).spawn(len(spans))
    fixed = dict(fixed or {})
    dists = dict(distributions)
    if output is not None:
        path = _prepare_output(output)
        columns = {}

        def keep(i, result):
            columns[i] = result[1]

        _run_tasks(engine, client, _mc_part,
                   [(model, dists, s, b - a, fixed, path, i) for i, (s, (a, b)) in enumerate(zip(seqs, spans))],
                   "Monte Carlo", keep)
        return ParquetResult(path, int(n), tuple(_part_name(i) for i in range(len(spans))), columns[0])
    inputs: dict[str, np.ndarray] = {}
    outputs: dict[str, np.ndarray] = {}

    def place(i, part):
        a, b = spans[i]
        for store, cols in ((inputs, part[0]), (outputs, part[1])):
            for key, v in cols.items():
                if key not in store:
                    store[key] = np.empty(int(n))
                store[key][a:b] = v

    _run_tasks(engine, client, _mc_chunk,
               [(model, dists, s, b - a, fixed) for s, (a, b) in zip(seqs, spans)], "Monte Carlo", place)
    return MonteCarloResult(inputs, outputs, int(seed))


def optimise(model: Callable, bounds: Mapping[str, tuple[float, float]], objective: str, *,
             fixed: Mapping[str, float] | None = None, maximise: bool = True, seed: int = 0,
             popsize: int = 30, maxiter: int = 200, tol: float = 1e-8):
    """Global optimisation of one output of a vectorised model (scipy differential evolution).

    The whole population is evaluated in one vectorised model call per generation
    (``vectorized=True``). Infeasible points should return NaN for the objective: they are
    ranked last. Returns ``(best_inputs: dict, best_value, scipy OptimizeResult)``.

    Reference: R. Storn, K. Price, "Differential Evolution", J. Global Optim. 11 (1997) 341-359.
    """
    from scipy.optimize import differential_evolution

    names = list(bounds)
    fixed = dict(fixed or {})
    sign = -1.0 if maximise else 1.0

    def f(xt):
        xt = np.atleast_2d(xt)
        if xt.shape[0] != len(names):
            xt = xt.T
        out = _as_columns(model(**{k: xt[i] for i, k in enumerate(names)}, **fixed), xt.shape[1])
        if objective not in out:
            raise ValueError(f"objective {objective!r} is not an output of the model; outputs: {list(out)}")
        v = sign * out[objective]
        return np.where(np.isfinite(v), v, np.inf)

    with ProgressBar(maxiter, "optimise", unit="generation") as bar:
        res = differential_evolution(f, [bounds[k] for k in names], vectorized=True, updating="deferred",
                                     seed=seed, popsize=popsize, maxiter=maxiter, tol=tol, polish=False,
                                     callback=lambda *a, **k: bar.update(1))
    best = {k: float(v) for k, v in zip(names, res.x)}
    return best, float(sign * res.fun), res
