"""The ``procsim`` command: run cases, check claims, sweep, report.

One module per command group registers its commands on :data:`procsim.cli._app.app`;
importing this package imports them all. Exit status is non-zero on any error;
``--json`` gives machine-readable output.
"""
from __future__ import annotations

import sys

from procsim.cli._app import app
# one import per line, so that adding a command group touches one line
from procsim.cli import cases_cmd  # noqa: F401  (procsim cases, procsim run)
from procsim.cli import claims_cmd  # noqa: F401  (procsim check-claim)
from procsim.cli import mv_cmd  # noqa: F401  (procsim mv)
from procsim.cli import plant_cmd  # noqa: F401  (procsim options; plant files for procsim run)
from procsim.cli import report_cmd  # noqa: F401  (procsim report)
from procsim.cli import review_cmd  # noqa: F401  (procsim review)
from procsim.cli import sweep_cmd  # noqa: F401  (procsim sweep)
from procsim.cli.cases_cmd import discover_cases

__all__ = ["app", "main", "discover_cases"]


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    app(args=argv if argv is not None else sys.argv[1:], prog_name="procsim")
