"""The per-account function of a batch run: one account snapshot in, the rows of every output table out.

Pure (no I/O, no clock, no state): the trade date the Reg T due date is counted from is an argument. Every figure
comes from the single-account API of :mod:`margin_rules` (requirements, health, buying power, maximum withdrawal,
margin calls, liquidation plan), computed once per account and never re-derived here, so the batch output is exactly
what those functions return (``tests/batch/test_batch_equivalence.py`` checks it on random books). Amounts are written
as exact decimal text (:func:`margin_rules.cli.fmt.plain`, lossless), quantities and rates without trailing zeros.

A streaming job calls :func:`evaluate_account` per account as its positions arrive; the engines call it per account of
a group of Arrow rows (:func:`margin_rules.batch.tables.process_group`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import icontract

from margin_rules.buying_power import Mode, buying_power, effective_mode
from margin_rules.cli.fmt import number, optional_plain, plain
from margin_rules.health import health_of
from margin_rules.margin_call import CallKind, LiquidationPolicy, liquidation_plan, margin_calls
from margin_rules.model import Account
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import RuleSet
from margin_rules.withdrawal import max_withdrawal_of

__all__ = [
    "ACCOUNT_COLUMNS",
    "CALL_COLUMNS",
    "ORDER_COLUMNS",
    "POSITION_COLUMNS",
    "AccountInput",
    "AccountResult",
    "evaluate_account",
]

ACCOUNT_COLUMNS: Final = (
    "account_id",
    "rules",
    "cash",
    "sma",
    "long_market_value",
    "short_market_value",
    "equity",
    "maintenance",
    "initial",
    "maintenance_excess",
    "initial_excess",
    "health",
    "buying_power_mode",
    "buying_power",
    "buying_power_cash",
    "buying_power_reg_t",
    "buying_power_sma",
    "buying_power_legacy_day_trading",
    "buying_power_intraday",
    "intraday_margin_level",
    "max_withdrawal",
    "call_count",
    "maintenance_call",
    "reg_t_call",
    "minimum_equity_call",
    "reg_t_call_due_date",
    "plan_deficiency",
    "plan_cures",
    "plan_order_count",
    "plan_maintenance_after",
)
POSITION_COLUMNS: Final = (
    "account_id",
    "symbol",
    "quantity",
    "price",
    "marginable",
    "leverage",
    "market_value",
    "maintenance",
    "initial",
    "house_rate",
)
CALL_COLUMNS: Final = (
    "account_id",
    "seq",
    "kind",
    "amount",
    "equity",
    "requirement",
    "rule",
    "liquidation_required",
    "due_business_days",
    "due_date",
)
ORDER_COLUMNS: Final = ("account_id", "seq", "symbol", "side", "quantity", "price")

Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class AccountInput:
    """One account of the book: its id, snapshot and rule set (``rules_name`` is what the output names it)."""

    account_id: str
    account: Account
    rules: RuleSet
    rules_name: str


@dataclass(frozen=True, slots=True)
class AccountResult:
    """The rows one account contributes to each output table (columns: ``*_COLUMNS`` of this module)."""

    account: Row
    positions: tuple[Row, ...]
    calls: tuple[Row, ...]
    orders: tuple[Row, ...]


def _due_date(trade_date: dt.date | None, business_days: int | None) -> dt.date | None:
    """The due date of a Reg T call from the trade date (NYSE business days, :mod:`margin_rules.live.calendar`)."""
    if trade_date is None or business_days is None:
        return None
    from margin_rules.live.calendar import business_day_on_or_before, regt_call_due_date

    return regt_call_due_date(business_day_on_or_before(trade_date))


@icontract.require(
    lambda item: isinstance(item, AccountInput) and isinstance(item.account, Account),
    "item is an AccountInput holding an Account",
)
@icontract.ensure(
    lambda item, result: (
        result.account[0] == item.account_id
        and len(result.positions) == len(item.account.positions)
        and all(row[0] == item.account_id for row in (*result.positions, *result.calls, *result.orders))
    ),
    "one account row, one row per position, every row keyed by the account's id",
)
def evaluate_account(
    item: AccountInput,
    *,
    policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST,
    mode: Mode = Mode.REG_T,
    trade_date: dt.date | None = None,
) -> AccountResult:
    """Every output figure of one account, from the single-account API (see the module docstring).

    * requirements, equity, market values, excesses: :func:`margin_rules.requirements.account_requirements`;
    * health: :func:`margin_rules.health.health_of`;
    * buying power by mode: :func:`margin_rules.buying_power.buying_power`
      (the selected one is ``mode`` after :func:`~margin_rules.buying_power.effective_mode`);
    * maximum withdrawal: :func:`margin_rules.withdrawal.max_withdrawal_of`;
    * margin calls: :func:`margin_rules.margin_call.margin_calls` (a Reg T call's due date is counted from
      ``trade_date``, taken as the trade date, or the business day before it: Reg T 220.4(c)(3), settlement + 2
      business days; None without a trade date and for the kinds without a stated due date);
    * liquidation plan (maintenance call only): :func:`margin_rules.margin_call.liquidation_plan` under ``policy``.
    """
    account, rules, aid = item.account, item.rules, item.account_id
    figs = account_requirements(account, rules)
    bp = buying_power(account, rules, 0, figs)
    selected = effective_mode(figs.equity, rules, mode)
    calls = margin_calls(account, rules)
    by_kind: dict[CallKind, Decimal] = {call.kind: call.amount for call in calls}
    call_rows: list[Row] = []
    reg_t_due: dt.date | None = None
    for seq, call in enumerate(calls):
        due = _due_date(trade_date, call.due_business_days)
        if call.kind is CallKind.REG_T:
            reg_t_due = due
        call_rows.append(
            (
                aid,
                seq,
                call.kind.value,
                plain(call.amount),
                plain(call.equity),
                plain(call.requirement),
                call.rule,
                call.liquidation_required,
                call.due_business_days,
                due,
            )
        )
    plan = liquidation_plan(account, rules, policy) if CallKind.MAINTENANCE in by_kind else None
    order_rows: tuple[Row, ...] = ()
    if plan is not None:
        order_rows = tuple(
            (aid, seq, o.symbol, o.side.value, number(o.quantity), plain(o.price)) for seq, o in enumerate(plan.orders)
        )
    positions = tuple(
        (
            aid,
            item_.symbol,
            number(item_.quantity),
            plain(item_.price),
            p.marginable,
            number(p.leverage),
            plain(item_.market_value),
            plain(item_.maintenance),
            plain(item_.initial),
            number(item_.house_rate),
        )
        for item_, p in zip(figs.positions, account.positions, strict=True)
    )
    row: Row = (
        aid,
        item.rules_name,
        plain(account.cash),
        plain(account.sma),
        plain(figs.long_market_value),
        plain(figs.short_market_value),
        plain(figs.equity),
        plain(figs.maintenance),
        plain(figs.initial),
        plain(figs.maintenance_excess),
        plain(figs.initial_excess),
        health_of(figs).value,
        selected.value,
        optional_plain(bp.for_mode(selected)),
        plain(bp.cash),
        plain(bp.reg_t),
        plain(bp.sma),
        optional_plain(bp.legacy_day_trading),
        plain(bp.intraday),
        plain(bp.intraday_margin_level),
        plain(max_withdrawal_of(figs, rules)),
        len(calls),
        optional_plain(by_kind.get(CallKind.MAINTENANCE)),
        optional_plain(by_kind.get(CallKind.REG_T)),
        optional_plain(by_kind.get(CallKind.MINIMUM_EQUITY)),
        reg_t_due,
        None if plan is None else plain(plan.deficiency),
        None if plan is None else plan.cures,
        None if plan is None else len(plan.orders),
        None if plan is None else plain(plan.maintenance_after),
    )
    return AccountResult(row, positions, tuple(call_rows), order_rows)
