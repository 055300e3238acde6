"""``margin-rules batch``: evaluate a whole book (accounts and positions tables) with the embedded engine or Spark."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from margin_rules.buying_power import Mode
from margin_rules.cli.io import InputError, read_json
from margin_rules.errors import MissingExtraError
from margin_rules.margin_call import LiquidationPolicy
from margin_rules.rulesets import PRESETS

if TYPE_CHECKING:
    from margin_rules.batch.embedded import Summary
    from margin_rules.batch.tables import BatchConfig


class Engine(StrEnum):
    EMBEDDED = "embedded"
    SPARK = "spark"


class Format(StrEnum):
    PARQUET = "parquet"
    CSV = "csv"
    ARROW = "arrow"


def rule_sources(rules: str, extra: list[str]) -> tuple[tuple[tuple[str, str], ...], str]:
    """The run's rule sets by name and the default's name: the presets, ``--rules`` (a preset or a rule-set file,
    named by its ``name`` field or file stem) and every ``--rule-set NAME=FILE``."""
    sources: dict[str, str] = {name: name for name in sorted(PRESETS)}

    def file_source(path: str, option: str) -> str:
        if not Path(path).exists():
            raise InputError(option, "", f"{path!r} is neither a preset ({', '.join(sorted(PRESETS))}) nor a file")
        import json

        document = read_json(path)
        from margin_rules.cli.io import rules_from_document

        rules_from_document(document, path)  # checked now: a bad file stops the run before any work
        return json.dumps(document)

    key = rules.strip().lower()
    if key in PRESETS:
        default = key
    else:
        default = Path(rules).stem.lower()
        sources[default] = file_source(rules, "--rules")
    for item in extra:
        name, eq, path = item.partition("=")
        if not eq or not name.strip():
            raise InputError("--rule-set", "", f"expected NAME=FILE, got {item!r}")
        sources[name.strip().lower()] = file_source(path, "--rule-set")
    return tuple(sources.items()), default


def command(
    accounts: Annotated[Path, typer.Argument(help="Accounts table (.parquet, .csv or .arrow); docs/batch-schema.md.")],
    positions: Annotated[Path, typer.Argument(help="Positions table (.parquet, .csv or .arrow).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (accounts, positions, calls, orders).")],
    fmt: Annotated[Format, typer.Option("--format", help="Output format.", case_sensitive=False)] = Format.PARQUET,
    rules: Annotated[
        str, typer.Option("--rules", "-r", help="Default rule set: finra, alpaca or a rule-set JSON file.")
    ] = "finra",
    rule_set: Annotated[
        list[str] | None,
        typer.Option("--rule-set", metavar="NAME=FILE", help="A rule set the accounts' rules column may name."),
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option("--rejects", help="Write bad rows to this table and go on (default: the first bad row stops)."),
    ] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="Where to run.", case_sensitive=False)] = Engine.EMBEDDED,
    master: Annotated[str | None, typer.Option("--master", help="Spark master (default: local[*]).")] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-j", min=1, help="Embedded engine processes (default: every core).")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Trade date of Reg T due dates (default: today, NY)."),
    ] = None,
    policy: Annotated[
        LiquidationPolicy, typer.Option("--policy", help="Order of the liquidation plans.", case_sensitive=False)
    ] = LiquidationPolicy.LOSERS_FIRST,
    mode: Annotated[
        Mode, typer.Option("--mode", help="Buying-power mode reported as buying_power.", case_sensitive=False)
    ] = Mode.REG_T,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
) -> None:
    """Evaluate a whole book: per-account figures, per-position requirements, margin calls and liquidation plans.

    Exits 0 when the run completed (accounts with margin calls are in the output, rejected rows in --rejects),
    2 on a bad file, column or value (the message names the table, row and column), 3 on an internal error.
    """
    from margin_rules.cli.app import _stdout, guarded

    with guarded():
        try:
            from margin_rules.batch.tables import BatchConfig
        except ModuleNotFoundError as exc:
            raise MissingExtraError("margin-rules batch", "batch", exc.name) from None

        sources, default = rule_sources(rules, rule_set or [])
        if as_of is None:
            from margin_rules.live.calendar import exchange_today

            trade_date = exchange_today()
        else:
            try:
                trade_date = dt.date.fromisoformat(as_of)
            except ValueError:
                raise InputError("--as-of", "", f"{as_of!r} is not a date (YYYY-MM-DD)") from None
        config = BatchConfig(sources, default, policy, mode, trade_date, collect_rejects=rejects is not None)
        if engine is Engine.SPARK:
            try:
                import pyspark  # noqa: F401 - only to say which extra is missing

                from margin_rules.batch import spark
            except ModuleNotFoundError as exc:
                raise MissingExtraError("margin-rules batch --engine spark", "spark", exc.name) from None

            summary = spark.run(
                accounts, positions, out, config, fmt=fmt.value, rejects=rejects, master=master or "local[*]"
            )
        else:
            summary = _embedded(accounts, positions, out, config, fmt.value, rejects, workers, progress)
        line = (
            f"{summary.accounts} accounts, {summary.positions} positions evaluated in {summary.seconds:.2f} s -> {out}"
        )
        if rejects is not None:
            line += f"; {summary.rejects} rows rejected ({summary.rejected_accounts} accounts) -> {rejects}"
        _stdout().print(line, markup=False, soft_wrap=True)


def _embedded(
    accounts: Path,
    positions: Path,
    out: Path,
    config: BatchConfig,
    fmt: str,
    rejects: Path | None,
    workers: int | None,
    show: bool,
) -> Summary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from margin_rules.batch import embedded

    if not show:
        return embedded.run(accounts, positions, out, config, fmt=fmt, rejects=rejects, workers=workers)
    with Progress(
        TextColumn("positions"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
    ) as bar:
        task = bar.add_task("batch", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return embedded.run(
            accounts, positions, out, config, fmt=fmt, rejects=rejects, workers=workers, progress=update
        )
