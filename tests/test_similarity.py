"""Grouping without rules: what a claim counts, time windows, passing through a place, shares.

Claims are built directly (invented sentences, not the story corpus), so these tests pin the
mechanisms rather than any one article.
"""

from __future__ import annotations

import dataclasses

from test_match import claim, quantity_of

from checker.match import match
from checker.measures import compatible_units, counted_noun, dimension_of, is_share
from checker.measures_nouns import unit_class
from checker.model import Claim
from checker.rules import RuleSet


def bare(entity: str | None, unit: str | None, dimension: str = "count", value: float = 10.0) -> Claim:
    return claim("x", "a.txt", "There were 10 of them.", "10", value=value, unit=unit, entity=entity,
                 dimension=dimension)


def test_what_a_claim_counts() -> None:
    assert counted_noun(bare("job losses", "losses")) == "job"
    assert counted_noun(bare("seat cuts", "cuts")) == "seat"
    assert counted_noun(bare("total (confirmed measles cases)", None)) == "cases"
    assert counted_noun(bare("the real number (refugees)", None)) == "refugees"
    assert counted_noun(bare("the official death toll", None)) == "death"
    assert counted_noun(bare("loss (jobs)", None)) == "jobs"  # "puts the loss at nearly 3,000"
    assert counted_noun(bare("third of the national total (months)", None)) == ""  # how long, not what
    assert counted_noun(bare("workers laid off", "workers")) == "workers"
    assert counted_noun(bare("farm livestock", "livestock")) == "livestock"  # "live" + "stock" is no event
    # No generic head: nothing is guessed ("held" is a verb, not what is counted).
    assert counted_noun(bare("Kurds held there", None)) == ""
    assert counted_noun(bare("world's cotton", None, "ratio", 0.2)) == "percent"


def together(claims: list[Claim], a: str, b: str) -> bool:
    out, _ = match(claims, RuleSet.empty())
    qa = quantity_of(out, a)
    return qa is not None and qa == quantity_of(out, b)


def test_job_losses_count_jobs_and_another_companys_cuts_stay_apart() -> None:
    claims = [
        claim("m1", "a.txt", "In May, Brelco cut 650 jobs at its mill in Tarn.", "650", value=650,
              unit="jobs", entity="jobs cut", predicate="cut", context=("brelco", "tarn")),
        claim("m2", "b.txt", "That is more than Brelco's 650 job losses in Tarn.", "650", value=650,
              unit="losses", entity="job losses", context=("brelco", "tarn")),
        claim("m3", "b.txt", "Osk Foods said it would cut 2,100 jobs at its Velm plant.", "2,100", value=2100,
              unit="jobs", entity="jobs cut", predicate="cut", context=("osk foods", "velm"),
              sentence_start=400),
    ]
    assert together(claims, "m1", "m2")
    assert not together(claims, "m1", "m3") and not together(claims, "m2", "m3")


def cases(cid: str, article: str, sentence: str, figure: str, value: float, **kw: object) -> Claim:
    return claim(cid, article, sentence, figure, value=value, **kw)  # type: ignore[arg-type]


def test_a_total_takes_its_complement_and_a_shared_window_links_it() -> None:
    total = cases("c1", "a.txt", "Officials logged 95 new measles cases, bringing the total since January to "
                  "3,100.", "3,100", 3100, entity="total (new measles cases)", predicate="bring",
                  context=("measles", "orvin"))
    total = dataclasses.replace(total, scope=("cumulative", "since:--01"))
    later = cases("c2", "b.txt", "The agency now counts 3,650 cases since January.", "3,650", 3650,
                  unit="cases", entity="cases", predicate="count")
    later = dataclasses.replace(later, scope=("current", "since:--01"))
    weekly = cases("c3", "b.txt", "New measles cases in Orvin fell to 70 last week.", "70", 70,
                   entity="New measles cases in Orvin", predicate="fall", context=("measles", "orvin"),
                   sentence_start=300)
    weekly = dataclasses.replace(weekly, scope=("period:last-week",))
    claims = [total, later, weekly]
    assert together(claims, "c1", "c2")
    assert not together(claims, "c1", "c3") and not together(claims, "c2", "c3")
    # Without the shared window, a bare "cases" says too little to link them.
    assert not together([total, dataclasses.replace(later, scope=("current",))], "c1", "c2")


def test_passing_through_camps_is_detention_but_other_places_are_not() -> None:
    sentence = "About 2,000 members of the Rusk minority are held in the camps, a panel said."
    held = claim("d1", "a.txt", sentence, "About 2,000", value=2000, unit="members", predicate="hold",
                 entity="members of the Rusk minority held in the camps", attribution="a panel",
                 context=("rusk",))
    through = "Researchers say up to 9,000 people have passed through the camps since 2018."
    passed = claim("d2", "a.txt", through, "up to 9,000", value=9000, unit="people", entity="people passed",
                   predicate="pass", attribution="Researchers", sentence_start=160)
    assert together([held, passed], "d1", "d2")
    airport = dataclasses.replace(
        passed, sentence=through.replace("camps", "airport"), entity="people passed")
    assert not together([held, airport], "d1", "d2")


def test_a_fraction_and_a_percent_share_can_be_one_quantity() -> None:
    fifth = claim("s1", "a.txt", "The province grows a fifth of the world's cotton.", "a fifth", value=0.2,
                  dimension="ratio", entity="world's cotton", predicate="grow", context=("province",))
    pct = claim("s2", "b.txt", "The province grows 20% of the world's cotton.", "20%", value=20.0,
                unit="percent", dimension="percent", entity="world's cotton", predicate="grow",
                context=("province",))
    times = claim("s3", "c.txt", "The province grows 2.5 times the world's cotton.", "2.5", value=2.5,
                  unit="times", dimension="ratio", entity="world's cotton", predicate="grow",
                  context=("province",))
    assert is_share(fifth) and dimension_of(fifth) == "percent"
    assert not is_share(times) and dimension_of(times) == "ratio"
    assert not is_share(dataclasses.replace(fifth, value=1.5, low=1.5, high=1.5))
    out, groups = match([fifth, pct, times], RuleSet.empty())
    assert quantity_of(out, "s1") == quantity_of(out, "s2") is not None
    assert quantity_of(out, "s3") != quantity_of(out, "s1")
    assert next(g for g in groups if g.id == quantity_of(out, "s1")).dimension == "percent"


def reasons(claims: list[Claim]) -> str:
    _, groups = match(claims, RuleSet.empty())
    return " | ".join(m.reason for g in groups for m in g.members)


def test_two_figures_set_against_each_other_in_one_sentence_can_link() -> None:
    sentence = "The union said 2,300 posts were lost, against the 900 in the ministry's report."
    union = claim("u1", "a.txt", sentence, "2,300", value=2300, unit="posts", entity="posts lost",
                  predicate="lose", attribution="The union")
    ministry = claim("u2", "a.txt", sentence, "900", value=900, unit="posts", entity="posts lost",
                     predicate="lose", attribution="The union")  # extraction gave both one speaker
    other = claim("u3", "b.txt", "The ministry's report says 900 posts were lost.", "900", value=900,
                  unit="posts", entity="posts lost", predicate="lose", attribution="the ministry")
    assert together([union, ministry, other], "u1", "u2")
    assert "set against each other in one sentence" in reasons([union, ministry, other])
    # Without a word that sets them against each other, one sentence gives one quantity once.
    plain = "The union said 2,300 posts were lost and 900 in the ministry's report."
    at = 100 + plain.index("900")
    union2 = dataclasses.replace(union, sentence=plain)
    ministry2 = dataclasses.replace(ministry, sentence=plain, start=at, end=at + 3)
    assert "set against each other" not in reasons([union2, ministry2, other])
    # A comparison with another time is a before and an after, not two rival values.
    earlier = "The union said 2,300 posts were lost, against 900 a year earlier."
    union3 = dataclasses.replace(union, sentence=earlier)
    ministry3 = dataclasses.replace(ministry, sentence=earlier, start=100 + earlier.index("900"),
                                    end=100 + earlier.index("900") + 3)
    assert "set against each other" not in reasons([union3, ministry3, other])


def test_bodies_are_dead_people_and_leaving_home_is_displacement() -> None:
    from checker.measures import compatible_units, predicate_family

    assert compatible_units("bodies", "people", "count") and predicate_family("recover", "bodies") == "death"
    assert predicate_family("families forced to leave their homes") == "displaced"
    assert predicate_family("somebody") is None


# --- rival sources and scope vetoes (invented sentences) ---------------------------------------------

RIVALS = ("The port authority said 300 tonnes of fuel had spilled, but divers told reporters 1,400 tonnes "
          "had sunk.")


def test_rival_sources_in_one_sentence_link_despite_their_verbs() -> None:
    claims = [
        claim("r1", "a.txt", RIVALS, "300", value=300, unit="tonnes", dimension="measure",
              entity="tonnes of fuel spilled", predicate="spill", attribution="The port authority"),
        claim("r2", "a.txt", RIVALS, "1,400", value=1400, unit="tonnes", dimension="measure",
              entity="tonnes sunk", predicate="sink", attribution="divers"),
    ]
    assert together(claims, "r1", "r2")
    # One voice giving two figures in one sentence is a list, not a dispute.
    same = [dataclasses.replace(c, attribution="The port authority") for c in claims]
    assert not together(same, "r1", "r2")
    # Different units are never rivals.
    other = [claims[0], dataclasses.replace(claims[1], unit="litres")]
    assert not together(other, "r1", "r2")


def test_rival_needs_words_that_set_the_figures_against_each_other() -> None:
    first = "The operator said 300 tonnes of fuel had spilled."
    second = "The harbour master said 1,400 tonnes were stored on board."
    claims = [
        claim("a", "a.txt", first, "300", value=300, unit="tonnes", dimension="measure",
              entity="tonnes of fuel spilled", predicate="spill", attribution="The operator"),
        claim("b", "a.txt", second, "1,400", value=1400, unit="tonnes", dimension="measure",
              entity="tonnes stored on board", predicate="store", attribution="The harbour master",
              sentence_start=100 + len(first) + 1),
    ]
    assert not together(claims, "a", "b")
    disputed = "The harbour master disputed that and said the real figure was 1,400 tonnes."
    claims[1] = claim("b", "a.txt", disputed, "1,400", value=1400, unit="tonnes", dimension="measure",
                      entity="real figure", attribution="The harbour master",
                      sentence_start=100 + len(first) + 1)
    assert together(claims, "a", "b")


def turnout(cid: str, article: str, value: float, scope: tuple[str, ...], start: int = 100) -> Claim:
    sentence = f"Turnout in the vote was {value:g}%, the board said."
    c = claim(cid, article, sentence, f"{value:g}%", value=value, unit="percent", dimension="percent",
              entity="turnout", context=("vote",), sentence_start=start, attribution="the board")
    return dataclasses.replace(c, scope=scope)


def test_other_places_periods_and_rates_never_share_a_group() -> None:
    base = turnout("t1", "a.txt", 41, ("region:varnholm",))
    assert together([base, turnout("t2", "b.txt", 44, ("region:varnholm",))], "t1", "t2")
    assert not together([base, turnout("t2", "b.txt", 44, ("region:esk",))], "t1", "t2")
    # One region's name inside the other's is one place.
    assert together([base, turnout("t2", "b.txt", 44, ("region:province of varnholm",))], "t1", "t2")
    year = turnout("y1", "a.txt", 41, ("period:2025",))
    assert not together([year, turnout("y2", "b.txt", 67, ("period:2016",))], "y1", "y2")
    assert together([year, turnout("y2", "b.txt", 44, ("period:2024..2025",))], "y1", "y2")
    monthly = turnout("m1", "a.txt", 0.6, ("per-month",))
    assert not together([monthly, turnout("m2", "b.txt", 0.7, ("past:1y",))], "m1", "m2")



def test_a_place_named_in_passing_sets_a_figure_apart_from_the_articles_own() -> None:
    first = "Turnout was 52%, the commission said, but observers put it closer to 45%."
    second = "In Harwick, turnout was 49%, observers said."
    national = claim("n", "a.txt", first, "52%", value=52, unit="percent", dimension="percent",
                     entity="turnout", attribution="the commission")
    rival = claim("r", "a.txt", first, "45%", value=45, unit="percent", dimension="percent",
                  entity="turnout", attribution="observers")
    harwick = claim("o", "a.txt", second, "49%", value=49, unit="percent", dimension="percent",
                   entity="turnout", attribution="observers", sentence_start=100 + len(first) + 1)
    claims = [national, rival, dataclasses.replace(harwick, scope=("region:harwick",))]
    assert together(claims, "n", "r")
    assert not together(claims, "n", "o") and not together(claims, "r", "o")
    # Without the place, the next sentence continues the story: one quantity.
    assert together([national, rival, harwick], "r", "o")


def test_a_figure_dated_to_an_earlier_year_is_another_time_frame_across_articles() -> None:
    now = turnout("n", "a.txt", 58, ("period:2025",))
    undated = turnout("u", "b.txt", 58.5, ())
    earlier = turnout("e", "c.txt", 62, ("period:2021",))
    claims = [now, undated, earlier]
    assert together(claims, "n", "u")  # the latest year is the story's own
    assert not together(claims, "e", "u") and not together(claims, "e", "n")


def test_rival_money_figures_across_articles_link_when_one_answers_the_other() -> None:
    ministry = "The ministry said the stoppage cost the economy about €140 million."
    shippers = "The shippers put the losses at no more than €40 million, saying cargo was diverted."
    claims = [
        claim("m", "a.txt", ministry, "about €140 million", value=140e6, unit="EUR", dimension="currency",
              entity="economy", predicate="cost", attribution="The ministry", context=("halvik", "strike")),
        claim("s", "b.txt", shippers, "no more than €40 million", value=40e6, unit="EUR",
              dimension="currency", entity="losses", predicate="put", attribution="The shippers",
              context=("halvik", "strike")),
    ]
    assert together(claims, "m", "s")
    # Without words that answer another figure, two amounts lost are not one quantity.
    plain = "The shippers said their losses reached €40 million."
    claims[1] = claim("s", "b.txt", plain, "€40 million", value=40e6, unit="EUR", dimension="currency",
                      entity="losses", predicate="reach", attribution="The shippers",
                      context=("halvik", "strike"))
    assert not together(claims, "m", "s")
    # Another place is never a rival.
    other = dataclasses.replace(claims[1], scope=("region:osterby",), sentence=shippers)
    assert not together([claims[0], other], "m", "s")


def test_a_hedge_that_answers_sets_two_speakers_figures_against_each_other() -> None:
    first = "Turnout in the referendum was 58%, the commission said on Monday."
    second = "Observers said their own tally suggested barely 44% of voters took part."
    claims = [
        claim("c", "a.txt", first, "58%", value=58, unit="percent", dimension="percent",
              entity="turnout", predicate="be", attribution="the commission", context=("referendum",)),
        claim("o", "a.txt", second, "barely 44%", value=44, unit="percent", dimension="percent",
              entity="voters took part", predicate="take", attribution="Observers",
              sentence_start=100 + len(first) + 1),
    ]
    assert together(claims, "c", "o")
    claims[1] = claim("o", "a.txt", second.replace("barely ", ""), "44%", value=44, unit="percent",
                      dimension="percent", entity="voters took part", predicate="take",
                      attribution="Observers", sentence_start=100 + len(first) + 1)
    assert not together(claims, "c", "o")


def test_rival_rises_across_articles_need_one_subject_and_one_time_frame() -> None:
    office = "Average rents in Varrow rose 8.1% over the past year, the statistics office said."
    union = "The tenants' union rejects that and says rents have risen closer to 14% in a year."
    prices = "House prices in Varrow rose 3% over the past year, the land registry said."
    month = "Rents rose 0.7% in March alone, the office added."

    def rise(cid: str, article: str, text: str, figure: str, value: float, who: str,
             scope: tuple[str, ...]) -> Claim:
        c = claim(cid, article, text, figure, value=value, unit="percent", dimension="percent",
                  entity="rents", predicate="rise", attribution=who, trend="up")
        return dataclasses.replace(c, scope=scope)

    o = rise("o", "a.txt", office, "8.1%", 8.1, "the statistics office", ("past:1y",))
    u = rise("u", "b.txt", union, "closer to 14%", 14, "The tenants' union", ("per-year",))
    u = dataclasses.replace(u, entity="what tenants pay")  # each source words it its own way
    assert together([o, u], "o", "u")
    p = dataclasses.replace(rise("p", "c.txt", prices, "3%", 3, "the land registry", ("past:1y",)),
                            entity="prices")
    assert not together([p, u], "p", "u")  # house prices are not rents
    m = rise("m", "c.txt", month, "0.7%", 0.7, "the office", ("period:--03",))
    assert not together([m, u], "m", "u")  # one month against a year


def test_one_source_quoted_with_one_number_in_two_articles_is_one_figure() -> None:
    first = "The regulator said data on as many as 6.5 million people may have been exposed."
    second = "The regulator believes the hack hit as many as 6.5 million people."
    claims = [
        claim("a", "a.txt", first, "as many as 6.5 million", value=6.5e6, unit="people",
              attribution="The regulator"),
        claim("b", "b.txt", second, "as many as 6.5 million", value=6.5e6, unit="people",
              attribution="The regulator"),
    ]
    assert together(claims, "a", "b")
    # Two speakers giving one round number is chance unless something else says it is one figure.
    other = [claims[0], dataclasses.replace(claims[1], attribution="The union")]
    assert not together(other, "a", "b")


def test_an_article_naming_a_place_once_is_about_that_place() -> None:
    # The second article names only Varrow: too few names to tell stories apart, enough to say that
    # an unplaced figure in it is about Varrow, like the first article's placed one.
    first = "Average rents in Varrow rose 8.1% over the past year, the statistics office said."
    second = "The statistics office puts the annual increase in rents for Varrow at 8.1%."
    a = claim("a", "a.txt", first, "8.1%", value=8.1, unit="percent", dimension="percent",
              entity="average rents", predicate="rise", attribution="the statistics office", trend="up")
    b = claim("b", "b.txt", second, "8.1%", value=8.1, unit="percent", dimension="percent",
              entity="annual increase", predicate="put", attribution="The statistics office", trend="up")
    a = dataclasses.replace(a, scope=("region:varrow",))
    assert together([a, b], "a", "b")


def test_money_of_another_subject_is_held_apart() -> None:
    cost = "The ministry said the strike cost about €140 million in lost trade."
    wages = "The union says its members lost €4 million in wages during the strike."
    claims = [
        claim("c", "a.txt", cost, "about €140 million", value=140e6, unit="EUR", dimension="currency",
              entity="lost trade", predicate="cost", attribution="The ministry", context=("strike",)),
        claim("w", "b.txt", wages, "€4 million", value=4e6, unit="EUR", dimension="currency",
              entity="lost trade", predicate="lose", attribution="The union", context=("strike",)),
    ]
    assert not together(claims, "c", "w")
    # Without the wages the two amounts lost are alike.
    same = [claims[0], dataclasses.replace(claims[1], sentence=wages.replace(" in wages", ""))]
    assert together(same, "c", "w")


def test_naming_another_sources_figure_answers_it_across_articles() -> None:
    ministry = "The ministry said the stoppage cost the economy about €140 million."
    economists = "Economists say the strike wiped roughly €90 million off output, between the ministry's"
    economists += " estimate and the union's."
    claims = [
        claim("m", "a.txt", ministry, "about €140 million", value=140e6, unit="EUR", dimension="currency",
              entity="economy", predicate="cost", attribution="The ministry"),
        claim("e", "b.txt", economists, "roughly €90 million", value=90e6, unit="EUR",
              dimension="currency", entity="strike", predicate="wipe", attribution="Economists"),
    ]
    assert together(claims, "m", "e")
    plain = economists.replace(", between the ministry's estimate and the union's", "")
    assert not together([claims[0], dataclasses.replace(claims[1], sentence=plain)], "m", "e")


def test_cross_article_percent_rivals_must_both_say_what_the_percent_is_of() -> None:
    office = "Average rents in Varrow rose 8.1% over the past year, the statistics office said."
    union = "The tenants' union rejects that and says the true rise is closer to 14% a year."
    o = claim("o", "a.txt", office, "8.1%", value=8.1, unit="percent", dimension="percent",
              entity="average rents", predicate="rise", attribution="the statistics office", trend="up")
    u = claim("u", "b.txt", union, "closer to 14%", value=14, unit="percent", dimension="percent",
              entity="what tenants pay", predicate="be", attribution="The tenants' union", trend="up")
    o = dataclasses.replace(o, scope=("past:1y",))
    u = dataclasses.replace(u, scope=("per-year",))
    assert not together([o, u], "o", "u")  # the union's sentence never says rents
    named = union.replace("the true rise", "the true rise in rents")
    assert together([o, dataclasses.replace(u, sentence=named)], "o", "u")


def test_accounts_and_records_count_people_only_when_the_words_say_whose() -> None:
    from checker.match import rule_fits
    from checker.measures import views_of
    from checker.measures_nouns import owner_unit
    from checker.model import Rule

    assert counted_noun(bare("customer accounts without power", "accounts")) == "customer"
    assert counted_noun(bare("accounts (own residents' accounts)", "accounts")) == "residents"
    assert counted_noun(bare("records of as many as 9 million patients", "records")) == "patients"
    # A bare count of records says nothing of whose they are: it counts no people.
    records = bare("records", "records")
    assert counted_noun(records) == "" and owner_unit(records) == "records"
    assert unit_class("records") != "person" and not compatible_units("records", "people", "count")
    assert counted_noun(bare("records of the ships", "records")) == ""
    rule = Rule(id="people-affected", label="People affected", unit="people", dimension="count",
                cues=())
    assert rule_fits(views_of([records])[0], rule) is None
    assert rule_fits(views_of([bare("customer accounts", "accounts")])[0], rule) is not None
