"""The whole job as one library call: ``run(paths, rules_dir) -> Report``.

Usable from a notebook or a test without the CLI. Extraction is a pure function of each article's
text, so it runs per article; matching and comparison see the whole corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from checker.model import Article, Claim, Report

if TYPE_CHECKING:
    from checker.rules import RuleSet

# Called after each article is read: (articles done, articles in all, the article's id).
Progress = Callable[[int, int, str], None]


def run(
    paths: Iterable[str | os.PathLike[str]],
    rules_dir: str | os.PathLike[str] | None = "rules",
    progress: Progress | None = None,
    *,
    ruleset: RuleSet | None = None,
) -> Report:
    """Load, extract, match and compare; raise CheckerError on usage or rules errors.

    A caller that has already loaded the rules passes them as ``ruleset``; ``rules_dir`` is then
    not read again.
    """
    from checker.compare import compare
    from checker.corpus import load_corpus
    from checker.match import match
    from checker.rules import RuleSet, load_rules

    if ruleset is None:
        ruleset = load_rules(rules_dir) if rules_dir is not None else RuleSet.empty()
    articles, problems = load_corpus(paths)
    claims = _extract_all(articles, progress)
    matched, groups = match(claims, ruleset, {a.id: a.date for a in articles})
    findings = compare(groups, matched, articles, ruleset)
    return Report(
        articles=tuple(articles),
        claims=tuple(matched),
        groups=tuple(groups),
        findings=tuple(findings),
        rules=tuple(ruleset.rules),
        problems=tuple(problems),
    )


def claims_of(paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None) -> Report:
    """Extraction only (``checker extract``): claims with no groups or findings."""
    from checker.corpus import load_corpus

    articles, problems = load_corpus(paths)
    claims = _extract_all(articles, progress)
    return Report(tuple(articles), tuple(claims), (), (), (), tuple(problems))


def _extract_all(articles: Sequence[Article], progress: Progress | None) -> list[Claim]:
    from checker.extract import extract_article

    claims: list[Claim] = []
    for done, article in enumerate(articles, 1):
        claims.extend(extract_article(article))
        if progress is not None:
            progress(done, len(articles), article.id)
    return claims
