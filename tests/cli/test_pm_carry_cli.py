"""``margin-rules evaluate --portfolio-margin`` and ``margin-rules carry``, in-process."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as Fr


def test_evaluate_portfolio_margin_json(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("evaluate", "examples/pm_hedge.json", "--portfolio-margin", "--json")
    assert run.code == 0, run.stderr
    data = run.json()
    # oracle: SPY 50,000 long (S&P 500 class) with SH 40,000 long (-1x): net exposure 10,000 long, worst at -8%: 800;
    # AAPL 19,000 at -15%: 2,850
    assert D(data["requirement"]) == 800 + 2850
    assert D(data["equity"]) == 60000 + 50000 + 40000 + 19000
    groups = {g["name"]: g for g in data["net_margin"]["groups"]}
    assert D(groups["US_BROAD_HIGH_CAP"]["netting_discount"]) == 4000 + 2400 - 800


def test_evaluate_portfolio_margin_exits_1_below_minimum_equity(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("evaluate", "examples/long_only.json", "--portfolio-margin")
    assert run.code == 1
    assert "Equity shortfall" in run.stdout and "$70,000.00" in run.stdout


def test_carry_over_a_weekend(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("carry", "examples/long_only.json", "--from", "2026-12-04", "--to", "2026-12-08", "--json")
    assert run.code == 0, run.stderr
    data = run.json()
    assert [(line["date"], line["days"]) for line in data["lines"]] == [("2026-12-04", 3), ("2026-12-07", 1)]
    assert abs(Fr(data["total"]) + Fr(10000) * Fr(375, 10000) * 4 / 360) < Fr(1, 10**9)


def test_carry_ibkr_needs_a_benchmark(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("carry", "examples/long_only.json", "--from", "2026-12-04", "--to", "2026-12-08", "--rates", "ibkr")
    assert run.code == 2 and "--benchmark" in run.stderr
    run = cli("carry", "examples/long_only.json", "--from", "2026-12-04", "--to", "bad")
    assert run.code == 2


def test_what_if_shows_the_daily_carry(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("what-if", "examples/long_only.json", "--buy", "AAPL", "10", "--json")
    data = run.json()
    # buying 1,900 more on margin adds (1,900 x 3.75%) / 360 a day
    assert abs(Fr(data["daily_carry"]) + Fr(1900) * Fr(375, 10000) / 360) < Fr(1, 10**9)
