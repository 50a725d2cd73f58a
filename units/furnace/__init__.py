"""Process heating (PHAST-style): furnace heat balance, available heat, losses, electric equivalence.

* :mod:`units.furnace.combustion`: available heat with preheated air and oxygen enrichment,
  fuel savings;
* :mod:`units.furnace.losses`: wall, opening radiation and leakage, charge, cooling water,
  fixtures and atmosphere;
* :class:`FurnaceBalance`: the energy-use summary of one furnace (net heat by category,
  gross fuel input = net heat / available heat, and what the same net heat would take as
  electricity);
* :func:`unburned_carbon_loss`: carbon in the ash of solid fuels.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from procsim.thermo.combustion import Fuel
from procsim.thermo.combustion.kernels import F_HHV, unburned_carbon_loss as _uc_kernel
from procsim.validation import check_nonnegative, check_range
from units.furnace.combustion import available_heat, enriched_air, fuel_savings
from units.furnace.losses import (charge_heat, flow_heat, opening_leakage, opening_radiation,
                                  wall_heat_flux, wall_loss)

__all__ = ["FurnaceBalance", "FurnaceSummary", "available_heat", "enriched_air", "fuel_savings",
           "charge_heat", "flow_heat", "opening_leakage", "opening_radiation", "wall_loss",
           "wall_heat_flux", "unburned_carbon_loss", "electric_equivalent",
           "ELECTRIC_HEATING_EFFICIENCY"]

#: Heater (electricity-to-charge) efficiency of electric process heating at the terminals,
#: used for fuel-to-electric equivalence. Assumption-level defaults from US DOE AMO,
#: "Improving Process Heating System Performance: A Sourcebook for Industry", 3rd ed.,
#: 2015, ch. 2 (electric heating: resistance heaters deliver nearly all input to the load
#: chamber; induction coil-to-work efficiency typically 50-90 %); override with test data.
ELECTRIC_HEATING_EFFICIENCY = {"resistance": 0.95, "induction": 0.70, "infrared": 0.85}


def unburned_carbon_loss(fuel, carbon_in_ash, ash_fraction=None):
    """Unburned-carbon loss [-] of a solid fuel's HHV (ASME PTC 4-2008 sec. 5-14.2.1).

    fuel : Fuel or name (its ash content is used when ``ash_fraction`` is None);
    carbon_in_ash : unburned carbon per kg of refuse [-] in [0, 1).

    >>> round(unburned_carbon_loss("bituminous_coal", 0.10, ash_fraction=0.12), 4)
    0.0167
    """
    f = fuel if isinstance(fuel, Fuel) else Fuel.from_name(fuel)
    c = float(check_range("carbon_in_ash", carbon_in_ash, 0.0, 1.0, high_inclusive=False))
    if ash_fraction is None:
        ash_fraction = float(f.mass_fractions.get("ash", 0.0))
    a = float(check_range("ash_fraction", ash_fraction, 0.0, 1.0, high_inclusive=False))
    return float(_uc_kernel(a, c, float(f.vector[F_HHV])))


def electric_equivalent(net_heat, heater="resistance", efficiency=None):
    """Electric input [W] that delivers ``net_heat`` [W] with an electric heater. [vec]

    efficiency [-] overrides the ``ELECTRIC_HEATING_EFFICIENCY`` default of ``heater``.
    """
    q = check_nonnegative("net_heat", net_heat, "W")
    if efficiency is None:
        if heater not in ELECTRIC_HEATING_EFFICIENCY:
            raise ValueError(f"heater must be one of {sorted(ELECTRIC_HEATING_EFFICIENCY)}; got {heater!r}")
        efficiency = ELECTRIC_HEATING_EFFICIENCY[heater]
    eta = check_range("efficiency", efficiency, 0.0, 1.0, low_inclusive=False)
    return q / eta


@dataclass(frozen=True)
class FurnaceSummary:
    """Energy use of one furnace [W]."""

    loads: dict                 # category -> W (net heat, before flue losses)
    net_heat: float             # sum of loads [W]
    available_heat: float       # [-]
    fuel_input: float           # gross fuel input on the chosen heating value [W]
    flue_loss: float            # fuel_input - net_heat [W]
    shares: dict                # category (and "flue") -> share of fuel input [-]
    electric_equivalent: float  # electric input for the same net heat [W]
    energy_residual: float      # fuel_input - net_heat - flue_loss [W]
    mass_residual: float = 0.0


@dataclass(frozen=True)
class FurnaceBalance:
    """A fuel-fired furnace: net heat by category, fired through its available heat.

    fuel, o2_dry, flue_temperature [K], combustion_air_temperature [K],
    ambient_temperature [K], basis, oxygen_fraction: as :func:`available_heat`;
    heater : electric heater type for the equivalence.
    """

    fuel: object
    o2_dry: float
    flue_temperature: float
    combustion_air_temperature: float = 298.15
    ambient_temperature: float = 298.15
    basis: str = "hhv"
    oxygen_fraction: float | None = None
    heater: str = "resistance"
    extra: dict = field(default_factory=dict)

    def summary(self, **loads) -> FurnaceSummary:
        """Energy-use summary from named loads [W] (charge=..., walls=..., openings=..., ...)."""
        if not loads:
            raise ValueError("FurnaceBalance.summary needs at least one load, e.g. charge=...")
        clean = {k: float(check_nonnegative(f"load {k}", v, "W")) for k, v in loads.items()}
        net = sum(clean.values())
        ah = available_heat(self.fuel, self.o2_dry, self.flue_temperature,
                            self.combustion_air_temperature, self.ambient_temperature,
                            self.basis, self.oxygen_fraction)
        if not ah > 0.0:
            raise ValueError(f"available heat is {ah!r} at flue {self.flue_temperature!r} K: the "
                             f"flue gas carries away all the heat")
        fuel_in = net / ah
        flue = fuel_in - net
        shares = {k: v / fuel_in for k, v in clean.items()}
        shares["flue"] = flue / fuel_in
        return FurnaceSummary(clean, net, ah, fuel_in, flue, shares,
                              float(electric_equivalent(net, self.heater)),
                              fuel_in - net - flue)
