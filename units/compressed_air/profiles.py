"""Synthetic demand profiles with documented shapes (so long profiles need not be committed).

A profile is built from named, explicit pieces, all seeded:

* shift pattern: relative demand per shift (default day 08-16 h 1.10, evening 16-24 h 1.00,
  night 00-08 h 0.85) and a weekend factor (default 0.80) - a three-shift plant;
* AR(1) noise (default 10 % standard deviation, 10 min correlation time) for the
  minute-to-minute swings of many small users;
* intermittent blocks (default: 15-min blocks on with probability 0.3 adding 25 % of the
  mean, e.g. descaling or blow-off at a rolling mill).

The profile is scaled so that its mean is exactly ``mean``. These shapes are assumptions of
the case that uses them, not measurements.
"""
from __future__ import annotations

import numpy as np
from scipy.signal import lfilter

from procsim.validation import check_nonnegative, check_positive, check_range

__all__ = ["shift_profile"]


def shift_profile(mean, days=7.0, dt=60.0, seed=0, shifts=(0.85, 1.10, 1.00), weekend=0.80,
                  noise=0.10, correlation_time=600.0, block=900.0, block_probability=0.3,
                  block_size=0.25, minimum=0.05):
    """Free-air demand [m3/s] per step of ``dt`` [s] over ``days`` days, mean ``mean`` [m3/s].

    shifts : relative demand in the 00-08, 08-16 and 16-24 h shifts; weekend : factor on
    days 6 and 7; noise : AR(1) standard deviation (fraction of the shift level) with
    ``correlation_time`` [s]; blocks of ``block`` [s] switch on with ``block_probability``
    adding ``block_size`` x mean; ``minimum`` : floor as a fraction of the mean.
    """
    mean = float(check_nonnegative("mean", mean, "m3/s"))
    days = float(check_positive("days", days, "d"))
    dt = float(check_range("dt", dt, 1.0, 3600.0, "s"))
    check_range("noise", noise, 0.0, 1.0, "")
    rng = np.random.default_rng(seed)
    n = int(round(days * 86400.0 / dt))
    t = np.arange(n) * dt
    hour = (t / 3600.0) % 24.0
    day = (t // 86400.0) % 7
    level = np.where(hour < 8.0, shifts[0], np.where(hour < 16.0, shifts[1], shifts[2]))
    level = level * np.where(day >= 5, weekend, 1.0)
    a = np.exp(-dt / float(check_positive("correlation_time", correlation_time, "s")))
    x = lfilter([1.0], [1.0, -a], rng.standard_normal(n) * noise * np.sqrt(1.0 - a * a))
    m = max(1, int(round(block / dt)))
    blocks = (rng.random(n // m + 1) < block_probability).repeat(m)[:n]
    y = np.maximum(level * (1.0 + x) + block_size * blocks, minimum)
    return mean * y / y.mean()
