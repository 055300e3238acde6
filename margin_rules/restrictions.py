"""Restrictions on opening orders, as pure decisions (rulebook sections 6a and 6b).

* :func:`restricted_order_decision`: a *restricted account* may not create or increase a debit balance or a short
  position. Three restrictions lead here: the 90-calendar-day freeze of the intraday margin standard (FINRA 4210(d)(2):
  "from any new or larger debit balance or short position"), the legacy cash-available basis of an unmet day-trading
  call (4210(f)(8)(B)(iv)(c)) and, as a named house option, a pattern day trader under $25,000 put on a cash basis.
  It is its own check, not "cash mode": the cash it may spend is the cash *net of the short-sale proceeds that secure
  the shorts* (:func:`margin_rules.formulas.net_credit`), and it has its own refusal reason (``restricted_account``).
* :func:`maintenance_deficiency_refusal`: opening orders are refused while the account is below its maintenance
  requirement (a house practice brokers share; the rule set's ``day_trading.refuse_opening_in_deficiency``, on by
  default). It matters for legacy day trading, whose budget is fixed at the prior close and does not see today's
  losses.

No I/O, no state; amounts are Decimal, computed inside :func:`margin_rules.money.exact`.
"""

from __future__ import annotations

from decimal import Decimal

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.model import Side
from margin_rules.money import ZERO, exact, exact_function
from margin_rules.rulesets import RuleSet

__all__ = [
    "DEFICIENCY_REASON",
    "RESTRICTED_DEBIT_REASON",
    "RESTRICTED_SHORT_REASON",
    "maintenance_deficiency_refusal",
    "restricted_order_decision",
    "restricted_withdrawal_limit",
]

RESTRICTED_SHORT_REASON = (
    "restricted account: no new or larger short position (FINRA 4210(d)(2) 90-day restriction; "
    "4210(f)(8)(B)(iv)(c) cash-available basis)"
)
RESTRICTED_DEBIT_REASON = (
    "restricted account: the purchase would create or increase a debit balance (short-sale proceeds are collateral, "
    "not cash; FINRA 4210(d)(2); 4210(f)(8)(B)(iv)(c))"
)
DEFICIENCY_REASON = "maintenance deficiency: opening orders are refused until it is cured (FINRA 4210(c); house rule)"


def _net_after(
    side: Side, opening_quantity: Decimal, opening_cost: Decimal, cash: Decimal, short_mv: Decimal, reserved: Decimal
) -> Decimal:
    """The net credit after the order's opening shares (a purchase pays its cost; a short sale adds a short whose
    proceeds are collateral, so the net credit does not move)."""
    spent = opening_cost if side is Side.BUY and opening_quantity > ZERO else ZERO
    with exact():
        return f.net_credit(cash, short_mv) - reserved - spent


@icontract.ensure(
    lambda side, opening_quantity, result: not result[0] or opening_quantity == 0 or side is Side.BUY,
    "a restricted account never opens or increases a short position",
)
@icontract.ensure(
    lambda side, opening_quantity, opening_cost, cash, short_market_value, reserved_cash, result: (
        not result[0]
        or _net_after(side, opening_quantity, opening_cost, cash, short_market_value, reserved_cash)
        >= min(_net_after(side, ZERO, ZERO, cash, short_market_value, reserved_cash), ZERO)
    ),
    "an accepted order creates or increases no debit balance (net of short-sale proceeds and open purchase orders)",
)
@icontract.ensure(lambda opening_quantity, result: opening_quantity != 0 or result[0], "a closing order always fits")
@exact_function
def restricted_order_decision(
    side: Side,
    opening_quantity: Decimal,
    opening_cost: Decimal,
    cash: Decimal,
    short_market_value: Decimal,
    reserved_cash: Decimal = ZERO,
) -> tuple[bool, str]:
    """The decision on an order in a restricted account (FINRA 4210(d)(2) 90-day restriction "from any new or larger
    debit balance or short position"; 4210(f)(8)(B)(iv)(c) cash-available basis). Returns (fits, reason).

    * Closing and reducing orders fit (no opening shares).
    * Opening short sales are refused: a new or larger short position.
    * An opening purchase fits when it is paid from the net credit (cash less the short-sale proceeds securing the
      shorts, :func:`margin_rules.formulas.net_credit`) left after the open purchase orders (``reserved_cash``), so
      it creates or increases no debit (:func:`margin_rules.formulas.restricted_purchase_permitted`).
    """
    if opening_quantity == ZERO:
        return True, "closing order"
    if side is not Side.BUY:
        return False, RESTRICTED_SHORT_REASON
    credit = f.net_credit(cash, short_market_value)
    if not f.restricted_purchase_permitted(DECIMAL, credit, reserved_cash, opening_cost):
        return False, RESTRICTED_DEBIT_REASON
    return True, "paid from the net credit (restricted account)"


@icontract.ensure(lambda result: result >= 0, "a withdrawal limit is never negative")
@exact_function
def restricted_withdrawal_limit(cash: Decimal, short_market_value: Decimal, reserved_cash: Decimal = ZERO) -> Decimal:
    """The most a restricted account may withdraw without creating or increasing a debit balance (FINRA 4210(d)(2);
    a withdrawal is a transaction like any other): the net credit left after open purchase orders, at least 0."""
    return DECIMAL.max(f.net_credit(cash, short_market_value) - reserved_cash, ZERO)


@icontract.ensure(
    lambda opening_quantity, result: result is None or opening_quantity > 0, "only an opening order is refused"
)
@exact_function
def maintenance_deficiency_refusal(
    rules: RuleSet, opening_quantity: Decimal, equity: Decimal, maintenance: Decimal
) -> str | None:
    """Why an opening order is refused while the account has a maintenance deficiency (equity below the FINRA
    4210(c) maintenance requirement), or None. A house practice brokers share, on by default and switched off by the
    rule set's ``day_trading.refuse_opening_in_deficiency``: without it the legacy day-trading budget, fixed at the
    prior close, keeps approving opening orders in an account deep in a maintenance call."""
    if opening_quantity == ZERO or not rules.day_trading.refuse_opening_in_deficiency:
        return None
    if f.deficiency(DECIMAL, equity, maintenance) > ZERO:
        return DEFICIENCY_REASON
    return None
