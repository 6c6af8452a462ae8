"""The team's own multi-story corpus (issue 4 item 8), run with NO rules.

Invented but plausible articles, one folder per story under ``tests/stories/``, each run through
``checker.pipeline.run([story_dir], rules_dir=<empty folder>)``. ``expected.yaml`` in each folder says
what a careful editor would conclude, not what the tool currently outputs, in the story-expectation
format of :mod:`checker.expectations` (claims, groups, must_not_merge, findings, must_not_flag,
not_claims; a figure is ``[article, locator]``), which bench/matching.py reads too.
One parametrised test per expectation, so a failure names the story and the figures.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import RULES, SEEDS, article_of, claim_at, claims_at, describe, findings_pairing, locate

from checker.expectations import claim_errors, figures, format_problems, load_expected
from checker.model import Report

STORIES_ROOT = Path(__file__).resolve().parent / "stories"
STORIES = sorted(d.name for d in STORIES_ROOT.iterdir() if (d / "expected.yaml").is_file())
EXPECTED = {story: load_expected(STORIES_ROOT / story / "expected.yaml") for story in STORIES}


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


@pytest.mark.parametrize("story", STORIES)
def test_expectations_are_well_formed(story: str) -> None:
    exp = EXPECTED[story]
    assert not format_problems(exp)
    for fig in figures(exp):
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
    wrong = claim_errors(c, spec)
    assert not wrong, f"{'; '.join(wrong)}: {describe(c)}"


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


# --- the expectation format itself, and the benchmark that reads it too ------------------------------


def test_format_problems_names_unknown_sections_keys_and_kinds() -> None:
    exp = {"claim": [], "claims": [{"at": ["a.md", "41"], "hedges": "exact"}],
           "findings": [{"a": ["a.md", "41"], "b": ["a.md", "52"], "kind": "clash", "severity": "huge"}]}
    problems = " | ".join(format_problems(exp))
    assert "unknown section 'claim'" in problems and "unknown key 'hedges'" in problems
    assert "kind must be one of" in problems and "severity must be one of" in problems
    assert format_problems({"claims": [{"at": ["a.md", "41"], "hedge": "exact"}]}) == []


def test_figures_are_located_exactly_once_in_a_named_article() -> None:
    from checker.expectations import ExpectationError, article_named
    from checker.model import Article

    report = Report((Article("s/01_wire.md", "s/01_wire.md", "toll of 41 and 41."),
                     Article("s/02_post.md", "s/02_post.md", "41")), (), (), ())
    assert article_named(report, "01_wire.md").id == "s/01_wire.md"
    assert article_named(report, "02_").id == "s/02_post.md"
    with pytest.raises(ExpectationError, match="0 articles match"):
        article_named(report, "03_radio.md")
    with pytest.raises(ExpectationError, match="found 2 times"):
        claims_at(report, "01_wire.md", "41")
    assert claims_at(report, "01_wire.md", "and [41]") == []


def test_matching_bench_scores_a_corpus_with_the_same_format(tmp_path: Path) -> None:
    """bench/matching.py, run as a script from the repository root, reads expected.yaml through
    checker.expectations: a bad locator is a one-line error, a good story gives its table."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    story = tmp_path / "corpus" / "toll"
    story.mkdir(parents=True)
    (story / "01_wire.md").write_text("Officials said 41 people died in the storm on Monday.\n")
    (story / "02_post.md").write_text("A hospital study says about 400 people died in the storm.\n")
    exp = {"groups": {"deaths": [["01_wire.md", "41"], ["02_post.md", "about 400"]]},
           "not_claims": [["01_wire.md", "Monday"]]}
    (story / "expected.yaml").write_text(yaml.safe_dump(exp))
    cmd = [sys.executable, "bench/matching.py", "--corpus", str(tmp_path / "corpus")]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "| toll |" in done.stdout and "| 2/2 |" in done.stdout  # both figures found
    exp["groups"]["deaths"].append(["02_post.md", "500"])  # not in the article
    (story / "expected.yaml").write_text(yaml.safe_dump(exp))
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "found 0 times" in done.stderr and len(done.stderr.splitlines()) == 1
