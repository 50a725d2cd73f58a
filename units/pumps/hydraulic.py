r"""Hydraulic power units over a machine cycle: fixed-speed pump vs servo (variable-speed) pump.

A fixed-displacement pump delivers :math:`Q = n Q_d - Q_{leak}(p)`, with leakage growing in
proportion to pressure, :math:`Q_{leak} = Q_d (1-\eta_v) p / p_r` (laminar slip flow,
Ivantysyn & Ivantysynova 2003, sec. 2.3), and takes shaft power
:math:`P = n Q_d p / \eta_{hm}`.

* Fixed speed (:class:`FixedSpeedPowerUnit`): n = 1 always. Flow not used by the actuators
  returns to tank over the pressure/flow valve at the phase pressure; in phases with no
  demand the pump unloads to ``standby_pressure``.
* Servo pump (:class:`ServoPowerUnit`): the drive sets n so that the pump delivers exactly
  the demanded flow at the demanded pressure (holding pressure is kept by turning just fast
  enough to make up leakage); with no demand and no pressure the motor stops.

Motor losses come from :mod:`units.motors`; drive (inverter) losses from
:func:`units.pumps.vfd_efficiency`.

Defaults (assumptions, to be replaced by the pump's data sheet): volumetric efficiency 0.92
and hydraulic-mechanical efficiency 0.90 at rated pressure, mid-range of the 0.85-0.95 that
Ivantysyn & Ivantysynova (2003, sec. 2.3) give for axial-piston and vane pumps; standby
(unloading) pressure 10 bar, inverter efficiency 0.97 at rated output and 50 W of inverter
and control standby draw are engineering judgement, unverified.

References
----------
J. Ivantysyn, M. Ivantysynova, *Hydrostatic Pumps and Motors*, Akademia Books, 2003,
sec. 2.3 (volumetric and hydraulic-mechanical efficiency).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.validation import check_nonnegative, check_positive, check_range
from units.motors import Motor
from units.motors.core import part_load_efficiency

__all__ = ["CyclePhase", "FixedSpeedPowerUnit", "ServoPowerUnit", "CycleEnergy"]


@dataclass(frozen=True)
class CyclePhase:
    """One phase of a machine cycle: duration [s], demanded flow [m3/s], pressure [Pa]."""

    name: str
    duration: float
    flow: float
    pressure: float

    def __post_init__(self):
        check_positive(f"phase {self.name} duration", self.duration, "s")
        check_nonnegative(f"phase {self.name} flow", self.flow, "m3/s")
        check_nonnegative(f"phase {self.name} pressure", self.pressure, "Pa")


@dataclass(frozen=True)
class CycleEnergy:
    """Electric energy of one cycle, phase by phase."""

    phases: tuple            # phase names
    electric_power: np.ndarray  # [W] per phase
    shaft_power: np.ndarray  # [W] per phase
    useful_power: np.ndarray  # demanded flow x pressure [W] per phase
    energy: float            # electric [J] per cycle
    cycle_time: float        # [s]
    energy_residual: float   # max |P_el - useful - losses| [W]
    mass_residual: float = 0.0

    @property
    def mean_power(self) -> float:
        """Cycle-mean electric power [W]."""
        return self.energy / self.cycle_time


def _check_cycle(unit, phases):
    q_max = unit.displacement_flow * unit.volumetric_efficiency
    for ph in phases:
        if ph.flow > q_max * (1 + 1e-12):
            raise ValueError(f"{unit.name}: phase {ph.name} flow {ph.flow!r} m3/s exceeds the pump's "
                             f"delivery {q_max!r} m3/s at rated pressure")
        if ph.pressure > unit.rated_pressure * (1 + 1e-12):
            raise ValueError(f"{unit.name}: phase {ph.name} pressure {ph.pressure!r} Pa exceeds "
                             f"rated_pressure {unit.rated_pressure!r} Pa")


def _finish(unit, phases, shaft, useful, inverter_efficiency=None):
    op = unit.motor.operate(shaft)
    p_el = op.input_power.copy()
    if inverter_efficiency is not None:
        rated_in = unit.motor.rated_power / unit.motor.full_load_efficiency
        for i, p in enumerate(p_el):
            # a stopped servo motor draws only the inverter's standby power
            p_el[i] = p / part_load_efficiency(p / rated_in, inverter_efficiency, 0.5) \
                if shaft[i] > 0 else unit.standby_power
    dur = np.array([ph.duration for ph in phases])
    motor_losses = np.where((shaft > 0) | (inverter_efficiency is None), op.losses, 0.0)
    motor_in = shaft + motor_losses
    losses = (shaft - useful) + motor_losses + (p_el - motor_in)
    resid = float(np.max(np.abs(p_el - useful - losses)))
    return CycleEnergy(tuple(ph.name for ph in phases), p_el, shaft, useful,
                       float(np.sum(p_el * dur)), float(dur.sum()), resid)


def _check_pump(unit):
    """The pump parameters both power units share: displacement, rated pressure, efficiencies."""
    check_positive(f"{unit.name} displacement_flow", unit.displacement_flow, "m3/s")
    check_positive(f"{unit.name} rated_pressure", unit.rated_pressure, "Pa")
    check_range(f"{unit.name} volumetric_efficiency", unit.volumetric_efficiency, 0.5, 1.0)
    check_range(f"{unit.name} hydromechanical_efficiency", unit.hydromechanical_efficiency, 0.5, 1.0)


@dataclass(frozen=True)
class FixedSpeedPowerUnit:
    """Fixed-displacement pump on a line-fed induction motor at constant speed.

    displacement_flow : geometric flow at rated speed [m3/s]; rated_pressure [Pa];
    volumetric_efficiency, hydromechanical_efficiency : at rated pressure [-];
    standby_pressure : circulating pressure with no demand [Pa].
    """

    name: str
    displacement_flow: float
    rated_pressure: float
    motor: Motor
    volumetric_efficiency: float = 0.92
    hydromechanical_efficiency: float = 0.90
    standby_pressure: float = 1.0e6

    def __post_init__(self):
        _check_pump(self)
        check_nonnegative(f"{self.name} standby_pressure", self.standby_pressure, "Pa")

    def cycle(self, phases) -> CycleEnergy:
        _check_cycle(self, phases)
        p = np.array([ph.pressure if (ph.flow > 0 or ph.pressure > 0) else self.standby_pressure
                      for ph in phases])
        p = np.maximum(p, self.standby_pressure)
        shaft = self.displacement_flow * p / self.hydromechanical_efficiency
        useful = np.array([ph.flow * ph.pressure for ph in phases])
        return _finish(self, phases, shaft, useful)


@dataclass(frozen=True)
class ServoPowerUnit:
    """The same pump on a servo motor and inverter, speed following the demand.

    inverter_efficiency : at rated output [-] (constant-loss share 0.5, as
    :data:`units.pumps.VFD_CONSTANT_LOSS_SHARE`); standby_power : inverter and control
    draw with the motor stopped [W].
    """

    name: str
    displacement_flow: float
    rated_pressure: float
    motor: Motor
    volumetric_efficiency: float = 0.92
    hydromechanical_efficiency: float = 0.90
    inverter_efficiency: float = 0.97
    standby_power: float = 50.0

    def __post_init__(self):
        _check_pump(self)
        check_range(f"{self.name} inverter_efficiency", self.inverter_efficiency, 0.5, 1.0,
                    high_inclusive=False)
        check_nonnegative(f"{self.name} standby_power", self.standby_power, "W")

    def speed_ratio(self, phase: CyclePhase) -> float:
        """Speed that delivers the phase flow plus the leakage at its pressure [-]."""
        leak = self.displacement_flow * (1 - self.volumetric_efficiency) * phase.pressure \
            / self.rated_pressure
        return (phase.flow + leak) / self.displacement_flow

    def cycle(self, phases) -> CycleEnergy:
        _check_cycle(self, phases)
        n = np.array([self.speed_ratio(ph) for ph in phases])
        p = np.array([ph.pressure for ph in phases])
        shaft = n * self.displacement_flow * p / self.hydromechanical_efficiency
        useful = np.array([ph.flow * ph.pressure for ph in phases])
        return _finish(self, phases, shaft, useful, self.inverter_efficiency)
