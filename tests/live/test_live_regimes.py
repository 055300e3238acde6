"""The account's mode follows the rule set's day-trading regime, through the day-trading engineer's trackers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from margin_rules.buying_power import Mode
from margin_rules.errors import RefusedError
from margin_rules.live.account import MarginAccount
from margin_rules.live.daytrading import IntradayMarginHooks, LegacyPdtHooks
from margin_rules.model import Order, Position, Side
from margin_rules.rulesets import DayTradingOptions, DayTradingRegime, PdtEquityPolicy, finra

SESSION = dt.date(2026, 11, 20)
LEGACY = finra().with_options(day_trading_regime=DayTradingRegime.LEGACY_PDT)


def _day_trades(account: MarginAccount, n: int) -> list[Mode]:
    modes = []
    for i in range(n):
        account.reserve(f"b{i}", Order("AAPL", Side.BUY, 10, "100"))
        account.confirm(f"b{i}", 10, "100")
        account.reserve(f"s{i}", Order("AAPL", Side.SELL, 10, "100"))
        account.confirm(f"s{i}", 10, "100")
        modes.append(account.current_mode())
    return modes


@pytest.mark.parametrize(("cash", "after"), [("20000", Mode.REG_T), ("30000", Mode.LEGACY_DAY_TRADING)])
def test_legacy_pdt_four_day_trades(cash: str, after: Mode) -> None:
    account = MarginAccount(LEGACY, cash, session=SESSION)
    assert isinstance(account._day_trading, LegacyPdtHooks)
    # FINRA 4210(f)(8)(B)(iv)(a): under $25,000 a pattern day trader may not day trade but keeps Reg T margin (seed 000
    # moved the whole account to cash: the wrong reading); at or above, day-trading buying power.
    assert _day_trades(account, 4) == [Mode.REG_T, Mode.REG_T, Mode.REG_T, after]


def test_legacy_pdt_under_25000_keeps_reg_t_and_is_refused_day_trades() -> None:
    account = MarginAccount(LEGACY, "20000", session=SESSION)
    _day_trades(account, 4)
    assert account.current_mode() is Mode.REG_T
    account.reserve("big", Order("MSFT", Side.BUY, 100, "300"))  # $30,000 on Reg T margin (2 x $20,000 of excess)
    account.confirm("big", 100, "300")
    with pytest.raises(RefusedError) as err:  # selling it today would complete a day trade (4210(f)(8)(B)(iv)(a))
        account.reserve("dt", Order("MSFT", Side.SELL, 100, "300"))
    assert err.value.reason == "day_trade_barred"
    account.end_of_day()
    account.reserve("next", Order("MSFT", Side.SELL, 100, "300"))  # held overnight: closing it is no day trade


def test_legacy_pdt_under_25000_cash_basis_is_the_restricted_check() -> None:
    rules = LEGACY.with_options(
        day_trading=DayTradingOptions().replace("house option", pdt_equity_policy=PdtEquityPolicy.CASH_BASIS)
    )
    account = MarginAccount(rules, "20000", session=SESSION)
    _day_trades(account, 4)
    with pytest.raises(RefusedError) as err:
        account.reserve("big", Order("MSFT", Side.BUY, 100, "300"))  # $30,000 > $20,000 of net credit
    assert err.value.reason == "restricted_account"
    with pytest.raises(RefusedError) as err:
        account.reserve("short", Order("MSFT", Side.SELL_SHORT, 1, "300"))  # no new short, whatever the cash
    assert err.value.reason == "restricted_account"
    account.reserve("small", Order("MSFT", Side.BUY, 60, "300"))  # $18,000 paid from the credit


def test_legacy_day_trading_buying_power_from_prior_close() -> None:
    account = MarginAccount(LEGACY, "30000", session=SESSION)
    _day_trades(account, 4)
    assert account.current_mode() is Mode.LEGACY_DAY_TRADING
    # 4 x (prior equity 30,000 - prior maintenance 0) = 120,000 at 25%: a maintenance budget of 30,000, of which the
    # day's four $1,000 purchases used 4 x $250 (aggregate method, 4210(f)(8)(B)(iv): the budget is for the day).
    assert account.available() == Decimal(29000)
    account.reserve("dt", Order("MSFT", Side.BUY, 400, "290"))  # 116,000 notional, 29,000 maintenance
    with pytest.raises(RefusedError) as err:
        account.reserve("dt2", Order("MSFT", Side.BUY, 1, "300"))
    assert err.value.reason == "insufficient_buying_power" and err.value.figures["remaining"] == 0


def test_intraday_regime_blocks_orders_that_would_create_a_deficit() -> None:
    account = MarginAccount(finra(), "-5000", [Position("AAPL", 100, "100")], session=SESSION)
    assert isinstance(account._day_trading, IntradayMarginHooks)
    assert account.current_mode() is Mode.INTRADAY
    level = account.available()
    assert level == Decimal(5000) - Decimal(2500)  # equity - maintenance
    account.reserve("ok", Order("MSFT", Side.BUY, 100, "100"))  # maintenance 2,500: the level reaches 0
    with pytest.raises(RefusedError) as err:
        account.reserve("deficit", Order("MSFT", Side.BUY, 1, "100"))
    assert err.value.reason == "insufficient_buying_power"
    account.confirm("ok", 100, "100")
    account.end_of_day()
    assert account.state()["day_trading"]["deficits"] == ()


def test_cash_account_has_no_day_trading_tracker() -> None:
    assert MarginAccount(finra(), "1", mode=Mode.CASH, session=SESSION)._day_trading is None
    assert MarginAccount(finra(), "1", session=SESSION, day_trading=False)._day_trading is None
