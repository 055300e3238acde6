"""Exact text forms of Decimals for JSON output (lossless presentation, no rounding)."""

from __future__ import annotations

from decimal import Decimal


def plain(value: Decimal) -> str:
    """An exact amount as a plain decimal string (no exponent), at least two decimals: ``2500.00``, ``0.125``.

    Lossless: trailing zeros beyond the cent are dropped, significant digits never are.
    """
    text = format(value, "f")
    whole, dot, fraction = text.partition(".")
    fraction = fraction.rstrip("0") if dot else ""
    if whole == "-0" and not fraction.strip("0"):
        whole = "0"
    return f"{whole}.{fraction.ljust(2, '0')}"


def number(value: Decimal) -> str:
    """An exact quantity or rate as a plain decimal string without trailing zeros: ``-1000``, ``0.3``, ``2.5``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def optional_plain(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)
