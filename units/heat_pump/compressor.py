r"""Compressor volumetric efficiency, swept volume, and on/off part-load degradation.

Volumetric efficiency of a reciprocating compressor with clearance ratio :math:`c`
(re-expansion of the clearance gas, polytropic exponent :math:`n`; Stoecker & Jones 1982,
sec. 11.3, eq. 11-3):

.. math:: \eta_v = 1 + c - c\,\left(\frac{p_{out}}{p_{in}}\right)^{1/n}

Swept volume flow needed for a heating duty: :math:`\dot V_{sw} = \dot Q_h / (\eta_v\,q_{vol,h})`
with the cycle's volumetric heating capacity :math:`q_{vol,h} = q_{cond}/v_{suction}`.

On/off cycling at capacity ratio CR (load / capacity) degrades the COP (EN 14825:2018,
sec. 8.6, eq. for water-based units, default degradation coefficient :math:`C_d = 0.9`):

.. math:: \mathrm{COP}_{PL} = \mathrm{COP}_{DC}\,\frac{CR}{C_d\,CR + (1 - C_d)}

References
----------
* W. F. Stoecker, J. W. Jones, *Refrigeration and Air Conditioning*, 2nd ed., McGraw-Hill, 1982,
  ch. 11 (reciprocating compressors: clearance volumetric efficiency).
* EN 14825:2018, *Air conditioners, liquid chilling packages and heat pumps ... Testing and
  rating at part load conditions and calculation of seasonal performance*, sec. 8.6
  (degradation coefficient Cd, default 0.9).
"""
from __future__ import annotations

from procsim.validation import as_float, check_positive, check_range

__all__ = ["volumetric_efficiency", "swept_volume_flow", "on_off_part_load_cop", "EN14825_CD"]

#: EN 14825:2018 default degradation coefficient for on/off water-based units [-]
EN14825_CD = 0.9


def volumetric_efficiency(pressure_ratio, clearance=0.04, polytropic_exponent=1.15) -> float:
    """Clearance volumetric efficiency [-] (>= 0; 0 once the clearance gas fills the cylinder).

    Examples
    --------
    >>> round(volumetric_efficiency(4.0), 4)      # c = 4 %, n = 1.15
    0.9065
    """
    pr = check_range("pressure_ratio", pressure_ratio, 1.0, None)
    c = check_range("clearance", clearance, 0.0, 0.2)
    n = check_range("polytropic_exponent", polytropic_exponent, 1.0, 1.7)
    eta = 1.0 + c - c * pr ** (1.0 / n)
    if not eta > 0.0:
        raise ValueError(f"volumetric_efficiency: pressure_ratio {pr!r} re-expands the clearance gas over the whole "
                         f"stroke (clearance {c!r}, n {n!r}): no delivery")
    return eta


def swept_volume_flow(heating, cycle, volumetric_efficiency_value) -> float:
    """Swept volume flow [m3/s] a compressor needs for ``heating`` [W] on ``cycle`` (a CycleResult)."""
    q = check_positive("heating", as_float("heating", heating, "W"), "W")
    ev = check_range("volumetric_efficiency", volumetric_efficiency_value, 0.0, 1.0, low_inclusive=False)
    return q / (ev * cycle.volumetric_heating_capacity)


def on_off_part_load_cop(cop_full_load, capacity_ratio, degradation_coefficient=EN14825_CD) -> float:
    """COP at capacity ratio CR of an on/off unit (EN 14825:2018 sec. 8.6).

    Examples
    --------
    >>> round(on_off_part_load_cop(4.0, 0.5), 4)     # 4 * 0.5 / (0.45 + 0.1)
    3.6364
    """
    cop = check_positive("cop_full_load", cop_full_load)
    cr = check_range("capacity_ratio", capacity_ratio, 0.0, 1.0, low_inclusive=False)
    cd = check_range("degradation_coefficient", degradation_coefficient, 0.0, 1.0)
    return cop * cr / (cd * cr + (1.0 - cd))
