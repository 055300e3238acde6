"""Stage ``hypothesis`` of ``make prove``: the property suite under the deterministic ``proof`` profile, and the
canaries.

Runs ``pytest tests/properties tests/test_canaries.py`` in a subprocess with ``MARGIN_HYPOTHESIS_PROFILE=proof``
(derandomized, no example database, 300 examples per property plus every explicit ``@example``), reads the JUnit XML,
and
reports one check per property test (id, statement, rule and covered functions come from the ``@prop`` metadata) and one
canary entry per planted bug (``tests/test_canaries.py::test_hypothesis_catches_exactly_the_expected_canaries``).

``python -m proofs.stage_hypothesis [out_dir]`` runs the stage alone and prints its JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from proofs.text import clip

ROOT = Path(__file__).resolve().parents[1]
PROFILE = "proof"


def _version() -> str:
    try:
        import hypothesis

        return str(hypothesis.__version__)
    except Exception:  # pragma: no cover - reported, not raised
        return "unavailable"


def _properties(case: ET.Element) -> dict[str, str]:
    return {p.get("name", ""): p.get("value", "") for p in case.iter("property")}


def _outcome(case: ET.Element) -> tuple[str, str]:
    for tag in ("failure", "error"):
        node = case.find(tag)
        if node is not None:
            return "fail", (node.get("message") or "") + "\n" + (node.text or "")[-3000:]
    if case.find("skipped") is not None:
        node = case.find("skipped")
        return "unknown", "skipped: " + ((node.get("message") if node is not None else "") or "")
    return "pass", ""


def run(out_dir: Path) -> dict[str, Any]:
    """Run the stage; write ``hypothesis-junit.xml`` and ``hypothesis.log`` into ``out_dir``; return the stage
    result."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    junit = out_dir / "hypothesis-junit.xml"
    env = {**os.environ, "MARGIN_HYPOTHESIS_PROFILE": PROFILE, "PYTHONHASHSEED": "0"}
    env.pop("MARGIN_CANARY", None)
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "tests/properties",
        "tests/test_canaries.py::test_hypothesis_catches_exactly_the_expected_canaries",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "junit_family=xunit1",
        f"--junitxml={junit}",
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    (out_dir / "hypothesis.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")

    checks: dict[str, dict[str, Any]] = {}
    canary_rows: list[dict[str, Any]] = []
    if junit.exists():
        for case in ET.parse(junit).getroot().iter("testcase"):
            name = case.get("name", "")
            props = _properties(case)
            result, message = _outcome(case)
            elapsed = float(case.get("time") or 0)
            if "canary_id" in props or name.startswith("test_hypothesis_catches_exactly_the_expected_canaries"):
                from canaries import BY_ID

                cid = props.get("canary_id") or name.split("[", 1)[-1].rstrip("]")
                canary = BY_ID.get(cid)
                canary_rows.append(
                    {
                        "id": cid,
                        "description": canary.description if canary else "",
                        "expected_caught": props.get(
                            "expected_caught", str(canary.expected["hypothesis"] if canary else "")
                        )
                        == "True",
                        "caught": props.get("caught") == "True",
                        "evidence": props.get("evidence") or clip(message, 1500),
                    }
                )
                continue
            base = name.split("[", 1)[0]
            cid = props.get("property_id") or f"HYP-{base}"
            check = checks.setdefault(
                cid,
                {
                    "id": cid,
                    "statement": props.get("statement") or (base.replace("_", " ")),
                    "rule": props.get("rule", ""),
                    "functions": [f for f in props.get("functions", "").split(",") if f],
                    "result": "pass",
                    "seconds": 0.0,
                    "details": {"tests": [], "profile": PROFILE, "file": case.get("file") or case.get("classname", "")},
                },
            )
            check["seconds"] = round(check["seconds"] + elapsed, 3)
            check["details"]["tests"].append({"name": name, "result": result, "seconds": round(elapsed, 3)})
            if result != "pass":
                check["result"] = (
                    "fail" if result == "fail" else (check["result"] if check["result"] == "fail" else result)
                )
                check["details"].setdefault("failures", []).append(clip(message, 3000))
    check_list = sorted(checks.values(), key=lambda c: c["id"])
    if not check_list:
        check_list = [
            {
                "id": "HYP-SUITE",
                "statement": "the property suite ran",
                "rule": "",
                "functions": [],
                "result": "fail",
                "seconds": round(seconds, 3),
                "details": {"returncode": proc.returncode, "output": (proc.stdout + proc.stderr)[-3000:]},
            }
        ]
    ok = (
        proc.returncode == 0
        and all(c["result"] == "pass" for c in check_list)
        and bool(canary_rows)
        and all(c["caught"] == c["expected_caught"] for c in canary_rows)
    )
    return {
        "stage": "hypothesis",
        "ok": ok,
        "tool": "hypothesis",
        "tool_version": _version(),
        "seconds": round(seconds, 3),
        "checks": check_list,
        "canaries": canary_rows,
        "details": {
            "profile": PROFILE,
            "settings": "max_examples=300, derandomize=True, database=None, deadline=None, plus every @example",
            "command": " ".join(cmd[1:]),
            "returncode": proc.returncode,
        },
    }


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports" / "run"
    result = run(out)
    print(json.dumps(result, indent=2, default=str))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
