"""margin_rules: a certified margin calculation core for US equities.

Pure ``Decimal`` functions for Reg T (12 CFR 220) and FINRA Rule 4210: equity, requirements, health, buying power,
withdrawals and margin calls, each carrying icontract contracts and citing its rule. The core modules do no I/O, hold no
state and never read the clock or the environment; the stateful shell lives in :mod:`margin_rules.live`, the Alpaca
adapter in :mod:`margin_rules.brokers.alpaca` and the command line in :mod:`margin_rules.cli`.

Contracts are on by default; run Python with ``-O`` (or ``PYTHONOPTIMIZE=1``) to turn them off in production, which is
icontract's standard switch (``enabled=__debug__``).
"""

from margin_rules.buying_power import (
    BuyingPower,
    Mode,
    OrderCheck,
    available_excess,
    buying_power,
    effective_mode,
    order_charge,
    order_fits,
)
from margin_rules.carry import CarryRates, Dividend, accrue, alpaca_rates, carry_series, ibkr_pro_rates
from margin_rules.errors import (
    DomainError,
    DuplicatePositionError,
    FloatRefusedError,
    InvalidInputError,
    InvalidRuleSetError,
    InvalidTypeError,
    MarginRulesError,
    NonFiniteError,
    OutOfBoundsError,
    PrecisionError,
    RefusedError,
)
from margin_rules.health import classify, health, health_of, seed_ratio_health
from margin_rules.health_state import HealthState
from margin_rules.margin_call import (
    CallKind,
    LiquidationPlan,
    LiquidationPolicy,
    MarginCall,
    liquidation_plan,
    liquidation_price,
    margin_calls,
)
from margin_rules.model import Account, Order, Position, Side
from margin_rules.orders import max_order_quantity
from margin_rules.portfolio_margin import OffsetModel, PMHouse, PMInstrument, PMRules, net_margin_requirement, pm_rules
from margin_rules.requirements import (
    AccountRequirements,
    OrderRequirement,
    PositionRequirement,
    account_initial,
    account_maintenance,
    account_requirements,
    order_requirement,
    position_initial,
    position_maintenance,
)
from margin_rules.rulesets import DayTradingRegime, HouseRules, RuleSet, WithdrawalRule, alpaca, finra, preset
from margin_rules.transactions import apply_fill, apply_order, deposit, withdraw
from margin_rules.valuation import (
    equity,
    equity_ratio,
    equity_ratio_display,
    gross_exposure,
    long_market_value,
    market_value,
    short_market_value,
    unrealized_pl,
)
from margin_rules.withdrawal import WithdrawalDecision, check_withdrawal, max_withdrawal

__all__ = [
    "Account",
    "AccountRequirements",
    "BuyingPower",
    "CallKind",
    "DayTradingRegime",
    "DomainError",
    "DuplicatePositionError",
    "FloatRefusedError",
    "HealthState",
    "HouseRules",
    "InvalidInputError",
    "InvalidRuleSetError",
    "InvalidTypeError",
    "LiquidationPlan",
    "LiquidationPolicy",
    "MarginCall",
    "MarginRulesError",
    "Mode",
    "NonFiniteError",
    "Order",
    "OrderCheck",
    "OrderRequirement",
    "OutOfBoundsError",
    "Position",
    "PositionRequirement",
    "PrecisionError",
    "RefusedError",
    "RuleSet",
    "Side",
    "WithdrawalDecision",
    "WithdrawalRule",
    "account_initial",
    "account_maintenance",
    "account_requirements",
    "alpaca",
    "apply_fill",
    "apply_order",
    "available_excess",
    "buying_power",
    "check_withdrawal",
    "classify",
    "deposit",
    "effective_mode",
    "equity",
    "equity_ratio",
    "equity_ratio_display",
    "finra",
    "gross_exposure",
    "health",
    "health_of",
    "liquidation_plan",
    "liquidation_price",
    "long_market_value",
    "margin_calls",
    "market_value",
    "max_order_quantity",
    "max_withdrawal",
    "order_charge",
    "order_fits",
    "order_requirement",
    "position_initial",
    "position_maintenance",
    "preset",
    "seed_ratio_health",
    "short_market_value",
    "unrealized_pl",
    "withdraw",
]

__all__ += [  # portfolio margin and the cost of carry (issue 13)
    "CarryRates",
    "Dividend",
    "OffsetModel",
    "PMHouse",
    "PMInstrument",
    "PMRules",
    "accrue",
    "alpaca_rates",
    "carry_series",
    "ibkr_pro_rates",
    "net_margin_requirement",
    "pm_rules",
]  # margin_rules.portfolio_margin.portfolio_margin is not re-exported: it would shadow its module
