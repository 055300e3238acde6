"""Properties of the health classification (rule 6): exact boundaries, the oracle, seed 001 equivalence,
monotonicity."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as Fr

import margin_oracle as oracle
import margin_strategies as ms
from hypothesis import assume, example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    HealthState,
    Position,
    account_requirements,
    classify,
    finra,
    health,
    health_of,
    seed_ratio_health,
)
from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.money import exact

FINRA = finra()
CENT = D("0.01")


@prop(
    "HEALTH-BOUNDARIES",
    "With positions: LIQUIDATION_CALL iff equity < maintenance, RESTRICTED iff maintenance <= equity < initial, "
    "HEALTHY iff equity >= initial; equity exactly at maintenance is RESTRICTED, exactly at initial HEALTHY; no "
    "positions: HEALTHY. No tolerance.",
    "FINRA 4210(c); Reg T 220.12 / 4210(b); seed 001",
    ["margin_rules.health.classify", "margin_rules.formulas.classify"],
)
@given(
    has_positions=st.booleans(),
    maintenance=ms.decimals(0, 100_000, 2),
    spread=ms.decimals(0, 100_000, 2),
    equity=ms.decimals(-10_000, 300_000, 2),
)
@example(has_positions=True, maintenance=D("2500.00"), spread=D("2500.00"), equity=D("2500.00"))  # == maintenance
@example(has_positions=True, maintenance=D("2500.00"), spread=D("2500.00"), equity=D("2499.99"))
@example(has_positions=True, maintenance=D("2500.00"), spread=D("2500.00"), equity=D("2500.01"))
@example(has_positions=True, maintenance=D("2500.00"), spread=D("2500.00"), equity=D("5000.00"))  # == initial
@example(has_positions=True, maintenance=D("2500.00"), spread=D("2500.00"), equity=D("4999.99"))
@example(has_positions=True, maintenance=D("2500.00"), spread=D("0"), equity=D("2500.00"))  # maintenance == initial
@example(has_positions=False, maintenance=D("0"), spread=D("0"), equity=D("-5.00"))
def test_classify_boundaries(has_positions: bool, maintenance: D, spread: D, equity: D) -> None:
    initial = maintenance + spread
    state = classify(has_positions, equity, maintenance, initial)
    assert state.value == oracle.classify(has_positions, Fr(equity), Fr(maintenance), Fr(initial))
    if has_positions and equity == maintenance:
        assert state is (HealthState.HEALTHY if equity >= initial else HealthState.RESTRICTED)
    if has_positions and equity == initial:
        assert state is HealthState.HEALTHY
    with exact():
        assert f.classify(DECIMAL, has_positions, equity, maintenance, initial) is state


def _at(account: Account, target: D) -> Account:
    """The same positions with cash set so that equity equals ``target`` exactly."""
    with exact():
        market = sum((p.quantity * p.price for p in account.positions), D(0))
        return Account(target - market, account.positions)


@prop(
    "HEALTH-ORACLE",
    "An account's health equals the rulebook classification of its exactly computed equity and requirements, also "
    "when its equity is set exactly at its maintenance or initial requirement or one cent below.",
    "FINRA 4210(c); Reg T 220.12; seed 001",
    ["margin_rules.health.health", "margin_rules.health.health_of"],
)
@given(account=ms.accounts(min_positions=1), rules=ms.rule_sets, where=st.sampled_from(("as is", "M", "M-", "I", "I-")))
@example(
    account=Account(D(0), (Position("AAA", D(100), D("10.00")), Position("BBB", D(-100), D("4.99")))),
    rules=FINRA,
    where="M",
)
def test_health_matches_oracle(account: Account, rules: object, where: str) -> None:
    fig = oracle.account_figures(account, rules)
    target = {
        "M": fig.maintenance,
        "M-": fig.maintenance - Fr(1, 100),
        "I": fig.initial,
        "I-": fig.initial - Fr(1, 100),
    }
    if where != "as is":
        value = target[where]
        assume(abs(value - sum((Fr(p.quantity) * Fr(p.price) for p in account.positions), Fr(0))) < 10**21)
        account = _at(
            account, D(value.numerator) / D(value.denominator) if value.denominator != 1 else D(value.numerator)
        )
        fig = oracle.account_figures(account, rules)
    state = health(account, rules)  # type: ignore[arg-type]
    assert state.value == oracle.classify(fig.has_positions, fig.equity, fig.maintenance, fig.initial)
    assert health_of(account_requirements(account, rules)) is state  # type: ignore[arg-type]
    if fig.has_positions and where == "M" and fig.maintenance < fig.initial:
        assert state is HealthState.RESTRICTED
    if fig.has_positions and where == "I":
        assert state is HealthState.HEALTHY


@prop(
    "HEALTH-SEED-EQUIVALENCE",
    "For long-only marginable accounts under FINRA 25%/50%, the requirement-based health equals seed 001's ratio rule "
    "(ratio = equity / market value; an exact Fraction division in the oracle).",
    "seed 001; FINRA 4210(c)(1); Reg T 220.12(a)",
    ["margin_rules.health.health", "margin_rules.health.seed_ratio_health", "margin_rules.formulas.ratio_classify"],
)
@given(account=ms.accounts(long_only=True, marginable_only=True), where=st.sampled_from(("as is", "25%", "50%")))
@example(account=Account(D("-750.00"), (Position("AAA", D(100), D("10.00")),)), where="as is")  # ratio exactly 25%
@example(account=Account(D("-500.00"), (Position("AAA", D(100), D("10.00")),)), where="as is")  # ratio exactly 50%
@example(account=Account(D("-100.00")), where="as is")  # no positions, negative equity: HEALTHY
def test_seed_ratio_equivalence(account: Account, where: str) -> None:
    assume(all(p.price > 0 for p in account.positions))  # see test_seed_equivalence_fails_at_zero_price
    gross = sum((Fr(p.quantity) * Fr(p.price) for p in account.positions), Fr(0))
    if where != "as is" and gross > 0:
        ratio = Fr(1, 4) if where == "25%" else Fr(1, 2)
        target = ratio * gross
        account = _at(account, D(target.numerator) / D(target.denominator))
    fig = oracle.account_figures(account, FINRA)
    state = health(account, FINRA)
    assert seed_ratio_health(account) is state
    assert state.value == oracle.seed_ratio_classify(fig.gross, fig.equity, Fr(1, 4), Fr(1, 2))


_ORDER = {HealthState.HEALTHY: 0, HealthState.RESTRICTED: 1, HealthState.LIQUIDATION_CALL: 2}


@prop(
    "HEALTH-MONOTONE-PRICE",
    "For a long-only account, a price fall never improves health (rule sets without a concentration add-on; see "
    "test_concentration_add_on_is_not_monotone for why the add-on breaks it).",
    "FINRA 4210(c)(1); MONOTONICITY",
    ["margin_rules.health.health"],
)
@given(account=ms.accounts(long_only=True, min_positions=1), rules=ms.no_house_rule_sets, data=st.data())
def test_long_price_fall_never_improves_health(account: Account, rules: object, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(account.positions) - 1))
    p = account.positions[index]
    new_price = max(p.price - data.draw(ms.decimals(0, 100, 2)), D(0))
    moved = Position(p.symbol, p.quantity, new_price, p.marginable, p.leverage)
    after = Account(account.cash, (*account.positions[:index], moved, *account.positions[index + 1 :]))
    assert _ORDER[health(after, rules)] >= _ORDER[health(account, rules)]  # type: ignore[arg-type]


def test_concentration_add_on_is_not_monotone() -> None:
    """FINDING (documented, not a core bug): with a house concentration add-on (rate applies when |mv| > threshold x
    gross exposure) a small price fall can take a position out of the concentrated band and *improve* health. The
    MONOTONICITY property therefore holds for rule sets without the add-on only."""
    rules = ms.RULE_SETS[2]  # finra + house 35%, concentration 50% -> 50%
    before = Account(D("-1148.71"), (Position("BBB", D(100), D("10.00")), Position("CCC", D(100), D("9.98"))))
    after = Account(D("-1148.71"), (Position("BBB", D(100), D("9.98")), Position("CCC", D(100), D("9.98"))))
    assert health(before, rules) is HealthState.LIQUIDATION_CALL
    assert health(after, rules) is HealthState.RESTRICTED
    assert _ORDER[health(after, FINRA)] >= _ORDER[health(before, FINRA)]  # without the add-on: monotone


def test_seed_equivalence_fails_at_zero_price() -> None:
    """FINDING: SEED EQUIVALENCE needs every price > 0. A held position priced at $0.00 has no market value, so seed
    001's ratio rule sees "no position" (HEALTHY) while the requirement rule sees a position and equity below the
    (zero) maintenance requirement (LIQUIDATION_CALL). The requirement rule is the safe one; the equivalence (and its Z3
    proof) must assume positive prices or treat a zero-value position as a position."""
    account = Account(D("-0.01"), (Position("AAA", D(1), D("0.00")),))
    assert health(account, FINRA) is HealthState.LIQUIDATION_CALL
    assert seed_ratio_health(account) is HealthState.HEALTHY
