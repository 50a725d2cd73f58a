"""What every benchmark script shares: a description of the machine and where results go.

Scripts run as ``python benchmarks/bench_<area>.py``, so this module is imported from the
script's own directory (``from harness import ...``).
"""
from __future__ import annotations

import json
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine_info(**extra) -> dict:
    """Processor, core count and library versions, recorded beside every timing."""
    import numba
    import numpy as np

    info = {"processor": platform.processor(), "machine": platform.machine(),
            "cpu_count": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__, "numba": numba.__version__}
    info.update(extra)
    return info


def write_result(name: str, payload: dict, indent: int = 2) -> Path:
    """Write ``payload`` to ``benchmarks/results/<name>.json`` and return the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=indent))
    return path
