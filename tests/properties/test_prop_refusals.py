"""Refusals name the field and say why (house rule "bad input: typed error naming the field"), every rule-set
invariant is
individually enforced at its boundary, and the formulas only the proofs call agree with the library.

Written from the surviving mutants of the first mutmut run (reports/mutation-report.md): each test here kills a class of
mutants that changed a refusal's field or message, an invariant's bound, or a proof-only formula.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import margin_strategies as ms
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    HouseRules,
    InvalidRuleSetError,
    InvalidTypeError,
    Position,
    RuleSet,
    account_maintenance,
    alpaca,
    finra,
    money,
)
from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError, FloatRefusedError, NonFiniteError, OutOfBoundsError
from margin_rules.money import exact
from margin_rules.rates import RATE_FIELDS, rate_invariants
from margin_rules.requirements import position_terms

FINRA = finra()


class _Refusal:
    def __init__(self, error: type[Exception], field: str | None, *fragments: str) -> None:
        self.error, self.field, self.fragments = error, field, fragments

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _tb: object) -> bool:
        assert kind is not None, f"expected {self.error.__name__}"
        assert isinstance(exc, self.error), repr(exc)
        if self.field is not None:
            assert getattr(exc, "field", None) == self.field, (exc, self.field)
        for fragment in self.fragments:
            assert fragment in str(exc), (fragment, str(exc))
        return True


def test_to_decimal_refusals_name_the_field() -> None:
    with _Refusal(InvalidTypeError, "qty", "a bool is not a number; give a Decimal, an int or a numeric string"):
        money.to_decimal(True, "qty")
    with _Refusal(FloatRefusedError, "qty", "float 1.5 refused", "pass Decimal or a string"):
        money.to_decimal(1.5, "qty")
    with _Refusal(InvalidTypeError, "qty", "'1,5' is not a number"):
        money.to_decimal("1,5", "qty")
    with _Refusal(InvalidTypeError, "qty", "list is not a number; give a Decimal, an int or a numeric string"):
        money.to_decimal([1], "qty")
    with _Refusal(NonFiniteError, "qty", "NaN is not a finite amount"):
        money.to_decimal("NaN", "qty")
    with _Refusal(OutOfBoundsError, "qty", "exceeds the supported magnitude"):
        money.to_decimal(D("1000.01"), "qty", max_abs=D(1000))
    assert money.to_decimal(D("1000"), "qty", max_abs=D(1000)) == D(1000)
    assert money.to_decimal(D("-1000"), "qty", max_abs=D(1000)) == D(-1000)
    with _Refusal(OutOfBoundsError, "qty", "has more than 10 decimal places"):
        money.to_decimal(D("0.00000000001"), "qty")
    kept = money.to_decimal(D("0.1000000000"), "qty")  # 10 places with trailing zeros: kept as given, not reduced
    assert kept.as_tuple().exponent == -10
    ten = D("0.0000000001")  # exactly 10 places: accepted as is
    assert money.to_decimal(ten, "qty") == ten and money.to_decimal(ten, "qty").as_tuple().exponent == -10
    assert money.to_decimal(D("0.12"), "qty", max_places=2) == D("0.12")
    with _Refusal(OutOfBoundsError, "qty", "has more than 2 decimal places"):
        money.to_decimal(D("0.123"), "qty", max_places=2)
    assert money.to_decimal(D("1.00000000010"), "qty") == D("1.0000000001")  # 11 places, 10 after reduction
    assert money.to_decimal(D(5), "qty", max_places=0) == D(5)
    with _Refusal(OutOfBoundsError, "qty", "has more than 0 decimal places"):
        money.to_decimal(D("5.5"), "qty", max_places=0)
    # reduction is exact even beyond the default 28-digit context
    long_value = D("123456789012345678901234567890.1234567890000")
    assert money.to_decimal(long_value, "qty") == long_value
    reduced = money.to_decimal(D("1.50000000000000"), "qty")
    assert reduced == D("1.5") and reduced.as_tuple().exponent >= -10


def test_to_cents_runs_in_its_own_context() -> None:
    # a 40-digit amount is rounded to the cent without touching (or depending on) the caller's context
    big = D("123456789012345678901234567890.123456789")
    assert money.to_cents(big) == D("123456789012345678901234567890.12")
    assert money.to_cents(D("2.675")) == D("2.68")
    assert money.to_cents(D("2.665")) == D("2.66")


def test_house_rules_refusals() -> None:
    with _Refusal(InvalidRuleSetError, "house.maintenance_rate", "a house rate is in [0, 1] (got 1.01)"):
        HouseRules(maintenance_rate=D("1.01"))
    with _Refusal(InvalidRuleSetError, "house.maintenance_rate", "(got -0.01)"):
        HouseRules(maintenance_rate=D("-0.01"))
    assert HouseRules(maintenance_rate=D(1)).maintenance_rate == D(1)
    assert HouseRules(maintenance_rate=D(0)).maintenance_rate == D(0)
    assert HouseRules(maintenance_rate="0.3").maintenance_rate == D("0.3")  # type: ignore[arg-type]
    with _Refusal(InvalidTypeError, "house.symbol_rates", "must be a mapping of symbol to rate"):
        HouseRules(symbol_rates=[("A", D(1))])  # type: ignore[arg-type]
    with _Refusal(InvalidTypeError, "house.symbol_rates", "invalid symbol ' '"):
        HouseRules(symbol_rates={" ": D(1)})
    with _Refusal(InvalidTypeError, "house.symbol_rates", "invalid symbol 7"):
        HouseRules(symbol_rates={7: D(1)})  # type: ignore[dict-item]
    with _Refusal(InvalidRuleSetError, "house.symbol_rates[gme]", "a house rate is in [0, 1] (got 2)"):
        HouseRules(symbol_rates={"gme": D(2)})
    assert dict(HouseRules(symbol_rates={" gme ": "1"}).symbol_rates) == {"GME": D(1)}  # type: ignore[dict-item]
    both = "give both concentration_threshold and concentration_rate, or neither"
    with _Refusal(InvalidRuleSetError, "house.concentration_threshold", both):
        HouseRules(concentration_threshold=D("0.5"))
    with _Refusal(InvalidRuleSetError, "house.concentration_threshold", both):
        HouseRules(concentration_rate=D("0.5"))
    with _Refusal(InvalidRuleSetError, "house.concentration_threshold", "must be in (0, 1] (got 0)"):
        HouseRules(concentration_threshold=D(0), concentration_rate=D("0.5"))
    with _Refusal(InvalidRuleSetError, "house.concentration_threshold", "(got 1.1)"):
        HouseRules(concentration_threshold=D("1.1"), concentration_rate=D("0.5"))
    with _Refusal(InvalidRuleSetError, "house.concentration_rate", "a house rate is in [0, 1]"):
        HouseRules(concentration_threshold=D("0.5"), concentration_rate=D("1.5"))
    with _Refusal(InvalidTypeError, "house.maintenance_rate", "'abc' is not a number"):
        HouseRules(maintenance_rate="abc")  # type: ignore[arg-type]
    with _Refusal(InvalidTypeError, "house.concentration_threshold", "'x' is not a number"):
        HouseRules(concentration_threshold="x", concentration_rate="0.5")  # type: ignore[arg-type]
    with _Refusal(InvalidTypeError, "rules.minimum_equity", "'abc' is not a number"):
        FINRA.with_rates("test", minimum_equity="abc")
    ok = HouseRules(concentration_threshold="1", concentration_rate="0.4")  # type: ignore[arg-type]
    assert (ok.concentration_threshold, ok.concentration_rate) == (D(1), D("0.4"))
    assert HouseRules(symbol_rates={"X": D("0.2")}, maintenance_rate=D("0.3")).base_rate("X") == D("0.3")


def test_rule_set_refusals() -> None:
    with _Refusal(InvalidTypeError, "rules.rates", "must be a Rates instance"):
        RuleSet("x", rates={}, citations={})  # type: ignore[arg-type]
    with _Refusal(
        InvalidRuleSetError, "rules.rates", "violated invariant(s): 0<maintenance_long_rate<=initial_long_rate"
    ):
        FINRA.with_rates("test", maintenance_long_rate="0.60")
    with _Refusal(
        InvalidRuleSetError, "rules.citations", "every parameter must cite its source; missing: minimum_equity"
    ):
        RuleSet("x", FINRA.rates, {**FINRA.citations, "minimum_equity": ""})
    with _Refusal(InvalidRuleSetError, "rules.rates", "unknown parameter(s): a, b"):
        FINRA.with_rates("test", b="1", a="1")
    with _Refusal(InvalidTypeError, "rules.house", "must be a HouseRules instance"):
        RuleSet("x", FINRA.rates, FINRA.citations, house=object())  # type: ignore[arg-type]
    with _Refusal(FloatRefusedError, "rules.minimum_equity"):
        RuleSet("x", replace(FINRA.rates, minimum_equity=2000.0), FINRA.citations)  # type: ignore[arg-type]
    changed = FINRA.with_rates("house table 2026", minimum_equity="2500")
    assert changed.rates.minimum_equity == D(2500) and changed.citation("minimum_equity") == "house table 2026"
    assert changed.citation("maintenance_long_rate") == FINRA.citation("maintenance_long_rate")
    assert changed.name == FINRA.name and changed.house is None
    with _Refusal(InvalidTypeError, "account", "expected an Account, got str"):
        account_maintenance("acct", FINRA)  # type: ignore[arg-type]
    with _Refusal(InvalidTypeError, "rules", "expected a RuleSet, got str"):
        account_maintenance(Account(0), "finra")  # type: ignore[arg-type]


def test_presets_describe_themselves() -> None:
    from margin_rules import preset

    with _Refusal(InvalidRuleSetError, "rules", "unknown preset 'schwab'; choose one of finra, alpaca"):
        preset("schwab")
    # call the presets here, not at import: mutmut switches a mutant on per test run, after the modules are imported
    assert finra().description == (
        "Regulatory minimum: Reg T (12 CFR 220.12) initial, FINRA 4210 maintenance and minimum equity."
    )
    assert alpaca().description == "Alpaca's published margin requirements (house rules over Reg T and FINRA 4210)."


def test_rule_set_options_keep_what_is_not_changed() -> None:
    from margin_rules import DayTradingRegime, WithdrawalRule

    keep = FINRA.with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL)
    assert keep.withdrawal_rule is WithdrawalRule.KEEP_INITIAL
    assert keep.day_trading_regime is DayTradingRegime.INTRADAY_MARGIN
    legacy = keep.with_options(day_trading_regime=DayTradingRegime.LEGACY_PDT)
    assert (
        legacy.withdrawal_rule is WithdrawalRule.KEEP_INITIAL
        and legacy.day_trading_regime is DayTradingRegime.LEGACY_PDT
    )
    assert keep.rates == FINRA.rates and keep.name == "finra"
    raw = RuleSet("x", FINRA.rates, FINRA.citations, withdrawal_rule="keep_initial", day_trading_regime="legacy_pdt")  # type: ignore[arg-type]
    assert raw.withdrawal_rule is WithdrawalRule.KEEP_INITIAL and raw.day_trading_regime is DayTradingRegime.LEGACY_PDT
    assert alpaca().description and FINRA.description


def _broken(field: str, value: D) -> dict[str, bool]:
    rates = replace(FINRA.rates, **{field: value})
    with exact():
        return rate_invariants(DECIMAL, rates)


BOUNDARIES = [
    # (field, value that breaks, invariant name, value exactly at the bound that holds)
    ("initial_long_rate", D(0), "initial_long_rate_in_(0,1]", D("0.25")),
    ("initial_short_rate", D(0), "initial_short_rate_in_(0,1]", D(1)),
    ("initial_short_rate", D("1.01"), "initial_short_rate_in_(0,1]", D(1)),
    ("initial_nonmarginable_rate", D("1.01"), "initial_nonmarginable_rate_in_(0,1]", D(1)),
    ("initial_nonmarginable_rate", D("0.49"), "initial_long_rate<=initial_nonmarginable_rate", D("1.00")),
    ("maintenance_long_rate", D(0), "0<maintenance_long_rate<=initial_long_rate", D("0.50")),
    ("maintenance_long_rate", D("0.51"), "0<maintenance_long_rate<=initial_long_rate", D("0.50")),
    ("maintenance_nonmarginable_rate", D(0), "maintenance_nonmarginable_rate_in_(0,initial_nonmarginable_rate]", D(1)),
    ("long_low_price_rate", D("0.24"), "maintenance_long_rate<=long_low_price_rate<=1", D("0.25")),
    ("long_low_price_rate", D("1.01"), "maintenance_long_rate<=long_low_price_rate<=1", D(1)),
    ("long_low_price_threshold", D("-0.01"), "long_low_price_threshold>=0", D(0)),
    ("short_price_threshold", D(0), "short_price_threshold>0", D("0.01")),
    ("short_low_per_share", D("-0.01"), "short_floors_per_share>=0", D(0)),
    ("short_high_per_share", D("-0.01"), "short_floors_per_share>=0", D(0)),
    ("short_low_rate", D(0), "short_rates>0", D("0.01")),
    ("short_high_rate", D(0), "short_rates>0", D("0.01")),
    ("leveraged_min_rate", D("-0.01"), "leveraged_min_rate_in_[0,1]", D(0)),
    ("leveraged_min_rate", D("1.01"), "leveraged_min_rate_in_[0,1]", D(1)),
    ("leveraged_per_share_multiplied", D("1.01"), "leveraged_per_share_multiplied_in_{0,1}", D(1)),
    ("leveraged_short_rate_cap", D("0.99"), "leveraged_short_rate_cap=0_or>=short_rates", D(1)),
    ("minimum_equity", D("-0.01"), "minimum_equity>=0", D(0)),
    ("overnight_multiplier", D("0.99"), "overnight_multiplier*initial_long_rate<=1", D(1)),
    ("overnight_multiplier", D("2.01"), "overnight_multiplier*initial_long_rate<=1", D(2)),
    ("day_trading_multiplier", D("0.99"), "day_trading_multiplier>=1", D(1)),
    ("pattern_day_trader_minimum_equity", D("-0.01"), "pattern_day_trader_minimum_equity>=0", D(0)),
    ("intraday_multiplier", D("0.99"), "intraday_multiplier*maintenance_long_rate<=1", D(1)),
    ("intraday_multiplier", D("4.01"), "intraday_multiplier*maintenance_long_rate<=1", D(4)),
]


@prop(
    "RULES-INVARIANT-BOUNDS",
    "Each rule-set invariant breaks when its own bound is crossed and holds exactly at the bound (from the FINRA "
    "preset).",
    "rate_invariants (the premises of the proofs)",
    ["margin_rules.rates.rate_invariants", "margin_rules.rulesets.RuleSet"],
)
@pytest.mark.parametrize(("field", "bad", "name", "at_bound"), BOUNDARIES)
def test_each_invariant_at_its_bound(field: str, bad: D, name: str, at_bound: D) -> None:
    result = _broken(field, bad)
    assert not result[name]
    assert _broken(field, at_bound)[name]
    with pytest.raises(
        InvalidRuleSetError, match=name.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("*", r"\*")
    ):
        FINRA.with_rates("test", **{field: bad})
    assert len(result) == 19 and set(RATE_FIELDS) >= {field}


@prop(
    "FORMULA-PROOF-ONLY",
    "The formulas the proofs use but the library routes around (position_maintenance, total, deficiency, excess, "
    "ratio_classify, market_value) agree with the library's figures.",
    "one formula, one place (link between proofs and code)",
    [
        "margin_rules.formulas.position_maintenance",
        "margin_rules.formulas.total",
        "margin_rules.formulas.deficiency",
        "margin_rules.formulas.ratio_classify",
        "margin_rules.formulas.market_value",
    ],
)
@given(account=ms.accounts(), rules=ms.no_house_rule_sets)
@example(account=Account(D(-100), (Position("AAA", D(-10), D("4.99")),)), rules=FINRA)
def test_proof_only_formulas(account: Account, rules: RuleSet) -> None:
    from margin_rules import account_requirements

    req = account_requirements(account, rules)
    r = rules.rates
    with exact():
        maintenances = [
            f.position_maintenance(DECIMAL, r, p.quantity, p.price, p.marginable, p.leverage, D(0))
            for p in account.positions
        ]
        assert maintenances == [
            position_terms(r, p.quantity, p.price, p.marginable, p.leverage, D(0))[0] for p in account.positions
        ]
        assert f.total(DECIMAL, maintenances) == req.maintenance
        assert f.total(DECIMAL, []) == 0
        assert f.deficiency(DECIMAL, req.equity, req.maintenance) == max(req.maintenance - req.equity, D(0))
        assert f.excess(req.equity, req.initial) == req.equity - req.initial
        assert [f.market_value(p.quantity, p.price) for p in account.positions] == [
            p.quantity * p.price for p in account.positions
        ]
        gross = req.gross_exposure
        state = f.ratio_classify(DECIMAL, gross, req.equity, D("0.25"), D("0.5"))
    if gross <= 0:
        assert state.value == "HEALTHY"
    elif req.equity < D("0.25") * gross:
        assert state.value == "LIQUIDATION_CALL"
    elif req.equity < D("0.5") * gross:
        assert state.value == "RESTRICTED"
    else:
        assert state.value == "HEALTHY"


@given(qty=st.integers(-100, 100).map(D), price=ms.prices)
def test_branch_free_parts(qty: D, price: D) -> None:
    with exact():
        assert f.long_part(DECIMAL, qty) == max(qty, D(0))
        assert f.short_part(DECIMAL, qty) == max(-qty, D(0))
        assert f.long_part(DECIMAL, qty) - f.short_part(DECIMAL, qty) == qty
        m, i = f.position_requirements(DECIMAL, FINRA.rates, qty, price, True, D(1), D(0))
        assert (m, i) == position_terms(FINRA.rates, qty, price, True, D(1), D(0))


def test_domain_errors_of_the_model_name_the_field() -> None:
    with _Refusal(DomainError, "position[AAA].price", "a price cannot be negative"):
        Position("aaa", D(1), D("-1"))


def test_house_layers_without_concentration_and_for_orders() -> None:
    from margin_rules import Order, Side, order_requirement, position_maintenance

    house = FINRA.with_house(HouseRules(maintenance_rate=D("0.30"), symbol_rates={"GME": D("1.00")}))
    account = Account(D(10000), (Position("GME", D(10), D("20.00")), Position("AAA", D(10), D("20.00"))))
    assert account_maintenance(account, house) == D("200.00") + D("60.00")  # 100% GME, 30% house rate on AAA
    assert position_maintenance(Position("GME", D(10), D("20.00")), house, D("1.00")) == D("200.00")
    order = order_requirement(account, Order("GME", Side.BUY, D(10), D("20.00")), house)
    assert order.maintenance == D("200.00") and order.initial == D("200.00")  # the symbol's house rate applies
    other = order_requirement(account, Order("XYZ", Side.BUY, D(10), D("20.00")), house)
    assert other.maintenance == D("60.00")


@prop(
    "FORMULA-SMA",
    "The SMA after a fill is debited by the Reg T requirement of opening shares (50% margin stock, 100% non-margin, "
    "50% of a short sale) and credited by the requirement closing shares release; marked to the market it is "
    "max(SMA, equity - initial), so a decline never lowers it.",
    "Reg T 12 CFR 220.5, 220.12(a),(c),(e)",
    ["margin_rules.formulas.sma_after_trade", "margin_rules.formulas.sma_marked"],
)
@given(
    rules=ms.presets,
    sma=ms.decimals(-1000, 50_000, 2),
    is_buy=st.booleans(),
    opening=st.integers(0, 1000).map(D),
    closing=st.integers(0, 1000).map(D),
    price=ms.positive_prices,
    marginable=st.booleans(),
    equity=ms.decimals(-10_000, 100_000, 2),
    initial=ms.decimals(0, 100_000, 2),
)
@example(rules=FINRA, sma=D(1000), is_buy=True, opening=D(10), closing=D(0), price=D(10), marginable=True,
         equity=D(0), initial=D(0))  # fmt: skip
@example(rules=FINRA, sma=D(1000), is_buy=False, opening=D(0), closing=D(10), price=D(10), marginable=False,
         equity=D(5000), initial=D(1000))  # fmt: skip
def test_sma_formulas(
    rules: RuleSet,
    sma: D,
    is_buy: bool,
    opening: D,
    closing: D,
    price: D,
    marginable: bool,
    equity: D,
    initial: D,
) -> None:
    from fractions import Fraction as Fr

    import margin_oracle as oracle

    t = oracle.table(rules)
    long_rate = t["initial_long_rate"] if marginable else t["initial_nonmarginable_rate"]
    p = Fr(price)
    if is_buy:  # buys open longs (debit) and cover shorts (release the short's requirement)
        expected = Fr(sma) - (long_rate * Fr(opening) * p - t["initial_short_rate"] * Fr(closing) * p)
    else:  # sales open shorts (debit) and sell longs (credit the long's requirement: 50% of margin stock proceeds)
        expected = Fr(sma) - (t["initial_short_rate"] * Fr(opening) * p - long_rate * Fr(closing) * p)
    with exact():
        got = f.sma_after_trade(DECIMAL, rules.rates, sma, is_buy, opening, closing, price, marginable)
        marked = f.sma_marked(DECIMAL, sma, equity, initial)
    assert Fr(got) == expected
    assert Fr(marked) == max(Fr(sma), Fr(equity) - Fr(initial))
