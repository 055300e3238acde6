"""Benchmark: MarginAccount.reserve latency at 0, 1,000 and 10,000 positions, and reservation throughput.

Run ``python -m bench.reserve_latency`` (``--quick`` for a smoke run). Writes ``bench/results/reserve_latency.json``.

* ``latency``: one ``reserve`` call (a pre-built Order, a new order id each time, REG_T mode), per call, p50/p99/mean
  in microseconds, with contracts on (the default) and off (the same code in a ``python -O`` subprocess, icontract's
  ``enabled=__debug__``). Target: under 20 us at 10,000 positions, flat in the number of positions.
* ``snapshot_check``: for comparison, what deciding the same order from a snapshot costs (``account.snapshot()`` +
  :func:`margin_rules.buying_power.order_fits`, which walks the book): the tutorial's reserve walked the book five times
  under its lock (21 us empty, 3.3 ms at 1,000 positions, 33 ms at 10,000).
* ``throughput``: reservations per second with 1, 16 and 1,000 threads sharing one account (all approved).

Numbers depend on the machine's load (2 cores shared): compare ratios within one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from margin_rules.buying_power import Mode, order_fits
from margin_rules.live.account import MarginAccount
from margin_rules.model import Order, Position, Side
from margin_rules.rulesets import finra

SIZES = (0, 1_000, 10_000)
THREADS = (1, 16, 1_000)
RESULTS = Path(__file__).resolve().parent / "results" / "reserve_latency.json"
TARGET_US = 20.0
SESSION = dt.date(2026, 11, 20)


def make_account(n: int, seed: int = 45) -> MarginAccount:
    rng = random.Random(seed + n)
    positions = []
    for i in range(n):
        qty = Decimal(rng.randint(1, 500)) * (-1 if rng.random() < 0.3 else 1)
        positions.append(Position(f"S{i}", qty, Decimal(rng.randint(500, 50000)).scaleb(-2)))
    return MarginAccount(finra(), Decimal(10) ** 12, positions, mode=Mode.REG_T, session=SESSION, day_trading=False)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def latency(n: int, calls: int) -> dict[str, float]:
    account = make_account(n)
    order = Order("NEW", Side.BUY, Decimal(10), Decimal("25.50"))
    ids = [f"o{i}" for i in range(calls)]
    timer = time.perf_counter_ns
    samples: list[float] = []
    reserve = account.reserve
    for oid in ids[:200]:  # warm-up
        reserve("w" + oid, order)
    for oid in ids:
        t0 = timer()
        reserve(oid, order)
        samples.append((timer() - t0) / 1000)
    return {
        "positions": n,
        "calls": calls,
        "p50_us": round(_percentile(samples, 0.50), 2),
        "p99_us": round(_percentile(samples, 0.99), 2),
        "mean_us": round(statistics.fmean(samples), 2),
    }


def snapshot_check(n: int, repeats: int) -> dict[str, float]:
    account = make_account(n)
    rules = account.rules
    order = Order("NEW", Side.BUY, Decimal(10), Decimal("25.50"))
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        order_fits(account.snapshot(), order, rules, Mode.REG_T)
        samples.append((time.perf_counter_ns() - t0) / 1000)
    return {"positions": n, "p50_us": round(_percentile(samples, 0.5), 1)}


def throughput(threads: int, total: int) -> dict[str, float]:
    account = make_account(100)
    order = Order("NEW", Side.BUY, Decimal(1), Decimal("10"))
    per = max(1, total // threads)
    gate = threading.Event()

    def worker(t: int) -> None:
        gate.wait()
        for i in range(per):
            account.reserve(f"t{t}-{i}", order)

    workers = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    t0 = time.perf_counter()
    gate.set()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - t0
    done = per * threads
    assert len(account.reservations()) == done
    return {"threads": threads, "reservations": done, "per_second": round(done / seconds), "seconds": round(seconds, 3)}


def measure(quick: bool) -> dict[str, Any]:
    calls = 2_000 if quick else 20_000
    return {
        "contracts_enabled": __debug__,
        "latency": [latency(n, calls) for n in SIZES],
        "snapshot_check": [snapshot_check(n, 5 if quick else 30) for n in SIZES],
        "throughput": [throughput(t, 5_000 if quick else 30_000) for t in THREADS],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.quick)))
        return
    on = measure(args.quick)
    command = [sys.executable, "-O", "-m", "bench.reserve_latency", "--child", *(["--quick"] if args.quick else [])]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    child = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    off = json.loads(child.stdout.strip().splitlines()[-1])
    at_10k_on = on["latency"][-1]["p50_us"]
    at_10k_off = off["latency"][-1]["p50_us"]
    result = {
        "benchmark": "reserve_latency",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "target_us_at_10000": TARGET_US,
        "contracts_on": on,
        "contracts_off": off,
        "meets_target": {"contracts_on": at_10k_on < TARGET_US, "contracts_off": at_10k_off < TARGET_US},
        "flatness_p50_10000_over_0": {
            "contracts_on": round(at_10k_on / on["latency"][0]["p50_us"], 2),
            "contracts_off": round(at_10k_off / off["latency"][0]["p50_us"], 2),
        },
        "tutorial_reference_us": {"0": 21, "1000": 3300, "10000": 33000},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    for label, data in (("contracts on", on), ("contracts off (-O)", off)):
        print(f"reserve latency, {label}:")
        for row in data["latency"]:
            print(f"  {row['positions']:>6} positions: p50 {row['p50_us']:7.2f} us  p99 {row['p99_us']:7.2f} us")
        for row in data["snapshot_check"]:
            print(f"  snapshot + order_fits at {row['positions']:>6} positions: p50 {row['p50_us']:10.1f} us")
        for row in data["throughput"]:
            print(f"  {row['threads']:>5} threads: {row['per_second']:>8} reservations/s")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
