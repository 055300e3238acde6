"""Access to the parts of margin_rules that a given installation may not have yet.

The CLI uses :mod:`margin_rules.margin_call`, :mod:`margin_rules.orders`,
:mod:`margin_rules.brokers.alpaca.mapping` and :mod:`margin_rules.brokers.alpaca.reconcile` when they are present and
says so clearly when they are not, instead of failing at import time.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def module(name: str) -> ModuleType | None:
    """Import ``name``; None only when that module (or its package) does not exist. Other import errors propagate."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and (name == exc.name or name.startswith(exc.name + ".")):
            return None
        raise
