"""Centrifugal pump systems: curves from data-sheet points, system curves, control, annual energy.

A :class:`PumpSystem` joins a :class:`MachineCurve` (head and efficiency vs flow at rated
speed), a :class:`SystemCurve` (static head + friction), a drive (direct or belt), an
optional variable-frequency drive and a :class:`units.motors.Motor`. ``operate`` gives the
head, speed, shaft and electric power at each required flow under a control method:

* ``"throttle"``: full speed, a valve moves the point up the pump curve to the flow;
* ``"bypass"``: full speed at the unthrottled operating point; the surplus recirculates;
* ``"on_off"``: full-speed operating point for the fraction of time that gives the mean flow;
* ``"vfd"``: speed set by the affinity laws so the pump curve meets the system curve at the
  flow (static head kept: :math:`n` solves :math:`a_0n^2 + a_1nQ + a_2Q^2 = H_0 + kQ^2`),
  pump efficiency at the similar flow Q/n, plus drive and motor part-load losses.

``annual`` turns a load profile (flow bins and hours, up to 8760 h) into kWh, peak demand
and, through :func:`procsim.accounting.compare`, CO2e and money. :class:`CentrifugalPump` is
the flowsheet unit (ports ``liquid_in``/``liquid_out``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procsim.accounting import compare
from procsim.flowsheet import UnitSolution
from procsim.units_api import canonical_inlets
from procsim.validation import (as_array, check_choice, check_nonnegative, check_positive,
                                check_range)
from units.motors import Motor
from units.motors.core import part_load_efficiency
from units.pumps.core import (curve_efficiency, curve_head, operating_flow, speed_for_point)

__all__ = ["MachineCurve", "SystemCurve", "PumpSystem", "PumpOperation", "AnnualEnergy",
           "CentrifugalPump", "CentrifugalPumpResult", "CONTROLS", "DRIVE_EFFICIENCY",
           "drive_efficiency", "vfd_efficiency", "specific_speed", "trim_ratio",
           "annual_comparison", "GRAVITY"]

GRAVITY = 9.80665  # m/s2, standard gravity (CGPM 1901)

CONTROLS = ("throttle", "bypass", "on_off", "vfd")

#: Belt-drive efficiencies at rated load [-]: US DOE AMO Motor Systems Tip Sheet #5,
#: "Replace V-Belts with Notched or Synchronous Belt Drives" (DOE/GO-102012-3740, 2012):
#: V-belts about 93 %, notched (cogged) belts about 2 points better, synchronous belts 98 %.
DRIVE_EFFICIENCY = {"direct": 1.0, "v_belt": 0.93, "notched_v_belt": 0.95,
                    "synchronous_belt": 0.98}

#: Variable-frequency drive efficiency at rated output and its constant-loss share.
#: Assumption: 0.97 is the full-load efficiency typical of low-voltage PWM drives of
#: 10-250 kW (IEC 61800-9-2:2017 IE2 drives lose under 4.5 % at the (90, 100) point);
#: half the losses taken as independent of load (control, cooling, switching at low
#: current), so drive efficiency falls at low load as DOE's part-load data show
#: (US DOE AMO Motor Systems Tip Sheet #11, "Adjustable Speed Drive Part-Load Efficiency", 2012).
VFD_RATED_EFFICIENCY = 0.97
VFD_CONSTANT_LOSS_SHARE = 0.5


def drive_efficiency(drive: str) -> float:
    """Efficiency of the coupling between motor and machine [-] (see DRIVE_EFFICIENCY)."""
    return check_choice("drive", drive, DRIVE_EFFICIENCY)


def vfd_efficiency(load_fraction, rated_efficiency=VFD_RATED_EFFICIENCY,
                   constant_loss_share=VFD_CONSTANT_LOSS_SHARE):
    """VFD efficiency [-] at ``load_fraction`` of its rated output (constant + quadratic losses)."""
    x = np.atleast_1d(check_range("load_fraction", load_fraction, 0.0, 1.5))
    out = np.array([part_load_efficiency(v, rated_efficiency, constant_loss_share) for v in x])
    return out if np.ndim(load_fraction) else float(out[0])


def specific_speed(flow, head, speed_rpm):
    r"""Pump specific speed, metric :math:`n_q = N\sqrt{Q}/H^{3/4}` [rpm, m3/s, m] and US units.

    Returns (n_q, N_s,US) with :math:`N_{s,US} = N\sqrt{Q_{gpm}}/H_{ft}^{3/4} = 51.65\,n_q`.
    Reference: ANSI/HI 1.3-2013, sec. 1.3.3.4 (specific speed; 1 n_q = 51.65 N_s,US).
    Flow and head per stage and per impeller eye at the best-efficiency point.

    >>> round(float(specific_speed(0.1, 30.0, 1780)[0]), 2)
    43.91
    """
    q = check_positive("flow", flow, "m3/s")
    h = check_positive("head", head, "m")
    n = check_positive("speed_rpm", speed_rpm, "rpm")
    nq = n * np.sqrt(q) / h ** 0.75
    gpm = q / 6.30901964e-5          # 1 US gpm = 6.30901964e-5 m3/s
    ft = h / 0.3048
    return nq, n * np.sqrt(gpm) / ft ** 0.75


@dataclass(frozen=True)
class MachineCurve:
    """Head H(Q) = a0 + a1 Q + a2 Q^2 [m] and efficiency eta(Q) (cubic) at rated speed.

    Build with :meth:`from_points` from data-sheet points (flow [m3/s], head [m], efficiency
    [-]); the same class holds fan curves with pressure [Pa] in place of head.
    """

    a0: float
    a1: float
    a2: float
    b: tuple            # efficiency polynomial b0..b3 in flow
    max_flow: float     # end of the fitted curve [m3/s]
    name: str = "pump"

    def __post_init__(self):
        check_positive(f"{self.name} curve a0 (shut-off head)", self.a0)
        if not self.a2 < 0.0:
            raise ValueError(f"{self.name} curve a2 must be < 0 (head falls with flow); got {self.a2!r}")
        check_positive(f"{self.name} max_flow", self.max_flow, "m3/s")

    @classmethod
    def from_points(cls, flows, heads, eff_flows, efficiencies, name="pump"):
        """Least-squares fit (quadratic head, cubic or lower efficiency) to data-sheet points."""
        q = check_nonnegative(f"{name} flows", flows, "m3/s")
        h = check_positive(f"{name} heads", heads)
        qe = check_nonnegative(f"{name} eff_flows", eff_flows, "m3/s")
        e = check_range(f"{name} efficiencies", efficiencies, 0.0, 1.0, high_inclusive=False)
        if np.size(q) < 3 or np.size(q) != np.size(h):
            raise ValueError(f"{name}: need >= 3 (flow, head) points of equal length; got "
                             f"{np.size(q)} flows and {np.size(h)} heads")
        if np.size(qe) < 3 or np.size(qe) != np.size(e):
            raise ValueError(f"{name}: need >= 3 (flow, efficiency) points of equal length")
        a2, a1, a0 = np.polyfit(q, h, 2)
        deg = min(3, np.size(qe) - 1)
        b = np.zeros(4)
        b[:deg + 1] = np.polyfit(qe, e, deg)[::-1]
        return cls(float(a0), float(a1), float(a2), tuple(float(v) for v in b),
                   float(max(np.max(q), np.max(qe))), name)

    def head(self, flow, speed_ratio=1.0):
        return curve_head(np.asarray(flow, float), speed_ratio, self.a0, self.a1, self.a2)

    def efficiency(self, flow, speed_ratio=1.0):
        b0, b1, b2, b3 = self.b
        return np.vectorize(curve_efficiency)(flow, speed_ratio, b0, b1, b2, b3)

    def scaled(self, ratio: float, name: str | None = None) -> "MachineCurve":
        """The curve at speed (or first-order impeller-trim) ratio ``ratio``, as a new curve.

        Affinity laws: H(Q) = a0 r^2 + a1 r Q + a2 Q^2 and efficiency at the similar flow
        Q/r (held for a trim: an assumption for trims down to 0.8, see :func:`trim_ratio`).
        """
        r = float(check_range(f"{self.name} ratio", ratio, 0.5, 1.2))
        b0, b1, b2, b3 = self.b
        return MachineCurve(self.a0 * r * r, self.a1 * r, self.a2,
                            (b0, b1 / r, b2 / r ** 2, b3 / r ** 3), self.max_flow * r,
                            name or self.name)

    def best_efficiency_flow(self) -> float:
        """Flow of peak efficiency on the fitted curve [m3/s] (searched on [0, max_flow])."""
        q = np.linspace(0.0, self.max_flow, 2001)
        return float(q[np.argmax(self.efficiency(q))])


@dataclass(frozen=True)
class SystemCurve:
    """System head H(Q) = static_head + friction_coefficient Q^2 [m; m/(m3/s)^2]."""

    static_head: float
    friction_coefficient: float

    def __post_init__(self):
        check_nonnegative("static_head", self.static_head)
        check_positive("friction_coefficient", self.friction_coefficient)

    @classmethod
    def through_point(cls, static_head, flow, head):
        """The system curve with ``static_head`` through the design point (flow, head)."""
        h0 = float(check_nonnegative("static_head", static_head))
        q = float(check_positive("flow", flow, "m3/s"))
        h = float(check_positive("head", head))
        if not h > h0:
            raise ValueError(f"design head {h!r} must exceed static_head {h0!r} (friction > 0)")
        return cls(h0, (h - h0) / q ** 2)

    def head(self, flow):
        return self.static_head + self.friction_coefficient * np.asarray(flow, float) ** 2


def trim_ratio(curve: MachineCurve, flow, head) -> float:
    """Impeller diameter ratio D2/D1 that moves the curve through (flow, head).

    First-order affinity laws for a trim (Q ~ D, H ~ D^2), as for a speed change; HI
    (ANSI/HI 1.3-2013 sec. 1.3.4.1.4) limits their use to small trims, so ratios below
    0.8 are refused. Efficiency after the trim is taken as unchanged (an assumption;
    small trims cost 1-2 points in practice).
    """
    r = speed_for_point(float(check_positive("flow", flow, "m3/s")),
                        float(check_positive("head", head)), curve.a0, curve.a1, curve.a2)
    if not (0.8 <= r <= 1.0):
        raise ValueError(f"trim ratio {r!r} for flow={flow!r} m3/s, head={head!r} m is outside "
                         f"[0.8, 1.0]: the affinity laws do not hold for that trim")
    return float(r)


@dataclass(frozen=True)
class PumpOperation:
    """Operating points of a pump system at required flows (arrays, one per flow)."""

    control: str
    flow: np.ndarray            # delivered to the system [m3/s]
    pump_flow: np.ndarray       # through the pump while it runs [m3/s]
    head: np.ndarray            # pump head [m]
    speed_ratio: np.ndarray     # N / N_rated [-]
    run_fraction: np.ndarray    # share of time running [-] (on/off < 1)
    pump_efficiency: np.ndarray
    hydraulic_power: np.ndarray  # rho g Q H while running [W]
    shaft_power: np.ndarray     # pump shaft [W] while running
    motor_output: np.ndarray    # [W] after the belt
    motor_efficiency: np.ndarray
    drive_loss: np.ndarray      # VFD loss [W]
    electric_power: np.ndarray  # mean electric input [W] (x run_fraction)
    energy_residual: float      # max |P_el - hydraulic - all losses| while running [W]
    mass_residual: float = 0.0


@dataclass(frozen=True)
class AnnualEnergy:
    """Annual energy of one control method over a load profile."""

    control: str
    electricity_kwh: float
    peak_demand_kw: float
    hours: float
    operation: PumpOperation

    def annual_energy(self) -> dict:
        return {"electricity_kwh": self.electricity_kwh}


@dataclass(frozen=True)
class PumpSystem:
    """A pump on a system, with its drive train.

    curve : MachineCurve at rated speed; system : SystemCurve; motor : units.motors.Motor;
    density [kg/m3]; drive : key of DRIVE_EFFICIENCY; vfd_rated_efficiency [-] (used for
    control "vfd" only).
    """

    curve: MachineCurve
    system: SystemCurve
    motor: Motor
    density: float = 998.2   # water at 20 C (IAPWS-95: 998.21 kg/m3)
    drive: str = "direct"
    vfd_rated_efficiency: float = VFD_RATED_EFFICIENCY
    name: str = "pump system"

    def __post_init__(self):
        check_positive(f"{self.name} density", self.density, "kg/m3")
        drive_efficiency(self.drive)
        check_range(f"{self.name} vfd_rated_efficiency", self.vfd_rated_efficiency, 0.5, 1.0,
                    high_inclusive=False)
        if not self.curve.a0 > self.system.static_head:
            raise ValueError(f"{self.name}: shut-off head {self.curve.a0!r} m must exceed the "
                             f"static head {self.system.static_head!r} m")

    @property
    def full_speed_flow(self) -> float:
        """Unthrottled operating flow at rated speed [m3/s]."""
        return float(operating_flow(1.0, self.curve.a0, self.curve.a1, self.curve.a2,
                                    self.system.static_head, self.system.friction_coefficient))

    def operate(self, flow, control="throttle") -> PumpOperation:
        """Operating points at required flow(s) [m3/s], each in (0, full_speed_flow]."""
        check_choice("control", control, CONTROLS)
        q = np.atleast_1d(check_positive(f"{self.name} flow", flow, "m3/s")).astype(float)
        q0 = self.full_speed_flow
        if np.any(q > q0 * (1 + 1e-12)):
            raise ValueError(f"{self.name} flow must be <= the full-speed operating flow "
                             f"{q0!r} m3/s; got {float(np.max(q))!r} m3/s")
        c = self.curve
        run = np.ones_like(q)
        n = np.ones_like(q)
        if control == "throttle":
            qp = q.copy()
            head = c.head(qp)
        elif control in ("bypass", "on_off"):
            qp = np.full_like(q, q0)
            head = c.head(qp)
            if control == "on_off":
                run = q / q0
        else:
            qp = q.copy()
            head = self.system.head(q)
            n = np.array([speed_for_point(qi, hi, c.a0, c.a1, c.a2) for qi, hi in zip(q, head)])
        eta_p = c.efficiency(qp, n)
        if np.any(~(eta_p > 0.0)) or np.any(eta_p >= 1.0):
            raise ValueError(f"{self.name}: pump efficiency curve gives {eta_p!r} at flows "
                             f"{qp!r} m3/s (outside its fitted range?)")
        hyd = self.density * GRAVITY * qp * head
        shaft = hyd / eta_p
        belt = drive_efficiency(self.drive)
        motor_out = shaft / belt
        op = self.motor.operate(motor_out)
        p_motor_in = op.input_power
        if control == "vfd":
            rated_in = self.motor.rated_power / self.motor.full_load_efficiency
            x = p_motor_in / rated_in
            eta_d = np.array([part_load_efficiency(v, self.vfd_rated_efficiency,
                                                   VFD_CONSTANT_LOSS_SHARE) for v in x])
            p_el_run = p_motor_in / eta_d
        else:
            p_el_run = p_motor_in
        drive_loss = p_el_run - p_motor_in
        losses = (shaft - hyd) + (motor_out - shaft) + op.losses + drive_loss
        resid = float(np.max(np.abs(p_el_run - hyd - losses)))
        return PumpOperation(control, q, qp, head, n, run, eta_p, hyd, shaft, motor_out,
                             op.efficiency, drive_loss, p_el_run * run, resid)

    def annual(self, flow, hours, control="throttle") -> AnnualEnergy:
        """Annual electricity [kWh] and peak demand [kW] over flow bins [m3/s] x hours [h/yr]."""
        q = np.atleast_1d(as_array(f"{self.name} flow", flow, "m3/s"))
        h = np.atleast_1d(check_nonnegative(f"{self.name} hours", hours, "h/yr"))
        if q.shape != h.shape:
            raise ValueError(f"{self.name}: flow and hours must have the same length; got "
                             f"{q.size} and {h.size}")
        if h.sum() > 8760.0 + 1e-9:
            raise ValueError(f"{self.name} hours must sum to <= 8760 h/yr; got {h.sum()!r} h/yr")
        op = self.operate(q, control)
        kwh = float(np.sum(op.electric_power * h)) / 1e3
        peak = float(np.max(op.electric_power / op.run_fraction)) / 1e3
        return AnnualEnergy(control, kwh, peak, float(h.sum()), op)


def annual_comparison(baseline: AnnualEnergy, retrofit: AnnualEnergy, **compare_kw):
    """Electricity, CO2e, money and payback of a retrofit (procsim.accounting.compare)."""
    return compare({"electricity_kwh": baseline.electricity_kwh},
                   {"electricity_kwh": retrofit.electricity_kwh}, **compare_kw)


@dataclass(frozen=True)
class CentrifugalPumpResult:
    flow: float            # [m3/s]
    head: float            # [m]
    speed_ratio: float     # [-]
    efficiency: float      # pump [-]
    shaft_power: float     # [W]
    energy_residual: float  # [W]
    mass_residual: float   # [kg/s]


@dataclass(frozen=True)
class CentrifugalPump:
    """Flowsheet pump on a curve: the inlet flow sets the point, the curve the head.

    Ports ``liquid_in`` / ``liquid_out``. Outlet pressure = inlet + rho g H(Q, n); the shaft
    power (a source) all ends in the liquid: :math:`h_{out} = h_{in} + P/\\dot m`.
    """

    name: str
    curve: MachineCurve
    speed_ratio: float = 1.0

    def __post_init__(self):
        check_range(f"{self.name} speed_ratio", self.speed_ratio, 0.0, 1.2, low_inclusive=False)

    inlets = ("liquid_in",)
    outlets = ("liquid_out",)

    @classmethod
    def example(cls):
        from procsim.stream import Stream
        curve = MachineCurve.from_points([0.0, 0.05, 0.1, 0.15], [50.0, 48.0, 42.0, 32.0],
                                         [0.03, 0.07, 0.1, 0.14], [0.45, 0.72, 0.8, 0.74])
        return cls("pump", curve), {"liquid_in": Stream("Water", 300.0, 2.0e5, 80.0)}

    def solve(self, inlets) -> UnitSolution:
        s = canonical_inlets(self, inlets)["liquid_in"]
        if s.is_gas:
            raise ValueError(f"{self.name}: a pump needs a liquid inlet; got a gas mixture")
        rho = s.material.state(p=s.p, h=s.h).rho
        q = s.mass_flow / rho
        head = float(self.curve.head(q, self.speed_ratio))
        if not head > 0.0:
            raise ValueError(f"{self.name}: flow {q!r} m3/s is beyond the curve (head {head!r} m)")
        eta = float(self.curve.efficiency(q, self.speed_ratio))
        if not 0.0 < eta < 1.0:
            raise ValueError(f"{self.name}: efficiency {eta!r} at flow {q!r} m3/s is outside (0, 1)")
        power = s.mass_flow * GRAVITY * head / eta
        p_out = s.p + rho * GRAVITY * head
        h_out = s.h + (power / s.mass_flow if s.mass_flow > 0 else 0.0)
        out = type(s).from_ph(s.material, p_out, h_out, s.mass_flow)
        res = CentrifugalPumpResult(q, head, self.speed_ratio, eta, power,
                                    s.energy_flow + power - out.energy_flow, 0.0)
        return UnitSolution({"liquid_out": out}, res, {"shaft_power": power})
