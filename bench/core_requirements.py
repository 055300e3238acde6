"""Benchmark: the account maintenance requirement on 10, 1,000 and 100,000 positions, contracts on and off.

Run ``python -m bench.core_requirements`` (add ``--quick`` for a short run). It writes
``bench/results/core_requirements.json`` and prints a summary. What is measured, per position, median of repeats:

* ``contracts_on``: :func:`margin_rules.account_maintenance` as shipped (icontract enabled, the default);
* ``contracts_off``: the same code in a subprocess started with ``python -O`` (icontract's ``enabled=__debug__``: how a
  production user turns contracts off; never by hard-coding ``enabled=False``, which would hide them from CrossHair);
* ``generic_formulas``: the per-position formulas called over ``DECIMAL`` in a plain loop (the unspecialised path);
* ``bare_decimal_loop``: a hand-written Decimal loop of the finra rule (25% long; short floors) in the same exact
  context: the floor of what Python + Decimal can do. A baseline only; the library never uses it.

Reference figures from the issue, on this machine: nautilus_trader ~1.65 us per position, a bare Decimal loop ~0.23 us.
Target: <= 1 us per position for the account total with contracts at the boundary.
"""

from __future__ import annotations

import argparse
import decimal
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from margin_rules import Account, Position, account_maintenance, finra
from margin_rules import formulas as f
from margin_rules.arith import DECIMAL
from margin_rules.money import CORE_CONTEXT, exact

SIZES = (10, 1_000, 100_000)
RESULTS = Path(__file__).resolve().parent / "results" / "core_requirements.json"
TARGET_US = 1.0


def make_account(n: int, seed: int = 4210) -> Account:
    """A deterministic account of ``n`` positions: ~60% long, ~40% short, prices $0.50-$500 (both short bands and the
    $16.67 crossing occur), some fractional quantities."""
    rng = random.Random(seed + n)
    positions = []
    for i in range(n):
        qty = Decimal(rng.randint(1, 5000))
        if rng.random() < 0.1:
            qty = qty / 8
        if rng.random() < 0.4:
            qty = -qty
        price = Decimal(rng.randint(50, 50000)).scaleb(-2)
        positions.append(Position(f"S{i}", qty, price))
    return Account(Decimal(1_000_000), tuple(positions))


def bare_loop(account: Account) -> Decimal:
    """Baseline: the finra maintenance rule written directly over Decimal (no Arith, no contracts)."""
    rate, floor_low, floor_high, threshold, short_rate = (
        Decimal("0.25"),
        Decimal("2.50"),
        Decimal("5.00"),
        Decimal("5.00"),
        Decimal("0.30"),
    )
    zero = Decimal(0)
    total = zero
    with decimal.localcontext(CORE_CONTEXT):
        for p in account.positions:
            q = p.quantity
            if q > zero:
                total += rate * (q * p.price)
            elif q < zero:
                s = q.copy_negate()
                value = s * p.price
                if p.price < threshold:
                    a, b = floor_low * s, value
                else:
                    a, b = floor_high * s, short_rate * value
                total += a if a >= b else b
    return total


def generic_loop(account: Account) -> Decimal:
    """The unspecialised path: the single-source formulas evaluated per position over DECIMAL."""
    rates = finra().rates
    zero = Decimal(0)
    total = zero
    with exact():
        for p in account.positions:
            q = p.quantity
            if q > zero:
                total += f.long_requirements(DECIMAL, rates, q, p.price, p.marginable, p.leverage, zero)[0]
            elif q < zero:
                total += f.short_requirements(DECIMAL, rates, q.copy_negate(), p.price, p.leverage, zero)[0]
    return total


def measure(fn: Callable[[], object], n: int, repeats: int, budget: float) -> dict[str, Any]:
    """Median (and min/max) microseconds per position over ``repeats`` samples of ~``budget`` seconds each."""
    fn()  # warm up (and compile the rule set's specialised code)
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    loops = max(1, int(budget / once))
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        samples.append((time.perf_counter() - start) / loops / n * 1e6)
    return {
        "median_us_per_position": round(statistics.median(samples), 4),
        "min_us_per_position": round(min(samples), 4),
        "max_us_per_position": round(max(samples), 4),
        "repeats": repeats,
        "calls_per_sample": loops,
    }


def run_worker(sizes: tuple[int, ...], repeats: int, budget: float) -> dict[str, Any]:
    """Measure in this interpreter (contracts follow ``__debug__``)."""
    rules = finra()
    out: dict[str, Any] = {"contracts_enabled": __debug__, "sizes": {}}
    for n in sizes:
        account = make_account(n)
        expected = generic_loop(account)
        assert account_maintenance(account, rules) == expected == bare_loop(account)
        reps = repeats if n < 100_000 else max(3, repeats // 2)

        # The default argument binds this iteration's account.
        def core_call(a: Account = account) -> Decimal:
            return account_maintenance(a, rules)

        def bare_call(a: Account = account) -> Decimal:
            return bare_loop(a)

        def generic_call(a: Account = account) -> Decimal:
            return generic_loop(a)

        figures = {"account_maintenance": measure(core_call, n, reps, budget)}
        figures["bare_decimal_loop"] = measure(bare_call, n, reps, budget)
        if __debug__:
            figures["generic_formulas"] = measure(generic_call, n, reps, budget)
        out["sizes"][str(n)] = figures
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=None)
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 9)
    budget = 0.05 if args.quick else 0.2
    if args.worker:
        json.dump(run_worker(SIZES, repeats, budget), sys.stdout)
        return {}
    on = run_worker(SIZES, repeats, budget)
    command = [sys.executable, "-O", "-m", "bench.core_requirements", "--worker", "--repeats", str(repeats)]
    if args.quick:
        command.append("--quick")
    root = Path(__file__).resolve().parent.parent
    completed = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    off = json.loads(completed.stdout)
    assert off["contracts_enabled"] is False, "the -O subprocess still had contracts enabled"
    sizes: dict[str, Any] = {}
    for n in map(str, SIZES):
        on_us = on["sizes"][n]["account_maintenance"]["median_us_per_position"]
        off_us = off["sizes"][n]["account_maintenance"]["median_us_per_position"]
        bare = on["sizes"][n]["bare_decimal_loop"]["median_us_per_position"]
        off_bare = off["sizes"][n]["bare_decimal_loop"]["median_us_per_position"]
        sizes[n] = {
            "contracts_on": on["sizes"][n]["account_maintenance"],
            "contracts_off": off["sizes"][n]["account_maintenance"],
            "generic_formulas": on["sizes"][n]["generic_formulas"],
            "bare_decimal_loop": on["sizes"][n]["bare_decimal_loop"],
            "bare_decimal_loop_in_off_process": off["sizes"][n]["bare_decimal_loop"],
            "contract_overhead_ratio_on_over_off": round(on_us / off_us, 3),
            # Load-robust figures: each divided by the bare loop measured in the same process.
            "ratio_to_bare_decimal_loop_on": round(on_us / bare, 3),
            "ratio_to_bare_decimal_loop_off": round(off_us / off_bare, 3),
            "contract_overhead_ratio_normalised": round((on_us / bare) / (off_us / off_bare), 3),
            "meets_target_1us": on_us <= TARGET_US and off_us <= TARGET_US,
        }
    result = {
        "benchmark": "account_maintenance per position (finra preset, mixed long/short)",
        "unit": "microseconds per position (median of repeats)",
        "target_us_per_position": TARGET_US,
        "issue_reference": {"nautilus_trader_us": 1.65, "bare_decimal_loop_us": 0.23},
        "python": platform.python_version(),
        "machine": platform.machine(),
        "repeats": repeats,
        "quick": args.quick,
        "how_to_disable_contracts": "run Python with -O (or PYTHONOPTIMIZE=1): icontract's enabled=__debug__",
        "load_average_at_start": list(os.getloadavg()),
        "note": "a shared 2-core machine: absolute figures inflate with load; the ratios to the bare Decimal loop "
        "measured in the same process are the load-robust figures",
        "sizes": sizes,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{'positions':>10} {'on us':>8} {'off us':>8} {'on/off':>7} {'generic':>8} {'bare':>7} {'on/bare':>8}")
    for n, row in sizes.items():
        print(
            f"{n:>10} {row['contracts_on']['median_us_per_position']:>8.3f} "
            f"{row['contracts_off']['median_us_per_position']:>8.3f} "
            f"{row['contract_overhead_ratio_on_over_off']:>7.3f} "
            f"{row['generic_formulas']['median_us_per_position']:>8.3f} "
            f"{row['bare_decimal_loop']['median_us_per_position']:>7.3f} "
            f"{row['ratio_to_bare_decimal_loop_on']:>8.3f}"
        )
    print(f"written to {RESULTS}")
    return result


if __name__ == "__main__":
    main()
