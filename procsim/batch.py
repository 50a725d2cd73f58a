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
from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np

from procsim.progress import ProgressBar, progress
from procsim.validation import as_float, check_choice

__all__ = ["grid", "sweep", "Normal", "Uniform", "Triangular", "LogNormal", "Fixed",
           "monte_carlo", "MonteCarloResult", "optimise", "ENGINES"]

ENGINES = ("local", "dask")


def grid(**axes) -> dict[str, np.ndarray]:
    """Cartesian product of 1-D axes, flattened: ``grid(a=[1, 2], b=[3, 4, 5])`` -> 6 points."""
    if not axes:
        raise ValueError("grid() needs at least one axis")
    names = list(axes)
    arrays = []
    for n in names:
        a = np.atleast_1d(np.asarray(axes[n], dtype=np.float64))
        if a.ndim != 1 or a.size == 0:
            raise ValueError(f"axis {n!r} must be a non-empty 1-D sequence; got shape {a.shape}")
        arrays.append(a)
    mesh = np.meshgrid(*arrays, indexing="ij")
    return {n: m.ravel() for n, m in zip(names, mesh)}


def _as_columns(out, n: int) -> dict[str, np.ndarray]:
    if isinstance(out, Mapping):
        cols = {k: np.broadcast_to(np.asarray(v, dtype=np.float64), (n,)).copy() for k, v in out.items()}
    else:
        cols = {"value": np.broadcast_to(np.asarray(out, dtype=np.float64), (n,)).copy()}
    return cols


def _chunks(n: int, chunk_size: int):
    return [(i, min(i + chunk_size, n)) for i in range(0, n, chunk_size)]


def _run_chunk(model, inputs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    n = len(next(iter(inputs.values())))
    return _as_columns(model(**inputs), n)


def _gather(model, pieces: list[dict], engine: str, client) -> list[dict]:
    if engine == "local":
        return [_run_chunk(model, p) for p in progress(pieces, desc="sweep", unit="chunk")]
    if client is None:
        raise ValueError("engine='dask' needs client=dask.distributed.Client(...)")
    futures = client.map(_run_chunk, [model] * len(pieces), pieces, pure=False)
    return _collect(client, futures, "sweep on dask")


def _collect(client, futures, desc):
    """Results of ``futures`` in submission order, advancing a bar as each one completes."""
    from dask.distributed import as_completed

    for _ in progress(as_completed(futures), total=len(futures), desc=desc, unit="chunk"):
        pass
    return client.gather(futures)


def sweep(model: Callable, axes: Mapping[str, object], *, fixed: Mapping[str, float] | None = None,
          engine: str = "local", client=None, chunk_size: int = 250_000):
    """Evaluate ``model`` on the grid of ``axes`` (plus ``fixed`` scalars); returns a DataFrame.

    Columns: the axes, then the model's outputs.
    """
    import pandas as pd

    check_choice("engine", engine, ENGINES)
    pts = grid(**axes)
    n = len(next(iter(pts.values())))
    fixed = dict(fixed or {})
    pieces = [{**{k: v[a:b] for k, v in pts.items()}, **fixed} for a, b in _chunks(n, int(chunk_size))]
    outs = _gather(model, pieces, engine, client)
    cols = {k: v for k, v in pts.items()}
    for key in outs[0]:
        cols[key] = np.concatenate([o[key] for o in outs])
    return pd.DataFrame(cols)


# ----------------------------------------------------------------------- distributions
@dataclass(frozen=True)
class Normal:
    """Normal distribution (mean, standard deviation); optional truncation [low, high] by rejection."""

    mean: float
    sd: float
    low: float = -math.inf
    high: float = math.inf

    def __post_init__(self):
        if not (as_float("sd", self.sd) >= 0.0):
            raise ValueError(f"sd must be >= 0; got {self.sd!r}")
        if not (self.low < self.high):
            raise ValueError(f"low must be < high; got low={self.low!r}, high={self.high!r}")

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
        if not (self.low <= self.high):
            raise ValueError(f"low must be <= high; got low={self.low!r}, high={self.high!r}")

    def sample(self, rng, n):
        return rng.uniform(self.low, self.high, n)


@dataclass(frozen=True)
class Triangular:
    """Triangular (low, mode, high): the usual engineering three-point estimate."""

    low: float
    mode: float
    high: float

    def __post_init__(self):
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
        if not (self.median > 0 and self.gsd >= 1.0):
            raise ValueError(f"need median > 0 and gsd >= 1; got median={self.median!r}, gsd={self.gsd!r}")

    def sample(self, rng, n):
        return rng.lognormal(math.log(self.median), math.log(self.gsd), n)


@dataclass(frozen=True)
class Fixed:
    value: float

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


def monte_carlo(model: Callable, distributions: Mapping[str, object], n: int, *, seed: int,
                fixed: Mapping[str, float] | None = None, engine: str = "local", client=None,
                chunk_size: int = 100_000) -> MonteCarloResult:
    """Run ``n`` scenarios of ``model`` with inputs drawn from ``distributions`` (seeded)."""
    check_choice("engine", engine, ENGINES)
    if not (isinstance(n, (int, np.integer)) and n >= 1):
        raise ValueError(f"n must be an integer >= 1; got {n!r}")
    if not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be an integer (so that runs are reproducible); got {seed!r}")
    spans = _chunks(int(n), int(chunk_size))
    seqs = np.random.SeedSequence(int(seed)).spawn(len(spans))
    fixed = dict(fixed or {})
    if engine == "local":
        parts = [_mc_chunk(model, distributions, s, b - a, fixed)
                 for s, (a, b) in progress(list(zip(seqs, spans)), desc="Monte Carlo", unit="chunk")]
    else:
        if client is None:
            raise ValueError("engine='dask' needs client=dask.distributed.Client(...)")
        futs = client.map(_mc_chunk, [model] * len(spans), [dict(distributions)] * len(spans), seqs,
                          [b - a for a, b in spans], [fixed] * len(spans), pure=False)
        parts = _collect(client, futs, "Monte Carlo on dask")
    inputs = {k: np.concatenate([p[0][k] for p in parts]) for k in parts[0][0]}
    outputs = {k: np.concatenate([p[1][k] for p in parts]) for k in parts[0][1]}
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
