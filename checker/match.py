"""Group claims about the same quantity: rules first, then similarity.

1. **Rules.** A claim joins the rule whose cues it satisfies (see docs/rules.md) and whose
   dimension and unit it is compatible with; when several rules fit, the one whose cues sit closest
   to the figure wins.
2. **Similarity.** Claims no rule takes are grouped by :mod:`checker.similarity` (what they
   measure, their context, time frame and figure; vetoes for look-alikes).

The vocabulary both steps share (unit classes, predicate families) lives in :mod:`checker.measures`
and is re-exported here (``compatible_units``, ``unit_class``, ``predicate_family``).

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
    STOPWORDS,
    TIME_WORDS,
    UNIT_CLASSES,
    WORD_RE,
    View,
    compatible_units,
    dimension_of,
    predicate_family,
    singular,
    unit_class,
    views_of,
)
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
    ordered = _harmonise(sorted(claims, key=_claim_key))
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


def _harmonise(claims: list[Claim]) -> list[Claim]:
    """Two readings made whole before grouping (docs/rules.md, "Ellipsis and changes named by a noun"):
    a level of money or percent whose noun names a change is that change (``CHANGE_NOUNS``); a bare
    figure that repeats the unit of the sentence's previous figure by ellipsis takes it: "about 12,000
    hectares according to the fire service, more than 25,000 according to ..." -- the second is read
    as a count with no unit, but its counted noun (filled in from the earlier figure) is that unit."""
    out = list(claims)
    for k, c in enumerate(claims):
        change = _change_of(c)
        if change is not None:
            out[k] = replace(c, trend=change or None)
            continue
        if not c.entity:
            continue
        earlier = [
            p for p in claims[:k]
            if p.article == c.article and p.sentence_start == c.sentence_start and p.end <= c.start
        ]
        if not earlier or earlier[-1].dimension == "count" or not earlier[-1].unit:
            continue
        prev = earlier[-1]
        named = (singular(prev.unit.lower()), singular(prev.text.split()[-1]))
        if c.dimension == "count" and not c.unit and singular(c.entity.strip().lower()) in named:
            out[k] = replace(c, unit=prev.unit, dimension=prev.dimension, entity=prev.entity)
    return out


# A level whose noun names a change is that change: "puts the rise at nearly 13%", "the true loss was
# under 20 million" (money and percent only: "800 job losses" is a count of jobs).
CHANGE_NOUNS = {
    "rise": "up", "increase": "up", "growth": "up", "hike": "up", "gain": "up", "jump": "up",
    "fall": "down", "drop": "down", "decline": "down", "decrease": "down", "cut": "down",
}
# Verbs that state an amount of money spent or lost, not a change in it: "lost about €85 million" is
# the amount lost, like "cost €85 million" and "a loss of €85 million".
AMOUNT_VERBS = frozenset(("lose", "cost"))


def _change_of(c: Claim) -> str | None:
    if c.dimension == "currency" and c.trend is not None and (c.predicate or "").lower() in AMOUNT_VERBS:
        return ""  # an amount, not a change
    if c.trend is not None or c.dimension not in ("percent", "currency"):
        return None
    words = [w for w in WORD_RE.findall(re.sub(r"\([^)]*\)", " ", c.entity or "").lower())]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "in", "on", "at", "to")), len(words))
    head = words[:cut]  # "the real rise for a typical commuter" -> rise
    if head and singular(head[-1]) in CHANGE_NOUNS:
        return CHANGE_NOUNS[singular(head[-1])]
    # "puts the annual increase at 8.1%": the change noun was read as the predicate, the figure is its "at".
    before = c.sentence[: max(c.start - c.sentence_start, 0)]
    noun = singular((c.predicate or "").lower())
    return CHANGE_NOUNS.get(noun) if noun and re.search(r"\bat\s*$", before) else None


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
        unit = c.unit
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


