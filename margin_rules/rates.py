"""The numeric parameters of a rule set, generic over the number domain, and their invariants.

``Rates`` holds every rate, floor and threshold the formulas use. The library instantiates it with ``Decimal``
(:mod:`margin_rules.rulesets` validates and cites each field); the proofs instantiate the same class with symbolic Z3
reals, so that a theorem holds for *every* rule set satisfying :func:`rate_invariants`, not only for the presets.

The invariants are written once, over :class:`~margin_rules.arith.Arith`: the rule-set constructor checks them on
Decimals and the proofs assume them as premises (and drop them one at a time to show each is necessary).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic

from margin_rules.arith import Arith, B, N, S


@dataclass(frozen=True, slots=True)
class Rates(Generic[N]):
    """Every numeric parameter of a rule set. Rates are fractions of current market value (0.25 = 25%)."""

    initial_long_rate: N
    """Reg T 12 CFR 220.12(a): initial margin on a margin equity security held long (50%)."""
    initial_short_rate: N
    """Reg T 12 CFR 220.12(c)(1): 150% of a short's value incl. the proceeds, i.e. equity of 50% of it."""
    initial_nonmarginable_rate: N
    """Reg T 12 CFR 220.12(e): non-margin equity security, 100%."""
    maintenance_long_rate: N
    """FINRA 4210(c)(1): long maintenance, 25% of CMV (house rules may raise it, 4210(d)(1))."""
    long_low_price_threshold: N
    """Below this price a long carries ``long_low_price_rate`` (Alpaca: $2.50; FINRA: 0, i.e. no band)."""
    long_low_price_rate: N
    """Long maintenance below ``long_low_price_threshold`` (Alpaca: 100%)."""
    maintenance_nonmarginable_rate: N
    """Non-margin-eligible equity held long: 100% of CMV (FINRA 4210, SR-FINRA-2012-024)."""
    short_price_threshold: N
    """FINRA 4210(c)(2)(A)/(B): the price ($5.00) that separates the two short-sale floors."""
    short_low_per_share: N
    """FINRA 4210(c)(2)(A): short below $5.00: at least $2.50 per share."""
    short_low_rate: N
    """FINRA 4210(c)(2)(A): short below $5.00: at least 100% of CMV."""
    short_high_per_share: N
    """FINRA 4210(c)(2)(B): short at or above $5.00: at least $5.00 per share."""
    short_high_rate: N
    """FINRA 4210(c)(2)(B): short at or above $5.00: at least 30% of CMV."""
    leveraged_min_rate: N
    """Floor rate for leveraged ETPs, long or short (Alpaca: 100% for 2x/3x ETFs; FINRA: 0, the factor rule applies)."""
    leveraged_per_share_multiplied: N
    """Leveraged ETP shorts: 1 multiplies the $2.50/$5.00 per-share minimums by the leverage factor (a broker reading);
    0 keeps them as they are (FINRA Regulatory Notice 09-53's figures multiply the percentage only: the default)."""
    leveraged_short_rate_cap: N
    """Leveraged ETP shorts: a cap on the multiplied short percentage (1 = 100%, a broker reading); 0 = no cap (the
    Notice's figures: 30% x 3 = 90%, 100% x 3 = 300% below $5.00; the default)."""
    minimum_equity: N
    """FINRA 4210(b)(1): $2,000 minimum equity (capped at the cost of a purchase)."""
    overnight_multiplier: N
    """Reg T overnight buying power multiplier: 2 x excess over initial (= 1 / 50%); Alpaca ``regt_buying_power``."""
    day_trading_multiplier: N
    """Legacy FINRA 4210(f)(8)(B)(iv): day-trading buying power = 4 x (prior equity - prior maintenance)."""
    pattern_day_trader_minimum_equity: N
    """Legacy FINRA 4210(f)(8)(B)(iv)(a): $25,000 minimum equity for a pattern day trader."""
    intraday_multiplier: N
    """Display multiplier of the intraday margin level under FINRA 4210(d)(2) (4 = 1 / 25% long maintenance)."""

    def as_tuple(self) -> tuple[N, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


RATE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Rates))


def rate_invariants(ar: Arith[N, B, S], r: Rates[N]) -> dict[str, B]:
    """The rule-set invariants, by name. Each is a truth value of the domain.

    The proofs rely on them (``PARAMETER NECESSITY`` shows, for each one it uses, a counterexample without it).
    """
    zero, one = ar.const(0), ar.const(1)
    return {
        "initial_long_rate_in_(0,1]": ar.and_(ar.lt(zero, r.initial_long_rate), ar.le(r.initial_long_rate, one)),
        "initial_short_rate_in_(0,1]": ar.and_(ar.lt(zero, r.initial_short_rate), ar.le(r.initial_short_rate, one)),
        "initial_nonmarginable_rate_in_(0,1]": ar.and_(
            ar.lt(zero, r.initial_nonmarginable_rate), ar.le(r.initial_nonmarginable_rate, one)
        ),
        "0<maintenance_long_rate<=initial_long_rate": ar.and_(
            ar.lt(zero, r.maintenance_long_rate), ar.le(r.maintenance_long_rate, r.initial_long_rate)
        ),
        "initial_long_rate<=initial_nonmarginable_rate": ar.le(r.initial_long_rate, r.initial_nonmarginable_rate),
        "maintenance_nonmarginable_rate_in_(0,initial_nonmarginable_rate]": ar.and_(
            ar.lt(zero, r.maintenance_nonmarginable_rate),
            ar.le(r.maintenance_nonmarginable_rate, r.initial_nonmarginable_rate),
        ),
        "maintenance_long_rate<=long_low_price_rate<=1": ar.and_(
            ar.le(r.maintenance_long_rate, r.long_low_price_rate), ar.le(r.long_low_price_rate, one)
        ),
        "long_low_price_threshold>=0": ar.le(zero, r.long_low_price_threshold),
        "short_price_threshold>0": ar.lt(zero, r.short_price_threshold),
        "short_floors_per_share>=0": ar.and_(ar.le(zero, r.short_low_per_share), ar.le(zero, r.short_high_per_share)),
        "short_rates>0": ar.and_(ar.lt(zero, r.short_low_rate), ar.lt(zero, r.short_high_rate)),
        "leveraged_min_rate_in_[0,1]": ar.and_(ar.le(zero, r.leveraged_min_rate), ar.le(r.leveraged_min_rate, one)),
        "leveraged_per_share_multiplied_in_{0,1}": ar.or_(
            ar.eq(r.leveraged_per_share_multiplied, zero), ar.eq(r.leveraged_per_share_multiplied, one)
        ),
        "leveraged_short_rate_cap=0_or>=short_rates": ar.or_(
            ar.eq(r.leveraged_short_rate_cap, zero),
            ar.and_(
                ar.le(r.short_low_rate, r.leveraged_short_rate_cap),
                ar.le(r.short_high_rate, r.leveraged_short_rate_cap),
            ),
        ),
        "minimum_equity>=0": ar.le(zero, r.minimum_equity),
        "overnight_multiplier*initial_long_rate<=1": ar.and_(
            ar.le(one, r.overnight_multiplier), ar.le(r.overnight_multiplier * r.initial_long_rate, one)
        ),
        "day_trading_multiplier>=1": ar.le(one, r.day_trading_multiplier),
        "pattern_day_trader_minimum_equity>=0": ar.le(zero, r.pattern_day_trader_minimum_equity),
        "intraday_multiplier*maintenance_long_rate<=1": ar.and_(
            ar.le(one, r.intraday_multiplier), ar.le(r.intraday_multiplier * r.maintenance_long_rate, one)
        ),
    }
