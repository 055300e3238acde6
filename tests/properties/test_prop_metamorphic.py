"""Metamorphic relations: lot splitting, permutation, and the correct scaling relations.

Scaling: every requirement term is (shares x something), so scaling every *quantity* (and the cash, the SMA and the
prior
figures) by k > 0 scales market values, equity and requirements by k and leaves health unchanged. Scaling *prices* does
not: the per-share floors ($2.50 / $5.00 per share), the $5.00 short threshold and the $2.50 Alpaca band are not
proportional to price. Price scaling is exact only where no per-share term or price threshold exists: FINRA long-only
accounts (25% / 50%, no band). The maximum withdrawal does not scale either (the $2,000 minimum is absolute).
"""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import margin_strategies as ms
from hypothesis import example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    Position,
    account_requirements,
    buying_power,
    finra,
    health,
    max_withdrawal,
    position_initial,
    position_maintenance,
)
from margin_rules.money import exact

FINRA = finra()
SCALES = st.sampled_from((D(2), D(3), D(10), D("0.5"), D("0.25"), D("1.5")))


@prop(
    "META-LOT-SPLIT",
    "Splitting a position into lots of the same symbol (same sign) leaves its requirement unchanged: the sum of the "
    "lots' requirements equals the merged position's (no house concentration add-on).",
    "FINRA 4210(c); requirements are linear in shares at a given price",
    ["margin_rules.requirements.position_maintenance", "margin_rules.requirements.position_initial"],
)
@given(
    rules=ms.no_house_rule_sets,
    qty=ms.nonzero_quantities,
    cut=st.fractions(0, 1),
    price=ms.prices,
    marginable=st.booleans(),
    leverage=ms.leverages,
    house=st.sampled_from((D(0), D("0.35"))),
)
@example(rules=FINRA, qty=D(-100), cut=Fraction(3, 10), price=D("4.99"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), cut=Fraction(1, 2), price=D("10.00"), marginable=True, leverage=D(1), house=D(0))
def test_lot_split(rules: object, qty: D, cut: Fraction, price: D, marginable: bool, leverage: D, house: D) -> None:
    lot1 = (qty * cut.numerator / cut.denominator).quantize(D("0.001"))
    lot2 = qty - lot1
    merged = Position("AAA", qty, price, marginable, leverage)
    lots = [Position("AAA", lot, price, marginable, leverage) for lot in (lot1, lot2)]
    with exact():
        assert sum(position_maintenance(p, rules, house) for p in lots) == position_maintenance(merged, rules, house)  # type: ignore[arg-type]
        assert sum(position_initial(p, rules, house) for p in lots) == position_initial(merged, rules, house)  # type: ignore[arg-type]


@prop(
    "META-PERMUTATION",
    "Permuting an account's positions changes nothing: requirements, equity, health, maximum withdrawal, buying power.",
    "FINRA 4210(c) (sum over positions)",
    [
        "margin_rules.requirements.account_requirements",
        "margin_rules.health.health",
        "margin_rules.withdrawal.max_withdrawal",
        "margin_rules.buying_power.buying_power",
    ],
)
@given(account=ms.accounts(min_positions=2), rules=ms.rule_sets, data=st.data())
def test_permutation_invariance(account: Account, rules: object, data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(len(account.positions))))
    permuted = Account(
        account.cash,
        tuple(account.positions[i] for i in order),
        account.sma,
        account.prior_equity,
        account.prior_maintenance,
    )
    a, b = account_requirements(account, rules), account_requirements(permuted, rules)  # type: ignore[arg-type]
    assert (a.maintenance, a.initial, a.equity, a.long_market_value, a.short_market_value) == (
        b.maintenance,
        b.initial,
        b.equity,
        b.long_market_value,
        b.short_market_value,
    )
    assert health(account, rules) is health(permuted, rules)  # type: ignore[arg-type]
    assert max_withdrawal(account, rules) == max_withdrawal(permuted, rules)  # type: ignore[arg-type]
    assert buying_power(account, rules) == buying_power(permuted, rules)  # type: ignore[arg-type]


def _scaled_quantities(account: Account, k: D) -> Account:
    with exact():
        return Account(
            account.cash * k,
            tuple(Position(p.symbol, p.quantity * k, p.price, p.marginable, p.leverage) for p in account.positions),
            account.sma * k,
        )


@prop(
    "META-SCALE-QUANTITY",
    "Scaling the cash and every quantity by k > 0 scales market values, equity, maintenance and initial requirements "
    "and Reg T / intraday buying power by k, and leaves health unchanged (house concentration included).",
    "FINRA 4210(c); Reg T 220.12 (every term is shares x a per-share amount)",
    [
        "margin_rules.requirements.account_requirements",
        "margin_rules.health.health",
        "margin_rules.buying_power.buying_power",
    ],
)
@given(account=ms.accounts(), rules=ms.rule_sets, k=SCALES)
@example(account=Account(D("-100"), (Position("AAA", D(-100), D("4.99")),)), rules=FINRA, k=D(3))
def test_quantity_scaling(account: Account, rules: object, k: D) -> None:
    scaled = _scaled_quantities(account, k)
    a, b = account_requirements(account, rules), account_requirements(scaled, rules)  # type: ignore[arg-type]
    with exact():
        assert b.maintenance == a.maintenance * k
        assert b.initial == a.initial * k
        assert b.equity == a.equity * k
        assert b.long_market_value == a.long_market_value * k
        assert b.short_market_value == a.short_market_value * k
        bp_a, bp_b = buying_power(account, rules), buying_power(scaled, rules)  # type: ignore[arg-type]
        assert bp_b.reg_t == bp_a.reg_t * k
        assert bp_b.intraday == bp_a.intraday * k
    assert health(scaled, rules) is health(account, rules)  # type: ignore[arg-type]


@prop(
    "META-SCALE-PRICE",
    "For FINRA long-only marginable accounts (no per-share floor, no price band) scaling cash and every price by k > 0 "
    "scales requirements and equity by k and leaves health unchanged; with a short below $16.67 it does not (the "
    "per-share floors are absolute).",
    "FINRA 4210(c)(1)-(2)",
    ["margin_rules.requirements.account_requirements", "margin_rules.health.health"],
)
@given(account=ms.accounts(long_only=True, marginable_only=True), k=SCALES)
def test_price_scaling_long_only_finra(account: Account, k: D) -> None:
    with exact():
        scaled = Account(
            account.cash * k,
            tuple(Position(p.symbol, p.quantity, p.price * k, p.marginable, p.leverage) for p in account.positions),
        )
        a, b = account_requirements(account, FINRA), account_requirements(scaled, FINRA)
        assert b.maintenance == a.maintenance * k
        assert b.initial == a.initial * k
        assert b.equity == a.equity * k
    assert health(scaled, FINRA) is health(account, FINRA)


def test_price_scaling_breaks_on_per_share_floors() -> None:
    """The counter-example that makes the scaling relation a *quantity* relation: a short at $4.00 (floor $2.50/share
    vs 100%) and at $8.00 (floor $5.00/share vs 30% = $2.40)."""
    short = Account(D(0), (Position("AAA", D(-100), D("4.00")),))
    doubled = Account(D(0), (Position("AAA", D(-100), D("8.00")),))
    assert account_requirements(short, FINRA).maintenance == D("400.00")  # 100% of $400
    assert account_requirements(doubled, FINRA).maintenance == D("500.00")  # $5.00/share, not 2 x 400
    # the $2,000 minimum is absolute: x10 quantities do not give x10 the withdrawal when it binds
    small = Account(D(2100), (Position("AAA", D(-1), D(100)),))
    assert max_withdrawal(small, FINRA) * 10 != max_withdrawal(_scaled_quantities(small, D(10)), FINRA)
