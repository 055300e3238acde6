"""Stage ``crosshair`` of ``make prove``: CrossHair's icontract analysis of every contract-carrying core function, with
explicit budgets, plus the canary matrix.

* Targets: found by introspection: every function defined in a top-level module of ``margin_rules`` (the pure core) that
  carries icontract pre/postconditions (``__preconditions__`` / ``__postconditions__``, also through
  ``functools.wraps``).
* Budgets (CPU seconds, as CrossHair counts them): ``--per_path_timeout``, ``--max_uninteresting_iterations`` and
  ``--per_condition_timeout`` per function, and an overall wall-clock bound per CrossHair process (``timeout``) as a
  safety net. Functions are checked two at a time (the machine has 2 cores).
* Inputs: ``proofs/crosshair_plugin.py`` tells CrossHair how to build rule sets, positions, accounts and orders.
* Results: CrossHair's "error" lines are counterexamples -> ``fail``. "Not confirmed" (no counterexample within the
  budget: the usual outcome on Decimal, whose symbolic support in CrossHair is a pure-Python re-implementation and
  explores few paths) -> ``pass`` with ``details.status = "no counterexample within budget"``; "Confirmed over all
  paths" -> ``pass`` with ``status = "confirmed"``; a timeout or a crash -> ``unknown`` (fails the stage).
  This is bounded bug-finding, not a proof: the Z3 stage proves; CrossHair looks for contract violations in the code
  that actually runs (validation, routing, the specialised requirement code).
* Canaries: each canary of :mod:`canaries` with CrossHair targets is planted (``MARGIN_CANARY``) and CrossHair is run on
  those real functions with their real contracts; and the narrow-band kernels of :mod:`canaries.kernels` measure
  CrossHair
  on ``Decimal.quantize`` against the same logic over integers. ``caught`` must equal ``expected_caught``.

``python -m proofs.stage_crosshair [out_dir]`` runs the stage alone and prints its JSON.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proofs.text import clip

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "proofs" / "crosshair_plugin_entry.py"
CROSSHAIR = str(Path(sys.executable).parent / "crosshair")


NOT_ANALYSABLE: dict[str, str] = {
    # CrossHair reports "Unable to meet precondition" for these (measured 2026-11-21 with crosshair-tool 0.0.112 and the
    # plugin's builders). They are the live account's figure-level order check; each is tied exactly to the snapshot
    # check buying_power.order_fits, which CrossHair does analyse, by a Hypothesis conformance test. Listed in the
    # report as "skipped" with this reason; any other function that meets no precondition still fails the stage.
    "margin_rules.order_check.order_terms": "tests/live/test_live_order_check.py::"
    "test_check_order_agrees_exactly_with_order_fits (exact agreement with buying_power.order_fits, 300 examples)",
    "margin_rules.order_check.check_order": "tests/live/test_live_order_check.py::"
    "test_check_order_agrees_exactly_with_order_fits and ::test_live_account_decides_as_order_fits",
    # Two accounts per call (measured 2026-12-04): within the core budget CrossHair sometimes builds no valid pair and
    # reports "Unable to meet precondition" (another run of the same budget finds inputs and passes).
    "margin_rules.carry.order_daily_carry": "tests/test_carry.py::test_daily_carry_of_an_order (its postcondition is "
    "daily_carry(after) - daily_carry(before), and daily_carry is analysed)",
    "margin_rules.portfolio_margin.pm_intraday_check": "tests/test_portfolio_margin.py::"
    "test_intraday_check_under_five_million and ::test_below_minimum_equity_only_risk_reducing_trades",
}


@dataclass(frozen=True)
class Budget:
    per_path_timeout: float
    max_uninteresting_iterations: int
    per_condition_timeout: float
    process_timeout: float
    """Wall-clock bound of one CrossHair process (safety net on a loaded machine; CPU budgets above are the real
    ones)."""

    def args(self) -> list[str]:
        return [
            f"--per_path_timeout={self.per_path_timeout}",
            f"--max_uninteresting_iterations={self.max_uninteresting_iterations}",
            f"--per_condition_timeout={self.per_condition_timeout}",
        ]

    def as_dict(self) -> dict[str, float]:
        return {
            "per_path_timeout": self.per_path_timeout,
            "max_uninteresting_iterations": self.max_uninteresting_iterations,
            "per_condition_timeout": self.per_condition_timeout,
            "process_timeout": self.process_timeout,
        }


CORE_BUDGET = Budget(
    per_path_timeout=0.5, max_uninteresting_iterations=3, per_condition_timeout=1.0, process_timeout=300
)
CANARY_BUDGET = Budget(
    per_path_timeout=1.0, max_uninteresting_iterations=10, per_condition_timeout=3.0, process_timeout=240
)
KERNEL_BUDGET = Budget(
    per_path_timeout=2.0, max_uninteresting_iterations=30, per_condition_timeout=10.0, process_timeout=240
)
WORKERS = 2

_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<level>error|info|warning): (?P<message>.*)$")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("crosshair-tool")
    except Exception:  # pragma: no cover
        return "unavailable"


def contract_functions() -> list[tuple[str, Any]]:
    """(dotted name, function) of every contract-carrying function of the core's top-level modules."""
    import margin_rules

    found: dict[str, Any] = {}
    for info in pkgutil.iter_modules(margin_rules.__path__):
        if info.ispkg:
            continue  # the shell (live/, alpaca/, cli/) is not the pure core
        name = f"margin_rules.{info.name}"
        try:
            module = importlib.import_module(name)
        except Exception:  # a module being written by someone else must not break the stage: reported below
            found[name + ".<import error>"] = None
            continue
        for attr, obj in vars(module).items():
            if not inspect.isfunction(obj) or getattr(obj, "__module__", None) != name:
                continue
            if getattr(obj, "__preconditions__", None) or getattr(obj, "__postconditions__", None):
                found[f"{name}.{attr}"] = obj
    return sorted(found.items())


def _crosshair(target: str | list[str], budget: Budget, canary: str | None = None) -> dict[str, Any]:
    targets = [target] if isinstance(target, str) else list(target)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("MARGIN_CANARY", None)
    if canary:
        env["MARGIN_CANARY"] = canary
    cmd = [
        CROSSHAIR,
        "check",
        "--analysis_kind=icontract",
        "--report_all",
        f"--extra_plugin={PLUGIN}",
        *budget.args(),
        *targets,
    ]
    start = time.perf_counter()
    cpu_start = os.times()
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=budget.process_timeout, check=False
        )
        output, returncode, timed_out = proc.stdout + proc.stderr, proc.returncode, False
    except subprocess.TimeoutExpired as exc:
        output = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        returncode, timed_out = -1, True
    seconds = time.perf_counter() - start
    cpu = os.times()
    lines = [m.groupdict() for m in map(_LINE.match, output.splitlines()) if m]
    errors = [line for line in lines if line["level"] == "error"]
    infos = [line["message"] for line in lines if line["level"] == "info"]
    if timed_out:
        status, result = "timeout", "unknown"
    elif errors:
        status, result = "counterexample", "fail"
    elif returncode not in (0, 1) or not lines:
        status, result = "crosshair error", "unknown"
    elif any("Unable to meet precondition" in i for i in infos):
        status, result = "no input met the precondition", "unknown"
    elif infos and all("Confirmed over all paths" in i for i in infos):
        status, result = "confirmed", "pass"
    else:
        status, result = "no counterexample within budget", "pass"
    return {
        "target": target if isinstance(target, str) else ",".join(targets),
        "result": result,
        "status": status,
        "seconds": round(seconds, 3),
        "cpu_seconds_children_total": round(
            cpu.children_user + cpu.children_system - cpu_start.children_user - cpu_start.children_system, 3
        ),
        "conditions": [
            {"line": int(line["line"]), "level": line["level"], "message": line["message"]} for line in lines
        ],
        "returncode": returncode,
        "budget": budget.as_dict(),
        "output_tail": "" if lines and not timed_out else output[-2000:],
    }


def _replay(function_name: str, fn: Any, message: str) -> tuple[str, str]:
    """Re-run a CrossHair counterexample concretely (contracts enabled). Returns (verdict, detail):

    * ``confirmed``: the concrete call violates a contract or raises an unexpected exception: a real finding;
    * ``not reproduced``: the concrete call returns normally or refuses the input with a typed error: CrossHair's
      symbolic execution diverged from CPython (e.g. its pure-Python ``Decimal(str)`` parser on a symbolic string);
    * ``not replayable``: the counterexample could not be rebuilt from its text (kept as a failure).
    """
    import datetime
    import decimal
    from types import MappingProxyType

    import margin_rules
    from margin_rules import errors, model, rates, rulesets

    match = re.search(r" when calling (.*?)(?: \(which returns .*\))?$", message, re.DOTALL)
    if not match:
        return "not replayable", "no call in the message"
    call = match.group(1)
    short = function_name.rsplit(".", 1)[1]
    if not call.startswith(short + "("):
        return "not replayable", clip(call, 200)
    namespace: dict[str, Any] = {
        **{k: getattr(margin_rules, k) for k in dir(margin_rules) if not k.startswith("_")},
        **vars(model),
        **vars(rates),
        **vars(rulesets),
        "Decimal": decimal.Decimal,
        "datetime": datetime,
        "mappingproxy": MappingProxyType,
        short: fn,
    }
    try:
        expression = compile(call, "<counterexample>", "eval")
    except SyntaxError as exc:
        return "not replayable", f"{exc}"
    try:
        eval(expression, namespace)  # the counterexample text CrossHair printed for our own function
    except (errors.InvalidInputError, errors.PrecisionError) as exc:
        return "not reproduced", clip(f"concrete call refuses the input: {type(exc).__name__}: {exc}", 400)
    except NameError as exc:
        return "not replayable", str(exc)
    except Exception as exc:  # a contract violation or an unexpected exception: confirmed
        return "confirmed", clip(f"{type(exc).__name__}: {exc}", 600)
    return "not reproduced", "the concrete call returns normally and satisfies its contracts"


def _span(fn: Any) -> tuple[str, int, int]:
    """(file, first line, last line) of a function's source including its decorators (where its contracts are)."""
    inner = inspect.unwrap(fn)
    lines, first = inspect.getsourcelines(inner)
    return str(Path(inspect.getsourcefile(inner) or "").resolve()), first, first + len(lines) - 1


def _split(outcome: dict[str, Any], functions: list[tuple[str, Any]]) -> dict[str, dict[str, Any]]:
    """Attribute the lines of one CrossHair run over a module's functions to each function by source span."""
    out = {}
    for name, fn in functions:
        path, first, last = _span(fn)
        short = name.rsplit(".", 1)[1]
        # an error names the call ("... when calling f(...)"); other lines are attributed by source span (a condition of
        # a function wrapped by money.exact_function is reported at the wrapper's line, which no span contains)
        mine = [
            c
            for c in outcome["conditions"]
            if f" when calling {short}(" in c["message"]
            or (first <= c["line"] <= last and " when calling " not in c["message"])
        ]
        errors = [c for c in mine if c["level"] == "error"]
        infos = [c["message"] for c in mine if c["level"] == "info"]
        if outcome["status"] in ("timeout", "crosshair error") and not mine:
            status, result = outcome["status"], "unknown"
        elif errors:
            verdicts = [_replay(name, fn, e["message"]) for e in errors]
            for e, (verdict, detail) in zip(errors, verdicts, strict=True):
                e["replay"] = verdict
                e["replay_detail"] = detail
            if all(v == "not reproduced" for v, _ in verdicts):
                status, result = "counterexample not reproduced concretely (CrossHair artefact)", "pass"
            else:
                status, result = "counterexample", "fail"
        elif not mine and outcome["returncode"] in (0, 1):
            status, result = "no counterexample within budget (conditions reported at the wrapper line)", "pass"
        elif not mine:
            status, result = "not analysed (no result line)", "unknown"
        elif any("Unable to meet precondition" in i for i in infos) and name in NOT_ANALYSABLE:
            status, result = f"not analysable by CrossHair; covered by {NOT_ANALYSABLE[name]}", "skipped"
        elif any("Unable to meet precondition" in i for i in infos):
            status, result = "no input met the precondition", "unknown"
        elif all("Confirmed over all paths" in i for i in infos):
            status, result = "confirmed", "pass"
        else:
            status, result = "no counterexample within budget", "pass"
        out[name] = {
            **outcome,
            "target": name,
            "status": status,
            "result": result,
            "conditions": mine,
            "module_seconds": outcome["seconds"],
            "module_cpu_seconds": outcome["cpu_seconds_children_total"],
            "span": [path, first, last],
        }
    return out


def _contract_texts(fn: Any) -> list[str]:
    texts = []
    for group in getattr(fn, "__preconditions__", None) or []:
        for contract in group:
            texts.append("pre: " + str(contract.description or ""))
    for contract in getattr(fn, "__postconditions__", None) or []:
        texts.append("post: " + str(contract.description or ""))
    return texts


def run(out_dir: Path) -> dict[str, Any]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import canaries
    from canaries.kernels import KERNELS

    start = time.perf_counter()
    functions = contract_functions()
    jobs: list[tuple[str, Any, Budget, str | None]] = []
    modules: dict[str, list[tuple[str, Any]]] = {}
    for name, fn in functions:
        if fn is not None:
            modules.setdefault(name.rsplit(".", 1)[0], []).append((name, fn))
    # one CrossHair process per module (its start-up costs ~1.5 CPU s); the per-function bound is
    # per_condition_timeout x the function's number of conditions (CPU seconds)
    for module_functions in sorted(modules.values(), key=len, reverse=True):
        jobs.append(("check", module_functions, CORE_BUDGET, None))
    for c in canaries.CANARIES:
        for target in c.crosshair_targets:
            jobs.append((f"canary:{c.id}", target, CANARY_BUDGET, c.id))
    for target, _description, _planted in KERNELS:
        jobs.append(("kernel", target, KERNEL_BUDGET, None))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(
            pool.map(
                lambda job: (
                    job,
                    _crosshair([n for n, _ in job[1]] if job[0] == "check" else job[1], job[2], job[3]),
                ),
                jobs,
            )
        )

    checks: list[dict[str, Any]] = []
    by_canary: dict[str, list[dict[str, Any]]] = {}
    kernels: dict[str, dict[str, Any]] = {}
    fn_by_name = dict(functions)
    for (kind, target, _budget, _canary), outcome in results:
        if kind == "check":
            for name, per_function in _split(outcome, target).items():
                checks.append(
                    {
                        "id": f"CROSSHAIR:{name}",
                        "statement": f"No input within the budget violates the icontract contracts of {name}",
                        "rule": "; ".join(_contract_texts(fn_by_name[name])),
                        "functions": [name],
                        "result": per_function["result"],
                        "seconds": round(
                            per_function["module_seconds"]
                            * max(len(per_function["conditions"]), 1)
                            / max(len(outcome["conditions"]), 1),
                            3,
                        ),
                        "details": per_function,
                    }
                )
        elif kind.startswith("canary:"):
            by_canary.setdefault(kind.split(":", 1)[1], []).append(outcome)
        else:
            kernels[target] = outcome
    for name, fn in functions:
        if fn is None:
            checks.append(
                {
                    "id": f"CROSSHAIR:{name}",
                    "statement": "the module imports",
                    "rule": "",
                    "functions": [name],
                    "result": "unknown",
                    "seconds": 0.0,
                    "details": {"status": "import error"},
                }
            )

    canary_rows = []
    for c in canaries.CANARIES:
        outcomes = by_canary.get(c.id, [])
        caught = any(o["status"] == "counterexample" for o in outcomes)
        evidence = (
            "; ".join(
                f"{o['target']}: {o['status']} ({o['seconds']} s)"
                + (
                    ": " + clip(next(x["message"] for x in o["conditions"] if x["level"] == "error"), 600)
                    if o["status"] == "counterexample"
                    else ""
                )
                for o in outcomes
            )
            or "no contract-carrying target: " + c.why["crosshair"]
        )
        canary_rows.append(
            {
                "id": c.id,
                "description": c.description,
                "expected_caught": c.expected["crosshair"],
                "caught": caught,
                "evidence": evidence,
                "why": c.why["crosshair"],
            }
        )
    for target, description, planted in KERNELS:
        o = kernels[target]
        if planted:
            canary_rows.append(
                {
                    "id": f"narrow_price_band_kernel_{'int' if 'int' in target else 'decimal'}",
                    "description": f"narrow-band kernel ({description}): {target}",
                    # measured: the integer kernel is found in ~1-3 CPU s; the Decimal (quantize) kernel is not found
                    # within the kernel budget (10 CPU s per condition)
                    "expected_caught": "int" in target,
                    "caught": o["status"] == "counterexample",
                    "evidence": f"{o['status']} in {o['seconds']} s wall"
                    + (f": {clip(o['conditions'][0]['message'], 400)}" if o["conditions"] else ""),
                    "why": "the kernel's postcondition states the exact 4210(c)(2) rule; over integers CrossHair's SMT "
                    "encoding finds 4995 mills at once, over Decimal its pure-Python symbolic quantize explores too "
                    "few paths within the bounded budget",
                }
            )
        else:
            checks.append(
                {
                    "id": f"CROSSHAIR-KERNEL:{target}",
                    "statement": f"The correct kernel ({description}) satisfies the exact 4210(c)(2) per-share rule",
                    "rule": "FINRA 4210(c)(2)(A)-(B)",
                    "functions": ["margin_rules.formulas.short_maintenance"],
                    "result": o["result"],
                    "seconds": o["seconds"],
                    "details": o,
                }
            )
    seconds = time.perf_counter() - start
    (out_dir / "crosshair.json").write_text(json.dumps([r for _, r in results], indent=2), encoding="utf-8")
    ok = all(
        c["result"] == "pass" or (c["result"] == "skipped" and any(f in NOT_ANALYSABLE for f in c["functions"]))
        for c in checks
    ) and all(r["caught"] == r["expected_caught"] for r in canary_rows)
    return {
        "stage": "crosshair",
        "ok": ok,
        "tool": "crosshair",
        "tool_version": _version(),
        "seconds": round(seconds, 3),
        "checks": checks,
        "canaries": canary_rows,
        "details": {
            "budgets": {
                "core": CORE_BUDGET.as_dict(),
                "canary": CANARY_BUDGET.as_dict(),
                "kernel": KERNEL_BUDGET.as_dict(),
            },
            "workers": WORKERS,
            "targets": len(functions),
            "note": "bounded search: 'pass' means no counterexample within the budget (CrossHair's symbolic Decimal "
            "explores few paths); the Z3 stage carries the proofs",
        },
    }


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports" / "run"
    result = run(out)
    print(json.dumps(result, indent=2, default=str))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
