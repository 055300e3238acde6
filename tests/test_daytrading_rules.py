"""Pure day-trading rules (margin_rules.daytrading): FINRA 4210(f)(8)(B) and 4210(d)(2)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from margin_rules import daytrading as r
from margin_rules.buying_power import Mode
from margin_rules.daytrading import (
    DayTradingCallState,
    DeficitStatus,
    Execution,
    LegacyBasis,
    PracticeRule,
)
from margin_rules.errors import DomainError, FloatRefusedError, InvalidTypeError
from margin_rules.model import Side
from margin_rules.rulesets import finra

D = dt.date
B, S, SS = Side.BUY, Side.SELL, Side.SELL_SHORT


def ex(side: Side, qty: int | str, symbol: str = "XYZ") -> Execution:
    return Execution(symbol, side, Decimal(qty))


def count(executions: list[Execution], overnight: dict[str, int] | None = None) -> int:
    held = {k: Decimal(v) for k, v in (overnight or {}).items()}
    return r.count_day_trades(executions, held).day_trades


# =====================================================================================================================
# Day-trade counting, FINRA 4210(f)(8)(B)(i)
# =====================================================================================================================


def test_finra_examples() -> None:
    assert count([ex(B, 250), ex(B, 250), ex(S, 500)]) == 1  # size ignored
    assert count([ex(B, 100), ex(S, 100), ex(B, 100), ex(S, 100)]) == 2
    assert count([ex(SS, 100), ex(B, 100)]) == 1  # short then cover
    assert count([ex(SS, 100), ex(SS, 100), ex(B, 200)]) == 1


def test_one_opening_run_closed_in_pieces_is_one_day_trade() -> None:
    assert count([ex(B, 200), ex(S, 100), ex(S, 100)]) == 1


def test_overnight_position_closed_before_any_new_opening_is_not_a_day_trade() -> None:
    assert count([ex(S, 100)], {"XYZ": 100}) == 0
    assert count([ex(B, 100)], {"XYZ": -100}) == 0  # a short held overnight, covered next day
    # closing overnight shares first, then opening: still no day trade (nothing opened today was closed)
    assert count([ex(S, 100), ex(B, 100)], {"XYZ": 100}) == 0


def test_opening_then_closing_counts_even_with_an_overnight_position() -> None:
    assert count([ex(B, 100), ex(S, 100)], {"XYZ": 100}) == 1  # closes today's shares first
    assert count([ex(B, 50), ex(S, 150)], {"XYZ": 100}) == 1
    # overnight sold first (exempt), then a new round trip
    assert count([ex(S, 100), ex(B, 100), ex(S, 100)], {"XYZ": 100}) == 1


def test_through_zero_closes_then_opens() -> None:
    # buy 100, sell 200 (close today's 100 = day trade, open a 100 short), buy 100 (cover the short = day trade)
    assert count([ex(B, 100), ex(S, 200), ex(B, 100)]) == 2
    # overnight long 100, sell 200: closes the overnight 100 (exempt) and opens a short; cover it: one day trade
    assert count([ex(S, 200), ex(B, 100)], {"XYZ": 100}) == 1


def test_symbols_are_counted_separately() -> None:
    result = r.count_day_trades(
        [ex(B, 1, "AAA"), ex(B, 1, "BBB"), ex(S, 1, "AAA"), ex(S, 1, "BBB"), ex(B, 1, "AAA")],
        {},
    )
    assert result.by_symbol == {"AAA": 1, "BBB": 1}
    assert result.day_trades == 2
    assert result.trades == 5


def test_only_opening_trades_are_not_day_trades() -> None:
    assert count([ex(B, 1), ex(B, 1), ex(B, 1)]) == 0
    assert count([ex(SS, 1), ex(SS, 1)]) == 0
    assert count([]) == 0


def test_execution_validation() -> None:
    with pytest.raises(DomainError):
        Execution("XYZ", B, Decimal(0))
    with pytest.raises(FloatRefusedError):
        Execution("XYZ", B, 1.5)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        Execution(" ", B, Decimal(1))
    with pytest.raises(DomainError):
        Execution("XYZ", "hold", Decimal(1))  # type: ignore[arg-type]
    assert Execution("xyz", "sell", Decimal(1)).side is Side.SELL  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        r.count_day_trades([("XYZ", B, 1)])  # type: ignore[list-item]


def _reference_count(sides: list[int], overnight: int) -> int:
    """An independent reference: split every execution into unit shares (LIFO against today's opened shares); a day
    trade is counted each time the trade sequence switches from an opening run to a closing run of today's shares."""
    today: list[int] = []  # signed unit lots opened today
    night = overnight
    day_trades = 0
    armed = False
    for signed in sides:
        unit = 1 if signed > 0 else -1
        closed_today = False
        opened = False
        for _ in range(abs(signed)):
            if today and today[-1] == -unit:
                today.pop()
                closed_today = True
            elif night * unit < 0:
                night += unit
            else:
                today.append(unit)
                opened = True
        if closed_today and armed:
            day_trades += 1
            armed = False
        if opened:
            armed = True
    return day_trades


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(min_value=-5, max_value=5).filter(lambda v: v != 0), max_size=12),
    st.integers(min_value=-6, max_value=6),
)
def test_count_matches_a_unit_share_reference(quantities: list[int], overnight: int) -> None:
    executions = [ex(B if q > 0 else S, abs(q)) for q in quantities]
    result = r.count_day_trades(executions, {"XYZ": Decimal(overnight)})
    assert result.day_trades == _reference_count(quantities, overnight)
    assert result.day_trades <= max(result.trades - 1, 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=6), st.integers(min_value=1, max_value=9))
def test_sizes_never_matter_for_one_opening_run_and_one_closing_run(buys: list[int], scale: int) -> None:
    total = sum(buys)
    executions = [ex(B, q * scale) for q in buys] + [ex(S, total * scale)]
    assert count(executions) == 1


# =====================================================================================================================
# Pattern day trader, FINRA 4210(f)(8)(B)(ii) and the $25,000 minimum, (iv)(a)
# =====================================================================================================================


def test_three_versus_four_day_trades() -> None:
    assert not r.is_pattern_day_trader(3, 10)
    assert r.is_pattern_day_trader(4, 10)


def test_six_percent_exception_boundaries() -> None:
    # 4 day trades are 6% of 66.67 trades: 4 <= 0.06 x 67 = 4.02 -> exception applies; 0.06 x 66 = 3.96 -> pattern
    assert not r.is_pattern_day_trader(4, 67)
    assert r.is_pattern_day_trader(4, 66)
    # exactly 6%: 6 day trades out of 100 trades -> not a pattern ("6% or less")
    assert not r.is_pattern_day_trader(6, 100)
    assert r.is_pattern_day_trader(7, 100)
    assert r.is_pattern_day_trader(4, 67, exception_rate=None)
    assert not r.is_pattern_day_trader(4, 10, threshold=5)


def test_pattern_validation() -> None:
    with pytest.raises(DomainError):
        r.is_pattern_day_trader(5, 4)
    with pytest.raises(DomainError):
        r.is_pattern_day_trader(-1, 4)
    with pytest.raises(InvalidTypeError):
        r.is_pattern_day_trader(True, 4)
    with pytest.raises(DomainError):
        r.is_pattern_day_trader(4, 10, exception_rate=Decimal("1.5"))


def test_minimum_equity_boundary() -> None:
    rules = finra()
    assert rules.rates.pattern_day_trader_minimum_equity == Decimal(25000)
    assert r.pdt_equity_restricted(True, Decimal("24999.99"), rules)
    assert not r.pdt_equity_restricted(True, Decimal("25000"), rules)
    assert not r.pdt_equity_restricted(True, Decimal("25000.00"), rules)
    assert not r.pdt_equity_restricted(False, Decimal("100"), rules)
    with pytest.raises(FloatRefusedError):
        r.pdt_equity_restricted(True, 24999.99, rules)  # type: ignore[arg-type]
    custom = rules.with_rates("test", pattern_day_trader_minimum_equity=Decimal(30000))
    assert r.pdt_equity_restricted(True, Decimal(25000), custom)


def test_legacy_basis_precedence() -> None:
    rules = finra()

    def basis(pdt: bool, equity: str, call: bool = False, cash: bool = False) -> LegacyBasis:
        return r.legacy_basis(
            pattern_day_trader=pdt,
            equity=Decimal(equity),
            rules=rules,
            call_outstanding=call,
            cash_available_restriction=cash,
        )

    assert basis(False, "1000") is LegacyBasis.REG_T
    assert basis(True, "25000") is LegacyBasis.DAY_TRADING
    assert basis(True, "24999.99") is LegacyBasis.EQUITY_RESTRICTED
    assert basis(True, "30000", call=True) is LegacyBasis.DAY_TRADING_CALL
    assert basis(True, "24999.99", call=True) is LegacyBasis.EQUITY_RESTRICTED
    assert basis(True, "30000", call=True, cash=True) is LegacyBasis.CASH_AVAILABLE
    assert basis(False, "30000", cash=True) is LegacyBasis.CASH_AVAILABLE
    # FINRA 4210(f)(8)(B)(iv)(a) bars day trading, not Reg T margin: the account keeps overnight margin (seed 000's
    # "cash mode" was the wrong reading); the cash-available basis of (iv)(c) is the restricted-account check
    # (no new or larger debit or short: short-sale proceeds are not cash), not cash mode.
    assert LegacyBasis.EQUITY_RESTRICTED.mode is Mode.REG_T
    assert LegacyBasis.CASH_AVAILABLE.mode is Mode.REG_T
    assert r.legacy_restricted(LegacyBasis.CASH_AVAILABLE, rules)
    assert not r.legacy_restricted(LegacyBasis.EQUITY_RESTRICTED, rules)
    assert LegacyBasis.DAY_TRADING.mode is Mode.LEGACY_DAY_TRADING
    assert LegacyBasis.REG_T.mode is Mode.REG_T


# =====================================================================================================================
# Day-trading buying power and calls, 4210(f)(8)(B)(iv)
# =====================================================================================================================


def test_day_trading_buying_power_reuses_the_core_formula() -> None:
    rules = finra()
    assert r.legacy_day_trading_buying_power(rules, Decimal(50000), Decimal(10000)) == Decimal(160000)
    assert r.legacy_day_trading_buying_power(rules, Decimal(50000), Decimal(10000), True) == Decimal(80000)
    assert r.legacy_day_trading_buying_power(rules, Decimal(5000), Decimal(10000)) == Decimal(0)


def test_day_trading_call_amount() -> None:
    # excess 10,000 -> DTBP 40,000. A commitment of 48,000 at 25% requires 12,000: call (48,000 - 40,000) x 25% = 2,000
    assert r.day_trading_call_amount(Decimal(30000), Decimal(20000), Decimal(12000)) == Decimal(2000)
    assert r.day_trading_call_amount(Decimal(30000), Decimal(20000), Decimal(10000)) == Decimal(0)  # exactly at DTBP
    assert r.day_trading_call_amount(Decimal(30000), Decimal(20000), Decimal("10000.01")) == Decimal("0.01")
    assert r.day_trading_call_amount(Decimal(10000), Decimal(20000), Decimal(100)) == Decimal(100)  # no excess
    with pytest.raises(DomainError):
        r.day_trading_call_amount(Decimal(1), Decimal(0), Decimal(-1))


def test_day_trading_call_state() -> None:
    issued, due = D(2026, 11, 24), D(2026, 12, 2)
    assert r.day_trading_call_state(issued, due, None, D(2026, 12, 2)) is DayTradingCallState.OPEN
    assert r.day_trading_call_state(issued, due, None, D(2026, 12, 3)) is DayTradingCallState.CASH_RESTRICTED
    # 90 calendar days starting Dec 3: Dec 3 + 89 = Mar 2 2027 still restricted; Mar 3 lapsed
    assert r.day_trading_call_state(issued, due, None, D(2027, 3, 2)) is DayTradingCallState.CASH_RESTRICTED
    assert r.day_trading_call_state(issued, due, None, D(2027, 3, 3)) is DayTradingCallState.LAPSED
    assert r.day_trading_call_state(issued, due, D(2026, 12, 1), D(2026, 12, 1)) is DayTradingCallState.MET
    # met after the due date ends the cash restriction ("90 days or until the call is met")
    assert r.day_trading_call_state(issued, due, D(2026, 12, 10), D(2026, 12, 9)) is DayTradingCallState.CASH_RESTRICTED
    assert r.day_trading_call_state(issued, due, D(2026, 12, 10), D(2026, 12, 10)) is DayTradingCallState.MET
    with pytest.raises(DomainError):
        r.day_trading_call_state(issued, issued, None, issued)


# =====================================================================================================================
# Intraday margin standard, FINRA 4210(d)(2)
# =====================================================================================================================


def test_level_and_reducing() -> None:
    assert r.intraday_margin_level(Decimal(10000), Decimal(12000)) == Decimal(-2000)
    assert r.is_iml_reducing(Decimal(5), Decimal(4))
    assert not r.is_iml_reducing(Decimal(5), Decimal(5))


def test_real_time_block() -> None:
    assert r.creates_or_increases_deficit(Decimal(100), Decimal(-1))  # creates
    assert r.creates_or_increases_deficit(Decimal(-100), Decimal("-100.01"))  # increases
    assert not r.creates_or_increases_deficit(Decimal(100), Decimal(0))  # lowers to exactly 0: no deficit
    assert not r.creates_or_increases_deficit(Decimal(-100), Decimal(-50))  # reduces a deficit
    assert not r.creates_or_increases_deficit(Decimal(-100), Decimal(-100))  # unchanged
    assert not r.creates_or_increases_deficit(Decimal(100), Decimal(50))


def test_day_deficit_known_order() -> None:
    changes = [(Decimal(100), Decimal(-50)), (Decimal(-50), Decimal(200)), (Decimal(200), Decimal(-120))]
    assert r.day_deficit(changes) == Decimal(120)
    # a negative level reached without a reducing transaction (a rise that stays negative) is not the day's deficit
    assert r.day_deficit([(Decimal(-500), Decimal(-100))]) == Decimal(0)
    assert r.day_deficit([]) == Decimal(0)


def test_worst_order_deficit_examples() -> None:
    # start 1,000; +3,000 (a sale), -2,500 (a buy), -1,000 (a withdrawal): worst = 1,000 - 3,500 = -2,500
    assert r.worst_order_deficit(Decimal(1000), [Decimal(3000), Decimal(-2500), Decimal(-1000)]) == Decimal(2500)
    # the known order +3,000 first would give no deficit at all
    assert r.worst_order_deficit(Decimal(1000), [Decimal(-500)]) == Decimal(0)
    assert r.worst_order_deficit(Decimal(-300), [Decimal(100)]) == Decimal(0)  # no reducing transaction
    assert r.worst_order_deficit(Decimal(-300), [Decimal(100), Decimal(-1)]) == Decimal(301)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-1000, max_value=1000),
    st.lists(st.integers(min_value=-1000, max_value=1000), max_size=6),
)
def test_worst_order_equals_the_worst_permutation(start: int, deltas: list[int]) -> None:
    worst = Decimal(0)
    for order in itertools.permutations(deltas):
        level = Decimal(start)
        changes = []
        for delta in order:
            changes.append((level, level + delta))
            level += delta
        worst = max(worst, r.day_deficit(changes))
    assert r.worst_order_deficit(Decimal(start), [Decimal(d) for d in deltas]) == worst


def test_de_minimis_boundaries() -> None:
    # 5% of 10,000 = 500 < 1,000: the 5% bound binds, inclusive
    assert r.is_de_minimis(Decimal(500), Decimal(10000))
    assert not r.is_de_minimis(Decimal("500.01"), Decimal(10000))
    # 5% of 40,000 = 2,000 > 1,000: the $1,000 cap binds, inclusive
    assert r.is_de_minimis(Decimal(1000), Decimal(40000))
    assert not r.is_de_minimis(Decimal("1000.01"), Decimal(40000))
    # both bounds equal at 20,000 of equity
    assert r.is_de_minimis(Decimal(1000), Decimal(20000))
    assert not r.is_de_minimis(Decimal("1000.0000000001"), Decimal(20000))
    assert not r.is_de_minimis(Decimal(1000), Decimal("19999.99"))
    # exact cross-multiplication where a quotient would round: 1/3 of a cent over 5% of equity
    assert not r.is_de_minimis(Decimal("0.0500000001"), Decimal(1))
    assert not r.is_de_minimis(Decimal(1), Decimal(-100))  # negative equity: nothing is de minimis
    with pytest.raises(DomainError):
        r.is_de_minimis(Decimal(-1), Decimal(100))


def _deficit(amount: str = "2000", equity: str = "10000") -> r.IntradayDeficit:
    return r.new_intraday_deficit(D(2026, 11, 23), Decimal(amount), Decimal(equity), D(2026, 12, 1), D(2026, 12, 15))


def test_new_deficit_and_status() -> None:
    d = _deficit()
    assert not d.de_minimis and d.remaining == Decimal(2000)
    assert _deficit("500", "10000").de_minimis
    assert r.deficit_status(d, D(2026, 12, 1)) is DeficitStatus.OUTSTANDING
    assert r.deficit_status(d, D(2026, 12, 2)) is DeficitStatus.PAST_FIFTH
    assert r.deficit_status(d, D(2026, 12, 15)) is DeficitStatus.PAST_FIFTH
    assert r.deficit_status(d, D(2026, 12, 16)) is DeficitStatus.EXPIRED
    assert not r.missed_fifth_business_day(d, D(2026, 12, 1))
    assert r.missed_fifth_business_day(d, D(2026, 12, 2))
    assert r.counts_toward_practice(d, D(2026, 12, 2))
    assert not r.counts_toward_practice(_deficit("500"), D(2026, 12, 2))
    with pytest.raises(DomainError):
        r.new_intraday_deficit(D(2026, 11, 23), Decimal(0), Decimal(1), D(2026, 12, 1), D(2026, 12, 15))
    with pytest.raises(DomainError):
        r.new_intraday_deficit(D(2026, 11, 23), Decimal(1), Decimal(1), D(2026, 12, 15), D(2026, 12, 1))


def test_satisfy_oldest_first_and_conservation() -> None:
    a = _deficit("300")
    b = r.new_intraday_deficit(D(2026, 11, 24), Decimal(500), Decimal(10000), D(2026, 12, 2), D(2026, 12, 16))
    updated, left = r.satisfy_deficits([b, a], Decimal(400), D(2026, 11, 30))
    assert left == 0
    assert updated[1].remaining == 0 and updated[1].satisfied_on == D(2026, 11, 30)
    assert updated[0].remaining == Decimal(400) and updated[0].satisfied_on is None
    updated, left = r.satisfy_deficits(updated, Decimal(1000), D(2026, 12, 3))
    assert left == Decimal(600)
    assert r.missed_fifth_business_day(updated[0], D(2026, 12, 3))  # satisfied on Dec 3, after its 5th (Dec 2)
    assert not r.missed_fifth_business_day(updated[1], D(2026, 12, 3))
    # FINRA 4210(d)(2): a restriction lasts "until the deficit is satisfied (without regard to its expiration)":
    # a deficit past its 15th business day is no longer outstanding but a deposit still satisfies it.
    updated, left = r.satisfy_deficits([a], Decimal(10), D(2026, 12, 16))
    assert r.deficit_status(updated[0], D(2026, 12, 16)) is r.DeficitStatus.EXPIRED
    assert left == Decimal(0) and updated[0].remaining == Decimal(290)
    with pytest.raises(DomainError):
        r.satisfy_deficits([a], Decimal(-1), D(2026, 12, 1))


def test_practice_rule() -> None:
    rule = PracticeRule(misses=3, lookback_days=365)
    misses = [D(2026, 1, 5), D(2026, 6, 1)]
    assert not r.makes_practice(misses, D(2026, 6, 1), rule)
    assert r.makes_practice([*misses, D(2026, 12, 1)], D(2026, 12, 1), rule)
    # 365 days ending on 2027-01-05 start on 2026-01-06: the January 5 miss falls out
    assert not r.makes_practice([*misses, D(2027, 1, 5)], D(2027, 1, 5), rule)
    assert r.makes_practice([*misses, D(2027, 1, 4)], D(2027, 1, 4), rule)
    assert r.makes_practice([D(2026, 1, 5)], D(2026, 1, 5), PracticeRule(misses=1))
    with pytest.raises(DomainError):
        PracticeRule(misses=0)


def test_ninety_calendar_day_restriction() -> None:
    start = D(2026, 12, 2)
    assert r.restriction_end(start) == D(2027, 3, 2)
    assert not r.restriction_active(start, D(2026, 12, 1))
    assert r.restriction_active(start, start)
    assert r.restriction_active(start, D(2027, 3, 1))  # the 90th day
    assert not r.restriction_active(start, D(2027, 3, 2))


def test_dates_outside_the_calendar_are_typed_refusals() -> None:
    # Found by CrossHair: these raised a bare OverflowError instead of a typed error naming the field.
    import datetime as _dt

    from margin_rules import daytrading as _d
    from margin_rules.errors import DomainError as _DomainError

    with pytest.raises(_DomainError, match="days"):
        _d.restriction_end(_dt.date(1, 1, 1), days=10**9)
    with pytest.raises(_DomainError, match="days"):
        _d.restriction_active(_dt.date(1, 1, 1), _dt.date(1, 1, 2), days=10**9)
    with pytest.raises(_DomainError, match="lookback_days"):
        _d.makes_practice([], _dt.date(1, 1, 1), _d.PracticeRule(lookback_days=10**9))
    with pytest.raises(_DomainError, match="days"):
        _d.day_trading_call_state(
            _dt.date(2026, 11, 2), _dt.date(2026, 11, 9), None, _dt.date(2026, 12, 1), restriction_days=10**9
        )
