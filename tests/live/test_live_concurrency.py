"""Concurrency evidence for MarginAccount.reserve: one atomic check-and-hold, no buying-power violation.

* 1,000 threads each reserving $1,000 against $10,000 of cash-mode buying power: exactly 10 approved, 20 runs out of 20.
* Margin modes and mixed sizes: the approved charges never exceed the budget, and every refusal is justified (its
  charge exceeds what was left even at the end, when the least was left).
* asyncio: reservations interleaved with price updates, partial fills and releases; an oracle listener (called under
  the account lock after every change) checks each approval against the core's snapshot-based budget.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import random
import sys
import threading
import time
from decimal import Decimal

import pytest

from margin_rules.buying_power import Mode, available_excess
from margin_rules.errors import RefusedError
from margin_rules.live.account import AccountEvent, MarginAccount
from margin_rules.model import Order, Position, Side
from margin_rules.order_check import OrderDecision
from margin_rules.rulesets import alpaca, finra

SESSION = dt.date(2026, 11, 20)


def _race(account: MarginAccount, orders: list[Order]) -> tuple[list[int], list[tuple[int, RefusedError]]]:
    """Start one thread per order, all held at a gate opened once every thread is started; return (approved
    indexes, refusals)."""
    gate = threading.Event()
    approved: list[int] = []
    refused: list[tuple[int, RefusedError]] = []
    lock = threading.Lock()

    def worker(i: int, order: Order) -> None:
        gate.wait()
        try:
            account.reserve(f"o{i}", order)
        except RefusedError as exc:
            with lock:
                refused.append((i, exc))
        else:
            with lock:
                approved.append(i)

    threads = [threading.Thread(target=worker, args=(i, o)) for i, o in enumerate(orders)]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join()
    return approved, refused


def test_thousand_threads_cash_mode_exactly_ten_every_time() -> None:
    order = Order("AAPL", Side.BUY, 10, "100")  # $1,000 each
    for _run in range(20):
        account = MarginAccount(finra(), "10000", mode=Mode.CASH, session=SESSION)
        approved, refused = _race(account, [order] * 1000)
        assert len(approved) == 10
        assert len(refused) == 990
        assert all(exc.reason == "insufficient_buying_power" for _, exc in refused)
        assert account.reserved(Mode.CASH) == Decimal(10000)
        assert account.available(Mode.CASH) == 0
        account.check_drift()


@pytest.mark.parametrize("mode", [Mode.REG_T, Mode.INTRADAY, Mode.LEGACY_DAY_TRADING])
@pytest.mark.parametrize("seed", [1, 2])
def test_thousand_threads_margin_modes_mixed_sizes(mode: Mode, seed: int) -> None:
    rng = random.Random(seed)
    rules = alpaca() if seed % 2 else finra()
    account = MarginAccount(
        rules, "25000", [Position("MSFT", 100, "400"), Position("TSLA", -50, "200")], mode=mode, session=SESSION
    )
    budget = account.available(mode)
    assert budget > 0
    symbols = ["AAPL", "NVDA", "MSFT", "TSLA", "PENNY"]
    orders = []
    for _ in range(1000):
        symbol = rng.choice(symbols)
        side = rng.choice([Side.BUY, Side.BUY, Side.SELL_SHORT])
        price = Decimal("1.75") if symbol == "PENNY" else Decimal(rng.randint(20, 500))
        orders.append(Order(symbol, side, rng.randint(1, 60), price, marginable=rng.random() > 0.1))
    approved, refused = _race(account, orders)
    charges = account.reservations()
    total = sum((r.charge(mode) for r in charges.values()), Decimal(0))
    assert total == account.reserved(mode)
    assert total <= budget, "approved charges exceed the buying power"
    left = account.available(mode)
    assert left >= 0
    for _, exc in refused:
        assert exc.reason in {"insufficient_buying_power", "minimum_equity"}
        if exc.reason == "insufficient_buying_power":
            charge = exc.figures["charge"]
            assert isinstance(charge, Decimal)
            assert charge > left, "a refusal that would have fitted"
    assert len(approved) + len(refused) == 1000
    assert approved and refused
    account.check_drift()


def test_asyncio_reservations_interleaved_with_prices_and_fills() -> None:
    rules = finra()
    account = MarginAccount(
        rules, "50000", [Position("AAPL", 200, "150"), Position("XOM", -100, "100")], mode=Mode.REG_T, session=SESSION
    )
    violations: list[str] = []

    def oracle(event: AccountEvent) -> None:
        # Called under the account lock, in order: the snapshot is the state just after the change.
        if event.kind != "reserve":
            return
        order_id = event.detail["order_id"]
        reservation = account.reservation(order_id)
        assert reservation is not None
        if reservation.opening == 0:
            return
        snapshot = account.snapshot()
        left = available_excess(snapshot, rules, Mode.REG_T, account.reserved(Mode.REG_T))
        if left < 0:
            violations.append(f"{order_id}: budget {left} after approval")

    account.subscribe(oracle)
    rng = random.Random(7)
    counts = {"approved": 0, "refused": 0, "filled": 0, "released": 0, "prices": 0}

    async def trader(n: int) -> None:
        for k in range(25):
            oid = f"t{n}-{k}"
            symbol = rng.choice(["AAPL", "XOM", "IBM"])
            side = rng.choice([Side.BUY, Side.SELL, Side.SELL_SHORT])
            order = Order(symbol, side, rng.randint(1, 40), Decimal(rng.randint(50, 200)))
            use_thread = rng.random() < 0.5
            try:
                if use_thread:
                    await asyncio.to_thread(account.reserve, oid, order)
                else:
                    account.reserve(oid, order)
            except RefusedError:
                counts["refused"] += 1
                await asyncio.sleep(0)
                continue
            counts["approved"] += 1
            await asyncio.sleep(0)
            left = order.quantity
            while left > 0 and rng.random() < 0.7:
                qty = Decimal(rng.randint(1, int(left)))
                await asyncio.to_thread(account.confirm, oid, qty, order.price + rng.randint(-2, 2))
                counts["filled"] += 1
                left -= qty
                await asyncio.sleep(0)
            if left > 0:
                account.release(oid)
                counts["released"] += 1

    async def market() -> None:
        for _ in range(150):
            move = {s: Decimal(rng.randint(40, 220)) for s in rng.sample(["AAPL", "XOM", "IBM"], 2)}
            await asyncio.to_thread(account.update_prices, move)
            counts["prices"] += 1
            await asyncio.sleep(0)

    async def main() -> None:
        await asyncio.gather(market(), *(trader(n) for n in range(20)))

    asyncio.run(main())
    assert violations == []
    assert account.reservations() == {}
    assert account.reserved(Mode.REG_T) == 0
    assert counts["approved"] > 20 and counts["filled"] > 10 and counts["prices"] == 150
    account.check_drift()
    assert account.listener_errors == 0


# --- the evidence can fail: a race window between the check and the hold ------------------------------------------


class _NoLock:
    """A lock that excludes nothing (what the account would be without its lock)."""

    def __enter__(self) -> bool:
        return True

    def __exit__(self, *exc: object) -> None:
        return None


class _RaceWindowAccount(MarginAccount):
    """Test-only: every thread that has decided an order waits at a barrier before holding its charge, so, without
    the lock, all the deciding threads see the same untouched budget. With the lock only one thread at a time can be
    between the check and the hold: the barrier times out once (then is broken and lets everyone through)."""

    def __init__(self, *args: object, parties: int, timeout: float, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.barrier = threading.Barrier(parties, timeout=timeout)

    def _decide(self, order: Order, mode: Mode) -> OrderDecision:
        decision = super()._decide(order, mode)
        with contextlib.suppress(threading.BrokenBarrierError):
            self.barrier.wait()
        time.sleep(0)
        return decision


@pytest.mark.parametrize("locked", [True, False])
def test_race_window_violates_buying_power_without_the_lock_and_never_with_it(locked: bool) -> None:
    threads = 20
    account = _RaceWindowAccount(
        finra(), "10000", mode=Mode.CASH, session=SESSION, parties=threads, timeout=0.2 if locked else 30
    )
    if not locked:
        account._lock = _NoLock()  # type: ignore[assignment]
    approved, refused = _race(account, [Order("AAPL", Side.BUY, 10, "100")] * threads)
    if locked:
        assert len(approved) == 10 and len(refused) == 10
        assert account.available(Mode.CASH) == 0
    else:
        # Every thread decided against the untouched $10,000 before any held: 20 x $1,000 approved.
        assert len(approved) == threads
        assert account.reserved(Mode.CASH) == Decimal(20000)
        assert account.available(Mode.CASH) == Decimal(-10000)


def test_thousand_threads_with_a_yield_between_check_and_hold_still_exactly_ten() -> None:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _run in range(3):
            account = _RaceWindowAccount(finra(), "10000", mode=Mode.CASH, session=SESSION, parties=2, timeout=0)
            account.barrier.abort()  # no barrier: only the time.sleep(0) yield inside the window
            approved, refused = _race(account, [Order("AAPL", Side.BUY, 10, "100")] * 1000)
            assert len(approved) == 10 and len(refused) == 990
            account.check_drift()
    finally:
        sys.setswitchinterval(interval)
