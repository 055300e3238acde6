"""Rule sets: every rate, floor and threshold as a named, cited parameter, with presets and house layers.

* :func:`finra` — the regulatory minimum: Reg T (12 CFR 220.12) + FINRA Rule 4210.
* :func:`alpaca` — Alpaca's published margin table ("Margin and Short Selling" documentation).
* :class:`HouseRules` — user-defined house layers on top of either (FINRA 4210(d)(1)): a house maintenance rate,
  per-symbol overrides and a concentration add-on. A position's requirement is the maximum of the layers.

Invariants (:func:`margin_rules.rates.rate_invariants`) are enforced on construction: the proofs rely on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from margin_rules.arith import DECIMAL
from margin_rules.errors import InvalidRuleSetError, InvalidTypeError
from margin_rules.money import ONE, ZERO, exact, to_decimal
from margin_rules.rates import RATE_FIELDS, Rates, rate_invariants


class WithdrawalRule(StrEnum):
    """Which rule decides a withdrawal."""

    REGULATORY = "regulatory"
    """FINRA 4210(b) + Reg T 220.4(e): no Reg T deficiency; equity >= max($2,000, maintenance) where credit is used."""
    KEEP_INITIAL = "keep_initial"
    """Seed 001's stricter rule: equity after the withdrawal stays at or above the initial requirement."""


class DayTradingRegime(StrEnum):
    """The day-trading regime of a rule set (FINRA SR-FINRA-2025-017)."""

    INTRADAY_MARGIN = "intraday_margin"
    """FINRA 4210(d)(2) intraday margin standard, in force since 2026-06-04 (the default)."""
    LEGACY_PDT = "legacy_pdt"
    """FINRA 4210(f)(8)(B) pattern-day-trader rules, which firms may keep until 2027-10-20."""


class DayTradingMethod(StrEnum):
    """How the legacy regime measures the day's use of day-trading buying power (FINRA 4210(f)(8)(B)(iv): "25% of the
    cost of all the day trades made during the day", or alternatively the "time and tick" highest open commitment)."""

    AGGREGATE = "aggregate"
    """Every opening trade executed during the day uses the budget up; a closing never gives it back (the default)."""
    TIME_AND_TICK = "time_and_tick"
    """The open commitment of the positions opened today: closing them the same day frees it (the rule's option; not
    while a day-trading call is outstanding, 4210(f)(8)(B)(iv)(b))."""


class PdtEquityPolicy(StrEnum):
    """What a pattern day trader under $25,000 may do (FINRA 4210(f)(8)(B)(iv)(a))."""

    BAR_DAY_TRADES = "bar_day_trades"
    """The rule's text: "will not be permitted to day trade": the order that would complete a day trade is refused;
    overnight (Reg T) margin stays (the default)."""
    CASH_BASIS = "cash_basis"
    """House option: the whole account trades on a cash-available basis (no new or larger debit or short)."""


class DeMinimisReading(StrEnum):
    """How the de minimis deficit of FINRA 4210(d)(2) (at most min(5% of equity, $1,000)) is read."""

    LITERAL = "literal"
    """The text: a de minimis deficit does not count toward *establishing* a practice; a customer already making a
    practice who misses the 5th business day is restricted even for a de minimis deficit (the default)."""
    NEVER_RESTRICTS = "never_restricts"
    """A broker reading: a de minimis deficit never counts and never restricts."""


_DAY_TRADING_CITATIONS: Mapping[str, str] = MappingProxyType(
    {
        "method": "FINRA Rule 4210(f)(8)(B)(iv): the cost of all the day's day trades (time and tick the alternative)",
        "pdt_equity_policy": "FINRA Rule 4210(f)(8)(B)(iv)(a): under $25,000 'will not be permitted to day trade'",
        "refuse_opening_in_deficiency": (
            "house practice shared by brokers (FINRA Rule 4210(c) maintenance; 4210(d)(1) house requirements)"
        ),
        "practice_misses": (
            "FINRA Rule 4210(d)(2) leaves 'makes a practice' unquantified (Regulatory Notice 26-10 as quoted by the "
            "rulebook digest, section 6a): house default 3 missed 5th business days within 365 days"
        ),
        "practice_lookback_days": "FINRA Rule 4210(d)(2) (house parameter): 365 calendar days",
        "deficit_due_business_days": "FINRA Rule 4210(d)(2): satisfied by the 5th business day",
        "de_minimis": "FINRA Rule 4210(d)(2): de minimis deficits do not count toward establishing a practice",
    }
)

_ALPACA_TERMS = "Alpaca, 'Understanding FINRA's new intraday margin rule' (published terms, as quoted by the rulebook)"


@dataclass(frozen=True, slots=True)
class DayTradingOptions:
    """The day-trading readings of a rule set, each cited (``citations``): the legacy method, the $25,000 policy, the
    maintenance-deficiency refusal, the "practice" of FINRA 4210(d)(2) and the de minimis reading."""

    method: DayTradingMethod = DayTradingMethod.AGGREGATE
    pdt_equity_policy: PdtEquityPolicy = PdtEquityPolicy.BAR_DAY_TRADES
    refuse_opening_in_deficiency: bool = True
    practice_misses: int = 3
    practice_lookback_days: int = 365
    deficit_due_business_days: int = 5
    de_minimis: DeMinimisReading = DeMinimisReading.LITERAL
    citations: Mapping[str, str] = field(default_factory=lambda: _DAY_TRADING_CITATIONS)

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", DayTradingMethod(self.method))
        object.__setattr__(self, "pdt_equity_policy", PdtEquityPolicy(self.pdt_equity_policy))
        object.__setattr__(self, "de_minimis", DeMinimisReading(self.de_minimis))
        if not isinstance(self.refuse_opening_in_deficiency, bool):
            raise InvalidTypeError("rules.day_trading.refuse_opening_in_deficiency", "must be True or False")
        for name, low, high in (
            ("practice_misses", 1, 1000),
            ("practice_lookback_days", 1, 3660),
            ("deficit_due_business_days", 1, 5),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidTypeError(f"rules.day_trading.{name}", "must be an int")
            if not low <= value <= high:
                raise InvalidRuleSetError(f"rules.day_trading.{name}", f"must be in [{low}, {high}] (got {value})")
        citations = {**_DAY_TRADING_CITATIONS, **dict(self.citations)}
        object.__setattr__(self, "citations", MappingProxyType(citations))

    def replace(self, citation: str, **changes: object) -> DayTradingOptions:
        """A copy with some options changed, each citing ``citation``."""
        unknown = sorted(set(changes) - {f for f in _DAY_TRADING_CITATIONS})
        if unknown:
            raise InvalidRuleSetError("rules.day_trading", "unknown option(s): " + ", ".join(unknown))
        return replace(self, **changes, citations={**self.citations, **dict.fromkeys(changes, citation)})  # type: ignore[arg-type]


def alpaca_day_trading_options() -> DayTradingOptions:
    """Alpaca's published intraday-margin terms: a deficit call due in 2 business days; one missed 5th business day
    gives the 90-day restriction; the same de minimis."""
    return DayTradingOptions().replace(_ALPACA_TERMS, practice_misses=1, deficit_due_business_days=2)


FINRA_CITATIONS: Mapping[str, str] = MappingProxyType(
    {
        "initial_long_rate": "Reg T 12 CFR 220.12(a)",
        "initial_short_rate": "Reg T 12 CFR 220.12(c)(1)",
        "initial_nonmarginable_rate": "Reg T 12 CFR 220.12(e)",
        "maintenance_long_rate": "FINRA Rule 4210(c)(1)",
        "long_low_price_threshold": "FINRA Rule 4210(c)(1) (no low-price band: 0)",
        "long_low_price_rate": "FINRA Rule 4210(c)(1) (band unused)",
        "maintenance_nonmarginable_rate": "FINRA Rule 4210(c); SR-FINRA-2012-024 (non-margin equity at 100%)",
        "short_price_threshold": "FINRA Rule 4210(c)(2)(A)-(B)",
        "short_low_per_share": "FINRA Rule 4210(c)(2)(A)",
        "short_low_rate": "FINRA Rule 4210(c)(2)(A)",
        "short_high_per_share": "FINRA Rule 4210(c)(2)(B)",
        "short_high_rate": "FINRA Rule 4210(c)(2)(B)",
        "leveraged_min_rate": "FINRA Regulatory Notice 09-53 (factor x requirement; no extra floor: 0)",
        "leveraged_per_share_multiplied": (
            "FINRA Regulatory Notice 09-53 (short: the percentage times the factor; per-share minimums as they are: 0)"
        ),
        "leveraged_short_rate_cap": "FINRA Regulatory Notice 09-53 (short percentage times the factor, no cap: 0)",
        "minimum_equity": "FINRA Rule 4210(b)(1)",
        "overnight_multiplier": "Reg T 12 CFR 220.12(a) (1 / 50%)",
        "day_trading_multiplier": "FINRA Rule 4210(f)(8)(B)(iv)",
        "pattern_day_trader_minimum_equity": "FINRA Rule 4210(f)(8)(B)(iv)(a)",
        "intraday_multiplier": "FINRA Rule 4210(d)(2) (1 / 25% maintenance)",
    }
)

_ALPACA = "Alpaca docs, Margin and Short Selling"

ALPACA_CITATIONS: Mapping[str, str] = MappingProxyType(
    {
        **FINRA_CITATIONS,
        "maintenance_long_rate": f"{_ALPACA}: 30% for long >= $2.50",
        "long_low_price_threshold": f"{_ALPACA}: $2.50 price band",
        "long_low_price_rate": f"{_ALPACA}: 100% for long < $2.50",
        "leveraged_min_rate": f"{_ALPACA}: 100% for 2x/3x leveraged ETFs",
        "initial_nonmarginable_rate": f"{_ALPACA}: 100% non-marginable",
        "maintenance_nonmarginable_rate": f"{_ALPACA}: 100% non-marginable",
        "day_trading_multiplier": "Alpaca account API: legacy multiplier 4",
        "intraday_multiplier": "FINRA Rule 4210(d)(2); 3 <= 1 / 30% keeps the display conservative",
    }
)


def _finra_rates() -> Rates[Decimal]:
    d = Decimal
    return Rates(
        initial_long_rate=d("0.50"),
        initial_short_rate=d("0.50"),
        initial_nonmarginable_rate=d("1.00"),
        maintenance_long_rate=d("0.25"),
        long_low_price_threshold=d("0"),
        long_low_price_rate=d("1.00"),
        maintenance_nonmarginable_rate=d("1.00"),
        short_price_threshold=d("5.00"),
        short_low_per_share=d("2.50"),
        short_low_rate=d("1.00"),
        short_high_per_share=d("5.00"),
        short_high_rate=d("0.30"),
        leveraged_min_rate=d("0"),
        leveraged_per_share_multiplied=d("0"),
        leveraged_short_rate_cap=d("0"),
        minimum_equity=d("2000"),
        overnight_multiplier=d("2"),
        day_trading_multiplier=d("4"),
        pattern_day_trader_minimum_equity=d("25000"),
        intraday_multiplier=d("4"),
    )


@dataclass(frozen=True, slots=True)
class HouseRules:
    """House requirements layered on a rule set (FINRA 4210(d)(1): a member may require more).

    * ``maintenance_rate``: a house maintenance rate applied to every position (e.g. 0.30), or None.
    * ``symbol_rates``: per-symbol maintenance rates (e.g. {"GME": 1.00}).
    * ``concentration_threshold`` / ``concentration_rate``: a position whose |market value| exceeds the threshold
      fraction of the account's gross exposure carries at least the concentration rate.
    * ``citation``: where the house table is published.
    """

    maintenance_rate: Decimal | None = None
    symbol_rates: Mapping[str, Decimal] = field(default_factory=dict)
    concentration_threshold: Decimal | None = None
    concentration_rate: Decimal | None = None
    citation: str = "house requirement (FINRA Rule 4210(d)(1))"

    def __post_init__(self) -> None:
        def rate(value: object, name: str) -> Decimal:
            result = to_decimal(value, name)
            if not ZERO <= result <= ONE:
                raise InvalidRuleSetError(name, f"a house rate is in [0, 1] (got {result})")
            return result

        if self.maintenance_rate is not None:
            object.__setattr__(self, "maintenance_rate", rate(self.maintenance_rate, "house.maintenance_rate"))
        if not isinstance(self.symbol_rates, Mapping):
            raise InvalidTypeError("house.symbol_rates", "must be a mapping of symbol to rate")
        rates = {}
        for symbol, value in self.symbol_rates.items():
            if not isinstance(symbol, str) or not symbol.strip():
                raise InvalidTypeError("house.symbol_rates", f"invalid symbol {symbol!r}")
            rates[symbol.strip().upper()] = rate(value, f"house.symbol_rates[{symbol}]")
        object.__setattr__(self, "symbol_rates", MappingProxyType(rates))
        if (self.concentration_threshold is None) != (self.concentration_rate is None):
            raise InvalidRuleSetError(
                "house.concentration_threshold", "give both concentration_threshold and concentration_rate, or neither"
            )
        if self.concentration_threshold is not None:
            threshold = to_decimal(self.concentration_threshold, "house.concentration_threshold")
            if not ZERO < threshold <= ONE:
                raise InvalidRuleSetError("house.concentration_threshold", f"must be in (0, 1] (got {threshold})")
            object.__setattr__(self, "concentration_threshold", threshold)
            object.__setattr__(self, "concentration_rate", rate(self.concentration_rate, "house.concentration_rate"))

    def base_rate(self, symbol: str) -> Decimal:
        """The highest house rate for ``symbol`` without the concentration add-on (0 when none)."""
        result = self.maintenance_rate if self.maintenance_rate is not None else ZERO
        override = self.symbol_rates.get(symbol)
        if override is not None and override > result:
            result = override
        return result


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A complete, validated and cited rule set. Build one with :func:`finra`, :func:`alpaca` or :meth:`replace`."""

    name: str
    rates: Rates[Decimal]
    citations: Mapping[str, str]
    house: HouseRules | None = None
    withdrawal_rule: WithdrawalRule = WithdrawalRule.REGULATORY
    day_trading_regime: DayTradingRegime = DayTradingRegime.INTRADAY_MARGIN
    description: str = ""
    day_trading: DayTradingOptions = field(default_factory=DayTradingOptions)

    def __post_init__(self) -> None:
        if not isinstance(self.rates, Rates):
            raise InvalidTypeError("rules.rates", "must be a Rates instance")
        converted = {name: to_decimal(getattr(self.rates, name), f"rules.{name}") for name in RATE_FIELDS}
        rates = Rates(**converted)
        object.__setattr__(self, "rates", rates)
        with exact():
            broken = [name for name, holds in rate_invariants(DECIMAL, rates).items() if not holds]
        if broken:
            raise InvalidRuleSetError("rules.rates", "violated invariant(s): " + ", ".join(broken))
        missing = [name for name in RATE_FIELDS if not self.citations.get(name)]
        if missing:
            raise InvalidRuleSetError(
                "rules.citations", "every parameter must cite its source; missing: " + ", ".join(missing)
            )
        object.__setattr__(self, "citations", MappingProxyType(dict(self.citations)))
        if self.house is not None and not isinstance(self.house, HouseRules):
            raise InvalidTypeError("rules.house", "must be a HouseRules instance")
        object.__setattr__(self, "withdrawal_rule", WithdrawalRule(self.withdrawal_rule))
        object.__setattr__(self, "day_trading_regime", DayTradingRegime(self.day_trading_regime))
        if not isinstance(self.day_trading, DayTradingOptions):
            raise InvalidTypeError("rules.day_trading", "must be a DayTradingOptions instance")

    def with_rates(self, citation: str, **changes: Decimal | int | str) -> RuleSet:
        """A copy with some rates changed, each citing ``citation``; invariants are re-checked."""
        unknown = sorted(set(changes) - set(RATE_FIELDS))
        if unknown:
            raise InvalidRuleSetError("rules.rates", "unknown parameter(s): " + ", ".join(unknown))
        rates = replace(self.rates, **{k: to_decimal(v, f"rules.{k}") for k, v in changes.items()})
        citations = {**self.citations, **dict.fromkeys(changes, citation)}
        return replace(self, rates=rates, citations=citations)

    def with_house(self, house: HouseRules) -> RuleSet:
        """A copy with ``house`` layered on top."""
        return replace(self, house=house, name=f"{self.name}+house")

    def with_options(
        self,
        *,
        withdrawal_rule: WithdrawalRule | None = None,
        day_trading_regime: DayTradingRegime | None = None,
        day_trading: DayTradingOptions | None = None,
    ) -> RuleSet:
        """A copy with another withdrawal rule, day-trading regime or day-trading options."""
        return replace(
            self,
            withdrawal_rule=withdrawal_rule or self.withdrawal_rule,
            day_trading_regime=day_trading_regime or self.day_trading_regime,
            day_trading=day_trading or self.day_trading,
        )

    def citation(self, parameter: str) -> str:
        """The source of one parameter."""
        return self.citations[parameter]


def finra() -> RuleSet:
    """The regulatory minimum: Reg T 12 CFR 220.12 initial margin and FINRA Rule 4210 maintenance."""
    return RuleSet(
        name="finra",
        rates=_finra_rates(),
        citations=FINRA_CITATIONS,
        description="Regulatory minimum: Reg T (12 CFR 220.12) initial, FINRA 4210 maintenance and minimum equity.",
    )


def alpaca() -> RuleSet:
    """Alpaca's published table: 30% long at >= $2.50, 100% below $2.50, 100% leveraged ETFs, FINRA short floors,
    50% / 100% initial."""
    d = Decimal
    rates = replace(
        _finra_rates(),
        maintenance_long_rate=d("0.30"),
        long_low_price_threshold=d("2.50"),
        long_low_price_rate=d("1.00"),
        leveraged_min_rate=d("1.00"),
        intraday_multiplier=d("3"),
    )
    return RuleSet(
        name="alpaca",
        rates=rates,
        citations=ALPACA_CITATIONS,
        description="Alpaca's published margin requirements (house rules over Reg T and FINRA 4210).",
        day_trading=alpaca_day_trading_options(),
    )


PRESETS = {"finra": finra, "alpaca": alpaca}


def preset(name: str) -> RuleSet:
    """A preset rule set by name: ``finra`` or ``alpaca``."""
    try:
        return PRESETS[name.strip().lower()]()
    except KeyError:
        raise InvalidRuleSetError("rules", f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}") from None
