"""The SMT-LIB2 re-check (``proofs/smtcheck.py``) can fail: a wrong expected answer, an undecided file and a solver
error each fail it; counterexample files are re-checked by the z3 binary only; the z3 binary falls back to the other
strategy when the first one does not decide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from proofs import smtcheck

SAT = """; a satisfiable claim
(set-logic ALL)
(declare-fun x () Real)
(assert (> (* x x) 2.0))
(check-sat)
"""

UNSAT = """; an unsatisfiable claim: x*x >= 0 over the reals
(set-logic ALL)
(declare-fun x () Real)
(assert (< (* x x) 0.0))
(check-sat)
"""

BROKEN = """(set-logic ALL)
(assert (> y 1.0))
(check-sat)
"""


def _write(tmp_path: Path, entries: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    (tmp_path / "smt2").mkdir(exist_ok=True)
    index = []
    for name, text, expected in entries:
        (tmp_path / "smt2" / name).write_text(text)
        index.append({"file": f"smt2/{name}", "expected": expected, "check": name, "strategy": "incremental"})
    (tmp_path / "smt2" / "index.json").write_text(json.dumps(index))
    return index


def test_agreeing_files_pass_and_cvc5_confirms_the_claims(tmp_path: Path) -> None:
    files = _write(tmp_path, [("a.smt2", SAT, "sat"), ("b.smt2", UNSAT, "unsat")])
    result = smtcheck.recheck(tmp_path, files, workers=2)
    assert result["ok"]
    assert [c["result"] for c in result["checks"]] == ["pass", "pass"]
    assert result["cvc5_confirmed"] == 2 and result["cvc5_unconfirmed"] == [] and result["cvc5_not_run"] == 0
    assert [c["details"]["z3_cli"]["result"] for c in result["checks"]] == ["sat", "unsat"]


def test_a_wrong_expected_answer_is_a_disagreement_and_fails(tmp_path: Path) -> None:
    files = _write(tmp_path, [("claim.smt2", SAT, "unsat")])
    result = smtcheck.recheck(tmp_path, files, workers=1)
    check = result["checks"][0]
    assert not result["ok"]
    assert check["result"] == "fail" and check["details"]["disagreement"]
    assert check["details"]["cvc5"]["result"] == "sat"


def test_a_counterexample_file_is_not_given_to_cvc5_but_must_agree_with_the_z3_binary(tmp_path: Path) -> None:
    files = _write(tmp_path, [("P.planted.bug.smt2", UNSAT, "sat")])
    result = smtcheck.recheck(tmp_path, files, workers=1)
    check = result["checks"][0]
    assert check["details"]["kind"] == "counterexample"
    assert check["details"]["cvc5"]["result"].startswith("not run")
    assert check["result"] == "fail" and not result["ok"]
    assert result["cvc5_not_run"] == 1 and result["cvc5_confirmed"] == 0


def test_a_solver_error_fails(tmp_path: Path) -> None:
    files = _write(tmp_path, [("broken.smt2", BROKEN, "sat")])
    check = smtcheck.check_file(tmp_path, files[0])
    assert check["result"] != "pass"
    assert check["details"]["z3_cli"]["result"].startswith("error")  # z3 prints an error, then "sat"
    assert check["details"]["cvc5"]["result"].startswith("error")


def test_undecided_by_the_z3_binary_is_not_a_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _write(tmp_path, [("claim.smt2", UNSAT, "unsat")])
    monkeypatch.setattr(smtcheck, "_z3_cli_once", lambda body: ("unknown (CPU cap 10 s)", 10.0))
    check = smtcheck.check_file(tmp_path, files[0])
    assert check["result"] == "unknown"
    assert [a["mode"] for a in check["details"]["z3_cli"]["attempts"]] == ["incremental", "default"]


def test_the_z3_binary_falls_back_to_the_other_strategy(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = smtcheck._z3_cli_once

    def first_attempt_stalls(body: str) -> tuple[str, float]:
        calls.append("incremental" if "(push 1)" in body else "default")
        if "(push 1)" in body:
            return f"unknown (CPU cap {smtcheck.Z3_CLI_CPU_GUARD_SECONDS} s)", 10.0
        return real(body)

    monkeypatch.setattr(smtcheck, "_z3_cli_once", first_attempt_stalls)
    out: dict[str, Any] = smtcheck.z3_cli_check(UNSAT, "incremental")
    assert calls == ["incremental", "default"]
    assert out["result"] == "unsat" and out["mode"] == "default"
    assert out["attempts"][0]["result"].startswith("unknown")


FACTOR = """; factor the product of two 19-digit primes: far beyond 1 CPU-second of nonlinear integer search
(set-logic ALL)
(declare-fun x () Int)
(declare-fun y () Int)
(assert (> x 1))
(assert (> y 1))
(assert (= (* x y) 1000000000000000012000000000000000027))
(check-sat)
"""


def test_the_cpu_cap_stops_a_z3_binary_that_does_not_return(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smtcheck, "Z3_CLI_CPU_GUARD_SECONDS", 1)
    monkeypatch.setattr(smtcheck, "Z3_CLI_RLIMIT", 4_000_000_000)  # too large to stop it first
    result, seconds = smtcheck._z3_cli_once(FACTOR)
    assert result == "unknown (CPU cap 1 s)"
    assert seconds < 30
