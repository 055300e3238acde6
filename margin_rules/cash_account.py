"""Cash accounts, Reg T 12 CFR 220.8, as pure functions from (state, event) to (state, decision).

No I/O, no clock, no calendar: every date is an input. A purchase or sale arrives with its settlement date and (for a
purchase) the end of its payment period, computed by the caller's calendar (:mod:`margin_rules.live.calendar`:
:func:`~margin_rules.live.calendar.settlement_date` on the settlement calendar, which skips bank holidays, and
:func:`~margin_rules.live.calendar.payment_due_date` on the Reg T business-day calendar).

**The regulation (Reg T 220.8)**

* 220.8(a)(1): a creditor may buy a security for a customer in a cash account if (i) there are sufficient funds in the
  account, or (ii) it accepts in good faith the customer's agreement to "promptly make full cash payment for the
  security ... before selling it". Funds in the account are *set aside* for the purchase they pay for (Federal Reserve
  Board staff letter of 2000-01-07 to G. Simon: "the cash balance in the account has been set aside ... to pay for the
  purchase of the stock of Company A"), so the next purchase is made under (ii).
* 220.8(b)(1), (b)(4): full cash payment within one *payment period* of the trade date (220.2: the settlement cycle plus
  two business days, T+3 under T+1), else the creditor cancels or liquidates the purchase.
* 220.8(c)(1), the 90-day freeze: "If a nonexempted security in the account is sold ... without having been previously
  paid for in full by the customer, the privilege of delaying payment beyond the trade date shall be withdrawn for 90
  calendar days following the date of sale" ("free-riding", SEC investor.gov glossary). While frozen a purchase needs
  settled funds in the account on the trade date. A cancellation (the liquidation of an unpaid purchase) counts as a
  sale. The freeze is avoided when full payment with funds that do not come from the sale is received within the
  payment period (SEC, "Freeze, Brokerage Account", sec.gov/answers/freeze.htm: "You can avoid the freeze if you fully
  pay for the stock within [the payment period] with funds that do not come from the sale of the stock"; 220.8(c)(2)).
  This is :attr:`CashRules.cure_by_payment` (default on; off: any free ride freezes for the full 90 days).
* Short sales are not permitted in a cash account (220.8(a) permits purchases and long sales only; a short sale needs
  the 150% deposit of 220.12(c), a margin account). A sale of more shares than are held is refused with
  :data:`SHORT_SALE_REFUSED` (the 220.8(a)(2)(ii) sale of shares held elsewhere is not modelled).

**A house rule, not Reg T: good-faith violations.** Brokers charge a *good-faith violation* when a security bought with
the unsettled proceeds of a sale is sold before those proceeds settle (Fidelity, "Avoiding cash account trading
violations": Marty sells XYZ Monday morning, buys ABC with the proceeds Monday afternoon, and sells ABC before the XYZ
sale settles; Firstrade, "Good Faith Violations and 90-Day Restriction Scenarios": Amy). The rule is counted:
:class:`GoodFaithPolicy` (default Fidelity's published figures: 3 violations in a rolling 12 months restrict the
account to settled cash for 90 calendar days). It is labelled ``house`` wherever it appears and can be switched off
(``CashRules(good_faith=None)``).

**Bookkeeping.** ``settled`` is settled cash not set aside for a purchase; ``unsettled`` holds sale proceeds until
their settlement date (uncommitted parts only: proceeds used for a purchase pay for it when they settle); each
purchase is a :class:`Lot` with what the customer still owes (``owed``: the part bought under 220.8(a)(1)(ii) and not
yet paid) and the date its funding settles (``paid_on``). Sales match lots first in, first out. The trade-date cash
balance is ``settled + unsettled - owed`` (:func:`trade_date_cash`); every step moves it exactly by the event's cash
(postconditions). Settled cash pays what is owed, oldest lot first, as soon as it arrives (a deposit, a settlement).

Money is Decimal, computed inside :func:`margin_rules.money.exact`. Invalid input raises a typed error naming the
field; a refused event returns the state unchanged with a :class:`CashDecision` whose ``code`` says why
(:func:`require_approved` turns it into :class:`~margin_rules.errors.RefusedError`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Final

import icontract

from margin_rules.errors import DomainError, InvalidTypeError, RefusedError
from margin_rules.money import MAX_PRICE, MAX_QUANTITY, ZERO, exact, to_amount, to_decimal

__all__ = [
    "APPROVED",
    "FREEZE_DAYS",
    "FREEZE_REFUSED",
    "GOOD_FAITH_REFUSED",
    "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_SETTLED_CASH",
    "SHORT_SALE_REFUSED",
    "Buy",
    "CashAccountState",
    "CashDecision",
    "CashEvent",
    "CashRules",
    "Deposit",
    "GoodFaithPolicy",
    "Lot",
    "Proceeds",
    "Restriction",
    "RestrictionKind",
    "Sell",
    "SellShort",
    "Settle",
    "Violation",
    "Withdrawal",
    "active_restriction",
    "apply_event",
    "apply_events",
    "is_restricted",
    "open_cash_account",
    "purchasing_power",
    "require_approved",
    "settled_purchasing_power",
    "trade_date_cash",
]

FREEZE_DAYS: Final = 90
"""Reg T 220.8(c)(1): the freeze lasts 90 calendar days following the date of the sale."""

APPROVED: Final = "approved"
SHORT_SALE_REFUSED: Final = "short_sale_in_cash_account"
"""Reason code: a short sale (or a sale of more shares than held) in a cash account (Reg T 220.8(a), 220.12(c))."""
FREEZE_REFUSED: Final = "cash_account_frozen"
"""Reason code: a purchase beyond settled cash during a 220.8(c) freeze."""
GOOD_FAITH_REFUSED: Final = "good_faith_restricted"
"""Reason code: a purchase beyond settled cash during a house good-faith restriction (broker policy, not Reg T)."""
INSUFFICIENT_FUNDS: Final = "insufficient_funds"
"""Reason code: a purchase beyond settled and unsettled funds when purchases on a promise to pay are not accepted."""
INSUFFICIENT_SETTLED_CASH: Final = "insufficient_settled_cash"
"""Reason code: a withdrawal beyond settled cash not set aside for purchases."""

_MAX_LOTS: Final = 100_000


class RestrictionKind(StrEnum):
    """Why purchases are limited to settled cash."""

    FREE_RIDING = "free_riding"
    """Reg T 220.8(c)(1): a security sold before it was paid for in full (regulation)."""
    GOOD_FAITH = "good_faith"
    """House rule: too many good-faith violations in 12 months (broker policy, not Reg T)."""


@dataclass(frozen=True, slots=True)
class GoodFaithPolicy:
    """A broker's counted good-faith-violation rule (HOUSE POLICY, not Reg T). ``violations`` violations dated within
    the rolling ``window_days`` (365: "any 12-month period") restrict purchases to settled cash for
    ``restriction_days`` calendar days. Defaults: Fidelity's published rule ("If you accumulate three good faith
    violations during any 12-month period in your cash account you will be restricted to purchasing securities ...
    with settled cash only for the next 90 days", Fidelity, "Trading FAQs: Trading Restrictions")."""

    violations: int = 3
    window_days: int = 365
    restriction_days: int = 90
    citation: str = "house rule (broker policy, not Reg T): Fidelity, Trading FAQs: Trading Restrictions"

    def __post_init__(self) -> None:
        for name in ("violations", "window_days", "restriction_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidTypeError(f"good_faith.{name}", f"expected an int, got {type(value).__name__}")
            if not 1 <= value <= 3660:
                raise DomainError(f"good_faith.{name}", f"must be between 1 and 3660 (got {value})")
        if not isinstance(self.citation, str) or not self.citation.strip():
            raise DomainError("good_faith.citation", "a house rule names its source")


@dataclass(frozen=True, slots=True)
class CashRules:
    """The cash-account rule set.

    * ``freeze_days``: Reg T 220.8(c)(1), 90 calendar days.
    * ``cure_by_payment``: the freeze is lifted when new funds (deposits, not the sale's proceeds) pay for the sold
      purchase in full within its payment period (SEC "Freeze, Brokerage Account"; 220.8(c)(2)). Default True.
    * ``promise_to_pay``: accept purchases beyond the account's funds on the customer's agreement to pay promptly
      (220.8(a)(1)(ii)); False (what a live account that never extends credit uses) refuses them
      (:data:`INSUFFICIENT_FUNDS`).
    * ``good_faith``: the house good-faith-violation policy, or None for none (Reg T alone).
    """

    freeze_days: int = FREEZE_DAYS
    cure_by_payment: bool = True
    promise_to_pay: bool = True
    good_faith: GoodFaithPolicy | None = field(default_factory=GoodFaithPolicy)

    def __post_init__(self) -> None:
        if isinstance(self.freeze_days, bool) or not isinstance(self.freeze_days, int):
            raise InvalidTypeError("freeze_days", "expected an int")
        if not 1 <= self.freeze_days <= 3660:
            raise DomainError("freeze_days", f"must be between 1 and 3660 (got {self.freeze_days})")
        for name in ("cure_by_payment", "promise_to_pay"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidTypeError(name, "expected a bool")
        if self.good_faith is not None and not isinstance(self.good_faith, GoodFaithPolicy):
            raise InvalidTypeError("good_faith", "expected a GoodFaithPolicy or None")


# --- state ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Proceeds:
    """Unsettled sale proceeds (not yet used for a purchase) and the day they settle."""

    amount: Decimal
    settles_on: dt.date

    def __post_init__(self) -> None:
        _valid_amount(self.amount, "proceeds.amount", positive=True)
        _date(self.settles_on, "proceeds.settles_on")


@dataclass(frozen=True, slots=True)
class Lot:
    """One purchase: ``quantity`` shares still held (0 once sold while something is still owed), its dates, ``owed``
    (the part bought on a promise to pay, 220.8(a)(1)(ii), not yet paid) and ``paid_on`` (the day the part paid from
    unsettled proceeds settles; the trade date when paid from settled cash)."""

    lot_id: int
    symbol: str
    quantity: Decimal
    trade_date: dt.date
    settlement_date: dt.date
    due_date: dt.date
    cost: Decimal
    owed: Decimal
    paid_on: dt.date

    def __post_init__(self) -> None:
        if isinstance(self.lot_id, bool) or not isinstance(self.lot_id, int) or self.lot_id < 0:
            raise InvalidTypeError("lot.lot_id", "a lot id is a non-negative int")
        if not isinstance(self.symbol, str) or not self.symbol:
            raise InvalidTypeError("lot.symbol", "a symbol is a non-empty string")
        if (
            not isinstance(self.quantity, Decimal)
            or to_decimal(self.quantity, "lot.quantity", max_abs=MAX_QUANTITY) < 0
        ):
            raise DomainError("lot.quantity", "a lot's quantity is a Decimal, not negative")
        _valid_amount(self.cost, "lot.cost")
        _valid_amount(self.owed, "lot.owed")
        if self.owed > self.cost:
            raise DomainError("lot.owed", f"more is owed ({self.owed}) than the purchase cost ({self.cost})")
        for name in ("trade_date", "settlement_date", "due_date", "paid_on"):
            _date(getattr(self, name), f"lot.{name}")

    @property
    def paid_in_full(self) -> bool:
        """Nothing is owed on the purchase (its funding may still be settling: see ``paid_on``)."""
        return self.owed == ZERO


@dataclass(frozen=True, slots=True)
class Violation:
    """A recorded violation: ``house`` is True for a broker's good-faith violation (not Reg T)."""

    kind: RestrictionKind
    day: dt.date
    symbol: str
    lot_id: int
    house: bool
    citation: str


@dataclass(frozen=True, slots=True)
class Restriction:
    """Purchases limited to settled cash from ``start`` through ``through`` (inclusive) unless ``lifted_on``.
    ``cure_amount``/``cure_by``: what new funds must still pay, and by when, to lift a free-riding freeze."""

    kind: RestrictionKind
    start: dt.date
    through: dt.date
    lot_id: int
    house: bool
    citation: str
    cure_amount: Decimal = ZERO
    cure_by: dt.date | None = None
    lifted_on: dt.date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, RestrictionKind):
            raise InvalidTypeError("restriction.kind", "expected a RestrictionKind")
        _date(self.start, "restriction.start")
        _date(self.through, "restriction.through")
        _valid_amount(self.cure_amount, "restriction.cure_amount")
        for name in ("cure_by", "lifted_on"):
            if getattr(self, name) is not None:
                _date(getattr(self, name), f"restriction.{name}")

    def active_on(self, day: dt.date) -> bool:
        """In force on ``day``."""
        if self.lifted_on is not None and day >= self.lifted_on:
            return False
        return self.start <= day <= self.through


@dataclass(frozen=True, slots=True)
class CashAccountState:
    """A cash account's settlement state (see the module docstring). Build it with :func:`open_cash_account`."""

    day: dt.date
    settled: Decimal
    unsettled: tuple[Proceeds, ...] = ()
    lots: tuple[Lot, ...] = ()
    violations: tuple[Violation, ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    next_lot_id: int = 1

    def __post_init__(self) -> None:
        _date(self.day, "state.day")
        _valid_amount(self.settled, "state.settled")
        for name, kind in (
            ("unsettled", Proceeds),
            ("lots", Lot),
            ("violations", Violation),
            ("restrictions", Restriction),
        ):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(item, kind) for item in value):
                raise InvalidTypeError(f"state.{name}", f"expected a tuple of {kind.__name__}")
        if isinstance(self.next_lot_id, bool) or not isinstance(self.next_lot_id, int) or self.next_lot_id < 0:
            raise InvalidTypeError("state.next_lot_id", "a lot id is a non-negative int")

    def held(self, symbol: str) -> Decimal:
        """Shares of ``symbol`` held."""
        total = ZERO
        with exact():
            for lot in self.lots:
                if lot.symbol == symbol:
                    total += lot.quantity
        return total

    @property
    def unsettled_total(self) -> Decimal:
        """Unsettled sale proceeds not used for a purchase."""
        with exact():
            return sum((p.amount for p in self.unsettled), ZERO)

    @property
    def owed_total(self) -> Decimal:
        """What the customer still owes for purchases made on a promise to pay."""
        with exact():
            return sum((lot.owed for lot in self.lots), ZERO)


# --- events --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Deposit:
    """New funds (settled on arrival)."""

    day: dt.date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """Cash leaving the account: only settled cash not set aside may leave."""

    day: dt.date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Buy:
    """A purchase of ``quantity`` shares at ``price`` on ``day``; ``settlement_date`` and ``due_date`` (end of the
    payment period) come from the caller's calendar."""

    day: dt.date
    symbol: str
    quantity: Decimal
    price: Decimal
    settlement_date: dt.date
    due_date: dt.date


@dataclass(frozen=True, slots=True)
class Sell:
    """A long sale; its proceeds settle on ``settlement_date``."""

    day: dt.date
    symbol: str
    quantity: Decimal
    price: Decimal
    settlement_date: dt.date


@dataclass(frozen=True, slots=True)
class SellShort:
    """A short sale: always refused in a cash account."""

    day: dt.date
    symbol: str
    quantity: Decimal
    price: Decimal


@dataclass(frozen=True, slots=True)
class Settle:
    """Move the account to ``day``: proceeds due by then settle and pay what is owed; overdue purchases are reported."""

    day: dt.date


CashEvent = Deposit | Withdrawal | Buy | Sell | SellShort | Settle


@dataclass(frozen=True, slots=True)
class CashDecision:
    """The outcome of one event. ``approved`` False means nothing changed; ``code`` is :data:`APPROVED` or a reason
    code; ``reason`` says why in English with the citation. ``from_settled`` / ``from_unsettled`` / ``owed``: how a
    purchase is paid. ``violations`` / ``restrictions``: what the event created. ``overdue``: purchases past their
    payment period with something still owed (220.8(b)(4): cancel or liquidate; the liquidation is a sale, which
    freezes under 220.8(c)(1))."""

    approved: bool
    code: str
    reason: str
    from_settled: Decimal = ZERO
    from_unsettled: Decimal = ZERO
    owed: Decimal = ZERO
    violations: tuple[Violation, ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    overdue: tuple[Lot, ...] = ()
    lifted: tuple[Restriction, ...] = ()


# --- validation ----------------------------------------------------------------------------------------------------


def _valid_amount(value: object, field_name: str, *, positive: bool = False) -> Decimal:
    """A stored amount: a Decimal within the amount bounds, not negative (positive when asked)."""
    if not isinstance(value, Decimal):
        raise InvalidTypeError(field_name, f"expected a Decimal, got {type(value).__name__}")
    amount = to_amount(value, field_name)
    if amount < ZERO or (positive and amount == ZERO):
        raise DomainError(field_name, f"must be {'positive' if positive else 'non-negative'} (got {amount})")
    return amount


def _date(value: object, field_name: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(field_name, f"expected a datetime.date, got {type(value).__name__}")
    return value


def _symbol(value: object, field_name: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(field_name, f"a symbol is a string, not {type(value).__name__}")
    text = value.strip().upper()
    if not text:
        raise DomainError(field_name, "a symbol cannot be empty")
    return text


def _positive_quantity(value: object, field_name: str) -> Decimal:
    q = to_decimal(value, field_name, max_abs=MAX_QUANTITY)
    if q <= ZERO:
        raise DomainError(field_name, f"a quantity is positive (got {q})")
    return q


def _positive_price(value: object, field_name: str) -> Decimal:
    p = to_decimal(value, field_name, max_abs=MAX_PRICE)
    if p <= ZERO:
        raise DomainError(field_name, f"a price is positive (got {p})")
    return p


def _positive_amount(value: object, field_name: str) -> Decimal:
    a = to_amount(value, field_name)
    if a <= ZERO:
        raise DomainError(field_name, f"an amount is positive (got {a})")
    return a


def _check_state(state: object) -> CashAccountState:
    if not isinstance(state, CashAccountState):
        raise InvalidTypeError("state", f"expected a CashAccountState, got {type(state).__name__}")
    return state


def _check_day(state: CashAccountState, day: object) -> dt.date:
    d = _date(day, "event.day")
    if d < state.day:
        raise DomainError("event.day", f"{d} is before the account's day {state.day}: events come in date order")
    return d


def _shift(day: dt.date, days: int, field_name: str) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise DomainError(field_name, f"{day} moved by {days} days falls outside the calendar") from None


# --- queries -------------------------------------------------------------------------------------------------------


@icontract.require(lambda settled: settled is not None, "an opening balance is given")
@icontract.ensure(lambda result: result.settled >= 0, "settled cash is never negative")
def open_cash_account(day: dt.date, settled: Decimal | int | str = ZERO) -> CashAccountState:
    """A cash account on ``day`` holding ``settled`` settled cash (not negative: a cash account carries no debit,
    Reg T 220.8(a)) and nothing else."""
    d = _date(day, "day")
    cash = to_amount(settled, "settled")
    if cash < ZERO:
        raise DomainError("settled", f"a cash account's settled cash is not negative (got {cash})")
    return CashAccountState(d, cash)


@icontract.ensure(
    lambda state, result: result <= state.settled + state.unsettled_total, "what is owed only lowers the balance"
)
def trade_date_cash(state: CashAccountState) -> Decimal:
    """The trade-date cash balance: settled + unsettled proceeds - what is owed for purchases (the figure a broker's
    "cash" shows; every event moves it by exactly the event's cash)."""
    state = _check_state(state)
    with exact():
        return state.settled + state.unsettled_total - state.owed_total


@icontract.ensure(lambda day, result: result is None or result.active_on(day), "the restriction is in force that day")
def active_restriction(state: CashAccountState, day: dt.date) -> Restriction | None:
    """The restriction in force on ``day`` that lasts longest (a Reg T freeze before a house restriction on a tie), or
    None."""
    state = _check_state(state)
    d = _date(day, "day")
    active = [r for r in state.restrictions if r.active_on(d)]
    if not active:
        return None
    return max(active, key=lambda r: (r.through, r.kind is RestrictionKind.FREE_RIDING))


@icontract.ensure(
    lambda state, day, result: result is any(r.active_on(day) for r in state.restrictions),
    "restricted exactly when a restriction is in force",
)
def is_restricted(state: CashAccountState, day: dt.date) -> bool:
    """True when purchases on ``day`` are limited to settled cash (a 220.8(c) freeze or a house restriction)."""
    return active_restriction(state, day) is not None


@icontract.ensure(lambda result: result >= 0, "purchasing power is never negative")
def settled_purchasing_power(state: CashAccountState) -> Decimal:
    """Settled cash not set aside for a purchase: what a purchase may use while restricted (220.8(c)), and what may be
    withdrawn."""
    return _check_state(state).settled


@icontract.ensure(lambda result: result >= 0, "purchasing power is never negative")
def purchasing_power(state: CashAccountState, day: dt.date) -> Decimal:
    """What purchases on ``day`` may use without owing anything: settled cash, plus unsettled sale proceeds unless the
    account is restricted to settled cash (220.8(c) freeze, or the house good-faith restriction). Buying with
    unsettled proceeds is permitted (Board staff letter of 2000-01-06 to M. Grewe: no new funds are required "if the
    securities are not resold prior to the settlement date"); selling before they settle is a house good-faith
    violation."""
    state = _check_state(state)
    if is_restricted(state, day):
        return state.settled
    with exact():
        return state.settled + state.unsettled_total


# --- the transition ------------------------------------------------------------------------------------------------


def _refuse(state: CashAccountState, code: str, reason: str) -> tuple[CashAccountState, CashDecision]:
    return state, CashDecision(False, code, reason)


def _settle(state: CashAccountState, day: dt.date) -> CashAccountState:
    """Proceeds due by ``day`` settle; settled cash then pays what is owed, oldest lot first."""
    with exact():
        settled = state.settled
        still: list[Proceeds] = []
        for p in state.unsettled:
            if p.settles_on <= day:
                settled += p.amount
            else:
                still.append(p)
        lots, settled = _pay_owed(state.lots, settled, day)
    return replace(state, day=day, settled=settled, unsettled=tuple(still), lots=lots)


def _pay_owed(lots: tuple[Lot, ...], settled: Decimal, day: dt.date) -> tuple[tuple[Lot, ...], Decimal]:
    out: list[Lot] = []
    for lot in lots:
        if lot.owed > ZERO and settled > ZERO:
            pay = min(lot.owed, settled)
            settled -= pay
            lot = replace(lot, owed=lot.owed - pay, paid_on=max(lot.paid_on, day))
        if lot.quantity > ZERO or lot.owed > ZERO:
            out.append(lot)
    return tuple(out), settled


def _prune(state: CashAccountState, day: dt.date, rules: CashRules) -> CashAccountState:
    """Forget violations outside the longest window and restrictions that ended (bounded state)."""
    window = rules.good_faith.window_days if rules.good_faith is not None else 0
    keep_from = _shift(day, -max(window, 1), "event.day")
    violations = tuple(v for v in state.violations if v.day > keep_from)
    restrictions = tuple(
        r for r in state.restrictions if r.through >= day and (r.lifted_on is None or r.lifted_on > day)
    )
    return replace(state, violations=violations, restrictions=restrictions)


def _overdue(state: CashAccountState, day: dt.date) -> tuple[Lot, ...]:
    return tuple(lot for lot in state.lots if lot.owed > ZERO and lot.due_date < day)


def _deposit(state: CashAccountState, event: Deposit, rules: CashRules) -> tuple[CashAccountState, CashDecision]:
    amount = _positive_amount(event.amount, "deposit.amount")
    day = state.day
    with exact():
        settled = state.settled + amount
        # New funds cure free-riding freezes whose purchase they pay for within its payment period (oldest first).
        left = amount
        restrictions: list[Restriction] = []
        lifted: list[Restriction] = []
        for r in state.restrictions:
            if (
                rules.cure_by_payment
                and r.kind is RestrictionKind.FREE_RIDING
                and r.lifted_on is None
                and r.cure_amount > ZERO
                and r.cure_by is not None
                and day <= r.cure_by
                and left > ZERO
            ):
                pay = min(left, r.cure_amount)
                left -= pay
                r = replace(r, cure_amount=r.cure_amount - pay)
                if r.cure_amount == ZERO:
                    r = replace(r, lifted_on=day)
                    lifted.append(r)
            restrictions.append(r)
        lots, settled = _pay_owed(state.lots, settled, day)
    new = replace(state, settled=settled, lots=lots, restrictions=tuple(restrictions))
    reason = "deposit credited to settled cash"
    if lifted:
        reason += "; free-riding freeze lifted: the purchase was paid with new funds within its payment period"
    return new, CashDecision(True, APPROVED, reason, lifted=tuple(lifted))


def _withdraw(state: CashAccountState, event: Withdrawal) -> tuple[CashAccountState, CashDecision]:
    amount = _positive_amount(event.amount, "withdrawal.amount")
    if amount > state.settled:
        return _refuse(
            state,
            INSUFFICIENT_SETTLED_CASH,
            f"only settled cash not set aside for purchases may leave a cash account ({state.settled}; Reg T 220.8)",
        )
    with exact():
        return replace(state, settled=state.settled - amount), CashDecision(
            True, APPROVED, "withdrawal of settled cash"
        )


def _buy(state: CashAccountState, event: Buy, rules: CashRules) -> tuple[CashAccountState, CashDecision]:
    symbol = _symbol(event.symbol, "buy.symbol")
    quantity = _positive_quantity(event.quantity, "buy.quantity")
    price = _positive_price(event.price, "buy.price")
    settles = _date(event.settlement_date, "buy.settlement_date")
    due = _date(event.due_date, "buy.due_date")
    day = state.day
    if not day <= settles <= due:
        raise DomainError("buy.due_date", f"expected trade {day} <= settlement {settles} <= payment due {due}")
    if len(state.lots) >= _MAX_LOTS:
        raise DomainError("state.lots", f"more than {_MAX_LOTS} open purchases")
    with exact():
        cost = quantity * price
        restriction = active_restriction(state, day)
        if restriction is not None:
            if cost > state.settled:
                code = FREEZE_REFUSED if restriction.kind is RestrictionKind.FREE_RIDING else GOOD_FAITH_REFUSED
                return _refuse(
                    state,
                    code,
                    f"purchases need settled cash until {restriction.through} ({restriction.citation}); cost {cost}, "
                    f"settled cash {state.settled}",
                )
            from_settled, from_unsettled, owed = cost, ZERO, ZERO
        else:
            from_settled = min(cost, state.settled)
            from_unsettled = min(cost - from_settled, state.unsettled_total)
            owed = cost - from_settled - from_unsettled
            if owed > ZERO and not rules.promise_to_pay:
                return _refuse(
                    state,
                    INSUFFICIENT_FUNDS,
                    f"cost {cost} exceeds the account's funds {from_settled + from_unsettled} and purchases on a "
                    "promise to pay are not accepted (Reg T 220.8(a)(1))",
                )
        # Unsettled proceeds are used earliest-settling first; the purchase is paid when the last one used settles.
        paid_on = day
        need = from_unsettled
        remaining: list[Proceeds] = []
        for p in sorted(state.unsettled, key=lambda p: p.settles_on):
            if need > ZERO:
                use = min(need, p.amount)
                need -= use
                paid_on = max(paid_on, p.settles_on)
                if p.amount - use > ZERO:
                    remaining.append(Proceeds(p.amount - use, p.settles_on))
            else:
                remaining.append(p)
        lot = Lot(state.next_lot_id, symbol, quantity, day, settles, due, cost, owed, paid_on)
        new = replace(
            state,
            settled=state.settled - from_settled,
            unsettled=tuple(remaining),
            lots=(*state.lots, lot),
            next_lot_id=state.next_lot_id + 1,
        )
    if owed > ZERO:
        reason = (
            f"purchase accepted on the customer's agreement to pay {owed} by {due} before selling it "
            "(Reg T 220.8(a)(1)(ii), 220.8(b)(1))"
        )
    elif from_unsettled > ZERO:
        reason = f"paid with unsettled proceeds settling by {paid_on}: selling it before then is a good-faith violation"
    else:
        reason = "paid with settled cash (Reg T 220.8(a)(1)(i))"
    return new, CashDecision(True, APPROVED, reason, from_settled, from_unsettled, owed)


def _sell(state: CashAccountState, event: Sell, rules: CashRules) -> tuple[CashAccountState, CashDecision]:
    symbol = _symbol(event.symbol, "sell.symbol")
    quantity = _positive_quantity(event.quantity, "sell.quantity")
    price = _positive_price(event.price, "sell.price")
    settles = _date(event.settlement_date, "sell.settlement_date")
    day = state.day
    if settles < day:
        raise DomainError("sell.settlement_date", f"{settles} is before the trade date {day}")
    held = state.held(symbol)
    if quantity > held:
        return _refuse(
            state,
            SHORT_SALE_REFUSED,
            f"selling {quantity} {symbol} with {held} held would be a short sale: not permitted in a cash account "
            "(Reg T 220.8(a); a short sale needs a margin account, 220.12(c))",
        )
    violations: list[Violation] = []
    new_restrictions: list[Restriction] = []
    with exact():
        left = quantity
        lots: list[Lot] = []
        for lot in state.lots:
            if lot.symbol == symbol and left > ZERO and lot.quantity > ZERO:
                take = min(left, lot.quantity)
                left -= take
                if lot.owed > ZERO:
                    violations.append(
                        Violation(RestrictionKind.FREE_RIDING, day, symbol, lot.lot_id, False, "Reg T 220.8(c)(1)")
                    )
                    new_restrictions.append(
                        Restriction(
                            RestrictionKind.FREE_RIDING,
                            day,
                            _shift(day, rules.freeze_days, "sell.day"),
                            lot.lot_id,
                            False,
                            "Reg T 220.8(c)(1): sold before paid for in full",
                            lot.owed if rules.cure_by_payment else ZERO,
                            lot.due_date if rules.cure_by_payment else None,
                        )
                    )
                elif lot.paid_on > day and rules.good_faith is not None:
                    violations.append(
                        Violation(RestrictionKind.GOOD_FAITH, day, symbol, lot.lot_id, True, rules.good_faith.citation)
                    )
                lot = replace(lot, quantity=lot.quantity - take)
            if lot.quantity > ZERO or lot.owed > ZERO:
                lots.append(lot)
        proceeds = quantity * price
        unsettled = (*state.unsettled, Proceeds(proceeds, settles))
    policy = rules.good_faith
    if policy is not None and any(v.kind is RestrictionKind.GOOD_FAITH for v in violations):
        window_start = _shift(day, -policy.window_days, "sell.day")
        history = [v for v in (*state.violations, *violations) if v.kind is RestrictionKind.GOOD_FAITH]
        counted = sum(1 for v in history if v.day > window_start)
        already = any(r.kind is RestrictionKind.GOOD_FAITH and r.active_on(day) for r in state.restrictions)
        if counted >= policy.violations and not already:
            new_restrictions.append(
                Restriction(
                    RestrictionKind.GOOD_FAITH,
                    day,
                    _shift(day, policy.restriction_days, "sell.day"),
                    violations[-1].lot_id,
                    True,
                    f"{policy.citation}: {counted} good-faith violations in {policy.window_days} days",
                )
            )
    new = replace(
        state,
        lots=tuple(lots),
        unsettled=unsettled,
        violations=(*state.violations, *violations),
        restrictions=(*state.restrictions, *new_restrictions),
    )
    if any(v.kind is RestrictionKind.FREE_RIDING for v in violations):
        reason = "free-riding: sold before paid for in full; purchases need settled cash for 90 days (Reg T 220.8(c))"
    elif violations:
        reason = "good-faith violation (house rule): sold before the proceeds that paid for it settled"
    else:
        reason = "long sale of shares held"
    return new, CashDecision(True, APPROVED, reason, violations=tuple(violations), restrictions=tuple(new_restrictions))


def _approved_code() -> str:
    return APPROVED


def _plus(a: Decimal, b: Decimal) -> Decimal:
    with exact():
        return a + b


def _cash_moved(event: CashEvent, decision: CashDecision) -> Decimal:
    """The cash an approved event moves on the trade date (for the postcondition)."""
    with exact():
        if isinstance(event, Deposit):
            return to_amount(event.amount, "deposit.amount")
        if isinstance(event, Withdrawal):
            return -to_amount(event.amount, "withdrawal.amount")
        if isinstance(event, Buy):
            return -(decision.from_settled + decision.from_unsettled + decision.owed)
        if isinstance(event, Sell):
            return to_decimal(event.quantity, "q", max_abs=MAX_QUANTITY) * to_decimal(
                event.price, "p", max_abs=MAX_PRICE
            )
        return ZERO


def _check_event(event: object) -> CashEvent:
    if not isinstance(event, Deposit | Withdrawal | Buy | Sell | SellShort | Settle):
        raise InvalidTypeError("event", f"expected a cash-account event, got {type(event).__name__}")
    return event


@icontract.ensure(
    lambda state, result: result[1].approved or result[0] is state,
    "a refused event changes nothing",
)
@icontract.ensure(lambda result: result[0].settled >= 0, "settled cash is never negative")
@icontract.ensure(
    lambda result: all(lot.owed >= 0 and lot.quantity >= 0 for lot in result[0].lots), "no negative lot figures"
)
@icontract.ensure(
    lambda state, event, result: (
        not (isinstance(event, Buy) and result[1].approved and is_restricted(state, event.day))
        or (result[1].from_unsettled == 0 and result[1].owed == 0)
    ),
    "while restricted, an approved purchase is paid entirely with settled cash (Reg T 220.8(c))",
)
@icontract.ensure(
    lambda state, event, result: (
        not result[1].approved
        or trade_date_cash(result[0]) == _plus(trade_date_cash(state), _cash_moved(event, result[1]))
    ),
    "the trade-date cash balance moves by exactly the event's cash",
)
@icontract.ensure(
    lambda event, result: not isinstance(event, SellShort) or result[1].code == SHORT_SALE_REFUSED,
    "a short sale is always refused in a cash account",
)
@icontract.ensure(
    lambda event, result: (
        not (isinstance(event, Sell) and result[1].approved)
        or all(r.active_on(event.day) for r in result[1].restrictions if r.kind is RestrictionKind.FREE_RIDING)
    ),
    "a free-riding sale freezes the account from the day of the sale",
)
def apply_event(
    state: CashAccountState, event: CashEvent, rules: CashRules | None = None
) -> tuple[CashAccountState, CashDecision]:
    """Apply one event to a cash account (Reg T 220.8; see the module docstring) and say what it did.

    The account first moves to the event's day (proceeds due by then settle and pay what is owed). Then:

    * :class:`Deposit`: settled cash; new funds may cure a free-riding freeze within the payment period;
    * :class:`Withdrawal`: up to settled cash not set aside, else refused (:data:`INSUFFICIENT_SETTLED_CASH`);
    * :class:`Buy`: paid from settled cash, then unsettled proceeds, then (220.8(a)(1)(ii)) owed by the payment
      date; while restricted, only settled cash (:data:`FREEZE_REFUSED`, :data:`GOOD_FAITH_REFUSED`);
    * :class:`Sell`: long shares only (else :data:`SHORT_SALE_REFUSED`); shares sold before their purchase is paid
      freeze the account for 90 days (220.8(c)(1)); shares paid with proceeds not yet settled are a house good-faith
      violation, counted by :class:`GoodFaithPolicy`;
    * :class:`SellShort`: refused (:data:`SHORT_SALE_REFUSED`, Reg T 220.8(a), 220.12(c));
    * :class:`Settle`: reports the purchases past their payment period still owing (220.8(b)(4)).

    Returns the new state and the decision; a refusal returns ``state`` itself. Invalid input raises a typed error.
    """
    state = _check_state(state)
    event = _check_event(event)
    rules = CashRules() if rules is None else rules
    if not isinstance(rules, CashRules):
        raise InvalidTypeError("rules", f"expected CashRules, got {type(rules).__name__}")
    day = _check_day(state, event.day)
    if isinstance(event, SellShort):
        _symbol(event.symbol, "sell_short.symbol")
        _positive_quantity(event.quantity, "sell_short.quantity")
        _positive_price(event.price, "sell_short.price")
        return _refuse(
            state,
            SHORT_SALE_REFUSED,
            "short sales are not permitted in a cash account (Reg T 220.8(a); a short sale needs the 220.12(c) "
            "margin deposit of a margin account)",
        )
    moved = _prune(_settle(state, day), day, rules)
    if isinstance(event, Settle):
        overdue = _overdue(moved, day)
        reason = "settled"
        if overdue:
            reason = (
                f"{len(overdue)} purchase(s) unpaid after the payment period: cancel or liquidate (Reg T 220.8(b)(4)); "
                "the liquidation of an unpaid purchase is a sale that freezes the account (220.8(c)(1))"
            )
        return moved, CashDecision(True, APPROVED, reason, overdue=overdue)
    if isinstance(event, Deposit):
        result = _deposit(moved, event, rules)
    elif isinstance(event, Withdrawal):
        result = _withdraw(moved, event)
    elif isinstance(event, Buy):
        result = _buy(moved, event, rules)
    else:
        result = _sell(moved, event, rules)
    if not result[1].approved:
        return state, result[1]
    return result


@icontract.ensure(
    lambda result: all(d.approved or d.code != _approved_code() for d in result[1]),
    "every refusal carries a reason code",
)
def apply_events(
    state: CashAccountState, events: Iterable[CashEvent], rules: CashRules | None = None
) -> tuple[CashAccountState, tuple[CashDecision, ...]]:
    """Fold :func:`apply_event` over ``events`` (refused events leave the state as it was and are reported)."""
    decisions: list[CashDecision] = []
    for event in events:
        state, decision = apply_event(state, event, rules)
        decisions.append(decision)
    return state, tuple(decisions)


@icontract.ensure(lambda result: result.approved, "only an approved decision is returned")
def require_approved(decision: CashDecision) -> CashDecision:
    """``decision`` if approved, else :class:`~margin_rules.errors.RefusedError` with its reason code.

    :raises RefusedError: when the decision is a refusal
    """
    if not isinstance(decision, CashDecision):
        raise InvalidTypeError("decision", "expected a CashDecision")
    if not decision.approved:
        raise RefusedError(decision.code, decision.reason)
    return decision
