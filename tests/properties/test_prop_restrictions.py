"""Properties of the restrictions of issue 10, over random order / fill / price sequences, each against a plain
oracle written here (Fractions, no call into the code under test for the expected value).

* DT-BUDGET: under the legacy regime the day's accepted opening commitment never exceeds the day-trading buying
  power (FINRA 4210(f)(8)(B)(iii)-(iv)).
* RESTRICTED-NO-DEBIT: an accepted order in a restricted account never creates or increases a debit balance (net of
  short-sale proceeds) or a short position (FINRA 4210(d)(2); 4210(f)(8)(B)(iv)(c)).
* CURED-NEVER-COUNTS: a deficit cured by its 5th business day, by net deposits or any increase of the intraday margin
  level (sales included), never counts toward a practice and never restricts (FINRA 4210(d)(2)).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction as Fr

from hypothesis import given, settings
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import daytrading as r
from margin_rules.errors import RefusedError
from margin_rules.live.account import MarginAccount
from margin_rules.live.daytrading import IntradayMarginHooks, IntradayMarginTracker, LegacyPdtHooks
from margin_rules.model import Order, Position, Side
from margin_rules.restrictions import restricted_order_decision
from margin_rules.rulesets import DayTradingRegime, DeMinimisReading, finra

D = Decimal
SESSION = dt.date(2026, 11, 20)
LEGACY = finra().with_options(day_trading_regime=DayTradingRegime.LEGACY_PDT)
PRICES = {"AAA": Fr(20), "BBB": Fr(50), "CCC": Fr(120), "LOW": Fr(3)}


def _plain_maintenance(shares: Fr, price: Fr) -> Fr:
    """FINRA 4210(c): long 25%; short >= $5.00: max($5.00/share, 30%); below $5.00: max($2.50/share, 100%)."""
    if shares > 0:
        return Fr(1, 4) * shares * price
    short = -shares
    if price < 5:
        return max(Fr(5, 2) * short, short * price)
    return max(Fr(5) * short, Fr(3, 10) * short * price)


orders = st.lists(
    st.tuples(
        st.sampled_from(sorted(PRICES)),
        st.sampled_from([Side.BUY, Side.SELL, Side.SELL_SHORT]),
        st.integers(1, 3000),
        st.sampled_from(["all", "half", "none"]),
    ),
    min_size=1,
    max_size=25,
)


@prop(
    "DT-BUDGET",
    "Under the legacy regime the day's accepted opening trades (executed, partial fills included) never need more "
    "than the prior-close maintenance excess, i.e. their commitment never exceeds the day-trading buying power; "
    "closing a position never hands the budget back (aggregate method).",
    "FINRA 4210(f)(8)(B)(iii)-(iv)",
    [
        "margin_rules.daytrading.budget_after_fill",
        "margin_rules.daytrading.legacy_budget_use",
        "margin_rules.order_check.check_order",
        "margin_rules.formulas.day_trading_budget_left",
    ],
)
@settings(deadline=None)
@given(cash=st.integers(25000, 200000), ops=orders)
def test_day_trading_commitment_never_exceeds_the_budget(cash: int, ops: list[tuple[str, Side, int, str]]) -> None:
    account = MarginAccount(LEGACY, cash, session=SESSION)
    hooks = account._day_trading
    assert isinstance(hooks, LegacyPdtHooks)
    hooks.tracker.designate(SESSION)
    positions = dict.fromkeys(PRICES, Fr(0))
    used = Fr(0)
    budget = Fr(cash)  # prior equity = cash, prior maintenance 0: DTBP = 4 x cash (maintenance dollars: cash)
    for i, (symbol, side, qty, fill) in enumerate(ops):
        price = PRICES[symbol]
        order = Order(symbol, side, qty, str(price))
        try:
            account.reserve(f"o{i}", order)
        except RefusedError:
            continue
        filled = {"all": Fr(qty), "half": Fr(qty // 2), "none": Fr(0)}[fill]
        if filled:
            account.confirm(f"o{i}", int(filled), str(price))
        if filled < qty:
            account.release(f"o{i}")
        held = positions[symbol]
        signed = filled if side is Side.BUY else -filled
        closing = min(abs(signed), abs(held)) if held * signed < 0 else Fr(0)
        opening = abs(signed) - closing
        after = held + signed
        if opening:
            used += _plain_maintenance(opening if signed > 0 else -opening, price)
        positions[symbol] = after
        assert used <= budget, (used, budget)
    assert Fr(account.available()) == budget - used  # nothing reserved left: the budget left is exact


@prop(
    "RESTRICTED-DECISION",
    "In a restricted account an accepted opening order is a purchase paid from the cash net of short-sale proceeds "
    "and of open purchase orders; a closing order is always accepted.",
    "FINRA 4210(d)(2); 4210(f)(8)(B)(iv)(c)",
    ["margin_rules.restrictions.restricted_order_decision", "margin_rules.formulas.restricted_purchase_permitted"],
)
@settings(deadline=None)
@given(
    side=st.sampled_from(list(Side)),
    opening=st.integers(0, 1000),
    price=st.integers(1, 500),
    cash=st.integers(-100000, 100000),
    short_mv=st.integers(-100000, 0),
    reserved=st.integers(0, 50000),
)
def test_restricted_decision(side: Side, opening: int, price: int, cash: int, short_mv: int, reserved: int) -> None:
    fits, _ = restricted_order_decision(side, D(opening), D(opening * price), D(cash), D(short_mv), D(reserved))
    net = Fr(cash) + Fr(short_mv) - reserved
    expected = opening == 0 or (side is Side.BUY and (opening * price == 0 or net - opening * price >= min(net, 0)))
    assert fits == expected


def _restricted_account(cash: int, held: dict[str, int]) -> MarginAccount:
    tracker = IntradayMarginTracker(practice=r.PracticeRule(misses=1))
    day = dt.date(2026, 11, 2)
    tracker.record_transaction(day, "0", "-5000", "20000")
    # The level recovered the same day to 10,000,000: a later increase is measured from there (FINRA 4210(d)(2)), so
    # nothing in these sequences satisfies the deficit and the freeze holds throughout.
    tracker.close_day(day, "10000000")
    positions = [Position(s, q, str(PRICES[s])) for s, q in held.items() if q]
    return MarginAccount(finra(), cash, positions, session=SESSION, day_trading=IntradayMarginHooks(finra(), tracker))


@prop(
    "RESTRICTED-NO-DEBIT",
    "An accepted order in a restricted account, filled at its price, never creates or increases a debit balance "
    "(cash net of short-sale proceeds) and never creates or increases a short position.",
    "FINRA 4210(d)(2); 4210(f)(8)(B)(iv)(c)",
    ["margin_rules.restrictions.restricted_order_decision", "margin_rules.order_check.check_order"],
)
@settings(deadline=None)
@given(
    cash=st.integers(-50000, 100000),
    held=st.fixed_dictionaries({s: st.integers(-500, 500) for s in PRICES}),
    ops=orders,
)
def test_restricted_account_never_adds_debit_or_short(
    cash: int, held: dict[str, int], ops: list[tuple[str, Side, int, str]]
) -> None:
    account = _restricted_account(cash, held)
    assert account._restricted(account.figures())
    for i, (symbol, side, qty, fill) in enumerate(ops):
        price = PRICES[symbol]
        before = account.figures()
        net_before = Fr(before.cash) + Fr(before.short_market_value)
        position = account.position(symbol)
        shares_before = Fr(position.quantity) if position is not None else Fr(0)
        try:
            account.reserve(f"o{i}", Order(symbol, side, qty, str(price)))
        except RefusedError as err:
            # The restriction applies on top of the mode's own budget (4210(d)(2)), so the mode may refuse first.
            assert err.reason in (
                "restricted_account",
                "transaction_blocked",
                "insufficient_buying_power",
                "maintenance_deficiency",
                "minimum_equity",
            )
            continue
        filled = {"all": qty, "half": qty // 2, "none": 0}[fill]
        if filled:
            account.confirm(f"o{i}", filled, str(price))
        if filled < qty:
            account.release(f"o{i}")
        after = account.figures()
        net_after = Fr(after.cash) + Fr(after.short_market_value)
        assert net_after >= min(net_before, Fr(0)), (net_before, net_after)
        position = account.position(symbol)
        shares_after = Fr(position.quantity) if position is not None else Fr(0)
        assert min(shares_after, Fr(0)) >= min(shares_before, Fr(0))  # no new or larger short


observations = st.lists(
    st.tuples(st.integers(0, 30), st.integers(-20000, 20000), st.integers(-5000, 5000)), min_size=0, max_size=12
)


@prop(
    "CURED-NEVER-COUNTS",
    "A deficit cured by its 5th business day, by net deposits or any increase of the intraday margin level from the "
    "end of its day (a sale counts), never counts toward a practice and never restricts; one not cured does count.",
    "FINRA 4210(d)(2)",
    [
        "margin_rules.daytrading.satisfy_by_increase",
        "margin_rules.daytrading.miss_consequence",
        "margin_rules.daytrading.counts_toward_practice",
    ],
)
@settings(deadline=None)
@given(
    amount=st.integers(1, 10000),
    close_level=st.integers(-20000, 0),
    equity=st.integers(0, 100000),
    obs=observations,
    reading=st.sampled_from(list(DeMinimisReading)),
)
def test_cured_deficit_never_counts(
    amount: int, close_level: int, equity: int, obs: list[tuple[int, int, int]], reading: DeMinimisReading
) -> None:
    day = dt.date(2026, 11, 23)
    fifth, fifteenth = day + dt.timedelta(days=7), day + dt.timedelta(days=21)
    deficit = r.new_intraday_deficit(day, amount, equity, fifth, fifteenth, close_level, 0)
    deficits: tuple[r.IntradayDeficit, ...] = (deficit,)
    deposits = Fr(0)
    cured_by_fifth = False
    for offset, level, deposit in sorted(obs, key=lambda o: o[0]):
        on = day + dt.timedelta(days=offset)
        deposits += deposit
        deficits = r.satisfy_by_increase(deficits, on, level, D(int(deposits)))
        if day < on <= fifth and max(Fr(level) - close_level, deposits) >= amount:
            cured_by_fifth = True
    later = day + dt.timedelta(days=60)
    rule = r.PracticeRule(misses=1)
    (final,) = deficits
    if cured_by_fifth:
        assert not r.counts_toward_practice(final, later)
        assert r.miss_consequence(final, later, [], rule, reading) == (False, False)
        assert r.miss_consequence(final, later, [later], rule, reading) == (False, False)
    else:
        assert r.missed_fifth_business_day(final, later)
        assert r.counts_toward_practice(final, later) == (not final.de_minimis)
