"""Baseline: load/save round trip, update keeps reasons, accept, the gate and where it points."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from report_fixtures import article, claim, sample_report

from checker import baseline as bl
from checker.model import CheckerError, Finding, Report


def test_update_writes_every_finding_sorted_and_stable(tmp_path: Path) -> None:
    r = sample_report()
    path = tmp_path / "b.json"
    bl.save(bl.updated(r, bl.Baseline()), path)
    data = json.loads(path.read_text())
    assert [e["id"] for e in data["findings"]] == sorted(f.id for f in r.findings)
    entry = data["findings"][0]
    assert entry["figures"][0] == "a.txt:2: About 2 million"
    assert entry["reason"] is None
    before = path.read_bytes()
    bl.save(bl.updated(r, bl.load(path)), path)
    assert path.read_bytes() == before


def test_update_keeps_reasons_and_drops_findings_that_are_gone(tmp_path: Path) -> None:
    r = sample_report()
    b = bl.accept(r, bl.Baseline(), "held-conflict-1", "  different time frames  ")
    assert b.entries["held-conflict-1"].reason == "different time frames"
    fewer = replace(r, findings=r.findings[:1])
    b2 = bl.updated(fewer, b)
    assert set(b2.entries) == {"held-conflict-1"}
    assert b2.entries["held-conflict-1"].reason == "different time frames"
    path = tmp_path / "b.json"
    bl.save(b2, path)
    assert bl.load(path) == b2


def test_accept_unknown_id_or_empty_reason_is_an_error() -> None:
    r = sample_report()
    with pytest.raises(CheckerError, match="nope"):
        bl.accept(r, bl.Baseline(), "nope", "reason")
    with pytest.raises(CheckerError, match="reason"):
        bl.accept(r, bl.Baseline(), "held-conflict-1", "  ")


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", r"b\.json:1:2: invalid JSON"), ('{"findings": 3}', "findings"),
     ('{"findings": [{"kind": "x"}]}', "entry 1 has no 'id'"), ("[]", "findings")],
)
def test_malformed_baseline_is_one_error_naming_the_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(CheckerError, match=expected) as info:
        bl.load(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_baseline_is_an_error_but_load_or_empty_is_not(tmp_path: Path) -> None:
    with pytest.raises(CheckerError, match="no such baseline"):
        bl.load(tmp_path / "missing.json")
    assert bl.load_or_empty(tmp_path / "missing.json") == bl.Baseline()


def test_gate_splits_new_and_accepted_by_severity() -> None:
    r = sample_report()
    result = bl.gate(r, bl.Baseline(), "major")
    assert [x.finding.id for x in result.new] == ["held-conflict-1", "held-conflict-2"]
    assert [x.finding.id for x in result.failing] == ["held-conflict-1"]  # minor is below major
    accepted = bl.accept(r, bl.Baseline(), "held-conflict-1", "ok")
    result = bl.gate(r, accepted, "major")
    assert result.failing == () and [f.id for f in result.accepted] == ["held-conflict-1"]
    assert bl.gate(r, accepted, "info").failing[0].finding.id == "held-conflict-2"


def test_gate_reports_stale_entries() -> None:
    r = sample_report()
    b = bl.updated(r, bl.Baseline())
    result = bl.gate(replace(r, findings=r.findings[1:]), b, "minor")
    assert result.stale == ("held-conflict-1",)


def test_new_finding_points_at_the_article_the_baseline_has_not_seen() -> None:
    r = sample_report()
    b = bl.updated(r, bl.Baseline())
    new_article = article("zz_new.txt", "Header\nOnly 5,000 people are held in camps.\n")
    c5 = claim("c5", new_article, "5,000", 5000, 5000, 5000, hedge="exact", quantity="held")
    # put the new claim first in the finding, so the choice cannot come from the order
    f = Finding("held-conflict-new", "conflict", "held", "critical", ("c5", "c1"), "5,000 vs 2m", 400.0)
    r2 = Report(r.articles + (new_article,), r.claims + (c5,), r.groups, r.findings + (f,), r.rules)
    result = bl.gate(r2, b, "minor")
    (x,) = result.failing
    assert (x.path, x.line, x.col) == ("corpus/zz_new.txt", 2, 6)
    # with no baseline at all, it points at the last of the finding's claims (by article and offset)
    (y,) = [z for z in bl.gate(r2, bl.Baseline(), "minor").new if z.finding.id == f.id]
    assert y.path == "corpus/zz_new.txt"
