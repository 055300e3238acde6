"""Stateful day-trading trackers (margin_rules.live.daytrading) over NYSE business days."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from margin_rules.buying_power import Mode
from margin_rules.daytrading import DayTradingCallState, DeficitStatus, LegacyBasis, PracticeRule
from margin_rules.errors import DomainError, FloatRefusedError, InvalidTypeError
from margin_rules.live.account import DayTradingHooks
from margin_rules.live.daytrading import (
    IntradayMarginHooks,
    IntradayMarginTracker,
    IntradayMode,
    LegacyPdtHooks,
    PatternDayTradeTracker,
)
from margin_rules.model import Side
from margin_rules.order_check import Figures
from margin_rules.rulesets import DayTradingOptions, PdtEquityPolicy, finra

D = dt.date
B, S = Side.BUY, Side.SELL


def round_trip(tracker: PatternDayTradeTracker, day: dt.date, symbol: str = "XYZ") -> None:
    tracker.record_execution(day, symbol, B, Decimal(10))
    assert tracker.record_execution(day, symbol, S, Decimal(10))


# =====================================================================================================================
# PatternDayTradeTracker
# =====================================================================================================================


def test_three_day_trades_are_not_a_pattern_four_are() -> None:
    t = PatternDayTradeTracker(finra())
    for day in (D(2026, 11, 23), D(2026, 11, 24), D(2026, 11, 25)):
        round_trip(t, day)
    assert t.day_trades_in_window(D(2026, 11, 25)) == 3
    assert not t.is_pattern_day_trader(D(2026, 11, 25))
    assert t.designated_on is None
    round_trip(t, D(2026, 11, 27))  # the early-close day after Thanksgiving is a business day
    assert t.day_trades_in_window(D(2026, 11, 27)) == 4
    assert t.is_pattern_day_trader(D(2026, 11, 27))
    assert t.designated_on == D(2026, 11, 27)


def test_window_edge_over_thanksgiving() -> None:
    # Window ending Fri 2026-11-27 = Nov 20, 23, 24, 25, 27 (Thanksgiving skipped): Nov 20 is inside.
    t = PatternDayTradeTracker(finra())
    round_trip(t, D(2026, 11, 20), "AAA")
    round_trip(t, D(2026, 11, 20), "BBB")
    round_trip(t, D(2026, 11, 27), "AAA")
    round_trip(t, D(2026, 11, 27), "BBB")
    assert t.window_counts(D(2026, 11, 27)) == (4, 8)
    assert t.is_pattern_day_trader(D(2026, 11, 27))


def test_window_edge_one_business_day_later_drops_the_oldest_day() -> None:
    t = PatternDayTradeTracker(finra())
    round_trip(t, D(2026, 11, 20), "AAA")
    round_trip(t, D(2026, 11, 20), "BBB")
    round_trip(t, D(2026, 11, 30), "AAA")
    round_trip(t, D(2026, 11, 30), "BBB")
    # window ending Mon Nov 30 = Nov 23, 24, 25, 27, 30: Nov 20 is out
    assert t.window_counts(D(2026, 11, 30)) == (2, 4)
    assert not t.is_pattern_day_trader(D(2026, 11, 30))


def test_window_over_year_end() -> None:
    t = PatternDayTradeTracker(finra())
    round_trip(t, D(2026, 12, 24), "AAA")
    round_trip(t, D(2026, 12, 24), "BBB")
    round_trip(t, D(2026, 12, 31), "AAA")
    assert t.day_trades_in_window(D(2026, 12, 31)) == 3  # Dec 24, 28, 29, 30, 31
    round_trip(t, D(2027, 1, 4), "AAA")
    # window ending Jan 4 = Dec 28, 29, 30, 31, Jan 4 (Christmas and New Year's Day closed): Dec 24 is out
    assert t.day_trades_in_window(D(2027, 1, 4)) == 2
    assert not t.is_pattern_day_trader(D(2027, 1, 4))


def test_overnight_positions_carry_over_and_are_exempt() -> None:
    t = PatternDayTradeTracker(finra())
    t.record_execution(D(2026, 11, 25), "XYZ", B, Decimal(100))
    assert not t.record_execution(D(2026, 11, 27), "XYZ", S, Decimal(100))  # held overnight: not a day trade
    assert t.day_trades(D(2026, 11, 27)) == 0
    assert t.trades(D(2026, 11, 27)) == 1


def test_start_day_with_the_accounts_positions() -> None:
    t = PatternDayTradeTracker(finra())
    t.start_day(D(2026, 11, 23), overnight={"xyz": Decimal(-50)})
    assert not t.record_execution(D(2026, 11, 23), "XYZ", B, Decimal(50))  # covers the overnight short: exempt
    assert not t.record_execution(D(2026, 11, 23), "XYZ", S, Decimal(50))  # flat: opens a new short
    assert t.record_execution(D(2026, 11, 23), "XYZ", B, Decimal(50))  # covers today's short: a day trade
    assert t.day_trades(D(2026, 11, 23)) == 1
    with pytest.raises(DomainError):
        t.start_day(D(2026, 11, 23))  # not after the current day
    with pytest.raises(DomainError):
        t.start_day(D(2026, 11, 26))  # Thanksgiving
    t.start_day(D(2026, 11, 24), overnight={"XYZ": Decimal(0), "ABC": Decimal(10)})
    assert not t.record_execution(D(2026, 11, 24), "ABC", S, Decimal(10))
    assert t.day_trades(D(2026, 11, 24)) == 0


def test_would_be_day_trade_changes_nothing() -> None:
    t = PatternDayTradeTracker(finra())
    t.record_execution(D(2026, 11, 23), "XYZ", B, Decimal(10))
    assert t.would_be_day_trade(D(2026, 11, 23), "XYZ", S, Decimal(1))
    assert not t.would_be_day_trade(D(2026, 11, 24), "XYZ", S, Decimal(1))  # next day: overnight shares
    assert t.trades(D(2026, 11, 23)) == 1 and t.day_trades(D(2026, 11, 23)) == 0


def test_would_become_pattern_day_trader_on_the_fourth() -> None:
    t = PatternDayTradeTracker(finra())
    for symbol in ("A", "B", "C"):
        round_trip(t, D(2026, 11, 24), symbol)
    t.record_execution(D(2026, 11, 24), "D", B, Decimal(1))
    assert t.would_become_pattern_day_trader(D(2026, 11, 24), "D", S, Decimal(1))
    assert not t.would_become_pattern_day_trader(D(2026, 11, 24), "D", B, Decimal(1))
    assert not t.is_pattern_day_trader(D(2026, 11, 24))


def test_six_percent_exception_in_the_window() -> None:
    t = PatternDayTradeTracker(finra())
    day = D(2026, 11, 24)
    for symbol in ("A", "B", "C", "D"):
        round_trip(t, day, symbol)  # 4 day trades, 8 trades
    assert t.is_pattern_day_trader(day)
    u = PatternDayTradeTracker(finra())
    for i in range(59):  # 59 opening trades first: 59 + 8 = 67 trades, 4 <= 6% x 67
        u.record_execution(day, f"S{i}", B, Decimal(1))
    for symbol in ("A", "B", "C", "D"):
        round_trip(u, day, symbol)
    assert u.window_counts(day) == (4, 67)
    assert not u.is_pattern_day_trader(day)
    v = PatternDayTradeTracker(finra(), exception_rate=None)
    for i in range(59):
        v.record_execution(day, f"S{i}", B, Decimal(1))
    for symbol in ("A", "B", "C", "D"):
        round_trip(v, day, symbol)
    assert v.is_pattern_day_trader(day)


def test_designation_is_sticky_until_cleared() -> None:
    t = PatternDayTradeTracker(finra())
    for symbol in ("A", "B", "C", "D"):
        round_trip(t, D(2026, 11, 23), symbol)
    assert t.is_pattern_day_trader(D(2026, 12, 15))  # long after the window
    t.clear_designation()
    assert not t.is_pattern_day_trader(D(2026, 12, 15))
    t.designate(D(2026, 12, 16))
    assert not t.is_pattern_day_trader(D(2026, 12, 15))
    assert t.is_pattern_day_trader(D(2026, 12, 16))


def test_equity_restriction_and_basis() -> None:
    t = PatternDayTradeTracker(finra())
    day = D(2026, 11, 24)
    assert t.basis(day, Decimal("24999.99")) is LegacyBasis.REG_T  # not a pattern day trader
    t.designate(day)
    assert t.equity_restricted(day, Decimal("24999.99"))
    assert not t.equity_restricted(day, Decimal("25000"))
    assert t.basis(day, Decimal("24999.99")) is LegacyBasis.EQUITY_RESTRICTED
    assert t.basis(day, Decimal("24999.99")).mode is Mode.REG_T  # 4210(f)(8)(B)(iv)(a) bars day trades, not margin
    assert t.basis(day, Decimal("25000")) is LegacyBasis.DAY_TRADING
    assert t.basis(D(2026, 11, 26), Decimal("25000")) is LegacyBasis.DAY_TRADING  # a holiday asks about the day before


def test_day_trading_call_lifecycle_across_thanksgiving() -> None:
    t = PatternDayTradeTracker(finra())
    day = D(2026, 11, 24)
    t.designate(day)
    assert t.issue_call(day, Decimal(30000), Decimal(20000), Decimal(10000)) is None  # exactly at DTBP
    call = t.issue_call(day, Decimal(30000), Decimal(20000), Decimal(12000))
    assert call is not None
    assert call.amount == Decimal(2000)
    assert call.due == D(2026, 12, 2)  # 25, 27, 30, Dec 1, Dec 2
    assert t.basis(D(2026, 12, 2), Decimal(30000)) is LegacyBasis.DAY_TRADING_CALL
    assert t.buying_power(D(2026, 12, 2), Decimal(30000), Decimal(20000)) == Decimal(20000)  # 2x
    assert t.basis(D(2026, 12, 3), Decimal(30000)) is LegacyBasis.CASH_AVAILABLE
    assert t.basis(D(2026, 12, 3), Decimal(30000)).mode is Mode.REG_T  # (iv)(c): restricted check, not cash mode
    assert t.buying_power(D(2026, 12, 3), Decimal(30000), Decimal(20000)) == Decimal(40000)
    # a partial deposit does not meet it; the rest does, ending the restriction
    assert t.meet_calls(D(2026, 12, 4), Decimal(1500)) == Decimal(0)
    assert t.basis(D(2026, 12, 4), Decimal(30000)) is LegacyBasis.CASH_AVAILABLE
    assert t.meet_calls(D(2026, 12, 7), Decimal(800)) == Decimal(300)
    assert t.calls[0].state(D(2026, 12, 7)) is DayTradingCallState.MET
    assert t.basis(D(2026, 12, 7), Decimal(30000)) is LegacyBasis.DAY_TRADING
    assert t.open_calls(D(2026, 12, 7)) == ()


def test_unmet_call_restricts_for_ninety_calendar_days() -> None:
    t = PatternDayTradeTracker(finra())
    t.designate(D(2026, 11, 24))
    t.issue_call(D(2026, 11, 24), Decimal(30000), Decimal(20000), Decimal(12000))
    # restriction from Dec 3 2026 for 90 calendar days: through Mar 2 2027
    assert t.basis(D(2027, 3, 2), Decimal(30000)) is LegacyBasis.CASH_AVAILABLE
    assert t.basis(D(2027, 3, 3), Decimal(30000)) is LegacyBasis.DAY_TRADING


def test_refused_calls_change_nothing() -> None:
    t = PatternDayTradeTracker(finra())
    t.record_execution(D(2026, 11, 24), "XYZ", B, Decimal(10))
    with pytest.raises(FloatRefusedError):
        t.record_execution(D(2026, 11, 24), "XYZ", S, 10.0)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        t.record_execution(D(2026, 11, 24), "XYZ", "hold", Decimal(1))
    with pytest.raises(DomainError):
        t.record_execution(D(2026, 11, 23), "XYZ", S, Decimal(10))  # the past
    with pytest.raises(DomainError):
        t.record_execution(D(2026, 11, 26), "XYZ", S, Decimal(10))  # Thanksgiving
    with pytest.raises(InvalidTypeError):
        t.record_execution(dt.datetime(2026, 11, 24, 10), "XYZ", S, Decimal(10))
    assert t.current_day == D(2026, 11, 24)
    assert t.trades(D(2026, 11, 24)) == 1
    assert t.record_execution(D(2026, 11, 24), "XYZ", S, Decimal(10))  # the state was untouched
    with pytest.raises(DomainError):
        t.meet_calls(D(2026, 11, 24), Decimal(-1))
    with pytest.raises(InvalidTypeError):
        PatternDayTradeTracker("finra")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=12), st.sampled_from(["A", "B"]), st.integers(-3, 3)),
        max_size=25,
    )
)
def test_window_counts_equal_the_sum_of_daily_counts(events: list[tuple[int, str, int]]) -> None:
    from margin_rules.live import calendar as cal

    t = PatternDayTradeTracker(finra())
    start = D(2026, 11, 20)
    for offset, symbol, qty in sorted(events, key=lambda e: e[0]):
        if qty == 0:
            continue
        t.record_execution(cal.add_business_days(start, offset), symbol, B if qty > 0 else S, Decimal(abs(qty)))
    if t.current_day is None:
        return
    end = t.current_day
    window = cal.business_day_window(end)
    assert t.window_counts(end) == (sum(t.day_trades(d) for d in window), sum(t.trades(d) for d in window))


# =====================================================================================================================
# IntradayMarginTracker
# =====================================================================================================================


def test_real_time_blocks_and_end_of_day_does_not() -> None:
    real = IntradayMarginTracker()
    assert real.mode is IntradayMode.REAL_TIME
    assert real.would_block(Decimal(100), Decimal(-1))
    assert real.would_block(Decimal(-10), Decimal(-11))
    assert not real.would_block(Decimal(100), Decimal(0))
    assert not real.would_block(Decimal(-10), Decimal(-5))
    eod = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY)
    assert not eod.would_block(Decimal(100), Decimal(-1))


def test_day_deficit_deadlines_and_de_minimis_from_the_worst_point() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY)
    day = D(2026, 11, 23)
    assert t.record_transaction(day, Decimal(500), Decimal(-400), Decimal(30000)) == Decimal(400)
    assert t.record_transaction(day, Decimal(-400), Decimal(2000), Decimal(32000)) == Decimal(400)
    assert t.record_transaction(day, Decimal(2000), Decimal(-1200), Decimal(30000)) == Decimal(1200)
    deficit = t.close_day(day)
    assert deficit is not None
    assert deficit.amount == Decimal(1200)
    assert deficit.equity == Decimal(30000)
    assert not deficit.de_minimis  # 1,200 > min(1,500, 1,000)
    assert deficit.fifth_business_day == D(2026, 12, 1)
    assert deficit.fifteenth_business_day == D(2026, 12, 15)
    assert t.day_deficit(day) == Decimal(1200)
    assert t.outstanding(D(2026, 12, 15)) == (deficit,)
    assert t.outstanding(D(2026, 12, 16)) == ()
    assert t.expired(D(2026, 12, 16)) == (deficit,)


def test_unordered_batch_takes_the_worst_order() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY)
    day = D(2026, 12, 31)
    deficit = t.record_unordered(day, Decimal(1000), [Decimal(3000), Decimal(-2500), Decimal(-1000)], Decimal(8000))
    assert deficit == Decimal(2500)
    closed = t.close_day(day)
    assert closed is not None
    assert closed.fifth_business_day == D(2027, 1, 8)  # Jan 4, 5, 6, 7, 8 (New Year's Day closed)


def test_de_minimis_deficit_never_makes_a_practice() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY, practice=PracticeRule(misses=1))
    day = D(2026, 11, 23)
    t.record_transaction(day, Decimal(0), Decimal(-500), Decimal(10000))  # 500 = 5% of 10,000: de minimis
    closed = t.close_day(day)
    assert closed is not None and closed.de_minimis
    assert not t.restricted(D(2026, 12, 2))
    assert t.misses == ()


def test_practice_restriction_ninety_calendar_days() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY, practice=PracticeRule(misses=1))
    day = D(2026, 11, 23)
    t.record_transaction(day, Decimal(0), Decimal("-500.01"), Decimal(10000))  # one cent over 5%: counts
    t.close_day(day)
    assert not t.restricted(D(2026, 12, 1))  # the 5th business day itself: still in time
    assert t.restricted(D(2026, 12, 2))  # restriction from the day after the 5th business day
    assert t.restriction_until == D(2027, 3, 2)  # Dec 2 + 90 calendar days (exclusive)
    assert t.restricted(D(2027, 3, 1))
    assert not t.restricted(D(2027, 3, 2))


def test_satisfied_by_the_fifth_business_day_is_no_miss() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY, practice=PracticeRule(misses=1))
    day = D(2026, 11, 23)
    t.record_transaction(day, Decimal(0), Decimal(-2000), Decimal(10000))
    t.close_day(day)
    assert t.satisfy(D(2026, 11, 30), Decimal(1500)) == Decimal(0)
    assert t.satisfy(D(2026, 12, 1), Decimal(600)) == Decimal(100)  # met on the 5th business day
    assert t.status(t.deficits[0], D(2026, 12, 2)) is DeficitStatus.SATISFIED
    assert not t.restricted(D(2026, 12, 2))
    assert t.outstanding(D(2026, 12, 2)) == ()


def test_default_practice_needs_three_misses() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY)
    days = [D(2026, 11, 23), D(2026, 11, 24), D(2026, 11, 25)]
    for day in days:
        t.record_transaction(day, Decimal(0), Decimal(-2000), Decimal(10000))  # opens the next day automatically
    t.close_day(days[-1])
    assert len(t.deficits) == 3
    # 5th business days: Dec 1, Dec 2, Dec 3 (Thanksgiving skipped); each is missed the day after
    assert not t.restricted(D(2026, 12, 2))
    assert t.misses == (D(2026, 12, 1),)
    assert not t.restricted(D(2026, 12, 3))  # Dec 1 and Dec 2 missed
    assert t.restricted(D(2026, 12, 4))  # third miss: Dec 3 -> restricted from Dec 4
    assert t.restriction_until == D(2027, 3, 4)


def test_intraday_refusals_change_nothing() -> None:
    t = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY)
    day = D(2026, 11, 24)
    t.record_transaction(day, Decimal(0), Decimal(-100), Decimal(50000))
    with pytest.raises(FloatRefusedError):
        t.record_transaction(day, Decimal(0), -200.0, Decimal(50000))  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        t.record_transaction(D(2026, 11, 26), Decimal(0), Decimal(-200), Decimal(1))  # Thanksgiving
    with pytest.raises(DomainError):
        t.record_transaction(D(2026, 11, 23), Decimal(0), Decimal(-200), Decimal(1))  # the past
    with pytest.raises(InvalidTypeError):
        t.record_unordered(day, Decimal(0), "-5", Decimal(1))
    assert t.day_deficit(day) == Decimal(100)
    t.close_day(day)
    with pytest.raises(DomainError):
        t.record_transaction(day, Decimal(0), Decimal(-1), Decimal(1))  # already closed
    with pytest.raises(DomainError):
        t.satisfy(day, Decimal(-1))
    with pytest.raises(DomainError):
        IntradayMarginTracker(restriction_days=0)


# =====================================================================================================================
# Adapters for MarginAccount's DayTradingHooks protocol
# =====================================================================================================================


def figs(
    equity: int, maintenance: int, prior_equity: int | None = None, prior_maintenance: int | None = None
) -> Figures:
    return Figures(
        cash=Decimal(equity),
        long_market_value=Decimal(0),
        short_market_value=Decimal(0),
        maintenance=Decimal(maintenance),
        initial=Decimal(maintenance),
        prior_equity=None if prior_equity is None else Decimal(prior_equity),
        prior_maintenance=None if prior_maintenance is None else Decimal(prior_maintenance),
    )


def test_hooks_satisfy_the_account_protocol() -> None:
    legacy: DayTradingHooks = LegacyPdtHooks(finra())
    intraday: DayTradingHooks = IntradayMarginHooks(finra())
    assert legacy.check_transaction(figs(1, 0), figs(0, 5), "fill") is None
    assert intraday.restriction(figs(1, 0)) is None


def test_intraday_hooks_real_time_block_and_end_of_day_record() -> None:
    hooks = IntradayMarginHooks(finra())
    assert hooks.check_transaction(figs(10000, 9000), figs(10000, 11000), "fill") is not None
    assert hooks.check_transaction(figs(10000, 9000), figs(10000, 10000), "fill") is None  # level exactly 0
    eod = IntradayMarginHooks(finra(), IntradayMarginTracker(mode=IntradayMode.END_OF_DAY))
    assert eod.check_transaction(figs(10000, 9000), figs(10000, 11000), "fill") is None
    day = D(2026, 11, 25)
    eod.on_fill(day, "XYZ", B, Decimal(10), figs(10000, 9000), figs(10000, 11000))
    eod.on_transfer(day, Decimal(500), figs(10000, 11000), figs(10500, 11000))  # same day: not a satisfaction
    eod.end_of_day(day, D(2026, 11, 27), figs(10500, 11000))
    (deficit,) = eod.tracker.deficits
    assert deficit.amount == Decimal(1000) and deficit.remaining == Decimal(1000)
    assert deficit.fifth_business_day == D(2026, 12, 3)  # 27, 30, Dec 1, 2, 3
    eod.on_transfer(D(2026, 11, 27), Decimal(1000), figs(10500, 11000), figs(11500, 11000))
    assert eod.tracker.deficits[0].satisfied_on == D(2026, 11, 27)


def test_legacy_hooks_pdt_restriction_mode_and_call() -> None:
    hooks = LegacyPdtHooks(finra())
    day = D(2026, 11, 24)
    for symbol in ("A", "B", "C", "D"):  # four round trips of 1,000 shares at $25: $100,000 of day trades
        hooks.on_fill(day, symbol, B, Decimal(1000), figs(30000, 0), figs(30000, 25000), price=Decimal(25))
        hooks.on_fill(day, symbol, S, Decimal(1000), figs(30000, 25000), figs(30000, 0), price=Decimal(25))
    assert hooks.tracker.is_pattern_day_trader(day)
    assert hooks.restriction(figs(30000, 0)) is None
    assert hooks.mode(Mode.REG_T, figs(30000, 0)) is Mode.LEGACY_DAY_TRADING
    # 4210(f)(8)(B)(iv)(a): under $25,000 a pattern day trader "will not be permitted to day trade": no restriction of
    # the whole account by default (overnight margin stays); the order that would complete a day trade is refused.
    assert hooks.restriction(figs(24999, 0)) is None
    hooks.on_fill(day, "E", B, Decimal(1), figs(24999, 0), figs(24999, 0), price=Decimal(10))
    assert hooks.order_refusal(figs(24999, 0), "E", S, Decimal(1)) is not None
    assert hooks.order_refusal(figs(24999, 0), "F", B, Decimal(1)) is None  # an opening trade is no day trade
    assert hooks.order_refusal(figs(25000, 0), "E", S, Decimal(1)) is None
    cash_basis = finra().with_options(
        day_trading=DayTradingOptions().replace("house option", pdt_equity_policy=PdtEquityPolicy.CASH_BASIS)
    )
    house = LegacyPdtHooks(cash_basis, hooks.tracker)
    house.start(day)
    assert house.restriction(figs(24999, 0)) is not None
    # 4210(f)(8)(B)(iv)(b): the call is the special maintenance deficiency on the cost of all the day's day trades:
    # 25% x ($100,000 - 4 x (30,000 - 10,000)) = $5,000.
    hooks.end_of_day(day, D(2026, 11, 25), figs(30000, 0, 30000, 10000))
    (call,) = hooks.tracker.calls
    assert call.amount == Decimal(5000) and call.due == D(2026, 12, 2)
    hooks.on_transfer(D(2026, 11, 25), Decimal(5000), figs(30000, 0), figs(35000, 0))
    assert hooks.tracker.calls[0].met_on == D(2026, 11, 25)
