"""Withdrawals: the maximum withdrawable amount and the check of one amount (rule 9).

Under the rule set's :class:`~margin_rules.rulesets.WithdrawalRule`:

* ``REGULATORY`` (FINRA 4210(b)(1), Reg T 220.4(e)): afterwards no Reg T deficiency (equity >= initial requirement) and,
  where credit is used (a debit after the withdrawal, or a short), equity >= max($2,000, maintenance);
* ``KEEP_INITIAL`` (seed 001): afterwards equity >= the initial requirement.

The maximum is exact; any amount above it, by one cent or less, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

import icontract

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError
from margin_rules.model import Account
from margin_rules.money import ZERO, exact_function, to_amount
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import RuleSet, WithdrawalRule


@dataclass(frozen=True, slots=True)
class WithdrawalDecision:
    """The decision on one withdrawal, with the figures behind it."""

    amount: Decimal
    permitted: bool
    maximum: Decimal
    equity_after: Decimal
    reason: str


class WithdrawalFigures(Protocol):
    """The account figures a withdrawal decision reads: :class:`~margin_rules.requirements.AccountRequirements` from a
    snapshot, or the live account's incrementally kept :class:`~margin_rules.order_check.Figures`."""

    @property
    def has_positions(self) -> bool: ...

    @property
    def has_shorts(self) -> bool: ...

    @property
    def cash(self) -> Decimal: ...

    @property
    def equity(self) -> Decimal: ...

    @property
    def maintenance(self) -> Decimal: ...

    @property
    def initial(self) -> Decimal: ...


def max_withdrawal_of(figures: WithdrawalFigures, rules: RuleSet) -> Decimal:
    """:func:`max_withdrawal` from already computed account figures (run inside ``exact()``)."""
    return f.max_withdrawal(
        DECIMAL,
        rules.rates,
        rules.withdrawal_rule is WithdrawalRule.KEEP_INITIAL,
        figures.has_positions,
        figures.has_shorts,
        figures.cash,
        figures.equity,
        figures.maintenance,
        figures.initial,
    )


def withdrawal_permitted_of(figures: WithdrawalFigures, rules: RuleSet, amount: Decimal) -> bool:
    """Whether withdrawing ``amount`` is permitted, from already computed account figures (run inside ``exact()``)."""
    return f.withdrawal_permitted(
        DECIMAL,
        rules.rates,
        rules.withdrawal_rule is WithdrawalRule.KEEP_INITIAL,
        figures.has_positions,
        figures.has_shorts,
        figures.cash,
        figures.equity,
        figures.maintenance,
        figures.initial,
        amount,
    )


@exact_function
@icontract.ensure(lambda result: result >= 0, "the maximum withdrawal is never negative")
@icontract.ensure(
    lambda account, result: result <= max(account.cash, Decimal(0)) or account.has_positions,
    "without positions, no more than the credit cash can be withdrawn",
)
def max_withdrawal(account: Account, rules: RuleSet) -> Decimal:
    """The largest cash withdrawal the rule set permits (exact, not rounded). 4210(b)(1); Reg T 220.4(e)."""
    return max_withdrawal_of(account_requirements(account, rules), rules)


@exact_function
@icontract.ensure(
    lambda result: result.permitted == (ZERO < result.amount <= result.maximum),
    "permitted exactly when 0 < amount <= the maximum withdrawal",
)
def check_withdrawal(account: Account, rules: RuleSet, amount: Decimal | int | str) -> WithdrawalDecision:
    """Decide one withdrawal of ``amount`` (> 0). Refusals carry the maximum; nothing is changed either way."""
    value = to_amount(amount, "amount")
    if value <= ZERO:
        raise DomainError("amount", f"a withdrawal is a positive amount (got {value})")
    figures = account_requirements(account, rules)
    maximum = max_withdrawal_of(figures, rules)
    permitted = withdrawal_permitted_of(figures, rules, value)
    reason = "within the maximum withdrawal" if permitted else f"exceeds the maximum withdrawal of {maximum}"
    return WithdrawalDecision(value, permitted, maximum, figures.equity - value, reason)
