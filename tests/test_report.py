"""Renderers on hand-built reports: Markdown structure and escaping, SVG charts, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_fixtures import HOSTILE, sample_report

from checker.chart import chart_file_name, render_chart
from checker.model import Finding, Group, Report
from checker.render_formats import (
    CSV_COLUMNS,
    render_claims_json,
    render_claims_text,
    render_csv,
    render_json,
)
from checker.render_markdown import chart_paths, escape, quote_with_figure, render_markdown, write_markdown
from checker.report import format_interval, format_number, one_line, write_atomic

SVG = "{http://www.w3.org/2000/svg}"


def md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def tables(markdown: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts (header row included), as a GFM renderer sees it."""
    out: list[list[list[str]]] = []
    row: list[str] | None = None
    for tok in md().parse(markdown):
        if tok.type == "table_open":
            out.append([])
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            out[-1].append(row or [])
            row = None
        elif tok.type == "inline" and row is not None:
            row.append(tok.content)
    return out


def html_of(markdown: str) -> str:
    return md().render(markdown)


# --- escaping --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["a | b", "<script>alert(1)</script>", "`code`", "*x* _y_ **z**", "[l](http://x)", "line\nbreak",
     "a & b", "\\| escaped pipe", "~~strike~~", "![img](x.png)", "| leading", "trailing |", "<!-- c -->"],
)
def test_escaped_text_renders_as_itself_in_a_table_cell(text: str) -> None:
    doc = "| h |\n|---|\n| " + escape(text) + " |\n"
    html = html_of(doc)
    assert "<script" not in html and "<em>" not in html and "<strong>" not in html
    assert "<code>" not in html and "<a " not in html and "<img" not in html and "<del>" not in html
    assert "<!--" not in html
    t = tables(doc)
    assert len(t) == 1 and len(t[0]) == 2 and len(t[0][1]) == 1
    # The cell shows the original text (whitespace collapsed).
    cell = html.split("<td>")[1].split("</td>")[0]
    unescaped = cell.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    assert unescaped == " ".join(text.split())


PRINTABLE = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("|`*_[]<>&\\\n~#!")
)


@settings(max_examples=300, deadline=None)
@given(PRINTABLE)
def test_any_escaped_text_stays_in_its_cell_and_reads_as_written(text: str) -> None:
    doc = "| a | b |\n|---|---|\n| " + escape(text) + " | x |\n"
    (t,) = tables(doc)
    assert [len(row) for row in t] == [2, 2]
    html = html_of(doc)
    assert "<a " not in html and "<em>" not in html and "<code>" not in html and "<strong>" not in html


def test_quote_bolds_the_figure_and_only_it() -> None:
    r = sample_report()
    c1 = next(c for c in r.claims if c.id == "c1")
    html = html_of(quote_with_figure(c1))
    assert "<strong>About 2 million</strong>" in html
    assert html.count("<strong>") == 1


def test_quote_with_hostile_sentence_keeps_bold_figure_and_no_markup() -> None:
    r = sample_report(hostile=True)
    c1 = next(c for c in r.claims if c.id == "c1")
    html = html_of(quote_with_figure(c1))
    assert html.count("<strong>") == 1 and "<script" not in html and "<em>" not in html


# --- the Markdown report -----------------------------------------------------------------------


def _header_widths(markdown: str) -> list[tuple[int, set[int]]]:
    return [(len(t[0]), {len(row) for row in t}) for t in tables(markdown)]


@pytest.mark.parametrize("hostile", [False, True])
def test_markdown_tables_keep_their_shape(hostile: bool) -> None:
    r = sample_report(hostile=hostile)
    text = render_markdown(r)
    found = tables(text)
    # summary, articles, the disputed quantity's figures and its pairs, one quantity, not grouped
    assert len(found) == 6
    for width, row_widths in _header_widths(text):
        assert row_widths == {width}
    summary, articles, figures, pairs, quantity, ungrouped = found
    assert len(articles) == 1 + len(r.articles)
    assert len(figures) == 1 + 3  # the three figures in findings
    assert len(pairs) == 1 + len(r.findings)
    assert len(quantity) == 1 + 3
    assert len(ungrouped) == 1 + 1
    html = html_of(text)
    assert "<script" not in html and "<b>" not in html
    assert html.count("<details>") == html.count("</details>") == 1


def _table_with(markdown: str, header: str) -> list[dict[str, str]]:
    """The rows of the one table whose header has ``header``, as dicts."""
    (found,) = [t for t in tables(markdown) if header in t[0]]
    return [dict(zip(found[0], row, strict=True)) for row in found[1:]]


def test_markdown_is_the_same_with_hostile_text_apart_from_that_text() -> None:
    plain, hostile = render_markdown(sample_report()), render_markdown(sample_report(hostile=True))
    assert [len(t) for t in tables(plain)] == [len(t) for t in tables(hostile)]


def test_markdown_links_are_relative_to_the_report_folder() -> None:
    r = sample_report()
    text = render_markdown(r, base_dir="reports")
    tokens = md().parse(text)
    hrefs = {
        child.attrs["href"]
        for tok in tokens if tok.children
        for child in tok.children if child.type == "link_open"
    }
    assert "../corpus/a.txt#L2" in hrefs
    assert "../corpus/sub/b.md#L1" in hrefs
    same_dir = render_markdown(r, base_dir="corpus")
    assert "(sub/b.md#L1)" in same_dir


def test_markdown_shows_dates_speakers_intervals_and_the_conflict() -> None:
    r = sample_report()
    text = render_markdown(r)
    first = _table_with(text, "Figure A")[0]
    assert first["Severity"] == "critical"  # most severe first
    assert "About 2 million" in first["Figure A"] and "Tens of thousands" in first["Figure B"]
    assert "2019-03-01" in first["Source A"] and "said a spokesperson" in first["Source A"]
    assert first["How far apart"].startswith("18")
    assert "≥ 1,000,000" in text  # open interval
    assert "UN panel" in text  # the rule's reference value


def test_each_disputed_quantity_is_summarised_before_its_pairs() -> None:
    r = sample_report()
    text = render_markdown(r)
    summary = text.index("### People held in camps: critical")
    assert summary < text.index("Who disagrees") < text.index("<details>") < text.index("| Figure A")
    assert text.index("</details>") < text.index("## Quantities")
    rows = _table_with(text, "Figure (low to high)")
    assert [row["Figure (low to high)"] for row in rows] == [
        "Tens of thousands", "More than one million", "About 2 million"]
    assert [row["Speaker"] for row in rows] == ["not named", "campaigners", "a spokesperson"]
    assert [row["Outlet"] for row in rows] == ["Wire | Service", "", "Daily News"]
    assert [row["Date"] for row in rows] == ["2019-03-04", "", "2019-03-01"]
    assert "Worst severity: **critical**. 2 conflicts (1 critical, 1 minor)" in text


def test_who_disagrees_names_both_sources_in_plain_words() -> None:
    text = render_markdown(sample_report())
    lines = [ln for ln in text.splitlines() if ln.startswith("- ") and "lower figure" in ln]
    assert lines == [
        "- Wire \\| Service (no source named) gave a lower figure than a spokesperson (Daily News): "
        "18× apart, critical.",
        "- Campaigners (c.txt) gave a lower figure than a spokesperson (Daily News): 1.2× apart, minor.",
    ]


def test_figures_from_different_dates_are_marked() -> None:
    r = sample_report()
    dated = replace(r.findings[0], details={"dates": ["2019-03-01", "2019-03-04"]})
    text = render_markdown(replace(r, findings=(dated, r.findings[1])))
    assert "Figures from different dates: these articles are dated 2019-03-01 and 2019-03-04." in text
    assert "18× apart; figures from different dates (2019-03-01 and 2019-03-04), critical." in text
    assert _table_with(text, "Figure A")[0]["Dates"] == "different: 2019-03-01 vs 2019-03-04"
    same_day = [replace(a, date="2019-03-01") if a.date else a for a in r.articles]
    assert "different dates" not in render_markdown(replace(r, articles=tuple(same_day)))


def test_a_large_group_stays_compact_and_every_pair_stays_in_the_details() -> None:
    """Ten figures from two speakers make 25 conflicting pairs: one sentence, ten rows, 25 pair rows."""
    from report_fixtures import article, claim

    from checker.compare import compare
    from checker.model import Membership
    from checker.rules import RuleSet

    arts, claims = [], []
    for i in range(10):
        police = i % 2 == 0
        value = float((5_000 if police else 90_000) + 10 * i)  # each side agrees within tolerance
        figure = f"{value:,.0f}"
        art = article(f"{i:02d}.txt", f"{'Police' if police else 'Organisers'} said {figure} marched.\n",
                      outlet=f"Outlet {i}")
        arts.append(art)
        claims.append(claim(f"k{i}", art, figure, value, value, value, hedge="exact", quantity="march",
                            attribution="Police said" if police else "Organisers said"))
    group = Group("march", "People who marched", "people", "count", None,
                  tuple(Membership(c.id, "similarity", 90.0, "test") for c in claims))
    findings = compare([group], claims, arts, RuleSet.empty())
    r = Report(tuple(arts), tuple(claims), (group,), findings)
    assert len(findings) == 25
    text = render_markdown(r)
    assert len(_table_with(text, "Figure (low to high)")) == 10
    assert len(_table_with(text, "Figure A")) == 25
    who = text[text.index("Who disagrees"):text.index("<details>")]
    assert who.count("\n- ") == 1 and "Police (Outlet 0; Outlet 2; Outlet 4; Outlet 6; Outlet 8)" in who
    assert re.search(r": up to [\d.]+× apart \(25 pairs\), critical\.", who)


def test_a_reference_gap_lists_the_reference_among_the_figures() -> None:
    r = sample_report()
    gap = Finding("held-ref-1", "differs-from-reference", "held", "major", ("c2",),
                  "Tens of thousands is far below the reference.", 15.0)
    text = render_markdown(replace(r, findings=(gap,)))
    rows = _table_with(text, "Figure (low to high)")
    assert [row["Figure (low to high)"] for row in rows] == ["Tens of thousands", "reference: 1.5 million"]
    assert rows[1]["Speaker"] == "UN panel &lt;2018&gt;" and rows[1]["Date"] == "2018-08-10"
    assert "gave a figure that differs from the reference (UN panel &lt;2018&gt;, 2018-08-10): 15× apart, " \
        "major." in text


def test_markdown_is_byte_stable_and_order_independent() -> None:
    r = sample_report()
    shuffled = Report(
        articles=tuple(reversed(r.articles)), claims=tuple(reversed(r.claims)), groups=r.groups,
        findings=tuple(reversed(r.findings)), rules=r.rules,
    )
    assert render_markdown(r) == render_markdown(shuffled)
    assert render_json(r) == render_json(shuffled)
    assert render_csv(r) == render_csv(shuffled)


def test_empty_report_renders() -> None:
    empty = Report((), (), (), ())
    text = render_markdown(empty)
    assert "No conflicts" in text
    assert json.loads(render_json(empty))["findings"] == []


# --- charts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", [False, True])
def test_chart_parses_and_has_one_row_per_claim(hostile: bool) -> None:
    r = sample_report(hostile=hostile)
    svg = render_chart(r, r.groups[0])
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    rows = root.findall(f"{SVG}g")
    assert len(rows) == 3
    texts = ["".join(g.find(f"{SVG}text").itertext()) for g in rows]  # type: ignore[union-attr]
    assert any("campaigners say" in t for t in texts)
    if hostile:
        assert any("<script>" in t for t in texts)  # shown as text, parsed back from escaped XML
        assert not root.findall(f".//{SVG}script")


def test_chart_draws_open_ends_as_arrows_on_a_log_scale() -> None:
    r = sample_report()
    root = ET.fromstring(render_chart(r, r.groups[0]))
    lines = [ln for g in root.findall(f"{SVG}g") for ln in g.findall(f"{SVG}line")]
    arrows = [ln for ln in lines if ln.get("marker-end") or ln.get("marker-start")]
    assert len(arrows) == 1  # "more than one million"
    # log scale: 10,000 -> 99,999 is about as wide as 1,000,000 -> 10,000,000 would be
    tens = next(ln for ln in lines if not (ln.get("marker-end") or ln.get("marker-start"))
                and float(ln.get("x2", 0)) - float(ln.get("x1", 0)) > 100)
    width = float(tens.get("x2", 0)) - float(tens.get("x1", 0))
    tick = [float(t.get("x1", 0)) for t in root.findall(f"{SVG}line") if t.get("stroke") == "#dddddd"]
    decade = tick[1] - tick[0]
    assert abs(width - decade) < 2


def test_chart_file_names_are_safe() -> None:
    assert chart_file_name("people/held in ../camps") == "people-held-in-camps.svg"
    assert chart_file_name("...") == "quantity.svg"


def test_write_markdown_writes_charts_next_to_the_report(tmp_path: Path) -> None:
    r = sample_report()
    out = tmp_path / "reports" / "seeds.md"
    written = write_markdown(r, str(out))
    svg = tmp_path / "reports" / "seeds" / "held.svg"
    assert svg.is_file() and out.is_file()
    assert [Path(p) for p in written] == [svg, out]
    ET.parse(svg)
    assert "![Range chart: People held in camps](seeds/held.svg)" in out.read_text()
    first = out.read_bytes(), svg.read_bytes()
    write_markdown(r, str(out))
    assert (out.read_bytes(), svg.read_bytes()) == first


def test_write_markdown_removes_charts_it_no_longer_embeds(tmp_path: Path) -> None:
    r = sample_report()
    out = tmp_path / "seeds.md"
    stale = tmp_path / "seeds" / "old-quantity.svg"
    stale.parent.mkdir()
    stale.write_text("<svg/>")
    (tmp_path / "seeds" / "notes.txt").write_text("kept")
    write_markdown(r, str(out))
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == ["held.svg", "notes.txt"]


def test_an_error_while_rendering_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The charts and the report are all rendered before any file is written: a failure in the report
    leaves no chart behind for a new report, and the old report and charts as they were."""
    r = sample_report()
    out = tmp_path / "seeds.md"
    write_markdown(r, str(out))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def boom(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("checker.render_markdown.render_markdown", boom)
    with pytest.raises(RuntimeError):
        write_markdown(r, str(tmp_path / "new.md"))
    assert not (tmp_path / "new.md").exists() and not (tmp_path / "new").exists()
    renamed = replace(r, articles=(replace(r.articles[0], outlet="Other Paper"), *r.articles[1:]))
    assert render_chart(renamed, renamed.groups[0]) != render_chart(r, r.groups[0])  # a new chart too
    with pytest.raises(RuntimeError):
        write_markdown(renamed, str(out))
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_chart_paths_never_collide() -> None:
    r = sample_report()
    twin = Group("held!", "Twin", "people", "count", None, r.groups[0].members)
    twin_finding = replace(r.findings[0], quantity="held!", id="twin")
    r2 = Report(r.articles, r.claims, r.groups + (twin,), r.findings + (twin_finding,))
    paths = chart_paths(r2, "out/x.md")
    assert chart_file_name("held!") == chart_file_name("held")
    assert len(set(paths.values())) == 2


# --- JSON, CSV, text ----------------------------------------------------------------------------


def test_json_has_claims_findings_and_version() -> None:
    data = json.loads(render_json(sample_report(hostile=True)))
    assert data["schema_version"]
    assert [c["id"] for c in data["claims"]] == ["c1", "c3", "c4", "c2"]  # by article, offset
    assert data["findings"][0]["severity"] == "critical"
    assert data["claims"][0]["attribution"] == HOSTILE


def test_claims_json_is_a_list() -> None:
    data = json.loads(render_claims_json(sample_report()))
    assert isinstance(data, list) and {c["id"] for c in data} == {"c1", "c2", "c3", "c4"}


def test_csv_one_row_per_claim_with_group_and_findings() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(sample_report(hostile=True)))))
    assert len(rows) == 4
    by_id = {r["claim"]: r for r in rows}
    assert by_id["c1"]["findings"] == "held-conflict-1;held-conflict-2"
    assert by_id["c1"]["max_severity"] == "critical"
    assert by_id["c1"]["quantity_label"] == "People held in camps"
    assert by_id["c4"]["quantity"] == "" and by_id["c4"]["findings"] == ""
    assert by_id["c3"]["high"] == "" and by_id["c3"]["low"] == "1000000"
    assert "\n" not in by_id["c1"]["sentence"]


def test_csv_loads_in_pandas_as_a_data_desk_would() -> None:
    """The CSV is for data desks: pandas reads it with its defaults, numbers as numbers, open ends empty."""
    import pandas as pd

    frame = pd.read_csv(io.StringIO(render_csv(sample_report(hostile=True))))
    assert list(frame.columns) == list(CSV_COLUMNS) and len(frame) == 4
    row = frame.set_index("claim").loc["c3"]
    assert row["low"] == 1_000_000 and pd.isna(row["high"])
    assert frame["line"].dtype.kind == "i" and frame["value"].dtype.kind == "f"


def test_claims_text_points_at_path_line_col() -> None:
    r = sample_report()
    text = render_claims_text(r)
    col = r.articles[2].text.index("25") + 1
    assert f"corpus/c.txt:1:{col}: 25 [25] exact shops" in text
    assert text.rstrip().endswith("4 claims in 3 articles.")


def test_number_and_interval_formats() -> None:
    assert format_number(1_000_000) == "1,000,000"
    assert format_number(0.25) == "0.25"
    assert format_number(12.5) == "12.5"
    assert format_number(None) == "?"
    assert format_number(110_000.00000000001) == "110,000" and format_number(1_234_567.8) == "1,234,568"
    assert format_interval(1e6, None) == "≥ 1,000,000"
    assert format_interval(None, 5) == "≤ 5"
    assert format_interval(3, 3) == "3"
    assert format_interval(None, None) == "unknown"


def test_one_line_flattens_whitespace_and_cuts() -> None:
    assert one_line(" a\n  b\tc \r\n") == "a b c"
    assert one_line("one  two three", 7) == "one two"


def test_write_atomic_leaves_old_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "old\n")

    def boom(src: object, dst: object) -> None:  # fails after the temporary file is written
        raise OSError("disk full")

    monkeypatch.setattr("checker.report.os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_seed_report_links_point_at_the_line_of_each_figure(seeds_report: Report) -> None:
    """On the real pipeline's output: every claim link opens the file at a line holding the figure."""
    from urllib.parse import unquote

    root = Path(__file__).resolve().parents[1]
    base = root / "reports"
    text = render_markdown(seeds_report, str(base), chart_paths(seeds_report, "reports/seeds.md"))
    for width, row_widths in _header_widths(text):
        assert row_widths == {width}
    links = [
        (child.attrs["href"], tok.content)
        for tok in md().parse(text) if tok.children
        for child in tok.children if child.type == "link_open" and "#L" in str(child.attrs["href"])
    ]
    assert len(links) >= len(seeds_report.claims)
    by_place = {(c.article, c.line): c for c in seeds_report.claims}
    for href, _ in links:
        target, line = str(href).split("#L")
        path = (base / unquote(target)).resolve()
        assert path.is_file(), href
        article_id = path.relative_to(root / "seeds").as_posix()
        claim = by_place.get((article_id, int(line)))
        assert claim is not None, href
        file_line = path.read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert claim.text.split()[0] in file_line
