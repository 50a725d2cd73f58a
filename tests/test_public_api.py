"""The public API of docs/architecture.rst, called exactly as outside checks call it.

Each name is exercised with its documented signature, SI units and numpy broadcasting,
against values computed here independently (closed forms, CoolProp called directly).
Detailed accuracy tests live with each module; this file guards the contract.
"""
import inspect
import math

import CoolProp.CoolProp as CP
import numpy as np
import pytest

import procsim
import units.boiler
import units.compressed_air
import units.heat_exchanger
import units.orc
from procsim.accounting import check_claim, grid_factor
from procsim.pinch import targets
from procsim.thermo.combustion import Fuel
from procsim.thermo.fluids import Fluid

pytestmark = pytest.mark.integration

ARRANGEMENTS = ["counterflow", "parallel", "crossflow_both_unmixed", "crossflow_cmax_mixed",
                "crossflow_cmin_mixed", "shell_and_tube_1_2"]


@pytest.mark.parametrize("arrangement", ARRANGEMENTS)
def test_effectiveness_and_ntu_vectorised_and_inverse(arrangement):
    ntu = np.array([0.1, 0.5, 1.0, 2.0])
    eps = units.heat_exchanger.effectiveness(ntu, 0.5, arrangement)
    assert eps.shape == (4,) and np.all(np.diff(eps) > 0) and np.all(eps < 1)
    assert np.allclose(units.heat_exchanger.ntu(eps, 0.5, arrangement), ntu, rtol=1e-9)
    # Cr = 0: every arrangement reduces to 1 - exp(-NTU) (Incropera 6th ed., eq. 11.35a)
    assert units.heat_exchanger.effectiveness(1.3, 0.0, arrangement) == pytest.approx(1 - math.exp(-1.3), rel=1e-10)


def test_counterflow_closed_form_and_lmtd():
    n, cr = 2.0, 0.6
    e = math.exp(-n * (1 - cr))
    assert units.heat_exchanger.effectiveness(n, cr, "counterflow") == pytest.approx((1 - e) / (1 - cr * e), rel=1e-12)
    # counterflow LMTD: (dT1 - dT2)/ln(dT1/dT2) with dT1 = 400-330, dT2 = 350-300
    expect = (70.0 - 50.0) / math.log(70.0 / 50.0)
    assert units.heat_exchanger.lmtd(400.0, 350.0, 300.0, 330.0) == pytest.approx(expect, rel=1e-12)
    assert np.shape(units.heat_exchanger.lmtd(np.array([400.0, 410.0]), 350.0, 300.0, 330.0)) == (2,)


def test_pinch_targets_attributes():
    # two streams, dT_min 20 K: hot 400->300 K at 1 kW/K, cold 290->390 K at 1 kW/K.
    # Shifted (+-10 K): hot 390->290, cold 300->400. Interval 400-390 needs 10 kW of hot
    # utility, 300-290 rejects 10 kW to cold utility, the middle balances.
    t = targets([(400.0, 300.0, 1000.0), (290.0, 390.0, 1000.0)], 20.0)
    assert t.hot_utility == pytest.approx(10_000.0, rel=1e-12)
    assert t.cold_utility == pytest.approx(10_000.0, rel=1e-12)
    assert math.isfinite(t.pinch_temperature)


def test_fuel_api():
    ng = Fuel.from_name("natural_gas")
    assert ng.hhv > ng.lhv > 4.0e7
    ea = ng.excess_air(np.array([0.02, 0.03, 0.05]), basis="dry")
    assert ea.shape == (3,) and np.all(np.diff(ea) > 0)
    fg = ng.flue_gas(float(ea[1]))
    assert fg.o2("dry") == pytest.approx(0.03, rel=1e-9)
    assert fg.mass_per_kg_fuel == pytest.approx(fg.air_per_kg_fuel + 1.0, rel=1e-12)  # gas fuel, no ash
    assert sum(fg.mole_fractions.values()) == pytest.approx(1.0, rel=1e-12)
    gas = Fuel.from_composition({"CH4": 0.95, "C2H6": 0.03, "N2": 0.01, "CO2": 0.01}, basis="mole")
    oil = Fuel.from_composition({"C": 0.86, "H": 0.12, "O": 0.005, "N": 0.003, "S": 0.012, "H2O": 0.0, "ash": 0.0},
                                basis="mass")
    assert gas.lhv > oil.lhv > 3.5e7
    for name in ("natural_gas", "fuel_oil", "diesel", "lpg", "bituminous_coal"):
        assert Fuel.from_name(name).lhv > 0
    with pytest.raises(ValueError, match="o2"):
        ng.excess_air(0.25)


def test_stack_loss_fraction_vectorised():
    ng = Fuel.from_name("natural_gas")
    loss = units.boiler.stack_loss_fraction(ng, np.array([0.02, 0.04]), 473.15, 293.15, basis="hhv")
    assert loss.shape == (2,) and 0.1 < loss[0] < loss[1] < 0.25
    assert units.boiler.stack_loss_fraction(ng, 0.03, 473.15, 293.15, basis="lhv") < \
        units.boiler.stack_loss_fraction(ng, 0.03, 473.15, 293.15, basis="hhv")


def test_fluid_state_and_table_against_coolprop():
    water = Fluid("Water")
    st = water.state(p=1.0e6, T=500.0)
    for attr, key in (("h", "H"), ("s", "S"), ("rho", "D")):
        assert getattr(st, attr) == pytest.approx(CP.PropsSI(key, "T", 500.0, "P", 1.0e6, "IF97::Water"), rel=1e-12)
    assert (st.T, st.p) == (500.0, 1.0e6) and hasattr(st, "x")
    assert Fluid("Water", backend="HEOS").state(p=1.0e6, T=500.0).h == pytest.approx(
        CP.PropsSI("H", "T", 500.0, "P", 1.0e6, "HEOS::Water"), rel=1e-12)
    tab = Fluid("R245fa").table()
    p, h = np.array([5e5, 1e6]), np.array([4.6e5, 4.7e5])
    T = tab.T_ph(p, h)
    assert T.shape == (2,)
    for i in range(2):  # 1e-5 is the table accuracy bound
        assert T[i] == pytest.approx(CP.PropsSI("T", "P", p[i], "H", h[i], "HEOS::R245fa"), rel=1e-5)
    s = tab.s_ph(p, h)
    assert np.allclose(tab.h_ps(p, s), h, rtol=1e-5)
    assert tab.T_sat(1e6) == pytest.approx(CP.PropsSI("T", "P", 1e6, "Q", 0, "HEOS::R245fa"), rel=1e-5)
    assert tab.p_sat(350.0) == pytest.approx(CP.PropsSI("P", "T", 350.0, "Q", 0, "HEOS::R245fa"), rel=1e-5)


def test_compressed_air_api():
    ca = units.compressed_air
    # choked orifice: m = Cd A p0 sqrt(gamma/(R T0)) (2/(gamma+1))^((gamma+1)/(2(gamma-1)))
    d, p0, T0, cd = 3e-3, 8e5, 293.15, 0.61
    g, R = 1.4, 287.05
    ideal = cd * math.pi * d ** 2 / 4 * p0 * math.sqrt(g / (R * T0)) * (2 / (g + 1)) ** ((g + 1) / (2 * (g - 1)))
    assert ca.leak_flow(d, p0) == pytest.approx(ideal, rel=1e-3)
    assert ca.leak_flow(np.array([1e-3, 2e-3]), p0).shape == (2,)
    # ISO 1217 free air: 1 bar(a), 20 C, dry air R = 287.05 J/(kg K)
    assert ca.free_air_flow(0.01) == pytest.approx(0.01 * R * 293.15 / 1.0e5, rel=1e-3)
    for control in ("load_unload", "modulation", "modulation_unload", "variable_displacement", "vfd", "start_stop"):
        c = ca.Compressor(control, 0.3, 60e3, no_load_power=None)
        pw = c.power(np.array([0.1, 0.2, 0.3]))
        assert pw.shape == (3,) and np.all(np.diff(pw) >= 0)
        if control == "start_stop":
            # MEASUR start/stop: running power is the mean of full-load power at cut-in and
            # cut-out pressure, so slightly above the rated-pressure figure
            assert pw[-1] > 60e3
        else:
            assert pw[-1] == pytest.approx(60e3, rel=1e-9)  # full load at rated flow
    with pytest.raises(ValueError, match="control"):
        ca.Compressor("magic", 0.3, 60e3)


def test_stream_and_orc():
    src = procsim.Stream("Water", 423.15, 5.0e5, 10.0)
    assert src.mass_flow == 10.0 and src.T == 423.15 and src.p == 5.0e5
    gas = procsim.Stream({"N2": 0.75, "CO2": 0.08, "H2O": 0.12, "O2": 0.05}, 473.15, 101325.0, 10.0)
    orc = units.orc.ORC("R245fa", 373.15, 308.15, superheat=5.0, pump_efficiency=0.75,
                        expander_efficiency=0.80, evaporator_pinch=10.0)
    for source in (src, gas):
        r = orc.solve(source)
        assert 0 < r.net_power < r.heat_input
        assert r.thermal_efficiency == pytest.approx(r.net_power / r.heat_input, rel=1e-9)
        assert r.working_fluid_flow > 0 and r.heat_source_outlet_temperature < source.T
        assert len(r.states) >= 4 and all(hasattr(s, a) for s in r.states for a in ("T", "p", "h", "s"))
    params = inspect.signature(units.orc.ORC).parameters
    assert list(params)[:7] == ["fluid", "evaporating_temperature", "condensing_temperature", "superheat",
                                "pump_efficiency", "expander_efficiency", "evaporator_pinch"]


def test_grid_factor_and_claim_checker():
    f = grid_factor(region="TW", year=2023, basis="actual")
    assert float(f) == pytest.approx(0.494)  # MOEA announcement of 2024-04-26 for 2023
    assert "MOEA" in f.source or "Energy" in f.source
    findings = check_claim({
        "name": "Boiler economizer", "region": "TW", "year": 2024, "currency": "TWD",
        "baseline": {"natural_gas_nm3": 1200000}, "retrofit": {"natural_gas_nm3": 1130000},
        "savings": {"natural_gas_nm3": 70000, "co2_t": 151, "energy_fraction": 0.058, "co2_fraction": 0.058,
                    "cost": 1.05e6},
        "investment": 2.4e6, "subsidy": 0, "payback_years": 2.3})
    assert findings and all(x.severity in {"ok", "info", "warning", "error"} for x in findings)
    assert all(isinstance(x.field, str) and isinstance(x.message, str) for x in findings)
    unknown = [x for x in check_claim({"name": "x", "bogus": 1}) if x.severity == "error"]
    assert unknown and "bogus" in unknown[0].message
