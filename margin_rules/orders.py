"""The maximum order quantity for a symbol, side and price within a mode's buying power (rule 8 of issue 2).

What LEAN calls the maximum order quantity for a target buying power: the largest quantity whose charge
(:func:`margin_rules.buying_power.order_charge`) fits the mode's budget
(:func:`margin_rules.buying_power.available_excess`), decided by :func:`margin_rules.buying_power.order_fits` itself,
so that every rule of the check applies unchanged: the order's own requirement (100% for non-margin stock, the short
per-share floors of FINRA 4210(c)(2), leveraged ETPs, house rates), the $2,000 minimum equity of FINRA 4210(b)(1) in
margin modes, and free closing shares.

Pure: no I/O, no clock, no state.
"""

from __future__ import annotations

from decimal import Decimal

import icontract

from margin_rules.buying_power import Mode, available_excess, order_charge, order_fits
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.model import Account, Order, Side
from margin_rules.money import (
    MAX_PLACES,
    MAX_PRICE,
    MAX_QUANTITY,
    ONE,
    ZERO,
    exact,
    exact_function,
    to_amount,
    to_decimal,
)
from margin_rules.requirements import split_order
from margin_rules.rulesets import RuleSet

__all__ = ["max_order_quantity", "quantity_step"]


def quantity_step(fractional: bool, fraction_places: int) -> Decimal:
    """The quantity grid: 1 share, or 10^-``fraction_places`` shares for fractional orders."""
    return ONE if not fractional else ONE.scaleb(-fraction_places)


def _fits(
    account: Account,
    rules: RuleSet,
    symbol: str,
    side: Side,
    quantity: Decimal,
    price: Decimal,
    mode: Mode,
    reserved: Decimal,
    marginable: bool,
    leverage: Decimal,
) -> bool:
    if quantity <= ZERO:
        return True
    order = Order(symbol, side, quantity, price, marginable, leverage)
    return order_fits(account, order, rules, mode, reserved).fits


def _result_is_maximal(
    account: Account,
    rules: RuleSet,
    symbol: str,
    side: Side | str,
    price: Decimal | int | str,
    mode: Mode,
    reserved: Decimal | int | str,
    fractional: bool,
    fraction_places: int,
    marginable: bool,
    leverage: Decimal | int | str,
    result: Decimal,
) -> bool:
    """order_fits(result) (or result = 0) and not order_fits(result + step) (unless beyond the quantity bound)."""
    step = quantity_step(fractional, fraction_places)
    held = to_amount(reserved, "reserved")
    args = (Side(side), to_decimal(price, "price"), Mode(mode), held)
    lev = to_decimal(leverage, "leverage")
    with exact():
        bigger = result + step
    fits_now = _fits(account, rules, symbol, args[0], result, args[1], args[2], args[3], marginable, lev)
    if bigger > MAX_QUANTITY:
        return fits_now
    return fits_now and not _fits(account, rules, symbol, args[0], bigger, args[1], args[2], args[3], marginable, lev)


def _validate(
    account: object,
    rules: object,
    symbol: object,
    side: object,
    price: object,
    mode: object,
    reserved: object,
    fractional: object,
    fraction_places: object,
    marginable: object,
    leverage: object,
) -> tuple[Side, Decimal, Mode, Decimal, int, Decimal]:
    if not isinstance(account, Account):
        raise InvalidTypeError("account", f"expected an Account, got {type(account).__name__}")
    if not isinstance(rules, RuleSet):
        raise InvalidTypeError("rules", f"expected a RuleSet, got {type(rules).__name__}")
    if not isinstance(symbol, str):
        raise InvalidTypeError("symbol", f"a symbol is a string, not {type(symbol).__name__}")
    if not isinstance(side, str):
        raise InvalidTypeError("side", f"a side is a string, not {type(side).__name__}")
    try:
        chosen_side = Side(side)
    except ValueError:
        raise DomainError("side", f"unknown side {side!r}: use buy, sell or sell_short") from None
    value = to_decimal(price, "price", max_abs=MAX_PRICE)
    if value <= ZERO:
        raise DomainError("price", f"an order price is positive (got {value})")
    if not isinstance(mode, str):
        raise InvalidTypeError("mode", f"a mode is a string, not {type(mode).__name__}")
    try:
        chosen_mode = Mode(mode)
    except ValueError:
        raise DomainError("mode", f"unknown buying-power mode {mode!r}") from None
    held = to_amount(reserved, "reserved")
    if held < ZERO:
        raise DomainError("reserved", "reserved buying power cannot be negative")
    if not isinstance(fractional, bool):
        raise InvalidTypeError("fractional", "must be True or False")
    if isinstance(fraction_places, bool) or not isinstance(fraction_places, int):
        raise InvalidTypeError("fraction_places", "must be an int")
    if not 0 <= fraction_places <= MAX_PLACES:
        raise DomainError("fraction_places", f"must be between 0 and {MAX_PLACES} (got {fraction_places})")
    if not isinstance(marginable, bool):
        raise InvalidTypeError("marginable", "must be True or False")
    lev = to_decimal(leverage, "leverage")
    if lev < ONE:
        raise DomainError("leverage", f"a leverage factor is at least 1 (got {lev})")
    return chosen_side, value, chosen_mode, held, fraction_places, lev


def _floor_div(numerator: Decimal, denominator: Decimal) -> int:
    """floor(numerator / denominator) for denominator > 0, exactly, on the integer ratios of the two Decimals.

    A Decimal division may not terminate (the trapping core context refuses it) and a rounding division may round
    across an integer; integer arithmetic on the exact ratios never rounds. The caller still checks the candidate with
    :func:`~margin_rules.buying_power.order_fits` (exact), so even a wrong candidate could not give a wrong answer.
    """
    a, b = numerator.as_integer_ratio()
    c, d = denominator.as_integer_ratio()
    return (a * d) // (b * c)


@exact_function
@icontract.require(
    lambda account, rules: isinstance(account, Account) and isinstance(rules, RuleSet),
    "account is an Account and rules a RuleSet",
    error=lambda account, rules: InvalidTypeError("account/rules", "expected an Account and a RuleSet"),
)
@icontract.ensure(lambda result: result >= 0, "the maximum order quantity is never negative")
@icontract.ensure(
    lambda fractional, fraction_places, result: result % quantity_step(fractional, fraction_places) == 0,
    "the quantity is on the grid: whole shares, or fractional truncated to fraction_places",
)
@icontract.ensure(
    _result_is_maximal,
    "an order of the result fits (order_fits) and one step more does not",
)
def max_order_quantity(
    account: Account,
    rules: RuleSet,
    symbol: str,
    side: Side | str,
    price: Decimal | int | str,
    mode: Mode,
    reserved: Decimal | int | str = ZERO,
    fractional: bool = False,
    fraction_places: int = 9,
    marginable: bool = True,
    leverage: Decimal | int | str = ONE,
) -> Decimal:
    """The largest quantity of ``symbol`` that ``side`` at ``price`` may trade within ``mode``'s buying power.

    The quantity is on a grid: whole shares, or multiples of 10^-``fraction_places`` when ``fractional`` (truncated,
    never rounded up); 0 when nothing fits. It is the largest q with :func:`~margin_rules.buying_power.order_fits`
    true, so it obeys every rule of that check: the charge of the opening shares (the cash cost in CASH mode, the
    initial requirement of 4210(b)(1) / Reg T 220.12 in REG_T, the maintenance requirement of 4210(c) in the
    day-trading modes; per-share floors of shorts, FINRA 4210(c)(2): below $5.00 at least $2.50 a share) within the
    mode's available excess net of ``reserved``, and in margin modes the $2,000 minimum equity of 4210(b)(1).
    Closing shares are free: the part of the order that closes an opposite position is always allowed, only the
    opening remainder is limited. Capped at the model's quantity bound (10^12 shares).

    Exactness: the opening charge is linear in the opening shares (one opening share's charge, from
    :func:`~margin_rules.buying_power.order_charge`, times the count), so a candidate is floor(available / charge per
    step), computed on exact integer ratios. It is then corrected with exact checks: the result q satisfies
    order_fits(q) and not order_fits(q + step); if the candidate is off (the minimum-equity rule, a house layer), the
    answer is found by bisection between a quantity that fits and one that does not (order_fits is monotone in q).
    """
    chosen_side, value, chosen_mode, held, places, lev = _validate(
        account, rules, symbol, side, price, mode, reserved, fractional, fraction_places, marginable, leverage
    )
    step = quantity_step(fractional, places)

    def fits(n: int) -> bool:
        return _fits(account, rules, symbol, chosen_side, Decimal(n) * step, value, chosen_mode, held, marginable, lev)

    limit = _floor_div(MAX_QUANTITY, step)
    # Shares that only close the opposite position (split_order of the largest possible order): always allowed.
    _, closing_total = split_order(account, Order(symbol, chosen_side, MAX_QUANTITY, value, marginable, lev))
    closing_steps = _floor_div(closing_total, step)
    # The charge of one opening step: an order of closing_total + step shares opens exactly one step.
    one_step = Order(symbol, chosen_side, closing_total + step, value, marginable, lev)
    per_step = order_charge(account, one_step, rules, chosen_mode)
    budget = available_excess(account, rules, chosen_mode, held)
    if per_step <= ZERO:
        candidate = limit
    elif budget < ZERO:
        candidate = closing_steps
    else:
        candidate = min(limit, closing_steps + _floor_div(budget, per_step))
    # Correct the candidate with exact checks, keeping: n = lo fits (n = 0 always does), n = hi does not (or is
    # beyond the bound). The linear candidate is normally exact, so this costs two order_fits calls.
    if fits(candidate):
        lo, hi, gallop = candidate, candidate + 1, 1
        while hi <= limit and fits(hi):  # the candidate was low: search upward by doubling
            lo, gallop = hi, gallop * 2
            hi = lo + gallop
        hi = min(hi, limit + 1)
    else:
        lo, hi = closing_steps, candidate  # closing-only quantities always fit, and closing_steps < candidate
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return Decimal(lo) * step
