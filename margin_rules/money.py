"""Exact money: conversion of inputs to ``Decimal`` and the core's local decimal context.

Bounds (the guarantee behind "the core never rounds"):

* a quantity has at most ``MAX_QUANTITY`` = 10**12 shares in magnitude,
* a price or a per-share amount at most ``MAX_PRICE`` = 10**9,
* a cash amount at most ``MAX_AMOUNT`` = 10**22 in magnitude,
* a price, a quantity or a rate has at most ``MAX_PLACES`` = 10 decimal places,
* a cash amount (cash, SMA, prior-close figures, cost basis, a deposit or withdrawal) at most
  ``MAX_AMOUNT_PLACES`` = 20 (brokers report unrounded balances: Alpaca sends ``last_equity`` with 17 places).

Within those bounds a market value has at most 22 integer and 20 fractional digits, a requirement (times a rate of at
most 10 places) at most 52 significant digits, an account total over a million positions at most 58, and equity (cash
of up to 22 integer and 20 fractional digits plus market values) at most 59. ``CORE_CONTEXT`` carries 80 digits and
traps ``Inexact`` and ``Rounded``: an operation that would round raises :class:`~margin_rules.errors.PrecisionError`
instead of returning a silently rounded number.

Presentation rounding (to the cent) is a separate, explicit step: :func:`to_cents`.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from functools import wraps
from types import TracebackType
from typing import Final, ParamSpec, TypeVar

from margin_rules.errors import (
    FloatRefusedError,
    InvalidTypeError,
    NonFiniteError,
    OutOfBoundsError,
    PrecisionError,
)

MAX_QUANTITY: Final = Decimal(10) ** 12
MAX_PRICE: Final = Decimal(10) ** 9
MAX_AMOUNT: Final = Decimal(10) ** 22
MAX_PLACES: Final = 10
MAX_AMOUNT_PLACES: Final = 20

ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)
CENT: Final = Decimal("0.01")

CORE_CONTEXT: Final = decimal.Context(
    prec=80,
    rounding=ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact, decimal.Rounded],
)
"""The one decimal context of the core: 80 digits, and rounding of any kind is an error (trapped)."""

Numeric = Decimal | int | str
"""What the core accepts for a number: a Decimal, an int, or a numeric string (converted exactly)."""

P = ParamSpec("P")
R = TypeVar("R")


_get_context: Final = decimal.getcontext
_set_context: Final = decimal.setcontext
_ROUNDING_SIGNALS: Final = (decimal.Inexact, decimal.Rounded)


class exact:  # called like a function: ``with exact():``
    """Run a block in (a copy of) :data:`CORE_CONTEXT`, turning a trapped rounding into :class:`PrecisionError`.

    A class-based context manager rather than a generator: entering and leaving costs less than
    ``decimal.localcontext`` (no generator frame, no context-manager object from the C module). As with
    ``localcontext``, the block gets its own copy of the context (its flags are its own) and the caller's context is
    restored on exit, whatever happens; decimal contexts are per thread and per asyncio task.
    """

    __slots__ = ("_saved",)

    def __enter__(self) -> decimal.Context:
        self._saved = _get_context()
        context = CORE_CONTEXT.copy()
        _set_context(context)
        return context

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        _set_context(self._saved)
        if kind is not None and issubclass(kind, _ROUNDING_SIGNALS):
            raise PrecisionError(
                "a computation would have rounded: an input exceeds the bounds stated in margin_rules.money"
            ) from exc


def exact_function(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorate a public core function so that its body runs in :data:`CORE_CONTEXT`."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with exact():
            return fn(*args, **kwargs)

    return wrapper


def to_decimal(
    value: object,
    field: str,
    *,
    max_abs: Decimal | None = None,
    max_places: int = MAX_PLACES,
) -> Decimal:
    """Convert ``value`` to a finite Decimal exactly, or raise a typed error naming ``field``.

    Accepted: ``Decimal``, ``int`` (not ``bool``) and numeric strings. Refused: ``float`` (FloatRefusedError),
    NaN/sNaN/infinities (NonFiniteError), anything else (InvalidTypeError), more than ``max_places`` decimal places or a
    magnitude above ``max_abs`` (OutOfBoundsError). The conversion never rounds.
    """
    if isinstance(value, bool):
        raise InvalidTypeError(field, "a bool is not a number; give a Decimal, an int or a numeric string")
    if isinstance(value, float):
        raise FloatRefusedError(
            field, f"float {value!r} refused: binary floats cannot hold cents exactly; pass Decimal or a string"
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = Decimal(text)
        except decimal.InvalidOperation:
            raise InvalidTypeError(field, f"{value!r} is not a number") from None
    else:
        raise InvalidTypeError(
            field, f"{type(value).__name__} is not a number; give a Decimal, an int or a numeric string"
        )
    if not result.is_finite():
        raise NonFiniteError(field, f"{result} is not a finite amount")
    if max_abs is not None and result.copy_abs() > max_abs:
        raise OutOfBoundsError(field, f"{result} exceeds the supported magnitude {max_abs:E}")
    if _places(result) > max_places:
        # Trailing zeros do not count: "1.500000000000" has one decimal place.
        reduced = result.normalize(_PLAIN)
        if _places(reduced) > max_places:
            raise OutOfBoundsError(field, f"{result} has more than {max_places} decimal places")
        result = reduced
    return result


def to_amount(value: object, field: str) -> Decimal:
    """Convert a cash-like amount (cash, SMA, a deposit or withdrawal, buying power held by open orders, a cost
    basis) exactly: :func:`to_decimal` within the amount bounds, :data:`MAX_AMOUNT` and :data:`MAX_AMOUNT_PLACES`.
    Every amount goes through here, so that two functions never accept different amounts for the same figure."""
    return to_decimal(value, field, max_abs=MAX_AMOUNT, max_places=MAX_AMOUNT_PLACES)


_PLAIN: Final = decimal.Context(prec=200, traps=[])


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite values only
    return max(0, -exponent)


def to_cents(amount: Decimal, rounding: str = decimal.ROUND_HALF_EVEN) -> Decimal:
    """Presentation rounding: ``amount`` to the cent (an explicit edge step, never used inside a rule).

    Use ``ROUND_FLOOR`` for amounts a customer may take (buying power, withdrawals) and ``ROUND_CEILING`` for amounts
    a customer owes (requirements, calls), so that the shown figure is never on the unsafe side.
    """
    with decimal.localcontext(CORE_CONTEXT) as ctx:
        ctx.traps[decimal.Inexact] = False
        ctx.traps[decimal.Rounded] = False
        return amount.quantize(CENT, rounding=rounding)
