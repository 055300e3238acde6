"""``margin-rules what-if``: an order's requirement, whether it fits, the account after it, the largest that fits.

Every figure comes from the core: :func:`margin_rules.requirements.order_requirement`,
:func:`margin_rules.buying_power.order_fits` (per mode), :func:`margin_rules.orders.max_order_quantity`. The account
after the order is the live account's own fill (:class:`margin_rules.live.account.MarginAccount`: ``reserve`` then
``confirm`` at the order's price, which moves cash, the position, its cost basis and the SMA by the shell's one
bookkeeping), evaluated like ``margin-rules evaluate``. An order the live account refuses is not applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from margin_rules.buying_power import Mode, OrderCheck, order_fits
from margin_rules.cli.evaluation import Evaluation, evaluate
from margin_rules.cli.fmt import number, plain
from margin_rules.cli.io import InputError, Snapshot
from margin_rules.cli.render import AVAILABLE, MODE_LABEL, OWED, health_text, quantity, usd
from margin_rules.errors import RefusedError
from margin_rules.live.account import MarginAccount
from margin_rules.model import Order, Side
from margin_rules.orders import max_order_quantity
from margin_rules.requirements import OrderRequirement, order_requirement
from margin_rules.rulesets import RuleSet

SCHEMA = "margin_rules.what_if/1"

SIDE_LABEL = {Side.BUY: "Buy", Side.SELL: "Sell", Side.SELL_SHORT: "Sell short"}


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The answer to one what-if."""

    order: Order
    mode: Mode
    requirement: OrderRequirement
    checks: tuple[OrderCheck, ...]
    max_quantity: Decimal
    fractional: bool
    before: Evaluation
    after: Evaluation | None
    after_note: str

    @property
    def check(self) -> OrderCheck:
        """The check in the selected mode."""
        return next(c for c in self.checks if c.mode is self.mode)

    @property
    def fits(self) -> bool:
        return self.check.fits


def _modes(snapshot: Snapshot, selected: Mode) -> tuple[Mode, ...]:
    account = snapshot.account
    modes = [Mode.CASH, Mode.REG_T, Mode.INTRADAY]
    if account.prior_equity is not None and account.prior_maintenance is not None:
        modes.append(Mode.LEGACY_DAY_TRADING)
    if selected not in modes:
        raise InputError("--mode", "", f"{selected.value} needs prior_equity and prior_maintenance in the account file")
    return tuple(modes)


def _after(snapshot: Snapshot, rules: RuleSet, order: Order, mode: Mode) -> tuple[Evaluation | None, str]:
    account = snapshot.account
    live = MarginAccount(
        rules,
        account.cash,
        account.positions,
        sma=account.sma,
        prior_equity=account.prior_equity,
        prior_maintenance=account.prior_maintenance,
        mode=mode,
    )
    try:
        live.reserve("what-if", order)
    except RefusedError as exc:
        return None, f"not applied: the account refuses the order ({exc.reason})"
    live.confirm("what-if", order.quantity, order.price)
    after = live.snapshot()
    return evaluate(after, rules, mode=mode), f"filled at {usd(order.price)}"


def what_if(
    snapshot: Snapshot,
    rules: RuleSet,
    *,
    side: str,
    symbol: str,
    quantity: str,
    price: str | None,
    marginable: bool = True,
    leverage: str = "1",
    mode: Mode | None = None,
) -> WhatIf:
    """Answer a what-if for one order against ``snapshot`` under ``rules``."""
    account = snapshot.account
    chosen = mode or snapshot.default_mode
    modes = _modes(snapshot, chosen)
    held = account.position(symbol) if symbol.strip() else None
    if price is None:
        if held is None:
            raise InputError("--price", "", f"{symbol.strip().upper()} is not in the account: give --price")
        order_price: Decimal | str = held.price
    else:
        order_price = price
    # The core's Order converts the command-line text exactly (and names the field when it refuses it).
    order = Order(
        symbol, Side(side), cast(Decimal, quantity), cast(Decimal, order_price), marginable, cast(Decimal, leverage)
    )
    requirement = order_requirement(account, order, rules)
    checks = tuple(order_fits(account, order, rules, m, snapshot.reserved) for m in modes)
    fractional = order.quantity != order.quantity.to_integral_value()
    largest = max_order_quantity(
        account,
        rules,
        order.symbol,
        order.side,
        order.price,
        chosen,
        snapshot.reserved,
        fractional=fractional,
        marginable=order.marginable,
        leverage=order.leverage,
    )
    before = evaluate(account, rules, reserved=snapshot.reserved, mode=chosen, source=snapshot.source)
    after, note = _after(snapshot, rules, order, chosen)
    return WhatIf(order, chosen, requirement, checks, largest, fractional, before, after, note)


# --- output --------------------------------------------------------------------------------------------------------


def _summary(ev: Evaluation) -> dict[str, Any]:
    figs = ev.figures
    return {
        "cash": plain(ev.account.cash),
        "long_market_value": plain(figs.long_market_value),
        "short_market_value": plain(figs.short_market_value),
        "equity": plain(figs.equity),
        "initial_margin": plain(figs.initial),
        "maintenance_margin": plain(figs.maintenance),
        "maintenance_excess": plain(figs.maintenance_excess),
        "sma": plain(ev.account.sma),
        "buying_power": None if ev.selected_buying_power is None else plain(ev.selected_buying_power),
        "regt_buying_power": plain(ev.buying_power.reg_t),
        "health": ev.health.value,
        "max_withdrawal": plain(ev.max_withdrawal),
        "margin_call": ev.calls.summary_json(),
        "positions": [
            {"symbol": p.symbol, "qty": number(p.quantity), "current_price": plain(p.price)}
            for p in ev.account.positions
        ],
    }


def to_json(result: WhatIf) -> dict[str, Any]:
    """The what-if as JSON-ready data (exact money strings)."""
    order, req = result.order, result.requirement
    return {
        "schema": SCHEMA,
        "source": result.before.source,
        "rules": result.before.rules.name,
        "order": {
            "symbol": order.symbol,
            "side": order.side.value,
            "qty": number(order.quantity),
            "price": plain(order.price),
            "notional": plain(req.notional),
            "asset_marginable": order.marginable,
            "leverage": number(order.leverage),
        },
        "requirement": {
            "opening_qty": number(req.opening_quantity),
            "closing_qty": number(req.closing_quantity),
            "initial_margin": plain(req.initial),
            "maintenance_margin": plain(req.maintenance),
            "minimum_equity": plain(req.minimum_equity),
            "required_equity": plain(req.required_equity),
        },
        "mode": result.mode.value,
        "fits": result.fits,
        "reason": result.check.reason,
        "checks": [
            {
                "mode": c.mode.value,
                "charge": plain(c.charge),
                "available": plain(c.available),
                "fits": c.fits,
                "reason": c.reason,
            }
            for c in result.checks
        ],
        "max_qty": number(result.max_quantity),
        "before": _summary(result.before),
        "after": None if result.after is None else _summary(result.after),
        "after_note": result.after_note,
    }


def renderable(result: WhatIf) -> RenderableType:
    """The what-if as rich tables."""
    order, req = result.order, result.requirement
    title = Text.assemble(
        (f"{SIDE_LABEL[order.side]} {quantity(order.quantity)} {order.symbol} at {usd(order.price)}", "bold"),
        f"  (notional {usd(req.notional)})\n",
        f"{result.before.source} · rules: ",
        (result.before.rules.name, "cyan"),
        f" · mode: {MODE_LABEL[result.mode]}",
    )
    reqs = Table(show_header=False, box=None, title="Requirement of the order", title_justify="left")
    reqs.add_column("Figure", style="bold")
    reqs.add_column("Value", justify="right")
    reqs.add_row("Opening / closing shares", f"{quantity(req.opening_quantity)} / {quantity(req.closing_quantity)}")
    reqs.add_row("Initial requirement (4210(b)(1))", usd(req.initial, OWED))
    reqs.add_row("Maintenance requirement (4210(c))", usd(req.maintenance, OWED))
    reqs.add_row("Minimum equity (4210(b)(1))", usd(req.minimum_equity, OWED))
    reqs.add_row("Equity required after the order", usd(req.required_equity, OWED))

    checks = Table(title="Does it fit?", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    checks.add_column("Mode")
    checks.add_column("Charge", justify="right", no_wrap=True)
    checks.add_column("Available", justify="right", no_wrap=True)
    checks.add_column("Fits")
    checks.add_column("Why", style="dim")
    for c in result.checks:
        fits = Text("yes", style="green") if c.fits else Text("no", style="bold red")
        style = "bold" if c.mode is result.mode else ""
        checks.add_row(
            MODE_LABEL[c.mode], usd(c.charge, OWED), usd(c.available, AVAILABLE), fits, c.reason, style=style
        )

    verdict = (
        Text(f"The order fits ({MODE_LABEL[result.mode]}).", style="bold green")
        if result.fits
        else Text(f"The order does NOT fit ({MODE_LABEL[result.mode]}): {result.check.reason}.", style="bold red")
    )
    unit = "shares (fractional)" if result.fractional else "shares"
    largest = Text(f"Largest {SIDE_LABEL[order.side].lower()} that fits: {quantity(result.max_quantity)} {unit}")

    parts: list[RenderableType] = [Panel(title, expand=False), reqs, checks, verdict, largest]
    if result.after is None:
        parts.append(Text(f"Account after the order: {result.after_note}.", style="dim"))
    else:
        parts.append(_before_after(result.before, result.after))
    return Group(*parts)


def _before_after(before: Evaluation, after: Evaluation) -> Table:
    table = Table(title="Account after the order", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    table.add_column("")
    table.add_column("Before", justify="right", no_wrap=True)
    table.add_column("After", justify="right", no_wrap=True)
    rows = [
        ("Cash", usd(before.account.cash), usd(after.account.cash)),
        ("Equity", usd(before.figures.equity), usd(after.figures.equity)),
        ("Maintenance", usd(before.figures.maintenance, OWED), usd(after.figures.maintenance, OWED)),
        ("Initial", usd(before.figures.initial, OWED), usd(after.figures.initial, OWED)),
        ("Reg T buying power", usd(before.buying_power.reg_t, AVAILABLE), usd(after.buying_power.reg_t, AVAILABLE)),
        ("SMA", usd(before.account.sma), usd(after.account.sma)),
        ("Max withdrawal", usd(before.max_withdrawal, AVAILABLE), usd(after.max_withdrawal, AVAILABLE)),
    ]
    for row in rows:
        table.add_row(*row)
    table.add_row("Health", health_text(before.health), health_text(after.health))
    table.add_row("Margin calls", _calls(before), _calls(after))
    return table


def _calls(ev: Evaluation) -> Text:
    if not ev.calls.calls:
        return Text("none", style="green")
    return Text(", ".join(f"{c.kind.value} {usd(c.amount, OWED)}" for c in ev.calls.calls), style="bold red")
