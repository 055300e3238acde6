"""Day-trading rules of both regimes, as pure functions (rulebook section 6).

No I/O, no state, no clock, no calendar: dates are inputs, and every business-day date (a window, a deadline) is
computed by the caller (:mod:`margin_rules.live.calendar`) and passed in. The stateful trackers that combine these
rules with the calendar live in :mod:`margin_rules.live.daytrading`.

**Legacy pattern-day-trader rules, FINRA 4210(f)(8)(B)** (firms may keep them until 2027-10-20):

* :func:`day_trade_step` / :func:`count_day_trades`: the day trades of one day, by the FINRA definition
  (4210(f)(8)(B)(i)): purchasing and selling, or selling short and covering, the same security on the same day; size is
  ignored (buy 250, buy 250, sell 500 = 1; buy, sell, buy, sell = 2); a position held overnight and closed the next
  day before any new opening trade is not a day trade.
* :func:`is_pattern_day_trader`: 4 or more day trades within 5 business days, unless they are 6% or less of the
  period's trades (4210(f)(8)(B)(ii)).
* :func:`pdt_equity_restricted`: a pattern day trader under $25,000 of equity (4210(f)(8)(B)(iv)(a)).
* :func:`legacy_day_trading_buying_power`, :func:`day_trading_call_amount`, :func:`day_trading_call_state`,
  :func:`legacy_basis`: day-trading buying power (from :func:`margin_rules.formulas.day_trading_buying_power`), the
  day-trading margin call, 2x until it is met, cash-available basis for 90 days when unmet after 5 business days
  (4210(f)(8)(B)(iv)(b)-(c)).

**Intraday margin standard, FINRA 4210(d)(2)** (SR-FINRA-2025-017, effective 2026-06-04):

* :func:`intraday_margin_level` (from :func:`margin_rules.formulas.intraday_margin_level`), :func:`is_iml_reducing`,
  :func:`creates_or_increases_deficit` (the real-time block), :func:`day_deficit` (known order) and
  :func:`worst_order_deficit` (unknown order).
* :func:`is_de_minimis`: deficits of at most min(5% of equity, $1,000) do not count toward a "practice".
* :class:`IntradayDeficit`, :func:`new_intraday_deficit`, :func:`satisfy_deficits`, :func:`deficit_status`,
  :func:`counts_toward_practice`, :func:`makes_practice`, :func:`restriction_active`: deadlines (5th and 15th business
  day), satisfaction by deposits or other increases of the level, the "practice" and the 90-calendar-day restriction.

Money is Decimal, computed inside :func:`margin_rules.money.exact`; ratios are compared by cross-multiplying.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Final

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.buying_power import Mode
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.model import Side
from margin_rules.money import MAX_AMOUNT, MAX_AMOUNT_PLACES, MAX_QUANTITY, ZERO, exact, exact_function, to_decimal
from margin_rules.order_check import opening_terms
from margin_rules.rulesets import DayTradingMethod, DeMinimisReading, PdtEquityPolicy, RuleSet

__all__ = [
    "DAY_TRADING_CALL_MULTIPLIER",
    "DE_MINIMIS_CAP",
    "DE_MINIMIS_RATE",
    "FIGURE_PLACES",
    "PATTERN_DAY_TRADES",
    "PATTERN_EXCEPTION_RATE",
    "RESTRICTION_CALENDAR_DAYS",
    "DayTradeCount",
    "DayTradingBudget",
    "DayTradingCallState",
    "DeficitStatus",
    "Execution",
    "IntradayDeficit",
    "LegacyBasis",
    "OpenLot",
    "PracticeRule",
    "SymbolDayState",
    "budget_after_fill",
    "count_day_trades",
    "counts_toward_practice",
    "creates_or_increases_deficit",
    "day_deficit",
    "day_trade_barred",
    "day_trade_step",
    "day_trading_call_amount",
    "day_trading_call_for_day",
    "day_trading_call_state",
    "deficit_status",
    "freeze_in_force",
    "intraday_margin_level",
    "is_de_minimis",
    "is_iml_reducing",
    "is_pattern_day_trader",
    "legacy_basis",
    "legacy_budget_use",
    "legacy_day_trading_buying_power",
    "legacy_restricted",
    "makes_practice",
    "miss_consequence",
    "missed_fifth_business_day",
    "new_intraday_deficit",
    "pdt_equity_restricted",
    "practice_rule",
    "restriction_active",
    "restriction_end",
    "satisfy_by_increase",
    "satisfy_deficits",
    "start_budget",
    "start_symbol_day",
    "worst_order_deficit",
]

PATTERN_DAY_TRADES: Final = 4
"""FINRA 4210(f)(8)(B)(ii): four or more day trades within five business days make a pattern day trader."""

PATTERN_EXCEPTION_RATE: Final = Decimal("0.06")
"""FINRA 4210(f)(8)(B)(ii): ... unless the day trades are 6% or less of the total trades in that period."""

DAY_TRADING_CALL_MULTIPLIER: Final = Decimal(2)
"""FINRA 4210(f)(8)(B)(iv)(b): until a day-trading call is met, day-trading buying power is 2x maintenance excess."""

RESTRICTION_CALENDAR_DAYS: Final = 90
"""4210(f)(8)(B)(iv)(c) (cash-available basis) and 4210(d)(2) (no new or larger debit/short): 90 calendar days."""

DE_MINIMIS_RATE: Final = Decimal("0.05")
"""FINRA 4210(d)(2): deficits of at most 5% of equity (and at most $1,000) do not count toward a practice."""

DE_MINIMIS_CAP: Final = Decimal(1000)
"""FINRA 4210(d)(2): the $1,000 cap of the de minimis."""

FIGURE_PLACES: Final = 2 * MAX_AMOUNT_PLACES
"""Decimal places accepted for amounts and computed figures: cash-like amounts have at most ``MAX_AMOUNT_PLACES``
(20); a requirement is quantity x price x rate (x leverage), 10 places each, so at most 40 (a level = equity -
requirement too). Validating computed figures at the 10 places of a price would refuse a fractional-share account."""


def _count(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(field, f"expected an int, got {type(value).__name__}")
    if value < 0:
        raise DomainError(field, f"a count cannot be negative (got {value})")
    return value


def _date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(field, f"expected a datetime.date, got {type(value).__name__}")
    return value


def _shift(day: dt.date, days: int, field: str) -> dt.date:
    """``day`` moved by ``days`` calendar days; a result outside the calendar (year 1 to 9999) is a typed refusal."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise DomainError(field, f"{day} moved by {days} days falls outside the calendar") from None


def _amount(value: object, field: str) -> Decimal:
    """An amount or a computed figure (equity, a requirement, a level): at most ``FIGURE_PLACES`` places."""
    return to_decimal(value, field, max_abs=MAX_AMOUNT, max_places=FIGURE_PLACES)


def _symbol(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(field, f"a symbol is a string, not {type(value).__name__}")
    text = value.strip().upper()
    if not text:
        raise DomainError(field, "a symbol cannot be empty")
    return text


# =====================================================================================================================
# Legacy pattern-day-trader rules, FINRA 4210(f)(8)(B)
# =====================================================================================================================


@dataclass(frozen=True, slots=True)
class Execution:
    """One execution (fill) of a day, in time order: symbol, side and quantity (> 0 shares; size never matters for
    the count, only the direction). ``SELL`` and ``SELL_SHORT`` are both sales."""

    symbol: str
    side: Side
    quantity: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "symbol", _symbol(self.symbol, "execution.symbol"))
        if not isinstance(self.side, Side):
            try:
                object.__setattr__(self, "side", Side(self.side))
            except ValueError:
                raise DomainError("execution.side", f"unknown side {self.side!r}") from None
        quantity = to_decimal(self.quantity, "execution.quantity", max_abs=MAX_QUANTITY)
        if quantity <= ZERO:
            raise DomainError("execution.quantity", f"an execution quantity is positive (got {quantity})")
        object.__setattr__(self, "quantity", quantity)

    @property
    def signed_quantity(self) -> Decimal:
        """+quantity for a purchase, -quantity for a sale (long sale or short sale)."""
        return self.quantity if self.side is Side.BUY else self.quantity.copy_negate()


@dataclass(frozen=True, slots=True)
class SymbolDayState:
    """The day-trade state of one symbol during one day (immutable; advance it with :func:`day_trade_step`).

    * ``overnight``: signed shares held overnight and not yet closed today (their closing is never a day trade);
    * ``intraday``: signed shares opened today and still open (same sign as ``overnight`` or zero);
    * ``armed``: an opening trade happened since the last counted day trade, so the next closing of shares opened
      today is a new day trade;
    * ``day_trades`` / ``trades``: counts so far.
    """

    overnight: Decimal = ZERO
    intraday: Decimal = ZERO
    armed: bool = False
    day_trades: int = 0
    trades: int = 0

    @property
    def position(self) -> Decimal:
        """The signed position now (overnight shares still held + shares opened today)."""
        with exact():
            return self.overnight + self.intraday


def start_symbol_day(overnight: Decimal | int | str = ZERO) -> SymbolDayState:
    """The state of a symbol at the open of a day, holding ``overnight`` signed shares (negative = short)."""
    return SymbolDayState(overnight=to_decimal(overnight, "overnight", max_abs=MAX_QUANTITY))


def _plus(a: Decimal, b: Decimal) -> Decimal:
    with exact():
        return a + b


def _sign(value: Decimal) -> int:
    return (value > ZERO) - (value < ZERO)


@icontract.ensure(lambda state, result: result.trades == state.trades + 1, "every execution is one trade")
@icontract.ensure(
    lambda state, result: state.day_trades <= result.day_trades <= state.day_trades + 1,
    "one execution completes at most one day trade",
)
@icontract.ensure(
    lambda state, execution, result: result.position == _plus(state.position, execution.signed_quantity),
    "the position moves by the execution's signed quantity",
)
@icontract.ensure(
    lambda state, result: (
        abs(result.overnight) <= abs(state.overnight) and _sign(result.overnight) * _sign(state.overnight) >= 0
    ),
    "overnight shares are only ever closed, never opened",
)
@icontract.ensure(
    lambda result: _sign(result.overnight) * _sign(result.intraday) >= 0,
    "overnight and intraday shares are never on opposite sides",
)
@exact_function
def day_trade_step(state: SymbolDayState, execution: Execution) -> SymbolDayState:
    """Advance one symbol's day by one execution and count a day trade when it completes one (4210(f)(8)(B)(i)).

    A *day trade* is a purchase and a sale (or a short sale and a cover) of the same security on the same day. An
    execution *opens* when it adds to the position (or starts one) and *closes* when it reduces it. Closings apply to
    shares opened today first, then to overnight shares: a sale of overnight shares *before any new purchase* is the
    4210(f)(8)(B)(i) exception (not a day trade), whereas once a new opening trade happened the next closing is one.
    Sizes are ignored: a run of openings followed by a run of closings is one day trade (buy 250, buy 250, sell 500 =
    1), and each change from opening back to closing is another (buy, sell, buy, sell = 2). An execution that goes
    through zero closes first and then opens the rest on the other side (a sale of 200 against 100 bought today is a
    day trade and opens a 100-share short).
    """
    if not isinstance(state, SymbolDayState):
        raise InvalidTypeError("state", "expected a SymbolDayState")
    if not isinstance(execution, Execution):
        raise InvalidTypeError("execution", "expected an Execution")
    q = execution.signed_quantity
    overnight, intraday, armed, day_trades = state.overnight, state.intraday, state.armed, state.day_trades
    position = overnight + intraday
    if position == ZERO or _sign(q) == _sign(position):
        # An opening trade: adds to today's shares (overnight shares are then on the same side, or zero).
        return SymbolDayState(overnight, intraday + q, True, day_trades, state.trades + 1)
    size = abs(q)
    closed_today = min(size, abs(intraday))
    if closed_today > ZERO:
        if armed:
            day_trades += 1
            armed = False
        intraday -= closed_today * _sign(intraday)
    rest = size - closed_today
    closed_overnight = min(rest, abs(overnight))
    overnight -= closed_overnight * _sign(overnight)
    rest -= closed_overnight
    if rest > ZERO:
        # Through zero: the remainder opens a position on the other side (overnight and today's shares are 0 now).
        intraday = rest * _sign(q)
        armed = True
    return SymbolDayState(overnight, intraday, armed, day_trades, state.trades + 1)


@dataclass(frozen=True, slots=True)
class DayTradeCount:
    """The day trades of one day: per symbol, in total, and the day's number of trades (executions)."""

    by_symbol: Mapping[str, int]
    day_trades: int
    trades: int


@icontract.ensure(lambda result: result.day_trades == sum(result.by_symbol.values()), "the total is the symbol sum")
@icontract.ensure(
    lambda result: 0 <= result.day_trades <= result.trades - len(result.by_symbol),
    "each day trade is completed by a distinct execution, never a symbol's first of the day",
)
@icontract.ensure(lambda executions, result: result.trades == len(executions), "every execution is one trade")
def count_day_trades(
    executions: Sequence[Execution], overnight: Mapping[str, Decimal | int | str] | None = None
) -> DayTradeCount:
    """Count the day trades of one day from its executions in time order and the overnight position per symbol
    (signed shares held at the open; missing symbols are flat). FINRA 4210(f)(8)(B)(i); see :func:`day_trade_step`."""
    if isinstance(executions, (str, bytes)) or not isinstance(executions, Sequence):
        raise InvalidTypeError("executions", "must be a sequence of Execution in time order")
    held = {} if overnight is None else {_symbol(k, "overnight"): v for k, v in overnight.items()}
    states: dict[str, SymbolDayState] = {}
    for i, execution in enumerate(executions):
        if not isinstance(execution, Execution):
            raise InvalidTypeError(f"executions[{i}]", f"expected an Execution, got {type(execution).__name__}")
        state = states.get(execution.symbol)
        if state is None:
            state = start_symbol_day(held.get(execution.symbol, ZERO))
        states[execution.symbol] = day_trade_step(state, execution)
    by_symbol = {symbol: state.day_trades for symbol, state in states.items()}
    return DayTradeCount(by_symbol, sum(by_symbol.values()), len(executions))


@icontract.ensure(
    lambda day_trades, threshold, result: not result or day_trades >= threshold,
    "a pattern day trader made at least the threshold number of day trades",
)
@icontract.ensure(
    lambda day_trades, total_trades, exception_rate, result: (
        not result or exception_rate is None or day_trades > exception_rate * total_trades
    ),
    "no pattern when the day trades are at most the exception rate of the period's trades",
)
@exact_function
def is_pattern_day_trader(
    day_trades: int,
    total_trades: int,
    threshold: int = PATTERN_DAY_TRADES,
    exception_rate: Decimal | None = PATTERN_EXCEPTION_RATE,
) -> bool:
    """Whether a five-business-day period's activity makes a pattern day trader (FINRA 4210(f)(8)(B)(ii)): at least
    ``threshold`` (4) day trades, unless they are ``exception_rate`` (6%) or less of the period's total trades
    (compared cross-multiplied: ``day_trades <= rate x total_trades``). ``exception_rate=None`` drops the exception.
    """
    count = _count(day_trades, "day_trades")
    total = _count(total_trades, "total_trades")
    limit = _count(threshold, "threshold")
    if count > total:
        raise DomainError("day_trades", f"{count} day trades cannot exceed the {total} trades of the period")
    if count < limit:
        return False
    if exception_rate is None:
        return True
    rate = to_decimal(exception_rate, "exception_rate")
    if not ZERO <= rate <= Decimal(1):
        raise DomainError("exception_rate", f"a rate is in [0, 1] (got {rate})")
    return Decimal(count) > rate * total


@icontract.ensure(
    lambda pattern_day_trader, result: pattern_day_trader or not result, "only a pattern day trader is restricted"
)
@exact_function
def pdt_equity_restricted(pattern_day_trader: bool, equity: Decimal | int | str, rules: RuleSet) -> bool:
    """Whether a pattern day trader is under the minimum equity (FINRA 4210(f)(8)(B)(iv)(a): $25,000, the rule set's
    ``pattern_day_trader_minimum_equity``), before day trading and at all times. Exactly $25,000 is not restricted."""
    if not isinstance(pattern_day_trader, bool):
        raise InvalidTypeError("pattern_day_trader", "must be True or False")
    value = _amount(equity, "equity")
    return pattern_day_trader and value < rules.rates.pattern_day_trader_minimum_equity


@icontract.ensure(lambda result: result >= 0, "day-trading buying power is never negative")
@exact_function
def legacy_day_trading_buying_power(
    rules: RuleSet,
    prior_equity: Decimal | int | str,
    prior_maintenance: Decimal | int | str,
    call_outstanding: bool = False,
) -> Decimal:
    """Day-trading buying power from the prior close (FINRA 4210(f)(8)(B)(iv)): the core formula
    :func:`margin_rules.formulas.day_trading_buying_power` (4 x maintenance excess), with the multiplier lowered to
    2 while a day-trading margin call is outstanding (4210(f)(8)(B)(iv)(b))."""
    equity = _amount(prior_equity, "prior_equity")
    maintenance = _amount(prior_maintenance, "prior_maintenance")
    if not isinstance(call_outstanding, bool):
        raise InvalidTypeError("call_outstanding", "must be True or False")
    rates = rules.rates
    if call_outstanding:
        rates = replace(rates, day_trading_multiplier=min(rates.day_trading_multiplier, DAY_TRADING_CALL_MULTIPLIER))
    return f.day_trading_buying_power(DECIMAL, rates, equity, maintenance)


@icontract.ensure(lambda result: result >= 0, "a call amount is never negative")
@exact_function
def day_trading_call_amount(
    prior_equity: Decimal | int | str,
    prior_maintenance: Decimal | int | str,
    day_trade_requirement: Decimal | int | str,
) -> Decimal:
    """The day-trading margin call (FINRA 4210(f)(8)(B)(iv)(b)); 0 when day-trading buying power was not exceeded.

    ``day_trade_requirement`` is the maintenance requirement of the day's largest day-trading commitment (the charge
    units :func:`margin_rules.buying_power.order_charge` uses in LEGACY_DAY_TRADING mode). Buying power is exceeded
    when that requirement exceeds the prior-close maintenance excess (equivalently, the commitment exceeds
    4 x the excess at 25%), and the call is the shortfall: :func:`margin_rules.formulas.deficiency` of the excess
    against the requirement (= (commitment - day-trading buying power) x 25%).
    """
    equity = _amount(prior_equity, "prior_equity")
    maintenance = _amount(prior_maintenance, "prior_maintenance")
    requirement = _amount(day_trade_requirement, "day_trade_requirement")
    if requirement < ZERO:
        raise DomainError("day_trade_requirement", f"a requirement cannot be negative ({requirement})")
    available = DECIMAL.max(f.excess(equity, maintenance), ZERO)
    return f.deficiency(DECIMAL, available, requirement)


class DayTradingCallState(StrEnum):
    """Where a day-trading margin call stands (FINRA 4210(f)(8)(B)(iv)(b)-(c))."""

    OPEN = "open"
    """Issued, not yet met, within its 5 business days: day-trading buying power is 2x."""
    MET = "met"
    """Met on or before the day asked about."""
    CASH_RESTRICTED = "cash_restricted"
    """Unmet after its due date: trading on a cash-available basis for 90 calendar days or until met."""
    LAPSED = "lapsed"
    """Unmet, and the 90 calendar days of cash-available restriction have run out."""


@icontract.ensure(
    lambda due, today, result: result is not DayTradingCallState.CASH_RESTRICTED or today > due,
    "the cash-available restriction starts only after the due date",
)
@icontract.ensure(
    lambda met_on, today, result: (result is DayTradingCallState.MET) == (met_on is not None and met_on <= today),
    "a call is met exactly when it was met on or before today",
)
def day_trading_call_state(
    issued: dt.date,
    due: dt.date,
    met_on: dt.date | None,
    today: dt.date,
    restriction_days: int = RESTRICTION_CALENDAR_DAYS,
) -> DayTradingCallState:
    """The state of a day-trading call on ``today`` (FINRA 4210(f)(8)(B)(iv)(b)-(c)).

    ``due`` is the 5th business day after ``issued`` (computed by the caller's calendar). Until met the account has 2x
    day-trading buying power; if it is still unmet after ``due``, the account trades on a cash-available basis for
    ``restriction_days`` (90) calendar days starting the day after ``due``, or until the call is met.
    """
    issued, due, today = _date(issued, "issued"), _date(due, "due"), _date(today, "today")
    if due <= issued:
        raise DomainError("due", f"a call is due after the day it was issued ({due} <= {issued})")
    if met_on is not None:
        met_on = _date(met_on, "met_on")
        if met_on <= today:
            return DayTradingCallState.MET
    if today <= due:
        return DayTradingCallState.OPEN
    start = _shift(due, 1, "due")
    if restriction_active(start, today, restriction_days):
        return DayTradingCallState.CASH_RESTRICTED
    return DayTradingCallState.LAPSED


class LegacyBasis(StrEnum):
    """The buying-power basis of an account under the legacy regime, strictest first."""

    CASH_AVAILABLE = "cash_available"
    """Day-trading call unmet after 5 business days: cash-available basis for 90 days (4210(f)(8)(B)(iv)(c))."""
    EQUITY_RESTRICTED = "equity_restricted"
    """Pattern day trader under $25,000 (4210(f)(8)(B)(iv)(a)): "will not be permitted to day trade"; overnight Reg T
    margin stays (the whole account goes to a cash basis only under the house option ``PdtEquityPolicy.CASH_BASIS``)."""
    DAY_TRADING_CALL = "day_trading_call"
    """A day-trading call is outstanding: day-trading buying power 2x maintenance excess (4210(f)(8)(B)(iv)(b))."""
    DAY_TRADING = "day_trading"
    """Pattern day trader with at least $25,000: day-trading buying power 4x maintenance excess (4210(f)(8)(B)(iv))."""
    REG_T = "reg_t"
    """Not a pattern day trader: ordinary Reg T margin (220.12)."""

    @property
    def mode(self) -> Mode:
        """The :class:`~margin_rules.buying_power.Mode` the account should check orders in. ``DAY_TRADING_CALL``
        maps to ``LEGACY_DAY_TRADING``; its dollar limit is :func:`legacy_day_trading_buying_power` with
        ``call_outstanding=True``. ``CASH_AVAILABLE`` and ``EQUITY_RESTRICTED`` keep Reg T: the cash-available basis
        is the restricted-account check (:func:`legacy_restricted`,
        :func:`margin_rules.restrictions.restricted_order_decision`), not cash mode (short-sale proceeds are not cash),
        and a pattern day trader under $25,000 keeps overnight margin while its day trades are refused
        (:func:`day_trade_barred`)."""
        return {
            LegacyBasis.CASH_AVAILABLE: Mode.REG_T,
            LegacyBasis.EQUITY_RESTRICTED: Mode.REG_T,
            LegacyBasis.DAY_TRADING_CALL: Mode.LEGACY_DAY_TRADING,
            LegacyBasis.DAY_TRADING: Mode.LEGACY_DAY_TRADING,
            LegacyBasis.REG_T: Mode.REG_T,
        }[self]


@icontract.ensure(
    lambda cash_available_restriction, result: not cash_available_restriction or result is LegacyBasis.CASH_AVAILABLE,
    "the cash-available restriction overrides everything",
)
@icontract.ensure(
    lambda pattern_day_trader, result: pattern_day_trader or result in (LegacyBasis.REG_T, LegacyBasis.CASH_AVAILABLE),
    "an account that is not a pattern day trader keeps Reg T (or a running cash restriction)",
)
def legacy_basis(
    *,
    pattern_day_trader: bool,
    equity: Decimal | int | str,
    rules: RuleSet,
    call_outstanding: bool,
    cash_available_restriction: bool,
) -> LegacyBasis:
    """The buying-power basis under FINRA 4210(f)(8)(B), strictest rule first: a running cash-available restriction
    ((iv)(c)), then a pattern day trader under $25,000 ((iv)(a): no day trading), then an outstanding day-trading
    call (2x, (iv)(b)), then day-trading buying power (4x, (iv)) for a pattern day trader, else Reg T."""
    for name, value in (
        ("pattern_day_trader", pattern_day_trader),
        ("call_outstanding", call_outstanding),
        ("cash_available_restriction", cash_available_restriction),
    ):
        if not isinstance(value, bool):
            raise InvalidTypeError(name, "must be True or False")
    if cash_available_restriction:
        return LegacyBasis.CASH_AVAILABLE
    if not pattern_day_trader:
        return LegacyBasis.REG_T
    if pdt_equity_restricted(True, equity, rules):
        return LegacyBasis.EQUITY_RESTRICTED
    if call_outstanding:
        return LegacyBasis.DAY_TRADING_CALL
    return LegacyBasis.DAY_TRADING


@icontract.ensure(
    lambda basis, result: result or basis is not LegacyBasis.CASH_AVAILABLE, "a cash-available basis is restricted"
)
def legacy_restricted(basis: LegacyBasis, rules: RuleSet) -> bool:
    """Whether the legacy basis restricts the account from any new or larger debit or short position: the
    cash-available basis of an unmet day-trading call (4210(f)(8)(B)(iv)(c)), and a pattern day trader under $25,000
    when the rule set's ``day_trading.pdt_equity_policy`` is the house option ``CASH_BASIS``."""
    basis = LegacyBasis(basis)
    if basis is LegacyBasis.CASH_AVAILABLE:
        return True
    return basis is LegacyBasis.EQUITY_RESTRICTED and rules.day_trading.pdt_equity_policy is PdtEquityPolicy.CASH_BASIS


@icontract.ensure(
    lambda completes_day_trade, result: completes_day_trade or not result, "only a day trade is ever barred"
)
def day_trade_barred(basis: LegacyBasis, rules: RuleSet, completes_day_trade: bool) -> bool:
    """Whether an order is refused because it would complete a day trade of a pattern day trader under $25,000
    (FINRA 4210(f)(8)(B)(iv)(a): such a customer "will not be permitted to day trade until the account is restored";
    the rule bars day trading, not Reg T margin). Under the house option ``CASH_BASIS`` the restricted-account check
    applies instead."""
    if not isinstance(completes_day_trade, bool):
        raise InvalidTypeError("completes_day_trade", "must be True or False")
    return (
        completes_day_trade
        and LegacyBasis(basis) is LegacyBasis.EQUITY_RESTRICTED
        and rules.day_trading.pdt_equity_policy is PdtEquityPolicy.BAR_DAY_TRADES
    )


# --- The day's budget of day-trading buying power (4210(f)(8)(B)(iii)-(iv)) -----------------------------------------


@dataclass(frozen=True, slots=True)
class OpenLot:
    """Shares opened today and still open in one symbol (signed: negative = short), with what they need: their
    maintenance requirement at the opening price (``charge``, the LEGACY_DAY_TRADING charge units)."""

    quantity: Decimal
    price: Decimal
    marginable: bool
    leverage: Decimal
    charge: Decimal


@dataclass(frozen=True, slots=True)
class DayTradingBudget:
    """The day's use of legacy day-trading buying power (FINRA 4210(f)(8)(B)(iv)), immutable; advance it with
    :func:`budget_after_fill`. Amounts are maintenance-requirement dollars (4 x them is the dollar figure at 25%).

    * ``opened``: the requirement of every opening trade executed today (the aggregate method's use; never falls);
    * ``open_commitment`` / ``peak_commitment``: the requirement of today's shares still open, now and at its highest
      (the "time and tick" method's use);
    * ``day_traded``: the requirement of today's shares closed today, i.e. of "the cost of all the day trades made
      during the day" (4210(f)(8)(B)(iv)(b)1: what a day-trading call is computed on);
    * ``lots`` / ``overnight``: today's open lots per symbol (closed first in, first out) and the overnight shares
      still held (closed after today's: the 4210(f)(8)(B)(i) order of :func:`day_trade_step`).
    """

    opened: Decimal = ZERO
    open_commitment: Decimal = ZERO
    peak_commitment: Decimal = ZERO
    day_traded: Decimal = ZERO
    lots: Mapping[str, tuple[OpenLot, ...]] = field(default_factory=dict)
    overnight: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A budget is a day's use: refuse a negative or non-Decimal amount at construction (found by CrossHair, which
        # built a budget with a negative ``opened`` and so a negative use).
        for name in ("opened", "open_commitment", "peak_commitment", "day_traded"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite():
                raise InvalidTypeError(name, "a finite Decimal")
            if value < ZERO:
                raise DomainError(name, f"a day's use is never negative (got {value})")

    def used(self, method: DayTradingMethod) -> Decimal:
        """What the day has used of the budget under ``method``: ``opened`` (aggregate) or ``open_commitment``
        (time and tick)."""
        return self.open_commitment if DayTradingMethod(method) is DayTradingMethod.TIME_AND_TICK else self.opened


def start_budget(overnight: Mapping[str, Decimal | int | str] | None = None) -> DayTradingBudget:
    """The budget at the open: nothing used; ``overnight`` signed shares per symbol held from the prior day."""
    held: dict[str, Decimal] = {}
    for symbol, quantity in (overnight or {}).items():
        value = to_decimal(quantity, "overnight", max_abs=MAX_QUANTITY)
        if value != ZERO:
            held[_symbol(symbol, "overnight")] = value
    return DayTradingBudget(overnight=held)


def _lot_charge(
    rules: RuleSet, symbol: str, quantity: Decimal, price: Decimal, marginable: bool, lev: Decimal
) -> Decimal:
    side = Side.BUY if quantity > ZERO else Side.SELL_SHORT
    return opening_terms(rules, symbol, side, abs(quantity), price, marginable, lev)[2]


@icontract.ensure(lambda budget, result: result.opened >= budget.opened, "the aggregate use never falls")
@icontract.ensure(lambda budget, result: result.day_traded >= budget.day_traded, "day trades are never undone")
@icontract.ensure(
    lambda result: 0 <= result.open_commitment <= result.peak_commitment <= result.opened,
    "the open commitment is within the peak, and the peak within what was opened",
)
@exact_function
def budget_after_fill(
    budget: DayTradingBudget,
    rules: RuleSet,
    symbol: str,
    side: Side,
    quantity: Decimal | int | str,
    price: Decimal | int | str,
    marginable: bool = True,
    leverage: Decimal | int | str = 1,
) -> DayTradingBudget:
    """Advance the day's budget by one fill (FINRA 4210(f)(8)(B)(iv)). An opening fill adds a lot whose requirement
    (:func:`margin_rules.order_check.opening_terms`, the order check's charge) is added to ``opened`` and to the open
    commitment. A closing fill closes today's lots first (oldest first), moving their requirement from the open
    commitment to ``day_traded``, then overnight shares (no day trade, no budget); what goes through zero opens a lot
    on the other side. The requirement of a partly closed lot is that of its remaining shares (linear in shares)."""
    if not isinstance(budget, DayTradingBudget):
        raise InvalidTypeError("budget", "expected a DayTradingBudget")
    name = _symbol(symbol, "symbol")
    execution = Execution(
        name, side, to_decimal(quantity, "quantity", max_abs=MAX_QUANTITY)
    )  # validates side and quantity
    fill_price = to_decimal(price, "price")
    if fill_price <= ZERO:
        raise DomainError("price", f"a fill price is positive (got {fill_price})")
    lev = to_decimal(leverage, "leverage")
    if not isinstance(marginable, bool):
        raise InvalidTypeError("marginable", "must be True or False")
    q = execution.signed_quantity
    lots = list(budget.lots.get(name, ()))
    overnight = budget.overnight.get(name, ZERO)
    position = overnight + sum((lot.quantity for lot in lots), ZERO)
    opened, commitment, day_traded = budget.opened, budget.open_commitment, budget.day_traded
    rest = q
    if position != ZERO and _sign(q) != _sign(position):
        size = abs(q)
        while size > ZERO and lots:
            lot = lots[0]
            take = min(size, abs(lot.quantity))
            left = abs(lot.quantity) - take
            if left == ZERO:
                closed = lot.charge
                lots.pop(0)
            else:
                remaining = lot.quantity - take * _sign(lot.quantity)
                charge = _lot_charge(rules, name, remaining, lot.price, lot.marginable, lot.leverage)
                closed = lot.charge - charge
                lots[0] = replace(lot, quantity=remaining, charge=charge)
            commitment -= closed
            day_traded += closed
            size -= take
        from_overnight = min(size, abs(overnight))
        overnight -= from_overnight * _sign(overnight)
        size -= from_overnight
        rest = size * _sign(q)
    if rest != ZERO:
        charge = _lot_charge(rules, name, rest, fill_price, marginable, lev)
        lots.append(OpenLot(rest, fill_price, marginable, lev, charge))
        opened += charge
        commitment += charge
    all_lots = {**budget.lots, name: tuple(lots)}
    all_overnight = {**budget.overnight, name: overnight}
    return DayTradingBudget(
        opened=opened,
        open_commitment=commitment,
        peak_commitment=max(budget.peak_commitment, commitment),
        day_traded=day_traded,
        lots={k: v for k, v in all_lots.items() if v},
        overnight={k: v for k, v in all_overnight.items() if v != ZERO},
    )


@icontract.ensure(lambda result: result[0] >= 0, "the day's use is never negative")
@exact_function
def legacy_budget_use(
    rules: RuleSet, budget: DayTradingBudget, call_outstanding: bool = False
) -> tuple[Decimal, DayTradingMethod]:
    """What the day has used of its day-trading buying power and under which method: the rule set's
    ``day_trading.method``, except that "time and tick" may not be used while a day-trading call is outstanding
    (4210(f)(8)(B)(iv)(b)3: the account is then margined on the cost of all the day's day trades)."""
    if not isinstance(call_outstanding, bool):
        raise InvalidTypeError("call_outstanding", "must be True or False")
    method = rules.day_trading.method
    if call_outstanding:
        method = DayTradingMethod.AGGREGATE
    return budget.used(method), method


@icontract.ensure(lambda result: result >= 0, "a call amount is never negative")
@exact_function
def day_trading_call_for_day(
    rules: RuleSet,
    budget: DayTradingBudget,
    prior_equity: Decimal | int | str,
    prior_maintenance: Decimal | int | str,
    call_outstanding: bool = False,
) -> Decimal:
    """The day-trading call of a closed day (FINRA 4210(f)(8)(B)(iv)(b)): when the day's day trades exceeded the
    day-trading buying power, the account is "margined based on the cost of all the day trades made during the day"
    and the call is the special maintenance deficiency: the requirement of the day's day trades
    (``budget.day_traded``) less the prior-close maintenance excess (:func:`day_trading_call_amount`; at 25% this is
    25% x (cost of the day trades - 4 x excess)). Under "time and tick" the budget is exceeded only when the highest
    open commitment exceeded it; a commitment opened today and held overnight is not a day trade and raises no
    day-trading call (Reg T governs it)."""
    _, method = legacy_budget_use(rules, budget, call_outstanding)
    equity = _amount(prior_equity, "prior_equity")
    maintenance = _amount(prior_maintenance, "prior_maintenance")
    if method is DayTradingMethod.TIME_AND_TICK and budget.peak_commitment <= f.excess(equity, maintenance):
        return ZERO
    return day_trading_call_amount(equity, maintenance, budget.day_traded)


# =====================================================================================================================
# Intraday margin standard, FINRA 4210(d)(2)
# =====================================================================================================================


@icontract.ensure(
    lambda equity, maintenance, result: (result < 0) == (Decimal(equity) < Decimal(maintenance)),
    "the level is negative exactly when equity is below maintenance",
)
@exact_function
def intraday_margin_level(equity: Decimal | int | str, maintenance: Decimal | int | str) -> Decimal:
    """The intraday margin level (FINRA 4210(d)(2)): :func:`margin_rules.formulas.intraday_margin_level`, i.e. what
    could be withdrawn while still meeting maintenance; negative = a deficit of that size."""
    return f.intraday_margin_level(_amount(equity, "equity"), _amount(maintenance, "maintenance"))


@icontract.ensure(
    lambda iml_before, iml_after, result: not (result and Decimal(iml_after) >= Decimal(iml_before)),
    "a transaction that does not lower the level is never IML-reducing",
)
@exact_function
def is_iml_reducing(iml_before: Decimal | int | str, iml_after: Decimal | int | str) -> bool:
    """Whether a transaction (withdrawals included) lowers the intraday margin level (FINRA 4210(d)(2))."""
    return _amount(iml_after, "iml_after") < _amount(iml_before, "iml_before")


@icontract.ensure(
    lambda iml_before, iml_after, result: not result or Decimal(iml_after) < 0,
    "only a transaction that leaves a negative level is blocked",
)
@icontract.ensure(
    lambda iml_before, iml_after, result: not result or Decimal(iml_after) < Decimal(iml_before),
    "a transaction that does not lower the level is never blocked",
)
@exact_function
def creates_or_increases_deficit(iml_before: Decimal | int | str, iml_after: Decimal | int | str) -> bool:
    """The real-time block of FINRA 4210(d)(2): a transaction that would create a deficit (level from >= 0 to < 0) or
    increase one (a negative level made more negative). A transaction that lowers a level which stays >= 0, or that
    raises a negative level, is allowed."""
    before = _amount(iml_before, "iml_before")
    after = _amount(iml_after, "iml_after")
    return after < ZERO and after < before


def _levels(changes: Iterable[tuple[Decimal | int | str, Decimal | int | str]]) -> list[tuple[Decimal, Decimal]]:
    result = []
    for i, change in enumerate(changes):
        if not isinstance(change, tuple) or len(change) != 2:
            raise InvalidTypeError(f"changes[{i}]", "expected a (level_before, level_after) pair")
        result.append((_amount(change[0], f"changes[{i}].before"), _amount(change[1], f"changes[{i}].after")))
    return result


@icontract.ensure(lambda result: result >= 0, "a deficit is reported as a non-negative amount")
@exact_function
def day_deficit(changes: Iterable[tuple[Decimal | int | str, Decimal | int | str]]) -> Decimal:
    """The day's intraday margin deficit from its transactions in known order (FINRA 4210(d)(2)): the largest
    negative level after an IML-reducing transaction, as a positive amount (0 when there is none).

    ``changes`` holds one ``(level_before, level_after)`` pair per transaction. A negative level reached by a price
    move, or left over from a previous day without a reducing transaction, is not a deficit of the day.
    """
    worst = ZERO
    for before, after in _levels(changes):
        if after < before and -after > worst:
            worst = -after
    return worst


@icontract.ensure(lambda result: result >= 0, "a deficit is reported as a non-negative amount")
@exact_function
def worst_order_deficit(start_level: Decimal | int | str, deltas: Iterable[Decimal | int | str]) -> Decimal:
    """The day's deficit when the order of its transactions is unknown (FINRA 4210(d)(2): assume the order giving the
    largest deficit).

    Each transaction is given by its effect on the level (``delta``, negative = IML-reducing), assumed independent of
    the order. The lowest level any order can reach is ``start + sum of the negative deltas`` (every prefix sum is at
    least that, and taking all reductions first reaches it), and it is reached right after a reducing transaction;
    so the deficit is ``max(0, -(start + sum of negative deltas))``, and 0 when no transaction reduces the level.
    """
    start = _amount(start_level, "start_level")
    values = [_amount(d, f"deltas[{i}]") for i, d in enumerate(deltas)]
    reductions = [d for d in values if d < ZERO]
    if not reductions:
        return ZERO
    trough = start + sum(reductions, ZERO)
    return max(-trough, ZERO)


@icontract.ensure(lambda deficit, result: not result or Decimal(deficit) <= DE_MINIMIS_CAP, "never above $1,000")
@exact_function
def is_de_minimis(
    deficit: Decimal | int | str,
    equity: Decimal | int | str,
    rate: Decimal = DE_MINIMIS_RATE,
    cap: Decimal = DE_MINIMIS_CAP,
) -> bool:
    """Whether a deficit is de minimis (FINRA 4210(d)(2)): at most min(5% of equity, $1,000), so it does not count
    toward a "practice". Compared cross-multiplied (``deficit <= rate x equity``), never through a quotient;
    both bounds are inclusive."""
    amount = _amount(deficit, "deficit")
    if amount < ZERO:
        raise DomainError("deficit", f"a deficit is a non-negative amount (got {amount})")
    value = _amount(equity, "equity")
    fraction = to_decimal(rate, "rate")
    limit = _amount(cap, "cap")
    return amount <= limit and amount <= fraction * value


@dataclass(frozen=True, slots=True)
class IntradayDeficit:
    """One day's intraday margin deficit and its deadlines (FINRA 4210(d)(2)). Immutable: satisfaction returns a copy.

    * ``day``: the business day it arose; ``amount``: its size (> 0); ``equity``: the equity used for the de minimis;
    * ``fifth_business_day`` / ``fifteenth_business_day``: computed by the caller's calendar;
    * ``de_minimis``: at most min(5% of equity, $1,000) (never counts toward a practice);
    * ``remaining``: the part not yet satisfied; ``satisfied_on``: the day it was fully satisfied (or None);
    * ``close_level`` / ``deposits_at_close``: the intraday margin level at the end of the deficit day and the
      account's cumulative net deposits then: the marks its satisfaction is measured from (:func:`satisfy_by_increase`).
    """

    day: dt.date
    amount: Decimal
    equity: Decimal
    fifth_business_day: dt.date
    fifteenth_business_day: dt.date
    de_minimis: bool
    remaining: Decimal
    satisfied_on: dt.date | None = None
    close_level: Decimal | None = None
    deposits_at_close: Decimal = ZERO

    @property
    def satisfied(self) -> bool:
        return self.remaining == ZERO


@icontract.ensure(lambda result: result.remaining == result.amount > 0, "a new deficit is wholly unsatisfied")
@icontract.ensure(
    lambda result: result.day < result.fifth_business_day < result.fifteenth_business_day,
    "the deadlines follow the deficit's day in order",
)
@exact_function
def new_intraday_deficit(
    day: dt.date,
    amount: Decimal | int | str,
    equity: Decimal | int | str,
    fifth: dt.date,
    fifteenth: dt.date,
    close_level: Decimal | int | str | None = None,
    deposits_at_close: Decimal | int | str = ZERO,
) -> IntradayDeficit:
    """Record a day's deficit with its 5th and 15th business-day deadlines and its de minimis status
    (FINRA 4210(d)(2)), and the level and cumulative net deposits at the end of its day (what later increases are
    measured from)."""
    value = _amount(amount, "amount")
    if value <= ZERO:
        raise DomainError("amount", f"a deficit is a positive amount (got {value})")
    equity_value = _amount(equity, "equity")
    day, fifth, fifteenth = _date(day, "day"), _date(fifth, "fifth"), _date(fifteenth, "fifteenth")
    if not day < fifth < fifteenth:
        raise DomainError("fifth", f"deadlines must follow the day in order ({day} < {fifth} < {fifteenth})")
    return IntradayDeficit(
        day=day,
        amount=value,
        equity=equity_value,
        fifth_business_day=fifth,
        fifteenth_business_day=fifteenth,
        de_minimis=is_de_minimis(value, equity_value),
        remaining=value,
        close_level=None if close_level is None else _amount(close_level, "close_level"),
        deposits_at_close=_amount(deposits_at_close, "deposits_at_close"),
    )


class DeficitStatus(StrEnum):
    """Where an intraday margin deficit stands on a given day (FINRA 4210(d)(2))."""

    OUTSTANDING = "outstanding"
    """Unsatisfied, on or before its 5th business day."""
    PAST_FIFTH = "past_fifth"
    """Unsatisfied after its 5th business day (counts toward a practice unless de minimis); still outstanding."""
    EXPIRED = "expired"
    """Unsatisfied at the close of its 15th business day: no longer outstanding."""
    SATISFIED = "satisfied"
    """Satisfied (by deposits or other increases of the level)."""


@icontract.ensure(
    lambda deficit, result: (result is DeficitStatus.SATISFIED) == deficit.satisfied,
    "satisfied exactly when nothing remains",
)
def deficit_status(deficit: IntradayDeficit, today: dt.date) -> DeficitStatus:
    """The status of ``deficit`` on ``today`` (FINRA 4210(d)(2): outstanding until satisfied or the close of the 15th
    business day). A deficit satisfied after ``today`` is reported as of ``today``'s knowledge: callers pass the
    deficit as it stands."""
    if not isinstance(deficit, IntradayDeficit):
        raise InvalidTypeError("deficit", "expected an IntradayDeficit")
    today = _date(today, "today")
    if deficit.satisfied:
        return DeficitStatus.SATISFIED
    if today > deficit.fifteenth_business_day:
        return DeficitStatus.EXPIRED
    if today > deficit.fifth_business_day:
        return DeficitStatus.PAST_FIFTH
    return DeficitStatus.OUTSTANDING


@icontract.ensure(
    lambda deficit, today, result: not result or today > deficit.fifth_business_day,
    "a deadline is missed only once it has passed",
)
def missed_fifth_business_day(deficit: IntradayDeficit, today: dt.date) -> bool:
    """Whether, as of ``today``, ``deficit`` was not satisfied by the close of its 5th business day."""
    if not isinstance(deficit, IntradayDeficit):
        raise InvalidTypeError("deficit", "expected an IntradayDeficit")
    today = _date(today, "today")
    if today <= deficit.fifth_business_day:
        return False
    return deficit.satisfied_on is None or deficit.satisfied_on > deficit.fifth_business_day


@icontract.ensure(
    lambda deficit, result: not (result and deficit.de_minimis), "a de minimis deficit never counts toward a practice"
)
def counts_toward_practice(deficit: IntradayDeficit, today: dt.date) -> bool:
    """A deficit counts toward a "practice" when it missed its 5th business day and is not de minimis
    (FINRA 4210(d)(2))."""
    return missed_fifth_business_day(deficit, today) and not deficit.de_minimis


@icontract.ensure(
    lambda deficits, result: len(result[0]) == len(deficits), "every deficit is returned, in the same order"
)
@icontract.ensure(
    lambda deficits, amount, result: _remaining(deficits, result[1]) == _remaining(result[0], Decimal(amount)),
    "the increase is conserved: what it does not satisfy is returned",
)
@icontract.ensure(lambda result: result[1] >= 0, "the leftover is never negative")
@exact_function
def satisfy_deficits(
    deficits: Sequence[IntradayDeficit], amount: Decimal | int | str, on: dt.date
) -> tuple[tuple[IntradayDeficit, ...], Decimal]:
    """Apply a deposit or other increase of the intraday margin level made on ``on`` to the unsatisfied deficits,
    oldest first (FINRA 4210(d)(2): a deficit is satisfied by deposits or other increases of the level). Deficits
    already satisfied or arising after ``on`` are untouched; an expired one (past its 15th business day) is still
    satisfied, "without regard to its expiration", which lifts a 90-day restriction it caused.
    Returns the updated deficits and the part of ``amount`` left over."""
    value = _amount(amount, "amount")
    if value < ZERO:
        raise DomainError("amount", f"an increase is a non-negative amount (got {value})")
    on = _date(on, "on")
    if isinstance(deficits, (str, bytes)) or not isinstance(deficits, Sequence):
        raise InvalidTypeError("deficits", "must be a sequence of IntradayDeficit")
    order = sorted(range(len(deficits)), key=lambda i: deficits[i].day)
    updated = list(deficits)
    left = value
    for i in order:
        deficit = updated[i]
        if not isinstance(deficit, IntradayDeficit):
            raise InvalidTypeError(f"deficits[{i}]", "expected an IntradayDeficit")
        if left == ZERO or deficit.satisfied or on < deficit.day:
            continue
        used = min(left, deficit.remaining)
        left -= used
        remaining = deficit.remaining - used
        updated[i] = replace(deficit, remaining=remaining, satisfied_on=on if remaining == ZERO else None)
    return tuple(updated), left


def _remaining(deficits: Iterable[IntradayDeficit], extra: Decimal) -> Decimal:
    with exact():
        return sum((d.remaining for d in deficits), extra)


@icontract.ensure(lambda deficits, result: len(result) == len(deficits), "every deficit is returned, in order")
@icontract.ensure(
    lambda deficits, result: all(new.remaining <= old.remaining for old, new in zip(deficits, result, strict=True)),
    "satisfaction never grows what remains",
)
@icontract.ensure(
    lambda deficits, on, result: all(
        new == old for old, new in zip(deficits, result, strict=True) if old.satisfied or on <= old.day
    ),
    "satisfied deficits, and increases on or before the deficit day, change nothing",
)
@exact_function
def satisfy_by_increase(
    deficits: Sequence[IntradayDeficit],
    on: dt.date,
    level: Decimal | int | str,
    net_deposits: Decimal | int | str,
) -> tuple[IntradayDeficit, ...]:
    """Satisfy deficits by net deposits **or any other increase of the intraday margin level** measured from the end
    of each deficit's day (FINRA 4210(d)(2)): a liquidation counts (a sale releases the sold position's maintenance
    requirement and lifts the level), not only a deposit.

    ``level`` is the level observed on ``on`` and ``net_deposits`` the account's cumulative net deposits (deposits
    less withdrawals) then. For each unsatisfied deficit of an earlier day, the increase is the larger of
    ``level - close_level`` and ``net_deposits - deposits_at_close``; what remains is ``amount - increase`` (never
    more than before; without a ``close_level`` only net deposits count); at 0 the deficit is satisfied on ``on``,
    whatever its expiration (the 15th business day ends its being outstanding, not its satisfaction: a 90-day
    restriction it caused lifts)."""
    on = _date(on, "on")
    now = _amount(level, "level")
    deposits = _amount(net_deposits, "net_deposits")
    if isinstance(deficits, (str, bytes)) or not isinstance(deficits, Sequence):
        raise InvalidTypeError("deficits", "must be a sequence of IntradayDeficit")
    result = []
    for i, deficit in enumerate(deficits):
        if not isinstance(deficit, IntradayDeficit):
            raise InvalidTypeError(f"deficits[{i}]", "expected an IntradayDeficit")
        if deficit.satisfied or on <= deficit.day:
            result.append(deficit)
            continue
        raised = ZERO if deficit.close_level is None else now - deficit.close_level
        increase = max(raised, deposits - deficit.deposits_at_close, ZERO)
        remaining = min(deficit.remaining, max(deficit.amount - increase, ZERO))
        if remaining == deficit.remaining:
            result.append(deficit)
        else:
            result.append(replace(deficit, remaining=remaining, satisfied_on=on if remaining == ZERO else None))
    return tuple(result)


@icontract.ensure(
    lambda start, today, deficit, result: (
        not result or (start <= today and (deficit.satisfied_on is None or deficit.satisfied_on > today))
    ),
    "a freeze in force has started and its deficit is not satisfied",
)
def freeze_in_force(
    start: dt.date, today: dt.date, deficit: IntradayDeficit, days: int = RESTRICTION_CALENDAR_DAYS
) -> bool:
    """Whether the 90-day restriction of FINRA 4210(d)(2) that ``deficit`` caused still holds on ``today``: it
    lasts 90 calendar days from ``start`` "or until the deficit is satisfied", and a satisfaction after the 15th
    business day still counts ("without regard to its expiration")."""
    if not isinstance(deficit, IntradayDeficit):
        raise InvalidTypeError("deficit", "expected an IntradayDeficit")
    today = _date(today, "today")
    if deficit.satisfied_on is not None and deficit.satisfied_on <= today:
        return False
    return restriction_active(start, today, days)


@dataclass(frozen=True, slots=True)
class PracticeRule:
    """When missed deficits make "a practice" (FINRA 4210(d)(2) does not quantify it: a house parameter).

    ``misses`` non-de-minimis deficits that missed their 5th business day within ``lookback_days`` calendar days
    (counting the latest miss) make a practice. Default: 3 within 365 days (a common house reading of "practice";
    set ``misses=1`` for the strictest reading).
    """

    misses: int = 3
    lookback_days: int = 365

    def __post_init__(self) -> None:
        if _count(self.misses, "practice.misses") < 1:
            raise DomainError("practice.misses", "at least one miss makes a practice")
        if _count(self.lookback_days, "practice.lookback_days") < 1:
            raise DomainError("practice.lookback_days", "the lookback is at least one day")


def practice_rule(rules: RuleSet) -> PracticeRule:
    """The rule set's "practice" (FINRA 4210(d)(2) leaves it to the firm): ``rules.day_trading.practice_misses``
    missed 5th business days within ``practice_lookback_days`` (regulatory preset: 3 within 365 days, cited as a house
    default; ``alpaca``: one miss, its published terms)."""
    options = rules.day_trading
    return PracticeRule(options.practice_misses, options.practice_lookback_days)


@icontract.ensure(
    lambda deficit, result: not (result[0] and deficit.de_minimis), "a de minimis deficit never establishes a practice"
)
@icontract.ensure(
    lambda deficit, today, result: not (result[0] or result[1]) or missed_fifth_business_day(deficit, today),
    "only a deficit that missed its 5th business day counts or restricts",
)
def miss_consequence(
    deficit: IntradayDeficit,
    today: dt.date,
    prior_misses: Sequence[dt.date],
    rule: PracticeRule,
    reading: DeMinimisReading = DeMinimisReading.LITERAL,
) -> tuple[bool, bool]:
    """(counts, restricts) for ``deficit`` as of ``today`` (FINRA 4210(d)(2)), given the earlier counted misses.

    A deficit satisfied by its 5th business day (by deposits or any other increase of the level) neither counts nor
    restricts. A missed non-de-minimis deficit counts toward a practice and restricts when the misses, itself
    included, make one (:func:`makes_practice`). A missed de minimis deficit never counts toward *establishing* a
    practice; under the literal reading it still restricts a customer already making a practice (the earlier misses
    make one), and under ``NEVER_RESTRICTS`` it never does."""
    if not isinstance(rule, PracticeRule):
        raise InvalidTypeError("rule", "expected a PracticeRule")
    if not missed_fifth_business_day(deficit, today):
        return False, False
    miss = deficit.fifth_business_day
    if not deficit.de_minimis:
        return True, makes_practice([*prior_misses, miss], miss, rule)
    if DeMinimisReading(reading) is DeMinimisReading.NEVER_RESTRICTS:
        return False, False
    return False, makes_practice(list(prior_misses), miss, rule)


@icontract.ensure(
    lambda miss_days, rule, result: not result or len(miss_days) >= (rule.misses if rule else PracticeRule().misses),
    "a practice needs at least the rule's number of misses",
)
def makes_practice(miss_days: Sequence[dt.date], on: dt.date, rule: PracticeRule | None = None) -> bool:
    """Whether the missed 5th-business-day deadlines ``miss_days`` (non-de-minimis deficits only) make a practice as
    of ``on``: at least ``rule.misses`` of them within the ``rule.lookback_days`` calendar days ending on ``on``
    (FINRA 4210(d)(2); see :class:`PracticeRule`)."""
    rule = rule if rule is not None else PracticeRule()
    on = _date(on, "on")
    earliest = _shift(on, -(rule.lookback_days - 1), "practice.lookback_days")
    recent = [d for d in (_date(m, "miss_days") for m in miss_days) if earliest <= d <= on]
    return len(recent) >= rule.misses


@icontract.ensure(lambda start, days, result: (result - start).days == days, "the restriction lasts `days` days")
def restriction_end(start: dt.date, days: int = RESTRICTION_CALENDAR_DAYS) -> dt.date:
    """The first day after a restriction of ``days`` calendar days starting on ``start`` (exclusive end)."""
    return _shift(_date(start, "start"), _count(days, "days"), "days")


@icontract.ensure(
    lambda start, today, result: not result or start <= today, "a restriction is never active before it starts"
)
def restriction_active(start: dt.date, today: dt.date, days: int = RESTRICTION_CALENDAR_DAYS) -> bool:
    """Whether a ``days``-calendar-day restriction starting on ``start`` covers ``today``: ``start <= today <
    start + days`` (90 days: the start day and the 89 following; FINRA 4210(d)(2), 4210(f)(8)(B)(iv)(c))."""
    today = _date(today, "today")
    return _date(start, "start") <= today < restriction_end(start, days)
