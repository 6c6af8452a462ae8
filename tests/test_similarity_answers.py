"""A figure that only says it is "the real figure" answers the figure before it; the article's own
place (named in its lead) does not set a figure apart from its neighbours. Sentences are invented."""

from __future__ import annotations

import dataclasses

from test_match import claim
from test_similarity import reasons, together

from checker.model import Claim

FIRST = "The transit authority said 48,000 riders used the new line in its first week."
BETWEEN = " The authority counts every tap at the barriers, including transfers between lines."
REPLY = "A commuter group said the real figure was about 30,000."


def riders(reply: str = REPLY) -> list[Claim]:
    authority = claim("a", "a.txt", FIRST, "48,000", value=48000, unit="riders",
                      entity="riders used the new line", predicate="use", attribution="The transit authority",
                      sentence_start=0)
    start = len(FIRST) + len(BETWEEN) + 1
    group = claim("g", "a.txt", reply, "about 30,000", value=30000, entity="real figure",
                  attribution="A commuter group", sentence_start=start)
    return [authority, group]


def test_the_real_figure_answers_the_figure_before_it() -> None:
    assert together(riders(), "a", "g")
    assert "rival sources" in reasons(riders())


def test_an_answer_needs_another_speaker() -> None:
    same = riders()
    same[1] = dataclasses.replace(same[1], attribution="The transit authority")
    assert not together(same, "a", "g")


def test_the_place_of_the_lead_is_the_article_own() -> None:
    lead = "Ferry traffic in Orlen fell to 2.1 million passengers last year, the port said."
    after = "The port later revised the figure to 2.4 million."
    port = claim("p", "a.txt", lead, "2.1 million", value=2.1e6, unit="passengers", entity="ferry traffic",
                 attribution="the port", sentence_start=0)
    revised = claim("r", "a.txt", after, "2.4 million", value=2.4e6, entity="figure", attribution="The port",
                    sentence_start=len(lead) + 1)
    placed = dataclasses.replace(port, scope=("region:orlen",))
    assert together([placed, revised], "p", "r")  # "the figure" refers back; Orlen is the article's place
    # A place first named further down is not the article's own: the article has moved on.
    other = "In Belsk, ferry traffic fell to 0.3 million passengers, the port said."
    belsk = dataclasses.replace(
        claim("b", "a.txt", other, "0.3 million", value=0.3e6, unit="passengers", entity="ferry traffic",
              attribution="the port", sentence_start=200), scope=("region:belsk",))
    later = dataclasses.replace(revised, start=200 + len(other) + 1 + after.index("2.4"),
                                end=200 + len(other) + 1 + after.index("2.4") + 11,
                                sentence_start=200 + len(other) + 1)
    assert not together([port, belsk, later], "b", "r")


def bridge(middle: str) -> list[Claim]:
    first = f"The bridge will need about €910m, {middle} €400m budget of 2015, the audit office said."
    second = "The roads ministry disputes that and says it will need €520m."
    office = claim("o", "a.txt", first, "about €910m", value=910e6, unit="EUR", dimension="currency",
                   entity="bridge", attribution="the audit office", sentence_start=0)
    budget = claim("b", "a.txt", first, "€400m", value=400e6, unit="EUR", dimension="currency",
                   entity="budget", attribution="the audit office", sentence_start=0)
    ministry = claim("m", "a.txt", second, "€520m", value=520e6, unit="EUR", dimension="currency",
                     entity="it", attribution="The roads ministry", sentence_start=len(first) + 1)
    return [office, dataclasses.replace(budget, scope=("period:2015",)), ministry]


def test_a_reply_answers_past_a_figure_the_first_is_compared_with() -> None:
    assert together(bridge("more than double the"), "o", "m")
    # A figure merely listed beside the first stands between them: the reply may answer either.
    assert not together(bridge("and the first phase alone needs the"), "o", "m")


def ferries(reply: str, speaker: str, gap: str = " ") -> list[Claim]:
    first = "The ferry operator says 1,900 passengers crossed on Sunday."
    operator = claim("f", "a.txt", first, "1,900", value=1900, unit="passengers", entity="passengers",
                     predicate="cross", attribution="The ferry operator", sentence_start=0)
    police = claim("h", "a.txt", reply, "about 3,000", value=3000, attribution=speaker,
                   sentence_start=len(first) + len(gap))
    return [operator, police]


def test_a_bare_count_next_to_another_speaker_figure_answers_it() -> None:
    assert together(ferries("The harbour police say about 3,000.", "The harbour police"), "f", "h")
    # One speaker adding a bare number is not an answer; nor is a bare number a paragraph away.
    assert not together(ferries("The operator later said about 3,000.", "The ferry operator"), "f", "h")
    far = " It runs four boats an hour on the route, weather permitting, and more in the summer season. "
    assert not together(ferries("The harbour police say about 3,000.", "The harbour police", far), "f", "h")


def two_sources(second: str, entity: str) -> list[Claim]:
    first = "Organisers said 9,000 people walked from the old docks to the cathedral in the march."
    organisers = claim("o", "a.txt", first, "9,000", value=9000, unit="people",
                       entity="people walked from the old docks to the cathedral", predicate="march",
                       attribution="Organisers", sentence_start=0)
    police = claim("p", "a.txt", second, "2,500", value=2500, unit="people", entity=entity,
                   attribution="Police", sentence_start=len(first) + 1)
    return [organisers, police]


def test_two_speakers_side_by_side_telling_one_event_are_rivals() -> None:
    crowd = two_sources("Police estimated the crowd at 2,500 people.", "crowd")
    assert together(crowd, "o", "p") and "rival sources" in reasons(crowd)
    # Side by side, but nothing says the second is the same event: two facts.
    assert not together(two_sources("Police said 2,500 people were stopped at checkpoints.",
                                    "people stopped at checkpoints"), "o", "p")


def test_two_different_verbs_count_against_a_pair_as_much_as_one_verb_counts_for_it() -> None:
    from checker.measures import views_of
    from checker.similarity_features import claim_features
    from checker.similarity_pair import score_pair

    def pair(p1: str | None, p2: str | None) -> tuple[float, tuple[str, ...]]:
        a = claim("e", "a.txt", "The line employs about 900 deckhands.", "about 900", value=900,
                  unit="deckhands", entity="deckhands", predicate=p1, sentence_start=0,
                  context=("orlen line",))
        b = claim("r", "b.txt", "The union represents 700 deckhands.", "700", value=700, unit="deckhands",
                  entity="deckhands", predicate=p2, attribution="The union", sentence_start=0,
                  context=("orlen line",))
        va, vb = views_of([a, b])
        p = score_pair(va, vb, claim_features(va), claim_features(vb), {"orlen": 1.0, "line": 1.0})
        assert p is not None
        return p.score, p.evidence

    neither, _ = pair(None, None)
    differ, evidence = pair("employ", "represent")
    same, _ = pair("employ", "employ")
    assert "predicate differs" in evidence
    assert neither - differ == same - neither == 10


def test_a_figure_refers_back_never_forward() -> None:
    number = "The port puts the number at 24,000."
    counted = "The airport says 51,000 passengers passed through its gates."

    def pair(first: str, second: str) -> list[Claim]:
        out = []
        for k, (text, start) in enumerate(((first, 0), (second, len(first) + 1))):
            if text is number:
                out.append(claim(f"c{k}", "a.txt", text, "24,000", value=24000, entity="number",
                                 attribution="The port", sentence_start=start))
            else:
                out.append(claim(f"c{k}", "a.txt", text, "51,000", value=51000, unit="passengers",
                                 entity="passengers passed through its gates", attribution="The airport",
                                 sentence_start=start))
        return out

    assert together(pair(counted, number), "c0", "c1")  # "the number" answers the figure before it
    assert not together(pair(number, counted), "c0", "c1")  # ... not the one after it
