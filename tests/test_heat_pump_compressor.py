"""Compressor volumetric efficiency, swept volume and EN 14825 on/off degradation, by hand."""
import CoolProp.CoolProp as CP
import pytest

from units.heat_pump import simple_cycle
from units.heat_pump.compressor import on_off_part_load_cop, swept_volume_flow, volumetric_efficiency

pytestmark = pytest.mark.unit


def test_volumetric_efficiency_by_hand():
    assert volumetric_efficiency(4.0, 0.04, 1.15) == pytest.approx(1.04 - 0.04 * 4.0 ** (1 / 1.15), rel=1e-14)
    assert volumetric_efficiency(1.0) == pytest.approx(1.0, rel=1e-14)      # no pressure rise: full delivery
    with pytest.raises(ValueError, match="no delivery"):
        volumetric_efficiency(200.0, 0.1, 1.0)


def test_swept_volume_from_coolprop():
    c = simple_cycle("R717", 263.15, 308.15, superheat=5.0, isentropic_efficiency=0.75)
    v1 = 1.0 / CP.PropsSI("D", "P", c.evaporating_pressure, "T", 268.15, "Ammonia")
    m = 100e3 / c.q_condenser
    assert swept_volume_flow(100e3, c, 0.85) == pytest.approx(m * v1 / 0.85, rel=1e-9)


def test_en14825_degradation():
    assert on_off_part_load_cop(4.0, 1.0) == pytest.approx(4.0, rel=1e-14)
    assert on_off_part_load_cop(4.0, 0.5) == pytest.approx(4.0 * 0.5 / (0.9 * 0.5 + 0.1), rel=1e-14)
    assert on_off_part_load_cop(4.0, 0.5, 1.0) == pytest.approx(4.0, rel=1e-14)   # Cd = 1: no loss
