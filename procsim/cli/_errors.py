"""How every ``procsim`` command fails: one line on stderr, exit code 2, no traceback.

:class:`ProcsimGroup` is the click group behind the typer app. It runs the command in
click's non-standalone mode and turns whatever escapes into one line::

    procsim: error: <message>

with exit code 2 (usage errors, bad input, unreadable or unwritable files, a model that
refuses its inputs). ``typer.Exit(n)`` keeps its code: ``check-claim --strict`` uses 1 for
claims that do not hold together. ``--debug`` anywhere on the command line shows the full
traceback instead (the flag is taken off before the arguments are parsed).

:func:`check_output_path` is called by every command that writes a file, before it does the
work, so that a typing error in ``-o`` costs nothing.
"""
from __future__ import annotations

import contextvars
import os
import sys
from pathlib import Path

import typer
from typer.core import TyperGroup

try:  # typer >= 0.2x carries its own copy of click; its exceptions are the ones raised
    from typer._click import exceptions as _cx
except ImportError:  # older typer: plain click
    from click import exceptions as _cx

__all__ = ["ProcsimGroup", "check_output_path", "debug_enabled", "one_line", "EXIT_ERROR"]

#: exit code of every failure of a command (click's code for usage errors, kept for all)
EXIT_ERROR = 2
#: longest error line written [characters]
MAX_LINE = 2000


def one_line(message: str, limit: int = MAX_LINE) -> str:
    """``message`` on one line (newlines joined with " | "), at most ``limit`` characters."""
    text = " | ".join(part.strip() for part in str(message).splitlines() if part.strip())
    return text if len(text) <= limit else text[:limit - 3] + "..."


_DEBUG = contextvars.ContextVar("procsim_cli_debug", default=False)


def debug_enabled() -> bool:
    """True inside a command run with ``--debug`` (set per call by :class:`ProcsimGroup`)."""
    return _DEBUG.get()


def check_output_path(path, *, option: str = "--output") -> Path:
    """Refuse an output path that cannot be written, before any work is done.

    The parent directory must exist and be writable, and the path must not be a directory.
    """
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise _cx.UsageError(f"{option} {p} is a directory; give a file name")
    if not parent.is_dir():
        raise _cx.UsageError(f"{option} {p}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise _cx.UsageError(f"{option} {p}: not writable")
    return p


class ProcsimGroup(TyperGroup):
    """Typer group whose failures are one line on stderr with exit code 2 (see the module)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             windows_expand_args=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in args
        if debug:
            args = [a for a in args if a != "--debug"]
        name = "procsim"  # the command as users type it, also under a test runner
        token = _DEBUG.set(debug)
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                              standalone_mode=False, windows_expand_args=windows_expand_args,
                              **extra)
            code = rv if isinstance(rv, int) and not isinstance(rv, bool) else 0
        except typer.Exit as exc:
            code = exc.exit_code
        except typer.Abort:
            typer.echo(f"{name}: aborted", err=True)
            code = EXIT_ERROR
        except _cx.ClickException as exc:
            if debug:
                raise
            typer.echo(f"{name}: error: {one_line(exc.format_message())}", err=True)
            code = EXIT_ERROR
        except KeyboardInterrupt:
            typer.echo(f"{name}: interrupted", err=True)
            code = 130
        except Exception as exc:  # the one place where any failure becomes one line
            if debug:
                raise
            if isinstance(exc, (ValueError, OSError)):  # bad input or file: the message says it all
                typer.echo(f"{name}: error: {one_line(exc)}", err=True)
            else:  # a failure inside procsim: say what it was, where (notes), and how to see more
                notes = "; ".join(getattr(exc, "__notes__", ()))
                text = f"{type(exc).__name__}: {exc}" + (f" ({notes})" if notes else "")
                typer.echo(f"{name}: error: {one_line(text)} (rerun with --debug for the traceback)",
                           err=True)
            code = EXIT_ERROR
        finally:
            _DEBUG.reset(token)
        if standalone_mode:
            sys.exit(code)
        return code
