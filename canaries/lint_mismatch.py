"""CANARY for pyicontract-lint: a contract whose argument name does not match the function's parameters.

``amount`` is not a parameter of :func:`withdraw` (it is ``value``): icontract would only fail when the function is
called, pyicontract-lint flags it statically. This module is deliberately NOT imported by :mod:`canaries`; the lint
check (``tests/test_canaries.py``) runs ``pyicontract-lint`` on this file and expects exactly this error.
"""

from __future__ import annotations

from decimal import Decimal

import icontract


@icontract.require(lambda amount: amount > 0, "a withdrawal is positive")  # planted: the parameter is `value`
def withdraw(value: Decimal) -> Decimal:
    """Return the amount withdrawn."""
    return value
