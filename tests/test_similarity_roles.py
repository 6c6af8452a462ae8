"""People named by their role ("drillers", "lifeguards' instructors") against people ("men", "people"):
one figure told twice with predicates of one family meets; another number, or no family, stays apart.
Invented sentences, run through extraction."""

from __future__ import annotations

from checker.extract import extract_text
from checker.match import match
from checker.measures_nouns import is_role_noun
from checker.model import Claim
from checker.rules import RuleSet


def together(first: str, second: str) -> bool:
    """Whether the first figure of each sentence ends in one group."""
    claims: list[Claim] = extract_text(first, "a.txt")[:1] + extract_text(second, "b.txt")[:1]
    out, _ = match(claims, RuleSet.empty())
    quantities = [c.quantity for c in out]
    return len(out) == 2 and quantities[0] is not None and quantities[0] == quantities[1]


def test_role_nouns() -> None:
    assert is_role_noun("drillers") and is_role_noun("technicians") and is_role_noun("cyclists")
    assert not is_role_noun("workers")  # a known person noun already
    assert not is_role_noun("people") and not is_role_noun("barrels") and not is_role_noun("others")


def test_people_named_by_role_meet_people_in_one_figure_of_one_family() -> None:
    a = "A gas blast at the Tarvo quarry near Ostrin killed 23 drillers on Tuesday, the operator said."
    b = "Officials at Ostrin said 23 men were killed in the blast at the Tarvo quarry."
    assert together(a, b)


def test_another_number_or_another_family_keeps_them_apart() -> None:
    a = "A gas blast at the Tarvo quarry near Ostrin killed 23 drillers on Tuesday, the operator said."
    bigger = "Officials at Ostrin said 61 people were killed in the region's quarries last year."
    assert not together(a, bigger)  # the people are a larger set than the drillers
    hurt = "Officials at Ostrin said 23 men were injured in the blast at the Tarvo quarry."
    assert not together(a, hurt)
    bare = "A gas blast at the Tarvo quarry near Ostrin trapped 23 drillers on Tuesday, the operator said."
    assert not together(bare, "Officials at Ostrin said 23 people were evacuated from the Tarvo quarry.")


def test_acts_meet_what_they_are_done_to_in_one_figure() -> None:
    from checker.measures_nouns import act_stem

    assert act_stem("cancellations") == "cancel" and act_stem("deportations") == "deport"
    assert act_stem("flights") == "" and act_stem("nations") == "" and act_stem("arrests") == ""
    acts = "The pilots' union expects about 560 cancellations across the three days of the Varno strike."
    flights = "The airline Varno Air said it expects to cancel about 560 flights during the three-day strike."
    assert together(acts, flights)
    assert not together(acts, flights.replace("560", "380"))  # another number may count another set
    drafted = "Varno Air said it had drafted in about 560 managers to keep flights going during the strike."
    assert not together(acts, drafted)  # the act's verb is not in the other's words
