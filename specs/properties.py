"""The property registry of ``make prove``: every property with its id, English statement, rule, formal statement
builder, the functions it covers and the planted bugs it must catch.

A formal statement is a *builder* ``build(cx) -> Goal`` over a context (see :mod:`proofs.framework`): it calls the
core's formulas with ``cx.ar`` (Z3 to prove, Decimal to replay a counterexample) and returns premises and a goal. The
engine proves ``premises -> goal`` (``unsat`` of ``premises and not goal``), checks the premises are satisfiable
(vacuity, with a witness), and runs every planted bug, which must yield a counterexample.

Shapes (see :mod:`proofs.accounts`): ``position`` (one symbolic position), ``unbounded`` (account totals as free symbols
constrained by per-position lemmas: valid for any number of positions), ``bounded`` (K = 3 positions computed by the
formulas, quantities of free sign: every long/short/flat mix).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from margin_rules.health_state import HealthState
from proofs import planted as bugs
from proofs.accounts import bounded, lemma_instances, position, totals
from proofs.framework import Ctx, Goal, Planted, change_rates, flag, negated, override, wrap_ar
from proofs.z3arith import LeAsLt, LtAsLe, MaxAsMin

K = 3
"""Positions in the bounded account-level checks."""

HEALTHY, RESTRICTED, LIQ = HealthState.HEALTHY, HealthState.RESTRICTED, HealthState.LIQUIDATION_CALL


@dataclass(frozen=True)
class Obligation:
    """One formal statement of a property, instantiated for each scope (rule set)."""

    name: str
    shape: str  # "position" | "unbounded" | "bounded"
    build: Callable[[Ctx], Goal]
    scopes: tuple[str, ...]
    planted: tuple[Planted, ...]
    relies_on: tuple[str, ...] = ()
    """Rate invariants this obligation needs (symbolic scope); PARAMETER_NECESSITY drops each and expects a
    counterexample."""
    note: str = ""


@dataclass(frozen=True)
class Property:
    id: str
    title: str
    statement: str
    rule: str
    functions: tuple[str, ...]
    """Dotted names covered. ``margin_rules.formulas.*`` are generated into Z3; the others delegate to them."""
    link: str
    link_note: str
    obligations: tuple[Obligation, ...]
    argument: str = ""
    """Why the property holds for any number of positions (account-level properties)."""
    rules: tuple[str, ...] = field(default=())


def st(cx: Ctx, state: HealthState) -> Any:
    return cx.ar.state(state)


def is_state(cx: Ctx, s: Any, state: HealthState) -> Any:
    return cx.ar.eq(s, cx.ar.state(state))


def severity(cx: Ctx, s: Any) -> Any:
    """0 HEALTHY < 1 RESTRICTED < 2 LIQUIDATION_CALL, as a number of the domain."""
    ar = cx.ar
    return ar.ite(is_state(cx, s, LIQ), cx.c(2), ar.ite(is_state(cx, s, RESTRICTED), ar.one, ar.zero))


def account_for(shape: str, **kw: Any) -> Callable[[Ctx], Any]:
    if shape == "bounded":
        return lambda cx: bounded(cx, K, **kw)
    return lambda cx: totals(cx, **{k: v for k, v in kw.items() if k == "long_only"})


def observe_account(a: Any, **extra: Any) -> dict[str, Any]:
    return {"equity": a.equity, "maintenance": a.maintenance, "initial": a.initial, **extra}


ARGUMENT = (
    "Equity, maintenance and initial requirements are sums of per-position terms (formulas.total over "
    "formulas.position_requirements; equity = cash + the signed market values). The property depends on the account "
    "only through these totals and the facts of proofs.accounts.TOTALS_FACTS, each the sum of a per-position lemma "
    "proved for one symbolic position in POSITION_LEMMAS and preserved by adding a position (induction on the number "
    "of positions, base: the empty sums are 0). The 'unbounded' obligation proves the property over the totals as free "
    "symbols under exactly those facts, hence for ANY number of positions; the 'bounded' obligation re-checks it on a "
    f"concrete composition of K={K} positions of free sign (all long/short/flat mixes) built by the formulas."
)

# --- POSITION_LEMMAS ------------------------------------------------------------------------------------------------


def _position_lemmas(cx: Ctx) -> Goal:
    ar, f = cx.ar, cx.f
    p = position(cx, 0)
    zero = ar.zero
    goal = cx.all(
        *lemma_instances(cx, p),
        cx.implies(ar.eq(p.qty, zero), cx.all(ar.eq(p.maintenance, zero), ar.eq(p.initial, zero))),
        cx.implies(ar.le(zero, p.qty), ar.eq(p.short_value, zero)),
        ar.eq(f.equity(zero, p.long_value, p.short_value), f.market_value(p.qty, p.price)),
    )
    return Goal(p.domain, goal, {"maintenance": p.maintenance, "initial": p.initial})


POSITION_LEMMAS = Property(
    id="POSITION_LEMMAS",
    title="Per-position lemmas (base of the compositional proofs)",
    statement=(
        "For one position of any sign, price >= 0, leverage in [1, 10], house rate in [0, 1], under any valid rule "
        "set: 0 <= maintenance <= initial; a flat position requires nothing; the long value is >= 0 and the short "
        "value <= 0 (0 for a long); long + short value = the signed market value."
    ),
    rule="FINRA 4210(b)(1) (initial = greater of Reg T and maintenance), 4210(c); Reg T 220.2",
    functions=(
        "margin_rules.formulas.position_requirements",
        "margin_rules.formulas.long_requirements",
        "margin_rules.formulas.short_requirements",
        "margin_rules.formulas.long_maintenance_rate",
        "margin_rules.formulas.long_maintenance",
        "margin_rules.formulas.short_maintenance",
        "margin_rules.formulas.long_regt_initial",
        "margin_rules.formulas.short_regt_initial",
        "margin_rules.formulas.market_value",
        "margin_rules.formulas.long_part",
        "margin_rules.formulas.short_part",
        "margin_rules.formulas.equity",
    ),
    link="generated",
    link_note="Z3 terms built by calling the listed formulas with the Z3 Arith.",
    obligations=(
        Obligation(
            "one position",
            "position",
            _position_lemmas,
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "max_as_min",
                    "max computes min (initial = lesser of Reg T and maintenance)",
                    wrap_ar(MaxAsMin),
                ),
            ),
        ),
    ),
)

# --- LINK -----------------------------------------------------------------------------------------------------------


def _link(cx: Ctx) -> Goal:
    ar, f = cx.ar, cx.f
    p = position(cx, 0)
    routed = bugs.routed_requirements if "sign_error" not in cx.flags else bugs.routed_requirements_sign_error
    rm, ri = routed(cx.impl, cx.rates, p.qty, p.price, p.marginable, p.leverage, p.extra_rate)
    m, i = f.position_requirements(cx.impl, cx.rates, p.qty, p.price, p.marginable, p.leverage, p.extra_rate)
    routing = cx.all(
        cx.implies(ar.lt(ar.zero, p.qty), ar.eq(f.long_part(cx.impl, p.qty), p.qty)),
        cx.implies(ar.lt(p.qty, ar.zero), ar.eq(f.short_part(cx.impl, p.qty), ar.zero - p.qty)),
    )
    return Goal(p.domain, cx.all(routing, ar.eq(m, rm), ar.eq(i, ri)), {"maintenance": m, "initial": i})


LINK = Property(
    id="LINK",
    title="Branch-free requirement = the library's sign-routed requirement",
    statement=(
        "formulas.position_requirements (long part + short part) equals the sign routing of "
        "requirements.position_terms: long_requirements(qty) for qty > 0, short_requirements(-qty) for qty < 0, "
        "(0, 0) when flat."
    ),
    rule="FINRA 4210(c)(1)-(2); Reg T 220.12",
    functions=(
        "margin_rules.formulas.position_requirements",
        "margin_rules.formulas.long_requirements",
        "margin_rules.formulas.short_requirements",
        "margin_rules.requirements.position_terms",
    ),
    link="generated",
    link_note=(
        "Both sides generated from the formulas (the routing mirrored over Arith in "
        "proofs.planted.routed_requirements). The library's hot path, requirements.position_terms, runs code "
        "specialised per rule set from the formulas; it is conformance-tested against formulas.position_requirements "
        "on a 5,040-point threshold grid in make prove (LINK/position_terms-conformance) and on generated inputs in "
        "tests/test_proofs_conformance.py."
    ),
    obligations=(
        Obligation(
            "one position",
            "position",
            _link,
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "routing_sign_error",
                    "routing passes the negative quantity to the short formula",
                    flag("sign_error"),
                ),
            ),
        ),
    ),
)

# --- SOLVENCY -------------------------------------------------------------------------------------------------------


def _solvency(shape: str) -> Callable[[Ctx], Goal]:
    make = account_for(shape)

    def build(cx: Ctx) -> Goal:
        a = make(cx)
        s = cx.f.classify(cx.impl, a.has_positions, a.equity, a.maintenance, a.initial)
        goal = cx.implies(a.has_positions, cx.iff(is_state(cx, s, LIQ), cx.ar.lt(a.equity, a.maintenance)))
        return Goal(a.premises, goal, observe_account(a, state=s))

    return build


_SOLVENCY_BUGS = (
    Planted(
        "classify_initial_first",
        "initial tested before maintenance",
        override("classify", bugs.classify_initial_first),
    ),
)

SOLVENCY = Property(
    id="SOLVENCY",
    title="Equity below maintenance is always a liquidation call",
    statement=(
        "For every account with positions, the health is LIQUIDATION_CALL exactly when equity < the maintenance "
        "requirement."
    ),
    rule="FINRA 4210(c) (maintenance); seed 001 state machine",
    functions=(
        "margin_rules.formulas.classify",
        "margin_rules.health.classify",
        "margin_rules.health.health",
    ),
    link="generated",
    link_note="formulas.classify generated into Z3; health.classify delegates to it (conformance-tested).",
    argument=ARGUMENT,
    obligations=(
        Obligation("any number of positions", "unbounded", _solvency("unbounded"), ("symbolic",), _SOLVENCY_BUGS),
        Obligation(
            f"K={K} positions",
            "bounded",
            _solvency("bounded"),
            ("symbolic", "finra", "alpaca"),
            _SOLVENCY_BUGS,
        ),
    ),
)

# --- BOUNDARIES -----------------------------------------------------------------------------------------------------


def _boundaries(shape: str) -> Callable[[Ctx], Goal]:
    make = account_for(shape)

    def build(cx: Ctx) -> Goal:
        ar = cx.ar
        a = make(cx)
        delta = cx.real("delta")
        cent = cx.c("0.01")

        def state_at(e: Any) -> Any:
            return cx.f.classify(cx.impl, a.has_positions, e, a.maintenance, a.initial)

        m, i = a.maintenance, a.initial
        goal = cx.implies(
            a.has_positions,
            cx.all(
                cx.implies(ar.lt(m, i), is_state(cx, state_at(m), RESTRICTED)),
                is_state(cx, state_at(i), HEALTHY),
                is_state(cx, state_at(m - cent), LIQ),
                cx.implies(ar.le(m, i - cent), is_state(cx, state_at(i - cent), RESTRICTED)),
                cx.implies(ar.lt(ar.zero, delta), is_state(cx, state_at(m - delta), LIQ)),
                cx.implies(
                    cx.all(ar.lt(ar.zero, delta), ar.le(m, i - delta)),
                    is_state(cx, state_at(i - delta), RESTRICTED),
                ),
            ),
        )
        return Goal(a.premises, goal, observe_account(a))

    return build


_BOUNDARY_BUGS = (
    Planted("lt_as_le", "every < of the formulas is <= (equity at maintenance calls)", wrap_ar(LtAsLe)),
    Planted(
        "one_cent_tolerance",
        "one-cent tolerance below maintenance",
        override("classify", bugs.classify_with_tolerance),
    ),
)

BOUNDARIES = Property(
    id="BOUNDARIES",
    title="Exact boundaries, no tolerance",
    statement=(
        "With positions: equity exactly at maintenance (< initial) is RESTRICTED; exactly at initial is HEALTHY; one "
        "cent (or any amount) below maintenance is LIQUIDATION_CALL; one cent (or any amount) below initial but at or "
        "above maintenance is RESTRICTED."
    ),
    rule="Seed 001 (exact boundaries); FINRA 4210(c); Reg T 220.12",
    functions=("margin_rules.formulas.classify", "margin_rules.health.classify"),
    link="generated",
    link_note="formulas.classify generated into Z3; health.classify delegates to it (conformance-tested).",
    argument=ARGUMENT,
    obligations=(
        Obligation("any number of positions", "unbounded", _boundaries("unbounded"), ("symbolic",), _BOUNDARY_BUGS),
        Obligation(f"K={K} positions", "bounded", _boundaries("bounded"), ("finra", "alpaca"), _BOUNDARY_BUGS),
    ),
)

# --- COVERAGE -------------------------------------------------------------------------------------------------------

REGIONS = (
    ("R0 no positions", HEALTHY),
    ("R1 equity < maintenance", LIQ),
    ("R2 maintenance <= equity < initial", RESTRICTED),
    ("R3 equity >= initial", HEALTHY),
)


def _regions(cx: Ctx, a: Any) -> list[Any]:
    ar = cx.ar
    hp, e, m, i = a.has_positions, a.equity, a.maintenance, a.initial
    return [
        ar.not_(hp),
        cx.all(hp, ar.lt(e, m)),
        cx.all(hp, ar.le(m, e), ar.lt(e, i)),
        cx.all(hp, ar.le(i, e)),
    ]


def _coverage(shape: str) -> Callable[[Ctx], Goal]:
    make = account_for(shape)

    def build(cx: Ctx) -> Goal:
        ar = cx.ar
        a = make(cx)
        s = cx.f.classify(cx.impl, a.has_positions, a.equity, a.maintenance, a.initial)
        regions = _regions(cx, a)
        exactly_one = cx.all(
            cx.any(*regions),
            *[ar.not_(cx.all(regions[x], regions[y])) for x in range(4) for y in range(x + 1, 4)],
        )
        mapped = cx.all(*[cx.implies(r, is_state(cx, s, want)) for r, (_, want) in zip(regions, REGIONS, strict=True)])
        one_state = cx.any(*[is_state(cx, s, h) for h in HealthState])
        goal = cx.all(exactly_one, mapped, one_state)
        return Goal(
            a.premises,
            goal,
            observe_account(a, state=s),
            witnesses={name: region for (name, _), region in zip(REGIONS, regions, strict=True)},
        )

    return build


COVERAGE = Property(
    id="COVERAGE",
    title="The health regions partition the accounts",
    statement=(
        "Every account lies in exactly one of the regions R0 no positions, R1 equity < maintenance, R2 maintenance <= "
        "equity < initial, R3 equity >= initial (with positions); the health is R0: HEALTHY, R1: LIQUIDATION_CALL, R2: "
        "RESTRICTED, R3: HEALTHY, always exactly one of the three states; each region is non-empty (witness accounts)."
    ),
    rule="Seed 001 state machine; FINRA 4210(c); Reg T 220.12",
    functions=(
        "margin_rules.formulas.classify",
        "margin_rules.health.classify",
        "margin_rules.health.health",
    ),
    link="generated",
    link_note="formulas.classify generated into Z3; region witnesses re-checked with margin_rules.health.health.",
    argument=ARGUMENT,
    obligations=(
        Obligation(
            "any number of positions",
            "unbounded",
            _coverage("unbounded"),
            ("symbolic",),
            (
                Planted(
                    "classify_gap",
                    "RESTRICTED only strictly above maintenance",
                    override("classify", bugs.classify_gap),
                ),
            ),
        ),
        Obligation(
            f"K={K} positions",
            "bounded",
            _coverage("bounded"),
            ("finra", "alpaca"),
            (
                Planted(
                    "classify_gap",
                    "RESTRICTED only strictly above maintenance",
                    override("classify", bugs.classify_gap),
                ),
            ),
        ),
    ),
)

# --- WITHDRAWAL_PROTECTION / NO_GAP_RISK ----------------------------------------------------------------------------


def _withdrawal_terms(cx: Ctx, a: Any) -> dict[str, Any]:
    f, r = cx.f, cx.rates
    keep = cx.boolean("keep_initial")
    amount = cx.real("amount")
    args = (cx.impl, r, keep, a.has_positions, a.has_shorts, a.cash, a.equity, a.maintenance, a.initial)
    limit = f.max_withdrawal(*args)

    def permitted(x: Any) -> Any:
        return f.withdrawal_permitted(*args, x)

    return {"keep": keep, "amount": amount, "limit": limit, "permitted": permitted}


def _withdrawal(shape: str) -> Callable[[Ctx], Goal]:
    make = account_for(shape)

    def build(cx: Ctx) -> Goal:
        ar = cx.ar
        a = make(cx)
        w = _withdrawal_terms(cx, a)
        amount, limit, permitted, keep = w["amount"], w["limit"], w["permitted"], w["keep"]
        after = a.equity - amount
        credit = cx.any(ar.lt(a.cash - amount, ar.zero), a.has_shorts)
        must_remain = cx.all(
            ar.le(a.initial, after),
            cx.implies(
                cx.all(ar.not_(keep), credit),
                cx.all(ar.le(cx.base_rates.minimum_equity, after), ar.le(a.maintenance, after)),
            ),
        )
        goal = cx.all(
            ar.le(ar.zero, limit),
            cx.implies(permitted(amount), must_remain),
            cx.implies(cx.all(ar.lt(ar.zero, amount), must_remain), permitted(amount)),
            ar.not_(permitted(limit + cx.c("0.01"))),
            cx.implies(ar.lt(ar.zero, limit), permitted(limit)),
        )
        return Goal(a.premises, goal, observe_account(a, max_withdrawal=limit))

    return build


_WITHDRAWAL_BUGS = (
    Planted(
        "forgets_minimum_equity",
        "a borrowing withdrawal ignores the $2,000 minimum equity",
        lambda cx: (
            # not a bug: the tuple applies both overrides to cx (for their effect), then the transform returns None
            (  # noqa: SIM223
                override("max_withdrawal", bugs.max_withdrawal_without_minimum_equity)(cx),
                override("withdrawal_permitted", bugs.withdrawal_permitted_without_minimum_equity)(cx),
            )
            and None
        ),
    ),
    Planted("le_as_lt", "every <= of the formulas is < (the exact maximum is refused)", wrap_ar(LeAsLt)),
)

WITHDRAWAL_PROTECTION = Property(
    id="WITHDRAWAL_PROTECTION",
    title="Permitted withdrawals leave what the rule set requires; the maximum is exact",
    statement=(
        "Under both withdrawal rules (keep_initial symbolic): the maximum withdrawal is >= 0; every permitted amount "
        "leaves equity >= the initial requirement and, under the regulatory rule when credit is used afterwards (a "
        "debit balance or a short position), equity >= max(minimum equity ($2,000), maintenance); conversely every "
        "positive amount that leaves this is permitted (the rule is exact); the maximum + $0.01 is refused and the "
        "maximum itself is permitted when positive."
    ),
    rule="FINRA 4210(b)(1) ($2,000 minimum equity); Reg T 220.4(e) (no Reg T deficiency); seed 001 (keep initial)",
    functions=(
        "margin_rules.formulas.max_withdrawal",
        "margin_rules.formulas.withdrawal_permitted",
        "margin_rules.withdrawal.max_withdrawal",
        "margin_rules.withdrawal.check_withdrawal",
    ),
    link="generated",
    link_note=(
        "formulas.max_withdrawal / withdrawal_permitted generated into Z3; withdrawal.max_withdrawal and "
        "check_withdrawal delegate to them (conformance-tested)."
    ),
    argument=ARGUMENT,
    obligations=(
        Obligation(
            "any number of positions",
            "unbounded",
            _withdrawal("unbounded"),
            ("symbolic", "finra", "alpaca"),
            _WITHDRAWAL_BUGS,
        ),
        Obligation(f"K={K} positions", "bounded", _withdrawal("bounded"), ("finra", "alpaca"), _WITHDRAWAL_BUGS),
    ),
)


def _no_gap(shape: str) -> Callable[[Ctx], Goal]:
    make = account_for(shape)

    def build(cx: Ctx) -> Goal:
        ar = cx.ar
        a = make(cx)
        w = _withdrawal_terms(cx, a)
        s_after = cx.f.classify(cx.impl, a.has_positions, a.equity - w["amount"], a.maintenance, a.initial)
        goal = cx.implies(
            w["permitted"](w["amount"]),
            cx.all(ar.not_(is_state(cx, s_after, LIQ)), is_state(cx, s_after, HEALTHY)),
        )
        return Goal(a.premises, goal, observe_account(a, max_withdrawal=w["limit"], state_after=s_after))

    return build


_NO_GAP_BUGS = (
    Planted(
        "cash_only_limit",
        "the limit is the credit cash (short proceeds included), requirements ignored",
        lambda cx: (
            # not a bug: the tuple applies both overrides to cx (for their effect), then the transform returns None
            (  # noqa: SIM223
                override("max_withdrawal", bugs.max_withdrawal_cash_only)(cx),
                override("withdrawal_permitted", bugs.withdrawal_permitted_cash_only)(cx),
            )
            and None
        ),
    ),
)

NO_GAP_RISK = Property(
    id="NO_GAP_RISK",
    title="No permitted withdrawal ends in a liquidation call",
    statement=(
        "Under both withdrawal rules, after any permitted withdrawal the account is not LIQUIDATION_CALL (it is in "
        "fact HEALTHY: equity stays >= the initial requirement)."
    ),
    rule="FINRA 4210(b)(1), 4210(c); Reg T 220.4(e); rulebook §8 (seed 001 needs 0 < maintenance <= initial)",
    functions=(
        "margin_rules.formulas.max_withdrawal",
        "margin_rules.formulas.withdrawal_permitted",
        "margin_rules.formulas.classify",
        "margin_rules.withdrawal.check_withdrawal",
    ),
    link="generated",
    link_note="All formulas generated into Z3; public functions delegate (conformance-tested).",
    argument=ARGUMENT,
    obligations=(
        Obligation("any number of positions", "unbounded", _no_gap("unbounded"), ("symbolic",), _NO_GAP_BUGS),
        Obligation(f"K={K} positions", "bounded", _no_gap("bounded"), ("finra", "alpaca"), _NO_GAP_BUGS),
    ),
)

# --- SHORT_FLOORS ---------------------------------------------------------------------------------------------------

RULEBOOK_SHORT = {
    "threshold": "5.00",
    "low_ps": "2.50",
    "low_rate": "1.00",
    "high_ps": "5.00",
    "high_rate": "0.30",
}
"""FINRA 4210(c)(2)(A)/(B), written here from the rulebook (not read from the preset) for the preset scopes."""


def _short_floors(cx: Ctx) -> Goal:
    ar = cx.ar
    p = position(cx, 0, sign=-1)
    shares = ar.zero - p.qty
    value = shares * p.price
    if cx.scope == "symbolic":
        thr, lps, lr, hps, hr = (
            cx.base_rates.short_price_threshold,
            cx.base_rates.short_low_per_share,
            cx.base_rates.short_low_rate,
            cx.base_rates.short_high_per_share,
            cx.base_rates.short_high_rate,
        )
    else:
        thr, lps, lr, hps, hr = (
            cx.c(RULEBOOK_SHORT[k]) for k in ("threshold", "low_ps", "low_rate", "high_ps", "high_rate")
        )
    m = p.maintenance
    low = ar.lt(p.price, thr)
    greater = ar.ite(low, ar.max(lps * shares, lr * value), ar.max(hps * shares, hr * value))
    goal = cx.all(
        cx.implies(low, cx.all(ar.le(lps * shares, m), ar.le(lr * value, m))),
        cx.implies(ar.not_(low), cx.all(ar.le(hps * shares, m), ar.le(hr * value, m))),
        cx.implies(cx.all(ar.eq(p.leverage, ar.one), ar.eq(p.extra_rate, ar.zero)), ar.eq(m, greater)),
    )
    return Goal(p.domain, goal, {"maintenance": m})


SHORT_FLOORS = Property(
    id="SHORT_FLOORS",
    title="Short maintenance floors",
    statement=(
        "A short position's maintenance requirement is at least $2.50/share and 100% of market value below $5.00, at "
        "least $5.00/share and 30% at or above $5.00 (any leverage >= 1 and house rate), and without leverage or house "
        "rate equals the greater of the two. Preset scopes use the rulebook's numbers, not the preset's."
    ),
    rule="FINRA 4210(c)(2)(A)-(B)",
    functions=(
        "margin_rules.formulas.short_maintenance",
        "margin_rules.formulas.position_requirements",
        "margin_rules.requirements.position_maintenance",
    ),
    link="generated",
    link_note="formulas generated into Z3; requirements.position_maintenance routes to them (LINK + conformance "
    "tests).",
    obligations=(
        Obligation(
            "one short position",
            "position",
            _short_floors,
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "short_floor_sign_error",
                    "the $2.50 floor with a sign error (never binds)",
                    negated("short_low_per_share"),
                ),
                Planted(
                    "lt_as_le",
                    "price exactly at $5.00 uses the low band",
                    wrap_ar(LtAsLe),
                    scopes=("symbolic",),
                ),
            ),
            relies_on=(),
        ),
    ),
)

# --- MONOTONICITY ---------------------------------------------------------------------------------------------------


def _band(cx: Ctx, price: Any, band: int | None) -> list[Any]:
    """Case split on the short-sale price band (+1: at or above the threshold, -1: below, None: both)."""
    thr = cx.base_rates.short_price_threshold
    if band is None:
        return []
    return [cx.ar.le(thr, price)] if band > 0 else [cx.ar.lt(price, thr)]


def _mono_qty(sign: int, band: int | None = None) -> Callable[[Ctx], Goal]:
    return lambda cx: _mono_qty_side(cx, sign, band)


def _mono_qty_side(cx: Ctx, sign: int, band: int | None) -> Goal:
    ar, f = cx.ar, cx.f
    p = position(cx, 0, sign=sign)
    p.domain += _band(cx, p.price, band)
    q2 = cx.real("q_more")
    m2, i2 = f.position_requirements(cx.impl, cx.rates, q2, p.price, p.marginable, p.leverage, p.extra_rate)
    m1, i1 = f.position_requirements(cx.impl, cx.rates, p.qty, p.price, p.marginable, p.leverage, p.extra_rate)
    same_side_larger = cx.any(
        cx.all(ar.le(ar.zero, p.qty), ar.le(p.qty, q2)),
        cx.all(ar.le(q2, p.qty), ar.le(p.qty, ar.zero)),
    )
    goal = cx.implies(same_side_larger, cx.all(ar.le(m1, m2), ar.le(i1, i2)))
    return Goal(p.domain, goal, {"m_less": m1, "m_more": m2})


def _price_fall(shape: str) -> Callable[[Ctx], Goal]:
    def build(cx: Ctx) -> Goal:
        ar, f = cx.ar, cx.f
        if shape == "unbounded":
            rest_e, rest_m, rest_i = (
                cx.real("rest_equity"),
                cx.real("rest_maintenance"),
                cx.real("rest_initial"),
            )
            premises = [ar.le(ar.zero, rest_m), ar.le(rest_m, rest_i)]
            legs = [position(cx, 0, sign=1)]
        else:
            rest_e, rest_m, rest_i = cx.real("cash"), ar.zero, ar.zero
            premises = []
            legs = [position(cx, i, sign=1) for i in range(K)]
        e0, m0, i0, e1, m1, i1 = rest_e, rest_m, rest_i, rest_e, rest_m, rest_i
        for leg in legs:
            premises += leg.domain
            new_p = cx.real(f"p{leg.index}_after")
            premises += [ar.le(ar.zero, new_p), ar.le(new_p, leg.price)]
            if shape == "bounded" and "planted" in cx.flags and leg.index > 0:
                # planted-bug search varies S0 only (see proofs.accounts.bounded)
                one = ar.one
                premises += [
                    ar.eq(leg.qty, one),
                    ar.eq(leg.price, one),
                    ar.eq(new_p, one),
                    ar.eq(leg.leverage, one),
                    ar.eq(leg.extra_rate, ar.zero),
                    leg.marginable,
                ]
            mm, ii = f.position_requirements(
                cx.impl, cx.rates, leg.qty, new_p, leg.marginable, leg.leverage, leg.extra_rate
            )
            if shape == "bounded" and "planted" not in cx.flags:
                # per-position instance of the unbounded lemma (proved below with rest = 0).
                premises.append(ar.le(leg.qty * new_p - mm, leg.qty * leg.price - leg.maintenance))
                premises.append(ar.le(leg.qty * new_p - ii, leg.qty * leg.price - leg.initial))
                premises += lemma_instances(cx, leg)
            e0, m0, i0 = e0 + f.market_value(leg.qty, leg.price), m0 + leg.maintenance, i0 + leg.initial
            e1, m1, i1 = e1 + f.market_value(leg.qty, new_p), m1 + mm, i1 + ii
        before = f.classify(cx.impl, ar.truth(True), e0, m0, i0)
        after = f.classify(cx.impl, ar.truth(True), e1, m1, i1)
        goal = cx.all(
            ar.le(e1 - m1, e0 - m0),
            ar.le(e1 - i1, e0 - i0),
            ar.le(severity(cx, before), severity(cx, after)),
        )
        return Goal(premises, goal, {"equity_before": e0, "equity_after": e1, "maintenance_after": m1})

    return build


def _inverted_band(cx: Ctx) -> None:
    """Planted wrong rate: a $2.50 band whose rate (10%) is BELOW the normal maintenance rate."""
    cx.rates = replace(cx.rates, long_low_price_threshold=cx.c("2.50"), long_low_price_rate=cx.c("0.10"))


MONOTONICITY = Property(
    id="MONOTONICITY",
    title="Requirements grow with size; a price fall never improves a long-only account",
    statement=(
        "(a) For a position of either side, a larger |quantity| on the same side (same price and attributes) never has "
        "a smaller maintenance or initial requirement. (b) In a long-only account, a fall of any position's price "
        "(house rates fixed) never raises equity - maintenance or equity - initial, so never improves the health state "
        "(HEALTHY < RESTRICTED < LIQUIDATION_CALL), including across Alpaca's $2.50 band where the rate rises."
    ),
    rule="FINRA 4210(c)(1), 4210(c)(2); Alpaca price band; Reg T 220.12",
    functions=(
        "margin_rules.formulas.position_requirements",
        "margin_rules.formulas.long_maintenance_rate",
        "margin_rules.formulas.classify",
    ),
    link="generated",
    link_note="Generated from the formulas. House rates are fixed per position: see the report note on concentration.",
    argument=(
        "(b) unbounded: the other positions and cash are free totals (only 0 <= M_rest <= I_rest); one long's price "
        "falls; a simultaneous fall of several prices is a sequence of single falls, so by induction the property "
        f"holds for any number of positions. Bounded: K={K} longs falling together, composed from per-position "
        "instances."
    ),
    obligations=(
        Obligation(
            "(a) |quantity| long",
            "position",
            _mono_qty(+1),
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "volume_discount",
                    "80% of the requirement above 10,000 shares",
                    override("position_requirements", bugs.position_requirements_volume_discount),
                ),
            ),
        ),
        Obligation(
            "(a) |quantity| short",
            "position",
            _mono_qty(-1),
            ("finra", "alpaca"),
            (
                Planted(
                    "volume_discount",
                    "80% of the requirement above 10,000 shares",
                    override("position_requirements", bugs.position_requirements_volume_discount),
                ),
            ),
        ),
        *[
            Obligation(
                f"(a) |quantity| short, price {name} the threshold",
                "position",
                _mono_qty(-1, band),
                ("symbolic",),
                (
                    Planted(
                        "volume_discount",
                        "80% of the requirement above 10,000 shares",
                        override("position_requirements", bugs.position_requirements_volume_discount),
                    ),
                ),
                note="symbolic short case split on the price band (one Z3 query per band)",
            )
            for band, name in ((-1, "below"), (+1, "at or above"))
        ],
        Obligation(
            "(b) price fall, any number of positions",
            "unbounded",
            _price_fall("unbounded"),
            ("symbolic", "finra", "alpaca"),
            (Planted("inverted_band", "a 10% rate below a $2.50 low-price band", _inverted_band),),
            relies_on=("maintenance_long_rate<=long_low_price_rate<=1",),
        ),
        Obligation(
            f"(b) price fall, K={K} longs",
            "bounded",
            _price_fall("bounded"),
            ("finra", "alpaca"),
            (Planted("inverted_band", "a 10% rate below a $2.50 low-price band", _inverted_band),),
        ),
    ),
)

# --- MARGIN_CALL_CURES ----------------------------------------------------------------------------------------------


def _cure(sign: int) -> Callable[[Ctx], Goal]:
    return lambda cx: _cure_side(cx, sign)


def _cure_side(cx: Ctx, sign: int) -> Goal:
    ar, f, r = cx.ar, cx.f, cx.rates
    p = position(cx, 0, sign=sign)
    rest_m, rest_l, rest_s = (
        cx.real("rest_maintenance"),
        cx.real("rest_long_value"),
        cx.real("rest_short_value"),
    )
    cash, s = cx.real("cash"), cx.real("sold")
    side = ar.one if sign > 0 else ar.zero - ar.one  # +1 long, -1 short
    premises = [
        *p.domain,
        ar.not_(ar.eq(p.qty, ar.zero)),
        ar.le(ar.zero, rest_m),
        ar.le(ar.zero, rest_l),
        ar.le(rest_s, ar.zero),
        ar.lt(ar.zero, s),
        ar.le(s, p.qty * side),
    ]
    equity0 = f.equity(cash, rest_l + p.long_value, rest_s + p.short_value)
    m0 = rest_m + p.maintenance
    deficiency = f.deficiency(cx.impl, equity0, m0)
    premises.append(ar.lt(ar.zero, deficiency))
    q1 = p.qty - side * s
    cash1 = cash + side * s * p.price  # sell a long (+proceeds) / buy to cover a short (-cost), at the price
    plan_rates = cx.rates if "plan_ignores_band" not in cx.flags else replace(r, long_low_price_threshold=ar.zero)
    unit = (ar.zero - side) if "plan_uses_wrong_side" in cx.flags else side
    per_share, _ = f.position_requirements(cx.impl, plan_rates, unit, p.price, p.marginable, p.leverage, p.extra_rate)
    m_q1, _ = f.position_requirements(cx.impl, r, q1, p.price, p.marginable, p.leverage, p.extra_rate)
    equity1 = f.equity(
        cash1,
        rest_l + f.market_value(f.long_part(cx.impl, q1), p.price),
        rest_s - f.market_value(f.short_part(cx.impl, q1), p.price),
    )
    m1 = rest_m + m_q1
    goal = cx.all(
        ar.eq(equity1, equity0),
        ar.eq(p.maintenance - m_q1, s * per_share),
        cx.iff(ar.le(deficiency, s * per_share), ar.le(m1, equity1)),
    )
    return Goal(
        premises,
        goal,
        {"equity": equity0, "maintenance": m0, "deficiency": deficiency, "per_share": per_share},
    )


MARGIN_CALL_CURES = Property(
    id="MARGIN_CALL_CURES",
    title="Liquidating s shares cures a deficiency exactly when s x per-share requirement >= deficiency",
    statement=(
        "For an account in maintenance deficiency D > 0 and any position (long or short), closing s shares (0 < s <= "
        "|qty|) at the valuation price leaves equity unchanged and lowers the maintenance requirement by exactly s x "
        "the position's per-share requirement; the account is cured (equity >= maintenance) if and only if s x "
        "per-share >= D. Hence the smallest cure is s = D / per-share (minimal plan), and any smaller s is not a cure."
    ),
    rule="FINRA 4210(c), 4210(f)(6) (liquidation to meet a call); rulebook §7",
    functions=(
        "margin_rules.formulas.position_requirements",
        "margin_rules.formulas.deficiency",
        "margin_rules.formulas.equity",
        "margin_rules.formulas.market_value",
    ),
    link="generated",
    link_note=(
        "Algebraic lemma on the formulas (generated). margin_rules.margin_call (being written concurrently) is linked "
        "only if it computes its plan from formulas.position_requirements per share; see the report."
    ),
    obligations=(
        Obligation(
            "long position, rest of the account free",
            "unbounded",
            _cure(+1),
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "plan_ignores_band",
                    "the plan prices shares without the low-price band",
                    flag("plan_ignores_band"),
                    scopes=("symbolic", "alpaca"),
                ),
                Planted(
                    "plan_uses_short_side",
                    "the plan sizes a long sale with the short per-share requirement",
                    flag("plan_uses_wrong_side"),
                ),
            ),
        ),
        Obligation(
            "short position, rest of the account free",
            "unbounded",
            _cure(-1),
            ("symbolic", "finra"),
            (
                Planted(
                    "plan_uses_long_side",
                    "the plan sizes a short cover with the long per-share requirement",
                    flag("plan_uses_wrong_side"),
                ),
            ),
            note="Alpaca is an instance of the symbolic scope (its rates satisfy the invariants); the direct Alpaca "
            "instance takes ~50 s of Z3 and is left out of the budget.",
        ),
    ),
)

# --- BUYING_POWER_SAFETY --------------------------------------------------------------------------------------------


def _bp_safety(dollar: bool, sign: int = 1, band: int | None = None) -> Callable[[Ctx], Goal]:
    def build(cx: Ctx) -> Goal:
        ar, f, r = cx.ar, cx.f, cx.rates
        a = totals(cx)
        held = position(cx, 0)  # existing position in the symbol (may be flat), same price
        d = cx.real("order_qty")  # signed opening quantity: > 0 buy, < 0 sell short
        side = ar.lt(ar.zero, d) if sign > 0 else ar.lt(d, ar.zero)
        # an order has a positive price (margin_rules.model.Order)
        premises = [*a.premises, *held.domain, side, ar.lt(ar.zero, held.price), *_band(cx, held.price, band)]
        # opening only: the held position is flat or on the order's side
        premises.append(cx.any(ar.eq(held.qty, ar.zero), ar.lt(ar.zero, held.qty * d)))
        # the account totals include the held position's terms
        premises += [ar.le(held.maintenance, a.maintenance), ar.le(held.initial, a.initial)]
        if dollar:
            premises += [
                ar.lt(ar.zero, d),
                held.marginable,
                ar.eq(held.leverage, ar.one),
                ar.le(held.extra_rate, cx.base_rates.initial_long_rate),
            ]
            if "no_band_premise" not in cx.flags:
                premises.append(ar.le(cx.base_rates.long_low_price_threshold, held.price))
        q_after = held.qty + d
        _m_after, i_after = f.position_requirements(
            cx.impl, r, q_after, held.price, held.marginable, held.leverage, held.extra_rate
        )
        charge_m, charge_i = f.position_requirements(
            cx.impl, r, d, held.price, held.marginable, held.leverage, held.extra_rate
        )
        charge = charge_m if "charge_is_maintenance" in cx.flags else charge_i
        cash1 = a.cash - f.market_value(d, held.price)
        equity1 = f.equity(
            cash1,
            a.long_value - held.long_value + f.market_value(f.long_part(cx.impl, q_after), held.price),
            a.short_value - held.short_value - f.market_value(f.short_part(cx.impl, q_after), held.price),
        )
        initial1 = a.initial - held.initial + i_after
        if dollar:
            fits = ar.le(f.market_value(d, held.price), f.regt_buying_power(cx.impl, r, a.equity, a.initial))
        else:
            fits = ar.le(charge, f.excess(a.equity, a.initial))
        goal = cx.all(
            ar.eq(equity1, a.equity),
            ar.eq(i_after - held.initial, charge_i),
            cx.implies(fits, ar.le(initial1, equity1)),
        )
        return Goal(
            premises,
            goal,
            {"equity": a.equity, "initial": a.initial, "charge": charge, "initial_after": initial1},
        )

    return build


BUYING_POWER_SAFETY = Property(
    id="BUYING_POWER_SAFETY",
    title="An order within buying power never leaves the account below its initial requirement",
    statement=(
        "(a) An opening order (buy, or sell short; new symbol or adding to a same-side position at its price) whose "
        "charge - the initial requirement of the opening shares, formulas.position_requirements - is <= equity - "
        "initial leaves equity >= the initial requirement afterwards (equity is unchanged by the trade; the "
        "requirement grows by exactly the charge). (b) For a marginable, unleveraged purchase above the low-price band "
        "with house rate <= the Reg T rate, notional <= Reg T buying power (2 x excess) suffices."
    ),
    rule="Reg T 220.12(a),(c),(e); FINRA 4210(b)(1); Alpaca regt_buying_power",
    functions=(
        "margin_rules.formulas.position_requirements",
        "margin_rules.formulas.regt_buying_power",
        "margin_rules.formulas.excess",
        "margin_rules.formulas.equity",
        "margin_rules.buying_power.order_fits",
        "margin_rules.buying_power.order_charge",
        "margin_rules.requirements.order_requirement",
    ),
    link="generated",
    link_note=(
        "Generated from the formulas; buying_power.order_fits/order_charge use requirements.order_requirement, whose "
        "opening-share terms are position_terms = position_requirements (LINK), conformance-tested."
    ),
    argument=(
        "The account is free totals (any number of positions) containing the order's symbol's position; only that "
        "position's terms change."
    ),
    obligations=(
        Obligation(
            "(a) buy: charge <= equity - initial",
            "unbounded",
            _bp_safety(False, +1),
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "charge_is_maintenance",
                    "Reg T order charged at maintenance (mode confusion)",
                    flag("charge_is_maintenance"),
                ),
            ),
        ),
        Obligation(
            "(a) sell short: charge <= equity - initial",
            "unbounded",
            _bp_safety(False, -1),
            ("finra", "alpaca"),
            (
                Planted(
                    "charge_is_maintenance",
                    "Reg T order charged at maintenance (mode confusion)",
                    flag("charge_is_maintenance"),
                ),
            ),
        ),
        *[
            Obligation(
                f"(a) sell short, price {name} the threshold: charge <= equity - initial",
                "unbounded",
                _bp_safety(False, -1, band),
                ("symbolic",),
                (
                    Planted(
                        "charge_is_maintenance",
                        "Reg T order charged at maintenance (mode confusion)",
                        flag("charge_is_maintenance"),
                    ),
                ),
                note="symbolic short case split on the price band (one Z3 query per band)",
            )
            for band, name in ((-1, "below"), (+1, "at or above"))
        ],
        Obligation(
            "(b) notional <= Reg T buying power",
            "unbounded",
            _bp_safety(True),
            ("symbolic", "finra", "alpaca"),
            (
                Planted(
                    "no_band_premise",
                    "dropping the 'above the band' premise: low-priced stock at Alpaca (100%)",
                    flag("no_band_premise"),
                    scopes=("symbolic", "alpaca"),
                ),
                Planted(
                    "multiplier_4",
                    "overnight multiplier 4 (the legacy day-trading figure) used for Reg T",
                    change_rates(lambda cx, r: replace(r, overnight_multiplier=cx.c(4))),
                ),
            ),
            relies_on=(
                "overnight_multiplier*initial_long_rate<=1",
                "0<maintenance_long_rate<=initial_long_rate",
            ),
        ),
    ),
)

# --- SEED_EQUIVALENCE -----------------------------------------------------------------------------------------------


def _seed(shape: str) -> Callable[[Ctx], Goal]:
    def build(cx: Ctx) -> Goal:
        ar, f = cx.ar, cx.f
        mr, ir = (
            (cx.c("0.25"), cx.c("0.50"))
            if cx.scope != "symbolic"
            else (cx.base_rates.maintenance_long_rate, cx.base_rates.initial_long_rate)
        )
        zero_price_ok = "allow_zero_price" in cx.flags
        if shape == "bounded":
            a = bounded(cx, K, signs=(None,) * K, marginable=True)
            premises = list(a.premises)
            for p in a.positions:
                premises += [ar.le(ar.zero, p.qty), ar.eq(p.leverage, ar.one), ar.eq(p.extra_rate, ar.zero)]
                premises.append(ar.le(ar.zero, p.price) if zero_price_ok else ar.lt(ar.zero, p.price))
                premises.append(ar.le(cx.base_rates.long_low_price_threshold, p.price))
                # per-position instance of the one-position obligation below (not under a planted bug)
                mv = f.market_value(p.qty, p.price)
                if "planted" not in cx.flags:
                    premises += [ar.eq(p.maintenance, mr * mv), ar.eq(p.initial, ir * mv)]
            gross = f.total(cx.impl, [f.market_value(p.qty, p.price) for p in a.positions])
            s = f.classify(cx.impl, a.has_positions, a.equity, a.maintenance, a.initial)
            seed = f.ratio_classify(cx.impl, gross, a.equity, mr, ir)
            return Goal(premises, ar.eq(s, seed), observe_account(a, state=s))
        # one position: its requirements are exactly the seed's rates times its market value
        p = position(cx, 0, marginable=True)
        premises = [
            *p.domain,
            ar.le(ar.zero, p.qty),
            ar.eq(p.leverage, ar.one),
            ar.eq(p.extra_rate, ar.zero),
            ar.le(cx.base_rates.long_low_price_threshold, p.price),
        ]
        mv = f.market_value(p.qty, p.price)
        lemma = cx.all(ar.eq(p.maintenance, mr * mv), ar.eq(p.initial, ir * mv))
        # account level over totals: gross value G >= 0 (sum of q_i p_i), M = mr G, I = ir G,
        # has_positions <-> G > 0 (every q_i >= 0 and p_i > 0)
        g, e = cx.real("gross"), cx.real("equity")
        hp = cx.boolean("has_positions")
        acct_prem = [ar.le(ar.zero, g), cx.iff(hp, ar.lt(ar.zero, g))]
        if zero_price_ok:
            acct_prem = [ar.le(ar.zero, g)]  # a zero-priced position: has_positions with G = 0
        s = f.classify(cx.impl, hp, e, mr * g, ir * g)
        seed = f.ratio_classify(cx.impl, g, e, mr, ir)
        premises += acct_prem
        return Goal(premises, cx.all(lemma, ar.eq(s, seed)), {"state": s, "seed_state": seed})

    return build


_SEED_BUGS = (
    Planted(
        "one_cent_tolerance",
        "requirement-based classify with a one-cent tolerance",
        override("classify", bugs.classify_with_tolerance),
    ),
    Planted(
        "zero_price_position",
        "drop 'price > 0': a zero-priced position (finding, see report)",
        flag("allow_zero_price"),
    ),
)

SEED_EQUIVALENCE = Property(
    id="SEED_EQUIVALENCE",
    title="Requirement-based health = seed 001's ratio rule for long-only marginable accounts",
    statement=(
        "For long-only accounts of marginable, unleveraged positions with positive prices (above any low-price band) "
        "and no house rate, formulas.classify on the requirements equals seed 001's ratio rule "
        "(formulas.ratio_classify, cross-multiplied) at 25% / 50% (FINRA preset), and at the rule set's own rates "
        "(symbolic)."
    ),
    rule="Seed 001; FINRA 4210(c)(1) 25%; Reg T 220.12(a) 50%",
    functions=(
        "margin_rules.formulas.classify",
        "margin_rules.formulas.ratio_classify",
        "margin_rules.formulas.position_requirements",
        "margin_rules.health.seed_ratio_health",
        "margin_rules.health.health",
    ),
    link="generated",
    link_note="Both rules generated from the formulas; health.seed_ratio_health delegates to ratio_classify.",
    argument=ARGUMENT,
    obligations=(
        Obligation(
            "one position + any number of positions",
            "unbounded",
            _seed("unbounded"),
            ("symbolic", "finra"),
            _SEED_BUGS,
        ),
        Obligation(f"K={K} positions", "bounded", _seed("bounded"), ("finra",), _SEED_BUGS),
    ),
)

PROPERTIES: tuple[Property, ...] = (
    POSITION_LEMMAS,
    LINK,
    SOLVENCY,
    BOUNDARIES,
    COVERAGE,
    WITHDRAWAL_PROTECTION,
    NO_GAP_RISK,
    SHORT_FLOORS,
    MONOTONICITY,
    MARGIN_CALL_CURES,
    BUYING_POWER_SAFETY,
    SEED_EQUIVALENCE,
)
"""Every property proved by the Z3 stage (PARAMETER_NECESSITY is derived from the ``relies_on`` lists)."""

PARAMETER_NECESSITY_STATEMENT = (
    "For every rate invariant a proof relies on, the same proof without that invariant has a counterexample (a rule "
    "set violating it), shown in the report; invariants a proof does not need are listed as such (the code is robust "
    "to them, e.g. must_keep = max(initial, maintenance) makes NO_GAP_RISK hold even if maintenance > initial)."
)


def by_id(pid: str) -> Property:
    for p in PROPERTIES:
        if p.id == pid:
            return p
    raise KeyError(pid)
