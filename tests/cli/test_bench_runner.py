"""``python -m bench``: discovery, result collection and the plot (without running the benchmarks)."""

from __future__ import annotations

import importlib
from pathlib import Path

runner = importlib.import_module("bench.__main__")


def test_discovers_the_known_benchmarks_first() -> None:
    names = runner.discover()
    assert "__main__" not in names and "__init__" not in names
    known = [n for n in names if n in runner.KNOWN]
    assert names[: len(known)] == known


def test_numeric_leaves_keep_times_and_throughputs() -> None:
    data = {
        "unit": "us",
        "threads": [{"threads": 16, "p50_us": 3.5, "p99_us": 9.0, "ok": True}, {"threads": 1, "per_second": 1000}],
        "count": 12,
    }
    assert dict(runner.numeric_leaves(data)) == {
        "threads[16].p50_us": 3.5,
        "threads[16].p99_us": 9.0,
        "threads[1].per_second": 1000.0,
    }


def test_plot_draws_every_result_and_the_prove_stages(tmp_path: Path) -> None:
    results = {
        "core_requirements": {
            "target_us_per_position": 1.0,
            "sizes": {
                "10": {"contracts_on": {"median_us_per_position": 2.0}},
                "1000": {"contracts_on": {"median_us_per_position": 0.5}},
            },
        },
        "reserve_latency": {"benchmark": "reserve", "unit": "us", "results": {"1": {"p50_us": 4.0}}},
    }
    path = runner.plot(results, {"z3": 12.5, "hypothesis": 30.0}, tmp_path / "bench.png")
    assert path is not None
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_nothing_to_plot(tmp_path: Path) -> None:
    assert runner.plot({}, {}, tmp_path / "bench.png") is None


def test_prove_stages_come_from_the_run_section(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "reports" / "run").mkdir(parents=True)
    (tmp_path / "reports" / "run" / "run.json").write_text(
        '{"stage_seconds": {"z3": 54.7, "smt-recheck": 49.0, "bad": "x"}}'
    )
    (tmp_path / "reports" / "proof-report.json").write_text('{"stages": [{"stage": "z3"}]}')  # no seconds there
    monkeypatch.setattr(runner, "ROOT", tmp_path)
    assert runner.prove_stages() == {"z3": 54.7, "smt-recheck": 49.0}


def test_no_prove_run_no_stages(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(runner, "ROOT", tmp_path)
    assert runner.prove_stages() == {}


def test_dedicated_panels_for_reserve_and_monitor(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    reserve = {
        "target_us_at_10000": 20.0,
        "contracts_on": {
            "latency": [{"positions": 0, "p50_us": 14.0, "p99_us": 25.0}, {"positions": 10000, "p50_us": 14.1}],
            "snapshot_check": [{"positions": 0, "p50_us": 66.0}, {"positions": 10000, "p50_us": 60000.0}],
            "throughput": [{"threads": 1, "per_second": 60000}],
        },
    }
    monitor = {
        "target_p99_us": 1000.0,
        "event_latency": [{"mode": "synchronous", "p50_us": 66.0, "p99_us": 145.0}],
        "dips": {"dips": 30, "dip_ms": 100.0, "poll_ms": 500.0, "event_driven_missed": 0, "poll_missed": 20},
    }
    fig, (a, b, c) = plt.subplots(1, 3)
    assert runner._plot_reserve(a, reserve)
    assert runner._plot_monitor(b, monitor)
    assert not runner._plot_reserve(c, {"contracts_on": {"latency": []}})  # nothing to draw: the generic panel
    plt.close(fig)
    path = runner.plot({"reserve_latency": reserve, "monitor_latency": monitor}, {}, tmp_path / "b.png")
    assert path is not None and path.read_bytes()[:4] == b"\x89PNG"
