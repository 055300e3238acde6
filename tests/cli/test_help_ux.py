"""``--help`` as a newcomer reads it: no stray type marks, choices never cut mid-word, paragraphs reflowed, an example
for every command; and ``reconcile`` follows the same conventions as the other commands (typer help, ``--json`` to
stdout)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from margin_rules.buying_power import Mode
from margin_rules.cli.app import EXAMPLES, app, polish_help

polish_help(app)
COMMANDS = sorted(
    info.name or (info.callback.__name__.replace("_", "-") if info.callback else "") for info in app.registered_commands
)


def test_every_registered_command_has_an_example() -> None:
    assert {"evaluate", "what-if", "prove", "report", "reconcile", "demo"} <= set(COMMANDS)
    assert sorted(EXAMPLES) == COMMANDS, "give each command an example in margin_rules.cli.app.EXAMPLES"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("width", ["80", "120"])
def test_help_is_clean(cli, monkeypatch: pytest.MonkeyPatch, command: str, width: str) -> None:
    monkeypatch.setenv("COLUMNS", width)
    result = cli(command, "--help")
    assert result.code == 0
    out = result.stdout
    assert "<bool>" not in out
    assert f"Example: {EXAMPLES[command]}" in " ".join(out.split())
    # No paragraph keeps a hard break of the source: every line of the description (outside the option panels) that
    # is followed by a non-blank description line fills the width (no short line in the middle of a paragraph).
    text_lines = [line.rstrip() for line in out.splitlines() if not line.lstrip().startswith(("│", "╭", "╰"))]
    for line, following in itertools.pairwise(text_lines):
        if line.strip() and following.strip() and not line.strip().startswith("Usage"):
            assert len(line) > int(width) - 25, f"short line inside a paragraph: {line!r}"


@pytest.mark.parametrize("width", ["60", "80", "120"])
def test_mode_choices_are_never_cut_mid_word(cli, monkeypatch: pytest.MonkeyPatch, width: str) -> None:
    monkeypatch.setenv("COLUMNS", width)
    out = cli("evaluate", "--help").stdout
    words = set(re.findall(r"[a-z_]+", out))
    for mode in Mode:
        assert mode.value in words, f"{mode.value} cut at {width} columns"


def test_top_level_help_has_an_example_and_no_bool(cli) -> None:
    out = cli("--help").stdout
    assert "Example: margin-rules evaluate examples/long_only.json" in out
    assert "<bool>" not in out


def test_reconcile_help_is_typers_like_every_other(cli) -> None:
    out = cli("reconcile", "--help").stdout
    assert "Usage: margin-rules reconcile [OPTIONS]" in out
    for option in ("--json", "--json-file", "--watch", "--interval", "--iterations", "--tolerance", "--relative"):
        assert option in out


def test_reconcile_json_goes_to_stdout(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ALPACA_API_KEY", "ALPACA_SECRET_KEY", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here: skipped (exit 3), and the JSON says so on stdout
    result = cli("reconcile", "--json")
    assert result.code == 3
    assert json.loads(result.stdout) == {"skipped": "skipped: no credentials", "ok": False}
    assert "skipped: no credentials" in result.stderr
    saved = tmp_path / "out" / "r.json"
    result = cli("reconcile", "--json", "--json-file", str(saved))
    assert json.loads(saved.read_text()) == json.loads(result.stdout)


def test_reconcile_usage_error_is_the_reconcilers_code(cli) -> None:
    result = cli("reconcile", "--iterations", "0", "--watch", "--env-file", "")
    assert result.code == 2
