"""margin_rules.order_check (the figure-level order check) agrees exactly with the snapshot-based core.

For random accounts, orders, modes and reservations: :func:`check_order` on the account's aggregates gives exactly the
decision, charge, budget and reason of :func:`margin_rules.buying_power.order_fits`, and a live MarginAccount built
from the same snapshot decides the same.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from margin_rules.buying_power import Mode, available_excess, order_fits
from margin_rules.errors import DomainError
from margin_rules.live.account import MarginAccount
from margin_rules.model import Account, Order, Position, Side
from margin_rules.order_check import Figures, available_budget, check_order, opening_terms, sma_marked
from margin_rules.requirements import account_requirements
from margin_rules.rulesets import HouseRules, RuleSet, alpaca, finra

SYMBOLS = ("AAA", "BBB", "CCC", "DDD")
RULES = (
    finra(),
    alpaca(),
    finra().with_house(HouseRules(maintenance_rate=Decimal("0.30"), symbol_rates={"BBB": Decimal("0.80")})),
    alpaca().with_house(HouseRules(concentration_threshold=Decimal("0.40"), concentration_rate=Decimal("0.50"))),
)

prices = st.decimals(min_value=Decimal("0.50"), max_value=Decimal("400"), places=2)
quantities = st.one_of(
    st.integers(min_value=-2000, max_value=2000).map(Decimal),
    st.decimals(min_value=Decimal("-50"), max_value=Decimal("50"), places=3),
)


@st.composite
def positions(draw: st.DrawFn) -> tuple[Position, ...]:
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), unique=True, max_size=4))
    return tuple(
        Position(
            s,
            draw(quantities),
            draw(prices),
            draw(st.booleans()),
            draw(st.sampled_from([Decimal(1), Decimal(1), Decimal(2), Decimal(3)])),
        )
        for s in symbols
    )


@st.composite
def accounts(draw: st.DrawFn) -> Account:
    prior = draw(st.booleans())
    return Account(
        draw(st.decimals(min_value=Decimal("-60000"), max_value=Decimal("120000"), places=2)),
        draw(positions()),
        draw(st.decimals(min_value=Decimal("-5000"), max_value=Decimal("50000"), places=2)),
        draw(st.decimals(min_value=Decimal("-1000"), max_value=Decimal("90000"), places=2)) if prior else None,
        draw(st.decimals(min_value=Decimal("0"), max_value=Decimal("30000"), places=2)) if prior else None,
    )


orders = st.builds(
    Order,
    st.sampled_from(SYMBOLS),
    st.sampled_from(list(Side)),
    st.integers(min_value=1, max_value=3000).map(Decimal),
    prices,
    st.booleans(),
    st.sampled_from([Decimal(1), Decimal(2)]),
)


def figures_of(account: Account, rules: RuleSet) -> Figures:
    figs = account_requirements(account, rules)
    return Figures(
        account.cash,
        figs.long_market_value,
        figs.short_market_value,
        figs.maintenance,
        figs.initial,
        account.sma,
        account.prior_equity,
        account.prior_maintenance,
        sum(1 for p in account.positions if p.quantity != 0),
        sum(1 for p in account.positions if p.quantity < 0),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    account=accounts(),
    order=orders,
    mode=st.sampled_from(list(Mode)),
    reserved=st.decimals(min_value=Decimal(0), max_value=Decimal("20000"), places=2),
    rules=st.sampled_from(RULES),
)
def test_check_order_agrees_exactly_with_order_fits(
    account: Account, order: Order, mode: Mode, reserved: Decimal, rules: RuleSet
) -> None:
    figures = figures_of(account, rules)
    held = account.position(order.symbol)
    args = (
        rules,
        figures,
        mode,
        order.symbol,
        order.side,
        order.quantity,
        order.price,
        held.quantity if held is not None else Decimal(0),
        held.marginable if held is not None else order.marginable,
        held.leverage if held is not None else order.leverage,
        reserved,
    )
    if mode is Mode.LEGACY_DAY_TRADING and account.prior_equity is None:
        with pytest.raises(DomainError):
            order_fits(account, order, rules, mode, reserved)
        with pytest.raises(DomainError):
            check_order(*args)
        return
    core = order_fits(account, order, rules, mode, reserved)
    ours = check_order(*args)
    assert (ours.fits, ours.charge, ours.available, ours.reason) == (
        core.fits,
        core.charge,
        core.available,
        core.reason,
    )
    req = core.requirement
    assert ours.terms.opening_quantity == req.opening_quantity
    assert ours.terms.closing_quantity == req.closing_quantity
    assert ours.terms.initial == req.initial
    assert ours.terms.maintenance == req.maintenance
    assert ours.terms.minimum_equity == req.minimum_equity
    assert available_budget(figures, mode, reserved) == available_excess(account, rules, mode, reserved)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    account=accounts(),
    order=orders,
    mode=st.sampled_from([Mode.CASH, Mode.REG_T, Mode.INTRADAY, Mode.LEGACY_DAY_TRADING]),
    rules=st.sampled_from(RULES),
)
def test_live_account_decides_as_order_fits(account: Account, order: Order, mode: Mode, rules: RuleSet) -> None:
    live = MarginAccount(
        rules,
        account.cash,
        account.positions,
        sma=account.sma,
        prior_equity=account.prior_equity,
        prior_maintenance=account.prior_maintenance,
        mode=mode,
        session=dt.date(2026, 11, 20),
    )
    snapshot = live.snapshot()
    reference = Account(
        account.cash,
        tuple(p for p in account.positions if p.quantity != 0),
        account.sma,
        snapshot.prior_equity,
        snapshot.prior_maintenance,
    )
    core = order_fits(reference, order, rules, mode)
    ours = live.check(order)
    assert (ours.fits, ours.charge, ours.available, ours.reason) == (
        core.fits,
        core.charge,
        core.available,
        core.reason,
    )
    live.check_drift()


def test_pending_closing_orders_do_not_close_twice() -> None:
    """Long 100: a sell of 100 closes; a second sell of 100 while the first is open opens a short (and is charged)."""
    rules = finra()
    live = MarginAccount(rules, "10000", [Position("AAA", 100, 50)], mode=Mode.REG_T, session=dt.date(2026, 11, 20))
    first = live.reserve("s1", Order("AAA", Side.SELL, 100, 50))
    assert (first.opening, first.closing, first.initial) == (0, 100, 0)
    second = live.reserve("s2", Order("AAA", Side.SELL, 100, 50))
    assert (second.opening, second.closing) == (100, 0)
    assert second.initial == opening_terms(rules, "AAA", Side.SELL, Decimal(100), Decimal(50), True, Decimal(1))[1]
    live.release("s1")
    third = live.reserve("s3", Order("AAA", Side.SELL, 60, 50))
    assert (third.opening, third.closing) == (0, 60)


def test_sma_mark_never_lowers() -> None:
    figures = Figures(Decimal(1000), Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(5000))
    assert sma_marked(Decimal(5000), figures) == 5000
    assert sma_marked(Decimal(-10), figures) == 1000
