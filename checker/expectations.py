"""The story-expectation format: what a careful editor concludes from a folder of articles.

A story is a folder of articles with an ``expected.yaml`` beside them, written from the articles, not
from the tool's output. ``tests/test_stories.py`` checks the development stories against theirs and
``bench/matching.py`` scores a corpus of stories; both read the format through this module. Sections:

- ``claims``: how single figures must be read: ``at`` plus any of ``hedge``, ``value``, ``low``,
  ``high``, ``dimension``, ``trend`` (equal), ``unit``, ``attribution``, ``scope`` (case-insensitive
  substrings);
- ``groups``: name -> figures that must share one quantity;
- ``must_not_merge``: pairs of figures that must not share a quantity;
- ``findings``: ``a``, ``b``, ``kind`` (and ``severity``): the two figures must appear together in a
  finding of that kind (and severity);
- ``must_not_flag``: ``a``, ``b`` (and ``kinds``): the two figures must appear together in no finding
  (of those kinds);
- ``not_claims``: figures (dates, years, times) that must not yield a claim.

A figure is ``[article, locator]``: the article's file name, and the figure as written, or a longer
quote with the figure in brackets ("official death toll of [41]") when the figure alone is not unique
in its article. A locator must occur exactly once, never inside a longer number or word.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml

from checker.model import Article, Claim, Finding, Report

SECTIONS = frozenset(("claims", "groups", "must_not_merge", "findings", "must_not_flag", "not_claims"))
NUMERIC_KEYS = ("value", "low", "high")
EXACT_KEYS = ("hedge", "dimension", "trend")
SUBSTRING_KEYS = ("unit", "attribution")
CLAIM_KEYS = frozenset(("at", *NUMERIC_KEYS, *EXACT_KEYS, *SUBSTRING_KEYS, "scope"))
FINDING_KINDS = ("conflict", "scope-differs", "differs-from-reference")
SEVERITIES = ("info", "minor", "major", "critical")

Figure = Sequence[str]  # [article file name, locator]


class ExpectationError(ValueError):
    """The expectations do not fit their articles (a locator found zero or several times, an unknown
    article, a malformed file)."""


def load_expected(path: str | os.PathLike[str]) -> dict[str, Any]:
    """One story's expectations; ExpectationError naming the file when it is not valid YAML."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except yaml.YAMLError as e:
        raise ExpectationError(f"{path}: {str(e).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise ExpectationError(f"{path}: expected a mapping of sections")
    return data


def format_problems(exp: Mapping[str, Any]) -> list[str]:
    """What is wrong with the expectations' shape (unknown sections or keys, bad kinds); empty if none."""
    out = [f"unknown section {s!r}" for s in sorted(set(exp) - SECTIONS)]
    for c in exp.get("claims") or []:
        out += [f"claim {c.get('at')}: unknown key {k!r}" for k in sorted(set(c) - CLAIM_KEYS)]
    for f in exp.get("findings") or []:
        if f.get("kind") not in FINDING_KINDS:
            out.append(f"finding {f}: kind must be one of {', '.join(FINDING_KINDS)}")
        if f.get("severity") not in (None, *SEVERITIES):
            out.append(f"finding {f}: severity must be one of {', '.join(SEVERITIES)}")
    return out


def figures(exp: Mapping[str, Any], *, not_claims: bool = True) -> list[tuple[str, str]]:
    """Every figure the expectations name (those of ``not_claims`` too, unless told), sorted, once each."""
    figs = [c["at"] for c in exp.get("claims") or []]
    figs += [f for members in (exp.get("groups") or {}).values() for f in members]
    figs += [f for pair in exp.get("must_not_merge") or [] for f in pair]
    figs += [x[k] for sec in ("findings", "must_not_flag") for x in exp.get(sec) or [] for k in ("a", "b")]
    if not_claims:
        figs += list(exp.get("not_claims") or [])
    return sorted({(f[0], f[1]) for f in figs})


def locate(text: str, locator: str) -> tuple[int, int]:
    """Span of the figure ``locator`` names in ``text``; it must occur exactly once, not inside a longer
    number or word."""
    before, figure, after = "", locator, ""
    if "[" in locator:
        before, rest = locator.split("[", 1)
        figure, after = rest.split("]", 1)
    pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(before + figure + after) + r"(?!\w)(?![.,]\d)"
    hits = [m.start() for m in re.finditer(pattern, text)]
    if len(hits) != 1:
        raise ExpectationError(f"locator {locator!r} found {len(hits)} times (must be exactly once)")
    start = hits[0] + len(before)
    return start, start + len(figure)


def article_named(report: Report, key: str) -> Article:
    """The one article whose id is ``key`` or ends with ``/key`` (a file name), else whose file name
    starts with ``key``."""
    found = [a for a in report.articles if a.id == key or a.id.endswith("/" + key)]
    if not found:
        found = [a for a in report.articles if a.id.rsplit("/", 1)[-1].startswith(key)]
    if len(found) != 1:
        raise ExpectationError(f"{len(found)} articles match {key!r} (must be exactly one)")
    return found[0]


def claims_at(report: Report, key: str, locator: str) -> list[Claim]:
    """Every claim overlapping the figure, the best overlap first."""
    article = article_named(report, key)
    try:
        start, end = locate(article.text, locator)
    except ExpectationError as e:
        raise ExpectationError(f"{key}: {e}") from None
    hits = [c for c in report.claims if c.article == article.id and c.start < end and c.end > start]
    return sorted(hits, key=lambda c: (-(min(c.end, end) - max(c.start, start)), c.start, c.id))


def claim_at(report: Report, key: str, locator: str) -> Claim | None:
    """The claim for a figure (the best overlap), or None when none was extracted."""
    hits = claims_at(report, key, locator)
    return hits[0] if hits else None


def findings_pairing(
    report: Report, a: Iterable[Claim], b: Iterable[Claim], kinds: Sequence[str] = ()
) -> list[Finding]:
    """Findings (of ``kinds``, or of any kind) that involve one claim of ``a`` and one of ``b``."""
    ids_a, ids_b = {c.id for c in a}, {c.id for c in b}
    return [
        f
        for f in report.findings
        if (not kinds or f.kind in kinds) and ids_a & set(f.claims) and ids_b & set(f.claims)
    ]


def claim_errors(c: Claim, spec: Mapping[str, Any]) -> list[str]:
    """What the tool read wrong against a ``claims`` entry, key by key (empty when read right)."""
    wrong = []
    for key in NUMERIC_KEYS:
        if key in spec and not _same_number(getattr(c, key), spec[key]):
            wrong.append(f"{key} {getattr(c, key)} != {spec[key]}")
    for key in EXACT_KEYS:
        if key in spec and getattr(c, key) != spec[key]:
            wrong.append(f"{key} {getattr(c, key)} != {spec[key]}")
    for key in SUBSTRING_KEYS:
        if key in spec and not (getattr(c, key) and str(spec[key]).lower() in getattr(c, key).lower()):
            wrong.append(f"{key} {getattr(c, key)!r} lacks {spec[key]!r}")
    if "scope" in spec and str(spec["scope"]).lower() not in " | ".join(c.scope).lower():
        wrong.append(f"scope {list(c.scope)} lacks {spec['scope']!r}")
    return wrong


def _same_number(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


def describe(c: Claim | None) -> str:
    """A claim as read, for a failure message or a benchmark miss."""
    if c is None:
        return "no claim extracted"
    return (
        f"{c.text!r} [{c.low}, {c.high}] value={c.value} hedge={c.hedge} dim={c.dimension} unit={c.unit} "
        f"trend={c.trend} entity={c.entity!r} attr={c.attribution!r} scope={list(c.scope)} "
        f"quantity={c.quantity}"
    )


def show(fig: Figure) -> str:
    return f"{fig[0]}:{fig[1]!r}"
