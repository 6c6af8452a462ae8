"""`rules suggest`: stubs for uncovered groups load as rules and take their claims back."""

from __future__ import annotations

from pathlib import Path

import yaml
from test_match import march_claims, storm_claims

from checker.match import match
from checker.model import Report
from checker.rules import load_rules
from checker.suggest import suggest

ROOT = Path(__file__).resolve().parent.parent


def save(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "suggested.yaml").write_text(text, encoding="utf-8")
    return folder


def test_stubs_load_as_rules_and_name_their_claims(tmp_path: Path) -> None:
    claims, groups = match(storm_claims() + march_claims(), load_rules(None))
    text = suggest(groups, claims)
    documents = [d for d in yaml.safe_load_all(text)]
    assert len(documents) == len(groups) >= 3
    ruleset = load_rules(save(tmp_path, text))
    assert len(ruleset.rules) == len(groups)
    for rule, group in zip(ruleset.rules, sorted(groups, key=lambda g: g.id), strict=True):
        assert rule.dimension == group.dimension and rule.label == group.label
        assert rule.id == group.id  # committing the stub keeps the quantity id
    for group in groups:
        for cid in group.claims:
            assert f"{next(c for c in claims if c.id == cid).text!r}" in text
    assert text.count("# Suggested from similarity group") == len(groups)


def test_applying_the_stubs_gives_the_claims_a_rule(tmp_path: Path) -> None:
    claims, groups = match(storm_claims() + march_claims(), load_rules(None))
    ruleset = load_rules(save(tmp_path, suggest(groups, claims)))
    again, rule_groups = match(claims, ruleset)
    grouped_before = {m.claim for g in groups for m in g.members}
    ruled_now = {c.id for c in again if c.quantity in {r.id for r in ruleset.rules}}
    # Cues are words most members share: most, not necessarily all, members come back.
    assert len(ruled_now & grouped_before) >= 0.75 * len(grouped_before)
    assert all(g.rule is not None for g in rule_groups if g.id in {r.id for r in ruleset.rules})


def test_claims_a_rule_takes_get_no_stub(tmp_path: Path) -> None:
    turnout = "id: turnout\nlabel: Turnout\nunit: people\ndimension: count\n"
    turnout += "cues: {all: [[march, crowd, marchers]]}\n"
    rules = load_rules(save(tmp_path, turnout))
    claims, groups = match(storm_claims() + march_claims(), rules)
    report = Report((), claims, groups, (), rules.rules)
    text = suggest(report)
    ids = [d["id"] for d in yaml.safe_load_all(text)]
    assert ids and "turnout" not in ids
    in_rule_groups = {m for g in groups if g.rule for m in g.claims}
    named = {c.id for c in claims if f"{c.article}:{c.line} {c.text!r}" in text}
    assert in_rule_groups and named and not named & in_rule_groups


def test_nothing_to_suggest_is_empty_text() -> None:
    assert suggest([], []) == ""
    claims, groups = match(storm_claims()[:1], load_rules(None))
    assert groups == () and suggest(groups, claims) == ""


def test_the_stub_comment_counts_its_claims_in_the_right_number() -> None:
    claims, groups = match(storm_claims() + march_claims(), load_rules(None))
    group = min(groups, key=lambda g: g.id)
    first = next(c for c in claims if c.id == group.claims[0])
    assert f"({len(group.claims)} claims no rule covers)" in suggest([group], claims)
    assert "(1 claim no rule covers)" in suggest([group], [first])  # the others not given: one member
