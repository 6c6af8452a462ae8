"""What a figure is of: counted people in a crowd, and the subject of a percent or money figure read
from its own clause. Sentences are invented."""

from __future__ import annotations

from test_match import claim
from test_similarity import bare, together

from checker.measures import counted_noun, views_of
from checker.measures_nouns import unit_class
from checker.similarity_features import claim_features, clause_of


def test_a_crowd_counts_people() -> None:
    assert counted_noun(bare("crowd", None)) == "people"
    assert counted_noun(bare("the crowd at the quay", None)) == "people"
    assert counted_noun(bare("the audience", None)) == "people"
    assert counted_noun(bare("crowd", None, "measure")) == ""  # "a crowd of 3 tonnes" counts nothing
    assert counted_noun(bare("record attendance", None)) == ""  # a total over days, not one gathering


def test_rival_crowd_estimates_link_as_people() -> None:
    first = "The organisers said 9,000 people filled the square on Friday."
    second = "Police put the crowd at about 3,500."
    organisers = claim("o", "a.txt", first, "9,000", value=9000, unit="people",
                       entity="people filled the square", predicate="fill", attribution="The organisers")
    police = claim("p", "a.txt", second, "about 3,500", value=3500, entity="crowd", predicate="put",
                   attribution="Police", sentence_start=100 + len(first) + 1)
    assert together([organisers, police], "o", "p")


def test_the_subject_is_read_from_the_figure_own_clause() -> None:
    sentence = "Tenants say the real increase is nearer 11%, once the loss of a discount is counted."
    c = claim("t", "a.txt", sentence, "nearer 11%", value=11, unit="percent", dimension="percent")
    view = views_of([c])[0]
    assert clause_of(view) == "Tenants say the real increase is nearer 11%"
    assert claim_features(view).subjects == frozenset()  # "loss" is past the comma
    money = claim("m", "a.txt", "Rents reached €1,350 a month.", "€1,350", value=1350, unit="EUR",
                  dimension="currency")
    assert "€1,350" in clause_of(views_of([money])[0])  # a comma inside a number is no break


def test_percent_figures_about_different_subjects_never_share_a_group() -> None:
    rents = claim("r", "a.txt", "Rents in Varlo rose 7.2% over the year, the office said.", "7.2%", value=7.2,
                  unit="percent", dimension="percent", entity="rents in Varlo", predicate="rise",
                  attribution="the office", trend="up", context=("varlo",))
    prices = claim("c", "b.txt", "Consumer prices in Varlo rose 7.2% over the year, the office said.", "7.2%",
                   value=7.2, unit="percent", dimension="percent", entity="consumer prices in Varlo",
                   predicate="rise", attribution="the office", trend="up", context=("varlo",))
    again = claim("a", "c.txt", "Varlo rents rose 7.2% over the year.", "7.2%", value=7.2, unit="percent",
                  dimension="percent", entity="Varlo rents", predicate="rise", trend="up", context=("varlo",))
    claims = [rents, prices, again]
    assert together(claims, "r", "a")
    assert not together(claims, "r", "c") and not together(claims, "a", "c")


def test_a_compound_closed_up_on_a_known_noun_counts_the_same_kind() -> None:
    assert unit_class("dockworkers") == unit_class("workers") == "person"
    assert unit_class("farmhouses") == unit_class("houses")
    assert unit_class("website") == "website"  # "site" is too short to close a compound
    union = claim("u", "a.txt", "The union represents some 2,700 workers at the yard.", "some 2,700",
                  value=2700, unit="workers", entity="workers", predicate="represent", context=("yard",))
    later = claim("d", "b.txt", "About 2,700 shipworkers will get the rise.", "About 2,700", value=2700,
                  unit="shipworkers", entity="shipworkers", context=("yard",))
    assert together([union, later], "u", "d")
