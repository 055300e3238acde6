"""Mutation testing of the core (``make mutate`` = ``python -m proofs.mutation``) and the canary-level mutation check.

Full run (``python -m proofs.mutation``, NOT part of ``make prove``: see the wall time in the report):

* mutmut 3.x, configured in ``setup.cfg`` [mutmut], over the pure core (:data:`MODULES`): formulas, requirements,
  health, withdrawal, buying_power, valuation, money, rates, rulesets, margin_call (margin calls, the liquidation plan
  and the liquidation price), orders (maximum order quantity), transactions (fills, deposits, withdrawals),
  order_check (the figure-level order check) and daytrading (the pure day-trading rules).
* Test selection (:data:`SELECTION`, the same list as ``pytest_add_cli_args_test_selection``): the property suite
  ``tests/properties`` and the pure, thread-free tests of those modules: ``tests/test_margin_call.py``,
  ``tests/test_liquidation_price.py``, ``tests/test_orders.py``, ``tests/test_transactions.py``,
  ``tests/test_daytrading_rules.py``, ``tests/live/test_live_order_check.py`` (check_order against order_fits),
  ``tests/live/test_daytrading_trackers.py`` (the day-trading rules through their trackers, no threads) and
  ``tests/test_mutation_kills_core.py`` (the tests written for the survivors of the first run over the last five
  modules) and ``tests/test_finding_reserved_places.py`` (the regression test of the defect that run found). All
  run under the Hypothesis ``mutation`` profile (derandomized, 20 random examples + every explicit
  ``@example``, no shrinking; tests with their own ``max_examples`` keep it). mutmut records which tests reach each
  function and runs only those, fastest first, for each mutant.
* Writes ``reports/mutation-report.json`` and ``reports/mutation-report.md``: counts, kill rate
  ((killed + timeout) / (all - skipped)), overall and per module, wall time, and every surviving mutant with its diff
  and the reason (:data:`SURVIVOR_REASONS`: an equivalent mutant, or a missing test which was then added). A survivor
  without a recorded reason is reported as "unexplained" and fails the run, like a kill rate below :data:`GOAL`.
  The run also fails if ``setup.cfg`` and :data:`MODULES` / :data:`SELECTION` disagree.
* mutmut 3 does not mutate decorated functions (it cannot re-decorate its trampolines), so the icontract-decorated
  public wrappers are not mutated. For the first nine modules their logic is in ``formulas.py`` and in undecorated
  helpers, which are mutated. For margin_call, orders, transactions and daytrading the bodies of the decorated public
  functions (e.g. ``liquidation_plan``, ``margin_calls``, ``liquidation_price``, ``max_order_quantity``,
  ``apply_fill``, ``day_trade_step``) are NOT mutated, only their undecorated helpers (validation, the contract
  helpers, ``_calls_of``, ``_reduced``, the piecewise-linear evaluation of the liquidation price, ``_basis_after``,
  ...); moving a body into an undecorated helper would bring it under mutation. The report lists every function
  mutmut skipped for that reason. Module-level constants are not mutated either: the rule constants live in the
  functions ``rulesets._finra_rates`` / ``rulesets.alpaca`` (mutated), and
  ``tests/properties/test_prop_rulesets.py`` pins each one to the rulebook (the spec-mutation test).

Canary-level check (:func:`run`, stage interface, cheap enough for ``make prove``): each canary of :mod:`canaries` is
planted as if it were a mutant (``MARGIN_CANARY``) and the same targeted selection is run; "caught" = the selection
fails.
"""

from __future__ import annotations

import ast
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
GOAL = 95.0
SELECTION = [
    "tests/properties",
    "tests/test_margin_call.py",
    "tests/test_liquidation_price.py",
    "tests/test_orders.py",
    "tests/test_transactions.py",
    "tests/test_daytrading_rules.py",
    "tests/live/test_live_order_check.py",
    "tests/live/test_daytrading_trackers.py",
    "tests/test_mutation_kills_core.py",
    "tests/test_finding_reserved_places.py",
]
PROFILE = "mutation"
MODULES = (
    "formulas",
    "requirements",
    "health",
    "withdrawal",
    "buying_power",
    "valuation",
    "money",
    "rates",
    "rulesets",
    "margin_call",
    "orders",
    "transactions",
    "order_check",
    "daytrading",
)

KILLED = {1, 3, 36, 24, -24, 152, 255}  # killed, or timed out (a mutant that loops is detected)
SKIPPED = {34, 37}

_EQ = "equivalent: "
SURVIVOR_REASONS: dict[str, str] = {
    # Triaged by hand from the survivors of the runs (see reports/mutation-report.md). Survivors of earlier runs that
    # were missing tests are not listed: the tests were added (tests/properties/test_prop_refusals.py, the Alpaca
    # leveraged-short and cash-mode examples) and those mutants are now killed.
    "margin_rules.rulesets.x_alpaca__mutmut_12": _EQ
    + "dropping long_low_price_rate=1.00 from alpaca() keeps the FINRA "
    "base value, which is also 1.00",
    "margin_rules.formulas.x_max_withdrawal__mutmut_23": _EQ
    + "without shorts, equity - must_keep >= cash because every "
    "long rate is <= 1 (rate invariants), so min(max(cash, 0), equity -/+ must_keep) is max(cash, 0) either way; the "
    "min term is redundant under the invariants (kept for clarity of the rule)",
    "margin_rules.money.x_to_cents__mutmut_2": _EQ + "traps[Inexact] = None is falsy like False",
    "margin_rules.money.x_to_cents__mutmut_4": _EQ + "traps[Rounded] = None is falsy like False",
    "margin_rules.valuation.x_equity_ratio_display__mutmut_11": _EQ + "scaleb of an integer by -places is exact in any "
    "context",
    "margin_rules.valuation.x_equity_ratio_display__mutmut_13": _EQ + "scaleb of an integer by -places is exact in any "
    "context",
    "margin_rules.requirements.x_house_rate_function__mutmut_4": _EQ + "HouseRules refuses a threshold without a rate "
    "and vice versa, so `or` and `and` agree on every valid HouseRules",
    "margin_rules.requirements.x_house_rate_function__mutmut_14": _EQ + "sum() starting at int 0 instead of Decimal 0 "
    "gives the same Decimal (or 0 x threshold = 0 for no positions)",
    "margin_rules.requirements.x_house_rate_function__mutmut_27": _EQ + "when conc_rate == base both branches return "
    "the same rate",
    "margin_rules.rulesets.xǁHouseRulesǁbase_rate__mutmut_9": _EQ + "when override == result both branches give the "
    "same rate",
    "margin_rules.requirements.x_split_order__mutmut_10": _EQ + "current == 0 is handled by the first disjunct, so "
    "current >= 0 and current > 0 agree",
    # Missing tests found by the last full run; the tests were added after it (re-run `make mutate` to see them killed):
    **dict.fromkeys(
        (f"margin_rules.rulesets.x_finra__mutmut_{n}" for n in (4, 8, 12, 13)),
        "missing test: the description test used a module-level finra() built at import, before mutmut switches the "
        "mutant on; added test_prop_refusals.py::test_presets_describe_themselves calling finra() in the test",
    ),
    "margin_rules.money.x_to_decimal__mutmut_40": "missing test: a value with exactly 10 places and trailing zeros "
    "must keep its representation; added to test_prop_refusals.py::test_to_decimal_refusals_name_the_field",
    "margin_rules.requirements.x_split_order__mutmut_12": _EQ + "an order's signed quantity is never 0 (Order refuses "
    "quantity <= 0), so delta >= 0 and delta > 0 agree",
    # --- margin_call, orders, transactions, order_check, daytrading (added to the run with
    # tests/test_mutation_kills_core.py, which kills every other survivor of the first run over them) ---
    **dict.fromkeys(
        (f"margin_rules.margin_call.x__ceil_div__mutmut_{n}" for n in (12, 16)),
        _EQ + "weakens the self-check `assert n x d >= x > (n - 1) x d` (to >= or to n - 2): n is the exact ceiling "
        "computed on the integer ratios, so the assertion holds in either form and never fires",
    ),
    "margin_rules.margin_call.x__negative_set__mutmut_20": _EQ + "the sample of the unbounded last piece moves from "
    "edge + 1 to edge + 2: both lie inside the piece (edge, inf), on which no comparison changes at the fixed point "
    "(a crossing of two compared terms is always recorded as a breakpoint), so g is the same linear function there",
    "margin_rules.margin_call.x__negative_set__mutmut_31": _EQ + "keeping breakpoints >= 0 instead of > 0 only "
    "duplicates the edge 0, adding the empty piece (0, 0) sampled at 0: a constant negative g there adds the "
    "interval (0, 0), whose end 0 is already in `single` (g(0) < 0); a sloped g adds nothing (top > 0 and "
    "bottom < 0 are false), so the supremum, the infimum and the unbounded test are unchanged",
    **dict.fromkeys(
        (f"margin_rules.margin_call.x__negative_set__mutmut_{n}" for n in (41, 44, 45)),
        _EQ + "zip(edges, samples, strict=True) -> strict=None/False/omitted: samples has exactly len(edges) elements "
        "by construction (one midpoint per gap plus the last piece), so strict never fires",
    ),
    "margin_rules.margin_call.x__negative_set__mutmut_64": _EQ + "g.b > 0 -> g.b >= 0: the case g.b == 0 is handled "
    "just before (continue), so the two tests agree on every piece that reaches them",
    **dict.fromkeys(
        (f"margin_rules.margin_call.x__not_in_call_at__mutmut_{n}" for n in (12, 18)),
        _EQ + "the repriced position loses its cost basis: account_requirements and health_of never read cost_basis "
        "(it only orders liquidations by P&L)",
    ),
    **dict.fromkeys(
        (f"margin_rules.margin_call.x__not_in_call_at__mutmut_{n}" for n in (28, 29, 33, 34)),
        _EQ + "the repriced account loses (or shifts) its prior-close equity/maintenance: account_requirements and "
        "health_of never read the prior-close figures (only the legacy day-trading budget does), and Account accepts "
        "either of them alone",
    ),
    "margin_rules.margin_call.x__plan_ok__mutmut_13": _EQ + "held.quantity > 0 -> >= 0 differs only for a flat "
    "position, and an order on a flat position is already refused by the line before (an order's quantity is > 0 = "
    "|held|), so the side test is never reached with held.quantity == 0",
    "margin_rules.margin_call.x__reduced__mutmut_4": _EQ + "position.quantity > 0 -> >= 0 differs only for a flat "
    "position, which is never reduced: liquidation_plan's candidates exclude quantity 0, and account_after_plan "
    "executes the plans of liquidation_plan (their orders trade held, non-zero positions, as _plan_ok checks)",
    **dict.fromkeys(
        (
            "margin_rules.margin_call.xǁ_Marginǁ__init____mutmut_19",
            "margin_rules.margin_call.xǁ_Marginǁ_house_rates__mutmut_17",
            "margin_rules.margin_call.xǁ_Marginǁ_others_maintenance__mutmut_10",
            "margin_rules.transactions.x__equity__mutmut_5",
        ),
        _EQ + "sum() starting at int 0 instead of Decimal 0 gives the same Decimal (0 + Decimal is that Decimal; an "
        "empty sum is int 0, which Decimal arithmetic and Fraction() accept as 0)",
    ),
    "margin_rules.margin_call.xǁ_Marginǁ_house_rates__mutmut_5": _EQ + "HouseRules refuses a concentration threshold "
    "without a rate and vice versa, so `or` and `and` agree on every valid HouseRules",
    "margin_rules.margin_call.xǁ_Marginǁ_house_rates__mutmut_46": _EQ + "conc > base -> conc >= base: when "
    "conc == base both branches give the same rate",
    **dict.fromkeys(
        (f"margin_rules.margin_call.xǁ_Marginǁ_others_maintenance__mutmut_{n}" for n in (3, 4, 31)),
        _EQ + "disables or poisons the memo of the other positions' maintenance (get(None), found = None, memo[key] "
        "= None): every call then recomputes the same exact sum, so only the time changes",
    ),
    **dict.fromkeys(
        (f"margin_rules.margin_call.xǁ_Marginǁ_others_maintenance__mutmut_{n}" for n in (26, 29, 30)),
        _EQ + "zip(self.others, key, strict=True) -> strict=None/False/omitted: key is built from self.others, one "
        "rate per position, so the lengths are always equal",
    ),
    "margin_rules.margin_call.xǁ_Marginǁevaluate__mutmut_24": _EQ + "t.quantity > 0 -> >= 0: the target is never flat "
    "(_target refuses a position of quantity 0 before _Margin is built)",
    **dict.fromkeys(
        (f"margin_rules.margin_call.xǁ_PieceArithǁ{op}__mutmut_7" for op in ("max", "min")),
        _EQ + "changes only which of two terms is returned on a tie a(x) = b(x): the value at x is the same; the "
        "slope is used only at the samples, which at the fixed point are interior points of pieces, where a tie of "
        "two different linear terms is impossible (their crossing is recorded as a breakpoint, i.e. an edge), so "
        "there a and b are the same function",
    ),
    "margin_rules.order_check.x__available__mutmut_22": _EQ + "excess <= 0 -> excess < 0: with excess == 0 the "
    "scaled branch computes 0 x in_force / full = 0 (floored at 40 places, 0E-40), so excess - reserved and "
    "scaled - reserved are equal Decimals (only the exponent of the zero differs, which no caller observes)",
    "margin_rules.order_check.x__available__mutmut_31": _EQ + "quantize(q, None, _FLOOR) takes its rounding from the "
    "_FLOOR context, whose rounding is ROUND_FLOOR: the same as passing ROUND_FLOOR",
    "margin_rules.order_check.x__fits_budget__mutmut_12": _EQ + "excess <= 0 -> excess < 0: with excess == 0 the "
    "scaled test charge x full <= 0 x in_force - reserved x full is charge <= -reserved (full > 0), the same "
    "decision as the unscaled charge <= 0 - reserved",
    "margin_rules.order_check.x__fits_budget__mutmut_4": _EQ + "weakens an assertion that cannot fail: check_order "
    "calls _available first, which refuses (DomainError) a legacy check with either prior-close figure missing",
    "margin_rules.order_check.x_split_quantity__mutmut_3": _EQ + "held > 0 -> held >= 0: held == 0 is handled by the "
    "first disjunct of the same test",
    "margin_rules.order_check.x_split_quantity__mutmut_9": _EQ + "closable <= 0 -> < 0: with closable == 0 the "
    "mutant computes closing = closable = 0 (quantity > 0 is required by every caller) and returns (quantity - 0, 0), "
    "equal to (quantity, 0)",
    "margin_rules.order_check.x_split_quantity__mutmut_13": _EQ + "quantity <= closable -> <: when "
    "quantity == closable both branches give closing = quantity = closable",
    **dict.fromkeys(
        (f"margin_rules.orders.x__result_is_maximal__mutmut_{n}" for n in (8, 11, 12, 16, 19, 20, 24, 27, 28)),
        _EQ + "a field name in a conversion of the postcondition _result_is_maximal: icontract evaluates it only "
        "after the body returned, i.e. after _validate accepted the same price, reserved and leverage with the same "
        "bounds, so this conversion never refuses and the field name is never shown",
    ),
    "margin_rules.transactions.x__basis_after__mutmut_6": _EQ + "held.quantity > 0 -> >= 0 in `growing` differs only "
    "for a flat position, for which the other disjunct (held.quantity == 0) already makes `growing` true",
    "margin_rules.transactions.x__basis_after__mutmut_8": _EQ + "delta > 0 -> delta >= 0: a fill of 0 shares is "
    "refused by apply_fill before, so delta is never 0",
    "margin_rules.transactions.x__basis_after__mutmut_12": _EQ + "remaining > 0 -> >= 0: remaining == 0 returns None "
    "at the top of the function",
    "margin_rules.transactions.x__basis_after__mutmut_14": _EQ + "held.quantity > 0 -> >= 0 differs only for a flat "
    "position, which is `growing` and returns before this test",
    **dict.fromkeys(
        (f"margin_rules.transactions.x__basis_after__mutmut_{n}" for n in (17, 19)),
        _EQ + "quantize(..., context=None/omitted) uses the current context, which inside "
        "`with localcontext(_ACCOUNTING) as ctx` is ctx itself",
    ),
    "margin_rules.transactions.x__basis_after__mutmut_24": _EQ + "quantize uses only the exponent of its argument: "
    "Decimal(2).scaleb(-10) and Decimal(1).scaleb(-10) both have exponent -10",
}
"""Why each surviving mutant survives. A survivor not listed here is "unexplained" and fails the run."""


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "MARGIN_HYPOTHESIS_PROFILE": PROFILE, "PYTHONHASHSEED": "0", **extra}
    if "MARGIN_CANARY" not in extra:
        env.pop("MARGIN_CANARY", None)
    return env


def _mutmut_version() -> str:
    try:
        from importlib.metadata import version

        return version("mutmut")
    except Exception:  # pragma: no cover
        return "unavailable"


# --- canary-level check (stage interface) -----------------------------------------------------------------------------


def run(out_dir: Path) -> dict[str, Any]:
    """Plant each canary and run the mutation test selection against it; ``caught`` = the selection fails."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import canaries

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    rows = []
    checks = []
    control_start = time.perf_counter()
    control = subprocess.run(
        [sys.executable, "-m", "pytest", *SELECTION, "-q", "-x", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    checks.append(
        {
            "id": "MUTATION-SELECTION-GREEN",
            "statement": "The mutation test selection passes on the real code (else every mutant would look killed)",
            "rule": "mutation testing precondition",
            "functions": [f"margin_rules.{m}" for m in MODULES],
            "result": "pass" if control.returncode == 0 else "fail",
            "seconds": round(time.perf_counter() - control_start, 3),
            "details": {"returncode": control.returncode, "tail": (control.stdout + control.stderr)[-1500:]},
        }
    )
    for c in canaries.CANARIES:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", *SELECTION, "-q", "-x", "-p", "no:cacheprovider"],
            cwd=ROOT,
            env=_env(MARGIN_CANARY=c.id),
            capture_output=True,
            text=True,
            check=False,
        )
        failed = re.findall(r"^FAILED (\S+)", proc.stdout, re.MULTILINE)
        rows.append(
            {
                "id": c.id,
                "description": c.description,
                "expected_caught": c.expected["mutation"],
                "caught": proc.returncode == 1,
                "evidence": (f"killed by {failed[0]}" if failed else f"pytest exit {proc.returncode}")
                + f" in {time.perf_counter() - t0:.1f} s",
            }
        )
    ok = all(c["result"] == "pass" for c in checks) and all(r["caught"] == r["expected_caught"] for r in rows)
    return {
        "stage": "mutation-canaries",
        "ok": ok,
        "tool": "mutmut test selection (canaries planted as mutants)",
        "tool_version": _mutmut_version(),
        "seconds": round(time.perf_counter() - start, 3),
        "checks": checks,
        "canaries": rows,
        "details": {"selection": SELECTION, "profile": PROFILE, "full_report": "reports/mutation-report.md"},
    }


# --- full mutmut run --------------------------------------------------------------------------------------------------


def _decorated_functions() -> dict[str, list[str]]:
    """Functions mutmut 3 skips because they are decorated (other than staticmethod/classmethod), per module."""
    out: dict[str, list[str]] = {}
    for module in MODULES:
        tree = ast.parse((ROOT / "margin_rules" / f"{module}.py").read_text(encoding="utf-8"))
        names = []
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.decorator_list:
                simple = [d.id for d in node.decorator_list if isinstance(d, ast.Name)]
                if not (len(node.decorator_list) == 1 and simple and simple[0] in ("staticmethod", "classmethod")):
                    names.append(node.name)
        out[module] = names
    return out


def _results() -> dict[str, int | None]:
    """mutant name -> exit code, from mutmut's ``mutants/**/*.meta`` files."""
    out: dict[str, int | None] = {}
    for meta in sorted((ROOT / "mutants" / "margin_rules").glob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        out.update(data.get("exit_code_by_key", {}))
    return out


_MEMO_FUNCTIONS = ("x_specialised", "x__compile", "x__generate")


def classify_survivor(name: str, status: str, diff: str) -> str:
    """A first classification of a survivor from its diff (labelled "auto"); :data:`SURVIVOR_REASONS` overrides it."""
    if name in SURVIVOR_REASONS:
        return SURVIVOR_REASONS[name]
    removed = [line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    text = " ".join(removed + added)
    if status == "no tests":
        return (
            "missing test (auto): no test of the selection reaches this function (used by the proofs or only "
            "through decorated wrappers mutmut cannot trace)"
        )
    if any(fn in name for fn in _MEMO_FUNCTIONS):
        return (
            "equivalent (auto): the memo of generated code (cache keys, cache limit, identity shortcut) changes "
            "only when code is regenerated, never what it computes"
        )
    if "XX" in text and "raise" in text:
        return (
            "missing test (auto): the refusal and its field are asserted, its message only as a substring, which an "
            "XX-decorated message still contains"
        )
    if "XX" in text or (
        added and any(", None)" in a or "(None," in a or "None" in a for a in added) and "raise" in text
    ):
        return (
            "missing test (auto): the text of a refusal (error message or field name) is not asserted; the "
            "refusal itself is"
        )
    if "raise" in text or "Error" in text:
        return "missing test (auto): a refusal path (input validation) is not exercised by the selection"
    return "unexplained: needs triage (equivalent mutant or missing test)"


def _show(name: str) -> str:
    proc = subprocess.run([_bin("mutmut"), "show", name], cwd=ROOT, env=_env(), capture_output=True, text=True)
    return (proc.stdout + proc.stderr).strip()


def _configuration_mismatches() -> list[str]:
    """Where ``setup.cfg`` [mutmut] disagrees with :data:`MODULES` / :data:`SELECTION` (empty when they agree)."""
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg", encoding="utf-8")
    section = parser["mutmut"]
    problems = []
    only_mutate = section.get("only_mutate", "").split()
    if only_mutate != [f"margin_rules/{m}.py" for m in MODULES]:
        problems.append(f"setup.cfg only_mutate {only_mutate} != MODULES {list(MODULES)}")
    selection = section.get("pytest_add_cli_args_test_selection", "").split()
    if selection != SELECTION:
        problems.append(f"setup.cfg pytest_add_cli_args_test_selection {selection} != SELECTION {SELECTION}")
    return problems


def _kill_rate(counts: dict[str, int]) -> float:
    """(killed + timeout) / (all - skipped), in percent (a timeout is recorded as killed)."""
    tested = sum(counts.values()) - counts.get("skipped", 0)
    return 100.0 * counts.get("killed", 0) / tested if tested else 0.0


def full_run(max_children: int = 2, fresh: bool = True, report_only: bool = False) -> dict[str, Any]:
    mismatches = _configuration_mismatches()
    if mismatches:
        raise SystemExit("proofs.mutation: " + "; ".join(mismatches))
    wall_file = ROOT / "mutants" / "mutmut-wall-seconds.txt"
    if report_only:
        returncode, wall = 0, float(wall_file.read_text()) if wall_file.exists() else float("nan")
    else:
        if fresh and (ROOT / "mutants").exists():
            shutil.rmtree(ROOT / "mutants")
        start = time.perf_counter()
        proc = subprocess.run(
            [_bin("mutmut"), "run", "--max-children", str(max_children)],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        returncode = proc.returncode
        (ROOT / "mutants").mkdir(exist_ok=True)
        (ROOT / "mutants" / "mutmut-run.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
        wall_file.write_text(f"{wall:.1f}")
    codes = _results()
    counts: dict[str, int] = {}
    by_module: dict[str, dict[str, int]] = {}
    survivors = []
    for name, code in sorted(codes.items()):
        if code in KILLED:
            status = "killed"
        elif code in SKIPPED:
            status = "skipped"
        elif code == 0:
            status = "survived"
        elif code in (5, 33):
            status = "no tests"
        elif code is None:
            status = "not checked"
        else:
            status = f"suspicious ({code})"
        counts[status] = counts.get(status, 0) + 1
        module = name.split(".")[1]  # "margin_rules.<module>.x_<function>__mutmut_<n>" (methods: xǁClassǁmethod)
        by_module.setdefault(module, {}).setdefault(status, 0)
        by_module[module][status] += 1
        if status != "killed" and status != "skipped":
            diff = _show(name)
            survivors.append(
                {"mutant": name, "status": status, "reason": classify_survivor(name, status, diff), "diff": diff}
            )
    total = sum(counts.values())
    kill_rate = _kill_rate(counts)
    unexplained = [s["mutant"] for s in survivors if s["reason"].startswith("unexplained")]
    return {
        "tool": "mutmut",
        "tool_version": _mutmut_version(),
        "modules": [f"margin_rules/{m}.py" for m in MODULES],
        "selection": SELECTION,
        "hypothesis_profile": PROFILE,
        "max_children": max_children,
        "wall_seconds": round(wall, 1),
        "returncode": returncode,
        "total": total,
        "counts": counts,
        "by_module": by_module,
        "kill_rate_by_module_percent": {m: round(_kill_rate(c), 2) for m, c in sorted(by_module.items())},
        "equivalent_survivors_by_module": {
            m: sum(1 for s in survivors if s["mutant"].split(".")[1] == m and s["reason"].startswith("equivalent"))
            for m in sorted(by_module)
        },
        "kill_rate_percent": round(kill_rate, 2),
        "goal_percent": GOAL,
        "ok": returncode == 0 and total > 0 and kill_rate >= GOAL and not unexplained,
        "unexplained_survivors": unexplained,
        "survivors": survivors,
        "not_mutated_decorated_functions": _decorated_functions(),
    }


def _markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Mutation testing report (mutmut)",
        "",
        f"- Tool: mutmut {report['tool_version']}; configuration: `setup.cfg` [mutmut]; command: `make mutate`",
        f"- Mutated modules: {', '.join('`' + m + '`' for m in report['modules'])}",
        f"- Test selection: `{' '.join(report['selection'])}` with the Hypothesis "
        f"`{report['hypothesis_profile']}` profile",
        f"- Mutants: {report['total']}; " + ", ".join(f"{k}: {v}" for k, v in sorted(report["counts"].items())),
        f"- **Kill rate: {report['kill_rate_percent']}%** (goal {report['goal_percent']}%): "
        + ("met" if report["kill_rate_percent"] >= report["goal_percent"] else "NOT met"),
        f"- Wall time: {report['wall_seconds']} s with {report['max_children']} workers (shared 2-core machine); "
        "not part of `make prove`",
        "",
        "## Per module",
        "",
        "Kill rate = killed / (all - skipped). A survivor explained as equivalent has no observable behaviour change: "
        "no test can kill it.",
        "",
        "| module | "
        + " | ".join(sorted({k for v in report["by_module"].values() for k in v}))
        + " | of which equivalent | kill rate |",
    ]
    statuses = sorted({k for v in report["by_module"].values() for k in v})
    lines.append("|---|" + "---|" * len(statuses) + "---|---|")
    for module, counts in sorted(report["by_module"].items()):
        lines.append(
            f"| {module} | "
            + " | ".join(str(counts.get(s, 0)) for s in statuses)
            + f" | {report['equivalent_survivors_by_module'][module]}"
            + f" | {report['kill_rate_by_module_percent'][module]}% |"
        )
    lines += ["", "## Surviving mutants", ""]
    if not report["survivors"]:
        lines.append("None.")
    for s in report["survivors"]:
        lines += [
            f"### `{s['mutant']}` ({s['status']})",
            "",
            f"Reason: {s['reason']}",
            "",
            "```diff",
            s["diff"],
            "```",
            "",
        ]
    lines += [
        "## Not mutated by mutmut 3 (decorated functions)",
        "",
        "mutmut 3 skips functions with decorators other than staticmethod/classmethod. In formulas, requirements, "
        "health, withdrawal, buying_power, valuation, money, rates and rulesets their logic is in the formulas and "
        "undecorated helpers, which are mutated. In margin_call, orders, transactions, order_check and daytrading "
        "the bodies of the functions below are NOT mutated (only the undecorated helpers they call are): e.g. the "
        "sizing loop of `liquidation_plan`, the search of `max_order_quantity`, the bookkeeping of `apply_fill`, "
        "the day-trade count of `day_trade_step`. Their tests run in the selection all the same.",
        "",
    ]
    for module, names in sorted(report["not_mutated_decorated_functions"].items()):
        if names:
            lines.append(f"- `{module}`: " + ", ".join(f"`{n}`" for n in names))
    return "\n".join(lines) + "\n"


def main() -> int:
    report = full_run(report_only="--report-only" in sys.argv[1:])
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "mutation-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (REPORTS / "mutation-report.md").write_text(_markdown(report), encoding="utf-8")
    print(
        f"mutmut: {report['total']} mutants, kill rate {report['kill_rate_percent']}%, "
        f"{len(report['survivors'])} survivors ({len(report['unexplained_survivors'])} unexplained), "
        f"{report['wall_seconds']} s"
    )
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
