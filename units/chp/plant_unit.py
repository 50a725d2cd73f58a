r"""A gas-engine or gas-turbine CHP as a plant-file unit (``type = "chp"``), on natural gas or biogas.

The prime mover is :class:`units.chp.engine.CHPUnit` at ``load_fraction``. The hot-water loop on
``water_in`` -> ``water_out`` takes the jacket and lube-oil heat first, then the exhaust heat in
a counterflow recovery exchanger (the shared heat-exchange engine,
:func:`units.heat_exchanger.pinch_limited_flow`): the water outlet enthalpy is the highest
that keeps ``pinch`` everywhere in the exchanger at the loop's flow, unless the exhaust would
fall below ``stack_minimum`` first; then the stack sets the duty.

Biogas (``fuel = "biogas"``) is methane and CO2 at ``methane_fraction`` (mole fraction of CH4,
the rest CO2; no default: a digester's gas lies anywhere from about 0.5 to 0.75); its LHV and
flue gas come from :class:`procsim.thermo.combustion.Fuel` (NASA-7 data). The digester gas is
the plant's own, so it is no purchased carrier: the result reports its volume and the CO2 it
releases (biogenic, memo item of IPCC 2006 vol. 2 sec. 2.3.3.4) beside the carriers.

Carriers per second (``result.carriers``): ``electricity_kwh`` is **negative** (generation),
so a plant's net electricity falls by what the engine makes and turns negative when the plant
exports; natural gas adds ``natural_gas_nm3`` (fuel LHV over the accounting carrier's energy,
as :meth:`units.chp.engine.CHPResult.co2e_displaced`). Port balance: the recovered heat
enters as the source ``recovered_heat`` [W]; mass_residual [kg/s] and energy_residual [W] are
those of the water loop (:func:`procsim.units_api.with_residuals`); the engine's own balance,
fuel LHV = power + jacket heat + exhaust heat above 25 C at the engine outlet + other losses,
must leave other losses >= 0 (checked).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from scipy.optimize import brentq

from procsim.accounting import carrier_energy
from procsim.stream import Stream
from procsim.thermo.combustion import Fuel
from procsim.validation import check_choice, check_fraction
from units.chp.engine import CHPUnit
from units.heat_exchanger import pinch_limited_flow

__all__ = ["CHPPlantUnit", "CHPPlantResult", "CHP_FUELS"]

#: fuels a plant-file CHP burns
CHP_FUELS = ("natural_gas", "biogas")
_T_REF = 298.15      # K, the LHV reference temperature (25 C)
_NORMAL_MOLAR_VOLUME = 0.022413969545014137  # m3/mol ideal gas at 0 C, 101325 Pa (CODATA 2018 R)


@dataclass(frozen=True)
class CHPPlantResult:
    """Operating point of a plant-file CHP (SI; per second).

    power [W] (electric, generated); fuel_input [W, LHV]; electrical_efficiency,
    heat_efficiency [-] (LHV); jacket_heat, exhaust_heat_recovered [W]; stack_temperature [K];
    water_outlet_temperature [K]; limited_by : "pinch" or "stack"; biogas_volume [Nm3/s] (0 on
    natural gas); biogenic_co2 [kg/s] (biogas: CO2 of combustion plus the gas's own CO2);
    other_losses [W] (fuel LHV - power - jacket heat - exhaust heat above 25 C: radiation and
    unaccounted; refused when negative); carriers : per second
    (module docstring); mass_residual [kg/s], energy_residual [W] of the water loop."""

    power: float
    fuel_input: float
    electrical_efficiency: float
    heat_efficiency: float
    jacket_heat: float
    exhaust_heat_recovered: float
    stack_temperature: float
    water_outlet_temperature: float
    limited_by: str
    biogas_volume: float
    biogenic_co2: float
    other_losses: float
    carriers: dict
    mass_residual: float = float("nan")
    energy_residual: float = float("nan")


@dataclass(frozen=True)
class CHPPlantUnit:
    """Plant-file CHP (module docstring).

    Parameters
    ----------
    name : unit name
    rated_power [W], electrical_efficiency [-], exhaust_temperature [K], kind, exhaust_o2_dry,
        jacket_heat_fraction, pinch [K], stack_minimum [K] : as :class:`units.chp.engine.CHPUnit`
    load_fraction : [-] within the part-load table (``chp_part_load.csv``), default 1
    fuel : "natural_gas" or "biogas"; methane_fraction : biogas CH4 mole fraction [-] in
        (0, 1], required for biogas, not allowed for natural gas
    """

    name: str
    rated_power: float
    electrical_efficiency: float
    exhaust_temperature: float
    kind: str = "gas_engine"
    load_fraction: float = 1.0
    fuel: str = "natural_gas"
    methane_fraction: float | None = None
    exhaust_o2_dry: float = 0.11
    jacket_heat_fraction: float = 0.22
    pinch: float = 15.0
    stack_minimum: float = 393.15

    inlets: ClassVar[tuple] = ("water_in",)
    outlets: ClassVar[tuple] = ("water_out",)

    def __post_init__(self):
        from procsim.units_api import convert_fields
        convert_fields(self, rated_power="power", exhaust_temperature="temperature", pinch="temperature_difference",
                       stack_minimum="temperature", load_fraction="fraction", exhaust_o2_dry="fraction",
                       jacket_heat_fraction="fraction")
        check_choice(f"{self.name} fuel", self.fuel, CHP_FUELS)
        if self.fuel == "biogas":
            if self.methane_fraction is None:
                raise ValueError(f"{self.name}: methane_fraction (CH4 mole fraction of the biogas, 0-1) is required "
                                 "for fuel 'biogas'")
            x = check_fraction(f"{self.name} methane_fraction", self.methane_fraction, allow_zero=False)
            fuel = Fuel.from_composition({"CH4": x, "CO2": 1.0 - x} if x < 1.0 else {"CH4": 1.0}, basis="mole",
                                         name="biogas")
        else:
            if self.methane_fraction is not None:
                raise ValueError(f"{self.name}: methane_fraction applies to fuel 'biogas' only; got "
                                 f"{self.methane_fraction!r} with fuel 'natural_gas'")
            fuel = Fuel.from_name("natural_gas")
        engine = CHPUnit(self.kind, self.rated_power, self.electrical_efficiency, self.exhaust_temperature,
                         self.exhaust_o2_dry, self.jacket_heat_fraction, self.pinch, self.stack_minimum, fuel=fuel)
        engine.relative_efficiency(self.load_fraction)        # range check now, not at solve
        object.__setattr__(self, "_engine", engine)
        object.__setattr__(self, "_fuel", fuel)

    @classmethod
    def example(cls):
        return (cls("chp", 1.0e6, 0.40, 723.15, fuel="biogas", methane_fraction=0.6),
                {"water_in": Stream("Water", 343.15, 4e5, 12.0)})

    def _recover(self, exhaust: Stream, water: Stream):
        """Water outlet enthalpy [J/kg] and which limit binds (module docstring)."""
        m = water.mass_flow
        stack = exhaust.with_(T=self.stack_minimum)
        q_stack = exhaust.mass_flow * (exhaust.h - stack.h)
        h_stack = water.h + q_stack / m

        def spare_flow(h_out):
            try:
                return pinch_limited_flow(exhaust, water, h_out, self.pinch).flow - m
            except ValueError:       # outlet too hot for the exhaust: no flow keeps the pinch
                return -m
        if spare_flow(h_stack) >= 0.0:
            return h_stack, "stack"
        h_lo = water.h + 1e-9 * abs(h_stack - water.h)
        if not spare_flow(h_lo) > 0.0:
            raise ValueError(f"{self.name}: the exhaust at {exhaust.T:.6g} K cannot heat water_in at {water.T:.6g} K "
                             f"with pinch {self.pinch:g} K")
        return brentq(spare_flow, h_lo, h_stack, xtol=1e-9 * abs(h_stack)), "pinch"

    def solve(self, inlets):
        from procsim.flowsheet import UnitSolution
        from procsim.units_api import canonical_inlets, outlet_map, with_residuals
        inlets = canonical_inlets(self, inlets)
        if "water_in" not in inlets:
            raise ValueError(f"{self.name}: inlet 'water_in' is missing; ports are water_in")
        w_in = inlets["water_in"]
        if not w_in.mass_flow > 0.0:
            raise ValueError(f"{self.name}: water_in.mass_flow must be > 0 kg/s; got {w_in.mass_flow!r} kg/s")
        eng, fuel = self._engine, self._fuel
        power, fuel_q, eta, exhaust = eng.prime_mover(self.load_fraction)
        q_jacket = eng.jacket_heat_fraction * fuel_q
        w1 = Stream.from_ph(w_in.material.name, w_in.p, w_in.h + q_jacket / w_in.mass_flow, w_in.mass_flow)
        h_out, limited_by = self._recover(exhaust, w1)
        water_out = Stream.from_ph(w_in.material.name, w_in.p, h_out, w_in.mass_flow)
        q_exh = w_in.mass_flow * (h_out - w1.h)
        stack_h = exhaust.h - q_exh / exhaust.mass_flow
        stack_t = exhaust.material.T_ph(exhaust.p, stack_h)
        exhaust_above_ref = exhaust.mass_flow * (exhaust.h - exhaust.with_(T=_T_REF).h)
        other = fuel_q - power - q_jacket - exhaust_above_ref
        if other < -1e-9 * fuel_q:
            raise ValueError(f"{self.name}: power {power:.6g} W + jacket {q_jacket:.6g} W + exhaust heat "
                             f"{exhaust_above_ref:.6g} W exceed the fuel's {fuel_q:.6g} W (LHV): lower "
                             "jacket_heat_fraction, exhaust_temperature or raise exhaust_o2_dry consistently")
        m_fuel = fuel_q / fuel.lhv
        carriers = {"electricity_kwh": -power / 3.6e6}
        if self.fuel == "natural_gas":
            carriers["natural_gas_nm3"] = fuel_q / carrier_energy("natural_gas_nm3", 1.0, "J")
            biogas_nm3 = biogenic = 0.0
        else:
            x = float(self.methane_fraction)
            mol_s = m_fuel * 1e3 / (x * 16.0425 + (1.0 - x) * 44.0095)   # g/mol, IUPAC 2013 atomic weights
            biogas_nm3 = mol_s * _NORMAL_MOLAR_VOLUME                     # ideal gas (normal m3)
            biogenic = mol_s * 44.0095e-3                                  # every C atom leaves as CO2
        outs = outlet_map(self, {"water_out": water_out})
        src = {"recovered_heat": q_jacket + q_exh}
        res = CHPPlantResult(
            power=power, fuel_input=fuel_q, electrical_efficiency=eta,
            heat_efficiency=(q_jacket + q_exh) / fuel_q, jacket_heat=q_jacket, exhaust_heat_recovered=q_exh,
            stack_temperature=stack_t, water_outlet_temperature=water_out.T, limited_by=limited_by,
            biogas_volume=biogas_nm3, biogenic_co2=biogenic, other_losses=other, carriers=carriers)
        return UnitSolution(outs, with_residuals(res, inlets, outs, src), src)
