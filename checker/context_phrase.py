"""Phrase readers for :mod:`checker.context`: word-class tests, the noun phrase after a figure, verb
chains, prepositional phrases and the noun phrase before a word. No tagger: word lists and endings."""

from __future__ import annotations

import re

from checker.context_split import Token
from checker.context_words import (
    AUX,
    AUX_FILLERS,
    CONJ_STOP,
    DETS,
    EVENT_NOUNS,
    GENERIC_HEADS,
    KNOWN_VERBS,
    MONTHS,
    PREPS,
    RELATIVES,
    SCOPE_OPENERS,
    is_finite_verb,
    is_past_form,
    is_possessive,
    wordset,
)

QUOTE = frozenset("“”\"‘’'")
NUMBER_WORDS = wordset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    thousand thousands million millions billion dozen dozens hundreds about around nearly almost some
    more over at least up roughly approximately fewer less under""")
UNIT_SKIP = wordset("% percent per cent pc percentage point points")
MODALS = wordset("to will would could can may might should must shall")
HEARSAY = wordset("said believed thought estimated feared understood known reported expected presumed")
NP_ADVERBS = wordset("only just alone each apiece still already also reportedly allegedly never not likely "
                      "probably")
RAISING = wordset("set expected likely due poised going about projected forecast forecasted scheduled seen "
                   "tipped slated bound")
_NEEDS_TIME_NOUN = wordset("this last each every so next")
_TIME_NOUNS = wordset(
    "year years month months week weeks day days quarter decade century spring summer autumn fall winter "
    "weekend morning evening night time season")
_TIME_WORDS = wordset("since in year month week day years decade the past a")
REL_SUBJECT = wordset("who that which")
_DATE_LEADS = wordset("the early late mid")
_TIME_PREPS = wordset("since during until after before throughout")
_SUBJECT_PREPS = wordset("of from in for at on to among across with")
ANTECEDENT_PREPS = wordset("of in")
_RATE_NOUNS = wordset("day year week month")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_QUOTE_MARKS = re.compile(r"[“”\"]")
_SPACE_RUN = re.compile(r"\s+")
_MAX_NP = 10
MAX_PP = 9


def is_word(t: Token) -> bool:
    return t.text[:1].isalpha()


def is_number(t: Token) -> bool:
    return t.text[:1].isdigit() or t.text[:1] in "$€£¥" or t.low in NUMBER_WORDS


def is_year(t: Token) -> bool:
    return bool(_YEAR.fullmatch(t.text))


def opens_scope(toks: list[Token], i: int, hi: int) -> bool:
    """A time or scope phrase starts at token i: 'since', 'currently', 'each year' (not 'this province')."""
    low = toks[i].low
    if low not in SCOPE_OPENERS:
        return False
    if low in _NEEDS_TIME_NOUN:
        return i + 1 < hi and (toks[i + 1].low in _TIME_NOUNS or toks[i + 1].low in ("far", "day"))
    return True


def is_time_word(t: Token) -> bool:
    return t.low in MONTHS or t.low in SCOPE_OPENERS or is_year(t)


def np_right(toks: list[Token], i: int, hi: int, dimension: str) -> tuple[list[Token], int]:
    """The counted noun phrase right after the figure: '(of) Uighurs and other members of ...'."""
    while i < hi and (toks[i].low in UNIT_SKIP or toks[i].text in QUOTE):
        i += 1
    if i < hi and toks[i].low == "of":
        i += 1
    elif dimension == "currency" and i + 1 < hi and toks[i].low in ("in", "for", "worth", "on") \
            and not is_time_word(toks[i + 1]) and toks[i + 1].low not in DETS:
        i += 1
        if i < hi and toks[i].low == "of":
            i += 1
    words: list[Token] = []
    while i < hi and len(words) < _MAX_NP:
        t, low = toks[i], toks[i].low
        nxt = toks[i + 1] if i + 1 < hi else None
        if t.text in QUOTE:
            i += 1
            continue
        if words and is_number(t) and is_possessive(words[-1].text):
            words.append(t)  # "85% of the province's 2.3 million residents"
            i += 1
            continue
        if not is_word(t) or low in AUX or low in RELATIVES or low in CONJ_STOP or opens_scope(toks, i, hi):
            break
        if low in PREPS and low != "of" or low == "according":  # "12,000 according to ...": a source
            break
        if low in DETS and words and words[-1].low != "of":
            break
        if low in ("a", "an") and nxt is not None and nxt.low in _RATE_NOUNS or low == "aged":
            break  # "3,800 a day", "adults aged 18 to 29"
        if low in ("and", "or"):
            if nxt is None or is_number(nxt) or nxt.low in AUX or is_past_form(nxt.low) or not is_word(nxt):
                break
        elif is_past_form(low):
            adjective = not words and nxt is not None and is_word(nxt) and nxt.low not in PREPS | AUX | DETS
            if not adjective:
                break
        elif words and (is_finite_verb(low) or low in NP_ADVERBS):
            break
        elif words and low in KNOWN_VERBS and words[-1].low.endswith("s") and nxt is not None \
                and nxt.low not in PREPS and nxt.low != "of":
            break  # "61% of voters oppose raising ...": a plural noun, then a verb
        words.append(t)
        i += 1
    while words and words[-1].low in ("of", "and", "or", "the", "a", "an"):
        words.pop()
        i -= 1
    return words, i


def skip_aux(toks: list[Token], i: int, hi: int) -> tuple[int, str | None]:
    """Skip auxiliaries and adverbs ('are currently being', 'were slightly', 'are said to be');
    return the next index and the last auxiliary seen."""
    seen: str | None = None
    while i < hi:
        low = toks[i].low
        nxt = toks[i + 1].low if i + 1 < hi else ""
        if low in AUX:
            seen = low
        elif low in HEARSAY:
            if nxt != "to":
                break
        elif not (low in AUX_FILLERS or low in REL_SUBJECT or (low.endswith("ly") and len(low) > 4)):
            break
        i += 1
    return i, seen


def pp_chain(toks: list[Token], i: int, hi: int) -> tuple[list[Token], int]:
    """Prepositional phrases after a participle: 'into political camps for indoctrination'."""
    words: list[Token] = []
    while i < hi and len(words) < MAX_PP:
        t, low = toks[i], toks[i].low
        nxt = toks[i + 1] if i + 1 < hi else None
        if t.text in QUOTE:
            i += 1
            continue
        if t.text[:1].isdigit() and words and words[-1].low in MONTHS and not is_year(t):
            words.append(t)  # "in the October 7 attack"
            i += 1
            continue
        if not is_word(t) or low in AUX or low in RELATIVES or low in CONJ_STOP or opens_scope(toks, i, hi):
            break
        if low in ("since", "per", "during") or (
            low in ("in", "over", "for", "by") and nxt is not None
            and (is_year(nxt) or nxt.low in _DATE_LEADS and _years_ahead(toks, i + 1, hi))
        ):
            break
        if low in ("in", "over", "within") and nxt is not None and nxt.low == "the" and i + 2 < hi \
                and toks[i + 2].low in ("past", "last", "previous", "next", "region"):
            break
        if low in ("and", "or") and (nxt is None or not is_word(nxt) or nxt.low in AUX or is_number(nxt)):
            break
        if (is_past_form(low) or is_finite_verb(low)) and words and words[-1].low not in PREPS:
            break
        if not words and low not in PREPS:
            break
        words.append(t)
        i += 1
    while words and (words[-1].low in PREPS or words[-1].low in DETS or words[-1].low in ("and", "or")):
        words.pop()
        i -= 1
    return words, i


def object_phrase(toks: list[Token], i: int, hi: int, limit: int = 8) -> list[Token]:
    """Object of a verb: 'materials from this Chinese province', 'the country', 'in detention'."""
    if i < hi and toks[i].low in PREPS:
        return pp_chain(toks, i, hi)[0][:limit]
    words, k = np_right(toks, i, hi, "count")
    if words and not (i < hi and toks[i].low == "of"):
        words = toks[i:k] + pp_chain(toks, k, hi)[0]
    return words[:limit]


def _years_ahead(toks: list[Token], i: int, hi: int) -> bool:
    return any(is_year(t) for t in toks[i:min(hi, i + 3)])


def skip_scope(toks: list[Token], i: int, hi: int) -> int:
    """Skip a time phrase ('each year', 'since April 2017', 'in 2019') to reach a following verb."""
    start = i
    while i < hi and i - start < 5 and (
        toks[i].low in SCOPE_OPENERS or is_year(toks[i]) or toks[i].low in MONTHS
        or toks[i].low in _TIME_WORDS
    ):
        i += 1
    return i


def phrase(text: str, words: list[Token], keep_det: bool = False) -> str:
    words = [w for w in words if w.text not in QUOTE]
    while words and words[0].low in DETS and not keep_det:
        words = words[1:]
    if not words:
        return ""
    out = text[words[0].start:words[-1].end]
    return _QUOTE_MARKS.sub("", _SPACE_RUN.sub(" ", out)).strip()


def span(text: str, first: Token, rest: list[Token]) -> str:
    """Words as written from ``first`` through the last of ``rest``."""
    return phrase(text, [first, *rest], keep_det=True)


_AGE_BOUNDS = wordset("under over below above")


def _only_time(words: list[Token]) -> bool:
    """The words name only a time: 'January', 'spring', '2019', 'early March'."""
    return bool(words) and all(
        w.low in MONTHS or is_year(w) or w.low in _TIME_NOUNS or w.low in _DATE_LEADS for w in words)


def subject_left(text: str, toks: list[Token], j: int, lo: int,
                 preps: frozenset[str] = _SUBJECT_PREPS) -> str:
    """Noun phrase ending at token j (inclusive), walking left: 'the death toll from Hurricane Maria'."""
    words: list[Token] = []
    while j >= lo and len(words) < 12:
        t, low = toks[j], toks[j].low
        if (is_number(t) or low in ("to", "and", "-", "–")) and any(
                x.low in ("aged", "ages") for x in toks[max(lo, j - 4):j]):
            words.insert(0, t)  # "young people aged 16 to 24"
            j -= 1
            continue
        holder = toks[j - 2] if j - 2 >= lo else None
        if is_number(t) and holder is not None and toks[j - 1].low in _AGE_BOUNDS and is_word(holder) \
                and holder.low not in DETS | PREPS | AUX | KNOWN_VERBS and not is_past_form(holder.low):
            words[0:0] = [toks[j - 1], t]  # "workers under 25", "drivers over 70": an age group
            j -= 2
            continue
        if not is_word(t) or low in AUX or low in RELATIVES or low in CONJ_STOP or (
                is_past_form(low) and low != "aged"):
            break
        if low in DETS:
            if j - 2 >= lo and toks[j - 1].low in _TIME_PREPS and _only_time(words):
                words = []  # "Sales since the spring"
                j -= 2
                continue
            if j - 1 >= lo and toks[j - 1].low in preps:
                words.insert(0, t)
                j -= 1
                continue
            break
        if low in PREPS and low not in preps:
            if low in _TIME_PREPS and j - 1 >= lo and _only_time(words):
                words = []  # "The toll since January", "Sales since the spring": the subject is before it
                j -= 1
                continue
            break
        noun = any(toks[k].low in DETS for k in range(max(lo, j - 2), j))  # "the real rise", "a cut"
        if low in KNOWN_VERBS and low not in EVENT_NOUNS and words and not low.endswith("s") \
                and low not in GENERIC_HEADS and low != "record" and not noun:
            break
        words.insert(0, t)
        j -= 1
    while words and words[0].low in PREPS:
        words = words[1:]
    return phrase(text, words)


def skip_left_aux(toks: list[Token], j: int, lo: int) -> int:
    """Back over auxiliaries, adverbs and raising verbs: 'was set to', 'is expected to', 'can also'."""
    while j >= lo and (toks[j].low in AUX or toks[j].low in MODALS or toks[j].low in AUX_FILLERS
                       or toks[j].low in RAISING or is_adverb(toks[j])):
        j -= 1
    return j


def is_adverb(t: Token) -> bool:
    low = t.low
    return low in AUX_FILLERS - {"to", "all"} or low in NP_ADVERBS or (low.endswith("ly") and len(low) > 4)
