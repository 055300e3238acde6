"""Health: seed 001's two scenarios, exact boundaries, and agreement with seed 001's ratio rule (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from margin_rules import (
    Account,
    HealthState,
    Position,
    RuleSet,
    account_requirements,
    classify,
    equity,
    equity_ratio,
    equity_ratio_display,
    finra,
    health,
    health_of,
    seed_ratio_health,
)

D = Decimal


def test_seed_001_initial_position_healthy(finra_rules: RuleSet) -> None:
    """Seed 001: cash $10,000 + 100 shares @ $400 with a $30,000 loan: the cash balance is 10,000 - 30,000 = -20,000.
    Equity $20,000, ratio 50%: HEALTHY (equity equals the 50% initial requirement)."""
    account = Account(D(10000) - D(30000), [Position("XYZ", 100, 400)])
    figures = account_requirements(account, finra_rules)
    assert equity(account) == D(20000)
    assert equity_ratio(account) == Fraction(1, 2)
    assert figures.maintenance == D(10000) and figures.initial == D(20000)
    assert health(account, finra_rules) is HealthState.HEALTHY
    assert seed_ratio_health(account) is HealthState.HEALTHY


def test_seed_001_after_40_percent_fall_liquidation_call(finra_rules: RuleSet) -> None:
    """Seed 001: after a 40% decline to $240: market value $24,000, equity $4,000, ratio 16.7%: LIQUIDATION_CALL."""
    account = Account(-20000, [Position("XYZ", 100, 240)])
    assert equity(account) == D(4000)
    assert equity_ratio(account) == Fraction(1, 6)
    assert equity_ratio_display(account, 3) == D("0.167")
    assert account_requirements(account, finra_rules).maintenance == D(6000)
    assert health(account, finra_rules) is HealthState.LIQUIDATION_CALL
    assert seed_ratio_health(account) is HealthState.LIQUIDATION_CALL


def test_classify_exact_boundaries() -> None:
    """Seed 001: equity == maintenance -> RESTRICTED; == initial -> HEALTHY; no positions -> HEALTHY; no tolerance."""
    assert classify(True, D(100), D(100), D(200)) is HealthState.RESTRICTED
    assert classify(True, D("99.9999999999"), D(100), D(200)) is HealthState.LIQUIDATION_CALL
    assert classify(True, D(200), D(100), D(200)) is HealthState.HEALTHY
    assert classify(True, D("199.9999999999"), D(100), D(200)) is HealthState.RESTRICTED
    assert classify(False, D(-5), D(0), D(0)) is HealthState.HEALTHY
    assert classify(True, D(0), D(0), D(0)) is HealthState.HEALTHY


def test_account_boundaries(finra_rules: RuleSet) -> None:
    """Long 100 @ $100: maintenance $2,500, initial $5,000 (4210(c)(1), 220.12(a))."""
    position = [Position("A", 100, 100)]

    def state(cash: str) -> HealthState:
        return health(Account(cash, position), finra_rules)

    assert state("-7500") is HealthState.RESTRICTED  # equity == maintenance
    assert state("-7500.01") is HealthState.LIQUIDATION_CALL
    assert state("-5000") is HealthState.HEALTHY  # equity == initial
    assert state("-5000.01") is HealthState.RESTRICTED
    assert health(Account("-1000000"), finra_rules) is HealthState.HEALTHY  # no positions
    assert health(Account(-1, [Position("A", 0, 5)]), finra_rules) is HealthState.HEALTHY


def test_short_account_health_uses_floors(finra_rules: RuleSet) -> None:
    """Short 100 @ $10 requires $500 (4210(c)(2)(B)), not 30%: equity $400 is a LIQUIDATION_CALL."""
    account = Account(1400, [Position("S", -100, 10)])
    assert health(account, finra_rules) is HealthState.LIQUIDATION_CALL
    assert health_of(account_requirements(account, finra_rules)) is HealthState.LIQUIDATION_CALL


_prices = st.decimals(min_value=D("0.01"), max_value=D("5000"), places=2)
_quantities = st.one_of(
    st.integers(min_value=0, max_value=100000).map(D), st.decimals(min_value=0, max_value=1000, places=4)
)


@st.composite
def long_marginable_accounts(draw: st.DrawFn) -> Account:
    n = draw(st.integers(min_value=0, max_value=6))
    positions = [Position(f"S{i}", draw(_quantities), draw(_prices)) for i in range(n)]
    gross = sum((p.quantity * p.price for p in positions), D(0))
    # Cash around the interesting region: equity from -10% to 120% of the market value, plus exact boundaries.
    mode = draw(st.sampled_from(["free", "maintenance", "initial"]))
    if mode == "maintenance":
        cash = gross / 4 - gross
    elif mode == "initial":
        cash = gross / 2 - gross
    else:
        cash = draw(st.decimals(min_value=-(10**9), max_value=10**9, places=2))
    offset = draw(st.sampled_from([D(0), D("0.01"), D("-0.01")]))
    return Account(cash + offset, positions)


@settings(max_examples=1500, deadline=None)
@given(long_marginable_accounts())
def test_health_agrees_with_seed_ratio_rule(account: Account) -> None:
    """Issue 2 rule 6: for long-only marginable accounts at 25%/50% (finra preset) health == seed 001's ratio rule."""
    assert health(account, finra()) is seed_ratio_health(account, "0.25", "0.50")
