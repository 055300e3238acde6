"""Hypothesis strategies for the core: exact decimals, positions, accounts, orders and rule sets.

Prices are drawn from three pools so that rule thresholds are hit far more often than uniform sampling would: ordinary
cents prices, prices a few cents or sub-cents around every threshold ($2.50 Alpaca band, $5.00 short threshold, $16.67
where the $5/share floor stops binding), and prices with up to 4 decimal places. Bounds stay inside those of
``margin_rules.money`` so that the core never raises ``PrecisionError`` on generated data.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from margin_rules import Account, HouseRules, Order, Position, RuleSet, Side, WithdrawalRule, alpaca, finra

SYMBOLS = ("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")

THRESHOLD_PRICES = tuple(
    Decimal(s)
    for s in (
        "0.01", "1.00", "2.49", "2.4999", "2.50", "2.5001", "2.51", "4.99", "4.995", "4.999", "4.9999", "5.00",
        "5.0001", "5.01", "16.66", "16.6666", "16.6667", "16.67", "16.68", "100.00",
    )
)  # fmt: skip


def decimals(lo: int, hi: int, places: int) -> st.SearchStrategy[Decimal]:
    """Exact decimals in [lo, hi] with at most ``places`` decimal places."""
    scale = 10**places
    return st.integers(lo * scale, hi * scale).map(lambda n: Decimal(n).scaleb(-places))


prices = st.one_of(
    decimals(0, 500, 2),
    st.sampled_from(THRESHOLD_PRICES),
    st.sampled_from(THRESHOLD_PRICES).flatmap(
        lambda t: st.integers(-300, 300).map(lambda k: max(t + Decimal(k).scaleb(-3), Decimal("0.001")))
    ),
    decimals(0, 50, 4),
)
positive_prices = prices.filter(lambda p: p > 0)
quantities = st.one_of(
    st.integers(-5000, 5000).map(Decimal),
    decimals(-2000, 2000, 3),
)
nonzero_quantities = quantities.filter(lambda q: q != 0)
leverages = st.sampled_from((Decimal(1), Decimal(1), Decimal(1), Decimal(2), Decimal(3)))
cash_amounts = st.one_of(decimals(-200_000, 400_000, 2), st.sampled_from((Decimal(0), Decimal(2000))))


@st.composite
def positions(
    draw: st.DrawFn, symbol: str | None = None, quantity: st.SearchStrategy[Decimal] = quantities
) -> Position:
    return Position(
        symbol=symbol if symbol is not None else draw(st.sampled_from(SYMBOLS)),
        quantity=draw(quantity),
        price=draw(prices),
        marginable=draw(st.booleans()),
        leverage=draw(leverages),
    )


@st.composite
def accounts(
    draw: st.DrawFn,
    max_positions: int = 4,
    min_positions: int = 0,
    long_only: bool = False,
    marginable_only: bool = False,
) -> Account:
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), min_size=min_positions, max_size=max_positions, unique=True))
    items = []
    for symbol in symbols:
        qty = draw(st.integers(1, 5000).map(Decimal) if long_only else quantities)
        items.append(
            Position(
                symbol=symbol,
                quantity=qty,
                price=draw(prices),
                marginable=True if marginable_only else draw(st.booleans()),
                leverage=Decimal(1) if marginable_only else draw(leverages),
            )
        )
    prior = draw(st.booleans())
    return Account(
        cash=draw(cash_amounts),
        positions=tuple(items),
        sma=draw(decimals(-1000, 50_000, 2)),
        prior_equity=draw(decimals(0, 500_000, 2)) if prior else None,
        prior_maintenance=draw(decimals(0, 200_000, 2)) if prior else None,
    )


HOUSE = HouseRules(
    maintenance_rate=Decimal("0.35"),
    symbol_rates={"AAA": Decimal("1.00")},
    concentration_threshold=Decimal("0.5"),
    concentration_rate=Decimal("0.5"),
)


def _rule_sets() -> tuple[RuleSet, ...]:
    return (
        finra(),
        alpaca(),
        finra().with_house(HOUSE),
        alpaca().with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL),
        finra().with_options(withdrawal_rule=WithdrawalRule.KEEP_INITIAL),
    )


RULE_SETS = _rule_sets()
rule_sets = st.sampled_from(RULE_SETS)
presets = st.sampled_from(RULE_SETS[:2])
no_house_rule_sets = st.sampled_from(tuple(r for r in RULE_SETS if r.house is None))


@st.composite
def orders(draw: st.DrawFn, account: Account | None = None) -> Order:
    held = [p.symbol for p in account.positions] if account is not None else []
    symbol = draw(st.sampled_from([*held, "ZZZ"])) if held else "ZZZ"
    return Order(
        symbol=symbol,
        side=draw(st.sampled_from(tuple(Side))),
        quantity=draw(st.integers(1, 3000).map(Decimal)),
        price=draw(positive_prices),
        marginable=draw(st.booleans()),
    )
