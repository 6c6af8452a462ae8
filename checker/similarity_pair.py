"""How alike two claims are: the pair score and its evidence, rival sources within and across articles.

A pair is scored on what the two claims measure (entity), the event and place (context), their
predicate, the figure itself, nearness, rival sources side by side (or across articles), time frame,
place and subject; see docs/rules.md, "Grouping without rules". A veto comes from
:func:`checker.similarity_scope.linkable`; the words that set two figures against each other are in
:mod:`checker.similarity_cues`.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.measures import (
    GENERIC_UNITS,
    TALLY_FAMILIES,
    View,
    compatible_units,
    counted_noun,
    dimension_of,
    is_event_word,
)
from checker.measures_nouns import content_words, singular, unit_class
from checker.model import Claim
from checker.similarity_cues import (
    NEARBY_CHARS,
    OTHERS_FIGURE_RE,
    RIVAL_CUE_RE,
    contrasted,
    reference_of,
    set_against,
)
from checker.similarity_features import TIME_PREFIXES, Features
from checker.similarity_scope import acts_on, linkable, placed_apart, time_frame, window_relation

THIS_PERIOD = "period:this-"  # "this year", "this week": the story's own time (checker/context_scope.py)
# Added to the mean of the entity and context scores (50 where a side does not say); see docs/rules.md.
BONUS = {
    "predicate": 10.0,
    "predicate differs": -10.0,
    "same figure": 35.0,
    "same figure alone": 10.0,
    "nearby": 20.0,
    "rival sources": 30.0,
    "same time frame": 20.0,
    "other time frame": -20.0,
    "other place": -20.0,
    "other subject": -20.0,
}
WHAT_CAP = 60.0  # the most a pair scores with no evidence about what is measured (see score_pair)
# Money and percent figures across articles are rivals only when one sentence says it answers another
# figure (a RIVAL_CUE_RE word): the same kind of loss or rise told by two speakers of one story.
CROSS_RIVAL_DIMENSIONS = frozenset(("currency", "percent"))
# Classes of counted nouns whose words name one thing (unlike "person": residents, voters, workers).
SYNONYM_CLASSES = frozenset(("job", "household"))
REPLY_TAIL_WORDS = 3  # a reply in kind ends soon after its figure: "were on site.", "is conservative."
RIVAL_CHARS = 250  # a reply to a figure comes in the next sentence or the one after (about two sentences)
CONTEXT_FLOOR = 30.0  # the least a context score counts for (see score_pair)
GENERIC_CONTEXT_WEIGHT = 0.3  # a bare event word ("march") in context counts this much of a name
CONTEXT_SUPPORT = 6.0  # total context weight at which a context score counts in full


@dataclass(frozen=True)
class Pair:
    """How alike two claims are, and the evidence behind the score."""

    score: float
    evidence: tuple[str, ...]  # "entity 88", "context 70", "predicate match", "same figure", "nearby"

    def explain(self) -> str:
        return f"{', '.join(self.evidence)}; score {self.score:g}"


VETO = None  # a pair that may never share a group
NO_EVIDENCE = ("nothing in common but the unit",)
SAME_SENTENCE = ("one sentence, one source",)


def score_pair(
    a: View, b: View, fa: Features, fb: Features, idf: dict[str, float], between: tuple[View, ...] = ()
) -> Pair | None:
    """The pair's score (see docs/rules.md, "Grouping without rules"), or VETO."""
    if not linkable(a, b, fa, fb):
        return VETO
    same_source = (a.claim.attribution or "") == (b.claim.attribution or "")
    one_sentence = a.claim.article == b.claim.article and fa.span == fb.span
    compared = one_sentence and contrasted(a.claim, b.claim)
    if one_sentence and same_source and not compared:
        # One sentence gives one quantity once, unless it sets two sources or two figures against
        # each other ("nearly 500, against the 340 in the fire service's tally").
        return Pair(0.0, SAME_SENTENCE)
    evidence = []
    entity = context = None
    if fa.entity and fb.entity:
        # token_set_ratio alone scores "jobs" against "jobs lost at the plant" 100; the sorted-token
        # ratio keeps a one-word entity from matching every phrase that contains its word.
        entity = (
            fuzz.token_set_ratio(fa.entity, fb.entity) + fuzz.token_sort_ratio(fa.entity, fb.entity)
        ) / 2
        evidence.append(f"entity {entity:.0f}")
    if fa.context and fb.context:
        context = _weighted_dice(fa.context, fb.context, idf)
        evidence.append(f"context {context:.0f}")
    same_figure = _same_figure(a.claim, b.claim, fa, fb)
    nearby = a.claim.article == b.claim.article and _gap(fa.span, fb.span) <= NEARBY_CHARS
    relations = {window_relation(x, y) for x in fa.windows for y in fb.windows}
    # A shared window supports what the entities say; it cannot make up for entities that disagree.
    same_window = "same" in relations and (entity is None or entity >= 50)
    # One figure of an article given for a stated window and another with no time at all: the article
    # marks the first as another time ("1,850 rescued since 2022" against "104 rescued").
    # A window of the story's own time ("this year") does not set a figure apart from an undated one.
    own_a, own_b = (any(not w.startswith(THIS_PERIOD) for w in f.windows) for f in (fa, fb))
    one_sided = a.claim.article == b.claim.article and (
        own_a and fb.timeless or own_b and fa.timeless
    )
    # Across articles only a past calendar year says as much: "turnout in 2021 was 62%" is dated, an
    # undated turnout is the story's own (and so is one dated to the latest year, "the 2025 election", or
    # to a day of the story's week, "found on Wednesday"). The same number twice is the exception: an
    # article that gives "the €2.4bn budget" without its year means the budget of 2018 all the same.
    one_sided = one_sided or (not same_figure and (fa.past and fb.undated or fb.past and fa.undated))
    other_window = relations == {"other"} or bool(one_sided)
    # Next to each other, but one names a place the other does not ("Turnout was about 51%. ...
    # turnout in Harwick was 63%"): the article has moved on to another place, so nearness says nothing.
    # The place the article's lead names is the article's own: no move.
    moved = bool(fa.regions) != bool(fb.regions) and not (fa.home or fb.home)
    rival, replies = _rival_in_article(a, b, fa, fb, between, other_window)
    cross = _cross_rival(a, b, fa, fb, context, other_window)  # rivals across articles need no other link
    rival = rival or cross
    linked = same_figure or nearby or same_window or cross or replies
    if entity is None and context is None and not linked:
        return Pair(0.0, NO_EVIDENCE)
    # "In Harwick, turnout was 63%" against an unplaced turnout: another place, unless the article sets
    # the two against each other.
    place_apart = not rival and placed_apart(a, b, fa, fb)
    if rival and entity is not None and entity < 50:
        entity = 50.0  # wording differs between sources; it does not say the thing differs
        evidence.append("entity taken as neutral")
    elif entity is not None and entity < 50 and _one_figure_of_one_story(a, b, fa, fb, same_figure):
        entity = 50.0  # "400,000 doses" in two articles of one story: each words it its own way
        evidence.append("entity taken as neutral")
    # Disjoint context is weak evidence (clauses name different things: "Saturday" and "Parliament
    # Square" for one march), so it can pull the score down only to CONTEXT_FLOOR.
    context_part = 50.0 if context is None else max(context, CONTEXT_FLOOR)
    score = (50.0 if entity is None else entity) * 0.5 + context_part * 0.5
    if fa.family and fb.family or (fa.stem and fa.stem == fb.stem):
        score += BONUS["predicate"]
        evidence.append("predicate match")
    elif fa.stem and fb.stem and not rival:
        score += BONUS["predicate differs"]
        evidence.append("predicate differs")
    if same_figure:
        # The same number counts only as far as something else says it is the same thing: 21,000
        # marchers and 21,000 employees are chance.
        backed = (
            bool(fa.family and fb.family)
            or max(entity or 0, context or 0) >= 50
            or bool(fa.stem and fa.stem == fb.stem)
            or bool(fa.story & fb.story)  # one story: its articles name the same people and places
            or _same_specific_unit(fa, fb)
            or acts_on(a, b, fa, fb)  # "about 560 cancellations", "expects to cancel about 560 flights"
            # One source quoted with one number in two articles: "as many as 6.5 million", says the
            # regulator, twice (one speaker's words within the other's).
            or bool(fa.speaker and fb.speaker and (fa.speaker <= fb.speaker or fb.speaker <= fa.speaker))
        )
        score += BONUS["same figure"] if backed else BONUS["same figure alone"]
        evidence.append("same figure" if backed else "same figure alone")
    # "Police said 21,000 marched. Organisers said the true number was 110,000": a figure whose entity
    # is only "the number" or "the figure" refers back to the quantity just mentioned.
    # Across sentences only the later figure looks back; within one, "the organisers' figure of €48m
    # is closer to €20m" names the quantity either way.
    refers_back = _refers_back(a, b, fa, fb) or (one_sentence and (fa.anaphoric or fb.anaphoric))
    if rival:
        score += BONUS["rival sources"]
        evidence.append("rival sources side by side")
    elif compared:
        score += BONUS["nearby"]
        evidence.append("set against each other in one sentence")
    elif nearby and not moved and (fa.family and fb.family or (entity or 0) >= 70 or refers_back):
        score += BONUS["nearby"]
        evidence.append("nearby in one article")
    if same_window:
        # "since March" twice: the time frame is part of what is measured.
        score += BONUS["same time frame"]
        evidence.append("same time frame")
    elif other_window:
        # "70 last week" against "3,100 since January": a weekly count is not the running total.
        score += BONUS["other time frame"]
        evidence.append("other time frame")
    if place_apart:
        score += BONUS["other place"]
        evidence.append("other place")
    if _other_subject(a.claim, fa, fb):
        # "lost €4 million in wages" against "cost €140 million in lost trade": what the money is of.
        score += BONUS["other subject"]
        evidence.append("other subject")
    if fa.family in TALLY_FAMILIES and fa.family == fb.family and not same_figure:
        # Each round of sanctions names its own targets: "two officials" and "seven officials" count
        # different sets, so only the same number twice is one figure (the rule kind "tally").
        score = min(score, WHAT_CAP)
        evidence.append("different rounds")
    if (
        entity is None
        and not same_figure
        and not (fa.family and fb.family)
        and not (nearby and refers_back)
        and not _same_specific_unit(fa, fb)
        and not rival
        and not (compared and not same_source)
    ):
        # Agreeing on the story (context) or the time frame says nothing about what is measured; the
        # same particular counted thing ("cases", "households") does.
        score = min(score, WHAT_CAP)
    return Pair(round(min(score, 100.0), 1), tuple(evidence))


def _rival_in_article(
    a: View, b: View, fa: Features, fb: Features, between: tuple[View, ...], other_window: bool
) -> tuple[bool, bool]:
    """Whether two figures of one article are rival sources' answers to one question, and whether they
    are so as a reply that needs no other link (an anaphoric or bare figure answering the one before).

    "The coast guard said around 200 people ..., but survivors said about 400 people": two sources
    side by side giving the same counted thing are two answers to one question, each in its own words.
    "Police said 21,000 marched. Organisers said the true number was 110,000": the later figure only
    says it is a figure, so it answers the one before it whatever each counts. "Keswell says 180,000
    customers. The board says more than 310,000.": a bare count next to it answers it too, and the two
    speakers side by side are the only words it needs."""
    if a.claim.article != b.claim.article or _gap(fa.span, fb.span) > RIVAL_CHARS or other_window:
        return False, False
    if not (fa.speaker and fb.speaker) or fa.speaker <= fb.speaker or fb.speaker <= fa.speaker:
        return False, False
    nearby = _gap(fa.span, fb.span) <= NEARBY_CHARS
    answers = _refers_back(a, b, fa, fb)
    ellipsis = nearby and (_bare_reply(a, b, fa, fb) or _reply_in_kind(a, b, fa, fb))
    if not (_same_counted(a.claim, b.claim) or answers or ellipsis):
        return False, False
    # A reply answers the nearest figure of its kind: none of the same kind stands between them,
    # except one the first figure is compared with ("will cost about €5.9bn, more than double the
    # €2.4bn budget, the court said"): a point of reference within the first statement.
    if any(
        (ellipsis or _same_counted(a.claim, v.claim)) and not reference_of(v.claim, a.claim, b.claim)
        for v in between
    ):
        return False, False
    rival = ellipsis or set_against(a.claim, b.claim) or (nearby and _same_family(fa, fb))
    return rival, rival and (answers or ellipsis)


def _cross_rival(
    a: View, b: View, fa: Features, fb: Features, context: float | None, other_window: bool
) -> bool:
    """Two articles of one story give a money or percent figure for the same thing (one predicate
    family, "cost the economy" and "put the losses at"; or one change of one subject, "rents rose" and
    "rents have risen"), from different speakers, and one of the two sentences answers another figure
    ("stands by", "no more than", "rejects"): rival answers to one question, as in one article."""
    ca, cb = a.claim, b.claim
    if ca.article == cb.article or dimension_of(ca) not in CROSS_RIVAL_DIMENSIONS or other_window:
        return False
    if time_frame(fa) != time_frame(fb):
        return False  # "in March alone" against a year's rise: across articles, nothing else says so
    if fa.subjects and fb.subjects and fa.subjects != fb.subjects:
        return False  # rents against house prices, losses against lost wages
    if dimension_of(ca) == "percent" and not (fa.subjects and fa.subjects == fb.subjects):
        return False  # a bare percent says nothing: both must say what it is of (rents, turnout)
    same_change = ca.trend is not None and ca.trend == cb.trend and bool(fa.subjects)
    if not (fa.family is not None and fa.family == fb.family or same_change):
        return False
    if placed_apart(a, b, fa, fb) or (context is not None and context < 50):
        return False
    if fa.speaker and fb.speaker and (fa.speaker <= fb.speaker or fb.speaker <= fa.speaker):
        return False
    if fa.speaker == fb.speaker:
        return False  # neither says who gives it: nothing sets two speakers against each other
    return any(r.search(c.sentence) for r in (RIVAL_CUE_RE, OTHERS_FIGURE_RE) for c in (ca, cb))


def changes_replied_to(views: list[View], feats: list[Features]) -> dict[int, str]:
    """The trend each bare reply to a change takes from it, by index: a money or percent figure with
    no trend and nothing of its own (no entity, no subject, no time window) that another speaker sets
    against the nearest figure of its kind before it, a change within ``RIVAL_CHARS``: "The office put
    the annual increase at 9.4%. ... Landlords say it is closer to 6%." -- the reply is a rise too."""
    out: dict[int, str] = {}
    order = sorted(range(len(views)), key=lambda k: (views[k].claim.article, views[k].claim.start))
    for n, k in enumerate(order):
        c, f = views[k].claim, feats[k]
        if c.trend is not None or dimension_of(c) not in CROSS_RIVAL_DIMENSIONS:
            continue
        if content_words(c.entity) or f.subjects or f.windows or not f.speaker:
            continue
        earlier = [m for m in order[:n] if views[m].claim.article == c.article
                   and dimension_of(views[m].claim) == dimension_of(c) and views[m].claim.end <= c.start]
        if not earlier:
            continue
        m = earlier[-1]
        p, fp = views[m].claim, feats[m]
        if p.trend is None or _gap(fp.span, f.span) > RIVAL_CHARS or not fp.speaker:
            continue
        if fp.speaker <= f.speaker or f.speaker <= fp.speaker or not set_against(p, c):
            continue
        out[k] = p.trend
    return out


def _refers_back(a: View, b: View, fa: Features, fb: Features) -> bool:
    """The later of two figures of one article says only that it is a figure ("the real figure was
    about 680,000", "the true number"): it answers the figure before it, whatever that one counts."""
    later = fb if a.claim.start < b.claim.start else fa
    return later.anaphoric


def _same_family(fa: Features, fb: Features) -> bool:
    """Two counts of one counted noun both say what happened, and it is the same: "15,000 people took
    part" and "estimated the crowd at 4,000" (not percents or money: "both percent" says too little)."""
    return fa.family is not None and fa.family == fb.family and not fa.money and fa.counted != "percent"


def _bare_reply(a: View, b: View, fa: Features, fb: Features) -> bool:
    """The later of two counts says nothing of what it counts, and the earlier does (a unit)."""
    (first, f1), (_, f2) = sorted(((a, fa), (b, fb)), key=lambda vf: vf[0].claim.start)
    return f2.bare and not f1.bare and bool(first.claim.unit)


def _reply_in_kind(a: View, b: View, fa: Features, fb: Features) -> bool:
    """The later of two figures gives only its number in the first one's unit or in none, and says
    nothing of its own -- no entity, predicate, subject or time window ("The ministry insists the
    tunnel will cost about €3bn. The audit court says nearly €6bn."; "Police put the crowd at 70,000.
    The organisers still say well over 120,000 were on site."), while the first says what it measures
    (a counted noun or a predicate family), or is such a bare answer too ("The organisers say 410,000.
    The phone data says somewhere between 210,000 and 250,000."): the later one is the same measure,
    said by its speaker."""
    (first, f1), (later, f2) = sorted(((a, fa), (b, fb)), key=lambda vf: vf[0].claim.start)
    if not _only_its_number(later, f2):
        return False
    if not _times(later.claim) <= _times(first.claim):
        return False  # "On Tuesday the airline said 204" after Monday's count: another day
    if f2.counted and not (f1.counted and compatible_units(f1.counted, f2.counted, dimension_of(a.claim))):
        return False
    if not f1.counted and not f1.family:
        return _only_its_number(first, f1) and _times(first.claim) <= _times(later.claim)
    return bool(f1.family or (f1.counted and unit_class(f1.counted) not in GENERIC_UNITS))


def _only_its_number(v: View, f: Features) -> bool:
    """A sentence that gives one figure and nothing of its own around it: no entity, predicate,
    subject, window, rate or place, and at most ``REPLY_TAIL_WORDS`` words after the figure."""
    if f.entity or f.family or f.stem or f.subjects or f.windows or f.rates or f.regions:
        return False
    if v.own.strip() != v.claim.sentence.strip():
        return False  # its sentence gives other figures: the words around it may be theirs
    tail = v.claim.sentence[v.claim.end - v.claim.sentence_start:]
    return len(re.findall(r"[^\W\d_]+", tail)) <= REPLY_TAIL_WORDS  # not "..., while crews dredged"


def _one_figure_of_one_story(a: View, b: View, fa: Features, fb: Features, same_figure: bool) -> bool:
    """The same number of the same particular thing ("400,000 doses", "6 million tonnes") in two
    articles that name the same people and places: one figure of one story, told in two ways."""
    if not same_figure or a.claim.article == b.claim.article or not fa.story & fb.story:
        return False
    if dimension_of(a.claim) == "measure":
        return _same_counted(a.claim, b.claim)
    return _same_specific_unit(fa, fb)


def _times(c: Claim) -> frozenset[str]:
    """The claim's time markers, but "current" (a present tense: the story's own time)."""
    return frozenset(m.lower() for m in c.scope if m.lower().startswith(TIME_PREFIXES) and m != "current")


def _other_subject(c: Claim, fa: Features, fb: Features) -> bool:
    """Two money or percent figures whose own words name different subjects (``SUBJECTS``)."""
    return dimension_of(c) in CROSS_RIVAL_DIMENSIONS and bool(fa.subjects and fb.subjects) and (
        fa.subjects != fb.subjects
    )


def _same_figure(a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
    """The same number twice, and something says what it counts (a bare "two" and "two" is chance)."""
    # The number as written: "more than 120,000" and "some 120,000" give the same figure.
    na = a.value if a.value is not None else (a.low, a.high)
    nb = b.value if b.value is not None else (b.low, b.high)
    if na != nb or na == (None, None):
        return False
    # One side saying what it counts is enough here: score_pair then asks what backs the match.
    known = unit_class(a.unit) not in GENERIC_UNITS or unit_class(b.unit) not in GENERIC_UNITS
    number = a.value if a.value is not None else (a.low if a.low is not None else a.high)
    distinctive = len(f"{number or 0:.0f}".strip("-0")) >= 3  # 1,130 or 3,299; not 40,000
    return bool(known or distinctive or fa.family or fb.family)


def _same_counted(a: Claim, b: Claim) -> bool:
    """The same counted noun as written ("people" and "people"), or the same unit of a measure or a
    currency ("litres", "EUR"), or both percent: what the figures measure, up to the wording."""
    if dimension_of(a) != dimension_of(b):
        return False
    if dimension_of(a) != "count":
        return bool(a.unit and b.unit) and compatible_units(a.unit, b.unit, dimension_of(a))
    ua, ub = singular(counted_noun(a)), singular(counted_noun(b))
    if ua and ub and unit_class(ua) == unit_class(ub) in SYNONYM_CLASSES:
        return True  # "240 positions" and "closer to 600 jobs": one thing in other words
    return bool(ua) and ua == ub and unit_class(ua) not in GENERIC_UNITS


def _same_specific_unit(fa: Features, fb: Features) -> bool:
    """Both count the same particular thing ("households", "cases"), not just people or percent."""
    if fa.money or fb.money:
        return False  # euros and euros: revenue, fines and costs are all counted in them
    ua, ub = unit_class(fa.counted), unit_class(fb.counted)
    return ua == ub and ua not in GENERIC_UNITS and ua not in ("person", "percent")


class Positions:
    """Per article and dimension, the figures' starts in order: what :func:`figures_between` reads,
    built once for all pairs instead of rescanning every claim for each pair."""

    def __init__(self, views: list[View]) -> None:
        found: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for k, v in enumerate(views):
            found.setdefault((v.claim.article, dimension_of(v.claim)), []).append((v.claim.start, k))
        self.starts = {key: sorted(items) for key, items in found.items()}


def figures_between(views: list[View], i: int, j: int, positions: Positions) -> tuple[View, ...]:
    """The figures of one article (of the first one's dimension) that stand between two others, when
    those are within RIVAL_CHARS."""
    a, b = views[i].claim, views[j].claim
    if a.article != b.article or abs(a.start - b.start) > RIVAL_CHARS * 2:
        return ()
    lo, hi = sorted((a.start, b.start))
    items = positions.starts.get((a.article, dimension_of(a)), [])
    first = bisect.bisect_right(items, (lo, len(views)))
    last = bisect.bisect_left(items, (hi, -1))
    return tuple(views[k] for _, k in sorted(items[first:last], key=lambda item: item[1]))


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _weighted_dice(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Dice overlap weighted by rarity, shrunk toward the neutral 50 when there is little to go on
    (one shared generic word such as "protest" says less than "cyclone talia" and "alvera")."""
    weight = {w: idf[w] * (GENERIC_CONTEXT_WEIGHT if is_event_word(w) else 1.0) for w in a | b}
    # fsum: exact, so the result does not depend on set iteration order (hash seed).
    inter = math.fsum(weight[w] for w in a & b)
    total = math.fsum(weight[w] for w in a) + math.fsum(weight[w] for w in b)
    if not total:
        return 50.0
    dice = 200.0 * inter / total
    return 50.0 + (dice - 50.0) * min(1.0, total / CONTEXT_SUPPORT)
