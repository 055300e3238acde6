"""Stage ``z3`` of ``make prove``: every property of :mod:`specs.properties`, in every scope, with its vacuity check,
region witnesses and planted bugs; then PARAMETER_NECESSITY (drop each relied-on rate invariant: a counterexample is
expected) and the full necessity table (which invariants each symbolic proof needs).

Writes ``<out_dir>/smt2/*.smt2`` and ``<out_dir>/smt2/index.json`` (file, expected answer, strategy) for the re-check
stage. ``python -m proofs.stage_z3 [out_dir]`` runs the stage alone.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import z3

from margin_rules import formulas, requirements
from margin_rules.arith import DECIMAL
from margin_rules.rates import RATE_FIELDS, Rates, rate_invariants
from proofs import engine, smtcheck
from proofs.framework import Z3Ctx
from specs import properties as specs

TABLE_RLIMIT = 3_000_000
"""rlimit of the informative necessity table (an exhausted limit there is reported as 'undetermined', not a failure)."""


def _identity_checks() -> list[dict[str, Any]]:
    """LINK, conformance side: the library's hot path (requirements.position_terms, which runs code specialised per
    rule set from the formulas) equals the branch-free formulas.position_requirements over DECIMAL, on every rule
    threshold +- $0.01 x both signs x marginable or not x leverage 1/2/3 x house rate 0/0.3/1, for both presets."""
    from decimal import Decimal

    from margin_rules.money import exact
    from margin_rules.rulesets import alpaca, finra

    cents = Decimal("0.01")
    prices = sorted(
        {
            p + d
            for p in map(Decimal, ("0", "1", "2.50", "5.00", "10", "16.67", "100"))
            for d in (-cents, Decimal(0), cents)
            if p + d >= 0
        }
    )
    mismatches: list[str] = []
    count = 0
    for rules in (finra(), alpaca()):
        rates = rules.rates
        for price in prices:
            for qty in map(Decimal, ("-1000", "-1", "-0.5", "0", "0.5", "1", "1000")):
                for mg in (True, False):
                    for lev in map(Decimal, ("1", "2", "3")):
                        for house in map(Decimal, ("0", "0.3", "1")):
                            with exact():
                                got = requirements.position_terms(rates, qty, price, mg, lev, house)
                                want = formulas.position_requirements(DECIMAL, rates, qty, price, mg, lev, house)
                            count += 1
                            if got != want:
                                mismatches.append(f"{rules.name} {qty}@{price} mg={mg} lev={lev} x={house}")
    return [
        {
            "id": "LINK/position_terms-conformance",
            "statement": "requirements.position_terms (the library's specialised hot path) equals "
            "formulas.position_requirements exactly on every threshold +- $0.01 grid point",
            "rule": "FINRA 4210(c)",
            "functions": ["margin_rules.requirements.position_terms", "margin_rules.formulas.position_requirements"],
            "result": "pass" if not mismatches else "fail",
            "seconds": 0.0,
            "details": {"inputs": count, "mismatches": mismatches[:20]},
        }
    ]


def _invariant_names() -> list[str]:
    probe = Rates(**{name: z3.Real("probe." + name) for name in RATE_FIELDS})
    from proofs.z3arith import Z3

    return list(rate_invariants(Z3, probe))


def _canary_order(why: str) -> list[Any]:
    """Obligations to try for a canary: the properties its 'why' names first, then every other one."""
    named = why.upper().replace(" ", "_")
    first = [p for p in specs.PROPERTIES if p.id in named]
    return first + [p for p in specs.PROPERTIES if p not in first]


@contextlib.contextmanager
def _formula_variants(variants: Mapping[str, Any]) -> Iterator[None]:
    """Monkeypatch each ``margin_rules.formulas.<name>`` of ``variants`` (so nested formula calls see it); restore."""
    saved = []
    try:
        for dotted, variant in variants.items():
            module_name, _, attr = dotted.rpartition(".")
            module = importlib.import_module(module_name)
            saved.append((module, attr, getattr(module, attr)))
            setattr(module, attr, variant)
        yield
    finally:
        for module, attr, original in reversed(saved):
            setattr(module, attr, original)


def canary_matrix(progress: Callable[[str], None] = lambda s: None) -> list[dict[str, Any]]:
    """The shared canary set (:mod:`canaries`): each formula-level canary is monkeypatched into
    :mod:`margin_rules.formulas` (so nested calls see it) and the properties are re-proved until one yields a
    counterexample that replays in Decimal under the same patch. ``caught`` must equal ``expected['z3']``."""
    try:
        import canaries
    except ImportError:
        return [
            {
                "id": "canary:<module>",
                "description": "canaries module missing",
                "expected_caught": True,
                "caught": False,
                "evidence": "import canaries failed",
            }
        ]
    out = []
    for canary in canaries.CANARIES:
        expected = bool(canary.expected.get("z3", False))
        caught, evidence = False, "no formula-level variant: nothing for Z3 to build"
        if canary.formula_variants:
            evidence = "no property produced a counterexample"
            with canary.applied(), _formula_variants(canary.formula_variants):
                for prop in _canary_order(canary.why.get("z3", "")):
                    for ob in prop.obligations:
                        for scope in ob.scopes:
                            engine.STRATEGIES = engine.STRATEGIES_BY_SHAPE[ob.shape]
                            cx = Z3Ctx(scope)
                            g = ob.build(cx)
                            res, _ = engine.solve([*engine._assertions(cx, g), z3.Not(g.goal)], cx=cx)
                            if res.result != "sat" or res.values is None:
                                continue
                            values = res.values
                            replay = engine.decimal_eval(scope, values, ob.build, None)
                            if replay.get("evaluated") and replay["premises_hold"] and not replay["goal_holds"]:
                                caught = True
                                evidence = f"{prop.id}/{ob.shape}/{scope}: " + "; ".join(engine.render(values))
                                break
                        if caught:
                            break
                    if caught:
                        break
        out.append(
            {
                "id": f"canary:{canary.id}",
                "description": canary.description,
                "expected_caught": expected,
                "caught": caught,
                "evidence": evidence,
                "why": canary.why.get("z3", ""),
            }
        )
        progress(f"  canary  {canary.id}: expected {expected}, caught {caught}")
    return out


def run(
    out_dir: Path,
    only: Iterable[str] = (),
    table: bool = True,
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, Any]:
    start = time.perf_counter()
    only = set(only)
    checks: list[dict[str, Any]] = []
    canaries: list[dict[str, Any]] = []
    smt_files: list[dict[str, str]] = []
    (out_dir / "smt2").mkdir(parents=True, exist_ok=True)
    for old in (out_dir / "smt2").glob("*.smt2"):
        old.unlink()
    for prop in specs.PROPERTIES:
        if only and prop.id not in only:
            continue
        for ob in prop.obligations:
            for scope in ob.scopes:
                outcome = engine.run_instance(prop, ob, scope, out_dir)
                checks.append(outcome.check)
                canaries.extend(outcome.canaries)
                smt_files.extend(outcome.smt_files)
                progress(f"  {outcome.check['result']:7s} {outcome.check['id']} ({outcome.check['seconds']:.2f}s)")
    if not only or "LINK" in only:
        checks.extend(_identity_checks())
    # PARAMETER_NECESSITY: each declared reliance must be necessary.
    necessity_entries = []
    if not only or "PARAMETER_NECESSITY" in only:
        for prop in specs.PROPERTIES:
            for ob in prop.obligations:
                for inv in ob.relies_on:
                    t0 = time.perf_counter()
                    entry, smt = engine.necessity(prop, ob, inv, out_dir)
                    smt_files.append(smt)
                    necessity_entries.append(entry)
                    ok = entry["z3"] == "sat" and bool(entry.get("decimal_replay", {}).get("premises_hold", True))
                    checks.append(
                        {
                            "id": f"PARAMETER_NECESSITY/{prop.id}/{engine.safe(ob.name)}/{inv}",
                            "statement": specs.PARAMETER_NECESSITY_STATEMENT,
                            "rule": "margin_rules.rates.rate_invariants (rule-set validation)",
                            "functions": ["margin_rules.rates.rate_invariants", *prop.functions],
                            "result": "pass" if ok else ("unknown" if entry["z3"] == "unknown" else "fail"),
                            "seconds": round(time.perf_counter() - t0, 3),
                            "details": entry,
                        }
                    )
                    progress(f"  {checks[-1]['result']:7s} {checks[-1]['id']}")
    # The informative table: every symbolic obligation x every invariant.
    table_rows = []
    if table and not only:
        names = _invariant_names()
        for prop in specs.PROPERTIES:
            for ob in prop.obligations:
                if "symbolic" not in ob.scopes:
                    continue
                row: dict[str, Any] = {
                    "property": prop.id,
                    "obligation": ob.name,
                    "needs": [],
                    "not_needed": [],
                    "undetermined": [],
                }
                for inv in names:
                    engine.STRATEGIES = engine.STRATEGIES_BY_SHAPE[ob.shape]
                    cx = Z3Ctx("symbolic")
                    g = ob.build(cx)
                    res, _ = engine.solve([*engine._assertions(cx, g, dropped=(inv,)), z3.Not(g.goal)], TABLE_RLIMIT)
                    key = {"sat": "needs", "unsat": "not_needed"}.get(res.result, "undetermined")
                    row[key].append(inv)
                missing = [inv for inv in ob.relies_on if inv not in row["needs"]]
                row["declared"] = list(ob.relies_on)
                row["declared_but_not_shown_needed"] = missing
                table_rows.append(row)
                progress(f"  table   {prop.id}/{ob.name}: needs {row['needs'] or 'none'}")
    if not only:
        canaries.extend(canary_matrix(progress))
    (out_dir / "smt2" / "index.json").write_text(json.dumps(smt_files, indent=1, sort_keys=True) + "\n")
    ok = all(c["result"] == "pass" for c in checks) and all(c["caught"] == c["expected_caught"] for c in canaries)
    return {
        "stage": "z3",
        "ok": ok,
        "tool": "z3 (Python API)",
        "tool_version": z3.get_version_string(),
        "seconds": round(time.perf_counter() - start, 3),
        "checks": checks,
        "canaries": canaries,
        "necessity_table": table_rows,
        "smt_files": smt_files,
        "settings": {
            "seed": engine.SEED,
            "rlimit": engine.RLIMIT,
            "first_round_rlimit": engine.FIRST_ROUND_RLIMIT,
            "strategies": {k: list(v) for k, v in engine.STRATEGIES_BY_SHAPE.items()},
            "table_rlimit": TABLE_RLIMIT,
            "bounded_K": specs.K,
            "cpu_caps": (
                f"safety nets, never a pass: {engine.FIRST_ROUND_CPU_GUARD_SECONDS} s CPU per first-round attempt, "
                f"{engine.CPU_GUARD_SECONDS} s per full-budget attempt; SMT re-check: z3 binary rlimit "
                f"{smtcheck.Z3_CLI_RLIMIT} and {smtcheck.Z3_CLI_CPU_GUARD_SECONDS} s CPU per attempt, cvc5 rlimit-per "
                f"{smtcheck.CVC5_RLIMIT} and {smtcheck.CVC5_CPU_GUARD_SECONDS} s CPU"
            ),
        },
    }


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("reports")
    result = run(target, progress=print)
    print(json.dumps({k: v for k, v in result.items() if k != "checks"}, indent=1, default=str)[:4000])
    sys.exit(0 if result["ok"] else 1)
