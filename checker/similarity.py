"""Group claims no rule takes by similarity: what each claim offers, pair scores, clustering.

Claims are scored pair by pair on what they measure (entity, counted noun, predicate), the event and
place they are about (context), their time frame, the figure itself and where it sits. Some pairs may
never share a group (a veto: other units, other predicate families, two named events, two stories).
Links at or above the threshold are taken strongest first; a link joins two clusters unless that would
hold a vetoed pair or the clusters disagree on the whole, so one look-alike cannot chain two quantities
together. A group is kept only when it is worth comparing: claims from two articles, or from two
speakers in one article (organisers and police). See docs/rules.md, "Grouping without rules".

The vocabulary (unit classes, predicate families, event words, shares, what a claim counts) and the
texts around each figure live in :mod:`checker.measures`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.context_words import lemma
from checker.measures import (
    EVENT_WORDS,
    FIGURE_WORDS,
    GENERIC_UNITS,
    STOPWORDS,
    TALLY_FAMILIES,
    TIME_WORDS,
    UNIT_CLASS,
    View,
    compatible_units,
    content_words,
    counted_noun,
    dimension_of,
    predicate_family,
    singular,
    subjects_of,
    unit_class,
)
from checker.model import Claim, Group, Membership

# Who gives a figure is not what it measures ("put at 15,000 by police").
SPEAKER_WORDS = frozenset(
    ("police", "officials", "organisers", "organizers", "government", "ministry", "spokesman", "spokeswoman")
)
NOT_MEASURED = TIME_WORDS | SPEAKER_WORDS | FIGURE_WORDS
# Verbs too light to say what happened ("was", "put the figure at", "said"), including the verbs that
# only state a figure ("counts 5,120 cases", "bringing the total to", "they number 600,000").
LIGHT_VERBS = frozenset(
    ("be", "have", "say", "put", "make", "get", "give", "do", "take", "stand", "reach", "bring", "count",
     "number", "total")
)
# Capitalised words that do not name a story's people, places or events.
_NOT_NAMES_TEXT = """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december mr mrs ms dr president minister secretary spokesman
    spokeswoman spokesperson police government officials chief director i"""
NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
STORY_MIN_NAMES = 2
NAME_RE = re.compile(r"(?:[A-Z][\w'’-]*\s+)*(?:[A-Z][\w'’-]*)")
NEARBY_CHARS = 40  # two sentences of one article this close are next to each other: "nearby"
# Added to the mean of the entity and context scores (50 where a side does not say); see docs/rules.md.
BONUS = {
    "predicate": 10.0,
    "predicate differs": -5.0,
    "same figure": 35.0,
    "same figure alone": 10.0,
    "nearby": 20.0,
    "rival sources": 30.0,
    "same time frame": 20.0,
    "other time frame": -20.0,
    "other place": -20.0,
    "other subject": -20.0,
}
WHAT_CAP = 60.0  # the most a pair scores with no evidence about what is measured (see _pair)
# Scope markers that name a time window (checker/context_scope.py): two claims naming the same one
# ("since March" twice) agree on part of what they measure.
# Words between two figures of one sentence that set them against each other as rival values.
CONTRAST_RE = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|contrary\s+to|rather\s+than|instead\s+of"
    r"|(?:twice|double|triple|half|times)\s+(?:the|that|as\s+many\s+as))\b",
    re.IGNORECASE,
)
# ... unless the comparison is with another time: "profit of $2bn, against $1.5bn a year earlier" is a
# before and an after, not two rival values.
EARLIER_RE = re.compile(
    r"\b(?:(?:a|an|one|two|three|\d+)\s+(?:years?|months?|weeks?|quarters?|decades?|days?)\s+"
    r"(?:earlier|ago|before|previously)|last|previous|prior|earlier|before|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
WINDOW_PREFIXES = ("since:", "period:", "past:", "next:")
TIME_PREFIXES = (*WINDOW_PREFIXES, "asof:", "date:", "current", "cumulative", "peak", "per-")
# A verb of passing through a place counts everyone who was ever there ("40,000 have passed through
# the camps"): it takes the family of the place (checked in this order), else it has none.
THROUGH_VERBS = frozenset(("pass", "go", "went", "gone", "cycle", "move", "process"))
THROUGH_PLACES = (
    ("displaced", ("shelter", "evacuation", "refugee")),
    ("detention", ("camp", "prison", "jail", "detention", "internment", "centre", "center", "facility")),
)
# A figure over the past year is that year's rate ("over the past year" and "year-on-year").
ONE_PERIOD = {"past:1y": "per-year", "past:12m": "per-year", "past:1m": "per-month", "past:1w": "per-week"}
RATES = frozenset(("per-year", "per-quarter", "per-month", "per-week", "per-day"))
# Words that set one source's figure against another's (docs/rules.md, "rival sources").
RIVAL_CUE_RE = re.compile(
    r";|\b(?:but|however|whereas|while|disput\w*|reject\w*|dismiss\w*|contest\w*|challeng\w*|insist\w*"
    r"|den(?:y|ies|ied)|counter\w*|rebut\w*|real|true|actual|closer\s+to|nearer|stands?\s+by|puts?\s+(?:it|the)"
    r"|far\s+(?:more|fewer|less|higher|lower)|only|against|versus|below|above|claim\w*|barely|scarcely|inflated"
    r"|no\s+more\s+than|at\s+most)\b",
    re.IGNORECASE,
)
# Across articles, a sentence also answers when it names another source's figure ("between the
# ministry's estimate and the shippers' figure"); within one article that may point at any figure.
OTHERS_FIGURE_RE = re.compile(r"\b\w+['’]s?\s+(?:own\s+)?(?:estimate|figure|count|tally)s?\b", re.IGNORECASE)
COUNT_ONLY_FAMILIES = frozenset(("job loss", "hiring"))  # families of counted things, not of measures
# Money and percent figures across articles are rivals only when one sentence says it answers another
# figure (a RIVAL_CUE_RE word): the same kind of loss or rise told by two speakers of one story.
CROSS_RIVAL_DIMENSIONS = frozenset(("currency", "percent"))
RIVAL_CHARS = 250  # a reply to a figure comes in the next sentence or the one after (about two sentences)
CONTEXT_FLOOR = 30.0  # the least a context score counts for (see _pair)
MERGE_FLOOR = 30.0  # mean cross-pair score two clusters need to be joined by their strongest link
GENERIC_CONTEXT_WEIGHT = 0.3  # a bare event word ("march") in context counts this much of a name
CONTEXT_SUPPORT = 6.0  # total context weight at which a context score counts in full


# ---------------------------------------------------------------- similarity



@dataclass(frozen=True)
class Features:
    """What similarity compares, read once per claim."""

    entity: str  # content words of what is measured, minus counted nouns and the predicate
    context: frozenset[str]  # event, place and name words (Claim.context)
    events: frozenset[str]  # named events ("cyclone talia", "women's march")
    family: str | None  # what happened to what was counted (death, injury, attendance, ...)
    stem: str | None  # the predicate's stem
    span: tuple[int, int]  # the sentence's offsets in the article
    story: frozenset[str] = frozenset()  # names the claim's article gives (empty: too few to tell)
    anaphoric: bool = False  # the entity only says "the number", "the true figure"
    counted: str = ""  # the counted noun: the unit, or what a generic head counts ("total (cases)")
    windows: frozenset[str] = frozenset()  # time windows from the scope ("since:2019", "period:2023")
    timeless: bool = False  # the scope says nothing about time at all (no window, current, as-of, ...)
    regions: frozenset[str] = frozenset()  # "region:" markers, the place a figure is limited to
    periods: frozenset[str] = frozenset()  # closed calendar periods ("period:2021", "period:2024-03")
    rates: frozenset[str] = frozenset()  # "per-month", "per-year": a rate over a period
    speaker: frozenset[str] = frozenset()  # content words of the attribution
    aside: bool = False  # its regions are named in no other sentence (with figures) of its article
    asides: frozenset[str] = frozenset()  # words of places its article names only in passing
    past: bool = False  # dated to a calendar year before the latest year any figure is dated to
    subjects: frozenset[str] = frozenset()  # what a money or percent figure is of ("rent", "loss")
    money: bool = False  # a currency amount: its unit says nothing about what is paid for
    names: frozenset[str] = frozenset()  # names its article gives, however few (``story`` needs two)


def _features(view: View) -> Features:
    c = view.claim
    stem = _stem(c.predicate) if c.predicate and c.predicate.lower() not in LIGHT_VERBS else None
    family = (
        predicate_family(c.predicate, c.unit)
        or predicate_family(view.near)
        or predicate_family(view.window)
        or _through_family(stem, f"{view.own} {view.near}")
    )
    if family in COUNT_ONLY_FAMILIES and dimension_of(c) == "measure":
        family = None  # "1,200 barrels were lost": jobs are counted, a volume lost is only lost
    counted = counted_noun(c)
    # Units are compared on their own; as entity words they would make every "jobs" alike.
    unit = set(content_words(c.unit)) | set(content_words(counted))
    speaker = set(content_words(c.attribution))
    verb = lemma(c.predicate) if c.predicate else None
    words = {
        w
        for w in content_words(view.near)
        if singular(w) not in UNIT_CLASS
        and _stem(w) != stem
        and (family or lemma(w) != verb)  # "lost" of "lose" when no family compares the verbs
        and w not in unit | speaker | NOT_MEASURED
        and singular(w) not in EVENT_WORDS  # the event is context, not what is measured
    }
    items = [item.lower() for item in c.context]
    context = frozenset(w for item in items for w in content_words(item))
    items += [m.group(0).lower() for m in NAME_RE.finditer(view.own)]
    events = frozenset(i for i in items if len(i.split()) > 1 and EVENT_WORDS & set(content_words(i)))
    windows = frozenset(m.lower() for m in c.scope if m.lower().startswith(WINDOW_PREFIXES))
    span = (c.sentence_start, c.sentence_start + len(c.sentence))
    # "the true figure (jobs)": bracketed words are what extraction inferred, not what the text says.
    said = set(content_words(re.sub(r"\([^)]*\)", " ", c.entity or "")))
    anaphoric = bool(said) and said <= FIGURE_WORDS
    return Features(
        " ".join(sorted(words)), context, events, family, stem, span,
        anaphoric=anaphoric, counted=counted, windows=windows,
        timeless=not any(m.lower().startswith(TIME_PREFIXES) for m in c.scope),
        regions=frozenset(m.lower()[len("region:"):] for m in c.scope if m.lower().startswith("region:")),
        periods=frozenset(m.lower() for m in c.scope if re.match(r"period:\d{4}", m.lower())),
        rates=frozenset(
            ONE_PERIOD.get(m.lower(), m.lower()) for m in c.scope if m.lower().startswith(("per-", "past:1"))
        ) & RATES,
        speaker=frozenset(w for w in content_words(c.attribution) if w not in ("its", "their")),
        subjects=subjects_of(view.own),
        money=c.dimension == "currency",
    )


def _window_relation(a: str, b: str) -> str:
    """"same" window (equal, or one date without its year: "since:--03", "since:2024-03"); "other" (two
    kinds, "since:" against "period:", or two dates); "unknown" when one period is relative to the
    article's date ("period:last-year" against "period:2024")."""
    if a == b:
        return "same"
    pa, _, va = a.partition(":")
    pb, _, vb = b.partition(":")
    if pa != pb:
        return "other"
    if va[:1].isalpha() != vb[:1].isalpha():
        return "unknown"
    if va.startswith("--") != vb.startswith("--"):
        partial, full = (va, vb) if va.startswith("--") else (vb, va)
        return "same" if full[4:] == partial[1:] else "other"
    return "other"


def _through_family(stem: str | None, text: str) -> str | None:
    """"passed through the camps": a verb of passing through takes the family of the place it names."""
    if stem not in THROUGH_VERBS or not re.search(r"\bthrough\b", text, re.IGNORECASE):
        return None
    words = {singular(w) for w in content_words(text)}
    return next((family for family, places in THROUGH_PLACES if words & set(places)), None)


def _aside(view: View, f: Features, views: list[View]) -> bool:
    """Whether the claim's regions are named in no other sentence with figures of its article, and not
    in its lead (the first sentence with figures names the article's own place: "New cholera cases in
    Lusendo fell to 480")."""
    if not f.regions:
        return False
    mine = [v.claim for v in views if v.claim.article == view.claim.article]
    lead = min(mine, key=lambda c: c.sentence_start)
    if lead.sentence_start == view.claim.sentence_start:
        return False
    others = {c.sentence.lower() for c in mine}
    others.discard(view.claim.sentence.lower())
    # Any word of the name will do: "North Varn" elsewhere names "Kestria's North Varn".
    words = {w for w in _place_words(f.regions) if len(w) > 2}
    return not any(re.search(rf"\b{re.escape(w)}\b", s) for w in words for s in others)


def _place_apart(a: View, b: View, fa: Features, fb: Features) -> bool:
    """One claim names a place and the other none, and nothing says the other is about that place: in
    one article, a place named only in its own sentence (not the lead); across articles, a place the
    other article does not name, or names only in passing."""
    for x, y, fx in ((a, b, fa), (b, a, fb)):
        fy = fb if fx is fa else fa
        if not fx.regions or fy.regions:
            continue
        if x.claim.article == y.claim.article:
            return fx.aside
        words = _place_words(fx.regions)
        return not words & fy.names or words <= fy.asides
    return False


def _place_words(regions: frozenset[str]) -> set[str]:
    return {w for r in regions for w in re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", r))}


def _story_names(views: list[View]) -> dict[str, frozenset[str]]:
    """Per article, the capitalised words of its figures' sentences (not sentence-initial)."""
    names: dict[str, set[str]] = {}
    seen: set[tuple[str, int]] = set()
    for v in views:
        c = v.claim
        found = names.setdefault(c.article, set())
        if (c.article, c.sentence_start) in seen:
            continue
        seen.add((c.article, c.sentence_start))
        for m in re.finditer(r"(?<=[\w,;:'’\"”)]\s)[A-Z][^\W\d_]+", c.sentence):
            word = m.group(0).lower()
            if word not in STOPWORDS and word not in NOT_NAMES:
                found.add(word)
    return {a: frozenset(w) for a, w in names.items()}


def _stem(text: str) -> str:
    word = (content_words(text) or [text.lower()])[-1]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


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


def _linkable(a: View, b: View, fa: Features, fb: Features) -> bool:
    """Hard constraints: what makes two claims different quantities whatever their wording."""
    ca, cb = a.claim, b.claim
    if fa.story and fb.story and not fa.story & fb.story:
        return False  # the two articles name nothing in common: two different stories
    if dimension_of(ca) != dimension_of(cb) or (ca.trend is None) != (cb.trend is None):
        return False
    if not compatible_units(fa.counted, fb.counted, dimension_of(ca)):
        return False
    if fa.family and fb.family and fa.family != fb.family:
        return False  # deaths against injuries, turnout against arrests
    if fa.events and fb.events and not fa.events & fb.events:
        return False  # two different named storms, marches, ...
    if fa.regions and fb.regions and not any(_same_place(x, y) for x in fa.regions for y in fb.regions):
        return False  # turnout in one region against turnout in another
    if fa.periods and fb.periods and not fa.periods & fb.periods and not _may_overlap(fa.periods, fb.periods):
        return False  # the 2021 election against the 2025 one
    # A monthly rise against an annual rise: rates over different periods.
    return not (fa.rates and fb.rates and not fa.rates & fb.rates)


def _same_place(a: str, b: str) -> bool:
    """One region name's words within the other's ("north varn", "kestria's north varn")."""
    wa, wb = (set(re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", x))) for x in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _may_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of calendar periods that may cover one time: a span holding the other's year, or a
    period relative to the article's date ("period:last-year") that cannot be placed."""
    def years(p: str) -> tuple[int, int] | None:
        m = re.fullmatch(r"period:(\d{4})(?:\.\.(\d{4})|-.*)?", p)
        return (int(m.group(1)), int(m.group(2) or m.group(1))) if m else None

    for x in a:
        for y in b:
            yx, yy = years(x), years(y)
            if yx is None or yy is None or (yx[0] <= yy[1] and yy[0] <= yx[1]):
                return True
    return False


def _pair(
    a: View, b: View, fa: Features, fb: Features, idf: dict[str, float], between: tuple[View, ...] = ()
) -> Pair | None:
    """The pair's score (see docs/rules.md, "Grouping without rules"), or VETO."""
    if not _linkable(a, b, fa, fb):
        return VETO
    same_source = (a.claim.attribution or "") == (b.claim.attribution or "")
    one_sentence = a.claim.article == b.claim.article and fa.span == fb.span
    contrasted = one_sentence and _contrasted(a.claim, b.claim)
    if one_sentence and same_source and not contrasted:
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
    relations = {_window_relation(x, y) for x in fa.windows for y in fb.windows}
    # A shared window supports what the entities say; it cannot make up for entities that disagree.
    same_window = "same" in relations and (entity is None or entity >= 50)
    # One figure of an article given for a stated window and another with no time at all: the article
    # marks the first as another time ("1,850 rescued since 2022" against "104 rescued").
    one_sided = a.claim.article == b.claim.article and (
        fa.windows and fb.timeless or fb.windows and fa.timeless
    )
    # Across articles only a past calendar year says as much: "turnout in 2021 was 62%" is dated, an
    # undated turnout is the story's own (and so is one dated to the latest year: "the 2025 election").
    one_sided = one_sided or (fa.past and fb.timeless or fb.past and fa.timeless)
    other_window = relations == {"other"} or bool(one_sided)
    # Next to each other, but one names a place the other does not ("Turnout was about 51%. ...
    # turnout in Ostrel was 63%"): the article has moved on to another place, so nearness says nothing.
    moved = bool(fa.regions) != bool(fb.regions)
    # "The coast guard said around 200 people ..., but survivors said about 400 people": two sources
    # side by side giving the same counted thing are two answers to one question, each in its own words.
    rival = (
        a.claim.article == b.claim.article
        and _gap(fa.span, fb.span) <= RIVAL_CHARS
        and bool(fa.speaker and fb.speaker)
        and not (fa.speaker <= fb.speaker or fb.speaker <= fa.speaker)
        and _same_counted(a.claim, b.claim)
        and not other_window
        # A reply answers the nearest figure of its kind: none of the same kind stands between them.
        and not any(_same_counted(a.claim, v.claim) for v in between)
        and _set_against(a.claim, b.claim)
    )
    cross = _cross_rival(a, b, fa, fb, context, other_window)  # rivals across articles need no other link
    rival = rival or cross
    linked = same_figure or nearby or same_window or cross
    if entity is None and context is None and not linked:
        return Pair(0.0, NO_EVIDENCE)
    # "In Ostrel, turnout was 63%" against an unplaced turnout: another place, unless the article sets
    # the two against each other.
    place_apart = not rival and _place_apart(a, b, fa, fb)
    if rival and entity is not None and entity < 50:
        entity = 50.0  # wording differs between sources; it does not say the thing differs
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
            # One source quoted with one number in two articles: "as many as 6.5 million", says the
            # regulator, twice (one speaker's words within the other's).
            or bool(fa.speaker and fb.speaker and (fa.speaker <= fb.speaker or fb.speaker <= fa.speaker))
        )
        score += BONUS["same figure"] if backed else BONUS["same figure alone"]
        evidence.append("same figure" if backed else "same figure alone")
    # "Police said 21,000 marched. Organisers said the true number was 110,000": a figure whose entity
    # is only "the number" or "the figure" refers back to the quantity just mentioned.
    refers_back = fa.anaphoric or fb.anaphoric
    if rival:
        score += BONUS["rival sources"]
        evidence.append("rival sources side by side")
    elif contrasted:
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
    ):
        # Agreeing on the story (context) or the time frame says nothing about what is measured; the
        # same particular counted thing ("cases", "households") does.
        score = min(score, WHAT_CAP)
    return Pair(round(min(score, 100.0), 1), tuple(evidence))


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
    if _time_frame(fa) != _time_frame(fb):
        return False  # "in March alone" against a year's rise: across articles, nothing else says so
    if fa.subjects and fb.subjects and fa.subjects != fb.subjects:
        return False  # rents against house prices, losses against lost wages
    if dimension_of(ca) == "percent" and not (fa.subjects and fa.subjects == fb.subjects):
        return False  # a bare percent says nothing: both must say what it is of (rents, turnout)
    same_change = ca.trend is not None and ca.trend == cb.trend and bool(fa.subjects)
    if not (fa.family is not None and fa.family == fb.family or same_change):
        return False
    if _place_apart(a, b, fa, fb) or (context is not None and context < 50):
        return False
    if fa.speaker and fb.speaker and (fa.speaker <= fb.speaker or fb.speaker <= fa.speaker):
        return False
    if fa.speaker == fb.speaker:
        return False  # neither says who gives it: nothing sets two speakers against each other
    return any(r.search(c.sentence) for r in (RIVAL_CUE_RE, OTHERS_FIGURE_RE) for c in (ca, cb))


def _other_subject(c: Claim, fa: Features, fb: Features) -> bool:
    """Two money or percent figures whose own words name different subjects (``SUBJECTS``)."""
    return dimension_of(c) in CROSS_RIVAL_DIMENSIONS and bool(fa.subjects and fb.subjects) and (
        fa.subjects != fb.subjects
    )


def _time_frame(f: Features) -> frozenset[str]:
    """The rates and time windows a figure states ("over the past year" is the rate per year)."""
    return f.rates | {w for w in f.windows if w not in ONE_PERIOD}


def _set_against(a: Claim, b: Claim) -> bool:
    """Words of contrast between two figures of one article: "..., but survivors said", "; the union
    says", "the real figure was", "Fair Fare disputes the figure". Only the figures' own sentences can
    be read here; when a sentence with no figure stands between them ("The union rejected the
    estimate."), its words are unseen and the two speakers alone set the figures against each other."""
    first, second = sorted((a, b), key=lambda c: c.start)
    if first.sentence_start == second.sentence_start:
        text = first.sentence[first.end - first.sentence_start : second.end - first.sentence_start]
    else:
        end = first.sentence_start + len(first.sentence)
        if second.sentence_start - end > NEARBY_CHARS:
            return True
        text = first.sentence[first.end - first.sentence_start :] + " " + second.sentence[
            : second.end - second.sentence_start
        ]  # up to the end of the second figure: its own hedge may answer ("closer to 13%")
    return bool(RIVAL_CUE_RE.search(text))


def _contrasted(a: Claim, b: Claim) -> bool:
    """The words between two figures of one sentence set them against each other: "nearly 500,
    against the 340 ...", "more than twice the 12,000 ...", "compared with", "versus"."""
    first, second = sorted((a, b), key=lambda c: c.start)
    between = first.sentence[first.end - first.sentence_start : second.start - first.sentence_start]
    after = first.sentence[first.end - first.sentence_start :]
    return bool(CONTRAST_RE.search(between)) and not EARLIER_RE.search(after)


def _same_figure(a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
    """The same number twice, and something says what it counts (a bare "two" and "two" is chance)."""
    # The number as written: "more than 120,000" and "some 120,000" give the same figure.
    na = a.value if a.value is not None else (a.low, a.high)
    nb = b.value if b.value is not None else (b.low, b.high)
    if na != nb or na == (None, None):
        return False
    # One side saying what it counts is enough here: _pair then asks what backs the match.
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
    return bool(ua) and ua == ub and unit_class(ua) not in GENERIC_UNITS


def _same_specific_unit(fa: Features, fb: Features) -> bool:
    """Both count the same particular thing ("households", "cases"), not just people or percent."""
    if fa.money or fb.money:
        return False  # euros and euros: revenue, fines and costs are all counted in them
    ua, ub = unit_class(fa.counted), unit_class(fb.counted)
    return ua == ub and ua not in GENERIC_UNITS and ua not in ("person", "percent")


def _between(views: list[View], i: int, j: int) -> tuple[View, ...]:
    """The figures of one article that stand between two others, when those are within RIVAL_CHARS."""
    a, b = views[i].claim, views[j].claim
    if a.article != b.article or abs(a.start - b.start) > RIVAL_CHARS * 2:
        return ()
    lo, hi = sorted((a.start, b.start))
    kind = dimension_of(a)
    return tuple(
        v for v in views
        if v.claim.article == a.article and lo < v.claim.start < hi and dimension_of(v.claim) == kind
    )


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _weighted_dice(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Dice overlap weighted by rarity, shrunk toward the neutral 50 when there is little to go on
    (one shared generic word such as "protest" says less than "cyclone talia" and "alvera")."""
    weight = {w: idf[w] * (GENERIC_CONTEXT_WEIGHT if w in EVENT_WORDS else 1.0) for w in a | b}
    # fsum: exact, so the result does not depend on set iteration order (hash seed).
    inter = math.fsum(weight[w] for w in a & b)
    total = math.fsum(weight[w] for w in a) + math.fsum(weight[w] for w in b)
    if not total:
        return 50.0
    dice = 200.0 * inter / total
    return 50.0 + (dice - 50.0) * min(1.0, total / CONTEXT_SUPPORT)


def similarity_groups(views: list[View], threshold: float) -> list[tuple[list[int], dict[int, Membership]]]:
    """Clusters over links at or above ``threshold``, never holding a vetoed pair; order-independent."""
    stories = _story_names(views)
    # Fewer than STORY_MIN_NAMES names are too few to tell two stories apart (``story`` is then empty),
    # but enough to say an article names a place (``names``).
    feats = [
        dataclasses.replace(
            _features(v), story=names if len(names) >= STORY_MIN_NAMES else frozenset(), names=names
        )
        for v in views
        for names in (stories[v.claim.article],)
    ]
    feats = [dataclasses.replace(f, aside=_aside(v, f, views)) for v, f in zip(views, feats, strict=True)]
    asides: dict[str, set[str]] = {}
    for v, f in zip(views, feats, strict=True):
        if f.aside:
            asides.setdefault(v.claim.article, set()).update(_place_words(f.regions))
    feats = [dataclasses.replace(f, asides=frozenset(asides.get(v.claim.article, ())))
             for v, f in zip(views, feats, strict=True)]
    # The latest year any figure is dated to stands for "now": "the 2025 election" is the story's own.
    years = [int(m.group(1)) for f in feats for p in f.periods if (m := re.match(r"period:(\d{4})$", p))]
    latest = max(years, default=None)
    feats = [dataclasses.replace(f, past=latest is not None and any(
        re.fullmatch(rf"period:(?!{latest})\d{{4}}", p) for p in f.periods)) for f in feats]
    df = Counter(w for f in feats for w in f.context)
    n = max(len(views), 1)
    idf = {w: math.log(1 + n / k) for w, k in df.items()}
    pairs: dict[tuple[int, int], Pair | None] = {}
    for i in range(len(views)):
        for j in range(i + 1, len(views)):
            if dimension_of(views[i].claim) == dimension_of(views[j].claim):
                between = _between(views, i, j)
                pairs[(i, j)] = _pair(views[i], views[j], feats[i], feats[j], idf, between)
    out = []
    for members in _link(len(views), pairs, threshold):
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


def _link(n: int, pairs: dict[tuple[int, int], Pair | None], threshold: float) -> list[list[int]]:
    """Take the links from strongest to weakest (ties by position); join their two clusters unless
    that would put a vetoed (or never compared) pair in one group. Depends only on the sorted claims."""
    of = list(range(n))  # cluster id (its first member) of each claim
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links = sorted((-p.score, i, j) for (i, j), p in pairs.items() if p is not None and p.score >= threshold)
    for _, i, j in links:
        a, b = sorted((of[i], of[j]))
        if a == b:
            continue
        cross = [pairs.get((min(x, y), max(x, y)), VETO) for x in members[a] for y in members[b]]
        if any(p is VETO for p in cross):
            continue
        # The two clusters must not look different on the whole: pairs with nothing in common count
        # as neutral (50), so one strong link cannot pull in a cluster its other members disown.
        if (
            math.fsum(p.score if p.evidence != NO_EVIDENCE else 50.0 for p in cross if p) / len(cross)
            < MERGE_FLOOR
        ):
            continue
        members[a] = sorted(members[a] + members.pop(b))
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

