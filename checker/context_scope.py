"""Scope markers: the time window, cumulative/current, sub-population and region a figure covers.

:func:`scope_markers` reads only the text it is given (the figure's clause, chosen by
:mod:`checker.context`), and returns normalised markers from :data:`SCOPE_VOCABULARY`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.context_words import EVENT_NOUNS, MONTHS, NOT_NAMES, WEEKDAYS, strip_possessive, wordset

# The closed vocabulary of markers (docs/context.md has examples). ``<date>`` is YYYY, YYYY-MM,
# YYYY-MM-DD, MM-DD (no year given) or a weekday; ``<n><u>`` is a count and a unit y/m/w/d/h.
SCOPE_VOCABULARY: dict[str, str] = {
    "since:<date>": "counted from a start date: 'since April 2017' -> since:2017-04, 'since January' -> "
    "since:--01 (a window from a month, not the month itself)",
    "period:<date>": "one calendar period: 'in 2019' -> period:2019, 'in March 2020' -> period:2020-03",
    "period:<year>..<year>": "a span of years: 'between 2017 and 2019', 'from 2017 to 2019', '2017-19'",
    "period:last-<unit>": "'last year', 'last month', 'last week' (also this-<unit>)",
    "past:<n><u>": "a trailing window: 'over the past decade' -> past:10y, 'the last 24 hours' -> past:24h",
    "next:<n><u>": "a coming window: 'over the next five years' -> next:5y",
    "period:<year>-q<n>": "a quarter: 'in the second quarter' -> period:q2, 'Q3 2021' -> period:2021-q3",
    "asof:<date>": "a stock at a date: 'as of March 2021', 'by the end of 2020', 'by Tuesday'",
    "date:<date>": "one day: 'on Monday' -> date:monday, 'on March 3' -> date:--03-03",
    "per-year": "a rate: 'each year', 'per year', 'annually', 'a year' (also per-month, per-week, per-day)",
    "current": "a stock now: 'currently', 'now', 'still', 'at present', 'at any one time'",
    "cumulative": "a running total: 'in total', 'so far', 'to date', 'in all', 'since then', "
    "'bringing the total to'",
    "peak": "the maximum: 'at its peak', 'at the height of'",
    "subpop:<group>": "adults, children, women, men, girls, boys, elderly, civilians, aged-18+, aged-18-64; "
    "a restriction: 'counting only those registered' -> subpop:registered",
    "region:<place>": "'in Xinjiang' -> region:xinjiang; 'nationwide' -> region:national; "
    "'worldwide' -> region:global; 'in the capital' -> region:capital",
}

# A figure over the past year, month or week is that period's rate: "rose 7.5% over the past year" and
# "up 7.5% on a year ago" (per-year) give one time frame. Read by compare and similarity.
ONE_PERIOD = {"past:1y": "per-year", "past:12m": "per-year", "past:1m": "per-month", "past:1w": "per-week"}

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_RE = re.compile(_YEAR)
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a": 1, "an": 1,
}
_UNIT = {"decade": ("10", "y"), "decades": ("", "y"), "year": ("", "y"), "years": ("", "y"),
         "month": ("", "m"), "months": ("", "m"), "week": ("", "w"), "weeks": ("", "w"),
         "day": ("", "d"), "days": ("", "d"), "hour": ("", "h"), "hours": ("", "h"),
         "century": ("100", "y")}
_RATE_UNIT = {"year": "year", "annum": "year", "month": "month", "week": "week", "day": "day"}

_I = re.IGNORECASE
_EARLY = r"(?:(?:early|late|mid)[- ]?)?"
# "since", then "the start of" and "early", "mid-" before the date: shared by the date and month forms.
_SINCE_LEAD = rf"\bsince\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+)?{_EARLY}"
_SINCE_DATE = re.compile(
    rf"{_SINCE_LEAD}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?:({_MONTH})\s+(?:(\d{{1,2}}),?\s+)?)?({_YEAR})\b", _I)
# "since January", "since mid-June", "since 5 January", "since the start of March", "since January this
# year": a window from a month of the story's year (never "period:" of that month).
_SINCE_MONTH = re.compile(
    rf"{_SINCE_LEAD}(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?"
    rf"({_MONTH})(?:\s+(\d{{1,2}}))?\b(?!,?\s+{_YEAR})(?:,?\s+(?:of\s+)?this\s+year\b)?", _I)
_SINCE_EVENT = re.compile(
    rf"\bsince\s+(?:the\s+|its\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:began|started|broke\s+out|erupted|hit|struck)\s+"
    rf"in\s+(?:({_MONTH})\s*)?({_YEAR})?", _I)
_SINCE_OTHER = re.compile(
    r"\bsince\s+(?:then|the\s+(?:start|beginning|outbreak|onset)|its\s+(?:start|launch)|records\s+began)", _I)
_SPAN = re.compile(rf"\b(?:between|from)\s+({_YEAR})\s+(?:and|to|through|until)\s+({_YEAR})\b", _I)
_SPAN_DASH = re.compile(rf"\b({_YEAR})\s*[-–/]\s*(\d{{2}}|{_YEAR})\b")
_PERIOD = re.compile(
    rf"\b(?:in|during|for|throughout|over)\s+(?:the\s+)?{_EARLY}(?:({_MONTH})\s+)?({_YEAR})\b", _I)
_PERIOD_MONTH = re.compile(rf"\b(?:in|during|for|throughout)\s+{_EARLY}({_MONTH})\b(?!\s+\d)", _I)
# An event named by its year: "the 2019 flood", "the 2021 election", "its 2018 spill".
_YEAR_EVENT = re.compile(
    rf"\b(?:the|its|their|a|an)\s+({_YEAR})\s+(?:[a-z]+\s+)?({'|'.join(sorted(EVENT_NOUNS))})\b", _I)
_QUARTER = re.compile(
    r"\b(?:in|during|for)\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(\d{4}))?"
    r"|\b(Q[1-4])(?:\s+(\d{4}))?\b", _I)
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_TRAILING = re.compile(
    r"\b(?:in|over|during)\s+the\s+(\d+|[a-z]+)\s+(months?|years?|weeks?|days?)\s+(?:to|through|ending|until)\b",
    _I)
_ASOF_DAY = re.compile(rf"\b(?:as\s+of|by)\s+({'|'.join(WEEKDAYS)})\b", _I)
_TOTAL = re.compile(r"\bbringing\s+(?:the|its|their)\s+(?:total|tally|toll|number)\b", _I)
_ASOF = re.compile(
    rf"\b(?:as\s+of|as\s+at|by\s+the\s+end\s+of|at\s+the\s+end\s+of|by)\s+"
    rf"(?:({_MONTH})\s+(?:(\d{{1,2}}),?\s+)?)?({_YEAR})\b",
    _I)
_RELATIVE = re.compile(
    r"\b(last|this|past)\s+(year|month|week|quarter|decade)\b(?!\s+(?:ago|earlier))", _I)
_PAST = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(past|last|previous|next|coming)\s+(?:(\d+|[a-z]+)\s+)?"
    r"(decades?|years?|months?|weeks?|days?|hours?|century)\b", _I)
_ON_DAY = re.compile(
    rf"\bon\s+(?:({'|'.join(WEEKDAYS)})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR}))?)\b", _I)
_RATE = re.compile(
    r"\b(?:(?:per|a|an|each|every)\s+(year|annum|month|week|day)\b(?!\s+(?:ago|earlier|later|after|before))"
    r"|(annually|yearly|monthly|weekly|daily|annual|annualised|annualized)\b)", _I)
# A change measured against the same time one period before: "rose 0.6% on the month", "up 7.5% on a
# year ago", "year-on-year", "from a year earlier": a rate over that period.
_CHANGE_OVER = re.compile(
    r"\b(?:on\s+the\s+(year|month|week|quarter)|(year|month|week|quarter)[- ]on[- ]\2"
    r"|(?:on|than|from|compared\s+(?:with|to))\s+(?:a|one|the)\s+(year|month|week|quarter)\s+"
    r"(?:ago|earlier|before))\b", _I)
_CURRENT = re.compile(
    r"\b(?:currently|presently|at\s+present|at\s+any\s+(?:one|given)\s+time|right\s+now|still|(?<!until\s)(?<!as\sof\s)today(?![’'])"
    r"|(?<!until\s)(?<!by\s)(?<!up\sto\s)now(?!\s+that))\b", _I)
_CUMULATIVE = re.compile(
    r"\b(?:in\s+total|in\s+all|altogether|so\s+far|to\s+date|thus\s+far|cumulative(?:ly)?|until\s+now"
    r"|up\s+to\s+now|by\s+now|since\s+then)\b", _I)
_PEAK = re.compile(r"\b(?:at\s+(?:its|the|their|his|her)\s+peak|at\s+the\s+height\s+of|peaked)\b", _I)
_SUBPOP = [
    (re.compile(r"\badults?\b|\bgrown-ups\b", _I), "adults"),
    (re.compile(r"\bchild(?:ren)?\b|\bkids\b|\bminors\b|\bunder-18s\b", _I), "children"),
    (re.compile(r"\bwom[ae]n\b|\bfemales?\b", _I), "women"),
    (re.compile(r"\bmen\b|\bmales?\b", _I), "men"),
    (re.compile(r"\bgirls\b", _I), "girls"),
    (re.compile(r"\bboys\b", _I), "boys"),
    (re.compile(r"\belderly\b|\bpensioners\b|\bover-(?:65|70|80)s\b|\bolder\s+people\b", _I), "elderly"),
    (re.compile(r"\bcivilians?\b", _I), "civilians"),
]
# "counting only those registered in official camps", "only people registered": a restricted count.
_WHO = r"(?:who\s+(?:are|were)\s+)?"
_ONLY = re.compile(
    rf"\b(?:counting|including|covering)\s+only\s+(?:those|people|persons|the\s+\w+)\s+{_WHO}([a-z]+(?:ed|en))\b"
    rf"|\bonly\s+(?:those|people|persons)\s+{_WHO}([a-z]+(?:ed|en))\b", _I)
_AGED_OVER = re.compile(
    r"\baged\s+(\d{1,3})\s+(?:and|or)\s+(?:over|older|above)\b|\baged\s+(?:over|above)\s+(\d{1,3})\b"
    r"|\b(?:aged\s+)?(\d{1,3})\+|\bover-(\d{2})s\b", _I)
_AGED_RANGE = re.compile(r"\baged\s+(?:between\s+)?(\d{1,3})\s*(?:-|–|to|and)\s*(\d{1,3})\b", _I)
_REGION_WORDS = [
    (re.compile(r"\b(?:nationwide|nationally|countrywide|across\s+the\s+(?:country|nation))\b", _I),
     "national"),
    (re.compile(r"\b(?:worldwide|globally|around\s+the\s+(?:world|globe)|across\s+the\s+world)\b", _I),
     "global"),
    (re.compile(r"\b(?:in|across|through|throughout)\s+the\s+capital\b", _I), "capital"),
]
# "in Xinjiang", "in the province of Varnholm", "in the coastal district of Esk", "in neighbouring Dranmouth".
_REGION_NAME = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Ii]nside)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+\s+){0,2}(?:province|district|region|state|city|town|county|municipality|island|village"
    r"|canton|department|prefecture|borough)\s+(?:of\s+)?|(?:neighbouring|neighboring|nearby)\s+)?"
    r"((?:[A-Z][\w’'\-]+)(?:\s+(?:of\s+)?[A-Z][\w’'\-]+)*)")
# "in the upland Morvesh district", "across the northern Hale region": a name before its kind word.
_REGION_KIND_AFTER = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Ii]nside)\s+the\s+(?:[a-z]+\s+){1,2}"
    r"((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+)*)\s+(?:province|district|region|state|county|municipality"
    r"|canton|department|prefecture|borough)\b")



# Words one of which a pattern's every match contains (lower case): a pattern whose words are all
# absent from a clause cannot match it and is not run (most clauses name no date, rate or group).
_YEARISH = ("18", "19", "20")
_MONTHISH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TRIGGERS: dict[re.Pattern[str], tuple[str, ...]] = {
    _SINCE_DATE: ("since",), _SINCE_EVENT: ("since",), _SINCE_MONTH: ("since",), _SINCE_OTHER: ("since",),
    _SPAN: _YEARISH, _SPAN_DASH: _YEARISH, _ASOF: _YEARISH, _PERIOD: _YEARISH, _YEAR_EVENT: _YEARISH,
    _QUARTER: ("q",), _PERIOD_MONTH: _MONTHISH, _TRAILING: ("the",), _ASOF_DAY: ("day",),
    _TOTAL: ("bringing",), _PAST: ("the",), _RELATIVE: ("last", "this", "past"), _ON_DAY: ("on",),
    _CHANGE_OVER: ("on", "than", "from", "compared"),
    _RATE: ("year", "annum", "month", "week", "day", "daily", "annual"),
    _CURRENT: ("current", "present", "time", "now", "still", "today"),
    _CUMULATIVE: ("total", "all", "altogether", "far", "date", "cumulative", "now", "then"),
    _PEAK: ("peak", "height"), _ONLY: ("only",), _AGED_RANGE: ("aged",), _AGED_OVER: ("aged", "+", "over-"),
}
_SUBPOP_TRIGGERS = {
    "adults": ("adult", "grown-ups"), "children": ("child", "kids", "minors", "under-18s"),
    "women": ("wom", "female"), "men": ("men", "male"), "girls": ("girls",), "boys": ("boys",),
    "elderly": ("elderly", "pensioners", "over-", "older"), "civilians": ("civilian",),
}
_REGION_TRIGGERS = {"national": ("nation", "country"), "global": ("world", "globe", "globally"),
                    "capital": ("capital",)}


_ALL_TRIGGERS = frozenset(w for words in (*_TRIGGERS.values(), *_SUBPOP_TRIGGERS.values(),
                                           *_REGION_TRIGGERS.values()) for w in words)


def _scan(pattern: re.Pattern[str], text: str, present: set[str]) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``, or nothing when none of the pattern's words is ``present``."""
    return () if present.isdisjoint(_TRIGGERS[pattern]) else pattern.finditer(text)

_INSTITUTIONS = wordset(
    """congress parliament senate house court committee ministry department office university bank council
    assembly journal times post news lancet nature agency commission party government cabinet union
    league board institute foundation""")


def _date(year: str | None, month: str | None = None, day: str | None = None) -> str:
    """ISO 8601 style: 2017-04, 2021-03-03; without a year --06, --03-03."""
    parts = [year] if year else [""] if month else []
    if not year and month:
        parts.append("")
    if month:
        parts.append(f"{MONTHS[month.lower().rstrip('.')]:02d}")
    if day and month:
        parts.append(f"{int(day):02d}")
    return "-".join(parts)


def _number(word: str | None) -> str:
    if not word:
        return ""
    if word.isdigit():
        return word
    return str(_NUM_WORDS.get(word.lower(), "")) if word.lower() in _NUM_WORDS else "few"


def scope_markers(text: str) -> tuple[str, ...]:
    """Normalised scope markers found in ``text`` (sorted, deduplicated)."""
    found: set[str] = set()
    used: list[tuple[int, int]] = []
    low = text.lower()
    present = {word for word in _ALL_TRIGGERS if word in low}

    def add(marker: str, m: re.Match[str]) -> None:
        found.add(marker)
        used.append(m.span())

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in used)

    for m in _scan(_SINCE_DATE, text, present):
        add("since:" + _date(m.group(3), m.group(1)), m)
    for m in _scan(_SINCE_EVENT, text, present):
        if m.group(1) or m.group(2):
            add("since:" + _date(m.group(2), m.group(1)), m)
    for m in _scan(_SINCE_MONTH, text, present):
        if free(m):
            add("since:" + _date(None, m.group(2), m.group(3) or m.group(1)), m)
    for m in _scan(_SINCE_OTHER, text, present):
        if free(m):
            add("cumulative", m)
    for m in _scan(_SPAN, text, present):
        add(f"period:{m.group(1)}..{m.group(2)}", m)
    for m in _scan(_SPAN_DASH, text, present):
        if free(m):
            end = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
            add(f"period:{m.group(1)}..{end}", m)
    for m in _scan(_ASOF, text, present):
        if free(m):
            add("asof:" + _date(m.group(3), m.group(1), m.group(2)), m)
    for m in _scan(_PERIOD, text, present):
        if free(m):
            add("period:" + _date(m.group(2), m.group(1)), m)
    for m in _scan(_YEAR_EVENT, text, present):
        if free(m):
            add(f"period:{m.group(1)}", m)
    for m in _scan(_QUARTER, text, present):
        q = _QUARTERS.get((m.group(1) or "").lower()) or int(m.group(3)[1])
        year = m.group(2) or m.group(4)
        add(f"period:{year + '-' if year else ''}q{q}", m)
    for m in _scan(_PERIOD_MONTH, text, present):
        if free(m):
            add("period:" + _date(None, m.group(1)), m)
    for m in _scan(_TRAILING, text, present):
        add(f"past:{_number(m.group(1)) or '1'}{_UNIT[m.group(2).lower()][1]}", m)
    for m in _scan(_ASOF_DAY, text, present):
        add(f"asof:{m.group(1).lower()}", m)
    for m in _scan(_TOTAL, text, present):
        add("cumulative", m)
    for m in _scan(_PAST, text, present):
        which = "next" if m.group(1).lower() in ("next", "coming") else "past"
        n, (default, unit) = _number(m.group(2)), _UNIT[m.group(3).lower()]
        if default and n in ("", "1"):
            n = default
        elif default and n.isdigit():
            n = str(int(n) * int(default))
        add(f"{which}:{n or '1'}{unit}", m)
    for m in _scan(_RELATIVE, text, present):
        if free(m):
            which = "last" if m.group(1).lower() in ("last", "past") else "this"
            add(f"period:{which}-{m.group(2).lower()}", m)
    for m in _scan(_ON_DAY, text, present):
        day = m.group(1).lower() if m.group(1) else _date(m.group(4), m.group(2), m.group(3))
        add(f"date:{day}", m)
    for m in _scan(_CHANGE_OVER, text, present):
        unit = (m.group(1) or m.group(2) or m.group(3)).lower()
        add(f"per-{unit}" if unit != "quarter" else "per-quarter", m)
    for m in _scan(_RATE, text, present):
        if free(m):
            unit = _RATE_UNIT.get((m.group(1) or "").lower()) or {
                "monthly": "month", "weekly": "week", "daily": "day"
            }.get(m.group(2).lower(), "year")
            add(f"per-{unit}", m)
    for pattern, marker in ((_CURRENT, "current"), (_CUMULATIVE, "cumulative"), (_PEAK, "peak")):
        for m in _scan(pattern, text, present):
            if free(m):
                add(marker, m)
    for pattern, group in _SUBPOP:
        if not present.isdisjoint(_SUBPOP_TRIGGERS[group]) and pattern.search(text):
            found.add(f"subpop:{group}")
    for m in _scan(_ONLY, text, present):
        add(f"subpop:{(m.group(1) or m.group(2)).lower()}", m)
    for m in _scan(_AGED_RANGE, text, present):
        add(f"subpop:aged-{m.group(1)}-{m.group(2)}", m)
    for m in _scan(_AGED_OVER, text, present):
        if free(m):
            add(f"subpop:aged-{next(g for g in m.groups() if g)}+", m)
    for pattern, place in _REGION_WORDS:
        if not present.isdisjoint(_REGION_TRIGGERS[place]) and pattern.search(text):
            found.add(f"region:{place}")
    for m in (*_REGION_NAME.finditer(text), *_REGION_KIND_AFTER.finditer(text)):
        name = m.group(1)
        words = name.split()
        if strip_possessive(words[0].lower().strip(".")) in NOT_NAMES or _YEAR_RE.fullmatch(words[0]):
            continue
        if words[-1].lower() in _INSTITUTIONS:
            continue  # "in Congress", "in the European Parliament", "in The Lancet": not a place
        found.add("region:" + strip_possessive(name.lower()))
    return tuple(sorted(found))
