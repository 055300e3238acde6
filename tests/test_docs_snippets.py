"""The documentation stands alone and its snippets run: every Python block of docs/from-lean-and-nautilus.md is
executed in order in one namespace; the README and docs/ link only to files of the project."""

from __future__ import annotations

import re
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_lean_and_nautilus_snippets_run() -> None:
    page = DOCS / "from-lean-and-nautilus.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 5
    namespace: dict[str, object] = {"__name__": "docs_example"}
    for block in blocks:
        exec(compile(block, str(page), "exec"), namespace)
    for concept in ("Buying-power model", "Maintenance margin", "Maximum order quantity", "Margin call model",
                    "Null model", "Margin call warning"):  # fmt: skip
        assert f"| {concept} |" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", [ROOT / "README.md", *sorted(DOCS.glob("*.md"))], ids=lambda p: p.name)
def test_links_stay_inside_the_project(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text and "TEAM_NOTES" not in text
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if not target.startswith(("http://", "https://")):
            assert (page.parent / target).exists(), f"{page.name} links to a missing {target}"


def test_rules_page_cites_every_rule_of_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rules = (DOCS / "rules.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Rules covered") : readme.index("## The 2026 regime change")]
    cited = set(re.findall(r"(?:220\.\d+(?:\([a-z0-9]+\))*|4210\([a-z]\)(?:\(\d+\))?|09-53|2012-024)", table))
    assert cited
    for citation in cited:
        assert citation in rules, f"docs/rules.md does not cite {citation}"


def test_architecture_page_replaces_the_team_notes() -> None:
    assert not (DOCS / "TEAM_NOTES.md").exists()
    text = (DOCS / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for heading in ("## Layers", "## Where a rule lives", "## Adding a rule", "## Running things"):
        assert heading in text
    assert "/work/" not in text


def test_live_account_state_is_read_through_methods_with_a_deprecation_shim() -> None:
    from margin_rules.live import MarginAccount
    from margin_rules.rulesets import finra

    account = MarginAccount(finra(), Decimal("1000"))
    assert callable(account.figures) and callable(account.health)
    assert account.current_mode() == account.base_mode
    assert account.opening_blocks() == {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert account.mode == account.current_mode()
        assert account.opening_blocked == account.opening_blocks()
    assert [type(w.message) for w in caught] == [DeprecationWarning, DeprecationWarning]
    assert "current_mode()" in str(caught[0].message) and "opening_blocks()" in str(caught[1].message)
