"""The records that pass between stages.

Each stage reads only the record before it:
``Article`` (corpus) -> ``Claim`` (extract) -> ``Group`` (match) -> ``Finding`` (compare),
and ``Report`` bundles them for the renderers. All records are frozen; a later stage that
needs to annotate an earlier record uses :func:`dataclasses.replace`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

SCHEMA_VERSION = "1.0"

# Closed vocabulary for how a figure is hedged (see docs/semantics.md).
HEDGES = (
    "exact",
    "approximate",
    "more-than",
    "at-least",
    "less-than",
    "at-most",
    "range",
    "vague",
)
TRENDS = ("up", "down")

# What kind of unit a claim is in; claims of different kinds are never compared.
DIMENSIONS = ("count", "percent", "currency", "measure", "ratio")


class CheckerError(Exception):
    """An expected error (bad input, bad rules, bad usage): the CLI prints it on one line, exit 2."""


@dataclass(frozen=True)
class Problem:
    """A warning about one input file; the file was skipped or partly used."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Article:
    id: str  # path relative to the corpus root, with forward slashes
    path: str  # path as given on disk (for links and error messages)
    text: str  # the article file's full text, verbatim (front matter included)
    body_start: int = 0  # offset in ``text`` where the body begins (after front matter)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD


@dataclass(frozen=True)
class Claim:
    id: str
    article: str  # Article.id
    line: int  # 1-based line of ``start``
    start: int  # character offsets into Article.text
    end: int
    text: str  # the figure as written, hedge included: Article.text[start:end]
    value: float | None  # point estimate; None when there is none ("tens of thousands")
    low: float | None  # interval implied; None for an open end
    high: float | None
    hedge: str  # one of HEDGES
    trend: str | None  # one of TRENDS or None
    unit: str | None  # "people", "percent", "USD", ...; for counts the counted thing
    dimension: str  # one of DIMENSIONS
    entity: str | None  # what is measured
    attribution: str | None  # who the article says gives it
    sentence: str
    sentence_start: int = 0  # offset of ``sentence`` in Article.text
    semantics: tuple[str, ...] = ()  # ids of the number-semantics rows that fired
    scope: tuple[str, ...] = ()  # scope markers: "since April 2017", "currently", "adult", ...
    predicate: str | None = None  # main verb/predicate the figure attaches to ("held", "killed")
    context: tuple[str, ...] = ()  # salient event/place words of the sentence
    quantity: str | None = None  # group id, set by matching


@dataclass(frozen=True)
class Reference:
    value: float | None
    low: float | None
    high: float | None
    source: str
    date: str | None = None
    text: str | None = None  # the figure as the source gives it


@dataclass(frozen=True)
class Rule:
    """One quantity definition from ``rules/``."""

    id: str
    label: str
    unit: str  # unit or counted thing
    dimension: str  # one of DIMENSIONS
    cues: tuple[str, ...]  # all-of groups are written "a|b|c"; see docs/rules.md
    exclude: tuple[str, ...] = ()
    tolerance: float | None = None  # relative; None -> global default
    severity: tuple[tuple[str, float], ...] = ()  # severity thresholds override
    reference: Reference | None = None
    path: str = ""
    line: int = 0
    kind: str = "estimate"  # "estimate": figures should agree; "tally": counts of different sets


@dataclass(frozen=True)
class Membership:
    """Why one claim is in a group."""

    claim: str
    how: str  # "rule" or "similarity"
    score: float  # 100 for a rule match; rapidfuzz score for similarity
    reason: str  # "cues: camps, held" or "similar to c123 (score 87)"


@dataclass(frozen=True)
class Group:
    id: str  # rule id or a stable derived id
    label: str
    unit: str | None
    dimension: str
    rule: str | None  # rule id when a rule defined the group
    members: tuple[Membership, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(m.claim for m in self.members)


class Severity(enum.StrEnum):
    info = "info"
    minor = "minor"
    major = "major"
    critical = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str  # "conflict", "scope-differs", "differs-from-reference", ...
    quantity: str
    severity: str  # Severity value
    claims: tuple[str, ...]
    message: str
    ratio: float | None = None  # how far apart: nearest ends' ratio (>= 1)
    details: dict[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Report:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...] = ()
    problems: tuple[Problem, ...] = ()
    schema_version: str = SCHEMA_VERSION
