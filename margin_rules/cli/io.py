"""Account files, Alpaca documents and rule-set files: reading, schema checks and conversion to core objects.

The formats are documented in ``docs/account-schema.md``; a JSON Schema of the account file ships as
``margin_rules/cli/account.schema.json``. Summary:

* **Numbers**: JSON strings (``"1234.56"``), integers (``100``) or JSON numbers with a fraction (``1.5``). A number with
  a fraction is read *exactly from its text* as a ``Decimal`` (``json.loads(..., parse_float=Decimal)``): it never
  passes through a binary float, so ``0.1`` is exactly one tenth. ``NaN`` and ``Infinity`` are refused.
* Unknown keys and duplicate keys are refused (a typo must not silently fall back to a default).
* Every problem raises :class:`InputError` naming the file, the field and the reason, in one line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from margin_rules.buying_power import Mode
from margin_rules.errors import InvalidInputError, MarginRulesError, MissingExtraError
from margin_rules.model import Account, Position
from margin_rules.rulesets import PRESETS, DayTradingRegime, HouseRules, RuleSet, WithdrawalRule, preset

ACCOUNT_KEYS = frozenset(
    {"$schema", "description", "cash", "positions", "sma", "prior_equity", "prior_maintenance", "reserved"}
)
POSITION_KEYS = frozenset({"symbol", "quantity", "price", "marginable", "leverage", "cost_basis"})
RULES_KEYS = frozenset(
    {"$schema", "description", "preset", "name", "citation", "rates", "house", "withdrawal_rule", "day_trading_regime"}
)
HOUSE_KEYS = frozenset(
    {"maintenance_rate", "symbol_rates", "concentration_threshold", "concentration_rate", "citation"}
)


class InputError(Exception):
    """A file or option the CLI cannot use. ``str()`` is the one line shown to the user."""

    def __init__(self, source: str, field: str, reason: str) -> None:
        self.source = source
        self.field = field
        self.reason = reason
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{field}: {reason}" if field else f"{where}{reason}")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """An account file, loaded: the core account, the buying power held by open orders, and where it came from."""

    account: Account
    reserved: Decimal | int | str
    source: str
    description: str
    kind: str  # "account" or "alpaca"
    default_rules: str = "finra"
    """The preset used when no ``--rules`` is given: ``finra`` for account files, ``alpaca`` for Alpaca documents."""
    default_mode: Mode = Mode.REG_T
    """The mode reported as ``buying_power`` when no ``--mode`` is given (Alpaca: from the account's multiplier)."""


# --- JSON --------------------------------------------------------------------------------------------------------


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number margin_rules accepts (amounts are finite)")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def parse_json(text: str, source: str) -> object:
    """Parse JSON text exactly: fractions as ``Decimal`` from their text, NaN/Infinity and duplicate keys refused."""
    try:
        return cast(
            object,
            json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=_pairs),
        )
    except json.JSONDecodeError as exc:
        raise InputError(source, f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}") from None
    except ValueError as exc:
        raise InputError(source, "", f"invalid JSON: {exc}") from None


def read_json(path: str | Path) -> object:
    """Read and parse a JSON file; a missing or unreadable file is an :class:`InputError`."""
    source = str(path)
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(source, "", "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "", "is a directory, not a JSON file") from None
    except UnicodeDecodeError:
        raise InputError(source, "", "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(source, "", f"cannot read: {exc.strerror or exc}") from None
    return parse_json(text, source)


# --- helpers -------------------------------------------------------------------------------------------------------


def _object(value: object, source: str, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(source, field or "(top level)", f"expected a JSON object, got {_kind(value)}")
    return cast(dict[str, Any], value)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | Decimal):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _check_keys(obj: Mapping[str, object], allowed: frozenset[str], source: str, where: str) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        prefix = f"{where}." if where else ""
        raise InputError(
            source, f"{prefix}{unknown[0]}", f"unknown field (allowed: {', '.join(sorted(k for k in allowed))})"
        )


def _require(obj: Mapping[str, object], key: str, source: str, where: str) -> object:
    if key not in obj:
        prefix = f"{where}." if where else ""
        raise InputError(source, f"{prefix}{key}", "missing (required)")
    return obj[key]


def _number(value: object, source: str, field: str) -> Decimal | int | str:
    """A JSON number or numeric string, passed on unchanged for the core to convert exactly (and bound-check)."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise InputError(
            source, field, f'expected a number (a JSON string like "12.50" or a number), got {_kind(value)}'
        )
    return value


def _optional_number(obj: Mapping[str, object], key: str, source: str, where: str) -> Decimal | int | str | None:
    value = obj.get(key)
    if value is None:
        return None
    return _number(value, source, f"{where}.{key}" if where else key)


def _core_field(error: InvalidInputError, prefix: str) -> str:
    """Rename a core error's field to the file's path: ``position[AAPL].price`` -> ``positions[2].price``."""
    _, dot, attribute = error.field.partition(".")
    return f"{prefix}.{attribute}" if dot else prefix


# --- account files -------------------------------------------------------------------------------------------------


def _position(value: object, source: str, index: int) -> Position:
    where = f"positions[{index}]"
    obj = _object(value, source, where)
    _check_keys(obj, POSITION_KEYS, source, where)
    symbol = _require(obj, "symbol", source, where)
    if not isinstance(symbol, str):
        raise InputError(source, f"{where}.symbol", f"expected a string, got {_kind(symbol)}")
    quantity = _number(_require(obj, "quantity", source, where), source, f"{where}.quantity")
    price = _number(_require(obj, "price", source, where), source, f"{where}.price")
    marginable = obj.get("marginable", True)
    if not isinstance(marginable, bool):
        raise InputError(source, f"{where}.marginable", f"expected true or false, got {_kind(marginable)}")
    leverage = _optional_number(obj, "leverage", source, where)
    cost_basis = _optional_number(obj, "cost_basis", source, where)
    try:
        return Position(
            symbol=symbol,
            quantity=cast(Decimal, quantity),
            price=cast(Decimal, price),
            marginable=marginable,
            leverage=cast(Decimal, leverage if leverage is not None else 1),
            cost_basis=cast(Decimal | None, cost_basis),
        )
    except InvalidInputError as exc:
        raise InputError(source, _core_field(exc, where), exc.reason) from None


def account_from_document(document: object, source: str) -> Snapshot:
    """Build a :class:`Snapshot` from a parsed account file (the margin_rules schema)."""
    obj = _object(document, source, "")
    _check_keys(obj, ACCOUNT_KEYS, source, "")
    cash = _number(_require(obj, "cash", source, ""), source, "cash")
    raw_positions = obj.get("positions", [])
    if not isinstance(raw_positions, list):
        raise InputError(source, "positions", f"expected an array of positions, got {_kind(raw_positions)}")
    positions = [_position(item, source, i) for i, item in enumerate(raw_positions)]
    seen: dict[str, int] = {}
    for i, position in enumerate(positions):
        if position.symbol in seen:
            raise InputError(
                source,
                f"positions[{i}].symbol",
                f"duplicate symbol {position.symbol} (also positions[{seen[position.symbol]}]): merge the lots",
            )
        seen[position.symbol] = i
    description = obj.get("description", "")
    if not isinstance(description, str):
        raise InputError(source, "description", f"expected a string, got {_kind(description)}")
    reserved = _optional_number(obj, "reserved", source, "")
    try:
        account = Account(
            cash=cast(Decimal, cash),
            positions=tuple(positions),
            sma=cast(Decimal, _optional_number(obj, "sma", source, "") or 0),
            prior_equity=cast(Decimal | None, _optional_number(obj, "prior_equity", source, "")),
            prior_maintenance=cast(Decimal | None, _optional_number(obj, "prior_maintenance", source, "")),
        )
    except InvalidInputError as exc:
        field = exc.field.removeprefix("account.")
        raise InputError(source, field, exc.reason) from None
    return Snapshot(account, reserved if reserved is not None else 0, source, description, "account")


def is_alpaca_document(document: object) -> bool:
    """An Alpaca document is an object with an ``account`` object (``GET /v2/account``) and a ``positions`` array."""
    return isinstance(document, dict) and isinstance(document.get("account"), dict)


MULTIPLIER_MODES = {Decimal(1): Mode.CASH, Decimal(2): Mode.REG_T, Decimal(4): Mode.LEGACY_DAY_TRADING}
"""Alpaca's ``multiplier`` -> the mode of its ``buying_power`` (1: cash, 2: Reg T, 4: legacy day trading)."""


def alpaca_from_document(document: object, source: str) -> Snapshot:
    """Build a :class:`Snapshot` from an Alpaca document ``{"account": {...}, "positions": [...]}``."""
    obj = _object(document, source, "")
    _check_keys(
        obj, frozenset({"$schema", "description", "account", "positions", "leverage", "marginable"}), source, ""
    )
    account_doc = _object(obj["account"], source, "account")
    positions_doc = obj.get("positions", [])
    if not isinstance(positions_doc, list):
        raise InputError(source, "positions", f"expected an array of positions, got {_kind(positions_doc)}")
    try:
        from margin_rules.brokers.alpaca.mapping import map_snapshot
    except ModuleNotFoundError as exc:
        raise MissingExtraError(f"reading an Alpaca document ({source})", "alpaca", exc.name) from None
    try:
        leverage = _object(obj.get("leverage", {}), source, "leverage")
        marginable = _object(obj.get("marginable", {}), source, "marginable")
        mapped = map_snapshot(account_doc, positions_doc, leverage=leverage, marginable=marginable)
    except InvalidInputError as exc:
        field = exc.field.removeprefix("alpaca.")
        raise InputError(source, field, exc.reason) from None
    except MarginRulesError as exc:
        raise InputError(source, "", str(exc)) from None
    account = mapped.account
    mode = MULTIPLIER_MODES.get(mapped.multiplier, Mode.REG_T)
    description = obj.get("description", "")
    if not isinstance(description, str):
        raise InputError(source, "description", f"expected a string, got {_kind(description)}")
    return Snapshot(account, 0, source, description or "Alpaca account document", "alpaca", "alpaca", mode)


def load_snapshot(path: str | Path) -> Snapshot:
    """Load an account file or an Alpaca document (detected by its top-level ``account`` object)."""
    document = read_json(path)
    if is_alpaca_document(document):
        return alpaca_from_document(document, str(path))
    return account_from_document(document, str(path))


# --- rule-set files ------------------------------------------------------------------------------------------------


def _enum_value(obj: Mapping[str, object], key: str, allowed: list[str], source: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise InputError(source, key, f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def _house(value: object, source: str) -> HouseRules:
    obj = _object(value, source, "house")
    _check_keys(obj, HOUSE_KEYS, source, "house")
    symbol_rates = obj.get("symbol_rates", {})
    symbol_rates = _object(symbol_rates, source, "house.symbol_rates")
    rates = {symbol: _number(rate, source, f"house.symbol_rates.{symbol}") for symbol, rate in symbol_rates.items()}
    citation = obj.get("citation", "house requirement (FINRA Rule 4210(d)(1))")
    if not isinstance(citation, str) or not citation.strip():
        raise InputError(source, "house.citation", "expected a non-empty string")
    try:
        return HouseRules(
            maintenance_rate=cast(Decimal | None, _optional_number(obj, "maintenance_rate", source, "house")),
            symbol_rates=cast(dict[str, Decimal], rates),
            concentration_threshold=cast(
                Decimal | None, _optional_number(obj, "concentration_threshold", source, "house")
            ),
            concentration_rate=cast(Decimal | None, _optional_number(obj, "concentration_rate", source, "house")),
            citation=citation,
        )
    except InvalidInputError as exc:
        raise InputError(source, exc.field, exc.reason) from None


def rules_from_document(document: object, source: str) -> RuleSet:
    """Build a :class:`RuleSet` from a parsed rule-set file: a preset, cited rate overrides, house rules, options."""
    obj = _object(document, source, "")
    _check_keys(obj, RULES_KEYS, source, "")
    name = _enum_value(obj, "preset", sorted(PRESETS), source)
    if name is None:
        raise InputError(source, "preset", f"missing (required): one of {', '.join(sorted(PRESETS))}")
    rules = preset(name)
    try:
        overrides = obj.get("rates")
        if overrides is not None:
            overrides = _object(overrides, source, "rates")
            citation = obj.get("citation")
            if not isinstance(citation, str) or not citation.strip():
                raise InputError(source, "citation", "rate overrides must cite their source (a non-empty string)")
            changes = {key: _number(value, source, f"rates.{key}") for key, value in overrides.items()}
            rules = rules.with_rates(citation, **changes)
        if "house" in obj and obj["house"] is not None:
            rules = rules.with_house(_house(obj["house"], source))
        withdrawal = _enum_value(obj, "withdrawal_rule", [w.value for w in WithdrawalRule], source)
        regime = _enum_value(obj, "day_trading_regime", [r.value for r in DayTradingRegime], source)
        rules = rules.with_options(
            withdrawal_rule=WithdrawalRule(withdrawal) if withdrawal else None,
            day_trading_regime=DayTradingRegime(regime) if regime else None,
        )
        label = obj.get("name")
        if label is not None:
            if not isinstance(label, str) or not label.strip():
                raise InputError(source, "name", "expected a non-empty string")
            rules = replace(rules, name=label.strip())
        description = obj.get("description")
        if isinstance(description, str) and description.strip():
            rules = replace(rules, description=description.strip())
    except InvalidInputError as exc:
        field = exc.field.removeprefix("rules.")
        if field in {f for f in rules.citations} or field == "rates":
            field = f"rates.{field}" if field != "rates" else "rates"
        raise InputError(source, field, exc.reason) from None
    return rules


def load_rules(spec: str) -> RuleSet:
    """``finra``, ``alpaca`` (presets, any case) or the path of a rule-set JSON file."""
    key = spec.strip().lower()
    if key in PRESETS:
        return preset(key)
    path = Path(spec)
    if not path.exists():
        raise InputError(
            "--rules", "", f"{spec!r} is neither a preset ({', '.join(sorted(PRESETS))}) nor an existing rule-set file"
        )
    return rules_from_document(read_json(path), spec)
