"""Integration gaps between MarginAccount and the day-trading trackers, the money bounds and the order check.

One test (or group) per reported gap; each fails on the code before its fix:

1. intraday END_OF_DAY mode: no real-time intraday block; orders checked in Reg T mode; deficits recorded;
2. legacy PDT: 2x day-trading buying power while a day-trading call is open;
3. the 90-day intraday restriction refuses new or larger debit or short positions;
4. the session defaults to the exchange's business day through an injectable ``today``;
6. cash-like amounts take up to MAX_AMOUNT_PLACES (20) places, as the core's Account;
7. the order check's 4210(b)(1) minimum equity comes from ``formulas.opening_minimum_equity``.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from decimal import Decimal

import pytest

from margin_rules import formulas
from margin_rules.buying_power import Mode, order_fits
from margin_rules.daytrading import PracticeRule
from margin_rules.errors import OutOfBoundsError, RefusedError
from margin_rules.live import account as account_module
from margin_rules.live import calendar
from margin_rules.live.account import MarginAccount
from margin_rules.live.daytrading import IntradayMarginHooks, IntradayMarginTracker, IntradayMode, LegacyPdtHooks
from margin_rules.model import Account, Order, Position, Side
from margin_rules.money import MAX_AMOUNT_PLACES
from margin_rules.order_check import Figures, check_order
from margin_rules.rulesets import DayTradingRegime, finra

D = dt.date
SESSION = D(2026, 11, 20)  # a Friday
LEGACY = finra().with_options(day_trading_regime=DayTradingRegime.LEGACY_PDT)


def _eod_account(cash: str, positions: list[Position]) -> MarginAccount:
    hooks = IntradayMarginHooks(finra(), IntradayMarginTracker(mode=IntradayMode.END_OF_DAY))
    return MarginAccount(finra(), cash, positions, session=SESSION, day_trading=hooks)


# --- 1. intraday END_OF_DAY mode --------------------------------------------------------------------------------


def test_end_of_day_mode_checks_orders_in_reg_t_not_against_the_intraday_level() -> None:
    real_time = MarginAccount(finra(), "-5000", [Position("AAPL", 100, "100")], session=SESSION)
    eod = _eod_account("-5000", [Position("AAPL", 100, "100")])
    assert real_time.current_mode() is Mode.INTRADAY
    assert (
        eod.current_mode() is Mode.REG_T
    )  # no real-time intraday block: the ordinary Reg T check (220.12, 4210(b)(1))
    # equity 5,000; maintenance 2,500; initial 5,000: the intraday level is 2,500, the Reg T excess 0.
    assert real_time.available() == Decimal(2500)
    assert eod.available() == Decimal(0)
    order = Order("MSFT", Side.BUY, 100, "100")  # maintenance 2,500, initial 5,000
    real_time.reserve("o", order)
    with pytest.raises(RefusedError) as err:
        eod.reserve("o", order)
    assert err.value.figures["mode"] == "reg_t"
    assert eod.check(order).reason == "insufficient buying power"  # Reg T, not "intraday_deficit"


def test_end_of_day_mode_never_blocks_a_transaction_and_records_the_deficit() -> None:
    account = _eod_account("20000", [])
    hooks = account._day_trading
    assert isinstance(hooks, IntradayMarginHooks)
    account.reserve("a", Order("XYZ", Side.BUY, 200, "100"))  # initial 10,000 of the 20,000 Reg T excess
    account.confirm("a", 200, "100")
    account.reserve("b", Order("ABC", Side.BUY, 200, "100"))  # initial 10,000: exactly the Reg T excess left
    account.confirm("b", 200, "400")  # a gap: filled at 400, maintenance 20,000 more on unchanged equity
    figures = account.figures()
    assert (figures.equity, figures.maintenance) == (Decimal(20000), Decimal(25000))  # level -5,000
    # END_OF_DAY: the hooks never block (the real-time block is off) and the day's deficit is recorded.
    assert hooks.check_transaction(figures, figures, "withdraw") is None
    assert hooks.check_transaction(account.figures(), _lower(figures), "fill") is None
    assert hooks.tracker.day_deficit(SESSION) == Decimal(5000)
    with pytest.raises(RefusedError) as err:
        account.withdraw("1")  # the withdrawal rule (4210(b), 220.4(e)) still applies
    assert err.value.reason == "withdrawal_exceeds_maximum"
    account.end_of_day()
    (deficit,) = hooks.tracker.deficits
    assert deficit.day == SESSION and deficit.amount == Decimal(5000)
    assert deficit.fifth_business_day == calendar.intraday_deficit_deadlines(SESSION)[0]


def _lower(figures: Figures) -> Figures:
    return Figures(figures.cash - 1000, figures.long_market_value, figures.short_market_value, figures.maintenance,
                   figures.initial)  # fmt: skip


def test_real_time_mode_still_blocks_in_the_intraday_budget() -> None:
    account = MarginAccount(finra(), "10000", session=SESSION)
    assert account.current_mode() is Mode.INTRADAY
    assert account.available() == Decimal(10000)
    account.reserve("ok", Order("XYZ", Side.BUY, 400, "100"))  # maintenance 10,000: level exactly 0
    with pytest.raises(RefusedError):
        account.reserve("no", Order("XYZ", Side.BUY, 1, "100"))


# --- 2. legacy PDT: 2x while a day-trading call is open -----------------------------------------------------------


def _pdt_with_open_call() -> tuple[MarginAccount, LegacyPdtHooks]:
    account = MarginAccount(LEGACY, "30000", session=SESSION)
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    for i in range(4):
        account.reserve(f"b{i}", Order("AAPL", Side.BUY, 10, "100"))
        account.confirm(f"b{i}", 10, "100")
        account.reserve(f"s{i}", Order("AAPL", Side.SELL, 10, "100"))
        account.confirm(f"s{i}", 10, "100")
    assert account.current_mode() is Mode.LEGACY_DAY_TRADING
    # The day's four $1,000 purchases used $1,000 of the 30,000 maintenance budget (4210(f)(8)(B)(iv), aggregate).
    account.reserve("big", Order("MSFT", Side.BUY, 400, "290"))  # maintenance 29,000 = what is left
    account.confirm("big", 400, "300")  # filled higher (a fill is a fact): its maintenance is 30,000
    account.reserve("out", Order("MSFT", Side.SELL, 400, "300"))
    account.confirm("out", 400, "300")
    account.end_of_day()
    (call,) = hooks.tracker.calls
    # 4210(f)(8)(B)(iv)(b): 25% of the cost of all the day's day trades ($124,000) - the excess (30,000) = 1,000.
    assert call.amount == Decimal(1000)
    return account, hooks


def test_open_day_trading_call_limits_buying_power_to_two_times() -> None:
    account, hooks = _pdt_with_open_call()
    session = account.session
    figures = account.figures()
    assert (figures.prior_equity, figures.prior_maintenance) == (Decimal(30000), Decimal(0))
    assert account.current_mode() is Mode.LEGACY_DAY_TRADING
    assert hooks.tracker.buying_power(session, figures.prior_equity, figures.prior_maintenance) == Decimal(60000)
    # 2 x 30,000 = 60,000 of 25% stock: a maintenance budget of 15,000 (4x would be 30,000).
    assert account.available() == Decimal(15000)
    with pytest.raises(RefusedError) as err:
        account.reserve("too_big", Order("MSFT", Side.BUY, 201, "300"))  # 60,300 > 60,000
    assert err.value.reason == "insufficient_buying_power"
    account.reserve("fits", Order("MSFT", Side.BUY, 200, "300"))  # exactly 60,000
    assert account.available() == Decimal(0)
    with pytest.raises(RefusedError):
        account.reserve("one_more", Order("AAPL", Side.BUY, 1, "1"))
    account.release("fits")
    # Meeting the call restores 4x (the prior-close figures do not move with the deposit).
    account.deposit("1000")
    assert account.available() == Decimal(30000)
    account.reserve("again", Order("MSFT", Side.BUY, 400, "300"))


def test_two_times_limit_is_exact_for_a_multiplier_that_does_not_divide() -> None:
    rules = LEGACY.with_rates("test: multiplier 3", day_trading_multiplier=Decimal(3))
    account = MarginAccount(rules, "30000", session=SESSION)
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    hooks.tracker.designate(SESSION)
    hooks.tracker.issue_call(SESSION, "30000", "0", "40000")
    assert account.current_mode() is Mode.LEGACY_DAY_TRADING
    # budget: 30,000 x 2/3 = 20,000 maintenance dollars exactly; the decision cross-multiplies.
    account.reserve("fits", Order("MSFT", Side.BUY, 2666, "30"))  # maintenance 19,995
    assert account.check(Order("MSFT", Side.BUY, 1, "20")).fits  # 5 = exactly what is left
    assert not account.check(Order("MSFT", Side.BUY, 1, "20.0000000001")).fits
    account.reserve("exactly_what_is_left", Order("MSFT", Side.BUY, 1, "20"))
    assert account.available() == Decimal(0)
    account.confirm("fits", 2666, "30")
    assert account.check(Order("MSFT", Side.SELL, 2666, "30")).fits  # closing orders always fit


# --- 3. the 90-day intraday restriction ---------------------------------------------------------------------------


def _restricted_account(cash: str, positions: list[Position]) -> MarginAccount:
    tracker = IntradayMarginTracker(mode=IntradayMode.END_OF_DAY, practice=PracticeRule(misses=1))
    deficit_day = D(2026, 11, 2)
    tracker.record_transaction(deficit_day, "0", "-5000", "20000")  # 5,000 > min(5% x 20,000, 1,000)
    tracker.close_day(deficit_day)
    assert tracker.restricted(SESSION)
    hooks = IntradayMarginHooks(finra(), tracker)
    account = MarginAccount(finra(), cash, positions, session=SESSION, day_trading=hooks)
    assert hooks.restriction(account.figures()) is not None  # known from the first call: no event needed
    return account


def test_restriction_refuses_opening_shorts_even_when_cash_would_cover_them() -> None:
    account = _restricted_account("100000", [Position("AAPL", 10, "100")])
    # FINRA 4210(d)(2): "no new or larger ... short position": its own check and reason, not cash mode.
    assert account.current_mode() is Mode.REG_T  # the END_OF_DAY tracker's mode; the restriction does not change it
    with pytest.raises(RefusedError) as err:
        account.reserve("short", Order("TSLA", Side.SELL_SHORT, 1, "10"))  # $10 against $100,000 of cash
    assert err.value.reason == "restricted_account" and "short position" in str(err.value)
    with pytest.raises(RefusedError):
        account.reserve("flip", Order("AAPL", Side.SELL, 11, "100"))  # closes 10, opens a 1-share short
    account.reserve("close", Order("AAPL", Side.SELL, 10, "100"))  # a closing sale stays allowed


def test_restriction_refuses_any_purchase_that_would_create_or_increase_a_debit() -> None:
    account = _restricted_account("1000", [])
    with pytest.raises(RefusedError):
        account.reserve("debit", Order("XYZ", Side.BUY, 11, "100"))  # $1,100 > $1,000: a new debit
    account.reserve("paid", Order("XYZ", Side.BUY, 10, "100"))  # paid in full
    with pytest.raises(RefusedError):
        account.reserve("more", Order("XYZ", Side.BUY, 1, "0.01"))  # the $1,000 is held for the first order
    debit = _restricted_account("-500", [Position("AAPL", 100, "100")])
    with pytest.raises(RefusedError):
        debit.reserve("larger", Order("XYZ", Side.BUY, 1, "0.01"))  # any purchase would increase the debit
    debit.reserve("reduce", Order("AAPL", Side.SELL, 10, "100"))


# --- 4. the session default and the clock -------------------------------------------------------------------------


def test_session_default_is_the_business_day_on_or_after_the_injected_today() -> None:
    saturday = D(2026, 11, 21)
    account = MarginAccount(finra(), "1000", today=lambda: saturday)
    assert account.session == D(2026, 11, 23)
    thanksgiving = D(2026, 11, 26)
    assert MarginAccount(LEGACY, "1000", today=lambda: thanksgiving).session == D(2026, 11, 27)
    # the trackers accept the default session (they refuse non-business days)
    account.reserve("b", Order("XYZ", Side.BUY, 1, "10"))
    account.confirm("b", 1, "10")
    account.end_of_day()
    assert account.session == D(2026, 11, 24)


def test_account_reads_clocks_only_through_its_injected_callables() -> None:
    source = inspect.getsource(account_module)
    # No direct clock read: no call of time.*(), date.today(), datetime.now() / utcnow() anywhere in the module.
    assert re.findall(r"\btime\.\w+\(|\.today\(|\.now\(|\.utcnow\(", source) == []
    ticks = iter(range(1000))
    account = MarginAccount(finra(), "1000", today=lambda: D(2026, 11, 20), clock=lambda: float(next(ticks)))
    account.update_prices({"XYZ": "1"})
    assert account.session == D(2026, 11, 20)
    # the default "today" is the exchange's date (New York), not the machine's
    assert calendar.exchange_today(dt.datetime(2026, 11, 21, 3, 0, tzinfo=dt.UTC)) == D(2026, 11, 20)
    assert calendar.exchange_today(dt.datetime(2026, 11, 21, 5, 0, tzinfo=dt.UTC)) == D(2026, 11, 21)


# --- 6. money bounds ----------------------------------------------------------------------------------------------


def test_cash_like_amounts_take_the_core_amount_places() -> None:
    cash = "1000.12345678901234567"  # 17 places, as Alpaca reports balances; the core's Account accepts it
    assert Account(cash).cash == Decimal(cash)
    account = MarginAccount(finra(), cash, session=SESSION, sma="1.5" + "0" * 18 + "1", prior_equity=cash)
    assert account.figures().cash == Decimal(cash)
    before = account.state()
    account.deposit("0." + "0" * 19 + "1")  # 20 places
    with pytest.raises(OutOfBoundsError) as err:
        account.deposit("0." + "0" * 20 + "1")  # 21 places: refused, naming the field
    assert err.value.field == "amount"
    assert account.state()["cash"] == before["cash"] + Decimal("1e-20")


def test_fractional_fill_cash_of_more_than_ten_places_is_applied() -> None:
    account = MarginAccount(finra(), "10000", session=SESSION)
    account.reserve("f", Order("XYZ", Side.BUY, Decimal("0.5"), "100.1234567891"))
    fill = account.confirm("f", Decimal("0.5"), "100.1234567891")  # notional 50.06172839455 (11 places)
    assert fill.cash_after == Decimal("10000") - Decimal("50.06172839455")
    account.check_drift()
    with pytest.raises(OutOfBoundsError):
        MarginAccount(finra(), "1." + "0" * MAX_AMOUNT_PLACES + "1", session=SESSION)


# --- 7. one place for the 4210(b)(1) minimum equity ---------------------------------------------------------------


def test_order_check_takes_the_minimum_equity_from_the_formula(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, Decimal]] = []
    original = formulas.opening_minimum_equity

    def spy(ar, r, is_purchase, opening_cost):  # type: ignore[no-untyped-def]
        seen.append((is_purchase, opening_cost))
        return original(ar, r, is_purchase, opening_cost)

    monkeypatch.setattr(formulas, "opening_minimum_equity", spy)
    rules = finra()
    account = MarginAccount(rules, "1500", session=SESSION, day_trading=False, mode=Mode.REG_T)
    decision = account.check(Order("XYZ", Side.BUY, 10, "100"))
    assert seen == [(True, Decimal(1000))]
    assert decision.terms.minimum_equity == Decimal(1000)  # min($2,000, cost)
    short = account.check(Order("XYZ", Side.SELL_SHORT, 1, "10"))
    assert short.terms.minimum_equity == Decimal(2000) and not short.fits
    expected = order_fits(Account("1500"), Order("XYZ", Side.SELL_SHORT, 1, "10"), rules, Mode.REG_T)
    assert (short.fits, short.reason) == (expected.fits, expected.reason)
    assert check_order(rules, account.figures(), Mode.REG_T, "XYZ", Side.BUY, Decimal(1), Decimal(5), Decimal(0),
                       True, Decimal(1)).terms.minimum_equity == Decimal(5)  # fmt: skip


# --- legacy hooks across sessions -----------------------------------------------------------------------------------


def test_legacy_hooks_track_fills_on_the_session_after_an_end_of_day() -> None:
    # end_of_day moves the hooks to the next session; its first fill must start that day's commitment afresh
    # (it used to find no opening maintenance and fail an assertion, or a None subtraction under python -O).
    account = MarginAccount(LEGACY, "30000", session=SESSION)
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    account.end_of_day()
    account.reserve("b", Order("XYZ", Side.BUY, 10, "100"))
    account.confirm("b", 10, "100")
    assert hooks.state()["budget"].opened == Decimal(250)  # 25% of the $1,000 opening purchase
    assert hooks.tracker.day_trades(account.session) == 0
