"""Maximum order quantity within a mode's buying power (issue 2, rule 8).

Sources: rulebook section 2 (Reg T 220.12(a) 50% long, 220.12(c)(1) 150% short, 220.12(e) 100% non-margin; FINRA
4210(b) $2,000 minimum equity capped at the cost of a purchase), section 3 (short floors: below $5.00 the greater of
$2.50/share or 100%, at or above $5.00 the greater of $5.00/share or 30%), section 6 (intraday margin 4210(d)(2); legacy
day-trading buying power 4 x (prior equity - prior maintenance)), LEAN (maximum order quantity for a target buying
power).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from margin_rules.buying_power import Mode, order_fits
from margin_rules.errors import DomainError, FloatRefusedError, InvalidTypeError
from margin_rules.model import Account, Order, Position, Side
from margin_rules.orders import max_order_quantity
from margin_rules.rulesets import HouseRules, RuleSet, alpaca, finra

D = Decimal
FINRA = finra()
ALPACA = alpaca()
HOUSE = finra().with_house(HouseRules(maintenance_rate=D("0.35"), symbol_rates={"X": D("0.8")}))
MAX_Q = D(10) ** 12
ZERO = D(0)
ONE = D(1)

# cash 10,000, short 100 at $10: equity 9,000; initial = maintenance = 500 ($5 floor): excess 8,500 (Reg T and intraday)
SHORT_ACCOUNT = Account(D(10000), (Position("S", -100, D(10)),))


def fits(
    account: Account,
    rules: RuleSet,
    symbol: str,
    side: Side,
    quantity: Decimal,
    price: Decimal,
    mode: Mode,
    reserved: Decimal = ZERO,
    marginable: bool = True,
    leverage: Decimal = ONE,
) -> bool:
    order = Order(symbol, side, quantity, price, marginable, leverage)
    return order_fits(account, order, rules, mode, reserved).fits


def check_maximal(
    account: Account,
    rules: RuleSet,
    symbol: str,
    side: Side,
    price: Decimal,
    mode: Mode,
    result: Decimal,
    step: Decimal = ONE,
    reserved: Decimal = ZERO,
    marginable: bool = True,
    leverage: Decimal = ONE,
) -> None:
    """order_fits(q) and not order_fits(q + step), independently of max_order_quantity."""
    assert result >= 0 and result % step == 0
    if result > 0:
        assert fits(account, rules, symbol, side, result, price, mode, reserved, marginable, leverage)
    if result + step <= MAX_Q:
        assert not fits(account, rules, symbol, side, result + step, price, mode, reserved, marginable, leverage)


def test_reg_t_purchase_worked_example() -> None:
    # Reg T 220.12(a): 50% of $33 = $16.50 a share; excess 8,500: 515 shares (8,497.50), 516 would need 8,514.
    q = max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T)
    assert q == D(515)
    check_maximal(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, q)


def test_short_floors_are_respected() -> None:
    # Rulebook 3: below $5.00 at least $2.50 a share: at $2 the charge is max(50% x 2, max(2.50, 2)) = 2.50:
    # 8,500 / 2.5 = 3,400 exactly (the boundary fits: charge == available).
    q = max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(2), Mode.REG_T)
    assert q == D(3400)
    check_maximal(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(2), Mode.REG_T, q)
    # at $3: max(1.50, max(2.50, 3)) = 3: 2,833 whole shares, 2,833.333333333 fractional (9 places, truncated)
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(3), Mode.REG_T) == D(2833)
    frac = max_order_quantity(SHORT_ACCOUNT, FINRA, "X", "sell_short", D(3), Mode.REG_T, fractional=True)
    assert frac == D("2833.333333333")
    check_maximal(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(3), Mode.REG_T, frac, D("1e-9"))
    # at $10: the $5.00 floor binds over 30% ($3) and equals Reg T 50%: $5 a share -> 1,700
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(10), Mode.REG_T) == D(1700)
    # at $16: floor $5 > 30% ($4.80); Reg T 50% = $8 is larger: 1,062 (8,496)
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(16), Mode.REG_T) == D(1062)
    # intraday (maintenance) at $10: the $5 floor, not 30%: 1,700 (not 2,833)
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.SELL_SHORT, D(10), Mode.INTRADAY) == D(1700)


def test_closing_shares_are_free() -> None:
    # Covering the 100 short is free; the opening remainder costs 50% of $1,000 = $500 a share: 17 more.
    q = max_order_quantity(SHORT_ACCOUNT, FINRA, "S", Side.BUY, D(1000), Mode.REG_T)
    assert q == D(117)
    check_maximal(SHORT_ACCOUNT, FINRA, "S", Side.BUY, D(1000), Mode.REG_T, q)
    # An account in deficiency (excess < 0) may still sell its whole long, and no more (equity 1,500 < $2,000).
    deficient = Account(D(-6000), (Position("AAA", 100, D(75)),))
    assert max_order_quantity(deficient, FINRA, "AAA", Side.SELL, D(75), Mode.REG_T) == D(100)
    assert max_order_quantity(deficient, FINRA, "AAA", Side.BUY, D(75), Mode.REG_T) == D(0)
    assert max_order_quantity(deficient, FINRA, "ZZZ", Side.BUY, D(75), Mode.INTRADAY) == D(0)


def test_fractional_closing_remainder() -> None:
    # A 10.5-share long in an account with no excess: 10 whole shares; fractional: the whole 10.5.
    account = Account(D(-1000), (Position("FR", D("10.5"), D(100)),))
    assert max_order_quantity(account, FINRA, "FR", Side.SELL, D(100), Mode.REG_T) == D(10)
    assert max_order_quantity(account, FINRA, "FR", Side.SELL, D(100), Mode.REG_T, fractional=True) == D("10.5")


def test_minimum_equity_rule() -> None:
    # FINRA 4210(b)(1): $2,000 minimum equity, capped at the purchase's cost. Cash 1,500: Reg T would allow 300 at $10
    # (50%), but the purchase must cost at most the equity: 150 shares (cost 1,500 <= equity); 151 would need 1,510.
    account = Account(D(1500))
    q = max_order_quantity(account, FINRA, "X", Side.BUY, D(10), Mode.REG_T)
    assert q == D(150)
    check_maximal(account, FINRA, "X", Side.BUY, D(10), Mode.REG_T, q)
    # a short opens credit: the full $2,000 applies -> nothing
    assert max_order_quantity(account, FINRA, "X", Side.SELL_SHORT, D(10), Mode.REG_T) == D(0)
    # the cash mode has no minimum: 150 shares at $10
    assert max_order_quantity(account, FINRA, "X", Side.BUY, D(10), Mode.CASH) == D(150)


def test_cash_intraday_legacy_modes_and_reserved() -> None:
    # CASH: 10,000 of credit cash at $33: 303 (9,999)
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.CASH) == D(303)
    # INTRADAY 4210(d)(2): charge = maintenance, 25% of $33 = 8.25: 8,500 / 8.25 = 1,030.3 -> 1,030
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.INTRADAY) == D(1030)
    # reserved 500 (open orders): 8,000 / 16.5 = 484.8 -> 484
    assert max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, reserved=500) == D(484)
    # Legacy 4210(f)(8)(B)(iv): budget prior equity - prior maintenance = 25,000 in maintenance dollars; 25% of $100
    legacy = Account(D(30000), prior_equity=D(30000), prior_maintenance=D(5000))
    assert max_order_quantity(legacy, FINRA, "X", Side.BUY, D(100), Mode.LEGACY_DAY_TRADING) == D(1000)
    with pytest.raises(DomainError):  # no prior-close figures: a missing value, not a wrong type
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(100), Mode.LEGACY_DAY_TRADING)


def test_non_marginable_leveraged_and_house() -> None:
    # Reg T 220.12(e): non-margin stock at 100%: 8,500 / 33 = 257
    q = max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, marginable=False)
    assert q == D(257)
    check_maximal(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(33), Mode.REG_T, q, marginable=False)
    # Alpaca: 3x leveraged ETF at 100% maintenance -> intraday charge $33 a share; excess = 9,000 - 500 = 8,500
    q = max_order_quantity(SHORT_ACCOUNT, ALPACA, "X", Side.BUY, D(33), Mode.INTRADAY, leverage=3)
    assert q == D(257)
    # House symbol rate 80% on X: intraday charge 0.8 x 33 = 26.40 -> 8,500 - ... excess under the house rules
    q = max_order_quantity(SHORT_ACCOUNT, HOUSE, "X", Side.BUY, D(33), Mode.INTRADAY)
    check_maximal(SHORT_ACCOUNT, HOUSE, "X", Side.BUY, D(33), Mode.INTRADAY, q)
    assert q == D(321)  # 8,500 / 26.4 = 321.97


def test_capped_at_the_quantity_bound() -> None:
    rich = Account(D(10) ** 20)
    assert max_order_quantity(rich, FINRA, "X", Side.BUY, D(1), Mode.CASH) == MAX_Q


def test_bad_inputs() -> None:
    with pytest.raises(DomainError):
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", "hold", D(1), Mode.CASH)
    with pytest.raises(DomainError):
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(0), Mode.CASH)
    with pytest.raises(DomainError):
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(1), "margin")  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(1), Mode.CASH, reserved=-1)
    with pytest.raises(DomainError):
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, D(1), Mode.CASH, fractional=True, fraction_places=11)
    with pytest.raises(FloatRefusedError):
        max_order_quantity(SHORT_ACCOUNT, FINRA, "X", Side.BUY, 1.5, Mode.CASH)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        max_order_quantity("acct", FINRA, "X", Side.BUY, D(1), Mode.CASH)  # type: ignore[arg-type]


# --- Hypothesis: q fits and q + step does not, for many random cases ----------------------------------------------

SYMBOLS = ["A", "B", "C"]


@st.composite
def accounts(draw: st.DrawFn) -> Account:
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), max_size=3, unique=True))
    held = []
    for symbol in symbols:
        qty = draw(
            st.one_of(
                st.integers(min_value=-500, max_value=500).map(D),
                st.decimals(min_value=-50, max_value=50, places=2),
            ).filter(lambda q: q != 0)
        )
        price = draw(st.decimals(min_value=D("0.5"), max_value=D(300), places=2))
        held.append(Position(symbol, qty, price, draw(st.booleans()) if qty > 0 else True))
    cash = draw(st.decimals(min_value=-20000, max_value=60000, places=2))
    prior = draw(st.booleans())
    return Account(
        cash,
        tuple(held),
        prior_equity=D(30000) if prior else None,
        prior_maintenance=D(4000) if prior else None,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    account=accounts(),
    rules=st.sampled_from([FINRA, ALPACA, HOUSE]),
    symbol=st.sampled_from([*SYMBOLS, "X"]),
    side=st.sampled_from(list(Side)),
    price=st.decimals(min_value=D("0.01"), max_value=D(500), places=2),
    mode=st.sampled_from(list(Mode)),
    reserved=st.sampled_from([D(0), D(0), D("250.5"), D(5000)]),
    fractional=st.booleans(),
    places=st.integers(min_value=0, max_value=6),
)
def test_random_max_quantity_fits_and_one_step_more_does_not(
    account: Account,
    rules: RuleSet,
    symbol: str,
    side: Side,
    price: Decimal,
    mode: Mode,
    reserved: Decimal,
    fractional: bool,
    places: int,
) -> None:
    if mode is Mode.LEGACY_DAY_TRADING and account.prior_equity is None:
        with pytest.raises(DomainError):
            max_order_quantity(account, rules, symbol, side, price, mode)
        return
    held = account.position(symbol)
    marginable = held.marginable if held is not None else True
    q = max_order_quantity(account, rules, symbol, side, price, mode, reserved, fractional, places, marginable)
    step = D(1).scaleb(-places) if fractional else D(1)
    check_maximal(account, rules, symbol, side, price, mode, q, step, reserved, marginable)
