"""The ``margin-rules`` command line and live dashboard (the shell: I/O allowed, formulas never).

Every number shown comes from a core function of :mod:`margin_rules`; this package only reads files, chooses what to
show, rounds for presentation (:func:`margin_rules.money.to_cents`) and prints.

:func:`main` is the installed ``margin-rules`` script. It imports the command line (typer and rich, the ``cli`` extra)
only when called, so that an installation without that extra prints one line naming it and exits with
:data:`margin_rules.errors.EXIT_MISSING_EXTRA` instead of a traceback.
"""

from __future__ import annotations

import sys

from margin_rules.errors import EXIT_MISSING_EXTRA, MissingExtraError

CLI_DEPENDENCIES = ("typer", "rich", "click")
"""The ``cli`` extra's modules: a missing one (or a package of it) means the extra is not installed."""


def main(argv: list[str] | None = None) -> int:
    """The ``margin-rules`` entry point: :func:`margin_rules.cli.app.main`, or one line naming the ``cli`` extra."""
    try:
        from margin_rules.cli import app
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in CLI_DEPENDENCIES:
            raise
        print(f"error: {MissingExtraError('the margin-rules command', 'cli', exc.name)}", file=sys.stderr)
        return EXIT_MISSING_EXTRA
    return app.main(argv)
