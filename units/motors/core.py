"""Kernels of the induction-motor model: part-load efficiency and power factor.

Loss model (IEC 60034-2-1:2014 loss segregation): the losses of a line-fed induction motor
split into constant losses (iron and friction/windage, independent of load at fixed
voltage and speed) and load losses (stator and rotor I^2R and additional load losses,
proportional to the square of torque, i.e. of the load fraction at near-constant speed):

.. math:: P_L(x) = P_{L,r}\\,[k_0 + (1-k_0)\\,x^2], \\qquad
          P_{L,r} = P_r\\,(1/\\eta_r - 1), \\qquad
          \\eta(x) = \\frac{x}{x + (1/\\eta_r - 1)[k_0 + (1-k_0)x^2]}

Efficiency peaks where the two loss groups are equal, at :math:`x^* = \\sqrt{k_0/(1-k_0)}`.
"""
from __future__ import annotations

import math

from numba import njit

__all__ = ["part_load_efficiency", "part_load_efficiency_array", "power_factor_kernel",
           "power_factor_array", "CONSTANT_LOSS_SHARE"]

#: Share of the rated losses that does not depend on load, k0 [-]. 0.36 puts the efficiency
#: peak at 75 % load (x* = sqrt(0.36/0.64) = 0.75), where the US DOE fact sheet
#: "Determining Electric Motor Load and Efficiency" (DOE/GO-10097-517, 2014, p. 2) places
#: it ("maximum efficiency is usually near 75 % of rated load") and where DOE MEASUR's
#: motor curves peak (AMO-Tools-Suite tests/cpp/MotorEfficiency.unit.cpp, 200 hp energy
#: efficient and premium 60 Hz motors). An assumption for motors without test data.
CONSTANT_LOSS_SHARE = 0.36


@njit(cache=True)
def part_load_efficiency(load, rated_efficiency, constant_loss_share):
    """Motor efficiency [-] at load fraction ``load`` (shaft power / rated power).

    load >= 0; rated_efficiency in (0, 1); constant_loss_share in [0, 1]. Returns 0 at zero
    load (all input is loss) and NaN for inputs outside those ranges.
    """
    if not (load >= 0.0 and 0.0 < rated_efficiency < 1.0 and 0.0 <= constant_loss_share <= 1.0):
        return math.nan
    if load == 0.0:
        return 0.0
    loss = (1.0 / rated_efficiency - 1.0) * (constant_loss_share
                                             + (1.0 - constant_loss_share) * load * load)
    return load / (load + loss)


@njit(cache=True)
def part_load_efficiency_array(load, rated_efficiency, constant_loss_share, out):
    """Array loop of :func:`part_load_efficiency`; returns -1 or the first bad index."""
    first_bad = -1
    for i in range(load.size):
        out[i] = part_load_efficiency(load[i], rated_efficiency[i], constant_loss_share)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad


@njit(cache=True)
def power_factor_kernel(load, rated_efficiency, rated_power_factor, no_load_current,
                        constant_loss_share):
    r"""Power factor [-] at load fraction ``load`` from the equivalent-circuit split of reactive power.

    Reactive power = magnetising part (constant at fixed voltage, taken as the no-load
    current, which is almost wholly reactive) + leakage part (proportional to the load
    current squared, :math:`\approx x^2`):

    .. math:: Q(x) = Q_0 + (Q_r - Q_0)\,x^2,\quad Q_0 = i_0 S_r,\quad
              Q_r = S_r \sin\varphi_r,\quad \mathrm{PF} = P_{in}/\sqrt{P_{in}^2 + Q^2}

    per unit of rated apparent power :math:`S_r = P_{in,r}/\mathrm{PF}_r`.
    Reference: S. J. Chapman, *Electric Machinery Fundamentals*, 5th ed., McGraw-Hill,
    2012, sec. 6.5 (per-phase equivalent circuit; magnetising and leakage reactances).
    Requires 0 < no_load_current <= sin(phi_r); returns NaN otherwise.
    """
    if not (0.0 < rated_power_factor <= 1.0 and load >= 0.0):
        return math.nan
    sin_r = math.sqrt(1.0 - rated_power_factor * rated_power_factor)
    if not (0.0 < no_load_current <= sin_r + 1e-12):
        return math.nan
    # per unit of rated input power P_in,r
    s_r = 1.0 / rated_power_factor
    q0 = no_load_current * s_r
    q_r = sin_r * s_r
    eta = part_load_efficiency(load, rated_efficiency, constant_loss_share)
    if math.isnan(eta):
        return math.nan
    if load == 0.0:
        p_in = (1.0 / rated_efficiency - 1.0) * constant_loss_share * rated_efficiency
    else:
        p_in = load * rated_efficiency / eta
    q = q0 + (q_r - q0) * load * load
    return p_in / math.sqrt(p_in * p_in + q * q)


@njit(cache=True)
def power_factor_array(load, rated_efficiency, rated_power_factor, no_load_current,
                       constant_loss_share, out):
    """Array loop of :func:`power_factor_kernel`; returns -1 or the first bad index."""
    first_bad = -1
    for i in range(load.size):
        out[i] = power_factor_kernel(load[i], rated_efficiency[i], rated_power_factor[i],
                                     no_load_current[i], constant_loss_share)
        if math.isnan(out[i]) and first_bad < 0:
            first_bad = i
    return first_bad

