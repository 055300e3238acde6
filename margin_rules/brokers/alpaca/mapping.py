"""Alpaca ``TradeAccount`` / ``Position`` payloads -> the core's :class:`~margin_rules.model.Account` snapshot.

The payloads are validated for structure by alpaca-py's own models (:class:`alpaca.trading.models.TradeAccount`,
:class:`alpaca.trading.models.Position`). alpaca-py 0.44 declares every money field as ``str`` (it never turns them into
float, and refuses a JSON number for them); the adapter nevertheless reads each amount from the ORIGINAL JSON string and
converts it exactly with :func:`margin_rules.money.to_decimal` (a float is refused, never rounded).

Signs and sides (Alpaca: ``qty``, ``market_value`` and ``cost_basis`` are negative for a short):

* ``side`` says the direction. A short whose ``qty``/``market_value``/``cost_basis`` arrives positive is read as a
  magnitude and negated (some payloads carry magnitudes): it is still a short.
* A NEGATIVE amount on a ``side: "long"`` position is a contradiction (a negative number asserts shortness, the side
  asserts the opposite): refused with :class:`ContradictoryDataError` naming the field. Nothing is guessed.

Marginability and leverage feed the ``alpaca`` rule set: ``asset_marginable`` (False -> 100%); a user-supplied
``marginable`` override per symbol; a user-supplied ``leverage`` factor per symbol for leveraged ETFs (2x/3x -> 100% at
Alpaca). A position without ``asset_marginable`` and without an override is refused (no silent default). Price bands
(long < $2.50, short < $5.00 and $5.00-$16.67) are applied by the core from the price.

Fields removed by Alpaca on 2026-07-06 (``daytrade_count``, ``daytrading_buying_power``, ``pattern_day_trader``) are
optional: accounts with and without them map identically; :attr:`AlpacaSnapshot.legacy_pdt_fields` records which kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from alpaca.trading.models import Position as AlpacaPositionModel
from alpaca.trading.models import TradeAccount
from pydantic import TypeAdapter, ValidationError

from margin_rules.brokers.alpaca.errors import (
    AlpacaApiError,
    AlpacaDataError,
    ApiErrorKind,
    ContradictoryDataError,
    MissingFieldError,
    UnsupportedAssetError,
)
from margin_rules.errors import InvalidInputError, InvalidTypeError
from margin_rules.model import Account, Position
from margin_rules.money import MAX_AMOUNT, MAX_PLACES, ZERO, to_decimal

REPORTED_PLACES = 30
"""Decimal places accepted for a figure Alpaca REPORTS (compared, never computed with): Alpaca publishes e.g.
``last_equity: "122011.09751111286868"`` (17 places). Inputs to the core keep the core's bound (10 places)."""

ACCOUNT_MONEY_FIELDS = (
    "cash",
    "equity",
    "portfolio_value",
    "last_equity",
    "long_market_value",
    "short_market_value",
    "initial_margin",
    "maintenance_margin",
    "last_maintenance_margin",
    "buying_power",
    "regt_buying_power",
    "daytrading_buying_power",
    "non_marginable_buying_power",
    "options_buying_power",
    "sma",
    "multiplier",
)
"""Every numeric string field of the account the adapter reads (``multiplier`` is a numeric string too)."""

REQUIRED_ACCOUNT_FIELDS = (
    "cash",
    "equity",
    "long_market_value",
    "short_market_value",
    "initial_margin",
    "maintenance_margin",
    "multiplier",
    "buying_power",
    "regt_buying_power",
)
"""A payload without one of these is partial: refused (a reconciliation against nothing would be a silent pass)."""

LEGACY_PDT_FIELDS = ("daytrade_count", "daytrading_buying_power", "pattern_day_trader")
"""Removed from Alpaca's account payload on 2026-07-06 (Alpaca changelog 2026-06-03)."""

_POSITIONS = TypeAdapter(list[AlpacaPositionModel])


@dataclass(frozen=True, slots=True)
class AlpacaPosition:
    """One Alpaca position after validation and sign normalisation (signed like Alpaca: negative = short)."""

    symbol: str
    side: str
    quantity: Decimal
    current_price: Decimal
    lastday_price: Decimal | None
    market_value: Decimal | None
    cost_basis: Decimal | None
    marginable: bool
    leverage: Decimal


@dataclass(frozen=True, slots=True)
class AlpacaSnapshot:
    """A validated, exact view of one Alpaca account and its positions.

    * ``account``: the core snapshot at current prices (``cash``, positions at ``current_price``, ``sma``, prior-close
      ``last_equity`` / ``last_maintenance_margin`` when they fit the core's bounds).
    * ``prior_close``: the same positions valued at ``lastday_price`` (None when a position has no ``lastday_price``):
      the basis of ``last_maintenance_margin``.
    * ``reported``: every numeric field Alpaca sent, exactly (absent fields are absent).
    * ``notes``: why some input was not passed to the core (e.g. a ``last_equity`` beyond the core's 10 places).
    """

    account: Account
    prior_close: Account | None
    positions: tuple[AlpacaPosition, ...]
    reported: Mapping[str, Decimal]
    multiplier: Decimal
    legacy_pdt_fields: bool
    pattern_day_trader: bool | None
    daytrade_count: int | None
    notes: tuple[str, ...]

    @property
    def prices(self) -> dict[str, Decimal]:
        """Current price per symbol (what a price-update callback is fed)."""
        return {p.symbol: p.current_price for p in self.positions}


def validate_account(raw: object) -> TradeAccount:
    """Validate the structure of a ``GET /v2/account`` body with alpaca-py's ``TradeAccount``."""
    if not isinstance(raw, Mapping):
        raise AlpacaApiError(
            ApiErrorKind.MALFORMED,
            f"the account body is a {type(raw).__name__}, not a JSON object",
            endpoint="/v2/account",
        )
    try:
        return TradeAccount.model_validate(dict(raw))
    except ValidationError as exc:
        raise AlpacaApiError(ApiErrorKind.MALFORMED, _validation_summary(exc), endpoint="/v2/account") from None


def validate_positions(raw: object) -> list[AlpacaPositionModel]:
    """Validate the structure of a ``GET /v2/positions`` body with alpaca-py's ``Position``."""
    if not isinstance(raw, list):
        raise AlpacaApiError(
            ApiErrorKind.MALFORMED,
            f"the positions body is a {type(raw).__name__}, not a JSON array",
            endpoint="/v2/positions",
        )
    try:
        return _POSITIONS.validate_python(raw)
    except ValidationError as exc:
        raise AlpacaApiError(ApiErrorKind.MALFORMED, _validation_summary(exc), endpoint="/v2/positions") from None


def _validation_summary(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    more = f" (+{exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
    return "invalid payload: " + "; ".join(parts) + more


def _amount(raw: Mapping[str, Any], name: str, where: str, *, places: int = MAX_PLACES) -> Decimal | None:
    """The exact Decimal of the original JSON string ``raw[name]`` (None when absent or null)."""
    value = raw.get(name)
    if value is None:
        return None
    field = f"{where}.{name}"
    if not isinstance(value, str):
        # alpaca-py's models already refuse a JSON number for a str field; this guards the raw path as well.
        raise InvalidTypeError(field, f"Alpaca sends amounts as JSON strings; got {type(value).__name__} {value!r}")
    try:
        return to_decimal(value, field, max_abs=MAX_AMOUNT, max_places=places)
    except InvalidInputError as exc:
        raise AlpacaDataError(field, exc.reason) from None


def _required(raw: Mapping[str, Any], name: str, where: str) -> Decimal:
    value = _amount(raw, name, where)
    if value is None:
        raise MissingFieldError(f"{where}.{name}", "required but absent (partial payload)")
    return value


def _signed(value: Decimal | None, short: bool, field: str) -> Decimal | None:
    """Normalise one signed amount of a position against its side (see the module docstring)."""
    if value is None:
        return None
    if short:
        return -abs(value)
    if value < ZERO:
        raise ContradictoryDataError(field, f"side is 'long' but the amount is negative ({value}); refusing to guess")
    return value


def _symbol_map(values: Mapping[str, Any], name: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in values.items():
        if not isinstance(key, str) or not key.strip():
            raise InvalidTypeError(name, f"invalid symbol {key!r}")
        result[key.strip().upper()] = value
    return result


def map_position(
    raw: Mapping[str, Any],
    model: AlpacaPositionModel,
    *,
    leverage: Mapping[str, Any],
    marginable: Mapping[str, bool],
) -> AlpacaPosition:
    """Map one validated position (``model``) using the original strings of ``raw``."""
    symbol = str(model.symbol).strip().upper()
    where = f"alpaca.positions[{symbol}]"
    asset_class = getattr(model.asset_class, "value", model.asset_class)
    if asset_class != "us_equity":
        raise UnsupportedAssetError(
            f"{where}.asset_class", f"{asset_class!r} positions are not modelled by the equity margin core"
        )
    side = str(getattr(model.side, "value", model.side))
    short = side == "short"
    quantity = _signed(_required(raw, "qty", where), short, f"{where}.qty")
    assert quantity is not None
    current = _amount(raw, "current_price", where)
    if current is None:
        raise MissingFieldError(f"{where}.current_price", "required to value the position")
    lastday = _amount(raw, "lastday_price", where)
    market_value = _signed(_amount(raw, "market_value", where), short, f"{where}.market_value")
    cost_basis = _signed(_amount(raw, "cost_basis", where), short, f"{where}.cost_basis")
    if symbol in marginable:
        is_marginable = marginable[symbol]
        if not isinstance(is_marginable, bool):
            raise InvalidTypeError(f"marginable[{symbol}]", "must be True or False")
    elif model.asset_marginable is None:
        raise MissingFieldError(
            f"{where}.asset_marginable", "absent; give a per-symbol marginable override instead of a silent default"
        )
    else:
        is_marginable = bool(model.asset_marginable)
    factor = to_decimal(leverage.get(symbol, 1), f"leverage[{symbol}]")
    return AlpacaPosition(symbol, side, quantity, current, lastday, market_value, cost_basis, is_marginable, factor)


def map_snapshot(
    raw_account: object,
    raw_positions: object,
    *,
    leverage: Mapping[str, Decimal | int | str] | None = None,
    marginable: Mapping[str, bool] | None = None,
) -> AlpacaSnapshot:
    """Validate both payloads with alpaca-py's models and build the exact :class:`AlpacaSnapshot`.

    ``leverage``: symbol -> leverage factor of leveraged ETFs (e.g. {"TQQQ": 3}); ``marginable``: symbol -> override.
    Raises :class:`AlpacaApiError` (kind ``malformed``) for a structurally invalid payload and a typed
    :class:`AlpacaDataError` / core :class:`~margin_rules.errors.InvalidInputError` naming the field for refused data.
    """
    account_model = validate_account(raw_account)
    position_models = validate_positions(raw_positions)
    assert isinstance(raw_account, Mapping) and isinstance(raw_positions, list)
    lev = _symbol_map(leverage or {}, "leverage")
    marg = _symbol_map(marginable or {}, "marginable")
    where = "alpaca.account"
    for name in REQUIRED_ACCOUNT_FIELDS:
        _required(raw_account, name, where)
    reported: dict[str, Decimal] = {}
    for name in ACCOUNT_MONEY_FIELDS:
        value = _amount(raw_account, name, where, places=REPORTED_PLACES)
        if value is not None:
            reported[name] = value
    cash = _required(raw_account, "cash", where)
    multiplier = reported["multiplier"]
    notes: list[str] = []

    def core_input(name: str) -> Decimal | None:
        try:
            return _amount(raw_account, name, where)
        except AlpacaDataError as exc:
            notes.append(f"{name} not passed to the core: {exc.reason}")
            return None

    sma = core_input("sma")
    prior_equity = core_input("last_equity")
    prior_maintenance = core_input("last_maintenance_margin")

    positions: list[AlpacaPosition] = []
    for raw, model in zip(raw_positions, position_models, strict=True):
        if not isinstance(raw, Mapping):
            raise AlpacaApiError(ApiErrorKind.MALFORMED, "a position is not a JSON object", endpoint="/v2/positions")
        positions.append(map_position(raw, model, leverage=lev, marginable=marg))

    def core_positions(prior: bool) -> tuple[Position, ...]:
        return tuple(
            Position(
                p.symbol,
                p.quantity,
                (p.lastday_price if prior else p.current_price) or ZERO,
                marginable=p.marginable,
                leverage=p.leverage,
                cost_basis=p.cost_basis,
            )
            for p in positions
        )

    account = Account(
        cash=cash,
        positions=core_positions(False),
        sma=sma if sma is not None else ZERO,
        prior_equity=prior_equity,
        prior_maintenance=prior_maintenance,
    )
    prior_close = None
    if all(p.lastday_price is not None for p in positions):
        prior_close = Account(cash=cash, positions=core_positions(True))
    legacy = any(name in raw_account for name in LEGACY_PDT_FIELDS)
    return AlpacaSnapshot(
        account=account,
        prior_close=prior_close,
        positions=tuple(positions),
        reported=reported,
        multiplier=multiplier,
        legacy_pdt_fields=legacy,
        pattern_day_trader=account_model.pattern_day_trader,
        daytrade_count=account_model.daytrade_count,
        notes=tuple(notes),
    )
