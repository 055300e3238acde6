"""The evaluation tables show only what the account can use, and explain every mark they use."""

from __future__ import annotations

from margin_rules.cli.render import BUYING_POWER_LEGEND


def _bp_rows(out: str) -> dict[str, str]:
    section = out[out.index("Buying power") :]
    rows = {}
    for label in ("Cash (1x)", "Reg T overnight", "Intraday margin", "Legacy day trading", "SMA x 2"):
        line = next(line for line in section.splitlines() if line.strip().startswith(label))
        rows[label] = line
    return rows


def test_an_account_forced_to_cash_shows_no_margin_amounts(cli) -> None:
    # below_minimum_equity: equity $1,620 < $2,000 (FINRA 4210(b)(1)): the intraday figure (4 x 1,590 = 6,360) and
    # the Reg T figure must not be offered as buying power.
    out = cli("evaluate", "examples/below_minimum_equity.json").stdout
    rows = _bp_rows(out)
    assert "$1,500.00" in rows["Cash (1x)"] and "buying_power" in rows["Cash (1x)"]
    for label in ("Reg T overnight", "Intraday margin", "Legacy day trading", "SMA x 2"):
        assert "$" not in rows[label], rows[label]
        assert "—" in rows[label]
    assert "$6,360" not in out and "$3,120" not in out


def test_a_margin_account_greys_the_other_regime_only(cli) -> None:
    out = cli("evaluate", "examples/long_only.json").stdout
    rows = _bp_rows(out)
    assert "$20,000.00" in rows["Reg T overnight"] and "buying_power" in rows["Reg T overnight"]
    assert "day trading" in rows["Intraday margin"]
    assert "not in force: the other day-trading regime" in rows["Legacy day trading"]


def test_every_mark_is_in_the_legend(cli) -> None:
    out = " ".join(cli("evaluate", "examples/below_minimum_equity.json").stdout.split())
    assert " ".join(BUYING_POWER_LEGEND.split()) in out
    for mark in ("Bold:", "Grey:", "—:", "n/a:", "1x:", "SMA x 2:"):
        assert mark in BUYING_POWER_LEGEND


def test_what_if_greys_the_modes_the_account_cannot_use(cli) -> None:
    out = cli("what-if", "examples/below_minimum_equity.json", "--buy", "F", "10").stdout
    section = out[out.index("Does it fit?") : out.index("The order")]
    rows = {
        line.split("  ")[1].strip(): line for line in section.splitlines() if line.startswith("  ") and "  " in line
    }
    assert "$1,500.00" in rows["Cash (1x)"] and "yes" in rows["Cash (1x)"]
    for label in ("Reg T overnight", "Intraday margin"):
        assert "not in force" in rows[label] and "$" not in rows[label] and "yes" not in rows[label]
    assert "Grey —:" in " ".join(section.split())
