"""Margin calls and liquidation plans (issue 2, rule 10).

Sources: rulebook section 1 (deficiency), 3 (FINRA 4210(c) rates and short floors), 5 (Reg T call, 220.4(c)(3): due
settlement + 2 business days, no liquidation for $1,000 or less), 7 (LEAN losers first, seed 000 smallest first,
shares needed follow exactly from the rule table), FINRA 4210(b)(1) ($2,000 minimum equity).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.health import health
from margin_rules.health_state import HealthState
from margin_rules.margin_call import (
    REG_T_CALL_DUE_BUSINESS_DAYS,
    CallKind,
    LiquidationPlan,
    LiquidationPolicy,
    account_after_plan,
    liquidation_plan,
    margin_calls,
)
from margin_rules.model import Account, Order, Position, Side
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import HouseRules, RuleSet, alpaca, finra

D = Decimal
ONE = D(1)
FINRA = finra()
ALPACA = alpaca()
HOUSE = finra().with_house(
    HouseRules(maintenance_rate=D("0.30"), concentration_threshold=D("0.4"), concentration_rate=D("0.6"))
)


# --- an independent replay of a plan (does not use margin_call's own helpers) ---------------------------------------


def replay(account: Account, orders: tuple[Order, ...] | list[Order]) -> Account:
    """Execute orders at their prices: quantity toward zero, cash +/- quantity x price."""
    positions = {p.symbol: p for p in account.positions}
    cash = account.cash
    for order in orders:
        held = positions[order.symbol]
        signed = order.signed_quantity
        assert (held.quantity > 0) == (order.side is Side.SELL), "each order trades toward zero"
        assert abs(signed) <= abs(held.quantity)
        remaining = held.quantity + signed
        cash -= signed * order.price
        if remaining == 0:
            del positions[order.symbol]
        else:
            positions[order.symbol] = Position(held.symbol, remaining, held.price, held.marginable, held.leverage)
    return Account(cash, tuple(positions.values()), account.sma)


def cures(account: Account, rules: RuleSet) -> bool:
    figs = account_requirements(account, rules)
    return figs.equity >= figs.maintenance


def one_step_fewer(orders: tuple[Order, ...], step: Decimal = ONE) -> list[Order]:
    """The plan with its last order reduced to the previous grid point (one share fewer; a full close of a
    fractional position drops to its whole-share part)."""
    *head, last = orders
    q = last.quantity
    remainder = q % step
    fewer = q - remainder if remainder != 0 else q - step
    if fewer <= 0:
        return list(head)
    return [*head, Order(last.symbol, last.side, fewer, last.price, last.marginable, last.leverage)]


def check_plan(account: Account, rules: RuleSet, plan: LiquidationPlan, step: Decimal = ONE) -> None:
    """The plan's claims, checked independently: cure, minimality, or full liquidation."""
    after = replay(account, plan.orders)
    assert after == account_after_plan(account, plan)
    figs = account_requirements(after, rules)
    assert figs.equity == account_requirements(account, rules).equity, "equity unchanged (rulebook section 7)"
    assert (figs.equity, figs.maintenance) == (plan.equity_after, plan.maintenance_after)
    if plan.deficiency == 0:
        assert plan.orders == () and plan.cures
        return
    if plan.cures:
        assert figs.equity >= figs.maintenance
        assert not cures(replay(account, one_step_fewer(plan.orders, step)), rules), "one share fewer must not cure"
        # every order but the last closes its position fully
        for order in plan.orders[:-1]:
            assert order.quantity == abs(account.position(order.symbol).quantity)  # type: ignore[union-attr]
    else:
        assert figs.equity < figs.maintenance
        assert all(p.price == 0 for p in after.positions), "an uncurable plan liquidates everything tradeable"


# --- margin calls -------------------------------------------------------------------------------------------------


def test_maintenance_call_worked_example() -> None:
    # Rulebook 3: long 25%. 100 sh at $75 with a $6,000 debit: equity 1,500, maintenance 1,875, deficiency 375.
    account = Account(D(-6000), (Position("AAA", 100, D(75)),))
    calls = margin_calls(account, FINRA)
    assert [c.kind for c in calls] == [CallKind.MAINTENANCE, CallKind.MINIMUM_EQUITY]
    maintenance, minimum = calls
    assert (maintenance.amount, maintenance.equity, maintenance.requirement) == (D(375), D(1500), D(1875))
    assert maintenance.rule == "FINRA Rule 4210(c)"
    assert maintenance.liquidation_required is None and maintenance.due_business_days is None
    # FINRA 4210(b)(1): a debit balance and equity 1,500 < 2,000.
    assert (minimum.amount, minimum.requirement, minimum.rule) == (D(500), D(2000), "FINRA Rule 4210(b)(1)")


def test_maintenance_boundary_is_exact() -> None:
    # Seed 001 boundary: equity == maintenance is RESTRICTED, not a call. 100 sh at $80, debit 6,000: 2,000 = 2,000.
    at = Account(D(-6000), (Position("AAA", 100, D(80)),))
    assert margin_calls(at, FINRA) == ()
    below = Account(D("-6000.01"), (Position("AAA", 100, D(80)),))
    calls = margin_calls(below, FINRA)
    assert [c.kind for c in calls] == [CallKind.MAINTENANCE, CallKind.MINIMUM_EQUITY]
    # equity 1,999.99, maintenance 2,000: a deficiency of exactly one cent, and one cent below the $2,000 minimum
    assert calls[0].amount == D("0.01") and calls[1].amount == D("0.01")


def test_reg_t_call_threshold_and_due_days() -> None:
    # Rulebook 5 / Reg T 220.4(c)(3): no liquidation required for a deficiency of $1,000 or less.
    healthy = (Position("AAA", 100, D(100)),)
    at = margin_calls(Account(D(0), healthy, sma=D(-1000)), FINRA)
    assert [c.kind for c in at] == [CallKind.REG_T]
    assert at[0].amount == D(1000) and at[0].liquidation_required is False
    assert at[0].due_business_days == REG_T_CALL_DUE_BUSINESS_DAYS == 2
    assert at[0].rule == "Reg T 12 CFR 220.4(c)(3)"
    above = margin_calls(Account(D(0), healthy, sma=D("-1000.01")), FINRA)
    assert above[0].amount == D("1000.01") and above[0].liquidation_required is True
    assert margin_calls(Account(D(0), healthy, sma=D(0)), FINRA) == ()


def test_minimum_equity_needs_credit() -> None:
    # FINRA 4210(b)(1) applies to accounts using credit: a long bought with cash (no debit) is not called.
    cash_paid = Account(D(0), (Position("AAA", 10, D(100)),))
    assert margin_calls(cash_paid, FINRA) == ()
    # A short uses credit even with a credit balance: short 10 at $100, cash 2,400: equity 1,400 < 2,000.
    short = Account(D(2400), (Position("SSS", -10, D(100)),))
    calls = margin_calls(short, FINRA)
    assert [c.kind for c in calls] == [CallKind.MINIMUM_EQUITY]
    assert calls[0].amount == D(600)
    # equity exactly 2,000 with a debit: no call.
    exactly = Account(D(-2000), (Position("AAA", 40, D(100)),))
    assert margin_calls(exactly, FINRA) == ()


def test_no_positions_no_calls_unless_a_debit_remains() -> None:
    assert margin_calls(Account(D(0)), FINRA) == ()
    assert margin_calls(Account(D(5000)), FINRA) == ()
    # A debit with no positions left (e.g. after a liquidation that could not cure) is credit without collateral:
    # health says HEALTHY (seed 001: no positions), but the 4210(b)(1) minimum-equity call stays.
    (call,) = margin_calls(Account(D(-50)), FINRA)
    assert (call.kind, call.amount, call.requirement) == (CallKind.MINIMUM_EQUITY, D(2050), D(2000))


def test_short_floor_binds_in_calls() -> None:
    # Seed bug regression (rulebook 3): short 100 at $10 requires $500 (the $5 floor), not $300.
    account = Account(D(1400), (Position("SSS", -100, D(10)),))  # equity 400
    (call, minimum) = margin_calls(account, FINRA)
    assert call.kind is CallKind.MAINTENANCE and call.requirement == D(500) and call.amount == D(100)
    assert minimum.kind is CallKind.MINIMUM_EQUITY


def test_bad_inputs_for_calls() -> None:
    with pytest.raises(InvalidTypeError):
        margin_calls("account", FINRA)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        margin_calls(Account(D(0)), "finra")  # type: ignore[arg-type]


# --- liquidation plans: worked examples ---------------------------------------------------------------------------


def test_plan_single_long_exact_sizing() -> None:
    # Deficiency 375; each share sold releases 25% x 75 = 18.75: 375 / 18.75 = 20 shares exactly.
    account = Account(D(-6000), (Position("AAA", 100, D(75)),))
    plan = liquidation_plan(account, FINRA)
    assert plan.orders == (Order("AAA", Side.SELL, D(20), D(75)),)
    assert plan.deficiency == D(375) and plan.cures
    assert plan.equity_after == plan.maintenance_after == D(1500)  # cured exactly at the boundary (RESTRICTED)
    check_plan(account, FINRA, plan)


def test_plan_rounds_up_to_whole_shares() -> None:
    # Deficiency 380: 380 / 18.75 = 20.27 -> 21 shares (20 leave 5 of deficiency).
    account = Account(D(-6005), (Position("AAA", 100, D(75)),))
    plan = liquidation_plan(account, FINRA)
    assert plan.deficiency == D(380)
    assert plan.orders == (Order("AAA", Side.SELL, D(21), D(75)),)
    check_plan(account, FINRA, plan)
    fractional = liquidation_plan(account, FINRA, whole_shares=False)
    # 380 / 18.75 = 20.2666..., rounded up to 9 places.
    assert fractional.orders[0].quantity == D("20.266666667")
    check_plan(account, FINRA, fractional, D("1e-9"))


def test_plan_short_below_5_uses_the_per_share_floor() -> None:
    # Rulebook 3: short below $5: greater of $2.50/share or 100%. At $2 the floor binds: each share covered releases
    # $2.50. 1,000 sh short at $2: maintenance 2,500; cash 4,300: equity 2,300; deficiency 200 -> 80 shares.
    account = Account(D(4300), (Position("LOW", -1000, D(2)),))
    plan = liquidation_plan(account, FINRA)
    assert plan.deficiency == D(200)
    assert plan.orders == (Order("LOW", Side.BUY, D(80), D(2)),)
    check_plan(account, FINRA, plan)


def test_plan_short_between_5_and_16_67_uses_the_5_dollar_floor() -> None:
    # Short 100 at $10: $5/share (not 30% = $3). Equity 400, maintenance 500: deficiency 100 -> 20 shares.
    account = Account(D(1400), (Position("SSS", -100, D(10)),))
    plan = liquidation_plan(account, FINRA)
    assert plan.orders == (Order("SSS", Side.BUY, D(20), D(10)),)
    check_plan(account, FINRA, plan)


def test_plan_non_marginable_releases_100_percent() -> None:
    # Non-margin stock carries 100% (SR-FINRA-2012-024): each share sold releases its full price.
    account = Account(D(-1000), (Position("NM", 10, D(50), marginable=False), Position("AAA", 100, D(30))))
    # equity = -1000 + 500 + 3000 = 2500; maintenance = 500 + 750 = 1250: no deficiency
    assert liquidation_plan(account, FINRA).orders == ()
    # debit 2,400 -> equity 1,100, maintenance 1,250, deficiency 150
    deficit = Account(D(-2400), (Position("NM", 10, D(50), marginable=False), Position("AAA", 100, D(30))))
    plan = liquidation_plan(deficit, FINRA, LiquidationPolicy.LARGEST_REQUIREMENT_FIRST)
    # largest requirement first: AAA (750) before NM (500); AAA releases 7.50/share: 150 / 7.5 = 20
    assert plan.orders == (Order("AAA", Side.SELL, D(20), D(30)),)
    plan = liquidation_plan(deficit, FINRA, LiquidationPolicy.SMALLEST_FIRST)
    # smallest first: NM (500) releases 50/share: 150 / 50 = 3
    assert plan.orders == (Order("NM", Side.SELL, D(3), D(50), marginable=False),)
    check_plan(deficit, FINRA, plan)


def test_plan_closes_a_fractional_remainder_when_all_is_needed() -> None:
    # 10.5 shares at $100, debit 800: equity 250, maintenance 262.5, deficiency 12.5; 25/share -> 1 share.
    small = Account(D(-800), (Position("FR", D("10.5"), D(100)),))
    assert liquidation_plan(small, FINRA).orders == (Order("FR", Side.SELL, D(1), D(100)),)
    # Two positions: the first (smallest) must be closed fully, including its half share.
    account = Account(D(-5000), (Position("FR", D("10.5"), D(100)), Position("BIG", 100, D(50))))
    # equity = -5000 + 1050 + 5000 = 1050; maintenance = 262.5 + 1250 = 1512.5; deficiency 462.5
    plan = liquidation_plan(account, FINRA, LiquidationPolicy.SMALLEST_FIRST)
    assert plan.orders[0] == Order("FR", Side.SELL, D("10.5"), D(100))
    # remaining 462.5 - 262.5 = 200; BIG releases 12.5/share -> 16 shares
    assert plan.orders[1] == Order("BIG", Side.SELL, D(16), D(50))
    check_plan(account, FINRA, plan)


def test_plan_fractional_remainder_needed_in_full_on_the_last_position() -> None:
    # The last position's whole-share part is not enough; closing it (with its 0.5) is.
    # debit 1,040 -> equity 10, maintenance 262.5, deficiency 252.5
    account = Account(D(-1040), (Position("FR", D("10.5"), D(100)),))
    plan = liquidation_plan(account, FINRA)
    # 252.5 / 25 = 10.1 -> 11 whole shares > 10.5 held: close the whole 10.5 (maintenance 0 <= equity 10)
    assert plan.orders == (Order("FR", Side.SELL, D("10.5"), D(100)),) and plan.cures
    check_plan(account, FINRA, plan)


def test_plan_cannot_cure_negative_equity() -> None:
    account = Account(D(-12000), (Position("AAA", 100, D(75)), Position("SSS", -10, D(20))))
    plan = liquidation_plan(account, FINRA)
    assert not plan.cures
    assert {o.symbol: o.quantity for o in plan.orders} == {"AAA": D(100), "SSS": D(10)}
    assert plan.maintenance_after == 0 and plan.equity_after < 0
    check_plan(account, FINRA, plan)


def test_plan_without_deficiency_is_empty() -> None:
    account = Account(D(-1000), (Position("AAA", 100, D(75)),))
    plan = liquidation_plan(account, FINRA)
    assert plan == LiquidationPlan((), D(0), D(6500), D(1875), True, LiquidationPolicy.LOSERS_FIRST)
    assert liquidation_plan(Account(D(0)), FINRA).cures


POLICY_POSITIONS = (
    Position("AAA", 100, D(50), cost_basis=D(6000)),  # P&L -1,000, value 5,000, maintenance 1,250
    Position("BBB", 20, D(100), cost_basis=D(1500)),  # P&L +500, value 2,000, maintenance 500
    Position("CCC", 50, D(40)),  # no basis: P&L 0, value 2,000, maintenance 500
    Position("DDD", -10, D(30), cost_basis=D(-200)),  # P&L -100, value -300, maintenance 90 (30% = $9 > $5 floor)
)
POLICY_ACCOUNT = Account(D(-7700), POLICY_POSITIONS)  # equity 1,000, maintenance 2,340, deficiency 1,340
UNCURABLE = Account(D(-10400), POLICY_POSITIONS)  # equity -1,700: every position is liquidated, in policy order


def test_policy_orders_losers_first_as_lean() -> None:
    # Rulebook 7 (LEAN): unrealized P&L ascending: AAA (-1,000), DDD (-100), CCC (0, no basis), BBB (+500).
    figs = account_requirements(POLICY_ACCOUNT, FINRA)
    assert (figs.equity, figs.maintenance) == (D(1000), D(2340))
    plan = liquidation_plan(POLICY_ACCOUNT, FINRA, LiquidationPolicy.LOSERS_FIRST)
    # AAA closed releases 1,250; the remaining 90 is exactly DDD's 10 shares at $9
    assert plan.orders == (Order("AAA", Side.SELL, D(100), D(50)), Order("DDD", Side.BUY, D(10), D(30)))
    assert plan.cures and plan.maintenance_after == plan.equity_after == D(1000)
    check_plan(POLICY_ACCOUNT, FINRA, plan)
    plan = liquidation_plan(UNCURABLE, FINRA, LiquidationPolicy.LOSERS_FIRST)
    assert [o.symbol for o in plan.orders] == ["AAA", "DDD", "CCC", "BBB"] and not plan.cures
    check_plan(UNCURABLE, FINRA, plan)


def test_policy_orders_smallest_first_as_seed_000_ties_by_symbol() -> None:
    # Seed 000: smallest positions first: DDD (300), then BBB and CCC (2,000 each, tie -> by symbol), then AAA.
    plan = liquidation_plan(UNCURABLE, FINRA, LiquidationPolicy.SMALLEST_FIRST)
    assert [o.symbol for o in plan.orders] == ["DDD", "BBB", "CCC", "AAA"]
    check_plan(UNCURABLE, FINRA, plan)
    plan = liquidation_plan(POLICY_ACCOUNT, FINRA, LiquidationPolicy.SMALLEST_FIRST)
    # DDD releases 90, BBB 500, CCC 500: 1,090; AAA 250 / 12.5 = 20 shares
    assert [(o.symbol, o.quantity) for o in plan.orders] == [("DDD", 10), ("BBB", 20), ("CCC", 50), ("AAA", 20)]
    check_plan(POLICY_ACCOUNT, FINRA, plan)


def test_policy_largest_requirement_first_ties_by_symbol() -> None:
    # AAA (1,250), then BBB and CCC (500 each, by symbol), then DDD (90).
    plan = liquidation_plan(UNCURABLE, FINRA, LiquidationPolicy.LARGEST_REQUIREMENT_FIRST)
    assert [o.symbol for o in plan.orders] == ["AAA", "BBB", "CCC", "DDD"]
    check_plan(UNCURABLE, FINRA, plan)
    plan = liquidation_plan(POLICY_ACCOUNT, FINRA, LiquidationPolicy.LARGEST_REQUIREMENT_FIRST)
    # AAA 1,250, then BBB: 90 / 25 per share = 3.6 -> 4 shares
    assert [(o.symbol, o.quantity) for o in plan.orders] == [("AAA", 100), ("BBB", 4)]
    check_plan(POLICY_ACCOUNT, FINRA, plan)


def test_plan_is_deterministic_and_policy_is_recorded() -> None:
    for policy in LiquidationPolicy:
        a = liquidation_plan(POLICY_ACCOUNT, FINRA, policy)
        assert a == liquidation_plan(POLICY_ACCOUNT, FINRA, policy)
        assert a.policy is policy
    assert liquidation_plan(POLICY_ACCOUNT, FINRA, "smallest_first").policy is LiquidationPolicy.SMALLEST_FIRST  # type: ignore[arg-type]


def test_plan_alpaca_low_price_band_and_leveraged() -> None:
    # Alpaca (rulebook 4): long < $2.50 at 100%; 2x/3x leveraged ETFs at 100%.
    account = Account(
        D(-3000),
        (Position("PENNY", 1000, D(2)), Position("LEV", 10, D(100), leverage=D(3)), Position("AAA", 30, D(100))),
    )
    # equity = -3000 + 2000 + 1000 + 3000 = 3000; maintenance = 2000 + 1000 + 900 = 3900; deficiency 900
    plan = liquidation_plan(account, ALPACA, LiquidationPolicy.SMALLEST_FIRST)
    assert plan.deficiency == D(900)
    # smallest: LEV (1,000) releases 100/share: 9 shares
    assert plan.orders == (Order("LEV", Side.SELL, D(9), D(100), leverage=D(3)),)
    check_plan(account, ALPACA, plan)


def test_plan_with_house_concentration_is_verified_by_recomputation() -> None:
    # House (4210(d)(1)): 30% everywhere, 60% for a position above 40% of gross exposure. CON (100 at $80) is
    # concentrated until 67 shares are sold (80 (100 - n) > 0.4 (12,000 - 80 n) <=> n < 66.67); then its rate drops to
    # 30%. Equity 2,660, maintenance 4,800 + 600 + 600 = 6,000, deficiency 3,340.
    account = Account(D(-9340), (Position("CON", 100, D(80)), Position("AAA", 40, D(50)), Position("BBB", 40, D(50))))
    figs = account_requirements(account, HOUSE)
    assert (figs.maintenance, figs.equity) == (D(6000), D(2660))
    plan = liquidation_plan(account, HOUSE, LiquidationPolicy.LARGEST_REQUIREMENT_FIRST)
    # Linear sizing at 60% ($48 a share) would sell ceil(3,340 / 48) = 70; recomputation finds 67: after 66 the
    # maintenance is 6,000 - 48 x 66 = 2,832 > 2,660, after 67 it is 0.3 x 80 x 33 + 1,200 = 1,992.
    assert plan.orders == (Order("CON", Side.SELL, D(67), D(80)),)
    assert plan.maintenance_after == D(1992) and plan.cures
    check_plan(account, HOUSE, plan)


def test_plan_bad_inputs() -> None:
    account = Account(D(-6000), (Position("AAA", 100, D(75)),))
    with pytest.raises(DomainError):
        liquidation_plan(account, FINRA, "biggest_first")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        liquidation_plan(account, FINRA, whole_shares="yes")  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        liquidation_plan(account, FINRA, whole_shares=False, fraction_places=11)
    with pytest.raises(InvalidTypeError):
        liquidation_plan(None, FINRA)  # type: ignore[arg-type]


# --- Hypothesis: random accounts' plans cure and are minimal ---------------------------------------------------------

SYMBOLS = ["A", "B", "C", "D", "E", "F"]

prices = st.decimals(min_value=D("0.50"), max_value=D(300), places=2)
quantities = st.one_of(
    st.integers(min_value=-400, max_value=400).filter(lambda q: q != 0).map(D),
    st.decimals(min_value=D("-50"), max_value=D("50"), places=3).filter(lambda q: q != 0),
)


@st.composite
def positions(draw: st.DrawFn) -> tuple[Position, ...]:
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), min_size=1, max_size=5, unique=True))
    result = []
    for symbol in symbols:
        qty = draw(quantities)
        price = draw(prices)
        marginable = draw(st.booleans()) if qty > 0 else True
        leverage = draw(st.sampled_from([D(1), D(1), D(2), D(3)]))
        basis = draw(st.one_of(st.none(), st.decimals(min_value=D(-20000), max_value=D(20000), places=2)))
        if basis is not None and (basis > 0) != (qty > 0):
            basis = -basis
        result.append(Position(symbol, qty, price, marginable, leverage, basis))
    return tuple(result)


@st.composite
def deficient_accounts(draw: st.DrawFn) -> Account:
    held = draw(positions())
    gross = sum((abs(p.quantity) * p.price for p in held), D(0))
    value = sum((p.quantity * p.price for p in held), D(0))
    # cash such that equity = value + cash lies around the requirement (some cured, most deficient, a few negative)
    fraction = draw(st.decimals(min_value=D("-0.2"), max_value=D("1.1"), places=3))
    cash = (gross * fraction - value).quantize(D("0.01"))
    return Account(cash, held)


RULES = st.sampled_from([FINRA, ALPACA, HOUSE])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(account=deficient_accounts(), rules=RULES, policy=st.sampled_from(list(LiquidationPolicy)))
def test_random_plans_cure_and_are_minimal(account: Account, rules: RuleSet, policy: LiquidationPolicy) -> None:
    plan = liquidation_plan(account, rules, policy)
    check_plan(account, rules, plan)
    figs = account_requirements(account, rules)
    assert plan.deficiency == max(figs.maintenance - figs.equity, D(0))
    # cure is impossible exactly when liquidating everything tradeable leaves a deficiency
    everything = [
        Order(p.symbol, Side.SELL if p.quantity > 0 else Side.BUY, abs(p.quantity), p.price, p.marginable, p.leverage)
        for p in account.positions
        if p.price > 0
    ]
    assert plan.cures == cures(replay(account, everything), rules)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(account=deficient_accounts(), rules=RULES)
def test_random_fractional_plans_cure_and_are_minimal(account: Account, rules: RuleSet) -> None:
    plan = liquidation_plan(account, rules, whole_shares=False, fraction_places=4)
    check_plan(account, rules, plan, D("0.0001"))


@settings(max_examples=150, deadline=None)
@given(account=deficient_accounts(), rules=RULES, sma=st.decimals(min_value=-3000, max_value=3000, places=2))
def test_random_calls_agree_with_health(account: Account, rules: RuleSet, sma: Decimal) -> None:
    account = Account(account.cash, account.positions, sma)
    calls = margin_calls(account, rules)
    kinds = [c.kind for c in calls]
    figs = account_requirements(account, rules)
    assert (CallKind.MAINTENANCE in kinds) == (health(account, rules) is HealthState.LIQUIDATION_CALL)
    assert (CallKind.REG_T in kinds) == (sma < 0)
    credit = account.cash < 0 or any(p.quantity < 0 for p in account.positions)
    assert (CallKind.MINIMUM_EQUITY in kinds) == (credit and figs.equity < rules.rates.minimum_equity)
    for call in calls:
        if call.kind is CallKind.MAINTENANCE:
            assert call.amount == figs.maintenance - figs.equity
            assert liquidation_plan(account, rules).deficiency == call.amount
