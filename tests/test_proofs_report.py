"""The auditor report is deterministic: everything that varies between runs (elapsed times under any key or quoted in
a tool's message, the checkout's absolute path) moves to the run section, and nothing else does."""

from __future__ import annotations

from proofs import report


def test_times_and_paths_move_to_the_run_section() -> None:
    stage = {
        "stage": "crosshair",
        "seconds": 43.5,
        "checks": [
            {
                "id": "X",
                "result": "pass",
                "details": {"module_cpu_seconds": 9.2, "cpu_seconds_children_total": 9.2, "rlimit": 12},
            }
        ],
        "canaries": [
            {
                "id": "short_floor_sign",
                "evidence": f"counterexample (5.086 s): File {report.ROOT}/margin_rules/requirements.py, line 281",
            },
            {"id": "narrow_band", "evidence": "counterexample in 0.794 s wall: false when calling f(4995)"},
        ],
    }
    kept, removed = report.split_run_data(stage)
    assert "seconds" not in kept
    assert kept["checks"][0]["details"] == {"rlimit": 12}
    assert kept["canaries"][0]["evidence"] == "counterexample: File margin_rules/requirements.py, line 281"
    assert kept["canaries"][1]["evidence"] == "counterexample: false when calling f(4995)"
    assert removed["seconds"] == 43.5
    assert removed["checks[X]/details/module_cpu_seconds"] == 9.2
    assert removed["canaries[short_floor_sign]/evidence"].startswith("counterexample (5.086 s)")


def test_two_runs_differing_only_in_times_give_the_same_report() -> None:
    def run(t: float) -> dict[str, object]:
        return {"stage": "z3", "seconds": t, "checks": [{"id": "P", "result": "pass", "seconds": t / 2}]}

    assert report.split_run_data(run(1.0))[0] == report.split_run_data(run(2.5))[0]


def test_figures_that_are_not_times_stay() -> None:
    text = "short of 100 shares at $10 requires $500 (FINRA 4210(c)(2)(B)); rlimit 20000000"
    assert report.split_run_data({"statement": text}) == ({"statement": text}, {})


def test_a_clipped_message_does_not_depend_on_the_checkout_path() -> None:
    from proofs.text import ROOT, clip

    tail = "a" * 300
    assert clip(f"File {ROOT}/margin_rules/health.py, line 34: {tail}", 60) == clip(
        f"File margin_rules/health.py, line 34: {tail}", 60
    )
    assert len(clip(f"File {ROOT}/x.py {tail}", 60)) == 60
