"""Tests for checker.context: sentence splitting and describe() (entity, attribution, scope, ...)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import checker.context as context_module
from checker.context import SCOPE_VOCABULARY, FigureContext, describe, sentence_spans
from checker.context_words import lemma, participle

CASES = yaml.safe_load((Path(__file__).parent / "data" / "context_cases.yaml").read_text(encoding="utf-8"))


def _describe_case(case: dict) -> FigureContext:
    text, figure = case["text"], case["figure"]
    start = -1
    for _ in range(case.get("nth", 1)):
        start = text.index(figure, start + 1)
    end = start + len(figure)
    sent = next((s, e) for s, e in sentence_spans(text) if s <= start < e)
    dimension = case.get("dimension") or ("percent" if "%" in figure else "count")
    return describe(text, sent[0], sent[1], start, end, case.get("unit"), dimension)


def _case_id(case: dict) -> str:
    words = re.findall(r"\w+", case["text"])[:5]
    return f"{'_'.join(words)}[{case['figure']}]"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_describe_case(case: dict) -> None:
    got = _describe_case(case)
    if "entity" in case:
        assert got.entity == case["entity"]
    if case.get("entity_has"):
        assert got.entity is not None, got
        for word in case["entity_has"]:
            assert word.lower() in got.entity.lower(), (word, got)
    if "attribution" in case:
        assert got.attribution == case["attribution"], got
    if "attribution_has" in case:
        assert got.attribution is not None and case["attribution_has"].lower() in got.attribution.lower(), got
    if "scope" in case:
        assert set(got.scope) == set(case["scope"]), got
    if "predicate" in case:
        assert got.predicate == case["predicate"], got
    for word in case.get("context_has", []):
        assert word in got.context, (word, got)
    for word in case.get("context_lacks", []):
        assert word not in got.context, (word, got)


def test_case_file_is_big_and_varied() -> None:
    assert len(CASES) >= 60
    assert len({c["text"] for c in CASES}) >= 50
    assert sum(1 for c in CASES if c.get("attribution") is None and "attribution" in c) >= 3


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith arrived. Dr. Jones left.", ["Mr. Smith arrived.", "Dr. Jones left."]),
        ("Growth was 2.5 percent. It slowed.", ["Growth was 2.5 percent.", "It slowed."]),
        ("The U.S. Treasury acted. It said so.", ["The U.S. Treasury acted.", "It said so."]),
        ("He moved to the U.S. The move was quick.", ["He moved to the U.S.", "The move was quick."]),
        ("It came on Jan. 5 and ended. Then it rained.", ["It came on Jan. 5 and ended.", "Then it rained."]),
        ("Fruits, e.g. apples, grow. Good.", ["Fruits, e.g. apples, grow.", "Good."]),
        ("It ranked No. 3 in the poll. Fine.", ["It ranked No. 3 in the poll.", "Fine."]),
        ("Donald J. Trump spoke. He left.", ["Donald J. Trump spoke.", "He left."]),
        ('"We will win." The crowd cheered.', ['"We will win."', "The crowd cheered."]),
        ("“We will win.” The crowd cheered.", ["“We will win.”", "The crowd cheered."]),
        ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
        ("“Is it over?” He shrugged.", ["“Is it over?”", "He shrugged."]),
        ("It fell… Then it rose.", ["It fell…", "Then it rose."]),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("First paragraph without a stop\n\nSecond one.", ["First paragraph without a stop", "Second one."]),
        ("Big Headline Here\nThe story starts here.", ["Big Headline Here", "The story starts here."]),
        ("Sanctions hit\nofficials in the region.", ["Sanctions hit\nofficials in the region."]),
        ("It cost $2.5 billion. Nobody paid.", ["It cost $2.5 billion.", "Nobody paid."]),
        ("Visit www.example.com today. Thanks.", ["Visit www.example.com today.", "Thanks."]),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentence_spans_are_absolute_trimmed_and_ordered() -> None:
    text = "Intro.  One sentence here.   Two here!\n\n  Three?  "
    spans = sentence_spans(text, 7)
    assert [text[s:e] for s, e in spans] == ["One sentence here.", "Two here!", "Three?"]
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert sentence_spans(text, 0, 6) == [(0, 6)]


def test_hard_wrapped_paragraph_is_not_split_at_line_ends() -> None:
    text = (
        "The ministry said on Monday that more than 300 people had been\n"
        "evacuated from the valley after the river burst its banks, and\n"
        "that another 200 were expected to leave by the end of the week.\n"
    )
    assert len(sentence_spans(text)) == 1


def test_running_quote_speaker_comes_from_previous_sentence() -> None:
    text = (
        "“We’re deeply troubled by what we see,” said Ana Ruiz. “There are reports that many "
        "thousands have been detained since April 2017, and the numbers are growing so far.”"
    )
    start = text.index("many thousands")
    sent = next((s, e) for s, e in sentence_spans(text) if s <= start < e)
    got = describe(text, sent[0], sent[1], start, start + len("many thousands"), None, "count")
    assert got.attribution == "Ana Ruiz"
    assert got.scope == ("since:2017-04",)  # "so far" belongs to the next clause
    assert got.predicate == "detain"


def _describe_in(text: str, figure: str) -> FigureContext:
    start = text.index(figure)
    sent = next((s, e) for s, e in sentence_spans(text) if s <= start < e)
    return describe(text, sent[0], sent[1], start, start + len(figure), None, "count")


def test_quote_running_over_paragraphs_takes_the_speaker_of_its_last_paragraph() -> None:
    text = (
        "Organisers disputed the police count.\n\n"
        "“We had 240 buses from every region. Nobody fills them for a small crowd.\n\n"
        "“The real figure is closer to 45,000,” said Ana Ruiz, a spokeswoman for the coalition.\n"
    )
    assert _describe_in(text, "240").attribution == "Ana Ruiz"
    assert _describe_in(text, "45,000").attribution == "Ana Ruiz"


def test_quote_closed_in_its_paragraph_does_not_borrow_a_later_speaker() -> None:
    text = "“We counted 300 people.”\n\nLater, “the march ended,” said Ana Ruiz.\n"
    assert _describe_in(text, "300").attribution is None


def test_unattributed_figure_has_no_speaker_even_after_a_quote() -> None:
    text = "“It is bad,” the mayor said. The flood damaged 400 homes."
    start = text.index("400")
    sent = next((s, e) for s, e in sentence_spans(text) if s <= start < e)
    got = describe(text, sent[0], sent[1], start, start + 3, None, "count")
    assert got.attribution is None
    assert got.entity is not None and "homes" in got.entity


def test_output_is_normalised() -> None:
    for case in CASES:
        got = _describe_case(case)
        assert list(got.scope) == sorted(set(got.scope))
        assert list(got.context) == sorted(set(got.context))
        assert all(c == c.lower() for c in got.context)
        kinds = {key.split(":")[0] for key in SCOPE_VOCABULARY if ":" in key}
        bare = {key for key in SCOPE_VOCABULARY if ":" not in key}
        for marker in got.scope:
            # a documented kind with a value ("since:2017-04"), a bare marker, or a rate "per-<period>"
            assert (
                (":" in marker and marker.split(":")[0] in kinds)
                or marker in bare
                or (marker.startswith("per-") and marker[4:] in ("year", "quarter", "month", "week", "day"))
            ), marker


@pytest.mark.parametrize(
    ("word", "expected"),
    [("held", "hold"), ("forced", "force"), ("detained", "detain"), ("sanctioning", "sanction"),
     ("estimates", "estimate"), ("marches", "march"), ("stopped", "stop"), ("died", "die"),
     ("agreed", "agree"), ("imported", "import"), ("rose", "rise"), ("says", "say"), ("injured", "injure"),
     # verbs the lists do not know, read from their form
     ("cancelled", "cancel"), ("travelled", "travel"), ("installed", "install"), ("handled", "handle"),
     ("combined", "combine"), ("explained", "explain"), ("filed", "file"), ("pinned", "pin")],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_participle_round_trips_lemma() -> None:
    for form in ("held", "killed", "sanctioned", "arrested", "forced", "injured", "displaced", "fled",
                 "cancelled", "handled", "examined", "filed"):
        assert participle(lemma(form)) == form


_ALPHABET = st.sampled_from(list("abcXYZ 0123456789.,;:!?\"'“”‘’…—–-()$%\n\t") + ["said", " U.S. ", "Mr. ",
                                                                                  "million", "according to"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(-5, 90), st.integers(-5, 90),
       st.integers(-5, 90), st.integers(-5, 90), st.sampled_from(["count", "percent", "currency"]))
def test_describe_never_raises(text: str, a: int, b: int, c: int, d: int, dimension: str) -> None:
    # The inner reader, not the public wrapper (which also guards against surprises): no exceptions.
    got = context_module._describe(text, a, b, c, d, None, dimension)
    assert isinstance(got, FigureContext)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(0, 90), st.integers(0, 90))
def test_sentence_spans_stay_inside_and_ordered(text: str, a: int, b: int) -> None:
    spans = sentence_spans(text, a, b)
    lo, hi = max(0, min(a, len(text))), min(b, len(text))
    for s, e in spans:
        assert lo <= s < e <= max(lo, hi)
        assert not text[s].isspace() and not text[e - 1].isspace()
    assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:], strict=False))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.data())
def test_describe_on_any_unicode_inside_a_sentence(text: str, data: st.DataObject) -> None:
    for s, e in sentence_spans(text):
        i = data.draw(st.integers(s, e - 1))
        j = data.draw(st.integers(i, e))
        got = context_module._describe(text, s, e, i, j, "people", "count")
        assert got.entity is None or len(got.entity) <= 120


def _scope_texts() -> list[str]:
    examples = [x for doc in SCOPE_VOCABULARY.values() for x in re.findall(r"'([^']+)'", doc)]
    more = """altogether; daily; right now; at any one time; over-65s; older people; grown-ups; kids; minors;
    under-18s; females; males; pensioners; countrywide; globally; around the globe; Q3 2021; as at 2020;
    peaked; at the height of; year-on-year; compared with a year earlier; 18+; until now; thus far;
    since records began; aged between 18 and 24; per annum; annualised; in the 12 months to June;
    by the end of March 2020; since the outbreak began in March; the 2019 flood; mid-June; presently"""
    return [c["text"] for c in CASES] + examples + [x.strip() for x in more.split(";")]


def test_scope_trigger_words_are_in_every_match() -> None:
    # scope_markers runs a pattern only when one of its trigger words is in the clause; the words
    # must be in every match, or a marker would be lost.
    from checker import context_scope as cs

    tables = [(p, words) for p, words in cs._TRIGGERS.items()]
    tables += [(p, cs._SUBPOP_TRIGGERS[g]) for p, g in cs._SUBPOP]
    tables += [(p, cs._REGION_TRIGGERS[g]) for p, g in cs._REGION_WORDS]
    matched = 0
    for pattern, words in tables:
        for text in _scope_texts():
            for m in pattern.finditer(text):
                matched += 1
                assert any(w in m.group().lower() for w in words), (pattern.pattern, m.group())
    assert matched > 100


def test_sentences_near_are_the_article_sentences_inside_the_window() -> None:
    from checker.context_split import sentences_near

    text = "One sentence here. Another one follows.\n\nA new paragraph starts. It ends."
    whole = sentence_spans(text)
    assert sentences_near(text, 0, len(text)) == whole
    start = text.index("Another")
    assert sentences_near(text, start, len(text)) == [sp for sp in whole if sp[0] >= start]
    # a window cutting a sentence keeps the part inside it
    cut = text.index("new")
    got = [text[s:e] for s, e in sentences_near(text, cut, len(text))]
    assert got == ["new paragraph starts.", "It ends."]
