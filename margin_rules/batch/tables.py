"""The tables of a batch run (docs/batch-schema.md) and the unit of work of both engines.

* Input: an accounts table and a positions table (Parquet, CSV or Arrow IPC). Numbers are decimal128/decimal256,
  integers or strings (CSV values are always read as text); a floating-point column is refused with its name
  (:class:`FloatColumnError`), an unknown column too (a misspelt optional column must not silently take its default).
* :func:`process_group`: Arrow tables of some accounts and of their positions in, Arrow tables of the results out
  (accounts, positions, calls, orders, rejects), calling :func:`margin_rules.batch.account.evaluate_account` per
  account. A bad value names its table, row (1-based data row of the input) and column; it either stops the run or,
  when rejects are collected, sends its row to the rejects table and leaves its account out of the results.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import pyarrow as pa
import pyarrow.types as pat

from margin_rules.batch.account import (
    ACCOUNT_COLUMNS,
    CALL_COLUMNS,
    ORDER_COLUMNS,
    POSITION_COLUMNS,
    AccountInput,
    evaluate_account,
)
from margin_rules.buying_power import Mode
from margin_rules.errors import InvalidInputError, MarginRulesError
from margin_rules.margin_call import LiquidationPolicy
from margin_rules.model import Account, Position
from margin_rules.money import ONE, ZERO
from margin_rules.rulesets import PRESETS, RuleSet, preset

ROW: Final = "_row"
"""The column carrying each input row's 1-based number through sorting and partitioning."""


class Kind(Enum):
    """What a column holds, and so which Arrow types it accepts."""

    ID = "id"  # string or integer, converted to text
    TEXT = "text"  # string
    NUMBER = "number"  # decimal, integer or string; never floating point
    FLAG = "flag"  # boolean, or the strings true/false/1/0/yes/no


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    required: bool


ACCOUNTS_INPUT: Final = (
    Column("account_id", Kind.ID, True),
    Column("cash", Kind.NUMBER, True),
    Column("sma", Kind.NUMBER, False),
    Column("prior_equity", Kind.NUMBER, False),
    Column("prior_maintenance", Kind.NUMBER, False),
    Column("rules", Kind.TEXT, False),
)
POSITIONS_INPUT: Final = (
    Column("account_id", Kind.ID, True),
    Column("symbol", Kind.TEXT, True),
    Column("quantity", Kind.NUMBER, True),
    Column("price", Kind.NUMBER, True),
    Column("marginable", Kind.FLAG, False),
    Column("leverage", Kind.NUMBER, False),
    Column("cost_basis", Kind.NUMBER, False),
)
INPUTS: Final = {"accounts": ACCOUNTS_INPUT, "positions": POSITIONS_INPUT}

_INT_COLUMNS: Final = {"call_count", "plan_order_count", "seq", "due_business_days", "row"}
_BOOL_COLUMNS: Final = {"marginable", "plan_cures", "liquidation_required"}
_DATE_COLUMNS: Final = {"reg_t_call_due_date", "due_date"}
REJECT_COLUMNS: Final = ("table", "row", "account_id", "symbol", "column", "reason")
OUTPUT_COLUMNS: Final = {
    "accounts": ACCOUNT_COLUMNS,
    "positions": POSITION_COLUMNS,
    "calls": CALL_COLUMNS,
    "orders": ORDER_COLUMNS,
    "rejects": REJECT_COLUMNS,
}
"""The output tables and their columns, in order (docs/batch-schema.md)."""


def _type(name: str) -> pa.DataType:
    if name in _INT_COLUMNS:
        return pa.int64()
    if name in _BOOL_COLUMNS:
        return pa.bool_()
    if name in _DATE_COLUMNS:
        return pa.date32()
    return pa.string()


OUTPUT_SCHEMAS: Final = {
    table: pa.schema([pa.field(name, _type(name)) for name in columns]) for table, columns in OUTPUT_COLUMNS.items()
}
"""Arrow schemas of the output tables: amounts, quantities and rates as exact decimal text (see docs)."""


class BatchInputError(InvalidInputError):
    """A bad value of an input table: names the table, the row (1-based data row, None for the whole column) and
    the column."""

    def __init__(self, table: str, row: int | None, column: str | None, reason: str, account_id: str | None = None):
        self.table = table
        self.row = row
        self.column = column
        self.account_id = account_id
        where = table if row is None else f"{table} row {row}"
        if column is not None:
            where += f", column {column}"
        super().__init__(where, reason)

    def __reduce__(self) -> tuple[Any, ...]:  # crosses process boundaries (the embedded engine's workers)
        return (type(self), (self.table, self.row, self.column, self.reason, self.account_id))


class FloatColumnError(BatchInputError):
    """A floating-point column where an exact number is expected."""


@dataclass(frozen=True, slots=True)
class BatchConfig:
    """What every account of a run shares: the rule sets (by name), the default one, the plan policy, the selected
    buying-power mode, the trade date of Reg T due dates, and whether bad rows go to the rejects table."""

    rule_sources: tuple[tuple[str, str], ...] = (("finra", "finra"), ("alpaca", "alpaca"))
    """Rule sets by name (lower case): a preset name or the JSON text of a rule-set file (docs/account-schema.md).
    Text, not RuleSet objects, so that the configuration pickles to worker processes and Spark executors."""
    default_rules: str = "finra"
    policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST
    mode: Mode = Mode.REG_T
    trade_date: dt.date | None = None
    collect_rejects: bool = False

    def rule_set(self, name: str) -> RuleSet | None:
        """The rule set called ``name`` (case-insensitive), or None."""
        key = name.strip().lower()
        for known, source in self.rule_sources:
            if known == key:
                return _rule_set(known, source)
        return None


@functools.lru_cache(maxsize=64)
def _rule_set(name: str, source: str) -> RuleSet:
    if source.strip().lower() in PRESETS:
        return preset(source.strip().lower())
    from margin_rules.cli.io import parse_json, rules_from_document

    return rules_from_document(parse_json(source, name), name)


def check_schema(table: str, schema: pa.Schema) -> None:
    """Refuse a missing required column, an unknown column and a column of the wrong type (floats by name)."""
    spec = {c.name: c for c in INPUTS[table]}
    for name in schema.names:
        if name not in spec:
            raise BatchInputError(table, None, name, f"unknown column (expected: {', '.join(spec)})")
    for column in INPUTS[table]:
        if column.name not in schema.names:
            if column.required:
                raise BatchInputError(table, None, column.name, "required column missing")
            continue
        t = schema.field(column.name).type
        if pat.is_floating(t):
            raise FloatColumnError(
                table,
                None,
                column.name,
                f"floating-point column ({t}) refused: binary floats cannot hold cents exactly; "
                "use decimal128 or strings",
            )
        if pat.is_null(t):
            continue
        text = pat.is_string(t) or pat.is_large_string(t)
        ok = {
            Kind.ID: text or pat.is_integer(t),
            Kind.TEXT: text,
            Kind.NUMBER: text or pat.is_integer(t) or pat.is_decimal(t),
            Kind.FLAG: text or pat.is_boolean(t),
        }[column.kind]
        if not ok:
            raise BatchInputError(table, None, column.name, f"type {t} not accepted for a {column.kind.value} column")


def normalize(table: str, data: pa.Table, first_row: int = 1) -> pa.Table:
    """``data`` checked (:func:`check_schema`) with every column of the schema present (a missing optional column is
    null), ids as text, and the 1-based row number in ``_row`` (unless already there)."""
    check_schema(table, data.drop_columns([ROW]) if ROW in data.column_names else data.schema)
    n = data.num_rows
    columns: dict[str, pa.Array | pa.ChunkedArray] = {}
    for column in INPUTS[table]:
        if column.name in data.column_names:
            values = data.column(column.name)
            if column.kind is Kind.ID and not (pat.is_string(values.type) or pat.is_large_string(values.type)):
                values = values.cast(pa.string())
            if pat.is_large_string(values.type):
                values = values.cast(pa.string())
            columns[column.name] = values
        else:
            columns[column.name] = pa.nulls(n, pa.string() if column.kind is not Kind.FLAG else pa.bool_())
    if ROW in data.column_names:
        columns[ROW] = data.column(ROW)
    else:
        columns[ROW] = pa.array(range(first_row, first_row + n), pa.int64())
    return pa.table(columns)


_TRUE: Final = frozenset({"true", "1", "yes", "y", "t"})
_FALSE: Final = frozenset({"false", "0", "no", "n", "f"})


def _flag(value: object) -> bool | None:
    if value is None:
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return None


def _column_of(error_field: str) -> str:
    """The input column of a model error's field (``position[AAPL].price`` -> ``price``, ``account.cash`` ->
    ``cash``)."""
    return error_field.rsplit(".", 1)[-1]


class _Rejected(Exception):
    def __init__(self, records: list[tuple[object, ...]]) -> None:
        self.records = records


def _reject(
    config: BatchConfig, table: str, row: int | None, aid: str | None, symbol: object, column: str | None, reason: str
) -> tuple[object, ...]:
    if not config.collect_rejects:
        raise BatchInputError(table, row, column, reason, aid)
    return (table, row, aid, symbol if isinstance(symbol, str) else None, column, reason)


def _build(
    aid: str,
    account_row: dict[str, Any],
    positions: list[tuple[Any, ...]],
    config: BatchConfig,
) -> AccountInput:
    """The account of one id, or _Rejected with every bad row of it (the account row last)."""
    records: list[tuple[object, ...]] = []
    built: list[Position] = []
    rows: list[int] = []
    for symbol, quantity, price, marginable, leverage, cost_basis, row in positions:
        flag = _flag(marginable)
        if flag is None:
            records.append(
                _reject(config, "positions", row, aid, symbol, "marginable", f"{marginable!r} is not a flag")
            )
            continue
        if quantity is None or price is None or symbol is None:
            column = "symbol" if symbol is None else "quantity" if quantity is None else "price"
            records.append(_reject(config, "positions", row, aid, symbol, column, "missing value"))
            continue
        try:
            built.append(Position(symbol, quantity, price, flag, ONE if leverage is None else leverage, cost_basis))
            rows.append(row)
        except InvalidInputError as exc:
            records.append(_reject(config, "positions", row, aid, symbol, _column_of(exc.field), exc.reason))
    account_at = account_row[ROW]
    if records:
        reason = f"not evaluated: {len(records)} of its position rows rejected"
        records.append(_reject(config, "accounts", account_at, aid, None, None, reason))
        raise _Rejected(records)
    name = account_row["rules"] if account_row["rules"] is not None else config.default_rules
    rules = config.rule_set(str(name))
    if rules is None:
        known = ", ".join(sorted(known for known, _ in config.rule_sources))
        raise _Rejected(
            [_reject(config, "accounts", account_at, aid, None, "rules", f"unknown rule set {name!r} ({known})")]
        )
    if account_row["cash"] is None:
        raise _Rejected([_reject(config, "accounts", account_at, aid, None, "cash", "missing value")])
    try:
        account = Account(
            account_row["cash"],
            tuple(built),
            ZERO if account_row["sma"] is None else account_row["sma"],
            account_row["prior_equity"],
            account_row["prior_maintenance"],
        )
    except InvalidInputError as exc:
        if exc.field.startswith("account.positions["):
            index = int(exc.field.split("[", 1)[1].split("]", 1)[0])
            record = _reject(config, "positions", rows[index], aid, built[index].symbol, "symbol", exc.reason)
            account_record = _reject(
                config, "accounts", account_at, aid, None, None, "not evaluated: a position row rejected"
            )
            raise _Rejected([record, account_record]) from None
        raise _Rejected(
            [_reject(config, "accounts", account_at, aid, None, _column_of(exc.field), exc.reason)]
        ) from None
    return AccountInput(aid, account, rules, str(name))


def _table(name: str, rows: list[tuple[object, ...]]) -> pa.Table:
    schema = OUTPUT_SCHEMAS[name]
    if not rows:
        return schema.empty_table()
    columns = list(zip(*rows, strict=True))
    return pa.Table.from_arrays([pa.array(col, f.type) for col, f in zip(columns, schema, strict=True)], schema=schema)


def process_group(accounts: pa.Table, positions: pa.Table, config: BatchConfig) -> dict[str, pa.Table]:
    """Evaluate every account of ``accounts`` (normalized tables, :func:`normalize`) with its rows of ``positions``.

    Returns the five output tables (:data:`OUTPUT_SCHEMAS`), accounts in ascending ``account_id`` order and each
    account's positions in input order. A position whose account is not in ``accounts``, a duplicate account id, a
    bad value or a computation the core refuses (e.g. beyond its exact bounds) rejects the account: with
    ``config.collect_rejects`` its rows go to the rejects table, otherwise :class:`BatchInputError` is raised.
    """
    acc = accounts.to_pydict()
    by_account: dict[str, list[dict[str, Any]]] = {}
    names = [c.name for c in ACCOUNTS_INPUT] + [ROW]
    for i, aid in enumerate(acc["account_id"]):
        row = {name: acc[name][i] for name in names}
        by_account.setdefault(aid, []).append(row)
    pos_columns = [
        positions.column(name).to_pylist()
        for name in ("account_id", "symbol", "quantity", "price", "marginable", "leverage", "cost_basis", ROW)
    ]
    pos_by_account: dict[str, list[tuple[Any, ...]]] = {}
    for aid, *rest in zip(*pos_columns, strict=True):
        pos_by_account.setdefault(aid, []).append(tuple(rest))
    out: dict[str, list[tuple[object, ...]]] = {name: [] for name in OUTPUT_COLUMNS}
    for aid in sorted(set(by_account) | set(pos_by_account), key=lambda a: (a is None, a or "")):
        rows = by_account.get(aid, [])
        held = pos_by_account.get(aid, [])
        if aid is None:
            for r in rows:
                out["rejects"].append(_reject(config, "accounts", r[ROW], None, None, "account_id", "missing value"))
            for p in held:
                out["rejects"].append(_reject(config, "positions", p[-1], None, p[0], "account_id", "missing value"))
            continue
        if len(rows) != 1:
            reason = "no row with this account_id in the accounts table" if not rows else "duplicate account_id"
            for r in rows:
                out["rejects"].append(_reject(config, "accounts", r[ROW], aid, None, "account_id", reason))
            for p in held:
                out["rejects"].append(_reject(config, "positions", p[-1], aid, p[0], "account_id", reason))
            continue
        try:
            item = _build(aid, rows[0], held, config)
            result = evaluate_account(item, policy=config.policy, mode=config.mode, trade_date=config.trade_date)
        except _Rejected as rejected:
            out["rejects"].extend(rejected.records)
            continue
        except MarginRulesError as exc:  # the core refused the account (e.g. a value beyond its exact bounds)
            if isinstance(exc, BatchInputError):
                raise
            out["rejects"].append(_reject(config, "accounts", rows[0][ROW], aid, None, None, str(exc)))
            continue
        out["accounts"].append(result.account)
        out["positions"].extend(result.positions)
        out["calls"].extend(result.calls)
        out["orders"].extend(result.orders)
    return {name: _table(name, rows) for name, rows in out.items()}


def decimal_of(text: str | None) -> Decimal | None:
    """An output amount read back exactly (for callers comparing with the single-account API)."""
    return None if text is None else Decimal(text)
