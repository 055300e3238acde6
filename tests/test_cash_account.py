"""Cash accounts, Reg T 220.8 (margin_rules.cash_account): worked examples from the regulation, the Board's staff
letters, SEC and FINRA investor material and brokers' published examples, each checked against a plain oracle written
here (:class:`PlainCash`, integers and lists, not the code under test); and Hypothesis properties over random
buy / sell / deposit / withdrawal sequences.

Dates use a toy calendar (weekdays; settlement T+1; payment period T+3): the core takes dates as arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from margin_rules import cash_account as ca
from margin_rules.errors import DomainError, FloatRefusedError, InvalidTypeError, RefusedError

D = dt.date
MON = D(2026, 3, 2)  # a Monday


def wd(day: dt.date, n: int) -> dt.date:
    """The n-th weekday after ``day`` (toy business-day calendar)."""
    while n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def buy(day: dt.date, symbol: str, qty: int, price: int) -> ca.Buy:
    return ca.Buy(day, symbol, Decimal(qty), Decimal(price), wd(day, 1), wd(day, 3))


def sell(day: dt.date, symbol: str, qty: int, price: int) -> ca.Sell:
    return ca.Sell(day, symbol, Decimal(qty), Decimal(price), wd(day, 1))


# --- the plain oracle ------------------------------------------------------------------------------------------------


@dataclass
class PlainLot:
    symbol: str
    qty: int
    unpaid: int  # bought on a promise to pay and not yet paid
    funds_settle: dt.date  # when the proceeds that paid for it settle
    due: dt.date


@dataclass
class PlainCash:
    """Reg T 220.8 in the plainest terms: integers, lists, first in first out."""

    day: dt.date
    settled: int
    pending: list[list[object]] = field(default_factory=list)  # [amount, settles_on]
    lots: list[PlainLot] = field(default_factory=list)
    freezes: list[list[object]] = field(default_factory=list)  # [start, through, cure_left, cure_by, cured]
    gfv_days: list[dt.date] = field(default_factory=list)
    house_until: dt.date | None = None
    gfv_limit: int = 3
    cure: bool = True

    def frozen(self, day: dt.date) -> bool:
        fr = any(f[0] <= day <= f[1] and not f[4] for f in self.freezes)  # type: ignore[operator]
        return fr or (self.house_until is not None and day <= self.house_until)

    def _pay(self) -> None:
        for lot in self.lots:
            pay = min(lot.unpaid, self.settled)
            lot.unpaid -= pay
            self.settled -= pay

    def goto(self, day: dt.date) -> None:
        self.day = day
        for p in list(self.pending):
            if p[1] <= day:  # type: ignore[operator]
                self.settled += p[0]  # type: ignore[operator]
                self.pending.remove(p)
        self._pay()

    def unsettled(self) -> int:
        return sum(p[0] for p in self.pending)  # type: ignore[misc]

    def deposit(self, day: dt.date, amount: int) -> bool:
        self.goto(day)
        self.settled += amount
        left = amount
        for f in self.freezes:
            if self.cure and not f[4] and f[2] > 0 and day <= f[3] and left > 0:  # type: ignore[operator]
                use = min(left, f[2])  # type: ignore[type-var]
                left -= use  # type: ignore[operator]
                f[2] -= use  # type: ignore[operator]
                f[4] = f[2] == 0
        self._pay()
        return True

    def withdraw(self, day: dt.date, amount: int) -> bool:
        self.goto(day)
        if amount > self.settled:
            return False
        self.settled -= amount
        return True

    def buy(self, day: dt.date, symbol: str, qty: int, price: int) -> bool:
        self.goto(day)
        cost = qty * price
        if self.frozen(day):
            if cost > self.settled:
                return False
            self.settled -= cost
            self.lots.append(PlainLot(symbol, qty, 0, day, wd(day, 3)))
            return True
        a = min(cost, self.settled)
        self.settled -= a
        need = min(cost - a, self.unsettled())
        owed = cost - a - need
        latest = day
        for p in sorted(self.pending, key=lambda p: p[1]):  # type: ignore[arg-type, return-value]
            if need == 0:
                break
            use = min(need, p[0])  # type: ignore[type-var]
            need -= use  # type: ignore[operator]
            p[0] -= use  # type: ignore[operator]
            latest = max(latest, p[1])  # type: ignore[type-var]
        self.pending = [p for p in self.pending if p[0] != 0]
        self.lots.append(PlainLot(symbol, qty, owed, latest, wd(day, 3)))
        return True

    def sell(self, day: dt.date, symbol: str, qty: int, price: int) -> tuple[bool, bool, bool]:
        """(accepted, free ride, good-faith violation)."""
        self.goto(day)
        if qty > sum(lot.qty for lot in self.lots if lot.symbol == symbol):
            return False, False, False
        free = gfv = False
        left = qty
        for lot in self.lots:
            if lot.symbol != symbol or lot.qty == 0 or left == 0:
                continue
            take = min(left, lot.qty)
            left -= take
            lot.qty -= take
            if lot.unpaid > 0:
                free = True
                self.freezes.append([day, day + dt.timedelta(days=90), lot.unpaid if self.cure else 0, lot.due, False])
            elif lot.funds_settle > day:
                gfv = True
                self.gfv_days.append(day)
        self.lots = [lot for lot in self.lots if lot.qty > 0 or lot.unpaid > 0]
        self.pending.append([qty * price, wd(day, 1)])
        if gfv:
            recent = [d for d in self.gfv_days if d > day - dt.timedelta(days=365)]
            if len(recent) >= self.gfv_limit and not (self.house_until is not None and day <= self.house_until):
                self.house_until = day + dt.timedelta(days=90)
        return True, free, gfv


def run(state: ca.CashAccountState, *events: ca.CashEvent) -> tuple[ca.CashAccountState, tuple[ca.CashDecision, ...]]:
    return ca.apply_events(state, events)


# --- worked examples ---------------------------------------------------------------------------------------------


def test_board_staff_letter_2000_01_07_simon() -> None:
    """Federal Reserve Board staff letter of 2000-01-07 (to G. Simon, Foley & Lardner): $10,000 cash; buy $10,000 of
    A (220.8(a)(1)(i): paid from the cash, which is then set aside); sell A; buy $10,000 of B, which "cannot be made
    pursuant to section 220.8(a)(1)(i)" (no additional cash); sell B the same day, before B's settlement: the
    creditor's good-faith acceptance of the promise to pay "would be called into question". Brokers count this as a
    good-faith violation (house rule), not a 220.8(c) freeze."""
    plain = PlainCash(MON, 10_000)
    assert plain.buy(MON, "A", 100, 100)
    assert plain.sell(MON, "A", 100, 100) == (True, False, False)
    assert plain.buy(MON, "B", 100, 100)
    assert plain.sell(MON, "B", 100, 100) == (True, False, True)

    state, ds = run(
        ca.open_cash_account(MON, 10_000),
        buy(MON, "A", 100, 100),
        sell(MON, "A", 100, 100),
        buy(MON, "B", 100, 100),
        sell(MON, "B", 100, 100),
    )
    assert all(d.approved for d in ds)
    assert (ds[0].from_settled, ds[0].from_unsettled, ds[0].owed) == (10_000, 0, 0)
    assert (ds[2].from_settled, ds[2].from_unsettled) == (0, 10_000)  # not from the (set-aside) cash
    assert [v.kind for v in ds[3].violations] == [ca.RestrictionKind.GOOD_FAITH]
    assert ds[3].violations[0].house is True
    assert not ca.is_restricted(state, MON) and not plain.frozen(MON)  # one violation: no restriction yet
    assert ca.trade_date_cash(state) == 10_000 == plain.settled + plain.unsettled()


def test_board_staff_letter_2000_01_06_grewe_no_new_funds_needed() -> None:
    """Board staff letter of 2000-01-06 (to M. Grewe): fully-paid securities, no cash; sell them and buy the same
    issue back for the same cost the same day. The purchase need not be paid "with new funds ... if the securities
    are not resold prior to the settlement date": no violation and no freeze when held past settlement."""
    state = ca.open_cash_account(MON)
    state, _ = run(state, ca.Deposit(MON, Decimal(5_000)), buy(MON, "XYZ", 50, 100))
    day2 = wd(MON, 3)
    plain = PlainCash(MON, 0)
    plain.deposit(MON, 5_000)
    plain.buy(MON, "XYZ", 50, 100)
    state, ds = run(state, sell(day2, "XYZ", 50, 100), buy(day2, "XYZ", 50, 100), sell(wd(day2, 1), "XYZ", 50, 110))
    assert plain.sell(day2, "XYZ", 50, 100) == (True, False, False)
    assert plain.buy(day2, "XYZ", 50, 100)
    assert plain.sell(wd(day2, 1), "XYZ", 50, 110) == (True, False, False)  # sold on the proceeds' settlement day
    assert all(d.approved and not d.violations for d in ds)
    assert not ca.is_restricted(state, wd(day2, 1))


def test_fidelity_good_faith_violation_marty() -> None:
    """Fidelity, "Avoiding cash account trading violations" (Marty, T+1): cash available $0; Monday morning he sells
    XYZ for $10,000, Monday afternoon buys ABC for $10,000; selling ABC before Tuesday (XYZ's settlement date) is a
    good-faith violation; selling it on Tuesday is not."""
    opening, _ = run(ca.open_cash_account(MON - dt.timedelta(days=7)), ca.Deposit(MON - dt.timedelta(days=7), 10_000))
    opening, _ = run(opening, buy(MON - dt.timedelta(days=7), "XYZ", 100, 100))
    morning, _ = run(opening, sell(MON, "XYZ", 100, 100), buy(MON, "ABC", 200, 50))
    assert ca.settled_purchasing_power(morning) == 0

    _before, (d,) = run(morning, sell(MON, "ABC", 200, 51))
    assert [v.kind for v in d.violations] == [ca.RestrictionKind.GOOD_FAITH]
    _after, (d2,) = run(morning, sell(wd(MON, 1), "ABC", 200, 51))
    assert d2.violations == ()
    # plain oracle
    for day, expected in ((MON, (True, False, True)), (wd(MON, 1), (True, False, False))):
        plain = PlainCash(MON - dt.timedelta(days=7), 0)
        plain.deposit(MON - dt.timedelta(days=7), 10_000)
        plain.buy(MON - dt.timedelta(days=7), "XYZ", 100, 100)
        plain.sell(MON, "XYZ", 100, 100)
        plain.buy(MON, "ABC", 200, 50)
        assert plain.sell(day, "ABC", 200, 51) == expected


def test_three_good_faith_violations_in_12_months_restrict_to_settled_cash_for_90_days() -> None:
    """Fidelity's published house rule: "three good faith violations during any 12-month period" restrict the cash
    account to purchases "with settled cash only for the next 90 days". Labelled house policy, not Reg T."""
    state = ca.open_cash_account(MON, 1_000)
    plain = PlainCash(MON, 1_000)
    day = MON
    decisions = []
    for i in range(3):
        day = wd(MON, 10 * i)
        # sell what is held (if anything), buy with the unsettled proceeds, sell again before they settle
        state, _ds = run(state, buy(day, "S", 10, 100))
        plain.buy(day, "S", 10, 100)
        state, ds2 = run(state, sell(day, "S", 10, 100), buy(day, "T", 10, 100), sell(day, "T", 10, 100))
        assert plain.sell(day, "S", 10, 100)[0]
        assert plain.buy(day, "T", 10, 100)
        assert plain.sell(day, "T", 10, 100) == (True, False, True)
        decisions.append(ds2[-1])
        # wait for settlement: the proceeds become settled cash again
        state, _ = run(state, ca.Settle(wd(day, 2)))
        plain.goto(wd(day, 2))
    assert [len(d.restrictions) for d in decisions] == [0, 0, 1]
    restriction = decisions[-1].restrictions[0]
    assert restriction.kind is ca.RestrictionKind.GOOD_FAITH and restriction.house
    assert "not Reg T" in restriction.citation
    assert restriction.through == day + dt.timedelta(days=90) == plain.house_until
    # Restricted: unsettled proceeds no longer buy anything; settled cash still does.
    assert ca.is_restricted(state, wd(day, 3)) and plain.frozen(wd(day, 3))
    assert ca.purchasing_power(state, wd(day, 3)) == ca.settled_purchasing_power(state)
    # Without the house policy the same history restricts nothing (Reg T alone).
    reg_t_only = ca.CashRules(good_faith=None)
    bare = ca.open_cash_account(MON, 1_000)
    for i in range(3):
        d = wd(MON, 10 * i)
        bare, out = ca.apply_events(
            bare,
            (buy(d, "S", 10, 100), sell(d, "S", 10, 100), buy(d, "T", 10, 100), sell(d, "T", 10, 100)),
            reg_t_only,
        )
        assert all(x.violations == () for x in out)
        bare, _ = ca.apply_event(bare, ca.Settle(wd(d, 2)), reg_t_only)
    assert not ca.is_restricted(bare, wd(day, 3))


def test_free_riding_freezes_for_90_days_stake_example() -> None:
    """Free-riding (SEC, investor.gov glossary "Freeriding": "If an investor buys and sells a security before paying
    for it ... freeze the investor's cash account for 90 days"; Stake's example: $2,000 settled cash, buy $4,000 of
    AMZN Monday, sell it Tuesday for $4,800 without depositing the remaining $2,000). During the freeze a purchase
    must be paid on the trade date (settled cash), Reg T 220.8(c)(1)."""
    state = ca.open_cash_account(MON, 2_000)
    state, (b,) = run(state, buy(MON, "AMZN", 40, 100))
    assert (b.from_settled, b.owed) == (2_000, 2_000)  # 220.8(a)(1)(ii): a promise to pay the rest by T+3
    tue = wd(MON, 1)
    state, (s,) = run(state, sell(tue, "AMZN", 40, 120))
    assert [v.kind for v in s.violations] == [ca.RestrictionKind.FREE_RIDING]
    assert s.violations[0].house is False
    freeze = s.restrictions[0]
    assert (freeze.start, freeze.through) == (tue, tue + dt.timedelta(days=90))

    plain = PlainCash(MON, 2_000)
    plain.buy(MON, "AMZN", 40, 100)
    assert plain.sell(tue, "AMZN", 40, 120) == (True, True, False)

    # The $4,800 of proceeds settle Wednesday and pay the $2,000 owed; $2,800 settled remains.
    wed = wd(MON, 2)
    state, (ok,) = run(state, buy(wed, "MSFT", 28, 100))  # $2,800: exactly the settled cash
    plain_ok = plain.buy(wed, "MSFT", 28, 100)
    assert ok.approved and plain_ok and ok.from_settled == 2_800
    state2, (no,) = run(state, buy(wed, "MSFT", 1, 1))  # one dollar more is refused
    assert not no.approved and no.code == ca.FREEZE_REFUSED and state2 is state
    assert not plain.buy(wed, "MSFT", 1, 1)
    # Day 90 after the sale is still frozen; day 91 is not.
    state3, _ = run(state, ca.Deposit(tue + dt.timedelta(days=90), 100))
    assert ca.is_restricted(state3, tue + dt.timedelta(days=90))
    _state4, (later,) = run(state3, buy(tue + dt.timedelta(days=91), "MSFT", 1, 1_000))
    assert later.approved and later.owed == 900  # the privilege of delayed payment is back


def test_firstrade_jake_must_deposit_before_selling() -> None:
    """Firstrade, "Good Faith Violations and 90-Day Restriction Scenarios" (Jake): $1,000 of cash, a market buy fills
    at $1,300: not fully paid; selling before depositing the $300 "will face a 90-Day Restriction". Depositing the
    $300 first: no freeze."""
    start = ca.open_cash_account(MON, 1_000)
    bought, (b,) = run(start, buy(MON, "ABC", 13, 100))
    assert b.owed == 300
    frozen, (_s,) = run(bought, sell(wd(MON, 1), "ABC", 13, 100))
    assert ca.is_restricted(frozen, wd(MON, 1))
    paid, ds = run(bought, ca.Deposit(wd(MON, 1), 300), sell(wd(MON, 1), "ABC", 13, 100))
    assert ds[1].violations == () and not ca.is_restricted(paid, wd(MON, 1))
    for deposit_first, expected in ((False, True), (True, False)):
        plain = PlainCash(MON, 1_000)
        plain.buy(MON, "ABC", 13, 100)
        if deposit_first:
            plain.deposit(wd(MON, 1), 300)
        plain.sell(wd(MON, 1), "ABC", 13, 100)
        assert plain.frozen(wd(MON, 1)) is expected


def test_freeze_avoided_by_new_funds_within_the_payment_period() -> None:
    """SEC, "Freeze, Brokerage Account" (sec.gov/answers/freeze.htm, 2007): "You can avoid the freeze if you fully pay
    for the stock within [the payment period] from the date of the purchase with funds that do not come from the sale
    of the stock." A deposit after the sale, by the payment date, lifts the freeze; one a day late does not; the
    sale's own proceeds never do."""
    bought, _ = run(ca.open_cash_account(MON), buy(MON, "ABC", 10, 100))
    sold, (s,) = run(bought, sell(MON, "ABC", 10, 100))
    due = wd(MON, 3)
    assert s.restrictions[0].cure_by == due and s.restrictions[0].cure_amount == 1_000
    # The sale's proceeds settle on Tuesday and pay the debt, but the freeze stays.
    tue, _ = run(sold, ca.Settle(wd(MON, 1)))
    assert tue.owed_total == 0 and ca.is_restricted(tue, wd(MON, 1))
    cured, (dep,) = run(tue, ca.Deposit(due, 1_000))
    assert dep.lifted and not ca.is_restricted(cured, due)
    late, (dep2,) = run(tue, ca.Deposit(wd(due, 1), 1_000))
    assert not dep2.lifted and ca.is_restricted(late, wd(due, 1))
    strict = ca.CashRules(cure_by_payment=False)
    no_cure, _ = ca.apply_events(bought, (sell(MON, "ABC", 10, 100), ca.Deposit(due, 1_000)), strict)
    assert ca.is_restricted(no_cure, due)
    for day, expected in ((due, False), (wd(due, 1), True)):
        plain = PlainCash(MON, 0)
        plain.buy(MON, "ABC", 10, 100)
        plain.sell(MON, "ABC", 10, 100)
        plain.goto(wd(MON, 1))
        plain.deposit(day, 1_000)
        assert plain.frozen(day) is expected


def test_unpaid_purchase_past_the_payment_period_is_reported_and_its_liquidation_freezes() -> None:
    """Reg T 220.8(b)(4): unpaid after one payment period, the purchase is cancelled or liquidated; 220.8(c)(1): a
    cancellation counts as a sale, so the liquidation freezes the account (Solomon Exam Prep, "Freeriding": an
    account sold out for failure to pay is frozen)."""
    bought, _ = run(ca.open_cash_account(MON, 100), buy(MON, "ABC", 10, 100))
    on_due, (d1,) = run(bought, ca.Settle(wd(MON, 3)))
    assert d1.overdue == ()
    past, (d2,) = run(on_due, ca.Settle(wd(MON, 4)))
    assert [lot.symbol for lot in d2.overdue] == ["ABC"] and d2.overdue[0].owed == 900
    liquidated, (d3,) = run(past, sell(wd(MON, 4), "ABC", 10, 90))
    assert [v.kind for v in d3.violations] == [ca.RestrictionKind.FREE_RIDING]
    assert ca.is_restricted(liquidated, wd(MON, 4))


def test_short_sales_are_refused_with_their_own_reason_code() -> None:
    """Reg T 220.8(a) permits purchases and long sales in a cash account; a short sale needs the 220.12(c) deposit of a
    margin account. Both a SellShort and a sale of more shares than held are refused; nothing changes."""
    state, _ = run(ca.open_cash_account(MON, 10_000), buy(MON, "ABC", 10, 100))
    for event in (ca.SellShort(MON, "ABC", Decimal(1), Decimal(100)), sell(MON, "ABC", 11, 100), sell(MON, "Z", 1, 1)):
        after, decision = ca.apply_event(state, event)
        assert after is state
        assert not decision.approved and decision.code == ca.SHORT_SALE_REFUSED
        with pytest.raises(RefusedError) as info:
            ca.require_approved(decision)
        assert info.value.reason == ca.SHORT_SALE_REFUSED
    assert PlainCash(MON, 0).sell(MON, "Z", 1, 1) == (False, False, False)


def test_withdrawals_only_from_settled_cash_and_refusals_change_nothing() -> None:
    state, _ = run(ca.open_cash_account(MON, 1_000), buy(MON, "A", 5, 100), sell(MON, "A", 5, 100))
    assert ca.settled_purchasing_power(state) == 500
    refused, (d,) = run(state, ca.Withdrawal(MON, Decimal("500.01")))
    assert refused is state and d.code == ca.INSUFFICIENT_SETTLED_CASH
    ok, (d2,) = run(state, ca.Withdrawal(MON, 500))
    assert d2.approved and ok.settled == 0
    # The $500 of proceeds become withdrawable on settlement day.
    later, (d3,) = run(ok, ca.Withdrawal(wd(MON, 1), 500))
    assert d3.approved and later.settled == 0 and later.unsettled == ()
    plain = PlainCash(MON, 1_000)
    plain.buy(MON, "A", 5, 100)
    plain.sell(MON, "A", 5, 100)
    assert not plain.withdraw(MON, 501) and plain.withdraw(MON, 500) and plain.withdraw(wd(MON, 1), 500)


def test_no_promise_to_pay_refuses_beyond_funds() -> None:
    rules = ca.CashRules(promise_to_pay=False)
    state = ca.open_cash_account(MON, 1_000)
    after, d = ca.apply_event(state, buy(MON, "A", 11, 100), rules)
    assert after is state and d.code == ca.INSUFFICIENT_FUNDS
    after, d = ca.apply_event(state, buy(MON, "A", 10, 100), rules)
    assert d.approved and d.owed == 0


def test_invalid_input_is_a_typed_error() -> None:
    state = ca.open_cash_account(MON, 1_000)
    with pytest.raises(FloatRefusedError):
        ca.apply_event(state, ca.Deposit(MON, 1.5))  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        ca.apply_event(state, ca.Deposit(MON, Decimal(-1)))
    with pytest.raises(DomainError):
        ca.apply_event(state, ca.Deposit(MON - dt.timedelta(days=1), Decimal(1)))  # back in time
    with pytest.raises(DomainError):
        ca.apply_event(state, ca.Buy(MON, "A", Decimal(1), Decimal(1), wd(MON, 3), wd(MON, 1)))  # due before settle
    with pytest.raises(InvalidTypeError):
        ca.apply_event(state, "deposit")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        ca.apply_event(state, ca.Settle(dt.datetime(2026, 3, 2, 10)))  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        ca.open_cash_account(MON, -1)
    with pytest.raises(DomainError):
        ca.GoodFaithPolicy(violations=0)


# --- properties ----------------------------------------------------------------------------------------------------

SYMBOLS = ("A", "B")
events = st.lists(
    st.one_of(
        st.tuples(st.just("deposit"), st.integers(1, 3_000)),
        st.tuples(st.just("withdraw"), st.integers(1, 3_000)),
        st.tuples(st.just("buy"), st.sampled_from(SYMBOLS), st.integers(1, 20), st.integers(1, 200)),
        st.tuples(st.just("sell"), st.sampled_from(SYMBOLS), st.integers(1, 20), st.integers(1, 200)),
        st.tuples(st.just("next"), st.integers(1, 40)),
        st.tuples(st.just("edge"), st.sampled_from(SYMBOLS), st.integers(-1, 1)),  # a buy at settled cash +- $1
    ),
    max_size=40,
)


@given(st.integers(0, 5_000), events, st.booleans())
def test_property_cash_account_agrees_with_the_plain_oracle(opening: int, script: list[tuple], cure: bool) -> None:
    """Random buy / sell / deposit / withdrawal sequences: every decision agrees with the plain oracle; no free-riding
    sale goes unfrozen (the account is frozen the day of the sale, unless new funds cure it later within the payment
    period); no purchase is approved beyond settled cash while frozen; refusals change nothing; the trade-date cash
    balance is the oracle's."""
    rules = ca.CashRules(cure_by_payment=cure)
    state = ca.open_cash_account(MON, opening)
    plain = PlainCash(MON, opening, cure=cure)
    day = MON
    for step in script:
        kind = step[0]
        if kind == "next":
            day = wd(day, 1) if step[1] > 3 else day + dt.timedelta(days=step[1] * 10)
            event: ca.CashEvent = ca.Settle(day)
            expected: object = True
        elif kind == "deposit":
            event = ca.Deposit(day, Decimal(step[1]))
            expected = plain.deposit(day, step[1])
        elif kind == "withdraw":
            event = ca.Withdrawal(day, Decimal(step[1]))
            expected = plain.withdraw(day, step[1])
        elif kind in {"buy", "edge"}:
            if kind == "edge":
                plain.goto(day)
                step = ("buy", step[1], 1, max(1, plain.settled + step[2]))
                kind = "buy"
            frozen_before = plain.frozen(day)
            settled_before = state.settled if state.day == day else None
            event = buy(day, step[1], step[2], step[3])
            expected = plain.buy(day, step[1], step[2], step[3])
        else:
            event = sell(day, step[1], step[2], step[3])
            expected = plain.sell(day, step[1], step[2], step[3])
        if kind == "next":
            plain.goto(day)
        before = state
        state, decision = ca.apply_event(state, event, rules)
        if not decision.approved:
            assert state is before
        if kind == "sell":
            accepted, free_ride, gfv = expected  # type: ignore[misc]
            assert decision.approved is accepted
            assert any(v.kind is ca.RestrictionKind.FREE_RIDING for v in decision.violations) is free_ride
            assert any(v.kind is ca.RestrictionKind.GOOD_FAITH for v in decision.violations) is gfv
            if free_ride:  # no free-riding sequence goes unfrozen
                assert ca.is_restricted(state, day)
        else:
            assert decision.approved is expected
        if kind == "buy" and decision.approved and frozen_before:
            assert decision.owed == 0 and decision.from_unsettled == 0
            if settled_before is not None:
                assert decision.from_settled <= settled_before
        assert ca.is_restricted(state, day) is plain.frozen(day)
        assert state.settled == plain.settled
        assert ca.trade_date_cash(state) == plain.settled + plain.unsettled() - sum(lot.unpaid for lot in plain.lots)
        for symbol in SYMBOLS:
            assert state.held(symbol) == sum(lot.qty for lot in plain.lots if lot.symbol == symbol)
