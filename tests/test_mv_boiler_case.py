"""Option D case: boiler efficiency model calibrated to gas and steam meters (synthetic data)."""
import pytest

from cases import mv_boiler_calibration as case


@pytest.mark.integration
def test_boiler_calibration_statistics_and_prediction():
    r = case.run()
    f = {x.metric: x.computed for x in r.figures}
    acc = r.details["acceptance"]
    assert acc.passed and f["calibration_cv_rmse"] < 5.0        # meters: 1 % gas, 2 % steam
    # the calibrated model predicts the economizer saving of the true plant within 2 %
    assert f["economizer_gas_saved_model"] == pytest.approx(f["economizer_gas_saved_true"], rel=0.02)
    # independent order of magnitude: about 1 % of fuel per 40 degF (22 K) lower stack
    # temperature (US DOE Steam Tip Sheet #3, "Use Feedwater Economizers for Waste Heat
    # Recovery", 2012): 60 K -> about 2.7 % of the annual gas
    annual_gas = float(r.details["data"]["gas"].sum())
    assert f["economizer_gas_saved_true"] / annual_gas == pytest.approx(60 / 22.2 / 100, rel=0.25)
