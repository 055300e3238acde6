"""The small arithmetic interface the rule formulas are written over.

Each rule of the core is written once, in :mod:`margin_rules.formulas`, as a function of an ``Arith`` object and its
numbers. Called with :data:`DECIMAL` it computes the exact ``Decimal`` result the library returns; called with the Z3
implementation in ``proofs/z3arith.py`` the *same function* builds the Z3 term the proofs reason about. That is how the
proofs stay about the code that runs ("one formula, one place").

A formula may use ``+``, ``-`` and ``*`` directly (both ``Decimal`` and Z3 terms support them) and must route every
comparison, choice, ``max``/``min`` and constant through the ``Arith`` object, because Python's ``if``, ``<`` and
``max`` cannot branch on a symbolic value. Formulas never divide; ratios are compared by cross-multiplying.
"""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar

from margin_rules.health_state import HealthState

_T = TypeVar("_T")


class Num(Protocol):
    """What a formula may do with two numbers of the same domain directly: ``+``, ``-`` and ``*``."""

    def __add__(self: _T, other: _T, /) -> _T: ...

    def __sub__(self: _T, other: _T, /) -> _T: ...

    def __mul__(self: _T, other: _T, /) -> _T: ...


N = TypeVar("N", bound=Num)
"""A number of the domain: ``Decimal`` for the library, a Z3 arithmetic term for the proofs."""
B = TypeVar("B")
"""A truth value of the domain: ``bool`` or a Z3 Boolean term."""
S = TypeVar("S")
"""A health state of the domain: :class:`HealthState` or a Z3 integer term encoding it."""


class Arith(Protocol, Generic[N, B, S]):
    """What a formula may ask of its number domain besides ``+``, ``-`` and ``*``."""

    @property
    def zero(self) -> N:
        """The constant 0 of the domain."""
        ...

    @property
    def one(self) -> N:
        """The constant 1 of the domain."""
        ...

    def const(self, value: Decimal | int | str) -> N:
        """An exact constant of the domain."""
        ...

    def lt(self, a: N, b: N) -> B: ...

    def le(self, a: N, b: N) -> B: ...

    def eq(self, a: N, b: N) -> B: ...

    def and_(self, a: B, b: B) -> B: ...

    def or_(self, a: B, b: B) -> B: ...

    def not_(self, a: B) -> B: ...

    def ite(self, cond: B, then: N, otherwise: N) -> N:
        """``then`` if ``cond`` else ``otherwise`` (both are evaluated: formulas are pure)."""
        ...

    def max(self, a: N, b: N) -> N: ...

    def min(self, a: N, b: N) -> N: ...

    def state(self, value: HealthState) -> S:
        """A health state as a value of the domain."""
        ...

    def ite_state(self, cond: B, then: S, otherwise: S) -> S: ...

    def truth(self, value: bool) -> B: ...


def _ite(cond: bool, then: Any, otherwise: Any) -> Any:
    return then if cond else otherwise


def _max(a: Decimal, b: Decimal) -> Decimal:
    return a if a >= b else b


def _min(a: Decimal, b: Decimal) -> Decimal:
    return a if a <= b else b


class DecimalArith:
    """The exact ``Decimal`` domain the library computes in (run inside :func:`margin_rules.money.exact`)."""

    __slots__ = ()

    zero = Decimal(0)
    one = Decimal(1)

    @staticmethod
    def const(value: Decimal | int | str) -> Decimal:
        return value if isinstance(value, Decimal) else Decimal(value)

    lt = staticmethod(operator.lt)
    le = staticmethod(operator.le)
    eq = staticmethod(operator.eq)

    @staticmethod
    def and_(a: bool, b: bool) -> bool:
        return a and b

    @staticmethod
    def or_(a: bool, b: bool) -> bool:
        return a or b

    @staticmethod
    def not_(a: bool) -> bool:
        return not a

    ite = staticmethod(_ite)
    ite_state = staticmethod(_ite)
    max = staticmethod(_max)
    min = staticmethod(_min)

    @staticmethod
    def state(value: HealthState) -> HealthState:
        return value

    @staticmethod
    def truth(value: bool) -> bool:
        return value


DECIMAL: Arith[Decimal, bool, HealthState] = DecimalArith()
"""The Decimal instance every public core function uses."""
