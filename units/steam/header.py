"""Steam header: streams mixed at the header pressure, heat lost from its piping, steam drawn off."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from procsim.flowsheet import UnitSolution
from procsim.stream import Stream
from procsim.units_api import inlet_map
from procsim.validation import as_float
from units.steam._common import (check_flow, check_pressure, check_water_inlets, conform_port, internal_inlets,
                                 port_outlets, state_ph, stream, water_of)
from units.steam.kernels import mixed_enthalpy

__all__ = ["SteamHeader", "HeaderResult", "HeaderShortfall"]

#: Inlets may arrive up to this fraction below the header pressure (rounding of a pressure
#: given in gauge units; a real inlet cannot flow into a header at a lower pressure).
PRESSURE_TOLERANCE = 1e-9


class HeaderShortfall(ValueError):
    """A header's supplies do not cover its fixed draws (names header and flows)."""


@dataclass(frozen=True)
class HeaderResult:
    """State and flows of a steam header (SI).

    pressure [Pa], enthalpy [J/kg], temperature [K], quality [-] (equilibrium quality: >1
    superheated), superheat [K] (T - T_sat; 0 or below for wet steam), supply_flow [kg/s],
    draws (name -> kg/s, including the balancing outlet), balance_flow [kg/s] (flow of the
    balancing outlet), heat_loss [W], mass_residual [kg/s], energy_residual [W].
    """

    pressure: float
    enthalpy: float
    temperature: float
    quality: float
    superheat: float
    supply_flow: float
    draws: dict = field(compare=False)
    balance_flow: float
    heat_loss: float
    mass_residual: float
    energy_residual: float


@dataclass(frozen=True)
class SteamHeader:
    """Steam header at fixed pressure: mixes its supplies, loses heat, serves draws.

    Parameters
    ----------
    name : unit name
    pressure : header pressure [Pa abs]
    supplies : names of the inlet ports (boiler, PRV and turbine exhausts, flash steam ...)
    draws : mapping outlet name -> fixed mass flow [kg/s] (users, turbines, traps, vents)
    balance : name of the balancing outlet that takes whatever the supplies leave after the
        fixed draws (a letdown to a lower header, the deaerator); ``None`` for a header whose
        supplies must equal its draws
    heat_loss : heat lost by the header and its distribution piping [W] >= 0
    heat_loss_fraction : a further loss as a fraction of the enthalpy flow entering the header
        [-] in [0, 0.5) (the "header heat loss %" of DOE's MEASUR steam modeler; enthalpies
        on the IAPWS reference, liquid water at the triple point = 0)
    fluid : water model (default IAPWS-IF97)

    Notes
    -----
    Mixing at the header pressure with a heat loss (steady-flow energy balance, Cengel &
    Boles 2015, ch. 5):

    .. math:: h = \\frac{\\sum_i \\dot m_i h_i - \\dot Q_{loss}}{\\sum_i \\dot m_i}

    Every outlet leaves at (p, h). Inlets at a higher pressure are throttled into the header
    (isenthalpic); an inlet below the header pressure cannot enter and is an error. The heat
    loss is reported as an energy source of -Q (see :mod:`procsim.flowsheet`).
    """

    name: str
    pressure: float
    supplies: tuple = ("supply",)
    draws: dict = field(default_factory=dict)
    balance: str | None = "balance"
    heat_loss: float = 0.0
    fluid: object = None
    heat_loss_fraction: float = 0.0

    def __post_init__(self):
        w = water_of(self.fluid)
        object.__setattr__(self, "fluid", w)
        object.__setattr__(self, "pressure", check_pressure(f"{self.name}: pressure", self.pressure, w))
        if not (self.pressure < w.critical_pressure):
            raise ValueError(f"{self.name}: pressure must be below the critical pressure "
                             f"{w.critical_pressure:g} Pa; got {self.pressure!r} Pa")
        sup = tuple(self.supplies)
        if not sup:
            raise ValueError(f"{self.name}: a header needs at least one supply inlet")
        draws = {str(k): check_flow(f"{self.name}: draw {k!r}", v) for k, v in dict(self.draws).items()}
        names = list(draws) + ([self.balance] if self.balance is not None else [])
        if len(set(names)) != len(names) or len(set(sup)) != len(sup):
            raise ValueError(f"{self.name}: port names must be unique; supplies {sup}, outlets {names}")
        q = as_float(f"{self.name}: heat_loss", self.heat_loss, "W")
        if not (q >= 0.0):
            raise ValueError(f"{self.name}: heat_loss must be >= 0 W; got {q!r} W")
        object.__setattr__(self, "supplies", sup)
        object.__setattr__(self, "draws", draws)
        object.__setattr__(self, "heat_loss", q)
        f = as_float(f"{self.name}: heat_loss_fraction", self.heat_loss_fraction, "-")
        if not (0.0 <= f < 0.5):
            raise ValueError(f"{self.name}: heat_loss_fraction must be in [0, 0.5); got {f!r}")
        object.__setattr__(self, "heat_loss_fraction", f)

    @property
    def _in_names(self) -> dict:
        """Supply name -> port name (``boiler`` -> ``steam_boiler_in``, procsim.units_api)."""
        return {n: conform_port("steam", n, "in") for n in self.supplies}

    @property
    def _out_names(self) -> dict:
        """Draw (and balance) name -> port name (``process`` -> ``steam_process_out``)."""
        names = list(self.draws) + ([self.balance] if self.balance is not None else [])
        return {n: conform_port("steam", n, "out") for n in names}

    @property
    def port_aliases(self) -> dict:
        """Former (supply) names -> current port names; the draws' former names are
        :attr:`outlet_aliases`. Results (``HeaderResult.draws``) keep the given names."""
        return {k: v for k, v in self._in_names.items() if k != v}

    @property
    def outlet_aliases(self) -> dict:
        return {k: v for k, v in self._out_names.items() if k != v}

    @property
    def inlets(self):
        return tuple(self._in_names.values())

    @property
    def outlets(self):
        return tuple(self._out_names.values())

    @classmethod
    def example(cls):
        """A 10 bar(a) header fed by a boiler and a turbine exhaust, one user, a letdown."""
        hdr = cls("MP", 1.0e6, supplies=("boiler", "turbine"), draws={"process": 3.0},
                  balance="letdown", heat_loss=20.0e3)
        return hdr, inlet_map(hdr, {"steam_boiler_in": Stream("Water", 523.15, 1.2e6, 4.0),
                                    "steam_turbine_in": Stream("Water", 473.15, 1.0e6, 1.5)})

    def solve(self, inlets) -> UnitSolution:
        ins = internal_inlets(self, check_water_inlets(self.name, internal_inlets(self, inlets, {}), self.inlets),
                              self._in_names)
        ins = {n: ins[n] for n in self.supplies}
        p = self.pressure
        for n, s in ins.items():
            if s.p < p * (1.0 - PRESSURE_TOLERANCE) and s.mass_flow > 0.0:
                raise ValueError(f"{self.name}: supply {n!r} arrives at p={s.p!r} Pa, below the header "
                                 f"pressure {p!r} Pa; steam cannot flow into the header")
        m_in = sum(s.mass_flow for s in ins.values())
        m_draw = sum(self.draws.values())
        if not (m_in > 0.0):
            if m_draw > 0.0:
                raise HeaderShortfall(
                    f"{self.name}: header has no supply: its inlets ({', '.join(self.supplies)}) carry "
                    f"0 kg/s while its draws need {m_draw!r} kg/s")
        balance_flow = m_in - m_draw
        scale = max(m_in, m_draw)
        if balance_flow < 0.0 and balance_flow >= -1e-11 * scale:
            balance_flow = 0.0  # rounding of flows that balance exactly (mass residual <= 1e-11)
        if balance_flow < 0.0:
            raise HeaderShortfall(
                f"{self.name}: supplies {m_in!r} kg/s do not cover the fixed draws {m_draw!r} kg/s "
                f"(short by {-balance_flow!r} kg/s)")
        if self.balance is None and balance_flow > 1e-9 * scale:
            raise ValueError(f"{self.name}: supplies {m_in!r} kg/s exceed the draws {m_draw!r} kg/s by "
                             f"{balance_flow!r} kg/s and the header has no balancing outlet")
        flows = np.array([s.mass_flow for s in ins.values()])
        hs = np.array([s.h for s in ins.values()])
        q_loss = self.heat_loss + self.heat_loss_fraction * float(np.dot(flows, hs))
        if m_in > 0.0:
            h = float(mixed_enthalpy(flows, hs, q_loss))
        elif q_loss > 0.0:
            raise ValueError(f"{self.name}: an idle header (no flow) cannot lose {self.heat_loss!r} W in steady state")
        else:  # idle header: the state its first supply would have, throttled to the header pressure
            h = float(hs[0])
        if h != h:
            raise ValueError(f"{self.name}: cannot mix supplies (flows {flows.tolist()} kg/s)")
        st = state_ph(self.fluid, p, h)
        T_sat = self.fluid.saturation(p=p)[0].T
        outs = {k: stream(self.fluid, p, h, v) for k, v in self.draws.items()}
        if self.balance is not None:
            outs[self.balance] = stream(self.fluid, p, h, max(balance_flow, 0.0))
        m_out = sum(s.mass_flow for s in outs.values())
        e_in = sum(s.energy_flow for s in ins.values())
        e_out = sum(s.energy_flow for s in outs.values())
        draws = {k: s.mass_flow for k, s in outs.items()}
        res = HeaderResult(pressure=p, enthalpy=h, temperature=st.T, quality=st.x,
                           superheat=st.T - T_sat, supply_flow=m_in, draws=draws,
                           balance_flow=max(balance_flow, 0.0), heat_loss=q_loss,
                           mass_residual=m_in - m_out, energy_residual=e_in - q_loss - e_out)
        return UnitSolution(port_outlets(self, outs, self._out_names), res, {"heat_loss": -q_loss})
