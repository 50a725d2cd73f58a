"""Biogas (units.chp.biogas) against stoichiometry, IPCC defaults and hand calculations; seed case 16."""
import math

import pytest

from units.chp import AnaerobicDigester, biogas_factor, methane_lhv



@pytest.mark.component
def test_methane_yield_matches_cod_stoichiometry():
    # CH4 + 2 O2 -> CO2 + 2 H2O: 1 kg COD oxidises 16.0425/63.998 kg CH4 (IUPAC molar masses)
    kg_per_kg_cod = 16.0425 / 63.998
    r = AnaerobicDigester(leakage=0.0).run(1.0e6)
    # 0.35 Nm3/kg is that stoichiometry at the ideal-gas 22.414 L/mol; real-gas density 0.3 % higher
    assert r.methane_produced / 1e6 == pytest.approx(kg_per_kg_cod, rel=4e-3)
    assert float(biogas_factor("b0_cod")) == pytest.approx(kg_per_kg_cod, rel=3e-3)
    assert r.mass_residual == pytest.approx(0.0, abs=1e-6)


@pytest.mark.component
def test_methane_lhv_against_iso6976():
    # ISO 6976:2016 Table 3: methane net calorific value 50.03 MJ/kg at 25 C
    assert methane_lhv() == pytest.approx(50.03e6, rel=1e-3)


@pytest.mark.component
def test_baseline_and_avoided_by_hand():
    d = AnaerobicDigester("anaerobic_deep_lagoon", leakage=0.05, engine_slip=0.015, flared_fraction=0.1,
                          flare_destruction=0.98, electrical_efficiency=0.4, gwp_set="AR5")
    cod = 2.0e6
    r = d.run(cod)
    produced = cod * 0.35 * 0.71746
    emitted = produced * (0.05 + 0.85 * 0.015 + 0.1 * 0.02)
    assert r.baseline_methane == pytest.approx(cod * 0.25 * 0.8, rel=1e-12)   # IPCC eq. 6.4, MCF 0.8
    assert r.methane_emitted == pytest.approx(emitted, rel=1e-12)
    assert r.avoided_methane_co2e_t == pytest.approx((cod * 0.2 - emitted) * 28.0 / 1e3, rel=1e-12)
    assert r.electricity_kwh == pytest.approx(produced * 0.85 * 0.985 * 50.03e6 * 0.4 / 3.6e6, rel=1e-3)
    # biogenic CO2 is not in the CO2e total
    assert r.project_co2e_t == pytest.approx(emitted * 28.0 / 1e3, rel=1e-12)
    assert r.biogenic_co2_t > 0
    assert AnaerobicDigester(gwp_set="AR6").run(cod).gwp_ch4 == pytest.approx(27.9)


@pytest.mark.component
def test_aerobic_baseline_avoids_nothing():
    d = AnaerobicDigester("aerobic_well_managed")
    assert d.run(1e6).avoided_methane_co2e_t < 0          # a digester adds leakage to a zero baseline
    with pytest.raises(ValueError, match="avoids no methane"):
        d.cod_for_avoided(100.0)


@pytest.mark.parametrize("kwargs,match", [
    (dict(baseline_system="swamp"), "baseline_system must be one of"),
    (dict(leakage=1.5), "leakage must be in"),
    (dict(leakage=0.6, flared_fraction=0.6), "leakage \\+ flared_fraction must be <= 1"),
    (dict(electrical_efficiency=0.6, heat_recovery_efficiency=0.5), "must be <= 1"),
])
@pytest.mark.component
def test_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        AnaerobicDigester(**kwargs)


@pytest.mark.integration
def test_seed16_figures():
    from cases.seed16_food_biogas_power import run
    f = {x.metric: x for x in run().figures}
    ch4 = 10000.0 / 28.0                               # t CH4 behind 10,000 t CO2e (AR5)
    assert f["methane_escaped_before"].computed == pytest.approx(ch4, rel=1e-12)
    assert f["electricity_from_escaped_methane"].computed == pytest.approx(ch4 * 1e3 * 50.03e6 * 0.38 / 3.6e6,
                                                                          rel=1e-3)
    # the claim's 500,000 kWh is about a quarter of what that methane can generate
    assert 3.0 < f["electricity_from_escaped_methane"].computed / 5e5 < 4.5
    assert f["co2e_scope2_electricity"].computed == pytest.approx(5e5 * 0.494 / 1e3, rel=1e-9)   # 2023 factor, current in 2024
    assert 0.85 < f["co2e_avoided"].computed / 1e4 < 1.0
