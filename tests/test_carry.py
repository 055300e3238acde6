"""Cost of carry: brokers' published conventions as worked examples, each checked against a plain oracle (fractions)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as Fr

import pytest

from margin_rules.carry import (
    CarryRates,
    ChargeKind,
    Dividend,
    RateTier,
    TierMode,
    accrue,
    alpaca_rates,
    carry_series,
    daily_carry,
    ibkr_pro_rates,
    order_daily_carry,
    user_rates,
)
from margin_rules.errors import DomainError, FloatRefusedError
from margin_rules.model import Account, Position

FRI, SAT, MON, TUE = dt.date(2026, 12, 4), dt.date(2026, 12, 5), dt.date(2026, 12, 7), dt.date(2026, 12, 8)


def test_alpaca_daily_interest_formula() -> None:
    """Alpaca support: "daily margin interest charge = (settlement date debit balance * 0.0375) / 360"."""
    statement = accrue(Account(D(-36000)), alpaca_rates(), TUE, TUE + dt.timedelta(days=1))
    (line,) = statement.lines
    assert line.kind is ChargeKind.MARGIN_INTEREST and line.days == 1
    assert Fr(line.amount) == -Fr(36000) * Fr(375, 10000) / 360 == -Fr(15, 4)  # -$3.75 a day


def test_friday_accrues_the_weekend() -> None:
    """Alpaca "Short selling fees": a position held as of a Friday settlement date incurs 3 days (Fri, Sat, Sun); the
    same convention for interest (rulebook digest 11)."""
    account = Account(D(-36000), (Position("TSLA", -100, D("250")),))
    statement = accrue(account, alpaca_rates(borrow_default_rate="0.025"), FRI, TUE)
    interest = [line for line in statement.lines if line.kind is ChargeKind.MARGIN_INTEREST]
    assert [(line.date, line.days) for line in interest] == [(FRI, 3), (MON, 1)]
    fees = [line for line in statement.lines if line.kind is ChargeKind.BORROW_FEE]
    assert [line.days for line in fees] == [3, 1]
    # oracle: (25,000 x 2.5%) / 360 per day, 4 days
    assert Fr(sum(line.exact for line in fees)) == 25000 * Fr(25, 1000) * 4
    assert Fr(statement.total_of(ChargeKind.MARGIN_INTEREST)) == -Fr(36000) * Fr(375, 10000) / 360 * 4


def test_holidays_come_from_the_caller() -> None:
    """With a calendar passed in (Monday a holiday), Friday accrues 4 days."""
    statement = accrue(Account(D(-36000)), alpaca_rates(), FRI, TUE + dt.timedelta(days=1), business_days=[FRI, TUE])
    assert [(line.date, line.days) for line in statement.lines] == [(FRI, 4), (TUE, 1)]


def test_alpaca_borrow_fee_on_the_nearest_round_lot() -> None:
    """Alpaca forum (staff): shorting 1 AAPL at $205 is charged on 100 shares: $20,500 x 2.5% / 360 = $1.42 a day."""
    statement = accrue(Account(D(1000), (Position("AAPL", -1, D("205")),)), alpaca_rates(), TUE, TUE + dt.timedelta(1))
    (fee,) = statement.lines
    assert fee.basis == 20500
    assert Fr(fee.exact) / 360 == Fr(20500) * Fr(25, 1000) / 360
    assert round(-fee.amount, 2) == D("1.42")


def test_hard_to_borrow_rate_per_symbol() -> None:
    rates = user_rates("0.05", borrow_default_rate="0.003").__class__(
        "user", (RateTier(D(0), None, D("0.05")),), borrow_default_rate=D("0.003"), borrow_rates={"gme": D("0.80")}
    )
    account = Account(D(50000), (Position("GME", -100, D("20")), Position("KO", -100, D("60"))))
    fees = {line.symbol: line for line in accrue(account, rates, TUE, TUE + dt.timedelta(1)).lines}
    assert Fr(fees["GME"].exact) == Fr(2000) * Fr(80, 100)
    assert Fr(fees["KO"].exact) == Fr(6000) * Fr(3, 1000)


def test_ibkr_blended_tiers() -> None:
    """IBKR "Margin Rates & Financing": blended tiers; the published row 'USD 0 <= 100,000 6.830% (BM + 1.5%)'
    implies BM = 5.33%. A 1,500,000 debit: 100,000 at 6.83%, 900,000 at 6.33%, 500,000 at 6.08%."""
    rates = ibkr_pro_rates("0.0533")
    assert rates.margin_tiers[0].annual_rate == D("0.0683")
    (line,) = accrue(Account(D(-1500000)), rates, TUE, TUE + dt.timedelta(1)).lines
    oracle = Fr(100000) * Fr(683, 10000) + Fr(900000) * Fr(633, 10000) + Fr(500000) * Fr(608, 10000)
    assert Fr(line.exact) == oracle
    assert Fr(line.amount) == -(oracle / 360) or abs(Fr(line.amount) + oracle / 360) < Fr(1, 10**10)


def test_whole_balance_tiers_and_credit_interest() -> None:
    rates = CarryRates(
        "tiered",
        (RateTier(D(0), D(25000), D("0.08")), RateTier(D(25000), None, D("0.06"))),
        tier_mode=TierMode.WHOLE,
        credit_rate=D("0.01"),
    )
    (debit,) = accrue(Account(D(-30000)), rates, TUE, TUE + dt.timedelta(1)).lines
    assert debit.annual_rate == D("0.06") and Fr(debit.exact) == 30000 * Fr(6, 100)
    (credit,) = accrue(Account(D(36000)), rates, TUE, TUE + dt.timedelta(1)).lines
    assert credit.kind is ChargeKind.CREDIT_INTEREST and credit.amount == 1


def test_dividend_credits_long_and_sma_payment_in_lieu_debits_short() -> None:
    """Reg T 220.5(b)(1): a dividend credits the SMA; a short pays the dividend in lieu on the pay date."""
    account = Account(D(100000), (Position("KO", 100, D("60")), Position("PEP", -50, D("150"))))
    divs = [Dividend("KO", MON, D("0.51")), Dividend("PEP", MON, D("1.355")), Dividend("KO", TUE, D("1"))]
    statement = accrue(account, user_rates("0"), FRI, TUE, dividends=divs)
    by_kind = {line.kind: line for line in statement.lines}
    assert by_kind[ChargeKind.DIVIDEND].amount == D("51.00") and by_kind[ChargeKind.DIVIDEND].sma_effect == D("51.00")
    assert (
        by_kind[ChargeKind.PAYMENT_IN_LIEU].amount == D("-67.750")
        and by_kind[ChargeKind.PAYMENT_IN_LIEU].sma_effect == 0
    )
    assert statement.sma_total == D("51.00")  # the TUE dividend is outside [FRI, TUE)


def test_backtest_cost_series() -> None:
    """Snapshots on Friday, Monday, Tuesday: Friday's cost covers 3 days."""
    account = Account(D(-36000), ())
    series = carry_series([(FRI, account), (MON, account), (TUE, account)], alpaca_rates())
    assert [c.date for c in series] == [FRI, MON]
    assert Fr(series[0].total) == -Fr(36000) * Fr(375, 10000) * 3 / 360
    assert series[0].borrow == 0 and series[0].dividends == 0


def test_daily_carry_of_an_order() -> None:
    """Buying $36,000 on margin from a zero balance costs (36,000 x 3.75%) / 360 = $3.75 a day at Alpaca; selling
    200 TSLA short at $125 (a round lot) costs (25,000 x 2.5%) / 360 a day in borrow fees."""
    before = Account(D(0))
    assert Fr(daily_carry(Account(D(-36000), (Position("XYZ", 360, D(100)),)), alpaca_rates())) == -Fr(15, 4)
    bought = Account(D(-36000), (Position("XYZ", 360, D(100)),))
    assert Fr(order_daily_carry(before, bought, alpaca_rates())) == -Fr(15, 4)
    shorted = Account(D(25000), (Position("TSLA", -200, D(125)),))
    cost = order_daily_carry(before, shorted, alpaca_rates())
    assert abs(Fr(cost) + Fr(25000) * Fr(25, 1000) / 360) < Fr(1, 10**10) and cost < 0


def test_refusals() -> None:
    with pytest.raises(FloatRefusedError):
        user_rates(0.05)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        accrue(Account(D(0)), alpaca_rates(), TUE, MON)
    with pytest.raises(DomainError):
        CarryRates("bad", (RateTier(D(0), D(10), D("0.1")),))
    with pytest.raises(DomainError):
        carry_series([(TUE, Account(D(0))), (MON, Account(D(0)))], alpaca_rates())
    assert accrue(Account(D(0)), alpaca_rates(), SAT, SAT).lines == ()
