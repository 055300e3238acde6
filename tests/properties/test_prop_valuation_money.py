"""Properties of valuation (rules 1 and 2) and exact money: market values, equity, the equity ratio, conversions and
presentation rounding."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN
from decimal import Decimal as D
from fractions import Fraction as Fr

import margin_oracle as oracle
import margin_strategies as ms
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    FloatRefusedError,
    NonFiniteError,
    OutOfBoundsError,
    Position,
    equity,
    equity_ratio,
    equity_ratio_display,
    finra,
    gross_exposure,
    long_market_value,
    market_value,
    money,
    short_market_value,
    unrealized_pl,
    valuation,
)

FINRA = finra()


@prop(
    "VAL-ORACLE",
    "Long and short market values, gross exposure, equity (= cash + long MV + short MV, short MV <= 0), each "
    "position's signed market value and unrealized P&L equal their exact Fraction definitions.",
    "Reg T 220.2; FINRA 4210(a)(2); Alpaca account fields",
    [
        "margin_rules.valuation.long_market_value",
        "margin_rules.valuation.short_market_value",
        "margin_rules.valuation.gross_exposure",
        "margin_rules.valuation.equity",
        "margin_rules.valuation.market_value",
        "margin_rules.valuation.unrealized_pl",
        "margin_rules.formulas.equity",
    ],
)
@given(account=ms.accounts(), basis=ms.decimals(-100_000, 100_000, 2))
@example(account=Account(D("100.00")), basis=D(0))
def test_valuation_matches_oracle(account: Account, basis: D) -> None:
    fig = oracle.account_figures(account, FINRA)
    assert Fr(long_market_value(account)) == fig.long_mv
    assert Fr(short_market_value(account)) == fig.short_mv
    assert Fr(gross_exposure(account)) == fig.gross
    assert Fr(equity(account)) == fig.equity
    assert fig.short_mv <= 0 <= fig.long_mv
    for p in account.positions:
        assert Fr(market_value(p)) == Fr(p.quantity) * Fr(p.price)
        assert unrealized_pl(p) is None
        with_basis = Position(p.symbol, p.quantity, p.price, p.marginable, p.leverage, cost_basis=basis)
        assert Fr(unrealized_pl(with_basis)) == Fr(p.quantity) * Fr(p.price) - Fr(basis)  # type: ignore[arg-type]


@prop(
    "VAL-EQUITY-RATIO",
    "The equity ratio is equity / gross exposure exactly (a Fraction), None exactly when there is no exposure; its "
    "display is that ratio rounded half-even to 4 places.",
    "seed 001 (equity ratio)",
    ["margin_rules.valuation.equity_ratio", "margin_rules.valuation.equity_ratio_display"],
)
@given(account=ms.accounts())
@example(account=Account(D("100.00")))  # no positions: None (the zero-exposure guard)
@example(account=Account(D("-50.00"), (Position("AAA", D(0), D("10.00")),)))  # a zero-quantity position: None
@example(account=Account(D("-750.00"), (Position("AAA", D(100), D("10.00")),)))  # exactly 25%
@example(account=Account(D("-999.95"), (Position("AAA", D(100), D("10.00")),)))  # 0.00005: a half-even tie
def test_equity_ratio(account: Account) -> None:
    fig = oracle.account_figures(account, FINRA)
    ratio = valuation.equity_ratio(account)
    display = equity_ratio_display(account)
    if fig.gross == 0:
        assert ratio is None and display is None
        return
    assert ratio == fig.equity / fig.gross
    assert equity_ratio(account) == ratio
    scaled = fig.equity / fig.gross * 10_000
    floor = scaled.numerator // scaled.denominator
    rest = scaled - floor
    nearest = floor + (1 if rest > Fr(1, 2) or (rest == Fr(1, 2) and floor % 2 == 1) else 0)
    assert display == D(nearest).scaleb(-4)


@prop(
    "MONEY-TO-CENTS",
    "Presentation rounding to the cent: ROUND_FLOOR never exceeds the amount, ROUND_CEILING never falls below it, both "
    "within one cent; the default is half-even.",
    "house rule: no rounding inside the core; presentation rounding on the safe side (money.to_cents)",
    ["margin_rules.money.to_cents"],
)
@given(amount=st.one_of(ms.decimals(-10_000, 10_000, 4), ms.decimals(-10, 10, 10)))
@example(amount=D("0.125"))
@example(amount=D("0.135"))
@example(amount=D("-0.125"))
@example(amount=D("100.005"))
def test_to_cents_safe_side(amount: D) -> None:
    low = money.to_cents(amount, ROUND_FLOOR)
    high = money.to_cents(amount, ROUND_CEILING)
    assert low <= amount <= high
    assert high - low in (D(0), D("0.01"))
    assert (low == high) == (amount == amount.quantize(D("0.01"), rounding=ROUND_FLOOR))
    assert money.to_cents(amount) == amount.quantize(D("0.01"), rounding=ROUND_HALF_EVEN)
    assert money.to_cents(amount).as_tuple().exponent == -2


@prop(
    "MONEY-TO-DECIMAL",
    "Inputs convert exactly: a Decimal, an int or a numeric string gives the same Decimal value; floats, NaN/inf, "
    "more than 10 places and out-of-bounds magnitudes are refused with a typed error naming the field.",
    "house rule: money is exact (margin_rules.money)",
    ["margin_rules.money.to_decimal"],
)
@given(value=st.one_of(ms.decimals(-(10**6), 10**6, 10), st.integers(-(10**15), 10**15).map(D)))
@example(value=D("1.5000000000000"))  # trailing zeros do not count as places
def test_to_decimal_exact(value: D) -> None:
    assert money.to_decimal(value, "x") == value
    assert money.to_decimal(str(value), "x") == value
    if value == value.to_integral_value():
        assert money.to_decimal(int(value), "x") == value
    with pytest.raises(FloatRefusedError) as err:
        money.to_decimal(float(value), "cash")
    assert err.value.field == "cash"


def test_to_decimal_refusals() -> None:
    for bad, error in (
        ("NaN", NonFiniteError),
        ("Infinity", NonFiniteError),
        (D("1E-11"), OutOfBoundsError),
        (True, TypeError),
        (None, TypeError),
        ("abc", TypeError),
    ):
        with pytest.raises(error):
            money.to_decimal(bad, "price")
    with pytest.raises(OutOfBoundsError):
        money.to_decimal(D("1E+10"), "price", max_abs=money.MAX_PRICE)
    assert money.to_decimal(D("1E+9"), "price", max_abs=money.MAX_PRICE) == D("1E+9")
    assert money.to_decimal(" 12.5 ", "price") == D("12.5")


def test_exact_context_traps_rounding() -> None:
    with pytest.raises(money.PrecisionError), money.exact():
        _ = D(1) / D(3)
    with money.exact():
        assert D("0.1") + D("0.2") == D("0.3")
