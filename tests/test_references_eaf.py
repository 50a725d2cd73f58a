"""EAF waste-heat recovery units against hand calculations with Cantera and CoolProp.

The gas enthalpies come from Cantera (nasa_gas.yaml species, NASA-7 polynomials) called
directly, the water side from CoolProp IF97 called directly; the unit's own enthalpy
methods are never the reference. The recovery relations are written out here from the
unit docstrings (heat share of the gas heat above the scrap temperature; casing loss a fixed
share of the gas heat).

Tolerances: procsim's gas polynomials are Cantera's to ~1e-15 (tests/test_gas.py), so a
hand balance agrees to 1e-9 relative; temperatures recovered by inverting h(T) agree to
1e-6 K.
"""
import cantera as ct
import pytest
from CoolProp.CoolProp import PropsSI

from units.eaf.recovery import ScrapPreheater, WasteHeatBoiler

pytestmark = pytest.mark.component


def _gas(composition):
    """h(T) [J/kg] of an ideal-gas mixture from Cantera's nasa_gas.yaml (McBride, Gordon & Reno
    1993), the data set procsim.thermo.gas documents as its source."""
    names = {"AR": "Ar"}
    found = {s.name: s for s in ct.Species.list_from_file("nasa_gas.yaml")}
    comp = {names.get(k, k): v for k, v in composition.items()}
    g = ct.Solution(thermo="ideal-gas", species=[found[k] for k in comp])
    return lambda T: (setattr(g, "TPX", (T, ct.one_atm, comp)), g.enthalpy_mass)[1]


def _t_from_h(h_of_t, h, lo, hi):
    from scipy.optimize import brentq

    return brentq(lambda T: h_of_t(T) - h, lo, hi, xtol=1e-10)


def test_scrap_preheater_heat_by_hand():
    # example: 12 kg/s off-gas at 1200 C over a 3000 s heat; 45 % of its heat above the scrap
    # inlet temperature (298.15 K) goes into the scrap
    u, inlets = ScrapPreheater.example()
    g = inlets["off_gas_in"]
    comp = {"N2": 0.55, "CO2": 0.30, "H2O": 0.08, "O2": 0.07}
    h = _gas(comp)
    m_heat = 12.0 * 3000.0
    q = 0.45 * m_heat * (h(1473.15) - h(298.15))
    r = u.solve(inlets).result
    assert r.heat_to_scrap == pytest.approx(q, rel=1e-9)
    assert r.heat_rate == pytest.approx(q / 3000.0, rel=1e-9)
    assert r.electricity_saved == pytest.approx(q, rel=1e-9)
    # share of the gas heat above 25 C: here the same reference, so exactly the heat share
    assert r.share_of_gas_heat == pytest.approx(0.45, rel=1e-9)
    t_out = _t_from_h(h, h(1473.15) - q / m_heat, 300.0, 1473.15)
    assert r.gas_outlet_temperature == pytest.approx(t_out, abs=1e-6)
    assert r.co2_avoided(0.474) == pytest.approx(q / 3.6e6 * 0.474, rel=1e-12)
    assert g.T == 1473.15


def test_scrap_preheater_to_a_set_temperature_moves_the_gas_by_the_scrap_heat():
    u = ScrapPreheater(100e3, scrap_outlet_temperature=773.15)
    _, inlets = ScrapPreheater.example()
    r = u.solve(inlets).result
    h = _gas({"N2": 0.55, "CO2": 0.30, "H2O": 0.08, "O2": 0.07})
    # the gas gives exactly the scrap's heat: its outlet from Cantera's h(T)
    t_out = _t_from_h(h, h(1473.15) - r.heat_to_scrap / (12.0 * 3000.0), 300.0, 1473.15)
    assert r.gas_outlet_temperature == pytest.approx(t_out, abs=1e-6)


def test_waste_heat_boiler_gas_side_by_hand():
    whb, inlets = WasteHeatBoiler.example()
    fg, fw = inlets["gas_in"], inlets["feedwater_in"]
    comp = {"N2": 0.62, "AR": 0.007, "CO2": 0.24, "H2O": 0.07, "O2": 0.063}
    h = _gas(comp)
    r = whb.solve(inlets).result
    h_v = PropsSI("H", "P", 1.3e6, "Q", 1, "IF97::Water")
    h_fw = PropsSI("H", "P", 1.5e6, "T", 378.15, "IF97::Water")
    q_w = 4.0 * (h_v - h_fw)
    q_gas = q_w / 0.99                      # 1 % casing loss (unit default)
    assert r.heat_to_steam == pytest.approx(q_w, rel=1e-9)
    assert r.heat_from_gas == pytest.approx(q_gas, rel=1e-9)
    assert r.casing_loss == pytest.approx(0.01 * q_gas, rel=1e-9)
    t_out = _t_from_h(h, h(1173.15) - q_gas / 20.0, 300.0, 1173.15)
    assert r.gas_outlet_temperature == pytest.approx(t_out, abs=1e-6)
    # the evaporator inlet pinch: gas after giving the evaporating duty, minus T_sat(13 bar)
    h_l = PropsSI("H", "P", 1.3e6, "Q", 0, "IF97::Water")
    t_gas = _t_from_h(h, h(1173.15) - 4.0 * (h_v - h_l) / 0.99 / 20.0, 300.0, 1173.15)
    assert r.pinch_temperature_difference == pytest.approx(
        t_gas - PropsSI("T", "P", 1.3e6, "Q", 0, "IF97::Water"), abs=1e-6)
    assert r.share_of_gas_heat == pytest.approx(q_gas / (20.0 * (h(1173.15) - h(298.15))), rel=1e-9)
    # feedwater flow for a 250 C gas outlet, by hand
    m = whb.feedwater_flow_for(fg, fw, 523.15)
    assert m == pytest.approx(20.0 * (h(1173.15) - h(523.15)) * 0.99 / (h_v - h_fw), rel=1e-9)
