"""Hostile-input survey: feed bad inputs to every public entry point and classify the outcome.

Each case is a call that must be refused. It is run in a forked worker process with a
time limit and classified as

``clear``   a ``ValueError`` (for the CLI: exit code 2 and one line on stderr, no traceback)
            whose message names the expected parameter (or file) and is at most 2,000
            characters long; also Python's own ``TypeError`` for an unknown keyword argument
            (a wrong call, not a wrong value: it names the argument), and a unit's programming
            error inside a flowsheet that keeps its type and carries a note naming the unit;
``vague``   any other exception, a message that does not name the parameter, or an
            unbounded message;
``silent``  a result came back for impossible input;
``hang``    no answer within the time limit (the worker is killed and restarted).

Run ``python benchmarks/hostile_inputs.py`` for the table per family (``--json FILE`` to
keep it, ``--show KIND`` to list the cases of one kind, ``--family NAME`` to run one family).
The cases are data: :data:`CASES` holds (family, label, expected name, thunk). The generated
part (every numeric parameter of every unit model's ``example()``) comes from
:func:`unit_parameter_cases`, shared with ``tests/test_unit_models.py``.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import multiprocessing as mp
import os
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAX_MESSAGE = 2000
TIMEOUT = 30.0
CASES: list = []


def case(family, label, expect):
    """Register a thunk as a hostile case; ``expect`` is the name the error must contain."""
    def deco(fn):
        CASES.append((family, label, expect, fn))
        return fn
    return deco


def add(family, label, expect, fn):
    CASES.append((family, label, expect, fn))


NAN, INF = float("nan"), float("inf")
HUGE_INT = 10 ** 400

# ----------------------------------------------------------------------------- quantities


def _q():
    from procsim import quantities
    return quantities


for _label, _args, _kw, _exp in [
    ("negative gauge pressure below vacuum", ("-2 bar(g)", "pressure"), {}, "pressure"),
    ("negative kelvin", ("-5 K", "temperature"), {}, "temperature"),
    ("below absolute zero degC", ("-300 degC", "temperature"), {}, "temperature"),
    ("zero kelvin", ("0 K", "temperature"), {}, "temperature"),
    ("negative absolute pressure", ("-1 bar(a)", "pressure"), {}, "pressure"),
    ("ambient nan", ("8 bar(g)", "pressure"), {"ambient": NAN}, "ambient"),
    ("ambient inf", ("8 bar(g)", "pressure"), {"ambient": INF}, "ambient"),
    ("ambient negative", ("8 bar(g)", "pressure"), {"ambient": -1.0}, "ambient"),
    ("ambient text", ("8 bar(g)", "pressure"), {"ambient": "1 atm"}, "ambient"),
    ("plain negative temperature", (-5.0, "temperature"), {}, "temperature"),
    ("plain negative pressure", (-5.0, "pressure"), {}, "pressure"),
    ("huge integer", (HUGE_INT, "power"), {}, "power"),
    ("bool", (True, "power"), {}, "power"),
    ("nan string", ("nan degC", "temperature"), {}, "temperature"),
    ("inf gauge", ("inf bar(g)", "pressure"), {}, "pressure"),
    ("1e400 kelvin", ("1e400 K", "temperature"), {}, "temperature"),
    ("None", (None, "power"), {}, "power"),
    ("list", ([1, 2], "power"), {}, "power"),
    ("unknown kind", ("5 kW", "powr"), {}, "kind"),
    ("wrong dimension", ("5 kg", "power"), {}, "power"),
    ("bare bar", ("8 bar", "pressure"), {}, "pressure"),
    ("gibberish", ("hot", "temperature"), {}, "temperature"),
    ("expression injection", ("__import__('os').getcwd()", "power"), {}, "power"),
    ("very long string", ("1" * 100_000 + " kW", "power"), {}, "power"),
]:
    add("quantities", f"to_si {_label}", _exp,
        (lambda a=_args, k=_kw: _q().to_si(*a, **k)))

for _label, _args, _kw, _exp in [
    ("unknown unit barz", (1e5, "barz"), {}, "barz"),
    ("nan value", (NAN, "kW"), {}, "value"),
    ("wrong-dimension unit", (1e5, "kg"), {}, "kg") if False else ("empty unit", (1.0, ""), {}, "unit"),
    ("ambient nan gauge", (2e5, "bar(g)"), {"ambient": NAN}, "ambient"),
    ("bool value", (True, "kW"), {}, "value"),
    ("text value", ("5", "kW"), {}, "value"),
]:
    add("quantities", f"from_si {_label}", _exp,
        (lambda a=_args, k=_kw: _q().from_si(*a, **k)))

# ----------------------------------------------------------------------------- validation


def _v():
    from procsim import validation
    return validation


for _label, _fn, _exp in [
    ("as_float bool", lambda: _v().as_float("flow", True), "flow"),
    ("as_float huge int", lambda: _v().as_float("flow", HUGE_INT), "flow"),
    ("as_float nan", lambda: _v().as_float("flow", NAN), "flow"),
    ("as_float complex", lambda: _v().as_float("flow", 1 + 2j), "flow"),
    ("as_float None", lambda: _v().as_float("flow", None), "flow"),
    ("as_array bool array", lambda: _v().as_array("flow", [True, False]), "flow"),
    ("as_array ragged", lambda: _v().as_array("flow", [[1, 2], [3]]), "flow"),
    ("check_positive inf", lambda: _v().check_positive("ua", INF), "ua"),
    ("check_range huge int", lambda: _v().check_range("x", HUGE_INT, 0, 1), "x"),
    ("check_fraction 1.5", lambda: _v().check_fraction("eta", 1.5), "eta"),
    ("check_choice unhashable", lambda: _v().check_choice("mode", ["a"], ("a", "b")), "mode"),
]:
    add("validation", _label, _exp, _fn)

# ----------------------------------------------------------------------------- streams


def _stream(*a, **k):
    from procsim.stream import Stream
    return Stream(*a, **k)


AIR = {"N2": 0.79, "O2": 0.21}
for _label, _args, _kw, _exp in [
    ("gas at 1 K", (AIR, 1.0, 1e5, 1.0), {}, "T"),
    ("gas at 20000 K", (AIR, 20000.0, 1e5, 1.0), {}, "T"),
    ("gas at 150 K", (AIR, 150.0, 1e5, 1.0), {}, "T"),
    ("mass_flow True", ("Water", 300.0, 1e5, True), {}, "mass_flow"),
    ("mass_flow huge int", ("Water", 300.0, 1e5, HUGE_INT), {}, "mass_flow"),
    ("mass_flow nan", ("Water", 300.0, 1e5, NAN), {}, "mass_flow"),
    ("mass_flow inf", ("Water", 300.0, 1e5, INF), {}, "mass_flow"),
    ("p negative", ("Water", 300.0, -1e5, 1.0), {}, "p"),
    ("p bool", ("Water", 300.0, True, 1.0), {}, "p"),
    ("p nan", ("Water", 300.0, NAN, 1.0), {}, "p"),
    ("T nan", ("Water", NAN, 1e5, 1.0), {}, "T"),
    ("T negative", ("Water", -5.0, 1e5, 1.0), {}, "T"),
    ("T text", ("Water", "hot", 1e5, 1.0), {}, "T"),
    ("T bool gas", (AIR, True, 1e5, 1.0), {}, "T"),
    ("water below IF97 range", ("Water", 200.0, 1e5, 1.0), {}, "T"),
    ("water above IF97 range", ("Water", 3000.0, 1e5, 1.0), {}, "T"),
    ("x 1.5", ("Water", None, 1e5, 1.0), {"x": 1.5}, "x"),
    ("x nan", ("Water", None, 1e5, 1.0), {"x": NAN}, "x"),
    ("fluid number", (123, 300.0, 1e5, 1.0), {}, "fluid"),
    ("unknown fluid", ("Unobtainium", 300.0, 1e5, 1.0), {}, "Unobtainium"),
    ("composition negative", ({"N2": -0.5, "O2": 1.5}, 300.0, 1e5, 1.0), {}, "N2"),
    ("composition nan", ({"N2": NAN, "O2": 0.21}, 300.0, 1e5, 1.0), {}, "N2"),
    ("composition all zero", ({"N2": 0.0, "O2": 0.0}, 300.0, 1e5, 1.0), {}, "sum"),
    ("composition unknown species", ({"XX": 1.0}, 300.0, 1e5, 1.0), {}, "XX"),
    ("composition empty", ({}, 300.0, 1e5, 1.0), {}, "composition"),
    ("composition bool", ({"N2": True}, 300.0, 1e5, 1.0), {}, "N2"),
]:
    add("stream", f"Stream {_label}", _exp, (lambda a=_args, k=_kw: _stream(*a, **k)))


def _estream(**k):
    from procsim.stream import EnergyStream
    return EnergyStream(**k)


for _label, _kw, _exp in [
    ("energy rate nan", {"kind": "power", "rate": NAN}, "rate"),
    ("energy rate bool", {"kind": "power", "rate": True}, "rate"),
    ("energy kind bogus", {"kind": "magic", "rate": 1.0}, "kind"),
    ("energy rate huge", {"kind": "heat", "rate": HUGE_INT}, "rate"),
]:
    add("stream", _label, _exp, (lambda k=_kw: _estream(**k)))

# ----------------------------------------------------------------------------- fluids


def _fluid(name="R245fa", **k):
    from procsim.thermo.fluids import Fluid
    return Fluid(name, **k)


for _label, _fn, _exp in [
    ("R245fa below T_min", lambda: _fluid().state(p=1e5, T=50.0), "T"),
    ("R245fa above T_max", lambda: _fluid().state(p=1e5, T=5000.0), "T"),
    ("R245fa above p_max", lambda: _fluid().state(p=1e12, T=300.0), "p"),
    ("p nan", lambda: _fluid().state(p=NAN, T=300.0), "p"),
    ("h nan", lambda: _fluid().state(p=1e5, h=NAN), "h"),
    ("s inf", lambda: _fluid().state(p=1e5, s=INF), "s"),
    ("h absurd", lambda: _fluid().state(p=1e5, h=1e12), "h"),
    ("x 2", lambda: _fluid().state(p=1e5, x=2.0), "x"),
    ("x bool", lambda: _fluid().state(p=1e5, x=True), "x"),
    ("T bool", lambda: _fluid().state(p=1e5, T=True), "T"),
    ("one input", lambda: _fluid().state(p=1e5), "two"),
    ("three inputs", lambda: _fluid().state(p=1e5, T=300.0, h=1.0), "two"),
    ("water below IF97", lambda: _fluid("Water").state(p=1e5, T=200.0), "T"),
    ("water T,x above critical", lambda: _fluid("Water").state(T=700.0, x=0.5), "T"),
    ("unknown fluid", lambda: _fluid("Kryptonite"), "Kryptonite"),
    ("empty name", lambda: _fluid(""), "name"),
    ("bad backend", lambda: _fluid("Water", backend="XX"), "backend"),
    ("table T_ph nan", lambda: _fluid("Water").table().T_ph(NAN, 1e5), "p"),
    ("table T_sat above critical", lambda: _fluid("Water").table().T_sat(1e9), "p"),
    ("table p_sat below range", lambda: _fluid("Water").table().p_sat(10.0), "T"),
]:
    add("fluids", _label, _exp, _fn)

# ----------------------------------------------------------------------------- gas


def _gas(comp=None):
    from procsim.thermo.gas import GasMixture
    return GasMixture(comp or AIR)


for _label, _fn, _exp in [
    ("h at 1 K", lambda: _gas().h(1.0), "T"),
    ("h at 20000 K", lambda: _gas().h(20000.0), "T"),
    ("cp nan", lambda: _gas().cp(NAN), "T"),
    ("s at p = 0", lambda: _gas().s(300.0, 0.0), "p"),
    ("s at p nan", lambda: _gas().s(300.0, NAN), "p"),
    ("T_from_h nan", lambda: _gas().T_from_h(NAN), "h"),
    ("T_from_h absurd", lambda: _gas().T_from_h(1e15), "h"),
    ("density p negative", lambda: _gas().density(300.0, -1.0), "p"),
    ("mixture negative fraction", lambda: _gas({"N2": -0.5, "O2": 1.5}), "N2"),
    ("mixture unknown species", lambda: _gas({"Mithril": 1.0}), "Mithril"),
    ("mixture fraction text", lambda: _gas({"N2": "a lot"}), "N2"),
]:
    add("gas", _label, _exp, _fn)

# ----------------------------------------------------------------------------- combustion


def _fuel(name="natural_gas"):
    from procsim.thermo.combustion import Fuel
    return Fuel.from_name(name)


def _fuel_comp(*a, **k):
    from procsim.thermo.combustion import Fuel
    return Fuel.from_composition(*a, **k)


COAL = {"C": 0.7, "H": 0.05, "O": 0.1, "N": 0.01, "S": 0.01, "H2O": 0.05, "ash": 0.08}
for _label, _fn, _exp in [
    ("unknown fuel", lambda: _fuel("unobtainium"), "unobtainium"),
    ("gas fraction 1.5", lambda: _fuel_comp({"CH4": 1.5}), "fractions"),
    ("gas fraction nan", lambda: _fuel_comp({"CH4": NAN, "N2": 0.1}), "CH4"),
    ("gas fraction negative", lambda: _fuel_comp({"CH4": 1.1, "N2": -0.1}), "N2"),
    ("gas fraction bool", lambda: _fuel_comp({"CH4": True}), "CH4"),
    ("hhv 1000 MJ/kg", lambda: _fuel_comp(COAL, hhv=1000e6), "hhv"),
    ("hhv negative", lambda: _fuel_comp(COAL, hhv=-1.0), "hhv"),
    ("hhv nan", lambda: _fuel_comp(COAL, hhv=NAN), "hhv"),
    ("hhv bool", lambda: _fuel_comp(COAL, hhv=True), "hhv"),
    ("basis volume", lambda: _fuel_comp({"CH4": 1.0}, basis="volume"), "basis"),
    ("ultimate with nan", lambda: _fuel_comp({**COAL, "C": NAN}), "C"),
    ("phase plasma", lambda: _fuel_comp(COAL, phase="plasma"), "phase"),
    ("excess_air o2 0.25", lambda: _fuel().excess_air(0.25), "o2"),
    ("excess_air o2 negative", lambda: _fuel().excess_air(-0.1), "o2"),
    ("excess_air o2 nan", lambda: _fuel().excess_air(NAN), "o2"),
    ("excess_air basis bogus", lambda: _fuel().excess_air(0.03, basis="moist"), "basis"),
    ("flue_gas excess -1", lambda: _fuel().flue_gas(-1.0), "excess_air"),
    ("flue_gas excess nan", lambda: _fuel().flue_gas(NAN), "excess_air"),
    ("flue_gas excess bool", lambda: _fuel().flue_gas(True), "excess_air"),
    ("acid dew point nan", lambda: __import__("procsim.thermo.combustion.dewpoint", fromlist=["x"])
        .acid_dew_point(NAN, 1.0), "p_h2o"),
    ("acid dew point negative", lambda: __import__("procsim.thermo.combustion.dewpoint", fromlist=["x"])
        .acid_dew_point(1000.0, -1.0), "p_so3"),
    ("water dew point negative", lambda: __import__("procsim.thermo.combustion.dewpoint", fromlist=["x"])
        .water_dew_point(-5.0), "p_h2o"),
    ("adiabatic flame excess -1", lambda: __import__("procsim.thermo.combustion.flame", fromlist=["x"])
        .adiabatic_flame(_fuel(), -1.0), "excess_air"),
    ("adiabatic flame air T nan", lambda: __import__("procsim.thermo.combustion.flame", fromlist=["x"])
        .adiabatic_flame(_fuel(), 0.1, air_temperature=NAN), "air_temperature"),
]:
    add("combustion", _label, _exp, _fn)

# ----------------------------------------------------------------------------- boiler functions


def _boiler():
    import units.boiler as b
    return b


for _label, _fn, _exp in [
    ("stack loss o2 0.3", lambda: _boiler().stack_loss_fraction(_fuel(), 0.3, 450.0, 293.15), "o2"),
    ("stack loss o2 nan", lambda: _boiler().stack_loss_fraction(_fuel(), NAN, 450.0, 293.15), "o2"),
    ("stack loss T nan", lambda: _boiler().stack_loss_fraction(_fuel(), 0.03, NAN, 293.15), "stack_temperature"),
    ("stack loss T below air", lambda: _boiler().stack_loss_fraction(_fuel(), 0.03, 250.0, 293.15),
     "stack_temperature"),
    ("stack loss basis", lambda: _boiler().stack_loss_fraction(_fuel(), 0.03, 450.0, 293.15, basis="xx"),
     "basis"),
    ("stack loss fuel name", lambda: _boiler().stack_loss_fraction("kryptonite", 0.03, 450.0, 293.15),
     "kryptonite"),
    ("stack loss air T bool", lambda: _boiler().stack_loss_fraction(_fuel(), 0.03, 450.0, True),
     "combustion_air_temperature"),
    ("input-output heat nan", lambda: _boiler().efficiency_input_output(NAN, 1.0, 5e7), "useful_heat"),
    ("input-output fuel 0", lambda: _boiler().efficiency_input_output(1e6, 0.0, 5e7), "fuel_mass_flow"),
    ("input-output hv negative", lambda: _boiler().efficiency_input_output(1e6, 1.0, -5e7), "heating_value"),
    ("mixed feedwater fraction 1.5", lambda: _boiler().mixed_feedwater(1.5, 360.0, 290.0),
     "condensate_return_fraction"),
    ("mixed feedwater T nan", lambda: _boiler().mixed_feedwater(0.5, NAN, 290.0), "condensate_temperature"),
]:
    add("boiler", _label, _exp, _fn)

# ----------------------------------------------------------------------------- heat exchangers


def _hx():
    import units.heat_exchanger as hx
    return hx


for _label, _fn, _exp in [
    ("effectiveness ntu -1", lambda: _hx().effectiveness(-1.0, 0.5, "counterflow"), "ntu"),
    ("effectiveness ntu nan", lambda: _hx().effectiveness(NAN, 0.5, "counterflow"), "ntu"),
    ("effectiveness cr 1.5", lambda: _hx().effectiveness(1.0, 1.5, "counterflow"), "cr"),
    ("effectiveness arrangement", lambda: _hx().effectiveness(1.0, 0.5, "zigzag"), "arrangement"),
    ("effectiveness ntu bool", lambda: _hx().effectiveness(True, 0.5, "counterflow"), "ntu"),
    ("ntu effectiveness 1.2", lambda: _hx().ntu(1.2, 0.5, "counterflow"), "effectiveness"),
    ("ntu effectiveness above max", lambda: _hx().ntu(0.9, 1.0, "parallel"), "effectiveness"),
    ("lmtd temperature cross", lambda: _hx().lmtd(400.0, 300.0, 350.0, 450.0), "t_"),
    ("lmtd nan", lambda: _hx().lmtd(NAN, 300.0, 290.0, 350.0), "t_hot_in"),
    ("lmtd negative kelvin", lambda: _hx().lmtd(400.0, 300.0, -10.0, 350.0), "t_cold_in"),
    ("rate ua negative", lambda: _hx().rate(-1.0, 400.0, 300.0, 1e3, 1e3), "ua"),
    ("rate c_hot zero", lambda: _hx().rate(1e3, 400.0, 300.0, 0.0, 1e3), "c_hot"),
    ("rate c_cold inf", lambda: _hx().rate(1e3, 400.0, 300.0, 1e3, INF), "c_cold"),
    ("size_ua duty too big", lambda: _hx().size_ua(400.0, 300.0, 1e3, 1e3, duty=1e9), "duty"),
    ("fouled_ua negative fouling", lambda: _hx().fouled_ua(500.0, 10.0, fouling_hot=-1e-3), "fouling_hot"),
    ("fouled_ua nan area", lambda: _hx().fouled_ua(500.0, NAN), "area"),
    ("shell passes 2.5", lambda: _hx().effectiveness(1.0, 0.5, "shell_and_tube_1_2", shell_passes=2.5),
     "shell_passes"),
]:
    add("heat_exchanger", _label, _exp, _fn)

# ----------------------------------------------------------------------------- pinch


def _targets(*a):
    from procsim.pinch import targets
    return targets(*a)


for _label, _args, _exp in [
    ("text in stream", ([("hot", 300.0, 1e3), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("nan heat capacity", ([(400.0, 300.0, NAN), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("negative heat capacity", ([(400.0, 300.0, -1e3), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("dt_min negative", ([(400.0, 300.0, 1e3), (300.0, 400.0, 1e3)], -5.0), "dt_min"),
    ("dt_min nan", ([(400.0, 300.0, 1e3), (300.0, 400.0, 1e3)], NAN), "dt_min"),
    ("empty", ([], 10.0), "streams"),
    ("two-element tuple", ([(400.0, 300.0), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("negative kelvin", ([(400.0, -300.0, 1e3), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("supply equals target", ([(400.0, 400.0, 1e3), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("bool heat capacity", ([(400.0, 300.0, True), (300.0, 400.0, 1e3)], 10.0), "streams[0]"),
    ("not iterable", (5, 10.0), "streams"),
]:
    add("pinch", f"targets {_label}", _exp, (lambda a=_args: _targets(*a)))

# ----------------------------------------------------------------------------- compressed air


def _ca():
    import units.compressed_air as ca
    return ca


def _comp(**k):
    base = dict(control="load_unload", rated_flow=0.2, full_load_power=75e3)
    base.update(k)
    c, q, p = base.pop("control"), base.pop("rated_flow"), base.pop("full_load_power")
    return _ca().Compressor(c, q, p, **base)


for _label, _fn, _exp in [
    ("leak diameter negative", lambda: _ca().leak_flow(-1e-3, 8e5), "diameter"),
    ("leak diameter nan", lambda: _ca().leak_flow(NAN, 8e5), "diameter"),
    ("leak pressure negative", lambda: _ca().leak_flow(1e-3, -8e5), "line_pressure"),
    ("leak temperature 0", lambda: _ca().leak_flow(1e-3, 8e5, temperature=0.0), "temperature"),
    ("leak cd 1.5", lambda: _ca().leak_flow(1e-3, 8e5, discharge_coefficient=1.5), "discharge_coefficient"),
    ("leak diameter bool", lambda: _ca().leak_flow(True, 8e5), "diameter"),
    ("free air flow negative", lambda: _ca().free_air_flow(-1.0), "mass_flow"),
    ("free air flow nan", lambda: _ca().free_air_flow(NAN), "mass_flow"),
    ("compressor stages 2.5", lambda: _comp(stages=2.5), "stages"),
    ("compressor stages True", lambda: _comp(stages=True), "stages"),
    ("compressor control bogus", lambda: _comp(control="telepathy"), "control"),
    ("compressor rated flow 0", lambda: _comp(rated_flow=0.0), "rated_flow"),
    ("compressor power nan", lambda: _comp(full_load_power=NAN), "full_load_power"),
    ("compressor power bool", lambda: _comp(full_load_power=True), "full_load_power"),
    ("compressor no load above full", lambda: _comp(no_load_power=1e6), "no_load_power"),
    ("compressor turn_down 2", lambda: _comp(control="vfd", turn_down=2.0), "turn_down"),
    ("compressor unknown detail", lambda: _comp(colour="red"), "colour"),
    ("compressor receiver nan", lambda: _comp(receiver_volume=NAN), "receiver_volume"),
    ("compressor power(-1)", lambda: _comp().power(-1.0), "flow"),
    ("compressor power(nan)", lambda: _comp().power(NAN), "flow"),
    ("compressor power(above rated)", lambda: _comp().power(10.0), "flow"),
    ("pipe drop length nan", lambda: _ca().pipe_pressure_drop(0.1, 0.05, NAN, 8e5), "length"),
    ("pipe drop diameter 0", lambda: _ca().pipe_pressure_drop(0.1, 0.0, 10.0, 8e5), "diameter"),
    ("altitude nan", lambda: __import__("units.compressed_air.compressor", fromlist=["x"])
        .altitude_pressure(NAN), "altitude"),
    ("altitude 1e6 m", lambda: __import__("units.compressed_air.compressor", fromlist=["x"])
        .altitude_pressure(1e6), "altitude"),
]:
    add("compressed_air", _label, _exp, _fn)

# ----------------------------------------------------------------------------- ORC


def _orc(*a, **k):
    from units.orc import ORC
    return ORC(*a, **k)


def _orc_solve(source):
    return _orc("R245fa", 370.0, 305.0).solve(source)


for _label, _fn, _exp in [
    ("condensing above evaporating", lambda: _orc("R245fa", 350.0, 400.0), "condensing_temperature"),
    ("evaporating above critical", lambda: _orc("R245fa", 500.0, 305.0), "evaporating_temperature"),
    ("evaporating nan", lambda: _orc("R245fa", NAN, 305.0), "evaporating_temperature"),
    ("pump efficiency 1.5", lambda: _orc("R245fa", 370.0, 305.0, pump_efficiency=1.5), "pump_efficiency"),
    ("pump efficiency 0", lambda: _orc("R245fa", 370.0, 305.0, pump_efficiency=0.0), "pump_efficiency"),
    ("expander efficiency bool", lambda: _orc("R245fa", 370.0, 305.0, expander_efficiency=True),
     "expander_efficiency"),
    ("superheat negative", lambda: _orc("R245fa", 370.0, 305.0, superheat=-5.0), "superheat"),
    ("pinch nan", lambda: _orc("R245fa", 370.0, 305.0, evaporator_pinch=NAN), "evaporator_pinch"),
    ("condensing below T_min", lambda: _orc("R245fa", 370.0, 100.0), "condensing_temperature"),
    ("unknown detail", lambda: _orc("R245fa", 370.0, 305.0, flux_capacitor=1.0), "flux_capacitor"),
    ("recuperator 1.0", lambda: _orc("R245fa", 370.0, 305.0, recuperator_effectiveness=1.0),
     "recuperator_effectiveness"),
    ("source colder than evaporator", lambda: _orc_solve(_stream("Water", 330.0, 5e5, 10.0)), "heat_source"),
    ("source not a stream", lambda: _orc_solve(423.15), "heat_source"),
]:
    add("orc", _label, _exp, _fn)

# ----------------------------------------------------------------------------- batch


def _b():
    import procsim.batch as b
    return b


def _mc(dist, n=10):
    b = _b()
    return b.monte_carlo(lambda x: {"y": 1.0 / (1.0 + abs(x))}, {"x": dist}, n, seed=1)


for _label, _fn, _exp in [
    ("Normal(nan, 1)", lambda: _mc(_b().Normal(NAN, 1.0)), "mean"),
    ("Normal(0, inf)", lambda: _mc(_b().Normal(0.0, INF)), "sd"),
    ("Normal(0, nan)", lambda: _mc(_b().Normal(0.0, NAN)), "sd"),
    ("Normal bool mean", lambda: _mc(_b().Normal(True, 1.0)), "mean"),
    ("Uniform(nan, 1)", lambda: _mc(_b().Uniform(NAN, 1.0)), "low"),
    ("Uniform(0, inf)", lambda: _mc(_b().Uniform(0.0, INF)), "high"),
    ("Triangular nan mode", lambda: _mc(_b().Triangular(0.0, NAN, 1.0)), "mode"),
    ("LogNormal nan median", lambda: _mc(_b().LogNormal(NAN, 1.5)), "median"),
    ("LogNormal inf gsd", lambda: _mc(_b().LogNormal(1.0, INF)), "gsd"),
    ("Fixed nan", lambda: _mc(_b().Fixed(NAN)), "value"),
    ("n 2.5", lambda: _mc(_b().Normal(0.0, 1.0), n=2.5), "n"),
    ("n True", lambda: _mc(_b().Normal(0.0, 1.0), n=True), "n"),
    ("distribution not a distribution", lambda: _mc(5.0), "x"),
    ("sweep axis nan", lambda: _b().sweep(lambda x: {"y": x}, {"x": [1.0, NAN]}), "x"),
    ("grid empty axis", lambda: _b().grid(x=[]), "x"),
    ("sweep chunk_size 0", lambda: _b().sweep(lambda x: {"y": x}, {"x": [1.0]}, chunk_size=0), "chunk_size"),
]:
    add("batch", _label, _exp, _fn)

# ----------------------------------------------------------------------------- claims (API)


def _check(claim):
    from procsim.accounting.claims import check_claim, verdict
    f = check_claim(claim)
    v = verdict(f)
    errs = [x for x in f if x.severity in ("error", "warning")]
    if errs:  # a finding is the checker's way of refusing: treat it as a raised error
        raise ValueError("; ".join(f"{x.field}: {x.message}" for x in errs))
    return v


def _nested_bomb(depth=30):
    x = ["lol"] * 9
    for _ in range(depth):
        x = [x] * 9
    return x


BASE_CLAIM = {"name": "economizer", "region": "TW", "year": 2023,
              "baseline": {"natural_gas_nm3": 1200000}, "retrofit": {"natural_gas_nm3": 1130000},
              "savings": {"natural_gas_nm3": 70000}}

for _label, _patch, _exp in [
    ("investment 1e308 tiny saving", {"investment": 1e308, "savings": {"cost": 1.0},
                                      "payback_years": 2.0}, "investment"),
    ("year -5", {"year": -5}, "year"),
    ("year 1800", {"year": 1800}, "year"),
    ("year 3000", {"year": 3000}, "year"),
    ("year huge int", {"year": HUGE_INT}, "year"),
    ("year bool", {"year": True}, "year"),
    ("investment nan", {"investment": NAN}, "investment"),
    ("investment inf", {"investment": INF}, "investment"),
    ("investment huge int", {"investment": HUGE_INT}, "investment"),
    ("payback negative", {"payback_years": -1.0}, "payback_years"),
    ("saving nan", {"savings": {"natural_gas_nm3": NAN}}, "savings.natural_gas_nm3"),
    ("saving huge int", {"savings": {"natural_gas_nm3": HUGE_INT}}, "savings.natural_gas_nm3"),
    ("fraction 5", {"savings": {"energy_fraction": 5.0}}, "energy_fraction"),
    ("baseline negative", {"baseline": {"natural_gas_nm3": -5}}, "baseline.natural_gas_nm3"),
    ("shared nested list", {"notes": _nested_bomb()}, "notes"),
    ("shared nested list unknown key", {"zzz": _nested_bomb()}, "zzz"),
    ("100k unknown keys", {f"k{i}": i for i in range(100_000)}, "unknown"),
    ("huge unknown key name", {"k" * 1_000_000: 1}, "unknown"),
    ("name not text", {"name": 5}, "name"),
    ("section not a table", {"baseline": [1, 2]}, "baseline"),
    ("claim not a dict", None, "claim"),
]:
    def _mk(p=_patch):
        if p is None:
            return [1, 2, 3]
        c = {k: (dict(v) if isinstance(v, dict) else v) for k, v in BASE_CLAIM.items()}
        for k, v in p.items():
            if isinstance(v, dict) and isinstance(c.get(k), dict):
                c[k] = {**c[k], **v}
            else:
                c[k] = v
        return c
    add("claims", f"check_claim {_label}", _exp, (lambda mk=_mk: _check(mk())))

# ----------------------------------------------------------------------------- claim files

_TMP = None


def _tmp() -> Path:
    global _TMP
    if _TMP is None:
        _TMP = Path(tempfile.mkdtemp(prefix="procsim-hostile-"))
    return _TMP


def write_hostile_file(kind: str) -> Path:
    """Write one hostile claim file (used by the survey and the tests); returns its path."""
    d = _tmp()
    if kind == "alias_bomb":
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        prev = "a"
        for c in "bcdefghi":
            lines.append(f"{c}: &{c} [" + ",".join([f"*{prev}"] * 9) + "]")
            prev = c
        lines.append(f"name: *{prev}")
        p = d / "bomb.yaml"
        p.write_text("\n".join(lines) + "\n")
    elif kind == "junk_10mb_toml":
        p = d / "junk.toml"
        with p.open("w") as f:
            i = 0
            while f.tell() < 10 * 1024 * 1024:
                f.write(f"junk_key_{i:08d} = {i}\n")
                i += 1
    elif kind == "junk_10mb_binary":
        p = d / "junk.json"
        p.write_bytes(os.urandom(10 * 1024 * 1024))
    elif kind == "bad_utf8":
        p = d / "latin1.toml"
        p.write_bytes('name = "Kessel \xfcberholt"\n'.encode("latin-1"))
    elif kind == "huge_int":
        p = d / "huge.toml"
        p.write_text("name = 'x'\ninvestment = " + "9" * 400 + "\n")
    elif kind == "json_nan":
        p = d / "nan.json"
        p.write_text('{"name": "x", "investment": NaN}')
    elif kind == "python_tag":
        p = d / "tag.yaml"
        p.write_text("name: !!python/object/apply:os.getcwd []\n")
    elif kind == "deep_json":
        p = d / "deep.json"
        p.write_text('{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif kind == "deep_yaml":
        p = d / "deep.yaml"
        p.write_text("notes: " + "[" * 50_000 + "]" * 50_000 + "\n")
    elif kind == "toml_inf":
        p = d / "inf.toml"
        p.write_text("name = 'x'\ninvestment = inf\n")
    elif kind == "directory":
        p = d / "dir.toml"
        p.mkdir(exist_ok=True)
    elif kind == "missing":
        p = d / "missing.toml"
    elif kind == "suffix":
        p = d / "claim.txt"
        p.write_text("name = 'x'\n")
    elif kind == "yaml_list":
        p = d / "list.yaml"
        p.write_text("- 1\n- 2\n")
    elif kind == "long_line_syntax":
        p = d / "long.toml"
        p.write_text("name = " + "x" * 1_000_000 + "\n")
    elif kind == "empty":
        p = d / "empty.toml"
        p.write_text("")
    elif kind == "year_minus5":
        p = d / "year.toml"
        p.write_text("name = 'x'\nyear = -5\n[savings]\nelectricity_kwh = 1000\n")
    elif kind == "good":
        p = d / "good.toml"
        p.write_text('name = "lighting"\nregion = "TW"\nyear = 2023\n[baseline]\n'
                     'electricity_kwh = 100000\n[retrofit]\nelectricity_kwh = 60000\n'
                     '[savings]\nelectricity_kwh = 40000\n')
    else:
        raise KeyError(kind)
    return p


def _load(kind):
    from procsim.accounting.claims import load_claim
    p = write_hostile_file(kind)
    c = load_claim(p)
    return _check(c)


for _kind, _exp in [("alias_bomb", "bomb.yaml"), ("junk_10mb_toml", "junk.toml"),
                    ("junk_10mb_binary", "junk.json"), ("bad_utf8", "latin1.toml"),
                    ("huge_int", "investment"), ("json_nan", "investment"), ("python_tag", "tag.yaml"),
                    ("deep_json", "deep.json"), ("deep_yaml", "deep.yaml"), ("toml_inf", "investment"),
                    ("directory", "dir.toml"), ("missing", "missing.toml"), ("suffix", "claim.txt"),
                    ("yaml_list", "list.yaml"), ("long_line_syntax", "long.toml"),
                    ("year_minus5", "year")]:
    add("claim_files", f"load_claim {_kind}", _exp, (lambda k=_kind: _load(k)))

# ----------------------------------------------------------------------------- steam site files


def _site(d):
    from units.steam.description import site_from_dict
    return site_from_dict(d)


_SITE_OK = {"name": "s", "boiler": {"pressure": 1.0e6, "efficiency": 0.85},
            "headers": [{"name": "HP", "pressure": 1.0e6}, {"name": "LP", "pressure": 3.0e5}],
            "users": [{"name": "u", "header": "LP", "flow": 1.0}],
            "deaerator": {"pressure": 1.2e5, "vent_fraction": 0.001}}
for _label, _mut, _exp in [
    ("header missing name", lambda d: d["headers"][0].pop("name"), "headers[0]"),
    ("header pressure nan", lambda d: d["headers"][0].__setitem__("pressure", NAN), "pressure"),
    ("header pressure text", lambda d: d["headers"][0].__setitem__("pressure", "high"), "pressure"),
    ("boiler efficiency 1.5", lambda d: d["boiler"].__setitem__("efficiency", 1.5), "efficiency"),
    ("user flow bool", lambda d: d["users"][0].__setitem__("flow", True), "flow"),
    ("user flow huge int", lambda d: d["users"][0].__setitem__("flow", HUGE_INT), "flow"),
    ("user header unknown", lambda d: d["users"][0].__setitem__("header", "MP"), "MP"),
    ("headers not a list", lambda d: d.__setitem__("headers", 5), "headers"),
    ("unknown key", lambda d: d.__setitem__("bogus", 1), "bogus"),
]:
    def _mk_site(m=_mut):
        import copy
        d = copy.deepcopy(_SITE_OK)
        m(d)
        return _site(d)
    add("steam_files", f"site_from_dict {_label}", _exp, _mk_site)

# ----------------------------------------------------------------------------- flowsheet


class _NanUnit:
    inlets = ("inlet",)
    outlets = ("outlet",)

    def __init__(self, name, what):
        self.name, self.what = name, what

    def solve(self, inlets):
        from procsim.flowsheet import UnitSolution
        s = inlets["inlet"]
        if self.what == "raise":
            raise ZeroDivisionError("division by zero")
        return UnitSolution(outlets={"outlet": s}, sources={"heat": float(self.what)})


def _fs(what):
    from procsim.flowsheet import Flowsheet
    fs = Flowsheet("hostile")
    fs.add(_NanUnit("bad_unit", what))
    fs.feed("bad_unit.inlet", _stream("Water", 300.0, 2e5, 1.0))
    return fs.solve()


for _label, _what, _exp in [("unit source nan", "nan", "bad_unit"), ("unit source inf", "inf", "bad_unit"),
                            ("unit raises", "raise", "bad_unit")]:
    add("flowsheet", _label, _exp, (lambda w=_what: _fs(w)))


def _fs_tol(**kw):
    from procsim.flowsheet import Flowsheet
    from units.basic import Pump
    unit, inlets = Pump.example()
    fs = Flowsheet("pumping")
    fs.add(unit)
    for port, st in inlets.items():
        fs.feed(f"{unit.name}.{port}", st)
    return fs.solve(**kw)


add("flowsheet", "solve tol nan", "tol", lambda: _fs_tol(tol=NAN))
add("flowsheet", "solve max_iter 2.5", "max_iter", lambda: _fs_tol(max_iter=2.5))
add("flowsheet", "solve method bogus", "method", lambda: _fs_tol(method="magic"))

# ----------------------------------------------------------------------------- CLI


FAST_CASE = "economizer_doe_tip3"


def _cli(*args):
    from typer.testing import CliRunner
    from procsim.cli import app
    r = CliRunner().invoke(app, list(map(str, args)))
    err = r.stderr if hasattr(r, "stderr") else r.output
    if r.exit_code == 0:
        return r.stdout
    text = (err or "") + (r.stdout or "")
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise RuntimeError(f"uncaught {type(r.exception).__name__}: {r.exception}"[:MAX_MESSAGE * 2])
    if "Traceback" in text or r.exit_code != 2 or len(err.strip().splitlines()) != 1:
        raise RuntimeError(f"exit {r.exit_code}, stderr not one line: {err[:600]!r}")
    raise ValueError(err.strip())


def _cli_multi():
    """check-claim over good, bad, good: every file must be reported, exit non-zero."""
    from typer.testing import CliRunner
    from procsim.cli import app
    g, b = write_hostile_file("good"), write_hostile_file("bad_utf8")
    g2 = _tmp() / "good2.toml"
    g2.write_text(g.read_text())
    r = CliRunner().invoke(app, ["check-claim", str(g), str(b), str(g2)])
    if r.exit_code == 0:
        return "exit 0"
    if str(g2) not in r.stdout:
        raise RuntimeError(f"file after the bad one not checked (exit {r.exit_code})")
    raise ValueError(f"{b}: reported, exit {r.exit_code}")


def _cli_strict_empty():
    """--strict on an empty claim: documented exit 1 with the claim marked empty."""
    from typer.testing import CliRunner
    from procsim.cli import app
    r = CliRunner().invoke(app, ["check-claim", "--strict", str(write_hostile_file("empty"))])
    if r.exit_code == 0:
        return "exit 0"
    if r.exit_code != 1 or r.exception is not None and not isinstance(r.exception, SystemExit):
        raise RuntimeError(f"exit {r.exit_code}")
    raise ValueError(r.stdout.splitlines()[0] if r.stdout else "")


def _cli_multi_json():
    from typer.testing import CliRunner
    from procsim.cli import app
    g, b = write_hostile_file("good"), write_hostile_file("bad_utf8")
    r = CliRunner().invoke(app, ["check-claim", "--json", str(g), str(b)])
    try:
        rows = json.loads(r.stdout)
    except Exception:
        raise RuntimeError(f"--json printed no JSON (exit {r.exit_code})") from None
    if r.exit_code == 0:
        return "exit 0"
    if len(rows) != 2 or "error" not in json.dumps(rows[1]):
        raise RuntimeError("JSON rows incomplete")
    raise ValueError(f"{b}: error row, exit {r.exit_code}")


for _label, _fn, _exp in [
    ("report -o into missing directory", lambda: _cli("report", FAST_CASE, "-o", "/nonexistent/r.md"),
     "/nonexistent"),
    ("report xlsx into missing directory",
     lambda: _cli("report", FAST_CASE, "--format", "xlsx", "-o", "/nonexistent/r.xlsx"), "/nonexistent"),
    ("sweep -o into missing directory",
     lambda: _cli("sweep", "effectiveness", "-p", "ntu=0:1:3", "--set", "cr=0.5", "-o", "/nonexistent/s.csv"),
     "/nonexistent"),
    ("sweep missing stack_temperature", lambda: _cli("sweep", "stack-loss", "-p", "o2=0.02:0.05:3"),
     "stack_temperature"),
    ("sweep unknown input", lambda: _cli("sweep", "effectiveness", "-p", "ntu=0:1:3", "--set", "zz=1"), "zz"),
    ("sweep N not integer", lambda: _cli("sweep", "effectiveness", "-p", "ntu=0:1:2.5", "--set", "cr=0.5"),
     "ntu"),
    ("sweep nan value", lambda: _cli("sweep", "effectiveness", "-p", "ntu=nan,1", "--set", "cr=0.5"), "ntu"),
    ("sweep set nan", lambda: _cli("sweep", "effectiveness", "-p", "ntu=0:1:3", "--set", "cr=nan"), "cr"),
    ("sweep 10^9 points", lambda: _cli("sweep", "effectiveness", "-p", "ntu=0:1:1000000000", "--set", "cr=0.5"),
     "ntu"),
    ("sweep unknown model", lambda: _cli("sweep", "warp-drive", "-p", "x=1"), "warp-drive"),
    ("check-claim bad file among good", _cli_multi, "latin1.toml"),
    ("check-claim --json bad file", _cli_multi_json, "latin1.toml"),
    ("check-claim --strict empty claim", _cli_strict_empty, "empty"),
    ("check-claim missing file", lambda: _cli("check-claim", write_hostile_file("missing")), "missing.toml"),
    ("check-claim alias bomb", lambda: _cli("check-claim", write_hostile_file("alias_bomb")), "bomb.yaml"),
    ("check-claim 10 MB junk", lambda: _cli("check-claim", write_hostile_file("junk_10mb_toml")), "junk.toml"),
    ("check-claim huge integer", lambda: _cli("check-claim", write_hostile_file("huge_int")), "huge.toml"),
    ("run unknown case", lambda: _cli("run", "seed99"), "seed99"),
    ("cases --only unknown", lambda: _cli("cases", "--only", "seed99"), "seed99"),
    ("report unknown format", lambda: _cli("report", FAST_CASE, "--format", "pdf"), "format"),
]:
    add("cli", _label, _exp, _fn)

# ----------------------------------------------------------------------------- unit models (generated)

#: values fed to every numeric parameter; each is impossible for any physical parameter
BAD_VALUES = {"nan": NAN, "inf": INF, "-1e30": -1e30, "bool": True, "text": "lots"}
#: extra values for integer counts
BAD_INT_VALUES = {"2.5": 2.5, "-1": -1}


def unit_classes():
    """Every class in ``units`` with ``solve`` and an ``example()`` (the shared-suite collection)."""
    import importlib
    import inspect
    import pkgutil

    import units
    found = {}
    for info in pkgutil.walk_packages(units.__path__, "units."):
        mod = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ == mod.__name__ and hasattr(cls, "solve") and hasattr(cls, "example"):
                found[f"{cls.__module__}.{name}"] = cls
    return found


def numeric_parameters(unit):
    """(name, kind) of each public numeric parameter of a unit instance; kind 'int' or 'float'."""
    out = []
    if not dataclasses.is_dataclass(unit):
        return out
    for f in dataclasses.fields(unit):
        if f.name.startswith("_") or not f.init:
            continue
        v = getattr(unit, f.name)
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, int):
            out.append((f.name, "int"))
        elif isinstance(v, float):
            out.append((f.name, "float"))
    return out


def unit_parameter_cases(classes=None):
    """[(class path, parameter, label, value)] for every numeric parameter of every example()."""
    classes = classes if classes is not None else unit_classes()
    rows = []
    for path in sorted(classes):
        unit, _ = classes[path].example()
        for name, kind in numeric_parameters(unit):
            values = dict(BAD_VALUES)
            if kind == "int":
                values.update(BAD_INT_VALUES)
            for label, value in values.items():
                rows.append((path, name, label, value))
    return rows


def apply_bad_parameter(cls, name, value):
    """Build the example with one parameter replaced and solve it: must raise ValueError."""
    unit, inlets = cls.example()
    bad = dataclasses.replace(unit, **{name: value})
    return bad.solve(dict(inlets))


def _register_unit_cases():
    try:
        classes = unit_classes()
    except Exception:  # the survey must still run when a family does not import
        traceback.print_exc()
        return
    for path, name, label, value in unit_parameter_cases(classes):
        family = "units." + path.split(".")[1]
        add(family, f"{path.split('.')[-1]}.{name}={label}", name,
            (lambda c=classes[path], n=name, v=value: apply_bad_parameter(c, n, v)))

# ----------------------------------------------------------------------------- runner


def classify(outcome, expect, expect_note=False):
    """clear / vague / silent / hang (see the module docstring). ``expect_note``: the case is a
    unit's own programming error inside a flowsheet, which keeps its type and is located by a
    PEP 678 note naming the flowsheet and unit."""
    kind, etype, msg = outcome
    if kind == "ok":
        return "silent"
    if kind == "timeout":
        return "hang"
    signature = etype == "TypeError" and "unexpected keyword argument" in msg
    if etype != "ValueError" and not signature and not (expect_note and "raised by unit" in msg):
        return "vague"
    if len(msg) > MAX_MESSAGE or expect.lower() not in msg.lower():
        return "vague"
    return "clear"


def _run_one(fn):
    try:
        fn()
    except BaseException as exc:  # classify every escape, including SystemExit
        t = type(exc)
        name = "ValueError" if isinstance(exc, ValueError) else t.__name__
        try:
            msg = str(exc)
            notes = getattr(exc, "__notes__", ())  # PEP 678 notes print with the error
            if notes:
                msg += " [" + "; ".join(map(str, notes)) + "]"
        except BaseException:
            msg = "<str() failed>"
        return ("raised", name, msg if len(msg) <= 4 * MAX_MESSAGE else msg[:4 * MAX_MESSAGE] + "...")
    return ("ok", "", "")


def _worker(conn):
    import resource
    try:  # bound the worker's memory so that an expansion bomb fails instead of swapping
        resource.setrlimit(resource.RLIMIT_AS, (12 * 1024 ** 3, 12 * 1024 ** 3))
    except (ValueError, OSError):
        pass
    while True:
        i = conn.recv()
        if i is None:
            return
        t0 = time.perf_counter()
        res = _run_one(CASES[i][3])
        conn.send((res, time.perf_counter() - t0))


def run_survey(indices, timeout=TIMEOUT, log=None):
    ctx = mp.get_context("fork")
    results = {}
    proc = conn = None
    for i in indices:
        if proc is None or not proc.is_alive():
            conn, child = ctx.Pipe()
            proc = ctx.Process(target=_worker, args=(child,), daemon=True)
            proc.start()
        conn.send(i)
        if conn.poll(timeout):
            try:
                res, dt = conn.recv()
            except EOFError:
                res, dt = ("raised", "WorkerDied", "worker process died"), math.nan
        else:
            proc.kill()
            proc.join()
            proc = None
            res, dt = ("timeout", "", f"no answer in {timeout:g} s"), timeout
        fam, label, expect, _ = CASES[i]
        verdict = classify(res, expect, expect_note=label == "unit raises")
        results[i] = {"family": fam, "case": label, "expect": expect, "outcome": verdict,
                      "error": res[1], "message": res[2][:300], "seconds": round(dt, 3)}
        if log:
            log(results[i])
    if proc is not None and proc.is_alive():
        conn.send(None)
        proc.join(5)
    return results


def table(results) -> str:
    per = defaultdict(Counter)
    for r in results.values():
        per[r["family"]][r["outcome"]] += 1
    cols = ("clear", "vague", "silent", "hang")
    lines = [f"{'family':24s} {'tried':>6s} " + " ".join(f"{c:>6s}" for c in cols)]
    tot = Counter()
    for fam in sorted(per):
        c = per[fam]
        tot.update(c)
        lines.append(f"{fam:24s} {sum(c.values()):6d} " + " ".join(f"{c[k]:6d}" for k in cols))
    lines.append(f"{'total':24s} {sum(tot.values()):6d} " + " ".join(f"{tot[k]:6d}" for k in cols))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", help="write the per-case results to this file")
    ap.add_argument("--show", action="append", default=[], help="list cases with this outcome")
    ap.add_argument("--family", action="append", default=[], help="run only these families")
    ap.add_argument("--timeout", type=float, default=TIMEOUT)
    args = ap.parse_args(argv)
    _register_unit_cases()
    idx = [i for i, c in enumerate(CASES) if not args.family or c[0] in args.family]
    t0 = time.perf_counter()
    results = run_survey(idx, args.timeout)
    print(table(results))
    print(f"({len(results)} cases, {time.perf_counter() - t0:.0f} s)")
    for r in results.values():
        if r["outcome"] in args.show:
            print(f"[{r['outcome']}] {r['family']}: {r['case']} -> {r['error']}: {r['message'][:200]}")
    if args.json:
        Path(args.json).write_text(json.dumps(list(results.values()), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
