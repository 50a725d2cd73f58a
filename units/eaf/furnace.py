"""EAF heat balance per heat: charge materials, furnace parameters, and the balance result.

Electricity is the balancing term of a closed mass and energy balance (see
:mod:`units.eaf.kernels`): given the charge, the gases blown in, the tap/slag/off-gas
temperatures and the losses, the electrical energy per heat follows.

Examples
--------
>>> from units.eaf import ElectricArcFurnace
>>> eaf = ElectricArcFurnace()
>>> hb = eaf.balance({"scrap_hms": 80e3, "scrap_shredded": 30e3, "lime": 4.0e3,
...                   "injection_carbon": 1.2e3, "electrode": 0.18e3},
...                  lance_oxygen=4.0e3)
>>> 300 < hb.electricity_kwh_per_tonne < 550
True
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import numpy as np

from procsim.thermo.gas import AIR_DRY, COEFFS, COMPOSITION, MOLAR_MASS, SPECIES, GasMixture, species_index
from procsim.validation import as_float, broadcast_arrays, check_fraction, check_nonnegative, check_positive, check_range
from units.eaf import kernels as K
from units.eaf.condensed import (COMPONENT_MOLAR_MASS, COMPONENT_SEGMENTS, COMPONENTS, PHASE_MODES,
                                 SEGMENTS, component_index)

__all__ = [
    "Material", "material", "MATERIAL_NAMES", "gas_composition", "charge_from_mix",
    "liquidus_temperature", "ElectricArcFurnace", "HeatBalance", "HeatBalanceBatch",
    "NORMAL_MOLAR_VOLUME", "kg_from_normal_volume", "normal_volume_from_kg",
]

_DATA = Path(__file__).resolve().parents[2] / "procsim" / "data"
#: Molar volume of an ideal gas at 273.15 K and 101.325 kPa [m3/mol] (CODATA 2018,
#: 22.413 969 54 L/mol), the "normal" state of Nm3 (DIN 1343).
NORMAL_MOLAR_VOLUME = 22.41396954e-3
#: joules per kilowatt-hour, exact by definition (1 kW x 3600 s)
J_PER_KWH = 3.6e6
#: tolerance on a composition or charge mix summing to 1 [-]
SUM_TOLERANCE = 1e-6


# ----------------------------------------------------------------------------- materials
@dataclass(frozen=True, eq=False)
class Material:
    """A charged condensed material.

    composition : mass fractions over :data:`units.eaf.condensed.COMPONENTS` (sum to 1)
    state : "solid" or "liquid";  temperature : charging temperature [K]
    carbon_carrier : charged for its carbon (counts in kg C per tonne)
    """

    name: str
    composition: Mapping[str, float]
    state: str = "solid"
    temperature: float = 298.15
    carbon_carrier: bool = False
    source: str = ""

    def __post_init__(self):
        if self.state not in PHASE_MODES_BY_STATE:
            raise ValueError(f"state of material {self.name!r} must be one of "
                             f"{', '.join(repr(s) for s in PHASE_MODES_BY_STATE)}; got {self.state!r}")
        check_positive(f"temperature of material {self.name!r}", self.temperature, "K")
        total = 0.0
        for comp, frac in self.composition.items():
            component_index(comp)
            check_fraction(f"mass fraction of {comp} in material {self.name!r}", frac)
            total += float(frac)
        if not abs(total - 1.0) <= SUM_TOLERANCE:
            raise ValueError(f"mass fractions of material {self.name!r} must sum to 1 "
                             f"(within {SUM_TOLERANCE:g}); got {total:.9g}")
        if self.state == "liquid":
            t_liq = liquidus_temperature(float(self.composition.get("C", 0.0)))
            if not self.temperature >= t_liq:
                raise ValueError(f"temperature of liquid material {self.name!r} must be >= its "
                                 f"liquidus {t_liq:.2f} K; got {self.temperature!r} K")

    def _key(self):
        return (self.name, tuple(sorted((k, float(v)) for k, v in self.composition.items())), self.state,
                float(self.temperature), self.carbon_carrier)

    def __eq__(self, other):
        return isinstance(other, Material) and self._key() == other._key()

    def __hash__(self):  # usable as a charge-dict key
        return hash(self._key())

    @property
    def moles_per_kg(self) -> np.ndarray:
        """Moles of each component per kg of material [mol/kg]."""
        v = np.zeros(len(COMPONENTS))
        for comp, frac in self.composition.items():
            i = component_index(comp)
            v[i] = float(frac) / COMPONENT_MOLAR_MASS[i]
        return v

    def with_temperature(self, temperature: float) -> "Material":
        """The same material charged at another temperature (preheated scrap)."""
        return Material(self.name, dict(self.composition), self.state, float(temperature),
                        self.carbon_carrier, self.source)


PHASE_MODES_BY_STATE = {"solid": PHASE_MODES["stable"], "liquid": PHASE_MODES["liquid"]}


@lru_cache(maxsize=1)
def _material_table() -> dict:
    with open(_DATA / "eaf_materials.toml", "rb") as fh:
        raw = tomllib.load(fh)
    return {k: Material(k, dict(v["composition"]), v["state"], float(v["temperature"]),
                        bool(v["carbon_carrier"]), f'{v["source"]} [{v["status"]}]')
            for k, v in raw.items()}


def material(name) -> Material:
    """A material from ``procsim/data/eaf_materials.toml`` by name (or a Material unchanged)."""
    if isinstance(name, Material):
        return name
    table = _material_table()
    if name not in table:
        raise ValueError(f"material must be one of {', '.join(repr(n) for n in table)} or a "
                         f"Material; got {name!r}")
    return table[name]


@lru_cache(maxsize=1)
def _gas_table() -> dict:
    with open(_DATA / "eaf_gases.toml", "rb") as fh:
        raw = tomllib.load(fh)
    out = {}
    for k, v in raw.items():
        comp = AIR_DRY if v["composition"] == "AIR_DRY" else dict(v["composition"])
        out[k] = GasMixture(comp)
    return out


def gas_composition(name: str) -> GasMixture:
    """One of the furnace gases of ``procsim/data/eaf_gases.toml``: oxygen, natural_gas, air."""
    table = _gas_table()
    if name not in table:
        raise ValueError(f"gas must be one of {', '.join(repr(n) for n in table)}; got {name!r}")
    return table[name]


def charge_from_mix(total_mass: float, fractions: Mapping[str, float]) -> dict:
    """Charge masses [kg] from a total metallic charge [kg] and its mix (fractions summing to 1)."""
    total = check_positive("total_mass", total_mass, "kg")
    s = 0.0
    for name, f in fractions.items():
        check_fraction(f"charge fraction of {name}", f)
        s += float(f)
    if not abs(s - 1.0) <= SUM_TOLERANCE:
        raise ValueError(f"charge fractions must sum to 1 (within {SUM_TOLERANCE:g}); got {s:.9g}")
    return {name: total * float(f) for name, f in fractions.items()}


def kg_from_normal_volume(volume, gas: GasMixture) -> float:
    """Mass [kg] of ``volume`` normal cubic metres (0 C, 101.325 kPa) of an ideal gas."""
    v = check_nonnegative("volume", volume, "Nm3")
    return v / NORMAL_MOLAR_VOLUME * gas.molar_mass


def normal_volume_from_kg(mass, gas: GasMixture) -> float:
    """Normal cubic metres (0 C, 101.325 kPa) of ``mass`` kg of an ideal gas."""
    m = check_nonnegative("mass", mass, "kg")
    return m / gas.molar_mass * NORMAL_MOLAR_VOLUME


# ----------------------------------------------------------------------------- liquidus
#: Fe-C liquidus (metastable Fe-Fe3C diagram): (wt % C, T in deg C) corners. H. Okamoto,
#: "The C-Fe (carbon-iron) system", J. Phase Equilibria 13 (1992) 543-565: Fe melts at
#: 1538 C, peritectic liquid 0.53 % C at 1495 C, eutectic 4.30 % C at 1147 C.
_LIQUIDUS = ((0.0, 1538.0), (0.53, 1495.0), (4.30, 1147.0))


def liquidus_temperature(carbon_mass_fraction: float) -> float:
    """Liquidus temperature [K] of an Fe-C melt, piecewise linear on the Fe-C diagram.

    Other alloying elements (Si, Mn, ...) lower the liquidus further by a few kelvin per
    per cent; leaving them out makes the check slightly conservative.
    Valid for 0 <= C <= 4.3 % (hypo-eutectic); above it the eutectic temperature is returned.
    """
    w = float(check_fraction("carbon mass fraction", carbon_mass_fraction)) * 100.0
    (c0, t0), (c1, t1), (c2, t2) = _LIQUIDUS
    if w <= c1:
        t = t0 + (t1 - t0) * (w - c0) / (c1 - c0)
    elif w <= c2:
        t = t1 + (t2 - t1) * (w - c1) / (c2 - c1)
    else:
        t = t2
    return t + 273.15


# ----------------------------------------------------------------------------- gas tables
_GAS_ELEMENTS = np.zeros((len(SPECIES), 5))
for _j, _sp in enumerate(SPECIES):
    for _e, _col in (("C", 0), ("H", 1), ("O", 2), ("N", 3), ("Ar", 4)):
        _GAS_ELEMENTS[_j, _col] = COMPOSITION[_sp].get(_e, 0.0)
_GAS_ELEMENTS.setflags(write=False)
_GAS_INDEX = np.array([species_index(s) for s in ("N2", "O2", "AR", "CO2", "H2O", "CO", "H2")],
                      dtype=np.int64)
_GAS_INDEX.setflags(write=False)


def _gas_moles(mass: float, gas: GasMixture) -> np.ndarray:
    """Moles of each species in ``mass`` kg of ``gas``."""
    return mass / gas.molar_mass * np.asarray(gas.x)


_STATUS_MESSAGES = {
    K.ST_IRON: "the slag's FeO ({feo} mass fraction) needs more iron than the charge's metallic Fe",
    K.ST_CARBON: "the charge carries less carbon than the steel's {c} mass fraction requires",
    K.ST_OXYGEN: "oxygen is insufficient to gasify the carbon to CO: raise lance oxygen or lower carbon",
    K.ST_ENERGY: "the chemical and sensible heat of the inputs exceeds every demand: electricity would be <= 0",
    K.ST_INPUT: "an amount is negative or NaN, or a temperature is not positive",
}


# ----------------------------------------------------------------------------- furnace
@dataclass(frozen=True)
class ElectricArcFurnace:
    """An AC/DC electric arc furnace described per heat (tap to tap).

    Parameters
    ----------
    tap_temperature : liquid steel at tap [K]; must exceed the Fe-C liquidus
    steel_carbon : carbon in the tapped steel [mass fraction], 0-0.02
    manganese_to_steel : share of charged Mn that stays in the steel [-]
    slag_feo : FeO in the slag [mass fraction], 0-0.6
    slag_temperature : [K]; None = tap temperature
    off_gas_temperature : off-gas at the furnace exit (4th hole / shaft top) [K]
    cooling_water_loss, radiation_loss, other_loss : heat lost per heat [J]
        (roof and panels; radiation/convection from the shell and open door; the rest:
        electrical losses in the secondary circuit, dust, ladle and slag-door losses)
    air_ingress : air leaking into the furnace per heat [kg] (reacts in the furnace)
    tap_to_tap_time : [s], turns per-heat amounts into rates for streams
    """

    tap_temperature: float = 1903.15
    steel_carbon: float = 0.0008
    manganese_to_steel: float = 0.3
    slag_feo: float = 0.30
    slag_temperature: float | None = None
    off_gas_temperature: float = 1773.15
    cooling_water_loss: float = 0.0
    radiation_loss: float = 0.0
    other_loss: float = 0.0
    air_ingress: float = 0.0
    tap_to_tap_time: float = 3600.0
    name: str = "eaf"

    def __post_init__(self):
        check_range("steel_carbon", self.steel_carbon, 0.0, 0.02, "")
        check_fraction("manganese_to_steel", self.manganese_to_steel)
        check_range("slag_feo", self.slag_feo, 0.0, 0.6, "")
        t_liq = liquidus_temperature(self.steel_carbon)
        t_tap = as_float("tap_temperature", self.tap_temperature, "K")
        if not t_tap > t_liq:
            raise ValueError(f"tap_temperature must be above the liquidus {t_liq:.2f} K of steel with "
                             f"{self.steel_carbon:g} C; got {t_tap!r} K")
        check_range("tap_temperature", t_tap, None, 2273.15, "K")
        if self.slag_temperature is not None:
            check_range("slag_temperature", self.slag_temperature, 1473.15, 2273.15, "K")
        check_range("off_gas_temperature", self.off_gas_temperature, 373.15, 2473.15, "K")
        for n in ("cooling_water_loss", "radiation_loss", "other_loss"):
            check_nonnegative(n, getattr(self, n), "J")
        check_nonnegative("air_ingress", self.air_ingress, "kg")
        check_positive("tap_to_tap_time", self.tap_to_tap_time, "s")

    @property
    def losses(self) -> float:
        """Cooling water + radiation + other losses per heat [J]."""
        return float(self.cooling_water_loss + self.radiation_loss + self.other_loss)

    def _params(self) -> np.ndarray:
        t_slag = self.tap_temperature if self.slag_temperature is None else self.slag_temperature
        p = np.empty(K.N_PARAMS)
        p[K.P_T_TAP] = self.tap_temperature
        p[K.P_W_C_STEEL] = self.steel_carbon
        p[K.P_MN_TO_STEEL] = self.manganese_to_steel
        p[K.P_W_FEO_SLAG] = self.slag_feo
        p[K.P_T_SLAG] = t_slag
        p[K.P_T_GAS] = self.off_gas_temperature
        p[K.P_Q_LOSSES] = self.losses
        p[K.P_T_GAS_IN] = 298.15
        return p

    def _gas_inputs(self, lance_oxygen, post_combustion_oxygen, burner_oxygen, burner_natural_gas):
        o2 = gas_composition("oxygen")
        g = np.zeros(len(SPECIES))
        for n, v in (("lance_oxygen", lance_oxygen), ("post_combustion_oxygen", post_combustion_oxygen),
                     ("burner_oxygen", burner_oxygen)):
            g += _gas_moles(check_nonnegative(n, v, "kg"), o2)
        g += _gas_moles(check_nonnegative("burner_natural_gas", burner_natural_gas, "kg"),
                        gas_composition("natural_gas"))
        g += _gas_moles(self.air_ingress, gas_composition("air"))
        return g

    def balance(self, charge: Mapping, lance_oxygen: float = 0.0, post_combustion_oxygen: float = 0.0,
                burner_oxygen: float = 0.0, burner_natural_gas: float = 0.0) -> "HeatBalance":
        """Mass and energy balance of one heat.

        Parameters
        ----------
        charge : mapping material name (or :class:`Material`) -> mass per heat [kg], > 0 in total
        lance_oxygen, post_combustion_oxygen, burner_oxygen : technical oxygen per heat [kg]
        burner_natural_gas : natural gas per heat [kg]
        """
        mats, masses = _charge_arrays(charge)
        moles = np.array([m.moles_per_kg * q for m, q in zip(mats, masses)])
        mat_T = np.array([m.temperature for m in mats])
        mode = np.array([PHASE_MODES_BY_STATE[m.state] for m in mats], dtype=np.int64)
        gas_in = self._gas_inputs(lance_oxygen, post_combustion_oxygen, burner_oxygen, burner_natural_gas)
        out = np.empty(K.N_OUT)
        steel = np.empty(len(COMPONENTS))
        slag = np.empty(len(COMPONENTS))
        offgas = np.empty(len(SPECIES))
        st = K.heat_balance(moles, mat_T, mode, gas_in, self._params(), _GAS_ELEMENTS, _GAS_INDEX,
                            COEFFS, MOLAR_MASS, COMPONENT_SEGMENTS, SEGMENTS, COMPONENT_MOLAR_MASS,
                            out, steel, slag, offgas)
        if st != K.OK:
            raise ValueError(self._status_message(st))
        carbon_added = sum(q * float(m.composition.get("C", 0.0)) for m, q in zip(mats, masses)
                           if m.carbon_carrier)
        o2_moles = float(gas_in[species_index("O2")]) - float(
            _gas_moles(self.air_ingress, gas_composition("air"))[species_index("O2")])
        return HeatBalance._from_kernel(self, out, steel, slag, offgas, gas_in, carbon_added, o2_moles,
                                        {m.name: q for m, q in zip(mats, masses)})

    def balance_batch(self, charge: Mapping, lance_oxygen=0.0, post_combustion_oxygen=0.0,
                      burner_oxygen=0.0, burner_natural_gas=0.0) -> "HeatBalanceBatch":
        """Balances of many heats at once (numba loop); amounts broadcast to one length [kg].

        ``charge`` maps material -> array of masses per heat. Raises for the first heat that
        fails, naming its index; the furnace parameters are the same for every heat.
        """
        if not isinstance(charge, Mapping) or not charge:
            raise ValueError(f"charge must be a non-empty mapping of material -> kg; got {charge!r}")
        mats = [material(k) for k in charge]
        named = {f"charge mass of {m.name}": v for m, v in zip(mats, charge.values())}
        gas_named = {"lance_oxygen": lance_oxygen, "post_combustion_oxygen": post_combustion_oxygen,
                     "burner_oxygen": burner_oxygen, "burner_natural_gas": burner_natural_gas}
        for n, v in {**named, **gas_named}.items():
            check_nonnegative(n, v, "kg")
        shape, arrays = broadcast_arrays(**named, **gas_named)
        n_heat = arrays[0].size
        per_kg = np.ascontiguousarray(np.array([m.moles_per_kg for m in mats]))  # (n_mat, n_comp)
        mat_T = np.array([m.temperature for m in mats], dtype=np.float64)
        mode = np.array([PHASE_MODES_BY_STATE[m.state] for m in mats], dtype=np.int64)
        lo, pc, bo, ng = arrays[len(mats):]
        o2, gas = gas_composition("oxygen"), gas_composition("natural_gas")
        oxygen = lo + pc  # (lo + pc) + bo, summed in place: one array, not two
        oxygen += bo
        ng = np.ascontiguousarray(ng)
        masses = np.ascontiguousarray(np.stack(arrays[:len(mats)], axis=1))  # (n_heat, n_mat)
        del arrays, lo, pc, bo, named, gas_named  # the broadcast copies go before the outputs come
        # compact batch: per heat only the masses in and seven figures out (56 B + status)
        result = np.empty((n_heat, K.N_BATCH_OUT))
        status = np.empty(n_heat, dtype=np.int64)
        kernel = (K.heat_balance_summary_batch if n_heat < 256
                  else K.heat_balance_summary_batch_parallel)
        first = kernel(masses, per_kg, mat_T, mode, oxygen, ng,
                       np.ascontiguousarray(o2.x), float(o2.molar_mass), np.ascontiguousarray(gas.x),
                       float(gas.molar_mass), _gas_moles(self.air_ingress, gas_composition("air")),
                       np.ascontiguousarray(self._params()), _GAS_ELEMENTS, _GAS_INDEX, COEFFS, MOLAR_MASS,
                       COMPONENT_SEGMENTS, SEGMENTS, COMPONENT_MOLAR_MASS, result, status)
        if first >= 0:
            raise ValueError(f"heat {first}: " + self._status_message(int(status[first])))
        r = lambda k: result[:, k].reshape(shape)  # noqa: E731
        return HeatBalanceBatch(
            electricity=r(K.B_ELECTRICITY), steel_mass=r(K.B_STEEL_MASS), slag_mass=r(K.B_SLAG_MASS),
            off_gas_energy=r(K.B_OFF_GAS_ENERGY), total_input=r(K.B_TOTAL_INPUT),
            energy_residual=r(K.B_RESID_ENERGY), mass_residual=r(K.B_RESID_MASS), status=status.reshape(shape))

    def _status_message(self, st: int) -> str:
        return "EAF heat balance: " + _STATUS_MESSAGES[st].format(feo=self.slag_feo, c=self.steel_carbon)


def _charge_arrays(charge: Mapping):
    if not isinstance(charge, Mapping) or not charge:
        raise ValueError(f"charge must be a non-empty mapping of material -> kg; got {charge!r}")
    mats, masses = [], []
    for key, q in charge.items():
        m = material(key)
        mats.append(m)
        masses.append(float(check_nonnegative(f"charge mass of {m.name}", q, "kg")))
    if not sum(masses) > 0.0:
        raise ValueError("charge must contain a positive total mass; got 0 kg")
    return mats, masses


# ----------------------------------------------------------------------------- results
def _component_dict(moles) -> dict:
    return {COMPONENTS[c]: float(moles[c] * COMPONENT_MOLAR_MASS[c]) for c in range(len(COMPONENTS))
            if moles[c] > 0.0}


@dataclass(frozen=True)
class HeatBalance:
    """Result of one heat [SI: kg, J, K, mol]; Sankey terms referenced to 298.15 K.

    Inputs: ``electricity + chemical_heat + off_gas_chemical + input_sensible_heat = total_input``
    (chemical heat counted to complete oxidation, so the CO and H2 left in the off-gas appear
    as ``off_gas_chemical`` on both sides). Outputs: ``steel_heat + slag_heat + off_gas_sensible
    + off_gas_chemical + losses``. ``energy_residual`` = inputs - outputs [J].
    """

    electricity: float
    steel_mass: float
    slag_mass: float
    off_gas_mass: float
    charge: Mapping[str, float]
    steel_composition: Mapping[str, float]   # kg per component
    slag_composition: Mapping[str, float]    # kg per component
    off_gas_moles: Mapping[str, float]       # mol per species
    tap_temperature: float
    slag_temperature: float
    off_gas_temperature: float
    chemical_heat: float          # heat of reaction at 298.15 K to the actual products [J]
    iron_oxidation_heat: float
    silicon_oxidation_heat: float
    manganese_oxidation_heat: float
    carbon_hydrogen_heat: float   # C, CO, H2, hydrocarbons -> CO/CO2/H2O [J]
    off_gas_chemical: float       # LHV of the CO and H2 leaving [J]
    input_sensible_heat: float    # hot metal, preheated scrap, warm gases [J]
    steel_heat: float             # sensible + latent, 298.15 K -> tap [J]
    slag_heat: float
    off_gas_sensible: float
    cooling_water_loss: float
    radiation_loss: float
    other_loss: float
    total_input: float
    mass_in: float
    mass_residual: float
    energy_residual: float
    wgs_constant: float
    oxygen_moles: float           # O2 blown (lance, post-combustion, burners) [mol]
    carbon_added: float           # carbon in carbon carriers [kg]
    carbon_in: float              # all carbon in (metallics, carriers, burner gas, air CO2) [kg]
    carbon_to_gas: float          # carbon leaving with the off-gas [kg]
    tap_to_tap_time: float

    @classmethod
    def _from_kernel(cls, eaf, out, steel, slag, offgas, gas_in, carbon_added, o2_moles, charge):
        mc = COMPONENT_MOLAR_MASS[component_index("C")]
        c_gas = float((gas_in * _GAS_ELEMENTS[:, 0]).sum())
        c_in_gas_out = float(sum(offgas[j] * _GAS_ELEMENTS[j, 0] for j in range(len(SPECIES))))
        c_cond_in = c_in_gas_out - c_gas + float(steel[component_index("C")])
        return cls(
            electricity=float(out[K.O_ELECTRICITY]), steel_mass=float(out[K.O_STEEL_MASS]),
            slag_mass=float(out[K.O_SLAG_MASS]), off_gas_mass=float(out[K.O_GAS_MASS]),
            charge=dict(charge), steel_composition=_component_dict(steel),
            slag_composition=_component_dict(slag),
            off_gas_moles={SPECIES[j]: float(offgas[j]) for j in range(len(SPECIES)) if offgas[j] > 0.0},
            tap_temperature=float(eaf.tap_temperature),
            slag_temperature=float(eaf._params()[K.P_T_SLAG]),
            off_gas_temperature=float(eaf.off_gas_temperature),
            chemical_heat=float(out[K.O_Q_CHEM]), iron_oxidation_heat=float(out[K.O_Q_FE]),
            silicon_oxidation_heat=float(out[K.O_Q_SI]), manganese_oxidation_heat=float(out[K.O_Q_MN]),
            carbon_hydrogen_heat=float(out[K.O_Q_CH]), off_gas_chemical=float(out[K.O_GAS_CHEMICAL]),
            input_sensible_heat=float(out[K.O_S_IN]), steel_heat=float(out[K.O_S_STEEL]),
            slag_heat=float(out[K.O_S_SLAG]), off_gas_sensible=float(out[K.O_S_GAS]),
            cooling_water_loss=float(eaf.cooling_water_loss), radiation_loss=float(eaf.radiation_loss),
            other_loss=float(eaf.other_loss), total_input=float(out[K.O_TOTAL_INPUT]),
            mass_in=float(out[K.O_MASS_IN]), mass_residual=float(out[K.O_RESID_MASS]),
            energy_residual=float(out[K.O_RESID_ENERGY]), wgs_constant=float(out[K.O_K_WGS]),
            oxygen_moles=float(o2_moles), carbon_added=float(carbon_added),
            carbon_in=float((c_gas + c_cond_in) * mc), carbon_to_gas=float(c_in_gas_out * mc),
            tap_to_tap_time=float(eaf.tap_to_tap_time),
        )

    # ---- derived figures
    @property
    def relative_energy_residual(self) -> float:
        """|energy_residual| / total_input [-]."""
        return abs(self.energy_residual) / self.total_input

    @property
    def relative_mass_residual(self) -> float:
        return abs(self.mass_residual) / self.mass_in

    @property
    def electricity_kwh_per_tonne(self) -> float:
        """Electrical energy per tonne of liquid steel [kWh/t]."""
        return self.electricity / J_PER_KWH / (self.steel_mass / 1000.0)

    @property
    def off_gas_energy(self) -> float:
        """Off-gas sensible + chemical (LHV of CO, H2) energy per heat [J]."""
        return self.off_gas_sensible + self.off_gas_chemical

    @property
    def off_gas_share(self) -> float:
        """Off-gas energy as a share of the total energy input [-]."""
        return self.off_gas_energy / self.total_input

    @property
    def losses(self) -> float:
        return self.cooling_water_loss + self.radiation_loss + self.other_loss

    @property
    def off_gas_mixture(self) -> GasMixture:
        """Composition of the off-gas leaving the furnace."""
        return GasMixture(dict(self.off_gas_moles))

    def off_gas_stream(self, pressure: float = 101325.0):
        """The off-gas as a :class:`procsim.stream.Stream` averaged over the tap-to-tap time."""
        from procsim.stream import Stream
        return Stream(self.off_gas_mixture, T=self.off_gas_temperature, p=pressure,
                      mass_flow=self.off_gas_mass / self.tap_to_tap_time)

    def per_tonne(self, value: float) -> float:
        """``value`` per tonne of liquid steel (value / steel_mass * 1000)."""
        return value / (self.steel_mass / 1000.0)

    @property
    def oxygen_nm3_per_tonne(self) -> float:
        """O2 blown (lance, post-combustion, burners) [Nm3 O2 / t liquid steel]."""
        return self.per_tonne(self.oxygen_moles * NORMAL_MOLAR_VOLUME)

    @property
    def carbon_kg_per_tonne(self) -> float:
        """Carbon added with carbon carriers (coal, coke, electrodes) [kg C / t]."""
        return self.per_tonne(self.carbon_added)

    @property
    def co2_direct(self) -> float:
        """Direct (scope 1) CO2 per heat [kg]: carbon leaving with the off-gas, burnt to CO2.

        IPCC 2006 Guidelines, Vol. 3, ch. 4.2 (Tier 2 carbon mass balance for EAF steelmaking):
        carbon in (charge, carbon carriers, electrodes, fuel) minus carbon in steel, as CO2.
        """
        return self.carbon_to_gas / 12.011e-3 * MOLAR_MASS[species_index("CO2")]


@dataclass(frozen=True)
class HeatBalanceBatch:
    """Arrays of the main figures of a batch of heats [SI]."""

    electricity: np.ndarray
    steel_mass: np.ndarray
    slag_mass: np.ndarray
    off_gas_energy: np.ndarray
    total_input: np.ndarray
    energy_residual: np.ndarray
    mass_residual: np.ndarray
    status: np.ndarray

    @property
    def electricity_kwh_per_tonne(self) -> np.ndarray:
        return self.electricity / J_PER_KWH / (self.steel_mass / 1000.0)


MATERIAL_NAMES = tuple(_material_table())
"""Names of the materials in procsim/data/eaf_materials.toml."""


@lru_cache(maxsize=None)
def _typical_table() -> dict:
    with open(_DATA / "eaf_typical_heats.toml", "rb") as fh:
        return tomllib.load(fh)


def typical_heat(name: str = "scrap_ac_120t", **overrides):
    """A documented typical heat from ``procsim/data/eaf_typical_heats.toml``.

    Returns ``(furnace, charge, gases)``: an :class:`ElectricArcFurnace` (``overrides`` replace
    its fields), the charge per heat {material: kg} and the gas amounts per heat as keyword
    arguments of :meth:`ElectricArcFurnace.balance` [kg].
    """
    table = _typical_table()
    if name not in table:
        raise ValueError(f"typical heat must be one of {', '.join(repr(n) for n in table)}; got {name!r}")
    d = table[name]
    t = float(d["tap_weight"])
    kwh = 3.6e6 * t
    fields = dict(
        tap_temperature=d["tap_temperature_C"] + 273.15, steel_carbon=d["steel_carbon"],
        manganese_to_steel=d["manganese_to_steel"], slag_feo=d["slag_feo"],
        off_gas_temperature=d["off_gas_temperature_C"] + 273.15,
        cooling_water_loss=d["cooling_water_kwh_per_t"] * kwh, radiation_loss=d["radiation_kwh_per_t"] * kwh,
        other_loss=d["other_loss_kwh_per_t"] * kwh, air_ingress=d["air_ingress_kg_per_t"] * t,
        tap_to_tap_time=d["tap_to_tap_time"], name="eaf")
    fields.update(overrides)
    eaf = ElectricArcFurnace(**fields)
    charge = {k: v * t for k, v in d["charge_kg_per_t"].items()}
    o2 = gas_composition("oxygen")
    gases = dict(lance_oxygen=kg_from_normal_volume(d["lance_oxygen_nm3_per_t"] * t, o2),
                 burner_oxygen=kg_from_normal_volume(d["burner_oxygen_nm3_per_t"] * t, o2),
                 burner_natural_gas=kg_from_normal_volume(d["burner_natural_gas_nm3_per_t"] * t,
                                                          gas_composition("natural_gas")))
    return eaf, charge, gases
