"""Batch path of the steam site model: many operating points of one site in a numba loop.

:func:`site_balance_batch` repeats, in compiled code, what :meth:`SiteModel.settle` and
:meth:`SiteModel.figures` do in Python: the header load control (bottom-up letdowns,
sprays, forced vents, deaerator steam and make-up) alternated with the header states
(top-down mixing, turbine expansions, heat losses) to a fixed point, then fuel, power and
make-up. Steam properties inside the loop come from the tabulated IF97 kernels of
:mod:`procsim.thermo.tables` (``Fluid("Water").table()``; measured error against CoolProp about
1e-11 in s(p, h) and h(p, s)); every state that does not change between points is evaluated
exactly (CoolProp) once in the wrapper.

Supported sites (checked, with an error naming what is not): headers joined in a chain by
their balancing letdowns (each to the next lower header), the deaerator on the lowest
header, users given by mass flow or heat without condensate flash, back-pressure turbines
between headers given by flow, a boiler given by its efficiency. Per point, the users'
demands and condensate recoveries may vary (the retrofit variables ``demand_reduction`` and
``condensate_recovery``); see :func:`units.steam.retrofits.sweep_retrofit`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import njit, prange

from procsim.thermo.tables import tab_h_ps, tab_s_ph
from units.steam._common import saturation_enthalpies
from procsim.jitcheck import ensure_fresh
from procsim.parallel import first_flagged
from procsim.thermo.isentropic import isentropic_outlet_enthalpy
from units.steam.kernels import (deaerator_balance_overflow, desuperheater_spray_ratio, flash_fraction,
                                 turbine_outlet_enthalpy)
from units.steam.users import SteamTraps

__all__ = ["site_balance_batch", "site_balance_batch_parallel", "SITE_CHUNK", "BatchSite", "batch_site",
           "BatchResult", "run_batch"]


@njit(cache=True)
def _exhaust_h(data, p_in, h_in, p_out, eta):
    """Turbine exhaust enthalpy: the shared isentropic relation on tabulated IF97 states."""
    h_s = tab_h_ps(data, p_out, tab_s_ph(data, p_in, h_in))
    return turbine_outlet_enthalpy(h_in, h_s, eta)


#: Operating points per chunk of the batch loops: each chunk starts its iteration from the
#: boiler-steam estimate, each later point of it from the point before (a warm start; a cold
#: start costs a few more fixed-point passes, so a chunk of 64 keeps that cost near 1/64).
SITE_CHUNK = 64


@njit(cache=True)
def _balance_range(lo, hi, data, p_h, heat_loss, user_draw, cond_ret, user_heat, heat_ret, h_lsat, h_cond,
                   trap_draw, inj_flow, inj_h,
                   t_in, t_out, t_flow, t_eta, t_etag, ld_ht, h_steam, h_drum, b, eta_boiler,
                   phi, flash_idx, h_flash_v, vent_fraction, h_l_da, h_v_da, h_fw, h_raw, bd_eps,
                   q_hot_bd, q_cold_mu, heat_loss_frac, out):
    """Points ``lo:hi`` of :func:`site_balance_batch`: the first from the starting estimate,
    each next one from the previous point's solution (a warm start). Returns -1 or the first
    point in the range that could not be balanced."""
    n = p_h.size
    nt = t_flow.size
    hh = np.full(n, h_steam)
    hh_new = np.empty(n)
    d = np.empty(n)
    sup = np.empty(n)
    r = np.zeros(max(n - 1, 1))
    ls = np.zeros(max(n - 1, 1))
    lsp = np.zeros(max(n - 1, 1))
    da = np.empty(3)
    first_bad = -1
    inj_total = 0.0
    for j in range(n):
        inj_total += inj_flow[j]
    S = 0.0
    for j in range(n):
        S += user_draw[lo, j] + user_heat[lo, j] / 2.0e6
    S *= 1.2
    h_mu = h_raw
    for k in range(lo, hi):
        ok = True
        spray_total = 0.0
        m_u = 0.0
        vent = 0.0
        for _outer in range(200):
            for i in range(n - 1):
                r[i] = 0.0
                if not math.isnan(ld_ht[i]):   # the desuperheater balance of the PRV unit (NaN: no spray)
                    ri = desuperheater_spray_ratio(hh[i], h_fw, ld_ht[i])
                    r[i] = 0.0 if math.isnan(ri) else ri
            for _it in range(500):
                F = S / (1.0 - b)
                blow = F - S
                cond = cond_ret[k]
                for j in range(n):
                    d[j] = user_draw[k, j] + trap_draw[j]
                    sup[j] = inj_flow[j]
                    if user_heat[k, j] > 0.0:
                        d[j] += user_heat[k, j] / (hh[j] - h_lsat[j])
                        cond += heat_ret[k, j] / (hh[j] - h_lsat[j])
                for t in range(nt):
                    d[t_in[t]] += t_flow[t]
                    sup[t_out[t]] += t_flow[t]
                if flash_idx >= 0:
                    sup[flash_idx] += phi * blow
                f_da = F + spray_total + inj_total
                st = deaerator_balance_overflow(f_da, h_l_da, vent_fraction * f_da, h_v_da, 0.0, 0.0, cond, h_cond,
                                                h_mu, hh[n - 1], da)
                if st != 0:
                    ok = False
                    break
                m_u = da[1]
                d[n - 1] += da[0]
                vent = 0.0
                spray_new = 0.0
                for j in range(n - 1, 0, -1):
                    need = d[j] - sup[j]
                    if need >= 0.0:
                        ls[j - 1] = need / (1.0 + r[j - 1])
                        lsp[j - 1] = need - ls[j - 1]
                    else:
                        ls[j - 1] = 0.0
                        lsp[j - 1] = 0.0
                        vent -= need
                    d[j - 1] += ls[j - 1]
                    spray_new += lsp[j - 1]
                top = d[0] - sup[0]
                if top < 0.0:
                    vent -= top
                    top = 0.0
                done = abs(top - S) <= 1e-13 * max(top, 1.0) and abs(spray_new - spray_total) <= 1e-13 * max(spray_new, 1.0)
                S = top
                spray_total = spray_new
                if done:
                    break
            if not ok:
                break
            # make-up preheated by the (flashed) blowdown
            h_mu_new = h_raw
            blow = S / (1.0 - b) - S
            if bd_eps > 0.0 and blow > 0.0 and m_u > 0.0:
                h_mu_new = h_raw + bd_eps * min(blow * (1.0 - phi) * q_hot_bd, m_u * q_cold_mu) / m_u
            # header states, highest pressure first
            for j in range(n):
                m = 0.0
                e = 0.0
                if j == 0:
                    m += S
                    e += S * h_steam
                else:
                    m += ls[j - 1] + lsp[j - 1]
                    e += ls[j - 1] * hh_new[j - 1] + lsp[j - 1] * h_fw
                for t in range(nt):
                    if t_out[t] == j:
                        m += t_flow[t]
                        e += t_flow[t] * _exhaust_h(data, p_h[t_in[t]], hh_new[t_in[t]], p_h[j], t_eta[t])
                m += inj_flow[j]
                e += inj_flow[j] * inj_h[j]
                if flash_idx == j:
                    m += phi * blow
                    e += phi * blow * h_flash_v
                if m > 0.0:
                    hh_new[j] = (e * (1.0 - heat_loss_frac[j]) - heat_loss[j]) / m
                else:
                    hh_new[j] = h_steam if j == 0 else hh_new[j - 1]
            change = abs(h_mu_new - h_mu)
            for j in range(n):
                change = max(change, abs(hh_new[j] - hh[j]))
                hh[j] = hh_new[j]
            h_mu = h_mu_new
            if change <= 1e-10:
                break
        if not ok or not (S >= 0.0):
            for c in range(7):
                out[k, c] = math.nan
            if first_bad < 0:
                first_bad = k
            continue
        F = S / (1.0 - b)
        fuel = (S * h_steam + (F - S) * h_drum - F * h_fw) / eta_boiler
        gen = 0.0
        for t in range(nt):
            gen += t_etag[t] * t_flow[t] * (hh[t_in[t]] - _exhaust_h(data, p_h[t_in[t]], hh[t_in[t]],
                                                                       p_h[t_out[t]], t_eta[t]))
        f_da = F + spray_total + inj_total
        out[k, 0] = S
        out[k, 1] = fuel
        out[k, 2] = gen
        out[k, 3] = f_da * (h_fw - h_l_da)
        out[k, 4] = m_u
        out[k, 5] = vent
        out[k, 6] = da[2]
    return first_bad


@njit(cache=True)
def site_balance_batch(data, p_h, heat_loss, user_draw, cond_ret, user_heat, heat_ret, h_lsat, h_cond,
                       trap_draw, inj_flow, inj_h,
                       t_in, t_out, t_flow, t_eta, t_etag, ld_ht, h_steam, h_drum, b, eta_boiler,
                       phi, flash_idx, h_flash_v, vent_fraction, h_l_da, h_v_da, h_fw, h_raw, bd_eps,
                       q_hot_bd, q_cold_mu, heat_loss_frac, out):
    r"""Balance K operating points of one chain site; ``out`` (K, 7): boiler steam [kg/s],
    fuel [W], turbine power [W], feed-pump power [W], make-up [kg/s], vented steam [kg/s],
    condensate overflow [kg/s] (the deaerator's level control of
    :func:`~units.steam.kernels.deaerator_balance_overflow`, as in the site model).

    Header 0 is the top (boiler) header, header n-1 the lowest (deaerator) header; letdown i
    joins header i to i+1 with desuperheater set-point enthalpy ``ld_ht[i]`` (NaN: none).
    ``user_draw`` (K, n) [kg/s] and ``cond_ret`` (K,) [kg/s] vary per point, and so do the heat
    users' duties ``user_heat`` (K, n) [W] and their returned share ``heat_ret`` (K, n) [W], whose
    steam flows follow the header state, heat / (h - h_l(p)) with ``h_lsat`` (n,) the saturated
    liquid at each header; the rest is fixed. Balances as
    in :meth:`units.steam.site.SiteModel.controls` and ``_estimate_states``. Returns -1, or the
    index of the first point that could not be balanced (its row NaN).

    Points are balanced in chunks of :data:`SITE_CHUNK`: within a chunk each point starts from
    the previous point's solution (a warm start), each chunk from the boiler-steam estimate of
    its first point, so this serial loop and :func:`site_balance_batch_parallel` give the same
    numbers and the same first bad point.
    """
    K = user_draw.shape[0]
    first_bad = -1
    for c in range((K + SITE_CHUNK - 1) // SITE_CHUNK):
        lo = c * SITE_CHUNK
        bad = _balance_range(lo, min(lo + SITE_CHUNK, K), data, p_h, heat_loss, user_draw, cond_ret,
                             user_heat, heat_ret, h_lsat, h_cond, trap_draw, inj_flow, inj_h, t_in, t_out,
                             t_flow, t_eta, t_etag, ld_ht, h_steam, h_drum, b, eta_boiler, phi, flash_idx,
                             h_flash_v, vent_fraction, h_l_da, h_v_da, h_fw, h_raw, bd_eps, q_hot_bd,
                             q_cold_mu, heat_loss_frac, out)
        if bad >= 0 and first_bad < 0:
            first_bad = bad
    return first_bad


@njit(cache=True, nogil=True, parallel=True)
def site_balance_batch_parallel(data, p_h, heat_loss, user_draw, cond_ret, user_heat, heat_ret, h_lsat, h_cond,
                                trap_draw, inj_flow, inj_h,
                                t_in, t_out, t_flow, t_eta, t_etag, ld_ht, h_steam, h_drum, b, eta_boiler,
                                phi, flash_idx, h_flash_v, vent_fraction, h_l_da, h_v_da, h_fw, h_raw, bd_eps,
                                q_hot_bd, q_cold_mu, heat_loss_frac, out):
    """:func:`site_balance_batch` with its chunks on numba's threads (the same numbers)."""
    K = user_draw.shape[0]
    bad = np.empty((K + SITE_CHUNK - 1) // SITE_CHUNK, dtype=np.int64)
    for c in prange(bad.size):
        lo = c * SITE_CHUNK
        bad[c] = _balance_range(lo, min(lo + SITE_CHUNK, K), data, p_h, heat_loss, user_draw, cond_ret,
                                user_heat, heat_ret, h_lsat, h_cond, trap_draw, inj_flow, inj_h, t_in,
                                t_out, t_flow, t_eta, t_etag, ld_ht, h_steam, h_drum, b, eta_boiler, phi,
                                flash_idx, h_flash_v, vent_fraction, h_l_da, h_v_da, h_fw, h_raw, bd_eps,
                                q_hot_bd, q_cold_mu, heat_loss_frac, out)
    return first_flagged(bad)


@dataclass(frozen=True)
class BatchResult:
    """Per point (arrays, SI): boiler_steam [kg/s], fuel_input [W], power_generated [W],
    feed_pump_power [W], power_import [W], makeup_water [kg/s], vented [kg/s],
    condensate_overflow [kg/s],
    co2_per_year [kg], total_cost_per_year [currency]."""

    boiler_steam: np.ndarray
    fuel_input: np.ndarray
    power_generated: np.ndarray
    feed_pump_power: np.ndarray
    power_import: np.ndarray
    makeup_water: np.ndarray
    vented: np.ndarray
    condensate_overflow: np.ndarray
    co2_per_year: np.ndarray
    total_cost_per_year: np.ndarray


@dataclass(frozen=True)
class BatchSite:
    """The fixed arrays of a site for :func:`site_balance_batch` (built by :func:`batch_site`)."""

    spec: object
    user_header: np.ndarray
    args: tuple


def batch_site(model) -> BatchSite:
    """Check that ``model`` (a :class:`SiteModel`) fits the batch path and precompute its fixed states."""
    sp, w = model.spec, model.water
    problems = []
    names = [h.name for h in sp.headers]
    idx = {n: i for i, n in enumerate(names)}
    for i in range(1, len(names)):
        ld = model._balancing[names[i]]
        if ld.inlet != names[i - 1]:
            problems.append(f"letdown into {names[i]!r} comes from {ld.inlet!r}, not the next higher header")
    if len(sp.letdowns) != len(names) - 1:
        problems.append("extra letdowns beside the balancing chain")
    if sp.deaerator.header != names[-1]:
        problems.append("the deaerator is not on the lowest header")
    if any(u.flash_to is not None for u in sp.users):
        problems.append("condensate flash")
    if any(t.outlet is None or t.flow is None or t.extraction is not None for t in sp.turbines):
        problems.append("condensing or extraction turbines, or turbines run by power or balancing a header")
    if model.fired is not None:
        problems.append("a boiler modelled by its combustion side (give its efficiency)")
    if w.backend != "IF97":
        problems.append("IAPWS-95 water (the batch tables are IF97)")
    if problems:
        raise ValueError(f"site {sp.name!r} does not fit the batch path: {'; '.join(problems)}")
    n = len(names)
    p_h = np.array([h.pressure for h in sp.headers])
    heat_loss = np.array([h.heat_loss for h in sp.headers])
    trap = np.zeros(n)
    for tr in sp.traps:
        trap[idx[tr.header]] += SteamTraps("t", tr.failed_open, tr.orifice_diameter,
                                           tr.discharge_coefficient).loss_flow(p_h[idx[tr.header]])
    inj_flow, inj_h = np.zeros(n), np.zeros(n)
    for inj in sp.injections:
        j = idx[inj.header]
        st = w.state(p=p_h[j], x=1.0) if inj.temperature is None else w.state(p=p_h[j], T=inj.temperature)
        inj_h[j] = (inj_h[j] * inj_flow[j] + inj.flow * st.h) / (inj_flow[j] + inj.flow) if inj.flow > 0 else inj_h[j]
        inj_flow[j] += inj.flow
    t_in = np.array([idx[t.inlet] for t in sp.turbines], dtype=np.int64)
    t_out = np.array([idx[t.outlet] for t in sp.turbines], dtype=np.int64)
    t_flow = np.array([t.flow for t in sp.turbines], dtype=float)
    t_eta = np.array([t.isentropic_efficiency for t in sp.turbines], dtype=float)
    t_etag = np.array([t.generator_efficiency for t in sp.turbines], dtype=float)
    ld_ht = np.full(max(n - 1, 1), math.nan)
    for i in range(1, n):
        ld = model._balancing[names[i]]
        if ld.desuperheat_to is not None:
            ld_ht[i - 1] = w.state(p=p_h[i], T=ld.desuperheat_to).h
    p_da = sp.deaerator.pressure
    liq, vap = w.saturation(p=p_da)
    h_fw = float(isentropic_outlet_enthalpy(liq.h, w.state(p=sp.boiler.pressure, s=liq.s).h, sp.feed_pump_efficiency))
    phi, flash_idx, h_flash_v, p_bd, h_bd = 0.0, -1, 0.0, sp.boiler.pressure, model._drum.h
    if sp.blowdown_flash_header is not None:
        flash_idx = idx[sp.blowdown_flash_header]
        _, hl_f, h_flash_v = saturation_enthalpies(w, p_h[flash_idx])
        phi = float(flash_fraction(model._drum.h, hl_f, h_flash_v))
        p_bd, h_bd = p_h[flash_idx], hl_f
    raw = w.state(p=sp.makeup_pressure, T=sp.makeup_temperature)
    eps = 0.0 if sp.blowdown_heat_recovery is None else sp.blowdown_heat_recovery
    t_bd = w.state(p=p_bd, h=h_bd).T
    # per kg of blowdown and of make-up, as MakeupWater: the largest exchange (effectiveness
    # form), or the exchange at the given approach (eps = 1 on the approach-limited ends)
    a = 0.0 if sp.blowdown_approach is None else sp.blowdown_approach
    if sp.blowdown_approach is not None:
        eps = 1.0 if t_bd > raw.T + a else 0.0
    q_hot = h_bd - w.state(p=p_bd, T=raw.T + a).h if t_bd > raw.T + a else 0.0
    q_cold = w.state(p=sp.makeup_pressure, T=min(t_bd - a, w.saturation(p=sp.makeup_pressure)[0].T - 0.01)).h - raw.h
    h_cond = w.state(p=p_da, T=sp.condensate_return_temperature).h
    user_header = np.array([idx[u.header] for u in sp.users], dtype=np.int64)
    h_lsat = np.array([saturation_enthalpies(w, p)[1] for p in p_h])
    args = (p_h, heat_loss, h_lsat, h_cond, trap, inj_flow, inj_h, t_in, t_out, t_flow, t_eta, t_etag, ld_ht,
            model._steam_h, model._drum.h, sp.boiler.blowdown_fraction, sp.boiler.efficiency, phi, flash_idx,
            h_flash_v, sp.deaerator.vent_fraction, liq.h, vap.h, h_fw, raw.h, eps, q_hot, max(q_cold, 0.0),
            np.array([h.heat_loss_fraction for h in sp.headers]))
    return BatchSite(sp, user_header, args)


def _check_compiled(data, bsite: BatchSite, per_point) -> None:
    """Compare the compiled kernel with its Python version on one point; recompile if they differ.

    This kernel inlines the table kernels of :mod:`procsim.thermo.tables` and the isentropic
    relation of :mod:`procsim.thermo.isentropic`; after those change the cached machine code
    can be stale yet load without error (seen here: 1.3e-4 in fuel after a table-layout
    change). :func:`procsim.jitcheck.ensure_fresh` runs the probe compiled and as Python.
    """
    key = ("steam_site_batch",) + tuple(type(v).__name__ + str(np.shape(v)) for v in data)
    p_h = bsite.args[0]
    p_in, p_out = float(p_h[0]), float(p_h[-1]) if p_h.size > 1 else 0.5 * float(p_h[0])
    h_in = float(bsite.args[13])       # boiler steam enthalpy
    args = (data, bsite.args[0], bsite.args[1]) + per_point + bsite.args[2:] + (np.empty((1, 7)),)
    # the expansion helper first: the kernel's py_func still calls its compiled version
    ensure_fresh(key, [(_exhaust_h, (data, p_in, h_in, p_out, 0.7), None),
                       (site_balance_batch, args, len(args) - 1)],
                 (_exhaust_h, _balance_range, site_balance_batch, site_balance_batch_parallel))


def _parallel(points: int) -> bool:
    """The parallel loop for two chunks or more when numba has more than one thread (a site
    point costs about 0.2 ms, so two chunks already outweigh starting the threads)."""
    if points < 2 * SITE_CHUNK:
        return False
    import numba

    return numba.get_num_threads() > 1


def run_batch(bsite: BatchSite, demands, recoveries, direct_fractions=None) -> BatchResult:
    """Balance the site for per-point user demands and condensate recoveries, arrays (K, n_users).

    ``demands[k, i]``: the flow [kg/s] of a user given by flow, the heat [W] of one given by
    heat (as in the site description); ``recoveries[k, i]`` in [0, 1].
    """
    from procsim.thermo.fluids import Fluid

    sp = bsite.spec
    dem = np.atleast_2d(np.asarray(demands, dtype=float))
    rec = np.atleast_2d(np.asarray(recoveries, dtype=float))
    nu = len(sp.users)
    if dem.shape[1] != nu or rec.shape != dem.shape:
        raise ValueError(f"demands and recoveries must have shape (K, {nu}); got {dem.shape} and {rec.shape}")
    if not (np.all(dem >= 0.0) and np.all((rec >= 0.0) & (rec <= 1.0))):
        raise ValueError("user demands must be >= 0 (kg/s or W) and recoveries in [0, 1]")
    direct = (np.array([u.direct_fraction for u in sp.users]) if direct_fractions is None
              else np.asarray(direct_fractions, dtype=float))
    by_heat = np.array([u.flow is None for u in sp.users])
    n = len(sp.headers)
    K = dem.shape[0]
    draw, heat, heat_ret = np.zeros((K, n)), np.zeros((K, n)), np.zeros((K, n))
    for i in range(nu):
        j = bsite.user_header[i]
        if by_heat[i]:
            heat[:, j] += dem[:, i]
            heat_ret[:, j] += dem[:, i] * (1.0 - direct[i]) * rec[:, i]
        else:
            draw[:, j] += dem[:, i]
    mass = ~by_heat
    cond = np.ascontiguousarray((dem[:, mass] * (1.0 - direct[mass]) * rec[:, mass]).sum(axis=1))
    (p_h, heat_loss, h_lsat, h_cond, trap, inj_flow, inj_h, t_in, t_out, t_flow, t_eta, t_etag, ld_ht, h_steam,
     h_drum, b, eta, phi, flash_idx, h_flash_v, vf, h_l_da, h_v_da, h_fw, h_raw, eps, q_hot, q_cold,
     hl_frac) = bsite.args
    out = np.empty((K, 7))
    data = Fluid("Water").table().data
    per_point = (np.ascontiguousarray(draw), cond, np.ascontiguousarray(heat), np.ascontiguousarray(heat_ret))
    _check_compiled(data, bsite, tuple(a[:1] for a in per_point))
    loop = site_balance_batch_parallel if _parallel(K) else site_balance_batch
    bad = loop(data, p_h, heat_loss, *per_point, h_lsat, h_cond, trap, inj_flow, inj_h,
               t_in, t_out, t_flow, t_eta, t_etag, ld_ht, h_steam, h_drum, b, eta, phi, flash_idx,
               h_flash_v, vf, h_l_da, h_v_da, h_fw, h_raw, eps, q_hot, q_cold, hl_frac, out)
    if bad >= 0:
        raise ValueError(f"site {sp.name!r}: point {bad} cannot be balanced (user demands {dem[bad].tolist()}, "
                         f"recoveries {rec[bad].tolist()}): more condensate than the deaerator's feedwater demand "
                         "(condenser returns) or no steam/make-up split heats it")
    econ = sp.economics
    sec = econ.hours * 3600.0
    imp = econ.site_power_demand + out[:, 3] - out[:, 2]
    co2 = sec * (out[:, 1] * econ.fuel_emission_factor + imp * econ.grid_emission_factor)
    cost = sec * (out[:, 1] * econ.fuel_price + imp * econ.power_price + out[:, 4] * econ.water_price)
    return BatchResult(boiler_steam=out[:, 0].copy(), fuel_input=out[:, 1].copy(), power_generated=out[:, 2].copy(),
                       feed_pump_power=out[:, 3].copy(), power_import=imp, makeup_water=out[:, 4].copy(),
                       vented=out[:, 5].copy(), condensate_overflow=out[:, 6].copy(), co2_per_year=co2, total_cost_per_year=cost)
