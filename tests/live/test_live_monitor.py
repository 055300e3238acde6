"""MarginMonitor: event-driven transitions on both scales, LEAN's warning, stale prices, robust exactly-once delivery;
the simulated broker; margin-call execution."""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import threading
from decimal import Decimal

import pytest

from margin_rules.buying_power import Mode
from margin_rules.errors import DomainError, RefusedError
from margin_rules.health_state import HealthState
from margin_rules.live.account import MarginAccount
from margin_rules.live.broker import OrderStatus, SimulatedBroker
from margin_rules.live.margin_calls import MarginCallManager
from margin_rules.live.monitor import MarginMonitor, Tier, TierThresholds, Transition, house_tier, lean_warning
from margin_rules.margin_call import CallKind, LiquidationPlan, LiquidationPolicy, MarginCall
from margin_rules.model import Order, Position, Side
from margin_rules.order_check import Figures
from margin_rules.rulesets import finra

SESSION = dt.date(2026, 11, 20)


def long_account(cash: str = "-6000", qty: int = 100, price: str = "100") -> MarginAccount:
    return MarginAccount(finra(), cash, [Position("AAPL", qty, price)], mode=Mode.REG_T, session=SESSION)


# --- tiers and warning -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("equity", "tier"),
    [
        ("3501", Tier.HEALTHY),
        ("3500", Tier.AT_RISK),  # exactly 35%: not above it
        ("2500", Tier.AT_RISK),  # exactly 25%
        ("2499.99", Tier.MARGIN_CALL),
        ("1000", Tier.MARGIN_CALL),  # exactly 10%
        ("999.99", Tier.LIQUIDATING),
        ("-5", Tier.LIQUIDATING),
    ],
)
def test_house_tier_boundaries_cross_multiplied(equity: str, tier: Tier) -> None:
    assert house_tier(Decimal(equity), Decimal(10000)) is tier


def test_house_tier_configurable_and_empty() -> None:
    assert house_tier(Decimal(0), Decimal(0)) is Tier.HEALTHY
    strict = TierThresholds(Decimal("0.5"), Decimal("0.4"), Decimal("0.3"))
    assert house_tier(Decimal(4500), Decimal(10000), strict) is Tier.AT_RISK
    with pytest.raises(DomainError):
        TierThresholds(Decimal("0.1"), Decimal("0.4"), Decimal("0.3"))


def test_lean_warning_at_five_percent_of_equity() -> None:
    def figures(cash: str) -> Figures:
        return Figures(Decimal(cash), Decimal(10000), Decimal(0), Decimal(2500), Decimal(5000), position_count=1)

    # equity = cash + 10000; margin remaining = equity - 2500 <= 5% equity  <=>  equity <= 2500 / 0.95
    assert not lean_warning(figures("-7368"))  # equity 2632: remaining 132 > 131.6
    assert lean_warning(figures("-7369"))  # equity 2631: remaining 131 <= 131.55
    assert not lean_warning(Figures(Decimal(1), Decimal(0), Decimal(0), Decimal(0), Decimal(0)))


# --- event-driven transitions ------------------------------------------------------------------------------------


def test_transitions_on_price_updates_with_figures() -> None:
    account = long_account()  # equity 4000, maintenance 2500, initial 5000: RESTRICTED
    monitor = MarginMonitor(account, synchronous=True)
    got: list[Transition] = []
    monitor.subscribe(got.append)
    assert monitor.health is HealthState.RESTRICTED
    account.update_prices({"AAPL": "80"})  # equity 2000 < maintenance 2000? 2000 == 2000: RESTRICTED still
    account.update_prices({"AAPL": "79"})  # equity 1900 < 1975: LIQUIDATION_CALL
    health = [t for t in got if t.scale == "health"]
    assert [(t.previous, t.current) for t in health] == [(HealthState.RESTRICTED, HealthState.LIQUIDATION_CALL)]
    assert health[0].figures.equity == 1900 and health[0].figures.maintenance == Decimal("1975.00")
    assert health[0].kind == "prices"
    tiers = [t.current for t in got if t.scale == "tier"]
    assert tiers == [Tier.AT_RISK, Tier.MARGIN_CALL]  # 4000/10000 healthy -> 2000/8000 at risk -> 1900/7900
    assert [t.seq for t in got] == list(range(1, len(got) + 1))
    account.deposit("5000")  # cured by a deposit
    assert monitor.health is HealthState.HEALTHY
    assert got[-1].kind == "deposit"


def test_raising_subscriber_never_stops_the_monitor_and_nothing_is_lost_or_duplicated() -> None:
    account = long_account("-5000")
    with MarginMonitor(account) as monitor:
        q = monitor.subscribe_queue()
        seen: list[int] = []
        calls = {"n": 0}

        def flaky(t: Transition) -> None:
            calls["n"] += 1
            if calls["n"] % 2:
                raise RuntimeError("subscriber bug")
            seen.append(t.seq)

        monitor.subscribe(flaky)
        monitor.subscribe(lambda t: seen.append(-t.seq))
        prices = ["60", "100", "55", "120", "62", "64", "200", "58"] * 5

        def mover() -> None:
            for p in prices:
                account.update_prices({"AAPL": p})

        threads = [threading.Thread(target=mover) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert monitor.drain()
        got = []
        while True:
            try:
                got.append(q.get_nowait().seq)
            except queue.Empty:
                break
        assert got == list(range(1, monitor.last_seq + 1))  # every transition exactly once, in order
        assert monitor.last_seq > 10
        assert sorted(-s for s in seen if s < 0) == got
        assert monitor.subscriber_errors == (calls["n"] + 1) // 2
        assert account.listener_errors == 0


def test_heartbeat_flags_stale_prices() -> None:
    now = [0.0]
    account = MarginAccount(
        finra(), "1000", [Position("A", 1, "10"), Position("B", 1, "10")], session=SESSION, clock=lambda: now[0]
    )
    monitor = MarginMonitor(account, synchronous=True, stale_after=5)
    got: list[Transition] = []
    monitor.subscribe(got.append)
    now[0] = 3.0
    account.update_prices({"A": "11"})
    now[0] = 6.0
    assert monitor.check_stale() == ("B",)
    now[0] = 9.0
    assert monitor.check_stale() == ("A", "B")
    account.update_prices({"A": "12", "B": "12"})
    assert monitor.check_stale() == ()
    assert [t.current for t in got if t.scale == "stale"] == [("B",), ("A", "B"), ()]


def test_heartbeat_thread_runs() -> None:
    now = [0.0]
    account = MarginAccount(finra(), "1000", [Position("A", 1, "10")], session=SESSION, clock=lambda: now[0])
    with MarginMonitor(account, heartbeat=0.01, stale_after=1) as monitor:
        q = monitor.subscribe_queue()
        now[0] = 5.0
        t = q.get(timeout=5)
        assert t.scale == "stale" and t.current == ("A",)


# --- simulated broker --------------------------------------------------------------------------------------------


def _session(seed: int) -> tuple[list[tuple[object, ...]], MarginAccount]:
    account = MarginAccount(finra(), "100000", mode=Mode.REG_T, session=SESSION)
    broker = SimulatedBroker(
        account,
        seed,
        fill_probability=0.2,
        partial_probability=0.3,
        reject_probability=0.1,
        timeout_steps=3,
        slippage_cents=3,
    )
    for i in range(30):
        with contextlib.suppress(RefusedError):
            broker.submit(Order(f"S{i % 4}", Side.BUY if i % 3 else Side.SELL_SHORT, 10 + i, Decimal(20 + i)))
        broker.step()
    broker.run()
    return [(e.step, e.order_id, e.kind, e.quantity, e.price) for e in broker.events], account


def test_broker_is_deterministic_under_a_seed_and_releases_everything() -> None:
    a, account_a = _session(5)
    b, account_b = _session(5)
    c, _ = _session(6)
    assert a == b and a != c
    kinds = {e[2] for e in a}
    assert {"fill", "partial_fill", "reject", "expire"} <= kinds
    assert account_a.state()["positions"] == account_b.state()["positions"]
    assert account_a.reservations() == {} and account_a.reserved(Mode.REG_T) == 0
    account_a.check_drift()


def test_broker_cancel_releases() -> None:
    account = MarginAccount(finra(), "10000", mode=Mode.CASH, session=SESSION)
    broker = SimulatedBroker(account, 1, fill_probability=0, partial_probability=0, reject_probability=0)
    routed = broker.submit(Order("A", Side.BUY, 10, "100"))
    assert account.available() == 9000
    broker.cancel(routed.order_id)
    assert routed.status is OrderStatus.CANCELED and account.available() == 10000


# --- margin calls --------------------------------------------------------------------------------------------------


def _in_call() -> MarginAccount:
    account = MarginAccount(
        finra(), "-9000", [Position("AAPL", 100, "60"), Position("MSFT", 50, "100")], mode=Mode.REG_T, session=SESSION
    )
    return account


def test_margin_call_blocks_liquidates_through_the_broker_and_cures() -> None:
    account = _in_call()  # equity 2000, maintenance 2750
    assert account.health() is HealthState.LIQUIDATION_CALL
    broker = SimulatedBroker(account, 3, fill_probability=1, partial_probability=0, reject_probability=0)
    seen: list[LiquidationPlan] = []

    def hook(plan: LiquidationPlan, calls: tuple[MarginCall, ...]) -> LiquidationPlan:
        seen.append(plan)
        assert calls[0].kind is CallKind.MAINTENANCE
        return plan

    manager = MarginCallManager(account, broker, policy=LiquidationPolicy.SMALLEST_FIRST, on_margin_call=hook)
    result = manager.evaluate()
    assert result.blocked and not result.cured and result.submitted
    assert seen and seen[0].cures
    with pytest.raises(RefusedError) as err:
        account.reserve("new", Order("IBM", Side.BUY, 1, "10"))
    assert err.value.reason == "opening_blocked"
    assert manager.evaluate().submitted == ()  # idempotent while the orders work
    broker.run()
    assert account.health() is not HealthState.LIQUIDATION_CALL
    assert manager.check_cured()
    assert account.opening_blocks() == {}
    account.deposit("10000")  # cured but RESTRICTED (below initial): a deposit restores buying power
    account.reserve("new", Order("IBM", Side.BUY, 1, "10"))


def test_null_policy_disables_liquidation_and_hook_can_cancel() -> None:
    account = _in_call()
    broker = SimulatedBroker(account, 3)
    result = MarginCallManager(account, broker, policy=None).evaluate()
    assert result.blocked and result.submitted == () and broker.orders == {}
    account2 = _in_call()
    broker2 = SimulatedBroker(account2, 3)
    result2 = MarginCallManager(account2, broker2, on_margin_call=lambda plan, calls: None).evaluate()
    assert result2.submitted == () and result2.plan is None and result2.blocked
    account3 = _in_call()
    broker3 = SimulatedBroker(account3, 3)
    edited = MarginCallManager(
        account3, broker3, on_margin_call=lambda plan, calls: [Order("MSFT", Side.SELL, 50, "100")]
    ).evaluate()
    assert len(edited.submitted) == 1 and broker3.orders[edited.submitted[0]].order.symbol == "MSFT"


def test_monitor_drives_the_margin_call_and_the_cure() -> None:
    account = long_account("-5000")  # equity 5000 at 100
    broker = SimulatedBroker(account, 9, fill_probability=1, partial_probability=0, reject_probability=0)
    manager = MarginCallManager(account, broker)
    with MarginMonitor(account) as monitor:
        manager.attach(monitor)
        account.update_prices({"AAPL": "60"})  # equity 1000 < 1500: LIQUIDATION_CALL
        assert monitor.drain()
        assert account.opening_blocks()
        assert manager.history and manager.history[-1].submitted
        broker.run()
        assert monitor.drain()
        assert account.opening_blocks() == {}
        assert monitor.health is not HealthState.LIQUIDATION_CALL


def test_reg_t_call_due_date_and_threshold() -> None:
    account = MarginAccount(finra(), "10000", mode=Mode.REG_T, session=dt.date(2026, 11, 24), sma=0)
    account.reserve("b", Order("AAPL", Side.BUY, 100, "150"))
    account.confirm("b", 100, "150")  # SMA 0 - 7,500: a Reg T call of 7,500
    result = MarginCallManager(account, None).evaluate()
    (notice,) = [n for n in result.notices if n.call.kind is CallKind.REG_T]
    assert notice.call.amount == 7500 and notice.liquidation_required is True
    # Trade Tuesday 24th, settlement T+1 Wednesday 25th, + 2 business days skipping Thanksgiving: Monday 30th.
    assert notice.due == dt.date(2026, 11, 30)
    small = MarginAccount(finra(), "10000", mode=Mode.REG_T, session=SESSION, sma=0)
    small.reserve("b", Order("AAPL", Side.BUY, 10, "100"))
    small.confirm("b", 10, "100")
    (notice2,) = [n for n in MarginCallManager(small, None).evaluate().notices if n.call.kind is CallKind.REG_T]
    assert notice2.call.amount == 500 and notice2.liquidation_required is False
