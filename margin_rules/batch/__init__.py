"""Book-wide batch evaluation: every account and position of a book, from Arrow/Parquet/CSV tables.

* :func:`margin_rules.batch.account.evaluate_account`: the pure per-account function (one account snapshot in, the
  rows of the four output tables out). Every figure comes from the single-account API; a streaming job can call it
  per account.
* :mod:`margin_rules.batch.tables`: the input and output table schemas (docs/batch-schema.md) and
  :func:`~margin_rules.batch.tables.process_group`, which turns Arrow tables of accounts and positions into Arrow tables
  of results (the unit of work of both engines).
* :mod:`margin_rules.batch.embedded`: the default engine (a process pool over Arrow record batches on every core).
* :mod:`margin_rules.batch.spark`: the same function on Apache Spark, grouped by account through Arrow.

Needs the ``[batch]`` extra (pyarrow); the Spark engine needs ``[spark]`` (pyspark).
"""

from __future__ import annotations

from margin_rules.batch.account import AccountInput, AccountResult, evaluate_account

__all__ = ["AccountInput", "AccountResult", "evaluate_account"]
