"""Margin calls, liquidation plans and liquidation prices (rules 10 and 11 of issue 2).

* :func:`margin_calls`: the calls an account snapshot is under, each with its kind, exact deficiency and rule:
  a maintenance call (FINRA 4210(c)), a Reg T call (12 CFR 220.4(c)(3): a negative SMA after a purchase) and a
  minimum-equity call (FINRA 4210(b)(1): equity below $2,000 while using credit).
* :func:`liquidation_plan`: the orders that cure a maintenance deficiency, sized exactly and ordered by a
  :class:`LiquidationPolicy`, shown to cure (recomputed with the core) and minimal (one share fewer on the last order
  does not cure).
* :func:`liquidation_price`: the price of one position at which the account's equity meets its maintenance
  requirement, all other positions fixed (rulebook section 7: for a single long p = (D / q) / (1 - m)).

Selling shares at their valuation price leaves equity unchanged (cash rises by what the long market value loses;
covering a short the other way round) and lowers the maintenance requirement by that position's per-share requirement,
because every requirement term is linear in the share count at a fixed price (rulebook section 7). House concentration
add-ons (4210(d)(1)) depend on the gross exposure and so break that linearity; every plan is therefore checked, and if
need be adjusted, by recomputing the account after it with :func:`margin_rules.requirements.account_requirements`.

Pure: no I/O, no clock, no state. Due dates of Reg T calls are computed by the shell from ``due_business_days``.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Final

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.health import health_of
from margin_rules.health_state import MAINTENANCE_CALL_LABEL, HealthState
from margin_rules.model import Account, Order, Position, Side
from margin_rules.money import MAX_PLACES, MAX_PRICE, ZERO, exact, exact_function
from margin_rules.rates import RATE_FIELDS, Rates
from margin_rules.requirements import AccountRequirements, account_requirements, house_rate_function, position_terms
from margin_rules.rulesets import RuleSet
from margin_rules.valuation import unrealized_pl

__all__ = [
    "REG_T_CALL_DUE_BUSINESS_DAYS",
    "REG_T_LIQUIDATION_THRESHOLD",
    "CallKind",
    "LiquidationPlan",
    "LiquidationPolicy",
    "MarginCall",
    "liquidation_plan",
    "liquidation_price",
    "margin_calls",
]

REG_T_LIQUIDATION_THRESHOLD: Final = Decimal(1000)
"""Reg T 12 CFR 220.4(c)(3) (rulebook section 5): no liquidation is required for a deficiency of $1,000 or less."""

REG_T_CALL_DUE_BUSINESS_DAYS: Final = 2
"""Reg T 220.4(c)(3) (rulebook section 5): a Reg T call is due one payment period after it arises, i.e. settlement +
2 business days. The shell turns this into a date (NYSE business days)."""

PRICE_PLACES: Final = MAX_PLACES
"""Decimal places of a liquidation price that is not exactly representable (presentation rounding, see
:func:`liquidation_price`)."""


# --- Margin calls ---------------------------------------------------------------------------------------------


class CallKind(StrEnum):
    """The kind of a margin call."""

    MAINTENANCE = "maintenance"
    """FINRA 4210(c): equity below the maintenance requirement (a maintenance deficiency)."""
    REG_T = "reg_t"
    """Reg T 12 CFR 220.4(c)(3): the Reg T requirement of a purchase not covered, i.e. a negative SMA (220.5)."""
    MINIMUM_EQUITY = "minimum_equity"
    """FINRA 4210(b)(1): an account using credit (a debit balance or a short) with equity below $2,000."""

    @property
    def label(self) -> str:
        """The words shown to people for this call (CLI, dashboard, JSON ``label``); a maintenance call has the same
        name as the health state it comes from (:attr:`margin_rules.health_state.HealthState.label`)."""
        return _LABELS[self]


_LABELS: Final = {
    CallKind.MAINTENANCE: MAINTENANCE_CALL_LABEL,
    CallKind.REG_T: "Reg T call",
    CallKind.MINIMUM_EQUITY: "Minimum equity call",
}


_CITATIONS: Final = {
    CallKind.MAINTENANCE: "FINRA Rule 4210(c)",
    CallKind.REG_T: "Reg T 12 CFR 220.4(c)(3)",
    CallKind.MINIMUM_EQUITY: "FINRA Rule 4210(b)(1)",
}


@dataclass(frozen=True, slots=True)
class MarginCall:
    """One margin call of an account, with the figures that decided it.

    * ``amount``: the deficiency to meet, exact (> 0). MAINTENANCE: maintenance - equity; REG_T: -SMA;
      MINIMUM_EQUITY: minimum equity - equity.
    * ``equity``: the account's equity.
    * ``requirement``: the requirement compared: the maintenance requirement (MAINTENANCE), the account's initial
      requirement (REG_T, for information: the call amount itself comes from the SMA), the minimum equity
      (MINIMUM_EQUITY).
    * ``rule``: the citation.
    * ``liquidation_required``: REG_T only: whether an unmet call must be met by liquidation, i.e. amount > $1,000
      (220.4(c)(3)); None for the other kinds (this rule states no threshold for them).
    * ``due_business_days``: REG_T only: due at settlement + this many business days (the shell computes the date);
      None for the other kinds.
    """

    kind: CallKind
    amount: Decimal
    equity: Decimal
    requirement: Decimal
    rule: str
    liquidation_required: bool | None = None
    due_business_days: int | None = None


def _require_account_rules(account: object, rules: object) -> None:
    if not isinstance(account, Account):
        raise InvalidTypeError("account", f"expected an Account, got {type(account).__name__}")
    if not isinstance(rules, RuleSet):
        raise InvalidTypeError("rules", f"expected a RuleSet, got {type(rules).__name__}")


def _calls_of(account: Account, rules: RuleSet, figs: AccountRequirements) -> tuple[MarginCall, ...]:
    equity = figs.equity
    calls: list[MarginCall] = []
    if figs.has_positions and equity < figs.maintenance:
        calls.append(
            MarginCall(
                CallKind.MAINTENANCE,
                f.deficiency(DECIMAL, equity, figs.maintenance),
                equity,
                figs.maintenance,
                _CITATIONS[CallKind.MAINTENANCE],
            )
        )
    if account.sma < ZERO:
        amount = f.deficiency(DECIMAL, account.sma, ZERO)  # max(-SMA, 0)
        calls.append(
            MarginCall(
                CallKind.REG_T,
                amount,
                equity,
                figs.initial,
                _CITATIONS[CallKind.REG_T],
                liquidation_required=amount > REG_T_LIQUIDATION_THRESHOLD,
                due_business_days=REG_T_CALL_DUE_BUSINESS_DAYS,
            )
        )
    minimum = rules.rates.minimum_equity
    uses_credit = figs.cash < ZERO or figs.has_shorts
    if uses_credit and equity < minimum:
        calls.append(
            MarginCall(
                CallKind.MINIMUM_EQUITY,
                f.deficiency(DECIMAL, equity, minimum),
                equity,
                minimum,
                _CITATIONS[CallKind.MINIMUM_EQUITY],
            )
        )
    return tuple(calls)


def _kinds(calls: Iterable[MarginCall]) -> list[CallKind]:
    return [call.kind for call in calls]


@exact_function
@icontract.require(
    lambda account, rules: isinstance(account, Account) and isinstance(rules, RuleSet),
    "account is an Account and rules a RuleSet",
    error=lambda account, rules: InvalidTypeError("account/rules", "expected an Account and a RuleSet"),
)
@icontract.ensure(lambda result: all(call.amount > 0 for call in result), "every call has a positive deficiency")
@icontract.ensure(
    lambda result: len(set(_kinds(result))) == len(result), "at most one call of each kind, in a fixed order"
)
@icontract.ensure(
    lambda account, rules, result: (
        (CallKind.MAINTENANCE in _kinds(result))
        == (health_of(account_requirements(account, rules)) is HealthState.LIQUIDATION_CALL)
    ),
    "a maintenance call exactly when the account is in LIQUIDATION_CALL (equity < maintenance, 4210(c))",
)
@icontract.ensure(
    lambda account, result: (CallKind.REG_T in _kinds(result)) == (account.sma < 0),
    "a Reg T call exactly when the SMA is negative (220.4(c)(3))",
)
@icontract.ensure(
    lambda result: all(
        call.liquidation_required == (call.amount > REG_T_LIQUIDATION_THRESHOLD)
        for call in result
        if call.kind is CallKind.REG_T
    ),
    "a Reg T call requires liquidation exactly when it exceeds $1,000",
)
def margin_calls(account: Account, rules: RuleSet) -> tuple[MarginCall, ...]:
    """The margin calls of ``account`` under ``rules`` (empty when there is none), in the order MAINTENANCE, REG_T,
    MINIMUM_EQUITY.

    * MAINTENANCE (FINRA 4210(c)): positions held and equity < maintenance requirement; amount = maintenance - equity.
      Exactly the accounts :func:`margin_rules.health.health` classifies LIQUIDATION_CALL.
    * REG_T (Reg T 220.4(c)(3), rulebook section 5): SMA < 0 (a purchase whose Reg T requirement the SMA did not
      cover); amount = max(-SMA, 0); ``liquidation_required`` = amount > $1,000; due at settlement +
      ``due_business_days`` (= 2) business days.
    * MINIMUM_EQUITY (FINRA 4210(b)(1)): an account using credit (a debit balance or a short) with equity < $2,000
      (the rule set's ``minimum_equity``); amount = minimum - equity. This includes a debit left with no positions
      (e.g. after a liquidation that could not cure): health calls an account without positions HEALTHY (seed 001),
      but the unsecured debit is still owed, so the call is raised.
    """
    _require_account_rules(account, rules)
    return _calls_of(account, rules, account_requirements(account, rules))


# --- Liquidation plan ------------------------------------------------------------------------------------------------


class LiquidationPolicy(StrEnum):
    """The order in which positions are liquidated to cure a maintenance deficiency. Ties are broken by symbol."""

    LOSERS_FIRST = "losers_first"
    """Unrealized P&L ascending (the biggest losers first), as LEAN's default margin call model (rulebook section 7).
    A position without a cost basis counts as P&L 0."""
    SMALLEST_FIRST = "smallest_first"
    """Smallest |market value| first, as seed 000's liquidation waterfall (rulebook section 7)."""
    LARGEST_REQUIREMENT_FIRST = "largest_requirement_first"
    """Largest maintenance requirement first: releases the most requirement per position closed."""


@dataclass(frozen=True, slots=True)
class LiquidationPlan:
    """The orders that cure a maintenance deficiency and the account's figures after them.

    * ``orders``: SELL for longs, BUY to cover shorts, each at the position's valuation price, in policy order.
    * ``deficiency``: the maintenance deficiency before the plan, max(maintenance - equity, 0).
    * ``equity_after`` / ``maintenance_after``: recomputed with the core after the orders (equity is unchanged).
    * ``cures``: equity_after >= maintenance_after. False when even liquidating everything cannot cure.
    * ``policy``: the policy that ordered the plan.
    """

    orders: tuple[Order, ...]
    deficiency: Decimal
    equity_after: Decimal
    maintenance_after: Decimal
    cures: bool
    policy: LiquidationPolicy


def _ceil_div(numerator: Decimal, denominator: Decimal) -> int:
    """ceil(numerator / denominator) for denominator > 0, exactly.

    A quotient of Decimals may not terminate (it cannot be computed in the trapping core context), and a Decimal
    division in a rounding context may round across an integer. So the quotient is computed on the exact integer
    ratios of the two Decimals (``as_integer_ratio`` is exact): no rounding at all. The result is then checked with
    exact Decimal multiplications (n x d >= x and (n - 1) x d < x) so that the sizing can be audited in Decimal terms.
    """
    a, b = numerator.as_integer_ratio()
    c, d = denominator.as_integer_ratio()
    n = -((-a * d) // (b * c))
    with exact():
        assert Decimal(n) * denominator >= numerator > Decimal(n - 1) * denominator
    return n


def _order_key(policy: LiquidationPolicy, figs: AccountRequirements) -> Callable[[Position], tuple[Decimal, str]]:
    if policy is LiquidationPolicy.LOSERS_FIRST:

        def losers(p: Position) -> tuple[Decimal, str]:
            pl = unrealized_pl(p)
            return (pl if pl is not None else ZERO, p.symbol)

        return losers
    if policy is LiquidationPolicy.SMALLEST_FIRST:
        return lambda p: (abs(p.quantity) * p.price, p.symbol)
    requirement = {item.symbol: item.maintenance for item in figs.positions}
    return lambda p: (requirement[p.symbol].copy_negate(), p.symbol)


def _reduced(account: Account, position: Position, shares: Decimal) -> Account:
    """``account`` after trading ``shares`` (> 0) of ``position`` toward zero at its valuation price."""
    with exact():
        signed = shares if position.quantity > ZERO else -shares
        remaining = position.quantity - signed
        cash = account.cash + signed * position.price
    positions = []
    for p in account.positions:
        if p.symbol != position.symbol:
            positions.append(p)
        elif remaining != ZERO:
            positions.append(Position(p.symbol, remaining, p.price, p.marginable, p.leverage))
    return Account(cash, tuple(positions), account.sma, account.prior_equity, account.prior_maintenance)


def _grid_step(whole_shares: bool, fraction_places: int) -> Decimal:
    return Decimal(1) if whole_shares else Decimal(1).scaleb(-fraction_places)


def _plan_ok(result: LiquidationPlan, account: Account) -> bool:
    by_symbol = {p.symbol: p for p in account.positions}
    for order in result.orders:
        held = by_symbol.get(order.symbol)
        if held is None or order.quantity > abs(held.quantity) or order.price != held.price:
            return False
        if (order.side is Side.SELL) != (held.quantity > 0):
            return False
    return True


def _validate_plan_args(policy: object, whole_shares: object, fraction_places: object) -> LiquidationPolicy:
    if not isinstance(policy, str):
        raise InvalidTypeError("policy", f"a policy is a string, not {type(policy).__name__}")
    try:
        chosen = LiquidationPolicy(policy)
    except ValueError:
        raise DomainError("policy", f"unknown liquidation policy {policy!r}") from None
    if not isinstance(whole_shares, bool):
        raise InvalidTypeError("whole_shares", "must be True or False")
    if isinstance(fraction_places, bool) or not isinstance(fraction_places, int):
        raise InvalidTypeError("fraction_places", "must be an int")
    if not 0 <= fraction_places <= MAX_PLACES:
        raise DomainError("fraction_places", f"must be between 0 and {MAX_PLACES} (got {fraction_places})")
    return chosen


@exact_function
@icontract.require(
    lambda account, rules: isinstance(account, Account) and isinstance(rules, RuleSet),
    "account is an Account and rules a RuleSet",
    error=lambda account, rules: InvalidTypeError("account/rules", "expected an Account and a RuleSet"),
)
@icontract.ensure(
    lambda result: result.cures == (result.equity_after >= result.maintenance_after),
    "the plan cures exactly when equity after it meets the maintenance requirement after it",
)
@icontract.ensure(
    lambda account, rules, result: result.equity_after == account_requirements(account, rules).equity,
    "liquidating at the valuation price leaves equity unchanged",
)
@icontract.ensure(
    lambda result: result.deficiency > 0 or (result.orders == () and result.cures),
    "no deficiency: an empty plan that cures",
)
@icontract.ensure(
    lambda account, result: _plan_ok(result, account),
    "each order trades toward zero (SELL a long, BUY a short) at most the position's size, at its price",
)
@icontract.ensure(
    lambda account, result: (
        result.cures
        or all(account_after_plan(account, result).position(p.symbol) is None for p in account.positions if p.price > 0)
    ),
    "a plan that does not cure liquidates every position that can be traded",
)
def liquidation_plan(
    account: Account,
    rules: RuleSet,
    policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST,
    whole_shares: bool = True,
    fraction_places: int = 9,
) -> LiquidationPlan:
    """The orders that cure ``account``'s maintenance deficiency (FINRA 4210(c)), ordered by ``policy``.

    Rulebook section 7: selling (covering) shares at the valuation price leaves equity unchanged and lowers the
    requirement by the position's per-share maintenance requirement (per-share floors included for shorts; 100% for
    non-marginable stock), taken from :func:`margin_rules.requirements.position_terms`, never re-derived. Positions are
    taken in policy order; each is closed fully while that does not cure, and the last one is sized exactly:
    shares = ceil(remaining deficiency / per-share requirement), whole shares rounded up (or steps of
    10^-``fraction_places`` when ``whole_shares`` is False), capped at the position (a fractional remainder is closed
    with the position when the whole of it is needed).

    The plan is verified by recomputing the account with :func:`~margin_rules.requirements.account_requirements`: the
    last order cures and one step fewer does not (minimal). When a house concentration add-on (4210(d)(1)) makes the
    linear sizing off, the last order is found by bisection between a size known not to cure and one known to cure,
    which always ends on such an adjacent pair. When even liquidating everything cannot cure (e.g. equity < 0), every
    position is liquidated and ``cures`` is False. No deficiency: an empty plan that cures.

    Positions valued at 0 cannot be traded (an order has a positive price) and are left out.
    """
    _require_account_rules(account, rules)
    chosen = _validate_plan_args(policy, whole_shares, fraction_places)
    step = _grid_step(whole_shares, fraction_places)
    figs = account_requirements(account, rules)
    with exact():
        equity = figs.equity
        deficiency = f.deficiency(DECIMAL, equity, figs.maintenance)
    if deficiency == ZERO:
        return LiquidationPlan((), ZERO, equity, figs.maintenance, True, chosen)
    if _independent_requirements(rules):
        plan = _plan(account, rules, chosen, step, figs, deficiency, incremental=True)
        if plan is not None:
            return plan
    # a concentration add-on (or, defensively, an incremental plan whose final check failed): search on the account
    result = _plan(account, rules, chosen, step, figs, deficiency, incremental=False)
    assert result is not None
    return result


def _independent_requirements(rules: RuleSet) -> bool:
    """True when a position's requirement depends on that position alone: no house concentration add-on (4210(d)(1)),
    whose threshold is a share of the whole book's gross exposure."""
    house = rules.house
    return house is None or house.concentration_threshold is None or house.concentration_rate is None


def _plan(
    account: Account,
    rules: RuleSet,
    chosen: LiquidationPolicy,
    step: Decimal,
    figs: AccountRequirements,
    deficiency: Decimal,
    *,
    incremental: bool,
) -> LiquidationPlan | None:
    """The plan of :func:`liquidation_plan` (same sizing and search). ``incremental``: each candidate's maintenance
    after n steps is the current total minus its requirement plus its requirement at the remaining size (valid when
    requirements are independent, :func:`_independent_requirements`), so a plan costs one pass over the book plus
    O(1) per probe; the account after the plan is built once and recomputed exactly with
    :func:`~margin_rules.requirements.account_requirements`, and None is returned if that check disagrees (the caller
    then searches). Otherwise every probe recomputes the reduced account (the concentration add-on moves with the gross
    exposure)."""
    equity = figs.equity
    state = account
    maintenance = figs.maintenance
    orders: list[Order] = []
    rates = rules.rates
    fixed_rate = house_rate_function(account, rules) if incremental else None
    candidates = sorted(
        (p for p in account.positions if p.quantity != ZERO and p.price > ZERO), key=_order_key(chosen, figs)
    )
    for position in candidates:
        if maintenance <= equity:
            break
        size = abs(position.quantity)
        steps = _ceil_div(size, step)  # grid points q(n) = min(n x step, size), n = 0..steps

        def quantity(n: int, size: Decimal = size) -> Decimal:
            with exact():
                return min(Decimal(n) * step, size)

        rate = fixed_rate(position) if fixed_rate is not None else house_rate_function(state, rules)(position)
        after: Callable[[int], Decimal]
        if incremental:
            after = _incremental_after(rates, position, rate, maintenance, quantity)
        else:
            after = _recomputed_after(rules, state, maintenance, position, quantity)

        # Linear estimate from the per-share requirement at the current state (house rate included).
        with exact():
            one = Decimal(1) if position.quantity > ZERO else Decimal(-1)
            per_share, _ = position_terms(rates, one, position.price, position.marginable, position.leverage, rate)
            unit = per_share * step
            remaining = maintenance - equity
        estimate = min(_ceil_div(remaining, unit), steps) if unit > ZERO else steps

        # Invariant of the search: n = lo does not cure (n = 0 is the current state), n = hi cures.
        if estimate < steps and after(estimate) <= equity:
            lo, hi = 0, estimate
        elif after(steps) <= equity:
            lo, hi = (estimate if estimate < steps else 0), steps
        else:  # closing the whole position does not cure: close it and go on with the next one
            lo, hi = steps, steps
        if hi - 1 > lo:  # the linear estimate is exact unless a house add-on moved: probe one step fewer
            if after(hi - 1) <= equity:
                hi -= 1
            else:
                lo = hi - 1
        while hi - lo > 1:  # bisection keeps the invariant and ends on an adjacent (no cure, cure) pair
            mid = (lo + hi) // 2
            if after(mid) <= equity:
                hi = mid
            else:
                lo = mid
        chosen_n = hi
        maintenance = after(chosen_n)
        if not incremental:
            state = _reduced(state, position, quantity(chosen_n)) if chosen_n else state
        side = Side.SELL if position.quantity > ZERO else Side.BUY
        orders.append(
            Order(position.symbol, side, quantity(chosen_n), position.price, position.marginable, position.leverage)
        )
    if incremental:
        state = _after_orders(account, orders)
    final = account_requirements(state, rules)
    if incremental and (final.maintenance != maintenance or final.equity != equity):
        return None  # cannot happen while requirements are independent: the exact recomputation decides
    return LiquidationPlan(
        tuple(orders), deficiency, final.equity, final.maintenance, final.equity >= final.maintenance, chosen
    )


def _incremental_after(
    rates: Rates[Decimal], position: Position, rate: Decimal, maintenance: Decimal, quantity: Callable[[int], Decimal]
) -> Callable[[int], Decimal]:
    """The account's maintenance after trading quantity(n) of ``position`` toward zero, all else fixed: the current
    total minus the position's requirement plus its requirement at the remaining size (exact)."""
    with exact():
        current, _ = position_terms(
            rates, position.quantity, position.price, position.marginable, position.leverage, rate
        )
    memo: dict[int, Decimal] = {0: maintenance}

    def after(n: int) -> Decimal:
        found = memo.get(n)
        if found is None:
            with exact():
                traded = quantity(n)
                remaining = position.quantity - (traded if position.quantity > ZERO else -traded)
                left = ZERO
                if remaining != ZERO:
                    left, _ = position_terms(
                        rates, remaining, position.price, position.marginable, position.leverage, rate
                    )
                found = memo[n] = maintenance - current + left
        return found

    return after


def _recomputed_after(
    rules: RuleSet, state: Account, maintenance: Decimal, position: Position, quantity: Callable[[int], Decimal]
) -> Callable[[int], Decimal]:
    """The account's maintenance after trading quantity(n) of ``position`` toward zero, recomputed on the whole
    reduced account (house concentration: the add-on of every position moves with the gross exposure)."""
    memo: dict[int, Decimal] = {0: maintenance}

    def after(n: int) -> Decimal:
        if n not in memo:
            memo[n] = account_requirements(_reduced(state, position, quantity(n)), rules).maintenance
        return memo[n]

    return after


def _after_orders(account: Account, orders: Iterable[Order]) -> Account:
    """``account`` after ``orders`` (each trading a held position toward zero at its valuation price), in one pass:
    the arithmetic of :func:`_reduced` per order, the account rebuilt once."""
    held = {p.symbol: p for p in account.positions}
    changed: dict[str, Position | None] = {}
    cash = account.cash
    for order in orders:
        position = changed[order.symbol] if order.symbol in changed else held.get(order.symbol)
        if position is None:
            raise DomainError("plan.orders", f"no position in {order.symbol}")
        with exact():
            signed = order.quantity if position.quantity > ZERO else -order.quantity
            remaining = position.quantity - signed
            cash = cash + signed * position.price
        changed[order.symbol] = (
            None
            if remaining == ZERO
            else Position(position.symbol, remaining, position.price, position.marginable, position.leverage)
        )
    positions = []
    for p in account.positions:
        if p.symbol not in changed:
            positions.append(p)
        elif (now := changed[p.symbol]) is not None:
            positions.append(now)
    return Account(cash, tuple(positions), account.sma, account.prior_equity, account.prior_maintenance)


def account_after_plan(account: Account, plan: LiquidationPlan) -> Account:
    """The account after executing ``plan``'s orders at their prices (positions closed to zero are removed).

    Each order trades its position toward zero; equity is unchanged (rulebook section 7). A partly sold position keeps
    its quantity, price, marginability and leverage but not its cost basis (not needed for requirements; prorating it
    could not be exact). A pure helper for callers that want the projected account.
    """
    return _after_orders(account, plan.orders)


# --- Liquidation price ----------------------------------------------------------------------------------------


class _Lin:
    """An exact linear function a + b x of the price x of one position (rational coefficients)."""

    __slots__ = ("a", "b")

    def __init__(self, a: Fraction, b: Fraction = Fraction(0)) -> None:
        self.a = a
        self.b = b

    def __add__(self, other: _Lin) -> _Lin:
        return _Lin(self.a + other.a, self.b + other.b)

    def __sub__(self, other: _Lin) -> _Lin:
        return _Lin(self.a - other.a, self.b - other.b)

    def __mul__(self, other: _Lin) -> _Lin:
        if self.b == 0:
            return _Lin(self.a * other.a, self.a * other.b)
        if other.b == 0:
            return _Lin(self.a * other.a, self.b * other.a)
        raise ArithmeticError("a requirement formula multiplied the price by itself: not linear")

    def at(self, x: Fraction) -> Fraction:
        return self.a + self.b * x


def _const(value: Decimal) -> _Lin:
    return _Lin(Fraction(value))


class _PieceArith:
    """The formulas' :class:`~margin_rules.arith.Arith` over linear functions of the price x, evaluated at a sample x.

    Every comparison is decided at ``x`` and records where its two sides cross (a breakpoint of the piecewise linear
    requirement). The formula's value is then the linear function valid on the piece of the price axis that contains
    ``x`` (on an open piece between breakpoints no comparison changes), or at ``x`` itself when ``x`` is a breakpoint.
    """

    def __init__(self, x: Fraction) -> None:
        self.x = x
        self.breakpoints: set[Fraction] = set()
        self.zero = _Lin(Fraction(0))
        self.one = _Lin(Fraction(1))

    def const(self, value: Decimal | int | str) -> _Lin:
        return _Lin(Fraction(Decimal(value)))

    def _diff(self, a: _Lin, b: _Lin) -> Fraction:
        d = a - b
        if d.b != 0:
            self.breakpoints.add(-d.a / d.b)
        return d.at(self.x)

    def lt(self, a: _Lin, b: _Lin) -> bool:
        return self._diff(a, b) < 0

    def le(self, a: _Lin, b: _Lin) -> bool:
        return self._diff(a, b) <= 0

    def eq(self, a: _Lin, b: _Lin) -> bool:
        return self._diff(a, b) == 0

    def and_(self, a: bool, b: bool) -> bool:
        return a and b

    def or_(self, a: bool, b: bool) -> bool:
        return a or b

    def not_(self, a: bool) -> bool:
        return not a

    def ite(self, cond: bool, then: _Lin, otherwise: _Lin) -> _Lin:
        return then if cond else otherwise

    def max(self, a: _Lin, b: _Lin) -> _Lin:
        return a if self._diff(a, b) >= 0 else b

    def min(self, a: _Lin, b: _Lin) -> _Lin:
        return a if self._diff(a, b) <= 0 else b

    def state(self, value: HealthState) -> HealthState:
        return value

    def ite_state(self, cond: bool, then: HealthState, otherwise: HealthState) -> HealthState:
        return then if cond else otherwise

    def truth(self, value: bool) -> bool:
        return value


class _Margin:
    """g(x) = equity(x) - maintenance(x) of an account as a function of the price x of one position."""

    def __init__(self, account: Account, rules: RuleSet, target: Position) -> None:
        self.rules = rules
        self.target = target
        self.others = tuple(p for p in account.positions if p.symbol != target.symbol)
        self._memo: dict[tuple[Decimal, ...], Decimal] = {}
        self.rates: Rates[_Lin] = Rates(**{name: _const(getattr(rules.rates, name)) for name in RATE_FIELDS})
        with exact():
            self.cash_and_others = Fraction(account.cash + sum((p.quantity * p.price for p in self.others), ZERO))

    def evaluate(self, x: Fraction) -> tuple[_Lin, set[Fraction]]:
        """The linear piece of g containing ``x`` (g's value at ``x`` if ``x`` is a breakpoint), and the breakpoints."""
        ar = _PieceArith(x)
        t = self.target
        price = _Lin(Fraction(0), Fraction(1))
        shares = _const(abs(t.quantity))
        rates = self._house_rates(ar, price)
        target_rate = _Lin(Fraction(rates[t.symbol]))
        if t.quantity > ZERO:
            target_m = f.long_maintenance(ar, self.rates, shares, price, t.marginable, _const(t.leverage), target_rate)
        else:
            target_m = f.short_maintenance(ar, self.rates, shares, price, _const(t.leverage), target_rate)
        others_m = self._others_maintenance(rates)
        equity = _Lin(self.cash_and_others, Fraction(t.quantity))
        return equity - target_m - _Lin(Fraction(others_m)), ar.breakpoints

    def _others_maintenance(self, rates: dict[str, Decimal]) -> Decimal:
        """The other positions' maintenance (their prices are fixed: it changes only with their house rates)."""
        key = tuple(rates[p.symbol] for p in self.others)
        found = self._memo.get(key)
        if found is None:
            with exact():
                found = sum(
                    (
                        position_terms(self.rules.rates, p.quantity, p.price, p.marginable, p.leverage, rate)[0]
                        for p, rate in zip(self.others, key, strict=True)
                    ),
                    ZERO,
                )
            self._memo[key] = found
        return found

    def _house_rates(self, ar: _PieceArith, price: _Lin) -> dict[str, Decimal]:
        """The house rate of every position at price x: :func:`~margin_rules.requirements.house_rate_function`'s rule
        (base rate, raised to the concentration rate when |market value| > threshold x gross exposure), with the
        comparison made over linear functions so that its crossing prices are breakpoints. Cross-checked against
        ``house_rate_function`` in the tests."""
        house = self.rules.house
        t = self.target
        positions = (*self.others, t)
        if house is None:
            return {p.symbol: ZERO for p in positions}
        if house.concentration_threshold is None or house.concentration_rate is None:
            return {p.symbol: house.base_rate(p.symbol) for p in positions}
        target_value = _const(abs(t.quantity)) * price
        with exact():
            others_gross = sum((abs(p.quantity) * p.price for p in self.others), ZERO)
        limit = _const(house.concentration_threshold) * (_const(others_gross) + target_value)
        conc = house.concentration_rate
        result = {}
        for p in positions:
            base = house.base_rate(p.symbol)
            value = target_value if p is t else _Lin(Fraction(abs(p.quantity) * p.price))
            concentrated = ar.lt(limit, value)
            result[p.symbol] = conc if concentrated and conc > base else base
        return result


def _negative_set(margin: _Margin) -> tuple[list[tuple[Fraction, Fraction | None]], list[Fraction]]:
    """Where g(x) < 0 on x >= 0: open intervals (lo, hi) (hi None = unbounded) and single points.

    The breakpoints are refined to a fixed point: every breakpoint and the midpoint of every piece between them is
    evaluated, and a newly found breakpoint (a formula branch can expose further comparisons) splits the pieces
    again. The set of comparisons is finite, so this ends; g is then linear on each open piece.
    """
    values: dict[Fraction, _Lin] = {}
    breakpoints: set[Fraction] = set()

    def edges_and_samples() -> tuple[list[Fraction], list[Fraction]]:
        edges = [Fraction(0), *sorted(breakpoints)]
        samples = [(edges[i] + edges[i + 1]) / 2 for i in range(len(edges) - 1)] + [edges[-1] + 1]
        return edges, samples

    while True:
        edges, samples = edges_and_samples()
        todo = [x for x in (*edges, *samples) if x not in values]
        if not todo:
            break
        for x in todo:
            values[x], found = margin.evaluate(x)
            breakpoints |= {b for b in found if b > 0}
    intervals: list[tuple[Fraction, Fraction | None]] = []
    single = [x for x in edges if values[x].at(x) < 0]
    for i, (lo, mid) in enumerate(zip(edges, samples, strict=True)):
        hi: Fraction | None = edges[i + 1] if i + 1 < len(edges) else None
        g = values[mid]
        if g.b == 0:
            if g.a < 0:
                intervals.append((lo, hi))
            continue
        root = -g.a / g.b
        if g.b > 0:  # g < 0 below the root
            top = root if hi is None else min(root, hi)
            if top > lo:
                intervals.append((lo, top))
        else:  # g < 0 above the root
            bottom = max(root, lo)
            if hi is None or bottom < hi:
                intervals.append((bottom, hi))
    return intervals, single


def _to_grid(x: Fraction, rounding: str) -> Decimal:
    """``x`` exactly when it has at most PRICE_PLACES decimal places; otherwise rounded to PRICE_PLACES places with
    ``rounding`` (ROUND_CEILING or ROUND_FLOOR): a presentation rounding of a non-representable exact solution."""
    scaled = x * 10**PRICE_PLACES
    if scaled.denominator == 1:
        with exact():  # a terminating quotient: the division is exact (the context traps any rounding)
            return Decimal(x.numerator) / Decimal(x.denominator)
    floor = scaled.numerator // scaled.denominator
    n = floor if rounding == decimal.ROUND_FLOOR else floor + 1
    return Decimal(n).scaleb(-PRICE_PLACES)


def _not_in_call_at(account: Account, rules: RuleSet, symbol: str, price: Decimal) -> bool:
    """Exact core evaluation: the account with ``symbol`` priced at ``price`` meets its maintenance requirement."""
    if price > MAX_PRICE:
        return True  # beyond the core's price bound: not evaluated
    repriced = tuple(
        Position(p.symbol, p.quantity, price, p.marginable, p.leverage, p.cost_basis) if p.symbol == symbol else p
        for p in account.positions
    )
    figs = account_requirements(
        Account(account.cash, repriced, account.sma, account.prior_equity, account.prior_maintenance), rules
    )
    return health_of(figs) is not HealthState.LIQUIDATION_CALL


def _target(account: Account, symbol: object) -> Position:
    if not isinstance(symbol, str):
        raise InvalidTypeError("symbol", f"a symbol is a string, not {type(symbol).__name__}")
    position = account.position(symbol)
    if position is None or position.quantity == ZERO:
        raise DomainError("symbol", f"the account holds no position in {symbol!r}")
    return position


@exact_function
@icontract.require(
    lambda account, rules: isinstance(account, Account) and isinstance(rules, RuleSet),
    "account is an Account and rules a RuleSet",
    error=lambda account, rules: InvalidTypeError("account/rules", "expected an Account and a RuleSet"),
)
@icontract.ensure(lambda result: result is None or result >= 0, "a liquidation price is never negative")
@icontract.ensure(
    lambda account, rules, symbol, result: result is None or _not_in_call_at(account, rules, symbol, result),
    "at the returned price the account meets its maintenance requirement (exact core evaluation)",
)
def liquidation_price(account: Account, rules: RuleSet, symbol: str) -> Decimal | None:
    """The price of ``symbol``'s position at which ``account``'s equity meets its maintenance requirement (FINRA
    4210(c)), the other positions' prices fixed. Rulebook section 7: for a single long with debit D, q shares and
    maintenance rate m, p = (D / q) / (1 - m).

    g(P) = equity(P) - maintenance(P) is piecewise linear in P: the long low-price band, the short $5 threshold, the
    per-share floors against the rates, leveraged and house layers and the concentration add-on each bend or break it.
    The pieces are found by evaluating the core formulas (:mod:`margin_rules.formulas`, the same code the library runs)
    over linear functions of P, each comparison recording where it changes; the equation g(P) = 0 is then solved
    exactly on each piece, and only solutions inside their piece are kept.

    * Long: the highest price at which, falling, the account enters a maintenance deficiency: the supremum of the
      prices where g < 0; at the returned price the account is not in LIQUIDATION_CALL, just below it is.
    * Short: the lowest price at which, rising, it does: the infimum of the prices where g < 0; at the returned price
      the account is not in LIQUIDATION_CALL, just above it is.

    None when no such price exists: g is never negative (never reached), or it stays negative up to any price for a
    long (e.g. a 100% requirement with a debit: rising prices never cure it), or at every price >= 0 for a short.

    Presentation rounding: when the exact solution has more than 10 decimal places (e.g. a repeating decimal), it is
    rounded to 10 places on the safe side: up (ROUND_CEILING) for a long, down (ROUND_FLOOR) for a short, so that the
    returned price itself still meets maintenance. An exact solution is returned exactly.
    """
    _require_account_rules(account, rules)
    target = _target(account, symbol)
    margin = _Margin(account, rules, target)
    intervals, single = _negative_set(margin)
    if not intervals and not single:
        return None

    def g_at(price: Decimal) -> Fraction:
        x = Fraction(price)
        g, _ = margin.evaluate(x)
        return g.at(x)

    tick = Decimal(1).scaleb(-PRICE_PLACES)
    if target.quantity > ZERO:
        if any(hi is None for _, hi in intervals):
            return None
        sup = max([hi for _, hi in intervals if hi is not None] + single)
        price = _to_grid(sup, decimal.ROUND_CEILING)
        if g_at(price) < 0:  # the supremum is attained (g < 0 at it): the next grid price is above every g < 0
            price = _add(price, tick)
    else:
        inf = min([lo for lo, _ in intervals] + single)
        price = _to_grid(inf, decimal.ROUND_FLOOR)
        if g_at(price) < 0:  # the infimum is attained: the grid price below it is below every g < 0
            if price - tick < ZERO:
                return None
            price = _add(price, -tick)
    if g_at(price) < 0:  # cannot happen: the price lies outside the set where g < 0
        raise RuntimeError(f"internal error: liquidation price {price} of {target.symbol} is in a deficiency")
    return price


def _add(a: Decimal, b: Decimal) -> Decimal:
    with exact():
        return a + b
