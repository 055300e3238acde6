"""The package as a new user installs and imports it: the star import, the messages of a missing extra, the license.

A missing extra is simulated in a subprocess by blocking its modules (``sys.modules[name] = None`` makes ``import name``
raise ModuleNotFoundError, exactly as when the package is not installed), so the test needs no second environment.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import margin_rules
from margin_rules.errors import EXIT_MISSING_EXTRA, MissingExtraError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_star_import_binds_every_name_in_all() -> None:
    namespace: dict[str, object] = {}
    exec("from margin_rules import *", namespace)
    missing = [name for name in margin_rules.__all__ if name not in namespace]
    assert missing == []
    assert len(set(margin_rules.__all__)) == len(margin_rules.__all__)
    assert "effective_mode" in namespace


def _run_blocked(blocked: list[str], code: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    prelude = "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in blocked)
    return subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, cwd=cwd, timeout=120, check=False
    )


def _cli_blocked(blocked: list[str], *argv: str) -> subprocess.CompletedProcess[str]:
    args = ", ".join(repr(a) for a in argv)
    return _run_blocked(blocked, f"from margin_rules.cli import main\nsys.exit(main([{args}]))\n")


def _one_line(result: subprocess.CompletedProcess[str], extra: str) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"pip install 'margin_rules[{extra}]'" in lines[0]
    assert f"'{extra}' extra" in lines[0]
    return lines[0]


@pytest.mark.parametrize("module", ["typer", "rich"])
def test_command_without_the_cli_extra_names_it(module: str) -> None:
    result = _cli_blocked([module], "evaluate", "examples/long_only.json")
    assert result.returncode == EXIT_MISSING_EXTRA, result.stderr
    line = _one_line(result, "cli")
    assert line.startswith("error: the margin-rules command needs")
    assert result.stdout == ""


def test_live_without_holidays_names_the_account_extra() -> None:
    result = _run_blocked(["holidays"], "import margin_rules.live\n")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last == (
        "margin_rules.errors.MissingExtraError: margin_rules.live needs the 'account' extra (holidays is not "
        "installed): pip install 'margin_rules[account]'"
    )
    # An ImportError (what callers already catch for optional features), and the core still imports.
    ok = _run_blocked(
        ["holidays"], "import margin_rules\ntry:\n import margin_rules.live\nexcept ImportError: print('ok')\n"
    )
    assert ok.stdout.strip() == "ok", ok.stderr


def test_demo_without_holidays_names_the_account_extra() -> None:
    result = _cli_blocked(["holidays"], "demo", "--ticks", "1")
    assert result.returncode == EXIT_MISSING_EXTRA, result.stderr
    assert _one_line(result, "account").startswith("error: margin_rules.live needs the 'account' extra")


@pytest.mark.parametrize(
    "argv",
    [
        ("carry", "examples/margin_call.json", "--from", "2026-07-01", "--to", "2026-08-03"),
        ("evaluate", "examples/long_only.json", "--portfolio-margin"),
    ],
)
def test_commands_on_nyse_days_without_holidays_name_the_account_extra(argv: tuple[str, ...]) -> None:
    result = _cli_blocked(["holidays"], *argv)
    assert result.returncode == EXIT_MISSING_EXTRA, result.stderr
    _one_line(result, "account")


@pytest.mark.parametrize("module", ["alpaca", "dotenv"])
def test_reconcile_without_the_alpaca_extra_names_it(module: str) -> None:
    result = _cli_blocked([module], "reconcile")
    assert result.returncode == EXIT_MISSING_EXTRA, result.stderr  # not 3, which means "skipped: no credentials"
    assert _one_line(result, "alpaca").startswith("error: margin-rules reconcile needs the 'alpaca' extra")
    assert "internal error" not in result.stderr


def test_alpaca_document_without_the_alpaca_extra_names_it() -> None:
    result = _cli_blocked(["alpaca"], "evaluate", "examples/alpaca_account.json")
    assert result.returncode == EXIT_MISSING_EXTRA, result.stderr
    _one_line(result, "alpaca")


def test_core_commands_work_without_the_other_extras() -> None:
    """With only the cli extra: evaluate and what-if need neither holidays nor alpaca-py."""
    result = _cli_blocked(["holidays", "alpaca", "dotenv"], "evaluate", "examples/long_only.json", "--json")
    assert result.returncode == 0, result.stderr
    assert '"equity": "30000.00"' in result.stdout


def test_missing_extra_error_is_an_import_error_with_one_line() -> None:
    error = MissingExtraError("feature x", "cli", "typer")
    assert isinstance(error, ImportError)
    assert str(error) == "feature x needs the 'cli' extra (typer is not installed): pip install 'margin_rules[cli]'"
    assert "\n" not in str(error)


def test_exit_code_of_a_missing_extra_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    schema = (ROOT / "docs" / "account-schema.md").read_text(encoding="utf-8")
    assert f"{EXIT_MISSING_EXTRA} an optional extra is not installed" in readme
    assert f"| {EXIT_MISSING_EXTRA} | An optional extra is not installed" in schema


def test_packaging_metadata_is_spdx_with_the_license_file() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "Apache-2.0"  # a string (PEP 639), not the deprecated table
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text and "APPENDIX: How to apply the Apache License" in text
    assert project["scripts"]["margin-rules"] == "margin_rules.cli:main"  # imports typer only when run
