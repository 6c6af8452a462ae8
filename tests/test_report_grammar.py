"""Counts read as English in every line an editor or a CI log shows: '1 claim', '2 claims', never '(s)'."""

from __future__ import annotations

import re
from dataclasses import replace

from report_fixtures import sample_report

from checker.baseline import Baseline, gate
from checker.cli import _summary
from checker.explain import explain
from checker.model import Group, Membership, Report
from checker.render_formats import render_check_markdown, render_check_text, render_claims_text
from checker.render_markdown import render_markdown
from checker.report import counted, plural

NOUNS = "articles|claims|quantities|findings|figures|pairs|conflicts|rules|entries|new findings"
ONE_WITH_PLURAL = re.compile(rf"(?<![\d.,])\b1 (?:{NOUNS})\b")


def one_of_each() -> Report:
    """One article, one claim in one quantity, one finding (against nothing else)."""
    r = sample_report()
    a = r.articles[0]
    c = r.claims[0]
    member = Membership(c.id, "rule", 100, "x")
    group = Group("held", "People held in camps", "people", "count", "held", (member,))
    finding = replace(r.findings[0], claims=(c.id,))
    return Report((a,), (c,), (group,), (finding,), r.rules)


def test_plural_and_counted() -> None:
    assert [plural(w) for w in ("claim", "quantity", "baseline entry", "day", "match", "box")] == \
        ["claims", "quantities", "baseline entries", "days", "matches", "boxes"]
    assert counted(1, "quantity") == "1 quantity" and counted(0, "quantity") == "0 quantities"
    assert counted(2, "person", "people") == "2 people" and counted(1, "person", "people") == "1 person"


def test_one_of_each_is_singular_everywhere() -> None:
    r = one_of_each()
    assert _summary(r) == "1 article, 1 claim, 1 quantity, 1 finding (1 critical)"
    assert render_claims_text(r).rstrip().endswith("1 claim in 1 article.")
    text = render_markdown(r)
    assert "grouped by similarity" not in text and "; 1 claim.\n" in text
    assert "1 finding about 1 quantity." in text
    assert "(rule held; 1 claim)" in explain(r, r.claims[0].id)
    result = gate(r, Baseline(), "minor")
    check = render_check_text(result)
    assert "Found 1 new finding at or above minor" in check
    outputs = [_summary(r), render_claims_text(r), text, check, render_check_markdown(result)]
    for out in outputs:
        assert "(s)" not in out and "(ies)" not in out
        assert not ONE_WITH_PLURAL.search(out), ONE_WITH_PLURAL.search(out)


def test_many_are_plural() -> None:
    r = sample_report()
    assert _summary(r) == "3 articles, 4 claims, 1 quantity, 2 findings (1 critical, 1 minor)"
    text = render_markdown(r)
    assert "; 3 claims.\n" in text and "2 findings about 1 quantity." in text
    assert "(s)" not in text


def test_stale_baseline_entries_are_counted_in_words() -> None:
    from checker.baseline import Entry

    r = sample_report()
    fields = Entry.__dataclass_fields__
    entry = Entry(**{name: "x" for name in fields})  # type: ignore[arg-type]
    one = render_check_text(gate(r, Baseline({"gone-1": entry}), "minor"))
    assert "1 baseline entry no longer found" in one
    two = render_check_text(gate(r, Baseline({"gone-1": entry, "gone-2": entry}), "minor"))
    assert "2 baseline entries no longer found" in two


def test_headings_start_with_a_capital_and_small_gaps_keep_two_decimals() -> None:
    from checker.report import capitalised, format_ratio

    assert capitalised("crowd") == "Crowd" and capitalised("the ministry") == "The ministry"
    assert capitalised("c.txt gave") == "c.txt gave" and capitalised("iNews readers") == "iNews readers"
    r = sample_report()
    lower = replace(r.groups[0], label="people held in camps")
    text = render_markdown(replace(r, groups=(lower,), rules=()))
    assert "### People held in camps: critical" in text and "### People held in camps (`held`)" in text
    header = next(line for line in text.splitlines() if line.startswith("| Articles"))
    cells = [cell.strip() for cell in header.strip("|").split("|")]
    assert cells[-4:] == ["Critical", "Major", "Minor", "Info"]
    assert format_ratio(1.04) == "1.04×" and format_ratio(1.2) == "1.2×" and format_ratio(15.3) == "15×"


def test_chart_title_starts_with_a_capital() -> None:
    import xml.etree.ElementTree as ET

    from checker.chart import render_chart

    r = sample_report()
    lower = replace(r.groups[0], label="people held in camps")
    svg = ET.fromstring(render_chart(replace(r, groups=(lower,)), lower))
    texts = [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    titles = [t for t in texts if "log scale" in t]
    assert titles == ["People held in camps (people) — log scale"]
