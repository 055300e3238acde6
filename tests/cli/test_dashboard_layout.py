"""The dashboard as a terminal shows it, captured with rich's recording console at 80x24 and 160 columns.

Checked on the capture: nothing is cut off (every line fits the width, the whole frame fits the height with the key
hint last), the margin call and the last health change stay pinned while the event log scrolls, money has one format,
and no internal name reaches the screen.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from margin_rules.cli import dashboard
from margin_rules.cli.dashboard import DashboardState
from margin_rules.rulesets import alpaca

KEYS = "keys: c crash the largest long · q quit"
INTERNAL = ("LIQUIDATION_CALL", "margin_call ->", "at_risk", "reg_t call", "partially_filled", "losers_first", "*")


def _states(ticks: int = 14, crash_at: int = 3) -> list[DashboardState]:
    demo = dashboard.Demo(alpaca(), seed=7)
    try:
        return [demo.step(crash="AAPL" if tick == crash_at else None, status=KEYS) for tick in range(1, ticks + 1)]
    finally:
        demo.close()


def capture(state: DashboardState, width: int, height: int) -> list[str]:
    console = Console(width=width, height=height, record=True, color_system=None, file=io.StringIO())
    console.print(dashboard.render(state, width, height))
    return console.export_text().rstrip("\n").splitlines()


@pytest.fixture(scope="module")
def states() -> list[DashboardState]:
    return _states()


@pytest.mark.parametrize(("width", "height"), [(80, 24), (100, 30), (160, 24), (160, 48)])
def test_the_frame_fits_the_terminal(states: list[DashboardState], width: int, height: int) -> None:
    for state in (states[2], states[-1]):  # the crash's tick (a call, a block) and later
        lines = capture(state, width, height)
        assert len(lines) <= height - 1, f"{len(lines)} lines at {width}x{height}"  # one row left for the cursor
        assert all(len(line) <= width for line in lines)
        assert KEYS in lines[-2]  # the key hint is the last line inside the frame
        account = "\n".join(lines).split("Open orders")[0]  # the figures, buying power and positions
        assert "…" not in account, "a figure is cut off"
        assert not re.search(r"\$[\d,.]*…", "\n".join(lines)), "an amount is cut off"


def test_the_call_and_the_last_change_are_pinned(states: list[DashboardState]) -> None:
    crash = states[2]
    assert crash.calls and crash.blocked
    screen = "\n".join(capture(crash, 80, 24))
    assert "MARGIN CALL: Maintenance call $" in screen
    assert "Opening orders blocked until the maintenance call of $" in screen
    assert "Last change (tick 3): health Healthy -> Maintenance call after a price move" in screen
    # Eleven ticks later the crash has scrolled out of the 80x24 log, but the last health change is still on screen.
    later = "\n".join(capture(states[-1], 80, 24))
    assert "CRASH" not in later
    assert "Last change (tick " in later


def test_money_has_one_format_and_no_internal_name_shows(states: list[DashboardState]) -> None:
    for state in (states[2], states[3], states[-1]):
        for width, height in ((80, 24), (160, 48)):
            screen = "\n".join(capture(state, width, height))
            assert not re.search(r"\d\.\d{3,}", screen), "an amount shown with more than two decimals"
            assert not re.search(r"(?<![$\d,.])\d{4,}\.\d\d(?!%)", screen), "an amount without $ and separators"
            for name in INTERNAL:
                assert name not in screen, name


def test_a_wide_terminal_uses_both_halves(states: list[DashboardState]) -> None:
    lines = capture(states[-1], 160, 48)
    right_half = [line[82:-1] for line in lines[1:-1]]
    used = sum(1 for part in right_half if part.strip())
    assert used >= 0.6 * len(right_half), "the right half of a 160-column screen is mostly empty"
    assert any("Equity" in line[:80] and line[82:].strip() for line in lines)  # side by side, not stacked
    events = [line for line in lines if re.match(r"│.{78,}\s+\d+  \S", line)]
    assert len(events) > dashboard.MAX_EVENTS  # a tall wide screen shows more of the log


def test_the_event_log_fills_what_is_left(states: list[DashboardState]) -> None:
    short = capture(states[-1], 80, 24)
    tall = capture(states[-1], 80, 36)
    assert len(tall) > len(short)
    assert len(tall) <= 35


# --- recorded terminal captures ----------------------------------------------------------------------------------
# tests/cli/captures/demo_WxH.txt: `tmux new-session -d -x W -y H "margin-rules demo --crash AAPL --crash-at 3 --ticks 8
# --interval 0.3"`, then `tmux capture-pane -p` after the last tick (re-record them when the layout changes).

CAPTURES = Path(__file__).resolve().parent / "captures"


@pytest.mark.parametrize(("name", "width", "height"), [("demo_80x24.txt", 80, 24), ("demo_160x48.txt", 160, 48)])
def test_recorded_terminal_capture(name: str, width: int, height: int) -> None:
    lines = [line for line in (CAPTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0].startswith("╭") and lines[-1].startswith("╰"), "the whole frame is on screen"
    assert len(lines) <= height
    assert all(len(line) <= width for line in lines)
    assert KEYS in lines[-2]
    screen = "\n".join(lines)
    assert "Last change (tick 4): health Maintenance call -> Restricted after a fill" in screen
    assert not re.search(r"\$[\d,.]*…", screen)
    for internal in INTERNAL:
        assert internal not in screen
    if width >= dashboard.WIDE:
        assert sum(1 for line in lines[1:-1] if line[82:-1].strip()) >= 0.6 * (len(lines) - 2)
