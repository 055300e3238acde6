"""The exact link between the proofs and the code: the Z3 Arith computes what DECIMAL computes, for every formula.

Each formula of margin_rules.formulas is evaluated twice on the same concrete inputs: with DECIMAL (inside exact())
and with the Z3 Arith on exact rational constants, simplified by Z3 to a numeral; the two must be equal exactly
(Fraction comparison). Inputs: a deterministic random sample plus every rule threshold +- $0.01 (prices around $2.50,
$5.00, $16.67, equity around maintenance/initial, amounts around the maximum withdrawal). Also: the library's sign
routing (requirements.position_terms) equals the branch-free formulas.position_requirements, and the public wrappers
delegate exactly.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
import z3

from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.health_state import HealthState
from margin_rules.money import exact
from margin_rules.rates import RATE_FIELDS, rate_invariants
from margin_rules.requirements import position_terms
from margin_rules.rulesets import alpaca, finra
from proofs.z3arith import Z3, concrete_rates, fraction_to_decimal, rational

PRESETS = {"finra": finra().rates, "alpaca": alpaca().rates}
CODE = {s.code: s for s in HealthState}

THRESHOLD_PRICES = ["2.50", "5.00", "16.67", "0", "1", "10"]


def around(values: list[str]) -> list[Decimal]:
    out = []
    for v in values:
        d = Decimal(v)
        out += [d - Decimal("0.01"), d, d + Decimal("0.01")]
    return [x for x in out if x >= 0]


def z3_value(term: Any) -> Any:
    t = z3.simplify(term)
    if z3.is_true(t):
        return True
    if z3.is_false(t):
        return False
    if z3.is_int_value(t):
        return CODE[t.as_long()]
    assert z3.is_rational_value(t), f"not a numeral after simplify: {t}"
    return Fraction(t.numerator_as_long(), t.denominator_as_long())


def same(dec: Any, z: Any) -> bool:
    if isinstance(dec, (bool, HealthState)):
        return bool(dec == z)
    return bool(Fraction(dec) == z)


def rnd_money(rng: random.Random, scale: int = 100_000) -> Decimal:
    return Decimal(rng.randint(-scale * 100, scale * 100)) / 100


def position_inputs(n: int, seed: int = 7) -> list[tuple[Decimal, Decimal, bool, Decimal, Decimal]]:
    rng = random.Random(seed)
    out = []
    for price in around(THRESHOLD_PRICES):
        for qty in (Decimal(-100), Decimal("-0.5"), Decimal(0), Decimal("0.5"), Decimal(100)):
            for lev in (Decimal(1), Decimal(2)):
                out.append((qty, price, True, lev, Decimal(0)))
                out.append((qty, price, False, Decimal(1), Decimal("0.4")))
    while len(out) < n:
        qty = Decimal(rng.randint(-20000, 20000)) / rng.choice([1, 10, 100])
        price = Decimal(rng.randint(0, 5000)) / 100
        lev = Decimal(rng.choice([1, 1, 1, 2, 3]))
        x = Decimal(rng.choice([0, 0, 0, 25, 30, 50, 100])) / 100
        out.append((qty, price, rng.random() < 0.8, lev, x))
    return out


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_position_formulas_match_decimal(preset: str) -> None:
    """position_requirements, long/short requirements, maintenance rate, market values: Z3 == Decimal exactly."""
    rd = PRESETS[preset]
    rz = concrete_rates(rd)
    count = 0
    for qty, price, mg, lev, x in position_inputs(1500):
        with exact():
            dm, di = f.position_requirements(DECIMAL, rd, qty, price, mg, lev, x)
            drate = f.long_maintenance_rate(DECIMAL, rd, price, mg, lev, x)
            dshort = f.short_maintenance(DECIMAL, rd, abs(qty), price, lev, x)
            dlong = f.long_part(DECIMAL, qty) * price
            routed = position_terms(rd, qty, price, mg, lev, x)
        zq, zp, zl, zx = rational(qty), rational(price), rational(lev), rational(x)
        zm, zi = f.position_requirements(Z3, rz, zq, zp, z3.BoolVal(mg), zl, zx)
        assert same(dm, z3_value(zm)) and same(di, z3_value(zi)), (qty, price, mg, lev, x)
        assert same(drate, z3_value(f.long_maintenance_rate(Z3, rz, zp, z3.BoolVal(mg), zl, zx)))
        assert same(dshort, z3_value(f.short_maintenance(Z3, rz, rational(abs(qty)), zp, zl, zx)))
        assert same(dlong, z3_value(f.market_value(f.long_part(Z3, zq), zp)))
        # LINK, conformance side: the library's routing equals the branch-free formula
        assert routed == (dm, di), (qty, price, mg, lev, x)
        count += 1
    assert count >= 1500


def account_inputs(n: int, seed: int = 11) -> list[tuple[Decimal, ...]]:
    """(cash, equity, maintenance, initial, amount) with every boundary +- 0.01."""
    rng = random.Random(seed)
    out = []
    for m in (Decimal(0), Decimal("1000"), Decimal("2000")):
        for gap in (Decimal(0), Decimal("0.01"), Decimal(500)):
            i = m + gap
            for e in [*around([str(m), str(i), "2000", "0"]), Decimal("-5")]:
                for cash in (Decimal(-100), Decimal(0), e):
                    out.append((cash, e, m, i, Decimal("0.01")))
    while len(out) < n:
        m = abs(rnd_money(rng, 5000))
        i = m + abs(rnd_money(rng, 3000))
        e = rnd_money(rng, 10000)
        cash = rnd_money(rng, 10000)
        out.append((cash, e, m, i, abs(rnd_money(rng, 10000))))
    return out


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_account_formulas_match_decimal(preset: str) -> None:
    """classify, ratio_classify, max_withdrawal (+- 1 cent around it), withdrawal_permitted, buying power, excess,
    deficiency: Z3 == Decimal exactly, on generated inputs and every threshold +- 0.01."""
    rd = PRESETS[preset]
    rz = concrete_rates(rd)
    count = 0
    for cash, e, m, i, amount in account_inputs(1500):
        ze, zm, zi, zc = rational(e), rational(m), rational(i), rational(cash)
        for hp in (True, False):
            with exact():
                dstate = f.classify(DECIMAL, hp, e, m, i)
            assert dstate == z3_value(f.classify(Z3, z3.BoolVal(hp), ze, zm, zi))
        for keep in (True, False):
            for hs in (False, True):
                args_d = (DECIMAL, rd, keep, True, hs, cash, e, m, i)
                args_z = (Z3, rz, z3.BoolVal(keep), z3.BoolVal(True), z3.BoolVal(hs), zc, ze, zm, zi)
                with exact():
                    dmax = f.max_withdrawal(*args_d)
                zmax = z3_value(f.max_withdrawal(*args_z))
                assert same(dmax, zmax)
                for a in (amount, dmax, dmax + Decimal("0.01"), dmax - Decimal("0.01")):
                    with exact():
                        dperm = f.withdrawal_permitted(*args_d, a)
                    assert dperm == z3_value(f.withdrawal_permitted(*args_z, rational(a)))
        gross = abs(e) + m
        with exact():
            dr = f.ratio_classify(DECIMAL, gross, e, Decimal("0.25"), Decimal("0.50"))
            dbp = f.regt_buying_power(DECIMAL, rd, e, i)
            dib = f.intraday_buying_power(DECIMAL, rd, e, m)
            dd = f.deficiency(DECIMAL, e, m)
            ddt = f.day_trading_buying_power(DECIMAL, rd, e, m)
            dsma = f.sma_buying_power(DECIMAL, rd, cash)
        assert dr == z3_value(f.ratio_classify(Z3, rational(gross), ze, rational("0.25"), rational("0.50")))
        assert same(dbp, z3_value(f.regt_buying_power(Z3, rz, ze, zi)))
        assert same(dib, z3_value(f.intraday_buying_power(Z3, rz, ze, zm)))
        assert same(dd, z3_value(f.deficiency(Z3, ze, zm)))
        assert same(ddt, z3_value(f.day_trading_buying_power(Z3, rz, ze, zm)))
        assert same(dsma, z3_value(f.sma_buying_power(Z3, rz, zc)))
        assert same(f.excess(e, m), z3_value(f.excess(ze, zm)))
        count += 1
    assert count >= 1500


def test_rate_invariants_match_decimal() -> None:
    for rd in PRESETS.values():
        with exact():
            dinv = rate_invariants(DECIMAL, rd)
        zinv = rate_invariants(Z3, concrete_rates(rd))
        assert set(dinv) == set(zinv)
        for name in dinv:
            assert dinv[name] == z3_value(zinv[name]), name
        assert all(dinv.values())
    assert len(RATE_FIELDS) == 20


def test_rational_is_exact() -> None:
    for text in ("0.1", "2.50", "-16.67", "123456789.0123456789", "0"):
        assert z3_value(rational(Decimal(text))) == Fraction(Decimal(text))
        assert fraction_to_decimal(Fraction(Decimal(text))) == Decimal(text)
    assert fraction_to_decimal(Fraction(1, 3)) is None


def test_public_wrappers_delegate() -> None:
    """health.classify, withdrawal.check_withdrawal, health.seed_ratio_health give the formula's answer."""
    from margin_rules.health import classify, seed_ratio_health
    from margin_rules.model import Account, Position
    from margin_rules.withdrawal import check_withdrawal, max_withdrawal

    rng = random.Random(3)
    for _ in range(300):
        m = Decimal(rng.randint(0, 10_000))
        i = m + Decimal(rng.randint(0, 10_000))
        e = Decimal(rng.randint(-5_000, 30_000))
        for hp in (True, False):
            if not hp:
                m = i = Decimal(0)
            with exact():
                assert classify(hp, e, m, i) == f.classify(DECIMAL, hp, e, m, i)
    for rules in (finra(), alpaca()):
        for _ in range(100):
            qty = Decimal(rng.randint(-300, 300))
            price = Decimal(rng.randint(1, 3000)) / 100
            cash = Decimal(rng.randint(-3000, 8000))
            acct = Account(cash, [Position("S0", qty, price)] if qty else [])
            mx = max_withdrawal(acct, rules)
            if mx > 0:
                assert check_withdrawal(acct, rules, mx).permitted
            assert not check_withdrawal(acct, rules, mx + Decimal("0.01")).permitted
            if qty > 0:
                gross = qty * price
                with exact():
                    want = f.ratio_classify(DECIMAL, gross, cash + gross, Decimal("0.25"), Decimal("0.50"))
                assert seed_ratio_health(acct) == want
