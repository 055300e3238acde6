"""The order check and the SMA bookkeeping from account-level figures (rules 2, 5 and 7), for a stateful account.

:func:`margin_rules.buying_power.order_fits` decides an order against an :class:`~margin_rules.model.Account` snapshot,
which walks every position. A live account that keeps its totals up to date incrementally (``margin_rules.live``) needs
the same decision from the totals alone, in time independent of the number of positions. This module gives it:

* :class:`Figures`: the account-level aggregates (cash, long and short market values, maintenance and initial
  requirements, SMA, prior-close figures, position counts);
* :func:`opening_terms` / :func:`order_terms`: what an order's opening shares require, from the per-position formula
  :func:`margin_rules.requirements.position_terms`;
* :func:`available_budget` and :func:`check_order`: the decision of :func:`~margin_rules.buying_power.order_fits`
  (charge <= available, closing orders always fit, the 4210(b)(1) minimum equity in margin modes);
* :func:`sma_after_fill`, :func:`sma_after_transfer`, :func:`sma_marked`: Reg T 220.5 SMA bookkeeping.

Every number comes from :mod:`margin_rules.formulas` (or ``position_terms``, which routes to it); nothing here
re-derives a rule. Pending closing orders are optional: given ``pending_closing`` shares already committed to reduce the
position, an order's closing part is limited to what is left, so the check is never less strict than ``order_fits``
(equal when nothing is pending, tested exactly on random accounts).
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from decimal import Decimal

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.buying_power import Mode, charge_in, decide
from margin_rules.errors import DomainError
from margin_rules.model import Side
from margin_rules.money import ZERO, exact
from margin_rules.requirements import position_terms
from margin_rules.restrictions import maintenance_deficiency_refusal, restricted_order_decision
from margin_rules.rulesets import RuleSet

_ROUND_FLOOR = decimal.ROUND_FLOOR
_FLOOR = decimal.Context(prec=120, rounding=decimal.ROUND_FLOOR, traps=[decimal.InvalidOperation])
# Exact products of bounded amounts (at most 10**23 with 30 places each: well under 200 digits); rounding trapped.
_WIDE = decimal.Context(prec=200, traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation])

__all__ = [
    "DayTradingLimit",
    "Figures",
    "OrderDecision",
    "OrderTerms",
    "available_budget",
    "check_order",
    "opening_terms",
    "order_terms",
    "sma_after_fill",
    "sma_after_transfer",
    "sma_marked",
    "split_quantity",
]


@dataclass(frozen=True, slots=True)
class Figures:
    """An account's aggregates as of one instant (what :class:`~margin_rules.requirements.AccountRequirements` sums).

    ``position_count`` counts non-zero positions and ``short_count`` short ones (``has_positions``/``has_shorts``).
    """

    cash: Decimal
    long_market_value: Decimal
    short_market_value: Decimal
    maintenance: Decimal
    initial: Decimal
    sma: Decimal = ZERO
    prior_equity: Decimal | None = None
    prior_maintenance: Decimal | None = None
    position_count: int = 0
    short_count: int = 0

    @property
    def equity(self) -> Decimal:
        """cash + long market value + short market value (Reg T 220.2)."""
        with exact():
            return f.equity(self.cash, self.long_market_value, self.short_market_value)

    @property
    def gross_exposure(self) -> Decimal:
        """long market value + |short market value|."""
        with exact():
            return self.long_market_value - self.short_market_value

    @property
    def has_positions(self) -> bool:
        return self.position_count > 0

    @property
    def has_shorts(self) -> bool:
        return self.short_count > 0


@dataclass(frozen=True, slots=True)
class OrderTerms:
    """What an order requires: its opening and closing shares and, for the opening shares, the cash cost (the CASH
    charge), the initial requirement (REG_T charge, 4210(b)(1)), the maintenance requirement (day-trading and intraday
    charge, 4210(c)) and the 4210(b)(1) minimum equity (0 for a closing-only order)."""

    opening_quantity: Decimal
    closing_quantity: Decimal
    cash_cost: Decimal
    initial: Decimal
    maintenance: Decimal
    minimum_equity: Decimal

    @property
    def is_closing_only(self) -> bool:
        return self.opening_quantity == ZERO

    def charge(self, mode: Mode) -> Decimal:
        """The charge of the order in ``mode``'s units, as :func:`margin_rules.buying_power.order_charge`."""
        return charge_in(mode, self.cash_cost, self.initial, self.maintenance)


@dataclass(frozen=True, slots=True)
class OrderDecision:
    """The decision on one order, with the figures behind it (as :class:`margin_rules.buying_power.OrderCheck`)."""

    mode: Mode
    terms: OrderTerms
    charge: Decimal
    available: Decimal
    fits: bool
    reason: str


def split_quantity(
    held: Decimal, side: Side, quantity: Decimal, pending_closing: Decimal = ZERO
) -> tuple[Decimal, Decimal]:
    """(opening, closing) shares of an order of ``quantity`` on ``side`` against a position of ``held`` shares, of which
    ``pending_closing`` are already committed to other closing orders. As
    :func:`margin_rules.requirements.split_order` when nothing is pending. Call inside ``exact()``."""
    if held == ZERO or (held > ZERO) == (side is Side.BUY):
        return quantity, ZERO
    closable = abs(held) - pending_closing
    if closable <= ZERO:
        return quantity, ZERO
    closing = quantity if quantity <= closable else closable
    return quantity - closing, closing


def _opening(
    rules: RuleSet,
    side: Side,
    opening: Decimal,
    price: Decimal,
    marginable: bool,
    leverage: Decimal,
    house_rate: Decimal,
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(cash cost, initial, maintenance, minimum equity) of ``opening`` shares; inside ``exact()``."""
    if opening == ZERO:
        return ZERO, ZERO, ZERO, ZERO
    signed = opening if side is Side.BUY else opening.copy_negate()
    maintenance, initial = position_terms(rules.rates, signed, price, marginable, leverage, house_rate)
    cost = opening * price
    minimum = f.opening_minimum_equity(DECIMAL, rules.rates, side is Side.BUY, cost)
    return cost, initial, maintenance, minimum


def _house_rate(rules: RuleSet, symbol: str) -> Decimal:
    """The house rate of an order's opening shares: the symbol's base house rate (no concentration add-on), as
    :func:`margin_rules.requirements.order_house_rate`."""
    return rules.house.base_rate(symbol) if rules.house is not None else ZERO


@icontract.require(lambda opening: opening >= 0, "the opening quantity is not negative")
@icontract.ensure(lambda result: result[1] >= result[2] >= 0, "initial >= maintenance >= 0")
def opening_terms(
    rules: RuleSet,
    symbol: str,
    side: Side,
    opening: Decimal,
    price: Decimal,
    marginable: bool,
    leverage: Decimal,
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(cash cost, initial, maintenance, minimum equity) of ``opening`` shares opened on ``side`` at ``price``.

    Initial = greater of Reg T 220.12 and 4210(c) maintenance (4210(b)(1)); maintenance 4210(c); via
    :func:`margin_rules.requirements.position_terms`. Linear in ``opening`` (except the minimum equity), so the terms of
    a partly filled order's remainder are the remainder's terms."""
    with exact():
        return _opening(rules, side, opening, price, marginable, leverage, _house_rate(rules, symbol))


def _terms(
    rules: RuleSet,
    symbol: str,
    side: Side,
    quantity: Decimal,
    price: Decimal,
    held: Decimal,
    marginable: bool,
    leverage: Decimal,
    pending_closing: Decimal,
) -> OrderTerms:
    opening, closing = split_quantity(held, side, quantity, pending_closing)
    cost, initial, maintenance, minimum = _opening(
        rules, side, opening, price, marginable, leverage, _house_rate(rules, symbol)
    )
    return OrderTerms(opening, closing, cost, initial, maintenance, minimum)


@icontract.require(lambda quantity: quantity > 0, "an order quantity is positive")
@icontract.require(lambda pending_closing: pending_closing >= 0, "pending closing shares are not negative")
@icontract.ensure(lambda result: result.initial >= result.maintenance >= 0, "initial >= maintenance >= 0")
@icontract.ensure(
    lambda quantity, result: result.opening_quantity + result.closing_quantity == quantity,
    "every share of the order either opens or closes",
)
def order_terms(
    rules: RuleSet,
    symbol: str,
    side: Side,
    quantity: Decimal,
    price: Decimal,
    held: Decimal,
    marginable: bool,
    leverage: Decimal,
    pending_closing: Decimal = ZERO,
) -> OrderTerms:
    """The terms of an order against a position of ``held`` shares (``marginable``/``leverage`` are the held
    position's when there is one, else the order's), as :func:`margin_rules.requirements.order_requirement`:
    reducing and closing shares add nothing; opening shares carry 4210(b)(1) initial and 4210(c) maintenance."""
    with exact():
        return _terms(rules, symbol, side, quantity, price, held, marginable, leverage, pending_closing)


@dataclass(frozen=True, slots=True)
class DayTradingLimit:
    """Legacy day-trading buying power below its full value: FINRA 4210(f)(8)(B)(iv)(b), "until the margin call is
    met, the day trading account shall be restricted to day trading buying power of up to two times maintenance margin
    excess".

    ``in_force`` is the dollar buying power allowed now
    (:meth:`margin_rules.live.daytrading.PatternDayTradeTracker.buying_power`, i.e.
    :func:`margin_rules.daytrading.legacy_day_trading_buying_power` with ``call_outstanding=True``) and ``full`` the
    same at the rule set's multiplier (``call_outstanding=False``), both from
    :func:`margin_rules.formulas.day_trading_buying_power`, with ``0 < in_force < full``. In the LEGACY_DAY_TRADING
    charge units (maintenance dollars against the prior-close excess) the budget is the excess scaled by
    ``in_force / full``; :func:`check_order` decides by cross-multiplying, never through the quotient.
    """

    in_force: Decimal
    full: Decimal
    used: Decimal = ZERO
    """What the day's executed opening trades used of the budget, in charge units
    (:func:`margin_rules.daytrading.legacy_budget_use`: the aggregate of the day's openings, or the open commitment
    under "time and tick"); it is subtracted like a reservation (4210(f)(8)(B)(iv): the budget is for the day)."""

    def __post_init__(self) -> None:
        if not ZERO <= self.in_force <= self.full:
            raise DomainError("limit", f"expected 0 <= in_force <= full, got {self.in_force} and {self.full}")
        if self.used < ZERO:
            raise DomainError("limit.used", f"the day's use is not negative (got {self.used})")

    @property
    def scaled(self) -> bool:
        """Whether the budget is below its full value (2x of 4x while a day-trading call is open)."""
        return self.in_force < self.full


_DISPLAY_QUANTUM = Decimal("1e-40")  # finer than any charge (at most 30 places): a floor here decides like the exact


def _available(figures: Figures, mode: Mode, reserved: Decimal, limit: DayTradingLimit | None = None) -> Decimal:
    if mode is Mode.CASH:
        return figures.cash - reserved
    if mode is Mode.LEGACY_DAY_TRADING:
        if figures.prior_equity is None or figures.prior_maintenance is None:
            raise DomainError("account.prior_equity", "legacy day trading needs the prior-close figures")
        excess = f.excess(figures.prior_equity, figures.prior_maintenance)
        if limit is None:
            # The day's use is not known: the current maintenance excess, which today's executed openings lowered,
            # stands in for it (never more than the prior-close budget).
            equity = f.equity(figures.cash, figures.long_market_value, figures.short_market_value)
            return DECIMAL.min(excess, f.excess(equity, figures.maintenance)) - reserved
        if excess <= ZERO or not limit.scaled:
            return f.day_trading_budget_left(figures.prior_equity, figures.prior_maintenance, limit.used, reserved)
        # A figure for display: the scaled excess, floored (exact when the quotient terminates, as 2/4 does).
        product = _WIDE.multiply(excess, limit.in_force)
        scaled = _FLOOR.divide(product, limit.full).quantize(_DISPLAY_QUANTUM, _ROUND_FLOOR, _FLOOR)
        return scaled - limit.used - reserved
    equity = f.equity(figures.cash, figures.long_market_value, figures.short_market_value)
    if mode is Mode.REG_T:
        return f.excess(equity, figures.initial) - reserved
    return f.excess(equity, figures.maintenance) - reserved


def _fits_budget(
    figures: Figures, mode: Mode, reserved: Decimal, limit: DayTradingLimit | None, charge: Decimal
) -> tuple[Decimal, Decimal] | None:
    """(charge, available) scaled so that ``charge <= available`` is the exact decision under a day-trading limit
    (cross-multiplied by ``limit.full``), or None when no limit applies."""
    if mode is not Mode.LEGACY_DAY_TRADING or limit is None or not limit.scaled:
        return None
    assert figures.prior_equity is not None and figures.prior_maintenance is not None
    excess = f.excess(figures.prior_equity, figures.prior_maintenance)
    if excess <= ZERO:
        return None
    w = _WIDE
    held = w.add(reserved, limit.used)
    scaled_available = w.subtract(w.multiply(excess, limit.in_force), w.multiply(held, limit.full))
    return w.multiply(charge, limit.full), scaled_available


def available_budget(
    figures: Figures, mode: Mode, reserved: Decimal = ZERO, limit: DayTradingLimit | None = None
) -> Decimal:
    """A mode's budget in charge units, net of ``reserved`` charges, as
    :func:`margin_rules.buying_power.available_excess`: credit cash (CASH, Reg T 220.8), equity - initial (REG_T,
    220.12), prior equity - prior maintenance (LEGACY, 4210(f)(8)(B)(iv)) or the intraday margin level
    equity - maintenance (INTRADAY, 4210(d)(2)). May be negative. Under a :class:`DayTradingLimit` (LEGACY only, a
    positive excess) the excess is scaled by ``in_force / full`` (2x of 4x while a day-trading call is open,
    4210(f)(8)(B)(iv)(b)); a quotient that does not terminate is floored at 40 places (a display figure:
    :func:`check_order` decides exactly)."""
    with exact():
        return _available(figures, Mode(mode), reserved, limit)


@icontract.require(
    lambda quantity, price, reserved: quantity > 0 and price > 0 and reserved >= 0,
    "the quantity and the price are positive and the reserved charges not negative",
)
@icontract.ensure(
    lambda result: (
        result.fits if result.terms.is_closing_only else (not result.fits or result.charge <= result.available)
    ),
    "a closing-only order always fits; an opening order fits only when its charge is within the available budget",
)
def check_order(
    rules: RuleSet,
    figures: Figures,
    mode: Mode,
    symbol: str,
    side: Side,
    quantity: Decimal,
    price: Decimal,
    held: Decimal,
    marginable: bool,
    leverage: Decimal,
    reserved: Decimal = ZERO,
    pending_closing: Decimal = ZERO,
    limit: DayTradingLimit | None = None,
    restricted: bool = False,
    reserved_cash: Decimal = ZERO,
) -> OrderDecision:
    """Decide an order from the account's figures, as :func:`margin_rules.buying_power.order_fits` decides it from a
    snapshot: closing-only orders fit; an opening order fits when its charge (cash cost, 4210(b)(1) initial or 4210(c)
    maintenance by mode) is within the mode's budget net of ``reserved``, and, in margin modes, equity is at least the
    4210(b)(1) minimum ($2,000, capped at a purchase's cost). ``held``/``marginable``/``leverage`` describe the
    position in ``symbol`` (marginable/leverage of the order when there is none). ``limit``: the legacy day-trading
    buying power while a day-trading call is open (:class:`DayTradingLimit`, 4210(f)(8)(B)(iv)(b)); the decision then
    compares ``(charge + reserved + used) x full <= excess x in_force`` exactly; without a limit, LEGACY_DAY_TRADING
    (whose day's use is then unknown) takes the lower of the prior-close and the current maintenance excess.

    In LEGACY_DAY_TRADING an opening order is also refused while the account has a maintenance deficiency
    (:func:`margin_rules.restrictions.maintenance_deficiency_refusal`, a named option). ``restricted``: the account
    may not create or increase a debit balance or a short position (the 4210(d)(2) 90-day restriction, the
    4210(f)(8)(B)(iv)(c) cash-available basis); the order must then also pass
    :func:`margin_rules.restrictions.restricted_order_decision` against the net credit less ``reserved_cash`` (the
    cash cost of open orders), whatever the mode; a refusal there is reported with its own reason and figures."""
    with exact():
        terms = _terms(rules, symbol, side, quantity, price, held, marginable, leverage, pending_closing)
        if restricted:
            credit = f.net_credit(figures.cash, figures.short_market_value) - reserved_cash
            fits, reason = restricted_order_decision(
                side, terms.opening_quantity, terms.cash_cost, figures.cash, figures.short_market_value, reserved_cash
            )
            if not fits:
                return OrderDecision(mode, terms, terms.cash_cost, credit, fits, reason)
        charge = terms.charge(mode)
        available = _available(figures, mode, reserved, limit)
        equity = f.equity(figures.cash, figures.long_market_value, figures.short_market_value)
        scaled = _fits_budget(figures, mode, reserved, limit, charge)
        compared = (charge, available) if scaled is None else scaled
        fits, reason = decide(mode, side, terms.opening_quantity, *compared, equity, terms.minimum_equity)
        if fits and mode is Mode.LEGACY_DAY_TRADING:
            refusal = maintenance_deficiency_refusal(rules, terms.opening_quantity, equity, figures.maintenance)
            if refusal is not None:
                fits, reason = False, refusal
        return OrderDecision(mode, terms, charge, available, fits, reason)


# --- SMA bookkeeping (Reg T 220.5) ------------------------------------------------------------------------------


@icontract.require(lambda opening, closing: opening >= 0 and closing >= 0, "share counts are not negative")
def sma_after_fill(
    rules: RuleSet,
    sma: Decimal,
    side: Side,
    opening: Decimal,
    closing: Decimal,
    price: Decimal,
    marginable: bool,
) -> Decimal:
    """The SMA after a fill (Reg T 220.5): opening shares debit it by their Reg T initial requirement (220.12(a), (c),
    (e)); closing shares credit it by the Reg T requirement they release (a sale of margin stock credits 50% of the
    proceeds). ``side`` is the order's side: a BUY opens a long or covers a short."""
    with exact():
        return f.sma_after_trade(DECIMAL, rules.rates, sma, side is Side.BUY, opening, closing, price, marginable)


def sma_after_transfer(sma: Decimal, amount: Decimal) -> Decimal:
    """The SMA after a deposit (``amount`` > 0) or a withdrawal (``amount`` < 0): cash moves it one for one
    (Reg T 220.5)."""
    with exact():
        return sma + amount


@icontract.ensure(lambda sma, result: result >= sma, "marking to the market never lowers the SMA")
def sma_marked(sma: Decimal, figures: Figures) -> Decimal:
    """The SMA marked to the market (Reg T 220.5): max(SMA, equity - initial requirement); a decline never lowers it."""
    with exact():
        equity = f.equity(figures.cash, figures.long_market_value, figures.short_market_value)
        return f.sma_marked(DECIMAL, sma, equity, figures.initial)
