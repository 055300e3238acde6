"""Properties of buying power (rule 7): the oracle, order charges and budgets, and BUYING POWER SAFETY."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as Fr

import margin_oracle as oracle
import margin_strategies as ms
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules import (
    Account,
    DomainError,
    Mode,
    Order,
    Position,
    Side,
    available_excess,
    buying_power,
    finra,
    order_charge,
    order_fits,
    order_requirement,
)

FINRA = finra()


@prop(
    "BP-ORACLE",
    "Buying power of every mode, net of reserved orders and never negative, equals the rule: cash 1x, Reg T "
    "2 x max(equity - initial, 0), SMA 2 x max(SMA, 0), legacy 4 x max(prior equity - prior maintenance, 0), intraday "
    "multiplier x max(equity - maintenance, 0).",
    "Reg T 220.5, 220.12; FINRA 4210(d)(2), 4210(f)(8)(B)(iv); Alpaca account fields",
    ["margin_rules.buying_power.buying_power", "margin_rules.formulas.regt_buying_power"],
)
@given(account=ms.accounts(), rules=ms.rule_sets, reserved=st.sampled_from((D(0), D(0), D("100.00"), D("1E+6"))))
@example(account=Account(D("5000"), (Position("AAA", D(100), D("10.00")),)), rules=FINRA, reserved=D(0))
def test_buying_power_matches_oracle(account: Account, rules: object, reserved: D) -> None:
    fig = oracle.account_figures(account, rules)
    expected = oracle.buying_power(fig, rules, account, Fr(reserved))
    bp = buying_power(account, rules, reserved)  # type: ignore[arg-type]
    got = {
        "cash": Fr(bp.cash),
        "reg_t": Fr(bp.reg_t),
        "sma": Fr(bp.sma),
        "legacy_day_trading": None if bp.legacy_day_trading is None else Fr(bp.legacy_day_trading),
        "intraday": Fr(bp.intraday),
        "intraday_margin_level": Fr(bp.intraday_margin_level),
    }
    assert got == expected
    assert bp.reserved == reserved
    for mode in Mode:
        assert bp.for_mode(mode) == getattr(bp, mode.value)


def _after(account: Account, order: Order) -> Account:
    """The account after the order fills at its price (cash moves by the notional, the position by the quantity)."""
    held = account.position(order.symbol)
    delta = order.signed_quantity
    others = tuple(p for p in account.positions if p.symbol != order.symbol)
    if held is None:
        moved = Position(order.symbol, delta, order.price, order.marginable, order.leverage)
    else:
        moved = Position(held.symbol, held.quantity + delta, order.price, held.marginable, held.leverage)
    return Account(account.cash - delta * order.price, (*others, moved))


@prop(
    "BP-SAFETY",
    "An opening order that fits the Reg T budget (its initial requirement within equity - initial) never leaves the "
    "account below its initial requirement when it fills at its price; charges and budgets follow the mode.",
    "Reg T 220.12; FINRA 4210(b)(1); BUYING POWER SAFETY",
    [
        "margin_rules.buying_power.order_fits",
        "margin_rules.buying_power.order_charge",
        "margin_rules.buying_power.available_excess",
    ],
)
@given(data=st.data(), account=ms.accounts(), rules=ms.rule_sets, mode=st.sampled_from(tuple(Mode)))
def test_order_fits_safety(data: st.DataObject, account: Account, rules: object, mode: Mode) -> None:
    order = data.draw(ms.orders(account))
    # Revalue the held position at the order price first, so that "after" differs only by the order.
    held = account.position(order.symbol)
    if held is not None:
        repriced = Position(held.symbol, held.quantity, order.price, held.marginable, held.leverage)
        account = Account(
            account.cash,
            tuple(repriced if p.symbol == order.symbol else p for p in account.positions),
            account.sma,
            account.prior_equity,
            account.prior_maintenance,
        )
    req = order_requirement(account, order, rules)  # type: ignore[arg-type]
    charge = order_charge(account, order, rules, mode)  # type: ignore[arg-type]
    expected_charge = {
        Mode.CASH: req.opening_quantity * order.price,
        Mode.REG_T: req.initial,
        Mode.LEGACY_DAY_TRADING: req.maintenance,
        Mode.INTRADAY: req.maintenance,
    }[mode]
    assert charge == expected_charge
    if mode is Mode.LEGACY_DAY_TRADING and account.prior_equity is None:
        with pytest.raises(DomainError):
            available_excess(account, rules, mode)  # type: ignore[arg-type]
        return
    fig = oracle.account_figures(account, rules)
    available = available_excess(account, rules, mode)  # type: ignore[arg-type]
    expected_available = {
        Mode.CASH: fig.cash,
        Mode.REG_T: fig.equity - fig.initial,
        Mode.INTRADAY: fig.equity - fig.maintenance,
        # FINRA 4210(f)(8)(B)(iv): the budget is for the day; a snapshot does not know the day's use, so the current
        # maintenance excess (which today's openings lowered) bounds the prior-close excess.
        Mode.LEGACY_DAY_TRADING: min(
            Fr(account.prior_equity or 0) - Fr(account.prior_maintenance or 0), fig.equity - fig.maintenance
        ),
    }[mode]
    assert Fr(available) == expected_available
    check = order_fits(account, order, rules, mode)  # type: ignore[arg-type]
    if req.is_closing_only:
        assert check.fits
        return
    cash_short = mode is Mode.CASH and order.side is not Side.BUY  # Reg T 220.8: no short sale in a cash account
    # House rule (a named option, on by default): no opening order in legacy day trading while in a maintenance
    # deficiency (the prior-close budget does not see today's losses).
    deficient = mode is Mode.LEGACY_DAY_TRADING and fig.equity < fig.maintenance
    assert check.fits == (
        not cash_short
        and not deficient
        and charge <= available
        and (mode is Mode.CASH or fig.equity >= Fr(req.minimum_equity))
    )
    if check.fits and mode is Mode.REG_T:
        after = oracle.account_figures(_after(account, order), rules)
        # house concentration can re-rate *other* positions after the order; the safety property is for the
        # regulatory layers (no concentration add-on)
        if rules.house is None or rules.house.concentration_threshold is None:  # type: ignore[attr-defined]
            assert after.equity >= after.initial


def test_order_fits_examples() -> None:
    account = Account(D("10000.00"))
    buy = Order("AAA", Side.BUY, D(200), D("100.00"))  # $20,000 at 50% = $10,000 initial: exactly fits
    assert order_fits(account, buy, FINRA, Mode.REG_T).fits
    over = Order("AAA", Side.BUY, D("200.0001"), D("100.00"))
    assert not order_fits(account, over, FINRA, Mode.REG_T).fits
    assert not order_fits(account, buy, FINRA, Mode.CASH).fits
    cash_buy = order_fits(account, Order("AAA", Side.BUY, D(100), D("100.00")), FINRA, Mode.CASH)
    assert cash_buy.fits and cash_buy.reason == "within buying power"
    cash_short = order_fits(account, Order("AAA", Side.SELL_SHORT, D(1), D("1.00")), FINRA, Mode.CASH)
    assert not cash_short.fits and cash_short.reason == "a cash account cannot sell short (Reg T 220.8)"
    broke = order_fits(account, over, FINRA, Mode.REG_T)
    assert broke.reason == "insufficient buying power"
    held = Account(D(0), (Position("AAA", D(100), D("10.00")),))
    closing = order_fits(held, Order("AAA", Side.SELL, D(100), D("10.00")), FINRA, Mode.CASH)
    assert closing.fits and closing.reason == "closing order"
    small = Account(D("1999.99"))
    short = Order("AAA", Side.SELL_SHORT, D(1), D("10.00"))
    check = order_fits(small, short, FINRA, Mode.REG_T)
    assert not check.fits and check.reason == "below the $2,000 minimum equity (FINRA 4210(b)(1))"
    assert order_fits(Account(D("2000.00")), short, FINRA, Mode.REG_T).fits
