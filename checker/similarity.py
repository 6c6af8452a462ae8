"""Group claims no rule takes by similarity: clustering over pair scores.

Claims are scored pair by pair on what they measure (entity, counted noun, predicate), the event and
place they are about (context), their time frame, the figure itself and where it sits. Some pairs may
never share a group (a veto: other units, other predicate families, two named events, two stories).
Links at or above the threshold are taken strongest first; a link joins two clusters unless that would
hold a vetoed pair or the clusters disagree on the whole, so one look-alike cannot chain two quantities
together. A group is kept only when it is worth comparing: claims from two articles, or from two
speakers in one article (organisers and police). See docs/rules.md, "Grouping without rules".

The parts, by kind: what each claim offers in :mod:`checker.similarity_features`; place, time and rate
vetoes and penalties in :mod:`checker.similarity_scope`; pair scores in :mod:`checker.similarity_pair`,
and the words that set two figures against each other in :mod:`checker.similarity_cues`. The
vocabulary (predicate families, event words, shares, what a claim counts) and the texts around each
figure live in :mod:`checker.measures`; the nouns (unit classes, subjects) in
:mod:`checker.measures_nouns`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping

from checker.measures import View, dimension_of
from checker.measures_nouns import content_words
from checker.model import Group, Membership
from checker.similarity_features import STORY_MIN_NAMES, Features, claim_features, story_names
from checker.similarity_pair import (
    NO_EVIDENCE,
    VETO,
    Pair,
    Positions,
    changes_replied_to,
    figures_between,
    score_pair,
)
from checker.similarity_scope import (
    article_texts,
    disjoint_places,
    is_past,
    named_in_lead,
    named_in_passing,
    place_words,
    places_for_grouping,
)

__all__ = ["similarity_group", "similarity_groups"]

MERGE_FLOOR = 30.0  # mean cross-pair score two clusters need to be joined by their strongest link


def similarity_groups(
    views: list[View], threshold: float, dates: Mapping[str, str | None] | None = None
) -> list[tuple[list[int], dict[int, Membership]]]:
    """Clusters over links at or above ``threshold``, never holding a vetoed pair; order-independent.
    ``dates`` gives each article's date (YYYY-MM-DD), when known: see :func:`_now`."""
    stories = story_names(views)
    # Fewer than STORY_MIN_NAMES names are too few to tell two stories apart (``story`` is then empty),
    # but enough to say an article names a place (``names``).
    feats = [
        dataclasses.replace(
            claim_features(v), story=names if len(names) >= STORY_MIN_NAMES else frozenset(), names=names
        )
        for v in views
        for names in (stories[v.claim.article],)
    ]
    texts = article_texts(views)
    feats = [
        dataclasses.replace(
            f,
            aside=named_in_passing(v, f, texts[v.claim.article]),
            home=bool(f.regions) and named_in_lead(f, texts[v.claim.article]),
        )
        for v, f in zip(views, feats, strict=True)
    ]
    asides: dict[str, set[str]] = {}
    for v, f in zip(views, feats, strict=True):
        if f.aside:
            asides.setdefault(v.claim.article, set()).update(place_words(f.regions))
    feats = [dataclasses.replace(f, asides=frozenset(asides.get(v.claim.article, ())))
             for v, f in zip(views, feats, strict=True)]
    # A bare reply to a change is that change ("Landlords say it is closer to 6%"): compared as one.
    replies = changes_replied_to(views, feats)
    views = [dataclasses.replace(v, claim=dataclasses.replace(v.claim, trend=replies[k])) if k in replies
             else v for k, v in enumerate(views)]
    now = _now(feats, dates)
    feats = [dataclasses.replace(f, past=is_past(f, now)) for f in feats]
    df = Counter(w for f in feats for w in f.context)
    n = max(len(views), 1)
    idf = {w: math.log(1 + n / k) for w, k in df.items()}
    positions = Positions(views)
    pairs: dict[tuple[int, int], Pair | None] = {}
    for i in range(len(views)):
        for j in range(i + 1, len(views)):
            if dimension_of(views[i].claim) == dimension_of(views[j].claim):
                between = figures_between(views, i, j, positions)
                pairs[(i, j)] = score_pair(views[i], views[j], feats[i], feats[j], idf, between)
    out = []
    for members in _link(pairs, threshold, places_for_grouping(views, feats, texts)):
        claims = [views[k].claim for k in members]
        articles = {c.article for c in claims}
        speakers = {(c.article, c.attribution) for c in claims if c.attribution}
        if len(articles) < 2 and len(speakers) < 2:
            continue  # one article repeating itself: nothing to compare
        memberships = {}
        for k in members:
            scored = [
                (p, m) for m in members if m != k and (p := pairs.get((min(k, m), max(k, m)))) is not None
            ]
            p, m = max(scored, key=lambda pm: (pm[0].score, -pm[1]))
            reason = f"similar to {views[m].claim.id} ({p.explain()})"
            memberships[k] = Membership(views[k].claim.id, "similarity", p.score, reason)
        out.append((members, memberships))
    return out


def _now(feats: list[Features], dates: Mapping[str, str | None] | None) -> int | None:
    """The year that stands for "now": the latest year any figure is dated to ("the 2025 election" is
    the story's own), or, when the articles are dated, the year before the latest article's at least: a
    2025 article may still report 2024's figures as its own (annual statistics), not 2021's."""
    years = [int(m.group(1)) for f in feats for p in f.periods if (m := re.match(r"period:(\d{4})$", p))]
    published = [int(d[:4]) - 1 for d in (dates or {}).values() if d and re.match(r"\d{4}", d)]
    return max(years + published, default=None)


def _link(
    pairs: dict[tuple[int, int], Pair | None], threshold: float, places: list[frozenset[str]]
) -> list[list[int]]:
    """Take the links from strongest to weakest (ties by position); join their two clusters unless
    that would put a vetoed (or never compared) pair in one group, or join one place's figures to
    another's (``places``: :func:`places_for_grouping`). Depends only on the sorted claims."""
    n = len(places)
    of = list(range(n))  # cluster id (its first member) of each claim
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    where: dict[int, frozenset[str]] = dict(enumerate(places))  # the places each cluster's members name
    links = sorted((-p.score, i, j) for (i, j), p in pairs.items() if p is not None and p.score >= threshold)
    for _, i, j in links:
        a, b = sorted((of[i], of[j]))
        if a == b:
            continue
        cross = [pairs.get((min(x, y), max(x, y)), VETO) for x in members[a] for y in members[b]]
        if any(p is VETO for p in cross) or disjoint_places(where[a], where[b]):
            continue  # a vetoed pair; or one cluster about one place, the other about another
        # The two clusters must not look different on the whole: pairs with nothing in common count
        # as neutral (50), so one strong link cannot pull in a cluster its other members disown.
        if (
            math.fsum(p.score if p.evidence != NO_EVIDENCE else 50.0 for p in cross if p) / len(cross)
            < MERGE_FLOOR
        ):
            continue
        members[a] = sorted(members[a] + members.pop(b))
        where[a] = where[a] | where.pop(b)
        for k in members[a]:
            of[k] = a
    return [m for _, m in sorted(members.items()) if len(m) > 1]


def similarity_group(views: list[View], memberships: dict[int, Membership], taken: set[str]) -> Group:
    claims = [v.claim for v in views]
    units = Counter(c.unit for c in claims if c.unit)
    unit = min(units, key=lambda u: (-units[u], u)) if units else None
    entities = Counter(c.entity.strip() for c in claims if c.entity and c.entity.strip())
    if entities:  # the most common entity; the shortest on a tie
        label = min(entities, key=lambda e: (-entities[e], len(e), e))
    else:
        label = unit or (claims[0].predicate or "figures")
    basis = sorted("|".join([(c.entity or "").lower(), (c.unit or "").lower(), *c.context]) for c in claims)
    digest = hashlib.sha1("\n".join(basis).encode("utf-8")).hexdigest()[:6]
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(content_words(label)[:5]).lower()).strip("-") or "quantity"
    gid = f"{slug}-{digest}"
    n = 2
    while gid in taken:
        gid, n = f"{slug}-{digest}-{n}", n + 1
    members = tuple(memberships[k] for k in sorted(memberships))
    return Group(gid, label, unit, dimension_of(claims[0]), None, members)
