"""The live dashboard, headless: the pure render function, the event log, and the live loop ending by itself."""

from __future__ import annotations

import io
from decimal import Decimal

from rich.console import Console

from margin_rules.cli import dashboard
from margin_rules.health_state import HealthState
from margin_rules.rulesets import alpaca, finra


def _text(renderable: object, width: int = 120) -> str:
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def test_render_shows_every_panel() -> None:
    account = dashboard.demo_account(alpaca())
    state, _ = dashboard.state_of(account, 0, (dashboard.Event(0, "opened"),), "keys: c crash")
    text = _text(dashboard.render(state))
    for expected in (
        "HEALTHY",
        "Equity ratio",
        "Equity",
        "$35,000.00",  # -19,000 + 200 x 190 + 50 x 420 - 20 x 250
        "Cash",
        "-$19,000.00",
        "Reserved (open orders)",
        "$360.00",  # the open NVDA buy: 10 x 120 at Alpaca's 30% (intraday mode charges maintenance)
        "Buying power",
        "Reg T overnight",
        "Intraday margin *",
        "AAPL",
        "+$2,000.00",  # 200 x 190 - 36,000
        "TSLA",
        "+$200.00",  # short: -5,000 - (-5,200)
        "opened",
        "keys: c crash",
    ):
        assert expected in text, expected
    assert "MARGIN CALL" not in text


def test_render_is_pure() -> None:
    account = dashboard.demo_account(finra())
    state, _ = dashboard.state_of(account, 3)
    assert _text(dashboard.render(state)) == _text(dashboard.render(state))


def test_crash_shows_a_margin_call_within_one_refresh() -> None:
    account = dashboard.demo_account(alpaca())
    market = dashboard.Market({p.symbol: p.price for p in account.snapshot().positions}, seed=1)
    log = dashboard.EventLog()
    state, _ = dashboard.state_of(account, 0)
    log.observe(0, state)
    prices = market.crash("AAPL")
    assert prices["AAPL"] == Decimal("76.00")  # 40% of 190.00
    account.update_prices(prices)
    state, _ = dashboard.state_of(account, 1)
    log.observe(1, state)
    assert state.health is HealthState.LIQUIDATION_CALL
    assert [c.kind.value for c in state.calls] == ["maintenance"]
    texts = [e.text for e in log.events]
    assert "health HEALTHY -> LIQUIDATION_CALL" in texts
    assert any(t.startswith("MARGIN CALL maintenance") for t in texts)
    rendered = _text(dashboard.render(state))
    assert "MARGIN CALL: maintenance" in rendered
    assert "LIQUIDATION_CALL" in rendered


def test_market_walk_is_seeded_and_in_cents() -> None:
    a = dashboard.Market({"X": Decimal("10.00")}, seed=3)
    b = dashboard.Market({"X": Decimal("10.00")}, seed=3)
    walk_a = [a.tick()["X"] for _ in range(20)]
    assert walk_a == [b.tick()["X"] for _ in range(20)]
    assert all(p == p.quantize(Decimal("0.01")) and p > 0 for p in walk_a)


def test_live_loop_ends_by_itself_and_logs_the_crash() -> None:
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None, force_terminal=False)
    state = dashboard.run(rules=alpaca(), ticks=3, interval=0, crash="aapl", crash_at=2, console=console)
    assert state.tick == 3
    assert state.health is HealthState.LIQUIDATION_CALL
    texts = [e.text for e in state.events]
    assert any(t.startswith("CRASH: AAPL falls 60%") for t in texts)
    assert "MARGIN CALL" in out.getvalue()


def test_demo_command_with_ticks(cli) -> None:
    result = cli("demo", "--ticks", "2", "--interval", "0.01", "--crash", "MSFT", "--crash-at", "1")
    assert result.code == 0, result.stderr
    assert "CRASH: MSFT" in result.stdout


def test_demo_refuses_an_unknown_symbol(cli) -> None:
    result = cli("demo", "--ticks", "1", "--crash", "ZZZZ")
    assert result.code == 2
    assert "ZZZZ is not in the demo book" in result.stderr


def test_demo_with_duration(cli) -> None:
    result = cli("demo", "--duration", "0.2", "--interval", "0.05")
    assert result.code == 0, result.stderr
