"""Matching: rules first, then similarity; built from Claim records, not from the extractor."""

from __future__ import annotations

import dataclasses
import random
import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.match import compatible_units, match, predicate_family, unit_class
from checker.model import Claim, Group
from checker.rules import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


def claim(
    cid: str,
    article: str,
    sentence: str,
    figure: str,
    *,
    value: float | None = None,
    unit: str | None = None,
    dimension: str = "count",
    entity: str | None = None,
    predicate: str | None = None,
    context: tuple[str, ...] = (),
    attribution: str | None = None,
    sentence_start: int = 100,
    trend: str | None = None,
) -> Claim:
    at = sentence.index(figure)
    return Claim(
        id=cid,
        article=article,
        line=1,
        start=sentence_start + at,
        end=sentence_start + at + len(figure),
        text=figure,
        value=value,
        low=value,
        high=value,
        hedge="exact",
        trend=trend,
        unit=unit,
        dimension=dimension,
        entity=entity,
        attribution=attribution,
        sentence=sentence,
        sentence_start=sentence_start,
        predicate=predicate,
        context=context,
    )


def quantity_of(claims: tuple[Claim, ...], cid: str) -> str | None:
    return next(c.quantity for c in claims if c.id == cid)


def group(groups: tuple[Group, ...], gid: str | None) -> Group:
    return next(g for g in groups if g.id == gid)


def rules_in(tmp_path: Path, *files: str) -> RuleSet:
    for n, text in enumerate(files):
        (tmp_path / f"r{n}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rules(tmp_path)


DEATHS_RULE = """\
    id: storm-deaths
    label: Deaths in the storm
    unit: people
    dimension: count
    cues:
      topic: [[storm, cyclone]]
      all: [[killed, dead, deaths]]
      none: [injured]
    """


# ---------------------------------------------------------------- rules


def test_a_claim_joins_the_rule_whose_cues_it_satisfies(tmp_path: Path) -> None:
    ruleset = rules_in(tmp_path, DEATHS_RULE)
    a = claim("a", "x.txt", "The storm killed 41 people.", "41", value=41, unit="people")
    b = claim(
        "b", "y.txt", "Officials said 12 people were injured in the storm.", "12", value=12, unit="people"
    )
    c = claim("c", "z.txt", "The flood killed 30 people.", "30", value=30, unit="people")  # no topic word
    claims, groups = match([a, b, c], ruleset)
    assert [quantity_of(claims, x) for x in "abc"] == ["storm-deaths", None, None]
    (g,) = groups
    assert g.rule == "storm-deaths" and g.claims == ("a",)
    (m,) = g.members
    assert m.how == "rule" and m.score == 100
    assert "'killed'" in m.reason and "'storm'" in m.reason


def test_rules_need_a_compatible_dimension_and_unit(tmp_path: Path) -> None:
    ruleset = rules_in(tmp_path, DEATHS_RULE)
    share = claim(
        "p", "x.txt", "The storm killed 5% of the herd.", "5%", value=5, unit="percent", dimension="percent"
    )
    homes = claim("h", "x.txt", "The storm killed power to 900 homes.", "900", value=900, unit="homes")
    claims, groups = match([share, homes], ruleset)
    assert groups == () and all(c.quantity is None for c in claims)


SHARE_RULE = """\
    id: cotton-world-share
    label: Share of the world's cotton
    unit: percent
    dimension: percent
    cues:
      all:
        - [cotton]
    """


def test_a_percent_rule_takes_a_fraction_share_but_not_a_multiplier(tmp_path: Path) -> None:
    ruleset = rules_in(tmp_path, SHARE_RULE)
    fifth = claim("f", "x.txt", "The region grows a fifth of the world's cotton.", "a fifth", value=0.2,
                  dimension="ratio", entity="world's cotton")
    times = claim("t", "y.txt", "The region grows 2.5 times more cotton.", "2.5", value=2.5, unit="times",
                  dimension="ratio", entity="cotton")
    claims, groups = match([fifth, times], ruleset)
    assert quantity_of(claims, "f") == "cotton-world-share" and quantity_of(claims, "t") is None


def test_cues_only_look_at_the_figures_own_part_of_the_sentence(tmp_path: Path) -> None:
    ruleset = rules_in(tmp_path, DEATHS_RULE)
    sentence = "The storm hit a province of 2 million residents and killed 41 people."
    pop = claim("pop", "x.txt", sentence, "2 million", value=2e6, unit="residents")
    dead = claim("dead", "x.txt", sentence, "41", value=41, unit="people")
    claims, _ = match([pop, dead], ruleset)
    assert quantity_of(claims, "dead") == "storm-deaths"
    assert quantity_of(claims, "pop") is None


def test_the_nearest_cues_decide_between_two_rules(tmp_path: Path) -> None:
    held = """\
        id: held
        label: People held
        unit: people
        dimension: count
        cues: {all: [[held, detained]]}
        """
    population = """\
        id: population
        label: Population
        unit: people
        dimension: count
        cues: {all: [[population, home to]]}
        """
    ruleset = rules_in(tmp_path, held, population)
    c = claim(
        "c",
        "x.txt",
        "The region, home to 3 million people, has many held without trial.",
        "3 million",
        value=3e6,
        unit="people",
    )
    claims, _ = match([c], ruleset)
    assert quantity_of(claims, "c") == "population"


def test_capitalised_alternatives_match_case_sensitively(tmp_path: Path) -> None:
    rule = """\
        id: us-imports
        label: US imports
        unit: percent
        dimension: percent
        cues: {all: [[US, United States], [import*]]}
        """
    ruleset = rules_in(tmp_path, rule)
    us = claim(
        "us",
        "x.txt",
        "About 20% of US imports are affected.",
        "20%",
        value=20,
        unit="percent",
        dimension="percent",
    )
    pronoun = claim(
        "pr",
        "y.txt",
        "Tell us: 20% of imports are affected.",
        "20%",
        value=20,
        unit="percent",
        dimension="percent",
    )
    claims, _ = match([us, pronoun], ruleset)
    assert quantity_of(claims, "us") == "us-imports" and quantity_of(claims, "pr") is None


def test_rules_take_precedence_over_similarity(tmp_path: Path) -> None:
    ruleset = rules_in(tmp_path, DEATHS_RULE)
    a = claim("a", "x.txt", "The storm killed 41 people.", "41", value=41, unit="people", predicate="kill")
    b = claim(
        "b",
        "y.txt",
        "The storm killed 41 people, officials said.",
        "41",
        value=41,
        unit="people",
        predicate="kill",
    )
    c = claim(
        "c", "z.txt", "Rescuers said 41 people drowned.", "41", value=41, unit="people", predicate="drown"
    )
    claims, groups = match([a, b, c], ruleset)
    assert [g.id for g in groups] == ["storm-deaths"]
    assert quantity_of(claims, "c") is None  # similar, but a rule took the others first


# ---------------------------------------------------------------- the Xinjiang rules


def xinjiang_claims() -> list[Claim]:
    return [
        claim(
            "camp1",
            "a.txt",
            "Human rights campaigners say around 1 million Uyghurs are being held in camps.",
            "around 1 million",
            value=1e6,
            unit="Uyghurs",
            entity="Uyghurs held in camps",
            predicate="hold",
        ),
        claim(
            "camp2",
            "b.txt",
            "Officials were asked for access to detention centres in Xinjiang where tens of "
            "thousands of Uyghurs are being held.",
            "tens of thousands",
            unit="Uyghurs",
            predicate="hold",
        ),
        claim(
            "upop",
            "a.txt",
            "Xinjiang is home to more than 10 million members of the Uyghur minority.",
            "more than 10 million",
            value=1e7,
            unit="members",
            entity="members of the Uyghur minority",
        ),
        claim(
            "xpop",
            "c.txt",
            "No one knows better than the 25 million-plus Xinjiang people.",
            "25 million-plus",
            value=2.5e7,
            unit="people",
            entity="Xinjiang people",
        ),
        claim(
            "s1",
            "b.txt",
            "The Treasury said it was sanctioning two Chinese officials.",
            "two",
            value=2,
            unit="officials",
            predicate="sanction",
        ),
        claim(
            "s2",
            "b.txt",
            "China then announced sanctions against 10 individuals and four institutions.",
            "10",
            value=10,
            unit="individuals",
        ),
        claim(
            "s3",
            "b.txt",
            "China then announced sanctions against 10 individuals and four institutions.",
            "four",
            value=4,
            unit="institutions",
        ),
        claim(
            "s4",
            "a.txt",
            "Lawmakers asked for sanctions on seven Chinese officials.",
            "seven",
            value=7,
            unit="officials",
        ),
        claim(
            "cl",
            "d.txt",
            "The group estimates that 20% of clothing imported into the United States contains "
            "cotton from the province.",
            "20%",
            value=20,
            unit="percent",
            dimension="percent",
        ),
    ]


def test_xinjiang_rules_group_the_seed_like_claims() -> None:
    claims, groups = match(xinjiang_claims(), load_rules(RULES))
    q = {c.id: c.quantity for c in claims}
    assert q["camp1"] == q["camp2"] == "xinjiang-camp-detainees"
    assert q["upop"] == "uyghur-population" and q["xpop"] == "xinjiang-population"
    assert q["s1"] == q["s2"] == q["s4"] == "xinjiang-sanctioned-people"
    assert q["s3"] == "xinjiang-sanctioned-entities"  # institutions are not people
    assert q["cl"] == "xinjiang-share-us-clothing-imports"
    rules = {r.id: r for r in load_rules(RULES).rules}
    assert rules["xinjiang-sanctioned-people"].kind == rules["xinjiang-sanctioned-entities"].kind == "tally"
    assert all(g.rule == g.id for g in groups)


# ---------------------------------------------------------------- similarity


def storm_claims() -> list[Claim]:
    return [
        claim(
            "t1",
            "a.txt",
            "Cyclone Talia killed about 1,130 people, a study found.",
            "about 1,130",
            value=1130,
            unit="people",
            predicate="kill",
            context=("cyclone talia", "alvera"),
            attribution="a study",
        ),
        claim(
            "t2",
            "b.txt",
            "Researchers say Cyclone Talia caused about 1,130 deaths in Alvera.",
            "about 1,130",
            value=1130,
            unit="deaths",
            predicate="cause",
            context=("cyclone talia", "alvera"),
            attribution="Researchers",
        ),
        claim(
            "t3",
            "b.txt",
            "The government's count still stands at 41 dead.",
            "41",
            value=41,
            unit="dead",
            predicate="stand",
            attribution="the government",
            sentence_start=200,
        ),
        claim(
            "t4",
            "c.txt",
            "The government said 41 people were killed by Cyclone Talia.",
            "41",
            value=41,
            unit="people",
            predicate="kill",
            context=("cyclone talia",),
            attribution="the government",
        ),
        claim(
            "m1",
            "a.txt",
            "It was the deadliest storm since Cyclone Marek, which killed 212 people.",
            "212",
            value=212,
            unit="people",
            predicate="kill",
            context=("cyclone marek",),
            sentence_start=900,
        ),
        claim(
            "m2",
            "c.txt",
            "Cyclone Marek killed 212 people in 2009.",
            "212",
            value=212,
            unit="people",
            predicate="kill",
            context=("cyclone marek",),
            sentence_start=700,
        ),
        claim(
            "h1",
            "a.txt",
            "Researchers surveyed 3,299 households.",
            "3,299",
            value=3299,
            unit="households",
            predicate="survey",
            sentence_start=300,
        ),
        claim(
            "h2",
            "b.txt",
            "The authors visited 3,299 households.",
            "3,299",
            value=3299,
            unit="households",
            predicate="visit",
            sentence_start=800,
        ),
        claim(
            "i1",
            "c.txt",
            "At least 300 people were injured by Cyclone Talia.",
            "300",
            value=300,
            unit="people",
            predicate="injure",
            context=("cyclone talia",),
            sentence_start=300,
        ),
    ]


def test_two_storms_stay_apart_and_one_storms_figures_group() -> None:
    claims, groups = match(storm_claims(), RuleSet.empty())
    q = {c.id: c.quantity for c in claims}
    assert q["t1"] == q["t2"] == q["t3"] == q["t4"] is not None
    assert q["m1"] == q["m2"] is not None and q["m1"] != q["t1"]
    assert q["h1"] == q["h2"] is not None and q["h1"] != q["t1"]
    assert q["i1"] is None  # injuries are not deaths
    assert all(g.rule is None for g in groups)


def test_membership_reason_names_the_partner_and_the_evidence() -> None:
    claims, groups = match(storm_claims(), RuleSet.empty())
    g = group(groups, quantity_of(claims, "m1"))
    reasons = {m.claim: m for m in g.members}
    assert reasons["m1"].how == "similarity"
    assert reasons["m1"].reason.startswith("similar to m2 (")
    assert "same figure" in reasons["m1"].reason and f"score {reasons['m1'].score:g}" in reasons["m1"].reason
    assert 70 <= reasons["m1"].score <= 100


def march_claims() -> list[Claim]:
    return [
        claim(
            "o1",
            "a.txt",
            "Organisers said more than 120,000 people took part in the pension march.",
            "more than 120,000",
            value=120000,
            unit="people",
            predicate="take",
            context=("march",),
            attribution="Organisers",
            entity="people took part in the march",
        ),
        claim(
            "p1",
            "a.txt",
            "Police put the crowd at about 21,000.",
            "about 21,000",
            value=21000,
            attribution="Police",
            sentence_start=180,
        ),
        claim(
            "p2",
            "b.txt",
            "Police counted about 21,000 marchers in Velmora.",
            "about 21,000",
            value=21000,
            unit="marchers",
            predicate="count",
            attribution="Police",
            context=("velmora",),
        ),
        claim(
            "w1",
            "a.txt",
            "A Women's March in May drew 9,000 people, according to police.",
            "9,000",
            value=9000,
            unit="people",
            predicate="draw",
            context=("women's march",),
            attribution="police",
            sentence_start=900,
        ),
        claim(
            "w2",
            "b.txt",
            "The Women's March drew 9,000 people in May.",
            "9,000",
            value=9000,
            unit="people",
            predicate="draw",
            context=("women's march",),
            sentence_start=600,
        ),
        claim(
            "ar",
            "a.txt",
            "Police said 37 people were arrested.",
            "37",
            value=37,
            unit="people",
            predicate="arrest",
            attribution="Police",
            sentence_start=300,
        ),
    ]


def test_organisers_and_police_group_but_another_march_and_arrests_do_not() -> None:
    claims, _ = match(march_claims(), RuleSet.empty())
    q = {c.id: c.quantity for c in claims}
    assert q["o1"] == q["p1"] == q["p2"] is not None
    assert q["w1"] == q["w2"] is not None and q["w1"] != q["o1"]
    assert q["ar"] is None


def test_one_article_repeating_itself_is_not_a_group() -> None:
    a = claim("a", "x.txt", "The plant employs 1,250 workers.", "1,250", value=1250, unit="workers")
    b = claim(
        "b",
        "x.txt",
        "All 1,250 workers will lose their jobs.",
        "1,250",
        value=1250,
        unit="workers",
        sentence_start=400,
    )
    claims, groups = match([a, b], RuleSet.empty())
    assert groups == () and {c.quantity for c in claims} == {None}


def test_never_across_units_or_dimensions() -> None:
    base = "The ministry sanctioned {} over the affair."
    cs = [
        claim(
            "off",
            "a.txt",
            base.format("12 officials"),
            "12",
            value=12,
            unit="officials",
            predicate="sanction",
        ),
        claim(
            "ins",
            "b.txt",
            base.format("12 institutions"),
            "12",
            value=12,
            unit="institutions",
            predicate="sanction",
        ),
        claim(
            "pct",
            "c.txt",
            base.format("12% of firms"),
            "12%",
            value=12,
            unit="percent",
            dimension="percent",
            predicate="sanction",
        ),
        claim(
            "usd",
            "d.txt",
            base.format("firms worth $12"),
            "$12",
            value=12,
            unit="USD",
            dimension="currency",
            predicate="sanction",
        ),
    ]
    _, groups = match(cs, RuleSet.empty())
    assert groups == ()


def test_units_and_predicate_families() -> None:
    assert unit_class("Uyghurs") == unit_class("detainees") == unit_class("people") == "person"
    assert unit_class("institutions") == unit_class("companies") == "organisation"
    assert compatible_units("people", "Uyghurs", "count") and compatible_units(None, "officials", "count")
    assert not compatible_units("officials", "institutions", "count")
    assert not compatible_units("households", "people", "count")
    assert compatible_units("percent", "%", "percent") and not compatible_units(
        "percent", "percentage point", "percent"
    )
    assert not compatible_units("USD", "EUR", "currency")
    assert predicate_family("killed") == predicate_family("die") == "death"
    assert predicate_family("injured") == "injury" and predicate_family("marched") == "attendance"
    assert predicate_family("said") is None


def test_similarity_group_ids_are_stable_and_readable() -> None:
    cs = storm_claims()
    _, groups = match(cs, RuleSet.empty())
    # Renumber the claims and move every figure 50 characters down the article: ids stay.
    moved = [
        dataclasses.replace(
            c, id="z" + c.id, start=c.start + 50, end=c.end + 50, sentence_start=c.sentence_start + 50
        )
        for c in cs
    ]
    _, again = match(moved, RuleSet.empty())
    assert [g.id for g in groups] == [g.id for g in again]
    for g in groups:
        slug, digest = g.id.rsplit("-", 1)
        assert slug and len(digest) == 6 and g.id == g.id.lower()


def test_every_claim_comes_back_sorted_with_its_quantity() -> None:
    cs = storm_claims()
    claims, groups = match(list(reversed(cs)), RuleSet.empty())
    assert sorted(c.id for c in claims) == sorted(c.id for c in cs)
    assert list(claims) == sorted(claims, key=lambda c: (c.article, c.start, c.end, c.id))
    grouped = {m.claim: g.id for g in groups for m in g.members}
    assert all(c.quantity == grouped.get(c.id) for c in claims)
    assert [g.id for g in groups] == sorted(g.id for g in groups)


# ---------------------------------------------------------------- invariants (Hypothesis)

NOUNS = ("people", "deaths", "households", "officials", "institutions", None)
PREDICATES = ("kill", "injure", "march", "survey", "hold", None)
CONTEXTS = ((), ("cyclone talia",), ("cyclone marek",), ("velmora",), ("women's march",))


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    n = draw(st.integers(min_value=0, max_value=14))
    out = []
    for i in range(n):
        article = draw(st.sampled_from(("a.txt", "b.txt", "c.txt")))
        dimension = draw(st.sampled_from(("count", "count", "percent")))
        value = float(draw(st.sampled_from((41, 212, 1130, 3299, 21000))))
        unit = "percent" if dimension == "percent" else draw(st.sampled_from(NOUNS))
        figure = f"{value:,.0f}"
        sentence = (
            f"Officials said {figure} {unit or 'were'} {draw(st.sampled_from(('died', 'marched', 'left')))}."
        )
        out.append(
            claim(
                f"c{i:02d}",
                article,
                sentence,
                figure,
                value=value,
                unit=unit,
                dimension=dimension,
                predicate=draw(st.sampled_from(PREDICATES)),
                context=draw(st.sampled_from(CONTEXTS)),
                attribution=draw(st.sampled_from((None, "police", "organisers"))),
                sentence_start=draw(st.integers(min_value=0, max_value=5)) * 150,
            )
        )
    return out


@settings(max_examples=60, deadline=None)
@given(claim_sets(), st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(cs: list[Claim], rnd: random.Random) -> None:
    shuffled = list(cs)
    rnd.shuffle(shuffled)
    assert match(cs, load_rules(RULES)) == match(shuffled, load_rules(RULES))
    assert match(cs, RuleSet.empty()) == match(shuffled, RuleSet.empty())


@settings(max_examples=60, deadline=None)
@given(claim_sets())
def test_a_claim_is_in_at_most_one_group_and_groups_never_mix_dimensions(cs: list[Claim]) -> None:
    claims, groups = match(cs, RuleSet.empty())
    members = [m.claim for g in groups for m in g.members]
    assert len(members) == len(set(members))
    by_id = {c.id: c for c in claims}
    for g in groups:
        assert len(g.members) >= 2
        assert {by_id[m].dimension for m in g.claims} == {g.dimension}
        assert (
            len({by_id[m].article for m in g.claims}) >= 2
            or len({by_id[m].attribution for m in g.claims if by_id[m].attribution}) >= 2
        )
        for x in g.claims:
            for y in g.claims:
                assert compatible_units(by_id[x].unit, by_id[y].unit, g.dimension)


# ---------------------------------------------------------------- the real pipeline on the seeds


def test_seed_pipeline_camps_in_one_group_populations_apart_sanctions_tallied() -> None:
    from checker.pipeline import run  # the real extractor, context reader and rules

    report = run([ROOT / "seeds"], rules_dir=RULES)
    by_quantity: dict[str | None, list[str]] = {}
    for c in report.claims:
        by_quantity.setdefault(c.quantity, []).append(c.text)
    camps = by_quantity.get("xinjiang-camp-detainees", [])
    assert {"about 2 million", "more than one million", "around 1 million", "tens of thousands"} <= set(camps)
    assert by_quantity.get("uyghur-population") == ["more than 10 million"]
    assert by_quantity.get("xinjiang-population") == ["25 million-plus"]
    sanctioned = by_quantity.get("xinjiang-sanctioned-people", []) + by_quantity.get(
        "xinjiang-sanctioned-entities", []
    )
    assert {"seven", "two", "10", "four"} <= set(sanctioned)


def test_sanction_rounds_are_not_one_figure_without_rules() -> None:
    cs = [
        claim(
            "s7",
            "a.txt",
            "Lawmakers asked for sanctions on seven Chinese officials.",
            "seven",
            value=7,
            unit="officials",
            entity="Chinese officials sanctioned",
            predicate="sanction",
        ),
        claim(
            "s2",
            "b.txt",
            "The Treasury said it was sanctioning two Chinese officials.",
            "two",
            value=2,
            unit="officials",
            entity="Chinese officials sanctioned",
            predicate="sanction",
        ),
        claim(
            "s2b",
            "c.txt",
            "Washington sanctioned two Chinese officials on Monday.",
            "two",
            value=2,
            unit="officials",
            entity="Chinese officials sanctioned",
            predicate="sanction",
        ),
    ]
    claims, _ = match(cs, RuleSet.empty())
    q = {c.id: c.quantity for c in claims}
    assert q["s7"] is None or q["s7"] != q["s2"]
    assert q["s2"] == q["s2b"] is not None  # the same round reported twice is one figure


def test_grouping_does_not_depend_on_the_hash_seed() -> None:
    # Sets iterate in hash order, which changes between processes; scores must not.
    import os
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, 'tests');"
        "from test_match import storm_claims, march_claims;"
        "from checker.match import match; from checker.rules import RuleSet;"
        "print(repr(match(storm_claims() + march_claims(), RuleSet.empty())[1]))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_matching_takes_changes_named_by_a_noun_and_ellipsis_as_extraction_read_them() -> None:
    """Extraction makes these readings whole (checker/extract.py ``_harmonise``); matching keeps them."""
    from checker.extract import extract_text

    def read(sentence: str) -> list[tuple[str, str | None, str, str | None]]:
        out, _ = match(extract_text(sentence, "a.txt"), RuleSet.empty())
        return [(c.text, c.unit, c.dimension, c.trend) for c in out]

    burned = ("About 12,000 hectares burned according to the fire service, "
              "more than 25,000 according to satellites.")
    assert [(u, d) for _, u, d, _ in read(burned)] == [("hectare", "measure")] * 2
    assert read("Riders put the real rise at 13%.")[0][3] == "up"
    assert read("The statistics office puts the annual increase at 8.1%.")[0][3] == "up"
    assert read("Unemployment increased to 8.1%.")[0][3] is None  # the level reached, not a change
    assert read("Shops lost about 85 million euros.")[0][3] is None  # an amount lost, not a change
