"""Health classification HEALTHY / RESTRICTED / LIQUIDATION_CALL from requirements (rule 6).

Boundaries are exact (seed 001): equity equal to the maintenance requirement is RESTRICTED, equal to the initial
requirement is HEALTHY, and an account without positions is HEALTHY. For a long-only marginable account at 25% / 50%
this agrees exactly with seed 001's ratio rule (:func:`seed_ratio_health`); the proofs show it for any account.
"""

from __future__ import annotations

from decimal import Decimal

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.health_state import HealthState
from margin_rules.model import Account
from margin_rules.money import exact_function, to_decimal
from margin_rules.requirements import AccountRequirements, account_requirements
from margin_rules.rulesets import RuleSet

__all__ = ["HealthState", "classify", "health", "health_of", "seed_ratio_health"]


@exact_function
@icontract.require(lambda maintenance: maintenance >= 0, "the maintenance requirement is not negative")
@icontract.require(lambda maintenance, initial: initial >= maintenance, "initial requirement >= maintenance")
@icontract.ensure(
    lambda has_positions, equity, maintenance, result: (
        not has_positions or (result is HealthState.LIQUIDATION_CALL) == (equity < maintenance)
    ),
    "with positions, LIQUIDATION_CALL exactly when equity < maintenance (SOLVENCY)",
)
@icontract.ensure(
    lambda has_positions, equity, maintenance, initial, result: (
        not has_positions or (result is HealthState.HEALTHY) == (equity >= initial)
    ),
    "with positions, HEALTHY exactly when equity >= initial",
)
@icontract.ensure(lambda has_positions, result: has_positions or result is HealthState.HEALTHY, "no positions: HEALTHY")
def classify(has_positions: bool, equity: Decimal, maintenance: Decimal, initial: Decimal) -> HealthState:
    """Classify from equity and the two requirements (FINRA 4210(c) maintenance, Reg T 220.12 / 4210(b) initial)."""
    return f.classify(DECIMAL, has_positions, equity, maintenance, initial)


def health_of(figures: AccountRequirements) -> HealthState:
    """Health of already computed account requirements."""
    return classify(figures.has_positions, figures.equity, figures.maintenance, figures.initial)


def health(account: Account, rules: RuleSet) -> HealthState:
    """Health of an account under a rule set."""
    return health_of(account_requirements(account, rules))


@exact_function
def seed_ratio_health(
    account: Account, maintenance_rate: Decimal | str = "0.25", initial_rate: Decimal | str = "0.50"
) -> HealthState:
    """Seed 001's rule, for reference: ratio = equity / market value; < maintenance: LIQUIDATION_CALL; < initial:
    RESTRICTED; else HEALTHY; no position: HEALTHY. Evaluated by cross-multiplying (never through a rounded ratio)."""
    m = to_decimal(maintenance_rate, "maintenance_rate")
    i = to_decimal(initial_rate, "initial_rate")
    gross = sum((abs(p.quantity) * p.price for p in account.positions), Decimal(0))
    equity_value = account.cash + sum((p.quantity * p.price for p in account.positions), Decimal(0))
    return f.ratio_classify(DECIMAL, gross, equity_value, m, i)
