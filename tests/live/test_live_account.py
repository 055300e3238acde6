"""MarginAccount: reservations, fills, releases, cash, prices, the end-of-day roll, refusals that change nothing, the
incremental aggregates (drift check against the core) and the SQLite journal."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from margin_rules.buying_power import Mode
from margin_rules.errors import (
    DomainError,
    FloatRefusedError,
    InvalidInputError,
    InvalidTypeError,
    MarginRulesError,
    RefusedError,
)
from margin_rules.live.account import MarginAccount
from margin_rules.live.journal import Journal
from margin_rules.model import Order, Position, Side
from margin_rules.order_check import opening_terms
from margin_rules.rulesets import HouseRules, RuleSet, WithdrawalRule, alpaca, finra
from margin_rules.withdrawal import max_withdrawal

SESSION = dt.date(2026, 11, 20)  # a Friday


def cash_account(cash: str = "10000") -> MarginAccount:
    return MarginAccount(finra(), cash, mode=Mode.CASH, session=SESSION)


def test_reserve_confirm_release_cycle() -> None:
    account = cash_account()
    r = account.reserve("o1", Order("AAPL", Side.BUY, 10, "100"))
    assert (r.opening, r.closing, r.cash_cost) == (10, 0, 1000)
    assert account.available() == 9000
    fill = account.confirm("o1", 4, "99")
    assert (fill.opened, fill.closed, fill.remaining, fill.position_after, fill.cash_after) == (4, 0, 6, 4, 9604)
    held = account.reservation("o1")
    assert held is not None and held.cash_cost == 600  # pro rata at the order price
    assert account.available() == Decimal(9604) - 600
    released = account.release("o1")
    assert released.remaining == 6
    assert account.reserved() == 0 and account.reservations() == {}
    assert account.available() == 9604
    with pytest.raises(DomainError):
        account.release("o1")
    account.check_drift()


def test_partial_fills_consume_pro_rata_exactly() -> None:
    rules = alpaca()
    account = MarginAccount(rules, "100000", mode=Mode.REG_T, session=SESSION)
    account.reserve("o", Order("PENNY", Side.SELL_SHORT, 999, "3.37"))
    left = Decimal(999)
    for qty in (1, 17, 333, 100):
        account.confirm("o", qty, "3.37")
        left -= qty
        held = account.reservation("o")
        assert held is not None
        cash_cost, initial, maintenance, _ = opening_terms(
            rules, "PENNY", Side.SELL_SHORT, left, Decimal("3.37"), True, Decimal(1)
        )
        assert (held.cash_cost, held.initial, held.maintenance) == (cash_cost, initial, maintenance)
        # Linear: the remainder's charge is the original charge x left / 999 exactly.
        full = opening_terms(rules, "PENNY", Side.SELL_SHORT, Decimal(999), Decimal("3.37"), True, Decimal(1))[1]
        assert held.initial * 999 == full * left
    account.confirm("o", left, "3.37")
    assert account.reservations() == {} and account.reserved(Mode.REG_T) == 0
    position = account.position("PENNY")
    assert position is not None and position.quantity == -999
    account.check_drift()


def test_duplicate_order_ids_refused_even_after_release() -> None:
    account = cash_account()
    account.reserve("o1", Order("AAPL", Side.BUY, 1, "10"))
    before = account.state()
    with pytest.raises(RefusedError) as err:
        account.reserve("o1", Order("AAPL", Side.BUY, 1, "10"))
    assert err.value.reason == "duplicate_order_id"
    assert account.state() == before
    account.release("o1")
    with pytest.raises(RefusedError):
        account.reserve("o1", Order("AAPL", Side.BUY, 1, "10"))


def test_closing_orders_allowed_under_block_and_do_not_replenish_until_filled() -> None:
    account = MarginAccount(finra(), "1000", [Position("AAPL", 100, "50")], mode=Mode.REG_T, session=SESSION)
    budget = account.available()
    account.block_opening("margin_call", "maintenance call of $500")
    with pytest.raises(RefusedError) as err:
        account.reserve("buy", Order("MSFT", Side.BUY, 1, "10"))
    assert err.value.reason == "opening_blocked"
    sell = account.reserve("sell", Order("AAPL", Side.SELL, 60, "50"))
    assert sell.opening == 0
    assert account.available() == budget  # a closing order does not replenish buying power until filled
    account.confirm("sell", 60, "50")
    assert account.available() > budget
    # Flipping through zero: the opening part is refused while blocked.
    with pytest.raises(RefusedError):
        account.reserve("flip", Order("AAPL", Side.SELL, 50, "50"))
    account.unblock_opening("margin_call")
    account.reserve("buy2", Order("MSFT", Side.BUY, 1, "10"))


def test_refused_and_invalid_calls_leave_state_exactly_as_it_was() -> None:
    rules = finra()
    account = MarginAccount(
        rules, "20000", [Position("AAPL", 100, "100"), Position("XOM", -50, "80")], mode=Mode.REG_T, session=SESSION
    )
    account.reserve("keep", Order("AAPL", Side.BUY, 10, "100"))
    bad_calls: list[tuple[str, Any]] = [
        ("reserve float", lambda: account.reserve("x", Order("AAPL", Side.BUY, 1, 1.5))),  # type: ignore[arg-type]
        ("reserve too big", lambda: account.reserve("x", Order("AAPL", Side.BUY, 100000, "100"))),
        ("reserve duplicate", lambda: account.reserve("keep", Order("AAPL", Side.BUY, 1, "100"))),
        ("reserve not an order", lambda: account.reserve("x", "AAPL")),  # type: ignore[arg-type]
        ("reserve empty id", lambda: account.reserve("  ", Order("AAPL", Side.BUY, 1, "1"))),
        ("confirm unknown", lambda: account.confirm("nope", 1, "1")),
        ("confirm too many", lambda: account.confirm("keep", 11, "100")),
        ("confirm float", lambda: account.confirm("keep", 1, 100.0)),  # type: ignore[arg-type]
        ("confirm zero", lambda: account.confirm("keep", 0, "100")),
        ("confirm nan", lambda: account.confirm("keep", 1, "NaN")),
        ("confirm price too many places", lambda: account.confirm("keep", 1, "100.00000000001")),
        ("confirm quantity too many places", lambda: account.confirm("keep", "0.00000000001", "100")),
        ("deposit too many places", lambda: account.deposit("1." + "0" * 20 + "1")),
        ("withdraw too many places", lambda: account.withdraw("1." + "0" * 20 + "1")),
        ("release unknown", lambda: account.release("nope")),
        ("deposit float", lambda: account.deposit(1.0)),  # type: ignore[arg-type]
        ("deposit negative", lambda: account.deposit("-5")),
        ("withdraw too much", lambda: account.withdraw("1000000")),
        ("withdraw zero", lambda: account.withdraw(0)),
        ("withdraw bool", lambda: account.withdraw(True)),  # type: ignore[arg-type]
        ("prices float", lambda: account.update_prices({"AAPL": "101", "XOM": 80.5})),  # type: ignore[dict-item]
        ("prices negative", lambda: account.update_prices({"AAPL": "-1"})),
        ("prices not a mapping", lambda: account.update_prices([("AAPL", "1")])),  # type: ignore[arg-type]
        ("end of day backwards", lambda: account.end_of_day(SESSION - dt.timedelta(days=1))),
        ("end of day datetime", lambda: account.end_of_day(dt.datetime(2026, 11, 23))),  # type: ignore[arg-type]
    ]
    for name, call in bad_calls:
        before = account.state()
        with pytest.raises(MarginRulesError) as err:
            call()
        assert isinstance(err.value, (RefusedError, InvalidInputError)), name
        assert account.state() == before, name
    with pytest.raises(FloatRefusedError):
        account.deposit(1.0)  # type: ignore[arg-type]


def test_withdrawal_through_the_core_rule_exactly() -> None:
    for rules in (finra(), alpaca(), finra().with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL)):
        account = MarginAccount(
            rules, "-2000", [Position("AAPL", 100, "100"), Position("XOM", -20, "50")], mode=Mode.REG_T, session=SESSION
        )
        limit = max_withdrawal(account.snapshot(), rules)
        assert account.max_withdrawal() == limit > 0
        before = account.state()
        with pytest.raises(RefusedError) as err:
            account.withdraw(limit + Decimal("0.01"))
        assert err.value.reason == "withdrawal_exceeds_maximum"
        assert err.value.figures["rule_maximum"] == limit
        assert account.state() == before
        account.withdraw(limit)
        assert max_withdrawal(account.snapshot(), rules) == 0
        account.check_drift()


def test_withdrawal_cannot_take_funds_held_for_orders() -> None:
    account = cash_account("10000")
    account.reserve("o", Order("AAPL", Side.BUY, 90, "100"))
    assert account.max_withdrawal() == 1000
    with pytest.raises(RefusedError) as err:
        account.withdraw("1000.01")
    assert err.value.reason == "funds_held_for_orders"
    account.withdraw("1000")
    assert account.available() == 0


def test_deposit_and_sma() -> None:
    account = MarginAccount(finra(), "10000", mode=Mode.REG_T, session=SESSION)
    assert account.figures().sma == 10000  # opening SMA marked: equity - initial
    account.deposit("500.25")
    assert account.figures().cash == Decimal("10500.25") and account.figures().sma == Decimal("10500.25")
    account.reserve("b", Order("AAPL", Side.BUY, 100, "100"))
    account.confirm("b", 100, "100")
    assert account.figures().sma == Decimal("10500.25") - Decimal(5000)  # Reg T 50% of the purchase
    account.reserve("s", Order("AAPL", Side.SELL, 50, "120"))
    account.confirm("s", 50, "120")
    assert account.figures().sma == Decimal("10500.25") - Decimal(5000) + Decimal(3000)  # 50% of the proceeds


def test_end_of_day_roll() -> None:
    account = MarginAccount(finra(), "10000", [Position("AAPL", 100, "100")], mode=Mode.REG_T, session=SESSION)
    account.update_prices({"AAPL": "150"})
    figures = account.end_of_day()
    assert account.session == dt.date(2026, 11, 23)  # Friday -> Monday
    assert figures.prior_equity == 25000 and figures.prior_maintenance == Decimal("3750.00")
    assert figures.sma == 25000 - Decimal("7500.00")  # marked up by the appreciation
    account.end_of_day(dt.date(2026, 11, 25))
    account.end_of_day()  # Wednesday 25th -> Friday 27th (Thanksgiving closed)
    assert account.session == dt.date(2026, 11, 27)


def test_update_prices_many_symbols_and_unheld() -> None:
    account = MarginAccount(finra(), "0", [Position("A", 10, "10"), Position("B", -10, "10")], session=SESSION)
    account.update_prices({"a": "12", "B": "8", "ZZZ": "5"})
    snap = account.snapshot()
    assert [(p.symbol, p.price) for p in snap.positions] == [("A", Decimal(12)), ("B", Decimal(8))]
    assert account.prices()["ZZZ"] == 5
    account.check_drift()


def _random_operations(account: MarginAccount, rng: random.Random, steps: int) -> None:
    symbols = ["AAA", "BBB", "CCC", "DDD", "EEE"]
    next_id = 0
    for _ in range(steps):
        action = rng.random()
        try:
            if action < 0.35:
                next_id += 1
                symbol = rng.choice(symbols)
                price = Decimal(rng.randint(100, 40000)) / 100
                order = Order(symbol, rng.choice(list(Side)), rng.randint(1, 300), price, rng.random() > 0.2)
                account.reserve(f"r{next_id}", order)
            elif action < 0.6 and account.reservations():
                oid, r = rng.choice(sorted(account.reservations().items()))
                qty = Decimal(rng.randint(1, int(r.remaining))) if r.remaining >= 1 else r.remaining
                account.confirm(oid, qty, max(Decimal("0.01"), r.order.price + Decimal(rng.randint(-300, 300)) / 100))
            elif action < 0.7 and account.reservations():
                account.release(rng.choice(sorted(account.reservations())))
            elif action < 0.9:
                picks = rng.sample(symbols, rng.randint(1, 3))
                account.update_prices({s: Decimal(rng.randint(50, 50000)) / 100 for s in picks})
            elif action < 0.95:
                account.deposit(Decimal(rng.randint(1, 500000)) / 100)
            else:
                account.withdraw(Decimal(rng.randint(1, 500000)) / 100)
        except RefusedError:
            pass


@pytest.mark.parametrize(
    "rules",
    [
        finra(),
        alpaca(),
        alpaca().with_house(HouseRules(maintenance_rate=Decimal("0.35"), symbol_rates={"CCC": Decimal("0.9")})),
        finra().with_house(HouseRules(concentration_threshold=Decimal("0.3"), concentration_rate=Decimal("0.6"))),
    ],
    ids=["finra", "alpaca", "house", "concentration"],
)
@pytest.mark.parametrize("mode", [Mode.CASH, Mode.REG_T, Mode.INTRADAY])
def test_incremental_aggregates_never_drift(rules: RuleSet, mode: Mode) -> None:
    rng = random.Random(f"{rules.name}-{mode.value}")
    account = MarginAccount(rules, "200000", [Position("AAA", 100, "50")], mode=mode, session=SESSION)
    for _ in range(8):
        _random_operations(account, rng, 40)
        account.check_drift()  # exact equality with requirements.account_requirements(snapshot)


def test_drift_check_can_fail() -> None:
    account = MarginAccount(finra(), "1000", [Position("AAA", 100, "50")], session=SESSION)
    account._maintenance += Decimal("0.01")  # a defect: the running total no longer matches the book
    account._figures = account._make_figures(account._prior_equity, account._prior_maintenance)
    with pytest.raises(AssertionError):
        account.check_drift()


def test_snapshot_is_the_core_account_and_consistent() -> None:
    account = MarginAccount(finra(), "1000", [Position("AAA", 100, "50")], session=SESSION)
    snap = account.snapshot()
    assert snap.cash == 1000 and snap.position("AAA") is not None
    assert snap.prior_equity == 6000 and snap.prior_maintenance == Decimal("1250.00")


def test_mode_defaults_follow_the_regime() -> None:
    from margin_rules.rulesets import DayTradingRegime

    assert MarginAccount(finra(), "1", session=SESSION).current_mode() is Mode.INTRADAY
    legacy = finra().with_options(day_trading_regime=DayTradingRegime.LEGACY_PDT)
    assert MarginAccount(legacy, "1", session=SESSION).current_mode() is Mode.REG_T
    with pytest.raises(InvalidTypeError):
        MarginAccount("finra", "1")  # type: ignore[arg-type]


# --- journal -------------------------------------------------------------------------------------------------------


def test_journal_rebuilds_exactly(tmp_path: Path) -> None:
    rules = alpaca()
    journal = Journal(tmp_path / "j.sqlite")
    account = MarginAccount(
        rules, "50000", [Position("AAA", 100, "50")], mode=Mode.REG_T, session=SESSION, journal=journal
    )
    _random_operations(account, random.Random(3), 150)
    account.block_opening("margin_call", "test")
    account.end_of_day()
    _random_operations(account, random.Random(4), 50)
    state = account.state()
    journal.close()
    restored = MarginAccount.restore(Journal(tmp_path / "j.sqlite"), rules)
    assert restored.state() == state
    restored.check_drift()
    with pytest.raises(DomainError):
        MarginAccount.restore(Journal(tmp_path / "j.sqlite"), finra())
    with pytest.raises(DomainError):
        MarginAccount(rules, "1", journal=Journal(tmp_path / "j.sqlite"))


def test_journal_refused_operations_are_not_journaled(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite")
    account = MarginAccount(finra(), "100", mode=Mode.CASH, session=SESSION, journal=journal)
    with pytest.raises(RefusedError):
        account.reserve("x", Order("A", Side.BUY, 100, "100"))
    with pytest.raises(RefusedError):
        account.withdraw("1000")
    assert len(journal) == 1


_CHILD = textwrap.dedent(
    """
    import datetime as dt, random, sys
    from decimal import Decimal
    from margin_rules.buying_power import Mode
    from margin_rules.errors import RefusedError
    from margin_rules.live.account import MarginAccount
    from margin_rules.live.journal import Journal
    from margin_rules.model import Order, Position, Side
    from margin_rules.rulesets import finra

    account = MarginAccount(finra(), "100000", [Position("AAA", 100, "50")], mode=Mode.REG_T,
                            session=dt.date(2026, 11, 20), journal=Journal(sys.argv[1]))
    rng = random.Random(11)
    n = 0
    while True:
        n += 1
        try:
            if n % 3 == 0:
                account.update_prices({"AAA": Decimal(rng.randint(4000, 6000)) / 100})
            elif n % 3 == 1:
                account.reserve(f"o{n}", Order("AAA", Side.BUY, rng.randint(1, 5), "50"))
            else:
                account.confirm(f"o{n - 1}", 1, "50")
        except RefusedError:
            pass
        print(n, account.version, flush=True)  # acknowledged
    """
)


def test_crash_between_operations_loses_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    acknowledged = 0
    for line in child.stdout:
        acknowledged = int(line.split()[1])
        if acknowledged >= 60:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    restored = MarginAccount.restore(Journal(path), finra())
    # Every acknowledged operation is in the journal (the record is committed before the call returns); at most the
    # one in flight when the process died may be there too.
    assert acknowledged <= restored.version <= acknowledged + 1
    restored.check_drift()
