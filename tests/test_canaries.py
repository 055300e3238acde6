"""The canaries (planted bugs) are real, and each tool catches exactly the ones it is meant to.

* every canary changes behaviour on a witness input (so "not caught" can never mean "nothing was planted");
* applying a canary patches the running code and restoring it restores the real functions;
* Hypothesis: the property suite (tests/properties), run in-process with the canary applied, fails for exactly the
  canaries whose ``expected["hypothesis"]`` is True — and passes for the real code (the suite itself);
* pyicontract-lint flags the planted mismatched contract argument and nothing in the kernels;
* CrossHair and mutation testing have their own, slower matrices (``proofs/stage_crosshair.py``,
  ``proofs/mutation.py``); a cheap CrossHair check of the integer narrow-band kernel runs here.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import canaries  # noqa: E402
from margin_rules import Account, HealthState, Position, finra, money, valuation  # noqa: E402
from margin_rules import formulas as f  # noqa: E402
from margin_rules.arith import DECIMAL  # noqa: E402
from margin_rules.money import exact  # noqa: E402
from proofs.text import clip  # noqa: E402

PROPERTIES = ROOT / "tests" / "properties"
BIN = Path(sys.executable).parent
FINRA = finra()
R = FINRA.rates
ONE, ZERO = D(1), D(0)


def _witness(canary_id: str) -> tuple[Any, Any]:
    """(real, planted) results of the canary's code on an input where they must differ."""
    with exact():
        if canary_id == "wrong_long_rate":
            args = (DECIMAL, R, D(10), True, ONE, ZERO)
            return f.long_maintenance_rate(*args), canaries.long_maintenance_rate_20(*args)
        if canary_id == "short_floor_sign":
            args = (DECIMAL, R, D(100), D(6), ONE, ZERO)
            return f.short_maintenance(*args), canaries.short_maintenance_sign_error(*args)
        if canary_id == "health_boundary_le":
            args = (DECIMAL, True, D(100), D(100), D(200))
            return f.classify(*args), canaries.classify_le(*args)
        if canary_id == "missing_zero_exposure_guard":
            account = Account(D(-5))
            try:
                planted: Any = canaries.equity_ratio_no_guard(account)
            except ZeroDivisionError as exc:
                planted = type(exc).__name__
            formula = (
                f.ratio_classify(DECIMAL, ZERO, D(-5), D("0.25"), D("0.5")),
                canaries.ratio_classify_no_guard(DECIMAL, ZERO, D(-5), D("0.25"), D("0.5")),
            )
            return (valuation.equity_ratio(account), formula[0]), (planted, formula[1])
        if canary_id == "rounding_half_up":
            return money.to_cents(D("100.005"), "ROUND_FLOOR"), canaries.to_cents_half_up(D("100.005"), "ROUND_FLOOR")
        if canary_id == "narrow_price_band":
            args = (DECIMAL, R, D(100), D("4.995"), ONE, ZERO)
            return f.short_maintenance(*args), canaries.short_maintenance_narrow_band(*args)
    raise AssertionError(f"no witness for {canary_id}")


@pytest.mark.parametrize("canary_id", list(canaries.BY_ID))
def test_canary_is_a_real_bug(canary_id: str) -> None:
    real, planted = _witness(canary_id)
    assert real != planted


def test_canary_table_is_complete() -> None:
    assert [c.id for c in canaries.CANARIES] == [
        "wrong_long_rate",
        "short_floor_sign",
        "health_boundary_le",
        "missing_zero_exposure_guard",
        "rounding_half_up",
        "narrow_price_band",
    ]
    for c in canaries.CANARIES:
        assert set(c.expected) == set(canaries.TOOLS), c.id
        assert set(c.why) == set(canaries.TOOLS), c.id
        assert c.patches
    assert {d["replaces"] for d in canaries.FORMULA_CANARIES} <= {f"margin_rules.formulas.{n}" for n in dir(f)}
    # every formula-level variant has exactly the parameters of the formula it replaces
    import inspect

    for entry in canaries.FORMULA_CANARIES:
        original = getattr(f, entry["replaces"].rsplit(".", 1)[1])
        assert list(inspect.signature(entry["variant"]).parameters) == list(inspect.signature(original).parameters)


def test_applied_patches_and_restores() -> None:
    short = Account(D(0), (Position("AAA", D(-100), D("4.995")),))
    from margin_rules import account_maintenance

    before = account_maintenance(short, FINRA)
    with canaries.canary("narrow_price_band").applied():
        assert account_maintenance(short, FINRA) == D(500)  # treated as >= $5.00: $5.00/share
    assert account_maintenance(short, FINRA) == before == D("499.500")  # max($2.50/share, 100% of $499.50)
    with pytest.raises(RuntimeError), canaries.canary("health_boundary_le").applied():
        raise RuntimeError("restored on error too")
    with exact():
        assert f.classify(DECIMAL, True, D(1), D(1), D(2)) is HealthState.RESTRICTED


# --- Hypothesis -------------------------------------------------------------------------------------------------------


def _property_tests() -> list[tuple[str, Callable[[], None]]]:
    """Every Hypothesis property test of tests/properties, as (name, callable without arguments)."""
    if str(PROPERTIES) not in sys.path:
        sys.path.insert(0, str(PROPERTIES))
    found = []
    for path in sorted(PROPERTIES.glob("test_prop_*.py")):
        module = importlib.import_module(path.stem)
        for name in sorted(dir(module)):
            fn = getattr(module, name)
            if name.startswith("test_") and getattr(fn, "is_hypothesis_test", False):
                found.append((name, fn))
    return found


def hypothesis_catches(canary: canaries.Canary) -> tuple[bool, str]:
    """Run the property suite with the canary applied, its designated properties first; stop at the first failure."""
    tests = _property_tests()
    tests.sort(key=lambda item: item[0] not in canary.hypothesis_properties)
    with canary.applied():
        for name, fn in tests:
            try:
                fn()
            except Exception as exc:  # a falsified property (AssertionError) or an unexpected error: caught
                notes = " ".join(getattr(exc, "__notes__", []))
                return True, f"{name}: {type(exc).__name__}: {clip(str(exc), 200)} {clip(notes, 400)}".strip()
    return False, f"all {len(tests)} properties passed with the canary applied"


def test_property_suite_is_discovered() -> None:
    names = {name for name, _ in _property_tests()}
    for c in canaries.CANARIES:
        assert set(c.hypothesis_properties) <= names, c.id
    assert len(names) >= 20


@pytest.mark.parametrize("canary_id", list(canaries.BY_ID))
def test_hypothesis_catches_exactly_the_expected_canaries(canary_id: str, record_property: Any) -> None:
    c = canaries.canary(canary_id)
    caught, evidence = hypothesis_catches(c)
    record_property("canary_id", canary_id)
    record_property("caught", str(caught))
    record_property("expected_caught", str(c.expected["hypothesis"]))
    record_property("evidence", evidence)
    assert caught == c.expected["hypothesis"], evidence


# --- pyicontract-lint -------------------------------------------------------------------------------------------------


def test_pyicontract_lint_flags_the_mismatched_argument() -> None:
    lint = str(BIN / "pyicontract-lint")
    bad = subprocess.run(
        [lint, str(ROOT / "canaries" / "lint_mismatch.py")], capture_output=True, text=True, check=False
    )
    assert bad.returncode != 0
    assert "pre-invalid-arg" in bad.stdout and "amount" in bad.stdout
    good = subprocess.run([lint, str(ROOT / "canaries" / "kernels.py")], capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout


# --- CrossHair: the cheap integer kernel (the full matrix is proofs/stage_crosshair.py) -------------------------------


@pytest.mark.slow
def test_crosshair_finds_the_integer_narrow_band_quickly() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [
        str(BIN / "crosshair"),
        "check",
        "--analysis_kind=icontract",
        "--per_path_timeout=2",
        "--max_uninteresting_iterations=20",
        "--per_condition_timeout=10",
    ]
    planted = subprocess.run(
        [*cmd, "canaries.kernels.short_per_share_int_narrow_band"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert planted.returncode == 1, planted.stdout + planted.stderr
    assert "short_per_share_int_narrow_band(499" in planted.stdout
    real = subprocess.run(
        [*cmd, "canaries.kernels.short_per_share_int"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert real.returncode == 0, real.stdout + real.stderr
