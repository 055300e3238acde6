"""MarginMonitor: event-driven health of a live account, on two scales, published to subscribers.

The monitor listens to its :class:`~margin_rules.live.account.MarginAccount`: the account calls it synchronously,
under the account lock and in order, after every accepted change (price, fill, deposit, withdrawal, ...), so no change
is missed and no poll is needed to detect one. Each evaluation is O(1) on the account's aggregates:

* the regulatory state (:class:`~margin_rules.health_state.HealthState`, from the core's
  :func:`margin_rules.formulas.classify`: HEALTHY / RESTRICTED / LIQUIDATION_CALL);
* house early-warning tiers (seed 000 defaults: HEALTHY above 35% equity / gross exposure, AT_RISK 25-35%,
  MARGIN_CALL below 25%, LIQUIDATING below 10%; configurable), compared by cross-multiplying equity with
  rate x gross exposure, never through a rounded ratio;
* LEAN's warning when the margin remaining (equity - maintenance requirement) falls to 5% of equity or less
  (cross-multiplied too);
* a heartbeat thread flags held symbols whose price is older than ``stale_after`` seconds.

Every change of any of them becomes one :class:`Transition` with a sequence number (1, 2, 3, ... without gaps), the
figures that caused it and the account version. A dispatcher thread delivers each transition once to every subscriber
(``queue.Queue`` or callback), in sequence order; a subscriber that raises is counted and skipped, never stopping the
monitor. ``synchronous=True`` delivers in the thread that changed the account instead (lowest latency; subscribers
then run under the account lock and must be quick).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from margin_rules import formulas as f
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.health_state import HealthState
from margin_rules.live.account import AccountEvent, MarginAccount
from margin_rules.money import ZERO, exact, to_decimal
from margin_rules.order_check import Figures

__all__ = [
    "MarginMonitor",
    "Tier",
    "TierThresholds",
    "Transition",
    "house_tier",
    "lean_warning",
]


class Tier(StrEnum):
    """House early-warning tiers (seed 000), from the equity ratio equity / gross exposure."""

    HEALTHY = "healthy"
    AT_RISK = "at_risk"
    MARGIN_CALL = "margin_call"
    LIQUIDATING = "liquidating"


@dataclass(frozen=True, slots=True)
class TierThresholds:
    """Tier boundaries as fractions of gross exposure: HEALTHY when equity > ``healthy_above`` x gross; AT_RISK when
    ``margin_call_below`` x gross <= equity <= ``healthy_above`` x gross; MARGIN_CALL when below that and at least
    ``liquidating_below`` x gross; LIQUIDATING below. Defaults: seed 000 (35%, 25%, 10%)."""

    healthy_above: Decimal = Decimal("0.35")
    margin_call_below: Decimal = Decimal("0.25")
    liquidating_below: Decimal = Decimal("0.10")

    def __post_init__(self) -> None:
        values = []
        for name in ("healthy_above", "margin_call_below", "liquidating_below"):
            value = to_decimal(getattr(self, name), f"thresholds.{name}")
            object.__setattr__(self, name, value)
            values.append(value)
        if not values[0] >= values[1] >= values[2] >= ZERO:
            raise DomainError("thresholds", "need healthy_above >= margin_call_below >= liquidating_below >= 0")


def house_tier(equity: Decimal, gross_exposure: Decimal, thresholds: TierThresholds = TierThresholds()) -> Tier:
    """The house tier of an account (no positions: HEALTHY), comparing equity with rate x gross exposure."""
    if gross_exposure <= ZERO:
        return Tier.HEALTHY
    with exact():
        if equity > thresholds.healthy_above * gross_exposure:
            return Tier.HEALTHY
        if equity >= thresholds.margin_call_below * gross_exposure:
            return Tier.AT_RISK
        if equity >= thresholds.liquidating_below * gross_exposure:
            return Tier.MARGIN_CALL
        return Tier.LIQUIDATING


def lean_warning(figures: Figures, rate: Decimal = Decimal("0.05")) -> bool:
    """LEAN's margin-call warning: positions held and margin remaining (equity - maintenance, the core's
    :func:`margin_rules.formulas.excess`) at most ``rate`` x equity (cross-multiplied)."""
    if not figures.has_positions:
        return False
    with exact():
        equity = figures.equity
        return f.excess(equity, figures.maintenance) <= rate * equity


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of a monitored state.

    * ``seq``: 1, 2, 3, ... per monitor, without gaps: a subscriber that sees every number saw every transition once.
    * ``scale``: "health" (HealthState), "tier" (Tier), "warning" (bool: LEAN's 5% warning) or "stale" (the tuple
      of held symbols whose price is stale).
    * ``previous`` / ``current``: the values before and after.
    * ``figures``: the account's aggregates that caused it; ``version``: the account version; ``kind``: what changed
      the account ("prices", "fill", ... or "heartbeat").
    * ``detected_at``: ``time.perf_counter()`` when the monitor detected it (for latency measurements).
    """

    seq: int
    scale: str
    previous: Any
    current: Any
    figures: Figures
    version: int
    kind: str
    detected_at: float
    detail: Mapping[str, Any] = field(default_factory=dict)


_STOP = object()


class MarginMonitor:
    """Watch ``account`` (see the module docstring). Call :meth:`start` (or use ``with``) to run the dispatcher and
    the heartbeat; :meth:`stop` to end them. Subscribers added before a transition receive it."""

    def __init__(
        self,
        account: MarginAccount,
        *,
        thresholds: TierThresholds | None = None,
        warning_rate: Decimal | int | str = Decimal("0.05"),
        heartbeat: float = 0.5,
        stale_after: float = 5.0,
        synchronous: bool = False,
    ) -> None:
        if not isinstance(account, MarginAccount):
            raise InvalidTypeError("account", "expected a MarginAccount")
        if isinstance(heartbeat, bool) or not isinstance(heartbeat, (int, float)) or heartbeat <= 0:
            raise DomainError("heartbeat", "the heartbeat is a positive number of seconds")
        if isinstance(stale_after, bool) or not isinstance(stale_after, (int, float)) or stale_after <= 0:
            raise DomainError("stale_after", "stale_after is a positive number of seconds")
        self.account = account
        self.thresholds = thresholds if thresholds is not None else TierThresholds()
        self.warning_rate = to_decimal(warning_rate, "warning_rate")
        self.heartbeat = float(heartbeat)
        self.stale_after = float(stale_after)
        self.synchronous = synchronous
        self._lock = threading.Lock()
        self._deliver_lock = threading.Lock()
        self._callbacks: list[Callable[[Transition], None]] = []
        self._queues: list[queue.Queue[Transition]] = []
        self._outbox: queue.Queue[object] = queue.Queue()
        self._seq = 0
        self.subscriber_errors = 0
        self.delivered = 0
        self.evaluations = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        with account.lock:
            event = account.event()
            self._health = event.health
            self._tier = house_tier(event.figures.equity, event.figures.gross_exposure, self.thresholds)
            self._warning = lean_warning(event.figures, self.warning_rate)
            self._stale: tuple[str, ...] = ()
            self._figures = event.figures
            self._version = event.version
            self._unsubscribe = account.subscribe(self._on_event)

    # --- state -----------------------------------------------------------------------------------------------------

    @property
    def health(self) -> HealthState:
        with self._lock:
            return self._health

    @property
    def tier(self) -> Tier:
        with self._lock:
            return self._tier

    @property
    def warning(self) -> bool:
        with self._lock:
            return self._warning

    @property
    def stale(self) -> tuple[str, ...]:
        with self._lock:
            return self._stale

    @property
    def last_seq(self) -> int:
        with self._lock:
            return self._seq

    # --- subscribers -----------------------------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[Transition], None]) -> None:
        """Deliver every later transition to ``callback`` (exceptions are counted, never propagated)."""
        if not callable(callback):
            raise InvalidTypeError("callback", "a subscriber is callable")
        with self._deliver_lock:
            self._callbacks.append(callback)

    def subscribe_queue(self, maxsize: int = 0) -> queue.Queue[Transition]:
        """A new queue that receives every later transition (unbounded by default; a full bounded queue drops the
        transition for that subscriber and counts an error)."""
        q: queue.Queue[Transition] = queue.Queue(maxsize)
        with self._deliver_lock:
            self._queues.append(q)
        return q

    def unsubscribe(self, subscriber: Callable[[Transition], None] | queue.Queue[Transition]) -> None:
        with self._deliver_lock:
            if isinstance(subscriber, queue.Queue):
                if subscriber in self._queues:
                    self._queues.remove(subscriber)
            elif subscriber in self._callbacks:
                self._callbacks.remove(subscriber)

    # --- evaluation ------------------------------------------------------------------------------------------------

    def _on_event(self, event: AccountEvent) -> None:
        """The account's listener: runs under the account lock, in order of the changes."""
        figures = event.figures
        tier = house_tier(figures.equity, figures.gross_exposure, self.thresholds)
        warning = lean_warning(figures, self.warning_rate)
        self._publish(
            (("health", event.health), ("tier", tier), ("warning", warning)),
            figures,
            event.version,
            event.kind,
        )

    def _publish(self, values: tuple[tuple[str, Any], ...], figures: Figures, version: int, kind: str) -> None:
        now = time.perf_counter()
        out: list[Transition] = []
        with self._lock:
            self.evaluations += 1
            self._figures = figures
            self._version = version
            for scale, value in values:
                previous = getattr(self, "_" + scale)
                if previous != value:
                    setattr(self, "_" + scale, value)
                    self._seq += 1
                    transition = Transition(self._seq, scale, previous, value, figures, version, kind, now)
                    if self.synchronous:
                        out.append(transition)
                    else:  # queued under the lock: the outbox holds the transitions in sequence order
                        self._outbox.put(transition)
        for transition in out:
            self._deliver(transition)

    def _deliver(self, transition: Transition) -> None:
        with self._deliver_lock:
            callbacks = tuple(self._callbacks)
            queues = tuple(self._queues)
        for q in queues:
            try:
                q.put_nowait(transition)
            except queue.Full:
                self.subscriber_errors += 1
        for callback in callbacks:
            try:
                callback(transition)
            except Exception:  # a subscriber never stops the monitor
                self.subscriber_errors += 1
        self.delivered += 1

    def check_stale(self, now: float | None = None) -> tuple[str, ...]:
        """Flag held symbols whose last price is older than ``stale_after`` seconds (the heartbeat calls this)."""
        with self.account.lock:
            ages = self.account.price_ages(now)
            figures = self.account.figures()
            version = self.account.version
        stale = tuple(sorted(s for s, age in ages.items() if age > self.stale_after))
        self._publish((("stale", stale),), figures, version, "heartbeat")
        return stale

    # --- threads ---------------------------------------------------------------------------------------------------

    def _dispatch_loop(self) -> None:
        while True:
            item = self._outbox.get()
            if item is _STOP:
                return
            assert isinstance(item, Transition)
            self._deliver(item)

    def _heartbeat_loop(self) -> None:
        while not self._stop.wait(self.heartbeat):
            try:
                self.check_stale()
            except Exception:  # pragma: no cover - the heartbeat never dies
                self.subscriber_errors += 1

    def start(self) -> MarginMonitor:
        """Start the dispatcher and heartbeat threads (daemon threads); returns self."""
        if self._threads:
            return self
        self._stop.clear()
        self._threads = [
            threading.Thread(target=self._dispatch_loop, name="margin-monitor-dispatch", daemon=True),
            threading.Thread(target=self._heartbeat_loop, name="margin-monitor-heartbeat", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        return self

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until every transition detected so far has been delivered (True), or ``timeout`` seconds passed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                target = self._seq
            if self.synchronous or (self.delivered >= target and self._outbox.empty()):
                return True
            time.sleep(0.001)
        return False

    def stop(self) -> None:
        """Deliver what is queued, then stop the threads and detach from the account."""
        self._unsubscribe()
        self._stop.set()
        if self._threads:
            self._outbox.put(_STOP)
            for thread in self._threads:
                thread.join(timeout=5)
            self._threads = []

    def __enter__(self) -> MarginMonitor:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
