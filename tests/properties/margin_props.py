"""The ``@prop`` decorator: the id, statement, rule and covered functions of a property test (for the proof report)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

REGISTRY: dict[str, dict[str, Any]] = {}


def prop(pid: str, statement: str, rule: str, functions: list[str]) -> Callable[[F], F]:
    """Attach metadata to a property test. ``functions`` are dotted names of the core functions it covers."""

    def wrap(fn: F) -> F:
        meta = {"property_id": pid, "statement": statement, "rule": rule, "functions": functions}
        fn.__margin_property__ = meta  # type: ignore[attr-defined]
        REGISTRY[fn.__name__] = meta
        return fn

    return wrap
