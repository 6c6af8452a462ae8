"""Rival-source cues (``RIVAL_CUE_RE``): words that set one source's figure against another's, not
words that only join two facts. Sentences are invented."""

from __future__ import annotations

import dataclasses

import pytest
from test_match import claim
from test_similarity import together

from checker.similarity_cues import RIVAL_CUE_RE, contrasted


@pytest.mark.parametrize("text", [
    "The guild disputes that figure.",
    "Brokers say the ministry overstated the damage.",
    "The harbour board stood by its count.",
    "Its own tally puts the figure at 700.",
    "the true increase is nearer 9%",
    "The cooperative said only about 300 growers took part.",
    "far below the 58% the board announced",
    "Dock owners, however, said 90 cranes were idle.",
    "The council underestimated the crowd, residents said.",
])
def test_words_that_answer_another_figure_are_cues(text: str) -> None:
    assert RIVAL_CUE_RE.search(text)


@pytest.mark.parametrize("text", [
    "The mill shut while the river was high.",
    "Only the northern quay was open.",
    "Water rose above the wall and below the bridge.",
    "Growers protested against the levy.",
    "The board also counted 40 boats.",
])
def test_words_that_only_join_facts_are_not_cues(text: str) -> None:
    assert not RIVAL_CUE_RE.search(text)


def test_a_reply_with_only_before_its_figure_links_two_speakers_a_joining_word_does_not() -> None:
    first = "The water board said 1,800 tonnes of silt had washed into the lake."
    reply = "The quarry owner said only about 300 tonnes had."
    plain = "The quarry owner said about 300 tonnes had, while crews dredged the inlet."
    start = 100 + len(first) + 1
    board = claim("b", "a.txt", first, "1,800", value=1800, unit="tonnes", dimension="measure",
                  entity="silt washed", attribution="The water board")
    owner = claim("o", "a.txt", reply, "about 300", value=300, unit="tonnes", dimension="measure",
                  attribution="The quarry owner", sentence_start=start)
    joined = claim("o", "a.txt", plain, "about 300", value=300, unit="tonnes", dimension="measure",
                   attribution="The quarry owner", sentence_start=start)
    assert together([board, owner], "b", "o")
    assert not together([board, joined], "b", "o")


def test_two_sources_compared_in_one_sentence_are_rivals_whatever_their_words() -> None:
    sentence = ("Satellite images show more than 8,000 hectares of peat burned, more than twice the 3,500 "
                "hectares reported by the park service.")
    images = claim("i", "a.txt", sentence, "more than 8,000", value=8000, unit="hectares",
                   dimension="measure", entity="peat burned", attribution="Satellite images")
    service = claim("s", "a.txt", sentence, "3,500", value=3500, unit="hectares", dimension="measure",
                    entity="given", attribution="the park service")
    assert together([images, service], "i", "s")
    earlier = sentence.replace("hectares reported by the park service", "hectares of 2019")
    images_now = dataclasses.replace(images, sentence=earlier)
    service_2019 = claim("s", "a.txt", earlier, "3,500", value=3500, unit="hectares", dimension="measure",
                         entity="given", attribution="the park service")
    assert not together([images_now, service_2019], "i", "s")  # a comparison with another year


@pytest.mark.parametrize(("words", "compared"), [
    ("a figure well above the", True),
    ("still short of the", True),
    ("more than twice the", True),
    ("and", False),
    ("above the", False),  # "above" alone may place a thing, not compare two values
    ("far more than the harbour master's count of", True),
    ("fewer than the", True),
    ("more than", False),  # a hedge of the second figure, not a comparison with a figure of its own
])
def test_words_that_compare_two_figures_of_one_sentence(words: str, compared: bool) -> None:
    sentence = f"Divers counted 25 wrecks, {words} 14 on the harbour chart."
    first = claim("a", "a.txt", sentence, "25", value=25, unit="wrecks")
    second = claim("b", "a.txt", sentence, "14", value=14)
    assert contrasted(first, second) is compared
