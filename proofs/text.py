"""Tool messages made reproducible: what varies from run to run or from checkout to checkout is taken out of a text
before it is shortened or written into the deterministic report."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_TIMES = (
    re.compile(r" \(\d+(?:\.\d+)? s\)"),  # "counterexample (5.086 s): ..."
    re.compile(r" in \d+(?:\.\d+)? s wall"),  # "counterexample in 0.794 s wall: ..."
)


def stable_text(text: str) -> str:
    """``text`` without what varies from run to run: elapsed times quoted by a tool, and the checkout's absolute
    path (file names become relative to the project root)."""
    text = text.replace(str(ROOT) + "/", "")
    for pattern in _TIMES:
        text = pattern.sub("", text)
    return text


def clip(text: str, limit: int) -> str:
    """:func:`stable_text` of ``text``, then at most ``limit`` characters: shortening a message first would cut it at a
    place that depends on the length of the checkout's path."""
    return stable_text(text)[:limit]
