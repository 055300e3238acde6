"""Shared fixtures of the core tests (keep minimal: fixtures only)."""

from __future__ import annotations

import pytest

from margin_rules import RuleSet, alpaca, finra


@pytest.fixture
def finra_rules() -> RuleSet:
    """The regulatory minimum preset (Reg T 220.12 + FINRA 4210)."""
    return finra()


@pytest.fixture
def alpaca_rules() -> RuleSet:
    """Alpaca's published table ("Margin and Short Selling")."""
    return alpaca()
