"""Acceptance tests: issue 2 "Done when", on seeds/ with rules/.

Claims are found by article id prefix and figure text (see conftest.locate), never by offsets.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import RULES, SEEDS, article_of, claim_at, claims_at, describe, findings_pairing, locate

from checker.model import HEDGES, Report

HELD_TENS = ("003_", "[tens of thousands] of Uyghurs")
HELD_2M = ("000_", "about 2 million")
HELD_1M_PLUS = ("001_", "more than one million")
HELD_1M = ("002_", "around 1 million")
UYGHUR_POP = ("000_", "more than 10 million")
XINJIANG_POP = ("004_", "25 million-plus")
SANCTIONS = [
    ("000_", "sanctions on [seven] Chinese officials"),
    ("002_", "sanctioning [two] Chinese officials"),
    ("002_", "along with [two] others"),
    ("002_", "against [10] individuals"),
    ("002_", "[four] institutions"),
]


def _name(fig: tuple[str, str]) -> str:
    return f"{fig[0]}{fig[1]}"


@pytest.mark.parametrize(
    "a, b",
    [(HELD_TENS, HELD_2M), (HELD_TENS, HELD_1M_PLUS), (HELD_TENS, HELD_1M), (HELD_2M, HELD_1M)],
    ids=lambda f: _name(f),
)
def test_people_held_conflicts_are_flagged(seeds_report: Report, a, b) -> None:
    ca, cb = claim_at(seeds_report, *a), claim_at(seeds_report, *b)
    found = findings_pairing(seeds_report, [ca], [cb], ("conflict",))
    assert found, f"no conflict between {describe(ca)} and {describe(cb)}"


@pytest.mark.parametrize(
    "a, b",
    [(HELD_1M_PLUS, HELD_2M), (UYGHUR_POP, XINJIANG_POP)],
    ids=lambda f: _name(f),
)
def test_compatible_or_different_figures_are_not_flagged(seeds_report: Report, a, b) -> None:
    ca, cb = claims_at(seeds_report, *a), claims_at(seeds_report, *b)
    found = findings_pairing(seeds_report, ca, cb)
    assert not found, f"unexpected findings: {[(f.kind, f.message) for f in found]}"


def test_uyghur_and_xinjiang_population_are_different_groups(seeds_report: Report) -> None:
    uyghurs, xinjiang = claim_at(seeds_report, *UYGHUR_POP), claim_at(seeds_report, *XINJIANG_POP)
    assert uyghurs.quantity is None or uyghurs.quantity != xinjiang.quantity, (
        f"merged: {describe(uyghurs)} / {describe(xinjiang)}"
    )


@pytest.mark.parametrize("a, b", list(itertools.combinations(SANCTIONS, 2)), ids=lambda f: _name(f))
def test_sanction_counts_never_conflict(seeds_report: Report, a, b) -> None:
    ca, cb = claims_at(seeds_report, *a), claims_at(seeds_report, *b)
    found = findings_pairing(seeds_report, ca, cb, ("conflict",))
    assert not found, f"unexpected conflicts: {[f.message for f in found]}"


def test_many_many_thousands_is_vague_and_attributed_to_nauert(seeds_report: Report) -> None:
    c = claim_at(seeds_report, "000_", "many, many thousands")
    assert c.hedge == "vague", describe(c)
    assert c.value is None, describe(c)
    assert c.attribution and "Nauert" in c.attribution, describe(c)


@pytest.mark.parametrize(
    "fig, hedge, low, high",
    [
        (HELD_1M_PLUS, "more-than", 1_000_000, None),
        (HELD_TENS, "vague", None, None),
        (XINJIANG_POP, None, 25_000_000, None),
        (HELD_2M, "approximate", None, None),
        (HELD_1M, "approximate", None, None),
    ],
    ids=lambda v: _name(v) if isinstance(v, tuple) else None,
)
def test_figures_read_as_the_issue_specifies(seeds_report: Report, fig, hedge, low, high) -> None:
    """Issue 2 item 3: the figure as written (hedge included), its hedge and its interval."""
    c = claim_at(seeds_report, *fig)
    written = fig[1].split("[")[-1].split("]")[0]
    assert written in c.text, f"figure as written should include {written!r}: {describe(c)}"
    if hedge is not None:
        assert c.hedge == hedge, describe(c)
    if low is not None:
        assert c.low == low, describe(c)
    if fig in (HELD_1M_PLUS, XINJIANG_POP):
        assert c.high is None, f"open upper end expected: {describe(c)}"
    if fig == HELD_TENS:
        assert c.value is None and c.low is not None and c.low >= 10_000, describe(c)
    if fig in (HELD_2M, HELD_1M):
        assert c.low is not None and c.high is not None and c.low < c.value < c.high, describe(c)


def test_percentage_is_a_percent_claim(seeds_report: Report) -> None:
    c = claim_at(seeds_report, "001_", "20%")
    assert c.dimension == "percent" and c.value == 20, describe(c)
    assert c.attribution and "Workers Rights Consortium" in c.attribution, describe(c)


@pytest.mark.parametrize(
    "key, locator",
    [
        ("002_", "March 22, 2021"),
        ("002_", "March 3, 2021"),
        ("003_", "March 11"),
        ("003_", "March 18"),
        ("003_", "July 1"),
        ("002_", "since 1989"),
        ("000_", "April 2017"),
    ],
)
def test_no_claim_from_a_date_or_year(seeds_report: Report, key: str, locator: str) -> None:
    hits = claims_at(seeds_report, key, locator)
    assert not hits, f"claims from a date: {[describe(c) for c in hits]}"


def test_no_claim_from_the_debris_line(seeds_report: Report) -> None:
    article = article_of(seeds_report, "001_")
    lines = article.text.splitlines(keepends=True)
    debris = next(i for i, ln in enumerate(lines[:10]) if sum(ch.isdigit() for ch in ln) > 20)
    start = sum(len(ln) for ln in lines[:debris])
    end = start + len(lines[debris])
    hits = [c for c in seeds_report.claims if c.article == article.id and c.start < end and c.end > start]
    assert not hits, f"claims from the debris line: {[describe(c) for c in hits]}"


def test_every_claim_is_consistent_with_its_article(seeds_report: Report) -> None:
    texts = {a.id: a.text for a in seeds_report.articles}
    assert seeds_report.claims, "no claims extracted from the seeds"
    bad = []
    for c in seeds_report.claims:
        text = texts[c.article]
        if text[c.start : c.end] != c.text:
            bad.append(f"{c.id}: text {c.text!r} != article[{c.start}:{c.end}] {text[c.start : c.end]!r}")
        if c.line != text.count("\n", 0, c.start) + 1:
            bad.append(f"{c.id}: line {c.line}, expected {text.count(chr(10), 0, c.start) + 1}")
        if c.hedge not in HEDGES:
            bad.append(f"{c.id}: hedge {c.hedge!r} not in HEDGES")
        if c.low is not None and c.high is not None and c.low > c.high:
            bad.append(f"{c.id}: low {c.low} > high {c.high}")
        if c.value is not None and (
            (c.low is not None and c.value < c.low) or (c.high is not None and c.value > c.high)
        ):
            bad.append(f"{c.id}: value {c.value} outside [{c.low}, {c.high}]")
    assert not bad, "\n".join(bad)


def test_claim_and_finding_ids_are_unique(seeds_report: Report) -> None:
    claim_ids = [c.id for c in seeds_report.claims]
    finding_ids = [f.id for f in seeds_report.findings]
    assert len(claim_ids) == len(set(claim_ids))
    assert len(finding_ids) == len(set(finding_ids))
    known = set(claim_ids)
    assert all(set(f.claims) <= known for f in seeds_report.findings)


def _rendering(report: Report) -> str:
    """The JSON rendering of a report, as `checker report --format json` prints it."""
    from checker.render_formats import render_json

    return render_json(report)


def test_two_runs_render_identically() -> None:
    from checker.pipeline import run

    first, second = run([SEEDS], rules_dir=RULES), run([SEEDS], rules_dir=RULES)
    assert first == second
    assert _rendering(first) == _rendering(second)


def test_seed_files_are_byte_identical_to_shared_seeds() -> None:
    shared = Path("/work/shared/seeds")
    if not shared.is_dir():
        pytest.skip("shared seeds folder not present on this machine")
    ours = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert ours == sorted(p.name for p in shared.glob("*.txt"))
    for name in ours:
        assert (SEEDS / name).read_bytes() == (shared / name).read_bytes(), name


def test_locator_sanity() -> None:
    """The test's own locator finds figures exactly, and never inside a longer number."""
    assert locate("toll of 41 and 1,410 and 2.41", "41") == (8, 10)
    assert locate("a toll of 41, then 41.", "then [41]") == (19, 21)
