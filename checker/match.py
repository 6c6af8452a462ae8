"""Group claims about the same quantity: rules first, then similarity.

1. **Rules.** A claim joins the rule whose cues it satisfies (see docs/rules.md) and whose
   dimension and unit it is compatible with; when several rules fit, the one whose cues sit closest
   to the figure wins.
2. **Similarity.** Claims no rule takes are grouped by :mod:`checker.similarity` (what they
   measure, their context, time frame and figure; vetoes for look-alikes).

Claims arrive whole: extraction has already read changes named by a noun and units left out by
ellipsis (``checker.extract``), so matching takes them as they are.

The vocabulary both steps share lives in :mod:`checker.measures` (predicate families) and
:mod:`checker.measures_nouns` (unit classes), and is re-exported here (``compatible_units``,
``unit_class``, ``predicate_family``).

Everything is sorted before it is compared, so the result never depends on input order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from checker.measures import (
    EVENT_WORDS,
    PREDICATE_FAMILIES,
    TIME_WORDS,
    View,
    compatible_units,
    dimension_of,
    predicate_family,
    views_of,
)
from checker.measures_nouns import STOPWORDS, UNIT_CLASSES, WORD_RE, owner_unit, unit_class
from checker.model import Claim, Group, Membership, Rule
from checker.rules import RuleSet
from checker.similarity import similarity_group, similarity_groups

__all__ = [
    "EVENT_WORDS",
    "PREDICATE_FAMILIES",
    "STOPWORDS",
    "TIME_WORDS",
    "UNIT_CLASSES",
    "WORD_RE",
    "compatible_units",
    "match",
    "predicate_family",
    "rule_fits",
    "unit_class",
]


def match(
    claims: Sequence[Claim], ruleset: RuleSet, dates: Mapping[str, str | None] | None = None
) -> tuple[tuple[Claim, ...], tuple[Group, ...]]:
    """Every claim with ``quantity`` set (or None), and the groups; both sorted. ``dates`` maps an
    article id to its date (``Article.date``), when known: it tells similarity which years are past."""
    ordered = sorted(claims, key=_claim_key)
    views = views_of(ordered)
    assigned: dict[int, tuple[str, Membership]] = {}
    for i, view in enumerate(views):
        found = _best_rule(view, ruleset.rules)
        if found is not None:
            assigned[i] = found
    rest = [i for i in range(len(views)) if i not in assigned]
    groups: list[Group] = []
    for rule in ruleset.rules:
        members = [assigned[i][1] for i in sorted(assigned) if assigned[i][0] == rule.id]
        if members:
            groups.append(Group(rule.id, rule.label, rule.unit, rule.dimension, rule.id, tuple(members)))
    taken = {g.id for g in groups}
    for index_group, memberships in similarity_groups(
        [views[i] for i in rest], ruleset.settings.similarity, dates
    ):
        group = similarity_group([views[rest[k]] for k in index_group], memberships, taken)
        taken.add(group.id)
        groups.append(group)
    quantity = {m.claim: g.id for g in groups for m in g.members}
    out = tuple(replace(c, quantity=quantity.get(c.id)) for c in ordered)
    return out, tuple(sorted(groups, key=lambda g: g.id))


def _claim_key(c: Claim) -> tuple[object, ...]:
    return (c.article, c.start, c.end, c.id, c.text)


# ---------------------------------------------------------------- rules


@lru_cache(maxsize=4096)
def _cue_re(alternative: str) -> re.Pattern[str]:
    """An alternative matches whole words; ``*`` at the end allows any ending, else an optional plural.

    An alternative written in capitals ("US") matches case-sensitively, so it does not match "us".
    """
    star = alternative.endswith("*")
    body = alternative.rstrip("*").strip()
    pattern = r"[\s-]+".join(re.escape(part) for part in body.split())
    tail = r"[\w'’-]*" if star else r"(?:s|es|'s|’s)?"
    flags = 0 if body.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w]){pattern}{tail}(?![\w])", flags)


def _find(alternatives: Sequence[str], text: str) -> re.Match[str] | None:
    hits = [m for alt in alternatives if (m := _cue_re(alt).search(text))]
    return min(hits, key=lambda m: (m.start(), -m.end())) if hits else None


def _distance(alternatives: Sequence[str], own: str, offset: int) -> float | None:
    """Characters between the figure and the nearest alternative in ``own``; None if absent."""
    best = None
    for alt in alternatives:
        for m in _cue_re(alt).finditer(own):
            d = 0 if offset < 0 else max(m.start() - offset, offset - m.end(), 0)
            best = d if best is None else min(best, d)
    return best


def rule_fits(view: View, rule: Rule) -> tuple[tuple[float, ...], str] | None:
    """How well a claim fits a rule (lower key is better) and the reason, or None if it does not."""
    c = view.claim
    if c.dimension == rule.dimension:
        unit = owner_unit(c)
    elif dimension_of(c) == rule.dimension:
        unit = "percent"  # a share written as a fraction ("a fifth") fits a percent rule
    else:
        return None
    if not compatible_units(unit, rule.unit, rule.dimension):
        return None
    words: list[str] = []
    topics: list[str] = []
    in_fields = 0
    total = 0.0
    for cue in rule.cues:
        if cue.startswith("topic:"):
            hit = _find(cue[len("topic:") :].split("|"), view.topic)
            if hit is None:
                return None
            topics.append(repr(hit.group(0)))
            continue
        alternatives = cue.split("|")
        field_hit = _find(alternatives, view.fields)
        distance = 0.0 if field_hit else _distance(alternatives, view.own, view.offset)
        if distance is None:
            return None
        hit = field_hit or _find(alternatives, view.own)
        in_fields += field_hit is not None
        total += distance
        words.append(repr(hit.group(0)) if hit else cue)
    excluded = _find(rule.exclude, view.own + " " + view.fields)
    if excluded is not None:
        return None
    n_all = sum(not cue.startswith("topic:") for cue in rule.cues)
    reason = "cues " + ", ".join(words) + (f" (topic {', '.join(topics)})" if topics else "")
    return (-in_fields, -n_all, total / max(n_all, 1)), reason


def _best_rule(view: View, rules: Sequence[Rule]) -> tuple[str, Membership] | None:
    fits = []
    for rule in rules:
        fit = rule_fits(view, rule)
        if fit is not None:
            fits.append((fit[0], rule.id, fit[1]))
    if not fits:
        return None
    _, rule_id, reason = min(fits)
    return rule_id, Membership(view.claim.id, "rule", 100.0, f"rule {rule_id}: {reason}")


