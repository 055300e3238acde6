"""CrossHair plugin: how to build symbolic inputs of the core's types (loaded with ``crosshair check --extra_plugin``).

Without it CrossHair builds a ``RuleSet`` or a ``Position`` by calling its constructor with arbitrary symbolic
fields; the
validation (``to_decimal`` bounds, rate invariants) rejects almost everything and CrossHair reports "Unable to meet
precondition" or "unsupported" after exploring nothing. Here:

* ``RuleSet``: one of the presets (finra, alpaca, finra + house layers with concentration, alpaca KEEP_INITIAL) chosen
  symbolically; the rates are the presets' (the proofs cover symbolic rates).
* ``Position``: symbolic Decimal quantity and price (within the bounds of ``margin_rules.money``), symbolic marginable
  flag and leverage 1 or 2, symbol AAA or BBB.
* ``Account``: symbolic cash and up to two positions (AAA, BBB), symbolic SMA.
* ``Order``: symbol AAA or ZZZ, symbolic side, quantity and price.

An input the constructor refuses is skipped (``IgnoreAttempt``), never reported. ``MARGIN_CANARY=<id>`` applies that
planted bug (:mod:`canaries`) for the whole CrossHair run.

The file given to ``--extra_plugin`` is ``proofs/crosshair_plugin_entry.py``, which imports this module (CrossHair
executes plugin files in a namespace where module-level imports are not visible from the functions they define).
"""

from __future__ import annotations

import contextlib
import os
from decimal import Decimal
from typing import Any

from crosshair import register_type
from crosshair.tracers import ResumedTracing
from crosshair.util import IgnoreAttempt

from margin_rules.errors import InvalidInputError
from margin_rules.model import Account, Order, Position, Side
from margin_rules.rulesets import HouseRules, RuleSet, WithdrawalRule, alpaca, finra

_RULES = (
    finra(),
    alpaca(),
    finra().with_house(
        HouseRules(
            maintenance_rate=Decimal("0.35"),
            symbol_rates={"AAA": Decimal("1.00")},
            concentration_threshold=Decimal("0.5"),
            concentration_rate=Decimal("0.5"),
        )
    ),
    alpaca().with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL),
)


def _rules(p: Any) -> RuleSet:
    with ResumedTracing():  # type: ignore[no-untyped-call]  # crosshair.tracers is unannotated
        if p(bool, "_finra"):
            return _RULES[0]
        if p(bool, "_alpaca"):
            return _RULES[1]
        return _RULES[2] if p(bool, "_house") else _RULES[3]


def _make_position(p: Any, symbol: str) -> Position:
    qty = p(Decimal, f"_{symbol}_qty")
    price = p(Decimal, f"_{symbol}_price")
    marginable = p(bool, f"_{symbol}_marginable")
    leveraged = p(bool, f"_{symbol}_leveraged")
    with ResumedTracing():  # type: ignore[no-untyped-call]  # crosshair.tracers is unannotated
        try:
            return Position(symbol, qty, price, marginable, Decimal(2) if leveraged else Decimal(1))
        except (InvalidInputError, ArithmeticError):
            raise IgnoreAttempt from None


def _position(p: Any) -> Position:
    return _make_position(p, "AAA" if p(bool, "_sym") else "BBB")


def _account(p: Any) -> Account:
    cash = p(Decimal, "_cash")
    sma = p(Decimal, "_sma")
    first = p(bool, "_has_aaa")
    second = p(bool, "_has_bbb")
    positions = []
    if first:
        positions.append(_make_position(p, "AAA"))
    if second:
        positions.append(_make_position(p, "BBB"))
    with ResumedTracing():  # type: ignore[no-untyped-call]  # crosshair.tracers is unannotated
        try:
            return Account(cash, tuple(positions), sma)
        except (InvalidInputError, ArithmeticError):
            raise IgnoreAttempt from None


def _order(p: Any) -> Order:
    symbol = "AAA" if p(bool, "_held") else "ZZZ"
    side = p(Side, "_side")
    qty = p(Decimal, "_qty")
    price = p(Decimal, "_price")
    with ResumedTracing():  # type: ignore[no-untyped-call]  # crosshair.tracers is unannotated
        try:
            return Order(symbol, side, qty, price)
        except (InvalidInputError, ArithmeticError, ValueError):
            raise IgnoreAttempt from None


# Portfolio margin and carry (issue 13): presets chosen symbolically (the parameters are cited constants).
from margin_rules.carry import CarryRates, alpaca_rates, ibkr_pro_rates  # noqa: E402
from margin_rules.portfolio_margin import PMHouse, PMRules, PortfolioType, pm_rules  # noqa: E402

_PM_RULES = (
    pm_rules(),
    pm_rules().with_house(PMHouse(ranges={PortfolioType.EQUITY: (Decimal("0.25"), Decimal("0.25"))},
                                  minimum_charge_per_share=Decimal("0.5"))),
)  # fmt: skip
_CARRY_RATES = (alpaca_rates(), ibkr_pro_rates("0.0433"))


def _pm_rules(p: Any) -> PMRules:
    with ResumedTracing():  # type: ignore[no-untyped-call]  # crosshair.tracers is unannotated
        return _PM_RULES[0] if p(bool, "_pm_plain") else _PM_RULES[1]


def _carry_rates(p: Any) -> CarryRates:
    with ResumedTracing():  # type: ignore[no-untyped-call]  # crosshair.tracers is unannotated
        return _CARRY_RATES[0] if p(bool, "_alpaca_rates") else _CARRY_RATES[1]


register_type(PMRules, _pm_rules)
register_type(CarryRates, _carry_rates)
register_type(RuleSet, _rules)
register_type(Position, _position)
register_type(Account, _account)
register_type(Order, _order)

_CANARY = os.environ.get("MARGIN_CANARY")
if _CANARY:
    import canaries

    _applied = canaries.canary(_CANARY).applied()
    _applied.__enter__()  # for the whole run: this process exits when CrossHair is done


# --- Typed refusals are the specified behaviour, not contract violations ----------------------------------------------
# House rule: bad input raises a typed error naming the field (margin_rules.errors.InvalidInputError and subclasses),
# and an input beyond the bounds of margin_rules.money raises PrecisionError. CrossHair reports any exception a
# function's docstring does not declare (":raises X:"), and stops exploring that condition at the first one; so, in this
# process only, every contract-carrying core function declares those two. Any other exception (OverflowError,
# ZeroDivisionError, icontract ViolationError...) is still reported.


def _declare_typed_refusals() -> None:
    import icontract._checkers as checkers

    from margin_rules.errors import PrecisionError
    from proofs.stage_crosshair import contract_functions

    names = {"_CH_InvalidInputError": InvalidInputError, "_CH_PrecisionError": PrecisionError}
    note = "\n\n:raises _CH_InvalidInputError:\n:raises _CH_PrecisionError:\n"
    vars(checkers).update(names)
    for _name, fn in contract_functions():
        current = fn
        while current is not None:
            getattr(current, "__globals__", {}).update(names)
            with contextlib.suppress(AttributeError, TypeError):
                current.__doc__ = (current.__doc__ or "") + note
            current = getattr(current, "__wrapped__", None)


_declare_typed_refusals()
