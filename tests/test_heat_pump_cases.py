"""Seed cases 8 and 12 against hand calculations and CoolProp; all three new cases are listed."""
import CoolProp.CoolProp as CP
import pytest
from typer.testing import CliRunner

from procsim.cli import app

pytestmark = pytest.mark.integration


def test_seed08_gas_per_tonne_from_coolprop():
    from cases.seed08_dyeing_cooling_water import run
    f = {x.metric: x for x in run().figures}
    dh = CP.PropsSI("H", "T", 348.15, "P", 3e5, "IF97::Water") - CP.PropsSI("H", "T", 298.15, "P", 3e5, "IF97::Water")
    nm3 = dh * 1e3 / (0.85 * 0.90 * 9000 * 4186.8)      # 9,000 kcal/Nm3, IT calorie
    assert f["gas_saved_per_t_recovered"].computed == pytest.approx(nm3, rel=1e-6)
    assert f["heatup_share_displaceable"].computed == pytest.approx(
        100 * dh / (CP.PropsSI("H", "T", 363.15, "P", 3e5, "IF97::Water")
                    - CP.PropsSI("H", "T", 298.15, "P", 3e5, "IF97::Water")), rel=1e-6)
    # cooler: hot end 90 - 75 C = 15 K is the pinch of a balanced water-water exchanger
    assert f["cooler_min_approach"].computed == pytest.approx(15.0, abs=0.05)
    assert f["gas_share_heating_water_needed"].computed == pytest.approx(
        35.0 / (f["heatup_share_displaceable"].computed / 100), rel=1e-12)


def test_seed12_dryness_rule_by_hand():
    from cases.seed12_paper_machine import dryer_saving_per_point, run, water_evaporated
    w45 = 0.55 / 0.45 - 0.08 / 0.92
    w46 = 0.54 / 0.46 - 0.08 / 0.92
    assert water_evaporated(0.45) == pytest.approx(w45, rel=1e-14)
    assert dryer_saving_per_point(0.45) == pytest.approx(1 - w46 / w45, rel=1e-12)
    f = {x.metric: x for x in run().figures}
    assert f["dryer_saving_per_dryness_point"].computed == pytest.approx(4.255, abs=0.01)   # the source's "4 %"
    with pytest.raises(ValueError, match="press_dryness must be in"):
        water_evaporated(0.9)


def test_new_cases_listed():
    out = CliRunner().invoke(app, ["cases", "--list"]).output
    for cid in ("seed08_dyeing_cooling_water", "seed12_paper_machine", "seed16_food_biogas_power"):
        assert cid in out
