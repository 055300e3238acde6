"""A Hypothesis state machine drives MarginAccount with random reserve / confirm / partial fill / release / price update
/ deposit / withdraw against a simple reference model built on the snapshot-based core, checking the invariants after
every step.

The reference keeps cash, positions, prices and open orders as plain values, decides every order with
:func:`margin_rules.buying_power.order_fits` on its own snapshot (net of its own reserved charges), every withdrawal
with :func:`margin_rules.withdrawal.max_withdrawal` and :func:`margin_rules.buying_power.available_excess`, and prorates
held charges with exact fractions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from margin_rules import cash_account as ca
from margin_rules.buying_power import Mode, available_excess, order_fits
from margin_rules.errors import RefusedError
from margin_rules.live.account import MarginAccount
from margin_rules.model import Account, Order, Position, Side
from margin_rules.rulesets import RuleSet, alpaca, finra
from margin_rules.withdrawal import max_withdrawal

SYMBOLS = ("AAA", "BBB", "CCC")
CASH_ACCOUNT_REFUSALS = {
    "short_sale_in_cash_account",
    "cash_account_frozen",
    "good_faith_restricted",
    "insufficient_funds",
}
prices = st.integers(min_value=100, max_value=30000).map(lambda c: Decimal(c) / 100)
amounts = st.integers(min_value=1, max_value=3_000_000).map(lambda c: Decimal(c) / 100)


class _Open:
    def __init__(self, order: Order, charge: Decimal, opening: Decimal, closing: Decimal, marginable: bool) -> None:
        self.order = order
        self.marginable = marginable  # the held position's flag at reserve time, else the order's
        self.charge = Fraction(charge)
        self.opening0 = opening
        self.opening = opening
        self.closing = closing
        self.remaining = order.quantity

    @property
    def held(self) -> Fraction:
        return self.charge * Fraction(self.opening) / Fraction(self.opening0) if self.opening0 else Fraction(0)


class AccountMachine(RuleBasedStateMachine):
    mode: Mode = Mode.REG_T
    ruleset: RuleSet = finra()

    def __init__(self) -> None:
        super().__init__()
        self.cash = Decimal(0)
        self.positions: dict[str, tuple[Decimal, Decimal, bool]] = {}
        self.open: dict[str, _Open] = {}
        self.used: set[str] = set()
        self.n = 0
        self.account: MarginAccount

    @initialize(cash=st.integers(min_value=0, max_value=200_000).map(Decimal), qty=st.integers(-300, 300), price=prices)
    def setup(self, cash: Decimal, qty: int, price: Decimal) -> None:
        self.cash = cash
        positions = [Position("AAA", qty, price)] if qty else []
        if qty:
            self.positions["AAA"] = (Decimal(qty), price, True)
        self.account = MarginAccount(
            self.ruleset, cash, positions, mode=self.mode, session=dt.date(2026, 11, 20), sma=0
        )
        snap = self.account.snapshot()
        self.prior = (snap.prior_equity, snap.prior_maintenance)

    # --- the reference model ---------------------------------------------------------------------------------------

    def model(self) -> Account:
        return Account(
            self.cash,
            tuple(Position(s, q, p, m) for s, (q, p, m) in sorted(self.positions.items()) if q != 0),
            0,
            self.prior[0],
            self.prior[1],
        )

    def reserved(self) -> Fraction:
        return sum((o.held for o in self.open.values()), Fraction(0))

    def pending_closing(self, symbol: str, side: Side) -> bool:
        buy = side is Side.BUY
        return any(
            o.order.symbol == symbol and (o.order.side is Side.BUY) == buy and o.closing > 0 for o in self.open.values()
        )

    # --- rules -----------------------------------------------------------------------------------------------------

    @rule(
        symbol=st.sampled_from(SYMBOLS),
        side=st.sampled_from(list(Side)),
        qty=st.integers(1, 400),
        price=prices,
        marginable=st.booleans(),
        reuse=st.booleans(),
    )
    def reserve(self, symbol: str, side: Side, qty: int, price: Decimal, marginable: bool, reuse: bool) -> None:
        if reuse and self.used:
            oid = sorted(self.used)[0]
        else:
            self.n += 1
            oid = f"o{self.n}"
        order = Order(symbol, side, qty, price, marginable)
        if oid in self.used:
            try:
                self.account.reserve(oid, order)
            except RefusedError as exc:
                assert exc.reason == "duplicate_order_id"
                return
            raise AssertionError("a duplicate order id was accepted")
        # The snapshot-based core knows nothing of pending closing orders: keep to orders it can decide.
        assume(not self.pending_closing(symbol, side))
        reserved = self.reserved()
        expected = order_fits(self.model(), order, self.ruleset, self.mode, self.account.reserved(self.mode))
        assert Fraction(self.account.reserved(self.mode)) == reserved
        try:
            got = self.account.reserve(oid, order)
        except RefusedError as exc:
            if exc.reason in CASH_ACCOUNT_REFUSALS:  # Reg T 220.8: the cash account's settlement rules
                state = self.account.cash_account_state()
                assert state is not None and self.mode is Mode.CASH
                if exc.reason == "short_sale_in_cash_account":
                    assert side is not Side.BUY and not expected.fits
                else:
                    assert side is Side.BUY
                    spendable = ca.purchasing_power(state, state.day) - self.account.reserved(self.mode)
                    assert expected.charge > spendable, f"refused a purchase within the cash account's funds: {exc}"
                return
            assert not expected.fits, f"refused an order the core accepts: {exc}"
            assert exc.reason in {"insufficient_buying_power", "minimum_equity"}
            return
        assert expected.fits, "accepted an order the core refuses"
        assert got.charge(self.mode) == expected.charge
        self.used.add(oid)
        req = expected.requirement
        held = self.positions.get(symbol)
        flag = held[2] if held is not None else marginable
        self.open[oid] = _Open(order, expected.charge, req.opening_quantity, req.closing_quantity, flag)
        if req.opening_quantity > 0:
            left = available_excess(self.model(), self.ruleset, self.mode, self.account.reserved(self.mode))
            assert left >= 0, "an approval left the budget negative"

    @precondition(lambda self: bool(self.open))
    @rule(data=st.data(), delta=st.integers(-200, 200), full=st.booleans())
    def confirm(self, data: st.DataObject, delta: int, full: bool) -> None:
        oid = data.draw(st.sampled_from(sorted(self.open)))
        o = self.open[oid]
        qty = o.remaining if full else Decimal(data.draw(st.integers(1, int(o.remaining))))
        price = max(o.order.price + Decimal(delta) / 100, Decimal("0.01"))
        self.account.confirm(oid, qty, price)
        closed = min(qty, o.closing)
        o.closing -= closed
        o.opening -= qty - closed
        o.remaining -= qty
        if o.remaining == 0:
            del self.open[oid]
        signed = qty if o.order.side is Side.BUY else -qty
        held_qty, _, marginable = self.positions.get(o.order.symbol, (Decimal(0), price, o.marginable))
        self.positions[o.order.symbol] = (held_qty + signed, price, marginable)
        if held_qty + signed == 0:
            del self.positions[o.order.symbol]
        self.cash -= signed * price

    @precondition(lambda self: bool(self.open))
    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        oid = data.draw(st.sampled_from(sorted(self.open)))
        self.account.release(oid)
        del self.open[oid]

    @rule(moves=st.dictionaries(st.sampled_from(SYMBOLS), prices, min_size=1))
    def update_prices(self, moves: dict[str, Decimal]) -> None:
        self.account.update_prices(moves)
        for symbol, price in moves.items():
            if symbol in self.positions:
                q, _, m = self.positions[symbol]
                self.positions[symbol] = (q, price, m)

    @rule(amount=amounts)
    def deposit(self, amount: Decimal) -> None:
        self.account.deposit(amount)
        self.cash += amount

    @rule(amount=amounts, at_limit=st.booleans())
    def withdraw(self, amount: Decimal, at_limit: bool) -> None:
        model = self.model()
        limit = max_withdrawal(model, self.ruleset)
        if self.open or self.mode is Mode.CASH:
            budget = available_excess(model, self.ruleset, self.mode, self.account.reserved(self.mode))
            limit = min(limit, max(budget, Decimal(0)))
        state = self.account.cash_account_state()
        if state is not None:  # only settled cash leaves a cash account (Reg T 220.8)
            limit = min(limit, ca.settled_purchasing_power(state))
        if at_limit:
            if limit <= 0:
                return
            amount = limit
        try:
            self.account.withdraw(amount)
        except RefusedError as exc:
            assert amount > limit, f"refused a permitted withdrawal: {exc}"
            return
        assert amount <= limit, "permitted a withdrawal above the limit"
        self.cash -= amount

    # --- invariants ------------------------------------------------------------------------------------------------

    @invariant()
    def matches_the_model(self) -> None:
        if not hasattr(self, "account"):
            return
        snap = self.account.snapshot()
        assert snap.cash == self.cash
        assert {p.symbol: (p.quantity, p.price, p.marginable) for p in snap.positions} == self.positions
        assert set(self.account.reservations()) == set(self.open)
        for oid, r in self.account.reservations().items():
            o = self.open[oid]
            assert (r.remaining, r.opening, r.closing) == (o.remaining, o.opening, o.closing)
            assert Fraction(r.charge(self.mode)) == o.held  # pro rata, exactly
        assert Fraction(self.account.reserved(self.mode)) == self.reserved()
        self.account.check_drift()


_SETTINGS = settings(
    max_examples=25, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class CashMachine(AccountMachine):
    mode = Mode.CASH
    ruleset = finra()


class RegTMachine(AccountMachine):
    mode = Mode.REG_T
    ruleset = alpaca()


class IntradayMachine(AccountMachine):
    mode = Mode.INTRADAY
    ruleset = finra()


TestCashAccount = CashMachine.TestCase
TestCashAccount.settings = _SETTINGS
TestRegTAccount = RegTMachine.TestCase
TestRegTAccount.settings = _SETTINGS
TestIntradayAccount = IntradayMachine.TestCase
TestIntradayAccount.settings = _SETTINGS
