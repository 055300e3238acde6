"""Helpers of the Alpaca adapter tests (fixture loading, serving a recorded response, environments)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "alpaca"
KEY = "PKTESTKEY0123456789"
SECRET = "s3cr3t-VALUE-never-printed-0123456789"
ACCOUNT_FIXTURES = sorted(p.stem for p in FIXTURES.glob("*.json") if p.stem != "errors")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


def serve(
    server: HTTPServer,
    name: str,
    *,
    account: dict[str, Any] | None = None,
    positions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Serve fixture ``name`` (optionally with a replaced account / positions body); returns the fixture."""
    data = load(name)
    headers = {"APCA-API-KEY-ID": KEY, "APCA-API-SECRET-KEY": SECRET}
    server.expect_request("/v2/account", method="GET", headers=headers).respond_with_json(
        account if account is not None else data["account"]
    )
    server.expect_request("/v2/positions", method="GET", headers=headers).respond_with_json(
        positions if positions is not None else data["positions"]
    )
    return data


def base_url(server: HTTPServer) -> str:
    """What a user puts in ALPACA_BASE_URL: the server root (url_for("") ends with '/'; alpaca-py adds '/v2')."""
    return server.url_for("")


def environ(server: HTTPServer, **extra: str) -> dict[str, str]:
    return {"ALPACA_API_KEY": KEY, "ALPACA_SECRET_KEY": SECRET, "ALPACA_BASE_URL": base_url(server), **extra}
