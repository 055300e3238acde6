"""MarginAccount: the single source of truth of a live margin account.

The account holds cash, positions, the SMA, the prior-close figures, prices and the open reservations; every write goes
through one ``threading.RLock``. It never computes a rule itself:

* each position's contribution (market value, maintenance, initial) comes from the core's per-position formula
  :func:`margin_rules.requirements.position_terms`; the account keeps running totals and, on a price update or a fill,
  replaces one position's contribution, so a reservation costs the same with 10 or 10,000 positions;
* an order is decided by :func:`margin_rules.order_check.check_order`, the figure-level twin of
  :func:`margin_rules.buying_power.order_fits` (tested to agree exactly), against the budget of the account's mode net
  of the open reservations (as at Alpaca: open buy and sell-short orders reduce buying power; closing orders do not
  replenish it until they fill);
* withdrawals go through :func:`margin_rules.formulas.max_withdrawal` (the core's withdrawal rule) and may not take
  funds held for open orders; the SMA moves by :mod:`margin_rules.order_check`'s Reg T 220.5 bookkeeping.

Every refused or invalid call raises a typed error (:class:`~margin_rules.errors.RefusedError` with a reason code and
the figures, or :class:`~margin_rules.errors.InvalidInputError`) and leaves the state exactly as it was: each operation
validates and computes every new value first, appends its journal record (when a journal is attached), and only then
assigns. :meth:`MarginAccount.check_drift` recomputes everything from a snapshot with
:func:`margin_rules.requirements.account_requirements` and compares exactly.

With a house concentration add-on (whose rate depends on the whole book) each change recomputes every contribution
(exact, but linear in the number of positions).
"""

from __future__ import annotations

import datetime as dt
import decimal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.buying_power import BuyingPower, Mode, buying_power, charge_in
from margin_rules.carry import CarryRates, CarryStatement, accrue
from margin_rules.cash_account import CashAccountState
from margin_rules.errors import (
    DomainError,
    InvalidInputError,
    InvalidTypeError,
    OutOfBoundsError,
    PrecisionError,
    RefusedError,
)
from margin_rules.health_state import HealthState
from margin_rules.live import calendar
from margin_rules.live.cash import CashTracker
from margin_rules.live.daytrading import IntradayMarginHooks, LegacyPdtHooks
from margin_rules.live.journal import Journal
from margin_rules.model import Account, Order, Position, Side
from margin_rules.money import (
    CORE_CONTEXT,
    MAX_AMOUNT,
    MAX_AMOUNT_PLACES,
    MAX_PRICE,
    ZERO,
    exact,
    to_amount,
    to_decimal,
)
from margin_rules.order_check import (
    DayTradingLimit,
    Figures,
    OrderDecision,
    available_budget,
    check_order,
    opening_terms,
    sma_after_fill,
    sma_after_transfer,
    sma_marked,
    split_quantity,
)
from margin_rules.requirements import AccountRequirements, account_requirements, house_rate_function, position_terms
from margin_rules.restrictions import restricted_withdrawal_limit
from margin_rules.rulesets import DayTradingRegime, RuleSet
from margin_rules.withdrawal import max_withdrawal_of, withdrawal_permitted_of

__all__ = [
    "AccountEvent",
    "DayTradingHooks",
    "Fill",
    "MarginAccount",
    "Reservation",
]

_MAX_ORDER_ID = 128
_CORE = CORE_CONTEXT


@dataclass(frozen=True, slots=True)
class Reservation:
    """An open reservation: what is left of an order, and the charges held for its opening shares.

    ``remaining`` = ``opening`` + ``closing`` shares still to fill; ``cash_cost`` / ``initial`` / ``maintenance`` are
    the charges of the ``opening`` shares in each mode's units (so a change of mode re-reads the right one).
    """

    order_id: str
    order: Order
    remaining: Decimal
    opening: Decimal
    closing: Decimal
    cash_cost: Decimal
    initial: Decimal
    maintenance: Decimal
    marginable: bool
    leverage: Decimal

    def charge(self, mode: Mode) -> Decimal:
        return charge_in(mode, self.cash_cost, self.initial, self.maintenance)


@dataclass(frozen=True, slots=True)
class Fill:
    """The result of :meth:`MarginAccount.confirm`: what the fill did."""

    order_id: str
    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    opened: Decimal
    closed: Decimal
    remaining: Decimal
    position_after: Decimal
    cash_after: Decimal


@dataclass(frozen=True, slots=True)
class AccountEvent:
    """A change of the account, delivered synchronously (under the account lock, in order) to its listeners.

    ``version`` increases by one per accepted operation; ``figures`` are the aggregates after it; ``health`` is the
    core's regulatory classification of them.
    """

    version: int
    kind: str
    figures: Figures
    mode: Mode
    health: HealthState
    reserved: Decimal
    opening_blocked: bool
    detail: Mapping[str, Any] = field(default_factory=dict)


class DayTradingHooks(Protocol):
    """What the account asks of a day-trading regime (see :mod:`margin_rules.live.daytrading` adapters).

    Called under the account lock with the figures after the change; must not raise for valid input.
    """

    def restriction(self, figures: Figures) -> str | None:
        """A reason the account may create or increase no debit balance and no short position (the 4210(d)(2) 90-day
        restriction, the 4210(f)(8)(B)(iv)(c) cash-available basis), or None; the account then decides orders with
        :func:`margin_rules.restrictions.restricted_order_decision` (not cash mode)."""
        ...

    def order_refusal(self, figures: Figures, symbol: str, side: Side, quantity: Decimal) -> str | None:
        """A reason the regime refuses this order outright (a pattern day trader under $25,000 may not complete a day
        trade, FINRA 4210(f)(8)(B)(iv)(a)), or None."""
        ...

    def mode(self, base: Mode, figures: Figures) -> Mode:
        """The mode the regime gives a margin account whose base mode is ``base`` (e.g. legacy day trading for a
        pattern day trader)."""
        ...

    def day_trading_limit(self, figures: Figures) -> DayTradingLimit | None:
        """A legacy day-trading buying power below the full one (2x while a day-trading call is open,
        FINRA 4210(f)(8)(B)(iv)(b)), applied by the order check in LEGACY_DAY_TRADING mode; None when none applies."""
        ...

    def start(self, session: dt.date) -> None:
        """The account's session at construction (before any event), so restrictions apply from the first call."""
        ...

    def check_transaction(self, before: Figures, after: Figures, kind: str) -> str | None:
        """A reason to block a transaction that moves the figures from ``before`` to ``after`` (the intraday margin
        standard's real-time block), or None."""
        ...

    def on_fill(
        self,
        session: dt.date,
        symbol: str,
        side: Side,
        quantity: Decimal,
        before: Figures,
        after: Figures,
        *,
        price: Decimal | None = None,
        marginable: bool = True,
        leverage: Decimal = Decimal(1),
        position_before: Decimal | None = None,
    ) -> None:
        """Record a fill (day-trade counting, the day's use of day-trading buying power, intraday margin level after
        an IML-reducing transaction)."""
        ...

    def on_transfer(self, session: dt.date, amount: Decimal, before: Figures, after: Figures) -> None:
        """Record a deposit (amount > 0) or a withdrawal (< 0)."""
        ...

    def end_of_day(self, session: dt.date, next_session: dt.date, figures: Figures) -> None:
        """Close ``session``: record the day's deficit, roll the day-trade window."""
        ...

    def state(self) -> Mapping[str, Any]:
        """A comparable picture of the tracker's state (for the before/after tests)."""
        ...


def _order_id(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError("order_id", f"an order id is a string, not {type(value).__name__}")
    text = value.strip()
    if not text:
        raise DomainError("order_id", "an order id cannot be empty")
    if len(text) > _MAX_ORDER_ID:
        raise DomainError("order_id", f"an order id has at most {_MAX_ORDER_ID} characters")
    return text


def _fits_amount(value: Decimal, field_name: str) -> None:
    """Check that a computed amount is one the core's Account accepts (:func:`~margin_rules.money.to_amount`); the
    value is kept as is."""
    to_amount(value, field_name)


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated; use {new}", DeprecationWarning, stacklevel=3)


class MarginAccount:
    """A live margin account (see the module docstring). Thread-safe: every method may be called from any thread.

    * ``rules``: the rule set (requirements, withdrawal rule, day-trading regime).
    * ``cash``, ``positions``, ``sma``, ``prior_equity``, ``prior_maintenance``: the opening state (the SMA defaults
      to the opening excess over the initial requirement, Reg T 220.5; the prior-close figures to the opening equity
      and maintenance requirement, as if the day started here).
    * ``mode``: the base buying-power mode; None follows the rule set's day-trading regime (INTRADAY_MARGIN: the
      intraday margin level, FINRA 4210(d)(2) real-time block; LEGACY_PDT: Reg T overnight, the hooks raising it to
      legacy day trading for a pattern day trader or lowering it to cash). ``Mode.CASH`` is a cash account.
    * ``session``: the trade date of the current session (business day); ``end_of_day`` moves it.
    * ``journal``: an optional :class:`~margin_rules.live.journal.Journal` (must be empty: use :meth:`restore`).
    * ``day_trading``: the :class:`DayTradingHooks` of the regime's trackers; True (default) builds the rule set's
      (:class:`~margin_rules.live.daytrading.IntradayMarginHooks` or
      :class:`~margin_rules.live.daytrading.LegacyPdtHooks`; none for a cash account); False or None: no tracking.
    * ``clock``: the monotonic clock price-update times are read from (for the monitor's stale-price heartbeat).
    """

    def __init__(
        self,
        rules: RuleSet,
        cash: Decimal | int | str = ZERO,
        positions: Iterable[Position] = (),
        *,
        sma: Decimal | int | str | None = None,
        prior_equity: Decimal | int | str | None = None,
        prior_maintenance: Decimal | int | str | None = None,
        mode: Mode | None = None,
        session: dt.date | None = None,
        journal: Journal | None = None,
        day_trading: DayTradingHooks | bool | None = True,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], dt.date] = calendar.exchange_today,
    ) -> None:
        if not isinstance(rules, RuleSet):
            raise InvalidTypeError("rules", f"expected a RuleSet, got {type(rules).__name__}")
        if mode is not None and not isinstance(mode, Mode):
            try:
                mode = Mode(mode)
            except ValueError:
                raise DomainError("mode", f"unknown mode {mode!r}") from None
        if session is None:
            if not callable(today):
                raise InvalidTypeError("today", "today is a callable returning the current date")
            session = calendar.business_day_on_or_after(calendar.check_date(today(), "today"))
        if isinstance(session, dt.datetime) or not isinstance(session, dt.date):
            raise InvalidTypeError("session", "the session is a datetime.date")
        if journal is not None and not isinstance(journal, Journal):
            raise InvalidTypeError("journal", "expected a Journal")
        # The core validates everything once, through its own model.
        opening = Account(
            to_amount(cash, "account.cash"),
            tuple(positions),
            ZERO if sma is None else to_amount(sma, "account.sma"),
            None if prior_equity is None else to_amount(prior_equity, "account.prior_equity"),
            None if prior_maintenance is None else to_amount(prior_maintenance, "account.prior_maintenance"),
        )
        self._lock = threading.RLock()
        self._rules = rules
        self._rates = rules.rates
        self._house = rules.house
        self._concentration = rules.house is not None and rules.house.concentration_threshold is not None
        self._base_mode = mode if mode is not None else self._regime_mode(rules)
        if day_trading is True:
            day_trading = None if self._base_mode is Mode.CASH else self._regime_hooks(rules)
        elif day_trading is False:
            day_trading = None
        self._session = session
        self._journal: Journal | None = None
        self._replaying = False
        self._day_trading = day_trading
        self._clock = clock
        self._listeners: list[Callable[[AccountEvent], None]] = []
        self.listener_errors = 0
        self._cash = opening.cash
        self._sma = opening.sma
        self._positions: dict[str, Position] = {p.symbol: p for p in opening.positions if p.quantity != ZERO}
        self._prices: dict[str, Decimal] = {p.symbol: p.price for p in opening.positions}
        now = clock()
        self._price_times: dict[str, float] = dict.fromkeys(self._prices, now)
        self._contrib: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
        self._long_mv = self._short_mv = self._maintenance = self._initial = ZERO
        self._short_count = 0
        self._reservations: dict[str, Reservation] = {}
        self._used_ids: set[str] = set()
        self._reserved_cash = self._reserved_initial = self._reserved_maintenance = ZERO
        self._pending_close: dict[tuple[str, Side], Decimal] = {}
        self._blocks: dict[str, str] = {}
        self._version = 0
        self._recompute_all()
        figures = self._make_figures(None, None)
        if sma is None:  # an opening SMA marked to the market (Reg T 220.5): max(0, equity - initial)
            self._sma = sma_marked(ZERO, figures)
        self._prior_equity = opening.prior_equity if opening.prior_equity is not None else figures.equity
        self._prior_maintenance = (
            opening.prior_maintenance if opening.prior_maintenance is not None else figures.maintenance
        )
        self._figures = self._make_figures(self._prior_equity, self._prior_maintenance)
        # A cash account's settled / unsettled cash and freezes (Reg T 220.8), in its own tracker (live/cash.py).
        self._cash_account = (
            CashTracker(session, self._cash, self._positions.values()) if self._base_mode is Mode.CASH else None
        )
        if day_trading is not None:
            day_trading.start(session)
        if journal is not None:
            if len(journal) != 0:
                raise DomainError("journal", "the journal already holds an account: use MarginAccount.restore")
            journal.append("open", self._opening_record(mode))
            self._journal = journal

    # --- construction helpers --------------------------------------------------------------------------------------

    @staticmethod
    def _regime_mode(rules: RuleSet) -> Mode:
        if rules.day_trading_regime is DayTradingRegime.INTRADAY_MARGIN:
            return Mode.INTRADAY
        return Mode.REG_T

    @staticmethod
    def _regime_hooks(rules: RuleSet) -> DayTradingHooks:
        """The day-trading trackers of the rule set's regime (:mod:`margin_rules.live.daytrading`)."""
        if rules.day_trading_regime is DayTradingRegime.LEGACY_PDT:
            return LegacyPdtHooks(rules)
        return IntradayMarginHooks(rules)

    def _opening_record(self, mode: Mode | None) -> dict[str, Any]:
        return {
            "rules": _rules_fingerprint(self._rules),
            "cash": self._cash,
            "sma": self._sma,
            "prior_equity": self._prior_equity,
            "prior_maintenance": self._prior_maintenance,
            "mode": mode.value if mode is not None else None,
            "session": self._session.isoformat(),
            "positions": [
                {
                    "symbol": p.symbol,
                    "quantity": p.quantity,
                    "price": p.price,
                    "marginable": p.marginable,
                    "leverage": p.leverage,
                    "cost_basis": p.cost_basis,
                }
                for p in self._positions.values()
            ],
            "prices": dict(self._prices),
        }

    @classmethod
    def restore(
        cls,
        journal: Journal,
        rules: RuleSet,
        *,
        day_trading: DayTradingHooks | bool | None = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> MarginAccount:
        """Rebuild an account exactly from its journal (replaying every accepted operation) and keep journaling."""
        records = list(journal.records())
        if not records or records[0][1] != "open":
            raise DomainError("journal", "the journal does not start with an 'open' record")
        opening = records[0][2]
        if opening["rules"] != _rules_fingerprint(rules):
            raise DomainError("rules", "the journal was written under another rule set")
        positions = [
            Position(p["symbol"], p["quantity"], p["price"], p["marginable"], p["leverage"], p.get("cost_basis"))
            for p in opening["positions"]
        ]
        account = cls(
            rules,
            opening["cash"],
            positions,
            sma=opening["sma"],
            prior_equity=opening["prior_equity"],
            prior_maintenance=opening["prior_maintenance"],
            mode=Mode(opening["mode"]) if opening["mode"] is not None else None,
            session=dt.date.fromisoformat(opening["session"]),
            day_trading=day_trading,
            clock=clock,
        )
        extra = {s: v for s, v in opening["prices"].items() if s not in account._prices}
        if extra:
            account._prices.update(extra)
            account._price_times.update(dict.fromkeys(extra, clock()))
        account._replaying = True
        try:
            for seq, kind, payload in records[1:]:
                try:
                    account._replay(kind, payload)
                except InvalidInputError as exc:
                    raise DomainError("journal", f"record {seq} ({kind}) cannot be replayed: {exc}") from exc
                except RefusedError as exc:
                    raise DomainError("journal", f"record {seq} ({kind}) was refused on replay: {exc}") from exc
        finally:
            account._replaying = False
        account._journal = journal
        return account

    def _replay(self, kind: str, p: dict[str, Any]) -> None:
        if kind == "reserve":
            order = Order(p["symbol"], Side(p["side"]), p["quantity"], p["price"], p["marginable"], p["leverage"])
            self.reserve(p["order_id"], order)
        elif kind == "confirm":
            self.confirm(p["order_id"], p["quantity"], p["price"])
        elif kind == "release":
            self.release(p["order_id"])
        elif kind == "deposit":
            self.deposit(p["amount"])
        elif kind == "withdraw":
            self.withdraw(p["amount"])
        elif kind == "prices":
            self.update_prices(p["prices"])
        elif kind == "end_of_day":
            self.end_of_day(dt.date.fromisoformat(p["next_session"]))
        elif kind == "carry":
            self._post_carry(p["amount"], p["sma"], p["detail"])
        elif kind == "block":
            self.block_opening(p["key"], p["reason"])
        elif kind == "unblock":
            self.unblock_opening(p["key"])
        else:
            raise DomainError("journal", f"unknown record kind {kind!r}")

    def _record(self, kind: str, payload: dict[str, Any]) -> None:
        """Commit the journal record of an accepted operation (before any state changes)."""
        if self._journal is not None and not self._replaying:
            self._journal.append(kind, payload)

    # --- aggregates ----------------------------------------------------------------------------------------------

    def _terms_of(self, position: Position, house_rate: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """(market value, maintenance, initial) of one position, from the core's per-position formula."""
        m, i = position_terms(
            self._rates, position.quantity, position.price, position.marginable, position.leverage, house_rate
        )
        return f.market_value(position.quantity, position.price), m, i

    def _base_house_rate(self, symbol: str) -> Decimal:
        return self._house.base_rate(symbol) if self._house is not None else ZERO

    def _recompute_all(self) -> None:
        """Recompute every contribution and the totals (construction, and every change under a concentration
        add-on)."""
        positions = self._positions
        contrib: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
        long_mv = short_mv = maintenance = initial = ZERO
        shorts = 0
        with exact():
            if self._concentration:
                snapshot = Account(ZERO, tuple(positions.values()))
                rate_of = house_rate_function(snapshot, self._rules)
                rates = {s: rate_of(p) for s, p in positions.items()}
            else:
                rates = {s: self._base_house_rate(s) for s in positions}
            for symbol, position in positions.items():
                mv, m, i = self._terms_of(position, rates[symbol])
                contrib[symbol] = (mv, m, i)
                if mv > ZERO:
                    long_mv += mv
                else:
                    short_mv += mv
                maintenance += m
                initial += i
                if position.quantity < ZERO:
                    shorts += 1
        self._contrib = contrib
        self._long_mv, self._short_mv, self._maintenance, self._initial = long_mv, short_mv, maintenance, initial
        self._short_count = shorts

    def _make_figures(self, prior_equity: Decimal | None, prior_maintenance: Decimal | None) -> Figures:
        return Figures(
            self._cash,
            self._long_mv,
            self._short_mv,
            self._maintenance,
            self._initial,
            self._sma,
            prior_equity,
            prior_maintenance,
            len(self._positions),
            self._short_count,
        )

    def _plan_positions(
        self, changes: Mapping[str, Position | None]
    ) -> tuple[dict[str, tuple[Decimal, Decimal, Decimal] | None], tuple[Decimal, Decimal, Decimal, Decimal, int]]:
        """The new contributions of the changed positions and the new totals (nothing assigned). None = removed."""
        new: dict[str, tuple[Decimal, Decimal, Decimal] | None] = {}
        long_mv, short_mv, maintenance, initial = self._long_mv, self._short_mv, self._maintenance, self._initial
        shorts = self._short_count
        with exact():
            for symbol, position in changes.items():
                old = self._contrib.get(symbol)
                if old is not None:
                    mv, m, i = old
                    if mv > ZERO:
                        long_mv -= mv
                    else:
                        short_mv -= mv
                    maintenance -= m
                    initial -= i
                    held = self._positions.get(symbol)
                    if held is not None and held.quantity < ZERO:
                        shorts -= 1
                if position is None or position.quantity == ZERO:
                    new[symbol] = None
                    continue
                term = self._terms_of(position, self._base_house_rate(symbol))
                new[symbol] = term
                mv, m, i = term
                if mv > ZERO:
                    long_mv += mv
                else:
                    short_mv += mv
                maintenance += m
                initial += i
                if position.quantity < ZERO:
                    shorts += 1
        return new, (long_mv, short_mv, maintenance, initial, shorts)

    def _apply_positions(
        self,
        changes: Mapping[str, Position | None],
        new: Mapping[str, tuple[Decimal, Decimal, Decimal] | None],
        totals: tuple[Decimal, Decimal, Decimal, Decimal, int],
    ) -> None:
        for symbol, position in changes.items():
            if position is None or position.quantity == ZERO:
                self._positions.pop(symbol, None)
                self._contrib.pop(symbol, None)
            else:
                self._positions[symbol] = position
                term = new[symbol]
                assert term is not None
                self._contrib[symbol] = term
        if self._concentration:
            self._recompute_all()
        else:
            self._long_mv, self._short_mv, self._maintenance, self._initial, self._short_count = totals

    # --- mode ----------------------------------------------------------------------------------------------------

    def _mode(self, figures: Figures) -> Mode:
        base = self._base_mode
        if base is Mode.CASH:
            return Mode.CASH
        hooks = self._day_trading
        if hooks is None:
            return base
        return hooks.mode(base, figures)

    def _restricted(self, figures: Figures) -> bool:
        """Whether the account may create or increase no debit and no short (its own check, not cash mode)."""
        return self._day_trading is not None and self._day_trading.restriction(figures) is not None

    def _limit(self, mode: Mode, figures: Figures) -> DayTradingLimit | None:
        """The legacy day-trading limit in force (2x while a day-trading call is open), from the regime's tracker."""
        if mode is not Mode.LEGACY_DAY_TRADING or self._day_trading is None:
            return None
        return self._day_trading.day_trading_limit(figures)

    def _reserved_for(self, mode: Mode) -> Decimal:
        if mode is Mode.CASH:
            return self._reserved_cash
        if mode is Mode.REG_T:
            return self._reserved_initial
        return self._reserved_maintenance

    # --- listeners -----------------------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[AccountEvent], None]) -> Callable[[], None]:
        """Call ``listener`` synchronously, under the lock and in order, after every accepted change; returns an
        unsubscribe function. A listener must be quick; an exception it raises is counted and never propagates."""
        if not callable(listener):
            raise InvalidTypeError("listener", "a listener is callable")
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _event(self, kind: str, detail: Mapping[str, Any] | None = None) -> AccountEvent:
        figures = self._figures
        mode = self._mode(figures)
        with exact():
            health = f.classify(DECIMAL, figures.has_positions, figures.equity, figures.maintenance, figures.initial)
        return AccountEvent(
            self._version,
            kind,
            figures,
            mode,
            health,
            self._reserved_for(mode),
            bool(self._blocks),
            detail or {},
        )

    def _changed(self, kind: str, detail: Mapping[str, Any] | None = None) -> None:
        """Bump the version and notify the listeners (under the lock)."""
        self._version += 1
        if not self._listeners:
            return
        event = self._event(kind, detail)
        for listener in tuple(self._listeners):
            try:
                listener(event)
            except Exception:  # a listener never breaks the account
                self.listener_errors += 1

    # --- reads ---------------------------------------------------------------------------------------------------

    @property
    def rules(self) -> RuleSet:
        return self._rules

    @property
    def lock(self) -> threading.RLock:
        """The account's lock (reentrant): hold it to read several figures as of one instant."""
        return self._lock

    @property
    def version(self) -> int:
        with self._lock:
            return self._version

    @property
    def session(self) -> dt.date:
        with self._lock:
            return self._session

    @property
    def base_mode(self) -> Mode:
        """The configured mode (CASH for a cash account), before the regime's adjustments."""
        return self._base_mode

    # API convention: what reads the account's changing state is a method (``figures()``, ``health()``,
    # ``current_mode()``, ``opening_blocks()``, ...); properties are the configuration fixed at construction.

    def current_mode(self) -> Mode:
        """The buying-power mode in force now (base mode, regime, restrictions)."""
        with self._lock:
            return self._mode(self._figures)

    @property
    def mode(self) -> Mode:
        """Deprecated: use :meth:`current_mode` (state is read through methods, like ``figures()``)."""
        _deprecated("MarginAccount.mode", "MarginAccount.current_mode()")
        return self.current_mode()

    def figures(self) -> Figures:
        """The account's aggregates now (immutable)."""
        with self._lock:
            return self._figures

    def event(self) -> AccountEvent:
        """The current figures, mode and health as one event (what listeners receive)."""
        with self._lock:
            return self._event("read")

    def snapshot(self) -> Account:
        """The core's immutable account, consistent as of one instant."""
        with self._lock:
            return Account(
                self._cash, tuple(self._positions.values()), self._sma, self._prior_equity, self._prior_maintenance
            )

    def reservations(self) -> dict[str, Reservation]:
        """The open reservations by order id."""
        with self._lock:
            return dict(self._reservations)

    def reservation(self, order_id: str) -> Reservation | None:
        with self._lock:
            return self._reservations.get(order_id)

    def reserved(self, mode: Mode | None = None) -> Decimal:
        """The charges held for open orders, in ``mode``'s units (the mode in force by default)."""
        with self._lock:
            return self._reserved_for(Mode(mode) if mode is not None else self._mode(self._figures))

    def available(self, mode: Mode | None = None) -> Decimal:
        """The mode's budget net of open reservations, in charge units (may be negative)."""
        with self._lock:
            figures = self._figures
            chosen = Mode(mode) if mode is not None else self._mode(figures)
            return available_budget(figures, chosen, self._reserved_for(chosen), self._limit(chosen, figures))

    def buying_power(self) -> BuyingPower:
        """The core's buying power by mode, net of the current mode's reservations (walks the book: for display)."""
        with self._lock:
            snapshot = self.snapshot()
            reserved = self._reserved_for(self._mode(self._figures))
        return buying_power(snapshot, self._rules, reserved)

    def health(self) -> HealthState:
        """The core's regulatory health of the current figures (FINRA 4210(c), Reg T 220.12)."""
        with self._lock:
            return self._event("read").health

    def prices(self) -> dict[str, Decimal]:
        with self._lock:
            return dict(self._prices)

    def price_ages(self, now: float | None = None) -> dict[str, float]:
        """Seconds since the last price update of each held symbol (for the stale-price heartbeat)."""
        with self._lock:
            current = self._clock() if now is None else now
            return {s: current - self._price_times.get(s, current) for s in self._positions}

    def position(self, symbol: str) -> Position | None:
        with self._lock:
            return self._positions.get(symbol.strip().upper())

    def opening_blocks(self) -> dict[str, str]:
        """The active blocks on opening orders (e.g. an uncured margin call), by key."""
        with self._lock:
            return dict(self._blocks)

    @property
    def opening_blocked(self) -> dict[str, str]:
        """Deprecated: use :meth:`opening_blocks` (state is read through methods, like ``health()``)."""
        _deprecated("MarginAccount.opening_blocked", "MarginAccount.opening_blocks()")
        return self.opening_blocks()

    def state(self) -> dict[str, Any]:
        """Everything the account holds, as comparable values (used to show a refused call changed nothing)."""
        with self._lock:
            return {
                "cash": self._cash,
                "sma": self._sma,
                "prior_equity": self._prior_equity,
                "prior_maintenance": self._prior_maintenance,
                "positions": dict(self._positions),
                "prices": dict(self._prices),
                "contrib": dict(self._contrib),
                "totals": (self._long_mv, self._short_mv, self._maintenance, self._initial, self._short_count),
                "figures": self._figures,
                "reservations": dict(self._reservations),
                "used_ids": frozenset(self._used_ids),
                "reserved": (self._reserved_cash, self._reserved_initial, self._reserved_maintenance),
                "pending_close": {k: v for k, v in self._pending_close.items() if v != ZERO},
                "blocks": dict(self._blocks),
                "session": self._session,
                "version": self._version,
                "day_trading": dict(self._day_trading.state()) if self._day_trading is not None else None,
                "cash_account": self._cash_account.snapshot() if self._cash_account is not None else None,
            }

    def check_drift(self) -> AccountRequirements:
        """Recompute the requirements from a snapshot with :func:`margin_rules.requirements.account_requirements`
        and compare them exactly with the running totals; raises ``AssertionError`` on any difference."""
        with self._lock:
            snapshot = self.snapshot()
            figures = self._figures
            reserved = (self._reserved_cash, self._reserved_initial, self._reserved_maintenance)
            reservations = tuple(self._reservations.values())
        full = account_requirements(snapshot, self._rules)
        expected = (full.cash, full.long_market_value, full.short_market_value, full.maintenance, full.initial)
        actual = (
            figures.cash,
            figures.long_market_value,
            figures.short_market_value,
            figures.maintenance,
            figures.initial,
        )
        if expected != actual:
            raise AssertionError(f"aggregate drift: incremental {actual} != recomputed {expected}")
        if (figures.has_positions, figures.has_shorts) != (full.has_positions, full.has_shorts):
            raise AssertionError("position counts drifted")
        with exact():
            sums = (
                sum((r.cash_cost for r in reservations), ZERO),
                sum((r.initial for r in reservations), ZERO),
                sum((r.maintenance for r in reservations), ZERO),
            )
        if sums != reserved:
            raise AssertionError(f"reservation drift: totals {reserved} != sum {sums}")
        return full

    # --- blocks (margin calls) -----------------------------------------------------------------------------------

    def block_opening(self, key: str, reason: str) -> None:
        """Refuse new opening orders until :meth:`unblock_opening` (e.g. an uncured margin call). Closing orders stay
        allowed."""
        key = _order_id(key)
        if not isinstance(reason, str):
            raise InvalidTypeError("reason", "a reason is a string")
        with self._lock:
            if self._blocks.get(key) == reason:
                return
            self._record("block", {"key": key, "reason": reason})
            self._blocks[key] = reason
            self._changed("block", {"key": key, "reason": reason})

    def unblock_opening(self, key: str) -> None:
        key = _order_id(key)
        with self._lock:
            if key not in self._blocks:
                return
            self._record("unblock", {"key": key})
            del self._blocks[key]
            self._changed("unblock", {"key": key})

    # --- orders --------------------------------------------------------------------------------------------------

    def cash_account_state(self) -> CashAccountState | None:
        """A cash account's settlement state (settled and unsettled cash, purchases, violations, freezes; Reg T 220.8,
        :mod:`margin_rules.cash_account`), or None for a margin account."""
        with self._lock:
            return self._cash_account.state if self._cash_account is not None else None

    def check(self, order: Order) -> OrderDecision:
        """Decide ``order`` now without reserving anything (what :meth:`reserve` would decide, blocks aside)."""
        if not isinstance(order, Order):
            raise InvalidTypeError("order", f"expected an Order, got {type(order).__name__}")
        with self._lock:
            return self._decide(order, self._mode(self._figures))

    def _decide(self, order: Order, mode: Mode) -> OrderDecision:
        symbol = order.symbol
        held = self._positions.get(symbol)
        if held is not None:
            quantity, marginable, leverage = held.quantity, held.marginable, held.leverage
        else:
            quantity, marginable, leverage = ZERO, order.marginable, order.leverage
        side = Side.BUY if order.side is Side.BUY else Side.SELL
        return check_order(
            self._rules,
            self._figures,
            mode,
            symbol,
            order.side,
            order.quantity,
            order.price,
            quantity,
            marginable,
            leverage,
            self._reserved_for(mode),
            self._pending_close.get((symbol, side), ZERO),
            self._limit(mode, self._figures),
            restricted=self._base_mode is not Mode.CASH and self._restricted(self._figures),
            reserved_cash=self._reserved_cash,
        )

    def reserve(self, order_id: str, order: Order) -> Reservation:
        """Atomically check ``order`` against the buying power of the account's mode (net of open reservations) and
        hold its charge. Closing and reducing orders always fit (even under a margin call); opening orders are refused
        while opening is blocked. Raises RefusedError (``duplicate_order_id``, ``opening_blocked``,
        ``insufficient_buying_power`` (with ``remaining``, the budget left), ``minimum_equity``, ``restricted_account``,
        ``maintenance_deficiency``, ``day_trade_barred``, ``transaction_blocked``) with the figures; nothing changes
        then."""
        oid = _order_id(order_id)
        if not isinstance(order, Order):
            raise InvalidTypeError("order", f"expected an Order, got {type(order).__name__}")
        with self._lock:
            if oid in self._used_ids:
                raise RefusedError("duplicate_order_id", f"order id {oid!r} was already used", {"order_id": oid})
            figures = self._figures
            mode = self._mode(figures)
            cash_tracker = self._cash_account if order.side is Side.BUY else None
            spendable = cash_tracker.spendable(self._session, self._reserved_cash) if cash_tracker else ZERO
            decision = self._decide(order, mode)
            terms = decision.terms
            barred = (
                None
                if self._day_trading is None
                else self._day_trading.order_refusal(figures, order.symbol, order.side, order.quantity)
            )
            if barred is not None:
                raise RefusedError("day_trade_barred", barred, {"order_id": oid, "equity": figures.equity})
            if not terms.is_closing_only and order.side is not Side.BUY:
                self._check_cash_account(oid, order, terms.opening_quantity, terms.cash_cost, figures, spendable)
            if not terms.is_closing_only and (self._blocks or not decision.fits):
                figs: dict[str, object] = {
                    "order_id": oid,
                    "mode": mode.value,
                    "charge": decision.charge,
                    "available": decision.available,
                    "reserved": self._reserved_for(mode),
                    "opening_quantity": terms.opening_quantity,
                    "closing_quantity": terms.closing_quantity,
                    "equity": figures.equity,
                }
                if self._blocks:
                    raise RefusedError(
                        "opening_blocked",
                        "opening orders are refused until cured: " + "; ".join(sorted(self._blocks.values())),
                        {**figs, "blocks": dict(self._blocks)},
                    )
                figs["remaining"] = max(decision.available, ZERO)
                if decision.reason.startswith("restricted account"):
                    code = "restricted_account"
                elif decision.reason.startswith("maintenance deficiency"):
                    code = "maintenance_deficiency"
                elif decision.charge > decision.available:
                    code = "insufficient_buying_power"
                else:
                    code = "minimum_equity"
                reason = decision.reason
                if code == "insufficient_buying_power":
                    reason = f"{reason}: the order needs {decision.charge}, {figs['remaining']} remains"
                    if mode is Mode.LEGACY_DAY_TRADING:  # the day's budget in dollars (4210(f)(8)(B)(iii), 4x)
                        remaining = max(decision.available, ZERO)
                        with exact():
                            left = f.day_trading_buying_power(DECIMAL, self._rates, remaining, ZERO)
                        figs["remaining_buying_power"] = left
                        reason = f"{reason} ({left} of day-trading buying power left today)"
                raise RefusedError(code, reason, figs)
            if not terms.is_closing_only and order.side is Side.BUY:
                self._check_cash_account(oid, order, terms.opening_quantity, terms.cash_cost, figures, spendable)
            held = self._positions.get(order.symbol)
            marginable = held.marginable if held is not None else order.marginable
            leverage = held.leverage if held is not None else order.leverage
            reservation = Reservation(
                oid,
                order,
                order.quantity,
                terms.opening_quantity,
                terms.closing_quantity,
                terms.cash_cost,
                terms.initial,
                terms.maintenance,
                marginable,
                leverage,
            )
            side_key = (order.symbol, Side.BUY if order.side is Side.BUY else Side.SELL)
            # Exact sums in the core's context (80 digits, rounding trapped); Context methods avoid a context switch.
            add = _CORE.add
            try:
                reserved_cash = add(self._reserved_cash, terms.cash_cost)
                reserved_initial = add(self._reserved_initial, terms.initial)
                reserved_maintenance = add(self._reserved_maintenance, terms.maintenance)
                pending = add(self._pending_close.get(side_key, ZERO), terms.closing_quantity)
            except (decimal.Inexact, decimal.Rounded) as exc:  # pragma: no cover - bounded inputs never round
                raise PrecisionError("a reservation total would have rounded") from exc
            if self._journal is not None:
                self._record(
                    "reserve",
                    {
                        "order_id": oid,
                        "symbol": order.symbol,
                        "side": order.side.value,
                        "quantity": order.quantity,
                        "price": order.price,
                        "marginable": order.marginable,
                        "leverage": order.leverage,
                    },
                )
            self._used_ids.add(oid)
            self._reservations[oid] = reservation
            self._reserved_cash, self._reserved_initial, self._reserved_maintenance = (
                reserved_cash,
                reserved_initial,
                reserved_maintenance,
            )
            if terms.closing_quantity != ZERO:
                self._pending_close[side_key] = pending
            self._changed("reserve", {"order_id": oid} if self._listeners else None)
            return reservation

    def _check_cash_account(
        self, oid: str, order: Order, opening: Decimal, cash_cost: Decimal, figures: Figures, spendable: Decimal
    ) -> None:
        """A cash account (Reg T 220.8) refuses a short sale (``short_sale_in_cash_account``) and a purchase beyond
        what it may spend (``cash_account_frozen`` / ``good_faith_restricted`` while restricted to settled cash,
        ``insufficient_funds`` beyond settled cash and unsettled proceeds), net of the cash held for open buys
        (``spendable``, read before the order is decided, like the budget it is decided against)."""
        tracker = self._cash_account
        if tracker is None or opening == ZERO:
            return
        figs: dict[str, object] = {"order_id": oid, "mode": Mode.CASH.value, "equity": figures.equity}
        if order.side is not Side.BUY:
            raise RefusedError(
                "short_sale_in_cash_account",
                "short sales are not permitted in a cash account (Reg T 220.8(a); 220.12(c) needs a margin account)",
                {**figs, "opening_quantity": opening},
            )
        check = tracker.check_purchase(self._session, cash_cost, spendable)
        if not check.fits:
            raise RefusedError(check.code, check.reason, {**figs, "charge": cash_cost, "available": check.available})

    def release(self, order_id: str) -> Reservation:
        """Release what is left of an order (reject, cancel, timeout): its held charges return to buying power."""
        oid = _order_id(order_id)
        with self._lock:
            reservation = self._reservations.get(oid)
            if reservation is None:
                raise DomainError("order_id", f"no open reservation {oid!r}")
            side_key = (reservation.order.symbol, Side.BUY if reservation.order.side is Side.BUY else Side.SELL)
            with exact():
                reserved = (
                    self._reserved_cash - reservation.cash_cost,
                    self._reserved_initial - reservation.initial,
                    self._reserved_maintenance - reservation.maintenance,
                )
                pending = self._pending_close.get(side_key, ZERO) - reservation.closing
            self._record("release", {"order_id": oid})
            del self._reservations[oid]
            self._reserved_cash, self._reserved_initial, self._reserved_maintenance = reserved
            self._set_pending(side_key, pending)
            self._changed("release", {"order_id": oid})
            return reservation

    def _set_pending(self, key: tuple[str, Side], value: Decimal) -> None:
        if value == ZERO:
            self._pending_close.pop(key, None)
        else:
            self._pending_close[key] = value

    def confirm(self, order_id: str, quantity: Decimal | int | str, price: Decimal | int | str) -> Fill:
        """Apply a (partial or full) fill of ``quantity`` shares at ``price``. The fill consumes the order's closing
        shares first; the charge held for the remaining opening shares is that of the remainder (pro rata: the terms
        are linear in the share count); what is left stays held until filled or released. A fill is a fact: it is
        applied even when it breaches a requirement (the monitor reports the consequences)."""
        oid = _order_id(order_id)
        qty = to_decimal(quantity, "quantity")
        fill_price = to_decimal(price, "price", max_abs=MAX_PRICE)
        if qty <= ZERO:
            raise DomainError("quantity", f"a fill quantity is positive (got {qty})")
        if fill_price <= ZERO:
            raise DomainError("price", f"a fill price is positive (got {fill_price})")
        with self._lock:
            r = self._reservations.get(oid)
            if r is None:
                raise DomainError("order_id", f"no open reservation {oid!r}")
            if qty > r.remaining:
                raise DomainError("quantity", f"the fill of {qty} exceeds the {r.remaining} shares left of {oid!r}")
            order = r.order
            symbol = order.symbol
            side = order.side
            held = self._positions.get(symbol)
            held_qty = held.quantity if held is not None else ZERO
            with exact():
                closed_of_order = DECIMAL.min(qty, r.closing)
                opened_of_order = qty - closed_of_order
                opening_left = r.opening - opened_of_order
                closing_left = r.closing - closed_of_order
                remaining = r.remaining - qty
                signed = qty if side is Side.BUY else qty.copy_negate()
                new_qty = held_qty + signed
                notional = qty * fill_price
                cash = self._cash - notional if side is Side.BUY else self._cash + notional
                actually_opened, actually_closed = split_quantity(held_qty, side, qty)
            _fits_amount(cash, "cash")
            if new_qty.copy_abs() > Decimal(10) ** 12:
                raise OutOfBoundsError("quantity", "the position would exceed the supported share count")
            cost_cash, cost_initial, cost_maintenance, _ = opening_terms(
                self._rules, symbol, side, opening_left, order.price, r.marginable, r.leverage
            )
            sma = sma_after_fill(
                self._rules,
                self._sma,
                side,
                actually_opened,
                actually_closed,
                fill_price,
                held.marginable if held is not None else r.marginable,
            )
            _fits_amount(sma, "sma")
            cost_basis = self._cost_basis_after(held, held_qty, new_qty, signed, fill_price, actually_closed)
            position: Position | None
            if new_qty == ZERO:
                position = None
            else:
                position = Position(
                    symbol,
                    new_qty,
                    fill_price,
                    held.marginable if held is not None else r.marginable,
                    held.leverage if held is not None else r.leverage,
                    cost_basis,
                )
            changes = {symbol: position}
            before = self._figures
            new, totals = self._plan_positions(changes)
            side_key = (symbol, Side.BUY if side is Side.BUY else Side.SELL)
            with exact():
                reserved = (
                    self._reserved_cash - r.cash_cost + cost_cash,
                    self._reserved_initial - r.initial + cost_initial,
                    self._reserved_maintenance - r.maintenance + cost_maintenance,
                )
                pending = self._pending_close.get(side_key, ZERO) - closed_of_order
            cash_plan = None
            if self._cash_account is not None:
                traded = actually_opened if side is Side.BUY else actually_closed  # long shares bought or sold
                if traded > ZERO:
                    cash_plan, _ = self._cash_account.plan_fill(
                        self._session, symbol, side is Side.BUY, traded, fill_price
                    )
            self._record("confirm", {"order_id": oid, "quantity": qty, "price": fill_price})
            # Assign (nothing below can fail).
            if self._cash_account is not None and cash_plan is not None:
                self._cash_account.commit(cash_plan)
            self._apply_positions(changes, new, totals)
            self._cash = cash
            self._sma = sma
            self._prices[symbol] = fill_price
            self._price_times[symbol] = self._clock()
            self._figures = self._make_figures(self._prior_equity, self._prior_maintenance)
            if remaining == ZERO:
                del self._reservations[oid]
            else:
                self._reservations[oid] = Reservation(
                    oid,
                    order,
                    remaining,
                    opening_left,
                    closing_left,
                    cost_cash,
                    cost_initial,
                    cost_maintenance,
                    r.marginable,
                    r.leverage,
                )
            self._reserved_cash, self._reserved_initial, self._reserved_maintenance = reserved
            self._set_pending(side_key, pending)
            if self._day_trading is not None:
                self._day_trading.on_fill(
                    self._session,
                    symbol,
                    side,
                    qty,
                    before,
                    self._figures,
                    price=fill_price,
                    marginable=held.marginable if held is not None else r.marginable,
                    leverage=held.leverage if held is not None else r.leverage,
                    position_before=held_qty,
                )
            fill = Fill(oid, symbol, side, qty, fill_price, actually_opened, actually_closed, remaining, new_qty, cash)
            self._changed("fill", {"order_id": oid, "symbol": symbol, "quantity": qty, "price": fill_price})
            return fill

    def _cost_basis_after(
        self,
        held: Position | None,
        held_qty: Decimal,
        new_qty: Decimal,
        signed: Decimal,
        price: Decimal,
        closed: Decimal,
    ) -> Decimal | None:
        """The position's cost basis after a fill (average cost; for unrealized P&L only, never a rule input):
        opening shares add their cost; closing shares remove their average cost, rounded half-even to 20 places
        (``MAX_AMOUNT_PLACES``, the core's bound for a cost basis)."""
        if new_qty == ZERO:
            return None
        basis = held.cost_basis if held is not None else ZERO
        if held is not None and basis is None:
            return None
        assert basis is not None
        with decimal.localcontext(decimal.Context(prec=80, rounding=decimal.ROUND_HALF_EVEN)):
            if closed == ZERO:
                result = basis + signed * price
            elif (held_qty > ZERO) == (new_qty > ZERO) and abs(new_qty) <= abs(held_qty):
                result = basis * new_qty / held_qty
            else:  # flipped through zero: the new side's cost
                result = new_qty * price
            result = result.quantize(Decimal(1).scaleb(-MAX_AMOUNT_PLACES))
        return result if result.copy_abs() <= MAX_AMOUNT else None

    # --- cash ----------------------------------------------------------------------------------------------------

    def deposit(self, amount: Decimal | int | str) -> Figures:
        """Credit cash (and the SMA, Reg T 220.5)."""
        value = to_amount(amount, "amount")
        if value <= ZERO:
            raise DomainError("amount", f"a deposit is a positive amount (got {value})")
        with self._lock:
            with exact():
                cash = self._cash + value
            _fits_amount(cash, "cash")
            sma = sma_after_transfer(self._sma, value)
            _fits_amount(sma, "sma")
            before = self._figures
            cash_plan = self._cash_account.plan_deposit(self._session, value)[0] if self._cash_account else None
            self._record("deposit", {"amount": value})
            if self._cash_account is not None and cash_plan is not None:
                self._cash_account.commit(cash_plan)
            self._cash = cash
            self._sma = sma
            self._figures = self._make_figures(self._prior_equity, self._prior_maintenance)
            if self._day_trading is not None:
                self._day_trading.on_transfer(self._session, value, before, self._figures)
            self._changed("deposit", {"amount": value})
            return self._figures

    def max_withdrawal(self) -> Decimal:
        """The largest withdrawal permitted now: the core's withdrawal rule (FINRA 4210(b)(1), Reg T 220.4(e)) and
        not more than the mode's budget left after open reservations (funds held for orders cannot leave)."""
        with self._lock:
            return self._withdrawal_limits()[0]

    def _withdrawal_limits(self) -> tuple[Decimal, Decimal, Decimal]:
        figures = self._figures
        mode = self._mode(figures)
        with exact():
            rule_max = max_withdrawal_of(figures, self._rules)
            limit = rule_max
            held = ZERO
            if mode is not Mode.LEGACY_DAY_TRADING and (self._reservations or mode is Mode.CASH):
                held = DECIMAL.max(available_budget(figures, mode, self._reserved_for(mode)), ZERO)
                limit = DECIMAL.min(rule_max, held)
            if mode is not Mode.CASH and self._restricted(figures):  # no new or larger debit (FINRA 4210(d)(2))
                held = restricted_withdrawal_limit(figures.cash, figures.short_market_value, self._reserved_cash)
                limit = DECIMAL.min(limit, held)
            if self._cash_account is not None:  # only settled cash leaves a cash account (Reg T 220.8)
                limit = DECIMAL.min(limit, self._cash_account.withdrawable(self._session))
        return limit, rule_max, held

    def withdraw(self, amount: Decimal | int | str) -> Figures:
        """Debit cash through the core's withdrawal rule; refused (``withdrawal_exceeds_maximum``,
        ``funds_held_for_orders``) with the figures otherwise."""
        value = to_amount(amount, "amount")
        if value <= ZERO:
            raise DomainError("amount", f"a withdrawal is a positive amount (got {value})")
        with self._lock:
            figures = self._figures
            limit, rule_max, budget = self._withdrawal_limits()
            with exact():
                permitted = withdrawal_permitted_of(figures, self._rules, value)
            figs: dict[str, object] = {
                "amount": value,
                "maximum": limit,
                "rule_maximum": rule_max,
                "equity": figures.equity,
            }
            if not permitted:
                raise RefusedError("withdrawal_exceeds_maximum", f"exceeds the maximum withdrawal of {rule_max}", figs)
            if value > limit and self._restricted(figures) and self._base_mode is not Mode.CASH:
                raise RefusedError(
                    "restricted_account",
                    f"only {limit} can leave without creating or increasing a debit balance (FINRA 4210(d)(2))",
                    figs,
                )
            cash_plan = None
            if self._cash_account is not None:  # only settled cash leaves a cash account (Reg T 220.8)
                cash_plan, cash_decision = self._cash_account.plan_withdrawal(self._session, value)
                if not cash_decision.approved:
                    raise RefusedError(cash_decision.code, cash_decision.reason, figs)
            if value > limit:
                raise RefusedError(
                    "funds_held_for_orders", f"only {limit} can leave while orders are open (budget {budget})", figs
                )
            with exact():
                cash = self._cash - value
            sma = sma_after_transfer(self._sma, value.copy_negate())
            _fits_amount(sma, "sma")
            if self._day_trading is not None:
                after = Figures(
                    cash, figures.long_market_value, figures.short_market_value, figures.maintenance,
                    figures.initial, sma, figures.prior_equity, figures.prior_maintenance,
                    figures.position_count, figures.short_count,
                )  # fmt: skip
                blocked = self._day_trading.check_transaction(figures, after, "withdraw")
                if blocked is not None:
                    raise RefusedError("transaction_blocked", blocked, figs)
            self._record("withdraw", {"amount": value})
            if self._cash_account is not None and cash_plan is not None:
                self._cash_account.commit(cash_plan)
            self._cash = cash
            self._sma = sma
            self._figures = self._make_figures(self._prior_equity, self._prior_maintenance)
            if self._day_trading is not None:
                self._day_trading.on_transfer(self._session, value.copy_negate(), figures, self._figures)
            self._changed("withdraw", {"amount": value})
            return self._figures

    # --- prices and the day ---------------------------------------------------------------------------------------

    def update_prices(self, prices: Mapping[str, Decimal | int | str]) -> Figures:
        """Mark one or many symbols at once (all or nothing). A price update touches only the changed positions'
        contributions."""
        if not isinstance(prices, Mapping):
            raise InvalidTypeError("prices", "prices are a mapping of symbol to price")
        parsed: dict[str, Decimal] = {}
        for raw_symbol, raw_price in prices.items():
            if not isinstance(raw_symbol, str) or not raw_symbol.strip():
                raise InvalidTypeError("prices", f"invalid symbol {raw_symbol!r}")
            symbol = raw_symbol.strip().upper()
            value = to_decimal(raw_price, f"prices[{symbol}]", max_abs=MAX_PRICE)
            if value <= ZERO:
                raise DomainError(f"prices[{symbol}]", f"a price is positive (got {value})")
            parsed[symbol] = value
        if not parsed:
            return self.figures()
        with self._lock:
            changes: dict[str, Position | None] = {}
            for symbol, value in parsed.items():
                held = self._positions.get(symbol)
                if held is not None and held.price != value:
                    changes[symbol] = Position(
                        symbol, held.quantity, value, held.marginable, held.leverage, held.cost_basis
                    )
            new, totals = self._plan_positions(changes)
            self._record("prices", {"prices": parsed})
            self._apply_positions(changes, new, totals)
            now = self._clock()
            for symbol, value in parsed.items():
                self._prices[symbol] = value
                self._price_times[symbol] = now
            self._figures = self._make_figures(self._prior_equity, self._prior_maintenance)
            self._changed("prices", {"symbols": tuple(parsed)})
            return self._figures

    def apply_carry(self, statement: CarryStatement) -> Figures:
        """Post a carry statement of the core (:func:`margin_rules.carry.accrue`): its total to cash and its SMA
        effect (dividends, Reg T 220.5(b)(1)) to the SMA, journaled as one ``carry`` record."""
        if not isinstance(statement, CarryStatement):
            raise InvalidTypeError("statement", "a CarryStatement from margin_rules.carry.accrue")
        detail = f"{statement.from_date.isoformat()}..{statement.to_date.isoformat()} ({len(statement.lines)} lines)"
        with self._lock:
            return self._post_carry(statement.total, statement.sma_total, detail)

    def _post_carry(self, amount: Decimal, sma_effect: Decimal, detail: str) -> Figures:
        with self._lock:
            with exact():
                cash = self._cash + amount
                sma = self._sma + sma_effect
            _fits_amount(cash, "cash")
            _fits_amount(sma, "sma")
            cash_plan = self._cash_account.plan_carry(self._session, amount) if self._cash_account else None
            self._record("carry", {"amount": amount, "sma": sma_effect, "detail": detail})
            if self._cash_account is not None and cash_plan is not None:
                self._cash_account.commit(cash_plan)
            self._cash = cash
            self._sma = sma
            self._figures = self._make_figures(self._prior_equity, self._prior_maintenance)
            self._changed("carry", {"amount": amount, "detail": detail})
            return self._figures

    def end_of_day(self, next_session: dt.date | None = None, carry: CarryRates | None = None) -> Figures:
        """Close the session: mark the SMA to the market (Reg T 220.5), fix the prior-close equity and maintenance
        (4210(f)(8)(B)(iv)), let the day-trading trackers close the day, and open ``next_session`` (default: the next
        NYSE business day). With ``carry`` rates, the day's carry (interest and borrow fees until the next session:
        a Friday accrues the weekend) is posted first through :meth:`apply_carry` (its own journal record)."""
        with self._lock:
            if next_session is None:
                next_session = calendar.next_business_day(self._session)
            if isinstance(next_session, dt.datetime) or not isinstance(next_session, dt.date):
                raise InvalidTypeError("next_session", "the next session is a datetime.date")
            if next_session <= self._session:
                raise DomainError("next_session", f"{next_session} is not after the session {self._session}")
            if carry is not None:
                if not isinstance(carry, CarryRates):
                    raise InvalidTypeError("carry", "CarryRates from margin_rules.carry")
                day = self._session
                self.apply_carry(accrue(self.snapshot(), carry, day, next_session, business_days=(day,)))
            figures = self._figures
            sma = sma_marked(self._sma, figures)
            equity = figures.equity
            maintenance = figures.maintenance
            cash_plan = self._cash_account.plan_end_of_day(next_session)[0] if self._cash_account else None
            self._record("end_of_day", {"next_session": next_session.isoformat()})
            if self._cash_account is not None and cash_plan is not None:
                self._cash_account.commit(cash_plan)
            if self._day_trading is not None:
                self._day_trading.end_of_day(self._session, next_session, figures)
            self._sma = sma
            self._prior_equity = equity
            self._prior_maintenance = maintenance
            self._session = next_session
            self._figures = self._make_figures(equity, maintenance)
            self._changed("end_of_day", {"session": next_session})
            return self._figures


def _rules_fingerprint(rules: RuleSet) -> str:
    return repr(
        (rules.rates, rules.house, rules.withdrawal_rule.value, rules.day_trading_regime.value, rules.day_trading)
    )
