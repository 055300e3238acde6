"""Properties of the requirements (rules 2 to 5): exact agreement with the Fraction oracle, the short floors,
monotonicity,
the branch-free formula vs the routed library code, and the hypothetical-order requirement."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as Fr

import margin_oracle as oracle
import margin_strategies as ms
from hypothesis import example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    Order,
    Position,
    Side,
    account_initial,
    account_maintenance,
    account_requirements,
    alpaca,
    finra,
    order_requirement,
    position_initial,
    position_maintenance,
)
from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.money import exact
from margin_rules.requirements import position_terms, split_order

FINRA, ALPACA = finra(), alpaca()


@prop(
    "REQ-ORACLE-POSITION",
    "Each position's maintenance and initial requirement equals, exactly, the rulebook's rule computed with Fractions "
    "(long 25%/Alpaca 30% and the $2.50 band, short floors, non-marginable 100%, leveraged ETPs, house rate).",
    "FINRA 4210(c)(1)-(2), 4210(b)(1), 4210(d)(1); Reg T 220.12(a),(c),(e); Alpaca margin table",
    ["margin_rules.requirements.position_maintenance", "margin_rules.requirements.position_initial"],
)
@given(
    rules=ms.presets,
    qty=ms.quantities,
    price=ms.prices,
    marginable=st.booleans(),
    leverage=ms.leverages,
    house=st.sampled_from((D(0), D(0), D("0.35"), D(1))),
)
@example(rules=FINRA, qty=D(100), price=D("10.00"), marginable=True, leverage=D(1), house=D(0))  # 25% long
@example(rules=ALPACA, qty=D(100), price=D("2.49"), marginable=True, leverage=D(1), house=D(0))  # Alpaca band: 100%
@example(rules=ALPACA, qty=D(100), price=D("2.50"), marginable=True, leverage=D(1), house=D(0))  # Alpaca band: 30%
@example(rules=ALPACA, qty=D(100), price=D("2.51"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), price=D("4.99"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), price=D("4.995"), marginable=True, leverage=D(1), house=D(0))  # narrow band
@example(rules=FINRA, qty=D(-100), price=D("5.00"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), price=D("5.01"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), price=D("16.66"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), price=D("16.67"), marginable=True, leverage=D(1), house=D(0))
@example(rules=FINRA, qty=D(-100), price=D("1.00"), marginable=True, leverage=D(1), house=D(0))  # $2.50 floor binds
@example(rules=FINRA, qty=D(10), price=D("10.00"), marginable=False, leverage=D(1), house=D(0))  # non-marginable
@example(rules=ALPACA, qty=D(10), price=D("10.00"), marginable=True, leverage=D(3), house=D(0))  # leveraged ETF
@example(rules=FINRA, qty=D(10), price=D("10.00"), marginable=True, leverage=D(3), house=D(0))  # 75%
@example(rules=FINRA, qty=D(-10), price=D("20.00"), marginable=True, leverage=D(2), house=D(0))  # short 60%
@example(rules=ALPACA, qty=D(-10), price=D("20.00"), marginable=True, leverage=D(2), house=D(0))  # Alpaca 100% floor
@example(rules=FINRA, qty=D(10), price=D("10.00"), marginable=True, leverage=D(1), house=D("0.35"))  # house layer
@example(rules=FINRA, qty=D(-10), price=D("20.00"), marginable=True, leverage=D(1), house=D(1))
@example(rules=FINRA, qty=D(0), price=D("20.00"), marginable=True, leverage=D(1), house=D(0))
def test_position_requirements_match_fraction_oracle(
    rules: object, qty: D, price: D, marginable: bool, leverage: D, house: D
) -> None:
    position = Position("AAA", qty, price, marginable, leverage)
    expected = oracle.position_req(rules, qty, price, marginable, leverage, Fr(house))
    maintenance = position_maintenance(position, rules, house)  # type: ignore[arg-type]
    initial = position_initial(position, rules, house)  # type: ignore[arg-type]
    assert Fr(maintenance) == expected.maintenance
    assert Fr(initial) == expected.initial


@prop(
    "REQ-SHORT-FLOORS",
    "A short's maintenance requirement is at least $2.50/share and 100% of CMV below $5.00, at least $5.00/share and "
    "30% of CMV at or above $5.00, and equals the greater of the two.",
    "FINRA 4210(c)(2)(A)-(B)",
    ["margin_rules.requirements.position_maintenance", "margin_rules.formulas.short_maintenance"],
)
@given(shares=ms.nonzero_quantities.map(abs), price=ms.prices)
@example(shares=D(100), price=D("4.99"))
@example(shares=D(100), price=D("4.995"))
@example(shares=D(100), price=D("4.999"))
@example(shares=D(100), price=D("5.00"))
@example(shares=D(100), price=D("5.01"))
@example(shares=D(100), price=D("2.49"))
@example(shares=D(100), price=D("2.50"))
@example(shares=D(100), price=D("16.66"))
@example(shares=D(100), price=D("16.67"))
@example(shares=D(100), price=D("16.68"))
@example(shares=D("0.5"), price=D("1.00"))
def test_short_floors(shares: D, price: D) -> None:
    req = Fr(position_maintenance(Position("AAA", -shares, price), FINRA))
    s, p = Fr(shares), Fr(price)
    if p < 5:
        per_share, rate = Fr(5, 2) * s, Fr(1) * s * p
    else:
        per_share, rate = Fr(5) * s, Fr(3, 10) * s * p
    assert req >= per_share
    assert req >= rate
    assert req == max(per_share, rate)
    # $16.67: below it the $5/share floor binds (5 > 30% x p), from it 30% of CMV does.
    if Fr(5) <= p:
        assert (req == per_share) == (p <= Fr(50, 3))


@prop(
    "REQ-ORACLE-ACCOUNT",
    "The account's market values, maintenance and initial requirements (house layers and concentration included) equal "
    "the Fraction oracle exactly; initial >= maintenance >= 0.",
    "FINRA 4210(c), 4210(b)(1), 4210(d)(1); Reg T 220.2, 220.12",
    [
        "margin_rules.requirements.account_requirements",
        "margin_rules.requirements.account_maintenance",
        "margin_rules.requirements.account_initial",
        "margin_rules.requirements.house_rate_function",
    ],
)
@given(account=ms.accounts(), rules=ms.rule_sets)
@example(account=Account(0), rules=FINRA)
@example(
    account=Account(D(1000), (Position("AAA", D(100), D(10)), Position("BBB", D(-100), D(4)))),
    rules=ms.RULE_SETS[2],
)
def test_account_requirements_match_oracle(account: Account, rules: object) -> None:
    fig = oracle.account_figures(account, rules)
    req = account_requirements(account, rules)  # type: ignore[arg-type]
    assert Fr(req.cash) == fig.cash
    assert Fr(req.long_market_value) == fig.long_mv
    assert Fr(req.short_market_value) == fig.short_mv
    assert Fr(req.equity) == fig.equity
    assert Fr(req.gross_exposure) == fig.gross
    assert Fr(req.maintenance) == fig.maintenance
    assert Fr(req.initial) == fig.initial
    assert Fr(req.maintenance_excess) == fig.equity - fig.maintenance
    assert Fr(req.initial_excess) == fig.equity - fig.initial
    assert req.has_positions == fig.has_positions
    assert req.has_shorts == fig.has_shorts
    assert [Fr(p.maintenance) for p in req.positions] == [r.maintenance for r in fig.per_position]
    assert [Fr(p.initial) for p in req.positions] == [r.initial for r in fig.per_position]
    assert Fr(account_maintenance(account, rules)) == fig.maintenance  # type: ignore[arg-type]
    assert Fr(account_initial(account, rules)) == fig.initial  # type: ignore[arg-type]
    assert fig.initial >= fig.maintenance >= 0


@prop(
    "REQ-MONOTONE",
    "Requirements never decrease as |quantity| grows (same symbol, price and rule set).",
    "FINRA 4210(c); MONOTONICITY",
    ["margin_rules.requirements.position_maintenance", "margin_rules.requirements.position_initial"],
)
@given(
    rules=ms.presets,
    qty=ms.nonzero_quantities,
    extra=ms.decimals(0, 1000, 3),
    price=ms.prices,
    marginable=st.booleans(),
    leverage=ms.leverages,
)
@example(rules=FINRA, qty=D(-1), extra=D(1), price=D("4.99"), marginable=True, leverage=D(1))
def test_requirements_monotone_in_quantity(
    rules: object, qty: D, extra: D, price: D, marginable: bool, leverage: D
) -> None:
    bigger = qty + extra if qty > 0 else qty - extra
    small, large = (
        Position("AAA", qty, price, marginable, leverage),
        Position("AAA", bigger, price, marginable, leverage),
    )
    assert position_maintenance(small, rules) <= position_maintenance(large, rules)  # type: ignore[arg-type]
    assert position_initial(small, rules) <= position_initial(large, rules)  # type: ignore[arg-type]


@prop(
    "REQ-ROUTED-EQUALS-FORMULA",
    "The library's routed (and specialised) per-position code equals the branch-free formula the proofs reason about.",
    "one formula, one place (link between proofs and code)",
    ["margin_rules.requirements.position_terms", "margin_rules.formulas.position_requirements"],
)
@given(
    rules=ms.presets,
    qty=ms.quantities,
    price=ms.prices,
    marginable=st.booleans(),
    leverage=ms.leverages,
    house=st.sampled_from((D(0), D("0.35"))),
)
@example(rules=FINRA, qty=D(-100), price=D("5.00"), marginable=True, leverage=D(1), house=D(0))
def test_routed_equals_branch_free_formula(
    rules: object, qty: D, price: D, marginable: bool, leverage: D, house: D
) -> None:
    r = rules.rates  # type: ignore[attr-defined]
    with exact():
        routed = position_terms(r, qty, price, marginable, leverage, house)
        formula = f.position_requirements(DECIMAL, r, qty, price, marginable, leverage, house)
    assert routed == formula


def _oracle_order(account: Account, order: Order, rules: object) -> tuple[Fr, Fr, Fr, Fr, Fr]:
    """(opening, closing, opening maintenance, opening initial, minimum equity) from the rule text."""
    held = account.position(order.symbol)
    current = Fr(held.quantity) if held is not None else Fr(0)
    delta = Fr(order.quantity) if order.side is Side.BUY else -Fr(order.quantity)
    if current == 0 or (current > 0) == (delta > 0):
        opening, closing = abs(delta), Fr(0)
    else:
        closing = min(abs(delta), abs(current))
        opening = abs(delta) - closing
    marginable = held.marginable if held is not None else order.marginable
    leverage = held.leverage if held is not None else order.leverage
    house = oracle.fr(rules.house.base_rate(order.symbol)) if rules.house is not None else Fr(0)  # type: ignore[attr-defined]
    signed = opening if order.side is Side.BUY else -opening
    req = oracle.position_req(rules, signed, order.price, marginable, leverage, house)
    if opening == 0:
        minimum = Fr(0)
    elif order.side is Side.BUY:  # 4210(b)(1): no customer need deposit more than the cost of the security
        minimum = min(oracle.table(rules)["minimum_equity"], opening * Fr(order.price))
    else:
        minimum = oracle.table(rules)["minimum_equity"]
    return opening, closing, req.maintenance, req.initial, minimum


@prop(
    "REQ-ORDER",
    "A hypothetical order splits into opening and closing shares; opening shares carry the rule's requirement at the "
    "order price; the $2,000 minimum applies to opening orders, capped at a purchase's cost; closing orders add "
    "nothing.",
    "FINRA 4210(b)(1); Reg T 220.12",
    ["margin_rules.requirements.order_requirement", "margin_rules.requirements.split_order"],
)
@given(data=st.data(), account=ms.accounts(min_positions=1), rules=ms.rule_sets)
def test_order_requirement(data: st.DataObject, account: Account, rules: object) -> None:
    order = data.draw(ms.orders(account))
    req = order_requirement(account, order, rules)  # type: ignore[arg-type]
    opening, closing, maintenance, initial, minimum = _oracle_order(account, order, rules)
    assert (Fr(req.opening_quantity), Fr(req.closing_quantity)) == (opening, closing)
    assert split_order(account, order) == (req.opening_quantity, req.closing_quantity)
    assert Fr(req.maintenance) == maintenance
    assert Fr(req.initial) == initial
    assert Fr(req.minimum_equity) == minimum
    assert Fr(req.notional) == Fr(order.quantity) * Fr(order.price)
    assert req.required_equity >= req.minimum_equity
    if req.is_closing_only:
        assert req.initial == req.maintenance == 0


def test_order_requirement_threshold_examples() -> None:
    """$2,000 minimum: capped at the cost of a small purchase; a short sale always needs the full $2,000."""
    account = Account(D(100000))
    small_buy = order_requirement(account, Order("AAA", Side.BUY, D(10), D("5.00")), FINRA)
    assert small_buy.minimum_equity == D("50.00")
    big_buy = order_requirement(account, Order("AAA", Side.BUY, D(1000), D("5.00")), FINRA)
    assert big_buy.minimum_equity == D(2000)
    short = order_requirement(account, Order("AAA", Side.SELL_SHORT, D(10), D("5.00")), FINRA)
    assert short.minimum_equity == D(2000)
    assert short.maintenance == D("50.00")  # $5.00/share at exactly $5.00
    held = Account(D(0), (Position("AAA", D(100), D(10)),))
    closing = order_requirement(held, Order("AAA", Side.SELL, D(100), D(10)), FINRA)
    assert closing.is_closing_only and closing.minimum_equity == 0 and closing.required_equity == 0
