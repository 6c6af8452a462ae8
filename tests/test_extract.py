"""Extraction: the cases in tests/data/extraction_cases.yaml, the semantics table against its doc,
and invariants of extract_article (offsets, ids, purity)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml

from checker import semantics
from checker.corpus import load_corpus
from checker.extract import extract_article, extract_text
from checker.model import DIMENSIONS, HEDGES, TRENDS, Article

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "extraction_cases.yaml").read_text(encoding="utf-8"))
FIELDS = ("text", "value", "low", "high", "hedge", "trend", "unit")


def _same(a: object, b: object) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    return a == b


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_extraction_case(case: dict) -> None:
    got = [[getattr(c, f) for f in FIELDS] for c in extract_text(case["text"], article="case.txt")]
    want = [list(w) for w in case["claims"]]
    assert len(got) == len(want), f"claims: {got}"
    for g, w in zip(got, want, strict=True):
        assert all(_same(x, y) for x, y in zip(g, w, strict=True)), f"\n got {g}\nwant {w}"


def test_cases_are_unique_and_cover_every_semantics_row() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 200
    rows = {c["row"] for c in CASES}
    missing = {r.id for r in semantics.TABLE} - rows
    assert not missing, f"no extraction case for semantics rows {sorted(missing)}"


def test_cases_fire_the_row_they_name() -> None:
    """A case about a semantics row must record that row on at least one of its claims."""
    for case in CASES:
        if case["row"] not in semantics.ROWS or not case["claims"]:
            continue
        fired = {s for c in extract_text(case["text"]) for s in c.semantics}
        assert case["row"] in fired, f"{case['id']}: {case['row']} not in {sorted(fired)}"


def test_doc_table_matches_code() -> None:
    doc = (ROOT / "docs" / "semantics.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- semantics-table:start -->\n(.*?)<!-- semantics-table:end -->", doc, re.S)
    assert m, "docs/semantics.md lacks the table markers"
    assert m.group(1) == semantics.markdown_table(), "run: python -m checker.semantics"
    doc_ids = re.findall(r"^\| `([\w-]+)` \|", m.group(1), re.M)
    assert doc_ids == [r.id for r in semantics.TABLE]


def test_semantics_rows_use_the_closed_vocabulary() -> None:
    for row in semantics.TABLE:
        assert row.hedge is None or row.hedge in HEDGES
        assert row.rule in ("point", "approx", "nearly", "above", "below", "ends", "magnitude", "modifier")
        assert row.words and row.example


def _seed_claims():
    articles, problems = load_corpus([ROOT / "seeds"])
    assert not problems
    return articles, [c for a in articles for c in extract_article(a)]


def test_seed_claims_are_well_formed() -> None:
    articles, claims = _seed_claims()
    texts = {a.id: a.text for a in articles}
    for c in claims:
        text = texts[c.article]
        assert text[c.start:c.end] == c.text
        assert c.line == text.count("\n", 0, c.start) + 1
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence)
        assert c.hedge in HEDGES and (c.trend is None or c.trend in TRENDS) and c.dimension in DIMENSIONS
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        assert c.semantics and all(s in semantics.ROWS or s == "quantulum3" for s in c.semantics)
    assert len({c.id for c in claims}) == len(claims)


def test_seed_figures_issue_2() -> None:
    """The figures issue 2 names are read with the right hedge and interval."""
    _, claims = _seed_claims()
    by_text = {(c.article[:3], c.text): c for c in claims}
    camps = by_text[("000", "about 2 million")]
    assert (camps.hedge, camps.unit, camps.low, camps.high) == ("approximate", "people", 1.8e6, 2.2e6)
    more = by_text[("001", "more than one million")]
    assert (more.hedge, more.low, more.high, more.unit) == ("more-than", 1e6, None, "Uighurs")
    tens = by_text[("003", "tens of thousands")]
    assert (tens.value, tens.low, tens.high, tens.hedge) == (None, 1e4, 1e5, "vague")
    plus = by_text[("004", "25 million-plus")]
    assert (plus.low, plus.high, plus.hedge) == (25e6, None, "at-least")
    assert by_text[("000", "many, many thousands")].hedge == "vague"
    debris_line = 5  # the image file name in 001
    assert not [c for c in claims if c.article.startswith("001") and c.line == debris_line]
    assert not [c for c in claims if re.search(r"\b(19|20)\d\d\b", c.text)]


def test_body_start_and_offsets_with_front_matter() -> None:
    front = "---\ntitle: 5 things\ndate: 2021-03-22\n---\n"
    body = "Officials said 40 people were hurt.\nAbout 3,000 fled."
    art = Article(id="a.md", path="a.md", text=front + body, body_start=len(front))
    claims = extract_article(art)
    assert [c.text for c in claims] == ["40", "About 3,000"]
    assert [c.line for c in claims] == [5, 6]
    assert all(art.text[c.start:c.end] == c.text for c in claims)


def test_ids_do_not_depend_on_unrelated_text() -> None:
    base = "The agency says 40 people were hurt."
    a = extract_text(base, article="x.txt")
    b = extract_text("A new first paragraph about nothing.\n\n" + base, article="x.txt")
    assert [c.id for c in a] == [c.id for c in b[-1:]]
    assert a[0].start != b[-1].start


def test_repeated_figure_gets_distinct_ids() -> None:
    claims = extract_text("He said 5 people. He said 5 people.", article="r.txt")
    assert len(claims) == 2 and len({c.id for c in claims}) == 2


def test_extraction_is_deterministic_and_pure() -> None:
    art = Article(id="p.txt", path="p.txt", text="Around 1 million Uyghurs are held; 20% of cotton.")
    first = extract_article(art)
    extract_text("Police said 5,000 marched; organisers said more than 20,000 people did.", article="q.txt")
    assert extract_article(art) == first  # nothing carried over from another article


def test_cli_import_does_not_load_quantulum3() -> None:
    import subprocess
    import sys

    code = "import checker.extract, sys; print('quantulum3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
