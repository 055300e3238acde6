"""Hypothesis profiles of the property suite, canary injection, and per-property metadata for the proof report.

Profiles (select with the environment variable ``MARGIN_HYPOTHESIS_PROFILE``; when it is unset Hypothesis' own default
profile is left alone, so other test directories are unaffected):

* ``dev``: quick local runs.
* ``proof``: ``make prove`` (``proofs/stage_hypothesis.py``): more examples, derandomized (a fixed seed derived from
  each test), no example database, no deadline: the same code gives the same run.
* ``mutation``: the fast targeted selection mutmut runs for every mutant (``proofs/mutation.py``): few random examples,
  derandomized, no shrinking (a failure is all mutation testing needs).

``MARGIN_CANARY=<id>`` applies that planted bug (:mod:`canaries`) for the whole session: used to show that the mutation
test selection kills each canary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "proof",
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "mutation",
    max_examples=20,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "canary",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
if os.environ.get("MARGIN_HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["MARGIN_HYPOTHESIS_PROFILE"])


@pytest.fixture(autouse=True)
def _fresh_specialised_code() -> None:
    """Every test starts from freshly generated specialised requirement code: the library generates it from the formulas
    and memoises it, so without this a mutmut mutant of a formula (switched on per run) or a canary could be hidden by
    code generated earlier, and mutmut would attribute a formula to the one test that happened to generate it."""
    import canaries

    canaries.clear_specialised_code()


@pytest.fixture(scope="session", autouse=True)
def _planted_canary() -> Iterator[None]:
    """Apply ``MARGIN_CANARY`` for the session."""
    import canaries

    name = os.environ.get("MARGIN_CANARY")
    if not name:
        yield
        return
    with canaries.canary(name).applied():
        yield


@pytest.fixture(autouse=True)
def _property_metadata(request: pytest.FixtureRequest, record_property: object) -> None:
    """Copy the @prop metadata of the test into the JUnit XML (read by proofs/stage_hypothesis.py)."""
    meta = getattr(request.function, "__margin_property__", None)
    if meta is not None:
        for key, value in meta.items():
            record_property(key, value if isinstance(value, str) else ",".join(value))  # type: ignore[operator]
