"""A group holds one place's figures: the place each claim is about (its region, the place its own words
name before the figure, or its article's one place) and the clustering's refusal to join two places.
Invented sentences."""

from __future__ import annotations

import dataclasses

from test_match import claim
from test_similarity import together

from checker.measures import views_of
from checker.model import Claim
from checker.similarity_features import claim_features
from checker.similarity_scope import article_texts, disjoint_places, places_for_grouping


def placed(c: Claim, *regions: str) -> Claim:
    return dataclasses.replace(c, scope=tuple(f"region:{r}" for r in regions))


def places(claims: list[Claim]) -> dict[str, set[str]]:
    views = views_of(claims)
    feats = [claim_features(v) for v in views]
    found = places_for_grouping(views, feats, article_texts(views))
    return {v.claim.id: set(p) for v, p in zip(views, found, strict=True)}


LEAD = "Bus fares in Tarnholm rose 7.2% this year, the transport authority said."
OTHER_CITY = "In Brevik, fares went up 2.5% over the same period."
AGAIN = "Tarnholm's buses carried 41 million passengers."


def story(*extra: Claim) -> list[Claim]:
    return [
        placed(claim("t1", "a.txt", LEAD, "7.2%", value=7.2, dimension="percent", unit="percent",
                     trend="up", entity="Bus fares", sentence_start=0), "tarnholm"),
        placed(claim("t2", "a.txt", OTHER_CITY, "2.5%", value=2.5, dimension="percent", unit="percent",
                     trend="up", entity="fares", sentence_start=100), "brevik"),
        claim("t3", "a.txt", AGAIN, "41 million", value=41e6, unit="passengers", sentence_start=200),
        *extra,
    ]


def test_a_claim_takes_its_articles_one_place_and_a_place_its_own_words_name() -> None:
    answer = claim("t4", "a.txt", "Passenger groups said the real rise was about 11%.", "about 11%",
                   value=11, dimension="percent", unit="percent", sentence_start=300)
    contrast = claim("t5", "c.txt", "Brevik, by contrast, raised its fares by 3%.", "3%", value=3,
                     dimension="percent", unit="percent", trend="up", sentence_start=400)
    elsewhere = claim("t6", "c.txt", "The rise was 4%, officials told reporters in Brevik.", "4%", value=4,
                      dimension="percent", unit="percent", sentence_start=500)
    got = places(story(answer, contrast, elsewhere))
    assert got["t1"] == {"tarnholm"} and got["t2"] == {"brevik"}
    assert got["t4"] == {"tarnholm"}  # the article is about Tarnholm: its lead, and named most
    assert got["t5"] == {"brevik"}  # named before the figure, in its own words
    assert got["t6"] == set()  # its sentence names a place, but not as the figure's: nothing said


def test_an_article_about_two_places_gives_no_place_of_its_own() -> None:
    answer = claim("t4", "a.txt", "Passenger groups said the real rise was about 11%.", "about 11%",
                   value=11, dimension="percent", unit="percent", sentence_start=300)
    brevik_again = claim("t7", "a.txt", "Brevik's trams carried 12 million.", "12 million", value=12e6,
                         sentence_start=250)
    assert places(story(answer, brevik_again))["t4"] == set()  # Brevik named as often as Tarnholm
    no_lead_place = [claim("n1", "b.txt", "The authority put the rise at 7.2%.", "7.2%", value=7.2,
                           dimension="percent", sentence_start=0), answer]
    assert places(no_lead_place)["t4"] == set()


def test_disjoint_places_are_two_places_neither_within_the_other() -> None:
    assert disjoint_places(frozenset({"tarnholm"}), frozenset({"brevik"}))
    assert not disjoint_places(frozenset({"north varn"}), frozenset({"kestria's north varn"}))
    assert not disjoint_places(frozenset({"tarnholm", "brevik"}), frozenset({"brevik"}))
    assert not disjoint_places(frozenset(), frozenset({"brevik"}))


def test_an_unplaced_answer_does_not_join_another_citys_figures() -> None:
    """The operators' 5% matches Brevik's 5% figure for figure, but their article is about Tarnholm:
    they answer Tarnholm's 7.2% (without the place check they joined Brevik's group)."""
    operators = claim("t4", "a.txt", "Operators said bus fares had risen by about 5% in the past year.",
                      "about 5%", value=5, dimension="percent", unit="percent", trend="up",
                      entity="bus fares", sentence_start=300, attribution="Operators")
    brevik = [
        placed(claim(cid, article, sentence, "5%", value=5, dimension="percent", unit="percent", trend="up",
                     entity="bus fares", sentence_start=0, attribution="the council"), "brevik")
        for cid, article, sentence in (
            ("b1", "b.txt", "In Brevik, bus fares rose 5% in a year."),
            ("b2", "c.txt", "Bus fares in Brevik went up 5%, the council said."),
        )
    ]
    tarnholm = placed(claim("d1", "d.txt", "Bus fares in Tarnholm rose 7.2%, the transport authority said.",
                            "7.2%", value=7.2, dimension="percent", unit="percent", trend="up",
                            entity="Bus fares", sentence_start=0, attribution="the transport authority"),
                      "tarnholm")
    claims = [*story(operators), *brevik, tarnholm]
    assert together(claims, "b1", "b2") and together(claims, "t1", "d1")
    assert together(claims, "t4", "t1")
    assert not together(claims, "t4", "b1")
