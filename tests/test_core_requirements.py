"""Requirements: worked examples (each cites its source), regressions of the seed material, the precision bound, and
the conformance of the specialised hot loop with the single-source formulas."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from margin_rules import (
    Account,
    HouseRules,
    Order,
    Position,
    PrecisionError,
    RuleSet,
    Side,
    account_initial,
    account_maintenance,
    account_requirements,
    order_requirement,
    position_initial,
    position_maintenance,
)
from margin_rules import formulas as f
from margin_rules.arith import DECIMAL, Expr, Specialiser, TracingArith
from margin_rules.money import CORE_CONTEXT, exact
from margin_rules.rates import Rates
from margin_rules.requirements import position_terms, specialised

D = Decimal


def maint(rules: RuleSet, qty: Any, price: Any, **kw: Any) -> Decimal:
    return position_maintenance(Position("X", qty, price, **kw), rules)


def init(rules: RuleSet, qty: Any, price: Any, **kw: Any) -> Decimal:
    return position_initial(Position("X", qty, price, **kw), rules)


# --- Long 25% (FINRA 4210(c)(1)) and Reg T 50% initial (220.12(a)) ------------------------------------------------


def test_long_25_percent_maintenance_50_percent_initial(finra_rules: RuleSet) -> None:
    """FINRA 4210(c)(1): 25% of CMV; Reg T 220.12(a): 50%. 100 shares @ $50 = $5,000: $1,250 and $2,500."""
    assert maint(finra_rules, 100, "50") == D("1250")
    assert init(finra_rules, 100, "50") == D("2500")


def test_long_fractional_shares(finra_rules: RuleSet) -> None:
    """4210(c)(1) on a fractional position: 0.5 share @ $101 = $50.50 -> $12.625 (exact, no rounding)."""
    assert maint(finra_rules, "0.5", "101") == D("12.625")


# --- Short floors (FINRA 4210(c)(2)(A)-(B)) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        # Below $5.00: greater of $2.50/share or 100% of CMV (4210(c)(2)(A)); the two cross at $2.50.
        ("1.00", "250"),
        ("2.49", "250"),
        ("2.50", "250"),
        ("2.51", "251"),
        ("4.99", "499"),
        # At or above $5.00: greater of $5.00/share or 30% (4210(c)(2)(B)); they cross at $16.67 (rulebook s.3).
        ("5.00", "500"),
        ("5.01", "500"),
        ("10.00", "500"),
        ("16.66", "500"),
        ("16.67", "500.10"),
        ("16.68", "500.40"),
        ("100", "3000"),
    ],
)
def test_short_floors_100_shares(finra_rules: RuleSet, price: str, expected: str) -> None:
    """FINRA 4210(c)(2): short 100 shares; per-share floors $2.50 / $5.00, rates 100% / 30%."""
    assert maint(finra_rules, -100, price) == D(expected)


def test_short_floor_discontinuity_at_5(finra_rules: RuleSet) -> None:
    """4210(c)(2): $4.99 -> 100% ($4.99/share), $5.00 -> $5.00/share: the requirement jumps at the threshold."""
    assert maint(finra_rules, -1, "4.99") == D("4.99")
    assert maint(finra_rules, -1, "5.00") == D("5.00")


@pytest.mark.parametrize(
    ("qty", "price", "expected"),
    [
        ("-0.5", "10", "2.5"),  # $5.00 floor per fractional share: 0.5 x 5.00 (30% would be 1.50)
        ("-0.5", "3", "1.5"),  # below $5: 100% = 1.50 > 0.5 x 2.50 = 1.25
        ("-0.5", "2", "1.25"),  # below $2.50: 0.5 x 2.50 per-share floor
        ("-0.25", "16.67", "1.25025"),  # 30% of 4.1675 just above the $5 floor (1.25)
    ],
)
def test_short_floors_apply_per_fractional_share(finra_rules: RuleSet, qty: str, price: str, expected: str) -> None:
    """Issue 2 ("the per-share floors apply per (fractional) share") over 4210(c)(2)."""
    assert maint(finra_rules, qty, price) == D(expected)


def test_regression_seed_002_short_floor_binds(finra_rules: RuleSet) -> None:
    """Seed 002's snippet computed max(5 * amount, ...) with a negative amount, so the floor never bound and short 100
    @ $10 required $300 (30%). 4210(c)(2)(B): the $5.00/share floor binds: $500."""
    assert maint(finra_rules, -100, "10") == D("500")
    assert maint(finra_rules, -100, "10") != D("300")
    with exact():
        assert f.short_maintenance(DECIMAL, finra_rules.rates, D(100), D(10), D(1), D(0)) == D(500)


def test_reg_t_150_percent_on_shorts(finra_rules: RuleSet) -> None:
    """Reg T 220.12(c)(1): 150% of a short's value incl. the proceeds = equity of 50% of the short value.
    Short 100 @ $20 ($2,000): initial = max(50% = $1,000, maintenance max($500, $600) = $600) = $1,000."""
    assert init(finra_rules, -100, "20") == D("1000")
    assert maint(finra_rules, -100, "20") == D("600")
    # Proceeds $2,000 + deposit $1,000 = cash $3,000 = 150% of the short value: equity exactly the initial requirement.
    figures = account_requirements(Account("3000", [Position("X", -100, "20")]), finra_rules)
    assert figures.equity == D("1000") == figures.initial
    assert figures.initial_excess == 0


def test_short_initial_is_at_least_maintenance_below_5(finra_rules: RuleSet) -> None:
    """4210(b)(1): initial is the greater of Reg T and maintenance; short 100 @ $2: max(50% x 200, $250) = $250."""
    assert init(finra_rules, -100, "2") == D("250")


# --- Non-marginable, leveraged ETPs -------------------------------------------------------------------------------


def test_non_marginable_100_percent(finra_rules: RuleSet, alpaca_rules: RuleSet) -> None:
    """Reg T 220.12(e) initial 100%; maintenance 100% (SR-FINRA-2012-024); Alpaca: 100% non-marginable."""
    for rules in (finra_rules, alpaca_rules):
        assert maint(rules, 100, "10", marginable=False) == D("1000")
        assert init(rules, 100, "10", marginable=False) == D("1000")


@pytest.mark.parametrize(("factor", "expected"), [("1", "250"), ("2", "500"), ("3", "750"), ("5", "1000")])
def test_leveraged_etp_long_finra(finra_rules: RuleSet, factor: str, expected: str) -> None:
    """Regulatory Notice 09-53: long requirement x factor, capped at 100% (2x: 50%, 3x: 75%). 100 @ $10."""
    assert maint(finra_rules, 100, "10", leverage=factor) == D(expected)


@pytest.mark.parametrize(("factor", "expected"), [("2", "3000"), ("3", "4500")])
def test_leveraged_etp_short_finra(finra_rules: RuleSet, factor: str, expected: str) -> None:
    """Notice 09-53: short 30% x factor (2x: 60%, 3x: 90%). Short 100 @ $50 ($5,000)."""
    assert maint(finra_rules, -100, "50", leverage=factor) == D(expected)


def test_leveraged_etp_alpaca_100_percent(alpaca_rules: RuleSet) -> None:
    """Alpaca ("Margin and Short Selling"): 2x and 3x leveraged ETFs carry 100%, long and short."""
    assert maint(alpaca_rules, 100, "10", leverage=2) == D("1000")
    assert maint(alpaca_rules, 100, "10", leverage=3) == D("1000")
    assert maint(alpaca_rules, -100, "50", leverage=2) == D("5000")
    assert maint(alpaca_rules, 100, "10") == D("300")  # not leveraged: 30%


# --- Alpaca preset ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("price", "expected"), [("2.49", "249"), ("2.50", "75"), ("2.51", "75.30"), ("100", "3000")])
def test_alpaca_long_band(alpaca_rules: RuleSet, price: str, expected: str) -> None:
    """Alpaca: long < $2.50: 100%; long >= $2.50: 30%. 100 shares."""
    assert maint(alpaca_rules, 100, price) == D(expected)


def test_alpaca_low_price_long_initial_is_100_percent(alpaca_rules: RuleSet) -> None:
    """4210(b)(1) initial = max(Reg T 50%, maintenance 100% below $2.50) under Alpaca's table."""
    assert init(alpaca_rules, 100, "2") == D("200")


def test_alpaca_short_floors_are_finra(alpaca_rules: RuleSet) -> None:
    """Alpaca: short < $5.00 greater of $2.50/share or 100%; >= $5.00 greater of $5.00/share or 30%."""
    assert maint(alpaca_rules, -100, "2") == D("250")
    assert maint(alpaca_rules, -100, "10") == D("500")
    assert maint(alpaca_rules, -100, "20") == D("600")


# --- House layers (FINRA 4210(d)(1): the maximum of the layers) ----------------------------------------------------


def test_house_rate_raises_long(finra_rules: RuleSet) -> None:
    """4210(d)(1): a house rate of 30% (rulebook s.3, common house level) over 25%."""
    rules = finra_rules.with_house(HouseRules(maintenance_rate="0.30"))
    account = Account(0, [Position("A", 100, "50")])
    assert account_maintenance(account, rules) == D("1500")


def test_house_rate_below_regulatory_does_not_lower(finra_rules: RuleSet) -> None:
    """4210(d)(1) only lets a member require more: a 20% house rate leaves 25%."""
    rules = finra_rules.with_house(HouseRules(maintenance_rate="0.20"))
    assert account_maintenance(Account(0, [Position("A", 100, "50")]), rules) == D("1250")


def test_house_symbol_override_and_max_of_layers(finra_rules: RuleSet) -> None:
    """4210(d)(1): per-symbol override 100% (e.g. GME) and 40%, house rate 30%: each position takes the maximum."""
    rules = finra_rules.with_house(HouseRules(maintenance_rate="0.30", symbol_rates={"gme": "1.00", "B": "0.40"}))
    account = Account(0, [Position("GME", 10, "20"), Position("B", 100, "10"), Position("C", 100, "10")])
    assert account_maintenance(account, rules) == D("200") + D("400") + D("300")


def test_house_applies_to_shorts(finra_rules: RuleSet) -> None:
    """4210(d)(1) over 4210(c)(2): short 100 @ $20: max(600, house 50% = 1000) = 1000."""
    rules = finra_rules.with_house(HouseRules(maintenance_rate="0.50"))
    assert account_maintenance(Account(5000, [Position("A", -100, "20")]), rules) == D("1000")


def test_concentration_add_on(finra_rules: RuleSet) -> None:
    """4210(d)(1) concentration: a position above 50% of gross exposure carries 50%; the others the house rate 30%.
    AAA 100 @ $100 = $10,000 of $11,000 gross -> 50% = $5,000; BBB 100 @ $10 -> 30% = $300."""
    rules = finra_rules.with_house(
        HouseRules(maintenance_rate="0.30", concentration_threshold="0.5", concentration_rate="0.5")
    )
    account = Account(0, [Position("AAA", 100, "100"), Position("BBB", 100, "10")])
    assert account_maintenance(account, rules) == D("5300")
    figures = account_requirements(account, rules)
    assert [p.house_rate for p in figures.positions] == [D("0.5"), D("0.30")]
    assert figures.maintenance == D("5300")
    # At exactly the threshold the position is not concentrated (strictly above it is): 2 x $10 of $20 gross... 50%.
    even = Account(0, [Position("AAA", 1, "10"), Position("BBB", 1, "10")])
    assert account_maintenance(even, rules) == D("6")


# --- $2,000 minimum equity (FINRA 4210(b)(1)) and order requirements ----------------------------------------------


def test_minimum_equity_capped_at_purchase_cost(finra_rules: RuleSet) -> None:
    """4210(b)(1): $2,000 minimum equity, but no customer need deposit more than the cost of the security bought."""
    empty = Account(0)
    small = order_requirement(empty, Order("A", Side.BUY, 10, "50"), finra_rules)
    assert small.minimum_equity == D("500")
    assert small.required_equity == D("500")  # max(initial $250, minimum $500)
    large = order_requirement(empty, Order("A", Side.BUY, 100, "50"), finra_rules)
    assert large.minimum_equity == D("2000")
    assert large.initial == D("2500")
    assert large.required_equity == D("2500")


def test_minimum_equity_short_not_capped(finra_rules: RuleSet) -> None:
    """4210(b)(1): a short sale needs $2,000 of equity (the cost cap is for purchases)."""
    req = order_requirement(Account(0), Order("A", Side.SELL_SHORT, 10, "50"), finra_rules)
    assert req.minimum_equity == D("2000")
    # Reg T 50% x $500 = $250 > maintenance max($5.00 x 10, 30% x $500) = $150.
    assert req.initial == D("250")
    assert req.maintenance == D("150")
    assert req.required_equity == D("2000")


def test_closing_order_adds_nothing(finra_rules: RuleSet) -> None:
    """Closing shares add no requirement and no minimum equity; they release their share of the initial."""
    account = Account("-2000", [Position("A", 100, "50")])
    req = order_requirement(account, Order("A", Side.SELL, 40, "50"), finra_rules)
    assert (req.opening_quantity, req.closing_quantity) == (0, 40)
    assert req.is_closing_only
    assert req.minimum_equity == 0
    assert req.required_equity == D("1500")  # 60 shares left x $50 x 50%


def test_order_crossing_zero_splits(finra_rules: RuleSet) -> None:
    """Selling 150 against a 100-share long closes 100 and opens a 50-share short (4210(c)(2) applies to the 50)."""
    account = Account(0, [Position("A", 100, "10")])
    req = order_requirement(account, Order("A", Side.SELL, 150, "10"), finra_rules)
    assert (req.opening_quantity, req.closing_quantity) == (50, 100)
    assert req.maintenance == D("250")  # 50 x $5.00 floor
    assert req.initial == D("250")


def test_non_marginable_order_needs_100_percent(finra_rules: RuleSet) -> None:
    """Reg T 220.12(e): buying non-margin stock needs its full cost."""
    req = order_requirement(Account(0), Order("A", Side.BUY, 100, "30", marginable=False), finra_rules)
    assert req.initial == D("3000")


# --- Account sums --------------------------------------------------------------------------------------------------


def test_account_sums_and_requirements(finra_rules: RuleSet) -> None:
    """The account requirement is the sum over positions (4210(c)); initial >= maintenance (4210(b)(1))."""
    positions = [
        Position("L", 100, "50"),
        Position("S", -100, "10"),
        Position("Z", 0, "7"),
        Position("N", 10, "2", False),
    ]
    account = Account(10000, positions)
    assert account_maintenance(account, finra_rules) == D("1250") + D("500") + D("20")
    assert account_initial(account, finra_rules) == D("2500") + D("500") + D("20")
    figures = account_requirements(account, finra_rules)
    assert figures.long_market_value == D("5020")
    assert figures.short_market_value == D("-1000")
    assert figures.equity == D("14020")
    assert figures.maintenance_excess == D("14020") - D("1770")
    assert figures.gross_exposure == D("6020")
    assert figures.has_shorts and figures.has_positions


def test_requirement_independent_of_lot_split(finra_rules: RuleSet) -> None:
    """Requirements are linear in shares at a price: 100 shares = 2 x 50 shares (short floors included)."""
    for qty, price in ((100, "16.67"), (-100, "16.67"), (-100, "3"), (100, "2.49")):
        whole = maint(finra_rules, qty, price)
        half = maint(finra_rules, D(qty) / 2, price)
        assert whole == 2 * half


# --- Precision bound (margin_rules.money: 10^12 shares, $10^9, 10 places) ---------------------------------------


class FractionArith:
    """Exact rational reference domain for the precision tests (same semantics as DECIMAL, on Fractions)."""

    zero = Fraction(0)
    one = Fraction(1)

    @staticmethod
    def const(value: Any) -> Fraction:
        return Fraction(value)

    lt = staticmethod(lambda a, b: a < b)
    le = staticmethod(lambda a, b: a <= b)
    eq = staticmethod(lambda a, b: a == b)
    and_ = staticmethod(lambda a, b: a and b)
    or_ = staticmethod(lambda a, b: a or b)
    not_ = staticmethod(lambda a: not a)
    ite = staticmethod(lambda c, a, b: a if c else b)
    ite_state = ite
    max = staticmethod(lambda a, b: a if a >= b else b)
    min = staticmethod(lambda a, b: a if a <= b else b)
    state = staticmethod(lambda v: v)
    truth = staticmethod(lambda v: v)


def fraction_terms(rates: Rates[Decimal], qty: Decimal, price: Decimal, marginable: bool, lev: Decimal, extra: Decimal):  # type: ignore[no-untyped-def]
    fr: Any = Rates(*(Fraction(v) for v in rates.as_tuple()))
    q, p, lv, x = Fraction(qty), Fraction(price), Fraction(lev), Fraction(extra)
    return f.position_requirements(FractionArith(), fr, q, p, marginable, lv, x)  # type: ignore[arg-type]


EXTREME_QTY = ["999999999999.9999999999", "1000000000000", "0.0000000001", "123456789012.3456789012"]
EXTREME_PRICE = ["999999999.9999999999", "1000000000", "0.0000000001", "16.6666666667", "4.9999999999"]


@pytest.mark.parametrize("qty", EXTREME_QTY)
@pytest.mark.parametrize("price", EXTREME_PRICE)
@pytest.mark.parametrize("lev", ["1", "2.5000000001", "10"])
def test_exact_at_the_bound(finra_rules: RuleSet, alpaca_rules: RuleSet, qty: str, price: str, lev: str) -> None:
    """money's bound: requirements at the extremes equal the exact rational computation (nothing rounded)."""
    house = HouseRules(maintenance_rate="0.3333333333")
    for rules in (finra_rules, alpaca_rules, finra_rules.with_house(house)):
        for sign in (1, -1):
            position = Position("X", D(sign) * D(qty), price, leverage=lev)
            account = Account("-10000000000000000000000", [position])
            figures = account_requirements(account, rules)
            rate = house.base_rate("X") if rules.house is not None else D(0)
            exp_m, exp_i = fraction_terms(rules.rates, position.quantity, position.price, True, position.leverage, rate)
            assert Fraction(figures.maintenance) == exp_m
            assert Fraction(figures.initial) == exp_i
            assert Fraction(account_maintenance(account, rules)) == exp_m
            assert Fraction(figures.equity) == Fraction(account.cash) + Fraction(position.quantity) * Fraction(
                position.price
            )


def test_exact_sum_of_many_extreme_positions(finra_rules: RuleSet) -> None:
    """Sums at the bound stay exact: 200 positions of 10^12 shares at $10^9 - 10^-10."""
    positions = [Position(f"S{i}", ("-" if i % 2 else "") + EXTREME_QTY[0], EXTREME_PRICE[0]) for i in range(200)]
    account = Account(0, positions)
    expected = sum(
        (fraction_terms(finra_rules.rates, p.quantity, p.price, True, p.leverage, D(0))[0] for p in positions),
        Fraction(0),
    )
    assert Fraction(account_maintenance(account, finra_rules)) == expected


def test_precision_error_only_beyond_the_bound(finra_rules: RuleSet) -> None:
    """Beyond the bound (raw Decimals bypassing the model's validation), a result that would round raises
    PrecisionError; it is never silently rounded."""
    rates = finra_rules.rates
    huge_qty = D("1" * 45 + ".1234567891")
    huge_price = D("9" * 30 + ".123456789")
    for qty in (huge_qty, huge_qty.copy_negate()):
        with pytest.raises(PrecisionError), exact():
            position_terms(rates, qty, huge_price, True, D(1), D(0))
        with pytest.raises(PrecisionError), exact():
            f.position_requirements(DECIMAL, rates, qty, huge_price, True, D(1), D(0))
    # The same digits within the bound are exact.
    with exact():
        m, _ = position_terms(rates, D("999999999999.9999999999"), D("999999999.9999999999"), True, D(1), D(0))
    assert Fraction(m) == Fraction("999999999999.9999999999") * Fraction("999999999.9999999999") / 4


def test_bound_is_enforced_by_the_model() -> None:
    """Inputs beyond the bound cannot reach the computation through the model."""
    from margin_rules import OutOfBoundsError

    with pytest.raises(OutOfBoundsError):
        Position("X", "1000000000000.0000000001", 1)
    with pytest.raises(OutOfBoundsError):
        Position("X", 1, "1000000000.0000000001")
    with pytest.raises(OutOfBoundsError):
        Position("X", "1.00000000001", 1)


# --- Conformance: the specialised code equals the single-source formulas -------------------------------------------


def _same(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Same value and same representation (sign, digits, exponent)."""
    return [x.as_tuple() for x in a] == [x.as_tuple() for x in b]


def _formula_terms(rates: Rates[Decimal], q: Decimal, p: Decimal, m: bool, lev: Decimal, h: Decimal):  # type: ignore[no-untyped-def]
    if q > 0:
        return f.long_requirements(DECIMAL, rates, q, p, m, lev, h)
    if q < 0:
        return f.short_requirements(DECIMAL, rates, q.copy_negate(), p, lev, h)
    return D(0), D(0)


def _custom_rates() -> list[RuleSet]:
    """Valid non-preset rule sets that exercise every constant of the formulas."""
    from margin_rules import alpaca, finra

    custom = finra().with_rates(
        "test",
        maintenance_long_rate="0.35",
        long_low_price_threshold="3.00",
        long_low_price_rate="0.75",
        short_price_threshold="7.5",
        short_low_per_share="3",
        short_low_rate="0.9",
        short_high_per_share="6",
        short_high_rate="0.4",
        leveraged_min_rate="0.6",
        initial_long_rate="0.6",
        overnight_multiplier="1.5",
        intraday_multiplier="2",
    )
    return [finra(), alpaca(), custom]


def _thresholds(r: Rates[Decimal]) -> list[Decimal]:
    points = {r.long_low_price_threshold, r.short_price_threshold, r.short_low_per_share, D("16.67"), D("2.50")}
    for per_share, rate in ((r.short_high_per_share, r.short_high_rate), (r.short_low_per_share, r.short_low_rate)):
        crossing = Fraction(per_share) / Fraction(rate)  # where the per-share floor and the rate meet
        points.add(D(round(crossing * 100)).scaleb(-2))
    out = []
    for p in points:
        for d in (D("-0.01"), D(0), D("0.01")):
            with exact():
                if p + d >= 0:
                    out.append(p + d)
    return out


def test_specialised_terms_equal_formulas_generated_inputs() -> None:
    """The generated code returns exactly (value and representation) what the formulas return over DECIMAL, and the
    value of the branch-free formulas.position_requirements: 3 rule sets x 4,000 generated inputs + thresholds."""
    rng = random.Random(20260604)
    checked = 0
    for rules in _custom_rates():
        r = rules.rates
        code = specialised(r)
        prices = [*_thresholds(r)] + [D(rng.randint(0, 300000)) / 100 for _ in range(4000)]
        for i, price in enumerate(prices):
            q = D(rng.randint(-(10**7), 10**7)) / D(rng.choice([1, 1, 10, 1000, 10**10]))
            if i % 97 == 0:
                q = D(0)
            marginable = rng.random() < 0.8
            lev = rng.choice([D(1), D(1), D(2), D(3), D("1.5"), D("0.5") + D(1)])
            house = rng.choice([D(0), D(0), D("0.3"), D("0.45"), D(1)])
            for qty in (q, -q):
                with exact():
                    got = code.terms(qty, price, marginable, lev, house)
                    expected = _formula_terms(r, qty, price, marginable, lev, house)
                    branch_free = f.position_requirements(DECIMAL, r, qty, price, marginable, lev, house)
                    assert position_terms(r, qty, price, marginable, lev, house) == got
                assert _same(got, expected), (rules.name, qty, price, marginable, lev, house)
                assert got == branch_free
                checked += 1
    assert checked >= 24000


def test_specialised_account_loops_equal_formula_sums() -> None:
    """The generated account loops (with and without house layers) equal the sum of the formulas."""
    rng = random.Random(7)
    for rules in _custom_rates():
        r = rules.rates
        code = specialised(r)
        positions = tuple(
            Position(
                f"S{i}",
                D(rng.randint(-5000, 5000)) / rng.choice([1, 4]),
                D(rng.randint(1, 50000)) / 100,
                rng.random() < 0.85,
                rng.choice([1, 1, 1, 2, 3]),
            )
            for i in range(1500)
        )

        def house(p: Position) -> Decimal:
            return D("0.4") if p.symbol.endswith("7") else D(0)

        for rate_fn in (lambda p: D(0), house):
            with exact():
                exp_m = exp_i = D(0)
                for p in positions:
                    m, i = _formula_terms(r, p.quantity, p.price, p.marginable, p.leverage, rate_fn(p))
                    exp_m += m
                    exp_i += i
                if rate_fn is house:
                    assert code.maintenance_house(positions, house) == exp_m
                    assert code.both_house(positions, house) == (exp_m, exp_i)
                else:
                    assert code.maintenance(positions) == exp_m
                    assert code.both(positions) == (exp_m, exp_i)


def test_specialised_is_memoised_per_rates_and_by_value() -> None:
    from margin_rules import finra

    a, b = finra(), finra()
    assert specialised(a.rates) is specialised(a.rates)
    assert specialised(a.rates).terms is specialised(b.rates).terms  # compiled once per exact representation
    assert specialised(b.rates).rates is b.rates


def test_tracer_refuses_python_branching() -> None:
    """A formula that branches with ``if`` on a symbolic value cannot be specialised silently."""
    tracer = TracingArith()
    x = tracer.param("x")
    with pytest.raises(TypeError):
        bool(tracer.lt(x, D(1)))


def test_tracer_folds_constants_and_shares_subexpressions() -> None:
    sp = Specialiser()
    ar: Any = sp.ar
    x = ar.param("x")
    with exact():
        assert ar.max(D(2), D(3)) == D(3)
        assert ar.ite(ar.lt(D(1), D(2)), D("0.5"), x) == D("0.5")
        assert ar.ite(ar.lt(x, D(1)), D(0), D(0)) == D(0)
        assert (x * D(2)) is (x * D(2))
        assert isinstance(ar.and_(ar.lt(x, D(1)), True), Expr)
    lines, (expr,) = sp.emit([ar.max(x * D(2), x * D(2) + D(1))], "")
    namespace = sp.build("def g(x):\n" + "\n".join("    " + line for line in lines) + f"\n    return {expr}\n", "t", {})
    assert namespace["g"](D(5)) == D(11)
    assert sum(line.count("x * K") for line in lines) == 1  # x * 2 computed once


def test_specialised_source_bakes_constants(finra_rules: RuleSet) -> None:
    """The generated code is readable and holds no call to the formulas (they were evaluated at trace time)."""
    source = specialised(finra_rules.rates).source
    assert "def terms(" in source and "def maintenance(" in source
    assert "formulas" not in source and "ar." not in source


def test_core_context_unchanged_by_compilation() -> None:
    assert CORE_CONTEXT.prec == 80
