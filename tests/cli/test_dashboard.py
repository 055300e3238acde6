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
    demo = dashboard.Demo(alpaca(), seed=7)
    try:
        state = dashboard.replace(demo.state("keys: c crash"), events=tuple(demo.log.events))
    finally:
        demo.close()
    text = _text(dashboard.render(state))
    for expected in (
        "Healthy",
        "Equity ratio",
        "Equity",
        "$35,000.00",  # -19,000 + 200 x 190 + 50 x 420 - 20 x 250
        "Cash",
        "-$19,000.00",
        "Reserved by orders",
        "$360.00",  # the open NVDA buy: 10 x 120 at Alpaca's 30% (intraday mode charges maintenance)
        "Buying power",
        "Reg T overnight",
        "Intraday margin •",
        "Mode (• in force)",
        "AAPL",
        "+$2,000.00",  # 200 x 190 - 36,000
        "TSLA",
        "+$200.00",  # short: -5,000 - (-5,200)
        "Open orders: sim-1 buy 10 NVDA at $120.00 (new)",
        "opened: Healthy, equity $35,000.00",
        "sim-1 submitted: buy 10 NVDA at $120.00",
        "keys: c crash",
    ):
        assert expected in text, expected
    assert "MARGIN CALL" not in text


def test_render_is_pure() -> None:
    account = dashboard.demo_account(finra())
    state, _ = dashboard.state_of(account, 3)
    assert _text(dashboard.render(state)) == _text(dashboard.render(state))


def _crash_demo(
    seed: int = 1, crash_at: int = 3, ticks: int = 12
) -> tuple[dashboard.Demo, list[dashboard.DashboardState]]:
    demo = dashboard.Demo(alpaca(), seed=seed)
    states = [demo.step("AAPL" if tick == crash_at else None) for tick in range(1, ticks + 1)]
    demo.close()
    return demo, states


def test_crash_shows_a_margin_call_and_its_plan_within_one_refresh() -> None:
    demo, states = _crash_demo()
    crashed = states[2]
    assert crashed.tick == 3
    assert crashed.health is HealthState.LIQUIDATION_CALL
    assert [c.kind.value for c in crashed.calls] == ["maintenance"]
    assert crashed.blocked  # the manager blocked opening orders
    texts = [e.text for e in crashed.events if e.tick == 3]
    assert any(t.startswith("CRASH: AAPL falls 60% to $") for t in texts)
    transition = next(
        t for t in texts if t.startswith("health Healthy -> Maintenance call after a price move: equity $")
    )
    assert "maintenance $" in transition
    assert any(t.startswith("MARGIN CALL Maintenance call: $") for t in texts)
    plan = next(t for t in texts if t.startswith("liquidation plan (losers first, cures the $"))
    assert "sell " in plan and " AAPL at $" in plan
    assert "liquidation routed: margin-call-1-1" in texts
    # the call is logged once per appearance (the manager's notice), not again by the snapshot observer
    assert sum(t.startswith("MARGIN CALL Maintenance call") for t in texts) == 1
    rendered = _text(dashboard.render(crashed))
    for expected in ("MARGIN CALL: Maintenance call", "Opening orders blocked", "liquidation plan"):
        assert expected in rendered, expected
    # the plan's orders went through the simulated broker: the call is met and opening orders are allowed again
    later = [e.text for e in states[-1].events]
    assert any(t.startswith("margin-call-1-1 filled") or t.startswith("margin-call-1-1 partly filled") for t in later)
    assert "margin call cured: opening orders allowed again" in later
    assert "Maintenance call met" in later
    assert states[-1].health is not HealthState.LIQUIDATION_CALL
    assert not states[-1].blocked
    assert demo.manager.history[0].plan is not None and demo.manager.history[0].plan.cures


def test_the_demo_is_seeded_and_the_broker_really_routes() -> None:
    a, states_a = _crash_demo(seed=5, crash_at=100, ticks=40)
    _, states_b = _crash_demo(seed=5, crash_at=100, ticks=40)
    assert [e.text for e in states_a[-1].events] == [e.text for e in states_b[-1].events]
    kinds = {event.kind for event in a.broker.events}
    assert {"fill", "partial_fill"} <= kinds
    assert kinds & {"reject", "expire"}
    # every order the broker finished left no reservation behind, and the running totals never drifted
    assert set(a.account.reservations()) == {o.order_id for o in a.broker.open_orders}
    a.account.check_drift()


def test_market_walk_is_seeded_and_in_cents() -> None:
    a = dashboard.Market({"X": Decimal("10.00")}, seed=3)
    b = dashboard.Market({"X": Decimal("10.00")}, seed=3)
    walk_a = [a.tick()["X"] for _ in range(20)]
    assert walk_a == [b.tick()["X"] for _ in range(20)]
    assert all(p == p.quantize(Decimal("0.01")) and p > 0 for p in walk_a)


def test_live_loop_ends_by_itself_and_logs_the_crash() -> None:
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None, force_terminal=False)
    state = dashboard.run(rules=alpaca(), ticks=2, interval=0, crash="aapl", crash_at=2, console=console)
    assert state.tick == 2
    assert state.health is HealthState.LIQUIDATION_CALL  # shown on the refresh of the crash's tick
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
    assert "ZZZZ is not in the demo market" in result.stderr


def test_demo_with_duration(cli) -> None:
    result = cli("demo", "--duration", "0.2", "--interval", "0.05")
    assert result.code == 0, result.stderr


def test_a_broker_that_rejects_every_liquidation_ends_in_one_unresolved_notice() -> None:
    demo = dashboard.Demo(alpaca(), seed=1)
    demo.step()
    demo.broker.reject_probability = 1.0  # from now on the broker rejects everything
    demo.broker.fill_probability = 0.0
    demo.step("AAPL")  # the crash: the manager routes its first plan
    demo.step("AAPL")  # and a second one, so that the market's walk cannot cure the call by itself
    states = [demo.step() for _ in range(20)]
    demo.close()
    texts = [e.text for e in states[-1].events]
    assert states[-1].health is HealthState.LIQUIDATION_CALL and states[-1].blocked
    unresolved = [t for t in texts if t.startswith("call UNRESOLVED")]
    assert unresolved == [
        f"call UNRESOLVED after {demo.manager.max_attempts} liquidation plans: automatic "
        "liquidation stopped, opening orders stay blocked"
    ]
    plans = [t for t in texts if t.startswith("liquidation plan")]
    assert len(plans) == demo.manager.max_attempts  # no plan after the notice, none repeated
    assert demo.manager.unresolved
