"""What a claim measures: predicate families, event words and shares, what a claim counts, unit
compatibility, and the texts around a figure that rules and similarity look at. The noun vocabulary it
reads (counted-noun classes, owners of accounts and records, role and act nouns, subjects) is in
:mod:`checker.measures_nouns`.

Shared by :mod:`checker.match` (rules), :mod:`checker.similarity` (grouping without rules) and
:mod:`checker.compare` (shares in percent). See docs/rules.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.context_words import EVENT_NOUNS, GENERIC_HEADS, PREPS
from checker.measures_nouns import (
    DURATIONS,
    STAND_INS,
    STOPWORDS,
    UNIT_CLASS,
    WORD_RE,
    content_words,
    owner_of,
    singular,
    unit_class,
)
from checker.model import Claim

TIME_WORDS = frozenset(("last", "next", "past", "year", "month", "week", "day", "today", "annual"))
# Words that say a figure is a figure, not what it counts ("the true number", "the official total").
FIGURE_WORDS = frozenset(
    ("number", "figure", "total", "estimate", "count", "true", "real", "actual", "official", "tally", "toll")
)
# Nouns for a gathering of people: as the entity of a count with no unit, they count people.
PEOPLE_GATHERED = frozenset(("crowd", "crowds", "audience", "audiences", "gathering"))
NEAR_WORDS = 4  # words either side of a figure that count as "what it measures" when entity is unknown


# ---------------------------------------------------------------- what each claim offers


@dataclass(frozen=True)
class View:
    """A claim and the texts cues and similarity look at."""

    claim: Claim
    own: str  # the part of the sentence closer to this figure than to any other figure in it
    offset: int  # where the figure starts within ``own`` (-1 if unknown)
    fields: str  # entity, unit and predicate
    topic: str  # the sentence, the context words and the fields
    near: str  # the figure's own words: entity and unit, or the words around the figure
    window: str  # the words around the figure


def views_of(claims: list[Claim]) -> list[View]:
    by_sentence: dict[tuple[str, int, str], list[tuple[int, int, int]]] = {}
    spans = []
    for i, c in enumerate(claims):
        rel = c.start - c.sentence_start
        if not (0 <= rel <= len(c.sentence) and c.sentence[rel : rel + len(c.text)] == c.text):
            rel = c.sentence.find(c.text)
        spans.append(rel)
        if rel >= 0:
            key = (c.article, c.sentence_start, c.sentence)
            by_sentence.setdefault(key, []).append((rel, rel + len(c.text), i))
    bounds: dict[int, tuple[int, int]] = {}
    for (_, _, sentence), figures in by_sentence.items():
        figures.sort()
        for k, (start, end, i) in enumerate(figures):
            left = 0 if k == 0 else _split_point(sentence, figures[k - 1][1], start)
            right = len(sentence) if k == len(figures) - 1 else _split_point(sentence, end, figures[k + 1][0])
            bounds[i] = (left, right)
    views = []
    for i, c in enumerate(claims):
        left, right = bounds.get(i, (0, len(c.sentence)))
        own = c.sentence[left:right]
        offset = spans[i] - left if spans[i] >= 0 else -1
        fields = " ".join(x for x in (c.entity, c.unit, c.predicate) if x)
        topic = " ".join([c.sentence, *c.context, fields])
        before = WORD_RE.findall(own[: max(offset, 0)])[-NEAR_WORDS:]
        after = WORD_RE.findall(own[offset + len(c.text) :] if offset >= 0 else own)[:NEAR_WORDS]
        window = " ".join([*before, c.unit or "", *after])
        # Without an entity, the counted thing is what follows the figure ("21,000 people marched").
        near = (
            " ".join(x for x in (c.entity, c.unit) if x) if c.entity else " ".join([c.unit or "", *after[:3]])
        )
        views.append(View(c, own, offset, fields, topic, near, window))
    return views


def _split_point(sentence: str, a: int, b: int) -> int:
    """A word boundary half-way between two figures."""
    mid = (a + b) // 2
    gap = sentence[a:b]
    spaces = [a + k for k, ch in enumerate(gap) if ch.isspace()]
    return min(spaces, key=lambda s: (abs(s - mid), s)) if spaces else mid


def counted_noun(c: Claim) -> str:
    """What a claim counts: its unit; the counted thing of an event noun ("job losses" -> job); or,
    without a unit, the complement of a generic head ("total (new cholera cases)" -> cases, "the true
    figure (jobs)" -> jobs, "the death toll" -> death). Empty when unknown."""
    if is_share(c):
        return "percent"  # "a fifth of the world's cotton" is a share, like "20%"
    entity = content_words(c.entity)
    unit = content_words(c.unit)
    if unit and singular(unit[-1]) in STAND_INS:
        return owner_of(c.entity, unit[-1])  # "customer accounts" count customers
    if unit and unit_class(c.unit) not in GENERIC_UNITS:
        if len(unit) == 1 and _is_event_noun(unit[0]) and unit[0] in entity:
            k = entity.index(unit[0])
            if k > 0 and _counted_like(entity[k - 1]):
                return entity[k - 1]  # "job losses", "job cuts": the jobs are what is counted
        return c.unit or ""
    # Event nouns ("losses") count only as a unit's head: in an entity they may be verbs ("held").
    words = [w.lower() for w in WORD_RE.findall(re.sub(r"[()]", " ", c.entity or ""))]
    heads = [k for k, w in enumerate(words) if w in GENERIC_HEADS]
    if not heads:
        # "Police put the crowd at 70,000": a noun for a gathering of people counts people.
        head = next((k for k, w in enumerate(words) if w in PREPS), len(words))  # "the crowd at the quay"
        named = [w for w in words[:head] if w not in STOPWORDS and w not in FIGURE_WORDS]
        gathered = bool(named) and named[-1] in PEOPLE_GATHERED and c.dimension == "count"
        return "people" if gathered else c.unit or ""
    h = heads[0]
    run: list[str] = []  # the noun phrase after the head: "(new measles cases)", "of displaced people"
    for w in words[h + 1 :]:
        if w in FIGURE_WORDS or (not run and w in ("of", "the", "a", "an")):
            continue
        if w in STOPWORDS or (run and w.endswith(("ed", "ing"))):
            break  # "number of people held in camps"; a first "confirmed" or "displaced" is a modifier
        run.append(w)
    if run and _counted_like(run[-1], plural=True):
        return run[-1]
    before = [w for w in words[:h] if w not in STOPWORDS and w not in FIGURE_WORDS]
    if before and singular(before[-1]) in UNIT_CLASS:
        return before[-1]  # "the official death toll"
    return c.unit or ""


def _is_event_noun(word: str) -> bool:
    """A noun naming what happened to the counted things ("losses", "cuts"), not a counted noun."""
    if singular(word) in UNIT_CLASS:
        return False
    # The word is a family's stem plus a noun ending: "losses", "cuts", "injuries", "evacuations";
    # not "livestock" (live + stock) or "killed".
    stems = (stem for stems in PREDICATE_FAMILIES.values() for stem in stems if " " not in stem)
    return any(word.startswith(stem) and word[len(stem) :] in NOUN_ENDINGS for stem in stems)


NOUN_ENDINGS = frozenset(("", "s", "es", "ies", "y", "ion", "ions", "cy", "cies", "ment", "ments"))


def _counted_like(word: str, *, plural: bool = False) -> bool:
    """Whether a word can be a counted noun: a known one, or (with ``plural``) any plural noun."""
    if singular(word) in UNIT_CLASS:
        return True
    if _is_event_noun(word) or word in FIGURE_WORDS or word.endswith(("ed", "ing")):
        return False
    if singular(word) in DURATIONS:
        return False  # "the national total (months)": a span of time is how long, not what is counted
    return not plural or (word.endswith("s") and not word.endswith("ss"))


# ---------------------------------------------------------------- units and predicates

PERCENT_ALIASES = {"": "percent", "%": "percent", "per cent": "percent", "pct": "percent", "pc": "percent"}
GENERIC_UNITS = frozenset({"", "other", "others", "number", "figure", "total", "count"})
MULTIPLIER_UNITS = frozenset({"time", "fold"})  # "2.5 times": a ratio that is not a share

# Families whose counts are tallies of separate actions, never estimates of one figure.
TALLY_FAMILIES = frozenset({"sanction"})

# Words that name a kind of event (the shared list, :data:`checker.context_words.EVENT_NOUNS`): a
# capitalised name around one ("Cyclone Talia", "Women's March") names one event, and two claims naming
# different events are never grouped. The list holds plurals where they are used ("floods").
EVENT_WORDS = EVENT_NOUNS


def is_event_word(word: str) -> bool:
    """An event noun, in the list as written or as the singular of a plural ("storms")."""
    low = word.lower()
    return low in EVENT_WORDS or singular(low) in EVENT_WORDS


# What happened to what was counted (word stems); two claims whose predicates fall in different
# families measure different things (deaths against injuries, turnout against arrests).
PREDICATE_FAMILIES = {
    "death": (
        "kill", "die", "dead", "death", "fatal", "perish", "drown", "lost their lives", "toll", "body",
        "bodies",
    ),
    "injury": ("injur", "wound", "hurt", "hospitali"),
    "missing": ("missing", "unaccounted"),
    "displaced": (
        "evacuat", "displac", "homeless", "flee", "fled", "shelter", "leave their home", "left their home",
        "forced from their home", "driven from their home",
    ),
    "detention": ("detain", "held", "hold", "arrest", "imprison", "jail", "intern", "incarcerat"),
    "attendance": (
        "attend",
        "march",
        "gather",
        "rall",
        "protest",
        "turn out",
        "turned out",
        "turnout",
        "took part",
        "take part",
        "participat",
        "demonstrat",
        "join",
        "crowd",
        "cast their ballot",
        "cast ballots",
        "cast their vote",
        "went to the polls",
        "go to the polls",
    ),
    "population": ("population", "inhabit", "resident", "home to", "city of", "live", "living"),
    "survey": ("survey", "interview", "poll", "sampl", "question"),
    "sanction": ("sanction", "blacklist", "expel", "expuls"),
    "job loss": (
        "cut",
        "lose",
        "lost",
        "loss",
        "cost",
        "axe",
        "shed",
        "lay off",
        "laid off",
        "layoff",
        "redundan",
        "wipe",
        "wiping",
    ),
    "hiring": ("hire", "hiring", "recruit", "creat", "add"),
    "leak": ("leak", "spill", "escap", "seep", "discharg", "pour", "releas", "dump"),
}


def is_share(c: Claim) -> bool:
    """A fraction that is a share of a whole ("a fifth", "one in six", "3/4"): dimension ``ratio``,
    every end between 0 and 1, not a multiplier ("2.5 times")."""
    if c.dimension != "ratio" or content_words(c.unit) and unit_class(c.unit) in MULTIPLIER_UNITS:
        return False
    ends = [x for x in (c.value, c.low, c.high) if x is not None]
    return bool(ends) and all(0.0 <= x <= 1.0 for x in ends)


def dimension_of(c: Claim) -> str:
    """The dimension a claim is grouped and compared in: a share written as a fraction ("a fifth",
    ratio 0.2) is a percent (20) like "20%", so the two can be one quantity."""
    return "percent" if is_share(c) else c.dimension


def percent_scale(c: Claim, dimension: str) -> float:
    """The factor that puts a claim's numbers into ``dimension``: 100 for a share read as a fraction
    compared in percent, 1/100 for a percent compared as a fraction, else 1."""
    if dimension == "percent" and is_share(c):
        return 100.0
    if dimension == "ratio" and c.dimension == "percent" and compatible_units(c.unit, "percent", "percent"):
        return 0.01
    return 1.0


def compatible_units(a: str | None, b: str | None, dimension: str) -> bool:
    """Whether two claims' units can measure the same quantity (within one dimension)."""
    if dimension == "percent":  # percent against percentage points or basis points is not comparable
        pa, pb = (PERCENT_ALIASES.get((u or "").strip().lower(), (u or "").strip().lower()) for u in (a, b))
        return pa == pb
    ka, kb = unit_class(a), unit_class(b)
    if ka in GENERIC_UNITS or kb in GENERIC_UNITS:
        return True
    if dimension == "count":
        return ka == kb
    return (a or "").strip().lower() == (b or "").strip().lower()


def predicate_family(predicate: str | None, unit: str | None = None) -> str | None:
    """The family of what happened ("killed" -> death); None when unknown."""
    for text in (predicate, unit):
        # Capitalised words are names and months, not what happened ("since March", "the Women's March").
        low = re.sub(r"(?<=\s)[A-Z][\w'’-]*", " ", text or "").lower()  # not a sentence's first word
        if not low:
            continue
        for family, stems in PREDICATE_FAMILIES.items():
            if any(re.search(rf"(?<!\w){re.escape(stem)}", low) for stem in stems):
                return family
    return None
