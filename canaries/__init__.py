"""Planted bugs ("canaries"): small, realistic variants of core functions that every verification tool is run against.

A check that cannot fail proves nothing. Each canary below is a one-line variant of a real function of the core, and for
each tool (Z3, CrossHair, Hypothesis, mutation testing) we record whether that tool is EXPECTED to catch it, with the
reason. ``tests/test_canaries.py`` and the stages of ``make prove`` assert ``caught == expected`` for every pair, so
a tool
that silently stops catching a bug fails CI, and so does a tool that starts "catching" a bug it cannot see (which would
mean the canary no longer plants what we think it plants).

Two ways to use a canary:

* **Library level** (Hypothesis, CrossHair, mutation): ``with canary.applied(): ...`` monkeypatches the named module
  attributes for the duration of the block (and clears the memo of the specialised requirement code, which is generated
  from the formulas, so that the planted formula is the one that runs). Restored on exit, also on error.
* **Formula level** (Z3): ``canary.formula_variants`` maps the dotted name of a formula of
  :mod:`margin_rules.formulas` to a replacement written over :class:`~margin_rules.arith.Arith`, so the Z3 stage can
  build the planted term from the same code path as the real one. Every variant has the signature of the function it
  replaces. ``FORMULA_CANARIES`` lists them as data.

The narrow-band canary also has standalone *kernels* (one-function versions over ``Decimal`` and over ``int``) in
:mod:`canaries.kernels`, used to measure CrossHair on ``Decimal.quantize`` against the same logic over integers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import icontract

from margin_rules import formulas as f
from margin_rules.arith import Arith, B, N, S
from margin_rules.health_state import HealthState
from margin_rules.model import Account
from margin_rules.rates import Rates

TOOLS: tuple[str, ...] = ("z3", "crosshair", "hypothesis", "mutation")
"""The tools of the canary matrix. ``mutation`` = the fast targeted test selection mutmut runs (``proofs/mutation.py``)
applied to the canary as if it were a mutant: "caught" means that selection kills it."""


# --- Formula-level variants (usable by Decimal, by the specialiser and by Z3) -----------------------------------------


def long_maintenance_rate_20(ar: Arith[N, B, S], r: Rates[N], price: N, marginable: B, leverage: N, extra_rate: N) -> N:
    """CANARY wrong_long_rate: the 4210(c)(1) long rate hard-coded as 20% instead of the rule set's 25%/30%."""
    zero, one = ar.zero, ar.one
    banded = ar.ite(ar.lt(price, r.long_low_price_threshold), r.long_low_price_rate, ar.const("0.20"))  # planted
    leveraged = ar.min(banded * leverage, one)
    leveraged = ar.max(leveraged, ar.ite(ar.lt(one, leverage), r.leveraged_min_rate, zero))
    regulatory = ar.ite(marginable, leveraged, r.maintenance_nonmarginable_rate)
    return ar.max(regulatory, extra_rate)


def short_maintenance_sign_error(ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, leverage: N, extra_rate: N) -> N:
    """CANARY short_floor_sign (the seed's bug): the per-share floor taken of the *signed* quantity (negative for a
    short), ``max(2.5 * amount, ...)`` with ``amount < 0``: the per-share floor never binds."""
    zero, one = ar.zero, ar.one
    value = shares * price
    signed = zero - shares  # planted: the seed passed the signed (negative) quantity
    floors = signed * f.leveraged_per_share_factor(ar, r, leverage)
    low = ar.max(r.short_low_per_share * floors, f.leveraged_short_rate(ar, r, r.short_low_rate, leverage) * value)
    high = ar.max(r.short_high_per_share * floors, f.leveraged_short_rate(ar, r, r.short_high_rate, leverage) * value)
    regulatory = ar.ite(ar.lt(price, r.short_price_threshold), low, high)
    regulatory = ar.max(regulatory, ar.ite(ar.lt(one, leverage), r.leveraged_min_rate, zero) * value)
    return ar.max(regulatory, extra_rate * value)


def classify_le(ar: Arith[N, B, S], has_positions: B, equity_value: N, maintenance: N, initial: N) -> S:
    """CANARY health_boundary_le: ``equity < maintenance`` turned into ``<=``: equity exactly at the maintenance
    requirement becomes LIQUIDATION_CALL instead of RESTRICTED."""
    return ar.ite_state(
        ar.not_(has_positions),
        ar.state(HealthState.HEALTHY),
        ar.ite_state(
            ar.le(equity_value, maintenance),  # planted
            ar.state(HealthState.LIQUIDATION_CALL),
            ar.ite_state(ar.lt(equity_value, initial), ar.state(HealthState.RESTRICTED), ar.state(HealthState.HEALTHY)),
        ),
    )


def ratio_classify_no_guard(
    ar: Arith[N, B, S], market_value_total: N, equity_value: N, maintenance_rate: N, initial_rate: N
) -> S:
    """CANARY missing_zero_exposure_guard (formula level): seed 001's ratio rule without the "no exposure" guard. With
    zero market value the cross-multiplied ratio compares equity with 0, so an account without positions and a
    negative equity is LIQUIDATION_CALL instead of HEALTHY (in the Decimal ratio the same bug divides by zero)."""
    return ar.ite_state(
        ar.lt(equity_value, maintenance_rate * market_value_total),  # planted: no `market value <= 0` guard
        ar.state(HealthState.LIQUIDATION_CALL),
        ar.ite_state(
            ar.lt(equity_value, initial_rate * market_value_total),
            ar.state(HealthState.RESTRICTED),
            ar.state(HealthState.HEALTHY),
        ),
    )


HALF_CENT = "0.005"


def short_maintenance_narrow_band(
    ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, leverage: N, extra_rate: N
) -> N:
    """CANARY narrow_price_band: the $5.00 threshold compared on the price rounded half-up to the cent, so prices in
    [$4.995, $5.00) are treated as $5.00. ``round_half_up_cents(price) < 5.00`` is exactly ``price + 0.005 < 5.00``
    for a
    cent-aligned threshold, which is how it is written here so that Z3 and the specialiser can run it; the literal
    ``quantize`` form is in :mod:`canaries.kernels`."""
    zero, one = ar.zero, ar.one
    value = shares * price
    floors = shares * f.leveraged_per_share_factor(ar, r, leverage)
    low = ar.max(r.short_low_per_share * floors, f.leveraged_short_rate(ar, r, r.short_low_rate, leverage) * value)
    high = ar.max(r.short_high_per_share * floors, f.leveraged_short_rate(ar, r, r.short_high_rate, leverage) * value)
    banded_price = price + ar.const(HALF_CENT)  # planted: the comparison sees the half-up cents price
    regulatory = ar.ite(ar.lt(banded_price, r.short_price_threshold), low, high)
    regulatory = ar.max(regulatory, ar.ite(ar.lt(one, leverage), r.leveraged_min_rate, zero) * value)
    return ar.max(regulatory, extra_rate * value)


# --- Decimal-only variants --------------------------------------------------------------------------------------------


def _same_exposure_contract(account: Account, result: Fraction | None) -> bool:
    from margin_rules import valuation

    return (result is None) == (valuation.gross_exposure(account) == 0)


@icontract.ensure(_same_exposure_contract, "the ratio is undefined (None) exactly when there is no exposure")
def equity_ratio_no_guard(account: Account) -> Fraction | None:
    """CANARY missing_zero_exposure_guard (library level): :func:`margin_rules.valuation.equity_ratio` without its
    ``gross == 0`` guard: an account without exposure raises ZeroDivisionError instead of returning None. It carries the
    real function's postcondition, so CrossHair (which checks contracts) has the same thing to check as on the real
    code."""
    from margin_rules import valuation

    gross = valuation.gross_exposure(account)
    return Fraction(valuation.equity(account)) / Fraction(gross)  # planted: no `if gross == 0: return None`


def to_cents_half_up(amount: Decimal, rounding: str = "ROUND_HALF_EVEN") -> Decimal:
    """CANARY rounding_half_up: :func:`margin_rules.money.to_cents` ignoring the requested rounding and always rounding
    half-up, so an amount a customer may take (requested ROUND_FLOOR) can be shown a cent above what is permitted."""
    import decimal

    from margin_rules.money import CENT, CORE_CONTEXT

    with decimal.localcontext(CORE_CONTEXT) as ctx:
        ctx.traps[decimal.Inexact] = False
        ctx.traps[decimal.Rounded] = False
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)  # planted: `rounding` ignored


# --- The canary table -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Canary:
    """One planted bug, how to apply it, and which tool is expected to catch it (with why)."""

    id: str
    description: str
    rule: str
    patches: tuple[tuple[str, str, Callable[..., Any]], ...]
    """(module, attribute, replacement) applied by :meth:`applied`."""
    formula_variants: Mapping[str, Callable[..., Any]]
    """Dotted name of a formula -> its planted variant over ``Arith`` (empty when the bug is not formula-level)."""
    expected: Mapping[str, bool]
    """Tool -> expected to catch."""
    why: Mapping[str, str] = field(default_factory=dict)
    """Tool -> why it is (or is not) expected to catch the canary."""
    crosshair_targets: tuple[str, ...] = ()
    """Contract-carrying functions CrossHair is run on with the canary applied (their own, real contracts)."""
    hypothesis_properties: tuple[str, ...] = ()
    """The property tests (``tests/properties``) expected to catch it (run first; any failure counts)."""

    @contextmanager
    def applied(self) -> Iterator[None]:
        """Monkeypatch the planted variant in for the duration of the block (restored on exit)."""
        saved: list[tuple[Any, str, Any]] = []
        try:
            for module_name, attribute, replacement in self.patches:
                module = importlib.import_module(module_name)
                saved.append((module, attribute, getattr(module, attribute)))
                setattr(module, attribute, replacement)
            clear_specialised_code()
            yield
        finally:
            for module, attribute, original in reversed(saved):
                setattr(module, attribute, original)
            clear_specialised_code()


def clear_specialised_code() -> None:
    """Forget the specialised requirement code generated from the formulas (regenerated on next use), so that a
    patched formula (a canary, or a mutmut mutant) is the one that runs. No-op if the core has no such memo."""
    requirements = importlib.import_module("margin_rules.requirements")
    for name in ("_BY_ID", "_BY_VALUE"):
        memo = getattr(requirements, name, None)
        if isinstance(memo, dict):
            memo.clear()


def _expect(z3: bool, crosshair: bool, hypothesis: bool, mutation: bool) -> Mapping[str, bool]:
    return MappingProxyType({"z3": z3, "crosshair": crosshair, "hypothesis": hypothesis, "mutation": mutation})


_F = "margin_rules.formulas"

CANARIES: tuple[Canary, ...] = (
    Canary(
        id="wrong_long_rate",
        description="long maintenance rate 20% instead of the rule set's 25% (FINRA) / 30% (Alpaca)",
        rule="FINRA Rule 4210(c)(1)",
        patches=((_F, "long_maintenance_rate", long_maintenance_rate_20),),
        formula_variants=MappingProxyType({f"{_F}.long_maintenance_rate": long_maintenance_rate_20}),
        expected=_expect(True, False, True, True),
        why=MappingProxyType(
            {
                "z3": "SOLVENCY/SEED EQUIVALENCE tie the long requirement to the rate parameter",
                "crosshair": "no contract of the core states the long rate (contracts state floors, signs and "
                "orderings, not the rate table); CrossHair checks contracts only",
                "hypothesis": "the Fraction oracle recomputes every requirement from the rulebook's rates",
                "mutation": "the oracle/threshold examples in the mutation test selection fail",
            }
        ),
        crosshair_targets=("margin_rules.requirements.position_maintenance",),
        hypothesis_properties=("test_position_requirements_match_fraction_oracle",),
    ),
    Canary(
        id="short_floor_sign",
        description="seed bug: short per-share floor computed on the signed (negative) quantity, so it never binds",
        rule="FINRA Rule 4210(c)(2)(A)-(B)",
        patches=((_F, "short_maintenance", short_maintenance_sign_error),),
        formula_variants=MappingProxyType({f"{_F}.short_maintenance": short_maintenance_sign_error}),
        expected=_expect(True, True, True, True),
        why=MappingProxyType(
            {
                "z3": "SHORT FLOORS states the per-share floor",
                "crosshair": "position_maintenance's postcondition states the per-share floor; CrossHair builds a "
                "short at a price where 30% (or 100%) of CMV is below the floor",
                "hypothesis": "SHORT FLOORS property and the Fraction oracle, with examples at $4.99/$5.00/$16.67",
                "mutation": "the threshold examples fail",
            }
        ),
        crosshair_targets=("margin_rules.requirements.position_maintenance",),
        hypothesis_properties=("test_short_floors",),
    ),
    Canary(
        id="health_boundary_le",
        description="`equity < maintenance` turned into `<=`: equity exactly at maintenance classified "
        "LIQUIDATION_CALL",
        rule="FINRA Rule 4210(c); seed 001 boundaries",
        patches=((_F, "classify", classify_le),),
        formula_variants=MappingProxyType({f"{_F}.classify": classify_le}),
        expected=_expect(True, True, True, True),
        why=MappingProxyType(
            {
                "z3": "BOUNDARIES: equity = maintenance must be RESTRICTED",
                "crosshair": "health.classify's postcondition is exact (LIQUIDATION_CALL iff equity < maintenance); "
                "CrossHair solves equity == maintenance",
                "hypothesis": "explicit @example at equity exactly at maintenance (random data almost never hits it)",
                "mutation": "the boundary examples fail",
            }
        ),
        crosshair_targets=("margin_rules.health.classify",),
        hypothesis_properties=("test_classify_boundaries",),
    ),
    Canary(
        id="missing_zero_exposure_guard",
        description="equity ratio without the zero-exposure guard (divides by zero); ratio rule without its guard",
        rule="seed 001 (ratio undefined without positions)",
        patches=(("margin_rules.valuation", "equity_ratio", equity_ratio_no_guard),),
        formula_variants=MappingProxyType({f"{_F}.ratio_classify": ratio_classify_no_guard}),
        expected=_expect(True, True, True, True),
        why=MappingProxyType(
            {
                "z3": "SEED EQUIVALENCE/COVERAGE over accounts without positions and negative equity",
                "crosshair": "an empty account is the first input CrossHair tries: ZeroDivisionError is reported",
                "hypothesis": "example: account without positions",
                "mutation": "the no-position example fails",
            }
        ),
        crosshair_targets=("margin_rules.valuation.equity_ratio",),
        hypothesis_properties=("test_equity_ratio",),
    ),
    Canary(
        id="rounding_half_up",
        description="presentation rounding to cents ignores the requested mode (always ROUND_HALF_UP): a withdrawable "
        "amount can be shown one cent above the permitted maximum",
        rule="house rule: presentation rounding never on the unsafe side (money.to_cents)",
        patches=(("margin_rules.money", "to_cents", to_cents_half_up),),
        formula_variants=MappingProxyType({}),
        expected=_expect(False, False, True, True),
        why=MappingProxyType(
            {
                "z3": "presentation rounding is not part of the formulas the proofs cover",
                "crosshair": "to_cents carries no contract, so CrossHair has nothing to check",
                "hypothesis": "property: the floor-rounded maximum withdrawal is always permitted, and "
                "floor <= amount <= ceiling",
                "mutation": "the to_cents examples fail",
            }
        ),
        crosshair_targets=(),
        hypothesis_properties=("test_to_cents_safe_side", "test_shown_withdrawal_is_permitted"),
    ),
    Canary(
        id="narrow_price_band",
        description="$5.00 short threshold compared on the half-up cents price: prices in [$4.995, $5.00) get the "
        ">= $5 floor",
        rule="FINRA Rule 4210(c)(2)(A)-(B)",
        patches=((_F, "short_maintenance", short_maintenance_narrow_band),),
        formula_variants=MappingProxyType({f"{_F}.short_maintenance": short_maintenance_narrow_band}),
        expected=_expect(True, False, True, True),
        why=MappingProxyType(
            {
                "z3": "SHORT FLOORS 'equals the greater of the two' over real prices finds 4.995 <= p < 5",
                "crosshair": "the bug is on the conservative side ($5.00/share instead of max($2.50, 100%)): no "
                "contract of position_maintenance is violated. The kernels in canaries.kernels state the exact rule "
                "and are "
                "checked separately (Decimal and int)",
                "hypothesis": "explicit @example at $4.995/$4.999 (a half-cent band random prices almost never hit)",
                "mutation": "the $4.995 example fails",
            }
        ),
        crosshair_targets=("margin_rules.requirements.position_maintenance",),
        hypothesis_properties=("test_short_floors", "test_position_requirements_match_fraction_oracle"),
    ),
)
"""The canaries, in a fixed order."""

BY_ID: Mapping[str, Canary] = MappingProxyType({c.id: c for c in CANARIES})

FORMULA_CANARIES: tuple[dict[str, Any], ...] = tuple(
    {"id": c.id, "description": c.description, "rule": c.rule, "replaces": name, "variant": variant}
    for c in CANARIES
    for name, variant in c.formula_variants.items()
)
"""Formula-level canaries as data, for the Z3 stage: ``replaces`` is the dotted name of the formula, ``variant`` the
planted function with the same signature (written over ``Arith``)."""


def canary(canary_id: str) -> Canary:
    """The canary with this id (KeyError if unknown)."""
    return BY_ID[canary_id]


def expected_caught(tool: str) -> dict[str, bool]:
    """canary id -> expected caught, for one tool."""
    if tool not in TOOLS:
        raise KeyError(tool)
    return {c.id: c.expected[tool] for c in CANARIES}


# Keep a reference so linters see the formulas import used (the variants mirror these functions line for line).
_MIRRORS = (f.long_maintenance_rate, f.short_maintenance, f.classify, f.ratio_classify)
