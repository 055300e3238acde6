"""``margin-rules what-if``: requirement, fit per mode, the largest quantity, the account after, exit codes."""

from __future__ import annotations

import pytest


def _what_if(cli, *argv: str) -> dict[str, object]:
    result = cli("what-if", *argv, "--json")
    assert result.stderr == "", result.stderr
    data = result.json()
    assert result.code == (0 if data["fits"] else 1)
    return data


def test_buy_that_fits(cli) -> None:
    data = _what_if(cli, "examples/long_only.json", "--buy", "AAPL", "100")
    assert data["order"] == {
        "symbol": "AAPL",
        "side": "buy",
        "qty": "100",
        "price": "190.00",  # the position's price when --price is not given
        "notional": "19000.00",
        "asset_marginable": True,
        "leverage": "1",
    }
    requirement = data["requirement"]
    assert isinstance(requirement, dict)
    assert requirement["initial_margin"] == "9500.00"  # Reg T 50% of 19,000
    assert requirement["maintenance_margin"] == "4750.00"  # 25%
    assert requirement["required_equity"] == "29500.00"  # 20,000 + 9,500
    assert data["fits"] is True
    # Reg T excess 10,000 at 95 a share (50% of 190): 105 shares fit, 106 do not.
    assert data["max_qty"] == "105"
    after = data["after"]
    assert isinstance(after, dict)
    assert after["cash"] == "-29000.00"
    assert after["equity"] == "30000.00"  # buying at market value leaves equity unchanged
    assert after["maintenance_margin"] == "14750.00"
    assert after["initial_margin"] == "29500.00"


def test_largest_quantity_is_exactly_the_boundary(cli) -> None:
    fits = cli("what-if", "examples/long_only.json", "--buy", "AAPL", "105", "--json")
    too_many = cli("what-if", "examples/long_only.json", "--buy", "AAPL", "106", "--json")
    assert (fits.code, too_many.code) == (0, 1)
    assert too_many.json()["reason"] == "insufficient buying power"
    assert fits.json()["after_is_hypothetical"] is False
    # The account if the order were filled anyway (clearly labelled): 106 x 190 = 20,140 more debit, and the Reg T
    # call it would cause: SMA 5,000 - 50% x 20,140 = -5,070 (Reg T 220.5).
    data = too_many.json()
    assert data["after_is_hypothetical"] is True
    after = data["after"]
    assert isinstance(after, dict)
    assert after["cash"] == "-30140.00"
    assert after["equity"] == "30000.00"
    assert after["initial_margin"] == "30070.00"
    assert after["sma"] == "-5070.00"
    assert after["margin_call"] == {
        "kind": "reg_t",
        "label": "Reg T call",
        "amount": "5070.00",
        "rule": after["margin_call"]["rule"],
        "count": 1,
    }
    assert "if it were filled" in data["after_note"]


def test_an_order_that_does_not_fit_still_shows_the_account_if_filled(cli) -> None:
    result = cli("what-if", "examples/long_only.json", "--buy", "AAPL", "106")
    assert result.code == 1
    out = result.stdout
    assert "does NOT fit" in out
    assert "Account if the order were filled" in out
    assert "hypothetical" in out
    assert "If filled" in out
    assert "Account after the order (" not in out
    assert "Largest buy that fits: 105 shares" in out


def test_cash_mode_refuses_a_short_sale(cli) -> None:
    data = _what_if(cli, "examples/long_only.json", "--short", "NEW", "10", "--price", "50", "--mode", "cash")
    assert data["fits"] is False
    assert data["reason"] == "a cash account cannot sell short (Reg T 220.8)"
    assert data["max_qty"] == "0"
    assert data["after_is_hypothetical"] is True
    after = data["after"]
    assert isinstance(after, dict)
    assert after["cash"] == "-9500.00"  # -10,000 + 10 x 50 of short-sale proceeds


def test_below_the_minimum_equity_the_core_picks_cash(cli, tmp_path) -> None:
    small = tmp_path / "small.json"
    small.write_text('{"cash": "1500.00", "positions": [{"symbol": "F", "quantity": 10, "price": "12.00"}]}')
    data = _what_if(cli, str(small), "--buy", "F", "10")
    assert data["requested_mode"] == "reg_t"
    assert data["mode"] == "cash"  # equity 1,620 < 2,000: FINRA 4210(b)(1), effective_mode
    assert data["max_qty"] == "125"  # 1,500 of cash at 12.00
    table = cli("what-if", str(small), "--buy", "F", "10")
    words = " ".join(table.stdout.replace("│", " ").split())
    assert "mode: Cash (1x) (requested Reg T overnight: equity is below the $2,000 minimum" in words
    evaluated = cli("evaluate", str(small), "--json").json()
    assert (evaluated["buying_power_mode"], evaluated["requested_buying_power_mode"]) == ("cash", "reg_t")
    assert evaluated["buying_power"] == "1500.00"


def test_short_below_five_dollars_carries_100_percent(cli) -> None:
    data = _what_if(cli, "examples/long_only.json", "--short", "LOWP", "1000", "--price", "4.99")
    requirement = data["requirement"]
    assert isinstance(requirement, dict)
    assert requirement["maintenance_margin"] == "4990.00"  # max(2.50 x 1000, 100% x 4,990)
    assert requirement["initial_margin"] == "4990.00"


def test_closing_order_always_fits_even_under_a_call(cli) -> None:
    data = _what_if(cli, "examples/margin_call.json", "--sell", "XYZ", "334")
    assert data["fits"] is True
    assert data["reason"] == "closing order"
    after = data["after"]
    assert isinstance(after, dict)
    assert after["health"] != "LIQUIDATION_CALL"  # the liquidation plan's 334 shares cure the call
    assert after["margin_call"] is None


def test_opening_order_under_a_call_does_not_fit(cli) -> None:
    result = cli("what-if", "examples/margin_call.json", "--buy", "XYZ", "1")
    assert result.code == 1
    assert "does NOT fit" in result.stdout
    assert "Largest buy that fits: 0 shares" in result.stdout


def test_mode_changes_the_budget(cli) -> None:
    data = _what_if(cli, "examples/long_only.json", "--buy", "AAPL", "1", "--mode", "intraday")
    assert data["mode"] == "intraday"
    assert data["max_qty"] == "421"  # intraday level 20,000 at 25% x 190 = 47.50 a share: 421.05


def test_table_output(cli) -> None:
    result = cli("what-if", "examples/long_only.json", "--buy", "AAPL", "100")
    assert result.code == 0
    for text in ("Buy 100 AAPL at $190.00", "Does it fit?", "Reg T overnight", "The order fits", "Largest buy"):
        assert text in result.stdout
    assert "Account after the order" in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--buy", "AAPL", "10", "--sell", "AAPL", "5"], "give exactly one of --buy, --sell or --short"),
        ([], "give exactly one of --buy, --sell or --short"),
        (["--buy", "NEW", "10"], "NEW is not in the account: give --price"),
        (["--buy", "AAPL", "-5"], "order.quantity: an order quantity is positive"),
        (["--buy", "AAPL", "ten"], "order.quantity: 'ten' is not a number"),
        (["--buy", "AAPL", "1", "--price", "0"], "order.price: an order price is positive"),
        (["--buy", "AAPL", "1", "--price", "1.5e400"], "order.price"),
    ],
)
def test_bad_orders(cli, argv: list[str], expected: str) -> None:
    result = cli("what-if", "examples/long_only.json", *argv)
    assert result.code == 2, result.stdout
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
