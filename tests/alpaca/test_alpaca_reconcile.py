"""The reconciler end to end: main(argv) against recorded responses on 127.0.0.1 through alpaca-py's real client.

Exit codes: 0 ok, 1 breach, 2 usage/config, 3 skipped (no credentials), 4 API error."""

from __future__ import annotations

import io
import json
import logging
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alpaca_support import KEY, SECRET, base_url, environ, load, serve
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from margin_rules.brokers.alpaca.client import Backoff, Credentials, load_settings, resolve_base_url
from margin_rules.brokers.alpaca.errors import ConfigError
from margin_rules.brokers.alpaca.reconcile import SKIPPED_MESSAGE, Alert, ExitCode, main

ERRORS = load("errors")


def run(argv: list[str], env: dict[str, str], **kwargs: Any) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, environ=env, stdout=out, sleep=kwargs.pop("sleep", lambda s: None), **kwargs)
    return code, out.getvalue()


def test_ok_run_prints_the_table_and_writes_json(alpaca_server: HTTPServer, tmp_path: Path) -> None:
    serve(alpaca_server, "shorts")
    report = tmp_path / "report.json"
    code, out = run(["--env-file", "", "--json", str(report)], environ(alpaca_server))
    assert code == ExitCode.OK == 0
    assert "reconciliation: OK" in out and "maintenance_margin" in out and "paper endpoint" in out
    data = json.loads(report.read_text())
    assert data["ok"] is True and data["breaches"] == []
    row = next(r for r in data["fields"] if r["field"] == "initial_margin")
    assert row["status"] == "ok" and row["allowed"] == "0.005" and row["note"] == ""
    assert Decimal(row["local"]) == Decimal(row["alpaca"]) == Decimal("3451.25")  # exact strings, e.g. "3451.2500"
    assert Decimal(row["delta"]) == 0


def test_breach_exits_1(alpaca_server: HTTPServer, tmp_path: Path) -> None:
    account = dict(load("shorts")["account"])
    account["regt_buying_power"] = "36902.49"
    serve(alpaca_server, "shorts", account=account)
    report = tmp_path / "r.json"
    code, out = run(["--env-file", "", "--json", str(report)], environ(alpaca_server))
    assert code == ExitCode.BREACH == 1
    assert "BREACH" in out
    assert json.loads(report.read_text())["breaches"] == ["regt_buying_power"]


def test_relative_tolerance_option(alpaca_server: HTTPServer) -> None:
    account = dict(load("shorts")["account"])
    account["regt_buying_power"] = "36900"  # 2.5 off: 0.0068 % of 36900
    serve(alpaca_server, "shorts", account=account)
    assert run(["--env-file", ""], environ(alpaca_server))[0] == ExitCode.BREACH
    assert run(["--env-file", "", "--relative", "regt_buying_power=0.001"], environ(alpaca_server))[0] == 0
    assert run(["--env-file", "", "--relative", "0.001"], environ(alpaca_server))[0] == 0
    assert run(["--env-file", "", "--tolerance", "regt_buying_power=3"], environ(alpaca_server))[0] == 0
    assert run(["--env-file", "", "--tolerance", "regt_buying_power=2"], environ(alpaca_server))[0] == 1


def test_no_credentials_is_skipped_never_a_pass(alpaca_server: HTTPServer, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    code, out = run(["--env-file", str(tmp_path / "missing.env"), "--json", str(report)], {})
    assert code == ExitCode.SKIPPED == 3
    assert SKIPPED_MESSAGE in out
    assert json.loads(report.read_text()) == {"skipped": SKIPPED_MESSAGE, "ok": False}
    code, _ = run(["--env-file", ""], {"ALPACA_API_KEY": KEY})  # a key without its secret
    assert code == 3
    assert alpaca_server.log == []


def test_keys_from_a_dotenv_file(alpaca_server: HTTPServer, tmp_path: Path) -> None:
    serve(alpaca_server, "long_only")
    env_file = tmp_path / ".env"
    env_file.write_text(
        f"ALPACA_API_KEY={KEY}\nALPACA_SECRET_KEY={SECRET}\nALPACA_BASE_URL={base_url(alpaca_server)}\n"
    )
    code, _ = run(["--env-file", str(env_file)], {})
    assert code == 0
    creds, url = load_settings({"ALPACA_API_KEY": "PKOTHER", "ALPACA_SECRET_KEY": "other"}, env_file)
    assert creds == Credentials("PKOTHER", "other") and url == base_url(alpaca_server)  # environment first


def test_paper_never_falls_back_to_live() -> None:
    creds = Credentials(KEY, SECRET)
    assert resolve_base_url(creds, None, live=False) == "https://paper-api.alpaca.markets"
    with pytest.raises(ConfigError, match="paper mode"):
        resolve_base_url(creds, "https://api.alpaca.markets/v2", live=False)
    with pytest.raises(ConfigError, match="paper key"):
        resolve_base_url(creds, None, live=True)
    with pytest.raises(ConfigError, match="paper endpoint"):
        resolve_base_url(Credentials("AKLIVE", "x"), "https://paper-api.alpaca.markets", live=True)
    assert resolve_base_url(Credentials("AKLIVE", "x"), None, live=True) == "https://api.alpaca.markets"
    assert resolve_base_url(creds, "http://127.0.0.1:1234/v2/", live=False) == "http://127.0.0.1:1234"


def test_config_errors_exit_2_before_any_request(alpaca_server: HTTPServer) -> None:
    env = environ(alpaca_server, ALPACA_BASE_URL="https://api.alpaca.markets")
    code, out = run(["--env-file", ""], env)
    assert code == ExitCode.USAGE == 2 and "live endpoint" in out
    assert run(["--env-file", "", "--live"], environ(alpaca_server))[0] == 2  # paper key on live
    assert run(["--env-file", "", "--bogus"], environ(alpaca_server))[0] == 2
    assert run(["--env-file", "", "--tolerance", "nonsense=1"], environ(alpaca_server))[0] == 2
    assert run(["--env-file", "", "--relative", "abc"], environ(alpaca_server))[0] == 2
    assert run(["--env-file", "", "--watch", "--iterations", "0"], environ(alpaca_server))[0] == 2
    assert alpaca_server.log == []


@pytest.mark.parametrize("status", [401, 403])
def test_auth_errors(alpaca_server: HTTPServer, status: int) -> None:
    alpaca_server.expect_request("/v2/account").respond_with_json(ERRORS[str(status)], status=status)
    code, out = run(["--env-file", ""], environ(alpaca_server))
    assert code == ExitCode.API_ERROR == 4
    assert f"auth HTTP {status} /v2/account" in out and "check the keys" in out
    assert len(alpaca_server.log) == 1  # no retry, no other endpoint


def test_secrets_never_appear_in_output_json_or_logs(
    alpaca_server: HTTPServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # a hostile server echoing the key in its error body
    alpaca_server.expect_request("/v2/account").respond_with_json(
        {"code": 40110000, "message": f"bad key {KEY} / {SECRET}"}, status=401
    )
    report = tmp_path / "r.json"
    code, out = run(
        ["--env-file", "", "--json", str(report), "--watch", "--iterations", "2", "--interval", "0"],
        environ(alpaca_server),
    )
    assert code == 4
    alpaca_server.clear()
    serve(alpaca_server, "long_only")
    code2, out2 = run(["--env-file", "", "--json", str(tmp_path / "ok.json")], environ(alpaca_server))
    assert code2 == 0
    text = out + out2 + report.read_text() + (tmp_path / "ok.json").read_text() + caplog.text
    assert "***" in out
    assert KEY not in text and SECRET not in text
    assert SECRET not in repr(Credentials(KEY, SECRET)) and KEY not in str(Credentials(KEY, SECRET))


def test_429_is_retried_with_bounded_backoff(alpaca_server: HTTPServer) -> None:
    alpaca_server.expect_oneshot_request("/v2/account").respond_with_json(
        ERRORS["429"], status=429, headers={"Retry-After": "2"}
    )
    alpaca_server.expect_oneshot_request("/v2/account").respond_with_json(ERRORS["429"], status=429)
    serve(alpaca_server, "long_only")
    sleeps: list[float] = []
    code, _ = run(["--env-file", "", "--backoff", "0.25"], environ(alpaca_server), sleep=sleeps.append)
    assert code == 0
    assert sleeps == [2.0, 0.5]  # Retry-After honoured, then 0.25 x 2**1
    assert [r.path for r, _ in alpaca_server.log] == ["/v2/account"] * 3 + ["/v2/positions"]


def test_429_forever_gives_up_after_the_bound(alpaca_server: HTTPServer) -> None:
    alpaca_server.expect_request("/v2/account").respond_with_json(ERRORS["429"], status=429)
    sleeps: list[float] = []
    code, out = run(["--env-file", "", "--retries", "2"], environ(alpaca_server), sleep=sleeps.append)
    assert code == 4 and "rate_limited HTTP 429" in out and "after 2 retries" in out
    assert len(alpaca_server.log) == 3 and sleeps == [0.5, 1.0]
    assert Backoff(retries=9, base=1, cap=8).delay(10, None) == 8.0


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors(alpaca_server: HTTPServer, status: int) -> None:
    body = ERRORS[str(status)]
    if isinstance(body, str):
        alpaca_server.expect_request("/v2/account").respond_with_data(body, status=status)
    else:
        alpaca_server.expect_request("/v2/account").respond_with_json(body, status=status)
    code, out = run(["--env-file", ""], environ(alpaca_server))
    assert code == 4 and f"server HTTP {status}" in out
    assert len(alpaca_server.log) == 1


def test_timeout(alpaca_server: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("{}", content_type="application/json")

    alpaca_server.expect_request("/v2/account").respond_with_handler(slow)
    started = time.monotonic()
    code, out = run(["--env-file", "", "--timeout", "0.2"], environ(alpaca_server))
    assert code == 4 and "timeout" in out and "no response within the timeout" in out
    assert time.monotonic() - started < 0.9


def test_connection_refused() -> None:
    env = {"ALPACA_API_KEY": KEY, "ALPACA_SECRET_KEY": SECRET, "ALPACA_BASE_URL": "http://127.0.0.1:9"}
    code, out = run(["--env-file", ""], env)
    assert code == 4 and "connection" in out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (ERRORS["truncated_account"], "not valid JSON"),
        (ERRORS["not_json"], "not valid JSON"),
        (json.dumps(ERRORS["partial_account"]), "alpaca.account.equity: required but absent"),
        (json.dumps(ERRORS["float_money_account"]), "cash: Input should be a valid string"),
        ("", "empty body"),
        ("[1, 2]", "not a JSON object"),
    ],
)
def test_malformed_and_partial_bodies(alpaca_server: HTTPServer, body: str, expected: str) -> None:
    alpaca_server.expect_request("/v2/account").respond_with_data(body, content_type="application/json")
    alpaca_server.expect_request("/v2/positions").respond_with_json([])
    code, out = run(["--env-file", ""], environ(alpaca_server))
    assert code == 4
    assert expected in out.replace("\n", " ")


def test_watch_mode_survives_errors_feeds_prices_and_alerts_on_drift(alpaca_server: HTTPServer, tmp_path: Path) -> None:
    data = load("shorts")
    drifted = dict(data["account"], maintenance_margin="2070.00")
    calls = iter(["ok", "500", "truncated", "drift", "ok"])

    def account(request: Request) -> Response:
        kind = next(calls)
        if kind == "500":
            return Response("boom", status=500)
        if kind == "truncated":
            return Response(ERRORS["truncated_account"], content_type="application/json")
        body = drifted if kind == "drift" else data["account"]
        return Response(json.dumps(body), content_type="application/json")

    alpaca_server.expect_request("/v2/account").respond_with_handler(account)
    alpaca_server.expect_request("/v2/positions").respond_with_json(data["positions"])
    prices: list[dict[str, Decimal]] = []
    alerts: list[Alert] = []
    sleeps: list[float] = []
    report = tmp_path / "watch.json"
    code, _ = run(
        ["--env-file", "", "--watch", "--interval", "7", "--iterations", "5", "--json", str(report)],
        environ(alpaca_server),
        on_prices=prices.append,
        on_alert=alerts.append,
        sleep=sleeps.append,
    )
    assert code == ExitCode.BREACH
    assert sleeps == [7.0] * 4
    assert prices == [{"AAPL": Decimal("190.25"), "TSLA": Decimal("250.00")}] * 3
    assert all(isinstance(v, Decimal) for p in prices for v in p.values())
    assert [(a.kind, a.iteration) for a in alerts] == [("error", 2), ("error", 3), ("drift", 4)]
    assert "maintenance_margin" in alerts[2].message
    history = json.loads(report.read_text())["iterations"]
    assert [("error" in h, "report" in h) for h in history] == [
        (False, True),
        (True, False),
        (True, False),
        (False, True),
        (False, True),
    ]


def test_watch_mode_errors_only_exit_4_and_a_failing_price_callback_is_reported(alpaca_server: HTTPServer) -> None:
    serve(alpaca_server, "long_only")

    def broken(prices: dict[str, Decimal]) -> None:
        raise RuntimeError("price feed down")

    alerts: list[Alert] = []
    code, out = run(
        ["--env-file", "", "--watch", "--interval", "0", "--iterations", "2"],
        environ(alpaca_server),
        on_prices=broken,
        on_alert=alerts.append,
    )
    assert code == 0  # the reconciliation itself agreed
    assert [a.kind for a in alerts] == ["error", "error"] and "price feed down" in alerts[0].message
    alpaca_server.clear()
    alpaca_server.expect_request("/v2/account").respond_with_data("oops", status=502)
    code, out = run(["--env-file", "", "--watch", "--interval", "0", "--iterations", "2"], environ(alpaca_server))
    assert code == ExitCode.API_ERROR
    assert out.count("error: server HTTP 502") == 2 and out.count("ALERT error") == 2

    # a failing alert sink does not stop the monitor either
    def bad_sink(alert: Alert) -> None:
        raise RuntimeError("pager down")

    code, out = run(
        ["--env-file", "", "--watch", "--interval", "0", "--iterations", "3"], environ(alpaca_server), on_alert=bad_sink
    )
    assert code == ExitCode.API_ERROR and out.count("alert callback failed") == 3


def test_leverage_and_marginable_options(alpaca_server: HTTPServer) -> None:
    serve(alpaca_server, "leveraged_etf")
    assert run(["--env-file", ""], environ(alpaca_server))[0] == ExitCode.BREACH
    assert run(["--env-file", "", "--leverage", "tqqq=3"], environ(alpaca_server))[0] == 0
    assert run(["--env-file", "", "--leverage", "TQQQ"], environ(alpaca_server))[0] == 2
    assert run(["--env-file", "", "--marginable", "SPY=maybe"], environ(alpaca_server))[0] == 2
    assert run(["--env-file", "", "--leverage", "TQQQ=3", "--marginable", "spy=false"], environ(alpaca_server))[0] == 1


def test_single_run_error_is_written_to_json_and_markup_in_messages_is_not_interpreted(
    alpaca_server: HTTPServer, tmp_path: Path
) -> None:
    alpaca_server.expect_request("/v2/account").respond_with_data("[bold]down[/bold]", status=500)
    report = tmp_path / "r.json"
    code, out = run(["--env-file", "", "--json", str(report)], environ(alpaca_server))
    assert code == 4 and "[bold]down[/bold]" in out
    data = json.loads(report.read_text())
    assert data["ok"] is False and "server HTTP 500" in data["error"]


def test_unwritable_json_path_is_reported_not_raised(alpaca_server: HTTPServer, tmp_path: Path) -> None:
    serve(alpaca_server, "long_only")
    alerts: list[Alert] = []
    code, out = run(["--env-file", "", "--json", str(tmp_path)], environ(alpaca_server), on_alert=alerts.append)
    assert code == 4 and "cannot write" in out
    assert [a.kind for a in alerts] == ["error"]
