"""NYSE business days, settlement days, settlement dates and the due dates of the margin rules: two calendars.

A *business day* is a day the New York Stock Exchange is open: Monday to Friday, except the NYSE holidays and special
closures (national days of mourning, Hurricane Sandy, ...) as maintained by the ``holidays`` package
(``holidays.financial_holidays("NYSE")``). Early-close days (the day after Thanksgiving, Christmas Eve, July 3) are
business days. FINRA 4210(f)(8)(B) and 4210(d)(2) count "business days" in exchange trading days (rulebook 6b), and so
does the Reg T payment period: Columbus Day and Veterans Day "will be considered a business day for receiving
customers' payments under Regulation T" (FINRA Notice to Members 95-77, 99-83; FINRA's Extensions of Time Filing
Schedule: the Reg T extension date is "the 3rd business day after the trade date").

A *settlement day* is a business day on which the banks are open too: settlement skips the Federal Reserve Banks'
holidays as well as the NYSE closures, so Columbus Day and Veterans Day (exchanges open, banks closed) are business days
but not settlement days (NtM 95-77: "it will not be a settlement date because many of the nation's banking
institutions will be closed"). The bank calendar is the Federal Reserve's, from the same package
(``holidays.financial_holidays("XFED")``: a Sunday holiday is observed on Monday, a Saturday holiday is not moved, the
Reserve Banks being open the Friday before). The package's Federal Reserve calendar starts in 1999
(:data:`SETTLEMENT_MIN_YEAR`): settlement days before it are refused with a typed error rather than guessed.

* :func:`settlement_date` counts the settlement cycle (SEC Rule 15c6-1: T+1 since 2024-05-28) in settlement days after
  the trade date (a trade made on Columbus Day settles with the previous business day's trades, NtM 95-77);
* :func:`regt_call_due_date` (= :func:`payment_due_date`) counts one Reg T payment period (220.2: the settlement cycle
  plus two business days) in *business days* after the trade date: T+3 under T+1. It is not "settlement date + 2": for
  a trade on the Friday before Columbus Day 2024 (Oct 11) settlement is Tue Oct 15 but the Reg T date is Wed Oct 16.

This module is part of the stateful shell (:mod:`margin_rules.live`): the pure rules of :mod:`margin_rules.daytrading`
never read a calendar; the trackers in :mod:`margin_rules.live.daytrading` compute dates here and pass them in.
Nothing here reads the clock except :func:`exchange_today`, the default "today" of
:class:`~margin_rules.live.account.MarginAccount` (injectable there); every other function takes the date it works
from.

Conventions:

* ``add_business_days(d, n)``: the n-th business day after ``d`` (before it for negative ``n``); ``d`` itself need
  not be a business day; ``n == 0`` returns ``d`` unchanged.
* ``business_days_between(a, b)``: the number of business days ``x`` with ``a < x <= b`` (when ``b < a``: minus the
  number with ``b <= x < a``), the inverse of :func:`add_business_days`.
* Deadlines ("the 5th business day") count business days *after* the day the event arose: a deficit of Monday
  2026-11-23 has its 5th business day on Tuesday 2026-12-01 (Thanksgiving is skipped).

Thread safety: the functions are pure apart from a per-year cache of the holiday set, which is safe to share.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo

from margin_rules.errors import DomainError, InvalidTypeError, MissingExtraError

try:
    import holidays
except ModuleNotFoundError as _missing:  # the core works without it; the live shell needs NYSE business days
    raise MissingExtraError("margin_rules.live", "account", _missing.name) from None

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2199
"""Supported years (the ``holidays`` NYSE calendar starts in 1863; rules are only modelled for modern dates)."""

MAX_STEP: Final = 100_000
"""Largest business-day offset accepted by :func:`add_business_days` (about 400 years)."""

TRADING_WINDOW_DAYS: Final = 5
"""FINRA 4210(f)(8)(B)(ii): the pattern-day-trader window is five business days."""

T_PLUS_1_SINCE: Final = dt.date(2024, 5, 28)
"""SEC Rule 15c6-1 as amended (Release 34-96930): regular-way settlement is T+1 for trades from 2024-05-28."""

T_PLUS_2_SINCE: Final = dt.date(2017, 9, 5)
"""SEC Rule 15c6-1 as amended (Release 34-80295): T+2 for trades from 2017-09-05 (T+3 before)."""

REG_T_EXTRA_DAYS: Final = 2
"""Reg T 220.2 "payment period": the standard settlement cycle plus two business days (rulebook section 5)."""

SETTLEMENT_MIN_YEAR: Final = 1999
"""First year of the ``holidays`` package's Federal Reserve calendar (XFED): settlement days are known from here."""

BANK_CALENDAR: Final = "XFED"
"""The ``holidays`` financial calendar of the Federal Reserve Banks' holidays (bank holidays that stop settlement)."""

INTRADAY_FIRST_DEADLINE: Final = 5
"""FINRA 4210(d)(2): the 5th business day, after which an unsatisfied deficit counts toward a "practice"."""

INTRADAY_FINAL_DEADLINE: Final = 15
"""FINRA 4210(d)(2): a deficit stays outstanding until satisfied or close of business on the 15th business day."""

EXCHANGE_TIMEZONE: Final = ZoneInfo("America/New_York")
"""The NYSE's time zone: a trade date is a New York date."""

DAY_TRADING_CALL_DAYS: Final = 5
"""FINRA 4210(f)(8)(B)(iv)(b): a day-trading margin call unmet after 5 business days restricts the account."""


def exchange_today(now: dt.datetime | None = None) -> dt.date:
    """The current date in New York (the exchange's trade date, not the machine's local date); ``now`` (an aware
    datetime) is read instead of the clock when given. May be a weekend or holiday: use
    :func:`business_day_on_or_after` for a session."""
    if now is None:
        return dt.datetime.now(EXCHANGE_TIMEZONE).date()
    if not isinstance(now, dt.datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise InvalidTypeError("now", "an aware datetime.datetime")
    return now.astimezone(EXCHANGE_TIMEZONE).date()


def check_date(value: object, field: str) -> dt.date:
    """``value`` if it is a ``datetime.date`` (not a ``datetime``) within the supported years, else a typed error."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(field, f"expected a datetime.date (a calendar day), got {type(value).__name__}")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DomainError(field, f"{value} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")
    return value


def _check_int(value: object, field: str, bound: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(field, f"expected an int, got {type(value).__name__}")
    if abs(value) > bound:
        raise DomainError(field, f"{value} exceeds the supported magnitude {bound}")
    return value


@lru_cache(maxsize=512)
def _closures(year: int) -> frozenset[dt.date]:
    """The NYSE full-day closures falling in ``year`` (observed dates; neighbouring years consulted for observance)."""
    table = holidays.financial_holidays("NYSE", years=(year - 1, year, year + 1))
    return frozenset(day for day in table if day.year == year)


@lru_cache(maxsize=512)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    """The Federal Reserve Banks' holidays falling in ``year`` (observed dates), from ``holidays``' XFED calendar."""
    table = holidays.financial_holidays(BANK_CALENDAR, years=(year - 1, year, year + 1))
    return frozenset(day for day in table if day.year == year)


def _check_settlement_year(day: dt.date, field: str) -> None:
    if day.year < SETTLEMENT_MIN_YEAR:
        raise DomainError(
            field,
            f"{day} is before {SETTLEMENT_MIN_YEAR}, the first year of the Federal Reserve holiday calendar: "
            "its settlement days are not known",
        )


def _is_settlement_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _closures(day.year) and day not in _bank_holidays(day.year)


def holiday_name(day: dt.date) -> str | None:
    """The name of the NYSE closure on ``day`` (None when the exchange is not closed for a holiday that day)."""
    day = check_date(day, "day")
    if day not in _closures(day.year):
        return None
    table = holidays.financial_holidays("NYSE", years=day.year)
    name = table.get(day)
    return str(name) if name is not None else "NYSE closure"


def is_business_day(day: dt.date) -> bool:
    """True when the NYSE is open on ``day``: a weekday that is not an NYSE holiday (early closes are open days)."""
    day = check_date(day, "day")
    return day.weekday() < 5 and day not in _closures(day.year)


def _step(day: dt.date, direction: int) -> dt.date:
    candidate = day + dt.timedelta(days=direction)
    while not (candidate.weekday() < 5 and candidate not in _closures(candidate.year)):
        candidate += dt.timedelta(days=direction)
    if not MIN_YEAR <= candidate.year <= MAX_YEAR:
        raise DomainError("day", f"{candidate} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")
    return candidate


def next_business_day(day: dt.date) -> dt.date:
    """The first business day strictly after ``day``."""
    return _step(check_date(day, "day"), 1)


def previous_business_day(day: dt.date) -> dt.date:
    """The last business day strictly before ``day``."""
    return _step(check_date(day, "day"), -1)


def business_day_on_or_before(day: dt.date) -> dt.date:
    """``day`` if it is a business day, else the last business day before it."""
    return day if is_business_day(day) else previous_business_day(day)


def business_day_on_or_after(day: dt.date) -> dt.date:
    """``day`` if it is a business day, else the first business day after it."""
    return day if is_business_day(day) else next_business_day(day)


def add_business_days(day: dt.date, n: int) -> dt.date:
    """The ``n``-th business day after ``day`` (``n`` > 0), before it (``n`` < 0), or ``day`` itself (``n`` == 0)."""
    result = check_date(day, "day")
    count = _check_int(n, "n", MAX_STEP)
    direction = 1 if count > 0 else -1
    for _ in range(abs(count)):
        result = _step(result, direction)
    return result


def business_days_between(start: dt.date, end: dt.date) -> int:
    """The number of business days ``x`` with ``start < x <= end``; when ``end < start``, minus the number with
    ``end <= x < start``. So ``add_business_days(start, business_days_between(start, end)) == end`` for every business
    day ``end``, and ``business_days_between(start, add_business_days(start, n)) == n`` for every ``start``."""
    start = check_date(start, "start")
    end = check_date(end, "end")
    if end < start:
        count = 0
        day = start
        while True:
            day = _step(day, -1)
            if day < end:
                return -count
            count += 1
    count = 0
    day = start
    while True:
        day = _step(day, 1)
        if day > end:
            return count
        count += 1


def business_day_window(end: dt.date, days: int = TRADING_WINDOW_DAYS) -> tuple[dt.date, ...]:
    """The ``days`` business days ending on ``end`` (inclusive; oldest first). ``end`` must be a business day.

    FINRA 4210(f)(8)(B)(ii): the pattern-day-trader test looks at "any five business days"; the rolling window of a
    day is that day and the four business days before it.
    """
    end = check_date(end, "end")
    width = _check_int(days, "days", MAX_STEP)
    if width < 1:
        raise DomainError("days", f"a window holds at least one business day (got {width})")
    if not is_business_day(end):
        raise DomainError("end", f"{end} is not an NYSE business day")
    window = [end]
    for _ in range(width - 1):
        window.append(_step(window[-1], -1))
    return tuple(reversed(window))


def window_start(end: dt.date, days: int = TRADING_WINDOW_DAYS) -> dt.date:
    """The first (oldest) business day of the ``days``-business-day window ending on ``end``."""
    return business_day_window(end, days)[0]


def bank_holiday_name(day: dt.date) -> str | None:
    """The name of the Federal Reserve holiday on ``day`` (None when the Reserve Banks are open that day, or it is a
    weekend day). Refused before :data:`SETTLEMENT_MIN_YEAR`."""
    day = check_date(day, "day")
    _check_settlement_year(day, "day")
    if day not in _bank_holidays(day.year):
        return None
    name = holidays.financial_holidays(BANK_CALENDAR, years=day.year).get(day)
    return str(name) if name is not None else "Federal Reserve holiday"


def is_settlement_day(day: dt.date) -> bool:
    """True when trades settle on ``day``: an NYSE business day that is not a Federal Reserve holiday (Columbus Day
    and Veterans Day are business days but not settlement days; NtM 95-77). Refused before
    :data:`SETTLEMENT_MIN_YEAR`."""
    day = check_date(day, "day")
    _check_settlement_year(day, "day")
    return _is_settlement_day(day)


def _settlement_step(day: dt.date, direction: int) -> dt.date:
    candidate = day + dt.timedelta(days=direction)
    while True:
        if not MIN_YEAR <= candidate.year <= MAX_YEAR:
            raise DomainError("day", f"{candidate} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")
        _check_settlement_year(candidate, "day")
        if _is_settlement_day(candidate):
            return candidate
        candidate += dt.timedelta(days=direction)


def next_settlement_day(day: dt.date) -> dt.date:
    """The first settlement day strictly after ``day``."""
    return _settlement_step(check_date(day, "day"), 1)


def previous_settlement_day(day: dt.date) -> dt.date:
    """The last settlement day strictly before ``day``."""
    return _settlement_step(check_date(day, "day"), -1)


def add_settlement_days(day: dt.date, n: int) -> dt.date:
    """The ``n``-th settlement day after ``day`` (``n`` > 0), before it (``n`` < 0), or ``day`` itself (``n`` == 0);
    ``day`` need not be a settlement day (a trade on Columbus Day counts from that day)."""
    result = check_date(day, "day")
    count = _check_int(n, "n", MAX_STEP)
    direction = 1 if count > 0 else -1
    for _ in range(abs(count)):
        result = _settlement_step(result, direction)
    return result


def settlement_cycle(trade_date: dt.date) -> int:
    """Business days from trade to regular-way settlement: 1 from 2024-05-28, 2 from 2017-09-05, 3 before
    (SEC Rule 15c6-1)."""
    trade_date = check_date(trade_date, "trade_date")
    if trade_date >= T_PLUS_1_SINCE:
        return 1
    if trade_date >= T_PLUS_2_SINCE:
        return 2
    return 3


def settlement_date(trade_date: dt.date) -> dt.date:
    """Regular-way settlement date of a trade: the settlement cycle (T+1 since 2024-05-28, SEC Rule 15c6-1) counted in
    *settlement days* (NYSE open and the Federal Reserve Banks open) after the trade date. ``trade_date`` must be an
    NYSE business day (it may be a bank holiday: trades of Columbus Day settle with the previous day's, NtM 95-77)."""
    trade_date = check_date(trade_date, "trade_date")
    if not is_business_day(trade_date):
        raise DomainError("trade_date", f"{trade_date} is not an NYSE business day")
    return add_settlement_days(trade_date, settlement_cycle(trade_date))


def payment_period(trade_date: dt.date) -> int:
    """Reg T 220.2 "payment period" of a trade, in business days: the settlement cycle plus two (3 under T+1, 4 under
    T+2, 5 under T+3 as in NtM 95-77's "five business days of the date of purchase")."""
    return settlement_cycle(trade_date) + REG_T_EXTRA_DAYS


def payment_due_date(trade_date: dt.date) -> dt.date:
    """The last day of the Reg T payment period of a trade: one payment period counted in NYSE *business days* after
    the trade date (Reg T 220.4(c)(3) margin calls, 220.8(b)(1) full cash payment in a cash account; NtM 95-77's
    "Reg. T Date" column). Bank holidays on which the exchange is open count (NtM 95-77: Columbus Day "is considered a
    business day for receiving customers' payments under Regulation T"). ``trade_date`` must be a business day."""
    trade_date = check_date(trade_date, "trade_date")
    if not is_business_day(trade_date):
        raise DomainError("trade_date", f"{trade_date} is not an NYSE business day")
    return add_business_days(trade_date, payment_period(trade_date))


def regt_call_due_date(trade_date: dt.date) -> dt.date:
    """Due date of a Reg T call arising from a trade: one payment period after the TRADE DATE on the Reg T (business
    day) calendar, T+3 under T+1 (Reg T 220.2 "payment period", 220.4(c)(3); rulebook section 5). Not the settlement
    date plus two: settlement skips bank holidays that the payment period counts (the old "settlement + 2 on the NYSE
    calendar" gave the right date only because the settlement date was also counted on the NYSE calendar)."""
    return payment_due_date(trade_date)


def intraday_deficit_deadlines(deficit_day: dt.date) -> tuple[dt.date, dt.date]:
    """The (5th, 15th) business days after the day an intraday margin deficit arose (FINRA 4210(d)(2)).

    By close of business on the 5th the deficit must be satisfied or it counts toward a "practice"; after the 15th it
    is no longer outstanding.
    """
    deficit_day = check_date(deficit_day, "deficit_day")
    fifth = add_business_days(deficit_day, INTRADAY_FIRST_DEADLINE)
    return fifth, add_business_days(fifth, INTRADAY_FINAL_DEADLINE - INTRADAY_FIRST_DEADLINE)


def day_trading_call_due_date(call_day: dt.date) -> dt.date:
    """The 5th business day after a day-trading margin call was issued (FINRA 4210(f)(8)(B)(iv)(b))."""
    return add_business_days(check_date(call_day, "call_day"), DAY_TRADING_CALL_DAYS)
