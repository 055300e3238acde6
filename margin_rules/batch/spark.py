"""The Apache Spark batch engine: the same per-account function, grouped by account through Arrow.

The accounts and positions rows are put in one DataFrame (tagged by side) and hash-partitioned by ``account_id`` (one
shuffle: every row of an account lands in the same partition), and each partition is evaluated by
:func:`margin_rules.batch.tables.process_group` in a Python worker through ``mapInArrow`` (Arrow record batches in and
out, no pandas), in groups of whole accounts as in the embedded engine. (``cogroup(...).applyInArrow``, one Python call
per account, measured about 20 times slower than the embedded engine in local[2]: the per-group overhead dominates.)

The five result tables travel as one union DataFrame tagged by table name, persisted, then each is written to a
temporary directory renamed into place through the Hadoop FileSystem API once every table has been written: a failed
job never leaves a partial output under a final name. The output is that of the embedded engine row for row (row
order aside; a test compares them), except that Spark does not know input row numbers, so a reject's ``row`` is null
and its account id and symbol name it.

See docs/batch.md for ``spark-submit`` to a cluster and how the work splits across executors.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Final

import pyarrow as pa

from margin_rules.batch.embedded import Summary
from margin_rules.batch.files import FORMATS, format_of
from margin_rules.batch.tables import (
    INPUTS,
    OUTPUT_SCHEMAS,
    ROW,
    BatchConfig,
    BatchInputError,
    Kind,
    check_schema,
    process_group,
)

TAG: Final = "_table"


def _union_schema() -> pa.Schema:
    fields: dict[str, pa.Field] = {TAG: pa.field(TAG, pa.string())}
    for schema in OUTPUT_SCHEMAS.values():
        for f in schema:
            known = fields.setdefault(f.name, f)
            if known.type != f.type:  # pragma: no cover - a schema mistake, caught by the tests
                raise TypeError(f"output column {f.name} has two types")
    return pa.schema(list(fields.values()))


UNION: Final = _union_schema()
"""One schema holding every output table's columns plus the table's name: the schema of ``applyInArrow``."""


def union_table(tables: dict[str, pa.Table]) -> pa.Table:
    """The result tables of :func:`process_group` as one table of :data:`UNION` (missing columns null)."""
    parts = []
    for name, table in tables.items():
        n = table.num_rows
        if not n:
            continue
        columns = [
            pa.array([name] * n, pa.string())
            if f.name == TAG
            else (table.column(f.name) if f.name in table.column_names else pa.nulls(n, f.type))
            for f in UNION
        ]
        parts.append(pa.Table.from_arrays(columns, schema=UNION))
    return pa.concat_tables(parts) if parts else UNION.empty_table()


SIDE: Final = "_side"


def partition_function(config: BatchConfig, partition_positions: int = 20_000) -> Any:
    """The function applied to each Spark partition by ``mapInArrow``: the Arrow record batches of the partition's
    account rows and position rows (one DataFrame, tagged by ``_side``, hash-partitioned by ``account_id`` so that an
    account's rows are all in one partition) in, the union of the result tables out. The partition is cut into
    groups of whole accounts (:func:`margin_rules.batch.embedded.partitions`) evaluated by :func:`process_group`, as
    in the embedded engine. Rejects are always collected here; the driver decides what they mean."""
    collecting = BatchConfig(
        config.rule_sources, config.default_rules, config.policy, config.mode, config.trade_date, collect_rejects=True
    )
    account_columns = [c.name for c in INPUTS["accounts"]]
    position_columns = [c.name for c in INPUTS["positions"]]

    def apply(batches: Any) -> Any:
        import pyarrow.compute as pc

        from margin_rules.batch.embedded import partitions

        chunks = list(batches)
        if not chunks:
            return
        table = pa.Table.from_batches(chunks)
        side = table.column(SIDE)
        accounts = _with_row(table.filter(pc.equal(side, "a")).select(account_columns))
        positions = _with_row(table.filter(pc.equal(side, "p")).select(position_columns))
        for acc, pos in partitions(accounts, positions, partition_positions):
            yield from union_table(process_group(acc, pos, collecting)).to_batches()

    return apply


def _with_row(table: pa.Table) -> pa.Table:
    if ROW in table.column_names:
        return table
    return table.append_column(ROW, pa.nulls(table.num_rows, pa.int64()))


def session(master: str | None, app_name: str = "margin-rules batch") -> Any:
    """A SparkSession: ``master`` (e.g. ``local[2]``) or, when None, the one spark-submit configured."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            # local Python workers run this interpreter (its virtual environment) unless told otherwise; on a cluster
            # spark-submit's configuration decides (docs/batch.md)
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = (
                builder.config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
            )
    return builder.getOrCreate()


def _read(spark: Any, path: str, table: str) -> Any:
    """The input DataFrame of ``table``, checked (floats refused by name) and in the normalized column order."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import to_arrow_schema

    kind = format_of(path)
    if kind == "parquet":
        df = spark.read.parquet(path)
    elif kind == "csv":
        df = spark.read.option("header", True).option("inferSchema", False).csv(path)
    else:  # Arrow IPC: Spark has no reader; read it in the driver (use Parquet for large books)
        from margin_rules.batch.files import read_input

        df = spark.createDataFrame(read_input(path, table).drop_columns([ROW]))
    check_schema(table, to_arrow_schema(df.schema))
    columns = []
    for column in INPUTS[table]:
        if column.name in df.columns:
            value = F.col(column.name)
            columns.append(value.cast("string").alias(column.name) if column.kind is Kind.ID else value)
        else:
            columns.append(F.lit(None).cast("boolean" if column.kind is Kind.FLAG else "string").alias(column.name))
    return df.select(*columns)


def _rename(spark: Any, source: str, target: str) -> None:
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    src = jvm.org.apache.hadoop.fs.Path(source)
    dst = jvm.org.apache.hadoop.fs.Path(target)
    fs = src.getFileSystem(conf)
    if fs.exists(dst):
        fs.delete(dst, True)
    if not fs.rename(src, dst):
        raise OSError(f"cannot rename {source} to {target}")


def _delete(spark: Any, path: str) -> None:
    jvm = spark.sparkContext._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    p.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(p, True)


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def run(
    accounts_path: str | Path,
    positions_path: str | Path,
    out_dir: str | Path,
    config: BatchConfig,
    *,
    fmt: str = "parquet",
    rejects: str | Path | None = None,
    master: str | None = "local[*]",
    spark: Any = None,
) -> Summary:
    """Evaluate a book on Spark into ``out_dir`` (one directory of part files per output table, named as the
    embedded engine's files), the rejects table at ``rejects`` when given. Paths may be any Hadoop URI (hdfs://,
    s3a://, ...). Without ``rejects`` a bad row stops the run before anything is written."""
    from pyspark.sql import functions as F

    start = time.perf_counter()
    spark = spark if spark is not None else session(master)
    accounts = _read(spark, str(accounts_path), "accounts")
    positions = _read(spark, str(positions_path), "positions")
    ddl = _ddl()
    # one DataFrame of both tables (each row tagged by its side), hash-partitioned by account: the only shuffle
    both = accounts.withColumn(SIDE, F.lit("a")).unionByName(
        positions.withColumn(SIDE, F.lit("p")), allowMissingColumns=True
    )
    result = both.repartition("account_id").mapInArrow(partition_function(config), schema=ddl).persist()
    try:
        stats = {
            row[TAG]: (row["n"], row["ids"])
            for row in result.groupBy(TAG)
            .agg(F.count(F.lit(1)).alias("n"), F.countDistinct("account_id").alias("ids"))
            .collect()
        }
        n_rejects, rejected = stats.get("rejects", (0, 0))
        if n_rejects and rejects is None:
            first = result.filter(F.col(TAG) == "rejects").select(*OUTPUT_SCHEMAS["rejects"].names).first()
            raise BatchInputError(
                str(first["table"]), first["row"], first["column"], first["reason"], first["account_id"]
            )
        base = str(out_dir)
        targets = {name: _join(base, name + FORMATS[fmt]) for name in OUTPUT_SCHEMAS if name != "rejects"}
        kinds = dict.fromkeys(targets, fmt)
        if rejects is not None:
            targets["rejects"] = str(rejects)
            kinds["rejects"] = format_of(rejects, fmt)
        tag = uuid.uuid4().hex[:12]
        temporary = {name: _temporary(target, tag) for name, target in targets.items()}
        try:
            for name, target in temporary.items():
                frame = result.filter(F.col(TAG) == name).select(*OUTPUT_SCHEMAS[name].names)
                writer = frame.write.mode("overwrite")
                if kinds[name] == "csv":
                    writer.option("header", True).csv(target)
                elif kinds[name] == "parquet":
                    writer.parquet(target)
                else:
                    raise BatchInputError(name, None, None, "the Spark engine writes Parquet or CSV, not Arrow IPC")
            for name, target in targets.items():
                _rename(spark, temporary[name], target)
        except BaseException:
            for path in temporary.values():
                _delete(spark, path)
            raise
    finally:
        result.unpersist()
    return Summary(
        stats.get("accounts", (0, 0))[0],
        stats.get("positions", (0, 0))[0],
        n_rejects,
        rejected,
        {name: Path(target) for name, target in targets.items()},
        time.perf_counter() - start,
    )


def _temporary(target: str, tag: str) -> str:
    head, _, tail = target.rstrip("/").rpartition("/")
    return f"{head}/.{tail}.{tag}.tmp" if head else f".{tail}.{tag}.tmp"


def _ddl() -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(UNION)


__all__ = ["UNION", "partition_function", "run", "session", "union_table"]


def main(argv: list[str] | None = None) -> int:
    """``spark-submit .../margin_rules/batch/spark.py ACCOUNTS POSITIONS OUT [--rules R] [--rule-set NAME=FILE]
    [--rejects FILE] [--format parquet|csv] [--as-of YYYY-MM-DD] [--policy P] [--mode M]``: the master and the
    resources come from spark-submit (docs/batch.md)."""
    import argparse
    import datetime as dt

    from margin_rules.buying_power import Mode
    from margin_rules.cli.batch import rule_sources
    from margin_rules.margin_call import LiquidationPolicy

    parser = argparse.ArgumentParser(prog="margin_rules.batch.spark", description="margin-rules batch on Spark")
    parser.add_argument("accounts")
    parser.add_argument("positions")
    parser.add_argument("out")
    parser.add_argument("--rules", default="finra")
    parser.add_argument("--rule-set", action="append", default=[])
    parser.add_argument("--rejects")
    parser.add_argument("--format", default="parquet", choices=["parquet", "csv"])
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--policy", default=LiquidationPolicy.LOSERS_FIRST.value)
    parser.add_argument("--mode", default=Mode.REG_T.value)
    args = parser.parse_args(argv)
    sources, default = rule_sources(args.rules, args.rule_set)
    config = BatchConfig(sources, default, LiquidationPolicy(args.policy), Mode(args.mode), args.as_of)
    summary = run(args.accounts, args.positions, args.out, config, fmt=args.format, rejects=args.rejects, master=None)
    print(
        f"{summary.accounts} accounts, {summary.positions} positions evaluated in {summary.seconds:.1f} s; "
        f"{summary.rejects} rows rejected ({summary.rejected_accounts} accounts)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
