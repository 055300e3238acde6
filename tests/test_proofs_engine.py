"""The Z3 engine's strategy rounds: each strategy first under the small first-round budget and CPU guard, then under
the full budget; the first sat/unsat decides; an undecided check is ``unknown`` (a failure), never a pass."""

from __future__ import annotations

from typing import Any

import pytest
import z3

from proofs import engine


def test_rounds_order_budgets_and_guards(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int, int]] = []

    def fake(assertions: Any, strategy: str, rlimit: int, cx: Any, guard: int = 0) -> dict[str, Any]:
        calls.append((strategy, rlimit, guard))
        decided = strategy == "incremental" and rlimit == engine.RLIMIT
        return {"result": "unsat" if decided else "unknown", "seconds": 0.0, "rlimit": rlimit, "stats": {}}

    monkeypatch.setattr(engine, "_forked_check", fake)
    monkeypatch.setattr(engine, "STRATEGIES", ("incremental", "default"))
    res, _ = engine.solve([z3.BoolVal(True)])
    first, full = engine.FIRST_ROUND_RLIMIT, engine.RLIMIT
    small, big = engine.FIRST_ROUND_CPU_GUARD_SECONDS, engine.CPU_GUARD_SECONDS
    assert calls == [("incremental", first, small), ("default", first, small), ("incremental", full, big)]
    assert res.result == "unsat" and res.strategy == "incremental"
    assert res.tried == [f"incremental@{first}:unknown", f"default@{first}:unknown", f"incremental@{full}:unsat"]


def test_a_small_budget_is_a_single_round(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake(assertions: Any, strategy: str, rlimit: int, cx: Any, guard: int = 0) -> dict[str, Any]:
        calls.append(rlimit)
        return {"result": "sat", "seconds": 0.0, "rlimit": 1, "stats": {}}

    monkeypatch.setattr(engine, "_forked_check", fake)
    res, _ = engine.solve([z3.BoolVal(True)], rlimit=1_000_000)
    assert calls == [1_000_000] and res.result == "sat" and res.tried == [f"{engine.STRATEGIES[0]}:sat"]


def test_an_undecided_check_is_unknown_not_a_pass() -> None:
    # Factoring the product of two 19-digit primes: far beyond a 200,000 rlimit in every strategy.
    x, y = z3.Ints("x y")
    hard = [x > 1, y > 1, x * y == 1000000000000000012000000000000000027]
    res, _ = engine.solve(hard, rlimit=200_000)
    assert res.result == "unknown"


def test_real_problems_are_decided() -> None:
    a = z3.Real("a")
    assert engine.solve([a * a < 0])[0].result == "unsat"
    sat, _ = engine.solve([a * a > 2])
    assert sat.result == "sat"
