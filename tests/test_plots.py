"""Figures: the plotted data against hand computations and CoolProp, and every figure rendered to PNG."""
import CoolProp.CoolProp as CP
import numpy as np
import pytest

from procsim import Stream
from procsim.flowsheet import Flowsheet
from procsim.pinch import targets
from procsim.plots import (boundary_energy_flows, composite_curves, dome_data, energy_flows, energy_sankey,
                           figure_png, format_power, grand_composite_curve, load_duration,
                           load_duration_data, mac_curve, mc_histograms, orc_tq, orc_ts,
                           sequencing_timeline, tornado, tornado_data, ts_diagram, ts_dome)
from procsim.thermo.fluids import Fluid
from units.basic import Heater, Pump
from units.boiler import Boiler

pytestmark = pytest.mark.component

PNG = b"\x89PNG\r\n\x1a\n"


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [ax.get_title() for ax in fig.axes]


def _rendered(fig, categorical_y=False):
    png = figure_png(fig, dpi=60)
    assert png.startswith(PNG) and len(png) > 5000
    for ax in fig.axes:
        if ax.axison:                          # every drawn numeric axis names its unit
            shared_x = ax.get_shared_x_axes().get_siblings(ax)
            assert any("[" in a.get_xlabel() for a in shared_x), ax.get_xlabel()
            assert categorical_y or "[" in ax.get_ylabel(), ax.get_ylabel()
    return png


def test_boundary_flows_close_for_a_heated_pump_line():
    fs = Flowsheet("line")
    fs.add(Pump("p", 5e5, 0.7))
    fs.add(Heater("h", 350.0))
    fs.connect("p.outlet", "h.inlet")
    fs.feed("p.inlet", Stream("Water", 300.0, 1e5, 2.0))
    flows = boundary_energy_flows(fs.solve())
    assert sum(flows.values()) == pytest.approx(0.0, abs=1e-6 * sum(abs(v) for v in flows.values()))
    # product energy above the dead state = 2 kg/s * (h(350 K, 5 bar) - h(298.15 K, 1 atm))
    h = CP.PropsSI("H", "T", 350.0, "P", 5e5, "IF97::Water") - CP.PropsSI("H", "T", 298.15, "P", 101325, "IF97::Water")
    assert flows["out: h.fluid_out"] == pytest.approx(-2.0 * h, rel=1e-9)
    _rendered(energy_sankey(fs.solve()))


def test_boiler_sankey_splits_fuel_and_hides_formation_enthalpy():
    b, inlets = Boiler.example()
    r = b.solve(inlets).result
    flows = energy_flows((b, inlets))
    assert flows["Fuel input (HHV)"] == pytest.approx(r.fuel_input_hhv, rel=1e-12)
    # useful heat + stack + blowdown + radiation + other = fuel input (air at the 25 C reference: no credit)
    assert sum(flows.values()) == pytest.approx(0.0, abs=1e-9 * r.fuel_input_hhv)
    # blowdown loss, independently: 5 % of 1.9 kg/s feedwater leaves as saturated liquid at
    # 11.01325 bar; feedwater 105 C at 13 bar (IAPWS-IF97 through CoolProp)
    h_l = CP.PropsSI("H", "P", 1101325.0, "Q", 0, "IF97::Water")
    h_fw = CP.PropsSI("H", "P", 1.3e6, "T", 378.15, "IF97::Water")
    assert -flows["Blowdown"] == pytest.approx(0.05 * 1.9 * (h_l - h_fw), rel=1e-6)
    assert -flows["Radiation and convection"] == pytest.approx(r.radiation_loss, rel=1e-12)
    fig = energy_sankey(Boiler.example())
    texts = " ".join(_texts(fig))
    assert "formation" not in texts and "e+" not in texts
    assert "5.15 MW" in texts and "Stack" in texts and "Blowdown" in texts
    _rendered(fig)


def test_format_power_picks_readable_units():
    assert format_power(5.149e6) == "5.15 MW"
    assert format_power(32_300.0) == "32.3 kW"
    assert format_power(412_400.0) == "412 kW"


def test_composite_curves_mark_kemp_four_stream_targets():
    # Kemp (2007), Pinch Analysis and Process Integration, 2nd ed., sec. 2.2: four streams,
    # dTmin 10 K -> hot utility 20 kW, cold utility 60 kW, pinch 90 C hot / 80 C cold
    t = targets([(443.15, 333.15, 3.0e3), (423.15, 303.15, 1.5e3),
                 (293.15, 408.15, 2.0e3), (353.15, 413.15, 4.0e3)], 10.0)
    fig = composite_curves(t)
    texts = " ".join(_texts(fig))
    assert "hot utility\n20 kW" in texts and "cold utility\n60 kW" in texts
    assert "90.0 °C hot / 80.0 °C cold" in texts
    _rendered(fig)
    g = grand_composite_curve(t)
    assert "pinch 85.0 °C (shifted)" in " ".join(_texts(g))
    _rendered(g)


def test_ts_dome_is_closed_through_the_critical_point():
    s, T = dome_data(Fluid("R245fa"), n=30)
    tc = CP.PropsSI("Tcrit", "HEOS::R245fa")
    assert T.max() == pytest.approx(tc, rel=1e-12)
    k = int(np.argmax(T))
    # neighbours of the critical point are within 1e-6 Tc: the two branches meet there
    assert abs(s[k - 1] - s[k + 1]) < 0.02 * s[k]
    i = 5
    assert s[-1 - i] == pytest.approx(CP.PropsSI("S", "T", T[i], "Q", 1, "HEOS::R245fa"), rel=1e-9)
    assert s[i] == pytest.approx(CP.PropsSI("S", "T", T[i], "Q", 0, "HEOS::R245fa"), rel=1e-9)
    _rendered(ts_dome("R245fa", n=20))


def test_steam_rankine_ts_numbers_every_state():
    w = "IF97::Water"
    p_hi, p_lo = 40e5, 0.1e5
    h1 = CP.PropsSI("H", "P", p_lo, "Q", 0, w)
    h2 = h1 + (p_hi - p_lo) / CP.PropsSI("D", "P", p_lo, "Q", 0, w)
    h3 = CP.PropsSI("H", "P", p_hi, "T", 723.15, w)
    h4 = CP.PropsSI("H", "P", p_lo, "S", CP.PropsSI("S", "P", p_hi, "T", 723.15, w), w)
    states = [("pump inlet", p_lo, h1), ("boiler inlet", p_hi, h2), ("turbine inlet", p_hi, h3),
              ("turbine outlet", p_lo, h4)]
    fig = ts_diagram("Water", states)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert sorted(labels) == ["1", "2", "3", "4"]
    cells = {c.get_text().get_text() for c in fig.axes[1].tables[0].get_celld().values()}
    assert "450.0" in cells and "turbine inlet" in cells      # 723.15 K
    _rendered(fig)


@pytest.fixture(scope="module")
def orc_result():
    from units.orc import ORC

    return ORC("R245fa", 373.15, 308.15, superheat=5.0).solve(Stream("Water", 423.15, 5e5, 10.0))


def test_orc_ts_and_tq_of_every_exchanger(orc_result):
    r = orc_result
    fig = orc_ts(r)
    numbered = [t.get_text() for t in fig.axes[0].texts]
    ids = sorted(int(i) for lab in numbered for i in lab.split(","))
    assert ids == list(range(1, len(r.states) + 1))
    _rendered(fig)
    tq = orc_tq(r)
    titles = [ax.get_title() for ax in tq.axes]
    assert titles[0].startswith("evaporator") and titles[-1].startswith("condenser")
    # condenser duty on the plot = heat rejected; evaporator pinch = the design's 10 K
    cond = tq.axes[-1].lines[0].get_xdata()
    assert cond.max() * 1e6 == pytest.approx(r.heat_rejected, rel=1e-6)
    assert "ΔTmin 10.0 K" in titles[0]
    _rendered(tq)


def test_load_duration():
    data = load_duration_data([1.0, 3.0, 2.0, 5.0], step_seconds=3600.0)
    assert list(data.load) == [5.0, 3.0, 2.0, 1.0]
    assert list(data.hours) == [1.0, 2.0, 3.0, 4.0]
    assert list(data.to_frame().columns) == ["hours [h]", "load [kW]"]
    with pytest.raises(ValueError, match="step_seconds must be > 0 s"):
        load_duration([1.0], 0.0)
    _rendered(load_duration(np.linspace(100, 500, 200), 3600.0))


def test_sequencing_timeline_shows_each_compressor():
    from units.compressed_air import AirSystem, Compressor, EndUses, Receiver, shift_profile, simulate

    g = lambda bar: bar * 1e5 + 101325.0
    comps = (Compressor("load_unload", 0.4, 150e3, name="A"), Compressor("vfd", 0.3, 120e3, turn_down=0.3, name="V"))
    sysm = AirSystem(comps, Receiver(10.0), EndUses(g(6.0), g(6.5), 0.1), "cascade",
                     ((g(7.0), g(7.5)), (g(7.2), g(7.7))))
    r = simulate(sysm, shift_profile(0.5, days=1, dt=60.0, seed=3), 60.0)
    fig = sequencing_timeline(r, hours=12)
    flow_ax = fig.axes[1]
    # stacked free-air flow at the top of the stack = total compressor flow [m3/min]
    top = flow_ax.collections[-1].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(r.compressor_flow[:720].sum(axis=1).max() * 60.0, rel=1e-9)
    assert flow_ax.get_legend().get_texts()[0].get_text() == "A"
    _rendered(fig)


def test_mac_curve_numbers_bars_cheapest_first():
    from procsim.accounting import Option, compare_options

    res = compare_options({"electricity_kwh": 1.0e6},
                          [Option("leaks", {"electricity_kwh": 9.0e5}, investment=2.0e5),
                           Option("vfd", {"electricity_kwh": 8.5e5}, investment=9.0e5)],
                          year=2024, prices={"electricity_kwh": 4.0})
    fig = mac_curve(res)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend[0].startswith("1  leaks") and legend[1].startswith("2  vfd")
    _rendered(fig)


def test_monte_carlo_histograms_and_tornado():
    from procsim.batch import Normal, Triangular, monte_carlo

    mc = monte_carlo(lambda saving, capex: {"payback": capex / saving},
                     {"saving": Triangular(4e5, 5e5, 6e5), "capex": Normal(1e6, 1e4)}, 5000, seed=1)
    rows = tornado_data(mc, "payback")
    # capex varies 1 %, saving about 8 %: saving drives payback, and a high saving shortens it
    assert rows[0][0] == "saving" and rows[0][2] < rows[0][1]
    assert rows[1][0] == "capex" and rows[1][2] > rows[1][1]
    # the tail means by hand (capex and saving independent): E[capex] E[1/S | S in its 10 % tail]
    # with the triangle's density f = (x - a)/1e10 below the mode, (b - x)/1e10 above it; and
    # E[capex | capex in its tail] = mu -/+ sigma phi(z_0.9)/0.1 (truncated normal) times E[1/S]
    import math
    a, c, b = 4e5, 5e5, 6e5
    q_lo, q_hi = a + math.sqrt(0.1 * 2e10), b - math.sqrt(0.1 * 2e10)
    inv_s_lo = ((q_lo - a) - a * math.log(q_lo / a)) / 1e10 / 0.1
    inv_s_hi = (b * math.log(b / q_hi) - (b - q_hi)) / 1e10 / 0.1
    inv_s = ((c - a) - a * math.log(c / a) + b * math.log(b / c) - (b - c)) / 1e10
    shift = 1e4 * math.exp(-0.5 * 1.2815515655446004 ** 2) / math.sqrt(2 * math.pi) / 0.1
    # 500 samples per tail: inside a saving tail payback spreads ~2 % (SE of the mean ~0.1 %),
    # inside a capex tail ~8 % (the saving's spread; SE ~0.36 %): about 3 SE each
    assert rows[0][1:] == pytest.approx((1e6 * inv_s_lo, 1e6 * inv_s_hi), rel=3e-3)
    assert rows[1][1:] == pytest.approx(((1e6 - shift) * inv_s, (1e6 + shift) * inv_s), rel=1e-2)
    _rendered(tornado(mc, "payback", unit="yr"), categorical_y=True)
    fig = mc_histograms(mc, units={"payback": "yr"})
    p50 = np.percentile(mc.outputs["payback"], 50)
    assert any(f"{p50:,.3g}" in t for t in _texts(fig))
    _rendered(fig)
