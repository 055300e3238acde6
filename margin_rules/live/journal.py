"""An append-only SQLite journal of a live account's accepted operations (standard library ``sqlite3``).

:class:`~margin_rules.live.account.MarginAccount` appends each accepted operation *before* it changes its state and
acknowledges it (returns to the caller): the record is committed (``synchronous=FULL``), so a crash between two
operations loses nothing that was acknowledged. :meth:`MarginAccount.restore` replays the records through the same code
paths to rebuild the account exactly. Amounts are stored as decimal strings (never floats).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from margin_rules.errors import DomainError, InvalidTypeError

__all__ = ["Journal", "JournalRecord"]

JournalRecord = tuple[int, str, dict[str, Any]]
"""(sequence number, operation kind, payload)."""


def _encode(value: object) -> object:
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, float):
        raise InvalidTypeError("journal", "floats are never journaled")
    return value


def _decode(value: object) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$d"}:
            return Decimal(value["$d"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


class Journal:
    """An append-only journal in one SQLite file. Thread-safe; the account serialises its appends under its lock."""

    def __init__(self, path: str | Path) -> None:
        if not isinstance(path, (str, Path)):
            raise InvalidTypeError("path", f"a journal path is a str or Path, not {type(path).__name__}")
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS operations (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL)"
        )

    def append(self, kind: str, payload: dict[str, Any]) -> int:
        """Append one record and commit it; returns its sequence number. Raises before anything is written when the
        payload cannot be encoded."""
        text = json.dumps(_encode(payload), sort_keys=True)
        with self._lock:
            cursor = self._conn.execute("INSERT INTO operations (kind, payload) VALUES (?, ?)", (kind, text))
            seq = cursor.lastrowid
        if seq is None:  # pragma: no cover - sqlite always returns a rowid for an INSERT
            raise DomainError("journal", "the journal did not return a sequence number")
        return int(seq)

    def records(self) -> Iterator[JournalRecord]:
        """Every record, oldest first."""
        with self._lock:
            rows = self._conn.execute("SELECT seq, kind, payload FROM operations ORDER BY seq").fetchall()
        for seq, kind, payload in rows:
            yield int(seq), str(kind), _decode(json.loads(payload))

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._conn.execute("SELECT COUNT(*) FROM operations").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
