"""The baseline: findings an editor has accepted, so that ``checker check`` fails only on new ones.

The baseline is a JSON file (by convention ``checker-baseline.json`` at the repository root)::

    {
      "schema_version": "1.0",
      "findings": [
        {"id": "...", "kind": "conflict", "quantity": "...", "severity": "major",
         "figures": ["a.txt:3: about 2 million", "b.txt:7: tens of thousands"],
         "message": "...", "reason": "why an editor accepted it (or null)"}
      ]
    }

Only ``id`` is used to decide whether a finding is accepted; the other fields are there so that a
reviewer can read the file (and a diff of it) without running anything. Entries are sorted by id
and the file is written atomically, so it is byte-stable and diffs stay small.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import SCHEMA_VERSION, Article, CheckerError, Claim, Finding, Report
from checker.report import Index, column_of, one_line, severity_rank, sorted_findings, write_atomic

DEFAULT_BASELINE = "checker-baseline.json"
_FIGURE = re.compile(r"^(.*?):(\d+): ")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    quantity: str
    severity: str
    figures: tuple[str, ...]  # "article:line: figure as written", for readers of the file
    message: str
    reason: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "quantity": self.quantity,
            "severity": self.severity,
            "figures": list(self.figures),
            "message": self.message,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Baseline:
    entries: dict[str, Entry] = field(default_factory=dict)

    def __contains__(self, finding_id: object) -> bool:
        return finding_id in self.entries

    def articles(self) -> set[str]:
        """Articles that appear in some accepted finding."""
        found = (_FIGURE.match(f) for e in self.entries.values() for f in e.figures)
        return {m.group(1) for m in found if m}


def entry_for(finding: Finding, claims: Mapping[str, Claim], reason: str | None = None) -> Entry:
    """The baseline entry for a finding; ``claims`` maps claim ids to claims (``Index.claims``)."""
    figures = tuple(
        f"{c.article}:{c.line}: {one_line(c.text)}"
        for c in (claims.get(cid) for cid in finding.claims)
        if c is not None
    )
    f = finding
    return Entry(f.id, f.kind, f.quantity, f.severity, figures, f.message, reason)


def load(path: str | Path) -> Baseline:
    """Read a baseline file; a missing or malformed file is a :class:`CheckerError` naming it."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CheckerError(f"{p}: no such baseline file (create it with --update-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{p}: cannot read baseline ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckerError(f"{p}:{exc.lineno}:{exc.colno}: invalid JSON in baseline: {exc.msg}") from None
    items = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise CheckerError(f"{p}: a baseline is an object with a 'findings' list")
    entries: dict[str, Entry] = {}
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise CheckerError(f"{p}: baseline entry {n} has no 'id'")
        figures = item.get("figures") or []
        reason = item.get("reason")
        entries[item["id"]] = Entry(
            id=item["id"],
            kind=str(item.get("kind", "")),
            quantity=str(item.get("quantity", "")),
            severity=str(item.get("severity", "")),
            figures=tuple(str(f) for f in figures) if isinstance(figures, list) else (),
            message=str(item.get("message", "")),
            reason=reason if isinstance(reason, str) else None,
        )
    return Baseline(entries)


def load_or_empty(path: str | Path) -> Baseline:
    return load(path) if Path(path).exists() else Baseline()


def dumps(baseline: Baseline) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "findings": [baseline.entries[k].as_dict() for k in sorted(baseline.entries)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save(baseline: Baseline, path: str | Path) -> None:
    write_atomic(path, dumps(baseline))


def updated(report: Report, old: Baseline) -> Baseline:
    """All current findings, keeping the reasons already given; findings that are gone are dropped."""
    entries = {}
    claims = Index(report).claims
    for f in report.findings:
        previous = old.entries.get(f.id)
        entries[f.id] = entry_for(f, claims, previous.reason if previous is not None else None)
    return Baseline(entries)


def accept(report: Report, old: Baseline, finding_id: str, reason: str) -> Baseline:
    """``old`` plus one current finding, with the editor's reason."""
    finding = next((f for f in report.findings if f.id == finding_id), None)
    if finding is None:
        raise CheckerError(f"no finding {finding_id!r} in the current report (`checker check` lists them)")
    if not reason.strip():
        raise CheckerError("--reason must say why the finding is accepted")
    entries = dict(old.entries)
    entries[finding_id] = entry_for(finding, Index(report).claims, reason.strip())
    return Baseline(entries)


@dataclass(frozen=True)
class Located:
    """A finding with the claim a CI annotation should point at."""

    finding: Finding
    claim: Claim | None
    article: Article | None

    @property
    def path(self) -> str:
        if self.article is not None:
            return self.article.path
        return self.claim.article if self.claim is not None else ""

    @property
    def line(self) -> int:
        return self.claim.line if self.claim is not None else 1

    @property
    def col(self) -> int:
        if self.claim is None or self.article is None:
            return 1
        return column_of(self.article.text, self.claim.start)


@dataclass(frozen=True)
class CheckResult:
    report: Report
    fail_on: str
    new: tuple[Located, ...]  # not in the baseline, every severity (most severe first)
    accepted: tuple[Finding, ...]  # in the baseline
    stale: tuple[str, ...]  # baseline ids no longer found

    @property
    def failing(self) -> tuple[Located, ...]:
        """New findings at or above ``fail_on``: these make the check fail."""
        return tuple(x for x in self.new if self.fails(x))

    def fails(self, x: Located) -> bool:
        return is_failing(x.finding, self.fail_on)


def is_failing(finding: Finding, fail_on: str) -> bool:
    return severity_rank(finding.severity) >= severity_rank(fail_on)


def locate(finding: Finding, ix: Index, known_articles: set[str]) -> Located:
    """Point at the finding's claim in an article the baseline has not seen, else at its last claim.

    A pull request that adds an article gets the annotation on the new article's line.
    """
    claims, articles = ix.claims, ix.articles
    involved = sorted(
        (claims[c] for c in finding.claims if c in claims), key=lambda c: (c.article, c.start, c.id)
    )
    if not involved:
        return Located(finding, None, None)
    fresh = [c for c in involved if c.article not in known_articles]
    claim = (fresh or involved)[-1]
    return Located(finding, claim, articles.get(claim.article))


def gate(report: Report, baseline: Baseline, fail_on: str) -> CheckResult:
    """Split the report's findings into new (not accepted) and accepted ones."""
    known = baseline.articles()
    ix = Index(report)
    new, accepted = [], []
    for f in sorted_findings(report.findings):
        if f.id in baseline:
            accepted.append(f)
        else:
            new.append(locate(f, ix, known))
    current = {f.id for f in report.findings}
    stale = tuple(sorted(k for k in baseline.entries if k not in current))
    return CheckResult(report, fail_on, tuple(new), tuple(accepted), stale)
