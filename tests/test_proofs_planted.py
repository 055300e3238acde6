"""The Z3 checks can fail: planted bugs are caught (and replay in Decimal), a false statement is refuted, a vacuous
premise set is reported, the shared canaries match their expected Z3 column."""

from __future__ import annotations

from dataclasses import replace

import pytest

from proofs import engine
from proofs.framework import Goal, Planted
from proofs.stage_z3 import canary_matrix
from specs import properties as specs

PREMISE_DROPS = {"zero_price_position", "no_band_premise"}
"""Planted entries that drop a premise of the statement (findings about the rule's scope), not bugs in the code."""

FAST = [
    ("SOLVENCY", "unbounded", "symbolic"),
    ("BOUNDARIES", "unbounded", "symbolic"),
    ("WITHDRAWAL_PROTECTION", "unbounded", "finra"),
    ("NO_GAP_RISK", "unbounded", "symbolic"),
    ("SHORT_FLOORS", "position", "finra"),
    ("SHORT_FLOORS", "position", "symbolic"),
    ("LINK", "position", "alpaca"),
    ("MARGIN_CALL_CURES", "unbounded", "alpaca"),
    ("BUYING_POWER_SAFETY", "unbounded", "finra"),
    ("SEED_EQUIVALENCE", "unbounded", "finra"),
]


def _obligation(pid: str, shape: str) -> tuple[specs.Property, specs.Obligation]:
    prop = specs.by_id(pid)
    return prop, next(o for o in prop.obligations if o.shape == shape)


@pytest.mark.parametrize(("pid", "shape", "scope"), FAST)
def test_proof_passes_and_planted_bugs_are_caught(pid: str, shape: str, scope: str) -> None:
    prop, ob = _obligation(pid, shape)
    out = engine.run_instance(prop, ob, scope, None)
    d = out.check["details"]
    assert out.check["result"] == "pass", d["failures"]
    assert d["z3"] == "unsat"
    assert d["vacuity"]["z3"] == "sat" and d["vacuity"]["decimal_replay"]["goal_holds"]
    assert d["planted"], "every instance runs at least one planted bug"
    for bug in d["planted"]:
        assert bug["z3"] == "sat", bug["id"]
        assert bug["confirmed_in_decimal"], bug  # the counterexample fails in Decimal with the bug...
        if bug["id"] not in PREMISE_DROPS:
            assert bug["decimal_replay_real"]["goal_holds"], bug  # ...and holds with the real code
    assert all(c["caught"] for c in out.canaries)


def test_a_false_statement_is_refuted() -> None:
    """A wrong theorem (equity below maintenance is RESTRICTED) must fail with a concrete counterexample."""
    prop, ob = _obligation("SOLVENCY", "unbounded")

    def wrong(cx: object) -> Goal:
        from proofs.accounts import totals

        a = totals(cx)  # type: ignore[arg-type]
        s = cx.f.classify(cx.impl, a.has_positions, a.equity, a.maintenance, a.initial)  # type: ignore[attr-defined]
        goal = cx.implies(  # type: ignore[attr-defined]
            cx.all(a.has_positions, cx.ar.lt(a.equity, a.maintenance)),  # type: ignore[attr-defined]
            specs.is_state(cx, s, specs.RESTRICTED),  # type: ignore[arg-type]
        )
        return Goal(a.premises, goal)

    bad = replace(ob, build=wrong)
    out = engine.run_instance(prop, bad, "symbolic", None)
    assert out.check["result"] == "fail"
    assert out.check["details"]["z3"] == "sat"
    assert out.check["details"]["counterexample"]


def test_vacuous_premises_are_reported() -> None:
    prop, ob = _obligation("SOLVENCY", "unbounded")

    def vacuous(cx: object) -> Goal:
        g = ob.build(cx)
        x = cx.real("x")  # type: ignore[attr-defined]
        return Goal([*g.premises, cx.ar.lt(x, x)], g.goal)  # type: ignore[attr-defined]

    out = engine.run_instance(prop, replace(ob, build=vacuous), "symbolic", None)
    assert out.check["result"] == "fail"
    assert any("vacuity" in f for f in out.check["details"]["failures"])


def test_a_planted_bug_that_is_not_a_bug_fails_the_check() -> None:
    """A 'planted bug' that changes nothing must be reported as not caught (the check would be unable to fail)."""
    prop, ob = _obligation("SOLVENCY", "unbounded")
    harmless = Planted("harmless", "changes nothing", lambda cx: None)
    out = engine.run_instance(prop, replace(ob, planted=(harmless,)), "symbolic", None)
    assert out.check["result"] == "fail"
    assert out.canaries[0]["caught"] is False


def test_dropping_a_relied_on_invariant_gives_a_counterexample() -> None:
    prop, ob = _obligation("BUYING_POWER_SAFETY", "unbounded")
    ob = next(o for o in prop.obligations if o.relies_on)
    entry, _ = engine.necessity(prop, ob, ob.relies_on[0], None)
    assert entry["z3"] == "sat" and entry["counterexample"]


def test_shared_canaries_match_the_z3_column() -> None:
    for row in canary_matrix():
        assert row["caught"] == row["expected_caught"], row
