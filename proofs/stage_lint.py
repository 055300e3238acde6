"""Stage ``icontract-lint``: ``pyicontract-lint`` over the core (a contract whose argument names do not match its
function is an error), plus its canary: the planted mismatch in ``canaries/lint_mismatch.py`` must be reported."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from proofs.text import clip

ROOT = Path(__file__).resolve().parents[1]


def _lint(paths: list[str]) -> tuple[int, list[dict[str, Any]], str]:
    exe = str(Path(sys.executable).with_name("pyicontract-lint"))
    out = subprocess.run([exe, "--format", "json", *paths], capture_output=True, text=True, cwd=ROOT, check=False)
    try:
        errors = json.loads(out.stdout) if out.stdout.strip() else []
    except json.JSONDecodeError:
        errors = [{"description": clip(out.stdout.strip(), 500)}]
    return out.returncode, errors, out.stderr.strip()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("pyicontract-lint")
    except Exception:  # pragma: no cover
        return "unknown"


def run(out_dir: Path) -> dict[str, Any]:
    start = time.perf_counter()
    code, errors, stderr = _lint(["margin_rules"])
    for e in errors:
        if "filename" in e:
            e["filename"] = str(Path(e["filename"]).resolve().relative_to(ROOT))
    check = {
        "id": "LINT/margin_rules",
        "statement": "pyicontract-lint finds no contract errors in margin_rules/ (argument names, conditions, "
        "snapshots)",
        "rule": "house rule: every public core function carries icontract contracts",
        "functions": [],
        "result": "pass" if code == 0 and not errors else "fail",
        "seconds": round(time.perf_counter() - start, 3),
        "details": {"errors": errors, "stderr": clip(stderr, 500)},
    }
    canaries = []
    planted = ROOT / "canaries" / "lint_mismatch.py"
    if planted.exists():
        ccode, cerrors, _ = _lint([str(planted.relative_to(ROOT))])
        caught = ccode != 0 and any("amount" in str(e.get("description", "")) for e in cerrors)
        canaries.append(
            {
                "id": "canary:lint_mismatch",
                "description": "a precondition naming `amount` on a function whose parameter is `value`",
                "expected_caught": True,
                "caught": caught,
                "evidence": clip("; ".join(str(e.get("description", "")) for e in cerrors), 300),
            }
        )
    return {
        "stage": "icontract-lint",
        "ok": check["result"] == "pass" and all(c["caught"] == c["expected_caught"] for c in canaries),
        "tool": "pyicontract-lint",
        "tool_version": _version(),
        "seconds": round(time.perf_counter() - start, 3),
        "checks": [check],
        "canaries": canaries,
    }
