"""Stateful day-trading trackers used by the account (both regimes of FINRA Rule 4210, rulebook section 6).

The rules themselves are the pure functions of :mod:`margin_rules.daytrading`; business days come from
:mod:`margin_rules.live.calendar` (NYSE trading days). These classes only keep the history the rules need and pass it
in: nothing here re-derives a rule. Nothing reads the clock either: every method takes the ``day`` (a
``datetime.date``) it applies to, so the account (or a test) decides what "today" is.

**Thread safety.** The trackers are *not* independently thread-safe: the account calls them under its own lock (every
call, reads included). Every method validates its inputs before changing anything, so a refused call (a typed
:class:`~margin_rules.errors.InvalidInputError`) leaves the tracker exactly as it was.

Legacy regime, :class:`PatternDayTradeTracker` (FINRA 4210(f)(8)(B))::

    pdt = PatternDayTradeTracker(rules)
    pdt.start_day(day, overnight={"AAPL": Decimal(100)})     # optional: positions at the open (else carried over)
    pdt.would_be_day_trade(day, "AAPL", Side.SELL, qty)      # before routing: would this fill complete a day trade?
    pdt.record_execution(day, "AAPL", Side.SELL, qty)        # on each fill (partial fills included) -> bool
    pdt.is_pattern_day_trader(day)                           # 4+ day trades in 5 business days (sticky designation)
    pdt.basis(day, equity)                                   # LegacyBasis: CASH_AVAILABLE / EQUITY_RESTRICTED / ...
    pdt.basis(day, equity).mode                              # the buying_power.Mode to check orders in
    pdt.buying_power(day, prior_equity, prior_maintenance)   # 4x (2x while a day-trading call is open)
    pdt.issue_call(day, prior_equity, prior_maintenance, peak_day_trade_requirement)  # at the close -> call or None
    pdt.meet_calls(day, deposit)                             # deposits meet open calls, oldest first -> leftover

Intraday regime, :class:`IntradayMarginTracker` (FINRA 4210(d)(2), effective 2026-06-04)::

    iml = IntradayMarginTracker(mode=IntradayMode.REAL_TIME)
    iml.would_block(level_before, level_after)               # real-time mode: refuse if True (never in END_OF_DAY)
    iml.record_transaction(day, level_before, level_after, equity_after)   # after each executed transaction
    iml.record_unordered(day, start_level, deltas, equity)   # a batch whose order is unknown (worst order)
    iml.close_day(day)                                       # at the close: the day's deficit with its deadlines
    iml.record_net_deposit(amount)                           # before the transfer's record_transaction
    iml.satisfy(day, amount)                                 # allocate a deposit to deficits oldest first -> leftover
    iml.restricted(day)                                      # 90-day restriction: no new or larger debit/short
    iml.outstanding(day)                                     # deficits still outstanding (not past the 15th day)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from margin_rules import daytrading as rules_dt
from margin_rules.buying_power import Mode
from margin_rules.daytrading import (
    FIGURE_PLACES,
    PATTERN_DAY_TRADES,
    PATTERN_EXCEPTION_RATE,
    RESTRICTION_CALENDAR_DAYS,
    DayTradingBudget,
    DayTradingCallState,
    DeficitStatus,
    Execution,
    IntradayDeficit,
    LegacyBasis,
    PracticeRule,
    SymbolDayState,
)
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.live import calendar
from margin_rules.model import Side
from margin_rules.money import MAX_AMOUNT, MAX_QUANTITY, ZERO, exact, to_decimal
from margin_rules.order_check import DayTradingLimit, Figures
from margin_rules.rulesets import DeMinimisReading, RuleSet

__all__ = [
    "DayTradingCall",
    "IntradayMarginHooks",
    "IntradayMarginTracker",
    "IntradayMode",
    "LegacyPdtHooks",
    "PatternDayTradeTracker",
]


def _business_day(value: object, field: str = "day") -> dt.date:
    day = calendar.check_date(value, field)
    if not calendar.is_business_day(day):
        raise DomainError(field, f"{day} is not an NYSE business day")
    return day


def _amount(value: object, field: str) -> Decimal:
    return to_decimal(value, field, max_abs=MAX_AMOUNT, max_places=FIGURE_PLACES)


# =====================================================================================================================
# Legacy regime: FINRA 4210(f)(8)(B)
# =====================================================================================================================


@dataclass(frozen=True, slots=True)
class DayTradingCall:
    """A day-trading margin call (FINRA 4210(f)(8)(B)(iv)(b)): issued on ``issued``, due on ``due`` (the 5th business
    day after), for ``amount``; ``remaining`` is what is still owed and ``met_on`` the day it was fully met."""

    issued: dt.date
    due: dt.date
    amount: Decimal
    remaining: Decimal
    met_on: dt.date | None = None

    def state(self, today: dt.date) -> DayTradingCallState:
        """OPEN / MET / CASH_RESTRICTED / LAPSED on ``today``
        (:func:`margin_rules.daytrading.day_trading_call_state`)."""
        return rules_dt.day_trading_call_state(self.issued, self.due, self.met_on, today)


class PatternDayTradeTracker:
    """Day trades per business day, the rolling 5-business-day window, the pattern-day-trader designation, the
    $25,000 restriction and day-trading margin calls (FINRA 4210(f)(8)(B)). Not thread-safe: call under the account's
    lock.

    * Executions are recorded in time order per business day; a later ``day`` opens that day automatically with the
      positions carried over from the tracker's own bookkeeping (or those given to :meth:`start_day`).
    * The designation is *sticky*: once a 5-business-day window holds a pattern (4210(f)(8)(B)(ii)), the account stays a
      pattern day trader until :meth:`clear_designation` (firms reset it on request, e.g. after 90 days without day
      trading). :meth:`designate` records a firm's own designation ("knows or reasonably believes").
    * ``threshold`` (4) and ``exception_rate`` (6%, None to drop the exception) are the 4210(f)(8)(B)(ii) parameters.
    """

    def __init__(
        self,
        rules: RuleSet,
        *,
        threshold: int = PATTERN_DAY_TRADES,
        exception_rate: Decimal | None = PATTERN_EXCEPTION_RATE,
    ) -> None:
        if not isinstance(rules, RuleSet):
            raise InvalidTypeError("rules", "expected a RuleSet")
        rules_dt.is_pattern_day_trader(0, 0, threshold, exception_rate)  # validates the parameters
        self._rules = rules
        self._threshold = threshold
        self._exception_rate = exception_rate
        self._day: dt.date | None = None
        self._states: dict[str, SymbolDayState] = {}
        self._carried: dict[str, Decimal] = {}
        self._history: dict[dt.date, tuple[int, int]] = {}
        self._designated_on: dt.date | None = None
        self._calls: list[DayTradingCall] = []

    # --- days and executions --------------------------------------------------------------------------------------

    @property
    def current_day(self) -> dt.date | None:
        """The business day executions are being recorded for (None before the first)."""
        return self._day

    def _positions_now(self) -> dict[str, Decimal]:
        positions = dict(self._carried)
        for symbol, state in self._states.items():
            positions[symbol] = state.position
        return {s: q for s, q in positions.items() if q != ZERO}

    def start_day(self, day: dt.date, overnight: Mapping[str, Decimal | int | str] | None = None) -> None:
        """Open business ``day`` (after the current one). ``overnight``: signed shares per symbol held at the open
        (the account's positions); None carries over the tracker's own end-of-day positions."""
        day = _business_day(day)
        if self._day is not None and day <= self._day:
            raise DomainError("day", f"{day} is not after the current day {self._day}")
        if overnight is not None:
            if not isinstance(overnight, Mapping):
                raise InvalidTypeError("overnight", "must be a mapping of symbol to signed shares")
            carried = {}
            for symbol, quantity in overnight.items():
                state = rules_dt.start_symbol_day(quantity)  # validates the quantity
                name = Execution(symbol, Side.BUY, Decimal(1)).symbol  # validates and normalises the symbol
                if state.overnight != ZERO:
                    carried[name] = state.overnight
        else:
            carried = self._positions_now()
        self._open(day, carried)

    def _open(self, day: dt.date, carried: dict[str, Decimal]) -> None:
        if self._day is not None:
            self._history[self._day] = self._counts_of_current()
        self._day = day
        self._carried = carried
        self._states = {}
        self._history.setdefault(day, (0, 0))
        oldest = calendar.window_start(day)
        for past in [d for d in self._history if d < oldest]:
            del self._history[past]

    def _counts_of_current(self) -> tuple[int, int]:
        day_trades = sum(s.day_trades for s in self._states.values())
        trades = sum(s.trades for s in self._states.values())
        return day_trades, trades

    def _state_for(self, symbol: str) -> SymbolDayState:
        state = self._states.get(symbol)
        if state is None:
            state = rules_dt.start_symbol_day(self._carried.get(symbol, ZERO))
        return state

    def _prepare(
        self, day: dt.date, symbol: str, side: Side | str, quantity: Decimal | int | str
    ) -> tuple[dt.date, Execution]:
        day = _business_day(day)
        if self._day is not None and day < self._day:
            raise DomainError("day", f"{day} is before the current day {self._day}: executions are recorded in order")
        shares = to_decimal(quantity, "quantity", max_abs=MAX_QUANTITY)
        try:
            direction = Side(side)
        except ValueError:
            raise DomainError("side", f"unknown side {side!r}: use buy, sell or sell_short") from None
        return day, Execution(symbol, direction, shares)

    def note_overnight(self, day: dt.date, symbol: str, quantity: Decimal | int | str) -> None:
        """Before the first execution of ``symbol`` on ``day``: the account holds ``quantity`` signed shares of it
        from the prior day (the account knows its positions; the tracker only its own fills). Ignored once the symbol
        has an execution that day (its state already says what is overnight)."""
        day = _business_day(day)
        shares = rules_dt.start_symbol_day(quantity).overnight  # validates the quantity
        name = Execution(symbol, Side.BUY, Decimal(1)).symbol
        if self._day is None or day > self._day:
            self._open(day, self._positions_now() if self._day is not None else {})
        if name in self._states:
            return
        if shares == ZERO:
            self._carried.pop(name, None)
        else:
            self._carried[name] = shares

    def would_be_day_trade(self, day: dt.date, symbol: str, side: Side | str, quantity: Decimal | int | str) -> bool:
        """Whether an execution on ``day`` would complete a day trade (nothing is recorded). Use it before routing an
        order, e.g. to refuse the day trade that would make an account under $25,000 a pattern day trader."""
        day, execution = self._prepare(day, symbol, side, quantity)
        if self._day is None or day > self._day:
            state = rules_dt.start_symbol_day(self._positions_now().get(execution.symbol, ZERO))
        else:
            state = self._state_for(execution.symbol)
        return rules_dt.day_trade_step(state, execution).day_trades > state.day_trades

    def would_become_pattern_day_trader(
        self, day: dt.date, symbol: str, side: Side | str, quantity: Decimal | int | str
    ) -> bool:
        """Whether recording this execution would make the account a pattern day trader (it is not one yet)."""
        if self.is_pattern_day_trader(day):
            return False
        if not self.would_be_day_trade(day, symbol, side, quantity):
            return False
        day_trades, trades = self.window_counts(day)
        return rules_dt.is_pattern_day_trader(day_trades + 1, trades + 1, self._threshold, self._exception_rate)

    def record_execution(self, day: dt.date, symbol: str, side: Side | str, quantity: Decimal | int | str) -> bool:
        """Record one execution (a fill; each partial fill is one) on business ``day``, in time order. Returns True
        when it completed a day trade. Flags the pattern-day-trader designation when the window reaches it."""
        day, execution = self._prepare(day, symbol, side, quantity)
        if self._day is None or day > self._day:
            self._open(day, self._positions_now() if self._day is not None else {})
        state = self._state_for(execution.symbol)
        new_state = rules_dt.day_trade_step(state, execution)
        self._states[execution.symbol] = new_state
        self._history[day] = self._counts_of_current()
        if self._designated_on is None:
            day_trades, trades = self.window_counts(day)
            if rules_dt.is_pattern_day_trader(day_trades, trades, self._threshold, self._exception_rate):
                self._designated_on = day
        return new_state.day_trades > state.day_trades

    # --- counts and designation -------------------------------------------------------------------------------

    def day_trades(self, day: dt.date) -> int:
        """Day trades recorded on business ``day`` (0 for a day without executions or outside the kept window)."""
        return self._history.get(_business_day(day), (0, 0))[0]

    def trades(self, day: dt.date) -> int:
        """Trades (executions) recorded on business ``day``."""
        return self._history.get(_business_day(day), (0, 0))[1]

    def window_counts(self, day: dt.date) -> tuple[int, int]:
        """(day trades, trades) over the 5 business days ending on ``day`` (4210(f)(8)(B)(ii))."""
        window = calendar.business_day_window(_business_day(day))
        counts = [self._history.get(d, (0, 0)) for d in window]
        return sum(c[0] for c in counts), sum(c[1] for c in counts)

    def day_trades_in_window(self, day: dt.date) -> int:
        """Day trades over the 5 business days ending on ``day``."""
        return self.window_counts(day)[0]

    @property
    def designated_on(self) -> dt.date | None:
        """The day the account was designated a pattern day trader (None if it is not one)."""
        return self._designated_on

    def is_pattern_day_trader(self, day: dt.date) -> bool:
        """Whether the account is a pattern day trader on ``day``: designated on or before it (sticky), or the
        window ending on ``day`` holds a pattern."""
        day = _business_day(day)
        if self._designated_on is not None and self._designated_on <= day:
            return True
        day_trades, trades = self.window_counts(day)
        return rules_dt.is_pattern_day_trader(day_trades, trades, self._threshold, self._exception_rate)

    def designate(self, day: dt.date) -> None:
        """Designate the account a pattern day trader from ``day`` (a firm's own designation, 4210(f)(8)(B)(ii))."""
        day = _business_day(day)
        if self._designated_on is None or day < self._designated_on:
            self._designated_on = day

    def clear_designation(self) -> None:
        """Remove the designation (a firm's reset). The window's counts are kept; a new pattern designates again."""
        self._designated_on = None

    def equity_restricted(self, day: dt.date, equity: Decimal | int | str) -> bool:
        """A pattern day trader under the $25,000 minimum (4210(f)(8)(B)(iv)(a)): barred from day trading."""
        return rules_dt.pdt_equity_restricted(self.is_pattern_day_trader(day), equity, self._rules)

    # --- day-trading calls ----------------------------------------------------------------------------------------

    @property
    def calls(self) -> tuple[DayTradingCall, ...]:
        """Every day-trading call issued, oldest first."""
        return tuple(self._calls)

    def open_calls(self, day: dt.date) -> tuple[DayTradingCall, ...]:
        """Calls not met as of ``day`` (open or past due)."""
        day = calendar.check_date(day, "day")
        return tuple(c for c in self._calls if c.state(day) is not DayTradingCallState.MET)

    def issue_call(
        self,
        day: dt.date,
        prior_equity: Decimal | int | str,
        prior_maintenance: Decimal | int | str,
        day_trade_requirement: Decimal | int | str,
    ) -> DayTradingCall | None:
        """Issue a day-trading call when the day's largest day-trading commitment exceeded day-trading buying power
        (:func:`margin_rules.daytrading.day_trading_call_amount`); due on the 5th business day after ``day``
        (4210(f)(8)(B)(iv)(b)). Returns the call, or None when buying power was not exceeded."""
        day = _business_day(day)
        amount = rules_dt.day_trading_call_amount(prior_equity, prior_maintenance, day_trade_requirement)
        if amount == ZERO:
            return None
        call = DayTradingCall(day, calendar.day_trading_call_due_date(day), amount, amount)
        self._calls.append(call)
        return call

    def meet_calls(self, day: dt.date, amount: Decimal | int | str) -> Decimal:
        """Apply a deposit made on ``day`` to the unmet calls, oldest first. Returns the part not used."""
        day = calendar.check_date(day, "day")
        left = _amount(amount, "amount")
        if left < ZERO:
            raise DomainError("amount", f"a deposit is a non-negative amount (got {left})")
        updated = list(self._calls)
        with exact():
            for i, call in enumerate(updated):
                if left == ZERO:
                    break
                if call.met_on is not None or call.issued > day:
                    continue
                used = min(left, call.remaining)
                left -= used
                remaining = call.remaining - used
                updated[i] = replace(call, remaining=remaining, met_on=day if remaining == ZERO else None)
        self._calls = updated
        return left

    def basis(self, day: dt.date, equity: Decimal | int | str) -> LegacyBasis:
        """The buying-power basis on ``day`` (:func:`margin_rules.daytrading.legacy_basis`); ``.mode`` gives the
        :class:`~margin_rules.buying_power.Mode` to check orders in."""
        day = calendar.check_date(day, "day")
        states = [c.state(day) for c in self._calls]
        return rules_dt.legacy_basis(
            pattern_day_trader=self.is_pattern_day_trader(calendar.business_day_on_or_before(day)),
            equity=equity,
            rules=self._rules,
            call_outstanding=DayTradingCallState.OPEN in states,
            cash_available_restriction=DayTradingCallState.CASH_RESTRICTED in states,
        )

    def buying_power(
        self, day: dt.date, prior_equity: Decimal | int | str, prior_maintenance: Decimal | int | str
    ) -> Decimal:
        """Day-trading buying power on ``day`` from the prior close: 4x maintenance excess, 2x while a day-trading
        call is open (:func:`margin_rules.daytrading.legacy_day_trading_buying_power`)."""
        day = calendar.check_date(day, "day")
        call_open = any(c.state(day) is DayTradingCallState.OPEN for c in self._calls)
        return rules_dt.legacy_day_trading_buying_power(self._rules, prior_equity, prior_maintenance, call_open)


# =====================================================================================================================
# Intraday margin standard: FINRA 4210(d)(2)
# =====================================================================================================================


class IntradayMode(StrEnum):
    """How the firm applies FINRA 4210(d)(2)."""

    REAL_TIME = "real_time"
    """Block any transaction that would create or increase an intraday margin deficit (the default)."""
    END_OF_DAY = "end_of_day"
    """Allow transactions and determine the day's deficit at the close (worst order when the order is unknown)."""


@dataclass(slots=True)
class _Day:
    day: dt.date
    deficit: Decimal = ZERO
    equity: Decimal | None = None
    transactions: int = 0


class IntradayMarginTracker:
    """Intraday margin deficits under FINRA 4210(d)(2). Not thread-safe: call under the account's lock.

    * :meth:`would_block` is the real-time check (always False in END_OF_DAY mode).
    * :meth:`record_transaction` records each executed transaction's level before and after (withdrawals included);
      :meth:`record_unordered` a batch whose order is unknown (each transaction's effect on the level), taking the
      worst order. The day's deficit is the largest of them.
    * :meth:`close_day` turns the day's deficit (if any) into an :class:`~margin_rules.daytrading.IntradayDeficit` with
      its 5th and 15th business-day deadlines and its de minimis status (using the equity recorded with the worst
      level). Later deposits and increases of the level satisfy deficits through :meth:`satisfy` (oldest first).
      Increases on the deficit day itself, before :meth:`close_day`, do not reduce the day's deficit: the deficit is the
      trough of the day (a conservative reading; see the report).
    * :meth:`advance` (called by :meth:`close_day`, :meth:`restricted` and :meth:`outstanding`) applies the practice
      rule: a non-de-minimis deficit that missed its 5th business day, when the misses make a practice
      (:class:`~margin_rules.daytrading.PracticeRule`), restricts the account for 90 calendar days from the day after
      that 5th business day (no new or larger debit or short positions).
    """

    def __init__(
        self,
        *,
        mode: IntradayMode = IntradayMode.REAL_TIME,
        practice: PracticeRule | None = None,
        restriction_days: int = RESTRICTION_CALENDAR_DAYS,
        de_minimis: DeMinimisReading = DeMinimisReading.LITERAL,
        due_business_days: int = 5,
    ) -> None:
        self._mode = IntradayMode(mode)
        if practice is not None and not isinstance(practice, PracticeRule):
            raise InvalidTypeError("practice", "expected a PracticeRule")
        self._practice = practice if practice is not None else PracticeRule()
        if isinstance(restriction_days, bool) or not isinstance(restriction_days, int) or restriction_days < 1:
            raise DomainError("restriction_days", "a positive whole number of calendar days")
        self._restriction_days = restriction_days
        self._current: _Day | None = None
        self._closed: dt.date | None = None
        self._deficits: list[IntradayDeficit] = []
        self._evaluated: set[dt.date] = set()
        self._misses: list[dt.date] = []
        self._restriction_start: dt.date | None = None
        self._restriction_until: dt.date | None = None
        self._restriction_deficit: dt.date | None = None
        self._de_minimis = DeMinimisReading(de_minimis)
        if (
            isinstance(due_business_days, bool)
            or not isinstance(due_business_days, int)
            or not 1 <= due_business_days <= 5
        ):
            raise DomainError("due_business_days", "a whole number of business days from 1 to 5 (the rule's 5th)")
        self._due_business_days = due_business_days
        self._net_deposits = ZERO
        self._last_level: Decimal | None = None

    @property
    def mode(self) -> IntradayMode:
        return self._mode

    # --- during the day -------------------------------------------------------------------------------------------

    def would_block(self, iml_before: Decimal | int | str, iml_after: Decimal | int | str) -> bool:
        """Real-time mode: True when the transaction would create or increase a deficit
        (:func:`margin_rules.daytrading.creates_or_increases_deficit`); END_OF_DAY mode: always False."""
        blocked = rules_dt.creates_or_increases_deficit(iml_before, iml_after)
        return blocked and self._mode is IntradayMode.REAL_TIME

    def _check_day(self, day: dt.date) -> dt.date:
        day = _business_day(day)
        if self._current is not None and day < self._current.day:
            raise DomainError("day", f"{day} is before the open day {self._current.day}")
        if self._closed is not None and day <= self._closed:
            raise DomainError("day", f"{day} is already closed (last closed day {self._closed})")
        return day

    def _day_for(self, day: dt.date) -> _Day:
        """The record of ``day`` (already checked); a still-open earlier day is closed first."""
        current = self._current
        if current is not None and day > current.day:
            self.close_day(current.day)
            current = None
        return current if current is not None else _Day(day)

    def record_transaction(
        self, day: dt.date, iml_before: Decimal | int | str, iml_after: Decimal | int | str, equity: Decimal | int | str
    ) -> Decimal:
        """Record an executed transaction's level before and after, and the equity after it. Returns the day's deficit
        so far (:func:`margin_rules.daytrading.day_deficit`)."""
        day = self._check_day(day)
        deficit = rules_dt.day_deficit([(iml_before, iml_after)])
        equity_value = _amount(equity, "equity")
        level = _amount(iml_after, "iml_after")
        record = self._day_for(day)
        self._update(record, deficit, equity_value)
        self._last_level = level
        self._deficits = list(rules_dt.satisfy_by_increase(self._deficits, day, level, self._net_deposits))
        return record.deficit

    def record_net_deposit(self, amount: Decimal | int | str) -> None:
        """Add a deposit (> 0) or a withdrawal (< 0) to the account's cumulative net deposits, from which
        :func:`margin_rules.daytrading.satisfy_by_increase` measures "net deposits" since each deficit's day (call it
        before :meth:`record_transaction` of the transfer)."""
        value = _amount(amount, "amount")
        with exact():
            self._net_deposits = self._net_deposits + value

    def record_unordered(
        self,
        day: dt.date,
        start_level: Decimal | int | str,
        deltas: Iterable[Decimal | int | str],
        equity: Decimal | int | str,
    ) -> Decimal:
        """Record a batch of transactions of unknown order, from ``start_level`` with each transaction's effect on the
        level, assuming the order that gives the largest deficit
        (:func:`margin_rules.daytrading.worst_order_deficit`). Returns the day's deficit so far."""
        day = self._check_day(day)
        if isinstance(deltas, (str, bytes)):
            raise InvalidTypeError("deltas", "must be an iterable of level changes")
        values = list(deltas)
        deficit = rules_dt.worst_order_deficit(start_level, values)
        equity_value = _amount(equity, "equity")
        record = self._day_for(day)
        self._update(record, deficit, equity_value, len(values))
        return record.deficit

    def _update(self, record: _Day, deficit: Decimal, equity: Decimal, count: int = 1) -> None:
        if deficit > record.deficit:
            record.deficit = deficit
            record.equity = equity
        record.transactions += count
        self._current = record

    def day_deficit(self, day: dt.date) -> Decimal:
        """The deficit of ``day`` so far (the open day) or as closed (a past day); 0 when there is none."""
        day = calendar.check_date(day, "day")
        if self._current is not None and self._current.day == day:
            return self._current.deficit
        for deficit in self._deficits:
            if deficit.day == day:
                return deficit.amount
        return ZERO

    # --- at the close and after -----------------------------------------------------------------------------------

    def close_day(self, day: dt.date, level: Decimal | int | str | None = None) -> IntradayDeficit | None:
        """Close business ``day``: record its deficit (if any) with its deadlines
        (:func:`margin_rules.live.calendar.intraday_deficit_deadlines`) and apply the practice rule. Returns the new
        deficit or None. Closing a day without transactions is allowed (it only advances the practice rule)."""
        day = self._check_day(day)
        current = self._current
        if current is not None and current.day != day:
            raise DomainError("day", f"the open day is {current.day}, not {day}")
        close_level = self._last_level if level is None else _amount(level, "level")
        result: IntradayDeficit | None = None
        if current is not None and current.deficit > ZERO:
            fifth, fifteenth = calendar.intraday_deficit_deadlines(day)
            equity = current.equity if current.equity is not None else ZERO
            result = rules_dt.new_intraday_deficit(
                day, current.deficit, equity, fifth, fifteenth, close_level, self._net_deposits
            )
            self._deficits.append(result)
        self._current = None
        self._closed = day
        self.advance(day)
        return result

    def satisfy(self, day: dt.date, amount: Decimal | int | str) -> Decimal:
        """Apply a deposit or other increase of the level made on ``day`` to outstanding deficits, oldest first
        (:func:`margin_rules.daytrading.satisfy_deficits`). Returns the part not used."""
        day = calendar.check_date(day, "day")
        self.advance(day)
        updated, left = rules_dt.satisfy_deficits(self._deficits, amount, day)
        self._deficits = list(updated)
        return left

    def advance(self, today: dt.date) -> None:
        """Apply the practice rule as of ``today`` (FINRA 4210(d)(2), :func:`margin_rules.daytrading.miss_consequence`):
        a deficit that missed its 5th business day counts toward a practice unless de minimis; when the misses make a
        practice (or, under the literal de minimis reading, a de minimis miss by a customer already making one), the
        account is restricted for 90 calendar days from the day after that 5th business day, or until that deficit is
        satisfied (:func:`margin_rules.daytrading.freeze_in_force`)."""
        today = calendar.check_date(today, "today")
        pending = sorted(
            (
                d
                for d in self._deficits
                if d.day not in self._evaluated and rules_dt.missed_fifth_business_day(d, today)
            ),
            key=lambda d: d.fifth_business_day,
        )
        for deficit in pending:
            self._evaluated.add(deficit.day)
            counts, restricts = rules_dt.miss_consequence(
                deficit, today, self._misses, self._practice, self._de_minimis
            )
            miss = deficit.fifth_business_day
            if counts:
                self._misses.append(miss)
            if restricts:
                start = miss + dt.timedelta(days=1)
                until = rules_dt.restriction_end(start, self._restriction_days)
                if self._restriction_until is None or until > self._restriction_until:
                    self._restriction_start = start
                    self._restriction_until = until
                    self._restriction_deficit = deficit.day

    def call_due(self, deficit: IntradayDeficit) -> dt.date:
        """The day the firm's call for ``deficit`` is due: its ``due_business_days``-th business day (the rule's 5th
        by default; Alpaca publishes 2). A missed 5th business day is what counts toward a practice either way."""
        if not isinstance(deficit, IntradayDeficit):
            raise InvalidTypeError("deficit", "expected an IntradayDeficit")
        return calendar.add_business_days(deficit.day, self._due_business_days)

    def restricted(self, today: dt.date) -> bool:
        """Whether the 90-day restriction (no new or larger debit or short positions) covers ``today``: it started,
        has not run out, and the deficit that caused it is not satisfied (FINRA 4210(d)(2))."""
        today = calendar.check_date(today, "today")
        self.advance(today)
        if self._restriction_start is None:
            return False
        cause = next((d for d in self._deficits if d.day == self._restriction_deficit), None)
        if cause is None:
            return rules_dt.restriction_active(self._restriction_start, today, self._restriction_days)
        return rules_dt.freeze_in_force(self._restriction_start, today, cause, self._restriction_days)

    @property
    def restriction_until(self) -> dt.date | None:
        """The first day after the latest restriction (exclusive end), or None if never restricted."""
        return self._restriction_until

    @property
    def deficits(self) -> tuple[IntradayDeficit, ...]:
        """Every closed deficit, oldest first."""
        return tuple(self._deficits)

    @property
    def misses(self) -> tuple[dt.date, ...]:
        """The 5th business days missed by non-de-minimis deficits (the practice count's input)."""
        return tuple(self._misses)

    def status(self, deficit: IntradayDeficit, today: dt.date) -> DeficitStatus:
        """:func:`margin_rules.daytrading.deficit_status` of one deficit."""
        return rules_dt.deficit_status(deficit, today)

    def outstanding(self, today: dt.date) -> tuple[IntradayDeficit, ...]:
        """Deficits still outstanding on ``today``: unsatisfied and not past their 15th business day."""
        today = calendar.check_date(today, "today")
        self.advance(today)
        return tuple(
            d
            for d in self._deficits
            if rules_dt.deficit_status(d, today) in (DeficitStatus.OUTSTANDING, DeficitStatus.PAST_FIFTH)
        )

    def expired(self, today: dt.date) -> tuple[IntradayDeficit, ...]:
        """Deficits unsatisfied at the close of their 15th business day (the firm must act on them)."""
        today = calendar.check_date(today, "today")
        return tuple(d for d in self._deficits if rules_dt.deficit_status(d, today) is DeficitStatus.EXPIRED)


# =====================================================================================================================
# Adapters for MarginAccount (structurally implement margin_rules.live.account.DayTradingHooks)
# =====================================================================================================================


def _level(figures: Figures) -> Decimal:
    return rules_dt.intraday_margin_level(figures.equity, figures.maintenance)


class LegacyPdtHooks:
    """The legacy regime for :class:`~margin_rules.live.account.MarginAccount` (its ``DayTradingHooks`` protocol),
    over a :class:`PatternDayTradeTracker`. Called under the account's lock; sessions must be NYSE business days.

    * ``restriction``: "dt_call_unmet" (cash-available basis for 90 days, 4210(f)(8)(B)(iv)(c)) and, under the house
      option ``PdtEquityPolicy.CASH_BASIS``, "pdt_equity" (a pattern day trader under $25,000), else None. The account
      then applies the restricted-account check (no new or larger debit or short), not cash mode.
    * ``order_refusal``: by default a pattern day trader under $25,000 keeps Reg T margin and is refused the order
      that would complete a day trade (4210(f)(8)(B)(iv)(a), :func:`margin_rules.daytrading.day_trade_barred`).
    * ``mode``: LEGACY_DAY_TRADING for a pattern day trader (also while a call is open), else the base mode.
    * ``day_trading_limit``: in LEGACY_DAY_TRADING, the day-trading buying power in force (2x while a call is open,
      4210(f)(8)(B)(iv)(b)) against the full one, and what the day's executed opening trades used of it
      (:func:`margin_rules.daytrading.legacy_budget_use` over :class:`~margin_rules.daytrading.DayTradingBudget`):
      the budget is for the day, so a filled order does not hand its budget back
      (:class:`~margin_rules.order_check.DayTradingLimit`).
    * ``on_fill`` counts day trades and advances the day's budget
      (:func:`margin_rules.daytrading.budget_after_fill`, with the fill's price); ``end_of_day`` issues the
      day-trading call of the day (:func:`margin_rules.daytrading.day_trading_call_for_day`: the requirement of the
      day's day trades less the prior-close maintenance excess); ``on_transfer`` applies deposits to open calls.
    """

    def __init__(self, rules: RuleSet, tracker: PatternDayTradeTracker | None = None) -> None:
        if not isinstance(rules, RuleSet):
            raise InvalidTypeError("rules", "expected a RuleSet")
        self._rules = rules
        self.tracker = tracker if tracker is not None else PatternDayTradeTracker(rules)
        self._session: dt.date | None = None
        self._budget_day: dt.date | None = None
        self._budget = rules_dt.start_budget()

    def _basis(self, figures: Figures) -> LegacyBasis | None:
        if self._session is None:
            return None
        return self.tracker.basis(self._session, figures.equity)

    @property
    def budget(self) -> DayTradingBudget:
        """The current session's use of day-trading buying power."""
        return self._budget if self._budget_day == self._session else rules_dt.start_budget()

    def restriction(self, figures: Figures) -> str | None:
        basis = self._basis(figures)
        if basis is None or not rules_dt.legacy_restricted(basis, self._rules):
            return None
        if basis is LegacyBasis.EQUITY_RESTRICTED:
            return "pdt_equity: pattern day trader under the minimum equity, cash basis (house option, 4210(f)(8)(B))"
        return "dt_call_unmet: day-trading call unmet after 5 business days (FINRA 4210(f)(8)(B)(iv)(c))"

    def order_refusal(self, figures: Figures, symbol: str, side: Side, quantity: Decimal) -> str | None:
        basis = self._basis(figures)
        session = self._session
        if basis is not LegacyBasis.EQUITY_RESTRICTED or session is None or not calendar.is_business_day(session):
            return None
        completes = self.tracker.would_be_day_trade(session, symbol, side, quantity)
        if rules_dt.day_trade_barred(basis, self._rules, completes):
            return (
                "pattern day trader under the $25,000 minimum equity: the order would complete a day trade "
                "(FINRA 4210(f)(8)(B)(iv)(a))"
            )
        return None

    def mode(self, base: Mode, figures: Figures) -> Mode:
        basis = self._basis(figures)
        if base is not Mode.CASH and basis in (LegacyBasis.DAY_TRADING, LegacyBasis.DAY_TRADING_CALL):
            return Mode.LEGACY_DAY_TRADING
        return base

    def _call_open(self, session: dt.date) -> bool:
        return any(c.state(session) is DayTradingCallState.OPEN for c in self.tracker.calls)

    def day_trading_limit(self, figures: Figures) -> DayTradingLimit | None:
        """In LEGACY_DAY_TRADING (basis DAY_TRADING or DAY_TRADING_CALL): the day-trading buying power in force
        (:meth:`PatternDayTradeTracker.buying_power`, 2x the prior-close maintenance excess while a call is open)
        against the full one (:func:`margin_rules.daytrading.legacy_day_trading_buying_power`, 4x), with the day's
        use (:func:`margin_rules.daytrading.legacy_budget_use`); None otherwise or without prior-close figures."""
        session = self._session
        if session is None or self._basis(figures) not in (LegacyBasis.DAY_TRADING, LegacyBasis.DAY_TRADING_CALL):
            return None
        if figures.prior_equity is None or figures.prior_maintenance is None:
            return None
        in_force = self.tracker.buying_power(session, figures.prior_equity, figures.prior_maintenance)
        full = rules_dt.legacy_day_trading_buying_power(self._rules, figures.prior_equity, figures.prior_maintenance)
        used, _ = rules_dt.legacy_budget_use(self._rules, self.budget, self._call_open(session))
        return DayTradingLimit(min(in_force, full), full, used)

    def start(self, session: dt.date) -> None:
        self._session = calendar.check_date(session, "session")

    def check_transaction(self, before: Figures, after: Figures, kind: str) -> str | None:
        return None

    def on_fill(
        self,
        session: dt.date,
        symbol: str,
        side: Side,
        quantity: Decimal,
        before: Figures,
        after: Figures,
        *,
        price: Decimal | None = None,
        marginable: bool = True,
        leverage: Decimal = Decimal(1),
        position_before: Decimal | None = None,
    ) -> None:
        budget = self.budget if self._budget_day == session else rules_dt.start_budget()
        name = symbol.strip().upper()
        if position_before is not None and name not in budget.lots and name not in budget.overnight:
            # The symbol's first fill of the day: what is held now was held overnight.
            budget = replace(budget, overnight={**budget.overnight, name: position_before})
        if price is not None:
            budget = rules_dt.budget_after_fill(budget, self._rules, name, side, quantity, price, marginable, leverage)
        if position_before is not None:
            self.tracker.note_overnight(session, symbol, position_before)
        self.tracker.record_execution(session, symbol, side, quantity)
        self._session = session
        self._budget_day = session
        self._budget = budget

    def on_transfer(self, session: dt.date, amount: Decimal, before: Figures, after: Figures) -> None:
        self._session = calendar.check_date(session, "session")
        if amount > ZERO:
            self.tracker.meet_calls(session, amount)

    def end_of_day(self, session: dt.date, next_session: dt.date, figures: Figures) -> None:
        if (
            self._budget_day == session
            and figures.prior_equity is not None
            and figures.prior_maintenance is not None
            and self.tracker.is_pattern_day_trader(session)
        ):
            budget = self._budget
            amount = rules_dt.day_trading_call_for_day(
                self._rules, budget, figures.prior_equity, figures.prior_maintenance, self._call_open(session)
            )
            if amount > ZERO:
                self.tracker.issue_call(session, figures.prior_equity, figures.prior_maintenance, budget.day_traded)
        self._session = calendar.check_date(next_session, "next_session")
        self._budget_day = None
        self._budget = rules_dt.start_budget()

    def state(self) -> Mapping[str, Any]:
        t = self.tracker
        day = self._session
        return {
            "session": day,
            "current_day": t.current_day,
            "designated_on": t.designated_on,
            "window": t.window_counts(day) if day is not None and calendar.is_business_day(day) else None,
            "calls": t.calls,
            "budget": self.budget,
        }


class IntradayMarginHooks:
    """The intraday margin standard for :class:`~margin_rules.live.account.MarginAccount` (its ``DayTradingHooks``
    protocol), over an :class:`IntradayMarginTracker`. Called under the account's lock; sessions must be NYSE business
    days.

    * ``check_transaction``: in REAL_TIME mode, "intraday_deficit" when the transaction would create or increase a
      deficit (levels from :func:`margin_rules.daytrading.intraday_margin_level` of the figures), else None.
    * ``on_fill`` / ``on_transfer`` record every transaction's level before and after (withdrawals included); deposits
      satisfy closed deficits; ``end_of_day`` closes the session's deficit with its deadlines.
    * ``restriction``: "intraday_practice" during the 90-day restriction (until it runs out or its deficit is
      satisfied), else None. The account then applies the restricted-account check
      (:func:`margin_rules.restrictions.restricted_order_decision`): an opening purchase must be paid from the cash
      net of short-sale proceeds and of open orders (no debit is created or increased), every opening short sale is
      refused, closing orders stay allowed; refusal ``restricted_account``. It is not cash mode.
    * deficits are satisfied by net deposits or any increase of the intraday margin level from the end of the deficit
      day (:func:`margin_rules.daytrading.satisfy_by_increase`; a sale counts), from every fill and transfer.
    * ``mode``: the base mode in REAL_TIME. In END_OF_DAY mode FINRA 4210(d)(2) lets the firm determine the day's
      deficit at the close instead of preventing the transactions that create it, so the intraday margin level is
      not a pre-trade budget: an INTRADAY base becomes REG_T, the ordinary Reg T check of each opening order against
      equity - initial requirement (Reg T 220.12, 220.4(c)(1); FINRA 4210(b)(1) initial and $2,000 minimum), with
      the withdrawal rule (220.4(e), 4210(b)) unchanged. ``check_transaction`` never blocks, and every transaction's
      level is still recorded (the account applies fills one at a time, in order, so the order is known; batches of
      unknown order go through :meth:`IntradayMarginTracker.record_unordered`, worst order).
    """

    def __init__(self, rules: RuleSet, tracker: IntradayMarginTracker | None = None) -> None:
        if not isinstance(rules, RuleSet):
            raise InvalidTypeError("rules", "expected a RuleSet")
        self.tracker = (
            tracker
            if tracker is not None
            else IntradayMarginTracker(
                practice=rules_dt.practice_rule(rules),
                de_minimis=rules.day_trading.de_minimis,
                due_business_days=rules.day_trading.deficit_due_business_days,
            )
        )
        self._session: dt.date | None = None

    def restriction(self, figures: Figures) -> str | None:
        if self._session is not None and self.tracker.restricted(self._session):
            return (
                "intraday_practice: 90-day restriction from new or larger debit or short positions (FINRA 4210(d)(2))"
            )
        return None

    def mode(self, base: Mode, figures: Figures) -> Mode:
        if base is Mode.INTRADAY and self.tracker.mode is IntradayMode.END_OF_DAY:
            return Mode.REG_T
        return base

    def day_trading_limit(self, figures: Figures) -> DayTradingLimit | None:
        return None

    def start(self, session: dt.date) -> None:
        self._session = calendar.check_date(session, "session")

    def check_transaction(self, before: Figures, after: Figures, kind: str) -> str | None:
        if self.tracker.would_block(_level(before), _level(after)):
            return (
                f"intraday_deficit: the {kind} would create or increase an intraday margin deficit (FINRA 4210(d)(2))"
            )
        return None

    def order_refusal(self, figures: Figures, symbol: str, side: Side, quantity: Decimal) -> str | None:
        return None

    def on_fill(
        self,
        session: dt.date,
        symbol: str,
        side: Side,
        quantity: Decimal,
        before: Figures,
        after: Figures,
        *,
        price: Decimal | None = None,
        marginable: bool = True,
        leverage: Decimal = Decimal(1),
        position_before: Decimal | None = None,
    ) -> None:
        self.tracker.record_transaction(session, _level(before), _level(after), after.equity)
        self._session = session

    def on_transfer(self, session: dt.date, amount: Decimal, before: Figures, after: Figures) -> None:
        # Net deposits and the level both count (FINRA 4210(d)(2)); satisfy_by_increase takes the larger.
        self.tracker.record_net_deposit(amount)
        self.tracker.record_transaction(session, _level(before), _level(after), after.equity)
        self._session = session

    def end_of_day(self, session: dt.date, next_session: dt.date, figures: Figures) -> None:
        self.tracker.close_day(session, _level(figures))
        self._session = calendar.check_date(next_session, "next_session")
        self.tracker.advance(self._session)

    def state(self) -> Mapping[str, Any]:
        t = self.tracker
        return {
            "session": self._session,
            "deficits": t.deficits,
            "misses": t.misses,
            "restriction_until": t.restriction_until,
        }
