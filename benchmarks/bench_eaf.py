"""Benchmark: batched EAF heat balances (numba loop) vs a Python loop over the kernel's py_func.

    python benchmarks/bench_eaf.py [--quick]

Heats: the documented 120 t scrap heat with the charge varied per heat (DRI 0-40 % of the
metallics, pig iron 0-20 %, lance oxygen x1.0-1.5, injection carbon x0.7-1.3; seeded).
procsim: ``ElectricArcFurnace.balance_batch`` (one numba loop over the scalar kernel,
including array set-up). Reference: a Python ``for`` loop calling ``heat_balance.py_func``
(the same algorithm interpreted; its inner enthalpy calls are compiled) on the same inputs.
The reference runs on a subset and is compared per heat; both results are checked equal.
Writes benchmarks/results/bench_eaf.json with the machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from procsim.thermo.gas import COEFFS, MOLAR_MASS, SPECIES  # noqa: E402
from units.eaf import kernels as K  # noqa: E402
from units.eaf import material, typical_heat  # noqa: E402
from units.eaf.condensed import COMPONENT_MOLAR_MASS, COMPONENT_SEGMENTS, SEGMENTS  # noqa: E402
from units.eaf.furnace import _GAS_ELEMENTS, _GAS_INDEX, PHASE_MODES_BY_STATE, gas_composition  # noqa: E402
from harness import machine_info, write_result  # noqa: E402 (benchmarks/ is the script directory)


def make_inputs(n: int, seed: int = 20261124):
    rng = np.random.default_rng(seed)
    eaf, charge, gases = typical_heat()
    metallic = charge["scrap_hms"] + charge["scrap_shredded"]
    dri = rng.uniform(0.0, 0.4, n) * metallic
    pig = rng.uniform(0.0, 0.2, n) * metallic
    ch = dict(charge)
    ch["scrap_hms"] = charge["scrap_hms"] * (metallic - dri - pig) / metallic
    ch["scrap_shredded"] = charge["scrap_shredded"] * (metallic - dri - pig) / metallic
    ch["dri"] = dri
    ch["pig_iron"] = pig
    ch["injection_carbon"] = charge["injection_carbon"] * rng.uniform(0.7, 1.3, n)
    g = dict(gases)
    g["lance_oxygen"] = gases["lance_oxygen"] * rng.uniform(1.0, 1.5, n)
    return eaf, ch, g


def reference_loop(eaf, ch, g, m: int):
    """Python loop over heat_balance.py_func for the first m heats; returns electricity [J]."""
    mats = [material(k) for k in ch]
    per_kg = np.array([x.moles_per_kg for x in mats])
    mode = np.array([PHASE_MODES_BY_STATE[x.state] for x in mats], dtype=np.int64)
    T = np.array([x.temperature for x in mats])
    o2, ng = gas_composition("oxygen"), gas_composition("natural_gas")
    air = eaf.air_ingress / gas_composition("air").molar_mass * gas_composition("air").x
    params = eaf._params()
    out = np.empty(K.N_OUT)
    steel, slag, og = np.empty(10), np.empty(10), np.empty(len(SPECIES))
    e = np.empty(m)
    for i in range(m):
        masses = np.array([np.broadcast_to(v, (m,))[i] if np.ndim(v) else v for v in ch.values()])
        moles = masses[:, None] * per_kg
        o2_kg = sum(np.broadcast_to(g[k], (m,))[i] for k in ("lance_oxygen", "burner_oxygen"))
        gas_in = o2_kg / o2.molar_mass * o2.x + g["burner_natural_gas"] / ng.molar_mass * ng.x + air
        K.heat_balance.py_func(moles, T, mode, gas_in, params, _GAS_ELEMENTS, _GAS_INDEX, COEFFS, MOLAR_MASS,
                               COMPONENT_SEGMENTS, SEGMENTS, COMPONENT_MOLAR_MASS, out, steel, slag, og)
        e[i] = out[K.O_ELECTRICITY]
    return e


def best_of(fn, repeat):
    best = np.inf
    res = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = fn()
        best = min(best, time.perf_counter() - t0)
    return best, res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1e4 heats, 100 reference heats")
    args = ap.parse_args(argv)
    n, m, repeat = (10_000, 100, 2) if args.quick else (100_000, 1_000, 3)

    t0 = time.perf_counter()
    eaf, ch, g = make_inputs(8)
    eaf.balance_batch(ch, **g)  # compile or load the numba cache
    warm = time.perf_counter() - t0

    eaf, ch, g = make_inputs(n)
    t_batch, res = best_of(lambda: eaf.balance_batch(ch, **g), repeat)
    sub = {k: (v[:m] if np.ndim(v) else v) for k, v in ch.items()}
    gsub = {k: (v[:m] if np.ndim(v) else v) for k, v in g.items()}
    t_ref, e_ref = best_of(lambda: reference_loop(eaf, sub, gsub, m), 1 if args.quick else 2)
    max_rel = float(np.max(np.abs(res.electricity[:m] - e_ref) / e_ref))
    per_batch = t_batch / n
    per_ref = t_ref / m
    ratio = per_ref / per_batch
    kwh = res.electricity_kwh_per_tonne
    report = {
        "benchmark": "eaf_heat_balance_batch",
        "heats": n, "reference_heats": m,
        "warmup_s": warm,
        "procsim_batch_s": t_batch, "procsim_per_heat_us": per_batch * 1e6,
        "reference_per_heat_us": per_ref * 1e6, "speedup_per_heat": ratio,
        "max_relative_difference": max_rel,
        "electricity_kwh_per_t_range": [float(kwh.min()), float(kwh.max())],
        "max_relative_energy_residual": float(np.max(np.abs(res.energy_residual) / res.total_input)),
        "machine": machine_info(),
    }
    print(f"warm-up (compile/cache load): {warm:.2f} s")
    print(f"procsim balance_batch: {n} heats in {t_batch:.3f} s ({per_batch * 1e6:.2f} us/heat)")
    print(f"reference py_func loop: {m} heats in {t_ref:.3f} s ({per_ref * 1e6:.1f} us/heat)")
    print(f"ratio (reference / procsim, per heat): {ratio:.0f}x; max rel. difference {max_rel:.1e}")
    print(f"electricity {kwh.min():.0f}-{kwh.max():.0f} kWh/t; max energy residual "
          f"{report['max_relative_energy_residual']:.1e}")
    write_result("bench_eaf", report, indent=1)
    return report


if __name__ == "__main__":
    main()
