"""The embedded batch engine: in-process over Arrow record batches, on every core (a process pool; no service).

The book is sorted by account id and cut into partitions of whole accounts of about ``partition_positions`` positions;
each partition (Arrow IPC bytes of its accounts and positions) is evaluated by
:func:`margin_rules.batch.tables.process_group` in a worker process and its result tables are appended, in account
order, to temporary output files that are renamed into place only when every partition has succeeded.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from margin_rules.batch.files import AtomicOutputs, from_ipc, output_targets, read_input, to_ipc
from margin_rules.batch.tables import OUTPUT_SCHEMAS, BatchConfig, process_group

Progress = Callable[[int, int], None]
"""A progress callback: (positions done, positions in the book)."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run did: accounts evaluated, positions evaluated, rejected rows and accounts, the files written."""

    accounts: int
    positions: int
    rejects: int
    rejected_accounts: int
    outputs: dict[str, Path]
    seconds: float


def _sorted(table: pa.Table) -> pa.Table:
    return table.take(pc.sort_indices(table, sort_keys=[("account_id", "ascending")]))


def partitions(
    accounts: pa.Table, positions: pa.Table, partition_positions: int
) -> Iterator[tuple[pa.Table, pa.Table]]:
    """Cut the book (both tables normalized) into partitions of whole accounts (zero-copy slices of the sorted
    tables): every row of an account id, in either table, lands in the same partition. Null ids form the last one."""
    accounts, positions = _sorted(accounts), _sorted(positions)
    acc_nulls = accounts.column("account_id").null_count
    pos_nulls = positions.column("account_id").null_count
    acc_n, pos_n = accounts.num_rows - acc_nulls, positions.num_rows - pos_nulls
    acc_ids = accounts.column("account_id").slice(0, acc_n).to_numpy(zero_copy_only=False)
    pos_ids = positions.column("account_id").slice(0, pos_n).to_numpy(zero_copy_only=False)
    size = max(1, partition_positions)
    # boundary ids: every size-th position id and every size-th account id (so that account-only books split too)
    candidates = sorted(set(pos_ids[size::size].tolist()) | set(acc_ids[size::size].tolist()))
    a0 = p0 = 0
    for bound in candidates:
        a1 = int(np.searchsorted(acc_ids, bound, side="left"))
        p1 = int(np.searchsorted(pos_ids, bound, side="left"))
        if a1 > a0 or p1 > p0:
            yield accounts.slice(a0, a1 - a0), positions.slice(p0, p1 - p0)
        a0, p0 = a1, p1
    if acc_n > a0 or pos_n > p0:
        yield accounts.slice(a0, acc_n - a0), positions.slice(p0, pos_n - p0)
    if acc_nulls or pos_nulls:
        yield accounts.slice(acc_n), positions.slice(pos_n)


def _work(accounts: bytes, positions: bytes, config: BatchConfig) -> dict[str, bytes]:
    """One partition in a worker process: IPC bytes in, IPC bytes of each result table out."""
    result = process_group(from_ipc(accounts), from_ipc(positions), config)
    return {name: to_ipc(table) for name, table in result.items()}


def evaluate_tables(
    accounts: pa.Table,
    positions: pa.Table,
    config: BatchConfig,
    *,
    workers: int | None = None,
    partition_positions: int = 20_000,
    progress: Progress | None = None,
) -> Iterator[dict[str, pa.Table]]:
    """The result tables of every partition of the book, in account order. ``workers`` processes (default: every
    core); 1, or a book of one partition, runs in this process. At most two partitions per worker are in flight
    (bounded memory)."""
    total = positions.num_rows
    done = 0
    count = workers if workers is not None else (os.cpu_count() or 1)
    parts = list(partitions(accounts, positions, partition_positions))  # zero-copy slices
    if len(parts) <= 1:  # one partition: starting worker processes would only add their start-up
        count = 1
    if count <= 1:
        for acc, pos in parts:
            yield process_group(acc, pos, config)
            done += pos.num_rows
            if progress is not None:
                progress(done, total)
        return
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn")) as pool:
        pending: deque[tuple[Future[dict[str, bytes]], int]] = deque()
        try:
            for acc, pos in parts:
                pending.append((pool.submit(_work, to_ipc(acc), to_ipc(pos), config), pos.num_rows))
                while len(pending) >= 2 * count:
                    future, n = pending.popleft()
                    yield {name: from_ipc(data) for name, data in future.result().items()}
                    done += n
                    if progress is not None:
                        progress(done, total)
            while pending:
                future, n = pending.popleft()
                yield {name: from_ipc(data) for name, data in future.result().items()}
                done += n
                if progress is not None:
                    progress(done, total)
        except BaseException:
            for future, _ in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def run(
    accounts_path: str | Path,
    positions_path: str | Path,
    out_dir: str | Path,
    config: BatchConfig,
    *,
    fmt: str = "parquet",
    rejects: str | Path | None = None,
    workers: int | None = None,
    partition_positions: int = 20_000,
    progress: Progress | None = None,
) -> Summary:
    """Evaluate a book from its accounts and positions files into ``out_dir`` (accounts, positions, calls and orders
    tables in ``fmt``), with the rejects table at ``rejects`` when given: then bad rows do not stop the run (this
    decides ``config.collect_rejects``)."""
    start = time.perf_counter()
    config = dataclasses.replace(config, collect_rejects=rejects is not None)
    accounts = read_input(accounts_path, "accounts")
    positions = read_input(positions_path, "positions")
    targets = output_targets(Path(out_dir), fmt, None if rejects is None else Path(rejects))
    n_accounts = n_positions = n_rejects = 0
    rejected_accounts: set[str] = set()
    with AtomicOutputs(targets) as outputs:
        for tables in evaluate_tables(
            accounts, positions, config, workers=workers, partition_positions=partition_positions, progress=progress
        ):
            n_accounts += tables["accounts"].num_rows
            n_positions += tables["positions"].num_rows
            n_rejects += tables["rejects"].num_rows
            rejected_accounts.update(a for a in tables["rejects"].column("account_id").to_pylist() if a is not None)
            outputs.write({name: tables[name] for name in targets})
        written = outputs.commit()
    return Summary(n_accounts, n_positions, n_rejects, len(rejected_accounts), written, time.perf_counter() - start)


__all__ = ["OUTPUT_SCHEMAS", "Summary", "evaluate_tables", "partitions", "run"]
