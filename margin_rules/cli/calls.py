"""Margin calls and the liquidation plan, as the CLI shows them (from :mod:`margin_rules.margin_call`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from margin_rules.cli.fmt import number, plain
from margin_rules.margin_call import (
    REG_T_CALL_DUE_BUSINESS_DAYS,
    CallKind,
    LiquidationPlan,
    LiquidationPolicy,
    MarginCall,
    liquidation_plan,
    margin_calls,
)
from margin_rules.model import Account
from margin_rules.rulesets import RuleSet


@dataclass(frozen=True, slots=True)
class CallReport:
    """The margin calls of an account and, when it has a maintenance deficiency, the plan that cures it."""

    calls: tuple[MarginCall, ...]
    plan: LiquidationPlan | None

    @property
    def has_call(self) -> bool:
        return bool(self.calls)

    def summary_json(self) -> dict[str, Any] | None:
        """Alpaca has no margin-call field: ``null`` when there is none, else the first call (maintenance first)."""
        if not self.calls:
            return None
        first = self.calls[0]
        return {
            "kind": first.kind.value,
            "label": first.kind.label,
            "amount": plain(first.amount),
            "rule": first.rule,
            "count": len(self.calls),
        }

    def calls_json(self) -> list[dict[str, Any]]:
        return [
            {
                "kind": c.kind.value,
                "label": c.kind.label,
                "amount": plain(c.amount),
                "equity": plain(c.equity),
                "requirement": plain(c.requirement),
                "rule": c.rule,
                "liquidation_required": c.liquidation_required,
                "due_business_days": c.due_business_days,
            }
            for c in self.calls
        ]

    def plan_json(self) -> dict[str, Any] | None:
        if self.plan is None:
            return None
        plan = self.plan
        return {
            "policy": plan.policy.value,
            "deficiency": plain(plan.deficiency),
            "cures": plan.cures,
            "equity_after": plain(plan.equity_after),
            "maintenance_after": plain(plan.maintenance_after),
            "orders": [
                {"symbol": o.symbol, "side": o.side.value, "qty": number(o.quantity), "price": plain(o.price)}
                for o in plan.orders
            ],
        }


def due_text(call: MarginCall) -> str:
    """When a Reg T call is due, in words (the date depends on the trade date, which a snapshot does not carry)."""
    if call.kind is CallKind.REG_T:
        days = call.due_business_days or REG_T_CALL_DUE_BUSINESS_DAYS
        required = " (liquidation required if unmet)" if call.liquidation_required else ""
        return f"settlement + {days} business days{required}"
    return ""


def report(account: Account, rules: RuleSet, policy: LiquidationPolicy = LiquidationPolicy.LOSERS_FIRST) -> CallReport:
    """The margin calls of ``account`` under ``rules`` and, for a maintenance call, the liquidation plan."""
    calls = margin_calls(account, rules)
    plan = None
    if any(call.kind is CallKind.MAINTENANCE for call in calls):
        plan = liquidation_plan(account, rules, policy)
    return CallReport(calls, plan)
