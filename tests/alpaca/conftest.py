"""Fixtures of the Alpaca adapter tests: a local HTTP server on 127.0.0.1 serving recorded Alpaca responses to the
real alpaca-py ``TradingClient``, and a guard that refuses any connection to another address."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any outgoing connection other than 127.0.0.1 fails the test (there is no live Alpaca here)."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] != "127.0.0.1":
            raise AssertionError(f"test tried to connect to {address!r}; only 127.0.0.1 is allowed")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def alpaca_server(server: HTTPServer) -> Iterator[HTTPServer]:
    server.clear()
    yield server
    server.clear()
