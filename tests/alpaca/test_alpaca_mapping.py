"""Mapping of Alpaca payloads through alpaca-py's models: exact strings, signs and sides, refusals naming the field."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from alpaca_support import load

from margin_rules.brokers.alpaca.errors import (
    AlpacaApiError,
    ApiErrorKind,
    ContradictoryDataError,
    MissingFieldError,
    UnsupportedAssetError,
)
from margin_rules.brokers.alpaca.fields import reproduce
from margin_rules.brokers.alpaca.mapping import map_snapshot
from margin_rules.errors import DomainError, DuplicatePositionError, InvalidInputError

D = Decimal


def payloads(name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = load(name)
    return copy.deepcopy(data["account"]), copy.deepcopy(data["positions"])


def test_amounts_are_the_original_strings_exactly() -> None:
    account, positions = payloads("fractional")
    snap = map_snapshot(account, positions)
    spy = next(p for p in snap.positions if p.symbol == "SPY")
    assert spy.quantity == D("2.123456789") and spy.current_price == D("500.10")
    assert str(spy.current_price) == "500.10"  # the string, not a float's repr
    assert snap.reported["options_buying_power"] == D("1578.53287008945")
    assert all(isinstance(v, Decimal) for v in snap.reported.values())


def test_a_json_number_for_money_is_refused_not_rounded() -> None:
    account, positions = payloads("long_only")
    account["cash"] = 5000.1  # a float in the JSON: alpaca-py's str field refuses it
    with pytest.raises(AlpacaApiError) as err:
        map_snapshot(account, positions)
    assert err.value.kind is ApiErrorKind.MALFORMED and "cash" in str(err.value)
    account, positions = payloads("long_only")
    positions[0]["qty"] = 10.0
    with pytest.raises(AlpacaApiError, match="qty"):
        map_snapshot(account, positions)


def test_short_with_positive_quantity_and_side_short_is_still_a_short() -> None:
    account, positions = payloads("shorts")
    reference = reproduce(map_snapshot(account, positions))
    tsla = next(p for p in positions if p["symbol"] == "TSLA")
    tsla["qty"], tsla["market_value"], tsla["cost_basis"] = "20", "5000", "4800"  # magnitudes, side short
    snap = map_snapshot(account, positions)
    mapped = next(p for p in snap.positions if p.symbol == "TSLA")
    assert mapped.quantity == D("-20") and mapped.market_value == D("-5000") and mapped.cost_basis == D("-4800")
    assert reproduce(snap) == reference


@pytest.mark.parametrize("field", ["qty", "market_value", "cost_basis"])
def test_long_side_with_a_negative_amount_is_refused_naming_the_field(field: str) -> None:
    account, positions = payloads("long_only")
    positions[0][field] = "-" + positions[0][field]
    with pytest.raises(ContradictoryDataError) as err:
        map_snapshot(account, positions)
    assert err.value.field == f"alpaca.positions[AAPL].{field}"
    assert isinstance(err.value, InvalidInputError)


def test_unknown_side_is_refused_by_alpaca_py() -> None:
    account, positions = payloads("long_only")
    positions[0]["side"] = "sideways"
    with pytest.raises(AlpacaApiError, match="side"):
        map_snapshot(account, positions)


def test_missing_asset_marginable_needs_an_explicit_override() -> None:
    account, positions = payloads("non_marginable")
    del positions[0]["asset_marginable"]
    with pytest.raises(MissingFieldError) as err:
        map_snapshot(account, positions)
    assert err.value.field == "alpaca.positions[XYZW].asset_marginable"
    snap = map_snapshot(account, positions, marginable={"xyzw": False})
    assert reproduce(snap)["maintenance_margin"].value == D("1770.75")
    # the override wins over Alpaca's flag, and changes the requirement
    account, positions = payloads("non_marginable")
    assert reproduce(map_snapshot(account, positions, marginable={"XYZW": True}))["maintenance_margin"].value == D(
        "930.75"
    )


def test_option_and_crypto_positions_are_refused() -> None:
    account, positions = payloads("long_only")
    positions[0]["asset_class"] = "crypto"
    with pytest.raises(UnsupportedAssetError) as err:
        map_snapshot(account, positions)
    assert err.value.field == "alpaca.positions[AAPL].asset_class"


def test_missing_current_price_is_refused() -> None:
    account, positions = payloads("long_only")
    positions[1]["current_price"] = None
    with pytest.raises(MissingFieldError, match=r"positions\[MSFT\]\.current_price"):
        map_snapshot(account, positions)


def test_missing_lastday_price_makes_only_last_maintenance_unreproducible() -> None:
    account, positions = payloads("long_only")
    del positions[0]["lastday_price"]
    rep = reproduce(map_snapshot(account, positions))
    last = rep["last_maintenance_margin"]
    assert last.value is None and "lastday_price" in (last.reason or "")
    assert rep["maintenance_margin"].value == D("1186.35")


@pytest.mark.parametrize("field", ["cash", "equity", "initial_margin", "multiplier", "buying_power"])
def test_partial_account_is_refused(field: str) -> None:
    account, positions = payloads("long_only")
    del account[field]
    with pytest.raises(MissingFieldError) as err:
        map_snapshot(account, positions)
    assert err.value.field == f"alpaca.account.{field}"


def test_garbage_amount_names_the_field() -> None:
    account, positions = payloads("long_only")
    account["cash"] = "12,000.00"
    with pytest.raises(InvalidInputError) as err:
        map_snapshot(account, positions)
    assert err.value.field == "alpaca.account.cash"
    account, positions = payloads("long_only")
    positions[0]["current_price"] = "NaN"
    with pytest.raises(InvalidInputError) as err2:
        map_snapshot(account, positions)
    assert err2.value.field == "alpaca.positions[AAPL].current_price"


def test_negative_price_and_duplicate_symbols_are_refused_by_the_core() -> None:
    account, positions = payloads("long_only")
    positions[0]["current_price"] = "-1"
    with pytest.raises(DomainError, match="price"):
        map_snapshot(account, positions)
    account, positions = payloads("long_only")
    positions[1]["symbol"] = "aapl"
    with pytest.raises(DuplicatePositionError):
        map_snapshot(account, positions)


def test_invalid_leverage_is_refused() -> None:
    account, positions = payloads("leveraged_etf")
    with pytest.raises(DomainError, match="leverage"):
        map_snapshot(account, positions, leverage={"TQQQ": "0.5"})


def test_bodies_of_the_wrong_shape_are_malformed() -> None:
    account, positions = payloads("long_only")
    with pytest.raises(AlpacaApiError) as err:
        map_snapshot([account], positions)
    assert err.value.kind is ApiErrorKind.MALFORMED
    with pytest.raises(AlpacaApiError) as err2:
        map_snapshot(account, {"positions": positions})
    assert err2.value.kind is ApiErrorKind.MALFORMED


def test_with_and_without_the_removed_pdt_fields() -> None:
    account, positions = payloads("legacy_pdt")
    legacy = map_snapshot(account, positions)
    for name in ("daytrade_count", "daytrading_buying_power", "pattern_day_trader"):
        del account[name]
    current = map_snapshot(account, positions)
    assert legacy.legacy_pdt_fields and not current.legacy_pdt_fields
    assert legacy.account == current.account
    assert reproduce(current)["daytrading_buying_power"].value == D("172668")  # computed, compared only if sent


def test_multiplier_1_with_debit_and_undocumented_multiplier_are_not_reproducible() -> None:
    account, positions = payloads("debit_cash")
    account["multiplier"] = "1"
    rep = reproduce(map_snapshot(account, positions))["buying_power"]
    assert rep.value is None and "debit" in (rep.reason or "")
    account["multiplier"] = "3"
    rep3 = reproduce(map_snapshot(account, positions))["buying_power"]
    assert rep3.value is None and "not documented" in (rep3.reason or "")
