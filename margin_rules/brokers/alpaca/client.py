"""Credentials, endpoint choice and the alpaca-py ``TradingClient`` used by the reconciler (a shell module: I/O).

Credentials come from the environment or a ``.env`` file (environment first): ``ALPACA_API_KEY``,
``ALPACA_SECRET_KEY``, optional ``ALPACA_BASE_URL``. Paper trading is the default; the live endpoint is used only with
an explicit ``live=True``.

Safety rules:

* never fall back from paper to live: in paper mode a base URL pointing at the live host is a :class:`ConfigError`;
  in live mode a paper key (Alpaca paper keys start with ``PK``) or the paper host is a :class:`ConfigError`;
  an authentication failure is reported, never retried against another endpoint;
* never print or log secrets: :class:`Credentials` masks its repr, and every message leaving this package goes through
  :func:`redact`.

alpaca-py composes ``base_url + "/v2" + path``, so the base URL must NOT end in ``/v2`` (a trailing ``/v2`` or ``/`` is
removed). alpaca-py's own 429/504 retry (3 attempts, 3 s sleeps) is switched off in favour of the bounded, reported
backoff of :func:`fetch_raw`; requests get a timeout (alpaca-py sets none). Both use alpaca-py private attributes
(``_session``, ``_retry``), pinned by the tests against alpaca-py's real request path.
"""

from __future__ import annotations

import importlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from alpaca.common.exceptions import APIError
from alpaca.trading.client import TradingClient
from dotenv import dotenv_values

from margin_rules.brokers.alpaca.errors import AlpacaApiError, ApiErrorKind, ConfigError

log = logging.getLogger("margin_rules.brokers.alpaca")

PAPER_URL = "https://paper-api.alpaca.markets"
LIVE_URL = "https://api.alpaca.markets"
PAPER_HOST = "paper-api.alpaca.markets"
LIVE_HOST = "api.alpaca.markets"
ENV_KEY = "ALPACA_API_KEY"
ENV_SECRET = "ALPACA_SECRET_KEY"
ENV_BASE_URL = "ALPACA_BASE_URL"

_requests: Any = importlib.import_module("requests")  # untyped without types-requests: used as Any on purpose


@dataclass(frozen=True, slots=True)
class Credentials:
    """API key pair. ``repr``/``str`` never show the values."""

    api_key: str = field(repr=False)
    secret_key: str = field(repr=False)

    def __repr__(self) -> str:
        return "Credentials(api_key=***, secret_key=***)"

    __str__ = __repr__

    @property
    def secrets(self) -> tuple[str, str]:
        return (self.api_key, self.secret_key)


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced by ``***`` (empty secrets ignored)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> tuple[Credentials | None, str | None]:
    """(credentials or None, ALPACA_BASE_URL or None) from ``environ`` (default ``os.environ``), then ``env_file``.

    The ``.env`` file is read without modifying the process environment; a missing file is not an error.
    """
    env = dict(os.environ if environ is None else environ)
    file_values: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        file_values = {k: v for k, v in dotenv_values(env_file).items() if v is not None}

    def get(name: str) -> str | None:
        value = env.get(name) or file_values.get(name)
        return value.strip() if value and value.strip() else None

    key, secret = get(ENV_KEY), get(ENV_SECRET)
    credentials = Credentials(key, secret) if key and secret else None
    return credentials, get(ENV_BASE_URL)


def resolve_base_url(credentials: Credentials, base_url: str | None, live: bool) -> str:
    """The base URL to give alpaca-py (no trailing ``/v2``), refusing any paper/live mix-up."""
    url = (base_url or (LIVE_URL if live else PAPER_URL)).strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{ENV_BASE_URL} must be an http(s) URL, got {url!r}")
    host = parts.hostname.lower()
    if not live and host == LIVE_HOST:
        raise ConfigError("paper mode (the default) refuses the live endpoint api.alpaca.markets; pass --live for live")
    if live and host == PAPER_HOST:
        raise ConfigError("live mode refuses the paper endpoint; drop --live for paper")
    if live and credentials.api_key.upper().startswith("PK"):
        raise ConfigError("live mode refuses a paper key (paper keys start with 'PK'); never mixing paper and live")
    return url


def make_client(credentials: Credentials, base_url: str, *, live: bool = False, timeout: float = 10.0) -> Any:
    """An alpaca-py ``TradingClient`` returning raw dicts (``raw_data=True``), with a timeout and no internal retry."""
    if timeout <= 0:
        raise ConfigError(f"timeout must be positive, got {timeout}")
    client = TradingClient(
        api_key=credentials.api_key,
        secret_key=credentials.secret_key,
        paper=not live,
        raw_data=True,
        url_override=base_url,
    )
    session = client._session
    send = session.request

    def request_with_timeout(method: str, url: str, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", timeout)
        return send(method, url, **kwargs)

    setattr(session, "request", request_with_timeout)  # noqa: B010 (instance attribute shadows the method)
    client._retry = 0  # one request per call: 429 is retried (bounded, reported) by fetch_raw
    return client


@dataclass(frozen=True, slots=True)
class Backoff:
    """Bounded exponential backoff for 429: at most ``retries`` retries, delay ``base * 2**n`` capped at ``cap``
    (a ``Retry-After`` header, when present, replaces the computed delay, still capped)."""

    retries: int = 3
    base: float = 0.5
    cap: float = 8.0

    def delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after is not None:
            try:
                return max(0.0, min(float(retry_after), self.cap))
            except ValueError:
                pass
        return float(min(self.base * (2**attempt), self.cap))


def _call(
    fn: Callable[[], Any], endpoint: str, backoff: Backoff, sleep: Callable[[float], None], secrets: Iterable[str]
) -> Any:
    secrets = tuple(secrets)
    attempt = 0
    while True:
        try:
            return fn()
        except APIError as exc:
            status = exc.status_code
            body = redact(str(exc), secrets)[:300]
            if status == 429 and attempt < backoff.retries:
                response = exc.response
                retry_after = response.headers.get("Retry-After") if response is not None else None
                wait = backoff.delay(attempt, retry_after)
                log.warning("429 from %s: retry %d/%d in %.2fs", endpoint, attempt + 1, backoff.retries, wait)
                sleep(wait)
                attempt += 1
                continue
            raise _api_error(status, body, endpoint, attempt) from None
        except _requests.exceptions.Timeout:
            raise AlpacaApiError(ApiErrorKind.TIMEOUT, "no response within the timeout", endpoint=endpoint) from None
        except _requests.exceptions.ConnectionError as exc:
            message = redact(type(exc).__name__, secrets)
            raise AlpacaApiError(ApiErrorKind.CONNECTION, message, endpoint=endpoint) from None
        except ValueError as exc:  # requests' JSONDecodeError: not JSON or truncated JSON
            message = redact(str(exc), secrets)[:200]
            raise AlpacaApiError(
                ApiErrorKind.MALFORMED, f"body is not valid JSON ({message})", endpoint=endpoint
            ) from None


def _api_error(status: int | None, body: str, endpoint: str, retries: int) -> AlpacaApiError:
    if status in (401, 403):
        return AlpacaApiError(
            ApiErrorKind.AUTH, f"authentication refused ({body}); check the keys and paper/live", status, endpoint
        )
    if status == 429:
        return AlpacaApiError(
            ApiErrorKind.RATE_LIMITED, f"rate limited after {retries} retries ({body})", status, endpoint
        )
    if status is not None and 500 <= status <= 599:
        return AlpacaApiError(ApiErrorKind.SERVER, f"server error ({body})", status, endpoint)
    return AlpacaApiError(ApiErrorKind.HTTP, f"unexpected response ({body})", status, endpoint)


def fetch_raw(
    client: Any,
    *,
    backoff: Backoff | None = None,
    sleep: Callable[[float], None] | None = None,
    secrets: Iterable[str] = (),
) -> tuple[object, object]:
    """(account JSON, positions JSON) through alpaca-py's ``get_account`` and ``get_all_positions`` (raw dicts).

    Errors: :class:`AlpacaApiError` with kind ``auth`` (401/403), ``rate_limited`` (429 after ``backoff.retries``
    retries), ``server`` (5xx), ``http``, ``timeout``, ``connection`` or ``malformed`` (not JSON, truncated, empty).
    """
    backoff = backoff or Backoff()
    sleeper = sleep if sleep is not None else time.sleep
    account = _call(client.get_account, "/v2/account", backoff, sleeper, secrets)
    positions = _call(client.get_all_positions, "/v2/positions", backoff, sleeper, secrets)
    if account is None:
        raise AlpacaApiError(ApiErrorKind.MALFORMED, "empty body", endpoint="/v2/account")
    if positions is None:
        raise AlpacaApiError(ApiErrorKind.MALFORMED, "empty body", endpoint="/v2/positions")
    return account, positions
