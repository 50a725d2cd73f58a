"""The typer application that every ``procsim`` sub-command registers on."""
from __future__ import annotations

import typer

from procsim.cli._errors import ProcsimGroup

app = typer.Typer(cls=ProcsimGroup, add_completion=False, no_args_is_help=True,
                  help="procsim: industrial process energy and waste-heat simulation.")
