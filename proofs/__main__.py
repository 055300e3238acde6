"""``python -m proofs`` (``make prove``): run every verification stage, write ``reports/``, exit non-zero on any
failure, ``unknown``, canary mismatch or missing stage.

Stages, in order (each follows the stage-result interface of docs/ARCHITECTURE.md):

1. ``z3``: the properties of :mod:`specs.properties` (proofs, vacuity witnesses, planted bugs), PARAMETER_NECESSITY,
   the necessity table and the shared canary matrix (:mod:`proofs.stage_z3`);
2. ``smt-recheck``: every SMT-LIB2 file re-checked by cvc5 and by the ``z3`` binary (:mod:`proofs.smtcheck`);
3. ``icontract-lint``: pyicontract-lint over margin_rules/ and its canary (:mod:`proofs.stage_lint`);
4. the registered external stages, imported dynamically: ``proofs.stage_crosshair``, ``proofs.stage_hypothesis``.
   A registered stage whose module is missing, or which raises, fails the run.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import json
import platform
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL_STAGES: tuple[tuple[str, str], ...] = (
    ("crosshair", "proofs.stage_crosshair"),
    ("hypothesis", "proofs.stage_hypothesis"),
)
"""Registered stages written by the CrossHair/Hypothesis engineer: (name, module exposing ``run(out_dir) -> dict``)."""


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def tool_versions() -> dict[str, str]:
    import z3

    from proofs import smtcheck

    return {
        "python": platform.python_version(),
        "z3-solver (Python API)": z3.get_version_string(),
        "z3 CLI": smtcheck.z3_cli_version(),
        "cvc5": smtcheck.cvc5_version(),
        "pyicontract-lint": _version("pyicontract-lint"),
        "icontract": _version("icontract"),
        "crosshair-tool": _version("crosshair-tool"),
        "hypothesis": _version("hypothesis"),
        "jinja2": _version("jinja2"),
    }


def _failed_stage(name: str, tool: str, reason: str, seconds: float = 0.0) -> dict[str, Any]:
    return {
        "stage": name,
        "ok": False,
        "tool": tool,
        "tool_version": "",
        "seconds": round(seconds, 3),
        "checks": [
            {
                "id": f"{name}/stage",
                "statement": f"stage {name} runs",
                "rule": "",
                "functions": [],
                "result": "fail",
                "seconds": 0.0,
                "details": {"error": reason},
            }
        ],
        "canaries": [],
    }


def _valid(result: Any) -> str:
    """'' when ``result`` follows the stage-result interface, else what is wrong."""
    if not isinstance(result, dict):
        return "run() did not return a dict"
    missing = [k for k in ("stage", "ok", "checks", "canaries") if k not in result]
    if missing:
        return "missing keys: " + ", ".join(missing)
    if not result["checks"]:
        return "no checks"
    return ""


def _timed(name: str, fn: Callable[[], dict[str, Any]], log: Callable[[str], None]) -> dict[str, Any]:
    log(f"== stage {name}")
    start = time.perf_counter()
    try:
        result = fn()
    except Exception:
        log(traceback.format_exc(limit=8))
        result = _failed_stage(name, name, traceback.format_exc(limit=8), time.perf_counter() - start)
    problem = _valid(result)
    if problem:
        result = _failed_stage(name, name, problem, time.perf_counter() - start)
    result.setdefault("seconds", round(time.perf_counter() - start, 3))
    bad = [c["id"] for c in result["checks"] if c.get("result") not in ("pass", "skipped")]
    skipped_checks = [c["id"] for c in result["checks"] if c.get("result") == "skipped"]
    mism = [c["id"] for c in result["canaries"] if c.get("caught") != c.get("expected_caught")]
    log(
        f"== stage {name}: {'ok' if result['ok'] else 'FAILED'} in {time.perf_counter() - start:.1f}s "
        f"({len(result['checks'])} checks, {len(bad)} not passing, {len(skipped_checks)} skipped, "
        f"{len(result['canaries'])} canaries, "
        f"{len(mism)} mismatched)"
    )
    for item in (bad + mism)[:20]:
        log(f"   not ok: {item}")
    for item in skipped_checks:
        log(f"   skipped (recorded with the tests that cover it): {item}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m proofs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="report directory (default: reports/)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="ID",
        help="prove only this property id (repeatable); implies --skip-slow; reports not written",
    )
    parser.add_argument(
        "--skip-slow",
        action="store_true",
        help="skip the CrossHair and Hypothesis stages (development only: "
        "the report is marked incomplete and the exit status is non-zero)",
    )
    parser.add_argument(
        "--necessity-table",
        action="store_true",
        help="also compute the informative necessity table (every symbolic proof x every invariant; slow)",
    )
    parser.add_argument("--no-smt", action="store_true", help="skip the cvc5 / z3 CLI re-check (development only)")
    parser.add_argument("--quiet", action="store_true", help="print stage summaries only")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    verbose = not args.quiet

    def log(msg: str) -> None:
        print(msg, flush=True)

    def progress(msg: str) -> None:
        if verbose:
            print(msg, flush=True)

    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    from proofs import smtcheck, stage_lint, stage_z3

    stages: list[dict[str, Any]] = []
    skipped: list[str] = []
    z3_result = _timed(
        "z3",
        lambda: stage_z3.run(out_dir, only=args.only, table=args.necessity_table and not args.only, progress=progress),
        log,
    )
    stages.append(z3_result)
    if args.no_smt:
        skipped.append("smt-recheck")
    else:
        files = z3_result.get("smt_files", [])
        stages.append(_timed("smt-recheck", lambda: smtcheck.recheck(out_dir, files, progress), log))
    if args.only:
        skipped += ["icontract-lint", *[n for n, _ in EXTERNAL_STAGES]]
    else:
        stages.append(_timed("icontract-lint", lambda: stage_lint.run(out_dir), log))
        for name, module_name in EXTERNAL_STAGES:
            if args.skip_slow:
                skipped.append(name)
                continue

            def run_external(module_name: str = module_name, name: str = name) -> dict[str, Any]:
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as exc:
                    return _failed_stage(name, module_name, f"registered stage module missing: {exc}")
                result: dict[str, Any] = module.run(out_dir)
                return result

            stages.append(_timed(name, run_external, log))
    total = time.perf_counter() - started
    ok = all(s.get("ok") for s in stages)
    if args.only:
        log(json.dumps({s["stage"]: s["ok"] for s in stages}))
    else:
        from proofs import report

        report.write(stages, tool_versions(), out_dir, skipped)
        log(f"reports written: {out_dir / 'proof-report.md'}, .html, .json; run data in {out_dir / 'run'}")
    log(
        "== per-stage seconds: "
        + ", ".join(f"{s['stage']}={s.get('seconds', 0):.1f}" for s in stages)
        + f"; total={total:.1f}"
    )
    if skipped:
        log("== skipped (incomplete run): " + ", ".join(skipped))
    log("== make prove: " + ("PASS" if ok and not skipped else "FAIL"))
    return 0 if ok and not skipped else 1


if __name__ == "__main__":
    sys.exit(main())
