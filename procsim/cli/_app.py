"""The typer application that every ``procsim`` sub-command registers on, and its global options."""
from __future__ import annotations

import logging
from typing import Optional

import typer

from procsim.cli._errors import ProcsimGroup

app = typer.Typer(cls=ProcsimGroup, add_completion=False, no_args_is_help=True,
                  help="procsim: industrial process energy and waste-heat simulation.")


def _version(value: bool) -> None:
    if value:
        from procsim import __version__

        typer.echo(f"procsim {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                                 help="print the procsim version and exit"),
          quiet: bool = typer.Option(False, "--quiet", "-q",
                                     help="no progress bars and no timing lines on standard error"),
          verbose: bool = typer.Option(False, "--verbose", "-v",
                                       help="log what procsim is doing (INFO level) on standard error"),
          debug: bool = typer.Option(False, "--debug",
                                     help="show the full traceback of a failure instead of one line "
                                          "(accepted anywhere on the command line)")):
    """procsim: industrial process energy and waste-heat simulation."""
    from procsim import progress

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if quiet:
        progress._ENABLED.set(False)
