"""What is not a claim: dates, years, times, ages, ordinals, scores, numbers inside names, "one of
the best", page debris. :mod:`checker.extract` asks these predicates about each figure the grammar
found; docs/semantics.md lists the cases for editors. Clock times and ages live in
:mod:`checker.notclaims_time`.
"""

from __future__ import annotations

import re

from checker.figure import ONES, TENS
from checker.notclaims_time import is_age
from checker.numbers import Figure, is_year_like
from checker.units import ABBREV_RE, COUNT_STOP, MEASURE_WORDS, TIME_WORDS, compound_noun, is_plural, words

_DETERMINER_RE = re.compile(r"\b(?:the|all|both|top|bottom|last|first|final|those|these|other)\s+$",
                            re.IGNORECASE)
_YEARLY_NOUNS = words("""sales revenues earnings profits results figures elections games olympics levels
    prices numbers estimates budgets accounts models editions seasons""")
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
# Noise that real copy carries around figures: links and e-mail addresses, copyright lines, the exchange
# rate a wire story states for reference ("($1 = 0.7902 pounds)"), hyphenated identifiers ("ISBN
# 978-3-16-148410-0"), phone numbers, season years
# ("2022-23"), gallery and page counters ("Page 3 of 5", "image 3 of 12", a caption's closing "1 of 4"),
# reading times ("5 min read"), ratios and idioms written with a colon or a slash ("3:1", "24/7",
# "9/11": see _slash_idiom), screen resolutions ("4K TV"), dimensions ("3-D", "2D"). ("5G" stays:
# NewsQuant counts it.)
_NOISE_RE = re.compile(
    r"\bhttps?://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:©|\(c\)|\bcopyright)\s*\d{4}(?:\s*[-–]\s*\d{2,4})?"
    r"|(?:\bUS)?[$€£¥]\s?1(?:\.00)?\s*=\s*(?:[A-Z]{3}\s?)?[\d.,]*\d(?:\s+[A-Za-z.]+){0,2}"
    r"|\b\d+(?:-\d+){3,}\b"
    r"|\b(?:1[89]|20)\d{2}[-–/]\d{2}\b(?![-–/]\d)"
    r"|(?P<phone>(?<![\w.,])\+?\(?\d{1,5}\)?(?:[ -]\(?\d{2,5}\)?){1,4}(?![\w,]|\.\d))"
    r"|\b(?:page|pages|p\.|image|images|photo|photos|picture|pictures|slide|slides|part|parts|episode|step|item)"
    r"\s+\d{1,3}\s+(?:of|/)\s+\d{1,3}\b"
    r"|(?<![\w,.])\d{1,3}\s+of\s+\d{1,3}(?=[ \t]*$)"
    r"|\b\d{1,2}[\s-]?min(?:ute)?s?\s+read\b"
    r"|\b\d{1,3}:\d(?!\d)"
    r"|\b[48]K\b(?=\s+(?:[A-Z]|video|resolution|display|screens?|streaming|content|footage|cameras?))"
    r"|(?-i:\b[234]-?D\b)",
    re.IGNORECASE | re.MULTILINE,
)
_PHONE_CUE_RE = re.compile(r"\b(?:call|calls|calling|tel|telephone|phone|ring|dial|fax|hotline|helpline|"
                           r"whatsapp|sms)\b\W{0,6}(?:\w+\W{1,3}){0,2}$", re.IGNORECASE)
_STATION_RE = re.compile(r"(?-i:\b[A-Z]{3,5})[ \t]+$")
_VERSIONED_RE = re.compile(r"\b[a-z]+[A-Z]\w*[ \t]+$")
_SLASH_RE = re.compile(r"(?<![\w/.,])(\d{1,3})/(\d{1,3})(?![\w/]|[.,]\d)")
_DENOMINATORS = frozenset([2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 64, 100])
_IDENTIFIER_RE = re.compile(r"(?<![\d,.])\d{9,}(?![\d,.])")
_DEBRIS_TOKEN_RE = re.compile(r"[\s_-]*(?:\d+|[A-Za-z]{1,2})(?![A-Za-z\d])")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_YEAR_BEFORE_RE = re.compile(
    r"\b(?:in|since|by|from|until|till|to|of|during|before|after|the|early|late|mid|end|year|fiscal|"
    r"season|summer|winter|spring|autumn|fall|circa|around|and|or|between|through|'s|’s)[\s-]+$",
    re.IGNORECASE,
)
_NAME_PREFIX_RE = re.compile(r"(?:(?<=\s)|^)([A-Za-z&][\w&.'’]*)[ \t]+$")
_HYPHEN_NAME_RE = re.compile(r"[A-Za-z][-–]\s?$")
_NUMBER_SIGN_RE = re.compile(
    r"(?:\bno\.|\bnos?\.|#|\b(?:number|group\s+of|version|v\.?|page|p\.|pp\.|category|grade|level|phase|"
    r"stage|article|section|chapter|round|tier|class|type|size|row|seat|gate|platform|route|flight|room|"
    r"terminal|ward|berth|pier|episode|verse|clause|paragraph|"
    r"highway|interstate|exit|fig\.|figs\.|figure|figures|table|tables|appendix|eq\.|equation|ref\.)"
    r"(?:\s+\d+\w?\s+and)?)\s*$",
    re.IGNORECASE,
)
_ONE_OF_RE = re.compile(r"\s+of\s+(?:the|his|her|its|their|our|my|your|those|these|them|us|many|several|"
                        r"few|\d)\b", re.IGNORECASE)
_ADDRESS_RE = re.compile(r"\s+(?:[A-Z0-9][\w.]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive|"
                         r"Boulevard|Blvd|Place|Court|Square|Highway|Hwy)\b\.?")
_NOT_NAME_WORDS = words("""
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


def debris_spans(text: str, lo: int) -> list[tuple[int, int]]:
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


def in_name(text: str, fig: Figure, lo: int) -> bool:
    """'iPhone 14', 'S&P 500', 'Game 7', 'COVID -19': a number after a capitalised word, with no unit."""
    if fig.spelled or fig.has_sep or fig.has_mult or fig.kind != "number" or fig.hedge_word:
        return False  # a hedged number ("at most 100") is no name
    if "." in fig.raw:  # a decimal is a name's version only after a word like "iOS", "macOS", "iPadOS"
        if fig.unit is None and _STATION_RE.search(text, max(lo, fig.start - 8), fig.start) \
                and fig.value is not None and 87.5 <= fig.value <= 108:
            return True  # a radio station's frequency: "WBRN 91.7"
        return fig.unit is None and _VERSIONED_RE.search(text, max(lo, fig.start - 20), fig.start) is not None
    if fig.unit is None and re.match(r" (?!I\b)[A-Z][\w’'&-]*(?![\w’'&-]*s\b)", text[fig.end:fig.end + 30]):
        return True  # "787 Dreamliner", "11 Pro Max", "10 Downing Street"
    before = text[max(lo, fig.start - 30):fig.start]
    name = _NAME_PREFIX_RE.search(before)
    if name and name.group(1) == "Top" and fig.unit is None:
        return True  # "the Top 100 list", "Top 40" ("top three seeds" counts seeds)
    if "negative" in fig.sem and re.search(r"[A-Z]{2,}\s?$", before):
        return True
    return bool(name and _capitalised_name(name.group(1)))


def bare_one(text: str, fig: Figure) -> bool:
    """A spelled 'one' with nothing counted after it is a pronoun ("no one", "one could"); so is a
    small spelled number after a determiner with nothing counted ("the two met", "the bottom three")."""
    if fig.unit is not None or not fig.spelled or fig.kind != "number" or fig.hedge != "exact":
        return False
    if fig.value == 1:
        return True
    before = text[max(0, fig.start - 12):fig.start]
    return bool(fig.value is not None and fig.value < 100 and _DETERMINER_RE.search(before))


def not_a_claim(text: str, fig: Figure, lo: int, hi: int) -> bool:
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
    if not fig.spelled and len(fig.raw) >= 2 and fig.raw.startswith("0") and fig.raw.isdigit():
        return True  # "0193", "007": a code, not a quantity
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
    if fig.hedge != "range" and re.match(r"\s*o['’]clock\b", after, re.IGNORECASE):
        return True  # "6 o'clock", "six o'clock"
    tail = suspended_tail(text, fig, hi)  # "16- and 17-year-olds": the last member's word
    if is_age(text, fig, before, after if tail is None else text[tail:min(hi, tail + 30)]):
        return True
    if fig.unit is None and not fig.has_mult and not fig.has_sep:
        if _NUMBER_SIGN_RE.search(before) or re.match(r"\s+ZIP\b", after):
            return True
        if before.endswith("[") and re.match(r"(?:\s*[,–-]\s*\d+)*\]", after):
            return True  # a citation: "[2]", "[4,5]"
    if not fig.has_sep and "." not in fig.raw and _ADDRESS_RE.match(re.sub(r"^[A-Za-z]\b", "", after)):
        return True  # "12 Harbour Road", "221B Baker Street"
    if fig.spelled and fig.value == 1 and re.search(r"\b(?:no|any|every|each|some|the|this|that|which|such|"
                                                   r"another|last|the\s+only)\s+$", before, re.I):
        return True  # "no one", "the one", "which one"
    if fig.value == 1 and _ONE_OF_RE.match(after) and fig.unit is None:
        return True  # "one of the best"
    if re.match(r"[A-Za-z]{1,3}\d", after) and not ABBREV_RE.match(after):
        return True  # "24703L202": an identifier
    # "five-year plan", "one-time", "three-point range": spelled compounds are adjectives, unless they
    # measure a length or weight ("a six-mile trip")
    if fig.spelled:
        tail = suspended_tail(text, fig, hi)  # "four-, five- and six-cylinder": the last member's word
        after = after if tail is None else text[tail:min(hi, tail + 30)]
    compound = re.match(r"-([A-Za-z]+)", after) if fig.spelled else None
    if compound is None or re.match(r"-(?:plus|odd|fold)\b", after, re.I):
        return False
    word = compound.group(1).lower()
    return word in TIME_WORDS or not (word in MEASURE_WORDS or compound_noun(word))



_SUSPENDED_GAP_RE = re.compile(r"-(?=\s*,|\s+(?:and|or|to|through)\s)")
_SUSPENDED_NEXT_RE = re.compile(
    r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+)"
    r"(?:\d[\d,.]*|(?:" + "|".join(sorted([*ONES, *TENS, "hundred"], key=len, reverse=True)) + r")(?:-\w+)??)"
    r"(?P<hyphen>-)(?P<word>[A-Za-z]+)?",
    re.IGNORECASE,
)


def suspended_tail(text: str, fig: Figure, hi: int) -> int | None:
    """'four-, five- and six-cylinder', '10-, 20- and 30-year': where the hyphen of the last member
    starts ('-cylinder'), which completes each suspended one; None when the figure is no suspended
    member."""
    if fig.kind != "number" or _SUSPENDED_GAP_RE.match(text, fig.num_end, hi) is None:
        return None
    pos = fig.num_end + 1
    for _ in range(8):
        m = _SUSPENDED_NEXT_RE.match(text, pos, hi)
        if m is None:
            return None
        if m.group("word"):
            return m.start("hyphen")
        pos = m.end()
    return None


def _capitalised_name(word: str) -> bool:
    if word.endswith(("'s", "’s", "s'", "s’")):
        return False  # a possessive: "Voltra's 800 job losses", "China's 1.4 billion people"
    if word.lower().strip(".") in _NOT_NAME_WORDS or word.lower() in COUNT_STOP:
        return False
    if word.isupper() and len(word) <= 4 and word in ("US", "U.S.", "UK", "EU", "UN"):
        return False
    return any(ch.isupper() for ch in word)


def year_context(text: str, fig: Figure, lo: int) -> bool:
    """A bare 4-digit number 1000-2100 is a year unless it counts something plural ("2000 people")
    and is not introduced as a date ("in 2000 people ...")."""
    before = text[max(lo, fig.start - 12):fig.start]
    counts = bool(fig.unit and is_plural(fig.unit) and fig.unit.lower() not in _YEARLY_NOUNS)
    return not (counts and not _YEAR_BEFORE_RE.search(before))


def blocked_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of times, slash/dash dates, scores and the noise of _NOISE_RE in text[lo:hi] (a phone
    number only when it looks like one: a '+', a group with a leading zero, or a cue such as 'call');
    no figure may overlap them."""
    spans = [(m.start(), m.end()) for m in _NON_CLAIM_SPANS_RE.finditer(text, lo, hi)]
    for m in _NOISE_RE.finditer(text, lo, hi):
        if m.group("phone") is None or _phone(text, m, lo):
            spans.append((m.start(), m.end()))
    spans += [(m.start(), m.end()) for m in _SLASH_RE.finditer(text, lo, hi) if _slash_idiom(text, m)]
    return spans


def _phone(text: str, m: re.Match[str], lo: int) -> bool:
    groups = re.findall(r"\d+", m.group())
    if m.group().startswith("+") or any(g.startswith("0") and len(g) > 1 and g.strip("0") for g in groups):
        return True
    return len(groups) >= 2 and _PHONE_CUE_RE.search(text, max(lo, m.start() - 30), m.start()) is not None


def _slash_idiom(text: str, m: re.Match[str]) -> bool:
    """'24/7', '9/11', '50/50': two numbers with a slash that are no fraction a reader would write (the
    first not below the second, or an unusual denominator with no 'of' after: 'about 1/40 of')."""
    a, b = int(m.group(1)), int(m.group(2))
    return a >= b or (b not in _DENOMINATORS and not re.match(r"\s+of\b", text[m.end():m.end() + 4]))
