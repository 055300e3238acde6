"""The Spark engine (local[2]) gives the embedded engine's output on the same book, row for row; a bad row stops it
before anything is written. Needs pyspark (the [spark] extra, in [dev]) and Java 17: CI runs it."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from margin_rules.batch import embedded, spark
from margin_rules.batch.tables import OUTPUT_SCHEMAS, BatchInputError
from tests.batch.book import random_book, write_parquet
from tests.batch.test_batch import _csv_book, check_against_api, config, read_output


def _rows(table: pa.Table, drop: tuple[str, ...] = ()) -> list[tuple[object, ...]]:
    names = [n for n in table.column_names if n not in drop]
    return sorted((tuple(row[n] for n in names) for row in table.to_pylist()), key=repr)


def test_spark_equals_embedded(tmp_path: Path) -> None:
    acc_rows, pos_rows = random_book(seed=21, accounts=24)
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    # one orphan position row (no account): a reject in both engines
    orphan = pq.read_table(pos_path)
    extra = pa.table({name: [orphan.column(name)[0].as_py()] for name in orphan.column_names}, schema=orphan.schema)
    extra = extra.set_column(0, "account_id", pa.array(["NOPE"]))
    pq.write_table(pa.concat_tables([orphan, extra]), pos_path)

    session = spark.session("local[2]")
    try:
        s = spark.run(
            acc_path, pos_path, tmp_path / "spark", config(), rejects=tmp_path / "spark_rejects.parquet", spark=session
        )
        e = embedded.run(
            acc_path, pos_path, tmp_path / "emb", config(), rejects=tmp_path / "emb_rejects.parquet", workers=1
        )
        assert (s.accounts, s.positions, s.rejects, s.rejected_accounts) == (
            e.accounts,
            e.positions,
            e.rejects,
            e.rejected_accounts,
        )
        assert (e.rejects, e.accounts) == (1, len(acc_rows))
        for name in OUTPUT_SCHEMAS:
            if name == "rejects":
                continue
            spark_table = read_output(tmp_path / "spark" / f"{name}.parquet")
            embedded_table = read_output(tmp_path / "emb" / f"{name}.parquet")
            assert spark_table.schema.names == embedded_table.schema.names
            assert _rows(spark_table) == _rows(embedded_table), name
        # Spark does not know input row numbers: the rejects agree on everything else
        spark_rejects = pq.read_table(tmp_path / "spark_rejects.parquet")
        embedded_rejects = pq.read_table(tmp_path / "emb_rejects.parquet")
        assert _rows(spark_rejects, ("row",)) == _rows(embedded_rejects, ("row",))
        check_against_api(acc_rows, pos_rows, tmp_path / "spark", ".parquet")
        # without --rejects, a bad row stops the run and nothing is written
        acc_csv, pos_csv = _csv_book(tmp_path)
        with pytest.raises(BatchInputError):
            spark.run(acc_csv, pos_csv, tmp_path / "bad", config(), spark=session)
        assert not (tmp_path / "bad").exists() or list((tmp_path / "bad").iterdir()) == []
    finally:
        session.stop()
