"""What similarity reads from each claim (:class:`Features`), once per claim.

What a claim measures (entity words, counted noun, predicate family and stem), the event and place
it is about (context, named events, the names its article gives), and its scope markers (time
windows, calendar periods, rates, regions) and speaker. The relations between two claims' places and
times are in :mod:`checker.similarity_scope`; pair scores in :mod:`checker.similarity_pair`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.context_scope import ONE_PERIOD
from checker.context_words import WEEKDAYS, lemma
from checker.measures import (
    FIGURE_WORDS,
    TIME_WORDS,
    View,
    counted_noun,
    dimension_of,
    is_event_word,
    predicate_family,
)
from checker.measures_nouns import STOPWORDS, UNIT_CLASS, content_words, singular, subjects_of

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
# Scope markers that name a time window (checker/context_scope.py): two claims naming the same one
# ("since March" twice) agree on part of what they measure.
WINDOW_PREFIXES = ("since:", "period:", "past:", "next:")
TIME_PREFIXES = (*WINDOW_PREFIXES, "asof:", "date:", "current", "cumulative", "peak", "per-")
# Time markers that place a figure in the story's own days, not another time: "on Wednesday", "now".
RECENT_RE = re.compile(rf"current|date:(?:{'|'.join(WEEKDAYS)}|today|yesterday|tonight)")
# A verb of passing through a place counts everyone who was ever there ("40,000 have passed through
# the camps"): it takes the family of the place (checked in this order), else it has none.
THROUGH_VERBS = frozenset(("pass", "go", "went", "gone", "cycle", "move", "process"))
THROUGH_PLACES = (
    ("displaced", ("shelter", "evacuation", "refugee")),
    ("detention", ("camp", "prison", "jail", "detention", "internment", "centre", "center", "facility")),
)
CLAUSE_BREAK_RE = re.compile(r"[,;:](?=\s)|\s[–—-]\s")
PER_PERIOD_RE = re.compile(r"\s+(?:per|a|an|each)\s+(day|week|month|quarter|year)s?$", re.IGNORECASE)
# A figure over the past year is that year's rate ("over the past year" and "year-on-year").
RATES = frozenset(("per-year", "per-quarter", "per-month", "per-week", "per-day"))
COUNT_ONLY_FAMILIES = frozenset(("job loss", "hiring"))  # families of counted things, not of measures


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
    past: bool = False  # dated to a calendar year before the story's "now" (similarity._now)
    subjects: frozenset[str] = frozenset()  # what a money or percent figure is of ("rent", "loss")
    money: bool = False  # a currency amount: its unit says nothing about what is paid for
    names: frozenset[str] = frozenset()  # names its article gives, however few (``story`` needs two)
    undated: bool = False  # no time but the story's own days: timeless, "current", "date:wednesday"
    home: bool = False  # its regions are named in its article's lead: the article's own place
    bare: bool = False  # a count that says nothing of what it counts: no unit, no entity ("says 310,000")


def claim_features(view: View) -> Features:
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
    # "€20 million a day", "babies per year": the unit is the thing counted over a period, a rate.
    # Not for percents: "limits increases to 3% a year" is a cap, a level of a rate, not a rise.
    per = PER_PERIOD_RE.search(counted) if c.dimension != "percent" else None
    unit_rate = frozenset((f"per-{per.group(1).lower()}",)) if per else frozenset()
    counted = counted[: per.start()] if per else counted
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
        and not is_event_word(w)  # the event is context, not what is measured
    }
    items = [item.lower() for item in c.context]
    context = frozenset(w for item in items for w in content_words(item))
    items += [m.group(0).lower() for m in NAME_RE.finditer(view.own)]
    events = frozenset(i for i in items if len(i.split()) > 1 and any(map(is_event_word, content_words(i))))
    windows = frozenset(m.lower() for m in c.scope if m.lower().startswith(WINDOW_PREFIXES))
    span = (c.sentence_start, c.sentence_start + len(c.sentence))
    # "the true figure (jobs)": bracketed words are what extraction inferred, not what the text says.
    said = set(content_words(re.sub(r"\([^)]*\)", " ", c.entity or "")))
    anaphoric = bool(said) and said <= FIGURE_WORDS
    scope = [m.lower() for m in c.scope]
    return Features(
        " ".join(sorted(words)), context, events, family, stem, span,
        anaphoric=anaphoric, counted=counted, windows=windows,
        bare=c.dimension == "count" and not content_words(c.unit) and not said,
        timeless=not any(m.lower().startswith(TIME_PREFIXES) for m in c.scope),
        undated=all(RECENT_RE.fullmatch(m) or not m.startswith(TIME_PREFIXES) for m in scope),
        regions=frozenset(m.lower()[len("region:"):] for m in c.scope if m.lower().startswith("region:")),
        periods=frozenset(m.lower() for m in c.scope if re.match(r"period:\d{4}", m.lower())),
        rates=frozenset(
            ONE_PERIOD.get(m.lower(), m.lower()) for m in c.scope if m.lower().startswith(("per-", "past:1"))
        ) & RATES | unit_rate,
        speaker=frozenset(w for w in content_words(c.attribution) if w not in ("its", "their")),
        subjects=subjects_of(clause_of(view)),
        money=c.dimension == "currency",
    )


def clause_of(view: View) -> str:
    """The figure's clause: its own words between the nearest clause breaks (comma, semicolon, colon,
    dash) around it. "the real rise is nearer 13%, once the loss of the pass is counted" -> "the real
    rise is nearer 13%": a word after the break is about something else."""
    own, at = view.own, view.offset
    if at < 0:
        return own
    end = at + len(view.claim.text)
    # A comma inside a number ("€1,350") is no break: only a break followed by a space counts.
    breaks = [m.start() for m in CLAUSE_BREAK_RE.finditer(own)]
    left = max((b + 1 for b in breaks if b < at), default=0)
    right = min((b for b in breaks if b >= end), default=len(own))
    return own[left:right]


def _through_family(stem: str | None, text: str) -> str | None:
    """"passed through the camps": a verb of passing through takes the family of the place it names."""
    if stem not in THROUGH_VERBS or not re.search(r"\bthrough\b", text, re.IGNORECASE):
        return None
    words = {singular(w) for w in content_words(text)}
    return next((family for family, places in THROUGH_PLACES if words & set(places)), None)


def story_names(views: list[View]) -> dict[str, frozenset[str]]:
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
