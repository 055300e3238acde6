"""Rule sets: every preset constant equals the rulebook (a spec-mutation test: a changed constant fails here), the
invariants are enforced, and house layers are validated."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as Fr

import margin_oracle as oracle
import pytest
from hypothesis import given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import DayTradingRegime, HouseRules, InvalidRuleSetError, WithdrawalRule, alpaca, finra, preset
from margin_rules.arith import DECIMAL
from margin_rules.money import exact
from margin_rules.rates import RATE_FIELDS, rate_invariants


@prop(
    "RULES-PRESETS",
    "Every parameter of the finra and alpaca presets equals the rulebook's value and cites a source; invariants hold.",
    "Reg T 220.12; FINRA 4210; Alpaca margin table (rulebook sections 2-6)",
    ["margin_rules.rulesets.finra", "margin_rules.rulesets.alpaca", "margin_rules.rulesets.preset"],
)
@pytest.mark.parametrize("name", ["finra", "alpaca"])
def test_presets_match_rulebook(name: str) -> None:
    rules = preset(name)
    assert rules.name == name
    assert preset(f"  {name.upper()} ").rates == rules.rates
    expected = oracle.RULEBOOK[name]
    assert set(expected) == set(RATE_FIELDS)
    for field in RATE_FIELDS:
        assert Fr(getattr(rules.rates, field)) == expected[field], field
        assert rules.citation(field)
    with exact():
        assert all(rate_invariants(DECIMAL, rules.rates).values())
    assert rules.withdrawal_rule is WithdrawalRule.REGULATORY
    assert rules.day_trading_regime is DayTradingRegime.INTRADAY_MARGIN
    assert rules.house is None
    assert "Alpaca" in alpaca().citation("maintenance_long_rate")
    assert "4210" in finra().citation("maintenance_long_rate")


def test_preset_unknown_name() -> None:
    with pytest.raises(InvalidRuleSetError):
        preset("schwab")


@prop(
    "RULES-INVARIANTS",
    "A rule set violating an invariant the proofs rely on (e.g. maintenance > initial) is refused on construction; "
    "every invariant is individually enforced.",
    "rate_invariants (PARAMETER NECESSITY premises)",
    ["margin_rules.rulesets.RuleSet.with_rates", "margin_rules.rates.rate_invariants"],
)
@given(
    field=st.sampled_from(RATE_FIELDS),
    value=st.sampled_from((D("-0.01"), D("0"), D("1.01"), D("0.60"), D("0.10"), D("100"))),
)
def test_invariants_enforced(field: str, value: D) -> None:
    base = finra()
    changed = base.rates.__class__(**{**{f: getattr(base.rates, f) for f in RATE_FIELDS}, field: value})
    with exact():
        holds = all(rate_invariants(DECIMAL, changed).values())
    if holds:
        assert getattr(base.with_rates("test", **{field: value}).rates, field) == value
    else:
        with pytest.raises(InvalidRuleSetError):
            base.with_rates("test", **{field: value})


def test_maintenance_above_initial_is_refused() -> None:
    with pytest.raises(InvalidRuleSetError, match="maintenance_long_rate"):
        finra().with_rates("test", maintenance_long_rate="0.60")
    with pytest.raises(InvalidRuleSetError):
        finra().with_rates("test", no_such_rate="0.5")


def test_house_rules_validation_and_layers() -> None:
    house = HouseRules(maintenance_rate=D("0.30"), symbol_rates={" gme ": D("1.00")})
    assert house.base_rate("GME") == D("1.00")
    assert house.base_rate("AAPL") == D("0.30")
    assert HouseRules(symbol_rates={"X": D("0.1")}).base_rate("X") == D("0.1")
    assert HouseRules().base_rate("X") == 0
    for bad in ({"maintenance_rate": D("1.5")}, {"concentration_threshold": D("0.5")}, {"symbol_rates": {"": D(1)}}):
        with pytest.raises((InvalidRuleSetError, TypeError, ValueError)):
            HouseRules(**bad)  # type: ignore[arg-type]
    layered = finra().with_house(house)
    assert layered.name == "finra+house" and layered.house is house
