"""Restrictions that hold (issue 10): worked examples, each cited and checked against a plain oracle in the test.

(a) legacy day-trading buying power is a budget for the day (FINRA 4210(f)(8)(B)); (b) restricted accounts create no
new or larger debit or short (4210(d)(2), 4210(f)(8)(B)(iv)(c)); (c) the intraday lifecycle (4210(d)(2)); (d) leveraged
ETP shorts (Regulatory Notice 09-53). The Hypothesis properties are in tests/properties/test_prop_restrictions.py.
"""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from fractions import Fraction as Fr

import pytest

from margin_rules import daytrading as r
from margin_rules.buying_power import Mode, order_fits
from margin_rules.errors import RefusedError
from margin_rules.live.account import MarginAccount
from margin_rules.live.daytrading import IntradayMarginHooks, IntradayMarginTracker, LegacyPdtHooks
from margin_rules.model import Account, Order, Position, Side
from margin_rules.requirements import position_maintenance
from margin_rules.restrictions import maintenance_deficiency_refusal, restricted_order_decision
from margin_rules.rulesets import (
    DayTradingMethod,
    DayTradingOptions,
    DayTradingRegime,
    DeMinimisReading,
    alpaca,
    finra,
)

D = Decimal
SESSION = dt.date(2026, 11, 20)  # a Friday
LEGACY = finra().with_options(day_trading_regime=DayTradingRegime.LEGACY_PDT)
TIME_AND_TICK = LEGACY.with_options(
    day_trading=DayTradingOptions().replace("test: time and tick", method=DayTradingMethod.TIME_AND_TICK)
)


def _pdt(rules: object = LEGACY, cash: str = "50000", positions: tuple[Position, ...] = ()) -> MarginAccount:
    account = MarginAccount(rules, cash, positions, session=SESSION)  # type: ignore[arg-type]
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    hooks.tracker.designate(SESSION)  # a pattern day trader (4210(f)(8)(B)(ii): the firm's designation)
    assert account.current_mode() is Mode.LEGACY_DAY_TRADING
    return account


# --- (a) legacy day-trading buying power: a budget for the day ------------------------------------------------------


def test_reported_bug_four_190000_purchases_against_200000_of_day_trading_buying_power() -> None:
    """4210(f)(8)(B)(iii): DTBP = 4 x (prior equity - prior maintenance) = 4 x 50,000 = $200,000, used up by the day's
    opening trades (aggregate). The first $190,000 purchase leaves $10,000; the next three are refused."""
    account = _pdt()
    dtbp = 4 * Fr(50000)  # plain oracle
    accepted = []
    for i in range(4):
        try:
            account.reserve(f"o{i}", Order("XYZ", Side.BUY, 1000, "190"))
        except RefusedError as err:
            assert err.reason == "insufficient_buying_power"
            left = dtbp - sum(accepted, Fr(0))
            assert Fr(err.figures["remaining_buying_power"]) == left == 10000
            assert Fr(err.figures["remaining"]) == left / 4  # maintenance dollars at 25%
            assert "10000" in str(err)
            continue
        account.confirm(f"o{i}", 1000, "190")
        accepted.append(Fr(190000))
    assert accepted == [190000]
    assert sum(accepted, Fr(0)) <= dtbp
    # The core's order_fits on the snapshot refuses too: with the day's use given, and without it (the current
    # maintenance excess, which the fill lowered, stands in for it).
    snapshot = account.snapshot()
    again = Order("XYZ", Side.BUY, 1000, "190")
    assert not order_fits(snapshot, again, LEGACY, Mode.LEGACY_DAY_TRADING).fits
    check = order_fits(snapshot, again, LEGACY, Mode.LEGACY_DAY_TRADING, day_trading_used=D(47500))
    assert not check.fits and check.available == D(2500)
    assert order_fits(snapshot, Order("XYZ", Side.BUY, 100, "100"), LEGACY, Mode.LEGACY_DAY_TRADING).fits  # $10,000


def test_aggregate_method_closing_does_not_give_the_budget_back_time_and_tick_does() -> None:
    """4210(f)(8)(B)(iv): the aggregate of the day's trades (default) vs "time and tick" (highest open commitment):
    buy $190,000 and sell it; under time and tick the commitment is back to 0, under aggregate $190,000 is used."""
    for rules, second_fits in ((LEGACY, False), (TIME_AND_TICK, True)):
        account = _pdt(rules)
        account.reserve("b", Order("XYZ", Side.BUY, 1000, "190"))
        account.confirm("b", 1000, "190")
        account.reserve("s", Order("XYZ", Side.SELL, 1000, "190"))
        account.confirm("s", 1000, "190")
        expected_left = Fr(50000) - (Fr(47500) if not second_fits else 0)  # plain oracle, maintenance dollars
        assert Fr(account.available()) == expected_left
        assert account.check(Order("ABC", Side.BUY, 1000, "190")).fits is second_fits


def test_budget_after_fill_worked_example() -> None:
    """Overnight shares close after today's, and closing them is no day trade and frees no budget (4210(f)(8)(B)(i))."""
    budget = r.start_budget({"XYZ": 100})
    budget = r.budget_after_fill(budget, LEGACY, "XYZ", Side.BUY, 50, "100")  # opens 50: 25% x 5,000
    assert budget.opened == budget.open_commitment == D(1250)
    budget = r.budget_after_fill(budget, LEGACY, "XYZ", Side.SELL, 120, "100")  # 50 today's + 70 overnight
    assert (budget.day_traded, budget.open_commitment, budget.overnight["XYZ"]) == (D(1250), 0, D(30))
    budget = r.budget_after_fill(budget, LEGACY, "XYZ", Side.SELL, 40, "10")  # 30 overnight, then a 10-share short
    lot = budget.lots["XYZ"][0]
    assert lot.quantity == -10 and lot.charge == D(50)  # max($5.00 x 10, 30% x $100) = $50
    assert budget.opened == D(1300) and budget.peak_commitment == D(1250)
    assert budget.used(DayTradingMethod.AGGREGATE) == D(1300)
    assert budget.used(DayTradingMethod.TIME_AND_TICK) == D(50)


def test_day_trading_call_is_sized_on_the_cost_of_the_day_trades() -> None:
    """4210(f)(8)(B)(iv)(b): exceeding DTBP margins the account "based on the cost of all the day trades made during
    the day": two round trips of $120,000 against 4 x 50,000: 25% x (240,000 - 200,000) = $10,000. Under time and
    tick the highest open commitment ($120,000) never exceeded $200,000: no call."""
    budget = r.start_budget()
    for _ in range(2):
        budget = r.budget_after_fill(budget, LEGACY, "XYZ", Side.BUY, 1000, "120")
        budget = r.budget_after_fill(budget, LEGACY, "XYZ", Side.SELL, 1000, "120")
    oracle = Fr(1, 4) * (Fr(240000) - 4 * Fr(50000))
    assert Fr(r.day_trading_call_for_day(LEGACY, budget, "50000", "0")) == oracle == 10000
    assert r.day_trading_call_for_day(TIME_AND_TICK, budget, "50000", "0") == 0
    # while a call is outstanding time and tick may not be used (4210(f)(8)(B)(iv)(b)3)
    assert Fr(r.day_trading_call_for_day(TIME_AND_TICK, budget, "50000", "0", call_outstanding=True)) == oracle
    # opened today and held overnight: no day trade, no day-trading call (Reg T governs it)
    held = r.budget_after_fill(r.start_budget(), LEGACY, "XYZ", Side.BUY, 2000, "120")
    assert r.day_trading_call_for_day(LEGACY, held, "50000", "0") == 0


def test_a_fill_beyond_the_budget_raises_the_day_trading_call_at_the_close() -> None:
    """A broker fill the check did not approve (a higher price) still uses the budget; day-traded, it raises the call
    of 4210(f)(8)(B)(iv)(b): 25% x (1,000 x $210 - 4 x 50,000) = $2,500."""
    account = _pdt()
    account.reserve("b", Order("XYZ", Side.BUY, 1000, "200"))  # exactly the budget
    account.confirm("b", 1000, "210")
    assert account.available() == D(-2500)
    account.reserve("s", Order("XYZ", Side.SELL, 1000, "210"))  # closing always fits
    account.confirm("s", 1000, "210")
    account.end_of_day()
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    (call,) = hooks.tracker.calls
    assert Fr(call.amount) == Fr(1, 4) * (210000 - 4 * Fr(50000)) == 2500


def test_opening_orders_are_refused_in_a_maintenance_deficiency() -> None:
    """House rule brokers share (named option ``refuse_opening_in_deficiency``): the prior-close budget does not see
    today's losses, so an account below maintenance (FINRA 4210(c)) may not open more."""
    positions = (Position("XYZ", 4000, "100"),)
    account = _pdt(LEGACY, "-250000", positions)  # equity 150,000, maintenance 100,000 at the close
    account.update_prices({"XYZ": "80"})  # equity 70,000 < maintenance 80,000; still >= $25,000
    assert Fr(account.figures().equity) < Fr(1, 4) * 320000
    assert account.available() > 0  # the prior-close budget alone would still accept
    with pytest.raises(RefusedError) as err:
        account.reserve("more", Order("ABC", Side.BUY, 1, "10"))
    assert err.value.reason == "maintenance_deficiency"
    account.reserve("out", Order("XYZ", Side.SELL, 100, "80"))  # closing stays allowed
    off = LEGACY.with_options(
        day_trading=DayTradingOptions().replace("test: option off", refuse_opening_in_deficiency=False)
    )
    other = _pdt(off, "-250000", positions)
    other.update_prices({"XYZ": "80"})
    other.reserve("more", Order("ABC", Side.BUY, 1, "10"))
    assert maintenance_deficiency_refusal(LEGACY, D(1), D(10000), D(17500)) is not None
    assert maintenance_deficiency_refusal(LEGACY, D(0), D(10000), D(17500)) is None


def test_1000_threads_racing_for_the_remaining_day_trading_buying_power_never_over_approve() -> None:
    """1,000 threads each try to buy $400 of stock (maintenance $100) and fill it at once, against a budget of
    $10,000 of maintenance excess left: at most 100 may be accepted, whatever the interleaving."""
    account = _pdt()
    account.reserve("first", Order("XYZ", Side.BUY, 1600, "100"))  # $160,000: maintenance 40,000
    account.confirm("first", 1600, "100")
    left = Fr(10000)
    barrier = threading.Barrier(1000)
    accepted: list[int] = []
    lock = threading.Lock()

    def worker(i: int) -> None:
        barrier.wait()
        try:
            account.reserve(f"t{i}", Order("ABC", Side.BUY, 4, "100"))
        except RefusedError:
            return
        account.confirm(f"t{i}", 4, "100")
        with lock:
            accepted.append(i)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(1000)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(accepted) * Fr(100) <= left
    assert len(accepted) == 100  # the whole remaining budget is usable, no more
    assert account.available() == 0
    account.check_drift()


# --- (b) restricted accounts ----------------------------------------------------------------------------------------


def test_restricted_decision_nets_short_sale_proceeds() -> None:
    """4210(d)(2) "no new or larger debit balance or short position": with $10,000 of cash of which $8,000 is the
    proceeds of a short ($8,000 short market value), only $2,000 may be spent; no new short at all."""
    cash, short_mv = D(10000), D(-8000)
    net = Fr(cash) + Fr(short_mv)  # plain oracle
    assert restricted_order_decision(Side.BUY, D(20), D(2000), cash, short_mv)[0] is (Fr(2000) <= net)
    assert restricted_order_decision(Side.BUY, D(21), D("2000.01"), cash, short_mv)[0] is (Fr("2000.01") <= net)
    assert not restricted_order_decision(Side.SELL_SHORT, D(1), D(1), cash, short_mv)[0]
    assert restricted_order_decision(Side.BUY, D(0), D(0), D(-5000), short_mv)[0]  # closing only
    assert not restricted_order_decision(Side.BUY, D(1), D("0.01"), D(-5000), D(0))[0]  # any debit increase
    assert not restricted_order_decision(Side.BUY, D(10), D(1000), cash, short_mv, reserved_cash=D(1500))[0]


def test_restricted_account_refuses_spending_short_proceeds_and_withdrawing_them() -> None:
    tracker = IntradayMarginTracker(practice=r.PracticeRule(misses=1))
    day = dt.date(2026, 11, 2)
    tracker.record_transaction(day, "0", "-5000", "20000")
    tracker.close_day(day, "-5000")
    account = MarginAccount(
        finra(),
        "30000",
        [Position("XYZ", -100, "100")],
        session=SESSION,
        day_trading=IntradayMarginHooks(finra(), tracker),
    )  # cash 30,000 of which 10,000 are short proceeds: net credit 20,000
    assert account.current_mode() is Mode.INTRADAY
    with pytest.raises(RefusedError) as err:
        account.reserve("buy", Order("ABC", Side.BUY, 201, "100"))  # $20,100 > $20,000
    assert err.value.reason == "restricted_account"
    account.reserve("buy", Order("ABC", Side.BUY, 200, "100"))
    with pytest.raises(RefusedError) as err:
        account.withdraw("1")  # the remaining net credit is held for the order
    assert err.value.reason == "restricted_account"
    account.reserve("cover", Order("XYZ", Side.BUY, 100, "100"))  # covering a short creates no debit: closing


# --- (c) intraday margin standard, 4210(d)(2) -------------------------------------------------------------------------


def test_a_sale_satisfies_a_deficit_and_a_cured_deficit_never_counts() -> None:
    """4210(d)(2): a deficit is satisfied by net deposits "or any other increase of the intraday margin level" from
    the end of the deficit day: selling releases the sold position's maintenance (25%) and lifts the level."""
    tracker = IntradayMarginTracker(practice=r.PracticeRule(misses=1))
    day = dt.date(2026, 11, 23)
    tracker.record_transaction(day, "500", "-2000", "20000")  # deficit 2,000 (> min(5% x 20,000, 1,000))
    (deficit,) = (tracker.close_day(day, "-2000"),)
    assert deficit is not None and deficit.close_level == D(-2000)
    # Nov 24: a sale of $8,000 of stock at 25% releases $2,000 of maintenance: the level goes from -2,000 to 0
    sold = Fr(8000) * Fr(1, 4)
    tracker.record_transaction(dt.date(2026, 11, 24), "-2000", str(-2000 + sold), "20000")
    (after,) = tracker.deficits
    assert after.satisfied and after.satisfied_on == dt.date(2026, 11, 24)
    assert not r.counts_toward_practice(after, dt.date(2027, 1, 4))
    assert not tracker.restricted(dt.date(2027, 1, 4)) and tracker.misses == ()


def test_the_freeze_lifts_when_its_deficit_is_satisfied_after_the_15th_business_day() -> None:
    """4210(d)(2): restricted for 90 days "or until the deficit is satisfied (without regard to its expiration)"."""
    tracker = IntradayMarginTracker(practice=r.PracticeRule(misses=1))
    day = dt.date(2026, 11, 23)
    tracker.record_transaction(day, "0", "-3000", "20000")
    tracker.close_day(day, "-3000")
    (deficit,) = tracker.deficits
    late = dt.date(2026, 12, 21)  # after the 15th business day (Dec 14)
    assert late > deficit.fifteenth_business_day
    assert tracker.restricted(late)
    tracker.record_net_deposit("3000")
    tracker.record_transaction(late, "-3000", "0", "20000")
    assert r.deficit_status(tracker.deficits[0], late) is r.DeficitStatus.SATISFIED
    assert not tracker.restricted(late)
    assert tracker.restriction_until is not None and tracker.restriction_until > late  # 90 days not yet over


@pytest.mark.parametrize(
    ("reading", "restricted"), [(DeMinimisReading.LITERAL, True), (DeMinimisReading.NEVER_RESTRICTS, False)]
)
def test_de_minimis_establishes_no_practice_but_restricts_a_practising_customer(
    reading: DeMinimisReading, restricted: bool
) -> None:
    """4210(d)(2): deficits of at most min(5% of equity, $1,000) do not count toward establishing a practice; a
    customer already making a practice who misses the 5th business day is restricted (the literal reading)."""
    rule = r.PracticeRule(misses=1)
    big = r.new_intraday_deficit(dt.date(2026, 1, 5), "5000", "20000", dt.date(2026, 1, 12), dt.date(2026, 1, 26))
    small = r.new_intraday_deficit(dt.date(2026, 6, 1), "900", "20000", dt.date(2026, 6, 8), dt.date(2026, 6, 22))
    assert small.de_minimis and Fr(900) <= min(Fr(5, 100) * 20000, Fr(1000))
    later = dt.date(2026, 7, 1)
    assert r.miss_consequence(small, later, [], rule, reading) == (False, False)  # no practice yet: nothing
    counts, restricts = r.miss_consequence(big, later, [], rule, reading)
    assert counts and restricts  # one miss is a practice under misses=1
    assert r.miss_consequence(small, later, [big.fifth_business_day], rule, reading) == (False, restricted)


def test_presets_carry_their_practice_terms() -> None:
    """Alpaca's published terms: a deficit call due in 2 business days, one miss by the 5th business day gives the
    90-day restriction; the regulatory preset's house default (3 misses in 365 days) is explicit and cited."""
    a, f = alpaca().day_trading, finra().day_trading
    assert (a.practice_misses, a.deficit_due_business_days, a.de_minimis) == (1, 2, DeMinimisReading.LITERAL)
    assert "Alpaca" in a.citations["practice_misses"]
    assert (f.practice_misses, f.practice_lookback_days, f.deficit_due_business_days) == (3, 365, 5)
    assert "4210(d)(2)" in f.citations["practice_misses"]
    assert r.practice_rule(alpaca()) == r.PracticeRule(1, 365)


# --- (d) leveraged ETP shorts, Regulatory Notice 09-53 -------------------------------------------------------------


def _short(rules: object, shares: int, price: str, leverage: int) -> Fr:
    position = Position("ETP", -shares, price, leverage=leverage)
    return Fr(position_maintenance(position, rules))  # type: ignore[arg-type]


def test_leveraged_short_percentage_times_factor_per_share_minimums_as_they_are() -> None:
    """Notice 09-53: a 3x short carries 30% x 3 = 90%; the $5.00 per-share minimum stays $5.00: at $10,
    max($5.00, 90% x $10) = $9.00 a share (the landed code gave $15.00)."""
    oracle = max(Fr(5), Fr(9, 10) * 10) * 100
    assert _short(finra(), 100, "10", 3) == oracle == 900
    multiplied = finra().with_rates("broker reading: per-share minimums x factor", leveraged_per_share_multiplied=1)
    assert _short(multiplied, 100, "10", 3) == max(Fr(5) * 3, Fr(9, 10) * 10) * 100 == 1500
    # below $5.00: 100% x 3 = 300% uncapped (the Notice's figure), 100% with the 100% cap (a broker reading)
    assert _short(finra(), 100, "4", 3) == max(Fr(5, 2), 3 * Fr(4)) * 100 == 1200
    capped = finra().with_rates("broker reading: short percentage capped at 100%", leveraged_short_rate_cap=1)
    assert _short(capped, 100, "4", 3) == max(Fr(5, 2), min(3 * Fr(1), Fr(1)) * 4) * 100 == 400
    assert _short(capped, 100, "50", 3) == Fr(9, 10) * 5000  # 90% is under the cap
    # Alpaca: 100% for 2x/3x leveraged ETFs (its own floor), per-share minimums as they are
    assert _short(alpaca(), 100, "10", 3) == max(Fr(5), Fr(9, 10) * 10, Fr(1) * 10) * 100 == 1000


def test_core_order_fits_applies_the_restricted_check_on_top_of_the_mode() -> None:
    """FINRA 4210(d)(2): cash $30,000 of which $10,000 secures a 100-share short at $100; Reg T alone would buy
    $20,100 (initial 50% = 10,050 <= excess 15,000), the restriction allows only the $20,000 of net credit."""
    account = Account(D(30000), (Position("XYZ", -100, "100"),))
    net = Fr(30000) - 100 * 100  # plain oracle
    over = Order("ABC", Side.BUY, 201, "100")
    assert order_fits(account, over, finra(), Mode.REG_T).fits
    check = order_fits(account, over, finra(), Mode.REG_T, restricted=True)
    assert not check.fits and Fr(check.available) == net and "debit" in check.reason
    assert order_fits(account, Order("ABC", Side.BUY, 200, "100"), finra(), Mode.REG_T, restricted=True).fits
    assert not order_fits(account, Order("ABC", Side.SELL_SHORT, 1, "100"), finra(), Mode.REG_T, restricted=True).fits
    cover = Order("XYZ", Side.BUY, 100, "100")
    assert order_fits(account, cover, finra(), Mode.REG_T, restricted=True).fits
    held = order_fits(account, Order("ABC", Side.BUY, 1, "100"), finra(), Mode.REG_T, restricted=True,
                      restricted_reserved_cash=D(19950))  # fmt: skip
    assert not held.fits


def test_overnight_positions_of_the_account_are_not_day_trades() -> None:
    """4210(f)(8)(B)(i): "a long security position held overnight and sold the next day prior to any new purchase"
    is not a day trade; buying more and then selling is. The account tells the tracker what it held at the open."""
    account = _pdt(LEGACY, "50000", (Position("XYZ", 100, "100"),))
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    account.reserve("s", Order("XYZ", Side.SELL, 50, "100"))
    account.confirm("s", 50, "100")
    assert hooks.tracker.day_trades(SESSION) == 0
    assert hooks.budget.opened == 0 and hooks.budget.overnight["XYZ"] == 50
    account.reserve("b", Order("XYZ", Side.BUY, 10, "100"))
    account.confirm("b", 10, "100")
    assert hooks.tracker.day_trades(SESSION) == 0  # a purchase after selling overnight shares is an opening trade
    account.reserve("s2", Order("XYZ", Side.SELL, 10, "100"))
    account.confirm("s2", 10, "100")
    assert hooks.tracker.day_trades(SESSION) == 1
    assert hooks.budget.day_traded == Fr(1, 4) * 1000


def test_alpaca_deficit_call_is_due_in_2_business_days_and_one_miss_restricts() -> None:
    """Alpaca's published intraday terms: the deficit call is due in 2 business days; one deficit unmet by the 5th
    business day restricts the account for 90 days (FINRA 4210(d)(2) leaves "practice" to the firm)."""
    hooks = IntradayMarginHooks(alpaca())
    day = dt.date(2026, 11, 23)  # Monday
    hooks.tracker.record_transaction(day, "0", "-5000", "20000")
    deficit = hooks.tracker.close_day(day, "-5000")
    assert deficit is not None
    assert hooks.tracker.call_due(deficit) == dt.date(2026, 11, 25)  # Tue 24, Wed 25
    assert deficit.fifth_business_day == dt.date(2026, 12, 1)  # 24, 25, 27 (26 Thanksgiving), 30, Dec 1
    assert not hooks.tracker.restricted(dt.date(2026, 12, 1))
    assert hooks.tracker.restricted(dt.date(2026, 12, 2))
    regulatory = IntradayMarginHooks(finra())
    regulatory.tracker.record_transaction(day, "0", "-5000", "20000")
    regulatory.tracker.close_day(day, "-5000")
    assert not regulatory.tracker.restricted(dt.date(2026, 12, 2))  # one miss is no practice under 3-in-365
