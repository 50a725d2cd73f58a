"""Single-effect water/LiBr absorption chiller against the worked cycle of Herold, Radermacher & Klein."""
import CoolProp.CoolProp as CP
import pytest

from units.heat_pump.absorption import (libr_concentration, libr_enthalpy, libr_equilibrium_temperature,
                                        single_effect_cycle)

pytestmark = pytest.mark.component


def test_herold_single_effect_example():
    # K. E. Herold, R. Radermacher, S. A. Klein, Absorption Chillers and Heat Pumps, 2nd ed., CRC
    # Press, 2016, ch. 6 single-effect example (values as widely reproduced from it; the printed
    # table was not re-opened here): 0.673 kPa / 7.445 kPa, absorber outlet 32.7 C, generator
    # outlet 89.9 C, solution HX effectiveness 0.64, weak 56.48 %, strong 62.16 %, weak-solution
    # flow 0.05 kg/s, evaporator duty 10.95 kW, COP 0.736. Herold et al. use a different LiBr
    # property formulation (EES), so concentrations agree to about 0.3 points and COP to ~2 %.
    te = CP.PropsSI("T", "P", 673.0, "Q", 1, "IF97::Water")
    tc = CP.PropsSI("T", "P", 7445.0, "Q", 0, "IF97::Water")
    r = single_effect_cycle(te, tc, 305.85, 363.05, 0.64)
    assert r.weak_fraction == pytest.approx(0.5648, abs=0.004)
    assert r.strong_fraction == pytest.approx(0.6216, abs=0.004)
    assert r.cop == pytest.approx(0.736, rel=0.03)
    assert 0.05 / r.circulation_ratio * r.q_evaporator == pytest.approx(10.95e3, rel=0.03)
    assert r.energy_residual == pytest.approx(0.0, abs=1e-6 * r.q_generator)
    # a better solution heat exchanger raises the COP; none lowers it
    assert single_effect_cycle(te, tc, 305.85, 363.05, 0.8).cop > r.cop > single_effect_cycle(te, tc, 305.85, 363.05, 0.0).cop


def test_correlations_round_trip_and_ranges():
    t = libr_equilibrium_temperature(0.60, 278.15)
    assert libr_concentration(t, 278.15) == pytest.approx(0.60, abs=1e-12)
    # Dühring lines: equilibrium temperature rises with concentration at fixed vapour pressure
    assert libr_equilibrium_temperature(0.62, 278.15) > t
    # enthalpy rises with temperature at fixed concentration, roughly cp 1.9-2.0 kJ/(kg K) at 60 %
    cp = (libr_enthalpy(353.15, 0.6) - libr_enthalpy(343.15, 0.6)) / 10.0
    assert 1.7e3 < cp < 2.2e3
    with pytest.raises(ValueError, match="mass_fraction must be in"):
        libr_enthalpy(350.0, 0.8)
    with pytest.raises(ValueError, match="generator temperature .* is too low"):
        single_effect_cycle(278.15, 313.15, 313.15, 340.15)
