"""Seed case 4 (cement-kiln waste-heat power): figures, their basis and their internal consistency."""
import pytest

from procsim.accounting import grid_factor

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def case():
    from cases import seed04_cement_whr as mod

    return mod, mod.run()


def test_case_claims_are_the_seed_figures(case):
    mod, res = case
    figs = {f.metric: f for f in res.figures}
    assert res.case_id == "seed04_cement_whr"
    # seed-cases.md item 4: 14.5 kg CO2e/t cement, 1.7 %, 36,900 t CO2e
    assert figs["co2_avoided_per_t_cement"].claimed == 14.5
    assert figs["implied_product_footprint"].computed == pytest.approx(14.5 / 0.017, rel=1e-12)
    assert figs["cement_behind_project_total"].claimed == pytest.approx(36900 / 14.5 / 1e3, rel=1e-12)


def test_case_arithmetic_is_consistent(case):
    mod, res = case
    figs = {f.metric: f for f in res.figures if f.reading != "waste-heat power alone, later actual factor"}
    d = res.details
    clinker_t_h = mod.CLINKER_PER_DAY / 24.0
    power_kw = (d["preheater_orc"].net_electric_power + d["cooler_orc"].net_electric_power) / 1e3
    assert figs["whr_power_per_t_clinker"].computed == pytest.approx(power_kw / clinker_t_h, rel=1e-12)
    # headline on the factor current at the 2024 claim's date: 2023's 0.494, announced 2024-04-26
    # (facts.md 1.1); 2024's 0.474 was announced only in 2025
    ef = float(grid_factor("TW", 2023, "actual"))
    assert ef == 0.494
    kwh_cement = figs["whr_power_per_t_clinker"].computed * mod.CLINKER_FACTOR
    assert figs["whr_power_per_t_cement"].computed == pytest.approx(kwh_cement, rel=1e-12)
    assert figs["co2_avoided_per_t_cement"].computed == pytest.approx(kwh_cement * ef, rel=1e-12)
    assert figs["whr_power_per_t_cement"].claimed == pytest.approx(14.5 / ef, rel=1e-12)


def test_case_gas_flows_and_limits(case):
    mod, res = case
    d = res.details
    # ideal gas at 0 degC, 1 atm: 1 Nm3 = 101325 / (8.314462618 * 273.15) mol = 44.615 mol
    n = 101325.0 / (8.314462618 * 273.15)
    m_air = 0.9 * n * 0.028965  # dry air 28.965 g/mol (ISO 2533)
    assert d["cooler_air_kg_per_kg_clinker"] == pytest.approx(m_air, rel=1e-4)
    assert d["preheater_orc"].heat_source_outlet_temperature >= mod.PH_GAS_MIN_OUT - 1e-6
    assert d["cooler_orc"].heat_source_outlet_temperature >= mod.AQC_AIR_MIN_OUT - 1e-6
    for key in ("preheater_orc", "cooler_orc", "preheater_steam", "cooler_steam"):
        r = d[key]
        assert abs(r.energy_residual_relative) < 1e-9 and abs(r.energy_residual) < 1e-9 * r.heat_input
        assert 0.0 < r.thermal_efficiency < 1.0 - mod.CONDENSING_T / r.state("expander_inlet").T
    # steam turbines tolerate about 10-12 % moisture at the last stage (engineering limit)
    assert d["preheater_steam"].state("expander_outlet").x > 0.88
    # whole-plant WHR in the published range 25-45 kWh/t clinker (facts.md 5.3; Ayu et al. 2015: 42.1)
    assert 25.0 < {f.metric: f for f in res.figures}["whr_power_per_t_clinker"].computed < 45.0


def test_case_readings_and_what_the_claim_implies(case):
    mod, res = case
    later = [f for f in res.figures if f.reading == "waste-heat power alone, later actual factor"]
    assert len(later) == 1
    power_only, alt_fuel = res.implied
    assert power_only.value == pytest.approx(14.5 / 0.494, rel=1e-12)
    # 14.5 kg / (3.5 GJ/t clinker x 94.6 kg CO2/GJ x 0.85 t clinker/t cement) = 5.15 % substitution
    assert alt_fuel.value == pytest.approx(14.5 / (3.5 * 94.6 * 0.85), rel=1e-12)
    assert alt_fuel.plausible
    assert "not waste-heat power alone" in res.verdicts[0]
