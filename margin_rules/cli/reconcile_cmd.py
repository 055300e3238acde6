"""``margin-rules reconcile``: the typer surface of the Alpaca reconciler (``brokers.alpaca.reconcile``).

Only the command line lives here: the options follow the other commands' conventions (``--json`` writes the JSON report
to stdout, tables otherwise) and are handed to the reconciler's own ``main(argv)``, which keeps its parsing, checks,
endpoint guard, exit codes and logic. An option left out is not passed, so the reconciler's defaults apply.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from margin_rules.errors import MissingExtraError

ALPACA_DEPENDENCIES = ("alpaca", "dotenv", "pydantic", "requests", "msgpack", "sseclient", "websockets")
"""Top-level modules of the ``alpaca`` extra (alpaca-py and python-dotenv, with alpaca-py's own dependencies)."""


def reconciler_main() -> Callable[..., int]:
    """The reconciler's ``main``; :class:`MissingExtraError` when the ``alpaca`` extra is not installed."""
    try:
        reconcile = importlib.import_module("margin_rules.brokers.alpaca.reconcile")
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ALPACA_DEPENDENCIES:
            raise
        raise MissingExtraError("margin-rules reconcile", "alpaca", exc.name) from None
    entry: Callable[..., int] = reconcile.main
    return entry


def reconciler_argv(
    *,
    live: bool,
    env_file: str | None,
    base_url: str | None,
    json_file: Path | None,
    watch: bool,
    interval: float | None,
    iterations: int | None,
    timeout: float | None,
    retries: int | None,
    backoff: float | None,
    leverage: list[str],
    marginable: list[str],
    tolerance: list[str],
    relative: list[str],
) -> list[str]:
    """The reconciler's argument list for these options (options left at None are not passed)."""
    argv: list[str] = []
    if live:
        argv.append("--live")
    if watch:
        argv.append("--watch")
    for flag, value in (
        ("--env-file", env_file),
        ("--base-url", base_url),
        ("--json", json_file),
        ("--interval", interval),
        ("--iterations", iterations),
        ("--timeout", timeout),
        ("--retries", retries),
        ("--backoff", backoff),
    ):
        if value is not None:
            argv += [flag, str(value)]
    for flag, values in (
        ("--leverage", leverage),
        ("--marginable", marginable),
        ("--tolerance", tolerance),
        ("--relative", relative),
    ):
        for value in values:
            argv += [flag, value]
    return argv


def reconcile(
    as_json: Annotated[
        bool, typer.Option("--json", help="Write the JSON report to stdout (tables and alerts go to stderr).")
    ] = False,
    json_file: Annotated[
        Path | None,
        typer.Option("--json-file", metavar="PATH", help="Also write the JSON report to PATH (watch: every poll)."),
    ] = None,
    watch: Annotated[bool, typer.Option("--watch", help="Poll continuously; feeds a live account and its monitor.")] = (
        False
    ),
    interval: Annotated[
        float | None, typer.Option("--interval", metavar="SECONDS", help="Seconds between polls (watch). Default 60.")
    ] = None,
    iterations: Annotated[
        int | None, typer.Option("--iterations", metavar="N", help="Stop after N polls (watch). Default: never.")
    ] = None,
    live: Annotated[bool, typer.Option("--live", help="Use the live endpoint (default: paper).")] = False,
    env_file: Annotated[
        str | None,
        typer.Option("--env-file", metavar="PATH", help="A .env file with ALPACA_API_KEY / ALPACA_SECRET_KEY."),
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", metavar="URL", help="Override ALPACA_BASE_URL (without /v2).")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", metavar="SECONDS", help="HTTP timeout. Default 10.")
    ] = None,
    retries: Annotated[
        int | None, typer.Option("--retries", metavar="N", help="Retries after HTTP 429 (bounded backoff). Default 3.")
    ] = None,
    backoff: Annotated[
        float | None,
        typer.Option("--backoff", metavar="SECONDS", help="First backoff delay (doubles each retry). Default 0.5."),
    ] = None,
    leverage: Annotated[
        list[str] | None,
        typer.Option("--leverage", metavar="SYMBOL=FACTOR", help="Leverage factor of a leveraged ETP (repeatable)."),
    ] = None,
    marginable: Annotated[
        list[str] | None,
        typer.Option("--marginable", metavar="SYMBOL=true|false", help="Margin eligibility of a symbol (repeatable)."),
    ] = None,
    tolerance: Annotated[
        list[str] | None,
        typer.Option("--tolerance", metavar="FIELD=ABS", help="Absolute tolerance of one field, or default=ABS."),
    ] = None,
    relative: Annotated[
        list[str] | None,
        typer.Option("--relative", metavar="[FIELD=]REL", help="Relative tolerance: 0.001 for every field, or one."),
    ] = None,
) -> None:
    """Reconcile margin_rules with an Alpaca account (paper by default), field by field.

    Needs ALPACA_API_KEY and ALPACA_SECRET_KEY (environment or .env). With --watch, each poll's prices also feed a live
    MarginAccount whose monitor transitions are printed. Exit codes: 0 agree, 1 breach, 2 usage, 3 skipped (no
    credentials), 4 Alpaca API error, 5 the alpaca extra is not installed.
    """
    from margin_rules.cli.app import guarded

    with guarded():
        entry = reconciler_main()
        with tempfile.TemporaryDirectory(prefix="margin-rules-reconcile-") as tmp:
            target = Path(tmp) / "report.json" if as_json else json_file
            argv = reconciler_argv(
                live=live,
                env_file=env_file,
                base_url=base_url,
                json_file=target,
                watch=watch,
                interval=interval,
                iterations=iterations,
                timeout=timeout,
                retries=retries,
                backoff=backoff,
                leverage=leverage or [],
                marginable=marginable or [],
                tolerance=tolerance or [],
                relative=relative or [],
            )
            out = sys.stderr if as_json else sys.stdout
            code = _run(entry, argv, watch, out)
            if as_json and target is not None and target.is_file():
                text = target.read_text(encoding="utf-8")
                if json_file is not None:
                    json_file.parent.mkdir(parents=True, exist_ok=True)
                    json_file.write_text(text, encoding="utf-8")
                typer.echo(text, nl=False)
    raise typer.Exit(int(code))


def _run(entry: Callable[..., int], argv: list[str], watch: bool, out: object) -> int:
    if not watch:
        return int(entry(argv, stdout=out))
    from margin_rules.cli.watch import AccountWatch  # continuous mode: each poll's prices feed a live account

    account_watch = AccountWatch(argv, Console(file=out, highlight=False, width=160))  # type: ignore[arg-type]
    try:
        return int(entry(argv, stdout=out, on_prices=account_watch.on_prices, on_alert=account_watch.on_alert))
    finally:
        account_watch.close()
