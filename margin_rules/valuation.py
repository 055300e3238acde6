"""Market values, equity and the equity ratio of an account (rules 1 and 2).

Equity = cash + long market value + short market value, the short market value being <= 0 (Reg T 220.2; Alpaca's
``equity``). The seed tutorial that computed equity as cash + unrealized P&L was wrong: buying stock with cash leaves
equity unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import icontract

from margin_rules import formulas as f
from margin_rules.model import Account, Position
from margin_rules.money import CORE_CONTEXT, ZERO, exact_function


@exact_function
@icontract.ensure(lambda result: result >= 0, "the long market value is never negative")
def long_market_value(account: Account) -> Decimal:
    """Sum of qty x price over long positions (Alpaca ``long_market_value``). FINRA 4210(a)(2)."""
    return sum((p.quantity * p.price for p in account.positions if p.quantity > ZERO), ZERO)


@exact_function
@icontract.ensure(lambda result: result <= 0, "the short market value is never positive")
def short_market_value(account: Account) -> Decimal:
    """Sum of qty x price over short positions, <= 0 (Alpaca ``short_market_value``). FINRA 4210(a)(2)."""
    return sum((p.quantity * p.price for p in account.positions if p.quantity < ZERO), ZERO)


@exact_function
@icontract.ensure(lambda result: result >= 0, "gross exposure is never negative")
@icontract.ensure(
    lambda account, result: result == long_market_value(account) - short_market_value(account),
    "gross exposure is long market value plus the magnitude of the short market value",
)
def gross_exposure(account: Account) -> Decimal:
    """Sum of |qty| x price over all positions: the market value the equity ratio is taken against."""
    return sum((abs(p.quantity) * p.price for p in account.positions), ZERO)


@exact_function
@icontract.ensure(
    lambda account, result: result == account.cash + long_market_value(account) + short_market_value(account),
    "equity is cash plus long market value plus (non-positive) short market value",
)
def equity(account: Account) -> Decimal:
    """Equity = cash + long market value + short market value. Reg T 220.2 ("equity"); Alpaca ``equity``."""
    return f.equity(account.cash, long_market_value(account), short_market_value(account))


@exact_function
@icontract.ensure(
    lambda account, result: (result is None) == (gross_exposure(account) == 0),
    "the ratio is undefined (None) exactly when there is no exposure",
)
def equity_ratio(account: Account) -> Fraction | None:
    """Equity / gross market value, exactly, for people (None without positions). Seed 001's equity ratio.

    Returned as an exact ``Fraction``: decisions never use it (they compare requirements by cross-multiplying).
    Use :func:`equity_ratio_display` for a rounded percentage.
    """
    gross = gross_exposure(account)
    if gross == ZERO:
        return None
    return Fraction(equity(account)) / Fraction(gross)


def equity_ratio_display(account: Account, places: int = 4) -> Decimal | None:
    """The equity ratio rounded half-even to ``places`` decimals (presentation only), or None."""
    ratio = equity_ratio(account)
    if ratio is None:
        return None
    scaled = round(ratio * 10**places)
    return Decimal(scaled).scaleb(-places, CORE_CONTEXT)


@exact_function
def market_value(position: Position) -> Decimal:
    """Signed market value qty x price (negative for a short)."""
    return position.quantity * position.price


@exact_function
def unrealized_pl(position: Position) -> Decimal | None:
    """Unrealized P&L = market value - cost basis (Alpaca's signed convention), or None without a cost basis."""
    if position.cost_basis is None:
        return None
    return position.quantity * position.price - position.cost_basis
