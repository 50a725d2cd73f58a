"""EAF compact batch: the same numbers as the full per-heat kernel, serial or parallel, in
under 200 B per heat."""
import tracemalloc

import numpy as np
import pytest

from units.eaf import kernels as K
from units.eaf.furnace import (_GAS_ELEMENTS, _GAS_INDEX, COMPONENT_MOLAR_MASS, COMPONENT_SEGMENTS, COEFFS,
                               MOLAR_MASS, SEGMENTS, SPECIES)
from tests.test_eaf_balance import scrap_heat

pytestmark = pytest.mark.component


def _batch_charge(n):
    eaf, charge, gases = scrap_heat()
    dri = np.linspace(0.0, 40e3, n)
    ch = dict(charge)
    ch["scrap_hms"] = charge["scrap_hms"] - dri
    ch["dri"] = dri
    return eaf, ch, gases


def test_compact_batch_equals_the_full_kernel_heat_by_heat():
    # the full kernel (every heat's moles, gas inputs and 25 outputs) is the reference
    eaf, ch, gases = _batch_charge(5)
    b = eaf.balance_batch(ch, **gases)
    for i in range(5):
        one = eaf.balance({k: (v[i] if np.ndim(v) else v) for k, v in ch.items()}, **gases)
        assert b.electricity[i] == one.electricity
        assert b.steel_mass[i] == one.steel_mass and b.slag_mass[i] == one.slag_mass


def test_parallel_batch_gives_the_serial_numbers():
    eaf, ch, gases = _batch_charge(700)  # above the parallel threshold of 256 heats
    par = eaf.balance_batch(ch, **gases)
    small = eaf.balance_batch({k: (v[:200] if np.ndim(v) else v) for k, v in ch.items()}, **gases)
    assert np.array_equal(par.electricity[:200], small.electricity)
    assert np.array_equal(par.energy_residual[:200], small.energy_residual)


def test_batch_memory_per_heat_is_below_200_bytes():
    eaf, ch, gases = _batch_charge(20_000)
    eaf.balance_batch({k: (v[:300] if np.ndim(v) else v) for k, v in ch.items()}, **gases)  # compile
    inputs = sum(np.asarray(v).nbytes for v in ch.values())
    tracemalloc.start()
    eaf.balance_batch(ch, **gases)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # allocated by the call beyond the caller's own input arrays, per heat
    assert peak / 20_000 < 200, peak / 20_000
    assert inputs > 0
