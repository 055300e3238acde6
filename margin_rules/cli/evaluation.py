"""Gather every figure ``margin-rules evaluate`` shows, each from a core function, and its JSON form.

Nothing here computes a margin formula: requirements, equity, excess, health, buying power, withdrawals, unrealized P&L,
the equity ratio, margin calls and the liquidation plan all come from :mod:`margin_rules` functions. This module only
collects them and names them (Alpaca's field names wherever Alpaca has the concept).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from margin_rules.buying_power import BuyingPower, Mode, buying_power, effective_mode
from margin_rules.cli import calls as call_views
from margin_rules.cli.fmt import number, optional_plain, plain
from margin_rules.cli.io import Snapshot
from margin_rules.health import health_of
from margin_rules.health_state import HealthState
from margin_rules.margin_call import LiquidationPolicy
from margin_rules.model import Account
from margin_rules.requirements import AccountRequirements, account_requirements
from margin_rules.rulesets import DayTradingRegime, RuleSet
from margin_rules.valuation import equity_ratio_display, unrealized_pl
from margin_rules.withdrawal import max_withdrawal_of

SCHEMA = "margin_rules.evaluation/1"


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything known about one account under one rule set."""

    account: Account
    rules: RuleSet
    figures: AccountRequirements
    health: HealthState
    buying_power: BuyingPower
    mode: Mode
    max_withdrawal: Decimal
    equity_ratio: Decimal | None
    unrealized_pl: dict[str, Decimal | None]
    calls: call_views.CallReport
    source: str = ""
    description: str = ""
    requested_mode: Mode | None = None
    """The mode asked for (``--mode``, the Alpaca multiplier or the default); ``mode`` is what the core allows
    (:func:`margin_rules.buying_power.effective_mode`: CASH below the $2,000 minimum equity of FINRA 4210(b)(1))."""

    @property
    def selected_buying_power(self) -> Decimal | None:
        """The buying power of the selected mode (Alpaca ``buying_power``)."""
        return self.buying_power.for_mode(self.mode)

    @property
    def has_margin_call(self) -> bool:
        """True when the account has a margin call (or, without the margin-call module, a maintenance deficiency)."""
        return self.calls.has_call


def default_mode(rules: RuleSet) -> Mode:
    """The buying-power mode reported as ``buying_power`` when none is chosen: Reg T overnight (Alpaca multiplier 2)."""
    del rules
    return Mode.REG_T


def day_trading_mode(rules: RuleSet) -> Mode:
    """The day-trading mode of the rule set's regime (4210(d)(2) intraday, or legacy 4210(f)(8)(B))."""
    if rules.day_trading_regime is DayTradingRegime.LEGACY_PDT:
        return Mode.LEGACY_DAY_TRADING
    return Mode.INTRADAY


def evaluate(
    account: Account,
    rules: RuleSet,
    *,
    reserved: Decimal | int | str = 0,
    mode: Mode | None = None,
    policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST,
    source: str = "",
    description: str = "",
) -> Evaluation:
    """Evaluate ``account`` under ``rules`` with every core function the CLI shows.

    ``mode`` is the requested buying-power mode; the reported one is the core's
    :func:`~margin_rules.buying_power.effective_mode` of it (never decided here).
    """
    figures = account_requirements(account, rules)
    state = health_of(figures)
    requested = mode if mode is not None else default_mode(rules)
    return Evaluation(
        account=account,
        rules=rules,
        figures=figures,
        health=state,
        buying_power=buying_power(account, rules, reserved, figures),
        mode=effective_mode(figures.equity, rules, requested),
        max_withdrawal=max_withdrawal_of(figures, rules),
        equity_ratio=equity_ratio_display(account, 4),
        unrealized_pl={p.symbol: unrealized_pl(p) for p in account.positions},
        calls=call_views.report(account, rules, policy),
        source=source,
        description=description,
        requested_mode=requested,
    )


def evaluate_snapshot(
    snapshot: Snapshot,
    rules: RuleSet,
    mode: Mode | None = None,
    policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST,
) -> Evaluation:
    """:func:`evaluate` for a loaded account file."""
    return evaluate(
        snapshot.account,
        rules,
        reserved=snapshot.reserved,
        mode=mode,
        policy=policy,
        source=snapshot.source,
        description=snapshot.description,
    )


# --- JSON ----------------------------------------------------------------------------------------------------------


def to_json(ev: Evaluation) -> dict[str, Any]:
    """The evaluation as JSON-ready data: Alpaca's field names where Alpaca has the concept, money as exact strings."""
    figs, bp, account = ev.figures, ev.buying_power, ev.account
    positions = []
    for item, position in zip(figs.positions, account.positions, strict=True):
        positions.append(
            {
                "symbol": item.symbol,
                "qty": number(item.quantity),
                "side": "long" if item.quantity >= 0 else "short",
                "current_price": plain(item.price),
                "market_value": plain(item.market_value),
                "cost_basis": optional_plain(position.cost_basis),
                "unrealized_pl": optional_plain(ev.unrealized_pl[item.symbol]),
                "asset_marginable": position.marginable,
                "leverage": number(position.leverage),
                "maintenance_margin": plain(item.maintenance),
                "initial_margin": plain(item.initial),
                "house_rate": number(item.house_rate),
            }
        )
    return {
        "schema": SCHEMA,
        "source": ev.source,
        "rules": {
            "name": ev.rules.name,
            "day_trading_regime": ev.rules.day_trading_regime.value,
            "withdrawal_rule": ev.rules.withdrawal_rule.value,
        },
        "cash": plain(account.cash),
        "long_market_value": plain(figs.long_market_value),
        "short_market_value": plain(figs.short_market_value),
        "equity": plain(figs.equity),
        "last_equity": optional_plain(account.prior_equity),
        "initial_margin": plain(figs.initial),
        "maintenance_margin": plain(figs.maintenance),
        "last_maintenance_margin": optional_plain(account.prior_maintenance),
        "sma": plain(account.sma),
        "buying_power_mode": ev.mode.value,
        "requested_buying_power_mode": None if ev.requested_mode is None else ev.requested_mode.value,
        "buying_power": optional_plain(ev.selected_buying_power),
        "regt_buying_power": plain(bp.reg_t),
        "daytrading_buying_power": optional_plain(bp.legacy_day_trading),
        "non_marginable_buying_power": plain(bp.cash),
        "intraday_buying_power": plain(bp.intraday),
        "intraday_margin_level": plain(bp.intraday_margin_level),
        "sma_buying_power": plain(bp.sma),
        "reserved": plain(bp.reserved),
        "health": ev.health.value,
        "health_label": ev.health.label,
        "equity_ratio": None if ev.equity_ratio is None else number(ev.equity_ratio),
        "maintenance_excess": plain(figs.maintenance_excess),
        "initial_excess": plain(figs.initial_excess),
        "max_withdrawal": plain(ev.max_withdrawal),
        "margin_call": ev.calls.summary_json(),
        "margin_calls": ev.calls.calls_json(),
        "liquidation_plan": ev.calls.plan_json(),
        "positions": positions,
    }
