r"""Subcritical organic Rankine cycle on real-fluid properties: the exact (CoolProp) path.

Cycle (state numbers used in the docstrings and :attr:`ORCResult.states`)::

    1 pump_inlet           saturated liquid at the condensing pressure p_c
    2 pump_outlet          p_e + dp_e, h_2 = h_1 + (h_2s - h_1) / eta_pump
    3 evaporator_inlet     after the recuperator's cold side, throttled to p_e (lumped dp_e)
    4 evaporator_bubble    saturated liquid at p_e (end of the preheating zone)
    5 evaporator_dew       saturated vapour at p_e (end of the evaporating zone)
    6 expander_inlet       p_e, T_e + superheat
    7 expander_outlet      p_c + dp_c, h_7 = h_6 - eta_exp (h_6 - h_7s)
    8 condenser_inlet      after the recuperator's hot side, throttled to p_c (lumped dp_c)
    9 condenser_dew        saturated vapour at p_c

Pressure drops on the working-fluid side are lumped: the pump delivers p_e + dp_e and the
evaporator inlet throttles (isenthalpically) to p_e; the expander discharges at p_c + dp_c
and the condenser inlet throttles to p_c. Phase change therefore happens at the stated
evaporating and condensing temperatures, which is how cycle screening studies specify them
(Quoilin et al. 2013, sec. 3).

Evaporator pinch. The exchanger is counterflow; it is split into its preheating,
evaporating and superheating zones, each cut into ``zone_segments`` equal steps of
working-fluid temperature. At a working-fluid point j (enthalpy :math:`h_j`, temperature
:math:`T_j`) the source has
given up :math:`\dot m_{wf}(h_6 - h_j)`, so the pinch :math:`\Delta T_{pp}` is met there
for every flow up to

.. math::
    \dot m_j = \dot m_{src}\,\frac{h_{src}(T_{src,in}) - h_{src}(T_j + \Delta T_{pp})}{h_6 - h_j},

and the working-fluid flow is :math:`\min_j \dot m_j`, further limited by the source's
allowed minimum outlet temperature. The point that gives the minimum is the binding pinch.
No iteration is needed: the source enthalpy is an explicit function of temperature.

References
----------
* S. Quoilin, M. Van Den Broek, S. Declaye, P. Dewallef, V. Lemort, "Techno-economic survey
  of Organic Rankine Cycle (ORC) systems", Renew. Sustain. Energy Rev. 22 (2013) 168-186,
  doi:10.1016/j.rser.2013.01.028.
* B. Saleh, G. Koglbauer, M. Wendland, J. Fischer, "Working fluids for low-temperature
  organic Rankine cycles", Energy 32 (2007) 1210-1221, doi:10.1016/j.energy.2006.07.001.
* A. Bejan, G. Tsatsaronis, M. Moran, Thermal Design and Optimization, Wiley, 1996,
  ch. 3 (exergy of a stream, dead state).
"""
from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from procsim.thermo.fluids import DEAD_STATE_T, Fluid
from procsim.validation import as_float, check_choice, check_nonnegative, check_range

__all__ = ["ORC", "ORCResult", "StatePoint", "STATE_NAMES",
           "COOLING_FLUIDS", "BINDING_CONSTRAINTS"]

STATE_NAMES = ("pump_inlet", "pump_outlet", "evaporator_inlet", "evaporator_bubble",
               "evaporator_dew", "expander_inlet", "expander_outlet", "condenser_inlet",
               "condenser_dew")

#: Condenser coolants: CoolProp names (water: IAPWS-IF97; air: Lemmon et al. 2000 pseudo-pure).
COOLING_FLUIDS = {"water": "Water", "air": "Air"}

#: What can set the working-fluid flow (``ORCResult.binding_constraint``).
BINDING_CONSTRAINTS = ("pinch_preheater", "pinch_bubble_point", "pinch_evaporator",
                       "pinch_superheater", "source_minimum_outlet_temperature")

#: Superheat [K] below which the expander inlet is taken as saturated vapour: (p, T) does not
#: fix a state that close to the saturation line (procsim.thermo.fluids resolves T_sat to
#: 1e-9 T), and the superheater's zone points (superheat / zone_segments apart, at most 1000
#: segments) must stay at least 1e-6 K clear of it.
SUPERHEAT_MIN = 1e-3



@dataclass(frozen=True)
class StatePoint:
    """One working-fluid state: name, T [K], p [Pa], h [J/kg], s [J/(kg K)], x [-].

    x is CoolProp's quality in the dome, else the equilibrium quality (h - h_l)/(h_v - h_l)
    (< 0 subcooled, > 1 superheated); see :class:`procsim.thermo.fluids.FluidState`.
    """

    name: str
    T: float
    p: float
    h: float
    s: float
    x: float


@dataclass(frozen=True)
class ORCResult:
    r"""Solved ORC design point (SI).

    Powers [W], flows [kg/s], temperatures [K], pressures [Pa], efficiencies [-].
    ``net_power`` = expander shaft power - pump shaft power. ``net_electric_power`` =
    expander power x generator efficiency - pump power / motor efficiency.
    ``thermal_efficiency`` = net_power / heat_input. ``exergy_efficiency`` = net_power /
    exergy given up by the heat source (dead state at ``ambient_temperature``).
    ``heat_recovery_efficiency`` = net_power / heat the source would give cooling to the
    coolant inlet temperature. ``carnot_efficiency`` = 1 - T_cool,in / T_src,in;
    ``trilateral_efficiency`` = exergy / heat of the source cooled to T_cool,in (for a
    constant-cp source: :math:`1 - T_c \ln(T_h/T_c)/(T_h - T_c)`).
    ``energy_residual`` = heat_input - net_power - heat_rejected [W] (the cycle's first-law
    balance; ``energy_residual_relative`` is it over heat_input); ``mass_residual`` [kg/s]
    is 0 for the cycle (every stream leaves with its inlet flow);
    ``source_energy_residual`` = (source enthalpy drop - heat_input) / heat_input.
    ``evaporator_profile`` is the shared heat-exchanger
    :class:`~units.heat_exchanger.zones.ZoneProfile` over the cycle's own zone points: ``q``
    from the working-fluid inlet, ``t_hot`` the source, ``t_cold`` the working fluid,
    ``zones`` the zone of each point, ``min_approach`` the evaporator pinch reached.
    """

    fluid: str
    net_power: float
    expander_power: float
    pump_power: float
    net_electric_power: float
    thermal_efficiency: float
    exergy_efficiency: float
    heat_recovery_efficiency: float
    carnot_efficiency: float
    trilateral_efficiency: float
    working_fluid_flow: float
    heat_input: float
    heat_rejected: float
    recuperator_duty: float
    heat_source_flow: float
    heat_source_inlet_temperature: float
    heat_source_outlet_temperature: float
    source_exergy_drop: float
    cooling_flow: float
    cooling_inlet_temperature: float
    cooling_outlet_temperature: float
    evaporating_pressure: float
    condensing_pressure: float
    binding_constraint: str
    states: tuple
    evaporator_profile: object   # units.heat_exchanger.zones.ZoneProfile (cold end = working-fluid inlet)
    energy_residual: float
    source_energy_residual: float
    energy_residual_relative: float = 0.0
    mass_residual: float = 0.0

    @property
    def carriers(self) -> dict:
        """Electricity generated per second as a signed carrier: {"electricity_kwh": -kWh/s}
        (net electric power; generation is negative, :mod:`procsim.plant`)."""
        return {"electricity_kwh": -self.net_electric_power / 3.6e6}

    def state(self, name: str) -> StatePoint:
        """The state point called ``name`` (one of :data:`STATE_NAMES`)."""
        check_choice("state name", name, STATE_NAMES)
        return self.states[STATE_NAMES.index(name)]


def _efficiency(name, value):
    v = check_range(name, as_float(name, value), 0.0, 1.0, low_inclusive=False)
    return float(v)


@dataclass(frozen=True)
class ORC:
    """Subcritical ORC design: pump, evaporator, expander, optional recuperator, condenser.

    Parameters
    ----------
    fluid : CoolProp name of a pure working fluid ("R245fa", "R1233zd(E)", "Isopentane",
        "n-Pentane", "Cyclopentane", "Toluene", "n-Butane", "IsoButane", ...) or a Fluid
    evaporating_temperature : saturation temperature in the evaporator [K], below the
        fluid's critical temperature (subcritical cycle)
    condensing_temperature : saturation temperature in the condenser [K], below the
        evaporating temperature
    superheat : expander-inlet temperature above saturation [K], >= 0
    pump_efficiency, expander_efficiency : isentropic efficiencies, in (0, 1], default 0.75 and
        0.80 (assumed, unverified round figures: pass the machines' data)
    evaporator_pinch : minimum source - working fluid temperature difference [K], >= 0,
        default 10 (assumed, unverified)

    Other Parameters
    ----------------
    condenser_pinch : minimum working fluid - coolant temperature difference [K], default 5
        (engineering default for water-cooled condensers, unverified)
    recuperator_effectiveness : in [0, 1); 0 (default) means no recuperator. Duty =
        effectiveness x the smaller of (desuperheating the expander exhaust to its dew point
        or to the pump-outlet temperature) and (heating the pump outlet to the exhaust
        temperature)
    generator_efficiency, motor_efficiency : in (0, 1], default 0.95 each (engineering
        default for MW-scale ORC generators and pump motors; IE3 4-pole 50 Hz motors of
        11-75 kW are about 0.914-0.950 in IEC 60034-30-1:2014 Table 3, values as recalled,
        unverified; not a fitted figure)
    evaporator_pressure_drop, condenser_pressure_drop : lumped working-fluid pressure
        drops [Pa], >= 0, default 0
    source_minimum_outlet_temperature : lowest allowed heat-source outlet [K] (e.g. an acid
        dew point), or None (default: only the pinch limits the cooling of the source)
    cooling_fluid : "water" (default) or "air", when no cooling stream is given to solve()
    cooling_inlet_temperature : [K], default 298.15 (25 degC; assumed, unverified)
    cooling_temperature_rise : coolant temperature rise [K], default 5 (engineering default,
        unverified; cooling-tower ranges are typically 5-10 K)
    cooling_pressure : [Pa], default 101325 (one standard atmosphere)
    ambient_temperature : dead-state temperature for exergy [K], default 298.15
        (Bejan, Tsatsaronis & Moran 1996, sec. 3.1)
    allow_wet_expansion : accept an expander outlet inside the dome (default False)
    zone_segments : temperature steps per evaporator zone for the pinch search, default 10
        (a numerical resolution, not a physical figure)

    Examples
    --------
    >>> from procsim.stream import Stream
    >>> orc = ORC("R245fa", 373.15, 308.15, superheat=5.0)
    >>> res = orc.solve(Stream("Water", 423.15, 5.0e5, 10.0))   # hot water at 150 degC, 10 kg/s
    >>> round(res.net_power / 1e3, 1), res.binding_constraint
    (314.4, 'pinch_bubble_point')
    >>> round(res.heat_source_outlet_temperature - 273.15, 2)
    83.45
    """

    fluid: object
    evaporating_temperature: float
    condensing_temperature: float
    superheat: float = 0.0
    pump_efficiency: float = 0.75
    expander_efficiency: float = 0.80
    evaporator_pinch: float = 10.0
    _: KW_ONLY  # the keyword details of docs/architecture.rst's ``**details``
    condenser_pinch: float = 5.0
    recuperator_effectiveness: float = 0.0
    generator_efficiency: float = 0.95
    motor_efficiency: float = 0.95
    evaporator_pressure_drop: float = 0.0
    condenser_pressure_drop: float = 0.0
    source_minimum_outlet_temperature: float | None = None
    cooling_fluid: str = "water"
    cooling_inlet_temperature: float = 298.15
    cooling_temperature_rise: float = 5.0
    cooling_pressure: float = 101325.0
    ambient_temperature: float = DEAD_STATE_T
    allow_wet_expansion: bool = False
    zone_segments: int = 10

    def __post_init__(self):
        fl = self.fluid if isinstance(self.fluid, Fluid) else Fluid(self.fluid)
        object.__setattr__(self, "fluid", fl)
        set_ = lambda k, v: object.__setattr__(self, k, v)  # noqa: E731 (frozen dataclass)
        tc = fl.critical_temperature
        te = as_float("evaporating_temperature", self.evaporating_temperature, "K")
        if not (fl.minimum_temperature < te < tc):
            raise ValueError(
                f"evaporating_temperature must be in ({fl.minimum_temperature:g}, {tc:g}) K "
                f"(triple point to critical temperature of {fl.name}: subcritical cycle); got {te!r} K")
        tcd = as_float("condensing_temperature", self.condensing_temperature, "K")
        if not (fl.minimum_temperature < tcd < te):
            raise ValueError(
                f"condensing_temperature must be in ({fl.minimum_temperature:g}, {te:g}) K "
                f"(above the triple point of {fl.name}, below evaporating_temperature); got {tcd!r} K")
        sh = float(check_nonnegative("superheat", as_float("superheat", self.superheat, "K"), "K"))
        if not (te + sh < fl.maximum_temperature):
            raise ValueError(f"superheat must be < {fl.maximum_temperature - te:g} K (the equation of "
                             f"state of {fl.name} ends at {fl.maximum_temperature:g} K); got {sh!r} K")
        set_("evaporating_temperature", te)
        set_("condensing_temperature", tcd)
        set_("superheat", sh)
        for name in ("pump_efficiency", "expander_efficiency", "generator_efficiency",
                     "motor_efficiency"):
            set_(name, _efficiency(name, getattr(self, name)))
        for name in ("evaporator_pinch", "condenser_pinch", "evaporator_pressure_drop",
                     "condenser_pressure_drop", "cooling_temperature_rise"):
            unit = "Pa" if name.endswith("drop") else "K"
            set_(name, float(check_nonnegative(name, as_float(name, getattr(self, name), unit), unit)))
        set_("recuperator_effectiveness", float(check_range(
            "recuperator_effectiveness", as_float("recuperator_effectiveness",
                                                  self.recuperator_effectiveness), 0.0, 1.0,
            high_inclusive=False)))
        for name, unit in (("cooling_inlet_temperature", "K"), ("cooling_pressure", "Pa"),
                           ("ambient_temperature", "K")):
            v = as_float(name, getattr(self, name), unit)
            if not v > 0.0:
                raise ValueError(f"{name} must be > 0 {unit}; got {v!r} {unit}")
            set_(name, v)
        if self.source_minimum_outlet_temperature is not None:
            v = as_float("source_minimum_outlet_temperature", self.source_minimum_outlet_temperature, "K")
            if not v > 0.0:
                raise ValueError(f"source_minimum_outlet_temperature must be > 0 K; got {v!r} K")
            set_("source_minimum_outlet_temperature", v)
        check_choice("cooling_fluid", self.cooling_fluid, COOLING_FLUIDS)
        if not (isinstance(self.zone_segments, int) and 1 <= self.zone_segments <= 1000):
            raise ValueError(f"zone_segments must be an integer in [1, 1000]; got {self.zone_segments!r}")
        if not isinstance(self.allow_wet_expansion, bool):
            raise ValueError(f"allow_wet_expansion must be True or False; got {self.allow_wet_expansion!r}")

    # ------------------------------------------------------------------ solving
    def solve(self, heat_source, cooling=None) -> ORCResult:
        """Solve the design point for a heat source (exact CoolProp properties).

        Parameters
        ----------
        heat_source : procsim.Stream (real fluid or gas mixture) entering the evaporator
        cooling : optional procsim.Stream entering the condenser; its mass flow is then
            used as given. Without it the coolant is ``cooling_fluid`` at
            ``cooling_inlet_temperature`` and its flow gives ``cooling_temperature_rise``.

        Raises
        ------
        ValueError
            source colder than expander inlet + pinch, condensing temperature below the
            coolant inlet + condenser pinch, condenser pinch violated, wet expansion
            (unless allowed), pressure drops that leave no expansion, bad streams.
        """
        from ._exact import Isobar, solve_exact

        source = Isobar.of_stream(heat_source, "heat_source")
        t_src = as_float("heat_source temperature", heat_source.T, "K")
        m_src = as_float("heat_source mass_flow", heat_source.mass_flow, "kg/s")
        if not m_src > 0.0:
            raise ValueError(f"heat_source mass_flow must be > 0 kg/s; got {m_src!r} kg/s")
        if cooling is None:
            cool = Isobar.of(COOLING_FLUIDS[self.cooling_fluid], self.cooling_pressure, "cooling")
            t_cool, m_cool, h_cool = self.cooling_inlet_temperature, None, None
        else:
            cool = Isobar.of_stream(cooling, "cooling")
            t_cool = as_float("cooling temperature", cooling.T, "K")
            m_cool = as_float("cooling mass_flow", cooling.mass_flow, "kg/s")
            h_cool = as_float("cooling h", cooling.h, "J/kg")
            if not m_cool > 0.0:
                raise ValueError(f"cooling mass_flow must be > 0 kg/s; got {m_cool!r} kg/s")
        h_src = as_float("heat_source h", heat_source.h, "J/kg")
        return solve_exact(self, source, t_src, m_src, cool, t_cool, m_cool, h_src, h_cool)

    def _check_source(self, t_src: float) -> None:
        """Raise if the source cannot heat the expander inlet with the evaporator pinch."""
        t6 = self.evaporating_temperature + self.superheat
        if not t_src > t6 + self.evaporator_pinch:
            raise ValueError(
                f"heat_source temperature must be > {t6 + self.evaporator_pinch:g} K (expander inlet "
                f"{t6:g} K + evaporator_pinch {self.evaporator_pinch:g} K): the source is colder than "
                f"the evaporator needs; got {t_src!r} K")
