"""Pure account transitions: the snapshot after a fill, a deposit or a withdrawal.

A trade at price p moves cash by -q x p and the position by +q shares (q signed): valued at p, it leaves equity
unchanged (Reg T 220.2 "equity"; the seed tutorial that counted a purchase as a change in equity was wrong). These
functions return a new :class:`~margin_rules.model.Account`; the input is never modified and a refused call creates
nothing. They carry no rule: whether a transition is permitted is decided by the rule functions
(:func:`margin_rules.buying_power.order_fits`, :func:`margin_rules.withdrawal.check_withdrawal`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.model import Account, Order, Position
from margin_rules.money import (
    MAX_PLACES,
    MAX_PRICE,
    MAX_QUANTITY,
    ZERO,
    exact_function,
    to_amount,
    to_decimal,
)
from margin_rules.rulesets import RuleSet

_ACCOUNTING = Context(prec=80, rounding=ROUND_HALF_EVEN, traps=[])


def _equity(account: Account) -> Decimal:
    return account.cash + sum((p.quantity * p.price for p in account.positions), ZERO)


def _basis_after(held: Position, delta: Decimal, price: Decimal, remaining: Decimal) -> Decimal | None:
    """Cost basis after trading ``delta`` shares: added at cost when the position grows; reduced pro rata when it
    shrinks; restarted at the trade price for the shares that flip the position to the other side."""
    if held.cost_basis is None or remaining == ZERO:
        return None
    growing = (held.quantity > ZERO) == (delta > ZERO) or held.quantity == ZERO
    if growing:
        return held.cost_basis + delta * price
    if (remaining > ZERO) == (held.quantity > ZERO):
        # Reducing: keep the average cost of what remains. The pro-rata share may not be a finite decimal; it is an
        # accounting figure (used only to order liquidations by P&L), rounded half-even to MAX_PLACES places.
        with localcontext(_ACCOUNTING) as ctx:
            return (held.cost_basis * remaining / held.quantity).quantize(Decimal(1).scaleb(-MAX_PLACES), context=ctx)
    # Flipped through zero: the new side was opened at the trade price.
    return remaining * price


@exact_function
@icontract.ensure(
    lambda account, signed_quantity, price, result: (
        result.cash == account.cash - Decimal(signed_quantity) * Decimal(price)
    ),
    "cash moves by exactly -quantity x price",
)
@icontract.ensure(
    lambda account, symbol, price, result: (
        price != (account.position(symbol).price if account.position(symbol) is not None else price)
        or _equity(result) == _equity(account)
    ),
    "a fill at the valuation price leaves equity unchanged",
)
def apply_fill(
    account: Account,
    symbol: str,
    signed_quantity: Decimal | int | str,
    price: Decimal | int | str,
    marginable: bool = True,
    leverage: Decimal | int | str = 1,
    rules: RuleSet | None = None,
) -> Account:
    """The account after a fill of ``signed_quantity`` shares (positive = bought, negative = sold) at ``price``.

    Cash moves by -quantity x price; the position in ``symbol`` (created if absent, removed when it reaches zero) is
    revalued at the fill price, the current market value on the trade date (FINRA 4210(a)(2)). A new position takes
    ``marginable`` and ``leverage``; an existing one keeps its own. With ``rules``, the SMA moves as Reg T 220.5 says
    (:func:`margin_rules.formulas.sma_after_trade`); without, it is left as it was.
    """
    if not isinstance(account, Account):
        raise InvalidTypeError("account", f"expected an Account, got {type(account).__name__}")
    delta = to_decimal(signed_quantity, "fill.quantity", max_abs=MAX_QUANTITY)
    if delta == ZERO:
        raise DomainError("fill.quantity", "a fill has a non-zero quantity")
    fill_price = to_decimal(price, "fill.price", max_abs=MAX_PRICE)
    if fill_price <= ZERO:
        raise DomainError("fill.price", f"a fill price is positive (got {fill_price})")
    held = account.position(symbol)
    cash = account.cash - delta * fill_price
    sma = account.sma
    if rules is not None:
        current = held.quantity if held is not None else ZERO
        closing = min(abs(delta), abs(current)) if current != ZERO and (current > ZERO) != (delta > ZERO) else ZERO
        is_marginable = held.marginable if held is not None else marginable
        sma = f.sma_after_trade(
            DECIMAL, rules.rates, sma, delta > ZERO, abs(delta) - closing, closing, fill_price, is_marginable
        )
    positions: list[Position] = []
    if held is None:
        new = Position(symbol, delta, fill_price, marginable, to_decimal(leverage, "leverage"), delta * fill_price)
        positions = [*account.positions, new]
    else:
        remaining = held.quantity + delta
        for p in account.positions:
            if p is not held:
                positions.append(p)
            elif remaining != ZERO:
                basis = _basis_after(held, delta, fill_price, remaining)
                positions.append(Position(p.symbol, remaining, fill_price, p.marginable, p.leverage, basis))
    return Account(cash, tuple(positions), sma, account.prior_equity, account.prior_maintenance)


@exact_function
def apply_order(account: Account, order: Order, rules: RuleSet | None = None) -> Account:
    """The account after ``order`` fills completely at its price (see :func:`apply_fill`; with ``rules`` the SMA
    moves too)."""
    if not isinstance(order, Order):
        raise InvalidTypeError("order", f"expected an Order, got {type(order).__name__}")
    return apply_fill(
        account, order.symbol, order.signed_quantity, order.price, order.marginable, order.leverage, rules
    )


@exact_function
@icontract.ensure(lambda account, result: result.cash >= account.cash, "a deposit never lowers cash")
def deposit(account: Account, amount: Decimal | int | str) -> Account:
    """The account after a cash deposit of ``amount`` (> 0). Reg T 220.5: a deposit also credits the SMA."""
    value = to_amount(amount, "amount")
    if value <= ZERO:
        raise DomainError("amount", f"a deposit is a positive amount (got {value})")
    return Account(
        account.cash + value, account.positions, account.sma + value, account.prior_equity, account.prior_maintenance
    )


@exact_function
@icontract.ensure(lambda account, result: result.cash < account.cash, "a withdrawal lowers cash")
def withdraw(account: Account, amount: Decimal | int | str) -> Account:
    """The account after a cash withdrawal of ``amount`` (> 0), unchecked: decide it first with
    :func:`margin_rules.withdrawal.check_withdrawal`. Reg T 220.5: a withdrawal debits the SMA."""
    value = to_amount(amount, "amount")
    if value <= ZERO:
        raise DomainError("amount", f"a withdrawal is a positive amount (got {value})")
    return Account(
        account.cash - value, account.positions, account.sma - value, account.prior_equity, account.prior_maintenance
    )
