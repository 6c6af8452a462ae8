"""checker/corpus.py: loading articles, metadata, and skipping bad files with a one-line Problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SEEDS

from checker import corpus
from checker.corpus import load_corpus
from checker.model import CheckerError

BODY = "Police said about 21,000 people marched on Saturday.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_front_matter_gives_metadata_and_body_start(tmp_path: Path) -> None:
    text = "---\ntitle: March\noutlet: Daily\nurl: https://example.org/a\ndate: 2025-05-17\n---\n" + BODY
    write(tmp_path / "a.md", text)
    (article,), problems = load_corpus([tmp_path])
    assert problems == []
    assert (article.title, article.outlet, article.url, article.date) == (
        "March",
        "Daily",
        "https://example.org/a",
        "2025-05-17",
    )
    assert article.text == text  # verbatim, front matter included
    assert article.text[article.body_start :] == BODY


def test_sidecar_gives_metadata_and_front_matter_wins(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "a.meta.yaml", "outlet: Side Outlet\ndate: 2024-01-02\n")
    write(tmp_path / "b.md", "---\noutlet: Front Outlet\n---\n" + BODY)
    write(tmp_path / "b.meta.yaml", "outlet: Side Outlet\ntitle: Side Title\ndate: 2024-01-02\n")
    (a, b), problems = load_corpus([tmp_path])
    assert problems == []
    assert (a.outlet, a.date, a.body_start) == ("Side Outlet", "2024-01-02", 0)
    assert (b.outlet, b.title, b.date) == ("Front Outlet", "Side Title", "2024-01-02")


def test_no_metadata_is_fine(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    (a,), problems = load_corpus([tmp_path])
    assert problems == [] and (a.title, a.outlet, a.url, a.date, a.body_start) == (None,) * 4 + (0,)


@pytest.mark.parametrize(
    "front, line, words",
    [
        ("title: [unclosed\n", None, "bad metadata"),
        ("title: T\ncolour: blue\n", 3, "unknown key 'colour'"),
        ("outlet: O\ndate: 17 May 2025\n", 3, "date"),
        ("date: 2025-02-30\n", 2, "date"),
        ("date: 2025-13-01\n", 2, "date"),
        ("- just\n- a list\n", 2, "mapping"),
        ("title:\n  nested: map\n", 2, "title must be text"),
    ],
)
def test_bad_front_matter_is_a_problem_naming_file_and_line(
    tmp_path: Path, front: str, line: int | None, words: str
) -> None:
    bad = write(tmp_path / "bad.md", "---\n" + front + "---\n" + BODY)
    write(tmp_path / "good.txt", BODY)
    articles, problems = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["good.txt"]
    (problem,) = problems
    assert problem.path == str(bad) and words in problem.message, str(problem)
    assert problem.line is not None and problem.line >= 2
    if line is not None:
        assert problem.line == line, str(problem)
    assert "\n" not in str(problem) and str(problem).startswith(f"{bad}:{problem.line}:")


def test_bad_sidecar_is_a_problem_naming_the_sidecar_and_the_article(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", BODY)
    side = write(tmp_path / "a.meta.yaml", "outlet: O\nauthor: Me\n")
    articles, problems = load_corpus([tmp_path])
    assert articles == []
    (problem,) = problems
    assert (problem.path, problem.line) == (str(side), 2)
    assert "unknown key 'author'" in problem.message and str(article) in problem.message


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("binary.txt", b"abc\x00def\n", "binary"),
        ("latin1.txt", "Caf\u00e9 prices rose 5%.\n".encode("latin-1"), "UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n\t\n", "empty"),
        ("only_front.md", b"---\ntitle: T\n---\n\n", "empty"),
    ],
)
def test_unusable_files_are_skipped_with_one_problem(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    bad = write(tmp_path / name, data)
    write(tmp_path / "good.txt", BODY)
    articles, problems = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["good.txt"]
    assert len(problems) == 1 and problems[0].path == str(bad) and words in problems[0].message
    assert "\n" not in str(problems[0])


def test_non_utf8_problem_gives_the_line(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"line one\nline two\nbad \xff byte\n")
    _, (problem,) = load_corpus([tmp_path])
    assert problem.line == 3


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "\ufeff".encode() + BODY.encode())
    (a,), problems = load_corpus([tmp_path])
    assert problems == [] and a.text == BODY


def test_oversized_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "MAX_BYTES", 20)
    big = write(tmp_path / "big.txt", BODY)
    write(tmp_path / "small.txt", "5 people.\n")
    articles, problems = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["small.txt"]
    assert [p.path for p in problems] == [str(big)] and "larger" in problems[0].message


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", BODY)
    write(tmp_path / "open.txt", BODY)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read mode-000 files (root)")
        articles, problems = load_corpus([tmp_path])
    finally:
        locked.chmod(0o644)
    assert [a.id for a in articles] == ["open.txt"]
    assert [p.path for p in problems] == [str(locked)] and "cannot read" in problems[0].message


def test_unreadable_file_via_os_error_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path without relying on file modes (root reads mode-000 files)."""
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.txt", BODY)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles, problems = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["b.txt"]
    assert len(problems) == 1 and "Permission denied" in problems[0].message


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_loading_never_modifies_files(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: T\n---\n" + BODY)
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "b.meta.yaml", "outlet: O\n")
    write(tmp_path / "c.txt", b"\x00")
    write(tmp_path / "d.md", "---\nbad: key\n---\n" + BODY)
    before = _snapshot(tmp_path)
    load_corpus([tmp_path])
    load_corpus([tmp_path / "a.md", tmp_path / "b.txt"])
    assert _snapshot(tmp_path) == before


def test_seeds_load_unchanged_and_cleanly() -> None:
    before = _snapshot(SEEDS)
    articles, problems = load_corpus([SEEDS])
    assert problems == []
    assert [a.id for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for a in articles:
        assert a.text == (SEEDS / a.id).read_bytes().decode("utf-8")
    assert _snapshot(SEEDS) == before


def test_ids_are_relative_to_the_folder_root_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "z.txt", BODY)
    write(tmp_path / "sub" / "deeper" / "a.md", BODY)
    write(tmp_path / "sub" / "b.txt", BODY)
    articles, problems = load_corpus([tmp_path])
    assert problems == []
    assert [a.id for a in articles] == ["sub/b.txt", "sub/deeper/a.md", "z.txt"]
    assert articles[1].path == str(tmp_path / "sub" / "deeper" / "a.md")
    (sub_b, sub_a), _ = load_corpus([tmp_path / "sub"])
    assert {sub_b.id, sub_a.id} == {"b.txt", "deeper/a.md"}


def test_ids_do_not_depend_on_where_the_tool_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "corpus" / "a.txt", BODY)
    first, _ = load_corpus([tmp_path / "corpus"])
    monkeypatch.chdir(tmp_path)
    second, _ = load_corpus(["corpus"])
    assert [a.id for a in first] == [a.id for a in second] == ["a.txt"]


def test_a_file_given_directly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "sub" / "a.txt", BODY)
    write(tmp_path / "sub" / "a.meta.yaml", "outlet: O\n")
    monkeypatch.chdir(tmp_path)
    (a,), problems = load_corpus(["sub/a.txt"])
    assert problems == [] and a.id == "sub/a.txt" and a.outlet == "O"


def test_nonexistent_path_is_a_checker_error(tmp_path: Path) -> None:
    with pytest.raises(CheckerError, match="no_such"):
        load_corpus([tmp_path / "no_such"])


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / ".git" / "a.txt", BODY)
    write(tmp_path / "visible" / ".draft.md", BODY)
    write(tmp_path / "visible" / "a.md", BODY)
    articles, problems = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["visible/a.md"] and problems == []


def test_only_txt_and_md_are_articles(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "C.TXT", "d.html", "e.pdf", "f.yaml", "g.txt.bak", "h"):
        write(tmp_path / name, BODY)
    write(tmp_path / "a.meta.yaml", "outlet: O\n")
    articles, problems = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["C.TXT", "a.txt", "b.md"] and problems == []


def test_other_files_given_directly_are_problems_and_sidecars_are_passed_over(tmp_path: Path) -> None:
    """``checker report corpus/*`` hands over sidecars and stray files too: neither is an article."""
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "a.meta.yaml", "outlet: O\n")
    pdf = write(tmp_path / "b.pdf", b"%PDF-1.4\n")
    articles, problems = load_corpus(sorted(tmp_path.iterdir()))
    assert [a.outlet for a in articles] == ["O"]
    assert [p.path for p in problems] == [str(pdf)]


def test_same_id_twice_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "one" / "a.txt", BODY)
    write(tmp_path / "two" / "a.txt", "Other text, 5 people.\n")
    articles, problems = load_corpus([tmp_path / "one", tmp_path / "two"])
    assert [a.text for a in articles] == [BODY]
    assert len(problems) == 1 and "a.txt" in problems[0].message


def test_result_does_not_depend_on_path_order(tmp_path: Path) -> None:
    write(tmp_path / "x" / "b.txt", BODY)
    write(tmp_path / "y" / "a.txt", BODY)
    one, _ = load_corpus([tmp_path / "x", tmp_path / "y"])
    two, _ = load_corpus([tmp_path / "y", tmp_path / "x"])
    assert one == two


def test_line_of() -> None:
    assert [corpus.line_of("a\nb\nc", i) for i in (0, 1, 2, 4)] == [1, 1, 2, 3]


def test_seed_sidecars_only_say_what_the_text_says() -> None:
    articles, _ = load_corpus([SEEDS])
    assert any(a.outlet for a in articles)
    for a in articles:
        for word in (a.outlet or "").replace("/", " ").split():
            assert word in a.text, f"{a.id}: outlet word {word!r} is not in the article's text"
        if a.date:
            year, month, day = a.date.split("-")
            assert year in a.text, f"{a.id}: date {a.date} is not told by the text"
