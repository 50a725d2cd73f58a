"""The EAF furnace as a flowsheet unit feeding post-combustion, scrap preheating and a
waste-heat boiler in one flowsheet; its per-heat balance is the furnace model's, unchanged."""
import dataclasses

import pytest
from pytest import approx

from procsim.flowsheet import Flowsheet
from procsim.stream import Stream
from procsim.thermo.gas import AIR_DRY, GasMixture
from units.eaf import ElectricArcFurnace
from units.eaf.recovery import OffGasPostCombustion, ScrapPreheater, WasteHeatBoiler
from units.eaf.unit import EAFUnit, charge_stream

pytestmark = pytest.mark.integration

CHARGE = {"scrap_hms": 80e3, "scrap_shredded": 30e3, "lime": 4.0e3, "injection_carbon": 1.2e3,
          "electrode": 0.18e3}


def _eaf():
    furnace = ElectricArcFurnace()
    return furnace, EAFUnit("eaf", furnace, n_charges=len(CHARGE), lance_oxygen=4.0e3)


def _flowsheet(feedwater_flow):
    furnace, eaf = _eaf()
    t = furnace.tap_to_tap_time
    hb = furnace.balance(CHARGE, lance_oxygen=4.0e3)
    n_o2 = 0.5 * (hb.off_gas_moles.get("CO", 0.0) + hb.off_gas_moles.get("H2", 0.0)) / t   # mol/s
    air = GasMixture(AIR_DRY)
    air_flow = 1.2 * n_o2 / air.mole_fractions["O2"] * air.molar_mass                     # kg/s, 20 % excess
    fs = Flowsheet("eaf recovery")
    fs.add(eaf)
    fs.add(OffGasPostCombustion("post"))
    fs.add(ScrapPreheater(100e3, heat_share=0.3, tap_to_tap_time=t, name="preheat"))
    fs.add(WasteHeatBoiler(1.3e6, name="whb"))
    for i, (n, m) in enumerate(CHARGE.items()):
        fs.feed(f"eaf.charge_in{i + 1}", charge_stream(n, m, t))
    fs.connect("eaf.off_gas_out", "post.off_gas_in")
    fs.feed("post.air_in", Stream(air, 298.15, 101325.0, air_flow))
    fs.connect("post.gas_out", "preheat.off_gas_in")
    fs.connect("preheat.off_gas_out", "whb.gas_in")
    fs.feed("whb.feedwater_in", Stream("Water", 378.15, 1.5e6, feedwater_flow))
    return fs, hb


def test_eaf_flowsheet_closes_and_keeps_the_heat_balance():
    fs, hb = _flowsheet(1.0)
    sol = fs.solve()
    # the per-heat balance through the unit is the furnace model's own (same call, same numbers)
    hb_unit = sol.units["eaf"].heat_balance
    for f in dataclasses.fields(hb):
        a, b = getattr(hb, f.name), getattr(hb_unit, f.name)
        if isinstance(a, float):
            # charge masses pass through kg/s and back (m / t * t): round-off only
            assert b == approx(a, rel=1e-9, abs=1e-12 * hb.total_input), f.name
    assert sol.units["eaf"].electric_power == approx(hb.electricity / hb.tap_to_tap_time, rel=1e-12)
    for unit in ("eaf", "post", "preheat", "whb"):
        row = sol.balances.loc[unit]
        assert row["mass_relative"] <= 1e-9 and row["energy_relative"] <= 1e-9, unit
    assert sol.overall["energy_relative"] <= 1e-9
    # the oxygen is drawn by the furnace across the boundary
    assert sol.stream("eaf.gas_in").mass_flow == approx(4.0e3 / hb.tap_to_tap_time, rel=1e-3)
    # the off-gas port carries the balance's off-gas
    assert sol.stream("eaf.off_gas_out").mass_flow == approx(hb.off_gas_mass / hb.tap_to_tap_time, rel=1e-12)


def test_waste_heat_boiler_pinch_over_the_whole_profile():
    fs, _ = _flowsheet(1.0)
    sol = fs.solve()
    whb = WasteHeatBoiler(1.3e6, name="whb")
    gas, fw = sol.stream("whb.gas_in"), sol.stream("whb.feedwater_in")
    m_max = whb.max_feedwater_flow(gas, fw)
    # at the pinch-limited flow the smallest approach anywhere is the pinch (here at the
    # economiser's cold end: a small, hot gas flow), 1e-6 below it by 0.0015 K or so
    r = whb.solve({"gas_in": gas, "feedwater_in": fw.with_(mass_flow=(1.0 - 1e-6) * m_max)}).result
    assert r.min_approach == approx(20.0, abs=0.01) and r.min_approach >= 20.0 - 1e-6
    assert r.min_approach <= r.pinch_temperature_difference + 1e-9
    with pytest.raises(ValueError, match="pinch violated"):
        whb.solve({"gas_in": gas, "feedwater_in": fw.with_(mass_flow=1.01 * m_max)})


def test_eaf_to_orc_in_one_flowsheet():
    # the same furnace and post-combustion, the off-gas cooled by dilution air to 300 C and
    # driving a cyclopentane ORC (the EAF-to-ORC plant of seed case 3, now in one flowsheet)
    from units.basic import Mixer
    from units.orc import ORC
    from units.orc.unit import ORCUnit

    fs, hb = _flowsheet(1.0)
    t = hb.tap_to_tap_time
    fs2 = Flowsheet("eaf orc")
    for name in ("eaf", "post"):
        fs2.add(fs.units[name])
    for i, (n, m) in enumerate(CHARGE.items()):
        fs2.feed(f"eaf.charge_in{i + 1}", charge_stream(n, m, t))
    fs2.connect("eaf.off_gas_out", "post.off_gas_in")
    fs2.feed("post.air_in", fs._feeds[("post", "air_in")])
    post_gas = fs.solve().stream("post.gas_out")
    # dilution air to bring the gas to about 300 C before the ORC's gas cooler
    air = GasMixture(AIR_DRY)
    cp_ratio = (post_gas.h - post_gas.material.h(573.15)) / (air.h(573.15) - air.h(298.15))
    fs2.add(Mixer("dilution"))
    fs2.connect("post.gas_out", "dilution.fluid_in1")
    fs2.feed("dilution.fluid_in2", Stream(air, 298.15, 101325.0, post_gas.mass_flow * cp_ratio))
    orc = ORC("Cyclopentane", evaporating_temperature=453.15, condensing_temperature=318.15, superheat=5.0,
              source_minimum_outlet_temperature=393.15)
    fs2.add(ORCUnit("orc", orc))
    fs2.connect("dilution.fluid_out", "orc.source_in")
    fs2.feed("orc.cooling_in", Stream("Water", 298.15, 3.0e5, 150.0))
    sol = fs2.solve()
    assert sol.stream("orc.source_in").T == approx(573.15, abs=0.5)
    assert sol.units["orc"].net_power > 0.0
    for unit in ("eaf", "post", "dilution", "orc"):
        row = sol.balances.loc[unit]
        assert row["mass_relative"] <= 1e-9 and row["energy_relative"] <= 1e-9, unit
    assert sol.units["eaf"].heat_balance.electricity == approx(hb.electricity, rel=1e-9)


def test_scrap_preheated_by_the_furnace_off_gas_is_a_recycle():
    # the heavy scrap passes the preheater on its way to the furnace whose off-gas heats it
    from units.eaf import material

    furnace, eaf = _eaf()
    t = furnace.tap_to_tap_time
    fs, hb_cold = _flowsheet(1.0)
    fs2 = Flowsheet("eaf with scrap preheating")
    fs2.add(eaf)
    fs2.add(fs.units["post"])
    fs2.add(ScrapPreheater(80e3, heat_share=0.3, tap_to_tap_time=t, name="preheat", scrap_ports=True))
    cold = charge_stream("scrap_hms", 80e3, t)
    fs2.feed("preheat.scrap_in", cold)
    fs2.connect("preheat.scrap_out", "eaf.charge_in1")
    for i, (n, m) in enumerate(CHARGE.items()):
        if i:
            fs2.feed(f"eaf.charge_in{i + 1}", charge_stream(n, m, t))
    fs2.connect("eaf.off_gas_out", "post.off_gas_in")
    fs2.feed("post.air_in", fs._feeds[("post", "air_in")])
    fs2.connect("post.gas_out", "preheat.off_gas_in")
    fs2.guess("eaf.charge_in1", cold)
    sol = fs2.solve(tol=1e-12)
    t_scrap = sol.stream("eaf.charge_in1").T
    assert 400.0 < t_scrap < 1200.0
    for unit in ("eaf", "post", "preheat"):
        row = sol.balances.loc[unit]
        assert row["mass_relative"] <= 1e-9 and row["energy_relative"] <= 1e-9, unit
    # the furnace balance with that scrap temperature, computed directly
    charge = dict(CHARGE)
    del charge["scrap_hms"]
    direct = furnace.balance({material("scrap_hms").with_temperature(t_scrap): 80e3, **charge}, lance_oxygen=4.0e3)
    assert sol.units["eaf"].heat_balance.electricity == approx(direct.electricity, rel=1e-9)
    # preheating saves electricity: what the scrap took up, less nothing else (same off-gas)
    saved = hb_cold.electricity - direct.electricity
    assert saved == approx(sol.units["preheat"].heat_to_scrap, rel=1e-6)
