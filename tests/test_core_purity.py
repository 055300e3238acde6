"""House rule "pure core, thin shell": the top-level core modules import no I/O, clock, randomness, environment or
concurrency module and never read the clock (parsed with ast, so nothing is executed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "margin_rules"
CORE_MODULES = sorted(CORE.glob("*.py"))

FORBIDDEN_MODULES = {
    "asyncio", "ctypes", "datetime.now", "ftplib", "getpass", "glob", "http", "importlib", "io", "locale",
    "logging", "mmap", "multiprocessing", "os", "pathlib", "pickle", "platform", "random", "requests", "secrets",
    "select", "selectors", "shelve", "shutil", "signal", "smtplib", "socket", "sqlite3", "ssl", "subprocess", "sys",
    "tempfile", "threading", "time", "urllib", "uuid", "warnings", "zoneinfo", "concurrent", "queue", "sched",
}  # fmt: skip
FORBIDDEN_CALLS = {"now", "today", "utcnow", "getenv", "open", "input", "print", "breakpoint", "perf_counter"}


def _violations(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        for name in names:
            if name.split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"line {node.lineno}: import {name}")
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in FORBIDDEN_CALLS:
                found.append(f"line {node.lineno}: call {called}()")
        if isinstance(node, ast.Attribute) and node.attr == "environ":
            found.append(f"line {node.lineno}: environ")
    return found


def test_core_modules_found() -> None:
    names = {p.name for p in CORE_MODULES}
    assert {"formulas.py", "requirements.py", "money.py", "arith.py", "model.py"} <= names


@pytest.mark.parametrize("path", CORE_MODULES, ids=[p.name for p in CORE_MODULES])
def test_core_module_is_pure(path: Path) -> None:
    assert _violations(ast.parse(path.read_text(), str(path))) == []


@pytest.mark.parametrize(
    "source",
    ["import os", "from time import monotonic", "import datetime\nx = datetime.datetime.now()", "from os import path",
     "import logging.handlers", "x = open('f')", "import sys", "from random import random", "import os.path"],
)  # fmt: skip
def test_the_checker_catches_impurity(source: str) -> None:
    """The purity check can fail: each impure snippet is caught."""
    assert _violations(ast.parse(source)) != []


def test_checker_allows_pure_imports() -> None:
    assert _violations(ast.parse("from decimal import Decimal\nfrom datetime import date\nimport icontract")) == []
