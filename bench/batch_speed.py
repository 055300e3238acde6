"""Benchmark: book-wide speed (issue 12), every figure a ratio to a floor measured in the same run.

Run ``python -m bench.batch_speed`` (``--quick`` for a smoke run, ``--no-spark`` to leave Spark out). Writes
``bench/results/batch_speed.json`` and prints a summary. The floor throughout is the **core loop**: the seconds per
position of :func:`margin_rules.account_maintenance` (the generated per-position loop) on a 10,000-position account,
measured at the start of the run (the ratios use it) and again at the end (the load of this shared machine drifts: both
are reported). ``--only SECTION`` (repeatable) reruns some sections and keeps the others' last results.

* ``exact_context``: ``with exact():`` against ``with decimal.localcontext(CORE_CONTEXT):`` (target: ratio <= 1).
* ``liquidation``: :func:`margin_rules.liquidation_plan` on accounts of 1,000 to 100,000 positions in a maintenance
  call (the plan sells about a fifth of the book): seconds per plan, the ratio to one
  :func:`~margin_rules.account_requirements` pass on the same account, and the log-log slope of time against size
  (1 = linear). Target: <= 1 s at 10,000 positions, near-linear.
* ``evaluate``: ``margin-rules evaluate --json``'s work in process (load the JSON file, evaluate, encode) on 1,000 and
  100,000 positions of an account in a maintenance call; the marginal cost per position (difference over difference:
  start-up excluded) over the core loop. Target: <= 5x. Peak memory per position (max RSS of a CLI subprocess at
  100,000 minus at 1,000 positions, per position; target <= 1 KB) and the CLI start-up (``margin-rules evaluate`` on a
  one-position file; target < 0.3 s).
* ``batch``: the embedded engine, Parquet to Parquet with every output table, 20 positions per account, on 1 and 2
  worker processes and 10^4 to 10^5 (10^6 without ``--quick``) positions: seconds per position over the core loop
  (target <= 3x per core) and the scaling with cores and with book size.
* ``spark``: the Spark engine on local[2] against the embedded engine (2 workers) on the same 20,000-position book: the
  session start and the run, and their ratio.

Numbers depend on the load of this 2-core machine shared by several people: read the ratios.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from bench.core_requirements import make_account
from margin_rules import Account, Position, account_maintenance, account_requirements, finra, liquidation_plan

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "batch_speed.json"
CLI = [sys.executable, "-m", "margin_rules.cli.app"]


def best_of(fn: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` timed calls, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def core_loop_floor(repeats: int) -> float:
    """Seconds per position of the core loop (account_maintenance) on a 10,000-position account."""
    account = make_account(10_000)
    rules = finra()
    account_maintenance(account, rules)
    return best_of(lambda: account_maintenance(account, rules), repeats) / 10_000


def exact_cost(loops: int) -> dict[str, Any]:
    """``with exact():`` against its floor ``with decimal.localcontext(CORE_CONTEXT):``, microseconds per block."""
    import decimal

    from margin_rules.money import CORE_CONTEXT, exact

    def ours() -> None:
        for _ in range(loops):
            with exact():
                pass

    def floor() -> None:
        for _ in range(loops):
            with decimal.localcontext(CORE_CONTEXT):
                pass

    a, b = best_of(ours, 5) / loops, best_of(floor, 5) / loops
    return {"exact_us": round(a * 1e6, 3), "localcontext_us": round(b * 1e6, 3), "ratio": round(a / b, 2)}


def account_in_call(n: int, seed: int = 12) -> Account:
    """``n`` positions (a fifth short) and a debit that leaves equity at 80% of the maintenance requirement."""
    rng = random.Random(seed + n)
    positions = []
    for i in range(n):
        qty = Decimal(rng.randint(1, 500)) * (-1 if rng.random() < 0.2 else 1)
        positions.append(Position(f"S{i}", qty, Decimal(rng.randint(100, 40000)).scaleb(-2)))
    base = Account(Decimal(0), tuple(positions))
    figs = account_requirements(base, finra())
    cash = figs.maintenance * Decimal("0.8") - figs.equity  # equity = 80% of the maintenance requirement
    return Account(cash, tuple(positions))


def slope(points: list[tuple[Any, Any]]) -> float:
    """Least-squares slope of log(time) against log(size): 1 is linear growth, 2 quadratic."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def liquidation(sizes: tuple[int, ...]) -> dict[str, Any]:
    rules = finra()
    rows = []
    for n in sizes:
        account = account_in_call(n)
        assert liquidation_plan(account, rules).cures

        def plan(a: Account = account) -> object:
            return liquidation_plan(a, rules)

        def one_pass(a: Account = account) -> object:
            return account_requirements(a, rules)

        plan_s = best_of(plan, 3 if n <= 10_000 else 1)
        pass_s = best_of(one_pass, 3)
        orders = len(liquidation_plan(account, rules).orders)
        rows.append(
            {
                "positions": n,
                "orders": orders,
                "plan_seconds": round(plan_s, 4),
                "requirements_pass_seconds": round(pass_s, 4),
                "ratio_to_one_requirements_pass": round(plan_s / pass_s, 2),
            }
        )
    return {
        "rows": rows,
        "loglog_slope": round(slope([(r["positions"], r["plan_seconds"]) for r in rows]), 3),
        "meets_1s_at_10000": all(r["plan_seconds"] <= 1.0 for r in rows if r["positions"] == 10_000),
    }


def _account_file(account: Account, path: Path) -> None:
    document = {
        "cash": str(account.cash),
        "positions": [
            {"symbol": p.symbol, "quantity": str(p.quantity), "price": str(p.price)} for p in account.positions
        ],
    }
    path.write_text(json.dumps(document))


def _evaluate_in_process(path: Path) -> str:
    from margin_rules.cli.evaluation import evaluate_snapshot, to_json
    from margin_rules.cli.io import load_rules, load_snapshot

    snapshot = load_snapshot(path)
    ev = evaluate_snapshot(snapshot, load_rules(snapshot.default_rules))
    return json.dumps(to_json(ev), indent=2)


def _max_rss_kb(argv: list[str]) -> tuple[int, float]:
    """(max RSS in KB, wall seconds) of a subprocess."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True).stdout
    kb, seconds = out.split()
    return int(kb), float(seconds)


def evaluate(floor: float, small: int, large: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for n in (1, small, large):
            files[n] = Path(tmp) / f"account_{n}.json"
            tiny = Account(Decimal(100), (Position("A", Decimal(1), Decimal(10)),))
            _account_file(account_in_call(n) if n > 1 else tiny, files[n])
        _evaluate_in_process(files[small])
        t_small = best_of(lambda: _evaluate_in_process(files[small]), 3)
        t_large = best_of(lambda: _evaluate_in_process(files[large]), 1)
        marginal = (t_large - t_small) / (large - small)
        rss_small, _ = _max_rss_kb([*CLI, "evaluate", "--json", str(files[small])])
        rss_large, _ = _max_rss_kb([*CLI, "evaluate", "--json", str(files[large])])
        startup = min(_max_rss_kb([*CLI, "evaluate", str(files[1])])[1] for _ in range(3))
    per_position_bytes = (rss_large - rss_small) * 1024 / (large - small)
    return {
        "positions": [small, large],
        "seconds": [round(t_small, 4), round(t_large, 4)],
        "marginal_us_per_position": round(marginal * 1e6, 2),
        "ratio_to_core_loop": round(marginal / floor, 2),
        "target_ratio": 5,
        "peak_rss_kb": [rss_small, rss_large],
        "peak_memory_bytes_per_position": round(per_position_bytes),
        "target_bytes_per_position": 1024,
        "cli_startup_seconds": round(startup, 3),
        "target_startup_seconds": 0.3,
    }


def write_book(folder: Path, positions: int, per_account: int = 20, seed: int = 7) -> tuple[Path, Path]:
    """A book of ``positions`` positions, ``per_account`` per account, about 10% of the accounts in a call."""
    rng = random.Random(seed)
    n_accounts = max(1, positions // per_account)
    ids = [f"A{i:08d}" for i in range(n_accounts)]
    symbols = [f"S{j}" for j in range(per_account)]
    qty = [str(rng.randint(1, 500) * (-1 if rng.random() < 0.2 else 1)) for _ in range(positions)]
    price = [f"{rng.randint(100, 40000) / 100:.2f}" for _ in range(positions)]
    pos = pa.table(
        {
            "account_id": [ids[i // per_account] for i in range(positions)],
            "symbol": [symbols[i % per_account] for i in range(positions)],
            "quantity": qty,
            "price": price,
        }
    )
    cash = [str(rng.choice([-150_000, -60_000, -20_000, 5_000, 50_000])) for _ in ids]
    acc = pa.table({"account_id": ids, "cash": cash})
    pq.write_table(acc, folder / "accounts.parquet")
    pq.write_table(pos, folder / "positions.parquet")
    return folder / "accounts.parquet", folder / "positions.parquet"


def _embedded_seconds(folder: Path, workers: int) -> float:
    from margin_rules.batch import embedded
    from margin_rules.batch.tables import BatchConfig

    out = folder / f"out_{workers}"
    t0 = time.perf_counter()
    embedded.run(folder / "accounts.parquet", folder / "positions.parquet", out, BatchConfig(), workers=workers)
    return time.perf_counter() - t0


def batch(floor: float, sizes: tuple[int, ...]) -> dict[str, Any]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            write_book(folder, n)
            for workers in (1, 2):
                seconds = _embedded_seconds(folder, workers)
                rows.append(
                    {
                        "positions": n,
                        "workers": workers,
                        "seconds": round(seconds, 3),
                        "us_per_position": round(seconds / n * 1e6, 2),
                        "ratio_to_core_loop": round(seconds / n / floor, 2),
                        "ratio_to_core_loop_per_core": round(seconds * workers / n / floor, 2),
                    }
                )
    by = {(r["positions"], r["workers"]): r["seconds"] for r in rows}
    largest = max(sizes)
    return {
        "rows": rows,
        "speedup_2_workers_at_largest": round(by[(largest, 1)] / by[(largest, 2)], 2),
        "loglog_slope_1_worker": round(slope([(n, by[(n, 1)]) for n in sizes]), 3),
        "target_ratio_per_core": 3,
    }


def spark(positions: int) -> dict[str, Any]:
    from margin_rules.batch import spark as engine
    from margin_rules.batch.tables import BatchConfig

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_book(folder, positions)
        embedded_s = _embedded_seconds(folder, 2)
        t0 = time.perf_counter()
        session = engine.session("local[2]")
        start_s = time.perf_counter() - t0
        try:
            t0 = time.perf_counter()
            acc_file, pos_file = folder / "accounts.parquet", folder / "positions.parquet"
            engine.run(acc_file, pos_file, folder / "spark", BatchConfig(), spark=session)
            run_s = time.perf_counter() - t0
        finally:
            session.stop()
    return {
        "positions": positions,
        "embedded_2_workers_seconds": round(embedded_s, 3),
        "spark_session_start_seconds": round(start_s, 3),
        "spark_local2_run_seconds": round(run_s, 3),
        "ratio_spark_run_to_embedded": round(run_s / embedded_s, 2),
        "ratio_spark_with_start_to_embedded": round((run_s + start_s) / embedded_s, 2),
    }


SECTIONS = ("exact_context", "liquidation", "evaluate", "batch", "spark")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only these sections (the others keep their last result)"
    )
    args = parser.parse_args()
    chosen = set(args.only or SECTIONS) - ({"spark"} if args.no_spark else set())
    floor_start = core_loop_floor(5)
    print(f"core loop floor: {floor_start * 1e6:.3f} us per position", flush=True)
    sections: dict[str, Any] = {}
    runs: dict[str, Callable[[], Any]] = {
        "exact_context": lambda: exact_cost(20_000 if args.quick else 200_000),
        "liquidation": lambda: liquidation(
            (1_000, 3_000, 10_000) if args.quick else (1_000, 3_000, 10_000, 30_000, 100_000)
        ),
        "evaluate": lambda: evaluate(floor_start, 1_000, 20_000 if args.quick else 100_000),
        "batch": lambda: batch(floor_start, (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)),
        "spark": lambda: spark(20_000),
    }
    for name in SECTIONS:
        if name in chosen:
            sections[name] = runs[name]()
            print(f"{name}: {json.dumps(sections[name])}", flush=True)
    floor_end = core_loop_floor(5)
    previous: dict[str, Any] = {}
    if args.only and RESULTS.exists():
        previous = json.loads(RESULTS.read_text())
    result = {
        **previous,
        "benchmark": "batch_speed (issue 12)",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "quick": args.quick,
        "load_average_at_start": list(os.getloadavg()),
        "core_loop_floor_us_per_position": {
            "start": round(floor_start * 1e6, 3),
            "end": round(floor_end * 1e6, 3),
        },
        **sections,
        "max_rss_kb_of_this_process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
