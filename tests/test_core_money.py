"""Exact money: input conversion (every bad kind refused with its typed error naming the field), the local context,
presentation rounding, and independence from the global decimal context."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import pytest

from margin_rules import (
    Account,
    FloatRefusedError,
    InvalidTypeError,
    NonFiniteError,
    Order,
    OutOfBoundsError,
    Position,
    PrecisionError,
    Side,
    account_requirements,
    alpaca,
    buying_power,
    check_withdrawal,
    equity_ratio,
    finra,
    health,
    max_withdrawal,
    order_requirement,
)
from margin_rules.money import CORE_CONTEXT, MAX_PLACES, exact, exact_function, to_cents, to_decimal

D = Decimal


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (1.5, FloatRefusedError),
        (0.1, FloatRefusedError),
        (float("nan"), FloatRefusedError),
        (True, InvalidTypeError),
        (False, InvalidTypeError),
        (None, InvalidTypeError),
        ([1], InvalidTypeError),
        (object(), InvalidTypeError),
        ("", InvalidTypeError),
        ("abc", InvalidTypeError),
        ("1,000", InvalidTypeError),
        ("$5", InvalidTypeError),
        ("NaN", NonFiniteError),
        ("sNaN", NonFiniteError),
        (D("NaN"), NonFiniteError),
        (D("sNaN"), NonFiniteError),
        ("inf", NonFiniteError),
        ("-Infinity", NonFiniteError),
        (D("Infinity"), NonFiniteError),
        (D("-Infinity"), NonFiniteError),
        ("0.00000000001", OutOfBoundsError),
        (D("1E-11"), OutOfBoundsError),
    ],
)
def test_to_decimal_refuses(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        to_decimal(value, "the.field")
    assert info.value.field == "the.field"  # type: ignore[attr-defined]
    assert "the.field" in str(info.value)


def test_to_decimal_magnitude_bound() -> None:
    assert to_decimal("100", "x", max_abs=D(100)) == 100
    for value in ("100.0000000001", "-100.0000000001", 101):
        with pytest.raises(OutOfBoundsError, match="x"):
            to_decimal(value, "x", max_abs=D(100))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, "5"), ("1.25", "1.25"), (" 2.5 ", "2.5"), (D("-3.10"), "-3.10"), ("1E+3", "1E+3"), ("0.0000000001", "1E-10")],
)
def test_to_decimal_accepts_exactly(value: Any, expected: str) -> None:
    result = to_decimal(value, "x")
    assert isinstance(result, Decimal)
    assert result == D(expected)


def test_trailing_zeros_do_not_count_as_places() -> None:
    """'1.500000000000' has one significant decimal place: accepted (normalised), not refused."""
    assert to_decimal("1.500000000000", "x") == D("1.5")
    assert MAX_PLACES == 10


def test_exact_traps_rounding() -> None:
    with pytest.raises(PrecisionError), exact():
        _ = D(1) / D(3)
    with exact():
        assert D(1) / D(4) == D("0.25")


def test_exact_function_runs_in_core_context() -> None:
    @exact_function
    def precision() -> int:
        return decimal.getcontext().prec

    assert precision() == CORE_CONTEXT.prec == 80


def test_to_cents_is_explicit_and_directional() -> None:
    """Presentation rounding only: FLOOR for what a customer may take, CEILING for what is owed."""
    assert to_cents(D("1.005")) == D("1.00")  # half-even
    assert to_cents(D("1.015")) == D("1.02")
    assert to_cents(D("1.009"), decimal.ROUND_FLOOR) == D("1.00")
    assert to_cents(D("1.001"), decimal.ROUND_CEILING) == D("1.01")


def _results() -> list[object]:
    """A broad sample of core results (contracts enabled, as in the test run)."""
    rules = finra()
    account = Account(
        "-12345.6789",
        [
            Position("L", "123.456", "98.7654321"),
            Position("S", "-77.5", "16.67"),
            Position("P", -1000, "2.49"),
            Position("N", 10, "3.3333333333", marginable=False),
            Position("E", 50, "41.1", leverage=3),
        ],
        sma="1000.01",
        prior_equity="50000",
        prior_maintenance="12000.5",
    )
    order = Order("L", Side.SELL, "200.5", "98.7654321")
    return [
        account_requirements(account, rules),
        account_requirements(account, alpaca()),
        health(account, rules),
        buying_power(account, rules, reserved="12.34"),
        max_withdrawal(account, rules),
        check_withdrawal(account, rules, "0.01"),
        order_requirement(account, order, rules),
        equity_ratio(account),
    ]


def test_results_do_not_depend_on_the_global_context() -> None:
    """The core never uses the global decimal context: a 3-digit, ROUND_DOWN, untrapped global context gives identical
    results, and the global context is not modified (precision, rounding, traps, flags)."""
    reference = _results()
    weird = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, Emin=-5, Emax=5, traps=[], flags=[])
    with decimal.localcontext(weird):
        before = decimal.getcontext()
        snapshot = (before.prec, before.rounding, before.Emin, before.Emax, dict(before.traps), dict(before.flags))
        assert _results() == reference
        after = decimal.getcontext()
        assert after is before
        assert (after.prec, after.rounding, after.Emin, after.Emax, dict(after.traps), dict(after.flags)) == snapshot


def test_global_context_not_modified_by_default_run() -> None:
    ctx = decimal.getcontext()
    snapshot = (ctx.prec, ctx.rounding, dict(ctx.traps))
    _results()
    ctx = decimal.getcontext()
    assert (ctx.prec, ctx.rounding, dict(ctx.traps)) == snapshot
    assert CORE_CONTEXT.prec == 80 and CORE_CONTEXT.traps[decimal.Inexact]
