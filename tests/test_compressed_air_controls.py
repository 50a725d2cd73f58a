"""Compressor capacity controls across the whole capacity range, below the unload point included.

Each control is checked on a grid of flow fractions from 0 to 1 against

* published part-load curves: the DOE / Compressed Air Challenge Sourcebook control curves
  (U.S. DOE, *Improving Compressed Air System Performance: A Sourcebook for Industry*, 2003,
  Fact Sheet "Compressed Air System Controls"; the AIRMaster+ defaults quoted in
  shared/reference/facts.md sec. 2.4) and the MEASUR (ORNL AMO-Tools-Suite) compressor
  calculator test cases ID 629, 701, 728 and 737, whose inputs and printed results are
  transcribed below;
* the ideal load/unload line written out by hand (infinite storage: power interpolates
  linearly between the unloaded power and the loaded power at the unload point);
* a time-domain integration, written here, of the receiver pressure while the unit cycles
  between loaded and unloaded (isothermal receiver, loaded power following the discharge
  pressure, exponential blow-down after unloading), averaged over one periodic cycle.

None of the reference values is taken from the model's own output.
"""
import math

import numpy as np
import pytest
from pytest import approx

from units.compressed_air import Compressor, discharge_pressure_factor

pytestmark = pytest.mark.unit

PSI = 6894.757293168          # Pa per psi (NIST SP 811)
CFM = 0.028316846592 / 60.0   # m3/s per ft3/min
FT3 = 0.028316846592          # m3 per ft3
KW = 1e3
P_REF = 100e3                 # ISO 1217 reference pressure [Pa] the receiver storage is counted at

#: flow fractions covering the whole range, below every unload point in use here
GRID = np.round(np.linspace(0.0, 1.0, 41), 10)


def psig(x):
    return x * PSI + 101325.0


def _cycle_average(c, demand, loaded_fraction, loaded_power_at, n_steps=4000):
    """Mean power [W] over one periodic load/unload cycle, stepped in time by hand.

    The unit delivers ``loaded_fraction`` of rated flow until the receiver pressure climbs
    from the load (rated) to the unload (max) pressure, then delivers nothing while the
    demand (fraction ``demand``) drains it back. Isothermal receiver: dp/dt =
    (p_ref / V) (Q_in - Q_demand). Loaded power follows the instantaneous discharge
    pressure; after unloading it decays from its cut-out value to the unloaded power as
    exp(-t / tau). Trapezoidal rule on ``n_steps`` steps per phase; the crossing of each
    pressure limit is located within the last step by linear interpolation.
    """
    q = c.rated_flow
    k = P_REF / c.receiver_volume
    p_lo, p_hi = c.rated_pressure, c.max_pressure
    # loaded phase
    rate = k * (loaded_fraction - demand) * q
    dt = (p_hi - p_lo) / rate / n_steps
    p, t, energy = p_lo, 0.0, 0.0
    while True:
        p_next = p + rate * dt
        if p_next >= p_hi:
            h = (p_hi - p) / rate
            energy += 0.5 * (loaded_power_at(p) + loaded_power_at(p_hi)) * h
            t += h
            break
        energy += 0.5 * (loaded_power_at(p) + loaded_power_at(p_next)) * dt
        p, t = p_next, t + dt
    # unloaded phase: blow-down from the cut-out power
    p_start = loaded_power_at(p_hi)
    fall = k * demand * q
    dt = (p_hi - p_lo) / fall / n_steps
    tau = c.blowdown_tau

    def unloaded(s):
        return c.no_load_power + (p_start - c.no_load_power) * (math.exp(-s / tau) if tau > 0 else 0.0)

    p, s = p_hi, 0.0
    while True:
        p_next = p - fall * dt
        if p_next <= p_lo:
            h = (p - p_lo) / fall
            energy += 0.5 * (unloaded(s) + unloaded(s + h)) * h
            s += h
            break
        energy += 0.5 * (unloaded(s) + unloaded(s + dt)) * dt
        p, s = p_next, s + dt
    return energy / (t + s)


def _pressure_ramp(c, p_at_rated):
    """Loaded power at discharge pressure p, scaled from its value at the rated pressure by
    the isentropic work ratio (discharge_pressure_factor: DOE/CAC '1 % per 2 psi' rule)."""
    return lambda p: p_at_rated * float(discharge_pressure_factor(p, c.rated_pressure, c.inlet_pressure,
                                                                  c.stages))


# ---------------------------------------------------------------------------- published curves
def test_inlet_modulation_doe_line_whole_range():
    # DOE/CAC: inlet modulation saves only about 3 % power per 10 % flow, 70 % of full-load
    # power at zero flow (AIRMaster+ default; R. Marshall, Plant Services 2015) and about 85 %
    # at 50 % flow (aircompressorzone.com reading the DOE curve): P/Pfl = 0.70 + 0.30 c.
    c = Compressor("modulation", 0.5, 100 * KW)
    expected = [(0.70 + 0.30 * x) * 100 * KW for x in GRID]
    np.testing.assert_allclose(c.power(GRID * 0.5), expected, rtol=1e-12)
    assert c.power(0.25) == approx(85 * KW, rel=1e-12)


def test_modulation_with_unloading_measur_737():
    # MEASUR test case ID 737, lubricant-injected two-stage screw, inlet modulation with
    # unloading: 1167 acfm at 140 psig full load, 219.2 kW, no-load 45 kW, noLoadPowerFM 0.65,
    # unload point 50 % (584 acfm) with 180.9 kW at the 150 psig unload pressure, receiver
    # 13 ft3, blow-down 40 s. MEASUR prints 212.3 kW at 91 % airflow (modulation).
    # Below the unload point MEASUR prints 137.41 kW at 9 %; procsim gives 161 kW there. The
    # cycle models differ (MEASUR: sump-pressure reload, modulation while pumping up, a
    # polynomial fit of the cycle curve; procsim: exponential blow-down from the cut-out
    # power) and with this 0.37 m3 receiver (0.5 s of storage) the difference is large, so
    # that point is not asserted; the cycling below the unload point is checked against
    # the hand integration below instead.
    c = Compressor("modulation_unload", 1167 * CFM, 219.2 * KW, no_load_power=45 * KW,
                   zero_flow_power=0.65 * 219.2 * KW, unload_point=0.50, rated_pressure=psig(140),
                   max_pressure=psig(150), receiver_volume=13 * FT3, blowdown_time=40.0, stages=2)
    assert c.power(0.91 * c.rated_flow) == approx(212.3 * KW, rel=5e-4)
    # the modulation line at the unload point: 0.65 + 0.35 x 0.5 = 82.5 % = 180.84 kW (MEASUR 180.9)
    assert c.power(0.50 * c.rated_flow) == approx(180.9 * KW, rel=5e-4)
    # just below it the unit cycles from that power (ramped over the 10 psi band), never from
    # the modulation line at the demand
    f_cut = float(discharge_pressure_factor(c.max_pressure, c.rated_pressure, c.inlet_pressure, 2))
    ref = _cycle_average(c, 0.09, 0.50, _pressure_ramp(c, 180.84 * KW))
    assert c.power(0.09 * c.rated_flow) == approx(ref, rel=2e-4)
    assert 180.84 * KW * (1 + f_cut) / 2 > c.power(0.09 * c.rated_flow) > 137.41 * KW


def test_variable_displacement_measur_728():
    # MEASUR ID 728: 1390 acfm at 100 psig, 219.2 kW, no-load 45 kW, noLoadPowerFM 0.57,
    # unload point 40 % (140 kW at the 110 psig unload pressure), receiver 13.4 ft3, 40 s
    # blow-down, two stages; 204.71 kW at 92 %. (MEASUR's 125 kW at 9 % is its own cycle
    # model, see the 737 case; procsim gives 131 kW.)
    c = Compressor("variable_displacement", 1390 * CFM, 219.2 * KW, no_load_power=45 * KW,
                   zero_flow_power=0.57 * 219.2 * KW, unload_point=0.40, rated_pressure=psig(100),
                   max_pressure=psig(110), receiver_volume=13.4 * FT3, blowdown_time=40.0, stages=2)
    assert c.power(0.40 * c.rated_flow) == approx(140.0 * KW, rel=5e-4)
    assert c.power(0.92 * c.rated_flow) == approx(204.71 * KW, rel=5e-4)
    p_ul = 0.57 * 219.2 * KW + 0.43 * 219.2 * KW * 0.40 ** 2
    ref = _cycle_average(c, 0.09, 0.40, _pressure_ramp(c, p_ul))
    assert c.power(0.09 * c.rated_flow) == approx(ref, rel=2e-4)


def test_start_stop_measur_629_whole_range():
    # MEASUR ID 629 start/stop: P = c (Pfl + Pcut) / 2 with 85.4 kW at 100 psig and 90.1 kW at
    # the 110 psig cut-out; 35 % airflow prints 30.71 kW. Zero when stopped.
    c = Compressor("start_stop", 535 * CFM, 85.4 * KW, rated_pressure=psig(100), max_pressure=psig(110),
                   cut_out_power=90.1 * KW)
    np.testing.assert_allclose(c.power(GRID * c.rated_flow), GRID * (85.4 + 90.1) / 2 * KW, rtol=1e-12,
                               atol=1e-9)
    assert c.power(0.35 * c.rated_flow) == approx(30.71 * KW, rel=5e-4)


def test_load_unload_doe_adequate_storage_point():
    # DOE Sourcebook load/unload curves: with adequate storage (10 gal/cfm) power at 50 %
    # capacity is about 55-62 % of full load for 15-20 % unloaded power; the ideal
    # (infinite-storage) curve is the straight line from the unloaded power to full load.
    # Checked here against that line written by hand, with the loaded power averaged over
    # the default 0.5 bar band: (Pfl + Pcut) / 2.
    c = Compressor("load_unload", 1.0, 100.0, no_load_power=20.0, blowdown_time=0.0)
    f_cut = float(discharge_pressure_factor(c.max_pressure, c.rated_pressure))
    p_l = 100.0 * (1 + f_cut) / 2
    below = GRID[GRID < 1.0]
    np.testing.assert_allclose(c.power(below), 20.0 + (p_l - 20.0) * below, rtol=1e-12)
    assert c.power(1.0) == approx(100.0, rel=1e-15)
    assert 0.55 <= c.power(0.5) / 100.0 <= 0.62


# ---------------------------------------------------------------------------- ideal cycling, by hand
@pytest.mark.parametrize("control,unload_point", [("modulation_unload", 0.60), ("modulation_unload", 0.40),
                                                  ("variable_displacement", 0.40), ("vfd", 0.30)])
def test_cycling_below_unload_point_ideal_storage_by_hand(control, unload_point):
    # Infinite storage (instant blow-down): below the unload / turn-down point the unit
    # alternates between its loaded state at that point and unloaded, so power is the
    # straight line from the unloaded power (c = 0) to the loaded power at the unload point,
    # the loaded power averaged over the pressure band: P_u + (P_L (1 + f_cut)/2 - P_u) c/c_u.
    pfl, pnl, pz = 100.0, 20.0, 70.0
    kw = {"vfd": dict(turn_down=unload_point, turndown_power=0.36 * pfl)}.get(
        control, dict(unload_point=unload_point, zero_flow_power=pz))
    c = Compressor(control, 1.0, pfl, no_load_power=pnl, blowdown_time=0.0, **kw)
    # loaded power at the unload point, from the published curve of each control
    p_l = {"modulation_unload": pz + (pfl - pz) * unload_point,            # DOE / MEASUR linear
           "variable_displacement": pz + (pfl - pz) * unload_point ** 2,   # MEASUR exponent 2
           "vfd": 0.36 * pfl}[control]                                     # data-sheet turn-down
    f_cut = float(discharge_pressure_factor(c.max_pressure, c.rated_pressure))
    below = GRID[GRID < unload_point]
    expected = pnl + (p_l * (1 + f_cut) / 2 - pnl) * below / unload_point
    np.testing.assert_allclose(c.power(below), expected, rtol=1e-12)
    # at the unload point the unit holds its steady loaded power
    assert c.power(unload_point) == approx(p_l, rel=1e-12)
    # just below it the cycling average tends to the band-averaged loaded power
    assert c.power(unload_point * (1 - 1e-9)) == approx(p_l * (1 + f_cut) / 2, rel=1e-6)


def test_modulation_with_unloading_default_curve_doe():
    # The DOE/AIRMaster+ "modulation with unloading" curve with the packaged defaults: inlet
    # modulation along 70 % + 30 % c down to the unload point (about 60 % capacity, Plant
    # Services 2006), where it reaches 88 % of full-load power, then load/unload to the 20 %
    # unloaded power (Energies 2021 14 8395). Ideal storage: straight line below 60 %.
    c = Compressor("modulation_unload", 1.0, 100.0, blowdown_time=0.0)
    assert (c.low_point, c.zero_flow_power, c.no_load_power) == (0.60, 70.0, 20.0)
    f_cut = float(discharge_pressure_factor(c.max_pressure, c.rated_pressure))
    for x in GRID:
        if x >= 0.60:
            want = 70.0 + 30.0 * x
        else:
            want = 20.0 + (88.0 * (1 + f_cut) / 2 - 20.0) * x / 0.60
        assert c.power(x) == approx(want, rel=1e-12), x
    # 0.3 of capacity: halfway down the load/unload line, about 54 % power
    assert c.power(0.30) == approx(0.5 * (20.0 + 88.0 * (1 + f_cut) / 2), rel=1e-12)


# ---------------------------------------------------------------------------- time-domain integration
_RECEIVER = dict(receiver_volume=3.0, pressure_band=0.5e5, blowdown_time=30.0)


@pytest.mark.parametrize("demand", [0.05, 0.2, 0.4, 0.6, 0.8, 0.95])
def test_load_unload_whole_range_time_domain(demand):
    c = Compressor("load_unload", 0.5, 200e3, no_load_power=40e3, **_RECEIVER)
    ref = _cycle_average(c, demand, 1.0, _pressure_ramp(c, 200e3))
    # the kernel averages the loaded power linearly over the band; the isentropic ratio is
    # slightly concave in pressure: < 1e-4 of power apart
    assert c.power(demand * c.rated_flow) == approx(ref, rel=2e-4)


@pytest.mark.parametrize("demand", [0.05, 0.15, 0.3, 0.45, 0.55])
def test_modulation_with_unloading_below_unload_point_time_domain(demand):
    # below the 60 % unload point the unit cycles between the modulation-line power AT THE
    # UNLOAD POINT (not at the demand) and unloaded
    c = Compressor("modulation_unload", 0.5, 200e3, no_load_power=40e3, zero_flow_power=140e3,
                   unload_point=0.60, **_RECEIVER)
    p_unload_point = 140e3 + 60e3 * 0.60
    ref = _cycle_average(c, demand, 0.60, _pressure_ramp(c, p_unload_point))
    assert c.power(demand * c.rated_flow) == approx(ref, rel=2e-4)


@pytest.mark.parametrize("demand", [0.05, 0.2, 0.35])
def test_variable_displacement_below_unload_point_time_domain(demand):
    c = Compressor("variable_displacement", 0.5, 200e3, no_load_power=40e3, zero_flow_power=114e3,
                   unload_point=0.40, **_RECEIVER)
    p_unload_point = 114e3 + 86e3 * 0.40 ** 2
    ref = _cycle_average(c, demand, 0.40, _pressure_ramp(c, p_unload_point))
    assert c.power(demand * c.rated_flow) == approx(ref, rel=2e-4)


@pytest.mark.parametrize("demand", [0.05, 0.15, 0.25])
def test_vfd_below_turn_down_time_domain(demand):
    c = Compressor("vfd", 0.5, 200e3, no_load_power=40e3, turn_down=0.30, turndown_power=66e3, **_RECEIVER)
    ref = _cycle_average(c, demand, 0.30, _pressure_ramp(c, 66e3))
    assert c.power(demand * c.rated_flow) == approx(ref, rel=2e-4)


def test_steady_controls_above_unload_point_whole_range():
    # above the unload / turn-down point no unit cycles: the published steady curves
    pfl = 200e3
    mu = Compressor("modulation_unload", 1.0, pfl, zero_flow_power=140e3, unload_point=0.6)
    vd = Compressor("variable_displacement", 1.0, pfl, zero_flow_power=114e3, unload_point=0.4)
    vfd = Compressor("vfd", 1.0, pfl, turn_down=0.3, turndown_power=66e3)
    for x in GRID:
        if x >= 0.6:
            assert mu.power(x) == approx(140e3 + 60e3 * x, rel=1e-12), x
        if x >= 0.4:
            assert vd.power(x) == approx(114e3 + 86e3 * x * x, rel=1e-12), x
        if x >= 0.3:
            # VSD: linear from the turn-down point to full load (Energies 2021 14 8395; CAGI VSD sheets)
            assert vfd.power(x) == approx(66e3 + (pfl - 66e3) * (x - 0.3) / 0.7, rel=1e-12), x


def test_modulation_with_unloading_storage_effect_below_unload_point():
    # DOE Sourcebook control curves: below the unload point more storage lowers the power
    # (curves for 1, 3, 5 and 10 gal/cfm), towards the ideal straight line; with the 1 gal/cfm
    # default, unloading beats continued modulation from about 2/3 of the unload point down
    # (at 0.4-0.6 the short cycles keep it near the loaded power, as the Sourcebook warns).
    gal_per_cfm = 3.785411784e-3 / (0.028316846592 / 60.0)   # m3 of receiver per m3/s of flow
    mod = Compressor("modulation", 1.0, 100.0)
    units = [Compressor("modulation_unload", 1.0, 100.0, receiver_volume=g * gal_per_cfm)
             for g in (1, 3, 5, 10, 1e6)]
    f_cut = float(discharge_pressure_factor(units[0].max_pressure, units[0].rated_pressure))
    for x in GRID[(GRID > 0) & (GRID < 0.6)]:
        p = [u.power(x) for u in units]
        assert all(a > b for a, b in zip(p, p[1:])), x
        ideal = 20.0 + (88.0 * (1 + f_cut) / 2 - 20.0) * x / 0.6
        assert p[-1] == approx(ideal, rel=2e-3), x
        assert units[0].no_load_power < p[-1] and p[0] < 88.0 * (1 + f_cut) / 2
        if x <= 0.4:
            assert p[0] < mod.power(x), x
    # the 1 gal/cfm unit at 30 % against the hand-integrated cycle
    ref = _cycle_average(units[0], 0.30, 0.60, _pressure_ramp(units[0], 88.0))
    assert units[0].power(0.30) == approx(ref, rel=2e-4)
