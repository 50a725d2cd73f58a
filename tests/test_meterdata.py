"""procsim.meterdata: declared units, time zones and daylight saving, gaps reported, not filled."""
import numpy as np
import pandas as pd
import pytest

from procsim.meterdata import clean, gaps, read_log


@pytest.mark.unit
def test_declared_units_and_unitless_production(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("time,energy [kWh],gas [Nm3],production\n"
                 "2024-01-01 00:00,10,2.5,100\n2024-01-01 01:00,12,3.0,110\n")
    data, meta = read_log(p, kinds={"production": "count"})
    assert data["energy"].tolist() == [10 * 3.6e6, 12 * 3.6e6]      # 1 kWh = 3.6e6 J
    assert data["gas"].iloc[1] == pytest.approx(3.0)                 # Nm3 -> m3 (volume)
    assert data["production"].tolist() == [100.0, 110.0] and meta["production"]["kind"] == "count"
    with pytest.raises(ValueError, match="kinds given for columns not in the data"):
        read_log(p, kinds={"production": "count", "x": "count"})


@pytest.mark.unit
def test_daylight_saving_local_times_to_utc():
    # Europe/Berlin, 2024-10-27: 02:00-03:00 local happens twice (CEST then CET)
    local = ["2024-10-27 01:00", "2024-10-27 02:00", "2024-10-27 02:00", "2024-10-27 03:00"]
    df = pd.DataFrame({"time": local, "energy [kWh]": [1, 2, 3, 4]})
    data, _ = read_log(df, timezone="Europe/Berlin")
    utc = [t.strftime("%H:%M") for t in data.index]
    assert utc == ["23:00", "00:00", "01:00", "02:00"]  # hourly in UTC, no duplicate
    # 2024-03-31 02:30 local does not exist in Berlin
    df = pd.DataFrame({"time": ["2024-03-31 01:30", "2024-03-31 02:30"], "energy [kWh]": [1, 2]})
    with pytest.raises(ValueError, match="skipped when daylight saving starts"):
        read_log(df, timezone="Europe/Berlin")
    # Taipei has no daylight saving: +8 h
    df = pd.DataFrame({"time": ["2024-07-01 08:00"], "energy [kWh]": [1]})
    assert read_log(df, timezone="Asia/Taipei")[0].index[0].hour == 0


@pytest.mark.unit
def test_gaps_are_reported_and_never_filled():
    t = pd.date_range("2024-01-01", periods=10, freq="15min")
    df = pd.DataFrame({"energy": np.arange(10.0), "temperature": np.ones(10)}, index=t)
    df = df.drop(t[[3, 4, 5]])
    df.loc[t[8], "temperature"] = np.nan
    g = gaps(df)
    assert g.to_dict("records") == [
        {"column": "energy", "start": t[3], "end": t[5], "steps": 3},
        {"column": "temperature", "start": t[3], "end": t[5], "steps": 3},
        {"column": "temperature", "start": t[8], "end": t[8], "steps": 1}]
    out, rep = clean(df, max_gap=0, spikes="report")
    assert out["energy"].isna().sum() == 3 and rep.filled["energy"] == 0
