"""Reading the input tables and writing the output tables of a batch run (Parquet, CSV, Arrow IPC).

Outputs are written to a temporary name in the output directory and renamed into place only when every partition has
been written (:class:`AtomicOutputs`): a failed or killed run never leaves a partial output file under a final name.
"""

from __future__ import annotations

import contextlib
import csv
import os
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

from margin_rules.batch.tables import INPUTS, OUTPUT_SCHEMAS, BatchInputError, normalize

FORMATS: Final = {"parquet": ".parquet", "csv": ".csv", "arrow": ".arrow"}
"""Output formats and their file extensions."""

_BY_SUFFIX: Final = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".arrow": "arrow", ".ipc": "arrow"}
_BY_SUFFIX[".feather"] = "arrow"


def format_of(path: str | Path, default: str | None = None) -> str:
    """The table format of ``path`` from its extension (``.parquet``/``.pq``, ``.csv``, ``.arrow``/``.ipc``/
    ``.feather``)."""
    found = _BY_SUFFIX.get(Path(path).suffix.lower(), default)
    if found is None:
        raise BatchInputError(str(path), None, None, "unknown table format: use .parquet, .csv or .arrow")
    return found


def read_input(path: str | Path, table: str) -> pa.Table:
    """Read the ``table`` (``accounts`` or ``positions``) input file, checked and normalized
    (:func:`margin_rules.batch.tables.normalize`). CSV values are read as text, so CSV numbers are exact."""
    source = Path(path)
    if not source.exists():
        raise BatchInputError(table, None, None, f"{source}: no such file")
    kind = format_of(source)
    try:
        if kind == "parquet":
            data = pq.read_table(source)
        elif kind == "arrow":
            try:
                with pa.memory_map(str(source)) as stream:
                    data = ipc.open_file(stream).read_all()
            except pa.ArrowInvalid:
                with pa.memory_map(str(source)) as stream:
                    data = ipc.open_stream(stream).read_all()
        else:
            with source.open(newline="", encoding="utf-8") as handle:
                header = next(csv.reader(handle), [])
            data = pacsv.read_csv(
                source,
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.string() for name in header},
                    strings_can_be_null=True,
                    null_values=[""],
                ),
            )
    except (pa.ArrowException, OSError, UnicodeDecodeError) as exc:
        raise BatchInputError(table, None, None, f"{source}: cannot read ({exc})") from None
    return normalize(table, data)


def to_ipc(table: pa.Table) -> bytes:
    """``table`` as Arrow IPC stream bytes (only its own rows: a slice does not carry its parent's buffers)."""
    sink = pa.BufferOutputStream()
    with ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def from_ipc(data: bytes) -> pa.Table:
    return ipc.open_stream(pa.py_buffer(data)).read_all()


class _Writer:
    def __init__(self, path: Path, kind: str, schema: pa.Schema) -> None:
        self.kind = kind
        self.writer: Any
        if kind == "parquet":
            self.writer = pq.ParquetWriter(str(path), schema)
        elif kind == "csv":
            self.writer = pacsv.CSVWriter(str(path), schema)
        else:
            self.writer = ipc.new_file(str(path), schema)

    def write(self, table: pa.Table) -> None:
        if table.num_rows:
            self.writer.write_table(table)

    def close(self) -> None:
        self.writer.close()


class AtomicOutputs:
    """Writers of the output tables, each to a temporary file beside its final name; :meth:`commit` renames them all,
    leaving the context without :meth:`commit` (an error) removes them."""

    def __init__(self, targets: dict[str, tuple[Path, str]]) -> None:
        """``targets``: output table name -> (final path, format)."""
        self.targets = targets
        self.temporary: dict[str, Path] = {}
        self.writers: dict[str, _Writer] = {}
        self.committed = False

    def __enter__(self) -> AtomicOutputs:
        tag = uuid.uuid4().hex[:12]
        try:
            for name, (final, kind) in self.targets.items():
                final.parent.mkdir(parents=True, exist_ok=True)
                temporary = final.with_name(f".{final.name}.{tag}.tmp")
                self.temporary[name] = temporary
                self.writers[name] = _Writer(temporary, kind, OUTPUT_SCHEMAS[name])
        except BaseException:
            self._discard()
            raise
        return self

    def write(self, tables: dict[str, pa.Table]) -> None:
        for name, writer in self.writers.items():
            writer.write(tables[name])

    def commit(self) -> dict[str, Path]:
        """Close every writer and rename every temporary file to its final name."""
        for writer in self.writers.values():
            writer.close()
        self.writers = {}
        for name, temporary in self.temporary.items():
            os.replace(temporary, self.targets[name][0])
        self.committed = True
        return {name: final for name, (final, _) in self.targets.items()}

    def _discard(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        self.writers = {}
        for temporary in self.temporary.values():
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if not self.committed:
            self._discard()


def output_targets(out_dir: Path, kind: str, rejects: Path | None) -> dict[str, tuple[Path, str]]:
    """The output files of a run: ``accounts``, ``positions``, ``calls`` and ``orders`` in ``out_dir`` with the
    format's extension, and the rejects table at ``rejects`` (format from its extension) when given."""
    suffix = FORMATS[kind]
    targets = {name: (out_dir / f"{name}{suffix}", kind) for name in OUTPUT_SCHEMAS if name != "rejects"}
    if rejects is not None:
        targets["rejects"] = (rejects, format_of(rejects, kind))
    return targets


__all__ = ["FORMATS", "INPUTS", "AtomicOutputs", "format_of", "from_ipc", "output_targets", "read_input", "to_ipc"]
