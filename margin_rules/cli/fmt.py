"""Exact text forms of Decimals for JSON output (lossless presentation, no rounding)."""

from __future__ import annotations

import functools
import json
import json.encoder
from decimal import Decimal
from typing import Final


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


def json_text(data: object) -> str:
    """``json.dumps(data, indent=2)``, character for character, several times faster on large documents.

    With ``indent`` the standard library falls back to its pure-Python encoder (one generator step per token); this
    writes the same text with one string encoding call per scalar (the C ``encode_basestring_ascii`` json.dumps uses).
    Handles what the CLI emits: dicts with string keys, lists, strings, ints, bools, None (anything else: TypeError,
    as json.dumps without ``default``)."""
    out: list[str] = []
    _json_into(data, 0, out)
    return "".join(out)


_ENCODE = json.encoder.encode_basestring_ascii


def _scalar(value: object) -> str | None:
    if isinstance(value, str):
        return str(_ENCODE(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    return None


_FLAT: Final = frozenset({str, int, bool, type(None)})


@functools.lru_cache(maxsize=32)
def _flat_encoder(level: int) -> json.JSONEncoder:
    return json.JSONEncoder(separators=(",\n" + "  " * (level + 1), ": "))


def _json_into(value: object, level: int, out: list[str]) -> None:
    text = _scalar(value)
    if text is not None:
        out.append(text)
        return
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        if all(type(item) in _FLAT for item in value.values()) and all(type(key) is str for key in value):
            # a flat object: the C encoder with the indentation as its item separator writes the same text
            text = _flat_encoder(level).encode(value)
            out.append("{\n" + "  " * (level + 1) + text[1:-1] + "\n" + "  " * level + "}")
            return
        inner = "\n" + "  " * (level + 1)
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be str here, not {type(key).__name__}")
            out.append(separator + _ENCODE(key) + ": ")
            separator = "," + inner
            text = _scalar(item)
            if text is None:
                _json_into(item, level + 1, out)
            else:
                out.append(text)
        out.append("\n" + "  " * level + "}")
        return
    if isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        separator = "[" + inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _json_into(item, level + 1, out)
        out.append("\n" + "  " * level + "]")
        return
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
