"""What a figure counts or measures: the unit after the number.

A measurement unit from the project's tables (units.py), a rate ("a month", "per share"), an age
("2,900-year-old"), or for counts the counted noun ("seven Chinese officials" -> "officials").
An unknown unit token right after the digits ("1.3 A/cm2") is handed to quantulum3, imported lazily,
for that window only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.numbers import Figure
from checker.semantics import ROWS
from checker.units import (
    ABBREV_RE,
    ABBREVIATIONS,
    COUNT_STOP,
    GLUED_ONLY,
    GLUED_RE,
    MEASURE_WORD_RE,
    MEASURE_WORDS,
    SPACED_SINGLE,
    SPACED_SINGLE_RE,
    compound_noun,
    is_plural,
    words,
)

_AGE_UNIT_RE = re.compile(r"[\s-]*(year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)
_FRACTION_OF_RE = re.compile(r"\s+of\s+(?:an?\s+)?(?:[A-Z]\w*\s+)?([a-z]+)\b")
_GLUED_UNKNOWN_RE = re.compile(r"[A-Za-zµμ°Ω′″/][\w/µμ°·²³-]{0,7}")
_SPACED_UNKNOWN_RE = re.compile(r" ((?:[A-Za-zµμΩ]{1,4}/[A-Za-z]{1,4}\d?)|(?:[A-Za-zµμΩ]{1,4}\d))(?![\w/])")
# "$120 a week on food" is a rate; "a year earlier", "a week ago", "a year on, ..." are times
_PER_RE = re.compile(r"(?i:[\s-]*(/|\bper\b|\ba\b|\ban\b)[\s-]*(square\s+\w+|sq\s+\w+|cubic\s+\w+|[A-Za-z]+))"
                     r"(?![\w-]*\s+(?i:earlier|ago|later|before|after)\b)(?![\w-]*\s+(?i:on)\b(?!\s+[a-z]))")
_PER_NOUNS = words("""dozen
    share shares barrel gallon ounce gram kilogram kilo tonne ton pound head person capita month year
    day week hour minute night room unit bottle pack litre liter kg lb mile km
""")
_MODEL_NUMBER_RE = re.compile(r"[ \t]+\d{2,4}(?=[ \t]+[A-Z][A-Za-z]*\b)")  # "737 Max", "737 MAX"
_NOUN = r"(?!(?:in|on|at|for|over|during|within|by|to|from|each|every|the|a|an|and|or)\b)[A-Za-z][\w-]*"
_OF_NOUN_RE = re.compile(rf"\s+of\s+(?:{_NOUN}\s+){{0,2}}{_NOUN}(?=\s+(?:a|an|per)\s)", re.IGNORECASE)
_COMPARATIVE_TIMES_RE = re.compile(r"\s+(?:as|the|that|more|less|higher|lower|larger|bigger|smaller|greater|"
                                   r"faster|slower|longer|over)\b", re.IGNORECASE)
_PART_OF_RE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w.&-]*['’]s|"
                         r"the\s+[\w-]+['’]s)(?=\s)")
# a word that bounds a figure ("2024 exceeds", "500 surpasses") is never its counted noun
_BOUND_WORDS = frozenset(w for r in ("more-than", "less-than") for w in ROWS[r].words if w.isalpha())
_COMPOUND_RE = re.compile(r"-([a-z]+)\b(?![-'’])")
_PER_SYNONYMS = {"annum": "year", "capita": "person", "head": "person"}
# a word of a counted-noun phrase; a name with a number glued by a hyphen ("COVID-19") is one word
_WORD_RE = re.compile(r"[ \t]+([A-Za-z][\w'’&]*(?:(?:-|\s-)(?:[A-Za-z][\w'’&]*|\d+\b))*)")


def attach_unit(text: str, fig: Figure, hi: int) -> None:
    """Measurement unit, rate ('per share') or the counted noun after a figure."""
    if fig.dimension in ("currency", "percent"):
        _per(text, fig, hi)
        return
    if fig.dimension == "ratio":
        return  # "tenfold" carries its unit
    e = fig.end
    old = _AGE_UNIT_RE.match(text, e, hi)
    if old:
        fig.unit, fig.dimension, fig.end = f"{old.group(1).lower()} of age", "measure", old.end()
        return
    times = re.match(r"\s+times\b", text[e:hi])
    fold = re.match(r"[\s-]fold\b", text[e:hi])
    if fold and fig.value is not None:
        fig.unit, fig.dimension, fig.end = "times", "ratio", e + fold.end()  # "a 12-fold rise"
        return
    comparative = times and _COMPARATIVE_TIMES_RE.match(text, e + times.end(), hi)
    if times and fig.value is not None and (not fig.spelled or comparative):
        fig.unit, fig.dimension = "times", "ratio"  # "6.5 times earnings", "three times higher"
        return
    glued = e < hi and text[e].isalpha() or (e < hi and text[e] in "°º″µμ")
    unit = None
    m = None
    if glued:
        m = ABBREV_RE.match(text, e, hi)
        if m and m.group().startswith((" ", "-")):
            m = None
        if m:
            unit = ABBREVIATIONS[m.group(1)]
        else:
            m = GLUED_RE.match(text, e, hi)
            if m:
                unit = GLUED_ONLY[m.group(1)]
        if m is None:
            m = MEASURE_WORD_RE.match(text, e, hi)
            unit = MEASURE_WORDS[re.sub(r"[\s-]+", " ", m.group(1).lower())] if m else None
        if m is None:
            unit = _quantulum_unit(text, fig, hi)
            if unit:
                fig.sem.append("quantulum3")
                fig.dimension = "measure"
                fig.unit = unit
            return
    else:
        if fig.kind == "vague" or fig.has_mult:
            of = re.match(r"\s+of\b", text[e:hi])
            if of:
                e2 = e + of.end()
                m = MEASURE_WORD_RE.match(text, e2, hi)
                if m:
                    unit = _measure_name(m.group(1))
        if m is None:
            m = MEASURE_WORD_RE.match(text, e, hi)
            if m:
                unit = _measure_name(m.group(1))
        if m is None:
            m = ABBREV_RE.match(text, e, hi)
            if m and m.group(1) in ("min", "sec", "hr", "PS", "in.", "ft", "mi", "kt"):
                # spaced "45 min", "2 hr" only when the phrase ends there ("5 mi" or "in." could be words)
                ends = m.group(1) in ("min", "sec", "hr") \
                    and re.match(r"(?:[\s,;:)]|\.(?!\w)|$)", text[m.end():m.end() + 2])
                m = m if m.group(1) in ("PS", "ft") or ends else None
            unit = ABBREVIATIONS[m.group(1)] if m else None
        if m is None:
            m = SPACED_SINGLE_RE.match(text, e, hi)
            unit = SPACED_SINGLE[m.group(1)] if m else None
        if m is None and _SPACED_UNKNOWN_RE.match(text, e, hi):
            unit = _quantulum_unit(text, fig, hi, spaced=True)
            if unit:
                fig.sem.append("quantulum3")
                fig.unit, fig.dimension = unit, "measure"
                return
    if m is not None and unit is not None:
        fig.unit, fig.dimension = unit, "measure"
        fig.end = m.end()
        _per(text, fig, hi)
        if " per " not in fig.unit:
            of = _OF_NOUN_RE.match(text, fig.end, hi)  # "1.2 million barrels of crude oil a day"
            if of:
                _per(text, fig, hi, of.end(), extend=False)
        return
    _counted(text, fig, hi)


def _measure_name(surface: str) -> str:
    return MEASURE_WORDS[re.sub(r"[\s-]+", " ", surface.lower())]


def _per(text: str, fig: Figure, hi: int, unit_end: int | None = None, extend: bool = True) -> None:
    """'$3,500 a month', '$21.25 per square foot', 'cents per share', '11 feet per century'."""
    pos = fig.end if unit_end is None else unit_end
    m = _PER_RE.match(text, pos, hi)
    if not m:
        return
    word = re.sub(r"\s+", " ", m.group(2).lower())
    connector = m.group(1).lower()
    name = MEASURE_WORDS.get(word) or ABBREVIATIONS.get(m.group(2)) or _PER_SYNONYMS.get(word)
    if name is None and (word in _PER_NOUNS or (connector == "per" and word not in COUNT_STOP)):
        name = word
    if name is None:
        return
    fig.unit = f"{fig.unit} per {name}"
    if extend:
        fig.end = m.end()


def rate_after(text: str, pos: int, hi: int) -> str | None:
    """The rate named right after ``pos`` ("a year", "per share"), or None."""
    probe = Figure(pos, pos, 0.0, unit="x")
    _per(text, probe, hi)
    return probe.unit[len("x per "):] if probe.unit != "x" else None


def _counted(text: str, fig: Figure, hi: int) -> None:
    """For counts: the counted noun after the number ("seven Chinese officials" -> "officials"), or the
    noun it is compounded with ("a six-cylinder engine" -> "cylinder")."""
    pos = fig.end
    compound = _COMPOUND_RE.match(text, pos, hi)
    if compound and compound_noun(compound.group(1)):
        fig.unit, fig.end = compound.group(1), compound.end()
        return
    of = re.match(r"\s+of\b", text[pos:hi]) if (fig.kind == "vague" or fig.has_mult) else None
    if of is None and fig.value != 1:
        of = _PART_OF_RE.match(text[pos:hi])  # "about 300 of the company's workers"
    if of:
        pos += of.end()
    words: list[str] = []
    for _ in range(4):
        m = _WORD_RE.match(text, pos, hi)
        if not m:
            model = _MODEL_NUMBER_RE.match(text, pos, hi)
            if model is None or fig.value == 1:
                break
            pos = model.end()  # "two new 737 Max jets": a model number inside the counted-noun phrase
            continue
        w = m.group(1)
        lw = w.lower()
        if lw == "and" and words and _plural_ahead(text, m.end(), hi):
            pos = m.end()  # "Kia and Hyundai vehicles", "digital and physical sales"
            continue
        if lw in COUNT_STOP or lw in _BOUND_WORDS or (lw.endswith("ly") and len(lw) > 4) \
                or (words and lw.endswith("ing")):
            break
        if lw.endswith("ed") and not words and not w[0].isupper() and not _next_is_plural(text, m.end(), hi):
            break
        words.append(w)
        pos = m.end()
        if fig.value == 1 and fig.hedge == "exact":
            if not w[0].isupper():
                fig.unit, fig.unit_end = w, pos
            return
        if is_plural(w) and not (w[0].isupper() and len(words) < 4 and _next_is_plural(text, pos, hi)):
            fig.unit = w
            fig.unit_end = pos
            _per(text, fig, hi, pos, extend=False)
            return


def _plural_ahead(text: str, pos: int, hi: int) -> bool:
    """Within the next two words, before any function word, a plural noun."""
    for _ in range(2):
        m = _WORD_RE.match(text, pos, hi)
        if not m or m.group(1).lower() in COUNT_STOP:
            return False
        if is_plural(m.group(1)):
            return True
        pos = m.end()
    return False


def _next_is_plural(text: str, pos: int, hi: int) -> bool:
    m = _WORD_RE.match(text, pos, hi)
    return bool(m and is_plural(m.group(1)) and m.group(1).lower() not in COUNT_STOP)


@lru_cache(maxsize=1)
def _quantulum_parser():  # type: ignore[no-untyped-def]
    from quantulum3 import parser  # imported only when a span needs it (slow to load)

    return parser


def _quantulum_unit(text: str, fig: Figure, hi: int, spaced: bool = False) -> str | None:
    """Ask quantulum3 about an unknown unit after the digits ("5kJ/mol", "1.3 A/cm2"): only the window
    from the number to the end of the unknown token is parsed."""
    m = (_SPACED_UNKNOWN_RE if spaced else _GLUED_UNKNOWN_RE).match(text, fig.end, hi)
    if not m:
        return None
    window = text[fig.num_start:m.end()]
    try:
        found = _quantulum_parser().parse(window)
    except Exception:  # noqa: BLE001 - quantulum3 fails on odd input; the figure keeps no unit
        return None
    for q in found:
        name = getattr(q.unit, "name", "dimensionless")
        if name and name != "dimensionless" and q.span[0] <= fig.num_end - fig.num_start:
            fig.end = fig.num_start + q.span[1] if fig.num_start + q.span[1] > fig.end else fig.end
            return str(name)
    return None


def attach_fraction_unit(text: str, fig: Figure, hi: int) -> None:
    """'1/16 of a pint', 'a third of a mile', '1/4 mile': a fraction of a measurement unit takes that
    unit."""
    of = _FRACTION_OF_RE.match(text, fig.end, hi)
    if of and of.group(1).lower() in MEASURE_WORDS:
        fig.unit, fig.dimension = MEASURE_WORDS[of.group(1).lower()], "measure"
        return
    slash = "/" in text[fig.start:fig.end] or "⁄" in text[fig.start:fig.end]
    m = MEASURE_WORD_RE.match(text, fig.end, hi) if slash else None
    if m:
        fig.unit, fig.dimension, fig.end = _measure_name(m.group(1)), "measure", m.end()
