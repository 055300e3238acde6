"""The stateful shell of margin_rules: a live account, its monitor, margin-call execution and a simulated broker.

* :class:`MarginAccount` (:mod:`margin_rules.live.account`): the single source of truth; atomic reservations against
  the core's buying power, fills, releases, cash, prices, the end-of-day roll, an optional SQLite journal.
* :class:`MarginMonitor` (:mod:`margin_rules.live.monitor`): event-driven health on two scales, published to
  subscribers, plus a stale-price heartbeat.
* :class:`MarginCallManager` (:mod:`margin_rules.live.margin_calls`): blocks, plans, hooks and liquidations.
* :class:`SimulatedBroker` (:mod:`margin_rules.live.broker`): fills, partial fills, rejects and timeouts under a seed.
* :mod:`margin_rules.live.calendar` (NYSE business days) and :mod:`margin_rules.live.daytrading` (trackers of both
  day-trading regimes).

Every number comes from the core (:mod:`margin_rules`); nothing here re-derives a rule.
"""

from margin_rules.live.account import AccountEvent, DayTradingHooks, Fill, MarginAccount, Reservation
from margin_rules.live.broker import BrokerEvent, BrokerOrder, OrderStatus, SimulatedBroker
from margin_rules.live.journal import Journal
from margin_rules.live.margin_calls import CallNotice, MarginCallManager, MarginCallResult
from margin_rules.live.monitor import MarginMonitor, Tier, TierThresholds, Transition, house_tier, lean_warning

__all__ = [
    "AccountEvent",
    "BrokerEvent",
    "BrokerOrder",
    "CallNotice",
    "DayTradingHooks",
    "Fill",
    "Journal",
    "MarginAccount",
    "MarginCallManager",
    "MarginCallResult",
    "MarginMonitor",
    "OrderStatus",
    "Reservation",
    "SimulatedBroker",
    "Tier",
    "TierThresholds",
    "Transition",
    "house_tier",
    "lean_warning",
]
