"""The incremental liquidation plan (requirements independent of the rest of the book) is the plan the full search
finds, order for order, on random accounts in a maintenance call; with a concentration add-on the search is used."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from margin_rules import Account, Position, alpaca, finra
from margin_rules.margin_call import (
    LiquidationPolicy,
    _grid_step,
    _independent_requirements,
    _plan,
    account_after_plan,
    liquidation_plan,
)
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import HouseRules


def _account(rng: random.Random, n: int) -> Account:
    positions = []
    gross = Decimal(0)
    for i in range(n):
        price = Decimal(rng.choice(["0.75", "3.10", "4.99", "7.5", "16.67", "55.25", "310"]))
        qty = Decimal(rng.randint(1, 900)) * (1 if rng.random() < 0.7 else -1)
        gross += abs(qty) * price
        positions.append(Position(f"S{i}", qty, price, rng.random() > 0.15, rng.choice([1, 1, 2, 3])))
    return Account((-gross * Decimal("0.85")).quantize(Decimal("0.01")), tuple(positions))


@pytest.mark.parametrize("policy", list(LiquidationPolicy))
@pytest.mark.parametrize("whole_shares", [True, False])
def test_incremental_plan_equals_search(policy: LiquidationPolicy, whole_shares: bool) -> None:
    rng = random.Random(f"{policy}-{whole_shares}")
    house = finra().with_house(HouseRules(maintenance_rate=Decimal("0.3"), symbol_rates={"S1": Decimal("0.6")}))
    for rules in (finra(), alpaca(), house):
        assert _independent_requirements(rules)
        for _ in range(12):
            account = _account(rng, rng.randint(1, 25))
            figs = account_requirements(account, rules)
            if figs.equity >= figs.maintenance:
                continue
            deficiency = figs.maintenance - figs.equity
            step = _grid_step(whole_shares, 9)
            fast = _plan(account, rules, policy, step, figs, deficiency, incremental=True)
            slow = _plan(account, rules, policy, step, figs, deficiency, incremental=False)
            assert fast is not None
            assert fast == slow
            assert liquidation_plan(account, rules, policy, whole_shares) == fast
            after = account_requirements(account_after_plan(account, fast), rules)
            assert (after.maintenance, after.equity) == (fast.maintenance_after, fast.equity_after)


def test_concentration_add_on_uses_the_search() -> None:
    house = HouseRules(concentration_threshold=Decimal("0.4"), concentration_rate=Decimal("0.5"))
    rules = finra().with_house(house)
    assert not _independent_requirements(rules)
    account = Account(Decimal("-9000"), (Position("BIG", 100, Decimal("100")), Position("SMALL", 10, Decimal("50"))))
    plan = liquidation_plan(account, rules)
    assert plan.cures
    after = account_requirements(account_after_plan(account, plan), rules)
    assert after.equity >= after.maintenance
