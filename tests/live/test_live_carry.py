"""The live account applies the day's carry at end of day through its journal (and replays it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as Fr
from pathlib import Path

import pytest

from margin_rules import finra
from margin_rules.carry import Dividend, accrue, alpaca_rates
from margin_rules.errors import InvalidTypeError
from margin_rules.live.account import MarginAccount
from margin_rules.live.journal import Journal
from margin_rules.model import Position

FRI, MON = dt.date(2026, 12, 4), dt.date(2026, 12, 7)


def test_end_of_day_posts_the_weekend_carry_through_the_journal(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite")
    account = MarginAccount(
        finra(), D(-36000), [Position("AAPL", 300, D(200)), Position("TSLA", -100, D(250))], session=FRI,
        journal=journal, day_trading=False,
    )  # fmt: skip
    account.end_of_day(MON, carry=alpaca_rates())
    # oracle: the 36,000 debit at 3.75% and 25,000 of TSLA at 2.5%, for 3 days (Fri, Sat, Sun) / 360
    oracle = -(Fr(36000) * Fr(375, 10000) + Fr(25000) * Fr(25, 1000)) * 3 / 360
    assert abs(Fr(account.snapshot().cash) - (-36000 + oracle)) < Fr(1, 10**9)
    kinds = [kind for _, kind, _ in journal.records()]
    assert kinds[-2:] == ["carry", "end_of_day"]
    restored = MarginAccount.restore(Journal(tmp_path / "j.sqlite"), finra(), day_trading=False)
    assert restored.snapshot() == account.snapshot()


def test_dividend_statement_credits_cash_and_sma() -> None:
    account = MarginAccount(finra(), D(1000), [Position("KO", 100, D(60))], session=FRI, day_trading=False)
    sma = account.snapshot().sma
    statement = accrue(account.snapshot(), alpaca_rates(), FRI, MON, dividends=[Dividend("KO", FRI, D("0.51"))])
    account.apply_carry(statement)
    assert account.snapshot().cash == D("1051.00")
    assert account.snapshot().sma == sma + D("51.00")


def test_refused_statement_changes_nothing() -> None:
    account = MarginAccount(finra(), D(1000), session=FRI, day_trading=False)
    before = account.snapshot()
    with pytest.raises(InvalidTypeError):
        account.apply_carry("not a statement")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        account.end_of_day(MON, carry="alpaca")  # type: ignore[arg-type]
    assert account.snapshot() == before and account.session == FRI
