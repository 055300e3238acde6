"""``--help`` everywhere, ``prove``, ``report``, ``reconcile`` delegation, and the no-traceback guarantee."""

from __future__ import annotations

from pathlib import Path

import pytest

from margin_rules.cli import app as cli_app

COMMANDS = ["evaluate", "what-if", "prove", "report", "demo"]


def test_top_level_help_lists_commands_and_exit_codes(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for command in [*COMMANDS, "reconcile"]:
        assert command in result.stdout
    assert "Exit codes" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.code == 0
    assert "Usage" in result.stdout


def test_reconcile_help_is_the_reconcilers(cli) -> None:
    result = cli("reconcile", "--help")
    assert result.code == 0
    assert "usage" in result.stdout.lower()


def test_no_arguments_shows_help_once(cli) -> None:
    result = cli()
    assert result.code == 0
    assert "evaluate" in result.stdout
    assert result.stdout.count("Usage:") == 1


def test_unknown_option_is_a_usage_error(cli) -> None:
    result = cli("evaluate", "examples/long_only.json", "--colour")
    assert result.code == 2
    assert result.stderr.strip() == "error: No such option: --colour (see margin-rules evaluate --help)"


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["demo", "--ticks", "0"], "'--ticks'"),
        (["demo", "--interval", "fast"], "'--interval'"),
        (["what-if", "examples/long_only.json", "--buy", "AAPL", "1", "--mode", "legacy"], "'--mode'"),
        (["what-if", "examples/long_only.json", "--buy", "AAPL"], "'--buy'"),
        (["evaluate"], "'file'"),
        (["evaluate", "examples/long_only.json", "--policy", "random"], "'--policy'"),
        (["nosuch"], "'nosuch'"),
    ],
)
def test_usage_errors_are_one_line_naming_the_option(cli, argv: list[str], names: str) -> None:
    result = cli(*argv)
    assert result.code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert names in lines[0]
    assert "--help)" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_reconcile_without_credentials_is_skipped(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ALPACA_API_KEY", "ALPACA_SECRET_KEY", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env file here
    result = cli("reconcile")
    assert result.code == 3  # the reconciler's own code: skipped, never a pass
    assert "skipped" in result.stdout


def _fake_harness(tmp_path: Path, code: int) -> Path:
    (tmp_path / "proofs").mkdir()
    (tmp_path / "proofs" / "__main__.py").write_text(
        f"import sys\nprint('stage z3: 3 checks')\nprint('stage hypothesis: 2 checks')\nsys.exit({code})\n"
    )
    return tmp_path


@pytest.mark.parametrize("code", [0, 1])
def test_prove_runs_the_harness_and_passes_its_code(
    cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int
) -> None:
    root = _fake_harness(tmp_path, code)
    monkeypatch.setattr(cli_app, "project_root", lambda: root)
    result = cli("prove")
    assert result.code == code
    assert "stage z3: 3 checks" in result.stdout
    assert "stage hypothesis: 2 checks" in result.stdout
    assert f"exited with {code}" in result.stdout


def test_prove_without_harness(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_app, "project_root", lambda: None)
    result = cli("prove")
    assert result.code == 2
    assert "proofs/" in result.stderr


def test_report_missing(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cli_app, "project_root", lambda: tmp_path)
    result = cli("report")
    assert result.code == 2
    assert "no proof report yet" in result.stderr


def test_report_prints_and_opens(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    page = tmp_path / "reports" / "proof-report.html"
    page.write_text("<html></html>")
    monkeypatch.setattr(cli_app, "project_root", lambda: tmp_path)
    opened: list[str] = []
    monkeypatch.setattr(cli_app.webbrowser, "open", lambda uri: opened.append(uri) or True)
    result = cli("report", "--open")
    assert result.code == 0
    assert result.stdout.strip() == str(page)
    assert opened == [page.resolve().as_uri()]
    assert cli("report").code == 0
    assert len(opened) == 1


def test_an_unexpected_failure_is_one_line_exit_3(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(cli_app, "evaluate_snapshot", boom)
    result = cli("evaluate", "examples/long_only.json")
    assert result.code == 3
    assert result.stderr.strip() == "error: internal error: RuntimeError: simulated bug"
