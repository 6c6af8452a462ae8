"""``checker rules suggest``: rule stubs for the groups no rule covers.

Each similarity group becomes one YAML document (id, label, unit, dimension, cues) headed by a
comment naming its claims. The stream loads with :func:`checker.rules.load_rules` as it is, so an
editor can save it under ``rules/``, review the cues and commit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import yaml

from checker.match import STOPWORDS, TIME_WORDS, WORD_RE
from checker.model import Claim, Group, Report
from checker.report import counted, one_line

MAX_CUES = 6  # alternatives per cue group: enough to review, few enough to read
MAX_SHOWN = 80  # characters of a figure or entity in a stub's comment
GENERIC_WORDS = frozenset(("figure", "number", "total", "estimate", "count", "people"))


def suggest(report_or_groups: Report | Iterable[Group], claims: Sequence[Claim] = ()) -> str:
    """YAML rule stubs, one document per group that no rule defines; empty text when there are none."""
    if isinstance(report_or_groups, Report):
        groups: Iterable[Group] = report_or_groups.groups
        claims = claims or report_or_groups.claims
        taken = {r.id for r in report_or_groups.rules}
    else:
        groups, taken = report_or_groups, set()
    by_id = {c.id: c for c in claims}
    documents = []
    for group in sorted(groups, key=lambda g: g.id):
        if group.rule is not None:
            continue
        members = [by_id[m] for m in group.claims if m in by_id]
        if not members:
            continue
        rule_id = _unique(_rule_id(group), taken)
        taken.add(rule_id)
        documents.append(_stub(group, members, rule_id))
    return "---\n".join(documents)


def _rule_id(group: Group) -> str:
    """The group's id, so that committing the stub keeps the quantity's id (and its baseline)."""
    return re.sub(r"[^a-z0-9]+", "-", group.id.lower()).strip("-") or "quantity"


def _unique(rule_id: str, taken: set[str]) -> str:
    out, n = rule_id, 2
    while out in taken:
        out, n = f"{rule_id}-{n}", n + 1
    return out


def _words(text: str | None) -> set[str]:
    return {
        w.lower()
        for w in WORD_RE.findall(text or "")
        if w.lower() not in STOPWORDS and w.lower() not in TIME_WORDS and len(w) > 2 and "|" not in w
    }


def _shared(per_claim: list[set[str]]) -> list[str]:
    """Words most claims share, most common first: all of them, else those at least half have."""
    counts = Counter(w for words in per_claim for w in words)
    need = len(per_claim) if any(counts[w] == len(per_claim) for w in counts) else (len(per_claim) + 1) // 2
    shared = [w for w in counts if counts[w] >= max(need, 1)]
    return sorted(shared, key=lambda w: (-counts[w], w))[:MAX_CUES]


def _stub(group: Group, members: list[Claim], rule_id: str) -> str:
    measured = [_words(c.entity) | _words(c.predicate) for c in members]
    about = [{w for item in c.context for w in _words(item)} for c in members]
    what = [w for w in _shared(measured) if w not in GENERIC_WORDS] or _shared(
        [_words(c.sentence) - GENERIC_WORDS for c in members]
    )
    topic = [w for w in _shared(about) if w not in what]
    unit = group.unit or ("percent" if group.dimension == "percent" else "number")
    cues: dict[str, object] = {}
    if topic:
        cues["topic"] = [topic]
    cues["all"] = [what or [unit]]
    body = {
        "id": rule_id,
        "label": group.label,
        "unit": unit,
        "dimension": group.dimension,
        "cues": cues,
    }
    lines = [
        f"# Suggested from similarity group {group.id} ({counted(len(members), 'claim')} no rule covers):",
        *(f"#   {c.article}:{c.line} {one_line(c.text, MAX_SHOWN)!r} - {one_line(c.entity or '?', MAX_SHOWN)}"
          for c in members),
        "# Review the label and the cues (words these claims share), then commit under rules/.",
    ]
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
    return "\n".join(lines) + "\n" + text
