"""Market values, equity and the equity ratio (Reg T 220.2; Alpaca's equity = cash + long + short market value)."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

from margin_rules import (
    Account,
    Position,
    equity,
    equity_ratio,
    equity_ratio_display,
    gross_exposure,
    long_market_value,
    market_value,
    short_market_value,
    unrealized_pl,
)

D = Decimal


def test_market_values_and_equity() -> None:
    """Alpaca: short_market_value <= 0; equity = cash + long_market_value + short_market_value."""
    account = Account("5000", [Position("L", 10, "100"), Position("S", "-20", "25.5"), Position("Z", 0, 3)])
    assert long_market_value(account) == D(1000)
    assert short_market_value(account) == D(-510)
    assert gross_exposure(account) == D(1510)
    assert equity(account) == D(5490)
    assert equity_ratio(account) == Fraction(5490, 1510)
    assert market_value(account.positions[1]) == D(-510)


def test_regression_equity_unchanged_by_a_purchase() -> None:
    """The seed tutorial computed equity as cash + unrealized P&L: buying stock is not a change of equity.
    Buying q @ p moves cash by -q x p and the long market value by +q x p (Reg T 220.2)."""
    before = Account("10000")
    q, p = D("37.5"), D("123.45")
    after = Account(before.cash - q * p, [Position("A", q, p, cost_basis=q * p)])
    assert equity(after) == equity(before) == D(10000)
    assert unrealized_pl(after.positions[0]) == 0
    # A short sale: proceeds +q x p in cash, short market value -q x p.
    shorted = Account(before.cash + q * p, [Position("S", -q, p, cost_basis=-(q * p))])
    assert equity(shorted) == D(10000)


def test_unrealized_pl_signed_like_alpaca() -> None:
    assert unrealized_pl(Position("A", 10, 12, cost_basis=100)) == D(20)
    assert unrealized_pl(Position("S", -10, 12, cost_basis=-100)) == D(-20)  # short lost as the price rose
    assert unrealized_pl(Position("A", 10, 12)) is None


def test_ratio_none_without_positions() -> None:
    """Seed 001: the equity ratio is undefined (None) with no positions."""
    assert equity_ratio(Account(100)) is None
    assert equity_ratio(Account(100, [Position("Z", 0, 5)])) is None
    assert equity_ratio_display(Account(100)) is None


def test_ratio_display_rounds_half_even() -> None:
    account = Account(-20000, [Position("X", 100, 240)])
    assert equity_ratio_display(account) == D("0.1667")
    assert equity_ratio_display(account, 1) == D("0.2")


def test_ratio_display_ignores_the_global_context() -> None:
    account = Account(-20000, [Position("X", 100, 240)])
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert equity_ratio_display(account) == D("0.1667")
