"""An exact, independent oracle of the margin arithmetic, written with ``fractions.Fraction`` from the rulebook text.

It does not call ``margin_rules.formulas`` (nor any core computation): the rule table below is typed in from
``docs/rules.md`` (equity, requirements, Reg T, health) and each function restates a rule in the most direct way,
branching with ``if`` where the rulebook says "if". Only the *inputs* come from the core's model objects (their
fields are
read and converted to ``Fraction``). A property compares the library with this oracle for exact equality.

The oracle is keyed by preset *name*, so it is also a spec-mutation test of the presets in ``margin_rules.rulesets``: a
preset constant changed in the code (by hand or by mutmut) disagrees with the rulebook value here.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction as Fr
from typing import Any

# --- The rule table, from the rulebook -------------------------------------------------------------------------------

RULEBOOK: dict[str, dict[str, Fr]] = {
    # FINRA 4210 + Reg T 220.12 (rulebook sections 2, 3, 5, 6)
    "finra": {
        "initial_long_rate": Fr(1, 2),  # 220.12(a) 50%
        "initial_short_rate": Fr(1, 2),  # 220.12(c)(1) 150% incl. proceeds = 50% equity
        "initial_nonmarginable_rate": Fr(1),  # 220.12(e) 100%
        "maintenance_long_rate": Fr(1, 4),  # 4210(c)(1) 25%
        "long_low_price_threshold": Fr(0),  # FINRA has no long price band
        "long_low_price_rate": Fr(1),
        "maintenance_nonmarginable_rate": Fr(1),  # SR-FINRA-2012-024
        "short_price_threshold": Fr(5),  # 4210(c)(2): $5.00
        "short_low_per_share": Fr(5, 2),  # $2.50 / share
        "short_low_rate": Fr(1),  # 100%
        "short_high_per_share": Fr(5),  # $5.00 / share
        "short_high_rate": Fr(3, 10),  # 30%
        "leveraged_min_rate": Fr(0),
        "leveraged_per_share_multiplied": Fr(0),  # Notice 09-53's figures: per-share minimums not multiplied
        "leveraged_short_rate_cap": Fr(0),  # Notice 09-53's figures: no cap on the short percentage
        "minimum_equity": Fr(2000),  # 4210(b)(1)
        "overnight_multiplier": Fr(2),  # 1 / 50%
        "day_trading_multiplier": Fr(4),  # 4210(f)(8)(B)(iv)
        "pattern_day_trader_minimum_equity": Fr(25000),
        "intraday_multiplier": Fr(4),  # 1 / 25%
    },
}
# Alpaca (rulebook section 4): 30% long >= $2.50, 100% below $2.50, 100% for 2x/3x leveraged ETFs; FINRA short floors.
RULEBOOK["alpaca"] = {
    **RULEBOOK["finra"],
    "maintenance_long_rate": Fr(3, 10),
    "long_low_price_threshold": Fr(5, 2),
    "long_low_price_rate": Fr(1),
    "leveraged_min_rate": Fr(1),
    "intraday_multiplier": Fr(3),
}


def fr(value: Any) -> Fr:
    """A Decimal/int/str as an exact Fraction."""
    return Fr(value)


def table(rules: Any) -> dict[str, Fr]:
    """The rulebook table of the preset the rule set derives from (by name; ``finra+house`` -> ``finra``)."""
    return RULEBOOK[rules.name.split("+")[0]]


# --- Requirements -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Req:
    maintenance: Fr
    initial: Fr


def position_req(rules: Any, qty: Any, price: Any, marginable: bool, leverage: Any, house: Fr = Fr(0)) -> Req:
    """Maintenance and initial requirement of one position, from the rule text (sections 2 and 3)."""
    t = table(rules)
    q, p, lev = fr(qty), fr(price), fr(leverage)
    if q == 0:
        return Req(Fr(0), Fr(0))
    if q > 0:
        value = q * p
        if not marginable:
            rate = t["maintenance_nonmarginable_rate"]
        else:
            base = t["long_low_price_rate"] if p < t["long_low_price_threshold"] else t["maintenance_long_rate"]
            rate = min(base * lev, Fr(1))  # leveraged ETP: rate x factor, long capped at 100%
            if lev > 1:
                rate = max(rate, t["leveraged_min_rate"])
        rate = max(rate, house)  # house layer: the maximum of the layers
        maintenance = rate * value
        regt = (t["initial_long_rate"] if marginable else t["initial_nonmarginable_rate"]) * value
        return Req(maintenance, max(regt, maintenance))
    shares = -q
    value = shares * p
    # Regulatory Notice 09-53: the short *percentage* times the factor (30% x 3 = 90%); the per-share minimums stay
    # as they are unless the rule set multiplies them, and the percentage is capped only when the rule set caps it.
    per_share = lev if t["leveraged_per_share_multiplied"] == 1 else Fr(1)
    cap = t["leveraged_short_rate_cap"]

    def pct(rate: Fr) -> Fr:
        return min(rate * lev, cap) if cap > 0 else rate * lev

    if p < t["short_price_threshold"]:
        regulatory = max(t["short_low_per_share"] * per_share * shares, pct(t["short_low_rate"]) * value)
    else:
        regulatory = max(t["short_high_per_share"] * per_share * shares, pct(t["short_high_rate"]) * value)
    if lev > 1:
        regulatory = max(regulatory, t["leveraged_min_rate"] * value)
    maintenance = max(regulatory, house * value)
    return Req(maintenance, max(t["initial_short_rate"] * value, maintenance))


def house_rates(account: Any, rules: Any) -> list[Fr]:
    """The house-layer rate of each position (4210(d)(1)): house rate, per-symbol override, concentration add-on."""
    house = rules.house
    if house is None:
        return [Fr(0) for _ in account.positions]
    gross = sum((abs(fr(p.quantity)) * fr(p.price) for p in account.positions), Fr(0))
    out = []
    for p in account.positions:
        rate = fr(house.maintenance_rate) if house.maintenance_rate is not None else Fr(0)
        if p.symbol in house.symbol_rates:
            rate = max(rate, fr(house.symbol_rates[p.symbol]))
        if (
            house.concentration_threshold is not None
            and abs(fr(p.quantity)) * fr(p.price) > fr(house.concentration_threshold) * gross
        ):
            rate = max(rate, fr(house.concentration_rate))
        out.append(rate)
    return out


@dataclass(frozen=True)
class Figures:
    cash: Fr
    long_mv: Fr
    short_mv: Fr
    equity: Fr
    gross: Fr
    maintenance: Fr
    initial: Fr
    has_positions: bool
    has_shorts: bool
    per_position: tuple[Req, ...]


def account_figures(account: Any, rules: Any) -> Figures:
    reqs = tuple(
        position_req(rules, p.quantity, p.price, p.marginable, p.leverage, h)
        for p, h in zip(account.positions, house_rates(account, rules), strict=True)
    )
    long_mv = sum((fr(p.quantity) * fr(p.price) for p in account.positions if p.quantity > 0), Fr(0))
    short_mv = sum((fr(p.quantity) * fr(p.price) for p in account.positions if p.quantity < 0), Fr(0))
    cash = fr(account.cash)
    return Figures(
        cash=cash,
        long_mv=long_mv,
        short_mv=short_mv,
        equity=cash + long_mv + short_mv,  # Reg T 220.2, Alpaca convention (short_mv <= 0)
        gross=long_mv - short_mv,
        maintenance=sum((r.maintenance for r in reqs), Fr(0)),
        initial=sum((r.initial for r in reqs), Fr(0)),
        has_positions=any(p.quantity != 0 for p in account.positions),
        has_shorts=any(p.quantity < 0 for p in account.positions),
        per_position=reqs,
    )


# --- Health (section 8, seed 001 boundaries) --------------------------------------------------------------------------


def classify(has_positions: bool, equity: Fr, maintenance: Fr, initial: Fr) -> str:
    if not has_positions:
        return "HEALTHY"
    if equity < maintenance:
        return "LIQUIDATION_CALL"
    if equity < initial:
        return "RESTRICTED"
    return "HEALTHY"


def seed_ratio_classify(gross: Fr, equity: Fr, maintenance_rate: Fr, initial_rate: Fr) -> str:
    """Seed 001 verbatim: ratio = equity / market value (an exact Fraction division here)."""
    if gross == 0:
        return "HEALTHY"
    ratio = equity / gross
    if ratio < maintenance_rate:
        return "LIQUIDATION_CALL"
    if ratio < initial_rate:
        return "RESTRICTED"
    return "HEALTHY"


# --- Withdrawals (section 5: Reg T 220.4(e), FINRA 4210(b)) ----------------------------------------------------------


def withdrawal_permitted(fig: Figures, rules: Any, amount: Fr) -> bool:
    """The rule as a decision on one amount (not a maximum):

    * KEEP_INITIAL (seed 001): afterwards equity >= the initial requirement.
    * REGULATORY: afterwards no Reg T deficiency (equity >= initial, which includes maintenance) and, when credit is
      used (the withdrawal leaves a debit, or there is a short), equity >= max($2,000, maintenance).
    """
    if amount <= 0:
        return False
    after = fig.equity - amount
    if rules.withdrawal_rule.value == "keep_initial":
        return after >= max(fig.initial, fig.maintenance)
    if after < max(fig.initial, fig.maintenance):
        return False
    credit_used = fig.has_shorts or fig.cash - amount < 0
    if not credit_used:
        return True
    return fig.has_positions and after >= max(table(rules)["minimum_equity"], fig.maintenance)


def max_withdrawal(fig: Figures, rules: Any) -> Fr:
    """The supremum of the permitted amounts, derived from :func:`withdrawal_permitted` (a closed interval from 0)."""
    keep = max(fig.initial, fig.maintenance)
    if rules.withdrawal_rule.value == "keep_initial":
        return max(fig.equity - keep, Fr(0))
    candidates = [Fr(0)]
    if not fig.has_shorts:  # amounts within the credit cash use no credit
        candidates.append(min(max(fig.cash, Fr(0)), fig.equity - keep))
    if fig.has_positions:
        candidates.append(fig.equity - max(table(rules)["minimum_equity"], keep))
    return max(candidates)


# --- Buying power (sections 4 to 6) -----------------------------------------------------------------------------------


def buying_power(fig: Figures, rules: Any, account: Any, reserved: Fr) -> dict[str, Fr | None]:
    t = table(rules)

    def net(x: Fr) -> Fr:
        return max(x - reserved, Fr(0))

    legacy: Fr | None = None
    if account.prior_equity is not None and account.prior_maintenance is not None:
        legacy = net(t["day_trading_multiplier"] * max(fr(account.prior_equity) - fr(account.prior_maintenance), Fr(0)))
    return {
        "cash": net(max(fig.cash, Fr(0))),
        "reg_t": net(t["overnight_multiplier"] * max(fig.equity - fig.initial, Fr(0))),
        "sma": net(t["overnight_multiplier"] * max(fr(account.sma), Fr(0))),
        "legacy_day_trading": legacy,
        "intraday": net(t["intraday_multiplier"] * max(fig.equity - fig.maintenance, Fr(0))),
        "intraday_margin_level": fig.equity - fig.maintenance,
    }
