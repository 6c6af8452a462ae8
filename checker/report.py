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
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from checker.context_speaker import KIND_LABELS, speaker_kind
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
    """The claim's fields, then ``speaker_kind`` (worked out here from the attribution, not stored)."""
    data = {name: json_safe(getattr(claim, name)) for name in CLAIM_FIELDS}
    data["speaker_kind"] = source_kind(claim)
    return data


def source_kind(claim: Claim) -> str | None:
    """The kind of source that gives the figure, read from its attribution: 'police', 'organisers',
    'government', 'researchers' ... (a key of ``context_speaker.KIND_LABELS``), or None when the
    attribution names no role or body ('Dana Orrin said', no attribution)."""
    return speaker_kind(claim.attribution)


def source_kind_label(claim: Claim) -> str:
    """The kind in the report's words ('organisers and campaigners', 'officials'); '' for none."""
    kind = source_kind(claim)
    return KIND_LABELS.get(kind, kind) if kind else ""


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
    from checker.compare import ratio_text

    return ratio_text(ratio)


def capitalised(text: str) -> str:
    """``text`` with a capital first letter when its first word is a plain lower-case word ('crowd',
    'the ministry'); a file name ('c.txt') or a name styled in lower case ('iNews') stays as written."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() and first.islower() else text


def one_line(text: str, limit: int | None = None) -> str:
    """Whitespace runs (newlines included) as one space, ends stripped; cut to ``limit`` characters."""
    flat = " ".join(str(text).split())
    return flat if limit is None else flat[:limit]


# ---------------------------------------------------------------- scope markers in plain words
# Claim.scope holds markers from the vocabulary of checker/context_scope.py (SCOPE_VOCABULARY); the
# Markdown report, ``explain`` and the text/github findings write them as below (docs/formats.md);
# JSON and CSV keep the markers.

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_UNITS = {"y": "year", "m": "month", "w": "week", "d": "day", "h": "hour"}
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_GROUPS = {"elderly": "elderly people"}
_REGIONS = {"national": "nationwide", "global": "worldwide", "capital": "the capital only"}
_SMALL_WORDS = frozenset(("of", "the", "and", "on", "upon", "in"))
# How a scope difference names its category, and what a side with no marker of it means.
SCOPE_CATEGORIES = {"time": "time frame", "subpop": "who is counted", "region": "place", "date": "day"}
_UNLIMITED = {"subpop": "everyone", "region": "everywhere", "time": "any time", "date": "any day"}
_WINDOW = re.compile(r"(past|next):(\d+|few)([ymwdh])")
_QUARTER = re.compile(r"(?:(\d{4})-)?q([1-4])")
_AGED = re.compile(r"aged-(\d+)(?:\+|-(\d+))")


def date_words(date: str) -> str:
    """A scope date in words: '2017-04' -> 'April 2017', '--03-03' -> '3 March', 'monday' -> 'Monday'."""
    parts = date[2:].split("-") if date.startswith("--") else date.split("-")
    year = None if date.startswith("--") else parts.pop(0)
    if not all(p.isdigit() for p in parts) or (year is not None and not year.isdigit()) or len(parts) > 2:
        return date.capitalize() if date.isalpha() and date not in ("today", "now") else date
    month = int(parts[0]) if parts else None
    if month is not None and not 1 <= month <= 12:
        return date
    words = [str(int(parts[1]))] if len(parts) == 2 else []
    words += [_MONTHS[month - 1]] if month is not None else []
    words += [year] if year else []
    return " ".join(words)


def _place(name: str) -> str:
    words = name.split()
    return " ".join(w if i and w in _SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    for i, w in enumerate(words))


def scope_words(marker: str) -> str:
    """One scope marker in plain words: 'since:2017-04' -> 'since April 2017', 'per-year' -> 'a year',
    'subpop:aged-75+' -> 'people aged 75+ only', 'region:dornwick' -> 'Dornwick only'. A marker outside
    the vocabulary comes back with its punctuation read as spaces."""
    kind, _, arg = marker.partition(":")
    if not arg:
        if kind.startswith("per-") and kind[4:].isalpha():
            unit = kind[4:]
            return f"{'an' if unit[0] in 'aeiou' or unit == 'hour' else 'a'} {unit}"
        fixed = {"current": "now", "cumulative": "in total", "peak": "at the peak"}
        return fixed.get(kind, kind.replace("-", " "))
    if kind == "since":
        return f"since {date_words(arg)}"
    if kind == "asof":
        return f"as of {date_words(arg)}"
    if kind == "date":
        return date_words(arg) if arg in ("today", "now") else f"on {date_words(arg)}"
    if kind in ("past", "next") and (m := _WINDOW.fullmatch(marker)):
        n, unit = m.group(2), _UNITS[m.group(3)]
        return f"over the {kind} {unit if n == '1' else f'{n} {unit}s'}"
    if kind == "period":
        return _period_words(arg)
    if kind == "subpop":
        if m := _AGED.fullmatch(arg):
            ages = f"{m.group(1)} to {m.group(2)}" if m.group(2) else f"{m.group(1)}+"
            return f"people aged {ages} only"
        if arg in ("adults", "children", "women", "men", "girls", "boys", "elderly", "civilians"):
            return f"{_GROUPS.get(arg, arg)} only"
        return f"only those {arg.replace('-', ' ')}"
    if kind == "region":
        return _REGIONS.get(arg) or f"{_place(arg)} only"
    return re.sub(r"[:_-]+", " ", marker)


def _period_words(arg: str) -> str:
    if ".." in arg:
        first, _, last = arg.partition("..")
        return f"from {first} to {last}"
    which, _, unit = arg.partition("-")
    if which in ("last", "this") and unit.isalpha():
        return f"{which} {unit}"
    if m := _QUARTER.fullmatch(arg):
        quarter = f"in the {_ORDINALS[m.group(2)]} quarter"
        return f"{quarter} of {m.group(1)}" if m.group(1) else quarter
    day = arg.count("-") == (3 if arg.startswith("--") else 2)
    return f"{'on' if day else 'in'} {date_words(arg)}"


def scope_phrase(markers: Iterable[str]) -> str:
    """A claim's scope markers as one phrase: 'in total since April 2017', 'adults only, a year'."""
    markers = sorted(set(markers))
    since = [m for m in markers if m.startswith("since:")]
    if "cumulative" in markers and since:
        markers.remove("cumulative")  # "since April 2017" already counts a total: say so once
        words = [("in total " if m == since[0] else "") + scope_words(m) for m in markers]
    else:
        words = [scope_words(m) for m in markers]
    return ", ".join(words)


def scope_difference_words(difference: str) -> str:
    """A scope difference as compare writes it ('subpop: subpop:aged-75+ vs not limited') in words
    ('who is counted: people aged 75+ only vs everyone'); any other text comes back unchanged."""
    category, sep, rest = difference.partition(": ")
    sides = rest.split(" vs ")
    if not sep or len(sides) != 2:
        return difference
    words = [_UNLIMITED.get(category, side) if side == "not limited" else scope_phrase(side.split(", "))
             for side in sides]
    return f"{SCOPE_CATEGORIES.get(category, category)}: {words[0]} vs {words[1]}"


def plain_message(finding: Finding) -> str:
    """The finding's message with its scope differences in words (the message itself keeps markers)."""
    raw = [str(x) for x in finding.details.get("scope_differences") or []]
    if not raw:
        return finding.message
    plain = "; ".join(scope_difference_words(x) for x in raw)
    return finding.message.replace(f"({'; '.join(raw)})", f"({plain})", 1)


def plural(noun: str) -> str:
    """English plural of a count noun as the reports use them: claim -> claims, quantity -> quantities,
    baseline entry -> baseline entries, match -> matches; irregular words are passed to :func:`counted`."""
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def counted(n: int, noun: str, many: str | None = None) -> str:
    """'1 claim', '0 claims', '3 quantities': a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else many or plural(noun)}"


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
