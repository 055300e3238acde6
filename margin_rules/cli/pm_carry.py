"""``margin-rules evaluate --portfolio-margin`` and ``margin-rules carry``: rendering of the core's portfolio-margin and
cost-of-carry results. Every figure comes from :mod:`margin_rules.portfolio_margin` and :mod:`margin_rules.carry`; the
shell only chooses the rates and passes the NYSE business days of :mod:`margin_rules.live.calendar` to the core."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from margin_rules.carry import CarryRates, CarryStatement, Dividend, accrue, alpaca_rates, ibkr_pro_rates, user_rates
from margin_rules.cli.fmt import number, plain
from margin_rules.cli.io import InputError
from margin_rules.cli.render import AVAILABLE, OWED, usd
from margin_rules.live import calendar
from margin_rules.model import Account
from margin_rules.portfolio_margin import NetMargin, PortfolioMargin, net_margin_requirement, pm_rules, portfolio_margin
from margin_rules.rulesets import RuleSet

PM_SCHEMA = "margin_rules.portfolio_margin/1"
CARRY_SCHEMA = "margin_rules.carry/1"


def evaluate_pm(account: Account, strategy: RuleSet) -> tuple[PortfolioMargin, NetMargin]:
    """The FINRA 4210(g) requirement and the gross / net comparison of ``account``."""
    rules = pm_rules()
    return portfolio_margin(account, rules), net_margin_requirement(account, rules, strategy)


def pm_has_call(pm: PortfolioMargin) -> bool:
    """A portfolio-margin deficiency (equity below the requirement) or equity below the $100,000 minimum."""
    return pm.excess < 0 or not pm.meets_minimum_equity


def pm_json(pm: PortfolioMargin, net: NetMargin, source: str) -> dict[str, Any]:
    """The portfolio-margin evaluation as JSON-ready data (exact money strings)."""

    def nmr(n: Any) -> dict[str, Any]:
        return {
            "name": n.name,
            "symbols": list(n.symbols),
            "gross_strategy_requirement": plain(n.gross),
            "standalone_requirement": plain(n.standalone),
            "net_requirement": plain(n.net),
            "netting_discount": plain(n.netting_discount),
            "discount_vs_gross": plain(n.discount_vs_gross),
        }

    return {
        "schema": PM_SCHEMA,
        "source": source,
        "equity": plain(pm.equity),
        "requirement": plain(pm.requirement),
        "excess": plain(pm.excess),
        "minimum_equity": plain(pm.minimum_equity),
        "equity_shortfall": plain(pm.equity_shortfall),
        "groups": [
            {
                "name": g.name,
                "classes": list(g.classes),
                "offset": plain(g.offset),
                "theoretical_loss": plain(g.theoretical),
                "minimum": plain(g.minimum),
                "requirement": plain(g.requirement),
                "losses": [plain(x) for x in g.losses],
            }
            for g in pm.groups
        ],
        "positions": [
            {
                "symbol": p.symbol,
                "underlying": p.underlying,
                "factor": number(p.factor),
                "moves": [number(m) for m in p.moves],
                "pnl": [plain(x) for x in p.pnls],
                "own_loss": plain(p.own_loss),
            }
            for p in pm.positions
        ],
        "net_margin": {"account": nmr(net.account), "groups": [nmr(g) for g in net.groups]},
    }


def pm_renderable(pm: PortfolioMargin, net: NetMargin, source: str) -> RenderableType:
    """The portfolio-margin evaluation as rich tables."""
    head = Text.assemble(("Portfolio margin, FINRA 4210(g)", "bold"), f" · {source}")
    summary = Table(show_header=False, box=None)
    summary.add_column("Figure", style="bold")
    summary.add_column("Value", justify="right")
    summary.add_row("Equity", usd(pm.equity))
    summary.add_row("Portfolio requirement", usd(pm.requirement, OWED))
    summary.add_row("Excess", usd(pm.excess))
    summary.add_row("Minimum equity (4210(g))", usd(pm.minimum_equity, OWED))
    summary.add_row("Equity shortfall", usd(pm.equity_shortfall, OWED))
    groups = Table(title="Gross vs net per group", title_justify="left", box=box.SIMPLE_HEAD)
    for col in ("Group", "Symbols", "Gross (4210(c))", "Standalone PM", "Net PM", "Netting discount"):
        groups.add_column(col, justify="left" if col in ("Group", "Symbols") else "right")
    for n in (*net.groups, net.account):
        groups.add_row(
            n.name, " ".join(n.symbols), usd(n.gross, OWED), usd(n.standalone, OWED), usd(n.net, OWED),
            usd(n.netting_discount),
        )  # fmt: skip
    return Group(head, summary, groups)


# --- carry ------------------------------------------------------------------------------------------------------------


def carry_rates(name: str, benchmark: str | None, borrow: list[str]) -> CarryRates:
    """Rates from the command line: ``alpaca``, ``ibkr`` (needs ``--benchmark``) or an annual rate such as 0.07;
    ``--borrow SYMBOL=RATE`` adds hard-to-borrow rates."""
    rates_by_symbol: dict[str, Decimal] = {}
    for item in borrow:
        symbol, sep, rate = item.partition("=")
        if not sep or not symbol.strip():
            raise InputError("--borrow", "", f"{item!r}: give SYMBOL=ANNUAL_RATE, e.g. GME=0.8")
        rates_by_symbol[symbol.strip().upper()] = Decimal(rate) if _is_number(rate) else _bad(item)
    if name == "alpaca":
        return alpaca_rates(borrow_rates=rates_by_symbol)
    if name == "ibkr":
        if benchmark is None:
            raise InputError("--benchmark", "", "the ibkr preset needs --benchmark (the day's benchmark rate)")
        base = ibkr_pro_rates(benchmark)
    elif _is_number(name):
        base = user_rates(name)
    else:
        raise InputError("--rates", "", f"{name!r}: use alpaca, ibkr or an annual rate such as 0.07")
    return CarryRates(
        base.name, base.margin_tiers, base.tier_mode, base.day_count, base.credit_rate, base.borrow_default_rate,
        rates_by_symbol, base.round_lot_borrow, base.citation,
    )  # fmt: skip


def _is_number(text: str) -> bool:
    try:
        Decimal(text.strip())
    except ArithmeticError:
        return False
    return True


def _bad(item: str) -> Decimal:
    raise InputError("--borrow", "", f"{item!r}: the rate is not a number")


def run_carry(
    account: Account,
    rates: CarryRates,
    start: dt.date,
    end: dt.date,
    settled_cash: str | None,
    dividends: list[Dividend],
) -> CarryStatement:
    """The core's :func:`accrue` with the NYSE business days of the period (the calendar lives in the shell)."""
    days = []
    day = start
    while day < end:
        if calendar.is_business_day(day):
            days.append(day)
        day = day + dt.timedelta(days=1)
    return accrue(account, rates, start, end, business_days=days, settled_cash=settled_cash, dividends=dividends)


def carry_json(statement: CarryStatement, rates: CarryRates, source: str) -> dict[str, Any]:
    """The carry statement as JSON-ready data (exact money strings)."""
    return {
        "schema": CARRY_SCHEMA,
        "source": source,
        "rates": rates.name,
        "citation": rates.citation,
        "from": statement.from_date.isoformat(),
        "to": statement.to_date.isoformat(),
        "total": plain(statement.total),
        "sma_effect": plain(statement.sma_total),
        "lines": [
            {
                "date": line.date.isoformat(),
                "kind": line.kind.value,
                "symbol": line.symbol,
                "basis": plain(line.basis),
                "annual_rate": number(line.annual_rate),
                "days": line.days,
                "amount": plain(line.amount),
            }
            for line in statement.lines
        ],
    }


def carry_renderable(statement: CarryStatement, rates: CarryRates, source: str) -> RenderableType:
    """The carry statement as a rich table."""
    head = Text.assemble(
        ("Cost of carry", "bold"), f" · {source} · {statement.from_date} to {statement.to_date} · rates: ",
        (rates.name, "cyan"),
    )  # fmt: skip
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("Date", "Kind", "Symbol", "Basis", "Annual rate", "Days", "Amount"):
        table.add_column(col, justify="right" if col in ("Basis", "Annual rate", "Days", "Amount") else "left")
    for line in statement.lines:
        table.add_row(
            line.date.isoformat(), line.kind.value, line.symbol or "", usd(line.basis), number(line.annual_rate),
            str(line.days), usd(line.amount, AVAILABLE),
        )  # fmt: skip
    table.add_row("", "total", "", "", "", "", usd(statement.total, AVAILABLE), style="bold")
    return Group(head, table, Text(rates.citation, style="dim"))
