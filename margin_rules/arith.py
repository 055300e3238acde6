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


# --- Partial evaluation: trace a formula once, emit a specialised Python function -------------------------------
#
# The library's hot loop (the account maintenance requirement over thousands of positions) pays ~15 Python calls per
# position when it runs the generic formulas over DECIMAL. ``TracingArith`` runs the *same* formula once per rule set
# with symbolic inputs and the rule set's constants baked in, records every operation as an expression DAG
# (hash-consed, so a common subexpression such as ``shares * price`` is computed once), folds the operations whose
# operands are all constants, and ``Specialiser.emit`` prints the DAG as straight-line Python: one local variable per
# node, ``x if c else y`` for a choice (a choice whose branches need work becomes an ``if``/``else``, so only the taken
# branch is evaluated), ``a if a >= b else b`` for ``max`` exactly as :data:`DECIMAL` does. Every emitted operation is
# the one DECIMAL would perform, on the same operands, in the same context: the specialised function returns the same
# Decimal (same value and same representation) as the formula; ``tests/test_core_requirements.py`` checks that on
# generated inputs and at every threshold. No formula is written twice: the code is generated from the formula.

_BINARY_TEMPLATES: dict[str, str] = {
    "add": "{0} + {1}",
    "sub": "{0} - {1}",
    "mul": "{0} * {1}",
    "lt": "{0} < {1}",
    "le": "{0} <= {1}",
    "eq": "{0} == {1}",
    "and": "({0} and {1})",
    "or": "({0} or {1})",
    "max": "{0} if {0} >= {1} else {1}",
    "min": "{0} if {0} <= {1} else {1}",
}
_UNARY_TEMPLATES: dict[str, str] = {"neg": "-{0}", "not": "(not {0})"}


class Expr:
    """A node of a traced formula: an input (``op == "param"``) or an operation on nodes and constants.

    Only ``+``, ``-`` (binary and unary) and ``*`` are overloaded, as in :class:`Num`. Using a node as a Python truth
    value raises ``TypeError``: a formula must branch through its ``Arith``, never with ``if``.
    """

    __slots__ = ("args", "name", "op", "tracer")

    def __init__(self, tracer: TracingArith, op: str, args: tuple[object, ...], name: str = "") -> None:
        self.tracer = tracer
        self.op = op
        self.args = args
        self.name = name

    def __add__(self, other: object) -> Expr:
        return self.tracer.node("add", self, other)

    def __radd__(self, other: object) -> Expr:
        return self.tracer.node("add", other, self)

    def __sub__(self, other: object) -> Expr:
        return self.tracer.node("sub", self, other)

    def __rsub__(self, other: object) -> Expr:
        return self.tracer.node("sub", other, self)

    def __mul__(self, other: object) -> Expr:
        return self.tracer.node("mul", self, other)

    def __rmul__(self, other: object) -> Expr:
        return self.tracer.node("mul", other, self)

    def __neg__(self) -> Expr:
        return self.tracer.node("neg", self)

    def __bool__(self) -> bool:
        raise TypeError("a traced formula branched on a symbolic value: route the choice through Arith.ite")

    def __repr__(self) -> str:
        return f"Expr({self.op}{'=' + self.name if self.name else ''})"


def _key(value: object) -> object:
    """Hash-consing key of an operand: a node by identity, a constant by its type and exact representation."""
    return ("node", id(value)) if isinstance(value, Expr) else ("const", type(value).__name__, repr(value))


class TracingArith:
    """An :class:`Arith` whose numbers and truths are :class:`Expr` nodes (or constants, folded eagerly).

    Operations on constants only are evaluated at once, exactly as :data:`DECIMAL` would evaluate them (run the trace
    inside :func:`margin_rules.money.exact`). A choice between two identical constants, or on a constant condition, is
    resolved at once.
    """

    def __init__(self) -> None:
        self._nodes: dict[tuple[object, ...], Expr] = {}

    zero = DecimalArith.zero
    one = DecimalArith.one
    const = staticmethod(DecimalArith.const)

    def param(self, name: str) -> Expr:
        """A symbolic input called ``name`` in the emitted code."""
        return Expr(self, "param", (), name)

    def node(self, op: str, *args: object) -> Expr:
        key = (op, *(_key(a) for a in args))
        found = self._nodes.get(key)
        if found is None:
            found = self._nodes[key] = Expr(self, op, args)
        return found

    @staticmethod
    def _symbolic(*values: object) -> bool:
        return any(isinstance(v, Expr) for v in values)

    def lt(self, a: Any, b: Any) -> Any:
        return self.node("lt", a, b) if self._symbolic(a, b) else a < b

    def le(self, a: Any, b: Any) -> Any:
        return self.node("le", a, b) if self._symbolic(a, b) else a <= b

    def eq(self, a: Any, b: Any) -> Any:
        return self.node("eq", a, b) if self._symbolic(a, b) else a == b

    def and_(self, a: Any, b: Any) -> Any:
        if not self._symbolic(a):
            return b if a else a
        return self.node("and", a, b)

    def or_(self, a: Any, b: Any) -> Any:
        if not self._symbolic(a):
            return a if a else b
        return self.node("or", a, b)

    def not_(self, a: Any) -> Any:
        return self.node("not", a) if self._symbolic(a) else not a

    def ite(self, cond: Any, then: Any, otherwise: Any) -> Any:
        if not self._symbolic(cond):
            return then if cond else otherwise
        if _key(then) == _key(otherwise):
            return then
        return self.node("ite", cond, then, otherwise)

    ite_state = ite

    def max(self, a: Any, b: Any) -> Any:
        return self.node("max", a, b) if self._symbolic(a, b) else _max(a, b)

    def min(self, a: Any, b: Any) -> Any:
        return self.node("min", a, b) if self._symbolic(a, b) else _min(a, b)

    @staticmethod
    def state(value: HealthState) -> HealthState:
        return value

    @staticmethod
    def truth(value: bool) -> bool:
        return value


def _operations(root: object) -> dict[Expr, None]:
    """The operation nodes ``root`` depends on (itself included), children before parents (an ordered set)."""
    seen: dict[Expr, None] = {}

    def visit(value: object) -> None:
        if isinstance(value, Expr) and value.op != "param" and value not in seen:
            for arg in value.args:
                visit(arg)
            seen[value] = None

    visit(root)
    return seen


class Specialiser:
    """Emits traced expressions as Python source and compiles it, with the constants bound as globals.

    Usage: ``sp = Specialiser(); x = sp.ar.param("x"); out = formula(sp.ar, ..., x, ...)``; then
    ``lines, exprs = sp.emit([out], indent)`` gives the statements computing ``out`` from a local ``x`` and the
    expression naming its value; assemble a function's source around them and :meth:`build` it.
    """

    def __init__(self) -> None:
        self.ar = TracingArith()
        self.constants: dict[str, object] = {}
        self._const_names: dict[object, str] = {}
        self._counter = 0

    def _const(self, value: object) -> str:
        if value is None or isinstance(value, bool):
            return repr(value)
        key = _key(value)
        name = self._const_names.get(key)
        if name is None:
            name = self._const_names[key] = f"K{len(self._const_names)}"
            self.constants[name] = value
        return name

    def emit(self, outputs: list[object], indent: str) -> tuple[list[str], list[str]]:
        """Statements (each prefixed by ``indent``) computing ``outputs``, and one expression per output."""
        lines: list[str] = []
        names: dict[int, str] = {}

        def ref(value: object, depth: str) -> str:
            if not isinstance(value, Expr):
                return self._const(value)
            if value.op == "param":
                return value.name
            known = names.get(id(value))
            if known is not None:
                return known
            self._counter += 1
            var = f"v{self._counter}"
            if value.op == "ite":
                cond = ref(value.args[0], depth)
                then, otherwise = value.args[1], value.args[2]
                if all(not isinstance(v, Expr) or v.op == "param" or id(v) in names for v in (then, otherwise)):
                    lines.append(f"{depth}{var} = {ref(then, depth)} if {cond} else {ref(otherwise, depth)}")
                else:
                    # Lazy: only the taken branch is evaluated. A node both branches need is computed before the
                    # ``if``; a node first computed inside a branch stays local to it.
                    in_otherwise = _operations(otherwise)
                    for shared in _operations(then):
                        if shared in in_otherwise:
                            ref(shared, depth)
                    for keyword, branch in (("if", then), ("else", otherwise)):
                        lines.append(f"{depth}{keyword} {cond}:" if keyword == "if" else f"{depth}else:")
                        saved = dict(names)
                        inner = depth + "    "
                        lines.append(f"{inner}{var} = {ref(branch, inner)}")
                        names.clear()
                        names.update(saved)
            else:
                template = _BINARY_TEMPLATES.get(value.op) or _UNARY_TEMPLATES[value.op]
                operands = [ref(a, depth) for a in value.args]
                lines.append(f"{depth}{var} = {template.format(*operands)}")
            names[id(value)] = var
            return var

        exprs = [ref(out, indent) for out in outputs]
        return lines, exprs

    def build(self, source: str, filename: str, extra: dict[str, object]) -> dict[str, Any]:
        """Compile ``source`` once and run it in a namespace holding the constants and ``extra``; return it."""
        namespace: dict[str, Any] = {**extra, **self.constants}
        exec(compile(source, filename, "exec"), namespace)
        return namespace
