"""Refrigerant screening: ranking against the cycle, data columns, limits."""
import pytest

from units.heat_pump import simple_cycle
from units.heat_pump.screening import screen_refrigerants

pytestmark = pytest.mark.component


def test_screening_rows():
    df = screen_refrigerants(333.15, 323.15, 343.15, 363.15).set_index("refrigerant")
    # each COP is the cycle at T_e = 50 - 5 C, T_c = 90 + 5 C with the Brunin efficiency
    c = simple_cycle("R1233zd(E)", 318.15, 368.15, 5.0, 2.0, 0.874 - 0.0135 * df.loc["R1233zd(E)", "pressure_ratio"])
    assert df.loc["R1233zd(E)", "cop_heating"] == pytest.approx(c.cop_heating, rel=1e-9)
    assert df.loc["R134a", "gwp"] == 1300 and df.loc["R717", "safety_class"] == "B2L"
    assert bool(df.loc["R718", "sub_atmospheric"])            # water at 45 C: 9.6 kPa
    assert bool(df.loc["R717", "above_pressure_limit"])       # ammonia at 95 C: 56.6 bar > 25 bar
    assert not df.loc["R744", "suitable"] and "transcritical" in df.loc["R744", "reason"]
    cops = df["cop_heating"].dropna().to_numpy()
    assert all(cops[:-1] >= cops[1:])


def test_screening_errors():
    with pytest.raises(ValueError, match="source_in must be > source_out"):
        screen_refrigerants(320.0, 330.0, 340.0, 360.0)
