r"""Fans: fan laws with density correction, fan systems under damper, inlet-vane, on/off and VFD control.

Fan laws (AMCA Publication 201-02 (R2011), *Fans and Systems*, sec. 4 and Annex A; geometrically
similar fans at the same point of rating):

.. math:: \frac{Q_2}{Q_1} = \frac{N_2}{N_1}\Big(\frac{D_2}{D_1}\Big)^3,\quad
          \frac{p_2}{p_1} = \frac{\rho_2}{\rho_1}\Big(\frac{N_2}{N_1}\Big)^2\Big(\frac{D_2}{D_1}\Big)^2,\quad
          \frac{P_2}{P_1} = \frac{\rho_2}{\rho_1}\Big(\frac{N_2}{N_1}\Big)^3\Big(\frac{D_2}{D_1}\Big)^5

A :class:`FanSystem` uses the pump kernels (:mod:`units.pumps.core`) with pressure [Pa] in
place of head: fan curve :math:`\Delta p = a_0 n^2 + a_1 n Q + a_2 Q^2`, system
:math:`\Delta p_s = p_0 + kQ^2`, air power :math:`Q\,\Delta p`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.validation import check_choice, check_nonnegative, check_positive, check_range
from units.motors import Motor
from units.motors.core import part_load_efficiency
from units.pumps import (DRIVE_EFFICIENCY, VFD_CONSTANT_LOSS_SHARE, VFD_RATED_EFFICIENCY,
                         MachineCurve, SystemCurve, drive_efficiency)
from units.pumps.core import operating_flow, speed_for_point

__all__ = ["fan_laws", "density_correction", "FanSystem", "FanOperation", "FAN_CONTROLS",
           "INLET_VANE_CURVE", "DRIVE_EFFICIENCY"]

FAN_CONTROLS = ("outlet_damper", "inlet_vanes", "on_off", "vfd")

#: Part-load power of a centrifugal fan with inlet vanes, fraction of full-flow power vs
#: flow fraction x: c0 + c1 x + c2 x^2 + c3 x^3. DOE-2.1E Reference Manual (LBL-34947,
#: 1993), Supplement, "VAV fan part-load curves", inlet-vane dampers; the same coefficients
#: are EnergyPlus's "Fan:VariableVolume" inlet-vane example (Input Output Reference, 2023).
INLET_VANE_CURVE = (0.35071223, 0.30850535, -0.54137364, 0.87198823)


def fan_laws(flow, pressure, power, speed_ratio=1.0, diameter_ratio=1.0, density_ratio=1.0):
    """Flow [m3/s], pressure [Pa] and power [W] at a new speed, size and air density.

    >>> [round(v, 6) for v in fan_laws(10.0, 1000.0, 15e3, speed_ratio=0.8)]
    [8.0, 640.0, 7680.0]
    """
    q = check_positive("flow", flow, "m3/s")
    p = check_positive("pressure", pressure, "Pa")
    w = check_positive("power", power, "W")
    n = check_positive("speed_ratio", speed_ratio)
    d = check_positive("diameter_ratio", diameter_ratio)
    r = check_positive("density_ratio", density_ratio)
    return q * n * d ** 3, p * r * n ** 2 * d ** 2, w * r * n ** 3 * d ** 5


def density_correction(temperature, pressure=101325.0, relative_humidity=0.0):
    """Ratio of air density to AMCA standard air (1.2041 kg/m3 at 20 C, 101.325 kPa).

    Dry air as an ideal gas, rho = p / (R_air T), R_air = 287.055 J/(kg K) (AMCA 210-16
    sec. 3.3 standard air; humidity below 1 % effect is ignored, so relative_humidity must
    be 0 here: give a measured density instead for humid air).

    >>> round(density_correction(273.15 + 100.0), 4)
    0.7856
    """
    t = check_positive("temperature", temperature, "K")
    p = check_positive("pressure", pressure, "Pa")
    check_range("relative_humidity", relative_humidity, 0.0, 0.0)
    return (p / (287.055 * t)) / 1.2041


@dataclass(frozen=True)
class FanOperation:
    control: str
    flow: np.ndarray           # [m3/s]
    pressure: np.ndarray       # fan pressure rise [Pa]
    speed_ratio: np.ndarray
    run_fraction: np.ndarray
    fan_efficiency: np.ndarray
    air_power: np.ndarray      # Q dp [W]
    shaft_power: np.ndarray    # [W]
    electric_power: np.ndarray  # mean electric input [W]
    energy_residual: float     # [W]
    mass_residual: float = 0.0


@dataclass(frozen=True)
class FanSystem:
    """A fan (curve in Pa) on a duct system (static pressure + k Q^2), with drive train.

    ``curve`` is a :class:`units.pumps.MachineCurve` built from (flow [m3/s], pressure [Pa])
    points at the curve's air density ``curve_density`` [kg/m3]; ``density`` is the
    operating air density (fan laws scale pressure and power by their ratio).
    """

    curve: MachineCurve
    system: SystemCurve
    motor: Motor
    density: float = 1.2041
    curve_density: float = 1.2041
    drive: str = "direct"
    vfd_rated_efficiency: float = VFD_RATED_EFFICIENCY
    name: str = "fan system"

    def __post_init__(self):
        check_positive(f"{self.name} density", self.density, "kg/m3")
        check_positive(f"{self.name} curve_density", self.curve_density, "kg/m3")
        drive_efficiency(self.drive)

    def _coeffs(self):
        r = self.density / self.curve_density
        return self.curve.a0 * r, self.curve.a1 * r, self.curve.a2 * r

    @property
    def full_speed_flow(self) -> float:
        a0, a1, a2 = self._coeffs()
        q = operating_flow(1.0, a0, a1, a2, self.system.static_head,
                           self.system.friction_coefficient)
        if not q > 0:
            raise ValueError(f"{self.name}: the fan curve does not meet the system curve")
        return float(q)

    def operate(self, flow, control="outlet_damper") -> FanOperation:
        """Operating points at required flow(s) [m3/s] in (0, full_speed_flow]."""
        check_choice("control", control, FAN_CONTROLS)
        q = np.atleast_1d(check_positive(f"{self.name} flow", flow, "m3/s")).astype(float)
        q0 = self.full_speed_flow
        if np.any(q > q0 * (1 + 1e-12)):
            raise ValueError(f"{self.name} flow must be <= the full-speed flow {q0!r} m3/s; got "
                             f"{float(np.max(q))!r} m3/s")
        a0, a1, a2 = self._coeffs()
        n = np.ones_like(q)
        run = np.ones_like(q)
        qf = q.copy()
        if control == "on_off":
            qf = np.full_like(q, q0)
            run = q / q0
        if control == "vfd":
            dp = self.system.head(q)
            n = np.array([speed_for_point(qi, pi, a0, a1, a2) for qi, pi in zip(q, dp)])
        else:
            dp = a0 * n ** 2 + a1 * n * qf + a2 * qf ** 2
        eta = self.curve.efficiency(qf if control != "inlet_vanes" else np.full_like(q, q0), n)
        air = qf * dp
        shaft = air / eta
        if control == "inlet_vanes":
            # empirical: fraction of the full-flow shaft power (INLET_VANE_CURVE)
            dp0 = a0 + a1 * q0 + a2 * q0 ** 2
            x = q / q0
            c0, c1, c2, c3 = INLET_VANE_CURVE
            shaft = (q0 * dp0 / self.curve.efficiency(q0)) * (c0 + x * (c1 + x * (c2 + x * c3)))
            eta = air / shaft
        motor_out = shaft / drive_efficiency(self.drive)
        op = self.motor.operate(motor_out)
        p_el = op.input_power
        if control == "vfd":
            rated_in = self.motor.rated_power / self.motor.full_load_efficiency
            eta_d = np.array([part_load_efficiency(v, self.vfd_rated_efficiency,
                                                   VFD_CONSTANT_LOSS_SHARE) for v in p_el / rated_in])
            p_el = p_el / eta_d
        losses = (shaft - air) + (motor_out - shaft) + op.losses + (p_el - op.input_power)
        resid = float(np.max(np.abs(p_el - air - losses)))
        return FanOperation(control, q, dp, n, run, eta, air, shaft, p_el * run, resid)
