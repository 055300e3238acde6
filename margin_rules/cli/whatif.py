"""``margin-rules what-if``: an order's requirement, whether it fits, the account after it, the largest that fits.

Every figure comes from the core: :func:`margin_rules.requirements.order_requirement`,
:func:`margin_rules.buying_power.order_fits` (per mode), :func:`margin_rules.orders.max_order_quantity`, and the mode
from :func:`margin_rules.buying_power.effective_mode` (below the $2,000 minimum equity of FINRA 4210(b)(1) a margin
mode becomes CASH). The account after the order is the pure core transition
:func:`margin_rules.transactions.apply_order` (a complete fill at the order's price: cash, the position, its cost
basis and, given the rule set, the SMA of Reg T 220.5), evaluated like ``margin-rules evaluate``. It is shown for
every order, also for one that does not fit: then it is labelled as the account *if the order were filled*.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, cast

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from margin_rules.buying_power import Mode, OrderCheck, effective_mode, order_fits
from margin_rules.carry import alpaca_rates, order_daily_carry
from margin_rules.cli.evaluation import Evaluation, evaluate
from margin_rules.cli.fmt import number, plain
from margin_rules.cli.io import InputError, Snapshot
from margin_rules.cli.render import AVAILABLE, MODE_LABEL, OWED, health_text, modes_in_force, quantity, usd
from margin_rules.errors import MarginRulesError
from margin_rules.model import Account, Order, Side
from margin_rules.orders import max_order_quantity
from margin_rules.requirements import OrderRequirement, account_requirements, order_requirement
from margin_rules.rulesets import RuleSet
from margin_rules.transactions import apply_order

SCHEMA = "margin_rules.what_if/1"

SIDE_LABEL = {Side.BUY: "Buy", Side.SELL: "Sell", Side.SELL_SHORT: "Sell short"}


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The answer to one what-if."""

    order: Order
    mode: Mode
    requested_mode: Mode
    requirement: OrderRequirement
    checks: tuple[OrderCheck, ...]
    max_quantity: Decimal
    fractional: bool
    before: Evaluation
    after: Evaluation | None
    after_note: str
    hypothetical: bool
    """True when the order does not fit: ``after`` is the account *if it were filled* anyway."""
    daily_carry: Decimal | None = None
    """What the order adds to one day's carry (margin interest, borrow fee; Alpaca rates): negative = a cost."""

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


def account_after(account: Account, order: Order, rules: RuleSet, requirement: OrderRequirement) -> Account:
    """The account after ``order`` fills completely at its price: the core's :func:`~margin_rules.transactions.
    apply_order` with the rule set, so the SMA moves as Reg T 220.5 says (opening shares debit their Reg T
    requirement, closing shares credit the one they release)."""
    del requirement  # the core splits the order into opening and closing shares itself
    return apply_order(account, order, rules)


def _after(
    snapshot: Snapshot, rules: RuleSet, order: Order, requirement: OrderRequirement, mode: Mode, fits: bool
) -> tuple[Evaluation | None, str]:
    try:
        after = account_after(snapshot.account, order, rules, requirement)
    except MarginRulesError as exc:
        return None, f"cannot be computed: {exc}"
    # Other open orders (``reserved``) stay open after this one fills.
    evaluation = evaluate(after, rules, reserved=snapshot.reserved, mode=mode)
    if fits:
        return evaluation, f"filled at {usd(order.price)}"
    return evaluation, f"if it were filled at {usd(order.price)} (it does not fit: nothing would be sent)"


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
    requested = mode or snapshot.default_mode
    # The core decides the mode: below the 4210(b)(1) minimum equity a margin mode is CASH (Alpaca: multiplier 1).
    chosen = effective_mode(account_requirements(account, rules).equity, rules, requested)
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
    fits = next(c for c in checks if c.mode is chosen).fits
    after, note = _after(snapshot, rules, order, requirement, chosen, fits)
    carry = None if after is None else order_daily_carry(account, after.account, alpaca_rates())
    return WhatIf(
        order, chosen, requested, requirement, checks, largest, fractional, before, after, note, not fits, carry
    )


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
        "health_label": ev.health.label,
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
        "requested_mode": result.requested_mode.value,
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
        "after_is_hypothetical": result.hypothetical,
        "after_note": result.after_note,
        "daily_carry": None if result.daily_carry is None else plain(result.daily_carry),
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
        _mode_note(result),
    )
    reqs = Table(show_header=False, box=None, title="Requirement of the order", title_justify="left")
    reqs.add_column("Figure", style="bold")
    reqs.add_column("Value", justify="right")
    reqs.add_row("Opening / closing shares", f"{quantity(req.opening_quantity)} / {quantity(req.closing_quantity)}")
    reqs.add_row("Initial requirement (4210(b)(1))", usd(req.initial, OWED))
    reqs.add_row("Maintenance requirement (4210(c))", usd(req.maintenance, OWED))
    reqs.add_row("Minimum equity (4210(b)(1))", usd(req.minimum_equity, OWED))
    reqs.add_row("Equity required after the order", usd(req.required_equity, OWED))
    if result.daily_carry is not None:
        reqs.add_row("Daily carry (interest, borrow; Alpaca /360)", usd(result.daily_carry, AVAILABLE))

    checks = Table(
        title="Does it fit?",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        title_style="bold",
        caption=FITS_LEGEND,
        caption_justify="left",
        caption_style="dim",
    )
    checks.add_column("Mode")
    checks.add_column("Charge", justify="right", no_wrap=True)
    checks.add_column("Available", justify="right", no_wrap=True)
    checks.add_column("Fits")
    checks.add_column("Why", style="dim")
    usable = modes_in_force(replace(result.before, mode=result.mode))
    for c in result.checks:
        if c.mode not in usable:  # a mode the account cannot use now: greyed, no verdict that could mislead
            checks.add_row(MODE_LABEL[c.mode], "—", "—", "—", "not in force for this account", style="dim")
            continue
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
        parts.append(_before_after(result))
    return Group(*parts)


FITS_LEGEND = (
    "Bold: the mode that decides (the account's mode in force). Grey —: a mode this account cannot use now "
    "(below the $2,000 minimum equity of FINRA 4210(b)(1) no credit at all; or the other day-trading regime)."
)


def _mode_note(result: WhatIf) -> str:
    if result.mode is result.requested_mode:
        return ""
    return (
        f"\n(requested {MODE_LABEL[result.requested_mode]}: equity is below the $2,000 minimum of FINRA 4210(b)(1),"
        " so no credit is extended)"
    )


def _before_after(result: WhatIf) -> Table:
    before, after = result.before, result.after
    assert after is not None
    if result.hypothetical:
        title = Text.assemble(
            ("Account if the order were filled", "bold yellow"),
            (" (hypothetical: the order does NOT fit)", "yellow"),
        )
        column = "If filled"
    else:
        title = Text(f"Account after the order ({result.after_note})", style="bold")
        column = "After"
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("")
    table.add_column("Before", justify="right", no_wrap=True)
    table.add_column(column, justify="right", no_wrap=True)
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
    return Text(", ".join(f"{c.kind.label} {usd(c.amount, OWED)}" for c in ev.calls.calls), style="bold red")
