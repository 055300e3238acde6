"""``margin-rules evaluate``: hand-computed figures on the examples, golden JSON outputs, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _figures(run, name: str, rules: str = "finra") -> dict[str, object]:
    result = run("evaluate", f"examples/{name}.json", "--rules", rules, "--json")
    assert result.stderr == ""
    return result.json()


# --- hand-computed figures -----------------------------------------------------------------------------------------


def test_long_only_finra(cli) -> None:
    data = _figures(cli, "long_only")
    # cash -10,000 + 100 x 190 + 50 x 420 = 30,000; 25% / 50% of 40,000.
    assert data["equity"] == "30000.00"
    assert data["long_market_value"] == "40000.00"
    assert data["maintenance_margin"] == "10000.00"
    assert data["initial_margin"] == "20000.00"
    assert data["health"] == "HEALTHY"
    assert data["regt_buying_power"] == "20000.00"  # 2 x (30,000 - 20,000)
    assert data["buying_power"] == "20000.00"
    assert data["daytrading_buying_power"] == "79400.00"  # 4 x (29,800 - 9,950)
    assert data["intraday_buying_power"] == "80000.00"  # 4 x (30,000 - 10,000)
    assert data["sma_buying_power"] == "10000.00"
    assert data["max_withdrawal"] == "10000.00"
    assert data["margin_call"] is None
    positions = data["positions"]
    assert isinstance(positions, list)
    assert [p["unrealized_pl"] for p in positions] == ["1500.00", "-750.00"]


def test_long_only_alpaca_30_percent(cli) -> None:
    data = _figures(cli, "long_only", "alpaca")
    assert data["maintenance_margin"] == "12000.00"  # 30% of 40,000
    assert data["intraday_buying_power"] == "54000.00"  # 3 x (30,000 - 12,000)


@pytest.mark.parametrize(
    ("name", "maintenance", "initial", "equity"),
    [
        ("short_4_99", "4990.00", "4990.00", "5000.00"),  # max($2.50 x 1000, 100% x 4,990)
        ("short_5_00", "5000.00", "5000.00", "5000.00"),  # max($5.00 x 1000, 30% x 5,000)
        ("short_16_67", "5001.00", "8335.00", "8335.00"),  # max($5,000, 30% x 16,670 = 5,001); Reg T 50%
    ],
)
def test_short_floors(cli, name: str, maintenance: str, initial: str, equity: str) -> None:
    for rules in ("finra", "alpaca"):
        data = _figures(cli, name, rules)
        assert data["maintenance_margin"] == maintenance
        assert data["initial_margin"] == initial
        assert data["equity"] == equity
        assert data["health"] == "HEALTHY"  # each example holds exactly the initial requirement or more


def test_short_at_five_dollars_sits_on_the_boundary(cli) -> None:
    data = _figures(cli, "short_5_00")
    assert data["maintenance_excess"] == "0.00"
    assert data["initial_excess"] == "0.00"
    assert data["max_withdrawal"] == "0.00"


@pytest.mark.parametrize(
    ("rules", "maintenance", "deficit"), [("finra", "4500.00", "-1500.00"), ("alpaca", "5400.00", "-2400.00")]
)
def test_margin_call_exits_1(cli, rules: str, maintenance: str, deficit: str) -> None:
    result = cli("evaluate", "examples/margin_call.json", "--rules", rules, "--json")
    assert result.code == 1
    data = result.json()
    assert data["equity"] == "3000.00"
    assert data["maintenance_margin"] == maintenance
    assert data["maintenance_excess"] == deficit
    assert data["health"] == "LIQUIDATION_CALL"
    call = data["margin_call"]
    assert isinstance(call, dict)
    assert call["amount"] == deficit.removeprefix("-") or call["kind"] != "maintenance"


def test_margin_call_table_names_the_call(cli) -> None:
    result = cli("evaluate", "examples/margin_call.json")
    assert result.code == 1
    # The health row and the calls table use the same words for the same thing (HealthState.label, CallKind.label).
    assert result.stdout.count("Maintenance call") == 2
    assert "LIQUIDATION_CALL" not in result.stdout
    assert "Margin calls" in result.stdout
    assert "$1,500.00" in result.stdout


def test_non_marginable_carries_100_percent(cli) -> None:
    data = _figures(cli, "non_marginable")
    positions = {p["symbol"]: p for p in data["positions"]}
    assert positions["PNKS"]["maintenance_margin"] == "5000.00"
    assert positions["PNKS"]["initial_margin"] == "5000.00"
    assert positions["PNKS"]["asset_marginable"] is False
    assert positions["SPY"]["maintenance_margin"] == "1250.00"
    assert data["maintenance_margin"] == "6250.00"
    assert data["initial_margin"] == "7500.00"


@pytest.mark.parametrize(("rules", "requirement"), [("finra", "6000.00"), ("alpaca", "8000.00")])
def test_leveraged_etf(cli, rules: str, requirement: str) -> None:
    data = _figures(cli, "leveraged_etf", rules)
    assert data["maintenance_margin"] == requirement  # FINRA 3 x 25% of 8,000; Alpaca 100%
    assert data["initial_margin"] == requirement


def test_house_rules_file(cli) -> None:
    data = _figures(cli, "long_only", "examples/rules/house.json")
    assert data["rules"] == {
        "name": "alpaca+example-house",
        "day_trading_regime": "intraday_margin",
        "withdrawal_rule": "regulatory",
    }
    # Both positions exceed 40% of the 40,000 gross exposure: the 50% concentration rate applies to each.
    assert data["maintenance_margin"] == "20000.00"
    assert [p["house_rate"] for p in data["positions"]] == ["0.5", "0.5"]


def test_table_output_shows_every_section(cli) -> None:
    result = cli("evaluate", "examples/long_only.json")
    assert result.code == 0, result.stderr
    for text in (
        "Equity",
        "$30,000.00",
        "Maintenance requirement",
        "$10,000.00",
        "Healthy",
        "Positions",
        "AAPL",
        "+$1,500.00",
        "Buying power",
        "Reg T overnight",
        "Intraday margin",
        "Legacy day trading",
        "$79,400.00",
        "Maximum withdrawal",
        "No margin call.",
    ):
        assert text in result.stdout, text


def test_mode_option_selects_buying_power(cli) -> None:
    data = cli("evaluate", "examples/long_only.json", "--json", "--mode", "intraday").json()
    assert data["buying_power_mode"] == "intraday"
    assert data["buying_power"] == data["intraday_buying_power"] == "80000.00"


# --- golden outputs ------------------------------------------------------------------------------------------------

GOLDEN_CASES = [
    (name, rules)
    for name in (
        "long_only",
        "short_4_99",
        "short_5_00",
        "short_16_67",
        "margin_call",
        "non_marginable",
        "leveraged_etf",
        "alpaca_account",
        "below_minimum_equity",
        "pm_hedge",
    )
    for rules in ("finra", "alpaca")
]


@pytest.mark.parametrize(("name", "rules"), GOLDEN_CASES)
def test_golden_json(cli, name: str, rules: str) -> None:
    result = cli("evaluate", f"examples/{name}.json", "--rules", rules, "--json")
    assert result.code == (1 if name == "margin_call" else 0), result.stderr
    golden = GOLDEN / f"{name}.{rules}.json"
    if os.environ.get("MARGIN_RULES_UPDATE_GOLDEN") == "1":
        golden.write_text(result.stdout)
    assert golden.exists(), f"missing golden file {golden}; run with MARGIN_RULES_UPDATE_GOLDEN=1 and review it"
    assert json.loads(result.stdout) == json.loads(golden.read_text())


def test_every_example_is_covered() -> None:
    names = {p.stem for p in EXAMPLES.glob("*.json")}
    covered = {name for name, _ in GOLDEN_CASES}
    assert names == covered


def test_alpaca_document_matches_alpacas_own_figures(cli) -> None:
    """The example's Alpaca figures (equity, requirements, buying power) are reproduced under the alpaca preset."""
    data = _figures(cli, "alpaca_account", "alpaca")
    reported = json.loads((EXAMPLES / "alpaca_account.json").read_text())["account"]
    for name in ("equity", "long_market_value", "short_market_value", "initial_margin", "maintenance_margin"):
        assert data[name] == reported[name], name
    assert data["regt_buying_power"] == reported["regt_buying_power"]
    assert data["buying_power"] == reported["buying_power"]  # multiplier 2: Reg T
    assert data["buying_power_mode"] == "reg_t"


def test_alpaca_document_defaults_to_the_alpaca_preset(cli) -> None:
    data = cli("evaluate", "examples/alpaca_account.json", "--json").json()
    assert data["rules"]["name"] == "alpaca"
    assert data["maintenance_margin"] == "3600.00"  # 30% of 9,500 + max($5 x 10, 30% of 2,500)


def test_alpaca_document_errors_name_the_field(cli, tmp_path: Path) -> None:
    document = json.loads((EXAMPLES / "alpaca_account.json").read_text())
    document["positions"][0]["qty"] = "-50"  # a negative quantity on a long
    path = tmp_path / "alpaca.json"
    path.write_text(json.dumps(document))
    result = cli("evaluate", str(path))
    assert result.code == 2
    assert "positions[AAPL].qty" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_json_text_is_json_dumps_indent_2() -> None:
    """The CLI's fast JSON writer gives json.dumps(indent=2)'s text exactly (goldens and random nested data)."""
    import json
    import random

    from margin_rules.cli.fmt import json_text

    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text())
        assert json_text(data) == json.dumps(data, indent=2), path.name
    rng = random.Random(12)

    def gen(depth: int) -> object:
        k = rng.random()
        if depth > 3 or k < 0.4:
            return rng.choice([None, True, False, 0, -5, 10**30, 'a"b\\c\n\u00e9\u2603', "", "x"])
        if k < 0.7:
            return {f"k{i}\u00e9": gen(depth + 1) for i in range(rng.randint(0, 4))}
        return [gen(depth + 1) for _ in range(rng.randint(0, 4))]

    for _ in range(500):
        data = gen(0)
        assert json_text(data) == json.dumps(data, indent=2)
