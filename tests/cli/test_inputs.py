"""Bad files and options: one clear line naming the field and the problem, exit code 2, never a traceback."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from margin_rules.cli.io import InputError, load_rules, load_snapshot, parse_json


def _write(tmp_path: Path, text: str, name: str = "account.json") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _position(**changes: object) -> dict[str, object]:
    return {"symbol": "AAPL", "quantity": 10, "price": "100", **changes}


def _account(**changes: object) -> str:
    return json.dumps({"cash": "1000", "positions": [_position()], **changes})


def _error(cli, path: str, *extra: str) -> str:
    result = cli("evaluate", path, *extra)
    assert result.code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"cash": "1000", "positions": [', "invalid JSON"),
        ('{"cash": NaN}', "NaN is not a number"),
        ('{"cash": Infinity}', "Infinity is not a number"),
        ('{"cash": "1", "cash": "2"}', "duplicate key 'cash'"),
        ("[1, 2]", "(top level): expected a JSON object, got an array"),
        ('{"positions": []}', "cash: missing (required)"),
        ('{"cash": "1", "cahs": "2"}', "cahs: unknown field"),
        ('{"cash": true}', "cash: expected a number"),
        ('{"cash": null}', "cash: expected a number"),
        ('{"cash": "12.3.4"}', "cash: '12.3.4' is not a number"),
        ('{"cash": "NaN"}', "cash: NaN is not a finite amount"),
        ('{"cash": "0.000000000000000000001"}', "cash: 1E-21 has more than 20 decimal places"),
        ('{"cash": "1e30"}', "cash: 1E+30 exceeds the supported magnitude"),
        ('{"cash": "1", "positions": {}}', "positions: expected an array of positions, got an object"),
        ('{"cash": "1", "positions": [7]}', "positions[0]: expected a JSON object, got a number"),
    ],
)
def test_bad_account_files(cli, tmp_path: Path, text: str, expected: str) -> None:
    line = _error(cli, _write(tmp_path, text))
    assert expected in line
    assert "account.json" in line


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (_position(price="-1"), "positions[0].price: a price cannot be negative"),
        (_position(quantity="ten"), "positions[0].quantity: 'ten' is not a number"),
        (_position(marginable="yes"), "positions[0].marginable: expected true or false, got a string"),
        (_position(leverage="0.5"), "positions[0].leverage: a leverage factor is at least 1"),
        (_position(symbol=""), "positions[0].symbol: a symbol cannot be empty"),
        (_position(symbol=5), "positions[0].symbol: expected a string, got a number"),
        (_position(colour="red"), "positions[0].colour: unknown field"),
        ({"symbol": "AAPL", "price": "1"}, "positions[0].quantity: missing (required)"),
    ],
)
def test_bad_positions(cli, tmp_path: Path, position: dict[str, object], expected: str) -> None:
    line = _error(cli, _write(tmp_path, json.dumps({"cash": "0", "positions": [position]})))
    assert expected in line


def test_duplicate_symbol_names_both_positions(cli, tmp_path: Path) -> None:
    text = json.dumps({"cash": "0", "positions": [_position(), _position(symbol="aapl")]})
    line = _error(cli, _write(tmp_path, text))
    assert "positions[1].symbol: duplicate symbol AAPL (also positions[0])" in line


def test_missing_file_and_directory(cli, tmp_path: Path) -> None:
    assert "no such file" in _error(cli, str(tmp_path / "absent.json"))
    assert "is a directory" in _error(cli, str(tmp_path))


def test_json_error_names_line_and_column(cli, tmp_path: Path) -> None:
    line = _error(cli, _write(tmp_path, '{\n  "cash": "1",\n  "positions": [,]\n}'))
    assert "line 3 column" in line


def test_fractions_are_read_exactly_from_their_text() -> None:
    data = parse_json('{"a": 0.1, "b": 1.5, "c": 100, "d": 2.50}', "x")
    assert data == {"a": Decimal("0.1"), "b": Decimal("1.5"), "c": 100, "d": Decimal("2.50")}
    assert isinstance(data, dict)
    assert str(data["a"]) == "0.1"  # not 0.1000000000000000055511151231257827...


def test_json_numbers_with_fractions_are_accepted_exactly(cli, tmp_path: Path) -> None:
    text = '{"cash": 0.1, "positions": [{"symbol": "X", "quantity": 3, "price": 0.1}]}'
    result = cli("evaluate", _write(tmp_path, text), "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert data["cash"] == "0.10"
    assert data["long_market_value"] == "0.30"  # exactly 3 x 0.1
    assert data["equity"] == "0.40"


def test_strings_integers_and_fractions_agree(tmp_path: Path) -> None:
    a = load_snapshot(_write(tmp_path, '{"cash": "2.5", "positions": []}', "a.json"))
    b = load_snapshot(_write(tmp_path, '{"cash": 2.5, "positions": []}', "b.json"))
    c = load_snapshot(_write(tmp_path, '{"cash": 2.50}', "c.json"))
    assert a.account.cash == b.account.cash == c.account.cash == Decimal("2.5")


def test_reserved_is_deducted_from_buying_power(cli, tmp_path: Path) -> None:
    base = cli("evaluate", _write(tmp_path, _account(), "a.json"), "--json").json()
    held = cli("evaluate", _write(tmp_path, _account(reserved="100"), "b.json"), "--json").json()
    assert held["reserved"] == "100.00"
    assert base["regt_buying_power"] != held["regt_buying_power"]


# --- rule-set files ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ({}, "preset: missing (required)"),
        ({"preset": "nyse"}, "preset: expected one of alpaca, finra, got 'nyse'"),
        ({"preset": "finra", "rates": {"maintenance_long_rate": "0.3"}}, "citation: rate overrides must cite"),
        (
            {"preset": "finra", "citation": "x", "rates": {"maintenance_long_rate": "0.6"}},
            "rates: violated invariant(s): 0<maintenance_long_rate<=initial_long_rate",
        ),
        ({"preset": "finra", "citation": "x", "rates": {"bogus": "1"}}, "rates: unknown parameter(s): bogus"),
        (
            {"preset": "finra", "house": {"maintenance_rate": "1.5"}},
            "house.maintenance_rate: a house rate is in [0, 1]",
        ),
        ({"preset": "finra", "house": {"concentration_rate": "0.5"}}, "house.concentration_threshold: give both"),
        ({"preset": "finra", "house": {"colour": 1}}, "house.colour: unknown field"),
        ({"preset": "finra", "day_trading_regime": "pdt"}, "day_trading_regime: expected one of"),
        ({"preset": "finra", "extra": 1}, "extra: unknown field"),
    ],
)
def test_bad_rule_files(cli, tmp_path: Path, rules: dict[str, object], expected: str) -> None:
    account = _write(tmp_path, _account())
    rules_path = _write(tmp_path, json.dumps(rules), "rules.json")
    line = _error(cli, account, "--rules", rules_path)
    assert expected in line
    assert "rules.json" in line


def test_unknown_preset(cli, tmp_path: Path) -> None:
    line = _error(cli, _write(tmp_path, _account()), "--rules", "nyse")
    assert "'nyse' is neither a preset (alpaca, finra) nor an existing rule-set file" in line


def test_rule_file_overrides_and_options(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        json.dumps(
            {
                "preset": "finra",
                "citation": "Acme house table 2026",
                "rates": {"maintenance_long_rate": "0.40", "intraday_multiplier": "2"},
                "withdrawal_rule": "keep_initial",
                "day_trading_regime": "legacy_pdt",
                "name": "acme",
            }
        ),
        "rules.json",
    )
    rules = load_rules(path)
    assert rules.name == "acme"
    assert rules.rates.maintenance_long_rate == Decimal("0.40")
    assert rules.citation("maintenance_long_rate") == "Acme house table 2026"
    assert rules.withdrawal_rule.value == "keep_initial"
    assert rules.day_trading_regime.value == "legacy_pdt"


def test_presets_are_case_insensitive() -> None:
    assert load_rules("FINRA").name == "finra"
    assert load_rules(" alpaca ").name == "alpaca"


def test_input_error_text() -> None:
    assert str(InputError("a.json", "cash", "missing")) == "a.json: cash: missing"
    assert str(InputError("a.json", "", "no such file")) == "a.json: no such file"
