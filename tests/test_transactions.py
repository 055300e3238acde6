"""Pure account transitions (margin_rules.transactions): bookkeeping, equity invariance, cost basis, refusals."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from margin_rules import Account, Mode, Order, Position, Side, finra
from margin_rules.buying_power import effective_mode
from margin_rules.errors import DomainError, FloatRefusedError, InvalidTypeError
from margin_rules.transactions import apply_fill, apply_order, deposit, withdraw
from margin_rules.valuation import equity


def test_purchase_leaves_equity_unchanged() -> None:
    # Regression for the seed tutorial that counted a purchase as a change in equity (equity = cash + unrealized P&L).
    account = Account(D("10000"))
    after = apply_order(account, Order("AAPL", Side.BUY, 10, "150"))
    assert after.cash == D("8500")
    assert after.position("AAPL") is not None
    assert equity(after) == equity(account) == D("10000")


def test_sale_through_zero_opens_a_short_with_a_fresh_basis() -> None:
    account = Account(D("0"), [Position("X", 100, "10", cost_basis="900")])
    after = apply_fill(account, "X", -150, "10")
    short = after.position("X")
    assert short is not None and short.quantity == D("-50")
    assert short.cost_basis == D("-500")
    assert after.cash == D("1500")


def test_reduction_keeps_average_cost() -> None:
    account = Account(D("0"), [Position("X", 4, "10", cost_basis="1000")])
    after = apply_fill(account, "X", -1, "10")
    held = after.position("X")
    assert held is not None and held.cost_basis == D("750")


def test_closing_removes_the_position() -> None:
    account = Account(D("0"), [Position("X", 5, "10")])
    after = apply_fill(account, "X", -5, "12")
    assert after.position("X") is None
    assert after.cash == D("60")


def test_deposit_and_withdraw_move_cash_and_sma() -> None:
    account = Account(D("100"), sma=D("10"))
    assert deposit(account, "50").cash == D("150")
    assert deposit(account, "50").sma == D("60")
    assert withdraw(account, "30").cash == D("70")
    assert withdraw(account, "30").sma == D("-20")


@pytest.mark.parametrize("amount", [0, "-1"])
def test_non_positive_amounts_are_refused(amount: object) -> None:
    with pytest.raises(DomainError, match="amount"):
        deposit(Account(D("1")), amount)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="amount"):
        withdraw(Account(D("1")), amount)  # type: ignore[arg-type]


def test_bad_fills_are_refused_and_change_nothing() -> None:
    account = Account(D("100"), [Position("X", 1, "10")])
    with pytest.raises(FloatRefusedError, match=r"fill\.quantity"):
        apply_fill(account, "X", 1.5, "10")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match=r"fill\.quantity"):
        apply_fill(account, "X", 0, "10")
    with pytest.raises(DomainError, match=r"fill\.price"):
        apply_fill(account, "X", 1, "0")
    with pytest.raises(InvalidTypeError, match="order"):
        apply_order(account, "not an order")  # type: ignore[arg-type]
    assert account == Account(D("100"), [Position("X", 1, "10")])


prices = st.decimals(min_value=D("0.01"), max_value=D("1000"), places=2)
quantities = st.integers(min_value=-1000, max_value=1000).filter(bool)


@given(
    cash=st.decimals(min_value=D("-10000"), max_value=D("100000"), places=2),
    held=quantities,
    price=prices,
    trade=quantities,
)
def test_fill_at_the_valuation_price_never_changes_equity(cash: D, held: int, price: D, trade: int) -> None:
    account = Account(cash, [Position("X", held, price)])
    assert equity(apply_fill(account, "X", trade, price)) == equity(account)


def test_effective_mode_below_minimum_equity_is_cash() -> None:
    rules = finra()
    assert effective_mode(D("1999.99"), rules, Mode.REG_T) is Mode.CASH
    assert effective_mode(D("2000"), rules, Mode.REG_T) is Mode.REG_T
    assert effective_mode(D("100"), rules, Mode.CASH) is Mode.CASH
    assert effective_mode(D("1999.99"), rules, Mode.INTRADAY) is Mode.CASH


def test_with_rules_the_sma_moves_as_reg_t_220_5_says() -> None:
    rules = finra()
    account = Account(D("10000"), sma=D("10000"))
    bought = apply_order(account, Order("A", Side.BUY, 100, "50"), rules)
    assert bought.sma == D("7500")  # a purchase debits the SMA by its 50% Reg T requirement
    sold = apply_fill(bought, "A", -40, "50", rules=rules)
    assert sold.sma == D("8500")  # a sale of margin stock credits 50% of the proceeds
    shorted = apply_fill(sold, "B", -10, "100", rules=rules)
    assert shorted.sma == D("8000")  # a short sale debits 50% of its value (220.12(c)(1), equity terms)
    assert apply_order(account, Order("A", Side.BUY, 100, "50")).sma == account.sma  # without rules: unchanged
