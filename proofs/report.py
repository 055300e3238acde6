"""Auditor reports: ``reports/proof-report.{json,md,html}`` (deterministic) and ``reports/run/`` (times, machine).

The main report contains no times, dates or machine data: for the same code (and tool versions) it is byte-identical
across runs. Everything run-dependent (seconds per stage and per check, the date, the host) is moved to
``reports/run/run.json`` and ``reports/run/run.md`` (gitignored).

``python -m proofs.report [reports_dir]`` re-renders the Markdown and HTML from ``proof-report.json``.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import platform
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2

from proofs.text import stable_text

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).with_name("templates")
RUN_KEYS = {"time", "elapsed", "duration", "started", "finished", "date"}
"""Keys whose values vary from run to run: moved to the run section (see :func:`is_run_key`)."""


def is_run_key(key: object) -> bool:
    """A key of :data:`RUN_KEYS`, any key naming seconds (``seconds``, ``module_cpu_seconds``, ...) or ``*_time``."""
    name = str(key)
    return name in RUN_KEYS or "seconds" in name or name.endswith("_time")


CITATION = re.compile(
    r"(FINRA (?:Rule )?4210\([a-z0-9]+\)(?:\([0-9A-Za-z]+\))*|Reg T (?:12 CFR )?220\.\d+(?:\([a-z0-9]+\))*|"
    r"12 CFR 220\.\d+(?:\([a-z0-9]+\))*|Regulatory Notice \d\d-\d\d|SR-FINRA-\d{4}-\d{3}|seed \d{3})"
)


# --- Introspection ----------------------------------------------------------------------------------------------


def resolve(dotted: str) -> Any:
    module_name, _, attr = dotted.rpartition(".")
    return getattr(importlib.import_module(module_name), attr)


def source_hash(dotted: str) -> str:
    try:
        return hashlib.sha256(inspect.getsource(inspect.unwrap(resolve(dotted))).encode()).hexdigest()
    except (OSError, TypeError, AttributeError, ImportError):
        return "unavailable"


def contracts_of(dotted: str) -> list[str]:
    """Descriptions of the icontract pre/postconditions of a function (found on its checker)."""
    try:
        import icontract._checkers as checkers

        fn = resolve(dotted)
        checker = checkers.find_checker(fn)
    except Exception:
        return []
    if checker is None:
        return []
    out = []
    for group in getattr(checker, "__preconditions__", []) or []:
        for c in group:
            out.append("pre: " + (c.description or getattr(c, "condition_as_text", "") or "?"))
    for c in getattr(checker, "__postconditions__", []) or []:
        out.append("post: " + (c.description or getattr(c, "condition_as_text", "") or "?"))
    return out


def tests_mentioning(name: str) -> list[str]:
    short = name.rsplit(".", 1)[-1]
    pattern = re.compile(rf"\b{re.escape(short)}\b")
    hits = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        try:
            if pattern.search(path.read_text()):
                hits.append(str(path.relative_to(ROOT)))
        except OSError:
            continue
    return hits


def citations_in(dotted: str) -> list[str]:
    try:
        doc = inspect.getdoc(resolve(dotted)) or ""
    except Exception:
        return []
    return sorted(set(CITATION.findall(doc)))


def link_of(dotted: str) -> str:
    if dotted.startswith("margin_rules.formulas.") or dotted.startswith("margin_rules.rates."):
        return "generated"
    return "conformance-tested (delegates to the generated formulas)"


# --- Building the report ---------------------------------------------------------------------------------------


def split_run_data(obj: Any, path: str = "") -> tuple[Any, dict[str, Any]]:
    """(obj without run-varying keys and texts, {path: value} of the removed or rewritten ones)."""
    removed: dict[str, Any] = {}
    if isinstance(obj, str):
        stable = stable_text(obj)
        return stable, ({path: obj} if stable != obj else {})
    if isinstance(obj, Mapping):
        kept = {}
        for k, v in obj.items():
            sub = f"{path}/{k}" if path else str(k)
            if is_run_key(k):
                removed[sub] = v
                continue
            kv, kr = split_run_data(v, sub)
            kept[k] = kv
            removed.update(kr)
        return kept, removed
    if isinstance(obj, list):
        items = []
        for i, v in enumerate(obj):
            ident = v.get("id") if isinstance(v, Mapping) and "id" in v else str(i)
            kv, kr = split_run_data(v, f"{path}[{ident}]")
            items.append(kv)
            removed.update(kr)
        return items, removed
    return obj, removed


def build(stages: list[dict[str, Any]], tools: Mapping[str, str], skipped: list[str]) -> dict[str, Any]:
    from specs import properties as specs

    z3_stage: dict[str, Any] = next((s for s in stages if s.get("stage") == "z3"), {"checks": []})
    by_prop: dict[str, list[dict[str, Any]]] = {}
    for c in z3_stage.get("checks", []):
        by_prop.setdefault(c["id"].split("/")[0], []).append(c)
    props = []
    for p in specs.PROPERTIES:
        checks = by_prop.get(p.id, [])
        props.append(
            {
                "id": p.id,
                "title": p.title,
                "statement": p.statement,
                "rule": p.rule,
                "link": p.link,
                "link_note": p.link_note,
                "argument": p.argument,
                "functions": [{"name": n, "sha256": source_hash(n), "link": link_of(n)} for n in p.functions],
                "obligations": [
                    {
                        "name": o.name,
                        "shape": o.shape,
                        "scopes": list(o.scopes),
                        "relies_on": list(o.relies_on),
                        "planted": [b.id for b in o.planted],
                    }
                    for o in p.obligations
                ],
                "results": sorted({c["result"] for c in checks}) or ["not run"],
                "checks": checks,
            }
        )
    necessity = by_prop.get("PARAMETER_NECESSITY", [])
    props.append(
        {
            "id": "PARAMETER_NECESSITY",
            "title": "Each relied-on rule-set invariant is necessary",
            "statement": specs.PARAMETER_NECESSITY_STATEMENT,
            "rule": "margin_rules.rates.rate_invariants",
            "link": "generated",
            "link_note": "The invariants are margin_rules.rates.rate_invariants over the Z3 Arith (the same function "
            "the RuleSet constructor evaluates over Decimal).",
            "argument": "",
            "functions": [
                {
                    "name": "margin_rules.rates.rate_invariants",
                    "sha256": source_hash("margin_rules.rates.rate_invariants"),
                    "link": "generated",
                }
            ],
            "obligations": [],
            "results": sorted({c["result"] for c in necessity}) or ["not run"],
            "checks": necessity,
            "table": z3_stage.get("necessity_table", []),
        }
    )
    # traceability: function -> rule -> contract -> property -> tests
    functions = sorted({n for p in specs.PROPERTIES for n in p.functions} | {"margin_rules.rates.rate_invariants"})
    matrix = []
    for name in functions:
        matrix.append(
            {
                "function": name,
                "rules": citations_in(name),
                "contracts": contracts_of(name),
                "properties": sorted(
                    {p.id for p in specs.PROPERTIES if name in p.functions}
                    | ({"PARAMETER_NECESSITY"} if name.endswith("rate_invariants") else set())
                ),
                "tests": tests_mentioning(name),
                "link": link_of(name),
            }
        )
    canaries = [dict(c, stage=s["stage"]) for s in stages for c in s.get("canaries", [])]
    summary = {
        "ok": all(s.get("ok") for s in stages) and not skipped,
        "stages": {s["stage"]: ("pass" if s.get("ok") else "FAIL") for s in stages},
        "skipped_stages": skipped,
        "checks": sum(len(s.get("checks", [])) for s in stages),
        "checks_failed": sum(
            1 for s in stages for c in s.get("checks", []) if c.get("result") not in ("pass", "skipped")
        ),
        "checks_skipped": [c["id"] for s in stages for c in s.get("checks", []) if c.get("result") == "skipped"],
        "canaries": len(canaries),
        "canaries_mismatched": sum(1 for c in canaries if c.get("caught") != c.get("expected_caught")),
        "properties": len(props),
        "z3_rlimit_total": sum(int(c.get("details", {}).get("rlimit", 0) or 0) for c in z3_stage.get("checks", [])),
    }
    smt = next((s for s in stages if s.get("stage") == "smt-recheck"), {})
    summary["cvc5_confirmed"] = smt.get("cvc5_confirmed", 0)
    summary["cvc5_unconfirmed"] = smt.get("cvc5_unconfirmed", [])
    summary["cvc5_not_run"] = smt.get("cvc5_not_run", 0)
    summary["smt_files"] = len(smt.get("checks", []))
    stage_rows = [
        {k: v for k, v in s.items() if k not in ("checks", "canaries", "necessity_table", "smt_files")} for s in stages
    ]
    other = [s for s in stages if s.get("stage") not in ("z3",)]
    return {
        "title": "margin_rules proof report",
        "summary": summary,
        "tools": dict(tools),
        "settings": z3_stage.get("settings", {}),
        "stages": stage_rows,
        "properties": props,
        "traceability": matrix,
        "canaries": canaries,
        "other_stage_checks": [{"stage": s["stage"], "checks": s.get("checks", [])} for s in other],
    }


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(report: Mapping[str, Any], out_dir: Path) -> None:
    env = _env()
    (out_dir / "proof-report.html").write_text(env.get_template("report.html.j2").render(r=report))
    md_env = _env()
    md_env.autoescape = False
    (out_dir / "proof-report.md").write_text(md_env.get_template("report.md.j2").render(r=report))


def write(stages: list[dict[str, Any]], tools: Mapping[str, str], out_dir: Path, skipped: list[str]) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    full = build(stages, tools, skipped)
    main: dict[str, Any]
    main, run_data = split_run_data(full)
    (out_dir / "proof-report.json").write_text(json.dumps(main, indent=1, sort_keys=True, default=str) + "\n")
    render(main, out_dir)
    run_dir = out_dir / "run"
    run_dir.mkdir(exist_ok=True)
    run: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "python": sys.version.split()[0],
            "processor": platform.machine(),
        },
        "stage_seconds": {s["stage"]: s.get("seconds") for s in stages},
        "times": run_data,
    }
    (run_dir / "run.json").write_text(json.dumps(run, indent=1, sort_keys=True, default=str) + "\n")
    lines = [
        "# Run section (varies from run to run; not part of the deterministic report)",
        "",
        f"- date: {run['date']}",
        f"- machine: {run['machine']}",
        "",
        "| stage | seconds |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v} |" for k, v in run["stage_seconds"].items()]
    lines += ["", "## Per check", "", "| check | seconds |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in run_data.items()]
    (run_dir / "run.md").write_text("\n".join(lines) + "\n")
    return main


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else ROOT / "reports"
    report = json.loads((out_dir / "proof-report.json").read_text())
    render(report, out_dir)
    print(f"re-rendered {out_dir / 'proof-report.md'} and {out_dir / 'proof-report.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
