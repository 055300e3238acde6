"""NYSE business days (margin_rules.live.calendar): holidays, early closes, windows, settlement and due dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.live import calendar as cal

D = dt.date


# --- business days -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 11, 26),  # Thanksgiving
        D(2026, 12, 25),  # Christmas
        D(2027, 1, 1),  # New Year's Day
        D(2026, 4, 3),  # Good Friday 2026
        D(2027, 3, 26),  # Good Friday 2027
        D(2026, 6, 19),  # Juneteenth
        D(2027, 6, 18),  # Juneteenth 2027 observed (Saturday the 19th)
        D(2026, 7, 3),  # Independence Day observed (Saturday the 4th)
        D(2027, 12, 24),  # Christmas 2027 observed (Saturday the 25th)
        D(2025, 1, 9),  # national day of mourning (President Carter): a special closure
    ],
)
def test_nyse_holidays_are_not_business_days(day: dt.date) -> None:
    assert day.weekday() < 5
    assert not cal.is_business_day(day)
    assert cal.holiday_name(day) is not None


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 11, 27),  # day after Thanksgiving: early close (13:00), still a business day
        D(2026, 12, 24),  # Christmas Eve: early close
        D(2027, 7, 2),  # Friday before observed Independence Day
        D(2021, 12, 31),  # New Year 2022 fell on a Saturday: NYSE does not observe it on Friday
        D(2026, 4, 6),  # Easter Monday is not an NYSE holiday
    ],
)
def test_early_closes_and_ordinary_days_are_business_days(day: dt.date) -> None:
    assert cal.is_business_day(day)
    assert cal.holiday_name(day) is None


def test_weekends_are_not_business_days() -> None:
    assert not cal.is_business_day(D(2026, 11, 28))  # Saturday
    assert not cal.is_business_day(D(2026, 11, 29))  # Sunday
    assert cal.is_business_day(D(2026, 11, 30))  # Monday


def test_next_and_previous_business_day_across_thanksgiving_and_year_end() -> None:
    assert cal.next_business_day(D(2026, 11, 25)) == D(2026, 11, 27)
    assert cal.previous_business_day(D(2026, 11, 27)) == D(2026, 11, 25)
    assert cal.next_business_day(D(2026, 12, 24)) == D(2026, 12, 28)
    assert cal.next_business_day(D(2026, 12, 31)) == D(2027, 1, 4)
    assert cal.previous_business_day(D(2027, 1, 4)) == D(2026, 12, 31)
    assert cal.next_business_day(D(2026, 4, 2)) == D(2026, 4, 6)  # over Good Friday and the weekend
    assert cal.next_business_day(D(2026, 6, 18)) == D(2026, 6, 22)  # over Juneteenth (Friday)


def test_on_or_before_and_after() -> None:
    assert cal.business_day_on_or_before(D(2026, 11, 26)) == D(2026, 11, 25)
    assert cal.business_day_on_or_after(D(2026, 11, 26)) == D(2026, 11, 27)
    assert cal.business_day_on_or_before(D(2026, 11, 27)) == D(2026, 11, 27)


def test_add_business_days() -> None:
    assert cal.add_business_days(D(2026, 11, 23), 5) == D(2026, 12, 1)  # Mon + 5 skips Thanksgiving and a weekend
    assert cal.add_business_days(D(2026, 12, 23), 3) == D(2026, 12, 29)  # 24, (25 closed), 28, 29
    assert cal.add_business_days(D(2026, 12, 30), 2) == D(2027, 1, 4)  # 31, (Jan 1 closed), Jan 4
    assert cal.add_business_days(D(2027, 1, 4), -2) == D(2026, 12, 30)
    assert cal.add_business_days(D(2026, 11, 26), 0) == D(2026, 11, 26)
    assert cal.add_business_days(D(2026, 11, 26), 1) == D(2026, 11, 27)  # from a holiday


def test_business_days_between() -> None:
    assert cal.business_days_between(D(2026, 11, 23), D(2026, 12, 1)) == 5
    assert cal.business_days_between(D(2026, 12, 1), D(2026, 11, 23)) == -5
    assert cal.business_days_between(D(2026, 12, 24), D(2027, 1, 4)) == 5  # Dec 28, 29, 30, 31 and Jan 4
    assert cal.business_days_between(D(2026, 12, 24), D(2027, 1, 5)) == 6
    assert cal.business_days_between(D(2026, 11, 26), D(2026, 11, 26)) == 0


def test_five_business_day_window() -> None:
    assert cal.business_day_window(D(2026, 12, 1)) == (
        D(2026, 11, 24),
        D(2026, 11, 25),
        D(2026, 11, 27),
        D(2026, 11, 30),
        D(2026, 12, 1),
    )
    assert cal.business_day_window(D(2027, 1, 5)) == (
        D(2026, 12, 29),
        D(2026, 12, 30),
        D(2026, 12, 31),
        D(2027, 1, 4),
        D(2027, 1, 5),
    )
    assert cal.window_start(D(2026, 11, 30)) == D(2026, 11, 23)
    with pytest.raises(DomainError):
        cal.business_day_window(D(2026, 11, 26))
    with pytest.raises(DomainError):
        cal.business_day_window(D(2026, 11, 27), days=0)


# --- settlement and due dates ------------------------------------------------------------------------------------


def test_settlement_cycles() -> None:
    assert cal.settlement_date(D(2026, 11, 25)) == D(2026, 11, 27)  # T+1 over Thanksgiving
    assert cal.settlement_date(D(2026, 12, 31)) == D(2027, 1, 4)
    assert cal.settlement_date(D(2024, 5, 28)) == D(2024, 5, 29)  # first T+1 trade date
    assert cal.settlement_date(D(2024, 5, 24)) == D(2024, 5, 29)  # last T+2 trade date, over Memorial Day
    assert cal.settlement_cycle(D(2017, 9, 1)) == 3
    assert cal.settlement_cycle(D(2017, 9, 5)) == 2
    with pytest.raises(DomainError):
        cal.settlement_date(D(2026, 11, 26))


def test_regt_call_due_date_is_three_business_days_after_the_trade_date() -> None:
    assert cal.regt_call_due_date(D(2026, 11, 24)) == D(2026, 11, 30)  # 25, 27 (early close), 30
    assert cal.regt_call_due_date(D(2026, 12, 23)) == D(2026, 12, 29)  # 24, then 28, 29
    assert cal.regt_call_due_date(D(2026, 12, 30)) == D(2027, 1, 5)  # 31, then Jan 4, 5


def test_intraday_deficit_deadlines_across_holidays() -> None:
    fifth, fifteenth = cal.intraday_deficit_deadlines(D(2026, 11, 23))
    assert fifth == D(2026, 12, 1)
    assert fifteenth == D(2026, 12, 15)
    fifth, fifteenth = cal.intraday_deficit_deadlines(D(2026, 12, 22))
    # 23, 24, (25), 28, 29, 30 -> 5th = Dec 30; 31, (Jan 1), 4, 5, 6, 7, 8, 11, 12, 13, 14 -> 15th = Jan 14
    assert fifth == D(2026, 12, 30)
    assert fifteenth == D(2027, 1, 14)
    assert cal.business_days_between(D(2026, 12, 22), fifteenth) == 15


def test_day_trading_call_due_date() -> None:
    assert cal.day_trading_call_due_date(D(2026, 11, 24)) == D(2026, 12, 2)  # 25, 27, 30, Dec 1, 2


# --- validation --------------------------------------------------------------------------------------------------


def test_bad_inputs_are_typed_errors() -> None:
    with pytest.raises(InvalidTypeError):
        cal.is_business_day(dt.datetime(2026, 11, 27, 10, 0))
    with pytest.raises(InvalidTypeError):
        cal.is_business_day("2026-11-27")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        cal.add_business_days(D(2026, 11, 27), 1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        cal.add_business_days(D(2026, 11, 27), True)
    with pytest.raises(DomainError):
        cal.is_business_day(D(1850, 1, 2))


# --- properties --------------------------------------------------------------------------------------------------

days = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(days, st.integers(min_value=-30, max_value=30))
def test_add_and_between_are_inverse(day: dt.date, n: int) -> None:
    target = cal.add_business_days(day, n)
    if n != 0:
        assert cal.is_business_day(target)
        assert cal.business_days_between(day, target) == n
    # compare with a naive count over the calendar days in between: (day, target] forwards, [target, day) backwards
    if target >= day:
        naive = sum(cal.is_business_day(day + dt.timedelta(days=k)) for k in range(1, (target - day).days + 1))
    else:
        naive = -sum(cal.is_business_day(target + dt.timedelta(days=k)) for k in range((day - target).days))
    assert cal.business_days_between(day, target) == naive


@settings(max_examples=100, deadline=None)
@given(days, days)
def test_between_matches_a_naive_count(a: dt.date, b: dt.date) -> None:
    if b >= a:
        naive = sum(cal.is_business_day(a + dt.timedelta(days=k)) for k in range(1, (b - a).days + 1))
    else:
        naive = -sum(cal.is_business_day(b + dt.timedelta(days=k)) for k in range((a - b).days))
    assert cal.business_days_between(a, b) == naive


@settings(max_examples=100, deadline=None)
@given(days)
def test_business_days_are_weekdays_outside_the_holiday_table(day: dt.date) -> None:
    import holidays

    table = holidays.financial_holidays("NYSE", years=day.year)
    assert cal.is_business_day(day) == (day.weekday() < 5 and day not in table)
