"""Load a corpus of articles from files and folders.

An article is a ``.txt`` or ``.md`` file. Metadata (title, outlet, url, date) comes from optional
YAML front matter, or from a sidecar ``<name>.meta.yaml`` next to the article so that the article
file can stay verbatim; front matter wins where both give a field. A file that cannot be used
(unreadable, binary, not UTF-8, empty, oversized, bad front matter or sidecar) yields a
:class:`Problem` and is skipped; nothing here raises for a bad article, and nothing writes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import yaml

from checker.model import Article, CheckerError, Problem

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yaml"
META_KEYS = ("title", "outlet", "url", "date")
MAX_BYTES = 2_000_000  # an article larger than this is skipped as oversized


def load_corpus(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Article], list[Problem]]:
    """Read every article under ``paths``; return them sorted by id, with the problems met.

    A folder is searched recursively (hidden files and folders are passed over) and is the root
    its articles' ids are relative to; a file given directly has its path as given as its id.
    A path that does not exist is a usage error (:class:`CheckerError`).
    """
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise CheckerError(f"{raw}: no such file or folder")
        if root.is_dir():
            found = [(p, p.relative_to(root).as_posix()) for p in _walk(root)]
        elif root.name.endswith(SIDECAR_SUFFIX):
            continue  # a sidecar given directly (e.g. by a shell glob) is metadata, not an article
        elif not root.name.lower().endswith(ARTICLE_SUFFIXES):
            problems.append(Problem(str(root), "skipped: not an article (.txt or .md)"))
            continue
        else:
            found = [(root, Path(os.path.normpath(root)).as_posix())]
        for path, article_id in found:
            if article_id in articles:
                problems.append(Problem(str(path), f"skipped: another article already has id {article_id!r}"))
                continue
            article = _load_article(path, article_id, problems)
            if article is not None:
                articles[article_id] = article
    return [articles[k] for k in sorted(articles)], problems


def _walk(root: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                out.append(Path(dirpath) / name)
    return out


def _load_article(path: Path, article_id: str, problems: list[Problem]) -> Article | None:
    name = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            problems.append(Problem(name, f"skipped: larger than {MAX_BYTES} bytes"))
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, f"skipped: cannot read ({exc.strerror or exc})"))
        return None
    if b"\x00" in data:
        problems.append(Problem(name, "skipped: binary file (contains NUL bytes)"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, f"skipped: not UTF-8 (byte {exc.start})", line))
        return None
    if not text.strip():
        problems.append(Problem(name, "skipped: empty"))
        return None

    meta: dict[str, str] = {}
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if sidecar.is_file():
        try:
            side_text = sidecar.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(sidecar), f"skipped {name}: cannot read sidecar ({exc})"))
            return None
        side = _parse_meta(side_text, str(sidecar), 1, problems, article=name)
        if side is None:
            return None
        meta.update(side)

    body_start = 0
    fm = _split_front_matter(text)
    if fm is not None:
        fm_text, body_start = fm
        front = _parse_meta(fm_text, name, 2, problems)
        if front is None:
            return None
        meta.update(front)
    if not text[body_start:].strip():
        problems.append(Problem(name, "skipped: empty (front matter only)"))
        return None
    return Article(
        id=article_id,
        path=name,
        text=text,
        body_start=body_start,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        date=meta.get("date"),
    )


def _split_front_matter(text: str) -> tuple[str, int] | None:
    """Return (front matter text, offset where the body starts) or None if there is none."""
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].rstrip("\r") != "---":
        return None
    pos = first_nl + 1
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if text[pos:line_end].rstrip("\r") in ("---", "..."):
            return text[first_nl + 1 : pos], (len(text) if nl < 0 else nl + 1)
        if nl < 0:
            break
        pos = nl + 1
    return None  # an opening '---' without a closing one: treat the whole file as body


class _MetaLoader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: a date stays text, so a bad one is a Problem with its line
    (PyYAML's own date conversion raises a bare ValueError for "2025-02-30")."""


_MetaLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_meta(
    src: str, name: str, first_line: int, problems: list[Problem], article: str | None = None
) -> dict[str, str] | None:
    """Metadata from YAML text that starts at ``first_line`` of file ``name``; None (and a Problem) if bad.
    ``article`` names the article a sidecar belongs to, so the warning says what was skipped."""
    skipped = f"skipped {article}" if article else "skipped"

    def bad(message: str, line: int) -> None:
        problems.append(Problem(name, f"{skipped}: bad metadata: {message}", line))

    try:
        node = yaml.load(src, Loader=_MetaLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        bad(getattr(exc, "problem", None) or "invalid YAML", first_line + (mark.line if mark else 0))
        return None
    if node is None:
        return {}
    if not isinstance(node, dict):
        bad(f"expected a mapping of {', '.join(META_KEYS)}", first_line)
        return None
    out: dict[str, str] = {}
    lines = src.splitlines()
    for key, value in node.items():
        line = first_line + next((i for i, ln in enumerate(lines) if ln.startswith(f"{key}:")), 0)
        if key not in META_KEYS:
            bad(f"unknown key {key!r} (allowed: {', '.join(META_KEYS)})", line)
            return None
        if value is None:
            continue
        if key == "date":
            date = _parse_date(value)
            if date is None:
                bad(f"date {value!r} is not YYYY-MM-DD", line)
                return None
            out[key] = date
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out[key] = str(value)
        else:
            bad(f"{key} must be text", line)
            return None
    return out


def _parse_date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
