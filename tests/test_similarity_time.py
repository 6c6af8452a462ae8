"""Time frames in grouping without rules: what counts as the story's own time, and which years are
past. Sentences and figures are invented."""

from __future__ import annotations

import dataclasses

from test_match import claim, quantity_of
from test_similarity import reasons, together, turnout

from checker.match import match
from checker.measures import views_of
from checker.model import Claim
from checker.rules import RuleSet
from checker.similarity_features import claim_features


def test_a_past_year_is_another_time_than_a_figure_dated_to_a_day_of_the_story() -> None:
    now = turnout("n", "a.txt", 58, ("period:2025",))
    wednesday = turnout("w", "b.txt", 57, ("date:wednesday",))
    earlier = turnout("o", "c.txt", 62, ("period:2021",))
    claims = [now, wednesday, earlier]
    assert together(claims, "n", "w")
    assert not together(claims, "o", "w")  # "on Wednesday" is the story's week, 2021 is not
    assert not together([now, dataclasses.replace(wednesday, scope=("current",)), earlier], "o", "w")


def neighbours(scope: tuple[str, ...]) -> list[Claim]:
    first = "Turnout in the vote this year was 58%, the board said."
    second = "Observers put turnout in the vote at 44%."
    board = claim("a", "a.txt", first, "58%", value=58, unit="percent", dimension="percent",
                  entity="turnout", attribution="the board", context=("vote",))
    observers = claim("b", "a.txt", second, "44%", value=44, unit="percent", dimension="percent",
                      entity="turnout", attribution="Observers", context=("vote",),
                      sentence_start=100 + len(first) + 1)
    return [dataclasses.replace(board, scope=scope), observers]


def test_this_year_is_the_story_own_time_in_one_article() -> None:
    assert "other time frame" not in reasons(neighbours(("period:this-year",)))
    assert "other time frame" in reasons(neighbours(("period:2019",)))


def joined(claims: list[Claim], a: str, b: str, dates: dict[str, str | None] | None) -> bool:
    out, _ = match(claims, RuleSet.empty(), dates)
    qa = quantity_of(out, a)
    return qa is not None and qa == quantity_of(out, b)


def test_article_dates_say_which_years_are_past() -> None:
    undated = turnout("u", "b.txt", 57, ())
    dates = {"b.txt": "2025-10-13", "c.txt": "2025-10-14"}
    # With no date, the only year named is "now"; in articles of 2025, 2021 is past.
    assert joined([undated, turnout("o", "c.txt", 62, ("period:2021",))], "u", "o", None)
    assert not joined([undated, turnout("o", "c.txt", 62, ("period:2021",))], "u", "o", dates)
    # The year before the articles' may still be their own (annual figures come out the year after).
    assert joined([undated, turnout("p", "c.txt", 62, ("period:2024",))], "u", "p", dates)
    # Order of the claims and of the dates does not matter.
    assert not joined([turnout("o", "c.txt", 62, ("period:2021",)), undated], "u", "o",
                      dict(reversed(list(dates.items()))))


def test_the_same_number_without_its_year_is_still_that_year_figure() -> None:
    now = turnout("n", "a.txt", 58, ("period:2025",))
    dated = turnout("o", "b.txt", 62, ("period:2021",))
    # The other article says only "62%, the board said": nothing but the number and the speaker.
    same = dataclasses.replace(turnout("s", "c.txt", 62, ()), entity=None, context=())
    other = dataclasses.replace(turnout("x", "c.txt", 64, (), start=300), entity=None, context=())
    assert together([now, dated, same], "o", "s")  # "62%" again, its year left out
    assert not together([now, dated, other], "o", "x")


def test_a_unit_per_period_is_the_thing_counted_at_a_rate() -> None:
    first = "The ferry company said each day of the strike cost it about €2 million."
    second = "Analysts put the true cost at closer to €5 million a day."
    company = claim("c", "a.txt", first, "about €2 million", value=2e6, unit="EUR", dimension="currency",
                    entity="strike cost", predicate="cost", attribution="The ferry company", sentence_start=0)
    analysts = claim("a", "a.txt", second, "closer to €5 million", value=5e6, unit="EUR per day",
                     dimension="currency", entity="true cost", attribution="Analysts",
                     sentence_start=len(first) + 1)
    assert claim_features(views_of([analysts])[0]).rates == frozenset({"per-day"})
    assert claim_features(views_of([analysts])[0]).counted == "EUR"
    assert together([company, analysts], "c", "a")
    yearly = dataclasses.replace(analysts, unit="EUR per year")
    assert not together([dataclasses.replace(company, scope=("per-day",)), yearly], "c", "a")
