"""Portfolio margin (FINRA 4210(g)) for stocks and ETFs: worked examples checked against a plain oracle written here
(fractions, no library code), the seed's netting mistake, 20 offsetting pairs, house layers and refusals."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as Fr

import pytest

from margin_rules import finra
from margin_rules.errors import DomainError, InvalidRuleSetError
from margin_rules.model import Account, Position
from margin_rules.portfolio_margin import (
    OffsetModel,
    PMHouse,
    PMInstrument,
    PortfolioType,
    net_margin_requirement,
    pm_intraday_check,
    pm_rules,
    portfolio_margin,
)

# --- the plain oracle ------------------------------------------------------------------------------------------------

RANGES = {"equity": (Fr(15, 100), Fr(15, 100)), "high": (Fr(8, 100), Fr(6, 100)), "small": (Fr(10, 100), Fr(10, 100))}


def oracle_points(kind: str) -> list[Fr]:
    """10 equidistant valuation points: 5 down to -down, 5 up to +up (TIMS, FINRA 4210(g))."""
    down, up = RANGES[kind]
    return [-down * k / 5 for k in range(1, 6)] + [up * k / 5 for k in range(1, 6)]


def oracle_class_requirement(kind: str, legs: list[tuple[int, Fr, int]]) -> Fr:
    """legs: (signed quantity, price, signed factor) on one underlying: the worst net loss over the points."""
    worst = Fr(0)
    for move in oracle_points(kind):
        pnl = sum(q * p * max(f * move, Fr(-1)) for q, p, f in legs)
        worst = max(worst, -pnl)
    return worst


# --- worked examples ---------------------------------------------------------------------------------------------


def test_valuation_points_are_ten_equidistant_points() -> None:
    """FINRA 4210(g): 10 equidistant valuation points over +/-15% for an equity security (FINRA Portfolio Margin FAQ:
    long/short equities are "subject to a valuation point range of +/- 15 percent")."""
    pm = portfolio_margin(Account(D(0), (Position("XYZ", 100, D("200")),)), pm_rules())
    moves = pm.positions[0].moves
    assert [Fr(m) for m in moves] == oracle_points("equity")
    assert len(set(moves)) == 10


def test_long_stock_requires_its_15_percent_loss() -> None:
    """FINRA FAQ example: a long-only equity account is margined at the +/-15% range: 100 XYZ at $200 -> $3,000."""
    pm = portfolio_margin(Account(D(100000), (Position("XYZ", 100, D("200")),)), pm_rules())
    assert Fr(pm.requirement) == oracle_class_requirement("equity", [(100, Fr(200), 1)]) == 3000
    assert pm.requirement < finra().rates.maintenance_long_rate * 20000  # below the 25% strategy-based requirement


@pytest.mark.parametrize(("qty", "expected"), [(100, 4000), (-100, 3000)])
def test_high_cap_index_range_is_plus_6_minus_8(qty: int, expected: int) -> None:
    """SEC Release 34-46576 (NYSE 431(g) table): high-capitalization broad-based index +6% / -8%. Long SPY loses at
    -8%, short SPY at +6%."""
    pm = portfolio_margin(Account(D(100000), (Position("SPY", qty, D("500")),)), pm_rules())
    assert Fr(pm.requirement) == oracle_class_requirement("high", [(qty, Fr(500), 1)]) == expected


def test_small_cap_index_range_is_plus_minus_10() -> None:
    pm = portfolio_margin(Account(D(100000), (Position("IWM", 200, D("220")),)), pm_rules())
    assert Fr(pm.requirement) == oracle_class_requirement("small", [(200, Fr(220), 1)]) == 4400


def test_leveraged_and_inverse_etps_scale_by_factor_and_sign() -> None:
    """A -2x S&P 500 ETP held long loses 2 x 6% when the index rises 6%."""
    pm = portfolio_margin(Account(D(100000), (Position("SDS", 1000, D("20"), leverage=2),)), pm_rules())
    assert Fr(pm.requirement) == oracle_class_requirement("high", [(1000, Fr(20), -2)]) == 2400


def test_non_eligible_stock_stays_at_100_percent() -> None:
    account = Account(D(100000), (Position("XYZ", 100, D("10"), marginable=False), Position("ABC", 10, D("100"))))
    pm = portfolio_margin(account, pm_rules())
    assert pm.non_eligible == 1000
    assert Fr(pm.requirement) == 1000 + oracle_class_requirement("equity", [(10, Fr(100), 1)])


def test_unknown_leveraged_etp_is_refused() -> None:
    with pytest.raises(DomainError, match="needs a PMInstrument"):
        portfolio_margin(Account(D(0), (Position("LEVX", 10, D("10"), leverage=3),)), pm_rules())


def test_minimum_equity_shortfall() -> None:
    """FINRA 4210(g) minimum equity $100,000 (as quoted by FINRA's FAQ): a $60,000 account is $40,000 short."""
    pm = portfolio_margin(Account(D(40000), (Position("XYZ", 100, D("200")),)), pm_rules())
    assert pm.equity == 60000
    assert pm.equity_shortfall == 40000 and not pm.meets_minimum_equity


# --- the seed's mistake and 20 offsetting pairs ----------------------------------------------------------------------


def test_seed_mistake_short_inverse_etf_adds_exposure() -> None:
    """Long SPY with SHORT SH: both lose when the index falls. Netting by opposite quantity signs (the seed) would call
    it a hedge; 4210(g) sees the same direction: no netting discount. Long SPY with LONG SH is the hedge."""
    spy = Position("SPY", 100, D("500"))
    false_hedge = net_margin_requirement(Account(D(0), (spy, Position("SH", -1000, D("50")))), pm_rules(), finra())
    true_hedge = net_margin_requirement(Account(D(0), (spy, Position("SH", 1000, D("50")))), pm_rules(), finra())
    # oracle: both legs on the S&P 500 class
    assert Fr(false_hedge.account.net) == oracle_class_requirement("high", [(100, Fr(500), 1), (-1000, Fr(50), -1)])
    assert false_hedge.account.net == 8000 == false_hedge.account.standalone
    assert false_hedge.account.netting_discount == 0
    assert Fr(true_hedge.account.net) == oracle_class_requirement("high", [(100, Fr(500), 1), (1000, Fr(50), -1)]) == 0
    assert true_hedge.account.netting_discount == true_hedge.account.standalone == 7000


PAIRS = [
    # (long leg, hedge leg): each hedge leg has the opposite exposure to the same underlying
    (("SPY", 100, "500"), ("SH", 1000, "50")),
    (("SPY", 100, "500"), ("SDS", 1250, "20")),
    (("SPY", 100, "500"), ("SPXU", 800, "20")),
    (("IVV", 100, "500"), ("SH", 1000, "50")),
    (("VOO", 100, "460"), ("SDS", 1150, "20")),
    (("SSO", 500, "80"), ("SPY", -160, "500")),
    (("UPRO", 400, "75"), ("SPXU", 1500, "20")),
    (("QQQ", 100, "400"), ("PSQ", 1000, "40")),
    (("QQQ", 100, "400"), ("QID", 800, "25")),
    (("TQQQ", 200, "60"), ("SQQQ", 400, "30")),
    (("QLD", 100, "90"), ("QQQ", -45, "400")),
    (("DIA", 100, "400"), ("DOG", 1000, "40")),
    (("DIA", 100, "400"), ("DXD", 800, "25")),
    (("DDM", 200, "80"), ("DIA", -80, "400")),
    (("IWM", 100, "220"), ("RWM", 1100, "20")),
    (("IWM", 100, "220"), ("TWM", 550, "20")),
    (("UWM", 200, "40"), ("IWM", -72, "220")),
    (("SPY", 100, "500"), ("IVV", -100, "500")),
    (("SPY", -100, "500"), ("SH", -1000, "50")),
    (("QQQ", -100, "400"), ("SQQQ", -400, "33")),
]


def _legs(pair: tuple[tuple[str, int, str], ...]) -> tuple[Position, ...]:
    return tuple(Position(s, q, D(p), leverage=_lev(s)) for s, q, p in pair)


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{a[0]}+{b[0]}" for a, b in PAIRS])
def test_twenty_offsetting_pairs_net_below_the_sum(pair: tuple[tuple[str, int, str], ...]) -> None:
    """Each true hedge: the net requirement is below the sum of the legs' own requirements (Day-45 homework)."""
    legs = _legs(pair)
    net = net_margin_requirement(Account(D(0), legs), pm_rules(), finra()).account
    standalone = sum(
        (portfolio_margin(Account(D(0), (Position(s, q, D(p), leverage=_lev(s)),)), pm_rules()).requirement
         for s, q, p in pair),
        D(0),
    )  # fmt: skip
    assert net.net < standalone
    assert net.net < net.gross  # and below the strategy-based gross requirement


def _lev(symbol: str) -> D:
    inst = pm_rules().instruments.get(symbol)
    return abs(inst.factor) if inst is not None else D(1)


def test_the_false_pair_gets_no_discount() -> None:
    legs = (Position("SPY", 100, D("500")), Position("SH", -1000, D("50")))
    net = net_margin_requirement(Account(D(0), legs), pm_rules(), finra()).account
    standalone = sum((portfolio_margin(Account(D(0), (p,)), pm_rules()).requirement for p in legs), D(0))
    assert net.net == standalone


def test_groups_are_reported_per_product_group_and_class() -> None:
    account = Account(
        D(0), (Position("SPY", 100, D("500")), Position("SH", 1000, D("50")), Position("AAPL", 10, D("200")))
    )
    result = net_margin_requirement(account, pm_rules(), finra())
    names = {g.name: g for g in result.groups}
    assert set(names) == {"US_BROAD_HIGH_CAP", "AAPL"}
    assert names["US_BROAD_HIGH_CAP"].net == 0 and names["AAPL"].net == 300


# --- offsets, house layers, offset models ---------------------------------------------------------------------------


def test_product_group_offsets_apply_between_classes() -> None:
    """Long SPY against long PSQ (short Nasdaq-100 exposure): different classes of one product group. With no offset
    (the preset) the requirement is the sum; with a cited 90% offset (firm-supplied) gains offset 90% of losses."""
    account = Account(D(0), (Position("SPY", 100, D("500")), Position("PSQ", 1250, D("40"))))
    base = portfolio_margin(account, pm_rules())
    offset = portfolio_margin(
        account, pm_rules().with_offsets("test: a firm's cited 15c3-1a percentage", {"US_BROAD_HIGH_CAP": "0.9"})
    )
    # oracle: class P&L at each point, loss = -(losses + 0.9 gains)
    worst_base, worst_offset = Fr(0), Fr(0)
    for move in oracle_points("high"):
        spx, ndx = 100 * 500 * move, 1250 * 40 * (-move)
        losses, gains = min(spx, 0) + min(ndx, 0), max(spx, 0) + max(ndx, 0)
        worst_base = max(worst_base, -losses)
        worst_offset = max(worst_offset, -(losses + Fr(9, 10) * gains))
    assert Fr(base.requirement) == worst_base == 4000
    assert Fr(offset.requirement) == worst_offset == 400


def test_house_layer_can_raise_never_lower() -> None:
    rules = pm_rules()
    with pytest.raises(InvalidRuleSetError, match="narrower"):
        rules.with_house(PMHouse(ranges={PortfolioType.EQUITY: (D("0.10"), D("0.10"))}))
    with pytest.raises(InvalidRuleSetError, match="below"):
        rules.with_house(PMHouse(minimum_equity=D(50000)))
    with pytest.raises(InvalidRuleSetError, match="exceed"):
        rules.with_house(PMHouse(offsets={"US_BROAD_HIGH_CAP": D("0.5")}))
    house = rules.with_house(PMHouse(ranges={PortfolioType.EQUITY: (D("0.25"), D("0.25"))}, minimum_equity=D(150000)))
    account = Account(D(100000), (Position("XYZ", 100, D("200")),))
    assert portfolio_margin(account, house).requirement == 5000  # FINRA FAQ: stress firms at 25% at least
    assert portfolio_margin(account, house).minimum_equity == 150000


def test_offset_model_is_layered_on_top() -> None:
    """A user offset model that would let SPY offset IWM 100% cannot lower the rule's requirement."""
    account = Account(D(0), (Position("SPY", 100, D("500")), Position("IWM", -100, D("220"))))
    rules = pm_rules()
    model = OffsetModel(groups={"ALL": ("SPX", "NDX", "DJX")}, offsets={"ALL": D(1)})
    base = portfolio_margin(account, rules)
    layered = portfolio_margin(account, rules.with_offset_model(model))
    assert layered.requirement == base.requirement == base.regulatory


def test_instruments_can_be_added() -> None:
    rules = pm_rules().with_instruments([PMInstrument("XLK", "XLK", D(1)), PMInstrument("TECL", "XLK", D(3))])
    account = Account(D(0), (Position("TECL", 100, D("50"), leverage=3), Position("XLK", -300, D("50"))))
    assert portfolio_margin(account, rules).requirement == 0


# --- the 2026 intraday standard -------------------------------------------------------------------------------------


def test_intraday_check_under_five_million() -> None:
    """4210(g)(1)(J)-(K): under $5 million a trade must leave the account margined as at the end of the day."""
    before = Account(D(120000), ())
    fits = Account(D(120000 - 500000), (Position("XYZ", 2500, D("200")),))  # 15% of 500,000 = 75,000 <= 120,000
    too_big = Account(D(120000 - 1000000), (Position("XYZ", 5000, D("200")),))  # 150,000 > 120,000
    assert pm_intraday_check(before, fits, pm_rules()).permitted
    refused = pm_intraday_check(before, too_big, pm_rules())
    assert not refused.permitted and refused.applies and refused.requirement_after == 150000
    rich = Account(D(6000000), ())
    assert not pm_intraday_check(rich, Account(D(-4000000), (Position("XYZ", 50000, D("200")),)), pm_rules()).applies


def test_below_minimum_equity_only_risk_reducing_trades() -> None:
    before = Account(D(-10000), (Position("XYZ", 400, D("200")),))  # equity 70,000 < 100,000
    more = Account(D(-30000), (Position("XYZ", 500, D("200")),))
    less = Account(D(10000), (Position("XYZ", 300, D("200")),))
    assert not pm_intraday_check(before, more, pm_rules()).permitted
    assert pm_intraday_check(before, less, pm_rules()).permitted


def test_house_range_for_one_underlying_still_offsets_by_point() -> None:
    """A house range widened for the S&P 500 class only: classes of the product group are compared at the k-th point
    of their ranges (same direction and fraction)."""
    house = PMHouse(underlying_ranges={"SPX": (D("0.16"), D("0.12"))})
    rules = pm_rules().with_offsets("test: a firm's cited percentage", {"US_BROAD_HIGH_CAP": "0.5"}).with_house(house)
    account = Account(D(0), (Position("SPY", 100, D("500")), Position("PSQ", 1250, D("40"))))
    result = portfolio_margin(account, rules)
    down = [-Fr(16, 100) * k / 5 for k in range(1, 6)] + [Fr(12, 100) * k / 5 for k in range(1, 6)]
    ndx = [-Fr(8, 100) * k / 5 for k in range(1, 6)] + [Fr(6, 100) * k / 5 for k in range(1, 6)]
    worst = Fr(0)
    for spx_move, ndx_move in zip(down, ndx, strict=True):
        a, b = 50000 * spx_move, 50000 * -ndx_move
        worst = max(worst, -(min(a, 0) + min(b, 0) + Fr(1, 2) * (max(a, 0) + max(b, 0))))
    assert Fr(result.requirement) == worst == 6000
