"""Planted bugs: mutated versions of core formulas, written over Arith like the originals.

Each is a realistic mistake; a proof obligation run against it MUST produce a counterexample (the engine fails
``make prove`` otherwise). They are never used by the library.
"""

from __future__ import annotations

from typing import Any

from margin_rules import formulas as f
from margin_rules.health_state import HealthState


def classify_initial_first(ar: Any, has_positions: Any, equity_value: Any, maintenance: Any, initial: Any) -> Any:
    """Bug: tests the initial requirement before maintenance, so a maintenance deficiency shows as RESTRICTED."""
    return ar.ite_state(
        ar.not_(has_positions),
        ar.state(HealthState.HEALTHY),
        ar.ite_state(
            ar.lt(equity_value, initial),
            ar.state(HealthState.RESTRICTED),
            ar.ite_state(
                ar.lt(equity_value, maintenance),
                ar.state(HealthState.LIQUIDATION_CALL),
                ar.state(HealthState.HEALTHY),
            ),
        ),
    )


def classify_with_tolerance(ar: Any, has_positions: Any, equity_value: Any, maintenance: Any, initial: Any) -> Any:
    """Bug: a one-cent tolerance below maintenance ("close enough")."""
    return f.classify(ar, has_positions, equity_value + ar.const("0.01"), maintenance, initial)


def classify_gap(ar: Any, has_positions: Any, equity_value: Any, maintenance: Any, initial: Any) -> Any:
    """Bug: RESTRICTED only strictly above maintenance; equity exactly at maintenance falls through to HEALTHY."""
    return ar.ite_state(
        ar.not_(has_positions),
        ar.state(HealthState.HEALTHY),
        ar.ite_state(
            ar.lt(equity_value, maintenance),
            ar.state(HealthState.LIQUIDATION_CALL),
            ar.ite_state(
                ar.and_(ar.lt(maintenance, equity_value), ar.lt(equity_value, initial)),
                ar.state(HealthState.RESTRICTED),
                ar.state(HealthState.HEALTHY),
            ),
        ),
    )


def max_withdrawal_without_minimum_equity(
    ar: Any,
    r: Any,
    keep_initial: Any,
    has_positions: Any,
    has_shorts: Any,
    cash: Any,
    equity_value: Any,
    maintenance: Any,
    initial: Any,
) -> Any:
    """Bug: forgets the $2,000 minimum equity of 4210(b)(1) when the withdrawal borrows."""
    zero = ar.zero
    must_keep = ar.max(initial, maintenance)
    without_borrowing = ar.ite(ar.not_(has_shorts), ar.min(ar.max(cash, zero), equity_value - must_keep), zero)
    with_borrowing = ar.ite(has_positions, equity_value - must_keep, zero)
    regulatory = ar.max(ar.max(without_borrowing, with_borrowing), zero)
    return ar.ite(keep_initial, ar.max(equity_value - must_keep, zero), regulatory)


def max_withdrawal_cash_only(
    ar: Any,
    r: Any,
    keep_initial: Any,
    has_positions: Any,
    has_shorts: Any,
    cash: Any,
    equity_value: Any,
    maintenance: Any,
    initial: Any,
) -> Any:
    """Bug: lets the customer take out all credit cash (short-sale proceeds included), ignoring requirements."""
    return ar.max(cash, ar.zero)


def _withdrawal_permitted_with(limit_fn: Any) -> Any:
    def permitted(ar: Any, r: Any, keep: Any, hp: Any, hs: Any, cash: Any, eq: Any, m: Any, i: Any, amount: Any) -> Any:
        limit = limit_fn(ar, r, keep, hp, hs, cash, eq, m, i)
        return ar.and_(ar.lt(ar.zero, amount), ar.le(amount, limit))

    return permitted


withdrawal_permitted_without_minimum_equity = _withdrawal_permitted_with(max_withdrawal_without_minimum_equity)
withdrawal_permitted_cash_only = _withdrawal_permitted_with(max_withdrawal_cash_only)


def position_requirements_volume_discount(
    ar: Any, r: Any, qty: Any, price: Any, marginable: Any, leverage: Any, extra_rate: Any
) -> Any:
    """Bug: a "volume discount" — above 10,000 shares the requirement is computed at 80% of the rule."""
    m, i = f.position_requirements(ar, r, qty, price, marginable, leverage, extra_rate)
    big = ar.or_(ar.lt(ar.const(10000), qty), ar.lt(qty, ar.const(-10000)))
    factor = ar.ite(big, ar.const("0.8"), ar.one)
    return m * factor, i * factor


def routed_requirements(ar: Any, r: Any, qty: Any, price: Any, marginable: Any, leverage: Any, extra_rate: Any) -> Any:
    """The library's sign routing (margin_rules.requirements.position_terms), over Arith: long of qty if qty > 0,
    short of -qty if qty < 0, (0, 0) if flat. Conformance-tested against position_terms.

    The long/short share counts are written ``long_part(qty)`` / ``short_part(qty)``, which the LINK goal proves equal
    to ``qty`` / ``-qty`` on their branch (so the two sides share sub-terms and the nonlinear terms need no
    congruence reasoning, which Z3's nonlinear arithmetic lacks)."""
    lm, li = f.long_requirements(ar, r, f.long_part(ar, qty), price, marginable, leverage, extra_rate)
    sm, si = f.short_requirements(ar, r, f.short_part(ar, qty), price, leverage, extra_rate)
    zero = ar.zero
    pos, neg = ar.lt(zero, qty), ar.lt(qty, zero)
    return ar.ite(pos, lm, ar.ite(neg, sm, zero)), ar.ite(pos, li, ar.ite(neg, si, zero))


def routed_requirements_sign_error(
    ar: Any, r: Any, qty: Any, price: Any, marginable: Any, leverage: Any, extra_rate: Any
) -> Any:
    """Bug: the routing passes the signed (negative) quantity to the short formula."""
    lm, li = f.long_requirements(ar, r, qty, price, marginable, leverage, extra_rate)
    sm, si = f.short_requirements(ar, r, qty, price, leverage, extra_rate)
    zero = ar.zero
    pos, neg = ar.lt(zero, qty), ar.lt(qty, zero)
    return ar.ite(pos, lm, ar.ite(neg, sm, zero)), ar.ite(pos, li, ar.ite(neg, si, zero))
