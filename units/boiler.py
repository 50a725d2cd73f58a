r"""Fired boilers and heaters: stack loss, heat-loss (indirect) efficiency, fuel demand.

Physics lives in :mod:`procsim.thermo.combustion` (stoichiometry, NASA-7 flue-gas enthalpy);
this module does the boiler bookkeeping:

* :func:`stack_loss_fraction` [vec]: flue-gas loss as a fraction of the fuel's HHV or LHV,
  from dry O2, stack and combustion-air temperature (the quantity of combustion-efficiency
  tables: combustion efficiency = 1 - stack loss).
* :class:`Boiler` (steam: fire-tube, water-tube, once-through) and :class:`FluidHeater`
  (hot water, thermal oil): efficiency by the heat-loss method in the spirit of ASME PTC 4
  (losses and credits referred to 25 C, HHV basis): dry flue gas, water from hydrogen, fuel
  moisture, air moisture, unburned CO, surface radiation and convection, other
  (unmeasured), credit for air entering above 25 C; and the input-output check.
  Fuel demand follows from the useful heat; blowdown with optional heat recovery.

Radiation and convection loss: a constant heat rate at all loads (the casing temperature
hardly changes with load), expressed as a fraction of the rated output, so its share of the
fuel input rises as 1/load, which is the shape of the ABMA radiation-loss chart
(American Boiler Manufacturers Association, reproduced in ASME PTC 4.1-1964 Fig. 8 and in
Babcock & Wilcox, *Steam*, 41st ed., 2005, ch. 22). The chart itself was not available to
the developer: the default fractions per boiler type below are typical values,
**unverified**; give the manufacturer's figure where known.

Energy bookkeeping for the flowsheet balance (:mod:`procsim.flowsheet`): the fuel enters on
the ``fuel_in`` port as an EnergyStream (mass flow and heating value on the stated basis), the
air on ``air_in`` and the flue gas leaves on ``gas_out`` as gas mixtures with absolute
(formation-inclusive) NASA-7 enthalpy, radiation and other losses leave on ``loss_out`` as
heat. The source term ``fuel_formation_enthalpy`` = fuel flow x (LHV - heating value on the
port's basis + H_products(25 C) - H_air(25 C)) per kg fuel turns the port's heating value
into the absolute enthalpy of the fuel on the gas reference, so in + sources - out closes
with no plug. Ash: the ``fuel`` port carries the ash-free part of the fuel (its heating value
scaled by 1/(1 - ash)); the ash leaves as residue reported in the result, its sensible heat
neglected (ASME PTC 4 "sensible heat of residue" loss, below 0.1 % for ash < 15 %).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Mapping

import numpy as np

from procsim.flowsheet import UnitSolution
from procsim.parallel import use_parallel
from procsim.stream import EnergyStream, Stream
from procsim.thermo import gas
from procsim.thermo.combustion import Fuel
from procsim.thermo.combustion import kernels as K
from procsim.thermo.combustion.air import combustion_air, product_rows
from procsim.thermo.combustion.fuel import HV_BASES
from procsim.thermo.fluids import Fluid
from procsim.thermo.material import require_material
from procsim.units_api import canonical_inlets, convert_fields, outlet_map, si, si_array
from procsim.validation import (as_array, as_float, broadcast_arrays, check_choice,
                                check_fraction, check_positive, check_range)

__all__ = ["stack_loss_fraction", "combustion_efficiency", "Boiler", "FluidHeater", "BoilerResult",
           "BOILER_TYPES", "HEATER_TYPES", "mixed_feedwater", "efficiency_input_output"]

#: Steam boiler types -> default radiation + convection loss [fraction of rated output]
#: (typical values, unverified; see module docstring) and whether the type has a drum
#: (blowdown possible).
BOILER_TYPES = {
    "fire_tube": {"radiation_loss": 0.005, "drum": True},
    "water_tube": {"radiation_loss": 0.008, "drum": True},
    "once_through": {"radiation_loss": 0.005, "drum": False},
}
#: Fluid heaters -> default radiation loss [fraction of rated output] (typical, unverified).
HEATER_TYPES = {"hot_water": {"radiation_loss": 0.005}, "thermal_oil": {"radiation_loss": 0.008}}
#: Temperature bounds of the flue-gas enthalpy [K] (NASA-7 fits; stack above 2000 K is no boiler)
_T_MIN, _T_MAX = 250.0, 2000.0


def _fuel(fuel) -> Fuel:
    if isinstance(fuel, Fuel):
        return fuel
    if isinstance(fuel, str):
        return Fuel.from_name(fuel)
    raise ValueError(f"fuel must be a Fuel or a library fuel name; got {fuel!r}")


def stack_loss_fraction(fuel, o2_dry, stack_temperature, combustion_air_temperature, basis="hhv"):
    r"""Flue-gas (stack) loss as a fraction of the fuel input [-] [vec].

    .. math::
        L = \frac{\sum_i n_i\,[h_i(T_{stack}) - h_i(T_{air})] + \delta_{HHV}(HHV - LHV)}{HV}

    with the complete-combustion products per kg fuel at the excess air implied by
    ``o2_dry`` and NASA-7 species enthalpies; on the HHV basis the latent heat of all the
    water formed from the fuel (hydrogen and moisture) is lost with the vapour. Dry
    combustion air; no condensation in the stack (the stack must be above the water dew
    point for the result to hold). Combustion efficiency = 1 - L.

    Parameters
    ----------
    fuel : Fuel or library name
    o2_dry : O2 mole fraction in dry flue gas [-], in [0, 0.2095)
    stack_temperature : [K], >= combustion_air_temperature, <= 2000 K
    combustion_air_temperature : [K], in [250, 2000]
    basis : "hhv" or "lhv"

    References
    ----------
    US DOE AMO, Steam Tip Sheet #4, "Improve Your Boiler's Combustion Efficiency",
    DOE/GO-102012-3399, 2012 (combustion-efficiency table for natural gas, HHV).
    1. BImSchV (Germany, 2010), Anlage 2 sec. 3.4.1, Siegert formula for the flue-gas loss
    (LHV basis): :math:`q_A = (t_A - t_L)(A/(21 - O_2) + B)`.
    tests/test_boiler.py compares both.

    Examples
    --------
    >>> round(float(stack_loss_fraction("pipeline_gas", 0.03, 473.15, 293.15, "lhv")), 4)
    0.0832
    """
    f = _fuel(fuel)
    code = check_choice("basis", basis, HV_BASES)
    shape, (o2, ts, ta) = _broadcast(
        o2_dry=si_array("o2_dry", o2_dry, "fraction"),
        stack_temperature=si_array("stack_temperature", stack_temperature, "temperature"),
        combustion_air_temperature=si_array("combustion_air_temperature", combustion_air_temperature, "temperature"))
    _check_temperatures(ts, ta)
    out = np.empty_like(o2)
    loop = K.stack_loss_array_parallel if use_parallel(o2.size) else K.stack_loss_array
    bad = loop(f.vector, combustion_air(0.0), o2, ts, ta, code, product_rows(), out)
    if bad >= 0:
        raise ValueError(f"o2_dry must be in [0, {combustion_air(0.0)[K.A_O2]:.5f}) (mole fraction, "
                         f"dry flue gas; 0.20947 = O2 in dry air); got {float(o2[bad])!r}")
    return float(out[0]) if shape == () else out.reshape(shape)


def combustion_efficiency(fuel, o2_dry, stack_temperature, combustion_air_temperature, basis="hhv"):
    """Combustion efficiency = 1 - stack_loss_fraction [-] [vec]."""
    return 1.0 - stack_loss_fraction(fuel, o2_dry, stack_temperature, combustion_air_temperature, basis)


def _broadcast(**named):
    return broadcast_arrays(**{k: as_array(k, v) for k, v in named.items()})


def _check_temperatures(ts, ta):
    check_range("combustion_air_temperature", ta, _T_MIN, _T_MAX, "K")
    check_range("stack_temperature", ts, _T_MIN, _T_MAX, "K")
    bad = ~(ts >= ta)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"stack_temperature must be >= combustion_air_temperature; got "
                         f"stack_temperature={float(ts[i])!r} K < combustion_air_temperature="
                         f"{float(ta[i])!r} K")


def efficiency_input_output(useful_heat, fuel_mass_flow, heating_value):
    """Input-output (direct) efficiency [-] = useful heat / (fuel flow x heating value).

    Raises if the result exceeds 1: more heat out than the fuel's heating value (on the HHV
    basis this is the thermodynamic limit of a boiler without heat pumping).
    """
    q = check_positive("useful_heat", si_array("useful_heat", useful_heat, "power"), "W")
    m = check_positive("fuel_mass_flow", si_array("fuel_mass_flow", fuel_mass_flow, "mass_flow"), "kg/s")
    hv = check_positive("heating_value", si_array("heating_value", heating_value, "specific_energy"), "J/kg")
    eta = q / (m * hv)
    if np.any(eta > 1.0):
        raise ValueError(f"efficiency {float(np.max(eta))!r} exceeds the heating-value limit 1: useful "
                         f"heat {float(np.max(q))!r} W > fuel input {float(np.min(m * hv))!r} W; "
                         "check the fuel flow, heating value and steam enthalpies")
    return eta


def mixed_feedwater(condensate_return_fraction, condensate_temperature, makeup_temperature,
                    pressure=101325.0 * 1.2):
    """Feedwater temperature [K] from mixing returned condensate with make-up water (IF97).

    Adiabatic mixing at ``pressure`` [Pa]: h = r h_condensate + (1 - r) h_makeup. The default
    pressure, 1.2 atm (a slightly pressurised feed tank), is an assumption, unverified; it
    moves the result by millikelvin only (liquid enthalpy hardly depends on pressure).
    """
    r = check_fraction("condensate_return_fraction",
                       si("condensate_return_fraction", condensate_return_fraction, "fraction"))
    w = Fluid("Water")
    p = check_positive("pressure", si("pressure", pressure, "pressure"), "Pa")
    tc = check_positive("condensate_temperature",
                        si("condensate_temperature", condensate_temperature, "temperature"), "K")
    tm = check_positive("makeup_temperature", si("makeup_temperature", makeup_temperature, "temperature"), "K")
    hc = w.state(p=p, T=tc).h
    hm = w.state(p=p, T=tm).h
    return float(w.state(p=p, h=r * hc + (1 - r) * hm).T)


@dataclass(frozen=True)
class BoilerResult:
    """Operating point of a fired boiler or heater (SI; fractions of the HHV fuel input).

    losses: dry_gas, h2_moisture, fuel_moisture, air_moisture, co, radiation, other (all
    fractions of fuel HHV input) and air_credit (a credit, subtracted); efficiency_hhv =
    1 - sum(losses) + air_credit. efficiency_input_output: useful heat / (fuel x HHV) from the
    water-side enthalpies (agrees with efficiency_hhv to round-off).
    """

    useful_heat: float                 # W to the water/steam (net of internal blowdown recovery)
    fuel_mass_flow: float              # kg/s as fired (ash included)
    fuel_input_hhv: float              # W
    fuel_input_lhv: float              # W
    efficiency_hhv: float
    efficiency_lhv: float
    efficiency_input_output: float
    excess_air: float
    air_mass_flow: float               # kg/s (moist)
    flue_gas_mass_flow: float          # kg/s
    stack_temperature: float           # K
    water_dew_point: float             # K
    co2_mass_flow: float               # kg/s from the fuel's carbon
    ash_mass_flow: float               # kg/s
    steam_flow: float                  # kg/s (heaters: circulating fluid flow)
    blowdown_flow: float               # kg/s
    blowdown_heat_recovered: float     # W
    radiation_loss: float              # W
    other_loss: float                  # W
    losses: Mapping[str, float] = field(default_factory=dict)
    mass_residual: float = 0.0         # kg/s, in - out over the ports (ash counted as residue)
    energy_residual: float = 0.0       # W, in + sources - out


@dataclass(frozen=True, eq=False)
class _FiredUnit:
    """Shared combustion-side bookkeeping of Boiler and FluidHeater.

    Defaults of the firing (3 % dry O2, 200 C stack, 25 C dry air, no CO, no other loss) and
    of Boiler (8 bar(g) steam, 5 % blowdown) and FluidHeater (90 C supply) are a typical
    gas-fired operating point chosen by the developer: assumed, unverified. Give measured
    values for a real plant.
    """

    name: str
    fuel: object
    rated_output: float                      # W useful heat at full load
    o2_dry: float = 0.03                     # dry flue-gas O2 [-]
    stack_temperature: float = 473.15        # K
    air_temperature: float = 298.15          # K
    air_humidity: float = 0.0                # kg/kg dry air
    co_dry: float = 0.0                      # CO mole fraction, dry flue gas
    radiation_loss: float | None = None      # fraction of rated output (constant W)
    other_loss: float = 0.0                  # fraction of fuel HHV input (unmeasured losses)
    fuel_basis: str = "hhv"                  # basis of the fuel port's heating value

    def _validate_firing(self, types):
        convert_fields(self, rated_output="power", o2_dry="fraction", stack_temperature="temperature",
                       air_temperature="temperature", air_humidity="fraction", co_dry="fraction",
                       radiation_loss="fraction", other_loss="fraction")
        object.__setattr__(self, "fuel", _fuel(self.fuel))
        check_positive("rated_output", self.rated_output, "W")
        check_range("o2_dry", self.o2_dry, 0.0, 0.2094, "")
        check_range("air_temperature", self.air_temperature, _T_MIN, 500.0, "K")
        check_range("stack_temperature", self.stack_temperature, self.air_temperature, _T_MAX, "K")
        check_range("air_humidity", self.air_humidity, 0.0, 0.1, "kg/kg dry air")
        check_range("co_dry", self.co_dry, 0.0, 0.05, "")
        check_range("other_loss", self.other_loss, 0.0, 0.5, "")
        check_choice("fuel_basis", self.fuel_basis, HV_BASES)
        if self.radiation_loss is None:
            object.__setattr__(self, "radiation_loss", types[self.kind]["radiation_loss"])
        check_range("radiation_loss", self.radiation_loss, 0.0, 0.2, "")

    # -------------------------------------------------------------- combustion side
    def _combustion(self, useful_heat, stack_temperature=None, o2_dry=None):
        f: Fuel = self.fuel
        ts = self.stack_temperature if stack_temperature is None else stack_temperature
        o2 = self.o2_dry if o2_dry is None else o2_dry
        air = combustion_air(self.air_humidity)
        e = f.excess_air(o2, "dry", self.air_humidity)
        terms = np.empty(K.N_LOSS_TERMS)
        K.heat_loss_terms(f.vector, air, e, self.co_dry, ts, self.air_temperature, product_rows(), terms)
        flue_fraction = (terms[:5].sum() - terms[5]) / f.hhv
        q_rad = self.radiation_loss * self.rated_output
        firing_fraction = 1.0 - flue_fraction - self.other_loss
        if not firing_fraction > 0.0:
            raise ValueError(f"losses of {1 - firing_fraction!r} of the fuel input leave no useful heat")
        fuel_input = (useful_heat + q_rad) / firing_fraction          # W, HHV
        eta = useful_heat / fuel_input
        if not eta <= 1.0:
            raise ValueError(f"efficiency {eta!r} exceeds the HHV limit 1 (air credit larger than the "
                             "losses); check stack and air temperatures")
        m_f = fuel_input / f.hhv
        fg = f.flue_gas(e, self.air_humidity, self.co_dry)
        if ts < fg.water_dew_point():
            raise ValueError(f"stack_temperature {ts!r} K is below the flue-gas water dew point "
                             f"{fg.water_dew_point():.2f} K: condensing operation is outside this model")
        names = ("dry_gas", "h2_moisture", "fuel_moisture", "air_moisture", "co")
        losses = {n: float(terms[i] / f.hhv) for i, n in enumerate(names)}
        losses["radiation"] = float(q_rad / fuel_input)
        losses["other"] = self.other_loss
        losses["air_credit"] = float(terms[5] / f.hhv)
        return dict(fuel=f, fg=fg, e=float(e), m_f=m_f, fuel_input=fuel_input, eta=eta,
                    q_rad=q_rad, q_other=self.other_loss * fuel_input, losses=losses, ts=ts)

    def _gas_ports(self, c, air_pressure=101325.0):
        """Fuel, air and flue-gas port streams plus the formation-enthalpy source [W]."""
        f, fg, m_f = c["fuel"], c["fg"], c["m_f"]
        ash = f.mass_fractions.get("ash", 0.0)
        hv = f.heating_value(self.fuel_basis)
        fuel_port = EnergyStream.fuel(m_f * (1.0 - ash), hv / (1.0 - ash), self.fuel_basis)
        air_comp = _air_composition(self.air_humidity)
        air_port = Stream(air_comp, self.air_temperature, air_pressure, m_f * fg.air_per_kg_fuel)
        flue_port = Stream(fg.mole_fractions, c["ts"], air_pressure, m_f * fg.mass_per_kg_fuel)
        # absolute enthalpy of the fuel on the gas reference minus what the port carries
        n = np.empty(K.N_PRODUCTS)
        K.products(f.vector, combustion_air(self.air_humidity), c["e"], 0.0, n)
        h_prod_ref = K.absolute_enthalpy(product_rows(), n, K.T_REFERENCE)
        h_air_ref = gas.GasMixture(air_comp).h(K.T_REFERENCE) * fg.air_per_kg_fuel
        source = m_f * (f.lhv - hv + h_prod_ref - h_air_ref)
        return fuel_port, air_port, flue_port, source

    def _supplied(self, inlets, fuel_port, air_port):
        """(inlets with fuel and air, the streams drawn): fed fuel/air ports are checked against
        what the duty needs; open ones (left unconnected in a flowsheet) are drawn here."""
        inlets = canonical_inlets(self, inlets)
        open_ports = [p for p in ("fuel_in", "air_in") if inlets.get(p) is None]
        if len(open_ports) == 1:
            raise ValueError(f"{self.name}: feed both fuel and air, or neither (the unit then draws what "
                             f"the duty needs); {open_ports[0]!r} is missing")
        if open_ports:
            drawn = {"fuel_in": fuel_port, "air_in": air_port}
            return {**inlets, **drawn}, drawn
        self._check_supply(inlets, fuel_port, air_port)
        return inlets, {}

    def _check_supply(self, inlets, fuel_port, air_port):
        for port, need in (("fuel_in", fuel_port), ("air_in", air_port)):
            got = inlets[port]
            if not abs(got.mass_flow - need.mass_flow) <= 1e-9 * need.mass_flow:
                raise ValueError(f"{self.name}: {port.removesuffix('_in')} inlet ({port}) mass_flow {got.mass_flow!r} kg/s differs from "
                                 f"the {need.mass_flow!r} kg/s this duty needs; feed the streams of "
                                 f"{type(self).__name__}.supply(...)")
        if inlets["fuel_in"].basis != self.fuel_basis:
            raise ValueError(f"fuel inlet basis {inlets['fuel_in'].basis!r} differs from fuel_basis "
                             f"{self.fuel_basis!r}")


def _air_composition(humidity):
    air = combustion_air(humidity)
    comp = {"N2": float(air[K.A_N2]), "O2": float(air[K.A_O2]), "AR": float(air[K.A_AR]),
            "CO2": float(air[K.A_CO2])}                       # the order of gas.AIR_DRY
    if air[K.A_HUM] > 0.0:
        comp["H2O"] = float(air[K.A_HUM])
    return comp



@dataclass(frozen=True)
class PartLoadResult:
    """Batch part-load operation: arrays over the load points (SI)."""

    load: np.ndarray                 # useful heat / rated output [-]
    useful_heat: np.ndarray          # W
    efficiency_hhv: np.ndarray       # [-]
    fuel_input_hhv: np.ndarray       # W
    fuel_mass_flow: np.ndarray       # kg/s


def _part_load(unit: _FiredUnit, load, o2_dry=None, stack_temperature=None) -> PartLoadResult:
    shape, (ld, o2, ts) = _broadcast(
        load=load, o2_dry=unit.o2_dry if o2_dry is None else o2_dry,
        stack_temperature=unit.stack_temperature if stack_temperature is None else stack_temperature)
    check_range("load", ld, 0.0, 1.25, "", low_inclusive=False)
    ta = np.full_like(ld, unit.air_temperature)
    _check_temperatures(ts, ta)
    f: Fuel = unit.fuel
    zeros = np.zeros_like(ld)
    firing = np.empty_like(ld)
    loop = K.hhv_efficiency_array_parallel if use_parallel(o2.size) else K.hhv_efficiency_array
    bad = loop(f.vector, combustion_air(unit.air_humidity), o2, np.full_like(ld, unit.co_dry), ts, ta,
               zeros, np.full_like(ld, unit.other_loss), product_rows(), firing)
    if bad >= 0:
        raise ValueError(f"o2_dry must be in [0, 0.20947) (dry flue gas); got {float(o2[bad])!r}")
    q = ld * unit.rated_output
    fuel_input = (q + unit.radiation_loss * unit.rated_output) / firing
    eta = q / fuel_input
    if np.any(eta > 1.0):
        raise ValueError(f"efficiency {float(eta.max())!r} exceeds the HHV limit 1")
    r = [a.reshape(shape) for a in (ld, q, eta, fuel_input, fuel_input / f.hhv)]
    return PartLoadResult(*r)


@dataclass(frozen=True, eq=False)
class Boiler(_FiredUnit):
    """Fired steam boiler (fire-tube, water-tube or once-through).

    Ports: inlets ("feedwater_in", "fuel_in", "air_in"); outlets ("steam_out", "blowdown_out",
    "gas_out", "loss_out") (procsim.units_api convention; the former names "feedwater",
    "fuel", "air", "steam", "blowdown", "flue_gas", "losses" are accepted as aliases). The feedwater flow sets the duty (steam = feedwater - blowdown). The boiler
    finds its own fuel and combustion air: leave ``fuel`` and ``air`` open in a flowsheet
    (they are ``supplied_inlets``) or omit them from ``solve``'s inlets, and it draws what the
    duty needs by the heat-loss method (returned in ``UnitSolution.drawn``); fuel and air fed
    explicitly must equal :meth:`supply` (the unit checks them). Source
    ``fuel_formation_enthalpy`` (see module docstring).

    Parameters
    ----------
    name : unit name
    fuel : Fuel or library name
    rated_output : useful heat at full load [W], > 0
    kind : "fire_tube", "water_tube" or "once_through"
    steam_pressure : drum/outlet pressure [Pa abs]
    steam_temperature : superheat outlet temperature [K]; None = saturated steam
    blowdown_fraction : blowdown / feedwater [-], in [0, 0.3] (0 for once-through)
    blowdown_heat_recovery : share of the blowdown heat above feedwater enthalpy returned
        to the feedwater [-], in [0, 1] (DOE Steam Tip #10: heat exchanger ~0.9)
    o2_dry, stack_temperature [K], air_temperature [K], air_humidity [kg/kg], co_dry :
        flue-gas analysis and combustion air
    radiation_loss : [fraction of rated output], constant heat rate at all loads
    other_loss : unmeasured losses [fraction of fuel HHV input]
    fuel_basis : "hhv" or "lhv", the heating-value basis of the ``fuel`` port

    Examples
    --------
    >>> b, inlets = Boiler.example()
    >>> r = b.solve(inlets).result
    >>> round(r.efficiency_hhv, 3), round(r.efficiency_input_output, 3)
    (0.826, 0.826)
    """

    kind: str = "fire_tube"
    steam_pressure: float = 901325.0
    steam_temperature: float | None = None
    blowdown_fraction: float = 0.05
    blowdown_heat_recovery: float = 0.0

    inlets: ClassVar[tuple] = ("feedwater_in", "fuel_in", "air_in")
    #: Inlets the boiler sizes itself when they are left open in a flowsheet (procsim.flowsheet).
    supplied_inlets: ClassVar[tuple] = ("fuel_in", "air_in")
    outlets: ClassVar[tuple] = ("steam_out", "blowdown_out", "gas_out", "loss_out")
    port_aliases: ClassVar[dict] = {"feedwater": "feedwater_in", "fuel": "fuel_in", "air": "air_in",
                                    "steam": "steam_out", "blowdown": "blowdown_out", "flue_gas": "gas_out",
                                    "losses": "loss_out"}

    def __post_init__(self):
        convert_fields(self, steam_pressure="pressure", steam_temperature="temperature",
                       blowdown_fraction="fraction", blowdown_heat_recovery="fraction")
        check_choice("kind", self.kind, BOILER_TYPES)
        self._validate_firing(BOILER_TYPES)
        check_range("steam_pressure", self.steam_pressure, 1.1e5, 2.2e7, "Pa")
        bd_max = 0.3 if BOILER_TYPES[self.kind]["drum"] else 0.0
        check_range("blowdown_fraction", self.blowdown_fraction, 0.0, bd_max, "")
        check_fraction("blowdown_heat_recovery", self.blowdown_heat_recovery)
        if self.steam_temperature is not None:
            t_sat = Fluid("Water").state(p=self.steam_pressure, x=1.0).T
            check_range("steam_temperature", self.steam_temperature, t_sat, 873.15, "K",
                        low_inclusive=False)

    # ---------------------------------------------------------------- water side
    def _water_side(self, feedwater: Stream):
        if not isinstance(feedwater, Stream) or getattr(feedwater.material, "name", None) != "Water":
            raise ValueError(f"feedwater must be a Stream of 'Water'; got {feedwater!r}")
        m_fw = check_positive("feedwater mass_flow", feedwater.mass_flow, "kg/s")
        if not feedwater.p >= self.steam_pressure:
            raise ValueError(f"feedwater pressure {feedwater.p!r} Pa must be >= steam_pressure "
                             f"{self.steam_pressure!r} Pa (the feed pump sets it)")
        w = Fluid("Water")
        p = self.steam_pressure
        sat_liq, sat_vap = w.saturation(p=p)
        if feedwater.h >= sat_liq.h:
            raise ValueError(f"feedwater enthalpy {feedwater.h:.6g} J/kg must be below saturated liquid "
                             f"{sat_liq.h:.6g} J/kg at the steam pressure (subcooled feedwater)")
        h_s = sat_vap.h if self.steam_temperature is None else w.state(p=p, T=self.steam_temperature).h
        m_bd = self.blowdown_fraction * m_fw
        m_s = m_fw - m_bd
        q_rec = self.blowdown_heat_recovery * m_bd * (sat_liq.h - feedwater.h)
        h_bd_out = sat_liq.h - (q_rec / m_bd if m_bd > 0 else 0.0)
        useful = m_s * h_s + m_bd * h_bd_out - m_fw * feedwater.h
        if useful > 1.25 * self.rated_output:
            raise ValueError(f"duty {useful!r} W exceeds 1.25 x rated_output {self.rated_output!r} W")
        steam = Stream("Water", self.steam_temperature, p, m_s, x=None if self.steam_temperature else 1.0)
        blowdown = Stream.from_ph("Water", p, h_bd_out, m_bd)
        return dict(steam=steam, blowdown=blowdown, useful=useful, q_rec=q_rec, m_s=m_s, m_bd=m_bd)

    def supply(self, feedwater: Stream) -> dict:
        """The ``fuel`` and ``air`` inlet streams that this feedwater flow (duty) needs."""
        ws = self._water_side(feedwater)
        fuel_port, air_port, _, _ = self._gas_ports(self._combustion(ws["useful"]))
        return outlet_map(self, {"fuel_in": fuel_port, "air_in": air_port})

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        fw = inlets["feedwater_in"]
        ws = self._water_side(fw)
        c = self._combustion(ws["useful"])
        fuel_port, air_port, flue_port, source = self._gas_ports(c)
        inlets, drawn = self._supplied(inlets, fuel_port, air_port)
        losses = EnergyStream("heat", c["q_rad"] + c["q_other"])
        outlets = outlet_map(self, {"steam_out": ws["steam"], "blowdown_out": ws["blowdown"], "gas_out": flue_port,
                                    "loss_out": losses})
        result = _result(self, c, ws["useful"], inlets, outlets, source,
                         steam_flow=ws["m_s"], blowdown_flow=ws["m_bd"], q_rec=ws["q_rec"])
        return UnitSolution(outlets=outlets, result=result,
                            sources={"fuel_formation_enthalpy": source}, drawn=drawn)

    def part_load(self, load, o2_dry=None, stack_temperature=None) -> PartLoadResult:
        """Batch path [vec]: efficiency and fuel over arrays of load (useful heat / rated).

        O2 and stack temperature may be arrays over the same points (their part-load
        trend is plant data); radiation loss is a constant heat rate (ABMA-chart shape).
        """
        return _part_load(self, load, o2_dry, stack_temperature)

    @classmethod
    def example(cls):
        """A 5 MW natural-gas fire-tube boiler: 10 bar(g) saturated steam, feedwater 105 C."""
        b = cls(name="boiler", fuel="natural_gas", rated_output=5.0e6, kind="fire_tube",
                steam_pressure=1101325.0, o2_dry=0.03, stack_temperature=473.15,
                air_temperature=298.15, blowdown_fraction=0.05)
        fw = Stream("Water", 378.15, 1.3e6, 1.9)
        return b, outlet_map(b, {"feedwater_in": fw, **b.supply(fw)})


@dataclass(frozen=True, eq=False)
class FluidHeater(_FiredUnit):
    """Fired hot-water or thermal-fluid heater: heats a liquid from return to supply temperature.

    Ports: inlets ("return_in", "fuel_in", "air_in"); outlets ("supply_out", "gas_out", "loss_out")
    (former names "return", "fuel", "air", "supply", "flue_gas", "losses" accepted as aliases).
    fluid : CoolProp name of the heated liquid ("Water" for hot water; for thermal oil a
    CoolProp HEOS fluid that stays liquid, since procsim.thermo.fluids has no incompressible
    backend). supply_temperature [K].
    """

    kind: str = "hot_water"
    fluid: str = "Water"
    supply_temperature: float = 363.15

    inlets: ClassVar[tuple] = ("return_in", "fuel_in", "air_in")
    supplied_inlets: ClassVar[tuple] = ("fuel_in", "air_in")
    outlets: ClassVar[tuple] = ("supply_out", "gas_out", "loss_out")
    port_aliases: ClassVar[dict] = {"return": "return_in", "fuel": "fuel_in", "air": "air_in",
                                    "supply": "supply_out", "flue_gas": "gas_out", "losses": "loss_out"}

    def __post_init__(self):
        convert_fields(self, supply_temperature="temperature")
        check_choice("kind", self.kind, HEATER_TYPES)
        self._validate_firing(HEATER_TYPES)
        check_range("supply_temperature", self.supply_temperature, 274.0, 673.15, "K")

    def _liquid_side(self, ret: Stream):
        require_material(self.name, "return_in", ret, kind="fluid")
        m = check_positive("return mass_flow", ret.mass_flow, "kg/s")
        if not self.supply_temperature > ret.T:
            raise ValueError(f"supply_temperature {self.supply_temperature!r} K must exceed the return "
                             f"temperature {ret.T!r} K")
        sup = ret.with_(T=self.supply_temperature)
        fl = Fluid(self.fluid)
        if ret.p < fl.critical_pressure and self.supply_temperature >= fl.state(p=ret.p, x=0.0).T:
            raise ValueError(f"supply at {self.supply_temperature!r} K boils at {ret.p!r} Pa "
                             f"(saturation {fl.state(p=ret.p, x=0.0).T:.2f} K); raise the circuit pressure")
        useful = m * (sup.h - ret.h)
        if useful > 1.25 * self.rated_output:
            raise ValueError(f"duty {useful!r} W exceeds 1.25 x rated_output {self.rated_output!r} W")
        return sup, useful

    def supply(self, return_stream: Stream) -> dict:
        """The ``fuel`` and ``air`` inlet streams that this duty needs."""
        _, useful = self._liquid_side(return_stream)
        fuel_port, air_port, _, _ = self._gas_ports(self._combustion(useful))
        return outlet_map(self, {"fuel_in": fuel_port, "air_in": air_port})

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        sup, useful = self._liquid_side(inlets["return_in"])
        c = self._combustion(useful)
        fuel_port, air_port, flue_port, source = self._gas_ports(c)
        inlets, drawn = self._supplied(inlets, fuel_port, air_port)
        outlets = outlet_map(self, {"supply_out": sup, "gas_out": flue_port,
                                    "loss_out": EnergyStream("heat", c["q_rad"] + c["q_other"])})
        result = _result(self, c, useful, inlets, outlets, source, steam_flow=sup.mass_flow,
                         blowdown_flow=0.0, q_rec=0.0)
        return UnitSolution(outlets=outlets, result=result, sources={"fuel_formation_enthalpy": source},
                            drawn=drawn)

    def part_load(self, load, o2_dry=None, stack_temperature=None) -> PartLoadResult:
        """Batch path [vec], as :meth:`Boiler.part_load`."""
        return _part_load(self, load, o2_dry, stack_temperature)

    @classmethod
    def example(cls):
        """A 1 MW LPG hot-water heater, 70 -> 90 C at 3 bar(a)."""
        h = cls(name="hot_water_heater", fuel="lpg", rated_output=1.0e6, kind="hot_water",
                supply_temperature=363.15, o2_dry=0.035, stack_temperature=443.15)
        ret = Stream("Water", 343.15, 3.0e5, 10.0)
        return h, outlet_map(h, {"return_in": ret, **h.supply(ret)})


def _result(unit, c, useful, inlets, outlets, source, *, steam_flow, blowdown_flow, q_rec):
    f: Fuel = c["fuel"]
    e_in = sum(s.energy_flow for s in inlets.values()) + source
    e_out = sum(s.energy_flow for s in outlets.values())
    m_ash = c["m_f"] * f.mass_fractions.get("ash", 0.0)
    m_res = sum(s.mass_flow for s in inlets.values()) - sum(s.mass_flow for s in outlets.values())
    return BoilerResult(
        useful_heat=float(useful), fuel_mass_flow=float(c["m_f"]), fuel_input_hhv=float(c["fuel_input"]),
        fuel_input_lhv=float(c["m_f"] * f.lhv), efficiency_hhv=float(c["eta"]),
        efficiency_lhv=float(useful / (c["m_f"] * f.lhv)),
        efficiency_input_output=float(efficiency_input_output(useful, c["m_f"], f.hhv)),
        excess_air=c["e"], air_mass_flow=float(outlets["gas_out"].mass_flow - c["m_f"] + m_ash),
        flue_gas_mass_flow=float(outlets["gas_out"].mass_flow), stack_temperature=float(c["ts"]),
        water_dew_point=float(c["fg"].water_dew_point()), co2_mass_flow=float(c["m_f"] * f.co2_per_kg),
        ash_mass_flow=float(m_ash), steam_flow=float(steam_flow), blowdown_flow=float(blowdown_flow),
        blowdown_heat_recovered=float(q_rec), radiation_loss=float(c["q_rad"]),
        other_loss=float(c["q_other"]), losses=dict(c["losses"]), mass_residual=float(m_res),
        energy_residual=float(e_in - e_out))
