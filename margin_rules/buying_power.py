"""Buying power by mode, net of open reservations (rule 7), and the requirement-based check of an order.

Figures follow Alpaca's account fields where Alpaca has the concept:

* cash (``non_marginable_buying_power``): the credit cash, 1x;
* Reg T overnight (``regt_buying_power``): 2 x max(equity - initial requirement, 0); also 2 x SMA (Reg T 220.5);
* legacy day trading (``daytrading_buying_power``): 4 x max(prior equity - prior maintenance, 0), FINRA 4210(f)(8)(B);
* intraday margin (FINRA 4210(d)(2)): multiplier x max(equity - maintenance, 0).

Dollar buying power assumes the reference rate of the mode (100%, 50%, 25%). Whether a given order fits is decided
exactly by :func:`order_fits`, which compares the order's own requirement (non-marginable 100%, short floors,
price bands)
with the account's excess in the same units: a dollar figure never lets a 100% stock through at 50%.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError
from margin_rules.model import Account, Order, Side
from margin_rules.money import ZERO, exact_function, to_amount
from margin_rules.requirements import (
    AccountRequirements,
    OrderRequirement,
    account_requirements,
    order_requirement,
)
from margin_rules.restrictions import maintenance_deficiency_refusal, restricted_order_decision
from margin_rules.rulesets import RuleSet


class Mode(StrEnum):
    """The buying-power mode of an account."""

    CASH = "cash"
    """Cash account or multiplier 1: purchases paid in full from credit cash (Reg T 220.8)."""
    REG_T = "reg_t"
    """Reg T overnight margin: 2 x excess over the initial requirement (220.12)."""
    LEGACY_DAY_TRADING = "legacy_day_trading"
    """FINRA 4210(f)(8)(B): pattern day trader, 4 x prior-close maintenance excess."""
    INTRADAY = "intraday"
    """FINRA 4210(d)(2): the intraday margin level (equity - maintenance) must not go negative."""


@dataclass(frozen=True, slots=True)
class BuyingPower:
    """Buying power of every mode, each net of ``reserved`` (never below 0), plus the gross figures."""

    cash: Decimal
    reg_t: Decimal
    sma: Decimal
    legacy_day_trading: Decimal | None
    intraday: Decimal
    reserved: Decimal
    intraday_margin_level: Decimal

    def for_mode(self, mode: Mode) -> Decimal | None:
        return {
            Mode.CASH: self.cash,
            Mode.REG_T: self.reg_t,
            Mode.LEGACY_DAY_TRADING: self.legacy_day_trading,
            Mode.INTRADAY: self.intraday,
        }[Mode(mode)]


def _net(amount: Decimal, reserved: Decimal) -> Decimal:
    return max(amount - reserved, ZERO)


@exact_function
@icontract.ensure(lambda result: result.cash >= 0 and result.reg_t >= 0 and result.intraday >= 0, "never negative")
@icontract.ensure(lambda result: result.legacy_day_trading is None or result.legacy_day_trading >= 0, "never negative")
def buying_power(
    account: Account, rules: RuleSet, reserved: Decimal | int | str = ZERO, figures: AccountRequirements | None = None
) -> BuyingPower:
    """Buying power by mode, each net of ``reserved`` (open buy and sell-short orders, as at Alpaca).

    Reg T 220.12 / Alpaca ``regt_buying_power`` = 2 x max(equity - initial, 0); SMA 220.5; legacy day trading
    4210(f)(8)(B)(iv) from the prior close (None when the snapshot has no prior-close figures); intraday 4210(d)(2).
    """
    held = to_amount(reserved, "reserved")
    if held < ZERO:
        raise DomainError("reserved", "reserved buying power cannot be negative")
    figs = figures if figures is not None else account_requirements(account, rules)
    r = rules.rates
    regt = f.regt_buying_power(DECIMAL, r, figs.equity, figs.initial)
    sma = f.sma_buying_power(DECIMAL, r, account.sma)
    legacy: Decimal | None = None
    if account.prior_equity is not None and account.prior_maintenance is not None:
        legacy = _net(f.day_trading_buying_power(DECIMAL, r, account.prior_equity, account.prior_maintenance), held)
    return BuyingPower(
        cash=_net(max(account.cash, ZERO), held),
        reg_t=_net(regt, held),
        sma=_net(sma, held),
        legacy_day_trading=legacy,
        intraday=_net(f.intraday_buying_power(DECIMAL, r, figs.equity, figs.maintenance), held),
        reserved=held,
        intraday_margin_level=f.intraday_margin_level(figs.equity, figs.maintenance),
    )


@icontract.ensure(
    lambda requested, result: result is Mode.CASH or result is Mode(requested),
    "the effective mode is the requested one or, below the minimum equity, cash",
)
@exact_function
def effective_mode(equity_value: Decimal, rules: RuleSet, requested: Mode) -> Mode:
    """The buying-power mode an account may use: a margin mode needs equity of at least the $2,000 minimum of FINRA
    4210(b)(1) (Alpaca: "below $2,000 the multiplier is 1"); below it, credit is not extended and the mode is CASH."""
    mode = Mode(requested)
    if mode is not Mode.CASH and equity_value < rules.rates.minimum_equity:
        return Mode.CASH
    return mode


def decide(
    mode: Mode,
    side: Side,
    opening_quantity: Decimal,
    charge: Decimal,
    available: Decimal,
    equity_value: Decimal,
    minimum_equity: Decimal,
) -> tuple[bool, str]:
    """The order decision, in one place for the snapshot check (:func:`order_fits`) and the live account's
    figure-level check (:func:`margin_rules.order_check.check_order`). Returns (fits, reason).

    * Reducing and closing orders always fit (no opening shares).
    * A cash account cannot sell short (Reg T 220.8: purchases and sales in full cash).
    * An opening order fits when its charge is within the mode's budget.
    * In a margin mode, equity must be at least the 4210(b)(1) minimum ($2,000, capped at a purchase's cost).
    """
    if opening_quantity == ZERO:
        return True, "closing order"
    if mode is Mode.CASH and side is not Side.BUY:
        return False, "a cash account cannot sell short (Reg T 220.8)"
    if charge > available:
        return False, "insufficient buying power"
    if mode is not Mode.CASH and equity_value < minimum_equity:
        return False, "below the $2,000 minimum equity (FINRA 4210(b)(1))"
    return True, "within buying power"


@dataclass(frozen=True, slots=True)
class OrderCheck:
    """Whether an order fits a mode's budget, with the figures that decided it.

    ``charge`` is what the order consumes and ``available`` what the account has, in the same units (requirement
    dollars; for CASH, dollars of cash). ``fits`` is ``charge <= available``; closing-only orders always fit.
    """

    mode: Mode
    requirement: OrderRequirement
    charge: Decimal
    available: Decimal
    fits: bool
    reason: str


@exact_function
def order_charge(account: Account, order: Order, rules: RuleSet, mode: Mode) -> Decimal:
    """What an order consumes of a mode's budget: 0 for closing shares; for opening shares see :func:`charge_in`."""
    req = order_requirement(account, order, rules)
    return charge_in(Mode(mode), req.opening_quantity * order.price, req.initial, req.maintenance)


def charge_in(mode: Mode, cash_cost: Decimal, initial: Decimal, maintenance: Decimal) -> Decimal:
    """The charge of opening shares in ``mode``'s units, the one place that picks it: the cash cost (CASH, Reg T
    220.8), the initial requirement (REG_T, 4210(b)(1)) or the maintenance requirement (legacy day trading
    4210(f)(8)(B)(iv) and intraday 4210(d)(2), both measured against maintenance excess)."""
    if mode is Mode.CASH:
        return cash_cost
    if mode is Mode.REG_T:
        return initial
    return maintenance


@exact_function
def available_excess(
    account: Account,
    rules: RuleSet,
    mode: Mode,
    reserved: Decimal | int | str = ZERO,
    day_trading_used: Decimal | int | str | None = None,
) -> Decimal:
    """A mode's budget in the units of :func:`order_charge`, net of ``reserved`` charges. May be negative (a deficit).

    * CASH: the cash (Reg T 220.8);
    * REG_T: equity - initial requirement (220.12; Alpaca's ``regt_buying_power`` is 2 x this);
    * LEGACY_DAY_TRADING: prior-close equity - prior-close maintenance (4210(f)(8)(B)(iv); the 4x buying power is this
      divided by the 25% maintenance rate the charge is measured in), less ``day_trading_used``, what the day's
      executed opening trades used (the budget is for the day: :func:`margin_rules.formulas.day_trading_budget_left`);
      when that is not known (None) the snapshot's current maintenance excess, which those trades lowered, stands in
      for it: the lower of the two;
    * INTRADAY: the intraday margin level, equity - maintenance (4210(d)(2)).
    """
    held = to_amount(reserved, "reserved")
    if held < ZERO:
        raise DomainError("reserved", "reserved buying power cannot be negative")
    mode = Mode(mode)
    if mode is Mode.CASH:
        return account.cash - held
    if mode is Mode.LEGACY_DAY_TRADING:
        if account.prior_equity is None or account.prior_maintenance is None:
            raise DomainError("account.prior_equity", "legacy day trading needs the prior-close figures")
        if day_trading_used is not None:
            used = to_amount(day_trading_used, "day_trading_used")
            if used < ZERO:
                raise DomainError("day_trading_used", "the day's use of day-trading buying power cannot be negative")
            return f.day_trading_budget_left(account.prior_equity, account.prior_maintenance, used, held)
        current = account_requirements(account, rules).maintenance_excess
        return min(account.prior_equity - account.prior_maintenance, current) - held
    figs = account_requirements(account, rules)
    if mode is Mode.REG_T:
        return figs.initial_excess - held
    return figs.maintenance_excess - held


@exact_function
@icontract.ensure(
    lambda result: result.requirement.is_closing_only == False or result.fits,  # noqa: E712
    "a closing-only order always fits",
)
@icontract.ensure(
    lambda result: not result.fits or result.requirement.is_closing_only or result.charge <= result.available,
    "an opening order fits only when its charge is within the available budget",
)
def order_fits(
    account: Account,
    order: Order,
    rules: RuleSet,
    mode: Mode,
    reserved: Decimal | int | str = ZERO,
    *,
    day_trading_used: Decimal | int | str | None = None,
    restricted: bool = False,
    restricted_reserved_cash: Decimal | int | str = ZERO,
) -> OrderCheck:
    """Check an order against a mode's budget (see :class:`OrderCheck`). Reducing and closing orders always fit.

    In margin modes an opening order must also leave the 4210(b)(1) minimum equity ($2,000, capped at a purchase's
    cost): it fits only when equity >= that minimum. LEGACY_DAY_TRADING: the budget is for the day, net of
    ``day_trading_used`` (see :func:`available_excess`), and an opening order is refused while the account has a
    maintenance deficiency (:func:`margin_rules.restrictions.maintenance_deficiency_refusal`). ``restricted``: the
    account may create or increase no debit balance and no short (FINRA 4210(d)(2), 4210(f)(8)(B)(iv)(c)): the order
    must also pass :func:`margin_rules.restrictions.restricted_order_decision` (``restricted_reserved_cash``: the
    cash cost of open purchase orders), reported with its own reason when it does not.
    """
    mode = Mode(mode)
    req = order_requirement(account, order, rules)
    if restricted:
        figs = account_requirements(account, rules)
        cost = req.opening_quantity * order.price
        held_cash = to_amount(restricted_reserved_cash, "restricted_reserved_cash")
        fits, reason = restricted_order_decision(
            order.side, req.opening_quantity, cost, account.cash, figs.short_market_value, held_cash
        )
        if not fits:
            credit = f.net_credit(account.cash, figs.short_market_value) - held_cash
            return OrderCheck(mode, req, cost, credit, fits, reason)
    charge = order_charge(account, order, rules, mode)
    available = available_excess(account, rules, mode, reserved, day_trading_used)
    equity_value = account_requirements(account, rules).equity if mode is not Mode.CASH else account.cash
    fits, reason = decide(mode, order.side, req.opening_quantity, charge, available, equity_value, req.minimum_equity)
    if fits and mode is Mode.LEGACY_DAY_TRADING:
        figs = account_requirements(account, rules)
        refusal = maintenance_deficiency_refusal(rules, req.opening_quantity, figs.equity, figs.maintenance)
        if refusal is not None:
            fits, reason = False, refusal
    return OrderCheck(mode, req, charge, available, fits, reason)
