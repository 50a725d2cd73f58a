r"""Gas-engine and gas-turbine CHP: part-load efficiency, exhaust heat recovery through the shared
exchanger engine, primary energy savings and the CO2e of the electricity displaced, year by year.

At load fraction :math:`L`: electric power :math:`P = L P_{rated}`, fuel
:math:`\dot Q_f = P / (\eta_{e,rated}\,r_e(L))` (LHV) with the relative efficiency
:math:`r_e(L)` interpolated in ``procsim/data/chp_part_load.csv``; the exhaust is the fuel's
flue gas at the measured exhaust O2 (excess air from :meth:`Fuel.excess_air`) leaving at
``exhaust_temperature``; it raises hot water or steam in a heat-recovery exchanger whose
flow is set by the pinch (:func:`units.heat_exchanger.pinch_limited_flow`, zone by zone)
and whose stack temperature follows. An engine's jacket and lube-oil heat (a fraction of
the fuel) goes to hot water directly.

Primary energy savings (Directive 2012/27/EU, Annex II(b)):

.. math:: PES = 1 - \frac{1}{\frac{\eta_H}{Ref\,\eta_H} + \frac{\eta_E}{Ref\,\eta_E}}

with the harmonised reference efficiencies of Delegated Regulation (EU) 2015/2402
(``procsim/data/chp_reference_efficiencies.csv``).

References
----------
* US EPA Combined Heat and Power Partnership, *Catalog of CHP Technologies*, 2017, sections 2
  (reciprocating engines) and 3 (gas turbines).
* Directive 2012/27/EU on energy efficiency, Annex II; Commission Delegated Regulation (EU)
  2015/2402, Annexes I and II.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from procsim.accounting import carrier_energy, emissions, grid_factor
from procsim.accounting.factors import data_path
from procsim.stream import Stream
from procsim.thermo.combustion import Fuel
from procsim.validation import as_float, check_choice, check_fraction, check_positive, check_range
from units.heat_exchanger import pinch_limited_flow

__all__ = ["CHPUnit", "CHPResult", "primary_energy_savings", "reference_efficiency", "CHP_KINDS"]

CHP_KINDS = ("gas_engine", "gas_turbine")


@lru_cache(maxsize=1)
def _part_load() -> dict:
    with open(data_path("chp_part_load.csv"), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for kind in CHP_KINDS:
        r = sorted((float(x["load_fraction"]), float(x["relative_electrical_efficiency"]),
                    float(x["relative_exhaust_heat"])) for x in rows if x["kind"] == kind)
        out[kind] = tuple(np.array(c) for c in zip(*r))
    return out


def reference_efficiency(quantity: str, fuel: str = "natural_gas") -> float:
    """Harmonised reference efficiency (EU 2015/2402) of separate ``quantity`` ("electricity"/"heat")."""
    with open(data_path("chp_reference_efficiencies.csv"), newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["quantity"] == quantity and r["fuel"] == fuel:
                return float(r["value"])
    raise ValueError(f"no reference efficiency for quantity {quantity!r}, fuel {fuel!r}; known: electricity, heat "
                     "for natural_gas")


def primary_energy_savings(electrical_efficiency, heat_efficiency, fuel: str = "natural_gas") -> float:
    """PES [-] of Directive 2012/27/EU Annex II(b) (efficiencies on the fuel's LHV).

    Examples
    --------
    >>> round(primary_energy_savings(0.40, 0.45), 3)     # 1 - 1/(0.45/0.92 + 0.40/0.53)
    0.196
    """
    e = check_fraction("electrical_efficiency", electrical_efficiency)
    h = check_fraction("heat_efficiency", heat_efficiency)
    return 1.0 - 1.0 / (h / reference_efficiency("heat", fuel) + e / reference_efficiency("electricity", fuel))


@dataclass(frozen=True)
class CHPResult:
    """One operating point (SI).

    power [W]; fuel_input [W, LHV]; exhaust : exhaust-gas Stream; exhaust_heat_recovered,
    jacket_heat [W]; water_flow : recovery-exchanger water/steam flow [kg/s]; water_out : its
    outlet Stream; stack_temperature [K]; electrical_efficiency, heat_efficiency,
    total_efficiency [-] (LHV); primary_energy_savings [-]; recovery : the exchanger's
    PinchLimitedFlow (profile, pinch point); energy_residual : exhaust heat given minus water
    heat taken [W]; mass_residual [kg/s].
    """

    power: float
    fuel_input: float
    exhaust: Stream
    exhaust_heat_recovered: float
    jacket_heat: float
    water_flow: float
    water_out: Stream
    stack_temperature: float
    electrical_efficiency: float
    heat_efficiency: float
    total_efficiency: float
    primary_energy_savings: float
    recovery: object
    energy_residual: float
    mass_residual: float

    def co2e_displaced(self, hours, years, region: str = "TW", basis: str = "actual") -> dict:
        """{year: t CO2e/yr}: grid electricity displaced plus boiler gas displaced (heat at the EU
        reference heat efficiency) minus the CHP's own gas, with each year's grid factor."""
        h = check_positive("hours", hours, "h/yr")
        kwh = self.power * h * 3600.0 / 3.6e6
        gas_e = carrier_energy("natural_gas_nm3", 1.0, "J")
        nm3_chp = self.fuel_input * h * 3600.0 / gas_e
        heat = self.exhaust_heat_recovered + self.jacket_heat
        nm3_boiler = heat / reference_efficiency("heat") * h * 3600.0 / gas_e
        net_gas = emissions({"natural_gas_nm3": nm3_chp}).total_co2e_t - \
            emissions({"natural_gas_nm3": nm3_boiler}).total_co2e_t
        return {int(y): kwh * float(grid_factor(region, int(y), basis)) / 1e3 - net_gas for y in years}


@dataclass(frozen=True)
class CHPUnit:
    """Natural-gas CHP prime mover with exhaust heat recovery.

    Parameters
    ----------
    kind : "gas_engine" or "gas_turbine"
    rated_power : electric output at full load [W], > 0
    electrical_efficiency : at full load, LHV [-], in (0, 0.6]
    exhaust_temperature : at full load [K] (engines 650-780 K, gas turbines 730-830 K:
        US EPA CHP catalog 2017, Tables 2-2 and 3-2)
    exhaust_o2_dry : exhaust O2, dry mole fraction [-] (lean-burn engines about 0.10-0.12,
        gas turbines about 0.15)
    jacket_heat_fraction : jacket and lube-oil heat per unit fuel [-] (engines about 0.20-0.25;
        0 for turbines)
    pinch : recovery exchanger pinch [K]; stack_minimum : lowest stack temperature [K]
        (acid dew point margin, default 393.15 K)
    fuel : a library fuel name or a :class:`procsim.thermo.combustion.Fuel` (a biogas from
        its composition); default natural gas. The part-load table and the EU reference
        efficiencies in ``primary_energy_savings`` are those of natural gas.
    """

    kind: str
    rated_power: float
    electrical_efficiency: float
    exhaust_temperature: float
    exhaust_o2_dry: float = 0.11
    jacket_heat_fraction: float = 0.22
    pinch: float = 15.0
    stack_minimum: float = 393.15
    fuel: object = "natural_gas"

    def __post_init__(self):
        check_choice("CHPUnit kind", self.kind, CHP_KINDS)
        check_positive("CHPUnit rated_power", self.rated_power, "W")
        check_range("CHPUnit electrical_efficiency", self.electrical_efficiency, 0.0, 0.6, low_inclusive=False)
        check_range("CHPUnit exhaust_temperature", self.exhaust_temperature, 500.0, 1000.0, "K")
        check_range("CHPUnit exhaust_o2_dry", self.exhaust_o2_dry, 0.0, 0.19, low_inclusive=False)
        check_range("CHPUnit jacket_heat_fraction", self.jacket_heat_fraction, 0.0, 0.4)
        if self.kind == "gas_turbine" and self.jacket_heat_fraction:
            raise ValueError(f"CHPUnit jacket_heat_fraction must be 0 for a gas turbine; got {self.jacket_heat_fraction!r}")
        check_positive("CHPUnit pinch", self.pinch, "K")
        check_range("CHPUnit stack_minimum", self.stack_minimum, 273.15, self.exhaust_temperature, "K",
                    high_inclusive=False)
        if not isinstance(self.fuel, (str, Fuel)):
            raise ValueError(f"CHPUnit fuel must be a library fuel name or a Fuel; got {self.fuel!r}")

    def fuel_model(self) -> Fuel:
        """The fuel as a :class:`Fuel`."""
        return self.fuel if isinstance(self.fuel, Fuel) else Fuel.from_name(self.fuel)

    def prime_mover(self, load_fraction):
        """(power [W], fuel input [W, LHV], electrical efficiency [-], exhaust Stream) at
        ``load_fraction``: the engine side of :meth:`run`, without heat recovery."""
        lf_tab, _, rx = _part_load()[self.kind]
        lf = check_range("CHPUnit load_fraction", load_fraction, float(lf_tab[0]), 1.0)
        eta = self.electrical_efficiency * self.relative_efficiency(lf)
        power = lf * self.rated_power
        fuel = self.fuel_model()
        fg = fuel.flue_gas(fuel.excess_air(self.exhaust_o2_dry, basis="dry"))
        # exhaust temperature held at its full-load value, exhaust flow scaled by the tabulated
        # exhaust heat ratio (an assumption: real engines change both a little)
        full_fuel = self.rated_power / self.electrical_efficiency
        m_exh = full_fuel / fuel.lhv * fg.mass_per_kg_fuel * float(np.interp(lf, lf_tab, rx))
        exhaust = Stream(dict(fg.mole_fractions), self.exhaust_temperature, 101325.0 + 5000.0, m_exh)
        return power, power / eta, eta, exhaust

    def relative_efficiency(self, load_fraction) -> float:
        """Part-load electrical efficiency relative to full load [-] (data file, linear in load)."""
        lf, re, _ = _part_load()[self.kind]
        x = check_range("CHPUnit load_fraction", load_fraction, float(lf[0]), 1.0)
        return float(np.interp(x, lf, re))

    def run(self, load_fraction, water_in: Stream, water_outlet_enthalpy) -> CHPResult:
        """Operate at ``load_fraction`` and raise water/steam from ``water_in`` to ``water_outlet_enthalpy``
        [J/kg] with the exhaust (flow set by the pinch)."""
        power, fuel_q, eta, exhaust = self.prime_mover(load_fraction)
        rec = pinch_limited_flow(exhaust, water_in, as_float("water_outlet_enthalpy", water_outlet_enthalpy, "J/kg"),
                                 self.pinch)
        prof = rec.profile
        stack = prof.hot_out.T
        if stack < self.stack_minimum:
            raise ValueError(f"CHPUnit: stack temperature {stack:.6g} K is below stack_minimum {self.stack_minimum:g} K; "
                             "raise the water inlet temperature or stack_minimum")
        q_exh = prof.duty
        q_jacket = self.jacket_heat_fraction * fuel_q
        heat_eff = (q_exh + q_jacket) / fuel_q
        return CHPResult(
            power=power, fuel_input=fuel_q, exhaust=exhaust, exhaust_heat_recovered=q_exh, jacket_heat=q_jacket,
            water_flow=rec.flow, water_out=prof.cold_out, stack_temperature=stack, electrical_efficiency=eta,
            heat_efficiency=heat_eff, total_efficiency=eta + heat_eff,
            primary_energy_savings=primary_energy_savings(eta, min(heat_eff, 1.0 - eta)), recovery=rec,
            energy_residual=prof.energy_residual * q_exh, mass_residual=0.0)
