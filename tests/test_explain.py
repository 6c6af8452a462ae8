"""``explain``: the account of a claim or a finding, built from records made here (no extractor)."""

from __future__ import annotations

import dataclasses

import pytest

from checker.compare import compare, ratio_text
from checker.explain import explain, fmt_interval
from checker.model import Article, CheckerError, Claim, Group, Membership, Reference, Report, Rule
from checker.report import format_interval, format_number
from checker.rules import RuleSet, Settings
from checker.semantics import ROWS


def claim(cid: str, article: str, text: str, low: float | None, high: float | None, **kw: object) -> Claim:
    fields: dict[str, object] = dict(
        id=cid, article=article, line=3, start=10, end=10 + len(text), text=text, value=None, low=low,
        high=high, hedge="approximate", trend=None, unit="people", dimension="count",
        entity="people held in camps", attribution=None, sentence=f"Some say {text} are held.",
    )
    fields.update(kw)
    return Claim(**fields)  # type: ignore[arg-type]


A = claim("a", "one.txt", "tens of thousands", 1e4, 1e5, hedge="vague", semantics=("vague-tens-of",),
          attribution="said Nauert", scope=("current",),
          sentence="Some say tens of thousands are held; the number rose from some 30,000.")
B = claim("b", "two.txt", "about 2 million", 1.8e6, 2.2e6, value=2e6, semantics=("approx",))
C = claim("c", "three.txt", "more than 50,000", 5e4, None, hedge="more-than", semantics=("more-than",))
D = claim("d", "one.txt", "some 30,000", 2.7e4, 3.3e4, value=3e4, semantics=("approx",),
          sentence="Some say tens of thousands are held; the number rose from some 30,000.")


def make_report(claims: list[Claim], rule: Rule | None = None, settings: Settings | None = None) -> Report:
    members = tuple(
        Membership(c.id, "rule" if rule else "similarity", 100.0 if rule else 88.0,
                   "cues: camps, held" if rule else f"similar to a (score {88 + i})")
        for i, c in enumerate(claims)
    )
    group = Group(rule.id if rule else "g-camps", "people held in camps", "people", "count",
                  rule.id if rule else None, members)
    articles = [Article("one.txt", "one.txt", "", outlet="Daily One", date="2021-03-11"),
                Article("two.txt", "two.txt", "", date="2018-09-12"), Article("three.txt", "three.txt", "")]
    ruleset = RuleSet((rule,) if rule else (), settings or Settings())
    findings = compare([group], claims, articles, ruleset)
    return Report(tuple(articles), tuple(claims), (group,), findings, (rule,) if rule else ())


def test_unknown_id_is_an_error() -> None:
    with pytest.raises(CheckerError, match="no claim or finding with id nope"):
        explain(make_report([A, B]), "nope")


def test_claim_shows_reading_semantics_and_membership() -> None:
    text = explain(make_report([A, B, C]), "a")
    assert text.startswith('claim a: "tens of thousands" in one.txt line 3 (Daily One, 2021-03-11)')
    assert "interval [10,000 – 100,000]" in text and "hedge vague" in text
    assert "vague-tens-of: " + ", ".join(ROWS["vague-tens-of"].words) in text
    assert "said Nauert (speaker: Nauert)" in text
    assert "scope:       now\n" in text  # the marker "current" in plain words
    assert "group g-camps: people held in camps (similarity, no rule; 3 claims)" in text
    assert "joined by similarity, score 88: similar to a (score 88)" in text


def test_claim_shows_every_comparison_with_its_numbers() -> None:
    report = make_report([A, B, C, D])
    text = explain(report, "a")
    (ab,) = [f for f in report.findings if set(f.claims) == {"a", "b"}]
    assert f'vs b "about 2 million" (two.txt): conflict, critical -> {ab.id}' in text
    assert "[9,090.91 – 110,000] (a) vs [1,636,364 – 2,420,000] (b)" in text
    assert "critical: ratio >= 10" in text
    assert ab.ratio is not None  # the finding's own ratio, written the report's way
    assert f"nearest ends {ratio_text(ab.ratio)} (ratio {format_number(ab.ratio)}) apart" in text
    overlap = "no conflict: intervals overlap at [45,454.5 – 110,000]"
    assert f'vs c "more than 50,000" (three.txt): {overlap}' in text
    assert 'vs d "some 30,000" (one.txt): not compared: one sentence describing a change' in text
    assert f"findings: {', '.join(sorted(f.id for f in report.findings if 'a' in f.claims))}" in text


def test_claim_without_group() -> None:
    lone = claim("z", "two.txt", "seven", 7, 7, hedge="exact")
    report = dataclasses.replace(make_report([A, B]), claims=(A, B, lone))
    text = explain(report, "z")
    assert "group: none" in text and "findings: none" in text and "semantics:   (none recorded)" in text


def test_finding_shows_tolerance_thresholds_and_both_claims() -> None:
    rule = Rule("camps", "people held in camps", "people", "count", ("camps",), tolerance=0.2,
                severity=(("critical", 5.0),))
    report = make_report([A, B], rule)
    (finding,) = report.findings
    text = explain(report, finding.id)
    assert text.startswith(f"finding {finding.id}: conflict, critical, quantity camps")
    assert finding.message in text
    assert "tolerance 0.2 from rule:camps; severity minor >= 1, major >= 2, critical >= 5" in text
    assert "critical: ratio >= 5" in text
    assert "\nclaim a: " in text and "\nclaim b: " in text
    assert "joined by rule, score 100: cues: camps, held" in text


def test_scope_differs_is_explained() -> None:
    since = dataclasses.replace(B, scope=("since:2017-04",))
    report = make_report([A, since])
    (finding,) = report.findings
    text = explain(report, finding.id)
    assert "scopes differ: time frame: now vs since April 2017 -> reported as scope-differs (info)" in text
    assert "different scopes (time frame: now vs since April 2017)" in text  # the message, in words
    assert "since:" not in text and "current" not in text
    claim_text = explain(report, "a")
    assert "scope-differs (info); as a conflict it would be critical" in claim_text
    assert "scopes: time frame: now vs since April 2017" in claim_text and "since:" not in claim_text


def test_scope_differs_on_values_is_explained() -> None:
    passed = claim("p", "three.txt", "as many as 40,000", None, 4e4, value=4e4, scope=("since:2019",))
    held = dataclasses.replace(B, value=5e3, low=4500, high=5500, text="about 5,000", scope=("current",))
    text = explain(make_report([passed, held]), "p")
    assert "scope-differs (info), no conflict: intervals overlap at [4,090.91 – 6,050]" in text
    assert "point values 6.6× (ratio 6.61157) apart after tolerance" in text
    assert "scopes: time frame: now vs since 2019" in text


def test_reference_comparison_is_shown() -> None:
    ref = Reference(2e6, None, None, "UN panel", "2018-08-10", text="2 million")
    rule = Rule("camps", "people held in camps", "people", "count", ("camps",), reference=ref)
    report = make_report([A, B], rule)
    text = explain(report, "b")
    assert "vs reference 2 million (UN panel, 2018-08-10): no conflict" in text
    (ref_finding,) = [f for f in report.findings if f.kind == "differs-from-reference"]
    text = explain(report, ref_finding.id)
    assert "reference: 2 million from UN panel, as of 2018-08-10" in text
    assert "(reference)" in text


def test_settings_given_are_used_for_comparisons() -> None:
    loose = Settings(tolerance=0.5)
    text = explain(make_report([A, D, B], settings=loose), "b", loose)
    assert "tolerance 0.5 from global" in text


def test_output_is_deterministic() -> None:
    report = make_report([A, B, C, D])
    shuffled = dataclasses.replace(report, claims=tuple(reversed(report.claims)),
                                   findings=tuple(reversed(report.findings)))
    for ident in ["a", "b", report.findings[0].id]:
        assert explain(report, ident) == explain(shuffled, ident)


def test_numbers_are_written_as_in_the_report() -> None:
    assert fmt_interval((5.0, 5.0)) == f"[{format_interval(5.0, 5.0)}]" == "[5]"
    assert fmt_interval((5.0, None)) == "[≥ 5]"
    assert fmt_interval((1234567.8, 2e6)) == "[1,234,568 – 2,000,000]"


def test_tally_group_says_why_figures_are_not_compared() -> None:
    rule = Rule("camps", "people held in camps", "people", "count", ("camps",), kind="tally")
    text = explain(make_report([A, B], rule), "a")
    assert 'vs b "about 2 million" (two.txt): not compared: rule camps counts different sets (tally)' in text
    assert "findings: none" in text
