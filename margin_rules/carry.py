"""The cost of carrying a margin account: margin interest, credit interest, short-stock borrow fees and dividends.

Pure: dates and day counts are inputs; the core never reads a calendar or the clock. Conventions (cited):

* Margin interest accrues daily on the settlement-date debit balance at ``annual rate / 360`` ("daily margin interest
  charge = (settlement date debit balance * 0.0375) / 360", Alpaca support "Margin account"; rulebook digest 11). Each
  business day accrues until the next business day, so a Friday accrues for Friday, Saturday and Sunday (Alpaca
  "Short selling fees": "if you hold short positions as of a Friday settlement date, you will incur stock borrow fees
  for 3 days"). The business days are an input (``business_days``); without them Monday-Friday are used (no holidays:
  pass ``margin_rules.live.calendar``'s days for those).
* Tiered rates: whole-balance (the tier the balance falls in prices all of it) or blended (each slice at its tier's
  rate: IBKR "the first 100,000 is charged at the Tier I rate, the next 900,000 at the Tier II rate").
* Borrow fees accrue daily on each short's market value at the symbol's annual rate / 360 (Alpaca "Short selling
  fees": ``(short $ market value * rate) / 360``); easy-to-borrow default, hard-to-borrow per symbol. Alpaca charges
  on the nearest round lot (100 shares): a named option (``round_lot_borrow``).
* A cash dividend credits a long's cash and the SMA (Reg T 220.5(b)(1)); a short pays it (payment in lieu) on the
  pay date. The SMA is not changed by interest, fees or payments in lieu here (no rule text retrieved for them).

The one rounding: ``x / 360`` is not an exact decimal, so each line keeps its exact numerator (``basis x rate x days``)
and its amount rounded to ``ACCRUAL_PLACES`` decimal places (half-even); a charge is rounded away from the customer's
favour (ceiling of the charge). Brokers post the month's total to the cent (:func:`margin_rules.money.to_cents`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

import icontract

from margin_rules import pm_formulas as pf
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError, InvalidTypeError
from margin_rules.model import Account
from margin_rules.money import CORE_CONTEXT, ZERO, exact, exact_function, to_amount, to_decimal

ACCRUAL_PLACES = 10
_QUANTUM = Decimal(1).scaleb(-ACCRUAL_PLACES)
_MAX_RATE = Decimal(10)  # 1,000% a year: a hard-to-borrow rate can be very high; anything above is an input error


class TierMode(StrEnum):
    """How a tiered rate table applies to a balance."""

    WHOLE = "whole"
    """The rate of the tier the whole balance falls in."""
    BLENDED = "blended"
    """Each slice of the balance at its own tier's rate (IBKR)."""


@dataclass(frozen=True, slots=True)
class RateTier:
    """A tier of an annual rate table: balances from ``lower`` (inclusive) to ``upper`` (exclusive; None = no limit)."""

    lower: Decimal
    upper: Decimal | None
    annual_rate: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", to_amount(self.lower, "tier.lower"))
        if self.upper is not None:
            object.__setattr__(self, "upper", to_amount(self.upper, "tier.upper"))
            if self.upper <= self.lower:
                raise DomainError("tier.upper", "a tier's upper bound is above its lower bound")
        rate = to_decimal(self.annual_rate, "tier.annual_rate", max_abs=_MAX_RATE)
        if rate < ZERO:
            raise DomainError("tier.annual_rate", "a rate cannot be negative")
        object.__setattr__(self, "annual_rate", rate)


def _rate(value: object, field_name: str) -> Decimal:
    rate = to_decimal(value, field_name, max_abs=_MAX_RATE)
    if rate < ZERO:
        raise DomainError(field_name, "a rate cannot be negative")
    return rate


@dataclass(frozen=True, slots=True)
class CarryRates:
    """The rates of a broker (or a user's own), each with its source in ``citation``."""

    name: str
    margin_tiers: tuple[RateTier, ...]
    tier_mode: TierMode = TierMode.WHOLE
    day_count: int = 360
    credit_rate: Decimal = ZERO
    borrow_default_rate: Decimal = ZERO
    borrow_rates: Mapping[str, Decimal] = field(default_factory=dict)
    round_lot_borrow: bool = False
    citation: str = ""

    def __post_init__(self) -> None:
        tiers = tuple(self.margin_tiers)
        if not tiers or not all(isinstance(t, RateTier) for t in tiers):
            raise InvalidTypeError("rates.margin_tiers", "one or more RateTier")
        if tiers[0].lower != ZERO:
            raise DomainError("rates.margin_tiers[0].lower", "the first tier starts at 0")
        for i in range(1, len(tiers)):
            if tiers[i - 1].upper != tiers[i].lower:
                raise DomainError(f"rates.margin_tiers[{i}].lower", "tiers are contiguous and ascending")
        if tiers[-1].upper is not None:
            raise DomainError(f"rates.margin_tiers[{len(tiers) - 1}].upper", "the last tier has no upper bound")
        object.__setattr__(self, "margin_tiers", tiers)
        if not isinstance(self.tier_mode, TierMode):
            object.__setattr__(self, "tier_mode", TierMode(self.tier_mode))
        if self.day_count not in (360, 365):
            raise DomainError("rates.day_count", "360 or 365")
        object.__setattr__(self, "credit_rate", _rate(self.credit_rate, "rates.credit_rate"))
        object.__setattr__(self, "borrow_default_rate", _rate(self.borrow_default_rate, "rates.borrow_default_rate"))
        object.__setattr__(
            self,
            "borrow_rates",
            MappingProxyType(
                {k.strip().upper(): _rate(v, f"rates.borrow_rates[{k}]") for k, v in self.borrow_rates.items()}
            ),
        )
        if not isinstance(self.round_lot_borrow, bool):
            raise InvalidTypeError("rates.round_lot_borrow", "True or False")

    def borrow_rate(self, symbol: str) -> Decimal:
        """The annual borrow rate of ``symbol``: its hard-to-borrow rate, else the easy-to-borrow default."""
        return self.borrow_rates.get(symbol.upper(), self.borrow_default_rate)


ALPACA_MARGIN_RATE = Decimal("0.0375")


def alpaca_rates(
    annual_rate: Decimal | str = ALPACA_MARGIN_RATE,
    borrow_default_rate: Decimal | str = Decimal("0.025"),
    borrow_rates: Mapping[str, Decimal] | None = None,
) -> CarryRates:
    """Alpaca's published convention: one margin rate on the whole settlement-date debit balance, /360 (3.75% as
    quoted by Alpaca support "Margin account": "check 'Alpaca Securities Brokerage Fee Schedule' for the most up to
    date rate": pass the current one), no interest on brokerage cash, borrow fees /360 on the nearest round lot with a
    2.5% easy-to-borrow rate for S&P 500 shares (as quoted by Alpaca staff on the Alpaca forum, "Short 1 share,
    interest on 100 shares?")."""
    return CarryRates(
        name="alpaca",
        margin_tiers=(RateTier(ZERO, None, to_decimal(annual_rate, "annual_rate")),),
        tier_mode=TierMode.WHOLE,
        borrow_default_rate=to_decimal(borrow_default_rate, "borrow_default_rate"),
        borrow_rates=borrow_rates or {},
        round_lot_borrow=True,
        citation="Alpaca support 'Margin account' (rate / 360 on the settlement-date debit balance); Alpaca support "
        "'Short selling fees' (borrow fee / 360, Friday accrues 3 days, round lots)",
    )


IBKR_PRO_SPREADS: tuple[tuple[Decimal, Decimal | None, Decimal], ...] = (
    (Decimal(0), Decimal(100000), Decimal("0.015")),
    (Decimal(100000), Decimal(1000000), Decimal("0.01")),
    (Decimal(1000000), Decimal(50000000), Decimal("0.0075")),
    (Decimal(50000000), None, Decimal("0.005")),
)
"""IBKR Pro USD margin loan tiers: benchmark + 1.5% to 100,000; + 1% to 1,000,000; + 0.75% to 50,000,000; + 0.5% above
(IBKR "Margin Rates & Financing", USD table, blended; as quoted by queleparece.com's copy of the page)."""


def ibkr_pro_rates(benchmark: Decimal | str, borrow_default_rate: Decimal | str = ZERO) -> CarryRates:
    """IBKR Pro's blended USD tiers over a benchmark rate (the Fed funds effective rate; IBKR uses 0 for a negative
    benchmark): pass the day's benchmark (the published table showed 6.830% = BM 5.33% + 1.5%)."""
    bm = to_decimal(benchmark, "benchmark", max_abs=_MAX_RATE)
    bm = max(bm, ZERO)
    with exact():
        tiers = tuple(RateTier(lo, hi, bm + spread) for lo, hi, spread in IBKR_PRO_SPREADS)
    return CarryRates(
        name="ibkr_pro",
        margin_tiers=tiers,
        tier_mode=TierMode.BLENDED,
        borrow_default_rate=to_decimal(borrow_default_rate, "borrow_default_rate"),
        citation="IBKR 'Margin Rates & Financing' (USD, IBKR Pro; blended tiers; interest accrues daily), as quoted",
    )


def user_rates(annual_rate: Decimal | str, borrow_default_rate: Decimal | str = ZERO) -> CarryRates:
    """A single user-chosen annual margin rate (whole balance, /360)."""
    return CarryRates(
        "user",
        (RateTier(ZERO, None, to_decimal(annual_rate, "annual_rate")),),
        borrow_default_rate=to_decimal(borrow_default_rate, "borrow_default_rate"),
        citation="user-supplied",
    )


@dataclass(frozen=True, slots=True)
class Dividend:
    """A cash dividend of ``per_share`` on ``symbol`` paid on ``pay_date`` (to the position held then)."""

    symbol: str
    pay_date: dt.date
    per_share: Decimal

    def __post_init__(self) -> None:
        if not isinstance(self.symbol, str) or not self.symbol.strip():
            raise InvalidTypeError("dividend.symbol", "a non-empty string")
        object.__setattr__(self, "symbol", self.symbol.strip().upper())
        if isinstance(self.pay_date, dt.datetime) or not isinstance(self.pay_date, dt.date):
            raise InvalidTypeError("dividend.pay_date", "a datetime.date")
        value = to_amount(self.per_share, "dividend.per_share")
        if value < ZERO:
            raise DomainError("dividend.per_share", "a dividend is not negative")
        object.__setattr__(self, "per_share", value)


class ChargeKind(StrEnum):
    """The kinds of a carry line."""

    MARGIN_INTEREST = "margin_interest"
    CREDIT_INTEREST = "credit_interest"
    BORROW_FEE = "borrow_fee"
    DIVIDEND = "dividend"
    PAYMENT_IN_LIEU = "payment_in_lieu"


_CHARGES = (ChargeKind.MARGIN_INTEREST, ChargeKind.BORROW_FEE, ChargeKind.PAYMENT_IN_LIEU)


@dataclass(frozen=True, slots=True)
class CarryLine:
    """One charge or credit. ``amount`` is the signed cash effect (negative = a charge to the customer); ``exact`` is
    ``basis x rate x days`` for an accrual (``amount`` = exact / day_count, rounded) and the amount itself for a
    dividend; ``sma_effect`` is the SMA change (Reg T 220.5(b)(1) for a dividend credit)."""

    date: dt.date
    kind: ChargeKind
    symbol: str | None
    basis: Decimal
    annual_rate: Decimal
    days: int
    exact: Decimal
    amount: Decimal
    sma_effect: Decimal


@dataclass(frozen=True, slots=True)
class CarryStatement:
    """The lines of one accrual period and their totals."""

    from_date: dt.date
    to_date: dt.date
    lines: tuple[CarryLine, ...]

    @property
    def total(self) -> Decimal:
        """The signed cash effect of the period (negative = net cost)."""
        with exact():
            return sum((line.amount for line in self.lines), ZERO)

    @property
    def sma_total(self) -> Decimal:
        """The SMA effect of the period."""
        with exact():
            return sum((line.sma_effect for line in self.lines), ZERO)

    def total_of(self, kind: ChargeKind) -> Decimal:
        """The total of the lines of one kind."""
        with exact():
            return sum((line.amount for line in self.lines if line.kind is kind), ZERO)


def _divide(numerator: Decimal, day_count: int, charge: bool) -> Decimal:
    """numerator / day_count to ACCRUAL_PLACES: a charge rounds up (against the customer), a credit half-even."""
    with decimal.localcontext(CORE_CONTEXT) as ctx:
        ctx.traps[decimal.Inexact] = False
        ctx.traps[decimal.Rounded] = False
        value = numerator / Decimal(day_count)
        return value.quantize(_QUANTUM, rounding=decimal.ROUND_CEILING if charge else decimal.ROUND_HALF_EVEN)


def _margin_interest(debit: Decimal, rates: CarryRates, days: int) -> tuple[Decimal, Decimal]:
    """(basis x rate x days, the effective annual rate) of a debit balance under the tier table (inside ``exact()``)."""
    tiers = rates.margin_tiers
    if rates.tier_mode is TierMode.WHOLE:
        rate = next(t.annual_rate for t in tiers if t.upper is None or debit < t.upper)
        return pf.accrual_numerator(debit, rate, Decimal(days)), rate
    numerator = ZERO
    for t in tiers:
        bounded = t.upper is not None
        portion = pf.tier_portion(DECIMAL, debit, t.lower, t.upper if t.upper is not None else debit, bounded)
        numerator = numerator + pf.accrual_numerator(portion, t.annual_rate, Decimal(days))
    # the blended rate is reported for information only (numerator / (debit x days) may not be an exact decimal)
    return numerator, tiers[0].annual_rate if debit == ZERO else _blended(numerator, debit, days)


def _blended(numerator: Decimal, debit: Decimal, days: int) -> Decimal:
    with decimal.localcontext(CORE_CONTEXT) as ctx:
        ctx.traps[decimal.Inexact] = False
        ctx.traps[decimal.Rounded] = False
        return (numerator / (debit * days)).quantize(_QUANTUM)


@icontract.ensure(lambda result: all(d.weekday() < 5 for d in result), "only Monday to Friday")
@icontract.ensure(
    lambda from_date, to_date, result: all(from_date <= d < to_date for d in result), "within [from_date, to_date)"
)
def default_business_days(from_date: dt.date, to_date: dt.date) -> tuple[dt.date, ...]:
    """Monday to Friday from ``from_date`` (inclusive) to ``to_date`` (exclusive): weekday arithmetic, no holidays."""
    days = []
    day = from_date
    while day < to_date:
        if day.weekday() < 5:
            days.append(day)
        day = day + dt.timedelta(days=1)
    return tuple(days)


@icontract.require(
    lambda business_days, to_date: all(a < b for a, b in itertools.pairwise([*business_days, to_date])),
    "business days ascend and precede to_date",
)
@icontract.ensure(
    lambda business_days, to_date, result: (
        not business_days or sum(days for _, days in result) == (to_date - business_days[0]).days
    ),
    "every calendar day from the first business day to to_date accrues exactly once",
)
def accrual_days(business_days: Sequence[dt.date], to_date: dt.date) -> list[tuple[dt.date, int]]:
    """(day, calendar days it accrues for): each business day accrues until the next one (the last until
    ``to_date``), so a Friday accrues 3 days over a weekend."""
    result = []
    for i, day in enumerate(business_days):
        following = business_days[i + 1] if i + 1 < len(business_days) else to_date
        result.append((day, (following - day).days))
    return result


def _check_dates(from_date: object, to_date: object) -> None:
    for name, value in (("from_date", from_date), ("to_date", to_date)):
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise InvalidTypeError(name, "a datetime.date")
    assert isinstance(from_date, dt.date) and isinstance(to_date, dt.date)
    if to_date < from_date:
        raise DomainError("to_date", f"{to_date} is before {from_date}")


def _business(business_days: Iterable[dt.date] | None, from_date: dt.date, to_date: dt.date) -> tuple[dt.date, ...]:
    if business_days is None:
        days = default_business_days(from_date, to_date)
    else:
        raw = tuple(business_days)
        for i, d in enumerate(raw):
            if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
                raise InvalidTypeError(f"business_days[{i}]", "a datetime.date")
        days = tuple(sorted({d for d in raw if from_date <= d < to_date}))
    if days and days[0] != from_date:
        # the days before the first business day of the period (a period starting on a weekend) accrue on it
        days = (from_date, *days)
    elif not days and from_date < to_date:
        days = (from_date,)
    return days


def _lines(
    account: Account,
    rates: CarryRates,
    from_date: dt.date,
    to_date: dt.date,
    business_days: Iterable[dt.date] | None,
    settled_cash: Decimal,
    dividends: Sequence[Dividend],
) -> list[CarryLine]:
    lines: list[CarryLine] = []
    shorts = [p for p in account.positions if p.quantity < ZERO]
    short_value = sum((p.quantity * p.price for p in shorts), ZERO)
    debit = pf.debit_balance(DECIMAL, settled_cash)
    credit = DECIMAL.max(settled_cash + short_value, ZERO)  # short-sale proceeds earn nothing
    for day, days in accrual_days(_business(business_days, from_date, to_date), to_date):
        if debit > ZERO:
            numerator, rate = _margin_interest(debit, rates, days)
            amount = _divide(numerator, rates.day_count, charge=True).copy_negate()
            lines.append(CarryLine(day, ChargeKind.MARGIN_INTEREST, None, debit, rate, days, numerator, amount, ZERO))
        if credit > ZERO and rates.credit_rate > ZERO:
            numerator = pf.accrual_numerator(credit, rates.credit_rate, Decimal(days))
            amount = _divide(numerator, rates.day_count, charge=False)
            kind = ChargeKind.CREDIT_INTEREST
            lines.append(CarryLine(day, kind, None, credit, rates.credit_rate, days, numerator, amount, ZERO))
        for p in shorts:
            shares = -p.quantity
            if rates.round_lot_borrow:
                shares = (shares / 100).to_integral_value(rounding=decimal.ROUND_CEILING) * 100
            basis = shares * p.price
            rate = rates.borrow_rate(p.symbol)
            if rate == ZERO or basis == ZERO:
                continue
            numerator = pf.accrual_numerator(basis, rate, Decimal(days))
            amount = _divide(numerator, rates.day_count, charge=True).copy_negate()
            lines.append(CarryLine(day, ChargeKind.BORROW_FEE, p.symbol, basis, rate, days, numerator, amount, ZERO))
    for div in dividends:
        if not from_date <= div.pay_date < to_date:
            continue
        held = account.position(div.symbol)
        if held is None or held.quantity == ZERO:
            continue
        amount = pf.dividend_amount(held.quantity, div.per_share)
        kind = ChargeKind.DIVIDEND if amount > ZERO else ChargeKind.PAYMENT_IN_LIEU
        sma = amount if amount > ZERO else ZERO
        lines.append(
            CarryLine(div.pay_date, kind, div.symbol, abs(held.quantity), div.per_share, 0, amount, amount, sma)
        )
    lines.sort(key=lambda line: (line.date, line.kind.value, line.symbol or ""))
    return lines


@exact_function
@icontract.require(lambda account: isinstance(account, Account), "account is an Account")
@icontract.require(lambda rates: isinstance(rates, CarryRates), "rates is a CarryRates")
@icontract.ensure(
    lambda result: all(line.amount <= 0 for line in result.lines if line.kind in _CHARGES),
    "interest, borrow fees and payments in lieu are charges (never credits)",
)
@icontract.ensure(
    lambda result: all(result.from_date <= line.date < result.to_date for line in result.lines),
    "every line falls in the period [from_date, to_date)",
)
@icontract.ensure(
    lambda result: (
        sum(line.days for line in result.lines if line.kind is ChargeKind.MARGIN_INTEREST)
        <= (result.to_date - result.from_date).days
    ),
    "interest accrues at most once per calendar day of the period",
)
def accrue(
    account: Account,
    rates: CarryRates,
    from_date: dt.date,
    to_date: dt.date,
    *,
    business_days: Iterable[dt.date] | None = None,
    settled_cash: Decimal | int | str | None = None,
    dividends: Sequence[Dividend] = (),
) -> CarryStatement:
    """The carry of holding ``account`` unchanged from ``from_date`` (inclusive) to ``to_date`` (exclusive), line by
    line: margin interest on the settlement-date debit balance (``settled_cash``, default the account's cash), credit
    interest where the rates pay it, borrow fees on each short, dividends and payments in lieu with a pay date in the
    period. Day counts come from ``business_days`` (default Monday-Friday). See the module docstring for the sources."""
    _check_dates(from_date, to_date)
    cash = account.cash if settled_cash is None else to_amount(settled_cash, "settled_cash")
    for i, div in enumerate(dividends):
        if not isinstance(div, Dividend):
            raise InvalidTypeError(f"dividends[{i}]", "a Dividend")
    return CarryStatement(
        from_date, to_date, tuple(_lines(account, rates, from_date, to_date, business_days, cash, dividends))
    )


@dataclass(frozen=True, slots=True)
class DailyCost:
    """One day of a backtest's cost series."""

    date: dt.date
    interest: Decimal
    borrow: Decimal
    dividends: Decimal
    total: Decimal


@exact_function
@icontract.require(lambda rates: isinstance(rates, CarryRates), "rates is a CarryRates")
@icontract.ensure(lambda snapshots, result: len(result) == max(len(snapshots) - 1, 0), "one cost per held day")
def carry_series(
    snapshots: Sequence[tuple[dt.date, Account]], rates: CarryRates, dividends: Sequence[Dividend] = ()
) -> tuple[DailyCost, ...]:
    """A backtest's cost series: each snapshot (date, account) is held until the next snapshot's date, so the
    snapshots' dates are the business days (a Friday followed by a Monday accrues 3 days). The last snapshot closes
    the series. Returns the signed carry of each held day (negative = cost)."""
    dates = [d for d, _ in snapshots]
    for i in range(1, len(dates)):
        if dates[i] <= dates[i - 1]:
            raise DomainError(f"snapshots[{i}]", "dates must increase")
    result = []
    for (day, account), (following, _) in itertools.pairwise(snapshots):
        statement = accrue(account, rates, day, following, business_days=(day,), dividends=dividends)
        interest = statement.total_of(ChargeKind.MARGIN_INTEREST) + statement.total_of(ChargeKind.CREDIT_INTEREST)
        borrow = statement.total_of(ChargeKind.BORROW_FEE)
        divs = statement.total_of(ChargeKind.DIVIDEND) + statement.total_of(ChargeKind.PAYMENT_IN_LIEU)
        result.append(DailyCost(day, interest, borrow, divs, statement.total))
    return tuple(result)


_ONE_DAY = dt.date(2001, 1, 1)  # any date: a one-day accrual depends on no calendar


@exact_function
@icontract.require(lambda account: isinstance(account, Account), "account is an Account")
@icontract.require(lambda rates: isinstance(rates, CarryRates), "rates is a CarryRates")
@icontract.ensure(
    lambda account, rates, result: result <= 0 or (rates.credit_rate > 0 and account.cash > 0),
    "one day of carry is a cost unless the rates pay credit interest on a credit balance",
)
def daily_carry(account: Account, rates: CarryRates) -> Decimal:
    """One calendar day's carry (signed, negative = cost) of holding ``account``: margin interest on its debit, credit
    interest, borrow fees on its shorts (no dividends). The same lines as :func:`accrue` over one day."""
    return accrue(account, rates, _ONE_DAY, _ONE_DAY + dt.timedelta(days=1), business_days=(_ONE_DAY,)).total


@exact_function
@icontract.require(lambda before, after: isinstance(before, Account) and isinstance(after, Account), "accounts")
@icontract.require(lambda rates: isinstance(rates, CarryRates), "rates is a CarryRates")
@icontract.ensure(
    lambda before, after, rates, result: result == daily_carry(after, rates) - daily_carry(before, rates),
    "an order's daily carry is the change it makes to the account's daily carry",
)
def order_daily_carry(before: Account, after: Account, rates: CarryRates) -> Decimal:
    """The daily carry an order adds (negative = it costs more per day): what-if's "daily carry of the order"."""
    return daily_carry(after, rates) - daily_carry(before, rates)
