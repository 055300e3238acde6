"""``margin-rules reconcile --watch``: each poll's prices feed a live MarginAccount whose monitor transitions print.

Served by a local HTTP server on 127.0.0.1 (pytest-httpserver) to the real alpaca-py client, from the recorded Alpaca
responses in tests/fixtures/alpaca (as the Alpaca adapter's own tests do); any other address fails the test.
"""

from __future__ import annotations

import copy
import json
import re
import socket
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from margin_rules.cli.watch import AccountWatch, wants_watch

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alpaca"
KEY = "PKTESTKEY0123456789"
SECRET = "s3cr3t-VALUE-never-printed-0123456789"


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] != "127.0.0.1":
            raise AssertionError(f"test tried to connect to {address!r}; only 127.0.0.1 is allowed")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPServer]:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    monkeypatch.setenv("ALPACA_API_KEY", KEY)
    monkeypatch.setenv("ALPACA_SECRET_KEY", SECRET)
    monkeypatch.setenv("ALPACA_BASE_URL", srv.url_for(""))
    yield srv
    srv.clear()
    srv.stop()


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


def _crashed(positions: list[dict[str, Any]], price: str) -> list[dict[str, Any]]:
    """The positions with every current price at ``price`` (market values kept consistent: qty x price)."""
    out = copy.deepcopy(positions)
    for p in out:
        p["current_price"] = price
        p["market_value"] = str(int(p["qty"]) * int(price))
    return out


def _serve_sequence(server: HTTPServer, name: str, bodies: list[Any]) -> list[int]:
    """Serve fixture ``name``'s account; ``/v2/positions`` answers ``bodies`` in turn (an int: that HTTP status)."""
    data = _fixture(name)
    served: list[int] = []
    server.expect_request("/v2/account").respond_with_json(data["account"])

    def positions(request: Request) -> Response:
        body = bodies[min(len(served), len(bodies) - 1)]
        served.append(len(served))
        if isinstance(body, int):
            return Response("upstream trouble", status=body)
        return Response(json.dumps(body), content_type="application/json")

    server.expect_request("/v2/positions").respond_with_handler(positions)
    return served


def _lines(text: str, start: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


def test_watch_feeds_the_account_and_prints_health_transitions_and_drift(cli, server: HTTPServer) -> None:
    # debit_cash: SPY 20 x $500 with a $4,000 loan: equity 6,000, maintenance (Alpaca 30%) 3,000.
    normal = _fixture("debit_cash")["positions"]
    crashed = _crashed(normal, "250")  # SPY at $250: equity 1,000 < maintenance 1,500
    # Requests: poll 1, the watch's first snapshot, poll 2, poll 3, poll 4.
    served = _serve_sequence(server, "debit_cash", [normal, normal, crashed, crashed, normal])
    result = cli("reconcile", "--env-file", "", "--watch", "--interval", "0", "--iterations", "4")
    out = result.stdout
    assert result.code == 1, out + result.stderr  # the reconciler's code: polls 2 and 3 breached (drift)
    assert len(served) == 5
    assert "watching: account built from the Alpaca snapshot (SPY; multiplier 2, mode Reg T overnight)" in out
    polls = _lines(out, "account (poll")
    assert [line.split(":")[0] for line in polls] == [f"account (poll {n})" for n in (1, 2, 3, 4)]
    assert "Healthy, equity $6,000.00, maintenance $3,000.00" in polls[0]
    assert "Maintenance call, equity $1,000.00, maintenance $1,500.00" in polls[1]
    assert "Healthy, equity $6,000.00" in polls[3]
    health = [line for line in _lines(out, "TRANSITION") if " health " in line]
    assert len(health) == 2
    assert "health Healthy -> Maintenance call: equity $1,000.00, maintenance $1,500.00" in health[0]
    assert "health Maintenance call -> Healthy: equity $6,000.00, maintenance $3,000.00" in health[1]
    # The transitions are numbered without gaps across every scale.
    numbers = [int(m) for m in re.findall(r"TRANSITION #(\d+)", out)]
    assert numbers == list(range(1, len(numbers) + 1))
    # The reconciler's drift alerts on the polls where Alpaca's account figures no longer match its positions.
    assert len(_lines(out, "ALERT drift (poll 2)")) == 1
    assert len(_lines(out, "ALERT drift (poll 3)")) == 1
    assert "watch: 4 price update(s)" in out
    assert "2 drift alert(s), 0 error(s); final health Healthy" in out
    assert SECRET not in out and KEY not in out


def test_watch_builds_the_account_after_a_failed_first_poll(cli, server: HTTPServer) -> None:
    normal = _fixture("long_only")["positions"]
    _serve_sequence(server, "long_only", [503, normal, normal, normal])
    result = cli("reconcile", "--env-file", "", "--watch", "--interval", "0", "--iterations", "3", "--retries", "0")
    out = result.stdout
    assert result.code == 4, out  # an API error in one poll, no breach: the reconciler's code 4
    assert "ALERT error (poll 1)" in out
    assert out.index("ALERT error (poll 1)") < out.index("watching: account built")
    assert [line.split(":")[0] for line in _lines(out, "account (poll")] == ["account (poll 1)", "account (poll 2)"]
    assert "watch: 2 price update(s), 0 transition(s), 0 drift alert(s), 1 error(s); final health Healthy" in out


def test_single_run_does_not_watch(cli, server: HTTPServer) -> None:
    data = _fixture("long_only")
    _serve_sequence(server, "long_only", [data["positions"]])
    result = cli("reconcile", "--env-file", "")
    assert result.code == 0, result.stdout
    assert "reconciliation: OK" in result.stdout
    assert "watching:" not in result.stdout


def test_watch_without_credentials_is_still_skipped(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ALPACA_API_KEY", "ALPACA_SECRET_KEY", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    result = cli("reconcile", "--watch", "--iterations", "1", "--interval", "0")
    assert result.code == 3
    assert "skipped: no credentials" in result.stdout
    assert "watch: no snapshot was received" in result.stdout


def test_watch_help_is_the_reconcilers(cli) -> None:
    result = cli("reconcile", "--watch", "--help")
    assert result.code == 0
    assert "--iterations" in result.stdout


def test_wants_watch() -> None:
    assert wants_watch(["--watch", "--interval", "5"])
    assert not wants_watch(["--interval", "5"])
    assert not wants_watch(["--watch", "-h"])


def test_new_and_closed_positions_are_reported(server: HTTPServer) -> None:
    from io import StringIO

    from rich.console import Console

    data = _fixture("long_only")
    _serve_sequence(server, "long_only", [data["positions"]])
    out = StringIO()
    watch = AccountWatch(["--env-file", ""], Console(file=out, width=160, color_system=None))
    watch.on_prices({"AAPL": Decimal("190.25"), "NVDA": Decimal("120")})
    watch.close()
    text = out.getvalue()
    assert "positions changed at Alpaca (new: NVDA; closed: MSFT)" in text
    assert watch.account is not None and watch.account.position("NVDA") is None
