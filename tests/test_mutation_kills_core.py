"""Tests added from the mutation run of the core's outer modules (``make mutate``, ``proofs/mutation.py``).

Each test below kills surviving mutants of margin_call, orders, transactions, order_check or daytrading that the other
tests let through; the docstring of each test names the mutants (by function) it was written for. They pin:

* every refusal of those modules exactly: the error type, the field it names and its reason (the existing tests
  checked the type only, so a mutated field name or message survived);
* the fallback validations that the icontract preconditions shadow (they run when contracts are disabled, ``-O``);
* the contract helpers (``_plan_ok``, ``_result_is_maximal``, ``_not_in_call_at``), which only ever see correct
  results in the other tests, so a weakened check survived: here they are shown wrong results and must refuse them;
* the exact helpers (``_floor_div``, ``_ceil_div``, the linear-function arithmetic of the liquidation price) against
  their documented contracts;
* the liquidation price on the piecewise shapes the other examples do not reach (a band edge below $1, a capped
  leveraged rate, a requirement that jumps at the short threshold, a deficiency interval narrower than one tick);
* the legacy day-trading limit of the figure-level order check, cost-basis bookkeeping of fills, SMA transfers.

Every number is worked out by hand in the comments (rulebook sections as in the module docstrings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest

from margin_rules.buying_power import Mode
from margin_rules.daytrading import (
    Execution,
    PracticeRule,
    day_deficit,
    deficit_status,
    intraday_margin_level,
    is_pattern_day_trader,
    new_intraday_deficit,
    restriction_end,
    start_symbol_day,
)
from margin_rules.errors import DomainError, InvalidInputError, InvalidTypeError, OutOfBoundsError
from margin_rules.health_state import HealthState
from margin_rules.margin_call import (
    CallKind,
    LiquidationPlan,
    LiquidationPolicy,
    _ceil_div,
    _Lin,
    _Margin,
    _not_in_call_at,
    _PieceArith,
    _plan_ok,
    _require_account_rules,
    account_after_plan,
    liquidation_plan,
    liquidation_price,
    margin_calls,
)
from margin_rules.model import Account, Order, Position, Side
from margin_rules.money import MAX_PRICE, MAX_QUANTITY
from margin_rules.order_check import (
    DayTradingLimit,
    Figures,
    available_budget,
    check_order,
    sma_after_transfer,
)
from margin_rules.orders import _floor_div, _result_is_maximal, _validate, max_order_quantity
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import HouseRules, RuleSet, alpaca, finra
from margin_rules.transactions import apply_fill

D = Decimal
FINRA = finra()
ALPACA = alpaca()
TICK = D("1e-10")
ZERO = D(0)


def refusal(call: Callable[..., object], *args: object, **kwargs: object) -> tuple[type, str, str] | None:
    """(error type, field, reason) of the refusal ``call(*args, **kwargs)`` raises, or None if it accepts.

    Any other exception (e.g. a TypeError from a mutated error constructor) propagates and fails the test."""
    try:
        call(*args, **kwargs)
    except InvalidInputError as error:
        return type(error), error.field, error.reason
    return None


# === margin_call ======================================================================================================

DEFICIT = Account(D(-6000), (Position("AAA", 100, D(75)),))  # equity 1,500, maintenance 1,875 (rulebook 3)


def test_margin_call_fallback_validation_names_the_field() -> None:
    """_require_account_rules: the checks behind the icontract precondition (they run under ``python -O``)."""
    assert refusal(_require_account_rules, "acct", FINRA) == (
        InvalidTypeError,
        "account",
        "expected an Account, got str",
    )
    assert refusal(_require_account_rules, DEFICIT, "finra") == (
        InvalidTypeError,
        "rules",
        "expected a RuleSet, got str",
    )
    assert refusal(_require_account_rules, DEFICIT, FINRA) is None


def test_liquidation_price_symbol_refusals() -> None:
    """_target: a symbol that is not a string, not held, or held flat."""
    assert refusal(liquidation_price, DEFICIT, FINRA, 5) == (
        InvalidTypeError,
        "symbol",
        "a symbol is a string, not int",
    )
    assert refusal(liquidation_price, DEFICIT, FINRA, "ZZZ") == (
        DomainError,
        "symbol",
        "the account holds no position in 'ZZZ'",
    )
    flat = Account(D(-6000), (Position("AAA", 100, D(75)), Position("FLAT", 0, D(10))))
    assert refusal(liquidation_price, flat, FINRA, "FLAT") == (
        DomainError,
        "symbol",
        "the account holds no position in 'FLAT'",
    )


def test_liquidation_plan_argument_refusals() -> None:
    """_validate_plan_args: every refusal exactly, and the bounds 0 and 10 of fraction_places accepted."""
    assert refusal(liquidation_plan, DEFICIT, FINRA, 5) == (InvalidTypeError, "policy", "a policy is a string, not int")
    assert refusal(liquidation_plan, DEFICIT, FINRA, "biggest_first") == (
        DomainError,
        "policy",
        "unknown liquidation policy 'biggest_first'",
    )
    assert refusal(liquidation_plan, DEFICIT, FINRA, whole_shares="yes") == (
        InvalidTypeError,
        "whole_shares",
        "must be True or False",
    )
    for places in ("3", True):
        assert refusal(liquidation_plan, DEFICIT, FINRA, whole_shares=False, fraction_places=places) == (
            InvalidTypeError,
            "fraction_places",
            "must be an int",
        )
    for places in (11, -1):
        assert refusal(liquidation_plan, DEFICIT, FINRA, whole_shares=False, fraction_places=places) == (
            DomainError,
            "fraction_places",
            f"must be between 0 and 10 (got {places})",
        )
    # Deficiency 375 at 18.75 a share: exactly 20 shares whatever the grid, 0 and 10 places included.
    for places in (0, 10):
        plan = liquidation_plan(DEFICIT, FINRA, whole_shares=False, fraction_places=places)
        assert plan.orders == (Order("AAA", Side.SELL, D(20), D(75)),)


def test_margin_call_figures_of_every_kind() -> None:
    """_calls_of: the equity and requirement recorded on Reg T and minimum-equity calls."""
    # Debit 6,000 on 100 sh at $75: equity 1,500, maintenance 1,875, initial 3,750 (Reg T 50%); SMA -1,200.
    account = Account(D(-6000), (Position("AAA", 100, D(75)),), sma=D(-1200))
    maintenance, reg_t, minimum = margin_calls(account, FINRA)
    assert (maintenance.kind, maintenance.amount, maintenance.equity, maintenance.requirement) == (
        CallKind.MAINTENANCE,
        D(375),
        D(1500),
        D(1875),
    )
    assert (reg_t.kind, reg_t.amount, reg_t.equity, reg_t.requirement) == (CallKind.REG_T, D(1200), D(1500), D(3750))
    assert reg_t.liquidation_required is True and reg_t.due_business_days == 2
    assert (minimum.kind, minimum.amount, minimum.equity, minimum.requirement) == (
        CallKind.MINIMUM_EQUITY,
        D(500),
        D(1500),
        D(2000),
    )


def test_account_after_plan_refuses_an_unheld_symbol_and_keeps_the_prior_close() -> None:
    """account_after_plan and _reduced: the refusal exactly, and the prior-close figures carried over."""
    plan = LiquidationPlan(
        (Order("ZZZ", Side.SELL, D(1), D(10)),), D(1), D(0), D(0), True, LiquidationPolicy.LOSERS_FIRST
    )
    assert refusal(account_after_plan, DEFICIT, plan) == (DomainError, "plan.orders", "no position in ZZZ")
    with_prior = Account(D(-6000), (Position("AAA", 100, D(75)),), D(-50), D(1700), D(1800))
    real = liquidation_plan(with_prior, FINRA)
    after = account_after_plan(with_prior, real)
    assert after == Account(D(-4500), (Position("AAA", 80, D(75)),), D(-50), D(1700), D(1800))


def test_plan_contract_refuses_orders_that_are_not_a_liquidation() -> None:
    """_plan_ok (the postcondition of liquidation_plan): each way an order can be wrong is refused."""
    account = Account(D(-6000), (Position("AAA", 100, D(75)), Position("SSS", -10, D(20))))

    def ok(*orders: Order) -> bool:
        return _plan_ok(LiquidationPlan(orders, D(1), D(0), D(0), True, LiquidationPolicy.LOSERS_FIRST), account)

    assert ok(Order("AAA", Side.SELL, D(100), D(75)), Order("SSS", Side.BUY, D(10), D(20)))
    assert not ok(Order("ZZZ", Side.SELL, D(1), D(75)))  # not held
    assert not ok(Order("AAA", Side.SELL, D(101), D(75)))  # more than held, at the right price
    assert not ok(Order("AAA", Side.SELL, D(10), D(76)))  # not at the valuation price
    assert not ok(Order("AAA", Side.BUY, D(10), D(75)))  # buying a long
    assert not ok(Order("SSS", Side.SELL, D(1), D(20)))  # selling a short
    assert not ok(Order("AAA", Side.SELL, D(1), D(75)), Order("SSS", Side.BUY, D(11), D(20)))  # the 2nd is wrong


def test_exact_ceiling_division() -> None:
    """_ceil_div: ceil(x / d) exactly, as an int, also where a float or a rounded Decimal quotient would be off."""
    assert _ceil_div(D(375), D("18.75")) == 20
    assert _ceil_div(D(380), D("18.75")) == 21
    assert _ceil_div(D("0.0000000001"), D(3)) == 1
    big = _ceil_div(D("123456789012345678901.5"), D("0.0000000003"))
    assert type(big) is int and big == 411522630041152263005000000000


def test_linear_functions_of_the_price() -> None:
    """_Lin: a + b x arithmetic, and the refusal of a non-linear product."""
    s = _Lin(Fraction(1), Fraction(2)) + _Lin(Fraction(3), Fraction(4))
    assert (s.a, s.b) == (4, 6)
    d = _Lin(Fraction(1), Fraction(2)) - _Lin(Fraction(3), Fraction(5))
    assert (d.a, d.b) == (-2, -3)
    left = _Lin(Fraction(2)) * _Lin(Fraction(5), Fraction(3))
    right = _Lin(Fraction(2), Fraction(3)) * _Lin(Fraction(5))
    assert (left.a, left.b, right.a, right.b) == (10, 6, 10, 15)
    assert _Lin(Fraction(1), Fraction(2)).at(Fraction(3)) == 7
    with pytest.raises(ArithmeticError) as info:
        _Lin(Fraction(1), Fraction(1)) * _Lin(Fraction(0), Fraction(1))
    assert str(info.value) == "a requirement formula multiplied the price by itself: not linear"


def test_piecewise_arith_operations_record_their_breakpoints() -> None:
    """_PieceArith: every operation of the Arith protocol, evaluated at x = 3 (also those the maintenance formulas do
    not use today: le, eq, const, the boolean operators, ite_state)."""
    ar = _PieceArith(Fraction(3))
    x = _Lin(Fraction(0), Fraction(1))
    two, three, four = ar.const(2), ar.const("3"), ar.const(D(4))
    assert (two.a, two.b, three.a, four.a) == (2, 0, 3, 4)
    assert ar.lt(x, four) and not ar.lt(x, three) and not ar.lt(x, two)
    assert ar.le(x, three) and ar.le(x, four) and not ar.le(x, two)
    assert ar.eq(x, three) and not ar.eq(x, two) and not ar.eq(x, four)
    assert ar.breakpoints == {2, 3, 4}
    assert ar.and_(True, True) and not ar.and_(True, False) and not ar.and_(False, True)
    assert ar.or_(False, True) and ar.or_(True, False) and not ar.or_(False, False)
    assert ar.not_(False) and not ar.not_(True)
    assert ar.ite(True, two, four) is two and ar.ite(False, two, four) is four
    assert ar.ite_state(True, HealthState.HEALTHY, HealthState.RESTRICTED) is HealthState.HEALTHY
    assert ar.ite_state(False, HealthState.HEALTHY, HealthState.RESTRICTED) is HealthState.RESTRICTED
    assert ar.state(HealthState.LIQUIDATION_CALL) is HealthState.LIQUIDATION_CALL and ar.truth(True) is True
    assert ar.max(x, two) is x and ar.max(x, four) is four
    assert ar.min(x, two) is two and ar.min(x, four) is x
    assert (ar.zero.a, ar.zero.b, ar.one.a, ar.one.b) == (0, 0, 1, 0)


def _margin_matches_core(account: Account, rules: RuleSet, symbol: str, prices: list[Decimal]) -> None:
    margin = _Margin(account, rules, account.position(symbol))  # type: ignore[arg-type]
    for price in prices:
        g, _ = margin.evaluate(Fraction(price))
        repriced = Account(
            account.cash,
            tuple(
                Position(p.symbol, p.quantity, price, p.marginable, p.leverage) if p.symbol == symbol else p
                for p in account.positions
            ),
        )
        figs = account_requirements(repriced, rules)
        assert g.at(Fraction(price)) == Fraction(figs.equity - figs.maintenance), price


def test_liquidation_price_uses_the_symbols_own_house_rate() -> None:
    """_Margin._house_rates: per-symbol house rates, with and without a concentration add-on."""
    # House 80% on AAA only (no concentration rule): single long, D = 2,000, q = 100: 100 P - 80 P = 2,000 -> P = 100
    # (with the base rate 25% it would be 26.67).
    symbol_house = FINRA.with_house(HouseRules(symbol_rates={"AAA": D("0.80")}))
    account = Account(D(-2000), (Position("AAA", 100, D(150)), Position("BBB", 10, D(10))))
    # BBB (100) carries 25% = 25: g = -2,000 + 100 + 100 P - 80 P - 25 = 20 P - 1,925 -> P = 96.25
    assert liquidation_price(account, symbol_house, "AAA") == D("96.25")
    _margin_matches_core(account, symbol_house, "AAA", [D(50), D("96.25"), D(200)])
    # Same with a concentration rule that never binds (threshold 100%): the symbol rate must still apply.
    both = FINRA.with_house(
        HouseRules(symbol_rates={"AAA": D("0.80")}, concentration_threshold=D(1), concentration_rate=D("0.90"))
    )
    assert liquidation_price(account, both, "AAA") == D("96.25")
    _margin_matches_core(account, both, "AAA", [D(50), D("96.25"), D(200)])
    # And BBB's own symbol rate (100%) when AAA is the target: BBB requires 100, g = 20 P - 2,000 -> P = 100.
    other = FINRA.with_house(HouseRules(symbol_rates={"AAA": D("0.80"), "BBB": D(1)}))
    assert liquidation_price(account, other, "AAA") == D(100)
    _margin_matches_core(account, other, "AAA", [D(50), D(100), D(200)])


def test_liquidation_price_band_edge_below_one_dollar() -> None:
    """_negative_set: a breakpoint in (0, 1] (a low-price band at $0.80) must split the price axis."""
    rules = FINRA.with_rates("test: a low-price band at $0.80", long_low_price_threshold="0.80")
    # Below $0.80 100% (g = -50 at any price); at or above 25%: g = -50 + 75 P > 0 from 0.667 on, so from 0.80.
    account = Account(D(-50), (Position("PENNY", 100, D(2)),))
    assert liquidation_price(account, rules, "PENNY") == D("0.8")


def test_liquidation_price_constant_pieces_that_are_not_negative() -> None:
    """_negative_set: a piece where g is constant and >= 0 holds no deficiency."""
    # Alpaca 100% below $2.50: paid in full (cash 0) g = 0 there; above it 30%: g = 70 P > 0. Never in a call.
    assert liquidation_price(Account(D(0), (Position("PENNY", 100, D(4)),)), ALPACA, "PENNY") is None
    assert liquidation_price(Account(D("0.5"), (Position("PENNY", 100, D(4)),)), ALPACA, "PENNY") is None


def test_liquidation_price_root_at_the_piece_edge_is_not_a_deficiency() -> None:
    """_negative_set: a root exactly at the lower edge of a rising piece is not an interval of deficiency."""
    # Paid in full at 25%: g = 75 P, zero only at P = 0 (= maintenance, RESTRICTED, not a call).
    assert liquidation_price(Account(D(0), (Position("AAA", 100, D(50)),)), FINRA, "AAA") is None


def test_liquidation_price_root_beyond_its_piece() -> None:
    """_negative_set: on a rising piece whose root lies beyond the piece, the deficiency stops at the piece edge."""
    # Long band: 50% below $10, 25% from $10. D = 600, q = 100: below 10 g = 50 P - 600 (root 12 > 10: negative on
    # the whole piece); from 10 g = 75 P - 600 >= 150. The liquidation price is the band edge, 10.
    rules = FINRA.with_rates("test: a 50% band below $10", long_low_price_threshold=10, long_low_price_rate="0.5")
    assert liquidation_price(Account(D(-600), (Position("AAA", 100, D(20)),)), rules, "AAA") == D(10)


def test_liquidation_price_caps_a_leveraged_rate_at_100_percent() -> None:
    """_PieceArith.min: 50% x 3 (leverage) is capped at 100% (Regulatory Notice 09-53)."""
    # Below $10: min(0.5 x 3, 1) = 100%: g = 100 + 100 P - 100 P = 100 > 0; from $10: 75%: g = 100 + 25 P > 0.
    rules = FINRA.with_rates("test: a 50% band below $10", long_low_price_threshold=10, long_low_price_rate="0.5")
    account = Account(D(100), (Position("LEV", 100, D(20), leverage=D(3)),))
    assert liquidation_price(account, rules, "LEV") is None
    _margin_matches_core(account, rules, "LEV", [D(1), D(5), D(10), D(30)])


def test_short_liquidation_price_where_the_requirement_jumps_up_at_the_threshold() -> None:
    """liquidation_price / _add: the infimum of the deficiency is attained (a jump at $5): one tick below it."""
    # Short floor $6.00 a share from $5 (FINRA's $2.50 below). Short 100, cash 1,050: below $5 g = 1,050 - 200 P > 0
    # (from $2.50; 800 - 100 P before); at $5 the requirement jumps from 500 to 600: g(5) = -50 < 0.
    rules = FINRA.with_rates("test: a $6 short floor", short_high_per_share=6)
    account = Account(D(1050), (Position("SSS", -100, D(3)),))
    assert liquidation_price(account, rules, "SSS") == D(5) - TICK


def test_short_liquidation_price_skips_a_root_at_a_piece_edge() -> None:
    """_negative_set: a falling piece whose root is exactly its upper edge holds no deficiency."""
    # Short floor $4.00 from $5. Short 100, cash 1,000: on [2.50, 5) g = 1,000 - 200 P (root 5, the edge); at $5 the
    # requirement drops to 400: g = 100; above, g = 600 - 100 P: the deficiency starts at $6.
    rules = FINRA.with_rates("test: a $4 short floor", short_high_per_share=4)
    account = Account(D(1000), (Position("SSS", -100, D(3)),))
    assert liquidation_price(account, rules, "SSS") == D(6)


def test_liquidation_price_rounds_a_one_tick_deficiency_to_the_safe_side() -> None:
    """_to_grid: the presentation rounding of a non-representable boundary goes to the safe side even when the
    deficiency between the boundary and the next grid price is narrower than one tick."""
    # Long (house test of test_liquidation_price.py, cash 4,000.000000001 lower): g = 40 P - 1,600.000000001 on
    # (40, 90): negative on (40, 40.000000000025). Safe side = up: 40.0000000001 (at 40 itself CON is not concentrated).
    house = FINRA.with_house(
        HouseRules(maintenance_rate=D("0.30"), concentration_threshold=D("0.4"), concentration_rate=D("0.6"))
    )
    long_account = Account(D("-4000.000000001"), (Position("CON", 100, D(50)), Position("AAA", 60, D(100))))
    assert liquidation_price(long_account, house, "CON") == D("40.0000000001")
    # Short (floor $4 from $5, cash 999.999999995): g = cash - 200 P on [2.50, 5): negative on (4.999999999975, 5);
    # from $5 g = 599.999999995 - 100 P. Safe side = down: 4.9999999999.
    rules = FINRA.with_rates("test: a $4 short floor", short_high_per_share=4)
    short_account = Account(D("999.999999995"), (Position("SSS", -100, D(3)),))
    assert liquidation_price(short_account, rules, "SSS") == D("4.9999999999")


def test_not_in_call_contract_at_the_price_bound() -> None:
    """_not_in_call_at (the postcondition of liquidation_price): evaluated up to MAX_PRICE, not beyond."""
    short = Account(D(2000), (Position("SSS", -100, D(5)),))  # at $6: equity 1,400 >= 500
    assert _not_in_call_at(short, FINRA, "SSS", D(6))
    assert not _not_in_call_at(short, FINRA, "SSS", D(100))
    assert not _not_in_call_at(short, FINRA, "SSS", MAX_PRICE)  # deep in a call at the bound itself
    assert _not_in_call_at(short, FINRA, "SSS", MAX_PRICE + 1)  # beyond the bound: not evaluated


# === orders ===========================================================================================================

SHORT_ACCOUNT = Account(D(10000), (Position("S", -100, D(10)),))  # excess 8,500 in REG_T and INTRADAY


def _mq(**overrides: object) -> tuple[type, str, str] | None:
    args: dict[str, object] = {
        "account": SHORT_ACCOUNT,
        "rules": FINRA,
        "symbol": "X",
        "side": Side.BUY,
        "price": D(33),
        "mode": Mode.REG_T,
    }
    args.update(overrides)
    return refusal(max_order_quantity, **args)


def test_max_order_quantity_refusals_name_the_field() -> None:
    """orders._validate: every refusal exactly (type, field, reason)."""
    assert _mq(symbol=5) == (InvalidTypeError, "symbol", "a symbol is a string, not int")
    assert _mq(side=5) == (InvalidTypeError, "side", "a side is a string, not int")
    assert _mq(side="hold") == (DomainError, "side", "unknown side 'hold': use buy, sell or sell_short")
    assert _mq(price="abc") == (InvalidTypeError, "price", "'abc' is not a number")
    assert _mq(price=MAX_PRICE + 1) == (
        OutOfBoundsError,
        "price",
        "1000000001 exceeds the supported magnitude 1.000000000E+9",
    )
    assert _mq(price=D(0)) == (DomainError, "price", "an order price is positive (got 0)")
    assert _mq(price=D(-1)) == (DomainError, "price", "an order price is positive (got -1)")
    assert _mq(mode=5) == (InvalidTypeError, "mode", "a mode is a string, not int")
    assert _mq(mode="margin") == (DomainError, "mode", "unknown buying-power mode 'margin'")
    assert _mq(reserved="x") == (InvalidTypeError, "reserved", "'x' is not a number")
    assert _mq(reserved=D(10) ** 22 + 1) == (
        OutOfBoundsError,
        "reserved",
        "10000000000000000000001 exceeds the supported magnitude 1.0000000000000000000000E+22",
    )
    assert _mq(reserved=D(-1)) == (DomainError, "reserved", "reserved buying power cannot be negative")
    assert _mq(fractional="yes") == (InvalidTypeError, "fractional", "must be True or False")
    for places in ("3", True):
        assert _mq(fractional=True, fraction_places=places) == (
            InvalidTypeError,
            "fraction_places",
            "must be an int",
        )
    for places in (11, -1):
        assert _mq(fractional=True, fraction_places=places) == (
            DomainError,
            "fraction_places",
            f"must be between 0 and 10 (got {places})",
        )
    assert _mq(marginable="yes") == (InvalidTypeError, "marginable", "must be True or False")
    assert _mq(leverage="x") == (InvalidTypeError, "leverage", "'x' is not a number")
    assert _mq(leverage=D("0.5")) == (DomainError, "leverage", "a leverage factor is at least 1 (got 0.5)")


def test_max_order_quantity_accepts_the_edges_of_each_argument() -> None:
    """orders._validate: reserved 0, leverage 1, fraction_places 0 and 10, the largest price: all accepted."""
    # REG_T at $33: 8,500 / 16.50 = 515.15 -> 515 (whole shares, and on the 0- and 10-place grids: 515, 515.1515151515)
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, reserved=0, leverage=1) == 515
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", "buy", 33, "reg_t", fractional=True, fraction_places=0) == 515
    assert max_order_quantity(
        SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, fractional=True, fraction_places=10
    ) == D("515.1515151515")
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, MAX_PRICE, Mode.CASH) == 0


def test_orders_fallback_validation_names_the_field() -> None:
    """orders._validate called directly: the account and rule-set checks behind the icontract precondition."""
    rest = ("X", Side.BUY, D(33), Mode.REG_T, D(0), False, 9, True, D(1))
    assert refusal(_validate, "acct", FINRA, *rest) == (InvalidTypeError, "account", "expected an Account, got str")
    assert refusal(_validate, SHORT_ACCOUNT, "finra", *rest) == (
        InvalidTypeError,
        "rules",
        "expected a RuleSet, got str",
    )
    assert _validate(SHORT_ACCOUNT, FINRA, *rest) == (Side.BUY, D(33), Mode.REG_T, D(0), 9, D(1))


def test_exact_floor_division() -> None:
    """orders._floor_div: floor(x / d) exactly, as an int, where a float quotient would be off."""
    assert _floor_div(D(8500), D("16.5")) == 515
    assert _floor_div(D("10.5"), D(1)) == 10
    big = _floor_div(D("12345678901234567.89"), D("0.0000000003"))
    assert type(big) is int and big == 41152263004115226300000000
    assert _floor_div(MAX_QUANTITY, D("1e-10")) == 10**22


def test_maximality_contract_refuses_a_non_maximal_quantity() -> None:
    """orders._result_is_maximal (the postcondition of max_order_quantity): a quantity one step short of the maximum
    is refused on the fractional grid, and near the quantity bound."""
    args = (SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, D(0))
    # 2-place grid: the maximum is 515.15 (8,499.975); 515.14 is not maximal; 514.65 neither (a whole share less
    # than 515.65 would be maximal on a 1-share grid: the step must be the order's grid).
    assert _result_is_maximal(*args, True, 2, True, D(1), D("515.15"))
    assert not _result_is_maximal(*args, True, 2, True, D(1), D("515.14"))
    assert not _result_is_maximal(*args, True, 2, True, D(1), D("514.65"))
    assert _result_is_maximal(*args, False, 9, True, D(1), D(515))
    assert not _result_is_maximal(*args, False, 9, True, D(1), D(514))
    assert not _result_is_maximal(*args, False, 9, True, D(1), D(516))  # does not fit
    rich = Account(D(10) ** 20)
    bound = (rich, FINRA, "X", Side.BUY, D(1), Mode.CASH, D(0), False, 0, True, D(1))
    assert _result_is_maximal(*bound, MAX_QUANTITY)
    assert not _result_is_maximal(*bound, MAX_QUANTITY - 1)


# === transactions =====================================================================================================


def test_fill_adds_to_the_cost_basis_of_a_growing_position() -> None:
    """transactions._basis_after: growing a long or a short adds the trade at cost."""
    long_ = Account(D(0), [Position("X", 10, D(10), cost_basis=D(100))])
    grown = apply_fill(long_, "X", 5, D(12)).position("X")
    assert grown is not None and (grown.quantity, grown.cost_basis) == (15, D(160))
    short = Account(D(0), [Position("X", -10, D(10), cost_basis=D(-100))])
    grown = apply_fill(short, "X", -5, D(12)).position("X")
    assert grown is not None and (grown.quantity, grown.cost_basis) == (-15, D(-160))


def test_fill_prorates_a_non_terminating_cost_basis_half_even() -> None:
    """transactions._basis_after: 1,000 x 2/3 = 666.666... is rounded half-even to 10 places (an accounting figure)
    instead of trapping in the exact core context."""
    account = Account(D(0), [Position("X", 3, D(10), cost_basis=D(1000))])
    reduced = apply_fill(account, "X", -1, D(10)).position("X")
    assert reduced is not None and reduced.cost_basis == D("666.6666666667")
    short = Account(D(0), [Position("X", -3, D(10), cost_basis=D(-1000))])
    reduced = apply_fill(short, "X", 1, D(10)).position("X")
    assert reduced is not None and reduced.cost_basis == D("-666.6666666667")


# === order_check ======================================================================================================

# Cash 30,000, flat, prior close equity 30,000 and maintenance 5,000: legacy excess 25,000.
PRIOR = Figures(D(30000), D(0), D(0), D(0), D(0), D(0), D(30000), D(5000))


def test_available_budget_refuses_legacy_without_the_prior_close() -> None:
    """order_check._available: both prior-close figures are needed, and the refusal names the field."""
    reason = (DomainError, "account.prior_equity", "legacy day trading needs the prior-close figures")
    no_prior = Figures(D(30000), D(0), D(0), D(0), D(0))
    assert refusal(available_budget, no_prior, Mode.LEGACY_DAY_TRADING) == reason
    half = Figures(D(30000), D(0), D(0), D(0), D(0), D(0), D(30000), None)
    assert refusal(available_budget, half, Mode.LEGACY_DAY_TRADING) == reason
    half = Figures(D(30000), D(0), D(0), D(0), D(0), D(0), None, D(5000))
    assert refusal(available_budget, half, Mode.LEGACY_DAY_TRADING) == reason


def test_available_budget_under_a_day_trading_limit() -> None:
    """order_check._available / available_budget: the excess scaled by in_force / full (4210(f)(8)(B)(iv)(b)),
    floored at 40 places when the quotient does not terminate, net of the reserved charges."""
    mode = Mode.LEGACY_DAY_TRADING
    assert available_budget(PRIOR, mode) == D(25000)
    assert available_budget(PRIOR, mode, D(100), DayTradingLimit(D(2), D(4))) == D(12400)
    third = available_budget(PRIOR, mode, D(0), DayTradingLimit(D(1), D(3)))
    assert third == D("8333." + "3" * 40)
    assert available_budget(PRIOR, mode, D("0.5"), DayTradingLimit(D(1), D(3))) == D("8332.8" + "3" * 39)
    # No positive excess: nothing to scale.
    deficit = Figures(D(30000), D(0), D(0), D(0), D(0), D(0), D(5000), D(6000))
    assert available_budget(deficit, mode, D(100), DayTradingLimit(D(1), D(3))) == D(-1100)


def test_day_trading_limit_bounds() -> None:
    """order_check.DayTradingLimit: 0 <= in_force <= full (the limit now also carries the day's use of the budget,
    FINRA 4210(f)(8)(B)(iv), so the full 4x is a limit too), used >= 0; refused otherwise with the figures."""
    assert DayTradingLimit(D(2), D(4)).in_force == 2
    assert DayTradingLimit(D("0.01"), D("0.02")).full == D("0.02")
    assert DayTradingLimit(D(2), D(4)).scaled and not DayTradingLimit(D(4), D(4)).scaled
    assert DayTradingLimit(D(0), D(4)).scaled and not DayTradingLimit(D(0), D(0)).scaled
    for in_force, full in ((5, 4), (-1, 4), (1, 0)):
        assert refusal(DayTradingLimit, D(in_force), D(full)) == (
            DomainError,
            "limit",
            f"expected 0 <= in_force <= full, got {in_force} and {full}",
        )
    assert refusal(DayTradingLimit, D(2), D(4), D(-1)) == (
        DomainError,
        "limit.used",
        "the day's use is not negative (got -1)",
    )
    # the day's use is subtracted like a reservation, scaled or not
    assert available_budget(PRIOR, Mode.LEGACY_DAY_TRADING, D(100), DayTradingLimit(D(4), D(4), D(900))) == D(24000)
    assert available_budget(PRIOR, Mode.LEGACY_DAY_TRADING, D(100), DayTradingLimit(D(2), D(4), D(400))) == D(12000)


def test_check_order_under_a_day_trading_limit_is_exact() -> None:
    """order_check._fits_budget: (charge + reserved) x full <= excess x in_force, exactly at the boundary."""
    mode = Mode.LEGACY_DAY_TRADING

    def decide(quantity: int, limit: DayTradingLimit, reserved: Decimal = ZERO, m: Mode = mode) -> bool:
        args = (FINRA, PRIOR, m, "X", Side.BUY, D(quantity), D(100), D(0), True, D(1), reserved)
        return check_order(*args, limit=limit).fits

    # 2 of 4: budget 12,500 of maintenance; 25% of $100 = 25 a share: 500 fit exactly, 501 do not.
    assert decide(500, DayTradingLimit(D(2), D(4))) and not decide(501, DayTradingLimit(D(2), D(4)))
    # 1 of 3: 25,000 / 3 = 8,333.33: 333 (8,325) fit, 334 (8,350) do not; with 25 reserved 332 fit and 333 do not.
    third = DayTradingLimit(D(1), D(3))
    assert decide(333, third) and not decide(334, third)
    assert decide(332, third, D(25)) and not decide(333, third, D(25))
    # Exactly at the scaled boundary: charge x 3 == 25,000 - 25 x 3 would need a charge of 8,308.33: 8,300 fits,
    # and with 7.5 reserved (8,325 + 7.5) x 3 = 24,997.5 <= 25,000 fits, with 8.5 reserved it does not.
    assert decide(333, third, D("8.33")) and not decide(333, third, D("8.34"))
    decision = check_order(FINRA, PRIOR, mode, "X", Side.BUY, D(333), D(100), D(0), True, D(1), limit=third)
    assert (decision.charge, decision.available, decision.reason) == (
        D(8325),
        D("8333." + "3" * 40),
        "within buying power",
    )
    # The limit is a legacy day-trading limit: in REG_T it changes nothing (equity 30,000, initial 50%: 600 at $100).
    assert decide(600, third, m=Mode.REG_T) and not decide(601, third, m=Mode.REG_T)


def test_sma_after_a_transfer() -> None:
    """order_check.sma_after_transfer: a deposit credits the SMA, a withdrawal debits it (Reg T 220.5)."""
    assert sma_after_transfer(D(100), D(50)) == D(150)
    assert sma_after_transfer(D(100), D(-130)) == D(-30)


# === daytrading =======================================================================================================


def test_execution_refusals_name_the_field() -> None:
    """daytrading.Execution.__post_init__ and _symbol: every refusal exactly."""
    assert refusal(Execution, 5, Side.BUY, D(1)) == (
        InvalidTypeError,
        "execution.symbol",
        "a symbol is a string, not int",
    )
    assert refusal(Execution, "  ", Side.BUY, D(1)) == (DomainError, "execution.symbol", "a symbol cannot be empty")
    assert refusal(Execution, "X", "hold", D(1)) == (DomainError, "execution.side", "unknown side 'hold'")
    assert refusal(Execution, "X", Side.BUY, "x") == (InvalidTypeError, "execution.quantity", "'x' is not a number")
    assert refusal(Execution, "X", Side.BUY, MAX_QUANTITY + 1) == (
        OutOfBoundsError,
        "execution.quantity",
        "1000000000001 exceeds the supported magnitude 1.000000000000E+12",
    )
    assert refusal(Execution, "X", Side.BUY, D(0)) == (
        DomainError,
        "execution.quantity",
        "an execution quantity is positive (got 0)",
    )
    accepted = Execution(" x ", "sell", MAX_QUANTITY)
    assert (accepted.symbol, accepted.side, accepted.quantity) == ("X", Side.SELL, MAX_QUANTITY)


def test_start_symbol_day_refusals() -> None:
    """daytrading.start_symbol_day: the overnight position is bounded like a quantity and named in refusals."""
    assert refusal(start_symbol_day, MAX_QUANTITY + 1) == (
        OutOfBoundsError,
        "overnight",
        "1000000000001 exceeds the supported magnitude 1.000000000000E+12",
    )
    assert refusal(start_symbol_day, "x") == (InvalidTypeError, "overnight", "'x' is not a number")
    assert start_symbol_day(-MAX_QUANTITY).overnight == -MAX_QUANTITY


def test_count_refusals() -> None:
    """daytrading._count: counts are ints (not bools) and not negative."""
    assert refusal(is_pattern_day_trader, "4", 10) == (InvalidTypeError, "day_trades", "expected an int, got str")
    assert refusal(is_pattern_day_trader, True, 10) == (InvalidTypeError, "day_trades", "expected an int, got bool")
    assert refusal(is_pattern_day_trader, 4, -1) == (DomainError, "total_trades", "a count cannot be negative (got -1)")
    assert is_pattern_day_trader(4, 10) is True  # 4 day trades of 10 trades: 40% > 6%


def test_amount_refusals() -> None:
    """daytrading._amount: figures up to 10^22 with up to 40 places, named in refusals."""
    assert refusal(intraday_margin_level, "x", 0) == (InvalidTypeError, "equity", "'x' is not a number")
    assert refusal(intraday_margin_level, 0, D(10) ** 22 + 1) == (
        OutOfBoundsError,
        "maintenance",
        "10000000000000000000001 exceeds the supported magnitude 1.0000000000000000000000E+22",
    )
    forty = D("0." + "0" * 39 + "1")
    assert intraday_margin_level(forty, 0) == forty
    assert refusal(intraday_margin_level, D("0." + "0" * 40 + "1"), 0) == (
        OutOfBoundsError,
        "equity",
        f"{D('0.' + '0' * 40 + '1')} has more than 40 decimal places",
    )


def test_date_refusals() -> None:
    """daytrading._date: a datetime is not a date here (a date with a clock would hide a calendar error)."""
    deficit = new_intraday_deficit(dt.date(2026, 1, 5), D(100), D(10000), dt.date(2026, 1, 12), dt.date(2026, 1, 26))
    assert refusal(deficit_status, deficit, dt.datetime(2026, 1, 6, 12, 0)) == (
        InvalidTypeError,
        "today",
        "expected a datetime.date, got datetime",
    )
    assert refusal(deficit_status, deficit, "2026-01-06") == (
        InvalidTypeError,
        "today",
        "expected a datetime.date, got str",
    )


def test_level_pairs_refusals() -> None:
    """daytrading._levels: each change is a (before, after) tuple, its members named by index."""
    assert refusal(day_deficit, [(D(0), D(-5)), [D(0), D(-1)]]) == (
        InvalidTypeError,
        "changes[1]",
        "expected a (level_before, level_after) pair",
    )
    assert refusal(day_deficit, [(D(0), D(-5), D(1))]) == (
        InvalidTypeError,
        "changes[0]",
        "expected a (level_before, level_after) pair",
    )
    assert refusal(day_deficit, [(D(0), D(-5)), ("x", D(0))]) == (
        InvalidTypeError,
        "changes[1].before",
        "'x' is not a number",
    )
    assert refusal(day_deficit, [(D(0), "y")]) == (InvalidTypeError, "changes[0].after", "'y' is not a number")


def test_calendar_overflow_refusal() -> None:
    """daytrading._shift: a date moved beyond year 9999 is a typed refusal with the figures."""
    assert refusal(restriction_end, dt.date(9999, 12, 31), 1) == (
        DomainError,
        "days",
        "9999-12-31 moved by 1 days falls outside the calendar",
    )


def test_practice_rule_bounds() -> None:
    """daytrading.PracticeRule.__post_init__: at least one miss and a lookback of at least one day."""
    assert PracticeRule(misses=1, lookback_days=1) == PracticeRule(1, 1)
    assert refusal(PracticeRule, 0) == (DomainError, "practice.misses", "at least one miss makes a practice")
    assert refusal(PracticeRule, 3, 0) == (DomainError, "practice.lookback_days", "the lookback is at least one day")
    assert refusal(PracticeRule, "3") == (InvalidTypeError, "practice.misses", "expected an int, got str")
    assert refusal(PracticeRule, 3, "365") == (
        InvalidTypeError,
        "practice.lookback_days",
        "expected an int, got str",
    )
    assert refusal(PracticeRule, 3, -1) == (
        DomainError,
        "practice.lookback_days",
        "a count cannot be negative (got -1)",
    )
