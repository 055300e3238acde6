"""Alpaca's account fields, reproduced from the core (every number comes from a core function).

Sources: Alpaca Trading API reference "Get Account" (docs.alpaca.markets/us/reference/getaccount-1, updated
2026-05-27: field definitions and two examples), the older account reference
(alpaca.markets/docs/api-references/trading-api/account/) and "Margin and Short Selling" (rulebook section 4).

=============================  ===========================================================  ========================
Alpaca field                   Reproduced as (core function)                                Status
=============================  ===========================================================  ========================
equity                         ``account_requirements(...).equity`` (cash + LMV + SMV)       reproduced
portfolio_value                same as equity (Alpaca: deprecated duplicate of equity)       reproduced
long_market_value              ``AccountRequirements.long_market_value`` (current_price)     reproduced
short_market_value             ``AccountRequirements.short_market_value`` (<= 0)             reproduced
initial_margin                 ``AccountRequirements.initial`` (alpaca rule set)             reproduced
maintenance_margin             ``AccountRequirements.maintenance``                            reproduced
last_maintenance_margin        ``account_maintenance`` of the positions at lastday_price     reproduced (*1)
regt_buying_power              ``buying_power(...).reg_t`` = 2 x max(equity - initial, 0)    reproduced
buying_power                   mult. 1: ``.cash``; 2: ``.reg_t``; 4: ``.legacy_day_trading``  reproduced (*2)
daytrading_buying_power        multiplier 4: ``.legacy_day_trading`` (legacy field)           reproduced when mult. 4
non_marginable_buying_power    ``buying_power(...).cash`` (the credit cash)                   reproduced when cash >= 0
options_buying_power           ``available_excess(..., Mode.REG_T)`` floored at 0             reproduced (*3)
sma                            --                                                             NOT reproducible (*4)
last_equity, cash              inputs (prior-close equity; the cash balance)                 inputs, not compared
=============================  ===========================================================  ========================

(*1) Alpaca's requirement "on the previous trading day": reproduced from today's quantities at ``lastday_price``,
     which equals Alpaca's figure only when the quantities have not changed since the prior close (no trades today).
(*2) Legacy multiplier 4: 4 x (last_equity - last_maintenance_margin), fixed at the start of the day from Alpaca's
     own prior-close ``last_equity`` and ``last_maintenance_margin`` (FINRA 4210(f)(8)(B)(iv)). Multiplier 1 with a
     debit balance is not reproducible (Alpaca documents "buying_power = cash"; what it shows for a negative cash is
     not published). Other multipliers (3) are not documented: not reproducible. Open orders reduce Alpaca's buying
     power ("available buying power is reduced by your existing open buy long and sell short orders"); the reconciler
     does not fetch orders, so an account with open opening orders shows a documented buying-power difference.
(*3) Both published examples satisfy options_buying_power = equity - initial_margin computed from the UNROUNDED
     initial margin (122716.305 = 123346.11 - 629.805; 40340.18 = 103820.56 - 63480.38) for accounts without option
     positions. Option positions are not modelled (refused by the mapping).
(*4) The SMA (Reg T 220.5) depends on the account's history (deposits, sales, the highest past excess); a snapshot
     does not determine it (the published example's 123369.74 exceeds its equity - initial of 122716.305). Shown,
     not compared.

``daytrading_buying_power`` of a multiplier-2 account is not reproducible (the legacy payload shows "0" for a
multiplier-2 pattern day trader: its value outside multiplier 4 is not published). ``non_marginable_buying_power``
with a debit balance is not reproducible: the older published example shows 7386.56 against ``cash: "-23140.2"``,
unexplained by any published rule (the field was added to that 2019 example later; the current page drops it).

Rounding conventions found in the published examples (details in :data:`ROUNDING_NOTES`): Alpaca publishes exact
decimal figures (``38088.228``, ``262113.632``, ``122716.305``: no rounding to the cent), but in the current example
the requirements are shown rounded to the cent (``initial_margin: "629.8"`` for 0.5 x 1259.61 = 629.805,
``maintenance_margin: "377.88"`` for 0.3 x 1259.61 = 377.883) while ``regt_buying_power`` = 245432.61 is computed
from the UNROUNDED 629.805 (from the rounded 629.8 it would be 245432.62). The adapter therefore never rounds: it
reproduces the exact figure, and the reconciler accepts a difference of at most half a cent by default
(:data:`CENT_TOLERANCE`), which covers both conventions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from margin_rules.brokers.alpaca.mapping import AlpacaSnapshot
from margin_rules.buying_power import Mode, available_excess, buying_power
from margin_rules.money import ZERO
from margin_rules.requirements import account_maintenance, account_requirements
from margin_rules.rulesets import RuleSet, alpaca

CENT_TOLERANCE = Decimal("0.005")
"""Default absolute tolerance: "exact to the cent". An Alpaca figure shown rounded to the cent differs from the exact
figure by at most half a cent (629.805 -> "629.8"); an unrounded figure matches exactly."""

ROUNDING_NOTES: Mapping[str, str] = MappingProxyType(
    {
        "exact_figures": "Alpaca publishes unrounded figures: maintenance_margin 38088.228 = 0.3 x 126960.76, "
        "buying_power 262113.632 = 4 x (103529.24 - 38000.832), options_buying_power 122716.305 "
        "(docs.alpaca.markets/us/reference/getaccount-1).",
        "requirements_rounded_to_cent": "Current example: initial_margin '629.8' for 0.5 x 1259.61 = 629.805 and "
        "maintenance_margin '377.88' for 0.3 x 1259.61 = 377.883: shown to the cent (half-even or toward zero; the "
        "example cannot tell them apart).",
        "buying_power_from_unrounded": "regt_buying_power 245432.61 = 2 x (123346.11 - 629.805): computed from the "
        "unrounded initial margin (2 x (123346.11 - 629.8) = 245432.62).",
        "long_precision_inputs": "last_equity '122011.09751111286868' carries 17 decimal places: reported figures are "
        "read exactly with up to 30 places; core inputs keep the core's 10-place bound.",
    }
)


@dataclass(frozen=True, slots=True)
class Reproduction:
    """The local figure for one Alpaca field, or why there is none (``value`` None and ``reason`` set)."""

    field: str
    value: Decimal | None
    source: str
    reason: str | None = None

    @property
    def reproducible(self) -> bool:
        return self.value is not None


NOT_REPRODUCIBLE: Mapping[str, str] = MappingProxyType(
    {
        "sma": "the SMA (Reg T 220.5) depends on the account's history (deposits, sales, past excess); a snapshot does "
        "not determine it",
        "last_equity": "prior-close equity needs the prior-close cash balance, which the API does not expose (input)",
        "cash": "the cash balance is an input of the reproduction",
    }
)

FIELDS = (
    "equity",
    "portfolio_value",
    "long_market_value",
    "short_market_value",
    "initial_margin",
    "maintenance_margin",
    "last_maintenance_margin",
    "regt_buying_power",
    "buying_power",
    "daytrading_buying_power",
    "non_marginable_buying_power",
    "options_buying_power",
    "sma",
    "last_equity",
    "cash",
)
"""Every account field the reconciler reports, in display order."""


def reproduce(snapshot: AlpacaSnapshot, rules: RuleSet | None = None) -> dict[str, Reproduction]:
    """Reproduce Alpaca's account fields of ``snapshot`` from the core under ``rules`` (default: ``alpaca()``).

    Returns one :class:`Reproduction` per name in :data:`FIELDS`, in that order. See the module docstring for the
    table of fields, the formulas (all in the core) and the reasons a field is not reproducible.
    """
    rules = rules if rules is not None else alpaca()
    account = snapshot.account
    figs = account_requirements(account, rules)
    bp = buying_power(account, rules, figures=figs)
    out: dict[str, Reproduction] = {}

    def put(field: str, value: Decimal | None, source: str, reason: str | None = None) -> None:
        out[field] = Reproduction(field, value, source, None if value is not None else reason)

    put("equity", figs.equity, "account_requirements().equity")
    put("portfolio_value", figs.equity, "account_requirements().equity (deprecated duplicate of equity)")
    put("long_market_value", figs.long_market_value, "account_requirements().long_market_value")
    put("short_market_value", figs.short_market_value, "account_requirements().short_market_value")
    put("initial_margin", figs.initial, "account_requirements().initial")
    put("maintenance_margin", figs.maintenance, "account_requirements().maintenance")
    if snapshot.prior_close is not None:
        put("last_maintenance_margin", account_maintenance(snapshot.prior_close, rules), "account_maintenance(lastday)")
    else:
        put("last_maintenance_margin", None, "", "a position has no lastday_price")
    put("regt_buying_power", bp.reg_t, "buying_power().reg_t")

    multiplier = snapshot.multiplier
    legacy_reason = None
    if bp.legacy_day_trading is None:
        legacy_reason = "last_equity / last_maintenance_margin absent or beyond the core's bounds" + (
            f" ({'; '.join(snapshot.notes)})" if snapshot.notes else ""
        )
    if multiplier == 2:
        put("buying_power", bp.reg_t, "buying_power().reg_t (multiplier 2)")
    elif multiplier == 4:
        put("buying_power", bp.legacy_day_trading, "buying_power().legacy_day_trading (multiplier 4)", legacy_reason)
    elif multiplier == 1:
        if account.cash >= ZERO:
            put("buying_power", bp.cash, "buying_power().cash (multiplier 1)")
        else:
            put("buying_power", None, "", "multiplier 1 with a debit balance: Alpaca's figure is not published")
    else:
        put("buying_power", None, "", f"multiplier {multiplier} is not documented by Alpaca")

    if multiplier == 4:
        put("daytrading_buying_power", bp.legacy_day_trading, "buying_power().legacy_day_trading", legacy_reason)
    else:
        put(
            "daytrading_buying_power",
            None,
            "",
            f"legacy field; its value outside multiplier 4 is not published (multiplier {multiplier})",
        )

    if account.cash >= ZERO:
        put("non_marginable_buying_power", bp.cash, "buying_power().cash")
    else:
        put(
            "non_marginable_buying_power",
            None,
            "",
            "debit balance: Alpaca's published example (7386.56 against cash -23140.2) follows no published rule",
        )
    excess = available_excess(account, rules, Mode.REG_T)
    put("options_buying_power", max(excess, ZERO), "available_excess(Mode.REG_T) floored at 0")
    for field in ("sma", "last_equity", "cash"):
        put(field, None, "", NOT_REPRODUCIBLE[field])
    return {name: out[name] for name in FIELDS}
