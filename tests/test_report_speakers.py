"""'Who disagrees': names that name one body or person are one speaker; different ones stay apart.

All names are invented."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_fixtures import article, claim

from checker.compare import compare
from checker.model import Group, Membership, Report
from checker.render_formats import render_json
from checker.render_markdown import render_markdown
from checker.render_speakers import speaker_keys
from checker.rules import RuleSet


def same(*names: str) -> bool:
    keys = speaker_keys(names)
    return len({keys[n][0] for n in names}) == 1


@pytest.mark.parametrize("names", [
    ("Police", "the police", "police"),  # case and 'the', as before
    ("The aid group Velsa Relief", "the medical charity Velsa Relief"),  # one proper name, two descriptions
    ("Velsa Relief", "the aid group Velsa Relief"),
    ("Orrin", "Harbour Minister Dana Orrin", "spokeswoman Dana Orrin"),  # a surname, a title, a role
    ("the ministry", "the transport ministry"),  # the short form of the one ministry in the story
    ("campaigners", "Human rights campaigners"),
    ("organisers", "march organisers", "the march organisers"),
    ("a UN panel", "a United Nations panel"),  # an acronym and its words
    ("the KRA", "the Kestrel Relief Alliance", "the aid group Kestrel Relief Alliance"),
    ("the charity", "the charity Kestrel Aid"),  # the description alone, then with the name
    ("researchers at the University of Esk", "a study by researchers at the University of Esk"),
    ("the Ministry of Ports", "the harbour office Ministry of Ports"),  # 'of' inside a proper name
])
def test_names_of_one_speaker_merge(names: tuple[str, ...]) -> None:
    assert same(*names)


@pytest.mark.parametrize("names", [
    ("the transport ministry", "the health ministry"),  # two ministries
    ("Dana Orrin", "Tomas Orrin"),  # two people of one family
    ("the Kelm government", "Experts, eyewitnesses and the Kelm government"),  # a list is not its member
    ("Dana Orrin", "the family of Dana Orrin"),  # a link word: someone else
    ("Velsa University", "researchers at Velsa University"),
    ("Velsa Relief", "Amnesty and Velsa Relief"),
    ("police", "organisers"),
    ("the charity", "the charity Kestrel Aid", "the charity Orlan Help"),  # the description fits two
    ("Velsa University", "researchers at the University of Velsa"),
])
def test_different_speakers_stay_apart(names: tuple[str, ...]) -> None:
    assert not same(*names)


def test_a_short_form_that_fits_two_longer_names_stays_alone() -> None:
    keys = speaker_keys(["the ministry", "the transport ministry", "the health ministry"])
    assert len({k for k, _ in keys.values()}) == 3


def test_an_acronym_with_two_readings_is_read_as_neither() -> None:
    keys = speaker_keys(["the PM", "Prime Minister Ada Lind", "Port Mell council"])
    assert keys["the PM"][0] != keys["Port Mell council"][0]
    keys = speaker_keys(["the PM", "Port Mell", "Prime Minister Ada Lind"])
    assert keys["the PM"][0] != keys["Port Mell"][0]
    assert speaker_keys(["the PM", "Port Mell"])["the PM"] == ("port mell", "Port Mell")  # one reading


def test_shown_name_is_the_longest_with_a_leading_the_in_lower_case() -> None:
    keys = speaker_keys(["Orrin", "Harbour Minister Dana Orrin"])
    assert {shown for _, shown in keys.values()} == {"Harbour Minister Dana Orrin"}
    keys = speaker_keys(["The ministry", "The transport ministry"])
    assert {shown for _, shown in keys.values()} == {"the transport ministry"}


def test_shown_name_reads_inside_a_sentence() -> None:
    assert speaker_keys(["Its staff"])["Its staff"][1] == "its staff"
    assert speaker_keys(["The ministry"])["The ministry"][1] == "the ministry"
    assert speaker_keys(["Aid workers"])["Aid workers"][1] == "Aid workers"  # capitalised at a start only


def test_report_says_one_speaker_once_across_outlets() -> None:
    """Two outlets name one charity in two ways; both set its figure against the police's."""
    texts = {
        "a.txt": ("The aid group Velsa Relief said 12,000 people fled.\n", "The aid group Velsa Relief said",
                  "12,000", 12_000),
        "b.txt": ("The medical charity Velsa Relief put it at 11,500 people.\n",
                  "The medical charity Velsa Relief", "11,500", 11_500),
        "c.txt": ("Police said 900 people fled.\n", "Police said", "900", 900),
    }
    arts, claims = [], []
    for i, (aid, (text, who, figure, value)) in enumerate(sorted(texts.items())):
        art = article(aid, text, outlet=f"Outlet {aid[0].upper()}")
        arts.append(art)
        claims.append(claim(f"v{i}", art, figure, value, value, value, hedge="exact", quantity="fled",
                            attribution=who))
    group = Group("fled", "People who fled", "people", "count", None,
                  tuple(Membership(c.id, "similarity", 90.0, "test") for c in claims))
    findings = compare([group], claims, arts, RuleSet.empty())
    assert len(findings) == 2
    text = render_markdown(Report(tuple(arts), tuple(claims), (group,), findings))
    who = text[text.index("Who disagrees"):text.index("<details>")]
    assert who.count("\n- ") == 1
    assert "- Police (Outlet C) gave a lower figure than the aid group Velsa Relief (Outlet A; Outlet B): " \
           "up to" in who


def test_one_speaker_on_both_sides_disagrees_with_itself() -> None:
    """The charity gives 300 in one outlet and 2,000 in another (named with and without its name)."""
    a = article("a.txt", "The charity Kestrel Aid said 300 people were rescued.\n", outlet="Outlet A")
    b = article("b.txt", "The charity said 2,000 people were rescued.\n", outlet="Outlet B")
    claims = [claim("k1", a, "300", 300, 300, 300, hedge="exact", quantity="rescued",
                    attribution="The charity Kestrel Aid said"),
              claim("k2", b, "2,000", 2000, 2000, 2000, hedge="exact", quantity="rescued",
                    attribution="The charity said")]
    group = Group("rescued", "People rescued", "people", "count", None,
                  tuple(Membership(c.id, "similarity", 90.0, "test") for c in claims))
    findings = compare([group], claims, [a, b], RuleSet.empty())
    text = render_markdown(Report((a, b), tuple(claims), (group,), findings))
    who = text[text.index("Who disagrees"):text.index("<details>")]
    assert "- The charity Kestrel Aid (Outlet A; Outlet B) gave figures that disagree with each other: " \
        in who


# ---------------------------------------------------------------- kinds of source


def _report(figures: list[tuple[str, str, str, float]]) -> Report:
    """One article per (outlet, sentence, figure, value); every figure in one quantity, 'people'."""
    arts, claims = [], []
    for i, (outlet, who, figure, value) in enumerate(figures):
        art = article(f"{i}.txt", f"{who} {figure} people marched.\n", outlet=outlet)
        arts.append(art)
        claims.append(claim(f"m{i}", art, figure, value, value, value, hedge="exact", quantity="marched",
                            attribution=who or None))
    group = Group("marched", "People who marched", "people", "count", None,
                  tuple(Membership(c.id, "similarity", 90.0, "test") for c in claims))
    findings = compare([group], claims, arts, RuleSet.empty())
    return Report(tuple(arts), tuple(claims), (group,), findings)


def _kinds_section(text: str) -> str:
    if "Kinds of source that disagree" not in text:
        return ""
    return text[text.index("Kinds of source that disagree"):text.index("Who disagrees")]


def test_report_says_which_kinds_of_source_disagree_and_names_them() -> None:
    report = _report([("Outlet A", "The health ministry said", "40", 40),
                      ("Outlet B", "Interior Minister Tal Brenn said", "45", 45),
                      ("Outlet C", "Researchers at Orvel University estimate", "900", 900)])
    kinds = _kinds_section(render_markdown(report))
    assert kinds.count("\n- ") == 1
    assert "- Researchers (Researchers at Orvel University) give higher figures than officials " \
           "(Interior Minister Tal Brenn; the health ministry): up to " in kinds
    assert "(2 pairs)" in kinds


def test_a_speaker_named_by_its_kind_word_is_not_repeated() -> None:
    report = _report([("Outlet A", "Police said", "3,000", 3000),
                      ("Outlet B", "Organisers said", "30,000", 30_000)])
    text = render_markdown(report)
    assert "- Organisers and campaigners give higher figures than police: 8.2× apart, major." \
        in _kinds_section(text)
    assert "Who disagrees" in text  # the named sources keep their own list


def test_no_kind_line_within_one_kind_or_without_a_kind() -> None:
    same = _report([("Outlet A", "Harbour police said", "3,000", 3000),
                    ("Outlet B", "The transport police said", "9,000", 9000)])
    assert _kinds_section(render_markdown(same)) == ""
    unnamed = _report([("Outlet A", "Dana Orrin said", "3,000", 3000),
                       ("Outlet B", "Organisers said", "30,000", 30_000)])
    text = render_markdown(unnamed)
    assert _kinds_section(text) == "" and "Kind of source" in text  # one figure has a kind: the column shows
    nobody = _report([("Outlet A", "", "3,000", 3000), ("Outlet B", "Dana Orrin said", "30,000", 30_000)])
    assert "Kind of source" not in render_markdown(nobody)


def test_kinds_higher_in_different_pairs_disagree_both_ways() -> None:
    report = _report([("Outlet A", "Police said", "1,000", 1000),
                      ("Outlet B", "Organisers said", "5,000", 5000),
                      ("Outlet C", "The transport workers' union said", "60,000", 60_000)])
    kinds = _kinds_section(render_markdown(report))
    assert "- Organisers and campaigners give higher figures than police: 4.1× apart, major." in kinds
    assert "- Unions and workers (the transport workers' union) give higher figures than police" in kinds
    assert "- Unions and workers (the transport workers' union) give higher figures than organisers" in kinds
    both = _report([("Outlet A", "Police said", "1,000", 1000),
                    ("Outlet B", "Organisers said", "5,000", 5000),
                    ("Outlet C", "Traffic police said", "60,000", 60_000)])
    assert "- Organisers and campaigners and police (Traffic police) disagree, each higher in some pairs: " \
           "up to" in _kinds_section(render_markdown(both))


def test_json_gives_each_claims_speaker_kind() -> None:
    report = _report([("Outlet A", "Police said", "3,000", 3000),
                      ("Outlet B", "Dana Orrin said", "9,000", 9000),
                      ("Outlet C", "Researchers estimate", "30,000", 30_000)])
    data = json.loads(render_json(report))
    assert [c["speaker_kind"] for c in data["claims"]] == ["police", None, "researchers"]
    schema = json.loads((Path(__file__).resolve().parents[1] / "checker" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    data["claims"][0]["speaker_kind"] = "aliens"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)


def test_many_pairs_of_kinds_are_cut_and_counted() -> None:
    from checker.render_speakers import MAX_KIND_SENTENCES

    kinds = ["Police", "Organisers", "Researchers", "Officials", "The company", "The union", "Witnesses",
             "Journalists"]
    report = _report([(f"Outlet {i}", f"{who} said", f"{1000 * 3 ** i:,}", 1000 * 3 ** i)
                      for i, who in enumerate(kinds)])
    lines = _kinds_section(render_markdown(report)).count("\n- ")
    pairs = len(kinds) * (len(kinds) - 1) // 2
    assert lines == MAX_KIND_SENTENCES + 1
    assert f"- {pairs - MAX_KIND_SENTENCES} more pairs of kinds disagree" in render_markdown(report)
