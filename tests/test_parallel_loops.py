"""Elementwise kernels on numba's threads (procsim.parallel): exchanger ratings and sizing, stack
losses, available heat and boiler part load give the serial loop's numbers bit for bit and name
the same first bad point, and the public functions take the parallel loop for large inputs."""
import numpy as np
import pytest

from procsim.batch import numba_threads
from procsim.parallel import GROUP, PARALLEL_MIN_POINTS, first_flagged, group_count, use_parallel
from procsim.thermo.combustion import kernels as CK
from procsim.thermo.combustion.air import combustion_air, product_rows
from units.boiler import Boiler, _fuel, stack_loss_fraction
from units.furnace.combustion import available_heat
from units.heat_exchanger import _kernels as HK
from units.heat_exchanger import core as hx

# not a multiple of GROUP, so the last group is short (an off-by-one in a group's range
# leaves points unwritten or written twice)
N = 3 * GROUP + 1234


def _same(a, b):
    return all(np.array_equal(x, y, equal_nan=True) for x, y in zip(a, b))


@pytest.mark.unit
def test_groups_and_first_flagged():
    assert [group_count(n) for n in (0, 1, GROUP, GROUP + 1)] == [0, 1, 1, 2]
    assert first_flagged(np.array([-1, -1, 9000, 4100], dtype=np.int64)) == 9000   # group order
    assert first_flagged(np.array([-1, -1], dtype=np.int64)) == -1
    assert not use_parallel(PARALLEL_MIN_POINTS - 1) and not use_parallel(10**6, threads=1)
    assert use_parallel(PARALLEL_MIN_POINTS, threads=2)
    with numba_threads(1):
        assert not use_parallel(10**6)


def _exchanger_inputs(seed):
    rng = np.random.default_rng(seed)
    thi, tci = rng.uniform(350, 500, N), rng.uniform(280, 360, N)
    return dict(ntu=rng.uniform(0, 8, N), cr=rng.uniform(0, 1, N), eps=rng.uniform(0, 1, N),
                thi=thi, tci=tci, tho=thi - rng.uniform(0, 60, N), tco=tci + rng.uniform(0, 60, N),
                ch=rng.uniform(-10, 2000, N), cc=rng.uniform(1, 2000, N), ua=rng.uniform(0, 3000, N),
                q=rng.uniform(0, 1e5, N))


@pytest.mark.unit
@pytest.mark.parametrize("arrangement", sorted(HK.ARRANGEMENTS))
def test_exchanger_kernels_parallel_equal_serial(arrangement):
    # random inputs with many unreachable points (NaN) and bad ones (c_hot <= 0), in every
    # group: values and the first bad index must match the serial loop exactly
    code, x = HK.ARRANGEMENTS[arrangement], _exchanger_inputs(1)
    cases = (("effectiveness_kernel", (x["ntu"], x["cr"], code, 2.0), 1),
             ("ntu_kernel", (x["eps"], x["cr"], code, 2.0), 1),
             ("eps_max_kernel", (x["cr"], code, 2.0), 1),
             ("lmtd_kernel", (x["thi"], x["tho"], x["tci"], x["tco"], code, 2.0), 1),
             ("rate_kernel", (x["thi"], x["tci"], x["ch"], x["cc"], x["ua"], code, 2.0), 3),
             ("size_kernel", (x["thi"], x["tci"], x["ch"], x["cc"], x["q"], code, 2.0), 1))
    for name, args, n_out in cases:
        serial, parallel = [np.full(N, -7.0) for _ in range(n_out)], [np.full(N, -7.0) for _ in range(n_out)]
        b_serial = getattr(HK, name)(*args, *serial)
        with numba_threads(2):
            b_parallel = getattr(HK, name + "_parallel")(*args, *parallel)
        assert _same(serial, parallel) and b_serial == b_parallel, name
        assert not any((o == -7.0).any() for o in parallel), name       # every point written


@pytest.mark.unit
def test_combustion_kernels_parallel_equal_serial():
    rng = np.random.default_rng(2)
    fv, air, rows = _fuel("pipeline_gas").vector, combustion_air(0.0), product_rows()
    o2 = rng.uniform(-0.005, 0.215, N)        # some below 0 and some above air's O2: bad
    ts, ta, t0 = rng.uniform(300, 700, N), rng.uniform(270, 320, N), rng.uniform(280, 300, N)
    co, rad, oth = rng.uniform(0, 1e-3, N), rng.uniform(0, 0.02, N), rng.uniform(0, 0.01, N)
    for name, args in (("stack_loss_array", (fv, air, o2, ts, ta, 1, rows)),
                       ("available_heat_array", (fv, air, o2, ts, ta, t0, 0, rows)),
                       ("hhv_efficiency_array", (fv, air, o2, co, ts, ta, rad, oth, rows))):
        a, b = np.full(N, -7.0), np.full(N, -7.0)
        bad_a = getattr(CK, name)(*args, a)
        with numba_threads(2):
            bad_b = getattr(CK, name + "_parallel")(*args, b)
        assert bad_a >= 0 and bad_a == bad_b and _same([a], [b]), name
        assert np.isfinite(a).sum() > N // 2 and not (b == -7.0).any(), name


@pytest.fixture
def counted(monkeypatch):
    """Count the calls of each parallel twin the public functions look up."""
    calls = {}

    def spy(module, name):
        real = getattr(module, name)

        def wrapper(*args):
            calls[name] = calls.get(name, 0) + 1
            return real(*args)
        monkeypatch.setattr(module, name, wrapper)

    for name in ("effectiveness_kernel_parallel", "ntu_kernel_parallel", "lmtd_kernel_parallel",
                 "rate_kernel_parallel", "size_kernel_parallel", "eps_max_kernel_parallel"):
        spy(HK, name)
    for name in ("stack_loss_array_parallel", "available_heat_array_parallel",
                 "hhv_efficiency_array_parallel"):
        spy(CK, name)
    return calls


@pytest.mark.component
def test_public_functions_use_the_parallel_loop_for_large_inputs(counted):
    n = PARALLEL_MIN_POINTS + 5
    rng = np.random.default_rng(4)
    thi, tci = rng.uniform(400, 500, n), rng.uniform(280, 350, n)
    ch, cc, ua = rng.uniform(500, 2000, n), rng.uniform(500, 2000, n), rng.uniform(100, 3000, n)
    o2, ts = rng.uniform(0.01, 0.08, n), rng.uniform(420, 520, n)
    with numba_threads(2):
        rating = hx.rate(ua, thi, tci, ch, cc, "counterflow")
        hx.size_ua(thi, tci, ch, cc, "counterflow", duty=rating.duty)
        hx.effectiveness(rating.ntu, rating.cr, "crossflow_both_unmixed")
        hx.ntu(rating.effectiveness, rating.cr, "counterflow")
        hx.lmtd(thi, rating.t_hot_out, tci, rating.t_cold_out)
        hx.max_effectiveness(rating.cr, "parallel")
        loss = stack_loss_fraction("pipeline_gas", o2, ts, 298.15)
        available_heat("pipeline_gas", o2, ts, 298.15, 298.15)
        boiler, _ = Boiler.example()
        part = boiler.part_load(np.linspace(0.3, 1.0, n))
    assert set(counted) == {"effectiveness_kernel_parallel", "ntu_kernel_parallel", "lmtd_kernel_parallel",
                            "rate_kernel_parallel", "size_kernel_parallel", "eps_max_kernel_parallel",
                            "stack_loss_array_parallel", "available_heat_array_parallel",
                            "hhv_efficiency_array_parallel"}
    # and they give the serial numbers
    with numba_threads(1):
        assert np.array_equal(hx.rate(ua, thi, tci, ch, cc, "counterflow").duty, rating.duty)
        assert np.array_equal(stack_loss_fraction("pipeline_gas", o2, ts, 298.15), loss)
        assert np.array_equal(boiler.part_load(np.linspace(0.3, 1.0, n)).efficiency_hhv, part.efficiency_hhv)


@pytest.mark.component
def test_a_bad_point_deep_in_a_large_input_gets_the_serial_message():
    n = PARALLEL_MIN_POINTS + 5
    o2 = np.full(n, 0.03)
    o2[n - 3] = 0.25                      # above air's O2, in the last group
    thi, tci = np.full(n, 450.0), np.full(n, 300.0)
    tci[GROUP + 17] = 460.0               # no driving force, second group
    messages = []
    for threads in (1, 2):
        with numba_threads(threads):
            with pytest.raises(ValueError) as e1:
                stack_loss_fraction("pipeline_gas", o2, 450.0, 298.15)
            with pytest.raises(ValueError) as e2:
                hx.rate(1000.0, thi, tci, 800.0, 900.0)
        messages.append((str(e1.value), str(e2.value)))
    assert messages[0] == messages[1]
    assert "0.25" in messages[0][0] and "o2_dry" in messages[0][0]
