"""One-function kernels of the narrow-band canary, for measuring CrossHair on ``Decimal.quantize`` versus integers.

Each kernel is the maintenance requirement *per share* of a FINRA 4210(c)(2) short at ``price`` (the greater of $2.50 or
100% below $5.00; the greater of $5.00 or 30% at or above), with a postcondition that states the rule. The correct
kernels call the real formula (:func:`margin_rules.formulas.short_maintenance` for one share); the planted kernels
decide
the band on the price rounded half-up to the cent (``quantize``), so [$4.995, $5.00) is treated as $5.00.

The integer kernels compute the same thing in *mills* (thousandths of a dollar) with integer arithmetic only: the
rounding
half-up to cents is ``(mills + 5) // 10``. Result units: mills of requirement per share x 100 (so that 30% is exact).

The preconditions restate the bounds of :mod:`margin_rules.money` (price <= 10**9, at most 10 decimal places), without
which a Decimal input could be made to round (CrossHair finds such inputs immediately).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import icontract

from margin_rules import formulas
from margin_rules.arith import DECIMAL
from margin_rules.money import MAX_PLACES, MAX_PRICE, ONE, ZERO, exact, to_cents
from margin_rules.rulesets import finra

_RATES = finra().rates
_FIVE = Decimal("5.00")
_LOW = Decimal("2.50")
_HIGH_RATE = Decimal("0.30")


def _in_bounds(price: Decimal) -> bool:
    exponent = price.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -MAX_PLACES and ZERO < price <= MAX_PRICE


def _rule(price: Decimal, result: Decimal) -> bool:
    """The rule text: below $5.00 max($2.50, price); at or above max($5.00, 30% x price)."""
    with exact():
        if price < _FIVE:
            return result == max(_LOW, price)
        return result == max(_FIVE, _HIGH_RATE * price)


@icontract.require(lambda price: _in_bounds(price), "price within the bounds of margin_rules.money")
@icontract.ensure(lambda price, result: _rule(price, result), "per-share short requirement follows 4210(c)(2)")
def short_per_share_decimal(price: Decimal) -> Decimal:
    """Correct kernel: the real formula for one share."""
    with exact():
        return formulas.short_maintenance(DECIMAL, _RATES, ONE, price, ONE, ZERO)


@icontract.require(lambda price: _in_bounds(price), "price within the bounds of margin_rules.money")
@icontract.ensure(lambda price, result: _rule(price, result), "per-share short requirement follows 4210(c)(2)")
def short_per_share_decimal_narrow_band(price: Decimal) -> Decimal:
    """CANARY narrow_price_band over Decimal: the band is decided on ``to_cents(price, ROUND_HALF_UP)`` (quantize)."""
    with exact():
        banded = to_cents(price, ROUND_HALF_UP)  # planted
        if banded < _FIVE:
            return max(_LOW, price)
        return max(_FIVE, _HIGH_RATE * price)


def _rule_int(mills: int, result: int) -> bool:
    if mills < 5000:
        return result == max(2500, mills) * 100
    return result == max(500000, 30 * mills)


@icontract.require(lambda mills: 0 < mills <= 10**12, "price in mills within the bounds of margin_rules.money")
@icontract.ensure(lambda mills, result: _rule_int(mills, result), "per-share short requirement follows 4210(c)(2)")
def short_per_share_int(mills: int) -> int:
    """Correct kernel over integers (mills; result in mills x 100)."""
    if mills < 5000:
        return max(2500, mills) * 100
    return max(500000, 30 * mills)


@icontract.require(lambda mills: 0 < mills <= 10**12, "price in mills within the bounds of margin_rules.money")
@icontract.ensure(lambda mills, result: _rule_int(mills, result), "per-share short requirement follows 4210(c)(2)")
def short_per_share_int_narrow_band(mills: int) -> int:
    """CANARY narrow_price_band over integers: the band is decided on the half-up cents price ``(mills + 5) // 10``."""
    cents = (mills + 5) // 10  # planted
    if cents < 500:
        return max(2500, mills) * 100
    return max(500000, 30 * mills)


KERNELS: tuple[tuple[str, str, bool], ...] = (
    ("canaries.kernels.short_per_share_decimal", "correct, Decimal", False),
    ("canaries.kernels.short_per_share_decimal_narrow_band", "narrow band, Decimal quantize", True),
    ("canaries.kernels.short_per_share_int", "correct, integers", False),
    ("canaries.kernels.short_per_share_int_narrow_band", "narrow band, integers", True),
)
"""(target, description, planted) of each kernel."""
