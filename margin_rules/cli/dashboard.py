"""``margin-rules demo``: a live dashboard of a margin account on a simulated market.

It runs the real stateful parts of :mod:`margin_rules.live`, stepped one market tick at a time by :class:`Demo`:

* :class:`~margin_rules.live.account.MarginAccount`: the account (reservations, fills, prices);
* :class:`~margin_rules.live.monitor.MarginMonitor` (synchronous delivery to a queue that the loop drains after each
  change, so the log is in order and deterministic): its health, house-tier and LEAN-warning transitions go to the
  event log with the figures that caused them;
* :class:`~margin_rules.live.broker.SimulatedBroker` (seeded): random orders are submitted (the account reserves or
  refuses them) and filled, partly filled, rejected or expired;
* :class:`~margin_rules.live.margin_calls.MarginCallManager`: on a transition into LIQUIDATION_CALL it blocks opening
  orders, sizes the core's liquidation plan and routes it through the broker; calls, the plan and the cure are logged.

Structure (so that it can be tested headless):

* :class:`Market`: the simulated market, a seeded random walk of prices in whole cents (a simulation, not a rule), and
  :meth:`Market.crash`, which drops one price by 60%.
* :class:`DashboardState`: an immutable view of the account at one tick; :func:`state_of` builds it from a
  :class:`~margin_rules.live.account.MarginAccount` with core functions only (every figure comes from
  :func:`margin_rules.cli.evaluation.evaluate`: requirements, health, buying power, P&L, margin calls).
* :func:`render`: a pure function ``DashboardState -> rich renderable``.
* :class:`Demo`: the stateful parts and one :meth:`Demo.step` per tick (no clock, no keyboard).
* :func:`run`: the live loop (rich ``Live``) around a :class:`Demo`: ``c`` crashes the largest long, ``q`` quits (when
  stdin is a terminal); ``--crash SYMBOL --crash-at N`` does it without a keyboard; ``--ticks``/``--duration`` end it.
"""

from __future__ import annotations

import contextlib
import io
import queue
import random
import select
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Final

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from margin_rules.buying_power import BuyingPower, Mode
from margin_rules.cli.evaluation import Evaluation, evaluate
from margin_rules.cli.render import AVAILABLE, MODE_LABEL, OWED, health_text, percent, quantity, signed_text, usd
from margin_rules.errors import RefusedError
from margin_rules.health_state import HealthState
from margin_rules.live.account import MarginAccount
from margin_rules.live.broker import BrokerEvent, BrokerOrder, SimulatedBroker
from margin_rules.live.margin_calls import MarginCallManager, MarginCallResult
from margin_rules.live.monitor import MarginMonitor, Transition
from margin_rules.margin_call import CallKind, LiquidationPolicy, MarginCall
from margin_rules.model import Order, Position, Side
from margin_rules.rulesets import RuleSet

CRASH_FACTOR: Final = Decimal("0.40")
"""A crash leaves 40% of the price (a 60% drop), rounded down to the cent."""

MAX_EVENTS: Final = 10
"""Events shown on screen (the newest)."""

LOG_LIMIT: Final = 500
"""Events kept in memory: a long demo stays bounded."""

MAX_OPEN_SHOWN: Final = 4

UNIVERSE_EXTRA: Final = {"NVDA": Decimal("120.00"), "F": Decimal("12.00")}
"""Symbols the simulated order flow may trade besides the demo book's."""

SIDE_WORD = {Side.BUY: "buy", Side.SELL: "sell", Side.SELL_SHORT: "short"}


# --- the simulated market ------------------------------------------------------------------------------------------


class Market:
    """A seeded random walk of prices in whole cents (at most ``volatility_bp`` basis points a tick, never below 1c)."""

    def __init__(self, prices: dict[str, Decimal], seed: int = 7, volatility_bp: int = 150) -> None:
        self._cents = {symbol: int(price * 100) for symbol, price in prices.items()}
        self._rng = random.Random(seed)
        self._volatility_bp = volatility_bp

    def prices(self) -> dict[str, Decimal]:
        return {symbol: Decimal(cents).scaleb(-2) for symbol, cents in self._cents.items()}

    def tick(self) -> dict[str, Decimal]:
        for symbol, cents in self._cents.items():
            limit = max(1, cents * self._volatility_bp // 10_000)
            self._cents[symbol] = max(1, cents + self._rng.randint(-limit, limit))
        return self.prices()

    def crash(self, symbol: str) -> dict[str, Decimal]:
        key = symbol.strip().upper()
        if key not in self._cents:
            raise KeyError(key)
        self._cents[key] = max(1, int(self._cents[key] * CRASH_FACTOR))
        return self.prices()


def demo_account(rules: RuleSet) -> MarginAccount:
    """The demo book: two longs bought partly on margin and a short, healthy at the start."""
    positions = (
        Position("AAPL", Decimal(200), Decimal("190.00"), cost_basis=Decimal("36000.00")),
        Position("MSFT", Decimal(50), Decimal("420.00"), cost_basis=Decimal("20500.00")),
        Position("TSLA", Decimal(-20), Decimal("250.00"), cost_basis=Decimal("-5200.00")),
    )
    return MarginAccount(rules, Decimal("-19000.00"), positions, sma=Decimal("3000.00"))


# --- state and rendering -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    tick: int
    text: str
    style: str = ""


@dataclass(frozen=True, slots=True)
class PositionRow:
    symbol: str
    quantity: Decimal
    price: Decimal
    market_value: Decimal
    unrealized_pl: Decimal | None
    maintenance: Decimal


@dataclass(frozen=True, slots=True)
class DashboardState:
    """Everything the dashboard shows at one tick."""

    tick: int
    rules: str
    health: HealthState
    cash: Decimal
    equity: Decimal
    reserved: Decimal
    maintenance: Decimal
    initial: Decimal
    maintenance_excess: Decimal
    equity_ratio: Decimal | None
    buying_power: BuyingPower
    mode: Mode
    positions: tuple[PositionRow, ...]
    calls: tuple[MarginCall, ...]
    events: tuple[Event, ...] = ()
    status: str = ""
    open_orders: tuple[str, ...] = ()
    """The broker's open orders, one line each (the newest first)."""
    blocked: tuple[str, ...] = ()
    """Why opening orders are refused now (an uncured margin call), if they are."""
    last_change: Event | None = None
    """The latest health transition (pinned on screen)."""


def state_of(
    account: MarginAccount,
    tick: int,
    events: tuple[Event, ...] = (),
    status: str = "",
    open_orders: tuple[str, ...] = (),
) -> tuple[DashboardState, Evaluation]:
    """The dashboard state of ``account`` now, from core functions (and the evaluation it came from)."""
    with account.lock:  # one instant: the snapshot, the mode, the reservations and the blocks agree
        snapshot = account.snapshot()
        mode = account.current_mode()
        reserved = account.reserved(mode)
        blocks = account.opening_blocks()
    ev = evaluate(snapshot, account.rules, reserved=reserved, mode=mode)
    blocked = tuple(_block_text(key, reason, ev.calls.calls) for key, reason in blocks.items())
    rows = tuple(
        PositionRow(
            item.symbol, item.quantity, item.price, item.market_value, ev.unrealized_pl[item.symbol], item.maintenance
        )
        for item in ev.figures.positions
    )
    state = DashboardState(
        tick=tick,
        rules=account.rules.name,
        health=ev.health,
        cash=snapshot.cash,
        equity=ev.figures.equity,
        reserved=ev.buying_power.reserved,
        maintenance=ev.figures.maintenance,
        initial=ev.figures.initial,
        maintenance_excess=ev.figures.maintenance_excess,
        equity_ratio=ev.equity_ratio,
        buying_power=ev.buying_power,
        mode=ev.mode,
        positions=rows,
        calls=ev.calls.calls,
        events=events,
        status=status,
        open_orders=open_orders,
        blocked=blocked,
    )
    return state, ev


def _block_text(key: str, reason: str, calls: tuple[MarginCall, ...]) -> str:
    """A block on opening orders in the user's words; the margin-call block's amount formatted like every other."""
    if key == MarginCallManager.BLOCK_KEY:
        owed = [c for c in calls if c.kind is CallKind.MAINTENANCE]
        amount = f" of {usd(owed[0].amount, OWED)}" if owed else ""
        return f"until the maintenance call{amount} is met"
    return reason


def _ratio_bar(state: DashboardState) -> RenderableType:
    """The equity ratio as a bar (drawing only: the bar's length is a float; decisions never use it)."""
    ratio = state.equity_ratio
    completed = 0.0 if ratio is None else max(0.0, min(100.0, float(ratio.scaleb(2))))
    style = {
        HealthState.HEALTHY: "green",
        HealthState.RESTRICTED: "yellow",
        HealthState.LIQUIDATION_CALL: "red",
    }[state.health]
    bar = ProgressBar(total=100.0, completed=completed, width=40, complete_style=style, finished_style=style)
    line = Table.grid(padding=(0, 1))
    line.add_row(Text("Equity ratio"), bar, Text(percent(ratio), style="bold"))
    return line


WIDE: Final = 140
"""From this many columns the dashboard uses two columns: the account on the left, what happened on the right."""

COMPACT_HEIGHT: Final = 40
"""Below this many rows the dashboard drops titles and the ratio bar so that the events and the keys stay on screen."""

BUYING_POWER_MARK: Final = "•"
"""Marks the buying-power mode in force (the legend is the column's header)."""


def render(state: DashboardState, width: int | None = None, height: int | None = None) -> RenderableType:
    """The dashboard for ``state`` (pure: the same state and size always render the same).

    ``width`` and ``height`` are the terminal's size (None: a 120-column screen with :data:`MAX_EVENTS` events). From
    :data:`WIDE` columns the account and the events sit side by side; below :data:`COMPACT_HEIGHT` rows the layout is
    compact and the event log gets exactly the rows that are left, so that nothing below it is cut off. The current
    margin call, the block on opening orders and the last health change are pinned above the log.
    """
    compact = height is not None and height < COMPACT_HEIGHT
    wide = width is not None and width >= WIDE
    account_parts = _account_parts(state, compact)
    pinned = _pinned(state)
    status = [Text(state.status, style="dim", no_wrap=True, overflow="ellipsis")] if state.status else []
    border = "red" if state.calls else "blue"
    if wide:
        left = Group(*account_parts)
        pinned_rows = _measure(Group(*pinned), (width or WIDE) // 2 - 4) if pinned else 0
        rows = MAX_EVENTS * 2 if height is None else max(1, height - 2 - 1 - pinned_rows - len(status) - 1)
        right = Group(*pinned, _events(state, rows, title=True, width=None if width is None else (width - 7) // 2))
        body = Table.grid(padding=(0, 3), expand=True)
        body.add_column(ratio=1)
        body.add_column(ratio=1)
        body.add_row(left, right)
        return Panel(Group(body, *status), title="margin_rules", border_style=border)
    if height is None:
        rows = MAX_EVENTS
    else:
        inner = (width or 120) - 4
        used = _measure(Group(*account_parts, *pinned, *status), inner) + 2 + (0 if compact else 1)
        rows = max(1, height - used - 1)
    log = _events(state, rows, title=not compact, width=None if width is None else width - 4)
    return Panel(Group(*account_parts, *pinned, log, *status), title="margin_rules", border_style=border)


def _measure(renderable: RenderableType, width: int) -> int:
    """Rows ``renderable`` takes at ``width`` columns (layout only)."""
    console = Console(width=width, file=io.StringIO(), color_system=None)
    return len(console.render_lines(renderable, console.options.update_width(width), pad=False))


def _account_parts(state: DashboardState, compact: bool) -> list[RenderableType]:
    header = Text.assemble(
        ("" if compact else "margin-rules demo  ", "bold"),
        (f"rules: {state.rules}", "cyan"),
        f"  tick {state.tick}  ",
        health_text(state.health),
        f"  equity ratio {percent(state.equity_ratio)}" if compact else "",
        no_wrap=True,
        overflow="ellipsis",
    )

    figures = Table(show_header=False, box=None, pad_edge=False)
    figures.add_column("Figure", style="bold", no_wrap=True)
    figures.add_column("Value", justify="right", no_wrap=True)
    figures.add_row("Equity", usd(state.equity))
    figures.add_row("Cash", usd(state.cash))
    figures.add_row("Reserved by orders", usd(state.reserved))
    figures.add_row("Maintenance", usd(state.maintenance, OWED))
    figures.add_row("Initial", usd(state.initial, OWED))
    figures.add_row("Excess over maint.", signed_text(state.maintenance_excess))

    bp = Table(
        title=None if compact else "Buying power",
        title_justify="left",
        box=None if compact else box.SIMPLE_HEAD,
        title_style="bold",
        pad_edge=False,
    )
    bp.add_column(f"Mode ({BUYING_POWER_MARK} in force)", no_wrap=True)
    bp.add_column("Amount", justify="right", no_wrap=True)
    for mode in (Mode.CASH, Mode.REG_T, Mode.INTRADAY, Mode.LEGACY_DAY_TRADING):
        value = state.buying_power.for_mode(mode)
        label = MODE_LABEL[mode] + (f" {BUYING_POWER_MARK}" if mode is state.mode else "")
        style = "bold" if mode is state.mode else "dim"
        bp.add_row(label, "n/a" if value is None else usd(value, AVAILABLE), style=style)

    positions = Table(
        title=None if compact else "Positions",
        title_justify="left",
        box=None if compact else box.SIMPLE_HEAD,
        title_style="bold",
        pad_edge=False,
    )
    for name in ("Symbol", "Qty", "Price", "Mkt value", "Unreal. P&L", "Maint."):
        positions.add_column(name, justify="left" if name == "Symbol" else "right", no_wrap=True)
    for row in state.positions:
        positions.add_row(
            row.symbol,
            quantity(row.quantity),
            usd(row.price),
            usd(row.market_value),
            signed_text(row.unrealized_pl),
            usd(row.maintenance, OWED),
        )

    orders = Text(
        "Open orders: " + (" · ".join(state.open_orders[:MAX_OPEN_SHOWN]) if state.open_orders else "none"),
        style="dim" if not state.open_orders else "",
    )
    if len(state.open_orders) > MAX_OPEN_SHOWN:
        orders.append(f" (+{len(state.open_orders) - MAX_OPEN_SHOWN} more)", style="dim")

    top = Table.grid(padding=(0, 4))
    top.add_row(figures, bp)
    parts: list[RenderableType] = [header]
    if not compact:
        parts.append(_ratio_bar(state))
    parts += [top, positions, orders]
    return parts


def _pinned(state: DashboardState) -> list[RenderableType]:
    """What must stay on screen however fast the log scrolls: the call in force, the block, the last health change."""
    lines: list[RenderableType] = []
    if state.calls:
        calls = ", ".join(f"{c.kind.label} {usd(c.amount, OWED)} ({c.rule})" for c in state.calls)
        lines.append(Text(f"MARGIN CALL: {calls}", style="bold white on red"))
    if state.blocked:
        lines.append(Text("Opening orders blocked " + "; ".join(state.blocked), style="bold yellow"))
    if state.last_change is not None:
        change = state.last_change
        lines.append(
            Text.assemble(
                ("Last change ", "bold"),
                (f"(tick {change.tick}): ", "dim"),
                (change.text, change.style),
            )
        )
    return lines


def _events(state: DashboardState, rows: int, *, title: bool, width: int | None = None) -> RenderableType:
    """The newest events that fit in ``rows`` rows at ``width`` columns (an event wraps rather than lose an amount)."""
    log = Table(
        title="Events" if title else None,
        title_justify="left",
        box=None,
        title_style="bold",
        show_header=False,
        pad_edge=False,
        expand=True,
    )
    log.add_column("Tick", justify="right", style="dim", no_wrap=True, width=4)
    log.add_column("Event", ratio=1)
    shown: list[Event] = []
    if width is None:
        shown = list(state.events[-rows:])
    else:
        left = rows
        for event in reversed(state.events):
            need = _measure(Text(event.text), max(10, width - 6))  # the tick column and its padding
            if need > left:
                break
            shown.insert(0, event)
            left -= need
    for event in shown:
        log.add_row(str(event.tick), Text(event.text, style=event.style))
    if not state.events:
        log.add_row("", Text("no events yet", style="dim"))
    return log


# --- the event log -------------------------------------------------------------------------------------------------


def _order_text(order: Order) -> str:
    return f"{SIDE_WORD[order.side]} {quantity(order.quantity)} {order.symbol} at {usd(order.price)}"


def _open_order_text(routed: BrokerOrder) -> str:
    filled = f", {quantity(routed.filled)} filled" if routed.filled else ""
    return f"{routed.order_id} {_order_text(routed.order)} ({_words(routed.status.value)}{filled})"


CAUSE_WORDS: Final = {
    "prices": "a price move",
    "fill": "a fill",
    "deposit": "a deposit",
    "withdraw": "a withdrawal",
    "reserve": "an order",
    "release": "an order released",
    "end_of_day": "the close",
    "block": "a block",
    "unblock": "a block lifted",
}
"""What changed the account, in words, for the event log (the account's event kinds)."""


def transition_text(transition: Transition) -> tuple[str, str]:
    """One monitor transition as an event-log line (with the figures that caused it) and its style."""
    figs = transition.figures
    numbers = f"equity {usd(figs.equity)}, maintenance {usd(figs.maintenance, OWED)}"
    cause = f" after {CAUSE_WORDS.get(transition.kind, _words(transition.kind))}" if transition.kind else ""
    if transition.scale == "health":
        previous, current = transition.previous, transition.current
        assert isinstance(previous, HealthState) and isinstance(current, HealthState)
        style = {
            HealthState.HEALTHY: "green",
            HealthState.RESTRICTED: "yellow",
            HealthState.LIQUIDATION_CALL: "bold red",
        }[current]
        return f"health {previous.label} -> {current.label}{cause}: {numbers}", style
    if transition.scale == "tier":
        return (
            f"early-warning level {_words(transition.previous)} -> {_words(transition.current)}{cause}: {numbers}, "
            f"gross exposure {usd(figs.gross_exposure)}",
            "yellow",
        )
    if transition.scale == "warning":
        word = "on" if transition.current else "off"
        return f"low-margin warning {word} (margin left <= 5% of equity){cause}: {numbers}", "yellow"
    stale = ", ".join(transition.current) if transition.current else "none"
    return f"stale prices: {stale}", "dim"


def _words(value: object) -> str:
    """An internal name (``at_risk``) as words (``at risk``)."""
    return str(value).replace("_", " ")


def _call_label(kind: str) -> str:
    return CallKind(kind).label


@dataclass
class EventLog:
    """Market, order, monitor and margin-call events, as they happen (bounded)."""

    events: deque[Event] = field(default_factory=lambda: deque(maxlen=LOG_LIMIT))
    last_calls: tuple[str, ...] = ()

    def add(self, tick: int, text: str, style: str = "") -> None:
        self.events.append(Event(tick, text, style))

    last_change: Event | None = None
    """The latest health transition, pinned on screen after it scrolls out of the log."""

    def transition(self, tick: int, transition: Transition) -> None:
        text, style = transition_text(transition)
        self.add(tick, text, style)
        if transition.scale == "health":
            self.last_change = Event(tick, text, style)

    def broker(self, tick: int, event: BrokerEvent, order: Order | None) -> None:
        what = _order_text(order) if order is not None else ""
        if event.kind in ("fill", "partial_fill"):
            word = "filled" if event.kind == "fill" else "partly filled"
            self.add(
                tick, f"{event.order_id} {word}: {quantity(event.quantity)} at {usd(event.price)} ({what})", "cyan"
            )
        else:
            word = {"reject": "rejected by the broker", "expire": "expired", "cancel": "canceled"}.get(
                event.kind, event.kind
            )
            self.add(tick, f"{event.order_id} {word}: {quantity(event.quantity)} left ({what}), released", "dim")

    def margin_call(self, tick: int, result: MarginCallResult) -> None:
        for notice in result.notices:
            call = notice.call
            due = f", due {notice.due.isoformat()}" if notice.due is not None else ""
            self.add(tick, f"MARGIN CALL {call.kind.label}: {usd(call.amount, OWED)} ({call.rule}{due})", "bold red")
            if call.kind.value not in self.last_calls:  # announced: observe() does not repeat it
                self.last_calls = (*self.last_calls, call.kind.value)
        if result.blocked:
            self.add(tick, "opening orders blocked until the call is cured", "yellow")
        plan = result.plan
        if plan is not None:
            orders = "; ".join(_order_text(o) for o in plan.orders) or "no orders"
            cures = "cures" if plan.cures else "does NOT cure"
            self.add(
                tick,
                f"liquidation plan ({_words(plan.policy.value)}, {cures} the {usd(plan.deficiency, OWED)} deficiency): "
                f"{orders}; after: equity {usd(plan.equity_after)}, maintenance {usd(plan.maintenance_after, OWED)}",
                "bold magenta",
            )
        if result.submitted:
            self.add(tick, f"liquidation routed: {', '.join(result.submitted)}", "magenta")
        for order, reason in result.refused:
            self.add(tick, f"liquidation order refused: {_order_text(order)} ({reason})", "red")

    def observe(self, tick: int, state: DashboardState) -> None:
        """Log the margin calls that appear or are met (Reg T calls from the SMA included, which are not a health
        transition)."""
        kinds = tuple(c.kind.value for c in state.calls)
        for call in state.calls:
            if call.kind.value not in self.last_calls:
                self.add(tick, f"MARGIN CALL {call.kind.label}: {usd(call.amount, OWED)} due ({call.rule})", "bold red")
        for kind in self.last_calls:
            if kind not in kinds:
                self.add(tick, f"{_call_label(kind)} met", "green")
        self.last_calls = kinds


# --- the demo: the stateful parts, one tick at a time --------------------------------------------------------------


class Demo:
    """The demo's account, monitor, broker and margin-call manager on a simulated market (see the module docstring).

    Deterministic for a seed: the market, the order flow and the broker each draw from their own seeded generator,
    and monitor transitions are delivered synchronously to a queue that :meth:`step` drains in order.
    """

    def __init__(
        self,
        rules: RuleSet,
        *,
        seed: int = 7,
        account: MarginAccount | None = None,
        order_probability: float = 0.4,
        policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST,
    ) -> None:
        self.account = account if account is not None else demo_account(rules)
        prices = {p.symbol: p.price for p in self.account.snapshot().positions}
        for symbol, price in UNIVERSE_EXTRA.items():
            prices.setdefault(symbol, price)
        self.market = Market(prices, seed)
        self.monitor = MarginMonitor(self.account, synchronous=True)
        self._transitions = self.monitor.subscribe_queue()
        self.broker = SimulatedBroker(
            self.account,
            seed,
            fill_probability=0.45,
            partial_probability=0.25,
            reject_probability=0.08,
            timeout_steps=4,
            market_fills=True,
        )
        self.manager = MarginCallManager(self.account, self.broker, policy=policy)
        self.flow = random.Random(seed + 1)
        self.order_probability = order_probability
        self.log = EventLog()
        self.tick = 0
        self.account.update_prices(self.market.prices())
        self._drain()
        state, _ = state_of(self.account, 0)
        self.log.observe(0, state)
        self.log.add(0, f"opened: {state.health.label}, equity {usd(state.equity)}, mode {MODE_LABEL[state.mode]}")
        # An open buy order holds buying power until it fills (as at Alpaca).
        self.submit(Order("NVDA", Side.BUY, Decimal(10), Decimal("120.00")))

    def close(self) -> None:
        """Detach the monitor from the account."""
        self.monitor.stop()

    # --- pieces of a tick ------------------------------------------------------------------------------------------

    def submit(self, order: Order) -> BrokerOrder | None:
        """Route ``order`` through the broker (the account reserves it) and log it, or log the account's refusal."""
        try:
            routed = self.broker.submit(order)
        except RefusedError as exc:
            why = "opening orders blocked by the margin call" if exc.reason == "opening_blocked" else exc.reason
            self.log.add(self.tick, f"refused {_order_text(order)}: {why.replace('_', ' ')}", "yellow")
            return None
        self.log.add(self.tick, f"{routed.order_id} submitted: {_order_text(order)}")
        return routed

    def _random_order(self) -> Order | None:
        if self.flow.random() >= self.order_probability:
            return None
        prices = self.market.prices()
        symbol = self.flow.choice(sorted(prices))
        price = prices[symbol]
        held = self.account.position(symbol)
        draw = self.flow.random()
        if held is not None and held.quantity > 0 and draw < 0.4:
            side, qty = Side.SELL, self.flow.randint(1, int(min(held.quantity, Decimal(20))))
        elif held is not None and held.quantity < 0 and draw < 0.4:
            side, qty = Side.BUY, self.flow.randint(1, int(min(-held.quantity, Decimal(10))))
        elif draw < 0.85 or (held is not None and held.quantity > 0):
            side, qty = Side.BUY, self.flow.randint(1, 15)
        else:
            side, qty = Side.SELL_SHORT, self.flow.randint(1, 10)
        return Order(symbol, side, Decimal(qty), price)

    def _drain(self) -> None:
        """Log every queued monitor transition in order and let the margin-call manager act on it."""
        while True:
            try:
                transition = self._transitions.get_nowait()
            except queue.Empty:
                return
            self.log.transition(self.tick, transition)
            before = len(self.manager.history)
            blocked = bool(self.account.opening_blocks())
            self.manager.on_transition(transition)
            for result in self.manager.history[before:]:
                self.log.margin_call(self.tick, result)
            if blocked and not self.account.opening_blocks():
                self.log.add(self.tick, "margin call cured: opening orders allowed again", "bold green")

    def _replan(self) -> None:
        """Still under a maintenance call with no liquidation order working (rejected, expired, or not enough): the
        manager sizes and routes a new plan from the account as it is now (:meth:`MarginCallManager.replan`; the demo's
        monitor is synchronous, so the manager is not attached and this runs once per tick)."""
        result = self.manager.replan()
        if result is None:
            return
        if result.unresolved:
            self.log.add(
                self.tick,
                f"call UNRESOLVED after {result.attempts} liquidation plans: automatic liquidation stopped, "
                "opening orders stay blocked",
                "bold red",
            )
            return
        if result.plan is not None or result.submitted or result.refused:
            self.log.add(self.tick, "still under the call and no liquidation order working: re-planned", "magenta")
            self.log.margin_call(self.tick, replace(result, notices=()))

    def state(self, status: str = "") -> DashboardState:
        open_orders = tuple(_open_order_text(o) for o in reversed(self.broker.open_orders))
        state, _ = state_of(self.account, self.tick, tuple(self.log.events), status, open_orders)
        return state

    def step(self, crash: str | None = None, status: str = "") -> DashboardState:
        """One tick: route a random order, let the broker act, move the market (``crash`` drops one symbol by 60%),
        act on the monitor's transitions; returns the state to draw."""
        self.tick += 1
        order = self._random_order()
        if order is not None:
            self.submit(order)
        for event in self.broker.step():
            routed = self.broker.orders.get(event.order_id)
            self.log.broker(self.tick, event, routed.order if routed is not None else None)
        self._drain()
        prices = self.market.tick()
        if crash is not None:
            prices = self.market.crash(crash)
            key = crash.strip().upper()
            self.log.add(self.tick, f"CRASH: {key} falls 60% to {usd(prices[key])}", "bold")
        self.account.update_prices(prices)
        self._drain()
        self._replan()
        state = self.state(status)
        self.log.observe(self.tick, state)
        return replace(state, events=tuple(self.log.events), last_change=self.log.last_change)

    def largest_long(self) -> str | None:
        """The held long with the largest market value (what ``c`` crashes)."""
        longs = [p for p in self.account.snapshot().positions if p.quantity > 0]
        if not longs:
            return None
        return max(longs, key=lambda p: (p.quantity * p.price, p.symbol)).symbol


# --- the live loop -------------------------------------------------------------------------------------------------


class KeyReader:
    """Single keypresses from a terminal's stdin (no Enter needed); nothing when stdin is not a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stdin is not None and sys.stdin.isatty()

    @contextlib.contextmanager
    def active(self) -> Iterator[KeyReader]:
        if not self.enabled:
            yield self
            return
        import termios
        import tty

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            yield self
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def poll(self) -> str | None:
        if not self.enabled:
            return None
        ready, _, _ = select.select([sys.stdin], [], [], 0)
        return sys.stdin.read(1) if ready else None


def run(
    *,
    rules: RuleSet,
    ticks: int | None = None,
    duration: float | None = None,
    crash: str | None = None,
    crash_at: int = 5,
    interval: float = 0.5,
    seed: int = 7,
    console: Console | None = None,
    account: MarginAccount | None = None,
) -> DashboardState:
    """Run the dashboard until ``ticks`` ticks, ``duration`` seconds, ``q`` or Ctrl-C; returns the last state."""
    from rich.live import Live

    demo = Demo(rules, seed=seed, account=account)
    try:
        symbols = demo.market.prices()
        if crash is not None and crash.strip().upper() not in symbols:
            from margin_rules.cli.io import InputError

            raise InputError("--crash", "", f"{crash.strip().upper()} is not in the demo market ({', '.join(symbols)})")
        keys = KeyReader()
        status = "keys: c crash the largest long · q quit" if keys.enabled else ""
        state = replace(demo.state(status), events=tuple(demo.log.events), last_change=demo.log.last_change)
        started = time.monotonic()
        out = console or Console()
        with keys.active(), Live(render(state, *out.size), console=out, refresh_per_second=8, transient=False) as live:
            try:
                while True:
                    if ticks is not None and demo.tick >= ticks:
                        break
                    if duration is not None and time.monotonic() - started >= duration:
                        break
                    deadline = time.monotonic() + interval
                    crash_now: str | None = None
                    while True:  # wait for the next tick, watching the keyboard
                        key = keys.poll()
                        if key in ("q", "Q"):
                            return state
                        if key in ("c", "C"):
                            crash_now = demo.largest_long()
                            if crash_now is None:
                                demo.log.add(demo.tick, "c: no long position to crash", "dim")
                            break
                        if time.monotonic() >= deadline:
                            break
                        time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
                    if crash is not None and demo.tick + 1 == crash_at:
                        crash_now = crash
                    state = demo.step(crash_now, status)
                    live.update(render(state, *out.size), refresh=True)
            except KeyboardInterrupt:
                pass
        return state
    finally:
        demo.close()
