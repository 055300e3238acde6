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
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from margin_rules.buying_power import Mode
from margin_rules.errors import InvalidTypeError, RefusedError
from margin_rules.health_state import HealthState
from margin_rules.live import calendar
from margin_rules.live.account import MarginAccount
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
    maintenance call now."""

    notices: tuple[CallNotice, ...]
    plan: LiquidationPlan | None
    submitted: tuple[str, ...]
    refused: tuple[tuple[Order, str], ...]
    blocked: bool
    cured: bool


class MarginCallManager:
    """Act on the margin calls of ``account`` (see the module docstring)."""

    BLOCK_KEY = "margin_call"

    def __init__(
        self,
        account: MarginAccount,
        router: OrderRouter | None,
        *,
        policy: LiquidationPolicy | None = LiquidationPolicy.LOSERS_FIRST,
        on_margin_call: MarginCallHook | None = None,
        whole_shares: bool = True,
    ) -> None:
        if not isinstance(account, MarginAccount):
            raise InvalidTypeError("account", "expected a MarginAccount")
        if policy is not None:
            policy = LiquidationPolicy(policy)
        if on_margin_call is not None and not callable(on_margin_call):
            raise InvalidTypeError("on_margin_call", "the hook is callable")
        self.account = account
        self.router = router
        self.policy = policy
        self.on_margin_call = on_margin_call
        self.whole_shares = whole_shares
        self.history: list[MarginCallResult] = []
        self.hook_errors = 0
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self._working: list[str] = []

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
        self._working = [oid for oid in self._working if self.account.reservation(oid) is not None]
        return self._working

    def evaluate(self) -> MarginCallResult:
        """Read the calls of the account now and act on them (idempotent while liquidation orders are working)."""
        with self._lock:
            with self.account.lock:
                snapshot = self.account.snapshot()
                session = self.account.session
                cash_account = self.account.base_mode is Mode.CASH
            rules = self.account.rules
            calls = margin_calls(snapshot, rules)
            if cash_account:  # Reg T 220.8: a cash account has no SMA-based calls
                calls = tuple(c for c in calls if c.kind is not CallKind.REG_T)
            notices = self._notices(calls, session)
            maintenance = [c for c in calls if c.kind is CallKind.MAINTENANCE]
            if not maintenance:
                self.account.unblock_opening(self.BLOCK_KEY)
                result = MarginCallResult(notices, None, (), (), False, True)
                self.history.append(result)
                return result
            deficiency = maintenance[0].amount
            self.account.block_opening(
                self.BLOCK_KEY, f"maintenance call of {deficiency} (FINRA 4210(c)): opening orders refused until cured"
            )
            if self.policy is None or self.router is None or self._working_orders():
                result = MarginCallResult(notices, None, (), (), True, False)
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
            batch = next(self._ids)
            submitted: list[str] = []
            refused: list[tuple[Order, str]] = []
            for i, order in enumerate(orders):
                oid = f"margin-call-{batch}-{i + 1}"
                try:
                    self.router.submit(order, oid)
                except RefusedError as exc:
                    refused.append((order, exc.reason))
                    continue
                submitted.append(oid)
                self._working.append(oid)
            result = MarginCallResult(notices, sent_plan, tuple(submitted), tuple(refused), True, False)
            self.history.append(result)
            return result

    def check_cured(self) -> bool:
        """Lift the block when the account is out of the maintenance call (True), else keep it (False)."""
        with self._lock:
            if self.account.health() is HealthState.LIQUIDATION_CALL:
                return False
            self.account.unblock_opening(self.BLOCK_KEY)
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
        """Subscribe to ``monitor``'s transitions (delivered by its dispatcher thread, outside the account lock)."""
        if monitor.synchronous:
            raise InvalidTypeError(
                "monitor", "attach to an asynchronous monitor (liquidation must not run under the lock)"
            )
        monitor.subscribe(self.on_transition)
