"""Shared fixtures: the seed run, and finding claims by article and figure text (never by offsets)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from checker.model import Article, Claim, Finding, Report

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


def article_of(report: Report, key: str) -> Article:
    """The one article whose id is ``key``, ends with ``/key``, or whose file name starts with ``key``."""
    found = [
        a
        for a in report.articles
        if a.id == key or a.id.endswith("/" + key) or a.id.rsplit("/", 1)[-1].startswith(key)
    ]
    assert len(found) == 1, f"test data: {len(found)} articles match {key!r}"
    return found[0]


def locate(text: str, locator: str) -> tuple[int, int]:
    """Span of a figure in ``text``. ``locator`` is the figure itself, or a longer quote with the
    figure in brackets ("official toll of [41]") when the figure alone is not unique.
    A figure never matches inside a longer number or word."""
    before, figure, after = "", locator, ""
    if "[" in locator:
        before, rest = locator.split("[", 1)
        figure, after = rest.split("]", 1)
    pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(before + figure + after) + r"(?!\w)(?![.,]\d)"
    hits = [m.start() for m in re.finditer(pattern, text)]
    assert len(hits) == 1, f"test data: locator {locator!r} found {len(hits)} times (must be exactly once)"
    start = hits[0] + len(before)
    return start, start + len(figure)


def claims_at(report: Report, key: str, locator: str) -> list[Claim]:
    """Every claim overlapping the figure, the best overlap first."""
    article = article_of(report, key)
    start, end = locate(article.text, locator)
    hits = [c for c in report.claims if c.article == article.id and c.start < end and c.end > start]
    return sorted(hits, key=lambda c: (-(min(c.end, end) - max(c.start, start)), c.start, c.id))


def claim_at(report: Report, key: str, locator: str) -> Claim:
    """The claim for a figure; fails with a readable message when none was extracted."""
    hits = claims_at(report, key, locator)
    assert hits, f"no claim extracted for {locator!r} in {key}"
    return hits[0]


def findings_pairing(
    report: Report, a: list[Claim], b: list[Claim], kinds: tuple[str, ...] = ()
) -> list[Finding]:
    """Findings (of ``kinds``, or of any kind) that involve one claim of ``a`` and one of ``b``."""
    ids_a, ids_b = {c.id for c in a}, {c.id for c in b}
    return [
        f
        for f in report.findings
        if (not kinds or f.kind in kinds) and ids_a & set(f.claims) and ids_b & set(f.claims)
    ]


def describe(c: Claim) -> str:
    return (
        f"{c.text!r} [{c.low}, {c.high}] hedge={c.hedge} unit={c.unit} quantity={c.quantity} "
        f"entity={c.entity!r} attribution={c.attribution!r}"
    )
