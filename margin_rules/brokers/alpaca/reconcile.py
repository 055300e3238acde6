"""Reconcile margin_rules against a live (paper by default) Alpaca account, once or continuously.

Entry point for ``margin-rules reconcile``: :func:`main` ``(argv: list[str] | None = None) -> int``.

Exit codes (:class:`ExitCode`):

==  ============================================================================================================
0   every reproducible field agrees within its tolerance (default: half a cent, see ``fields.CENT_TOLERANCE``)
1   breach: at least one field (or position market value) differs beyond its tolerance; in watch mode, any breach
2   usage or configuration error (bad option, paper/live mix-up, invalid tolerance) - nothing was fetched
3   skipped: no credentials (ALPACA_API_KEY / ALPACA_SECRET_KEY absent) - never a pass
4   Alpaca API error: 401/403, 429 after bounded backoff, 5xx, timeout, connection, malformed/partial JSON or refused
    data (a typed error naming the field); in watch mode, when no iteration breached but at least one failed
==  ============================================================================================================

Comparison: for each field, ``delta = local - alpaca`` and the field breaches when ``|delta| > max(absolute,
relative x |alpaca|)`` (no division: the relative bound is a product). Per-field tolerances: ``--tolerance
FIELD=ABS`` and ``--relative FIELD=REL`` (``--relative 0.001`` alone sets 0.1 % for every field). Fields Alpaca did not
send (e.g. the PDT fields removed on 2026-07-06) are "not_sent"; fields the core cannot reproduce are
"not_reproducible" with the reason (see :mod:`margin_rules.brokers.alpaca.fields`): neither is a pass nor a breach,
both are shown.
Each position's Alpaca ``market_value`` is also compared with the core's ``qty x current_price``.

Watch mode (``--watch --interval N [--iterations K]``) polls every N seconds, feeds the current prices to an
``on_prices(dict[str, Decimal])`` callback (e.g. a live MarginAccount's price update), alerts on drift (a breach) and on
errors, and never stops on an error: the next poll runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from margin_rules.brokers.alpaca.client import (
    Backoff,
    Credentials,
    fetch_raw,
    load_settings,
    make_client,
    redact,
    resolve_base_url,
)
from margin_rules.brokers.alpaca.errors import AlpacaApiError, ConfigError
from margin_rules.brokers.alpaca.fields import CENT_TOLERANCE, FIELDS, reproduce
from margin_rules.brokers.alpaca.mapping import AlpacaSnapshot, map_snapshot
from margin_rules.errors import InvalidInputError
from margin_rules.money import ZERO, exact, to_decimal
from margin_rules.rulesets import RuleSet, alpaca


class ExitCode(IntEnum):
    OK = 0
    BREACH = 1
    USAGE = 2
    SKIPPED = 3
    API_ERROR = 4


SKIPPED_MESSAGE = "skipped: no credentials"
HISTORY_LIMIT = 500
"""Watch mode keeps (and writes to JSON) the last this-many polls: a monitor running for weeks stays bounded."""


@dataclass(frozen=True, slots=True)
class Tolerance:
    """Allowed |local - alpaca|: the larger of ``absolute`` and ``relative`` x |alpaca|."""

    absolute: Decimal = CENT_TOLERANCE
    relative: Decimal = ZERO

    def __post_init__(self) -> None:
        for name in ("absolute", "relative"):
            value = to_decimal(getattr(self, name), f"tolerance.{name}")
            if value < ZERO:
                raise ConfigError(f"tolerance.{name} cannot be negative ({value})")
            object.__setattr__(self, name, value)

    def allowed(self, reference: Decimal) -> Decimal:
        with exact():
            return max(self.absolute, self.relative * abs(reference))


@dataclass(frozen=True, slots=True)
class FieldResult:
    """One row of the reconciliation. ``status``: ok, breach, not_sent, not_reproducible."""

    field: str
    local: Decimal | None
    alpaca: Decimal | None
    delta: Decimal | None
    allowed: Decimal | None
    status: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """A reconciliation of one snapshot."""

    fields: tuple[FieldResult, ...]
    positions: tuple[FieldResult, ...]
    multiplier: Decimal
    legacy_pdt_fields: bool
    notes: tuple[str, ...] = ()
    taken_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def breaches(self) -> tuple[FieldResult, ...]:
        return tuple(r for r in (*self.fields, *self.positions) if r.status == "breach")

    @property
    def ok(self) -> bool:
        return not self.breaches

    def result(self, name: str) -> FieldResult:
        for row in (*self.fields, *self.positions):
            if row.field == name:
                return row
        raise KeyError(name)


def _compare(name: str, local: Decimal | None, reported: Decimal | None, tol: Tolerance, note: str) -> FieldResult:
    if reported is None:
        return FieldResult(name, local, None, None, None, "not_sent", note or "absent from Alpaca's payload")
    if local is None:
        return FieldResult(name, None, reported, None, None, "not_reproducible", note)
    with exact():
        delta = local - reported
    allowed = tol.allowed(reported)
    return FieldResult(name, local, reported, delta, allowed, "ok" if abs(delta) <= allowed else "breach", note)


def reconcile(
    snapshot: AlpacaSnapshot,
    rules: RuleSet | None = None,
    tolerances: Mapping[str, Tolerance] | None = None,
    default: Tolerance | None = None,
) -> Report:
    """Compare every reproducible field of ``snapshot`` with Alpaca's figure (see the module docstring)."""
    tolerances = tolerances or {}
    default = default or Tolerance()
    local = reproduce(snapshot, rules)
    rows = []
    for name in FIELDS:
        rep = local[name]
        tol = tolerances.get(name, default)
        rows.append(_compare(name, rep.value, snapshot.reported.get(name), tol, rep.reason or ""))
    positions = []
    for p in snapshot.positions:
        name = f"position[{p.symbol}].market_value"
        with exact():
            mine = p.quantity * p.current_price
        positions.append(_compare(name, mine, p.market_value, tolerances.get("position_market_value", default), ""))
    return Report(tuple(rows), tuple(positions), snapshot.multiplier, snapshot.legacy_pdt_fields, snapshot.notes)


# --- presentation ------------------------------------------------------------------------------------------------


def _text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def render(report: Report, console: Console) -> None:
    """Print the table local vs Alpaca vs delta (exact figures; nothing rounded)."""
    table = Table(title=f"Alpaca reconciliation (multiplier {report.multiplier}) {report.taken_at}")
    for column in ("field", "local", "alpaca", "delta", "allowed", "status", "note"):
        table.add_column(column, overflow="fold")
    style = {"ok": "green", "breach": "bold red", "not_sent": "dim", "not_reproducible": "yellow"}
    for row in (*report.fields, *report.positions):
        table.add_row(
            escape(row.field),
            _text(row.local),
            _text(row.alpaca),
            _text(row.delta),
            _text(row.allowed),
            f"[{style[row.status]}]{row.status}[/]",
            escape(row.note),
        )
    console.print(table)
    verdict = "OK" if report.ok else f"BREACH ({len(report.breaches)} field(s))"
    console.print(f"reconciliation: {verdict}")


def report_json(report: Report) -> dict[str, Any]:
    """A JSON-serialisable form of ``report`` (amounts as exact decimal strings)."""

    def row(r: FieldResult) -> dict[str, Any]:
        return {
            "field": r.field,
            "local": _text(r.local) or None,
            "alpaca": _text(r.alpaca) or None,
            "delta": _text(r.delta) or None,
            "allowed": _text(r.allowed) or None,
            "status": r.status,
            "note": r.note,
        }

    return {
        "taken_at": report.taken_at,
        "ok": report.ok,
        "multiplier": _text(report.multiplier),
        "legacy_pdt_fields": report.legacy_pdt_fields,
        "fields": [row(r) for r in report.fields],
        "positions": [row(r) for r in report.positions],
        "breaches": [r.field for r in report.breaches],
        "notes": list(report.notes),
    }


# --- one run and the monitor ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Options:
    """Parsed reconciler options (see :func:`parse_args`)."""

    live: bool = False
    env_file: str | None = ".env"
    base_url: str | None = None
    json_path: Path | None = None
    watch: bool = False
    interval: float = 60.0
    iterations: int | None = None
    timeout: float = 10.0
    retries: int = 3
    backoff_base: float = 0.5
    leverage: Mapping[str, Decimal] = field(default_factory=dict)
    marginable: Mapping[str, bool] = field(default_factory=dict)
    tolerances: Mapping[str, Tolerance] = field(default_factory=dict)
    default_tolerance: Tolerance = field(default_factory=Tolerance)


@dataclass(frozen=True, slots=True)
class Alert:
    """A monitor alert: ``kind`` is "drift" (a breach) or "error"."""

    kind: str
    iteration: int
    message: str


def run_once(
    client: Any,
    options: Options,
    credentials: Credentials,
    rules: RuleSet | None = None,
    sleep: Callable[[float], None] | None = None,
) -> tuple[AlpacaSnapshot, Report]:
    """Fetch, map and reconcile once. Raises AlpacaApiError / InvalidInputError on failure."""
    backoff = Backoff(retries=options.retries, base=options.backoff_base)
    raw_account, raw_positions = fetch_raw(client, backoff=backoff, sleep=sleep, secrets=credentials.secrets)
    snapshot = map_snapshot(raw_account, raw_positions, leverage=options.leverage, marginable=options.marginable)
    return snapshot, reconcile(snapshot, rules, options.tolerances, options.default_tolerance)


def monitor(
    client: Any,
    options: Options,
    credentials: Credentials,
    *,
    console: Console,
    on_prices: Callable[[dict[str, Decimal]], None] | None = None,
    on_alert: Callable[[Alert], None] | None = None,
    sleep: Callable[[float], None] | None = None,
    rules: RuleSet | None = None,
) -> int:
    """Poll every ``options.interval`` seconds (``options.iterations`` times, forever when None).

    Each poll: fetch, feed ``on_prices`` (exceptions from the callback are reported, not raised), reconcile, render,
    alert on drift; an error is rendered and alerted and the next poll runs. Returns the exit code (module docstring).
    """
    sleeper = sleep if sleep is not None else time.sleep
    secrets = credentials.secrets

    def alert(event: Alert) -> None:
        console.print(f"[bold red]ALERT {event.kind}[/] (poll {event.iteration}): {escape(event.message)}")
        if on_alert is not None:
            try:
                on_alert(event)
            except Exception as exc:  # an alert sink failing must not stop the monitor
                console.print(f"[bold red]error[/]: alert callback failed: {escape(type(exc).__name__)}")

    history: deque[dict[str, Any]] = deque(maxlen=HISTORY_LIMIT)
    breached = failed = False
    iteration = 0
    while options.iterations is None or iteration < options.iterations:
        iteration += 1
        entry: dict[str, Any] = {"iteration": iteration}
        try:
            snapshot, report = run_once(client, options, credentials, rules, sleeper)
        except (AlpacaApiError, InvalidInputError) as exc:
            failed = True
            message = redact(str(exc), secrets)
            console.print(f"[bold red]error[/]: {escape(message)}")
            alert(Alert("error", iteration, message))
            entry["error"] = message
        except Exception as exc:  # PrecisionError (data beyond the core's bounds) or anything unexpected: never crash
            failed = True
            message = redact(f"{type(exc).__name__}: {exc}", secrets)
            console.print(f"[bold red]error[/]: {escape(message)}")
            alert(Alert("error", iteration, message))
            entry["error"] = message
        else:
            if on_prices is not None:
                try:
                    on_prices(snapshot.prices)
                except Exception as exc:  # a callback bug must not stop the monitor
                    message = redact(f"price callback failed: {type(exc).__name__}: {exc}", secrets)
                    console.print(f"[bold red]error[/]: {escape(message)}")
                    alert(Alert("error", iteration, message))
            render(report, console)
            entry["report"] = report_json(report)
            if not report.ok:
                breached = True
                drift = ", ".join(f"{r.field} delta {_text(r.delta)}" for r in report.breaches)
                alert(Alert("drift", iteration, drift))
        history.append(entry)
        if options.json_path is not None:
            data = {"iterations": list(history)} if options.watch else entry.get("report") or {"ok": False, **entry}
            try:
                _write_json(options.json_path, data)
            except OSError as exc:
                failed = True
                message = f"cannot write {options.json_path}: {exc.strerror or exc}"
                console.print(f"[bold red]error[/]: {escape(message)}")
                alert(Alert("error", iteration, message))
        if options.iterations is None or iteration < options.iterations:
            sleeper(options.interval)
    if breached:
        return ExitCode.BREACH
    return ExitCode.API_ERROR if failed else ExitCode.OK


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# --- command line ----------------------------------------------------------------------------------------------------


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would sys.exit(2): raise instead, main() returns 2
        raise _UsageError(message)


def _pairs(values: Sequence[str], name: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ConfigError(f"--{name} expects KEY=VALUE, got {item!r}")
        result[key.strip()] = value.strip()
    return result


def parse_args(argv: Sequence[str]) -> Options:
    """Parse the reconciler's options (raises ConfigError or _UsageError)."""
    parser = _Parser(prog="margin-rules reconcile", description="Reconcile margin_rules against an Alpaca account.")
    parser.add_argument("--live", action="store_true", help="use the live endpoint (default: paper)")
    parser.add_argument("--env-file", default=".env", help="a .env file with ALPACA_API_KEY / ALPACA_SECRET_KEY")
    parser.add_argument("--base-url", default=None, help="override ALPACA_BASE_URL (without /v2)")
    parser.add_argument("--json", dest="json_path", type=Path, default=None, help="write the report as JSON here")
    parser.add_argument("--watch", action="store_true", help="poll continuously")
    parser.add_argument("--interval", type=float, default=60.0, help="seconds between polls (watch mode)")
    parser.add_argument("--iterations", type=int, default=None, help="stop after this many polls (watch mode)")
    parser.add_argument("--timeout", type=float, default=10.0, help="HTTP timeout in seconds")
    parser.add_argument("--retries", type=int, default=3, help="retries after HTTP 429 (bounded backoff)")
    parser.add_argument("--backoff", type=float, default=0.5, help="first backoff delay in seconds (doubles)")
    parser.add_argument("--leverage", action="append", default=[], metavar="SYMBOL=FACTOR")
    parser.add_argument("--marginable", action="append", default=[], metavar="SYMBOL=true|false")
    parser.add_argument(
        "--tolerance",
        action="append",
        default=[],
        metavar="FIELD=ABS",
        help="absolute tolerance of one field (or 'default=ABS')",
    )
    parser.add_argument(
        "--relative",
        action="append",
        default=[],
        metavar="[FIELD=]REL",
        help="relative tolerance, e.g. 0.001 for every field or maintenance_margin=0.001",
    )
    ns = parser.parse_args(list(argv))
    if ns.interval < 0 or ns.timeout <= 0 or ns.retries < 0 or ns.backoff < 0:
        raise ConfigError("--interval/--backoff must be >= 0, --timeout > 0, --retries >= 0")
    if ns.iterations is not None and ns.iterations < 1:
        raise ConfigError("--iterations must be at least 1")
    leverage = {k.upper(): to_decimal(v, f"--leverage {k}") for k, v in _pairs(ns.leverage, "leverage").items()}
    marginable: dict[str, bool] = {}
    for k, v in _pairs(ns.marginable, "marginable").items():
        if v.lower() not in ("true", "false"):
            raise ConfigError(f"--marginable {k}: expected true or false, got {v!r}")
        marginable[k.upper()] = v.lower() == "true"
    absolute = {k: to_decimal(v, f"--tolerance {k}") for k, v in _pairs(ns.tolerance, "tolerance").items()}
    relative_all: Decimal | None = None
    relative: dict[str, Decimal] = {}
    for item in ns.relative:
        if "=" in item:
            relative.update({k: to_decimal(v, f"--relative {k}") for k, v in _pairs([item], "relative").items()})
        else:
            relative_all = to_decimal(item, "--relative")
    known = {*FIELDS, "position_market_value", "default"}
    unknown = sorted((set(absolute) | set(relative)) - known)
    if unknown:
        raise ConfigError(f"unknown field(s) in tolerances: {', '.join(unknown)}")
    default = Tolerance(absolute.get("default", CENT_TOLERANCE), relative.get("default", relative_all or ZERO))
    tolerances = {
        name: Tolerance(absolute.get(name, default.absolute), relative.get(name, default.relative))
        for name in (set(absolute) | set(relative)) - {"default"}
    }
    return Options(
        live=ns.live,
        env_file=ns.env_file,
        base_url=ns.base_url,
        json_path=ns.json_path,
        watch=ns.watch,
        interval=ns.interval,
        iterations=ns.iterations if ns.watch else 1,
        timeout=ns.timeout,
        retries=ns.retries,
        backoff_base=ns.backoff,
        leverage=leverage,
        marginable=marginable,
        tolerances=tolerances,
        default_tolerance=default,
    )


def main(
    argv: list[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    on_prices: Callable[[dict[str, Decimal]], None] | None = None,
    on_alert: Callable[[Alert], None] | None = None,
    sleep: Callable[[float], None] | None = None,
    rules: RuleSet | None = None,
) -> int:
    """Run the reconciler; returns an :class:`ExitCode` (module docstring). Never raises for expected failures.

    Keyword arguments are for embedding and tests: ``environ`` replaces ``os.environ``, ``stdout`` the output stream,
    ``on_prices`` receives each poll's prices, ``on_alert`` each alert, ``sleep`` replaces ``time.sleep``.
    """
    console = Console(file=stdout or sys.stdout, width=160)
    try:
        options = parse_args(sys.argv[1:] if argv is None else argv)
    except (ConfigError, InvalidInputError, _UsageError) as exc:
        console.print(f"usage error: {escape(str(exc))}")
        return ExitCode.USAGE
    credentials, env_base_url = load_settings(environ, options.env_file)
    if credentials is None:
        console.print(SKIPPED_MESSAGE)
        if options.json_path is not None:
            _write_json(options.json_path, {"skipped": SKIPPED_MESSAGE, "ok": False})
        return ExitCode.SKIPPED
    try:
        base_url = resolve_base_url(credentials, options.base_url or env_base_url, options.live)
        client = make_client(credentials, base_url, live=options.live, timeout=options.timeout)
    except ConfigError as exc:
        console.print(f"configuration error: {escape(redact(str(exc), credentials.secrets))}")
        return ExitCode.USAGE
    console.print(f"reconciling against {'LIVE' if options.live else 'paper'} endpoint {escape(base_url)}")
    return monitor(
        client,
        options,
        credentials,
        console=console,
        on_prices=on_prices,
        on_alert=on_alert,
        sleep=sleep,
        rules=rules or alpaca(),
    )
