r"""Retrofit measures on a baseline compressed-air system, and their energy figures.

Each measure returns a new :class:`AirSystem` (the retrofit); :func:`evaluate` simulates
baseline and retrofit on the same demand and returns a :class:`MeasureResult` with
electricity saved (annualised), peak-demand reduction, specific powers and the balance
residuals. Carbon and money are computed from factors the caller passes (the cases take
them from ``procsim.accounting``): units do not import accounting (docs/architecture.rst layering).

Heat recovery follows the DOE fact: 80-93 % of a compressor's electrical input becomes
heat, and a well-designed recovery unit recovers 50-90 % of it (U.S. DOE, Compressed Air
Tip Sheet #10 "Heat Recovery with Compressed Air Systems", 2004; DOE Sourcebook 2003).
The defaults take the low ends (80 % x 50 %); the fuel offset is heat / boiler efficiency.
"""
from __future__ import annotations

from dataclasses import dataclass


from procsim.validation import as_float, check_fraction, check_positive, check_range

from .compressor import Compressor
from .flow import P_ATM
from .network import Dryer
from .simulate import AirSystem, SimulationResult, simulate

__all__ = ["MeasureResult", "evaluate", "leak_repair", "pressure_reduction", "master_control",
           "add_or_replace_compressor", "dryer_change", "HeatRecovery", "heat_recovery"]


@dataclass(frozen=True)
class MeasureResult:
    """Baseline vs retrofit on the same demand (energies annualised to 8760 h)."""

    name: str
    baseline_kwh: float           # [kWh/yr]
    retrofit_kwh: float           # [kWh/yr]
    baseline_peak_kw: float       # highest step-average power [kW]
    retrofit_peak_kw: float
    baseline_specific_power: float   # [kW/(m3/min)]
    retrofit_specific_power: float
    baseline_time_below_min: float   # [s over the run]
    retrofit_time_below_min: float
    max_balance_residual: float      # max relative per-step mass residual of both runs

    @property
    def kwh_saved(self) -> float:
        return self.baseline_kwh - self.retrofit_kwh

    @property
    def saving_fraction(self) -> float:
        return self.kwh_saved / self.baseline_kwh

    @property
    def peak_kw_reduction(self) -> float:
        return self.baseline_peak_kw - self.retrofit_peak_kw

    def co2_t(self, grid_factor) -> float:
        """t CO2e/yr avoided at ``grid_factor`` [kg CO2e/kWh]."""
        return self.kwh_saved * as_float("grid_factor", grid_factor, "kg/kWh") / 1e3

    def money(self, price) -> float:
        """Money saved per year at ``price`` [currency/kWh]."""
        return self.kwh_saved * as_float("price", price, "per kWh")


def _result(name, r0: SimulationResult, r1: SimulationResult) -> MeasureResult:
    return MeasureResult(name, r0.annual_kwh, r1.annual_kwh, float(r0.power.max() / 1e3),
                         float(r1.power.max() / 1e3), r0.specific_power, r1.specific_power,
                         r0.time_below_min_pressure, r1.time_below_min_pressure,
                         max(r0.max_relative_residual, r1.max_relative_residual))


def evaluate(name, baseline: AirSystem, retrofit: AirSystem, demand, dt) -> MeasureResult:
    """Simulate both systems on ``demand`` [m3/s per step of dt s] and compare."""
    return _result(name, simulate(baseline, demand, dt), simulate(retrofit, demand, dt))


def leak_repair(system: AirSystem, repaired_tags=None) -> AirSystem:
    """Retrofit with the surveyed leaks tagged ``repaired_tags`` fixed (all when None)."""
    if system.leaks is None:
        raise ValueError("the baseline system has no leak survey (leaks=None)")
    left = None if repaired_tags is None else system.leaks.remaining(repaired_tags)
    return system.replace(leaks=left)


def pressure_reduction(system: AirSystem, reduction) -> AirSystem:
    """Retrofit with every pressure band (cascade) or the set-point (master) lowered by ``reduction`` [Pa]."""
    dp = as_float("reduction", check_positive("reduction", reduction, "Pa"), "Pa")
    bands = tuple((lo - dp, hi - dp) for lo, hi in system.pressure_bands)
    if min(lo for lo, _ in bands) <= P_ATM:
        raise ValueError(f"reduction={dp!r} Pa takes a pressure band below ambient")
    sp = None if system.setpoint is None else system.setpoint - dp
    return system.replace(pressure_bands=bands, setpoint=sp)


def master_control(system: AirSystem, setpoint, run_on_time=600.0, trim=None) -> AirSystem:
    """Retrofit with a master controller: efficiency-ranked base units, trim unit, one set-point [Pa abs]."""
    return system.replace(control="master", setpoint=setpoint, run_on_time=run_on_time, trim=trim)


def add_or_replace_compressor(system: AirSystem, compressor: Compressor, replace=None,
                              pressure_band=None) -> AirSystem:
    """Retrofit adding ``compressor`` (e.g. a VFD unit) or replacing unit index ``replace``.

    pressure_band : (load, unload) [Pa abs] for cascade control; default the unit's own.
    """
    if not isinstance(compressor, Compressor):
        raise ValueError("compressor must be a Compressor")
    band = pressure_band or (compressor.rated_pressure, compressor.max_pressure)
    comps, bands = list(system.compressors), list(system.pressure_bands)
    if replace is None:
        comps.append(compressor)
        bands.append(band)
    else:
        i = int(check_range("replace", replace, 0, len(comps) - 1, ""))
        comps[i], bands[i] = compressor, band
    return system.replace(compressors=tuple(comps), pressure_bands=tuple(bands), trim=None)


def dryer_change(system: AirSystem, dryer: Dryer) -> AirSystem:
    """Retrofit with another dryer (e.g. heatless desiccant -> refrigerated or heat-of-compression)."""
    if not isinstance(dryer, Dryer):
        raise ValueError("dryer must be a Dryer")
    return system.replace(dryer=dryer)


@dataclass(frozen=True)
class HeatRecovery:
    """Heat recovered from compressor cooling into hot water, and the boiler fuel it offsets."""

    electricity: float     # compressor electrical input per year [J/yr]
    heat: float            # useful heat per year [J/yr]
    heat_rejected: float   # heat to cooling air/water not recovered or not used [J/yr]
    other: float           # input not available as heat (kept in the air, radiated) [J/yr]
    fuel_offset: float     # boiler fuel energy avoided per year [J/yr] = heat / boiler_efficiency
    boiler_efficiency: float
    energy_residual: float  # electricity - heat - heat_rejected - other [J/yr]


def heat_recovery(result: SimulationResult, heat_fraction=0.80, recovery_fraction=0.50,
                  boiler_efficiency=0.85, use_fraction=1.0) -> HeatRecovery:
    """Heat recovery from a simulated system's compressors (annualised).

    heat_fraction : share of electrical input available as heat (DOE: 0.80-0.93);
    recovery_fraction : share of that heat the recovery unit captures (DOE: 0.50-0.90);
    use_fraction : share of the recovered heat that displaces boiler heat (hot-water demand
    coincidence); boiler_efficiency : fuel-to-water efficiency of the boiler displaced
    (default 0.85: gas boiler with economizer, 84-86 %, facts.md 3.3, secondary).
    """
    check_range("heat_fraction", heat_fraction, 0.0, 1.0, "")
    check_fraction("recovery_fraction", recovery_fraction)
    check_fraction("use_fraction", use_fraction)
    check_range("boiler_efficiency", boiler_efficiency, 0.0, 1.0, "", low_inclusive=False)
    e_comp = float(result.compressor_power.sum() * result.dt) * (8760 * 3600.0 / result.duration)
    available = e_comp * heat_fraction
    heat = available * recovery_fraction * use_fraction
    other = e_comp - available
    rejected = available - heat
    return HeatRecovery(e_comp, heat, rejected, other, heat / boiler_efficiency,
                        float(boiler_efficiency), e_comp - heat - rejected - other)
