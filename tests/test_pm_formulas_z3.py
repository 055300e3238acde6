"""The portfolio-margin formulas are provable as written: the same functions over the Z3 domain of the proofs give
terms for which the properties the assurance work will state hold for *every* input (checked here with Z3 directly,
as a smoke test that the formulas stay within what ``Arith`` offers)."""

from __future__ import annotations

from decimal import Decimal

import z3

from margin_rules import pm_formulas as pf
from proofs.z3arith import Z3Arith

AR = Z3Arith()
FRACTIONS = [AR.const(Decimal(k) / 5) for k in range(1, 6)]


def _proved(claim: object) -> bool:
    solver = z3.Solver()
    solver.add(z3.Not(claim))
    return solver.check() == z3.unsat


def test_group_loss_is_never_negative_and_at_most_the_losses() -> None:
    a, b, offset = z3.Reals("a b offset")
    loss = pf.group_loss(AR, offset, [a, b])
    bounds = z3.And(offset >= 0, offset <= 1)
    assert _proved(z3.Implies(bounds, loss >= 0))
    # offsets can only lower the loss below the sum of the classes' losses
    assert _proved(z3.Implies(bounds, loss <= pf.group_loss(AR, AR.zero, [a, b])))


def test_own_loss_is_the_worst_valuation_point() -> None:
    qty, price, factor, down, up = z3.Reals("qty price factor down up")
    moves = pf.valuation_moves(AR, down, up, FRACTIONS)
    pnls = [pf.position_pnl(AR, qty, price, factor, m) for m in moves]
    worst = pf.worst_loss(AR, [pf.group_loss(AR, AR.zero, [p]) for p in pnls])
    assert _proved(z3.And(*[worst >= -p for p in pnls], worst >= 0))
    assert _proved(z3.Or(worst == 0, *[worst == -p for p in pnls]))


def test_a_hedge_in_the_class_never_raises_its_loss() -> None:
    """Adding a position whose P&L at a point has the opposite sign of the class's and no larger magnitude never
    raises the class loss at that point (so never the worst loss)."""
    pnl, hedge = z3.Reals("pnl hedge")
    before = pf.group_loss(AR, AR.zero, [pf.class_pnl(AR, [pnl])])
    after = pf.group_loss(AR, AR.zero, [pf.class_pnl(AR, [pnl, hedge])])
    opposite = z3.Or(z3.And(pnl <= 0, hedge >= 0, hedge <= -pnl), z3.And(pnl >= 0, hedge <= 0, -hedge <= pnl))
    assert _proved(z3.Implies(opposite, after <= before))


def test_layers_and_minimums() -> None:
    rule, house, theoretical, minimum = z3.Reals("rule house theoretical minimum")
    assert _proved(pf.layered(AR, rule, house) >= rule)
    assert _proved(pf.group_requirement(AR, theoretical, minimum) >= minimum)


def test_tier_portions_add_up_to_the_balance() -> None:
    balance, b1, b2 = z3.Reals("balance b1 b2")
    t, f = z3.BoolVal(True), z3.BoolVal(False)
    parts = [
        pf.tier_portion(AR, balance, AR.zero, b1, t),
        pf.tier_portion(AR, balance, b1, b2, t),
        pf.tier_portion(AR, balance, b2, balance, f),
    ]
    assert _proved(z3.Implies(z3.And(balance >= 0, b1 > 0, b1 < b2), parts[0] + parts[1] + parts[2] == balance))
