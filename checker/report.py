"""Turn a :class:`Report` into plain data and write outputs safely.

The renderers (``render_markdown``, ``render_formats``, ``chart``) all start from the helpers here:
records as JSON-ready dicts with a fixed key order, numbers and intervals formatted the same way
everywhere, findings sorted the same way everywhere, and :func:`write_atomic` so that a failed
write never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from checker.model import Article, Claim, Finding, Group, Problem, Reference, Report, Rule, Severity

CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def severity_rank(severity: str) -> int:
    """Rank of a severity name; unknown names sort below ``info``."""
    try:
        return Severity(severity).rank
    except ValueError:
        return -1


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first, then by quantity, kind and id: the one order every renderer uses."""
    return sorted(findings, key=lambda f: (-severity_rank(f.severity), f.quantity, f.kind, f.id))


def json_safe(value: object) -> object:
    """Recursively turn ``value`` into JSON-ready data (non-finite floats become None)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, enum.Enum):
        return json_safe(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: json_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((json_safe(v) for v in value), key=repr)
    return str(value)


def claim_dict(claim: Claim) -> dict[str, object]:
    return {name: json_safe(getattr(claim, name)) for name in CLAIM_FIELDS}


def finding_dict(finding: Finding) -> dict[str, object]:
    return {
        "id": finding.id,
        "kind": finding.kind,
        "quantity": finding.quantity,
        "severity": finding.severity,
        "claims": list(finding.claims),
        "message": finding.message,
        "ratio": json_safe(finding.ratio),
        "details": json_safe(finding.details),
    }


def group_dict(group: Group) -> dict[str, object]:
    return {
        "id": group.id,
        "label": group.label,
        "unit": group.unit,
        "dimension": group.dimension,
        "rule": group.rule,
        "members": [json_safe(m) for m in group.members],
    }


def article_dict(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "date": article.date,
    }


def problem_dict(problem: Problem) -> dict[str, object]:
    return {"path": problem.path, "line": problem.line, "message": problem.message}


def report_dict(report: Report) -> dict[str, object]:
    """The whole report as JSON-ready data (the shape ``checker/report.schema.json`` describes)."""
    return {
        "schema_version": report.schema_version,
        "articles": [article_dict(a) for a in sorted(report.articles, key=lambda a: a.id)],
        "claims": [claim_dict(c) for c in sorted_claims(report.claims)],
        "groups": [group_dict(g) for g in sorted(report.groups, key=lambda g: g.id)],
        "findings": [finding_dict(f) for f in sorted_findings(report.findings)],
        "problems": [problem_dict(p) for p in sorted_problems(report.problems)],
    }


def sorted_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.article, c.start, c.end, c.id))


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))


def format_number(x: float | None) -> str:
    """``1000000`` -> ``1,000,000``; ``0.25`` -> ``0.25``; None -> ``?``. Never scientific."""
    if x is None or not math.isfinite(x):
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    digits = max(0, 6 - len(str(int(abs(x)))))
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_interval(low: float | None, high: float | None, suffix: str = "") -> str:
    """How an interval reads in a report: ``1,000,000``, ``1,000 – 9,999``, ``≥ 10``, ``≤ 5%``."""
    if low is None and high is None:
        return "unknown"
    if low is None:
        return f"≤ {format_number(high)}{suffix}"
    if high is None:
        return f"≥ {format_number(low)}{suffix}"
    if low == high:
        return f"{format_number(low)}{suffix}"
    return f"{format_number(low)}{suffix} – {format_number(high)}{suffix}"


def reference_text(ref: Reference) -> str:
    """A rule's reference figure as written in the rule, else its value or interval."""
    if ref.text:
        return ref.text
    return format_number(ref.value) if ref.value is not None else format_interval(ref.low, ref.high)


def format_ratio(ratio: float | None) -> str:
    if ratio is None or not math.isfinite(ratio):
        return "—"
    from checker.compare import format_ratio as as_text

    return as_text(ratio).replace("x", "×")


def one_line(text: str, limit: int | None = None) -> str:
    """Whitespace runs (newlines included) as one space, ends stripped; cut to ``limit`` characters."""
    flat = " ".join(str(text).split())
    return flat if limit is None else flat[:limit]


def column_of(text: str, offset: int) -> int:
    """1-based column of a character offset."""
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


class Index:
    """Look-ups a renderer needs: claims, articles, groups and rules by id, findings by quantity."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.articles: dict[str, Article] = {a.id: a for a in report.articles}
        self.groups: dict[str, Group] = {g.id: g for g in report.groups}
        self.rules: dict[str, Rule] = {r.id: r for r in report.rules}
        self.findings_of_quantity: dict[str, list[Finding]] = {}
        self.findings_of_claim: dict[str, list[Finding]] = {}
        for f in sorted_findings(report.findings):
            self.findings_of_quantity.setdefault(f.quantity, []).append(f)
            for cid in f.claims:
                self.findings_of_claim.setdefault(cid, []).append(f)

    def label(self, quantity: str | None) -> str:
        if quantity is None:
            return ""
        group = self.groups.get(quantity)
        if group is not None:
            return group.label
        rule = self.rules.get(quantity)
        return rule.label if rule is not None else quantity

    def source(self, claim: Claim) -> str:
        """Outlet (or article id) and date of the article a claim comes from."""
        article = self.articles.get(claim.article)
        if article is None:
            return claim.article
        name = article.outlet or article.id
        return f"{name}, {article.date}" if article.date else name


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and :func:`os.replace`.

    The folder is created if needed. On any failure the temporary file is removed and the old
    file (if any) is left untouched; the OSError propagates to the caller.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
