"""``margin-rules demo``: a live dashboard of a margin account on a simulated market.

Structure (so that it can be tested headless):

* :class:`Market`: the simulated market, a seeded random walk of prices in whole cents (a simulation, not a rule), and
  :meth:`Market.crash`, which drops one price by 60%.
* :class:`DashboardState`: an immutable view of the account at one tick; :func:`state_of` builds it from a
  :class:`~margin_rules.live.account.MarginAccount` with core functions only (every figure comes from
  :func:`margin_rules.cli.evaluation.evaluate`: requirements, health, buying power, P&L, margin calls).
* :func:`render`: a pure function ``DashboardState -> rich renderable``.
* :func:`run`: the live loop (rich ``Live``): each tick moves prices, feeds them to the account
  (``update_prices``), logs health transitions and margin calls, and redraws. ``c`` crashes the largest long, ``q``
  quits (when stdin is a terminal); ``--crash SYMBOL --crash-at N`` does it without a keyboard.
"""

from __future__ import annotations

import contextlib
import random
import select
import sys
import time
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
from margin_rules.health_state import HealthState
from margin_rules.live.account import MarginAccount
from margin_rules.margin_call import MarginCall
from margin_rules.model import Order, Position, Side
from margin_rules.rulesets import RuleSet

CRASH_FACTOR: Final = Decimal("0.40")
"""A crash leaves 40% of the price (a 60% drop), rounded down to the cent."""

MAX_EVENTS: Final = 8


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
    account = MarginAccount(rules, Decimal("-19000.00"), positions, sma=Decimal("3000.00"))
    # An open buy order holds buying power until it fills (as at Alpaca).
    account.reserve("demo-open-1", Order("NVDA", Side.BUY, Decimal(10), Decimal("120.00")))
    return account


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


def state_of(
    account: MarginAccount, tick: int, events: tuple[Event, ...] = (), status: str = ""
) -> tuple[DashboardState, Evaluation]:
    """The dashboard state of ``account`` now, from core functions (and the evaluation it came from)."""
    snapshot = account.snapshot()
    mode = account.mode
    ev = evaluate(snapshot, account.rules, reserved=account.reserved(mode), mode=mode)
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
        mode=mode,
        positions=rows,
        calls=ev.calls.calls,
        events=events,
        status=status,
    )
    return state, ev


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


def render(state: DashboardState) -> RenderableType:
    """The dashboard for ``state`` (pure: the same state always renders the same)."""
    header = Table.grid(padding=(0, 2))
    header.add_row(
        Text("margin-rules demo", style="bold"),
        Text(f"rules: {state.rules}", style="cyan"),
        Text(f"tick {state.tick}"),
        health_text(state.health),
    )

    figures = Table(show_header=False, box=None, pad_edge=False)
    figures.add_column("Figure", style="bold")
    figures.add_column("Value", justify="right", no_wrap=True)
    figures.add_row("Equity", usd(state.equity))
    figures.add_row("Cash", usd(state.cash))
    figures.add_row("Reserved (open orders)", usd(state.reserved))
    figures.add_row("Maintenance requirement", usd(state.maintenance, OWED))
    figures.add_row("Initial requirement", usd(state.initial, OWED))
    figures.add_row("Maintenance excess", signed_text(state.maintenance_excess))

    bp = Table(title="Buying power", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    bp.add_column("Mode")
    bp.add_column("Amount", justify="right", no_wrap=True)
    for mode in (Mode.CASH, Mode.REG_T, Mode.INTRADAY, Mode.LEGACY_DAY_TRADING):
        value = state.buying_power.for_mode(mode)
        label = MODE_LABEL[mode] + (" *" if mode is state.mode else "")
        bp.add_row(label, "n/a" if value is None else usd(value, AVAILABLE), style="bold" if mode is state.mode else "")

    positions = Table(title="Positions", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
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

    log = Table(title="Events", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold", show_header=False)
    log.add_column("Tick", justify="right", style="dim")
    log.add_column("Event")
    for event in state.events[-MAX_EVENTS:]:
        log.add_row(str(event.tick), Text(event.text, style=event.style))
    if not state.events:
        log.add_row("", Text("no events yet", style="dim"))

    top = Table.grid(padding=(0, 4))
    top.add_row(figures, bp)
    parts: list[RenderableType] = [header, _ratio_bar(state), top, positions]
    if state.calls:
        calls = ", ".join(f"{c.kind.value} {usd(c.amount, OWED)} ({c.rule})" for c in state.calls)
        parts.append(Text(f"MARGIN CALL: {calls}", style="bold white on red"))
    parts.append(log)
    if state.status:
        parts.append(Text(state.status, style="dim"))
    return Panel(Group(*parts), title="margin_rules", border_style="red" if state.calls else "blue")


# --- the live loop -------------------------------------------------------------------------------------------------


@dataclass
class EventLog:
    """Health transitions and margin calls, as they happen."""

    events: list[Event] = field(default_factory=list)
    last_health: HealthState | None = None
    last_calls: tuple[str, ...] = ()

    def add(self, tick: int, text: str, style: str = "") -> None:
        self.events.append(Event(tick, text, style))

    def observe(self, tick: int, state: DashboardState) -> None:
        if self.last_health is not None and state.health is not self.last_health:
            style = "bold red" if state.health is HealthState.LIQUIDATION_CALL else "yellow"
            if state.health is HealthState.HEALTHY:
                style = "green"
            self.add(tick, f"health {self.last_health.value} -> {state.health.value}", style)
        self.last_health = state.health
        kinds = tuple(c.kind.value for c in state.calls)
        for call in state.calls:
            if call.kind.value not in self.last_calls:
                self.add(tick, f"MARGIN CALL {call.kind.value}: {usd(call.amount, OWED)} due ({call.rule})", "bold red")
        for kind in self.last_calls:
            if kind not in kinds:
                self.add(tick, f"{kind} call met", "green")
        self.last_calls = kinds


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


def _largest_long(state: DashboardState) -> str | None:
    longs = [row for row in state.positions if row.quantity > 0]
    return max(longs, key=lambda row: row.market_value).symbol if longs else None


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

    book = account if account is not None else demo_account(rules)
    market = Market({p.symbol: p.price for p in book.snapshot().positions}, seed)
    if crash is not None and crash.strip().upper() not in market.prices():
        from margin_rules.cli.io import InputError

        raise InputError(
            "--crash", "", f"{crash.strip().upper()} is not in the demo book ({', '.join(market.prices())})"
        )
    log = EventLog()
    keys = KeyReader()
    status = "keys: c crash the largest long · q quit" if keys.enabled else ""
    state, _ = state_of(book, 0, (), status)
    log.observe(0, state)
    log.add(0, f"opened: {state.health.value}, equity {usd(state.equity)}")
    state = replace(state, events=tuple(log.events))
    started = time.monotonic()
    tick = 0
    out = console or Console()
    with keys.active(), Live(render(state), console=out, refresh_per_second=8, transient=False) as live:
        try:
            while True:
                if ticks is not None and tick >= ticks:
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
                        crash_now = _largest_long(state)
                        break
                    if time.monotonic() >= deadline:
                        break
                    time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
                tick += 1
                if crash is not None and tick == crash_at:
                    crash_now = crash
                prices = market.tick()
                if crash_now is not None:
                    prices = market.crash(crash_now)
                    log.add(tick, f"CRASH: {crash_now.upper()} falls 60% to {usd(prices[crash_now.upper()])}", "bold")
                book.update_prices({s: p for s, p in prices.items() if book.position(s) is not None})
                state, _ = state_of(book, tick, (), status)
                log.observe(tick, state)
                state = replace(state, events=tuple(log.events))
                live.update(render(state), refresh=True)
        except KeyboardInterrupt:
            pass
    return state
