"""Scope markers in plain words for editors (Markdown, explain, text/github), raw in JSON and CSV."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from markdown_it import MarkdownIt
from report_fixtures import article, claim

from checker.baseline import Baseline, gate
from checker.compare import compare
from checker.context_scope import SCOPE_VOCABULARY, scope_markers
from checker.explain import explain
from checker.model import Claim, Group, Membership, Report
from checker.render_formats import render_check_github, render_check_markdown, render_check_text, render_json
from checker.render_markdown import render_markdown
from checker.report import date_words, plain_message, scope_difference_words, scope_phrase, scope_words
from checker.rules import RuleSet

# Every kind of marker the vocabulary defines, with markers of that kind and how an editor reads them.
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "since:<date>": [("since:2017-04", "since April 2017"), ("since:2024", "since 2024"),
                     ("since:--06", "since June"), ("since:--03-03", "since 3 March")],
    "period:<date>": [("period:2019", "in 2019"), ("period:2020-03", "in March 2020"),
                      ("period:--09", "in September")],
    "period:<year>..<year>": [("period:2017..2019", "from 2017 to 2019")],
    "period:last-<unit>": [("period:last-year", "last year"), ("period:this-week", "this week"),
                           ("period:last-month", "last month")],
    "past:<n><u>": [("past:10y", "over the past 10 years"), ("past:24h", "over the past 24 hours"),
                    ("past:1m", "over the past month"), ("past:fewy", "over the past few years")],
    "next:<n><u>": [("next:5y", "over the next 5 years"), ("next:1w", "over the next week")],
    "period:<year>-q<n>": [("period:q2", "in the second quarter"),
                           ("period:2021-q3", "in the third quarter of 2021")],
    "asof:<date>": [("asof:2021-03", "as of March 2021"), ("asof:2020", "as of 2020"),
                    ("asof:tuesday", "as of Tuesday")],
    "date:<date>": [("date:monday", "on Monday"), ("date:2021-03-03", "on 3 March 2021"),
                    ("date:--03-03", "on 3 March"), ("date:today", "today")],
    "per-year": [("per-year", "a year"), ("per-month", "a month"), ("per-week", "a week"),
                 ("per-day", "a day"), ("per-quarter", "a quarter")],
    "current": [("current", "now")],
    "cumulative": [("cumulative", "in total")],
    "peak": [("peak", "at the peak")],
    "subpop:<group>": [("subpop:adults", "adults only"), ("subpop:elderly", "elderly people only"),
                       ("subpop:aged-75+", "people aged 75+ only"),
                       ("subpop:aged-18-64", "people aged 18 to 64 only"),
                       ("subpop:registered", "only those registered")],
    "region:<place>": [("region:dornwick", "Dornwick only"), ("region:north varn", "North Varn only"),
                       ("region:isle of esk", "Isle of Esk only"), ("region:national", "nationwide"),
                       ("region:global", "worldwide"), ("region:capital", "the capital only")],
}
MARKER_SHAPE = re.compile(r"\b(?:since|period|past|next|asof|date|subpop|region):|\bper-|\bcumulative\b")


def test_every_kind_of_marker_in_the_vocabulary_has_examples() -> None:
    assert set(EXAMPLES) == set(SCOPE_VOCABULARY)


@pytest.mark.parametrize("marker, words", [pair for pairs in EXAMPLES.values() for pair in pairs])
def test_marker_in_plain_words(marker: str, words: str) -> None:
    assert scope_words(marker) == words


def test_every_named_group_reads_as_that_group_only() -> None:
    """The groups the vocabulary names ('adults, children, ..., civilians, aged-18+') are 'X only';
    a restriction read from 'counting only those registered' is 'only those registered'."""
    named = SCOPE_VOCABULARY["subpop:<group>"].split(";")[0].split(", ")
    assert "adults" in named and "civilians" in named
    for group in named:
        words = scope_words(f"subpop:{group}")
        assert words.endswith(" only") and not words.startswith("only"), (group, words)


def test_markers_read_from_sentences_never_show_a_marker() -> None:
    """What scope_markers reads from the vocabulary's own example phrases comes out as words."""
    phrases = re.findall(r"'([^']+)'", " ".join(SCOPE_VOCABULARY.values()))
    markers = {m for p in phrases for m in scope_markers(f"The figure rose {p}, officials said.")}
    assert len(markers) >= 20  # the phrases do produce markers of many kinds
    for marker in sorted(markers):
        words = scope_words(marker)
        assert words and words != marker and not MARKER_SHAPE.search(words), (marker, words)


def test_dates_in_words_and_what_is_not_a_date() -> None:
    assert date_words("2021-12-25") == "25 December 2021"
    assert date_words("sunday") == "Sunday"
    assert date_words("2021-13") == "2021-13"  # no such month: left as written
    assert scope_words("odd:thing-here") == "odd thing here"  # outside the vocabulary


def test_phrase_says_a_running_total_since_a_date_once() -> None:
    assert scope_phrase(("cumulative", "since:2017-04")) == "in total since April 2017"
    assert scope_phrase(("region:esk", "subpop:adults")) == "Esk only, adults only"
    assert scope_phrase(()) == ""


def test_scope_differences_in_words() -> None:
    assert scope_difference_words("subpop: subpop:aged-75+ vs not limited") == \
        "who is counted: people aged 75+ only vs everyone"
    assert scope_difference_words("time: cumulative, since:2017-04 vs current") == \
        "time frame: in total since April 2017 vs now"
    assert scope_difference_words("region: region:dornwick vs region:esk") == \
        "place: Dornwick only vs Esk only"
    assert scope_difference_words("not a difference") == "not a difference"


# ---------------------------------------------------------------- in every format


def scoped_report() -> Report:
    """Two articles, one quantity: a count for people aged 75+ in Dornwick against one for everyone
    since April 2017 against one for now; compare makes scope-differs findings of them."""
    a = article("a.txt", "About 4,000 people aged 75+ in Dornwick were treated.\n", date="2024-05-01")
    b = article("b.txt", "Some 90,000 people have been treated since April 2017.\n", date="2024-05-02")
    c = article("c.txt", "About 900 people are being treated now.\n")
    claims = (
        _scoped(claim("s1", a, "About 4,000", 3600, 4400, 4000), ("region:dornwick", "subpop:aged-75+")),
        _scoped(claim("s2", b, "Some 90,000", 81_000, 99_000, 90_000), ("since:2017-04",)),
        _scoped(claim("s3", c, "About 900", 810, 990, 900), ("current",)),
    )
    group = Group("treated", "People treated", "people", "count", None,
                  tuple(Membership(x.id, "similarity", 90.0, "test") for x in claims))
    findings = compare([group], list(claims), [a, b, c], RuleSet.empty())
    return Report((a, b, c), claims, (group,), tuple(findings), ())


def _scoped(c: Claim, scope: tuple[str, ...]) -> Claim:
    return dataclasses.replace(c, scope=scope, quantity="treated")


def test_compare_makes_scope_findings_whose_messages_read_in_words() -> None:
    report = scoped_report()
    scoped = [f for f in report.findings if f.kind == "scope-differs"]
    assert len(scoped) >= 2
    for f in scoped:
        assert MARKER_SHAPE.search(f.message)  # the record keeps the markers ...
        plain = plain_message(f)
        assert not MARKER_SHAPE.search(plain), plain  # ... the editors' text does not
        assert plain != f.message and "different scopes (" in plain
    words = " ".join(plain_message(f) for f in scoped)
    assert "people aged 75+ only vs everyone" in words or "Dornwick only" in words
    assert "since April 2017" in words and "now" in words


def test_markdown_report_and_explain_show_no_markers_json_keeps_them() -> None:
    report = scoped_report()
    text = render_markdown(report)
    assert not MARKER_SHAPE.search(text), MARKER_SHAPE.search(text)
    assert "since April 2017" in text
    MarkdownIt("commonmark").enable("table").parse(text)
    for f in report.findings:
        assert not MARKER_SHAPE.search(explain(report, f.id))
    for c in report.claims:
        assert not MARKER_SHAPE.search(explain(report, c.id))
    data = json.loads(render_json(report))
    assert {"since:2017-04", "current"} <= {m for c in data["claims"] for m in c["scope"]}
    raw = [d for f in data["findings"] for d in f["details"].get("scope_differences", [])]
    assert raw and all(MARKER_SHAPE.search(d) for d in raw)


def test_text_github_and_check_markdown_show_no_markers() -> None:
    result = gate(scoped_report(), Baseline(), "info")
    assert result.new
    for render in (render_check_text, render_check_github, render_check_markdown):
        out = render(result)
        assert "different scopes (" in out and not MARKER_SHAPE.search(out), render.__name__


def test_disputed_figures_show_their_scope_in_words_only_when_one_has_a_scope() -> None:
    from report_fixtures import sample_report
    from test_report import _table_with

    rows = _table_with(render_markdown(scoped_report()), "Figure (low to high)")
    assert {row["Figure (low to high)"]: row["Scope"] for row in rows} == {
        "About 900": "now",
        "About 4,000": "Dornwick only, people aged 75+ only",
        "Some 90,000": "since April 2017",
    }
    plain = render_markdown(sample_report())  # no figure there says what it covers: no column
    assert "Scope" not in _table_with(plain, "Figure (low to high)")[0]
