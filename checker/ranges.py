"""Ranges: two numbers joined into one figure ("5-10", "$10 to $15 billion", "between 20 and 30",
"from 4.8 to 4.7 percent"), before units and hedges attach (:func:`checker.numbers.find_numbers`
calls :func:`join_ranges`; ranges whose first end has its own unit are joined later, in
:mod:`checker.extract`).
"""

from __future__ import annotations

import re

from checker.figure import SCALES, Figure, is_year_like, parse_digits, parse_spelled
from checker.semantics import MOVED_RE
from checker.units import MEASURE_WORD_RE

_TIGHT_SEP_RE = re.compile(r"\s?[-–—]\s?")
# "5 to 10", "5-10", "10- to 15-year" (a suspended hyphen before the word)
_RANGE_SEP_RE = re.compile(r"\s*(?:[-–—]|(?:[-–]\s*)?\b(?:to|and|or|through)\b-?)\s*"
                           r"(?:(?:just|only|a\s+mere)\s+)?", re.IGNORECASE)
_LEAD_RE = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)
_LABEL_RE = re.compile(r"(?:\bno\.|\bnos?\.|#)\s*$", re.IGNORECASE)  # "No. 10 to 200 reporters": a label
_RANGE_WORDS_RE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|anywhere)\b[^.;]{0,40}$", re.IGNORECASE)


def join_ranges(text: str, figs: list[Figure], tight: bool) -> list[Figure]:
    """Join 'A-B' (tight pass) then 'A to B', 'between A and B', 'from A to B' into one figure."""
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            joined = _join(text, a, figs[i + 1], tight)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _join(text: str, a: Figure, b: Figure, tight: bool) -> Figure | None:
    if a.kind != "number" or b.kind != "number" or a.value is None or b.value is None:
        return None
    if a.hedge != "exact" or b.hedge != "exact" or _LABEL_RE.search(text, max(0, a.start - 5), a.start):
        return None
    sep = (_TIGHT_SEP_RE if tight else _RANGE_SEP_RE).fullmatch(text, a.end, b.start)
    if sep is None:
        return None
    if tight and sep.group() == "-" and not (a.unit or b.unit) and a.raw.isdigit() and b.raw.isdigit() \
            and a.value >= b.value and len(a.raw) <= 3 and len(b.raw) <= 3:
        return Figure(a.start, b.end, None, kind="score", num_start=a.num_start, num_end=b.num_end, raw=a.raw)
    word = (sep.group().split() or [""])[0].lower()  # "to" in "to just"
    if len(word) == 1 and len(sep.group().split()) > 1:
        word = sep.group().split()[1].lower()  # "to" in "10- to 15-year"
    lead = _LEAD_RE.search(text, max(0, a.start - 10), a.start)
    lead_word = lead.group(1).lower() if lead else ""
    if word == "and" and lead_word != "between":
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    if a.unit and not b.unit and a.dimension != "currency":
        return None
    if is_year_like(a) != is_year_like(b):
        return None  # "in 2018 to 3.9 million" is not a range
    if word == "or" and (a.unit or a.has_sep or a.value >= b.value):
        return None
    av, bv = a.value, b.value
    if b.has_mult and not a.has_mult and not a.has_sep and a.spelled == b.spelled:
        b_raw = _raw_value(b)
        if b_raw and abs(av) < b_raw:
            av = av * (b.value / b_raw)  # a shared multiplier: "$10 to $15 billion"
    shared_unit = a.unit is None and (b.unit is not None or MEASURE_WORD_RE.match(text, b.end))
    if word == "to" and not shared_unit \
            and change_then_level(text, a.start, av, bv, moved=b.unit == a.unit and av == a.value):
        return None  # "rise by 0.3 to 1 metre" is a range: the unit is written once
    from_to = lead_word == "from" and word == "to" and not _RANGE_WORDS_RE.search(text, max(0, a.start - 60),
                                                                                   a.start)
    if not from_to and av >= bv:
        return None  # "2-0", "89-89", "110 JPY to 1 USD" are not ranges
    fig = Figure(a.start, b.end, None, min(av, bv), max(av, bv), hedge="range", num_start=a.num_start,
                 num_end=b.num_end, raw=a.raw, has_sep=a.has_sep or b.has_sep, has_mult=b.has_mult,
                 spelled=a.spelled and b.spelled)
    fig.unit = b.unit or a.unit
    fig.dimension = b.dimension if b.unit else a.dimension
    fig.years = is_year_like(a) and is_year_like(b)
    fig.sem = sorted(set(a.sem) | set(b.sem))
    if av != a.value:
        fig.sem.append("shared-multiplier")
    if from_to and lead is not None:
        fig.sem.append("from-to")
        fig.trend = "up" if bv > av else "down" if bv < av else None
        fig.start = lead.start()
    else:
        fig.sem.append("range")
        if lead is not None:
            fig.start = lead.start()
    return fig


_BY_RE = re.compile(r"\bby\s+$")


def change_then_level(text: str, start: int, av: float, bv: float, moved: bool = True) -> bool:
    """'increased by $43.6 billion to $419.2 billion', 'unemployment rose 0.2% to 4.1%', 'the toll rose
    12 to 340': 'A to B' after 'by' (or, when ``moved``, right after a trend word) with B more than three
    times A is a change, then the level reached, not a range ('rise 3% to 5%' is a range)."""
    if not bv > 3 * av > 0:
        return False
    if _BY_RE.search(text[max(0, start - 4):start]):
        return True
    return moved and MOVED_RE.search(text, max(0, start - 12), start) is not None


def _raw_value(f: Figure) -> float | None:
    if f.spelled:
        words = re.findall(r"[A-Za-z]+", f.raw.lower())
        while len(words) > 1 and words[-1] in (*SCALES, "hundred"):
            words.pop()
        return parse_spelled(words)
    try:
        return parse_digits(f.raw)
    except ValueError:
        return None
