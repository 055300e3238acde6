"""The Alpaca adapter (a shell package: I/O allowed): alpaca-py payloads -> core snapshot, Alpaca's account fields
reproduced from the core, and the reconciler behind ``margin-rules reconcile``.

* :mod:`margin_rules.brokers.alpaca.mapping` - ``TradeAccount`` / ``Position`` (validated by alpaca-py) -> a snapshot.
* :mod:`margin_rules.brokers.alpaca.fields` - :func:`reproduce` (the table of reproduced and non-reproducible fields).
* :mod:`margin_rules.brokers.alpaca.client` - credentials, paper/live endpoint, the alpaca-py ``TradingClient``.
* :mod:`margin_rules.brokers.alpaca.reconcile` - :func:`reconcile`, the monitor and ``main(argv) -> int`` (exit
  codes there).
"""

from margin_rules.brokers.alpaca.errors import (
    AlpacaApiError,
    AlpacaDataError,
    ApiErrorKind,
    ConfigError,
    ContradictoryDataError,
    MissingFieldError,
    UnsupportedAssetError,
)
from margin_rules.brokers.alpaca.fields import FIELDS, Reproduction, reproduce
from margin_rules.brokers.alpaca.mapping import AlpacaPosition, AlpacaSnapshot, map_snapshot
from margin_rules.brokers.alpaca.reconcile import ExitCode, Report, Tolerance, main, reconcile

__all__ = [
    "FIELDS",
    "AlpacaApiError",
    "AlpacaDataError",
    "AlpacaPosition",
    "AlpacaSnapshot",
    "ApiErrorKind",
    "ConfigError",
    "ContradictoryDataError",
    "ExitCode",
    "MissingFieldError",
    "Report",
    "Reproduction",
    "Tolerance",
    "UnsupportedAssetError",
    "main",
    "map_snapshot",
    "reconcile",
    "reproduce",
]
