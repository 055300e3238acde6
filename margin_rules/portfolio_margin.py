"""Portfolio margin, FINRA Rule 4210(g), for stocks and ETFs (options are out of scope; the design leaves room for
them).

What is computed (each number a named, cited parameter of :class:`PMRules`):

* Each position is revalued at the valuation points of its portfolio type's market-move range (10 equidistant points,
  5 down and 5 up; equity securities +/-15%; high-capitalization broad-based index products +6% / -8%; non-high-
  capitalization broad-based index products +/-10%). A leveraged or inverse ETP moves by its signed factor times the
  move of its underlying (:func:`margin_rules.pm_formulas.position_pnl`).
* Positions on the same underlying form a class group: their gains and losses net fully at each valuation point.
* Class groups of one product group (broad-based index products) may offset a percentage of one class's gains against
  another's losses at the same point. The regulatory percentage comes from SEA Rule 15c3-1a, whose text this project
  could not retrieve: the preset offset is therefore 0 (no cross-class offset, which is stricter than the rule) and a
  firm supplies the percentage with its citation (:meth:`PMRules.with_offsets`).
* The requirement of a group is the greater of its largest theoretical loss and its minimum charges; the account's is
  the sum over groups, plus 100% of any position that is not portfolio-margin eligible (non-margin stock).
* The $100,000 minimum equity; and the 2026 amendments (g)(1)(J)-(K): accounts under $5 million margin intraday
  risk as they margin end-of-day positions (:func:`pm_intraday_check`).
* A house layer (:class:`PMHouse`) may widen ranges, lower offsets, raise minimum charges and the minimum equity,
  never the reverse (refused with :class:`~margin_rules.errors.InvalidRuleSetError`). A user-supplied offset model
  (:class:`OffsetModel`, e.g. from a correlation matrix) is a house model layered on top: the requirement is the
  greater of the rule's and the model's, never below the rule's.

The seed's netting mistake: it netted a long against any position of the opposite sign. A *short* inverse ETF (short
SH against long SPY) adds exposure to the index (both lose when it falls); a *long* inverse ETF is the hedge.
:func:`net_margin_requirement` shows the difference per group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

import icontract

from margin_rules import formulas as f
from margin_rules import pm_formulas as pf
from margin_rules.arith import DECIMAL
from margin_rules.errors import DomainError, InvalidRuleSetError, InvalidTypeError
from margin_rules.model import Account, Position
from margin_rules.money import ONE, ZERO, exact, exact_function, to_amount, to_decimal
from margin_rules.requirements import position_maintenance
from margin_rules.rulesets import RuleSet

_MAX_FACTOR = Decimal(10)


class PortfolioType(StrEnum):
    """The portfolio types of FINRA 4210(g)'s valuation-point table that apply to stocks and ETFs."""

    EQUITY = "equity"
    """Any eligible product that is, or is based on, an equity security or a narrow-based index: +/-15%."""
    HIGH_CAP_INDEX = "high_cap_index"
    """High-capitalization, broad-based market index products: +6% / -8%."""
    NON_HIGH_CAP_INDEX = "non_high_cap_index"
    """Non-high-capitalization, broad-based market index products: +/-10%."""


RANGE_CITATION = (
    "FINRA Rule 4210(g) theoretical gains and losses: 10 equidistant valuation points; equity +/-15%, "
    "high-cap broad-based index +6%/-8%, non-high-cap broad-based index +/-10% (as quoted by SEC Release 34-46576, "
    "NYSE Rule 431(g) portfolio-type table; FINRA Portfolio Margin FAQ: long/short equities 'subject to a valuation "
    "point range of +/- 15 percent'; themargininvestor.com 'Stress Test Market Moves')"
)

PM_CITATIONS: Mapping[str, str] = MappingProxyType(
    {
        "ranges": RANGE_CITATION,
        "points_per_side": "FINRA Rule 4210(g): 10 equidistant valuation points, 5 down and 5 up (as quoted by "
        "themargininvestor.com 'Stress Test Market Moves' and the thinkorswim Portfolio Margin manual)",
        "offsets": "FINRA Rule 4210(g) product-group offsets at the percentage of SEA Rule 15c3-1a; text not "
        "retrieved: preset 0 (no cross-class offset, stricter than the rule); supply it with PMRules.with_offsets",
        "minimum_charge_per_share": "FINRA Rule 4210(g): the $.375 minimum applies to each listed option, unlisted "
        "derivative, security future and related instrument times its multiplier (as quoted by FINRA's Portfolio "
        "Margin FAQ); no per-share minimum for an equity security was found in the text retrieved: 0",
        "minimum_charge_per_contract": "FINRA Rule 4210(g): $.375 x the contract multiplier for derivatives (as "
        "quoted by FINRA's Portfolio Margin FAQ); unused until options are in scope",
        "minimum_equity": "FINRA Rule 4210(g) minimum equity of $100,000 (as quoted by FINRA's Portfolio Margin FAQ "
        "and IBKR 'net liquidating equity below USD 100,000'; unmet by T+3: only transactions that lower the "
        "requirement)",
        "intraday_threshold": "FINRA Rule 4210(g)(1)(J)-(K), SR-FINRA-2025-017: accounts under $5 million margin "
        "intraday risk substantially as end-of-day positions (as summarised in FINRA's filing description and the "
        "rulebook digest section 10)",
        "non_eligible_rate": "FINRA Rule 4210(g): only margin equity securities are eligible; other stock stays "
        "under strategy-based rules at 100% (SR-FINRA-2012-024)",
    }
)


@dataclass(frozen=True, slots=True)
class PMInstrument:
    """How a symbol is margined under 4210(g): its underlying (the class group), its signed factor with respect to the
    underlying, its portfolio type and (for broad-based index products) its product group."""

    symbol: str
    underlying: str
    factor: Decimal = ONE
    portfolio_type: PortfolioType = PortfolioType.EQUITY
    product_group: str | None = None

    def __post_init__(self) -> None:
        for name in ("symbol", "underlying"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InvalidTypeError(f"instrument.{name}", "a non-empty string")
            object.__setattr__(self, name, value.strip().upper())
        where = f"instrument[{self.symbol}].factor"
        factor = to_decimal(self.factor, where, max_abs=_MAX_FACTOR)
        if factor == ZERO:
            raise DomainError(where, "a factor is non-zero (negative for an inverse product)")
        object.__setattr__(self, "factor", factor)
        if not isinstance(self.portfolio_type, PortfolioType):
            try:
                object.__setattr__(self, "portfolio_type", PortfolioType(self.portfolio_type))
            except ValueError:
                raise DomainError(f"instrument[{self.symbol}].portfolio_type", "unknown portfolio type") from None
        if self.product_group is not None and (
            not isinstance(self.product_group, str) or not self.product_group.strip()
        ):
            raise InvalidTypeError(f"instrument[{self.symbol}].product_group", "a non-empty string or None")


def _etp(symbol: str, underlying: str, factor: int, kind: PortfolioType, group: str) -> PMInstrument:
    return PMInstrument(symbol, underlying, Decimal(factor), kind, group)


_HIGH = PortfolioType.HIGH_CAP_INDEX
_SMALL = PortfolioType.NON_HIGH_CAP_INDEX
KNOWN_ETPS: Mapping[str, PMInstrument] = MappingProxyType(
    {
        i.symbol: i
        for i in (
            # S&P 500: SPDR SPY, iShares IVV, Vanguard VOO track it; ProShares SH (-1x), SDS (-2x), SSO (2x),
            # Direxion/ProShares UPRO (3x), SPXU (-3x): the factors are the funds' stated daily objectives.
            _etp("SPY", "SPX", 1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("IVV", "SPX", 1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("VOO", "SPX", 1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("SH", "SPX", -1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("SDS", "SPX", -2, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("SSO", "SPX", 2, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("UPRO", "SPX", 3, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("SPXU", "SPX", -3, _HIGH, "US_BROAD_HIGH_CAP"),
            # Nasdaq-100: QQQ; ProShares PSQ (-1x), QLD (2x), QID (-2x), TQQQ (3x), SQQQ (-3x).
            _etp("QQQ", "NDX", 1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("PSQ", "NDX", -1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("QLD", "NDX", 2, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("QID", "NDX", -2, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("TQQQ", "NDX", 3, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("SQQQ", "NDX", -3, _HIGH, "US_BROAD_HIGH_CAP"),
            # Dow Jones Industrial Average: DIA; ProShares DOG (-1x), DXD (-2x), DDM (2x).
            _etp("DIA", "DJX", 1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("DOG", "DJX", -1, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("DXD", "DJX", -2, _HIGH, "US_BROAD_HIGH_CAP"),
            _etp("DDM", "DJX", 2, _HIGH, "US_BROAD_HIGH_CAP"),
            # Russell 2000 (small cap: non-high-capitalization): IWM; ProShares RWM (-1x), TWM (-2x), UWM (2x).
            _etp("IWM", "RUT", 1, _SMALL, "US_BROAD_SMALL_CAP"),
            _etp("RWM", "RUT", -1, _SMALL, "US_BROAD_SMALL_CAP"),
            _etp("TWM", "RUT", -2, _SMALL, "US_BROAD_SMALL_CAP"),
            _etp("UWM", "RUT", 2, _SMALL, "US_BROAD_SMALL_CAP"),
        )
    }
)
"""Broad-based index ETPs with their underlying, signed factor and portfolio type (the issuers' stated objectives;
the index classification follows themargininvestor.com 'Stress Test Market Moves': S&P 500, Nasdaq-100 and the Dow
high-capitalization broad-based, small-cap indexes non-high-capitalization). Pass your own table for anything else."""


def _fraction(value: object, field_name: str) -> Decimal:
    result = to_decimal(value, field_name)
    if not ZERO <= result <= ONE:
        raise DomainError(field_name, f"a fraction between 0 and 1 (got {result})")
    return result


def _range(value: object, field_name: str) -> tuple[Decimal, Decimal]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise InvalidTypeError(field_name, "a (down, up) pair of fractions")
    down = _fraction(value[0], f"{field_name}.down")
    up = _fraction(value[1], f"{field_name}.up")
    if down == ZERO and up == ZERO:
        raise DomainError(field_name, "a market-move range cannot be empty")
    return down, up


@dataclass(frozen=True, slots=True)
class PMHouse:
    """A firm's stricter portfolio-margin terms (FINRA 4210(g) permits, and FINRA's FAQ urges, higher house
    requirements). Each value may only make the requirement larger: wider ranges (per portfolio type or per
    underlying), lower product-group offsets, higher minimum charges and minimum equity."""

    ranges: Mapping[PortfolioType, tuple[Decimal, Decimal]] = field(default_factory=dict)
    underlying_ranges: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    offsets: Mapping[str, Decimal] = field(default_factory=dict)
    minimum_charge_per_share: Decimal | None = None
    minimum_equity: Decimal | None = None


@dataclass(frozen=True, slots=True)
class OffsetModel:
    """A user-supplied offset model (for instance derived from a correlation matrix): product groups of underlyings
    and the fraction of gains each group may offset. It is a house model: the account's requirement is the greater of
    the rule's and this model's, so it can only raise it."""

    groups: Mapping[str, tuple[str, ...]]
    offsets: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        if not isinstance(self.groups, Mapping) or not isinstance(self.offsets, Mapping):
            raise InvalidTypeError("offset_model", "groups and offsets are mappings")
        seen: dict[str, str] = {}
        groups: dict[str, tuple[str, ...]] = {}
        for name, members in self.groups.items():
            upper = tuple(m.strip().upper() for m in members)
            for member in upper:
                if member in seen:
                    raise DomainError(f"offset_model.groups[{name}]", f"{member} is already in group {seen[member]}")
                seen[member] = name
            groups[name] = upper
        offsets = {name: _fraction(v, f"offset_model.offsets[{name}]") for name, v in self.offsets.items()}
        for name in offsets:
            if name not in groups:
                raise DomainError(f"offset_model.offsets[{name}]", "no such group")
        object.__setattr__(self, "groups", MappingProxyType(groups))
        object.__setattr__(self, "offsets", MappingProxyType(offsets))


@dataclass(frozen=True, slots=True)
class PMRules:
    """The portfolio-margin parameters, each cited in :data:`PM_CITATIONS` (or in ``citations`` when changed)."""

    ranges: Mapping[PortfolioType, tuple[Decimal, Decimal]] = field(
        default_factory=lambda: {
            PortfolioType.EQUITY: (Decimal("0.15"), Decimal("0.15")),
            PortfolioType.HIGH_CAP_INDEX: (Decimal("0.08"), Decimal("0.06")),
            PortfolioType.NON_HIGH_CAP_INDEX: (Decimal("0.10"), Decimal("0.10")),
        }
    )
    points_per_side: int = 5
    offsets: Mapping[str, Decimal] = field(default_factory=dict)
    minimum_charge_per_share: Decimal = ZERO
    minimum_charge_per_contract: Decimal = Decimal("0.375")
    minimum_equity: Decimal = Decimal(100000)
    intraday_threshold: Decimal = Decimal(5000000)
    non_eligible_rate: Decimal = ONE
    instruments: Mapping[str, PMInstrument] = field(default_factory=lambda: dict(KNOWN_ETPS))
    house: PMHouse | None = None
    offset_model: OffsetModel | None = None
    citations: Mapping[str, str] = field(default_factory=lambda: dict(PM_CITATIONS))

    def __post_init__(self) -> None:
        ranges = {}
        for kind in PortfolioType:
            if kind not in self.ranges:
                raise InvalidRuleSetError(f"pm.ranges[{kind.value}]", "every portfolio type needs a range")
            ranges[kind] = _range(self.ranges[kind], f"pm.ranges[{kind.value}]")
        object.__setattr__(self, "ranges", MappingProxyType(ranges))
        if not isinstance(self.points_per_side, int) or isinstance(self.points_per_side, bool):
            raise InvalidTypeError("pm.points_per_side", "an int")
        if self.points_per_side not in (1, 2, 4, 5, 8, 10):
            raise DomainError("pm.points_per_side", "k / n must be an exact decimal: 1, 2, 4, 5, 8 or 10")
        object.__setattr__(
            self, "offsets", MappingProxyType({k: _fraction(v, f"pm.offsets[{k}]") for k, v in self.offsets.items()})
        )
        for name in ("minimum_charge_per_share", "minimum_charge_per_contract", "minimum_equity", "intraday_threshold"):
            value = to_amount(getattr(self, name), f"pm.{name}")
            if value < ZERO:
                raise DomainError(f"pm.{name}", "cannot be negative")
            object.__setattr__(self, name, value)
        object.__setattr__(self, "non_eligible_rate", _fraction(self.non_eligible_rate, "pm.non_eligible_rate"))
        instruments = {}
        for symbol, inst in self.instruments.items():
            if not isinstance(inst, PMInstrument):
                raise InvalidTypeError(f"pm.instruments[{symbol}]", "a PMInstrument")
            instruments[inst.symbol] = inst
        object.__setattr__(self, "instruments", MappingProxyType(instruments))
        if self.house is not None:
            self._check_house(self.house)
        if self.offset_model is not None and not isinstance(self.offset_model, OffsetModel):
            raise InvalidTypeError("pm.offset_model", "an OffsetModel")
        object.__setattr__(self, "citations", MappingProxyType(dict(self.citations)))

    def _check_house(self, house: PMHouse) -> None:
        if not isinstance(house, PMHouse):
            raise InvalidTypeError("pm.house", "a PMHouse")
        for kind, pair in house.ranges.items():
            down, up = _range(pair, f"house.ranges[{kind}]")
            rd, ru = self.ranges[PortfolioType(kind)]
            if down < rd or up < ru:
                raise InvalidRuleSetError(f"house.ranges[{kind}]", f"a house range cannot be narrower than {rd}/{ru}")
        for underlying, pair in house.underlying_ranges.items():
            _range(pair, f"house.underlying_ranges[{underlying}]")
        for group, value in house.offsets.items():
            offset = _fraction(value, f"house.offsets[{group}]")
            if offset > self.offsets.get(group, ZERO):
                raise InvalidRuleSetError(f"house.offsets[{group}]", "a house offset cannot exceed the rule's")
        for name in ("minimum_charge_per_share", "minimum_equity"):
            value = getattr(house, name)
            if value is not None and to_amount(value, f"house.{name}") < getattr(self, name):
                raise InvalidRuleSetError(f"house.{name}", f"a house value cannot be below the rule's {name}")

    def citation(self, name: str) -> str:
        """The source of parameter ``name``."""
        return self.citations[name]

    def with_offsets(self, citation: str, offsets: Mapping[str, Decimal | int | str]) -> PMRules:
        """These rules with product-group offset fractions (e.g. from SEA Rule 15c3-1a), cited."""
        if not isinstance(citation, str) or not citation.strip():
            raise InvalidTypeError("citation", "a non-empty citation for the offsets")
        return replace(
            self,
            offsets={k: to_decimal(v, f"offsets[{k}]") for k, v in offsets.items()},
            citations={**self.citations, "offsets": citation},
        )

    def with_house(self, house: PMHouse) -> PMRules:
        """These rules with a house layer (refused if it would lower any requirement)."""
        return replace(self, house=house)

    def with_offset_model(self, model: OffsetModel) -> PMRules:
        """These rules with a user-supplied offset model layered on top (never below the rule)."""
        return replace(self, offset_model=model)

    def with_instruments(self, instruments: Iterable[PMInstrument]) -> PMRules:
        """These rules with more (or replaced) instrument definitions."""
        table = dict(self.instruments)
        for inst in instruments:
            if not isinstance(inst, PMInstrument):
                raise InvalidTypeError("instruments", "PMInstrument values")
            table[inst.symbol] = inst
        return replace(self, instruments=table)

    # --- effective (house-layered) parameters ---------------------------------------------------------------------

    def range_of(self, instrument: PMInstrument) -> tuple[Decimal, Decimal]:
        """The (down, up) range of an instrument: the rule's for its type, widened by any house range."""
        down, up = self.ranges[instrument.portfolio_type]
        house = self.house
        if house is not None:
            for value in (
                house.ranges.get(instrument.portfolio_type),
                house.underlying_ranges.get(instrument.underlying),
            ):
                if value is not None:
                    down, up = max(down, Decimal(value[0])), max(up, Decimal(value[1]))
        return down, up

    def offset_of(self, group: str) -> Decimal:
        """The product-group offset fraction: the rule's, lowered by any house offset."""
        offset = self.offsets.get(group, ZERO)
        if self.house is not None and group in self.house.offsets:
            offset = min(offset, Decimal(self.house.offsets[group]))
        return offset

    @property
    def effective_minimum_equity(self) -> Decimal:
        """The minimum equity: the rule's $100,000, raised by the house."""
        if self.house is not None and self.house.minimum_equity is not None:
            return max(self.minimum_equity, Decimal(self.house.minimum_equity))
        return self.minimum_equity

    @property
    def effective_minimum_per_share(self) -> Decimal:
        """The per-share minimum charge: the rule's, raised by the house."""
        if self.house is not None and self.house.minimum_charge_per_share is not None:
            return max(self.minimum_charge_per_share, Decimal(self.house.minimum_charge_per_share))
        return self.minimum_charge_per_share

    def without_house(self) -> PMRules:
        """The same rules without the house layer or offset model (the regulatory requirement)."""
        return replace(self, house=None, offset_model=None)


def pm_rules() -> PMRules:
    """The FINRA 4210(g) preset for stocks and ETFs (see :data:`PM_CITATIONS`)."""
    return PMRules()


# --- results -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PositionRisk:
    """One position's theoretical P&L at each valuation point of its range, and its own (standalone) loss."""

    symbol: str
    underlying: str
    factor: Decimal
    moves: tuple[Decimal, ...]
    pnls: tuple[Decimal, ...]
    own_loss: Decimal
    minimum: Decimal


@dataclass(frozen=True, slots=True)
class GroupRisk:
    """A product group (or a lone class group) at its valuation points."""

    name: str
    classes: tuple[str, ...]
    offset: Decimal
    losses: tuple[Decimal, ...]
    theoretical: Decimal
    minimum: Decimal
    requirement: Decimal


@dataclass(frozen=True, slots=True)
class PortfolioMargin:
    """The portfolio-margin requirement of an account under FINRA 4210(g)."""

    equity: Decimal
    requirement: Decimal
    regulatory: Decimal
    house_model: Decimal
    minimum_charges: Decimal
    non_eligible: Decimal
    minimum_equity: Decimal
    equity_shortfall: Decimal
    positions: tuple[PositionRisk, ...]
    groups: tuple[GroupRisk, ...]

    @property
    def excess(self) -> Decimal:
        """Equity - requirement (negative in a deficiency)."""
        with exact():
            return self.equity - self.requirement

    @property
    def meets_minimum_equity(self) -> bool:
        """Equity at or above the $100,000 portfolio-margin minimum (house-raised)."""
        return self.equity_shortfall == ZERO


def _instrument(position: Position, rules: PMRules) -> PMInstrument:
    inst = rules.instruments.get(position.symbol)
    if inst is not None:
        return inst
    if position.leverage != ONE:
        raise DomainError(
            f"position[{position.symbol}]",
            "a leveraged ETP needs a PMInstrument (its underlying and signed factor) in the portfolio-margin rules",
        )
    return PMInstrument(position.symbol, position.symbol)


def _fractions(rules: PMRules) -> list[Decimal]:
    n = Decimal(rules.points_per_side)
    return [Decimal(k) / n for k in range(1, rules.points_per_side + 1)]


def _position_risk(position: Position, rules: PMRules) -> PositionRisk:
    """A position's theoretical P&L at its valuation points (run inside ``exact()``; uncontracted helper)."""
    inst = _instrument(position, rules)
    down, up = rules.range_of(inst)
    moves = pf.valuation_moves(DECIMAL, down, up, _fractions(rules))
    pnls = tuple(pf.position_pnl(DECIMAL, position.quantity, position.price, inst.factor, m) for m in moves)
    own = pf.worst_loss(DECIMAL, (pf.group_loss(DECIMAL, ZERO, (p,)) for p in pnls))
    minimum = pf.minimum_charge(rules.effective_minimum_per_share, abs(position.quantity))
    return PositionRisk(position.symbol, inst.underlying, inst.factor, tuple(moves), pnls, own, minimum)


def _groups(
    risks: list[PositionRisk], rules: PMRules, product_group: Mapping[str, str | None], offset_of: Mapping[str, Decimal]
) -> list[GroupRisk]:
    by_class: dict[str, list[PositionRisk]] = {}
    for risk in risks:
        by_class.setdefault(risk.underlying, []).append(risk)
    by_group: dict[str, list[str]] = {}
    for underlying in by_class:
        group = product_group.get(underlying) or underlying
        by_group.setdefault(group, []).append(underlying)
    result = []
    for name, classes in by_group.items():
        members = [r for c in classes for r in by_class[c]]
        # The classes of a product group are compared at the same valuation point: the k-th point of each range
        # (same direction, same fraction k/n), so a house range widened for one underlying still aligns.
        offset = offset_of.get(name, ZERO) if len(classes) > 1 else ZERO
        losses = []
        for i in range(len(members[0].pnls)):
            class_pnls = [pf.class_pnl(DECIMAL, (r.pnls[i] for r in by_class[c])) for c in classes]
            losses.append(pf.group_loss(DECIMAL, offset, class_pnls))
        theoretical = pf.worst_loss(DECIMAL, losses)
        minimum = sum((r.minimum for r in members), ZERO)
        requirement = pf.group_requirement(DECIMAL, theoretical, minimum)
        result.append(GroupRisk(name, tuple(classes), offset, tuple(losses), theoretical, minimum, requirement))
    return result


def _eligible(account: Account) -> tuple[list[Position], list[Position]]:
    held = [p for p in account.positions if p.quantity != ZERO]
    return [p for p in held if p.marginable], [p for p in held if not p.marginable]


def _compute(account: Account, rules: PMRules) -> PortfolioMargin:
    eligible, other = _eligible(account)
    risks = [_position_risk(p, rules) for p in eligible]
    rule_groups = {i.underlying: i.product_group for i in rules.instruments.values()}
    rule_offsets = {g: rules.offset_of(g) for g in set(rule_groups.values()) if g is not None}
    groups = _groups(risks, rules, rule_groups, rule_offsets)
    non_eligible = sum((rules.non_eligible_rate * abs(p.quantity) * p.price for p in other), ZERO)
    regulatory = sum((g.requirement for g in groups), ZERO) + non_eligible
    house_model = ZERO
    if rules.offset_model is not None:
        model = rules.offset_model
        model_groups = {u: name for name, members in model.groups.items() for u in members}
        model_house = _groups(risks, rules, model_groups, model.offsets)
        house_model = sum((g.requirement for g in model_house), ZERO) + non_eligible
    requirement = pf.layered(DECIMAL, regulatory, house_model)
    equity = _account_equity(account)
    minimum_equity = rules.effective_minimum_equity
    return PortfolioMargin(
        equity=equity,
        requirement=requirement,
        regulatory=regulatory,
        house_model=house_model,
        minimum_charges=sum((g.minimum for g in groups), ZERO),
        non_eligible=non_eligible,
        minimum_equity=minimum_equity,
        equity_shortfall=pf.shortfall(DECIMAL, equity, minimum_equity),
        positions=tuple(risks),
        groups=tuple(groups),
    )


def _account_equity(account: Account) -> Decimal:
    """Equity = cash + long market value + short market value (Reg T 220.2), inside ``exact()``."""
    long_value = sum((f.market_value(p.quantity, p.price) for p in account.positions if p.quantity > ZERO), ZERO)
    short_value = sum((f.market_value(p.quantity, p.price) for p in account.positions if p.quantity < ZERO), ZERO)
    return f.equity(account.cash, long_value, short_value)


@exact_function
@icontract.require(lambda account: isinstance(account, Account), "account is an Account")
@icontract.require(lambda rules: isinstance(rules, PMRules), "rules is a PMRules")
@icontract.ensure(lambda result: result.requirement >= 0, "the portfolio requirement is never negative")
@icontract.ensure(
    lambda result: result.requirement >= result.minimum_charges + result.non_eligible,
    "the portfolio requirement is never below the minimum charges (plus non-eligible positions)",
)
@icontract.ensure(
    lambda result: result.requirement >= result.regulatory, "a house model never lowers the rule's requirement"
)
@icontract.ensure(
    lambda result: all(
        p.own_loss >= -min(p.pnls) and p.own_loss in (*(-x for x in p.pnls), 0) for p in result.positions
    ),
    "a position's own loss is the worst of its valuation points",
)
def portfolio_margin(account: Account, rules: PMRules) -> PortfolioMargin:
    """The FINRA 4210(g) portfolio-margin requirement of ``account`` (stocks and ETFs): the greatest theoretical loss
    of each class group (one underlying, gains and losses netted) or product group (offsets between classes), at the
    10 valuation points of its range, at least its minimum charges; plus 100% of non-eligible stock; layered under any
    house model. Also the $100,000 minimum-equity shortfall. See the module docstring for the citations."""
    return _compute(account, rules)


# --- the seed's netting, done honestly ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NetMarginRequirement:
    """Gross (strategy-based) against net (portfolio) requirement, for an account or one group.

    * ``gross``: the strategy-based maintenance requirement (FINRA 4210(c)) of the positions under ``strategy_rules``.
    * ``standalone``: the sum of each position's own portfolio-margin requirement (as if held alone).
    * ``net``: the portfolio requirement with netting and offsets.
    * ``netting_discount``: ``standalone - net`` (>= 0: what the hedges save under 4210(g)).
    * ``discount_vs_gross``: ``gross - net`` (what portfolio margin saves against strategy-based margin; may be
      negative for a product whose 4210(g) range exceeds its strategy-based rate).
    """

    name: str
    symbols: tuple[str, ...]
    gross: Decimal
    standalone: Decimal
    net: Decimal
    netting_discount: Decimal
    discount_vs_gross: Decimal


@dataclass(frozen=True, slots=True)
class NetMargin:
    """The account's :class:`NetMarginRequirement` and one per group."""

    account: NetMarginRequirement
    groups: tuple[NetMarginRequirement, ...]


def _net(name: str, positions: list[Position], pm: PMRules, strategy: RuleSet) -> NetMarginRequirement:
    sub = Account(ZERO, tuple(positions))
    gross = sum((position_maintenance(p, strategy) for p in positions), ZERO)
    net = _compute(sub, pm).requirement
    standalone = sum((_compute(Account(ZERO, (p,)), pm).requirement for p in positions), ZERO)
    return NetMarginRequirement(
        name,
        tuple(p.symbol for p in positions),
        gross,
        standalone,
        net,
        pf.netting_discount(standalone, net),
        pf.netting_discount(gross, net),
    )


@exact_function
@icontract.require(lambda account: isinstance(account, Account), "account is an Account")
@icontract.require(lambda rules: isinstance(rules, PMRules), "rules is a PMRules")
@icontract.require(lambda strategy: isinstance(strategy, RuleSet), "strategy is a RuleSet")
@icontract.ensure(lambda result: result.account.net >= 0, "the net requirement is never negative")
@icontract.ensure(
    lambda result: result.account.netting_discount >= 0 and all(g.netting_discount >= 0 for g in result.groups),
    "netting never costs more than holding each position alone",
)
def net_margin_requirement(account: Account, rules: PMRules, strategy: RuleSet) -> NetMargin:
    """Gross strategy-based requirement, portfolio requirement and netting discount, per account and per group
    (product group, or class group when the underlying has none). FINRA 4210(c) (gross) and 4210(g) (net)."""
    eligible, other = _eligible(account)
    groups: dict[str, list[Position]] = {}
    for position in eligible:
        inst = _instrument(position, rules)
        name = rules.instruments[position.symbol].product_group if position.symbol in rules.instruments else None
        groups.setdefault(name or inst.underlying, []).append(position)
    for position in other:
        groups.setdefault(position.symbol, []).append(position)
    per_group = tuple(_net(name, members, rules, strategy) for name, members in groups.items())
    held = eligible + other
    return NetMargin(_net("account", held, rules, strategy), per_group)


# --- minimum equity and the 2026 intraday standard -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntradayCheck:
    """Whether a transaction may proceed under FINRA 4210(g)(1)(J)-(K) (accounts under $5 million)."""

    permitted: bool
    applies: bool
    below_minimum_equity: bool
    equity_after: Decimal
    requirement_after: Decimal
    reason: str


@exact_function
@icontract.require(lambda before, after: isinstance(before, Account) and isinstance(after, Account), "accounts")
@icontract.require(lambda rules: isinstance(rules, PMRules), "rules is a PMRules")
@icontract.ensure(
    lambda result: (
        result.permitted
        == (not result.below_minimum_equity and (not result.applies or result.requirement_after <= result.equity_after))
    ),
    "permitted exactly when the minimum-equity restriction does not bite and, under $5 million, the account after the "
    "transaction meets the portfolio requirement",
)
def pm_intraday_check(before: Account, after: Account, rules: PMRules) -> IntradayCheck:
    """FINRA 4210(g)(1)(J)-(K) (SR-FINRA-2025-017): an account with equity under $5 million margins intraday risk
    substantially as it margins end-of-day positions, so a transaction is permitted when the account after it still
    meets the portfolio requirement; above the threshold the firm's own intraday methodology applies (not modelled:
    permitted here, with the reason). Below the $100,000 minimum equity only requirement-lowering transactions pass
    (FINRA Portfolio Margin FAQ)."""
    pm_before = _compute(before, rules)
    pm_after = _compute(after, rules)
    applies = pm_before.equity < rules.intraday_threshold
    below = not pm_before.meets_minimum_equity and pm_after.requirement > pm_before.requirement
    eq, req = pm_after.equity, pm_after.requirement
    if below:
        return IntradayCheck(
            False, applies, True, eq, req, "below the minimum equity: only requirement-lowering trades"
        )
    if not applies:
        return IntradayCheck(True, False, False, eq, req, "equity of $5 million or more: the firm's own methodology")
    ok = pf.intraday_permitted(DECIMAL, eq, req)
    reason = "margined as at the end of the day" if ok else "the account after it would not meet the requirement"
    return IntradayCheck(ok, True, False, eq, req, reason)
