r"""The electric arc furnace as a flowsheet unit: charge in, steel, slag and off-gas out.

The per-heat balance is :meth:`units.eaf.furnace.ElectricArcFurnace.balance` unchanged; this
unit puts it on ports as rates averaged over the tap-to-tap time:

* inlets ``charge_in1`` ... ``charge_in<n>``: one condensed-phase :class:`procsim.stream.Stream`
  per charged material (its :class:`~units.eaf.condensed.CondensedMixture` made by
  :func:`charge_stream`), mass flow = kg per heat / tap-to-tap time, temperature = the
  charging temperature (preheated scrap enters hot);
* ``gas_in`` (a supplied inlet, :mod:`procsim.flowsheet`): the oxygen, burner gas and air
  ingress the heat blows in, at 298.15 K; drawn by the unit when left open;
* outlets ``steel_out`` (liquid, tap temperature), ``slag_out`` (slag temperature),
  ``off_gas_out`` (ideal-gas mixture at the off-gas temperature: the port that feeds
  post-combustion, scrap preheating, a waste-heat boiler or an ORC), ``loss_out`` (cooling
  water, radiation and other losses as heat);
* source ``electricity`` [W]: the balancing term of the heat balance.

The result reports the purchased ``carriers`` per second (electricity in kWh, burner natural
gas in Nm3 at 0 degC, 101.325 kPa), which a plant file counts (:mod:`procsim.plant`).

Plant files name the furnace ``type = "eaf"`` (:func:`plant_eaf`: a documented typical heat
of ``procsim/data/eaf_typical_heats.toml`` or furnace parameters) and its charges as named
feed streams ``stream = "eaf_charge"`` (:func:`charge_feed`).

All enthalpies are absolute (formation-inclusive, elements at 298.15 K) for the condensed
phases and the gases alike, so the unit's port balance closes to round-off with the
electricity as its only source.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar

from procsim.flowsheet import UnitSolution
from procsim.stream import EnergyStream, Stream
from procsim.thermo.gas import GasMixture
from procsim.units_api import balance_residuals, canonical_inlets, convert_fields, outlet_map
from procsim.validation import check_int, check_positive

from units.eaf.condensed import CondensedMixture
from units.eaf.furnace import (ElectricArcFurnace, HeatBalance, Material, gas_composition, material,
                               normal_volume_from_kg, typical_heat)

__all__ = ["EAFUnit", "EAFUnitResult", "charge_stream", "charge_feed", "plant_eaf"]

_STATE_MODE = {"solid": "stable", "liquid": "liquid"}


def charge_stream(charged, mass_per_heat, tap_to_tap_time, temperature=None, pressure=101325.0) -> Stream:
    """A charge stream for :class:`EAFUnit`: ``charged`` (a library material name or a
    :class:`~units.eaf.furnace.Material`) at ``mass_per_heat`` [kg] over ``tap_to_tap_time``
    [s], at ``temperature`` [K] (default: the material's charging temperature)."""
    mat = material(charged) if isinstance(charged, str) else charged
    if not isinstance(mat, Material):
        raise ValueError(f"charged must be a material name or an EAF Material; got {charged!r}")
    t = mat.temperature if temperature is None else temperature
    cm = CondensedMixture(mat.moles_per_kg, _STATE_MODE[mat.state], mat.name, source_material=mat)
    return Stream(cm, t, pressure, mass_per_heat / check_positive("tap_to_tap_time", tap_to_tap_time, "s"))


def charge_feed(material, heat=None, mass_per_heat=None, tap_to_tap_time=None, T=None, p=101325.0) -> Stream:
    """A plant-file charge feed (``stream = "eaf_charge"``, :mod:`procsim.plant`).

    Parameters
    ----------
    material : library material name (``units.eaf.MATERIAL_NAMES``)
    heat : name of a documented typical heat (``procsim/data/eaf_typical_heats.toml``): the
        mass per heat of ``material`` and the tap-to-tap time are taken from it
    mass_per_heat : [kg] (instead of, or overriding, the typical heat's)
    tap_to_tap_time : [s] (instead of, or overriding, the typical heat's); must be the
        furnace's own, since the furnace turns the rate back into kg per heat with it
    T : charging temperature [K] (default: the material's); p : [Pa], default 101325
    """
    if heat is not None:
        eaf, charge, _ = typical_heat(heat)
        if material not in charge:
            raise ValueError(f"material {material!r} is not charged in the typical heat {heat!r}; "
                             f"its charge: {', '.join(charge)}")
        mass_per_heat = charge[material] if mass_per_heat is None else mass_per_heat
        tap_to_tap_time = eaf.tap_to_tap_time if tap_to_tap_time is None else tap_to_tap_time
    if mass_per_heat is None or tap_to_tap_time is None:
        raise ValueError("an eaf_charge feed needs heat (a typical heat name) or both mass_per_heat [kg] and "
                         "tap_to_tap_time [s]")
    check_positive("mass_per_heat", mass_per_heat, "kg")
    return charge_stream(material, mass_per_heat, tap_to_tap_time, T, p)


#: ElectricArcFurnace parameters a plant file may set on an ``eaf`` unit
_FURNACE_FIELDS = ("tap_temperature", "steel_carbon", "manganese_to_steel", "slag_feo", "slag_temperature",
                   "off_gas_temperature", "cooling_water_loss", "radiation_loss", "other_loss", "air_ingress",
                   "tap_to_tap_time")


def plant_eaf(name: str, heat: str | None = None, n_charges: int = 1, lance_oxygen=None,
              post_combustion_oxygen=0.0, burner_oxygen=None, burner_natural_gas=None, **furnace) -> "EAFUnit":
    """The furnace as a plant-file unit (``type = "eaf"``).

    ``heat`` names a documented typical heat: its furnace (temperatures, losses, air ingress,
    tap-to-tap time) and its gases per heat (lance and burner oxygen, burner natural gas) are
    used unless given here. ``furnace`` keywords set :class:`~units.eaf.furnace.ElectricArcFurnace`
    parameters (SI: K, J per heat, kg per heat, s). Gases are kg per heat.
    """
    bad = [k for k in furnace if k not in _FURNACE_FIELDS]
    if bad:
        raise ValueError(f"{name}: eaf has no parameter {bad[0]!r}; allowed: heat, n_charges, lance_oxygen, "
                         f"post_combustion_oxygen, burner_oxygen, burner_natural_gas, {', '.join(_FURNACE_FIELDS)}")
    gases = dict(lance_oxygen=0.0, burner_oxygen=0.0, burner_natural_gas=0.0)
    if heat is not None:
        eaf, _, gases = typical_heat(heat, **furnace)
    else:
        eaf = ElectricArcFurnace(**furnace)
    given = dict(lance_oxygen=lance_oxygen, burner_oxygen=burner_oxygen, burner_natural_gas=burner_natural_gas)
    gases.update({k: v for k, v in given.items() if v is not None})
    return EAFUnit(name, eaf, n_charges=n_charges, post_combustion_oxygen=post_combustion_oxygen, **gases)


@dataclass(frozen=True)
class EAFUnitResult:
    """The furnace on its ports (rates over tap to tap, SI) and its per-heat balance.

    heat_balance : the :class:`~units.eaf.furnace.HeatBalance` of one heat (unchanged physics)
    electric_power : electricity / tap-to-tap time [W]; steel_flow, slag_flow, off_gas_flow
    [kg/s]; off_gas_temperature [K]; mass_residual [kg/s], energy_residual [W] over the ports
    (electricity counted as a source); carriers : purchased per second
    {"electricity_kwh": kWh/s, "natural_gas_nm3": Nm3/s of burner gas}.
    """

    heat_balance: HeatBalance
    electric_power: float
    steel_flow: float
    slag_flow: float
    off_gas_flow: float
    off_gas_temperature: float
    mass_residual: float = math.nan
    energy_residual: float = math.nan
    carriers: dict = field(default_factory=dict)


@dataclass(frozen=True)
class EAFUnit:
    """Electric arc furnace flowsheet unit (see the module docstring).

    Parameters
    ----------
    name : unit name
    furnace : the :class:`~units.eaf.furnace.ElectricArcFurnace` (temperatures, losses, tap-to-tap)
    n_charges : number of charge ports (one per charged material), >= 1
    lance_oxygen, post_combustion_oxygen, burner_oxygen, burner_natural_gas : per heat [kg]
    """

    name: str
    furnace: ElectricArcFurnace = field(default_factory=ElectricArcFurnace)
    n_charges: int = 1
    lance_oxygen: float = 0.0
    post_combustion_oxygen: float = 0.0
    burner_oxygen: float = 0.0
    burner_natural_gas: float = 0.0

    outlets: ClassVar[tuple] = ("steel_out", "slag_out", "off_gas_out", "loss_out")
    supplied_inlets: ClassVar[tuple] = ("gas_in",)

    def __post_init__(self):
        convert_fields(self, lance_oxygen="mass", post_combustion_oxygen="mass", burner_oxygen="mass",
                       burner_natural_gas="mass")
        try:
            check_int("n_charges", self.n_charges, low=1)
        except ValueError as exc:
            raise ValueError(f"{self.name}: {exc}") from None

    @property
    def inlets(self):
        return tuple(f"charge_in{i + 1}" for i in range(self.n_charges)) + ("gas_in",)

    @classmethod
    def example(cls):
        """110 t scrap + lime + carbon per 60 min heat with 4 t lance oxygen (the module example)."""
        eaf = ElectricArcFurnace()
        charge = {"scrap_hms": 80e3, "scrap_shredded": 30e3, "lime": 4.0e3, "injection_carbon": 1.2e3,
                  "electrode": 0.18e3}
        u = cls("eaf", eaf, n_charges=len(charge), lance_oxygen=4.0e3)
        ports = {f"charge_in{i + 1}": charge_stream(n, m, eaf.tap_to_tap_time) for i, (n, m) in enumerate(charge.items())}
        return u, outlet_map(u, ports)

    def _carriers(self, hb) -> dict:
        """Purchased carriers per second: electricity [kWh/s], burner natural gas [Nm3/s]."""
        return _eaf_carriers(self, hb)

    def _charge(self, inlets):
        charge = {}
        for i in range(self.n_charges):
            port = f"charge_in{i + 1}"
            s = inlets.get(port)
            mat = getattr(getattr(s, "material", None), "source_material", None)
            if not isinstance(mat, Material):
                raise ValueError(f"{self.name}: {port} must be a charge stream (units.eaf.unit.charge_stream); "
                                 f"got {s!r}")
            charged = mat.with_temperature(s.T) if s.T != mat.temperature else mat
            charge[charged] = charge.get(charged, 0.0) + s.mass_flow * self.furnace.tap_to_tap_time
        return charge

    def _gas_stream(self, p) -> Stream | None:
        g = self.furnace._gas_inputs(self.lance_oxygen, self.post_combustion_oxygen, self.burner_oxygen,
                                     self.burner_natural_gas)
        if not g.sum() > 0.0:
            return None
        from procsim.thermo.gas import MOLAR_MASS, SPECIES

        mix = GasMixture({SPECIES[i]: float(g[i]) for i in range(len(SPECIES)) if g[i] > 0.0})
        return Stream(mix, 298.15, p, float(g @ MOLAR_MASS) / self.furnace.tap_to_tap_time)

    def solve(self, inlets) -> UnitSolution:
        inlets = canonical_inlets(self, inlets)
        hb = self.furnace.balance(self._charge(inlets), self.lance_oxygen, self.post_combustion_oxygen,
                                  self.burner_oxygen, self.burner_natural_gas)
        t = self.furnace.tap_to_tap_time
        p = min(s.p for k, s in inlets.items() if k.startswith("charge_in"))
        gas = self._gas_stream(p)
        drawn = {}
        if inlets.get("gas_in") is None:
            if gas is None:
                gas = Stream({"O2": 1.0}, 298.15, p, 0.0)
            drawn = {"gas_in": gas}
            inlets = {**inlets, **drawn}
        elif gas is None or not abs(inlets["gas_in"].mass_flow - gas.mass_flow) <= 1e-9 * gas.mass_flow:
            raise ValueError(f"{self.name}: gas_in mass_flow {inlets['gas_in'].mass_flow!r} kg/s differs from "
                             f"the {0.0 if gas is None else gas.mass_flow!r} kg/s of oxygen, burner gas and air "
                             "ingress the furnace parameters blow in; leave gas_in open")
        steel = Stream(CondensedMixture.from_moles(_vector(hb.steel_composition, mass=True), "liquid", "steel"),
                       hb.tap_temperature, p, hb.steel_mass / t)
        slag = Stream(CondensedMixture.from_moles(_vector(hb.slag_composition, mass=True), "stable", "slag"),
                      hb.slag_temperature, p, hb.slag_mass / t)
        off_gas = hb.off_gas_stream(p)
        losses = EnergyStream("heat", hb.losses / t)
        outs = outlet_map(self, {"steel_out": steel, "slag_out": slag, "off_gas_out": off_gas, "loss_out": losses})
        sources = {"electricity": hb.electricity / t}
        m_res, e_res = balance_residuals(inlets, outs, sources)
        res = EAFUnitResult(heat_balance=hb, electric_power=hb.electricity / t, steel_flow=steel.mass_flow,
                            slag_flow=slag.mass_flow, off_gas_flow=off_gas.mass_flow,
                            off_gas_temperature=off_gas.T, mass_residual=m_res, energy_residual=e_res,
                            carriers=self._carriers(hb))
        return UnitSolution(outs, res, sources, drawn)


def _eaf_carriers(unit, hb):
    t = unit.furnace.tap_to_tap_time
    out = {"electricity_kwh": hb.electricity / 3.6e6 / t}
    if unit.burner_natural_gas > 0.0:
        out["natural_gas_nm3"] = normal_volume_from_kg(unit.burner_natural_gas, gas_composition("natural_gas")) / t
    return out


def _vector(kg_per_component, mass=True):
    """Component moles from a {component: kg} mapping (the HeatBalance compositions)."""
    import numpy as np

    from units.eaf.condensed import COMPONENT_MOLAR_MASS, component_index

    v = np.zeros(len(COMPONENT_MOLAR_MASS))
    for comp, kg in kg_per_component.items():
        i = component_index(comp)
        v[i] = float(kg) / COMPONENT_MOLAR_MASS[i]
    return v
