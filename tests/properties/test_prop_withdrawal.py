"""Properties of withdrawals (rule 9): the oracle, the exact maximum (one cent more is refused), protection, no gap
risk,
and the presentation of the maximum (floor to the cent is always permitted)."""

from __future__ import annotations

from decimal import ROUND_FLOOR
from decimal import Decimal as D
from fractions import Fraction as Fr

import margin_oracle as oracle
import margin_strategies as ms
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    DomainError,
    HealthState,
    Position,
    WithdrawalRule,
    check_withdrawal,
    finra,
    health,
    max_withdrawal,
    money,
)

FINRA = finra()
KEEP = FINRA.with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL)
CENT = D("0.01")


def _as_decimal(x: Fr) -> D:
    """A Fraction with a power-of-ten denominator as an exact Decimal."""
    return D(x.numerator) / D(x.denominator)


def _withdrawn(account: Account, amount: D) -> Account:
    return Account(
        account.cash - amount, account.positions, account.sma, account.prior_equity, account.prior_maintenance
    )


@prop(
    "WD-ORACLE",
    "The maximum withdrawal equals the supremum of the amounts the rule permits (REGULATORY: no Reg T deficiency, and "
    "equity >= max($2,000, maintenance) where credit is used; KEEP_INITIAL: equity >= initial), computed exactly.",
    "Reg T 220.4(e); FINRA 4210(b)(1); seed 001",
    ["margin_rules.withdrawal.max_withdrawal", "margin_rules.formulas.max_withdrawal"],
)
@given(account=ms.accounts(), rules=ms.rule_sets)
@example(account=Account(D("5000.00"), (Position("AAA", D(100), D("10.00")),)), rules=FINRA)  # $2,000 minimum binds
@example(account=Account(D("1500.00"), (Position("AAA", D(10), D("10.00")),)), rules=FINRA)  # cash below $2,000
@example(account=Account(D("3000.00"), (Position("AAA", D(-100), D("10.00")),)), rules=FINRA)  # short: credit used
@example(account=Account(D("-500.00"), (Position("AAA", D(100), D("10.00")),)), rules=FINRA)
@example(account=Account(D("250.00")), rules=FINRA)  # no positions: the cash
@example(account=Account(D("-250.00")), rules=FINRA)
@example(account=Account(D("5000.00"), (Position("AAA", D(100), D("10.00")),)), rules=KEEP)
def test_max_withdrawal_matches_oracle(account: Account, rules: object) -> None:
    fig = oracle.account_figures(account, rules)
    assert Fr(max_withdrawal(account, rules)) == oracle.max_withdrawal(fig, rules)  # type: ignore[arg-type]


@prop(
    "WD-EXACT-MAXIMUM",
    "Withdrawing exactly the maximum is permitted (when positive); the maximum plus one cent, or plus 10^-10, is "
    "refused; any amount's decision agrees with the rule's decision procedure.",
    "Reg T 220.4(e); FINRA 4210(b)(1)",
    ["margin_rules.withdrawal.check_withdrawal", "margin_rules.formulas.withdrawal_permitted"],
)
@given(account=ms.accounts(), rules=ms.rule_sets, amount=ms.decimals(0, 500_000, 2).filter(lambda a: a > 0))
@example(account=Account(D("5000.00"), (Position("AAA", D(100), D("10.00")),)), rules=FINRA, amount=D("2500.00"))
@example(account=Account(D("5000.00"), (Position("AAA", D(100), D("10.00")),)), rules=FINRA, amount=D("2500.01"))
@example(account=Account(D("3000.00"), (Position("AAA", D(-100), D("10.00")),)), rules=FINRA, amount=D("0.01"))
def test_withdrawal_exact_boundary(account: Account, rules: object, amount: D) -> None:
    fig = oracle.account_figures(account, rules)
    maximum = max_withdrawal(account, rules)  # type: ignore[arg-type]
    if maximum > 0:
        at_max = check_withdrawal(account, rules, maximum)  # type: ignore[arg-type]
        assert at_max.permitted and at_max.maximum == maximum
        assert oracle.withdrawal_permitted(fig, rules, Fr(maximum))
    for above in (maximum + CENT, maximum + D("1E-10")):
        decision = check_withdrawal(account, rules, above)  # type: ignore[arg-type]
        assert not decision.permitted
        assert not oracle.withdrawal_permitted(fig, rules, Fr(above))
    decision = check_withdrawal(account, rules, amount)  # type: ignore[arg-type]
    assert decision.permitted == oracle.withdrawal_permitted(fig, rules, Fr(amount))
    assert decision.equity_after == fig.equity - Fr(amount)


@prop(
    "WD-PROTECTION-NO-GAP",
    "After any permitted withdrawal the account keeps what the rule set requires (initial requirement; and "
    "max($2,000, maintenance) where credit is used under REGULATORY) and is never in LIQUIDATION_CALL.",
    "Reg T 220.4(e); FINRA 4210(b)(1); NO GAP RISK",
    ["margin_rules.withdrawal.check_withdrawal", "margin_rules.health.health"],
)
@given(account=ms.accounts(min_positions=1), rules=ms.rule_sets, fraction=st.fractions(0, 1))
@example(account=Account(D("5000.00"), (Position("AAA", D(100), D("10.00")),)), rules=FINRA, fraction=Fr(1))
def test_permitted_withdrawal_protection(account: Account, rules: object, fraction: Fr) -> None:
    maximum = max_withdrawal(account, rules)  # type: ignore[arg-type]
    assume(maximum > 0)
    amount = (maximum * fraction.numerator / fraction.denominator).quantize(D("1E-10"), rounding=ROUND_FLOOR)
    assume(amount > 0)
    assert check_withdrawal(account, rules, amount).permitted  # type: ignore[arg-type]
    after = _withdrawn(account, amount)
    fig = oracle.account_figures(after, rules)
    assert fig.equity >= fig.initial
    if rules.withdrawal_rule is WithdrawalRule.REGULATORY and (fig.cash < 0 or fig.has_shorts):  # type: ignore[attr-defined]
        assert fig.equity >= max(Fr(2000), fig.maintenance)
    assert health(after, rules) is not HealthState.LIQUIDATION_CALL  # type: ignore[arg-type]


@prop(
    "WD-SHOWN-MAXIMUM",
    "The maximum withdrawal shown to a customer (rounded down to the cent) is always permitted: presentation rounding "
    "never lands on the unsafe side.",
    "house rule: presentation rounding (money.to_cents ROUND_FLOOR for amounts a customer may take)",
    ["margin_rules.money.to_cents", "margin_rules.withdrawal.check_withdrawal"],
)
@given(account=ms.accounts(), rules=ms.rule_sets)
@example(account=Account(D("-1000.005"), (Position("AAA", D(1000), D("10.00")),)), rules=FINRA)  # max = 3999.995
def test_shown_withdrawal_is_permitted(account: Account, rules: object) -> None:
    shown = money.to_cents(max_withdrawal(account, rules), ROUND_FLOOR)  # type: ignore[arg-type]
    assume(shown > 0)
    assert check_withdrawal(account, rules, shown).permitted  # type: ignore[arg-type]


def test_withdrawal_refuses_non_positive_and_float_amounts() -> None:
    account = Account(D(1000))
    for bad in (D(0), D("-0.01")):
        with pytest.raises(DomainError):
            check_withdrawal(account, FINRA, bad)
    with pytest.raises(TypeError):
        check_withdrawal(account, FINRA, 1.5)  # type: ignore[arg-type]
