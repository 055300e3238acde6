"""Initial and maintenance requirements per position, per account and for a hypothetical order (rules 3 to 5).

The formulas live in :mod:`margin_rules.formulas`; this module validates, applies the house layers, sums, and attaches
the contracts. Requirements are linear in the share count at a given price (every term is shares x something), so a
position's requirement does not depend on how it was split into lots.

Speed (issue 2: <= 1 us per position for the account total, contracts at the boundary). Evaluating the generic
formulas over ``DECIMAL`` costs ~15 Python calls per position (~0.85-1.6 us on the 2-core reference machine). The hot
loop instead runs code *generated from those formulas* once per rule set: :func:`specialised` traces
``formulas.long_requirements`` / ``short_requirements`` with :class:`margin_rules.arith.TracingArith` (rule constants
baked in, constant sub-terms folded, common sub-terms shared, only the taken branch of a choice evaluated), emits a
straight-line Python loop and compiles it once (memoised per rule set). No formula is written here: the generated
code performs exactly the Decimal operations the formula performs, so its results are identical in value and
representation (``tests/test_core_requirements.py`` checks it on 24,000+ generated inputs and every threshold +-0.01;
the Z3 proofs remain about the formulas). Measured with ``python -m bench.core_requirements`` (median of repeats, a
shared machine): ~0.3-0.8 us per position at 1,000 and 100,000 positions, contracts on or off; the figures are in
``bench/results/core_requirements.json``. Contracts are switched off by running Python with ``-O``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, cast

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL, Specialiser
from margin_rules.errors import InvalidTypeError
from margin_rules.model import Account, Order, Position, Side
from margin_rules.money import ZERO, exact, exact_function
from margin_rules.rates import Rates
from margin_rules.rulesets import RuleSet


@dataclass(frozen=True, slots=True)
class PositionRequirement:
    """The requirements of one position, with the house rate that applied to it."""

    symbol: str
    quantity: Decimal
    price: Decimal
    market_value: Decimal
    maintenance: Decimal
    initial: Decimal
    house_rate: Decimal


@dataclass(frozen=True, slots=True)
class AccountRequirements:
    """An account's market values, equity and requirements, computed in one pass over its positions."""

    cash: Decimal
    long_market_value: Decimal
    short_market_value: Decimal
    maintenance: Decimal
    initial: Decimal
    positions: tuple[PositionRequirement, ...]

    @property
    def equity(self) -> Decimal:
        """cash + long market value + short market value (Reg T 220.2)."""
        with exact():
            return f.equity(self.cash, self.long_market_value, self.short_market_value)

    @property
    def gross_exposure(self) -> Decimal:
        with exact():
            return self.long_market_value - self.short_market_value

    @property
    def has_positions(self) -> bool:
        return any(p.quantity != ZERO for p in self.positions)

    @property
    def has_shorts(self) -> bool:
        return any(p.quantity < ZERO for p in self.positions)

    @property
    def maintenance_excess(self) -> Decimal:
        """Equity - maintenance requirement (negative in a maintenance deficiency)."""
        with exact():
            return f.excess(self.equity, self.maintenance)

    @property
    def initial_excess(self) -> Decimal:
        """Equity - initial requirement (negative when below Reg T / 4210(b) initial)."""
        with exact():
            return f.excess(self.equity, self.initial)


def _check_args(account: object, rules: object) -> None:
    if not isinstance(account, Account):
        raise InvalidTypeError("account", f"expected an Account, got {type(account).__name__}")
    if not isinstance(rules, RuleSet):
        raise InvalidTypeError("rules", f"expected a RuleSet, got {type(rules).__name__}")


def house_rate_function(account: Account, rules: RuleSet) -> Callable[[Position], Decimal]:
    """The house-layer rate of each position of ``account`` (FINRA 4210(d)(1)); 0 without house rules.

    Concentration: a position whose |market value| exceeds ``concentration_threshold`` x gross exposure (compared by
    cross-multiplying) carries at least ``concentration_rate``.
    """
    house = rules.house
    if house is None:
        return lambda position: ZERO
    if house.concentration_threshold is None or house.concentration_rate is None:
        return lambda position: house.base_rate(position.symbol)
    with exact():
        limit = house.concentration_threshold * sum((abs(p.quantity) * p.price for p in account.positions), ZERO)
    conc_rate = house.concentration_rate

    def rate(position: Position) -> Decimal:
        base = house.base_rate(position.symbol)
        with exact():
            concentrated = abs(position.quantity) * position.price > limit
        return conc_rate if concentrated and conc_rate > base else base

    return rate


def position_terms(
    rates: Rates[Decimal], quantity: Decimal, price: Decimal, marginable: bool, leverage: Decimal, house_rate: Decimal
) -> tuple[Decimal, Decimal]:
    """(maintenance, initial) of a signed position, routed by sign to the long or short formula (no contracts).

    Must run inside :func:`margin_rules.money.exact`. Equal to :func:`margin_rules.formulas.position_requirements`
    (proved and tested): routing only skips the part that is zero. Runs the rule set's specialised code (see
    :func:`specialised`), which returns exactly what ``formulas.long_requirements`` / ``short_requirements`` return.
    """
    return specialised(rates).terms(quantity, price, marginable, leverage, house_rate)


# --- The specialised per-rule-set code of the hot loop ---------------------------------------------------------------

_TermsFn = Callable[[Decimal, Decimal, bool, Decimal, Decimal], tuple[Decimal, Decimal]]
_SumFn = Callable[[tuple[Position, ...], Callable[[Position], Decimal]], Decimal]
_SumBothFn = Callable[[tuple[Position, ...], Callable[[Position], Decimal]], tuple[Decimal, Decimal]]


@dataclass(frozen=True, slots=True)
class Specialised:
    """The requirement code of one rule set, generated from the formulas (see the module docstring of
    :mod:`margin_rules.arith`, "Partial evaluation"). Every function must run inside :func:`~margin_rules.money.exact`.

    * ``terms(quantity, price, marginable, leverage, house_rate)``: as :func:`position_terms`.
    * ``maintenance(positions)`` / ``maintenance_house(positions, house_rate)``: the sum of the maintenance terms.
    * ``both(positions)`` / ``both_house(positions, house_rate)``: the sums of (maintenance, initial).
    * ``source``: the generated Python source, for inspection.
    """

    rates: Rates[Decimal]
    terms: _TermsFn
    maintenance: Callable[[tuple[Position, ...]], Decimal]
    maintenance_house: _SumFn
    both: Callable[[tuple[Position, ...]], tuple[Decimal, Decimal]]
    both_house: _SumBothFn
    source: str


_PARAMS = ("shares", "price", "marginable", "leverage", "extra_rate")


def _generate(rates: Rates[Decimal]) -> tuple[str, dict[str, Any]]:
    """Trace the long and short formulas over ``rates`` and emit the source of the specialised functions."""
    sp = Specialiser()
    ar: Any = sp.ar
    shares, price, marginable, leverage, extra = (sp.ar.param(name) for name in _PARAMS)
    with exact():
        long_out = f.long_requirements(ar, cast(Any, rates), shares, price, marginable, leverage, extra)
        short_out = f.short_requirements(ar, cast(Any, rates), shares, price, leverage, extra)

    def block(outputs: tuple[Any, ...], indent: int) -> tuple[str, list[str]]:
        lines, exprs = sp.emit(list(outputs), " " * indent)
        return "\n".join(lines), exprs

    lb, (lm, li) = block(long_out, 8)
    sb, (sm, si) = block(short_out, 8)
    parts = [
        "def terms(quantity, price, marginable, leverage, extra_rate):",
        "    if quantity > ZERO:",
        "        shares = quantity",
        lb,
        f"        return {lm}, {li}",
        "    if quantity < ZERO:",
        "        shares = quantity.copy_negate()",
        sb,
        f"        return {sm}, {si}",
        "    return ZERO, ZERO",
        "",
    ]
    for name, with_initial in (("maintenance", False), ("both", True)):
        long_block, long_exprs = block(long_out if with_initial else long_out[:1], 12)
        short_block, short_exprs = block(short_out if with_initial else short_out[:1], 12)
        for suffix, args, extra_src in (
            ("", "positions", "ZERO"),
            ("_house", "positions, house_rate", "house_rate(p)"),
        ):
            parts += [
                f"def {name}{suffix}({args}):",
                "    m_total = ZERO",
                "    i_total = ZERO",
                "    for p in positions:",
                "        quantity = p.quantity",
                "        if quantity > ZERO:",
                "            shares = quantity",
                "            price = p.price",
                "            marginable = p.marginable",
                "            leverage = p.leverage",
                f"            extra_rate = {extra_src}",
                long_block,
                f"            m_total += {long_exprs[0]}",
                *([f"            i_total += {long_exprs[1]}"] if with_initial else []),
                "        elif quantity < ZERO:",
                "            shares = quantity.copy_negate()",
                "            price = p.price",
                "            leverage = p.leverage",
                f"            extra_rate = {extra_src}",
                short_block,
                f"            m_total += {short_exprs[0]}",
                *([f"            i_total += {short_exprs[1]}"] if with_initial else []),
                f"    return {'m_total, i_total' if with_initial else 'm_total'}",
                "",
            ]
    source = "\n".join(parts)
    return source, sp.build(source, "<margin_rules.requirements: specialised>", {"ZERO": ZERO})


def _compile(rates: Rates[Decimal]) -> Specialised:
    source, namespace = _generate(rates)
    return Specialised(
        rates,
        namespace["terms"],
        namespace["maintenance"],
        namespace["maintenance_house"],
        namespace["both"],
        namespace["both_house"],
        source,
    )


_BY_ID: dict[int, Specialised] = {}
_BY_VALUE: dict[tuple[str, ...], Specialised] = {}
_CACHE_LIMIT = 256


def specialised(rates: Rates[Decimal]) -> Specialised:
    """The specialised requirement code of ``rates``, generated on first use and memoised.

    A memo, not state: the result depends only on the exact representation of ``rates``' fields (the cache is keyed
    by it, and by identity for speed, holding the Rates object so that its id cannot be reused while cached).
    """
    found = _BY_ID.get(id(rates))
    if found is not None and found.rates is rates:
        return found
    key = tuple(repr(value) for value in rates.as_tuple())
    shared = _BY_VALUE.get(key)
    if shared is None:
        if len(_BY_VALUE) >= _CACHE_LIMIT:
            _BY_VALUE.clear()
        shared = _BY_VALUE[key] = _compile(rates)
    found = replace(shared, rates=rates)
    if len(_BY_ID) >= _CACHE_LIMIT:
        _BY_ID.clear()
    _BY_ID[id(rates)] = found
    return found


def _position_terms(position: Position, rules: RuleSet, house_rate: Decimal) -> tuple[Decimal, Decimal]:
    return position_terms(
        rules.rates, position.quantity, position.price, position.marginable, position.leverage, house_rate
    )


@exact_function
@icontract.require(lambda position: isinstance(position, Position), "position is a Position")
@icontract.ensure(lambda result: result >= 0, "a maintenance requirement is never negative")
@icontract.ensure(
    lambda position, rules, result: (
        not position.is_short
        or result
        >= abs(position.quantity)
        * (
            rules.rates.short_low_per_share
            if position.price < rules.rates.short_price_threshold
            else rules.rates.short_high_per_share
        )
    ),
    "a short carries at least its per-share floor ($2.50 below $5.00, $5.00 at or above)",
)
def position_maintenance(position: Position, rules: RuleSet, house_rate: Decimal = ZERO) -> Decimal:
    """Maintenance requirement of one position. FINRA 4210(c)(1) long 25%; 4210(c)(2) short floors: below $5.00 the
    greater of $2.50/share or 100%, at or above $5.00 the greater of $5.00/share or 30%; non-margin stock 100%;
    leveraged ETPs (Notice 09-53); house rate ``house_rate`` on top (4210(d)(1))."""
    return _position_terms(position, rules, house_rate)[0]


@exact_function
@icontract.require(lambda position: isinstance(position, Position), "position is a Position")
@icontract.ensure(
    lambda position, rules, house_rate, result: result >= position_maintenance(position, rules, house_rate),
    "the initial requirement is at least the maintenance requirement (4210(b)(1))",
)
def position_initial(position: Position, rules: RuleSet, house_rate: Decimal = ZERO) -> Decimal:
    """Initial requirement of one position: the greater of Reg T (220.12(a) 50% long, 220.12(c)(1) 150% short incl.
    proceeds, 220.12(e) 100% non-margin) and the 4210(c) maintenance requirement. FINRA 4210(b)(1)."""
    return _position_terms(position, rules, house_rate)[1]


def _sum_requirements(account: Account, rules: RuleSet) -> tuple[Decimal, Decimal]:
    """(maintenance, initial) of the account: the per-position loop, free of contracts (they sit at the boundary).

    Must run inside :func:`margin_rules.money.exact`. Runs the rule set's specialised loop (:func:`specialised`).
    """
    code = specialised(rules.rates)
    if rules.house is None:
        return code.both(account.positions)
    return code.both_house(account.positions, house_rate_function(account, rules))


def _sum_maintenance(account: Account, rules: RuleSet) -> Decimal:
    """The account's maintenance requirement, uncontracted (inside :func:`margin_rules.money.exact`)."""
    code = specialised(rules.rates)
    if rules.house is None:
        return code.maintenance(account.positions)
    return code.maintenance_house(account.positions, house_rate_function(account, rules))


@exact_function
@icontract.ensure(lambda result: result >= 0, "an account's maintenance requirement is never negative")
def account_maintenance(account: Account, rules: RuleSet) -> Decimal:
    """The account's maintenance requirement: the sum over its positions (FINRA 4210(c)), house layers included."""
    _check_args(account, rules)
    return _sum_maintenance(account, rules)


@exact_function
@icontract.ensure(
    lambda account, rules, result: result >= account_maintenance(account, rules),
    "the initial requirement is at least the maintenance requirement",
)
def account_initial(account: Account, rules: RuleSet) -> Decimal:
    """The account's initial requirement: the sum of the per-position greater of Reg T and maintenance (4210(b)(1))."""
    _check_args(account, rules)
    return _sum_requirements(account, rules)[1]


@exact_function
@icontract.ensure(
    lambda result: result.initial >= result.maintenance >= 0, "initial >= maintenance >= 0 for the account"
)
@icontract.ensure(
    lambda account, result: (
        result.equity == account.cash + sum((p.quantity * p.price for p in account.positions), Decimal(0))
    ),
    "equity is cash plus the signed market values",
)
def account_requirements(account: Account, rules: RuleSet) -> AccountRequirements:
    """Everything about the account's requirements in one pass: market values, per-position and total requirements."""
    _check_args(account, rules)
    rates = rules.rates
    house_rate = house_rate_function(account, rules)
    long_mv = short_mv = maintenance = initial = ZERO
    items = []
    for p in account.positions:
        rate = house_rate(p)
        m, i = position_terms(rates, p.quantity, p.price, p.marginable, p.leverage, rate)
        mv = p.quantity * p.price
        if mv > ZERO:
            long_mv += mv
        else:
            short_mv += mv
        maintenance += m
        initial += i
        items.append(PositionRequirement(p.symbol, p.quantity, p.price, mv, m, i, rate))
    return AccountRequirements(account.cash, long_mv, short_mv, maintenance, initial, tuple(items))


@dataclass(frozen=True, slots=True)
class OrderRequirement:
    """What an order changes: the requirements it adds and the equity it needs.

    * ``opening_quantity``: shares that open or add to a position (reduce/close shares are free).
    * ``initial`` / ``maintenance``: the requirement increase of the opening shares.
    * ``minimum_equity``: the 4210(b)(1) $2,000 minimum (capped at the cost of a purchase; 0 for a closing order).
    * ``required_equity``: the equity the account must have after the order: max(initial after, minimum_equity).
    """

    order: Order
    opening_quantity: Decimal
    closing_quantity: Decimal
    initial: Decimal
    maintenance: Decimal
    minimum_equity: Decimal
    required_equity: Decimal
    notional: Decimal

    @property
    def is_closing_only(self) -> bool:
        return self.opening_quantity == ZERO


def split_order(account: Account, order: Order) -> tuple[Decimal, Decimal]:
    """(opening, closing) share counts of ``order`` against the account's current position in its symbol."""
    held = account.position(order.symbol)
    current = held.quantity if held is not None else ZERO
    delta = order.signed_quantity
    with exact():
        if current == ZERO or (current > ZERO) == (delta > ZERO):
            return abs(delta), ZERO
        closing = min(abs(delta), abs(current))
        return abs(delta) - closing, closing


def order_house_rate(account: Account, order: Order, rules: RuleSet) -> Decimal:
    """The house rate applied to an order's opening shares (the symbol's house rate; no concentration add-on)."""
    return rules.house.base_rate(order.symbol) if rules.house is not None else ZERO


@exact_function
@icontract.ensure(lambda result: result.initial >= result.maintenance >= 0, "initial >= maintenance >= 0")
@icontract.ensure(
    lambda result: result.opening_quantity + result.closing_quantity == result.order.quantity,
    "every share of the order either opens or closes",
)
def order_requirement(account: Account, order: Order, rules: RuleSet) -> OrderRequirement:
    """The requirement of a hypothetical order (symbol, side, quantity, price) against ``account``.

    Opening shares carry the initial requirement of 4210(b)(1) (greater of Reg T 220.12 and 4210(c) maintenance; 100%
    for non-margin stock, 220.12(e)); the $2,000 minimum equity of 4210(b)(1) applies to an opening order, capped at
    the purchase cost for a purchase ("no customer need deposit more than the cost of the security"). Reducing and
    closing shares add no requirement.
    """
    _check_args(account, rules)
    if not isinstance(order, Order):
        raise InvalidTypeError("order", f"expected an Order, got {type(order).__name__}")
    opening, closing = split_order(account, order)
    held = account.position(order.symbol)
    marginable = held.marginable if held is not None else order.marginable
    leverage = held.leverage if held is not None else order.leverage
    signed_opening = opening if order.side is Side.BUY else -opening
    m, i = position_terms(
        rules.rates, signed_opening, order.price, marginable, leverage, order_house_rate(account, order, rules)
    )
    notional = order.quantity * order.price
    if opening == ZERO:
        minimum = ZERO
    else:
        minimum = f.opening_minimum_equity(DECIMAL, rules.rates, order.side is Side.BUY, opening * order.price)
    before = _sum_requirements(account, rules)[1]
    # Closing shares release their share of the requirement; opening shares add theirs.
    if held is not None and closing > ZERO:
        released = position_terms(
            rules.rates,
            closing if held.quantity > ZERO else -closing,
            held.price,
            held.marginable,
            held.leverage,
            order_house_rate(account, order, rules),
        )[1]
    else:
        released = ZERO
    initial_after = before - released + i
    return OrderRequirement(
        order=order,
        opening_quantity=opening,
        closing_quantity=closing,
        initial=i,
        maintenance=m,
        minimum_equity=minimum,
        required_equity=max(initial_after, minimum),
        notional=notional,
    )
