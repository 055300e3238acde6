"""Typed errors of the Alpaca adapter.

Two families:

* data errors (:class:`AlpacaDataError` and subclasses) are :class:`margin_rules.errors.InvalidInputError`: they
  name the offending field of Alpaca's payload (``alpaca.account.cash``, ``alpaca.positions[TSLA].qty``) and say why;
* transport errors (:class:`AlpacaApiError`) carry a ``kind`` (``auth``, ``rate_limited``, ``server``, ``timeout``,
  ``connection``, ``http``, ``malformed``) and the HTTP status when there is one.

Messages never contain credentials (see :func:`margin_rules.brokers.alpaca.client.redact`).
"""

from __future__ import annotations

from enum import StrEnum

from margin_rules.errors import InvalidInputError, MarginRulesError


class AlpacaDataError(InvalidInputError):
    """Alpaca sent data the adapter refuses; ``field`` names it."""


class MissingFieldError(AlpacaDataError):
    """A field the reproduction needs is absent (or null) in Alpaca's payload."""


class ContradictoryDataError(AlpacaDataError):
    """Two fields of one payload contradict each other (e.g. side "long" with a negative quantity)."""


class UnsupportedAssetError(AlpacaDataError):
    """A position of an asset class the core does not model (options, crypto)."""


class ConfigError(MarginRulesError):
    """A configuration or usage problem (endpoint, credentials, options). Exit status 2."""


class ApiErrorKind(StrEnum):
    """What went wrong talking to Alpaca."""

    AUTH = "auth"
    """401/403: the keys are wrong, revoked, or for the other environment."""
    RATE_LIMITED = "rate_limited"
    """429 after the bounded backoff was exhausted."""
    SERVER = "server"
    """5xx."""
    HTTP = "http"
    """Any other non-2xx status."""
    TIMEOUT = "timeout"
    """No answer within the configured timeout."""
    CONNECTION = "connection"
    """The connection could not be established."""
    MALFORMED = "malformed"
    """The body is not JSON, is truncated, has the wrong shape, or misses required fields."""


class AlpacaApiError(MarginRulesError):
    """A failed exchange with Alpaca. ``kind`` classifies it; ``status`` is the HTTP status when there was one."""

    def __init__(self, kind: ApiErrorKind, message: str, status: int | None = None, endpoint: str = "") -> None:
        self.kind = kind
        self.status = status
        self.endpoint = endpoint
        where = f" {endpoint}" if endpoint else ""
        code = f" HTTP {status}" if status is not None else ""
        super().__init__(f"{kind.value}{code}{where}: {message}")
