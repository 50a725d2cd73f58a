r"""Achievable (optimal) pump efficiency the way PSAT/MEASUR rates a pump against its "optimal" twin.

The Pump System Assessment Tool (PSAT, now the pump module of US DOE's MEASUR) compares a
field pump with the efficiency a new, well-chosen pump of the same style would reach at the
same flow, head and speed. The efficiency comes from curve fits to the Hydraulic Institute's
achievable-efficiency charts (ANSI/HI 1.3, efficiency attainable vs flow for each pump style,
with a correction for specific speed away from the optimum and a viscosity correction):

.. math:: \eta_{opt} = \left(\frac{\eta_{base}(Q)}{100}\, C_\nu - \Delta\eta_{N_s}\right) F_{dev}

* :math:`\eta_{base}(Q) = a_0 + a_1 e^{-a_2 Q} + a_3 e^{-a_4 Q}` [%], Q in US gpm, one
  coefficient set per style and flow range (:data:`STYLE_COEFFICIENTS`);
* :math:`\Delta\eta_{N_s} = \max(0, \sum_{k=0}^{6} c_k N_s^k)/100`, with
  :math:`N_s = N\sqrt{Q}/(H/n_{stages})^{3/4}` (rpm, gpm, ft), one polynomial for vertical
  turbine/axial pumps and one for the others, each in two specific-speed ranges;
* :math:`C_\nu = \min\left(1, B^{-0.0547 B^{0.69}}\right)`,
  :math:`B = 26.6\,\nu^{1/2} H^{1/16} / (Q^{3/8} N^{1/4})` (:math:`\nu` in cSt, H in ft), the
  viscosity correction of ANSI/HI 9.6.7-2010 (Effects of liquid viscosity on rotodynamic pump
  performance), equal to 1 for water;
* :math:`F_{dev} = 1 + (d_0 + d_1 e^{-d_2 \log_{10} Q} + d_3 e^{-d_4 \log_{10} Q})/100`, PSAT's
  allowance for the positive deviation (the best pumps on the market lie above HI's mean curve).

Head is the total pump head; specific speed uses the head per stage. The fits are in US units
(gpm, ft, cSt); SI inputs are converted at the boundary.

References
----------
* ANSI/HI 1.3-2009, *Rotodynamic (Centrifugal) Pumps for Design and Application*, Hydraulic
  Institute, sec. 1.3.3.3 (attainable efficiency vs flow and specific speed).
* ANSI/HI 9.6.7-2010, *Effects of Liquid Viscosity on Rotodynamic Pump Performance*.
* US DOE / Oak Ridge National Laboratory, *Pump System Assessment Tool (PSAT) User's Manual*,
  2008, "Optimal pump efficiency"; the coefficients are those of the MEASUR calculation
  engine, ORNL AMO-Tools-Suite (BSD licence), ``src/calculator/pump/OptimalPrePumpEff.cpp``,
  ``OptimalSpecificSpeedCorrection.cpp``, ``OptimalDeviationFactor.cpp``,
  ``OptimalPumpEfficiency.cpp`` (2016-2020).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from procsim.validation import check_choice, check_int, check_positive

__all__ = ["STYLE_COEFFICIENTS", "PUMP_STYLES", "AchievableEfficiency", "achievable_efficiency",
           "specific_speed_correction"]

_GPM = 6.30901964e-5       # m3/s per US gpm (exact: 231 in3/min)
_FT = 0.3048               # m per ft (exact, 1959 international foot)
_CST = 1e-6                # m2/s per centistokes

#: Base achievable efficiency fits [%] vs flow [gpm]: for each style a list of
#: (upper flow bound [gpm], (a0, a1, a2, a3, a4)); the first range whose bound exceeds the flow
#: applies. Source: MEASUR engine (ORNL AMO-Tools-Suite) OptimalPrePumpEff.cpp, PSAT's fits to
#: the ANSI/HI 1.3 attainable-efficiency charts.
STYLE_COEFFICIENTS = {
    "end_suction_slurry": [(1690.0, (79.096487, -32.006283, 0.00084199445, -23.100062, 0.0064912714)),
                           (math.inf, (85.957484, -15.256678, 0.00017627657, -24.920847, 0.0012055457))],
    "end_suction_sewage": [(2170.0, (83.528143, -23.543231, 0.00071315587, -37.584938, 0.005809375)),
                           (math.inf, (89.704526, -6.9708815, 0.000057096295, -13.868089, 0.00046766436))],
    "end_suction_stock": [(4440.0, (87.199887, -10.580842, 0.00027878405, -23.785033, 0.0018831236)),
                          (math.inf, (90.158464, -4.8350009, 0.000048652395, -7.2881572, 0.00027630687))],
    "end_suction_ansi_api": [(1030.0, (84.655455, -18.706336, 0.0016056629, -20.655962, 0.0081197589)),
                             (math.inf, (87.748473, -7.6842423, 0.0003739105, -17.336122, 0.0024096967))],
    "multistage_boiler_feed": [(890.0, (84.286574, -17.836167, 0.0013236525, -26.951966, 0.0068256307)),
                               (math.inf, (87.129684, -7.8144274, 0.00034998448, -19.605637, 0.0022387671))],
    "double_suction": [(9000.0, (90.190375, -7.8068742, 0.00033366482, -8.1364684, 0.0026659434)),
                       (math.inf, (91.0, -3.6664629, 0.0001264433, -14.697275, 0.00072855045))],
    "vertical_turbine": [(2550.0, (87.456119, -9.3556039, 0.00067139092, -9.4309496, 0.0039344122)),
                         (7220.0, (89.899894, -5.9800814, 0.00019480643, -7.0638099, 0.0010440162)),
                         (math.inf, (90.124016, -1.7332611, 0.00014953651, -3.3197451, 0.00015232542))],
    "large_end_suction": [(math.inf, (90.379274, -3.000737, 0.000034054964, -4.818246, 0.00019083831))],
}
# styles that share a fit in PSAT
STYLE_COEFFICIENTS["end_suction_submersible_sewage"] = STYLE_COEFFICIENTS["end_suction_sewage"]
STYLE_COEFFICIENTS["api_double_suction"] = STYLE_COEFFICIENTS["end_suction_stock"]
STYLE_COEFFICIENTS["axial_flow"] = STYLE_COEFFICIENTS["vertical_turbine"]
PUMP_STYLES = tuple(STYLE_COEFFICIENTS)

#: Specific-speed correction polynomials [% points] in N_s (US units): (upper N_s bound,
#: c0..c6). Source: MEASUR engine OptimalSpecificSpeedCorrection.cpp (PSAT's fit to HI 1.3).
_NS_OTHER = [(2530.0, (14.884085, -0.021342141, 0.0000121172, -0.0000000031885957, 1.4907927e-13,
                       1.2855352e-16, -2.3798184e-20)),
             (math.inf, (6.5703317, -0.010048327, 0.0000061475098, -0.0000000019659725, 3.5079978e-13,
                         -3.2272033e-17, 1.1881188e-21))]
_NS_VERTICAL = [(4550.0, (14.788539, -0.022490348, 0.000017226359, -0.0000000075690542, 1.8893534e-12,
                          -2.4834106e-16, 1.3345507e-20)),
                (math.inf, (4.0559384, -0.0026632249, 0.0000006761157, -0.000000000087766773,
                            6.5103425e-15, -2.5380141e-19, 4.007753e-24))]
#: Positive-deviation factor coefficients d0..d4 (MEASUR engine OptimalDeviationFactor.cpp).
_DEVIATION = (0.10805906, 18.077243, 0.78231304, 30.525232, 0.80684022)


def _pick(ranges, x):
    for bound, coeffs in ranges:
        if x < bound:
            return coeffs
    raise AssertionError("the last range is open")  # unreachable: every table ends at inf


def specific_speed_correction(specific_speed_us, style="end_suction_ansi_api") -> float:
    """Efficiency lost to a specific speed away from the optimum [-] (fraction, >= 0), for
    ``specific_speed_us`` N_s in rpm, gpm, ft (module docstring)."""
    check_choice("style", style, STYLE_COEFFICIENTS)
    ns = check_positive("specific_speed_us", specific_speed_us, "rpm gpm^0.5 ft^-0.75")
    table = _NS_VERTICAL if style in ("vertical_turbine", "axial_flow") else _NS_OTHER
    c = _pick(table, ns)
    return max(sum(ck * ns ** k for k, ck in enumerate(c)), 0.0) / 100.0


@dataclass(frozen=True)
class AchievableEfficiency:
    """PSAT optimal pump efficiency and its factors: efficiency [-]; base_efficiency [-] (HI
    curve at the flow); viscosity_factor [-]; specific_speed_us [rpm gpm^0.5 ft^-0.75];
    specific_speed_correction [-] (subtracted); deviation_factor [-] (multiplied)."""

    efficiency: float
    base_efficiency: float
    viscosity_factor: float
    specific_speed_us: float
    specific_speed_correction: float
    deviation_factor: float


def achievable_efficiency(flow, head, speed_rpm, style="end_suction_ansi_api", stages=1,
                          kinematic_viscosity=1.0e-6) -> AchievableEfficiency:
    """Optimal (achievable) efficiency of a new pump of ``style`` at the duty (module docstring).

    Parameters
    ----------
    flow : [m3/s] > 0; head : total pump head [m] > 0; speed_rpm : [rpm] > 0
    style : one of :data:`PUMP_STYLES`; stages : whole number >= 1
    kinematic_viscosity : [m2/s] > 0 (default 1e-6, water at about 20 C)

    Examples
    --------
    >>> r = achievable_efficiency(1840 * 6.30901964e-5, 174.85 * 0.3048, 1780, stages=2)
    >>> round(r.efficiency, 6)      # PSAT: 86.7548 % (MEASUR engine test "PSATResults")
    0.867548
    """
    style_coeffs = check_choice("style", style, STYLE_COEFFICIENTS)
    q = check_positive("flow", flow, "m3/s") / _GPM
    h = check_positive("head", head, "m") / _FT
    n = check_positive("speed_rpm", speed_rpm, "rpm")
    n_stages = check_int("stages", stages, low=1)
    nu = check_positive("kinematic_viscosity", kinematic_viscosity, "m2/s") / _CST
    a = _pick(style_coeffs, q)
    base = (a[0] + a[1] * math.exp(-a[2] * q) + a[3] * math.exp(-a[4] * q)) / 100.0
    b = 26.6 * math.sqrt(nu) * h ** 0.0625 / (q ** 0.375 * n ** 0.25)
    c_nu = min(1.0, b ** (-0.0547 * b ** 0.69))
    ns = n * math.sqrt(q) / (h / n_stages) ** 0.75
    dns = specific_speed_correction(ns, style)
    lq = math.log10(q)
    d = _DEVIATION
    f_dev = 1.0 + (d[0] + d[1] * math.exp(-d[2] * lq) + d[3] * math.exp(-d[4] * lq)) / 100.0
    return AchievableEfficiency(efficiency=(base * c_nu - dns) * f_dev, base_efficiency=base,
                                viscosity_factor=c_nu, specific_speed_us=ns,
                                specific_speed_correction=dns, deviation_factor=f_dev)
