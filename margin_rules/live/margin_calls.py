"""Margin-call execution for a live account: detect, block, plan, let the user edit, liquidate, check the cure.

The rules are the core's (:mod:`margin_rules.margin_call`): :func:`~margin_rules.margin_call.margin_calls` says which
calls an account snapshot is under and :func:`~margin_rules.margin_call.liquidation_plan` sizes the orders that cure a
maintenance deficiency. This module only acts on them:

* on a maintenance call (the LIQUIDATION_CALL health state) the account refuses new opening orders until the call is
  cured (closing orders stay allowed); the core's plan, ordered by the selected :class:`LiquidationPolicy`, is passed
  to the user's hook (as LEAN's ``on_margin_call``), which may return it unchanged, an edited plan, a list of orders,
  or None to send nothing; the orders go through the broker; when the account is out of the call the block is lifted.
  ``policy=None`` disables automatic liquidation (LEAN's null margin-call model): the block and the notices remain.
* Reg T calls (220.4(c)(3)) carry their due date, settlement + 2 business days with T+1 settlement
  (:func:`margin_rules.live.calendar.regt_call_due_date`), and whether liquidation is required (over $1,000).

Use :meth:`MarginCallManager.attach` to react to a :class:`~margin_rules.live.monitor.MarginMonitor`'s health
transitions, or call :meth:`MarginCallManager.evaluate` directly.

Re-planning (why: a rejected, expired or partly filled liquidation leaves the account in the call with nothing working,
and since the health state did not change the monitor publishes no new transition):

* A *call episode* lasts from the first evaluation that finds a maintenance call until the account leaves
  LIQUIDATION_CALL. Every plan sent in it (at least one order submitted or refused) counts as one attempt; once
  ``max_attempts`` plans have been sent and the account is still in the call with no liquidation order working,
  :meth:`MarginCallManager.evaluate` sends nothing more: it reports the call as *unresolved* (one
  :class:`MarginCallResult` with ``unresolved=True``, the episode's refusals and the orders the broker ended unfilled)
  and opening orders stay blocked. A permanently rejecting broker (a halted symbol) thus gets a bounded number of
  orders. Leaving the call (a deposit, a price rise, a fill) ends the episode: the count and the flag reset.
  Without :meth:`~MarginCallManager.attach` the bound applies to direct calls of ``evaluate`` as well, and the
  episode ends when ``evaluate`` or :meth:`~MarginCallManager.check_cured` finds the account out of the call.
* While attached, the manager also listens to the account (:meth:`~margin_rules.live.account.MarginAccount.subscribe`).
  That listener runs under the account lock, so it only does bookkeeping: it drops a working order once its
  reservation is gone (a "release", or the "fill" that completes it), records a release, notes that the account left
  the call, and, when the last working order has ended, wakes the manager's worker thread. Liquidation never runs
  under the account lock: the worker (started by :meth:`~MarginCallManager.attach`, stopped by
  :meth:`~MarginCallManager.detach`) re-checks outside the lock and re-plans from the account as it is now, through
  :meth:`~MarginCallManager.evaluate` (the core's plan for the remaining deficiency), only when no liquidation order
  is working and the account's health is still LIQUIDATION_CALL; otherwise it only checks the cure. An evaluation
  whose orders all ended at once (refused, or filled or released inside ``submit``) wakes the worker too. Wake-ups
  are coalesced (a counter under a condition), and :meth:`~MarginCallManager.drain` waits for them to be handled.
* Locks, always taken in this order: the manager's lock (one evaluation at a time), then the router's and the
  account's, then the manager's small state lock (working orders, wake-ups), which is never held while another lock
  is taken. The listener takes only the state lock; the worker holds nothing while it waits.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from margin_rules.buying_power import Mode
from margin_rules.errors import DomainError, InvalidTypeError, RefusedError
from margin_rules.health_state import HealthState
from margin_rules.live import calendar
from margin_rules.live.account import AccountEvent, MarginAccount
from margin_rules.live.monitor import MarginMonitor, Transition
from margin_rules.margin_call import (
    CallKind,
    LiquidationPlan,
    LiquidationPolicy,
    MarginCall,
    liquidation_plan,
    margin_calls,
)
from margin_rules.model import Order

__all__ = [
    "CallNotice",
    "LiquidationPolicy",
    "MarginCallHook",
    "MarginCallManager",
    "MarginCallResult",
    "OrderRouter",
]

MarginCallHook = Callable[[LiquidationPlan, tuple[MarginCall, ...]], LiquidationPlan | Sequence[Order] | None]
"""The user's hook: receives the core's plan and the calls; returns the plan to execute (possibly edited), a list of
orders, or None to send nothing."""


class OrderRouter(Protocol):
    """Where liquidation orders go (the simulated broker, or a real adapter): ``submit`` reserves on the account."""

    def submit(self, order: Order, order_id: str | None = None) -> object: ...


@dataclass(frozen=True, slots=True)
class CallNotice:
    """A call with its dates: ``issued`` (the session it was found in); ``due`` (Reg T: settlement + 2 business days;
    None for the other kinds, which are due promptly); ``liquidation_required`` (Reg T: over $1,000)."""

    call: MarginCall
    issued: dt.date
    due: dt.date | None
    liquidation_required: bool | None


@dataclass(frozen=True, slots=True)
class MarginCallResult:
    """What one evaluation did: the notices, the plan sent (after the hook; None when nothing was planned), the order
    ids submitted, the orders the account or broker refused (with the reason) and whether the account is out of the
    maintenance call now.

    * ``attempts``: the plans sent in the current call episode so far, this one included (0 outside a call).
    * ``unresolved``: True once ``max_attempts`` plans of the episode have not cured the call: nothing more is sent
      automatically and opening orders stay blocked until the account leaves the call. On that report ``refused``
      holds every refusal of the episode and ``released`` the episode's liquidation orders that the broker ended
      before they filled in full (rejected, expired, cancelled; seen only while attached).
    """

    notices: tuple[CallNotice, ...]
    plan: LiquidationPlan | None
    submitted: tuple[str, ...]
    refused: tuple[tuple[Order, str], ...]
    blocked: bool
    cured: bool
    attempts: int = 0
    unresolved: bool = False
    released: tuple[str, ...] = ()


class MarginCallManager:
    """Act on the margin calls of ``account`` (see the module docstring).

    ``max_attempts`` (an int >= 1, default 3) bounds the plans sent in one call episode before the call is reported
    unresolved.
    """

    BLOCK_KEY = "margin_call"

    def __init__(
        self,
        account: MarginAccount,
        router: OrderRouter | None,
        *,
        policy: LiquidationPolicy | None = LiquidationPolicy.LOSERS_FIRST,
        on_margin_call: MarginCallHook | None = None,
        whole_shares: bool = True,
        max_attempts: int = 3,
    ) -> None:
        if not isinstance(account, MarginAccount):
            raise InvalidTypeError("account", "expected a MarginAccount")
        if policy is not None:
            policy = LiquidationPolicy(policy)
        if on_margin_call is not None and not callable(on_margin_call):
            raise InvalidTypeError("on_margin_call", "the hook is callable")
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int):
            raise InvalidTypeError("max_attempts", f"max_attempts is an int, not {type(max_attempts).__name__}")
        if max_attempts < 1:
            raise DomainError("max_attempts", f"max_attempts is at least 1 (got {max_attempts})")
        self.account = account
        self.router = router
        self.policy = policy
        self.on_margin_call = on_margin_call
        self.whole_shares = whole_shares
        self.max_attempts = max_attempts
        self.history: list[MarginCallResult] = []
        self.hook_errors = 0
        self.replan_errors = 0
        self._lock = threading.RLock()  # one evaluation at a time; taken before the router's and the account's
        self._ids = itertools.count(1)
        # The call episode (guarded by self._lock).
        self._attempts = 0
        self._unresolved = False
        self._episode_refused: list[tuple[Order, str]] = []
        # Shared with the account listener and the worker (guarded by self._state, a leaf lock).
        self._state = threading.Condition(threading.Lock())
        self._working: list[str] = []
        self._episode_released: list[str] = []
        self._left_call = False
        self._attached = False
        self._generation = 0
        self._requested = 0
        self._handled = 0
        # The attachment (guarded by self._lock).
        self._monitor: MarginMonitor | None = None
        self._worker: threading.Thread | None = None
        self._unsubscribe_account: Callable[[], None] | None = None

    # --- state -----------------------------------------------------------------------------------------------------

    @property
    def attempts(self) -> int:
        """The plans sent in the current call episode (0 outside a call)."""
        with self._lock:
            return self._attempts

    @property
    def unresolved(self) -> bool:
        """True when ``max_attempts`` plans have not cured the current call: no more automatic liquidation."""
        with self._lock:
            return self._unresolved

    @property
    def attached(self) -> bool:
        """True between :meth:`attach` and :meth:`detach`."""
        with self._lock:
            return self._monitor is not None

    # --- evaluation ------------------------------------------------------------------------------------------------

    def _notices(self, calls: tuple[MarginCall, ...], session: dt.date) -> tuple[CallNotice, ...]:
        out = []
        for call in calls:
            due = None
            if call.kind is CallKind.REG_T and calendar.is_business_day(session):
                due = calendar.regt_call_due_date(session)
            out.append(CallNotice(call, session, due, call.liquidation_required))
        return tuple(out)

    def _working_orders(self) -> list[str]:
        """The liquidation orders still working: those whose reservation is still open on the account (read without
        the state lock held, which must never wait on the account's)."""
        with self._state:
            ids = list(self._working)
        ended = [oid for oid in ids if self.account.reservation(oid) is None]
        with self._state:
            for oid in ended:
                if oid in self._working:
                    self._working.remove(oid)
            return list(self._working)

    def _reset_episode(self) -> None:
        """The account is out of the call: the next call starts a new episode (called under self._lock)."""
        self._attempts = 0
        self._unresolved = False
        self._episode_refused = []
        with self._state:
            self._episode_released = []
            self._left_call = False

    def evaluate(self) -> MarginCallResult:
        """Read the calls of the account now and act on them (idempotent while liquidation orders are working).

        Within one call episode at most ``max_attempts`` plans are sent; once they have all ended without curing the
        call, the result reports it unresolved and nothing more is sent until the account leaves the call.
        """
        with self._lock:
            with self.account.lock:
                snapshot = self.account.snapshot()
                session = self.account.session
                cash_account = self.account.base_mode is Mode.CASH
                with self._state:  # read with the snapshot: the listener sets it under the account lock
                    left_call, self._left_call = self._left_call, False
            if left_call:
                self._reset_episode()
            rules = self.account.rules
            calls = margin_calls(snapshot, rules)
            if cash_account:  # Reg T 220.8: a cash account has no SMA-based calls
                calls = tuple(c for c in calls if c.kind is not CallKind.REG_T)
            notices = self._notices(calls, session)
            maintenance = [c for c in calls if c.kind is CallKind.MAINTENANCE]
            if not maintenance:
                self.account.unblock_opening(self.BLOCK_KEY)
                self._reset_episode()
                result = MarginCallResult(notices, None, (), (), False, True)
                self.history.append(result)
                return result
            deficiency = maintenance[0].amount
            self.account.block_opening(
                self.BLOCK_KEY, f"maintenance call of {deficiency} (FINRA 4210(c)): opening orders refused until cured"
            )
            if self.policy is None or self.router is None or self._working_orders():
                result = MarginCallResult(
                    notices, None, (), (), True, False, attempts=self._attempts, unresolved=self._unresolved
                )
                self.history.append(result)
                return result
            if self._attempts >= self.max_attempts:  # every plan of the episode ended and the call persists
                self._unresolved = True
                with self._state:
                    released = tuple(self._episode_released)
                result = MarginCallResult(
                    notices,
                    None,
                    (),
                    tuple(self._episode_refused),
                    True,
                    False,
                    attempts=self._attempts,
                    unresolved=True,
                    released=released,
                )
                self.history.append(result)
                return result
            plan = liquidation_plan(snapshot, rules, self.policy, self.whole_shares)
            orders: tuple[Order, ...] = plan.orders
            sent_plan: LiquidationPlan | None = plan
            if self.on_margin_call is not None:
                try:
                    edited = self.on_margin_call(plan, calls)
                except Exception:  # a failing hook falls back to the core's plan
                    self.hook_errors += 1
                    edited = plan
                if edited is None:
                    sent_plan, orders = None, ()
                elif isinstance(edited, LiquidationPlan):
                    sent_plan, orders = edited, edited.orders
                else:
                    orders = tuple(edited)
                    if not all(isinstance(o, Order) for o in orders):
                        raise InvalidTypeError("on_margin_call", "the hook returns a plan, orders or None")
            if orders:
                self._attempts += 1
            batch = next(self._ids)
            submitted: list[str] = []
            refused: list[tuple[Order, str]] = []
            for i, order in enumerate(orders):
                oid = f"margin-call-{batch}-{i + 1}"
                with self._state:  # registered first: a router may fill or release inside submit
                    self._working.append(oid)
                try:
                    self.router.submit(order, oid)
                except RefusedError as exc:
                    with self._state:
                        if oid in self._working:
                            self._working.remove(oid)
                    refused.append((order, exc.reason))
                    continue
                submitted.append(oid)
            self._episode_refused.extend(refused)
            result = MarginCallResult(
                notices, sent_plan, tuple(submitted), tuple(refused), True, False, attempts=self._attempts
            )
            self.history.append(result)
            if orders and not self._working_orders():  # all ended at once: no release will come to wake the worker
                self._wake()
            return result

    def check_cured(self) -> bool:
        """Lift the block when the account is out of the maintenance call (True, and the call episode ends), else
        keep it (False)."""
        with self._lock:
            if self.account.health() is HealthState.LIQUIDATION_CALL:
                return False
            self.account.unblock_opening(self.BLOCK_KEY)
            self._reset_episode()
            return True

    # --- re-planning -----------------------------------------------------------------------------------------------

    def _wake(self) -> None:
        """Ask the worker to re-check the account (a no-op when not attached)."""
        with self._state:
            if self._attached:
                self._requested += 1
                self._state.notify_all()

    def _on_account_event(self, event: AccountEvent) -> None:
        """The account's listener (under the account lock, so bookkeeping only): drop a working order once its
        reservation is gone, record a release, note that the account left the call, and wake the worker when the
        last working order has ended."""
        ended: str | None = None
        if event.kind in ("release", "fill"):
            oid = event.detail.get("order_id")
            # The account lock is held (re-entrant): reservation() is a dict read.
            if isinstance(oid, str) and (event.kind == "release" or self.account.reservation(oid) is None):
                ended = oid
        with self._state:
            if event.health is not HealthState.LIQUIDATION_CALL:
                self._left_call = True
            if ended is None or ended not in self._working:
                return
            self._working.remove(ended)
            if event.kind == "release":
                self._episode_released.append(ended)
            if not self._working and self._attached:
                self._requested += 1
                self._state.notify_all()

    def replan(self) -> MarginCallResult | None:
        """Re-plan from the account as it is now when it is still in LIQUIDATION_CALL, no liquidation order of this
        manager is working and the call is not unresolved (the evaluation's result); when the account is out of the
        call, check the cure (None); otherwise do nothing (None). Call outside the account lock.

        This is what the attached worker does on each wake-up; without :meth:`attach` (e.g. with a synchronous
        monitor) call it yourself after each batch of broker events."""
        with self._lock:
            if self.account.health() is not HealthState.LIQUIDATION_CALL:
                self.check_cured()
                return None
            if self._unresolved or self.policy is None or self.router is None or self._working_orders():
                return None
            return self.evaluate()

    def _replan(self) -> None:
        """The worker's wake-up: :meth:`replan`, unless detached while the wake-up was pending."""
        with self._lock:
            if self._monitor is not None:
                self.replan()

    def _worker_loop(self, generation: int) -> None:
        """The worker: handle wake-ups (coalesced) until :meth:`detach` moves the generation on."""
        while True:
            with self._state:
                while self._handled >= self._requested and self._generation == generation:
                    self._state.wait()
                if self._generation != generation:
                    return
                target = self._requested
            try:
                self._replan()
            except Exception:  # counted; the worker never dies
                self.replan_errors += 1
            with self._state:
                self._handled = max(self._handled, target)
                self._state.notify_all()

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until the worker has handled every wake-up requested so far (True), or ``timeout`` seconds passed.
        Together with the monitor's ``drain`` this lets a caller wait for the manager to settle without sleeping."""
        deadline = time.monotonic() + timeout
        with self._state:
            while self._handled < self._requested:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._state.wait(remaining)
        return True

    # --- wiring ----------------------------------------------------------------------------------------------------

    def on_transition(self, transition: Transition) -> None:
        """A monitor subscriber: act on entering LIQUIDATION_CALL, check the cure on leaving it."""
        if transition.scale != "health":
            return
        if transition.current is HealthState.LIQUIDATION_CALL:
            self.evaluate()
        elif transition.previous is HealthState.LIQUIDATION_CALL:
            self.check_cured()

    def attach(self, monitor: MarginMonitor) -> None:
        """Subscribe to ``monitor``'s transitions (delivered by its dispatcher thread, outside the account lock), and
        start the re-planning worker with its account listener (see the module docstring). :meth:`detach` undoes it."""
        if not isinstance(monitor, MarginMonitor):
            raise InvalidTypeError("monitor", "expected a MarginMonitor")
        if monitor.synchronous:
            raise InvalidTypeError(
                "monitor", "attach to an asynchronous monitor (liquidation must not run under the lock)"
            )
        if monitor.account is not self.account:
            raise DomainError("monitor", "the monitor watches another account")
        with self._lock:
            if self._monitor is not None:
                raise DomainError("monitor", "already attached: detach first")
            with self._state:
                self._generation += 1
                generation = self._generation
                self._attached = True
            worker = threading.Thread(
                target=self._worker_loop, args=(generation,), name="margin-call-replan", daemon=True
            )
            worker.start()
            self._worker = worker
            self._unsubscribe_account = self.account.subscribe(self._on_account_event)
            self._monitor = monitor
            monitor.subscribe(self.on_transition)

    def detach(self, timeout: float = 5.0) -> None:
        """Unsubscribe from the monitor and the account and stop the worker (waiting up to ``timeout`` seconds for a
        re-plan in progress). Idempotent. Not to be called from the hook (the worker may be waiting for the
        evaluation that runs it)."""
        with self._lock:
            monitor, worker, unsubscribe = self._monitor, self._worker, self._unsubscribe_account
            if monitor is None:
                return
            self._monitor = self._worker = self._unsubscribe_account = None
            monitor.unsubscribe(self.on_transition)
            if unsubscribe is not None:
                unsubscribe()
            with self._state:
                self._attached = False
                self._generation += 1
                self._state.notify_all()
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)
        with self._state:  # pending wake-ups are dropped: nobody waits for them any more
            self._handled = self._requested
            self._state.notify_all()
