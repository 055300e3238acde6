"""A simulated broker: order routing with fills, partial fills, rejects and timeouts, deterministic under a seed.

It drives a :class:`~margin_rules.live.account.MarginAccount` exactly as a real broker adapter would: ``submit``
reserves (the account refuses what does not fit), every fill is a ``confirm`` at the fill price, and a reject, a cancel
or a timeout ``release``s what is left. All randomness comes from one ``random.Random(seed)``, and open orders are
processed in submission order, so a seed replays the same session.
"""

from __future__ import annotations

import itertools
import random
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.live.account import Fill, MarginAccount
from margin_rules.model import Order
from margin_rules.money import ZERO

__all__ = ["BrokerEvent", "BrokerOrder", "OrderStatus", "SimulatedBroker"]


class OrderStatus(StrEnum):
    NEW = "new"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    REJECTED = "rejected"
    CANCELED = "canceled"
    EXPIRED = "expired"


_DONE = frozenset({OrderStatus.FILLED, OrderStatus.REJECTED, OrderStatus.CANCELED, OrderStatus.EXPIRED})


@dataclass(slots=True)
class BrokerOrder:
    """An order at the broker: its status, what has filled and how many steps it has waited."""

    order_id: str
    order: Order
    status: OrderStatus = OrderStatus.NEW
    filled: Decimal = ZERO
    age: int = 0
    fills: list[Fill] = field(default_factory=list)

    @property
    def remaining(self) -> Decimal:
        return self.order.quantity - self.filled

    @property
    def done(self) -> bool:
        return self.status in _DONE


@dataclass(frozen=True, slots=True)
class BrokerEvent:
    """What happened to an order during a step: "fill", "partial_fill", "reject", "cancel" or "expire"."""

    step: int
    order_id: str
    kind: str
    quantity: Decimal = ZERO
    price: Decimal = ZERO


def _probability(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise DomainError(name, "a probability is a number in [0, 1]")
    return float(value)


class SimulatedBroker:
    """Route orders to ``account`` and simulate the market's answers.

    Each :meth:`step`, every open order (in submission order) is rejected with ``reject_probability``, else filled in
    full with ``fill_probability``, else partly filled with ``partial_probability`` (a random part of what is left),
    else it waits; after ``timeout_steps`` steps without completing it expires. Fills are at the order price plus a
    random ``slippage`` of whole cents in [-slippage, +slippage] (0 by default); with ``market_fills`` at the account's
    last price of the symbol when it has one. Floats are used only for the simulation's probabilities, never for money.
    """

    def __init__(
        self,
        account: MarginAccount,
        seed: int = 0,
        *,
        fill_probability: float = 0.5,
        partial_probability: float = 0.3,
        reject_probability: float = 0.05,
        timeout_steps: int = 10,
        slippage_cents: int = 0,
        market_fills: bool = False,
    ) -> None:
        if not isinstance(account, MarginAccount):
            raise InvalidTypeError("account", "expected a MarginAccount")
        self.account = account
        self.rng = random.Random(seed)
        self.fill_probability = _probability(fill_probability, "fill_probability")
        self.partial_probability = _probability(partial_probability, "partial_probability")
        self.reject_probability = _probability(reject_probability, "reject_probability")
        if isinstance(timeout_steps, bool) or not isinstance(timeout_steps, int) or timeout_steps < 1:
            raise DomainError("timeout_steps", "timeout_steps is a positive int")
        if isinstance(slippage_cents, bool) or not isinstance(slippage_cents, int) or slippage_cents < 0:
            raise DomainError("slippage_cents", "slippage_cents is a non-negative int")
        self.timeout_steps = timeout_steps
        self.slippage_cents = slippage_cents
        self.market_fills = market_fills
        self.orders: dict[str, BrokerOrder] = {}
        self.events: list[BrokerEvent] = []
        self.steps = 0
        self._ids = itertools.count(1)
        self._lock = threading.RLock()

    def submit(self, order: Order, order_id: str | None = None) -> BrokerOrder:
        """Reserve ``order`` on the account and accept it (a RefusedError from the account propagates: nothing is
        routed then)."""
        with self._lock:
            oid = order_id if order_id is not None else f"sim-{next(self._ids)}"
            self.account.reserve(oid, order)
            routed = BrokerOrder(oid, order)
            self.orders[oid] = routed
            return routed

    def cancel(self, order_id: str) -> BrokerOrder:
        """Cancel what is left of an open order (its reservation is released)."""
        with self._lock:
            routed = self.orders.get(order_id)
            if routed is None or routed.done:
                raise DomainError("order_id", f"no open order {order_id!r} at the broker")
            self.account.release(order_id)
            routed.status = OrderStatus.CANCELED
            self.events.append(BrokerEvent(self.steps, order_id, "cancel", routed.remaining))
            return routed

    @property
    def open_orders(self) -> list[BrokerOrder]:
        with self._lock:
            return [o for o in self.orders.values() if not o.done]

    def _fill_price(self, routed: BrokerOrder) -> Decimal:
        price = routed.order.price
        if self.market_fills:
            price = self.account.prices().get(routed.order.symbol, price)
        if self.slippage_cents:
            cents = self.rng.randint(-self.slippage_cents, self.slippage_cents)
            price = price + Decimal(cents) / 100
            if price <= ZERO:
                price = Decimal("0.01")
        return price

    def _partial(self, remaining: Decimal) -> Decimal:
        if remaining > 1 and remaining == remaining.to_integral_value():
            return Decimal(self.rng.randint(1, int(remaining) - 1))
        return remaining

    def step(self) -> list[BrokerEvent]:
        """Advance the simulation by one step; returns the events of the step."""
        with self._lock:
            self.steps += 1
            events: list[BrokerEvent] = []
            for routed in [o for o in self.orders.values() if not o.done]:
                oid = routed.order_id
                draw = self.rng.random()
                if draw < self.reject_probability:
                    self.account.release(oid)
                    routed.status = OrderStatus.REJECTED
                    events.append(BrokerEvent(self.steps, oid, "reject", routed.remaining))
                    continue
                draw = (draw - self.reject_probability) / max(1 - self.reject_probability, 1e-12)
                quantity = ZERO
                if draw < self.fill_probability:
                    quantity = routed.remaining
                elif draw < self.fill_probability + self.partial_probability:
                    quantity = self._partial(routed.remaining)
                if quantity > ZERO:
                    price = self._fill_price(routed)
                    fill = self.account.confirm(oid, quantity, price)
                    routed.fills.append(fill)
                    routed.filled += quantity
                    full = routed.remaining == ZERO
                    routed.status = OrderStatus.FILLED if full else OrderStatus.PARTIALLY_FILLED
                    events.append(BrokerEvent(self.steps, oid, "fill" if full else "partial_fill", quantity, price))
                    if full:
                        continue
                routed.age += 1
                if routed.age >= self.timeout_steps:
                    self.account.release(oid)
                    routed.status = OrderStatus.EXPIRED
                    events.append(BrokerEvent(self.steps, oid, "expire", routed.remaining))
            self.events.extend(events)
            return events

    def run(self, max_steps: int = 1000) -> list[BrokerEvent]:
        """Step until no order is open (or ``max_steps``); returns the events."""
        events: list[BrokerEvent] = []
        for _ in range(max_steps):
            if not self.open_orders:
                break
            events.extend(self.step())
        return events
