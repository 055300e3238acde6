"""Rule sets: every invariant enforced on construction (each violation refused, naming it), every parameter cited,
presets and house layers validated."""

from __future__ import annotations

from decimal import Decimal

import pytest

from margin_rules import (
    DayTradingRegime,
    HouseRules,
    InvalidRuleSetError,
    InvalidTypeError,
    RuleSet,
    WithdrawalRule,
    alpaca,
    finra,
    preset,
)
from margin_rules.arith import DECIMAL
from margin_rules.money import exact
from margin_rules.rates import RATE_FIELDS, rate_invariants
from margin_rules.rulesets import ALPACA_CITATIONS, FINRA_CITATIONS

D = Decimal

# One change per invariant that violates it (starting from the finra preset).
VIOLATIONS: dict[str, dict[str, str]] = {
    "initial_long_rate_in_(0,1]": {"initial_long_rate": "1.5", "initial_nonmarginable_rate": "1"},
    "initial_short_rate_in_(0,1]": {"initial_short_rate": "0"},
    "initial_nonmarginable_rate_in_(0,1]": {"initial_nonmarginable_rate": "1.01"},
    "0<maintenance_long_rate<=initial_long_rate": {"maintenance_long_rate": "0.51"},
    "initial_long_rate<=initial_nonmarginable_rate": {"initial_nonmarginable_rate": "0.40"},
    "maintenance_nonmarginable_rate_in_(0,initial_nonmarginable_rate]": {"maintenance_nonmarginable_rate": "0"},
    "maintenance_long_rate<=long_low_price_rate<=1": {"long_low_price_rate": "0.20"},
    "long_low_price_threshold>=0": {"long_low_price_threshold": "-0.01"},
    "short_price_threshold>0": {"short_price_threshold": "0"},
    "short_floors_per_share>=0": {"short_low_per_share": "-2.50"},
    "short_rates>0": {"short_high_rate": "0"},
    "leveraged_min_rate_in_[0,1]": {"leveraged_min_rate": "1.01"},
    "leveraged_per_share_multiplied_in_{0,1}": {"leveraged_per_share_multiplied": "0.5"},
    "leveraged_short_rate_cap=0_or>=short_rates": {"leveraged_short_rate_cap": "0.99"},
    "minimum_equity>=0": {"minimum_equity": "-1"},
    "overnight_multiplier*initial_long_rate<=1": {"overnight_multiplier": "2.01"},
    "day_trading_multiplier>=1": {"day_trading_multiplier": "0.99"},
    "pattern_day_trader_minimum_equity>=0": {"pattern_day_trader_minimum_equity": "-25000"},
    "intraday_multiplier*maintenance_long_rate<=1": {"intraday_multiplier": "4.01"},
}


def test_every_invariant_has_a_violation_case() -> None:
    with exact():
        names = set(rate_invariants(DECIMAL, finra().rates))
    assert names == set(VIOLATIONS)


@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_each_invariant_violated_is_refused_naming_it(name: str) -> None:
    base = finra()
    created: list[RuleSet] = []
    with pytest.raises(InvalidRuleSetError) as info:
        created.append(base.with_rates("test", **VIOLATIONS[name]))
    assert not created
    assert name in str(info.value)
    assert info.value.field == "rules.rates"
    assert base.rates == finra().rates  # the original is unchanged


@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_presets_satisfy_every_invariant(name: str) -> None:
    for rules in (finra(), alpaca()):
        with exact():
            assert rate_invariants(DECIMAL, rules.rates)[name] is True


def test_boundary_values_accepted() -> None:
    """The invariants are not stricter than stated: maintenance == initial, multiplier x rate == 1 are allowed."""
    rules = finra().with_rates("test", maintenance_long_rate="0.50", intraday_multiplier="2", leveraged_min_rate="1")
    assert rules.rates.maintenance_long_rate == rules.rates.initial_long_rate
    assert rules.citation("maintenance_long_rate") == "test"


@pytest.mark.parametrize("rules", [finra(), alpaca()], ids=["finra", "alpaca"])
def test_every_parameter_is_cited(rules: RuleSet) -> None:
    assert set(RATE_FIELDS) <= set(rules.citations)
    for name in RATE_FIELDS:
        assert rules.citation(name).strip()


def test_citations_name_their_sources() -> None:
    assert "220.12(a)" in FINRA_CITATIONS["initial_long_rate"]
    assert "220.12(c)(1)" in FINRA_CITATIONS["initial_short_rate"]
    assert "4210(c)(1)" in FINRA_CITATIONS["maintenance_long_rate"]
    assert "4210(c)(2)(A)" in FINRA_CITATIONS["short_low_per_share"]
    assert "4210(c)(2)(B)" in FINRA_CITATIONS["short_high_per_share"]
    assert "4210(b)(1)" in FINRA_CITATIONS["minimum_equity"]
    assert "Alpaca" in ALPACA_CITATIONS["maintenance_long_rate"]


def test_missing_citation_refused() -> None:
    citations = dict(FINRA_CITATIONS)
    del citations["short_high_rate"]
    with pytest.raises(InvalidRuleSetError, match="short_high_rate") as info:
        RuleSet("custom", finra().rates, citations)
    assert info.value.field == "rules.citations"
    citations["short_high_rate"] = "   "
    with pytest.raises(InvalidRuleSetError, match="short_high_rate"):
        RuleSet("custom", finra().rates, {**citations, "short_high_rate": ""})


def test_rates_are_converted_and_refused_like_inputs() -> None:
    from margin_rules import FloatRefusedError, NonFiniteError

    with pytest.raises(FloatRefusedError, match=r"rules\.maintenance_long_rate"):
        finra().with_rates("t", maintenance_long_rate=0.3)  # type: ignore[arg-type]
    with pytest.raises(NonFiniteError, match=r"rules\.minimum_equity"):
        finra().with_rates("t", minimum_equity="NaN")
    with pytest.raises(InvalidRuleSetError, match="no_such_rate"):
        finra().with_rates("t", no_such_rate="1")
    with pytest.raises(InvalidTypeError, match=r"rules\.rates"):
        RuleSet("x", rates={}, citations=FINRA_CITATIONS)  # type: ignore[arg-type]


def test_presets() -> None:
    """finra: Reg T + 4210 (rulebook s.2-3); alpaca: Alpaca's table (rulebook s.4)."""
    f, a = finra(), alpaca()
    assert (f.rates.initial_long_rate, f.rates.maintenance_long_rate, f.rates.minimum_equity) == (
        D("0.5"),
        D("0.25"),
        2000,
    )
    assert (f.rates.short_low_per_share, f.rates.short_high_per_share, f.rates.short_high_rate) == (
        D("2.5"),
        5,
        D("0.3"),
    )
    assert (a.rates.maintenance_long_rate, a.rates.long_low_price_threshold, a.rates.leveraged_min_rate) == (
        D("0.3"),
        D("2.5"),
        1,
    )
    assert preset(" FINRA ").rates == f.rates
    assert preset("alpaca").name == "alpaca"
    with pytest.raises(InvalidRuleSetError, match="unknown preset"):
        preset("robinhood")


def test_options_and_house() -> None:
    rules = finra().with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL)
    assert rules.withdrawal_rule is WithdrawalRule.KEEP_INITIAL
    assert rules.day_trading_regime is DayTradingRegime.INTRADAY_MARGIN
    layered = rules.with_house(HouseRules(maintenance_rate="0.3", symbol_rates={" gme ": 1}))
    assert layered.house is not None and layered.house.base_rate("GME") == 1
    assert layered.house.base_rate("AAPL") == D("0.3")
    with pytest.raises(InvalidTypeError, match=r"rules\.house"):
        RuleSet("x", finra().rates, FINRA_CITATIONS, house="30%")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"maintenance_rate": "1.01"}, "house.maintenance_rate"),
        ({"maintenance_rate": "-0.1"}, "house.maintenance_rate"),
        ({"symbol_rates": {"GME": "2"}}, "house.symbol_rates[GME]"),
        ({"symbol_rates": {"": "0.5"}}, "house.symbol_rates"),
        ({"symbol_rates": [("GME", 1)]}, "house.symbol_rates"),
        ({"concentration_threshold": "0.5"}, "house.concentration_threshold"),
        ({"concentration_threshold": "0", "concentration_rate": "0.5"}, "house.concentration_threshold"),
        ({"concentration_threshold": "0.5", "concentration_rate": "1.5"}, "house.concentration_rate"),
    ],
)
def test_house_rules_refusals(kwargs: dict[str, object], field: str) -> None:
    from margin_rules import InvalidInputError

    with pytest.raises(InvalidInputError) as info:
        HouseRules(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_house_rules_refuse_float() -> None:
    from margin_rules import FloatRefusedError

    with pytest.raises(FloatRefusedError, match=r"house\.maintenance_rate"):
        HouseRules(maintenance_rate=0.3)  # type: ignore[arg-type]
