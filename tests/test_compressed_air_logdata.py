"""Reading logged compressed-air data: units, gauge pressure, cleaning report, flow from power."""
import numpy as np
import pandas as pd
import pytest
from pytest import approx, raises

from units.compressed_air import Compressor, clean, infer_flow, read_log

pytestmark = pytest.mark.component


def _frame(n=30):
    t = pd.date_range("2024-03-01 08:00", periods=n, freq="min")
    return pd.DataFrame({"time": t, "flow [m3/min]": np.linspace(10.0, 13.0, n),
                         "pressure [psig]": 100.0, "power [kW]": 60.0 + np.arange(n) * 0.5})


def test_csv_units_to_si(tmp_path):
    p = tmp_path / "log.csv"
    _frame().to_csv(p, index=False)
    data, meta = read_log(p)
    # 10 m3/min = 1/6 m3/s; 100 psig = 100 x 6894.757 + 101325 Pa (NIST SP 811 B.9)
    assert data["flow"].iloc[0] == approx(10.0 / 60.0, rel=1e-12)
    assert data["pressure"].iloc[0] == approx(100 * 6894.757293168 + 101325.0, rel=1e-9)
    assert data["power"].iloc[0] == approx(60e3, rel=1e-12)
    assert meta["pressure"]["unit"] == "psig"


def test_excel_and_caller_units(tmp_path):
    df = _frame().rename(columns={"flow [m3/min]": "flow", "pressure [psig]": "pressure"})
    p = tmp_path / "log.xlsx"
    df.to_excel(p, index=False)
    data, _ = read_log(p, units={"flow": "m3/h", "pressure": "bar(a)"})
    assert data["flow"].iloc[0] == approx(10.0 / 3600.0, rel=1e-12)
    assert data["pressure"].iloc[0] == approx(100e5, rel=1e-12)


def test_gauge_pressure_without_unit_is_an_error():
    df = _frame().rename(columns={"pressure [psig]": "pressure"})
    with raises(ValueError, match=r"column 'pressure' declares no unit \(gauge or absolute"):
        read_log(df)
    df = _frame().rename(columns={"pressure [psig]": "pressure [bar]"})
    with raises(ValueError, match=r"column 'pressure \[bar\]': unit 'bar' is not a valid pressure unit"):
        read_log(df)


def test_negative_flow_is_an_error():
    df = _frame()
    df.loc[4, "flow [m3/min]"] = -2.0
    with raises(ValueError, match=r"flow must be >= 0 \(m3/min\); got -2.0 at row 4"):
        read_log(df)


def test_clean_reports_gaps_and_spikes():
    df = _frame()
    df.loc[7, "power [kW]"] = 900.0                  # spike
    df.loc[3, "flow [m3/min]"] = np.nan              # short gap
    df = df.drop(index=[15, 16])                      # missing timestamps
    df.loc[20:27, "flow [m3/min]"] = np.nan           # long gap (8 steps)
    data, _ = read_log(df)
    out, rep = clean(data, max_gap=5)
    assert rep.step == 60.0 and rep.inserted_rows == 2
    assert len(rep.spikes["power"]) == 1 and rep.spikes["power"][0][1] == approx(900e3)
    # spike replaced by the 11-point rolling median; the window holds 10 line values and the
    # outlier, so its median is the line value one step later (60 + 8 x 0.5 kW)
    assert out["power"].iloc[7] == approx((60.0 + 8 * 0.5) * 1e3, rel=1e-12)
    assert out["flow"].iloc[3] == approx((10.0 + 3 * 3.0 / 29) / 60.0, rel=1e-12)   # linear fill
    assert rep.unfilled["flow"] == 8 and out["flow"].iloc[20:28].isna().all()
    assert rep.filled["flow"] == 3                   # row 3 plus the 2 inserted timestamps
    assert "spikes replaced" in rep.summary()


def test_infer_flow_from_power_band_contains_truth():
    c = Compressor("modulation", 0.4, 150e3, zero_flow_power=105e3)
    q = np.array([0.1, 0.2, 0.35])
    est = infer_flow(c.power(q), c, power_uncertainty=0.02)
    np.testing.assert_allclose(est.flow, q, rtol=1e-3)
    assert np.all(est.low <= q) and np.all(est.high >= q)
    # modulation is flat-ish: 2 % of power is 3000 W / (45000 W per 0.4 m3/s) = 0.027 m3/s
    assert est.high[1] - est.flow[1] == approx(0.02 * c.power(0.2) / (45e3 / 0.4), rel=1e-2)
    with raises(ValueError, match="power must be within"):
        infer_flow(200e3, c)
