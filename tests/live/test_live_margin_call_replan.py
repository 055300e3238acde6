"""MarginCallManager re-planning: when its liquidation orders have all ended (rejected, expired, partly filled) and the
account is still in LIQUIDATION_CALL, the manager re-plans from the account as it is now, at most ``max_attempts``
times per call episode, then reports the call unresolved and keeps opening orders blocked until it is cured.

Deterministic: the routers below act inside ``submit`` (or when the test says so), and every wait is the monitor's
``drain`` and the manager's ``drain`` (no timing)."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from decimal import Decimal

import pytest

from margin_rules.buying_power import Mode
from margin_rules.errors import DomainError, InvalidInputError, InvalidTypeError, RefusedError
from margin_rules.health_state import HealthState
from margin_rules.live.account import MarginAccount
from margin_rules.live.broker import OrderStatus, SimulatedBroker
from margin_rules.live.margin_calls import MarginCallManager, OrderRouter
from margin_rules.live.monitor import MarginMonitor
from margin_rules.margin_call import LiquidationPlan, LiquidationPolicy, MarginCall, liquidation_plan
from margin_rules.model import Account, Order, Position, Side
from margin_rules.rulesets import finra

SESSION = dt.date(2026, 11, 20)
CRASH = {"AAPL": "60"}  # equity 2,000 < maintenance 2,750: a maintenance deficiency of 750
WORKER = "margin-call-replan"


def _account() -> MarginAccount:
    """RESTRICTED at AAPL 100 (equity 6,000, maintenance 3,750); LIQUIDATION_CALL after :data:`CRASH`."""
    return MarginAccount(
        finra(), "-9000", [Position("AAPL", 100, "100"), Position("MSFT", 50, "100")], mode=Mode.REG_T, session=SESSION
    )


def _crashed_snapshot() -> Account:
    twin = _account()
    twin.update_prices(CRASH)
    return twin.snapshot()


def _core_plan(snapshot: Account) -> LiquidationPlan:
    return liquidation_plan(snapshot, finra(), LiquidationPolicy.LOSERS_FIRST, True)


def _workers() -> int:
    return sum(1 for t in threading.enumerate() if t.name == WORKER and t.is_alive())


class ScriptedRouter:
    """A broker whose answer to each submitted order is scripted, and given at once inside ``submit``:

    * "reject": reserve, then release (a broker reject or a timeout);
    * "refuse": raise RefusedError before reserving (a halted symbol refused at the door);
    * "fill": reserve, then fill in full at the order price;
    * ("partial", n): reserve, fill n shares, release the rest;
    * "hold": reserve and leave the order working (the test fills or releases it on the account).

    ``actions`` are used in order, then ``default``.
    """

    def __init__(self, account: MarginAccount, *actions: str | tuple[str, int], default: str = "reject") -> None:
        self.account = account
        self.actions = list(actions)
        self.default = default
        self.submitted: list[tuple[str, Order]] = []

    def submit(self, order: Order, order_id: str | None = None) -> object:
        assert order_id is not None
        action = self.actions.pop(0) if self.actions else self.default
        self.submitted.append((order_id, order))
        if action == "refuse":
            raise RefusedError("symbol_halted", f"{order.symbol} is halted")
        self.account.reserve(order_id, order)
        if action == "reject":
            self.account.release(order_id)
        elif action == "fill":
            self.account.confirm(order_id, order.quantity, order.price)
        elif isinstance(action, tuple):
            self.account.confirm(order_id, action[1], order.price)
            self.account.release(order_id)
        return order_id

    @property
    def ids(self) -> list[str]:
        return [oid for oid, _ in self.submitted]


def settle(monitor: MarginMonitor, manager: MarginCallManager) -> None:
    """Wait until the monitor has delivered every transition and the manager's worker has handled every wake-up,
    with no new transition meanwhile (a re-plan may cause transitions, a transition an evaluation)."""
    for _ in range(100):
        seq = monitor.last_seq
        assert monitor.drain()
        assert manager.drain()
        if monitor.last_seq == seq:
            return
    raise AssertionError("the monitor and the manager did not settle")


@contextlib.contextmanager
def attached(
    account: MarginAccount, router: OrderRouter, **kwargs: object
) -> Iterator[tuple[MarginCallManager, MarginMonitor]]:
    manager = MarginCallManager(account, router, **kwargs)  # type: ignore[arg-type]
    monitor = MarginMonitor(account).start()
    manager.attach(monitor)
    try:
        yield manager, monitor
    finally:
        manager.detach()
        monitor.stop()


def _assert_opening_blocked(account: MarginAccount) -> None:
    with pytest.raises(RefusedError) as err:
        account.reserve("opening", Order("IBM", Side.BUY, 1, "10"))
    assert err.value.reason == "opening_blocked"


# --- 1. a reject, then an accepting broker ---------------------------------------------------------------------


def test_rejected_liquidation_is_replanned_and_cures_the_call() -> None:
    account = _account()
    router = ScriptedRouter(account, "reject", "fill")
    with attached(account, router) as (manager, monitor):
        account.update_prices(CRASH)
        settle(monitor, manager)
        assert router.ids == ["margin-call-1-1", "margin-call-2-1"]
        expected = _core_plan(_crashed_snapshot())  # the reject changed nothing: the same plan again
        assert expected.orders == (Order("AAPL", Side.SELL, 50, "60"),) and expected.deficiency == Decimal("750.00")
        first, second = manager.history
        assert first.plan == expected and first.submitted == ("margin-call-1-1",) and first.attempts == 1
        assert second.plan == expected and second.submitted == ("margin-call-2-1",) and second.attempts == 2
        assert not first.unresolved and not second.unresolved
        # cured by the second plan: the block is lifted, the episode is over, nothing is left working
        assert account.health() is HealthState.RESTRICTED and monitor.health is HealthState.RESTRICTED
        assert account.opening_blocks() == {} and account.reservations() == {}
        assert manager.attempts == 0 and not manager.unresolved
        position = account.position("AAPL")
        assert position is not None and position.quantity == 50
        assert manager.replan_errors == 0 and manager.hook_errors == 0


# --- 2. a partial fill leaves the account in the call ------------------------------------------------------------


def test_partial_fill_replans_the_remaining_deficiency_exactly() -> None:
    account = _account()
    router = ScriptedRouter(account, ("partial", 20), "fill")
    seen: list[tuple[Account, LiquidationPlan, tuple[MarginCall, ...]]] = []

    def hook(plan: LiquidationPlan, calls: tuple[MarginCall, ...]) -> LiquidationPlan:
        seen.append((account.snapshot(), plan, calls))  # the account as the manager planned from it
        return plan

    with attached(account, router, on_margin_call=hook) as (manager, monitor):
        account.update_prices(CRASH)
        settle(monitor, manager)
        assert len(seen) == 2 and len(manager.history) == 2
        for (snapshot, plan, calls), result in zip(seen, manager.history, strict=True):
            assert plan == _core_plan(snapshot) and result.plan == plan
            assert plan.deficiency == calls[0].amount and plan.cures
        (first_snapshot, first, _), (second_snapshot, second, _) = seen
        assert first_snapshot == _crashed_snapshot()
        # planned from the account after the partial fill: 80 AAPL left, cash -9,000 + 20 x 60
        assert second_snapshot.cash == Decimal(-7800)
        assert {p.symbol: p.quantity for p in second_snapshot.positions} == {"AAPL": 80, "MSFT": 50}
        # 20 of 50 sold at 60: maintenance 2,750 - 20 x 60 x 25% = 2,450, equity 2,000: deficiency 450, 30 shares
        assert first.orders == (Order("AAPL", Side.SELL, 50, "60"),) and first.deficiency == Decimal("750.00")
        assert second.orders == (Order("AAPL", Side.SELL, 30, "60"),) and second.deficiency == Decimal("450.00")
        assert second.orders[0].quantity < first.orders[0].quantity
        assert [r.attempts for r in manager.history] == [1, 2]
        assert account.health() is not HealthState.LIQUIDATION_CALL and account.opening_blocks() == {}
        position = account.position("AAPL")
        assert position is not None and position.quantity == 50


# --- 3. a broker that never executes: bounded attempts, unresolved, cured by a deposit -------------------------


@pytest.mark.parametrize("action", ["reject", "refuse"])
def test_always_rejecting_broker_gets_max_attempts_then_the_call_is_unresolved(action: str) -> None:
    account = _account()
    router = ScriptedRouter(account, default=action)
    with attached(account, router) as (manager, monitor):
        assert manager.max_attempts == 3  # the default
        account.update_prices(CRASH)
        settle(monitor, manager)
        assert router.ids == ["margin-call-1-1", "margin-call-2-1", "margin-call-3-1"]
        assert [r.attempts for r in manager.history] == [1, 2, 3, 3]
        assert all(r.plan == _core_plan(_crashed_snapshot()) for r in manager.history[:3])
        report = manager.history[-1]
        assert report.unresolved and manager.unresolved
        assert report.plan is None and report.submitted == () and report.blocked and not report.cured
        if action == "reject":  # the broker took the orders and ended them unfilled
            assert report.released == tuple(router.ids) and report.refused == ()
        else:  # refused at submit
            assert report.released == ()
            assert [(order.symbol, reason) for order, reason in report.refused] == [("AAPL", "symbol_halted")] * 3
        assert account.health() is HealthState.LIQUIDATION_CALL
        _assert_opening_blocked(account)
        # nothing more is sent: not on a price move inside the call, not on a direct evaluation
        account.update_prices({"MSFT": "99"})
        settle(monitor, manager)
        again = manager.evaluate()
        assert again.unresolved and again.submitted == () and again.plan is None
        assert len(router.submitted) == 3
        _assert_opening_blocked(account)
        # a deposit cures the call: the episode ends and the block is lifted
        account.deposit("800")  # equity 2,750 >= maintenance 2,737.50 (MSFT at 99)
        settle(monitor, manager)
        assert account.health() is not HealthState.LIQUIDATION_CALL
        assert account.opening_blocks() == {}
        assert not manager.unresolved and manager.attempts == 0
        # a new call is a new episode: max_attempts plans again
        account.update_prices({"AAPL": "50"})
        settle(monitor, manager)
        assert account.health() is HealthState.LIQUIDATION_CALL
        assert len(router.submitted) == 6
        assert manager.history[-1].unresolved and manager.history[-1].attempts == 3
        assert manager.replan_errors == 0


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ({"reject_probability": 1}, OrderStatus.REJECTED),
        ({"reject_probability": 0, "timeout_steps": 1}, OrderStatus.EXPIRED),
    ],
)
def test_simulated_broker_rejects_and_timeouts_are_replanned_up_to_max_attempts(
    options: dict[str, int], status: OrderStatus
) -> None:
    account = _account()
    broker = SimulatedBroker(account, 4, fill_probability=0, partial_probability=0, **options)  # type: ignore[arg-type]
    with attached(account, broker, max_attempts=2) as (manager, monitor):
        account.update_prices(CRASH)
        settle(monitor, manager)
        assert list(broker.orders) == ["margin-call-1-1"]
        for _ in range(4):
            broker.step()
            settle(monitor, manager)
        assert list(broker.orders) == ["margin-call-1-1", "margin-call-2-1"]
        assert all(o.status is status for o in broker.orders.values())
        report = manager.history[-1]
        assert report.unresolved and report.released == ("margin-call-1-1", "margin-call-2-1")
        assert account.reservations() == {}
        _assert_opening_blocked(account)


# --- 4. no re-plan while an order works, none once cured ---------------------------------------------------------


def _split(plan: LiquidationPlan, calls: tuple[MarginCall, ...]) -> list[Order]:
    """A hook that sends the core's single order as two halves."""
    (order,) = plan.orders
    half = Order(order.symbol, order.side, order.quantity / 2, order.price)
    return [half, half]


def test_no_replan_while_any_liquidation_order_is_working() -> None:
    account = _account()
    router = ScriptedRouter(account, default="hold")
    with attached(account, router, on_margin_call=_split) as (manager, monitor):
        account.update_prices(CRASH)
        settle(monitor, manager)
        assert router.ids == ["margin-call-1-1", "margin-call-1-2"]
        account.release("margin-call-1-1")  # one rejected, the other still working
        settle(monitor, manager)
        account.confirm("margin-call-1-2", 10, "60")  # a partial fill: still working, still in the call
        settle(monitor, manager)
        assert account.health() is HealthState.LIQUIDATION_CALL
        assert len(router.submitted) == 2 and len(manager.history) == 1
        assert manager.evaluate().submitted == ()  # idempotent while an order works
        account.release("margin-call-1-2")  # the last one ends: re-plan from the account as it is now
        settle(monitor, manager)
        assert router.ids[2:] == ["margin-call-2-1", "margin-call-2-2"]
        result = manager.history[-1]
        assert result.plan == _core_plan(account.snapshot())  # holding orders leaves the snapshot as planned
        assert result.plan is not None and result.plan.deficiency == Decimal("600.00")  # 750 - 10 x 60 x 25%
        assert result.attempts == 2 and result.submitted == ("margin-call-2-1", "margin-call-2-2")


def test_no_replan_once_the_call_is_cured() -> None:
    account = _account()
    router = ScriptedRouter(account, default="hold")
    with attached(account, router) as (manager, monitor):
        account.update_prices(CRASH)
        settle(monitor, manager)
        assert router.ids == ["margin-call-1-1"] and manager.attempts == 1
        account.deposit("1000")  # cured while the liquidation order works
        settle(monitor, manager)
        assert account.opening_blocks() == {} and manager.attempts == 0
        account.release("margin-call-1-1")  # the order ends, but there is no call any more
        settle(monitor, manager)
        assert router.ids == ["margin-call-1-1"] and len(manager.history) == 1
        assert account.opening_blocks() == {} and not manager.unresolved


def test_detach_stops_the_worker_and_attach_is_checked() -> None:
    account = _account()
    router = ScriptedRouter(account, default="hold")
    manager = MarginCallManager(account, router)
    workers = _workers()
    with MarginMonitor(account) as monitor:
        manager.attach(monitor)
        assert manager.attached and _workers() == workers + 1
        with pytest.raises(DomainError):
            manager.attach(monitor)  # already attached
        account.update_prices(CRASH)
        settle(monitor, manager)
        manager.detach()
        manager.detach()  # idempotent
        assert not manager.attached and _workers() == workers
        account.release("margin-call-1-1")  # nobody listens any more: no re-plan
        assert monitor.drain() and manager.drain()
        assert router.ids == ["margin-call-1-1"]
        manager.attach(monitor)  # re-attach: the next end of a plan is seen again
        try:
            assert manager.evaluate().submitted == ("margin-call-2-1",)
            account.release("margin-call-2-1")
            settle(monitor, manager)
            assert router.ids == ["margin-call-1-1", "margin-call-2-1", "margin-call-3-1"]
            assert manager.history[-1].attempts == 3
        finally:
            manager.detach()
    assert _workers() == workers


# --- 5. bad input --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (0, DomainError),
        (-1, DomainError),
        (True, InvalidTypeError),
        (False, InvalidTypeError),
        (2.0, InvalidTypeError),
        ("3", InvalidTypeError),
        (None, InvalidTypeError),
        (Decimal(3), InvalidTypeError),
    ],
)
def test_bad_max_attempts_is_refused_and_creates_nothing(value: object, error: type[InvalidInputError]) -> None:
    account = _account()
    before, version, workers = account.state(), account.version, _workers()
    with pytest.raises(error) as err:
        MarginCallManager(account, ScriptedRouter(account), max_attempts=value)  # type: ignore[arg-type]
    assert err.value.field == "max_attempts"
    assert account.state() == before and account.version == version and _workers() == workers
    assert account.opening_blocks() == {}


def test_bad_attach_is_refused_and_creates_nothing() -> None:
    account = _account()
    manager = MarginCallManager(account, ScriptedRouter(account), max_attempts=1)
    workers = _workers()
    synchronous = MarginMonitor(account, synchronous=True)
    other = MarginMonitor(_account())
    try:
        with pytest.raises(InvalidTypeError):
            manager.attach(synchronous)
        with pytest.raises(DomainError):
            manager.attach(other)
        with pytest.raises(InvalidTypeError):
            manager.attach("monitor")  # type: ignore[arg-type]
        assert not manager.attached and _workers() == workers
    finally:
        synchronous.stop()
        other.stop()


def test_replan_without_attach_is_the_same_decision() -> None:
    """Unattached (a synchronous monitor, the dashboard), the caller drives ``replan``: nothing while the call is
    absent or an order works, a new plan after a reject, ``max_attempts`` plans then one unresolved report."""
    account = _account()
    router = ScriptedRouter(account, "hold", default="reject")
    manager = MarginCallManager(account, router, max_attempts=2)
    assert manager.replan() is None  # not in a call: only the cure check
    account.update_prices(CRASH)
    first = manager.evaluate()
    assert first.plan == _core_plan(account.snapshot()) and first.submitted == ("margin-call-1-1",)
    assert manager.replan() is None  # the held order is still working
    account.release("margin-call-1-1")
    second = manager.replan()
    assert second is not None and second.attempts == 2 and second.submitted == ("margin-call-2-1",)
    third = manager.replan()  # the second plan was rejected inside submit
    assert third is not None and third.unresolved and third.plan is None and third.submitted == ()
    assert manager.replan() is None  # unresolved: nothing more is sent
    assert router.ids == ["margin-call-1-1", "margin-call-2-1"]
    assert account.opening_blocks()
    account.deposit("5000")
    assert manager.replan() is None and not account.opening_blocks() and manager.attempts == 0
