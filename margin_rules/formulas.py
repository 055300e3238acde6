"""Every margin rule of the core, written once over :class:`~margin_rules.arith.Arith`.

These functions are the single source of each formula. The public functions of the library (``requirements``,
``health``, ``buying_power``, ``withdrawal``...) validate inputs, call them with the Decimal domain and attach the
icontract contracts; the Z3 proofs call the very same functions with a symbolic domain. Nothing here divides, rounds,
reads state or performs I/O.

Conventions: ``qty`` is a signed share quantity (negative = short); ``shares`` is a non-negative magnitude; ``price`` is
the current market value per share (FINRA 4210(a)(2)); ``extra_rate`` is the highest house-layer rate that applies to
the position (house rate, per-symbol override, concentration add-on: FINRA 4210(d)(1)), 0 when there is none.
"""

from __future__ import annotations

from collections.abc import Iterable

from margin_rules.arith import Arith, B, N, S
from margin_rules.health_state import HealthState
from margin_rules.rates import Rates

# --- 1. Market values and equity -------------------------------------------------------------------------------


def market_value(qty: N, price: N) -> N:
    """Signed market value of a position: qty x price (negative for a short). FINRA 4210(a)(2)."""
    return qty * price


def long_part(ar: Arith[N, B, S], qty: N) -> N:
    """The long share count of a signed quantity: max(qty, 0)."""
    return ar.max(qty, ar.zero)


def short_part(ar: Arith[N, B, S], qty: N) -> N:
    """The short share count (a magnitude) of a signed quantity: max(-qty, 0)."""
    return ar.max(ar.zero - qty, ar.zero)


def equity(cash: N, long_market_value: N, short_market_value: N) -> N:
    """Equity = cash + long market value + short market value (short <= 0). Reg T 220.2; Alpaca ``equity``."""
    return cash + long_market_value + short_market_value


# --- 3. Maintenance requirement per share ---------------------------------------------------------------------


def long_maintenance_rate(ar: Arith[N, B, S], r: Rates[N], price: N, marginable: B, leverage: N, extra_rate: N) -> N:
    """Maintenance rate of a long position, as a fraction of its market value.

    FINRA 4210(c)(1) 25% (or the preset's rate), the price band below ``long_low_price_threshold`` (Alpaca: 100% below
    $2.50), 100% for non-margin equity (SR-FINRA-2012-024), leveraged ETPs at rate x factor capped at 100%
    (Regulatory Notice 09-53) and at least ``leveraged_min_rate``, then the house layers (4210(d)(1)).
    """
    zero, one = ar.zero, ar.one
    banded = ar.ite(ar.lt(price, r.long_low_price_threshold), r.long_low_price_rate, r.maintenance_long_rate)
    leveraged = ar.min(banded * leverage, one)
    leveraged = ar.max(leveraged, ar.ite(ar.lt(one, leverage), r.leveraged_min_rate, zero))
    regulatory = ar.ite(marginable, leveraged, r.maintenance_nonmarginable_rate)
    return ar.max(regulatory, extra_rate)


def long_maintenance(
    ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, marginable: B, leverage: N, extra_rate: N
) -> N:
    """Maintenance requirement of ``shares`` (>= 0) held long at ``price``: rate x market value."""
    return long_maintenance_rate(ar, r, price, marginable, leverage, extra_rate) * (shares * price)


def leveraged_short_rate(ar: Arith[N, B, S], r: Rates[N], rate: N, leverage: N) -> N:
    """A short percentage of a leveraged ETP: ``rate`` times the leverage factor (FINRA Regulatory Notice 09-53:
    30% x 3 = 90%), capped at ``leveraged_short_rate_cap`` when the rule set sets one (a broker reading; 0 = no cap,
    the Notice's figures). Unleveraged (factor 1) it is ``rate`` (the invariant keeps a cap at or above it)."""
    multiplied = rate * leverage
    return ar.ite(
        ar.lt(ar.zero, r.leveraged_short_rate_cap), ar.min(multiplied, r.leveraged_short_rate_cap), multiplied
    )


def leveraged_per_share_factor(ar: Arith[N, B, S], r: Rates[N], leverage: N) -> N:
    """What the $2.50/$5.00 per-share short minimums of FINRA 4210(c)(2) are multiplied by for a leveraged ETP: 1 by
    default (Regulatory Notice 09-53 multiplies the percentage only), the leverage factor when the rule set's
    ``leveraged_per_share_multiplied`` is 1 (a broker reading)."""
    return ar.ite(ar.lt(ar.zero, r.leveraged_per_share_multiplied), leverage, ar.one)


def short_maintenance(ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, leverage: N, extra_rate: N) -> N:
    """Maintenance requirement of ``shares`` (>= 0) sold short at ``price``. FINRA 4210(c)(2).

    Below $5.00: the greater of $2.50 per share or 100% of CMV; at or above $5.00: the greater of $5.00 per share or
    30% of CMV. The per-share floors apply per (fractional) share. Leveraged ETPs (Regulatory Notice 09-53): the
    percentage times the factor (:func:`leveraged_short_rate`), the per-share minimums as they are unless the rule set
    multiplies them (:func:`leveraged_per_share_factor`), at least ``leveraged_min_rate``; house layers on top
    (4210(d)(1)). A 3x short at $10: max($5.00, 90% x $10) = $9.00 a share by default, $15.00 when the minimums are
    multiplied.
    """
    zero, one = ar.zero, ar.one
    value = shares * price
    floors = shares * leveraged_per_share_factor(ar, r, leverage)
    low = ar.max(r.short_low_per_share * floors, leveraged_short_rate(ar, r, r.short_low_rate, leverage) * value)
    high = ar.max(r.short_high_per_share * floors, leveraged_short_rate(ar, r, r.short_high_rate, leverage) * value)
    regulatory = ar.ite(ar.lt(price, r.short_price_threshold), low, high)
    regulatory = ar.max(regulatory, ar.ite(ar.lt(one, leverage), r.leveraged_min_rate, zero) * value)
    return ar.max(regulatory, extra_rate * value)


def position_maintenance(
    ar: Arith[N, B, S], r: Rates[N], qty: N, price: N, marginable: B, leverage: N, extra_rate: N
) -> N:
    """Maintenance requirement of a signed position (long part + short part; one of them is zero)."""
    return long_maintenance(ar, r, long_part(ar, qty), price, marginable, leverage, extra_rate) + short_maintenance(
        ar, r, short_part(ar, qty), price, leverage, extra_rate
    )


# --- 2. Initial requirement ---------------------------------------------------------------------------------------


def long_regt_initial(ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, marginable: B) -> N:
    """Reg T initial requirement of a long: 50% of CMV (220.12(a)), 100% if not margin stock (220.12(e))."""
    return ar.ite(marginable, r.initial_long_rate, r.initial_nonmarginable_rate) * (shares * price)


def short_regt_initial(r: Rates[N], shares: N, price: N) -> N:
    """Reg T initial requirement of a short, in equity terms: 50% of CMV (220.12(c)(1): 150% incl. proceeds)."""
    return r.initial_short_rate * (shares * price)


def long_requirements(
    ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, marginable: B, leverage: N, extra_rate: N
) -> tuple[N, N]:
    """(maintenance, initial) of ``shares`` (>= 0) held long: initial = max(Reg T, maintenance), 4210(b)(1)."""
    maintenance = long_maintenance(ar, r, shares, price, marginable, leverage, extra_rate)
    return maintenance, ar.max(long_regt_initial(ar, r, shares, price, marginable), maintenance)


def short_requirements(ar: Arith[N, B, S], r: Rates[N], shares: N, price: N, leverage: N, extra_rate: N) -> tuple[N, N]:
    """(maintenance, initial) of ``shares`` (>= 0) sold short: initial = max(Reg T, maintenance), 4210(b)(1)."""
    maintenance = short_maintenance(ar, r, shares, price, leverage, extra_rate)
    return maintenance, ar.max(short_regt_initial(r, shares, price), maintenance)


def position_requirements(
    ar: Arith[N, B, S], r: Rates[N], qty: N, price: N, marginable: B, leverage: N, extra_rate: N
) -> tuple[N, N]:
    """(maintenance, initial) of a signed position: its long part plus its short part (one of them is zero).

    The library's account loop calls :func:`long_requirements` or :func:`short_requirements` directly by the sign of the
    quantity (the other part is zero); the proofs use this branch-free sum, and prove both agree.
    """
    long_m, long_i = long_requirements(ar, r, long_part(ar, qty), price, marginable, leverage, extra_rate)
    short_m, short_i = short_requirements(ar, r, short_part(ar, qty), price, leverage, extra_rate)
    return long_m + short_m, long_i + short_i


def opening_minimum_equity(ar: Arith[N, B, S], r: Rates[N], is_purchase: B, opening_cost: N) -> N:
    """The minimum equity an opening order needs, FINRA 4210(b)(1): $2,000, but "no customer need deposit more than
    the cost of the security" for a purchase: min($2,000, cost) for a purchase, $2,000 for a short sale."""
    return ar.ite(is_purchase, ar.min(r.minimum_equity, opening_cost), r.minimum_equity)


def total(ar: Arith[N, B, S], terms: Iterable[N]) -> N:
    """The sum of ``terms`` (0 for none)."""
    result = ar.zero
    for term in terms:
        result = result + term
    return result


# --- 5. Excess and deficiency ---------------------------------------------------------------------------------------


def excess(equity_value: N, requirement: N) -> N:
    """Margin excess = equity - required margin (negative when in deficiency). Reg T 220.2."""
    return equity_value - requirement


def deficiency(ar: Arith[N, B, S], equity_value: N, requirement: N) -> N:
    """Margin deficiency = max(required margin - equity, 0). Reg T 220.2."""
    return ar.max(requirement - equity_value, ar.zero)


# --- 6. Health ------------------------------------------------------------------------------------------------------


def classify(ar: Arith[N, B, S], has_positions: B, equity_value: N, maintenance: N, initial: N) -> S:
    """Health from requirements, with seed 001's exact boundaries.

    No positions: HEALTHY. Equity < maintenance: LIQUIDATION_CALL (FINRA 4210(c)). Equity < initial: RESTRICTED
    (Reg T 220.12 / 4210(b)). Otherwise HEALTHY. Equity equal to the maintenance requirement is therefore RESTRICTED,
    and equal to the initial requirement HEALTHY: no tolerance.
    """
    return ar.ite_state(
        ar.not_(has_positions),
        ar.state(HealthState.HEALTHY),
        ar.ite_state(
            ar.lt(equity_value, maintenance),
            ar.state(HealthState.LIQUIDATION_CALL),
            ar.ite_state(ar.lt(equity_value, initial), ar.state(HealthState.RESTRICTED), ar.state(HealthState.HEALTHY)),
        ),
    )


def ratio_classify(
    ar: Arith[N, B, S], market_value_total: N, equity_value: N, maintenance_rate: N, initial_rate: N
) -> S:
    """Seed 001's ratio rule, cross-multiplied (ratio = equity / market value, market value > 0 means positions).

    Kept as the reference the requirement-based :func:`classify` is proved (SEED EQUIVALENCE) and tested against.
    """
    zero = ar.zero
    return ar.ite_state(
        ar.le(market_value_total, zero),
        ar.state(HealthState.HEALTHY),
        ar.ite_state(
            ar.lt(equity_value, maintenance_rate * market_value_total),
            ar.state(HealthState.LIQUIDATION_CALL),
            ar.ite_state(
                ar.lt(equity_value, initial_rate * market_value_total),
                ar.state(HealthState.RESTRICTED),
                ar.state(HealthState.HEALTHY),
            ),
        ),
    )


# --- 7. Buying power -----------------------------------------------------------------------------------------------


def regt_buying_power(ar: Arith[N, B, S], r: Rates[N], equity_value: N, initial: N) -> N:
    """Reg T overnight buying power: 2 x max(equity - initial requirement, 0). Alpaca ``regt_buying_power``."""
    return r.overnight_multiplier * ar.max(equity_value - initial, ar.zero)


def sma_buying_power(ar: Arith[N, B, S], r: Rates[N], sma: N) -> N:
    """Reg T overnight buying power from the SMA (220.5): 2 x max(SMA, 0)."""
    return r.overnight_multiplier * ar.max(sma, ar.zero)


def day_trading_buying_power(ar: Arith[N, B, S], r: Rates[N], prior_equity: N, prior_maintenance: N) -> N:
    """Legacy day-trading buying power: 4 x max(prior-close equity - prior-close maintenance, 0). 4210(f)(8)(B)(iv)."""
    return r.day_trading_multiplier * ar.max(prior_equity - prior_maintenance, ar.zero)


def day_trading_budget_left(prior_equity: N, prior_maintenance: N, used: N, reserved: N) -> N:
    """What is left of the day's legacy day-trading budget, in maintenance-requirement dollars (the charge units of
    :func:`margin_rules.buying_power.charge_in`): the prior-close maintenance excess (4 x it is the day-trading buying
    power, 4210(f)(8)(B)(iii)) less what the day's executed opening trades used (4210(f)(8)(B)(iv): the cost of all the
    day's trades, or the open commitment under "time and tick") and what open orders hold. Negative once exceeded."""
    return excess(prior_equity, prior_maintenance) - used - reserved


def net_credit(cash: N, short_market_value: N) -> N:
    """The cash of an account net of the short-sale proceeds that secure its shorts: cash + short market value
    (short <= 0). Negative = a debit balance. Short proceeds are collateral, not spendable cash (Reg T 220.12(c); a
    restricted account, FINRA 4210(d)(2) / 4210(f)(8)(B)(iv)(c), may not create or increase a debit)."""
    return cash + short_market_value


def restricted_purchase_permitted(ar: Arith[N, B, S], credit: N, reserved_cost: N, cost: N) -> B:
    """Whether a restricted account may buy opening shares costing ``cost``: it creates or increases no debit balance
    when the net credit after the open purchase orders (``reserved_cost``) still covers it, i.e. the net credit after
    is at least min(net credit before, 0). FINRA 4210(d)(2) ("no new or larger debit balance"); 4210(f)(8)(B)(iv)(c)
    (cash-available basis)."""
    before = credit - reserved_cost
    return ar.le(ar.min(before, ar.zero), before - cost)


def intraday_margin_level(equity_value: N, maintenance: N) -> N:
    """Intraday margin level, FINRA 4210(d)(2): what could be withdrawn while still meeting maintenance.

    Negative = an intraday margin deficit of that size.
    """
    return equity_value - maintenance


def intraday_buying_power(ar: Arith[N, B, S], r: Rates[N], equity_value: N, maintenance: N) -> N:
    """Buying power shown under the intraday standard: multiplier x max(intraday margin level, 0)."""
    return r.intraday_multiplier * ar.max(intraday_margin_level(equity_value, maintenance), ar.zero)


# --- Reg T SMA (12 CFR 220.5) ---------------------------------------------------------------------------------------


def sma_after_trade(
    ar: Arith[N, B, S], r: Rates[N], sma: N, is_buy: B, opening: N, closing: N, price: N, marginable: B
) -> N:
    """The SMA after a fill (Reg T 220.5): opening shares debit it by their Reg T initial requirement (220.12(a), (c),
    (e)); closing shares credit it by the Reg T requirement they release (a sale of margin stock credits 50% of the
    proceeds). ``is_buy``: the fill bought (opening a long or covering a short)."""
    bought_long = long_regt_initial(ar, r, opening, price, marginable)
    covered_short = short_regt_initial(r, closing, price)
    sold_short = short_regt_initial(r, opening, price)
    sold_long = long_regt_initial(ar, r, closing, price, marginable)
    return sma - ar.ite(is_buy, bought_long - covered_short, sold_short - sold_long)


def sma_marked(ar: Arith[N, B, S], sma: N, equity_value: N, initial: N) -> N:
    """The SMA marked to the market (Reg T 220.5): max(SMA, equity - initial requirement); a decline never lowers it."""
    return ar.max(sma, excess(equity_value, initial))


# --- 9. Withdrawals -------------------------------------------------------------------------------------------------


def max_withdrawal(
    ar: Arith[N, B, S],
    r: Rates[N],
    keep_initial: B,
    has_positions: B,
    has_shorts: B,
    cash: N,
    equity_value: N,
    maintenance: N,
    initial: N,
) -> N:
    """The largest permitted withdrawal of cash (exact; 0 when nothing may leave).

    4210(b) rule (``keep_initial`` false). Afterwards there must be no Reg T deficiency (Reg T 220.4(e): equity stays at
    or above the initial requirement, which already includes maintenance, 4210(b)(1)) and, where credit is extended
    (a debit balance after the withdrawal, or a short position), equity >= max($2,000, maintenance) (4210(b)(1)).
    So an amount is permitted when it is covered either

    * without borrowing (no short, amount <= credit cash): amount <= min(cash, equity - initial), or
    * with borrowing against positions: amount <= equity - max($2,000, initial).

    Both sets are intervals from 0, so their union is ``[0, max_withdrawal]``.

    Seed 001's rule (``keep_initial`` true): afterwards equity >= the initial requirement: amount <= equity - initial.
    """
    zero = ar.zero
    must_keep = ar.max(initial, maintenance)
    without_borrowing = ar.ite(ar.not_(has_shorts), ar.min(ar.max(cash, zero), equity_value - must_keep), zero)
    with_borrowing = ar.ite(has_positions, equity_value - ar.max(r.minimum_equity, must_keep), zero)
    regulatory = ar.max(ar.max(without_borrowing, with_borrowing), zero)
    seed_rule = ar.max(equity_value - must_keep, zero)
    return ar.ite(keep_initial, seed_rule, regulatory)


def withdrawal_permitted(
    ar: Arith[N, B, S],
    r: Rates[N],
    keep_initial: B,
    has_positions: B,
    has_shorts: B,
    cash: N,
    equity_value: N,
    maintenance: N,
    initial: N,
    amount: N,
) -> B:
    """Whether withdrawing ``amount`` is permitted: 0 < amount <= :func:`max_withdrawal`."""
    limit = max_withdrawal(ar, r, keep_initial, has_positions, has_shorts, cash, equity_value, maintenance, initial)
    return ar.and_(ar.lt(ar.zero, amount), ar.le(amount, limit))
