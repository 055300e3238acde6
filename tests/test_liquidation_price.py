"""Liquidation price of a position (issue 2, rule 11).

Sources: rulebook section 7 (single long with debit D, q shares, maintenance m: p = (D / q) / (1 - m)), section 3
(FINRA 4210(c): 25% long, short floors $2.50 / $5.00 and 100% / 30%, the $16.67 crossover, non-margin 100%),
section 4 (Alpaca: 100% below $2.50, 30% above), seed 001 (equity == maintenance is not a liquidation call).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.health import health
from margin_rules.health_state import HealthState
from margin_rules.margin_call import _Margin, liquidation_price
from margin_rules.model import Account, Position
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import HouseRules, RuleSet, alpaca, finra

D = Decimal
FINRA = finra()
ALPACA = alpaca()
HOUSE = finra().with_house(
    HouseRules(maintenance_rate=D("0.30"), concentration_threshold=D("0.4"), concentration_rate=D("0.6"))
)
TICK = D("1e-10")
FTICK = Fraction(TICK)


def repriced(account: Account, symbol: str, price: Decimal) -> Account:
    return Account(
        account.cash,
        tuple(
            Position(p.symbol, p.quantity, price, p.marginable, p.leverage) if p.symbol == symbol else p
            for p in account.positions
        ),
    )


def in_call(account: Account, rules: RuleSet, symbol: str, price: Decimal) -> bool:
    return health(repriced(account, symbol, price), rules) is HealthState.LIQUIDATION_CALL


def check_long(account: Account, rules: RuleSet, symbol: str, price: Decimal) -> None:
    """At the price: not in LIQUIDATION_CALL; just below it: in LIQUIDATION_CALL (exact core evaluation)."""
    assert not in_call(account, rules, symbol, price)
    assert in_call(account, rules, symbol, price - TICK)


def check_short(account: Account, rules: RuleSet, symbol: str, price: Decimal) -> None:
    assert not in_call(account, rules, symbol, price)
    assert in_call(account, rules, symbol, price + TICK)


def rulebook_long_price(debit: Fraction, shares: Fraction, rate: Fraction) -> Fraction:
    """Rulebook section 7: p = (D / q) / (1 - m)."""
    return (debit / shares) / (1 - rate)


# --- worked examples ----------------------------------------------------------------------------------------------


def test_single_long_rulebook_formula_exact() -> None:
    # D = 6,000, q = 100, m = 25%: p = 60 / 0.75 = 80. At 80 equity = maintenance = 2,000 (RESTRICTED, seed 001).
    account = Account(D(-6000), (Position("AAA", 100, D(120)),))
    price = liquidation_price(account, FINRA, "AAA")
    assert price == D(80) and Fraction(price) == rulebook_long_price(Fraction(6000), Fraction(100), Fraction(1, 4))
    check_long(account, FINRA, "AAA", D(80))
    figs = account_requirements(repriced(account, "AAA", D(80)), FINRA)
    assert figs.equity == figs.maintenance == D(2000)


def test_single_long_repeating_decimal_rounds_up() -> None:
    # D = 1,000, q = 3, m = 25%: p = 444.444... -> presented as 444.4444444445 (ROUND_CEILING: the safe side).
    account = Account(D(-1000), (Position("AAA", 3, D(1000)),))
    exact = rulebook_long_price(Fraction(1000), Fraction(3), Fraction(1, 4))
    price = liquidation_price(account, FINRA, "AAA")
    assert price == D("444.4444444445")
    assert Fraction(price) - FTICK < exact < Fraction(price)  # type: ignore[arg-type]
    check_long(account, FINRA, "AAA", price)  # type: ignore[arg-type]


def test_single_long_alpaca_30_percent() -> None:
    # Alpaca 30% above $2.50: D = 7,000, q = 100: p = 70 / 0.7 = 100.
    account = Account(D(-7000), (Position("AAA", 100, D(150)),))
    assert liquidation_price(account, ALPACA, "AAA") == D(100)
    check_long(account, ALPACA, "AAA", D(100))


def test_long_alpaca_low_price_band_jump() -> None:
    # Alpaca: 100% below $2.50, 30% at or above. D = 100, q = 100: on the 30% piece the root 1/0.7 = 1.43 lies
    # below $2.50 (outside its piece); below $2.50 the requirement is 100% and the account is in a deficiency at any
    # price. The liquidation price is the band edge, $2.50: at it equity 150 >= maintenance 75, just below it is not.
    account = Account(D(-100), (Position("PENNY", 100, D(4)),))
    assert liquidation_price(account, ALPACA, "PENNY") == D("2.5")
    check_long(account, ALPACA, "PENNY", D("2.50"))


def test_long_with_100_percent_requirement_has_no_liquidation_price() -> None:
    # Non-margin stock at 100% with a debit: equity - maintenance = -D at every price: none exists.
    account = Account(D(-100), (Position("NM", 10, D(50), marginable=False),))
    assert liquidation_price(account, FINRA, "NM") is None
    # Paid for in full: never in a deficiency.
    paid = Account(D(0), (Position("NM", 10, D(50), marginable=False),))
    assert liquidation_price(paid, FINRA, "NM") is None


def test_long_never_reached_with_enough_cash() -> None:
    # A credit balance: the account meets maintenance even at a price of 0.
    account = Account(D(500), (Position("AAA", 100, D(50)),))
    assert liquidation_price(account, FINRA, "AAA") is None


def test_short_above_16_67_uses_30_percent() -> None:
    # Short 100 at $10 with cash 10,000 (rulebook 3). For P >= 16.67: 10,000 - 100 P = 30 P -> P = 76.923076923...
    # (floor to 10 places: the safe side for a short). On the $5 piece the root would be 95, outside it.
    account = Account(D(10000), (Position("SSS", -100, D(10)),))
    price = liquidation_price(account, FINRA, "SSS")
    assert price == D("76.9230769230")
    exact = Fraction(10000, 130)
    assert Fraction(price) <= exact < Fraction(price) + FTICK  # type: ignore[arg-type]
    check_short(account, FINRA, "SSS", price)  # type: ignore[arg-type]


def test_short_where_the_5_dollar_floor_binds() -> None:
    # Cash 2,000, short 100: on [5, 16.67) maintenance is $5 x 100 = 500: 2,000 - 100 P = 500 -> P = 15, inside.
    account = Account(D(2000), (Position("SSS", -100, D(8)),))
    assert liquidation_price(account, FINRA, "SSS") == D(15)
    check_short(account, FINRA, "SSS", D(15))


def test_short_below_5_uses_the_2_50_floor_and_100_percent() -> None:
    # Below $5: max($2.50, 100% P) per share. Cash 700, short 100: for P < 2.50: 700 - 100 P = 250 -> P = 4.5, not
    # inside; for 2.50 <= P < 5: 700 - 100 P = 100 P -> P = 3.5, inside.
    account = Account(D(700), (Position("LOW", -100, D(2)),))
    assert liquidation_price(account, FINRA, "LOW") == D("3.5")
    check_short(account, FINRA, "LOW", D("3.5"))
    # Cash 400: below 2.50: 400 - 100 P = 250 -> P = 1.5 (the $2.50 floor binds).
    floor = Account(D(400), (Position("LOW", -100, D(1)),))
    assert liquidation_price(floor, FINRA, "LOW") == D("1.5")
    check_short(floor, FINRA, "LOW", D("1.5"))


def test_short_always_in_deficiency_has_none() -> None:
    # Cash 200, short 100: even at price 0 the $2.50 floor requires 250 > equity 200.
    account = Account(D(200), (Position("LOW", -100, D(1)),))
    assert liquidation_price(account, FINRA, "LOW") is None


def test_other_positions_are_held_fixed() -> None:
    # AAA's liquidation price with BBB held: D = 6,000 + ... equity(P) = -9,000 + 100 P + 4,000; maintenance
    # 25 P + 1,000 -> 75 P = 6,000 -> P = 80.
    account = Account(D(-9000), (Position("AAA", 100, D(120)), Position("BBB", 40, D(100))))
    assert liquidation_price(account, FINRA, "AAA") == D(80)
    check_long(account, FINRA, "AAA", D(80))


def test_house_concentration_boundary_is_exact() -> None:
    # House: 60% above 40% of gross exposure, else 30%. CON (100 sh) with 6,000 of other gross: concentrated when
    # 100 P > 0.4 (6,000 + 100 P) <=> P > 40; at exactly 40 it is not (house_rate_function compares strictly).
    account = Account(D(-5000), (Position("CON", 100, D(50)), Position("AAA", 60, D(100))))
    margin = _Margin(account, HOUSE, account.position("CON"))  # type: ignore[arg-type]
    for price in (D(40), D("40.0000000001"), D("39.9999999999"), D(50)):
        g, breakpoints = margin.evaluate(Fraction(price))
        figs = account_requirements(repriced(account, "CON", price), HOUSE)
        assert g.at(Fraction(price)) == Fraction(figs.equity - figs.maintenance)
        assert Fraction(40) in breakpoints
    # AAA (6,000) is itself concentrated while 6,000 > 0.4 (6,000 + 100 P) <=> P < 90 (60%: 3,600, else 1,800).
    # g(P) = equity - maintenance = 1,000 + 100 P - CON - AAA:
    #   P <= 40:      70 P - 2,600  (< 0 below 37.14)
    #   40 < P < 90:  40 P - 2,600  (< 0 below 65)   <- the add-on makes g fall at 40: not monotone
    #   P >= 90:      40 P - 800    (> 0)
    # g < 0 on [0, 37.14) and (40, 65): the highest price at which, falling, the deficiency starts is 65.
    price = liquidation_price(account, HOUSE, "CON")
    assert price == D(65)
    assert not in_call(account, HOUSE, "CON", D(38)) and not in_call(account, HOUSE, "CON", D(40))
    assert in_call(account, HOUSE, "CON", D("40.01")) and in_call(account, HOUSE, "CON", D(37))
    check_long(account, HOUSE, "CON", price)  # type: ignore[arg-type]


def test_bad_inputs() -> None:
    account = Account(D(-6000), (Position("AAA", 100, D(120)),))
    with pytest.raises(DomainError):
        liquidation_price(account, FINRA, "ZZZ")
    with pytest.raises(InvalidTypeError):
        liquidation_price(account, FINRA, 5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        liquidation_price(account, "finra", "AAA")  # type: ignore[arg-type]


# --- Hypothesis -------------------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    debit=st.integers(min_value=1, max_value=10**7),
    shares=st.integers(min_value=1, max_value=10**5),
    rate=st.sampled_from(["0.25", "0.30", "0.40", "0.5"]),
)
def test_random_single_long_matches_rulebook(debit: int, shares: int, rate: str) -> None:
    rules = FINRA.with_rates("test", maintenance_long_rate=rate, intraday_multiplier=1)
    exact = rulebook_long_price(Fraction(debit), Fraction(shares), Fraction(rate))
    account = Account(-debit, (Position("AAA", shares, D(1)),))
    price = liquidation_price(account, rules, "AAA")
    assert price is not None
    if (exact * 10**10).denominator == 1:
        assert Fraction(price) == exact
    else:
        assert exact < Fraction(price) < exact + FTICK  # rounded up, by less than one tick
    if price <= D(10) ** 9:
        check_long(account, rules, "AAA", price)


SYMBOLS = ["A", "B", "C", "D"]


@st.composite
def accounts(draw: st.DrawFn) -> tuple[Account, str]:
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), min_size=1, max_size=4, unique=True))
    held = []
    for symbol in symbols:
        qty = draw(st.integers(min_value=-300, max_value=300).filter(lambda q: q != 0))
        price = draw(st.decimals(min_value=D("0.5"), max_value=D(200), places=2))
        marginable = draw(st.booleans()) if qty > 0 else True
        leverage = draw(st.sampled_from([D(1), D(1), D(2)]))
        held.append(Position(symbol, qty, price, marginable, leverage))
    gross = sum((abs(p.quantity) * p.price for p in held), D(0))
    value = sum((p.quantity * p.price for p in held), D(0))
    # equity = gross x fraction: mostly near the requirements, so that a liquidation price usually exists
    fraction = draw(st.decimals(min_value=D("-0.1"), max_value=D("1.2"), places=3))
    cash = (gross * fraction - value).quantize(D("0.01"))
    return Account(cash, tuple(held)), draw(st.sampled_from(symbols))


RULES = st.sampled_from([FINRA, ALPACA, HOUSE])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=accounts(), rules=RULES)
def test_random_liquidation_price_is_the_boundary(case: tuple[Account, str], rules: RuleSet) -> None:
    account, symbol = case
    price = liquidation_price(account, rules, symbol)
    long = account.position(symbol).quantity > 0  # type: ignore[union-attr]
    if price is None:
        # then no sampled price is a boundary: the call state is the same at 0, the current price and far out
        states = {in_call(account, rules, symbol, p) for p in (D(0), D("0.5"), D(5), D(50), D(500), D(10) ** 6)}
        assert len(states) == 1 or (long and states == {True, False} and in_call(account, rules, symbol, D(10) ** 6))
        return
    assert price >= 0
    assert not in_call(account, rules, symbol, price)
    if long:
        assert in_call(account, rules, symbol, price - TICK)
        # the highest such price: above it the account is never in a deficiency at the sampled prices
        for k in (D("1.0001"), D("1.01"), D(2), D(10), D(1000)):
            if price * k <= D(10) ** 9:
                assert not in_call(account, rules, symbol, (price * k).quantize(TICK))
    else:
        assert in_call(account, rules, symbol, price + TICK)
        for k in (D("0.9999"), D("0.99"), D("0.5"), D("0.1"), D(0)):
            assert not in_call(account, rules, symbol, (price * k).quantize(TICK))


@settings(max_examples=100, deadline=None)
@given(case=accounts(), rules=RULES, price=st.decimals(min_value=D(0), max_value=D(400), places=3))
def test_piecewise_evaluator_agrees_with_the_core(case: tuple[Account, str], rules: RuleSet, price: Decimal) -> None:
    # The linear-piece evaluation (formulas over linear functions, concentration rule over linear functions) must
    # give exactly the core's equity - maintenance at any price.
    account, symbol = case
    margin = _Margin(account, rules, account.position(symbol))  # type: ignore[arg-type]
    g, _ = margin.evaluate(Fraction(price))
    figs = account_requirements(repriced(account, symbol, price), rules)
    assert g.at(Fraction(price)) == Fraction(figs.equity - figs.maintenance)
