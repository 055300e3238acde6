"""MarginAccount in cash mode spends only what Reg T 220.8 allows (issue 9): settled cash and unsettled sale proceeds,
settled cash only while frozen (220.8(c)) or under the house good-faith restriction; short sales refused with their own
reason code; only settled cash withdrawn; settlement on the settlement calendar (Columbus Day skipped). Refusals change
nothing. Each expected figure is worked by hand in the test (the plain oracle)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from margin_rules import cash_account as ca
from margin_rules.buying_power import Mode
from margin_rules.errors import RefusedError
from margin_rules.live.account import MarginAccount
from margin_rules.live.journal import Journal
from margin_rules.model import Order, Position, Side
from margin_rules.money import ZERO
from margin_rules.rulesets import finra

FRI = dt.date(2026, 10, 9)  # the Friday before Columbus Day 2026
MON = dt.date(2026, 10, 12)  # Columbus Day: exchanges open, banks closed
TUE = dt.date(2026, 10, 13)


def _fill(account: MarginAccount, oid: str, order: Order, price: str | None = None) -> None:
    account.reserve(oid, order)
    account.confirm(oid, order.quantity, price if price is not None else order.price)


def test_short_sale_refused_with_its_own_code_and_nothing_changes() -> None:
    account = MarginAccount(finra(), "10000", [Position("AAA", 10, "100")], mode=Mode.CASH, session=FRI)
    before = account.state()
    for order in (Order("BBB", Side.SELL_SHORT, 1, "50"), Order("AAA", Side.SELL, 11, "100")):
        with pytest.raises(RefusedError) as info:
            account.reserve("s1", order)
        assert info.value.reason == "short_sale_in_cash_account"
        assert account.state() == before
    _fill(account, "s2", Order("AAA", Side.SELL, 10, "100"))  # a long sale is fine
    assert account.position("AAA") is None


def test_sale_proceeds_settle_on_the_settlement_calendar_and_only_settled_cash_leaves() -> None:
    """A sale on Friday 2026-10-09 settles on Tuesday 10-13, not on Columbus Day (NtM 95-77): the $1,000 of proceeds
    can buy at once (unsettled proceeds), but can be withdrawn only from Tuesday."""
    account = MarginAccount(finra(), "0", [Position("AAA", 10, "100")], mode=Mode.CASH, session=FRI)
    _fill(account, "s", Order("AAA", Side.SELL, 10, "100"))
    assert account.snapshot().cash == 1000
    assert account.max_withdrawal() == 0
    before = account.state()
    with pytest.raises(RefusedError) as info:
        account.withdraw("1")
    assert info.value.reason == ca.INSUFFICIENT_SETTLED_CASH and account.state() == before
    account.end_of_day(MON)
    assert account.max_withdrawal() == 0  # Columbus Day: not a settlement day
    account.end_of_day(TUE)
    assert account.max_withdrawal() == 1000
    account.withdraw("1000")
    assert account.snapshot().cash == 0


def test_good_faith_violations_are_counted_and_the_third_restricts_to_settled_cash() -> None:
    """Fidelity's house rule (3 good-faith violations in 12 months: settled cash only for 90 days), labelled house
    policy: each day sell AAA, buy BBB with the unsettled proceeds and sell BBB before they settle."""
    account = MarginAccount(finra(), "0", [Position("AAA", 10, "100")], mode=Mode.CASH, session=TUE)
    day = TUE
    for n in range(1, 4):
        _fill(account, f"a{n}", Order("AAA", Side.SELL, 10, "100"))
        _fill(account, f"b{n}", Order("BBB", Side.BUY, 10, "100"))  # paid with the unsettled $1,000
        _fill(account, f"c{n}", Order("BBB", Side.SELL, 10, "100"))  # sold before they settle: a violation
        state = account.cash_account_state()
        assert state is not None
        assert sum(1 for v in state.violations if v.kind is ca.RestrictionKind.GOOD_FAITH) == n
        account.end_of_day()
        day = account.session
        _fill(account, f"d{n}", Order("AAA", Side.BUY, 10, "100"))  # settled cash (the proceeds settled)
    state = account.cash_account_state()
    assert state is not None
    restriction = ca.active_restriction(state, day)
    assert restriction is not None and restriction.house and restriction.kind is ca.RestrictionKind.GOOD_FAITH
    # Restricted: sell AAA, and its unsettled proceeds cannot buy.
    _fill(account, "e", Order("AAA", Side.SELL, 10, "100"))
    before = account.state()
    with pytest.raises(RefusedError) as info:
        account.reserve("f", Order("BBB", Side.BUY, 1, "100"))
    assert info.value.reason == ca.GOOD_FAITH_REFUSED and account.state() == before
    account.end_of_day()
    account.reserve("g", Order("BBB", Side.BUY, 10, "100"))  # settled the next day: allowed


def _free_ride(account: MarginAccount) -> None:
    _fill(account, "b", Order("AAA", Side.BUY, 10, "100"), price="110")
    state = account.cash_account_state()
    assert state is not None and state.owed_total == 100
    _fill(account, "s", Order("AAA", Side.SELL, 10, "110"))


def test_a_buy_filled_above_the_funds_then_sold_freezes_the_account() -> None:
    """A buy checked at $100 fills at $110 ($100 owed, 220.8(a)(1)(ii)); selling it before paying is free-riding: the
    account is frozen (220.8(c)) and a later purchase beyond settled cash is refused with ``cash_account_frozen``; one
    within settled cash is allowed."""
    account = MarginAccount(finra(), "1000", mode=Mode.CASH, session=TUE)
    _free_ride(account)
    state = account.cash_account_state()
    assert state is not None and ca.is_restricted(state, TUE)
    assert state.restrictions[0].through == TUE + dt.timedelta(days=90)
    # New funds within the payment period (T+3: Friday 10-16) would lift the freeze (SEC "Freeze, Brokerage Account"):
    cured = MarginAccount(finra(), "1000", mode=Mode.CASH, session=TUE)
    _free_ride(cured)
    cured.end_of_day()
    cured.deposit("100")
    cured_state = cured.cash_account_state()
    assert cured_state is not None and not ca.is_restricted(cured_state, cured.session)
    for _ in range(4):  # Wed 14, Thu 15, Fri 16, Mon 19: the $1,100 of proceeds settle and pay the $100 owed
        account.end_of_day()
    assert account.session == dt.date(2026, 10, 19)
    account.deposit("500")  # after the payment period: no cure
    state = account.cash_account_state()
    assert state is not None and state.settled == 1500 and ca.is_restricted(state, account.session)
    account.reserve("ok", Order("BBB", Side.BUY, 15, "100"))  # $1,500: all the settled cash
    before = account.state()
    with pytest.raises(RefusedError) as info:
        account.reserve("no", Order("BBB", Side.BUY, 1, "1"))
    assert info.value.reason == "insufficient_buying_power"  # the $1,500 is held for the open order
    assert account.state() == before


def test_frozen_account_cannot_buy_with_unsettled_proceeds() -> None:
    account = MarginAccount(finra(), "1000", [Position("CCC", 10, "50")], mode=Mode.CASH, session=TUE)
    _fill(account, "b", Order("AAA", Side.BUY, 10, "100"), price="101")  # $10 owed
    _fill(account, "s", Order("AAA", Side.SELL, 10, "101"))  # free ride: frozen
    _fill(account, "c", Order("CCC", Side.SELL, 10, "50"))  # $500 unsettled proceeds, cash now $1,500
    assert account.snapshot().cash == 1500
    before = account.state()
    with pytest.raises(RefusedError) as info:
        account.reserve("x", Order("DDD", Side.BUY, 1, "100"))  # within cash, but nothing is settled
    assert info.value.reason == ca.FREEZE_REFUSED
    assert account.state() == before


def test_journal_replay_rebuilds_the_cash_account_state(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.jsonl")
    account = MarginAccount(finra(), "1000", [Position("CCC", 10, "50")], mode=Mode.CASH, session=TUE, journal=journal)
    _fill(account, "b", Order("AAA", Side.BUY, 10, "100"), price="101")
    _fill(account, "s", Order("AAA", Side.SELL, 10, "101"))
    account.deposit("20")
    account.end_of_day()
    restored = MarginAccount.restore(journal, finra())
    assert restored.cash_account_state() == account.cash_account_state()
    assert restored.state()["cash_account"] == account.state()["cash_account"]


def test_a_dividend_is_settled_cash_and_a_fee_comes_out_of_settled_cash() -> None:
    """A cash dividend credited to a cash account (margin_rules.carry) can be withdrawn at once; a charge is taken
    from settled cash. Hand-worked: $0 + $50 dividend = $50 settled; then a $20 fee leaves $30."""
    from margin_rules.carry import CarryLine, CarryStatement, ChargeKind

    account = MarginAccount(finra(), "0", [Position("AAA", 10, "100")], mode=Mode.CASH, session=TUE)
    dividend = CarryLine(TUE, ChargeKind.DIVIDEND, "AAA", Decimal(10), Decimal(0), 0, Decimal(50), Decimal(50), ZERO)
    account.apply_carry(CarryStatement(TUE, TUE, (dividend,)))
    assert account.max_withdrawal() == 50
    fee = CarryLine(TUE, ChargeKind.BORROW_FEE, None, Decimal(0), Decimal(0), 1, Decimal(-20), Decimal(-20), ZERO)
    account.apply_carry(CarryStatement(TUE, TUE, (fee,)))
    state = account.cash_account_state()
    assert state is not None and state.settled == 30 == account.max_withdrawal()
