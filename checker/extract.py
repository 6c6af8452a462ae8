"""Extraction: the numeric claims of an article, as :class:`~checker.model.Claim` records.

``extract_article`` is a pure function of the article. Per sentence (``context.sentence_spans``):
:func:`checker.numbers.find_numbers` reads the numbers; :mod:`checker.semantics` applies hedges and
trends; this module drops what is not a claim (dates, years, times, ages, ordinals, numbers inside
names, page debris), attaches the unit (measurement unit, or the counted noun for counts), and asks
:func:`checker.context.describe` what the figure measures and who gives it. Spans the grammar cannot
give a unit to (an unknown abbreviation glued to the digits) go to quantulum3, imported lazily.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from functools import lru_cache

from checker import context
from checker.model import Article, Claim
from checker.numbers import Figure, find_numbers, is_year_like
from checker.semantics import ROWS, TREND_WORD_RE, apply_hedges, apply_suffix_hedge, apply_trend, interval
from checker.units import (
    ABBREV_RE,
    ABBREVIATIONS,
    GLUED_ONLY,
    GLUED_RE,
    MEASURE_WORD_RE,
    MEASURE_WORDS,
    SPACED_SINGLE,
    SPACED_SINGLE_RE,
    is_plural,
)

_DETERMINER_RE = re.compile(r"\b(?:the|all|both|top|bottom|last|first|final|those|these|other)\s+$",
                            re.IGNORECASE)
_HEDGE_ROW_IDS = ("approx", "average", "nearly", "more-than", "at-least", "plus", "less-than", "at-most")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_YEARLY_NOUNS = _words("""sales revenues earnings profits results figures elections games olympics levels
    prices numbers estimates budgets accounts models editions seasons exceeds""")
_TIME_UNITS = _words("year years month months week weeks day days hour hours minute minutes decade century")


_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTHS}\.?\s+(?:the\s+)?$", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b", re.IGNORECASE)
_NON_CLAIM_SPANS_RE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"  # times
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times, "4:39 left"
    r"|\b\d{1,4}([/.-])\d{1,2}\1\d{1,4}\b"  # dates 22/03/2021, 2021-03-22
    r"|\b\d{1,3}[-–]\d{1,3}\b(?=\s+(?:win|victory|defeat|loss|lead|draw|down|up)\b)",  # scores
    re.IGNORECASE,
)
_IDENTIFIER_RE = re.compile(r"(?<![\d,.])\d{9,}(?![\d,.])")
_DEBRIS_TOKEN_RE = re.compile(r"[\s_-]*(?:\d+|[A-Za-z]{1,2})(?![A-Za-z\d])")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_YEAR_BEFORE_RE = re.compile(
    r"\b(?:in|since|by|from|until|till|to|of|during|before|after|the|early|late|mid|end|year|fiscal|"
    r"season|summer|winter|spring|autumn|fall|circa|around|and|or|between|through|'s|’s)[\s-]+$",
    re.IGNORECASE,
)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged?|ages|age\s+of|turns?|turned|turning)\s+$", re.IGNORECASE)
_APPOSITIVE_AGE_RE = re.compile(r"[A-Z][\w'’.-]+,\s*$")
_AGE_UNIT_RE = re.compile(r"[\s-]*(year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)
_FRACTION_OF_RE = re.compile(r"\s+of\s+(?:an?\s+)?(?:[A-Z]\w*\s+)?([a-z]+)\b")
_YEAR_OLD_RE = re.compile(r"[\s-]*(?:years?|months?|weeks?|days?)[\s-]+old\b", re.IGNORECASE)
_NAME_PREFIX_RE = re.compile(r"(?:(?<=\s)|^)([A-Za-z&][\w&.'’]*)[ \t]+$")
_HYPHEN_NAME_RE = re.compile(r"[A-Za-z][-–]\s?$")
_NUMBER_SIGN_RE = re.compile(
    r"(?:\bno\.|\bnos?\.|#|\b(?:number|group\s+of|version|v\.?|page|p\.|pp\.|category|grade|level|phase|"
    r"stage|article|section|chapter|round|tier|class|type|size|row|seat|gate|platform|route|flight|room|"
    r"highway|interstate|exit))\s*$",
    re.IGNORECASE,
)
_ONE_OF_RE = re.compile(r"\s+of\s+(?:the|his|her|its|their|our|my|your|those|these|them|us|many|several|"
                        r"few|\d)\b", re.IGNORECASE)
_ADDRESS_RE = re.compile(r"\s+(?:[A-Z0-9][\w.]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive|"
                         r"Boulevard|Blvd|Place|Court|Square|Highway|Hwy)\b\.?")
_NOT_NAME_WORDS = _words("""
    about around roughly approximately some nearly almost over under more than less fewer least most up
    to as the a an and or but of in on at by for from with into onto since until between among during
    after before all only just some every each those these their its his her our my your total totaling
    totalling reached reach reaches hit hits top tops topped was were is are be been being has have had
    do does did will would could should may might must can than then also nearly even still another just
    barely exactly precisely estimated additional extra further another first last next past rose fell
    up down gained lost added dropped jumped climbed slid plunged increased decreased grew cut shed
    raised raising paid pay pays costs cost worth spent spend sold buy bought employs employ had said
    says say told shows show showed found find saw see seen got get gets took take takes made make makes
    killed kill wounded injured arrested held hold holds detained sentenced fined sanctioned sanctioning
    imposed includes including included include another nearly approx
""")
_COUNT_STOP = _words("""
    a an the of in on at by for from with to into onto since until between among during after before and
    or but nor so yet than as per that which who whom whose when where while if because although though
    this these those it its their his her our my your there here is are was were be been being am has
    have had do does did will would could should may might must can cannot not no also only just even
    still more less most least very too each every all some any both either neither such other said says
    say told according including include includes included ago later earlier before after about around
    over under up down out off than times time percent per cent against across along around behind below
    beneath beside besides beyond inside outside through throughout toward towards upon within without
    via like unlike near next
""")
_GLUED_UNKNOWN_RE = re.compile(r"[A-Za-zµμ°Ω′″/][\w/µμ°·²³-]{0,7}")
_SPACED_UNKNOWN_RE = re.compile(r" ((?:[A-Za-zµμΩ]{1,4}/[A-Za-z]{1,4}\d?)|(?:[A-Za-zµμΩ]{1,4}\d))(?![\w/])")
_PER_RE = re.compile(r"[\s-]*(/|\bper\b|\ba\b|\ban\b)[\s-]*(square\s+\w+|sq\s+\w+|cubic\s+\w+|[A-Za-z]+)"
                     r"(?![\w-]*\s+(?:earlier|ago|later|before|after|on)\b)", re.IGNORECASE)
_PER_NOUNS = _words("""dozen
    share shares barrel gallon ounce gram kilogram kilo tonne ton pound head person capita month year
    day week hour minute night room unit bottle pack litre liter kg lb mile km
""")
_WORD_RE = re.compile(r"[ \t]+([A-Za-z][\w'’&]*(?:-[A-Za-z][\w'’&]*)*)")
_PERSON_WORDS = _words("""
    man woman boy girl child son daughter mother father baby player student driver resident girlfriend
    boyfriend wife husband brother sister patient victim suspect teenager teen
""")


def extract_article(article: Article) -> tuple[Claim, ...]:
    """The claims of one article, sorted by start; offsets index ``article.text``."""
    text = article.text
    lo = min(max(article.body_start, 0), len(text))
    debris = _debris_spans(text, lo)
    line_starts = _line_starts(text)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for s_start, s_end in context.sentence_spans(text, lo, len(text)):
        for fig in _figures(text, s_start, s_end, debris):
            claims.append(_claim(article, fig, s_start, s_end, line_starts, seen))
    claims.sort(key=lambda c: (c.start, c.end))
    return tuple(claims)


def extract_text(text: str, article: str = "") -> list[Claim]:
    """The claims of a bare text (a sentence or a paragraph); for tests and the benchmark."""
    return list(extract_article(Article(id=article, path=article, text=text)))


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _claim(article: Article, fig: Figure, s_start: int, s_end: int, line_starts: list[int],
           seen: dict[str, int]) -> Claim:
    text = article.text
    sentence = text[s_start:s_end]
    figure_text = text[fig.start:fig.end]
    norm = " ".join(sentence.split())
    digest = hashlib.sha1(f"{article.id}\x00{norm}\x00{figure_text}".encode()).hexdigest()[:10]
    base = "c" + digest
    seen[base] = seen.get(base, 0) + 1
    cid = base if seen[base] == 1 else f"{base}-{seen[base]}"
    ctx = context.describe(text, s_start, s_end, fig.start, fig.end, fig.unit, fig.dimension)
    sem = list(dict.fromkeys(fig.sem))
    if fig.hedge == "exact" and not any(s in sem for s in ("fraction",)):
        sem.insert(0, "exact")
    return Claim(
        id=cid,
        article=article.id,
        line=bisect.bisect_right(line_starts, fig.start),
        start=fig.start,
        end=fig.end,
        text=figure_text,
        value=fig.value,
        low=fig.low,
        high=fig.high,
        hedge=fig.hedge,
        trend=fig.trend,
        unit=fig.unit,
        dimension=fig.dimension,
        entity=ctx.entity,
        attribution=ctx.attribution,
        sentence=sentence,
        sentence_start=s_start,
        semantics=tuple(sem),
        scope=ctx.scope,
        predicate=ctx.predicate,
        context=ctx.context,
    )


def _debris_spans(text: str, lo: int) -> list[tuple[int, int]]:
    """Runs of identifiers (a 9+ digit run without separators, and the short tokens around it)."""
    spans = []
    for m in _IDENTIFIER_RE.finditer(text, lo):
        s, e = m.start(), m.end()
        while True:
            nxt = _DEBRIS_TOKEN_RE.match(text, e)
            if not nxt or "\n" in nxt.group():
                break
            e = nxt.end()
        spans.append((s, e))
    return spans


def _figures(text: str, lo: int, hi: int, debris: list[tuple[int, int]]) -> list[Figure]:
    blocked = [(m.start(), m.end()) for m in _NON_CLAIM_SPANS_RE.finditer(text, lo, hi)] + debris
    out = []
    for fig in find_numbers(text, lo, hi):
        if any(fig.num_start < b and fig.num_end > a for a, b in blocked):
            continue
        if _not_a_claim(text, fig, lo, hi):
            continue
        year_like = is_year_like(fig)
        apply_hedges(text, fig, lo, hi)
        apply_trend(text, fig, lo)
        if fig.kind != "fraction":
            _attach_unit(text, fig, hi)
            apply_suffix_hedge(text, fig, hi)
        else:
            of = _FRACTION_OF_RE.match(text, fig.end, hi)
            if of and of.group(1).lower() in MEASURE_WORDS:
                fig.unit, fig.dimension = MEASURE_WORDS[of.group(1).lower()], "measure"
        if fig.dimension == "count" and (_bare_one(text, fig) or _in_name(text, fig, lo)):
            continue
        if year_like and fig.hedge == "exact" and fig.dimension == "count" and _year_context(text, fig, lo):
            continue
        if out and fig.start < out[-1].end:
            continue  # already read as part of the previous figure ("64.2 cents a dozen")
        out.append(fig)
    return _partitives(text, _conversions(text, _join_with_units(text, _dollars_and_cents(text, out))))


_AND_RE = re.compile(r"\s+(?:and\s+)?")


def _dollars_and_cents(text: str, figs: list[Figure]) -> list[Figure]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents' are one amount."""
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if prev is not None and prev.dimension == "currency" and fig.unit == "cent" \
                and prev.value is not None and fig.value is not None and fig.value < 100 \
                and prev.hedge == fig.hedge == "exact" and _AND_RE.fullmatch(text, prev.end, fig.start):
            prev.value = prev.low = prev.high = prev.value + fig.value / 100
            prev.end = fig.end
            continue
        out.append(fig)
    return out


_PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|a|an|its|their|his|her|our)\s+")


def _partitives(text: str, figs: list[Figure]) -> list[Figure]:
    """'280 million of the 1.5 billion shekels': the part takes the unit of the whole."""
    for a, b in zip(figs, figs[1:], strict=False):
        if a.unit is None and b.unit and b.dimension in ("currency", "measure") \
                and _PARTITIVE_RE.fullmatch(text, a.end, b.start):
            a.unit, a.dimension = b.unit, b.dimension
    return figs


_CONVERSION_GAP_RE = re.compile(r"\s*\(\s*")
_CONVERSION_NEXT_RE = re.compile(r"\s*[/;,]\s*")


def _conversions(text: str, figs: list[Figure]) -> list[Figure]:
    """A figure in brackets right after another is a conversion of it: '10.5 million Australian
    dollars ($7.5 million)', 'more than 7.5 million Danish crowns (US $1.1 million)': it inherits the
    hedge and trend of the figure it converts."""
    source: Figure | None = None
    for prev, fig in zip(figs, figs[1:], strict=False):
        if _CONVERSION_GAP_RE.fullmatch(text, prev.end, fig.start):
            source = prev
        elif source is None or not _CONVERSION_NEXT_RE.fullmatch(text, prev.end, fig.start):
            source = None
            continue
        if fig.hedge == "exact" and fig.value is not None and source.hedge not in ("exact", "range", "vague"):
            row = next((r for r in reversed(source.sem) if r in _HEDGE_ROW_IDS), None)
            if row is not None:
                fig.hedge = source.hedge
                fig.value, fig.low, fig.high = interval(ROWS[row].rule, fig.value)
                fig.sem.append(row)
        if fig.trend is None and source.trend is not None and "from-to" not in source.sem:
            fig.trend = source.trend
            fig.sem.append("trend-up" if source.trend == "up" else "trend-down")
    _elliptical_trends(text, figs)
    return figs


_ELLIPSIS_GAP_RE = re.compile(r"[^.;:!?()]{0,60},\s+(?:and\s+)?[\w’'&. -]{1,40}\s+by\s+")


def _elliptical_trends(text: str, figs: list[Figure]) -> None:
    """'Retailers were down 2.3%, Burlington by 2.6%': a 'by' figure whose verb was left out takes the
    trend of the figure before it."""
    for prev, fig in zip(figs, figs[1:], strict=False):
        if fig.trend is None and prev.trend is not None and "from-to" not in prev.sem \
                and _ELLIPSIS_GAP_RE.fullmatch(text, prev.end, fig.start) \
                and not TREND_WORD_RE.search(text, prev.end, fig.start):
            fig.trend = prev.trend
            fig.sem.append("trend-up" if prev.trend == "up" else "trend-down")


_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FROM_GAP_RE = re.compile(r"(?:\s+[^\s,;:()]+){0,4}?\s+to\s+", re.IGNORECASE)
_TO_GAP_RE = re.compile(r"\s*(?:to|[-–])\s*", re.IGNORECASE)


def _join_with_units(text: str, figs: list[Figure]) -> list[Figure]:
    """Ranges whose first end carries its own unit: 'from 252 miles to 287 miles', 'from 208 pounds to
    193', 'from $36,040 at 10.45pm to $34,935' (the grammar joins bare numbers before units attach)."""
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            b = figs[i + 1]
            joined = _unit_range(text, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _unit_range(text: str, a: Figure, b: Figure) -> Figure | None:
    if a.kind != "number" or b.kind != "number" or a.hedge != "exact" or b.hedge != "exact":
        return None
    if a.value is None or b.value is None or a.dimension not in ("measure", "currency"):
        return None
    if b.unit is not None and b.unit != a.unit:
        return None
    lead = _FROM_RE.search(text, max(0, a.start - 6), a.start)
    if lead is not None:
        if not _FROM_GAP_RE.fullmatch(text, a.end, b.start):
            return None
    elif not (_TO_GAP_RE.fullmatch(text, a.end, b.start) and a.value < b.value):
        return None
    elif re.search(r"\bby\s+$", text[max(0, a.start - 4):a.start]) and b.value > 3 * a.value > 0:
        return None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
    fig = Figure(a.start if lead is None else lead.start(), b.end, None, min(a.value, b.value),
                 max(a.value, b.value), hedge="range", unit=a.unit, dimension=a.dimension,
                 num_start=a.num_start, num_end=b.num_end, raw=a.raw)
    fig.sem = sorted(set(a.sem) | set(b.sem) - {"exact"})
    if lead is not None:
        fig.sem.append("from-to")
        fig.trend = "up" if b.value > a.value else "down" if b.value < a.value else None
    else:
        fig.sem.append("range")
    return fig


def _in_name(text: str, fig: Figure, lo: int) -> bool:
    """'iPhone 14', 'S&P 500', 'Game 7', 'COVID -19': a number after a capitalised word, with no unit."""
    if fig.spelled or fig.has_sep or fig.has_mult or "." in fig.raw or fig.kind != "number":
        return False
    if fig.unit is None and re.match(r" (?!I\b)[A-Z][\w’'&-]*(?![\w’'&-]*s\b)", text[fig.end:fig.end + 30]):
        return True  # "787 Dreamliner", "11 Pro Max", "10 Downing Street"
    before = text[max(lo, fig.start - 30):fig.start]
    name = _NAME_PREFIX_RE.search(before)
    if "negative" in fig.sem and re.search(r"[A-Z]{2,}\s?$", before):
        return True
    return bool(name and _capitalised_name(name.group(1)))


def _bare_one(text: str, fig: Figure) -> bool:
    """A spelled 'one' with nothing counted after it is a pronoun ("no one", "one could"); so is a
    small spelled number after a determiner with nothing counted ("the two met", "the bottom three")."""
    if fig.unit is not None or not fig.spelled or fig.kind != "number" or fig.hedge != "exact":
        return False
    if fig.value == 1:
        return True
    before = text[max(0, fig.start - 12):fig.start]
    return bool(fig.value is not None and fig.value < 100 and _DETERMINER_RE.search(before))


def _not_a_claim(text: str, fig: Figure, lo: int, hi: int) -> bool:
    s, e = fig.num_start, fig.num_end
    before = text[max(lo, s - 30):s]
    after = text[e:min(hi, e + 30)]
    if fig.kind == "vague":
        return False
    if fig.kind == "fraction":
        return False
    if fig.value is None and fig.hedge != "range":
        return True
    raw_digits = fig.raw.replace(",", "").replace(".", "")
    if not fig.spelled and fig.raw.isdigit() and len(fig.raw) >= 9 and fig.unit is None:
        return True  # an identifier (image or file name), not a figure
    if fig.kind == "score" or (fig.years and fig.dimension == "count"):
        return True  # "2-0", "between 2014 and 2017"
    if fig.glued_letters or ("negative" not in fig.sem and _HYPHEN_NAME_RE.search(before)
                             and not re.search(r"\bsub-$", before, re.IGNORECASE)):
        return True  # "S22", "COVID-19", "TA-35"
    if not fig.spelled and _ORDINAL_RE.match(after):
        return True  # "21st", "96th-minute"
    if fig.hedge != "range" and fig.unit is None and not fig.has_mult and raw_digits.isdigit():
        small = fig.value is not None and float(fig.value).is_integer() and 0 < fig.value <= 31
        if small and (_MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after)):
            return True  # "March 11", "22 March"
        if is_year_like(fig) and _MONTH_BEFORE_RE.search(before):
            return True  # "April 2017"
    if not fig.spelled and re.match(r"s\b|['’]s\b", after) and len(fig.raw) <= 4 and fig.unit is None:
        return True  # "the 1990s", "2018's best", "Channel 5s", "in their 20s"
    if fig.unit is None and not fig.has_mult and not fig.has_sep:
        if _AGE_BEFORE_RE.search(before) or (_APPOSITIVE_AGE_RE.search(before) and after.startswith(",")):
            return True  # "aged 45", "Maddon, 66, said"
        if _YEAR_OLD_RE.match(after) and _person_age(after):
            return True  # "a 50-year-old man"
        if _NUMBER_SIGN_RE.search(before) or _ADDRESS_RE.match(after) or re.match(r"\s+ZIP\b", after):
            return True
    if fig.spelled and fig.value == 1 and re.search(r"\b(?:no|any|every|each|some|the|this|that|which|such|"
                                                   r"another|last|the\s+only)\s+$", before, re.I):
        return True  # "no one", "the one", "which one"
    if fig.value == 1 and _ONE_OF_RE.match(after) and fig.unit is None:
        return True  # "one of the best"
    if re.match(r"[A-Za-z]{1,3}\d", after) and not ABBREV_RE.match(after):
        return True  # "24703L202": an identifier
    # "five-year plan", "one-time", "three-point range": spelled compounds are adjectives, unless they
    # measure a length or weight ("a six-mile trip")
    compound = re.match(r"-([A-Za-z]+)", after) if fig.spelled else None
    if compound is None or re.match(r"-(?:plus|odd)\b", after, re.I):
        return False
    word = compound.group(1).lower()
    return word not in MEASURE_WORDS or word in _TIME_UNITS


def _person_age(after: str) -> bool:
    m = re.match(r"[\s-]*(?:years?|months?|weeks?|days?)[\s-]+old\b[\s,]*([A-Za-z]+)?", after, re.IGNORECASE)
    if m is None:
        return False
    nxt = (m.group(1) or "").lower()
    return not nxt or nxt in _PERSON_WORDS or nxt in _COUNT_STOP or nxt.endswith(("er", "ist"))


def _capitalised_name(word: str) -> bool:
    if word.endswith(("'s", "’s", "s'", "s’")):
        return False  # a possessive: "Voltra's 800 job losses", "China's 1.4 billion people"
    if word.lower().strip(".") in _NOT_NAME_WORDS or word.lower() in _COUNT_STOP:
        return False
    if word.isupper() and len(word) <= 4 and word in ("US", "U.S.", "UK", "EU", "UN"):
        return False
    return any(ch.isupper() for ch in word)


def _year_context(text: str, fig: Figure, lo: int) -> bool:
    """A bare 4-digit number 1000-2100 is a year unless it counts something plural ("2000 people")
    and is not introduced as a date ("in 2000 people ...")."""
    before = text[max(lo, fig.start - 12):fig.start]
    counts = bool(fig.unit and is_plural(fig.unit) and fig.unit.lower() not in _YEARLY_NOUNS)
    return not (counts and not _YEAR_BEFORE_RE.search(before))


def _attach_unit(text: str, fig: Figure, hi: int) -> None:
    """Measurement unit, rate ('per share') or the counted noun after a figure."""
    if fig.dimension in ("currency", "percent"):
        _per(text, fig, hi)
        return
    e = fig.end
    old = _AGE_UNIT_RE.match(text, e, hi)
    if old:
        fig.unit, fig.dimension, fig.end = f"{old.group(1).lower()} of age", "measure", old.end()
        return
    times = re.match(r"\s+times\b", text[e:hi])
    if times and fig.value is not None and not fig.spelled:
        fig.unit, fig.dimension = "times", "ratio"
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
                m = m if m.group(1) in ("PS", "ft") else None
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
    name = MEASURE_WORDS.get(word) or ABBREVIATIONS.get(m.group(2))
    if name is None and (word in _PER_NOUNS or (connector == "per" and word not in _COUNT_STOP)):
        name = word
    if name is None:
        return
    fig.unit = f"{fig.unit} per {name}"
    if extend:
        fig.end = m.end()


def _counted(text: str, fig: Figure, hi: int) -> None:
    """For counts: the counted noun after the number ("seven Chinese officials" -> "officials")."""
    pos = fig.end
    of = re.match(r"\s+of\b", text[pos:hi]) if (fig.kind == "vague" or fig.has_mult) else None
    if of:
        pos += of.end()
    words: list[str] = []
    for _ in range(4):
        m = _WORD_RE.match(text, pos, hi)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if lw == "and" and words and _plural_ahead(text, m.end(), hi):
            pos = m.end()  # "Kia and Hyundai vehicles", "digital and physical sales"
            continue
        if lw in _COUNT_STOP or (lw.endswith("ly") and len(lw) > 4) or (words and lw.endswith("ing")):
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
        if not m or m.group(1).lower() in _COUNT_STOP:
            return False
        if is_plural(m.group(1)):
            return True
        pos = m.end()
    return False


def _next_is_plural(text: str, pos: int, hi: int) -> bool:
    m = _WORD_RE.match(text, pos, hi)
    return bool(m and is_plural(m.group(1)) and m.group(1).lower() not in _COUNT_STOP)


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
