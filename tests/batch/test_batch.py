"""``margin_rules.batch`` and ``margin-rules batch``: the figures of the single-account API, exactly, for every account
of a random book; float columns refused by name; bad values named by table, row and column; rejects; atomic outputs."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from margin_rules import Account, Position, finra
from margin_rules.batch import embedded
from margin_rules.batch.files import read_input
from margin_rules.batch.tables import OUTPUT_SCHEMAS, BatchConfig, BatchInputError, FloatColumnError, process_group
from margin_rules.buying_power import Mode, buying_power, effective_mode
from margin_rules.cli.app import main
from margin_rules.cli.io import load_rules
from margin_rules.health import health
from margin_rules.live.calendar import regt_call_due_date
from margin_rules.margin_call import CallKind, liquidation_plan, margin_calls
from margin_rules.requirements import account_requirements
from margin_rules.withdrawal import max_withdrawal
from tests.batch.book import HOUSE, Rows, random_book, write_parquet

TRADE_DATE = dt.date(2026, 12, 4)  # a Friday, an NYSE business day


def config(collect: bool = False) -> BatchConfig:
    house = json.dumps(json.loads(HOUSE.read_text()))
    return BatchConfig(
        (("finra", "finra"), ("alpaca", "alpaca"), ("house", house)),
        "finra",
        trade_date=TRADE_DATE,
        collect_rejects=collect,
    )


def read_output(path: Path) -> pa.Table:
    """An output table; CSV with the output schema's types (text stays text: exact)."""
    if path.suffix == ".parquet" or path.is_dir():
        return pq.read_table(path)
    name = path.stem if path.stem in OUTPUT_SCHEMAS else "rejects"
    types = {f.name: f.type for f in OUTPUT_SCHEMAS[name]}
    options = pacsv.ConvertOptions(column_types=types, strings_can_be_null=True, null_values=[""])
    return pacsv.read_csv(path, convert_options=options)


def _dec(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _by(table: pa.Table, *keys: str) -> dict[tuple[object, ...], dict[str, object]]:
    return {tuple(row[k] for k in keys): row for row in table.to_pylist()}


def check_against_api(acc_rows: Rows, pos_rows: Rows, out: Path, ext: str) -> None:
    """Every output figure equals what the single-account API returns for that account (exact Decimal equality)."""
    accounts = _by(read_output(out / f"accounts{ext}"), "account_id")
    positions = _by(read_output(out / f"positions{ext}"), "account_id", "symbol")
    calls = _by(read_output(out / f"calls{ext}"), "account_id", "kind")
    orders = _by(read_output(out / f"orders{ext}"), "account_id", "seq")
    assert len(accounts) == len(acc_rows)
    rule_sets = {None: finra(), "alpaca": load_rules("alpaca"), "house": load_rules(str(HOUSE))}
    seen_call = seen_plan = seen_regt = False
    for row in acc_rows:
        aid = row["account_id"]
        held = tuple(
            Position(p["symbol"], p["quantity"], p["price"], p["marginable"], p["leverage"], p["cost_basis"])
            for p in pos_rows
            if p["account_id"] == aid
        )
        account = Account(row["cash"], held, row["sma"], row["prior_equity"], row["prior_maintenance"])
        rules = rule_sets[row["rules"]]
        figs = account_requirements(account, rules)
        bp = buying_power(account, rules)
        out_row = accounts[(aid,)]
        assert _dec(out_row["equity"]) == figs.equity
        assert _dec(out_row["long_market_value"]) == figs.long_market_value
        assert _dec(out_row["short_market_value"]) == figs.short_market_value
        assert _dec(out_row["maintenance"]) == figs.maintenance
        assert _dec(out_row["initial"]) == figs.initial
        assert _dec(out_row["maintenance_excess"]) == figs.maintenance_excess
        assert _dec(out_row["initial_excess"]) == figs.initial_excess
        assert out_row["health"] == health(account, rules).value
        assert _dec(out_row["buying_power_reg_t"]) == bp.reg_t
        assert _dec(out_row["buying_power_cash"]) == bp.cash
        assert _dec(out_row["buying_power_sma"]) == bp.sma
        assert _dec(out_row["buying_power_intraday"]) == bp.intraday
        assert _dec(out_row["buying_power_legacy_day_trading"]) == bp.legacy_day_trading
        assert out_row["buying_power_mode"] == effective_mode(figs.equity, rules, Mode.REG_T).value
        assert _dec(out_row["max_withdrawal"]) == max_withdrawal(account, rules)
        for item in figs.positions:
            p_row = positions[(aid, item.symbol)]
            assert _dec(p_row["maintenance"]) == item.maintenance
            assert _dec(p_row["initial"]) == item.initial
            assert _dec(p_row["market_value"]) == item.market_value
            assert _dec(p_row["house_rate"]) == item.house_rate
        expected_calls = margin_calls(account, rules)
        assert out_row["call_count"] == len(expected_calls)
        for call in expected_calls:
            seen_call = True
            c_row = calls[(aid, call.kind.value)]
            assert _dec(c_row["amount"]) == call.amount
            due = c_row["due_date"]
            if call.kind is CallKind.REG_T:
                seen_regt = True
                assert str(due) == regt_call_due_date(TRADE_DATE).isoformat()
            else:
                assert due is None
        if any(c.kind is CallKind.MAINTENANCE for c in expected_calls):
            seen_plan = True
            plan = liquidation_plan(account, rules)
            assert out_row["plan_cures"] == plan.cures
            assert _dec(out_row["plan_deficiency"]) == plan.deficiency
            assert out_row["plan_order_count"] == len(plan.orders)
            for seq, order in enumerate(plan.orders):
                o_row = orders[(aid, seq)]
                assert (o_row["symbol"], o_row["side"]) == (order.symbol, order.side.value)
                assert _dec(o_row["quantity"]) == order.quantity
        else:
            assert out_row["plan_cures"] is None
    assert seen_call and seen_plan and seen_regt  # the book exercises every kind of output


@pytest.mark.parametrize(("workers", "fmt"), [(1, "parquet"), (2, "csv")])
def test_random_book_equals_single_account_api(tmp_path: Path, workers: int, fmt: str) -> None:
    acc_rows, pos_rows = random_book(seed=12, accounts=60)
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    summary = embedded.run(
        acc_path, pos_path, tmp_path / "out", config(), fmt=fmt, workers=workers, partition_positions=25
    )
    assert (summary.accounts, summary.positions, summary.rejects) == (len(acc_rows), len(pos_rows), 0)
    check_against_api(acc_rows, pos_rows, tmp_path / "out", "." + fmt)


def test_partitions_keep_accounts_whole(tmp_path: Path) -> None:
    acc_rows, pos_rows = random_book(seed=3, accounts=40)
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    accounts, positions = read_input(acc_path, "accounts"), read_input(pos_path, "positions")
    seen: set[str] = set()
    parts = list(embedded.partitions(accounts, positions, 7))
    assert len(parts) > 3
    for acc, pos in parts:
        ids = set(acc.column("account_id").to_pylist()) | set(pos.column("account_id").to_pylist())
        assert not ids & seen
        seen |= ids
    assert sum(p.num_rows for _, p in parts) == len(pos_rows)
    assert sum(a.num_rows for a, _ in parts) == len(acc_rows)


def test_float_column_is_refused_by_name(tmp_path: Path) -> None:
    pq.write_table(pa.table({"account_id": ["A"], "cash": pa.array([1.5], pa.float64())}), tmp_path / "a.parquet")
    with pytest.raises(FloatColumnError) as caught:
        read_input(tmp_path / "a.parquet", "accounts")
    assert (caught.value.table, caught.value.column) == ("accounts", "cash")
    assert "floating-point" in str(caught.value)


def test_unknown_and_missing_columns_are_refused(tmp_path: Path) -> None:
    pq.write_table(pa.table({"account_id": ["A"], "cash": ["1"], "levrage": ["2"]}), tmp_path / "a.parquet")
    with pytest.raises(BatchInputError, match="column levrage: unknown column"):
        read_input(tmp_path / "a.parquet", "accounts")
    pq.write_table(pa.table({"account_id": ["A"]}), tmp_path / "b.parquet")
    with pytest.raises(BatchInputError, match="column cash: required column missing"):
        read_input(tmp_path / "b.parquet", "accounts")


def _csv_book(folder: Path) -> tuple[Path, Path]:
    (folder / "acc.csv").write_text("account_id,cash,sma\nA1,-10000,0\nA2,5000,\nA3,12x,\n")
    (folder / "pos.csv").write_text(
        "account_id,symbol,quantity,price,marginable\n"
        "A1,AAPL,100,190.00,true\n"
        "A2,MSFT,5,420,\n"
        "A2,IBM,1,-3,\n"
        "A9,Z,1,1,\n"
    )
    return folder / "acc.csv", folder / "pos.csv"


def test_bad_value_names_table_row_and_column(tmp_path: Path) -> None:
    acc, pos = _csv_book(tmp_path)
    accounts, positions = read_input(acc, "accounts"), read_input(pos, "positions")
    with pytest.raises(BatchInputError) as caught:
        process_group(accounts, positions, config())
    # accounts are taken in id order: A2's third position row (a negative price) is the first bad value
    assert (caught.value.table, caught.value.row, caught.value.column) == ("positions", 3, "price")
    assert str(caught.value).startswith("positions row 3, column price:")


def test_rejects_side_table_and_count(tmp_path: Path) -> None:
    acc, pos = _csv_book(tmp_path)
    summary = embedded.run(acc, pos, tmp_path / "out", config(), fmt="parquet", rejects=tmp_path / "rej.csv", workers=1)
    rejects = read_output(tmp_path / "rej.csv").to_pylist()
    keyed = {(r["table"], r["row"], r["column"]) for r in rejects}
    assert keyed == {
        ("positions", 3, "price"),  # negative price
        ("accounts", 2, None),  # A2 not evaluated because of it
        ("accounts", 3, "cash"),  # 12x
        ("positions", 4, "account_id"),  # A9 has no account row
    }
    assert (summary.accounts, summary.positions, summary.rejects, summary.rejected_accounts) == (1, 1, 4, 3)
    assert pq.read_table(tmp_path / "out" / "accounts.parquet").column("account_id").to_pylist() == ["A1"]


def test_failed_partition_leaves_no_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    acc_rows, pos_rows = random_book(seed=5, accounts=30)
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    calls = {"n": 0}
    real = embedded.process_group

    def failing(*args: object) -> dict[str, pa.Table]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("partition killed")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(embedded, "process_group", failing)
    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="partition killed"):
        embedded.run(acc_path, pos_path, out, config(), workers=1, partition_positions=5, rejects=tmp_path / "r.csv")
    assert calls["n"] == 3  # two partitions had been written to the temporary files
    assert list(out.iterdir()) == []
    assert not (tmp_path / "r.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_worker_process_leaves_no_output_file(tmp_path: Path) -> None:
    """In the process pool: a later partition's rule set cannot be built (a bad rule-set document), the run fails."""
    acc_rows, pos_rows = random_book(seed=6, accounts=30)
    acc_rows[-1]["rules"] = "broken"
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    bad = BatchConfig((("finra", "finra"), ("alpaca", "alpaca"), ("house", "{}"), ("broken", "{")), "finra")
    out = tmp_path / "out"
    with pytest.raises(Exception):  # noqa: B017 - whatever the worker raised, the run must fail
        embedded.run(acc_path, pos_path, out, bad, workers=2, partition_positions=5)
    assert not out.exists() or list(out.iterdir()) == []


def test_cli_batch_parquet_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acc_rows, pos_rows = random_book(seed=8, accounts=20)
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    out = tmp_path / "out"
    argv = [
        "batch", str(acc_path), str(pos_path), "--out", str(out), "--rule-set", f"house={HOUSE}",
        "--as-of", TRADE_DATE.isoformat(), "--workers", "1", "--no-progress",
    ]  # fmt: skip
    assert main(argv) == 0
    assert f"{len(acc_rows)} accounts, {len(pos_rows)} positions evaluated" in capsys.readouterr().out
    check_against_api(acc_rows, pos_rows, out, ".parquet")
    acc, pos = _csv_book(tmp_path)
    assert main(["batch", str(acc), str(pos), "--out", str(tmp_path / "o2"), "--no-progress"]) == 2
    assert "positions row 3, column price" in capsys.readouterr().err
    assert not (tmp_path / "o2").exists() or list((tmp_path / "o2").iterdir()) == []
    rej = tmp_path / "rej.parquet"
    code = main(["batch", str(acc), str(pos), "--out", str(tmp_path / "o3"), "--rejects", str(rej), "--no-progress"])
    assert code == 0
    assert "4 rows rejected (3 accounts)" in capsys.readouterr().out
    assert pq.read_table(rej).num_rows == 4


def test_schema_document_names_every_column() -> None:
    from margin_rules.batch.tables import INPUTS

    text = (Path(__file__).resolve().parents[2] / "docs" / "batch-schema.md").read_text()
    names = {c.name for spec in INPUTS.values() for c in spec} | {n for s in OUTPUT_SCHEMAS.values() for n in s.names}
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert missing == []


def test_arrow_ipc_input_and_output(tmp_path: Path) -> None:
    acc_rows, pos_rows = random_book(seed=9, accounts=15)
    acc_path, pos_path = write_parquet(acc_rows, pos_rows, tmp_path)
    for path in (acc_path, pos_path):
        table = pq.read_table(path)
        with pa.ipc.new_file(str(path.with_suffix(".arrow")), table.schema) as writer:
            writer.write_table(table)
    out = tmp_path / "out"
    summary = embedded.run(
        acc_path.with_suffix(".arrow"), pos_path.with_suffix(".arrow"), out, config(), fmt="arrow", workers=1
    )
    assert summary.accounts == len(acc_rows)
    for name in ("accounts", "positions", "calls", "orders"):
        with pa.memory_map(str(out / f"{name}.arrow")) as source:
            assert pa.ipc.open_file(source).read_all().equals(pq.read_table(_parquet_run(tmp_path) / f"{name}.parquet"))


def _parquet_run(tmp_path: Path) -> Path:
    out = tmp_path / "out_parquet"
    if not out.exists():
        embedded.run(tmp_path / "accounts.parquet", tmp_path / "positions.parquet", out, config(), workers=1)
    return out
