"""The team's own multi-story corpus (issue 4 item 8), run with NO rules.

Invented but plausible articles, one folder per story under ``tests/stories/``, each run through
``checker.pipeline.run([story_dir], rules_dir=<empty folder>)``. ``expected.yaml`` in each folder says
what a careful editor would conclude, not what the tool currently outputs:

- ``claims``: how single figures must be read (hedge, value, low, high, dimension, trend; attribution and
  scope as case-insensitive substrings);
- ``groups``: figures that must share one quantity;
- ``must_not_merge``: pairs that must not share a quantity;
- ``findings``: pairs that must appear together in a finding of ``kind`` (and ``severity`` when given);
- ``must_not_flag``: pairs that must not appear together in any finding (or only in one of ``kinds``);
- ``not_claims``: dates, years and times that must not yield a claim.

A figure is ``[article, locator]``; the locator is the figure as written, or a longer quote with the
figure in brackets ("official death toll of [41]") when the figure alone is not unique in its article.
One parametrised test per expectation, so a failure names the story and the figures.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import RULES, SEEDS, article_of, claim_at, claims_at, describe, findings_pairing, locate

from checker.model import Report

STORIES_ROOT = Path(__file__).resolve().parent / "stories"
STORIES = sorted(d.name for d in STORIES_ROOT.iterdir() if (d / "expected.yaml").is_file())
SECTIONS = {"claims", "groups", "must_not_merge", "findings", "must_not_flag", "not_claims"}
CLAIM_KEYS = {"at", "hedge", "value", "low", "high", "dimension", "trend", "attribution", "scope", "unit"}


def _expected(story: str) -> dict[str, Any]:
    return yaml.safe_load((STORIES_ROOT / story / "expected.yaml").read_text(encoding="utf-8")) or {}


EXPECTED = {story: _expected(story) for story in STORIES}


def _fig(f: list[str]) -> str:
    return f"{f[0]}:{f[1]}"


def _params(section: str) -> list[Any]:
    out = []
    for story in STORIES:
        for i, item in enumerate(EXPECTED[story].get(section) or []):
            if section == "groups":
                name = item
                item = (name, EXPECTED[story]["groups"][name])
            elif section == "claims":
                name = _fig(item["at"])
            elif section == "not_claims":
                name = _fig(item)
            elif section == "must_not_merge":
                name = f"{_fig(item[0])}~{_fig(item[1])}"
            else:
                name = f"{item.get('kind', '')}:{_fig(item['a'])}~{_fig(item['b'])}"
            out.append(pytest.param(story, item, id=f"{story}:{i}:{name}"))
    return out


@pytest.fixture(scope="session")
def story_report(tmp_path_factory: pytest.TempPathFactory):
    """Run each story once, with an empty rules folder."""
    from checker.pipeline import run

    empty_rules = tmp_path_factory.mktemp("no_rules")
    cache: dict[str, Report] = {}

    def get(story: str) -> Report:
        if story not in cache:
            cache[story] = run([STORIES_ROOT / story], rules_dir=empty_rules)
        return cache[story]

    return get


# --- the expectations themselves are well formed (these pass without any stage) -------------------


def _figures(story: str) -> list[list[str]]:
    exp = EXPECTED[story]
    figs = [c["at"] for c in exp.get("claims") or []] + list(exp.get("not_claims") or [])
    figs += [f for members in (exp.get("groups") or {}).values() for f in members]
    figs += [f for pair in exp.get("must_not_merge") or [] for f in pair]
    figs += [x[k] for sec in ("findings", "must_not_flag") for x in exp.get(sec) or [] for k in ("a", "b")]
    return figs


@pytest.mark.parametrize("story", STORIES)
def test_expectations_are_well_formed(story: str) -> None:
    exp = EXPECTED[story]
    assert set(exp) <= SECTIONS, f"unknown sections {set(exp) - SECTIONS}"
    for c in exp.get("claims") or []:
        assert set(c) <= CLAIM_KEYS, f"unknown keys {set(c) - CLAIM_KEYS}"
    for f in exp.get("findings") or []:
        assert f["kind"] in ("conflict", "scope-differs", "differs-from-reference"), f
        assert f.get("severity") in (None, "info", "minor", "major", "critical"), f
    for fig in _figures(story):
        path = STORIES_ROOT / story / fig[0]
        assert path.is_file(), f"no article {fig[0]}"
        locate(path.read_text(encoding="utf-8"), fig[1])  # exactly once, or the test data is wrong


@pytest.mark.parametrize("story", STORIES)
def test_story_articles_are_news_length(story: str) -> None:
    articles = sorted(p for p in (STORIES_ROOT / story).iterdir() if p.suffix in (".md", ".txt"))
    assert 3 <= len(articles) <= 5, story
    for p in articles:
        words = len(p.read_text(encoding="utf-8").split())
        assert 110 <= words <= 420, f"{p.name}: {words} words"


def test_at_least_four_stories() -> None:
    assert len(STORIES) >= 4, STORIES


# --- what the tool must conclude on each story ------------------------------------------------------


@pytest.mark.parametrize("story, spec", _params("claims"))
def test_claim_is_read_correctly(story_report, story: str, spec: dict[str, Any]) -> None:
    report = story_report(story)
    c = claim_at(report, *spec["at"])
    for key in ("hedge", "value", "low", "high", "dimension", "trend"):
        if key in spec:
            assert getattr(c, key) == spec[key], f"{key}: expected {spec[key]!r}, got {describe(c)}"
    if "unit" in spec:
        assert c.unit and spec["unit"].lower() in c.unit.lower(), f"unit: {describe(c)}"
    if "attribution" in spec:
        assert c.attribution and spec["attribution"].lower() in c.attribution.lower(), (
            f"attribution should mention {spec['attribution']!r}: {describe(c)}"
        )
    if "scope" in spec:
        scope = " | ".join(c.scope).lower()
        assert spec["scope"].lower() in scope, f"scope: {c.scope} {describe(c)}"


@pytest.mark.parametrize("story, group", _params("groups"))
def test_expected_group(story_report, story: str, group: tuple[str, list[list[str]]]) -> None:
    report = story_report(story)
    name, members = group
    claims = [(m, claims_at(report, *m)) for m in members]
    missing = [_fig(m) for m, hits in claims if not hits]
    assert not missing, f"{name}: no claim extracted for {missing}"
    quantities = {_fig(m): hits[0].quantity for m, hits in claims}
    distinct = set(quantities.values())
    assert None not in distinct and len(distinct) == 1, f"{name}: should be one group, got {quantities}"


@pytest.mark.parametrize("story, pair", _params("must_not_merge"))
def test_look_alikes_are_not_merged(story_report, story: str, pair: list[list[str]]) -> None:
    report = story_report(story)
    a, b = (claims_at(report, *f) for f in pair)
    qa = {c.quantity for c in a} - {None}
    qb = {c.quantity for c in b} - {None}
    assert not qa & qb, f"merged into {qa & qb}: {[describe(c) for c in a]} / {[describe(c) for c in b]}"


@pytest.mark.parametrize("story, spec", _params("findings"))
def test_expected_finding(story_report, story: str, spec: dict[str, Any]) -> None:
    report = story_report(story)
    a, b = claim_at(report, *spec["a"]), claim_at(report, *spec["b"])
    found = findings_pairing(report, [a], [b], (spec["kind"],))
    if not found:
        other = findings_pairing(report, [a], [b])
        pytest.fail(
            f"no {spec['kind']} between {describe(a)} and {describe(b)}; "
            f"other findings pairing them: {[(f.kind, f.severity) for f in other]}"
        )
    if "severity" in spec:
        assert any(f.severity == spec["severity"] for f in found), (
            f"severity: expected {spec['severity']}, got {[(f.severity, f.ratio) for f in found]}"
        )


@pytest.mark.parametrize("story, spec", _params("must_not_flag"))
def test_not_flagged(story_report, story: str, spec: dict[str, Any]) -> None:
    report = story_report(story)
    a, b = claims_at(report, *spec["a"]), claims_at(report, *spec["b"])
    found = findings_pairing(report, a, b, tuple(spec.get("kinds") or ()))
    assert not found, f"unexpected: {[(f.kind, f.severity, f.message) for f in found]}"


@pytest.mark.parametrize("story, spec", _params("not_claims"))
def test_not_a_claim(story_report, story: str, spec: list[str]) -> None:
    hits = claims_at(story_report(story), *spec)
    assert not hits, f"claims from a date, year or time: {[describe(c) for c in hits]}"


@pytest.mark.parametrize("story", STORIES)
def test_claims_are_consistent_with_their_articles(story_report, story: str) -> None:
    report = story_report(story)
    texts = {a.id: a for a in report.articles}
    assert len(report.articles) == len(
        [p for p in (STORIES_ROOT / story).iterdir() if p.suffix in (".md", ".txt")]
    ), report.problems
    for c in report.claims:
        article = texts[c.article]
        assert article.text[c.start : c.end] == c.text, describe(c)
        assert c.start >= article.body_start, f"claim from front matter: {describe(c)}"
    for f in report.findings:
        assert len(set(f.claims)) >= 2 or f.kind == "differs-from-reference", f"self-finding: {f}"


# --- the whole corpus at once: seeds (with rules) plus every story ----------------------------------


@pytest.fixture(scope="module")
def combined_report() -> Report:
    from checker.pipeline import run

    return run([SEEDS, STORIES_ROOT], rules_dir=RULES)


def _story_of(article_id: str) -> str:
    return article_id.split("/", 1)[0] if "/" in article_id else "seeds"


def test_combined_run_keeps_the_seed_conflicts(combined_report: Report) -> None:
    held = [
        ("003_", "[tens of thousands] of Uyghurs"),
        ("000_", "about 2 million"),
        ("001_", "more than one million"),
        ("002_", "around 1 million"),
    ]
    tens = claim_at(combined_report, *held[0])
    for other in held[1:]:
        c = claim_at(combined_report, *other)
        assert findings_pairing(combined_report, [tens], [c], ("conflict",)), f"lost: {describe(c)}"
    two, one = claim_at(combined_report, *held[1]), claim_at(combined_report, *held[3])
    assert findings_pairing(combined_report, [two], [one], ("conflict",))
    uyghurs = claim_at(combined_report, "000_", "more than 10 million")
    xinjiang = claim_at(combined_report, "004_", "25 million-plus")
    assert uyghurs.quantity is None or uyghurs.quantity != xinjiang.quantity


def test_combined_run_never_mixes_stories(combined_report: Report) -> None:
    by_id = {c.id: c for c in combined_report.claims}
    mixed_groups = {
        g.id: sorted({_story_of(by_id[m].article) for m in g.claims})
        for g in combined_report.groups
        if len({_story_of(by_id[m].article) for m in g.claims}) > 1
    }
    assert not mixed_groups, f"groups mixing stories: {mixed_groups}"


def test_combined_run_reads_every_article(combined_report: Report) -> None:
    expected = len(list(SEEDS.glob("*.txt"))) + sum(
        len([p for p in (STORIES_ROOT / s).iterdir() if p.suffix in (".md", ".txt")]) for s in STORIES
    )
    assert len(combined_report.articles) == expected, combined_report.problems
    assert {_story_of(a.id) for a in combined_report.articles} == {"seeds", *STORIES}
    assert article_of(combined_report, "march/01_cpa.md").outlet == "Continental Press Agency"


# --- invariants on realistic text (issue 4 item 8) --------------------------------------------------


def _membership(groups) -> dict[str, tuple[str, ...]]:
    """Group id -> sorted claim ids."""
    return {g.id: tuple(sorted(g.claims)) for g in groups}


@pytest.mark.parametrize("story", STORIES)
def test_grouping_does_not_depend_on_claim_order(story_report, story: str) -> None:
    from checker.match import match
    from checker.rules import RuleSet

    report = story_report(story)
    bare = [dataclasses.replace(c, quantity=None) for c in report.claims]
    _, forward = match(bare, RuleSet.empty())
    _, backward = match(list(reversed(bare)), RuleSet.empty())
    assert _membership(forward) == _membership(backward)


@pytest.mark.parametrize("story", STORIES)
def test_a_claim_is_in_at_most_one_group_and_groups_agree_with_claims(story_report, story: str) -> None:
    report = story_report(story)
    seen: dict[str, str] = {}
    for g in report.groups:
        for cid in g.claims:
            assert cid not in seen, f"{cid} in {seen[cid]} and {g.id}"
            seen[cid] = g.id
    for c in report.claims:
        assert c.quantity == seen.get(c.id), f"claim says {c.quantity}, groups say {seen.get(c.id)}"


@pytest.mark.parametrize("story", STORIES)
def test_findings_stay_within_one_quantity(story_report, story: str) -> None:
    report = story_report(story)
    by_id = {c.id: c for c in report.claims}
    for f in report.findings:
        assert len(f.claims) == len(set(f.claims)), f"a claim against itself: {f}"
        assert {by_id[cid].quantity for cid in f.claims} == {f.quantity}, f
        if f.kind == "conflict":
            assert f.ratio is None or f.ratio >= 1, f


# --- issue 4 "Done when": explain and rules suggest work on the stories --------------------------


@pytest.mark.parametrize("story", STORIES)
def test_explain_works_on_each_storys_findings_and_claims(story_report, story: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    report = story_report(story)
    claims = {c.id: c for c in report.claims}
    args = [str(STORIES_ROOT / story), "--rules", str(tmp_path)]
    if EXPECTED[story].get("findings"):
        assert report.findings, "no findings to explain"
        finding = sorted(report.findings, key=lambda f: f.id)[0]
        result = CliRunner().invoke(app, ["explain", finding.id, *args])
        assert result.exit_code == 0, result.output
        for cid in finding.claims:
            assert claims[cid].text in result.output, (
                f"explain {finding.id} does not show {claims[cid].text!r}"
            )
        claim = claims[finding.claims[0]]
    else:
        claim = sorted(report.claims, key=lambda c: c.id)[0]
    result = CliRunner().invoke(app, ["explain", claim.id, *args])
    assert result.exit_code == 0 and claim.text in result.output, result.output


@pytest.mark.parametrize("story", STORIES)
def test_rules_suggest_gives_stubs_that_load(story: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from checker.cli import app
    from checker.rules import load_rules

    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(app, ["rules", "suggest", str(STORIES_ROOT / story), "--rules", str(empty)])
    assert result.exit_code == 0, result.output
    docs = [d for d in yaml.safe_load_all(result.stdout) if d]
    assert docs, f"no stubs suggested for a story with no rules: {result.output[:500]}"
    out = tmp_path / "suggested"
    out.mkdir()
    for i, doc in enumerate(docs):
        assert isinstance(doc, dict) and doc.get("id"), doc
        (out / f"{i:02d}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    ruleset = load_rules(out)  # an editor can commit them as they are
    assert len(ruleset.rules) == len(docs)
