"""Portfolio margin (FINRA 4210(g)) and cost-of-carry formulas, written once over :class:`~margin_rules.arith.Arith`.

Like :mod:`margin_rules.formulas` (kept in its own module so that the two engineers' edits do not collide): the same
function gives the library's exact ``Decimal`` and, with the Z3 domain of ``proofs/z3arith.py``, the term the proofs
reason about. Nothing here divides, rounds, reads state or performs I/O. Conventions: ``qty`` is signed (negative =
short); ``factor`` is the signed leverage factor of an exchange-traded product with respect to its underlying (1 for a
stock or a plain index ETF, -1 for an inverse ETF, 2 / -2 / 3 / -3 for leveraged and inverse-leveraged products); a
``move`` is a fractional change of the underlying (-0.15 = down 15%); a theoretical P&L is positive for a gain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from margin_rules.arith import Arith, B, N, S

# --- 4210(g): valuation points, theoretical gains and losses ---------------------------------------------------------


def valuation_moves(ar: Arith[N, B, S], down: N, up: N, fractions: Sequence[N]) -> list[N]:
    """The market moves of the valuation points of a portfolio type: ``-down x k/n`` and ``+up x k/n`` for each
    fraction k/n (k = 1..n). With n = 5 these are the 10 equidistant valuation points of FINRA 4210(g)'s
    "theoretical gains and losses" (5 down, 5 up; equity securities: down = up = 15%)."""
    return [ar.zero - down * fr for fr in fractions] + [up * fr for fr in fractions]


def position_pnl(ar: Arith[N, B, S], qty: N, price: N, factor: N, move: N) -> N:
    """Theoretical gain (+) or loss (-) of a position when its underlying moves by ``move``.

    The product moves by ``factor x move`` (a leveraged or inverse ETP is scaled by its factor and sign, rulebook
    digest section 10), never below -100%: a long cannot lose, and a short cannot gain, more than the position's value.
    """
    return qty * price * ar.max(factor * move, ar.zero - ar.one)


def class_pnl(ar: Arith[N, B, S], pnls: Iterable[N]) -> N:
    """Net theoretical P&L of a class group (one underlying) at one valuation point: gains and losses of every position
    on the same underlying net fully (FINRA 4210(g) class group)."""
    result = ar.zero
    for pnl in pnls:
        result = result + pnl
    return result


def group_loss(ar: Arith[N, B, S], offset: N, class_pnls: Iterable[N]) -> N:
    """Loss (>= 0) of a product group at one valuation point: the classes' losses, reduced by ``offset`` (a fraction
    0..1) of the other classes' gains at the same point (FINRA 4210(g) product group offsets). A lone class group is a
    product group of one: its loss is max(-pnl, 0) whatever the offset."""
    losses = ar.zero
    gains = ar.zero
    for pnl in class_pnls:
        losses = losses + ar.min(pnl, ar.zero)
        gains = gains + ar.max(pnl, ar.zero)
    return ar.max(ar.zero - (losses + offset * gains), ar.zero)


def worst_loss(ar: Arith[N, B, S], losses: Iterable[N]) -> N:
    """The largest theoretical loss over the valuation points (0 when no point loses): the portfolio's margin before
    the minimum charges (FINRA 4210(g): the greatest loss at any of the valuation points)."""
    result = ar.zero
    for loss in losses:
        result = ar.max(result, loss)
    return result


def minimum_charge(per_unit: N, units: N) -> N:
    """A minimum charge: ``per_unit`` x the number of units (shares or contracts x multiplier), never negative for
    non-negative inputs."""
    return per_unit * units


def group_requirement(ar: Arith[N, B, S], theoretical: N, minimum: N) -> N:
    """The requirement of a group: the greater of its largest theoretical loss and its minimum charges."""
    return ar.max(theoretical, minimum)


def layered(ar: Arith[N, B, S], regulatory: N, house: N) -> N:
    """A house layer (or a user-supplied offset model) on top of the rule: the greater of the two, never below the
    rule's requirement (FINRA 4210(g) lets firms be stricter; 4210(d)(1))."""
    return ar.max(regulatory, house)


def netting_discount(standalone_sum: N, net: N) -> N:
    """How much netting saves: the sum of each position's own requirement minus the net requirement."""
    return standalone_sum - net


def shortfall(ar: Arith[N, B, S], equity_value: N, minimum: N) -> N:
    """Deficiency against a minimum (the $100,000 portfolio-margin minimum equity): max(minimum - equity, 0)."""
    return ar.max(minimum - equity_value, ar.zero)


def intraday_permitted(ar: Arith[N, B, S], equity_after: N, requirement_after: N) -> B:
    """Whether a transaction keeps the account margined as at the end of the day (equity >= portfolio requirement), the
    standard FINRA 4210(g)(1)(J)-(K) set for intraday risk in accounts under $5 million."""
    return ar.le(requirement_after, equity_after)


# --- Cost of carry ---------------------------------------------------------------------------------------------------


def accrual_numerator(basis: N, annual_rate: N, days: N) -> N:
    """``basis x annual rate x days``: a day-count accrual times its day-count basis (360 for Alpaca's margin interest
    and borrow fees, "(balance x rate) / 360"). The division by the basis is the one step the caller performs."""
    return basis * annual_rate * days


def tier_portion(ar: Arith[N, B, S], balance: N, lower: N, upper: N, bounded: B) -> N:
    """The part of ``balance`` that falls in the tier [lower, upper) (no upper bound when ``bounded`` is false): the
    blended tier calculation IBKR publishes ("the first 100,000 is charged at the Tier I rate, the next 900,000 at the
    Tier II rate")."""
    top = ar.ite(bounded, ar.min(balance, upper), balance)
    return ar.max(top - lower, ar.zero)


def debit_balance(ar: Arith[N, B, S], settled_cash: N) -> N:
    """The debit balance margin interest is charged on: max(-settled cash, 0)."""
    return ar.max(ar.zero - settled_cash, ar.zero)


def dividend_amount(qty: N, per_share: N) -> N:
    """Cash effect of a cash dividend on a position: + for a long (a credit), - for a short (the payment in lieu)."""
    return qty * per_share
