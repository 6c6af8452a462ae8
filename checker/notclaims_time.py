"""Clock times and ages, which are no claims: a number H.MM read as a time of day ("left at 6.30",
"Updated 14.32") and a person's age ("aged 45", "Maddon, 66,", "a 54-year-old", "children under 5").
:mod:`checker.notclaims` asks :func:`is_age` inside ``not_a_claim``; :mod:`checker.extract` asks
:func:`clock_time` and :func:`group_age` once a figure's unit is known. docs/semantics.md lists the
cases for editors.
"""

from __future__ import annotations

import re

from checker.numbers import Figure
from checker.semantics import TREND_WORD_RE

# Ages (docs/semantics.md, "What is not a claim"): "aged 45", "aged between 19 and 45", "ages 5 to 11",
# "at age 7", "Maddon, 66,", "Maria Lopez (54)", "a 54-year-old" (before any noun or none), "81 years
# old", "children under 5", "people aged over 65". Only the age goes: the count or percent it scopes
# ("1,200 adults aged 18 to 24", "people aged over 65 make up 21%") stays a claim and carries the band
# in its scope (context_scope).
_AGE_HEDGE = (r"(?:(?:about|around|roughly|nearly|almost|just|over|under|above|below|at\s+least|at\s+most|"
              r"more\s+than|less\s+than|younger\s+than|older\s+than|up\s+to)\s+)?")
_AGE_BEFORE_RE = re.compile(rf"\b(?:aged?|ages|age\s+of|turns?|turned|turning)\s+(?:(?:between|from)\s+)?"
                            rf"{_AGE_HEDGE}$", re.IGNORECASE)
_APPOSITIVE_AGE_RE = re.compile(r"(?:[A-Z][\w'’.-]+|\b(?:man|woman|boy|girl|child|son|daughter|mother|father|"
                                r"wife|husband|brother|sister|victim|suspect|driver|patient|teenager|"
                                r"resident|player|student))\s*,\s*$")
_SPEECH_RE = re.compile(r"\b(?:said|says|told|added|according\s+to)\b", re.IGNORECASE)
_FULL_NAME_COMMA_RE = re.compile(r"(?-i:\b[A-Z][a-z'’-]+\s+[A-Z][\w'’-]+),\s*$")
_YEAR_OLD_RE = re.compile(r"[\s-]*(?:years?|months?|weeks?|days?)[\s-]+olds?\b", re.IGNORECASE)
_PERSON_NOUNS = (r"man|woman|boy|girl|child|son|daughter|mother|father|wife|husband|brother|sister|victim|"
                 r"suspect|driver|patient|teenager|resident|player|student|baby|grandmother|grandfather|"
                 r"grandson|granddaughter|mum|dad|pensioner|worker|pupil|officer|partner|friend|neighbour|"
                 r"neighbor|passenger|pedestrian|cyclist|motorist|nephew|niece|uncle|aunt|cousin")
# "(54)" after a person: two capitalised words ("Maria Lopez (54)"), a title and a name ("Mr Okafor
# (61)"), or a noun for a person ("her son (12)")
_BRACKET_AGE_RE = re.compile(rf"(?:(?-i:[A-Z][\w'’.-]+\s+[A-Z][\w'’-]+)|(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+"
                             rf"[A-Z][\w'’-]+)|\b(?:{_PERSON_NOUNS})s?)\s*\($", re.IGNORECASE)
# "children under 5", "people over 65": a group of people and a bound with nothing counted after it
_GROUP_AGE_RE = re.compile(r"\b(?:children|kids|babies|infants|toddlers|people|persons|adults|men|women|boys|"
                           r"girls|youngsters|pupils|students|teenagers|teens|patients|residents|voters|"
                           r"workers|drivers|those|anyone|everyone|nobody|individuals|citizens|players|"
                           r"pensioners|users|customers|adults)\s+(?:aged\s+)?(?:under|over|below|above|"
                           r"younger\s+than|older\s+than)\s+$", re.IGNORECASE)


def is_age(text: str, fig: Figure, before: str, after: str) -> bool:
    """A person's (or a thing's) age is no claim: 'aged 45', 'aged between 19 and 45', 'ages 5 to 11',
    'at age 7', 'Maddon, 66,', 'Maria Lopez (54)', 'the 54-year-old mayor', 'a 7-year-old', '81 years
    old', 'children under 5' (the figures the age scopes stay claims). A figure with separators or a
    multiplier ('a 2,900 year-old site', 'aged 18 million') is no age."""
    if fig.kind != "number" or fig.has_mult or fig.has_sep:
        return False
    ends = (fig.low, fig.high) if fig.hedge == "range" else (fig.value,)
    if any(v is None or v < 0 for v in ends):
        return False
    if _YEAR_OLD_RE.match(after) or fig.unit == "year of age":
        return True  # "a 54-year-old", "the 54-year-old mayor", "81 years old", "18-to-24-year-olds"
    if not all(float(v).is_integer() for v in ends if v is not None):
        return False
    if fig.unit is not None or max(v for v in ends if v is not None) > 130:
        return False
    if _AGE_BEFORE_RE.search(before):
        return True  # "aged 45", "aged between 19 and 45", "ages 5 to 11", "at age 7", "aged over 65"
    if fig.hedge == "range":
        return False
    if _APPOSITIVE_AGE_RE.search(before) and after.startswith(","):
        return True  # "Maddon, 66, said"
    if _FULL_NAME_COMMA_RE.search(before) and re.match(r"[.;)](?:\s|$)|$", after) \
            and (fig.value or 0) <= 110 and _SPEECH_RE.search(text, max(0, fig.num_start - 90),
                                                               fig.num_start):
        return True  # "said union president Ana Ruiz, 52."
    return bool(_BRACKET_AGE_RE.search(before) and after.startswith(")"))  # "Maria Lopez (54)"


def group_age(text: str, fig: Figure, lo: int) -> bool:
    """'children under 5', 'people over 65', 'voters younger than 25': a bound after a group of people
    with nothing counted or measured after it (asked once the unit is known) is an age."""
    if fig.kind != "number" or fig.has_mult or fig.has_sep or fig.value is None or fig.hedge == "range":
        return False
    if fig.unit not in (None, "year", "years") or not float(fig.value).is_integer() \
            or not 0 < fig.value <= 130:
        return False
    return _GROUP_AGE_RE.search(text, max(lo, fig.num_start - 40), fig.num_start) is not None


# --- clock times written with a dot ("left at 6.30", "by 11.30", "Updated 14.32") -------------------
_CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-4])\.[0-5]\d")
_CLOCK_HOUR_RE = re.compile(r"(?:[01]?\d|2[0-4])")
_CLOCK_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?")
# a time word after the figure, or a byline before it: a time whatever precedes
_CLOCK_AFTER_RE = re.compile(
    r"\s*(?:[ap]\.?m\b\.?|o['’]clock\b|local\s+time\b|(?-i:GMT|BST|CET|CEST|UTC|EST|EDT|CST|CDT|"
    r"PST|PDT|MST|MDT|IST|JST|AEST|AEDT|ET|PT)\b|in\s+the\s+(?:morning|afternoon|evening)\b|tonight\b)",
    re.IGNORECASE)
_CLOCK_BYLINE_RE = re.compile(r"\b(?:updated|posted|published|modified|filed)\s*:?\s*(?:at\s+)?$",
                              re.IGNORECASE)
# a time preposition right before the figure (an adverb may sit between: "at around 6.30", "shortly
# after 9.45" reads "after")
_CLOCK_PREP_RE = re.compile(r"(?P<prep>\b(?:at|by|until|till|til|from|after|before|around|between|past))\s+"
                            r"(?:(?:around|about|roughly|approximately|exactly|precisely|just)\s+)?$",
                            re.IGNORECASE)
# ... unless the clause makes the number a level or a change: a price or rate noun, a verb that states a
# level ("closed at 6.30", "stood at 2.45"), a trend ("rose by 2.45"), or "to 2.40 from 2.45"
_LEVEL_NOUN_RE = re.compile(
    r"\b(?:rates?|index|indices|prices?|shares?|stocks?|yields?|bonds?|euro|dollar|pound|sterling|yen|franc|"
    r"rupee|currency|ratio|score|average|odds|rating|points?|level|benchmark|cost|costs|worth|figure|number|"
    r"total|value|reading|estimate|forecast|growth|inflation|unemployment|deficit|debt|gdp|multiple)\b"
    r"[^.;:!?()]{0,50}$",
    re.IGNORECASE)
_LEVEL_VERB_RE = re.compile(
    r"\b(?:closed|closing|closes|settled|stood|stands|standing|traded|trading|trades|priced|valued|fixed|"
    r"pegged|capped|peaked|bottomed|quoted|rated|scored|averaged|fetched|went|moved|changed|revised|"
    r"raised|lowered)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE)
_RATE_AFTER_RE = re.compile(r"\s*(?:(?:an?|per)\s+[a-z]|apiece\b|"
                            r"each\b(?!\s+(?:day|morning|afternoon|evening|night|weekday|week|time)))",
                            re.IGNORECASE)
_TALLY_AFTER_RE = re.compile(r"\s+to\s+\d")
_TIME_CHECK_RE = re.compile(r"(?:^|[.!?:]\s+|\n)(?:it\s+is|it['’]s|the\s+time\s+is)\s+(?:now\s+)?$",
                            re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"\s*(?:[,;.!?]|$)")
_TO_FROM_RE = re.compile(r"\bto\s+[\d.,]+\s+from\s+$", re.IGNORECASE)


def clock_time(text: str, fig: Figure, lo: int, hi: int) -> bool:
    """'The train left at 6.30', 'shortly after 9.45', 'by 11.30', 'from 8.30 until 17.45', 'at 3.15 GMT',
    'Updated 14.32', 'at 14.32 hrs': a number H.MM (H up to 24, MM under 60) with no unit of its own is
    a clock time after a time preposition, before a time word or after a byline cue. A level stays a
    claim: a price or rate ('closed at 6.30', 'the euro at 1.15', 'rose by 2.45'), or any unit ('6.30%',
    '7.32 million', '6.30 euros')."""
    hrs = fig.unit == "hour" and re.match(r"\s*hrs\b", text[fig.num_end:fig.num_end + 5]) is not None
    if fig.kind != "number" or fig.spelled or fig.has_mult or fig.has_sep:
        return False
    if fig.unit is not None and not hrs:
        return False
    tokens = _CLOCK_TOKEN_RE.findall(text, fig.num_start, fig.num_end)
    dotted = [t for t in tokens if _CLOCK_RE.fullmatch(t)]
    if not dotted or not all(_CLOCK_RE.fullmatch(t) or _CLOCK_HOUR_RE.fullmatch(t) for t in tokens):
        return False
    byline = _CLOCK_BYLINE_RE.search(text, max(lo, fig.num_start - 20), fig.num_start)
    if byline or (not hrs and _CLOCK_AFTER_RE.match(text, fig.num_end, hi)):
        return True
    if _TIME_CHECK_RE.search(text[lo:fig.num_start]) \
            and _CLAUSE_END_RE.match(text, fig.num_end, hi):
        return True  # a broadcaster's time check: "It's 7.45, and you're listening to ..."
    prep = _CLOCK_PREP_RE.search(text, max(lo, fig.num_start - 30), fig.num_start)
    if prep is None or _RATE_AFTER_RE.match(text, fig.end, hi) \
            or (prep.group("prep").lower() == "by" and _TALLY_AFTER_RE.match(text, fig.end, hi)):
        return False  # "paid at 9.50 an hour", "set at 2.50 per day", "by 3.15 to 1": a rate or a tally
    clause = text[max(lo, prep.start() - 60):prep.start()]
    if _LEVEL_NOUN_RE.search(clause) or _LEVEL_VERB_RE.search(clause) \
            or _TO_FROM_RE.search(text, max(lo, fig.num_start - 20), fig.num_start):
        return False
    return TREND_WORD_RE.search(clause[-30:]) is None  # "fell by 2.45", "up from 3.10"
