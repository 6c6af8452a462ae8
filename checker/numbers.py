"""The project's own number grammar: numerals, multipliers, currency, percent, ranges, fractions.

:func:`find_numbers` scans a span of text and returns :class:`Figure` records: where a number
is written, its value or interval, and the currency/percent unit glued to it. Hedges, trends,
counted nouns, measurement units and the filters for non-claims (dates, names, ...) are applied by
:mod:`checker.extract`; the semantics-table ids that fire are collected in ``Figure.sem``.
"""

from __future__ import annotations

import re

from checker.figure import (
    ABBREV_SCALES,
    DENOMINATORS,
    ONES,
    SCALES,
    TENS,
    Figure,
    is_year_like,
    parse_digits,
    parse_spelled,
)
from checker.ranges import join_ranges
from checker.units import CURRENCY_PREFIXES, CURRENCY_SUFFIX_SYMBOLS, CURRENCY_WORDS, PERCENT_WORDS

__all__ = ["Figure", "find_numbers", "is_year_like", "parse_digits", "parse_spelled", "read_suffixes"]

_NUMWORD = "|".join(sorted([*ONES, *TENS, "hundred", *SCALES, "dozen"], key=len, reverse=True))
_SCALE_WORDS = "hundred|thousand|lakh|million|crore|billion|trillion"


_DIGITS_RE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])|(?<![\w.])\.\d+")
_SPELLED_RE = re.compile(
    rf"\b(?:an?\s+(?=(?:{_SCALE_WORDS}|dozen)\b))?(?:{_NUMWORD})(?:(?:[\s-]+|\s+and\s+|,\s+)(?:{_NUMWORD}))*\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds)\s+of\s+(?P<tscale>thousands|millions|billions)"
    r"|(?P<many>(?:many,?\s+)+)(?P<mscale>hundreds|thousands|millions|billions)"
    r"|(?P<several>several|a\s+few)\s+(?P<sscale>hundred|thousand|million|billion|dozen)s?"
    r"|(?P<plain>dozens|hundreds|thousands|millions|billions)"
    # "scores of people"; not "test scores of 90%", "the scores of both teams"
    r"|(?<!the )(?<!their )(?<!test )(?<!exam )(?<!credit )(?<!high )(?<!low )(?<!average )"
    r"(?P<scores>scores)(?=\s+of\s+(?:[a-z]+\s+)?(?:people|[a-z]+s)\b))\b",
    re.IGNORECASE,
)
_FRACTION_RE = re.compile(
    r"\b(?:(?P<fnum>a|one|two|three)[\s-]+(?P<fden>quarters?|thirds?)\s+of\s+an?\s+"
    r"(?P<fscale>thousand|million|billion)\b"
    r"|(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<den>half|thirds?|quarters?|"
    r"fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?=\s+of\b)"
    r"|(?P<half>half)(?=\s+(?:of|the|its|their|his|her|all)\b)"
    r"|(?P<pt>(?:a|one)[\s-]+quarter|half\s+a|(?:a[\s-]+)?half)[\s-]+"
    r"(?P<ptunit>(?:percentage[\s-]+)?point)s?\b"
    r"|(?:(?<=\bby )|(?<=\bthan ))"
    r"(?:(?P<bynum>a|an|one|two|three)[\s-]+(?P<byden>thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<byhalf>half))\b"
    r"|(?:half\s+an?\s+|(?:an?\s+)?(?P<part>half|quarter)[\s-])(?P<halfscale>dozen|thousand|million|billion)\b"
    r"|(?P<one>one|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<every>two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|\d{1,3})\b)",
    re.IGNORECASE,
)
# "tenfold", "a hundredfold", "twenty-fivefold": a multiple written as one word
_FOLD_RE = re.compile(rf"\b((?:{_NUMWORD})(?:-(?:{_NUMWORD}))?)-?fold\b", re.IGNORECASE)
_AND_A_HALF_RE = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+and\s+a\s+half\b", re.IGNORECASE)
_SLASH_FRACTION_RE = re.compile(r"\s*[/⁄]\s*(\d{1,4})(?![\d/⁄.])")
_MULT_AFTER_RE = re.compile(r"\s?(?:mn|bn|m|k|million|billion|thousand)\b", re.IGNORECASE)
_MULT_WORDS_RE = re.compile(rf"(?:[\s-]+(?:{_SCALE_WORDS}))+\b", re.IGNORECASE)
_MULT_ABBREV_RE = re.compile(r"\s?(mn|mln|bln|bn|tn|trn)(?![A-Za-z])|(b|m|k|M|K|B)(?![A-Za-z0-9])",
                             re.IGNORECASE)
_PERCENT_RE = re.compile(
    r"[\s-]*(%|per[\s-]?cent\b|percent\b|pct\b|percentage[\s-]points?\b|basis[\s-]points?\b|bps?\b|ppts?\b"
    r"|pp\b(?!\s+[a-z]))"
    r"|(pc)\b",
    re.IGNORECASE,
)
_CUR_PREFIX_RE = re.compile(
    "(?:"
    + "|".join(re.escape(k).replace(r"\ ", r"\s") for k in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
    + r")\s?$"
)


def _split_spelled(words: list[str], commas: list[bool] | None = None) -> list[list[int]]:
    """Split a run of number words into well-formed numbers; returns index groups.

    'one two' is two numbers; 'twenty five' and 'twenty-five' one; 'and' and a comma only join after
    a scale word ('one thousand, two hundred and five').
    """
    groups: list[list[int]] = []
    prev: str | None = None
    after_and = False
    for i, w in enumerate(x.lower() for x in words):
        if commas and commas[i] and prev != "scale":
            prev = None
        if w == "and":
            after_and = prev == "scale"
            if not after_and:
                prev = None
            continue
        kind = "a" if w in ("a", "an") else "one" if w in ONES else "ten" if w in TENS else "scale"
        join = prev is not None and (
            (prev == "scale" and kind != "a")
            or (prev == "a" and kind == "scale")
            or (prev in ("one", "ten") and kind == "scale")
            or (prev == "ten" and kind == "one" and ONES[w] < 10 and not after_and)
        )
        if join:
            groups[-1].append(i)
        else:
            groups.append([i])
        prev, after_and = kind, False
    return groups


def find_numbers(text: str, lo: int = 0, hi: int | None = None) -> list[Figure]:
    """All numbers in ``text[lo:hi]`` with multipliers, currency, percent, fractions, vague amounts
    and ranges applied; sorted by start, not overlapping."""
    hi = len(text) if hi is None else hi
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(fig: Figure | None) -> None:
        if fig is not None and all(fig.end <= a or fig.start >= b for a, b in taken):
            found.append(fig)
            taken.append((fig.start, fig.end))

    for m in _AND_A_HALF_RE.finditer(text, lo, hi):  # "two and a half years", "1 and a half million"
        whole = m.group(1).lower()
        value = (float(whole) if whole.isdigit() else float(ONES[whole])) + 0.5
        fig = Figure(m.start(), m.end(), value, num_start=m.start(), num_end=m.end(), raw=m.group(),
                     spelled=not whole.isdigit(), sem=["spelled", "fraction"])
        read_suffixes(text, fig, hi)
        add(fig)
    for m in _FRACTION_RE.finditer(text, lo, hi):
        add(_fraction(m))
    for m in _FOLD_RE.finditer(text, lo, hi):
        value = parse_spelled(m.group(1).split("-"))
        if value is not None:
            add(Figure(m.start(), m.end(), value, unit="times", dimension="ratio", num_start=m.start(),
                       num_end=m.end(1), raw=m.group(1), spelled=True, sem=["spelled"]))
    for m in _VAGUE_RE.finditer(text, lo, hi):
        add(_vague(m))
    for m in _DIGITS_RE.finditer(text, lo, hi):
        if all(m.end() <= a or m.start() >= b for a, b in taken):
            add(_digits(text, m, lo, hi))
    for m in _SPELLED_RE.finditer(text, lo, hi):
        words = [(w.group(), w.start() + m.start()) for w in re.finditer(r"[A-Za-z]+", m.group())]
        commas = [i > 0 and "," in text[words[i - 1][1]:words[i][1]] for i in range(len(words))]
        for group in _split_spelled([w for w, _ in words], commas):
            s = words[group[0]][1]
            e = words[group[-1]][1] + len(words[group[-1]][0])
            value = parse_spelled([words[i][0] for i in group])
            group_words = [words[i][0].lower() for i in group]
            if value is None or all(w in ("dozen", "hundred", *SCALES) for w in group_words):
                continue  # "a baker's dozen", "(2.3) million": a scale word alone is no number
            fig = Figure(s, e, value, num_start=s, num_end=e, raw=text[s:e], spelled=True, sem=["spelled"])
            fig.has_mult = any(words[i][0].lower() in (*SCALES, "hundred") for i in group)
            if all(e <= a or s >= b for a, b in taken):
                read_suffixes(text, fig, hi)
                add(fig)
    found.sort(key=lambda f: f.start)
    return join_ranges(text, join_ranges(text, found, tight=True), tight=False)


def _fraction(m: re.Match[str]) -> Figure | None:
    if m.group("den"):
        num = m.group("num").lower()
        value = (1 if num in ("a", "an") else ONES[num]) / DENOMINATORS[m.group("den").lower()]
    elif m.group("half") or m.group("byhalf"):
        value = 0.5
    elif m.group("byden"):
        num = m.group("bynum").lower()
        value = (1 if num in ("a", "an") else ONES[num]) / DENOMINATORS[m.group("byden").lower()]
    elif m.group("pt"):  # "a quarter point", "half a percentage point": a change of rates
        value = 0.25 if "quarter" in m.group("pt").lower() else 0.5
        unit = "percentage point" if "percentage" in m.group("ptunit").lower() else "point"
        return Figure(m.start(), m.end(), value, unit=unit, dimension="percent" if "percentage" in unit
                      else "count", num_start=m.start(), num_end=m.start("ptunit"), raw=m.group("pt"),
                      spelled=True, sem=["spelled", "fraction"])
    elif m.group("fscale"):  # "a quarter of a million", "two thirds of a billion"
        num = m.group("fnum").lower()
        value = (1 if num == "a" else ONES[num]) / DENOMINATORS[m.group("fden").lower()] \
            * SCALES[m.group("fscale").lower()]
        return Figure(m.start(), m.end(), value, num_start=m.start(), num_end=m.end(), raw=m.group(),
                      spelled=True, has_mult=True, sem=["spelled", "fraction"])
    elif m.group("halfscale"):
        scale = m.group("halfscale").lower()
        part = 0.25 if (m.group("part") or "").lower() == "quarter" else 0.5
        value = part * (12.0 if scale == "dozen" else SCALES[scale])
        return Figure(m.start(), m.end(), value, num_start=m.start(), num_end=m.end(), raw=m.group(),
                      spelled=True, has_mult=True, sem=["spelled", "fraction"])
    else:
        one, every = m.group("one").lower(), m.group("every").lower()
        a = float(one) if one.isdigit() else float(ONES.get(one, 0))
        b = float(every) if every.isdigit() else float(ONES.get(every) or TENS.get(every) or 0)
        if not a or not b or a >= b:
            return None
        value = a / b
    return Figure(m.start(), m.end(), value, kind="fraction", dimension="ratio", sem=["fraction"],
                  num_start=m.start(), num_end=m.end(), raw=m.group())


def _vague(m: re.Match[str]) -> Figure:
    scale_of = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
                "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12.0,
                "scores": 20.0}
    if m.group("tens"):
        low = scale_of[m.group("tscale").lower()] * (10 if m.group("tens").lower() == "tens" else 100)
        sem = "vague-tens-of"
    elif m.group("many"):
        low, sem = scale_of[m.group("mscale").lower()], "vague-many"
    elif m.group("several"):
        low, sem = 2 * scale_of[m.group("sscale").lower()], "vague-many"
    else:
        low, sem = scale_of[(m.group("plain") or m.group("scores")).lower()], "vague-magnitude"
    high = 120.0 if low == 12.0 else (low * 5 if m.group("several") else low * 10)
    return Figure(m.start(), m.end(), None, low, high, hedge="vague", kind="vague", sem=[sem],
                  num_start=m.start(), num_end=m.end(), raw=m.group())


_SIGN_RE = re.compile(r"(?:\bminus[\s-]?|\bnegative\s|[-−])$", re.IGNORECASE)


def _sign_before(text: str, pos: int, lo: int) -> int:
    """Length of a minus sign ending at ``pos`` ("minus ", "-"), or 0 ("COVID-19", "5-10" are not signs)."""
    m = _SIGN_RE.search(text, max(lo, pos - 9), pos)
    if m is None:
        return 0
    prev = text[m.start() - 1] if m.start() > lo else " "
    if m.group()[0] in "-−" and (prev.isalnum() or prev in ".,)-"):
        return 0
    return len(m.group())


def _digits(text: str, m: re.Match[str], lo: int, hi: int) -> Figure:
    s, e = m.start(), m.end()
    raw = m.group()
    fig = Figure(s, e, parse_digits(raw), num_start=s, num_end=e, raw=raw, has_sep="," in raw)
    slash = _SLASH_FRACTION_RE.match(text, e, hi)
    if slash and raw.isdigit() and (s == lo or text[s - 1] not in "/⁄") \
            and 0 < float(raw) < int(slash.group(1)):
        fig.value = fig.low = fig.high = float(raw) / int(slash.group(1))
        fig.end = fig.num_end = slash.end()
        fig.kind, fig.dimension, fig.sem = "fraction", "ratio", ["fraction"]
        return fig
    mixed = _MIXED_RE.match(text, e, hi) if raw.isdigit() else None
    if mixed:
        if mixed.group(3):
            frac = _GLYPHS[mixed.group(3)]
        else:  # "5 1/0" is no fraction: a zero denominator reads as nothing
            frac = int(mixed.group(1)) / int(mixed.group(2)) if int(mixed.group(2)) else 0.0
        if 0 < frac < 1:
            fig.value = parse_digits(raw) + frac
            fig.end = fig.num_end = e = mixed.end()
            fig.sem.append("fraction")
    sci = _SCIENTIFIC_RE.match(text, e, hi)
    if sci:
        fig.value = parse_digits(raw) * 10 ** int(sci.group(1).replace("−", "-"))
        fig.end = fig.num_end = sci.end()
        fig.has_mult = True
    negative = False
    p = s
    sign = _sign_before(text, p, lo)
    if sign:
        negative, p = True, p - sign
    cur = _CUR_PREFIX_RE.search(text, max(lo, p - 8), p)
    if cur:
        symbol = re.sub(r"\s+", " ", cur.group().strip())
        cstart = cur.start()
        glued = cur.group() == cur.group().rstrip()
        ok = not (symbol[0].isalpha() and cstart > lo and text[cstart - 1].isalnum())
        if symbol in ("PS", "RM") and not glued:
            ok = False
        if symbol == "PS" and len(raw) == 1 and not _MULT_AFTER_RE.match(text, e, hi):
            ok = False  # "PS4", "PS5": a console, not pounds
        if ok:
            fig.unit = CURRENCY_PREFIXES.get(symbol) or CURRENCY_PREFIXES.get(symbol.replace(" ", ""), "USD")
            fig.dimension = "currency"
            fig.sem.append("currency")
            p = cstart
            if not negative:
                sign = _sign_before(text, p, lo)
                if sign:
                    negative, p = True, p - sign
    if fig.unit is None and not negative and s > lo and text[s - 1].isalpha():
        j = s
        while j > lo and text[j - 1].isalpha():
            j -= 1
        fig.glued_letters = text[j:s]
    fig.start = p
    if negative and fig.value is not None:
        fig.value = -fig.value
        fig.sem.append("negative")
    fig.low = fig.high = fig.value
    read_suffixes(text, fig, hi)
    return fig


def read_suffixes(text: str, fig: Figure, hi: int) -> None:
    """Multiplier, currency words/symbols and percent after ``fig.end`` (also after a hedge suffix:
    "40-odd percent")."""
    e = fig.end
    mw = _MULT_WORDS_RE.match(text, e, hi) if fig.value is not None else None
    if mw and fig.value is not None:
        mult = parse_spelled(["one", *re.findall(r"[A-Za-z]+", mw.group().lower())])
        if mult:
            fig.value = float(f"{fig.value * mult:.12g}")
            fig.end = e = mw.end()
            fig.has_mult = True
            fig.sem.append("multiplier")
    elif fig.value is not None and not fig.spelled:
        ma = _MULT_ABBREV_RE.match(text, e, hi)
        if ma:
            word = ma.group(1) or ma.group(2)
            after = text[ma.end():ma.end() + 2]
            ok = True
            if word.lower() in ("m", "b"):
                # "£2.4bn", "$13.6M", "1.2m tons" are millions; "37m (121ft)" is metres
                ok = fig.unit is not None or (word in ("M", "B") and after[:1] == " ") or (
                    word == "m" and after[:1] == " " and after[1:2].isalpha() and after[1:2].islower()
                    and not _METRE_AFTER_RE.match(text, ma.end(), hi)) \
                    or bool(_MILLIONS_RANGE_RE.match(text, ma.end(), hi))  # "1.5m-2m people"
            if word == "K" and fig.unit is None:
                ok = False
            if ok:
                fig.value = float(f"{fig.value * ABBREV_SCALES[word.lower()]:.12g}")
                fig.end = e = ma.end()
                fig.has_mult = True
                fig.sem.append("multiplier")
    if fig.value is not None:
        fig.low = fig.high = fig.value
    if fig.unit == "USD":
        us = _US_AFTER_RE.match(text, e, hi)  # "$75 U.S. per barrel", "up $31.20 US"
        if us:
            fig.end = us.end()
    if fig.unit is not None:
        return
    pc = _PERCENT_RE.match(text, e, hi)
    if pc and (pc.group(1) or pc.start(2) == e):
        word = re.sub(r"[\s-]+", " ", (pc.group(1) or pc.group(2)).lower())
        fig.unit = PERCENT_WORDS.get(word, "percent")
        fig.dimension, fig.end = "percent", pc.end()
        fig.sem.append("percent")
        return
    sym = _SUFFIX_SYMBOL_RE.match(text, e, hi)
    if sym:
        fig.unit, fig.dimension, fig.end = CURRENCY_SUFFIX_SYMBOLS[sym.group(1)], "currency", sym.end()
        fig.sem.append("currency")
        return
    pounds = re.match(r"\s+pounds\b(?!\s+of\b)", text[e:hi]) if fig.has_mult else None
    if pounds:
        fig.unit, fig.dimension, fig.end = "GBP", "currency", e + pounds.end()
        fig.sem.append("currency")
        return
    pence = _PENCE_RE.match(text, e, hi)
    if pence and not fig.has_mult:
        fig.unit, fig.dimension, fig.end = "penny", "currency", pence.end()
        fig.sem.append("currency")
        return
    cw = _CUR_WORD_RE.match(text, e, hi)
    if cw:
        word = re.sub(r"\s+", " ", cw.group(1).lower())
        if word in ("won", "rand") and not fig.has_mult:
            return
        if cw.group(1).isupper() != (word.upper() in _ISO_SUFFIXES) and word.upper() in _ISO_SUFFIXES:
            return
        fig.unit = CURRENCY_WORDS.get(word) or word.upper()
        fig.dimension, fig.end = "currency", cw.end()
        fig.sem.append("currency")


_ISO_SUFFIXES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "HKD", "INR", "RMB"})
_CUR_WORD_RE = re.compile(
    r"[\s-]+(" + "|".join(re.escape(k).replace(r"\ ", r"\s+")
                          for k in sorted([*CURRENCY_WORDS, *_ISO_SUFFIXES], key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_SUFFIX_SYMBOL_RE = re.compile(" ?([" + re.escape("".join(CURRENCY_SUFFIX_SYMBOLS)) + r"])(?!\s?\d)")
_US_AFTER_RE = re.compile(r"\s+(?:U\.S\.|US)(?=[\s.,;:)]|$)")
# words after "100m" that make it metres: a dimension, a preposition, or a race ("the 100m final")
_METRE_WORDS = (r" (?:tall|long|wide|high|deep|thick|away|apart|below|above|across|in|from|of|to|and|or|"
                r"by|on|at|per|under|over|x|final|finals|race|races|sprint|hurdles|relay|freestyle|backstroke|"
                r"breaststroke|butterfly|medley|dash|swim|heat|heats|semi-final|record|title|champion)\b")
_METRE_AFTER_RE = re.compile(_METRE_WORDS)
# "1.5m-2m people": a range of millions; "25m-50m long" is metres
_MILLIONS_RANGE_RE = re.compile(r"\s?[-–]\s?[£$€]?\d[\d.,]*(?:m|bn)(?=\s+[a-z])(?!" + _METRE_WORDS + ")")
_MIXED_RE = re.compile(r"\s+(\d)\s*[/⁄]\s*(\d{1,2})(?![\d/⁄.])|\s?([½¼¾⅓⅔⅛])")
_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_PENCE_RE = re.compile(r" ?p(?![\w'’]|\.\w)")
_SCIENTIFIC_RE = re.compile(r"\s*[×x]\s*10\s*(?:\^|\*\*)?\s*([-−]?\d{1,3})(?!\d)")
