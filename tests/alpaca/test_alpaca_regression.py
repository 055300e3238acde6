"""Regression: every recorded Alpaca response (tests/fixtures/alpaca) served on 127.0.0.1 to the real alpaca-py
TradingClient, mapped, reproduced from the core and reconciled; statuses must equal the fixture's expectation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from alpaca_support import ACCOUNT_FIXTURES, KEY, SECRET, base_url, load, serve
from pytest_httpserver import HTTPServer

from margin_rules import formulas
from margin_rules.arith import DECIMAL
from margin_rules.brokers.alpaca.client import Credentials, fetch_raw, make_client, resolve_base_url
from margin_rules.brokers.alpaca.fields import CENT_TOLERANCE, FIELDS, reproduce
from margin_rules.brokers.alpaca.mapping import AlpacaSnapshot, map_snapshot
from margin_rules.brokers.alpaca.reconcile import Report, Tolerance, reconcile
from margin_rules.rulesets import alpaca

D = Decimal
CREDS = Credentials(KEY, SECRET)


def fetch(server: HTTPServer, name: str, **kwargs: object) -> tuple[AlpacaSnapshot, Report]:
    data = serve(server, name, **kwargs)  # type: ignore[arg-type]
    client = make_client(CREDS, resolve_base_url(CREDS, base_url(server), live=False), timeout=5)
    raw_account, raw_positions = fetch_raw(client, secrets=CREDS.secrets)
    options = data["options"]
    snapshot = map_snapshot(raw_account, raw_positions, leverage=options.get("leverage"))
    return snapshot, reconcile(snapshot, alpaca())


def test_every_fixture_is_covered() -> None:
    expected = {
        "published_current_mult4",
        "published_current_mult2",
        "published_legacy_pdt",
        "published_positions",
        "long_only",
        "shorts",
        "debit_cash",
        "non_marginable",
        "low_price_long",
        "short_below_5",
        "short_5_to_16_67",
        "leveraged_etf",
        "fractional",
        "empty",
        "legacy_pdt",
        "current_no_pdt",
    }
    assert set(ACCOUNT_FIXTURES) == expected
    for name in ACCOUNT_FIXTURES:
        data = load(name)
        assert data["source"] and data["hand_computation"], name
        assert set(data["expected_status"]) == set(FIELDS), name


@pytest.mark.parametrize("name", ACCOUNT_FIXTURES)
def test_fixture_reconciles_as_documented(alpaca_server: HTTPServer, name: str) -> None:
    _, report = fetch(alpaca_server, name)
    got = {row.field: row.status for row in report.fields}
    assert got == load(name)["expected_status"]
    assert all(row.status == "ok" for row in report.positions), report.positions
    assert report.ok
    # the real request path: alpaca-py asked the local server for /v2/account and /v2/positions
    paths = [request.path for request, _ in alpaca_server.log]
    assert paths == ["/v2/account", "/v2/positions"]


def _local(snapshot: AlpacaSnapshot) -> dict[str, Decimal | None]:
    return {name: rep.value for name, rep in reproduce(snapshot).items()}


def test_published_multiplier_4_matches_exactly(alpaca_server: HTTPServer) -> None:
    snapshot, report = fetch(alpaca_server, "published_current_mult4")
    local = _local(snapshot)
    assert local["equity"] == D("103820.56")
    assert local["initial_margin"] == D("63480.38")
    assert local["maintenance_margin"] == D("38088.228")  # Alpaca's unrounded figure, to the last digit
    assert local["last_maintenance_margin"] == D("38000.832")
    assert local["regt_buying_power"] == D("80680.36")
    assert local["buying_power"] == D("262113.632")
    assert local["options_buying_power"] == D("40340.18")
    assert all(row.delta == 0 for row in report.fields if row.status == "ok")


def test_published_multiplier_2_buying_power_uses_the_unrounded_initial_margin(alpaca_server: HTTPServer) -> None:
    snapshot, report = fetch(alpaca_server, "published_current_mult2")
    local = _local(snapshot)
    assert local["initial_margin"] == D("629.805")
    assert report.result("initial_margin").alpaca == D("629.8")
    assert report.result("initial_margin").delta == D("0.005")  # Alpaca shows the requirement to the cent
    assert report.result("maintenance_margin").delta == D("0.003")
    assert local["regt_buying_power"] == D("245432.61") == report.result("regt_buying_power").alpaca
    assert local["options_buying_power"] == D("122716.305") == report.result("options_buying_power").alpaca
    # Alpaca's regt_buying_power is NOT 2 x (equity - the rounded initial_margin): that would be off by a cent.
    rates = alpaca().rates
    from_rounded = formulas.regt_buying_power(DECIMAL, rates, D("123346.11"), D("629.8"))
    assert from_rounded == D("245432.62") != report.result("regt_buying_power").alpaca


def test_published_legacy_17_place_last_equity_is_read_exactly(alpaca_server: HTTPServer) -> None:
    snapshot, _ = fetch(alpaca_server, "published_current_mult2")
    assert snapshot.reported["last_equity"] == D("122011.09751111286868")
    assert snapshot.account.prior_equity is None  # beyond the core's 10 places: not passed, and said so
    assert any("last_equity" in note for note in snapshot.notes)


def test_published_legacy_non_marginable_buying_power_is_documented_not_reproducible(alpaca_server: HTTPServer) -> None:
    snapshot, report = fetch(alpaca_server, "published_legacy_pdt")
    row = report.result("non_marginable_buying_power")
    assert row.status == "not_reproducible" and row.alpaca == D("7386.56") and row.local is None
    assert "debit balance" in row.note
    assert report.result("daytrading_buying_power").local == D("262113.632")
    assert snapshot.legacy_pdt_fields and snapshot.daytrade_count == 0 and snapshot.pattern_day_trader is False


def test_legacy_and_current_payloads_give_the_same_core_figures(alpaca_server: HTTPServer) -> None:
    legacy, legacy_report = fetch(alpaca_server, "legacy_pdt")
    alpaca_server.clear()
    current, current_report = fetch(alpaca_server, "current_no_pdt")
    assert legacy.legacy_pdt_fields and not current.legacy_pdt_fields
    assert legacy.pattern_day_trader is True and legacy.daytrade_count == 3
    assert current.pattern_day_trader is None and current.daytrade_count is None
    same = ("equity", "initial_margin", "maintenance_margin", "last_maintenance_margin", "regt_buying_power")
    for name in same:
        assert legacy_report.result(name).local == current_report.result(name).local
    assert legacy_report.result("buying_power").local == D("172668")  # 4 x (48810 - 5643)
    assert current_report.result("buying_power").local == D("79025")  # multiplier 2: Reg T
    assert current_report.result("daytrading_buying_power").status == "not_sent"


def test_sma_is_shown_but_never_compared(alpaca_server: HTTPServer) -> None:
    _, report = fetch(alpaca_server, "published_current_mult2")
    row = report.result("sma")
    assert row.status == "not_reproducible" and row.alpaca == D("123369.74") and "history" in row.note


def test_leveraged_etf_needs_the_leverage_map(alpaca_server: HTTPServer) -> None:
    data = load("leveraged_etf")
    serve(alpaca_server, "leveraged_etf")
    client = make_client(CREDS, resolve_base_url(CREDS, base_url(alpaca_server), live=False), timeout=5)
    raw_account, raw_positions = fetch_raw(client)
    without = reconcile(map_snapshot(raw_account, raw_positions), alpaca())
    assert without.result("maintenance_margin").status == "breach"
    assert without.result("maintenance_margin").local == D("3300")  # TQQQ read as ordinary stock: 30%
    with_map = reconcile(map_snapshot(raw_account, raw_positions, leverage=data["options"]["leverage"]), alpaca())
    assert with_map.result("maintenance_margin").local == D("7500")
    assert with_map.ok


def test_one_cent_off_is_a_breach_and_half_a_cent_is_not(alpaca_server: HTTPServer) -> None:
    account = dict(load("long_only")["account"])
    account["maintenance_margin"] = "1186.36"  # exact 1186.35
    account["initial_margin"] = "1977.255"  # exact 1977.25: half a cent
    _, report = fetch(alpaca_server, "long_only", account=account)
    assert report.result("maintenance_margin").status == "breach"
    assert report.result("maintenance_margin").delta == D("-0.01")
    assert report.result("initial_margin").status == "ok"
    assert D("0.005") == CENT_TOLERANCE
    assert [r.field for r in report.breaches] == ["maintenance_margin"]


def test_relative_tolerance_is_a_product_not_a_quotient(alpaca_server: HTTPServer) -> None:
    account = dict(load("long_only")["account"])
    account["maintenance_margin"] = "1187.4"  # 1.05 off 1186.35: within 0.1% (1.1874), beyond the cent
    serve(alpaca_server, "long_only", account=account)
    client = make_client(CREDS, resolve_base_url(CREDS, base_url(alpaca_server), live=False), timeout=5)
    snapshot = map_snapshot(*fetch_raw(client))
    assert not reconcile(snapshot).ok
    loose = reconcile(snapshot, tolerances={"maintenance_margin": Tolerance(relative=D("0.001"))})
    assert loose.ok and loose.result("maintenance_margin").allowed == D("1.1874000")
    tight = reconcile(snapshot, tolerances={"maintenance_margin": Tolerance(relative=D("0.0008"))})
    assert not tight.ok


def test_position_market_value_drift_is_reported(alpaca_server: HTTPServer) -> None:
    positions = [dict(p) for p in load("long_only")["positions"]]
    positions[0]["market_value"] = "1902.6"
    _, report = fetch(alpaca_server, "long_only", positions=positions)
    assert report.result("position[AAPL].market_value").status == "breach"
