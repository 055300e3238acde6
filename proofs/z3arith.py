"""The Z3 instance of :class:`margin_rules.arith.Arith`, symbolic rule sets, and planted-bug wrappers.

Every rule of the core is written once in :mod:`margin_rules.formulas` over ``Arith``. Passing :data:`Z3` to those very
functions builds the Z3 term the proofs reason about, so a theorem is about the code that runs ("generated" link).

* Money, quantities and rates are Z3 ``Real``: exact rationals, no rounding, no overflow.
* A constant is converted from its Decimal *string* to an exact rational (never through a float).
* A health state is the ``Int`` ``HealthState.code`` (0 HEALTHY, 1 RESTRICTED, 2 LIQUIDATION_CALL).

The planted-bug wrappers (:class:`LtAsLe`, :class:`LeAsLt`, :class:`MaxAsMin`) wrap *any* Arith, so the same bug can be
replayed on :data:`margin_rules.arith.DECIMAL` to re-check a counterexample with the real Decimal arithmetic.
"""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

import z3

from margin_rules.health_state import HealthState
from margin_rules.rates import RATE_FIELDS, Rates

Real = Any  # z3.ArithRef (z3 ships no type information)
Bool = Any  # z3.BoolRef


def rational(value: Decimal | int | str | Fraction) -> Any:
    """An exact Z3 rational from a Decimal/int/str (via its decimal string) or a Fraction."""
    if isinstance(value, Fraction):
        frac = value
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        frac = Fraction(value)
    else:
        frac = Fraction(Decimal(str(value)))
    return z3.RealVal(f"{frac.numerator}/{frac.denominator}") if frac.denominator != 1 else z3.RealVal(frac.numerator)


class Z3Arith:
    """``Arith`` over Z3: Real numbers, Bool truths, Int-coded health states."""

    name = "z3"

    @property
    def zero(self) -> Real:
        return z3.RealVal(0)

    @property
    def one(self) -> Real:
        return z3.RealVal(1)

    def const(self, value: Decimal | int | str) -> Real:
        return rational(value)

    def lt(self, a: Real, b: Real) -> Bool:
        return a < b

    def le(self, a: Real, b: Real) -> Bool:
        return a <= b

    def eq(self, a: Real, b: Real) -> Bool:
        return a == b

    def and_(self, a: Bool, b: Bool) -> Bool:
        return z3.And(a, b)

    def or_(self, a: Bool, b: Bool) -> Bool:
        return z3.Or(a, b)

    def not_(self, a: Bool) -> Bool:
        return z3.Not(a)

    def ite(self, cond: Bool, then: Real, otherwise: Real) -> Real:
        return z3.If(cond, then, otherwise)

    def max(self, a: Real, b: Real) -> Real:
        return z3.If(a >= b, a, b)

    def min(self, a: Real, b: Real) -> Real:
        return z3.If(a <= b, a, b)

    def state(self, value: HealthState) -> Any:
        return z3.IntVal(value.code)

    def ite_state(self, cond: Bool, then: Any, otherwise: Any) -> Any:
        return z3.If(cond, then, otherwise)

    def truth(self, value: bool) -> Bool:
        return z3.BoolVal(value)


Z3 = Z3Arith()
"""The Z3 domain passed to the formulas by the proofs."""


# --- Rule sets -----------------------------------------------------------------------------------------------------


def symbolic_rates(prefix: str = "rate.") -> Rates[Any]:
    """A rule set whose every parameter is a free Z3 Real named ``<prefix><field>``."""
    return Rates(**{name: z3.Real(prefix + name) for name in RATE_FIELDS})


def concrete_rates(rates: Rates[Decimal]) -> Rates[Any]:
    """A preset's Decimal rates as exact Z3 rationals."""
    return Rates(**{f.name: rational(getattr(rates, f.name)) for f in fields(rates)})


def negate_rate(rates: Rates[Any], name: str) -> Rates[Any]:
    """Planted bug helper: the same rule set with one parameter's sign flipped (e.g. a short floor with a sign
    error)."""
    return replace(rates, **{name: 0 - getattr(rates, name)})


# --- Planted-bug wrappers (generic over the wrapped domain) -------------------------------------------------------


class _Wrapper:
    """Delegates every Arith operation to ``inner``; subclasses override one operation to plant a bug."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    @property
    def zero(self) -> Any:
        return self.inner.zero

    @property
    def one(self) -> Any:
        return self.inner.one

    def const(self, value: Decimal | int | str) -> Any:
        return self.inner.const(value)

    def lt(self, a: Any, b: Any) -> Any:
        return self.inner.lt(a, b)

    def le(self, a: Any, b: Any) -> Any:
        return self.inner.le(a, b)

    def eq(self, a: Any, b: Any) -> Any:
        return self.inner.eq(a, b)

    def and_(self, a: Any, b: Any) -> Any:
        return self.inner.and_(a, b)

    def or_(self, a: Any, b: Any) -> Any:
        return self.inner.or_(a, b)

    def not_(self, a: Any) -> Any:
        return self.inner.not_(a)

    def ite(self, cond: Any, then: Any, otherwise: Any) -> Any:
        return self.inner.ite(cond, then, otherwise)

    def max(self, a: Any, b: Any) -> Any:
        return self.inner.max(a, b)

    def min(self, a: Any, b: Any) -> Any:
        return self.inner.min(a, b)

    def state(self, value: HealthState) -> Any:
        return self.inner.state(value)

    def ite_state(self, cond: Any, then: Any, otherwise: Any) -> Any:
        return self.inner.ite_state(cond, then, otherwise)

    def truth(self, value: bool) -> Any:
        return self.inner.truth(value)


class LtAsLe(_Wrapper):
    """Planted bug: every strict ``<`` of the formulas becomes ``<=`` (a boundary off by an equality)."""

    def lt(self, a: Any, b: Any) -> Any:
        return self.inner.le(a, b)


class LeAsLt(_Wrapper):
    """Planted bug: every ``<=`` of the formulas becomes ``<``."""

    def le(self, a: Any, b: Any) -> Any:
        return self.inner.lt(a, b)


class MaxAsMin(_Wrapper):
    """Planted bug: ``max`` computes ``min`` (a floor that never binds)."""

    def max(self, a: Any, b: Any) -> Any:
        return self.inner.min(a, b)


def value_of(term: Any) -> Fraction | bool | int:
    """The exact Python value of a Z3 numeral / Boolean literal (after ``model.eval(..., model_completion=True)``)."""
    if z3.is_true(term):
        return True
    if z3.is_false(term):
        return False
    if z3.is_int_value(term):
        return int(term.as_long())
    if z3.is_rational_value(term):
        return Fraction(int(term.numerator_as_long()), int(term.denominator_as_long()))
    if z3.is_algebraic_value(term):
        raise ValueError(f"irrational model value {term}")
    raise ValueError(f"not a literal: {term}")


def fraction_to_decimal(value: Fraction) -> Decimal | None:
    """The exact Decimal of a rational with a finite decimal expansion (denominator 2^a 5^b), else None."""
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    scaled = value * (10**places)
    assert scaled.denominator == 1
    return Decimal(scaled.numerator).scaleb(-places)
