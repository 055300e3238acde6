"""Withdrawals (FINRA 4210(b)(1), Reg T 220.4(e); seed 001's keep-initial rule): the maximum is exact, one cent more
is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from margin_rules import (
    Account,
    DomainError,
    HealthState,
    Position,
    RuleSet,
    WithdrawalRule,
    check_withdrawal,
    finra,
    health,
    max_withdrawal,
)

D = Decimal
CENT = D("0.01")


def assert_exact_maximum(account: Account, rules: RuleSet, expected: str) -> None:
    maximum = max_withdrawal(account, rules)
    assert maximum == D(expected)
    if maximum > 0:
        assert check_withdrawal(account, rules, maximum).permitted
    refused = check_withdrawal(account, rules, maximum + CENT)
    assert not refused.permitted and refused.maximum == maximum


def test_cash_account_can_withdraw_all_cash(finra_rules: RuleSet) -> None:
    """No positions: all the credit cash, not a cent more (4210(b) applies only where credit is used)."""
    assert_exact_maximum(Account("10000"), finra_rules, "10000")
    assert_exact_maximum(Account("0.01"), finra_rules, "0.01")
    assert_exact_maximum(Account("-50"), finra_rules, "0")


def test_long_account_with_credit(finra_rules: RuleSet) -> None:
    """Cash 10,000 + 100 @ $100: equity 20,000, initial 5,000. Borrowing: 20,000 - max(2,000, 5,000) = 15,000."""
    assert_exact_maximum(Account(10000, [Position("A", 100, 100)]), finra_rules, "15000")


def test_debit_account_keeps_2000(finra_rules: RuleSet) -> None:
    """Debit 200 + 30 @ $100: equity 2,800, initial 1,500, maintenance 750: afterwards equity >= $2,000 (4210(b)(1))."""
    account = Account(-200, [Position("A", 30, 100)])
    assert_exact_maximum(account, finra_rules, "800")
    decision = check_withdrawal(account, finra_rules, "800")
    assert decision.equity_after == D(2000)


def test_debit_account_keeps_initial(finra_rules: RuleSet) -> None:
    """Debit 1,000 + 100 @ $100: equity 9,000; no Reg T deficiency afterwards (220.4(e)): keep initial 5,000."""
    assert_exact_maximum(Account(-1000, [Position("A", 100, 100)]), finra_rules, "4000")


def test_short_account_keeps_2000(finra_rules: RuleSet) -> None:
    """Cash 3,500 (incl. proceeds) short 100 @ $10: equity 2,500, initial 500: keep $2,000 -> 500."""
    assert_exact_maximum(Account(3500, [Position("S", -100, 10)]), finra_rules, "500")


def test_short_account_keeps_initial(finra_rules: RuleSet) -> None:
    """Cash 20,000 short 100 @ $100: equity 10,000, initial 5,000 (220.12(c)(1)) -> 5,000."""
    assert_exact_maximum(Account(20000, [Position("S", -100, 100)]), finra_rules, "5000")


def test_account_in_deficiency_withdraws_nothing(finra_rules: RuleSet) -> None:
    assert_exact_maximum(Account(-9000, [Position("A", 100, 100)]), finra_rules, "0")


def test_keep_initial_rule(finra_rules: RuleSet) -> None:
    """Seed 001's stricter rule: equity after >= initial: 20,000 - 5,000 = 15,000; 2,800 - 1,500 = 1,300."""
    rules = finra_rules.with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL)
    assert_exact_maximum(Account(10000, [Position("A", 100, 100)]), rules, "15000")
    assert_exact_maximum(Account(-200, [Position("A", 30, 100)]), rules, "1300")


def test_bad_amounts_refused(finra_rules: RuleSet) -> None:
    from margin_rules import FloatRefusedError

    account = Account(100)
    with pytest.raises(DomainError, match="amount"):
        check_withdrawal(account, finra_rules, 0)
    with pytest.raises(DomainError, match="amount"):
        check_withdrawal(account, finra_rules, "-1")
    with pytest.raises(FloatRefusedError, match="amount"):
        check_withdrawal(account, finra_rules, 1.0)  # type: ignore[arg-type]


_accounts = st.builds(
    lambda cash, longs, shorts: Account(
        cash,
        [Position(f"L{i}", q, p) for i, (q, p) in enumerate(longs)]
        + [Position(f"S{i}", -q, p) for i, (q, p) in enumerate(shorts)],
    ),
    st.decimals(min_value=-50000, max_value=100000, places=2),
    st.lists(st.tuples(st.integers(0, 500), st.decimals(min_value=D("0.5"), max_value=300, places=2)), max_size=3),
    st.lists(st.tuples(st.integers(0, 500), st.decimals(min_value=D("0.5"), max_value=300, places=2)), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(_accounts, st.sampled_from(list(WithdrawalRule)))
def test_withdrawing_the_maximum_never_causes_a_call(account: Account, rule: WithdrawalRule) -> None:
    """Seed 001 "no gap risk": after withdrawing the maximum the account is HEALTHY (equity >= initial)."""
    rules = finra().with_options(withdrawal_rule=rule)
    maximum = max_withdrawal(account, rules)
    if maximum == 0:
        return
    after = Account(account.cash - maximum, account.positions)
    assert health(after, rules) is HealthState.HEALTHY
    assert not check_withdrawal(account, rules, maximum + CENT).permitted
