"""The domain model refuses every kind of bad input with its typed error, naming the field; no object is created."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from margin_rules import (
    Account,
    DomainError,
    DuplicatePositionError,
    FloatRefusedError,
    InvalidInputError,
    InvalidTypeError,
    NonFiniteError,
    Order,
    OutOfBoundsError,
    Position,
    Side,
)

D = Decimal

BAD_NUMBERS: list[tuple[Any, type[InvalidInputError]]] = [
    (1.5, FloatRefusedError),
    (True, InvalidTypeError),
    (None, InvalidTypeError),
    ("junk", InvalidTypeError),
    ([], InvalidTypeError),
    (D("NaN"), NonFiniteError),
    ("sNaN", NonFiniteError),
    ("Infinity", NonFiniteError),
    ("-inf", NonFiniteError),
    ("1.00000000001", OutOfBoundsError),
]
# Cash-like amounts take up to 20 decimal places (brokers report unrounded balances; money.MAX_AMOUNT_PLACES).
BAD_AMOUNTS: list[tuple[Any, type[InvalidInputError]]] = [
    *BAD_NUMBERS[:-1],
    ("1.000000000000000000001", OutOfBoundsError),
]


@pytest.mark.parametrize(("value", "error"), BAD_NUMBERS)
@pytest.mark.parametrize("field", ["quantity", "price", "leverage"])
def test_position_refuses_bad_numbers(field: str, value: Any, error: type[InvalidInputError]) -> None:
    if value is None and field == "cost_basis":
        return  # None means "no cost basis known"
    kwargs: dict[str, Any] = {"symbol": "aapl", "quantity": 10, "price": "5"}
    kwargs[field] = value
    created: list[Position] = []
    with pytest.raises(error) as info:
        created.append(Position(**kwargs))
    assert not created
    assert info.value.field == f"position[AAPL].{field}"
    assert f"position[AAPL].{field}" in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"quantity": "1000000000000.0000000001"}, OutOfBoundsError, "position[X].quantity"),
        ({"quantity": "-1000000000001"}, OutOfBoundsError, "position[X].quantity"),
        ({"price": "1000000000.0000000001"}, OutOfBoundsError, "position[X].price"),
        ({"price": "-0.01"}, DomainError, "position[X].price"),
        ({"leverage": "0.99"}, DomainError, "position[X].leverage"),
        ({"leverage": 0}, DomainError, "position[X].leverage"),
        ({"leverage": 11}, OutOfBoundsError, "position[X].leverage"),
        ({"marginable": "yes"}, InvalidTypeError, "position[X].marginable"),
        ({"marginable": 1}, InvalidTypeError, "position[X].marginable"),
        ({"cost_basis": "1E+23"}, OutOfBoundsError, "position[X].cost_basis"),
        ({"symbol": ""}, DomainError, "position.symbol"),
        ({"symbol": "   "}, DomainError, "position.symbol"),
        ({"symbol": 5}, InvalidTypeError, "position.symbol"),
        ({"symbol": None}, InvalidTypeError, "position.symbol"),
    ],
)
def test_position_domain(kwargs: dict[str, Any], error: type[InvalidInputError], field: str) -> None:
    args: dict[str, Any] = {"symbol": "x", "quantity": 1, "price": 1, **kwargs}
    with pytest.raises(error) as info:
        Position(**args)
    assert info.value.field == field
    assert field in str(info.value)


def test_position_accepts_and_normalises() -> None:
    p = Position(" msft ", "-12.5", D("410.10"), leverage="2", cost_basis="-5000")
    assert (p.symbol, p.quantity, p.price, p.leverage, p.cost_basis) == ("MSFT", D("-12.5"), D("410.10"), 2, -5000)
    assert p.is_short and not p.is_long
    assert Position("Z", 0, 0).price == 0  # a zero price is allowed (delisted / worthless), a negative one is not


@pytest.mark.parametrize(("value", "error"), BAD_AMOUNTS)
@pytest.mark.parametrize("field", ["cash", "sma", "prior_equity", "prior_maintenance"])
def test_account_refuses_bad_numbers(field: str, value: Any, error: type[InvalidInputError]) -> None:
    kwargs: dict[str, Any] = {"cash": 0, field: value}
    if value is None and field in ("prior_equity", "prior_maintenance"):
        return  # None means "not known" for the prior-close figures
    with pytest.raises(error) as info:
        Account(**kwargs)
    assert info.value.field == f"account.{field}"


@pytest.mark.parametrize(("value", "error"), [(v, e) for v, e in BAD_AMOUNTS if v is not None])
def test_position_refuses_bad_cost_basis(value: Any, error: type[InvalidInputError]) -> None:
    with pytest.raises(error) as info:
        Position("aapl", 10, "5", cost_basis=value)
    assert info.value.field == "position[AAPL].cost_basis"


def test_amounts_keep_twenty_places_exactly() -> None:
    # Alpaca's published last_equity has 17 decimal places; it must be taken exactly, never rounded.
    assert Account(0, prior_equity="122011.09751111286868").prior_equity == D("122011.09751111286868")
    assert Account("0.00000000000000000001").cash == D("1E-20")


def test_account_refusals() -> None:
    with pytest.raises(OutOfBoundsError, match=r"account\.cash"):
        Account("1E+23")
    with pytest.raises(DuplicatePositionError, match=r"account\.positions\[1\].*AAPL") as info:
        Account(0, [Position("AAPL", 1, 1), Position("aapl ", 2, 1)])
    assert info.value.field == "account.positions[1]"
    with pytest.raises(InvalidTypeError, match=r"account\.positions\[0\]"):
        Account(0, ["AAPL"])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match=r"account\.positions"):
        Account(0, {"AAPL": Position("AAPL", 1, 1)})  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"account\.positions"):
        Account(0, 5)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match=r"account\.prior_maintenance"):
        Account(0, prior_equity=1, prior_maintenance=-1)


def test_account_lookup_and_flags() -> None:
    account = Account("-100.5", [Position("A", 1, 1), Position("B", 0, 1)])
    assert account.position("a") is account.positions[0]
    assert account.position("C") is None
    assert account.has_positions
    assert not Account(0, [Position("B", 0, 1)]).has_positions
    assert isinstance(account.positions, tuple)


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"quantity": 0}, DomainError, "order.quantity"),
        ({"quantity": -1}, DomainError, "order.quantity"),
        ({"quantity": 1.0}, FloatRefusedError, "order.quantity"),
        ({"price": 0}, DomainError, "order.price"),
        ({"price": "-1"}, DomainError, "order.price"),
        ({"price": "NaN"}, NonFiniteError, "order.price"),
        ({"price": True}, InvalidTypeError, "order.price"),
        ({"side": "hold"}, DomainError, "order.side"),
        ({"symbol": ""}, DomainError, "order.symbol"),
        ({"leverage": "0.5"}, DomainError, "order.leverage"),
        ({"marginable": None}, InvalidTypeError, "order.marginable"),
    ],
)
def test_order_refusals(kwargs: dict[str, Any], error: type[InvalidInputError], field: str) -> None:
    args: dict[str, Any] = {"symbol": "A", "side": Side.BUY, "quantity": 1, "price": 1, **kwargs}
    with pytest.raises(error) as info:
        Order(**args)
    assert info.value.field == field


def test_order_signed_quantity() -> None:
    assert Order("A", "buy", "1.5", 10).signed_quantity == D("1.5")  # type: ignore[arg-type]
    assert Order("A", Side.SELL, 2, 10).signed_quantity == -2
    assert Order("A", Side.SELL_SHORT, 2, 10).signed_quantity == -2


def test_model_is_immutable() -> None:
    p = Position("A", 1, 1)
    with pytest.raises(AttributeError):
        p.quantity = D(2)  # type: ignore[misc]
    a = Account(0, [p])
    with pytest.raises(AttributeError):
        a.cash = D(5)  # type: ignore[misc]
