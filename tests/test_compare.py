"""Comparison: intervals, tolerance, severity, finding kinds and stable ids.

Claims, groups and articles are built directly here, so these tests do not depend on the extractor.
"""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import (
    compare,
    policy_for,
    ratio_text,
    severity_for,
    speaker,
    widen,
)
from checker.model import Article, Claim, Finding, Group, Membership, Reference, Rule, Severity
from checker.rules import RuleSet, Settings


def claim(
    cid: str,
    article: str,
    text: str,
    low: float | None,
    high: float | None,
    value: float | None = None,
    *,
    hedge: str = "approximate",
    attribution: str | None = None,
    scope: tuple[str, ...] = (),
    sentence: str | None = None,
    start: int = 0,
    trend: str | None = None,
    dimension: str = "count",
) -> Claim:
    return Claim(
        id=cid, article=article, line=1, start=start, end=start + len(text), text=text, value=value,
        low=low, high=high, hedge=hedge, trend=trend, unit="people", dimension=dimension,
        entity="people held in camps", attribution=attribution,
        sentence=sentence if sentence is not None else f"Reports say {text} people are held in camps.",
        scope=scope,
    )


def group(claims: list[Claim], gid: str = "people-held", rule: str | None = None) -> Group:
    members = tuple(Membership(c.id, "rule" if rule else "similarity", 90.0, "test") for c in claims)
    return Group(gid, "people held in camps", "people", "count", rule, members)


def ruleset(*rules: Rule, **overrides: object) -> RuleSet:
    return RuleSet(rules, dataclasses.replace(Settings(), **overrides))


def run(claims: list[Claim], articles: list[Article] = (), rs: object = None, gid: str = "people-held",
        rule: str | None = None) -> tuple[Finding, ...]:
    return compare([group(claims, gid, rule)], claims, list(articles), rs if rs is not None else ruleset())


def pairs(findings: tuple[Finding, ...], kind: str = "conflict") -> set[frozenset[str]]:
    return {frozenset(f.claims) for f in findings if f.kind == kind}


# The camp figures of the first issue, as the extractor reads them (hedges give their own width).
TWO_MILLION = claim("c0", "000.txt", "about 2 million", 1.8e6, 2.2e6, 2e6,
                    attribution="Several reports have said")
MORE_THAN_ONE = claim("c1", "001.txt", "more than one million", 1e6, None, hedge="more-than")
AROUND_ONE = claim("c2", "002.txt", "around 1 million", 0.9e6, 1.1e6, 1e6,
                   attribution="Human rights campaigners say")
TENS_OF_THOUSANDS = claim("c3", "003.txt", "tens of thousands", 1e4, 1e5, hedge="vague")
CAMPS = [TWO_MILLION, MORE_THAN_ONE, AROUND_ONE, TENS_OF_THOUSANDS]


def test_done_when_pairs_of_the_first_issue() -> None:
    found = run(CAMPS)
    assert pairs(found) == {
        frozenset({"c3", "c0"}), frozenset({"c3", "c1"}), frozenset({"c3", "c2"}), frozenset({"c0", "c2"}),
    }
    by_pair = {frozenset(f.claims): f for f in found}
    assert by_pair[frozenset({"c3", "c0"})].severity == "critical"
    assert by_pair[frozenset({"c0", "c2"})].severity == "minor"
    assert frozenset({"c0", "c1"}) not in by_pair  # "more than one million" is open above


def test_open_ended_claims_that_overlap_do_not_conflict() -> None:
    uyghurs = claim("u", "a.txt", "more than 10 million", 1e7, None, hedge="more-than")
    xinjiang = claim("x", "b.txt", "25 million-plus", 2.5e7, None, hedge="at-least")
    assert run([uyghurs, xinjiang]) == ()


def test_open_ends_in_opposite_directions_conflict() -> None:
    under = claim("a", "a.txt", "fewer than 100", None, 100, hedge="less-than")
    over = claim("b", "b.txt", "more than 1,000", 1000, None, hedge="more-than")
    (finding,) = run([under, over])
    assert finding.claims == ("a", "b")
    assert finding.ratio == pytest.approx(1000 / 1.1 / (100 * 1.1))


def test_findings_sorted_by_severity_then_quantity() -> None:
    found = run(CAMPS)
    ranks = [Severity(f.severity).rank for f in found]
    assert ranks == sorted(ranks, reverse=True)


def test_ratio_is_nearest_ends_after_tolerance() -> None:
    (finding,) = run([TWO_MILLION, AROUND_ONE])
    assert finding.ratio == pytest.approx((1.8e6 / 1.1) / (1.1e6 * 1.1))
    assert finding.claims == ("c2", "c0")  # the lower figure first, as the message reads
    assert finding.details["sides"][0]["widened"] == pytest.approx([0.9e6 / 1.1, 1.1e6 * 1.1])
    assert finding.details["tolerance"] == 0.1 and finding.details["tolerance_from"] == "global"


def test_message_names_figures_articles_outlets_speakers_and_ratio() -> None:
    articles = [Article("003.txt", "seeds/003.txt", "", outlet="LatestLY"), Article("000.txt", "x", "")]
    (finding,) = run([TENS_OF_THOUSANDS, TWO_MILLION], articles)
    msg = finding.message
    assert '"tens of thousands"' in msg and '"about 2 million"' in msg
    assert "LatestLY, 003.txt" in msg and "000.txt" in msg
    assert "according to Several reports" in msg
    assert f"{ratio_text(finding.ratio)} below" in msg
    assert msg.count(".") >= 1 and "\n" not in msg
    assert finding.details["sides"][1]["speaker"] == "Several reports"


def test_different_article_dates_are_marked() -> None:
    articles = [Article("000.txt", "x", "", date="2018-09-12"),
                Article("002.txt", "y", "", date="2021-03-22")]
    (finding,) = run([TWO_MILLION, AROUND_ONE], articles)
    assert finding.details["dates"] == ["2021-03-22", "2018-09-12"]
    assert "figures from different dates: 2021-03-22 vs 2018-09-12" in finding.message
    same = [Article("000.txt", "x", "", date="2021-03-22"), Article("002.txt", "y", "", date="2021-03-22")]
    (finding,) = run([TWO_MILLION, AROUND_ONE], same)
    assert "dates" not in finding.details and "different dates" not in finding.message


def test_severity_scale_and_overrides() -> None:
    default = policy_for(None, Settings()).thresholds
    assert [severity_for(r, default) for r in (1.01, 1.99, 2.0, 9.99, 10.0, 500.0)] == [
        "minor", "minor", "major", "major", "critical", "critical"]
    assert severity_for(None, default) == "critical"
    strict = Rule("camps", "camps", "people", "count", (), severity=(("major", 1.2), ("critical", 3.0)))
    thresholds = policy_for(strict, Settings()).thresholds
    assert dict(thresholds) == {"minor": 1.0, "major": 1.2, "critical": 3.0}
    assert severity_for(1.5, thresholds) == "major"
    only_major = policy_for(None, Settings(severity_thresholds=(("major", 1.1),))).thresholds
    assert severity_for(1.5, only_major) == "major" and severity_for(1.05, only_major) == "info"


def test_rule_tolerance_and_severity_apply_to_its_group() -> None:
    loose = Rule("camps", "camps", "people", "count", (), tolerance=0.5, severity=(("critical", 1.5),))
    (finding,) = run([TENS_OF_THOUSANDS, TWO_MILLION], rs=ruleset(loose), gid="camps", rule="camps")
    assert finding.details["tolerance_from"] == "rule:camps" and finding.details["tolerance"] == 0.5
    assert finding.ratio == pytest.approx((1.8e6 / 1.5) / (1e5 * 1.5))
    assert run([AROUND_ONE, TWO_MILLION], rs=ruleset(loose), gid="camps", rule="camps") == ()
    assert run([AROUND_ONE, TWO_MILLION], rs=ruleset(tolerance=0.5)) == ()


def test_tally_rule_compares_only_with_its_reference() -> None:
    seven = claim("s7", "a.txt", "seven", 7, 7, 7, hedge="exact")
    two = claim("s2", "b.txt", "two", 2, 2, 2, hedge="exact")
    tally = Rule("sanctioned", "officials sanctioned", "officials", "count", (), kind="tally")
    assert run([seven, two], rs=ruleset(tally), gid="sanctioned", rule="sanctioned") == ()
    capped = dataclasses.replace(tally, reference=Reference(7, None, None, "Treasury", "2021-03-22"))
    found = run([seven, two], rs=ruleset(capped), gid="sanctioned", rule="sanctioned")
    assert [(f.kind, f.claims) for f in found] == [("differs-from-reference", ("s2",))]
    assert "below the reference 7 (Treasury, 2021-03-22)" in found[0].message


def test_claims_from_one_article_are_compared() -> None:
    company = claim("a", "plant.txt", "1,200", 1200, 1200, 1200, hedge="exact",
                    attribution="the company said")
    union = claim("b", "plant.txt", "nearly 3,000", 2700, 3000, 3000, attribution="the union said", start=90)
    (finding,) = run([company, union])
    assert finding.claims == ("a", "b") and finding.severity == "minor"
    assert "according to the company" in finding.message and "according to the union" in finding.message
    assert len(run([company, dataclasses.replace(union, attribution=None)])) == 1


def test_one_sentence_describing_a_change_is_compared_only_between_different_speakers() -> None:
    sentence = "New cases fell to 480 last week, from 612 the week before, the ministry said."
    a = claim("a", "o.txt", "480", 480, 480, 480, hedge="exact", attribution="the ministry said",
              sentence=sentence, start=18)
    b = claim("b", "o.txt", "612", 612, 612, 612, hedge="exact", attribution="the ministry said",
              sentence=sentence, start=40)
    assert run([a, b]) == ()
    assert run([a, dataclasses.replace(b, attribution=None)]) == ()
    assert len(run([a, dataclasses.replace(b, attribution="the charity said")])) == 1
    assert len(run([a, dataclasses.replace(b, article="other.txt")])) == 1


def test_one_sentence_setting_two_figures_side_by_side_is_compared() -> None:
    sentence = "The storm killed about 1,130 people, a study says, many times the official death toll of 41."
    a = claim("a", "c.txt", "about 1,130", 1017, 1243, 1130, attribution="a study says", sentence=sentence)
    b = claim("b", "c.txt", "41", 41, 41, 41, hedge="exact", attribution="a study says", sentence=sentence,
              start=80)
    (finding,) = run([a, b])
    assert finding.claims == ("b", "a") and finding.severity == "critical"


def test_incomparable_claims_are_skipped() -> None:
    percent = claim("p", "b.txt", "20%", 20, 20, 20, dimension="percent")
    change = claim("t", "c.txt", "rose 5,000", 5e3, 5e3, 5e3, trend="up")
    vague = claim("v", "d.txt", "many", None, None, None, hedge="vague")
    assert run([TWO_MILLION, percent]) == ()
    assert run([TWO_MILLION, change]) == ()
    assert run([TWO_MILLION, vague]) == ()


def test_opposite_trends_conflict_whatever_the_sizes() -> None:
    up = claim("u", "a.txt", "rose 5%", 5, 5, 5, trend="up", dimension="percent")
    down = claim("d", "b.txt", "fell 5%", 5, 5, 5, trend="down", dimension="percent")
    (finding,) = run([up, down])
    assert finding.ratio is None and finding.severity == "critical"
    assert "opposite direction" in finding.message


def test_scope_difference_replaces_conflict() -> None:
    since = dataclasses.replace(TENS_OF_THOUSANDS, scope=("since:2017-04",))
    current = dataclasses.replace(TWO_MILLION, scope=("current",))
    (finding,) = run([since, current])
    assert finding.kind == "scope-differs" and finding.severity == "info"
    assert finding.details["severity_if_conflict"] == "critical"
    assert finding.details["scope_differences"] == ["time: since:2017-04 vs current"]
    assert "different scopes" in finding.message
    (finding,) = run([since, current], rs=ruleset(scope_severity="minor"))
    assert finding.severity == "minor"


def test_scope_on_one_side_only_or_same_scope_is_still_a_conflict() -> None:
    one_sided = dataclasses.replace(TENS_OF_THOUSANDS, scope=("region:xinjiang",))
    assert [f.kind for f in run([one_sided, TWO_MILLION])] == ["conflict"]
    both = dataclasses.replace(TWO_MILLION, scope=("region:xinjiang",))
    assert [f.kind for f in run([one_sided, both])] == ["conflict"]
    other = dataclasses.replace(TWO_MILLION, scope=("region:tibet",))
    assert [f.kind for f in run([one_sided, other])] == ["scope-differs"]
    adults = dataclasses.replace(TWO_MILLION, scope=("subpop:adults",))
    children = dataclasses.replace(TENS_OF_THOUSANDS, scope=("subpop:children",))
    assert [f.kind for f in run([children, adults])] == ["scope-differs"]


def test_a_sub_population_below_an_unlimited_figure_is_a_scope_difference() -> None:
    adults_low = dataclasses.replace(TENS_OF_THOUSANDS, scope=("subpop:adults",))
    (finding,) = run([adults_low, TWO_MILLION])
    assert finding.kind == "scope-differs"
    assert finding.details["scope_differences"] == ["subpop: subpop:adults vs not limited"]
    adults_high = dataclasses.replace(TWO_MILLION, scope=("subpop:adults",))
    assert [f.kind for f in run([TENS_OF_THOUSANDS, adults_high])] == ["conflict"]


def test_scope_markers_that_match_do_not_explain_a_gap() -> None:
    shared = dataclasses.replace(TENS_OF_THOUSANDS, scope=("current", "since:2019"))
    since = dataclasses.replace(TWO_MILLION, scope=("since:2019",))
    assert [f.kind for f in run([shared, since])] == ["conflict"]
    long_name = dataclasses.replace(TENS_OF_THOUSANDS, scope=("region:kestria's north varn",))
    short_name = dataclasses.replace(TWO_MILLION, scope=("region:north varn",))
    assert [f.kind for f in run([long_name, short_name])] == ["conflict"]
    saturday = dataclasses.replace(TENS_OF_THOUSANDS, scope=("peak",))
    peak = dataclasses.replace(TWO_MILLION, scope=("date:saturday",))
    assert [f.kind for f in run([saturday, peak])] == ["conflict"]


def test_a_running_total_against_a_figure_without_time_frame_is_a_conflict() -> None:
    # "at least 140 have died since March" against "87 have died": the toll is a running total on both
    # sides, the second article just did not say so.
    total = dataclasses.replace(TWO_MILLION, scope=("since:2019",))
    assert [f.kind for f in run([TENS_OF_THOUSANDS, total])] == ["conflict"]


def test_values_apart_with_different_scopes_are_reported_even_when_intervals_overlap() -> None:
    passed = claim("p", "a.txt", "as many as 40,000", None, 4e4, 4e4, hedge="at-most", scope=("since:2019",))
    held = claim("h", "b.txt", "about 5,000", 4500, 5500, 5e3, scope=("current",))
    (finding,) = run([passed, held])
    assert finding.kind == "scope-differs" and finding.claims == ("h", "p")
    assert finding.ratio == pytest.approx((4e4 / 1.1) / (5e3 * 1.1))
    assert finding.details["apart_by"] == "values" and finding.details["severity_if_conflict"] is None
    assert "as point values; their intervals overlap" in finding.message
    assert run([passed, dataclasses.replace(held, scope=())]) == ()
    assert run([passed, dataclasses.replace(held, value=None)]) == ()


def test_scope_does_not_matter_when_figures_agree() -> None:
    since = dataclasses.replace(MORE_THAN_ONE, scope=("since:2017-04",))
    current = dataclasses.replace(TWO_MILLION, scope=("current",))
    assert run([since, current]) == ()


def kinds_with_scopes(low_scope: tuple[str, ...], high_scope: tuple[str, ...]) -> list[str]:
    low = dataclasses.replace(TENS_OF_THOUSANDS, scope=low_scope)
    high = dataclasses.replace(TWO_MILLION, scope=high_scope)
    return [f.kind for f in run([low, high])]


def test_a_coming_window_is_a_time_frame() -> None:
    assert kinds_with_scopes(("next:5y",), ("past:5y",)) == ["scope-differs"]
    assert kinds_with_scopes(("next:5y",), ("current",)) == ["scope-differs"]
    assert kinds_with_scopes(("next:5y",), ("next:5y",)) == ["conflict"]


def test_today_is_now() -> None:
    assert kinds_with_scopes(("date:today",), ("current",)) == ["conflict"]
    assert kinds_with_scopes(("asof:today",), ("current",)) == ["conflict"]
    assert kinds_with_scopes(("date:today",), ("since:2019",)) == ["scope-differs"]


def test_dates_without_a_year_or_as_weekdays_differ_only_when_they_must() -> None:
    # The same day or month with and without its year is one date; a weekday may be any date.
    assert kinds_with_scopes(("date:--03-03",), ("date:2024-03-03",)) == ["conflict"]
    assert kinds_with_scopes(("since:--03",), ("since:2024-03",)) == ["conflict"]
    assert kinds_with_scopes(("date:saturday",), ("date:--03-03",)) == ["conflict"]
    assert kinds_with_scopes(("asof:monday",), ("asof:2024-06-03",)) == ["conflict"]
    assert kinds_with_scopes(("date:saturday",), ("date:sunday",)) == ["scope-differs"]
    assert kinds_with_scopes(("since:--03",), ("since:2024-04",)) == ["scope-differs"]
    assert kinds_with_scopes(("date:--03-03",), ("date:--03-04",)) == ["scope-differs"]


def share(cid: str, text: str, value: float, dimension: str, unit: str | None) -> Claim:
    c = claim(cid, f"{cid}.txt", text, value, value, value, hedge="exact", dimension=dimension,
              sentence=f"The region grows {text} of the world's cotton.")
    return dataclasses.replace(c, unit=unit, entity="world's cotton")


def share_group(claims: list[Claim], dimension: str = "percent", rule: str | None = None) -> Group:
    members = tuple(Membership(c.id, "similarity", 90.0, "test") for c in claims)
    return Group("cotton-share", "share of the world's cotton", "percent", dimension, rule, members)


def test_a_fraction_and_a_percent_share_are_compared_in_percent() -> None:
    fifth = share("a", "a fifth", 0.2, "ratio", None)
    twenty = share("b", "20%", 20.0, "percent", "percent")
    most = share("c", "84%", 84.0, "percent", "percent")
    found = compare([share_group([fifth, twenty, most])], [fifth, twenty, most], [], ruleset())
    assert pairs(found) == {frozenset({"a", "c"}), frozenset({"b", "c"})}  # a fifth = 20%: no conflict
    (finding,) = [f for f in found if f.claims == ("a", "c")]
    assert finding.severity == "major" and finding.ratio == pytest.approx(84 / 1.1 / (20 * 1.1))
    assert '"a fifth"' in finding.message and '"84%"' in finding.message  # both as written
    side = finding.details["sides"][0]
    assert side["interval"] == [20.0, 20.0] and side["interval_as_read"] == [0.2, 0.2]
    assert "interval_as_read" not in finding.details["sides"][1]


def test_a_multiplier_is_not_a_share() -> None:
    times = share("a", "2.5 times", 2.5, "ratio", "times")
    most = share("c", "84%", 84.0, "percent", "percent")
    assert compare([share_group([times, most])], [times, most], [], ruleset()) == ()


def test_a_fraction_against_a_percent_reference() -> None:
    ref = Reference(value=20.0, low=None, high=None, source="a trade body", date="2020", text="20%")
    rule = Rule("cotton-share", "share of the world's cotton", "percent", "percent", (), reference=ref)
    fifth = share("a", "a fifth", 0.2, "ratio", None)
    tenth = share("b", "one in ten", 0.1, "ratio", None)
    found = compare([share_group([fifth, tenth], rule=rule.id)], [fifth, tenth], [], ruleset(rule))
    assert [(f.kind, f.claims) for f in found if f.kind == "differs-from-reference"] == [
        ("differs-from-reference", ("b",))
    ]


def census_rule(tolerance: float | None = None) -> Rule:
    ref = Reference(value=25.85e6, low=None, high=None, source="2020 census", date="2021-06-14",
                    text="25.85 million")
    return Rule("xj-pop", "Xinjiang population", "people", "count", (), tolerance=tolerance, reference=ref)


def test_claim_far_from_reference() -> None:
    far = claim("f", "a.txt", "about 2 million", 1.8e6, 2.2e6, 2e6)
    near = claim("n", "b.txt", "25 million-plus", 2.5e7, None, hedge="at-least")
    found = run([far, near], rs=ruleset(census_rule()), gid="xj-pop", rule="xj-pop")
    refs = [f for f in found if f.kind == "differs-from-reference"]
    assert [f.claims for f in refs] == [("f",)]
    (ref,) = refs
    assert ref.severity == "major" and ref.ratio == pytest.approx((25.85e6 / 1.1) / (2.2e6 * 1.1))
    assert ref.details["reference"]["source"] == "2020 census"
    assert ref.details["reference"]["date"] == "2021-06-14"
    assert "below the reference 25.85 million (2020 census, 2021-06-14)" in ref.message
    above = claim("h", "c.txt", "300 million", 3e8, 3e8, 3e8, hedge="exact")
    (ref,) = [f for f in run([above], rs=ruleset(census_rule()), gid="xj-pop", rule="xj-pop")]
    assert "above the reference" in ref.message


def test_reference_uses_rule_tolerance() -> None:
    near = claim("n", "a.txt", "20 million", 2e7, 2e7, 2e7, hedge="exact")
    assert len(run([near], rs=ruleset(census_rule()), gid="xj-pop", rule="xj-pop")) == 1
    assert run([near], rs=ruleset(census_rule(0.2)), gid="xj-pop", rule="xj-pop") == ()


def test_id_is_stable_under_renames_and_offsets_and_changes_with_the_figure() -> None:
    (base,) = run([TENS_OF_THOUSANDS, TWO_MILLION])
    assert base.id.startswith("C-") and len(base.id) == 10
    moved = [dataclasses.replace(TENS_OF_THOUSANDS, id="x9", article="renamed/three.txt", start=900, line=40),
             dataclasses.replace(TWO_MILLION, id="x1", article="zero.md", start=7)]
    (again,) = compare([group(moved, "g-other")], moved, [], ruleset())
    assert again.id == base.id
    changed = dataclasses.replace(TWO_MILLION, text="about 3 million", low=2.7e6, high=3.3e6, value=3e6)
    (other,) = run([TENS_OF_THOUSANDS, changed])
    assert other.id != base.id
    edited = dataclasses.replace(TWO_MILLION, sentence="A different sentence with about 2 million.")
    (other,) = run([TENS_OF_THOUSANDS, edited])
    assert other.id != base.id


def test_ids_are_unique_when_content_repeats() -> None:
    copy = dataclasses.replace(TWO_MILLION, id="c0b", article="syndicated.txt")
    found = run([TENS_OF_THOUSANDS, TWO_MILLION, copy])
    ids = [f.id for f in found]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[0].split("-")[1] == ids[1].split("-")[1]


def test_widen_moves_ends_outward_whatever_the_sign() -> None:
    assert widen((10.0, 20.0), 0.1) == pytest.approx((10 / 1.1, 22.0))
    assert widen((-20.0, -10.0), 0.1) == pytest.approx((-22.0, -10 / 1.1))
    assert widen((None, 0.0), 0.1) == (None, 0.0)


def test_zero_against_positive_is_top_severity() -> None:
    zero = claim("z", "a.txt", "no one", 0, 0, 0, hedge="exact")
    (finding,) = run([zero, TWO_MILLION])
    assert finding.ratio is None and finding.severity == "critical"


@pytest.mark.parametrize("text, expected", [
    ("said Nauert", "Nauert"), ("Human rights campaigners say", "Human rights campaigners"),
    ("according to police", "police"), ("The consortium estimates that", "The consortium"), (None, None),
])
def test_speaker(text: str | None, expected: str | None) -> None:
    assert speaker(text) == expected


# ---------------------------------------------------------------- properties

positive = st.floats(min_value=1e-3, max_value=1e12, allow_nan=False, allow_infinity=False)


@st.composite
def claims_strategy(draw: st.DrawFn, n: int = 6) -> list[Claim]:
    out = []
    for i in range(draw(st.integers(1, n))):
        low = draw(st.one_of(st.none(), positive))
        width = draw(st.floats(min_value=1.0, max_value=100.0))
        high = draw(st.one_of(st.none(), st.just(low * width if low is not None else width)))
        out.append(claim(f"c{i}", f"a{draw(st.integers(0, 3))}.txt", f"fig {i}", low, high,
                         attribution=draw(st.sampled_from([None, "police", "organisers"])),
                         scope=draw(st.sampled_from([(), ("current",), ("since:2017",)])), start=i))
    return out


def as_data(found: tuple[Finding, ...]) -> list[dict[str, object]]:
    return [dataclasses.asdict(f) for f in found]


@settings(max_examples=150, deadline=None)
@given(claims_strategy(), st.randoms(use_true_random=False))
def test_compare_does_not_depend_on_input_order(claims: list[Claim], rnd: random.Random) -> None:
    articles = [Article(f"a{i}.txt", "p", "", date=f"2021-0{i + 1}-01") for i in range(4)]
    before = compare([group(claims)], claims, articles, ruleset())
    shuffled, arts = claims[:], articles[:]
    rnd.shuffle(shuffled)
    rnd.shuffle(arts)
    after = compare([group(shuffled)], list(reversed(shuffled)), arts, ruleset())
    assert as_data(after) == as_data(before)


@settings(max_examples=150, deadline=None)
@given(claims_strategy())
def test_a_claim_never_conflicts_with_itself(claims: list[Claim]) -> None:
    for c in claims:
        doubled = Group("g", "g", None, "count", None, (Membership(c.id, "rule", 100, "x"),) * 2)
        assert compare([doubled], [c], [], ruleset()) == ()


@settings(max_examples=200, deadline=None)
@given(positive, st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=2.0))
def test_values_within_tolerance_never_conflict(value: float, fraction: float, tolerance: float) -> None:
    other = value * (1 + tolerance * fraction)
    a = claim("a", "a.txt", "x", value, value, value, hedge="exact")
    b = claim("b", "b.txt", "y", other, other, other, hedge="exact")
    assert run([a, b], rs=ruleset(tolerance=tolerance)) == ()


@settings(max_examples=200, deadline=None)
@given(positive, st.floats(min_value=1.0, max_value=1e4), st.floats(min_value=1.0, max_value=1e4))
def test_conflict_severity_is_monotone_in_the_ratio(value: float, k1: float, k2: float) -> None:
    k1, k2 = sorted((k1, k2))

    def rank(k: float) -> int:
        a = claim("a", "a.txt", "x", value, value, value, hedge="exact")
        b = claim("b", "b.txt", "y", value * k, value * k, value * k, hedge="exact")
        found = run([a, b])
        return Severity(found[0].severity).rank if found else -1

    assert rank(k1) <= rank(k2)


signed = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(signed, st.floats(min_value=0.0, max_value=1e6)), min_size=2, max_size=5))
def test_ratios_are_at_least_one_whatever_the_signs(ends: list[tuple[float, float]]) -> None:
    claims = [claim(f"c{i}", f"a{i}.txt", f"fig {i}", low, low + width)
              for i, (low, width) in enumerate(ends)]
    for finding in run(claims):
        assert finding.ratio is None or finding.ratio >= 1
        assert finding.severity in {s.value for s in Severity}


@settings(max_examples=200, deadline=None)
@given(signed, st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=2.0))
def test_signed_values_within_tolerance_never_conflict(value: float, fraction: float, tol: float) -> None:
    other = value * (1 + tol * fraction)
    a = claim("a", "a.txt", "x", value, value, value, hedge="exact")
    b = claim("b", "b.txt", "y", other, other, other, hedge="exact")
    assert run([a, b], rs=ruleset(tolerance=tol)) == ()


def test_a_speakers_high_estimate_against_anothers_figure_is_a_conflict() -> None:
    # "as many as 9,000 barrels", says the regulator, against the operator's "about 1,200".
    high = claim("h", "a.txt", "as many as 9,000", None, 9e3, 9e3, hedge="at-most",
                 attribution="the regulator")
    low = claim("l", "b.txt", "about 1,200", 1080, 1320, 1200, attribution="the operator")
    (finding,) = run([high, low])
    assert finding.kind == "conflict" and finding.claims == ("l", "h")
    assert finding.ratio == pytest.approx((9e3 / 1.1) / (1200 * 1.1))
    assert finding.severity == "major" and finding.details["apart_by"] == "values"
    # One voice, a lower figure that is itself a bound, or "no more than" (a ceiling): no disagreement.
    assert run([high, dataclasses.replace(low, attribution="the regulator")]) == ()
    assert run([high, dataclasses.replace(low, hedge="more-than", low=1200, high=None)]) == ()
    assert run([dataclasses.replace(high, text="no more than 9,000"), low]) == ()
    # A time frame on one side only ("over five years") leaves it open.
    assert run([dataclasses.replace(high, scope=("past:5y",)), low]) == ()


def test_two_speakers_point_figures_apart_after_tolerance_conflict_even_when_hedges_overlap() -> None:
    # The commission's "58%" against the observers' "barely 44%" ([39.6, 48.4]): the widened intervals
    # touch, but the two sources' values lie apart after tolerance.
    official = claim("o", "a.txt", "58%", 58, 58, 58, hedge="exact", attribution="the commission")
    observers = claim("b", "a.txt", "barely 44%", 39.6, 48.4, 44, attribution="observers")
    (finding,) = run([official, observers])
    assert finding.kind == "conflict" and finding.details["apart_by"] == "values"
    assert finding.ratio == pytest.approx((58 / 1.1) / (44 * 1.1))
    # One voice, or no second speaker: the hedges' overlap stands.
    assert run([official, dataclasses.replace(observers, attribution="the commission")]) == ()
    assert run([official, dataclasses.replace(observers, attribution=None)]) == ()
    # Values within tolerance never conflict.
    near = dataclasses.replace(observers, text="about 55%", low=49.5, high=60.5, value=55)
    assert run([official, near]) == ()


def test_message_names_a_speaker_as_it_reads_inside_a_sentence() -> None:
    a = claim("k1", "a.txt", "400", 400, 400, 400, hedge="exact", attribution="The interior ministry said")
    b = claim("k2", "b.txt", "5,000", 5000, 5000, 5000, hedge="exact", attribution="An aid group estimated")
    c = claim("k3", "c.txt", "9,000", 9000, 9000, 9000, hedge="exact",
              attribution="Police Chief Ada Lind said")
    messages = " ".join(f.message for f in run([a, b, c]))
    assert "according to the interior ministry" in messages and "according to an aid group" in messages
    assert "according to Police Chief Ada Lind" in messages  # only a leading determiner is lowered
    assert "according to The" not in messages and "according to An" not in messages


def test_a_small_gap_is_not_written_as_no_gap() -> None:
    # 100 and 122 as exact figures: 110 against 110.9 after the 10% tolerance, a gap under 1%.
    (finding,) = run([claim("s1", "a.txt", "100", 100, 100, 100, hedge="exact"),
                      claim("s2", "b.txt", "122", 122, 122, 122, hedge="exact")])
    assert 1 < finding.ratio < 1.05
    assert f"is {finding.ratio:.2f}× below" in finding.message and "1.0×" not in finding.message


@pytest.mark.parametrize(("ratio", "text"), [
    (1.004, "1.00×"), (1.049, "1.05×"), (1.099, "1.10×"), (1.1, "1.1×"), (1.35, "1.3×"), (1.96, "1.9×"),
    (2.0, "2.0×"), (9.99, "9.9×"), (10.0, "10×"), (14.87, "14×"), (1234.9, "1,234×"),
])
def test_ratio_text_uses_one_sign_and_never_rounds_up_across_a_threshold(ratio: float, text: str) -> None:
    assert ratio_text(ratio) == text


def test_messages_and_report_write_a_ratio_with_the_same_sign() -> None:
    from checker.report import format_ratio as report_ratio

    (finding,) = run([TENS_OF_THOUSANDS, TWO_MILLION])
    assert report_ratio(finding.ratio) in finding.message and "x below" not in finding.message


def test_a_peak_below_a_figure_for_one_moment_is_not_explained_by_scope() -> None:
    # "about 7,000 at the peak" against "well over 12,000 on site now": nothing on site exceeds its peak.
    assert kinds_with_scopes(("peak",), ("current",)) == ["conflict"]
    assert kinds_with_scopes(("peak",), ("asof:2024-05",)) == ["conflict"]
    # The other way round, a peak above a figure for now, is what a peak is.
    assert kinds_with_scopes(("current",), ("peak",)) == ["scope-differs"]
    assert kinds_with_scopes(("peak",), ("cumulative",)) == ["scope-differs"]


def test_a_scope_one_speaker_names_for_only_one_of_two_figures_is_a_scope_difference() -> None:
    # One auditor in one article: "a gap of $90 million next year" and "about $400 million over five years".
    year = claim("y", "a.txt", "$90 million", 9e7, 9e7, 9e7, hedge="exact", attribution="The auditor said")
    five = claim("f", "a.txt", "about $400 million", 3.6e8, 4.4e8, 4e8, attribution="the auditor",
                 scope=("cumulative", "next:5y"))
    (finding,) = run([year, five])
    assert finding.kind == "scope-differs"
    assert finding.details["scope_differences"] == ["time: not named vs cumulative, next:5y"]
    # Two speakers, or one speaker in two articles: the other just did not say, still a conflict.
    other = dataclasses.replace(year, attribution="The mayor said")
    assert [f.kind for f in run([other, five])] == ["conflict"]
    elsewhere = dataclasses.replace(year, article="b.txt")
    assert [f.kind for f in run([elsewhere, five])] == ["conflict"]
    unattributed = dataclasses.replace(year, attribution=None)
    assert [f.kind for f in run([unattributed, five])] == ["conflict"]
    # One sentence that sets the figures against each other names two sources, whatever the attribution.
    sentence = "The charity said more than 90 are missing, far more than the official figure of about 30."
    high = claim("h", "a.txt", "more than 90", 90, None, 90, hedge="more-than", attribution="The charity",
                 scope=("current",), sentence=sentence, start=17)
    low = claim("l", "a.txt", "about 30", 27, 33, 30, attribution="The charity", sentence=sentence, start=80)
    assert [f.kind for f in run([high, low])] == ["conflict"]
    plain = sentence.replace("far more than the official figure of", "and")
    aside = dataclasses.replace(low, sentence=plain, start=plain.index("about 30"))
    assert [f.kind for f in run([high, aside])] == ["scope-differs"]


def test_a_figure_said_to_be_for_a_part_below_the_whole_is_a_scope_difference() -> None:
    # "The hull alone, excluding the engines, costs some $30 million" against "about $70 million".
    hull = claim("h", "a.txt", "some $30 million", 2.7e7, 3.3e7, 3e7, start=45,
                 sentence="The hull alone, excluding the engines, costs some $30 million.")
    ship = claim("s", "b.txt", "about $70 million", 6.3e7, 7.7e7, 7e7, start=15,
                 sentence="The ship costs about $70 million.")
    (finding,) = run([hull, ship])
    assert finding.kind == "scope-differs"
    assert finding.details["scope_differences"] == ["part: alone vs the whole"]
    # A part above the whole, or a part word on both sides, explains nothing.
    big_hull = dataclasses.replace(hull, text="some $190 million", low=1.71e8, high=2.09e8, value=1.9e8)
    assert [f.kind for f in run([big_hull, ship])] == ["conflict"]
    both = dataclasses.replace(ship, sentence="The ship alone costs about $70 million.", start=21, end=38)
    # The part word belongs to the figure written nearest to it, not to every figure of its sentence.
    other = "Costs rose 4% on a year earlier and 2% on May alone; the ship costs about $70 million."
    at = other.index("about $70")
    ship_too = dataclasses.replace(ship, sentence=other, start=at, end=at + len(ship.text))
    assert [f.kind for f in run([hull, ship_too])] == ["scope-differs"]
    no_part = dataclasses.replace(hull, sentence=other.replace("about $70", "some $30"), start=at,
                                  end=at + len(hull.text))
    assert [f.kind for f in run([no_part, ship])] == ["conflict"]
    assert [f.kind for f in run([hull, both])] == ["conflict"]
    # In one sentence, the part word must sit on the lower figure's side.
    sentence = "Spending reached $70 million for the year, and $30 million in March alone."
    year = claim("y", "c.txt", "$70 million", 7e7, 7e7, 7e7, hedge="exact", sentence=sentence, start=17)
    march = claim("m", "c.txt", "$30 million", 3e7, 3e7, 3e7, hedge="exact", sentence=sentence, start=47)
    assert [f.kind for f in run([year, march])] == ["scope-differs"]
    swapped = "Spending reached $30 million for the year, and $70 million in March alone."
    year_low = dataclasses.replace(march, sentence=swapped, start=17, end=28)
    march_high = dataclasses.replace(year, sentence=swapped, start=47, end=58)
    assert [f.kind for f in run([year_low, march_high])] == ["conflict"]


def test_one_speakers_two_figures_in_one_sentence_are_a_scope_difference() -> None:
    sentence = "The ministry said it had spent $20 million by March and expected $50 million by December."
    spent = claim("s", "a.txt", "$20 million", 2e7, 2e7, 2e7, hedge="exact", attribution="The ministry said",
                  sentence=sentence, start=sentence.index("$20"))
    expected = claim("e", "a.txt", "$50 million", 5e7, 5e7, 5e7, hedge="exact", attribution="The ministry",
                     sentence=sentence, start=sentence.index("$50"))
    (finding,) = run([spent, expected])
    assert finding.kind == "scope-differs"
    assert finding.details["scope_differences"] == ["one speaker, one sentence: two figures side by side"]
    # Two speakers, or no speaker, or two sentences: still a conflict.
    union = dataclasses.replace(expected, attribution="The union")
    assert [f.kind for f in run([spent, union])] == ["conflict"]
    assert [f.kind for f in run([dataclasses.replace(spent, attribution=None),
                                 dataclasses.replace(expected, attribution=None)])] == ["conflict"]
    apart = dataclasses.replace(expected, sentence_start=200, start=200 + sentence.index("$50"))
    assert [f.kind for f in run([spent, apart])] == ["conflict"]
    # Set against each other in that sentence: two sources, a conflict.
    against = sentence.replace("and expected", "far less than the auditor's")
    assert [f.kind for f in run([dataclasses.replace(spent, sentence=against),
                                 dataclasses.replace(expected, sentence=against,
                                                     start=against.index("$50"),
                                                     end=against.index("$50") + 11)])] == ["conflict"]
