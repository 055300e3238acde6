"""Runs one proof obligation: the proof, its vacuity check, its planted bugs, and writes the SMT-LIB2 text.

Determinism: every solver gets ``random_seed`` = :data:`SEED` and a resource limit (no wall-clock timeout): each
strategy first under :data:`FIRST_ROUND_RLIMIT`, then under :data:`RLIMIT`; ``unknown`` is a failure. Z3's "rlimit
count" statistic is cumulative per process, so each check reports the increase during its own ``check()``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import z3

from margin_rules.money import MAX_PLACES, exact
from proofs.framework import SCOPES, DecimalCtx, Goal, Planted, Z3Ctx
from proofs.z3arith import fraction_to_decimal, value_of

SEED = 0
RLIMIT = 20_000_000
"""Resource limit per check (Z3 rlimit units; about 2-5 s on the CI machine when exhausted)."""
STAT_KEYS = ("conflicts", "decisions", "propagations", "arith conflicts", "nla conflicts")


@dataclass
class SolveResult:
    result: str  # "sat" | "unsat" | "unknown"
    rlimit: int
    stats: dict[str, int]
    seconds: float
    model: Any = None
    reason: str = ""
    strategy: str = ""
    tried: list[str] = field(default_factory=list)
    values: dict[str, Any] | None = None


def _rlimit_total(solver: Any) -> int:
    st = solver.statistics()
    # z3.Statistics is not a mapping: `in st` would iterate (key, value) pairs, so `.keys()` is needed.
    return int(st.get_key_value("rlimit count")) if "rlimit count" in st.keys() else 0  # noqa: SIM118


STRATEGIES_BY_SHAPE = {
    "bounded": ("incremental", "default"),
    "position": ("incremental", "default"),
    "unbounded": ("incremental", "default"),
}
"""Z3 strategies tried in order until one decides; both honour the rlimit and are deterministic.

``incremental``: ``z3.Solver()`` with a ``push()`` before the check, which makes Z3 use its incremental SMT core
without the default's up-front tactic preprocessing (measured: that preprocessing makes composed sums of K nonlinear
per-position terms exhaust any rlimit, while the core decides them in milliseconds); ``default``: ``z3.Solver()``.
(Z3's ``smt`` tactic solver was tried and rejected: on some problems it ignores the rlimit and never returns.)"""
STRATEGIES: tuple[str, ...] = STRATEGIES_BY_SHAPE["position"]
"""The strategies of the obligation being run (set by :func:`run_instance`)."""


def _make_solver(strategy: str) -> Any:
    solver = z3.Solver()
    solver.set("random_seed", SEED)
    solver.set("rlimit", RLIMIT)
    if strategy == "incremental":
        solver.push()
    return solver


CPU_GUARD_SECONDS = 40
"""Safety net only: each solver call runs in a forked child with this CPU-time cap. Z3's nonlinear arithmetic does
not always poll the rlimit (measured: some checks never return); a child killed by the cap reports ``unknown``,
which fails ``make prove`` like any other ``unknown``. In a passing run the cap is never reached."""


def _check_in_child(
    conn: Any, assertions: Sequence[Any], strategy: str, rlimit: int, cx: Any, guard: int = CPU_GUARD_SECONDS
) -> None:
    import os
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CPU, (guard, guard + 2))
        solver = _make_solver(strategy)
        solver.set("rlimit", rlimit)
        solver.add(*assertions)
        start = time.perf_counter()
        res = solver.check()
        out: dict[str, Any] = {
            "result": str(res),
            "seconds": time.perf_counter() - start,
            "rlimit": _rlimit_total(solver),
        }
        st = solver.statistics()
        # z3.Statistics is not a mapping (see _rlimit_total): keep `.keys()`.
        out["stats"] = {k: int(st.get_key_value(k)) for k in STAT_KEYS if k in st.keys()}  # noqa: SIM118
        if res == z3.sat:
            if not _is_model(solver.model(), assertions):
                out["result"] = "sat-without-valid-model"
            elif cx is not None:
                out["values"] = concretize(solver, cx, solver.model())
        elif res == z3.unknown:
            out["reason"] = solver.reason_unknown()
        conn.send(out)
    except BaseException as exc:  # report, never raise in the child
        conn.send({"result": "error", "reason": repr(exc), "seconds": 0.0, "rlimit": 0, "stats": {}})
    finally:
        conn.close()
        os._exit(0)


def _forked_check(
    assertions: Sequence[Any], strategy: str, rlimit: int, cx: Any, guard: int = CPU_GUARD_SECONDS
) -> dict[str, Any]:
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_check_in_child, args=(child, assertions, strategy, rlimit, cx, guard))
    start = time.perf_counter()
    proc.start()
    child.close()
    try:
        out: dict[str, Any] = parent.recv()
    except EOFError:
        out = {
            "result": "unknown",
            "reason": f"CPU guard ({guard} s) reached: the solver ignored the rlimit",
            "seconds": time.perf_counter() - start,
            "rlimit": rlimit,
            "stats": {},
        }
    proc.join()
    return out


FIRST_ROUND_RLIMIT = 3_000_000
"""rlimit of the first round of strategies. Every check is first tried with each strategy under this smaller budget,
and only then with each strategy under the full ``rlimit``: a strategy that gets lost on one problem then costs a
small budget before the other strategy decides it (measured: the largest rlimit any decided check used is about
1.1 million). The first round also has a smaller CPU guard, :data:`FIRST_ROUND_CPU_GUARD_SECONDS`: Z3's incremental
core ignores its rlimit on the Reg T sell-short checks of the presets (measured: stopped only by the 40 s guard),
which ``default`` decides in under a second. Whichever limit stops an attempt, the next strategy is tried; a check
is decided only by a solver's sat/unsat (with a verified model for sat)."""
FIRST_ROUND_CPU_GUARD_SECONDS = 15
"""CPU guard of a first-round attempt (the slowest first-round decision measured: 8.5 s)."""


def solve(assertions: Sequence[Any], rlimit: int = RLIMIT, cx: Any = None) -> tuple[SolveResult, Any]:
    """Check ``assertions`` with each strategy in turn until one answers sat/unsat (each in a forked child): a first
    round under :data:`FIRST_ROUND_RLIMIT`, then a second round under ``rlimit`` (when larger).

    Returns the result (with ``values``: the concretized model when sat and ``cx`` is given) and a solver holding the
    assertions, for the SMT-LIB2 text."""
    used_total = 0
    seconds = 0.0
    tried = []
    out: dict[str, Any] = {"result": "unknown"}
    strategy = STRATEGIES[0]
    budgets = sorted({min(FIRST_ROUND_RLIMIT, rlimit), rlimit})
    for budget in budgets:
        for strategy in STRATEGIES:
            guard = FIRST_ROUND_CPU_GUARD_SECONDS if budget < rlimit else CPU_GUARD_SECONDS
            out = _forked_check(assertions, strategy, budget, cx, guard)
            seconds += float(out.get("seconds", 0.0))
            used_total += int(out.get("rlimit", 0))
            tried.append(f"{strategy}@{budget}:{out['result']}" if len(budgets) > 1 else f"{strategy}:{out['result']}")
            if out["result"] in ("sat", "unsat"):
                break
        if out["result"] in ("sat", "unsat"):
            break
    result = out["result"] if out["result"] in ("sat", "unsat") else "unknown"
    res = SolveResult(result, used_total, out.get("stats", {}), seconds)
    res.strategy = strategy
    res.tried = tried
    res.values = out.get("values")
    res.reason = str(out.get("reason", ""))
    holder = z3.Solver()
    holder.add(*assertions)
    return res, holder


def smt2_text(solver: Any, header: Mapping[str, str], strategy: str = "") -> str:
    lines = [f"; {k}: {v}" for k, v in header.items()]
    if strategy:
        lines.append(f"; z3 strategy: {strategy}")
    return "\n".join([*lines, "(set-logic ALL)", solver.to_smt2()])


# --- Models -> concrete Decimal assignments -------------------------------------------------------------------------


def _round(value: Fraction, places: int) -> Fraction:
    scaled = value * 10**places
    return Fraction(round(scaled), 10**places)


PIN_RLIMIT = 1_000_000
"""rlimit of each attempt to pin a model value to a nearby decimal (cosmetic: on failure the exact fraction is kept)."""


def _model_with(assertions: Sequence[Any], extra: Sequence[Any]) -> Any:
    """A model of ``assertions`` + ``extra``, or None (unsat or undecided within :data:`PIN_RLIMIT`)."""
    for strategy in STRATEGIES:
        solver = _make_solver(strategy)
        solver.set("rlimit", PIN_RLIMIT)
        solver.add(*assertions, *extra)
        res = solver.check()
        if res == z3.sat and _is_model(solver.model(), assertions, extra):
            return solver.model()
        if res == z3.unsat:
            return None
    return None


def _is_model(model: Any, assertions: Sequence[Any], extra: Sequence[Any] = ()) -> bool:
    """A 'sat' is only accepted with a model that satisfies every assertion (guards against a spurious sat)."""
    return all(z3.is_true(model.eval(a, model_completion=True)) for a in [*assertions, *extra])


def concretize(solver: Any, cx: Z3Ctx, model: Any) -> dict[str, Decimal | bool | str]:
    """The model as an assignment of every recorded variable, in Decimal.

    Greedy and always consistent: variables are fixed one at a time; a value without a finite decimal expansion (or
    with more than 10 places) is replaced by the nearest decimal of 2, 4, ... 10 places for which the constraints, with
    every variable fixed so far, are still satisfiable, and the later variables are read from that new model. If no
    such decimal exists the exact fraction 'p/q' is kept (which disables the Decimal replay)."""
    values: dict[str, Decimal | bool | str] = {}
    pinned: list[Any] = []
    assertions = list(solver.assertions())
    current = model
    for name, (kind, var) in cx.vars.items():
        term = current.eval(var, model_completion=True)
        if z3.is_algebraic_value(term):  # an irrational root: start from a 20-digit rational approximation
            term = term.approx(20)
        val = value_of(term)
        if kind == "bool":
            values[name] = bool(val)
            pinned.append(var == z3.BoolVal(bool(val)))
            continue
        frac = Fraction(val)
        dec = fraction_to_decimal(frac)
        if dec is not None and -dec.as_tuple().exponent <= MAX_PLACES:  # type: ignore[operator]
            values[name] = dec
            pinned.append(var == z3.RealVal(str(frac)))
            continue
        for places in (2, 6, 10):
            candidate = _round(frac, places)
            pin = var == z3.RealVal(str(candidate))
            found = _model_with(assertions, [*pinned, pin])
            if found is not None:
                values[name] = fraction_to_decimal(candidate)  # type: ignore[assignment]
                pinned.append(pin)
                current = found
                break
        else:
            values[name] = f"{frac.numerator}/{frac.denominator}"
            pinned.append(var == z3.RealVal(str(frac)))
    return values


def render(values: Mapping[str, Decimal | bool | str]) -> list[str]:
    """A concrete account (or account figures) in Decimal, readable by an auditor."""
    lines: list[str] = []
    rates = {k[5:]: v for k, v in values.items() if k.startswith("rate.")}
    indices = sorted({int(k[1:]) for k in values if k.startswith("q") and k[1:].isdigit()})
    used = set(rates and [f"rate.{k}" for k in rates])
    if "cash" in values:
        lines.append(f"cash = {values['cash']}")
        used.add("cash")
    for i in indices:
        names = [f"q{i}", f"p{i}", f"mg{i}", f"lev{i}", f"x{i}"]
        q, p, mg, lev, x = (values.get(n) for n in names)
        side = "flat" if q == 0 else ("long" if isinstance(q, Decimal) and q > 0 else "short")
        lines.append(f"position S{i} ({side}): quantity={q} price={p} marginable={mg} leverage={lev} house_rate={x}")
        used.update(names)
    for k, v in values.items():
        if k not in used and not k.startswith("__"):
            lines.append(f"{k} = {v}")
    if rates:
        lines.append("rule set: " + ", ".join(f"{k}={v}" for k, v in rates.items()))
    return lines


def decimal_eval(scope: str, values: Mapping[str, Any], build: Any, planted: Planted | None) -> dict[str, Any]:
    """Evaluate the builder with the real Decimal arithmetic (and the planted bug, if any) on ``values``."""
    if any(isinstance(v, str) for v in values.values()):
        return {"evaluated": False, "reason": "a model value has no finite decimal expansion"}
    cx = DecimalCtx(scope, values)
    if planted is not None:
        planted.apply(cx)
    with exact():
        g: Goal = build(cx)
        premises = all(bool(p) for p in g.premises)
        goal = bool(g.goal)
        observed = {k: (v.value if hasattr(v, "value") else str(v)) for k, v in g.observe.items()}
    return {"evaluated": True, "premises_hold": premises, "goal_holds": goal, "observed": observed}


def library_recheck(scope: str, values: Mapping[str, Any], observed: Mapping[str, Any]) -> dict[str, Any]:
    """For a preset scope and an account of positions: run the public library on the rendered account and compare
    equity / requirements / health with the values of the generated terms."""
    if scope not in ("finra", "alpaca") or "q0" not in values or "cash" not in values:
        return {"run": False}
    from margin_rules.health import health
    from margin_rules.model import Account, Position
    from margin_rules.requirements import account_requirements
    from margin_rules.rulesets import HouseRules, alpaca, finra

    try:
        positions = []
        house: dict[str, Decimal] = {}
        i = 0
        while f"q{i}" in values:
            sym = f"S{i}"
            positions.append(Position(sym, values[f"q{i}"], values[f"p{i}"], bool(values[f"mg{i}"]), values[f"lev{i}"]))
            if values[f"x{i}"] != 0:
                house[sym] = values[f"x{i}"]
            i += 1
        account = Account(values["cash"], tuple(positions))
        rules = finra() if scope == "finra" else alpaca()
        if house:
            rules = rules.with_house(HouseRules(symbol_rates=house))
        req = account_requirements(account, rules)
        got = {"equity": str(req.equity), "maintenance": str(req.maintenance), "initial": str(req.initial)}
        state = health(account, rules)
    except Exception as exc:  # an input outside the library's domain (bounds, places)
        return {"run": False, "reason": f"{type(exc).__name__}: {exc}"}
    mismatches = [k for k, v in got.items() if k in observed and Decimal(observed[k]) != Decimal(v)]
    if "state" in observed and observed["state"] != state.value:
        mismatches.append("state")
    return {
        "run": True,
        "library": {**got, "state": state.value},
        "agrees": not mismatches,
        "mismatches": mismatches,
    }


# --- One obligation instance ----------------------------------------------------------------------------------------


@dataclass
class InstanceOutcome:
    check: dict[str, Any]
    canaries: list[dict[str, Any]] = field(default_factory=list)
    smt_files: list[dict[str, str]] = field(default_factory=list)


def safe(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)
    while "__" in keep:
        keep = keep.replace("__", "_")
    return keep.strip("_")


def _assertions(cx: Z3Ctx, g: Goal, dropped: Sequence[str] = ()) -> list[Any]:
    inv = cx.invariants() if cx.scope == "symbolic" else {}
    return [*g.premises, *[v for k, v in inv.items() if k not in dropped]]


def _write(out_dir: Path | None, name: str, text: str) -> str:
    rel = f"smt2/{name}.smt2"
    if out_dir is not None:
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return rel


def run_instance(prop: Any, ob: Any, scope: str, out_dir: Path | None) -> InstanceOutcome:
    """Prove one obligation in one scope; vacuity; region witnesses; planted bugs."""
    global STRATEGIES
    assert scope in SCOPES
    STRATEGIES = STRATEGIES_BY_SHAPE[ob.shape]
    cid = f"{prop.id}/{ob.shape}/{scope}" + ("" if len(_same_shape(prop, ob)) == 1 else f"/{safe(ob.name)}")
    base = safe(cid.replace("/", "."))
    start = time.perf_counter()
    cx = Z3Ctx(scope)
    g = ob.build(cx)
    premises = _assertions(cx, g)
    proof, solver = solve([*premises, z3.Not(g.goal)], cx=cx)
    header = {
        "check": cid,
        "property": prop.id,
        "expected": "unsat (the property holds)",
        "rlimit": str(RLIMIT),
    }
    smt_files = [
        {
            "file": _write(out_dir, base, smt2_text(solver, header)),
            "expected": "unsat",
            "check": cid,
            "strategy": proof.strategy,
        }
    ]
    details: dict[str, Any] = {
        "obligation": ob.name,
        "shape": ob.shape,
        "scope": scope,
        "z3": proof.result,
        "rlimit": proof.rlimit,
        "strategy": proof.strategy,
        "tried": proof.tried,
        "stats": proof.stats,
        "smt2": smt_files[0]["file"],
    }
    failures: list[str] = []
    if proof.result != "unsat":
        failures.append(f"proof: {proof.result}")
        if proof.values is not None:
            details["counterexample"] = render(proof.values)
        if proof.reason:
            details["reason_unknown"] = proof.reason
    # vacuity
    vac, vsolver = solve(premises, cx=cx)
    vheader = {**header, "expected": "sat (the premises are satisfiable: the proof is not vacuous)"}
    smt_files.append(
        {
            "file": _write(out_dir, base + ".vacuity", smt2_text(vsolver, vheader)),
            "expected": "sat",
            "check": cid + " vacuity",
            "strategy": vac.strategy,
        }
    )
    vdetails: dict[str, Any] = {"z3": vac.result, "rlimit": vac.rlimit}
    if vac.result == "sat" and vac.values is not None:
        values = vac.values
        vdetails["witness"] = render(values)
        replay = decimal_eval(scope, values, ob.build, None)
        vdetails["decimal_replay"] = replay
        if replay.get("evaluated") and not (replay["premises_hold"] and replay["goal_holds"]):
            failures.append("vacuity witness does not replay in Decimal")
        lib = library_recheck(scope, values, replay.get("observed", {})) if ob.shape == "bounded" else {"run": False}
        vdetails["library_recheck"] = lib
        if lib.get("run") and not lib.get("agrees"):
            failures.append("library disagrees with the generated terms on the witness")
    else:
        failures.append(f"vacuity: {vac.result}")
    details["vacuity"] = vdetails
    # witnesses (e.g. COVERAGE regions non-empty)
    if g.witnesses:
        regions = []
        for name, cond in g.witnesses.items():
            w, wsolver = solve([*premises, cond], cx=cx)
            entry: dict[str, Any] = {"name": name, "z3": w.result, "rlimit": w.rlimit}
            smt_files.append(
                {
                    "file": _write(
                        out_dir,
                        base + ".region." + safe(name.split()[0]),
                        smt2_text(wsolver, {**header, "expected": f"sat (region {name})"}),
                    ),
                    "expected": "sat",
                    "check": f"{cid} region {name}",
                    "strategy": w.strategy,
                }
            )
            if w.result == "sat" and w.values is not None:
                values = w.values
                entry["witness"] = render(values)
                replay = decimal_eval(scope, values, ob.build, None)
                entry["observed"] = replay.get("observed")
                lib = (
                    library_recheck(scope, values, replay.get("observed", {}))
                    if ob.shape == "bounded"
                    else {"run": False}
                )
                entry["library_recheck"] = lib
                if lib.get("run") and not lib.get("agrees"):
                    failures.append(f"library disagrees on region {name}")
            else:
                failures.append(f"region {name}: {w.result}")
            regions.append(entry)
        details["regions"] = regions
    # planted bugs
    canaries = []
    planted_details = []
    for bug in ob.planted:
        if bug.scopes is not None and scope not in bug.scopes:
            continue
        pcx = bug.apply(Z3Ctx(scope))
        pg = ob.build(pcx)
        res, psolver = solve([*_assertions(pcx, pg), z3.Not(pg.goal)], cx=pcx)
        pid = f"{cid}::{bug.id}"
        smt_files.append(
            {
                "file": _write(
                    out_dir,
                    base + ".planted." + safe(bug.id),
                    smt2_text(psolver, {**header, "expected": f"sat (planted bug {bug.id})"}),
                ),
                "expected": "sat",
                "check": pid,
                "strategy": res.strategy,
            }
        )
        entry = {"id": bug.id, "description": bug.description, "z3": res.result, "rlimit": res.rlimit}
        caught = res.result == "sat"
        evidence = ""
        if caught and res.values is not None:
            values = res.values
            entry["counterexample"] = render(values)
            buggy = decimal_eval(scope, values, ob.build, bug)
            real = decimal_eval(scope, values, ob.build, None)
            entry["decimal_replay_bug"] = buggy
            entry["decimal_replay_real"] = real
            confirmed = bool(buggy.get("evaluated")) and buggy.get("premises_hold") and not buggy.get("goal_holds")
            entry["confirmed_in_decimal"] = confirmed
            evidence = "; ".join(entry["counterexample"])
            if buggy.get("evaluated") and not confirmed:
                caught = False
                evidence = "Z3 counterexample did not replay in Decimal: " + evidence
        else:
            evidence = f"z3 returned {res.result}"
        planted_details.append(entry)
        canaries.append(
            {
                "id": pid,
                "description": bug.description,
                "expected_caught": True,
                "caught": caught,
                "evidence": evidence,
            }
        )
        if not caught:
            failures.append(f"planted bug {bug.id} not caught ({res.result})")
    if not planted_details:
        failures.append("no planted bug applies to this instance")
    details["planted"] = planted_details
    details["failures"] = failures
    result = "pass" if not failures else ("unknown" if proof.result == "unknown" else "fail")
    check = {
        "id": cid,
        "statement": prop.statement,
        "rule": prop.rule,
        "functions": list(prop.functions),
        "result": result,
        "seconds": round(time.perf_counter() - start, 3),
        "details": details,
    }
    return InstanceOutcome(check, canaries, smt_files)


def _same_shape(prop: Any, ob: Any) -> list[Any]:
    return [o for o in prop.obligations if o.shape == ob.shape]


def necessity(prop: Any, ob: Any, invariant: str, out_dir: Path | None) -> tuple[dict[str, Any], dict[str, str]]:
    """Drop one rate invariant from a symbolic obligation: a counterexample (a rule set violating it) is expected."""
    global STRATEGIES
    STRATEGIES = STRATEGIES_BY_SHAPE[ob.shape]
    cx = Z3Ctx("symbolic")
    g = ob.build(cx)
    res, solver = solve([*_assertions(cx, g, dropped=(invariant,)), z3.Not(g.goal)], cx=cx)
    cid = f"PARAMETER_NECESSITY/{prop.id}/{safe(ob.name)}/{invariant}"
    rel = _write(
        out_dir,
        safe(cid.replace("/", ".")),
        smt2_text(solver, {"check": cid, "expected": "sat (invariant dropped)", "rlimit": str(RLIMIT)}),
    )
    entry: dict[str, Any] = {
        "property": prop.id,
        "obligation": ob.name,
        "invariant": invariant,
        "z3": res.result,
        "rlimit": res.rlimit,
        "smt2": rel,
    }
    if res.result == "sat" and res.values is not None:
        values = res.values
        entry["counterexample"] = render(values)
        entry["decimal_replay"] = decimal_eval("symbolic", values, ob.build, None)
    return entry, {"file": rel, "expected": "sat", "check": cid, "strategy": res.strategy}
