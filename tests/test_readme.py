"""The Python examples in README.md run as written (so the tour stays true)."""
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_blocks_run():
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) >= 4
    namespace: dict = {}
    for block in blocks:
        # Monte Carlo in the tour uses 1e6 scenarios; the test runs the same code on 1e4
        exec(compile(block.replace("1_000_000", "10_000"), str(README), "exec"), namespace)
    assert namespace["sol"].overall["energy_relative"] < 1e-9
    assert float(namespace["f"]) == pytest.approx(0.494)
