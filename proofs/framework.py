"""Property contexts: the same property builder runs over Z3 (to prove) and over Decimal (to replay a counterexample).

A property builder is a function ``build(cx) -> Goal``. It asks the context for its variables (``cx.real``,
``cx.boolean``), its number domain (``cx.ar``), its rule set (``cx.rates``) and its formulas (``cx.f``, the module
:mod:`margin_rules.formulas` unless a planted bug replaces one function), and returns premises and a goal as truth
values of the domain.

* :class:`Z3Ctx` creates Z3 constants and records them, so a model can be read back as a concrete assignment.
* :class:`DecimalCtx` reads the variables from such an assignment and evaluates the *same* builder with
  :data:`margin_rules.arith.DECIMAL` inside :func:`margin_rules.money.exact`: a Z3 counterexample is re-checked by
  running the real Decimal formulas on it.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

import z3

from margin_rules import formulas as _formulas
from margin_rules.arith import DECIMAL
from margin_rules.rates import RATE_FIELDS, Rates, rate_invariants
from margin_rules.rulesets import alpaca, finra
from proofs.z3arith import Z3, concrete_rates

SCOPES = ("symbolic", "finra", "alpaca")
"""Rule sets a proof is instantiated for: every valid rule set (symbolic rates under the invariants), and each
preset."""

_PRESETS = {"finra": finra, "alpaca": alpaca}


def preset_rates(scope: str) -> Rates[Decimal]:
    return _PRESETS[scope]().rates


class Formulas:
    """The formula namespace of a context: :mod:`margin_rules.formulas`, with optional planted replacements."""

    def __init__(self, overrides: Mapping[str, Callable[..., Any]] | None = None) -> None:
        self._overrides = dict(overrides or {})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._overrides:
            return self._overrides[name]
        return getattr(_formulas, name)

    def with_override(self, name: str, fn: Callable[..., Any]) -> Formulas:
        return Formulas({**self._overrides, name: fn})


@dataclass
class Goal:
    """What a builder returns: premises, the goal, and observable terms (for witnesses and library re-checks)."""

    premises: list[Any]
    goal: Any
    observe: dict[str, Any] = field(default_factory=dict)
    witnesses: dict[str, Any] = field(default_factory=dict)
    """Extra satisfiability queries (e.g. each behavioural region is non-empty): name -> condition."""


class Ctx:
    """Common part of the two contexts."""

    ar: Any
    """The specification's arithmetic (premises and goals): never mutated."""
    impl: Any
    """The arithmetic the formulas under test are called with (a planted bug may wrap it)."""
    rates: Rates[Any]
    f: Any
    scope: str
    flags: set[str]
    base_rates: Rates[Any]

    def real(self, name: str) -> Any:
        raise NotImplementedError

    def boolean(self, name: str) -> Any:
        raise NotImplementedError

    # Logic helpers over the domain ---------------------------------------------------------------------------
    def implies(self, a: Any, b: Any) -> Any:
        return self.ar.or_(self.ar.not_(a), b)

    def all(self, *items: Any) -> Any:
        result = self.ar.truth(True)
        for item in items:
            result = self.ar.and_(result, item)
        return result

    def any(self, *items: Any) -> Any:
        result = self.ar.truth(False)
        for item in items:
            result = self.ar.or_(result, item)
        return result

    def iff(self, a: Any, b: Any) -> Any:
        return self.all(self.implies(a, b), self.implies(b, a))

    def ne(self, a: Any, b: Any) -> Any:
        return self.ar.not_(self.ar.eq(a, b))

    def c(self, value: str | int) -> Any:
        return self.ar.const(value)

    def invariants(self) -> dict[str, Any]:
        """The rule-set invariants over the rule set as given (a planted wrong rate does not change the premises)."""
        return rate_invariants(self.ar, self.base_rates)


class Z3Ctx(Ctx):
    """Builds Z3 terms; records every variable it creates (in creation order)."""

    def __init__(self, scope: str, ar: Any = Z3, f: Any = None) -> None:
        self.scope = scope
        self.ar = ar
        self.impl = ar
        self.f = f if f is not None else Formulas()
        self.vars: dict[str, tuple[str, Any]] = {}
        self.flags: set[str] = set()
        if scope == "symbolic":
            self.rates = Rates(**{name: self.real("rate." + name) for name in RATE_FIELDS})
        else:
            self.rates = concrete_rates(preset_rates(scope))
        self.base_rates = self.rates

    def real(self, name: str) -> Any:
        if name not in self.vars:
            self.vars[name] = ("real", z3.Real(name))
        return self.vars[name][1]

    def boolean(self, name: str) -> Any:
        if name not in self.vars:
            self.vars[name] = ("bool", z3.Bool(name))
        return self.vars[name][1]


class DecimalCtx(Ctx):
    """Evaluates a builder on a concrete assignment with the library's Decimal domain."""

    def __init__(self, scope: str, assignment: Mapping[str, Decimal | bool], ar: Any = DECIMAL, f: Any = None) -> None:
        self.scope = scope
        self.ar = ar
        self.impl = ar
        self.f = f if f is not None else Formulas()
        self.assignment = assignment
        self.flags: set[str] = set()
        if scope == "symbolic":
            self.rates = Rates(**{name: Decimal(assignment["rate." + name]) for name in RATE_FIELDS})
        else:
            self.rates = preset_rates(scope)
        self.base_rates = self.rates

    def real(self, name: str) -> Any:
        value = self.assignment[name]
        if isinstance(value, bool):
            raise TypeError(f"{name} is Boolean")
        return Decimal(value)

    def boolean(self, name: str) -> Any:
        return bool(self.assignment[name])


@dataclass(frozen=True)
class Planted:
    """A planted bug: a transformation of the context (mutated Arith, a replaced formula, or wrong rates).

    ``scopes`` limits it to rule sets where the bug is observable (e.g. a threshold bug is invisible where the two
    sides of the threshold coincide); ``None`` = every scope of the obligation.
    """

    id: str
    description: str
    transform: Callable[[Ctx], None]
    scopes: tuple[str, ...] | None = None

    def apply(self, cx: Ctx) -> Ctx:
        cx.flags.add("planted")
        self.transform(cx)
        return cx


def wrap_ar(wrapper: type) -> Callable[[Ctx], None]:
    def transform(cx: Ctx) -> None:
        cx.impl = wrapper(cx.impl)

    return transform


def override(name: str, fn: Callable[..., Any]) -> Callable[[Ctx], None]:
    def transform(cx: Ctx) -> None:
        cx.f = cx.f.with_override(name, fn)

    return transform


def change_rates(change: Callable[[Ctx, Rates[Any]], Rates[Any]]) -> Callable[[Ctx], None]:
    def transform(cx: Ctx) -> None:
        cx.rates = change(cx, cx.rates)

    return transform


def negated(field_name: str) -> Callable[[Ctx], None]:
    """Planted bug: the sign of one rate flipped (e.g. the short floor's sign error of the seeds)."""
    return change_rates(lambda cx, r: replace(r, **{field_name: cx.ar.zero - getattr(r, field_name)}))


def flag(name: str) -> Callable[[Ctx], None]:
    """Planted bug at the composition level (a builder checks ``name in cx.flags``)."""

    def transform(cx: Ctx) -> None:
        cx.flags.add(name)

    return transform


def rate_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Rates))


def namespace(**kwargs: Any) -> types.SimpleNamespace:
    return types.SimpleNamespace(**kwargs)
