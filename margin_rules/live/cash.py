"""The settlement state of a live cash account (Reg T 220.8), kept beside the live account.

A :class:`CashTracker` holds a :class:`margin_rules.cash_account.CashAccountState` and feeds it the account's deposits,
withdrawals and fills as events, with the dates the shell's calendars give (:func:`margin_rules.live.calendar.
settlement_date` on the settlement calendar, :func:`~margin_rules.live.calendar.payment_due_date` on the Reg T
business-day calendar). Every rule is the core's (:func:`margin_rules.cash_account.apply_event`); this module only
computes dates and holds the state.

Each operation is split into ``plan_*`` (pure: computes the new state or raises, changes nothing) and :meth:`commit`
(assigns), so the account validates everything before its first write. The account calls it under its own lock.

A live cash account never extends credit: purchases are checked against :func:`~margin_rules.cash_account.
purchasing_power` (settled cash, plus unsettled sale proceeds unless a 220.8(c) freeze or the house good-faith
restriction is in force), net of the cash held for open buy orders. A fill is a fact: a buy filled above the funds
(a price move after the check) is recorded as owed, to be paid within the payment period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from margin_rules import cash_account as ca
from margin_rules.live import calendar
from margin_rules.model import Position
from margin_rules.money import ZERO, exact

__all__ = ["OPENING_DEBIT", "CashCheck", "CashTracker"]

OPENING_DEBIT = "(opening debit)"
"""The pseudo-symbol of an opening debit balance carried as an amount owed."""


@dataclass(frozen=True, slots=True)
class CashCheck:
    """Whether a purchase of ``cost`` fits the cash account's spendable funds: ``code`` is
    :data:`~margin_rules.cash_account.APPROVED` or the refusal's reason code."""

    fits: bool
    code: str
    reason: str
    available: Decimal


class CashTracker:
    """The cash-account state of a live account (see the module docstring). Not thread-safe on its own: the account
    calls it under its lock."""

    def __init__(
        self,
        session: dt.date,
        cash: Decimal,
        positions: Iterable[Position] = (),
        rules: ca.CashRules | None = None,
    ) -> None:
        self._rules = rules if rules is not None else ca.CashRules(promise_to_pay=False)
        self._fill_rules = ca.CashRules(
            freeze_days=self._rules.freeze_days,
            cure_by_payment=self._rules.cure_by_payment,
            promise_to_pay=True,
            good_faith=self._rules.good_faith,
        )
        # Opening long positions are taken as paid for; a debit balance (impossible in a Reg T cash account, but a
        # snapshot may show one) is carried as an amount owed, due at once; short positions (likewise) are not
        # tracked: the account can only close them.
        lots = []
        with exact():
            if cash < ZERO:
                debit = -cash
                lots.append(ca.Lot(0, OPENING_DEBIT, ZERO, session, session, session, debit, debit, session))
            for i, p in enumerate(positions, start=1):
                if p.quantity > ZERO:
                    cost = p.quantity * p.price
                    lots.append(ca.Lot(i, p.symbol, p.quantity, session, session, session, cost, ZERO, session))
        opening = ca.open_cash_account(session, max(cash, ZERO))
        self._state = replace(opening, lots=tuple(lots), next_lot_id=len(lots) + 1)

    @property
    def state(self) -> ca.CashAccountState:
        """The current cash-account state (immutable)."""
        return self._state

    @property
    def rules(self) -> ca.CashRules:
        """The rules purchases are checked with."""
        return self._rules

    @staticmethod
    def _trade_day(session: dt.date) -> dt.date:
        return calendar.business_day_on_or_after(session)

    def spendable(self, session: dt.date, reserved: Decimal) -> Decimal:
        """What purchases on ``session`` may still spend: :func:`~margin_rules.cash_account.purchasing_power` (settled
        cash only while restricted, Reg T 220.8(c) or the house good-faith restriction) net of ``reserved`` (cash held
        for open buy orders)."""
        with exact():
            return ca.purchasing_power(self._moved(session), session) - reserved

    def check_purchase(self, session: dt.date, cost: Decimal, available: Decimal) -> CashCheck:
        """Does a purchase of ``cost`` fit ``available`` (from :meth:`spendable`)? The refusal names the restriction in
        force (``cash_account_frozen``, ``good_faith_restricted``) or ``insufficient_funds``."""
        if cost <= available:
            return CashCheck(True, ca.APPROVED, "within the cash account's funds", available)
        restriction = ca.active_restriction(self._moved(session), session)
        if restriction is not None:
            code = ca.FREEZE_REFUSED if restriction.kind is ca.RestrictionKind.FREE_RIDING else ca.GOOD_FAITH_REFUSED
            reason = f"purchases need settled cash until {restriction.through} ({restriction.citation})"
        else:
            code = ca.INSUFFICIENT_FUNDS
            reason = "a cash account buys with its settled cash and unsettled sale proceeds only (Reg T 220.8(a)(1))"
        return CashCheck(False, code, f"{reason}; cost {cost}, available {available}", available)

    def withdrawable(self, session: dt.date) -> Decimal:
        """Settled cash not set aside for purchases: all that may leave a cash account."""
        return ca.settled_purchasing_power(self._moved(session))

    def _moved(self, session: dt.date) -> ca.CashAccountState:
        if session <= self._state.day:
            return self._state
        moved, _ = ca.apply_event(self._state, ca.Settle(session), self._rules)
        return moved

    def plan_deposit(self, session: dt.date, amount: Decimal) -> tuple[ca.CashAccountState, ca.CashDecision]:
        """The state after a deposit (nothing changes until :meth:`commit`)."""
        return ca.apply_event(self._state, ca.Deposit(session, amount), self._rules)

    def plan_withdrawal(self, session: dt.date, amount: Decimal) -> tuple[ca.CashAccountState, ca.CashDecision]:
        """The state after a withdrawal, or a refused decision (:data:`~margin_rules.cash_account.
        INSUFFICIENT_SETTLED_CASH`)."""
        return ca.apply_event(self._state, ca.Withdrawal(session, amount), self._rules)

    def plan_carry(self, session: dt.date, amount: Decimal) -> ca.CashAccountState:
        """The state after a carry posting (:meth:`MarginAccount.apply_carry`): a credit (a dividend) is settled cash;
        a debit (a fee) comes out of settled cash, as far as there is some (a cash account carries no debit balance;
        the rest is not tracked as owed)."""
        if amount > ZERO:
            return self.plan_deposit(session, amount)[0]
        settled = self.withdrawable(session)
        with exact():
            take = min(settled, -amount)
        if take <= ZERO:
            return self._moved(session)
        return self.plan_withdrawal(session, take)[0]

    def plan_fill(
        self, session: dt.date, symbol: str, buy: bool, quantity: Decimal, price: Decimal
    ) -> tuple[ca.CashAccountState, ca.CashDecision]:
        """The state after a fill (a fact: a buy beyond the funds is recorded as owed; a sale of more than held, which
        the account refuses before it can fill, records the held shares only)."""
        trade = self._trade_day(session)
        settles = calendar.settlement_date(trade)
        if buy:
            due = calendar.payment_due_date(trade)
            event: ca.CashEvent = ca.Buy(session, symbol, quantity, price, settles, due)
            state, decision = ca.apply_event(self._state, event, self._fill_rules)
            if not decision.approved:  # restricted and beyond settled cash: still a fact, owed like any unpaid buy
                lifted = replace(self._state, restrictions=())
                state, decision = ca.apply_event(lifted, event, self._fill_rules)
                state = replace(state, restrictions=self._state.restrictions)
            return state, decision
        held = self._state.held(symbol)
        sold = min(quantity, held)
        if sold <= ZERO:
            return self._state, ca.CashDecision(True, ca.APPROVED, "no long shares held: nothing to record")
        return ca.apply_event(self._state, ca.Sell(session, symbol, sold, price, settles), self._fill_rules)

    def plan_end_of_day(self, next_session: dt.date) -> tuple[ca.CashAccountState, ca.CashDecision]:
        """The state on the next session: proceeds due by then settle; ``overdue`` lists unpaid purchases past their
        payment period (Reg T 220.8(b)(4))."""
        return ca.apply_event(self._state, ca.Settle(next_session), self._rules)

    def commit(self, state: ca.CashAccountState) -> None:
        """Adopt a planned state."""
        self._state = state

    def snapshot(self) -> dict[str, Any]:
        """Comparable values (for :meth:`MarginAccount.state`)."""
        s = self._state
        return {
            "day": s.day,
            "settled": s.settled,
            "unsettled": s.unsettled,
            "lots": s.lots,
            "violations": s.violations,
            "restrictions": s.restrictions,
        }
