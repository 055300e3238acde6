"""Rich renderables for the CLI: the evaluation of an account and the what-if of an order.

Presentation rounding only (:func:`margin_rules.money.to_cents`): amounts a customer may take (buying power,
withdrawals) are rounded down, amounts owed (requirements, calls) up, and values to the nearest cent, so that a shown
figure is never on the unsafe side. The exact figures are in ``--json``.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from margin_rules.buying_power import Mode
from margin_rules.cli.calls import due_text
from margin_rules.cli.evaluation import Evaluation, day_trading_mode
from margin_rules.health_state import HealthState
from margin_rules.model import Side
from margin_rules.money import to_cents

HEALTH_STYLE = {
    HealthState.HEALTHY: "bold green",
    HealthState.RESTRICTED: "bold yellow",
    HealthState.LIQUIDATION_CALL: "bold white on red",
}

MODE_LABEL = {
    Mode.CASH: "Cash (1x)",
    Mode.REG_T: "Reg T overnight",
    Mode.LEGACY_DAY_TRADING: "Legacy day trading",
    Mode.INTRADAY: "Intraday margin",
}

MODE_RULE = {
    Mode.CASH: "Reg T 220.8",
    Mode.REG_T: "Reg T 220.12",
    Mode.LEGACY_DAY_TRADING: "FINRA 4210(f)(8)(B)(iv)",
    Mode.INTRADAY: "FINRA 4210(d)(2)",
}

VALUE = decimal.ROUND_HALF_EVEN
OWED = decimal.ROUND_CEILING
AVAILABLE = decimal.ROUND_FLOOR


def usd(amount: Decimal, rounding: str = VALUE) -> str:
    """``$1,234.56`` / ``-$1,234.56``: presentation rounding to the cent."""
    cents = to_cents(amount, rounding)
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents):,.2f}"


def quantity(value: Decimal) -> str:
    """A share count as given (fractions kept), with thousands separators."""
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-') or '0'):,}"
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


def signed_text(amount: Decimal | None) -> Text:
    """An amount coloured by sign (green gain, red loss), or a dim dash."""
    if amount is None:
        return Text("—", style="dim")
    style = "green" if amount > 0 else "red" if amount < 0 else ""
    text = usd(amount)
    return Text(f"+{text}" if amount > 0 else text, style=style)


def health_text(state: HealthState) -> Text:
    return Text(f" {state.label} ", style=HEALTH_STYLE[state])


def percent(ratio: Decimal | None) -> str:
    """A ratio shown as a percentage (presentation: the decimal point moved two places)."""
    return "—" if ratio is None else f"{ratio.scaleb(2):f}%"


def summary_table(ev: Evaluation) -> Table:
    figs = ev.figures
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("Figure", style="bold")
    table.add_column("Value", justify="right")
    table.add_column("Rule", style="dim")
    table.add_row("Cash", usd(ev.account.cash), "credit (+) / debit (-) balance")
    table.add_row("Long market value", usd(figs.long_market_value), "FINRA 4210(a)(2)")
    table.add_row("Short market value", usd(figs.short_market_value), "FINRA 4210(a)(2)")
    table.add_row("Equity", usd(figs.equity), "Reg T 220.2: cash + long + short")
    table.add_row("Maintenance requirement", usd(figs.maintenance, OWED), "FINRA 4210(c)")
    table.add_row("Initial requirement", usd(figs.initial, OWED), "Reg T 220.12; FINRA 4210(b)")
    table.add_row("Maintenance excess", signed_text(figs.maintenance_excess), "equity - maintenance")
    table.add_row("Initial excess", signed_text(figs.initial_excess), "equity - initial")
    table.add_row("Equity ratio", percent(ev.equity_ratio), "equity / gross market value")
    table.add_row("Health", health_text(ev.health), "")
    table.add_row("Maximum withdrawal", usd(ev.max_withdrawal, AVAILABLE), _withdrawal_rule(ev))
    return table


def _withdrawal_rule(ev: Evaluation) -> str:
    return "FINRA 4210(b); Reg T 220.4(e)" if ev.rules.withdrawal_rule.value == "regulatory" else "keep initial"


def positions_table(ev: Evaluation) -> Table:
    table = Table(title="Positions", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    for name in ("Symbol", "Qty", "Price", "Mkt value", "Unreal. P&L", "Maint.", "Initial"):
        table.add_column(name, justify="left" if name == "Symbol" else "right", no_wrap=name != "Symbol")
    for item, position in zip(ev.figures.positions, ev.account.positions, strict=True):
        notes = []
        if not position.marginable:
            notes.append("non-marginable")
        if position.leverage != 1:
            notes.append(f"{quantity(position.leverage)}x leveraged")
        if item.house_rate > 0:
            notes.append(f"house {percent(item.house_rate)}")
        symbol = Text(item.symbol)
        if notes:
            symbol.append("\n" + ", ".join(notes), style="dim")
        table.add_row(
            symbol,
            quantity(item.quantity),
            usd(item.price),
            usd(item.market_value),
            signed_text(ev.unrealized_pl[item.symbol]),
            usd(item.maintenance, OWED),
            usd(item.initial, OWED),
        )
    table.add_section()
    total: list[RenderableType] = ["Total", "", "", "", "", usd(ev.figures.maintenance, OWED)]
    total.append(usd(ev.figures.initial, OWED))
    table.add_row(*total, style="bold")
    return table


BUYING_POWER_LEGEND = (
    "Bold: the mode in force (buying_power). Grey: a mode this account cannot use now. —: no credit below the "
    "$2,000 minimum equity (FINRA 4210(b)(1)). n/a: needs the prior close. 1x: cash, no credit. "
    "SMA x 2: twice the special memorandum account (Reg T 220.5)."
)
"""The legend under every buying-power table: each mark the table uses, explained once."""


def modes_in_force(ev: Evaluation) -> frozenset[Mode]:
    """The buying-power modes this account can use now: the mode in force and, when it has credit, the rule set's
    day-trading mode. Below the minimum equity (the mode forced to cash) only cash."""
    if ev.mode is Mode.CASH:
        return frozenset({Mode.CASH})
    return frozenset({Mode.CASH, ev.mode, day_trading_mode(ev.rules)})


def buying_power_table(ev: Evaluation) -> Table:
    bp = ev.buying_power
    dt_mode = day_trading_mode(ev.rules)
    usable = modes_in_force(ev)
    forced = ev.requested_mode is not None and ev.requested_mode is not ev.mode
    table = Table(
        title="Buying power",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        title_style="bold",
        caption=BUYING_POWER_LEGEND,
        caption_justify="left",
        caption_style="dim",
    )
    table.add_column("Mode")
    table.add_column("Buying power", justify="right", no_wrap=True)
    table.add_column("Used as", style="cyan")
    table.add_column("Rule", style="dim")
    for mode in (Mode.CASH, Mode.REG_T, Mode.INTRADAY, Mode.LEGACY_DAY_TRADING):
        value = bp.for_mode(mode)
        marks = []
        if mode is ev.mode:
            marks.append("buying_power")
            if forced and ev.requested_mode is not None:
                marks.append(f"not {MODE_LABEL[ev.requested_mode]}: equity < $2,000 (4210(b)(1))")
        elif mode not in usable:
            marks.append("not in force: no credit" if forced else "not in force: the other day-trading regime")
        elif mode is dt_mode:
            marks.append("day trading")
        # forced to cash, the account cannot use any margin mode: no amount to mislead
        shown = "—" if mode not in usable and forced else "n/a" if value is None else usd(value, AVAILABLE)
        style = "bold" if mode is ev.mode else "dim" if mode not in usable else ""
        table.add_row(MODE_LABEL[mode], shown, ", ".join(marks), MODE_RULE[mode], style=style)
    table.add_row(
        "SMA x 2", "—" if forced else usd(bp.sma, AVAILABLE), "", "Reg T 220.5", style="dim" if forced else ""
    )
    if bp.reserved > 0:
        table.add_row("Reserved by open orders", usd(bp.reserved), "", "deducted from each mode")
    return table


def calls_renderable(ev: Evaluation) -> RenderableType:
    report = ev.calls
    if not report.calls:
        return Text("No margin call.", style="green")
    table = Table(title="Margin calls", title_justify="left", title_style="bold red", box=box.SIMPLE_HEAD)
    table.add_column("Call")
    table.add_column("Amount due", justify="right", no_wrap=True)
    table.add_column("Rule", style="dim")
    table.add_column("Due")
    for call in report.calls:
        table.add_row(call.kind.label, usd(call.amount, OWED), call.rule, due_text(call))
    parts: list[RenderableType] = [table]
    if report.plan is not None:
        plan = report.plan
        title = f"Liquidation plan ({plan.policy.value.replace('_', ' ')})"
        orders = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
        orders.add_column("#", justify="right")
        orders.add_column("Order")
        orders.add_column("Qty", justify="right")
        orders.add_column("Price", justify="right")
        for i, order in enumerate(plan.orders, 1):
            side = "Sell" if order.side is Side.SELL else "Buy to cover"
            orders.add_row(str(i), f"{side} {order.symbol}", quantity(order.quantity), usd(order.price))
        parts.append(orders)
        verdict = "cures the deficiency" if plan.cures else "does NOT cure the deficiency (liquidates everything)"
        parts.append(
            Text(
                f"After the plan: equity {usd(plan.equity_after)}, maintenance {usd(plan.maintenance_after, OWED)}: "
                f"{verdict}.",
                style="green" if plan.cures else "bold red",
            )
        )
    return Group(*parts)


def evaluation_renderable(ev: Evaluation) -> RenderableType:
    """The whole ``evaluate`` report."""
    title = ev.source or "account"
    if ev.description:
        title = f"{title} — {ev.description}"
    header = Text.assemble(
        (title, "bold"), "\nrules: ", (ev.rules.name, "cyan"), f"  (day trading: {ev.rules.day_trading_regime.value})"
    )
    body: list[RenderableType] = [summary_table(ev)]
    if ev.account.positions:
        body.append(positions_table(ev))
    body.append(buying_power_table(ev))
    body.append(calls_renderable(ev))
    return Group(Panel(header, expand=False), *body)
