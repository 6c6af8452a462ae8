"""A reply in kind: the later of two speakers' figures gives only its number, in the first one's unit
or in none ("The ministry says the bridge will cost about €2bn. The audit office says nearly €4bn.").
Invented sentences, run through extraction."""

from __future__ import annotations

from checker.extract import extract_text
from checker.match import match
from checker.model import Claim
from checker.rules import RuleSet


def quantities(text: str) -> dict[str, str | None]:
    claims: list[Claim] = extract_text(text, "a.txt")
    out, _ = match(claims, RuleSet.empty())
    return {c.text: c.quantity for c in out}


def test_a_figure_that_says_only_its_number_answers_the_one_before() -> None:
    q = quantities("The ministry insists the Varne bridge will cost about €2bn when it is finished. "
                   "The audit office says nearly €4bn.")
    assert q["about €2bn"] is not None and q["about €2bn"] == q["nearly €4bn"]


def test_a_count_in_no_unit_answers_the_crowd_before() -> None:
    q = quantities("Police put the crowd at the rally at around 9,000. "
                   "The organisers still say well over 25,000 were on site.")
    assert q["around 9,000"] is not None and q["around 9,000"] == q["well over 25,000"]


def test_a_reply_with_its_own_words_or_day_or_speaker_does_not() -> None:
    # Its own thing: what it measures is said, so the reply test does not apply.
    q = quantities("The ministry insists the Varne bridge will cost about €2bn. "
                   "The audit office says €4bn went on motorway repairs.")
    assert q["about €2bn"] is None or q["about €2bn"] != q["€4bn"]
    # Another day: "On Tuesday" sets the later figure apart.
    q = quantities("The port says the strike cost it about €110m by Monday. "
                   "On Tuesday the dockers said €30m.")
    assert q["about €110m"] is None or q["about €110m"] != q["€30m"]
    # One speaker twice is no reply.
    q = quantities("The ministry insists the Varne bridge will cost about €2bn. The ministry says €4bn.")
    assert q["about €2bn"] is None or q["about €2bn"] != q["€4bn"]


def test_two_speakers_set_against_each_other_in_one_sentence_link_without_a_counted_noun() -> None:
    q = quantities("The operator also put Sunday's peak at 52,000, "
                   "far short of the \"more than 90,000\" claimed by the promoters.")
    assert q["52,000"] is not None and q["52,000"] == q["more than 90,000"]
    # One speaker comparing its own two figures: no rival answers, so nothing says they are one thing.
    q = quantities("The operator also put Sunday's peak at 52,000, "
                   "far short of the \"more than 90,000\" it gave for the same rally.")
    assert q["52,000"] is None or q["52,000"] != q["more than 90,000"]


def test_jobs_positions_and_posts_count_one_thing() -> None:
    from checker.measures import compatible_units

    assert compatible_units("positions", "jobs", "count")
    assert compatible_units("vacancies", "posts", "count")
    assert not compatible_units("jobs", "people", "count")  # people who hold jobs are another set
    # Two speakers side by side, each in its own words: one counted thing, so rival answers.
    q = quantities("The council said the plan would eliminate 240 positions. "
                   "The union said closer to 600 jobs were at risk.")
    assert q["240"] is not None and q["240"] == q["closer to 600"]


def test_two_bare_answers_side_by_side_are_rivals() -> None:
    q = quantities("The organisers say 52,000. The phone data says somewhere between 20,000 and 30,000.")
    assert q["52,000"] is not None and q["52,000"] == q["between 20,000 and 30,000"]
    # A first figure that says something of its own while the reply counts nothing stays apart.
    q = quantities("The organisers say 52,000 tickets were printed in March. "
                   "The phone data says somewhere between 20,000 and 30,000.")
    assert q["52,000"] is None or q["52,000"] != q["between 20,000 and 30,000"]


STORY_A = ("Health officials in Marvela and Torbin said on Monday that the Kessaly region would receive "
           "250,000 doses of the vaccine this month, Dr Ana Petrov of the Marvela health board said.")
STORY_B = ("In Torbin, Dr Ana Petrov told reporters that a shipment of 250,000 doses was expected in Kessaly "
           "before the schools reopen.")


def two_articles(a: str, b: str) -> dict[str, str | None]:
    claims: list[Claim] = extract_text(a, "a.txt") + extract_text(b, "b.txt")
    out, _ = match(claims, RuleSet.empty())
    return {f"{c.article}:{c.text}": c.quantity for c in out}


def test_one_figure_of_one_story_in_two_wordings_is_one_quantity() -> None:
    q = two_articles(STORY_A, STORY_B)
    assert q["a.txt:250,000"] is not None and q["a.txt:250,000"] == q["b.txt:250,000"]
    # The same number of another thing is chance, however alike the story.
    other = STORY_B.replace("250,000 doses", "250,000 masks")
    q = two_articles(STORY_A, other)
    assert q["a.txt:250,000"] is None or q["a.txt:250,000"] != q["b.txt:250,000"]
