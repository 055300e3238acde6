"""Run every benchmark and plot the results: ``python -m bench`` (= ``make bench``).

Discovers the benchmark modules of this package (every ``bench/*.py`` except ``__init__``/``__main__`` and private
``_*`` files; the known ones first: ``core_requirements``, ``reserve_latency``, ``monitor_latency``), runs each as
``python -m bench.<name>`` in its own process (so one failing benchmark does not stop the others, and ``-O`` runs of a
benchmark stay its own business), then collects the JSON every benchmark writes to ``bench/results/`` and draws
``bench/results/bench.png`` with matplotlib. ``bench/results/summary.json`` records what ran, how long it took and
where each result is. The time per stage of ``make prove`` is taken from the proof harness's stage results when they
exist (``reports/`` JSON with ``stages``), and plotted too.

Options: ``--quick`` (passed to every benchmark: a smoke run), ``--only NAME`` (repeatable), ``--plot-only`` (collect
and plot the existing results without running anything), ``--list``.

Exit code: 0 when every benchmark that ran succeeded, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
PLOT = RESULTS / "bench.png"
SUMMARY = RESULTS / "summary.json"
KNOWN = ("core_requirements", "reserve_latency", "monitor_latency")
SKIP = {"__init__", "__main__"}


def discover() -> list[str]:
    """The benchmark modules present, the known ones first (in their order), then the others alphabetically."""
    present = sorted(p.stem for p in BENCH.glob("*.py") if p.stem not in SKIP and not p.stem.startswith("_"))
    return [name for name in KNOWN if name in present] + [name for name in present if name not in KNOWN]


def run_one(name: str, quick: bool) -> dict[str, Any]:
    """Run ``python -m bench.<name>``, streaming its output; returns its status and wall time."""
    command = [sys.executable, "-m", f"bench.{name}", *(["--quick"] if quick else [])]
    print(f"\n=== bench.{name}: {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    completed = subprocess.run(command, cwd=ROOT, env=env, check=False)
    seconds = time.perf_counter() - started
    status = "ok" if completed.returncode == 0 else f"failed (exit {completed.returncode})"
    print(f"=== bench.{name}: {status} in {seconds:.1f} s", flush=True)
    return {
        "module": f"bench.{name}",
        "status": status,
        "exit_code": completed.returncode,
        "seconds": round(seconds, 2),
    }


def load_results() -> dict[str, Any]:
    """Every ``bench/results/*.json`` (except the summary), by file stem."""
    results: dict[str, Any] = {}
    for path in sorted(RESULTS.glob("*.json")):
        if path == SUMMARY:
            continue
        try:
            results[path.stem] = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError) as exc:
            print(f"warning: {path}: unreadable ({exc})", file=sys.stderr)
    return results


def prove_stages() -> dict[str, float]:
    """Seconds per stage of the last ``make prove``: ``reports/run/run.json`` (``stage_seconds``, where the harness
    keeps its run-dependent figures), else any ``reports/`` JSON with per-stage ``seconds`` (empty if none)."""
    reports = ROOT / "reports"
    try:
        run = json.loads((reports / "run" / "run.json").read_text())
        stage_seconds = run.get("stage_seconds") if isinstance(run, dict) else None
        if isinstance(stage_seconds, dict):
            found = {str(k): float(v) for k, v in stage_seconds.items() if isinstance(v, int | float)}
            if found:
                return found
    except (OSError, json.JSONDecodeError):
        pass
    candidates = (
        sorted(reports.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) if reports.is_dir() else []
    )
    for path in candidates:
        try:
            data = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError):
            continue
        stages = data.get("stages") if isinstance(data, dict) else None
        if isinstance(stages, list):
            found = {
                str(s.get("stage")): float(s["seconds"])
                for s in stages
                if isinstance(s, dict) and isinstance(s.get("seconds"), int | float)
            }
            if found:
                return found
        if isinstance(stages, dict):
            found = {
                str(k): float(v["seconds"])
                for k, v in stages.items()
                if isinstance(v, dict) and isinstance(v.get("seconds"), int | float)
            }
            if found:
                return found
    return {}


# --- plotting ----------------------------------------------------------------------------------------------------

TIME_WORDS = ("median", "p50", "p90", "p95", "p99", "mean", "_us", "_ms", "seconds", "per_second", "throughput")


def numeric_leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """(dotted path, value) of every numeric leaf whose key names a time, a percentile or a throughput."""
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                if any(word in str(key).lower() for word in TIME_WORDS) and math.isfinite(value):
                    yield path, float(value)
            else:
                yield from numeric_leaves(value, path)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            label = value.get("name") or value.get("threads") or i if isinstance(value, dict) else i
            yield from numeric_leaves(value, f"{prefix}[{label}]")


def _plot_core(ax: Any, data: dict[str, Any]) -> bool:
    sizes = data.get("sizes")
    if not isinstance(sizes, dict):
        return False
    ns = sorted(sizes, key=lambda n: int(n))
    series = ("contracts_on", "contracts_off", "generic_formulas", "bare_decimal_loop")
    plotted = False
    for name in series:
        points = [
            (int(n), sizes[n][name]["median_us_per_position"])
            for n in ns
            if isinstance(sizes[n].get(name), dict) and "median_us_per_position" in sizes[n][name]
        ]
        if points:
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, marker="o", label=name.replace("_", " "))
            plotted = True
    if not plotted:
        return False
    target = data.get("target_us_per_position")
    if isinstance(target, int | float):
        ax.axhline(target, color="grey", linestyle="--", linewidth=1, label=f"target {target} us")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("positions")
    ax.set_ylabel("us per position (median)")
    ax.set_title("Account requirement cost vs portfolio size")
    ax.legend(fontsize=7)
    return True


def _series(rows: Any, x: str, y: str) -> list[tuple[float, float]]:
    """(x, y) pairs of the dict rows that carry both keys as numbers."""
    if not isinstance(rows, list):
        return []
    return [
        (float(r[x]), float(r[y]))
        for r in rows
        if isinstance(r, dict) and isinstance(r.get(x), int | float) and isinstance(r.get(y), int | float)
    ]


def _plot_reserve(ax: Any, data: dict[str, Any]) -> bool:
    """Reserve latency (p50, p99) against positions held, beside a full snapshot check (the tutorial's way), and the
    throughput per thread count as text."""
    plotted = False
    for variant, style in (("contracts_on", "-"), ("contracts_off", ":")):
        block = data.get(variant)
        if not isinstance(block, dict):
            continue
        label = variant.replace("_", " ")
        for key, marker in (("p50_us", "o"), ("p99_us", "^")):
            points = [(max(x, 1.0), y) for x, y in _series(block.get("latency"), "positions", key)]
            if points:
                xs, ys = zip(*points, strict=True)
                ax.plot(xs, ys, style, marker=marker, label=f"reserve {key[:3]} ({label})")
                plotted = True
        snap = [(max(x, 1.0), y) for x, y in _series(block.get("snapshot_check"), "positions", "p50_us")]
        if snap and variant == "contracts_on":
            xs, ys = zip(*snap, strict=True)
            ax.plot(xs, ys, "--", marker="s", color="tab:red", label="snapshot + order_fits p50 (whole book)")
    if not plotted:
        return False
    target = data.get("target_us_at_10000")
    if isinstance(target, int | float):
        ax.axhline(target, color="grey", linestyle="--", linewidth=1, label=f"target {target} us at 10,000")
    rates = _series((data.get("contracts_on") or {}).get("throughput"), "threads", "per_second")
    if rates:
        text = "throughput: " + ", ".join(f"{int(t)} thr {int(r):,}/s" for t, r in rates)
        ax.text(0.02, 0.97, text, transform=ax.transAxes, fontsize=7, va="top")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("positions held (0 drawn at 1)")
    ax.set_ylabel("microseconds per call")
    ax.set_title("Reserve latency vs positions held")
    ax.legend(fontsize=6, loc="center right")
    return True


def _plot_monitor(ax: Any, data: dict[str, Any]) -> bool:
    """Price update -> delivered transition, p50 and p99 per delivery mode, with the target and the dip test."""
    rows = [r for r in data.get("event_latency", []) if isinstance(r, dict) and "p50_us" in r and "p99_us" in r]
    if not rows:
        return False
    xs = range(len(rows))
    ax.bar([x - 0.2 for x in xs], [r["p50_us"] for r in rows], width=0.4, label="p50")
    ax.bar([x + 0.2 for x in xs], [r["p99_us"] for r in rows], width=0.4, label="p99")
    ax.set_xticks(list(xs))
    ax.set_xticklabels([str(r.get("mode", "?")) for r in rows], fontsize=8)
    target = data.get("target_p99_us")
    if isinstance(target, int | float):
        ax.axhline(target, color="grey", linestyle="--", linewidth=1, label=f"target p99 {target:g} us")
    dips, model = data.get("dips"), data.get("poll_model")
    notes = []
    if isinstance(dips, dict):
        notes.append(
            f"{dips.get('dips')} real {dips.get('dip_ms'):g} ms dips: event-driven missed "
            f"{dips.get('event_driven_missed')}, {dips.get('poll_ms'):g} ms poll missed {dips.get('poll_missed')}"
        )
    if isinstance(model, dict):
        notes.append(
            f"poll model: {model.get('dip_missed_pct')}% missed, median delay {model.get('median_delay_ms')} ms"
        )
    if notes:
        ax.text(0.02, 0.97, "\n".join(notes), transform=ax.transAxes, fontsize=7, va="top")
    ax.set_yscale("log")
    ax.set_ylabel("microseconds")
    ax.set_title("Monitor: price update -> delivered transition")
    ax.legend(fontsize=7, loc="center right")
    return True


def _plot_bars(ax: Any, title: str, values: list[tuple[str, float]], unit: str = "") -> bool:
    if not values:
        return False
    values = values[:16]
    labels = [label if len(label) <= 48 else "…" + label[-47:] for label, _ in values]
    numbers = [v for _, v in values]
    ax.barh(range(len(numbers)), numbers, color="tab:blue")
    ax.set_yticks(range(len(numbers)))
    ax.set_yticklabels(labels, fontsize=6)
    ax.invert_yaxis()
    positive = [v for v in numbers if v > 0]
    if positive and max(positive) / min(positive) > 100:
        ax.set_xscale("log")
    ax.set_title(title)
    if unit:
        ax.set_xlabel(unit)
    return True


def plot(results: dict[str, Any], stages: dict[str, float], path: Path = PLOT) -> Path | None:
    """Draw one panel per result (and one for the proof stages) into ``path``; None when there is nothing to plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels: list[tuple[str, Any]] = [(name, data) for name, data in results.items()]
    if stages:
        panels.append(("prove_stages", stages))
    if not panels:
        return None
    columns = 2 if len(panels) > 1 else 1
    rows = math.ceil(len(panels) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(7 * columns, 4.2 * rows), squeeze=False)
    for ax, (name, data) in zip(axes.flat, panels, strict=False):
        done = False
        if name == "core_requirements" and isinstance(data, dict):
            done = _plot_core(ax, data)
        elif name == "reserve_latency" and isinstance(data, dict):
            done = _plot_reserve(ax, data)
        elif name == "monitor_latency" and isinstance(data, dict):
            done = _plot_monitor(ax, data)
        elif name == "prove_stages":
            done = _plot_bars(ax, "make prove: seconds per stage", sorted(stages.items()), "seconds")
        if not done:
            unit = data.get("unit", "") if isinstance(data, dict) else ""
            title = data.get("benchmark", name) if isinstance(data, dict) else name
            done = _plot_bars(ax, str(title)[:70], list(numeric_leaves(data)), str(unit))
        if not done:
            ax.text(0.5, 0.5, f"{name}: no numeric results", ha="center", va="center")
            ax.set_axis_off()
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_axis_off()
    fig.suptitle(f"margin_rules benchmarks · Python {platform.python_version()} · {platform.machine()}")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short smoke run of every benchmark")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="run only this benchmark")
    parser.add_argument("--plot-only", action="store_true", help="do not run; collect and plot existing results")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    names = discover()
    if args.list:
        print("\n".join(names))
        return 0
    unknown = [n for n in args.only if n not in names]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)} (available: {', '.join(names)})")
    selected = [n for n in names if not args.only or n in args.only]
    runs = [] if args.plot_only else [run_one(name, args.quick) for name in selected]
    results = load_results()
    stages = prove_stages()
    image = plot(results, stages)
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "quick": args.quick,
        "runs": runs,
        "results": {name: f"bench/results/{name}.json" for name in results},
        "prove_stage_seconds": stages,
        "plot": str(image.relative_to(ROOT)) if image is not None else None,
    }
    SUMMARY.write_text(json.dumps(summary, indent=2) + "\n")
    print()
    for run in runs:
        print(f"{run['module']:<32} {run['status']:<20} {run['seconds']:>8.1f} s")
    missing = [n for n in KNOWN if n not in names]
    if missing:
        print(f"not present (yet): {', '.join('bench.' + n for n in missing)}")
    print(f"plot: {image}" if image is not None else "plot: nothing to plot")
    print(f"summary: {SUMMARY}")
    return 0 if all(run["exit_code"] == 0 for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
