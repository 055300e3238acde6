"""Typed errors raised by margin_rules.

Every refusal names the offending field so that a caller (or a person reading a CLI message) knows exactly what to fix.
All errors derive from :class:`MarginRulesError`; input problems derive from :class:`InvalidInputError`, which is also a
``ValueError`` so that generic handlers keep working.
"""

from __future__ import annotations


class MarginRulesError(Exception):
    """Base class of every error raised by margin_rules."""


class InvalidInputError(MarginRulesError, ValueError):
    """An input was refused. ``field`` names it; ``reason`` says why."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class FloatRefusedError(InvalidInputError, TypeError):
    """A binary float was given where money or a quantity is expected (floats cannot represent cents exactly)."""


class NonFiniteError(InvalidInputError):
    """NaN, sNaN or an infinity was given where a finite amount is expected."""


class InvalidTypeError(InvalidInputError, TypeError):
    """A value of an unsupported type (bool, None, an object, ...) was given for a number."""


class OutOfBoundsError(InvalidInputError):
    """A number is outside the range the core guarantees to compute exactly (see margin_rules.money)."""


class DomainError(InvalidInputError):
    """A value is of the right type but not allowed for this field (a negative price, an empty symbol, ...)."""


class DuplicatePositionError(InvalidInputError):
    """Two positions of an account snapshot carry the same symbol."""


class InvalidRuleSetError(InvalidInputError):
    """A rule set violates one of the invariants the proofs rely on (e.g. maintenance rate > initial rate)."""


class PrecisionError(MarginRulesError, ArithmeticError):
    """An operation would have rounded. The core never rounds silently: an input exceeded the stated bounds."""


class RefusedError(MarginRulesError):
    """A well-formed request that the rules refuse (a withdrawal above the maximum, an order beyond buying power).

    ``reason`` is a short machine-readable code; ``figures`` carries the numbers that decided it.
    """

    def __init__(self, reason: str, message: str, figures: dict[str, object] | None = None) -> None:
        self.reason = reason
        self.figures = dict(figures or {})
        super().__init__(f"{reason}: {message}")


EXIT_MISSING_EXTRA = 5
"""The exit code of every ``margin-rules`` command whose optional dependencies are not installed (the one-line message
names the extra to install); documented in the README and ``margin-rules --help``."""


class MissingExtraError(MarginRulesError, ImportError):
    """A feature needs an optional dependency group (a packaging "extra") that is not installed.

    The message is one line naming the extra and the command that installs it, e.g. ``margin_rules.live needs the
    'account' extra (holidays is not installed): pip install 'margin_rules[account]'``.
    """

    def __init__(self, feature: str, extra: str, missing: str | None) -> None:
        self.feature = feature
        self.extra = extra
        self.missing = missing
        detail = f" ({missing} is not installed)" if missing else ""
        super().__init__(f"{feature} needs the '{extra}' extra{detail}: pip install 'margin_rules[{extra}]'")
