"""Sequential-modular flowsheets: units, connections, recycles, and balances on every solve.

A *unit* is any object with

* ``name`` (str), ``inlets`` and ``outlets`` (tuples of port names), and
* ``solve(inlets: dict[str, Stream | EnergyStream]) -> UnitSolution``.

:class:`UnitSolution` carries the outlet streams, the unit's own result object, and
``sources``: energy the unit takes in (positive, W) or gives out (negative) that does not
travel on a port, for example shaft power drawn by a pump, fuel fired in a burner, heat
released by a reaction or a radiation loss. With them every unit's balance reads

.. math:: \\sum_{in} \\dot E + \\sum \\text{sources} - \\sum_{out} \\dot E = 0,\\qquad
          \\sum_{in} \\dot m - \\sum_{out} \\dot m = 0

where :math:`\\dot E` is a port's ``energy_flow`` (enthalpy flow of a material stream, rate
of an energy stream) and :math:`\\dot m` its ``mass_flow`` (fuel energy streams carry their
fuel mass).

*Supplied inlets.* A unit may list some of its inlets in ``supplied_inlets`` (a boiler's
``fuel`` and ``air``): when such an inlet is neither fed nor connected, the unit sizes it
itself from what it must deliver (the fuel the steam needs) and returns the stream it drew
in ``UnitSolution.drawn``; the balances count it as a feed across the flowsheet boundary.

Solving: units are ordered topologically; cycles (recycles) are broken at tear streams
chosen on the back edges of a depth-first search, and the tear values are converged by
direct substitution accelerated with the bounded Wegstein method. Every solve checks each
unit's mass and energy balance and the overall balance over the flowsheet boundary, and
raises :class:`BalanceError` above the tolerance; a recycle that does not converge raises
:class:`ConvergenceError` with its residual history.

References
----------
J. H. Wegstein, "Accelerating convergence of iterative processes", Comm. ACM 1 (1958) 9-13.
L. T. Biegler, I. E. Grossmann, A. W. Westerberg, *Systematic Methods of Chemical Process
Design*, Prentice Hall, 1997, ch. 4 (tearing and sequential-modular simulation).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np

from procsim.stream import EnergyStream, Stream
from procsim.units_api import all_aliases, port_alias
from procsim.validation import check_int, check_positive

__all__ = ["Flowsheet", "FlowsheetSolution", "UnitSolution", "ConvergenceError", "BalanceError",
           "UnitSolveError", "unit_balance", "within"]

METHODS = ("wegstein", "substitution")
#: Bounds of the Wegstein acceleration factor q (Biegler et al. 1997, sec. 4.3: -5 <= q <= 0
#: keeps the iteration stable for monotone, non-oscillating fixed-point maps).
WEGSTEIN_Q_MIN = -5.0
WEGSTEIN_Q_MAX = 0.0


class ConvergenceError(ValueError):
    """A recycle did not converge; ``history`` holds the residual of each iteration."""

    def __init__(self, message: str, history: list[float]):
        super().__init__(message)
        self.history = history


class BalanceError(ValueError):
    """A unit (or the flowsheet) does not close its mass or energy balance."""


class UnitSolveError(ValueError):
    """A unit's ``solve`` raised a ValueError inside :meth:`Flowsheet.solve`.

    The message names the flowsheet, the unit and its class; the original error is chained
    (``__cause__``) and kept as ``original``. ``flowsheet`` and ``unit`` hold the names.
    """

    def __init__(self, message: str, flowsheet: str, unit: str, original: BaseException):
        super().__init__(message)
        self.flowsheet = flowsheet
        self.unit = unit
        self.original = original


def within(value, tol) -> bool:
    """NaN-safe tolerance test ``|value| <= tol``: False for NaN (a NaN residual never passes)."""
    return bool(abs(value) <= tol)


@dataclass(frozen=True)
class UnitSolution:
    """What a unit's ``solve`` returns: outlet streams, its result, energy sources [W], and
    ``drawn``: the streams it drew on its *supplied* inlets (see :class:`Flowsheet`)."""

    outlets: Mapping[str, Any]
    result: Any = None
    sources: Mapping[str, float] = field(default_factory=dict)
    drawn: Mapping[str, Any] = field(default_factory=dict)


def _port_values(streams: Mapping[str, Any]):
    m = sum(s.mass_flow for s in streams.values())
    e = sum(s.energy_flow for s in streams.values())
    scale = sum(abs(s.energy_flow) for s in streams.values())
    return m, e, scale


def unit_balance(inlets: Mapping[str, Any], solution: UnitSolution) -> dict:
    """Mass and energy residuals of one unit (in - out) and their relative sizes."""
    m_in, e_in, sc_in = _port_values(inlets)
    m_out, e_out, sc_out = _port_values(solution.outlets)
    src = sum(float(v) for v in solution.sources.values())
    src_scale = sum(abs(float(v)) for v in solution.sources.values())
    e_scale = max(sc_in + sc_out + src_scale, 1e-300)
    m_scale = max(m_in + m_out, 1e-300)
    # NaN-safe: a NaN flow or source makes the relative residual NaN (which never passes
    # ``within``) instead of falling through to 0 (max(nan, x) and nan > 0 are both unhelpful)
    m_res, e_res = m_in - m_out, e_in + src - e_out
    nan_m = not math.isfinite(m_in + m_out + m_res)
    nan_e = not math.isfinite(sc_in + sc_out + src_scale + e_res)
    return {"mass_in": m_in, "mass_out": m_out, "mass_residual": m_res,
            "mass_relative": math.nan if nan_m else (abs(m_res) / m_scale if (m_in + m_out) > 0 else 0.0),
            "energy_in": e_in + max(src, 0.0), "energy_out": e_out + max(-src, 0.0),
            "sources": src, "energy_residual": e_res,
            "energy_relative": math.nan if nan_e else (abs(e_res) / e_scale if e_scale > 1e-300 else 0.0)}


def _split(ref: str) -> tuple[str, str]:
    if not isinstance(ref, str) or ref.count(".") < 1:
        raise ValueError(f"a port is written 'unit.port'; got {ref!r}")
    unit, port = ref.rsplit(".", 1)
    return unit, port


@dataclass(frozen=True)
class FlowsheetSolution:
    """Result of :meth:`Flowsheet.solve`.

    streams : DataFrame, one row per connection, feed and product stream
    units : mapping unit name -> the unit's result object
    balances : DataFrame of per-unit mass/energy balances
    overall : dict of the boundary balance (feeds + sources - products)
    tear_history : residual (max scaled change of the tear streams) per iteration
    iterations : number of passes through the flowsheet
    """

    streams: Any
    units: Mapping[str, Any]
    balances: Any
    overall: Mapping[str, float]
    tear_history: tuple[float, ...]
    iterations: int
    port_streams: Mapping[str, Any]
    sources: Mapping[str, Mapping[str, float]]
    port_aliases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def stream(self, ref: str):
        """The stream at 'unit.port' (inlet or outlet; a port's old name is accepted)."""
        if ref not in self.port_streams and isinstance(ref, str) and "." in ref:
            u, p = ref.rsplit(".", 1)
            ref = f"{u}.{self.port_aliases.get(u, {}).get(p, p)}"
        try:
            return self.port_streams[ref]
        except KeyError:
            raise KeyError(f"no stream at {ref!r}; ports: {', '.join(sorted(self.port_streams))}") from None


class Flowsheet:
    """Units wired by named ports, solved sequentially with recycle convergence.

    Examples
    --------
    >>> from units.basic import Pump, Valve
    >>> from procsim.stream import Stream
    >>> fs = Flowsheet("pump and valve")
    >>> _ = fs.add(Pump("p1", outlet_pressure=5.0e5, efficiency=0.7))
    >>> _ = fs.add(Valve("v1", outlet_pressure=2.0e5))
    >>> fs.connect("p1.outlet", "v1.inlet")
    >>> fs.feed("p1.inlet", Stream("Water", 300.0, 1.0e5, 2.0))
    >>> sol = fs.solve()
    >>> round(sol.stream("v1.outlet").p)
    200000
    >>> sol.overall["energy_relative"] < 1e-9
    True
    """

    def __init__(self, name: str = "flowsheet"):
        self.name = name
        self._units: dict[str, Any] = {}
        self._links: dict[tuple[str, str], tuple[str, str]] = {}  # target inlet -> source outlet
        self._feeds: dict[tuple[str, str], Any] = {}
        self._guesses: dict[tuple[str, str], Any] = {}

    # ------------------------------------------------------------------ building
    def add(self, unit):
        """Add a unit (returns it). Its name must be unique in this flowsheet."""
        for attr in ("name", "inlets", "outlets", "solve"):
            if not hasattr(unit, attr):
                raise ValueError(f"{unit!r} is not a flowsheet unit: it has no {attr!r} "
                                 "(a unit needs name, inlets, outlets and solve(inlets))")
        if unit.name in self._units:
            raise ValueError(f"flowsheet {self.name!r} already has a unit named {unit.name!r}")
        if "." in unit.name:
            raise ValueError(f"unit names may not contain '.'; got {unit.name!r}")
        self._units[unit.name] = unit
        return unit

    def _port(self, ref: str, side: str) -> tuple[str, str]:
        u, p = _split(ref)
        if u in self._units:
            ref = f"{u}.{port_alias(self._units[u], p, side)}"
        return self._port_exact(ref, side)

    def _port_exact(self, ref: str, side: str) -> tuple[str, str]:
        u, p = _split(ref)
        if u not in self._units:
            raise ValueError(f"unknown unit {u!r} in {ref!r}; units: {', '.join(self._units) or 'none'}")
        ports = self._units[u].inlets if side == "inlet" else self._units[u].outlets
        if p not in ports:
            raise ValueError(f"unit {u!r} has no {side} port {p!r}; its {side}s: {', '.join(ports)}")
        return u, p

    def connect(self, source: str, target: str) -> None:
        """Connect outlet ``source`` ('unit.port') to inlet ``target``."""
        s = self._port(source, "outlet")
        t = self._port(target, "inlet")
        if t in self._links or t in self._feeds:
            raise ValueError(f"inlet {target!r} is already connected")
        if s in self._links.values():
            raise ValueError(f"outlet {source!r} is already connected (use a Splitter to divide a stream)")
        self._links[t] = s

    def feed(self, target: str, stream) -> None:
        """Give inlet ``target`` an external feed stream."""
        t = self._port(target, "inlet")
        if t in self._links or t in self._feeds:
            raise ValueError(f"inlet {target!r} is already connected")
        if not isinstance(stream, (Stream, EnergyStream)):
            raise ValueError(f"feed to {target!r} must be a Stream or EnergyStream; got {stream!r}")
        self._feeds[t] = stream

    def guess(self, target: str, stream) -> None:
        """Initial value for the stream entering ``target`` if the solver tears it."""
        t = self._port(target, "inlet")
        self._guesses[t] = stream

    @property
    def units(self) -> Mapping[str, Any]:
        return MappingProxyType(self._units)

    # ------------------------------------------------------------------ ordering
    def _check_complete(self) -> None:
        missing = [f"{u}.{p}" for u, unit in self._units.items() for p in unit.inlets
                   if (u, p) not in self._links and (u, p) not in self._feeds
                   and p not in getattr(unit, "supplied_inlets", ())]
        if missing:
            raise ValueError(f"flowsheet {self.name!r}: inlet port(s) {', '.join(missing)} are not "
                             "connected and have no feed")

    def _order(self) -> tuple[list[str], list[tuple[str, str]]]:
        """Solve order and tear inlets (back edges of a DFS from units with external feeds)."""
        succ: dict[str, list[tuple[str, tuple[str, str]]]] = {u: [] for u in self._units}
        for t, s in self._links.items():
            succ[s[0]].append((t[0], t))
        state: dict[str, int] = {}
        tears: list[tuple[str, str]] = []
        post: list[str] = []

        def dfs(u: str) -> None:
            stack = [(u, iter(succ[u]))]
            state[u] = 1
            while stack:
                node, it = stack[-1]
                for v, edge in it:
                    if state.get(v, 0) == 0:
                        state[v] = 1
                        stack.append((v, iter(succ[v])))
                        break
                    if state[v] == 1:  # back edge: a recycle, tear here
                        tears.append(edge)
                else:
                    state[node] = 2
                    post.append(node)
                    stack.pop()

        fed = {t[0] for t in self._feeds}
        indeg = {u: 0 for u in self._units}
        for t in self._links:
            indeg[t[0]] += 1
        starts = [u for u in self._units if u in fed or indeg[u] == 0] + list(self._units)
        for u in starts:
            if state.get(u, 0) == 0:
                dfs(u)
        order = post[::-1]
        return order, tears

    # ------------------------------------------------------------------ solving
    def solve(self, *, tol: float = 1e-10, max_iter: int = 200, method: str = "wegstein",
              balance_tol: float = 1e-6) -> FlowsheetSolution:
        """Solve the flowsheet; see the module docstring."""
        check_positive("tol", tol)
        check_positive("balance_tol", balance_tol)
        check_int("max_iter", max_iter, 1)
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}; got {method!r}")
        if not self._units:
            raise ValueError(f"flowsheet {self.name!r} has no units")
        self._check_complete()
        order, tears = self._order()
        for t in tears:
            if t not in self._guesses:
                s = self._links[t]
                raise ValueError(f"flowsheet {self.name!r}: the recycle into '{t[0]}.{t[1]}' (from "
                                 f"'{s[0]}.{s[1]}') needs an initial guess: call "
                                 f"fs.guess('{t[0]}.{t[1]}', stream)")
        values: dict[tuple[str, str], Any] = dict(self._feeds)
        tear_vals = {t: self._guesses[t] for t in tears}
        history: list[float] = []
        x_prev = g_prev = None
        x = self._pack(tear_vals, tears) if tears else None
        iterations = 0
        for iterations in range(1, max_iter + 1):
            outputs, solutions, inputs = self._pass(order, values, tear_vals)
            if not tears:
                break
            new = {t: outputs[self._links[t]] for t in tears}
            g = self._pack(new, tears)
            scale = self._scale(tear_vals, new, tears)
            res = float(np.max(np.abs(g - x) / scale))
            history.append(res)
            if within(res, tol):
                break
            if not math.isfinite(res):
                raise ConvergenceError(
                    f"flowsheet {self.name!r}: recycle residual is {res!r} at iteration {iterations} "
                    "(a unit returned a NaN or infinite state)", history)
            if method == "wegstein" and g_prev is not None and iterations > 2:
                dx = x - x_prev
                with np.errstate(divide="ignore", invalid="ignore"):
                    slope = np.where(np.abs(dx) > 0, (g - g_prev) / dx, 0.0)
                    q = np.where(np.abs(slope - 1.0) > 1e-12, slope / (slope - 1.0), 0.0)
                q = np.clip(np.nan_to_num(q), WEGSTEIN_Q_MIN, WEGSTEIN_Q_MAX)
                x_new = q * x + (1.0 - q) * g
            else:
                x_new = g
            x_prev, g_prev = x, g
            x = x_new
            tear_vals = self._unpack(x, new, tears)
        else:
            names = ", ".join(f"{t[0]}.{t[1]}" for t in tears)
            tail = ", ".join(f"{h:.3g}" for h in history[-5:])
            raise ConvergenceError(
                f"flowsheet {self.name!r}: recycle through {names} did not converge in {max_iter} "
                f"iterations (tolerance {tol:g}); last residuals: {tail}", history)
        return self._finish(order, solutions, inputs, outputs, history, iterations, balance_tol)

    def _pass(self, order, values, tear_vals):
        outputs: dict[tuple[str, str], Any] = {}
        solutions: dict[str, UnitSolution] = {}
        inputs: dict[str, dict[str, Any]] = {}
        for name in order:
            unit = self._units[name]
            ins = {}
            for p in unit.inlets:
                key = (name, p)
                if key in tear_vals:
                    ins[p] = tear_vals[key]
                elif key in values:
                    ins[p] = values[key]
                elif key in self._links:
                    ins[p] = outputs[self._links[key]]
                # else: a supplied inlet left open; the unit draws it (UnitSolution.drawn)
            try:
                sol = unit.solve(dict(ins))
            except (UnitSolveError, BalanceError, ConvergenceError) as exc:
                if isinstance(exc, UnitSolveError) and exc.flowsheet == self.name:
                    raise
                raise UnitSolveError(f"flowsheet {self.name!r}, unit {name!r} ({type(unit).__name__}): {exc}",
                                     self.name, name, exc) from exc
            except ValueError as exc:
                raise UnitSolveError(f"flowsheet {self.name!r}, unit {name!r} ({type(unit).__name__}): {exc}",
                                     self.name, name, exc) from exc
            except Exception as exc:
                exc.add_note(f"raised by unit {name!r} ({type(unit).__name__}) in flowsheet {self.name!r}")
                raise
            if not isinstance(sol, UnitSolution):
                raise ValueError(f"unit {name!r}: solve() must return a UnitSolution; got {type(sol).__name__}")
            if set(sol.outlets) != set(unit.outlets):
                raise ValueError(f"unit {name!r} returned outlets {sorted(sol.outlets)}, "
                                 f"declared {sorted(unit.outlets)}")
            open_ports = set(getattr(unit, "supplied_inlets", ())) - set(ins)
            if set(sol.drawn) != open_ports:
                raise ValueError(f"unit {name!r} drew {sorted(sol.drawn)} on its supplied inlets; the open "
                                 f"supplied inlets are {sorted(open_ports)}")
            for p, s in sol.outlets.items():
                outputs[(name, p)] = s
            solutions[name] = sol
            inputs[name] = {**ins, **sol.drawn}
        return outputs, solutions, inputs

    @staticmethod
    def _pack(vals, tears) -> np.ndarray:
        return np.concatenate([vals[t].to_vector() for t in tears])

    @staticmethod
    def _unpack(x, templates, tears):
        out, i = {}, 0
        for t in tears:
            n = templates[t].to_vector().size
            out[t] = templates[t].from_vector(x[i:i + n])
            i += n
        return out

    @staticmethod
    def _scale(old, new, tears) -> np.ndarray:
        parts = []
        for t in tears:
            a, b = old[t].to_vector(), new[t].to_vector()
            sc = np.maximum(np.abs(a), np.abs(b))
            if isinstance(new[t], Stream):
                # mass flow: relative with a floor; enthalpy: floor 1e4 J/kg so that states
                # near the reference (h ~ 0 for water at 0 C) converge on an absolute scale
                sc[0] = max(sc[0], 1e-9)
                sc[1] = max(sc[1], 1e4)
                sc[3:] = 1.0
            else:
                sc = np.maximum(sc, 1.0)
            parts.append(sc)
        return np.concatenate(parts)

    def _finish(self, order, solutions, inputs, outputs, history, iterations, balance_tol):
        import pandas as pd

        rows, bal_rows, port_streams = [], [], {}
        bad = []
        for name in order:
            b = unit_balance(inputs[name], solutions[name])
            bal_rows.append({"unit": name, **b})
            if not (within(b["mass_relative"], balance_tol) and within(b["energy_relative"], balance_tol)):
                bad.append(f"{name} (mass {b['mass_relative']:.2e}, energy {b['energy_relative']:.2e})")
            for p, s in inputs[name].items():
                port_streams[f"{name}.{p}"] = s
        for (u, p), s in outputs.items():
            port_streams[f"{u}.{p}"] = s
        if bad:
            raise BalanceError(f"flowsheet {self.name!r}: balances do not close within "
                               f"{balance_tol:g} (relative) for: {', '.join(bad)}")
        linked_sources = set(self._links.values())
        for (u, p), s in self._feeds.items():
            rows.append(_stream_row(f"feed->{u}.{p}", None, f"{u}.{p}", s))
        for t, s in self._links.items():
            rows.append(_stream_row(f"{s[0]}.{s[1]}->{t[0]}.{t[1]}", f"{s[0]}.{s[1]}",
                                    f"{t[0]}.{t[1]}", outputs[s]))
        products = {k: v for k, v in outputs.items() if k not in linked_sources}
        for (u, p), s in products.items():
            rows.append(_stream_row(f"{u}.{p}->product", f"{u}.{p}", None, s))
        drawn = {(n, p): s for n in order for p, s in solutions[n].drawn.items()}
        for (u, p), s in drawn.items():
            rows.append(_stream_row(f"supply->{u}.{p}", None, f"{u}.{p}", s))
        boundary_in = list(self._feeds.values()) + list(drawn.values())
        m_in = sum(s.mass_flow for s in boundary_in)
        e_in = sum(s.energy_flow for s in boundary_in)
        m_out = sum(s.mass_flow for s in products.values())
        e_out = sum(s.energy_flow for s in products.values())
        src = sum(float(v) for sol in solutions.values() for v in sol.sources.values())
        scale = (sum(abs(s.energy_flow) for s in boundary_in)
                 + sum(abs(s.energy_flow) for s in products.values())
                 + sum(abs(float(v)) for sol in solutions.values() for v in sol.sources.values()))
        # a closed loop (a steam site with no make-up) has no boundary flow: relative to the largest stream then
        m_scale = max(m_in + m_out, max((s.mass_flow for s in outputs.values()), default=0.0), 1e-300)
        overall = {"mass_in": m_in, "mass_out": m_out, "mass_residual": m_in - m_out,
                   "mass_relative": abs(m_in - m_out) / m_scale,
                   "energy_in": e_in, "sources": src, "energy_out": e_out,
                   "energy_residual": e_in + src - e_out,
                   "energy_relative": abs(e_in + src - e_out) / max(scale, 1e-300)}
        if not (within(overall["mass_relative"], balance_tol) and within(overall["energy_relative"], balance_tol)):
            raise BalanceError(f"flowsheet {self.name!r}: overall balance does not close: mass "
                               f"{overall['mass_relative']:.2e}, energy {overall['energy_relative']:.2e} "
                               f"(tolerance {balance_tol:g})")
        return FlowsheetSolution(
            streams=pd.DataFrame(rows, columns=list(_stream_row("", None, None, EnergyStream("heat", 0.0)))
                                 ).set_index("stream"),
            units=MappingProxyType({n: solutions[n].result for n in order}),
            balances=pd.DataFrame(bal_rows).set_index("unit"),
            overall=MappingProxyType(overall), tear_history=tuple(history), iterations=iterations,
            port_streams=MappingProxyType(port_streams),
            sources=MappingProxyType({n: MappingProxyType(dict(solutions[n].sources)) for n in order}),
            port_aliases=MappingProxyType({n: MappingProxyType(all_aliases(self._units[n]))
                                           for n in order}))


def _stream_row(label, src, dst, s) -> dict:
    if isinstance(s, Stream):
        x = s.x if (s.x is not None and 0.0 <= s.x <= 1.0) else math.nan
        return {"stream": label, "from": src, "to": dst, "kind": "material", "material": s.name,
                "T": s.T, "p": s.p, "mass_flow": s.mass_flow, "h": s.h, "x": x,
                "energy_flow": s.energy_flow}
    return {"stream": label, "from": src, "to": dst, "kind": s.kind, "material": None,
            "T": math.nan, "p": math.nan, "mass_flow": s.mass_flow, "h": math.nan, "x": math.nan,
            "energy_flow": s.energy_flow}
