"""Buying power by mode, net of reservations (Reg T 220.12 / 220.5, FINRA 4210(f)(8)(B), 4210(d)(2), Alpaca fields)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from margin_rules import (
    Account,
    InvalidInputError,
    Mode,
    Order,
    Position,
    RuleSet,
    Side,
    available_excess,
    buying_power,
    order_charge,
    order_fits,
)

D = Decimal


def test_cash_account_without_positions(finra_rules: RuleSet) -> None:
    """Alpaca: multiplier 1 buying power = cash; regt_buying_power = 2 x max(equity - initial, 0); intraday 4210(d)(2)
    = 4 x (equity - maintenance)."""
    bp = buying_power(Account(10000), finra_rules)
    assert (bp.cash, bp.reg_t, bp.intraday, bp.sma) == (D(10000), D(20000), D(40000), D(0))
    assert bp.legacy_day_trading is None
    assert bp.intraday_margin_level == D(10000)
    assert bp.for_mode(Mode.REG_T) == D(20000)


def test_net_of_reservations(finra_rules: RuleSet) -> None:
    """Open orders' reservations are deducted from every figure (Alpaca), never below 0."""
    account = Account(10000, sma=5000, prior_equity=30000, prior_maintenance=5000)
    bp = buying_power(account, finra_rules, reserved="3000")
    assert (bp.cash, bp.reg_t, bp.sma, bp.intraday) == (D(7000), D(17000), D(7000), D(37000))
    assert bp.legacy_day_trading == D(97000)  # 4 x (30,000 - 5,000) - 3,000; 4210(f)(8)(B)(iv)
    assert bp.reserved == D(3000)
    huge = buying_power(account, finra_rules, reserved="1000000")
    assert (huge.cash, huge.reg_t, huge.sma, huge.intraday, huge.legacy_day_trading) == (0, 0, 0, 0, 0)


def test_regt_excess_and_sma(finra_rules: RuleSet) -> None:
    """Long 100 @ $100 with a $5,000 debit: equity $5,000 = initial (220.12(a)): Reg T buying power 0; the SMA still
    gives 2 x SMA (220.5); intraday = 4 x (5,000 - 2,500)."""
    account = Account(-5000, [Position("A", 100, 100)], sma=1000)
    bp = buying_power(account, finra_rules)
    assert (bp.cash, bp.reg_t, bp.sma, bp.intraday) == (D(0), D(0), D(2000), D(10000))
    richer = Account(0, [Position("A", 100, 100)])
    assert buying_power(richer, finra_rules).reg_t == D(10000)  # 2 x (10,000 - 5,000)


def test_legacy_day_trading_from_prior_close(finra_rules: RuleSet) -> None:
    """4210(f)(8)(B)(iv): 4 x (prior equity - prior maintenance), independent of today's prices; never negative."""
    account = Account(-90000, [Position("A", 1000, 100)], prior_equity=40000, prior_maintenance=27500)
    assert buying_power(account, finra_rules).legacy_day_trading == D(50000)
    under = Account(0, prior_equity=1000, prior_maintenance=2000)
    assert buying_power(under, finra_rules).legacy_day_trading == 0


def test_bad_reservation_refused(finra_rules: RuleSet) -> None:
    with pytest.raises(InvalidInputError, match="reserved"):
        buying_power(Account(100), finra_rules, reserved="-1")
    with pytest.raises(InvalidInputError, match="reserved"):
        buying_power(Account(100), finra_rules, reserved=1.5)  # type: ignore[arg-type]


def test_order_fits_reg_t_uses_the_orders_own_rate(finra_rules: RuleSet) -> None:
    """A dollar figure never lets a 100% stock through at 50%: $20,000 Reg T buying power buys $20,000 of marginable
    stock (initial $10,000) but only $10,000 of non-marginable stock (220.12(e))."""
    account = Account(10000)
    ok = order_fits(account, Order("A", Side.BUY, 200, 100), finra_rules, Mode.REG_T)
    assert ok.fits and ok.charge == D(10000) and ok.available == D(10000)
    too_much = order_fits(account, Order("A", Side.BUY, "200.01", 100), finra_rules, Mode.REG_T)
    assert not too_much.fits
    non_marginable = order_fits(account, Order("N", Side.BUY, 101, 100, marginable=False), finra_rules, Mode.REG_T)
    assert not non_marginable.fits and non_marginable.charge == D(10100)
    reserved = order_fits(account, Order("A", Side.BUY, 200, 100), finra_rules, Mode.REG_T, reserved="0.01")
    assert not reserved.fits


def test_order_fits_cash_and_intraday(finra_rules: RuleSet) -> None:
    account = Account(10000)
    assert order_charge(account, Order("A", Side.BUY, 10, 1000), finra_rules, Mode.CASH) == D(10000)
    assert order_fits(account, Order("A", Side.BUY, 10, 1000), finra_rules, Mode.CASH).fits
    assert not order_fits(account, Order("A", Side.BUY, "10.0001", 1000), finra_rules, Mode.CASH).fits
    # Intraday: charge = maintenance (4210(d)(2)): $40,000 of 25% stock uses the whole level.
    assert order_fits(account, Order("A", Side.BUY, 400, 100), finra_rules, Mode.INTRADAY).fits
    assert not order_fits(account, Order("A", Side.BUY, 401, 100), finra_rules, Mode.INTRADAY).fits
    assert available_excess(account, finra_rules, Mode.INTRADAY) == D(10000)


def test_minimum_equity_blocks_margin_orders(finra_rules: RuleSet) -> None:
    """4210(b)(1): an opening margin order needs $2,000 of equity (capped at the purchase cost)."""
    small = Account(1500)
    assert not order_fits(small, Order("A", Side.BUY, 20, 100), finra_rules, Mode.REG_T).fits  # cost 2,000 > 1,500
    assert order_fits(small, Order("A", Side.BUY, 10, 100), finra_rules, Mode.REG_T).fits  # cost 1,000 cap
    assert not order_fits(small, Order("A", Side.SELL_SHORT, 1, 10), finra_rules, Mode.REG_T).fits


def test_closing_orders_always_fit(finra_rules: RuleSet) -> None:
    account = Account(-9000, [Position("A", 100, 100)])  # equity 1,000: LIQUIDATION_CALL
    check = order_fits(account, Order("A", Side.SELL, 100, 100), finra_rules, Mode.REG_T)
    assert check.fits and check.reason == "closing order"
    with pytest.raises(InvalidInputError, match="prior_equity"):
        available_excess(account, finra_rules, Mode.LEGACY_DAY_TRADING)
