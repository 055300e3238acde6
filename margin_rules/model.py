"""The immutable, validated domain model: positions, account snapshots and orders.

Every number is converted exactly to ``Decimal`` on construction (see :func:`margin_rules.money.to_decimal`); an invalid
value raises a typed error naming the field and no object is created.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from margin_rules.errors import DomainError, DuplicatePositionError, InvalidTypeError
from margin_rules.money import MAX_PRICE, MAX_QUANTITY, ONE, ZERO, to_amount, to_decimal

_MAX_LEVERAGE = Decimal(10)


def _symbol(value: object, field_name: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(field_name, f"a symbol is a string, not {type(value).__name__}")
    text = value.strip().upper()
    if not text:
        raise DomainError(field_name, "a symbol cannot be empty")
    return text


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True, slots=True)
class Position:
    """One position of an account.

    * ``symbol``: upper-cased ticker.
    * ``quantity``: signed shares (negative = short); fractional shares allowed.
    * ``price``: the valuation price per share (CMV, FINRA 4210(a)(2)); the caller chooses real-time or prior close.
    * ``marginable``: margin eligible (Reg T 220.2 "margin equity security"); non-marginable stock carries 100%.
    * ``leverage``: leverage factor of a leveraged ETP (>= 1; 1 for ordinary stock; use the magnitude for inverse ETPs).
    * ``cost_basis``: optional total cost basis, signed like the market value (negative for a short, as at Alpaca),
      used only for unrealized P&L.
    """

    symbol: str
    quantity: Decimal
    price: Decimal
    marginable: bool = True
    leverage: Decimal = ONE
    cost_basis: Decimal | None = None

    def __post_init__(self) -> None:
        _set(self, "symbol", _symbol(self.symbol, "position.symbol"))
        where = f"position[{self.symbol}]"
        _set(self, "quantity", to_decimal(self.quantity, f"{where}.quantity", max_abs=MAX_QUANTITY))
        price = to_decimal(self.price, f"{where}.price", max_abs=MAX_PRICE)
        if price < ZERO:
            raise DomainError(f"{where}.price", f"a price cannot be negative ({price})")
        _set(self, "price", price)
        if not isinstance(self.marginable, bool):
            raise InvalidTypeError(f"{where}.marginable", "must be True or False")
        leverage = to_decimal(self.leverage, f"{where}.leverage", max_abs=_MAX_LEVERAGE)
        if leverage < ONE:
            raise DomainError(f"{where}.leverage", f"a leverage factor is at least 1 (got {leverage})")
        _set(self, "leverage", leverage)
        if self.cost_basis is not None:
            _set(
                self,
                "cost_basis",
                to_amount(self.cost_basis, f"{where}.cost_basis"),
            )

    @property
    def is_long(self) -> bool:
        return self.quantity > ZERO

    @property
    def is_short(self) -> bool:
        return self.quantity < ZERO


@dataclass(frozen=True, slots=True)
class Account:
    """An immutable snapshot of a margin account, consistent as of one instant.

    * ``cash``: credit balance; negative = a debit balance (a margin loan). Short-sale proceeds are part of the cash.
    * ``positions``: one per symbol (a duplicate symbol is refused: merge lots before building the snapshot).
    * ``sma``: the Special Memorandum Account of Reg T 220.5.
    * ``prior_equity`` / ``prior_maintenance``: the previous close's equity and maintenance requirement, which the
      legacy day-trading buying power (4210(f)(8)(B)(iv)) is fixed from.
    """

    cash: Decimal
    positions: tuple[Position, ...] = ()
    sma: Decimal = ZERO
    prior_equity: Decimal | None = None
    prior_maintenance: Decimal | None = None
    _index: Mapping[str, Position] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        _set(self, "cash", to_amount(self.cash, "account.cash"))
        positions = self.positions
        if isinstance(positions, Mapping) or not isinstance(positions, Iterable):
            raise InvalidTypeError("account.positions", "must be a sequence of Position")
        items = tuple(positions)
        index: dict[str, Position] = {}
        for i, position in enumerate(items):
            if not isinstance(position, Position):
                raise InvalidTypeError(f"account.positions[{i}]", f"expected a Position, got {type(position).__name__}")
            if position.symbol in index:
                raise DuplicatePositionError(
                    f"account.positions[{i}]", f"duplicate symbol {position.symbol}: merge its lots into one position"
                )
            index[position.symbol] = position
        _set(self, "positions", items)
        _set(self, "_index", index)
        _set(self, "sma", to_amount(self.sma, "account.sma"))
        for name in ("prior_equity", "prior_maintenance"):
            value = getattr(self, name)
            if value is not None:
                _set(self, name, to_amount(value, f"account.{name}"))
        if self.prior_maintenance is not None and self.prior_maintenance < ZERO:
            raise DomainError("account.prior_maintenance", "a requirement cannot be negative")

    def position(self, symbol: str) -> Position | None:
        """The position in ``symbol``, or None."""
        return self._index.get(_symbol(symbol, "symbol"))

    @property
    def has_positions(self) -> bool:
        """True when any position has a non-zero quantity."""
        return any(p.quantity != ZERO for p in self.positions)


class Side(StrEnum):
    """Order side. A BUY against a short covers it; SELL reduces a long; SELL_SHORT opens or adds to a short."""

    BUY = "buy"
    SELL = "sell"
    SELL_SHORT = "sell_short"


@dataclass(frozen=True, slots=True)
class Order:
    """A hypothetical or real order: symbol, side, quantity (> 0) and the price to value it at."""

    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    marginable: bool = True
    leverage: Decimal = ONE

    def __post_init__(self) -> None:
        _set(self, "symbol", _symbol(self.symbol, "order.symbol"))
        if not isinstance(self.side, Side):
            try:
                _set(self, "side", Side(self.side))
            except ValueError:
                raise DomainError("order.side", f"unknown side {self.side!r}: use buy, sell or sell_short") from None
        quantity = to_decimal(self.quantity, "order.quantity", max_abs=MAX_QUANTITY)
        if quantity <= ZERO:
            raise DomainError("order.quantity", f"an order quantity is positive (got {quantity})")
        _set(self, "quantity", quantity)
        price = to_decimal(self.price, "order.price", max_abs=MAX_PRICE)
        if price <= ZERO:
            raise DomainError("order.price", f"an order price is positive (got {price})")
        _set(self, "price", price)
        if not isinstance(self.marginable, bool):
            raise InvalidTypeError("order.marginable", "must be True or False")
        leverage = to_decimal(self.leverage, "order.leverage", max_abs=_MAX_LEVERAGE)
        if leverage < ONE:
            raise DomainError("order.leverage", f"a leverage factor is at least 1 (got {leverage})")
        _set(self, "leverage", leverage)

    @property
    def signed_quantity(self) -> Decimal:
        """+quantity for a buy, -quantity for a sale."""
        return self.quantity if self.side is Side.BUY else self.quantity.copy_negate()
