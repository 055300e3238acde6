"""Properties of portfolio margin (FINRA 4210(g)) and the cost of carry, for the assurance work to prove."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as Fr

from hypothesis import given
from hypothesis import strategies as st
from margin_props import prop

from margin_rules.carry import ChargeKind, accrue, alpaca_rates, ibkr_pro_rates
from margin_rules.model import Account, Position
from margin_rules.portfolio_margin import PMHouse, PortfolioType, pm_rules, portfolio_margin

SYMBOLS = ["SPY", "SH", "SDS", "SSO", "QQQ", "PSQ", "IWM", "RWM", "AAPL", "MSFT"]
RULES = pm_rules()


def _lev(symbol: str) -> D:
    inst = RULES.instruments.get(symbol)
    return abs(inst.factor) if inst is not None else D(1)


quantities = st.integers(min_value=-5000, max_value=5000).filter(lambda q: q != 0)
prices = st.decimals(min_value=D("0.01"), max_value=D("2000"), places=2)


@st.composite
def accounts(draw: st.DrawFn) -> Account:
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), min_size=0, max_size=6, unique=True))
    positions = tuple(Position(s, draw(quantities), draw(prices), leverage=_lev(s)) for s in symbols)
    return Account(draw(st.integers(min_value=-(10**6), max_value=10**6)), positions)


@prop("PM-NONNEG", "the portfolio requirement is never negative", "FINRA 4210(g)",
      ["margin_rules.portfolio_margin.portfolio_margin"])  # fmt: skip
@given(accounts())
def test_requirement_never_negative(account: Account) -> None:
    assert portfolio_margin(account, RULES).requirement >= 0


@prop("PM-OWN-LOSS", "a position's own loss is the worst of its valuation points", "FINRA 4210(g) valuation points",
      ["margin_rules.portfolio_margin.portfolio_margin", "margin_rules.pm_formulas.position_pnl"])  # fmt: skip
@given(accounts())
def test_own_loss_is_worst_point(account: Account) -> None:
    for risk in portfolio_margin(account, RULES).positions:
        position = account.position(risk.symbol)
        assert position is not None
        factor = Fr(RULES.instruments[risk.symbol].factor) if risk.symbol in RULES.instruments else Fr(1)
        oracle = max([Fr(0)] + [-(Fr(position.quantity) * Fr(position.price) * max(factor * Fr(m), Fr(-1)))
                                for m in risk.moves])  # fmt: skip
        assert Fr(risk.own_loss) == oracle
        assert len(risk.moves) == 10


@prop("PM-HEDGE", "adding a hedge never raises a class's requirement", "FINRA 4210(g) class group netting",
      ["margin_rules.portfolio_margin.portfolio_margin"])  # fmt: skip
@given(st.integers(1, 5000), prices, st.sampled_from(["SH", "SDS", "SPY", "SSO"]), st.integers(0, 100))
def test_hedge_never_raises(qty: int, price: D, hedge: str, percent: int) -> None:
    base = Account(D(0), (Position("SPY", qty, price),))
    before = portfolio_margin(base, RULES).requirement
    factor = RULES.instruments[hedge].factor
    exposure = D(qty) * price  # long SPX exposure; the hedge takes up to 100% of it off
    hedge_value = exposure * percent / 100 / abs(factor)
    hedge_price = D(50)
    hedge_qty = (hedge_value / hedge_price).quantize(D("0.0001")) * (1 if factor < 0 else -1)
    if hedge_qty == 0 or hedge == "SPY":
        hedged = Account(D(0), (Position("SPY", qty, price),)) if hedge == "SPY" else base
    else:
        # never more than the exposure: round the hedge quantity toward zero
        while abs(hedge_qty) * hedge_price * abs(factor) > exposure:
            hedge_qty -= D("0.0001") if hedge_qty > 0 else D("-0.0001")
        hedged = Account(
            D(0), (Position("SPY", qty, price), Position(hedge, hedge_qty, hedge_price, leverage=abs(factor)))
        )
    assert portfolio_margin(hedged, RULES).requirement <= before


@prop("PM-MINIMUM", "the portfolio requirement is never below the minimum charges", "FINRA 4210(g) minimum charges",
      ["margin_rules.portfolio_margin.portfolio_margin"])  # fmt: skip
@given(accounts(), st.decimals(min_value=D(0), max_value=D(10), places=3))
def test_never_below_minimum_charges(account: Account, per_share: D) -> None:
    rules = RULES.with_house(PMHouse(minimum_charge_per_share=per_share))
    result = portfolio_margin(account, rules)
    oracle = sum((per_share * abs(p.quantity) for p in account.positions), D(0))
    assert result.minimum_charges == oracle
    assert result.requirement >= oracle


@prop("PM-HOUSE", "the house layer never lowers the requirement", "FINRA 4210(g); 4210(d)(1)",
      ["margin_rules.portfolio_margin.portfolio_margin"])  # fmt: skip
@given(accounts(), st.decimals(min_value=D("0.15"), max_value=D("0.5"), places=2),
       st.decimals(min_value=D("0.08"), max_value=D("0.5"), places=2))  # fmt: skip
def test_house_never_lowers(account: Account, equity_range: D, index_range: D) -> None:
    house = PMHouse(
        ranges={
            PortfolioType.EQUITY: (equity_range, equity_range),
            PortfolioType.HIGH_CAP_INDEX: (index_range, index_range),
        }
    )
    assert (
        portfolio_margin(account, RULES.with_house(house)).requirement >= portfolio_margin(account, RULES).requirement
    )


@prop("CARRY-SIGN", "interest and borrow fees are charges, proportional to the days held", "Alpaca rate / 360",
      ["margin_rules.carry.accrue"])  # fmt: skip
@given(accounts(), st.integers(0, 20), st.sampled_from(["alpaca", "ibkr"]))
def test_carry_charges(account: Account, days: int, preset: str) -> None:
    rates = alpaca_rates() if preset == "alpaca" else ibkr_pro_rates("0.0433")
    start = dt.date(2026, 12, 7)
    statement = accrue(account, rates, start, start + dt.timedelta(days=days), business_days=[start])
    for line in statement.lines:
        if line.kind in (ChargeKind.MARGIN_INTEREST, ChargeKind.BORROW_FEE):
            assert line.amount <= 0 and line.days == days
            assert abs(Fr(line.amount) + Fr(line.exact) / 360) < Fr(1, 10**10)
