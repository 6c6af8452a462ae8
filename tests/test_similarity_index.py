"""The per-article indexes of grouping without rules, and the shared event vocabulary.

``figures_between`` and ``named_in_passing`` read an index built once per run (not a rescan of every
claim for each claim or pair); these tests hold them to what a plain scan over all claims gives.
Sentences are invented.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from test_match import claim

from checker.context_words import EVENT_NOUNS
from checker.measures import EVENT_WORDS, dimension_of, is_event_word, views_of
from checker.model import Claim
from checker.similarity_features import claim_features
from checker.similarity_pair import Positions, figures_between
from checker.similarity_scope import article_texts, named_in_passing

SENTENCE = "Some 40 boats and 25% of the crews left the harbour."


def figure(cid: str, article: str, start: int, dimension: str) -> Claim:
    c = claim(cid, article, SENTENCE, "40", value=40, dimension=dimension, sentence_start=start)
    return dataclasses.replace(c, start=start, end=start + 2)


def scan(views: list, i: int, j: int) -> list[str]:
    """What figures_between must give: a plain scan over every claim."""
    a, b = views[i].claim, views[j].claim
    if a.article != b.article or abs(a.start - b.start) > 500:
        return []
    lo, hi = sorted((a.start, b.start))
    return [v.claim.id for v in views if v.claim.article == a.article and lo < v.claim.start < hi
            and dimension_of(v.claim) == dimension_of(a)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 700), st.sampled_from(["count", "percent"])),
                min_size=2, max_size=12))
def test_figures_between_reads_the_index_as_a_scan_would(specs: list[tuple[str, int, str]]) -> None:
    views = views_of([figure(f"c{k}", f"{a}.txt", s, d) for k, (a, s, d) in enumerate(specs)])
    positions = Positions(views)
    for i in range(len(views)):
        for j in range(i + 1, len(views)):
            got = [v.claim.id for v in figures_between(views, i, j, positions)]
            assert got == scan(views, i, j)


def test_a_place_named_in_one_sentence_only_is_named_in_passing() -> None:
    lead = "Ferry fares on the Orlen line rose 12% this spring, the operator said."
    aside = "In Pellhaven, fares rose 3%."
    again = "Riders in Pellhaven said 3% was still too much."
    first = claim("l", "a.txt", lead, "12%", value=12, dimension="percent", sentence_start=0)
    placed = dataclasses.replace(
        claim("p", "a.txt", aside, "3%", value=3, dimension="percent", sentence_start=200),
        scope=("region:pellhaven",))
    repeated = claim("r", "a.txt", again, "3%", value=3, dimension="percent", sentence_start=300)
    for claims, expected in (([first, placed], True), ([first, placed, repeated], False)):
        views = views_of(claims)
        texts = article_texts(views)
        assert texts["a.txt"].lead == 0
        assert named_in_passing(views[1], claim_features(views[1]), texts["a.txt"]) is expected
    # The lead names the article's own place: never "in passing".
    lead_view = views_of([dataclasses.replace(placed, sentence_start=0, start=0, end=2)])[0]
    texts = article_texts([lead_view])
    assert not named_in_passing(lead_view, claim_features(lead_view), texts["a.txt"])


def test_event_words_are_the_shared_event_nouns_in_either_number() -> None:
    assert EVENT_WORDS == EVENT_NOUNS
    assert is_event_word("Storms") and is_event_word("cyclone") and is_event_word("measles")
    assert not is_event_word("aid") and not is_event_word("harbour")
