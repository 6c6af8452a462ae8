"""Tests for checker.context_speaker: the kind of source a speaker is, read from role words only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.context_speaker import KIND_LABELS, SPEAKER_KINDS, speaker_kind

# Speakers as wire copy writes them (invented names), and the kind a report should show.
CASES = [
    ("Organisers", "organisers"),
    ("Beatriz Olmo, the union's chair", "union"),
    ("the ministry’s director of public health", "government"),
    ("Mara Ilic, one of the organisers", "organisers"),
    ("the march's organisers", "organisers"),
    ("The Save Our Unit campaign", "organisers"),
    ("Westshire Police", "police"),
    ("a police source", "police"),
    ("Inspector Lena Vos, a police spokeswoman", "police"),
    ("the interior ministry", "government"),
    ("Interior Minister Oskar Daliv", "government"),
    ("Local officials", "government"),
    ("Officials from the regional fire service", "government"),
    ("A spokesperson for the mayor's office", "government"),
    ("the coast guard", "government"),
    ("Dravenia's Central Electoral Commission", "government"),
    ("Health board chief executive Owen Thale", "government"),
    ("researchers at Oskelund University", "researchers"),
    ("a study by Port Sallen University", "researchers"),
    ("Economists at the University of Savra", "researchers"),
    ("independent researchers", "researchers"),
    ("The Harbour Workers' Union", "union"),
    ("Union official Katrin Moll", "union"),
    ("the dockers' union", "union"),
    ("Velker Chemicals' plant manager Dorota Halas", "company"),
    ("the company", "company"),
    ("chief executive Sven Adler", "company"),
    ("management", "company"),
    ("the UN refugee agency", "international"),
    ("the United Nations", "international"),
    ("the WHO", "international"),
    ("Amnesty International", "ngo"),
    ("Human rights campaigners", "ngo"),
    ("Civic Watch", "ngo"),
    ("the medical charity Medecins Solidaires", "ngo"),
    ("The Property Owners' Association", "industry"),
    ("the regional chamber of commerce", "industry"),
    ("Insurers", "industry"),
    ("the Harbour Gazette", None),
    ("the newspaper", "media"),
    ("state broadcaster KTV", "government"),
    ("Associated Press", "media"),
    ("Witnesses", "witnesses"),
    ("Survivors", "witnesses"),
    ("two people familiar with the matter", "anonymous"),
    ("sources", "anonymous"),
    ("the opposition", "opposition"),
    ("Ilena Poduv", None),
    ("Several reports", None),
    (None, None),
    ("", None),
]


@pytest.mark.parametrize(("attribution", "kind"), CASES)
def test_speaker_kind(attribution: str | None, kind: str | None) -> None:
    assert speaker_kind(attribution) == kind


def test_acronyms_count_only_in_capitals() -> None:
    assert speaker_kind("the UN") == "international"
    assert speaker_kind("un named sources") == "anonymous"  # "un" in lower case is not the UN
    assert speaker_kind("Who") is None


def test_the_head_noun_decides_and_modifiers_only_as_fallback() -> None:
    # A generic head (official, researchers) speaks for the role word before it; a complement after a
    # preposition does not decide.
    assert speaker_kind("Union official Katrin Moll") == "union"
    assert speaker_kind("Ministry researchers") == "government"
    assert speaker_kind("researchers at the ministry") == "researchers"
    # A place word before a stronger role word does not decide.
    assert speaker_kind("Town police in Brevik") == "police"
    assert speaker_kind("the municipal police department") == "police"
    assert speaker_kind("the provincial police force") == "police"
    # The head of the phrase decides, not its first role word.
    assert speaker_kind("The police officers' union") == "union"
    assert speaker_kind("the teachers' federation") == "industry"
    assert speaker_kind("Opposition lawmakers") == "opposition"
    assert speaker_kind("Ferry company staff") == "company"
    # A document speaks for its owner; "opposition" names the side whatever the body.
    assert speaker_kind("The water board's own survey") == "government"
    assert speaker_kind("the relief charity's study") == "ngo"
    assert speaker_kind("a study by Vell University") == "researchers"
    assert speaker_kind("the opposition Farmers' Union") == "opposition"
    assert speaker_kind("a panel of World Bank experts") == "international"
    # A crew or staff with no owner named says no kind (not "workers").
    assert speaker_kind("its staff") is None
    assert speaker_kind("the vessel's staff") is None


def test_every_kind_has_a_label_and_cues() -> None:
    assert {k for k, _ in SPEAKER_KINDS} == set(KIND_LABELS)
    assert all(words.split() for _, words in SPEAKER_KINDS)


_NAME = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=3, max_size=9).map(str.title)


@given(st.lists(_NAME, min_size=1, max_size=3))
def test_a_bare_invented_name_has_no_kind(words: list[str]) -> None:
    # Kinds come from role words, never from a list of names: an invented name says nothing, unless it
    # happens to be a role word itself.
    name = " ".join(words)
    cues = {w for _, ws in SPEAKER_KINDS for w in ws.split()}
    kind = speaker_kind(name)
    assert kind is None or any(w.lower() in cues for w in words)
