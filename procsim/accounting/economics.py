"""Retrofit economics: payback, NPV, IRR, capital recovery, cost of saved energy, carbon fee.

Conventions (the same as numpy-financial): cash flow ``c[0]`` falls at t = 0 (investment,
negative), ``c[t]`` at the end of year t; ``rate`` is per year.

.. math::
    NPV = \\sum_{t=0}^{N} \\frac{c_t}{(1+r)^t}, \\qquad
    CRF = \\frac{r (1+r)^N}{(1+r)^N - 1}, \\qquad
    CSE = \\frac{CRF \\, (I - S) + O\\&M}{E_{saved}}

References: W. Short, D. J. Packey, T. Holt, "A Manual for the Economic Evaluation of
Energy Efficiency and Renewable Energy Technologies", NREL/TP-462-5173, 1995, sec. 4-5
(NPV, IRR, simple payback; capital recovery factor eq. 4-7). Cost of saved energy:
A. Meier, "Supply curves of conserved energy", LBL-14686, 1982.

Examples
--------
>>> round(npv(0.10, [-100, 39, 59, 55, 20]), 6)
39.197459
>>> round(irr([-100, 39, 59, 55, 20]), 6)
0.280948
"""
from __future__ import annotations

import math

import numpy as np

from procsim.accounting.factors import carbon_fee_rate, carbon_fee_threshold
from procsim.validation import as_array, as_float, check_positive, check_range

__all__ = ["npv", "irr", "simple_payback", "capital_recovery_factor", "cost_of_saved_energy",
           "retrofit_cash_flows", "carbon_fee", "PaybackError"]


class PaybackError(ValueError):
    """The measure never pays back (annual net saving <= 0)."""


def _check_rate(rate) -> float:
    return check_range("rate", rate, -1.0, None, "1/yr", low_inclusive=False)


def npv(rate: float, cash_flows) -> float:
    """Net present value [currency] of yearly ``cash_flows`` (c[0] at t = 0) at ``rate`` [1/yr]."""
    r = _check_rate(rate)
    c = as_array("cash_flows", cash_flows, "currency")
    if c.ndim != 1 or c.size == 0:
        raise ValueError(f"cash_flows must be a non-empty 1-D sequence; got shape {c.shape}")
    t = np.arange(c.size, dtype=np.float64)
    return float(np.sum(c / (1.0 + r) ** t))


def _bisect(f, lo: float, hi: float, flo: float) -> float:
    # plain bisection to 1e-13 absolute: NPV(r) is smooth but can be very flat near r -> -1
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        fm = f(mid)
        if fm == 0.0 or hi - lo < 1e-13:
            return mid
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return 0.5 * (lo + hi)


def irr(cash_flows) -> float:
    """Internal rate of return [1/yr]: the rate where NPV = 0.

    Scans rates in [-0.999999, 1e9] for sign changes of NPV and bisects each bracket; where
    several roots exist (non-conventional cash flows) the one closest to zero is returned.
    Raises ValueError when no rate gives NPV = 0 (e.g. the flows never change sign).
    """
    c = as_array("cash_flows", cash_flows, "currency")
    if c.ndim != 1 or c.size < 2:
        raise ValueError(f"cash_flows must have at least 2 yearly values; got shape {c.shape}")
    if not (np.any(c > 0) and np.any(c < 0)):
        raise ValueError("cash_flows must contain both negative and positive values for an IRR; "
                         f"got {c.tolist()}")
    t = np.arange(c.size, dtype=np.float64)

    def f(r):
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            return float(np.sum(c / (1.0 + r) ** t))

    # dense near r = -1 (flows that lose almost everything) and up to 1e9 (tiny investments)
    grid = np.concatenate([-1.0 + np.geomspace(1e-6, 1e-2, 200)[:-1], np.linspace(-0.99, 1.0, 800),
                           np.geomspace(1.0, 1.0e9, 600)[1:]])
    values = np.array([f(r) for r in grid])
    roots = []
    for i in range(grid.size - 1):
        if values[i] == 0.0:
            roots.append(float(grid[i]))
        elif (values[i] < 0) != (values[i + 1] < 0):
            roots.append(_bisect(f, float(grid[i]), float(grid[i + 1]), float(values[i])))
    if not roots:
        raise ValueError(f"no internal rate of return in [-99.9999 %, 1e11 %] for cash flows {c.tolist()}")
    return min(roots, key=abs)


def simple_payback(investment: float, annual_saving: float, subsidy: float = 0.0,
                   om_cost: float = 0.0) -> float:
    """Simple payback [yr] = (investment - subsidy) / (annual saving - annual O&M).

    Raises :class:`PaybackError` (a ValueError) when the net annual saving is <= 0, because
    the measure then never pays back; never returns inf or NaN.

    >>> simple_payback(1.0e6, 1.62e6)
    0.6172839506172839
    """
    inv = as_float("investment", investment, "currency")
    sub = as_float("subsidy", subsidy, "currency")
    om = as_float("om_cost", om_cost, "currency/yr")
    sav = as_float("annual_saving", annual_saving, "currency/yr")
    if inv < 0 or sub < 0:
        raise ValueError(f"investment and subsidy must be >= 0; got investment={inv}, subsidy={sub}")
    if sub > inv:
        raise ValueError(f"subsidy must not exceed investment; got subsidy={sub} > investment={inv}")
    net = sav - om
    if not net > 0:
        raise PaybackError(f"annual net saving must be > 0 for a payback; got {sav:g} saving - "
                           f"{om:g} O&M = {net:g} per year: the measure never pays back")
    return (inv - sub) / net


def capital_recovery_factor(rate: float, lifetime: float) -> float:
    """Capital recovery factor [1/yr]: annuity per unit of present value; 1/N at rate 0."""
    r = _check_rate(rate)
    n = check_positive("lifetime", lifetime, "yr")
    if r == 0.0:
        return 1.0 / n
    # expm1/log1p keep (1+r)^N - 1 accurate for small r
    g = math.expm1(n * math.log1p(r))
    return r * (g + 1.0) / g


def cost_of_saved_energy(investment: float, annual_energy_saved: float, *, lifetime: float,
                         rate: float, subsidy: float = 0.0, om_cost: float = 0.0) -> float:
    """Cost of saved energy [currency per unit of energy] = (CRF (I - S) + O&M) / E_saved.

    ``annual_energy_saved`` must be > 0 in the unit the result is wanted per (kWh, GJ...).

    >>> round(cost_of_saved_energy(1.0e6, 5.0e5, lifetime=10, rate=0.0), 6)
    0.2
    """
    e = as_float("annual_energy_saved", annual_energy_saved, "energy/yr")
    if not e > 0:
        raise ValueError(f"annual_energy_saved must be > 0 for a cost of saved energy; got {e:g}: "
                         "the measure saves no energy")
    inv = as_float("investment", investment, "currency")
    sub = as_float("subsidy", subsidy, "currency")
    om = as_float("om_cost", om_cost, "currency/yr")
    return (capital_recovery_factor(rate, lifetime) * (inv - sub) + om) / e


def retrofit_cash_flows(investment: float, annual_saving: float, lifetime: int, *,
                        subsidy: float = 0.0, om_cost: float = 0.0) -> np.ndarray:
    """Yearly cash flows [-(I - S), net, net, ...] over ``lifetime`` whole years."""
    n = int(check_positive("lifetime", lifetime, "yr"))
    if n != lifetime:
        raise ValueError(f"lifetime must be a whole number of years; got {lifetime} yr")
    inv = as_float("investment", investment, "currency")
    sub = as_float("subsidy", subsidy, "currency")
    net = as_float("annual_saving", annual_saving, "currency/yr") - as_float("om_cost", om_cost)
    flows = np.full(n + 1, net)
    flows[0] = -(inv - sub)
    return flows


def carbon_fee(annual_emissions_t: float, rate: str | float = "general",
               apply_threshold: bool = True) -> float:
    """Taiwan carbon fee [TWD/yr] = max(0, E - K) * rate, K = 25,000 t CO2e (from 2025).

    ``rate``: "general" (300), "preferential_a" (50), "preferential_b" (100) or a number
    [TWD/t CO2e]. MOENV press release 2024-10-21.

    >>> carbon_fee(30000.0)
    1500000.0
    """
    e = as_float("annual_emissions_t", annual_emissions_t, "t CO2e/yr")
    if e < 0:
        raise ValueError(f"annual_emissions_t must be >= 0 t CO2e/yr; got {e} t CO2e/yr")
    r = float(carbon_fee_rate(rate)) if isinstance(rate, str) else as_float("rate", rate, "TWD/t")
    k = float(carbon_fee_threshold()) if apply_threshold else 0.0
    return max(0.0, e - k) * r
