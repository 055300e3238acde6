"""Symbolic positions and accounts, built by calling the core's formulas.

Two shapes of account-level proof:

* ``bounded(cx, K)``: an account of K positions, each computed by :func:`margin_rules.formulas.position_requirements`,
  summed with :func:`margin_rules.formulas.total`, equity by :func:`margin_rules.formulas.equity` (a concrete
  composition; each quantity is free, so every mix of long, short and flat positions is covered).
* ``totals(cx)``: the account's totals (cash, long/short market value, maintenance, initial, has_positions,
  has_shorts) as free symbols constrained only by the facts :data:`TOTALS_FACTS` lists. Each fact is a sum of a
  per-position lemma proved for ONE symbolic position (``POSITION_LEMMAS``) and is closed under adding a position
  (0 <= m_i <= i_i summed gives 0 <= M <= I, and so on), so it holds for accounts of ANY number of positions. A
  property proved over ``totals`` therefore holds for every account size (the compositional, unbounded proof).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from proofs.framework import Ctx

MAX_LEVERAGE = 10
"""margin_rules.model.Position accepts a leverage factor in [1, 10]."""


@dataclass
class SymPosition:
    index: int
    qty: Any
    price: Any
    marginable: Any
    leverage: Any
    extra_rate: Any
    maintenance: Any
    initial: Any
    long_value: Any
    short_value: Any
    domain: list[Any]


@dataclass
class SymAccount:
    cash: Any
    long_value: Any
    short_value: Any
    equity: Any
    maintenance: Any
    initial: Any
    has_positions: Any
    has_shorts: Any
    positions: list[SymPosition]
    premises: list[Any]


def position(cx: Ctx, i: int, *, sign: int | None = None, marginable: bool | None = None) -> SymPosition:
    """Position ``S<i>``: free qty (``sign`` +1/-1/0 restricts it), price >= 0, leverage in [1, 10], house rate in
    [0, 1]."""
    ar, f = cx.ar, cx.f
    q, p = cx.real(f"q{i}"), cx.real(f"p{i}")
    lev, x = cx.real(f"lev{i}"), cx.real(f"x{i}")
    mg = cx.boolean(f"mg{i}")
    domain = [
        ar.le(ar.zero, p),
        ar.le(ar.one, lev),
        ar.le(lev, cx.c(MAX_LEVERAGE)),
        ar.le(ar.zero, x),
        ar.le(x, ar.one),
    ]
    if sign is not None and sign > 0:
        domain.append(ar.lt(ar.zero, q))
    elif sign is not None and sign < 0:
        domain.append(ar.lt(q, ar.zero))
    if marginable is not None:
        domain.append(mg if marginable else ar.not_(mg))
    m, init = f.position_requirements(cx.impl, cx.rates, q, p, mg, lev, x)
    long_value = f.market_value(f.long_part(cx.impl, q), p)
    short_value = ar.zero - f.market_value(f.short_part(cx.impl, q), p)
    return SymPosition(i, q, p, mg, lev, x, m, init, long_value, short_value, domain)


def lemma_instances(cx: Ctx, pos: SymPosition) -> list[Any]:
    """The per-position lemmas (proved once, for one symbolic position, in POSITION_LEMMAS) instantiated for ``pos``."""
    ar = cx.ar
    return [
        ar.le(ar.zero, pos.maintenance),
        ar.le(pos.maintenance, pos.initial),
        ar.le(ar.zero, pos.long_value),
        ar.le(pos.short_value, ar.zero),
    ]


def bounded(
    cx: Ctx,
    k: int,
    *,
    signs: tuple[int | None, ...] | None = None,
    marginable: bool | None = None,
    lemmas: bool = True,
) -> SymAccount:
    """An account of ``k`` positions computed by the formulas (see the module docstring).

    ``lemmas``: add the per-position lemma instances as premises (needed for nonlinear sums: Z3 returns ``unknown`` on
    ``0 <= m_1 + m_2`` with symbolic prices and leverage; the instances are proved separately, so this stays a proof).
    Never under a planted bug: the lemmas are facts about the real formulas, and assuming them of a mutated formula
    could hide the bug; the counterexample must come from the concrete composition alone.
    """
    ar, f = cx.ar, cx.f
    cash = cx.real("cash")
    positions = [position(cx, i, sign=signs[i] if signs else None, marginable=marginable) for i in range(k)]
    long_value = f.total(cx.impl, [p.long_value for p in positions])
    short_value = f.total(cx.impl, [p.short_value for p in positions])
    maintenance = f.total(cx.impl, [p.maintenance for p in positions])
    initial = f.total(cx.impl, [p.initial for p in positions])
    has_positions = cx.any(*[cx.ne(p.qty, ar.zero) for p in positions])
    has_shorts = cx.any(*[ar.lt(p.qty, ar.zero) for p in positions])
    premises = [d for p in positions for d in p.domain]
    if "planted" in cx.flags:
        # planted-bug search: vary S0 only, the other positions are flat (a nonlinear sat search over K free
        # positions may not return within the rlimit); the counterexample is still a K-position account.
        premises += [ar.eq(p.qty, ar.zero) for p in positions[1:]]
    if lemmas and "planted" not in cx.flags:
        premises += [fact for p in positions for fact in lemma_instances(cx, p)]
    return SymAccount(
        cash,
        long_value,
        short_value,
        f.equity(cash, long_value, short_value),
        maintenance,
        initial,
        has_positions,
        has_shorts,
        positions,
        premises,
    )


TOTALS_FACTS = (
    "0 <= maintenance <= initial (sum of per-position 0 <= m_i <= i_i)",
    "long market value >= 0 and short market value <= 0 (sums of per-position signs)",
    "no positions -> all totals are 0 (empty sums; a flat position has m = i = 0)",
    "has_shorts -> has_positions; no shorts -> short market value = 0",
)


def totals(cx: Ctx, *, long_only: bool = False) -> SymAccount:
    """The account's totals as free symbols constrained by :data:`TOTALS_FACTS` (valid for any number of positions)."""
    ar, f = cx.ar, cx.f
    cash = cx.real("cash")
    lv, sv = cx.real("long_market_value"), cx.real("short_market_value")
    m, i = cx.real("maintenance"), cx.real("initial")
    has_pos, has_shorts = cx.boolean("has_positions"), cx.boolean("has_shorts")
    zero = ar.zero
    premises = [
        ar.le(zero, m),
        ar.le(m, i),
        ar.le(zero, lv),
        ar.le(sv, zero),
        cx.implies(ar.not_(has_pos), cx.all(ar.eq(lv, zero), ar.eq(sv, zero), ar.eq(m, zero), ar.eq(i, zero))),
        cx.implies(has_shorts, has_pos),
        cx.implies(ar.not_(has_shorts), ar.eq(sv, zero)),
    ]
    if long_only:
        premises.append(ar.not_(has_shorts))
    return SymAccount(cash, lv, sv, f.equity(cash, lv, sv), m, i, has_pos, has_shorts, [], premises)
