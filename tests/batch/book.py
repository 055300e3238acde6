"""Random books for the batch tests (seeded: every run builds the same book)."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
HOUSE = ROOT / "examples" / "rules" / "house.json"
SYMBOLS = ("AAPL", "MSFT", "TSLA", "GME", "SQQQ", "PENNY", "XYZ", "IBM", "F", "T")


def random_book(seed: int, accounts: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Accounts (some in a maintenance call, some with a negative SMA or prior-close figures, some under the Alpaca
    preset or a house rule set with a concentration add-on) and their positions (longs, shorts below and above the
    $5 and $16.67 thresholds, non-marginable, leveraged, fractional)."""
    rng = random.Random(seed)
    acc_rows: list[dict[str, object]] = []
    pos_rows: list[dict[str, object]] = []
    for i in range(accounts):
        aid = f"ACC{i:05d}"
        symbols = rng.sample(SYMBOLS, rng.randint(0, 6))
        gross = Decimal(0)
        for symbol in symbols:
            price = Decimal(rng.choice(["0.5", "2.49", "4.99", "5.00", "16.67", "42.125", "190.00", "1234.5678"]))
            quantity = Decimal(rng.randint(1, 2000)) * (1 if rng.random() < 0.75 else -1)
            if rng.random() < 0.1:
                quantity = quantity / 4  # fractional shares (exact)
            gross += abs(quantity) * price
            pos_rows.append(
                {
                    "account_id": aid,
                    "symbol": symbol,
                    "quantity": quantity,
                    "price": price,
                    "marginable": rng.random() > 0.1,
                    "leverage": Decimal(rng.choice([1, 1, 1, 2, 3])),
                    "cost_basis": None
                    if rng.random() < 0.3
                    else (quantity * price * Decimal("1.1")).quantize(Decimal("0.01")),
                }
            )
        # cash from a generous credit to a deep debit: many accounts end up restricted or in a call
        cash = (gross * Decimal(rng.choice(["0.3", "-0.5", "-0.7", "-0.8", "-1.2"]))).quantize(Decimal("0.01"))
        acc_rows.append(
            {
                "account_id": aid,
                "cash": cash if symbols else Decimal(rng.randint(-3000, 5000)),
                "sma": Decimal(rng.choice([0, 0, 1500, -800, -2500])),
                "prior_equity": None if rng.random() < 0.5 else Decimal(rng.randint(0, 60000)),
                "prior_maintenance": None if rng.random() < 0.5 else Decimal(rng.randint(0, 20000)),
                "rules": rng.choice([None, None, "alpaca", "house"]),
            }
        )
    for row in acc_rows:  # prior-close figures come in pairs
        if row["prior_equity"] is None or row["prior_maintenance"] is None:
            row["prior_equity"] = row["prior_maintenance"] = None
    return acc_rows, pos_rows


Rows = list[dict[str, object]]


def write_parquet(acc_rows: Rows, pos_rows: Rows, folder: Path) -> tuple[Path, Path]:
    """Money as decimal128 in the accounts table and as strings in the positions table (both are accepted)."""
    money = pa.decimal128(38, 10)
    accounts = pa.table(
        {
            "account_id": pa.array([r["account_id"] for r in acc_rows], pa.string()),
            "cash": pa.array([r["cash"] for r in acc_rows], money),
            "sma": pa.array([r["sma"] for r in acc_rows], money),
            "prior_equity": pa.array([r["prior_equity"] for r in acc_rows], money),
            "prior_maintenance": pa.array([r["prior_maintenance"] for r in acc_rows], money),
            "rules": pa.array([r["rules"] for r in acc_rows], pa.string()),
        }
    )
    positions = pa.table(
        {
            "account_id": [r["account_id"] for r in pos_rows],
            "symbol": [r["symbol"] for r in pos_rows],
            "quantity": [str(r["quantity"]) for r in pos_rows],
            "price": [str(r["price"]) for r in pos_rows],
            "marginable": pa.array([r["marginable"] for r in pos_rows], pa.bool_()),
            "leverage": pa.array([r["leverage"] for r in pos_rows], pa.decimal128(10, 0)),
            "cost_basis": [None if r["cost_basis"] is None else str(r["cost_basis"]) for r in pos_rows],
        }
    )
    acc_path, pos_path = folder / "accounts.parquet", folder / "positions.parquet"
    pq.write_table(accounts, acc_path)
    pq.write_table(positions, pos_path)
    return acc_path, pos_path
