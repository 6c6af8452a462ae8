"""A bare reply to a change is that change: "The office put the annual increase at 7.2%. Commuter groups
say it is closer to 12%." Invented sentences, run through extraction."""

from __future__ import annotations

from checker.extract import extract_text
from checker.match import match
from checker.model import Claim
from checker.rules import RuleSet

OFFICE = "The statistics office put the annual increase in bus fares at 7.2% on Monday."
OTHER = "Bus fares rose 7.2% in the past year, the statistics office said on Monday."


def quantities(first: str) -> dict[str, str | None]:
    claims: list[Claim] = extract_text(first, "a.txt") + extract_text(OTHER, "b.txt")
    out, _ = match(claims, RuleSet.empty())
    return {f"{c.article}:{c.text}": c.quantity for c in out}


def test_a_bare_reply_answering_a_change_is_compared_with_it() -> None:
    q = quantities(OFFICE + " Commuter groups say it is closer to 12%.")
    assert q["a.txt:closer to 12%"] is not None
    assert q["a.txt:closer to 12%"] == q["a.txt:7.2%"] == q["b.txt:7.2%"]


def test_a_reply_that_names_its_own_thing_or_is_not_set_against_stays_a_level() -> None:
    q = quantities(OFFICE + " Commuter groups say closer to 12% of riders now walk.")
    assert q["a.txt:closer to 12%"] != q["a.txt:7.2%"]
    q = quantities(OFFICE + " Commuter groups say it is 12%.")  # no word sets it against the rise
    assert q["a.txt:12%"] != q["a.txt:7.2%"]
