"""Shared fixtures: the seed run, and finding claims by article and figure text (never by offsets).

Figures are found as the story-expectation format says (:mod:`checker.expectations`, shared with
bench/matching.py); a figure with no claim fails the test here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from checker.expectations import article_named as article_of
from checker.expectations import claim_at as find_claim
from checker.expectations import claims_at, describe, findings_pairing, locate
from checker.model import Claim, Report

__all__ = ["ROOT", "RULES", "SEEDS", "article_of", "claim_at", "claims_at", "describe", "findings_pairing",
           "locate"]

# Property tests: no per-example deadline (a loaded 2-core CI machine must not turn slowness into a
# failure; speed is measured by bench/, not by tests), and in CI the same examples every run, so a
# red CI is reproducible with `CI=true python -m pytest`.
settings.register_profile(
    "checker",
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("checker")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"


@pytest.fixture(scope="session")
def seeds_report() -> Report:
    from checker.pipeline import run

    return run([SEEDS], rules_dir=RULES)


def claim_at(report: Report, key: str, locator: str) -> Claim:
    """The claim for a figure; fails with a readable message when none was extracted."""
    found = find_claim(report, key, locator)
    assert found is not None, f"no claim extracted for {locator!r} in {key}"
    return found
