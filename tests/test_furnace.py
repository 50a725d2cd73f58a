"""Process heating: available heat with preheated air and O2 enrichment, furnace losses, summary."""
import math

import numpy as np
import pytest
from pytest import approx, raises

from procsim.thermo.combustion import Fuel, adiabatic_flame, combustion_air
from procsim.thermo.combustion import kernels as K
from procsim.thermo.combustion.fuel import product_rows
from units.boiler import stack_loss_fraction
from units.furnace import (FurnaceBalance, available_heat, charge_heat, electric_equivalent,
                           enriched_air, flow_heat, fuel_savings, opening_leakage,
                           opening_radiation, unburned_carbon_loss, wall_loss)
from units.furnace.losses import STEFAN_BOLTZMANN


def F(x):
    return (x - 32.0) / 1.8 + 273.15


@pytest.mark.unit
def test_available_heat_zero_at_adiabatic_flame_with_preheated_air():
    # Independent energy balance: burning with complete combustion (Cantera HP, no
    # dissociation) at 10 % excess air and 811 K air, the products leave at T_ad: nothing is
    # available (LHV basis, fuel at 25 C). The air-credit form gives 0 to 2e-3; crediting the
    # whole product stream at the air temperature (the former stack-loss form) does not.
    fuel = Fuel.from_name("pipeline_gas")
    t_ad = adiabatic_flame(fuel, 0.10, air_temperature=811.0, dissociation=False).temperature
    o2 = K.o2_fraction(fuel.vector, combustion_air(0.0), 0.10, K.BASIS_DRY)
    ah = available_heat(fuel, o2, t_ad, 811.0, 298.15, basis="lhv")
    assert ah == approx(0.0, abs=2e-3)
    n = np.empty(7)
    K.products(fuel.vector, combustion_air(0.0), 0.10, 0.0, n)
    old = 1.0 - K._sensible(product_rows(), n, t_ad, 811.0) / fuel.vector[K.F_LHV]
    assert old > 0.02   # 3.5 points of LHV left "available" at the flame temperature


@pytest.mark.unit
@pytest.mark.parametrize("t_air_f", [750.0, 900.0, 1100.0])
def test_preheated_air_correction_size(t_air_f):
    # The former stack loss counted from the air temperature overstated available heat by
    # about 2-3.5 points for 750-1100 F air (issue 15); the kernel now credits only the air.
    fuel = Fuel.from_name("pipeline_gas")
    o2 = K.o2_fraction(fuel.vector, combustion_air(0.0), 0.10, K.BASIS_DRY)
    new = available_heat(fuel, o2, F(1800.0), F(t_air_f), 298.15)
    n = np.empty(7)
    K.products(fuel.vector, combustion_air(0.0), 0.10, 0.0, n)
    hv = fuel.vector
    old = 1.0 - (K._sensible(product_rows(), n, F(1800.0), F(t_air_f)) + hv[K.F_HHV] - hv[K.F_LHV]) / hv[K.F_HHV]
    assert 0.018 < old - new < 0.036
    # stack_loss_fraction (units.boiler) follows the fixed kernel
    assert 1 - stack_loss_fraction(fuel, o2, F(1800.0), F(t_air_f)) == approx(new, abs=1e-12)


@pytest.mark.unit
def test_unheated_air_unchanged():
    # air at or below 25 C: the classic combustion-efficiency convention (loss from air T)
    fuel = Fuel.from_name("pipeline_gas")
    assert 1 - stack_loss_fraction(fuel, 0.03, 473.15, 293.15) == approx(
        available_heat(fuel, 0.03, 473.15, 293.15, 293.15), abs=1e-14)


@pytest.mark.unit
def test_against_measur_o2_enrichment_example():
    # MEASUR O2 enrichment calculator (ORNL AMO-Tools-Suite tests/O2Enrichment.unit.cpp):
    # air, 1800 F flue, 5 % O2, 900 F air -> 61.97 %; 100 % O2, 1900 F flue, 1 % O2, 80 F
    # -> 74.22 %; fuel savings 16.51 %. MEASUR uses PHAST's natural-gas correlations: agree
    # within 1.5 points (correlation vs NASA-7 energy balance, gas composition).
    fuel = Fuel.from_name("pipeline_gas")
    ah_air = available_heat(fuel, 0.05, F(1800), F(900), F(60))
    ah_ox = available_heat(fuel, 0.01, F(1900), F(80), F(60), oxygen_fraction=1.0)
    assert 100 * ah_air == approx(61.97, abs=1.5)
    assert 100 * ah_ox == approx(74.2210855231, abs=1.5)
    # the saving compounds the two differences (-1.0 and +1.3 points): 19.3 vs 16.5
    assert 100 * fuel_savings(ah_air, ah_ox) == approx(16.5058213035, abs=3.0)


@pytest.mark.unit
def test_enriched_air_vector():
    a = enriched_air(0.30)
    assert a[K.A_O2] == 0.30
    assert a[K.A_O2] + a[K.A_N2] + a[K.A_AR] + a[K.A_CO2] == approx(1.0, rel=1e-14)
    assert a[K.A_N2] / a[K.A_AR] == approx(combustion_air(0.0)[K.A_N2] / combustion_air(0.0)[K.A_AR])
    fuel = Fuel.from_name("pipeline_gas")
    ah = [available_heat(fuel, 0.02, 1500.0, 298.15, 298.15, oxygen_fraction=x) for x in (None, 0.25, 0.35, 1.0)]
    assert all(a < b for a, b in zip(ah, ah[1:]))
    with raises(ValueError, match="oxygen_fraction must be in"):
        enriched_air(0.1)


@pytest.mark.unit
def test_wall_loss_incropera_example_9_2():
    # Incropera et al. 6th ed. Example 9.2: 0.71 m x 1.02 m glass at 232 C, room 23 C:
    # Ra = 1.813e9, Nu = 147, q_conv = 1060 W
    q = wall_loss(0.71 * 1.02, 505.0, 296.0, emissivity=0.0, height=0.71)
    assert q == approx(1060.0, rel=5e-3)
    # radiation adds eps sigma (Ts^4 - Ta^4) A
    q_r = wall_loss(0.71 * 1.02, 505.0, 296.0, emissivity=0.9, height=0.71) - q
    assert q_r == approx(0.9 * STEFAN_BOLTZMANN * (505.0 ** 4 - 296.0 ** 4) * 0.71 * 1.02, rel=1e-12)
    # wind raises the loss; forced convection alone at 5 m/s over 2 m: laminar flat plate
    assert wall_loss(1.0, 400.0, 300.0, 0.0, wind_speed=5.0, height=2.0) > wall_loss(1.0, 400.0, 300.0, 0.0, height=2.0)


@pytest.mark.unit
def test_opening_charge_and_flows():
    assert opening_radiation(0.5, 1273.15, 298.15, 0.7) == approx(
        5.670374419e-8 * 0.7 * 0.5 * (1273.15 ** 4 - 298.15 ** 4), rel=1e-14)
    q, m = opening_leakage(0.1, 10.0, 1273.15)
    rho = 101325 * 0.0288 / (8.314462618 * 1273.15)
    assert m == approx(0.61 * 0.1 * math.sqrt(2 * rho * 10.0), rel=1e-12)
    assert q == approx(m * 1140.0 * 975.0, rel=1e-12)
    # aluminium melting: cp_s 0.90 kJ/kgK to 933 K, latent 397 kJ/kg, liquid 1.18 kJ/kgK to 1023 K
    # (Incropera Table A.1 / CRC values as typical inputs): hand sum
    per_kg = 900 * (933 - 298) + 397e3 + 1180 * (1023 - 933)
    assert charge_heat(1.0, 298.0, 1023.0, 900.0, 933.0, 397e3, 1180.0) == approx(per_kg, rel=1e-14)
    assert float(flow_heat(2.0, 293.15, 313.15, 4180.0)) == approx(2 * 4180 * 20)
    with raises(ValueError, match="outlet_temperature"):
        charge_heat(1.0, 500.0, 400.0, 900.0)


@pytest.mark.component
def test_furnace_summary_balance_and_electric_equivalent():
    fb = FurnaceBalance("pipeline_gas", 0.021, F(2000.0), F(1000.0), 288.7)
    s = fb.summary(charge=1.0e6, walls=4.0e4, openings=2.0e4, cooling_water=3.0e4)
    assert s.net_heat == approx(1.09e6)
    assert s.fuel_input == approx(1.09e6 / s.available_heat, rel=1e-14)
    assert sum(s.shares.values()) == approx(1.0, rel=1e-12)
    assert s.energy_residual == approx(0.0, abs=1e-6)
    assert s.electric_equivalent == approx(1.09e6 / 0.95)
    assert electric_equivalent(1e6, "induction") == approx(1e6 / 0.7)


@pytest.mark.unit
def test_unburned_carbon_loss():
    # ASME PTC 4 sec. 5-14.2.1: a c/(1-c) x 14,500 Btu/lb / HHV
    fuel = Fuel.from_name("bituminous_coal")
    hand = 0.12 * 0.10 / 0.90 * 14500 * 2326.0 / fuel.vector[K.F_HHV]
    assert unburned_carbon_loss(fuel, 0.10, 0.12) == approx(hand, rel=1e-14)
    assert unburned_carbon_loss(fuel, 0.0, 0.12) == 0.0
    with raises(ValueError, match="carbon_in_ash must be in"):
        unburned_carbon_loss(fuel, 1.0)
